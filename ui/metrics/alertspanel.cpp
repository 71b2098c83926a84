#include "alertspanel.h"

#include "alertsmodel.h"
#include "analysis/alertincident.h"
#include "common/appcontext.h"
#include "common/emptystate.h"
#include "common/readonlytable.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QTextBrowser>
#include <QTimer>
#include <QVBoxLayout>

namespace firebreak::ui {

using prometheus::Alert;
using prometheus::AlertState;
using prometheus::Answer;
using prometheus::RuleGroup;

namespace {

constexpr std::chrono::milliseconds DefaultRefresh = std::chrono::seconds(30);

QString escaped(const QString& text)
{
    return text.toHtmlEscaped();
}

QString labelTable(const prometheus::LabelSet& labels)
{
    QString html = QStringLiteral("<table cellspacing=\"0\" cellpadding=\"1\">");
    for (auto it = labels.begin(); it != labels.end(); ++it) {
        html += QStringLiteral("<tr><td><tt>%1</tt>&nbsp;&nbsp;</td><td><tt>%2</tt></td></tr>")
                    .arg(escaped(it.key()), escaped(it.value()));
    }
    return html + QStringLiteral("</table>");
}

} // namespace

AlertsPanel::AlertsPanel(AppContext& context, QWidget* parent)
    : QWidget(parent)
    , m_context(context)
    , m_stack(new QStackedWidget(this))
    , m_empty(new EmptyState(this))
    , m_source(new QLabel(this))
    , m_status(new QLabel(this))
    , m_error(new QLabel(this))
    , m_refreshButton(new QPushButton(tr("Refresh"), this))
    , m_table(new QTableView(this))
    , m_model(new AlertsModel(this))
    , m_sorted(new QSortFilterProxyModel(this))
    , m_details(new QTextBrowser(this))
    , m_showQuery(new QPushButton(tr("Show query"), this))
    , m_declare(new QPushButton(tr("Declare incident from this alert…"), this))
    , m_timer(new QTimer(this))
{
    setObjectName(QStringLiteral("alertsPanel"));
    m_source->setObjectName(QStringLiteral("alertsSource"));
    m_status->setObjectName(QStringLiteral("alertsStatus"));
    m_status->setStyleSheet(QStringLiteral("color: palette(mid);"));
    m_error->setObjectName(QStringLiteral("alertsError"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_error->setVisible(false);
    m_refreshButton->setObjectName(QStringLiteral("alertsRefresh"));
    m_showQuery->setObjectName(QStringLiteral("alertShowQuery"));
    m_showQuery->setToolTip(tr("Open the alert's rule expression in the chart"));
    m_declare->setObjectName(QStringLiteral("alertDeclare"));
    m_declare->setToolTip(tr("Declare an incident with this alert's name, severity and services, and pin the alert "
                             "as evidence"));
    m_details->setObjectName(QStringLiteral("alertDetails"));
    m_details->setOpenLinks(false);
    m_details->setPlaceholderText(tr("Select an alert to see its labels, annotations and query."));

    m_empty->setObjectName(QStringLiteral("alertsEmptyState"));
    m_empty->setTitle(tr("No Prometheus data source"));
    m_empty->setBody(tr("Add a Prometheus data source under File › Data sources… to see its alerts."));

    m_sorted->setSourceModel(m_model);
    m_sorted->setSortRole(AlertsModel::SortRole);
    m_table->setObjectName(QStringLiteral("alertsTable"));
    m_table->setModel(m_sorted);
    setUpReadOnlyTable(m_table);
    m_table->sortByColumn(AlertsModel::StateColumn, Qt::AscendingOrder);
    QHeaderView* header = m_table->horizontalHeader();
    header->setSectionResizeMode(AlertsModel::LabelsColumn, QHeaderView::Stretch);
    const QFontMetrics metrics(m_table->font());
    m_table->setColumnWidth(AlertsModel::StateColumn, metrics.horizontalAdvance(QStringLiteral("Pending")) + 40);
    m_table->setColumnWidth(AlertsModel::NameColumn, metrics.horizontalAdvance(QString(26, u'x')));
    m_table->setColumnWidth(
        AlertsModel::SinceColumn, metrics.horizontalAdvance(QStringLiteral("23h 59m ago (2026-11-25 10:23:39)  ")));
    m_table->setColumnWidth(AlertsModel::ValueColumn, metrics.horizontalAdvance(QStringLiteral("0.000123  ")));

    auto* top = new QHBoxLayout;
    top->addWidget(m_source);
    top->addWidget(m_status, 1);
    top->addWidget(m_refreshButton);

    auto* actions = new QHBoxLayout;
    actions->addStretch(1);
    actions->addWidget(m_showQuery);
    actions->addWidget(m_declare);

    auto* detailsBox = new QWidget(this);
    auto* detailsLayout = new QVBoxLayout(detailsBox);
    detailsLayout->setContentsMargins(0, 0, 0, 0);
    detailsLayout->addWidget(m_details, 1);
    detailsLayout->addLayout(actions);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_table);
    splitter->addWidget(detailsBox);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);

    auto* page = new QWidget(this);
    auto* pageLayout = new QVBoxLayout(page);
    pageLayout->setContentsMargins(8, 8, 8, 8);
    pageLayout->addLayout(top);
    pageLayout->addWidget(m_error);
    pageLayout->addWidget(splitter, 1);

    m_stack->addWidget(page);
    m_stack->addWidget(m_empty);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);

