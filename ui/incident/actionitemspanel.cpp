#include "actionitemspanel.h"

#include "common/formdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace firebreak::ui {

namespace {
QString statusLabel(const QString& status)
{
    if (status == QLatin1String("open"))
        return ActionItemsPanel::tr("Open");
    if (status == QLatin1String("in_progress"))
        return ActionItemsPanel::tr("In progress");
    if (status == QLatin1String("done"))
        return ActionItemsPanel::tr("Done");
    if (status == QLatin1String("wont_do"))
        return ActionItemsPanel::tr("Won't do");
    return status;
}
} // namespace

QStringList ActionItemsPanel::statuses()
{
    return { QStringLiteral("open"), QStringLiteral("in_progress"), QStringLiteral("done"), QStringLiteral("wont_do") };
}

ActionItemsPanel::ActionItemsPanel(QWidget* parent)
    : QWidget(parent)
    , m_table(new QTableWidget(0, 4, this))
{
    setObjectName(QStringLiteral("actionItemsPanel"));
    m_table->setObjectName(QStringLiteral("actionItems"));
    m_table->setHorizontalHeaderLabels({ tr("Action item"), tr("Owner"), tr("Due"), tr("Status") });
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->verticalHeader()->setVisible(false);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);

    auto* add = new QPushButton(tr("Add action item…"), this);
    add->setObjectName(QStringLiteral("addActionItem"));
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(add);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);
    connect(add, &QPushButton::clicked, this, [this] { addItem(QString()); });
}

ActionItemsPanel::~ActionItemsPanel() = default;

void ActionItemsPanel::setTimeDisplay(TimeDisplay display)
{
    m_display = display;
    setIncident(m_incident);
}

void ActionItemsPanel::setIncident(const Incident& incident)
{
    m_incident = incident;
    m_table->setRowCount(0);
    for (const ActionItem& item : incident.actionItems) {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        m_table->setItem(row, 0, new QTableWidgetItem(item.text));
        m_table->setItem(row, 1, new QTableWidgetItem(item.owner));
        m_table->setItem(
            row, 2, new QTableWidgetItem(item.dueMs ? formatTime(*item.dueMs, m_display).left(10) : QString()));
        auto* status = new QComboBox(m_table);
        status->setObjectName(QStringLiteral("actionStatus_%1").arg(row));
        for (const QString& s : statuses())
            status->addItem(statusLabel(s), s);
        status->setCurrentIndex(std::max(0, status->findData(item.status)));
        const QString id = item.id;
        connect(status, &QComboBox::activated, this,
            [this, status, id] { Q_EMIT statusChanged(id, status->currentData().toString()); });
        m_table->setCellWidget(row, 3, status);
    }
}

void ActionItemsPanel::addItem(const QString& raisedByEventId)
{
    QDialog dialog(this);
    dialog.setWindowTitle(tr("New action item"));
    auto* text = new QLineEdit(&dialog);
    text->setObjectName(QStringLiteral("actionText"));
    auto* owner = new QLineEdit(&dialog);
    owner->setObjectName(QStringLiteral("actionOwner"));
    auto* hasDue = new QCheckBox(tr("Due"), &dialog);
    auto* due = new QDateEdit(QDate::currentDate().addDays(14), &dialog);
    due->setCalendarPopup(true);
    due->setEnabled(false);
    connect(hasDue, &QCheckBox::toggled, due, &QDateEdit::setEnabled);
    auto* dueRow = new QHBoxLayout;
    dueRow->addWidget(hasDue);
    dueRow->addWidget(due, 1);
    auto* form = new QFormLayout;
    form->addRow(tr("What"), text);
    form->addRow(tr("Owner"), owner);
    form->addRow(QString(), dueRow);
    if (!runFormDialog(dialog, form) || text->text().trimmed().isEmpty())
        return;
    std::optional<qint64> dueMs;
    if (hasDue->isChecked())
        dueMs = QDateTime(due->date(), QTime(17, 0)).toMSecsSinceEpoch();
    Q_EMIT added(text->text().trimmed(), owner->text().trimmed(), dueMs, raisedByEventId);
}

} // namespace firebreak::ui
