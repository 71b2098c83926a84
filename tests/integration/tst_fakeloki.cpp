#include "fakeloki.h"
#include "net/httpclient.h"
#include "testutils.h"

#include <QEventLoop>
#include <QTest>
#include <QUrlQuery>

#include <nlohmann/json.hpp>

using namespace firebreak;
using ordered_json = nlohmann::ordered_json;

namespace {

const QString Start = QStringLiteral("1795620619972090840");
const QString End = QStringLiteral("1795621579972090840");

using Parameters = QList<QPair<QString, QString>>;

/// The same document apart from the numbers inside "stats" (the fake's own accounting): same keys in the
/// same order everywhere, same values outside "stats".
bool sameShape(const ordered_json& got, const ordered_json& want, bool insideStats, QString* where)
{
    if (insideStats && got.is_number() && want.is_number())
        return true;
    if (got.type() != want.type()) {
        *where = QStringLiteral("type of %1 vs %2")
                     .arg(QString::fromStdString(got.dump()).left(80), QString::fromStdString(want.dump()).left(80));
        return false;
    }
    if (got.is_object()) {
        std::vector<std::string> gotKeys;
        std::vector<std::string> wantKeys;
        for (const auto& [key, value] : got.items())
            gotKeys.push_back(key);
        for (const auto& [key, value] : want.items())
            wantKeys.push_back(key);
        if (gotKeys != wantKeys) {
            *where = QStringLiteral("keys %1 vs %2")
                         .arg(QString::fromStdString(ordered_json(gotKeys).dump()),
                             QString::fromStdString(ordered_json(wantKeys).dump()));
            return false;
        }
        for (const auto& [key, value] : want.items()) {
            if (!sameShape(got[key], value, insideStats || key == "stats", where)) {
                where->prepend(QString::fromStdString(key) + u'.');
                return false;
            }
        }
        return true;
    }
    if (got.is_array()) {
        if (got.size() != want.size()) {
            *where = QStringLiteral("%1 elements vs %2").arg(got.size()).arg(want.size());
            return false;
        }
        for (std::size_t i = 0; i < got.size(); ++i) {
            if (!sameShape(got[i], want[i], insideStats, where)) {
                where->prepend(QStringLiteral("[%1]").arg(i));
                return false;
            }
        }
        return true;
    }
    if (got != want) {
        *where
            = QStringLiteral("%1 vs %2").arg(QString::fromStdString(got.dump()), QString::fromStdString(want.dump()));
        return false;
    }
    return true;
}

} // namespace

Q_DECLARE_METATYPE(Parameters)

/// FakeLoki (tests/servers/loki) against the recorded answers of Loki 2.9.9 (tests/data/loki), asked exactly
/// what the recording asked, over HTTP.
class TestFakeLoki : public QObject
{
    Q_OBJECT

private:
    std::optional<test::FakeLoki> m_loki;
    net::HttpClient m_http;

    net::HttpResult get(
        const QString& path, const Parameters& parameters, const QList<QPair<QByteArray, QByteArray>>& headers = {})
    {
        net::HttpRequest request;
        request.url = QUrl(m_loki->url() + path);
        QUrlQuery query;
        for (const auto& [name, value] : parameters)
            query.addQueryItem(name, QString::fromLatin1(QUrl::toPercentEncoding(value)));
        request.url.setQuery(query.query(QUrl::FullyEncoded), QUrl::StrictMode);
        request.headers = headers;
        return send(request);
    }

    net::HttpResult send(const net::HttpRequest& request)
    {
        QEventLoop loop;
        net::HttpResult result;
        m_http.sendTo(request, &loop, [&](net::HttpResult r) {
            result = std::move(r);
            loop.quit();
        });
        loop.exec();
        return result;
    }

private Q_SLOTS:
    void init()
    {
        m_loki.emplace();
        QVERIFY(m_loki->listen());
        QCOMPARE(m_loki->push(test::readData(QStringLiteral("loki/request-loki-push.json"))), QString());
        QCOMPARE(m_loki->lineCount(), qsizetype(88));
        QCOMPARE(m_loki->streamCount(), qsizetype(5));
    }

    void cleanup() { m_loki.reset(); }

