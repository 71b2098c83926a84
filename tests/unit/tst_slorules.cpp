// The exported SLO rules: names and alert expressions as specified, a file `promtool check rules` accepts,
// and alerts that fire as the workbook says when `promtool test rules` feeds them a known error ratio.

#include "analysis/slorules.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace firebreak;
using namespace firebreak::analysis;

namespace {

constexpr qint64 MinuteMs = 60 * 1000;
constexpr qint64 DayMs = 24 * 60 * MinuteMs;
constexpr int PromtoolTimeoutMs = 60000;

const QString Promtool = qEnvironmentVariable("PROMTOOL", QStringLiteral("/usr/bin/promtool"));

SloDefinition checkout()
{
    SloDefinition slo;
    slo.name = QStringLiteral("Checkout availability");
    slo.service = QStringLiteral("checkout");
    slo.goodQuery = QStringLiteral("http_requests_total{code!~\"5..\"}");
    slo.totalQuery = QStringLiteral("http_requests_total");
    slo.objective = 0.999;
    slo.windowMs = 30 * DayMs;
    return slo;
}

struct Run
{
    int exitCode = -1;
    QString output;
};

Run runPromtool(const QStringList& arguments, const QString& workDir)
{
    QProcess process;
    process.setWorkingDirectory(workDir);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(Promtool, arguments);
    Run run;
    if (!process.waitForStarted(PromtoolTimeoutMs)) {
        run.output = QStringLiteral("promtool did not start: ") + process.errorString();
        return run;
    }
    if (!process.waitForFinished(PromtoolTimeoutMs)) {
        process.kill();
        process.waitForFinished(5000);
        run.output = QStringLiteral("promtool did not finish within %1 ms").arg(PromtoolTimeoutMs);
        return run;
    }
    run.output = QString::fromUtf8(process.readAll());
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    return run;
}

bool writeFile(const QString& path, const QString& text)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(text.toUtf8()) >= 0;
}

} // namespace

