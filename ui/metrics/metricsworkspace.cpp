#include "metricsworkspace.h"

#include "analysis/legendformat.h"
#include "analysis/valueunits.h"
#include "backends/healthmonitor.h"
#include "backends/prometheus/prometheusclient.h"
#include "common/appcontext.h"
#include "common/emptystate.h"
#include "common/queryeditor.h"
#include "common/queryhistorybutton.h"
#include "common/toolrow.h"
#include "metricschartview.h"
#include "metricsqueryrow.h"
#include "metricstablemodel.h"

#include <QBuffer>
#include <QCheckBox>
#include <QComboBox>
#include <QElapsedTimer>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QTabWidget>
#include <QtConcurrent/QtConcurrentRun>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <cmath>

namespace firebreak::ui {

using namespace firebreak::prometheus;

namespace {

const QString ProfileSetting = QStringLiteral("metrics/profile");

QJsonValue jsonNumber(double v)
{
    // JSON has no NaN or infinity: written as Prometheus writes them.
    if (std::isnan(v))
        return QStringLiteral("NaN");
    if (std::isinf(v))
        return v > 0 ? QStringLiteral("+Inf") : QStringLiteral("-Inf");
    return v;
}

QJsonObject jsonLabels(const QMap<QString, QString>& labels)
{
    QJsonObject object;
    for (auto it = labels.constBegin(); it != labels.constEnd(); ++it)
        object.insert(it.key(), it.value());
    return object;
}

bool isCancelled(const Answer<QueryResult>& answer)
{
    return !answer.ok() && answer.error && answer.error->kind == QueryError::Kind::Network
        && answer.error->netKind == net::NetError::Kind::Cancelled;
}

QString refFor(int index)
{
    QString ref;
    for (int n = index; n >= 0; n = n / 26 - 1)
        ref.prepend(QChar(u'A' + n % 26));
    return ref;
}

} // namespace

MetricsWorkspace::MetricsWorkspace(AppContext& context, QWidget* parent)
    : QWidget(parent)
    , m_context(context)
    , m_stack(new QStackedWidget(this))
    , m_empty(new EmptyState(this))
    , m_source(new QComboBox(this))
    , m_instant(new QCheckBox(tr("Instant"), this))
    , m_mode(new QComboBox(this))
    , m_log(new QCheckBox(tr("Log Y"), this))
    , m_fromZero(new QCheckBox(tr("Y from 0"), this))
    , m_thresholds(new QLineEdit(this))
    , m_showExemplars(new QCheckBox(tr("Exemplars"), this))
    , m_run(new QPushButton(tr("Run"), this))
    , m_pin(new QPushButton(tr("Pin to incident"), this))
    , m_busy(new QProgressBar(this))
    , m_summary(new QLabel(this))
    , m_rowsBox(new QWidget(this))
    , m_rowsLayout(new QVBoxLayout(m_rowsBox))
    , m_views(new QTabWidget(this))
    , m_chart(new MetricsChartView(context.timeRange(), this))
    , m_table(new MetricsTableModel(this))
    , m_tableView(new QTableView(this))
    , m_tableLayout(new QComboBox(this))
    , m_side(new QTabWidget(this))
    , m_completion(new PrometheusCompletionSource(context, this))
    , m_legendTimer(new QTimer(this))
    , m_splitter(new QSplitter(Qt::Vertical, this))
    , m_rowsScroll(new QScrollArea(this))
{
    setObjectName(QStringLiteral("metricsWorkspace"));

    m_source->setObjectName(QStringLiteral("metricsSource"));
    m_source->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_source->setMinimumWidth(110); // as wide as the name when there is room; the toolbar fits a 900 px window
    m_source->setToolTip(tr("The Prometheus (or compatible) data source the queries go to"));
    m_instant->setObjectName(QStringLiteral("metricsInstant"));
    m_instant->setToolTip(tr("Ask for the value at the end of the range only (an instant query)"));
    m_mode->setObjectName(QStringLiteral("metricsMode"));
    m_mode->addItem(tr("Lines"), int(ChartMode::Lines));
    m_mode->addItem(tr("Stacked area"), int(ChartMode::StackedArea));
    m_mode->addItem(tr("Points"), int(ChartMode::Points));
    m_log->setObjectName(QStringLiteral("metricsLogScale"));
    m_fromZero->setObjectName(QStringLiteral("metricsFromZero"));
    m_thresholds->setObjectName(QStringLiteral("metricsThresholds"));
    m_thresholds->setPlaceholderText(tr("Thresholds"));
    m_thresholds->setToolTip(tr("Thresholds: values to draw as horizontal lines, separated by commas, in the "
                                "series' own unit (0.25 for 250 ms)"));
    m_thresholds->setClearButtonEnabled(true);
    m_thresholds->setMaximumWidth(120);
    m_thresholds->setMinimumWidth(80);
    m_showExemplars->setObjectName(QStringLiteral("metricsExemplars"));
    m_showExemplars->setChecked(true);
    m_showExemplars->setToolTip(tr("Markers for the exemplars of the range; a click opens the trace"));
    m_run->setObjectName(QStringLiteral("metricsRun"));
    m_run->setToolTip(tr("Run all queries (Ctrl+Enter in a query)"));
    m_run->setDefault(true);
    m_pin->setObjectName(QStringLiteral("metricsPin"));
    m_pin->setToolTip(tr("Add this chart — queries, range, picture and data points — to an incident's timeline"));
    m_busy->setObjectName(QStringLiteral("metricsBusy"));
    m_busy->setRange(0, 0);
    m_busy->setMaximumWidth(80);
    m_busy->setMaximumHeight(12);
    m_busy->setTextVisible(false);
    m_busy->hide();
    m_summary->setObjectName(QStringLiteral("metricsSummary"));
    m_summary->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred); // never what keeps a side panel out

