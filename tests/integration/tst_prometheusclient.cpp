#include "backends/prometheus/prometheusclient.h"
#include "net/httpclient.h"
#include "prometheusurl.h"
#include "testhttpserver.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QSaveFile>
#include <QTest>
#include <QThread>

#include <cmath>
#include <functional>
#include <optional>

using namespace firebreak;
using namespace firebreak::prometheus;

namespace {

// QVERIFY2 evaluates its message even when the check passes.
template <typename T> QString errorText(const T& result)
{
    return result.error ? result.error->message : QString();
}

constexpr int AnswerTimeoutMs = 15000;

// tests/data/prometheus/fixture.om (see make-fixture.py): 15 s samples k = 0..720 ending at End.
constexpr qint64 EndMs = 1795514400000; // 2026-11-24T10:00:00Z
constexpr qint64 StepMs = 15000;
constexpr qint64 StartMs = EndMs - 720 * StepMs; // 2026-11-24T07:00:00Z
constexpr qint64 HourMs = 3600000;

double checkoutDepthAt(qint64 ms)
{
    const qint64 k = (ms - StartMs) / StepMs;
    return 100.0 + static_cast<double>(k % 37);
}

// What Prometheus does by itself (scrapes, rule evaluations) is seen only by asking again: each time the previous
// answer came and was not yet `wanted`, this asks anew. A condition for QTRY_VERIFY_WITH_TIMEOUT, so the wait is
// bounded and fails with the last answer at hand.
template <typename T> class Poll
{
public:
    using Ask = std::function<void(QObject*, PrometheusClient::Callback<T>)>;
    using Wanted = std::function<bool(const Answer<T>&)>;

    Poll(Ask ask, Wanted wanted)
        : m_ask(std::move(ask))
        , m_wanted(std::move(wanted))
    { }

    bool operator()()
    {
        if (m_last && m_wanted(*m_last))
            return true;
        if (!m_asking) {
            m_asking = true;
            m_ask(&m_context, [this](Answer<T> answer) {
                m_last = std::move(answer);
                m_asking = false;
            });
        }
        return false;
    }

    const std::optional<Answer<T>>& last() const { return m_last; }

private:
    QObject m_context; // answers to a destroyed Poll are dropped by the client
    Ask m_ask;
    Wanted m_wanted;
    bool m_asking = false;
    std::optional<Answer<T>> m_last;
};

// The target tst_prometheusclient serves for the fixture's Prometheus to scrape (file_sd): OpenMetrics with a
// unit and exemplars at fixed times, two of them with the usual trace id labels.
QByteArray openMetricsWithExemplars(qint64 baseS)
{
    const QByteArray base = QByteArray::number(baseS);
    return "# TYPE shop_checkout_latency_seconds histogram\n"
           "# UNIT shop_checkout_latency_seconds seconds\n"
           "# HELP shop_checkout_latency_seconds Checkout request latency.\n"
           "shop_checkout_latency_seconds_bucket{le=\"0.1\"} 10 # {trace_id=\"4bf92f3577b34da6a3ce929d0e0e4736\"} "
           "0.042 "
        + base
        + ".125\n"
          "shop_checkout_latency_seconds_bucket{le=\"1.0\"} 12 # "
          "{traceID=\"00f067aa0ba902b7\",span_id=\"b7ad6b7169203331\"} 0.73 "
        + QByteArray::number(baseS + 10)
        + ".5\n"
          "shop_checkout_latency_seconds_bucket{le=\"+Inf\"} 13\n"
          "shop_checkout_latency_seconds_sum 3.5\n"
          "shop_checkout_latency_seconds_count 13\n"
          "# TYPE shop_orders counter\n"
          "# HELP shop_orders Orders placed.\n"
          "shop_orders_total 42 # {trace_id=\"5b8efff798038103d269b633813fc60c\"} 1 "
        + QByteArray::number(baseS + 20) + "\n# EOF\n";
}

template <typename T> const T* findBy(const std::vector<T>& items, const std::function<bool(const T&)>& match)
{
    const auto it = std::find_if(items.begin(), items.end(), match);
    return it == items.end() ? nullptr : &*it;
}

const Alert* findAlert(const std::vector<Alert>& alerts, const QString& name)
{
    return findBy<Alert>(
        alerts, [&name](const Alert& a) { return a.labels.value(QStringLiteral("alertname")) == name; });
}

const Rule* findRule(const RuleGroup& group, const QString& name)
{
    return findBy<Rule>(group.rules, [&name](const Rule& r) { return r.name == name; });
}

} // namespace

/// PrometheusClient against a real Prometheus (Debian's package) serving a TSDB made by promtool from
/// tests/data/prometheus/fixture.om: exact numbers from real PromQL evaluation at fixed times.
class TestPrometheusClient : public QObject
{
    Q_OBJECT

private:
    QUrl m_url;
    net::HttpClient m_http;
    test::TestHttpServer m_target;
    QString m_targetFile;
    qint64 m_exemplarBaseS = 0;

