#pragma once

#include "backends/prometheus/prometheusclient.h"
#include "journal/journal.h"
#include "net/latestrequest.h"

#include <QWidget>

#include <chrono>
#include <optional>
#include <vector>

class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;
class QTextBrowser;
class QTimer;

namespace firebreak {
class AppContext;
}

namespace firebreak::ui {

class AlertsModel;
class EmptyState;

/// The pending and firing alerts of the first Prometheus data source (/api/v1/alerts), with each alert's
/// rule (/api/v1/rules: query, health). Reloads on the shared time range's refresh, on a timer while shown,
/// and when the data sources change; a failure is shown in place and the last alerts stay. The selected
/// alert's labels, annotations and query are shown; it can be opened as a query or declared as an incident.
class AlertsPanel final : public QWidget
{
    Q_OBJECT
public:
    explicit AlertsPanel(AppContext& context, QWidget* parent = nullptr);
    ~AlertsPanel() override;

    /// Asks the source again now (cancelling a reload under way).
    void refresh();
    /// How often the alerts are reloaded while the panel is shown (default 30 s; 0 turns it off).
    void setRefreshInterval(std::chrono::milliseconds interval);
    /// Use this data source instead of the first Prometheus one; empty goes back to the first.
    void setProfileId(const QString& profileId);

    AlertsModel* model() const { return m_model; }
    /// The alert selected in the table, if any (a row of model()).
    int selectedRow() const;
    void selectRow(int modelRow);
    /// The failure of the last reload; empty when it worked.
    QString errorText() const;

Q_SIGNALS:
    void declareIncidentRequested(
        const firebreak::journal::DeclareRequest& prefill, const firebreak::journal::Evidence& alertEvidence);
    void showQueryRequested(const QString& promql);
    /// A reload ended, with alerts or with an error.
    void refreshed();

protected:
    void showEvent(QShowEvent* event) override;

private:
    std::optional<net::ConnectionProfile> profile() const;
    void updateProfile();
    void finish();
    void showSelection();
    void declareSelected();
    QString selectedQuery() const;
    void setError(const QString& message);

    AppContext& m_context;
    QString m_profileId;
    std::optional<prometheus::PrometheusClient> m_client;
    net::LatestRequest m_alertsRequest;
    net::LatestRequest m_rulesRequest;
    quint64 m_generation = 0;
    int m_waiting = 0;
    std::optional<prometheus::Answer<std::vector<prometheus::Alert>>> m_alertsAnswer;
    std::optional<prometheus::Answer<std::vector<prometheus::RuleGroup>>> m_rulesAnswer;
    bool m_loadedOnce = false;

    QStackedWidget* m_stack;
    EmptyState* m_empty;
    QLabel* m_source;
    QLabel* m_status;
    QLabel* m_error;
    QPushButton* m_refreshButton;
    QTableView* m_table;
    AlertsModel* m_model;
    QSortFilterProxyModel* m_sorted;
    QTextBrowser* m_details;
    QPushButton* m_showQuery;
    QPushButton* m_declare;
    QTimer* m_timer;
};

} // namespace firebreak::ui
