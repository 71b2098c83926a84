#include "slopanel.h"

#include "analysis/slorules.h"
#include "common/appcontext.h"
#include "common/emptystate.h"
#include "slodialog.h"

#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QClipboard>
#include <QDateTimeAxis>
#include <QFileDialog>
#include <QFontDatabase>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineSeries>
#include <QListWidget>
#include <QMessageBox>
#include <QPen>
#include <QPushButton>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableWidget>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <limits>

namespace firebreak::ui {

using analysis::BurnRateRow;
using analysis::BurnSeverity;
using prometheus::Answer;
using prometheus::QueryResult;

namespace {

constexpr qint64 MinuteMs = 60 * 1000;
constexpr qint64 HourMs = 60 * MinuteMs;
constexpr double NaN = std::numeric_limits<double>::quiet_NaN();
const QColor FiringColor(0xc6, 0x28, 0x28);

enum TableColumn
{
    SeverityColumn,
    LongWindowColumn,
    ShortWindowColumn,
    ThresholdColumn,
    LongBurnColumn,
    ShortBurnColumn,
    BudgetColumn,
    StatusColumn,
    TableColumnCount,
};

/// The last value of the first series; NaN when the answer holds none (no traffic, no such series).
double lastValue(const QueryResult& result)
{
    if (result.series.empty() || result.series.front().values.empty())
        return NaN;
    return result.series.front().values.back();
}

QString percentText(double fraction)
{
    if (std::isnan(fraction))
        return QApplication::translate("firebreak::ui::SloPanel", "no data");
    if (std::isinf(fraction))
        return fraction > 0 ? QStringLiteral("+∞ %") : QStringLiteral("−∞ %");
    return QString::number(fraction * 100.0, 'g', 5) + QStringLiteral(" %");
}

QString burnText(double burn)
{
    if (std::isnan(burn))
        return QStringLiteral("—");
    if (std::isinf(burn))
        return QStringLiteral("∞×");
    return QString::number(burn, 'f', burn < 10 ? 2 : 1) + QStringLiteral("×");
}

QString signedDuration(qint64 ms)
{
    const QString text = formatDuration(std::chrono::milliseconds(std::abs(ms)));
    return ms < 0 ? QStringLiteral("−") + text : text;
}

} // namespace

SloPanel::SloPanel(AppContext& context, QWidget* parent)
    : QWidget(parent)
    , m_context(context)
    , m_list(new QListWidget(this))
    , m_add(new QPushButton(tr("New…"), this))
    , m_edit(new QPushButton(tr("Edit…"), this))
    , m_delete(new QPushButton(tr("Delete"), this))
    , m_stack(new QStackedWidget(this))
    , m_empty(new EmptyState(this))
    , m_title(new QLabel(this))
    , m_definition(new QLabel(this))
    , m_sli(new QLabel(this))
    , m_budget(new QLabel(this))
    , m_burnRate(new QLabel(this))
    , m_exhaustion(new QLabel(this))
    , m_table(new QTableWidget(4, TableColumnCount, this))
    , m_chart(new QChartView(this))
    , m_sliSeries(new QLineSeries(this))
    , m_objectiveSeries(new QLineSeries(this))
    , m_export(new QPushButton(tr("Export rules…"), this))
    , m_copy(new QPushButton(tr("Copy rules"), this))
    , m_status(new QLabel(this))
    , m_error(new QLabel(this))
{
    setObjectName(QStringLiteral("sloPanel"));
    m_list->setObjectName(QStringLiteral("sloList"));
    m_add->setObjectName(QStringLiteral("sloAdd"));
    m_edit->setObjectName(QStringLiteral("sloEdit"));
    m_delete->setObjectName(QStringLiteral("sloDelete"));
    m_title->setObjectName(QStringLiteral("sloTitle"));
    m_definition->setObjectName(QStringLiteral("sloDefinition"));
    m_sli->setObjectName(QStringLiteral("sloSli"));
    m_budget->setObjectName(QStringLiteral("sloBudget"));
    m_burnRate->setObjectName(QStringLiteral("sloBurnRate"));
    m_exhaustion->setObjectName(QStringLiteral("sloExhaustion"));
    m_table->setObjectName(QStringLiteral("burnRateTable"));
    m_chart->setObjectName(QStringLiteral("sliChart"));
    m_sliSeries->setObjectName(QStringLiteral("sliSeries"));
    m_export->setObjectName(QStringLiteral("sloExport"));
    m_copy->setObjectName(QStringLiteral("sloCopyRules"));
    m_status->setObjectName(QStringLiteral("sloStatus"));
    m_error->setObjectName(QStringLiteral("sloError"));

    m_list->setMinimumWidth(180);
    m_title->setTextFormat(Qt::RichText);
    m_definition->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_definition->setWordWrap(true);
    m_definition->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setStyleSheet(QStringLiteral("color: palette(mid);"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_error->setVisible(false);
    m_export->setToolTip(tr("Save the SLO's Prometheus recording and alerting rules as a YAML file"));
    m_copy->setToolTip(tr("Copy the SLO's Prometheus rules (YAML) to the clipboard"));

    m_table->setHorizontalHeaderLabels({ tr("Severity"), tr("Long window"), tr("Short window"), tr("Burn rate over"),
        tr("Long burn"), tr("Short burn"), tr("Budget used when it fires"), tr("Status") });
    m_table->setToolTip(tr("Multi-window multi-burn-rate alerts (Google SRE workbook): a row fires when both its "
                           "windows burn the error budget faster than its rate"));
    m_table->verticalHeader()->setVisible(false);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setShowGrid(false);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    const auto& windows = analysis::multiWindowBurnRates();
    for (int row = 0; row < 4; ++row) {
        const analysis::BurnRateWindow& window = windows[static_cast<std::size_t>(row)];
        const auto set = [this, row](int column, const QString& text) {
            m_table->setItem(row, column, new QTableWidgetItem(text));
        };
        set(SeverityColumn, window.severity == BurnSeverity::Page ? tr("Page") : tr("Ticket"));
        set(LongWindowColumn, analysis::promDuration(window.longMs));
        set(ShortWindowColumn, analysis::promDuration(window.shortMs));
        set(ThresholdColumn, burnText(window.factor));
        for (int column = LongBurnColumn; column < TableColumnCount; ++column)
            set(column, QString());
    }
    m_table->setFixedHeight(m_table->horizontalHeader()->sizeHint().height() + 4 * m_table->rowHeight(0) + 4);

    auto* chart = new QChart;
    chart->legend()->hide();
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setBackgroundRoundness(0);
    chart->addSeries(m_sliSeries);
    chart->addSeries(m_objectiveSeries);
    auto* timeAxis = new QDateTimeAxis(chart);
    timeAxis->setFormat(QStringLiteral("HH:mm"));
    timeAxis->setTickCount(6);
    auto* valueAxis = new QValueAxis(chart);
    valueAxis->setLabelFormat(QStringLiteral("%.4g %%"));
    chart->addAxis(timeAxis, Qt::AlignBottom);
    chart->addAxis(valueAxis, Qt::AlignLeft);
    for (QLineSeries* series : { m_sliSeries, m_objectiveSeries }) {
        series->attachAxis(timeAxis);
        series->attachAxis(valueAxis);
    }
    QPen objectivePen(FiringColor);
    objectivePen.setStyle(Qt::DashLine);
    objectivePen.setWidthF(1.0);
    m_objectiveSeries->setPen(objectivePen);
    m_sliSeries->setName(tr("SLI"));
    m_objectiveSeries->setName(tr("Objective"));
    // setChart() releases the view's own default chart without deleting it.
    QChart* defaultChart = m_chart->chart();
    m_chart->setChart(chart);
    delete defaultChart;
    m_chart->setRenderHint(QPainter::Antialiasing);
    m_chart->setMinimumHeight(160);

    auto* figures = new QGridLayout;
    const auto addFigure = [this, figures](int row, int column, const QString& caption, QLabel* value) {
        auto* label = new QLabel(caption, this);
        label->setStyleSheet(QStringLiteral("color: palette(mid);"));
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        QFont font = value->font();
        font.setPointSizeF(font.pointSizeF() * 1.25);
        value->setFont(font);
        figures->addWidget(label, row * 2, column);
        figures->addWidget(value, row * 2 + 1, column);
    };
    addFigure(0, 0, tr("SLI over the shown range"), m_sli);
    addFigure(0, 1, tr("Error budget remaining"), m_budget);
    addFigure(1, 0, tr("Burn rate (last hour)"), m_burnRate);
    addFigure(1, 1, tr("Budget lasts at this rate"), m_exhaustion);

    auto* exportRow = new QHBoxLayout;
    exportRow->addWidget(m_status, 1);
    exportRow->addWidget(m_copy);
    exportRow->addWidget(m_export);

    auto* details = new QWidget(this);
    auto* detailsLayout = new QVBoxLayout(details);
    detailsLayout->setContentsMargins(0, 0, 0, 0);
    detailsLayout->addWidget(m_title);
    detailsLayout->addWidget(m_definition);
    detailsLayout->addLayout(figures);
    detailsLayout->addWidget(m_table);
    detailsLayout->addWidget(m_chart, 1);
    detailsLayout->addLayout(exportRow);

    m_empty->setObjectName(QStringLiteral("sloEmptyState"));
    m_empty->setTitle(tr("No SLOs yet"));
    m_empty->setBody(tr("Define a service level objective — good and total events, or an error ratio, with an "
                        "objective such as 99.9 % over 30 days — to see its error budget and burn rates."));
    m_empty->setAction(tr("Define an SLO…"));
    m_stack->addWidget(details);
    m_stack->addWidget(m_empty);

    auto* listButtons = new QHBoxLayout;
    listButtons->addWidget(m_add);
    listButtons->addWidget(m_edit);
    listButtons->addWidget(m_delete);
    auto* listBox = new QWidget(this);
    auto* listLayout = new QVBoxLayout(listBox);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->addWidget(m_list, 1);
    listLayout->addLayout(listButtons);

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(listBox);
    splitter->addWidget(m_stack);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);
    splitter->setSizes({ 200, 800 });
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addWidget(m_error);
    layout->addWidget(splitter, 1);

    connect(m_add, &QPushButton::clicked, this, &SloPanel::addSlo);
    connect(m_empty, &EmptyState::actionTriggered, this, &SloPanel::addSlo);
    connect(m_edit, &QPushButton::clicked, this, &SloPanel::editSelected);
    connect(m_list, &QListWidget::itemDoubleClicked, this, &SloPanel::editSelected);
    connect(m_delete, &QPushButton::clicked, this, &SloPanel::confirmDelete);
    connect(m_export, &QPushButton::clicked, this, &SloPanel::chooseExportFile);
    connect(m_copy, &QPushButton::clicked, this, [this] {
        QApplication::clipboard()->setText(rulesYaml());
        m_status->setText(tr("Rules copied to the clipboard."));
    });
    connect(m_list, &QListWidget::currentRowChanged, this, [this] {
        showSelected();
        evaluate();
    });
    connect(m_table, &QTableWidget::cellDoubleClicked, this, [this](int row, int) {
        const SloDefinition* slo = selected();
        if (!slo || row < 0 || row >= 4)
            return;
        Q_EMIT showQueryRequested(
            analysis::errorRatioQuery(*slo, analysis::multiWindowBurnRates()[static_cast<std::size_t>(row)].longMs));
    });
    connect(&m_context.timeRange(), &TimeRangeController::rangeChanged, this, &SloPanel::evaluate);
    connect(&m_context.timeRange(), &TimeRangeController::refreshRequested, this, &SloPanel::evaluate);
    connect(&m_context.health(), &net::HealthMonitor::profilesChanged, this, &SloPanel::evaluate);
    connect(&m_context.journal(), &journal::JournalService::opened, this, &SloPanel::reload);

    showList(QString());
    // Until the journal is open there is nothing to read; opened() reloads.
    if (m_context.journal().isOpen())
        reload();
}

SloPanel::~SloPanel()
{
    for (const net::RequestHandlePtr& request : m_requests)
        request->cancel();
}

std::optional<net::ConnectionProfile> SloPanel::profile() const
{
    for (const net::ConnectionProfile& candidate : m_context.profiles()) {
        if (candidate.kind == net::BackendKind::Prometheus)
            return candidate;
    }
    return std::nullopt;
}

void SloPanel::reload()
{
    const QString keep = selectedId();
    m_context.journal().call<QList<SloDefinition>>(
        this, [](journal::Journal& journal) { return journal.slos(); },
        [this, keep](const QList<SloDefinition>& slos, const QString& error) {
            if (!error.isEmpty()) {
                setError(tr("The SLOs could not be read from the journal: %1").arg(error));
                return;
            }
            setError(QString());
            m_slos = slos;
            showList(keep);
            Q_EMIT slosLoaded();
        });
}

void SloPanel::saveSlo(const SloDefinition& slo)
{
    m_context.journal().call<SloDefinition>(
        this, [slo](journal::Journal& journal) { return journal.saveSlo(slo); },
        [this](const SloDefinition& stored, const QString& error) {
            if (!error.isEmpty()) {
                setError(tr("The SLO could not be saved: %1").arg(error));
                return;
            }
            setError(QString());
            const auto it = std::find_if(
                m_slos.begin(), m_slos.end(), [&stored](const SloDefinition& s) { return s.id == stored.id; });
            if (it != m_slos.end())
                *it = stored;
            else
                m_slos.append(stored);
            std::sort(m_slos.begin(), m_slos.end(), [](const SloDefinition& a, const SloDefinition& b) {
                return a.name.compare(b.name, Qt::CaseInsensitive) < 0;
            });
            m_evaluation.reset(); // the definition may have changed under the same selection: measure again
            showList(stored.id);
            Q_EMIT sloSaved(stored.id);
        });
}

void SloPanel::deleteSlo(const QString& id)
{
    m_context.journal().call<bool>(
        this,
        [id](journal::Journal& journal) {
            journal.deleteSlo(id);
            return true;
        },
        [this, id](bool, const QString& error) {
            if (!error.isEmpty()) {
                setError(tr("The SLO could not be deleted: %1").arg(error));
                return;
            }
            m_slos.removeIf([&id](const SloDefinition& s) { return s.id == id; });
            showList(QString());
            Q_EMIT slosLoaded();
        });
}

QString SloPanel::selectedId() const
{
    const SloDefinition* slo = selected();
    return slo ? slo->id : QString();
}

const SloDefinition* SloPanel::selected() const
{
    const int row = m_list->currentRow();
    return row >= 0 && row < m_slos.size() ? &m_slos[row] : nullptr;
}

void SloPanel::selectSlo(const QString& id)
{
    for (int row = 0; row < m_slos.size(); ++row) {
        if (m_slos[row].id == id) {
            m_list->setCurrentRow(row);
            return;
        }
    }
}

void SloPanel::showList(const QString& selectId)
{
    const QSignalBlocker blocker(m_list);
    const QString before = selectedId();
    m_list->clear();
    int select = m_slos.isEmpty() ? -1 : 0;
    for (int row = 0; row < m_slos.size(); ++row) {
        const SloDefinition& slo = m_slos[row];
        auto* item = new QListWidgetItem(slo.name, m_list);
        item->setToolTip(tr("%1 over %2")
                             .arg(analysis::formatObjective(slo.objective),
                                 formatDuration(std::chrono::milliseconds(slo.windowMs))));
        if (slo.id == selectId)
            select = row;
    }
    m_list->setCurrentRow(select);
    m_stack->setCurrentIndex(m_slos.isEmpty() ? 1 : 0);
    m_edit->setEnabled(select >= 0);
    m_delete->setEnabled(select >= 0);
    showSelected();
    if (selectedId() != before || !m_evaluation)
        evaluate();
}

void SloPanel::showSelected()
{
    const SloDefinition* slo = selected();
    m_edit->setEnabled(slo != nullptr);
    m_delete->setEnabled(slo != nullptr);
    m_export->setEnabled(slo != nullptr);
    m_copy->setEnabled(slo != nullptr);
    if (!slo) {
        m_title->clear();
        m_definition->clear();
        clearEvaluation();
        return;
    }
    QString title = QStringLiteral("<b>%1</b>").arg(slo->name.toHtmlEscaped());
    if (!slo->service.isEmpty())
        title += QStringLiteral(" · ") + slo->service.toHtmlEscaped();
    title += QStringLiteral(" · ")
        + tr("%1 over %2")
              .arg(analysis::formatObjective(slo->objective), formatDuration(std::chrono::milliseconds(slo->windowMs)))
              .toHtmlEscaped();
    m_title->setText(title);
    m_definition->setText(slo->usesErrorRatio() ? tr("error ratio = %1").arg(slo->errorRatioQuery)
                                                : tr("good = %1\ntotal = %2").arg(slo->goodQuery, slo->totalQuery));
    if (m_evaluation && m_evaluation->sloId != slo->id)
        clearEvaluation();
}

void SloPanel::addSlo()
{
    SloDialog dialog(this);
    if (dialog.exec() == QDialog::Accepted)
        saveSlo(dialog.slo());
}

void SloPanel::editSelected()
{
    const SloDefinition* slo = selected();
    if (!slo)
        return;
    SloDialog dialog(this);
    dialog.setSlo(*slo);
    if (dialog.exec() == QDialog::Accepted)
        saveSlo(dialog.slo());
}

void SloPanel::confirmDelete()
{
    const SloDefinition* slo = selected();
    if (!slo)
        return;
    const QString id = slo->id;
    if (QMessageBox::question(this, tr("Delete SLO"), tr("Delete the SLO “%1”?").arg(slo->name)) == QMessageBox::Yes)
        deleteSlo(id);
}

QString SloPanel::rulesYaml() const
{
    const SloDefinition* slo = selected();
    return slo ? analysis::sloRulesYaml({ *slo }) : QString();
}

bool SloPanel::exportRules(const QString& path, QString* error) const
{
    const QString yaml = rulesYaml();
    if (yaml.isEmpty()) {
        if (error)
            *error = tr("No SLO is selected.");
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(yaml.toUtf8()) < 0 || !file.commit()) {
        if (error)
            *error = tr("%1 could not be written: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

void SloPanel::chooseExportFile()
{
    const SloDefinition* slo = selected();
    if (!slo)
        return;
    QString suggested = slo->name.toLower();
    suggested.replace(QRegularExpression(QStringLiteral("[^a-z0-9]+")), QStringLiteral("-"));
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Prometheus rules"),
        suggested + QStringLiteral("-slo-rules.yml"), tr("Prometheus rules (*.yml *.yaml);;All files (*)"));
    if (path.isEmpty())
        return;
    QString error;
    if (exportRules(path, &error)) {
        QApplication::clipboard()->setText(rulesYaml());
        m_status->setText(tr("Rules saved to %1 and copied to the clipboard.").arg(path));
    } else {
        setError(error);
    }
}

void SloPanel::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_stale)
        evaluate();
}

QString SloPanel::errorText() const
{
    return m_error->isVisible() ? m_error->text() : QString();
}

void SloPanel::setError(const QString& message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

void SloPanel::evaluate()
{
    for (const net::RequestHandlePtr& request : m_requests)
        request->cancel();
    m_requests.clear();
    const quint64 generation = ++m_generation;
    m_pending.reset();
    // A hidden panel asks nothing (a 30-day rate is not free for the server): it measures when shown.
    m_stale = !isVisible();
    if (m_stale)
        return;
    const SloDefinition* slo = selected();
    if (!slo) {
        clearEvaluation();
        return;
    }
    const std::optional<net::ConnectionProfile> source = profile();
    if (!source) {
        clearEvaluation();
        m_status->setText(tr("No Prometheus data source: add one under File › Data sources… to measure SLOs."));
        return;
    }
    const QStringList problems = analysis::validateSlo(*slo);
    if (!problems.isEmpty()) {
        clearEvaluation();
        m_status->setText(tr("This SLO cannot be measured: %1").arg(problems.join(u' ')));
        return;
    }

    prometheus::PrometheusClient client(m_context.http(), *source);
    const TimeRange range = m_context.timeRange().range();
    SloEvaluation& pending = m_pending.emplace();
    pending.sloId = slo->id;
    pending.atMs = range.toMs;
    pending.range = range;
    const QList<qint64> windows = analysis::evaluationWindows(slo->windowMs);
    m_waiting = static_cast<int>(windows.size()) + 2;
    m_status->setText(tr("Measuring on %1…").arg(source->name));

    const auto failed = [this, generation](const QString& what, const Answer<QueryResult>& answer) {
        if (generation != m_generation || !m_pending)
            return true;
        if (!answer.ok()) {
            m_pending->errors << tr("%1: %2").arg(what, answer.error ? answer.error->message : QString());
            return true;
        }
        return false;
    };
    const auto done = [this, generation] {
        if (generation == m_generation && --m_waiting == 0)
            finishEvaluation(generation);
    };

    for (const qint64 window : windows) {
        pending.errorRatios.insert(window, NaN);
        m_requests.push_back(client.query(analysis::errorRatioQuery(*slo, window), range.toMs, this,
            [this, window, failed, done](Answer<QueryResult> answer) {
                if (!failed(tr("error ratio over %1").arg(analysis::promDuration(window)), answer))
                    m_pending->errorRatios.insert(window, lastValue(*answer.value));
                done();
            }));
    }
    pending.sliOverRange = NaN;
    m_requests.push_back(client.query(analysis::sliQuery(*slo, std::max<qint64>(range.durationMs(), 1000)), range.toMs,
        this, [this, failed, done](Answer<QueryResult> answer) {
            if (!failed(tr("SLI over the range"), answer))
                m_pending->sliOverRange = lastValue(*answer.value);
            done();
        }));

    const int width = std::max(200, m_chart->width());
    prometheus::RangeQuery query;
    query.startMs = range.fromMs;
    query.endMs = range.toMs;
    query.stepMs = prometheus::PrometheusClient::stepForWidth(range.fromMs, range.toMs, width);
    // rate() needs two samples per window: never narrower than 5 minutes, never narrower than a step.
    query.expr = analysis::sliQuery(*slo, std::max(query.stepMs, 5 * MinuteMs));
    m_requests.push_back(client.queryRange(query, this, [this, failed, done](Answer<QueryResult> answer) {
        if (!failed(tr("SLI over time"), answer) && !answer.value->series.empty())
            m_pending->sli = answer.value->series.front();
        done();
    }));
}

void SloPanel::finishEvaluation(quint64 generation)
{
    if (generation != m_generation || !m_pending)
        return;
    m_requests.clear();
    const SloDefinition* slo = selected();
    if (!slo || slo->id != m_pending->sloId)
        return;
    SloEvaluation& e = *m_pending;
    const auto ratioAt = [&e](qint64 window) { return e.errorRatios.value(window, NaN); };
    e.rows = analysis::burnRateTable(slo->objective, slo->windowMs, ratioAt);
    e.budget = analysis::errorBudget(slo->objective, slo->windowMs, ratioAt(slo->windowMs));
    e.burnRateNow = analysis::burnRate(ratioAt(HourMs), slo->objective);
    e.exhaustionMs = analysis::timeToExhaustionMs(e.budget, slo->windowMs, e.burnRateNow);
    m_evaluation = std::move(m_pending);
    m_pending.reset();
    showEvaluation();
    Q_EMIT evaluated();
}

void SloPanel::clearEvaluation()
{
    m_evaluation.reset();
    for (QLabel* label : { m_sli, m_budget, m_burnRate, m_exhaustion })
        label->setText(QStringLiteral("—"));
    for (int row = 0; row < 4; ++row) {
        for (int column = LongBurnColumn; column < TableColumnCount; ++column) {
            QTableWidgetItem* item = m_table->item(row, column);
            item->setText(QString());
            item->setToolTip(QString());
        }
        for (int column = 0; column < TableColumnCount; ++column)
            m_table->item(row, column)->setData(Qt::BackgroundRole, QVariant());
    }
    m_sliSeries->clear();
    m_objectiveSeries->clear();
    m_status->clear();
}

void SloPanel::showEvaluation()
{
    const SloDefinition* slo = selected();
    if (!m_evaluation || !slo)
        return;
    const SloEvaluation& e = *m_evaluation;

    m_sli->setText(percentText(e.sliOverRange));
    m_sli->setToolTip(tr("Good events over all events from %1 to %2")
                          .arg(formatTime(e.range.fromMs, m_context.timeRange().display()),
                              formatTime(e.range.toMs, m_context.timeRange().display())));
    if (std::isnan(e.budget.consumed)) {
        m_budget->setText(tr("no data"));
    } else {
        const QString time = e.budget.remainingMs
            ? tr("%1 of %2").arg(signedDuration(*e.budget.remainingMs), signedDuration(e.budget.totalMs))
            : QString();
        m_budget->setText(time.isEmpty() ? percentText(e.budget.remaining)
                                         : tr("%1 (%2)").arg(percentText(e.budget.remaining), time));
    }
    m_budget->setStyleSheet(e.budget.remaining < 0 ? QStringLiteral("color: #c62828;") : QString());
    m_burnRate->setText(burnText(e.burnRateNow));
    if (!e.exhaustionMs)
        m_exhaustion->setText(std::isnan(e.burnRateNow) ? tr("no data") : tr("not burning"));
    else if (*e.exhaustionMs == 0)
        m_exhaustion->setText(tr("exhausted"));
    else
        m_exhaustion->setText(formatDuration(std::chrono::milliseconds(*e.exhaustionMs)));

    const QColor highlight = QColor(FiringColor.red(), FiringColor.green(), FiringColor.blue(), 48);
    for (int row = 0; row < 4; ++row) {
        const BurnRateRow& r = e.rows[static_cast<std::size_t>(row)];
        m_table->item(row, LongBurnColumn)->setText(burnText(r.longBurnRate));
        m_table->item(row, LongBurnColumn)
            ->setToolTip(tr("Error ratio %1 over %2")
                             .arg(percentText(r.longErrorRatio), analysis::promDuration(r.window.longMs)));
        m_table->item(row, ShortBurnColumn)->setText(burnText(r.shortBurnRate));
        m_table->item(row, ShortBurnColumn)
            ->setToolTip(tr("Error ratio %1 over %2")
                             .arg(percentText(r.shortErrorRatio), analysis::promDuration(r.window.shortMs)));
        m_table->item(row, BudgetColumn)->setText(percentText(r.budgetConsumed));
        const bool noData = std::isnan(r.longBurnRate) || std::isnan(r.shortBurnRate);
        QTableWidgetItem* status = m_table->item(row, StatusColumn);
        status->setText(r.firing ? tr("Firing") : noData ? tr("No data") : tr("OK"));
        status->setForeground(r.firing ? QBrush(FiringColor) : QBrush());
        QFont font = status->font();
        font.setBold(r.firing);
        status->setFont(font);
        for (int column = 0; column < TableColumnCount; ++column)
            m_table->item(row, column)->setData(Qt::BackgroundRole, r.firing ? QVariant(highlight) : QVariant());
    }

    // The chart: SLI in percent, the objective as a dashed line; NaN (no traffic) points are left out.
    QList<QPointF> points;
    double low = slo->objective * 100.0;
    double high = slo->objective * 100.0;
    for (qsizetype i = 0; i < e.sli.size(); ++i) {
        const double value = e.sli.values[static_cast<std::size_t>(i)] * 100.0;
        if (!std::isfinite(value))
            continue;
        points.append(QPointF(static_cast<double>(e.sli.timesMs[static_cast<std::size_t>(i)]), value));
        low = std::min(low, value);
        high = std::max(high, value);
    }
    m_sliSeries->replace(points);
    m_objectiveSeries->replace({ QPointF(static_cast<double>(e.range.fromMs), slo->objective * 100.0),
        QPointF(static_cast<double>(e.range.toMs), slo->objective * 100.0) });
    QChart* chart = m_chart->chart();
    if (auto* timeAxis = qobject_cast<QDateTimeAxis*>(chart->axes(Qt::Horizontal).value(0))) {
        timeAxis->setRange(
            QDateTime::fromMSecsSinceEpoch(e.range.fromMs), QDateTime::fromMSecsSinceEpoch(e.range.toMs));
        timeAxis->setFormat(
            e.range.durationMs() > 24 * HourMs ? QStringLiteral("MM-dd HH:mm") : QStringLiteral("HH:mm"));
    }
    if (auto* valueAxis = qobject_cast<QValueAxis*>(chart->axes(Qt::Vertical).value(0))) {
        const double margin = std::max(0.01, (high - low) * 0.1);
        valueAxis->setRange(low - margin, std::min(100.0 + margin, high + margin));
    }

    if (e.errors.isEmpty()) {
        setError(QString());
        m_status->setText(tr("Measured at %1").arg(formatTime(e.atMs, m_context.timeRange().display(), true)));
    } else {
        setError(tr("Some measurements failed: %1").arg(e.errors.join(QStringLiteral("; "))));
        m_status->clear();
    }
}

} // namespace firebreak::ui