class TestSloRules : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(QFile::exists(Promtool),
            "promtool not found: it comes with Debian's 'prometheus' package (scripts/setup installs it)");
    }

    void namesAndMatchers()
    {
        QCOMPARE(sloRecordingRuleName(5 * MinuteMs), QStringLiteral("slo:sli_error:ratio_rate5m"));
        QCOMPARE(sloRecordingRuleName(3 * DayMs), QStringLiteral("slo:sli_error:ratio_rate3d"));
        QCOMPARE(sloSeriesMatchers(checkout()), QStringLiteral("slo=\"Checkout availability\", service=\"checkout\""));
        SloDefinition quoted = checkout();
        quoted.name = QStringLiteral("say \"hi\" \\o/");
        quoted.service.clear();
        QCOMPARE(sloSeriesMatchers(quoted), QStringLiteral("slo=\"say \\\"hi\\\" \\\\o/\""));
        QCOMPARE(ruleNumber(1.0 - 0.999), QStringLiteral("0.001"));
        QCOMPARE(ruleNumber(14.4), QStringLiteral("14.4"));
        QCOMPARE(ruleNumber(1.0 - 0.9995), QStringLiteral("0.0005"));
    }

    void alertExpressions()
    {
        const auto& table = multiWindowBurnRates();
        const SloDefinition slo = checkout();
        QCOMPARE(sloAlertExpression(slo, table[0]),
            QStringLiteral(
                "slo:sli_error:ratio_rate1h{slo=\"Checkout availability\", service=\"checkout\"} > (14.4 * 0.001)\n"
                "and\n"
                "slo:sli_error:ratio_rate5m{slo=\"Checkout availability\", service=\"checkout\"} > (14.4 * 0.001)"));
        QCOMPARE(sloAlertExpression(slo, table[1]),
            QStringLiteral(
                "slo:sli_error:ratio_rate6h{slo=\"Checkout availability\", service=\"checkout\"} > (6 * 0.001)\n"
                "and\n"
                "slo:sli_error:ratio_rate30m{slo=\"Checkout availability\", service=\"checkout\"} > (6 * 0.001)"));
        QCOMPARE(sloAlertExpression(slo, table[2]),
            QStringLiteral(
                "slo:sli_error:ratio_rate1d{slo=\"Checkout availability\", service=\"checkout\"} > (3 * 0.001)\n"
                "and\n"
                "slo:sli_error:ratio_rate2h{slo=\"Checkout availability\", service=\"checkout\"} > (3 * 0.001)"));
        QCOMPARE(sloAlertExpression(slo, table[3]),
            QStringLiteral(
                "slo:sli_error:ratio_rate3d{slo=\"Checkout availability\", service=\"checkout\"} > (1 * 0.001)\n"
                "and\n"
                "slo:sli_error:ratio_rate6h{slo=\"Checkout availability\", service=\"checkout\"} > (1 * 0.001)"));
    }

    void yamlHasTheRecordingRulesAndTheFourAlerts()
    {
        const QString yaml = sloRulesYaml({ checkout() });
        for (const QString& window :
            { QStringLiteral("5m"), QStringLiteral("30m"), QStringLiteral("1h"), QStringLiteral("2h"),
                QStringLiteral("6h"), QStringLiteral("1d"), QStringLiteral("3d"), QStringLiteral("30d") })
            QVERIFY2(yaml.contains(QStringLiteral("- record: slo:sli_error:ratio_rate") + window + u'\n'),
                qPrintable(window));
        QVERIFY(yaml.contains(QStringLiteral("        expr: |-\n"
                                             "          1 - (sum(rate(http_requests_total{code!~\"5..\"}[5m])) / "
                                             "sum(rate(http_requests_total[5m])))\n")));
        QCOMPARE(yaml.count(QStringLiteral("- alert: SLOErrorBudgetBurn\n")), 4);
        QCOMPARE(yaml.count(QStringLiteral("severity: page\n")), 2);
        QCOMPARE(yaml.count(QStringLiteral("severity: ticket\n")), 2);
        for (const QString& forLine : { QStringLiteral("for: 2m\n"), QStringLiteral("for: 15m\n"),
                 QStringLiteral("for: 1h\n"), QStringLiteral("for: 3h\n") })
            QCOMPARE(yaml.count(forLine), 1);
    }

    void promtoolAcceptsTheRules()
    {
        SloDefinition odd; // quotes, a backslash, a colon and a newline-free multi-line query
        odd.name = QStringLiteral("Search: \"fast\" \\ results");
        odd.errorRatioQuery = QStringLiteral("sum(rate(search_errors_total[$__window]))\n"
                                             "  /\nsum(rate(search_requests_total{path=~\"/api/.*\"}[$__window]))");
        odd.objective = 0.995;
        odd.windowMs = 7 * DayMs;
        SloDefinition sameName = checkout(); // a second group of the same name and service
        sameName.windowMs = DayMs;
        const QString path = m_dir.filePath(QStringLiteral("slo-rules.yml"));
        QVERIFY(writeFile(path, sloRulesYaml({ checkout(), odd, sameName })));
        // --lint-fatal: duplicate rules (two SLOs recording the same series) fail the check too.
        const Run run = runPromtool(
            { QStringLiteral("check"), QStringLiteral("rules"), QStringLiteral("--lint-fatal"), path }, m_dir.path());
        QVERIFY2(run.exitCode == 0, qPrintable(run.output));
        const QString yaml = sloRulesYaml({ checkout(), odd, sameName });
        QVERIFY(yaml.contains(QStringLiteral("slo: \"Checkout availability #2\"\n")));
        // 8 windows + 4 alerts, 8 + 4, and 7 + 4 (the 1-day window is already the 1d/2h row's).
        QVERIFY2(run.output.contains(QStringLiteral("SUCCESS: 35 rules found")), qPrintable(run.output));
    }

    void promtoolRejectsABrokenQuery()
    {
        // The check above can fail: a query Prometheus cannot parse makes promtool refuse the file.
        SloDefinition broken = checkout();
        broken.goodQuery = QStringLiteral("sum(rate(good_total[$__window])"); // one bracket short
        const QString path = m_dir.filePath(QStringLiteral("broken.yml"));
        QVERIFY(writeFile(path, sloRulesYaml({ broken })));
        const Run run = runPromtool({ QStringLiteral("check"), QStringLiteral("rules"), path }, m_dir.path());
        QVERIFY2(run.exitCode != 0, qPrintable(run.output));
    }

    void alertsFireOnAKnownErrorRatio()
    {
        // 985 good and 15 bad requests a minute: an error ratio of 1.5 %, burning a 99.9 % budget 15 times as
        // fast as allowed, over every window. After 70 minutes: 1h/5m (> 14.4, for 2m) and 6h/30m (> 6, for 15m)
        // page, 1d/2h (> 3, for 1h) tickets, 3d/6h (> 1) is still pending (for 3h) so not listed.
        QVERIFY(writeFile(m_dir.filePath(QStringLiteral("rules.yml")), sloRulesYaml({ checkout() })));
        const auto alert = [](const QString& severity, const QString& longWindow, const QString& shortWindow,
                               const QString& factor, const QString& threshold, const QString& consumed) {
            return QStringLiteral(
                "          - exp_labels:\n"
                "              alertname: SLOErrorBudgetBurn\n"
                "              slo: Checkout availability\n"
                "              service: checkout\n"
                "              severity: %1\n"
                "              long_window: %2\n"
                "              short_window: %3\n"
                "            exp_annotations:\n"
                "              summary: \"SLO Checkout availability (checkout): error budget burning over %4x as fast "
                "as allowed\"\n"
                "              description: \"Error ratio 1.5% over %2, and above %5 over %3 too (objective 99.9 % "
                "over 30d). At this rate %6 of the error budget is gone in %2.\"\n")
                .arg(severity, longWindow, shortWindow, factor, threshold, consumed);
        };
        const QString tests = QStringLiteral("rule_files:\n"
                                             "  - rules.yml\n"
                                             "evaluation_interval: 1m\n"
                                             "tests:\n"
                                             "  - interval: 1m\n"
                                             "    input_series:\n"
                                             "      - series: 'http_requests_total{code=\"200\"}'\n"
                                             "        values: '0+985x100'\n"
                                             "      - series: 'http_requests_total{code=\"500\"}'\n"
                                             "        values: '0+15x100'\n"
                                             "    alert_rule_test:\n"
                                             "      - eval_time: 70m\n"
                                             "        alertname: SLOErrorBudgetBurn\n"
                                             "        exp_alerts:\n")
            + alert(QStringLiteral("page"), QStringLiteral("1h"), QStringLiteral("5m"), QStringLiteral("14.4"),
                QStringLiteral("1.44%"), QStringLiteral("2%"))
            + alert(QStringLiteral("page"), QStringLiteral("6h"), QStringLiteral("30m"), QStringLiteral("6"),
                QStringLiteral("0.6%"), QStringLiteral("5%"))
            + alert(QStringLiteral("ticket"), QStringLiteral("1d"), QStringLiteral("2h"), QStringLiteral("3"),
                QStringLiteral("0.3%"), QStringLiteral("10%"))
            // Before the first minute passes nothing can fire: rate() needs two samples.
            + QStringLiteral("      - eval_time: 0m\n"
                             "        alertname: SLOErrorBudgetBurn\n"
                             "        exp_alerts: []\n");
        const QString path = m_dir.filePath(QStringLiteral("slo-tests.yml"));
        QVERIFY(writeFile(path, tests));
        const Run run = runPromtool({ QStringLiteral("test"), QStringLiteral("rules"), path }, m_dir.path());
        QVERIFY2(run.exitCode == 0, qPrintable(run.output));
        QVERIFY2(run.output.contains(QStringLiteral("SUCCESS")), qPrintable(run.output));
    }
};

QTEST_GUILESS_MAIN(TestSloRules)
#include "tst_slorules.moc"
