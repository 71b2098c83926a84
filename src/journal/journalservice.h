#pragma once

#include "journal.h"

#include <QObject>
#include <QPointer>
#include <QThread>

#include <atomic>
#include <deque>
#include <functional>
#include <memory>

namespace firebreak::journal {

class JournalWorker;

/// The GUI's door to the journal: every SQLite call runs on one worker thread, results come back
/// as signals on the GUI thread. Writes that fail for a passing reason (lock held, disk full) are
/// kept in order and retried with backoff until they succeed; nothing the user typed is dropped.
/// Another process's commits (the CLI) are noticed within a second (PRAGMA data_version).
class JournalService final : public QObject
{
    Q_OBJECT
public:
    explicit JournalService(QObject* parent = nullptr);
    ~JournalService() override;

    /// Opens (or creates) the journal; answers with opened() or openFailed().
    void open(const QString& path, const QString& deviceId, int keepBackups = 10);
    bool isOpen() const { return m_open; }
    QString path() const { return m_path; }

    using Write = std::function<JournalEvent(Journal&)>;
    /// Queues a write; `description` names it in messages ("note on INC-…").
    void write(const QString& description, Write operation);
    int pendingWrites() const { return static_cast<int>(m_pending.size()); }

    /// Latest request wins: an older answer that arrives late is dropped.
    void loadIncidents(bool openOnly);
    void loadIncident(const QString& id);
    void search(const QString& text);
    void backupNow();
    /// Answers with severityDefinitionsLoaded().
    void loadSeverityDefinitions();
    void setSeverityDefinition(Severity severity, const QString& description, const QString& author);

    QString backupDirectory() const;

    /// Runs `job` on the journal's thread and hands its result to `deliver` on the GUI thread; `error` is
    /// non-empty when the journal is not open or the job threw. Nothing is delivered once `context` is
    /// gone. For reads and small in-place writes (query history, SLOs); incident events go through write().
    /// Call as `call<Result>(this, job, deliver)`.
    template <typename T>
    void call(QObject* context, std::function<T(Journal&)> job,
        std::function<void(const T& result, const QString& error)> deliver)
    {
        runOnJournal(
            context, [job = std::move(job), deliver = std::move(deliver)](Journal* journal) -> std::function<void()> {
                T result {};
                QString error;
                if (!journal) {
                    error = notOpenMessage();
                } else {
                    try {
                        result = job(*journal);
                    } catch (const std::exception& e) {
                        error = QString::fromUtf8(e.what());
                    }
                }
                return [deliver, result = std::move(result), error] { deliver(result, error); };
            });
    }
    /// How often an open incident is backed up; tests shorten it.
    void setBackupInterval(std::chrono::milliseconds interval);

Q_SIGNALS:
    void opened(const QString& path);
    void openFailed(int kind, const QString& message, const QStringList& backups);
    void incidentsLoaded(const QList<firebreak::journal::IncidentSummary>& incidents);
    void incidentLoaded(const firebreak::Incident& incident, const QList<firebreak::JournalEvent>& events);
    void searchFinished(const QString& text, const QList<firebreak::journal::SearchHit>& hits);
    /// The journal changed: a write of ours landed or another process committed.
    void changed();
    void written(const firebreak::JournalEvent& event);
    /// A write was refused for good (e.g. the incident is already SEV1): nothing to retry.
    void writeRejected(const QString& description, const QString& message);
    /// A write failed for a passing reason and will be retried; `pending` writes are waiting.
    void writeDelayed(const QString& description, const QString& message, int pending);
    void allWritesSaved();
    void severityDefinitionsLoaded(const QMap<firebreak::Severity, QString>& definitions);
    void backedUp(const QString& path);
    void backupFailed(const QString& message);

private:
    static QString notOpenMessage();
    /// `job` runs on the journal's thread (with nullptr when no journal is open) and returns what to
    /// run on the GUI thread afterwards.
    void runOnJournal(QObject* context, std::function<std::function<void()>(Journal*)> job);
    void post(std::function<void(JournalWorker&)> job);
    template <typename Read, typename Deliver>
    void readLatest(quint64& counter, const char* what, Read read, Deliver deliver);
    void pumpWrites();

    QThread m_thread;
    JournalWorker* m_worker = nullptr;
    bool m_open = false;
    QString m_path;
    struct PendingWrite
    {
        QString description;
        Write operation;
        int attempts = 0;
        // Set on the journal's thread once the write is on disk; read at shutdown to never apply it twice.
        std::shared_ptr<std::atomic_bool> landed = std::make_shared<std::atomic_bool>(false);
    };
    void flushOnShutdown();
    std::deque<PendingWrite> m_pending;
    bool m_writing = false;
    quint64 m_listGeneration = 0;
    quint64 m_incidentGeneration = 0;
    quint64 m_searchGeneration = 0;
};

} // namespace firebreak::journal
