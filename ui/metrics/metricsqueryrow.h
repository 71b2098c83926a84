#pragma once

#include "backends/prometheus/prometheusclient.h"
#include "metricsdata.h"
#include "net/latestrequest.h"

#include <QFrame>
#include <QList>

#include <memory>

class QLabel;
class QLineEdit;
class QToolButton;

namespace firebreak::journal {
class JournalService;
}

namespace firebreak::ui {

class QueryCompletionSource;
class QueryEditor;
class QueryHistoryButton;

/// One query of a metrics panel (A, B, C …): the PromQL, its legend format, hide and remove, its history, and
/// the state of its last run shown under it — running, the answer's size, the server's warnings or its error.
class MetricsQueryRow final : public QFrame
{
    Q_OBJECT
public:
    MetricsQueryRow(const QString& ref, journal::JournalService& journal, QWidget* parent = nullptr);
    ~MetricsQueryRow() override;

    QString ref() const { return m_ref; }
    QString query() const;
    void setQuery(const QString& query);
    QString legendFormat() const;
    void setLegendFormat(const QString& format);
    /// A hidden query is not run and not shown.
    bool isQueryHidden() const { return m_hidden; }
    void setQueryHidden(bool hidden);
    void setCompletionSource(QueryCompletionSource* source);

    QueryEditor* editor() const { return m_editor; }
    QueryHistoryButton* history() const { return m_history; }
    QLineEdit* legendEdit() const { return m_legend; }

    // The run, driven by the workspace.
    /// A new run begins: answers of older ones are to be dropped. Returns the run's number.
    quint64 startRun();
    quint64 generation() const { return m_generation; }
    net::LatestRequest& request() { return m_request; }
    net::LatestRequest& exemplarRequest() { return m_exemplarRequest; }
    void finishRun(prometheus::Answer<prometheus::QueryResult> answer, qint64 elapsedMs);
    void setExemplars(QList<ChartExemplar> exemplars, const QString& error);
    /// Forgets the result (the query was emptied or hidden).
    void clearResult();

    bool isRunning() const { return m_running; }
    /// The query or its exemplars are still to come.
    bool isBusy() const { return m_running || m_exemplarsPending; }
    void setExemplarsPending() { m_exemplarsPending = true; }
    std::shared_ptr<const prometheus::QueryResult> result() const { return m_result; }
    const QList<ChartExemplar>& exemplars() const { return m_exemplars; }
    /// What the status line says; the error alone (empty when the last run worked).
    QString statusText() const;
    QString errorText() const { return m_error; }
    QStringList warnings() const { return m_warnings; }

Q_SIGNALS:
    void runRequested();
    void removeRequested();
    void hiddenChanged(bool hidden);
    void legendFormatChanged();

private:
    void showStatus();

    QString m_ref;
    QLabel* m_refLabel;
    QueryEditor* m_editor;
    QLineEdit* m_legend;
    QToolButton* m_hide;
    QueryHistoryButton* m_history;
    QToolButton* m_remove;
    QLabel* m_status;

    bool m_hidden = false;
    bool m_running = false;
    bool m_exemplarsPending = false;
    quint64 m_generation = 0;
    net::LatestRequest m_request;
    net::LatestRequest m_exemplarRequest;
    std::shared_ptr<const prometheus::QueryResult> m_result;
    QList<ChartExemplar> m_exemplars;
    QString m_error;
    QString m_exemplarError;
    QStringList m_warnings;
    QString m_summary;
};

} // namespace firebreak::ui
