#include "loglinedelegate.h"

#include "analysis/logfilter.h"
#include "analysis/traceidfinder.h"
#include "loglevelcolors.h"
#include "loglistmodel.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QDateTime>
#include <QFontDatabase>
#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QTextLayout>
#include <QTimeZone>
#include <QToolTip>

#include <algorithm>

namespace firebreak::ui {

using analysis::LogLevel;

namespace {

constexpr int BarWidth = 4;
constexpr int Gap = 8;
constexpr int VerticalPadding = 2;
// Past this a row shows the start of its line (the details pane has all of it): a 1 MB line must not stall
// painting. Wrapped rows show more.
constexpr qsizetype MaxUnwrappedChars = 3000;
constexpr qsizetype MaxWrappedChars = 40000;

QString visibleText(const QString& text, bool wrap)
{
    const qsizetype cap = wrap ? MaxWrappedChars : MaxUnwrappedChars;
    QString out = text.size() > cap ? text.left(cap) : text;
    // One character for one, so match positions in the text stay valid.
    for (QChar& c : out) {
        switch (c.unicode()) {
        case u'\n':
            c = wrap ? QChar(QChar::LineSeparator) : QChar(u'↵');
            break;
        case u'\r':
        case u'\t':
        case u'\v':
        case u'\f':
            c = u' ';
            break;
        default:
            break;
        }
    }
    return out;
}

int availableWidth(const QStyleOptionViewItem& option)
{
    if (const auto* view = qobject_cast<const QAbstractItemView*>(option.widget))
        return view->viewport()->width();
    return option.rect.width();
}

} // namespace

struct LogLineDelegate::Row
{
    QRect bar;
    QRect time;
    QString timeText;
    QRect badge;
    QString badgeText;
    QRect labels;
    QString labelsText;
    QPointF textOrigin;
    std::shared_ptr<QTextLayout> text;
    struct Link
    {
        qsizetype start;
        qsizetype length;
        QString traceId;
    };
    QList<Link> links;
    int height = 0;
};

LogLineDelegate::LogLineDelegate(QObject* parent)
    : QStyledItemDelegate(parent)
    , m_font(QFontDatabase::systemFont(QFontDatabase::FixedFont))
{ }

LogLineDelegate::~LogLineDelegate() = default;

void LogLineDelegate::setHighlights(std::vector<std::shared_ptr<const analysis::LineMatcher>> matchers)
{
    m_highlights = std::move(matchers);
}

void LogLineDelegate::setTraceIdFinder(std::shared_ptr<const analysis::TraceIdFinder> finder)
{
    m_traceIds = std::move(finder);
}

int LogLineDelegate::lineHeight() const
{
    return QFontMetrics(m_font).height() + 2 * VerticalPadding;
}

QString LogLineDelegate::formatTimestamp(qint64 ns, TimeDisplay display, TimePrecision precision)
{
    const qint64 ms = ns >= 0 ? ns / 1'000'000 : -((-ns + 999'999) / 1'000'000);
    const QDateTime time = display == TimeDisplay::Utc ? QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc())
                                                       : QDateTime::fromMSecsSinceEpoch(ms);
    QString text = time.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
    if (precision == TimePrecision::Microseconds) {
        const qint64 micros = (ns - ms * 1'000'000) / 1000;
        text += QStringLiteral("%1").arg(micros, 3, 10, QLatin1Char('0'));
    }
    return text;
}

LogLineDelegate::Row LogLineDelegate::layoutRow(const QRect& rowRect, const QModelIndex& index) const
{
    Row row;
    const QFontMetrics metrics(m_font);
    const int top = rowRect.top() + VerticalPadding;
    const int line = metrics.height();
    row.bar = QRect(rowRect.left(), rowRect.top(), BarWidth, rowRect.height());
    int x = rowRect.left() + BarWidth + Gap / 2;

    row.timeText = formatTimestamp(index.data(LogListModel::TimestampNsRole).toLongLong(), m_display, m_precision);
    const int timeWidth = metrics.horizontalAdvance(m_precision == TimePrecision::Microseconds
            ? QStringLiteral("0000-00-00 00:00:00.000000")
            : QStringLiteral("0000-00-00 00:00:00.000"));
    row.time = QRect(x, top, timeWidth, line);
    x += timeWidth + Gap;

    const int repeats = index.data(LogListModel::RepeatsRole).toInt();
    if (repeats > 1) {
        row.badgeText = QStringLiteral("×%L1").arg(repeats);
        row.badge = QRect(x, top, metrics.horizontalAdvance(row.badgeText) + 8, line);
        x += row.badge.width() + Gap;
    }
    if (m_showLabels) {
        const int width = std::min(metrics.horizontalAdvance(index.data(LogListModel::StreamKeyRole).toString()),
            std::max(80, rowRect.width() * 35 / 100));
        row.labelsText = metrics.elidedText(index.data(LogListModel::StreamKeyRole).toString(), Qt::ElideRight, width);
        row.labels = QRect(x, top, width, line);
        x += width + Gap;
    }

    const QString full = index.data(LogListModel::TextRole).toString();
    const QString text = visibleText(full, m_wrap);
    QList<QTextLayout::FormatRange> formats;
    QTextCharFormat match;
    match.setBackground(QColor(255, 202, 40, 150));
    for (const auto& matcher : m_highlights) {
        for (const auto& [start, length] : matcher->matchRanges(QStringView(text))) {
            if (length > 0)
                formats.append({ static_cast<int>(start), static_cast<int>(length), match });
        }
    }
    if (m_traceIds) {
        QTextCharFormat link;
        link.setForeground(QColor(0x2f, 0x80, 0xed));
        link.setFontUnderline(true);
        for (const auto& found : m_traceIds->find(QStringView(text))) {
            row.links.append({ found.start, found.length, found.traceId });
            formats.append({ static_cast<int>(found.start), static_cast<int>(found.length), link });
        }
    }

    auto layout = std::make_shared<QTextLayout>(text, m_font);
    QTextOption option;
    option.setWrapMode(m_wrap ? QTextOption::WrapAnywhere : QTextOption::NoWrap);
    layout->setTextOption(option);
    layout->setFormats(formats);
    const qreal width = m_wrap ? std::max(80, rowRect.right() - x - Gap / 2) : 1e7;
    qreal y = 0;
    layout->beginLayout();
    for (QTextLine textLine = layout->createLine(); textLine.isValid(); textLine = layout->createLine()) {
        textLine.setLineWidth(width);
        textLine.setPosition(QPointF(0, y));
        y += textLine.height();
        if (!m_wrap)
            break;
    }
    layout->endLayout();
    row.text = std::move(layout);
    row.textOrigin = QPointF(x, top);
    row.height = std::max(line, static_cast<int>(std::ceil(y))) + 2 * VerticalPadding;
    return row;
}

void LogLineDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    const auto level = static_cast<LogLevel>(index.data(LogListModel::LevelRole).toInt());
    const bool selected = option.state & QStyle::State_Selected;
    if (!selected) {
        const QColor base = option.palette.color(QPalette::Base);
        const QColor tint = logLevelRowTint(level, base);
        if (tint != base)
            painter->fillRect(option.rect, tint);
    }
    QStyleOptionViewItem panel = option;
    initStyleOption(&panel, index);
    panel.text.clear();
    const QWidget* widget = option.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &panel, painter, widget);

