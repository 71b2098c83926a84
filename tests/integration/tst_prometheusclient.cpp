#include "backends/prometheus/prometheusclient.h"
#include "net/httpclient.h"
#include "prometheusurl.h"

#include <QCoreApplication>
#include <QTest>
#include <QThread>

#include <cmath>
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

} // namespace

/// PrometheusClient against a real Prometheus (Debian's package) serving a TSDB made by promtool from
/// tests/data/prometheus/fixture.om: exact numbers from real PromQL evaluation at fixed times.
class TestPrometheusClient : public QObject
{
    Q_OBJECT

private:
    QUrl m_url;
    net::HttpClient m_http;

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
