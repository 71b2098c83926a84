#pragma once

#include "analysis/valueunits.h"
#include "metricsdata.h"

#include <QAbstractTableModel>

#include <vector>

namespace firebreak::ui {

/// The chart's result as a table: one row per series with its last (or instant) value, or one row per raw
/// sample of the range. Values are the server's, unscaled by decimation; NaN and ±Inf shown as such.
class MetricsTableModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum class Layout
    {
        Values, // a row per series: the instant value, or the last sample of the range
        Samples, // a row per sample
    };
    enum Column
    {
        QueryColumn,
        SeriesColumn,
        TimeColumn,
        ValueColumn,
        ColumnCount,
    };
    enum Role
    {
        SortRole = Qt::UserRole + 1, // numbers for time and value
        ColorRole,
    };

    explicit MetricsTableModel(QObject* parent = nullptr);
    ~MetricsTableModel() override;

    void setResult(ChartResultPtr result, analysis::ValueUnit unit);
    void setLayout(Layout layout);
    Layout layout() const { return m_layout; }
    void setTimeDisplay(TimeDisplay display);

    int rowCount(const QModelIndex& parent = {}) const final;
    int columnCount(const QModelIndex& parent = {}) const final;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const final;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const final;

private:
    struct Row
    {
        std::size_t series;
        std::size_t sample;
    };
    void rebuild();

    ChartResultPtr m_result;
    analysis::ValueUnit m_unit = analysis::ValueUnit::None;
    Layout m_layout = Layout::Values;
    TimeDisplay m_display = TimeDisplay::Local;
    std::vector<Row> m_rows;
};

} // namespace firebreak::ui