    auto* addQueryButton = new QToolButton(this);
    addQueryButton->setObjectName(QStringLiteral("metricsAddQuery"));
    addQueryButton->setText(tr("+ Query"));
    addQueryButton->setToolTip(tr("Add a query to this chart"));

    m_rowsLayout->setContentsMargins(0, 0, 0, 0);
    m_rowsLayout->setSpacing(4);
    m_rowsLayout->addStretch(1);
    auto* rowsScroll = m_rowsScroll;
    rowsScroll->setObjectName(QStringLiteral("metricsQueries"));
    rowsScroll->setWidget(m_rowsBox);
    rowsScroll->setWidgetResizable(true);
    rowsScroll->setFrameShape(QFrame::NoFrame);

    // Table: the same result, its last values or every raw sample.
    m_tableLayout->setObjectName(QStringLiteral("metricsTableLayout"));
    m_tableLayout->addItem(tr("Values"), int(MetricsTableModel::Layout::Values));
    m_tableLayout->addItem(tr("Raw samples"), int(MetricsTableModel::Layout::Samples));
    m_tableLayout->setToolTip(tr("One row per series (the instant value or the last sample), or one per sample"));
    auto* proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(m_table);
    proxy->setSortRole(MetricsTableModel::SortRole);
    m_tableView->setObjectName(QStringLiteral("metricsTable"));
    m_tableView->setModel(proxy);
    m_tableView->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_tableView->setSortingEnabled(true);
    m_tableView->setAlternatingRowColors(true);
    m_tableView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tableView->verticalHeader()->hide();
    m_tableView->verticalHeader()->setDefaultSectionSize(m_tableView->fontMetrics().height() + 6);
    m_tableView->horizontalHeader()->setSectionResizeMode(MetricsTableModel::SeriesColumn, QHeaderView::Stretch);
    m_tableView->horizontalHeader()->setSectionResizeMode(
        MetricsTableModel::QueryColumn, QHeaderView::ResizeToContents);
    auto* tablePage = new QWidget(this);
    auto* tableLayout = new QVBoxLayout(tablePage);
    tableLayout->setContentsMargins(0, 4, 0, 0);
    tableLayout->addWidget(toolRow(tablePage, { new QLabel(tr("Show"), tablePage), m_tableLayout, nullptr }));
    tableLayout->addWidget(m_tableView, 1);

