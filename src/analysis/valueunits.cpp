#include "valueunits.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QStringList>

#include <array>
#include <cmath>
#include <limits>

namespace firebreak::analysis {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(ValueUnits)
};

const QChar Minus(0x2212);

// ---- guessing -------------------------------------------------------------------------------------------------

/// The query with string literals, label matchers, range/subquery brackets and grouping label lists emptied, so
/// only metric names, functions, numbers and operators remain.
QString skeleton(const QString& query)
{
    QString out;
    out.reserve(query.size());
    qsizetype i = 0;
    const qsizetype n = query.size();
    while (i < n) {
        const QChar c = query.at(i);
        if (c == u'"' || c == u'\'' || c == u'`') {
            ++i;
            while (i < n && query.at(i) != c) {
                if (query.at(i) == u'\\' && c != u'`')
                    ++i;
                ++i;
            }
            ++i;
            out += QStringLiteral("\"\"");
        } else if (c == u'#') {
            while (i < n && query.at(i) != u'\n')
                ++i;
        } else if (c == u'{' || c == u'[') {
            const QChar close = c == u'{' ? u'}' : u']';
            while (i < n && query.at(i) != close) {
                if (query.at(i) == u'"') {
                    ++i;
                    while (i < n && query.at(i) != u'"') {
                        if (query.at(i) == u'\\')
                            ++i;
                        ++i;
                    }
                }
                ++i;
            }
            ++i;
            out += c;
            out += close;
        } else {
            out += c;
            ++i;
        }
    }
    // by (a, b) / without (…) / on (…) / ignoring (…) / group_left (…): label names, not metrics.
    static const QRegularExpression grouping(
        QStringLiteral(R"(\b(by|without|on|ignoring|group_left|group_right)\s*\([^()]*\))"));
    out.replace(grouping, QStringLiteral(" "));
    return out;
}

const QStringList& notMetrics()
{
    static const QStringList words = { QStringLiteral("and"), QStringLiteral("or"), QStringLiteral("unless"),
        QStringLiteral("bool"), QStringLiteral("offset"), QStringLiteral("by"), QStringLiteral("without"),
        QStringLiteral("on"), QStringLiteral("ignoring"), QStringLiteral("group_left"), QStringLiteral("group_right"),
        QStringLiteral("inf"), QStringLiteral("nan"), QStringLiteral("start"), QStringLiteral("end"),
        QStringLiteral("atan2") };
    return words;
}

/// Metric names in order of appearance: identifiers not called as functions and not keywords.
QStringList metricNames(const QString& skeletonText)
{
    static const QRegularExpression identifier(QStringLiteral(R"(([A-Za-z_:][A-Za-z0-9_:]*)\s*(\()?)"));
    QStringList names;
    auto it = identifier.globalMatch(skeletonText);
    while (it.hasNext()) {
        const auto m = it.next();
        if (m.capturedStart() > 0) {
            const QChar before = skeletonText.at(m.capturedStart() - 1);
            // The exponent or hex digits of a number (1e3, 0x1f) are not names.
            if (before.isDigit() || before == u'.')
                continue;
        }
        if (m.capturedLength(2) > 0)
            continue;
        const QString name = m.captured(1);
        if (!notMetrics().contains(name.toLower()))
            names.append(name);
    }
    return names;
}

enum class Base
{
    None,
    Seconds,
    Bytes,
    Ratio,
    Percent,
    Count
};

QString withoutSuffix(QString name, QStringView suffix)
{
    if (name.endsWith(suffix))
        name.chop(suffix.size());
    return name;
}

Base baseOf(const QString& metric)
{
    QString name = withoutSuffix(metric, u"_total");
    if (name.endsWith(u"_count") || name.endsWith(u"_bucket"))
        return Base::Count;
    name = withoutSuffix(name, u"_sum");
    if (name.endsWith(u"_seconds"))
        return Base::Seconds;
    if (name.endsWith(u"_bytes"))
        return Base::Bytes;
    if (name.endsWith(u"_ratio"))
        return Base::Ratio;
    if (name.endsWith(u"_percent") || name.endsWith(u"_percentage"))
        return Base::Percent;
    return Base::None;
}

