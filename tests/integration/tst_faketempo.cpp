// FakeTempo answers the recorded requests as Tempo 2.2.4 did (tests/data/tempo/): same status, content type and
// body (JSON compared as data: attribute order and Tempo's block-byte counts aside).

#include "faketempo.h"
#include "model/traceparser.h"
#include "net/httpclient.h"
#include "testutils.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <algorithm>

using namespace firebreak;
using namespace firebreak::test;

namespace {

constexpr auto Range = "&start=1795620619&end=1795621579";

/// Attribute lists sorted by key (Go's maps give Tempo no fixed order), `inspectedBytes` dropped (Tempo counts its
/// block bytes, the fake its protobuf bytes).
QJsonValue normalized(const QJsonValue& value)
{
    if (value.isArray()) {
        QJsonArray out;
        for (const QJsonValue& item : value.toArray())
            out.append(normalized(item));
        return out;
    }
    if (!value.isObject())
        return value;
    QJsonObject out;
    const QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.key() == u"inspectedBytes")
            continue;
        QJsonValue inner = normalized(it.value());
        if (it.key() == u"attributes" && inner.isArray()) {
            QJsonArray array = inner.toArray();
            QList<QJsonValue> items(array.begin(), array.end());
            std::sort(items.begin(), items.end(),
                [](const QJsonValue& a, const QJsonValue& b) { return a[u"key"].toString() < b[u"key"].toString(); });
            QJsonArray sorted;
            for (const QJsonValue& item : items)
                sorted.append(item);
            inner = sorted;
        }
        out.insert(it.key(), inner);
    }
    return out;
}

QString hexIdsOf(const Trace& trace)
{
    QStringList ids;
    for (const SpanId id : trace.spanIds)
        ids << spanIdToHex(id);
    ids.sort();
    return ids.join(u',');
}

} // namespace

class TestFakeTempo : public QObject
{
    Q_OBJECT

private:
    FakeTempo m_tempo;
    net::HttpClient m_http;

    net::HttpResult get(const QString& pathAndQuery, const QByteArray& accept = {})
    {
        net::HttpRequest request;
        request.url = QUrl(m_tempo.url() + pathAndQuery);
        if (!accept.isEmpty())
            request.headers.append({ QByteArrayLiteral("Accept"), accept });
        request.retry.maxAttempts = 1;
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
    void initTestCase()
    {
        QVERIFY(m_tempo.pushJson(readData(QStringLiteral("tempo/request-tempo-otlp-traces.json"))).isEmpty());
        QCOMPARE(m_tempo.traceCount(), 1);
        QCOMPARE(m_tempo.spanCount(), 20);
        QVERIFY(m_tempo.listen());
        m_tempo.setV2TracesEnabled(false);
    }

    void json_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("recorded");
        const QString range = QString::fromLatin1(Range);
        QTest::addRow("traceql_service")
            << u"/api/search?q=%7B%20resource.service.name%20%3D%20%22checkout%22%20%7D&limit=20" + range
            << QStringLiteral("tempo-search-traceql-service.json");
        QTest::addRow("traceql_error_and_service") << u"/api/"
                                                      u"search?q=%7B%20status%20%3D%20error%20%26%26%20resource."
                                                      u"service.name%20%3D%20%22payment%22%20%7D&limit=20"
                + range << QStringLiteral("tempo-search-traceql-error.json");
        QTest::addRow("traceql_status_error") << u"/api/search?q=%7B%20status%20%3D%20error%20%7D&limit=20" + range
                                              << QStringLiteral("tempo-search-traceql-accept-protobuf-gives-json.json");
        QTest::addRow("tags_param") << u"/api/search?tags=service.name%3Dcheckout&limit=20" + range
                                    << QStringLiteral("tempo-search-tags-param-range.json");
        QTest::addRow("tags") << QStringLiteral("/api/search/tags") << QStringLiteral("tempo-search-tags.json");
        QTest::addRow("v2_tags") << QStringLiteral("/api/v2/search/tags")
                                 << QStringLiteral("tempo-v2-search-tags.json");
        QTest::addRow("tag_values") << QStringLiteral("/api/search/tag/service.name/values")
                                    << QStringLiteral("tempo-search-tag-service.name-values.json");
        QTest::addRow("v2_tag_values_resource")
            << QStringLiteral("/api/v2/search/tag/resource.service.name/values")
            << QStringLiteral("tempo-v2-search-tag-resource.service.name-values.json");
        QTest::addRow("v2_tag_values_int") << QStringLiteral("/api/v2/search/tag/span.http.status_code/values")
                                           << QStringLiteral("tempo-v2-search-tag-span.http.status_code-values.json");
    }

