#include "logpipeline.h"

#include "loglistmodel.h"

#include <QElapsedTimer>
#include <QFuture>
#include <QtConcurrent/QtConcurrentRun>

#include <spdlog/spdlog.h>

namespace firebreak::ui {

using namespace firebreak::analysis;

namespace {

double elapsedMs(const QElapsedTimer& timer)
{
    return static_cast<double>(timer.nsecsElapsed()) / 1e6;
}

/// patternOfLine for the lines of `segment`: -1 for lines the patterns were not mined from.
std::vector<qint32> patternSlice(const LogSegment& segment, const LogView& view)
{
    const qsizetype lines = segment.batch->size();
    std::vector<qint32> slice(static_cast<std::size_t>(lines), -1);
    if (!view.patternOfLine)
        return slice;
    const auto& all = *view.patternOfLine;
    for (qsizetype i = 0; i < lines; ++i) {
        const qint64 at = segment.firstId + i - view.patternBaseId;
        if (at >= 0 && at < static_cast<qint64>(all.size()))
            slice[static_cast<std::size_t>(i)] = all[static_cast<std::size_t>(at)];
    }
    return slice;
}

struct ViewResult
{
    bool all = false;
    bool cancelled = false;
    QString error;
    std::vector<qint64> ids;
    std::vector<qint32> repeats;
    std::optional<LogSegment> compacted;
    double filterMs = 0;
    double dedupMs = 0;
};

ViewResult computeView(LogSnapshot snapshot, const LogView& view, const std::atomic_bool* cancel)
{
    ViewResult result;
    if (view.showsEverything()) {
        result.all = true;
        return result;
    }
    // Dedup compares lines of every segment: make them one (the model takes the merge as its compaction).
    if (view.dedup != DedupMode::None && snapshot.segments.size() > 1) {
        LogSegment merged = snapshot.merged();
        result.compacted = merged;
        snapshot.segments = { std::move(merged) };
    }
    for (std::size_t s = 0; s < snapshot.segments.size(); ++s) {
        const LogSegment& segment = snapshot.segments[s];
        const qsizetype held = snapshot.heldFrom(static_cast<qsizetype>(s));
        QElapsedTimer timer;
        timer.start();
        std::vector<qint32> patterns;
        if (view.filter.pattern >= 0)
            patterns = patternSlice(segment, view);
        LogFilterResult filtered = filterLines(
            *segment.batch, *segment.levels, view.filter, cancel, view.filter.pattern >= 0 ? &patterns : nullptr);
        result.filterMs += elapsedMs(timer);
        if (filtered.cancelled || (cancel && cancel->load())) {
            result.cancelled = true;
            return result;
        }
        if (!filtered.error.isEmpty()) {
            result.error = filtered.error;
            return result;
        }
        auto& rows = filtered.rows;
        rows.erase(rows.begin(), std::lower_bound(rows.begin(), rows.end(), static_cast<qint32>(held)));
        if (view.dedup != DedupMode::None) {
            timer.restart();
            DedupResult deduped = dedupLines(*segment.batch, rows, view.dedup);
            result.dedupMs += elapsedMs(timer);
            rows = std::move(deduped.rows);
            // The model counts the lines a row stands for: itself and those folded into it.
            for (const qint32 folded : deduped.repeats)
                result.repeats.push_back(folded + 1);
        }
        result.ids.reserve(result.ids.size() + rows.size());
        for (const qint32 row : rows)
            result.ids.push_back(segment.firstId + row);
    }
    return result;
}

struct AppendResult
{
    std::shared_ptr<const LogBatch> batch;
    std::shared_ptr<const LogLevels> levels;
    std::optional<std::vector<qint32>> shown;
};

AppendResult prepareAppend(std::vector<LogBatch> batches, const QSet<QByteArray>& known, const LogView& view,
    qint64 firstId, const std::atomic_bool* cancel)
{
    // Lines to skip are those of the boundary nanosecond(s): only lines at those times need their identity.
    QSet<qint64> knownTimes;
    for (const QByteArray& identity : known) {
        const QList<QByteArray> parts = identity.split('\0');
        if (parts.size() >= 2)
            knownTimes.insert(parts.at(1).toLongLong());
    }
    auto out = std::make_shared<LogBatch>();
    if (batches.size() == 1 && known.isEmpty()) {
        *out = std::move(batches.front());
    } else {
        for (const LogBatch& batch : batches) {
            std::vector<qint32> streams;
            for (qsizetype i = 0; i < batch.size(); ++i) {
                const LogLine& line = batch.at(i);
                if (knownTimes.contains(line.timestampNs) && known.contains(batch.identity(line)))
                    continue;
                out->appendFrom(batch, i, &streams);
            }
        }
    }
    AppendResult result;
    result.levels = std::make_shared<const LogLevels>(detectLevels(*out));
    if (!view.showsEverything() && view.dedup == DedupMode::None) {
        const LogSegment segment { out, result.levels, firstId };
        std::vector<qint32> patterns;
        if (view.filter.pattern >= 0)
            patterns = patternSlice(segment, view);
        LogFilterResult filtered
            = filterLines(*out, *result.levels, view.filter, cancel, view.filter.pattern >= 0 ? &patterns : nullptr);
        // A bad regex shows its error once, from the view run; until fixed, new lines are shown.
        if (filtered.error.isEmpty() && !filtered.cancelled)
            result.shown = std::move(filtered.rows);
    }
    result.batch = std::move(out);
    return result;
}

} // namespace

bool LogView::showsEverything() const
{
    return filter.text.isEmpty() && (filter.levelMask & ((1u << LogLevelCount) - 1)) == (1u << LogLevelCount) - 1
        && filter.pattern < 0 && dedup == DedupMode::None;
}

LogPipeline::LogPipeline(LogListModel& model, QObject* parent)
    : QObject(parent)
    , m_model(model)
{ }

LogPipeline::~LogPipeline()
{
    if (m_cancel)
        m_cancel->store(true);
}

void LogPipeline::load(LogBatch batch)
{
    Job job;
    job.kind = JobKind::Load;
    job.batches.push_back(std::move(batch));
    enqueue(std::move(job));
}

void LogPipeline::append(LogBatch batch, QSet<QByteArray> known)
{
    if (batch.isEmpty())
        return;
    Job job;
    job.kind = JobKind::Append;
    job.batches.push_back(std::move(batch));
    job.known = std::move(known);
    enqueue(std::move(job));
}

void LogPipeline::clear()
{
    ++m_generation;
    m_queue.clear();
    if (m_cancel)
        m_cancel->store(true);
    m_model.clear();
}

void LogPipeline::setView(LogView view)
{
    m_view = std::move(view);
    enqueue(Job {});
}

void LogPipeline::enqueue(Job job)
{
    switch (job.kind) {
    case JobKind::Load:
        ++m_generation;
        m_queue.clear();
        if (m_cancel)
            m_cancel->store(true);
        break;
    case JobKind::Append:
        if (!m_queue.empty() && m_queue.back().kind == JobKind::Append) {
            Job& waiting = m_queue.back();
            for (LogBatch& batch : job.batches)
                waiting.batches.push_back(std::move(batch));
            waiting.known.unite(job.known);
            return;
        }
        break;
    case JobKind::View:
        // Only the newest view counts: drop waiting runs, stop the one under way.
        std::erase_if(m_queue, [](const Job& waiting) { return waiting.kind == JobKind::View; });
        if (m_running && m_cancel && m_runningKind == JobKind::View)
            m_cancel->store(true);
        break;
    case JobKind::Compact:
        if (std::any_of(m_queue.begin(), m_queue.end(), [](const Job& j) { return j.kind == JobKind::Compact; }))
            return;
        break;
    }
    m_queue.push_back(std::move(job));
    pump();
}

void LogPipeline::pump()
{
    if (m_running)
        return;
    if (m_queue.empty()) {
        Q_EMIT idle();
        return;
    }
    Job job = std::move(m_queue.front());
    m_queue.pop_front();
    m_running = true;
    m_runningKind = job.kind;
    m_cancel = std::make_shared<std::atomic_bool>(false);
    switch (job.kind) {
    case JobKind::Load:
        runLoad(std::move(job));
        break;
    case JobKind::Append:
        runAppend(std::move(job));
        break;
    case JobKind::View:
        runView();
        break;
    case JobKind::Compact:
        runCompact();
        break;
    }
}

void LogPipeline::finish()
{
    m_running = false;
    pump();
}

void LogPipeline::runLoad(Job job)
{
    const quint64 generation = m_generation;
    auto batch = std::make_shared<LogBatch>(std::move(job.batches.front()));
    QtConcurrent::run([batch] {
        QElapsedTimer timer;
        timer.start();
        auto levels = std::make_shared<const LogLevels>(detectLevels(*batch));
        return std::make_pair(levels, elapsedMs(timer));
    }).then(this, [this, generation, batch](std::pair<std::shared_ptr<const LogLevels>, double> done) {
        if (generation == m_generation) {
            m_model.setLines(batch, done.first);
            Q_EMIT loaded(batch->size(), done.second);
            const bool viewWaiting = std::any_of(
                m_queue.begin(), m_queue.end(), [](const Job& waiting) { return waiting.kind == JobKind::View; });
            if (!m_view.showsEverything() && !viewWaiting)
                m_queue.push_front(Job {});
        }
        finish();
    });
}

void LogPipeline::runAppend(Job job)
{
    const quint64 generation = m_generation;
    const qint64 firstId = m_model.endId();
    QtConcurrent::run([batches = std::move(job.batches), known = std::move(job.known), view = m_view, firstId,
                          cancel = m_cancel]() mutable {
        return prepareAppend(std::move(batches), known, view, firstId, cancel.get());
    }).then(this, [this, generation](AppendResult result) {
        if (generation == m_generation && !result.batch->isEmpty()) {
            // The view may have changed while this ran: then the rows come from the view run queued by it.
            const bool filtered = !m_view.showsEverything();
            const qint64 added = result.batch->size();
            qint64 shown = added;
            if (filtered && result.shown) {
                shown = static_cast<qint64>(result.shown->size());
                m_model.appendLines(result.batch, result.levels, &*result.shown);
            } else if (filtered) {
                // Computed for an older view: shown once the view run queued after this one is done.
                const std::vector<qint32> none;
                shown = 0;
                m_model.appendLines(result.batch, result.levels, &none);
            } else {
                m_model.appendLines(result.batch, result.levels);
            }
            Q_EMIT appended(added, shown, m_model.droppedLines());
            if (filtered && (!result.shown || m_view.dedup != DedupMode::None))
                enqueue(Job {});
            if (m_model.segmentCount() > m_compactAbove)
                enqueue(Job { JobKind::Compact, {}, {} });
        }
        finish();
    });
}

void LogPipeline::runView()
{
    const quint64 generation = m_generation;
    QtConcurrent::run([snapshot = m_model.snapshot(), view = m_view, cancel = m_cancel] {
        return computeView(snapshot, view, cancel.get());
    }).then(this, [this, generation](ViewResult result) {
        if (generation == m_generation && !result.cancelled) {
            if (result.compacted)
                m_model.replaceSegments(std::move(*result.compacted));
            if (!result.error.isEmpty()) {
                Q_EMIT viewApplied(result.filterMs, result.dedupMs, result.error);
            } else {
                if (result.all)
                    m_model.showAllLines();
                else
                    m_model.setRows(std::move(result.ids), std::move(result.repeats));
                spdlog::debug("event=log_view_applied rows={} filter_ms={:.1f} dedup_ms={:.1f}", m_model.rowCount(),
                    result.filterMs, result.dedupMs);
                Q_EMIT viewApplied(result.filterMs, result.dedupMs, QString());
            }
        }
        finish();
    });
}

void LogPipeline::runCompact()
{
    const quint64 generation = m_generation;
    QtConcurrent::run([snapshot = m_model.snapshot()] {
        return snapshot.merged();
    }).then(this, [this, generation](LogSegment merged) {
        if (generation == m_generation)
            m_model.replaceSegments(std::move(merged));
        finish();
    });
}

} // namespace firebreak::ui
