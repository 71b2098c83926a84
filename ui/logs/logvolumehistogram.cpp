#include "logvolumehistogram.h"

#include "loglevelcolors.h"

#include <QDateTime>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QTimeZone>
#include <QToolTip>

namespace firebreak::ui {

using analysis::LogLevel;

namespace {

constexpr qint64 NsPerMs = 1000000;
constexpr qint64 MsPerMinute = 60 * 1000;
constexpr qint64 MsPerDay = 24 * 60 * MsPerMinute;
constexpr int PixelsPerBucket = 6;
constexpr double MinimumDragPixels = 4;

QDateTime displayed(qint64 ms, TimeDisplay display)
{
    const QDateTime utc = QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc());
    return display == TimeDisplay::Utc ? utc : utc.toLocalTime();
}

/// A tick step for `spanMs` that leaves room for `maxTicks` labels.
qint64 tickStepMs(qint64 spanMs, int maxTicks)
{
    static constexpr qint64 Steps[] = { 1000, 2000, 5000, 10000, 15000, 30000, MsPerMinute, 2 * MsPerMinute,
        5 * MsPerMinute, 10 * MsPerMinute, 15 * MsPerMinute, 30 * MsPerMinute, 60 * MsPerMinute, 2 * 60 * MsPerMinute,
        3 * 60 * MsPerMinute, 6 * 60 * MsPerMinute, 12 * 60 * MsPerMinute, MsPerDay, 2 * MsPerDay, 7 * MsPerDay,
        14 * MsPerDay, 30 * MsPerDay };
    const qint64 wanted = spanMs / std::max(1, maxTicks);
    for (const qint64 step : Steps) {
        if (step >= wanted)
            return step;
    }
    return (wanted / (30 * MsPerDay) + 1) * 30 * MsPerDay;
}

QString formatCount(qint64 count)
{
    return QLocale().toString(count);
}

} // namespace

LogVolumeHistogram::LogVolumeHistogram(TimeRangeController& range, QWidget* parent)
    : QWidget(parent)
    , m_controller(range)
    , m_shown(range.range())
{
    setObjectName(QStringLiteral("logVolumeHistogram"));
    setMouseTracking(true);
    setFocusPolicy(Qt::ClickFocus);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setMinimumHeight(60);
    setCursor(Qt::CrossCursor);
    setAccessibleName(tr("Log volume"));
    setAccessibleDescription(tr("Lines over time by level; drag across it to zoom into that time"));
    connect(&m_controller, &TimeRangeController::rangeChanged, this, &LogVolumeHistogram::takeRange);
    connect(&m_controller, &TimeRangeController::displayChanged, this, [this] { update(); });
}

LogVolumeHistogram::~LogVolumeHistogram() = default;

void LogVolumeHistogram::takeRange(TimeRange range)
{
    m_shown = range;
    m_hovered = -1;
    update();
}

void LogVolumeHistogram::setVolume(const analysis::LogVolume& volume)
{
    m_volume = volume;
    m_loading = false;
    m_error.clear();
    if (!volume.estimated)
        m_fallbackReason.clear();
    m_hovered = -1;
    // A relative range ("last hour") has moved on since the query: show the one the volume was counted for.
    m_shown = m_controller.range();
    update();
}

void LogVolumeHistogram::setFallbackReason(const QString& reason)
{
    m_fallbackReason = reason;
    setToolTip(QString());
    update();
}

void LogVolumeHistogram::setLoading(bool loading)
{
    m_loading = loading;
    if (loading)
        m_error.clear();
    update();
}

void LogVolumeHistogram::setError(const QString& message)
{
    m_error = message;
    if (!message.isEmpty()) {
        m_volume = {};
        m_loading = false;
    }
    update();
}

void LogVolumeHistogram::clear()
{
    m_volume = {};
    m_error.clear();
    m_fallbackReason.clear();
    m_loading = false;
    m_hovered = -1;
    update();
}

