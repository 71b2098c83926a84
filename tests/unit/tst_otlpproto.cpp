#include "tempopb/tempo.grpc.pb.h"
#include "tempopb/tempo.pb.h"
#include "testutils.h"

#include <QHash>
#include <QSet>
#include <QTest>

#include <google/protobuf/message.h>
#include <google/protobuf/reflection.h>
#include <google/protobuf/unknown_field_set.h>

#include <memory>
#include <type_traits>

using namespace firebreak::test;

namespace otlp = opentelemetry::proto;

// The gRPC stub for Tempo's streaming search is generated and usable: Stub(channel).Search(ctx, req) streams
// SearchResponse messages.
static_assert(std::is_constructible_v<tempopb::StreamingQuerier::Stub, std::shared_ptr<grpc::ChannelInterface>>);
static_assert(std::is_same_v<decltype(std::declval<tempopb::StreamingQuerier::Stub&>().Search(
                                 std::declval<grpc::ClientContext*>(), std::declval<const tempopb::SearchRequest&>())),
    std::unique_ptr<grpc::ClientReader<tempopb::SearchResponse>>>);

namespace {

// Fields the server sent that our .proto subset does not declare, anywhere in the message tree.
int unknownFieldCount(const google::protobuf::Message& message)
{
    const google::protobuf::Reflection* reflection = message.GetReflection();
    int count = reflection->GetUnknownFields(message).field_count();
    std::vector<const google::protobuf::FieldDescriptor*> fields;
    reflection->ListFields(message, &fields);
    for (const auto* field : fields) {
        if (field->cpp_type() != google::protobuf::FieldDescriptor::CPPTYPE_MESSAGE)
            continue;
        if (field->is_repeated()) {
            for (int i = 0; i < reflection->FieldSize(message, field); ++i)
                count += unknownFieldCount(reflection->GetRepeatedMessage(message, field, i));
        } else {
            count += unknownFieldCount(reflection->GetMessage(message, field));
        }
    }
    return count;
}

QString serviceName(const otlp::resource::v1::Resource& resource)
{
    for (const auto& attribute : resource.attributes()) {
        if (attribute.key() == "service.name")
            return QString::fromStdString(attribute.value().string_value());
    }
    return {};
}

QByteArray hex(const std::string& bytes)
{
    return QByteArray::fromStdString(bytes).toHex();
}

template <typename Message> bool parseData(const QString& relative, Message& message)
{
    const QByteArray bytes = readData(relative);
    return !bytes.isEmpty() && message.ParseFromArray(bytes.constData(), static_cast<int>(bytes.size()));
}

} // namespace

class TestOtlpProto : public QObject
{
    Q_OBJECT

private:
    tempopb::Trace m_trace;

private Q_SLOTS:
    void initTestCase() { QVERIFY(parseData(QStringLiteral("tempo/tempo-trace-protobuf.pb"), m_trace)); }

    void traceTotals()
    {
        int spans = 0;
        int errors = 0;
        int roots = 0;
        QSet<QByteArray> traceIds;
        QSet<QByteArray> spanIds;
        for (const auto& batch : m_trace.batches()) {
            for (const auto& scope : batch.scope_spans()) {
                for (const auto& span : scope.spans()) {
                    ++spans;
                    errors += span.status().code() == otlp::trace::v1::Status::STATUS_CODE_ERROR ? 1 : 0;
                    roots += span.parent_span_id().empty() ? 1 : 0;
                    traceIds.insert(hex(span.trace_id()));
                    spanIds.insert(hex(span.span_id()));
                }
            }
        }
        QCOMPARE(m_trace.batches_size(), 3);
        QCOMPARE(spans, 20);
        QCOMPARE(errors, 7);
        QCOMPARE(roots, 1);
        QCOMPARE(traceIds, QSet<QByteArray> { "4bf92f3577b34da6a3ce929d0e0e4736" });
        QCOMPARE(spanIds.size(), 20);
        QCOMPARE(unknownFieldCount(m_trace), 0);
    }

    void services_data()
    {
        QTest::addColumn<QString>("service");
        QTest::addColumn<int>("spans");
        QTest::addColumn<int>("errors");

        QTest::newRow("frontend") << QStringLiteral("frontend") << 6 << 2;
        QTest::newRow("checkout") << QStringLiteral("checkout") << 8 << 2;
        QTest::newRow("payment") << QStringLiteral("payment") << 6 << 3;
    }

    void services()
    {
        QFETCH(QString, service);
        QFETCH(int, spans);
        QFETCH(int, errors);

        int found = 0;
        int foundErrors = 0;
        int batches = 0;
        for (const auto& batch : m_trace.batches()) {
            if (serviceName(batch.resource()) != service)
                continue;
            ++batches;
            for (const auto& scope : batch.scope_spans()) {
                QCOMPARE(QString::fromStdString(scope.scope().name()), QStringLiteral("demo-instrumentation"));
                for (const auto& span : scope.spans()) {
                    ++found;
                    foundErrors += span.status().code() == otlp::trace::v1::Status::STATUS_CODE_ERROR ? 1 : 0;
                }
            }
        }
        QCOMPARE(batches, 1);
        QCOMPARE(found, spans);
        QCOMPARE(foundErrors, errors);
    }