    m_timer->setInterval(DefaultRefresh);
    connect(m_timer, &QTimer::timeout, this, [this] {
        if (isVisible())
            refresh();
    });
    m_timer->start();
    connect(m_refreshButton, &QPushButton::clicked, this, &AlertsPanel::refresh);
    connect(&m_context.timeRange(), &TimeRangeController::refreshRequested, this, &AlertsPanel::refresh);
    connect(&m_context.timeRange(), &TimeRangeController::displayChanged, this, [this](TimeDisplay display) {
        m_model->setTimeDisplay(display);
        showSelection();
    });
    m_model->setTimeDisplay(m_context.timeRange().display());
    connect(&m_context.health(), &net::HealthMonitor::profilesChanged, this, [this] {
        updateProfile();
        refresh();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &AlertsPanel::showSelection);
    const auto showQuery = [this] {
        const QString query = selectedQuery();
        if (!query.isEmpty())
            Q_EMIT showQueryRequested(query);
    };
    connect(m_showQuery, &QPushButton::clicked, this, showQuery);
    // Double-click (or Enter) does the harmless thing; declaring an incident takes the button.
    connect(m_table, &QTableView::activated, this, showQuery);
    connect(m_declare, &QPushButton::clicked, this, &AlertsPanel::declareSelected);

    updateProfile();
    showSelection();
}

AlertsPanel::~AlertsPanel() = default;

std::optional<net::ConnectionProfile> AlertsPanel::profile() const
{
    std::optional<net::ConnectionProfile> first;
    for (const net::ConnectionProfile& candidate : m_context.profiles()) {
        if (candidate.kind != net::BackendKind::Prometheus)
            continue;
        if (candidate.id == m_profileId)
            return candidate;
        if (!first)
            first = candidate;
    }
    return first;
}

void AlertsPanel::setProfileId(const QString& profileId)
{
    m_profileId = profileId;
    updateProfile();
    refresh();
}

void AlertsPanel::updateProfile()
{
    const std::optional<net::ConnectionProfile> chosen = profile();
    if (chosen && m_client && m_client->profile() == *chosen)
        return;
    m_alertsRequest.cancel();
    m_rulesRequest.cancel();
    ++m_generation;
    m_waiting = 0;
    m_model->setAlerts({}, m_context.timeRange().now());
    setError(QString());
    if (!chosen) {
        m_client.reset();
        m_stack->setCurrentWidget(m_empty);
        m_status->clear();
        return;
    }
    m_client.emplace(m_context.http(), *chosen);
    m_stack->setCurrentIndex(0);
    m_source->setText(tr("Alerts of <b>%1</b>").arg(chosen->name.toHtmlEscaped()));
    m_source->setToolTip(chosen->baseUrl.toString());
    m_status->setText(tr("Loading…"));
}

void AlertsPanel::setRefreshInterval(std::chrono::milliseconds interval)
{
    if (interval.count() <= 0) {
        m_timer->stop();
        return;
    }
    m_timer->setInterval(interval);
    m_timer->start();
}

void AlertsPanel::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (!m_loadedOnce)
        refresh();
}

