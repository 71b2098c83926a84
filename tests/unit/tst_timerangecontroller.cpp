#include "model/timerangecontroller.h"
#include "testutils.h"

#include <QSignalSpy>
#include <QTest>

#include <functional>
#include <memory>

using namespace firebreak;
using namespace std::chrono_literals;

namespace {
constexpr qint64 Start = 1700000000000; // 2023-11-14 22:13:20 UTC
constexpr qint64 Minute = 60 * 1000;
constexpr qint64 Hour = 60 * Minute;
using Action = std::function<void(TimeRangeController&)>;
} // namespace

class TestTimeRangeController : public QObject
{
    Q_OBJECT

private:
    // The pinned clock: tests move it by hand.
    qint64 m_now = Start;
    std::unique_ptr<TimeRangeController> m_controller;

    TimeRange lastEmitted(const QSignalSpy& spy) { return spy.last().at(0).value<TimeRange>(); }

private Q_SLOTS:
    void init()
    {
        m_now = Start;
        m_controller = std::make_unique<TimeRangeController>();
        m_controller->setClock([this] { return m_now; });
    }

    void cleanup() { m_controller.reset(); }

    void defaultsToTheLastHour()
    {
        QCOMPARE(m_controller->now(), Start);
        QVERIFY(m_controller->spec().isRelative());
        QCOMPARE(m_controller->quickRangeKey(), QStringLiteral("1h"));
        QCOMPARE(m_controller->range(), (TimeRange { Start - Hour, Start }));
        QCOMPARE(m_controller->display(), TimeDisplay::Local);
        QCOMPARE(m_controller->autoRefresh().count(), 0);
        QVERIFY(!m_controller->canZoomBack());
    }

    void relativeRangeFollowsTheClock()
    {
        m_now += 10 * Minute;
        QCOMPARE(m_controller->range(), (TimeRange { Start + 10 * Minute - Hour, Start + 10 * Minute }));
    }

    void quickRange_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<qint64>("durationMs");

