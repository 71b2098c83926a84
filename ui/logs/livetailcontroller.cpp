#include "livetailcontroller.h"

#include "backends/loki/lokitail.h"
#include "common/appcontext.h"
#include "model/timerange.h"

#include <QDateTime>
#include <QPointer>
#include <QRandomGenerator>

namespace firebreak::ui {

namespace {

constexpr qint64 NsPerMs = 1000000;
constexpr qint64 RateSliceNs = 100 * NsPerMs; // the rate window moves in steps of this

/// Whether `logql` is a log query (a stream selector first), the only kind a tail can follow.
bool isLogQuery(const QString& logql)
{
    for (qsizetype i = 0; i < logql.size(); ++i) {
        const QChar c = logql.at(i);
        if (c == u'#') {
            while (i < logql.size() && logql.at(i) != u'\n')
                ++i;
        } else if (!c.isSpace()) {
            return c == u'{';
        }
    }
    return false;
}

/// Ends a tail that may be emitting right now: its signals are cut at once, the object goes later.
void retire(std::unique_ptr<loki::LokiTail>& tail, QObject* receiver)
{
    if (!tail)
        return;
    loki::LokiTail* old = tail.release();
    old->stop();
    QObject::disconnect(old, nullptr, receiver, nullptr);
    old->setParent(receiver); // gone with the receiver at the latest, should no event loop run again
    old->deleteLater();
}

} // namespace

LiveTailController::LiveTailController(AppContext& context, QObject* parent)
    : QObject(parent)
    , m_context(context)
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &LiveTailController::retry);
}

LiveTailController::~LiveTailController() = default;

void LiveTailController::setPollInterval(std::chrono::milliseconds interval)
{
    m_pollIntervalMs = std::max<qint64>(1, interval.count());
}

void LiveTailController::setDelay(std::chrono::milliseconds delay)
{
    m_delayMs = std::max<qint64>(0, delay.count());
}

void LiveTailController::setClock(std::function<qint64()> nowNs)
{
    m_clock = std::move(nowNs);
}

void LiveTailController::setRateWindow(std::chrono::milliseconds window)
{
    m_rateWindowMs = std::max<qint64>(100, window.count());
}

void LiveTailController::setMaxCatchUp(std::chrono::milliseconds span, qint64 lines)
{
    m_maxCatchUpMs = std::max<qint64>(0, span.count());
    m_maxCatchUpLines = std::max<qint64>(1, lines);
}

void LiveTailController::setBackoff(std::chrono::milliseconds first, std::chrono::milliseconds most)
{
    m_backoffFirstMs = std::max<qint64>(1, first.count());
    m_backoffMostMs = std::max(m_backoffFirstMs, static_cast<qint64>(most.count()));
}

qint64 LiveTailController::now() const
{
    return m_clock ? m_clock() : QDateTime::currentMSecsSinceEpoch() * NsPerMs;
}

qint64 LiveTailController::cursorNs() const
{
    return m_tail ? m_tail->cursorNs() : 0;
}

bool LiveTailController::start(const QString& profileId, const QString& logql, std::optional<qint64> fromNs)
{
    for (const net::ConnectionProfile& profile : m_context.profiles()) {
        if (profile.kind == net::BackendKind::Loki && (profileId.isEmpty() || profile.id == profileId))
            return start(profile, logql, fromNs);
    }
    stop();
    Q_EMIT failed(profileId.isEmpty() ? tr("Live tail needs a Loki source: add one under Data sources.")
                                      : tr("The Loki source of this tail is gone."));
    return false;
}

bool LiveTailController::start(
    const net::ConnectionProfile& profile, const QString& logql, std::optional<qint64> fromNs)
{
    stop();
    if (!isLogQuery(logql)) {
        Q_EMIT failed(tr("Only log queries can be tailed; a metric query has no lines to follow."));
        return false;
    }
    m_profile = profile;
    m_query = logql;
    m_delivered = 0;
    m_failures = 0;
    m_catchingUp = false;
    m_perSecond.clear();
    m_rate = 0;
    m_startNs = fromNs.value_or(horizonNs());
    startTail(m_startNs);
    setState(State::Running);
    return true;
}

void LiveTailController::startTail(qint64 fromNs)
{
    retire(m_tail, this);
    m_tail = std::make_unique<loki::LokiTail>(loki::LokiClient(m_context.http(), m_profile), m_query, fromNs);
    m_tail->setInterval(std::chrono::milliseconds(m_pollIntervalMs));
    m_tail->setDelay(std::chrono::milliseconds(m_delayMs));
    if (m_clock)
        m_tail->setClock(m_clock);
    connect(m_tail.get(), &loki::LokiTail::linesArrived, this, &LiveTailController::take);
    connect(m_tail.get(), &loki::LokiTail::polled, this, &LiveTailController::polled);
    connect(m_tail.get(), &loki::LokiTail::pollFailed, this, &LiveTailController::pollFailed);
    connect(m_tail.get(), &loki::LokiTail::warning, this, &LiveTailController::warning);
    m_tail->start();
}

void LiveTailController::pause()
{
    if (m_state != State::Running && m_state != State::Retrying)
        return;
    m_retryTimer.stop();
    if (m_tail)
        m_tail->stop(); // keeps the cursor; a poll under way still answers, and its lines are held
    setState(State::Paused);
}

