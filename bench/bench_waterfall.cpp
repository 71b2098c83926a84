// The waterfall's interactive costs on a 100,000-span generated trace (issue 5, DESIGN.md "every frame < 16 ms"):
// painting one viewport offscreen, collapsing and expanding a ~10,000-span subtree, find over every span.
#include "analysis/tracedocument.h"
#include "analysis/waterfallrows.h"
#include "tracegenerator.h"
#include "traces/waterfallview.h"

#include <QApplication>

#include <benchmark/benchmark.h>

#include <cstdlib>

using namespace firebreak;

namespace {

analysis::TraceDocumentPtr document100k()
{
    static const analysis::TraceDocumentPtr document = [] {
        tools::TraceShape shape;
        shape.spans = 100000;
        analysis::TraceDocumentResult result
            = analysis::loadTraceDocument(tools::generateTraceProtobuf(shape), QStringLiteral("bench"));
        if (!result.ok())
            std::abort();
        return result.document;
    }();
    return document;
}

/// The span whose subtree is closest to `size` spans.
qsizetype subtreeOfAbout(const analysis::TraceDocument& document, std::int32_t size)
{
    const Trace& trace = document.trace;
    std::vector<std::int32_t> sizes(static_cast<std::size_t>(trace.spanCount()), 1);
    for (auto it = document.tree.preorder.rbegin(); it != document.tree.preorder.rend(); ++it) {
        if (trace.parents[*it] >= 0)
            sizes[trace.parents[*it]] += sizes[*it];
    }
    qsizetype best = 0;
    for (qsizetype span = 0; span < trace.spanCount(); ++span) {
        if (std::abs(sizes[span] - size) < std::abs(sizes[best] - size))
            best = span;
    }
    return best;
}

void BM_PaintViewport(benchmark::State& state)
{
    analysis::WaterfallRows rows(document100k());
    ui::WaterfallView view;
    view.resize(1600, 900);
    view.setRows(&rows);
    view.scrollToRow(rows.rowCount() / 2); // the middle of the trace: deep rows, many bars
    for (auto _ : state) {
        const QImage image = view.renderToImage();
        benchmark::DoNotOptimize(image.constBits());
    }
    state.counters["rows_shown"] = static_cast<double>(view.visibleRowCount());
}
BENCHMARK(BM_PaintViewport)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_CollapseExpandSubtree(benchmark::State& state)
{
    analysis::WaterfallRows rows(document100k());
    const qsizetype span = subtreeOfAbout(*rows.document(), 10000);
    for (auto _ : state) {
        rows.setCollapsed(span, true);
        rows.setCollapsed(span, false);
        benchmark::DoNotOptimize(rows.rows().data());
    }
    state.counters["subtree"] = static_cast<double>(rows.rowCount());
}
BENCHMARK(BM_CollapseExpandSubtree)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_Find(benchmark::State& state)
{
    analysis::WaterfallRows rows(document100k());
    const QString query
        = state.range(0) == 0 ? QStringLiteral("reserve_price") : QStringLiteral("http.status_code=500");
    qsizetype matches = 0;
    for (auto _ : state)
        matches = rows.find(query);
    state.counters["matches"] = static_cast<double>(matches);
    state.SetLabel(query.toStdString());
}
BENCHMARK(BM_Find)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->UseRealTime();

} // namespace