    m_views->setObjectName(QStringLiteral("metricsViews"));
    m_views->setDocumentMode(true);
    m_views->addTab(m_chart, tr("Chart"));
    m_views->addTab(tablePage, tr("Table"));

    auto* vertical = m_splitter;
    vertical->setObjectName(QStringLiteral("metricsSplitter"));
    auto* queriesPage = new QWidget(this);
    auto* queriesLayout = new QVBoxLayout(queriesPage);
    queriesLayout->setContentsMargins(0, 0, 0, 0);
    queriesLayout->setSpacing(2);
    queriesLayout->addWidget(rowsScroll, 1);
    queriesLayout->addWidget(toolRow(queriesPage, { addQueryButton, nullptr, m_summary }));
    vertical->addWidget(queriesPage);
    vertical->addWidget(m_views);
    vertical->setStretchFactor(0, 0);
    vertical->setStretchFactor(1, 1);
    vertical->setChildrenCollapsible(false);

    m_side->setObjectName(QStringLiteral("metricsSidePanels"));
    m_side->setDocumentMode(true);
    // An explicit minimum (not the panels' own hint, which adds up their widest rows) lets the splitter
    // squeeze the side panels so the workspace still fits a 900 × 600 window.
    m_side->setMinimumSize(240, 160);
    m_side->hide();
    auto* horizontal = new QSplitter(Qt::Horizontal, this);
    horizontal->setObjectName(QStringLiteral("metricsSideSplitter"));
    horizontal->addWidget(vertical);
    horizontal->addWidget(m_side);
    horizontal->setStretchFactor(0, 3);
    horizontal->setStretchFactor(1, 1);

    auto* main = new QWidget(this);
    auto* mainLayout = new QVBoxLayout(main);
    mainLayout->setContentsMargins(6, 6, 6, 6);
    mainLayout->addWidget(toolRow(main,
        { m_source, m_instant, m_mode, m_log, m_fromZero, m_thresholds, m_showExemplars, nullptr, m_busy, m_run,
            m_pin }));
    mainLayout->addWidget(horizontal, 1);

    m_empty->setTitle(tr("No Prometheus data source"));
    m_empty->setBody(tr("Metric charts come from Prometheus (or Thanos, Mimir, VictoriaMetrics).") + u' '
        + tr("Add the address of your Prometheus server; Firebreak checks that it answers before saving."));
    m_empty->setAction(tr("Add Prometheus data source…"));
    m_stack->addWidget(m_empty);
    m_stack->addWidget(main);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);

    m_legendTimer->setSingleShot(true);
    m_legendTimer->setInterval(250);
    connect(m_legendTimer, &QTimer::timeout, this, &MetricsWorkspace::rebuildResult);

    connect(m_empty, &EmptyState::actionTriggered, this, &MetricsWorkspace::addSourceRequested);
    connect(&m_context.health(), &net::HealthMonitor::profilesChanged, this, &MetricsWorkspace::refreshSources);
    connect(m_source, &QComboBox::activated, this, [this] {
        m_context.qsettings().setValue(ProfileSetting, m_source->currentData().toString());
        m_completion->setProfileId(m_source->currentData().toString());
        if (m_hasRun)
            runQueries(false);
    });
    connect(m_run, &QPushButton::clicked, this, &MetricsWorkspace::run);
    connect(m_pin, &QPushButton::clicked, this, &MetricsWorkspace::pinToIncident);
    connect(addQueryButton, &QToolButton::clicked, this, [this] {
        MetricsQueryRow* row = addQuery();
        row->editor()->setFocus();
    });
    connect(m_instant, &QCheckBox::toggled, this, [this](bool instant) {
        if (instant) {
            m_tableLayout->setCurrentIndex(0);
            m_views->setCurrentIndex(1);
        }
        if (m_hasRun)
            runQueries(false);
    });
    connect(m_mode, &QComboBox::currentIndexChanged, this,
        [this] { m_chart->setMode(ChartMode(m_mode->currentData().toInt())); });
    connect(m_log, &QCheckBox::toggled, m_chart, &MetricsChartView::setLogScale);
    connect(m_fromZero, &QCheckBox::toggled, m_chart, &MetricsChartView::setFromZero);
    connect(m_thresholds, &QLineEdit::textChanged, this, &MetricsWorkspace::applyThresholds);
    connect(m_showExemplars, &QCheckBox::toggled, this, [this](bool show) {
        if (show && m_hasRun)
            runQueries(false);
        rebuildExemplars();
    });
    connect(m_tableLayout, &QComboBox::currentIndexChanged, this,
        [this] { m_table->setLayout(MetricsTableModel::Layout(m_tableLayout->currentData().toInt())); });
    connect(m_chart, &MetricsChartView::openTraceRequested, this, &MetricsWorkspace::openTraceRequested);
    TimeRangeController& range = m_context.timeRange();
    connect(&range, &TimeRangeController::rangeChanged, this, &MetricsWorkspace::rerunLater);
    connect(&range, &TimeRangeController::refreshRequested, this, &MetricsWorkspace::rerunLater);
    connect(&range, &TimeRangeController::displayChanged, m_table, &MetricsTableModel::setTimeDisplay);
    m_table->setTimeDisplay(range.display());

    addQuery();
    refreshSources();
}

