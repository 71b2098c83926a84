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

    /// Top-level rows that hold others (a service above its operations) in bold.
    void setBoldGroups(bool bold) { m_boldGroups = bold; }

protected:
    void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const final;

private:
    int m_toneRole;
    bool m_boldGroups = false;
};

} // namespace firebreak::ui
