#pragma once

#include "model/slo.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <array>
#include <optional>

namespace firebreak::analysis {

/// Error budget and burn rate arithmetic of an SLO, and the PromQL that measures it. Error ratios are
/// fractions of bad events (0..1); NaN stands for "no traffic" (Prometheus' 0/0) and propagates.
///
/// Queries: the good and total queries are either counter selectors (`http_requests_total{code!~"5.."}`),
/// which become `sum(rate(SELECTOR[W]))`, or whole expressions that hold the placeholder `$__window` where
/// the range goes (`sum(rate(http_requests_total{code!~"5.."}[$__window]))`). An error-ratio query must
/// hold the placeholder: `sum(rate(errors_total[$__window])) / sum(rate(requests_total[$__window]))`.
/// Every occurrence of the placeholder is replaced by the window as a PromQL duration ("5m", "1h", "30d").
inline constexpr QStringView WindowPlaceholder = u"$__window";

enum class BurnSeverity
{
    Page,
    Ticket,
};

/// One row of the multi-window multi-burn-rate table (Google SRE workbook, "Alerting on SLOs", table 5-8):
/// alert when the error budget burns faster than `factor` over both the long and the short window.
struct BurnRateWindow
{
    qint64 longMs = 0;
    qint64 shortMs = 0;
    double factor = 0;
    BurnSeverity severity = BurnSeverity::Page;
    /// How long the condition must hold before the exported alert fires (as kubernetes-mixin's SLO alerts).
    qint64 forMs = 0;
};

/// 1h/5m at 14.4 (page), 6h/30m at 6 (page), 1d/2h at 3 (ticket), 3d/6h at 1 (ticket). The factors are the
/// workbook's for a 30-day window and are used as they are for any window: a burn rate does not depend on it.
const std::array<BurnRateWindow, 4>& multiWindowBurnRates();

/// Every window the table and the budget need, shortest first, without duplicates: 5m, 30m, 1h, 2h, 6h, 1d,
/// 3d and `sloWindowMs`.
QList<qint64> evaluationWindows(qint64 sloWindowMs);

/// The fraction of events allowed to be bad: 1 - objective.
double allowedErrorRatio(double objective);

/// How many times faster than allowed the budget burns: errorRatio / (1 - objective). At 1 the budget lasts
/// exactly the SLO window. No errors burn nothing (0, also for an objective of 100 %); errors against an
/// objective of 100 % burn infinitely fast; NaN (no traffic) stays NaN.
double burnRate(double errorRatio, double objective);

/// A row fires when both windows burn faster than the factor (strictly, as the workbook's `>`); NaN never fires.
bool burnRateFires(double longBurnRate, double shortBurnRate, double factor);

/// The fraction of the whole budget that burning at `burnRate` for `durationMs` uses: burnRate × duration / window.
/// 14.4 for 1 hour of a 30-day window: 2 %.
double budgetConsumedBy(double burnRate, qint64 durationMs, qint64 sloWindowMs);

struct ErrorBudget
{
    double allowed = 0; // 1 - objective
    double consumed = 0; // fraction of the budget used; above 1 when overspent; NaN without traffic
    double remaining = 0; // 1 - consumed: negative when overspent
    qint64 totalMs = 0; // the budget as time: allowed × window (43.2 min for 99.9 % over 30 days)
    std::optional<qint64> remainingMs; // remaining × totalMs; nullopt when unknown (no traffic)
};

/// The budget over the SLO window from the error ratio measured over that whole window.
ErrorBudget errorBudget(double objective, qint64 sloWindowMs, double errorRatioOverWindow);

/// How long the remaining budget lasts at `burnRate`: remaining × window / burnRate. nullopt when it is not
/// burning (burn rate 0 or NaN) or unknown; 0 when nothing remains.
std::optional<qint64> timeToExhaustionMs(const ErrorBudget& budget, qint64 sloWindowMs, double burnRate);

struct BurnRateRow
{
    BurnRateWindow window;
    double longErrorRatio = 0;
    double shortErrorRatio = 0;
    double longBurnRate = 0;
    double shortBurnRate = 0;
    bool firing = false;
    /// The share of the budget this row's alert has let burn when it fires: factor × long / SLO window.
    double budgetConsumed = 0;
};

/// The table from measured error ratios; `errorRatioAt(windowMs)` gives NaN for a window it lacks.
template <typename ErrorRatioAt>
std::array<BurnRateRow, 4> burnRateTable(double objective, qint64 sloWindowMs, ErrorRatioAt errorRatioAt)
{
    std::array<BurnRateRow, 4> rows;
    const auto& windows = multiWindowBurnRates();
    for (std::size_t i = 0; i < windows.size(); ++i) {
        BurnRateRow& row = rows[i];
        row.window = windows[i];
        row.longErrorRatio = errorRatioAt(row.window.longMs);
        row.shortErrorRatio = errorRatioAt(row.window.shortMs);
        row.longBurnRate = burnRate(row.longErrorRatio, objective);
        row.shortBurnRate = burnRate(row.shortErrorRatio, objective);
        row.firing = burnRateFires(row.longBurnRate, row.shortBurnRate, row.window.factor);
        row.budgetConsumed = budgetConsumedBy(row.window.factor, row.window.longMs, sloWindowMs);
    }
    return rows;
}

/// A duration as PromQL writes it, in the largest unit that divides it: 300000 -> "5m", 86400000 -> "1d",
/// 90000 -> "90s", 1500 -> "1500ms". Weeks are written in days ("7d"), which every Prometheus reads.
QString promDuration(qint64 ms);
/// "5m" -> 300000; also "1h30m", "90s", "1500ms", "2w", "1y" (365d); nullopt for anything else.
std::optional<qint64> parsePromDuration(QStringView text);

/// The PromQL of the error ratio over `windowMs` (its value is the fraction of bad events):
/// good/total: `1 - (sum(rate(GOOD[W])) / sum(rate(TOTAL[W])))`; error ratio: the query with `$__window`
/// replaced by W.
QString errorRatioQuery(const SloDefinition& slo, qint64 windowMs);
/// The SLI (fraction of good events) over `windowMs`: `1 - (errorRatioQuery)`, or for good/total directly
/// `sum(rate(GOOD[W])) / sum(rate(TOTAL[W]))`.
QString sliQuery(const SloDefinition& slo, qint64 windowMs);
/// `query` with every `$__window` replaced by `window`; a selector without the placeholder is wrapped in
/// `sum(rate(…[window]))`.
QString rateExpression(const QString& query, const QString& window);

/// What is wrong with a definition, one sentence per problem, empty when it can be used.
QStringList validateSlo(const SloDefinition& slo);

/// "99.9 %" with as many decimals as the objective needs (up to 6); "99.99 %", "95 %".
QString formatObjective(double objective);

} // namespace firebreak::analysis
