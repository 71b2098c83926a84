#include "timelinedelegate.h"

#include "journal/timelinemodel.h"

#include <QPainter>
#include <QPixmap>

namespace firebreak::ui {

using journal::TimelineModel;

namespace {
constexpr int ThumbnailHeight = 18; // rows have one height; the full picture belongs to the detail view

QPixmap thumbnail(const QModelIndex& index)
{
    if (index.column() != TimelineModel::TextColumn)
        return {};
    const QVariantMap evidence = index.data(TimelineModel::EvidenceRole).toMap();
    const QByteArray png = evidence.value(QStringLiteral("thumbnail")).toByteArray();
    QPixmap pixmap;
    if (png.isEmpty() || !pixmap.loadFromData(png, "PNG"))
        return {};
    return pixmap.scaledToHeight(ThumbnailHeight, Qt::SmoothTransformation);
}
} // namespace

TimelineDelegate::TimelineDelegate(QObject* parent)
    : QStyledItemDelegate(parent)
{ }

TimelineDelegate::~TimelineDelegate() = default;

void TimelineDelegate::initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (index.column() != TimelineModel::TextColumn)
        return;
    if (index.data(TimelineModel::KeyRole).toBool())
        option->font.setBold(true);
    if (!index.data(TimelineModel::CorrectionRole).toString().isEmpty())
        option->palette.setColor(QPalette::Text, option->palette.color(QPalette::Disabled, QPalette::Text));
}

void TimelineDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    const QPixmap pixmap = thumbnail(index);
    if (pixmap.isNull()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem textOption = option;
    textOption.rect.setLeft(option.rect.left() + pixmap.width() + 8);
    QStyledItemDelegate::paint(painter, textOption, index);
    painter->drawPixmap(
        option.rect.left() + 4, option.rect.top() + (option.rect.height() - pixmap.height()) / 2, pixmap);
}

QSize TimelineDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    const QPixmap pixmap = thumbnail(index);
    if (!pixmap.isNull())
        size = QSize(size.width() + pixmap.width() + 8, std::max(size.height(), ThumbnailHeight + 4));
    return size;
}

} // namespace firebreak::ui
