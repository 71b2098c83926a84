#include "clirun.h"
#include "prometheusurl.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace firebreak::test;

/// `firebreak-cli prom query` against the real Prometheus of the CTest fixture, serving
/// tests/data/prometheus/fixture.om (see make-fixture.py for its values).
class TestCliProm : public QObject
{
    Q_OBJECT

private:
    QString m_url;

    CliRun prom(QStringList arguments, bool json = false)
    {
        arguments.prepend(QStringLiteral("query"));
        arguments.prepend(QStringLiteral("prom"));
        if (json)
            arguments.prepend(QStringLiteral("--json"));
        return runCli(arguments);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_url = prometheusUrl();
        QVERIFY2(!m_url.isEmpty(), NoPrometheusMessage);
    }

    void instantText()
    {
        const CliRun run = prom({ QStringLiteral("--url"), m_url, QStringLiteral("fb_queue_depth"),
            QStringLiteral("--end"), QStringLiteral("2026-11-24T10:00:00Z") });
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        QVERIFY(run.err.isEmpty());
        QCOMPARE(run.outLines(),
            (QStringList { QStringLiteral("fb_queue_depth{service=\"checkout\"} 117"),
                QStringLiteral("fb_queue_depth{service=\"payment\"} 7.5") }));
    }

    void instantRateText()
    {
        const CliRun run = prom(
            { QStringLiteral("--url"), m_url, QStringLiteral("sum by (service) (rate(fb_http_requests_total[5m]))"),
                QStringLiteral("--end"), QStringLiteral("1795510800") });
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        QCOMPARE(run.outLines(),
            (QStringList { QStringLiteral("{service=\"checkout\"} 2.2"), QStringLiteral("{service=\"payment\"} 1") }));
    }

    void scalarAndSpecialValues()
    {
        CliRun run = prom({ QStringLiteral("--url"), m_url, QStringLiteral("scalar(fb_queue_depth)"),
            QStringLiteral("--end"), QStringLiteral("1795514400") });
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        QCOMPARE(run.outLines(), QStringList { QStringLiteral("NaN") });
        // An expression starting with '-' comes after "--", as usual for command lines.
        run = prom({ QStringLiteral("--url"), m_url, QStringLiteral("--"), QStringLiteral("-vector(1)/0") }, true);
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        const QJsonArray sample = run.json()[QLatin1String("series")][0][QLatin1String("samples")][0].toArray();
        QCOMPARE(sample.at(1).toString(), QStringLiteral("-Inf"));
    }

    void rangeText()
    {
        const CliRun run
            = prom({ QStringLiteral("--url"), m_url, QStringLiteral("fb_queue_depth{service=\"checkout\"}"),
                QStringLiteral("--start"), QStringLiteral("2026-11-24T09:58:00Z"), QStringLiteral("--end"),
                QStringLiteral("2026-11-24T10:00:00Z"), QStringLiteral("--step"), QStringLiteral("1m") });
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        // k = 712, 716, 720: 100 + k % 37
        QCOMPARE(run.outLines(),
            (QStringList { QStringLiteral("fb_queue_depth{service=\"checkout\"}"),
                QStringLiteral("  2026-11-24T09:58:00Z 109"), QStringLiteral("  2026-11-24T09:59:00Z 113"),
                QStringLiteral("  2026-11-24T10:00:00Z 117") }));
    }

    void rangeJson()
    {
        const CliRun run = prom({ QStringLiteral("--url"), m_url,
                                    QStringLiteral("histogram_quantile(0.9, sum by (le) "
                                                   "(rate(fb_request_duration_seconds_bucket[5m])))"),
                                    QStringLiteral("--start"), QStringLiteral("1795510800"), QStringLiteral("--end"),
                                    QStringLiteral("1795514400"), QStringLiteral("--step"), QStringLiteral("30") },
            true);
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        const QJsonObject doc = run.json();
        QCOMPARE(doc[QLatin1String("result_type")].toString(), QStringLiteral("matrix"));
        QCOMPARE(doc[QLatin1String("warnings")].toArray().size(), 0);
        const QJsonArray series = doc[QLatin1String("series")].toArray();
        QCOMPARE(series.size(), 1);
        QCOMPARE(series[0][QLatin1String("labels")].toObject().size(), 0);
        const QJsonArray samples = series[0][QLatin1String("samples")].toArray();
        QCOMPARE(samples.size(), 121);
        QCOMPARE(samples.first().toArray().at(0).toInteger(), 1795510800);
        QCOMPARE(samples.last().toArray().at(0).toInteger(), 1795514400);
        for (const auto& sample : samples)
            QCOMPARE(sample.toArray().at(1).toDouble(), 0.46875);
    }

