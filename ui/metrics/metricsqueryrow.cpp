#include "metricsqueryrow.h"

#include "analysis/querysyntax.h"
#include "common/queryeditor.h"
#include "common/queryhistorybutton.h"

#include <QFontMetrics>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QToolButton>

namespace firebreak::ui {

MetricsQueryRow::MetricsQueryRow(const QString& ref, journal::JournalService& journal, QWidget* parent)
    : QFrame(parent)
    , m_ref(ref)
    , m_refLabel(new QLabel(ref, this))
    , m_editor(new QueryEditor(analysis::QueryLanguage::PromQL, this))
    , m_legend(new QLineEdit(this))
    , m_hide(new QToolButton(this))
    , m_history(new QueryHistoryButton(journal, QStringLiteral("promql"), this))
    , m_remove(new QToolButton(this))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("metricsQueryRow") + ref);
    setFrameShape(QFrame::StyledPanel);

    m_refLabel->setObjectName(QStringLiteral("metricsQueryRef"));
    QFont bold = m_refLabel->font();
    bold.setBold(true);
    m_refLabel->setFont(bold);
    m_refLabel->setMinimumWidth(QFontMetrics(bold).horizontalAdvance(QStringLiteral("WW")));
    m_refLabel->setAlignment(Qt::AlignHCenter | Qt::AlignTop);

    m_editor->setObjectName(QStringLiteral("metricsQueryEditor"));
    m_editor->setPlaceholderText(
        tr("PromQL, e.g. sum by (service) (rate(http_requests_total[5m]))  — Ctrl+Enter runs"));
    const int line = m_editor->fontMetrics().lineSpacing();
    m_editor->setFixedHeight(3 * line + 12);
    m_editor->setTabChangesFocus(true);

    m_legend->setObjectName(QStringLiteral("metricsLegendFormat"));
    m_legend->setPlaceholderText(tr("Legend: {{label}}"));
    m_legend->setToolTip(tr("How each series is named: {{label}} is replaced by the label's value; empty shows all "
                            "labels"));
    m_legend->setClearButtonEnabled(true);
    m_legend->setMaximumWidth(220);

    m_hide->setObjectName(QStringLiteral("metricsHideQuery"));
    m_hide->setCheckable(true);
    m_hide->setText(tr("Hide"));
    m_hide->setToolTip(tr("Hide this query: it is not run and not shown"));
    m_history->setObjectName(QStringLiteral("metricsQueryHistory"));
    m_remove->setObjectName(QStringLiteral("metricsRemoveQuery"));
    m_remove->setText(QStringLiteral("✕"));
    m_remove->setToolTip(tr("Remove this query"));

    m_status->setObjectName(QStringLiteral("metricsRowStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->hide();

    auto* layout = new QGridLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setHorizontalSpacing(6);
    layout->setVerticalSpacing(2);
    layout->addWidget(m_refLabel, 0, 0);
    layout->addWidget(m_editor, 0, 1);
    auto* side = new QWidget(this);
    auto* sideLayout = new QHBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    sideLayout->addWidget(m_legend);
    sideLayout->addWidget(m_hide);
    sideLayout->addWidget(m_history);
    sideLayout->addWidget(m_remove);
    layout->addWidget(side, 0, 2, Qt::AlignTop);
    layout->addWidget(m_status, 1, 1, 1, 2);
    layout->setColumnStretch(1, 1);

    connect(m_editor, &QueryEditor::runRequested, this, &MetricsQueryRow::runRequested);
    connect(m_legend, &QLineEdit::returnPressed, this, &MetricsQueryRow::runRequested);
    connect(m_legend, &QLineEdit::textChanged, this, &MetricsQueryRow::legendFormatChanged);
    connect(m_hide, &QToolButton::toggled, this, &MetricsQueryRow::setQueryHidden);
    connect(m_remove, &QToolButton::clicked, this, &MetricsQueryRow::removeRequested);
    connect(m_history, &QueryHistoryButton::querySelected, this, [this](const QString& query) {
        setQuery(query);
        Q_EMIT runRequested();
    });
}

MetricsQueryRow::~MetricsQueryRow() = default;

QString MetricsQueryRow::query() const
{
    return m_editor->query();
}

void MetricsQueryRow::setQuery(const QString& query)
{
    m_editor->setQuery(query);
}

QString MetricsQueryRow::legendFormat() const
{
    return m_legend->text();
}

void MetricsQueryRow::setLegendFormat(const QString& format)
{
    m_legend->setText(format);
}

void MetricsQueryRow::setQueryHidden(bool hidden)
{
    if (hidden == m_hidden)
        return;
    m_hidden = hidden;
    m_hide->setChecked(hidden);
    m_hide->setText(hidden ? tr("Show") : tr("Hide"));
    m_editor->setEnabled(!hidden);
    m_refLabel->setEnabled(!hidden);
    if (hidden) {
        clearResult();
        m_status->setText(tr("Hidden: not run, not shown."));
        m_status->setStyleSheet({});
        m_status->show();
    }
    Q_EMIT hiddenChanged(hidden);
}

void MetricsQueryRow::setCompletionSource(QueryCompletionSource* source)
{
    m_editor->setCompletionSource(source);
}

quint64 MetricsQueryRow::startRun()
{
    m_running = true;
    showStatus();
    return ++m_generation;
}

void MetricsQueryRow::finishRun(prometheus::Answer<prometheus::QueryResult> answer, qint64 elapsedMs)
{
    m_running = false;
    m_warnings = answer.warnings;
    if (!answer.ok()) {
        m_error = answer.error ? answer.error->message : tr("The query failed.");
        m_result.reset();
        m_summary.clear();
        showStatus();
        return;
    }
    m_error.clear();
    auto result = std::make_shared<prometheus::QueryResult>(std::move(*answer.value));
    qint64 points = 0;
    for (const Series& s : result->series)
        points += s.size();
    const QLocale locale;
    switch (result->type) {
    case prometheus::ResultType::Matrix:
        m_summary = tr("%n series", nullptr, int(result->series.size())) + QStringLiteral(" · ")
            + tr("%1 points").arg(locale.toString(points));
        break;
    case prometheus::ResultType::Vector:
    case prometheus::ResultType::Scalar:
        m_summary = tr("%n series", nullptr, int(result->series.size())) + QStringLiteral(" · ") + tr("instant");
        break;
    case prometheus::ResultType::String:
        m_summary = tr("A string: %1").arg(result->text);
        break;
    }
    m_summary += QStringLiteral(" · %1 ms").arg(elapsedMs);
    m_result = std::move(result);
    showStatus();
}

void MetricsQueryRow::setExemplars(QList<ChartExemplar> exemplars, const QString& error)
{
    m_exemplars = std::move(exemplars);
    m_exemplarError = error;
    m_exemplarsPending = false;
    showStatus();
}

void MetricsQueryRow::clearResult()
{
    ++m_generation;
    m_request.cancel();
    m_exemplarRequest.cancel();
    m_running = false;
    m_exemplarsPending = false;
    m_result.reset();
    m_exemplars.clear();
    m_error.clear();
    m_exemplarError.clear();
    m_warnings.clear();
    m_summary.clear();
    showStatus();
}

QString MetricsQueryRow::statusText() const
{
    return m_status->text();
}

void MetricsQueryRow::showStatus()
{
    QStringList lines;
    QString color;
    if (m_running) {
        lines << tr("Running…");
    } else if (!m_error.isEmpty()) {
        lines << m_error;
        color = QStringLiteral("#c62828");
    } else if (!m_summary.isEmpty()) {
        QString summary = m_summary;
        if (!m_exemplars.isEmpty())
            summary += QStringLiteral(" · ") + tr("%n exemplars", nullptr, int(m_exemplars.size()));
        lines << summary;
    }
    for (const QString& warning : std::as_const(m_warnings))
        lines << tr("Warning: %1").arg(warning);
    if (!m_exemplarError.isEmpty())
        lines << tr("Exemplars: %1").arg(m_exemplarError);
    if (color.isEmpty() && (!m_warnings.isEmpty() || !m_exemplarError.isEmpty()))
        color = QStringLiteral("#b26a00");
    m_status->setText(lines.join(u'\n'));
    m_status->setStyleSheet(color.isEmpty() ? QString() : QStringLiteral("color: %1;").arg(color));
    m_status->setVisible(!lines.isEmpty());
}

} // namespace firebreak::ui
