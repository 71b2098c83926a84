#pragma once

#include "analysis/tracedocument.h"
#include "analysis/tracestatistics.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTreeView;

namespace firebreak::analysis {
class TraceStatisticsModel;
}

namespace firebreak::ui {

/// Jaeger's "Trace Statistics" for one trace: per service, with its operations beneath — count, total, average,
/// min, max, p95, self time and its share of the trace, errors — sortable by any column. Computed on the thread
/// pool; a newer document wins over a computation still running.
class TraceStatisticsView final : public QWidget
{
    Q_OBJECT
public:
    explicit TraceStatisticsView(QWidget* parent = nullptr);
    ~TraceStatisticsView() override;

    void setDocument(analysis::TraceDocumentPtr document);
    analysis::TraceDocumentPtr document() const { return m_document; }
    bool isComputing() const { return m_computing; }

    analysis::TraceStatisticsModel* model() const { return m_model; }

Q_SIGNALS:
    /// The statistics of the current document are shown.
    void statisticsReady();
    /// A double-clicked row; `operation` is empty for a service row.
    void groupActivated(const QString& service, const QString& operation);

private:
    void apply(quint64 job, analysis::TraceStatistics statistics);
    void showSummary();

    analysis::TraceDocumentPtr m_document;
    quint64 m_job = 0;
    bool m_computing = false;
    analysis::TraceStatisticsModel* m_model;
    QSortFilterProxyModel* m_proxy;
    QLabel* m_summary;
    QLineEdit* m_filter;
    QTreeView* m_tree;
};

} // namespace firebreak::ui
