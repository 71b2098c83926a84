#include "metricschartview.h"

#include "analysis/decimation.h"
#include "analysis/legendformat.h"
#include "metricslegend.h"
#include "model/timerangecontroller.h"
#include "timeticks.h"

#include <QAreaSeries>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QGraphicsLayout>
#include <QGraphicsLineItem>
#include <QHash>
#include <QLabel>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QMouseEvent>
#include <QRubberBand>
#include <QScatterSeries>
#include <QtConcurrent/QtConcurrentRun>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <limits>

namespace firebreak::ui {

using analysis::ValueUnit;

/// Decimated series for one plot: what the worker hands to the GUI thread.
struct PlotData
{
    struct Plotted
    {
        std::size_t source = 0; // index into ChartResult::series
        QList<QList<QPointF>> runs;
        QList<QList<QPointF>> lower; // stacked areas only: the base under each run, point for point
    };
    std::vector<Plotted> series;
    double yMin = std::numeric_limits<double>::infinity();
    double yMax = -std::numeric_limits<double>::infinity();
    int columns = 0;
};

namespace {

constexpr int MaxTooltipRows = 25;
constexpr double ExemplarHitPx = 8;
constexpr double DragThresholdPx = 5;

struct PlotJob
{
    ChartResultPtr result;
    std::vector<char> visible;
    TimeRange range;
    int columns = 0;
    ChartMode mode = ChartMode::Lines;
    bool log = false;
};

qint64 gapFor(const ChartResult& result)
{
    // Prometheus answers on the step grid and leaves out steps without data: a missing step is a gap. An instant
    // result has one point per series and nothing to join.
    return result.stepMs > 0 ? result.stepMs + result.stepMs / 2 : 0;
}

PlotData computePlot(const PlotJob& job)
{
    PlotData plot;
    plot.columns = job.columns;
    const ChartResult& result = *job.result;
    const qint64 gapMs = gapFor(result);
    QHash<qint64, double> base; // stacked: sum of the series below at each time
    for (std::size_t i = 0; i < result.series.size(); ++i) {
        if (!job.visible[i])
            continue;
        const Series& raw = result.series[i].data;
        const Series* source = &raw;
        Series transformed;
        QHash<qint64, double> lowerAt;
        if (job.mode == ChartMode::StackedArea || job.log) {
            transformed.timesMs = raw.timesMs;
            transformed.values.reserve(raw.values.size());
            for (std::size_t j = 0; j < raw.values.size(); ++j) {
                double v = raw.values[j];
                if (job.mode == ChartMode::StackedArea) {
                    const qint64 t = raw.timesMs[j];
                    const double below = base.value(t, 0.0);
                    lowerAt.insert(t, below);
                    if (std::isfinite(v)) {
                        v += below;
                        base.insert(t, v);
                    } else {
                        v = std::numeric_limits<double>::quiet_NaN(); // a hole in this layer, not in the stack
                    }
                }
                if (job.log && !(v > 0))
                    v = std::numeric_limits<double>::quiet_NaN(); // no place on a log scale: a gap
                transformed.values.push_back(v);
            }
            source = &transformed;
        }
        PlotData::Plotted plotted;
        plotted.source = i;
        plotted.runs = analysis::decimateM4(*source, job.range.fromMs, job.range.toMs, job.columns, gapMs);
        for (const QList<QPointF>& run : std::as_const(plotted.runs)) {
            for (const QPointF& p : run) {
                plot.yMin = std::min(plot.yMin, p.y());
                plot.yMax = std::max(plot.yMax, p.y());
            }
            if (job.mode == ChartMode::StackedArea) {
                QList<QPointF> lower;
                lower.reserve(run.size());
                for (const QPointF& p : run) {
                    const double below = lowerAt.value(static_cast<qint64>(p.x()), 0.0);
                    lower.append({ p.x(), below });
                    plot.yMin = std::min(plot.yMin, below);
                }
                plotted.lower.append(std::move(lower));
            }
        }
        plot.series.push_back(std::move(plotted));
    }
    return plot;
}

std::size_t nearestSample(const Series& series, qint64 t)
{
    const auto& times = series.timesMs;
    const auto it = std::lower_bound(times.begin(), times.end(), t);
    if (it == times.end())
        return times.size() - 1;
    if (it == times.begin())
        return 0;
    const auto before = std::prev(it);
    return static_cast<std::size_t>((t - *before <= *it - t ? before : it) - times.begin());
}

void clearCategories(QCategoryAxis* axis)
{
    const QStringList labels = axis->categoriesLabels();
    for (const QString& label : labels)
        axis->remove(label);
}

QString htmlEscaped(const QString& text)
{
    return text.toHtmlEscaped();
}

} // namespace

/// The QChartView: passes the mouse to MetricsChartView, which owns the behaviour.
class ChartCanvas final : public QChartView
{
public:
    ChartCanvas(QChart* chart, MetricsChartView* owner)
        : QChartView(chart, owner)
        , m_owner(owner)
    {
        setObjectName(QStringLiteral("metricsChartCanvas"));
        setMouseTracking(true);
        viewport()->setMouseTracking(true);
        setRenderHint(QPainter::Antialiasing);
        setRubberBand(QChartView::NoRubberBand);
    }

protected:
    void mouseMoveEvent(QMouseEvent* event) override
    {
        if (m_owner->m_dragging)
            m_owner->dragTo(event->position());
        m_owner->hoverAt(event->position());
        event->accept();
    }
    void mousePressEvent(QMouseEvent* event) override
    {
        if (event->button() == Qt::LeftButton)
            m_owner->pressAt(event->position());
        event->accept();
    }
    void mouseReleaseEvent(QMouseEvent* event) override
    {
        if (event->button() == Qt::LeftButton)
            m_owner->releaseAt(event->position());
        event->accept();
    }
    void mouseDoubleClickEvent(QMouseEvent* event) override
    {
        if (event->button() == Qt::LeftButton)
            m_owner->doubleClickAt(event->position());
        event->accept();
    }
    void leaveEvent(QEvent* event) override
    {
        m_owner->leave();
        QChartView::leaveEvent(event);
    }

private:
    MetricsChartView* m_owner;
};

MetricsChartView::MetricsChartView(TimeRangeController& timeRange, QWidget* parent)
    : QWidget(parent)
    , m_timeRange(timeRange)
    , m_chart(new QChart)
    , m_canvas(new ChartCanvas(m_chart, this))
    , m_legend(new MetricsLegend(this))
    , m_tip(new QLabel(m_canvas))
    , m_rubberBand(new QRubberBand(QRubberBand::Rectangle, m_canvas->viewport()))
    , m_axisX(new QCategoryAxis)
    , m_axisY(new QCategoryAxis)
    , m_axisLog(new QLogValueAxis)
    , m_currentY(m_axisY)
    , m_range(timeRange.range())
    , m_exemplarSeries(new QScatterSeries)
{
    setObjectName(QStringLiteral("metricsChart"));
    m_chart->legend()->hide(); // MetricsLegend: one entry per series, not one per line
    m_chart->setMargins(QMargins(4, 8, 24, 4)); // room for the last time label, centred on the right edge
    m_chart->layout()->setContentsMargins(0, 0, 0, 0);
    m_chart->setBackgroundRoundness(0);
    const bool dark = palette().color(QPalette::Window).lightness() < 128;
    m_chart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    m_chart->setBackgroundBrush(palette().base());
    m_chart->setAnimationOptions(QChart::NoAnimation);

    QFont axisFont = font();
    axisFont.setPointSizeF(axisFont.pointSizeF() * 0.85);
    for (QAbstractAxis* axis : { static_cast<QAbstractAxis*>(m_axisX), static_cast<QAbstractAxis*>(m_axisY),
             static_cast<QAbstractAxis*>(m_axisLog) }) {
        axis->setLabelsFont(axisFont);
        QPen grid = axis->gridLinePen();
        grid.setColor(palette().color(QPalette::Mid));
        grid.setWidthF(0.5);
        axis->setGridLinePen(grid);
    }
    m_axisX->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    m_axisY->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    m_axisLog->setBase(10);
    m_axisLog->setLabelFormat(QStringLiteral("%g"));
    m_axisLog->setMinorTickCount(-1);
    m_chart->addAxis(m_axisX, Qt::AlignBottom);
    m_chart->addAxis(m_axisY, Qt::AlignLeft);

    m_exemplarSeries->setName(tr("Exemplars"));
    m_exemplarSeries->setMarkerShape(QScatterSeries::MarkerShapeRotatedRectangle);
    m_exemplarSeries->setMarkerSize(11);
    m_exemplarSeries->setColor(palette().color(QPalette::Text));
    m_exemplarSeries->setBorderColor(palette().color(QPalette::Base));
    attach(m_exemplarSeries);

    m_crosshair = new QGraphicsLineItem;
    QPen crosshairPen(palette().color(QPalette::Text));
    crosshairPen.setStyle(Qt::DashLine);
    crosshairPen.setCosmetic(true);
    m_crosshair->setPen(crosshairPen);
    m_crosshair->setZValue(1000);
    m_crosshair->hide();
    m_canvas->scene()->addItem(m_crosshair);

    m_tip->setObjectName(QStringLiteral("metricsHoverTip"));
    m_tip->setTextFormat(Qt::RichText);
    m_tip->setAutoFillBackground(true);
    m_tip->setFrameShape(QFrame::StyledPanel);
    m_tip->setMargin(6);
    m_tip->setAttribute(Qt::WA_TransparentForMouseEvents);
    m_tip->setBackgroundRole(QPalette::ToolTipBase);
    m_tip->setForegroundRole(QPalette::ToolTipText);
    m_tip->hide();

    m_canvas->setMinimumHeight(160);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_canvas, 1);
    layout->addWidget(m_legend);

