// Tempo's JSON and text answers (search, tags, tag values, build info, version) and traces in OTLP or Tempo JSON.

#include "backends/tempo/tempoparser.h"
#include "fuzztrace.h"

#include <cstdint>

using namespace firebreak;
using namespace firebreak::tempo;

namespace {

template <typename T> void checkEnvelope(const Parsed<T>& parsed)
{
    FUZZ_CHECK(parsed.ok() != parsed.error.has_value());
    FUZZ_CHECK(!parsed.error || !parsed.error->isEmpty());
}

void checkTraceResult(const Parsed<TraceResult>& parsed)
{
    checkEnvelope(parsed);
    if (!parsed.ok())
        return;
    FUZZ_CHECK(parsed.value->trace != nullptr);
    fuzz::checkTrace(*parsed.value->trace);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArray body = QByteArray::fromRawData(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));

    const auto search = parseSearchResponse(body);
    checkEnvelope(search);
    checkEnvelope(parseTagNames(body));
    checkEnvelope(parseTagScopes(body));
    checkEnvelope(parseTagValuesV1(body));
    checkEnvelope(parseTagValuesV2(body));
    checkEnvelope(parseBuildInfo(body));
    checkEnvelope(parseVersionText(body));

    const auto json = parseTraceJson(body);
    fuzz::checkParseResult(json);
    if (json.ok())
        fuzz::checkTrace(*json.trace);
    checkTraceResult(parseTraceResponse(body, QByteArrayLiteral("application/json"), TraceEndpoint::V1));
    checkTraceResult(parseTraceResponse(body, QByteArrayLiteral("application/json"), TraceEndpoint::V2));

    (void)isTraceNotFound(404, body);
    (void)isTraceTooLarge(body);
    const QString id = normalizedTraceId(QString::fromUtf8(body));
    FUZZ_CHECK(id.isEmpty() || (id.size() == 32 && id == id.toLower()));
    return 0;
}
