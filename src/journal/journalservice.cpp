#include "journalservice.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QTimer>

#include <spdlog/spdlog.h>

namespace firebreak::journal {

/// Lives on the service's thread and owns the Journal; only ever touched from that thread.
class JournalWorker : public QObject
{
public:
    JournalWorker()
        : poll(new QTimer(this))
        , backups(new QTimer(this))
    {
        backups->setInterval(std::chrono::minutes(15));
    }

    std::unique_ptr<Journal> journal;
    int pollsSinceCheckpoint = 0;
    // Children, so that moveToThread() takes them along: timers only run on their own thread.
    QTimer* poll;
    QTimer* backups;
    qint64 lastDataVersion = -1;
    QString backupDir;
    int keepBackups = 10;
};

namespace {
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Journal)
};

std::chrono::milliseconds retryDelay(int attempts)
{
    // 0.5 s, 1 s, 2 s … capped at 30 s: a lock held by another writer is usually gone within seconds.
    const qint64 ms = std::min<qint64>(30000, 500LL << std::min(attempts, 6));
    return std::chrono::milliseconds(ms);
}
} // namespace

JournalService::JournalService(QObject* parent)
    : QObject(parent)
{
    m_thread.setObjectName(QStringLiteral("journal"));
    m_worker = new JournalWorker;
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
}

JournalService::~JournalService()
{
    flushOnShutdown();
    m_thread.quit();
    m_thread.wait();
}

void JournalService::flushOnShutdown()
{
    if (m_pending.empty())
        return;
    // Writes still waiting (a lock held by another process, a full disk) get one last synchronous
    // attempt each on the journal's thread; whatever still fails is logged with its content, so
    // nothing vanishes without a trace. A write already handed to the worker is not applied twice.
    for (PendingWrite& pending : m_pending) {
        QString error;
        QMetaObject::invokeMethod(
            m_worker,
            [worker = m_worker, &pending, &error] {
                if (pending.landed->load())
                    return;
                try {
                    if (!worker->journal)
                        throw JournalError(JournalError::Kind::Io, notOpenMessage());
                    pending.operation(*worker->journal);
                    pending.landed->store(true);
                } catch (const std::exception& e) {
                    error = QString::fromUtf8(e.what());
                }
            },
            Qt::BlockingQueuedConnection);
        if (!error.isEmpty())
            spdlog::error("event=journal_write_lost what=\"{}\" error=\"{}\"", pending.description.toStdString(),
                error.toStdString());
    }
    m_pending.clear();
}

void JournalService::post(std::function<void(JournalWorker&)> job)
{
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, job = std::move(job)] { job(*worker); }, Qt::QueuedConnection);
}

QString JournalService::notOpenMessage()
{
    return Text::tr("The journal is not open.");
}

void JournalService::runOnJournal(QObject* context, std::function<std::function<void()>(Journal*)> job)
{
    QPointer<JournalService> self(this);
    QPointer<QObject> receiver(context);
    post([self, receiver, job = std::move(job)](JournalWorker& w) {
        std::function<void()> then = job(w.journal.get());
        QMetaObject::invokeMethod(self.data(), [receiver, then = std::move(then)] {
            if (receiver)
                then();
        });
    });
}

QString JournalService::backupDirectory() const
{
    return QFileInfo(m_path).absoluteDir().filePath(QStringLiteral("backups"));
}

namespace {
/// Makes a backup on the worker thread and reports it (or its failure) on the service's thread.
void backupAndReport(JournalWorker& w, const QPointer<JournalService>& self)
{
    QString file;
    QString error;
    try {
        file = w.journal->backup(w.backupDir, w.keepBackups);
    } catch (const std::exception& e) {
        error = QString::fromUtf8(e.what());
    }
    QMetaObject::invokeMethod(self.data(), [self, file, error] {
        if (!self)
            return;
        if (error.isEmpty())
            Q_EMIT self->backedUp(file);
        else
            Q_EMIT self->backupFailed(error);
    });
}

/// Once a second: checkpoint now and then, index new text, and notice other processes' commits.
/// Nothing may escape: an exception in a slot of the worker thread would end the program.
void pollJournal(JournalWorker& w, const QPointer<JournalService>& self)
{
    if (!w.journal)
        return;
    try {
        if (++w.pollsSinceCheckpoint >= 10) {
            w.pollsSinceCheckpoint = 0;
            w.journal->checkpoint(); // off the append path: keeps durable writes fast
        }
        w.journal->indexPendingText();
    } catch (const std::exception& e) {
        spdlog::warn("event=journal_maintenance_failed error=\"{}\"", e.what());
    }
    try {
        const qint64 version = w.journal->dataVersion();
        if (version != w.lastDataVersion) {
            w.lastDataVersion = version;
            QMetaObject::invokeMethod(self.data(), [self] {
                if (self)
                    Q_EMIT self->changed();
            });
        }
    } catch (const std::exception& e) {
        spdlog::warn("event=journal_poll_failed error=\"{}\"", e.what());
    }
}
} // namespace

