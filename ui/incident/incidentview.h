#pragma once

#include "journal/journalservice.h"
#include "model/incident.h"
#include "model/timerange.h"

#include <QWidget>

class QSettings;
class QTabWidget;

namespace firebreak::ui {

class ActionItemsPanel;
class IncidentHeader;
class PostmortemPanel;
class TimelinePanel;
class UpdatesPanel;

/// One incident: the editable header, then Timeline, Updates, Action items and Postmortem tabs.
/// Every edit becomes a journal write through the JournalService, authored by the user's name.
class IncidentView final : public QWidget
{
    Q_OBJECT
public:
    IncidentView(journal::JournalService& service, QSettings& settings, std::function<QString()> author,
        QWidget* parent = nullptr);
    ~IncidentView() override;

    void setIncident(const Incident& incident, const QList<JournalEvent>& events);
    void setTimeDisplay(TimeDisplay display);
    QString incidentId() const { return m_incident.id; }
    const Incident& incident() const { return m_incident; }

    IncidentHeader* header() const { return m_header; }
    TimelinePanel* timeline() const { return m_timeline; }
    UpdatesPanel* updates() const { return m_updates; }
    PostmortemPanel* postmortem() const { return m_postmortem; }

private:
    void submit(const QString& description, journal::JournalService::Write operation);

    journal::JournalService& m_service;
    std::function<QString()> m_author;
    Incident m_incident;
    IncidentHeader* m_header;
    QTabWidget* m_tabs;
    TimelinePanel* m_timeline;
    UpdatesPanel* m_updates;
    ActionItemsPanel* m_actions;
    PostmortemPanel* m_postmortem;
};

} // namespace firebreak::ui
