#pragma once

#include "net/connectionprofile.h"

#include <QMainWindow>

class QTabWidget;
class QLabel;

namespace firebreak {
class AppContext;
}

namespace firebreak::ui {

class AlertsPanel;
class IncidentWorkspace;
class LogsWorkspace;
class MetricsWorkspace;
class SloPanel;
class TracesWorkspace;
class SourceHealthBar;
class TimeRangeBar;

/// The shell: the global time range on top, the four workspaces as tabs, source health at the bottom.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    MainWindow(AppContext& context, QString logFile, QWidget* parent = nullptr);
    ~MainWindow() override;

    /// "incident", "metrics", "logs", "traces".
    static QStringList workspaceNames();
    bool showWorkspace(const QString& name);
    TracesWorkspace* tracesWorkspace() const { return m_traces; }
    MetricsWorkspace* metricsWorkspace() const { return m_metrics; }
    LogsWorkspace* logsWorkspace() const { return m_logs; }
    IncidentWorkspace* incidentWorkspace() const { return m_incident; }
    QString currentWorkspace() const;
    /// Window geometry and workspace of the last session.
    void restoreSession();

public Q_SLOTS:
    void openDataSources(std::optional<firebreak::net::BackendKind> addKind = std::nullopt);
    void openSettings();
    void openAbout();
    /// Runs pinned evidence's query again in its workspace, over its pinned range.
    void openTrace(const QString& traceId);
    void openEvidence(const QString& source, const QString& query, qint64 fromMs, qint64 toMs);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createMenus();
    /// The links between workspaces: pins, alerts to incidents, exemplars and log lines to traces, spans
    /// to their logs and metrics.
    void connectCorrelation(AlertsPanel* alerts, SloPanel* slos);
    void applySettings();

    AppContext& m_context;
    QString m_logFile;
    TimeRangeBar* m_timeBar;
    QTabWidget* m_tabs;
    SourceHealthBar* m_health;
    IncidentWorkspace* m_incident = nullptr;
    MetricsWorkspace* m_metrics = nullptr;
    LogsWorkspace* m_logs = nullptr;
    TracesWorkspace* m_traces = nullptr;
};

} // namespace firebreak::ui