    net::ConnectionProfile profile(const QUrl& url) const
    {
        net::ConnectionProfile p;
        p.id = QStringLiteral("integration");
        p.kind = net::BackendKind::Prometheus;
        p.baseUrl = url;
        p.timeout = std::chrono::milliseconds(AnswerTimeoutMs);
        return p;
    }

    template <typename T, typename Call> std::optional<Answer<T>> wait(Call call)
    {
        QObject context;
        std::optional<Answer<T>> result;
        bool onGuiThread = false;
        call(&context, [&result, &onGuiThread](Answer<T> answer) {
            onGuiThread = QThread::currentThread() == QCoreApplication::instance()->thread();
            result = std::move(answer);
        });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), AnswerTimeoutMs + 5000); }();
        if (result && !onGuiThread)
            qWarning("answer delivered outside the GUI thread");
        return onGuiThread ? result : std::nullopt;
    }

    std::optional<Answer<QueryResult>> instant(const QString& expr, std::optional<qint64> timeMs)
    {
        PrometheusClient client(m_http, profile(m_url));
        return wait<QueryResult>([&](QObject* context, auto done) { client.query(expr, timeMs, context, done); });
    }

    std::optional<Answer<QueryResult>> range(const RangeQuery& query)
    {
        PrometheusClient client(m_http, profile(m_url));
        return wait<QueryResult>([&](QObject* context, auto done) { client.queryRange(query, context, done); });
    }

    static const Series* find(const QueryResult& result, const QString& label, const QString& value)
    {
        for (const Series& s : result.series) {
            if (s.labels.value(label) == value)
                return &s;
        }
        return nullptr;
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString url = test::prometheusUrl();
        QVERIFY2(!url.isEmpty(), test::NoPrometheusMessage);
        m_url = QUrl(url);
        QVERIFY2(m_url.isValid() && m_url.host() == QLatin1String("127.0.0.1"), qPrintable(url));

        // Prometheus starts scraping the exemplar target now; the tests that need it wait for its scrapes.
        const QString targets = qEnvironmentVariable("FIREBREAK_PROMETHEUS_TARGETS_DIR");
        QVERIFY2(!targets.isEmpty() && QDir(targets).exists(),
            "FIREBREAK_PROMETHEUS_TARGETS_DIR must name the fixture's file_sd folder (WORKDIR/targets)");
        QVERIFY(m_target.listen());
        m_exemplarBaseS = QDateTime::currentSecsSinceEpoch() - 60;
        m_target.route("/metrics",
            { 200, openMetricsWithExemplars(m_exemplarBaseS),
                QByteArrayLiteral("application/openmetrics-text; version=1.0.0; charset=utf-8") });
        m_targetFile = targets + QStringLiteral("/tst_prometheusclient.json");
        QSaveFile file(m_targetFile); // renamed into place: Prometheus never reads half a file
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"([{"targets":["127.0.0.1:)" + QByteArray::number(m_target.port())
            + R"("],"labels":{"service":"checkout"}}])");
        QVERIFY(file.commit());
    }

    void cleanupTestCase()
    {
        if (!m_targetFile.isEmpty())
            QFile::remove(m_targetFile);
    }

    void buildInfo()
    {
        PrometheusClient client(m_http, profile(m_url));
        const auto answer
            = wait<BuildInfo>([&](QObject* context, auto done) { client.buildInfo(context, std::move(done)); });
        QVERIFY(answer);
        QVERIFY2(answer->ok(), qPrintable(errorText(*answer)));
        QVERIFY2(answer->value->version.startsWith(u'2'), qPrintable(answer->value->version));
        QVERIFY(!answer->value->goVersion.isEmpty());
    }

    void gaugeAtFixedTimes_data()
    {
        QTest::addColumn<qint64>("timeMs");
        QTest::addColumn<qint64>("sampleMs");
        QTest::addColumn<double>("checkout");
        QTest::newRow("last_sample") << EndMs << EndMs << 117.0; // k = 720, 720 % 37 = 17
        QTest::newRow("one_hour_before") << EndMs - HourMs << EndMs - HourMs << 136.0; // k = 480
        QTest::newRow("between_samples_takes_the_last") << EndMs - HourMs + 7000 << EndMs - HourMs + 7000 << 136.0;
        QTest::newRow("first_sample") << StartMs << StartMs << 100.0;
        QTest::newRow("four_minutes_after_end") << EndMs + 240000 << EndMs + 240000 << 117.0;
    }

    void gaugeAtFixedTimes()
    {
        QFETCH(qint64, timeMs);
        QFETCH(qint64, sampleMs);
        QFETCH(double, checkout);
        const auto answer = instant(QStringLiteral("fb_queue_depth"), timeMs);
        QVERIFY(answer);
        QVERIFY2(answer->ok(), qPrintable(errorText(*answer)));
        QVERIFY(answer->warnings.isEmpty());
        QCOMPARE(answer->value->type, ResultType::Vector);
        QCOMPARE(answer->value->series.size(), std::size_t(2));
        const Series* c = find(*answer->value, QStringLiteral("service"), QStringLiteral("checkout"));
        const Series* p = find(*answer->value, QStringLiteral("service"), QStringLiteral("payment"));
        QVERIFY(c && p);
        QCOMPARE(c->labels.value(QStringLiteral("__name__")), QStringLiteral("fb_queue_depth"));
        // An instant vector is stamped with the evaluation time, not the sample's.
        QCOMPARE(c->timesMs, std::vector<qint64> { sampleMs });
        QCOMPARE(c->values, std::vector<double> { checkout });
        QCOMPARE(p->values, std::vector<double> { 7.5 });
    }

    void staleAfterFiveMinutes()
    {
        const auto answer = instant(QStringLiteral("fb_queue_depth"), EndMs + 10 * 60000);
        QVERIFY(answer && answer->ok());
        QVERIFY(answer->value->series.empty());
    }

    void rateOfCounter()
    {
        const auto answer = instant(QStringLiteral("rate(fb_http_requests_total[5m])"), EndMs - HourMs);
        QVERIFY(answer && answer->ok());
        QCOMPARE(answer->value->series.size(), std::size_t(3));
        for (const Series& s : answer->value->series) {
            const QString key
                = s.labels.value(QStringLiteral("service")) + u'/' + s.labels.value(QStringLiteral("code"));
            QVERIFY(!s.labels.contains(QStringLiteral("__name__"))); // rate() drops the name
            const double expected = key == QLatin1String("checkout/200") ? 2.0
                : key == QLatin1String("checkout/500")                   ? 0.2
                : key == QLatin1String("payment/200")                    ? 1.0
                                                                         : -1.0;
            QCOMPARE(s.values, std::vector<double> { expected });
        }
    }

    void sumByService()
    {
        const auto answer
            = instant(QStringLiteral("sum by (service) (rate(fb_http_requests_total[5m]))"), EndMs - HourMs);
        QVERIFY(answer && answer->ok());
        QCOMPARE(answer->value->series.size(), std::size_t(2));
        const Series* c = find(*answer->value, QStringLiteral("service"), QStringLiteral("checkout"));
        const Series* p = find(*answer->value, QStringLiteral("service"), QStringLiteral("payment"));
        QVERIFY(c && p);
        QCOMPARE(c->labels.size(), 1);
        QCOMPARE(c->values, std::vector<double> { 2.2 });
        QCOMPARE(p->values, std::vector<double> { 1.0 });
    }

    void histogramQuantile()
    {
        // Per 15 s: 20 observations <= 0.25, 28 <= 0.5, 30 in all; rank 27 lies 7/8 into (0.25, 0.5].
        const auto answer = instant(
            QStringLiteral("histogram_quantile(0.9, sum by (le) (rate(fb_request_duration_seconds_bucket[5m])))"),
            EndMs - HourMs);
        QVERIFY(answer && answer->ok());
        QCOMPARE(answer->value->series.size(), std::size_t(1));
        QVERIFY(answer->value->series[0].labels.isEmpty());
        QCOMPARE(answer->value->series[0].values, std::vector<double> { 0.46875 });

        const auto mean = instant(
            QStringLiteral("rate(fb_request_duration_seconds_sum[5m]) / rate(fb_request_duration_seconds_count[5m])"),
            EndMs - HourMs);
        QVERIFY(mean && mean->ok());
        QCOMPARE(mean->value->series.size(), std::size_t(1));
        QCOMPARE(mean->value->series[0].values, std::vector<double> { 0.2 });
    }

    void scalarAndString()
    {
        const auto scalar = instant(QStringLiteral("scalar(sum(fb_queue_depth))"), EndMs);
        QVERIFY(scalar && scalar->ok());
        QCOMPARE(scalar->value->type, ResultType::Scalar);
        QCOMPARE(scalar->value->series[0].values, std::vector<double> { 124.5 });

        const auto nan = instant(QStringLiteral("scalar(fb_queue_depth)"), EndMs); // two series: NaN
        QVERIFY(nan && nan->ok());
        QVERIFY(std::isnan(nan->value->series[0].values[0]));

        const auto inf = instant(QStringLiteral("vector(1) / 0"), EndMs);
        QVERIFY(inf && inf->ok());
        QCOMPARE(inf->value->series[0].values[0], std::numeric_limits<double>::infinity());

        const auto text = instant(QStringLiteral("\"incident\""), EndMs);
        QVERIFY(text && text->ok());
        QCOMPARE(text->value->type, ResultType::String);
        QCOMPARE(text->value->text, QStringLiteral("incident"));
        QCOMPARE(text->value->textTimeMs, EndMs);
    }

    void rangeOfGauge()
    {
        const auto answer
            = range({ QStringLiteral("fb_queue_depth{service=\"checkout\"}"), EndMs - HourMs, EndMs, 60000 });
        QVERIFY(answer);
        QVERIFY2(answer->ok(), qPrintable(errorText(*answer)));
        QCOMPARE(answer->value->type, ResultType::Matrix);
        QCOMPARE(answer->value->series.size(), std::size_t(1));
        const Series& s = answer->value->series[0];
        QCOMPARE(s.size(), 61);
        for (qsizetype i = 0; i < s.size(); ++i) {
            const auto at = static_cast<std::size_t>(i);
            QCOMPARE(s.timesMs[at], EndMs - HourMs + i * 60000);
            QCOMPARE(s.values[at], checkoutDepthAt(s.timesMs[at]));
        }
    }

    void rangeOfRate()
    {
        const auto answer
            = range({ QStringLiteral("sum(rate(fb_http_requests_total[5m]))"), StartMs + HourMs, EndMs, StepMs });
        QVERIFY(answer && answer->ok());
        QCOMPARE(answer->value->series.size(), std::size_t(1));
        const Series& s = answer->value->series[0];
        QCOMPARE(s.size(), 2 * 240 + 1);
        for (double v : s.values)
            QCOMPARE(v, 3.2);
    }

    void longRangeIsSplit()
    {
        // 3 h at 0.5 s: 21,601 points per series, past the server's 11,000: asked in two parts and joined.
        const RangeQuery query { QStringLiteral("fb_queue_depth"), StartMs, EndMs, 500 };
        QCOMPARE(PrometheusClient::pointCount(query), 21601);
        QCOMPARE(PrometheusClient::splitRange(query).size(), std::size_t(2));
        const auto answer = range(query);
        QVERIFY(answer);
        QVERIFY2(answer->ok(), qPrintable(errorText(*answer)));
        QCOMPARE(answer->value->series.size(), std::size_t(2));
        const Series* c = find(*answer->value, QStringLiteral("service"), QStringLiteral("checkout"));
        QVERIFY(c);
        QCOMPARE(c->size(), 21601);
        for (qsizetype i = 0; i < c->size(); ++i) {
            const auto at = static_cast<std::size_t>(i);
            QCOMPARE(c->timesMs[at], StartMs + i * 500);
            QCOMPARE(c->values[at], checkoutDepthAt(c->timesMs[at]));
        }
    }

    void splitRange_data()
    {
        QTest::addColumn<qint64>("startMs");
        QTest::addColumn<qint64>("endMs");
        QTest::addColumn<qint64>("stepMs");
        QTest::addColumn<qint64>("maxPoints");
        QTest::addColumn<QList<qint64>>("bounds"); // start, end of each part
        QTest::newRow("fits") << qint64(0) << qint64(100) << qint64(10) << qint64(11) << QList<qint64> { 0, 100 };
        QTest::newRow("one_point_over") << qint64(0) << qint64(110) << qint64(10) << qint64(11)
                                        << QList<qint64> { 0, 100, 110, 110 };
        QTest::newRow("three_parts_end_off_grid")
            << qint64(5) << qint64(70) << qint64(10) << qint64(3) << QList<qint64> { 5, 25, 35, 55, 65, 70 };
        QTest::newRow("single_point") << qint64(7) << qint64(7) << qint64(1) << qint64(1) << QList<qint64> { 7, 7 };
        QTest::newRow("end_before_start") << qint64(10) << qint64(0) << qint64(1) << qint64(5) << QList<qint64> {};
    }

    void splitRange()
    {
        QFETCH(qint64, startMs);
        QFETCH(qint64, endMs);
        QFETCH(qint64, stepMs);
        QFETCH(qint64, maxPoints);
        QFETCH(QList<qint64>, bounds);
        QList<qint64> actual;
        for (const RangeQuery& part : PrometheusClient::splitRange({ QString(), startMs, endMs, stepMs }, maxPoints)) {
            QVERIFY(PrometheusClient::pointCount(part) <= maxPoints);
            actual << part.startMs << part.endMs;
        }
        QCOMPARE(actual, bounds);
    }

    void apiSeconds()
    {
        QCOMPARE(PrometheusClient::apiSeconds(EndMs), QStringLiteral("1795514400"));
        QCOMPARE(PrometheusClient::apiSeconds(1500), QStringLiteral("1.500"));
        QCOMPARE(PrometheusClient::apiSeconds(7), QStringLiteral("0.007"));
        QCOMPARE(PrometheusClient::apiSeconds(-1500), QStringLiteral("-1.500"));
    }

    void labelsAndSeries()
    {
        PrometheusClient client(m_http, profile(m_url));
        const QStringList ours { QStringLiteral("{__name__=~\"fb_.*\"}") };
        const auto names = wait<QStringList>(
            [&](QObject* context, auto done) { client.labels(ours, StartMs, EndMs, context, std::move(done)); });
        QVERIFY(names && names->ok());
        QCOMPARE(*names->value,
            (QStringList {
                QStringLiteral("__name__"), QStringLiteral("code"), QStringLiteral("le"), QStringLiteral("service") }));

        const auto services = wait<QStringList>([&](QObject* context, auto done) {
            client.labelValues(QStringLiteral("service"), ours, StartMs, EndMs, context, std::move(done));
        });
        QVERIFY(services && services->ok());
        QCOMPARE(*services->value, (QStringList { QStringLiteral("checkout"), QStringLiteral("payment") }));

        const auto buckets = wait<QStringList>([&](QObject* context, auto done) {
            client.labelValues(QStringLiteral("le"), {}, StartMs, EndMs, context, std::move(done));
        });
        QVERIFY(buckets && buckets->ok());
        QCOMPARE(*buckets->value,
            (QStringList { QStringLiteral("+Inf"), QStringLiteral("0.1"), QStringLiteral("0.25"), QStringLiteral("0.5"),
                QStringLiteral("1") }));

        const auto series = wait<std::vector<LabelSet>>([&](QObject* context, auto done) {
            client.series({ QStringLiteral("fb_http_requests_total") }, StartMs, EndMs, context, std::move(done));
        });
        QVERIFY(series && series->ok());
        QCOMPARE(series->value->size(), std::size_t(3));
        QCOMPARE(series->value->at(0),
            (LabelSet { { QStringLiteral("__name__"), QStringLiteral("fb_http_requests_total") },
                { QStringLiteral("code"), QStringLiteral("200") },
                { QStringLiteral("service"), QStringLiteral("checkout") } }));

        const auto none = wait<std::vector<LabelSet>>(
            [&](QObject* context, auto done) { client.series({}, StartMs, EndMs, context, std::move(done)); });
        QVERIFY(none && !none->ok());
        QCOMPARE(none->error->kind, QueryError::Kind::Invalid);
    }

    void badQueryIsATypedError()
    {
        const auto answer = instant(QStringLiteral("sum(rate(fb_http_requests_total[5m])"), EndMs);
        QVERIFY(answer && !answer->ok());
        QCOMPARE(answer->error->kind, QueryError::Kind::Api);
        QCOMPARE(answer->error->errorType, QStringLiteral("bad_data"));
        QCOMPARE(answer->error->httpStatus, 400);
        const QString prefix
            = QStringLiteral("Prometheus at %1/api/v1/query answered 400: bad_data: ").arg(m_url.toString());
        QVERIFY2(answer->error->message.startsWith(prefix), qPrintable(errorText(*answer)));
        QVERIFY2(answer->error->message.contains(QStringLiteral("parse error")), qPrintable(errorText(*answer)));
    }

    void invalidRangeIsRefused()
    {
        const auto backwards = range({ QStringLiteral("up"), EndMs, StartMs, 1000 });
        QVERIFY(backwards && !backwards->ok());
        QCOMPARE(backwards->error->kind, QueryError::Kind::Invalid);
        const auto noStep = range({ QStringLiteral("up"), StartMs, EndMs, 0 });
        QVERIFY(noStep && !noStep->ok());
        QCOMPARE(noStep->error->kind, QueryError::Kind::Invalid);
    }

    void metadataOfScrapedMetrics()
    {
        // A scrape request after the first one means the first one was stored (a target is scraped in turn).
        // Discovery and scrape managers pass new targets on every 5 s, so the first scrape may take ~10 s.
        QTRY_VERIFY_WITH_TIMEOUT(m_target.count("/metrics") >= 2, 30000);
        PrometheusClient client(m_http, profile(m_url));
        const auto latency = wait<MetadataMap>([&](QObject* context, auto done) {
            client.metadata(QStringLiteral("shop_checkout_latency_seconds"), {}, context, std::move(done));
        });
        QVERIFY(latency);
        QVERIFY2(latency->ok(), qPrintable(errorText(*latency)));
        QCOMPARE(latency->value->keys(), QStringList { QStringLiteral("shop_checkout_latency_seconds") });
        const QList<MetricMetadata> entries = latency->value->value(QStringLiteral("shop_checkout_latency_seconds"));
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries[0].type, QStringLiteral("histogram"));
        QCOMPARE(entries[0].help, QStringLiteral("Checkout request latency."));
        QCOMPARE(entries[0].unit, QStringLiteral("seconds"));

        const auto build = wait<MetadataMap>([&](QObject* context, auto done) {
            client.metadata(QStringLiteral("prometheus_build_info"), {}, context, std::move(done));
        });
        QVERIFY(build && build->ok());
        const MetricMetadata info = build->value->value(QStringLiteral("prometheus_build_info")).value(0);
        QCOMPARE(info.type, QStringLiteral("gauge"));
        QVERIFY2(info.help.startsWith(QStringLiteral("A metric with a constant '1' value")), qPrintable(info.help));
        QVERIFY(info.unit.isEmpty());

        const auto two
            = wait<MetadataMap>([&](QObject* context, auto done) { client.metadata({}, 2, context, std::move(done)); });
        QVERIFY(two && two->ok());
        QCOMPARE(two->value->size(), 2);

        const auto all = wait<MetadataMap>(
            [&](QObject* context, auto done) { client.metadata({}, {}, context, std::move(done)); });
        QVERIFY(all && all->ok());
        QVERIFY2(all->value->size() > 50, qPrintable(QString::number(all->value->size())));
        QVERIFY(all->value->contains(QStringLiteral("shop_orders")));

        const auto none = wait<MetadataMap>([&](QObject* context, auto done) {
            client.metadata(QStringLiteral("no_such_metric"), {}, context, std::move(done));
        });
        QVERIFY(none && none->ok());
        QVERIFY(none->value->isEmpty());
    }

    void exemplarsOfScrapedTarget()
    {
        QTRY_VERIFY_WITH_TIMEOUT(m_target.count("/metrics") >= 2, 30000);
        PrometheusClient client(m_http, profile(m_url));
        const qint64 baseMs = m_exemplarBaseS * 1000;
        const auto latency = wait<std::vector<ExemplarSeries>>([&](QObject* context, auto done) {
            client.queryExemplars(QStringLiteral("shop_checkout_latency_seconds_bucket"), baseMs - 60000,
                baseMs + 60000, context, std::move(done));
        });
        QVERIFY(latency);
        QVERIFY2(latency->ok(), qPrintable(errorText(*latency)));
        QCOMPARE(latency->value->size(), std::size_t(2));
        const auto bucket = [&latency](const char* le) {
            return findBy<ExemplarSeries>(*latency->value, [le](const ExemplarSeries& s) {
                return s.seriesLabels.value(QStringLiteral("le")) == QLatin1String(le);
            });
        };
        const ExemplarSeries* fast = bucket("0.1");
        const ExemplarSeries* slow = bucket("1.0");
        QVERIFY(fast && slow);
        QCOMPARE(fast->seriesLabels.value(QStringLiteral("job")), QStringLiteral("firebreak-test-targets"));
        QCOMPARE(fast->seriesLabels.value(QStringLiteral("service")), QStringLiteral("checkout"));
        QCOMPARE(
            fast->seriesLabels.value(QStringLiteral("instance")), QStringLiteral("127.0.0.1:%1").arg(m_target.port()));
        // Every scrape repeats the same exemplar; Prometheus keeps it once.
        QCOMPARE(fast->exemplars.size(), std::size_t(1));
        QCOMPARE(fast->exemplars[0].timeMs, baseMs + 125);
        QCOMPARE(fast->exemplars[0].value, 0.042);
        QCOMPARE(fast->exemplars[0].traceId(), QStringLiteral("4bf92f3577b34da6a3ce929d0e0e4736"));
        QCOMPARE(slow->exemplars.size(), std::size_t(1));
        QCOMPARE(slow->exemplars[0].timeMs, baseMs + 10500);
        QCOMPARE(slow->exemplars[0].value, 0.73);
        QCOMPARE(slow->exemplars[0].traceId(), QStringLiteral("00f067aa0ba902b7"));
        QCOMPARE(slow->exemplars[0].labels.value(QStringLiteral("span_id")), QStringLiteral("b7ad6b7169203331"));

        const auto orders = wait<std::vector<ExemplarSeries>>([&](QObject* context, auto done) {
            client.queryExemplars(
                QStringLiteral("shop_orders_total"), baseMs, baseMs + 60000, context, std::move(done));
        });
        QVERIFY(orders && orders->ok());
        QCOMPARE(orders->value->size(), std::size_t(1));
        QCOMPARE(orders->value->at(0).exemplars.size(), std::size_t(1));
        QCOMPARE(orders->value->at(0).exemplars[0].timeMs, baseMs + 20000);
        QCOMPARE(orders->value->at(0).exemplars[0].value, 1.0);

        const auto before = wait<std::vector<ExemplarSeries>>([&](QObject* context, auto done) {
            client.queryExemplars(QStringLiteral("shop_checkout_latency_seconds_bucket"), baseMs - 3600000,
                baseMs - 1000, context, std::move(done));
        });
        QVERIFY(before && before->ok());
        QVERIFY(before->value->empty());

        const auto bad = wait<std::vector<ExemplarSeries>>([&](QObject* context, auto done) {
            client.queryExemplars(
                QStringLiteral("shop_orders_total("), baseMs, baseMs + 1000, context, std::move(done));
        });
        QVERIFY(bad && !bad->ok());
        QCOMPARE(bad->error->kind, QueryError::Kind::Api);
        QCOMPARE(bad->error->errorType, QStringLiteral("bad_data"));
        QCOMPARE(bad->error->httpStatus, 400);
        QVERIFY2(bad->error->message.startsWith(
                     QStringLiteral("Prometheus at %1/api/v1/query_exemplars answered 400: bad_data: ")
                         .arg(m_url.toString())),
            qPrintable(errorText(*bad)));

        const auto backwards = wait<std::vector<ExemplarSeries>>([&](QObject* context, auto done) {
            client.queryExemplars(QStringLiteral("shop_orders_total"), baseMs, baseMs - 1, context, std::move(done));
        });
        QVERIFY(backwards && !backwards->ok());
        QCOMPARE(backwards->error->kind, QueryError::Kind::Invalid);
    }

    void alertsFireOnLiveData()
    {
        // tests/data/prometheus/rules.yml: over up{job="prometheus"}, which the server scrapes from itself.
        PrometheusClient client(m_http, profile(m_url));
        Poll<std::vector<Alert>> firing(
            [&client](QObject* context, auto done) { client.alerts(context, std::move(done)); },
            [](const Answer<std::vector<Alert>>& answer) {
                const Alert* up
                    = answer.ok() ? findAlert(*answer.value, QStringLiteral("FirebreakSelfScrapeUp")) : nullptr;
                return up && up->state == AlertState::Firing
                    && findAlert(*answer.value, QStringLiteral("FirebreakSelfScrapeSlow"));
            });
        QTRY_VERIFY_WITH_TIMEOUT(firing(), 20000);
        const std::vector<Alert>& alerts = *firing.last()->value;
        QCOMPARE(alerts.size(), std::size_t(2)); // not FirebreakSelfScrapeDown
        const QString instance = m_url.authority();
        const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();

        const Alert* up = findAlert(alerts, QStringLiteral("FirebreakSelfScrapeUp"));
        QCOMPARE(up->labels,
            (LabelSet { { QStringLiteral("alertname"), QStringLiteral("FirebreakSelfScrapeUp") },
                { QStringLiteral("instance"), instance }, { QStringLiteral("job"), QStringLiteral("prometheus") },
                { QStringLiteral("severity"), QStringLiteral("page") } }));
        QCOMPARE(up->annotations,
            (LabelSet { { QStringLiteral("summary"), QStringLiteral("Prometheus scrapes itself") },
                { QStringLiteral("description"), QStringLiteral("up is 1 on ") + instance } }));
        QCOMPARE(up->value, QStringLiteral("1e+00"));
        QVERIFY(up->activeAtMs);
        // The fixture started at most its lifetime (30 min) ago.
        QVERIFY2(*up->activeAtMs <= nowMs + 1000 && *up->activeAtMs > nowMs - 1800000,
            qPrintable(QString::number(*up->activeAtMs - nowMs)));

        const Alert* slow = findAlert(alerts, QStringLiteral("FirebreakSelfScrapeSlow"));
        QCOMPARE(slow->state, AlertState::Pending);
        QCOMPARE(slow->labels.value(QStringLiteral("severity")), QStringLiteral("ticket"));
        QVERIFY(slow->annotations.isEmpty());
        QVERIFY(slow->activeAtMs);
    }

    void rulesWithHealthAndAlerts()
    {
        PrometheusClient client(m_http, profile(m_url));
        Poll<std::vector<RuleGroup>> evaluated(
            [&client](QObject* context, auto done) { client.rules(RuleFilter::All, context, std::move(done)); },
            [](const Answer<std::vector<RuleGroup>>& answer) {
                if (!answer.ok() || answer.value->size() != 1)
                    return false;
                const RuleGroup& group = answer.value->front();
                const Rule* up = findRule(group, QStringLiteral("FirebreakSelfScrapeUp"));
                const Rule* slow = findRule(group, QStringLiteral("FirebreakSelfScrapeSlow"));
                return group.lastEvaluationMs && up && up->state == AlertState::Firing && slow
                    && slow->state == AlertState::Pending
                    && std::all_of(group.rules.begin(), group.rules.end(),
                        [](const Rule& r) { return r.lastEvaluationMs.has_value(); });
            });
        QTRY_VERIFY_WITH_TIMEOUT(evaluated(), 20000);
        const RuleGroup& group = evaluated.last()->value->front();
        QCOMPARE(group.name, QStringLiteral("firebreak-test"));
        QVERIFY2(group.file.endsWith(QStringLiteral("/tests/data/prometheus/rules.yml")), qPrintable(group.file));
        QCOMPARE(group.intervalMs, 1000);
        const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
        QVERIFY(*group.lastEvaluationMs <= nowMs + 1000 && *group.lastEvaluationMs > nowMs - 60000);
        QVERIFY(group.evaluationSeconds > 0 && group.evaluationSeconds < 1);

        QStringList names;
        for (const Rule& r : group.rules)
            names << r.name;
        QCOMPARE(names,
            (QStringList { QStringLiteral("FirebreakSelfScrapeUp"), QStringLiteral("FirebreakSelfScrapeSlow"),
                QStringLiteral("FirebreakSelfScrapeDown"), QStringLiteral("job:up:sum"),
                QStringLiteral("job:up:broken") }));

        const Rule& up = group.rules[0];
        QCOMPARE(up.type, RuleType::Alerting);
        QCOMPARE(up.query, QStringLiteral("up{job=\"prometheus\"} == 1"));
        QCOMPARE(up.health, RuleHealth::Ok);
        QVERIFY(up.lastError.isEmpty());
        QCOMPARE(up.forMs, 0);
        QCOMPARE(up.labels, (LabelSet { { QStringLiteral("severity"), QStringLiteral("page") } }));
        QCOMPARE(up.annotations.value(QStringLiteral("description")),
            QStringLiteral("up is {{ $value }} on {{ $labels.instance }}"));
        QCOMPARE(up.alerts.size(), std::size_t(1));
        QCOMPARE(up.alerts[0].state, AlertState::Firing);
        QCOMPARE(up.alerts[0].labels.value(QStringLiteral("instance")), m_url.authority());

        const Rule& slow = group.rules[1];
        QCOMPARE(slow.forMs, 3600000);
        QCOMPARE(slow.alerts.size(), std::size_t(1));
        QCOMPARE(slow.alerts[0].state, AlertState::Pending);

        const Rule& down = group.rules[2];
        QCOMPARE(down.state, AlertState::Inactive);
        QCOMPARE(down.health, RuleHealth::Ok);
        QVERIFY(down.alerts.empty());

        const Rule& sum = group.rules[3];
        QCOMPARE(sum.type, RuleType::Recording);
        QCOMPARE(sum.health, RuleHealth::Ok);
        QCOMPARE(sum.query, QStringLiteral("sum by (job) (up)"));

        const Rule& broken = group.rules[4];
        QCOMPARE(broken.type, RuleType::Recording);
        QCOMPARE(broken.health, RuleHealth::Error);
        QCOMPARE(
            broken.lastError, QStringLiteral("invalid destination label name in label_replace(): not a label name"));

        const auto alerting = wait<std::vector<RuleGroup>>(
            [&](QObject* context, auto done) { client.rules(RuleFilter::Alerting, context, std::move(done)); });
        QVERIFY(alerting && alerting->ok());
        QCOMPARE(alerting->value->at(0).rules.size(), std::size_t(3));
        for (const Rule& r : alerting->value->at(0).rules)
            QCOMPARE(r.type, RuleType::Alerting);
        const auto recording = wait<std::vector<RuleGroup>>(
            [&](QObject* context, auto done) { client.rules(RuleFilter::Recording, context, std::move(done)); });
        QVERIFY(recording && recording->ok());
        QCOMPARE(recording->value->at(0).rules.size(), std::size_t(2));
        for (const Rule& r : recording->value->at(0).rules)
            QCOMPARE(r.type, RuleType::Recording);
    }

    void recordingRuleWritesASeries()
    {
        PrometheusClient client(m_http, profile(m_url));
        Poll<QueryResult> recorded(
            [&client](QObject* context, auto done) {
                client.query(QStringLiteral("job:up:sum{job=\"prometheus\"}"), {}, context, std::move(done));
            },
            [](const Answer<QueryResult>& answer) { return answer.ok() && answer.value->series.size() == 1; });
        QTRY_VERIFY_WITH_TIMEOUT(recorded(), 20000);
        const Series& s = recorded.last()->value->series[0];
        QCOMPARE(s.labels,
            (LabelSet { { QStringLiteral("__name__"), QStringLiteral("job:up:sum") },
                { QStringLiteral("job"), QStringLiteral("prometheus") } }));
        QCOMPARE(s.values, std::vector<double> { 1.0 });
    }

    void unreachable()
    {
        // The fixture's port plus one is almost surely closed; a refused connection must be quick and typed.
        QUrl closed = m_url;
        closed.setPort(1);
        PrometheusClient client(m_http, profile(closed));
        const auto answer = wait<QueryResult>(
            [&](QObject* context, auto done) { client.query(QStringLiteral("up"), {}, context, std::move(done)); });
        QVERIFY(answer && !answer->ok());
        QCOMPARE(answer->error->kind, QueryError::Kind::Network);
        QCOMPARE(answer->error->netKind, net::NetError::Kind::Unreachable);
        QVERIFY2(answer->error->message.startsWith(QStringLiteral("Prometheus")), qPrintable(errorText(*answer)));
    }

    void goneContextGetsNothing()
    {
        PrometheusClient client(m_http, profile(m_url));
        bool called = false;
        {
            QObject context;
            client.query(
                QStringLiteral("fb_queue_depth"), EndMs, &context, [&called](Answer<QueryResult>) { called = true; });
        }
        // A second request on the same client, answered after the first one would have been.
        const auto after = instant(QStringLiteral("fb_queue_depth"), EndMs);
        QVERIFY(after && after->ok());
        QTest::qWait(50);
        QVERIFY(!called);
    }
};

QTEST_GUILESS_MAIN(TestPrometheusClient)

#include "tst_prometheusclient.moc"
