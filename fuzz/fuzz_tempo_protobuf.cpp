// Traces as OTLP TracesData / tempopb.Trace protobuf (also wrapped in a v2 TraceByIDResponse), and the messages
// of Tempo's streaming search (tempopb.SearchResponse).

#include "backends/tempo/tempoparser.h"
#include "fuzztrace.h"
#include "tempopb/tempo.pb.h"

#include <cstdint>

using namespace firebreak;
using namespace firebreak::tempo;

namespace {

void checkTraceResult(const Parsed<TraceResult>& parsed)
{
    FUZZ_CHECK(parsed.ok() != parsed.error.has_value());
    FUZZ_CHECK(!parsed.error || !parsed.error->isEmpty());
    if (!parsed.ok())
        return;
    FUZZ_CHECK(parsed.value->trace != nullptr);
    fuzz::checkTrace(*parsed.value->trace);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const auto* bytes = reinterpret_cast<const char*>(data);
    const auto length = static_cast<qsizetype>(size);

    const auto trace = parseTraceProtobuf(bytes, length);
    fuzz::checkParseResult(trace);
    if (trace.ok())
        fuzz::checkTrace(*trace.trace);

    const QByteArray body = QByteArray::fromRawData(bytes, length);
    checkTraceResult(parseTraceResponse(body, QByteArrayLiteral("application/protobuf"), TraceEndpoint::V1));
    checkTraceResult(parseTraceResponse(body, QByteArrayLiteral("application/protobuf"), TraceEndpoint::V2));

    tempopb::SearchResponse response;
    if (response.ParseFromArray(data, static_cast<int>(size)))
        (void)searchResultFromProto(response);
    return 0;
}
