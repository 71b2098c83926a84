#include "criticalpath.h"

#include <algorithm>
#include <unordered_map>

namespace firebreak::analysis {

CriticalPath CriticalPath::compute(const Trace& trace, const TraceTree& tree)
{
    const qsizetype n = trace.spanCount();
    CriticalPath path;
    path.onPath.assign(static_cast<std::size_t>(n), false);
    if (n == 0)
        return path;

    // Clip every span to its (clipped) parent; parents come first in pre-order.
    std::vector<std::int64_t> start(static_cast<std::size_t>(n));
    std::vector<std::int64_t> end(static_cast<std::size_t>(n));
    std::vector<bool> dropped(static_cast<std::size_t>(n), false);
    for (const std::int32_t span : tree.preorder) {
        start[span] = tree.startNs(trace, span);
        end[span] = tree.endNs(trace, span);
        const std::int32_t parent = trace.parents[span];
        if (parent < 0)
            continue;
        if (dropped[parent] || start[span] >= end[parent] || end[span] <= start[parent]) {
            dropped[span] = true;
            continue;
        }
        start[span] = std::max(start[span], start[parent]);
        end[span] = std::min(end[span], end[parent]);
    }

    // The top-level span that ends last decides the trace's end.
    std::int32_t top = -1;
    const auto consider = [&](std::int32_t span) {
        if (top < 0 || end[span] > end[top])
            top = span;
    };
    for (const std::int32_t root : tree.roots)
        consider(root);
    for (const MissingParent& missing : tree.missingParents) {
        for (const std::int32_t orphan : missing.orphans)
            consider(orphan);
    }

    // Children by end, latest first, made once per span the walk visits.
    std::unordered_map<std::int32_t, std::vector<std::int32_t>> byEnd;
    const auto childrenByEnd = [&](std::int32_t span) -> const std::vector<std::int32_t>& {
        auto [it, inserted] = byEnd.try_emplace(span);
        if (inserted) {
            for (const std::int32_t child : tree.childrenOf(span)) {
                if (!dropped[child])
                    it->second.push_back(child);
            }
            std::stable_sort(
                it->second.begin(), it->second.end(), [&](std::int32_t a, std::int32_t b) { return end[a] > end[b]; });
        }
        return it->second;
    };

    std::vector<CriticalPathSection> backwards;
    std::int32_t current = top;
    // After coming back from a child: that child's start, the point the walk has reached in the parent.
    bool returning = false;
    std::int64_t returningAt = 0;
    while (current >= 0) {
        const std::int64_t sectionEnd = returning ? returningAt : end[current];
        std::int32_t next = -1;
        for (const std::int32_t child : childrenByEnd(current)) {
            if (!returning || end[child] < returningAt) {
                next = child;
                break;
            }
        }
        if (next >= 0) {
            if (end[next] != sectionEnd)
                backwards.push_back({ current, end[next], sectionEnd });
            current = next;
            returning = false;
            continue;
        }
        backwards.push_back({ current, start[current], sectionEnd });
        if (current == top)
            break;
        returning = true;
        returningAt = start[current];
        current = trace.parents[current];
    }

    path.sections.assign(backwards.rbegin(), backwards.rend());
    std::unordered_map<std::int32_t, std::size_t> position;
    for (const CriticalPathSection& section : path.sections) {
        auto [it, inserted] = position.try_emplace(section.span, path.spans.size());
        if (inserted) {
            path.spans.push_back(section.span);
            path.timeOnPathNs.push_back(0);
            path.onPath[section.span] = true;
        }
        path.timeOnPathNs[it->second] += section.endNs - section.startNs;
    }
    return path;
}

} // namespace firebreak::analysis
