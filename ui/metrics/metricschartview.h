#pragma once

#include "analysis/valueunits.h"
#include "chartgeometry.h"
#include "metricsdata.h"

#include <QList>
#include <QSet>
#include <QTimer>
#include <QWidget>

#include <vector>

class QGraphicsLineItem;
class QLabel;
class QRubberBand;

class QAbstractAxis;
class QAbstractSeries;
class QCategoryAxis;
class QChart;
class QLineSeries;
class QLogValueAxis;
class QScatterSeries;
class QXYSeries;

namespace firebreak {
class TimeRangeController;
}

namespace firebreak::ui {

class ChartCanvas;
class MetricsLegend;
struct PlotData;

/// A Qt Charts plot of a ChartResult on the shared time range. The chart only ever holds decimated data
/// (M4 per pixel column, computed on a worker for the current plot width and range, again after a resize or
/// zoom), one line per gap-free run of a series, all in the series' colour, with one legend entry per series.
/// Hover shows a crosshair and every visible series' value at that time; a drag selects a range and zooms the
/// shared time range; a click on an exemplar marker asks for its trace.
class MetricsChartView final : public QWidget
{
    Q_OBJECT
public:
    explicit MetricsChartView(TimeRangeController& timeRange, QWidget* parent = nullptr);
    ~MetricsChartView() override;

    /// Shows `result` (kept, not copied); the unit scales the Y axis and the values in the tooltip.
    void setResult(ChartResultPtr result, analysis::ValueUnit unit);
    ChartResultPtr result() const { return m_result; }
    analysis::ValueUnit unit() const { return m_unit; }
    void setExemplars(QList<ChartExemplar> exemplars);
    const QList<ChartExemplar>& exemplars() const { return m_exemplars; }
    /// The time axis; follows TimeRangeController::rangeChanged by itself.
    void setRange(TimeRange range);
    TimeRange range() const { return m_range; }

    void setMode(ChartMode mode);
    ChartMode mode() const { return m_mode; }
    void setLogScale(bool log);
    bool logScale() const { return m_log; }
    void setFromZero(bool fromZero);
    bool fromZero() const { return m_fromZero; }
    void setThresholds(const QList<double>& values);
    QList<double> thresholds() const { return m_thresholds; }

    /// Width of the plot area in pixels: the step of a range query and the columns of decimation.
    int plotWidth() const;
    /// The chart as it is on screen (for pinning).
    QImage renderImage() const;

    int seriesCount() const;
    QString seriesName(int index) const;
    bool isSeriesVisible(int index) const;
    void setSeriesVisible(int index, bool visible);
    /// Hides every series but `index`, or shows all again when `index` is the only one shown (Ctrl-click).
    void isolateSeries(int index);
    /// The points the chart holds for series `index`, in time order over all of its lines and markers.
    QList<QPointF> plottedPoints(int index) const;
    /// How many lines (gap-free runs of at least two points) series `index` is drawn with.
    int plottedLineCount(int index) const;
    /// Exemplar markers shown (inside the range, on the scale).
    int exemplarMarkerCount() const;
    /// Where exemplar marker `index` is, in the plot widget's coordinates.
    QPointF exemplarMarkerPosition(int index) const;
    const ChartGeometry& geometry() const { return m_geometry; }
    /// The widget that takes the mouse: drag to zoom, hover, click an exemplar.
    QWidget* plotWidget() const;
    MetricsLegend* legend() const { return m_legend; }
    QString hoverText() const;
    QStringList yAxisLabels() const;
    QStringList xAxisLabels() const;
    /// Decimation or a redraw is pending.
    bool isUpdating() const { return m_updating; }

Q_SIGNALS:
    void openTraceRequested(const QString& traceId);
    /// Decimated data reached the chart.
    void plotUpdated();
    /// A series was hidden or shown from the legend.
    void seriesVisibilityChanged();

private:
    friend class ChartCanvas;

    void scheduleReplot();
    void startReplot();
    void applyPlot(const PlotData& plot);
    void applyExemplars();
    void applyThresholds();
    void updateXAxis();
    void updateYAxis(double dataMin, double dataMax);
    void updateMapping(); // m_geometry from the chart's plot area and axes
    void refreshLegend();
    void attach(QAbstractSeries* series);
    QLineSeries* lineAt(std::size_t index);
    QScatterSeries* scatterAt(std::size_t index);
    void trimPools(std::size_t lines, std::size_t scatters);
    void clearAreas();
    std::vector<char> visibility() const;

    // From the canvas:
    void hoverAt(QPointF position);
    void leave();
    void pressAt(QPointF position);
    void dragTo(QPointF position);
    void releaseAt(QPointF position);
    void doubleClickAt(QPointF position);
    int exemplarAt(QPointF position) const;

    TimeRangeController& m_timeRange;
    QChart* m_chart;
    ChartCanvas* m_canvas;
    MetricsLegend* m_legend;
    QLabel* m_tip;
    QGraphicsLineItem* m_crosshair = nullptr;
    QRubberBand* m_rubberBand;
    QCategoryAxis* m_axisX;
    QCategoryAxis* m_axisY;
    QLogValueAxis* m_axisLog;
    QAbstractAxis* m_currentY;

    ChartResultPtr m_result;
    analysis::ValueUnit m_unit = analysis::ValueUnit::None;
    QList<ChartExemplar> m_exemplars;
    TimeRange m_range;
    ChartMode m_mode = ChartMode::Lines;
    bool m_log = false;
    bool m_fromZero = false;
    QList<double> m_thresholds;
    QSet<QString> m_hidden; // ChartSeries::key()

    std::vector<QLineSeries*> m_lines; // pooled: reused between updates, the chart's slowest part is adding
    std::vector<QScatterSeries*> m_scatters;
    std::vector<QAbstractSeries*> m_areas;
    std::vector<QLineSeries*> m_thresholdLines;
    QScatterSeries* m_exemplarSeries;
    std::vector<int> m_exemplarShown; // marker -> index into m_exemplars
    std::vector<std::vector<QXYSeries*>> m_plotted; // result series -> chart series showing it

    ChartGeometry m_geometry;
    double m_dataMin = 0;
    double m_dataMax = 1;
    QSizeF m_axesFor; // the plot size the axis ticks were made for
    QTimer m_replotTimer;
    quint64 m_job = 0;
    int m_columns = 0;
    bool m_updating = false;
    bool m_exemplarsOnTop = true;
    QList<QPair<QString, double>> m_yTicks; // what the Y axis shows: unchanged ticks are not set again
    QList<QPair<QString, double>> m_xTicks;
    bool m_dragging = false;
    QPointF m_dragStart;
    QPointF m_hover;
    bool m_hovering = false;
};

} // namespace firebreak::ui