MetricsWorkspace::~MetricsWorkspace() = default;

void MetricsWorkspace::refreshSources()
{
    const QString current = m_source->count() > 0 ? m_source->currentData().toString()
                                                  : m_context.qsettings().value(ProfileSetting).toString();
    m_source->clear();
    for (const net::ConnectionProfile& profile : m_context.health().profiles()) {
        if (profile.kind == net::BackendKind::Prometheus)
            m_source->addItem(profile.name.isEmpty() ? profile.baseUrl.toString() : profile.name, profile.id);
    }
    const int at = m_source->findData(current);
    m_source->setCurrentIndex(at >= 0 ? at : 0);
    m_stack->setCurrentIndex(m_source->count() > 0 ? 1 : 0);
    m_completion->setProfileId(m_source->currentData().toString());
}

std::optional<net::ConnectionProfile> MetricsWorkspace::currentProfile() const
{
    const QString id = m_source->currentData().toString();
    for (const net::ConnectionProfile& profile : m_context.health().profiles()) {
        if (profile.id == id && profile.kind == net::BackendKind::Prometheus)
            return profile;
    }
    return std::nullopt;
}

QString MetricsWorkspace::nextRef() const
{
    for (int i = 0;; ++i) {
        const QString ref = refFor(i);
        if (std::none_of(m_rows.begin(), m_rows.end(), [&ref](const MetricsQueryRow* r) { return r->ref() == ref; }))
            return ref;
    }
}

MetricsQueryRow* MetricsWorkspace::addQuery(const QString& promql, const QString& legendFormat)
{
    auto* row = new MetricsQueryRow(nextRef(), m_context.journal(), m_rowsBox);
    row->setQuery(promql);
    row->setLegendFormat(legendFormat);
    row->setCompletionSource(m_completion);
    m_rowsLayout->insertWidget(m_rowsLayout->count() - 1, row);
    m_rows.append(row);
    fitQueries();
    connect(row, &MetricsQueryRow::runRequested, this, &MetricsWorkspace::run);
    connect(row, &MetricsQueryRow::removeRequested, this, [this, row] { removeQuery(row); });
    connect(row, &MetricsQueryRow::legendFormatChanged, m_legendTimer, qOverload<>(&QTimer::start));
    connect(row, &MetricsQueryRow::hiddenChanged, this, [this, row](bool hidden) {
        if (!hidden && m_hasRun) {
            if (const auto profile = currentProfile())
                runRow(row, *profile, false);
        }
        rebuildResult();
        rebuildExemplars();
        updateBusy();
    });
    return row;
}

void MetricsWorkspace::removeQuery(MetricsQueryRow* row)
{
    if (!m_rows.removeOne(row))
        return;
    row->deleteLater(); // its pending answers are dropped with it (the row is their context)
    row->hide();
    if (m_rows.isEmpty())
        addQuery();
    fitQueries();
    rebuildResult();
    rebuildExemplars();
    updateBusy();
}

