#include "journal.h"

#include "schema.h"
#include "sqlite.h"
#include "uuidv7.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QStandardPaths>

#include <spdlog/spdlog.h>
#include <sqlite3.h>

namespace firebreak::journal {

namespace {
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Journal)
};

constexpr int BusyTimeoutMs = 5000;

qint64 nowOr(qint64 nowMs)
{
    return nowMs >= 0 ? nowMs : QDateTime::currentMSecsSinceEpoch();
}

QString utcDay(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(QStringLiteral("yyyyMMdd"));
}

/// Text indexed for full-text search: whatever a person typed into the event.
QString searchableText(const QJsonObject& payload)
{
    QStringList parts;
    for (const char* key : { "title", "summary", "text", "impact", "reason", "markdown", "query" }) {
        const QString value = payload.value(QLatin1String(key)).toString();
        if (!value.isEmpty())
            parts << value;
    }
    if (payload.value(QStringLiteral("field")).toString() != QLatin1String("started")) {
        const QJsonValue value = payload.value(QStringLiteral("value"));
        if (value.isString())
            parts << value.toString();
    }
    return parts.join(u' ');
}

JournalError translate(const SqliteError& e, const QString& path)
{
    const int primary = e.code() & 0xff;
    if (e.isBusy())
        return JournalError(JournalError::Kind::Busy,
            Text::tr("The journal %1 is locked by another program for more than %2 s; the change "
                     "was not saved. Try again.")
                .arg(path)
                .arg(BusyTimeoutMs / 1000));
    if (e.isCorrupt())
        return JournalError(JournalError::Kind::Corrupt,
            Text::tr("The journal %1 is damaged (%2).").arg(path, QString::fromUtf8(e.what())));
    // Disk full, I/O errors, permissions: may pass, so a write is worth retrying. Anything else (a
    // constraint, a value too big) fails the same way every time.
    const bool passing = primary == SQLITE_FULL || primary == SQLITE_IOERR || primary == SQLITE_CANTOPEN
        || primary == SQLITE_READONLY || primary == SQLITE_PROTOCOL;
    return JournalError(passing ? JournalError::Kind::Io : JournalError::Kind::Invalid,
        Text::tr("The journal %1 cannot be written: %2").arg(path, QString::fromUtf8(e.what())));
}

JournalEvent readEvent(const Statement& row)
{
    JournalEvent event;
    event.id = row.text(0);
    event.incidentId = row.text(1);
    event.seq = row.int64(2);
    event.kind = eventKindFromKey(row.text(3)).value_or(EventKind::Note);
    event.payload = QJsonDocument::fromJson(row.blob(4)).object();
    event.author = row.text(5);
    event.deviceId = row.text(6);
    event.timeMs = row.int64(7);
    return event;
}

IncidentSummary readSummary(const Statement& row)
{
    IncidentSummary s;
    s.id = row.text(0);
    s.title = row.text(1);
    s.severity = static_cast<Severity>(std::clamp<qint64>(row.int64(2), 1, 5));
    s.status = statusFromKey(row.text(3)).value_or(IncidentStatus::Investigating);
    s.commander = row.text(4);
    s.declaredMs = row.int64(5);
    s.updatedMs = row.int64(6);
    return s;
}

const char* const EventColumns = "id, incident_id, seq, kind, payload, author, device_id, ts_ms";
} // namespace

JournalError::JournalError(Kind kind, const QString& message)
    : std::runtime_error(message.toStdString())
    , m_kind(kind)
{ }

QString Journal::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/journal.sqlite");
}