    m_replotTimer.setSingleShot(true);
    m_replotTimer.setInterval(0);
    connect(&m_replotTimer, &QTimer::timeout, this, &MetricsChartView::startReplot);
    connect(m_chart, &QChart::plotAreaChanged, this, [this](const QRectF& area) {
        updateMapping();
        // New tick counts for the new size; the axes' new labels may move the plot area once more, by a little.
        if (std::abs(area.width() - m_axesFor.width()) >= 20 || std::abs(area.height() - m_axesFor.height()) >= 20) {
            m_axesFor = area.size();
            updateXAxis();
            updateYAxis(m_dataMin, m_dataMax);
        }
        if (m_result && static_cast<int>(area.width()) != m_columns)
            scheduleReplot(); // another width: decimate for the new number of columns
    });
    connect(m_legend, &MetricsLegend::entryClicked, this, [this](int index, Qt::KeyboardModifiers modifiers) {
        if (modifiers & Qt::ControlModifier)
            isolateSeries(index);
        else
            setSeriesVisible(index, !isSeriesVisible(index));
    });
    connect(&m_timeRange, &TimeRangeController::rangeChanged, this, &MetricsChartView::setRange);
    connect(&m_timeRange, &TimeRangeController::displayChanged, this, [this] {
        updateXAxis();
        if (m_hovering)
            hoverAt(m_hover);
    });
    updateXAxis();
    updateYAxis(0, 1);
}

