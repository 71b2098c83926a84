// Durable journal writes against the DESIGN.md target: append within 2x of a bare SQLite WAL
// synchronous=FULL commit on the same machine, p99 < 1 ms, >= 3,000 events/s. See bench/README.md.
//
// Every write benchmark times each iteration itself (wall clock: the cost is mostly waiting for fsync) and
// reports p50/p99 as counters; items_per_second is the sustained rate.
#include "journal/journal.h"
#include "model/incident.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QJsonArray>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>
#include <spdlog/spdlog.h>
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

using namespace firebreak;
using namespace firebreak::journal;

namespace {

using Clock = std::chrono::steady_clock;

// Around what a responder types into the quick entry box.
const char* const NoteText = "Rolled back checkout-api to v1.42.3 in eu-west-1; error rate back under 0.5 %, watching "
                             "p99 latency before we call it mitigated.";

QTemporaryDir makeTempDir()
{
    // Under $TMPDIR (default /tmp; on this machine the same ext4 disk as the app-data folder).
    QTemporaryDir dir(QDir::tempPath() + QStringLiteral("/firebreak-bench-XXXXXX"));
    if (!dir.isValid()) {
        std::fprintf(stderr, "cannot create a temporary folder: %s\n", qPrintable(dir.errorString()));
        std::abort();
    }
    return dir;
}

/// Per-iteration wall-clock latencies, reported as p50/p99 (ms) and items/s.
class Latencies
{
public:
    Latencies() { m_samples.reserve(1 << 16); }
    void add(Clock::duration d) { m_samples.push_back(std::chrono::duration<double, std::milli>(d).count()); }

