// The Active alerts panel against the real Prometheus of the test fixture (tests/integration/prometheus-fixture.sh),
// whose rules (tests/data/prometheus/rules.yml) keep FirebreakSelfScrapeUp firing and FirebreakSelfScrapeSlow
// pending: the table, the details, "Show query", "Declare incident from this alert", and failures in place.

#include "common/appcontext.h"
#include "metrics/alertsmodel.h"
#include "metrics/alertspanel.h"
#include "net/profilestore.h"
#include "prometheusurl.h"

#include <QAbstractItemModelTester>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

using namespace firebreak;
using namespace firebreak::ui;
using prometheus::AlertState;

namespace {

constexpr int WaitMs = 30000;

int rowOfAlert(const AlertsModel& model, const QString& name)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.index(row, 0).data(AlertsModel::AlertNameRole).toString() == name)
            return row;
    }
    return -1;
}

} // namespace

class TestAlertsPanel : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QUrl m_url;
    std::unique_ptr<AppContext> m_context;
    std::unique_ptr<AlertsPanel> m_panel;

    template <typename T> T* child(const char* name) const
    {
        T* found = m_panel->findChild<T*>(QString::fromLatin1(name));
        if (!found)
            qWarning("no child %s", name);
        return found;
    }

    void useSource(const QUrl& url)
    {
        net::ConnectionProfile profile = net::ProfileStore::newProfile(net::BackendKind::Prometheus);
        profile.name = QStringLiteral("prom-fixture");
        profile.baseUrl = url;
        profile.timeout = std::chrono::seconds(5);
        QVERIFY(m_context->saveProfiles({ profile }));
    }

    void makePanel()
    {
        m_panel = std::make_unique<AlertsPanel>(*m_context);
        m_panel->setRefreshInterval(std::chrono::milliseconds(500));
        m_panel->resize(1100, 700);
    }

    // Both alerts of the fixture's rules are there (the server evaluates them every second).
    bool bothAlertsShown() const
    {
        const AlertsModel& model = *m_panel->model();
        const int up = rowOfAlert(model, QStringLiteral("FirebreakSelfScrapeUp"));
        const int slow = rowOfAlert(model, QStringLiteral("FirebreakSelfScrapeSlow"));
        return up >= 0 && slow >= 0 && model.entry(up).alert.state == AlertState::Firing && model.entry(up).rule;
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
        m_context = std::make_unique<AppContext>(
            m_dir.filePath(QStringLiteral("settings.ini")), m_dir.filePath(QStringLiteral("secrets.json")));
    }

    void cleanup()
    {
        m_panel.reset();
        m_context.reset();
        QFile::remove(m_dir.filePath(QStringLiteral("settings.ini")));
    }

    void showsFiringAndPendingAlerts()
    {
        useSource(m_url);
        makePanel();
        QAbstractItemModelTester tester(m_panel->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_panel->show();
        QTRY_VERIFY_WITH_TIMEOUT(bothAlertsShown(), WaitMs);
        QVERIFY2(m_panel->errorText().isEmpty(), qPrintable(m_panel->errorText()));

        const AlertsModel& model = *m_panel->model();
        QCOMPARE(model.rowCount(), 2); // FirebreakSelfScrapeDown never fires
        const int up = rowOfAlert(model, QStringLiteral("FirebreakSelfScrapeUp"));
        const int slow = rowOfAlert(model, QStringLiteral("FirebreakSelfScrapeSlow"));
        QCOMPARE(up, 0); // firing before pending
        QCOMPARE(model.index(up, AlertsModel::StateColumn).data().toString(), QStringLiteral("Firing"));
        QCOMPARE(model.index(slow, AlertsModel::StateColumn).data().toString(), QStringLiteral("Pending"));
        QCOMPARE(model.index(up, AlertsModel::StateColumn).data(Qt::ForegroundRole).value<QColor>(),
            AlertsModel::stateColor(AlertState::Firing));
        QVERIFY(AlertsModel::stateColor(AlertState::Firing) != AlertsModel::stateColor(AlertState::Pending));
        QCOMPARE(model.index(up, AlertsModel::LabelsColumn).data().toString(),
            QStringLiteral("instance=\"%1\", job=\"prometheus\", severity=\"page\"").arg(m_url.authority()));
        QCOMPARE(model.index(slow, AlertsModel::LabelsColumn).data().toString(),
            QStringLiteral("instance=\"%1\", job=\"prometheus\", severity=\"ticket\"").arg(m_url.authority()));
        QCOMPARE(model.index(up, AlertsModel::ValueColumn).data().toString(), QStringLiteral("1"));
        const QString since = model.index(up, AlertsModel::SinceColumn).data().toString();
        QVERIFY2(since.contains(QStringLiteral(" ago (")), qPrintable(since));
        QVERIFY(since.contains(formatTime(*model.entry(up).alert.activeAtMs, m_context->timeRange().display())));
        // The view shows the same order through its sorting proxy.
        auto* table = child<QTableView>("alertsTable");
        QCOMPARE(table->model()->index(0, AlertsModel::NameColumn).data().toString(),
            QStringLiteral("FirebreakSelfScrapeUp"));
        QVERIFY(child<QLabel>("alertsStatus")->text().startsWith(QStringLiteral("1 firing, 1 pending")));
    }

    void detailsShowQueryAndDeclare()
    {
        useSource(m_url);
        makePanel();
        m_panel->show();
        QTRY_VERIFY_WITH_TIMEOUT(bothAlertsShown(), WaitMs);
        auto* showQuery = child<QPushButton>("alertShowQuery");
        auto* declare = child<QPushButton>("alertDeclare");
        QVERIFY(!showQuery->isEnabled() && !declare->isEnabled()); // nothing selected yet

        const int up = rowOfAlert(*m_panel->model(), QStringLiteral("FirebreakSelfScrapeUp"));
        m_panel->selectRow(up);
        QCOMPARE(m_panel->selectedRow(), up);
        const QString details = child<QTextBrowser>("alertDetails")->toPlainText();
        for (const QString& expected : { QStringLiteral("Prometheus scrapes itself"),
                 QStringLiteral("up is 1 on %1").arg(m_url.authority()), QStringLiteral("up{job=\"prometheus\"} == 1"),
                 QStringLiteral("Rule health: ok"), QStringLiteral("severity") })
            QVERIFY2(details.contains(expected), qPrintable(expected + QStringLiteral(" not in:\n") + details));

        QSignalSpy queries(m_panel.get(), &AlertsPanel::showQueryRequested);
        QTest::mouseClick(showQuery, Qt::LeftButton);
        QCOMPARE(queries.count(), 1);
        QCOMPARE(queries.first().first().toString(), QStringLiteral("up{job=\"prometheus\"} == 1"));

        QSignalSpy declared(m_panel.get(), &AlertsPanel::declareIncidentRequested);
        QTest::mouseClick(declare, Qt::LeftButton);
        QCOMPARE(declared.count(), 1);
        const auto prefill = declared.first().at(0).value<journal::DeclareRequest>();
        QCOMPARE(prefill.title, QStringLiteral("FirebreakSelfScrapeUp: Prometheus scrapes itself"));
        QCOMPARE(prefill.severity, Severity::Sev2); // severity="page"
        QCOMPARE(prefill.services, QStringList { QStringLiteral("prometheus") }); // job="prometheus"
        QCOMPARE(prefill.summary, QStringLiteral("up is 1 on %1").arg(m_url.authority()));
        QCOMPARE(prefill.startedMs, m_panel->model()->entry(up).alert.activeAtMs);
        const auto evidence = declared.first().at(1).value<journal::Evidence>();
        QCOMPARE(evidence.source, QStringLiteral("prometheus"));
        QCOMPARE(evidence.title, QStringLiteral("Alert FirebreakSelfScrapeUp (firing)"));
        QCOMPARE(evidence.query, QStringLiteral("up{job=\"prometheus\"} == 1"));
        QVERIFY(evidence.toMs >= evidence.fromMs);
        const QJsonObject frozen = QJsonDocument::fromJson(evidence.frozenData).object();
        QCOMPARE(frozen.value(QStringLiteral("labels")).toObject().value(QStringLiteral("instance")).toString(),
            m_url.authority());
        QCOMPARE(frozen.value(QStringLiteral("value")).toString(), QStringLiteral("1e+00"));
        QCOMPARE(frozen.value(QStringLiteral("source")).toString(), QStringLiteral("prom-fixture"));

        // The selection survives the reloads of the timer.
        QSignalSpy refreshed(m_panel.get(), &AlertsPanel::refreshed);
        QTRY_VERIFY_WITH_TIMEOUT(refreshed.count() >= 2, WaitMs);
        QCOMPARE(m_panel->model()->entry(m_panel->selectedRow()).alert.labels.value(QStringLiteral("alertname")),
            QStringLiteral("FirebreakSelfScrapeUp"));
    }

    void refreshFollowsTheTimeRangeController()
    {
        useSource(m_url);
        makePanel();
        m_panel->setRefreshInterval(std::chrono::milliseconds(0)); // only the controller now
        m_panel->show();
        QTRY_VERIFY_WITH_TIMEOUT(bothAlertsShown(), WaitMs);
        QSignalSpy refreshed(m_panel.get(), &AlertsPanel::refreshed);
        m_context->timeRange().refresh();
        QTRY_COMPARE_WITH_TIMEOUT(refreshed.count(), 1, WaitMs);
    }

    void failureIsShownInPlace()
    {
        // A port nobody listens on: the panel says which server failed, and stays usable.
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const quint16 port = closed.serverPort();
        closed.close();
        useSource(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)));
        makePanel();
        m_panel->show();
        QTRY_VERIFY_WITH_TIMEOUT(!m_panel->errorText().isEmpty(), WaitMs);
        const QString error = m_panel->errorText();
        QVERIFY2(error.startsWith(QStringLiteral("The alerts could not be loaded:"))
                && error.contains(QStringLiteral("127.0.0.1:%1").arg(port)),
            qPrintable(error));
        QVERIFY(child<QLabel>("alertsError")->isVisible());
        QCOMPARE(m_panel->model()->rowCount(), 0);
        // Asking again by hand answers again, with the same failure.
        m_panel->setRefreshInterval(std::chrono::milliseconds(0));
        QSignalSpy refreshed(m_panel.get(), &AlertsPanel::refreshed);
        QTest::mouseClick(child<QPushButton>("alertsRefresh"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!refreshed.isEmpty(), WaitMs);
        QCOMPARE(m_panel->errorText(), error);
    }

    void withoutPrometheusSaysSo()
    {
        makePanel();
        m_panel->show();
        auto* empty = m_panel->findChild<QWidget*>(QStringLiteral("alertsEmptyState"));
        QVERIFY(empty && empty->isVisible());
        // Adding a source brings the alerts.
        useSource(m_url);
        QTRY_VERIFY_WITH_TIMEOUT(bothAlertsShown(), WaitMs);
        QVERIFY(!empty->isVisible());
    }
};

QTEST_MAIN(TestAlertsPanel)
#include "tst_alertspanel.moc"
