#include "backends/tempo/tempoclient.h"
#include "backends/tempo/tempoparser.h"
#include "tempopb/tempo.pb.h"
#include "testutils.h"

#include <QTest>

using namespace firebreak;
using namespace firebreak::tempo;
using namespace firebreak::test;

/// Tempo's answers as recorded from Tempo 2.2.4 (tests/data/tempo/), read by the Tempo client's parsers.
class TestTempoParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void searchTraceQL()
    {
        const Parsed<SearchResult> parsed
            = parseSearchResponse(readData(QStringLiteral("tempo/tempo-search-traceql-error.json")));
        QVERIFY2(parsed.ok(), qPrintable(parsed.error.value_or(QString())));
        const SearchResult& result = *parsed.value;
        QCOMPARE(result.traces.size(), std::size_t(1));
        const TraceSummary& trace = result.traces[0];
        QCOMPARE(trace.traceId, QStringLiteral("4bf92f3577b34da6a3ce929d0e0e4736"));
        QCOMPARE(trace.rootServiceName, QStringLiteral("frontend"));
        QCOMPARE(trace.rootTraceName, QStringLiteral("GET /checkout"));
        QCOMPARE(trace.startNs, 1795621419742387522LL);
        QCOMPARE(trace.durationMs, 900);
        QCOMPARE(trace.spanSets.size(), std::size_t(1)); // spanSets, not also the legacy spanSet
        const SearchSpanSet& set = trace.spanSets[0];
        QCOMPARE(set.matched, 3);
        QCOMPARE(set.spans.size(), std::size_t(3));
        QCOMPARE(set.spans[0].spanId, QStringLiteral("00f067aa0ba9020f"));
        QCOMPARE(set.spans[0].startNs, 1795621419942387522LL);
        QCOMPARE(set.spans[0].durationNs, 590000000LL);
        QCOMPARE(set.spans[0].attributes,
            (QList<QPair<QString, QString>> { { QStringLiteral("service.name"), QStringLiteral("payment") },
                { QStringLiteral("status"), QStringLiteral("error") } }));
        QCOMPARE(result.metrics.inspectedBytes, 16855);
        QCOMPARE(result.metrics.completedJobs, 1);
        QCOMPARE(result.metrics.totalJobs, 1);
    }

    void searchOlderShapes()
    {
        // The tags= search: no span sets, inspectedTraces set.
        const Parsed<SearchResult> tags
            = parseSearchResponse(readData(QStringLiteral("tempo/tempo-search-tags-param-range.json")));
        QVERIFY(tags.ok());
        QVERIFY(tags.value->traces.at(0).spanSets.empty());
        QCOMPARE(tags.value->metrics.inspectedTraces, 1);
        // Only the legacy single spanSet.
        const Parsed<SearchResult> legacy = parseSearchResponse(
            R"({"traces":[{"traceID":"1","spanSet":{"spans":[{"spanID":"00000000000000a1","durationNanos":"5"}],"matched":4}}]})");
        QVERIFY(legacy.ok());
        QCOMPARE(legacy.value->traces[0].spanSets.size(), std::size_t(1));
        QCOMPARE(legacy.value->traces[0].spanSets[0].matched, 4);
        QCOMPARE(legacy.value->traces[0].durationMs, 0); // left out below 1 ms
        QVERIFY(parseSearchResponse("{}").ok()); // nothing found
    }

    void searchMalformed_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("message");
        QTest::addRow("not_json") << QByteArray("<html>") << QStringLiteral("not JSON");
        QTest::addRow("traces_not_array")
            << QByteArray(R"({"traces":{}})") << QStringLiteral("traces: expected an array");
        QTest::addRow("no_trace_id") << QByteArray(R"({"traces":[{"rootServiceName":"a"}]})")
                                     << QStringLiteral("traces[0]: no traceID");
        QTest::addRow("bad_start") << QByteArray(R"({"traces":[{"traceID":"1","startTimeUnixNano":"x"}]})")
                                   << QStringLiteral("traces[0].startTimeUnixNano: expected an integer");
    }

    void searchMalformed()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, message);
        const Parsed<SearchResult> parsed = parseSearchResponse(body);
        QVERIFY(!parsed.ok());
        QVERIFY2(parsed.error->startsWith(message), qPrintable(*parsed.error));
    }

    void grpcMessageEqualsJson()
    {
        // The first streamed message (protobuf) and the same message as JSON give the same result.
        tempopb::SearchResponse message;
        const QByteArray pb = readData(QStringLiteral("tempo/tempo-grpc-StreamingQuerier-Search-3200.1.pb"));
        QVERIFY(message.ParseFromArray(pb.constData(), int(pb.size())));
        const SearchResult fromProto = searchResultFromProto(message);
        const QByteArray jsonl = readData(QStringLiteral("tempo/tempo-grpc-StreamingQuerier-Search-3200.jsonl"));
        const Parsed<SearchResult> fromJson = parseSearchResponse(jsonl.split('\n').value(0));
        QVERIFY(fromJson.ok());
        QCOMPARE(fromProto.traces.size(), std::size_t(1));
        QCOMPARE(fromProto.traces[0].traceId, fromJson.value->traces[0].traceId);
        QCOMPARE(fromProto.traces[0].startNs, fromJson.value->traces[0].startNs);
        QCOMPARE(fromProto.traces[0].durationMs, fromJson.value->traces[0].durationMs);
        QCOMPARE(fromProto.traces[0].spanSets.size(), fromJson.value->traces[0].spanSets.size());
        QCOMPARE(fromProto.traces[0].spanSets[0].matched, 7);
        for (std::size_t i = 0; i < 3; ++i) {
            const SearchSpan& a = fromProto.traces[0].spanSets[0].spans[i];
            const SearchSpan& b = fromJson.value->traces[0].spanSets[0].spans[i];
            QCOMPARE(a.spanId, b.spanId);
            QCOMPARE(a.startNs, b.startNs);
            QCOMPARE(a.durationNs, b.durationNs);
            QCOMPARE(a.attributes, b.attributes);
        }
        QCOMPARE(fromProto.metrics.inspectedBytes, 10183);
    }

    void tags()
    {
        const Parsed<QStringList> v1 = parseTagNames(readData(QStringLiteral("tempo/tempo-search-tags.json")));
        QVERIFY(v1.ok());
        QCOMPARE(v1.value->size(), 20);
        QCOMPARE(v1.value->first(), QStringLiteral("cart.items"));
        const Parsed<std::vector<TagScope>> v2
            = parseTagScopes(readData(QStringLiteral("tempo/tempo-v2-search-tags.json")));
        QVERIFY(v2.ok());
        QCOMPARE(v2.value->size(), std::size_t(3));
        QCOMPARE(v2.value->at(0).name, QStringLiteral("intrinsic"));
        QCOMPARE(v2.value->at(0).tags.size(), 7);
        QCOMPARE(v2.value->at(1).tags.size(), 4);
        QCOMPARE(v2.value->at(2).tags.size(), 16);
        QVERIFY(!parseTagScopes(readData(QStringLiteral("tempo/tempo-search-tags.json"))).ok()); // v1 shape
    }

    void tagValues()
    {
        const Parsed<std::vector<TagValue>> v1
            = parseTagValuesV1(readData(QStringLiteral("tempo/tempo-search-tag-service.name-values.json")));
        QVERIFY(v1.ok());
        QCOMPARE(*v1.value,
            std::vector<TagValue>({ { QStringLiteral("string"), QStringLiteral("checkout") },
                { QStringLiteral("string"), QStringLiteral("frontend") },
                { QStringLiteral("string"), QStringLiteral("payment") } }));
        const Parsed<std::vector<TagValue>> v2
            = parseTagValuesV2(readData(QStringLiteral("tempo/tempo-v2-search-tag-span.http.status_code-values.json")));
        QVERIFY(v2.ok());
        QCOMPARE(*v2.value, std::vector<TagValue>({ { QStringLiteral("int"), QStringLiteral("502") } }));
        QVERIFY(!parseTagValuesV2(readData(QStringLiteral("tempo/tempo-search-tag-service.name-values.json"))).ok());
    }

    void version()
    {
        // As recorded: Tempo's status pages start with the request line.
        const QByteArray recorded
            = "GET /status/version\n" + readData(QStringLiteral("tempo/tempo-status-version.txt"));
        for (const QByteArray& body : { recorded, readData(QStringLiteral("tempo/tempo-status-version.txt")) }) {
            const Parsed<BuildInfo> info = parseVersionText(body);
            QVERIFY2(info.ok(), qPrintable(info.error.value_or(QString())));
            QCOMPARE(info.value->version, QStringLiteral("v2.2.4"));
            QCOMPARE(info.value->branch, QStringLiteral("HEAD"));
            QCOMPARE(info.value->revision, QStringLiteral("816c0e1c3a"));
            QCOMPARE(info.value->goVersion, QStringLiteral("go1.19.8"));
        }
        QVERIFY(!parseVersionText(readData(QStringLiteral("tempo/tempo-api-status-buildinfo-404.txt"))).ok());
        const Parsed<BuildInfo> wrapped = parseBuildInfo(
            R"({"status":"success","data":{"version":"2.7.0","revision":"r","branch":"b","goVersion":"go1.23"}})");
        QVERIFY(wrapped.ok());
        QCOMPARE(wrapped.value->version, QStringLiteral("2.7.0"));
        QVERIFY(!parseBuildInfo("{}").ok());
    }

    void traceResponses()
    {
        const QByteArray pb = readData(QStringLiteral("tempo/tempo-trace-protobuf.pb"));
        const Parsed<TraceResult> v1 = parseTraceResponse(pb, "application/protobuf", TraceEndpoint::V1);
        QVERIFY(v1.ok());
        QCOMPARE(v1.value->trace->spanCount(), 20);
        QCOMPARE(v1.value->protobuf, pb);

        tempopb::TraceByIDResponse response;
        QVERIFY(response.mutable_trace()->ParseFromArray(pb.constData(), int(pb.size())));
        response.set_status(tempopb::PARTIAL);
        response.set_message("trace exceeds max size (max bytes: 5000000)");
        response.mutable_metrics()->set_inspectedbytes(123);
        const QByteArray v2Body = QByteArray::fromStdString(response.SerializeAsString());
        const Parsed<TraceResult> v2 = parseTraceResponse(v2Body, "application/protobuf", TraceEndpoint::V2);
        QVERIFY2(v2.ok(), qPrintable(v2.error.value_or(QString())));
        QCOMPARE(v2.value->trace->spanCount(), 20);
        QCOMPARE(v2.value->protobuf.size(), pb.size()); // the inner trace, unwrapped
        QCOMPARE(v2.warnings.size(), 1);
        QVERIFY(v2.warnings[0].contains(u"trace exceeds max size (max bytes: 5000000)"));

        // No content type: told apart by content.
        const Parsed<TraceResult> json
            = parseTraceResponse(readData(QStringLiteral("tempo/tempo-trace-json.json")), {}, TraceEndpoint::V1);
        QVERIFY(json.ok());
        QVERIFY(json.value->answeredJson);
        QVERIFY(!json.value->protobuf.isEmpty());

        const Parsed<TraceResult> cut = parseTraceResponse(v2Body.left(100), "application/protobuf", TraceEndpoint::V2);
        QVERIFY(!cut.ok());
        const Parsed<TraceResult> html = parseTraceResponse("<html></html>", "text/html", TraceEndpoint::V1);
        QVERIFY(!html.ok());
    }

    void grpcTarget()
    {
        net::ConnectionProfile profile;
        profile.name = QStringLiteral("Tempo");
        profile.kind = net::BackendKind::Tempo;
        profile.baseUrl = QUrl(QStringLiteral("http://tempo.example:3200/prefix"));
        QCOMPARE(TempoClient::grpcTarget(profile), QStringLiteral("tempo.example:3200"));
        profile.baseUrl = QUrl(QStringLiteral("https://tempo.example"));
        QCOMPARE(TempoClient::grpcTarget(profile), QStringLiteral("tempo.example:443"));
        profile.baseUrl = QUrl(QStringLiteral("http://[::1]"));
        QCOMPARE(TempoClient::grpcTarget(profile), QStringLiteral("[::1]:80"));
        profile.grpcAddress = QStringLiteral("tempo-grpc:9095");
        QCOMPARE(TempoClient::grpcTarget(profile), QStringLiteral("tempo-grpc:9095"));
        QVERIFY(net::validate(profile).isEmpty());
        profile.grpcAddress = QStringLiteral("[::1]:9095");
        QVERIFY(net::validate(profile).isEmpty());
        for (const QString& bad :
            { QStringLiteral("tempo-grpc"), QStringLiteral("http://tempo:9095"), QStringLiteral("tempo:port") }) {
            profile.grpcAddress = bad;
            QCOMPARE(net::validate(profile).size(), 1);
        }
    }

    void errorTexts()
    {
        QVERIFY(isTraceNotFound(404, readData(QStringLiteral("tempo/tempo-trace-notfound.txt"))));
        QVERIFY(isTraceNotFound(404, "trace not found\n"));
        QVERIFY(!isTraceNotFound(404, readData(QStringLiteral("tempo/tempo-api-status-buildinfo-404.txt"))));
        QVERIFY(!isTraceNotFound(500, "trace not found"));
        QVERIFY(isTraceTooLarge("trace exceeds max size (max bytes: 5000000)"));
        QVERIFY(isTraceTooLarge("rpc error: code = Unknown desc = Max Bytes Per Trace exceeded"));
        QVERIFY(!isTraceTooLarge("querier unavailable"));
        QCOMPARE(normalizedTraceId(QStringLiteral(" 4BF92F3577B34DA6A3CE929D0E0E4736 ")),
            QStringLiteral("4bf92f3577b34da6a3ce929d0e0e4736"));
        QCOMPARE(normalizedTraceId(QStringLiteral("bad")), QStringLiteral("00000000000000000000000000000bad"));
        QVERIFY(normalizedTraceId(QStringLiteral("g")).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestTempoParser)
#include "tst_tempoparser.moc"