void AlertsPanel::refresh()
{
    if (!m_client)
        return;
    m_loadedOnce = true;
    const quint64 generation = ++m_generation;
    m_waiting = 2;
    m_alertsAnswer.reset();
    m_rulesAnswer.reset();
    m_alertsRequest.replace(m_client->alerts(this, [this, generation](Answer<std::vector<Alert>> answer) {
        if (generation != m_generation)
            return;
        m_alertsAnswer = std::move(answer);
        if (--m_waiting == 0)
            finish();
    }));
    m_rulesRequest.replace(m_client->rules(
        prometheus::RuleFilter::Alerting, this, [this, generation](Answer<std::vector<RuleGroup>> answer) {
            if (generation != m_generation)
                return;
            m_rulesAnswer = std::move(answer);
            if (--m_waiting == 0)
                finish();
        }));
}

void AlertsPanel::finish()
{
    const qint64 now = m_context.timeRange().now();
    const QString source = m_client ? m_client->profile().name : QString();
    if (!m_alertsAnswer || !m_alertsAnswer->ok()) {
        const QString message = m_alertsAnswer && m_alertsAnswer->error ? m_alertsAnswer->error->message : QString();
        setError(tr("The alerts could not be loaded: %1").arg(message));
        m_status->setText(
            m_model->rowCount() > 0 ? tr("Showing the alerts of the last successful reload.") : QString());
        Q_EMIT refreshed();
        return;
    }

    const std::vector<RuleGroup> noRules;
    const bool haveRules = m_rulesAnswer && m_rulesAnswer->ok();
    const std::vector<RuleGroup>& groups = haveRules ? *m_rulesAnswer->value : noRules;
    std::vector<AlertEntry> entries;
    entries.reserve(m_alertsAnswer->value->size());
    for (const Alert& alert : *m_alertsAnswer->value) {
        AlertEntry entry { alert, std::nullopt };
        if (const prometheus::Rule* rule = analysis::ruleForAlert(groups, alert)) {
            entry.rule = *rule;
            entry.rule->alerts.clear();
        }
        entries.push_back(std::move(entry));
    }

    const int selected = selectedRow();
    const std::optional<prometheus::LabelSet> keep
        = selected >= 0 ? std::optional(m_model->entry(selected).alert.labels) : std::nullopt;
    m_model->setAlerts(std::move(entries), now);
    if (keep)
        selectRow(m_model->rowOf(*keep));

    if (haveRules) {
        setError(QString());
    } else {
        const QString message = m_rulesAnswer && m_rulesAnswer->error ? m_rulesAnswer->error->message : QString();
        setError(tr("The alerting rules could not be loaded, so queries and rule health are missing: %1").arg(message));
    }

    int firing = 0;
    int pending = 0;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const AlertState state = m_model->entry(row).alert.state;
        firing += state == AlertState::Firing ? 1 : 0;
        pending += state == AlertState::Pending ? 1 : 0;
    }
    const QString updated = formatTime(now, m_context.timeRange().display());
    if (firing + pending == 0)
        m_status->setText(tr("No alert pending or firing on %1 · as of %2").arg(source, updated));
    else
        m_status->setText(tr("%1 firing, %2 pending · as of %3").arg(firing).arg(pending).arg(updated));
    showSelection();
    Q_EMIT refreshed();
}

int AlertsPanel::selectedRow() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return -1;
    return m_sorted->mapToSource(rows.first()).row();
}