MetricsChartView::~MetricsChartView()
{
    // The chart owns the Y axis it shows; the other one is ours.
    delete (m_currentY == m_axisY ? static_cast<QAbstractAxis*>(m_axisLog) : static_cast<QAbstractAxis*>(m_axisY));
}

void MetricsChartView::setResult(ChartResultPtr result, ValueUnit unit)
{
    m_result = std::move(result);
    m_unit = unit;
    refreshLegend();
    scheduleReplot();
}

void MetricsChartView::setExemplars(QList<ChartExemplar> exemplars)
{
    m_exemplars = std::move(exemplars);
    applyExemplars();
}

void MetricsChartView::setRange(TimeRange range)
{
    if (!range.isValid() || range == m_range)
        return;
    m_range = range;
    updateXAxis();
    updateMapping();
    applyThresholds();
    applyExemplars();
    // The old data on the new axis straight away; the workspace's new answer follows.
    scheduleReplot();
}

void MetricsChartView::setMode(ChartMode mode)
{
    if (mode == m_mode)
        return;
    m_mode = mode;
    scheduleReplot();
}

void MetricsChartView::setLogScale(bool log)
{
    if (log == m_log)
        return;
    m_log = log;
    QAbstractAxis* next = log ? static_cast<QAbstractAxis*>(m_axisLog) : static_cast<QAbstractAxis*>(m_axisY);
    const QList<QAbstractSeries*> all = m_chart->series();
    for (QAbstractSeries* series : all)
        series->detachAxis(m_currentY);
    m_chart->removeAxis(m_currentY);
    m_chart->addAxis(next, Qt::AlignLeft);
    for (QAbstractSeries* series : all)
        series->attachAxis(next);
    m_currentY = next;
    applyExemplars();
    scheduleReplot();
}

void MetricsChartView::setFromZero(bool fromZero)
{
    if (fromZero == m_fromZero)
        return;
    m_fromZero = fromZero;
    updateYAxis(m_dataMin, m_dataMax);
}

void MetricsChartView::setThresholds(const QList<double>& values)
{
    if (values == m_thresholds)
        return;
    m_thresholds = values;
    updateYAxis(m_dataMin, m_dataMax);
    applyThresholds();
}

int MetricsChartView::plotWidth() const
{
    const int width = static_cast<int>(m_chart->plotArea().width());
    // Before the first layout the plot area is empty: the canvas less the axis labels is close enough.
    return width > 10 ? width : std::max(100, m_canvas->width() - 80);
}

QImage MetricsChartView::renderImage() const
{
    return m_canvas->grab().toImage();
}

int MetricsChartView::seriesCount() const
{
    return m_result ? static_cast<int>(m_result->series.size()) : 0;
}

