#include "timerange.h"

#include <QDateTime>
#include <QTimeZone>

using namespace std::chrono_literals;

namespace firebreak {

RangeSpec RangeSpec::relative(std::chrono::milliseconds lastFor)
{
    RangeSpec spec;
    spec.m_relative = true;
    spec.m_duration = lastFor;
    return spec;
}

RangeSpec RangeSpec::absolute(TimeRange range)
{
    RangeSpec spec;
    spec.m_relative = false;
    spec.m_range = range;
    spec.m_duration = std::chrono::milliseconds(range.durationMs());
    return spec;
}

TimeRange RangeSpec::resolve(qint64 nowMs) const
{
    if (m_relative)
        return { nowMs - m_duration.count(), nowMs };
    return m_range;
}

const QList<QuickRange>& quickRanges()
{
    static const QList<QuickRange> ranges = {
        { QStringLiteral("5m"), 5min },
        { QStringLiteral("15m"), 15min },
        { QStringLiteral("1h"), 1h },
        { QStringLiteral("6h"), 6h },
        { QStringLiteral("24h"), 24h },
        { QStringLiteral("7d"), 24h * 7 },
    };
    return ranges;
}

std::optional<QuickRange> quickRangeByKey(const QString& key)
{
    for (const auto& range : quickRanges()) {
        if (range.key == key)
            return range;
    }
    return std::nullopt;
}

TimeRange zoomOut(TimeRange range, qint64 nowMs)
{
    const qint64 span = std::max<qint64>(range.durationMs(), 1000);
    const qint64 centre = range.fromMs + range.durationMs() / 2;
    TimeRange out { centre - span, centre + span };
    if (range.toMs <= nowMs && out.toMs > nowMs) {
        // Keep the doubled width but anchor it at now instead of reaching into the future.
        out.fromMs -= out.toMs - nowMs;
        out.toMs = nowMs;
    } else if (range.toMs > nowMs) {
        out.fromMs = range.toMs - 2 * span;
        out.toMs = range.toMs;
    }
    return out;
}

TimeRange shift(TimeRange range, int steps)
{
    const qint64 delta = range.durationMs() / 2 * steps;
    return { range.fromMs + delta, range.toMs + delta };
}

QString formatTime(qint64 ms, TimeDisplay display, bool withZone)
{
    QDateTime dt = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
    if (display == TimeDisplay::Local)
        dt = dt.toLocalTime();
    QString text = dt.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    if (withZone) {
        if (display == TimeDisplay::Utc)
            text += QStringLiteral(" UTC");
        else
            text += u' ' + dt.timeZoneAbbreviation();
    }
    return text;
}

QString formatDuration(std::chrono::milliseconds d)
{
    using std::chrono::duration_cast;
    qint64 secs = duration_cast<std::chrono::seconds>(d).count();
    if (secs < 60)
        return QStringLiteral("%1s").arg(secs);
    const qint64 days = secs / 86400;
    const qint64 hours = (secs % 86400) / 3600;
    const qint64 minutes = (secs % 3600) / 60;
    QStringList parts;
    if (days)
        parts << QStringLiteral("%1d").arg(days);
    if (hours)
        parts << QStringLiteral("%1h").arg(hours);
    if (minutes && days == 0)
        parts << QStringLiteral("%1m").arg(minutes);
    if (parts.isEmpty())
        parts << QStringLiteral("%1s").arg(secs);
    return parts.join(u' ');
}

} // namespace firebreak
