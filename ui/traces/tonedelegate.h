#pragma once

#include <QStyledItemDelegate>

namespace firebreak::ui {

/// Colours a cell by the analysis::CellTone its model gives through `toneRole`, in shades that read on both
/// light and dark palettes.
class ToneDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit ToneDelegate(int toneRole, QObject* parent = nullptr);
    ~ToneDelegate() override;

protected:
    void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const final;

private:
    int m_toneRole;
};

} // namespace firebreak::ui
