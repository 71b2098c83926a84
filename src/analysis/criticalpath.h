#pragma once

#include "tracetree.h"

#include <cstdint>
#include <vector>

namespace firebreak::analysis {

/// A stretch of time during which the trace's end-to-end latency waited on `span` itself.
struct CriticalPathSection
{
    std::int32_t span = -1;
    std::int64_t startNs = 0;
    std::int64_t endNs = 0;
};

/// The chain of spans that determined when the trace ended, with Jaeger's semantics: children are first clipped
/// to their parent (those wholly outside it are left out with their subtrees), then, from the end of the top
/// span that finishes last, walk back: descend into the last-finishing child; where no child finished before the
/// point reached, the span's own time back to its start is on the path and the walk returns to the parent.
struct CriticalPath
{
    std::vector<CriticalPathSection> sections; // in time order
    std::vector<std::int32_t> spans; // each span once, in the order it first appears on the path
    std::vector<std::int64_t> timeOnPathNs; // parallel to `spans`: the span's self time on the path
    std::vector<bool> onPath; // per span of the trace

    static CriticalPath compute(const Trace& trace, const TraceTree& tree);
    bool contains(qsizetype span) const
    {
        return span >= 0 && span < static_cast<qsizetype>(onPath.size()) && onPath[span];
    }
};

} // namespace firebreak::analysis