    void rootSpan()
    {
        const auto& root = m_trace.batches(0).scope_spans(0).spans(0);
        QCOMPARE(serviceName(m_trace.batches(0).resource()), QStringLiteral("frontend"));
        QCOMPARE(QString::fromStdString(root.name()), QStringLiteral("GET /checkout"));
        QCOMPARE(hex(root.span_id()), QByteArray("00f067aa0ba90201"));
        QVERIFY(root.parent_span_id().empty());
        QCOMPARE(root.kind(), otlp::trace::v1::Span::SPAN_KIND_SERVER);
        QCOMPARE(root.start_time_unix_nano(), uint64_t(1795621419742387522ULL));
        QCOMPARE(root.end_time_unix_nano() - root.start_time_unix_nano(), uint64_t(900000000ULL));
        QCOMPARE(root.status().code(), otlp::trace::v1::Status::STATUS_CODE_ERROR);
        QCOMPARE(QString::fromStdString(root.status().message()), QStringLiteral("upstream checkout failed"));
        bool statusCode = false;
        for (const auto& attribute : root.attributes()) {
            if (attribute.key() == "http.status_code") {
                QCOMPARE(attribute.value().int_value(), int64_t(502));
                statusCode = true;
            }
        }
        QVERIFY(statusCode);
    }

    void traceIsWireCompatibleWithTracesData()
    {
        // Tempo's Trace and OTLP's TracesData share field 1: the same bytes parse as either.
        const QByteArray bytes = readData(QStringLiteral("tempo/tempo-trace-protobuf.pb"));
        otlp::trace::v1::TracesData data;
        QVERIFY(data.ParseFromArray(bytes.constData(), static_cast<int>(bytes.size())));
        QCOMPARE(data.resource_spans_size(), 3);
        QCOMPARE(data.resource_spans(2).scope_spans(0).spans_size(), 6);
        QCOMPARE(unknownFieldCount(data), 0);
    }

    void searchRequest()
    {
        tempopb::SearchRequest request;
        QVERIFY(parseData(QStringLiteral("tempo/tempo-grpc-StreamingQuerier-Search-3200.request.pb"), request));
        QCOMPARE(QString::fromStdString(request.query()), QStringLiteral("{ status = error }"));
        QCOMPARE(request.limit(), 20u);
        QCOMPARE(request.spansperspanset(), 3u);
        QCOMPARE(request.start(), 1795620609u);
        QCOMPARE(request.end(), 1795621569u);
        QCOMPARE(request.tags_size(), 0);
        QCOMPARE(unknownFieldCount(request), 0);
    }

    void searchResponse()
    {
        tempopb::SearchResponse response;
        QVERIFY(parseData(QStringLiteral("tempo/tempo-grpc-StreamingQuerier-Search-3200.1.pb"), response));
        QCOMPARE(response.traces_size(), 1);
        const tempopb::TraceSearchMetadata& trace = response.traces(0);
        QCOMPARE(QString::fromStdString(trace.traceid()), QStringLiteral("4bf92f3577b34da6a3ce929d0e0e4736"));
        QCOMPARE(QString::fromStdString(trace.rootservicename()), QStringLiteral("frontend"));
        QCOMPARE(QString::fromStdString(trace.roottracename()), QStringLiteral("GET /checkout"));
        QCOMPARE(trace.starttimeunixnano(), uint64_t(1795621419742387522ULL));
        QCOMPARE(trace.durationms(), 900u);

        QCOMPARE(trace.spanset().spans_size(), 3);
        QCOMPARE(trace.spanset().matched(), 7u);
        QStringList spanIds;
        for (const auto& span : trace.spanset().spans())
            spanIds << QString::fromStdString(span.spanid());
        QCOMPARE(spanIds,
            QStringList({ QStringLiteral("00f067aa0ba90201"), QStringLiteral("00f067aa0ba90205"),
                QStringLiteral("00f067aa0ba90207") }));
        QCOMPARE(trace.spanset().spans(0).durationnanos(), uint64_t(900000000ULL));
        QCOMPARE(trace.spanset().spans(0).attributes(0).key(), std::string("status"));
        QCOMPARE(trace.spanset().spans(0).attributes(0).value().string_value(), std::string("error"));
        QCOMPARE(trace.spansets_size(), 1);

        QCOMPARE(response.metrics().inspectedbytes(), uint64_t(10183));
        QCOMPARE(response.metrics().completedjobs(), 1u);
        QCOMPARE(response.metrics().totaljobs(), 1u);
        QCOMPARE(unknownFieldCount(response), 0);
    }

    void grpcServiceName()
    {
        QCOMPARE(QString::fromLatin1(tempopb::StreamingQuerier::service_full_name()),
            QStringLiteral("tempopb.StreamingQuerier"));
    }
};

QTEST_GUILESS_MAIN(TestOtlpProto)

#include "tst_otlpproto.moc"
