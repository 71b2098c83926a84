#pragma once

#include "model/trace.h"

#include <cstdint>
#include <span>
#include <vector>

namespace firebreak::analysis {

/// Spans whose parent is not in the trace, grouped under the id they name; the waterfall shows one
/// marked placeholder row per missing parent.
struct MissingParent
{
    SpanId parentSpanId = 0;
    std::vector<std::int32_t> orphans; // sorted by start
    std::int64_t startNs = 0; // earliest start of its orphans (display time)
};

/// The waterfall's structure of a Trace: children of each span sorted by start time, depth, one pre-order of
/// all spans, and the clock-skew adjustment of each span. Built in O(n log n); the Trace itself is not changed.
///
/// Clock skew, as Jaeger's adjuster does it: a span from another process than its parent (another resource)
/// that starts before the parent or ends after it, while being shorter, is shifted to sit in the middle of the
/// parent (network latency assumed equal both ways); the shift carries over to its descendants of the same
/// process. The adjustment is kept per span so the details can show it.
struct TraceTree
{
    std::vector<std::int32_t> childOffsets; // span i's children are children[childOffsets[i] .. childOffsets[i+1])
    std::vector<std::int32_t> children;
    std::vector<std::int32_t> roots; // spans without a parent id, by start
    std::vector<MissingParent> missingParents; // by earliest orphan start
    std::vector<std::int32_t> depth; // roots and orphans are 0
    std::vector<std::int64_t> skewNs; // added to a span's start and end for display
    std::vector<std::int32_t> preorder; // roots' subtrees, then each missing parent's orphans' subtrees
    std::int32_t maxDepth = 0;
    qsizetype adjustedSpans = 0; // spans with a non-zero skew

    static TraceTree build(const Trace& trace);

    std::span<const std::int32_t> childrenOf(qsizetype span) const
    {
        return { children.data() + childOffsets[span],
            static_cast<std::size_t>(childOffsets[span + 1] - childOffsets[span]) };
    }
    std::int64_t startNs(const Trace& trace, qsizetype span) const { return trace.startNs[span] + skewNs[span]; }
    std::int64_t endNs(const Trace& trace, qsizetype span) const { return trace.endNs[span] + skewNs[span]; }
    qsizetype spanCount() const { return static_cast<qsizetype>(depth.size()); }
};

/// The skew of a child from another process than its parent, Jaeger's rule: zero when the child fits or is
/// longer than the parent, else the shift that centres it in the parent. Times are display times.
std::int64_t clockSkewNs(
    std::int64_t parentStart, std::int64_t parentEnd, std::int64_t childStart, std::int64_t childEnd);

} // namespace firebreak::analysis
