#include "incidentworkspace.h"

#include "common/emptystate.h"
#include "common/formdialog.h"
#include "declaredialog.h"
#include "incidentview.h"
#include "journal/incidentlistmodel.h"
#include "pinevidencedialog.h"
#include "postmortempanel.h"

#include <QComboBox>
#include <QDateTime>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpression>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace firebreak::ui {

using journal::IncidentListModel;
using journal::JournalService;

IncidentWorkspace::IncidentWorkspace(
    JournalService& service, QSettings& settings, std::function<QString()> author, QWidget* parent)
    : QWidget(parent)
    , m_service(service)
    , m_settings(settings)
    , m_author(std::move(author))
    , m_model(new IncidentListModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_search(new QLineEdit(this))
    , m_scope(new QComboBox(this))
    , m_list(new QTableView(this))
    , m_banner(new QLabel(this))
    , m_stack(new QStackedWidget(this))
    , m_empty(new EmptyState(this))
    , m_view(new IncidentView(service, settings, m_author, this))
{
    setObjectName(QStringLiteral("incidentWorkspace"));
    m_search->setObjectName(QStringLiteral("incidentSearch"));
    m_scope->setObjectName(QStringLiteral("incidentScope"));
    m_list->setObjectName(QStringLiteral("incidentList"));
    m_banner->setObjectName(QStringLiteral("journalBanner"));

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(IncidentListModel::SortRole);
    m_proxy->setFilterRole(IncidentListModel::IdRole);
    m_list->setModel(m_proxy);
    m_list->setSortingEnabled(true);
    m_list->sortByColumn(IncidentListModel::DeclaredColumn, Qt::DescendingOrder);
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->verticalHeader()->setVisible(false);
    m_list->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_list->horizontalHeader()->setSectionResizeMode(IncidentListModel::TitleColumn, QHeaderView::Stretch);
    // A narrow list must keep the title readable; the commander is in each row's tooltip.
    m_list->setColumnHidden(IncidentListModel::CommanderColumn, true);
    m_list->setWordWrap(false);

    m_search->setPlaceholderText(tr("Search titles, notes, updates…"));
    m_search->setClearButtonEnabled(true);
    m_scope->addItem(tr("Open incidents"), true);
    m_scope->addItem(tr("All incidents"), false);
    auto* declare = new QPushButton(tr("Declare incident"), this);
    declare->setObjectName(QStringLiteral("declareIncident"));
    declare->setToolTip(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D).toString(QKeySequence::NativeText));
    m_banner->setWordWrap(true);
    m_banner->setVisible(false);

    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    auto* filters = new QHBoxLayout;
    filters->addWidget(m_scope);
    filters->addWidget(m_search, 1);
    leftLayout->addLayout(filters);
    leftLayout->addWidget(m_list, 1);
    leftLayout->addWidget(declare);

    m_stack->addWidget(m_empty);
    m_stack->addWidget(m_view);
    auto* splitter = new QSplitter(this);
    splitter->addWidget(left);
    splitter->addWidget(m_stack);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 5);
    splitter->setSizes({ 480, 900 });

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addWidget(splitter, 1);

    connect(declare, &QPushButton::clicked, this, &IncidentWorkspace::declareIncident);
    connect(m_empty, &EmptyState::actionTriggered, this, [this] {
        if (!m_journalBroken) {
            declareIncident();
            return;
        }
        // Restore: copy the newest backup to a new file and continue there; the damaged file stays as it was.
        if (m_backups.isEmpty())
            return;
        const QString restored
            = QFileInfo(m_service.path())
                  .absoluteDir()
                  .filePath(QStringLiteral("journal-restored-%1.sqlite")
                                .arg(QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'"))));
        if (!QFile::copy(m_backups.first(), restored)) {
            showBanner(tr("Cannot copy the backup %1 to %2.").arg(m_backups.first(), restored), true);
            return;
        }
        Q_EMIT journalChosen(restored);
    });
    connect(m_empty, &EmptyState::secondaryActionTriggered, this, [this] {
        const QString fresh
            = QFileInfo(m_service.path())
                  .absoluteDir()
                  .filePath(QStringLiteral("journal-%1.sqlite")
                                .arg(QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'"))));
        Q_EMIT journalChosen(fresh);
    });
    connect(m_scope, &QComboBox::currentIndexChanged, this,
        [this] { m_service.loadIncidents(m_scope->currentData().toBool()); });
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString& text) {
        if (text.trimmed().isEmpty())
            applySearch(QString(), {});
        else
            m_service.search(text);
    });
    connect(&m_service, &JournalService::searchFinished, this, &IncidentWorkspace::applySearch);
    connect(
        m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex& current) {
            if (current.isValid())
                m_service.loadIncident(current.data(IncidentListModel::IdRole).toString());
        });

    connect(&m_service, &JournalService::opened, this, [this] {
        m_journalBroken = false;
        m_banner->setVisible(false);
        m_service.loadIncidents(m_scope->currentData().toBool());
        m_service.loadSeverityDefinitions();
    });
    connect(&m_service, &JournalService::severityDefinitionsLoaded, this,
        [this](const QMap<Severity, QString>& definitions) { m_definitions = definitions; });
    connect(&m_service, &JournalService::openFailed, this, &IncidentWorkspace::showJournalProblem);
    connect(
        &m_service, &JournalService::incidentsLoaded, this, [this](const QList<journal::IncidentSummary>& incidents) {
            QString keep = m_pendingSelection.isEmpty() ? currentIncidentId() : m_pendingSelection;
            m_model->setIncidents(incidents);
            if (keep.isEmpty() && !m_autoSelected && !incidents.isEmpty()) {
                // On start, show the most severe open incident (the newest of equals): during an
                // outage that is the one wanted.
                m_autoSelected = true;
                const auto worst
                    = std::min_element(incidents.begin(), incidents.end(), [](const auto& a, const auto& b) {
                          return std::pair(static_cast<int>(a.severity), -a.declaredMs)
                              < std::pair(static_cast<int>(b.severity), -b.declaredMs);
                      });
                keep = worst->id;
            }
            if (!keep.isEmpty())
                selectIncident(keep);
            if (m_model->rowOf(keep) >= 0)
                m_pendingSelection.clear();
            updateEmptyState();
        });
    connect(&m_service, &JournalService::incidentLoaded, this,
        [this](const Incident& incident, const QList<JournalEvent>& events) {
            if (incident.id != currentIncidentId())
                return;
            m_view->setIncident(incident, events);
            m_stack->setCurrentWidget(m_view);
        });
    connect(&m_service, &JournalService::changed, this, [this] {
        m_service.loadIncidents(m_scope->currentData().toBool());
        if (!currentIncidentId().isEmpty())
            m_service.loadIncident(currentIncidentId());
    });
    connect(&m_service, &JournalService::written, this, [this](const JournalEvent& event) {
        if (event.kind == EventKind::Declared) {
            m_pendingSelection = event.incidentId;
            if (!m_scope->currentData().toBool())
                return;
        }
        if (m_banner->isVisible() && m_service.pendingWrites() == 0)
            m_banner->setVisible(false);
    });
    connect(&m_service, &JournalService::writeDelayed, this,
        [this](const QString& description, const QString& message, int pending) {
            showBanner(tr("Not saved yet (%n change(s) waiting, retrying): %1 — %2", nullptr, pending)
                           .arg(description, message),
                true);
        });
    connect(&m_service, &JournalService::allWritesSaved, this, [this] {
        if (m_banner->property("error").toBool() && !m_journalBroken)
            showBanner(tr("All changes are saved in the journal."), false);
    });
    connect(
        &m_service, &JournalService::writeRejected, this, [this](const QString& description, const QString& message) {
            showBanner(tr("Not recorded: %1 — %2").arg(description, message), true);
        });
    updateEmptyState();
}

