// Error budget and burn-rate arithmetic against cases worked out by hand, the multi-window multi-burn-rate
// table of the SRE workbook, the PromQL the SLO panel and the exported rules run, and the definition checks.

#include "analysis/slo.h"

#include <QTest>

#include <cmath>
#include <limits>

Q_DECLARE_METATYPE(firebreak::SloDefinition)

using namespace firebreak;
using namespace firebreak::analysis;

namespace {

constexpr qint64 MinuteMs = 60 * 1000;
constexpr qint64 HourMs = 60 * MinuteMs;
constexpr qint64 DayMs = 24 * HourMs;
constexpr double NaN = std::numeric_limits<double>::quiet_NaN();
constexpr double Inf = std::numeric_limits<double>::infinity();

bool near(double a, double b, double tolerance = 1e-9)
{
    return std::abs(a - b) <= tolerance * std::max(1.0, std::abs(b));
}

SloDefinition goodTotal(const QString& good, const QString& total)
{
    SloDefinition slo;
    slo.name = QStringLiteral("Checkout availability");
    slo.service = QStringLiteral("checkout");
    slo.goodQuery = good;
    slo.totalQuery = total;
    return slo;
}

SloDefinition errorRatio(const QString& query)
{
    SloDefinition slo;
    slo.name = QStringLiteral("Checkout availability");
    slo.errorRatioQuery = query;
    return slo;
}

} // namespace