QString MetricsChartView::seriesName(int index) const
{
    return index >= 0 && index < seriesCount() ? m_result->series[static_cast<std::size_t>(index)].name : QString();
}

bool MetricsChartView::isSeriesVisible(int index) const
{
    return index >= 0 && index < seriesCount()
        && !m_hidden.contains(m_result->series[static_cast<std::size_t>(index)].key());
}

void MetricsChartView::setSeriesVisible(int index, bool visible)
{
    if (index < 0 || index >= seriesCount() || visible == isSeriesVisible(index))
        return;
    const QString key = m_result->series[static_cast<std::size_t>(index)].key();
    if (visible)
        m_hidden.remove(key);
    else
        m_hidden.insert(key);
    refreshLegend();
    scheduleReplot();
    Q_EMIT seriesVisibilityChanged();
}

void MetricsChartView::isolateSeries(int index)
{
    if (index < 0 || index >= seriesCount())
        return;
    bool onlyThis = isSeriesVisible(index);
    for (int i = 0; i < seriesCount() && onlyThis; ++i)
        onlyThis = i == index || !isSeriesVisible(i);
    m_hidden.clear();
    if (!onlyThis) {
        for (int i = 0; i < seriesCount(); ++i) {
            if (i != index)
                m_hidden.insert(m_result->series[static_cast<std::size_t>(i)].key());
        }
    }
    refreshLegend();
    scheduleReplot();
    Q_EMIT seriesVisibilityChanged();
}

QList<QPointF> MetricsChartView::plottedPoints(int index) const
{
    QList<QPointF> points;
    if (index < 0 || static_cast<std::size_t>(index) >= m_plotted.size())
        return points;
    for (const QXYSeries* series : m_plotted[static_cast<std::size_t>(index)])
        points += series->points();
    std::stable_sort(points.begin(), points.end(), [](const QPointF& a, const QPointF& b) { return a.x() < b.x(); });
    return points;
}

int MetricsChartView::plottedLineCount(int index) const
{
    if (index < 0 || static_cast<std::size_t>(index) >= m_plotted.size())
        return 0;
    const auto& shown = m_plotted[static_cast<std::size_t>(index)];
    return static_cast<int>(std::count_if(
        shown.begin(), shown.end(), [](const QXYSeries* s) { return s->type() == QAbstractSeries::SeriesTypeLine; }));
}

int MetricsChartView::exemplarMarkerCount() const
{
    return static_cast<int>(m_exemplarShown.size());
}

QPointF MetricsChartView::exemplarMarkerPosition(int index) const
{
    if (index < 0 || index >= exemplarMarkerCount())
        return {};
    const ChartExemplar& e = m_exemplars[m_exemplarShown[static_cast<std::size_t>(index)]];
    return m_canvas->mapFromScene(m_chart->mapToPosition(QPointF(double(e.timeMs), e.value), m_exemplarSeries));
}

QWidget* MetricsChartView::plotWidget() const
{
    return m_canvas->viewport();
}

QString MetricsChartView::hoverText() const
{
    return m_tip->isVisible() ? m_tip->text() : QString();
}

QStringList MetricsChartView::yAxisLabels() const
{
    return m_axisY->categoriesLabels();
}

QStringList MetricsChartView::xAxisLabels() const
{
    return m_axisX->categoriesLabels();
}

void MetricsChartView::scheduleReplot()
{
    m_updating = true;
    m_replotTimer.start();
}

std::vector<char> MetricsChartView::visibility() const
{
    std::vector<char> visible(static_cast<std::size_t>(seriesCount()));
    for (int i = 0; i < seriesCount(); ++i)
        visible[static_cast<std::size_t>(i)] = isSeriesVisible(i) ? 1 : 0;
    return visible;
}

void MetricsChartView::startReplot()
{
    const quint64 job = ++m_job;
    if (!m_result || !m_range.isValid()) {
        applyPlot(PlotData {});
        return;
    }
    PlotJob input;
    input.result = m_result;
    input.visible = visibility();
    input.range = m_range;
    input.columns = plotWidth();
    input.mode = m_mode;
    input.log = m_log;
    m_updating = true;
    (void)QtConcurrent::run([input = std::move(input)] {
        return computePlot(input);
    }).then(this, [this, job](PlotData plot) {
        if (job == m_job)
            applyPlot(plot);
    });
}

void MetricsChartView::attach(QAbstractSeries* series)
{
    m_chart->addSeries(series);
    series->attachAxis(m_axisX);
    series->attachAxis(m_currentY);
}