        QTest::newRow("5m") << QStringLiteral("5m") << 5 * Minute;
        QTest::newRow("15m") << QStringLiteral("15m") << 15 * Minute;
        QTest::newRow("6h") << QStringLiteral("6h") << 6 * Hour;
        QTest::newRow("24h") << QStringLiteral("24h") << 24 * Hour;
        QTest::newRow("7d") << QStringLiteral("7d") << 7 * 24 * Hour;
    }

    void quickRange()
    {
        QFETCH(QString, key);
        QFETCH(qint64, durationMs);

        QSignalSpy changed(m_controller.get(), &TimeRangeController::rangeChanged);
        m_controller->setQuickRange(key);

        const TimeRange expected { Start - durationMs, Start };
        QCOMPARE(changed.count(), 1);
        QCOMPARE(lastEmitted(changed), expected);
        QCOMPARE(m_controller->range(), expected);
        QCOMPARE(m_controller->quickRangeKey(), key);
        QVERIFY(m_controller->spec().isRelative());
        QVERIFY(m_controller->canZoomBack());
    }

    void ignoredChanges_data()
    {
        QTest::addColumn<Action>("action");
        QTest::newRow("unknown_quick_range")
            << Action([](TimeRangeController& c) { c.setQuickRange(QStringLiteral("2h")); });
        QTest::newRow("same_quick_range_again")
            << Action([](TimeRangeController& c) { c.setQuickRange(QStringLiteral("1h")); });
        QTest::newRow("relative_of_zero_length") << Action([](TimeRangeController& c) { c.setRelative(0ms); });
        QTest::newRow("absolute_with_end_before_start") << Action([](TimeRangeController& c) {
            c.setAbsolute({ Start, Start - Minute });
        });
        QTest::newRow("absolute_of_zero_length") << Action([](TimeRangeController& c) {
            c.setAbsolute({ Start, Start });
        });
        QTest::newRow("zoom_back_without_history") << Action([](TimeRangeController& c) { c.zoomBack(); });
    }

    void ignoredChanges()
    {
        QFETCH(Action, action);

        QSignalSpy changed(m_controller.get(), &TimeRangeController::rangeChanged);
        action(*m_controller);
        QCOMPARE(changed.count(), 0);
        QCOMPARE(m_controller->quickRangeKey(), QStringLiteral("1h"));
        QVERIFY(!m_controller->canZoomBack());
    }

    void absoluteRange()
    {
        QSignalSpy changed(m_controller.get(), &TimeRangeController::rangeChanged);
        const TimeRange fixed { Start - 3 * Hour, Start - 2 * Hour };
        m_controller->setAbsolute(fixed);

        QCOMPARE(changed.count(), 1);
        QCOMPARE(lastEmitted(changed), fixed);
        QVERIFY(!m_controller->spec().isRelative());
        QCOMPARE(m_controller->quickRangeKey(), QString());

        m_now += Hour; // an absolute range does not move with the clock
        QCOMPARE(m_controller->range(), fixed);
    }

    void customRelativeRangeHasNoQuickKey()
    {
        m_controller->setRelative(2h);
        QVERIFY(m_controller->spec().isRelative());
        QCOMPARE(m_controller->quickRangeKey(), QString());
        QCOMPARE(m_controller->range(), (TimeRange { Start - 2 * Hour, Start }));
    }

    void zoomInAndBack()
    {
        QSignalSpy changed(m_controller.get(), &TimeRangeController::rangeChanged);
        const TimeRange first { Start - 40 * Minute, Start - 20 * Minute };
        const TimeRange second { Start - 35 * Minute, Start - 30 * Minute };

        m_controller->setQuickRange(QStringLiteral("6h"));
        m_controller->zoomIn(first);
        m_controller->zoomIn(second);
        QCOMPARE(changed.count(), 3);
        QCOMPARE(m_controller->range(), second);

        m_controller->zoomBack();
        QCOMPARE(m_controller->range(), first);
        QCOMPARE(lastEmitted(changed), first);

        m_controller->zoomBack();
        QCOMPARE(m_controller->quickRangeKey(), QStringLiteral("6h"));
        QCOMPARE(m_controller->range(), (TimeRange { Start - 6 * Hour, Start }));

        m_controller->zoomBack();
        QCOMPARE(m_controller->quickRangeKey(), QStringLiteral("1h"));
        QVERIFY(!m_controller->canZoomBack());
        QCOMPARE(changed.count(), 6);

        m_controller->zoomBack(); // nothing left: no change, no signal
        QCOMPARE(changed.count(), 6);
    }

    void zoomOut_data()
    {
        QTest::addColumn<RangeSpec>("start");
        QTest::addColumn<RangeSpec>("expected");

        QTest::newRow("relative_1h_becomes_relative_2h") << RangeSpec::relative(1h) << RangeSpec::relative(2h);
        QTest::newRow("relative_15m_becomes_relative_30m") << RangeSpec::relative(15min) << RangeSpec::relative(30min);
        QTest::newRow("absolute_in_the_past_doubles_around_centre")
            << RangeSpec::absolute({ Start - 4 * Hour, Start - 3 * Hour })
            << RangeSpec::absolute({ Start - 4 * Hour - 30 * Minute, Start - 2 * Hour - 30 * Minute });
        QTest::newRow("absolute_near_now_stops_at_now") << RangeSpec::absolute(
            { Start - 10 * Minute, Start - 2 * Minute }) << RangeSpec::absolute({ Start - 16 * Minute, Start });
    }

    void zoomOut()
    {
        QFETCH(RangeSpec, start);
        QFETCH(RangeSpec, expected);

        if (start.isRelative())
            m_controller->setRelative(start.relativeDuration());
        else
            m_controller->setAbsolute(start.absoluteRange());
        m_controller->zoomOut();

        QCOMPARE(m_controller->spec().isRelative(), expected.isRelative());
        QCOMPARE(m_controller->range(), expected.resolve(Start));
        QVERIFY(m_controller->range().toMs <= Start);

        m_controller->zoomBack();
        QCOMPARE(m_controller->range(), start.resolve(Start));
    }

    void historyIsBounded()
    {
        for (int i = 1; i <= 60; ++i)
            m_controller->setAbsolute({ Start - i * Hour, Start - i * Hour + Minute });
        int steps = 0;
        while (m_controller->canZoomBack()) {
            m_controller->zoomBack();
            ++steps;
        }
        QCOMPARE(steps, 50);
        // The oldest entries were dropped: zooming all the way back ends 50 ranges ago, not at "last 1h".
        QCOMPARE(m_controller->range(), (TimeRange { Start - 10 * Hour, Start - 10 * Hour + Minute }));
    }

    void shiftBackThenForwardReturnsToLive()
    {
        QSignalSpy changed(m_controller.get(), &TimeRangeController::rangeChanged);

        m_controller->shiftBack();
        QVERIFY(!m_controller->spec().isRelative());
        QCOMPARE(m_controller->range(), (TimeRange { Start - 90 * Minute, Start - 30 * Minute }));

        m_controller->shiftBack();
        QCOMPARE(m_controller->range(), (TimeRange { Start - 2 * Hour, Start - Hour }));

        m_controller->shiftForward();
        QVERIFY(!m_controller->spec().isRelative());
        QCOMPARE(m_controller->range(), (TimeRange { Start - 90 * Minute, Start - 30 * Minute }));

        // Reaching now turns the range back into "last 1h", which follows the clock again.
        m_controller->shiftForward();
        QVERIFY(m_controller->spec().isRelative());
        QCOMPARE(m_controller->quickRangeKey(), QStringLiteral("1h"));
        QCOMPARE(m_controller->range(), (TimeRange { Start - Hour, Start }));
        QCOMPARE(changed.count(), 4);

        m_now += 5 * Minute;
        QCOMPARE(m_controller->range(), (TimeRange { Start + 5 * Minute - Hour, Start + 5 * Minute }));
    }

    void shiftForward_data()
    {
        QTest::addColumn<TimeRange>("start");
        QTest::addColumn<bool>("relative");
        QTest::addColumn<TimeRange>("expected");

        QTest::newRow("far_past_stays_absolute") << TimeRange { Start - 4 * Hour,
            Start - 3 * Hour } << false << TimeRange { Start - 4 * Hour + 30 * Minute, Start - 3 * Hour + 30 * Minute };
        QTest::newRow("partly_into_future_becomes_relative_same_width") << TimeRange { Start - 40 * Minute,
            Start - 10 * Minute } << true << TimeRange { Start - 30 * Minute, Start };
        QTest::newRow("ending_exactly_at_now_becomes_relative") << TimeRange { Start - 30 * Minute,
            Start - 10 * Minute } << true << TimeRange { Start - 20 * Minute, Start };
    }

    void shiftForward()
    {
        QFETCH(TimeRange, start);
        QFETCH(bool, relative);
        QFETCH(TimeRange, expected);

        m_controller->setAbsolute(start);
        m_controller->shiftForward();
        QCOMPARE(m_controller->spec().isRelative(), relative);
        QCOMPARE(m_controller->range(), expected);
        QCOMPARE(m_controller->range().durationMs(), start.durationMs());
    }

    void refreshOfRelativeRangeReResolves()
    {
        QSignalSpy changed(m_controller.get(), &TimeRangeController::rangeChanged);
        QSignalSpy refresh(m_controller.get(), &TimeRangeController::refreshRequested);

        m_now += Minute;
        m_controller->refresh();
        QCOMPARE(refresh.count(), 1);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(lastEmitted(changed), (TimeRange { Start + Minute - Hour, Start + Minute }));
    }

    void refreshOfAbsoluteRangeKeepsIt()
    {
        m_controller->setAbsolute({ Start - 2 * Hour, Start - Hour });
        QSignalSpy changed(m_controller.get(), &TimeRangeController::rangeChanged);
        QSignalSpy refresh(m_controller.get(), &TimeRangeController::refreshRequested);

        m_controller->refresh();
        QCOMPARE(refresh.count(), 1);
        QCOMPARE(changed.count(), 0);
    }

    void autoRefresh()
    {
        QSignalSpy intervalChanged(m_controller.get(), &TimeRangeController::autoRefreshChanged);
        QSignalSpy changed(m_controller.get(), &TimeRangeController::rangeChanged);
        QSignalSpy refresh(m_controller.get(), &TimeRangeController::refreshRequested);

        m_now += Minute; // the tick must resolve "last 1h" against the clock at that moment
        m_controller->setAutoRefresh(1s);
        QCOMPARE(intervalChanged.count(), 1);
        QCOMPARE(intervalChanged.at(0).at(0).value<std::chrono::seconds>().count(), 1);
        QCOMPARE(m_controller->autoRefresh().count(), 1);

        QTRY_COMPARE_WITH_TIMEOUT(refresh.count(), 1, 5000);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(lastEmitted(changed), (TimeRange { Start + Minute - Hour, Start + Minute }));

        m_controller->setAutoRefresh(1s); // unchanged: no signal
        QCOMPARE(intervalChanged.count(), 1);
        m_controller->setAutoRefresh(0s);
        QCOMPARE(intervalChanged.count(), 2);
        QCOMPARE(m_controller->autoRefresh().count(), 0);
    }

    void autoRefreshOffStopsTicks()
    {
        QSignalSpy refresh(m_controller.get(), &TimeRangeController::refreshRequested);
        m_controller->setAutoRefresh(1s);
        m_controller->setAutoRefresh(0s);
        // Proving that nothing happens takes one wait longer than the interval.
        QTest::qWait(1300);
        QCOMPARE(refresh.count(), 0);
    }

    void display()
    {
        QSignalSpy displayChanged(m_controller.get(), &TimeRangeController::displayChanged);
        QSignalSpy rangeChanged(m_controller.get(), &TimeRangeController::rangeChanged);

        m_controller->setDisplay(TimeDisplay::Utc);
        QCOMPARE(displayChanged.count(), 1);
        QCOMPARE(displayChanged.at(0).at(0).value<TimeDisplay>(), TimeDisplay::Utc);
        QCOMPARE(m_controller->display(), TimeDisplay::Utc);

        m_controller->setDisplay(TimeDisplay::Utc);
        QCOMPARE(displayChanged.count(), 1);

        m_controller->setDisplay(TimeDisplay::Local);
        QCOMPARE(displayChanged.count(), 2);
        QCOMPARE(displayChanged.at(1).at(0).value<TimeDisplay>(), TimeDisplay::Local);
        // Showing times differently does not change which times are shown.
        QCOMPARE(rangeChanged.count(), 0);
    }
};

QTEST_GUILESS_MAIN(TestTimeRangeController)

#include "tst_timerangecontroller.moc"
