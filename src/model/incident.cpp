#include "incident.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace firebreak {

namespace {
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Incident)
};
} // namespace

QString severityName(Severity severity)
{
    return QStringLiteral("SEV%1").arg(static_cast<int>(severity));
}

std::optional<Severity> severityFromName(const QString& name)
{
    QString text = name.trimmed().toUpper();
    if (text.startsWith(QLatin1String("SEV")))
        text = text.mid(3);
    bool ok = false;
    const int level = text.toInt(&ok);
    if (!ok || level < 1 || level > 5)
        return std::nullopt;
    return static_cast<Severity>(level);
}

QString statusKey(IncidentStatus status)
{
    switch (status) {
    case IncidentStatus::Investigating:
        return QStringLiteral("investigating");
    case IncidentStatus::Identified:
        return QStringLiteral("identified");
    case IncidentStatus::Mitigated:
        return QStringLiteral("mitigated");
    case IncidentStatus::Resolved:
        return QStringLiteral("resolved");
    case IncidentStatus::Closed:
        return QStringLiteral("closed");
    }
    return {};
}

QString statusLabel(IncidentStatus status)
{
    switch (status) {
    case IncidentStatus::Investigating:
        return Text::tr("Investigating");
    case IncidentStatus::Identified:
        return Text::tr("Identified");
    case IncidentStatus::Mitigated:
        return Text::tr("Mitigated");
    case IncidentStatus::Resolved:
        return Text::tr("Resolved");
    case IncidentStatus::Closed:
        return Text::tr("Closed");
    }
    return {};
}

std::optional<IncidentStatus> statusFromKey(const QString& key)
{
    for (auto status : { IncidentStatus::Investigating, IncidentStatus::Identified, IncidentStatus::Mitigated,
             IncidentStatus::Resolved, IncidentStatus::Closed }) {
        if (statusKey(status) == key.trimmed().toLower())
            return status;
    }
    return std::nullopt;
}

namespace {
const QList<QPair<EventKind, QString>>& kindKeys()
{
    static const QList<QPair<EventKind, QString>> keys = {
        { EventKind::Declared, QStringLiteral("declared") },
        { EventKind::FieldChanged, QStringLiteral("field_changed") },
        { EventKind::SeverityChanged, QStringLiteral("severity_changed") },
        { EventKind::StatusChanged, QStringLiteral("status_changed") },
        { EventKind::RoleAssigned, QStringLiteral("role_assigned") },
        { EventKind::Note, QStringLiteral("note") },
        { EventKind::EvidencePinned, QStringLiteral("evidence_pinned") },
        { EventKind::UpdateSent, QStringLiteral("update_sent") },
        { EventKind::ActionItemAdded, QStringLiteral("action_item_added") },
        { EventKind::ActionItemUpdated, QStringLiteral("action_item_updated") },
        { EventKind::PostmortemEdited, QStringLiteral("postmortem_edited") },
        { EventKind::EventCorrected, QStringLiteral("event_corrected") },
        { EventKind::KeyMarked, QStringLiteral("key_marked") },
    };
    return keys;
}

QStringList stringList(const QJsonValue& value)
{
    QStringList list;
    for (const QJsonValue& item : value.toArray())
        list << item.toString();
    return list;
}

std::optional<qint64> optionalMs(const QJsonValue& value)
{
    if (value.isNull() || value.isUndefined())
        return std::nullopt;
    return static_cast<qint64>(value.toDouble());
}
} // namespace

QString eventKindKey(EventKind kind)
{
    for (const auto& [k, key] : kindKeys()) {
        if (k == kind)
            return key;
    }
    return {};
}

std::optional<EventKind> eventKindFromKey(const QString& key)
{
    for (const auto& [kind, k] : kindKeys()) {
        if (k == key)
            return kind;
    }
    return std::nullopt;
}

QStringList standardRoles()
{
    return { QStringLiteral("commander"), QStringLiteral("communications"), QStringLiteral("operations"),
        QStringLiteral("scribe") };
}

std::optional<qint64> span(std::optional<qint64> from, std::optional<qint64> to)
{
    if (!from || !to)
        return std::nullopt;
    return *to - *from;
}

namespace {
/// What shows that a person is working the incident; bookkeeping (key marks, edits of the draft) does not.
bool actsOnIncident(EventKind kind)
{
    switch (kind) {
    case EventKind::Note:
    case EventKind::SeverityChanged:
    case EventKind::StatusChanged:
    case EventKind::RoleAssigned:
    case EventKind::UpdateSent:
    case EventKind::EvidencePinned:
        return true;
    default:
        return false;
    }
}

void applyStatus(Incident& incident, IncidentStatus to, const JournalEvent& event, std::optional<IncidentStatus> from)
{
    incident.status = to;
    incident.statusHistory.append({ event.timeMs, from, to, event.author, event.id });
    if (to == IncidentStatus::Mitigated && !incident.mitigatedMs)
        incident.mitigatedMs = event.timeMs;
    if (to == IncidentStatus::Resolved && !incident.resolvedMs)
        incident.resolvedMs = event.timeMs;
    if (to == IncidentStatus::Closed)
        incident.closedMs = event.timeMs;
    // Resolving implies the impact was mitigated, even when nobody said so in between.
    if ((to == IncidentStatus::Resolved || to == IncidentStatus::Closed) && !incident.mitigatedMs)
        incident.mitigatedMs = event.timeMs;
    if ((to == IncidentStatus::Closed) && !incident.resolvedMs)
        incident.resolvedMs = event.timeMs;
}

void applyRole(Incident& incident, const QString& role, const QString& person, const JournalEvent& event)
{
    const QString previous = incident.roles.value(role);
    if (person.isEmpty())
        incident.roles.remove(role);
    else
        incident.roles.insert(role, person);
    incident.roleHistory.append({ event.timeMs, role, person, previous, event.author, event.id });
}

void applyField(Incident& incident, const QString& field, const QJsonValue& value)
{
    if (field == QLatin1String("title"))
        incident.title = value.toString();
    else if (field == QLatin1String("summary"))
        incident.summary = value.toString();
    else if (field == QLatin1String("impact"))
        incident.customerImpact = value.toString();
    else if (field == QLatin1String("services"))
        incident.services = stringList(value);
    else if (field == QLatin1String("tags"))
        incident.tags = stringList(value);
    else if (field == QLatin1String("started"))
        incident.startedMs = optionalMs(value);
}
} // namespace

