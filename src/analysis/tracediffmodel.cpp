#include "tracediffmodel.h"

#include "celltone.h"
#include "durationtext.h"

#include <cmath>
#include <cstdlib>

namespace firebreak::analysis {

namespace {
// internalId is the diff row + 1, so that 0 never names a row.
quintptr idOf(std::int32_t diffRow)
{
    return static_cast<quintptr>(diffRow) + 1;
}
} // namespace

TraceDiffModel::TraceDiffModel(QObject* parent)
    : QAbstractItemModel(parent)
{ }

TraceDiffModel::~TraceDiffModel() = default;

void TraceDiffModel::setDiff(TraceDiff diff)
{
    beginResetModel();
    m_diff = std::move(diff);
    const auto count = static_cast<std::int32_t>(m_diff.rows.size());
    m_children.assign(static_cast<std::size_t>(count), {});
    m_top.clear();
    m_rowInParent.assign(static_cast<std::size_t>(count), 0);
    for (std::int32_t row = 0; row < count; ++row) {
        const std::int32_t parent = m_diff.rows[row].parent;
        std::vector<std::int32_t>& siblings = parent >= 0 ? m_children[parent] : m_top;
        m_rowInParent[row] = static_cast<std::int32_t>(siblings.size());
        siblings.push_back(row);
    }
    endResetModel();
}

void TraceDiffModel::clear()
{
    setDiff({});
}

std::optional<double> TraceDiffModel::changePercent(const TraceDiffRow& row)
{
    if (row.presence() != TraceDiffRow::Presence::Both || row.averageA() == 0)
        return std::nullopt;
    return 100.0 * static_cast<double>(row.averageChangeNs()) / static_cast<double>(row.averageA());
}

bool TraceDiffModel::isChanged(const TraceDiffRow& row)
{
    if (row.presence() != TraceDiffRow::Presence::Both)
        return true;
    const std::optional<double> percent = changePercent(row);
    if (!percent)
        return row.averageChangeNs() != 0;
    return std::abs(*percent) >= ChangedShare * 100.0;
}

QModelIndex TraceDiffModel::index(int row, int column, const QModelIndex& parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    if (parent.isValid() && parent.column() != 0)
        return {};
    const std::vector<std::int32_t>& siblings = parent.isValid() ? m_children[parent.internalId() - 1] : m_top;
    if (row >= static_cast<int>(siblings.size()))
        return {};
    return createIndex(row, column, idOf(siblings[row]));
}

QModelIndex TraceDiffModel::parent(const QModelIndex& child) const
{
    if (!child.isValid())
        return {};
    const std::int32_t parent = m_diff.rows[child.internalId() - 1].parent;
    if (parent < 0)
        return {};
    return createIndex(m_rowInParent[parent], 0, idOf(parent));
}

int TraceDiffModel::rowCount(const QModelIndex& parent) const
{
    if (!parent.isValid())
        return static_cast<int>(m_top.size());
    if (parent.column() != 0)
        return 0;
    return static_cast<int>(m_children[parent.internalId() - 1].size());
}

int TraceDiffModel::columnCount(const QModelIndex&) const
{
    return ColumnCount;
}

QVariant TraceDiffModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.model() != this)
        return {};
    const TraceDiffRow& row = m_diff.rows[index.internalId() - 1];
    const TraceDiffRow::Presence presence = row.presence();
    const bool both = presence == TraceDiffRow::Presence::Both;
    const int column = index.column();
    const std::optional<double> percent = changePercent(row);
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case PathColumn:
            return tr("%1: %2").arg(row.service, row.operation);
        case PresenceColumn:
            switch (presence) {
            case TraceDiffRow::Presence::OnlyA:
                return tr("only A");
            case TraceDiffRow::Presence::OnlyB:
                return tr("only B");
            case TraceDiffRow::Presence::Both:
                return tr("both");
            }
            return {};
        case CountAColumn:
            return QString::number(row.countA);
        case CountBColumn:
            return QString::number(row.countB);
        case AverageAColumn:
            return row.countA ? formatDurationNs(row.averageA()) : QString();
        case AverageBColumn:
            return row.countB ? formatDurationNs(row.averageB()) : QString();
        case ChangeColumn: {
            if (!both)
                return QString();
            const QString change = formatSignedDurationNs(row.averageChangeNs());
            if (!percent || row.averageChangeNs() == 0)
                return change;
            const QString sign
                = *percent > 0 ? QStringLiteral("+") : (*percent < 0 ? QString(QChar(0x2212)) : QString());
            return tr("%1 (%2%3 %)").arg(change, sign, QString::number(std::abs(*percent), 'f', 1));
        }
        default:
            return {};
        }
    case SortRole:
        switch (column) {
        case PathColumn:
            return tr("%1: %2").arg(row.service, row.operation);
        case PresenceColumn:
            return static_cast<int>(presence);
        case CountAColumn:
            return static_cast<qlonglong>(row.countA);
        case CountBColumn:
            return static_cast<qlonglong>(row.countB);
        case AverageAColumn:
            return static_cast<qlonglong>(row.averageA());
        case AverageBColumn:
            return static_cast<qlonglong>(row.averageB());
        case ChangeColumn:
            return static_cast<qlonglong>(row.averageChangeNs());
        default:
            return {};
        }
    case Qt::ToolTipRole:
        switch (column) {
        case PathColumn:
            return tr("%1: %2").arg(row.service, row.operation);
        case AverageAColumn:
            return row.countA ? formatExactNs(row.averageA()) : QVariant();
        case AverageBColumn:
            return row.countB ? formatExactNs(row.averageB()) : QVariant();
        case ChangeColumn:
            return both ? formatExactNs(row.averageChangeNs()) : QVariant();
        default:
            return {};
        }
    case Qt::TextAlignmentRole:
        if (column >= CountAColumn)
            return static_cast<int>(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case ToneRole: {
        CellTone tone = CellTone::Normal;
        if (column == PresenceColumn) {
            tone = presence == TraceDiffRow::Presence::OnlyA
                ? CellTone::OnlyA
                : (presence == TraceDiffRow::Presence::OnlyB ? CellTone::OnlyB : CellTone::Muted);
        } else if (column == ChangeColumn && both) {
            if (!isChanged(row))
                tone = CellTone::Muted;
            else
                tone = row.averageChangeNs() > 0 ? CellTone::Slower : CellTone::Faster;
        }
        return static_cast<int>(tone);
    }
    case PresenceRole:
        return static_cast<int>(presence);
    case ChangedRole:
        return isChanged(row);
    case ChangeNsRole:
        return static_cast<qlonglong>(row.averageChangeNs());
    default:
        return {};
    }
}

