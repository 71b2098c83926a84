#include "model/traceparser.h"
#include "model/tracewriter.h"
#include "tempopb/tempo.pb.h"
#include "testutils.h"

#include <QElapsedTimer>
#include <QMap>
#include <QTemporaryDir>
#include <QTest>

using namespace firebreak;
using namespace firebreak::test;

namespace otlp = opentelemetry::proto;

namespace {

constexpr auto FixtureTraceId = "4bf92f3577b34da6a3ce929d0e0e4736";

/// Everything about each span, by span id, attributes sorted by key: Tempo reorders spans and attributes.
QMap<QString, QString> canonical(const Trace& trace)
{
    QMap<QString, QString> out;
    for (qsizetype i = 0; i < trace.spanCount(); ++i) {
        const auto attributeText = [&](IndexRange range) {
            QStringList parts;
            for (const Attribute& a : trace.attributesIn(range))
                parts << trace.string(a.key) + u'=' + QString::number(int(a.type)) + u':' + trace.valueText(a);
            parts.sort();
            return parts.join(u',');
        };
        QStringList events;
        for (const SpanEvent& e : trace.spanEvents(i))
            events << QString::number(e.timeNs) + u' ' + trace.string(e.name) + u' ' + attributeText(e.attributes);
        QString parent = trace.parents[i] >= 0 ? spanIdToHex(trace.spanIds[trace.parents[i]]) : QStringLiteral("-");
        const TraceResource& resource = trace.resources[trace.resourceIndices[i]];
        const TraceScope& scope = trace.scopes[trace.scopeIndices[i]];
        out.insert(spanIdToHex(trace.spanIds[i]),
            QStringList { trace.traceIds[i].toHex(), parent, trace.string(trace.services[i]),
                trace.string(trace.names[i]), spanKindName(trace.kinds[i]), QString::number(trace.startNs[i]),
                QString::number(trace.endNs[i]), statusCodeName(trace.statusCodes[i]),
                trace.string(trace.statusMessages[i]), attributeText(trace.attributeRanges[i]), events.join(u';'),
                attributeText(resource.attributes), trace.string(scope.name) + u'@' + trace.string(scope.version) }
                .join(u'|'));
    }
    return out;
}

Trace parsedOrFail(TraceParseResult result)
{
    if (!result.ok()) {
        qWarning("parse failed: %s", qPrintable(result.error->text()));
        return {};
    }
    return std::move(*result.trace);
}

QByteArray spanJson(
    const QByteArray& traceId, const QByteArray& spanId, const QByteArray& parentId, const QByteArray& extra = {})
{
    QByteArray span = QByteArrayLiteral("{\"traceId\":\"") + traceId + R"(","spanId":")" + spanId + '"';
    if (!parentId.isEmpty())
        span += QByteArrayLiteral(R"(,"parentSpanId":")") + parentId + '"';
    span += extra + '}';
    return span;
}

QByteArray traceJson(const QList<QByteArray>& spans)
{
    return QByteArrayLiteral(
               R"({"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"svc"}}]},"scopeSpans":[{"spans":[)")
        + spans.join(',') + "]}]}]}";
}

/// A deterministic trace of `count` spans (fan-out 10) with ten attributes each, as OTLP protobuf.
QByteArray generatedTrace(int count)
{
    tempopb::Trace message;
    const std::string traceId = QByteArray::fromHex(FixtureTraceId).toStdString();
    const auto idBytes = [](quint64 id) {
        std::string out(8, '\0');
        for (int i = 7; i >= 0; --i, id >>= 8)
            out[static_cast<std::size_t>(i)] = static_cast<char>(id & 0xff);
        return out;
    };
    constexpr int Services = 20;
    std::vector<otlp::trace::v1::ScopeSpans*> scopes;
    for (int s = 0; s < Services; ++s) {
        auto* batch = message.add_batches();
        auto* name = batch->mutable_resource()->add_attributes();
        name->set_key("service.name");
        name->mutable_value()->set_string_value("service-" + std::to_string(s));
        auto* host = batch->mutable_resource()->add_attributes();
        host->set_key("host.name");
        host->mutable_value()->set_string_value("host-" + std::to_string(s));
        scopes.push_back(batch->add_scope_spans());
        scopes.back()->mutable_scope()->set_name("generator");
    }
    for (int i = 0; i < count; ++i) {
        auto* span = scopes[static_cast<std::size_t>(i % Services)]->add_spans();
        span->set_trace_id(traceId);
        span->set_span_id(idBytes(static_cast<quint64>(i) + 1));
        if (i > 0)
            span->set_parent_span_id(idBytes(static_cast<quint64>((i - 1) / 10) + 1));
        span->set_name("operation " + std::to_string(i % 50));
        span->set_kind(otlp::trace::v1::Span::SPAN_KIND_SERVER);
        span->set_start_time_unix_nano(1'700'000'000'000'000'000ULL + static_cast<quint64>(i) * 1000);
        span->set_end_time_unix_nano(1'700'000'000'000'000'000ULL + static_cast<quint64>(i) * 1000 + 50'000);
        for (int a = 0; a < 10; ++a) {
            auto* kv = span->add_attributes();
            kv->set_key("attribute." + std::to_string(a));
            if (a % 3 == 0)
                kv->mutable_value()->set_int_value(i * 10 + a);
            else if (a == 1)
                kv->mutable_value()->set_string_value("/api/item/" + std::to_string(i)); // distinct per span
            else
                kv->mutable_value()->set_string_value("value " + std::to_string(a));
        }
        if (i % 97 == 0)
            span->mutable_status()->set_code(otlp::trace::v1::Status::STATUS_CODE_ERROR);
    }
    return QByteArray::fromStdString(message.SerializeAsString());
}

} // namespace

class TestTraceParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ids()
    {
        const auto id = TraceId::fromHex(u"4bf92f3577b34da6a3ce929d0e0e4736");
        QVERIFY(id);
        QCOMPARE(id->toHex(), QStringLiteral("4bf92f3577b34da6a3ce929d0e0e4736"));
        QCOMPARE(TraceId::fromHex(u"BAD")->toHex(), QStringLiteral("00000000000000000000000000000bad"));
        QVERIFY(!TraceId::fromHex(u"xyz"));
        QVERIFY(!TraceId::fromHex(u"4bf92f3577b34da6a3ce929d0e0e47360"));
        QVERIFY(!TraceId::fromHex(u""));
        QCOMPARE(TraceId::fromBytes(std::string_view("\x01\x02\x03\x04\x05\x06\x07\x08", 8))->toHex(),
            QStringLiteral("00000000000000000102030405060708"));
        QVERIFY(!TraceId::fromBytes("short"));
        QCOMPARE(spanIdToHex(*spanIdFromHex(u"00f067aa0ba90201")), QStringLiteral("00f067aa0ba90201"));
        QCOMPARE(*spanIdFromBytes(std::string_view("\x00\xf0\x67\xaa\x0b\xa9\x02\x01", 8)), 0x00f067aa0ba90201ULL);
        QVERIFY(!spanIdFromHex(u"00f067aa0ba9020"));
    }

    void stringPool()
    {
        StringPool pool;
        QCOMPARE(pool.intern(""), StringPool::Empty);
        const auto a = pool.intern("checkout");
        const auto b = pool.intern("payment");
        QCOMPARE(pool.intern(std::string("checkout")), a);
        QVERIFY(a != b);
        QCOMPARE(pool.string(b), QStringLiteral("payment"));
        QCOMPARE(pool.find("payment"), b);
        QCOMPARE(pool.find("absent"), StringPool::NotFound);
        const std::string big(100000, 'x'); // its own block
        const auto c = pool.intern(big);
        QCOMPARE(pool.view(c).size(), big.size());
        for (int i = 0; i < 20000; ++i) // several blocks; earlier views must stay valid
            pool.intern("value " + std::to_string(i));
        QCOMPARE(pool.view(a), std::string_view("checkout"));
        StringPool moved = std::move(pool);
        QCOMPARE(moved.view(b), std::string_view("payment"));
        QCOMPARE(moved.find("value 19999"), moved.intern("value 19999"));
    }

    void fixtureProtobuf()
    {
        const Trace trace = parsedOrFail(parseTraceProtobuf(readData(QStringLiteral("tempo/tempo-trace-protobuf.pb"))));
        QCOMPARE(trace.spanCount(), 20);
        QCOMPARE(trace.traceId().toHex(), QLatin1String(FixtureTraceId));
        QCOMPARE(trace.serviceCount(), 3);
        QCOMPARE(trace.errorCount(), 7);
        QMap<QString, int> perService;
        for (const auto service : trace.services)
            ++perService[trace.string(service)];
        QCOMPARE(perService.value(QStringLiteral("frontend")), 6);
        QCOMPARE(perService.value(QStringLiteral("checkout")), 8);
        QCOMPARE(perService.value(QStringLiteral("payment")), 6);
        QCOMPARE(trace.durationNs(), 900000000LL);
        QCOMPARE(trace.startTimeNs(), 1795621419742387522LL);

        const std::vector<std::int32_t> top = trace.topLevelSpans();
        QCOMPARE(top.size(), std::size_t(1));
        const auto root = top.front();
        QCOMPARE(trace.string(trace.names[root]), QStringLiteral("GET /checkout"));
        QCOMPARE(trace.kinds[root], SpanKind::Server);
        QCOMPARE(trace.statusCodes[root], StatusCode::Error);
        QCOMPARE(trace.string(trace.statusMessages[root]), QStringLiteral("upstream checkout failed"));
        const Attribute* status = trace.findAttribute(trace.attributeRanges[root], "http.status_code");
        QVERIFY(status);
        QCOMPARE(status->type, ValueType::Int);
        QCOMPARE(status->intValue(), 502);
        for (qsizetype i = 0; i < trace.spanCount(); ++i)
            QVERIFY(i == root || trace.parents[i] >= 0);
        QVERIFY(!trace.isOrphan(root));

        // Parents by id: "POST /charge" (payment) is under "HTTP POST payment" (checkout).
        const qsizetype charge = trace.indexOf(*spanIdFromHex(u"00f067aa0ba9020f"));
        QVERIFY(charge >= 0);
        QCOMPARE(trace.string(trace.names[charge]), QStringLiteral("POST /charge"));
        QCOMPARE(trace.spanIds[trace.parents[charge]], *spanIdFromHex(u"00f067aa0ba9020c"));
        QCOMPARE(trace.string(trace.services[trace.parents[charge]]), QStringLiteral("checkout"));

        // Events: four exception events, each with two attributes.
        int exceptions = 0;
        for (qsizetype i = 0; i < trace.spanCount(); ++i) {
            for (const SpanEvent& e : trace.spanEvents(i)) {
                QCOMPARE(trace.string(e.name), QStringLiteral("exception"));
                QCOMPARE(e.attributes.size(), 2u);
                ++exceptions;
            }
        }
        QCOMPARE(exceptions, 4);
        const qsizetype retry = trace.indexOf(*spanIdFromHex(u"00f067aa0ba90213"));
        const Attribute* retried = trace.findAttribute(trace.attributeRanges[retry], "retry");
        QVERIFY(retried && retried->type == ValueType::Bool && retried->boolValue());
        const qsizetype totals = trace.indexOf(*spanIdFromHex(u"00f067aa0ba9020a"));
        const Attribute* total = trace.findAttribute(trace.attributeRanges[totals], "order.total");
        QVERIFY(total && total->type == ValueType::Double);
        QCOMPARE(total->doubleValue(), 129.95);
        QCOMPARE(trace.valueText(*total), QStringLiteral("129.95"));
        QCOMPARE(trace.string(trace.resources[trace.resourceIndices[root]].serviceName), QStringLiteral("frontend"));
        QCOMPARE(trace.string(trace.scopes[trace.scopeIndices[root]].name), QStringLiteral("demo-instrumentation"));
    }

    void sameTraceInEveryFormat()
    {
        const auto pb
            = canonical(parsedOrFail(parseTraceProtobuf(readData(QStringLiteral("tempo/tempo-trace-protobuf.pb")))));
        // Tempo's JSON: base64 ids, enum names, 64-bit integers as strings.
        const auto tempoJson
            = canonical(parsedOrFail(parseTraceJson(readData(QStringLiteral("tempo/tempo-trace-json.json")))));
        // What was pushed: OTLP JSON with hex ids and enum numbers.
        const auto otlpJson
            = canonical(parsedOrFail(parseTraceJson(readData(QStringLiteral("tempo/request-tempo-otlp-traces.json")))));
        QCOMPARE(pb.size(), 20);
        QCOMPARE(tempoJson, pb);
        QCOMPARE(otlpJson, pb);
    }

    void writerRoundTrip()
    {
        const Trace original
            = parsedOrFail(parseTraceProtobuf(readData(QStringLiteral("tempo/tempo-trace-protobuf.pb"))));
        const QByteArray json = traceToOtlpJson(original);
        QVERIFY(json.startsWith(R"({"resourceSpans":[)"));
        QVERIFY(json.contains(R"("traceId":"4bf92f3577b34da6a3ce929d0e0e4736")"));
        QVERIFY(json.contains(R"("intValue":"502")"));
        QCOMPARE(canonical(parsedOrFail(parseTraceJson(json))), canonical(original));
        const QByteArray pb = traceToProtobuf(original);
        QCOMPARE(canonical(parsedOrFail(parseTraceProtobuf(pb))), canonical(original));
        // Three resources as in the answer, not one per span.
        tempopb::Trace message;
        QVERIFY(message.ParseFromArray(pb.constData(), int(pb.size())));
        QCOMPARE(message.batches_size(), 3);
    }

    void idsBase64OrHex_data()
    {
        QTest::addColumn<QByteArray>("traceId");
        QTest::addColumn<QByteArray>("spanId");
        QTest::addRow("hex") << QByteArray(FixtureTraceId) << QByteArray("00f067aa0ba90201");
        QTest::addRow("hex_upper") << QByteArray(FixtureTraceId).toUpper() << QByteArray("00F067AA0BA90201");
        QTest::addRow("base64") << QByteArray("S/kvNXezTaajzpKdDg5HNg==") << QByteArray("APBnqgupAgE=");
        QTest::addRow("base64_unpadded") << QByteArray("S/kvNXezTaajzpKdDg5HNg") << QByteArray("APBnqgupAgE");
        QTest::addRow("base64url") << QByteArray("S_kvNXezTaajzpKdDg5HNg==") << QByteArray("APBnqgupAgE=");
    }

    void idsBase64OrHex()
    {
        QFETCH(QByteArray, traceId);
        QFETCH(QByteArray, spanId);
        const Trace trace = parsedOrFail(parseTraceJson(traceJson({ spanJson(traceId, spanId, "") })));
        QCOMPARE(trace.spanCount(), 1);
        QCOMPARE(trace.traceIds[0].toHex(), QLatin1String(FixtureTraceId));
        QCOMPARE(spanIdToHex(trace.spanIds[0]), QStringLiteral("00f067aa0ba90201"));
    }

    void jsonVariants()
    {
        // Old Tempo: instrumentationLibrarySpans; snake_case names; numbers as numbers; short enum names.
        const QByteArray json = R"({"batches":[{"resource":{},"instrumentation_library_spans":[
            {"instrumentationLibrary":{"name":"lib","version":"2"},"spans":[
              {"trace_id":"4bf92f3577b34da6a3ce929d0e0e4736","span_id":"00f067aa0ba90201","name":"a",
               "kind":"SERVER","start_time_unix_nano":1000,"end_time_unix_nano":"3000",
               "status":{"code":"error"},
               "attributes":[{"key":"list","value":{"arrayValue":{"values":[{"stringValue":"x"},{"intValue":"7"},{"boolValue":false}]}}},
                             {"key":"map","value":{"kvlistValue":{"values":[{"key":"k","value":{"doubleValue":1.5}}]}}},
                             {"key":"raw","value":{"bytesValue":"AAEC"}},
                             {"key":"nothing","value":{}}],
               "links":[{"traceId":"S/kvNXezTaajzpKdDg5HNg==","spanId":"APBnqgupAgE=","attributes":[{"key":"l","value":{"intValue":1}}]}]}]}]}]})";
        const Trace trace = parsedOrFail(parseTraceJson(json));
        QCOMPARE(trace.spanCount(), 1);
        QCOMPARE(trace.kinds[0], SpanKind::Server);
        QCOMPARE(trace.statusCodes[0], StatusCode::Error);
        QCOMPARE(trace.durationNs(0), 2000);
        QCOMPARE(trace.string(trace.scopes[0].name), QStringLiteral("lib"));
        QCOMPARE(trace.string(trace.scopes[0].version), QStringLiteral("2"));
        const auto attributes = trace.spanAttributes(0);
        QCOMPARE(attributes.size(), std::size_t(4));
        QCOMPARE(attributes[0].type, ValueType::Array);
        QCOMPARE(trace.valueText(attributes[0]), QStringLiteral(R"(["x",7,false])"));
        QCOMPARE(attributes[1].type, ValueType::KeyValueList);
        QCOMPARE(trace.valueText(attributes[1]), QStringLiteral(R"({"k":1.5})"));
        QCOMPARE(attributes[2].type, ValueType::Bytes);
        QCOMPARE(trace.view(attributes[2].stringId()), std::string_view("\x00\x01\x02", 3));
        QCOMPARE(trace.valueText(attributes[2]), QStringLiteral("AAEC"));
        QCOMPARE(attributes[3].type, ValueType::Empty);
        const auto links = trace.spanLinks(0);
        QCOMPARE(links.size(), std::size_t(1));
        QCOMPARE(links[0].traceId.toHex(), QLatin1String(FixtureTraceId));
        QCOMPARE(links[0].spanId, 0x00f067aa0ba90201ULL);
        QCOMPARE(trace.attributesIn(links[0].attributes).size(), std::size_t(1));

        // Arrays and lists survive the writers.
        QCOMPARE(canonical(parsedOrFail(parseTraceProtobuf(traceToProtobuf(trace)))), canonical(trace));
        QCOMPARE(canonical(parsedOrFail(parseTraceJson(traceToOtlpJson(trace)))), canonical(trace));

        // Tempo's v2 answer wraps the trace; a partial one says so.
        const TraceParseResult wrapped
            = parseTraceJson(R"({"trace":{"resourceSpans":[]},"status":"PARTIAL","message":"trace exceeds max size"})");
        QVERIFY(wrapped.ok());
        QCOMPARE(wrapped.warnings.size(), 1);
        QVERIFY(wrapped.warnings.first().contains(u"trace exceeds max size"));
        QVERIFY(parseTraceJson("{}").ok());
    }

    void orphansAndCycles()
    {
        const char* id = FixtureTraceId;
        const Trace trace = parsedOrFail(parseTraceJson(traceJson({
            spanJson(id, "0000000000000001", ""), // root
            spanJson(id, "0000000000000002", "0000000000000001"),
            spanJson(id, "0000000000000003", "00000000000000ff"), // parent never arrived
            spanJson(id, "0000000000000004", "0000000000000003"), // under the orphan
            spanJson(id, "0000000000000005", "0000000000000006"), // 5 and 6: each other's parent
            spanJson(id, "0000000000000006", "0000000000000005"),
            spanJson(id, "0000000000000007", "0000000000000007"), // its own parent
        })));
        QCOMPARE(trace.spanCount(), 7);
        QVERIFY(trace.isRoot(0));
        QCOMPARE(trace.parents[1], 0);
        QVERIFY(trace.isOrphan(2));
        QCOMPARE(spanIdToHex(trace.parentSpanIds[2]), QStringLiteral("00000000000000ff"));
        QCOMPARE(trace.parents[3], 2);
        QVERIFY(!trace.isOrphan(3));
        // Exactly one link of the cycle is cut.
        QVERIFY((trace.parents[4] == 5) != (trace.parents[5] == 4));
        QVERIFY(trace.isOrphan(4) || trace.isOrphan(5));
        QVERIFY(trace.isOrphan(6));
        const std::vector<std::int32_t> top = trace.topLevelSpans();
        QCOMPARE(top.front(), 0);
        QCOMPARE(top.size(), std::size_t(4));
        QCOMPARE(trace.indexOf(0x42), -1);
    }

    void malformedJson_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("where");
        QTest::addColumn<QString>("message");
        const QByteArray good = traceJson({ spanJson(FixtureTraceId, "00f067aa0ba90201", "") });
        QTest::addRow("truncated") << good.left(good.size() / 2) << QStringLiteral("byte")
                                   << QStringLiteral("not JSON");
        QTest::addRow("not_an_object") << QByteArray("[1,2]") << QString() << QStringLiteral("expected an object");
        QTest::addRow("not_a_trace") << QByteArray(R"({"data":[]})") << QString()
                                     << QStringLiteral("neither \"batches\" nor \"resourceSpans\"");
        QTest::addRow("short_span_id") << traceJson({ spanJson(FixtureTraceId, "00f067aa0ba902", "") })
                                       << QStringLiteral("resourceSpans[0].scopeSpans[0].spans[0].spanId")
                                       << QStringLiteral("a span id of");
        QTest::addRow("span_id_not_base64") << traceJson({ spanJson(FixtureTraceId, "zz!", "") })
                                            << QStringLiteral("resourceSpans[0].scopeSpans[0].spans[0].spanId")
                                            << QStringLiteral("neither hex nor base64");
        QTest::addRow("trace_id_12_bytes") << traceJson({ spanJson("AAAAAAAAAAAAAAAz", "00f067aa0ba90201", "") })
                                           << QStringLiteral("resourceSpans[0].scopeSpans[0].spans[0].traceId")
                                           << QStringLiteral("a trace id of 12 bytes");
        QTest::addRow("no_span_id") << traceJson({ R"({"traceId":"4bf92f3577b34da6a3ce929d0e0e4736"})" })
                                    << QStringLiteral("resourceSpans[0].scopeSpans[0].spans[0]")
                                    << QStringLiteral("no spanId");
        QTest::addRow("bad_kind") << traceJson(
            { spanJson(FixtureTraceId, "00f067aa0ba90201", "", R"(,"kind":"SPAN_KIND_SIDEWAYS")") })
                                  << QStringLiteral("resourceSpans[0].scopeSpans[0].spans[0].kind")
                                  << QStringLiteral("unknown value");
        QTest::addRow("bad_time") << traceJson(
            { spanJson(FixtureTraceId, "00f067aa0ba90201", "", R"(,"startTimeUnixNano":"12x")") })
                                  << QStringLiteral("resourceSpans[0].scopeSpans[0].spans[0].startTimeUnixNano")
                                  << QStringLiteral("is not an integer");
        QTest::addRow("time_too_large") << traceJson(
            { spanJson(FixtureTraceId, "00f067aa0ba90201", "", R"(,"endTimeUnixNano":"99999999999999999999")") })
                                        << QStringLiteral("resourceSpans[0].scopeSpans[0].spans[0].endTimeUnixNano")
                                        << QStringLiteral("too large");
        QTest::addRow("bad_attribute") << traceJson({ spanJson(
            FixtureTraceId, "00f067aa0ba90201", "", R"(,"attributes":[{"key":"a","value":{"intValue":"x"}}])") })
                                       << QStringLiteral(
                                              "resourceSpans[0].scopeSpans[0].spans[0].attributes[0].value.intValue")
                                       << QStringLiteral("is not an integer");
        QTest::addRow("spans_not_array") << QByteArray(R"({"batches":[{"scopeSpans":[{"spans":{}}]}]})")
                                         << QStringLiteral("batches[0].scopeSpans[0].spans")
                                         << QStringLiteral("expected an array");
        QByteArray deep = R"({"stringValue":"x"})";
        for (int i = 0; i < 100; ++i)
            deep = R"({"arrayValue":{"values":[)" + deep + "]}}";
        QTest::addRow("nested_too_deep") << traceJson(
            { spanJson(FixtureTraceId, "00f067aa0ba90201", "", R"(,"attributes":[{"key":"a","value":)" + deep + "}]") })
                                         << QStringLiteral(
                                                "resourceSpans[0].scopeSpans[0].spans[0].attributes[0].value")
                                         << QStringLiteral("nested deeper");
    }

    void malformedJson()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, where);
        QFETCH(QString, message);
        const TraceParseResult result = parseTraceJson(json);
        QVERIFY(!result.ok());
        QCOMPARE(result.error->kind, TraceParseError::Kind::Malformed);
        QVERIFY2(result.error->where.startsWith(where), qPrintable(result.error->text()));
        QVERIFY2(result.error->message.contains(message), qPrintable(result.error->text()));
    }

    void malformedProtobuf()
    {
        const QByteArray good = readData(QStringLiteral("tempo/tempo-trace-protobuf.pb"));
        QCOMPARE(good.size(), 3629);
        // Every cut inside the data is found and located; none crashes.
        int cutsRefused = 0;
        for (qsizetype cut = 1; cut < good.size(); cut += 7) {
            const TraceParseResult result = parseTraceProtobuf(good.left(cut));
            if (result.ok())
                continue; // a cut between two top-level batches is a valid, shorter trace
            ++cutsRefused;
            QCOMPARE(result.error->kind, TraceParseError::Kind::Malformed);
            QVERIFY2(result.error->message.startsWith(u"at byte "), qPrintable(result.error->text()));
        }
        QVERIFY(cutsRefused > 500);

        const TraceParseResult cut = parseTraceProtobuf(good.left(3000));
        QVERIFY(!cut.ok());
        QVERIFY2(cut.error->where.startsWith(u"batches[2]"), qPrintable(cut.error->text()));
        QVERIFY2(cut.error->message.contains(u"only"), qPrintable(cut.error->text()));

        const TraceParseResult garbage
            = parseTraceProtobuf(QByteArray("\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff", 11));
        QVERIFY(!garbage.ok());
        QCOMPARE(garbage.error->kind, TraceParseError::Kind::Malformed);

        // A span id of 7 bytes: well-formed protobuf, not a trace we can use.
        tempopb::Trace message;
        QVERIFY(message.ParseFromArray(good.constData(), int(good.size())));
        message.mutable_batches(1)->mutable_scope_spans(0)->mutable_spans(2)->set_span_id("1234567");
        const TraceParseResult shortId = parseTraceProtobuf(QByteArray::fromStdString(message.SerializeAsString()));
        QVERIFY(!shortId.ok());
        QCOMPARE(shortId.error->where, QStringLiteral("batches[1].scope_spans[0].spans[2].span_id"));
        QCOMPARE(shortId.error->message, QStringLiteral("a span id of 7 bytes, expected 8"));
    }

    void files()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const Trace original
            = parsedOrFail(parseTraceProtobuf(readData(QStringLiteral("tempo/tempo-trace-protobuf.pb"))));
        // Content decides, not the name.
        const QString pbNamedJson = dir.filePath(QStringLiteral("trace.json"));
        QFile f(pbNamedJson);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(traceToProtobuf(original));
        f.close();
        QCOMPARE(canonical(parsedOrFail(readTraceFile(pbNamedJson))), canonical(original));
        QCOMPARE(canonical(parsedOrFail(readTraceFile(dataPath(QStringLiteral("tempo/tempo-trace-json.json"))))),
            canonical(original));
        QCOMPARE(sniffTraceFormat("\xEF\xBB\xBF  \n{"), TraceFormat::Json);
        QCOMPARE(sniffTraceFormat(readData(QStringLiteral("tempo/tempo-trace-protobuf.pb"))), TraceFormat::Protobuf);

        const TraceParseResult missing = readTraceFile(dir.filePath(QStringLiteral("absent.pb")));
        QCOMPARE(missing.error->kind, TraceParseError::Kind::Unreadable);
        QVERIFY(missing.error->where.endsWith(u"absent.pb"));

        const QString empty = dir.filePath(QStringLiteral("empty.pb"));
        QFile e(empty);
        QVERIFY(e.open(QIODevice::WriteOnly));
        e.close();
        QCOMPARE(readTraceFile(empty).error->kind, TraceParseError::Kind::Malformed);

        const QString broken = dir.filePath(QStringLiteral("broken.json"));
        QFile b(broken);
        QVERIFY(b.open(QIODevice::WriteOnly));
        b.write(R"({"batches":[{"scopeSpans":[{"spans":[{"spanId":"nope"}]}]}]})");
        b.close();
        const TraceParseResult bad = readTraceFile(broken);
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error->where, broken + QStringLiteral(", batches[0].scopeSpans[0].spans[0].spanId"));
    }

    void largeTraceMemory()
    {
        constexpr int Spans = 100000;
        const QByteArray data = generatedTrace(Spans);
        QElapsedTimer timer;
        timer.start();
        const Trace trace = parsedOrFail(parseTraceProtobuf(data));
        const qint64 ms = timer.elapsed();
        QCOMPARE(trace.spanCount(), Spans);
        QCOMPARE(trace.serviceCount(), 20);
        QCOMPARE(trace.errorCount(), (Spans + 96) / 97);
        QCOMPARE(trace.topLevelSpans().size(), std::size_t(1));
        const qsizetype last = trace.indexOf(SpanId(Spans));
        QCOMPARE(trace.spanIds[trace.parents[last]], SpanId((Spans - 2) / 10 + 1));
        const double perSpan = double(trace.memoryBytes()) / Spans;
        qInfo("100,000 spans (%lld bytes of protobuf): parsed in %lld ms, %.0f bytes per span", qlonglong(data.size()),
            ms, perSpan);
        QVERIFY2(perSpan < 1024, qPrintable(QString::number(perSpan)));
    }
};

QTEST_GUILESS_MAIN(TestTraceParser)
#include "tst_traceparser.moc"
