// The SLO panel against the real Prometheus of the test fixture, on its backfilled counters
// (tests/data/prometheus/make-fixture.py: 15 s samples from 07:00 to 10:00 on 2026-11-24):
//   fb_http_requests_total{service="checkout",code="200"} = 1000 + 30 k   (2 /s)
//   fb_http_requests_total{service="checkout",code="500"} = 3 k           (0.2 /s)
// so the checkout error ratio is 0.2 / 2.2 = 1/11 over any window inside the data. Windows reaching before 07:00
// (6h, 1d, 3d, 30d at 10:00) see all 721 samples, and rate() extrapolates the two counters differently towards the
// window's start (Prometheus 2.42, extrapolatedRate): the 500 counter starts at 0, so not at all; the 200 counter
// by half a sample interval (7.5 s; its zero point is 500 s away). Increases: 500 -> 2160, 200 -> 21600 ×
// 10807.5 / 10800 = 21615, error ratio 2160 / 23775.
// Also the definition dialog, deleting, and exporting the rules.

#include "analysis/slorules.h"
#include "common/appcontext.h"
#include "metrics/slodialog.h"
#include "metrics/slopanel.h"
#include "net/profilestore.h"
#include "prometheusurl.h"

#include <QChartView>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace firebreak;
using namespace firebreak::ui;

namespace {

constexpr int WaitMs = 30000;
constexpr qint64 MinuteMs = 60 * 1000;
constexpr qint64 HourMs = 60 * MinuteMs;
constexpr qint64 DayMs = 24 * HourMs;
constexpr qint64 EndMs = 1795514400000; // 2026-11-24T10:00:00Z, the last backfilled sample
constexpr qint64 StartMs = EndMs - 3 * HourMs;

constexpr double InsideRatio = 1.0 / 11.0;
constexpr double AllDataRatio = 2160.0 / 23775.0;

bool near(double actual, double expected)
{
    return std::abs(actual - expected) <= 1e-9 * std::max(1.0, std::abs(expected));
}

QString describe(double actual, double expected)
{
    return QStringLiteral("%1 instead of %2").arg(actual, 0, 'g', 17).arg(expected, 0, 'g', 17);
}

SloDefinition checkoutGoodTotal()
{
    SloDefinition slo;
    slo.name = QStringLiteral("Checkout availability");
    slo.service = QStringLiteral("checkout");
    slo.goodQuery = QStringLiteral("fb_http_requests_total{service=\"checkout\",code=\"200\"}");
    slo.totalQuery = QStringLiteral("fb_http_requests_total{service=\"checkout\"}");
    slo.objective = 0.99;
    slo.windowMs = 30 * DayMs;
    return slo;
}

SloDefinition checkoutErrorRatio()
{
    SloDefinition slo;
    slo.name = QStringLiteral("Checkout errors");
    slo.service = QStringLiteral("checkout");
    slo.errorRatioQuery
        = QStringLiteral("sum(rate(fb_http_requests_total{service=\"checkout\",code=\"500\"}[$__window]))"
                         " / sum(rate(fb_http_requests_total{service=\"checkout\"}[$__window]))");
    slo.objective = 0.95;
    slo.windowMs = 7 * DayMs;
    return slo;
}

} // namespace

