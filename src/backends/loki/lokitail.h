#pragma once

#include "lokiclient.h"

#include <QObject>
#include <QSet>
#include <QTimer>

#include <chrono>
#include <functional>

namespace firebreak::loki {

/// Live tail by polling: query_range forward from a cursor (a nanosecond and the lines already seen at it),
/// so every line with a time at or after the cursor arrives once, even when many share a nanosecond or
/// arrive between two polls with the cursor's time. A line pushed later with a time before the cursor is
/// not seen (as with Loki's own tail): `setDelay` holds the window back for late writers.
/// Polls never pile up: the next one is scheduled when the previous answered, at once while catching up.
class LokiTail : public QObject
{
    Q_OBJECT

public:
    LokiTail(const LokiClient& client, QString expr, qint64 startNs, QObject* parent = nullptr);
    ~LokiTail() override;

    void setInterval(std::chrono::milliseconds interval);
    /// Only lines older than now minus `delay` are asked for.
    void setDelay(std::chrono::milliseconds delay);
    /// Where "now" comes from (nanoseconds since the epoch); the system clock by default.
    void setClock(std::function<qint64()> nowNs);

    void start();
    void stop();
    bool isRunning() const { return m_running; }
    /// Polls now unless a poll is under way (then that one's answer counts).
    void pollNow();

    qint64 cursorNs() const { return m_cursorNs; }
    const QString& expr() const { return m_expr; }

Q_SIGNALS:
    /// Lines not delivered before, oldest first.
    void linesArrived(const firebreak::LogBatch& lines);
    /// A poll failed; the tail keeps its cursor and tries again after the interval.
    void pollFailed(const QString& message);
    void warning(const QString& message);
    /// After every answered poll, with the number of new lines (0 when none).
    void polled(qsizetype newLines);

private:
    void schedule(bool immediately);
    void take(Answer<QueryResult> answer, qint64 asked);

    LokiClient m_client;
    QString m_expr;
    qint64 m_cursorNs;
    QSet<QByteArray> m_atCursor; // identities of the lines delivered at m_cursorNs
    std::chrono::milliseconds m_interval { 2000 };
    std::chrono::milliseconds m_delay { 0 };
    std::function<qint64()> m_now;
    QTimer m_timer;
    bool m_running = false;
    bool m_inFlight = false;
    net::RequestHandlePtr m_request;
};

} // namespace firebreak::loki
