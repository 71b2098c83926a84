#include "tracestatisticsmodel.h"

#include "celltone.h"
#include "durationtext.h"

#include <QHash>

namespace firebreak::analysis {

namespace {
// internalId 0 marks a service row; an operation row carries its service's row + 1.
constexpr quintptr ServiceRow = 0;
} // namespace

TraceStatisticsModel::TraceStatisticsModel(QObject* parent)
    : QAbstractItemModel(parent)
{ }

TraceStatisticsModel::~TraceStatisticsModel() = default;

void TraceStatisticsModel::setStatistics(TraceStatistics statistics, std::int64_t traceDurationNs)
{
    beginResetModel();
    m_services = std::move(statistics.services);
    m_operations.assign(m_services.size(), {});
    QHash<QString, std::size_t> serviceRow;
    for (std::size_t row = 0; row < m_services.size(); ++row)
        serviceRow.insert(m_services[row].service, row);
    for (SpanGroupStatistics& operation : statistics.operations) {
        const auto it = serviceRow.constFind(operation.service);
        if (it != serviceRow.cend())
            m_operations[*it].push_back(std::move(operation));
    }
    m_traceDurationNs = traceDurationNs;
    endResetModel();
}

void TraceStatisticsModel::clear()
{
    setStatistics({}, 0);
}

const SpanGroupStatistics* TraceStatisticsModel::groupOf(const QModelIndex& index) const
{
    if (!index.isValid() || index.model() != this)
        return nullptr;
    if (index.internalId() == ServiceRow)
        return &m_services[index.row()];
    return &m_operations[index.internalId() - 1][index.row()];
}

QModelIndex TraceStatisticsModel::index(int row, int column, const QModelIndex& parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    if (!parent.isValid())
        return row < static_cast<int>(m_services.size()) ? createIndex(row, column, ServiceRow) : QModelIndex();
    if (parent.internalId() != ServiceRow || parent.column() != 0
        || row >= static_cast<int>(m_operations[parent.row()].size()))
        return {};
    return createIndex(row, column, static_cast<quintptr>(parent.row()) + 1);
}

QModelIndex TraceStatisticsModel::parent(const QModelIndex& child) const
{
    if (!child.isValid() || child.internalId() == ServiceRow)
        return {};
    return createIndex(static_cast<int>(child.internalId() - 1), 0, ServiceRow);
}

int TraceStatisticsModel::rowCount(const QModelIndex& parent) const
{
    if (!parent.isValid())
        return static_cast<int>(m_services.size());
    if (parent.internalId() != ServiceRow || parent.column() != 0)
        return 0;
    return static_cast<int>(m_operations[parent.row()].size());
}

int TraceStatisticsModel::columnCount(const QModelIndex&) const
{
    return ColumnCount;
}

QVariant TraceStatisticsModel::data(const QModelIndex& index, int role) const
{
    const SpanGroupStatistics* group = groupOf(index);
    if (!group)
        return {};
    const bool isService = index.internalId() == ServiceRow;
    const double selfShare = m_traceDurationNs > 0
        ? 100.0 * static_cast<double>(group->selfNs) / static_cast<double>(m_traceDurationNs)
        : 0.0;
    const auto durationOf = [&](int column) -> std::int64_t {
        switch (column) {
        case TotalColumn:
            return group->totalNs;
        case AverageColumn:
            return group->averageNs();
        case MinColumn:
            return group->minNs;
        case MaxColumn:
            return group->maxNs;
        case P95Column:
            return group->p95Ns;
        case SelfTotalColumn:
            return group->selfNs;
        default:
            return 0;
        }
    };
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case NameColumn:
            return isService ? group->service : group->operation;
        case CountColumn:
            return QString::number(group->count);
        case SelfPercentColumn:
            return tr("%1 %").arg(QString::number(selfShare, 'f', 1));
        case ErrorsColumn:
            return QString::number(group->errors);
        default:
            return formatDurationNs(durationOf(column));
        }
    case SortRole:
        switch (column) {
        case NameColumn:
            return isService ? group->service : group->operation;
        case CountColumn:
            return static_cast<qlonglong>(group->count);
        case SelfPercentColumn:
            return selfShare;
        case ErrorsColumn:
            return static_cast<qlonglong>(group->errors);
        default:
            return static_cast<qlonglong>(durationOf(column));
        }
    case Qt::ToolTipRole:
        if (column == NameColumn)
            return isService ? group->service : tr("%1: %2").arg(group->service, group->operation);
        if (column >= TotalColumn && column <= SelfTotalColumn)
            return formatExactNs(durationOf(column));
        return {};
    case Qt::TextAlignmentRole:
        return column == NameColumn ? QVariant() : QVariant(static_cast<int>(Qt::AlignRight | Qt::AlignVCenter));
    case ToneRole:
        if (column == ErrorsColumn)
            return static_cast<int>(group->errors > 0 ? CellTone::Error : CellTone::Muted);
        return static_cast<int>(CellTone::Normal);
    case ServiceRole:
        return group->service;
    case OperationRole:
        return isService ? QString() : group->operation;
    default:
        return {};
    }
}

QVariant TraceStatisticsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::TextAlignmentRole)
        return section == NameColumn ? QVariant() : QVariant(static_cast<int>(Qt::AlignRight | Qt::AlignVCenter));
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case P95Column:
            return tr("95th percentile of the durations (nearest rank)");
        case SelfTotalColumn:
            return tr("Time spent in the spans themselves, not in their children");
        case SelfPercentColumn:
            return tr("Self time as a share of the trace's end-to-end duration");
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Service / operation");
    case CountColumn:
        return tr("Count");
    case TotalColumn:
        return tr("Total");
    case AverageColumn:
        return tr("Avg");
    case MinColumn:
        return tr("Min");
    case MaxColumn:
        return tr("Max");
    case P95Column:
        return tr("P95");
    case SelfTotalColumn:
        return tr("Self total");
    case SelfPercentColumn:
        return tr("Self %");
    case ErrorsColumn:
        return tr("Errors");
    default:
        return {};
    }
}

} // namespace firebreak::analysis
