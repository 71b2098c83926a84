#include "formdialog.h"

#include <QDialog>
#include <QVBoxLayout>

namespace firebreak::ui {

bool runFormDialog(QDialog& dialog, QLayout* form, QWidget* note, QDialogButtonBox::StandardButtons buttons)
{
    auto* box = new QDialogButtonBox(buttons, &dialog);
    QObject::connect(box, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    QObject::connect(box, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto* layout = new QVBoxLayout(&dialog);
    if (note)
        layout->addWidget(note);
    layout->addLayout(form);
    layout->addWidget(box);
    dialog.resize(std::max(dialog.sizeHint().width(), 460), dialog.sizeHint().height());
    return dialog.exec() == QDialog::Accepted;
}

} // namespace firebreak::ui