class TestSlo : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tableIsTheWorkbooks()
    {
        const auto& table = multiWindowBurnRates();
        QCOMPARE(table[0].longMs, HourMs);
        QCOMPARE(table[0].shortMs, 5 * MinuteMs);
        QCOMPARE(table[0].factor, 14.4);
        QCOMPARE(table[0].severity, BurnSeverity::Page);
        QCOMPARE(table[1].longMs, 6 * HourMs);
        QCOMPARE(table[1].shortMs, 30 * MinuteMs);
        QCOMPARE(table[1].factor, 6.0);
        QCOMPARE(table[1].severity, BurnSeverity::Page);
        QCOMPARE(table[2].longMs, DayMs);
        QCOMPARE(table[2].shortMs, 2 * HourMs);
        QCOMPARE(table[2].factor, 3.0);
        QCOMPARE(table[2].severity, BurnSeverity::Ticket);
        QCOMPARE(table[3].longMs, 3 * DayMs);
        QCOMPARE(table[3].shortMs, 6 * HourMs);
        QCOMPARE(table[3].factor, 1.0);
        QCOMPARE(table[3].severity, BurnSeverity::Ticket);
    }

    void evaluationWindowsAreSortedAndUnique()
    {
        QCOMPARE(evaluationWindows(30 * DayMs),
            (QList<qint64> {
                5 * MinuteMs, 30 * MinuteMs, HourMs, 2 * HourMs, 6 * HourMs, DayMs, 3 * DayMs, 30 * DayMs }));
        // A 1-day SLO window is already the 1d/2h row's long window.
        QCOMPARE(evaluationWindows(DayMs).size(), 7);
    }

    void burnRateIsErrorRatioOverAllowed()
    {
        // 99.9 %: 0.1 % of events may fail. 1.44 % failing burns the budget 14.4 times as fast as allowed.
        QVERIFY(near(allowedErrorRatio(0.999), 0.001));
        QVERIFY(near(burnRate(0.0144, 0.999), 14.4));
        QVERIFY(near(burnRate(0.001, 0.999), 1.0));
        QVERIFY(near(burnRate(0.05, 0.99), 5.0));
        QCOMPARE(burnRate(0.0, 0.999), 0.0);
        // 1 - good/total a hair below zero when all were good: no burn, not a negative one.
        QCOMPARE(burnRate(-1e-12, 0.999), 0.0);
    }

    void objectiveOfOneHundredPercent()
    {
        // No budget at all: any error burns infinitely fast, no error burns nothing.
        QCOMPARE(burnRate(0.0, 1.0), 0.0);
        QCOMPARE(burnRate(0.001, 1.0), Inf);
        QVERIFY(burnRateFires(Inf, Inf, 14.4));
        const ErrorBudget clean = errorBudget(1.0, 30 * DayMs, 0.0);
        QCOMPARE(clean.allowed, 0.0);
        QCOMPARE(clean.totalMs, qint64(0));
        QCOMPARE(clean.remaining, 1.0);
        QCOMPARE(clean.remainingMs, std::optional<qint64>(0));
        const ErrorBudget spent = errorBudget(1.0, 30 * DayMs, 0.01);
        QCOMPARE(spent.consumed, Inf);
        QVERIFY(std::isinf(spent.remaining) && spent.remaining < 0);
        QCOMPARE(spent.remainingMs, std::nullopt);
        QCOMPARE(timeToExhaustionMs(spent, 30 * DayMs, Inf), std::optional<qint64>(0)); // already gone
        SloDefinition perfect = goodTotal(QStringLiteral("a"), QStringLiteral("b"));
        perfect.objective = 1.0;
        QVERIFY(validateSlo(perfect).join(u' ').contains(QStringLiteral("below 100 %")));
    }

    void noTrafficIsNaN()
    {
        // sum(rate(...)) of zero requests: 0/0 in PromQL, NaN here; it never fires and has no budget figure.
        QVERIFY(std::isnan(burnRate(NaN, 0.999)));
        QVERIFY(!burnRateFires(NaN, 20.0, 14.4));
        QVERIFY(!burnRateFires(20.0, NaN, 14.4));
        const ErrorBudget budget = errorBudget(0.999, 30 * DayMs, NaN);
        QVERIFY(std::isnan(budget.consumed));
        QVERIFY(std::isnan(budget.remaining));
        QCOMPARE(budget.totalMs, qint64(2592000)); // the budget itself is still known: 43.2 min
        QCOMPARE(budget.remainingMs, std::nullopt);
        QCOMPARE(timeToExhaustionMs(budget, 30 * DayMs, 2.0), std::nullopt);
        const auto rows = burnRateTable(0.999, 30 * DayMs, [](qint64) { return NaN; });
        for (const BurnRateRow& row : rows) {
            QVERIFY(!row.firing);
            QVERIFY(std::isnan(row.longBurnRate));
        }
    }

    void rowFiresOnlyWhenBothWindowsBurnAboveTheFactor()
    {
        // Objective 99.9 %. Per window (hand-made): 5m 1.5 %, 1h 1.5 %, 30m 0.2 %, 6h 0.7 %, 2h 0.4 %,
        // 1d 0.35 %, 3d 0.12 %. Burn rates: 15, 15 | 7, 2 | 3.5, 4 | 1.2, 7.
        const QHash<qint64, double> ratios {
            { 5 * MinuteMs, 0.015 },
            { HourMs, 0.015 },
            { 30 * MinuteMs, 0.002 },
            { 6 * HourMs, 0.007 },
            { 2 * HourMs, 0.004 },
            { DayMs, 0.0035 },
            { 3 * DayMs, 0.0012 },
        };
        const auto rows = burnRateTable(0.999, 30 * DayMs, [&ratios](qint64 w) { return ratios.value(w, NaN); });
        QVERIFY(near(rows[0].longBurnRate, 15.0) && near(rows[0].shortBurnRate, 15.0));
        QVERIFY(rows[0].firing); // 15 > 14.4 on both: page
        QVERIFY(near(rows[1].longBurnRate, 7.0) && near(rows[1].shortBurnRate, 2.0));
        QVERIFY(!rows[1].firing); // 6h burns at 7 > 6 but the last 30m only at 2: already recovering
        QVERIFY(near(rows[2].longBurnRate, 3.5) && near(rows[2].shortBurnRate, 4.0));
        QVERIFY(rows[2].firing);
        QVERIFY(near(rows[3].longBurnRate, 1.2) && near(rows[3].shortBurnRate, 7.0));
        QVERIFY(rows[3].firing);
        QCOMPARE(rows[0].longErrorRatio, 0.015);
        QCOMPARE(rows[3].shortErrorRatio, 0.007);
    }

    void thresholdIsStrict()
    {
        // 1.44 % at 99.9 % is 14.4x: on the threshold, which the workbook's `>` does not count. Just above fires.
        QVERIFY(near(burnRate(0.0144, 0.999), 14.4));
        QVERIFY(!burnRateFires(14.4, 14.4, 14.4));
        QVERIFY(burnRateFires(burnRate(0.0145, 0.999), burnRate(0.0145, 0.999), 14.4));
        QVERIFY(!burnRateFires(burnRate(0.0143, 0.999), burnRate(0.05, 0.999), 14.4));
    }

    void budgetConsumedPerRowMatchesTheWorkbook()
    {
        // Workbook: 2 %, 5 %, 10 %, 10 % of a 30-day budget.
        const auto rows = burnRateTable(0.999, 30 * DayMs, [](qint64) { return 0.0; });
        QVERIFY(near(rows[0].budgetConsumed, 0.02));
        QVERIFY(near(rows[1].budgetConsumed, 0.05));
        QVERIFY(near(rows[2].budgetConsumed, 0.10));
        QVERIFY(near(rows[3].budgetConsumed, 0.10));
        // Over 28 days the same burn uses a bigger share: 14.4 × 1h / 672h.
        QVERIFY(near(budgetConsumedBy(14.4, HourMs, 28 * DayMs), 14.4 / 672.0));
        // Burning at 14.4 for 5 hours uses 14.4 × 5 / 720 = 10 % of a 30-day budget; at 1 for 30 days, all of it.
        QVERIFY(near(budgetConsumedBy(14.4, 5 * HourMs, 30 * DayMs), 0.10));
        QVERIFY(near(budgetConsumedBy(1.0, 30 * DayMs, 30 * DayMs), 1.0));
    }

    void errorBudgetAsFractionAndTime()
    {
        // 99.9 % over 30 days: 0.1 % of 30 days = 43.2 minutes of budget. 0.05 % errors over the window used half.
        const ErrorBudget budget = errorBudget(0.999, 30 * DayMs, 0.0005);
        QVERIFY(near(budget.allowed, 0.001));
        QVERIFY(near(budget.consumed, 0.5));
        QVERIFY(near(budget.remaining, 0.5));
        QCOMPARE(budget.totalMs, qint64(43 * MinuteMs + 12 * 1000));
        QCOMPARE(budget.remainingMs, std::optional<qint64>(21 * MinuteMs + 36 * 1000));
        // The other half lasts remaining × window / burn: 0.5 × 30 d / 2 = 7.5 days at a burn rate of 2.
        QCOMPARE(timeToExhaustionMs(budget, 30 * DayMs, 2.0), std::optional<qint64>(7 * DayMs + 12 * HourMs));
        QCOMPARE(timeToExhaustionMs(budget, 30 * DayMs, 0.0), std::nullopt); // not burning: never
        // Overspent: 0.25 % errors against 0.1 % allowed used 250 %, remaining -150 % (-64.8 min).
        const ErrorBudget over = errorBudget(0.999, 30 * DayMs, 0.0025);
        QVERIFY(near(over.consumed, 2.5));
        QVERIFY(near(over.remaining, -1.5));
        QCOMPARE(over.remainingMs, std::optional<qint64>(-(64 * MinuteMs + 48 * 1000)));
        QCOMPARE(timeToExhaustionMs(over, 30 * DayMs, 3.0), std::optional<qint64>(0));
        // 99 % over 7 days: 1.68 hours of budget.
        QCOMPARE(errorBudget(0.99, 7 * DayMs, 0.0).totalMs, qint64(100 * MinuteMs + 48 * 1000));
    }

    void promDurations_data()
    {
        QTest::addColumn<qint64>("ms");
        QTest::addColumn<QString>("text");
        QTest::newRow("five_minutes") << 5 * MinuteMs << QStringLiteral("5m");
        QTest::newRow("thirty_minutes") << 30 * MinuteMs << QStringLiteral("30m");
        QTest::newRow("hour") << HourMs << QStringLiteral("1h");
        QTest::newRow("ninety_minutes") << 90 * MinuteMs << QStringLiteral("90m");
        QTest::newRow("day") << DayMs << QStringLiteral("1d");
        QTest::newRow("week_in_days") << 7 * DayMs << QStringLiteral("7d");
        QTest::newRow("thirty_days") << 30 * DayMs << QStringLiteral("30d");
        QTest::newRow("ninety_seconds") << qint64(90000) << QStringLiteral("90s");
        QTest::newRow("milliseconds") << qint64(1500) << QStringLiteral("1500ms");
    }

    void promDurations()
    {
        QFETCH(qint64, ms);
        QFETCH(QString, text);
        QCOMPARE(promDuration(ms), text);
        QCOMPARE(parsePromDuration(text), std::optional<qint64>(ms));
    }

    void parsesCompoundDurations()
    {
        QCOMPARE(parsePromDuration(u"1h30m"), std::optional<qint64>(90 * MinuteMs));
        QCOMPARE(parsePromDuration(u"2w"), std::optional<qint64>(14 * DayMs));
        QCOMPARE(parsePromDuration(u"1y"), std::optional<qint64>(365 * DayMs));
        QCOMPARE(parsePromDuration(u" 28d "), std::optional<qint64>(28 * DayMs));
        QCOMPARE(parsePromDuration(u""), std::nullopt);
        QCOMPARE(parsePromDuration(u"5"), std::nullopt);
        QCOMPARE(parsePromDuration(u"5x"), std::nullopt);
        QCOMPARE(parsePromDuration(u"h"), std::nullopt);
    }

    void goodTotalQueries()
    {
        const SloDefinition slo
            = goodTotal(QStringLiteral("http_requests_total{code!~\"5..\"}"), QStringLiteral(" http_requests_total "));
        QCOMPARE(errorRatioQuery(slo, HourMs),
            QStringLiteral("1 - (sum(rate(http_requests_total{code!~\"5..\"}[1h])) / "
                           "sum(rate(http_requests_total[1h])))"));
        QCOMPARE(sliQuery(slo, 5 * MinuteMs),
            QStringLiteral("sum(rate(http_requests_total{code!~\"5..\"}[5m])) / sum(rate(http_requests_total[5m]))"));
    }

    void goodTotalExpressionsWithThePlaceholder()
    {
        const SloDefinition slo
            = goodTotal(QStringLiteral("sum(rate(a_total[$__window])) + sum(rate(b_total[$__window]))"),
                QStringLiteral("sum(rate(requests_total[$__window]))"));
        QCOMPARE(errorRatioQuery(slo, 30 * MinuteMs),
            QStringLiteral("1 - ((sum(rate(a_total[30m])) + sum(rate(b_total[30m]))) / "
                           "(sum(rate(requests_total[30m]))))"));
    }

    void errorRatioQueryReplacesEveryPlaceholder()
    {
        const SloDefinition slo = errorRatio(QStringLiteral(
            "sum(rate(http_requests_total{code=~\"5..\"}[$__window])) / sum(rate(http_requests_total[$__window]))"));
        QCOMPARE(errorRatioQuery(slo, 6 * HourMs),
            QStringLiteral("sum(rate(http_requests_total{code=~\"5..\"}[6h])) / sum(rate(http_requests_total[6h]))"));
        QCOMPARE(sliQuery(slo, 3 * DayMs),
            QStringLiteral(
                "1 - (sum(rate(http_requests_total{code=~\"5..\"}[3d])) / sum(rate(http_requests_total[3d])))"));
    }

    void validation_data()
    {
        QTest::addColumn<SloDefinition>("slo");
        QTest::addColumn<QString>("problem"); // empty: valid

        QTest::newRow("valid_good_total")
            << goodTotal(QStringLiteral("req_total{code!~\"5..\"}"), QStringLiteral("req_total")) << QString();
        QTest::newRow("valid_selector_without_name")
            << goodTotal(QStringLiteral("{__name__=\"req_total\", code=\"200\"}"), QStringLiteral("req_total"))
            << QString();
        QTest::newRow("valid_error_ratio")
            << errorRatio(QStringLiteral("sum(rate(err_total[$__window])) / sum(rate(req_total[$__window]))"))
            << QString();
        SloDefinition unnamed = goodTotal(QStringLiteral("a"), QStringLiteral("b"));
        unnamed.name = QStringLiteral("  ");
        QTest::newRow("no_name") << unnamed << QStringLiteral("Give the SLO a name.");
        SloDefinition zero = goodTotal(QStringLiteral("a"), QStringLiteral("b"));
        zero.objective = 0;
        QTest::newRow("objective_zero") << zero << QStringLiteral("above 0 %");
        SloDefinition shortWindow = goodTotal(QStringLiteral("a"), QStringLiteral("b"));
        shortWindow.windowMs = 30 * MinuteMs;
        QTest::newRow("window_too_short") << shortWindow << QStringLiteral("between 1 hour and 365 days");
        QTest::newRow("good_missing") << goodTotal(QString(), QStringLiteral("b"))
                                      << QStringLiteral("The good-events query is empty.");
        QTest::newRow("total_is_an_expression_without_placeholder") << goodTotal(QStringLiteral("a"),
            QStringLiteral("sum(rate(b[5m]))")) << QStringLiteral("The total-events query must be a counter selector");
        QTest::newRow("two_selectors_are_no_selector") << goodTotal(QStringLiteral("a{x=\"1\"} / b{y=\"2\"}"),
            QStringLiteral("b")) << QStringLiteral("The good-events query must be a counter selector");
        QTest::newRow("braces_in_a_label_value_are_fine")
            << goodTotal(QStringLiteral("a{path=\"/x/{id}\"}"), QStringLiteral("b")) << QString();
        QTest::newRow("unbalanced") << goodTotal(QStringLiteral("sum(rate(a[$__window])"), QStringLiteral("b"))
                                    << QStringLiteral("The good-events query has unbalanced brackets or quotes.");
        QTest::newRow("unterminated_string") << goodTotal(QStringLiteral("a{code=\"5}"), QStringLiteral("b"))
                                             << QStringLiteral("unbalanced brackets or quotes");
        QTest::newRow("error_ratio_without_placeholder")
            << errorRatio(QStringLiteral("sum(rate(err_total[5m])) / sum(rate(req_total[5m]))"))
            << QStringLiteral("The error-ratio query needs $__window where the range goes");
        SloDefinition both = errorRatio(QStringLiteral("x[$__window]"));
        both.goodQuery = QStringLiteral("a");
        QTest::newRow("both_forms") << both << QStringLiteral("not both");
    }

    void validation()
    {
        QFETCH(SloDefinition, slo);
        QFETCH(QString, problem);
        const QStringList problems = validateSlo(slo);
        if (problem.isEmpty()) {
            QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
        } else {
            QCOMPARE(problems.size(), 1);
            QVERIFY2(problems.first().contains(problem), qPrintable(problems.first()));
        }
    }

    void objectivesAreShownWithTheDigitsTheyHave()
    {
        QCOMPARE(formatObjective(0.999), QStringLiteral("99.9 %"));
        QCOMPARE(formatObjective(0.9999), QStringLiteral("99.99 %"));
        QCOMPARE(formatObjective(0.95), QStringLiteral("95 %"));
        QCOMPARE(formatObjective(0.99995), QStringLiteral("99.995 %"));
    }
};

QTEST_GUILESS_MAIN(TestSlo)
#include "tst_slo.moc"
