#pragma once

#include "tracetree.h"

#include <QString>

#include <cstdint>
#include <vector>

namespace firebreak::analysis {

/// Durations of one group of spans (a service, or one operation of a service). Self time is a span's
/// duration minus the time covered by its children (clipped to the span): the time spent in the span itself.
struct SpanGroupStatistics
{
    QString service;
    QString operation; // empty for a whole service
    qsizetype count = 0;
    qsizetype errors = 0;
    std::int64_t totalNs = 0;
    std::int64_t selfNs = 0;
    std::int64_t minNs = 0;
    std::int64_t maxNs = 0;
    std::int64_t p95Ns = 0; // nearest rank
    std::int64_t averageNs() const { return count ? totalNs / count : 0; }
};

/// Jaeger's "Trace Statistics": per service and per (service, operation), each list sorted by total time.
struct TraceStatistics
{
    std::vector<SpanGroupStatistics> services;
    std::vector<SpanGroupStatistics> operations;
    std::vector<std::int64_t> selfNs; // per span

    static TraceStatistics compute(const Trace& trace, const TraceTree& tree);
};

/// Each span's self time (display times: skew-adjusted, children clipped to the span).
std::vector<std::int64_t> selfTimes(const Trace& trace, const TraceTree& tree);

} // namespace firebreak::analysis
