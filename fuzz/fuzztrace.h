#pragma once

// The promises of a parsed Trace (model/trace.h), checked on whatever the trace parsers made of a fuzz input:
// consistent struct-of-arrays, every index and string id in range, every accessor safe; and the trace must
// survive being written as OTLP protobuf and JSON and read back.

#include "fuzzcheck.h"
#include "model/trace.h"
#include "model/traceparser.h"
#include "model/tracewriter.h"

#include <algorithm>

namespace firebreak::fuzz {

inline void checkStringId(const Trace& trace, StringPool::Id id)
{
    FUZZ_CHECK(id < trace.strings.size());
}

inline void checkRange(const Trace& trace, IndexRange range)
{
    FUZZ_CHECK(range.begin <= range.end && range.end <= trace.attributes.size());
    for (const Attribute& a : trace.attributesIn(range)) {
        checkStringId(trace, a.key);
        if (a.hasStringId())
            checkStringId(trace, a.stringId());
        (void)trace.valueText(a);
    }
}

inline void checkTraceShape(const Trace& trace)
{
    const auto n = static_cast<std::size_t>(trace.spanCount());
    FUZZ_CHECK(trace.traceIds.size() == n && trace.parentSpanIds.size() == n && trace.parents.size() == n);
    FUZZ_CHECK(trace.startNs.size() == n && trace.endNs.size() == n && trace.services.size() == n);
    FUZZ_CHECK(trace.names.size() == n && trace.kinds.size() == n && trace.statusCodes.size() == n);
    FUZZ_CHECK(trace.statusMessages.size() == n && trace.traceStates.size() == n);
    FUZZ_CHECK(trace.resourceIndices.size() == n && trace.scopeIndices.size() == n);
    FUZZ_CHECK(trace.attributeRanges.size() == n && trace.spanIndex.size() == n);
    FUZZ_CHECK(trace.eventOffsets.size() == n + 1 || (n == 0 && trace.eventOffsets.size() <= 1));
    FUZZ_CHECK(trace.linkOffsets.size() == n + 1 || (n == 0 && trace.linkOffsets.size() <= 1));
    FUZZ_CHECK(std::is_sorted(trace.eventOffsets.begin(), trace.eventOffsets.end()));
    FUZZ_CHECK(std::is_sorted(trace.linkOffsets.begin(), trace.linkOffsets.end()));
    FUZZ_CHECK(trace.eventOffsets.empty() || trace.eventOffsets.back() <= trace.events.size());
    FUZZ_CHECK(trace.linkOffsets.empty() || trace.linkOffsets.back() <= trace.links.size());
    FUZZ_CHECK(std::is_sorted(trace.spanIndex.begin(), trace.spanIndex.end()));

    for (std::size_t i = 0; i < n; ++i) {
        const auto span = static_cast<qsizetype>(i);
        FUZZ_CHECK(trace.parents[i] >= -1 && trace.parents[i] < static_cast<std::int32_t>(n));
        FUZZ_CHECK(trace.parents[i] != static_cast<std::int32_t>(i));
        FUZZ_CHECK(trace.resourceIndices[i] < trace.resources.size());
        FUZZ_CHECK(trace.scopeIndices[i] < trace.scopes.size());
        checkStringId(trace, trace.services[i]);
        checkStringId(trace, trace.names[i]);
        checkStringId(trace, trace.statusMessages[i]);
        checkStringId(trace, trace.traceStates[i]);
        checkRange(trace, trace.attributeRanges[i]);
        for (const SpanEvent& e : trace.spanEvents(span)) {
            checkStringId(trace, e.name);
            checkRange(trace, e.attributes);
        }
        for (const SpanLink& l : trace.spanLinks(span)) {
            checkStringId(trace, l.traceState);
            checkRange(trace, l.attributes);
        }
        (void)trace.durationNs(span);
        (void)trace.isRoot(span);
        (void)trace.isOrphan(span);
        FUZZ_CHECK(trace.indexOf(trace.spanIds[i]) >= 0);
        (void)trace.findAttribute(trace.attributeRanges[i], "service.name");
    }
    for (const TraceResource& r : trace.resources) {
        checkStringId(trace, r.serviceName);
        checkRange(trace, r.attributes);
    }
    for (const TraceScope& s : trace.scopes) {
        checkStringId(trace, s.name);
        checkStringId(trace, s.version);
        checkRange(trace, s.attributes);
    }
    // Following parents from any span ends at a top-level span: no cycles.
    for (std::size_t i = 0; i < n; ++i) {
        std::int32_t at = static_cast<std::int32_t>(i);
        std::size_t steps = 0;
        while (trace.parents[static_cast<std::size_t>(at)] >= 0 && steps <= n) {
            at = trace.parents[static_cast<std::size_t>(at)];
            ++steps;
        }
        FUZZ_CHECK(steps <= n);
    }
    const auto top = trace.topLevelSpans();
    FUZZ_CHECK(top.size() <= n && (n == 0 || !top.empty()));
    (void)trace.traceId();
    (void)trace.durationNs();
    FUZZ_CHECK(trace.serviceCount() <= static_cast<qsizetype>(n) + 1);
    FUZZ_CHECK(trace.errorCount() <= static_cast<qsizetype>(n));
    (void)trace.memoryBytes();
}

inline void checkParseResult(const TraceParseResult& result)
{
    FUZZ_CHECK(result.ok() != result.error.has_value());
    FUZZ_CHECK(!result.error || !result.error->text().isEmpty());
}

/// Shape, then writing and reading back: both wire formats must give the same number of spans.
inline void checkTrace(const Trace& trace)
{
    checkTraceShape(trace);
    const auto fromProtobuf = parseTraceProtobuf(traceToProtobuf(trace));
    checkParseResult(fromProtobuf);
    FUZZ_CHECK(fromProtobuf.ok() && fromProtobuf.trace->spanCount() == trace.spanCount());
    const auto fromJson = parseTraceJson(traceToOtlpJson(trace));
    checkParseResult(fromJson);
    FUZZ_CHECK(fromJson.ok() && fromJson.trace->spanCount() == trace.spanCount());
}

} // namespace firebreak::fuzz