    const Row row = layoutRow(option.rect, index);
    const QColor textColor = option.palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
    QColor dim = textColor;
    dim.setAlphaF(0.65);

    painter->save();
    painter->setClipRect(option.rect);
    painter->setFont(m_font);
    painter->fillRect(row.bar, logLevelColor(level));
    painter->setPen(dim);
    painter->drawText(row.time, Qt::AlignLeft | Qt::AlignVCenter, row.timeText);
    if (!row.badgeText.isEmpty()) {
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setBrush(option.palette.color(QPalette::Mid));
        painter->setPen(Qt::NoPen);
        painter->drawRoundedRect(row.badge, 6, 6);
        painter->setPen(option.palette.color(QPalette::BrightText));
        painter->drawText(row.badge, Qt::AlignCenter, row.badgeText);
    }
    if (!row.labelsText.isEmpty()) {
        painter->setPen(dim);
        painter->drawText(row.labels, Qt::AlignLeft | Qt::AlignVCenter, row.labelsText);
    }
    painter->setPen(textColor);
    row.text->draw(painter, row.textOrigin);
    painter->restore();
}

QSize LogLineDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    if (!m_wrap)
        return QSize(availableWidth(option), lineHeight());
    const QRect rect(0, 0, availableWidth(option), lineHeight());
    return QSize(rect.width(), layoutRow(rect, index).height);
}

