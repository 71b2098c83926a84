#pragma once

#include "model/incident.h"
#include "model/slo.h"

#include <QMetaType>
#include <QString>

#include <memory>
#include <stdexcept>

namespace firebreak::journal {

class Database;

/// Why a journal could not be opened or written, with a message a person can act on.
class JournalError : public std::runtime_error
{
public:
    enum class Kind
    {
        Corrupt, // damaged file: never touched, offer the latest backup or a new journal
        Foreign, // a SQLite file (or any file) that is not a Firebreak journal
        TooNew, // written by a newer Firebreak
        Io, // cannot create, read or write (permissions, disk full …)
        Busy, // another process held the lock for longer than the busy timeout
        Invalid, // the change itself is not allowed (unknown incident, empty note …)
    };
    JournalError(Kind kind, const QString& message);
    Kind kind() const { return m_kind; }
    QString message() const { return QString::fromStdString(what()); }

private:
    Kind m_kind;
};

struct DeclareRequest
{
    QString title;
    Severity severity = Severity::Sev3;
    QString commander; // empty: none yet
    QString summary;
    QStringList services;
    std::optional<qint64> startedMs;
};

struct IncidentSummary
{
    QString id;
    QString title;
    Severity severity = Severity::Sev3;
    IncidentStatus status = IncidentStatus::Investigating;
    QString commander;
    qint64 declaredMs = 0;
    qint64 updatedMs = 0;
};

struct SearchHit
{
    QString incidentId;
    QString eventId;
    QString snippet; // with the matched words in [brackets]
};

struct Evidence
{
    QString title; // "p99 latency, checkout"
    QString source; // "prometheus", "loki", "tempo"
    QString query; // enough to re-run it: PromQL, LogQL, trace id …
    qint64 fromMs = 0;
    qint64 toMs = 0;
    QByteArray frozenData; // a copy of what was on screen (JSON, text …)
    QByteArray thumbnailPng; // optional
};

/// A query someone ran in a workspace, remembered across sessions.
struct QueryHistoryEntry
{
    QString language; // "promql", "logql", "traceql"
    QString query;
    qint64 firstRunMs = 0;
    qint64 lastRunMs = 0;
    int runs = 0;
    bool starred = false;
};

/// The incident journal: one SQLite file, append-only events, state derived from them.
/// A method that returns has its write on disk (WAL, synchronous=FULL). One thread owns a Journal;
/// several processes may open the same file (SQLite serialises the writers).
class Journal
{
public:
    /// Opens or creates the journal at `path`. A file that fails `quick_check`, is not a journal, or
    /// is newer than this build is left untouched and reported as JournalError.
    static std::unique_ptr<Journal> open(const QString& path, const QString& deviceId);
    ~Journal();

    QString path() const;
    QString deviceId() const { return m_deviceId; }

    // Writes. Each appends exactly one event (declare: the incident's first) and returns it.
    JournalEvent declare(const DeclareRequest& request, const QString& author, qint64 nowMs = -1);
    JournalEvent append(const QString& incidentId, EventKind kind, const QJsonObject& payload, const QString& author,
        qint64 nowMs = -1);
    JournalEvent addNote(const QString& incidentId, const QString& text, const QString& author);
    JournalEvent changeSeverity(
        const QString& incidentId, Severity to, const QString& author, const QString& reason = {});
    JournalEvent changeStatus(const QString& incidentId, IncidentStatus to, const QString& author);
    JournalEvent assignRole(
        const QString& incidentId, const QString& role, const QString& person, const QString& author);
    JournalEvent recordUpdate(
        const QString& incidentId, const QString& audience, const QString& text, const QString& author);
    JournalEvent pinEvidence(const QString& incidentId, const Evidence& evidence, const QString& author);
    JournalEvent addActionItem(const QString& incidentId, const QString& text, const QString& owner,
        std::optional<qint64> dueMs, const QString& raisedBy, const QString& author);
    JournalEvent updateActionItem(
        const QString& incidentId, const QString& itemId, const QJsonObject& changes, const QString& author);
    JournalEvent setField(
        const QString& incidentId, const QString& field, const QJsonValue& value, const QString& author);
    JournalEvent editPostmortem(const QString& incidentId, const QString& markdown, const QString& author);
    /// A correction supersedes `targetEventId`; both stay in the timeline.
    JournalEvent correct(
        const QString& incidentId, const QString& targetEventId, const QString& text, const QString& author);
    JournalEvent markKey(const QString& incidentId, const QString& targetEventId, bool key, const QString& author);

    // Reads.
    QList<IncidentSummary> incidents(bool openOnly) const;
    bool contains(const QString& incidentId) const;
    /// What the incident list shows (cached columns); throws JournalError for an unknown id.
    IncidentSummary summary(const QString& incidentId) const;
    QList<JournalEvent> events(const QString& incidentId) const;
    std::optional<JournalEvent> event(const QString& eventId) const;
    Incident incident(const QString& incidentId) const;
    /// Finds events by their words; indexes what is not indexed yet first, so results are complete.
    QList<SearchHit> search(const QString& text, int limit = 100);
    /// Adds events written since the last call (by any process) to the full-text index; returns how
    /// many. Kept off the durable append because FTS5's commit work would double its cost.
    int indexPendingText(int limit = 5000);
    QMap<Severity, QString> severityDefinitions() const;
    void setSeverityDefinition(Severity severity, const QString& description, const QString& author);

    // Workspace state kept with the journal (not incident events: edited in place).
    /// Remembers a run of `query`; running it again moves it to the top and counts the run.
    void recordQuery(const QString& language, const QString& query, qint64 nowMs = -1);
    /// Stars (or unstars) a query, remembering it first when it is new.
    void setQueryStarred(const QString& language, const QString& query, bool starred);
    /// Starred first, then the most recently run; `contains` matches anywhere, case-insensitive.
    QList<QueryHistoryEntry> queryHistory(const QString& language, const QString& contains = {}, int limit = 200) const;
    /// Inserts or replaces by id; an empty id gets a new one. Returns the stored definition.
    SloDefinition saveSlo(const SloDefinition& slo);
    void deleteSlo(const QString& id);
    QList<SloDefinition> slos() const;

    /// Copies the WAL back into the database without blocking readers or writers (PASSIVE), so the
    /// WAL file is reused; called off the write path, from a timer.
    void checkpoint();

    /// Changes whenever another connection (another process) commits; cheap to poll.
    qint64 dataVersion() const;

    /// Writes a consistent copy with the online-backup API into `directory` and keeps the newest `keep`
    /// copies there. Returns the new file's path.
    QString backup(const QString& directory, int keep);

    /// Lists the backups of the journal at `journalPath` in `directory`, newest first.
    static QStringList backups(const QString& directory, const QString& journalPath);
    static QString defaultPath();

private:
    Journal(std::unique_ptr<Database> db, QString deviceId);
    JournalEvent write(
        const QString& incidentId, EventKind kind, const QJsonObject& payload, const QString& author, qint64 nowMs);
    void updateCache(const JournalEvent& event);

    std::unique_ptr<Database> m_db;
    QString m_deviceId;
};

} // namespace firebreak::journal

// Travel through queued signals and QSignalSpy (pin to incident, declare from an alert).
Q_DECLARE_METATYPE(firebreak::journal::Evidence)
Q_DECLARE_METATYPE(firebreak::journal::DeclareRequest)
