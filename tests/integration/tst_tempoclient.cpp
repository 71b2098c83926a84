// TempoClient against FakeTempo in this process: trace by id (protobuf, JSON, v2 and the fall-back to v1), search,
// tags and values (v2 and v1), build info, gRPC streaming search with its fall-back to HTTP, and faults.

#include "backends/tempo/tempoclient.h"
#include "faketempo.h"
#include "model/traceparser.h"
#include "model/tracewriter.h"
#include "testutils.h"

#include <QTcpServer>
#include <QTest>

#include <nlohmann/json.hpp>

using namespace firebreak;
using namespace firebreak::tempo;
using namespace firebreak::test;

namespace {

constexpr auto TraceIdHex = "4bf92f3577b34da6a3ce929d0e0e4736";
constexpr int Wait = 10000;

/// Collects one answer of a client call.
template <typename T> struct Result
{
    std::optional<Answer<T>> answer;
    auto callback()
    {
        return [this](Answer<T> a) { answer = std::move(a); };
    }
};

/// OTLP JSON of `count` small traces, trace i starting i seconds after the fixture's trace, ids 00…01, 00…02, …
QByteArray generatedTraces(int count)
{
    nlohmann::json spans = nlohmann::json::array();
    for (int i = 1; i <= count; ++i) {
        const qint64 start = 1795621419742387522LL + qint64(i) * 1000000000LL;
        const std::string traceId = QStringLiteral("%1").arg(i, 32, 16, QLatin1Char('0')).toStdString();
        spans.push_back({ { "traceId", traceId }, { "spanId", "00000000000000a1" },
            { "name", "root " + std::to_string(i) }, { "kind", 2 }, { "startTimeUnixNano", std::to_string(start) },
            { "endTimeUnixNano", std::to_string(start + 5000000) }, { "status", { { "code", i % 2 == 0 ? 2 : 0 } } } });
    }
    const nlohmann::json document { { "resourceSpans",
        { { { "resource",
                { { "attributes", { { { "key", "service.name" }, { "value", { { "stringValue", "batch" } } } } } } } },
            { "scopeSpans", { { { "spans", spans } } } } } } } };
    return QByteArray::fromStdString(document.dump());
}

net::ConnectionProfile profileFor(
    const QString& url, std::chrono::milliseconds timeout = std::chrono::milliseconds(5000))
{
    net::ConnectionProfile profile;
    profile.kind = net::BackendKind::Tempo;
    profile.name = QStringLiteral("Tempo");
    profile.baseUrl = QUrl(url);
    profile.timeout = timeout;
    return profile;
}

quint16 closedPort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost);
    return server.serverPort(); // free again once `server` is gone
}

} // namespace

class TestTempoClient : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<FakeTempo> m_tempo;
    std::unique_ptr<net::HttpClient> m_http;
    QObject m_context;

    TempoClient client(std::chrono::milliseconds timeout = std::chrono::milliseconds(5000))
    {
        net::ConnectionProfile profile = profileFor(m_tempo->url(), timeout);
        profile.grpcAddress = m_tempo->grpcAddress();
        return TempoClient(*m_http, profile);
    }

    Answer<TraceResult> fetchTrace(TempoClient& tempo, const QString& id)
    {
        Result<TraceResult> result;
        tempo.traceById(id, &m_context, result.callback());
        [&] { QTRY_VERIFY_WITH_TIMEOUT(result.answer.has_value(), Wait); }();
        return result.answer.value_or(Answer<TraceResult> {});
    }

    template <typename T> static QString describe(const Answer<T>& answer)
    {
        return answer.error ? tempoErrorKindName(answer.error->kind) + u": " + answer.error->message
                            : QStringLiteral("ok");
    }