QLineSeries* MetricsChartView::lineAt(std::size_t index)
{
    while (m_lines.size() <= index) {
        auto* line = new QLineSeries;
        attach(line);
        m_exemplarsOnTop = false;
        m_lines.push_back(line);
    }
    return m_lines[index];
}

QScatterSeries* MetricsChartView::scatterAt(std::size_t index)
{
    while (m_scatters.size() <= index) {
        auto* scatter = new QScatterSeries;
        scatter->setMarkerShape(QScatterSeries::MarkerShapeCircle);
        attach(scatter);
        m_exemplarsOnTop = false;
        m_scatters.push_back(scatter);
    }
    return m_scatters[index];
}

void MetricsChartView::trimPools(std::size_t lines, std::size_t scatters)
{
    // Unused pooled series stay (empty, hidden) for the next update, unless far more than needed.
    const auto trim = [this](auto& pool, std::size_t used) {
        for (std::size_t i = used; i < pool.size(); ++i) {
            if (pool[i]->count() > 0)
                pool[i]->clear();
            if (pool[i]->isVisible())
                pool[i]->setVisible(false);
        }
        while (pool.size() > used + 64) {
            m_chart->removeSeries(pool.back());
            delete pool.back();
            pool.pop_back();
        }
    };
    trim(m_lines, lines);
    trim(m_scatters, scatters);
}

void MetricsChartView::clearAreas()
{
    for (QAbstractSeries* area : m_areas) {
        m_chart->removeSeries(area);
        delete area;
    }
    m_areas.clear();
}

void MetricsChartView::applyPlot(const PlotData& plot)
{
    m_columns = plot.columns;
    m_dataMin = plot.yMin;
    m_dataMax = plot.yMax;
    // Qt Charts recomputes a line's shape (a stroked path, most of an update's cost) whenever its points or its
    // axes' ranges change. Emptied first, the lines cost nothing when the axes move; each is laid out once, when
    // its new points arrive on the final scale.
    for (QLineSeries* line : m_lines) {
        if (line->count() > 0)
            line->clear();
    }
    applyExemplars(); // and the Y axis
    applyThresholds();
    m_plotted.assign(static_cast<std::size_t>(seriesCount()), {});
    clearAreas();
    std::size_t lines = 0;
    std::size_t scatters = 0;
    for (const PlotData::Plotted& plotted : plot.series) {
        auto& shown = m_plotted[plotted.source];
        const QColor c = m_result->series[plotted.source].color;
        QList<QPointF> singles;
        if (m_mode == ChartMode::Points) {
            for (const QList<QPointF>& run : plotted.runs)
                singles += run;
        } else if (m_mode == ChartMode::StackedArea) {
            for (qsizetype r = 0; r < plotted.runs.size(); ++r) {
                if (plotted.runs[r].size() < 2) {
                    singles += plotted.runs[r];
                    continue;
                }
                auto* upper = new QLineSeries;
                auto* lower = new QLineSeries;
                upper->replace(plotted.runs[r]);
                QList<QPointF> base = plotted.lower[r];
                if (m_log) {
                    for (QPointF& p : base)
                        p.setY(std::max(p.y(), m_axisLog->min()));
                }
                lower->replace(base);
                auto* area = new QAreaSeries(upper, lower);
                upper->setParent(area);
                lower->setParent(area);
                QColor fill = c;
                fill.setAlphaF(0.55F);
                area->setBrush(fill);
                QPen pen(c);
                pen.setWidthF(1.2);
                area->setPen(pen);
                attach(area);
                m_exemplarsOnTop = false;
                m_areas.push_back(area);
                shown.push_back(upper);
            }
        } else {
            QPen pen(c);
            pen.setWidthF(1.5);
            pen.setCosmetic(true); // the raster engine draws cosmetic lines without stroking them into polygons
            for (const QList<QPointF>& run : plotted.runs) {
                if (run.size() < 2) {
                    singles += run; // a lone sample between gaps: a dot, or it would not show at all
                    continue;
                }
                QLineSeries* line = lineAt(lines++);
                if (line->pen() != pen)
                    line->setPen(pen);
                line->replace(run);
                if (!line->isVisible())
                    line->setVisible(true);
                shown.push_back(line);
            }
        }
        if (!singles.isEmpty()) {
            QScatterSeries* scatter = scatterAt(scatters++);
            if (scatter->color() != c) {
                scatter->setColor(c);
                scatter->setBorderColor(c);
            }
            scatter->setMarkerSize(m_mode == ChartMode::Points ? 6 : 5);
            scatter->replace(singles);
            if (!scatter->isVisible())
                scatter->setVisible(true);
            shown.push_back(scatter);
        }
    }
    trimPools(lines, scatters);
    if (!m_exemplarsOnTop) {
        // Series are drawn in the order they were added: the markers go last again.
        m_chart->removeSeries(m_exemplarSeries);
        attach(m_exemplarSeries);
        m_exemplarsOnTop = true;
    }
    m_updating = m_replotTimer.isActive();
    if (m_hovering)
        hoverAt(m_hover);
    Q_EMIT plotUpdated();
}