    void recorded_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("path");
        QTest::addColumn<Parameters>("parameters");
        QTest::addColumn<QByteArray>("contentType");
        const QByteArray utf8 = "application/json; charset=UTF-8";
        const QByteArray json = "application/json";
        const QString range = QStringLiteral("/loki/api/v1/query_range");
        const auto p = [](const char* name, const QString& value) { return qMakePair(QLatin1String(name), value); };
        const Parameters window { p("start", Start), p("end", End) };
        QTest::newRow("logs_error") << QStringLiteral("loki-query_range-logs-error.json") << range
                                    << Parameters { p("query", QStringLiteral(R"({service="checkout"} |= "error")")) }
                + window << utf8;
        QTest::newRow("logs_forward_limit5") << QStringLiteral("loki-query_range-logs-forward-limit5.json") << range
                                             << Parameters { p("query", QStringLiteral(R"({service="checkout"})")) }
                + window + Parameters { p("limit", QStringLiteral("5")), p("direction", QStringLiteral("forward")) }
                                             << utf8;
        QTest::newRow("traceid_filter") << QStringLiteral("loki-query_range-traceid-filter.json") << range
                                        << Parameters { p("query",
                                               QStringLiteral(
                                                   R"({env="dev"} |= "trace_id=4bf92f3577b34da6a3ce929d0e0e4736")")) }
                + window << utf8;
        QTest::newRow("json_parser")
            << QStringLiteral("loki-query_range-json-parser.json") << range
            << Parameters { p("query",
                   QStringLiteral(R"({service="payment"} | json | trace_id="4bf92f3577b34da6a3ce929d0e0e4736")")) }
                + window
            << utf8;
        QTest::newRow("logfmt_parser")
            << QStringLiteral("loki-query_range-logfmt-parser.json") << range
            << Parameters { p("query",
                                QStringLiteral(R"({service="checkout", level="error"} | logfmt | status >= 500)")),
                   p("limit", QStringLiteral("3")) }
                + window
            << utf8;
        QTest::newRow("metric_range")
            << QStringLiteral("loki-query_range-metric-by-level.json") << range
            << Parameters { p("query", QStringLiteral(R"(sum by (level) (count_over_time({service="checkout"}[1m])))")),
                   p("step", QStringLiteral("60")) }
                + window
            << json;
        QTest::newRow("metric_instant")
            << QStringLiteral("loki-query-instant-metric.json") << QStringLiteral("/loki/api/v1/query")
            << Parameters { p("query",
                                QStringLiteral(R"(sum by (level) (count_over_time({service="checkout"}[15m])))")),
                   p("time", QStringLiteral("1795621519972090840")) }
            << json;
        QTest::newRow("labels") << QStringLiteral("loki-labels.json") << QStringLiteral("/loki/api/v1/labels") << window
                                << utf8;
        QTest::newRow("label_values") << QStringLiteral("loki-label-service-values.json")
                                      << QStringLiteral("/loki/api/v1/label/service/values") << window << utf8;
        QTest::newRow("label_values_filtered")
            << QStringLiteral("loki-label-level-values-filtered.json")
            << QStringLiteral("/loki/api/v1/label/level/values")
            << window + Parameters { p("query", QStringLiteral(R"({service="checkout"})")) } << utf8;
        QTest::newRow("volume") << QStringLiteral("loki-index-volume.json")
                                << QStringLiteral("/loki/api/v1/index/volume")
                                << Parameters { p("query", QStringLiteral(R"({env="dev"})")) } + window << json;
        QTest::newRow("buildinfo") << QStringLiteral("loki-buildinfo.json")
                                   << QStringLiteral("/loki/api/v1/status/buildinfo") << Parameters {} << json;
    }

    void recorded()
    {
        QFETCH(QString, file);
        QFETCH(QString, path);
        QFETCH(Parameters, parameters);
        QFETCH(QByteArray, contentType);
        const net::HttpResult result = get(path, parameters);
        QVERIFY2(result.ok(), qPrintable(result.error ? result.error->message : QString()));
        QCOMPARE(result.response.status, 200);
        QCOMPARE(result.response.contentType, contentType);
        // Compact, as Loki sends it (the recordings were re-indented).
        QVERIFY(!result.response.body.contains('\n'));
        const QByteArray want = test::readData(QStringLiteral("loki/") + file);
        const auto got = ordered_json::parse(result.response.body.constBegin(), result.response.body.constEnd());
        const auto expected = ordered_json::parse(want.constBegin(), want.constEnd());
        QString where;
        QVERIFY2(sameShape(got, expected, false, &where), qPrintable(where));
    }

    void series()
    {
        const net::HttpResult result = get(QStringLiteral("/loki/api/v1/series"),
            { { QStringLiteral("match[]"), QStringLiteral(R"({service="checkout"})") },
                { QStringLiteral("start"), Start }, { QStringLiteral("end"), End } });
        QVERIFY(result.ok());
        QCOMPARE(result.response.contentType, QByteArray("application/json; charset=UTF-8"));
        // Loki writes each set in Go map order; as sets, the answers are the same.
        const auto got = nlohmann::json::parse(result.response.body.constBegin(), result.response.body.constEnd());
        const QByteArray want = test::readData(QStringLiteral("loki/loki-series.json"));
        auto expected = nlohmann::json::parse(want.constBegin(), want.constEnd());
        QVERIFY(got["status"] == expected["status"]);
        auto gotSets = got["data"].get<std::vector<nlohmann::json>>();
        auto wantSets = expected["data"].get<std::vector<nlohmann::json>>();
        std::sort(gotSets.begin(), gotSets.end());
        std::sort(wantSets.begin(), wantSets.end());
        QVERIFY(gotSets == wantSets);
    }

    void parseErrorByteForByte()
    {
        const net::HttpResult result = get(QStringLiteral("/loki/api/v1/query_range"),
            { { QStringLiteral("query"), QStringLiteral(R"({service="checkout" |= "error")") },
                { QStringLiteral("start"), Start }, { QStringLiteral("end"), End } });
        QVERIFY(!result.ok());
        QCOMPARE(result.response.status, 400);
        QCOMPARE(result.response.contentType, QByteArray("text/plain; charset=utf-8"));
        QCOMPARE(result.response.body, test::readData(QStringLiteral("loki/loki-query_range-parse-error.txt")));
    }

    void readyAndUnknownPaths()
    {
        const net::HttpResult ready = get(QStringLiteral("/ready"), {});
        QVERIFY(ready.ok());
        QCOMPARE(ready.response.body, test::readData(QStringLiteral("loki/loki-ready.txt")));
        QCOMPARE(ready.response.contentType, QByteArray("text/plain; charset=utf-8"));
        const net::HttpResult unknown = get(QStringLiteral("/loki/api/v1/nothing"), {});
        QCOMPARE(unknown.response.status, 404);
        QCOMPARE(unknown.response.body, QByteArray("404 page not found\n"));
    }

    void errorTexts_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("limit");
        QTest::addColumn<QString>("direction");
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("over_the_limit") << QStringLiteral(R"({env="dev"})") << QStringLiteral("5001") << QString()
                                        << QByteArray("max entries limit per query exceeded, limit > max_entries_limit "
                                                      "(5001 > 5000)");
        QTest::newRow("matches_everything")
            << QStringLiteral(R"({env=~".*"})") << QString() << QString()
            << QByteArray("parse error : queries require at least one regexp or equality matcher that does not have an "
                          "empty-compatible value. For instance, app=~\".*\" does not meet this requirement, but "
                          "app=~\".+\" will");
        QTest::newRow("empty_selector") << QStringLiteral("{}") << QString() << QString()
                                        << QByteArray("parse error at line 1, col 2: syntax error: unexpected }, "
                                                      "expecting IDENTIFIER");
        QTest::newRow("bad_limit") << QStringLiteral(R"({env="dev"})") << QStringLiteral("ten") << QString()
                                   << QByteArray("strconv.Atoi: parsing \"ten\": invalid syntax");
        QTest::newRow("bad_direction") << QStringLiteral(R"({env="dev"})") << QString() << QStringLiteral("up")
                                       << QByteArray("invalid direction 'up'");
        QTest::newRow("not_implemented") << QStringLiteral(R"({env="dev"} | line_format "{{.msg}}")") << QString()
                                         << QString()
                                         << QByteArray(
                                                "fake-loki does not implement \"line_format\" (see tests/README.md)");
    }

    void errorTexts()
    {
        QFETCH(QString, query);
        QFETCH(QString, limit);
        QFETCH(QString, direction);
        QFETCH(QByteArray, body);
        Parameters parameters { { QStringLiteral("query"), query }, { QStringLiteral("start"), Start },
            { QStringLiteral("end"), End } };
        if (!limit.isEmpty())
            parameters.append({ QStringLiteral("limit"), limit });
        if (!direction.isEmpty())
            parameters.append({ QStringLiteral("direction"), direction });
        const net::HttpResult result = get(QStringLiteral("/loki/api/v1/query_range"), parameters);
        QCOMPARE(result.response.status, 400);
        QCOMPARE(result.response.contentType, QByteArray("text/plain; charset=utf-8"));
        QCOMPARE(result.response.body, body);
    }

    void pushOverHttp()
    {
        net::HttpRequest request;
        request.method = QByteArrayLiteral("POST");
        request.url = QUrl(m_loki->url() + QStringLiteral("/loki/api/v1/push"));
        request.headers.append({ QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json") });
        // The same line twice (dropped once, as Loki does), two lines in one nanosecond, and HTML in a line.
        request.body = R"({"streams":[{"stream":{"app":"web"},"values":[)"
                       R"(["1795621000000000000","<b>a & b</b>"],["1795621000000000000","<b>a & b</b>"],)"
                       R"(["1795621000000000000","second"],["1795621000000000001","x",{"trace_id":"4bf9"}]]}]})";
        const net::HttpResult pushed = send(request);
        QVERIFY2(pushed.ok(), qPrintable(pushed.error ? pushed.error->message : QString()));
        QCOMPARE(pushed.response.status, 204);
        QVERIFY(pushed.response.body.isEmpty());
        QCOMPARE(m_loki->lineCount(), qsizetype(88 + 3));

        const net::HttpResult result = get(QStringLiteral("/loki/api/v1/query_range"),
            { { QStringLiteral("query"), QStringLiteral(R"({app="web"})") }, { QStringLiteral("start"), Start },
                { QStringLiteral("end"), End }, { QStringLiteral("direction"), QStringLiteral("forward") } });
        QVERIFY(result.ok());
        // Go escapes <, > and & in lines; structured metadata becomes stream labels without categorize-labels.
        QVERIFY2(result.response.body.contains(R"("\u003cb\u003ea \u0026 b\u003c/b\u003e")"),
            result.response.body.constData());
        QVERIFY(result.response.body.contains(
            R"({"stream":{"app":"web","trace_id":"4bf9"},"values":[["1795621000000000001","x"]]})"));

        const net::HttpResult categorized = get(QStringLiteral("/loki/api/v1/query_range"),
            { { QStringLiteral("query"), QStringLiteral(R"({app="web"})") }, { QStringLiteral("start"), Start },
                { QStringLiteral("end"), End }, { QStringLiteral("direction"), QStringLiteral("forward") } },
            { { QByteArrayLiteral("X-Loki-Response-Encoding-Flags"), QByteArrayLiteral("categorize-labels") } });
        QVERIFY(categorized.ok());
        QVERIFY2(
            categorized.response.body.startsWith(
                R"({"status":"success","data":{"resultType":"streams","encodingFlags":["categorize-labels"],"result":[{"stream":{"app":"web"},"values":[["1795621000000000000","\u003cb\u003ea \u0026 b\u003c/b\u003e",{}],["1795621000000000000","second",{}],["1795621000000000001","x",{"structuredMetadata":{"trace_id":"4bf9"}}]]}],"stats":)"),
            categorized.response.body.constData());

        request.body = R"({"streams":[{"stream":{},"values":[["1","x"]]}]})";
        const net::HttpResult refused = send(request);
        QCOMPARE(refused.response.status, 400);
        QCOMPARE(refused.response.body, QByteArray("error at least one label pair is required per stream"));
        QCOMPARE(m_loki->lineCount(), qsizetype(88 + 3));
    }
};

QTEST_GUILESS_MAIN(TestFakeLoki)
#include "tst_fakeloki.moc"
