#include "metricstablemodel.h"

#include "analysis/legendformat.h"

#include <cmath>

namespace firebreak::ui {

MetricsTableModel::MetricsTableModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

MetricsTableModel::~MetricsTableModel() = default;

void MetricsTableModel::setResult(ChartResultPtr result, analysis::ValueUnit unit)
{
    beginResetModel();
    m_result = std::move(result);
    m_unit = unit;
    rebuild();
    endResetModel();
}

void MetricsTableModel::setLayout(Layout layout)
{
    if (layout == m_layout)
        return;
    beginResetModel();
    m_layout = layout;
    rebuild();
    endResetModel();
}

void MetricsTableModel::setTimeDisplay(TimeDisplay display)
{
    if (display == m_display)
        return;
    m_display = display;
    if (!m_rows.empty())
        Q_EMIT dataChanged(index(0, TimeColumn), index(rowCount() - 1, TimeColumn), { Qt::DisplayRole });
}

void MetricsTableModel::rebuild()
{
    m_rows.clear();
    if (!m_result)
        return;
    for (std::size_t s = 0; s < m_result->series.size(); ++s) {
        const std::size_t samples = m_result->series[s].data.timesMs.size();
        if (samples == 0)
            continue;
        if (m_layout == Layout::Values) {
            m_rows.push_back({ s, samples - 1 });
            continue;
        }
        for (std::size_t i = 0; i < samples; ++i)
            m_rows.push_back({ s, i });
    }
}

int MetricsTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int MetricsTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MetricsTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Row& row = m_rows[static_cast<std::size_t>(index.row())];
    const ChartSeries& series = m_result->series[row.series];
    const qint64 time = series.data.timesMs[row.sample];
    const double value = series.data.values[row.sample];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case QueryColumn:
            return series.queryRef;
        case SeriesColumn:
            return series.name;
        case TimeColumn:
            return formatTime(time, m_display);
        case ValueColumn:
            return analysis::formatValue(value, m_unit, 6);
        default:
            return {};
        }
    case SortRole:
        switch (index.column()) {
        case TimeColumn:
            return time;
        case ValueColumn:
            return value;
        default:
            return data(index, Qt::DisplayRole);
        }
    case Qt::ToolTipRole:
        if (index.column() == SeriesColumn)
            return analysis::formatLegend({}, series.labels);
        if (index.column() == ValueColumn)
            return QString::number(value, 'g', 17); // the exact number the server sent
        return {};
    case Qt::TextAlignmentRole:
        return index.column() == ValueColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case ColorRole:
        return series.color;
    case Qt::DecorationRole:
        return index.column() == SeriesColumn ? QVariant(series.color) : QVariant();
    default:
        return {};
    }
}

QVariant MetricsTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case QueryColumn:
        return tr("Query");
    case SeriesColumn:
        return tr("Series");
    case TimeColumn:
        return tr("Time");
    case ValueColumn:
        return tr("Value");
    default:
        return {};
    }
}

} // namespace firebreak::ui
