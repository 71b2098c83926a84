#pragma once

#include "analysis/tracediff.h"
#include "analysis/tracedocument.h"

#include <QWidget>

class QCheckBox;
class QLabel;
class QPushButton;
class QStackedWidget;
class QSortFilterProxyModel;
class QTreeView;

namespace firebreak::analysis {
class TraceDiffFilterModel;
class TraceDiffModel;
} // namespace firebreak::analysis

namespace firebreak::ui {

class EmptyState;

/// Two traces side by side by (service, operation) path: the structure diff (paths only in A or only in B) and
/// the latency diff (average duration per path in both), with "changed only". Computed on the thread pool.
class TraceDiffView final : public QWidget
{
    Q_OBJECT
public:
    explicit TraceDiffView(QWidget* parent = nullptr);
    ~TraceDiffView() override;

    /// A is the trace open in the workspace; B the one it is compared with (null until the user picks one).
    void setTraces(analysis::TraceDocumentPtr a, analysis::TraceDocumentPtr b);
    analysis::TraceDocumentPtr traceA() const { return m_a; }
    analysis::TraceDocumentPtr traceB() const { return m_b; }
    bool isComputing() const { return m_computing; }

    analysis::TraceDiffModel* model() const { return m_model; }

Q_SIGNALS:
    /// The user wants to pick trace B (a file or a trace id).
    void compareRequested();
    /// The diff of the current pair is shown.
    void diffReady();

private:
    void apply(quint64 job, analysis::TraceDiff diff);
    void showState();

    analysis::TraceDocumentPtr m_a;
    analysis::TraceDocumentPtr m_b;
    quint64 m_job = 0;
    bool m_computing = false;
    analysis::TraceDiffModel* m_model;
    analysis::TraceDiffFilterModel* m_filter;
    QSortFilterProxyModel* m_sort;
    QStackedWidget* m_pages;
    EmptyState* m_empty;
    QLabel* m_sources;
    QLabel* m_summary;
    QCheckBox* m_changedOnly;
    QPushButton* m_compare;
    QTreeView* m_tree;
};

} // namespace firebreak::ui
