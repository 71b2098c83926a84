#pragma once

#include "model/logbatch.h"
#include "net/connectionprofile.h"

#include <QObject>
#include <QTimer>

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <optional>

namespace firebreak {
class AppContext;
}

namespace firebreak::loki {
class LokiTail;
}

namespace firebreak::ui {

/// A live tail of a log query for the Logs workspace, around loki::LokiTail (polling from a cursor: every line
/// once, none skipped). Adds pause and resume (a paused tail keeps its cursor and catches up on resume, within
/// bounds), the rate in lines per second of log time over a sliding window, and retries with exponential backoff
/// when polls fail. Keeping the lines (a bounded buffer, oldest dropped) is the receiver's job.
class LiveTailController final : public QObject
{
    Q_OBJECT
public:
    enum class State
    {
        Stopped,
        Running,
        Paused,
        Retrying, // the last poll failed; the next one is scheduled after a backoff
    };
    Q_ENUM(State)

    explicit LiveTailController(AppContext& context, QObject* parent = nullptr);
    ~LiveTailController() override;

    /// Tails `logql` on the Loki source `profileId` (the first Loki source when empty) from `fromNs` (default:
    /// now). False, with failed(), when there is no such source or `logql` is a metric query.
    bool start(const QString& profileId, const QString& logql, std::optional<qint64> fromNs = {});
    bool start(const net::ConnectionProfile& profile, const QString& logql, std::optional<qint64> fromNs = {});
    /// Stops delivering; lines of a poll under way are held back until resume().
    void pause();
    /// Delivers what was held, then catches up from the cursor: at most `maxCatchUpSpan` of log time and
    /// `maxCatchUpLines` lines; past either bound the tail skips ahead to the present and says so (gapSkipped).
    void resume();
    void stop();

    State state() const { return m_state; }
    bool isRunning() const { return m_state != State::Stopped; }
    bool isPaused() const { return m_state == State::Paused; }
    /// Lines per second of log time over the rate window (0 until the first poll answers).
    double linesPerSecond() const { return m_rate; }
    /// Lines delivered by linesArrived() since start().
    qint64 deliveredLines() const { return m_delivered; }
    /// Every line at or after this time that was not delivered yet will be.
    qint64 cursorNs() const;
    QString query() const { return m_query; }
    QString profileId() const { return m_profile.id; }

    // Tuning; the defaults suit a person watching. Set before start().
    void setPollInterval(std::chrono::milliseconds interval); // 1 s
    /// Holds the tail back for late writers (see LokiTail::setDelay). 0 by default.
    void setDelay(std::chrono::milliseconds delay);
    /// Nanoseconds since the epoch; the system clock by default.
    void setClock(std::function<qint64()> nowNs);
    void setRateWindow(std::chrono::milliseconds window); // 10 s
    void setMaxCatchUp(std::chrono::milliseconds span, qint64 lines); // 15 min, 100,000 lines
    void setBackoff(std::chrono::milliseconds first, std::chrono::milliseconds most); // 2 s doubling to 60 s

Q_SIGNALS:
    /// New lines, oldest first, each line of the query once.
    void linesArrived(const firebreak::LogBatch& lines);
    void rateChanged(double linesPerSecond);
    /// A poll failed (the message names the server); the tail retries after `retryInMs`, or gives up when it
    /// is 0 (the query cannot be tailed).
    void failed(const QString& message);
    void retryScheduled(int retryInMs);
    /// A poll answered after failures.
    void recovered();
    void stateChanged(firebreak::ui::LiveTailController::State state);
    /// Lines stamped in [fromNs, toNs) were not delivered: the catch-up after a pause would have been too long.
    void gapSkipped(qint64 fromNs, qint64 toNs, const QString& message);
    void warning(const QString& message);

private:
    void startTail(qint64 fromNs);
    void take(const LogBatch& lines);
    void polled();
    void pollFailed(const QString& message);
    void retry();
    void skipTo(qint64 fromNs, const QString& why);
    void setState(State state);
    void updateRate();
    qint64 now() const;
    qint64 horizonNs() const { return now() - m_delayMs * 1000000; }

    AppContext& m_context;
    net::ConnectionProfile m_profile;
    QString m_query;
    std::unique_ptr<loki::LokiTail> m_tail;
    State m_state = State::Stopped;
    QTimer m_retryTimer;
    LogBatch m_held; // arrived while paused
    std::vector<qint32> m_heldStreams;

    qint64 m_pollIntervalMs = 1000;
    qint64 m_delayMs = 0;
    std::function<qint64()> m_clock;
    qint64 m_rateWindowMs = 10000;
    qint64 m_maxCatchUpMs = 15 * 60 * 1000;
    qint64 m_maxCatchUpLines = 100000;
    qint64 m_backoffFirstMs = 2000;
    qint64 m_backoffMostMs = 60000;

    int m_failures = 0;
    bool m_catchingUp = false;
    qint64 m_catchUpLines = 0;
    qint64 m_resumeHorizonNs = 0; // the backlog of a pause ends here
    qint64 m_startNs = 0; // of the rate's observation
    std::map<qint64, qint64> m_perSecond; // lines per second of log time, within the rate window
    double m_rate = 0;
    qint64 m_delivered = 0;
};

} // namespace firebreak::ui
