#include "tracesearchpanel.h"

#include "backends/tempo/searchresultsmodel.h"
#include "common/readonlytable.h"
#include "model/timerangecontroller.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QFontDatabase>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QScrollBar>
#include <QShortcut>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QStringListModel>
#include <QStyle>
#include <QTableView>
#include <QThread>
#include <QVBoxLayout>

namespace firebreak::ui {

using tempo::SearchResultsModel;
using tempo::TraceQLCompletion;

TraceSearchPanel::TraceSearchPanel(net::HttpClient& http, TimeRangeController& timeRange, QWidget* parent)
    : QWidget(parent)
    , m_http(http)
    , m_timeRange(timeRange)
    , m_query(new QLineEdit(this))
    , m_minDuration(new QSpinBox(this))
    , m_limit(new QSpinBox(this))
    , m_searchButton(new QPushButton(tr("Search"), this))
    , m_cancelButton(new QPushButton(tr("Cancel"), this))
    , m_table(new QTableView(this))
    , m_status(new QLabel(this))
    , m_results(new SearchResultsModel(this))
    , m_sorted(new QSortFilterProxyModel(this))
    , m_completer(new QCompleter(this))
    , m_completions(new QStringListModel(this))
{
    setObjectName(QStringLiteral("traceSearchPanel"));

    m_query->setObjectName(QStringLiteral("traceqlQuery"));
    m_query->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_query->setPlaceholderText(tr("TraceQL, e.g. { resource.service.name = \"checkout\" && status = error }"));
    m_query->setClearButtonEnabled(true);
    m_query->setToolTip(tr("TraceQL query; empty finds the most recent traces. Ctrl+Enter searches."));

    m_minDuration->setObjectName(QStringLiteral("minDuration"));
    m_minDuration->setRange(0, 24 * 3600 * 1000);
    m_minDuration->setSingleStep(50);
    m_minDuration->setSuffix(tr(" ms"));
    m_minDuration->setSpecialValueText(tr("any"));
    m_minDuration->setAccelerated(true);
    m_minDuration->setToolTip(tr("Only traces that took at least this long"));

    m_limit->setObjectName(QStringLiteral("searchLimit"));
    m_limit->setRange(1, 5000);
    m_limit->setValue(20);
    m_limit->setToolTip(tr("At most this many traces"));

    m_searchButton->setObjectName(QStringLiteral("searchButton"));
    m_searchButton->setDefault(true);
    m_searchButton->setToolTip(tr("Search (Ctrl+Enter)"));
    m_cancelButton->setObjectName(QStringLiteral("cancelSearch"));
    m_cancelButton->setVisible(false);

    m_sorted->setSourceModel(m_results);
    m_sorted->setSortRole(SearchResultsModel::SortRole);
    m_sorted->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_table->setObjectName(QStringLiteral("searchResults"));
    m_table->setModel(m_sorted);
    setUpReadOnlyTable(m_table);
    m_table->sortByColumn(SearchResultsModel::StartColumn, Qt::DescendingOrder);
    QHeaderView* header = m_table->horizontalHeader();
    header->setSectionResizeMode(SearchResultsModel::RootNameColumn, QHeaderView::Stretch);
    const QFontMetrics metrics(m_table->font());
    const QFontMetrics fixed(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_table->setColumnWidth(SearchResultsModel::TraceIdColumn, metrics.horizontalAdvance(QString(33, u'0')));
    m_table->setColumnWidth(SearchResultsModel::RootServiceColumn, metrics.horizontalAdvance(QString(18, u'x')));
    m_table->setColumnWidth(
        SearchResultsModel::StartColumn, metrics.horizontalAdvance(QStringLiteral("2026-11-25 10:23:39.742387 CEST ")));
    m_table->setColumnWidth(
        SearchResultsModel::DurationColumn, metrics.horizontalAdvance(QStringLiteral("Duration  ")) + 16);
    m_table->setColumnWidth(
        SearchResultsModel::MatchedColumn, metrics.horizontalAdvance(QStringLiteral("Matched  ")) + 16);

    m_status->setObjectName(QStringLiteral("searchStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_completer->setModel(m_completions);
    m_completer->setWidget(m_query);
    m_completer->setCompletionMode(QCompleter::PopupCompletion);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setFilterMode(Qt::MatchContains);
    m_completer->setMaxVisibleItems(12);

    auto* options = new QHBoxLayout;
    options->addWidget(new QLabel(tr("Min duration"), this));
    options->addWidget(m_minDuration);
    options->addSpacing(12);
    options->addWidget(new QLabel(tr("Limit"), this));
    options->addWidget(m_limit);
    options->addStretch(1);
    options->addWidget(m_cancelButton);
    options->addWidget(m_searchButton);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addWidget(m_query);
    layout->addLayout(options);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_status);

    for (const QKeySequence& keys :
        { QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter) }) {
        auto* shortcut = new QShortcut(keys, this);
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
        connect(shortcut, &QShortcut::activated, this, &TraceSearchPanel::search);
    }
    connect(m_searchButton, &QPushButton::clicked, this, &TraceSearchPanel::search);
    connect(m_cancelButton, &QPushButton::clicked, this, &TraceSearchPanel::cancel);
    connect(m_query, &QLineEdit::returnPressed, this, [this] {
        // The line edit sees the Enter that picks a completion before the popup closes: that is no search.
        if (!m_completer->popup()->isVisible())
            search();
    });
    connect(m_query, &QLineEdit::textEdited, this, &TraceSearchPanel::updateCompletion);
    connect(m_completer, qOverload<const QString&>(&QCompleter::activated), this, &TraceSearchPanel::insertCompletion);
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex& index) {
        const QString id = index.data(SearchResultsModel::TraceIdRole).toString();
        if (!id.isEmpty())
            Q_EMIT openTraceRequested(id);
    });

