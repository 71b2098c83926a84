#include "durationtext.h"

#include <QDateTime>

#include <cmath>
#include <cstdlib>

namespace firebreak::analysis {

namespace {

constexpr std::int64_t Microsecond = 1'000;
constexpr std::int64_t Millisecond = 1'000'000;
constexpr std::int64_t Second = 1'000'000'000;
constexpr std::int64_t Minute = 60 * Second;

/// Three significant digits, trailing zeros dropped: 590, 27, 4.56, 12.3.
QString significant(double value)
{
    const int decimals = value >= 100 ? 0 : (value >= 10 ? 1 : 2);
    // A carry (99.96 -> "100.0") loses its zeros below.
    QString text = QString::number(value, 'f', decimals);
    if (text.contains(u'.')) {
        while (text.endsWith(u'0'))
            text.chop(1);
        if (text.endsWith(u'.'))
            text.chop(1);
    }
    return text;
}

QString magnitude(std::uint64_t ns)
{
    const auto value = static_cast<double>(ns);
    if (ns < static_cast<std::uint64_t>(Microsecond))
        return QStringLiteral("%1 ns").arg(ns);
    // Compare the rounded text, not the raw value: 999.96 µs reads as "1 ms", not "1000 µs".
    const auto inUnit = [&](std::int64_t unit, QStringView name) -> QString {
        const QString number = significant(value / static_cast<double>(unit));
        if (number.size() >= 4 && !number.contains(u'.'))
            return {};
        return number + u' ' + name;
    };
    if (ns < static_cast<std::uint64_t>(Millisecond)) {
        const QString text = inUnit(Microsecond, QStringView(u"\u00b5s"));
        if (!text.isEmpty())
            return text;
    }
    if (ns < static_cast<std::uint64_t>(Second)) {
        const QString text = inUnit(Millisecond, u"ms");
        if (!text.isEmpty())
            return text;
    }
    if (ns < static_cast<std::uint64_t>(Minute)) {
        const QString text = inUnit(Second, u"s");
        if (!text.isEmpty())
            return text;
    }
    const std::uint64_t minutes = ns / static_cast<std::uint64_t>(Minute);
    const double seconds = static_cast<double>(ns % static_cast<std::uint64_t>(Minute)) / static_cast<double>(Second);
    if (minutes >= 60)
        return QStringLiteral("%1 h %2 m").arg(minutes / 60).arg(minutes % 60);
    return QStringLiteral("%1 m %2 s").arg(minutes).arg(QString::number(std::floor(seconds * 10) / 10, 'f', 1));
}

std::uint64_t absolute(std::int64_t ns)
{
    // Two's complement: the magnitude of INT64_MIN still fits in an unsigned 64-bit value.
    return ns < 0 ? 0 - static_cast<std::uint64_t>(ns) : static_cast<std::uint64_t>(ns);
}

} // namespace

QString formatDurationNs(std::int64_t ns)
{
    const QString text = magnitude(absolute(ns));
    return ns < 0 ? QChar(0x2212) + text : text;
}

QString formatSignedDurationNs(std::int64_t ns)
{
    if (ns == 0)
        return magnitude(0);
    return (ns < 0 ? QChar(0x2212) : QChar(u'+')) + magnitude(absolute(ns));
}

QString formatExactNs(std::int64_t ns)
{
    QString digits = QString::number(absolute(ns));
    for (qsizetype at = digits.size() - 3; at > 0; at -= 3)
        digits.insert(at, u',');
    return (ns < 0 ? QStringLiteral("-") : QString()) + digits + QStringLiteral(" ns");
}

QString formatTimestampNs(std::int64_t unixNs, TimeDisplay display)
{
    // Floor division, so times before 1970 keep a positive sub-second part.
    std::int64_t seconds = unixNs / Second;
    std::int64_t rest = unixNs % Second;
    if (rest < 0) {
        rest += Second;
        --seconds;
    }
    QDateTime dt = QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC);
    if (display == TimeDisplay::Local)
        dt = dt.toLocalTime();
    return dt.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) + u'.'
        + QStringLiteral("%1").arg(rest / Microsecond, 6, 10, QLatin1Char('0')) + u' '
        + (display == TimeDisplay::Utc ? QStringLiteral("UTC") : dt.timeZoneAbbreviation());
}

} // namespace firebreak::analysis
