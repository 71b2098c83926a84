#include "metricslegend.h"

#include <QMouseEvent>
#include <QPainter>
#include <QResizeEvent>
#include <QScrollBar>

#include <algorithm>

namespace firebreak::ui {

namespace {

QIcon swatch(const QColor& color, bool filled)
{
    QPixmap pixmap(14, 14);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(color, 2));
    painter.setBrush(filled ? QBrush(color) : QBrush(Qt::NoBrush));
    painter.drawRoundedRect(QRectF(2, 5, 10, 4), 1.5, 1.5);
    return QIcon(pixmap);
}

} // namespace

MetricsLegend::MetricsLegend(QWidget* parent)
    : QListWidget(parent)
{
    setObjectName(QStringLiteral("metricsLegend"));
    setFlow(QListView::LeftToRight);
    setWrapping(true);
    setResizeMode(QListView::Adjust);
    setSelectionMode(QAbstractItemView::NoSelection);
    setFocusPolicy(Qt::NoFocus);
    setFrameShape(QFrame::NoFrame);
    setSpacing(2);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    viewport()->setAutoFillBackground(false);
    setMouseTracking(true);
}

MetricsLegend::~MetricsLegend() = default;

void MetricsLegend::setEntries(const QList<Entry>& entries)
{
    const int scroll = verticalScrollBar()->value();
    clear();
    const QColor dimmed = palette().color(QPalette::Disabled, QPalette::Text);
    for (const Entry& entry : entries) {
        auto* item = new QListWidgetItem(swatch(entry.color, entry.visible), entry.name, this);
        item->setToolTip(entry.toolTip);
        if (!entry.visible)
            item->setForeground(dimmed);
    }
    verticalScrollBar()->setValue(scroll);
    fitHeight();
}

QRect MetricsLegend::entryRect(int index) const
{
    return visualItemRect(item(index));
}

QSize MetricsLegend::sizeHint() const
{
    return { 100, height() };
}

void MetricsLegend::fitHeight()
{
    // As tall as its wrapped entries, up to four lines; more scroll.
    if (count() == 0) {
        setFixedHeight(0);
        return;
    }
    doItemsLayout();
    const int line = fontMetrics().height() + 8;
    const int content = contentsSize().height() + 2 * frameWidth() + 4;
    setFixedHeight(std::clamp(content, line, 4 * line));
}

void MetricsLegend::resizeEvent(QResizeEvent* event)
{
    QListWidget::resizeEvent(event);
    if (event->size().width() != event->oldSize().width())
        fitHeight();
}

void MetricsLegend::mousePressEvent(QMouseEvent* event)
{
    const QListWidgetItem* hit = itemAt(event->position().toPoint());
    m_pressed = hit ? row(hit) : -1;
    event->accept();
}

void MetricsLegend::mouseReleaseEvent(QMouseEvent* event)
{
    const QListWidgetItem* hit = itemAt(event->position().toPoint());
    const int index = hit ? row(hit) : -1;
    if (event->button() == Qt::LeftButton && index >= 0 && index == m_pressed)
        Q_EMIT entryClicked(index, event->modifiers());
    m_pressed = -1;
    event->accept();
}

void MetricsLegend::mouseDoubleClickEvent(QMouseEvent* event)
{
    // Two quick clicks are two clicks (hide, show again), not an edit.
    mousePressEvent(event);
}

} // namespace firebreak::ui
