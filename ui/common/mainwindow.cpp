#include "mainwindow.h"

#include "aboutdialog.h"
#include "analysis/correlationqueries.h"
#include "common/appcontext.h"
#include "datasourcedialog.h"
#include "incident/incidentview.h"
#include "incident/incidentworkspace.h"
#include "incident/timelinepanel.h"
#include "logs/logsworkspace.h"
#include "metrics/alertspanel.h"
#include "metrics/metricsworkspace.h"
#include "metrics/slopanel.h"
#include "settingsdialog.h"
#include "sourcehealthbar.h"
#include "theme.h"
#include "timerangebar.h"
#include "traces/tracesworkspace.h"

#include <QCloseEvent>
#include <QFileDialog>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QToolBar>

#include <spdlog/spdlog.h>

namespace firebreak::ui {

using namespace firebreak::net;

MainWindow::MainWindow(AppContext& context, QString logFile, QWidget* parent)
    : QMainWindow(parent)
    , m_context(context)
    , m_logFile(std::move(logFile))
    , m_timeBar(new TimeRangeBar(context.timeRange(), this))
    , m_tabs(new QTabWidget(this))
    , m_health(new SourceHealthBar(context.health(), this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Firebreak"));
    m_tabs->setObjectName(QStringLiteral("workspaces"));
    m_tabs->setDocumentMode(true);

    auto* incident = new IncidentWorkspace(
        context.journal(), context.qsettings(), [&context] { return context.author(); }, m_tabs);
    m_incident = incident;
    m_tabs->addTab(incident, tr("Incident"));
    connect(incident, &IncidentWorkspace::journalChosen, this, [this](const QString& path) {
        spdlog::info("event=journal_switch path=\"{}\"", path.toStdString());
        m_context.openJournal(path);
    });
    m_metrics = new MetricsWorkspace(context, m_tabs);
    m_tabs->addTab(m_metrics, tr("Metrics"));
    auto* alerts = new AlertsPanel(context, m_metrics);
    auto* slos = new SloPanel(context, m_metrics);
    m_metrics->addSidePanel(alerts, tr("Alerts"));
    m_metrics->addSidePanel(slos, tr("SLOs"));
    m_logs = new LogsWorkspace(context, m_tabs);
    m_tabs->addTab(m_logs, tr("Logs"));
    m_traces = new TracesWorkspace(context, m_tabs);
    m_tabs->addTab(m_traces, tr("Traces"));
    connectCorrelation(alerts, slos);
    connect(m_incident->view()->timeline(), &TimelinePanel::evidenceOpenRequested, this, &MainWindow::openEvidence);
    setCentralWidget(m_tabs);

    auto* rangeToolBar = new QToolBar(tr("Time range"), this);
    rangeToolBar->setObjectName(QStringLiteral("timeRangeToolBar"));
    rangeToolBar->setMovable(false);
    rangeToolBar->addWidget(m_timeBar);
    addToolBar(Qt::TopToolBarArea, rangeToolBar);

    statusBar()->addPermanentWidget(m_health, 1);
    connect(m_health, &SourceHealthBar::manageRequested, this, [this] { openDataSources(); });

    createMenus();
    applySettings();
    connect(&context.timeRange(), &TimeRangeController::rangeChanged, this,
        [this] { m_context.settings().setQuickRange(m_context.timeRange().quickRangeKey()); });

    if (!context.startupProblem().isEmpty()) {
        // Shown once the window is up, not as a modal before it.
        const QString problem = context.startupProblem();
        QTimer::singleShot(0, this,
            [this, problem] { statusBar()->showMessage(tr("Secrets could not be loaded: %1").arg(problem), 30000); });
    }
    connect(&context.journal(), &journal::JournalService::backedUp, this,
        [this](const QString& file) { statusBar()->showMessage(tr("Journal backed up to %1").arg(file), 5000); });
    connect(&context.journal(), &journal::JournalService::backupFailed, this, [this](const QString& message) {
        statusBar()->showMessage(tr("Journal backup failed: %1").arg(message), 30000);
    });
    connect(&context.journal(), &journal::JournalService::written, this, [this](const JournalEvent& event) {
        // Pinning happens from the telemetry tabs: say where it went without leaving them.
        if (event.kind == EventKind::EvidencePinned)
            statusBar()->showMessage(
                tr("Pinned \"%1\" to %2")
                    .arg(event.payload.value(QStringLiteral("title")).toString(), event.incidentId),
                10000);
    });
    resize(1280, 800);
}

MainWindow::~MainWindow() = default;

namespace {
analysis::SpanContext contextOf(const SpanReference& span)
{
    return { span.traceId, span.spanId, span.service, span.operation };
}

TimeRange around(const SpanReference& span, qint64 marginMs)
{
    return { span.startNs / 1'000'000 - marginMs, span.endNs / 1'000'000 + marginMs };
}
} // namespace

void MainWindow::connectCorrelation(AlertsPanel* alerts, SloPanel* slos)
{
    // Every workspace pins through the incident workspace, which asks which open incident.
    connect(m_metrics, &MetricsWorkspace::pinToIncidentRequested, m_incident, &IncidentWorkspace::pinEvidence);
    connect(m_logs, &LogsWorkspace::pinToIncidentRequested, m_incident, &IncidentWorkspace::pinEvidence);
    connect(m_traces, &TracesWorkspace::pinToIncidentRequested, m_incident, &IncidentWorkspace::pinEvidence);
    connect(alerts, &AlertsPanel::declareIncidentRequested, this,
        [this](const journal::DeclareRequest& prefill, const journal::Evidence& evidence) {
            showWorkspace(QStringLiteral("incident"));
            m_incident->declareIncidentFrom(prefill, evidence);
        });
    const auto showQuery = [this](const QString& promql) {
        showWorkspace(QStringLiteral("metrics"));
        m_metrics->showQueries({ promql }, m_context.timeRange().range());
    };
    connect(alerts, &AlertsPanel::showQueryRequested, this, showQuery);
    connect(slos, &SloPanel::showQueryRequested, this, showQuery);

    // An exemplar or a trace id in a log line opens its trace.
    connect(m_metrics, &MetricsWorkspace::openTraceRequested, this, &MainWindow::openTrace);
    connect(m_logs, &LogsWorkspace::openTraceRequested, this, &MainWindow::openTrace);

    // A span opens its logs and its service's metrics around its own time.
    connect(m_traces, &TracesWorkspace::logsForSpanRequested, this, [this](const SpanReference& span) {
        showWorkspace(QStringLiteral("logs"));
        m_logs->runQuery(analysis::fillCorrelationTemplate(m_context.settings().spanLogsQuery(), contextOf(span)),
            around(span, analysis::SpanLogsMarginMs));
    });
    connect(m_traces, &TracesWorkspace::metricsForServiceRequested, this, [this](const SpanReference& span) {
        QStringList queries;
        for (const QString& query : m_context.settings().serviceMetricsQueries())
            queries << analysis::fillCorrelationTemplate(query, contextOf(span));
        showWorkspace(QStringLiteral("metrics"));
        m_metrics->showQueries(queries, around(span, analysis::ServiceMetricsMarginMs));
    });

    // Patterns that appear only after the selected incident began are "new".
    connect(&m_context.journal(), &journal::JournalService::incidentLoaded, this, [this](const Incident& incident) {
        if (incident.id == m_incident->currentIncidentId())
            m_logs->setNewPatternsSince(incident.startedMs.value_or(incident.declaredMs) * 1'000'000);
    });

    connect(
        m_metrics, &MetricsWorkspace::addSourceRequested, this, [this] { openDataSources(BackendKind::Prometheus); });
    connect(m_logs, &LogsWorkspace::addSourceRequested, this, [this] { openDataSources(BackendKind::Loki); });
}

void MainWindow::openTrace(const QString& traceId)
{
    showWorkspace(QStringLiteral("traces"));
    m_traces->openTraceId(traceId);
}

void MainWindow::openEvidence(const QString& source, const QString& query, qint64 fromMs, qint64 toMs)
{
    const TimeRange range { fromMs, toMs };
    if (source == QLatin1String("tempo")) {
        openTrace(query);
    } else if (source == QLatin1String("prometheus")) {
        showWorkspace(QStringLiteral("metrics"));
        m_metrics->showQueries(query.split(u'\n', Qt::SkipEmptyParts), range);
    } else if (source == QLatin1String("loki")) {
        showWorkspace(QStringLiteral("logs"));
        m_logs->runQuery(query, range);
    }
}

QStringList MainWindow::workspaceNames()
{
    return { QStringLiteral("incident"), QStringLiteral("metrics"), QStringLiteral("logs"), QStringLiteral("traces") };
}

bool MainWindow::showWorkspace(const QString& name)
{
    const qsizetype index = workspaceNames().indexOf(name.toLower());
    if (index < 0)
        return false;
    m_tabs->setCurrentIndex(static_cast<int>(index));
    return true;
}

QString MainWindow::currentWorkspace() const
{
    return workspaceNames().value(m_tabs->currentIndex());
}

void MainWindow::restoreSession()
{
    restoreGeometry(m_context.qsettings().value(QStringLiteral("ui/geometry")).toByteArray());
    showWorkspace(m_context.qsettings().value(QStringLiteral("ui/workspace")).toString());
}

void MainWindow::createMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* openTrace = file->addAction(tr("Open &trace…"), this, [this] {
        showWorkspace(QStringLiteral("traces"));
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Open trace"), QString(), tr("Traces (*.pb *.json *.bin *.proto);;All files (*)"));
        if (!path.isEmpty())
            m_traces->openFile(path);
    });
    openTrace->setObjectName(QStringLiteral("actionOpenTrace"));
    openTrace->setShortcut(QKeySequence::Open);
    file->addSeparator();
    QAction* sources = file->addAction(tr("&Data sources…"), this, [this] { openDataSources(); });
    sources->setObjectName(QStringLiteral("actionDataSources"));
    sources->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    QAction* settings = file->addAction(tr("&Settings…"), this, &MainWindow::openSettings);
    settings->setObjectName(QStringLiteral("actionSettings"));
    settings->setShortcut(QKeySequence::Preferences);
    settings->setMenuRole(QAction::PreferencesRole);
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &MainWindow::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu* incidentMenu = menuBar()->addMenu(tr("&Incident"));
    QAction* declare = incidentMenu->addAction(tr("&Declare incident…"), this, [this] {
        showWorkspace(QStringLiteral("incident"));
        m_incident->declareIncident();
    });
    declare->setObjectName(QStringLiteral("actionDeclare"));
    declare->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    declare->setShortcutContext(Qt::ApplicationShortcut);
    incidentMenu->addAction(tr("&Severity definitions…"), m_incident, &IncidentWorkspace::editSeverityDefinitions);
    QAction* backup = incidentMenu->addAction(
        tr("&Back up the journal now"), &m_context.journal(), &journal::JournalService::backupNow);
    backup->setObjectName(QStringLiteral("actionBackup"));

    QMenu* view = menuBar()->addMenu(tr("&View"));
    for (int i = 0; i < m_tabs->count(); ++i) {
        QAction* action = view->addAction(m_tabs->tabText(i), this, [this, i] { m_tabs->setCurrentIndex(i); });
        action->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + i)));
    }
    view->addSeparator();
    view->addAction(tr("Check data sources now"), &m_context.health(), &HealthMonitor::checkAll);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    QAction* about = help->addAction(tr("&About Firebreak"), this, &MainWindow::openAbout);
    about->setObjectName(QStringLiteral("actionAbout"));
    about->setMenuRole(QAction::AboutRole);
}