void MetricsChartView::applyExemplars()
{
    m_exemplarShown.clear();
    QList<QPointF> points;
    for (qsizetype i = 0; i < m_exemplars.size(); ++i) {
        const ChartExemplar& e = m_exemplars[i];
        if (e.timeMs < m_range.fromMs || e.timeMs > m_range.toMs || !std::isfinite(e.value) || (m_log && e.value <= 0))
            continue;
        points.append({ double(e.timeMs), e.value });
        m_exemplarShown.push_back(static_cast<int>(i));
    }
    m_exemplarSeries->replace(points);
    updateYAxis(m_dataMin, m_dataMax); // markers are never left off the scale
}

void MetricsChartView::applyThresholds()
{
    const int wanted = static_cast<int>(m_thresholds.size());
    while (static_cast<int>(m_thresholdLines.size()) < wanted) {
        auto* line = new QLineSeries;
        QPen pen(QColor(0xe0, 0x2f, 0x44));
        pen.setStyle(Qt::DashLine);
        pen.setWidthF(1.5);
        line->setPen(pen);
        attach(line);
        m_exemplarsOnTop = false;
        m_thresholdLines.push_back(line);
    }
    for (std::size_t i = 0; i < m_thresholdLines.size(); ++i) {
        QLineSeries* line = m_thresholdLines[i];
        if (static_cast<int>(i) >= wanted || (m_log && m_thresholds[static_cast<qsizetype>(i)] <= 0)) {
            line->clear();
            line->setVisible(false);
            continue;
        }
        const double v = m_thresholds[static_cast<qsizetype>(i)];
        line->replace({ QPointF(double(m_range.fromMs), v), QPointF(double(m_range.toMs), v) });
        line->setVisible(true);
    }
}

void MetricsChartView::updateXAxis()
{
    if (!m_range.isValid())
        return;
    const TimeDisplay display = m_timeRange.display();
    const int maxTicks = std::max(2, plotWidth() / 110);
    const TimeTicks ticks = timeTicks(m_range.fromMs, m_range.toMs, maxTicks, display);
    QList<QPair<QString, double>> wanted;
    for (qint64 t : ticks.ticksMs)
        wanted.append({ timeTickLabel(t, ticks.stepMs, m_range.durationMs(), display), double(t) });
    if (wanted != m_xTicks) {
        m_xTicks = wanted;
        clearCategories(m_axisX);
        // Labels sit at the end of each category: the first category starts one step before the first tick.
        const double first = ticks.ticksMs.isEmpty() ? double(m_range.fromMs) : double(ticks.ticksMs.first());
        m_axisX->setStartValue(first - double(std::max<qint64>(ticks.stepMs, 1)));
        for (const auto& [label, value] : std::as_const(wanted))
            m_axisX->append(label, value);
    }
    if (m_axisX->min() != double(m_range.fromMs) || m_axisX->max() != double(m_range.toMs))
        m_axisX->setRange(double(m_range.fromMs), double(m_range.toMs));
    updateMapping();
}

