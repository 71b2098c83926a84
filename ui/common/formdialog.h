#pragma once

#include <QDialogButtonBox>

class QDialog;
class QLayout;
class QWidget;

namespace firebreak::ui {

/// Puts `form` (below an optional `note`) and the `buttons` into `dialog` and runs it modally.
/// True when the user accepted.
bool runFormDialog(QDialog& dialog, QLayout* form, QWidget* note = nullptr,
    QDialogButtonBox::StandardButtons buttons = QDialogButtonBox::Ok | QDialogButtonBox::Cancel);

} // namespace firebreak::ui