void MainWindow::applySettings()
{
    AppSettings& settings = m_context.settings();
    m_context.timeRange().setDisplay(settings.timeDisplay());
    m_context.health().setInterval(settings.healthInterval());
    m_health->setTimeDisplay(settings.timeDisplay());
    m_incident->setTimeDisplay(settings.timeDisplay());
    applyTheme(settings.theme());
}

void MainWindow::openDataSources(std::optional<BackendKind> addKind)
{
    DataSourceDialog dialog(m_context.http(), m_context.profiles(), this);
    if (addKind)
        dialog.addProfile(*addKind);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QString error;
    if (!m_context.saveProfiles(dialog.profiles(), &error)) {
        spdlog::error("event=profiles_save_failed error=\"{}\"", error.toStdString());
        QMessageBox::warning(this, tr("Data sources not saved"), error);
        return;
    }
    spdlog::info("event=profiles_saved count={}", dialog.profiles().size());
    statusBar()->showMessage(tr("Data sources saved."), 4000);
}

void MainWindow::openSettings()
{
    SettingsDialog dialog(m_context.settings(), this);
    if (dialog.exec() == QDialog::Accepted)
        applySettings();
}

void MainWindow::openAbout()
{
    AboutDialog dialog(m_logFile, this);
    dialog.exec();
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    const int drafts = m_incident->unsavedDrafts();
    if (drafts > 0
        && QMessageBox::warning(this, tr("Unsaved postmortem draft"),
               tr("%n postmortem draft(s) have changes that are not saved in the journal. Close "
                  "anyway and lose them?",
                   nullptr, drafts),
               QMessageBox::Close | QMessageBox::Cancel, QMessageBox::Cancel)
            != QMessageBox::Close) {
        event->ignore();
        return;
    }
    const int pending = m_context.journal().pendingWrites();
    if (pending > 0
        && QMessageBox::warning(this, tr("Changes not saved yet"),
               tr("%n change(s) to the incident journal could not be saved yet and are being "
                  "retried. Firebreak tries once more while it closes and writes anything that "
                  "still fails to its log.\n\nClose anyway?",
                   nullptr, pending),
               QMessageBox::Close | QMessageBox::Cancel, QMessageBox::Cancel)
            != QMessageBox::Close) {
        event->ignore();
        return;
    }
    m_context.qsettings().setValue(QStringLiteral("ui/geometry"), saveGeometry());
    m_context.qsettings().setValue(QStringLiteral("ui/workspace"), currentWorkspace());
    event->accept();
}

} // namespace firebreak::ui