    void instantJsonWithLabels()
    {
        const CliRun run = prom({ QStringLiteral("--url"), m_url, QStringLiteral("fb_http_requests_total"),
                                    QStringLiteral("--end"), QStringLiteral("2026-11-24T10:00:00.5Z") },
            true);
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        const QJsonArray series = run.json()[QLatin1String("series")].toArray();
        QCOMPARE(series.size(), 3);
        for (const auto& s : series) {
            const QJsonObject labels = s[QLatin1String("labels")].toObject();
            QCOMPARE(labels[QLatin1String("__name__")].toString(), QStringLiteral("fb_http_requests_total"));
            const QJsonArray sample = s[QLatin1String("samples")][0].toArray();
            QCOMPARE(sample.at(0).toDouble(), 1795514400.5);
            const QString key
                = labels[QLatin1String("service")].toString() + u'/' + labels[QLatin1String("code")].toString();
            const double expected = key == QLatin1String("checkout/200") ? 1000 + 30 * 720
                : key == QLatin1String("checkout/500")                   ? 3 * 720
                                                                         : 15 * 720;
            QCOMPARE(sample.at(1).toDouble(), expected);
        }
    }

    void badExpressionFails()
    {
        const CliRun run = prom({ QStringLiteral("--url"), m_url, QStringLiteral("sum(") });
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.out.isEmpty());
        QCOMPARE(run.errLines().size(), 1);
        QVERIFY2(
            run.err.startsWith(
                QStringLiteral("firebreak-cli: Prometheus at %1/api/v1/query answered 400: bad_data: ").arg(m_url)),
            qPrintable(run.err));
    }

    void unreachableFails()
    {
        const CliRun run
            = prom({ QStringLiteral("--url"), QStringLiteral("http://127.0.0.1:1"), QStringLiteral("up") });
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.errLines().size(), 1);
        QVERIFY2(run.err.startsWith(QStringLiteral("firebreak-cli: Prometheus")), qPrintable(run.err));
    }

    void badUsage_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        const QString url = QStringLiteral("http://127.0.0.1:9");
        QTest::newRow("no_url") << QStringList { QStringLiteral("up") } << QStringLiteral("--url is required");
        QTest::newRow("no_expression") << QStringList { QStringLiteral("--url"), url }
                                       << QStringLiteral("give exactly one PromQL expression");
        QTest::newRow("two_expressions") << QStringList { QStringLiteral("--url"), url, QStringLiteral("a"),
            QStringLiteral("b") } << QStringLiteral("give exactly one PromQL expression");
        QTest::newRow("bad_start") << QStringList { QStringLiteral("--url"), url, QStringLiteral("up"),
            QStringLiteral("--start"), QStringLiteral("yesterday") }
                                   << QStringLiteral("--start 'yesterday' is not a time");
        QTest::newRow("bad_step") << QStringList { QStringLiteral("--url"), url, QStringLiteral("up"),
            QStringLiteral("--start"), QStringLiteral("now-1h"), QStringLiteral("--step"), QStringLiteral("0") }
                                  << QStringLiteral("--step '0' is not a step");
        QTest::newRow("step_without_start") << QStringList { QStringLiteral("--url"), url, QStringLiteral("up"),
            QStringLiteral("--step"), QStringLiteral("15") }
                                            << QStringLiteral("--step needs --start");
        QTest::newRow("end_before_start") << QStringList { QStringLiteral("--url"), url, QStringLiteral("up"),
            QStringLiteral("--start"), QStringLiteral("now"), QStringLiteral("--end"), QStringLiteral("now-1h") }
                                          << QStringLiteral("--end is before --start");
        QTest::newRow("too_many_points") << QStringList { QStringLiteral("--url"), url, QStringLiteral("up"),
            QStringLiteral("--start"), QStringLiteral("now-30d"), QStringLiteral("--step"), QStringLiteral("1s") }
                                         << QStringLiteral("2592001 points per series is too many");
        QTest::newRow("unknown_option") << QStringList { QStringLiteral("--url"), url, QStringLiteral("up"),
            QStringLiteral("--limit"), QStringLiteral("5") }
                                        << QStringLiteral("Unknown option 'limit'");
    }

    void badUsage()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const CliRun run = prom(arguments);
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.out.isEmpty());
        QCOMPARE(run.errLines().size(), 1);
        QVERIFY2(run.err.startsWith(QStringLiteral("firebreak-cli: ") + message), qPrintable(run.err));
    }

    void listedInHelp()
    {
        const CliRun run = runCli({ QStringLiteral("--help") });
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains(QStringLiteral("prom query --url URL EXPR [--start T --end T --step S] [--json]")));
    }
};

QTEST_GUILESS_MAIN(TestCliProm)

#include "tst_cliprom.moc"