QString LogVolumeHistogram::statusText() const
{
    if (!m_error.isEmpty())
        return m_error;
    if (m_loading)
        return tr("Loading…");
    if (m_volume.isEmpty())
        return {};
    QString text;
    if (m_volume.estimated) {
        text = tr("Estimated from loaded lines");
        if (!m_fallbackReason.isEmpty())
            text += tr(" — %1").arg(m_fallbackReason);
    } else {
        text = tr("%n line(s)", nullptr, static_cast<int>(std::min<qint64>(m_volume.total(), INT_MAX)));
    }
    return text;
}

int LogVolumeHistogram::preferredBucketCount() const
{
    return std::clamp(static_cast<int>(histogramGeometry().plotWidth()) / PixelsPerBucket, 10, 300);
}

VolumeHistogramGeometry LogVolumeHistogram::histogramGeometry() const
{
    VolumeHistogramGeometry geometry;
    geometry.width = width();
    geometry.height = height();
    geometry.topMargin = fontMetrics().height() + 2;
    geometry.axisHeight = fontMetrics().height() + 4;
    geometry.fromNs = m_shown.fromMs * NsPerMs;
    geometry.toNs = std::max(m_shown.toMs, m_shown.fromMs + 1) * NsPerMs;
    return geometry;
}

qsizetype LogVolumeHistogram::bucketAtX(double x) const
{
    const VolumeHistogramGeometry geometry = histogramGeometry();
    if (m_volume.isEmpty() || x < geometry.plotLeft() || x > geometry.plotRight())
        return -1;
    // A bucket covers (start, end]; on screen it covers [x(start), x(end)).
    const qint64 ns = geometry.xToTime(x);
    if (ns < m_volume.fromNs || ns >= m_volume.toNs)
        return -1;
    return (ns - m_volume.fromNs) / std::max<qint64>(1, m_volume.stepNs);
}

QString LogVolumeHistogram::toolTipAt(const QPoint& position) const
{
    const VolumeHistogramGeometry geometry = histogramGeometry();
    if (position.y() < 0 || position.y() > geometry.plotBottom())
        return {};
    const qsizetype bucket = bucketAtX(position.x());
    if (bucket < 0)
        return {};
    const TimeDisplay display = m_controller.display();
    const qint64 startMs = m_volume.bucketStartNs(bucket) / NsPerMs;
    const qint64 endMs = m_volume.bucketEndNs(bucket) / NsPerMs;
    const QDateTime end = displayed(endMs, display);
    QString html = QStringLiteral("<b>%1 – %2</b>")
                       .arg(formatTime(startMs, display, true).toHtmlEscaped(),
                           end.toString(QStringLiteral("HH:mm:ss")).toHtmlEscaped());
    html += QStringLiteral("<table>");
    const auto& counts = m_volume.buckets[static_cast<std::size_t>(bucket)];
    for (const LogLevel level : logLevelStackOrder()) {
        const qint64 count = counts[static_cast<std::size_t>(level)];
        if (count == 0)
            continue;
        html += QStringLiteral("<tr><td><span style=\"color:%1\">■</span> %2</td><td align=\"right\">%3</td></tr>")
                    .arg(logLevelColor(level).name(), analysis::logLevelName(level), formatCount(count));
    }
    html += QStringLiteral("<tr><td>%1</td><td align=\"right\">%2</td></tr></table>")
                .arg(tr("total"), formatCount(m_volume.bucketTotal(bucket)));
    if (m_volume.estimated)
        html += QStringLiteral("<i>%1</i>").arg(tr("Estimated from loaded lines").toHtmlEscaped());
    if (m_volume.estimated && !m_fallbackReason.isEmpty())
        html += QStringLiteral("<br>%1").arg(m_fallbackReason.toHtmlEscaped());
    return html;
}

bool LogVolumeHistogram::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const QString text = toolTipAt(help->pos());
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, this);
        return true;
    }
    return QWidget::event(event);
}

