#include "incidentlistmodel.h"

namespace firebreak::journal {

IncidentListModel::IncidentListModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

IncidentListModel::~IncidentListModel() = default;

void IncidentListModel::setIncidents(const QList<IncidentSummary>& incidents)
{
    beginResetModel();
    m_incidents = incidents;
    endResetModel();
}

void IncidentListModel::setTimeDisplay(TimeDisplay display)
{
    m_display = display;
    if (!m_incidents.isEmpty())
        Q_EMIT dataChanged(index(0, DeclaredColumn), index(rowCount() - 1, DeclaredColumn));
}

int IncidentListModel::rowOf(const QString& id) const
{
    for (int row = 0; row < m_incidents.size(); ++row) {
        if (m_incidents.at(row).id == id)
            return row;
    }
    return -1;
}

int IncidentListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_incidents.size());
}

int IncidentListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant IncidentListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const IncidentSummary& incident = m_incidents.at(index.row());
    switch (role) {
    case IdRole:
        return incident.id;
    case SeverityRole:
        return static_cast<int>(incident.severity);
    case OpenRole:
        return incident.status != IncidentStatus::Resolved && incident.status != IncidentStatus::Closed;
    case SortRole:
        switch (index.column()) {
        case SeverityColumn:
            return static_cast<int>(incident.severity);
        case DeclaredColumn:
            return incident.declaredMs;
        case StatusColumn:
            return static_cast<int>(incident.status);
        default:
            return data(index, Qt::DisplayRole);
        }
    case Qt::DisplayRole:
        switch (index.column()) {
        case SeverityColumn:
            return severityName(incident.severity);
        case IdColumn:
            return incident.id;
        case TitleColumn:
            return incident.title;
        case StatusColumn:
            return statusLabel(incident.status);
        case CommanderColumn:
            return incident.commander;
        case DeclaredColumn:
            return formatTime(incident.declaredMs, m_display).mid(5, 11); // "11-25 14:02": the list is narrow
        default:
            return {};
        }
    case Qt::ToolTipRole:
        return tr("%1 — %2, %3, commander %4, declared %5")
            .arg(incident.id, severityName(incident.severity), statusLabel(incident.status),
                incident.commander.isEmpty() ? tr("none") : incident.commander,
                formatTime(incident.declaredMs, m_display, true));
    default:
        return {};
    }
}

QVariant IncidentListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SeverityColumn:
        return tr("Sev");
    case IdColumn:
        return tr("ID");
    case TitleColumn:
        return tr("Title");
    case StatusColumn:
        return tr("Status");
    case CommanderColumn:
        return tr("Commander");
    case DeclaredColumn:
        return tr("Declared");
    default:
        return {};
    }
}

} // namespace firebreak::journal
