#pragma once

#include "tracediff.h"

#include <QAbstractItemModel>
#include <QSortFilterProxyModel>

#include <optional>
#include <vector>

namespace firebreak::analysis {

/// A TraceDiff as a tree of (service, operation) paths, with presence and the change of the average duration.
class TraceDiffModel final : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column
    {
        PathColumn,
        PresenceColumn,
        CountAColumn,
        CountBColumn,
        AverageAColumn,
        AverageBColumn,
        ChangeColumn,
        ColumnCount,
    };
    enum Roles
    {
        SortRole = Qt::UserRole + 1,
        ToneRole, // CellTone as int
        PresenceRole, // TraceDiffRow::Presence as int
        ChangedRole, // bool: see isChanged()
        ChangeNsRole, // qint64: average B − average A (0 unless in both)
    };

    /// A change of at least this share of A's average counts as changed.
    static constexpr double ChangedShare = 0.10;

    explicit TraceDiffModel(QObject* parent = nullptr);
    ~TraceDiffModel() override;

    void setDiff(TraceDiff diff);
    void clear();
    const TraceDiff& diff() const { return m_diff; }

    /// Only in one trace, or in both with the average changed by ChangedShare or more.
    static bool isChanged(const TraceDiffRow& row);
    /// The change relative to A's average, in percent; nullopt when A's average is 0 or the path is not in both.
    static std::optional<double> changePercent(const TraceDiffRow& row);

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const final;
    QModelIndex parent(const QModelIndex& child) const final;
    int rowCount(const QModelIndex& parent = {}) const final;
    int columnCount(const QModelIndex& parent = {}) const final;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const final;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const final;

private:
    TraceDiff m_diff;
    std::vector<std::vector<std::int32_t>> m_children; // by diff row
    std::vector<std::int32_t> m_top;
    std::vector<std::int32_t> m_rowInParent; // by diff row
};

/// "Changed only": keeps changed paths and the paths leading to them, so each change keeps its context.
class TraceDiffFilterModel final : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit TraceDiffFilterModel(QObject* parent = nullptr);
    ~TraceDiffFilterModel() override;

    void setChangedOnly(bool changedOnly);
    bool changedOnly() const { return m_changedOnly; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const final;

private:
    bool m_changedOnly = false;
};

} // namespace firebreak::analysis