IncidentWorkspace::~IncidentWorkspace() = default;

void IncidentWorkspace::setTimeDisplay(TimeDisplay display)
{
    m_model->setTimeDisplay(display);
    m_view->setTimeDisplay(display);
}

QString IncidentWorkspace::currentIncidentId() const
{
    const QModelIndex current = m_list->currentIndex();
    return current.isValid() ? current.data(IncidentListModel::IdRole).toString() : QString();
}

void IncidentWorkspace::selectIncident(const QString& id)
{
    const int row = m_model->rowOf(id);
    if (row < 0)
        return;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    if (!index.isValid())
        return;
    if (m_list->currentIndex().row() != index.row() || !m_list->selectionModel()->hasSelection())
        m_list->selectRow(index.row());
}

QString IncidentWorkspace::bannerText() const
{
    return m_banner->isVisible() ? m_banner->text() : QString();
}

int IncidentWorkspace::unsavedDrafts() const
{
    return m_view->postmortem()->unsavedDrafts();
}

void IncidentWorkspace::declareIncident()
{
    declareIncidentFrom({}, std::nullopt);
}

void IncidentWorkspace::declareIncidentFrom(
    const journal::DeclareRequest& prefill, const std::optional<journal::Evidence>& evidence)
{
    if (!m_service.isOpen()) {
        showBanner(tr("The journal is not open, so no incident can be declared."), true);
        return;
    }
    DeclareDialog dialog(m_author(), m_definitions, this);
    if (!prefill.title.isEmpty())
        dialog.setPrefill(prefill);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const journal::DeclareRequest request = dialog.request();
    const QString who = m_author();
    if (!m_scope->currentData().toBool())
        m_scope->setCurrentIndex(0); // a new incident is open: make sure it is listed
    // Writes run in order, so the pin finds the id the declaration was given; a refused declaration
    // leaves it empty and the pin is refused with it rather than landing elsewhere.
    auto declaredId = std::make_shared<QString>();
    m_service.write(tr("declaration of \"%1\"").arg(request.title), [request, who, declaredId](journal::Journal& j) {
        JournalEvent event = j.declare(request, who);
        *declaredId = event.incidentId;
        return event;
    });
    if (!evidence)
        return;
    m_service.write(tr("evidence \"%1\"").arg(evidence->title), [evidence, who, declaredId](journal::Journal& j) {
        if (declaredId->isEmpty())
            throw journal::JournalError(journal::JournalError::Kind::Invalid, tr("The incident was not declared."));
        return j.pinEvidence(*declaredId, *evidence, who);
    });
}

