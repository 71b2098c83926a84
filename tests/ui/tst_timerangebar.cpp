#include "common/timerangebar.h"
#include "model/timerangecontroller.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QLabel>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

using namespace firebreak;
using namespace firebreak::ui;
using namespace std::chrono_literals;

namespace {
// 2026-11-25 12:00:00 UTC
constexpr qint64 Now = 1795608000000;
} // namespace

class TestTimeRangeBar : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_controller = std::make_unique<TimeRangeController>();
        m_controller->setClock([] { return Now; });
        m_controller->setDisplay(TimeDisplay::Utc);
        m_controller->setQuickRange(QStringLiteral("1h"));
        m_bar = std::make_unique<TimeRangeBar>(*m_controller);
        m_bar->show();
    }

    void cleanup()
    {
        m_bar.reset();
        m_controller.reset();
    }

    void showsTheControllerRange()
    {
        auto* from = m_bar->findChild<QDateTimeEdit*>(QStringLiteral("rangeFrom"));
        auto* to = m_bar->findChild<QDateTimeEdit*>(QStringLiteral("rangeTo"));
        auto* quick = m_bar->findChild<QComboBox*>(QStringLiteral("quickRange"));
        QVERIFY(from && to && quick);
        QCOMPARE(to->dateTime().toMSecsSinceEpoch(), Now);
        QCOMPARE(from->dateTime().toMSecsSinceEpoch(), Now - 3600000);
        QCOMPARE(quick->currentData().toString(), QStringLiteral("1h"));
        QCOMPARE(m_bar->findChild<QLabel*>(QStringLiteral("rangeZone"))->text(), QStringLiteral("UTC"));
        QCOMPARE(from->dateTime().toString(QStringLiteral("HH:mm")), QStringLiteral("11:00"));
    }

    void quickRangeComboSetsTheRange()
    {
        auto* quick = m_bar->findChild<QComboBox*>(QStringLiteral("quickRange"));
        QSignalSpy changed(m_controller.get(), &TimeRangeController::rangeChanged);
        quick->setCurrentIndex(quick->findData(QStringLiteral("15m")));
        Q_EMIT quick->activated(quick->currentIndex());
        QCOMPARE(changed.count(), 1);
        QVERIFY(m_controller->spec().isRelative());
        QCOMPARE(m_controller->range(), (TimeRange { Now - 900000, Now }));
    }

    void buttonsZoomAndShift()
    {
        auto* zoomOut = m_bar->findChild<QToolButton*>(QStringLiteral("zoomOut"));
        auto* back = m_bar->findChild<QToolButton*>(QStringLiteral("shiftBack"));
        auto* zoomBack = m_bar->findChild<QToolButton*>(QStringLiteral("zoomBack"));
        QVERIFY(zoomOut && back && zoomBack);
        QVERIFY(!zoomBack->isEnabled());

        QTest::mouseClick(zoomOut, Qt::LeftButton);
        QCOMPARE(m_controller->range(), (TimeRange { Now - 2 * 3600000, Now }));
        QVERIFY(zoomBack->isEnabled());

        QTest::mouseClick(back, Qt::LeftButton);
        QCOMPARE(m_controller->range(), (TimeRange { Now - 3 * 3600000, Now - 3600000 }));
        auto* quick = m_bar->findChild<QComboBox*>(QStringLiteral("quickRange"));
        QCOMPARE(quick->currentData().toString(), QString()); // "Custom range"

        QTest::mouseClick(zoomBack, Qt::LeftButton);
        QCOMPARE(m_controller->range(), (TimeRange { Now - 2 * 3600000, Now }));
    }

    void typingAnAbsoluteRange()
    {
        auto* from = m_bar->findChild<QDateTimeEdit*>(QStringLiteral("rangeFrom"));
        from->setDateTime(QDateTime::fromMSecsSinceEpoch(Now - 2 * 3600000, Qt::UTC));
        Q_EMIT from->editingFinished();
        QVERIFY(!m_controller->spec().isRelative());
        QCOMPARE(m_controller->range(), (TimeRange { Now - 2 * 3600000, Now }));
    }

    void leavingAFieldUntouchedKeepsTheRangeLive()
    {
        auto* from = m_bar->findChild<QDateTimeEdit*>(QStringLiteral("rangeFrom"));
        Q_EMIT from->editingFinished();
        QVERIFY(m_controller->spec().isRelative());
    }

    void fromAfterToIsRefused()
    {
        auto* from = m_bar->findChild<QDateTimeEdit*>(QStringLiteral("rangeFrom"));
        from->setDateTime(QDateTime::fromMSecsSinceEpoch(Now + 3600000, Qt::UTC));
        Q_EMIT from->editingFinished();
        QVERIFY(m_controller->spec().isRelative());
        QCOMPARE(from->dateTime().toMSecsSinceEpoch(), Now - 3600000);
    }

    void autoRefreshCombo()
    {
        auto* combo = m_bar->findChild<QComboBox*>(QStringLiteral("autoRefresh"));
        combo->setCurrentIndex(combo->findData(static_cast<qlonglong>(30)));
        Q_EMIT combo->activated(combo->currentIndex());
        QCOMPARE(m_controller->autoRefresh(), 30s);
    }

    void localDisplayFollowsTheSetting()
    {
        m_controller->setDisplay(TimeDisplay::Local);
        auto* from = m_bar->findChild<QDateTimeEdit*>(QStringLiteral("rangeFrom"));
        QCOMPARE(from->timeSpec(), Qt::LocalTime);
        QCOMPARE(from->dateTime().toMSecsSinceEpoch(), Now - 3600000);
        QVERIFY(m_bar->findChild<QLabel*>(QStringLiteral("rangeZone"))->text() != QStringLiteral("UTC")
            || QDateTime::currentDateTime().timeZoneAbbreviation() == QStringLiteral("UTC"));
    }

private:
    std::unique_ptr<TimeRangeController> m_controller;
    std::unique_ptr<TimeRangeBar> m_bar;
};

QTEST_MAIN(TestTimeRangeBar)
#include "tst_timerangebar.moc"