void MetricsChartView::updateYAxis(double dataMin, double dataMax)
{
    double lo = dataMin;
    double hi = dataMax;
    QList<double> extra = m_thresholds;
    for (int shown : m_exemplarShown)
        extra.append(m_exemplars[shown].value);
    for (double t : std::as_const(extra)) {
        if (std::isfinite(t) && (!m_log || t > 0)) {
            lo = std::min(lo, t);
            hi = std::max(hi, t);
        }
    }
    const bool empty = !(lo <= hi) || !std::isfinite(lo) || !std::isfinite(hi);
    if (m_log) {
        if (empty || hi <= 0) {
            lo = 1;
            hi = 10;
        }
        const double min = std::pow(10.0, std::floor(std::log10(lo)));
        double max = std::pow(10.0, std::ceil(std::log10(hi)));
        if (max <= min)
            max = min * 10;
        if (m_axisLog->min() != min || m_axisLog->max() != max)
            m_axisLog->setRange(min, max);
        updateMapping();
        return;
    }
    if (empty) {
        lo = 0;
        hi = 1;
    }
    if (m_fromZero || m_mode == ChartMode::StackedArea) {
        lo = std::min(lo, 0.0);
        hi = std::max(hi, 0.0);
    }
    if (lo == hi) {
        const double pad = lo == 0 ? 1.0 : std::abs(lo) * 0.1;
        lo -= pad;
        hi += pad;
    }
    const int height = static_cast<int>(m_chart->plotArea().height());
    const int maxTicks = std::clamp(height / 40, 2, 10);
    double step = analysis::niceStep(lo, hi, maxTicks, m_unit);
    if (!(step > 0) || !std::isfinite(step))
        step = (hi - lo) / maxTicks;
    const double min = std::floor(lo / step + 1e-9) * step;
    double max = std::ceil(hi / step - 1e-9) * step;
    if (max <= min)
        max = min + step;
    const auto count = static_cast<int>(std::llround((max - min) / step));
    // Labels must differ (QCategoryAxis keys on them): more digits when 3 significant ones repeat.
    QStringList labels;
    for (int significant = 3; significant <= 8; ++significant) {
        labels.clear();
        for (int k = 0; k <= count; ++k) {
            double v = min + k * step;
            if (std::abs(v) < step * 1e-9)
                v = 0;
            labels << analysis::formatValue(v, m_unit, significant);
        }
        if (QSet<QString>(labels.begin(), labels.end()).size() == labels.size())
            break;
    }
    QList<QPair<QString, double>> wanted;
    QSet<QString> used;
    for (int k = 0; k <= count; ++k) {
        if (used.contains(labels[k]))
            continue;
        used.insert(labels[k]);
        wanted.append({ labels[k], min + k * step });
    }
    if (wanted != m_yTicks) {
        m_yTicks = wanted;
        clearCategories(m_axisY);
        m_axisY->setStartValue(min - step);
        for (const auto& [label, value] : std::as_const(wanted))
            m_axisY->append(label, value);
    }
    if (m_axisY->min() != min || m_axisY->max() != max)
        m_axisY->setRange(min, max);
    updateMapping();
}

void MetricsChartView::updateMapping()
{
    m_geometry.plotArea = m_chart->plotArea().translated(m_canvas->mapFromScene(QPointF(0, 0)));
    m_geometry.xMin = double(m_range.fromMs);
    m_geometry.xMax = double(m_range.toMs);
    m_geometry.logY = m_log;
    if (m_log) {
        m_geometry.yMin = m_axisLog->min();
        m_geometry.yMax = m_axisLog->max();
    } else {
        m_geometry.yMin = m_axisY->min();
        m_geometry.yMax = m_axisY->max();
    }
}

void MetricsChartView::refreshLegend()
{
    QList<MetricsLegend::Entry> entries;
    for (int i = 0; i < seriesCount(); ++i) {
        const ChartSeries& s = m_result->series[static_cast<std::size_t>(i)];
        QString tip = s.queryRef + QStringLiteral(": ") + analysis::formatLegend({}, s.labels);
        tip += u'\n' + tr("Click: hide or show. Ctrl+click: show only this one (again: show all).");
        entries.append({ s.name, s.color, isSeriesVisible(i), tip });
    }
    m_legend->setEntries(entries);
    m_legend->setVisible(!entries.isEmpty());
}

int MetricsChartView::exemplarAt(QPointF position) const
{
    int best = -1;
    double bestDistance = ExemplarHitPx;
    for (int i = 0; i < exemplarMarkerCount(); ++i) {
        const QPointF d = exemplarMarkerPosition(i) - position;
        const double distance = std::hypot(d.x(), d.y());
        if (distance <= bestDistance) {
            best = i;
            bestDistance = distance;
        }
    }
    return best;
}