private Q_SLOTS:
    void init()
    {
        m_tempo = std::make_unique<FakeTempo>();
        QVERIFY(m_tempo->pushJson(readData(QStringLiteral("tempo/request-tempo-otlp-traces.json"))).isEmpty());
        QVERIFY(m_tempo->listen());
        QVERIFY(m_tempo->listenGrpc());
        m_http = std::make_unique<net::HttpClient>();
    }

    void cleanup()
    {
        m_http.reset();
        m_tempo.reset();
    }

    void traceByIdV2Protobuf()
    {
        TempoClient tempo = client();
        const Answer<TraceResult> answer = fetchTrace(tempo, QString::fromLatin1(TraceIdHex).toUpper());
        QVERIFY2(answer.ok(), qPrintable(describe(answer)));
        const TraceResult& result = *answer.value;
        QCOMPARE(result.trace->spanCount(), 20);
        QCOMPARE(result.trace->errorCount(), 7);
        QCOMPARE(result.trace->serviceCount(), 3);
        QCOMPARE(result.trace->traceId().toHex(), QLatin1String(TraceIdHex));
        QVERIFY(!result.answeredJson);
        QVERIFY(result.url.endsWith(u"/api/v2/traces/4bf92f3577b34da6a3ce929d0e0e4736"));
        QVERIFY(answer.warnings.isEmpty());
        // The bytes kept are the inner tempopb.Trace, not the TraceByIDResponse around it.
        const TraceParseResult again = parseTraceProtobuf(result.protobuf);
        QVERIFY(again.ok());
        QCOMPARE(again.trace->spanCount(), 20);
        const ServerRequest request = m_tempo->http().received().constLast();
        QCOMPARE(request.path, QStringLiteral("/api/v2/traces/4bf92f3577b34da6a3ce929d0e0e4736"));
        QCOMPARE(request.header("accept"), QByteArray("application/protobuf"));
        QCOMPARE(m_tempo->http().count(QStringLiteral("/api/traces/4bf92f3577b34da6a3ce929d0e0e4736")), 0);
    }

    void traceByIdFallsBackToV1()
    {
        m_tempo->setV2TracesEnabled(false); // Tempo 2.2.4
        const QByteArray recorded = readData(QStringLiteral("tempo/tempo-trace-protobuf.pb"));
        m_tempo->http().handle(QStringLiteral("/api/traces/*"), [recorded](const ServerRequest&) {
            ServerResponse response = ServerResponse::json(recorded);
            response.contentType = QByteArrayLiteral("application/protobuf");
            return response;
        });
        TempoClient tempo = client();
        const Answer<TraceResult> first = fetchTrace(tempo, QString::fromLatin1(TraceIdHex));
        QVERIFY2(first.ok(), qPrintable(describe(first)));
        QCOMPARE(first.value->trace->spanCount(), 20);
        QVERIFY(first.value->url.endsWith(u"/api/traces/4bf92f3577b34da6a3ce929d0e0e4736"));
        QCOMPARE(first.value->protobuf, recorded); // as received, byte for byte
        QCOMPARE(m_tempo->http().count(QStringLiteral("/api/v2/traces/4bf92f3577b34da6a3ce929d0e0e4736")), 1);
        // Learnt: a copy of the client asks v1 straight away.
        TempoClient copy = tempo;
        const Answer<TraceResult> second = fetchTrace(copy, QString::fromLatin1(TraceIdHex));
        QVERIFY(second.ok());
        QCOMPARE(m_tempo->http().count(QStringLiteral("/api/v2/traces/4bf92f3577b34da6a3ce929d0e0e4736")), 1);
        QCOMPARE(m_tempo->http().count(QStringLiteral("/api/traces/4bf92f3577b34da6a3ce929d0e0e4736")), 2);
    }

    void traceByIdJson()
    {
        // A server (or proxy) that answers JSON whatever the Accept header says: Tempo's JSON, base64 ids.
        m_tempo->setV2TracesEnabled(false);
        const QByteArray json = readData(QStringLiteral("tempo/tempo-trace-json.json"));
        m_tempo->http().handle(
            QStringLiteral("/api/traces/*"), [json](const ServerRequest&) { return ServerResponse::json(json); });
        TempoClient tempo = client();
        const Answer<TraceResult> answer = fetchTrace(tempo, QString::fromLatin1(TraceIdHex));
        QVERIFY2(answer.ok(), qPrintable(describe(answer)));
        QVERIFY(answer.value->answeredJson);
        QCOMPARE(answer.value->trace->spanCount(), 20);
        QCOMPARE(answer.value->trace->errorCount(), 7);
        // Written as protobuf from the parsed trace, for `trace get -o x.pb`.
        const TraceParseResult again = parseTraceProtobuf(answer.value->protobuf);
        QVERIFY(again.ok());
        QCOMPARE(again.trace->spanCount(), 20);
    }

    void traceByIdV2Json()
    {
        const QByteArray inner
            = traceToOtlpJson(*parseTraceProtobuf(readData(QStringLiteral("tempo/tempo-trace-protobuf.pb"))).trace);
        m_tempo->http().handle(QStringLiteral("/api/v2/traces/*"), [inner](const ServerRequest&) {
            return ServerResponse::json("{\"trace\":" + inner + ",\"metrics\":{\"inspectedBytes\":\"3629\"}}");
        });
        TempoClient tempo = client();
        const Answer<TraceResult> answer = fetchTrace(tempo, QString::fromLatin1(TraceIdHex));
        QVERIFY2(answer.ok(), qPrintable(describe(answer)));
        QVERIFY(answer.value->answeredJson);
        QCOMPARE(answer.value->trace->spanCount(), 20);
    }

    void traceNotFound_data()
    {
        QTest::addColumn<bool>("v2");
        QTest::addRow("tempo_2_2_4") << false;
        QTest::addRow("with_v2") << true;
    }

    void traceNotFound()
    {
        QFETCH(bool, v2);
        m_tempo->setV2TracesEnabled(v2);
        TempoClient tempo = client();
        const Answer<TraceResult> answer = fetchTrace(tempo, QStringLiteral("bad"));
        QVERIFY(!answer.ok());
        QCOMPARE(answer.error->kind, TempoError::Kind::NotFound);
        QCOMPARE(answer.error->httpStatus, 404);
        QVERIFY2(answer.error->message.startsWith(
                     u"Trace 00000000000000000000000000000bad not found in Tempo at http://127.0.0.1:"),
            qPrintable(answer.error->message));
        // "trace not found" is an answer: no fall-back from v2 to v1 for it.
        QCOMPARE(m_tempo->http().count(QStringLiteral("/api/traces/00000000000000000000000000000bad")), v2 ? 0 : 1);
    }

    void invalidTraceId()
    {
        TempoClient tempo = client();
        const Answer<TraceResult> answer = fetchTrace(tempo, QStringLiteral("not-hex"));
        QVERIFY(!answer.ok());
        QCOMPARE(answer.error->kind, TempoError::Kind::Invalid);
        QVERIFY(m_tempo->http().received().isEmpty());
    }

    void traceTooLarge()
    {
        // Tempo 2.2.4 refuses with 500 "trace exceeds max size (max bytes: N)".
        m_tempo->setV2TracesEnabled(false);
        m_tempo->setMaxTraceBytes(1000);
        TempoClient tempo = client();
        const Answer<TraceResult> refused = fetchTrace(tempo, QString::fromLatin1(TraceIdHex));
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error->kind, TempoError::Kind::TooLarge);
        QCOMPARE(refused.error->httpStatus, 500);
        QVERIFY2(refused.error->message.contains(u"trace exceeds max size (max bytes: 1000)"),
            qPrintable(refused.error->message));
    }

    void traceTooLargePartialV2()
    {
        // Newer Tempo sends what fits, marked partial: a trace with a warning, not an error.
        m_tempo->setMaxTraceBytes(1000);
        TempoClient tempo = client();
        const Answer<TraceResult> answer = fetchTrace(tempo, QString::fromLatin1(TraceIdHex));
        QVERIFY2(answer.ok(), qPrintable(describe(answer)));
        QVERIFY(answer.value->trace->spanCount() > 0);
        QVERIFY(answer.value->trace->spanCount() < 20);
        QCOMPARE(answer.warnings.size(), 1);
        QVERIFY2(answer.warnings.first().contains(u"partial"), qPrintable(answer.warnings.first()));
    }

    void traceBeyondOurCap()
    {
        TempoClient tempo = client();
        tempo.setMaxTraceBytes(1024);
        const Answer<TraceResult> answer = fetchTrace(tempo, QString::fromLatin1(TraceIdHex));
        QVERIFY(!answer.ok());
        QCOMPARE(answer.error->kind, TempoError::Kind::TooLarge);
        QCOMPARE(answer.error->netKind, net::NetError::Kind::TooLarge);
    }

    void faults_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("netKind");
        QTest::addColumn<QString>("messagePart");
        const QByteArray pb = readData(QStringLiteral("tempo/tempo-trace-protobuf.pb"));
        QTest::addRow("http_500") << 500 << QByteArray("rpc error: code = Unknown desc = querier failed\n")
                                  << QByteArray("text/plain") << int(TempoError::Kind::Network)
                                  << int(net::NetError::Kind::Http) << QStringLiteral("answered 500: rpc error");
        QTest::addRow("unauthorized") << 401 << QByteArray("no org id\n") << QByteArray("text/plain")
                                      << int(TempoError::Kind::Network) << int(net::NetError::Kind::Auth)
                                      << QStringLiteral("401");
        QTest::addRow("forbidden") << 403 << QByteArray("forbidden\n") << QByteArray("text/plain")
                                   << int(TempoError::Kind::Network) << int(net::NetError::Kind::Auth)
                                   << QStringLiteral("403");
        QTest::addRow("truncated_protobuf")
            << 200 << pb.left(3000) << QByteArray("application/protobuf") << int(TempoError::Kind::Malformed)
            << int(net::NetError::Kind::Malformed) << QStringLiteral("at byte");
        QTest::addRow("json_cut_off") << 200 << readData(QStringLiteral("tempo/tempo-trace-json.json")).left(500)
                                      << QByteArray("application/json") << int(TempoError::Kind::Malformed)
                                      << int(net::NetError::Kind::Malformed) << QStringLiteral("not JSON");
        QTest::addRow("max_bytes_per_trace_400")
            << 400 << QByteArray("max bytes per trace exceeded: 5000000 > 100000\n") << QByteArray("text/plain")
            << int(TempoError::Kind::TooLarge) << int(net::NetError::Kind::Http) << QStringLiteral("too large");
    }

    void faults()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, contentType);
        QFETCH(int, kind);
        QFETCH(int, netKind);
        QFETCH(QString, messagePart);
        m_tempo->setV2TracesEnabled(false);
        Fault fault;
        fault.pathPrefix = QStringLiteral("/api/traces/");
        fault.status = status;
        fault.body = body;
        fault.contentType = contentType;
        m_tempo->http().injectFault(fault);
        TempoClient tempo = client();
        const Answer<TraceResult> answer = fetchTrace(tempo, QString::fromLatin1(TraceIdHex));
        QVERIFY(!answer.ok());
        QCOMPARE(int(answer.error->kind), kind);
        QCOMPARE(int(answer.error->netKind), netKind);
        QVERIFY2(answer.error->message.contains(messagePart), qPrintable(answer.error->message));
        QVERIFY2(answer.error->message.contains(u"127.0.0.1"), qPrintable(answer.error->message));
    }

    void connectionCut()
    {
        m_tempo->setV2TracesEnabled(false);
        Fault fault;
        fault.pathPrefix = QStringLiteral("/api/traces/");
        fault.truncateAt = 100;
        fault.times = 10; // retries too
        m_tempo->http().injectFault(fault);
        TempoClient tempo = client();
        const Answer<TraceResult> answer = fetchTrace(tempo, QString::fromLatin1(TraceIdHex));
        QVERIFY(!answer.ok());
        QCOMPARE(answer.error->kind, TempoError::Kind::Network);
    }

    void serverDown()
    {
        TempoClient tempo(*m_http, profileFor(QStringLiteral("http://127.0.0.1:%1").arg(closedPort())));
        const Answer<TraceResult> answer = fetchTrace(tempo, QString::fromLatin1(TraceIdHex));
        QVERIFY(!answer.ok());
        QCOMPARE(answer.error->kind, TempoError::Kind::Network);
        QCOMPARE(answer.error->netKind, net::NetError::Kind::Unreachable);
    }

    void slowServer()
    {
        Fault fault;
        fault.pathPrefix = QStringLiteral("/api/");
        fault.delayMs = 3000;
        fault.times = 10;
        m_tempo->http().injectFault(fault);
        TempoClient tempo = client(std::chrono::milliseconds(300));
        const Answer<TraceResult> answer = fetchTrace(tempo, QString::fromLatin1(TraceIdHex));
        QVERIFY(!answer.ok());
        QCOMPARE(answer.error->netKind, net::NetError::Kind::Timeout);
    }

    void cancelled()
    {
        Fault fault;
        fault.hang = true;
        m_tempo->http().injectFault(fault);
        TempoClient tempo = client();
        Result<TraceResult> result;
        const net::RequestHandlePtr handle
            = tempo.traceById(QString::fromLatin1(TraceIdHex), &m_context, result.callback());
        QTRY_COMPARE_WITH_TIMEOUT(m_tempo->http().received().size(), 1, Wait);
        handle->cancel();
        QTRY_VERIFY_WITH_TIMEOUT(result.answer.has_value(), Wait);
        QCOMPARE(result.answer->error->netKind, net::NetError::Kind::Cancelled);
    }

    void search()
    {
        TempoClient tempo = client();
        Result<SearchResult> result;
        SearchQuery query;
        query.traceql = QStringLiteral("{ resource.service.name = \"checkout\" }");
        query.startS = 1795620619;
        query.endS = 1795621579;
        tempo.search(query, &m_context, result.callback());
        QTRY_VERIFY_WITH_TIMEOUT(result.answer.has_value(), Wait);
        QVERIFY2(result.answer->ok(), qPrintable(describe(*result.answer)));
        const SearchResult& found = *result.answer->value;
        QCOMPARE(found.traces.size(), std::size_t(1));
        const TraceSummary& trace = found.traces.front();
        QCOMPARE(trace.traceId, QLatin1String(TraceIdHex));
        QCOMPARE(trace.rootServiceName, QStringLiteral("frontend"));
        QCOMPARE(trace.rootTraceName, QStringLiteral("GET /checkout"));
        QCOMPARE(trace.startNs, 1795621419742387522LL);
        QCOMPARE(trace.durationMs, 900);
        QCOMPARE(trace.spanSets.size(), std::size_t(1));
        QCOMPARE(trace.spanSets[0].matched, 8);
        QCOMPARE(trace.spanSets[0].spans.size(), std::size_t(3));
        QCOMPARE(trace.spanSets[0].spans[0].spanId, QStringLiteral("00f067aa0ba90207"));
        QCOMPARE(trace.spanSets[0].spans[0].durationNs, 770000000);
        QCOMPARE(trace.spanSets[0].spans[0].attributes.value(0),
            qMakePair(QStringLiteral("service.name"), QStringLiteral("checkout")));
        QCOMPARE(found.metrics.completedJobs, 1);
        const ServerRequest request = m_tempo->http().received().constLast();
        QCOMPARE(request.param(QStringLiteral("q")), query.traceql);
        QCOMPARE(request.param(QStringLiteral("limit")), QStringLiteral("20"));
        QCOMPARE(request.param(QStringLiteral("spss")), QStringLiteral("3"));
        QCOMPARE(request.param(QStringLiteral("start")), QStringLiteral("1795620619"));
        QCOMPARE(request.param(QStringLiteral("end")), QStringLiteral("1795621579"));

        Result<SearchResult> longOnes;
        query.traceql = QStringLiteral("{ status = error }");
        query.minDurationMs = 1000; // the trace takes 900 ms
        tempo.search(query, &m_context, longOnes.callback());
        QTRY_VERIFY_WITH_TIMEOUT(longOnes.answer.has_value(), Wait);
        QVERIFY(longOnes.answer->ok());
        QVERIFY(longOnes.answer->value->traces.empty());
        QCOMPARE(m_tempo->http().received().constLast().param(QStringLiteral("minDuration")), QStringLiteral("1000ms"));
    }

    void searchInvalidTraceQL()
    {
        TempoClient tempo = client();
        Result<SearchResult> result;
        SearchQuery query;
        query.traceql = QStringLiteral("{ status = }");
        tempo.search(query, &m_context, result.callback());
        QTRY_VERIFY_WITH_TIMEOUT(result.answer.has_value(), Wait);
        QVERIFY(!result.answer->ok());
        QCOMPARE(result.answer->error->kind, TempoError::Kind::Query);
        QCOMPARE(result.answer->error->httpStatus, 400);
        QVERIFY2(result.answer->error->message.contains(
                     u"invalid TraceQL query: parse error at line 1, col 12: syntax error: unexpected }"),
            qPrintable(result.answer->error->message));
    }

    void tags()
    {
        TempoClient tempo = client();
        Result<std::vector<TagScope>> result;
        tempo.tagNames({}, &m_context, result.callback());
        QTRY_VERIFY_WITH_TIMEOUT(result.answer.has_value(), Wait);
        QVERIFY2(result.answer->ok(), qPrintable(describe(*result.answer)));
        const std::vector<TagScope>& scopes = *result.answer->value;
        QCOMPARE(scopes.size(), std::size_t(3));
        QCOMPARE(scopes[0].name, QStringLiteral("intrinsic"));
        QCOMPARE(scopes[1].name, QStringLiteral("resource"));
        QCOMPARE(scopes[1].tags,
            QStringList({ QStringLiteral("deployment.environment"), QStringLiteral("host.name"),
                QStringLiteral("service.name"), QStringLiteral("service.version") }));
        QCOMPARE(scopes[2].name, QStringLiteral("span"));
        QCOMPARE(scopes[2].tags.size(), 16);

        Result<std::vector<TagValue>> values;
        tempo.tagValues(QStringLiteral("span.http.status_code"), &m_context, values.callback());
        QTRY_VERIFY_WITH_TIMEOUT(values.answer.has_value(), Wait);
        QVERIFY(values.answer->ok());
        QCOMPARE(*values.answer->value, std::vector<TagValue>({ { QStringLiteral("int"), QStringLiteral("502") } }));
        QCOMPARE(m_tempo->http().received().constLast().path,
            QStringLiteral("/api/v2/search/tag/span.http.status_code/values"));
    }

    void tagsFallBackToV1()
    {
        // A Tempo before 2.1: no v2 search endpoints.
        for (const QString& path : { QStringLiteral("/api/v2/search/tags"), QStringLiteral("/api/v2/search/tag/*") }) {
            m_tempo->http().handle(
                path, [](const ServerRequest&) { return ServerResponse::text(404, "404 page not found\n"); });
        }
        TempoClient tempo = client();
        Result<std::vector<TagScope>> names;
        tempo.tagNames(QStringLiteral("resource"), &m_context, names.callback());
        QTRY_VERIFY_WITH_TIMEOUT(names.answer.has_value(), Wait);
        QVERIFY2(names.answer->ok(), qPrintable(describe(*names.answer)));
        QCOMPARE(names.answer->value->size(), std::size_t(1));
        QCOMPARE(names.answer->value->front().name, QStringLiteral("resource"));
        QCOMPARE(names.answer->value->front().tags.size(), 4);
        QCOMPARE(m_tempo->http().received().constLast().path, QStringLiteral("/api/search/tags"));
        QCOMPARE(m_tempo->http().received().constLast().param(QStringLiteral("scope")), QStringLiteral("resource"));

        Result<std::vector<TagValue>> values;
        tempo.tagValues(QStringLiteral("resource.service.name"), &m_context, values.callback());
        QTRY_VERIFY_WITH_TIMEOUT(values.answer.has_value(), Wait);
        QVERIFY2(values.answer->ok(), qPrintable(describe(*values.answer)));
        QCOMPARE(*values.answer->value,
            std::vector<TagValue>({ { QStringLiteral("string"), QStringLiteral("checkout") },
                { QStringLiteral("string"), QStringLiteral("frontend") },
                { QStringLiteral("string"), QStringLiteral("payment") } }));
        // Learnt from the tag names: v2 is not asked again.
        QCOMPARE(m_tempo->http().count(QStringLiteral("/api/v2/search/tag/resource.service.name/values")), 0);
        QCOMPARE(m_tempo->http().received().constLast().path, QStringLiteral("/api/search/tag/service.name/values"));
    }

    void buildInfo()
    {
        TempoClient tempo = client();
        Result<BuildInfo> result;
        tempo.buildInfo(&m_context, result.callback());
        QTRY_VERIFY_WITH_TIMEOUT(result.answer.has_value(), Wait);
        QVERIFY2(result.answer->ok(), qPrintable(describe(*result.answer)));
        QCOMPARE(result.answer->value->version, QStringLiteral("v2.2.4"));
        QCOMPARE(result.answer->value->revision, QStringLiteral("816c0e1c3a"));
        QCOMPARE(result.answer->value->branch, QStringLiteral("HEAD"));
        QCOMPARE(result.answer->value->goVersion, QStringLiteral("go1.19.8"));
        QCOMPARE(m_tempo->http().count(QStringLiteral("/api/status/buildinfo")), 1);

        // Newer Tempo has build info as JSON.
        m_tempo->http().handle(QStringLiteral("/api/status/buildinfo"), [](const ServerRequest&) {
            return ServerResponse::json(R"({"version":"2.6.1","revision":"abc","branch":"HEAD","goVersion":"go1.23"})");
        });
        TempoClient newer = client();
        Result<BuildInfo> json;
        newer.buildInfo(&m_context, json.callback());
        QTRY_VERIFY_WITH_TIMEOUT(json.answer.has_value(), Wait);
        QVERIFY(json.answer->ok());
        QCOMPARE(json.answer->value->version, QStringLiteral("2.6.1"));
        QCOMPARE(json.answer->value->goVersion, QStringLiteral("go1.23"));
    }

    void streamingSearch()
    {
        QVERIFY(m_tempo->pushJson(generatedTraces(5)).isEmpty());
        m_tempo->setStreamProgress(3, 100);
        TempoClient tempo = client();
        std::vector<std::size_t> partialSizes;
        Result<SearchResult> result;
        SearchQuery query;
        query.traceql = QStringLiteral("{ }");
        tempo.streamSearch(
            query, &m_context, [&](const SearchResult& partial) { partialSizes.push_back(partial.traces.size()); },
            result.callback());
        QTRY_VERIFY_WITH_TIMEOUT(result.answer.has_value(), Wait);
        QVERIFY2(result.answer->ok(), qPrintable(describe(*result.answer)));
        // Three messages, each with more results: 6 traces over 3 messages.
        QCOMPARE(partialSizes, std::vector<std::size_t>({ 2, 4, 6 }));
        const SearchResult& found = *result.answer->value;
        QCOMPARE(found.traces.size(), std::size_t(6));
        QCOMPARE(found.metrics.completedJobs, 3);
        QCOMPARE(found.metrics.totalJobs, 3);
        for (std::size_t i = 1; i < found.traces.size(); ++i)
            QVERIFY(found.traces[i - 1].startNs >= found.traces[i].startNs);
        // Tempo drops leading zeros of trace ids in search results.
        QCOMPARE(found.traces.front().traceId, QStringLiteral("5"));
        QCOMPARE(m_tempo->streamCalls(), 1);
        QCOMPARE(m_tempo->http().count(QStringLiteral("/api/search")), 0);
    }

    void streamingSearchMatches()
    {
        TempoClient tempo = client();
        Result<SearchResult> result;
        SearchQuery query;
        query.traceql = QStringLiteral("{ status = error && resource.service.name = \"payment\" }");
        query.spansPerSpanSet = 2;
        tempo.streamSearch(
            query, &m_context, [](const SearchResult&) {}, result.callback());
        QTRY_VERIFY_WITH_TIMEOUT(result.answer.has_value(), Wait);
        QVERIFY2(result.answer->ok(), qPrintable(describe(*result.answer)));
        const SearchResult& found = *result.answer->value;
        QCOMPARE(found.traces.size(), std::size_t(1));
        QCOMPARE(found.traces[0].spanSets.at(0).matched, 3);
        QCOMPARE(found.traces[0].spanSets.at(0).spans.size(), std::size_t(2));
        QCOMPARE(found.traces[0].spanSets.at(0).spans[0].spanId, QStringLiteral("00f067aa0ba9020f"));
    }

    void streamingFallsBackToHttp_data()
    {
        QTest::addColumn<bool>("noGrpcThere");
        QTest::addRow("http_port_has_no_grpc") << true; // UNAVAILABLE
        QTest::addRow("streaming_unimplemented") << false; // UNIMPLEMENTED
    }

    void streamingFallsBackToHttp()
    {
        QFETCH(bool, noGrpcThere);
        net::ConnectionProfile profile = profileFor(m_tempo->url());
        if (noGrpcThere)
            profile.grpcAddress.clear(); // the HTTP port, where fake-tempo speaks no gRPC
        else
            profile.grpcAddress = m_tempo->grpcAddress();
        m_tempo->setStreamingEnabled(false);
        TempoClient tempo(*m_http, profile);
        int partials = 0;
        Result<SearchResult> result;
        SearchQuery query;
        query.traceql = QStringLiteral("{ status = error }");
        tempo.streamSearch(
            query, &m_context, [&](const SearchResult&) { ++partials; }, result.callback());
        QTRY_VERIFY_WITH_TIMEOUT(result.answer.has_value(), Wait);
        QVERIFY2(result.answer->ok(), qPrintable(describe(*result.answer)));
        QCOMPARE(partials, 1);
        QCOMPARE(result.answer->value->traces.size(), std::size_t(1));
        QCOMPARE(result.answer->value->traces[0].spanSets.at(0).matched, 7);
        QCOMPARE(m_tempo->http().count(QStringLiteral("/api/search")), 1);
        QCOMPARE(m_tempo->streamCalls(), noGrpcThere ? 0 : 1);
    }

    void streamingDeadline()
    {
        m_tempo->setStreamProgress(3, 5000);
        TempoClient tempo = client();
        int partials = 0;
        Result<SearchResult> result;
        tempo.streamSearch(
            {}, &m_context, [&](const SearchResult&) { ++partials; }, result.callback(),
            std::chrono::milliseconds(1500));
        QTRY_VERIFY_WITH_TIMEOUT(result.answer.has_value(), Wait);
        QVERIFY(!result.answer->ok());
        QCOMPARE(result.answer->error->netKind, net::NetError::Kind::Timeout);
        QCOMPARE(partials, 1); // the first message came in time
    }

    void streamingCancel()
    {
        m_tempo->setStreamProgress(3, 5000);
        TempoClient tempo = client();
        int partials = 0;
        Result<SearchResult> result;
        const auto stream = tempo.streamSearch(
            {}, &m_context, [&](const SearchResult&) { ++partials; }, result.callback());
        QTRY_COMPARE_WITH_TIMEOUT(partials, 1, Wait);
        stream->cancel();
        QVERIFY(stream->isCancelled());
        QTRY_VERIFY_WITH_TIMEOUT(result.answer.has_value(), 2000);
        QCOMPARE(result.answer->error->netKind, net::NetError::Kind::Cancelled);
        QCOMPARE(partials, 1);
    }

    void streamingInvalidQuery()
    {
        TempoClient tempo = client();
        Result<SearchResult> result;
        SearchQuery query;
        query.traceql = QStringLiteral("{ status = }");
        tempo.streamSearch(
            query, &m_context, [](const SearchResult&) {}, result.callback());
        QTRY_VERIFY_WITH_TIMEOUT(result.answer.has_value(), Wait);
        QVERIFY(!result.answer->ok());
        QCOMPARE(result.answer->error->kind, TempoError::Kind::Query);
        QVERIFY2(result.answer->error->message.contains(u"unexpected }"), qPrintable(result.answer->error->message));
    }

    void contextGoneMeansNoCallback()
    {
        m_tempo->setStreamProgress(2, 100);
        TempoClient tempo = client();
        bool called = false;
        {
            QObject shortLived;
            tempo.traceById(QString::fromLatin1(TraceIdHex), &shortLived, [&](Answer<TraceResult>) { called = true; });
            tempo.streamSearch(
                {}, &shortLived, [&](const SearchResult&) { called = true; },
                [&](Answer<SearchResult>) { called = true; });
        }
        QTRY_COMPARE_WITH_TIMEOUT(m_tempo->streamCalls(), 1, Wait);
        QTest::qWait(400);
        QVERIFY(!called);
    }
};

QTEST_GUILESS_MAIN(TestTempoClient)
#include "tst_tempoclient.moc"