ValueUnit unitOfBase(Base base)
{
    switch (base) {
    case Base::Seconds:
        return ValueUnit::Seconds;
    case Base::Bytes:
        return ValueUnit::Bytes;
    case Base::Ratio:
        return ValueUnit::Ratio;
    case Base::Percent:
        return ValueUnit::Percent;
    case Base::None:
    case Base::Count:
        break;
    }
    return ValueUnit::None;
}

/// Splits at the first of the least nested '/': "1 - (a / b)" → ("1 - (a ", " b)"); empty second part when there
/// is no division.
std::pair<QString, QString> splitAtDivision(const QString& text)
{
    int depth = 0;
    int bestDepth = std::numeric_limits<int>::max();
    qsizetype best = -1;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == u'(') {
            ++depth;
        } else if (c == u')') {
            --depth;
        } else if (c == u'/' && depth < bestDepth) {
            bestDepth = depth;
            best = i;
        }
    }
    if (best < 0)
        return { text, QString() };
    return { text.left(best), text.mid(best + 1) };
}

bool isPerSecond(const QString& skeletonText)
{
    static const QRegularExpression rate(QStringLiteral(R"(\b(rate|irate|deriv)\s*\()"));
    return skeletonText.contains(rate);
}

ValueUnit guessSingle(const QString& part)
{
    const QStringList names = metricNames(part);
    if (names.isEmpty())
        return ValueUnit::None;
    const QString& metric = names.first();
    const Base base = baseOf(metric);
    if (!isPerSecond(part))
        return base == Base::Count ? ValueUnit::None : unitOfBase(base);
    switch (base) {
    case Base::Bytes:
        return ValueUnit::BytesPerSecond;
    case Base::Seconds:
        // Seconds per second (CPU time, time spent in a handler) is a dimensionless share.
        return ValueUnit::None;
    case Base::Ratio:
    case Base::Percent:
    case Base::None:
    case Base::Count:
        break;
    }
    return metric.contains(QLatin1StringView("request")) ? ValueUnit::RequestsPerSecond : ValueUnit::PerSecond;
}

// ---- formatting -----------------------------------------------------------------------------------------------

double roundToSignificant(double value, int digits)
{
    if (value == 0 || !std::isfinite(value))
        return value;
    const int magnitude = static_cast<int>(std::floor(std::log10(std::abs(value))));
    const double scale = std::pow(10.0, digits - 1 - magnitude);
    return std::round(value * scale) / scale;
}

/// `value` (>= 0) with `digits` significant digits, trailing zeros dropped; scientific below 1e-4.
QString number(double value, int digits)
{
    if (value == 0)
        return QStringLiteral("0");
    if (value < 1e-4)
        return QString::number(value, 'g', digits);
    const double rounded = roundToSignificant(value, digits);
    const int magnitude = static_cast<int>(std::floor(std::log10(rounded)));
    const int decimals = std::max(0, digits - 1 - magnitude);
    QString text = QString::number(rounded, 'f', decimals);
    if (text.contains(u'.')) {
        while (text.endsWith(u'0'))
            text.chop(1);
        if (text.endsWith(u'.'))
            text.chop(1);
    }
    return text;
}

struct Prefix
{
    double factor;
    const char16_t* name;
};

/// The largest prefix not above `value` (>= 0), moving up when rounding reaches the next one ("999.96 ms" → "1 s").
QString withPrefix(double value, int digits, const Prefix* prefixes, int count, QStringView separator)
{
    int index = 0;
    for (int i = 0; i < count; ++i) {
        if (value >= prefixes[i].factor)
            index = i;
    }
    if (value > 0 && value < prefixes[0].factor)
        index = 0;
    double scaled = value / prefixes[index].factor;
    if (index + 1 < count
        && roundToSignificant(scaled, digits) * prefixes[index].factor >= prefixes[index + 1].factor) {
        ++index;
        scaled = value / prefixes[index].factor;
    }
    const QString name = QString::fromUtf16(prefixes[index].name);
    return number(scaled, digits) + (name.isEmpty() ? QString() : separator + name);
}

constexpr std::array<Prefix, 7> SiPrefixes
    = { { { 1, u"" }, { 1e3, u"k" }, { 1e6, u"M" }, { 1e9, u"G" }, { 1e12, u"T" }, { 1e15, u"P" }, { 1e18, u"E" } } };