void MetricsChartView::hoverAt(QPointF position)
{
    m_hover = position;
    updateMapping();
    if (!m_geometry.isValid() || !m_geometry.plotArea.contains(position)) {
        leave();
        return;
    }
    m_hovering = true;
    const QPointF top = m_canvas->mapToScene(QPoint(int(position.x()), int(m_geometry.plotArea.top())));
    const QPointF bottom = m_canvas->mapToScene(QPoint(int(position.x()), int(m_geometry.plotArea.bottom())));
    m_crosshair->setLine(QLineF(top, bottom));
    m_crosshair->show();

    const TimeDisplay display = m_timeRange.display();
    QString html;
    const int exemplar = exemplarAt(position);
    if (exemplar >= 0) {
        const ChartExemplar& e = m_exemplars[m_exemplarShown[static_cast<std::size_t>(exemplar)]];
        html = QStringLiteral("<b>%1</b> %2<br>%3<br>")
                   .arg(tr("Exemplar"), htmlEscaped(formatTime(e.timeMs, display, true)),
                       htmlEscaped(analysis::formatValue(e.value, m_unit)));
        if (!e.traceId.isEmpty())
            html += tr("Trace %1 — click to open").arg(QStringLiteral("<tt>%1</tt>").arg(htmlEscaped(e.traceId)));
        html += QStringLiteral("<br><small>%1</small>")
                    .arg(htmlEscaped(
                        analysis::formatLabelSet(e.labels) + u' ' + analysis::formatLegend({}, e.seriesLabels)));
    } else {
        const auto t = static_cast<qint64>(std::llround(m_geometry.xToTime(position.x())));
        html = QStringLiteral("<b>%1</b>").arg(htmlEscaped(formatTime(t, display, true)));
        const qint64 tolerance = m_result && !m_result->instant ? std::max<qint64>(gapFor(*m_result), 1)
                                                                : std::numeric_limits<qint64>::max();
        int rows = 0;
        int more = 0;
        for (int i = 0; i < seriesCount(); ++i) {
            if (!isSeriesVisible(i))
                continue;
            const ChartSeries& s = m_result->series[static_cast<std::size_t>(i)];
            if (s.data.timesMs.empty())
                continue;
            const std::size_t at = nearestSample(s.data, t);
            if (std::abs(s.data.timesMs[at] - t) > tolerance)
                continue;
            if (rows == MaxTooltipRows) {
                ++more;
                continue;
            }
            ++rows;
            html += QStringLiteral("<br><span style=\"color:%1\">■</span> %2: <b>%3</b>")
                        .arg(s.color.name(), htmlEscaped(s.name),
                            htmlEscaped(analysis::formatValue(s.data.values[at], m_unit)));
        }
        if (more > 0)
            html += QStringLiteral("<br>") + tr("… and %n more", nullptr, more);
        if (rows == 0 && more == 0)
            html += QStringLiteral("<br>") + tr("No data at this time");
    }
    m_tip->setText(html);
    m_tip->adjustSize();
    QPoint at = position.toPoint() + QPoint(16, 16);
    if (at.x() + m_tip->width() > m_canvas->width())
        at.setX(position.toPoint().x() - 16 - m_tip->width());
    if (at.y() + m_tip->height() > m_canvas->height())
        at.setY(std::max(0, m_canvas->height() - m_tip->height()));
    m_tip->move(m_canvas->viewport()->mapTo(m_canvas, at));
    m_tip->show();
    m_tip->raise();
    m_canvas->viewport()->setCursor(exemplar >= 0 ? Qt::PointingHandCursor : Qt::CrossCursor);
}

void MetricsChartView::leave()
{
    m_hovering = false;
    m_crosshair->hide();
    m_tip->hide();
}

void MetricsChartView::pressAt(QPointF position)
{
    updateMapping();
    if (!m_geometry.isValid() || !m_geometry.plotArea.contains(position))
        return;
    m_dragging = true;
    m_dragStart = position;
}

void MetricsChartView::dragTo(QPointF position)
{
    const double x0 = std::clamp(m_dragStart.x(), m_geometry.plotArea.left(), m_geometry.plotArea.right());
    const double x1 = std::clamp(position.x(), m_geometry.plotArea.left(), m_geometry.plotArea.right());
    if (std::abs(x1 - x0) < DragThresholdPx) {
        m_rubberBand->hide();
        return;
    }
    m_rubberBand->setGeometry(QRectF(
        QPointF(std::min(x0, x1), m_geometry.plotArea.top()), QPointF(std::max(x0, x1), m_geometry.plotArea.bottom()))
                                  .toRect());
    m_rubberBand->show();
}

void MetricsChartView::releaseAt(QPointF position)
{
    if (!m_dragging)
        return;
    m_dragging = false;
    m_rubberBand->hide();
    const double x0 = std::clamp(m_dragStart.x(), m_geometry.plotArea.left(), m_geometry.plotArea.right());
    const double x1 = std::clamp(position.x(), m_geometry.plotArea.left(), m_geometry.plotArea.right());
    if (std::abs(x1 - x0) >= DragThresholdPx) {
        const auto from = static_cast<qint64>(std::llround(m_geometry.xToTime(std::min(x0, x1))));
        const auto to = static_cast<qint64>(std::llround(m_geometry.xToTime(std::max(x0, x1))));
        if (to > from)
            m_timeRange.zoomIn({ from, to });
        return;
    }
    const int exemplar = exemplarAt(position);
    if (exemplar >= 0) {
        const QString traceId = m_exemplars[m_exemplarShown[static_cast<std::size_t>(exemplar)]].traceId;
        if (!traceId.isEmpty())
            Q_EMIT openTraceRequested(traceId);
    }
}

void MetricsChartView::doubleClickAt(QPointF position)
{
    if (exemplarAt(position) < 0)
        m_timeRange.zoomOut(); // as Grafana: a double click steps back out
}

} // namespace firebreak::ui
