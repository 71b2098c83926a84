#include "common/aboutdialog.h"
#include "common/appcontext.h"
#include "common/emptystate.h"
#include "common/mainwindow.h"
#include "common/queryeditor.h"
#include "common/settingsdialog.h"
#include "common/sourcehealthbar.h"
#include "logs/logsworkspace.h"
#include "metrics/metricsqueryrow.h"
#include "metrics/metricsworkspace.h"
#include "net/profilestore.h"
#include "traces/tracesworkspace.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTabWidget>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace firebreak;
using namespace firebreak::ui;
using namespace firebreak::net;

namespace {
/// A port on 127.0.0.1 that nothing listens on.
quint16 refusedPort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost);
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

EmptyState* emptyStateOf(QTabWidget* tabs, int index)
{
    return tabs->widget(index)->findChild<EmptyState*>();
}
} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_context = std::make_unique<AppContext>(
            m_dir.filePath(QStringLiteral("settings.ini")), m_dir.filePath(QStringLiteral("secrets.json")));
        m_window = std::make_unique<MainWindow>(*m_context, m_dir.filePath(QStringLiteral("firebreak.log")));
        m_window->show();
        m_tabs = m_window->findChild<QTabWidget*>(QStringLiteral("workspaces"));
        QVERIFY(m_tabs);
    }

    void cleanup()
    {
        m_window.reset();
        m_context.reset();
    }

    void fourWorkspacesWithHonestEmptyStates()
    {
        QCOMPARE(m_tabs->count(), 4);
        QCOMPARE(MainWindow::workspaceNames(),
            QStringList({ QStringLiteral("incident"), QStringLiteral("metrics"), QStringLiteral("logs"),
                QStringLiteral("traces") }));
        QCOMPARE(emptyStateOf(m_tabs, 0)->title(), QStringLiteral("No incident is open"));
        QCOMPARE(emptyStateOf(m_tabs, 1)->title(), QStringLiteral("No Prometheus data source"));
        QCOMPARE(emptyStateOf(m_tabs, 2)->title(), QStringLiteral("No Loki data source"));
        // Traces work without a backend: files open from disk.
        auto* summary = m_tabs->widget(3)->findChild<QLabel*>(QStringLiteral("traceSummary"));
        QVERIFY(summary->text().startsWith(QStringLiteral("Open a trace file")));
        auto* action = emptyStateOf(m_tabs, 1)->findChild<QPushButton*>(QStringLiteral("emptyStateAction"));
        QCOMPARE(action->text(), QStringLiteral("Add Prometheus data source…"));
    }

    void aSpanOpensItsLogsAndItsServicesMetrics()
    {
        SpanReference span { QStringLiteral("4bf92f3577b34da6a3ce929d0e0e4736"), QStringLiteral("00f067aa0ba902b7"),
            QStringLiteral("checkout"), QStringLiteral("POST /pay"), 1795600800'000'000'000, 1795600801'000'000'000 };
        Q_EMIT m_window->tracesWorkspace()->logsForSpanRequested(span);
        QCOMPARE(m_window->currentWorkspace(), QStringLiteral("logs"));
        QCOMPARE(m_window->logsWorkspace()->queryEditor()->query(),
            QStringLiteral("{service_name=\"checkout\"} |= \"4bf92f3577b34da6a3ce929d0e0e4736\""));

        Q_EMIT m_window->tracesWorkspace()->metricsForServiceRequested(span);
        QCOMPARE(m_window->currentWorkspace(), QStringLiteral("metrics"));
        QStringList queries;
        for (const MetricsQueryRow* row : m_window->metricsWorkspace()->queryRows())
            queries << row->query();
        QCOMPARE(queries.size(), 3);
        for (const QString& query : queries)
            QVERIFY2(query.contains(QStringLiteral("service=\"checkout\"")), qPrintable(query));
        // Half an hour either side of the span: enough to see the change.
        QCOMPARE(m_context->timeRange().range().fromMs, 1795600800'000 - 30 * 60'000);
        QCOMPARE(m_context->timeRange().range().toMs, 1795600801'000 + 30 * 60'000);
    }

    void switchesWorkspaces()
    {
        QVERIFY(m_window->showWorkspace(QStringLiteral("traces")));
        QCOMPARE(m_tabs->currentIndex(), 3);
        QCOMPARE(m_window->currentWorkspace(), QStringLiteral("traces"));
        QVERIFY(!m_window->showWorkspace(QStringLiteral("nonsense")));
        QCOMPARE(m_tabs->currentIndex(), 3);
    }

    void deadSourceShowsAsDownEverywhere()
    {
        ConnectionProfile loki = ProfileStore::newProfile(BackendKind::Loki);
        loki.name = QStringLiteral("loki-dev");
        loki.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(refusedPort()));
        loki.timeout = std::chrono::milliseconds(2000);
        QSignalSpy round(&m_context->health(), &HealthMonitor::roundFinished);
        QVERIFY(m_context->saveProfiles({ loki }));
        QTRY_COMPARE_WITH_TIMEOUT(round.count(), 1, 10000);

        auto* health = m_window->findChild<SourceHealthBar*>(QStringLiteral("sourceHealthBar"));
        QCOMPARE(health->summary(), QStringList { QStringLiteral("loki-dev: down") });
        // With a source configured, Logs offers its query editor; a query against the dead server says why
        // it failed, in the workspace, and the window goes on.
        QVERIFY(!emptyStateOf(m_tabs, 2)->isVisibleTo(m_tabs->widget(2)));
        m_window->showWorkspace(QStringLiteral("logs"));
        LogsWorkspace* logs = m_window->logsWorkspace();
        logs->runQuery(QStringLiteral("{app=\"checkout\"}"));
        QTRY_VERIFY_WITH_TIMEOUT(!logs->errorText().isEmpty(), 15000);
        QVERIFY2(logs->errorText().contains(QStringLiteral("refused")), qPrintable(logs->errorText()));
        // The other workspaces still ask for their own source.
        QCOMPARE(emptyStateOf(m_tabs, 1)->title(), QStringLiteral("No Prometheus data source"));
        // Saved for the next start.
        QCOMPARE(m_context->profiles().size(), 1);
    }

    void settingsDialogPersistsAndApplies()
    {
        QTimer::singleShot(0, this, [] {
            auto* dialog = qobject_cast<SettingsDialog*>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            auto* name = dialog->findChild<QLineEdit*>(QStringLiteral("displayName"));
            name->clear();
            QTest::keyClicks(name, QStringLiteral("Ada Lovelace"));
            auto* zone = dialog->findChild<QComboBox*>(QStringLiteral("timeDisplay"));
            zone->setCurrentIndex(zone->findData(QStringLiteral("utc")));
            auto* theme = dialog->findChild<QComboBox*>(QStringLiteral("theme"));
            theme->setCurrentIndex(theme->findData(QStringLiteral("dark")));
            dialog->accept();
        });
        m_window->openSettings();
        QCOMPARE(m_context->settings().displayName(), QStringLiteral("Ada Lovelace"));
        QCOMPARE(m_context->settings().timeDisplay(), TimeDisplay::Utc);
        QCOMPARE(m_context->settings().theme(), Theme::Dark);
        QCOMPARE(m_context->timeRange().display(), TimeDisplay::Utc);
        QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 100);

        // A fresh context reads the same file: the settings survived.
        AppContext again(
            m_dir.filePath(QStringLiteral("settings.ini")), m_dir.filePath(QStringLiteral("secrets.json")));
        QCOMPARE(again.settings().displayName(), QStringLiteral("Ada Lovelace"));
        m_context->settings().setTheme(Theme::System);
    }

    void aboutListsEveryLibraryAndTheLog()
    {
        AboutDialog about(m_dir.filePath(QStringLiteral("firebreak.log")));
        auto* table = about.findChild<QTableWidget*>(QStringLiteral("libraryVersions"));
        QStringList names;
        for (int row = 0; row < table->rowCount(); ++row) {
            names << table->item(row, 0)->text();
            QVERIFY2(!table->item(row, 1)->text().isEmpty(), qPrintable(names.last()));
        }
        for (const char* expected : { "Qt", "libcurl", "SQLite", "Protobuf", "gRPC", "spdlog", "fmt", "nlohmann/json" })
            QVERIFY2(names.contains(QLatin1String(expected)), expected);
        QVERIFY(
            about.findChild<QLabel*>(QStringLiteral("logFilePath"))->text().contains(QStringLiteral("firebreak.log")));
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<AppContext> m_context;
    std::unique_ptr<MainWindow> m_window;
    QTabWidget* m_tabs = nullptr;
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
