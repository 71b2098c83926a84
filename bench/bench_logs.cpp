// Log analysis against DESIGN.md's targets (issue 7): filtering 1,000,000 lines by substring (< 100 ms) and
// by regex (< 500 ms), level detection, dedup and pattern mining over the same lines, and the memory of a
// LogBatch holding them (< 400 MB resident). See bench/README.md.
//
// Every benchmark takes the number of threads it may use: 1 is the calling thread alone (DESIGN.md measures
// on one core), 2 adds a helper from the global pool (this machine has 2 cores).
#include "analysis/logdedup.h"
#include "analysis/logfilter.h"
#include "analysis/loglevel.h"
#include "analysis/logpatterns.h"
#include "model/logbatch.h"

#include <QFile>
#include <QThreadPool>

#include <benchmark/benchmark.h>

#include <random>

using namespace firebreak;
using namespace firebreak::analysis;

namespace {

constexpr qsizetype Lines = 1000000;
constexpr qint64 StartNs = 1795620000000000000;

QByteArray hex(std::mt19937_64& rng, int digits)
{
    static const char Digits[] = "0123456789abcdef";
    QByteArray out(digits, '0');
    for (int i = 0; i < digits; ++i)
        out[i] = Digits[rng() % 16];
    return out;
}

QByteArray num(std::uint64_t n)
{
    return QByteArray::number(static_cast<qulonglong>(n));
}

/// A deterministic mix of what a Kubernetes cluster's Loki holds: nginx access lines (30 %), Go logfmt (30 %),
/// a Java service's JSON (20 %), glog from controllers (10 %), k8s events and Python errors (10 %). About
/// 200 bytes a line; "timeout" in ~4 % of lines, HTTP 5xx in ~5 %.
QByteArray makeLine(std::mt19937_64& rng, qint64 ns)
{
    static const char* const Paths[]
        = { "/api/cart", "/api/checkout", "/api/catalog/items", "/api/users/me", "/healthz", "/api/orders" };
    static const char* const Agents[] = { "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/120.0",
        "okhttp/4.12.0", "curl/8.4.0", "kube-probe/1.28" };
    static const char* const Services[] = { "cart", "checkout", "payments", "catalog", "users" };
    const std::uint64_t r = rng() % 100;
    const std::uint64_t status = rng() % 100 < 5 ? 500 + rng() % 4 : (rng() % 10 ? 200 : 404);
    const QByteArray second = num(static_cast<std::uint64_t>(ns / 1000000000 % 60)).rightJustified(2, '0');
    const QByteArray millis = num(static_cast<std::uint64_t>(ns / 1000000 % 1000)).rightJustified(3, '0');
    const QByteArray time = "2026-11-25T10:03:" + second + '.' + millis + 'Z';
    if (r < 30) {
        return "10.42." + num(rng() % 256) + '.' + num(rng() % 256) + " - - [25/Nov/2026:10:03:" + second + " +0000] \""
            + (rng() % 4 ? "GET " : "POST ") + Paths[rng() % 6] + '/' + num(rng() % 100000) + " HTTP/1.1\" "
            + num(status) + ' ' + num(rng() % 20000) + " \"-\" \"" + Agents[rng() % 4] + "\" " + num(rng() % 900)
            + "ms upstream=10.42." + num(rng() % 256) + '.' + num(rng() % 256) + ":8080";
    }
    if (r < 60) {
        const bool slow = rng() % 100 < 8;
        return "ts=" + time + " caller=" + Services[rng() % 5] + "/handler.go:" + num(40 + rng() % 200)
            + (slow ? QByteArray(" level=warn msg=\"upstream timeout, retrying\" attempt=" + num(1 + rng() % 3))
                    : QByteArray(" level=info msg=\"request served\" method=GET status=" + num(status)))
            + " duration=" + num(rng() % 2000) + "ms trace_id=" + hex(rng, 32) + " user_id=" + num(rng() % 1000000)
            + " pod=" + Services[rng() % 5] + '-' + hex(rng, 10);
    }
    if (r < 80) {
        const bool error = rng() % 100 < 15;
        return "{\"@timestamp\":\"" + time + "\",\"level\":\"" + (error ? "ERROR" : "INFO")
            + "\",\"logger_name\":\"com.shop.payments.GatewayClient\",\"message\":\""
            + (error ? "Charge failed: gateway timeout for order " : "Charge accepted for order ")
            + num(1000000 + rng() % 9000000) + "\",\"thread_name\":\"http-nio-8080-exec-" + num(rng() % 64)
            + "\",\"traceId\":\"" + hex(rng, 32) + "\",\"spanId\":\"" + hex(rng, 16) + "\"}";
    }
    if (r < 90) {
        return "I1125 10:03:" + second + '.' + millis + num(rng() % 1000).rightJustified(3, '0') + "       1 "
            + "reflector.go:" + num(200 + rng() % 200) + "] k8s.io/client-go/informers/factory.go:150: watch of "
            + "*v1.Pod ended with: an error on the server (\"unable to decode an event from the watch stream\")";
    }
    if (r < 95) {
        return "Warning  BackOff  pod/" + QByteArray(Services[rng() % 5]) + '-' + hex(rng, 10) + '-' + hex(rng, 5)
            + "  Back-off restarting failed container " + Services[rng() % 5]
            + " in pod default/checkout since 2026-11-25T10:03:" + second + 'Z';
    }
    return "Traceback (most recent call last): File \"/app/worker.py\", line " + num(rng() % 500)
        + ", in charge: requests.exceptions.ConnectionError: HTTPSConnectionPool(host='api.gateway.example', "
          "port=443): Max retries exceeded";
}

const LogBatch& batch()
{
    static const LogBatch lines = [] {
        LogBatch b;
        const qint32 stream = b.addStream({ { QStringLiteral("namespace"), QStringLiteral("shop") } });
        std::mt19937_64 rng(20261125);
        for (qsizetype i = 0; i < Lines; ++i) {
            const qint64 ns = StartNs + i * 600000; // 10 minutes over the million lines
            b.append(ns, stream, makeLine(rng, ns));
        }
        return b;
    }();
    return lines;
}

const std::vector<LogLevel>& levels()
{
    static const std::vector<LogLevel> detected = detectLevels(batch());
    return detected;
}

/// The pool's idle threads are what forEachChunk borrows: none makes the caller work alone.
void useThreads(const benchmark::State& state)
{
    QThreadPool::globalInstance()->setMaxThreadCount(static_cast<int>(state.range(0)) - 1);
}

void filterBenchmark(benchmark::State& state, const LogFilterSpec& spec)
{
    const LogBatch& lines = batch();
    const std::vector<LogLevel>& lineLevels = levels();
    useThreads(state);
    std::size_t matched = 0;
    for (auto _ : state) {
        const LogFilterResult result = filterLines(lines, lineLevels, spec);
        if (!result.error.isEmpty())
            state.SkipWithError(qPrintable(result.error));
        matched = result.rows.size();
        benchmark::DoNotOptimize(result.rows.data());
    }
    state.SetItemsProcessed(state.iterations() * lines.size());
    state.SetBytesProcessed(state.iterations() * lines.textBytes());
    state.counters["matched"] = static_cast<double>(matched);
}

void BM_FilterSubstring(benchmark::State& state)
{
    LogFilterSpec spec;
    spec.text = QStringLiteral("timeout");
    filterBenchmark(state, spec);
}

void BM_FilterSubstringCaseSensitive(benchmark::State& state)
{
    LogFilterSpec spec;
    spec.text = QStringLiteral("timeout");
    spec.caseSensitive = true;
    filterBenchmark(state, spec);
}

void BM_FilterSubstringAndLevel(benchmark::State& state)
{
    LogFilterSpec spec;
    spec.text = QStringLiteral("gateway");
    spec.levelMask = logLevelBit(LogLevel::Error) | logLevelBit(LogLevel::Fatal);
    filterBenchmark(state, spec);
}

void BM_FilterRegex(benchmark::State& state)
{
    LogFilterSpec spec;
    spec.text = QStringLiteral("status=5\\d\\d");
    spec.regex = true;
    spec.caseSensitive = true;
    filterBenchmark(state, spec);
}

void BM_FilterRegexCaseless(benchmark::State& state)
{
    LogFilterSpec spec;
    spec.text = QStringLiteral("(timeout|refused).*trace_?id");
    spec.regex = true;
    filterBenchmark(state, spec);
}

void BM_DetectLevels(benchmark::State& state)
{
    const LogBatch& lines = batch();
    useThreads(state);
    for (auto _ : state) {
        const std::vector<LogLevel> detected = detectLevels(lines);
        benchmark::DoNotOptimize(detected.data());
    }
    state.SetItemsProcessed(state.iterations() * lines.size());
}

void BM_DedupMasked(benchmark::State& state)
{
    const LogBatch& lines = batch();
    std::vector<qint32> rows(static_cast<std::size_t>(lines.size()));
    for (std::size_t i = 0; i < rows.size(); ++i)
        rows[i] = static_cast<qint32>(i);
    useThreads(state);
    std::size_t kept = 0;
    for (auto _ : state) {
        const DedupResult result = dedupLines(lines, rows, DedupMode::Masked);
        kept = result.rows.size();
        benchmark::DoNotOptimize(result.rows.data());
    }
    state.SetItemsProcessed(state.iterations() * lines.size());
    state.counters["kept"] = static_cast<double>(kept);
}

void BM_MinePatterns(benchmark::State& state)
{
    const LogBatch& lines = batch();
    useThreads(state);
    std::size_t patterns = 0;
    for (auto _ : state) {
        const PatternResult result = minePatterns(lines, StartNs, lines.at(lines.size() - 1).timestampNs, 40);
        patterns = result.patterns.size();
        benchmark::DoNotOptimize(result.patternOfLine.data());
    }
    state.SetItemsProcessed(state.iterations() * lines.size());
    state.counters["patterns"] = static_cast<double>(patterns);
}

/// Peak resident size of the process so far (VmHWM), in bytes.
qint64 peakResidentBytes()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong() * 1024;
    }
    return 0;
}

