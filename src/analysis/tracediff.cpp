#include "tracediff.h"

#include <algorithm>
#include <map>
#include <tuple>

namespace firebreak::analysis {

namespace {

using RowKey = std::tuple<std::int32_t, QString, QString>; // parent row, service, operation

struct Merger
{
    std::vector<TraceDiffRow> rows;
    std::vector<std::int64_t> firstStart; // per row, for sibling order
    std::map<RowKey, std::int32_t> index;

    /// Adds every span of `trace` to the row of its path; `side` 0 is A, 1 is B.
    void add(const Trace& trace, const TraceTree& tree, int side)
    {
        std::vector<std::int32_t> rowOf(static_cast<std::size_t>(trace.spanCount()), -1);
        const std::int64_t origin = trace.startTimeNs(); // a scan of all spans: once, not per row
        for (const std::int32_t span : tree.preorder) {
            const std::int32_t parent = trace.parents[span];
            const std::int32_t parentRow = parent >= 0 ? rowOf[parent] : -1;
            RowKey key { parentRow, trace.string(trace.services[span]), trace.string(trace.names[span]) };
            auto [it, inserted] = index.try_emplace(std::move(key), static_cast<std::int32_t>(rows.size()));
            if (inserted) {
                TraceDiffRow row;
                row.parent = parentRow;
                row.depth = parentRow >= 0 ? rows[parentRow].depth + 1 : 0;
                row.service = std::get<1>(it->first);
                row.operation = std::get<2>(it->first);
                rows.push_back(std::move(row));
                firstStart.push_back(tree.startNs(trace, span) - origin);
            }
            TraceDiffRow& row = rows[it->second];
            (side == 0 ? row.countA : row.countB) += 1;
            (side == 0 ? row.totalA : row.totalB) += trace.durationNs(span);
            rowOf[span] = it->second;
        }
    }
};

} // namespace

TraceDiff TraceDiff::compute(const Trace& a, const TraceTree& treeA, const Trace& b, const TraceTree& treeB)
{
    Merger merger;
    merger.add(a, treeA, 0);
    merger.add(b, treeB, 1);

    // Tree order: children by their first start (relative to their trace's start), then by name.
    const auto count = static_cast<std::int32_t>(merger.rows.size());
    std::vector<std::vector<std::int32_t>> children(static_cast<std::size_t>(count));
    std::vector<std::int32_t> tops;
    for (std::int32_t row = 0; row < count; ++row)
        (merger.rows[row].parent >= 0 ? children[merger.rows[row].parent] : tops).push_back(row);
    const auto order = [&](std::int32_t x, std::int32_t y) {
        const TraceDiffRow& rx = merger.rows[x];
        const TraceDiffRow& ry = merger.rows[y];
        return std::tie(merger.firstStart[x], rx.service, rx.operation)
            < std::tie(merger.firstStart[y], ry.service, ry.operation);
    };
    std::sort(tops.begin(), tops.end(), order);
    for (auto& list : children)
        std::sort(list.begin(), list.end(), order);

    TraceDiff diff;
    std::vector<std::int32_t> newIndex(static_cast<std::size_t>(count), -1);
    std::vector<std::int32_t> stack(tops.rbegin(), tops.rend());
    while (!stack.empty()) {
        const std::int32_t row = stack.back();
        stack.pop_back();
        TraceDiffRow copy = merger.rows[row];
        copy.parent = copy.parent >= 0 ? newIndex[copy.parent] : -1;
        newIndex[row] = static_cast<std::int32_t>(diff.rows.size());
        switch (copy.presence()) {
        case TraceDiffRow::Presence::OnlyA:
            ++diff.onlyA;
            break;
        case TraceDiffRow::Presence::OnlyB:
            ++diff.onlyB;
            break;
        case TraceDiffRow::Presence::Both:
            ++diff.both;
            break;
        }
        diff.rows.push_back(std::move(copy));
        stack.insert(stack.end(), children[row].rbegin(), children[row].rend());
    }
    return diff;
}

} // namespace firebreak::analysis
