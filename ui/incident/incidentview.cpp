#include "incidentview.h"

#include "actionitemspanel.h"
#include "incidentheader.h"
#include "postmortempanel.h"
#include "timelinepanel.h"
#include "updatespanel.h"

#include <QJsonArray>
#include <QTabWidget>
#include <QVBoxLayout>

namespace firebreak::ui {

using journal::Journal;

IncidentView::IncidentView(
    journal::JournalService& service, QSettings& settings, std::function<QString()> author, QWidget* parent)
    : QWidget(parent)
    , m_service(service)
    , m_author(std::move(author))
    , m_header(new IncidentHeader(this))
    , m_tabs(new QTabWidget(this))
    , m_timeline(new TimelinePanel(this))
    , m_updates(new UpdatesPanel(settings, this))
    , m_actions(new ActionItemsPanel(this))
    , m_postmortem(new PostmortemPanel(this))
{
    setObjectName(QStringLiteral("incidentView"));
    m_tabs->setObjectName(QStringLiteral("incidentTabs"));
    m_tabs->addTab(m_timeline, tr("Timeline"));
    m_tabs->addTab(m_updates, tr("Stakeholder updates"));
    m_tabs->addTab(m_actions, tr("Action items"));
    m_tabs->addTab(m_postmortem, tr("Postmortem"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_header);
    layout->addWidget(m_tabs, 1);

    // Ids are captured when the edit is made: the write belongs to that incident even if the user
    // has switched to another one by the time it reaches the journal.
    connect(m_header, &IncidentHeader::titleEdited, this, [this](const QString& title) {
        const QString id = m_incident.id;
        const QString who = m_author();
        submit(tr("title of %1").arg(id),
            [id, title, who](Journal& j) { return j.setField(id, QStringLiteral("title"), title, who); });
    });
    connect(m_header, &IncidentHeader::severityChosen, this, [this](Severity severity) {
        const QString id = m_incident.id;
        const QString who = m_author();
        submit(tr("severity of %1").arg(id),
            [id, severity, who](Journal& j) { return j.changeSeverity(id, severity, who); });
    });
    connect(m_header, &IncidentHeader::statusChosen, this, [this](IncidentStatus status) {
        const QString id = m_incident.id;
        const QString who = m_author();
        submit(tr("status of %1").arg(id), [id, status, who](Journal& j) { return j.changeStatus(id, status, who); });
    });
    connect(m_header, &IncidentHeader::commanderEdited, this, [this](const QString& person) {
        const QString id = m_incident.id;
        const QString who = m_author();
        submit(tr("commander of %1").arg(id),
            [id, person, who](Journal& j) { return j.assignRole(id, QStringLiteral("commander"), person, who); });
    });
    connect(m_header, &IncidentHeader::impactEdited, this, [this](const QString& impact) {
        const QString id = m_incident.id;
        const QString who = m_author();
        submit(tr("impact of %1").arg(id),
            [id, impact, who](Journal& j) { return j.setField(id, QStringLiteral("impact"), impact, who); });
    });
    connect(m_header, &IncidentHeader::servicesEdited, this, [this](const QStringList& services) {
        const QString id = m_incident.id;
        const QString who = m_author();
        submit(tr("services of %1").arg(id), [id, services, who](Journal& j) {
            return j.setField(id, QStringLiteral("services"), QJsonArray::fromStringList(services), who);
        });
    });
    connect(m_header, &IncidentHeader::tagsEdited, this, [this](const QStringList& tags) {
        const QString id = m_incident.id;
        const QString who = m_author();
        submit(tr("tags of %1").arg(id), [id, tags, who](Journal& j) {
            return j.setField(id, QStringLiteral("tags"), QJsonArray::fromStringList(tags), who);
        });
    });
    connect(m_header, &IncidentHeader::roleAssigned, this, [this](const QString& role, const QString& person) {
        const QString id = m_incident.id;
        const QString who = m_author();
        submit(tr("%1 of %2").arg(role, id),
            [id, role, person, who](Journal& j) { return j.assignRole(id, role, person, who); });
    });
    connect(m_header, &IncidentHeader::startedEdited, this, [this](std::optional<qint64> started) {
        const QString id = m_incident.id;
        const QString who = m_author();
        const QJsonValue value = started ? QJsonValue(static_cast<double>(*started)) : QJsonValue();
        submit(tr("impact start of %1").arg(id),
            [id, value, who](Journal& j) { return j.setField(id, QStringLiteral("started"), value, who); });
    });
    connect(m_timeline, &TimelinePanel::noteEntered, this, [this](const QString& text) {
        const QString id = m_incident.id;
        const QString who = m_author();
        submit(tr("note on %1").arg(id), [id, text, who](Journal& j) { return j.addNote(id, text, who); });
    });
    connect(m_timeline, &TimelinePanel::keyToggled, this, [this](const QString& eventId, bool key) {
        const QString id = m_incident.id;
        const QString who = m_author();
        submit(tr("key event on %1").arg(id),
            [id, eventId, key, who](Journal& j) { return j.markKey(id, eventId, key, who); });
    });
    connect(m_timeline, &TimelinePanel::correctionEntered, this, [this](const QString& eventId, const QString& text) {
        const QString id = m_incident.id;
        const QString who = m_author();
        submit(tr("correction on %1").arg(id),
            [id, eventId, text, who](Journal& j) { return j.correct(id, eventId, text, who); });
    });
    connect(m_timeline, &TimelinePanel::actionItemRequested, this, [this](const QString& eventId) {
        m_tabs->setCurrentWidget(m_actions);
        m_actions->addItem(eventId);
    });
    connect(m_actions, &ActionItemsPanel::added, this,
        [this](const QString& text, const QString& owner, std::optional<qint64> due, const QString& raisedBy) {
            const QString id = m_incident.id;
            const QString who = m_author();
            submit(tr("action item on %1").arg(id), [id, text, owner, due, raisedBy, who](Journal& j) {
                return j.addActionItem(id, text, owner, due, raisedBy, who);
            });
        });
    connect(m_actions, &ActionItemsPanel::statusChanged, this, [this](const QString& itemId, const QString& status) {
        const QString id = m_incident.id;
        const QString who = m_author();
        submit(tr("action item on %1").arg(id), [id, itemId, status, who](Journal& j) {
            return j.updateActionItem(id, itemId, { { QStringLiteral("status"), status } }, who);
        });
    });
    connect(m_updates, &UpdatesPanel::updateSent, this, [this](const QString& audience, const QString& text) {
        const QString id = m_incident.id;
        const QString who = m_author();
        submit(tr("update on %1").arg(id),
            [id, audience, text, who](Journal& j) { return j.recordUpdate(id, audience, text, who); });
    });
    connect(m_postmortem, &PostmortemPanel::saveRequested, this, [this](const QString& markdown) {
        const QString id = m_incident.id;
        const QString who = m_author();
        submit(tr("postmortem of %1").arg(id),
            [id, markdown, who](Journal& j) { return j.editPostmortem(id, markdown, who); });
    });
}

IncidentView::~IncidentView() = default;

void IncidentView::submit(const QString& description, journal::JournalService::Write operation)
{
    if (m_incident.id.isEmpty())
        return;
    m_service.write(description, std::move(operation));
}

void IncidentView::setIncident(const Incident& incident, const QList<JournalEvent>& events)
{
    m_incident = incident;
    m_header->setIncident(incident);
    m_timeline->setIncident(incident, events);
    m_updates->setIncident(incident);
    m_actions->setIncident(incident);
    m_postmortem->setIncident(incident, events);
}

void IncidentView::setTimeDisplay(TimeDisplay display)
{
    m_header->setTimeDisplay(display);
    m_timeline->setTimeDisplay(display);
    m_updates->setTimeDisplay(display);
    m_actions->setTimeDisplay(display);
    m_postmortem->setTimeDisplay(display);
}

} // namespace firebreak::ui
