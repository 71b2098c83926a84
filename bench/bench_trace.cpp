// Trace loading against DESIGN.md's targets (issue 5): parse + lay out 10k / 100k / 1M-span protobuf traces
// from the deterministic generator, and the analyses the waterfall runs on open. See bench/README.md.
#include "analysis/criticalpath.h"
#include "analysis/tracestatistics.h"
#include "analysis/tracetree.h"
#include "model/traceparser.h"
#include "tracegenerator.h"

#include <benchmark/benchmark.h>

#include <map>

using namespace firebreak;

namespace {

/// Generated once per size: the generator is not what is measured.
const QByteArray& traceBytes(std::int64_t spans)
{
    static std::map<std::int64_t, QByteArray> cache;
    auto it = cache.find(spans);
    if (it == cache.end()) {
        tools::TraceShape shape;
        shape.spans = spans;
        it = cache.emplace(spans, tools::generateTraceProtobuf(shape)).first;
    }
    return it->second;
}

Trace parsed(std::int64_t spans)
{
    TraceParseResult result = parseTraceProtobuf(traceBytes(spans));
    if (!result.ok())
        std::abort();
    return std::move(*result.trace);
}

std::size_t treeBytes(const analysis::TraceTree& tree)
{
    return tree.childOffsets.capacity() * 4 + tree.children.capacity() * 4 + tree.roots.capacity() * 4
        + tree.depth.capacity() * 4 + tree.skewNs.capacity() * 8 + tree.preorder.capacity() * 4;
}

void BM_ParseAndLayout(benchmark::State& state)
{
    const QByteArray& bytes = traceBytes(state.range(0));
    std::size_t heldBytes = 0;
    for (auto _ : state) {
        TraceParseResult result = parseTraceProtobuf(bytes);
        const analysis::TraceTree tree = analysis::TraceTree::build(*result.trace);
        benchmark::DoNotOptimize(tree.preorder.data());
        heldBytes = result.trace->memoryBytes() + treeBytes(tree);
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
    state.SetBytesProcessed(state.iterations() * bytes.size());
    state.counters["held_bytes_per_span"] = static_cast<double>(heldBytes) / static_cast<double>(state.range(0));
    state.counters["wire_bytes_per_span"] = static_cast<double>(bytes.size()) / static_cast<double>(state.range(0));
}
BENCHMARK(BM_ParseAndLayout)->Arg(10000)->Arg(100000)->Arg(1000000)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_Parse(benchmark::State& state)
{
    const QByteArray& bytes = traceBytes(state.range(0));
    for (auto _ : state) {
        TraceParseResult result = parseTraceProtobuf(bytes);
        benchmark::DoNotOptimize(result.trace->spanIds.data());
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_Parse)->Arg(100000)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_Layout(benchmark::State& state)
{
    const Trace trace = parsed(state.range(0));
    for (auto _ : state) {
        const analysis::TraceTree tree = analysis::TraceTree::build(trace);
        benchmark::DoNotOptimize(tree.preorder.data());
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_Layout)->Arg(100000)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_CriticalPath(benchmark::State& state)
{
    const Trace trace = parsed(state.range(0));
    const analysis::TraceTree tree = analysis::TraceTree::build(trace);
    for (auto _ : state) {
        const analysis::CriticalPath path = analysis::CriticalPath::compute(trace, tree);
        benchmark::DoNotOptimize(path.spans.data());
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_CriticalPath)->Arg(100000)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_Statistics(benchmark::State& state)
{
    const Trace trace = parsed(state.range(0));
    const analysis::TraceTree tree = analysis::TraceTree::build(trace);
    for (auto _ : state) {
        const analysis::TraceStatistics stats = analysis::TraceStatistics::compute(trace, tree);
        benchmark::DoNotOptimize(stats.operations.data());
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_Statistics)->Arg(100000)->Unit(benchmark::kMillisecond)->UseRealTime();

} // namespace

BENCHMARK_MAIN();
