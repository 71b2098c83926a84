// Metrics chart preparation (issue 6): M4 decimation of long series to a 2,000-pixel-wide chart. The target is one
// frame (< 16 ms) for a million points, including building the QPointF runs the chart hands to QXYSeries::replace.
// See bench/README.md.
#include "analysis/decimation.h"

#include <benchmark/benchmark.h>

#include <cmath>
#include <map>
#include <random>

using namespace firebreak;

namespace {

constexpr int Columns = 2000;
constexpr qint64 StartMs = 1'700'000'000'000;
constexpr qint64 StepMs = 1000;

/// A random walk sampled every second, with a NaN (staleness) and a scrape gap every ~100k samples, built once per
/// size: the generator is not what is measured.
const Series& walk(std::int64_t samples)
{
    static std::map<std::int64_t, Series> cache;
    auto it = cache.find(samples);
    if (it != cache.end())
        return it->second;
    Series s;
    s.timesMs.reserve(size_t(samples));
    s.values.reserve(size_t(samples));
    std::mt19937_64 random(42);
    std::normal_distribution<double> noise(0, 1);
    double v = 100;
    qint64 t = StartMs;
    for (std::int64_t i = 0; i < samples; ++i) {
        t += (i % 100'003 == 100'002) ? 60 * StepMs : StepMs;
        v += noise(random);
        s.timesMs.push_back(t);
        s.values.push_back(i % 99'991 == 99'990 ? std::nan("") : v);
    }
    return cache.emplace(samples, std::move(s)).first->second;
}

void BM_DecimateM4(benchmark::State& state)
{
    const Series& s = walk(state.range(0));
    qint64 points = 0;
    for (auto _ : state) {
        analysis::DecimationStats stats;
        const auto runs = analysis::decimateM4(s, s.timesMs.front(), s.timesMs.back(), Columns, 2 * StepMs, &stats);
        benchmark::DoNotOptimize(runs.constData());
        points = stats.outputPoints;
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
    state.counters["output_points"] = double(points);
}
BENCHMARK(BM_DecimateM4)->Arg(1'000'000)->Arg(10'000'000)->Unit(benchmark::kMillisecond)->UseRealTime();

/// A typical busy chart: 20 series of 50,000 samples (a million points in all), each decimated on its own.
void BM_DecimateM4Chart(benchmark::State& state)
{
    const Series& s = walk(50'000);
    for (auto _ : state) {
        for (int series = 0; series < 20; ++series) {
            const auto runs = analysis::decimateM4(s, s.timesMs.front(), s.timesMs.back(), Columns, 2 * StepMs);
            benchmark::DoNotOptimize(runs.constData());
        }
    }
    state.SetItemsProcessed(state.iterations() * 20 * 50'000);
}
BENCHMARK(BM_DecimateM4Chart)->Unit(benchmark::kMillisecond)->UseRealTime();

/// Zoomed into the middle tenth of 10M samples: the range is found by binary search, not a scan.
void BM_DecimateM4Zoomed(benchmark::State& state)
{
    const Series& s = walk(10'000'000);
    const qint64 span = s.timesMs.back() - s.timesMs.front();
    const qint64 from = s.timesMs.front() + span * 45 / 100;
    for (auto _ : state) {
        const auto runs = analysis::decimateM4(s, from, from + span / 10, Columns, 2 * StepMs);
        benchmark::DoNotOptimize(runs.constData());
    }
    state.SetItemsProcessed(state.iterations() * 1'000'000);
}
BENCHMARK(BM_DecimateM4Zoomed)->Unit(benchmark::kMillisecond)->UseRealTime();

} // namespace

BENCHMARK_MAIN();
