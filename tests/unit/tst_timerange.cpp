#include "model/timerange.h"
#include "testutils.h"

#include <QTest>

#include <ctime>

using namespace firebreak;
using namespace std::chrono_literals;

namespace {
// 2023-11-14 22:13:20 UTC; any fixed instant will do, the tests never read the real clock.
constexpr qint64 Now = 1700000000000;
} // namespace

class TestTimeRange : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // Local time must mean the same thing on every machine: Berlin has both CET and CEST.
        qputenv("TZ", "Europe/Berlin");
        tzset();
    }

    void quickRanges_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<qint64>("durationMs");

        QTest::newRow("5m") << QStringLiteral("5m") << qint64(5 * 60 * 1000);
        QTest::newRow("15m") << QStringLiteral("15m") << qint64(15 * 60 * 1000);
        QTest::newRow("1h") << QStringLiteral("1h") << qint64(60 * 60 * 1000);
        QTest::newRow("6h") << QStringLiteral("6h") << qint64(6 * 60 * 60 * 1000);
        QTest::newRow("24h") << QStringLiteral("24h") << qint64(24 * 60 * 60 * 1000);
        QTest::newRow("7d") << QStringLiteral("7d") << qint64(7 * 24 * 60 * 60 * 1000);
    }

    void quickRanges()
    {
        QFETCH(QString, key);
        QFETCH(qint64, durationMs);

        const auto quick = quickRangeByKey(key);
        QVERIFY(quick.has_value());
        QCOMPARE(quick->key, key);
        QCOMPARE(quick->duration.count(), durationMs);
    }

    void quickRangesAreOrderedAndComplete()
    {
        QStringList keys;
        qint64 previous = 0;
        for (const QuickRange& quick : firebreak::quickRanges()) {
            keys << quick.key;
            QVERIFY2(quick.duration.count() > previous, qPrintable(quick.key));
            previous = quick.duration.count();
        }
        QCOMPARE(keys,
            QStringList({ QStringLiteral("5m"), QStringLiteral("15m"), QStringLiteral("1h"), QStringLiteral("6h"),
                QStringLiteral("24h"), QStringLiteral("7d") }));
    }

    void unknownQuickRange_data()
    {
        QTest::addColumn<QString>("key");
        QTest::newRow("empty") << QString();
        QTest::newRow("not_offered_2h") << QStringLiteral("2h");
        QTest::newRow("upper_case_1H") << QStringLiteral("1H");
        QTest::newRow("with_space") << QStringLiteral(" 1h");
    }

    void unknownQuickRange()
    {
        QFETCH(QString, key);
        QVERIFY(!quickRangeByKey(key).has_value());
    }

    void resolve_data()
    {
        QTest::addColumn<RangeSpec>("spec");
        QTest::addColumn<qint64>("nowMs");
        QTest::addColumn<TimeRange>("expected");

        QTest::newRow("relative_1h_ends_now") << RangeSpec::relative(1h) << Now << TimeRange { Now - 3600000, Now };
        QTest::newRow("relative_follows_the_clock")
            << RangeSpec::relative(5min) << Now + 60000 << TimeRange { Now + 60000 - 300000, Now + 60000 };
        QTest::newRow("absolute_ignores_the_clock")
            << RangeSpec::absolute({ 1000, 5000 }) << Now << TimeRange { 1000, 5000 };
        QTest::newRow("absolute_in_the_future_stays")
            << RangeSpec::absolute({ Now + 1000, Now + 2000 }) << Now << TimeRange { Now + 1000, Now + 2000 };
    }

    void resolve()
    {
        QFETCH(RangeSpec, spec);
        QFETCH(qint64, nowMs);
        QFETCH(TimeRange, expected);

        QCOMPARE(spec.resolve(nowMs), expected);
    }

    void rangeSpecAccessors()
    {
        const RangeSpec relative = RangeSpec::relative(15min);
        QVERIFY(relative.isRelative());
        QCOMPARE(relative.relativeDuration().count(), qint64(900000));

        const RangeSpec absolute = RangeSpec::absolute({ 1000, 61000 });
        QVERIFY(!absolute.isRelative());
        QCOMPARE(absolute.absoluteRange(), (TimeRange { 1000, 61000 }));
        QCOMPARE(absolute.relativeDuration().count(), qint64(60000));

        QVERIFY(RangeSpec::relative(1h) == RangeSpec::relative(1h));
        QVERIFY(!(RangeSpec::relative(1h) == RangeSpec::relative(2h)));
        QVERIFY(!(RangeSpec::absolute({ 0, 3600000 }) == RangeSpec::relative(1h)));
    }

    void timeRangeValidity()
    {
        QVERIFY((TimeRange { 0, 1 }).isValid());
        QVERIFY(!(TimeRange { 5, 5 }).isValid());
        QVERIFY(!(TimeRange { 6, 5 }).isValid());
        QCOMPARE((TimeRange { 1000, 4000 }).durationMs(), qint64(3000));
    }

    void zoomOut_data()
    {
        QTest::addColumn<TimeRange>("range");
        QTest::addColumn<qint64>("nowMs");
        QTest::addColumn<TimeRange>("expected");

        QTest::newRow("past_range_doubles_around_its_centre")
            << TimeRange { 1000000, 1060000 } << Now << TimeRange { 970000, 1090000 };
        QTest::newRow("range_ending_now_doubles_backwards_only")
            << TimeRange { Now - 60000, Now } << Now << TimeRange { Now - 120000, Now };
        QTest::newRow("range_near_now_is_clamped_at_now_keeping_width")
            << TimeRange { Now - 100000, Now - 10000 } << Now << TimeRange { Now - 180000, Now };
        QTest::newRow("range_just_fitting_before_now_is_not_moved")
            << TimeRange { Now - 40000, Now - 20000 } << Now << TimeRange { Now - 50000, Now - 10000 };
        QTest::newRow("range_already_in_future_keeps_its_end")
            << TimeRange { Now - 30000, Now + 30000 } << Now << TimeRange { Now - 90000, Now + 30000 };
        QTest::newRow("tiny_range_grows_to_at_least_two_seconds")
            << TimeRange { 10000, 10200 } << Now << TimeRange { 9100, 11100 };
    }

    void zoomOut()
    {
        QFETCH(TimeRange, range);
        QFETCH(qint64, nowMs);
        QFETCH(TimeRange, expected);

        const TimeRange out = firebreak::zoomOut(range, nowMs);
        QCOMPARE(out, expected);
        QVERIFY(out.fromMs <= range.fromMs);
        QVERIFY(out.toMs <= std::max(range.toMs, nowMs)); // never reaches further into the future
    }

    void shift_data()
    {
        QTest::addColumn<TimeRange>("range");
        QTest::addColumn<int>("steps");
        QTest::addColumn<TimeRange>("expected");

        QTest::newRow("back_one_step_is_half_the_span") << TimeRange { 0, 60000 } << -1 << TimeRange { -30000, 30000 };
        QTest::newRow("forward_one_step") << TimeRange { 0, 60000 } << 1 << TimeRange { 30000, 90000 };
        QTest::newRow("forward_two_steps") << TimeRange { 0, 60000 } << 2 << TimeRange { 60000, 120000 };
        QTest::newRow("zero_steps_is_identity") << TimeRange { 100, 200 } << 0 << TimeRange { 100, 200 };
        QTest::newRow("odd_span_rounds_the_step_down") << TimeRange { 0, 1001 } << 1 << TimeRange { 500, 1501 };
        QTest::newRow("one_hour_back") << TimeRange { Now - 3600000, Now } << -1
                                       << TimeRange { Now - 5400000, Now - 1800000 };
    }

    void shift()
    {
        QFETCH(TimeRange, range);
        QFETCH(int, steps);
        QFETCH(TimeRange, expected);

        const TimeRange out = firebreak::shift(range, steps);
        QCOMPARE(out, expected);
        QCOMPARE(out.durationMs(), range.durationMs());
    }

    void formatTime_data()
    {
        QTest::addColumn<qint64>("ms");
        QTest::addColumn<TimeDisplay>("display");
        QTest::addColumn<bool>("withZone");
        QTest::addColumn<QString>("expected");

        QTest::newRow("utc") << qint64(1700000000000) << TimeDisplay::Utc << false
                             << QStringLiteral("2023-11-14 22:13:20");
        QTest::newRow("utc_with_zone") << qint64(1700000000000) << TimeDisplay::Utc << true
                                       << QStringLiteral("2023-11-14 22:13:20 UTC");
        QTest::newRow("utc_epoch") << qint64(0) << TimeDisplay::Utc << false << QStringLiteral("1970-01-01 00:00:00");
        QTest::newRow("milliseconds_are_truncated_not_rounded")
            << qint64(1700000000999) << TimeDisplay::Utc << false << QStringLiteral("2023-11-14 22:13:20");
        QTest::newRow("local_winter_is_cet_plus_1")
            << qint64(1700000000000) << TimeDisplay::Local << false << QStringLiteral("2023-11-14 23:13:20");
        QTest::newRow("local_winter_with_zone")
            << qint64(1700000000000) << TimeDisplay::Local << true << QStringLiteral("2023-11-14 23:13:20 CET");
        QTest::newRow("local_summer_is_cest_plus_2")
            << qint64(1690000000000) << TimeDisplay::Local << true << QStringLiteral("2023-07-22 06:26:40 CEST");
        QTest::newRow("utc_summer") << qint64(1690000000000) << TimeDisplay::Utc << true
                                    << QStringLiteral("2023-07-22 04:26:40 UTC");
        QTest::newRow("local_crosses_midnight_into_next_day")
            << qint64(1700004000000) << TimeDisplay::Local << false << QStringLiteral("2023-11-15 00:20:00");
        QTest::newRow("local_last_second_before_dst")
            << qint64(1679792399000) << TimeDisplay::Local << true << QStringLiteral("2023-03-26 01:59:59 CET");
        QTest::newRow("local_first_second_of_dst")
            << qint64(1679792400000) << TimeDisplay::Local << true << QStringLiteral("2023-03-26 03:00:00 CEST");
    }

    void formatTime()
    {
        QFETCH(qint64, ms);
        QFETCH(TimeDisplay, display);
        QFETCH(bool, withZone);
        QFETCH(QString, expected);

        QCOMPARE(firebreak::formatTime(ms, display, withZone), expected);
    }

    void formatDuration_data()
    {
        QTest::addColumn<qint64>("ms");
        QTest::addColumn<QString>("expected");

        QTest::newRow("zero") << qint64(0) << QStringLiteral("0s");
        QTest::newRow("sub_second_is_0s") << qint64(999) << QStringLiteral("0s");
        QTest::newRow("45s") << qint64(45000) << QStringLiteral("45s");
        QTest::newRow("59.999s_truncates") << qint64(59999) << QStringLiteral("59s");
        QTest::newRow("one_minute") << qint64(60000) << QStringLiteral("1m");
        QTest::newRow("seconds_dropped_above_a_minute") << qint64(61000) << QStringLiteral("1m");
        QTest::newRow("15m") << qint64(15 * 60000) << QStringLiteral("15m");
        QTest::newRow("1h") << qint64(3600000) << QStringLiteral("1h");
        QTest::newRow("1h_30m") << qint64(90 * 60000) << QStringLiteral("1h 30m");
        QTest::newRow("1h_1m_1s_drops_seconds") << qint64(3661000) << QStringLiteral("1h 1m");
        QTest::newRow("24h_is_1d") << qint64(24 * 3600000) << QStringLiteral("1d");
        QTest::newRow("25h") << qint64(25 * 3600000) << QStringLiteral("1d 1h");
        QTest::newRow("minutes_dropped_once_there_are_days")
            << qint64((24 * 60 + 2 * 60 + 30) * 60000LL) << QStringLiteral("1d 2h");
        QTest::newRow("7d") << qint64(7 * 24 * 3600000LL) << QStringLiteral("7d");
    }

    void formatDuration()
    {
        QFETCH(qint64, ms);
        QFETCH(QString, expected);

        QCOMPARE(firebreak::formatDuration(std::chrono::milliseconds(ms)), expected);
    }

    void formatDurationOfQuickRanges()
    {
        // The labels of the quick ranges read the same as their keys.
        for (const QuickRange& quick : firebreak::quickRanges()) {
            const QString text = firebreak::formatDuration(quick.duration);
            if (quick.key == QLatin1String("24h"))
                QCOMPARE(text, QStringLiteral("1d"));
            else
                QCOMPARE(text, quick.key);
        }
    }
};

QTEST_GUILESS_MAIN(TestTimeRange)

#include "tst_timerange.moc"
