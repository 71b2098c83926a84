#pragma once

#include "logsnapshot.h"

#include <QAbstractListModel>

#include <optional>

namespace firebreak::ui {

/// The log lines of the Logs workspace as list rows. The lines are held as immutable segments (one for a
/// query's answer, one more per live-tail poll or "load older" page), so workers filter a snapshot while
/// lines are appended; the rows are a view of them: all lines, or the ids a filter / dedup kept, in display
/// order. Appending inserts all new rows at once (one beginInsertRows per batch); with a bound, the oldest
/// lines are dropped (one beginRemoveRows) and counted.
class LogListModel final : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role
    {
        TimestampNsRole = Qt::UserRole + 1, // qint64, exactly as the server sent it
        LevelRole, // int: analysis::LogLevel
        TextRole, // QString: the line
        StreamKeyRole, // QString: `{a="b", …}`
        LabelsRole, // QVariantMap: the stream's labels
        RepeatsRole, // int: lines this row stands for (dedup); 1 without dedup
        LineIdRole, // qint64
    };
    static constexpr qint64 Unbounded = -1;

    explicit LogListModel(QObject* parent = nullptr);
    ~LogListModel() override;

    int rowCount(const QModelIndex& parent = {}) const final;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const final;
    QHash<int, QByteArray> roleNames() const final;

    /// Replaces everything by these lines, all shown (a reset); the dropped count starts again at 0.
    void setLines(std::shared_ptr<const LogBatch> batch, std::shared_ptr<const LogLevels> levels);
    void clear();
    /// Adds lines after the last ones. `shown` (ascending indexes into `batch`) are the ones to show while a
    /// filter is in effect; without a filter every new line is shown. Then drops the oldest beyond the bound.
    void appendLines(std::shared_ptr<const LogBatch> batch, std::shared_ptr<const LogLevels> levels,
        const std::vector<qint32>* shown = nullptr);
    /// Keeps at most `lines` lines (Unbounded: all), dropping the oldest on the next append.
    void setMaxLines(qint64 lines) { m_maxLines = lines; }
    qint64 maxLines() const { return m_maxLines; }
    /// Lines dropped for the bound since the last setLines / clear.
    qint64 droppedLines() const { return m_dropped; }

    /// Shows only these lines: ids ascending, with how many lines each row stands for (empty: 1 each).
    /// Ids no longer held are left out. A reset.
    void setRows(std::vector<qint64> ids, std::vector<qint32> repeats = {});
    /// Shows every line (a reset unless already so).
    void showAllLines();
    bool isFiltered() const { return !m_allShown; }

    /// What a worker may read: pointers to the segments, no copy of the lines.
    LogSnapshot snapshot() const { return m_lines; }
    /// Swaps the segments covering [merged.firstId, merged.endId()) for `merged` (compaction on a worker).
    /// Same lines, same ids: no row changes.
    void replaceSegments(LogSegment merged);
    qsizetype segmentCount() const { return static_cast<qsizetype>(m_lines.segments.size()); }

    /// Lines held (shown or not).
    qint64 lineCount() const { return m_lines.size(); }
    qint64 beginId() const { return m_lines.beginId; }
    qint64 endId() const { return m_lines.endId; }
    qint64 idAt(int row) const;
    /// The row showing `id`, or -1.
    int rowOf(qint64 id) const;
    int repeatsAt(int row) const;
    LogLineRef lineAt(int row) const { return m_lines.line(idAt(row)); }
    LogLineRef line(qint64 id) const { return m_lines.line(id); }

private:
    void dropOldest();

    LogSnapshot m_lines;
    bool m_allShown = true; // rows are ids beginId, beginId + 1, … (no vector kept)
    std::vector<qint64> m_rows; // when !m_allShown
    std::vector<qint32> m_repeats; // empty, or one per row
    qint64 m_maxLines = Unbounded;
    qint64 m_dropped = 0;
};

} // namespace firebreak::ui