void MetricsWorkspace::fitQueries()
{
    // The queries get the height they need, up to two fifths of the panel; the chart the rest.
    m_rowsBox->adjustSize();
    int wanted = 8;
    for (const MetricsQueryRow* row : std::as_const(m_rows))
        wanted += row->sizeHint().height() + m_rowsLayout->spacing() + fontMetrics().lineSpacing(); // + status
    const int total = std::max(m_splitter->height(), 400);
    wanted = std::min(wanted + 30, total * 2 / 5);
    m_splitter->setSizes({ wanted, total - wanted });
}

void MetricsWorkspace::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    if (!m_fitted && m_splitter->height() > 0) {
        m_fitted = true; // once: afterwards the splitter is the user's
        fitQueries();
    }
}

void MetricsWorkspace::showQueries(const QStringList& promql, const TimeRange& range)
{
    const QList<MetricsQueryRow*> old = m_rows;
    m_rows.clear();
    for (MetricsQueryRow* row : old) {
        row->hide();
        row->deleteLater();
    }
    for (const QString& query : promql)
        addQuery(query);
    if (m_rows.isEmpty())
        addQuery();
    m_hasRun = true;
    if (range.isValid() && range != m_context.timeRange().range())
        m_context.timeRange().zoomIn(range); // rangeChanged runs them; the time bar can go back
    else
        runQueries(false);
}

void MetricsWorkspace::addSidePanel(QWidget* panel, const QString& title)
{
    m_side->addTab(panel, title);
    m_side->show();
}

void MetricsWorkspace::setInstantMode(bool instant)
{
    m_instant->setChecked(instant);
}

bool MetricsWorkspace::isInstantMode() const
{
    return m_instant->isChecked();
}

bool MetricsWorkspace::isLoading() const
{
    return std::any_of(m_rows.begin(), m_rows.end(), [](const MetricsQueryRow* r) { return r->isBusy(); });
}

void MetricsWorkspace::run()
{
    runQueries(true);
}

void MetricsWorkspace::rerunLater()
{
    if (!m_hasRun)
        return;
    if (!isVisible()) {
        m_stale = true; // asked again when the tab is shown: no load on the server for a chart nobody sees
        return;
    }
    runQueries(false);
}

void MetricsWorkspace::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_stale) {
        m_stale = false;
        runQueries(false);
    }
}

void MetricsWorkspace::runQueries(bool fromUser)
{
    const auto profile = currentProfile();
    if (!profile)
        return;
    m_hasRun = true;
    m_stale = false;
    const TimeRange range = m_context.timeRange().range();
    m_lastRange = range;
    m_lastInstant = m_instant->isChecked();
    m_lastStepMs = m_lastInstant ? 0 : PrometheusClient::stepForWidth(range.fromMs, range.toMs, m_chart->plotWidth());
    for (MetricsQueryRow* row : std::as_const(m_rows))
        runRow(row, *profile, fromUser);
    rebuildExemplars();
    updateBusy();
}

