#pragma once

#include "model/timerange.h"

#include <QString>

#include <cstdint>

namespace firebreak::analysis {

/// A span duration for a person: three significant digits in the largest unit that keeps the number at or
/// above 1 ("850 ns", "12.3 µs", "4.56 ms", "590 ms", "1.15 s"); a minute and more as "2 m 5.3 s".
QString formatDurationNs(std::int64_t ns);
/// The same with an explicit sign ("+35 ms", "−1.2 ms", "0 ns"), for changes and shifts.
QString formatSignedDurationNs(std::int64_t ns);
/// Exact, for tooltips: "1,153,000,000 ns" (grouped in the C locale's way, so tests and copies are stable).
QString formatExactNs(std::int64_t ns);
/// Wall-clock time of a span to the microsecond, in the chosen zone with its name:
/// "2026-11-25 10:23:39.742387 UTC".
QString formatTimestampNs(std::int64_t unixNs, TimeDisplay display);

} // namespace firebreak::analysis