QList<QPair<QRect, QString>> LogLineDelegate::traceLinks(const QRect& rowRect, const QModelIndex& index) const
{
    QList<QPair<QRect, QString>> out;
    const Row row = layoutRow(rowRect, index);
    for (const Row::Link& link : row.links) {
        const qsizetype end = link.start + link.length;
        for (int i = 0; i < row.text->lineCount(); ++i) {
            const QTextLine line = row.text->lineAt(i);
            const qsizetype from = std::max<qsizetype>(link.start, line.textStart());
            const qsizetype to = std::min<qsizetype>(end, line.textStart() + line.textLength());
            if (from >= to)
                continue;
            const qreal x1 = line.cursorToX(static_cast<int>(from));
            const qreal x2 = line.cursorToX(static_cast<int>(to));
            const QRectF area(row.textOrigin.x() + x1, row.textOrigin.y() + line.y(), x2 - x1, line.height());
            out.append({ area.toAlignedRect().intersected(rowRect), link.traceId });
        }
    }
    return out;
}

QString LogLineDelegate::traceLinkAt(const QRect& rowRect, const QModelIndex& index, const QPoint& pos) const
{
    if (!m_traceIds || !rowRect.contains(pos))
        return {};
    for (const auto& [rect, traceId] : traceLinks(rowRect, index)) {
        if (rect.contains(pos))
            return traceId;
    }
    return {};
}

bool LogLineDelegate::editorEvent(
    QEvent* event, QAbstractItemModel* model, const QStyleOptionViewItem& option, const QModelIndex& index)
{
    if (event->type() == QEvent::MouseButtonRelease) {
        const auto* mouse = static_cast<QMouseEvent*>(event);
        if (mouse->button() == Qt::LeftButton) {
            const QString traceId = traceLinkAt(option.rect, index, mouse->position().toPoint());
            if (!traceId.isEmpty()) {
                Q_EMIT traceIdClicked(traceId);
                return true;
            }
        }
    }
    return QStyledItemDelegate::editorEvent(event, model, option, index);
}

bool LogLineDelegate::helpEvent(
    QHelpEvent* event, QAbstractItemView* view, const QStyleOptionViewItem& option, const QModelIndex& index)
{
    if (!event || !view || !index.isValid())
        return false;
    const QString traceId = traceLinkAt(option.rect, index, event->pos());
    QString tip;
    if (!traceId.isEmpty()) {
        tip = tr("Open trace %1").arg(traceId);
    } else {
        const qint64 ns = index.data(LogListModel::TimestampNsRole).toLongLong();
        const auto level = static_cast<LogLevel>(index.data(LogListModel::LevelRole).toInt());
        tip = tr("%1 (%2 ns)\nLevel: %3\n%4")
                  .arg(formatTimestamp(ns, m_display, TimePrecision::Microseconds))
                  .arg(ns)
                  .arg(analysis::logLevelName(level), index.data(LogListModel::StreamKeyRole).toString());
        const int repeats = index.data(LogListModel::RepeatsRole).toInt();
        if (repeats > 1)
            tip += u'\n' + tr("Stands for %L1 lines (deduplicated)").arg(repeats);
    }
    QToolTip::showText(event->globalPos(), tip, view);
    return true;
}

} // namespace firebreak::ui
