// The metrics chart's update (issue 6): a new result reaches MetricsChartView, is decimated (M4, on a worker) for the
// plot's width and replaces the points of the chart's line series; with "AndPaint", the chart is then drawn into an
// image, as the screen would be. Offscreen, so painting is Qt's raster engine on one core.
#include "metrics/metricschartview.h"
#include "model/timerangecontroller.h"

#include <QApplication>
#include <QEventLoop>
#include <QRandomGenerator>

#include <benchmark/benchmark.h>

#include <array>

using namespace firebreak;

namespace {

constexpr qint64 EndMs = 1795514400000;
constexpr qint64 StepMs = 15000;

/// `series` random walks of `points` samples each at a 15 s step (the most one range query returns: 11,000).
ui::ChartResultPtr walks(int series, qint64 points, quint32 seed)
{
    auto result = std::make_shared<ui::ChartResult>();
    QRandomGenerator random(seed);
    const qint64 startMs = EndMs - (points - 1) * StepMs;
    for (int s = 0; s < series; ++s) {
        ui::ChartSeries shown;
        shown.queryRef = QStringLiteral("A");
        shown.labels.insert(QStringLiteral("instance"), QStringLiteral("host-%1").arg(s));
        shown.name = shown.labels.value(QStringLiteral("instance"));
        shown.color = ui::seriesColor(s);
        shown.data.timesMs.reserve(static_cast<std::size_t>(points));
        shown.data.values.reserve(static_cast<std::size_t>(points));
        double v = 100 + s * 10;
        for (qint64 i = 0; i < points; ++i) {
            v += random.generateDouble() - 0.5;
            shown.data.timesMs.push_back(startMs + i * StepMs);
            shown.data.values.push_back(v);
        }
        result->series.push_back(std::move(shown));
    }
    result->range = { startMs, EndMs };
    result->stepMs = StepMs;
    return result;
}

bool showsColor(const QImage& image, const QColor& color)
{
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); x += 3) {
            const QColor c = image.pixelColor(x, y);
            if (std::abs(c.red() - color.red()) + std::abs(c.green() - color.green())
                    + std::abs(c.blue() - color.blue())
                < 12)
                return true;
        }
    }
    return false;
}

/// Shows `result` and waits until its decimated points are in the chart.
void update(ui::MetricsChartView& view, const ui::ChartResultPtr& result)
{
    QEventLoop loop;
    QObject::connect(&view, &ui::MetricsChartView::plotUpdated, &loop, &QEventLoop::quit);
    view.setResult(result, analysis::ValueUnit::None);
    loop.exec();
}

enum class Measure
{
    Update, // decimate (worker) + replace the chart's points; the widget does not repaint meanwhile
    Paint, // draw the chart holding the decimated data into an image
    UpdateAndPaint,
};

void run(benchmark::State& state, int series, qint64 points, int width, Measure measure)
{
    TimeRangeController range;
    const std::array<ui::ChartResultPtr, 2> results { walks(series, points, 1), walks(series, points, 2) };
    range.setAbsolute(results[0]->range);
    ui::MetricsChartView view(range);
    view.resize(width, 700);
    view.show();
    update(view, results[1]); // the first layout and the pooled line series exist before timing
    // No repaints from the event loop: every frame is the one renderImage() draws, so nothing is painted twice.
    view.setUpdatesEnabled(measure == Measure::Paint);
    std::size_t next = 0;
    for (auto _ : state) {
        if (measure != Measure::Paint) {
            update(view, results[next]);
            next = 1 - next;
        }
        if (measure == Measure::Paint) {
            const QImage image = view.renderImage();
            benchmark::DoNotOptimize(image.constBits());
        } else if (measure == Measure::UpdateAndPaint) {
            // A frame as the screen gets it: the whole window into its backing store, once.
            view.setUpdatesEnabled(true);
            view.repaint();
            view.setUpdatesEnabled(false);
        }
    }
    view.setUpdatesEnabled(true);
    qint64 plotted = 0;
    for (int s = 0; s < view.seriesCount(); ++s)
        plotted += view.plottedPoints(s).size();
    if (measure != Measure::Update && !showsColor(view.renderImage(), ui::seriesColor(0)))
        state.SkipWithError("the chart drew no line"); // guards the measurement (painting was not skipped)
    state.counters["plot_px"] = view.plotWidth();
    state.counters["points_in"] = static_cast<double>(series) * static_cast<double>(points);
    state.counters["points_plotted"] = static_cast<double>(plotted);
}

void BM_ChartUpdate50x11k(benchmark::State& state)
{
    run(state, 50, 11000, 1600, Measure::Update);
}
BENCHMARK(BM_ChartUpdate50x11k)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_ChartPaint50x11k(benchmark::State& state)
{
    run(state, 50, 11000, 1600, Measure::Paint);
}
BENCHMARK(BM_ChartPaint50x11k)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_ChartUpdateAndPaint50x11k(benchmark::State& state)
{
    run(state, 50, 11000, 1600, Measure::UpdateAndPaint);
}
BENCHMARK(BM_ChartUpdateAndPaint50x11k)->Unit(benchmark::kMillisecond)->UseRealTime();

// DESIGN.md: "decimate a 1,000,000-point series to 2,000 px and redraw the chart < 16 ms".
void BM_ChartUpdate1M(benchmark::State& state)
{
    run(state, 1, 1000000, 2080, Measure::Update);
}
BENCHMARK(BM_ChartUpdate1M)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_ChartPaint1M(benchmark::State& state)
{
    run(state, 1, 1000000, 2080, Measure::Paint);
}
BENCHMARK(BM_ChartPaint1M)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_ChartUpdateAndPaint1M(benchmark::State& state)
{
    run(state, 1, 1000000, 2080, Measure::UpdateAndPaint);
}
BENCHMARK(BM_ChartUpdateAndPaint1M)->Unit(benchmark::kMillisecond)->UseRealTime();

} // namespace
