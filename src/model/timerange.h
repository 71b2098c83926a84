#pragma once

#include <QString>
#include <QStringList>
#include <QtGlobal>

#include <chrono>
#include <optional>

namespace firebreak {

/// Whether times are shown (and typed) in the machine's local zone or in UTC.
enum class TimeDisplay
{
    Local,
    Utc,
};

/// A closed interval of wall-clock time, in milliseconds since the Unix epoch (UTC).
struct TimeRange
{
    qint64 fromMs = 0;
    qint64 toMs = 0;

    qint64 durationMs() const { return toMs - fromMs; }
    bool isValid() const { return toMs > fromMs; }
    bool operator==(const TimeRange&) const = default;
};

/// What the user asked for: either "the last N" (moves with the clock) or a fixed interval.
class RangeSpec
{
public:
    static RangeSpec relative(std::chrono::milliseconds lastFor);
    static RangeSpec absolute(TimeRange range);

    bool isRelative() const { return m_relative; }
    std::chrono::milliseconds relativeDuration() const { return m_duration; }
    TimeRange absoluteRange() const { return m_range; }

    /// The concrete interval at `nowMs`.
    TimeRange resolve(qint64 nowMs) const;

    bool operator==(const RangeSpec&) const = default;

private:
    bool m_relative = true;
    std::chrono::milliseconds m_duration { std::chrono::hours(1) };
    TimeRange m_range;
};

struct QuickRange
{
    QString key; // stable, e.g. "1h"; used in settings and on the command line
    std::chrono::milliseconds duration;
};

/// 5m, 15m, 1h, 6h, 24h, 7d.
const QList<QuickRange>& quickRanges();
std::optional<QuickRange> quickRangeByKey(const QString& key);

/// Doubles the span around its centre, the way Grafana's zoom-out does. Never extends past `nowMs`
/// when the range already ends at or after now (the future holds no data).
TimeRange zoomOut(TimeRange range, qint64 nowMs);

/// Moves the range by half its span; `steps` < 0 goes back in time.
TimeRange shift(TimeRange range, int steps);

/// "2026-11-25 16:24:05" in the chosen zone; with `withZone`, " UTC" or the local offset is appended.
QString formatTime(qint64 ms, TimeDisplay display, bool withZone = false);

/// Compact human duration: "45s", "15m", "1h 30m", "7d".
QString formatDuration(std::chrono::milliseconds d);

} // namespace firebreak