QVariant TraceDiffModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::TextAlignmentRole)
        return section >= CountAColumn ? QVariant(static_cast<int>(Qt::AlignRight | Qt::AlignVCenter)) : QVariant();
    if (role == Qt::ToolTipRole && section == ChangeColumn)
        return tr("Average duration in B minus average in A; slower in red, faster in green");
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case PathColumn:
        return tr("Service: operation");
    case PresenceColumn:
        return tr("Presence");
    case CountAColumn:
        return tr("Count A");
    case CountBColumn:
        return tr("Count B");
    case AverageAColumn:
        return tr("Avg A");
    case AverageBColumn:
        return tr("Avg B");
    case ChangeColumn:
        return tr("Change");
    default:
        return {};
    }
}

TraceDiffFilterModel::TraceDiffFilterModel(QObject* parent)
    : QSortFilterProxyModel(parent)
{
    setRecursiveFilteringEnabled(true);
}

TraceDiffFilterModel::~TraceDiffFilterModel() = default;

void TraceDiffFilterModel::setChangedOnly(bool changedOnly)
{
    if (changedOnly == m_changedOnly)
        return;
    // Qt 6.4 has no beginFilterChange(); invalidateFilter() re-runs filterAcceptsRow.
    m_changedOnly = changedOnly;
    invalidateFilter();
}

bool TraceDiffFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    if (!m_changedOnly)
        return true;
    return sourceModel()->index(sourceRow, 0, sourceParent).data(TraceDiffModel::ChangedRole).toBool();
}

} // namespace firebreak::analysis
