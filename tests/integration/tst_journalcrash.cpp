// Crash safety of the journal (DESIGN.md "Incident journal"): a write that returned is on disk, whatever
// happens to the process afterwards. A child (journal_crash_writer) appends notes in a loop and prints each
// event id once its write returned; we SIGKILL it at random moments, 50 times on the same file, then check
// that every printed id is in the journal, that the file is intact and the sequence has no holes.
#include "journal/journal.h"
#include "journal/sqlite.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace firebreak;
using namespace firebreak::journal;

namespace {

constexpr int Kills = 50;
constexpr int MinRunMs = 20;
constexpr int MaxRunMs = 300;
constexpr int ProcessTimeoutMs = 10000;
// A kill can cost at most the write in flight; over all runs, far more than this must have been promised.
constexpr qsizetype MinPromisedIds = 50;

/// Complete lines of `output`; a trailing line without '\n' (the child was killed while printing) is dropped.
QStringList completeLines(const QByteArray& output, int& partial)
{
    QStringList lines;
    qsizetype begin = 0;
    for (qsizetype end = output.indexOf('\n'); end >= 0; end = output.indexOf('\n', begin)) {
        lines << QString::fromLatin1(output.mid(begin, end - begin));
        begin = end + 1;
    }
    partial = begin < output.size() ? 1 : 0;
    return lines;
}

bool looksLikeUuidV7(const QString& id)
{
    return id.size() == 36 && id.at(8) == u'-' && id.at(13) == u'-' && id.at(14) == u'7' && id.at(18) == u'-'
        && id.at(23) == u'-';
}

} // namespace

class TestJournalCrash : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void killedWriterLosesNothingItPromised();

private:
    quint32 m_seed = 0;
};

void TestJournalCrash::initTestCase()
{
    QVERIFY2(QFileInfo(QStringLiteral(FIREBREAK_CRASH_WRITER)).isExecutable(), FIREBREAK_CRASH_WRITER);
    bool fixed = false;
    m_seed = qEnvironmentVariableIntValue("FIREBREAK_CRASH_SEED", &fixed);
    if (!fixed)
        m_seed = QRandomGenerator::system()->generate();
    qInfo("seed %u (reproduce with FIREBREAK_CRASH_SEED=%u)", m_seed, m_seed);
}

void TestJournalCrash::killedWriterLosesNothingItPromised()
{
    QTemporaryDir dir(QDir::tempPath() + QStringLiteral("/firebreak-crash-XXXXXX"));
    QVERIFY2(dir.isValid(), qPrintable(dir.errorString()));
    const QString path = dir.filePath(QStringLiteral("journal.sqlite"));
    QRandomGenerator random(m_seed);

    QStringList promised; // every id a child printed, in order
    int silentRuns = 0;
    int partialLines = 0;
    QElapsedTimer total;
    total.start();
    for (int run = 1; run <= Kills; ++run) {
        const int runMs = static_cast<int>(random.bounded(MinRunMs, MaxRunMs + 1));
        QProcess writer;
        writer.setProgram(QStringLiteral(FIREBREAK_CRASH_WRITER));
        writer.setArguments({ path });
        writer.start();
        QVERIFY2(writer.waitForStarted(ProcessTimeoutMs), qPrintable(writer.errorString()));
        // The event loop keeps draining the child's stdout meanwhile, so it never blocks on a full pipe.
        QTest::qWait(runMs);
        QVERIFY2(writer.state() == QProcess::Running,
            qPrintable(QStringLiteral("run %1: the writer ended by itself (exit code %2): %3")
                           .arg(run)
                           .arg(writer.exitCode())
                           .arg(QString::fromLocal8Bit(writer.readAllStandardError()))));
        writer.kill(); // SIGKILL
        QVERIFY2(writer.waitForFinished(ProcessTimeoutMs), qPrintable(QStringLiteral("run %1: not dead").arg(run)));
        QCOMPARE(writer.exitStatus(), QProcess::CrashExit);

        int partial = 0;
        const QStringList lines = completeLines(writer.readAllStandardOutput(), partial);
        partialLines += partial;
        for (const QString& line : lines)
            QVERIFY2(looksLikeUuidV7(line), qPrintable(QStringLiteral("run %1 printed \"%2\"").arg(run).arg(line)));
        if (lines.isEmpty())
            ++silentRuns;
        promised += lines;
    }
    qInfo("%d kills in %lld ms: %lld ids printed, %d runs killed before their first id, %d partial lines", Kills,
        static_cast<long long>(total.elapsed()), static_cast<long long>(promised.size()), silentRuns, partialLines);
    QVERIFY2(promised.size() >= MinPromisedIds,
        qPrintable(
            QStringLiteral("only %1 ids printed in %2 runs: the test proves nothing").arg(promised.size()).arg(Kills)));

    // The file itself, before the journal opens (and possibly checkpoints) it.
    {
        const auto db = Database::open(path, Database::Mode::ReadOnly);
        QCOMPARE(db->scalarText("PRAGMA integrity_check"), QStringLiteral("ok"));
    }

    std::unique_ptr<Journal> journal;
    try {
        journal = Journal::open(path, QStringLiteral("crash-test-checker"));
    } catch (const JournalError& e) {
        QFAIL(qPrintable(e.message()));
    }
    const QList<IncidentSummary> incidents = journal->incidents(false);
    QCOMPARE(incidents.size(), 1);
    const QString incidentId = incidents.constFirst().id;
    const QList<JournalEvent> events = journal->events(incidentId);

    QSet<QString> stored;
    for (qsizetype i = 0; i < events.size(); ++i) {
        const JournalEvent& event = events.at(i);
        QCOMPARE(event.seq, static_cast<qint64>(i + 1));
        QCOMPARE(event.incidentId, incidentId);
        QCOMPARE(event.kind, i == 0 ? EventKind::Declared : EventKind::Note);
        stored.insert(event.id);
    }
    QCOMPARE(stored.size(), events.size());

    QSet<QString> seen;
    for (const QString& id : std::as_const(promised)) {
        QVERIFY2(!seen.contains(id), qPrintable(QStringLiteral("%1 was printed twice").arg(id)));
        seen.insert(id);
        QVERIFY2(stored.contains(id), qPrintable(QStringLiteral("%1 was printed but is not in the journal").arg(id)));
        QVERIFY2(journal->event(id).has_value(), qPrintable(id));
    }
    // Each kill can leave at most the one write in flight committed but unprinted.
    const qsizetype unprinted = events.size() - promised.size();
    qInfo("%lld events in the journal, %lld of them committed but not printed", static_cast<long long>(events.size()),
        static_cast<long long>(unprinted));
    QVERIFY2(unprinted <= Kills, qPrintable(QString::number(unprinted)));
}

QTEST_GUILESS_MAIN(TestJournalCrash)
#include "tst_journalcrash.moc"