    m_results->setTimeDisplay(m_timeRange.display());
    connect(&m_timeRange, &TimeRangeController::displayChanged, m_results, &SearchResultsModel::setTimeDisplay);
    const auto repeat = [this] {
        if (m_searched && m_client)
            search();
    };
    connect(&m_timeRange, &TimeRangeController::rangeChanged, this, repeat);
    connect(&m_timeRange, &TimeRangeController::refreshRequested, this, repeat);

    setStatus(tr("No Tempo data source: add one under Data sources."));
    updateButtons();
}

TraceSearchPanel::~TraceSearchPanel()
{
    if (m_stream)
        m_stream->cancel();
}

void TraceSearchPanel::setProfile(const net::ConnectionProfile& profile)
{
    cancel();
    m_client.emplace(m_http, profile);
    m_tagRequest.cancel();
    m_valueRequest.cancel();
    m_tagNames.clear();
    m_tagsLoaded = false;
    m_values.clear();
    m_valuesTag.clear();
    m_results->clear();
    m_searched = false;
    setStatus(tr("Search %1 for traces in the selected time range.").arg(profile.name));
    updateButtons();
}

void TraceSearchPanel::clearProfile()
{
    cancel();
    m_client.reset();
    m_results->clear();
    m_searched = false;
    setStatus(tr("No Tempo data source: add one under Data sources."));
    updateButtons();
}

void TraceSearchPanel::setQuery(const QString& traceql)
{
    m_query->setText(traceql);
}

QString TraceSearchPanel::query() const
{
    return m_query->text().trimmed();
}

