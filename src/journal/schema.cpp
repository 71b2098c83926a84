#include "schema.h"

#include "sqlite.h"

namespace firebreak::journal {

namespace {
void version1(Database& db)
{
    // The events are the record; `incidents` is a cache of derived state, rebuilt from events at will.
    db.exec(R"sql(
        CREATE TABLE meta (
            key   TEXT PRIMARY KEY,
            value TEXT NOT NULL
        ) STRICT;
        CREATE TABLE events (
            id          TEXT PRIMARY KEY,
            incident_id TEXT NOT NULL,
            seq         INTEGER NOT NULL,
            kind        TEXT NOT NULL,
            payload     TEXT NOT NULL CHECK (json_valid(payload)),
            author      TEXT NOT NULL,
            device_id   TEXT NOT NULL,
            ts_ms       INTEGER NOT NULL,
            UNIQUE (incident_id, seq)
        ) STRICT;
        CREATE INDEX events_by_time ON events (ts_ms);
        CREATE TABLE incidents (
            id          TEXT PRIMARY KEY,
            day         TEXT NOT NULL,
            number      INTEGER NOT NULL,
            title       TEXT NOT NULL,
            severity    INTEGER NOT NULL,
            status      TEXT NOT NULL,
            commander   TEXT NOT NULL DEFAULT '',
            declared_ms INTEGER NOT NULL,
            updated_ms  INTEGER NOT NULL,
            UNIQUE (day, number)
        ) STRICT;
        -- Nothing is ever deleted or rewritten: the journal is append-only.
        CREATE TRIGGER events_no_update BEFORE UPDATE ON events
            BEGIN SELECT RAISE(ABORT, 'journal events are immutable'); END;
        CREATE TRIGGER events_no_delete BEFORE DELETE ON events
            BEGIN SELECT RAISE(ABORT, 'journal events are never deleted'); END;
    )sql");
}

void version2(Database& db)
{
    // Full-text search over titles, notes, updates …; filled in the same transaction as each event.
    db.exec(R"sql(
        CREATE VIRTUAL TABLE events_fts USING fts5 (
            text,
            event_id UNINDEXED,
            incident_id UNINDEXED,
            tokenize = 'unicode61 remove_diacritics 2'
        );
        INSERT INTO events_fts (text, event_id, incident_id)
            SELECT trim(coalesce(json_extract(payload, '$.title'), '') || ' ' ||
                        coalesce(json_extract(payload, '$.summary'), '') || ' ' ||
                        coalesce(json_extract(payload, '$.text'), '')),
                   id, incident_id
            FROM events;
    )sql");
}

void version3(Database& db)
{
    // Editable severity definitions, shared by all incidents of the journal.
    db.exec(R"sql(
        CREATE TABLE severity_definitions (
            level       INTEGER PRIMARY KEY CHECK (level BETWEEN 1 AND 5),
            description TEXT NOT NULL,
            updated_by  TEXT NOT NULL,
            updated_ms  INTEGER NOT NULL
        ) STRICT;
        INSERT INTO severity_definitions VALUES
            (1, 'Critical: a core service is down or data is being lost for many customers.', 'firebreak', 0),
            (2, 'Major: a core feature is degraded for many customers, or down for some.', 'firebreak', 0),
            (3, 'Minor: a non-core feature is degraded; a workaround exists.', 'firebreak', 0),
            (4, 'Low: little customer impact; internal systems affected.', 'firebreak', 0),
            (5, 'Cosmetic or a near miss worth recording.', 'firebreak', 0);
    )sql");
}
void version4(Database& db)
{
    // Nothing queries by time alone (UUIDv7 ids are already time-ordered), and every index is another
    // page written and synced on each durable append.
    db.exec("DROP INDEX IF EXISTS events_by_time");
}
void version5(Database& db)
{
    // columnsize=0: FTS5 stops writing a per-row size record, one page less on every durable append
    // (searches still rank; sizes are recomputed when needed). The index is rebuilt from the events,
    // which also covers rows that older versions never indexed.
    db.exec(R"sql(
        DROP TABLE events_fts;
        CREATE VIRTUAL TABLE events_fts USING fts5 (
            text,
            event_id UNINDEXED,
            incident_id UNINDEXED,
            tokenize = 'unicode61 remove_diacritics 2',
            columnsize = 0
        );
        INSERT INTO events_fts (text, event_id, incident_id)
            SELECT trim(coalesce(json_extract(payload, '$.title'), '') || ' ' ||
                        coalesce(json_extract(payload, '$.summary'), '') || ' ' ||
                        coalesce(json_extract(payload, '$.text'), '') || ' ' ||
                        coalesce(json_extract(payload, '$.impact'), '') || ' ' ||
                        coalesce(json_extract(payload, '$.reason'), '') || ' ' ||
                        coalesce(json_extract(payload, '$.markdown'), '') || ' ' ||
                        coalesce(json_extract(payload, '$.query'), '') || ' ' ||
                        CASE WHEN json_type(payload, '$.value') = 'text'
                             THEN json_extract(payload, '$.value') ELSE '' END) AS text,
                   id, incident_id
            FROM events
            WHERE text != '';
    )sql");
}
void version6(Database& db)
{
    // From here on the full-text index trails the events (Journal::indexPendingText()); version 5 has
    // just indexed every event, so the watermark starts at the newest one.
    db.exec("INSERT OR REPLACE INTO meta (key, value) "
            "SELECT 'fts_rowid', CAST(coalesce(max(rowid), 0) AS TEXT) FROM events");
}
void version7(Database& db)
{
    // Workspace state that is not part of any incident's record: queries people ran (per language, with a
    // star to keep them on top) and SLO definitions. Both are edited in place, unlike the events.
    db.exec(R"sql(
        CREATE TABLE query_history (
            language     TEXT NOT NULL,
            query        TEXT NOT NULL,
            first_run_ms INTEGER NOT NULL,
            last_run_ms  INTEGER NOT NULL,
            runs         INTEGER NOT NULL DEFAULT 1,
            starred      INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (language, query)
        ) STRICT;
        CREATE TABLE slos (
            id                TEXT PRIMARY KEY,
            name              TEXT NOT NULL,
            service           TEXT NOT NULL,
            good_query        TEXT NOT NULL,
            total_query       TEXT NOT NULL,
            error_ratio_query TEXT NOT NULL,
            objective         REAL NOT NULL CHECK (objective > 0 AND objective < 1),
            window_ms         INTEGER NOT NULL CHECK (window_ms > 0),
            updated_ms        INTEGER NOT NULL
        ) STRICT;
    )sql");
}
} // namespace

const std::vector<Migration>& migrations()
{
    static const std::vector<Migration> list = {
        { 1, "events, incidents cache, append-only triggers", version1 },
        { 2, "full-text search", version2 },
        { 3, "severity definitions", version3 },
        { 4, "drop the unused events_by_time index", version4 },
        { 5, "leaner full-text index, rebuilt from the events", version5 },
        { 6, "full-text index trails the events (watermark)", version6 },
        { 7, "query history and SLO definitions", version7 },
    };
    return list;
}

int currentSchemaVersion()
{
    return migrations().back().toVersion;
}

void migrate(Database& db, int fromVersion, int upTo)
{
    const int target = upTo < 0 ? currentSchemaVersion() : upTo;
    for (const Migration& migration : migrations()) {
        if (migration.toVersion <= fromVersion || migration.toVersion > target)
            continue;
        Database::Transaction transaction(db);
        // Another process may have migrated between our first look and this write lock.
        if (db.scalar("PRAGMA user_version") >= migration.toVersion)
            continue;
        migration.apply(db);
        db.exec("PRAGMA application_id = " + std::to_string(ApplicationId));
        db.exec("PRAGMA user_version = " + std::to_string(migration.toVersion));
        transaction.commit();
    }
}

} // namespace firebreak::journal