void IncidentWorkspace::pinEvidence(const journal::Evidence& evidence)
{
    if (!m_service.isOpen()) {
        showBanner(tr("The journal is not open, so nothing can be pinned."), true);
        return;
    }
    QPointer<IncidentWorkspace> self(this);
    m_service.call<QList<journal::IncidentSummary>>(
        this, [](journal::Journal& j) { return j.incidents(true); },
        [self, evidence](const QList<journal::IncidentSummary>& open, const QString& error) {
            if (!self)
                return;
            if (!error.isEmpty()) {
                self->showBanner(tr("The open incidents could not be read: %1").arg(error), true);
                return;
            }
            PinEvidenceDialog dialog(evidence, open, self->currentIncidentId(), self->window());
            if (dialog.exec() != QDialog::Accepted)
                return;
            const QString incidentId = dialog.incidentId();
            const journal::Evidence pinned = dialog.evidence();
            const QString who = self->m_author();
            self->m_service.write(tr("evidence \"%1\" on %2").arg(pinned.title, incidentId),
                [incidentId, pinned, who](journal::Journal& j) { return j.pinEvidence(incidentId, pinned, who); });
        });
}

void IncidentWorkspace::editSeverityDefinitions()
{
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Severity definitions"));
    dialog.setObjectName(QStringLiteral("severityDefinitionsDialog"));
    auto* form = new QFormLayout;
    QList<QLineEdit*> edits;
    for (int level = 1; level <= 5; ++level) {
        auto* edit = new QLineEdit(m_definitions.value(static_cast<Severity>(level)), &dialog);
        edit->setObjectName(QStringLiteral("definition%1").arg(level));
        edit->setMinimumWidth(480);
        form->addRow(severityName(static_cast<Severity>(level)), edit);
        edits << edit;
    }
    auto* note
        = new QLabel(tr("What each severity means in your organisation; shown when an incident is declared."), &dialog);
    if (!runFormDialog(dialog, form, note, QDialogButtonBox::Save | QDialogButtonBox::Cancel))
        return;
    for (int level = 1; level <= 5; ++level) {
        const auto severity = static_cast<Severity>(level);
        const QString text = edits.at(level - 1)->text().trimmed();
        if (!text.isEmpty() && text != m_definitions.value(severity))
            m_service.setSeverityDefinition(severity, text, m_author());
    }
}

