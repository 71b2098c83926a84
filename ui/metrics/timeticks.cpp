#include "timeticks.h"

#include <QDateTime>
#include <QTimeZone>

#include <array>

namespace firebreak::ui {

namespace {

constexpr qint64 Second = 1000;
constexpr qint64 Minute = 60 * Second;
constexpr qint64 Hour = 60 * Minute;
constexpr qint64 Day = 24 * Hour;

constexpr std::array<qint64, 24> Steps { Second, 2 * Second, 5 * Second, 10 * Second, 15 * Second, 30 * Second, Minute,
    2 * Minute, 5 * Minute, 10 * Minute, 15 * Minute, 30 * Minute, Hour, 2 * Hour, 3 * Hour, 6 * Hour, 12 * Hour, Day,
    2 * Day, 7 * Day, 14 * Day, 30 * Day, 90 * Day, 365 * Day };

qint64 zoneOffsetMs(qint64 ms, TimeDisplay display)
{
    if (display == TimeDisplay::Utc)
        return 0;
    return qint64(QDateTime::fromMSecsSinceEpoch(ms).offsetFromUtc()) * Second;
}

qint64 floorDiv(qint64 a, qint64 b)
{
    const qint64 q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

} // namespace

TimeTicks timeTicks(qint64 fromMs, qint64 toMs, int maxTicks, TimeDisplay display)
{
    TimeTicks ticks;
    if (toMs <= fromMs || maxTicks < 1)
        return ticks;
    const qint64 span = toMs - fromMs;
    qint64 step = Steps.back();
    for (qint64 candidate : Steps) {
        if (span / candidate + 1 <= maxTicks) {
            step = candidate;
            break;
        }
    }
    while (span / step + 1 > maxTicks) // past a year: whole years
        step += 365 * Day;
    ticks.stepMs = step;
    // Aligned in the shown zone: a 1 h step falls on local full hours, a day on local midnight.
    const qint64 offset = zoneOffsetMs(fromMs, display);
    qint64 t = (floorDiv(fromMs + offset, step) * step) - offset;
    if (t < fromMs)
        t += step;
    for (; t <= toMs; t += step)
        ticks.ticksMs.append(t);
    return ticks;
}

QString timeTickLabel(qint64 ms, qint64 stepMs, qint64 spanMs, TimeDisplay display)
{
    const QDateTime time = display == TimeDisplay::Utc ? QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc())
                                                       : QDateTime::fromMSecsSinceEpoch(ms);
    if (stepMs >= Day)
        return time.toString(QStringLiteral("MM-dd"));
    if (stepMs < Minute)
        return time.toString(spanMs > Day ? QStringLiteral("MM-dd HH:mm:ss") : QStringLiteral("HH:mm:ss"));
    return time.toString(spanMs > Day ? QStringLiteral("MM-dd HH:mm") : QStringLiteral("HH:mm"));
}

} // namespace firebreak::ui
