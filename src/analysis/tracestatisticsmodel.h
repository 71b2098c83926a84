#pragma once

#include "tracestatistics.h"

#include <QAbstractItemModel>

#include <vector>

namespace firebreak::analysis {

/// Trace statistics as a tree: each service, with its operations beneath. Sort through a proxy on SortRole
/// (numbers, not their text), which orders services and, within each, its operations.
class TraceStatisticsModel final : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column
    {
        NameColumn,
        CountColumn,
        TotalColumn,
        AverageColumn,
        MinColumn,
        MaxColumn,
        P95Column,
        SelfTotalColumn,
        SelfPercentColumn,
        ErrorsColumn,
        ColumnCount,
    };
    enum Roles
    {
        SortRole = Qt::UserRole + 1, // qint64 / double for numbers, the name for the name column
        ToneRole, // CellTone as int
        ServiceRole,
        OperationRole, // empty on service rows
    };

    explicit TraceStatisticsModel(QObject* parent = nullptr);
    ~TraceStatisticsModel() override;

    /// `traceDurationNs` is what "self % of trace" divides by.
    void setStatistics(TraceStatistics statistics, std::int64_t traceDurationNs);
    void clear();
    const std::vector<SpanGroupStatistics>& services() const { return m_services; }

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const final;
    QModelIndex parent(const QModelIndex& child) const final;
    int rowCount(const QModelIndex& parent = {}) const final;
    int columnCount(const QModelIndex& parent = {}) const final;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const final;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const final;

private:
    const SpanGroupStatistics* groupOf(const QModelIndex& index) const;

    std::vector<SpanGroupStatistics> m_services;
    std::vector<std::vector<SpanGroupStatistics>> m_operations; // by service row
    std::int64_t m_traceDurationNs = 0;
};

} // namespace firebreak::analysis
