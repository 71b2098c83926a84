#include "traceminimap.h"

#include "servicecolors.h"
#include "waterfallview.h"

#include <QMouseEvent>
#include <QPainter>

namespace firebreak::ui {

TraceMinimap::TraceMinimap(WaterfallView* view, QWidget* parent)
    : QWidget(parent)
    , m_view(view)
{
    setObjectName(QStringLiteral("traceMinimap"));
    setMinimumHeight(40);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setCursor(Qt::PointingHandCursor);
    setToolTip(tr("The whole trace: drag the frame to move the waterfall"));
    const auto redraw = [this] { update(); };
    connect(view, &WaterfallView::zoomChanged, this, redraw);
    connect(view, &WaterfallView::viewportMoved, this, redraw);
    connect(view, &WaterfallView::structureChanged, this, &TraceMinimap::invalidate);
}

TraceMinimap::~TraceMinimap() = default;

void TraceMinimap::invalidate()
{
    m_dirty = true;
    update();
}

void TraceMinimap::resizeEvent(QResizeEvent*)
{
    m_dirty = true;
}

void TraceMinimap::renderPicture()
{
    m_dirty = false;
    m_picture = QImage(size(), QImage::Format_ARGB32_Premultiplied);
    m_picture.fill(Qt::transparent);
    const analysis::WaterfallRows* rows = m_view->rows();
    if (!rows || !rows->document() || rows->rowCount() == 0)
        return;
    const analysis::TraceDocument& document = *rows->document();
    const WaterfallGeometry& geometry = m_view->waterfallGeometry();
    const double traceNs = static_cast<double>(geometry.traceEndNs - geometry.traceStartNs);
    const int height = m_picture.height();
    const int width = m_picture.width();
    const qsizetype count = rows->rowCount();
    // One pixel line per group of rows: the union of their bars, in the colour of the first.
    QPainter painter(&m_picture);
    qsizetype row = 0;
    for (int y = 0; y < height && row < count; ++y) {
        const qsizetype endRow = std::max<qsizetype>(row + 1, count * (y + 1) / height);
        std::int64_t start = geometry.traceEndNs;
        std::int64_t end = geometry.traceStartNs;
        std::int32_t first = -1;
        for (; row < endRow && row < count; ++row) {
            const std::int32_t span = rows->rows()[row].span;
            if (span < 0)
                continue;
            first = first < 0 ? span : first;
            start = std::min(start, document.tree.startNs(document.trace, span));
            end = std::max(end, document.tree.endNs(document.trace, span));
        }
        if (first < 0)
            continue;
        const int x1 = static_cast<int>(static_cast<double>(start - geometry.traceStartNs) * width / traceNs);
        const int x2
            = std::max(x1 + 1, static_cast<int>(static_cast<double>(end - geometry.traceStartNs) * width / traceNs));
        const int rowsPerLine = static_cast<int>(std::max<qsizetype>(1, height / count));
        painter.fillRect(QRect(x1, y, x2 - x1, std::max(1, rowsPerLine - 1)),
            document.trace.statusCodes[first] == StatusCode::Error
                ? QColor(0xd3, 0x2f, 0x2f)
                : serviceColor(document.trace.view(document.trace.services[first])));
        y += rowsPerLine - 1;
    }
}

QRectF TraceMinimap::frameRect() const
{
    const analysis::WaterfallRows* rows = m_view->rows();
    const WaterfallGeometry& geometry = m_view->waterfallGeometry();
    const double traceNs = static_cast<double>(geometry.traceEndNs - geometry.traceStartNs);
    const double x1 = static_cast<double>(geometry.viewStartNs - geometry.traceStartNs) * width() / traceNs;
    const double x2 = static_cast<double>(geometry.viewEndNs - geometry.traceStartNs) * width() / traceNs;
    const double count = rows ? static_cast<double>(std::max<qsizetype>(1, rows->rowCount())) : 1.0;
    const double y1 = static_cast<double>(m_view->firstVisibleRow()) * height() / count;
    const double y2 = std::min<double>(
        height(), static_cast<double>(m_view->firstVisibleRow() + m_view->visibleRowCount()) * height() / count);
    return QRectF(QPointF(x1, y1), QPointF(x2, std::max(y2, y1 + 3)));
}

void TraceMinimap::paintEvent(QPaintEvent*)
{
    if (m_dirty || m_picture.size() != size())
        renderPicture();
    QPainter painter(this);
    painter.fillRect(rect(), palette().color(QPalette::Base));
    painter.drawImage(0, 0, m_picture);
    const QRectF frame = frameRect().adjusted(0.5, 0.5, -0.5, -0.5);
    // Dim what the waterfall does not show.
    QColor shade = palette().color(QPalette::Window);
    shade.setAlpha(150);
    painter.fillRect(QRectF(0, 0, width(), frame.top()), shade);
    painter.fillRect(QRectF(0, frame.bottom(), width(), height() - frame.bottom()), shade);
    painter.fillRect(QRectF(0, frame.top(), frame.left(), frame.height()), shade);
    painter.fillRect(QRectF(frame.right(), frame.top(), width() - frame.right(), frame.height()), shade);
    painter.setPen(QPen(palette().color(QPalette::Highlight), 1.5));
    painter.drawRect(frame);
    painter.setPen(palette().color(QPalette::Mid));
    painter.drawLine(0, height() - 1, width(), height() - 1);
}

void TraceMinimap::moveFrameTo(const QPointF& centre)
{
    const analysis::WaterfallRows* rows = m_view->rows();
    if (!rows || rows->rowCount() == 0)
        return;
    const WaterfallGeometry& geometry = m_view->waterfallGeometry();
    const double traceNs = static_cast<double>(geometry.traceEndNs - geometry.traceStartNs);
    const std::int64_t window = geometry.windowNs();
    const auto centreNs = geometry.traceStartNs + static_cast<std::int64_t>(centre.x() / width() * traceNs);
    if (geometry.isZoomed())
        m_view->zoomTo(centreNs - window / 2, centreNs + window / 2);
    const auto row = static_cast<qsizetype>(centre.y() / height() * static_cast<double>(rows->rowCount()));
    m_view->scrollToRow(std::max<qsizetype>(0, row - m_view->visibleRowCount() / 2));
}

void TraceMinimap::mousePressEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton)
        return;
    const QRectF frame = frameRect();
    m_dragging = true;
    m_grabOffset = frame.contains(event->position()) ? frame.center() - event->position() : QPointF();
    moveFrameTo(event->position() + m_grabOffset);
}

void TraceMinimap::mouseMoveEvent(QMouseEvent* event)
{
    if (m_dragging)
        moveFrameTo(event->position() + m_grabOffset);
}

void TraceMinimap::mouseReleaseEvent(QMouseEvent*)
{
    m_dragging = false;
}

} // namespace firebreak::ui
