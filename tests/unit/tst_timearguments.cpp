#include "cli/timearguments.h"

#include <QTest>

using namespace firebreak::cli;

namespace {

constexpr qint64 NowMs = 1795514400000; // 2026-11-24T10:00:00Z

} // namespace

class TestTimeArguments : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void time_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<qint64>("ms");
        QTest::newRow("unix_seconds") << QStringLiteral("1795514400") << true << NowMs;
        QTest::newRow("unix_seconds_fraction") << QStringLiteral("1795514400.25") << true << NowMs + 250;
        QTest::newRow("unix_seconds_sub_ms_truncated") << QStringLiteral("1795514400.1239") << true << NowMs + 123;
        QTest::newRow("unix_zero") << QStringLiteral("0") << true << qint64(0);
        QTest::newRow("negative_unix") << QStringLiteral("-1.5") << true << qint64(-1500);
        QTest::newRow("rfc3339_z") << QStringLiteral("2026-11-24T10:00:00Z") << true << NowMs;
        QTest::newRow("rfc3339_lower_z_space") << QStringLiteral("2026-11-24 10:00:00z") << true << NowMs;
        QTest::newRow("rfc3339_offset") << QStringLiteral("2026-11-24T11:30:00+01:30") << true << NowMs;
        QTest::newRow("rfc3339_millis") << QStringLiteral("2026-11-24T10:00:00.5Z") << true << NowMs + 500;
        QTest::newRow("now") << QStringLiteral("now") << true << NowMs;
        QTest::newRow("now_minus_1h") << QStringLiteral("now-1h") << true << NowMs - 3600000;
        QTest::newRow("now_plus_90s") << QStringLiteral("now+90s") << true << NowMs + 90000;
        QTest::newRow("now_minus_1h30m") << QStringLiteral("now-1h30m") << true << NowMs - 5400000;
        QTest::newRow("rfc3339_without_offset") << QStringLiteral("2026-11-24T10:00:00") << false << qint64(0);
        QTest::newRow("date_only") << QStringLiteral("2026-11-24") << false << qint64(0);
        QTest::newRow("invalid_month") << QStringLiteral("2026-13-24T10:00:00Z") << false << qint64(0);
        QTest::newRow("now_minus_nothing") << QStringLiteral("now-") << false << qint64(0);
        QTest::newRow("now_minus_number") << QStringLiteral("now-5") << false << qint64(0);
        QTest::newRow("yesterday") << QStringLiteral("yesterday") << false << qint64(0);
        QTest::newRow("empty") << QString() << false << qint64(0);
        QTest::newRow("too_many_digits") << QStringLiteral("99999999999999999999") << false << qint64(0);
        QTest::newRow("exponent") << QStringLiteral("1e9") << false << qint64(0);
    }

    void time()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QFETCH(qint64, ms);
        const auto parsed = parseTimeMs(text, NowMs);
        QCOMPARE(parsed.has_value(), valid);
        if (valid)
            QCOMPARE(*parsed, ms);
    }

    void duration_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("ms"); // -1: invalid
        QTest::newRow("seconds") << QStringLiteral("30s") << qint64(30000);
        QTest::newRow("minute") << QStringLiteral("1m") << qint64(60000);
        QTest::newRow("millis") << QStringLiteral("250ms") << qint64(250);
        QTest::newRow("compound") << QStringLiteral("1h30m15s") << qint64(5415000);
        QTest::newRow("day_week_year") << QStringLiteral("1y1w1d") << qint64((365 + 7 + 1) * 86400000LL);
        QTest::newRow("bare_number") << QStringLiteral("30") << qint64(-1);
        QTest::newRow("fraction") << QStringLiteral("1.5m") << qint64(-1);
        QTest::newRow("unknown_unit") << QStringLiteral("3x") << qint64(-1);
        QTest::newRow("overflow") << QStringLiteral("999999999999999999y") << qint64(-1);
    }

    void duration()
    {
        QFETCH(QString, text);
        QFETCH(qint64, ms);
        QCOMPARE(parseDurationMs(text).value_or(-1), ms);
    }

    void step_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("ms"); // -1: invalid
        QTest::newRow("seconds") << QStringLiteral("15") << qint64(15000);
        QTest::newRow("fractional_seconds") << QStringLiteral("0.5") << qint64(500);
        QTest::newRow("duration") << QStringLiteral("30s") << qint64(30000);
        QTest::newRow("minutes") << QStringLiteral("1m") << qint64(60000);
        QTest::newRow("zero") << QStringLiteral("0") << qint64(-1);
        QTest::newRow("negative") << QStringLiteral("-5") << qint64(-1);
        QTest::newRow("zero_duration") << QStringLiteral("0s") << qint64(-1);
        QTest::newRow("word") << QStringLiteral("fast") << qint64(-1);
    }

    void step()
    {
        QFETCH(QString, text);
        QFETCH(qint64, ms);
        QCOMPARE(parseStepMs(text).value_or(-1), ms);
    }

    void format()
    {
        QCOMPARE(formatTimeUtc(NowMs), QStringLiteral("2026-11-24T10:00:00Z"));
        QCOMPARE(formatTimeUtc(NowMs + 500), QStringLiteral("2026-11-24T10:00:00.500Z"));
    }
};

QTEST_GUILESS_MAIN(TestTimeArguments)

#include "tst_timearguments.moc"