void MetricsWorkspace::runRow(MetricsQueryRow* row, const net::ConnectionProfile& profile, bool fromUser)
{
    const QString expr = row->query().trimmed();
    if (expr.isEmpty() || row->isQueryHidden()) {
        const bool had = row->result() != nullptr;
        row->clearResult();
        if (had)
            rebuildResult();
        return;
    }
    if (fromUser)
        row->history()->record(expr);
    PrometheusClient client(m_context.http(), profile);
    const quint64 generation = row->startRun();
    const TimeRange range = m_lastRange;
    QElapsedTimer timer;
    timer.start();
    // The row is the context: a removed row's answers are dropped by the client.
    auto done = [this, row, generation, timer](Answer<QueryResult> answer) {
        if (row->generation() != generation || isCancelled(answer))
            return;
        row->finishRun(std::move(answer), timer.elapsed());
        rebuildResult();
        updateBusy();
    };
    if (m_lastInstant) {
        row->request().replace(client.query(expr, range.toMs, row, done));
        row->exemplarRequest().cancel();
        row->setExemplars({}, {});
        return;
    }
    row->request().replace(client.queryRange({ expr, range.fromMs, range.toMs, m_lastStepMs }, row, done));
    if (!m_showExemplars->isChecked()) {
        row->exemplarRequest().cancel();
        row->setExemplars({}, {});
        return;
    }
    const QString ref = row->ref();
    row->setExemplarsPending();
    row->exemplarRequest().replace(client.queryExemplars(
        expr, range.fromMs, range.toMs, row, [this, row, generation, ref](Answer<std::vector<ExemplarSeries>> answer) {
            if (row->generation() != generation)
                return;
            if (!answer.ok()) {
                const bool cancelled = answer.error->kind == QueryError::Kind::Network
                    && answer.error->netKind == net::NetError::Kind::Cancelled;
                if (!cancelled) {
                    row->setExemplars({}, answer.error->message);
                    updateBusy();
                }
                return;
            }
            QList<ChartExemplar> exemplars;
            for (const ExemplarSeries& series : *answer.value) {
                for (const Exemplar& e : series.exemplars)
                    exemplars.append({ ref, e.timeMs, e.value, e.traceId(), e.labels, series.seriesLabels });
            }
            row->setExemplars(std::move(exemplars), {});
            rebuildExemplars();
            updateBusy();
        }));
}

void MetricsWorkspace::updateBusy()
{
    const bool loading = isLoading();
    m_busy->setVisible(loading);
    if (!loading && m_hasRun)
        Q_EMIT runFinished();
}

void MetricsWorkspace::rebuildResult()
{
    auto result = std::make_shared<ChartResult>();
    result->range = m_lastRange;
    result->stepMs = m_lastStepMs;
    result->instant = m_lastInstant;
    QList<analysis::ValueUnit> units;
    int index = 0;
    qint64 points = 0;
    for (const MetricsQueryRow* row : std::as_const(m_rows)) {
        if (row->isQueryHidden() || !row->result())
            continue;
        units.append(analysis::guessUnit(row->query()));
        const QString format = row->legendFormat();
        for (const Series& series : row->result()->series) {
            ChartSeries shown;
            shown.queryRef = row->ref();
            shown.name = analysis::formatLegend(format, series.labels);
            if (shown.name.isEmpty())
                shown.name = row->ref();
            shown.labels = series.labels;
            shown.data = series;
            shown.color = seriesColor(index++);
            points += series.size();
            result->series.push_back(std::move(shown));
        }
    }
    // One unit on the axis when every query has it (a depth and a rate share no unit); else plain numbers.
    analysis::ValueUnit unit = units.value(0, analysis::ValueUnit::None);
    if (std::any_of(units.begin(), units.end(), [unit](analysis::ValueUnit u) { return u != unit; }))
        unit = analysis::ValueUnit::None;
    m_result = result;
    m_chart->setResult(result, unit);
    m_table->setResult(result, unit);
    const QLocale locale;
    QString summary = tr("%n series", nullptr, int(result->series.size()));
    if (!result->instant && result->stepMs > 0)
        summary += QStringLiteral(" · ") + tr("step %1").arg(formatDuration(std::chrono::milliseconds(result->stepMs)));
    summary += QStringLiteral(" · ") + tr("%1 points").arg(locale.toString(points));
    m_summary->setText(result->series.empty() ? QString() : summary);
}

void MetricsWorkspace::rebuildExemplars()
{
    QList<ChartExemplar> all;
    if (m_showExemplars->isChecked() && !m_lastInstant) {
        for (const MetricsQueryRow* row : std::as_const(m_rows)) {
            if (!row->isQueryHidden())
                all += row->exemplars();
        }
    }
    m_chart->setExemplars(std::move(all));
}

void MetricsWorkspace::applyThresholds()
{
    QList<double> values;
    const QStringList parts
        = m_thresholds->text().split(QRegularExpression(QStringLiteral("[,;\\s]+")), Qt::SkipEmptyParts);
    bool valid = true;
    for (const QString& part : parts) {
        bool ok = false;
        const double v = QLocale::c().toDouble(part, &ok);
        if (ok && std::isfinite(v))
            values.append(v);
        else
            valid = false;
    }
    m_thresholds->setStyleSheet(valid ? QString() : QStringLiteral("color: #c62828;"));
    m_chart->setThresholds(values);
}