void TraceSearchPanel::search()
{
    Q_ASSERT(QThread::currentThread() == thread());
    if (!m_client)
        return;
    if (m_stream)
        m_stream->cancel(); // its onDone still runs once, with a job id no longer current
    m_stream.reset();
    m_completer->popup()->hide();

    tempo::SearchQuery request;
    request.traceql = query();
    request.limit = m_limit->value();
    const TimeRange range = m_timeRange.range();
    request.startS = range.fromMs / 1000;
    request.endS = (range.toMs + 999) / 1000;
    if (m_minDuration->value() > 0)
        request.minDurationMs = m_minDuration->value();

    const quint64 job = ++m_job;
    m_searched = true;
    m_results->clear();
    m_clock.start();
    setStatus(tr("Searching…"));
    m_stream = m_client->streamSearch(
        request, this,
        [this, job](const tempo::SearchResult& partial) {
            if (job != m_job)
                return;
            m_results->addResults(partial);
            setStatus(tr("Searching… traces found so far: %1").arg(m_results->rowCount()));
        },
        [this, job](tempo::Answer<tempo::SearchResult> answer) { finish(job, std::move(answer)); });
    updateButtons();
}

void TraceSearchPanel::cancel()
{
    if (!m_stream)
        return;
    ++m_job; // the cancelled stream's answer is not shown
    m_stream->cancel();
    m_stream.reset();
    setStatus(tr("Search cancelled; traces found until then: %1").arg(m_results->rowCount()));
    updateButtons();
    Q_EMIT searchFinished(false);
}

void TraceSearchPanel::finish(quint64 job, tempo::Answer<tempo::SearchResult> answer)
{
    if (job != m_job)
        return;
    m_stream.reset();
    updateButtons();
    if (!answer.ok()) {
        const QString message = answer.error ? answer.error->message : tr("The search failed.");
        setStatus(m_results->rowCount() > 0
                ? tr("%1 (traces found before the error: %2)").arg(message).arg(m_results->rowCount())
                : message,
            true);
        Q_EMIT searchFinished(false);
        return;
    }
    m_results->addResults(*answer.value);
    const tempo::SearchMetrics& metrics = answer.value->metrics;
    const QString took = QLocale().toString(static_cast<double>(m_clock.elapsed()) / 1000.0, 'f', 2);
    if (m_results->rowCount() == 0) {
        setStatus(tr("No traces matched in the selected time range (%1 s).").arg(took));
    } else {
        QString text = tr("Traces found: %1 in %2 s").arg(m_results->rowCount()).arg(took);
        if (metrics.inspectedBytes > 0) {
            text += QStringLiteral(" · ")
                + (metrics.inspectedTraces > 0
                        ? tr("inspected %1 traces, %2")
                              .arg(QLocale().toString(metrics.inspectedTraces),
                                  QLocale().formattedDataSize(metrics.inspectedBytes))
                        : tr("inspected %1").arg(QLocale().formattedDataSize(metrics.inspectedBytes)));
        }
        if (m_results->rowCount() >= m_limit->value())
            text += QStringLiteral(" · ") + tr("limit reached: raise it or narrow the query to see more");
        setStatus(text);
    }
    if (!answer.warnings.isEmpty())
        m_status->setToolTip(answer.warnings.join(u'\n'));
    Q_EMIT searchFinished(true);
}

void TraceSearchPanel::setStatus(const QString& text, bool error)
{
    m_status->setText(text);
    m_status->setToolTip({});
    QPalette palette = this->palette();
    if (error) {
        const bool dark = palette.color(QPalette::Base).lightness() < 128;
        palette.setColor(QPalette::WindowText, dark ? QColor(0xf2, 0x8b, 0x82) : QColor(0xb3, 0x26, 0x1e));
    }
    m_status->setPalette(palette);
    m_status->setProperty("error", error);
}

void TraceSearchPanel::updateButtons()
{
    m_searchButton->setEnabled(m_client.has_value());
    m_cancelButton->setVisible(m_stream != nullptr);
}

void TraceSearchPanel::updateCompletion()
{
    if (!m_client)
        return;
    m_completion = tempo::traceQLCompletionAt(m_query->text(), m_query->cursorPosition());
    switch (m_completion.kind) {
    case TraceQLCompletion::Kind::None:
        m_completer->popup()->hide();
        return;
    case TraceQLCompletion::Kind::Tag:
        if (!m_tagsLoaded) {
            loadTagNames();
            return;
        }
        showCompletions(m_tagNames);
        return;
    case TraceQLCompletion::Kind::Value: {
        const auto it = m_values.constFind(m_completion.tag);
        if (it == m_values.cend()) {
            loadValues(m_completion.tag);
            return;
        }
        showCompletions(*it);
        return;
    }
    }
}

