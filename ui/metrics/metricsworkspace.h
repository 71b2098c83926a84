#pragma once

#include "journal/journal.h"
#include "metricsdata.h"
#include "net/connectionprofile.h"

#include <QList>
#include <QWidget>

#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QScrollArea;
class QSplitter;
class QStackedWidget;
class QTabWidget;
class QTimer;
class QTableView;
class QVBoxLayout;

namespace firebreak {
class AppContext;
}

namespace firebreak::ui {

class EmptyState;
class MetricsChartView;
class MetricsQueryRow;
class MetricsTableModel;
class PrometheusCompletionSource;

/// The Metrics tab: several PromQL queries (A, B, C …) on one chart over the shared time range, or their
/// instant values at its end; a table of the same result; exemplars that open their traces; pinning the chart
/// (queries, range, picture, raw points) to an incident. Side panels (alerts, SLOs) are added by the window.
class MetricsWorkspace final : public QWidget
{
    Q_OBJECT
public:
    explicit MetricsWorkspace(AppContext& context, QWidget* parent = nullptr);
    ~MetricsWorkspace() override;

    /// Replaces the queries with `promql` (one row each), moves the shared range to `range` when it is valid and
    /// runs them: "metrics for this service" from a span, "show query" from an alert.
    void showQueries(const QStringList& promql, const TimeRange& range);
    /// A panel beside the chart, in a tab of its own (alerts, SLOs).
    void addSidePanel(QWidget* panel, const QString& title);

    /// Runs every query that is not hidden, on the current range (Ctrl+Enter, the Run button).
    void run();
    MetricsQueryRow* addQuery(const QString& promql = {}, const QString& legendFormat = {});
    void removeQuery(MetricsQueryRow* row);
    void setInstantMode(bool instant);
    bool isInstantMode() const;
    /// Pins the chart: emits pinToIncidentRequested once the frozen data is ready (built off the GUI thread).
    void pinToIncident();

    QList<MetricsQueryRow*> queryRows() const { return m_rows; }
    MetricsChartView* chart() const { return m_chart; }
    MetricsTableModel* tableModel() const { return m_table; }
    ChartResultPtr result() const { return m_result; }
    /// The Prometheus profile queried, if any.
    std::optional<net::ConnectionProfile> currentProfile() const;
    /// The step of the last range run (ms), 0 after an instant one.
    qint64 lastStepMs() const { return m_lastStepMs; }
    TimeRange lastRange() const { return m_lastRange; }
    /// Some query is still waiting for its answer.
    bool isLoading() const;

    struct FrozenQuery
    {
        QString ref;
        QString expr;
        QString legend;
    };
    /// The frozen data of a pin: the queries and every series of the result with its raw points, as JSON
    /// (NaN and infinities as Prometheus writes them: "NaN", "+Inf", "-Inf").
    static QByteArray frozenJson(
        const ChartResult& result, const QList<FrozenQuery>& queries, const std::vector<char>& visible);

Q_SIGNALS:
    void openTraceRequested(const QString& traceId);
    void pinToIncidentRequested(const firebreak::journal::Evidence& evidence);
    void addSourceRequested();
    /// Every query of the last run has answered (or failed).
    void runFinished();

protected:
    void showEvent(QShowEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void refreshSources();
    void runQueries(bool fromUser);
    void runRow(MetricsQueryRow* row, const net::ConnectionProfile& profile, bool fromUser);
    void rebuildResult();
    void rebuildExemplars();
    void rerunLater();
    void updateBusy();
    void applyThresholds();
    void fitQueries();
    QString nextRef() const;
    QString pinTitle() const;
    QString pinQueries() const;

    AppContext& m_context;
    QStackedWidget* m_stack;
    EmptyState* m_empty;
    QComboBox* m_source;
    QCheckBox* m_instant;
    QComboBox* m_mode;
    QCheckBox* m_log;
    QCheckBox* m_fromZero;
    QLineEdit* m_thresholds;
    QCheckBox* m_showExemplars;
    QPushButton* m_run;
    QPushButton* m_pin;
    QProgressBar* m_busy;
    QLabel* m_summary;
    QWidget* m_rowsBox;
    QVBoxLayout* m_rowsLayout;
    QTabWidget* m_views;
    MetricsChartView* m_chart;
    MetricsTableModel* m_table;
    QTableView* m_tableView;
    QComboBox* m_tableLayout;
    QTabWidget* m_side;
    PrometheusCompletionSource* m_completion;

    QList<MetricsQueryRow*> m_rows;
    ChartResultPtr m_result;
    TimeRange m_lastRange;
    qint64 m_lastStepMs = 0;
    bool m_lastInstant = false;
    bool m_hasRun = false; // range changes re-run only what the user ran once
    bool m_stale = false; // the range changed while the tab was not shown
    QTimer* m_legendTimer;
    QSplitter* m_splitter;
    QScrollArea* m_rowsScroll;
    bool m_fitted = false;
};

} // namespace firebreak::ui
