#include "journal/journal.h"
#include "journal/journalservice.h"
#include "journal/schema.h"
#include "journal/sqlite.h"
#include "journal/uuidv7.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace firebreak;
using namespace firebreak::journal;

namespace {
// 2026-11-25 10:00:00 UTC
constexpr qint64 T0 = 1795600800000;
constexpr qint64 Minute = 60000;

QByteArray sha256(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

JournalEvent makeEvent(
    EventKind kind, qint64 timeMs, QJsonObject payload, const QString& author = QStringLiteral("ann"))
{
    static int seq = 0;
    JournalEvent e;
    e.id = makeUuidV7(timeMs);
    e.incidentId = QStringLiteral("INC-20261125-1");
    e.seq = ++seq;
    e.kind = kind;
    e.payload = std::move(payload);
    e.author = author;
    e.timeMs = timeMs;
    return e;
}
} // namespace

class TestJournal : public QObject
{
    Q_OBJECT

private:
    QString freshPath() { return m_dir.filePath(QStringLiteral("j%1.sqlite").arg(++m_files)); }
    std::unique_ptr<Journal> openFresh() { return Journal::open(freshPath(), QStringLiteral("device-a")); }

    static QString expectError(const QString& path, JournalError::Kind kind)
    {
        try {
            Journal::open(path, QStringLiteral("device-a"));
        } catch (const JournalError& e) {
            if (e.kind() != kind)
                return QStringLiteral("wrong kind %1: %2").arg(int(e.kind())).arg(e.message());
            return e.message();
        }
        return QStringLiteral("no error");
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void uuidV7IsTimeOrderedAndWellFormed()
    {
        QStringList ids;
        for (int i = 0; i < 2000; ++i)
            ids << makeUuidV7(T0 - 3600000 + i / 100);
        QStringList sorted = ids;
        sorted.sort();
        QCOMPARE(sorted, ids);
        QCOMPARE(QSet<QString>(ids.begin(), ids.end()).size(), ids.size());
        const QString& id = ids.first();
        QCOMPARE(id.size(), 36);
        QCOMPARE(id.at(14), QChar(u'7'));
        QVERIFY(QStringLiteral("89ab").contains(id.at(19)));
        QCOMPARE(uuidV7Time(id), T0 - 3600000);
        QCOMPARE(uuidV7Time(QStringLiteral("not-a-uuid")), -1);
    }

    void declareGivesHumanIdsPerUtcDay()
    {
        auto journal = openFresh();
        DeclareRequest request;
        request.title = QStringLiteral("Checkout returns 502");
        request.severity = Severity::Sev2;
        request.commander = QStringLiteral("ann");
        const JournalEvent first = journal->declare(request, QStringLiteral("ann"), T0);
        QCOMPARE(first.incidentId, QStringLiteral("INC-20261125-1"));
        QCOMPARE(first.seq, 1);
        QCOMPARE(first.kind, EventKind::Declared);
        QCOMPARE(first.deviceId, QStringLiteral("device-a"));
        QCOMPARE(uuidV7Time(first.id), T0);
        QCOMPARE(
            journal->declare(request, QStringLiteral("bob"), T0 + Minute).incidentId, QStringLiteral("INC-20261125-2"));
        // 23:59:59.999 UTC is still the same day; a millisecond later is the next.
        QCOMPARE(journal->declare(request, QStringLiteral("bob"), 1795651199999).incidentId,
            QStringLiteral("INC-20261125-3"));
        QCOMPARE(journal->declare(request, QStringLiteral("bob"), 1795651200000).incidentId,
            QStringLiteral("INC-20261126-1"));

        request.title = QStringLiteral("   ");
        QVERIFY_THROWS_EXCEPTION(JournalError, journal->declare(request, QStringLiteral("ann")));
    }

    void stateIsDerivedFromEvents()
    {
        auto journal = openFresh();
        DeclareRequest request;
        request.title = QStringLiteral("Payments failing");
        request.severity = Severity::Sev3;
        request.commander = QStringLiteral("ann");
        request.summary = QStringLiteral("Card payments time out");
        const QString id = journal->declare(request, QStringLiteral("ann"), T0).incidentId;
        journal->addNote(id, QStringLiteral("Gateway latency p99 at 4 s"), QStringLiteral("bob"));
        journal->changeSeverity(id, Severity::Sev1, QStringLiteral("ann"), QStringLiteral("all regions"));
        journal->assignRole(id, QStringLiteral("Communications"), QStringLiteral("cat"), QStringLiteral("ann"));
        journal->assignRole(id, QStringLiteral("commander"), QStringLiteral("dan"), QStringLiteral("ann"));
        journal->changeStatus(id, IncidentStatus::Identified, QStringLiteral("dan"));
        journal->changeStatus(id, IncidentStatus::Mitigated, QStringLiteral("dan"));

        const Incident incident = journal->incident(id);
        QCOMPARE(incident.title, QStringLiteral("Payments failing"));
        QCOMPARE(incident.summary, QStringLiteral("Card payments time out"));
        QCOMPARE(incident.severity, Severity::Sev1);
        QCOMPARE(incident.severityHistory.size(), 2);
        QCOMPARE(incident.severityHistory.at(1).from, std::optional<Severity>(Severity::Sev3));
        QCOMPARE(incident.status, IncidentStatus::Mitigated);
        QCOMPARE(incident.commander(), QStringLiteral("dan"));
        QCOMPARE(incident.roles.value(QStringLiteral("communications")), QStringLiteral("cat"));
        QCOMPARE(incident.roleHistory.size(), 3); // declared commander, communications, handoff
        QCOMPARE(incident.roleHistory.last().previous, QStringLiteral("ann"));
        QVERIFY(incident.acknowledgedMs.has_value());
        QVERIFY(incident.mitigatedMs.has_value());
        QVERIFY(!incident.resolvedMs.has_value());
        QCOMPARE(incident.eventCount, 7);

        // The list shows the cached state.
        const IncidentSummary summary = journal->summary(id);
        QCOMPARE(summary.severity, Severity::Sev1);
        QCOMPARE(summary.status, IncidentStatus::Mitigated);
        QCOMPARE(summary.commander, QStringLiteral("dan"));
        QCOMPARE(journal->incidents(true).size(), 1);

        journal->changeStatus(id, IncidentStatus::Resolved, QStringLiteral("dan"));
        QCOMPARE(journal->incidents(true).size(), 0);
        QCOMPARE(journal->incidents(false).size(), 1);

        // Rejected changes say why and write nothing.
        QVERIFY_THROWS_EXCEPTION(JournalError, journal->changeSeverity(id, Severity::Sev1, QStringLiteral("x")));
        QVERIFY_THROWS_EXCEPTION(
            JournalError, journal->changeStatus(id, IncidentStatus::Resolved, QStringLiteral("x")));
        QVERIFY_THROWS_EXCEPTION(JournalError, journal->addNote(id, QStringLiteral("  "), QStringLiteral("x")));
        QVERIFY_THROWS_EXCEPTION(
            JournalError, journal->addNote(QStringLiteral("INC-1-1"), QStringLiteral("a"), QStringLiteral("x")));
        QCOMPARE(journal->events(id).size(), 8);
    }

    void durationsFromDeclaredAndFromStarted()
    {
        QList<JournalEvent> events;
        events << makeEvent(EventKind::Declared, T0,
            { { QStringLiteral("title"), QStringLiteral("t") }, { QStringLiteral("severity"), QStringLiteral("SEV2") },
                { QStringLiteral("started_ms"), double(T0 - 10 * Minute) } });
        events << makeEvent(EventKind::Note, T0 + 2 * Minute, { { QStringLiteral("text"), QStringLiteral("on it") } });
        events << makeEvent(
            EventKind::StatusChanged, T0 + 20 * Minute, { { QStringLiteral("to"), QStringLiteral("mitigated") } });
        events << makeEvent(
            EventKind::StatusChanged, T0 + 30 * Minute, { { QStringLiteral("to"), QStringLiteral("investigating") } });
        events << makeEvent(
            EventKind::StatusChanged, T0 + 50 * Minute, { { QStringLiteral("to"), QStringLiteral("resolved") } });
        const Incident incident = deriveIncident(events);
        QCOMPARE(span(incident.declaredMs, incident.acknowledgedMs), std::optional<qint64>(2 * Minute));
        // A reopen does not erase the first mitigation.
        QCOMPARE(span(incident.declaredMs, incident.mitigatedMs), std::optional<qint64>(20 * Minute));
        QCOMPARE(span(incident.declaredMs, incident.resolvedMs), std::optional<qint64>(50 * Minute));
        QCOMPARE(span(incident.startedMs, incident.resolvedMs), std::optional<qint64>(60 * Minute));
        QCOMPARE(incident.statusHistory.size(), 4);
        QCOMPARE(incident.status, IncidentStatus::Resolved);
    }

    void correctionsKeyEventsAndActionItems()
    {
        auto journal = openFresh();
        DeclareRequest request;
        request.title = QStringLiteral("DNS");
        const QString id = journal->declare(request, QStringLiteral("ann")).incidentId;
        const JournalEvent wrong = journal->addNote(id, QStringLiteral("Rolled back deploy 41"), QStringLiteral("bob"));
        const JournalEvent fix
            = journal->correct(id, wrong.id, QStringLiteral("Rolled back deploy 42"), QStringLiteral("bob"));
        journal->markKey(id, fix.id, true, QStringLiteral("ann"));
        const JournalEvent item = journal->addActionItem(id, QStringLiteral("Alert on resolver errors"),
            QStringLiteral("cat"), T0 + 7 * 24 * 60 * Minute, wrong.id, QStringLiteral("ann"));
        journal->updateActionItem(
            id, item.id, { { QStringLiteral("status"), QStringLiteral("done") } }, QStringLiteral("cat"));

        const Incident incident = journal->incident(id);
        QCOMPARE(incident.correctedBy.value(wrong.id), fix.id);
        QVERIFY(incident.keyEvents.contains(fix.id));
        QCOMPARE(incident.actionItems.size(), 1);
        QCOMPARE(incident.actionItems.first().status, QStringLiteral("done"));
        QCOMPARE(incident.actionItems.first().raisedBy, wrong.id);
        // Both the original and the correction stay in the timeline.
        const QList<JournalEvent> events = journal->events(id);
        QCOMPARE(
            events.at(1).payload.value(QStringLiteral("text")).toString(), QStringLiteral("Rolled back deploy 41"));
        QVERIFY_THROWS_EXCEPTION(
            JournalError, journal->correct(id, QStringLiteral("nope"), QStringLiteral("x"), QStringLiteral("x")));

        journal->markKey(id, fix.id, false, QStringLiteral("ann"));
        QVERIFY(!journal->incident(id).keyEvents.contains(fix.id));
    }

    void pinEvidenceKeepsEnoughToReRunAndAFrozenCopy()
    {
        auto journal = openFresh();
        DeclareRequest request;
        request.title = QStringLiteral("Latency");
        const QString id = journal->declare(request, QStringLiteral("ann")).incidentId;
        Evidence evidence;
        evidence.title = QStringLiteral("p99 latency, checkout");
        evidence.source = QStringLiteral("prometheus");
        evidence.query = QStringLiteral("histogram_quantile(0.99, rate(http_duration_bucket[5m]))");
        evidence.fromMs = T0;
        evidence.toMs = T0 + 60 * Minute;
        evidence.frozenData = QByteArrayLiteral(R"([{"metric":{},"values":[[1795600800,"0.42"]]}])");
        evidence.thumbnailPng = QByteArray("\x89PNG\r\n\x1a\n", 8);
        const JournalEvent pinned = journal->pinEvidence(id, evidence, QStringLiteral("ann"));
        const auto stored = journal->event(pinned.id);
        QVERIFY(stored);
        QCOMPARE(stored->kind, EventKind::EvidencePinned);
        const QJsonObject& p = stored->payload;
        QCOMPARE(p.value(QStringLiteral("query")).toString(), evidence.query);
        QCOMPARE(qint64(p.value(QStringLiteral("from_ms")).toDouble()), evidence.fromMs);
        QCOMPARE(qint64(p.value(QStringLiteral("to_ms")).toDouble()), evidence.toMs);
        QCOMPARE(QByteArray::fromBase64(p.value(QStringLiteral("data")).toString().toLatin1()), evidence.frozenData);
        QCOMPARE(QByteArray::fromBase64(p.value(QStringLiteral("thumbnail_png")).toString().toLatin1()),
            evidence.thumbnailPng);
        QCOMPARE(journal->search(QStringLiteral("histogram_quantile")).size(), 1);
    }

    void fullTextSearch()
    {
        auto journal = openFresh();
        DeclareRequest request;
        request.title = QStringLiteral("Kafka consumer lag");
        const QString a = journal->declare(request, QStringLiteral("ann")).incidentId;
        request.title = QStringLiteral("Login page slow");
        const QString b = journal->declare(request, QStringLiteral("ann")).incidentId;
        journal->addNote(b, QStringLiteral("Redis evictions spiking on cache-02"), QStringLiteral("bob"));
        journal->recordUpdate(
            a, QStringLiteral("executives"), QStringLiteral("Orders delayed by ten minutes"), QStringLiteral("cat"));

        QCOMPARE(journal->search(QStringLiteral("kafka")).first().incidentId, a);
        QCOMPARE(journal->search(QStringLiteral("evict")).first().incidentId, b); // prefix
        QCOMPARE(journal->search(QStringLiteral("orders delayed")).first().incidentId, a);
        QVERIFY(journal->search(QStringLiteral("redis")).first().snippet.contains(QStringLiteral("[Redis]")));
        QVERIFY(journal->search(QStringLiteral("nothing-like-this")).isEmpty());
        // FTS5 syntax in user input is taken literally, not as an error.
        QVERIFY(journal->search(QStringLiteral("\"unbalanced AND (")).isEmpty());
    }

    void fullTextIndexTrailsTheEventsAndCatchesUp()
    {
        const QString path = freshPath();
        auto gui = Journal::open(path, QStringLiteral("gui"));
        auto cli = Journal::open(path, QStringLiteral("cli"));
        DeclareRequest request;
        request.title = QStringLiteral("Certificate expired");
        const QString id = cli->declare(request, QStringLiteral("ann")).incidentId;
        cli->addNote(id, QStringLiteral("renewed the wildcard certificate"), QStringLiteral("bob"));
        // The other process's events are indexed by whoever runs the indexer next, exactly once.
        QCOMPARE(gui->indexPendingText(), 2);
        QCOMPARE(gui->indexPendingText(), 0);
        QCOMPARE(cli->indexPendingText(), 0);
        QCOMPARE(cli->search(QStringLiteral("wildcard")).size(), 1);
        // A search indexes what is pending before it looks.
        cli->addNote(id, QStringLiteral("monitoring added for expiry"), QStringLiteral("bob"));
        QCOMPARE(gui->search(QStringLiteral("expiry")).size(), 1);
    }

    void persistsAcrossReopenWithDurableSettings()
    {
        const QString path = freshPath();
        QString id;
        {
            auto journal = Journal::open(path, QStringLiteral("device-a"));
            DeclareRequest request;
            request.title = QStringLiteral("Disk full");
            id = journal->declare(request, QStringLiteral("ann")).incidentId;
            journal->addNote(id, QStringLiteral("cleared /var/log"), QStringLiteral("ann"));
        }
        auto journal = Journal::open(path, QStringLiteral("device-b"));
        QCOMPARE(journal->events(id).size(), 2);
        auto db = Database::open(path, Database::Mode::ReadWrite);
        QCOMPARE(db->scalarText("PRAGMA journal_mode"), QStringLiteral("wal"));
        QCOMPARE(db->scalar("PRAGMA user_version"), qint64(currentSchemaVersion()));
        QCOMPARE(db->scalar("PRAGMA application_id"), qint64(ApplicationId));
        // Events are immutable even for a raw connection.
        QVERIFY_THROWS_EXCEPTION(SqliteError, db->exec("UPDATE events SET payload = '{}'"));
        QVERIFY_THROWS_EXCEPTION(SqliteError, db->exec("DELETE FROM events"));
    }

    void anotherConnectionsWriteChangesDataVersion()
    {
        const QString path = freshPath();
        auto reader = Journal::open(path, QStringLiteral("gui"));
        auto writer = Journal::open(path, QStringLiteral("cli"));
        const qint64 before = reader->dataVersion();
        DeclareRequest request;
        request.title = QStringLiteral("From the CLI");
        writer->declare(request, QStringLiteral("ann"));
        QVERIFY(reader->dataVersion() != before);
        QCOMPARE(reader->incidents(false).size(), 1);
    }

    void rejectsForeignAndDamagedFilesWithoutTouchingThem()
    {
        // Not SQLite at all.
        const QString text = freshPath();
        {
            QFile f(text);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("these are my notes, not a database\n");
        }
        const QByteArray textHash = sha256(text);
        QVERIFY(expectError(text, JournalError::Kind::Foreign).contains(QStringLiteral("not a Firebreak journal")));
        QCOMPARE(sha256(text), textHash);

        // Another program's SQLite database.
        const QString foreign = freshPath();
        Database::open(foreign, Database::Mode::ReadWriteCreate)->exec("CREATE TABLE songs (title TEXT)");
        const QByteArray foreignHash = sha256(foreign);
        QVERIFY(expectError(foreign, JournalError::Kind::Foreign).contains(QStringLiteral("another program")));
        QCOMPARE(sha256(foreign), foreignHash);

        // Another program's database in WAL mode whose last writes are still only in the -wal file:
        // closing our connection must not fold them into the main file.
        const QString foreignWal = freshPath();
        {
            auto db = Database::open(foreignWal, Database::Mode::ReadWriteCreate);
            db->exec("PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0; PRAGMA application_id = 305419896;"
                     "CREATE TABLE songs (title TEXT); INSERT INTO songs VALUES ('still in the WAL')");
            db->setCheckpointOnClose(false); // as if its program had been killed
        }
        QVERIFY(QFile::exists(foreignWal + QStringLiteral("-wal")));
        const QByteArray walMainHash = sha256(foreignWal);
        const QByteArray walHash = sha256(foreignWal + QStringLiteral("-wal"));
        QVERIFY(expectError(foreignWal, JournalError::Kind::Foreign).contains(QStringLiteral("another program")));
        QCOMPARE(sha256(foreignWal), walMainHash);
        QCOMPARE(sha256(foreignWal + QStringLiteral("-wal")), walHash);

        // A journal from a newer Firebreak.
        const QString newer = freshPath();
        {
            auto db = Database::open(newer, Database::Mode::ReadWriteCreate);
            db->exec("PRAGMA application_id = " + std::to_string(ApplicationId) + "; PRAGMA user_version = 99");
        }
        QVERIFY(expectError(newer, JournalError::Kind::TooNew).contains(QStringLiteral("newer Firebreak")));

        // A real journal with damaged pages.
        const QString damaged = freshPath();
        {
            auto journal = Journal::open(damaged, QStringLiteral("device-a"));
            DeclareRequest request;
            request.title = QStringLiteral("Soon damaged");
            const QString id = journal->declare(request, QStringLiteral("ann")).incidentId;
            for (int i = 0; i < 300; ++i)
                journal->addNote(id, QStringLiteral("note %1 ").arg(i).repeated(20), QStringLiteral("ann"));
        }
        {
            QFile f(damaged);
            QVERIFY(f.open(QIODevice::ReadWrite));
            QVERIFY(f.size() > 16 * 4096);
            for (qint64 page = 2; page < 14; ++page) {
                f.seek(page * 4096);
                f.write(QByteArray(4096, '\x5a'));
            }
        }
        const QByteArray damagedHash = sha256(damaged);
        const QString message = expectError(damaged, JournalError::Kind::Corrupt);
        QVERIFY2(message.contains(QStringLiteral("damaged")), qPrintable(message));
        QCOMPARE(sha256(damaged), damagedHash);
    }

    void opensJournalsOfEveryEarlierVersion_data()
    {
        QTest::addColumn<int>("version");
        for (const Migration& m : migrations()) {
            if (m.toVersion < currentSchemaVersion())
                QTest::newRow(qPrintable(QStringLiteral("v%1").arg(m.toVersion))) << m.toVersion;
        }
    }

    void opensJournalsOfEveryEarlierVersion()
    {
        QFETCH(int, version);
        const QString path = freshPath();
        {
            // Build the old schema and fill it the way that version's Firebreak would have.
            auto db = Database::open(path, Database::Mode::ReadWriteCreate);
            migrate(*db, 0, version);
            QCOMPARE(db->scalar("PRAGMA user_version"), qint64(version));
            db->exec("INSERT INTO incidents VALUES ('INC-20261125-1', '20261125', 1, 'Old outage', 2, "
                     "'investigating', 'ann', 1795600800000, 1795600800000)");
            db->exec("INSERT INTO events VALUES ('0199b5a0-0000-7000-8000-000000000001', 'INC-20261125-1', 1, "
                     "'declared', '{\"title\":\"Old outage\",\"severity\":\"SEV2\",\"commander\":\"ann\"}', 'ann', "
                     "'old-device', 1795600800000)");
            db->exec("INSERT INTO events VALUES ('0199b5a0-0001-7000-8000-000000000002', 'INC-20261125-1', 2, "
                     "'note', '{\"text\":\"upstream router flapping\"}', 'bob', 'old-device', 1795600860000)");
            if (version >= 2) // from version 2 on, Firebreak indexed each event as it wrote it
                db->exec("INSERT INTO events_fts (text, event_id, incident_id) VALUES "
                         "('Old outage', '0199b5a0-0000-7000-8000-000000000001', 'INC-20261125-1'), "
                         "('upstream router flapping', '0199b5a0-0001-7000-8000-000000000002', 'INC-20261125-1')");
            if (version >= 6) // …and from version 6 on, moved the watermark past what it had indexed
                db->exec("UPDATE meta SET value = (SELECT CAST(max(rowid) AS TEXT) FROM events) "
                         "WHERE key = 'fts_rowid'");
        }
        auto journal = Journal::open(path, QStringLiteral("device-a"));
        const Incident incident = journal->incident(QStringLiteral("INC-20261125-1"));
        QCOMPARE(incident.title, QStringLiteral("Old outage"));
        QCOMPARE(incident.severity, Severity::Sev2);
        QCOMPARE(incident.eventCount, 2);
        // Whatever full-text index the old version had, the upgraded journal finds the old events.
        QCOMPARE(journal->search(QStringLiteral("router")).size(), 1);
        QCOMPARE(journal->search(QStringLiteral("outage")).size(), 1);
        QCOMPARE(journal->severityDefinitions().size(), 5);
        journal->addNote(incident.id, QStringLiteral("new note after upgrade"), QStringLiteral("ann"));
        QCOMPARE(journal->events(incident.id).last().seq, 3);
    }

    void backupsAreConsistentAndPruned()
    {
        auto journal = openFresh();
        DeclareRequest request;
        request.title = QStringLiteral("Backed up");
        const QString id = journal->declare(request, QStringLiteral("ann")).incidentId;
        const QString dir = m_dir.filePath(QStringLiteral("backups"));
        journal->backup(dir, 2);
        QTest::qSleep(5); // distinct millisecond in the file name
        journal->addNote(id, QStringLiteral("after the first backup"), QStringLiteral("ann"));
        journal->backup(dir, 2);
        QTest::qSleep(5);
        const QString newest = journal->backup(dir, 2);
        const QStringList kept = Journal::backups(dir, journal->path());
        // Another journal's copies in the same folder are not touched by this journal's pruning.
        auto other = openFresh();
        other->backup(dir, 1);
        QCOMPARE(Journal::backups(dir, journal->path()), kept);
        QCOMPARE(Journal::backups(dir, other->path()).size(), 1);
        QCOMPARE(kept.size(), 2);
        QCOMPARE(kept.first(), newest);
        auto restored = Journal::open(newest, QStringLiteral("device-a"));
        QCOMPARE(restored->events(id).size(), 2);
    }

    void severityDefinitionsAreEditable()
    {
        auto journal = openFresh();
        QVERIFY(journal->severityDefinitions().value(Severity::Sev1).startsWith(QStringLiteral("Critical")));
        journal->setSeverityDefinition(Severity::Sev1, QStringLiteral("Revenue stops"), QStringLiteral("ann"));
        QCOMPARE(journal->severityDefinitions().value(Severity::Sev1), QStringLiteral("Revenue stops"));
    }

    void queryHistoryCountsRunsAndKeepsStarredOnTop()
    {
        auto journal = openFresh();
        const QString promql = QStringLiteral("promql");
        journal->recordQuery(promql, QStringLiteral("up"), 1000);
        journal->recordQuery(promql, QStringLiteral("rate(http_requests_total[5m])"), 2000);
        journal->recordQuery(promql, QStringLiteral("  up  "), 3000); // same query, trimmed
        journal->recordQuery(QStringLiteral("logql"), QStringLiteral("{app=\"x\"}"), 4000);
        journal->recordQuery(promql, QStringLiteral("   "), 5000); // nothing to remember

        QList<QueryHistoryEntry> history = journal->queryHistory(promql);
        QCOMPARE(history.size(), 2);
        QCOMPARE(history.at(0).query, QStringLiteral("up"));
        QCOMPARE(history.at(0).runs, 2);
        QCOMPARE(history.at(0).firstRunMs, 1000);
        QCOMPARE(history.at(0).lastRunMs, 3000);
        QCOMPARE(history.at(1).query, QStringLiteral("rate(http_requests_total[5m])"));

        journal->setQueryStarred(promql, QStringLiteral("rate(http_requests_total[5m])"), true);
        journal->setQueryStarred(promql, QStringLiteral("sum(up) by (job)"), true); // starred before ever running
        history = journal->queryHistory(promql);
        QCOMPARE(history.size(), 3);
        QVERIFY(history.at(0).starred && history.at(1).starred);
        QCOMPARE(history.at(2).query, QStringLiteral("up"));
        QCOMPARE(history.at(2).runs, 2);

        // Substring search is literal (no LIKE wildcards) and case-insensitive.
        QCOMPARE(journal->queryHistory(promql, QStringLiteral("HTTP_")).size(), 1);
        QCOMPARE(journal->queryHistory(promql, QStringLiteral("%")).size(), 0);
        QCOMPARE(journal->queryHistory(promql, {}, 1).size(), 1);
        QCOMPARE(journal->queryHistory(QStringLiteral("logql")).size(), 1);
    }

    void sloDefinitionsAreStoredValidatedAndDeleted()
    {
        auto journal = openFresh();
        SloDefinition slo;
        slo.name = QStringLiteral("Checkout availability");
        slo.service = QStringLiteral("checkout");
        slo.goodQuery = QStringLiteral("sum(rate(http_requests_total{code!~\"5..\"}[$window]))");
        slo.totalQuery = QStringLiteral("sum(rate(http_requests_total[$window]))");
        slo.objective = 0.999;
        const SloDefinition stored = journal->saveSlo(slo);
        QVERIFY(!stored.id.isEmpty());
        QCOMPARE(journal->slos().size(), 1);
        QCOMPARE(journal->slos().at(0), stored);

        SloDefinition edited = stored;
        edited.objective = 0.995;
        journal->saveSlo(edited);
        QCOMPARE(journal->slos().size(), 1);
        QCOMPARE(journal->slos().at(0).objective, 0.995);

        SloDefinition bad = slo;
        bad.objective = 1.0;
        QVERIFY_THROWS_EXCEPTION(JournalError, journal->saveSlo(bad));
        bad = slo;
        bad.totalQuery.clear();
        QVERIFY_THROWS_EXCEPTION(JournalError, journal->saveSlo(bad));
        bad.errorRatioQuery = QStringLiteral("job:error_ratio:rate5m");
        QCOMPARE(journal->saveSlo(bad).usesErrorRatio(), true); // one expression is enough
        QCOMPARE(journal->slos().size(), 2);

        journal->deleteSlo(stored.id);
        QCOMPARE(journal->slos().size(), 1);
    }

    void serviceCallRunsOnTheJournalThreadAndAnswersHere()
    {
        JournalService service;
        QObject context;
        QString error;
        bool answered = false;
        service.call<int>(
            &context, [](Journal&) { return 1; },
            [&](const int&, const QString& e) {
                answered = true;
                error = e;
            });
        QTRY_VERIFY_WITH_TIMEOUT(answered, 5000);
        QVERIFY(error.contains(QStringLiteral("not open")));

        QSignalSpy opened(&service, &JournalService::opened);
        service.open(freshPath(), QStringLiteral("device-a"));
        QVERIFY(opened.wait(5000));
        QList<QueryHistoryEntry> history;
        answered = false;
        service.call<QList<QueryHistoryEntry>>(
            &context,
            [](Journal& journal) {
                journal.recordQuery(QStringLiteral("logql"), QStringLiteral("{app=\"api\"} |= \"timeout\""));
                return journal.queryHistory(QStringLiteral("logql"));
            },
            [&](const QList<QueryHistoryEntry>& result, const QString& e) {
                answered = true;
                error = e;
                history = result;
            });
        QTRY_VERIFY_WITH_TIMEOUT(answered, 5000);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(history.size(), 1);

        // A receiver that is gone gets nothing, and nothing crashes.
        auto shortLived = std::make_unique<QObject>();
        bool late = false;
        service.call<int>(
            shortLived.get(), [](Journal&) { return 2; }, [&](const int&, const QString&) { late = true; });
        shortLived.reset();
        answered = false;
        service.call<int>(
            &context, [](Journal&) { return 3; }, [&](const int&, const QString&) { answered = true; });
        QTRY_VERIFY_WITH_TIMEOUT(answered, 5000);
        QVERIFY(!late);
    }

private:
    QTemporaryDir m_dir;
    int m_files = 0;
};

QTEST_GUILESS_MAIN(TestJournal)
#include "tst_journal.moc"