void LiveTailController::resume()
{
    if (m_state != State::Paused || !m_tail)
        return;
    setState(m_failures > 0 ? State::Retrying : State::Running);
    if (!m_held.isEmpty()) {
        LogBatch held;
        std::swap(held, m_held);
        m_heldStreams.clear();
        take(held);
    }
    const qint64 horizon = horizonNs();
    const qint64 cursor = m_tail->cursorNs();
    m_catchingUp = true;
    m_catchUpLines = 0;
    m_resumeHorizonNs = horizon;
    if (horizon - cursor > m_maxCatchUpMs * NsPerMs) {
        skipTo(horizon - m_maxCatchUpMs * NsPerMs,
            tr("Paused for longer than the catch-up limit: lines older than %1 were skipped.")
                .arg(formatDuration(std::chrono::milliseconds(m_maxCatchUpMs))));
        return;
    }
    m_tail->start();
}

void LiveTailController::stop()
{
    m_retryTimer.stop();
    retire(m_tail, this);
    m_held.clear();
    m_heldStreams.clear();
    m_catchingUp = false;
    setState(State::Stopped);
}

void LiveTailController::take(const LogBatch& lines)
{
    if (m_state == State::Paused) {
        for (qsizetype i = 0; i < lines.size(); ++i)
            m_held.appendFrom(lines, i, &m_heldStreams);
        return;
    }
    if (lines.isEmpty())
        return;
    for (const LogLine& line : lines.lines())
        ++m_perSecond[line.timestampNs / RateSliceNs];
    m_delivered += lines.size();
    if (m_catchingUp)
        m_catchUpLines += lines.size();
    Q_EMIT linesArrived(lines);
}

void LiveTailController::polled()
{
    if (m_state == State::Paused || m_state == State::Stopped)
        return;
    if (m_failures > 0) {
        m_failures = 0;
        setState(State::Running);
        Q_EMIT recovered();
    }
    updateRate();
    if (!m_catchingUp || !m_tail)
        return;
    // Caught up once the cursor passes what was there at resume. (An empty answer proves nothing: it may be
    // of a poll sent before the pause.)
    if (m_tail->cursorNs() >= m_resumeHorizonNs) {
        m_catchingUp = false;
    } else if (m_catchUpLines >= m_maxCatchUpLines) {
        skipTo(horizonNs(),
            tr("Catching up after the pause took more than %n line(s): the rest of the backlog was skipped.", nullptr,
                static_cast<int>(std::min<qint64>(m_maxCatchUpLines, INT_MAX))));
    }
}

void LiveTailController::skipTo(qint64 fromNs, const QString& why)
{
    const qint64 cursor = m_tail ? m_tail->cursorNs() : fromNs;
    // Everything delivered is at or before the cursor, so a tail from past it repeats nothing.
    fromNs = std::max(fromNs, cursor + 1);
    m_catchingUp = false;
    startTail(fromNs);
    Q_EMIT gapSkipped(cursor, fromNs, why);
}

void LiveTailController::pollFailed(const QString& message)
{
    // Called from inside the tail's answer handling: decide once it has finished (it may stop itself).
    QPointer<loki::LokiTail> tail(m_tail.get());
    QMetaObject::invokeMethod(
        this,
        [this, tail, message] {
            if (!tail || tail != m_tail.get() || m_state == State::Paused || m_state == State::Stopped)
                return; // replaced, stopped or paused meanwhile: resume() polls again
            if (!tail->isRunning()) {
                // The tail gave up by itself: this query cannot be tailed, retrying will not help.
                stop();
                Q_EMIT failed(message);
                Q_EMIT retryScheduled(0);
                return;
            }
            tail->stop();
            ++m_failures;
            const qint64 exponential = m_backoffFirstMs << std::min(m_failures - 1, 20);
            const qint64 base = std::min(m_backoffMostMs, exponential);
            // ±10 % so that many windows retrying one dead server do not knock together.
            const qint64 jitter
                = base / 10 > 0 ? QRandomGenerator::global()->bounded(2 * (base / 10) + 1) - base / 10 : 0;
            const int delay = static_cast<int>(std::clamp<qint64>(base + jitter, 1, INT_MAX));
            m_retryTimer.start(delay);
            setState(State::Retrying);
            Q_EMIT failed(message);
            Q_EMIT retryScheduled(delay);
        },
        Qt::QueuedConnection);
}

void LiveTailController::retry()
{
    if (m_state == State::Retrying && m_tail)
        m_tail->start();
}

void LiveTailController::setState(State state)
{
    if (state == m_state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void LiveTailController::updateRate()
{
    const qint64 horizon = horizonNs();
    const qint64 windowNs = m_rateWindowMs * NsPerMs;
    const qint64 firstSlice = (horizon - windowNs) / RateSliceNs + 1; // slices wholly inside the window
    m_perSecond.erase(m_perSecond.begin(), m_perSecond.lower_bound(firstSlice));
    qint64 lines = 0;
    for (const auto& [slice, count] : m_perSecond) {
        if (slice * RateSliceNs <= horizon)
            lines += count;
    }
    const qint64 observedNs = std::min(windowNs, horizon - m_startNs);
    const double rate = observedNs > 0 ? static_cast<double>(lines) * 1e9 / static_cast<double>(observedNs) : 0.0;
    if (rate == m_rate)
        return;
    m_rate = rate;
    Q_EMIT rateChanged(rate);
}

} // namespace firebreak::ui
