#include "aboutdialog.h"

#include "common/applicationinfo.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace firebreak::ui {

AboutDialog::AboutDialog(const QString& logFile, QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(tr("About Firebreak"));
    setObjectName(QStringLiteral("aboutDialog"));

    auto* title = new QLabel(QStringLiteral("<h2>Firebreak %1</h2>").arg(applicationVersion()), this);
    auto* blurb = new QLabel(tr("Incident command, metrics, logs and traces on one time range."), this);
    blurb->setWordWrap(true);

    const auto versions = libraryVersions();
    auto* table = new QTableWidget(static_cast<int>(versions.size()), 2, this);
    table->setObjectName(QStringLiteral("libraryVersions"));
    table->setHorizontalHeaderLabels({ tr("Library"), tr("Version") });
    table->verticalHeader()->setVisible(false);
    table->horizontalHeader()->setStretchLastSection(true);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    for (int row = 0; row < versions.size(); ++row) {
        table->setItem(row, 0, new QTableWidgetItem(versions.at(row).first));
        table->setItem(row, 1, new QTableWidgetItem(versions.at(row).second));
    }
    table->resizeColumnToContents(0);

    auto* log = new QLabel(logFile.isEmpty() ? tr("The log goes to standard error (no writable log folder).")
                                             : tr("Log file: %1").arg(logFile),
        this);
    log->setObjectName(QStringLiteral("logFilePath"));
    log->setTextInteractionFlags(Qt::TextSelectableByMouse);
    log->setWordWrap(true);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &AboutDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(blurb);
    layout->addWidget(table, 1);
    layout->addWidget(log);
    layout->addWidget(buttons);
    resize(520, 420);
}

AboutDialog::~AboutDialog() = default;

} // namespace firebreak::ui