constexpr std::array<Prefix, 7> BinaryPrefixes = { { { 1, u"B" }, { 1024.0, u"KiB" }, { 1024.0 * 1024, u"MiB" },
    { 1024.0 * 1024 * 1024, u"GiB" }, { 1024.0 * 1024 * 1024 * 1024, u"TiB" },
    { 1024.0 * 1024 * 1024 * 1024 * 1024, u"PiB" }, { 1024.0 * 1024 * 1024 * 1024 * 1024 * 1024, u"EiB" } } };
constexpr std::array<Prefix, 7> TimeUnits = { { { 1e-9, u"ns" }, { 1e-6, u"\u00b5s" }, { 1e-3, u"ms" }, { 1, u"s" },
    { 60, u"min" }, { 3600, u"h" }, { 86400, u"d" } } };

QString percentText(double percent, int digits)
{
    // An SLO at 99.95 % must not read "100 %": add digits until the rounding stops lying.
    int used = digits;
    while (used < 8 && percent != 100 && roundToSignificant(percent, used) == 100)
        ++used;
    return number(percent, used) + QStringLiteral(" %");
}

QString magnitudeText(double v, ValueUnit unit, int digits)
{
    switch (unit) {
    case ValueUnit::Seconds:
        if (v == 0)
            return QStringLiteral("0 s");
        return withPrefix(v, digits, TimeUnits.data(), int(TimeUnits.size()), u" ");
    case ValueUnit::Bytes:
        return withPrefix(v, digits, BinaryPrefixes.data(), int(BinaryPrefixes.size()), u" ");
    case ValueUnit::BytesPerSecond:
        return withPrefix(v, digits, BinaryPrefixes.data(), int(BinaryPrefixes.size()), u" ") + QStringLiteral("/s");
    case ValueUnit::Percent:
        return percentText(v, digits);
    case ValueUnit::Ratio:
        return percentText(v * 100, digits);
    case ValueUnit::PerSecond:
        return withPrefix(v, digits, SiPrefixes.data(), int(SiPrefixes.size()), u"") + QStringLiteral("/s");
    case ValueUnit::RequestsPerSecond:
        return withPrefix(v, digits, SiPrefixes.data(), int(SiPrefixes.size()), u"") + QStringLiteral(" req/s");
    case ValueUnit::None:
        break;
    }
    if (v >= 1e21)
        return QString::number(v, 'g', digits);
    return withPrefix(v, digits, SiPrefixes.data(), int(SiPrefixes.size()), u"");
}

// ---- ticks ----------------------------------------------------------------------------------------------------

/// The smallest of {1, 2, 5} × 10^k not below `raw` (> 0).
double decimalStep(double raw)
{
    const double power = std::pow(10.0, std::floor(std::log10(raw)));
    for (const double m : { 1.0, 2.0, 5.0, 10.0 }) {
        if (m * power >= raw * (1 - 1e-12))
            return m * power;
    }
    return 10 * power;
}

/// The smallest candidate not below `raw`, or 0 when all are below.
double firstAtLeast(double raw, std::initializer_list<double> candidates)
{
    for (const double c : candidates) {
        if (c >= raw * (1 - 1e-12))
            return c;
    }
    return 0;
}

double secondsStep(double raw)
{
    if (raw <= 1)
        return decimalStep(raw);
    if (const double s
        = firstAtLeast(raw, { 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400 }))
        return s;
    return 86400 * decimalStep(raw / 86400);
}

double bytesStep(double raw)
{
    // Powers of two: 256 MiB, 512 MiB, 1 GiB read as round numbers in binary units; 200 MiB steps would give
    // "1000 MiB" and "0.977 GiB".
    if (raw <= 1)
        return decimalStep(raw);
    return std::exp2(std::ceil(std::log2(raw) - 1e-12));
}

double unitStep(double raw, ValueUnit unit)
{
    switch (unit) {
    case ValueUnit::Seconds:
        return secondsStep(raw);
    case ValueUnit::Bytes:
    case ValueUnit::BytesPerSecond:
        return bytesStep(raw);
    case ValueUnit::None:
    case ValueUnit::Percent:
    case ValueUnit::Ratio:
    case ValueUnit::PerSecond:
    case ValueUnit::RequestsPerSecond:
        break;
    }
    return decimalStep(raw);
}

qint64 tickCount(double min, double max, double step)
{
    return static_cast<qint64>(std::floor(max / step + 1e-9) - std::ceil(min / step - 1e-9)) + 1;
}

} // namespace

