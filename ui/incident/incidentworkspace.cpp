#include "incidentworkspace.h"

#include "common/emptystate.h"

#include <QVBoxLayout>

namespace firebreak::ui {

IncidentWorkspace::IncidentWorkspace(QWidget* parent)
    : QWidget(parent)
    , m_empty(new EmptyState(this))
{
    setObjectName(QStringLiteral("incidentWorkspace"));
    m_empty->setTitle(tr("No incident is open"));
    m_empty->setBody(tr("The incident journal — declaring incidents, the timeline, roles, stakeholder updates and "
                        "postmortems — is not part of this build yet. Meanwhile, connect the Prometheus, Loki and "
                        "Tempo servers you will need during an incident."));
    m_empty->setAction(tr("Set up data sources…"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_empty);
    connect(m_empty, &EmptyState::actionTriggered, this, &IncidentWorkspace::manageSourcesRequested);
}

IncidentWorkspace::~IncidentWorkspace() = default;

} // namespace firebreak::ui
