// The Logs workspace's list (issue 7): a batched insert of 100,000 lines into the model with a list view
// attached, live-tail sized appends into a bounded model, and the resident memory of the workspace holding
// 1,000,000 lines of about 200 bytes (target < 400 MB).
#include "analysis/logfilter.h"
#include "analysis/loglevel.h"
#include "analysis/traceidfinder.h"
#include "common/appcontext.h"
#include "logs/loglinedelegate.h"
#include "logs/loglistmodel.h"
#include "logs/logpipeline.h"
#include "logs/logsworkspace.h"
#include "logs/patternsview.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QListView>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <benchmark/benchmark.h>

#include <cstdlib>
#include <sys/resource.h>

using namespace firebreak;

namespace {

constexpr qint64 BaseNs = 1795620000000000000;

/// `lines` lines of about 200 bytes in 12 streams: logfmt and JSON, levels in labels or text, numbers, ids
/// and trace ids varying line to line.
LogBatch generateLines(qsizetype lines, quint32 seed = 7)
{
    QRandomGenerator random(seed);
    LogBatch batch;
    batch.reserve(lines, lines * 200);
    static const char* services[] = { "checkout", "payment", "frontend", "cart" };
    static const char* levels[] = { "info", "warn", "error" };
    std::vector<qint32> streams;
    for (const char* service : services) {
        for (const char* level : levels) {
            streams.push_back(batch.addStream({ { QStringLiteral("service"), QString::fromLatin1(service) },
                { QStringLiteral("level"), QString::fromLatin1(level) },
                { QStringLiteral("env"), QStringLiteral("prod") },
                { QStringLiteral("namespace"), QStringLiteral("shop") } }));
        }
    }
    QByteArray text;
    for (qsizetype i = 0; i < lines; ++i) {
        const quint32 r = random.generate();
        const qint32 stream = streams[r % streams.size()];
        const quint64 trace = random.generate64();
        text.clear();
        if (r % 3 == 0) {
            text = QByteArrayLiteral("{\"level\":\"info\",\"msg\":\"request served\",\"path\":\"/api/v1/cart/")
                + QByteArray::number(r % 100000) + QByteArrayLiteral("\",\"status\":200,\"duration_ms\":")
                + QByteArray::number(r % 997) + QByteArrayLiteral(",\"trace_id\":\"")
                + QByteArray::number(trace, 16).rightJustified(32, '0') + QByteArrayLiteral("\",\"user\":\"u-")
                + QByteArray::number(r % 5000) + QByteArrayLiteral("\",\"pod\":\"cart-7d9f8b6c5-")
                + QByteArray::number(r % 99999) + QByteArrayLiteral("\",\"region\":\"eu-west-1\"}");
        } else {
            text = QByteArrayLiteral("level=info msg=\"checkout step finished\" order_id=ord-")
                + QByteArray::number(r % 1000000) + QByteArrayLiteral(" trace_id=")
                + QByteArray::number(trace, 16).rightJustified(32, '0') + QByteArrayLiteral(" duration_ms=")
                + QByteArray::number(r % 3000) + QByteArrayLiteral(" cart_items=") + QByteArray::number(r % 17)
                + QByteArrayLiteral(" region=eu-west-1 host=web-") + QByteArray::number(r % 40)
                + QByteArrayLiteral(" user=u-") + QByteArray::number(r % 5000) + QByteArrayLiteral(" cache=miss");
        }
        batch.append(BaseNs + i * 1000 + (r % 1000), stream, text);
    }
    return batch;
}

std::shared_ptr<const LogBatch> lines100k()
{
    static const auto batch = std::make_shared<const LogBatch>(generateLines(100000));
    return batch;
}

std::shared_ptr<const ui::LogLevels> levels100k()
{
    static const auto levels = std::make_shared<const ui::LogLevels>(analysis::detectLevels(*lines100k()));
    return levels;
}

/// Runs the event loop until `done` (at most `timeoutMs`).
template <typename Predicate> void waitFor(Predicate done, qint64 timeoutMs = 60000)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeoutMs)
            std::abort();
        // Sleeps until an event (or 5 ms): spinning would eat the CPU the work under measurement needs.
        QEventLoop loop;
        QTimer::singleShot(5, &loop, &QEventLoop::quit);
        loop.exec();
    }
}

/// CPU seconds of the whole process (every thread) so far.
double processCpuSeconds()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

