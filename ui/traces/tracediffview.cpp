#include "tracediffview.h"

#include "analysis/tracediffmodel.h"
#include "common/emptystate.h"
#include "tonedelegate.h"

#include <QCheckBox>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QStackedWidget>
#include <QtConcurrent/QtConcurrentRun>
#include <QThread>
#include <QTreeView>
#include <QVBoxLayout>

namespace firebreak::ui {

using analysis::TraceDiffModel;

namespace {

/// A file's name rather than its whole path; "Tempo prod: <id>" stays as it is.
QString shortSource(const analysis::TraceDocument& document)
{
    const QFileInfo file(document.source);
    return file.isAbsolute() ? file.fileName() : document.source;
}

} // namespace

TraceDiffView::TraceDiffView(QWidget* parent)
    : QWidget(parent)
    , m_model(new TraceDiffModel(this))
    , m_filter(new analysis::TraceDiffFilterModel(this))
    , m_sort(new QSortFilterProxyModel(this))
    , m_pages(new QStackedWidget(this))
    , m_empty(new EmptyState(m_pages))
    , m_sources(new QLabel(this))
    , m_summary(new QLabel(this))
    , m_changedOnly(new QCheckBox(tr("Changed only"), this))
    , m_compare(new QPushButton(tr("Compare with…"), this))
    , m_tree(new QTreeView(m_pages))
{
    setObjectName(QStringLiteral("traceDiffView"));
    m_filter->setSourceModel(m_model);
    m_sort->setSourceModel(m_filter);
    m_sort->setSortRole(TraceDiffModel::SortRole);
    m_sort->setSortCaseSensitivity(Qt::CaseInsensitive);

    m_empty->setObjectName(QStringLiteral("diffEmptyState"));
    m_sources->setObjectName(QStringLiteral("diffSources"));
    m_sources->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setObjectName(QStringLiteral("diffSummary"));
    m_changedOnly->setObjectName(QStringLiteral("diffChangedOnly"));
    m_changedOnly->setToolTip(tr("Show only paths that exist in one trace, or whose average duration changed by "
                                 "10 % or more, with the paths leading to them"));
    m_compare->setObjectName(QStringLiteral("compareWith"));
    m_compare->setToolTip(tr("Pick the trace to compare with: a file or a trace id"));

    m_tree->setObjectName(QStringLiteral("traceDiff"));
    m_tree->setModel(m_sort);
    m_tree->setItemDelegate(new ToneDelegate(TraceDiffModel::ToneRole, m_tree));
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    // Tree order (siblings by first start) until the user picks a column.
    m_tree->header()->setSortIndicator(-1, Qt::AscendingOrder);
    m_tree->setSortingEnabled(true);
    QHeaderView* header = m_tree->header();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(TraceDiffModel::PathColumn, QHeaderView::Stretch);
    header->setMinimumSectionSize(64);

    m_pages->addWidget(m_empty);
    m_pages->addWidget(m_tree);

    auto* top = new QHBoxLayout;
    top->addWidget(m_sources);
    top->addSpacing(12);
    top->addWidget(m_summary, 1);
    top->addWidget(m_changedOnly);
    top->addWidget(m_compare);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addLayout(top);
    layout->addWidget(m_pages, 1);

    connect(m_compare, &QPushButton::clicked, this, &TraceDiffView::compareRequested);
    connect(m_empty, &EmptyState::actionTriggered, this, &TraceDiffView::compareRequested);
    connect(m_changedOnly, &QCheckBox::toggled, this, [this](bool on) {
        m_filter->setChangedOnly(on);
        m_tree->expandAll();
    });
    showState();
}

TraceDiffView::~TraceDiffView() = default;

void TraceDiffView::setTraces(analysis::TraceDocumentPtr a, analysis::TraceDocumentPtr b)
{
    Q_ASSERT(QThread::currentThread() == thread());
    m_a = std::move(a);
    m_b = std::move(b);
    const quint64 job = ++m_job;
    m_model->clear();
    m_computing = m_a && m_b;
    showState();
    if (!m_computing)
        return;
    // A watcher rather than then(this, …), as in TraceStatisticsView.
    auto* watcher = new QFutureWatcher<analysis::TraceDiff>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, job] {
        watcher->deleteLater();
        apply(job, watcher->future().takeResult());
    });
    watcher->setFuture(QtConcurrent::run(
        [a = m_a, b = m_b] { return analysis::TraceDiff::compute(a->trace, a->tree, b->trace, b->tree); }));
}

void TraceDiffView::apply(quint64 job, analysis::TraceDiff diff)
{
    if (job != m_job)
        return;
    m_computing = false;
    m_model->setDiff(std::move(diff));
    // Deep traces would unfold into thousands of rows; the first levels tell the story.
    if (m_model->diff().rows.size() <= 500)
        m_tree->expandAll();
    else
        m_tree->expandToDepth(2);
    showState();
    Q_EMIT diffReady();
}

void TraceDiffView::showState()
{
    const bool ready = m_a && m_b && !m_computing;
    m_changedOnly->setEnabled(ready);
    m_compare->setEnabled(m_a != nullptr);
    m_compare->setVisible(m_b != nullptr);
    m_sources->setVisible(m_a && m_b);
    m_summary->clear();
    if (!m_a) {
        m_empty->setTitle(tr("No trace open"));
        m_empty->setBody(tr("Open a trace, then compare it with another one to see which operations appeared, "
                            "disappeared or changed in latency."));
        m_empty->setAction({});
        m_pages->setCurrentWidget(m_empty);
        return;
    }
    if (!m_b) {
        m_empty->setTitle(tr("Compare with another trace"));
        m_empty->setBody(tr("Pick a second trace — a file or a trace id — to see which operations appeared, "
                            "disappeared or changed in latency against %1.")
                             .arg(shortSource(*m_a)));
        m_empty->setAction(tr("Compare with…"));
        m_pages->setCurrentWidget(m_empty);
        return;
    }
    m_sources->setText(tr("A: %1   B: %2").arg(shortSource(*m_a), shortSource(*m_b)));
    m_sources->setToolTip(tr("A: %1\nB: %2").arg(m_a->source, m_b->source));
    m_pages->setCurrentWidget(m_tree);
    if (m_computing) {
        m_summary->setText(tr("Comparing…"));
        return;
    }
    const analysis::TraceDiff& diff = m_model->diff();
    qsizetype changed = 0;
    for (const analysis::TraceDiffRow& row : diff.rows)
        changed += row.presence() == analysis::TraceDiffRow::Presence::Both && TraceDiffModel::isChanged(row) ? 1 : 0;
    m_summary->setText(tr("%1 only in A · %2 only in B · %3 in both, %4 of them changed by 10 % or more")
                           .arg(diff.onlyA)
                           .arg(diff.onlyB)
                           .arg(diff.both)
                           .arg(changed));
}

} // namespace firebreak::ui
