#include "timearguments.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QTimeZone>

#include <limits>

namespace firebreak::cli {

namespace {

// Far enough for any incident, small enough that milliseconds never overflow.
constexpr qint64 MaxAbsMs = 253402300799999; // 9999-12-31T23:59:59.999Z

std::optional<qint64> secondsToMs(const QString& text)
{
    static const QRegularExpression pattern(QStringLiteral("^(-?)(\\d{1,12})(?:\\.(\\d{1,3})\\d*)?$"));
    const auto match = pattern.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    qint64 ms = match.captured(2).toLongLong() * 1000;
    if (match.hasCaptured(3))
        ms += match.captured(3).leftJustified(3, u'0').toLongLong();
    if (ms > MaxAbsMs)
        return std::nullopt;
    return match.captured(1).isEmpty() ? ms : -ms;
}

} // namespace

std::optional<qint64> parseDurationMs(const QString& text)
{
    static const QRegularExpression whole(QStringLiteral("^(\\d+(ms|[smhdwy]))+$"));
    static const QRegularExpression part(QStringLiteral("(\\d+)(ms|[smhdwy])"));
    if (!whole.match(text).hasMatch())
        return std::nullopt;
    qint64 total = 0;
    for (auto it = part.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        const QString unit = m.captured(2);
        const qint64 factor = unit == QLatin1String("ms") ? 1
            : unit == QLatin1String("s")                  ? 1000
            : unit == QLatin1String("m")                  ? 60000
            : unit == QLatin1String("h")                  ? 3600000
            : unit == QLatin1String("d")                  ? 86400000
            : unit == QLatin1String("w")                  ? 7 * 86400000LL
                                                          : 365 * 86400000LL;
        bool ok = false;
        const qint64 count = m.captured(1).toLongLong(&ok);
        if (!ok || count > MaxAbsMs / factor)
            return std::nullopt;
        total += count * factor;
        if (total > MaxAbsMs)
            return std::nullopt;
    }
    return total;
}

std::optional<qint64> parseTimeMs(const QString& text, qint64 nowMs)
{
    const QString t = text.trimmed();
    if (t == QLatin1String("now"))
        return nowMs;
    if (t.startsWith(QLatin1String("now-")) || t.startsWith(QLatin1String("now+"))) {
        const auto offset = parseDurationMs(t.mid(4));
        if (!offset)
            return std::nullopt;
        return t.at(3) == u'-' ? nowMs - *offset : nowMs + *offset;
    }
    if (const auto seconds = secondsToMs(t))
        return seconds;
    // RFC 3339 needs a date, a time and an offset ("Z" or "+01:00"); Qt's ISO parser would accept less.
    static const QRegularExpression rfc3339(
        QStringLiteral("^\\d{4}-\\d{2}-\\d{2}[Tt ]\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?([Zz]|[+-]\\d{2}:\\d{2})$"));
    if (!rfc3339.match(t).hasMatch())
        return std::nullopt;
    QString iso = t;
    iso[10] = u'T';
    if (iso.endsWith(u'z'))
        iso.back() = u'Z';
    const QDateTime parsed = QDateTime::fromString(iso, Qt::ISODateWithMs);
    if (!parsed.isValid())
        return std::nullopt;
    return parsed.toMSecsSinceEpoch();
}

std::optional<qint64> parseStepMs(const QString& text)
{
    auto ms = secondsToMs(text.trimmed());
    if (!ms)
        ms = parseDurationMs(text.trimmed());
    if (!ms || *ms <= 0)
        return std::nullopt;
    return ms;
}

QString formatTimeUtc(qint64 ms)
{
    const QDateTime time = QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc());
    // Qt writes "+00:00" for a UTC time zone; RFC 3339 readers and people expect "Z".
    return time.toString(
        ms % 1000 == 0 ? QStringLiteral("yyyy-MM-dd'T'HH:mm:ss'Z'") : QStringLiteral("yyyy-MM-dd'T'HH:mm:ss.zzz'Z'"));
}

} // namespace firebreak::cli