ValueUnit guessUnit(const QString& promql)
{
    const QString text = skeleton(promql);
    static const QRegularExpression quantile(QStringLiteral(R"(\bhistogram_quantile\s*\()"));
    if (text.contains(quantile)) {
        for (const QString& name : metricNames(text)) {
            if (name.endsWith(u"_bucket"))
                return unitOfBase(baseOf(withoutSuffix(name, u"_bucket")));
        }
        return ValueUnit::None;
    }
    static const QRegularExpression counting(QStringLiteral(R"(^\s*(count|count_values)\b)"));
    if (text.contains(counting))
        return ValueUnit::None;

    const auto [numerator, denominator] = splitAtDivision(text);
    if (denominator.isEmpty())
        return guessSingle(text);

    const QStringList top = metricNames(numerator);
    const QStringList bottom = metricNames(denominator);
    if (bottom.isEmpty()) // divided by a constant: a rescaled value of the numerator's unit
        return guessSingle(numerator);
    if (top.isEmpty())
        return ValueUnit::None;
    const QString& a = top.first();
    const QString& b = bottom.first();
    if (a.endsWith(u"_sum") && b.endsWith(u"_count") && a.chopped(4) == b.chopped(6))
        return unitOfBase(baseOf(a));
    static const QRegularExpression hundred(QStringLiteral(R"((\*\s*100(\.0*)?\s*$)|(^\s*100(\.0*)?\s*\*))"));
    return denominator.contains(hundred) || numerator.contains(hundred) ? ValueUnit::Percent : ValueUnit::Ratio;
}

QString formatValue(double value, ValueUnit unit, int significant)
{
    if (std::isnan(value))
        return QStringLiteral("NaN");
    if (std::isinf(value))
        return value > 0 ? QStringLiteral("+Inf") : Minus + QStringLiteral("Inf");
    const int digits = std::clamp(significant, 1, 15);
    const QString text = magnitudeText(std::abs(value), unit, digits);
    return value < 0 ? Minus + text : text;
}

double niceStep(double min, double max, int maxTicks, ValueUnit unit)
{
    if (!std::isfinite(min) || !std::isfinite(max) || max <= min)
        return 0;
    // Fewer than range / (maxTicks + 1) can never fit; from there, the first nice step whose multiples fit.
    const int allowed = std::max(1, maxTicks);
    double step = unitStep((max - min) / (allowed + 1), unit);
    for (int i = 0; i < 64 && std::isfinite(step) && step > 0 && tickCount(min, max, step) > allowed; ++i)
        step = unitStep(step * (1 + 1e-6), unit);
    return std::isfinite(step) && step > 0 ? step : 0;
}

QList<double> niceTicks(double min, double max, int maxTicks, ValueUnit unit)
{
    if (!std::isfinite(min) || !std::isfinite(max) || max < min || maxTicks < 1)
        return {};
    if (max == min || maxTicks == 1)
        return { min };
    const double step = niceStep(min, max, maxTicks, unit);
    if (step <= 0)
        return {};
    // Multiples, never accumulated sums, so 0.1 + 0.2 never shows as 0.30000000000000004.
    const double first = std::ceil(min / step - 1e-9);
    const double last = std::floor(max / step + 1e-9);
    QList<double> ticks;
    for (double k = first; k <= last && ticks.size() < maxTicks + 1; ++k) {
        const double tick = k * step;
        ticks.append(std::abs(tick) < step * 1e-9 ? 0.0 : tick);
    }
    return ticks;
}

QString unitName(ValueUnit unit)
{
    switch (unit) {
    case ValueUnit::None:
        return Text::tr("none");
    case ValueUnit::Seconds:
        return Text::tr("seconds");
    case ValueUnit::Bytes:
        return Text::tr("bytes");
    case ValueUnit::Percent:
        return Text::tr("percent (0–100)");
    case ValueUnit::Ratio:
        return Text::tr("ratio (0–1, shown as %)");
    case ValueUnit::PerSecond:
        return Text::tr("per second");
    case ValueUnit::RequestsPerSecond:
        return Text::tr("requests per second");
    case ValueUnit::BytesPerSecond:
        return Text::tr("bytes per second");
    }
    return {};
}

} // namespace firebreak::analysis