    void report(benchmark::State& state)
    {
        state.SetItemsProcessed(state.iterations());
        if (m_samples.empty())
            return;
        std::sort(m_samples.begin(), m_samples.end());
        state.counters["p50_ms"] = benchmark::Counter(percentile(0.50));
        state.counters["p99_ms"] = benchmark::Counter(percentile(0.99));
        state.counters["max_ms"] = benchmark::Counter(m_samples.back());
    }

private:
    // Nearest rank on sorted samples.
    double percentile(double p) const
    {
        const auto rank = static_cast<std::size_t>(std::ceil(p * static_cast<double>(m_samples.size())));
        return m_samples[std::clamp<std::size_t>(rank, 1, m_samples.size()) - 1];
    }
    std::vector<double> m_samples;
};

void check(sqlite3* db, int rc, const char* what)
{
    if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
        std::fprintf(stderr, "%s: %s\n", what, db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
        std::abort();
    }
}

/// The baseline: a bare SQLite connection, WAL, synchronous=FULL, one row inserted and committed per iteration.
void BM_BareSqliteWalFullCommit(benchmark::State& state)
{
    const QTemporaryDir dir = makeTempDir();
    const QByteArray path = dir.filePath(QStringLiteral("bare.sqlite")).toUtf8();
    sqlite3* db = nullptr;
    check(db, sqlite3_open_v2(path.constData(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr), "open");
    check(db,
        sqlite3_exec(db,
            "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;"
            "CREATE TABLE rows (id INTEGER PRIMARY KEY, ts_ms INTEGER NOT NULL, payload TEXT NOT NULL);",
            nullptr, nullptr, nullptr),
        "setup");
    sqlite3_stmt* insert = nullptr;
    check(
        db, sqlite3_prepare_v2(db, "INSERT INTO rows (ts_ms, payload) VALUES (?, ?)", -1, &insert, nullptr), "prepare");

    Latencies latencies;
    for (auto _ : state) {
        const auto start = Clock::now();
        sqlite3_bind_int64(insert, 1, QDateTime::currentMSecsSinceEpoch());
        sqlite3_bind_text(insert, 2, NoteText, -1, SQLITE_STATIC);
        check(db, sqlite3_step(insert), "insert"); // autocommit: the statement is its own transaction
        sqlite3_reset(insert);
        latencies.add(Clock::now() - start);
    }
    latencies.report(state);
    sqlite3_finalize(insert);
    sqlite3_close(db);
}
BENCHMARK(BM_BareSqliteWalFullCommit)->UseRealTime()->Unit(benchmark::kMicrosecond);

/// A fresh journal with one incident that already has `history` events.
std::unique_ptr<Journal> journalWithHistory(const QTemporaryDir& dir, int history, QString& incidentId)
{
    auto journal = Journal::open(dir.filePath(QStringLiteral("journal.sqlite")), QStringLiteral("bench-device"));
    DeclareRequest request;
    request.title = QStringLiteral("Checkout error rate above SLO");
    request.severity = Severity::Sev2;
    request.commander = QStringLiteral("ann");
    request.summary = QStringLiteral("5xx on /api/checkout in eu-west-1 since 14:02 UTC.");
    incidentId = journal->declare(request, QStringLiteral("ann")).incidentId;
    const QString text = QString::fromUtf8(NoteText);
    for (int i = 1; i < history; ++i)
        journal->addNote(incidentId, text, QStringLiteral("bob"));
    return journal;
}

/// The journal's durable append (Journal::addNote) on an incident with 1,000 events already.
void BM_JournalAppendNote(benchmark::State& state)
{
    const QTemporaryDir dir = makeTempDir();
    QString incidentId;
    const auto journal = journalWithHistory(dir, 1000, incidentId);
    const QString text = QString::fromUtf8(NoteText);
    const QString author = QStringLiteral("bob");

    Latencies latencies;
    for (auto _ : state) {
        const auto start = Clock::now();
        benchmark::DoNotOptimize(journal->addNote(incidentId, text, author));
        latencies.add(Clock::now() - start);
    }
    latencies.report(state);
}
BENCHMARK(BM_JournalAppendNote)->UseRealTime()->Unit(benchmark::kMicrosecond);

/// The full-text indexing that trails the appends (the journal service runs it every second):
/// one batch of 1,000 freshly appended notes per iteration; the appends are not timed.
void BM_IndexPendingText1k(benchmark::State& state)
{
    const QTemporaryDir dir = makeTempDir();
    QString incidentId;
    const auto journal = journalWithHistory(dir, 1000, incidentId);
    journal->indexPendingText();
    const QString text = QString::fromUtf8(NoteText);
    for (auto _ : state) {
        state.PauseTiming();
        for (int i = 0; i < 1000; ++i)
            journal->addNote(incidentId, text, QStringLiteral("bob"));
        state.ResumeTiming();
        benchmark::DoNotOptimize(journal->indexPendingText());
    }
    state.SetItemsProcessed(state.iterations() * 1000);
}
BENCHMARK(BM_IndexPendingText1k)->UseRealTime()->Unit(benchmark::kMillisecond)->Iterations(5);

/// Declaring an incident: its row in the incidents cache plus its first event, in one transaction.
void BM_JournalDeclare(benchmark::State& state)
{
    const QTemporaryDir dir = makeTempDir();
    const auto journal = Journal::open(dir.filePath(QStringLiteral("journal.sqlite")), QStringLiteral("bench-device"));
    DeclareRequest request;
    request.title = QStringLiteral("Checkout error rate above SLO");
    request.severity = Severity::Sev2;
    request.commander = QStringLiteral("ann");
    request.summary = QStringLiteral("5xx on /api/checkout in eu-west-1 since 14:02 UTC.");
    request.services = { QStringLiteral("checkout-api"), QStringLiteral("payments") };
    const QString author = QStringLiteral("ann");

    Latencies latencies;
    for (auto _ : state) {
        const auto start = Clock::now();
        benchmark::DoNotOptimize(journal->declare(request, author));
        latencies.add(Clock::now() - start);
    }
    latencies.report(state);
}
BENCHMARK(BM_JournalDeclare)->UseRealTime()->Unit(benchmark::kMicrosecond);

/// 10,000 events of a long incident, a realistic mix: mostly notes, with severity, status and role changes,
/// stakeholder updates, action items (added and updated), key marks and corrections.
QList<JournalEvent> longIncident(int count)
{
    constexpr qint64 T0 = 1795600800000; // 2026-11-25 10:00:00 UTC
    const QString incidentId = QStringLiteral("INC-20261125-1");
    const QStringList statuses = { QStringLiteral("investigating"), QStringLiteral("identified"),
        QStringLiteral("mitigated"), QStringLiteral("resolved") };
    const QStringList people = { QStringLiteral("ann"), QStringLiteral("bob"), QStringLiteral("chen") };
    QList<JournalEvent> events;
    events.reserve(count);
    QStringList actionItems;
    for (int i = 0; i < count; ++i) {
        JournalEvent e;
        e.id = QStringLiteral("0190f3c4-0000-7000-8000-%1").arg(i, 12, 10, QLatin1Char('0'));
        e.incidentId = incidentId;
        e.seq = i + 1;
        e.author = people.at(i % people.size());
        e.deviceId = QStringLiteral("bench-device");
        e.timeMs = T0 + qint64(i) * 1000;
        const QString earlier = i > 0 ? events.at(i / 2).id : QString();
        if (i == 0) {
            e.kind = EventKind::Declared;
            e.payload = { { QStringLiteral("title"), QStringLiteral("Checkout error rate above SLO") },
                { QStringLiteral("severity"), QStringLiteral("SEV2") }, { QStringLiteral("commander"), people.at(0) },
                { QStringLiteral("summary"), QStringLiteral("5xx on /api/checkout") },
                { QStringLiteral("services"), QJsonArray { QStringLiteral("checkout-api") } } };
        } else {
            switch (i % 20) {
            case 1:
                e.kind = EventKind::SeverityChanged;
                e.payload
                    = { { QStringLiteral("to"), (i / 20) % 2 ? QStringLiteral("SEV1") : QStringLiteral("SEV2") } };
                break;
            case 2:
                e.kind = EventKind::StatusChanged;
                e.payload = { { QStringLiteral("to"), statuses.at((i / 20) % statuses.size()) } };
                break;
            case 3:
                e.kind = EventKind::RoleAssigned;
                e.payload = { { QStringLiteral("role"), QStringLiteral("commander") },
                    { QStringLiteral("person"), people.at((i / 20) % people.size()) } };
                break;
            case 4:
                e.kind = EventKind::UpdateSent;
                e.payload = { { QStringLiteral("audience"), QStringLiteral("executives") },
                    { QStringLiteral("text"), QString::fromUtf8(NoteText) } };
                break;
            case 5:
                e.kind = EventKind::ActionItemAdded;
                e.payload = { { QStringLiteral("text"), QStringLiteral("Alert on checkout 5xx ratio") },
                    { QStringLiteral("owner"), e.author }, { QStringLiteral("raised_by"), earlier } };
                actionItems << e.id;
                break;
            case 6:
                e.kind = EventKind::ActionItemUpdated;
                e.payload = { { QStringLiteral("item"), actionItems.at((i / 20) % actionItems.size()) },
                    { QStringLiteral("status"), QStringLiteral("in_progress") } };
                break;
            case 7:
                e.kind = EventKind::KeyMarked;
                e.payload = { { QStringLiteral("target"), earlier }, { QStringLiteral("key"), true } };
                break;
            case 8:
                e.kind = EventKind::EventCorrected;
                e.payload
                    = { { QStringLiteral("target"), earlier }, { QStringLiteral("text"), QStringLiteral("typo") } };
                break;
            default:
                e.kind = EventKind::Note;
                e.payload = { { QStringLiteral("text"), QString::fromUtf8(NoteText) } };
                break;
            }
        }
        events.append(e);
    }
    return events;
}

void BM_DeriveIncident10k(benchmark::State& state)
{
    const QList<JournalEvent> events = longIncident(10000);
    for (auto _ : state)
        benchmark::DoNotOptimize(deriveIncident(events));
    state.SetItemsProcessed(state.iterations() * events.size());
}
BENCHMARK(BM_DeriveIncident10k)->Unit(benchmark::kMillisecond);

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    // The journal logs each declaration; the app sends that to a file, here it would flood the console.
    spdlog::set_level(spdlog::level::off);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