std::unique_ptr<Journal> Journal::open(const QString& path, const QString& deviceId)
{
    const QFileInfo info(path);
    const bool exists = info.exists() && info.size() > 0;
    if (exists) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            throw JournalError(
                JournalError::Kind::Io, Text::tr("Cannot read the journal %1: %2").arg(path, file.errorString()));
        if (file.read(16) != QByteArray("SQLite format 3\0", 16))
            throw JournalError(JournalError::Kind::Foreign,
                Text::tr("%1 is not a Firebreak journal (not an SQLite database). It was left "
                         "untouched.")
                    .arg(path));
    } else if (!QDir().mkpath(info.absolutePath())) {
        throw JournalError(JournalError::Kind::Io, Text::tr("Cannot create the folder %1.").arg(info.absolutePath()));
    }

    // SQLite creates -wal and -shm files beside a WAL database it reads; a file we reject must leave its
    // folder as it was, so those are removed again if they were not there before.
    const QString wal = path + QStringLiteral("-wal");
    const QString shm = path + QStringLiteral("-shm");
    const bool hadWal = QFile::exists(wal);
    const bool hadShm = QFile::exists(shm);
    std::unique_ptr<Database> db;
    const auto leaveAsFound = [&] {
        db.reset();
        if (!hadWal && QFileInfo(wal).size() == 0)
            QFile::remove(wal);
        if (!hadShm)
            QFile::remove(shm);
    };
    try {
        db = Database::open(path, exists ? Database::Mode::ReadWrite : Database::Mode::ReadWriteCreate);
        db->setCheckpointOnClose(false);
        db->exec("PRAGMA busy_timeout = " + std::to_string(BusyTimeoutMs));
        if (exists) {
            // Everything up to the migrations only reads: a file we reject is left exactly as it was.
            const QString check = db->scalarText("PRAGMA quick_check");
            if (check != QLatin1String("ok"))
                throw JournalError(JournalError::Kind::Corrupt,
                    Text::tr("The journal %1 is damaged (quick_check: %2). It was left untouched.")
                        .arg(path, check.left(200)));
            const qint64 appId = db->scalar("PRAGMA application_id");
            const qint64 version = db->scalar("PRAGMA user_version");
            const qint64 tables = db->scalar("SELECT count(*) FROM sqlite_schema");
            if (appId != ApplicationId && (appId != 0 || version != 0 || tables != 0))
                throw JournalError(JournalError::Kind::Foreign,
                    Text::tr("%1 is an SQLite database of another program, not a Firebreak journal. "
                             "It was left untouched.")
                        .arg(path));
            if (version > currentSchemaVersion())
                throw JournalError(JournalError::Kind::TooNew,
                    Text::tr("The journal %1 was written by a newer Firebreak (schema %2, this build "
                             "knows %3). Update Firebreak to open it.")
                        .arg(path)
                        .arg(version)
                        .arg(currentSchemaVersion()));
        }
        db->setCheckpointOnClose(true); // accepted: from here on it is our journal
        db->exec("PRAGMA journal_mode = WAL");
        db->exec("PRAGMA synchronous = FULL");
        db->exec("PRAGMA foreign_keys = ON");
        // An append dirties ~11 pages, so the default auto-checkpoint (1,000 pages) would land in the
        // append path about once per 90 writes and dominate p99. Checkpoints run from checkpoint()
        // instead (the journal service's timer); this limit (16 MB, < 0.3 % of appends) only bounds the
        // WAL of a writer that never calls it. SQLite still checkpoints when the last connection closes.
        db->exec("PRAGMA wal_autocheckpoint = 4000");
        const int version = static_cast<int>(db->scalar("PRAGMA user_version"));
        if (version < currentSchemaVersion()) {
            spdlog::info(
                "event=journal_migrate path=\"{}\" from={} to={}", path.toStdString(), version, currentSchemaVersion());
            migrate(*db, version);
        }
    } catch (const JournalError&) {
        if (exists)
            leaveAsFound();
        throw;
    } catch (const SqliteError& e) {
        if (exists)
            leaveAsFound();
        if (e.isCorrupt())
            throw JournalError(JournalError::Kind::Corrupt,
                Text::tr("The journal %1 is damaged (%2). It was left untouched.")
                    .arg(path, QString::fromUtf8(e.what())));
        throw translate(e, path);
    }
    return std::unique_ptr<Journal>(new Journal(std::move(db), deviceId));
}

Journal::Journal(std::unique_ptr<Database> db, QString deviceId)
    : m_db(std::move(db))
    , m_deviceId(std::move(deviceId))
{ }

Journal::~Journal() = default;

QString Journal::path() const
{
    return m_db->path();
}