void AlertsPanel::selectRow(int modelRow)
{
    if (modelRow < 0 || modelRow >= m_model->rowCount()) {
        m_table->clearSelection();
        return;
    }
    const QModelIndex index = m_sorted->mapFromSource(m_model->index(modelRow, 0));
    m_table->selectionModel()->select(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows | QItemSelectionModel::Current);
    m_table->scrollTo(index);
}

QString AlertsPanel::errorText() const
{
    return m_error->isVisible() ? m_error->text() : QString();
}

void AlertsPanel::setError(const QString& message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

QString AlertsPanel::selectedQuery() const
{
    const int row = selectedRow();
    if (row < 0)
        return {};
    const AlertEntry& entry = m_model->entry(row);
    if (entry.rule && !entry.rule->query.trimmed().isEmpty())
        return entry.rule->query.trimmed();
    return analysis::alertsSeriesQuery(entry.alert);
}

void AlertsPanel::showSelection()
{
    const int row = selectedRow();
    m_showQuery->setEnabled(row >= 0);
    m_declare->setEnabled(row >= 0);
    if (row < 0) {
        m_details->clear();
        return;
    }
    const AlertEntry& entry = m_model->entry(row);
    const Alert& alert = entry.alert;
    const TimeDisplay display = m_context.timeRange().display();
    QString html = QStringLiteral("<h3 style=\"margin:0\"><span style=\"color:%1\">%2</span> %3</h3>")
                       .arg(AlertsModel::stateColor(alert.state).name(), escaped(AlertsModel::stateText(alert.state)),
                           escaped(alert.labels.value(QStringLiteral("alertname"))));
    html += QStringLiteral("<p>%1 · %2</p>")
                .arg(escaped(tr("Since %1")
                                 .arg(AlertsModel::sinceText(alert.activeAtMs, m_context.timeRange().now(), display))),
                    escaped(tr("Value %1").arg(AlertsModel::valueText(alert.value))));
    html += QStringLiteral("<h4>%1</h4>").arg(escaped(tr("Labels"))) + labelTable(alert.labels);
    if (!alert.annotations.isEmpty())
        html += QStringLiteral("<h4>%1</h4>").arg(escaped(tr("Annotations"))) + labelTable(alert.annotations);
    html += QStringLiteral("<h4>%1</h4>").arg(escaped(tr("Query")));
    if (entry.rule) {
        const prometheus::Rule& rule = *entry.rule;
        html += QStringLiteral("<pre>%1</pre>").arg(escaped(rule.query));
        QString ruleLine = tr("Rule health: %1").arg(prometheus::ruleHealthName(rule.health));
        if (rule.forMs > 0)
            ruleLine += QStringLiteral(" · ")
                + tr("fires after %1 pending").arg(formatDuration(std::chrono::milliseconds(rule.forMs)));
        if (rule.lastEvaluationMs)
            ruleLine
                += QStringLiteral(" · ") + tr("last evaluated %1").arg(formatTime(*rule.lastEvaluationMs, display));
        html += QStringLiteral("<p>%1</p>").arg(escaped(ruleLine));
        if (!rule.lastError.isEmpty())
            html += QStringLiteral("<p style=\"color:#c62828\">%1</p>")
                        .arg(escaped(tr("Last error: %1").arg(rule.lastError)));
    } else {
        html += QStringLiteral("<pre>%1</pre><p>%2</p>")
                    .arg(escaped(analysis::alertsSeriesQuery(alert)),
                        escaped(tr("The alert's rule was not found; this query shows the alert's own series.")));
    }
    m_details->setHtml(html);
}

void AlertsPanel::declareSelected()
{
    const int row = selectedRow();
    if (row < 0 || !m_client)
        return;
    const AlertEntry& entry = m_model->entry(row);
    const net::ConnectionProfile& source = m_client->profile();
    const journal::DeclareRequest prefill = analysis::declareRequestForAlert(entry.alert);
    const journal::Evidence evidence = analysis::evidenceForAlert(entry.alert, entry.rule ? &*entry.rule : nullptr,
        source.name, source.baseUrl.toString(), m_context.timeRange().now());
    Q_EMIT declareIncidentRequested(prefill, evidence);
}

} // namespace firebreak::ui
