#include "tracestatisticsview.h"

#include "analysis/celltone.h"
#include "analysis/durationtext.h"
#include "analysis/tracestatisticsmodel.h"
#include "tonedelegate.h"

#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QtConcurrent/QtConcurrentRun>
#include <QThread>
#include <QTreeView>
#include <QVBoxLayout>

namespace firebreak::ui {

using analysis::TraceStatisticsModel;

TraceStatisticsView::TraceStatisticsView(QWidget* parent)
    : QWidget(parent)
    , m_model(new TraceStatisticsModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_summary(new QLabel(this))
    , m_filter(new QLineEdit(this))
    , m_tree(new QTreeView(this))
{
    setObjectName(QStringLiteral("traceStatisticsView"));
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(TraceStatisticsModel::SortRole);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(TraceStatisticsModel::NameColumn);
    m_proxy->setRecursiveFilteringEnabled(true);

    m_summary->setObjectName(QStringLiteral("statisticsSummary"));
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_filter->setObjectName(QStringLiteral("statisticsFilter"));
    m_filter->setPlaceholderText(tr("Filter services and operations…"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setMinimumWidth(260);

    m_tree->setObjectName(QStringLiteral("traceStatistics"));
    m_tree->setModel(m_proxy);
    auto* delegate = new ToneDelegate(TraceStatisticsModel::ToneRole, m_tree);
    delegate->setBoldGroups(true);
    m_tree->setItemDelegate(delegate);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tree->setSortingEnabled(true);
    m_tree->sortByColumn(TraceStatisticsModel::TotalColumn, Qt::DescendingOrder);
    QHeaderView* header = m_tree->header();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(TraceStatisticsModel::NameColumn, QHeaderView::Stretch);
    header->setMinimumSectionSize(64);

    auto* top = new QHBoxLayout;
    top->addWidget(m_summary, 1);
    top->addWidget(m_filter);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addLayout(top);
    layout->addWidget(m_tree, 1);

    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString& text) {
        m_proxy->setFilterFixedString(text);
        m_tree->expandAll();
    });
    connect(m_tree, &QTreeView::doubleClicked, this, [this](const QModelIndex& index) {
        Q_EMIT groupActivated(index.data(TraceStatisticsModel::ServiceRole).toString(),
            index.data(TraceStatisticsModel::OperationRole).toString());
    });
    showSummary();
}

TraceStatisticsView::~TraceStatisticsView() = default;

void TraceStatisticsView::setDocument(analysis::TraceDocumentPtr document)
{
    Q_ASSERT(QThread::currentThread() == thread());
    m_document = std::move(document);
    const quint64 job = ++m_job;
    m_model->clear();
    if (!m_document) {
        m_computing = false;
        showSummary();
        return;
    }
    m_computing = true;
    showSummary();
    // A watcher rather than then(this, …): Qt 6.4's continuation asserts when its context is gone before the
    // work ends (a view closed during a computation); the watcher dies with the view and always reports through
    // the event loop, never inside setDocument().
    auto* watcher = new QFutureWatcher<analysis::TraceStatistics>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, job] {
        watcher->deleteLater();
        apply(job, watcher->future().takeResult());
    });
    watcher->setFuture(QtConcurrent::run(
        [document = m_document] { return analysis::TraceStatistics::compute(document->trace, document->tree); }));
}

void TraceStatisticsView::apply(quint64 job, analysis::TraceStatistics statistics)
{
    if (job != m_job)
        return;
    m_computing = false;
    m_model->setStatistics(std::move(statistics), m_document->trace.durationNs());
    // A handful of services reads best unfolded; hundreds would bury the table.
    if (m_model->rowCount() <= 12)
        m_tree->expandAll();
    showSummary();
    Q_EMIT statisticsReady();
}

void TraceStatisticsView::showSummary()
{
    if (!m_document) {
        m_summary->setText(tr("No trace"));
        return;
    }
    if (m_computing) {
        m_summary->setText(tr("Computing statistics…"));
        return;
    }
    const Trace& trace = m_document->trace;
    m_summary->setText(tr("Spans: %1 · Services: %2 · Errors: %3 · %4 end to end")
                           .arg(trace.spanCount())
                           .arg(m_model->rowCount())
                           .arg(trace.errorCount())
                           .arg(analysis::formatDurationNs(trace.durationNs())));
}

} // namespace firebreak::ui