JournalEvent Journal::declare(const DeclareRequest& request, const QString& author, qint64 nowMs)
{
    const QString title = request.title.trimmed();
    if (title.isEmpty())
        throw JournalError(JournalError::Kind::Invalid, Text::tr("An incident needs a title."));
    const qint64 now = nowOr(nowMs);
    const QString day = utcDay(now);
    QJsonObject payload { { QStringLiteral("title"), title },
        { QStringLiteral("severity"), severityName(request.severity) },
        { QStringLiteral("commander"), request.commander.trimmed() },
        { QStringLiteral("summary"), request.summary.trimmed() },
        { QStringLiteral("services"), QJsonArray::fromStringList(request.services) } };
    if (request.startedMs)
        payload.insert(QStringLiteral("started_ms"), static_cast<double>(*request.startedMs));
    try {
        Database::Transaction transaction(*m_db);
        Statement& next = m_db->prepare("SELECT coalesce(max(number), 0) + 1 FROM incidents WHERE day = ?");
        next.bind(1, day);
        next.step();
        const qint64 number = next.int64(0);
        next.reset();
        const QString id = QStringLiteral("INC-%1-%2").arg(day).arg(number);
        m_db->prepare("INSERT INTO incidents (id, day, number, title, severity, status, commander, declared_ms, "
                      "updated_ms) VALUES (?, ?, ?, ?, ?, 'investigating', ?, ?, ?)")
            .bindAll(id, day, number, title, static_cast<int>(request.severity), request.commander.trimmed(), now, now)
            .run();
        JournalEvent event = write(id, EventKind::Declared, payload, author, now);
        transaction.commit();
        spdlog::info("event=incident_declared id={} severity={}", id.toStdString(),
            severityName(request.severity).toStdString());
        return event;
    } catch (const SqliteError& e) {
        throw translate(e, path());
    }
}

JournalEvent Journal::append(
    const QString& incidentId, EventKind kind, const QJsonObject& payload, const QString& author, qint64 nowMs)
{
    if (kind == EventKind::Declared)
        throw JournalError(JournalError::Kind::Invalid, Text::tr("An incident is started by declaring it."));
    try {
        Database::Transaction transaction(*m_db);
        if (!contains(incidentId))
            throw JournalError(JournalError::Kind::Invalid, Text::tr("There is no incident %1.").arg(incidentId));
        JournalEvent event = write(incidentId, kind, payload, author, nowOr(nowMs));
        updateCache(event);
        transaction.commit();
        return event;
    } catch (const SqliteError& e) {
        throw translate(e, path());
    }
}

