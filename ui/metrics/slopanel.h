#pragma once

#include "analysis/slo.h"
#include "backends/prometheus/prometheusclient.h"
#include "model/series.h"
#include "model/timerange.h"

#include <QHash>
#include <QWidget>

#include <array>
#include <optional>

class QChartView;
class QLabel;
class QLineSeries;
class QListWidget;
class QPushButton;
class QStackedWidget;
class QTableWidget;

namespace firebreak {
class AppContext;
}

namespace firebreak::ui {

class EmptyState;

/// What the SLO panel measured for one SLO at one time.
struct SloEvaluation
{
    QString sloId;
    qint64 atMs = 0; // the end of the shared time range
    TimeRange range;
    QHash<qint64, double> errorRatios; // window (ms) -> error ratio at atMs; NaN: no traffic or no data
    std::array<analysis::BurnRateRow, 4> rows {};
    analysis::ErrorBudget budget;
    double sliOverRange = 0; // SLI over the whole shown range
    double burnRateNow = 0; // over the last hour
    std::optional<qint64> exhaustionMs;
    Series sli; // SLI over the range, one point per step
    QStringList errors; // one sentence per failed query
};

/// The SLOs kept in the journal, and for the selected one, evaluated at the end of the shared time range
/// against the first Prometheus data source: the SLI over the range (chart and number), the error budget
/// left (as a share and as time), the burn rate of the last hour and the multi-window multi-burn-rate table
/// with the rows that fire highlighted. SLOs are added, edited and deleted here, and their Prometheus rules
/// exported as YAML.
class SloPanel final : public QWidget
{
    Q_OBJECT
public:
    explicit SloPanel(AppContext& context, QWidget* parent = nullptr);
    ~SloPanel() override;

    /// Reads the SLOs from the journal again (slosLoaded() follows).
    void reload();
    const QList<SloDefinition>& slos() const { return m_slos; }
    QString selectedId() const;
    void selectSlo(const QString& id);
    /// Stores `slo` (a new one when its id is empty) and selects it once stored (sloSaved() follows).
    void saveSlo(const SloDefinition& slo);
    void deleteSlo(const QString& id);
    /// Measures the selected SLO again (evaluated() follows); while hidden, once shown.
    void evaluate();
    const std::optional<SloEvaluation>& evaluation() const { return m_evaluation; }

    /// The Prometheus rules of the selected SLO; empty when none is selected.
    QString rulesYaml() const;
    /// Writes rulesYaml() to `path`; false with `error` set when it could not.
    bool exportRules(const QString& path, QString* error = nullptr) const;
    /// A problem shown in the panel (journal, source, queries); empty when all is well.
    QString errorText() const;

Q_SIGNALS:
    void slosLoaded();
    void sloSaved(const QString& id);
    void evaluated();
    /// Double-clicking a row of the burn-rate table opens its long window's error ratio as a query.
    void showQueryRequested(const QString& promql);

protected:
    void showEvent(QShowEvent* event) override;

private:
    std::optional<net::ConnectionProfile> profile() const;
    const SloDefinition* selected() const;
    void showList(const QString& selectId);
    void showSelected();
    void showEvaluation();
    void clearEvaluation();
    void editSelected();
    void addSlo();
    void confirmDelete();
    void chooseExportFile();
    void setError(const QString& message);
    void finishEvaluation(quint64 generation);

    AppContext& m_context;
    QList<SloDefinition> m_slos;
    std::optional<SloEvaluation> m_evaluation;
    std::optional<SloEvaluation> m_pending;
    int m_waiting = 0;
    quint64 m_generation = 0;
    bool m_stale = true; // asked to measure while hidden
    std::vector<net::RequestHandlePtr> m_requests;

    QListWidget* m_list;
    QPushButton* m_add;
    QPushButton* m_edit;
    QPushButton* m_delete;
    QStackedWidget* m_stack;
    EmptyState* m_empty;
    QLabel* m_title;
    QLabel* m_definition;
    QLabel* m_sli;
    QLabel* m_budget;
    QLabel* m_burnRate;
    QLabel* m_exhaustion;
    QTableWidget* m_table;
    QChartView* m_chart;
    QLineSeries* m_sliSeries;
    QLineSeries* m_objectiveSeries;
    QPushButton* m_export;
    QPushButton* m_copy;
    QLabel* m_status;
    QLabel* m_error;
};

} // namespace firebreak::ui