QString MetricsWorkspace::pinTitle() const
{
    for (const MetricsQueryRow* row : m_rows) {
        if (row->isQueryHidden() || row->query().trimmed().isEmpty())
            continue;
        QString title = row->query().simplified();
        if (title.size() > 80)
            title = title.left(79) + u'…';
        return tr("Metrics: %1").arg(title);
    }
    return tr("Metrics chart");
}

QString MetricsWorkspace::pinQueries() const
{
    QStringList lines;
    for (const MetricsQueryRow* row : m_rows) {
        const QString expr = row->query().trimmed();
        if (row->isQueryHidden() || expr.isEmpty())
            continue;
        // A PromQL comment: the text can be pasted back and run as it is.
        const QString legend = row->legendFormat().trimmed();
        lines << (legend.isEmpty() ? expr : expr + QStringLiteral("  # legend: ") + legend);
    }
    return lines.join(u'\n');
}

QByteArray MetricsWorkspace::frozenJson(
    const ChartResult& result, const QList<FrozenQuery>& queries, const std::vector<char>& visible)
{
    QJsonArray queryArray;
    for (const FrozenQuery& query : queries) {
        queryArray.append(QJsonObject { { QStringLiteral("ref"), query.ref }, { QStringLiteral("expr"), query.expr },
            { QStringLiteral("legend"), query.legend } });
    }
    QJsonArray series;
    for (std::size_t i = 0; i < result.series.size(); ++i) {
        const ChartSeries& s = result.series[i];
        QJsonArray points;
        for (std::size_t j = 0; j < s.data.timesMs.size(); ++j)
            points.append(QJsonArray { double(s.data.timesMs[j]), jsonNumber(s.data.values[j]) });
        series.append(QJsonObject { { QStringLiteral("query"), s.queryRef }, { QStringLiteral("name"), s.name },
            { QStringLiteral("labels"), jsonLabels(s.labels) },
            { QStringLiteral("visible"), i < visible.size() ? bool(visible[i]) : true },
            { QStringLiteral("points"), points } });
    }
    const QJsonObject root { { QStringLiteral("source"), QStringLiteral("prometheus") },
        { QStringLiteral("from_ms"), double(result.range.fromMs) },
        { QStringLiteral("to_ms"), double(result.range.toMs) }, { QStringLiteral("step_ms"), double(result.stepMs) },
        { QStringLiteral("instant"), result.instant }, { QStringLiteral("queries"), queryArray },
        { QStringLiteral("series"), series } };
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

void MetricsWorkspace::pinToIncident()
{
    journal::Evidence evidence;
    evidence.title = pinTitle();
    evidence.source = QStringLiteral("prometheus");
    evidence.query = pinQueries();
    const TimeRange range = m_result ? m_result->range : m_context.timeRange().range();
    evidence.fromMs = range.fromMs;
    evidence.toMs = range.toMs;
    QBuffer png(&evidence.thumbnailPng);
    png.open(QIODevice::WriteOnly);
    m_chart->renderImage().save(&png, "PNG");
    png.close();

    QList<FrozenQuery> queries;
    for (const MetricsQueryRow* row : std::as_const(m_rows)) {
        if (!row->isQueryHidden() && !row->query().trimmed().isEmpty())
            queries.append({ row->ref(), row->query().trimmed(), row->legendFormat() });
    }
    std::vector<char> visible;
    for (int i = 0; i < m_chart->seriesCount(); ++i)
        visible.push_back(m_chart->isSeriesVisible(i) ? 1 : 0);
    ChartResultPtr result = m_result ? m_result : std::make_shared<const ChartResult>();
    // Maybe a million points: written on a worker; the result is immutable and shared, not copied.
    (void)QtConcurrent::run([result, queries, visible] {
        return frozenJson(*result, queries, visible);
    }).then(this, [this, evidence](QByteArray json) mutable {
        evidence.frozenData = std::move(json);
        Q_EMIT pinToIncidentRequested(evidence);
    });
}

} // namespace firebreak::ui