JournalEvent Journal::write(
    const QString& incidentId, EventKind kind, const QJsonObject& payload, const QString& author, qint64 nowMs)
{
    JournalEvent event;
    event.id = makeUuidV7(nowMs);
    event.incidentId = incidentId;
    event.kind = kind;
    event.payload = payload;
    event.author = author.trimmed().isEmpty() ? QStringLiteral("unknown") : author.trimmed();
    event.deviceId = m_deviceId;
    event.timeMs = nowMs;

    Statement& next = m_db->prepare("SELECT coalesce(max(seq), 0) + 1 FROM events WHERE incident_id = ?");
    next.bind(1, incidentId);
    next.step();
    event.seq = next.int64(0);
    next.reset();

    const QByteArray json = QJsonDocument(payload).toJson(QJsonDocument::Compact);
    m_db->prepare("INSERT INTO events (id, incident_id, seq, kind, payload, author, device_id, ts_ms) "
                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .bindAll(event.id, incidentId, event.seq, eventKindKey(kind), QString::fromUtf8(json), event.author, m_deviceId,
            nowMs)
        .run();
    // Full-text indexing is not part of the durable append: it trails by at most a second (see
    // indexPendingText()), and the events it is built from are the record.
    return event;
}

void Journal::updateCache(const JournalEvent& event)
{
    // The cache holds what the incident list shows; each event touches only what it changes, so an
    // append costs the same on the thousandth event as on the first.
    const QJsonObject& p = event.payload;
    m_db->prepare("UPDATE incidents SET updated_ms = max(updated_ms, ?) WHERE id = ?")
        .bindAll(event.timeMs, event.incidentId)
        .run();
    switch (event.kind) {
    case EventKind::SeverityChanged:
        if (const auto to = severityFromName(p.value(QStringLiteral("to")).toString()))
            m_db->prepare("UPDATE incidents SET severity = ? WHERE id = ?")
                .bindAll(static_cast<int>(*to), event.incidentId)
                .run();
        break;
    case EventKind::StatusChanged:
        m_db->prepare("UPDATE incidents SET status = ? WHERE id = ?")
            .bindAll(p.value(QStringLiteral("to")).toString(), event.incidentId)
            .run();
        break;
    case EventKind::RoleAssigned:
        if (p.value(QStringLiteral("role")).toString() == QLatin1String("commander"))
            m_db->prepare("UPDATE incidents SET commander = ? WHERE id = ?")
                .bindAll(p.value(QStringLiteral("person")).toString(), event.incidentId)
                .run();
        break;
    case EventKind::FieldChanged:
        if (p.value(QStringLiteral("field")).toString() == QLatin1String("title"))
            m_db->prepare("UPDATE incidents SET title = ? WHERE id = ?")
                .bindAll(p.value(QStringLiteral("value")).toString(), event.incidentId)
                .run();
        break;
    default:
        break;
    }
}

IncidentSummary Journal::summary(const QString& incidentId) const
{
    Statement& query = m_db->prepare("SELECT id, title, severity, status, commander, declared_ms, updated_ms "
                                     "FROM incidents WHERE id = ?");
    query.bind(1, incidentId);
    if (!query.step()) {
        query.reset();
        throw JournalError(JournalError::Kind::Invalid, Text::tr("There is no incident %1.").arg(incidentId));
    }
    const IncidentSummary s = readSummary(query);
    query.reset();
    return s;
}

JournalEvent Journal::addNote(const QString& incidentId, const QString& text, const QString& author)
{
    if (text.trimmed().isEmpty())
        throw JournalError(JournalError::Kind::Invalid, Text::tr("A note needs some text."));
    return append(incidentId, EventKind::Note, { { QStringLiteral("text"), text.trimmed() } }, author);
}

JournalEvent Journal::changeSeverity(
    const QString& incidentId, Severity to, const QString& author, const QString& reason)
{
    const IncidentSummary current = summary(incidentId);
    if (current.severity == to)
        throw JournalError(
            JournalError::Kind::Invalid, Text::tr("%1 is already %2.").arg(incidentId, severityName(to)));
    QJsonObject payload { { QStringLiteral("from"), severityName(current.severity) },
        { QStringLiteral("to"), severityName(to) } };
    if (!reason.trimmed().isEmpty())
        payload.insert(QStringLiteral("reason"), reason.trimmed());
    return append(incidentId, EventKind::SeverityChanged, payload, author);
}

JournalEvent Journal::changeStatus(const QString& incidentId, IncidentStatus to, const QString& author)
{
    const IncidentSummary current = summary(incidentId);
    if (current.status == to)
        throw JournalError(JournalError::Kind::Invalid, Text::tr("%1 is already %2.").arg(incidentId, statusKey(to)));
    return append(incidentId, EventKind::StatusChanged,
        { { QStringLiteral("from"), statusKey(current.status) }, { QStringLiteral("to"), statusKey(to) } }, author);
}

JournalEvent Journal::assignRole(
    const QString& incidentId, const QString& role, const QString& person, const QString& author)
{
    const QString name = role.trimmed().toLower();
    if (name.isEmpty())
        throw JournalError(JournalError::Kind::Invalid, Text::tr("A role needs a name."));
    const Incident current = incident(incidentId);
    if (current.roles.value(name) == person.trimmed())
        throw JournalError(JournalError::Kind::Invalid,
            person.trimmed().isEmpty() ? Text::tr("Nobody holds the role %1.").arg(name)
                                       : Text::tr("%1 is already %2 of %3.").arg(person.trimmed(), name, incidentId));
    return append(incidentId, EventKind::RoleAssigned,
        { { QStringLiteral("role"), name }, { QStringLiteral("person"), person.trimmed() },
            { QStringLiteral("previous"), current.roles.value(name) } },
        author);
}

JournalEvent Journal::recordUpdate(
    const QString& incidentId, const QString& audience, const QString& text, const QString& author)
{
    if (text.trimmed().isEmpty() || audience.trimmed().isEmpty())
        throw JournalError(JournalError::Kind::Invalid, Text::tr("An update needs an audience and a text."));
    return append(incidentId, EventKind::UpdateSent,
        { { QStringLiteral("audience"), audience.trimmed() }, { QStringLiteral("text"), text.trimmed() } }, author);
}

JournalEvent Journal::pinEvidence(const QString& incidentId, const Evidence& evidence, const QString& author)
{
    if (evidence.title.trimmed().isEmpty() && evidence.query.trimmed().isEmpty())
        throw JournalError(JournalError::Kind::Invalid, Text::tr("Evidence needs a title or a query."));
    QJsonObject payload { { QStringLiteral("title"), evidence.title.trimmed() },
        { QStringLiteral("source"), evidence.source }, { QStringLiteral("query"), evidence.query },
        { QStringLiteral("from_ms"), static_cast<double>(evidence.fromMs) },
        { QStringLiteral("to_ms"), static_cast<double>(evidence.toMs) },
        { QStringLiteral("data"), QString::fromLatin1(evidence.frozenData.toBase64()) } };
    if (!evidence.thumbnailPng.isEmpty())
        payload.insert(QStringLiteral("thumbnail_png"), QString::fromLatin1(evidence.thumbnailPng.toBase64()));
    return append(incidentId, EventKind::EvidencePinned, payload, author);
}

JournalEvent Journal::addActionItem(const QString& incidentId, const QString& text, const QString& owner,
    std::optional<qint64> dueMs, const QString& raisedBy, const QString& author)
{
    if (text.trimmed().isEmpty())
        throw JournalError(JournalError::Kind::Invalid, Text::tr("An action item needs a text."));
    QJsonObject payload { { QStringLiteral("text"), text.trimmed() }, { QStringLiteral("owner"), owner.trimmed() },
        { QStringLiteral("raised_by"), raisedBy } };
    if (dueMs)
        payload.insert(QStringLiteral("due_ms"), static_cast<double>(*dueMs));
    return append(incidentId, EventKind::ActionItemAdded, payload, author);
}

JournalEvent Journal::updateActionItem(
    const QString& incidentId, const QString& itemId, const QJsonObject& changes, const QString& author)
{
    QJsonObject payload = changes;
    payload.insert(QStringLiteral("item"), itemId);
    return append(incidentId, EventKind::ActionItemUpdated, payload, author);
}

JournalEvent Journal::setField(
    const QString& incidentId, const QString& field, const QJsonValue& value, const QString& author)
{
    static const QStringList fields = { QStringLiteral("title"), QStringLiteral("summary"), QStringLiteral("impact"),
        QStringLiteral("services"), QStringLiteral("tags"), QStringLiteral("started") };
    if (!fields.contains(field))
        throw JournalError(JournalError::Kind::Invalid, Text::tr("Unknown incident field %1.").arg(field));
    if (field == QLatin1String("title") && value.toString().trimmed().isEmpty())
        throw JournalError(JournalError::Kind::Invalid, Text::tr("An incident needs a title."));
    return append(incidentId, EventKind::FieldChanged,
        { { QStringLiteral("field"), field }, { QStringLiteral("value"), value } }, author);
}

JournalEvent Journal::editPostmortem(const QString& incidentId, const QString& markdown, const QString& author)
{
    return append(incidentId, EventKind::PostmortemEdited, { { QStringLiteral("markdown"), markdown } }, author);
}

JournalEvent Journal::correct(
    const QString& incidentId, const QString& targetEventId, const QString& text, const QString& author)
{
    const auto target = event(targetEventId);
    if (!target || target->incidentId != incidentId)
        throw JournalError(
            JournalError::Kind::Invalid, Text::tr("There is no event %1 in %2.").arg(targetEventId, incidentId));
    if (text.trimmed().isEmpty())
        throw JournalError(JournalError::Kind::Invalid, Text::tr("A correction needs a text."));
    return append(incidentId, EventKind::EventCorrected,
        { { QStringLiteral("target"), targetEventId }, { QStringLiteral("text"), text.trimmed() } }, author);
}

JournalEvent Journal::markKey(const QString& incidentId, const QString& targetEventId, bool key, const QString& author)
{
    const auto target = event(targetEventId);
    if (!target || target->incidentId != incidentId)
        throw JournalError(
            JournalError::Kind::Invalid, Text::tr("There is no event %1 in %2.").arg(targetEventId, incidentId));
    return append(incidentId, EventKind::KeyMarked,
        { { QStringLiteral("target"), targetEventId }, { QStringLiteral("key"), key } }, author);
}

QList<IncidentSummary> Journal::incidents(bool openOnly) const
{
    QList<IncidentSummary> list;
    Statement& query
        = m_db->prepare(openOnly ? "SELECT id, title, severity, status, commander, declared_ms, "
                                   "updated_ms FROM incidents WHERE status NOT IN ('resolved', 'closed') "
                                   "ORDER BY declared_ms DESC, day DESC, number DESC"
                                 : "SELECT id, title, severity, status, commander, declared_ms, "
                                   "updated_ms FROM incidents ORDER BY declared_ms DESC, day DESC, number DESC");
    while (query.step())
        list.append(readSummary(query));
    query.reset();
    return list;
}

bool Journal::contains(const QString& incidentId) const
{
    Statement& query = m_db->prepare("SELECT 1 FROM incidents WHERE id = ?");
    query.bind(1, incidentId);
    const bool found = query.step();
    query.reset();
    return found;
}

QList<JournalEvent> Journal::events(const QString& incidentId) const
{
    QList<JournalEvent> list;
    Statement& query
        = m_db->prepare(std::string("SELECT ") + EventColumns + " FROM events WHERE incident_id = ? ORDER BY seq");
    query.bind(1, incidentId);
    while (query.step())
        list.append(readEvent(query));
    query.reset();
    return list;
}

std::optional<JournalEvent> Journal::event(const QString& eventId) const
{
    Statement& query = m_db->prepare(std::string("SELECT ") + EventColumns + " FROM events WHERE id = ?");
    query.bind(1, eventId);
    std::optional<JournalEvent> found;
    if (query.step())
        found = readEvent(query);
    query.reset();
    return found;
}

Incident Journal::incident(const QString& incidentId) const
{
    const QList<JournalEvent> list = events(incidentId);
    if (list.isEmpty())
        throw JournalError(JournalError::Kind::Invalid, Text::tr("There is no incident %1.").arg(incidentId));
    return deriveIncident(list);
}

int Journal::indexPendingText(int limit)
{
    static const std::string watermarkSql
        = "SELECT coalesce((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'fts_rowid'), 0)";
    try {
        // Called every second by the journal service: when nothing is new, do not even take the write lock.
        if (m_db->scalar(watermarkSql) >= m_db->scalar("SELECT coalesce(max(rowid), 0) FROM events"))
            return 0;
        Database::Transaction transaction(*m_db);
        const qint64 watermark = m_db->scalar(watermarkSql);
        Statement& pending = m_db->prepare("SELECT rowid, id, incident_id, payload FROM events WHERE rowid > ? "
                                           "ORDER BY rowid LIMIT ?");
        pending.bindAll(watermark, limit);
        struct Row
        {
            qint64 rowid;
            QString id;
            QString incidentId;
            QString text;
        };
        QList<Row> rows;
        while (pending.step())
            rows.append({ pending.int64(0), pending.text(1), pending.text(2),
                searchableText(QJsonDocument::fromJson(pending.blob(3)).object()) });
        pending.reset();
        if (rows.isEmpty())
            return 0;
        for (const Row& row : std::as_const(rows)) {
            if (!row.text.isEmpty())
                m_db->prepare("INSERT INTO events_fts (text, event_id, incident_id) VALUES (?, ?, ?)")
                    .bindAll(row.text, row.id, row.incidentId)
                    .run();
        }
        m_db->prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('fts_rowid', ?)")
            .bind(1, QString::number(rows.last().rowid))
            .run();
        transaction.commit();
        return static_cast<int>(rows.size());
    } catch (const SqliteError& e) {
        throw translate(e, path());
    }
}

QList<SearchHit> Journal::search(const QString& text, int limit)
{
    // What was written a moment ago should be found too, but a search must not wait seconds for a
    // lock another process holds: then it searches what is indexed already.
    m_db->exec("PRAGMA busy_timeout = 100");
    try {
        indexPendingText();
    } catch (const JournalError& e) {
        spdlog::info("event=journal_index_skipped error=\"{}\"", e.message().toStdString());
    }
    m_db->exec("PRAGMA busy_timeout = " + std::to_string(BusyTimeoutMs));
    // Every word must match (as a prefix); quoting keeps FTS5 operators in user text literal.
    QStringList terms;
    for (QString word : text.split(u' ', Qt::SkipEmptyParts)) {
        word.replace(u'"', QStringLiteral("\"\""));
        terms << u'"' + word + QStringLiteral("\"*");
    }
    QList<SearchHit> hits;
    if (terms.isEmpty())
        return hits;
    Statement& query = m_db->prepare("SELECT incident_id, event_id, snippet(events_fts, 0, '[', ']', '…', 12) "
                                     "FROM events_fts WHERE events_fts MATCH ? ORDER BY rank LIMIT ?");
    query.bindAll(terms.join(u' '), limit);
    try {
        while (query.step())
            hits.append({ query.text(0), query.text(1), query.text(2) });
    } catch (const SqliteError& e) {
        query.reset();
        throw JournalError(JournalError::Kind::Invalid,
            Text::tr("Cannot search for \"%1\": %2").arg(text, QString::fromUtf8(e.what())));
    }
    query.reset();
    return hits;
}

QMap<Severity, QString> Journal::severityDefinitions() const
{
    QMap<Severity, QString> definitions;
    Statement& query = m_db->prepare("SELECT level, description FROM severity_definitions ORDER BY level");
    while (query.step())
        definitions.insert(static_cast<Severity>(query.int64(0)), query.text(1));
    query.reset();
    return definitions;
}

void Journal::setSeverityDefinition(Severity severity, const QString& description, const QString& author)
{
    try {
        m_db->prepare("INSERT OR REPLACE INTO severity_definitions (level, description, updated_by, updated_ms) "
                      "VALUES (?, ?, ?, ?)")
            .bindAll(static_cast<int>(severity), description.trimmed(), author, QDateTime::currentMSecsSinceEpoch())
            .run();
    } catch (const SqliteError& e) {
        throw translate(e, path());
    }
}

void Journal::checkpoint()
{
    try {
        m_db->exec("PRAGMA wal_checkpoint(PASSIVE)");
    } catch (const SqliteError& e) {
        spdlog::warn("event=journal_checkpoint_failed error=\"{}\"", e.what());
    }
}

qint64 Journal::dataVersion() const
{
    return m_db->scalar("PRAGMA data_version");
}

QString Journal::backup(const QString& directory, int keep)
{
    if (!QDir().mkpath(directory))
        throw JournalError(JournalError::Kind::Io, Text::tr("Cannot create the backup folder %1.").arg(directory));
    // Named after this journal: several journals may share a backup folder, and pruning one journal's
    // copies must never delete another's.
    const QString name = QStringLiteral("%1-%2.sqlite")
                             .arg(QFileInfo(path()).completeBaseName(),
                                 QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd'T'HHmmsszzz'Z'")));
    const QString target = QDir(directory).filePath(name);
    try {
        m_db->backupTo(target);
    } catch (const SqliteError& e) {
        QFile::remove(target);
        throw JournalError(
            JournalError::Kind::Io, Text::tr("The backup to %1 failed: %2").arg(target, QString::fromUtf8(e.what())));
    }
    const QStringList existing = backups(directory, path());
    for (qsizetype i = std::max(keep, 1); i < existing.size(); ++i)
        QFile::remove(existing.at(i));
    spdlog::info(
        "event=journal_backup path=\"{}\" kept={}", target.toStdString(), std::min<qsizetype>(keep, existing.size()));
    return target;
}

QStringList Journal::backups(const QString& directory, const QString& journalPath)
{
    QDir dir(directory);
    const QString base = QFileInfo(journalPath).completeBaseName();
    static const QRegularExpression stamp(QStringLiteral("^-\\d{8}T\\d{9}Z\\.sqlite$"));
    QStringList paths;
    // Names carry a UTC timestamp, so reverse name order is newest first.
    for (const QString& name :
        dir.entryList({ base + QStringLiteral("-*.sqlite") }, QDir::Files, QDir::Name | QDir::Reversed)) {
        if (stamp.match(QStringView(name).mid(base.size())).hasMatch())
            paths << dir.filePath(name);
    }
    return paths;
}

void Journal::recordQuery(const QString& language, const QString& query, qint64 nowMs)
{
    const QString text = query.trimmed();
    if (text.isEmpty())
        return;
    const qint64 now = nowOr(nowMs);
    try {
        m_db->prepare("INSERT INTO query_history (language, query, first_run_ms, last_run_ms) VALUES (?, ?, ?, ?) "
                      "ON CONFLICT (language, query) DO UPDATE SET last_run_ms = excluded.last_run_ms, runs = runs + 1")
            .bindAll(language, text, now, now)
            .run();
    } catch (const SqliteError& e) {
        throw translate(e, path());
    }
}

void Journal::setQueryStarred(const QString& language, const QString& query, bool starred)
{
    const QString text = query.trimmed();
    if (text.isEmpty())
        return;
    const qint64 now = nowOr(-1);
    try {
        m_db->prepare("INSERT INTO query_history (language, query, first_run_ms, last_run_ms, runs, starred) "
                      "VALUES (?, ?, ?, ?, 0, ?) "
                      "ON CONFLICT (language, query) DO UPDATE SET starred = excluded.starred")
            .bindAll(language, text, now, now, starred ? 1 : 0)
            .run();
    } catch (const SqliteError& e) {
        throw translate(e, path());
    }
}

QList<QueryHistoryEntry> Journal::queryHistory(const QString& language, const QString& contains, int limit) const
{
    // instr() on lower() rather than LIKE: the user's % and _ are plain characters here.
    Statement& query = m_db->prepare("SELECT query, first_run_ms, last_run_ms, runs, starred FROM query_history "
                                     "WHERE language = ? AND (? = '' OR instr(lower(query), lower(?)) > 0) "
                                     "ORDER BY starred DESC, last_run_ms DESC LIMIT ?");
    const QString needle = contains.trimmed();
    query.bindAll(language, needle, needle, std::max(limit, 1));
    QList<QueryHistoryEntry> entries;
    while (query.step())
        entries.append({ language, query.text(0), query.int64(1), query.int64(2), static_cast<int>(query.int64(3)),
            query.int64(4) != 0 });
    query.reset();
    return entries;
}

SloDefinition Journal::saveSlo(const SloDefinition& slo)
{
    if (slo.name.trimmed().isEmpty())
        throw JournalError(JournalError::Kind::Invalid, Text::tr("An SLO needs a name."));
    if (!(slo.objective > 0.0 && slo.objective < 1.0))
        throw JournalError(JournalError::Kind::Invalid,
            Text::tr("The objective of an SLO must be between 0 % and 100 %, exclusive (it is %1 %).")
                .arg(slo.objective * 100.0));
    if (slo.windowMs <= 0)
        throw JournalError(JournalError::Kind::Invalid, Text::tr("The window of an SLO must be longer than zero."));
    if (!slo.usesErrorRatio() && (slo.goodQuery.trimmed().isEmpty() || slo.totalQuery.trimmed().isEmpty()))
        throw JournalError(JournalError::Kind::Invalid,
            Text::tr("An SLO needs either an error-ratio query or both a good-events and a total-events query."));
    SloDefinition stored = slo;
    if (stored.id.isEmpty())
        stored.id = makeUuidV7();
    try {
        m_db->prepare("INSERT OR REPLACE INTO slos (id, name, service, good_query, total_query, error_ratio_query, "
                      "objective, window_ms, updated_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
            .bindAll(stored.id, stored.name.trimmed(), stored.service.trimmed(), stored.goodQuery.trimmed(),
                stored.totalQuery.trimmed(), stored.errorRatioQuery.trimmed(), stored.objective, stored.windowMs,
                nowOr(-1))
            .run();
    } catch (const SqliteError& e) {
        throw translate(e, path());
    }
    return stored;
}

void Journal::deleteSlo(const QString& id)
{
    try {
        m_db->prepare("DELETE FROM slos WHERE id = ?").bindAll(id).run();
    } catch (const SqliteError& e) {
        throw translate(e, path());
    }
}

QList<SloDefinition> Journal::slos() const
{
    Statement& query = m_db->prepare("SELECT id, name, service, good_query, total_query, error_ratio_query, objective, "
                                     "window_ms FROM slos ORDER BY name COLLATE NOCASE, id");
    QList<SloDefinition> list;
    while (query.step()) {
        SloDefinition slo;
        slo.id = query.text(0);
        slo.name = query.text(1);
        slo.service = query.text(2);
        slo.goodQuery = query.text(3);
        slo.totalQuery = query.text(4);
        slo.errorRatioQuery = query.text(5);
        slo.objective = query.real(6);
        slo.windowMs = query.int64(7);
        list.append(slo);
    }
    query.reset();
    return list;
}

} // namespace firebreak::journal