Incident deriveIncident(const QList<JournalEvent>& events)
{
    Incident incident;
    for (const JournalEvent& event : events) {
        const QJsonObject& p = event.payload;
        incident.updatedMs = std::max(incident.updatedMs, event.timeMs);
        ++incident.eventCount;
        if (!incident.acknowledgedMs && actsOnIncident(event.kind))
            incident.acknowledgedMs = event.timeMs;

        switch (event.kind) {
        case EventKind::Declared: {
            incident.id = event.incidentId;
            incident.title = p.value(QStringLiteral("title")).toString();
            incident.summary = p.value(QStringLiteral("summary")).toString();
            incident.customerImpact = p.value(QStringLiteral("impact")).toString();
            incident.services = stringList(p.value(QStringLiteral("services")));
            incident.tags = stringList(p.value(QStringLiteral("tags")));
            incident.startedMs = optionalMs(p.value(QStringLiteral("started_ms")));
            incident.declaredBy = event.author;
            incident.declaredMs = event.timeMs;
            const Severity severity
                = severityFromName(p.value(QStringLiteral("severity")).toString()).value_or(Severity::Sev3);
            incident.severity = severity;
            incident.severityHistory.append({ event.timeMs, std::nullopt, severity, event.author, event.id });
            applyStatus(incident, IncidentStatus::Investigating, event, std::nullopt);
            const QString commander = p.value(QStringLiteral("commander")).toString();
            if (!commander.isEmpty())
                applyRole(incident, QStringLiteral("commander"), commander, event);
            break;
        }
        case EventKind::FieldChanged:
            applyField(incident, p.value(QStringLiteral("field")).toString(), p.value(QStringLiteral("value")));
            break;
        case EventKind::SeverityChanged: {
            const auto to = severityFromName(p.value(QStringLiteral("to")).toString());
            if (to) {
                incident.severityHistory.append({ event.timeMs, incident.severity, *to, event.author, event.id });
                incident.severity = *to;
            }
            break;
        }
        case EventKind::StatusChanged: {
            const auto to = statusFromKey(p.value(QStringLiteral("to")).toString());
            if (to)
                applyStatus(incident, *to, event, incident.status);
            break;
        }
        case EventKind::RoleAssigned:
            applyRole(incident, p.value(QStringLiteral("role")).toString(),
                p.value(QStringLiteral("person")).toString(), event);
            break;
        case EventKind::UpdateSent:
            incident.updates.append({ event.timeMs, p.value(QStringLiteral("audience")).toString(),
                p.value(QStringLiteral("text")).toString(), event.author, event.id });
            break;
        case EventKind::ActionItemAdded: {
            ActionItem item;
            item.id = event.id;
            item.text = p.value(QStringLiteral("text")).toString();
            item.owner = p.value(QStringLiteral("owner")).toString();
            item.dueMs = optionalMs(p.value(QStringLiteral("due_ms")));
            item.raisedBy = p.value(QStringLiteral("raised_by")).toString();
            incident.actionItems.append(item);
            break;
        }
        case EventKind::ActionItemUpdated: {
            const QString id = p.value(QStringLiteral("item")).toString();
            for (ActionItem& item : incident.actionItems) {
                if (item.id != id)
                    continue;
                if (p.contains(QStringLiteral("status")))
                    item.status = p.value(QStringLiteral("status")).toString();
                if (p.contains(QStringLiteral("owner")))
                    item.owner = p.value(QStringLiteral("owner")).toString();
                if (p.contains(QStringLiteral("text")))
                    item.text = p.value(QStringLiteral("text")).toString();
                if (p.contains(QStringLiteral("due_ms")))
                    item.dueMs = optionalMs(p.value(QStringLiteral("due_ms")));
            }
            break;
        }
        case EventKind::PostmortemEdited:
            incident.postmortemMarkdown = p.value(QStringLiteral("markdown")).toString();
            break;
        case EventKind::EventCorrected:
            incident.correctedBy.insert(p.value(QStringLiteral("target")).toString(), event.id);
            break;
        case EventKind::KeyMarked: {
            const QString target = p.value(QStringLiteral("target")).toString();
            if (p.value(QStringLiteral("key")).toBool(true))
                incident.keyEvents.insert(target);
            else
                incident.keyEvents.remove(target);
            break;
        }
        case EventKind::Note:
        case EventKind::EvidencePinned:
            break;
        }
    }
    return incident;
}

} // namespace firebreak