qint64 procStatusKiB(const char* key)
{
    QFile file(QStringLiteral("/proc/self/status"));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : file.readAll().split('\n')) {
        if (line.startsWith(key))
            return line.mid(static_cast<qsizetype>(qstrlen(key))).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

/// One append of 100,000 lines (one beginInsertRows) into an empty model shown by a list view with uniform
/// rows: what a query's answer or a big page costs on the GUI thread besides level detection.
void BM_ModelBatchedInsert100k(benchmark::State& state)
{
    ui::LogListModel model;
    QListView view;
    view.setUniformItemSizes(true);
    view.setModel(&model);
    view.resize(1200, 800);
    view.show();
    const auto batch = lines100k();
    const auto levels = levels100k();
    for (auto _ : state) {
        model.clear();
        model.appendLines(batch, levels);
        QCoreApplication::processEvents(); // the view's layout after the insert
        benchmark::DoNotOptimize(model.rowCount());
    }
    state.counters["rows"] = model.rowCount();
    state.SetItemsProcessed(state.iterations() * batch->size());
}
BENCHMARK(BM_ModelBatchedInsert100k)->Unit(benchmark::kMillisecond)->UseRealTime();

/// A query's answer of 100,000 lines through the worker pipeline until the list shows it: level detection on
/// the pool, then the model reset and the view's layout on the GUI thread.
void BM_PipelineLoad100k(benchmark::State& state)
{
    ui::LogListModel model;
    ui::LogPipeline pipeline(model);
    QListView view;
    view.setUniformItemSizes(true);
    view.setModel(&model);
    view.resize(1200, 800);
    view.show();
    for (auto _ : state) {
        state.PauseTiming();
        LogBatch copy = *lines100k();
        state.ResumeTiming();
        QSignalSpy loaded(&pipeline, &ui::LogPipeline::loaded);
        pipeline.load(std::move(copy));
        waitFor([&] { return loaded.count() > 0; });
        QCoreApplication::processEvents();
        benchmark::DoNotOptimize(model.rowCount());
    }
    state.counters["rows"] = model.rowCount();
}
BENCHMARK(BM_PipelineLoad100k)->Unit(benchmark::kMillisecond)->UseRealTime();

/// A substring filter of 100,000 loaded lines through the pipeline until the list shows the rows.
void BM_PipelineFilter100k(benchmark::State& state)
{
    ui::LogListModel model;
    ui::LogPipeline pipeline(model);
    model.setLines(lines100k(), levels100k());
    QListView view;
    view.setUniformItemSizes(true);
    view.setModel(&model);
    view.resize(1200, 800);
    view.show();
    int i = 0;
    for (auto _ : state) {
        ui::LogView filter;
        filter.filter.text = (i++ % 2) ? QStringLiteral("checkout") : QStringLiteral("cart");
        QSignalSpy applied(&pipeline, &ui::LogPipeline::viewApplied);
        pipeline.setView(filter);
        waitFor([&] { return applied.count() > 0; });
        QCoreApplication::processEvents();
        benchmark::DoNotOptimize(model.rowCount());
    }
    state.counters["rows"] = model.rowCount();
}
BENCHMARK(BM_PipelineFilter100k)->Unit(benchmark::kMillisecond)->UseRealTime();

/// 100,000 lines arriving as 100 live-tail polls of 1,000 into a model bounded at 50,000 lines: one insert and
/// (past the bound) one removal per poll.
void BM_ModelTailAppendBounded(benchmark::State& state)
{
    const auto full = lines100k();
    std::vector<std::shared_ptr<const LogBatch>> polls;
    std::vector<std::shared_ptr<const ui::LogLevels>> pollLevels;
    for (qsizetype from = 0; from < full->size(); from += 1000) {
        auto poll = std::make_shared<LogBatch>();
        std::vector<qint32> streams;
        for (qsizetype i = from; i < from + 1000; ++i)
            poll->appendFrom(*full, i, &streams);
        pollLevels.push_back(std::make_shared<const ui::LogLevels>(analysis::detectLevels(*poll)));
        polls.push_back(std::move(poll));
    }
    ui::LogListModel model;
    QListView view;
    view.setUniformItemSizes(true);
    view.setModel(&model);
    view.resize(1200, 800);
    view.show();
    for (auto _ : state) {
        model.clear();
        model.setMaxLines(50000);
        for (std::size_t i = 0; i < polls.size(); ++i)
            model.appendLines(polls[i], pollLevels[i]);
        QCoreApplication::processEvents();
        benchmark::DoNotOptimize(model.rowCount());
    }
    state.counters["rows"] = model.rowCount();
    state.counters["dropped"] = static_cast<double>(model.droppedLines());
    state.counters["segments"] = static_cast<double>(model.segmentCount());
}
BENCHMARK(BM_ModelTailAppendBounded)->Unit(benchmark::kMillisecond)->UseRealTime();

/// One 1600×900 viewport of a 100,000-line list painted offscreen: level bars and tints, times, the text with
/// a filter's matches highlighted and trace ids as links (what every scroll step repaints).
void BM_PaintViewport(benchmark::State& state)
{
    ui::LogListModel model;
    model.setLines(lines100k(), levels100k());
    ui::LogLineDelegate delegate;
    delegate.setTraceIdFinder(std::make_shared<const analysis::TraceIdFinder>());
    analysis::LogFilterSpec spec;
    spec.text = QStringLiteral("checkout");
    delegate.setHighlights({ std::make_shared<const analysis::LineMatcher>(spec) });
    QListView view;
    view.setUniformItemSizes(true);
    view.setModel(&model);
    view.setItemDelegate(&delegate);
    view.resize(1600, 900);
    view.show();
    view.scrollTo(model.index(model.rowCount() / 2), QAbstractItemView::PositionAtTop);
    QCoreApplication::processEvents();
    QImage image(view.viewport()->size(), QImage::Format_ARGB32_Premultiplied);
    for (auto _ : state) {
        view.viewport()->render(&image);
        benchmark::DoNotOptimize(image.constBits());
    }
    state.counters["rows_shown"] = view.viewport()->height() / delegate.lineHeight();
}
BENCHMARK(BM_PaintViewport)->Unit(benchmark::kMillisecond)->UseRealTime();

/// The workspace holding 1,000,000 lines of ~200 bytes (levels detected, list shown): resident memory.
void BM_WorkspaceHolds1M(benchmark::State& state)
{
    for (auto _ : state) {
        QTemporaryDir dir;
        const qint64 before = procStatusKiB("VmRSS:");
        auto context = std::make_unique<AppContext>(
            dir.filePath(QStringLiteral("settings.ini")), dir.filePath(QStringLiteral("secrets.json")));
        auto workspace = std::make_unique<ui::LogsWorkspace>(*context);
        workspace->resize(1400, 900);
        workspace->show();
        QElapsedTimer timer;
        timer.start();
        LogBatch lines = generateLines(1'000'000, 11);
        state.counters["avg_line_bytes"] = static_cast<double>(lines.textBytes()) / static_cast<double>(lines.size());
        QSignalSpy finished(workspace.get(), &ui::LogsWorkspace::queryFinished);
        workspace->showLines(std::move(lines));
        waitFor([&] { return finished.count() > 0 && !workspace->isBusy(); });
        // The patterns of the lines are mined on a worker after they are shown: their memory counts too.
        auto* patterns = workspace->findChild<ui::PatternsView*>();
        waitFor([&] { return patterns && !patterns->isMining() && patterns->patternOfLine(); });
        const double loadMs = static_cast<double>(timer.nsecsElapsed()) / 1e6;
        QCoreApplication::processEvents();
        benchmark::DoNotOptimize(workspace->grab().size());
        const qint64 after = procStatusKiB("VmRSS:");
        state.counters["rows"] = workspace->model()->rowCount();
        state.counters["load_ms"] = loadMs;
        state.counters["rss_MiB"] = static_cast<double>(after) / 1024.0;
        state.counters["rss_growth_MiB"] = static_cast<double>(after - before) / 1024.0;
        state.counters["peak_MiB"] = static_cast<double>(procStatusKiB("VmHWM:")) / 1024.0;
        workspace.reset();
        context.reset();
    }
}
BENCHMARK(BM_WorkspaceHolds1M)->Iterations(1)->Unit(benchmark::kMillisecond)->UseRealTime();

/// The same 1,000,000 lines asked from a Loki (fake-loki serving `bench_logmodel --write-loki-push FILE`):
/// the workspace pages through Loki's 5,000-line limit, then detects levels, mines patterns and shows the list.
/// Skipped unless FIREBREAK_BENCH_LOKI_URL names that Loki.
void BM_WorkspaceQueries1M(benchmark::State& state)
{
    const QString url = qEnvironmentVariable("FIREBREAK_BENCH_LOKI_URL");
    if (url.isEmpty()) {
        state.SkipWithError("FIREBREAK_BENCH_LOKI_URL is not set");
        return;
    }
    for (auto _ : state) {
        QTemporaryDir dir;
        const qint64 before = procStatusKiB("VmRSS:");
        auto context = std::make_unique<AppContext>(
            dir.filePath(QStringLiteral("settings.ini")), dir.filePath(QStringLiteral("secrets.json")));
        net::ConnectionProfile profile;
        profile.id = QStringLiteral("bench-loki");
        profile.name = QStringLiteral("bench-loki");
        profile.kind = net::BackendKind::Loki;
        profile.baseUrl = QUrl(url);
        profile.timeout = std::chrono::milliseconds(60000);
        if (!context->saveProfiles({ profile }))
            std::abort();
        auto workspace = std::make_unique<ui::LogsWorkspace>(*context);
        workspace->resize(1400, 900);
        workspace->show();
        workspace->findChild<QSpinBox*>(QStringLiteral("logsLimit"))->setValue(1'000'000);
        QElapsedTimer timer;
        timer.start();
        const double cpuBefore = processCpuSeconds();
        QSignalSpy finished(workspace.get(), &ui::LogsWorkspace::queryFinished);
        workspace->runQuery(
            QStringLiteral(R"({namespace="shop"})"), { BaseNs / 1'000'000 - 1000, BaseNs / 1'000'000 + 2000 });
        waitFor([&] { return finished.count() > 0 && !workspace->isBusy(); }, 600000);
        const double loadMs = static_cast<double>(timer.nsecsElapsed()) / 1e6;
        if (workspace->model()->rowCount() == 0) {
            state.SkipWithError(
                ("no lines: " + workspace->errorText().toStdString() + " / " + workspace->statsText().toStdString())
                    .c_str());
            return;
        }
        auto* patterns = workspace->findChild<ui::PatternsView*>();
        waitFor([&] { return patterns && !patterns->isMining() && patterns->patternOfLine(); });
        QCoreApplication::processEvents();
        benchmark::DoNotOptimize(workspace->grab().size());
        const qint64 after = procStatusKiB("VmRSS:");
        state.counters["rows"] = workspace->model()->rowCount();
        state.counters["query_and_show_ms"] = loadMs;
        // This process's share of the work (transfer, parsing, merging pages, levels, patterns, painting): the
        // rest of the wall time is the server's.
        state.counters["process_cpu_s"] = processCpuSeconds() - cpuBefore;
        state.counters["rss_MiB"] = static_cast<double>(after) / 1024.0;
        state.counters["rss_growth_MiB"] = static_cast<double>(after - before) / 1024.0;
        state.counters["peak_MiB"] = static_cast<double>(procStatusKiB("VmHWM:")) / 1024.0;
        state.SetLabel(workspace->statsText().toStdString());
        workspace.reset();
        context.reset();
    }
}
BENCHMARK(BM_WorkspaceQueries1M)->Iterations(1)->Unit(benchmark::kMillisecond)->UseRealTime();

/// Loki push JSON of generateLines(1,000,000, 11): what fake-loki serves to BM_WorkspaceQueries1M.
bool writeLokiPush(const QString& path)
{
    const LogBatch lines = generateLines(1'000'000, 11);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    std::vector<std::vector<qsizetype>> byStream(static_cast<std::size_t>(lines.streamCount()));
    for (qsizetype i = 0; i < lines.size(); ++i)
        byStream[static_cast<std::size_t>(lines.at(i).stream)].push_back(i);
    QJsonArray streams;
    for (qint32 stream = 0; stream < lines.streamCount(); ++stream) {
        QJsonObject labels;
        const LogLabels& streamLabels = lines.streamLabels(stream);
        for (auto it = streamLabels.cbegin(); it != streamLabels.cend(); ++it)
            labels.insert(it.key(), it.value());
        QJsonArray values;
        for (const qsizetype i : byStream[static_cast<std::size_t>(stream)])
            values.append(QJsonArray { QString::number(lines.at(i).timestampNs), lines.textString(lines.at(i)) });
        streams.append(QJsonObject { { QStringLiteral("stream"), labels }, { QStringLiteral("values"), values } });
    }
    file.write(QJsonDocument(QJsonObject { { QStringLiteral("streams"), streams } }).toJson(QJsonDocument::Compact));
    return file.error() == QFileDevice::NoError;
}

} // namespace

int main(int argc, char** argv)
{
    if (argc == 3 && qstrcmp(argv[1], "--write-loki-push") == 0) {
        QCoreApplication app(argc, argv);
        return writeLokiPush(QString::fromLocal8Bit(argv[2])) ? 0 : 1;
    }
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