    void json()
    {
        QFETCH(QString, path);
        QFETCH(QString, recorded);
        const net::HttpResult result = get(path, "application/protobuf"); // Tempo answers search in JSON anyway
        QVERIFY2(result.ok(), qPrintable(result.error ? result.error->message : QString()));
        QCOMPARE(result.response.contentType, QByteArray("application/json"));
        const QJsonDocument got = QJsonDocument::fromJson(result.response.body);
        const QJsonDocument want = QJsonDocument::fromJson(readData(u"tempo/" + recorded));
        QVERIFY(!want.isNull());
        QCOMPARE(normalized(got.object()), normalized(want.object()));
    }

    void texts()
    {
        net::HttpResult bad
            = get(QStringLiteral("/api/search?q=%7B%20status%20%3D%20%7D") + QString::fromLatin1(Range));
        QCOMPARE(bad.response.status, 400);
        QCOMPARE(bad.response.contentType, QByteArray("text/plain; charset=utf-8"));
        QCOMPARE(bad.response.body, readData(QStringLiteral("tempo/tempo-search-traceql-bad.txt")));

        const net::HttpResult missing = get(QStringLiteral("/api/traces/00000000000000000000000000000bad"));
        QCOMPARE(missing.response.status, 404);
        QCOMPARE(missing.response.contentType, QByteArray("text/plain; charset=utf-8"));
        QCOMPARE(missing.response.body, readData(QStringLiteral("tempo/tempo-trace-notfound.txt")));

        const net::HttpResult buildInfo = get(QStringLiteral("/api/status/buildinfo"));
        QCOMPARE(buildInfo.response.status, 404);
        QCOMPARE(buildInfo.response.body, readData(QStringLiteral("tempo/tempo-api-status-buildinfo-404.txt")));

        const net::HttpResult ready = get(QStringLiteral("/ready"));
        QCOMPARE(ready.response.body, readData(QStringLiteral("tempo/tempo-ready.txt")));

        const net::HttpResult version = get(QStringLiteral("/status/version"));
        QCOMPARE(version.response.contentType, QByteArray("text/plain"));
        QCOMPARE(version.response.body.size(), 210); // as recorded, the request line included
        QVERIFY(version.response.body.endsWith(readData(QStringLiteral("tempo/tempo-status-version.txt"))));
    }

    void traces()
    {
        const QString path = QStringLiteral("/api/traces/4bf92f3577b34da6a3ce929d0e0e4736");
        const net::HttpResult pb = get(path, "application/protobuf");
        QCOMPARE(pb.response.contentType, QByteArray("application/protobuf"));
        QCOMPARE(pb.response.body.size(), readData(QStringLiteral("tempo/tempo-trace-protobuf.pb")).size());
        const TraceParseResult fromFake = parseTraceProtobuf(pb.response.body);
        const TraceParseResult fromTempo
            = parseTraceProtobuf(readData(QStringLiteral("tempo/tempo-trace-protobuf.pb")));
        QVERIFY(fromFake.ok() && fromTempo.ok());
        QCOMPARE(hexIdsOf(*fromFake.trace), hexIdsOf(*fromTempo.trace));

        const net::HttpResult json = get(path);
        QCOMPARE(json.response.contentType, QByteArray("application/json"));
        const QJsonObject got = QJsonDocument::fromJson(json.response.body).object();
        const QJsonObject want
            = QJsonDocument::fromJson(readData(QStringLiteral("tempo/tempo-trace-json.json"))).object();
        QCOMPARE(got.keys(), want.keys()); // {"batches": […]}
        // Spans as data, keyed by their base64 id (Tempo orders resource attributes its own way).
        const auto spans = [](const QJsonObject& doc) {
            QMap<QString, QJsonValue> out;
            for (const QJsonValue& batch : doc[u"batches"].toArray()) {
                for (const QJsonValue& scope : batch[u"scopeSpans"].toArray()) {
                    for (const QJsonValue& span : scope[u"spans"].toArray())
                        out.insert(span[u"spanId"].toString(), normalized(span));
                }
            }
            return out;
        };
        QCOMPARE(spans(got), spans(want));
    }

    void push()
    {
        FakeTempo tempo;
        QVERIFY(tempo.listen());
        net::HttpRequest request;
        request.method = QByteArrayLiteral("POST");
        request.url = QUrl(tempo.url() + QStringLiteral("/v1/traces"));
        request.body = readData(QStringLiteral("tempo/request-tempo-otlp-traces.json"));
        request.headers.append({ QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json") });
        for (int i = 0; i < 2; ++i) { // the second push adds nothing: the same spans
            QEventLoop loop;
            net::HttpResult result;
            m_http.sendTo(request, &loop, [&](net::HttpResult r) {
                result = std::move(r);
                loop.quit();
            });
            loop.exec();
            QVERIFY(result.ok());
            QCOMPARE(result.response.body, readData(QStringLiteral("tempo/tempo-otlp-push-response.json")).trimmed());
        }
        QCOMPARE(tempo.spanCount(), 20);
        QVERIFY(
            !tempo
                 .pushJson(
                     R"({"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"abc","spanId":"00f067aa0ba90201"}]}]}]})")
                 .isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestFakeTempo)
#include "tst_faketempo.moc"
