#include "waterfallview.h"

#include "analysis/durationtext.h"
#include "servicecolors.h"

#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QGuiApplication>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMenu>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QScrollBar>
#include <QToolTip>
#include <QWheelEvent>

#include <cmath>

namespace firebreak::ui {

namespace {

constexpr int Indent = 14;
constexpr int MaxIndentLevels = 40; // deeper rows stop moving right; the depth is in the tooltip
constexpr int DividerGrip = 4;
constexpr int MinimumTreeWidth = 160;

QColor errorColor()
{
    return QColor(0xd3, 0x2f, 0x2f);
}

bool isDark(const QPalette& palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

/// Tick spacing of 1, 2 or 5 × 10^n ns so that ticks are about `targetPx` apart.
std::int64_t niceStep(std::int64_t windowNs, int widthPx, int targetPx)
{
    const double raw = static_cast<double>(windowNs) * targetPx / std::max(1, widthPx);
    const double magnitude = std::pow(10.0, std::floor(std::log10(std::max(raw, 1.0))));
    for (const double factor : { 1.0, 2.0, 5.0, 10.0 }) {
        if (factor * magnitude >= raw)
            return std::max<std::int64_t>(1, static_cast<std::int64_t>(factor * magnitude));
    }
    return static_cast<std::int64_t>(10 * magnitude);
}

} // namespace

WaterfallView::WaterfallView(QWidget* parent)
    : QAbstractScrollArea(parent)
{
    setObjectName(QStringLiteral("waterfall"));
    setFocusPolicy(Qt::StrongFocus);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    viewport()->setMouseTracking(true);
    viewport()->setAttribute(Qt::WA_OpaquePaintEvent);
    verticalScrollBar()->setSingleStep(m_geometry.rowHeight);
}

WaterfallView::~WaterfallView() = default;

void WaterfallView::setRows(analysis::WaterfallRows* rows)
{
    m_rows = rows;
    m_selected = -1;
    m_hoverRow = -1;
    const analysis::TraceDocument* document = rows && rows->document() ? rows->document().get() : nullptr;
    if (document && !document->trace.isEmpty()) {
        std::int64_t start = document->tree.startNs(document->trace, 0);
        std::int64_t end = document->tree.endNs(document->trace, 0);
        for (qsizetype span = 1; span < document->trace.spanCount(); ++span) {
            start = std::min(start, document->tree.startNs(document->trace, span));
            end = std::max(end, document->tree.endNs(document->trace, span));
        }
        m_geometry.setTrace(start, end);
    } else {
        m_geometry.setTrace(0, 1);
    }
    rebuildPathSections();
    verticalScrollBar()->setValue(0);
    rowsChanged();
    emitZoom();
}

void WaterfallView::rebuildPathSections()
{
    m_pathSections.clear();
    if (!m_rows || !m_rows->document())
        return;
    for (const analysis::CriticalPathSection& section : m_rows->document()->criticalPath.sections)
        m_pathSections[section.span].emplace_back(section.startNs, section.endNs);
}

void WaterfallView::rowsChanged()
{
    updateScrollBars();
    if (m_rows && m_selected >= 0 && m_rows->rowOf(m_selected) < 0)
        m_selected = -1;
    viewport()->update();
}

void WaterfallView::updateScrollBars()
{
    const qsizetype rows = m_rows ? m_rows->rowCount() : 0;
    const int visible = std::max(0, viewport()->height() - m_geometry.rulerHeight);
    verticalScrollBar()->setPageStep(visible);
    verticalScrollBar()->setRange(0, std::max(0, m_geometry.contentHeight(rows) - visible));
    m_geometry.scrollY = verticalScrollBar()->value();
    m_geometry.width = viewport()->width();
}

void WaterfallView::selectSpan(qsizetype span)
{
    if (span == m_selected)
        return;
    m_selected = span;
    if (m_rows && span >= 0)
        ensureRowVisible(m_rows->rowOf(span));
    viewport()->update();
    Q_EMIT spanSelected(span);
}

void WaterfallView::revealSpan(qsizetype span)
{
    if (!m_rows || span < 0)
        return;
    if (m_rows->rowOf(span) < 0) {
        m_rows->reveal(span);
        rowsChanged();
        Q_EMIT structureChanged();
    }
    m_selected = -1;
    selectSpan(span);
}

void WaterfallView::zoomTo(std::int64_t fromNs, std::int64_t toNs)
{
    m_geometry.zoomTo(fromNs, toNs);
    viewport()->update();
    emitZoom();
}

void WaterfallView::resetZoom()
{
    m_geometry.resetZoom();
    viewport()->update();
    emitZoom();
}

void WaterfallView::emitZoom()
{
    Q_EMIT zoomChanged(m_geometry.viewStartNs, m_geometry.viewEndNs);
}

void WaterfallView::setShowCriticalPath(bool show)
{
    m_showCriticalPath = show;
    viewport()->update();
}

void WaterfallView::scrollToRow(qsizetype row)
{
    verticalScrollBar()->setValue(static_cast<int>(row) * m_geometry.rowHeight);
}

qsizetype WaterfallView::firstVisibleRow() const
{
    return m_geometry.firstVisibleRow();
}

qsizetype WaterfallView::visibleRowCount() const
{
    return std::max(1, (viewport()->height() - m_geometry.rulerHeight) / m_geometry.rowHeight);
}

void WaterfallView::ensureRowVisible(qsizetype row)
{
    if (row < 0)
        return;
    const int top = static_cast<int>(row) * m_geometry.rowHeight;
    const int visible = viewport()->height() - m_geometry.rulerHeight;
    QScrollBar* bar = verticalScrollBar();
    if (top < bar->value())
        bar->setValue(top);
    else if (top + m_geometry.rowHeight > bar->value() + visible)
        bar->setValue(top + m_geometry.rowHeight - visible);
}

QImage WaterfallView::renderToImage()
{
    QImage image(viewport()->size() * devicePixelRatio(), QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(devicePixelRatio());
    viewport()->render(&image);
    return image;
}

void WaterfallView::resizeEvent(QResizeEvent* event)
{
    QAbstractScrollArea::resizeEvent(event);
    // The user's (or the default) width, as far as the window allows: shrinking and growing back keeps it.
    m_geometry.treeWidth
        = std::clamp(m_preferredTreeWidth, MinimumTreeWidth, std::max(MinimumTreeWidth, width() - 200));
    updateScrollBars();
}

void WaterfallView::scrollContentsBy(int, int)
{
    m_geometry.scrollY = verticalScrollBar()->value();
    viewport()->update();
    Q_EMIT viewportMoved();
}

std::vector<std::int64_t> WaterfallView::tickTimes() const
{
    const std::int64_t step = niceStep(m_geometry.windowNs(), m_geometry.timelineWidth(), 110);
    std::vector<std::int64_t> ticks;
    // Ticks sit on round offsets from the trace's start, which is what the labels show.
    const std::int64_t origin = m_geometry.traceStartNs;
    std::int64_t offset = ((m_geometry.viewStartNs - origin) / step) * step;
    for (; origin + offset <= m_geometry.viewEndNs; offset += step) {
        if (origin + offset >= m_geometry.viewStartNs)
            ticks.push_back(origin + offset);
    }
    return ticks;
}

void WaterfallView::paintEvent(QPaintEvent*)
{
    QPainter painter(viewport());
    m_geometry.width = viewport()->width();
    m_geometry.scrollY = verticalScrollBar()->value();
    const QPalette& pal = palette();
    painter.fillRect(viewport()->rect(), pal.color(QPalette::Base));
    const std::vector<std::int64_t> ticks = tickTimes();

    if (m_rows && m_rows->document()) {
        // Grid lines under the rows.
        painter.setPen(QColor(128, 128, 128, 40));
        for (const std::int64_t tick : ticks) {
            const int x = static_cast<int>(m_geometry.timeToX(tick));
            painter.drawLine(x, m_geometry.rulerHeight, x, viewport()->height());
        }
        painter.setClipRect(0, m_geometry.rulerHeight, viewport()->width(), viewport()->height());
        const qsizetype end = m_geometry.endVisibleRow(viewport()->height(), m_rows->rowCount());
        for (qsizetype row = m_geometry.firstVisibleRow(); row < end; ++row)
            paintRow(painter, row, m_rows->rows()[row]);
        painter.setClipping(false);
    } else {
        painter.setPen(pal.color(QPalette::PlaceholderText));
        painter.drawText(viewport()->rect(), Qt::AlignCenter, tr("No trace open"));
    }

    // The column divider.
    painter.setPen(pal.color(QPalette::Mid));
    painter.drawLine(m_geometry.treeWidth - 1, 0, m_geometry.treeWidth - 1, viewport()->height());
    paintRuler(painter, ticks);

    if (m_drag == Drag::Zoom) {
        const int left = std::max(std::min(m_dragFromX, m_dragToX), m_geometry.timelineLeft());
        const int right = std::max(m_dragFromX, m_dragToX);
        QColor band = pal.color(QPalette::Highlight);
        band.setAlpha(60);
        painter.fillRect(QRect(left, 0, right - left, viewport()->height()), band);
    }
}

void WaterfallView::paintRuler(QPainter& painter, const std::vector<std::int64_t>& ticks)
{
    const QPalette& pal = palette();
    const QRect ruler(0, 0, viewport()->width(), m_geometry.rulerHeight);
    painter.fillRect(ruler, pal.color(QPalette::Window));
    painter.setPen(pal.color(QPalette::Mid));
    painter.drawLine(0, ruler.bottom(), ruler.right(), ruler.bottom());
    painter.setPen(pal.color(QPalette::WindowText));
    QFont bold = font();
    bold.setBold(true);
    painter.setFont(bold);
    const QString title = m_rows && m_rows->document()
        ? tr("Service and operation (%L1)").arg(m_rows->document()->trace.spanCount())
        : tr("Service and operation");
    painter.drawText(QRect(8, 0, m_geometry.treeWidth - 16, ruler.height()), Qt::AlignVCenter | Qt::AlignLeft,
        painter.fontMetrics().elidedText(title, Qt::ElideRight, m_geometry.treeWidth - 16));
    painter.setFont(font());
    painter.save();
    painter.setClipRect(m_geometry.timelineLeft(), 0, viewport()->width() - m_geometry.timelineLeft(), ruler.height());
    for (const std::int64_t tick : ticks) {
        const int x = static_cast<int>(m_geometry.timeToX(tick));
        painter.setPen(pal.color(QPalette::Mid));
        painter.drawLine(x, ruler.bottom() - 6, x, ruler.bottom());
        painter.setPen(pal.color(QPalette::WindowText));
        painter.drawText(QRect(x + 3, 0, 100, ruler.height() - 4), Qt::AlignVCenter | Qt::AlignLeft,
            tick == m_geometry.traceStartNs ? QStringLiteral("0")
                                            : analysis::formatDurationNs(tick - m_geometry.traceStartNs));
    }
    painter.restore();
    if (m_geometry.isZoomed()) {
        painter.setPen(pal.color(QPalette::Highlight));
        painter.drawText(QRect(m_geometry.timelineLeft(), 0, m_geometry.timelineWidth(), ruler.height()),
            Qt::AlignVCenter | Qt::AlignRight, tr("zoomed · double-click to reset"));
    }
}

int WaterfallView::arrowX(std::int32_t depth) const
{
    return 6 + std::min(depth, MaxIndentLevels) * Indent;
}

void WaterfallView::paintRow(QPainter& painter, qsizetype row, const analysis::WaterfallRow& line)
{
    const analysis::TraceDocument& document = *m_rows->document();
    const Trace& trace = document.trace;
    const QPalette& pal = palette();
    const QRect rowRect(0, m_geometry.rowTop(row), viewport()->width(), m_geometry.rowHeight);
    const bool selected = !line.isPlaceholder() && line.span == m_selected;

    if (selected) {
        painter.fillRect(rowRect, pal.color(QPalette::Highlight).lighter(isDark(pal) ? 70 : 170));
    } else if (!line.isPlaceholder() && m_rows->isMatch(line.span)) {
        painter.fillRect(rowRect, QColor(255, 213, 79, isDark(pal) ? 70 : 110));
    } else if (row == m_hoverRow) {
        painter.fillRect(rowRect, pal.color(QPalette::AlternateBase));
    }

    // Depth guides: one faint line per ancestor level.
    painter.setPen(QColor(128, 128, 128, 60));
    const int levels = std::min(line.depth, MaxIndentLevels);
    for (int level = 0; level < levels; ++level) {
        const int x = 6 + level * Indent + Indent / 2 - 1;
        painter.drawLine(x, rowRect.top(), x, rowRect.bottom());
    }

    const int arrowLeft = arrowX(line.depth);
    int textLeft = arrowLeft + 14;
    const QRect treeRect(0, rowRect.top(), m_geometry.treeWidth - 4, rowRect.height());
    if (line.isPlaceholder()) {
        const analysis::MissingParent& missing = document.tree.missingParents[line.missingParent];
        QFont italic = font();
        italic.setItalic(true);
        painter.setFont(italic);
        painter.setPen(pal.color(QPalette::PlaceholderText));
        const QString text = tr("Missing parent %1 (orphans below: %2)")
                                 .arg(spanIdToHex(missing.parentSpanId))
                                 .arg(missing.orphans.size());
        painter.drawText(QRect(textLeft, rowRect.top(), treeRect.width() - textLeft, rowRect.height()),
            Qt::AlignVCenter | Qt::AlignLeft,
            painter.fontMetrics().elidedText(text, Qt::ElideRight, treeRect.width() - textLeft));
        painter.setFont(font());
        QPen dashed(pal.color(QPalette::PlaceholderText), 1, Qt::DashLine);
        painter.setPen(dashed);
        const int y = rowRect.center().y();
        painter.drawLine(m_geometry.timelineLeft() + 4, y, viewport()->width() - m_geometry.rightMargin, y);
        return;
    }

    const std::int32_t span = line.span;
    if (m_rows->hasChildren(span)) {
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(Qt::NoPen);
        painter.setBrush(pal.color(QPalette::WindowText));
        const QPointF c(arrowLeft + 5, rowRect.center().y() + 0.5);
        QPainterPath triangle;
        if (m_rows->isCollapsed(span)) {
            triangle.moveTo(c + QPointF(-2.5, -4.5));
            triangle.lineTo(c + QPointF(3.5, 0));
            triangle.lineTo(c + QPointF(-2.5, 4.5));
        } else {
            triangle.moveTo(c + QPointF(-4.5, -2.5));
            triangle.lineTo(c + QPointF(4.5, -2.5));
            triangle.lineTo(c + QPointF(0, 3.5));
        }
        triangle.closeSubpath();
        painter.drawPath(triangle);
        painter.setRenderHint(QPainter::Antialiasing, false);
    }

    const QColor color = serviceColor(trace.view(trace.services[span]));
    painter.fillRect(QRect(textLeft, rowRect.top() + 4, 4, rowRect.height() - 8), color);
    textLeft += 8;
    const bool error = trace.statusCodes[span] == StatusCode::Error;
    if (error) {
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(Qt::NoPen);
        painter.setBrush(errorColor());
        painter.drawEllipse(QPointF(textLeft + 4, rowRect.center().y() + 0.5), 4, 4);
        painter.setRenderHint(QPainter::Antialiasing, false);
        textLeft += 12;
    }

    const int available = treeRect.width() - textLeft;
    if (available > 8) {
        const QString service = trace.string(trace.services[span]);
        const QString name = trace.string(trace.names[span]);
        QFont bold = font();
        bold.setBold(true);
        const QFontMetrics boldMetrics(bold);
        const QString serviceText = boldMetrics.elidedText(service, Qt::ElideRight, available * 2 / 3);
        const int serviceWidth = boldMetrics.horizontalAdvance(serviceText);
        const QColor textColor = line.context ? pal.color(QPalette::PlaceholderText)
            : selected                        ? pal.color(QPalette::Text)
                                              : pal.color(QPalette::Text);
        painter.setFont(bold);
        painter.setPen(textColor);
        painter.drawText(QRect(textLeft, rowRect.top(), serviceWidth, rowRect.height()),
            Qt::AlignVCenter | Qt::AlignLeft, serviceText);
        painter.setFont(font());
        const int nameLeft = textLeft + serviceWidth + 6;
        painter.drawText(QRect(nameLeft, rowRect.top(), treeRect.right() - nameLeft, rowRect.height()),
            Qt::AlignVCenter | Qt::AlignLeft,
            painter.fontMetrics().elidedText(name, Qt::ElideRight, std::max(0, treeRect.right() - nameLeft)));
    }

    painter.save();
    painter.setClipRect(QRect(
        m_geometry.timelineLeft(), rowRect.top(), viewport()->width() - m_geometry.timelineLeft(), rowRect.height()));
    paintBar(painter, rowRect, span);
    painter.restore();

    // Row separator in the tree column keeps long lists readable.
    painter.setPen(QColor(128, 128, 128, 25));
    painter.drawLine(0, rowRect.bottom(), viewport()->width(), rowRect.bottom());
}

void WaterfallView::paintBar(QPainter& painter, const QRect& rowRect, std::int32_t span)
{
    const analysis::TraceDocument& document = *m_rows->document();
    const Trace& trace = document.trace;
    const analysis::TraceTree& tree = document.tree;
    const QPalette& pal = palette();
    const std::int64_t start = tree.startNs(trace, span);
    const std::int64_t end = tree.endNs(trace, span);
    const bool error = trace.statusCodes[span] == StatusCode::Error;
    const QColor color = error ? errorColor() : serviceColor(trace.view(trace.services[span]));
    const double x1 = m_geometry.timeToX(start);
    const double x2 = std::max(x1 + 1.0, m_geometry.timeToX(end));
    const int barTop = rowRect.top() + 5;
    const int barHeight = rowRect.height() - 10;
    const QRectF bar(x1, barTop, x2 - x1, barHeight);

    // Children-covered time lighter, the span's own (self) time solid.
    QColor covered = color;
    covered.setAlpha(110);
    painter.fillRect(bar, covered);
    std::int64_t cursor = start;
    const auto solid = [&](std::int64_t from, std::int64_t to) {
        if (to <= from)
            return;
        const double a = m_geometry.timeToX(from);
        const double b = std::max(a + 1.0, m_geometry.timeToX(to));
        painter.fillRect(QRectF(a, barTop, b - a, barHeight), color);
    };
    for (const std::int32_t child : tree.childrenOf(span)) {
        const std::int64_t childStart = std::clamp(tree.startNs(trace, child), start, end);
        const std::int64_t childEnd = std::clamp(tree.endNs(trace, child), start, end);
        solid(cursor, childStart);
        cursor = std::max(cursor, childEnd);
    }
    solid(cursor, end);

    // Events as ticks.
    painter.setPen(isDark(pal) ? QColor(255, 255, 255, 200) : QColor(0, 0, 0, 170));
    for (const SpanEvent& event : trace.spanEvents(span)) {
        const int x = static_cast<int>(m_geometry.timeToX(event.timeNs + tree.skewNs[span]));
        painter.drawLine(x, barTop - 2, x, barTop + barHeight + 1);
    }

    // The critical path as a dark line through the bar, only where this span is on it.
    if (m_showCriticalPath) {
        if (const auto it = m_pathSections.find(span); it != m_pathSections.end()) {
            const QColor pathColor = isDark(pal) ? QColor(255, 255, 255) : QColor(20, 20, 20);
            for (const auto& [from, to] : it->second) {
                const double a = m_geometry.timeToX(from);
                const double b = std::max(a + 1.0, m_geometry.timeToX(to));
                painter.fillRect(QRectF(a, rowRect.center().y() - 1, b - a, 3), pathColor);
            }
        }
    }

    // Duration label right of the bar, or left of it when there is no room.
    const QString label = analysis::formatDurationNs(trace.durationNs(span))
        + (tree.skewNs[span] != 0 ? QStringLiteral(" ⇄") : QString());
    const int labelWidth = painter.fontMetrics().horizontalAdvance(label) + 6;
    const int right = viewport()->width() - m_geometry.rightMargin;
    painter.setPen(pal.color(QPalette::Text));
    if (x2 + labelWidth <= right)
        painter.drawText(QRectF(x2 + 4, rowRect.top(), labelWidth, rowRect.height()), Qt::AlignVCenter, label);
    else if (x1 - labelWidth >= m_geometry.timelineLeft())
        painter.drawText(QRectF(x1 - labelWidth, rowRect.top(), labelWidth - 2, rowRect.height()),
            Qt::AlignVCenter | Qt::AlignRight, label);
}

bool WaterfallView::onArrow(const QPoint& position, qsizetype row) const
{
    if (!m_rows || row < 0 || row >= m_rows->rowCount())
        return false;
    const analysis::WaterfallRow& line = m_rows->rows()[row];
    if (line.isPlaceholder() || !m_rows->hasChildren(line.span))
        return false;
    const int x = arrowX(line.depth);
    return position.x() >= x - 3 && position.x() <= x + 13;
}

void WaterfallView::toggleRow(qsizetype row)
{
    const analysis::WaterfallRow& line = m_rows->rows()[row];
    if (line.isPlaceholder())
        return;
    m_rows->toggle(line.span);
    rowsChanged();
    Q_EMIT structureChanged();
}

void WaterfallView::moveSelection(qsizetype row)
{
    if (!m_rows || m_rows->rowCount() == 0)
        return;
    row = std::clamp<qsizetype>(row, 0, m_rows->rowCount() - 1);
    // Placeholders cannot be selected: step over them in the direction of travel.
    const qsizetype current = m_selected >= 0 ? m_rows->rowOf(m_selected) : -1;
    const qsizetype direction = row >= current ? 1 : -1;
    while (row >= 0 && row < m_rows->rowCount() && m_rows->rows()[row].isPlaceholder())
        row += direction;
    if (row < 0 || row >= m_rows->rowCount())
        return;
    selectSpan(m_rows->rows()[row].span);
}

void WaterfallView::mousePressEvent(QMouseEvent* event)
{
    setFocus(Qt::MouseFocusReason);
    const QPoint position = event->position().toPoint();
    if (event->button() != Qt::LeftButton) {
        QAbstractScrollArea::mousePressEvent(event);
        return;
    }
    if (std::abs(position.x() - m_geometry.treeWidth) <= DividerGrip) {
        m_drag = Drag::Divider;
        return;
    }
    if (position.y() < m_geometry.rulerHeight) {
        if (position.x() >= m_geometry.timelineLeft()) {
            m_drag = Drag::Zoom;
            m_dragFromX = m_dragToX = position.x();
        }
        return;
    }
    if (!m_rows)
        return;
    const qsizetype row = m_geometry.rowAt(position.y());
    if (row < 0 || row >= m_rows->rowCount())
        return;
    if (onArrow(position, row)) {
        toggleRow(row);
        return;
    }
    if (!m_rows->rows()[row].isPlaceholder())
        selectSpan(m_rows->rows()[row].span);
}

void WaterfallView::mouseMoveEvent(QMouseEvent* event)
{
    const QPoint position = event->position().toPoint();
    switch (m_drag) {
    case Drag::Divider:
        m_geometry.treeWidth = std::clamp(position.x(), MinimumTreeWidth, std::max(MinimumTreeWidth, width() - 200));
        m_preferredTreeWidth = m_geometry.treeWidth;
        viewport()->update();
        return;
    case Drag::Zoom:
        m_dragToX = position.x();
        viewport()->update();
        return;
    case Drag::None:
        break;
    }
    const bool nearDivider = std::abs(position.x() - m_geometry.treeWidth) <= DividerGrip;
    viewport()->setCursor(nearDivider ? Qt::SplitHCursor : Qt::ArrowCursor);
    const qsizetype row = position.y() >= m_geometry.rulerHeight ? m_geometry.rowAt(position.y()) : -1;
    if (row != m_hoverRow) {
        m_hoverRow = row;
        viewport()->update();
    }
}

void WaterfallView::mouseReleaseEvent(QMouseEvent* event)
{
    if (m_drag == Drag::Zoom) {
        m_dragToX = event->position().toPoint().x();
        if (std::abs(m_dragToX - m_dragFromX) >= 4)
            zoomTo(m_geometry.xToTime(m_dragFromX), m_geometry.xToTime(m_dragToX));
    }
    m_drag = Drag::None;
    viewport()->update();
}

void WaterfallView::mouseDoubleClickEvent(QMouseEvent* event)
{
    const QPoint position = event->position().toPoint();
    if (position.y() < m_geometry.rulerHeight) {
        resetZoom();
        return;
    }
    if (!m_rows)
        return;
    const qsizetype row = m_geometry.rowAt(position.y());
    if (row >= 0 && row < m_rows->rowCount() && !m_rows->rows()[row].isPlaceholder() && !onArrow(position, row))
        Q_EMIT detailsRequested(m_rows->rows()[row].span);
}

void WaterfallView::wheelEvent(QWheelEvent* event)
{
    const QPointF position = event->position();
    if (event->modifiers() & Qt::ControlModifier) {
        if (position.x() >= m_geometry.timelineLeft()) {
            const double steps = event->angleDelta().y() / 120.0;
            m_geometry.zoomAround(position.x(), std::pow(0.8, steps));
            viewport()->update();
            emitZoom();
        }
        event->accept();
        return;
    }
    const int horizontal = event->angleDelta().x() != 0 ? event->angleDelta().x()
        : (event->modifiers() & Qt::ShiftModifier)      ? event->angleDelta().y()
                                                        : 0;
    if (horizontal != 0) {
        m_geometry.panBy(-m_geometry.windowNs() * horizontal / 1200);
        viewport()->update();
        emitZoom();
        event->accept();
        return;
    }
    QAbstractScrollArea::wheelEvent(event);
}

void WaterfallView::keyPressEvent(QKeyEvent* event)
{
    if (!m_rows) {
        QAbstractScrollArea::keyPressEvent(event);
        return;
    }
    const qsizetype row = m_selected >= 0 ? m_rows->rowOf(m_selected) : -1;
    switch (event->key()) {
    case Qt::Key_Down:
        moveSelection(row + 1);
        return;
    case Qt::Key_Up:
        moveSelection(row < 0 ? 0 : row - 1);
        return;
    case Qt::Key_PageDown:
        moveSelection(row + visibleRowCount());
        return;
    case Qt::Key_PageUp:
        moveSelection(row - visibleRowCount());
        return;
    case Qt::Key_Home:
        moveSelection(0);
        return;
    case Qt::Key_End:
        moveSelection(m_rows->rowCount() - 1);
        return;
    case Qt::Key_Left:
        if (m_selected >= 0) {
            if (m_rows->hasChildren(m_selected) && !m_rows->isCollapsed(m_selected))
                toggleRow(row);
            else if (const std::int32_t parent = m_rows->document()->trace.parents[m_selected]; parent >= 0)
                selectSpan(parent);
        }
        return;
    case Qt::Key_Right:
        if (m_selected >= 0 && m_rows->hasChildren(m_selected)) {
            if (m_rows->isCollapsed(m_selected))
                toggleRow(row);
            else
                moveSelection(row + 1);
        }
        return;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (m_selected >= 0)
            Q_EMIT detailsRequested(m_selected);
        return;
    case Qt::Key_Slash:
        Q_EMIT findRequested();
        return;
    case Qt::Key_Asterisk:
        if (m_selected >= 0) {
            m_rows->setSubtreeCollapsed(m_selected, false);
            rowsChanged();
            Q_EMIT structureChanged();
        }
        return;
    default:
        QAbstractScrollArea::keyPressEvent(event);
    }
}

void WaterfallView::contextMenuEvent(QContextMenuEvent* event)
{
    if (!m_rows)
        return;
    const qsizetype row = m_geometry.rowAt(event->pos().y());
    if (row < 0 || row >= m_rows->rowCount() || m_rows->rows()[row].isPlaceholder())
        return;
    const std::int32_t span = m_rows->rows()[row].span;
    selectSpan(span);
    const Trace& trace = m_rows->document()->trace;
    QMenu menu(this);
    menu.addAction(tr("Span details"), this, [this, span] { Q_EMIT detailsRequested(span); });
    menu.addSeparator();
    menu.addAction(tr("Logs for this span"), this, [this, span] { Q_EMIT logsForSpanRequested(span); });
    menu.addAction(tr("Metrics for %1").arg(trace.string(trace.services[span])), this,
        [this, span] { Q_EMIT metricsForServiceRequested(span); });
    menu.addAction(tr("Pin to incident"), this, [this, span] { Q_EMIT pinToIncidentRequested(span); });
    menu.addSeparator();
    menu.addAction(tr("Zoom to this span"), this, [this, span] {
        const analysis::TraceDocument& document = *m_rows->document();
        const std::int64_t start = document.tree.startNs(document.trace, span);
        const std::int64_t end = document.tree.endNs(document.trace, span);
        const std::int64_t pad = std::max<std::int64_t>((end - start) / 20, 1);
        zoomTo(start - pad, end + pad);
    });
    if (m_rows->hasChildren(span)) {
        menu.addAction(tr("Expand all below"), this, [this, span] {
            m_rows->setSubtreeCollapsed(span, false);
            rowsChanged();
            Q_EMIT structureChanged();
        });
        menu.addAction(tr("Collapse all below"), this, [this, span] {
            m_rows->setSubtreeCollapsed(span, true);
            rowsChanged();
            Q_EMIT structureChanged();
        });
    }
    menu.addSeparator();
    menu.addAction(tr("Copy span id"), this,
        [span, id = spanIdToHex(trace.spanIds[span])] { QGuiApplication::clipboard()->setText(id); });
    menu.exec(event->globalPos());
}

QString WaterfallView::tooltipFor(qsizetype row, const QPoint&) const
{
    const analysis::WaterfallRow& line = m_rows->rows()[row];
    const analysis::TraceDocument& document = *m_rows->document();
    if (line.isPlaceholder()) {
        return tr("These spans name parent %1, which is not in the trace: it was not sent, was dropped, or the "
                  "trace was cut by a size limit.")
            .arg(spanIdToHex(document.tree.missingParents[line.missingParent].parentSpanId));
    }
    const Trace& trace = document.trace;
    const std::int32_t span = line.span;
    QString text
        = QStringLiteral("<b>%1</b> %2<br>")
              .arg(trace.string(trace.services[span]).toHtmlEscaped(), trace.string(trace.names[span]).toHtmlEscaped())
        + tr("Duration %1, self %2, starts at +%3")
              .arg(analysis::formatDurationNs(trace.durationNs(span)),
                  analysis::formatDurationNs(document.selfNs[span]),
                  analysis::formatDurationNs(document.tree.startNs(trace, span) - m_geometry.traceStartNs));
    if (trace.statusCodes[span] == StatusCode::Error)
        text += u"<br>" + tr("Error: %1").arg(trace.string(trace.statusMessages[span]).toHtmlEscaped());
    if (document.tree.skewNs[span] != 0)
        text += u"<br>"
            + tr("Shifted by %1 to correct clock skew")
                  .arg(analysis::formatSignedDurationNs(document.tree.skewNs[span]));
    if (document.criticalPath.contains(span))
        text += u"<br>" + tr("On the critical path");
    text += u"<br>" + tr("Depth %1").arg(line.depth);
    return text;
}

bool WaterfallView::viewportEvent(QEvent* event)
{
    if (event->type() == QEvent::ToolTip && m_rows && m_rows->document()) {
        auto* help = static_cast<QHelpEvent*>(event);
        const qsizetype row = m_geometry.rowAt(help->pos().y());
        if (row >= 0 && row < m_rows->rowCount())
            QToolTip::showText(help->globalPos(), tooltipFor(row, help->pos()), viewport());
        else
            QToolTip::hideText();
        return true;
    }
    if (event->type() == QEvent::Leave && m_hoverRow >= 0) {
        m_hoverRow = -1;
        viewport()->update();
    }
    return QAbstractScrollArea::viewportEvent(event);
}

} // namespace firebreak::ui
