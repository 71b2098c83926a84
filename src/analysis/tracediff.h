#pragma once

#include "tracetree.h"

#include <QString>

#include <cstdint>
#include <vector>

namespace firebreak::analysis {

/// One (service, operation) path from a top-level span down, in two traces A and B.
/// Spans are matched by their path, not by id: the ids of two requests never match.
struct TraceDiffRow
{
    enum class Presence
    {
        OnlyA,
        OnlyB,
        Both,
    };
    std::int32_t parent = -1; // row index; -1 at the top
    std::int32_t depth = 0;
    QString service;
    QString operation;
    qsizetype countA = 0;
    qsizetype countB = 0;
    std::int64_t totalA = 0; // summed durations of the spans on this path
    std::int64_t totalB = 0;

    Presence presence() const
    {
        return countA && countB ? Presence::Both : (countA ? Presence::OnlyA : Presence::OnlyB);
    }
    std::int64_t averageA() const { return countA ? totalA / countA : 0; }
    std::int64_t averageB() const { return countB ? totalB / countB : 0; }
    /// B's average minus A's, for paths in both.
    std::int64_t averageChangeNs() const { return presence() == Presence::Both ? averageB() - averageA() : 0; }
};

/// The structure diff (paths only in A, only in B) and the latency diff (paths in both) of two traces,
/// rows in tree order: each row is followed by its descendants, siblings in the order they first started.
struct TraceDiff
{
    std::vector<TraceDiffRow> rows;
    qsizetype onlyA = 0;
    qsizetype onlyB = 0;
    qsizetype both = 0;

    static TraceDiff compute(const Trace& a, const TraceTree& treeA, const Trace& b, const TraceTree& treeB);
};

} // namespace firebreak::analysis
