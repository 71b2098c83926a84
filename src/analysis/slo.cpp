#include "slo.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>
#include <limits>

namespace firebreak::analysis {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Slo)
};

constexpr qint64 SecondMs = 1000;
constexpr qint64 MinuteMs = 60 * SecondMs;
constexpr qint64 HourMs = 60 * MinuteMs;
constexpr qint64 DayMs = 24 * HourMs;

constexpr double NaN = std::numeric_limits<double>::quiet_NaN();

/// `text` with the contents of its string literals blanked, so brackets and operators inside label values
/// do not count when looking at the shape of a query.
QString withoutStrings(const QString& text, bool* closed = nullptr)
{
    QString out;
    out.reserve(text.size());
    QChar quote;
    bool escaped = false;
    for (const QChar c : text) {
        if (!quote.isNull()) {
            if (escaped) {
                escaped = false;
            } else if (c == u'\\' && quote != u'`') {
                escaped = true;
            } else if (c == quote) {
                quote = QChar();
                out.append(c);
                continue;
            }
            out.append(u'x');
            continue;
        }
        if (c == u'"' || c == u'\'' || c == u'`')
            quote = c;
        out.append(c);
    }
    if (closed)
        *closed = quote.isNull();
    return out;
}

bool isSeriesSelector(const QString& query)
{
    static const QRegularExpression selector(
        QStringLiteral(R"(^\s*(?:[a-zA-Z_:][a-zA-Z0-9_:]*\s*(?:\{[^{}]*\})?|\{[^{}]*\})\s*$)"));
    return selector.match(withoutStrings(query)).hasMatch();
}

bool bracketsBalance(const QString& query)
{
    QString open;
    bool closed = false;
    const QString shape = withoutStrings(query, &closed);
    if (!closed)
        return false;
    for (const QChar c : shape) {
        if (c == u'(' || c == u'[' || c == u'{') {
            open.append(c);
        } else if (c == u')' || c == u']' || c == u'}') {
            const QChar expected = c == u')' ? u'(' : c == u']' ? u'[' : u'{';
            if (open.isEmpty() || open.back() != expected)
                return false;
            open.chop(1);
        }
    }
    return open.isEmpty();
}

bool hasPlaceholder(const QString& query)
{
    return query.contains(WindowPlaceholder);
}

/// An expression we did not write is parenthesised before an operator is put next to it.
QString operand(const QString& query, const QString& window)
{
    const QString trimmed = query.trimmed();
    if (!hasPlaceholder(trimmed))
        return rateExpression(trimmed, window);
    return u'(' + rateExpression(trimmed, window) + u')';
}

} // namespace

const std::array<BurnRateWindow, 4>& multiWindowBurnRates()
{
    static const std::array<BurnRateWindow, 4> table { {
        { 1 * HourMs, 5 * MinuteMs, 14.4, BurnSeverity::Page, 2 * MinuteMs },
        { 6 * HourMs, 30 * MinuteMs, 6.0, BurnSeverity::Page, 15 * MinuteMs },
        { 1 * DayMs, 2 * HourMs, 3.0, BurnSeverity::Ticket, 1 * HourMs },
        { 3 * DayMs, 6 * HourMs, 1.0, BurnSeverity::Ticket, 3 * HourMs },
    } };
    return table;
}

QList<qint64> evaluationWindows(qint64 sloWindowMs)
{
    QList<qint64> windows;
    for (const BurnRateWindow& row : multiWindowBurnRates())
        windows << row.longMs << row.shortMs;
    windows << sloWindowMs;
    std::sort(windows.begin(), windows.end());
    windows.erase(std::unique(windows.begin(), windows.end()), windows.end());
    return windows;
}

double allowedErrorRatio(double objective)
{
    return 1.0 - objective;
}

double burnRate(double errorRatio, double objective)
{
    if (std::isnan(errorRatio))
        return NaN;
    // 1 - good/total can come out a hair below zero when every event was good.
    if (errorRatio <= 0)
        return 0;
    const double allowed = allowedErrorRatio(objective);
    if (allowed <= 0)
        return std::numeric_limits<double>::infinity();
    return errorRatio / allowed;
}

bool burnRateFires(double longBurnRate, double shortBurnRate, double factor)
{
    return longBurnRate > factor && shortBurnRate > factor;
}

double budgetConsumedBy(double burnRate, qint64 durationMs, qint64 sloWindowMs)
{
    if (sloWindowMs <= 0)
        return NaN;
    return burnRate * static_cast<double>(durationMs) / static_cast<double>(sloWindowMs);
}

ErrorBudget errorBudget(double objective, qint64 sloWindowMs, double errorRatioOverWindow)
{
    ErrorBudget budget;
    budget.allowed = std::max(0.0, allowedErrorRatio(objective));
    budget.consumed = burnRate(errorRatioOverWindow, objective);
    budget.remaining = 1.0 - budget.consumed;
    budget.totalMs = std::llround(budget.allowed * static_cast<double>(sloWindowMs));
    if (std::isfinite(budget.remaining))
        budget.remainingMs = std::llround(budget.remaining * static_cast<double>(budget.totalMs));
    return budget;
}

std::optional<qint64> timeToExhaustionMs(const ErrorBudget& budget, qint64 sloWindowMs, double burnRate)
{
    if (std::isnan(budget.remaining) || std::isnan(burnRate) || burnRate <= 0)
        return std::nullopt;
    if (budget.remaining <= 0 || std::isinf(burnRate))
        return 0;
    return std::llround(budget.remaining * static_cast<double>(sloWindowMs) / burnRate);
}