qint64 residentBytes()
{
    QFile status(QStringLiteral("/proc/self/statm"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> fields = status.readAll().split(' ');
    return fields.size() > 1 ? fields[1].toLongLong() * 4096 : 0;
}

/// 1,000,000 lines appended one by one (as the Loki parser does, without reserve): the growth of resident
/// memory while the batch is alive, and the peak while it grew. Runs first, before the shared batch exists
/// (run it alone, --benchmark_filter=BatchMemory, for the peak to mean this batch only).
void BM_BatchMemory(benchmark::State& state)
{
    double grown = 0;
    double peakGrown = 0;
    double textBytes = 0;
    for (auto _ : state) {
        const qint64 before = residentBytes();
        LogBatch b;
        const qint32 stream = b.addStream({ { QStringLiteral("namespace"), QStringLiteral("shop") } });
        std::mt19937_64 rng(20261125);
        for (qsizetype i = 0; i < Lines; ++i) {
            const qint64 ns = StartNs + i * 600000;
            b.append(ns, stream, makeLine(rng, ns));
        }
        grown = static_cast<double>(residentBytes() - before);
        peakGrown = static_cast<double>(peakResidentBytes() - before);
        textBytes = static_cast<double>(b.textBytes());
        benchmark::DoNotOptimize(b.lines().data());
    }
    state.counters["resident_MB"] = grown / 1e6;
    state.counters["peak_MB"] = peakGrown / 1e6; // the process's peak (while the arena grew) above the start
    state.counters["text_MB"] = textBytes / 1e6;
    state.counters["bytes_per_line"] = textBytes / Lines;
}

} // namespace

BENCHMARK(BM_BatchMemory)->Iterations(1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FilterSubstring)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_FilterSubstringCaseSensitive)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_FilterSubstringAndLevel)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_FilterRegex)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_FilterRegexCaseless)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_DetectLevels)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_DedupMasked)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_MinePatterns)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

BENCHMARK_MAIN();