void TraceSearchPanel::showCompletions(const QStringList& candidates)
{
    const QString typed
        = m_query->text().mid(m_completion.replaceFrom, m_query->cursorPosition() - m_completion.replaceFrom);
    if (candidates.isEmpty() || (candidates.size() == 1 && candidates.front() == typed)) {
        m_completer->popup()->hide();
        return;
    }
    m_completions->setStringList(candidates);
    m_completer->setCompletionPrefix(typed);
    if (m_completer->completionCount() == 0
        || (m_completer->completionCount() == 1 && m_completer->currentCompletion() == typed)) {
        m_completer->popup()->hide();
        return;
    }
    QAbstractItemView* popup = m_completer->popup();
    popup->setFont(m_query->font());
    popup->setCurrentIndex(m_completer->completionModel()->index(0, 0));
    // Under the token being completed, as wide as the longest candidate; the line edit's own text margin is
    // approximated by the frame width (a scrolled long query only shifts the popup, it stays usable).
    const QFontMetrics metrics(m_query->font());
    const int width = std::min(m_query->width(),
        std::max(180,
            popup->sizeHintForColumn(0) + popup->verticalScrollBar()->sizeHint().width() + 2 * popup->frameWidth()));
    const int tokenX = metrics.horizontalAdvance(m_query->text().left(m_completion.replaceFrom))
        + m_query->style()->pixelMetric(QStyle::PM_DefaultFrameWidth, nullptr, m_query) + 2;
    m_completer->complete(QRect(std::clamp(tokenX, 0, m_query->width() - width), 0, width, m_query->height()));
}

void TraceSearchPanel::insertCompletion(const QString& completion)
{
    const QString text = m_query->text();
    const qsizetype cursor = std::min<qsizetype>(m_query->cursorPosition(), text.size());
    const qsizetype from = std::min(m_completion.replaceFrom, cursor);
    QString rest = text.mid(cursor);
    // Completing inside a quoted value replaces the closing quote the user may have typed already.
    if (completion.endsWith(u'"') && rest.startsWith(u'"'))
        rest.remove(0, 1);
    m_query->setText(text.left(from) + completion + rest);
    m_query->setCursorPosition(static_cast<int>(from + completion.size()));
}

void TraceSearchPanel::loadTagNames()
{
    if (m_tagRequest.isActive())
        return;
    auto handle = std::make_shared<net::RequestHandlePtr>();
    *handle = m_client->tagNames({}, this, [this, handle](tempo::Answer<std::vector<tempo::TagScope>> answer) {
        if (!m_tagRequest.isCurrent(*handle))
            return;
        m_tagRequest.cancel();
        m_tagsLoaded = true; // also after an error: completion is a help, not worth a retry loop
        if (answer.ok())
            m_tagNames = tempo::traceQLTagNames(*answer.value);
        if (m_query->hasFocus())
            updateCompletion();
    });
    m_tagRequest.replace(*handle);
}

void TraceSearchPanel::loadValues(const QString& tag)
{
    if (m_valueRequest.isActive() && m_valuesTag == tag)
        return;
    m_valuesTag = tag;
    auto handle = std::make_shared<net::RequestHandlePtr>();
    *handle = m_client->tagValues(tag, this, [this, handle, tag](tempo::Answer<std::vector<tempo::TagValue>> answer) {
        if (!m_valueRequest.isCurrent(*handle))
            return;
        m_valueRequest.cancel();
        QStringList literals;
        if (answer.ok()) {
            for (const tempo::TagValue& value : *answer.value)
                literals << tempo::traceQLLiteral(value);
        }
        m_values.insert(tag, literals);
        if (m_query->hasFocus())
            updateCompletion();
    });
    m_valueRequest.replace(*handle);
}

} // namespace firebreak::ui