QString promDuration(qint64 ms)
{
    if (ms <= 0)
        return QStringLiteral("0s");
    if (ms % DayMs == 0)
        return QString::number(ms / DayMs) + u'd';
    if (ms % HourMs == 0)
        return QString::number(ms / HourMs) + u'h';
    if (ms % MinuteMs == 0)
        return QString::number(ms / MinuteMs) + u'm';
    if (ms % SecondMs == 0)
        return QString::number(ms / SecondMs) + u's';
    return QString::number(ms) + QStringLiteral("ms");
}

std::optional<qint64> parsePromDuration(QStringView text)
{
    static const QRegularExpression part(QStringLiteral(R"((\d+)(ms|y|w|d|h|m|s))"));
    const QString input = text.trimmed().toString();
    if (input.isEmpty())
        return std::nullopt;
    qint64 total = 0;
    qsizetype at = 0;
    while (at < input.size()) {
        const QRegularExpressionMatch match
            = part.match(input, at, QRegularExpression::NormalMatch, QRegularExpression::AnchorAtOffsetMatchOption);
        if (!match.hasMatch())
            return std::nullopt;
        bool ok = false;
        const qint64 count = match.capturedView(1).toLongLong(&ok);
        if (!ok)
            return std::nullopt;
        const QStringView unit = match.capturedView(2);
        qint64 unitMs = 0;
        if (unit == u"ms")
            unitMs = 1;
        else if (unit == u"s")
            unitMs = SecondMs;
        else if (unit == u"m")
            unitMs = MinuteMs;
        else if (unit == u"h")
            unitMs = HourMs;
        else if (unit == u"d")
            unitMs = DayMs;
        else if (unit == u"w")
            unitMs = 7 * DayMs;
        else
            unitMs = 365 * DayMs;
        if (count > std::numeric_limits<qint64>::max() / unitMs - total / unitMs)
            return std::nullopt;
        total += count * unitMs;
        at = match.capturedEnd(0);
    }
    return total;
}

QString rateExpression(const QString& query, const QString& window)
{
    const QString trimmed = query.trimmed();
    if (hasPlaceholder(trimmed)) {
        QString substituted = trimmed;
        substituted.replace(WindowPlaceholder.toString(), window);
        return substituted;
    }
    return QStringLiteral("sum(rate(%1[%2]))").arg(trimmed, window);
}

QString errorRatioQuery(const SloDefinition& slo, qint64 windowMs)
{
    const QString window = promDuration(windowMs);
    if (slo.usesErrorRatio())
        return rateExpression(slo.errorRatioQuery, window);
    return QStringLiteral("1 - (%1 / %2)").arg(operand(slo.goodQuery, window), operand(slo.totalQuery, window));
}

QString sliQuery(const SloDefinition& slo, qint64 windowMs)
{
    const QString window = promDuration(windowMs);
    if (slo.usesErrorRatio())
        return QStringLiteral("1 - (%1)").arg(rateExpression(slo.errorRatioQuery, window));
    return QStringLiteral("%1 / %2").arg(operand(slo.goodQuery, window), operand(slo.totalQuery, window));
}

QStringList validateSlo(const SloDefinition& slo)
{
    QStringList problems;
    if (slo.name.trimmed().isEmpty())
        problems << Text::tr("Give the SLO a name.");
    if (!(slo.objective > 0.0 && slo.objective < 1.0))
        problems << Text::tr("The objective must be above 0 % and below 100 % (100 % leaves no error budget).");
    if (slo.windowMs < HourMs || slo.windowMs > 365 * DayMs)
        problems << Text::tr("The window must be between 1 hour and 365 days.");

    const auto checkCounter = [&problems](const QString& query, const QString& what) {
        if (query.trimmed().isEmpty()) {
            problems << Text::tr("The %1 query is empty.").arg(what);
        } else if (!bracketsBalance(query)) {
            problems << Text::tr("The %1 query has unbalanced brackets or quotes.").arg(what);
        } else if (!hasPlaceholder(query) && !isSeriesSelector(query)) {
            problems << Text::tr("The %1 query must be a counter selector such as http_requests_total{code!~\"5..\"}, "
                                 "or an expression with %2 where the range goes, such as "
                                 "sum(rate(http_requests_total{code!~\"5..\"}[%2])).")
                            .arg(what, WindowPlaceholder.toString());
        }
    };
    if (slo.usesErrorRatio()) {
        if (!slo.goodQuery.trimmed().isEmpty() || !slo.totalQuery.trimmed().isEmpty())
            problems << Text::tr("Give either the good and total queries or an error-ratio query, not both.");
        if (!bracketsBalance(slo.errorRatioQuery))
            problems << Text::tr("The error-ratio query has unbalanced brackets or quotes.");
        else if (!hasPlaceholder(slo.errorRatioQuery))
            problems << Text::tr(
                "The error-ratio query needs %1 where the range goes, such as "
                "sum(rate(http_requests_total{code=~\"5..\"}[%1])) / sum(rate(http_requests_total[%1])).")
                            .arg(WindowPlaceholder.toString());
    } else {
        checkCounter(slo.goodQuery, Text::tr("good-events"));
        checkCounter(slo.totalQuery, Text::tr("total-events"));
    }
    return problems;
}

QString formatObjective(double objective)
{
    QString number = QString::number(objective * 100.0, 'f', 6);
    while (number.endsWith(u'0'))
        number.chop(1);
    if (number.endsWith(u'.'))
        number.chop(1);
    return number + QStringLiteral(" %");
}

} // namespace firebreak::analysis