void JournalService::open(const QString& path, const QString& deviceId, int keepBackups)
{
    m_open = false;
    m_path = path;
    const QString backupDir = backupDirectory();
    QPointer<JournalService> self(this);
    post([self, path, deviceId, keepBackups, backupDir](JournalWorker& w) {
        w.poll->stop();
        w.backups->stop();
        w.journal.reset();
        QString error;
        int kind = -1;
        try {
            w.journal = Journal::open(path, deviceId);
            w.lastDataVersion = w.journal->dataVersion();
        } catch (const JournalError& e) {
            w.journal.reset();
            kind = static_cast<int>(e.kind());
            error = e.message();
        }
        if (!w.journal) {
            const QStringList available = Journal::backups(backupDir, path);
            QMetaObject::invokeMethod(self.data(), [self, kind, error, available] {
                if (self)
                    Q_EMIT self->openFailed(kind, error, available);
            });
            return;
        }
        w.backupDir = backupDir;
        w.keepBackups = keepBackups;
        QObject::disconnect(w.poll, nullptr, nullptr, nullptr);
        QObject::connect(w.poll, &QTimer::timeout, &w, [&w, self] { pollJournal(w, self); });
        w.poll->start(1000);
        QObject::disconnect(w.backups, nullptr, nullptr, nullptr);
        QObject::connect(w.backups, &QTimer::timeout, &w, [&w, self] {
            try {
                if (!w.journal || w.journal->incidents(true).isEmpty())
                    return; // nothing is happening: no need for another copy
            } catch (const std::exception& e) {
                spdlog::warn("event=journal_read_failed what=open_incidents error=\"{}\"", e.what());
            }
            backupAndReport(w, self);
        });
        w.backups->start();
        QMetaObject::invokeMethod(self.data(), [self, path] {
            if (!self)
                return;
            self->m_open = true;
            Q_EMIT self->opened(path);
            self->pumpWrites();
        });
        backupAndReport(w, self); // a copy at every start
    });
}

void JournalService::setBackupInterval(std::chrono::milliseconds interval)
{
    post([interval](JournalWorker& w) { w.backups->setInterval(interval); });
}

void JournalService::backupNow()
{
    QPointer<JournalService> self(this);
    post([self](JournalWorker& w) {
        if (w.journal)
            backupAndReport(w, self);
    });
}

void JournalService::loadSeverityDefinitions()
{
    QPointer<JournalService> self(this);
    post([self](JournalWorker& w) {
        if (!w.journal)
            return;
        QMap<Severity, QString> definitions;
        try {
            definitions = w.journal->severityDefinitions();
        } catch (const std::exception& e) {
            spdlog::warn("event=journal_read_failed what=severity_definitions error=\"{}\"", e.what());
            return;
        }
        QMetaObject::invokeMethod(self.data(), [self, definitions] {
            if (self)
                Q_EMIT self->severityDefinitionsLoaded(definitions);
        });
    });
}

void JournalService::setSeverityDefinition(Severity severity, const QString& description, const QString& author)
{
    QPointer<JournalService> self(this);
    post([self, severity, description, author](JournalWorker& w) {
        if (!w.journal)
            return;
        QString error;
        try {
            w.journal->setSeverityDefinition(severity, description, author);
        } catch (const JournalError& e) {
            error = e.message();
        }
        QMetaObject::invokeMethod(self.data(), [self, error] {
            if (!self)
                return;
            if (!error.isEmpty())
                Q_EMIT self->writeRejected(Text::tr("severity definition"), error);
            else
                self->loadSeverityDefinitions();
        });
    });
}

void JournalService::write(const QString& description, Write operation)
{
    m_pending.push_back({ description, std::move(operation), 0 });
    pumpWrites();
}

