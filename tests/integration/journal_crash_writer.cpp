// Child process of tst_journalcrash: appends notes to a journal until it is killed.
//
//   journal_crash_writer JOURNAL [INCIDENT-ID]
//
// Opens JOURNAL, uses INCIDENT-ID (or the journal's only incident, declaring one when there is none) and
// appends notes in a loop. Each event id (the declaration's too) is printed on its own line only after the
// call that wrote it returned, i.e. after the commit is on disk: a printed id is a promise the parent checks.
#include "journal/journal.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QStringList>

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <cstdio>

#ifdef Q_OS_LINUX
#include <signal.h>
#include <sys/prctl.h>
#endif

using namespace firebreak;
using namespace firebreak::journal;

namespace {

// Safety net: the parent kills us long before this; never loop forever if it did not.
constexpr qint64 MaxRunMs = 60000;

void promise(const QString& eventId)
{
    // Called only once the write returned. fputs + fflush: one complete line reaches the pipe, or
    // (killed in between) a partial one that the parent ignores.
    std::fputs(eventId.toLatin1().constData(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

} // namespace

int main(int argc, char** argv)
{
#ifdef Q_OS_LINUX
    // If the test dies, we die too instead of writing into its temporary folder forever.
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
#endif
    QCoreApplication app(argc, argv);
    // stdout carries the ids and nothing else: spdlog's default logger would print there.
    spdlog::set_default_logger(spdlog::stderr_logger_mt("journal_crash_writer"));
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() < 2 || arguments.size() > 3) {
        std::fputs("usage: journal_crash_writer JOURNAL [INCIDENT-ID]\n", stderr);
        return 2;
    }
    const QString path = arguments.at(1);
    const QString author = QStringLiteral("crash-writer");
    try {
        const auto journal = Journal::open(path, QStringLiteral("crash-writer-device"));
        QString incidentId = arguments.size() > 2 ? arguments.at(2) : QString();
        if (incidentId.isEmpty()) {
            const QList<IncidentSummary> existing = journal->incidents(false);
            if (!existing.isEmpty()) {
                incidentId = existing.constFirst().id;
            } else {
                DeclareRequest request;
                request.title = QStringLiteral("Crash test");
                request.severity = Severity::Sev2;
                request.summary = QStringLiteral("Written by journal_crash_writer, killed at random moments.");
                const JournalEvent declared = journal->declare(request, author);
                promise(declared.id);
                incidentId = declared.incidentId;
            }
        }
        const qint64 start = QDateTime::currentMSecsSinceEpoch();
        for (qint64 i = 1; QDateTime::currentMSecsSinceEpoch() - start < MaxRunMs; ++i) {
            const JournalEvent event = journal->addNote(
                incidentId, QStringLiteral("note %1 of pid %2").arg(i).arg(app.applicationPid()), author);
            promise(event.id);
        }
    } catch (const JournalError& e) {
        std::fprintf(stderr, "journal_crash_writer: %s\n", e.what());
        return 1;
    }
    std::fputs("journal_crash_writer: not killed within the time limit\n", stderr);
    return 3;
}