void LogVolumeHistogram::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.fillRect(rect(), palette().color(QPalette::Base));
    const VolumeHistogramGeometry geometry = histogramGeometry();
    paintBars(painter, geometry);
    paintAxis(painter, geometry);

    if (m_dragging) {
        QColor selection = palette().color(QPalette::Highlight);
        selection.setAlpha(70);
        const double x1 = std::clamp(std::min(m_dragFromX, m_dragToX), geometry.plotLeft(), geometry.plotRight());
        const double x2 = std::clamp(std::max(m_dragFromX, m_dragToX), geometry.plotLeft(), geometry.plotRight());
        const QRectF area(QPointF(x1, geometry.plotTop()), QPointF(x2, geometry.plotBottom()));
        painter.fillRect(area, selection);
        painter.setPen(palette().color(QPalette::Highlight));
        painter.drawRect(area);
    }

    // The status line: what the bars are and how sure they are.
    const QString status = statusText();
    if (!status.isEmpty()) {
        const QRectF line(geometry.plotLeft(), 0, geometry.plotWidth(), geometry.plotTop());
        QColor colour = palette().color(QPalette::PlaceholderText);
        if (!m_error.isEmpty())
            colour = logLevelColor(LogLevel::Error);
        else if (m_volume.estimated && !m_loading)
            colour = logLevelColor(LogLevel::Warn).darker(130);
        painter.setPen(colour);
        QFont font = painter.font();
        font.setItalic(m_volume.estimated || m_loading);
        painter.setFont(font);
        painter.drawText(line, Qt::AlignRight | Qt::AlignVCenter,
            painter.fontMetrics().elidedText(status, Qt::ElideRight, static_cast<int>(line.width() * 0.75)));
    }
    if (m_volume.isEmpty() && !m_loading && m_error.isEmpty()) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(QRectF(geometry.plotLeft(), geometry.plotTop(), geometry.plotWidth(), geometry.plotHeight()),
            Qt::AlignCenter, tr("No volume to show"));
    }
}

void LogVolumeHistogram::paintBars(QPainter& painter, const VolumeHistogramGeometry& geometry) const
{
    painter.setPen(palette().color(QPalette::Midlight));
    painter.drawLine(QPointF(geometry.plotLeft(), geometry.plotBottom() + 0.5),
        QPointF(geometry.plotRight(), geometry.plotBottom() + 0.5));
    if (m_volume.isEmpty())
        return;
    const qint64 maximum = m_volume.maxBucketTotal();
    if (maximum <= 0)
        return;
    painter.save();
    painter.setClipRect(QRectF(geometry.plotLeft(), 0, geometry.plotWidth(), geometry.plotBottom() + 1));
    if (m_loading)
        painter.setOpacity(0.35);
    for (qsizetype bucket = 0; bucket < m_volume.bucketCount(); ++bucket) {
        const double x1 = geometry.timeToX(m_volume.bucketStartNs(bucket));
        const double x2 = geometry.timeToX(m_volume.bucketEndNs(bucket));
        if (x2 < geometry.plotLeft() || x1 > geometry.plotRight())
            continue;
        // A one-pixel gap between bars wide enough to spare it.
        const double barWidth = x2 - x1 > 3 ? x2 - x1 - 1 : std::max(1.0, x2 - x1);
        const auto& counts = m_volume.buckets[static_cast<std::size_t>(bucket)];
        double bottom = geometry.plotBottom();
        for (const LogLevel level : logLevelStackOrder()) {
            const qint64 count = counts[static_cast<std::size_t>(level)];
            if (count == 0)
                continue;
            // At least a pixel, so a single error next to a million info lines is still seen.
            const double height = std::max(1.0, geometry.countToHeight(count, maximum));
            painter.fillRect(QRectF(x1, bottom - height, barWidth, height), logLevelColor(level));
            bottom -= height;
        }
        if (bucket == m_hovered) {
            QColor hover = palette().color(QPalette::Text);
            hover.setAlpha(40);
            painter.fillRect(QRectF(x1, geometry.plotTop(), barWidth, geometry.plotHeight()), hover);
        }
    }
    painter.restore();
    // The scale: what the tallest bar stands for.
    painter.setPen(palette().color(QPalette::PlaceholderText));
    painter.drawText(QRectF(geometry.plotLeft(), 0, geometry.plotWidth() / 4, geometry.plotTop()),
        Qt::AlignLeft | Qt::AlignVCenter, tr("max %1").arg(formatCount(maximum)));
}

