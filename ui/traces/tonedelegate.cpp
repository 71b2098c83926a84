#include "tonedelegate.h"

#include "analysis/celltone.h"

namespace firebreak::ui {

using analysis::CellTone;

namespace {

bool isDark(const QPalette& palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

QColor red(bool dark)
{
    return dark ? QColor(0xf2, 0x8b, 0x82) : QColor(0xb3, 0x26, 0x1e);
}

QColor green(bool dark)
{
    return dark ? QColor(0x81, 0xc9, 0x95) : QColor(0x18, 0x80, 0x38);
}

} // namespace

ToneDelegate::ToneDelegate(int toneRole, QObject* parent)
    : QStyledItemDelegate(parent)
    , m_toneRole(toneRole)
{ }

ToneDelegate::~ToneDelegate() = default;

void ToneDelegate::initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (m_boldGroups && !index.parent().isValid() && index.model()->hasChildren(index.siblingAtColumn(0)))
        option->font.setBold(true);
    const QVariant toneValue = index.data(m_toneRole);
    if (!toneValue.isValid())
        return;
    const auto tone = static_cast<CellTone>(toneValue.toInt());
    const bool dark = isDark(option->palette);
    QColor text;
    QColor tint;
    switch (tone) {
    case CellTone::Normal:
        return;
    case CellTone::Muted:
        text = option->palette.color(QPalette::Disabled, QPalette::Text);
        break;
    case CellTone::Error:
    case CellTone::Slower:
        text = red(dark);
        break;
    case CellTone::Faster:
        text = green(dark);
        break;
    case CellTone::OnlyA:
        text = red(dark);
        tint = red(dark);
        break;
    case CellTone::OnlyB:
        text = green(dark);
        tint = green(dark);
        break;
    }
    option->palette.setColor(QPalette::Text, text);
    if (tint.isValid()) {
        tint.setAlpha(dark ? 48 : 28);
        option->backgroundBrush = tint;
    }
}

} // namespace firebreak::ui
