#include "tracetree.h"

#include <algorithm>
#include <map>

namespace firebreak::analysis {

std::int64_t clockSkewNs(
    std::int64_t parentStart, std::int64_t parentEnd, std::int64_t childStart, std::int64_t childEnd)
{
    const std::int64_t parentDuration = parentEnd - parentStart;
    const std::int64_t childDuration = childEnd - childStart;
    if (childDuration > parentDuration)
        return 0; // cannot fit: leave it as measured rather than invent a position
    if (childStart >= parentStart && childEnd <= parentEnd)
        return 0;
    const std::int64_t latency = (parentDuration - childDuration) / 2;
    return parentStart + latency - childStart;
}

TraceTree TraceTree::build(const Trace& trace)
{
    const auto n = static_cast<std::int32_t>(trace.spanCount());
    TraceTree tree;
    tree.childOffsets.assign(static_cast<std::size_t>(n) + 1, 0);
    tree.depth.assign(static_cast<std::size_t>(n), 0);
    tree.skewNs.assign(static_cast<std::size_t>(n), 0);

    // Children in CSR form: count per parent, prefix sums, fill.
    for (std::int32_t i = 0; i < n; ++i) {
        if (const std::int32_t parent = trace.parents[i]; parent >= 0)
            ++tree.childOffsets[parent + 1];
    }
    for (std::int32_t i = 0; i < n; ++i)
        tree.childOffsets[i + 1] += tree.childOffsets[i];
    tree.children.resize(static_cast<std::size_t>(tree.childOffsets[n]));
    {
        std::vector<std::int32_t> fill(tree.childOffsets.begin(), tree.childOffsets.end() - 1);
        for (std::int32_t i = 0; i < n; ++i) {
            if (const std::int32_t parent = trace.parents[i]; parent >= 0)
                tree.children[fill[parent]++] = i;
        }
    }

    std::map<SpanId, std::vector<std::int32_t>> orphansByParent;
    for (std::int32_t i = 0; i < n; ++i) {
        if (trace.isRoot(i))
            tree.roots.push_back(i);
        else if (trace.isOrphan(i))
            orphansByParent[trace.parentSpanIds[i]].push_back(i);
    }

    // Breadth-first from every top-level span: a parent's skew is final before its children are looked at.
    std::vector<std::int32_t> queue;
    queue.reserve(static_cast<std::size_t>(n));
    queue.insert(queue.end(), tree.roots.begin(), tree.roots.end());
    for (const auto& [parentId, orphans] : orphansByParent)
        queue.insert(queue.end(), orphans.begin(), orphans.end());
    for (std::size_t head = 0; head < queue.size(); ++head) {
        const std::int32_t parent = queue[head];
        const std::int64_t parentStart = tree.startNs(trace, parent);
        const std::int64_t parentEnd = tree.endNs(trace, parent);
        for (const std::int32_t child : tree.childrenOf(parent)) {
            tree.depth[child] = tree.depth[parent] + 1;
            tree.maxDepth = std::max(tree.maxDepth, tree.depth[child]);
            if (trace.resourceIndices[child] == trace.resourceIndices[parent]) {
                tree.skewNs[child] = tree.skewNs[parent]; // one process, one clock
            } else {
                tree.skewNs[child] = clockSkewNs(parentStart, parentEnd, trace.startNs[child], trace.endNs[child]);
            }
            queue.push_back(child);
        }
    }
    tree.adjustedSpans = std::count_if(tree.skewNs.begin(), tree.skewNs.end(), [](std::int64_t s) { return s != 0; });

    const auto byStart = [&](std::int32_t a, std::int32_t b) {
        const std::int64_t sa = tree.startNs(trace, a);
        const std::int64_t sb = tree.startNs(trace, b);
        return sa != sb ? sa < sb : a < b;
    };
    for (std::int32_t i = 0; i < n; ++i)
        std::sort(
            tree.children.begin() + tree.childOffsets[i], tree.children.begin() + tree.childOffsets[i + 1], byStart);
    std::sort(tree.roots.begin(), tree.roots.end(), byStart);
    for (auto& [parentId, orphans] : orphansByParent) {
        std::sort(orphans.begin(), orphans.end(), byStart);
        const std::int64_t start = tree.startNs(trace, orphans.front());
        tree.missingParents.push_back({ parentId, std::move(orphans), start });
    }
    std::sort(tree.missingParents.begin(), tree.missingParents.end(), [](const auto& a, const auto& b) {
        return a.startNs != b.startNs ? a.startNs < b.startNs : a.parentSpanId < b.parentSpanId;
    });

    // Pre-order with an explicit stack: a 100,000-deep chain must not overflow the call stack.
    tree.preorder.reserve(static_cast<std::size_t>(n));
    std::vector<std::int32_t> stack;
    const auto walk = [&](std::int32_t top) {
        stack.push_back(top);
        while (!stack.empty()) {
            const std::int32_t span = stack.back();
            stack.pop_back();
            tree.preorder.push_back(span);
            const auto kids = tree.childrenOf(span);
            stack.insert(stack.end(), kids.rbegin(), kids.rend());
        }
    };
    for (const std::int32_t root : tree.roots)
        walk(root);
    for (const MissingParent& missing : tree.missingParents) {
        for (const std::int32_t orphan : missing.orphans)
            walk(orphan);
    }
    return tree;
}

} // namespace firebreak::analysis
