#include "analysis/legendformat.h"
#include "analysis/valueunits.h"

#include <QRandomGenerator>
#include <QTest>

#include <cmath>
#include <limits>

using namespace firebreak::analysis;

Q_DECLARE_METATYPE(firebreak::analysis::ValueUnit)

namespace {
constexpr double Inf = std::numeric_limits<double>::infinity();
constexpr double NaN = std::numeric_limits<double>::quiet_NaN();
const QString Minus = QString(QChar(0x2212));
constexpr double KiB = 1024.0;
constexpr double MiB = 1024.0 * 1024;
constexpr double GiB = 1024.0 * 1024 * 1024;

QMap<QString, QString> labels(std::initializer_list<std::pair<const char*, const char*>> pairs)
{
    QMap<QString, QString> map;
    for (const auto& [k, v] : pairs)
        map.insert(QString::fromUtf8(k), QString::fromUtf8(v));
    return map;
}
} // namespace

class TestMetricsFormat : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void formatValue_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<ValueUnit>("unit");
        QTest::addColumn<int>("significant");
        QTest::addColumn<QString>("expected");

        QTest::newRow("ms") << 0.0015 << ValueUnit::Seconds << 3 << QStringLiteral("1.5 ms");
        QTest::newRow("µs") << 0.0000123 << ValueUnit::Seconds << 3 << QStringLiteral("12.3 \u00b5s");
        QTest::newRow("ns") << 5e-8 << ValueUnit::Seconds << 3 << QStringLiteral("50 ns");
        QTest::newRow("ms rounds up to s") << 0.9996 << ValueUnit::Seconds << 3 << QStringLiteral("1 s");
        QTest::newRow("s rounds up to min") << 59.99 << ValueUnit::Seconds << 3 << QStringLiteral("1 min");
        QTest::newRow("min") << 90.0 << ValueUnit::Seconds << 3 << QStringLiteral("1.5 min");
        QTest::newRow("h") << 7200.0 << ValueUnit::Seconds << 3 << QStringLiteral("2 h");
        QTest::newRow("d") << 3 * 86400.0 << ValueUnit::Seconds << 3 << QStringLiteral("3 d");
        QTest::newRow("zero seconds") << 0.0 << ValueUnit::Seconds << 3 << QStringLiteral("0 s");
        QTest::newRow("negative ms") << -0.0015 << ValueUnit::Seconds << 3 << Minus + QStringLiteral("1.5 ms");
        QTest::newRow("GiB") << 2.3 * GiB << ValueUnit::Bytes << 3 << QStringLiteral("2.3 GiB");
        QTest::newRow("KiB") << 1.5 * KiB << ValueUnit::Bytes << 3 << QStringLiteral("1.5 KiB");
        QTest::newRow("bytes") << 512.0 << ValueUnit::Bytes << 3 << QStringLiteral("512 B");
        QTest::newRow("zero bytes") << 0.0 << ValueUnit::Bytes << 3 << QStringLiteral("0 B");
        QTest::newRow("below a GiB stays MiB") << 1023.9 * MiB << ValueUnit::Bytes << 3 << QStringLiteral("1020 MiB");
        QTest::newRow("B/s") << 850.0 << ValueUnit::BytesPerSecond << 3 << QStringLiteral("850 B/s");
        QTest::newRow("MiB/s") << 12.5 * MiB << ValueUnit::BytesPerSecond << 3 << QStringLiteral("12.5 MiB/s");
        QTest::newRow("ratio") << 0.999 << ValueUnit::Ratio << 3 << QStringLiteral("99.9 %");
        QTest::newRow("ratio zero") << 0.0 << ValueUnit::Ratio << 3 << QStringLiteral("0 %");
        QTest::newRow("percent") << 42.0 << ValueUnit::Percent << 3 << QStringLiteral("42 %");
        QTest::newRow("percent not rounded to 100") << 99.96 << ValueUnit::Percent << 3 << QStringLiteral("99.96 %");
        QTest::newRow("five nines") << 0.999991 << ValueUnit::Ratio << 3 << QStringLiteral("99.999 %");
        QTest::newRow("percent 100") << 100.0 << ValueUnit::Percent << 3 << QStringLiteral("100 %");
        QTest::newRow("req/s k") << 1200.0 << ValueUnit::RequestsPerSecond << 3 << QStringLiteral("1.2k req/s");
        QTest::newRow("req/s small") << 0.25 << ValueUnit::RequestsPerSecond << 3 << QStringLiteral("0.25 req/s");
        QTest::newRow("per second") << 0.25 << ValueUnit::PerSecond << 3 << QStringLiteral("0.25/s");
        QTest::newRow("none M") << 1234567.0 << ValueUnit::None << 3 << QStringLiteral("1.23M");
        QTest::newRow("none k carry") << 999999.0 << ValueUnit::None << 3 << QStringLiteral("1M");
        QTest::newRow("none plain") << 42.0 << ValueUnit::None << 3 << QStringLiteral("42");
        QTest::newRow("none fraction") << 0.5 << ValueUnit::None << 3 << QStringLiteral("0.5");
        QTest::newRow("none tiny") << 0.000012 << ValueUnit::None << 3 << QStringLiteral("1.2e-05");
        QTest::newRow("none zero") << 0.0 << ValueUnit::None << 3 << QStringLiteral("0");
        QTest::newRow("five digits") << 3.14159 << ValueUnit::None << 5 << QStringLiteral("3.1416");
        QTest::newRow("one digit") << 3.14159 << ValueUnit::None << 1 << QStringLiteral("3");
        QTest::newRow("NaN") << NaN << ValueUnit::Seconds << 3 << QStringLiteral("NaN");
        QTest::newRow("+Inf") << Inf << ValueUnit::Bytes << 3 << QStringLiteral("+Inf");
        QTest::newRow("-Inf") << -Inf << ValueUnit::None << 3 << Minus + QStringLiteral("Inf");
    }

    void formatValue()
    {
        QFETCH(double, value);
        QFETCH(ValueUnit, unit);
        QFETCH(int, significant);
        QFETCH(QString, expected);
        QCOMPARE(firebreak::analysis::formatValue(value, unit, significant), expected);
    }

    void niceTicks_data()
    {
        QTest::addColumn<double>("min");
        QTest::addColumn<double>("max");
        QTest::addColumn<int>("maxTicks");
        QTest::addColumn<ValueUnit>("unit");
        QTest::addColumn<QList<double>>("expected");

        QTest::newRow("0..1") << 0.0 << 1.0 << 6 << ValueUnit::None << QList<double> { 0, 0.2, 0.4, 0.6, 0.8, 1.0 };
        QTest::newRow("uneven ends") << 3.0 << 97.0 << 5 << ValueUnit::None << QList<double> { 20, 40, 60, 80 };
        QTest::newRow("negative") << -7.0 << 7.0 << 8 << ValueUnit::None << QList<double> { -6, -4, -2, 0, 2, 4, 6 };
        QTest::newRow("5 minutes of seconds")
            << 0.0 << 300.0 << 6 << ValueUnit::Seconds << QList<double> { 0, 60, 120, 180, 240, 300 };
        QTest::newRow("2 hours of seconds")
            << 0.0 << 7200.0 << 5 << ValueUnit::Seconds << QList<double> { 0, 1800, 3600, 5400, 7200 };
        QTest::newRow("latency in ms") << 0.0 << 0.05 << 6 << ValueUnit::Seconds
                                       << QList<double> { 0, 0.01, 0.02, 0.03, 0.04, 0.05 };
        QTest::newRow("bytes in GiB") << 0.0 << 3 * GiB << 7 << ValueUnit::Bytes
                                      << QList<double> { 0, 0.5 * GiB, GiB, 1.5 * GiB, 2 * GiB, 2.5 * GiB, 3 * GiB };
        QTest::newRow("bytes in MiB") << 0.0 << 900 * MiB << 6 << ValueUnit::Bytes
                                      << QList<double> { 0, 256 * MiB, 512 * MiB, 768 * MiB };
        QTest::newRow("ratio near 1") << 0.99 << 1.0 << 6 << ValueUnit::Ratio
                                      << QList<double> { 0.99, 0.992, 0.994, 0.996, 0.998, 1.0 };
        QTest::newRow("flat") << 5.0 << 5.0 << 6 << ValueUnit::None << QList<double> { 5 };
        QTest::newRow("NaN") << NaN << 1.0 << 6 << ValueUnit::None << QList<double> {};
        QTest::newRow("Inf") << 0.0 << Inf << 6 << ValueUnit::None << QList<double> {};
        QTest::newRow("reversed") << 1.0 << 0.0 << 6 << ValueUnit::None << QList<double> {};
    }

    void niceTicks()
    {
        QFETCH(double, min);
        QFETCH(double, max);
        QFETCH(int, maxTicks);
        QFETCH(ValueUnit, unit);
        QFETCH(QList<double>, expected);
        const QList<double> ticks = firebreak::analysis::niceTicks(min, max, maxTicks, unit);
        QCOMPARE(ticks.size(), expected.size());
        for (qsizetype i = 0; i < ticks.size(); ++i) {
            if (expected[i] == 0)
                QCOMPARE(ticks[i], 0.0); // exactly: never "-0" or 1e-17 on an axis
            else
                QCOMPARE(ticks[i], expected[i]);
        }
    }

    void niceTicksProperties()
    {
        QRandomGenerator random(7);
        const ValueUnit units[] = { ValueUnit::None, ValueUnit::Seconds, ValueUnit::Bytes, ValueUnit::Ratio };
        for (int round = 0; round < 5000; ++round) {
            const double scale = std::pow(10.0, random.bounded(-6, 12));
            const double a = (random.generateDouble() * 2 - 1) * scale;
            const double b = a + random.generateDouble() * scale + scale * 1e-6;
            const int maxTicks = random.bounded(2, 15);
            const ValueUnit unit = units[random.bounded(0, 4)];
            const QList<double> ticks = firebreak::analysis::niceTicks(a, b, maxTicks, unit);
            const double step = niceStep(a, b, maxTicks, unit);
            QVERIFY(step > 0);
            QVERIFY2(ticks.size() <= maxTicks,
                qPrintable(QStringLiteral("%1..%2 max %3: %4 ticks").arg(a).arg(b).arg(maxTicks).arg(ticks.size())));
            QVERIFY(!ticks.isEmpty() || (b - a) < step);
            for (qsizetype i = 0; i < ticks.size(); ++i) {
                QVERIFY(ticks[i] >= a - step * 1e-9 && ticks[i] <= b + step * 1e-9);
                if (i > 0)
                    QVERIFY(std::abs((ticks[i] - ticks[i - 1]) - step) <= step * 1e-6);
            }
        }
    }

    void guessUnit_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<ValueUnit>("expected");

        QTest::newRow("request rate") << QStringLiteral("rate(http_requests_total[5m])")
                                      << ValueUnit::RequestsPerSecond;
        QTest::newRow("counter rate") << QStringLiteral("sum by (job) (irate(foo_events_total{a=\"b\"}[1m]))")
                                      << ValueUnit::PerSecond;
        QTest::newRow("quantile") << QStringLiteral("histogram_quantile(0.99, sum by (le) "
                                                    "(rate(http_request_duration_seconds_bucket{job=\"api\", "
                                                    "code=~\"5..\"}[5m])))")
                                  << ValueUnit::Seconds;
        QTest::newRow("quantile of bytes")
            << QStringLiteral("histogram_quantile(0.5, rate(response_size_bytes_bucket[5m]))") << ValueUnit::Bytes;
        QTest::newRow("mean latency") << QStringLiteral(
            "rate(rpc_duration_seconds_sum[5m]) / rate(rpc_duration_seconds_count[5m])")
                                      << ValueUnit::Seconds;
        QTest::newRow("gauge bytes") << QStringLiteral("node_memory_MemAvailable_bytes{instance=\"a\"}")
                                     << ValueUnit::Bytes;
        QTest::newRow("bytes rescaled") << QStringLiteral("node_filesystem_avail_bytes / 1024 / 1024")
                                        << ValueUnit::Bytes;
        QTest::newRow("byte rate") << QStringLiteral("rate(node_network_receive_bytes_total[5m])")
                                   << ValueUnit::BytesPerSecond;
        QTest::newRow("error ratio") << QStringLiteral("sum(rate(http_requests_total{code=~\"5..\"}[5m])) / "
                                                       "sum(rate(http_requests_total[5m]))")
                                     << ValueUnit::Ratio;
        QTest::newRow("availability") << QStringLiteral("1 - (sum(rate(errors_total[5m])) / sum(rate(req_total[5m])))")
                                      << ValueUnit::Ratio;
        QTest::newRow("percent before") << QStringLiteral(
            "100 * sum(rate(errors_total[5m])) / sum(rate(req_total[5m]))")
                                        << ValueUnit::Percent;
        QTest::newRow("percent after") << QStringLiteral("sum(rate(errors_total[5m])) / sum(rate(req_total[5m])) * 100")
                                       << ValueUnit::Percent;
        QTest::newRow("ratio gauge") << QStringLiteral("cache_hit_ratio") << ValueUnit::Ratio;
        QTest::newRow("percent gauge") << QStringLiteral("avg(cpu_usage_percent)") << ValueUnit::Percent;
        QTest::newRow("cpu seconds counter") << QStringLiteral("process_cpu_seconds_total") << ValueUnit::Seconds;
        QTest::newRow("cpu share") << QStringLiteral("rate(process_cpu_seconds_total[1m])") << ValueUnit::None;
        QTest::newRow("up") << QStringLiteral("up") << ValueUnit::None;
        QTest::newRow("count") << QStringLiteral("count(up_seconds)") << ValueUnit::None;
        QTest::newRow("label text is no metric")
            << QStringLiteral("sum by (job) (up{job=\"x_seconds\"})") << ValueUnit::None;
        QTest::newRow("offset") << QStringLiteral("go_memstats_alloc_bytes offset 1h") << ValueUnit::Bytes;
        QTest::newRow("empty") << QString() << ValueUnit::None;
    }

    void guessUnit()
    {
        QFETCH(QString, query);
        QFETCH(ValueUnit, expected);
        QCOMPARE(firebreak::analysis::guessUnit(query), expected);
    }

    void legend_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("expected");

        QTest::newRow("labels") << QStringLiteral("{{job}} - {{instance}}") << QStringLiteral("api - host:9090");
        QTest::newRow("spaces in braces") << QStringLiteral("{{ job }}") << QStringLiteral("api");
        QTest::newRow("unknown label") << QStringLiteral("[{{missing}}]") << QStringLiteral("[]");
        QTest::newRow("name") << QStringLiteral("{{__name__}}") << QStringLiteral("up");
        QTest::newRow("unterminated") << QStringLiteral("{{job} x") << QStringLiteral("{{job} x");
        QTest::newRow("plain text") << QStringLiteral("total") << QStringLiteral("total");
        QTest::newRow("default") << QString()
                                 << QStringLiteral("up{instance=\"host:9090\", job=\"api\", path=\"a\\\"b\\\\c\\nd\"}");
        QTest::newRow("blank is default") << QStringLiteral(
            "  ") << QStringLiteral("up{instance=\"host:9090\", job=\"api\", path=\"a\\\"b\\\\c\\nd\"}");
    }

    void legend()
    {
        QFETCH(QString, format);
        QFETCH(QString, expected);
        const auto set
            = labels({ { "__name__", "up" }, { "job", "api" }, { "instance", "host:9090" }, { "path", "a\"b\\c\nd" } });
        QCOMPARE(formatLegend(format, set), expected);
    }

    void legendDefaults()
    {
        QCOMPARE(formatLegend({}, labels({ { "__name__", "up" } })), QStringLiteral("up"));
        QCOMPARE(formatLegend({}, {}), QStringLiteral("{}"));
        QCOMPARE(formatLegend({}, labels({ { "job", "api" } })), QStringLiteral("{job=\"api\"}"));
        QCOMPARE(formatLabelSet(labels({ { "__name__", "up" }, { "a", "1" } })), QStringLiteral("{a=\"1\"}"));
    }
};

QTEST_GUILESS_MAIN(TestMetricsFormat)
#include "tst_metricsformat.moc"
