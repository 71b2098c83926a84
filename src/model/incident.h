#pragma once

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

namespace firebreak {

enum class Severity
{
    Sev1 = 1,
    Sev2,
    Sev3,
    Sev4,
    Sev5,
};

enum class IncidentStatus
{
    Investigating,
    Identified,
    Mitigated,
    Resolved,
    Closed,
};

/// Every kind of change that can happen to an incident; each is one appended journal event.
enum class EventKind
{
    Declared,
    FieldChanged, // title, summary, impact, services, tags, started
    SeverityChanged,
    StatusChanged,
    RoleAssigned,
    Note,
    EvidencePinned,
    UpdateSent,
    ActionItemAdded,
    ActionItemUpdated,
    PostmortemEdited,
    EventCorrected, // supersedes an earlier event; both stay in the timeline
    KeyMarked, // marks (or unmarks) an event as key: it goes into the postmortem
};

QString severityName(Severity severity); // "SEV1"
std::optional<Severity> severityFromName(const QString& name); // "SEV1", "sev1", "1"
QString statusKey(IncidentStatus status); // "investigating": stored, typed on the command line
QString statusLabel(IncidentStatus status); // "Investigating", translated: shown to people
std::optional<IncidentStatus> statusFromKey(const QString& key);
QString eventKindKey(EventKind kind); // "note", "severity_changed" …
std::optional<EventKind> eventKindFromKey(const QString& key);
/// The built-in roles; any other non-empty role name is allowed too.
QStringList standardRoles();

/// One row of the journal: immutable once written.
struct JournalEvent
{
    QString id; // UUIDv7, lower-case hex with dashes: globally unique and time-ordered
    QString incidentId;
    qint64 seq = 0; // 1, 2, 3 … within the incident
    EventKind kind = EventKind::Note;
    QJsonObject payload;
    QString author;
    QString deviceId;
    qint64 timeMs = 0; // UTC, milliseconds since the epoch
};

struct SeverityChange
{
    qint64 timeMs = 0;
    std::optional<Severity> from;
    Severity to = Severity::Sev3;
    QString author;
    QString eventId;
};

struct StatusChange
{
    qint64 timeMs = 0;
    std::optional<IncidentStatus> from;
    IncidentStatus to = IncidentStatus::Investigating;
    QString author;
    QString eventId;
};

struct RoleChange
{
    qint64 timeMs = 0;
    QString role;
    QString person; // empty: the role was released
    QString previous;
    QString author;
    QString eventId;
};

struct ActionItem
{
    QString id; // the id of the event that added it
    QString text;
    QString owner;
    std::optional<qint64> dueMs;
    QString status = QStringLiteral("open"); // open, in_progress, done, wont_do
    QString raisedBy; // id of the timeline event that led to it, may be empty
};

struct UpdateRecord
{
    qint64 timeMs = 0;
    QString audience;
    QString text;
    QString author;
    QString eventId;
};

/// The current state of an incident, derived from its events (see deriveIncident()).
struct Incident
{
    QString id; // INC-YYYYMMDD-N
    QString title;
    QString summary;
    QString customerImpact;
    QStringList services;
    QStringList tags;
    Severity severity = Severity::Sev3;
    IncidentStatus status = IncidentStatus::Investigating;
    QString declaredBy;
    qint64 declaredMs = 0;
    std::optional<qint64> startedMs; // when impact began, if someone said so
    std::optional<qint64> acknowledgedMs;
    std::optional<qint64> mitigatedMs;
    std::optional<qint64> resolvedMs;
    std::optional<qint64> closedMs;
    qint64 updatedMs = 0;
    QMap<QString, QString> roles; // role -> person (current holders only)
    QList<SeverityChange> severityHistory;
    QList<StatusChange> statusHistory;
    QList<RoleChange> roleHistory;
    QList<ActionItem> actionItems;
    QList<UpdateRecord> updates;
    QString postmortemMarkdown; // the latest edit, empty until someone edits it
    QSet<QString> keyEvents; // ids of events marked key
    QMap<QString, QString> correctedBy; // event id -> id of the newest correcting event
    int eventCount = 0;

    QString commander() const { return roles.value(QStringLiteral("commander")); }
    bool isOpen() const { return status != IncidentStatus::Resolved && status != IncidentStatus::Closed; }
};

/// Folds the events of one incident (in sequence order) into its state. Pure: no I/O.
/// Acknowledged is the first note, severity/status/role change, update or evidence after the
/// declaration (someone acted on it); mitigated and
/// resolved are the first transitions into those states (a reopen does not erase them).
Incident deriveIncident(const QList<JournalEvent>& events);

/// Milliseconds from `from` to `to`, or nothing when either is missing.
std::optional<qint64> span(std::optional<qint64> from, std::optional<qint64> to);

} // namespace firebreak
