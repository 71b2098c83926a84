#pragma once

#include "analysis/logvolume.h"
#include "model/timerangecontroller.h"

#include <QWidget>

#include <cmath>

namespace firebreak::ui {

/// Where things are in the volume histogram: time <-> x over the shown range, count <-> y. Kept apart from
/// painting so it can be tested.
struct VolumeHistogramGeometry
{
    int width = 600;
    int height = 80;
    int leftMargin = 4;
    int rightMargin = 4;
    int topMargin = 16; // the status line (estimated, loading) and the scale
    int axisHeight = 16; // time labels below the bars
    qint64 fromNs = 0; // the shown range
    qint64 toNs = 1;

    double plotLeft() const { return leftMargin; }
    double plotRight() const { return std::max(leftMargin + 1, width - rightMargin); }
    double plotWidth() const { return plotRight() - plotLeft(); }
    double plotTop() const { return topMargin; }
    double plotBottom() const { return std::max(topMargin + 1, height - axisHeight); }
    double plotHeight() const { return plotBottom() - plotTop(); }
    qint64 spanNs() const { return std::max<qint64>(1, toNs - fromNs); }

    double timeToX(qint64 ns) const
    {
        return plotLeft() + static_cast<double>(ns - fromNs) * plotWidth() / static_cast<double>(spanNs());
    }
    qint64 xToTime(double x) const
    {
        const double clamped = std::clamp(x, plotLeft(), plotRight());
        return fromNs + std::llround((clamped - plotLeft()) * static_cast<double>(spanNs()) / plotWidth());
    }
    /// The height of `count` when `maximum` fills the plot.
    double countToHeight(qint64 count, qint64 maximum) const
    {
        return maximum <= 0 ? 0.0 : plotHeight() * static_cast<double>(count) / static_cast<double>(maximum);
    }
};

/// Lines over time above the log list: bars stacked by level (colours of loglevelcolors.h) on the shared time
/// range, a time axis in the chosen zone (local/UTC), a tooltip with the bucket's counts per level. Dragging
/// across it zooms the shared range (TimeRangeController::zoomIn). Painted, not a chart: it redraws with
/// every tail update.
class LogVolumeHistogram final : public QWidget
{
    Q_OBJECT
public:
    explicit LogVolumeHistogram(TimeRangeController& range, QWidget* parent = nullptr);
    ~LogVolumeHistogram() override;

    /// Shows `volume` (an estimate is marked "estimated from loaded lines"); ends loading and clears an error.
    void setVolume(const analysis::LogVolume& volume);
    /// Why the volume is an estimate (Loki refused or failed), shown beside the marker and in the tooltip.
    void setFallbackReason(const QString& reason);
    /// While true the bars (if any) are dimmed and "Loading…" is shown.
    void setLoading(bool loading);
    /// Nothing could be counted: the message replaces the bars; an empty message clears the error.
    void setError(const QString& message);
    void clear();

    const analysis::LogVolume& volume() const { return m_volume; }
    bool isLoading() const { return m_loading; }
    QString errorText() const { return m_error; }
    QString fallbackReason() const { return m_fallbackReason; }
    /// The line drawn above the bars: what is shown and how sure it is ("Estimated from loaded lines", …).
    QString statusText() const;
    /// Buckets that fit the width (about one per 6 px): what a loader should ask for.
    int preferredBucketCount() const;
    VolumeHistogramGeometry histogramGeometry() const;
    /// The tooltip (rich text) for a point: the bucket's time and counts per level; empty outside the bars.
    QString toolTipAt(const QPoint& position) const;
    /// The bucket under widget x, or -1.
    qsizetype bucketAtX(double x) const;

    QSize sizeHint() const override { return { 600, 90 }; }
    QSize minimumSizeHint() const override { return { 120, 60 }; }

Q_SIGNALS:
    /// After a drag-select zoomed the shared range to `range`.
    void zoomedTo(firebreak::TimeRange range);

protected:
    bool event(QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void leaveEvent(QEvent* event) override;

private:
    void paintBars(QPainter& painter, const VolumeHistogramGeometry& geometry) const;
    void paintAxis(QPainter& painter, const VolumeHistogramGeometry& geometry) const;
    void takeRange(TimeRange range);

    TimeRangeController& m_controller;
    TimeRange m_shown;
    analysis::LogVolume m_volume;
    QString m_fallbackReason;
    QString m_error;
    bool m_loading = false;
    qsizetype m_hovered = -1;
    bool m_dragging = false;
    double m_dragFromX = 0;
    double m_dragToX = 0;
};

} // namespace firebreak::ui