void JournalService::pumpWrites()
{
    if (m_writing || m_pending.empty() || !m_open)
        return;
    m_writing = true;
    const PendingWrite& next = m_pending.front();
    Write operation = next.operation;
    std::shared_ptr<std::atomic_bool> landed = next.landed;
    QPointer<JournalService> self(this);
    post([self, operation, landed](JournalWorker& w) {
        std::optional<JournalEvent> event;
        QString error;
        bool retry = false;
        try {
            if (!w.journal)
                throw JournalError(JournalError::Kind::Io, notOpenMessage());
            event = operation(*w.journal);
            landed->store(true);
            w.lastDataVersion = w.journal->dataVersion();
        } catch (const JournalError& e) {
            error = e.message();
            // Only a lock or the disk can change its mind; anything else would fail forever and hold
            // up every later write behind it.
            retry = e.kind() == JournalError::Kind::Busy || e.kind() == JournalError::Kind::Io;
        } catch (const std::exception& e) {
            error = QString::fromUtf8(e.what());
            retry = true;
        }
        QMetaObject::invokeMethod(self.data(), [self, event, error, retry] {
            if (!self)
                return;
            self->m_writing = false;
            PendingWrite& head = self->m_pending.front();
            if (event) {
                self->m_pending.pop_front();
                Q_EMIT self->written(*event);
                Q_EMIT self->changed();
                if (self->m_pending.empty())
                    Q_EMIT self->allWritesSaved();
                self->pumpWrites();
                return;
            }
            if (!retry) {
                const QString description = head.description;
                self->m_pending.pop_front();
                spdlog::info("event=journal_write_rejected what=\"{}\" error=\"{}\"", description.toStdString(),
                    error.toStdString());
                Q_EMIT self->writeRejected(description, error);
                self->pumpWrites();
                return;
            }
            ++head.attempts;
            spdlog::warn("event=journal_write_delayed what=\"{}\" attempt={} error=\"{}\"",
                head.description.toStdString(), head.attempts, error.toStdString());
            Q_EMIT self->writeDelayed(head.description, error, self->pendingWrites());
            QTimer::singleShot(retryDelay(head.attempts), self.data(), [self] {
                if (self)
                    self->pumpWrites();
            });
        });
    });
}

template <typename Read, typename Deliver>
void JournalService::readLatest(quint64& counter, const char* what, Read read, Deliver deliver)
{
    // Latest request wins: an answer is delivered only if no newer request of its kind was made since.
    const quint64 generation = ++counter;
    quint64* current = &counter;
    QPointer<JournalService> self(this);
    post([self, current, generation, what, read = std::move(read), deliver = std::move(deliver)](JournalWorker& w) {
        if (!w.journal)
            return;
        using Result = decltype(read(*w.journal));
        std::optional<Result> result;
        try {
            result = read(*w.journal);
        } catch (const std::exception& e) {
            spdlog::warn("event=journal_read_failed what={} error=\"{}\"", what, e.what());
            return;
        }
        QMetaObject::invokeMethod(self.data(), [self, current, generation, deliver, value = std::move(*result)] {
            if (self && *current == generation)
                deliver(*self, value);
        });
    });
}

void JournalService::loadIncidents(bool openOnly)
{
    readLatest(
        m_listGeneration, "incidents", [openOnly](Journal& j) { return j.incidents(openOnly); },
        [](JournalService& s, const QList<IncidentSummary>& list) { Q_EMIT s.incidentsLoaded(list); });
}

void JournalService::loadIncident(const QString& id)
{
    readLatest(
        m_incidentGeneration, "incident",
        [id](Journal& j) {
            // Derived here, on the journal's thread: a long incident must not cost the GUI a frame.
            QList<JournalEvent> events = j.events(id);
            Incident incident = events.isEmpty() ? Incident {} : deriveIncident(events);
            return std::pair(std::move(incident), std::move(events));
        },
        [](JournalService& s, const std::pair<Incident, QList<JournalEvent>>& loaded) {
            if (!loaded.second.isEmpty())
                Q_EMIT s.incidentLoaded(loaded.first, loaded.second);
        });
}

void JournalService::search(const QString& text)
{
    readLatest(
        m_searchGeneration, "search",
        [text](Journal& j) {
            try {
                return j.search(text);
            } catch (const JournalError&) {
                return QList<SearchHit>(); // an unsearchable string simply finds nothing
            }
        },
        [text](JournalService& s, const QList<SearchHit>& hits) { Q_EMIT s.searchFinished(text, hits); });
}

} // namespace firebreak::journal
