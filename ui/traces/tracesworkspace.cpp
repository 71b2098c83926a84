#include "tracesworkspace.h"

#include "analysis/durationtext.h"
#include "backends/healthmonitor.h"
#include "backends/tempo/tempoclient.h"
#include "common/appcontext.h"
#include "common/toolrow.h"
#include "spandetailspane.h"
#include "tracediffview.h"
#include "traceminimap.h"
#include "tracesearchpanel.h"
#include "tracestatisticsview.h"
#include "waterfallview.h"

#include <QBuffer>
#include <QCheckBox>
#include <QComboBox>
#include <QCursor>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMimeData>
#include <QPushButton>
#include <QShortcut>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QtConcurrent/QtConcurrentRun>
#include <QToolButton>
#include <QVBoxLayout>

#include <spdlog/spdlog.h>

namespace firebreak::ui {

namespace {

QString describe(const TraceParseError& error)
{
    return error.text();
}

} // namespace

TracesWorkspace::TracesWorkspace(AppContext& context, QWidget* parent)
    : QWidget(parent)
    , m_context(context)
    , m_traceId(new QLineEdit(this))
    , m_find(new QLineEdit(this))
    , m_matchLabel(new QLabel(this))
    , m_matchesOnly(new QCheckBox(tr("Matches only"), this))
    , m_service(new QComboBox(this))
    , m_minDurationMs(new QSpinBox(this))
    , m_errorsOnly(new QCheckBox(tr("Errors only"), this))
    , m_criticalOnly(new QCheckBox(tr("Critical path only"), this))
    , m_showCritical(new QCheckBox(tr("Show critical path"), this))
    , m_summary(new QLabel(this))
    , m_error(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_view(new WaterfallView(this))
    , m_minimap(new TraceMinimap(m_view, this))
    , m_details(new SpanDetailsPane(this))
    , m_statistics(new TraceStatisticsView(this))
    , m_diff(new TraceDiffView(this))
    , m_search(new TraceSearchPanel(context.http(), context.timeRange(), this))
{
    setObjectName(QStringLiteral("tracesWorkspace"));
    setAcceptDrops(true);

    auto* open = new QPushButton(tr("Open file…"), this);
    open->setObjectName(QStringLiteral("openTraceFile"));
    open->setToolTip(tr("An OTLP protobuf (.pb) or OTLP / Tempo JSON (.json) trace; you can also drop a file here"));
    m_traceId->setObjectName(QStringLiteral("traceIdInput"));
    m_traceId->setPlaceholderText(tr("Trace id (32 hex digits)"));
    m_traceId->setClearButtonEnabled(true);
    m_traceId->setMaximumWidth(300);
    m_traceId->setMinimumWidth(120);
    auto* openId = new QPushButton(tr("Open from Tempo"), this);
    openId->setObjectName(QStringLiteral("openTraceId"));

    m_find->setObjectName(QStringLiteral("traceFind"));
    m_find->setPlaceholderText(tr("Find: text or key=value  ( / )"));
    m_find->setClearButtonEnabled(true);
    m_find->setMinimumWidth(150);
    m_matchLabel->setObjectName(QStringLiteral("traceMatchCount"));
    m_matchLabel->setMinimumWidth(70);
    auto* previous = new QToolButton(this);
    previous->setText(QStringLiteral("▲"));
    previous->setToolTip(tr("Previous match (Shift+Enter)"));
    auto* next = new QToolButton(this);
    next->setText(QStringLiteral("▼"));
    next->setToolTip(tr("Next match (Enter)"));
    m_matchesOnly->setObjectName(QStringLiteral("traceMatchesOnly"));

    m_service->setObjectName(QStringLiteral("traceServiceFilter"));
    m_service->setMinimumContentsLength(12);
    m_minDurationMs->setObjectName(QStringLiteral("traceMinDuration"));
    m_minDurationMs->setRange(0, 3'600'000);
    m_minDurationMs->setSuffix(tr(" ms"));
    m_minDurationMs->setPrefix(tr("≥ "));
    m_minDurationMs->setToolTip(tr("Only spans at least this long (with their ancestors)"));
    m_errorsOnly->setObjectName(QStringLiteral("traceErrorsOnly"));
    m_criticalOnly->setObjectName(QStringLiteral("traceCriticalOnly"));
    m_showCritical->setObjectName(QStringLiteral("traceShowCritical"));
    m_showCritical->setChecked(true);
    // Tree shape in one menu: the toolbar must fit a 900 px window.
    auto* treeMenu = new QMenu(this);
    auto* tree = new QToolButton(this);
    tree->setObjectName(QStringLiteral("traceTreeMenu"));
    tree->setText(tr("Expand"));
    tree->setPopupMode(QToolButton::InstantPopup);
    tree->setMenu(treeMenu);
    auto* resetZoom = new QPushButton(tr("Reset zoom"), this);
    resetZoom->setObjectName(QStringLiteral("traceResetZoom"));

    m_summary->setObjectName(QStringLiteral("traceSummary"));
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setWordWrap(true);
    m_error->setObjectName(QStringLiteral("traceError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c62828; font-weight: bold;"));
    m_error->hide();

    auto* waterfallPage = new QWidget(this);
    auto* waterfallLayout = new QVBoxLayout(waterfallPage);
    waterfallLayout->setContentsMargins(0, 0, 0, 0);
    waterfallLayout->setSpacing(2);
    auto* splitter = new QSplitter(Qt::Horizontal, waterfallPage);
    splitter->setObjectName(QStringLiteral("traceSplitter"));
    splitter->addWidget(m_view);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    waterfallLayout->addWidget(m_minimap);
    waterfallLayout->addWidget(splitter, 1);
    m_tabs->setObjectName(QStringLiteral("traceTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(waterfallPage, tr("Waterfall"));
    m_tabs->addTab(m_statistics, tr("Statistics"));
    m_tabs->addTab(m_diff, tr("Compare"));
    m_tabs->addTab(m_search, tr("Search"));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(
        toolRow(this, { open, m_traceId, openId, nullptr, m_find, previous, next, m_matchLabel, m_matchesOnly }));
    layout->addWidget(toolRow(this,
        { new QLabel(tr("Service"), this), m_service, m_minDurationMs, m_errorsOnly, m_criticalOnly, m_showCritical,
            nullptr, tree, resetZoom }));
    layout->addWidget(m_error);
    layout->addWidget(m_summary);
    layout->addWidget(m_tabs, 1);

    connect(open, &QPushButton::clicked, this, &TracesWorkspace::chooseFile);
    connect(openId, &QPushButton::clicked, this, [this] { openTraceId(m_traceId->text()); });
    connect(m_traceId, &QLineEdit::returnPressed, this, [this] { openTraceId(m_traceId->text()); });
    connect(m_find, &QLineEdit::textChanged, this, &TracesWorkspace::runFind);
    connect(m_find, &QLineEdit::returnPressed, this,
        [this] { stepMatch((QGuiApplication::keyboardModifiers() & Qt::ShiftModifier) ? -1 : 1); });
    connect(previous, &QToolButton::clicked, this, [this] { stepMatch(-1); });
    connect(next, &QToolButton::clicked, this, [this] { stepMatch(1); });
    for (QCheckBox* box : { m_matchesOnly, m_errorsOnly, m_criticalOnly })
        connect(box, &QCheckBox::toggled, this, &TracesWorkspace::applyFilter);
    connect(m_service, &QComboBox::currentIndexChanged, this, &TracesWorkspace::applyFilter);
    connect(m_minDurationMs, &QSpinBox::valueChanged, this, &TracesWorkspace::applyFilter);
    connect(m_showCritical, &QCheckBox::toggled, m_view, &WaterfallView::setShowCriticalPath);
    const auto structural = [this](auto&& change) {
        if (!m_rows)
            return;
        change(*m_rows);
        m_view->rowsChanged();
        m_minimap->invalidate();
    };
    treeMenu->addAction(tr("Collapse all"), this, [structural] { structural([](auto& rows) { rows.collapseAll(); }); });
    treeMenu->addAction(tr("Expand all"), this, [structural] { structural([](auto& rows) { rows.expandAll(); }); });
    treeMenu->addSeparator();
    for (int depth = 1; depth <= 6; ++depth) {
        treeMenu->addAction(tr("Expand to depth %1").arg(depth), this,
            [structural, depth] { structural([depth](auto& rows) { rows.expandToDepth(depth); }); });
    }
    connect(resetZoom, &QPushButton::clicked, m_view, &WaterfallView::resetZoom);

    connect(
        m_view, &WaterfallView::spanSelected, this, [this](qsizetype span) { m_details->setSpan(m_document, span); });
    connect(m_view, &WaterfallView::detailsRequested, this, [this](qsizetype span) {
        m_details->setSpan(m_document, span);
        m_details->setFocus();
    });
    connect(m_view, &WaterfallView::findRequested, this, [this] {
        m_find->setFocus();
        m_find->selectAll();
    });
    connect(m_view, &WaterfallView::logsForSpanRequested, this,
        [this](qsizetype span) { Q_EMIT logsForSpanRequested(referenceFor(span)); });
    connect(m_view, &WaterfallView::metricsForServiceRequested, this,
        [this](qsizetype span) { Q_EMIT metricsForServiceRequested(referenceFor(span)); });
    connect(m_view, &WaterfallView::pinToIncidentRequested, this,
        [this](qsizetype span) { Q_EMIT pinToIncidentRequested(evidenceFor(span)); });
    connect(m_diff, &TraceDiffView::compareRequested, this, &TracesWorkspace::chooseComparison);
    connect(m_search, &TraceSearchPanel::openTraceRequested, this, [this](const QString& id) {
        m_tabs->setCurrentIndex(0);
        m_traceId->setText(id);
        openTraceId(id);
    });
    m_details->setTimeDisplay(context.timeRange().display());
    connect(&context.timeRange(), &TimeRangeController::displayChanged, m_details, &SpanDetailsPane::setTimeDisplay);
    connect(&context.health(), &net::HealthMonitor::profilesChanged, this, &TracesWorkspace::updateSearchProfile);
    updateSearchProfile();
    auto* findShortcut = new QShortcut(QKeySequence::Find, this);
    connect(findShortcut, &QShortcut::activated, this, [this] {
        m_find->setFocus();
        m_find->selectAll();
    });
    updateSummary();
}

TracesWorkspace::~TracesWorkspace()
{
    // The view paints from the rows: detach it before they go.
    m_view->setRows(nullptr);
}

QString TracesWorkspace::loadError() const
{
    return m_error->isVisible() ? m_error->text() : QString();
}

void TracesWorkspace::updateSearchProfile()
{
    if (const std::optional<net::ConnectionProfile> profile = tempoProfile())
        m_search->setProfile(*profile);
    else
        m_search->clearProfile();
}

void TracesWorkspace::chooseComparison()
{
    if (!m_document)
        return;
    QMenu menu(this);
    menu.addAction(tr("Trace file…"), this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Compare with trace"), QString(), tr("Traces (*.pb *.json *.bin *.proto);;All files (*)"));
        if (!path.isEmpty())
            compareWithFile(path);
    });
    QAction* byId = menu.addAction(tr("Trace id from Tempo…"), this, [this] {
        const QString id = QInputDialog::getText(this, tr("Compare with trace"), tr("Trace id (32 hex digits):"));
        if (!id.trimmed().isEmpty())
            compareWithTraceId(id);
    });
    byId->setEnabled(tempoProfile().has_value());
    menu.exec(QCursor::pos());
}

void TracesWorkspace::compareWithFile(const QString& path)
{
    loadInBackground([path] { return analysis::loadTraceDocumentFile(path); }, QFileInfo(path).fileName(), m_compareJob,
        [this](analysis::TraceDocumentPtr document) { showComparison(std::move(document)); });
}

void TracesWorkspace::compareWithTraceId(const QString& text)
{
    fetchFromTempo(
        text, m_compareJob, [this](analysis::TraceDocumentPtr document) { showComparison(std::move(document)); });
}

void TracesWorkspace::showComparison(analysis::TraceDocumentPtr document)
{
    m_comparison = std::move(document);
    m_diff->setTraces(m_document, m_comparison);
    m_tabs->setCurrentWidget(m_diff);
}

void TracesWorkspace::loadInBackground(std::function<analysis::TraceDocumentResult()> load, const QString& what,
    quint64& jobs, std::function<void(analysis::TraceDocumentPtr)> use)
{
    const quint64 job = ++jobs;
    auto* watcher = new QFutureWatcher<analysis::TraceDocumentResult>(this);
    connect(watcher, &QFutureWatcher<analysis::TraceDocumentResult>::finished, this,
        [this, watcher, job, &jobs, what, use = std::move(use)] {
            watcher->deleteLater();
            if (job != jobs)
                return; // a newer load replaced this one
            const analysis::TraceDocumentResult result = watcher->result();
            if (!result.ok()) {
                showError(tr("%1 could not be opened: %2").arg(what, describe(*result.error)));
                return;
            }
            use(result.document);
        });
    watcher->setFuture(QtConcurrent::run(std::move(load)));
}

void TracesWorkspace::chooseFile()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open trace"), QString(), tr("Traces (*.pb *.json *.bin *.proto);;All files (*)"));
    if (!path.isEmpty())
        openFile(path);
}

void TracesWorkspace::openFile(const QString& path)
{
    m_summary->setText(tr("Loading %1…").arg(QFileInfo(path).fileName()));
    m_error->hide();
    loadInBackground([path] { return analysis::loadTraceDocumentFile(path); }, QFileInfo(path).fileName(), m_loadJob,
        [this](analysis::TraceDocumentPtr document) { showDocument(std::move(document)); });
}

std::optional<net::ConnectionProfile> TracesWorkspace::tempoProfile() const
{
    for (const net::ConnectionProfile& profile : m_context.profiles()) {
        if (profile.kind == net::BackendKind::Tempo)
            return profile;
    }
    return std::nullopt;
}

void TracesWorkspace::openTraceId(const QString& text)
{
    fetchFromTempo(text, m_loadJob, [this](analysis::TraceDocumentPtr document) { showDocument(std::move(document)); });
}

void TracesWorkspace::fetchFromTempo(
    const QString& text, quint64& jobs, std::function<void(analysis::TraceDocumentPtr)> use)
{
    const QString id = text.trimmed().toLower();
    if (!TraceId::fromHex(id)) {
        showError(tr("“%1” is not a trace id: expected up to 32 hexadecimal digits.").arg(text.trimmed()));
        return;
    }
    const std::optional<net::ConnectionProfile> profile = tempoProfile();
    if (!profile) {
        showError(tr("No Tempo data source is configured: add one under File › Data sources…, or open a file."));
        return;
    }
    const quint64 job = ++jobs;
    m_error->hide();
    m_summary->setText(tr("Asking %1 for trace %2…").arg(profile->name, id));
    tempo::TempoClient client(m_context.http(), *profile);
    client.traceById(id, this,
        [this, job, &jobs, id, name = profile->name, use = std::move(use)](tempo::Answer<tempo::TraceResult> answer) {
            if (job != jobs)
                return;
            if (!answer.ok()) {
                showError(answer.error->message);
                return;
            }
            // Parsing and layout of a big trace take a while: off the GUI thread, like a file.
            const QString source = tr("%1: %2").arg(name, id);
            loadInBackground(
                [bytes = answer.value->protobuf, source] { return analysis::loadTraceDocument(bytes, source); }, source,
                jobs, use);
        });
}

void TracesWorkspace::showError(const QString& message)
{
    spdlog::warn("event=trace_load_failed error=\"{}\"", message.toStdString());
    m_error->setText(message);
    m_error->show();
    updateSummary();
    Q_EMIT loadFailed(message);
}

void TracesWorkspace::showDocument(analysis::TraceDocumentPtr document)
{
    m_error->hide();
    m_document = std::move(document);
    m_view->setRows(nullptr);
    m_rows = std::make_unique<analysis::WaterfallRows>(m_document);
    m_currentMatch = -1;
    {
        const QSignalBlocker blocker(m_service);
        m_service->clear();
        m_service->addItem(tr("All services"), -1);
        std::vector<std::pair<QString, StringPool::Id>> services;
        for (const StringPool::Id id : m_document->trace.services) {
            if (std::none_of(services.begin(), services.end(), [id](const auto& s) { return s.second == id; }))
                services.emplace_back(m_document->trace.string(id), id);
        }
        std::sort(services.begin(), services.end());
        for (const auto& [name, id] : services)
            m_service->addItem(name, static_cast<qint64>(id));
    }
    m_view->setRows(m_rows.get());
    if (!m_find->text().isEmpty())
        m_rows->find(m_find->text());
    applyFilter();
    m_details->setSpan(m_document, -1);
    m_statistics->setDocument(m_document);
    m_diff->setTraces(m_document, m_comparison);
    if (!m_document->tree.roots.empty())
        m_view->selectSpan(m_document->tree.roots.front());
    m_minimap->invalidate();
    updateSummary();
    spdlog::info("event=trace_opened source=\"{}\" spans={} parse_ms={:.1f} layout_ms={:.1f}",
        m_document->source.toStdString(), m_document->trace.spanCount(), m_document->parseMs, m_document->layoutMs);
    Q_EMIT documentLoaded();
}

void TracesWorkspace::applyFilter()
{
    if (!m_rows)
        return;
    analysis::WaterfallFilter filter;
    filter.matchesOnly = m_matchesOnly->isChecked();
    filter.errorsOnly = m_errorsOnly->isChecked();
    filter.criticalPathOnly = m_criticalOnly->isChecked();
    filter.minDurationNs = static_cast<std::int64_t>(m_minDurationMs->value()) * 1'000'000;
    if (const qint64 service = m_service->currentData().toLongLong(); service >= 0 && m_service->currentIndex() > 0)
        filter.services = { static_cast<StringPool::Id>(service) };
    m_rows->setFilter(std::move(filter));
    m_view->rowsChanged();
    m_minimap->invalidate();
}

void TracesWorkspace::runFind()
{
    if (!m_rows)
        return;
    m_rows->find(m_find->text());
    m_currentMatch = -1;
    m_view->rowsChanged();
    m_minimap->invalidate();
    updateMatchLabel();
    if (!m_rows->matchOrder().empty())
        stepMatch(1);
}

void TracesWorkspace::stepMatch(int direction)
{
    if (!m_rows || m_rows->matchOrder().empty())
        return;
    const auto count = static_cast<qsizetype>(m_rows->matchOrder().size());
    m_currentMatch
        = m_currentMatch < 0 ? (direction > 0 ? 0 : count - 1) : (m_currentMatch + direction + count) % count;
    m_view->revealSpan(m_rows->matchOrder()[static_cast<std::size_t>(m_currentMatch)]);
    m_minimap->invalidate();
    updateMatchLabel();
}

void TracesWorkspace::updateMatchLabel()
{
    if (!m_rows || m_rows->findQuery().isEmpty()) {
        m_matchLabel->clear();
        return;
    }
    const auto count = static_cast<qsizetype>(m_rows->matchOrder().size());
    m_matchLabel->setText(
        count == 0 ? tr("no match") : tr("%1 of %2").arg(m_currentMatch < 0 ? 0 : m_currentMatch + 1).arg(count));
}

void TracesWorkspace::updateSummary()
{
    if (!m_document) {
        m_summary->setText(tr("Open a trace file (.pb or .json, or drop one here), or enter a trace id to fetch it "
                              "from Tempo. Keys: ↑↓ move, ←→ collapse/expand, Enter details, / find; drag the "
                              "ruler to zoom."));
        return;
    }
    const Trace& trace = m_document->trace;
    QString root;
    if (!m_document->tree.roots.empty()) {
        const std::int32_t span = m_document->tree.roots.front();
        root = trace.string(trace.services[span]) + u": " + trace.string(trace.names[span]);
    }
    const qsizetype spans = trace.spanCount();
    m_summary->setText(
        tr("<b>%1</b> · trace %2 · %3 · %4 services · %5 · %6 errors · depth %7 · "
           "loaded in %8 ms (parse %9 ms, layout %10 ms)")
            .arg(root.toHtmlEscaped(), trace.traceId().toHex(), spans == 1 ? tr("1 span") : tr("%L1 spans").arg(spans))
            .arg(trace.serviceCount())
            .arg(analysis::formatDurationNs(trace.durationNs()))
            .arg(trace.errorCount())
            .arg(m_document->tree.maxDepth + 1)
            .arg(QString::number(m_document->parseMs + m_document->layoutMs, 'f', 1),
                QString::number(m_document->parseMs, 'f', 1), QString::number(m_document->layoutMs, 'f', 1)));
}

SpanReference TracesWorkspace::referenceFor(qsizetype span) const
{
    const Trace& trace = m_document->trace;
    return { trace.traceIds[span].toHex(), spanIdToHex(trace.spanIds[span]), trace.string(trace.services[span]),
        trace.string(trace.names[span]), m_document->tree.startNs(trace, span), m_document->tree.endNs(trace, span) };
}

journal::Evidence TracesWorkspace::evidenceFor(qsizetype span) const
{
    const Trace& trace = m_document->trace;
    const SpanReference reference = referenceFor(span);
    QJsonObject attributes;
    for (const Attribute& attribute : trace.spanAttributes(span))
        attributes.insert(trace.string(attribute.key), trace.valueText(attribute));
    const QJsonObject frozen { { QStringLiteral("trace_id"), reference.traceId },
        { QStringLiteral("span_id"), reference.spanId }, { QStringLiteral("service"), reference.service },
        { QStringLiteral("operation"), reference.operation },
        { QStringLiteral("start_ns"), QString::number(reference.startNs) },
        { QStringLiteral("end_ns"), QString::number(reference.endNs) },
        { QStringLiteral("duration"), analysis::formatDurationNs(reference.endNs - reference.startNs) },
        { QStringLiteral("error"), trace.statusCodes[span] == StatusCode::Error },
        { QStringLiteral("status_message"), trace.string(trace.statusMessages[span]) },
        { QStringLiteral("attributes"), attributes } };
    journal::Evidence evidence;
    evidence.title = tr("%1 %2 (span %3)").arg(reference.service, reference.operation, reference.spanId);
    evidence.source = QStringLiteral("tempo");
    evidence.query = reference.traceId;
    evidence.fromMs = reference.startNs / 1'000'000;
    evidence.toMs = (reference.endNs + 999'999) / 1'000'000;
    evidence.frozenData = QJsonDocument(frozen).toJson(QJsonDocument::Compact);
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    m_view->viewport()->grab().save(&buffer, "PNG");
    evidence.thumbnailPng = png;
    return evidence;
}

void TracesWorkspace::dragEnterEvent(QDragEnterEvent* event)
{
    if (event->mimeData()->hasUrls() && event->mimeData()->urls().value(0).isLocalFile())
        event->acceptProposedAction();
}

void TracesWorkspace::dropEvent(QDropEvent* event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (!urls.isEmpty() && urls.first().isLocalFile()) {
        openFile(urls.first().toLocalFile());
        event->acceptProposedAction();
    }
}

} // namespace firebreak::ui