void LogVolumeHistogram::paintAxis(QPainter& painter, const VolumeHistogramGeometry& geometry) const
{
    const TimeDisplay display = m_controller.display();
    const qint64 fromMs = geometry.fromNs / NsPerMs;
    const qint64 toMs = geometry.toNs / NsPerMs;
    const int labelWidth = painter.fontMetrics().horizontalAdvance(QStringLiteral("00-00 00:00:00")) + 12;
    const qint64 stepMs = tickStepMs(toMs - fromMs, std::max(1, static_cast<int>(geometry.plotWidth()) / labelWidth));
    // Ticks on round times of the shown zone (its offset at the start of the range).
    const qint64 offsetMs = static_cast<qint64>(displayed(fromMs, display).offsetFromUtc()) * 1000;
    const qint64 firstLocal = ((fromMs + offsetMs) / stepMs + 1) * stepMs;
    const bool severalDays = displayed(fromMs, display).date() != displayed(toMs, display).date();
    const QString format = stepMs >= MsPerDay ? QStringLiteral("MM-dd")
        : severalDays                         ? QStringLiteral("MM-dd HH:mm")
        : stepMs < MsPerMinute                ? QStringLiteral("HH:mm:ss")
                                              : QStringLiteral("HH:mm");
    painter.setPen(palette().color(QPalette::PlaceholderText));
    for (qint64 local = firstLocal; local - offsetMs < toMs; local += stepMs) {
        const qint64 ms = local - offsetMs;
        const double x = geometry.timeToX(ms * NsPerMs);
        painter.drawLine(QPointF(x, geometry.plotBottom()), QPointF(x, geometry.plotBottom() + 3));
        const QString label = displayed(ms, display).toString(format);
        const int width = painter.fontMetrics().horizontalAdvance(label);
        const double left = std::clamp(x - width / 2.0, 0.0, static_cast<double>(geometry.width - width));
        painter.drawText(QRectF(left, geometry.plotBottom() + 3, width, geometry.axisHeight - 3),
            Qt::AlignHCenter | Qt::AlignTop, label);
    }
}

void LogVolumeHistogram::mousePressEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton)
        return QWidget::mousePressEvent(event);
    m_dragging = true;
    m_dragFromX = m_dragToX = event->position().x();
    QToolTip::hideText();
    update();
}

void LogVolumeHistogram::mouseMoveEvent(QMouseEvent* event)
{
    if (m_dragging) {
        m_dragToX = event->position().x();
        update();
        return;
    }
    const qsizetype hovered = bucketAtX(event->position().x());
    if (hovered != m_hovered) {
        m_hovered = hovered;
        update();
    }
}

void LogVolumeHistogram::mouseReleaseEvent(QMouseEvent* event)
{
    if (!m_dragging || event->button() != Qt::LeftButton)
        return QWidget::mouseReleaseEvent(event);
    m_dragging = false;
    m_dragToX = event->position().x();
    update();
    if (std::abs(m_dragToX - m_dragFromX) < MinimumDragPixels)
        return; // a click, not a selection
    const VolumeHistogramGeometry geometry = histogramGeometry();
    const qint64 fromNs = geometry.xToTime(std::min(m_dragFromX, m_dragToX));
    const qint64 toNs = geometry.xToTime(std::max(m_dragFromX, m_dragToX));
    const TimeRange range { fromNs / NsPerMs, (toNs + NsPerMs - 1) / NsPerMs };
    if (!range.isValid())
        return;
    m_controller.zoomIn(range);
    Q_EMIT zoomedTo(range);
}

void LogVolumeHistogram::keyPressEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_Escape && m_dragging) {
        m_dragging = false;
        update();
        return;
    }
    QWidget::keyPressEvent(event);
}

void LogVolumeHistogram::leaveEvent(QEvent* event)
{
    m_hovered = -1;
    update();
    QWidget::leaveEvent(event);
}

} // namespace firebreak::ui