void IncidentWorkspace::applySearch(const QString& text, const QList<journal::SearchHit>& hits)
{
    if (text.trimmed().isEmpty()) {
        m_proxy->setFilterRegularExpression(QRegularExpression());
        return;
    }
    if (text != m_search->text())
        return; // an answer to an older query
    QStringList ids;
    for (const auto& hit : hits) {
        if (!ids.contains(hit.incidentId))
            ids << QRegularExpression::escape(hit.incidentId);
    }
    // Search looks at every incident, also closed ones.
    if (m_scope->currentData().toBool() && !ids.isEmpty())
        m_scope->setCurrentIndex(1);
    m_proxy->setFilterRegularExpression(
        QRegularExpression(ids.isEmpty() ? QStringLiteral("^$^") : QStringLiteral("^(%1)$").arg(ids.join(u'|'))));
}

void IncidentWorkspace::showJournalProblem(int, const QString& message, const QStringList& backups)
{
    m_journalBroken = true;
    m_backups = backups;
    m_model->setIncidents({});
    m_stack->setCurrentWidget(m_empty);
    m_empty->setTitle(tr("The incident journal cannot be opened"));
    m_empty->setBody(message + QStringLiteral("\n\n")
        + (backups.isEmpty() ? tr("There is no backup of it. You can start a new, empty journal; the "
                                  "file above is kept as it is.")
                             : tr("The newest backup is %1. Restoring copies it to a new journal file; "
                                  "the file above is kept as it is.")
                                   .arg(QFileInfo(backups.first()).fileName())));
    m_empty->setAction(backups.isEmpty() ? QString() : tr("Restore the latest backup"));
    m_empty->setSecondaryAction(tr("Start a new journal"));
    showBanner(message, true);
}

void IncidentWorkspace::showBanner(const QString& text, bool error)
{
    m_banner->setText(text);
    m_banner->setProperty("error", error);
    m_banner->setStyleSheet(error ? QStringLiteral("background: #fdecea; color: #8a1c1c; padding: 6px;")
                                  : QStringLiteral("background: #e8f5e9; color: #1b5e20; padding: 6px;"));
    m_banner->setVisible(true);
}

void IncidentWorkspace::updateEmptyState()
{
    if (m_journalBroken)
        return;
    if (!currentIncidentId().isEmpty())
        return;
    m_stack->setCurrentWidget(m_empty);
    m_empty->setSecondaryAction(QString());
    if (m_model->rowCount() == 0) {
        m_empty->setTitle(m_scope->currentData().toBool() ? tr("No incident is open") : tr("No incidents yet"));
        m_empty->setBody(tr("Declare an incident to start its timeline: severity, commander and roles, notes, "
                            "stakeholder updates and the postmortem draft are kept in the journal at %1 — on this "
                            "machine, even with no network.")
                             .arg(m_service.path()));
    } else {
        m_empty->setTitle(tr("Choose an incident"));
        m_empty->setBody(tr("Pick one from the list, or declare a new one."));
    }
    m_empty->setAction(tr("Declare incident…"));
}

} // namespace firebreak::ui
