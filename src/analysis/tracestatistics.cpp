#include "tracestatistics.h"

#include <algorithm>
#include <map>

namespace firebreak::analysis {

std::vector<std::int64_t> selfTimes(const Trace& trace, const TraceTree& tree)
{
    const qsizetype n = trace.spanCount();
    std::vector<std::int64_t> self(static_cast<std::size_t>(n), 0);
    for (qsizetype span = 0; span < n; ++span) {
        const std::int64_t start = tree.startNs(trace, span);
        const std::int64_t end = tree.endNs(trace, span);
        // Children are sorted by start: one sweep merges their overlapping intervals.
        std::int64_t covered = 0;
        std::int64_t runStart = 0;
        std::int64_t runEnd = 0;
        bool inRun = false;
        for (const std::int32_t child : tree.childrenOf(span)) {
            const std::int64_t childStart = std::max(start, tree.startNs(trace, child));
            const std::int64_t childEnd = std::min(end, tree.endNs(trace, child));
            if (childEnd <= childStart)
                continue;
            if (inRun && childStart <= runEnd) {
                runEnd = std::max(runEnd, childEnd);
                continue;
            }
            if (inRun)
                covered += runEnd - runStart;
            runStart = childStart;
            runEnd = childEnd;
            inRun = true;
        }
        if (inRun)
            covered += runEnd - runStart;
        self[span] = std::max<std::int64_t>(0, end - start - covered);
    }
    return self;
}

namespace {

struct Accumulator
{
    std::vector<std::int64_t> durations;
    qsizetype errors = 0;
    std::int64_t selfNs = 0;
};

SpanGroupStatistics summarize(QString service, QString operation, Accumulator& group)
{
    SpanGroupStatistics stats;
    stats.service = std::move(service);
    stats.operation = std::move(operation);
    std::sort(group.durations.begin(), group.durations.end());
    stats.count = static_cast<qsizetype>(group.durations.size());
    stats.errors = group.errors;
    stats.selfNs = group.selfNs;
    for (const std::int64_t d : group.durations)
        stats.totalNs += d;
    if (stats.count > 0) {
        stats.minNs = group.durations.front();
        stats.maxNs = group.durations.back();
        // Nearest rank: the smallest value with at least 95 % of the values at or below it.
        const auto rank = static_cast<std::size_t>((95 * stats.count + 99) / 100);
        stats.p95Ns = group.durations[std::max<std::size_t>(rank, 1) - 1];
    }
    return stats;
}

} // namespace

TraceStatistics TraceStatistics::compute(const Trace& trace, const TraceTree& tree)
{
    TraceStatistics result;
    result.selfNs = selfTimes(trace, tree);
    std::map<StringPool::Id, Accumulator> services;
    std::map<std::pair<StringPool::Id, StringPool::Id>, Accumulator> operations;
    for (qsizetype span = 0; span < trace.spanCount(); ++span) {
        const std::int64_t duration = trace.durationNs(span);
        const bool error = trace.statusCodes[span] == StatusCode::Error;
        for (Accumulator* group :
            { &services[trace.services[span]], &operations[{ trace.services[span], trace.names[span] }] }) {
            group->durations.push_back(duration);
            group->errors += error ? 1 : 0;
            group->selfNs += result.selfNs[span];
        }
    }
    for (auto& [service, group] : services)
        result.services.push_back(summarize(trace.string(service), {}, group));
    for (auto& [key, group] : operations)
        result.operations.push_back(summarize(trace.string(key.first), trace.string(key.second), group));
    const auto byTotal = [](const SpanGroupStatistics& a, const SpanGroupStatistics& b) {
        if (a.totalNs != b.totalNs)
            return a.totalNs > b.totalNs;
        return std::tie(a.service, a.operation) < std::tie(b.service, b.operation);
    };
    std::sort(result.services.begin(), result.services.end(), byTotal);
    std::sort(result.operations.begin(), result.operations.end(), byTotal);
    return result;
}

} // namespace firebreak::analysis
