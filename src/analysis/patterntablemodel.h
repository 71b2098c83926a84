#pragma once

#include "analysis/logpatterns.h"
#include "model/timerange.h"

#include <QAbstractTableModel>

#include <memory>

namespace firebreak::analysis {

/// The mined patterns of the loaded lines as a table: count, share of the lines, a sparkline, first and last
/// seen, the pattern. A pattern first seen at or after the "new since" moment is marked new.
class PatternTableModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        CountColumn,
        ShareColumn,
        TrendColumn,
        FirstSeenColumn,
        LastSeenColumn,
        PatternColumn,
        ColumnCount,
    };

    enum Roles
    {
        SortRole = Qt::UserRole + 1, // a number (or the pattern's text) to sort by
        PatternIdRole, // LogPattern::id
        IsNewRole, // bool
        SparklineRole, // QList<int>: lines per bucket over the mined range
        PatternTextRole, // the pattern, whatever the column
        CountRole, // qint64
    };

    explicit PatternTableModel(QObject* parent = nullptr);
    ~PatternTableModel() override;

    /// A new snapshot (patterns by count, as minePatterns gives them).
    void setPatterns(std::shared_ptr<const PatternResult> result);
    void setNewSince(qint64 ns);
    qint64 newSince() const { return m_newSinceNs; }
    void setTimeDisplay(TimeDisplay display);

    const std::vector<LogPattern>& patterns() const;
    const LogPattern* patternAt(int row) const;
    /// Lines the patterns cover (the sum of their counts).
    qint64 totalLines() const { return m_total; }
    int newPatternCount() const;

    int rowCount(const QModelIndex& parent = {}) const final;
    int columnCount(const QModelIndex& parent = {}) const final;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const final;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const final;

private:
    std::shared_ptr<const PatternResult> m_result;
    qint64 m_total = 0;
    qint64 m_newSinceNs = 0;
    TimeDisplay m_display = TimeDisplay::Local;
};

} // namespace firebreak::analysis
