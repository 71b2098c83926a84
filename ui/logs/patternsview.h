#pragma once

#include "analysis/logpatterns.h"
#include "model/logbatch.h"
#include "model/timerange.h"

#include <QWidget>

#include <atomic>
#include <memory>
#include <vector>

class QComboBox;
class QDateTimeEdit;
class QLabel;
class QModelIndex;
class QSortFilterProxyModel;
class QTableView;
class QTimer;

namespace firebreak::analysis {
class PatternTableModel;
}

namespace firebreak::ui {

/// The patterns of the loaded lines ("what kinds of lines are there, and which are new"): mined on a worker
/// (a newer setLines() cancels the mining under way), shown as a table with count, share, a sparkline, first
/// and last seen, and the pattern with its placeholders dimmed. Patterns first seen at or after the "New since"
/// moment carry a **new** badge. Clicking a pattern asks for the list to be filtered by it.
class PatternsView final : public QWidget
{
    Q_OBJECT
public:
    explicit PatternsView(QWidget* parent = nullptr);
    ~PatternsView() override;

    /// Mines `lines` over [fromNs, toNs] (the range the sparklines span). Until setNewSince() is called, "New
    /// since" follows the range's middle.
    void setLines(std::shared_ptr<const LogBatch> lines, qint64 fromNs, qint64 toNs);
    /// Marks patterns first seen at or after `ns` (e.g. the incident's start) as new; it stays until changed.
    void setNewSince(qint64 ns);
    qint64 newSince() const { return m_newSinceNs; }
    void setTimeDisplay(TimeDisplay display);
    void clear();

    /// For each line of minedLines(), the id of its pattern (LogPattern::id): what a pattern filter reads.
    /// Shared so a filter running on a worker keeps it alive; null before the first mining ended.
    std::shared_ptr<const std::vector<qint32>> patternOfLine() const;
    /// The lines the current patterns were mined from (compare with your batch before using patternOfLine()).
    std::shared_ptr<const LogBatch> minedLines() const { return m_minedLines; }
    const std::vector<analysis::LogPattern>& patterns() const;
    bool isMining() const { return m_mining; }
    analysis::PatternTableModel* model() const { return m_model; }

Q_SIGNALS:
    /// The user picked a pattern: filter the list to its lines.
    void patternFilterRequested(qint32 patternId, const QString& pattern);
    /// Mining of the latest lines ended; patterns() and patternOfLine() are theirs.
    void patternsReady(int patternCount);

private:
    void startMining();
    void showResult(std::shared_ptr<const analysis::PatternResult> result, std::shared_ptr<const LogBatch> lines);
    void applyNewSince(qint64 ns);
    void updateSummary();
    void sortBy(int choice);

    analysis::PatternTableModel* m_model;
    QSortFilterProxyModel* m_proxy;
    QTableView* m_table;
    QDateTimeEdit* m_newSinceEdit;
    QComboBox* m_sort;
    QLabel* m_summary;
    QTimer* m_mineTimer;

    std::shared_ptr<const LogBatch> m_pending;
    qint64 m_fromNs = 0;
    qint64 m_toNs = 0;
    std::shared_ptr<const analysis::PatternResult> m_result;
    std::shared_ptr<const LogBatch> m_minedLines;
    std::shared_ptr<std::atomic_bool> m_cancel;
    quint64 m_job = 0;
    bool m_mining = false;
    qint64 m_newSinceNs = 0;
    bool m_newSinceChosen = false; // by setNewSince() or the user: no longer follows the range
    bool m_syncing = false;
    TimeDisplay m_display = TimeDisplay::Local;
};

} // namespace firebreak::ui
