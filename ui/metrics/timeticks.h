#pragma once

#include "model/timerange.h"

#include <QList>
#include <QString>

namespace firebreak::ui {

/// Tick marks of a time axis: whole steps (1 s … 1 d …) in the zone the times are shown in, so labels read
/// 10:00, 10:15, 10:30 rather than 10:03:17.
struct TimeTicks
{
    qint64 stepMs = 0;
    QList<qint64> ticksMs; // within [from, to], ascending
};

/// At most `maxTicks` ticks (at least one step's worth) between `fromMs` and `toMs`.
TimeTicks timeTicks(qint64 fromMs, qint64 toMs, int maxTicks, TimeDisplay display);

/// The label of a tick: seconds only when the step needs them, the date when the range spans days.
QString timeTickLabel(qint64 ms, qint64 stepMs, qint64 spanMs, TimeDisplay display);

} // namespace firebreak::ui
