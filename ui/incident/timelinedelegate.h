#pragma once

#include <QStyledItemDelegate>

namespace firebreak::ui {

/// Timeline cells: key events bold, corrected events struck through with the correction below,
/// evidence with its thumbnail. Reads only through the model's roles.
class TimelineDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit TimelineDelegate(QObject* parent = nullptr);
    ~TimelineDelegate() override;

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const final;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const final;

protected:
    void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const final;
};

} // namespace firebreak::ui
