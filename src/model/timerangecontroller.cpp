#include "timerangecontroller.h"

#include <QDateTime>

namespace firebreak {

TimeRangeController::TimeRangeController(QObject* parent)
    : QObject(parent)
    , m_clock([] { return QDateTime::currentMSecsSinceEpoch(); })
    , m_spec(RangeSpec::relative(std::chrono::hours(1)))
{
    connect(&m_refreshTimer, &QTimer::timeout, this, &TimeRangeController::refresh);
}

TimeRangeController::~TimeRangeController() = default;

void TimeRangeController::setClock(Clock clock)
{
    m_clock = std::move(clock);
}

qint64 TimeRangeController::now() const
{
    return m_clock();
}

QString TimeRangeController::quickRangeKey() const
{
    if (!m_spec.isRelative())
        return {};
    for (const auto& quick : quickRanges()) {
        if (quick.duration == m_spec.relativeDuration())
            return quick.key;
    }
    return {};
}

void TimeRangeController::setDisplay(TimeDisplay display)
{
    if (display == m_display)
        return;
    m_display = display;
    Q_EMIT displayChanged(display);
}

void TimeRangeController::setAutoRefresh(std::chrono::seconds interval)
{
    if (interval == m_autoRefresh)
        return;
    m_autoRefresh = interval;
    if (interval.count() > 0)
        m_refreshTimer.start(interval);
    else
        m_refreshTimer.stop();
    Q_EMIT autoRefreshChanged(interval);
}

void TimeRangeController::setQuickRange(const QString& key)
{
    if (const auto quick = quickRangeByKey(key))
        setRelative(quick->duration);
}

void TimeRangeController::setRelative(std::chrono::milliseconds lastFor)
{
    if (lastFor.count() <= 0)
        return;
    apply(RangeSpec::relative(lastFor), true);
}

void TimeRangeController::setAbsolute(TimeRange range)
{
    if (!range.isValid())
        return;
    apply(RangeSpec::absolute(range), true);
}

void TimeRangeController::zoomIn(TimeRange range)
{
    setAbsolute(range);
}

void TimeRangeController::zoomOut()
{
    const qint64 nowMs = now();
    if (m_spec.isRelative()) {
        // "Last 1h" zoomed out stays live: "last 2h".
        apply(RangeSpec::relative(m_spec.relativeDuration() * 2), true);
        return;
    }
    apply(RangeSpec::absolute(firebreak::zoomOut(m_spec.resolve(nowMs), nowMs)), true);
}

void TimeRangeController::zoomBack()
{
    if (m_history.isEmpty())
        return;
    const RangeSpec previous = m_history.takeLast();
    apply(previous, false);
}

void TimeRangeController::shiftBack()
{
    apply(RangeSpec::absolute(shift(range(), -1)), true);
}

void TimeRangeController::shiftForward()
{
    const qint64 nowMs = now();
    TimeRange next = shift(range(), 1);
    if (next.toMs >= nowMs) {
        // Shifting into the future means "up to now": keep the width and follow the clock again.
        apply(RangeSpec::relative(std::chrono::milliseconds(next.durationMs())), true);
        return;
    }
    apply(RangeSpec::absolute(next), true);
}

void TimeRangeController::refresh()
{
    if (m_spec.isRelative())
        Q_EMIT rangeChanged(range());
    Q_EMIT refreshRequested();
}

void TimeRangeController::apply(const RangeSpec& spec, bool remember)
{
    if (spec == m_spec)
        return;
    if (remember) {
        m_history.append(m_spec);
        if (m_history.size() > MaxHistory)
            m_history.removeFirst();
    }
    m_spec = spec;
    Q_EMIT rangeChanged(range());
}

} // namespace firebreak