class TestSloPanel : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QUrl m_url;
    std::unique_ptr<AppContext> m_context;
    std::unique_ptr<SloPanel> m_panel;
    int m_journals = 0;

    template <typename T> T* child(const char* name) const { return m_panel->findChild<T*>(QString::fromLatin1(name)); }

    QString statusOfRow(int row) const { return child<QTableWidget>("burnRateTable")->item(row, 7)->text(); }

    /// Saves `slo` through the panel and waits until it has been measured.
    QString saveAndMeasure(const SloDefinition& slo)
    {
        QSignalSpy saved(m_panel.get(), &SloPanel::sloSaved);
        m_panel->saveSlo(slo);
        if (!saved.wait(WaitMs))
            return {};
        const QString id = saved.first().first().toString();
        const bool measured = QTest::qWaitFor(
            [&] {
                return m_panel->evaluation() && m_panel->evaluation()->sloId == id
                    && m_panel->evaluation()->atMs == EndMs;
            },
            WaitMs);
        return measured ? id : QString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_url = QUrl(test::prometheusUrl());
        QVERIFY2(m_url.isValid() && !m_url.isEmpty(), test::NoPrometheusMessage);
    }

    void init()
    {
        m_context = std::make_unique<AppContext>(m_dir.filePath(QStringLiteral("settings-%1.ini").arg(m_journals)),
            m_dir.filePath(QStringLiteral("secrets.json")));
        net::ConnectionProfile profile = net::ProfileStore::newProfile(net::BackendKind::Prometheus);
        profile.name = QStringLiteral("prom-fixture");
        profile.baseUrl = m_url;
        QVERIFY(m_context->saveProfiles({ profile }));
        m_context->timeRange().setAbsolute({ StartMs, EndMs });

        QSignalSpy opened(&m_context->journal(), &journal::JournalService::opened);
        m_context->journal().open(
            m_dir.filePath(QStringLiteral("journal-%1.db").arg(m_journals++)), QStringLiteral("test-device"));
        QVERIFY(opened.wait(WaitMs));

        m_panel = std::make_unique<SloPanel>(*m_context);
        m_panel->resize(1100, 800);
        m_panel->show();
    }

    void cleanup()
    {
        m_panel.reset();
        m_context.reset();
    }

    void measuresGoodTotalOnTheBackfilledData()
    {
        const QString id = saveAndMeasure(checkoutGoodTotal());
        QVERIFY(!id.isEmpty());
        const SloEvaluation& e = *m_panel->evaluation();
        QVERIFY2(e.errors.isEmpty(), qPrintable(e.errors.join(u'\n')));
        for (const qint64 window : { 5 * MinuteMs, 30 * MinuteMs, HourMs, 2 * HourMs })
            QVERIFY2(near(e.errorRatios.value(window), InsideRatio),
                qPrintable(describe(e.errorRatios.value(window), InsideRatio)));
        for (const qint64 window : { 6 * HourMs, DayMs, 3 * DayMs, 30 * DayMs })
            QVERIFY2(near(e.errorRatios.value(window), AllDataRatio),
                qPrintable(describe(e.errorRatios.value(window), AllDataRatio)));

        // Objective 99 %: burn rates 9.09 (inside the data) and 9.085 (all of it).
        QVERIFY(near(e.rows[0].longBurnRate, InsideRatio / 0.01));
        QVERIFY(near(e.rows[1].longBurnRate, AllDataRatio / 0.01));
        QVERIFY(near(e.rows[1].shortBurnRate, InsideRatio / 0.01));
        QVERIFY(!e.rows[0].firing); // 9.09 < 14.4
        QVERIFY(e.rows[1].firing); // > 6 over 6h and 30m
        QVERIFY(e.rows[2].firing); // > 3 over 1d and 2h
        QVERIFY(e.rows[3].firing); // > 1 over 3d and 6h
        QCOMPARE(statusOfRow(0), QStringLiteral("OK"));
        for (int row = 1; row < 4; ++row)
            QCOMPARE(statusOfRow(row), QStringLiteral("Firing"));
        auto* table = child<QTableWidget>("burnRateTable");
        QVERIFY(!table->item(0, 0)->data(Qt::BackgroundRole).isValid());
        QVERIFY(table->item(1, 0)->data(Qt::BackgroundRole).value<QColor>().isValid());
        QCOMPARE(table->item(1, 4)->text(), QStringLiteral("9.09×"));

        // The budget over 30 days: 9.085 times what was allowed is spent, 808.5 % overspent.
        QVERIFY(near(e.budget.consumed, AllDataRatio / 0.01));
        QVERIFY(near(e.budget.remaining, 1.0 - AllDataRatio / 0.01));
        QCOMPARE(e.budget.totalMs, 30 * DayMs / 100); // 7.2 hours
        QCOMPARE(e.exhaustionMs, std::optional<qint64>(0));
        QCOMPARE(child<QLabel>("sloExhaustion")->text(), QStringLiteral("exhausted"));
        QVERIFY(near(e.burnRateNow, InsideRatio / 0.01));
        QCOMPARE(child<QLabel>("sloBurnRate")->text(), QStringLiteral("9.09×"));

        // The SLI over the shown 3 hours sees every sample from its first one: 2 / 2.2 exactly.
        QVERIFY2(near(e.sliOverRange, 10.0 / 11.0), qPrintable(describe(e.sliOverRange, 10.0 / 11.0)));
        QCOMPARE(child<QLabel>("sloSli")->text(), QStringLiteral("90.909 %"));
        // The SLI over time: one point per step up to 10:00, the last over a window inside the data.
        QVERIFY(e.sli.size() > 10);
        QCOMPARE(e.sli.timesMs.back(), EndMs);
        QVERIFY(near(e.sli.values.back(), 10.0 / 11.0));
        QLineSeries* series = nullptr;
        for (QAbstractSeries* candidate : child<QChartView>("sliChart")->chart()->series()) {
            if (candidate->objectName() == QStringLiteral("sliSeries"))
                series = qobject_cast<QLineSeries*>(candidate);
        }
        QVERIFY(series);
        QCOMPARE(series->count(), static_cast<int>(e.sli.size()));
        QVERIFY(near(series->at(series->count() - 1).y(), 1000.0 / 11.0));
    }

    void measuresAnErrorRatioQuery()
    {
        const QString id = saveAndMeasure(checkoutErrorRatio());
        QVERIFY(!id.isEmpty());
        const SloEvaluation& e = *m_panel->evaluation();
        QVERIFY2(e.errors.isEmpty(), qPrintable(e.errors.join(u'\n')));
        QVERIFY(near(e.errorRatios.value(HourMs), InsideRatio));
        QVERIFY(near(e.errorRatios.value(7 * DayMs), AllDataRatio));
        // Objective 95 %: burning at 1.82 only the 3d/6h row (factor 1) fires.
        QVERIFY(near(e.rows[3].longBurnRate, AllDataRatio / 0.05));
        QVERIFY(!e.rows[0].firing && !e.rows[1].firing && !e.rows[2].firing);
        QVERIFY(e.rows[3].firing);
        QCOMPARE(statusOfRow(2), QStringLiteral("OK"));
        QCOMPARE(statusOfRow(3), QStringLiteral("Firing"));
    }

    void noTrafficIsNoData()
    {
        // A service without any series: every query answers an empty vector, so the windows have no data (not an
        // error) and nothing fires.
        SloDefinition slo = checkoutGoodTotal();
        slo.name = QStringLiteral("Nothing");
        slo.goodQuery = QStringLiteral("fb_http_requests_total{service=\"nowhere\",code=\"200\"}");
        slo.totalQuery = QStringLiteral("fb_http_requests_total{service=\"nowhere\"}");
        QVERIFY(!saveAndMeasure(slo).isEmpty());
        const SloEvaluation& e = *m_panel->evaluation();
        QVERIFY2(e.errors.isEmpty(), qPrintable(e.errors.join(u'\n')));
        QVERIFY(std::isnan(e.errorRatios.value(HourMs)));
        for (int row = 0; row < 4; ++row) {
            QVERIFY(!e.rows[static_cast<std::size_t>(row)].firing);
            QCOMPARE(statusOfRow(row), QStringLiteral("No data"));
        }
        QCOMPARE(child<QLabel>("sloBudget")->text(), QStringLiteral("no data"));
    }

    void aBadQueryIsReportedInPlace()
    {
        SloDefinition slo = checkoutErrorRatio();
        slo.name = QStringLiteral("Broken");
        slo.errorRatioQuery = QStringLiteral("sum(rate(fb_http_requests_total[$__window])) / no_such_function(1)");
        QVERIFY(!saveAndMeasure(slo).isEmpty());
        QVERIFY(!m_panel->evaluation()->errors.isEmpty());
        const QString error = m_panel->errorText();
        QVERIFY2(error.contains(QStringLiteral("error ratio over 5m")) && error.contains(m_url.authority()),
            qPrintable(error));
    }

    void listFollowsTheJournal()
    {
        QVERIFY(!saveAndMeasure(checkoutGoodTotal()).isEmpty());
        const QString second = saveAndMeasure(checkoutErrorRatio());
        QVERIFY(!second.isEmpty());
        auto* list = child<QListWidget>("sloList");
        QCOMPARE(list->count(), 2);
        QCOMPARE(list->item(0)->text(), QStringLiteral("Checkout availability"));
        QCOMPARE(m_panel->selectedId(), second);

        // A new panel on the same journal reads them back.
        SloPanel other(*m_context);
        QSignalSpy loaded(&other, &SloPanel::slosLoaded);
        QVERIFY(loaded.wait(WaitMs));
        QCOMPARE(other.slos().size(), 2);
        QCOMPARE(other.slos().at(1), m_panel->slos().at(1));

        QSignalSpy deleted(m_panel.get(), &SloPanel::slosLoaded);
        m_panel->deleteSlo(second);
        QVERIFY(deleted.wait(WaitMs));
        QCOMPARE(list->count(), 1);
        other.reload();
        QVERIFY(loaded.wait(WaitMs));
        QCOMPARE(other.slos().size(), 1);
        QCOMPARE(other.slos().first().name, QStringLiteral("Checkout availability"));
    }

    void exportsTheRules()
    {
        const QString id = saveAndMeasure(checkoutGoodTotal());
        QVERIFY(!id.isEmpty());
        const QString path = m_dir.filePath(QStringLiteral("rules.yml"));
        QString error;
        QVERIFY2(m_panel->exportRules(path, &error), qPrintable(error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        SloDefinition stored = checkoutGoodTotal();
        stored.id = id;
        QCOMPARE(QString::fromUtf8(file.readAll()), analysis::sloRulesYaml({ stored }));
        QVERIFY(!m_panel->exportRules(m_dir.filePath(QStringLiteral("no/such/folder/rules.yml")), &error));
        QVERIFY(error.contains(QStringLiteral("could not be written")));
    }

    void emptyJournalOffersToDefine()
    {
        QTRY_VERIFY_WITH_TIMEOUT(m_panel->findChild<QWidget*>(QStringLiteral("sloEmptyState"))->isVisible(), WaitMs);
        QVERIFY(!child<QPushButton>("sloEdit")->isEnabled());
        QVERIFY(m_panel->rulesYaml().isEmpty());
    }

    void dialogValidatesAndBuildsTheDefinition()
    {
        SloDialog dialog;
        dialog.show();
        auto* errors = dialog.findChild<QLabel*>(QStringLiteral("sloErrors"));
        auto* save = dialog.findChild<QPushButton*>(QStringLiteral("sloSave"));
        QTest::mouseClick(save, Qt::LeftButton);
        QVERIFY(dialog.isVisible()); // refused
        QVERIFY(errors->isVisible());
        QVERIFY2(errors->text().contains(QStringLiteral("Give the SLO a name.")), qPrintable(errors->text()));
        QVERIFY(errors->text().contains(QStringLiteral("The good-events query is empty.")));

        QTest::keyClicks(dialog.findChild<QLineEdit*>(QStringLiteral("sloName")), QStringLiteral("API"));
        QTest::keyClicks(dialog.findChild<QLineEdit*>(QStringLiteral("sloService")), QStringLiteral("api"));
        dialog.findChild<QRadioButton*>(QStringLiteral("sloErrorRatioMode"))->setChecked(true);
        QVERIFY(!dialog.findChild<QPlainTextEdit*>(QStringLiteral("sloGoodQuery"))->isVisible());
        auto* ratio = dialog.findChild<QPlainTextEdit*>(QStringLiteral("sloErrorRatioQuery"));
        ratio->setPlainText(QStringLiteral("sum(rate(errors_total[5m])) / sum(rate(requests_total[5m]))"));
        QVERIFY(dialog.problems().join(u' ').contains(QStringLiteral("needs $__window")));
        ratio->setPlainText(
            QStringLiteral("sum(rate(errors_total[$__window])) / sum(rate(requests_total[$__window]))"));
        dialog.findChild<QDoubleSpinBox*>(QStringLiteral("sloObjective"))->setValue(99.95);
        auto* window = dialog.findChild<QComboBox*>(QStringLiteral("sloWindow"));
        window->setCurrentIndex(window->count() - 1); // custom
        auto* custom = dialog.findChild<QLineEdit*>(QStringLiteral("sloCustomWindow"));
        QVERIFY(custom->isVisible());
        QTest::keyClicks(custom, QStringLiteral("fortnight"));
        QVERIFY(dialog.problems().join(u' ').contains(QStringLiteral("not a duration")));
        custom->setText(QStringLiteral("14d"));
        QVERIFY2(dialog.problems().isEmpty(), qPrintable(dialog.problems().join(u'\n')));
        QTest::mouseClick(save, Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));

        const SloDefinition slo = dialog.slo();
        QCOMPARE(slo.name, QStringLiteral("API"));
        QCOMPARE(slo.service, QStringLiteral("api"));
        QVERIFY(slo.usesErrorRatio());
        QVERIFY(slo.goodQuery.isEmpty() && slo.totalQuery.isEmpty());
        QCOMPARE(slo.objective, 0.9995);
        QCOMPARE(slo.windowMs, 14 * DayMs);

        // Editing shows what is stored, a preset window as the preset.
        SloDialog edit;
        edit.setSlo(checkoutGoodTotal());
        QCOMPARE(edit.slo(), checkoutGoodTotal());
        QCOMPARE(edit.findChild<QComboBox*>(QStringLiteral("sloWindow"))->currentData().toLongLong(), 30 * DayMs);
    }
};

QTEST_MAIN(TestSloPanel)
#include "tst_slopanel.moc"
