// Every parser of Loki's HTTP API answers, on the same bytes, and what the client then does with a log batch.

#include "backends/loki/lokiparser.h"
#include "fuzzcheck.h"

#include <cstdint>

using namespace firebreak;
using namespace firebreak::loki;

namespace {

template <typename T> void checkEnvelope(const Parsed<T>& parsed)
{
    FUZZ_CHECK(parsed.ok() != parsed.error.has_value());
    FUZZ_CHECK(!parsed.error || !parsed.error->message.isEmpty());
}

void checkBatch(const LogBatch& batch)
{
    qsizetype textBytes = 0;
    for (const LogLine& line : batch.lines()) {
        FUZZ_CHECK(line.stream >= 0 && line.stream < batch.streamCount());
        FUZZ_CHECK(line.textOffset >= 0 && line.textLength >= 0);
        FUZZ_CHECK(line.textOffset + line.textLength <= batch.textBytes());
        textBytes += batch.text(line).size();
        (void)batch.extra(line);
        (void)batch.identity(line);
        (void)batch.streamKey(line.stream);
    }
    FUZZ_CHECK(textBytes <= batch.textBytes());
    // What the client does with every page: merge it and order it.
    LogBatch copy;
    for (qsizetype i = 0; i < batch.size(); ++i)
        copy.appendFrom(batch, i);
    FUZZ_CHECK(copy.size() == batch.size());
    copy.sortByTime(LogDirection::Forward);
    for (qsizetype i = 1; i < copy.size(); ++i)
        FUZZ_CHECK(copy.at(i - 1).timestampNs <= copy.at(i).timestampNs);
    copy.sortByTime(LogDirection::Backward);
    for (qsizetype i = 1; i < copy.size(); ++i)
        FUZZ_CHECK(copy.at(i - 1).timestampNs >= copy.at(i).timestampNs);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArray body = QByteArray::fromRawData(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));

    const auto query = parseQueryResponse(body);
    checkEnvelope(query);
    if (query.ok()) {
        checkBatch(query.value->logs);
        for (const Series& s : query.value->series)
            FUZZ_CHECK(s.timesMs.size() == s.values.size());
        FUZZ_CHECK(query.value->type == ResultType::Streams || query.value->logs.isEmpty());
        QueryStats total;
        total.add(query.value->stats);
        total.add(query.value->stats);
    }
    checkEnvelope(parseStringListResponse(body));
    checkEnvelope(parseSeriesResponse(body));
    const auto volume = parseVolumeResponse(body);
    checkEnvelope(volume);
    if (volume.ok())
        FUZZ_CHECK(volume.value->supported || volume.value->entries.empty());
    checkEnvelope(parseIndexStatsResponse(body));
    checkEnvelope(parseBuildInfoResponse(body));
    (void)parseNanoseconds(QByteArrayView(body));
    return 0;
}
