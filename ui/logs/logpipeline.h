#pragma once

#include "analysis/logdedup.h"
#include "analysis/logfilter.h"
#include "logsnapshot.h"

#include <QByteArray>
#include <QObject>
#include <QSet>

#include <atomic>
#include <deque>
#include <memory>
#include <optional>

namespace firebreak::ui {

class LogListModel;

/// What of the loaded lines the list shows.
struct LogView
{
    analysis::LogFilterSpec filter;
    analysis::DedupMode dedup = analysis::DedupMode::None;
    /// PatternResult::patternOfLine of the lines from id `patternBaseId` on (needed when filter.pattern >= 0).
    std::shared_ptr<const std::vector<qint32>> patternOfLine;
    qint64 patternBaseId = 0;

    /// Every line shown as it is: no rows to compute.
    bool showsEverything() const;
};

/// The one worker queue of a LogListModel: level detection of new lines, filter and dedup runs, compaction.
/// Jobs run one at a time on the thread pool, in order, and their results reach the model on the GUI thread
/// in that order — so a filter run sees exactly the lines appended before it, and lines appended while it
/// ran are filtered with the newest view when their turn comes. A new view cancels a run under way; new
/// data (load / clear) drops every job of the old data.
class LogPipeline final : public QObject
{
    Q_OBJECT
public:
    explicit LogPipeline(LogListModel& model, QObject* parent = nullptr);
    ~LogPipeline() override;

    /// Replaces the lines (levels detected on a worker, then the model is reset and the view applied).
    void load(LogBatch batch);
    /// Adds lines after the loaded ones (live tail, a further page). Lines identical (LogBatch::identity) to
    /// one of `known` are skipped: the page boundary's nanosecond is asked for twice. Appends waiting their
    /// turn are merged into one insert.
    void append(LogBatch batch, QSet<QByteArray> known = {});
    void clear();
    /// Recomputes the shown rows for `view` (cancels a run under way for an older view).
    void setView(LogView view);
    const LogView& view() const { return m_view; }

    bool isBusy() const { return m_running || !m_queue.empty(); }
    /// Merged segments above this count are compacted into one on a worker.
    void setCompactionThreshold(qsizetype segments) { m_compactAbove = segments; }

Q_SIGNALS:
    /// A load reached the model.
    void loaded(qint64 lines, double levelsMs);
    /// Lines were appended (`added`, of which `shown` passed the view); `dropped` is the model's total.
    void appended(qint64 added, qint64 shown, qint64 dropped);
    /// A view was applied: how long the filter and dedup took, and the filter's error (bad regex) if any.
    void viewApplied(double filterMs, double dedupMs, const QString& error);
    /// Nothing left to do.
    void idle();

private:
    enum class JobKind
    {
        Load,
        Append,
        View,
        Compact,
    };
    struct Job
    {
        JobKind kind = JobKind::View;
        std::vector<LogBatch> batches; // Load: one; Append: merged in order
        QSet<QByteArray> known;
    };

    void enqueue(Job job);
    void pump();
    void finish();
    void runLoad(Job job);
    void runAppend(Job job);
    void runView();
    void runCompact();

    LogListModel& m_model;
    LogView m_view;
    std::deque<Job> m_queue;
    bool m_running = false;
    JobKind m_runningKind = JobKind::View;
    quint64 m_generation = 0; // bumped by load / clear: results of older jobs are dropped
    std::shared_ptr<std::atomic_bool> m_cancel; // of the job under way
    qsizetype m_compactAbove = 64;
};

} // namespace firebreak::ui
