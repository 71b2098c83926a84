#include "logsworkspace.h"

#include "analysis/logfilter.h"
#include "analysis/traceidfinder.h"
#include "backends/healthmonitor.h"
#include "backends/loki/lokiclient.h"
#include "common/appcontext.h"
#include "common/emptystate.h"
#include "common/queryeditor.h"
#include "common/queryhistorybutton.h"
#include "common/toolrow.h"
#include "livetailcontroller.h"
#include "logdetailspane.h"
#include "loglevelcolors.h"
#include "loglinedelegate.h"
#include "loglistmodel.h"
#include "logpipeline.h"
#include "logvolumehistogram.h"
#include "logvolumeloader.h"
#include "patternsview.h"

#include <QApplication>
#include <QBuffer>
#include <QClipboard>
#include <QComboBox>
#include <QFrame>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMouseEvent>
#include <QPainter>
#include <QPixmap>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSettings>
#include <QShortcut>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QtConcurrent/QtConcurrentRun>
#include <QToolButton>
#include <QVBoxLayout>

#include <spdlog/spdlog.h>

#include <limits>

namespace firebreak::ui {

using analysis::LogLevel;

namespace {

constexpr int DefaultLimit = 5000;
constexpr int MaxLimit = 1'000'000;
constexpr qint64 DefaultTailLines = 100'000;
constexpr int FilterDebounceMs = 150;
constexpr int MaxPinnedLines = 5000;

QToolButton* toggle(QWidget* parent, const QString& text, const QString& name, const QString& tip)
{
    auto* button = new QToolButton(parent);
    button->setText(text);
    button->setObjectName(name);
    button->setToolTip(tip);
    button->setCheckable(true);
    button->setAutoRaise(true);
    return button;
}

QIcon levelIcon(LogLevel level)
{
    QPixmap pixmap(10, 10);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setBrush(logLevelColor(level));
    painter.setPen(Qt::NoPen);
    painter.drawEllipse(QRectF(1, 1, 8, 8));
    return QIcon(pixmap);
}

/// The text a LogQL string literal stands for: "…" with Go escapes, or `…` raw.
QString unquote(const QString& literal)
{
    if (literal.size() < 2)
        return {};
    const QString body = literal.mid(1, literal.size() - 2);
    if (literal.front() == u'`')
        return body;
    QString out;
    out.reserve(body.size());
    for (qsizetype i = 0; i < body.size(); ++i) {
        if (body[i] == u'\\' && i + 1 < body.size()) {
            const QChar next = body[++i];
            switch (next.unicode()) {
            case u'n':
                out += u'\n';
                break;
            case u't':
                out += u'\t';
                break;
            default:
                out += next;
            }
        } else {
            out += body[i];
        }
    }
    return out;
}

/// The positive line filters of a log query (`|= "text"`, `|~ "regex"`), for highlighting what matched.
std::vector<std::shared_ptr<const analysis::LineMatcher>> lineFilterMatchers(const QString& logql)
{
    static const QRegularExpression filter(QStringLiteral(R"re(\|\s*([=~])\s*("(?:[^"\\]|\\.)*"|`[^`]*`))re"));
    std::vector<std::shared_ptr<const analysis::LineMatcher>> out;
    for (auto it = filter.globalMatch(logql); it.hasNext();) {
        const auto match = it.next();
        analysis::LogFilterSpec spec;
        spec.text = unquote(match.captured(2));
        spec.regex = match.captured(1) == QLatin1String("~");
        spec.caseSensitive = true;
        if (spec.text.isEmpty())
            continue;
        auto matcher = std::make_shared<const analysis::LineMatcher>(spec);
        if (matcher->isValid())
            out.push_back(std::move(matcher));
    }
    return out;
}

QJsonObject labelsJson(const LogLabels& labels)
{
    QJsonObject out;
    for (auto it = labels.cbegin(); it != labels.cend(); ++it)
        out.insert(it.key(), it.value());
    return out;
}

qint64 batchIndex(const LogLineRef& ref)
{
    return ref.line - ref.batch->lines().data();
}

} // namespace

QString LogsWorkspace::tailMaxLinesKey()
{
    return QStringLiteral("logs/tailMaxLines");
}

LogsWorkspace::LogsWorkspace(AppContext& context, QWidget* parent)
    : QWidget(parent)
    , m_context(context)
{
    setObjectName(QStringLiteral("logsWorkspace"));
    buildUi();
    updateTraceIdFinder();
    refreshSources();
    updateBanner();
    updateStats();
}

LogsWorkspace::~LogsWorkspace()
{
    // The list paints from the model's segments: detach the view before the model goes.
    m_list->setModel(nullptr);
}

void LogsWorkspace::buildUi()
{
    m_model = new LogListModel(this);
    m_pipeline = new LogPipeline(*m_model, this);
    m_delegate = new LogLineDelegate(this);

    m_empty = new EmptyState(this);
    m_empty->setObjectName(QStringLiteral("logsEmptyState"));
    m_empty->setTitle(tr("No Loki data source"));
    m_empty->setBody(tr("Log streams come from Grafana Loki. Add the address of your Loki server; Firebreak checks "
                        "that it answers before saving."));
    m_empty->setAction(tr("Add Loki data source…"));
    connect(m_empty, &EmptyState::actionTriggered, this, &LogsWorkspace::addSourceRequested);

    auto* content = new QWidget(this);

    // Query row.
    m_source = new QComboBox(content);
    m_source->setObjectName(QStringLiteral("logsSource"));
    m_source->setToolTip(tr("The Loki data source to ask"));
    m_source->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_query = new QueryEditor(analysis::QueryLanguage::LogQL, content);
    m_query->setObjectName(QStringLiteral("logsQuery"));
    m_query->setPlaceholderText(tr("LogQL, e.g. {service=\"checkout\"} |= \"error\"  (Ctrl+Enter runs)"));
    const int lines = 3;
    m_query->setFixedHeight(m_query->fontMetrics().lineSpacing() * lines + 12);
    m_completion = new LokiCompletionSource(m_context, this);
    m_query->setCompletionSource(m_completion);
    m_run = new QPushButton(tr("Run"), content);
    m_run->setObjectName(QStringLiteral("logsRun"));
    m_run->setToolTip(tr("Run the query over the shared time range (Ctrl+Enter)"));
    m_history = new QueryHistoryButton(m_context.journal(), QStringLiteral("logql"), content);
    m_history->setObjectName(QStringLiteral("logsHistory"));

    m_limit = new QSpinBox(content);
    m_limit->setObjectName(QStringLiteral("logsLimit"));
    m_limit->setRange(1, MaxLimit);
    m_limit->setValue(DefaultLimit);
    m_limit->setGroupSeparatorShown(true);
    m_limit->setPrefix(tr("Limit "));
    m_limit->setToolTip(tr("Lines to fetch; more than Loki's per-query limit are fetched page by page"));
    m_direction = new QComboBox(content);
    m_direction->setObjectName(QStringLiteral("logsDirection"));
    m_direction->addItem(tr("Newest first"), static_cast<int>(LogDirection::Backward));
    m_direction->addItem(tr("Oldest first"), static_cast<int>(LogDirection::Forward));
    m_live = toggle(content, tr("Live"), QStringLiteral("logsLive"),
        tr("Live tail: poll Loki for new lines of the query, newest at the bottom"));
    m_live->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_pause = toggle(content, tr("Pause"), QStringLiteral("logsPause"), tr("Pause / resume the live tail"));
    m_pause->setEnabled(false);
    m_tailStatus = new QLabel(content);
    m_tailStatus->setObjectName(QStringLiteral("logsTailStatus"));

    m_histogram = new LogVolumeHistogram(m_context.timeRange(), content);
    m_histogram->setObjectName(QStringLiteral("logsHistogram"));
    m_volume = new LogVolumeLoader(m_context, this);
    m_volume->setHistogram(m_histogram);

    m_error = new QLabel(content);
    m_error->setObjectName(QStringLiteral("logsError"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setStyleSheet(QStringLiteral("color: #c62828; font-weight: bold;"));
    m_error->hide();

    m_banner = new QFrame(content);
    m_banner->setObjectName(QStringLiteral("logsTruncationBanner"));
    m_banner->setFrameShape(QFrame::StyledPanel);
    m_banner->setStyleSheet(
        QStringLiteral("#logsTruncationBanner { background: rgba(255, 152, 48, 40); border: 1px solid #ff9830; }"));
    m_bannerText = new QLabel(m_banner);
    m_bannerText->setObjectName(QStringLiteral("logsTruncationText"));
    m_bannerText->setWordWrap(true);
    m_loadOlder = new QPushButton(tr("Load older"), m_banner);
    m_loadOlder->setObjectName(QStringLiteral("logsLoadOlder"));
    m_loadNewer = new QPushButton(tr("Load newer"), m_banner);
    m_loadNewer->setObjectName(QStringLiteral("logsLoadNewer"));
    auto* bannerLayout = new QHBoxLayout(m_banner);
    bannerLayout->setContentsMargins(8, 4, 8, 4);
    bannerLayout->addWidget(m_bannerText, 1);
    bannerLayout->addWidget(m_loadOlder);
    bannerLayout->addWidget(m_loadNewer);
    m_banner->hide();

    // Filter row.
    m_filter = new QLineEdit(content);
    m_filter->setObjectName(QStringLiteral("logsFilter"));
    m_filter->setPlaceholderText(tr("Filter loaded lines"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setMinimumWidth(160);
    m_regex = toggle(
        content, QStringLiteral(".*"), QStringLiteral("logsFilterRegex"), tr("Regular expression (RE2, as Loki's |~)"));
    m_case = toggle(content, QStringLiteral("Aa"), QStringLiteral("logsFilterCase"), tr("Match case"));
    auto* levels = new QWidget(content);
    auto* levelsLayout = new QHBoxLayout(levels);
    levelsLayout->setContentsMargins(0, 0, 0, 0);
    levelsLayout->setSpacing(0);
    for (int i = 0; i < analysis::LogLevelCount; ++i) {
        const auto level = static_cast<LogLevel>(i);
        const QString name = analysis::logLevelName(level);
        auto* button
            = toggle(levels, name, QStringLiteral("logsLevel_") + name, tr("Show lines of level %1").arg(name));
        button->setIcon(levelIcon(level));
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        button->setChecked(true);
        levelsLayout->addWidget(button);
        m_levels[static_cast<std::size_t>(i)] = button;
        connect(button, &QToolButton::toggled, this, &LogsWorkspace::applyView);
    }
    m_dedup = new QComboBox(content);
    m_dedup->setObjectName(QStringLiteral("logsDedup"));
    m_dedup->addItem(tr("No dedup"), static_cast<int>(analysis::DedupMode::None));
    m_dedup->addItem(tr("Dedup exact"), static_cast<int>(analysis::DedupMode::Exact));
    m_dedup->addItem(tr("Dedup numbers/ids"), static_cast<int>(analysis::DedupMode::Masked));
    m_dedup->setToolTip(tr("Show repeated lines once with a count: identical lines, or lines that differ only in "
                           "numbers, ids, addresses and durations"));
    m_wrap = toggle(content, tr("Wrap"), QStringLiteral("logsWrap"), tr("Wrap long lines"));
    m_labels = toggle(content, tr("Labels"), QStringLiteral("logsLabels"), tr("Show each line's stream labels"));
    auto* micros = toggle(content, tr("µs"), QStringLiteral("logsMicroseconds"), tr("Show times to the microsecond"));
    m_patternChip = new QToolButton(content);
    m_patternChip->setObjectName(QStringLiteral("logsPatternFilter"));
    m_patternChip->hide();
    m_pin = new QPushButton(tr("Pin"), content);
    m_pin->setObjectName(QStringLiteral("logsPin"));
    m_pin->setToolTip(tr("Pin the selected lines to the incident as evidence"));

    // List and side panes.
    m_list = new QListView(content);
    m_list->setObjectName(QStringLiteral("logsList"));
    m_list->setModel(m_model);
    m_list->setItemDelegate(m_delegate);
    m_list->setUniformItemSizes(true);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setMouseTracking(true);
    m_list->setContextMenuPolicy(Qt::CustomContextMenu);
    m_list->setFont(m_delegate->font());
    m_details = new LogDetailsPane(m_context.http(), content);
    m_patterns = new PatternsView(content);
    m_patterns->setObjectName(QStringLiteral("logsPatterns"));
    m_side = new QTabWidget(content);
    m_side->setObjectName(QStringLiteral("logsSideTabs"));
    m_side->setDocumentMode(true);
    m_side->addTab(m_details, tr("Details"));
    m_side->addTab(m_patterns, tr("Patterns"));
    auto* splitter = new QSplitter(Qt::Horizontal, content);
    splitter->setObjectName(QStringLiteral("logsSplitter"));
    splitter->addWidget(m_list);
    splitter->addWidget(m_side);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    m_stats = new QLabel(content);
    m_stats->setObjectName(QStringLiteral("logsStats"));
    m_stats->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* queryRow = new QWidget(content);
    auto* queryLayout = new QHBoxLayout(queryRow);
    queryLayout->setContentsMargins(0, 0, 0, 0);
    auto* sourceColumn = new QVBoxLayout;
    sourceColumn->addWidget(m_source);
    sourceColumn->addStretch(1);
    queryLayout->addLayout(sourceColumn);
    queryLayout->addWidget(m_query, 1);
    auto* runColumn = new QVBoxLayout;
    runColumn->addWidget(m_run);
    runColumn->addWidget(m_history);
    runColumn->addStretch(1);
    queryLayout->addLayout(runColumn);

    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(4);
    layout->addWidget(queryRow);
    // Two rows, so the workspace still fits a 900 px window: what to fetch and how to show it above, what to
    // keep of the loaded lines below.
    layout->addWidget(toolRow(
        content, { m_limit, m_direction, m_live, m_pause, m_tailStatus, nullptr, m_wrap, m_labels, micros, m_pin }));
    layout->addWidget(m_histogram);
    layout->addWidget(m_error);
    layout->addWidget(m_banner);
    layout->addWidget(toolRow(content, { m_filter, m_regex, m_case, levels, m_patternChip, m_dedup }));
    layout->addWidget(splitter, 1);
    layout->addWidget(m_stats);

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_empty);
    m_stack->addWidget(content);
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_stack);

    // Running.
    connect(m_run, &QPushButton::clicked, this, &LogsWorkspace::run);
    connect(m_query, &QueryEditor::runRequested, this, &LogsWorkspace::run);
    auto* runShortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), this);
    runShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(runShortcut, &QShortcut::activated, this, &LogsWorkspace::run);
    connect(m_history, &QueryHistoryButton::querySelected, this, [this](const QString& query) {
        m_query->setQuery(query);
        run();
    });
    connect(m_source, &QComboBox::currentIndexChanged, this, [this] {
        const auto profile = currentProfile();
        m_completion->setProfileId(profile ? profile->id : QString());
        m_details->setProfile(profile);
    });
    connect(m_direction, &QComboBox::currentIndexChanged, this, [this] {
        if (m_haveQuery && !m_live->isChecked())
            startQuery(m_state.expr, m_state.range);
    });
    connect(&m_context.timeRange(), &TimeRangeController::rangeChanged, this, [this](const TimeRange& range) {
        if (m_haveQuery && !m_live->isChecked())
            startQuery(m_state.expr, range);
    });
    connect(&m_context.timeRange(), &TimeRangeController::refreshRequested, this, [this] {
        if (m_haveQuery && !m_live->isChecked())
            startQuery(m_state.expr, m_context.timeRange().range());
    });
    connect(&m_context.health(), &net::HealthMonitor::profilesChanged, this, &LogsWorkspace::refreshSources);
    connect(m_loadOlder, &QPushButton::clicked, this, [this] { loadPage(true); });
    connect(m_loadNewer, &QPushButton::clicked, this, [this] { loadPage(false); });

    // The view of the loaded lines.
    m_viewDebounce.setSingleShot(true);
    m_viewDebounce.setInterval(FilterDebounceMs);
    connect(&m_viewDebounce, &QTimer::timeout, this, &LogsWorkspace::applyView);
    connect(m_filter, &QLineEdit::textChanged, this, &LogsWorkspace::scheduleView);
    connect(m_regex, &QToolButton::toggled, this, &LogsWorkspace::applyView);
    connect(m_case, &QToolButton::toggled, this, &LogsWorkspace::applyView);
    connect(m_dedup, &QComboBox::currentIndexChanged, this, &LogsWorkspace::applyView);
    connect(m_wrap, &QToolButton::toggled, this, [this](bool on) {
        m_delegate->setWrap(on);
        // Wrapped rows differ in height: laid out in batches so a million rows do not stall the window.
        m_list->setUniformItemSizes(!on);
        m_list->setResizeMode(on ? QListView::Adjust : QListView::Fixed);
        m_list->setLayoutMode(on ? QListView::Batched : QListView::SinglePass);
        m_list->setVerticalScrollMode(on ? QAbstractItemView::ScrollPerPixel : QAbstractItemView::ScrollPerItem);
        m_list->doItemsLayout();
        m_list->viewport()->update();
    });
    connect(m_labels, &QToolButton::toggled, this, [this](bool on) {
        m_delegate->setShowLabels(on);
        m_list->viewport()->update();
    });
    connect(micros, &QToolButton::toggled, this, [this](bool on) {
        m_delegate->setTimePrecision(
            on ? LogLineDelegate::TimePrecision::Microseconds : LogLineDelegate::TimePrecision::Milliseconds);
        m_list->viewport()->update();
    });
    m_delegate->setTimeDisplay(m_context.timeRange().display());
    m_details->setTimeDisplay(m_context.timeRange().display());
    m_patterns->setTimeDisplay(m_context.timeRange().display());
    connect(&m_context.timeRange(), &TimeRangeController::displayChanged, this, [this](TimeDisplay display) {
        m_delegate->setTimeDisplay(display);
        m_details->setTimeDisplay(display);
        m_patterns->setTimeDisplay(display);
        m_list->viewport()->update();
    });

    connect(m_pipeline, &LogPipeline::loaded, this, [this](qint64, double levelsMs) {
        m_levelsMs = levelsMs;
        withAllLines([this](const LogSegment& all) {
            m_volume->setLoadedLines(all.batch, all.levels);
            minePatterns(all);
        });
        updateStats();
        updateBanner();
        Q_EMIT queryFinished();
    });
    connect(m_pipeline, &LogPipeline::appended, this, [this] {
        updateStats();
        updateBanner();
        if (m_live->isChecked()) {
            if (!m_patternTimer.isActive())
                m_patternTimer.start();
            return;
        }
        // A further page: the histogram's estimate and the patterns count it too.
        withAllLines([this](const LogSegment& all) {
            m_volume->setLoadedLines(all.batch, all.levels);
            minePatterns(all);
        });
    });
    connect(m_pipeline, &LogPipeline::viewApplied, this, [this](double filterMs, double dedupMs, const QString& error) {
        m_filterMs = filterMs;
        m_dedupMs = dedupMs;
        m_filterError = error;
        m_filter->setStyleSheet(error.isEmpty() ? QString() : QStringLiteral("QLineEdit { color: #c62828; }"));
        m_filter->setToolTip(error);
        updateStats();
    });
    connect(m_pipeline, &LogPipeline::idle, this, &LogsWorkspace::updateStats);

    // Selection, details, links, pinning.
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this, &LogsWorkspace::showSelectedLine);
    // A new view of the same lines (filter, dedup) keeps the line the user was on, in sight.
    connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this,
        [this] { m_currentId = m_model->idAt(m_list->currentIndex().row()); });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        const int row = m_currentId >= 0 ? m_model->rowOf(m_currentId) : -1;
        if (row >= 0) {
            const QModelIndex index = m_model->index(row);
            m_list->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect);
            m_list->scrollTo(index, QAbstractItemView::PositionAtCenter);
        } else if (m_model->rowCount() == 0) {
            m_details->clearLine();
        }
    });
    connect(m_delegate, &LogLineDelegate::traceIdClicked, this, &LogsWorkspace::openTraceRequested);
    connect(m_details, &LogDetailsPane::openTraceRequested, this, &LogsWorkspace::openTraceRequested);
    connect(m_pin, &QPushButton::clicked, this, &LogsWorkspace::pinSelection);
    connect(m_list, &QListView::customContextMenuRequested, this, [this](const QPoint& pos) {
        QMenu menu(this);
        const bool any = m_list->selectionModel()->hasSelection();
        menu.addAction(tr("Copy selected lines"), this,
                [this] {
                    QStringList lines;
                    QModelIndexList rows = m_list->selectionModel()->selectedRows();
                    std::sort(rows.begin(), rows.end());
                    for (const QModelIndex& index : rows)
                        lines << index.data(LogListModel::TextRole).toString();
                    QApplication::clipboard()->setText(lines.join(u'\n'));
                })
            ->setEnabled(any);
        menu.addAction(tr("Pin selected lines to the incident"), this, &LogsWorkspace::pinSelection)->setEnabled(any);
        menu.addAction(tr("Show context"), this,
                [this] {
                    m_side->setCurrentWidget(m_details);
                    m_details->showContext();
                })
            ->setEnabled(m_details->hasLine());
        menu.exec(m_list->viewport()->mapToGlobal(pos));
    });
    m_list->viewport()->installEventFilter(this);

    // Live tail: new rows at the bottom; the view follows unless the user scrolled up.
    m_tail = new LiveTailController(m_context, this);
    connect(m_live, &QToolButton::toggled, this, &LogsWorkspace::setLive);
    connect(m_pause, &QToolButton::toggled, this, [this](bool paused) {
        if (paused)
            m_tail->pause();
        else
            m_tail->resume();
        updateStats();
    });
    connect(m_tail, &LiveTailController::linesArrived, this, &LogsWorkspace::onTailLines);
    connect(m_tail, &LiveTailController::rateChanged, this, [this](double rate) {
        m_tailRate = rate;
        updateStats();
    });
    connect(m_tail, &LiveTailController::failed, this, [this](const QString& message) { showError(message); });
    connect(m_tail, &LiveTailController::recovered, m_error, &QLabel::hide);
    connect(m_tail, &LiveTailController::gapSkipped, this, [this](qint64, qint64, const QString& message) {
        m_error->setText(message);
        m_error->show();
    });
    connect(m_tail, &LiveTailController::warning, this, [this](const QString& message) {
        m_error->setText(message);
        m_error->show();
    });
    connect(m_model, &QAbstractItemModel::rowsAboutToBeInserted, this, [this] {
        const QScrollBar* bar = m_list->verticalScrollBar();
        m_followTail = bar->value() >= bar->maximum() - 1;
    });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_live->isChecked() && m_followTail)
            QTimer::singleShot(0, m_list, &QListView::scrollToBottom);
    });
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, [this](const QModelIndex&, int first, int last) {
        // Lines dropped above what the user reads: keep those lines in place.
        if (m_live->isChecked() && !m_followTail && first == 0) {
            QScrollBar* bar = m_list->verticalScrollBar();
            const int rows = last - first + 1;
            bar->setValue(bar->value()
                - (m_list->verticalScrollMode() == QAbstractItemView::ScrollPerItem ? rows
                                                                                    : rows * m_delegate->lineHeight()));
        }
    });
    connect(m_list->verticalScrollBar(), &QScrollBar::valueChanged, this, [this](int value) {
        if (!m_live->isChecked())
            return;
        const bool atBottom = value >= m_list->verticalScrollBar()->maximum() - 1;
        if (atBottom != m_followTail) {
            m_followTail = atBottom;
            updateStats();
        }
    });

    // Patterns: mined from the loaded lines; a click filters by one.
    m_patternTimer.setSingleShot(true);
    m_patternTimer.setInterval(5000);
    connect(&m_patternTimer, &QTimer::timeout, this, [this] {
        // Mined while someone looks; switching to the tab mines the lines then.
        if (m_side->currentWidget() == m_patterns)
            refreshPatterns();
    });
    connect(m_patterns, &PatternsView::patternFilterRequested, this, [this](qint32 id, const QString& pattern) {
        m_patternFilter = id;
        m_patternChip->setText(
            tr("Pattern: %1  ✕").arg(QFontMetrics(m_patternChip->font()).elidedText(pattern, Qt::ElideMiddle, 300)));
        m_patternChip->setToolTip(tr("Only lines of the pattern %1; click to show all patterns again").arg(pattern));
        m_patternChip->show();
        applyView();
    });
    connect(m_patterns, &PatternsView::patternsReady, this, [this] {
        if (m_patternFilter >= 0)
            applyView(); // the lines' patterns changed
    });
    connect(m_patternChip, &QToolButton::clicked, this, &LogsWorkspace::clearPatternFilter);
    connect(m_side, &QTabWidget::currentChanged, this, [this] {
        if (m_side->currentWidget() == m_patterns && m_live->isChecked())
            refreshPatterns();
    });
}

bool LogsWorkspace::eventFilter(QObject* watched, QEvent* event)
{
    // A pointing hand over a trace link, as in a browser.
    if (watched == m_list->viewport() && event->type() == QEvent::MouseMove) {
        const QPoint pos = static_cast<QMouseEvent*>(event)->position().toPoint();
        const QModelIndex index = m_list->indexAt(pos);
        const bool overLink
            = index.isValid() && !m_delegate->traceLinkAt(m_list->visualRect(index), index, pos).isEmpty();
        if (overLink)
            m_list->viewport()->setCursor(Qt::PointingHandCursor);
        else
            m_list->viewport()->unsetCursor();
    }
    return QWidget::eventFilter(watched, event);
}

void LogsWorkspace::refreshSources()
{
    const QString previous = m_source->currentData().toString();
    const QSignalBlocker blocker(m_source);
    m_source->clear();
    for (const net::ConnectionProfile& profile : m_context.profiles()) {
        if (profile.kind == net::BackendKind::Loki)
            m_source->addItem(profile.name, profile.id);
    }
    const int again = m_source->findData(previous);
    m_source->setCurrentIndex(again >= 0 ? again : 0);
    const bool any = m_source->count() > 0;
    m_source->setVisible(m_source->count() > 1);
    m_stack->setCurrentIndex(any ? 1 : 0);
    const auto profile = currentProfile();
    m_completion->setProfileId(profile ? profile->id : QString());
    m_details->setProfile(profile);
}

std::optional<net::ConnectionProfile> LogsWorkspace::currentProfile() const
{
    const QString id = m_source->currentData().toString();
    for (const net::ConnectionProfile& profile : m_context.profiles()) {
        if (profile.kind == net::BackendKind::Loki && profile.id == id)
            return profile;
    }
    return std::nullopt;
}

void LogsWorkspace::updateTraceIdFinder()
{
    const QString pattern = m_context.settings().traceIdPattern();
    auto finder = std::make_shared<const analysis::TraceIdFinder>(
        pattern.isEmpty() ? analysis::TraceIdFinder::defaultPattern() : pattern);
    if (!finder->isValid()) {
        spdlog::warn("event=trace_id_pattern_invalid pattern=\"{}\" error=\"{}\"", pattern.toStdString(),
            finder->error().toStdString());
        finder = std::make_shared<const analysis::TraceIdFinder>();
    }
    m_traceIds = std::move(finder);
    m_delegate->setTraceIdFinder(m_traceIds);
    m_details->setTraceIdFinder(m_traceIds);
}

QString LogsWorkspace::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

QString LogsWorkspace::truncationText() const
{
    return m_banner->isHidden() ? QString() : m_bannerText->text();
}

QString LogsWorkspace::statsText() const
{
    return m_stats->text();
}

bool LogsWorkspace::isBusy() const
{
    return m_querying || m_pipeline->isBusy();
}

void LogsWorkspace::run()
{
    startQuery(m_query->query(), m_context.timeRange().range());
}

void LogsWorkspace::runQuery(const QString& logql, const TimeRange& range)
{
    m_query->setQuery(logql);
    startQuery(logql, range.isValid() ? range : m_context.timeRange().range());
}

void LogsWorkspace::startQuery(const QString& expr, const TimeRange& range)
{
    if (m_live->isChecked()) {
        const QSignalBlocker blocker(m_live);
        m_live->setChecked(false);
        setLive(false);
    }
    const auto profile = currentProfile();
    if (!profile) {
        showError(tr("No Loki data source is configured: add one under File › Data sources…."));
        return;
    }
    if (expr.trimmed().isEmpty()) {
        showError(tr("The query is empty: write a LogQL stream selector such as {service=\"checkout\"}."));
        return;
    }
    updateTraceIdFinder();
    clearPatternFilter();
    m_error->hide();
    QueryState state;
    state.profileId = profile->id;
    state.expr = expr.trimmed();
    state.range = range;
    state.startNs = range.fromMs * 1'000'000;
    // The range is closed in milliseconds; Loki's end is exclusive in nanoseconds.
    state.endNs = (range.toMs + 1) * 1'000'000;
    state.limit = m_limit->value();
    state.direction = static_cast<LogDirection>(m_direction->currentData().toInt());
    m_state = state;
    m_haveQuery = true;
    m_history->record(state.expr);
    updateHighlights();

    loki::LokiClient client(m_context.http(), *profile);
    client.setCategorizeLabels(true);
    const quint64 job = ++m_queryJob;
    m_queryTimer.start();
    m_stats->setText(tr("Asking %1…").arg(profile->name));
    m_banner->hide();
    m_querying = true;
    m_request.replace(client.queryRange({ state.expr, state.startNs, state.endNs, state.limit, state.direction, {} },
        this, [this, job](loki::Answer<loki::QueryResult> answer) {
            if (job == m_queryJob)
                takeAnswer(std::move(answer));
        }));
    m_volume->load(*profile, state.expr, state.startNs, state.endNs);
    spdlog::info("event=logs_query profile=\"{}\" limit={} direction={} query=\"{}\"", profile->name.toStdString(),
        state.limit, state.direction == LogDirection::Backward ? "backward" : "forward", state.expr.toStdString());
}

void LogsWorkspace::takeAnswer(loki::Answer<loki::QueryResult> answer)
{
    m_querying = false;
    m_state.queryMs = static_cast<double>(m_queryTimer.nsecsElapsed()) / 1e6;
    if (!answer.ok()) {
        if (answer.error->kind == loki::QueryError::Kind::Network
            && answer.error->netKind == net::NetError::Kind::Cancelled)
            return;
        m_pipeline->clear();
        showError(answer.error->message);
        updateStats();
        Q_EMIT queryFinished();
        return;
    }
    loki::QueryResult& result = *answer.value;
    if (result.type != loki::ResultType::Streams) {
        m_pipeline->clear();
        showError(tr("This is a metric query (its answer is a %1, not log lines): run it in the Metrics workspace, or "
                     "remove the aggregation to see the lines.")
                      .arg(loki::resultTypeName(result.type)));
        Q_EMIT queryFinished();
        return;
    }
    if (!answer.warnings.isEmpty()) {
        m_error->setText(answer.warnings.join(u'\n'));
        m_error->show();
    }
    m_state.requests = result.requests;
    const bool backward = m_state.direction == LogDirection::Backward;
    const std::optional<qint64> reached = result.reachedNs;
    if (backward) {
        m_state.coveredToNs = m_state.endNs;
        m_state.coveredFromNs = result.truncated && reached ? *reached : m_state.startNs;
        m_state.olderExist = result.truncated;
        m_state.newerExist = false;
    } else {
        m_state.coveredFromNs = m_state.startNs;
        m_state.coveredToNs = result.truncated && reached ? *reached + 1 : m_state.endNs;
        m_state.newerExist = result.truncated;
        m_state.olderExist = false;
    }
    m_model->setMaxLines(LogListModel::Unbounded);
    m_pipeline->load(std::move(result.logs));
    updateBanner();
}

QSet<QByteArray> LogsWorkspace::boundaryIdentities(qint64 ns) const
{
    // The page boundary is at the end of the display order: the oldest lines (newest first) or the newest.
    QSet<QByteArray> out;
    const LogSnapshot lines = m_model->snapshot();
    for (qint64 id = lines.endId - 1; id >= lines.beginId; --id) {
        const LogLineRef ref = lines.line(id);
        if (ref.line->timestampNs != ns)
            break;
        out.insert(ref.batch->identity(*ref.line));
    }
    return out;
}

void LogsWorkspace::loadPage(bool older)
{
    const auto profile = currentProfile();
    if (!m_haveQuery || !profile || m_querying)
        return;
    loki::RangeQuery page { m_state.expr, 0, 0, m_state.limit, m_state.direction, {} };
    qint64 boundary = 0;
    if (older) {
        // Newest first: the next page ends where the loaded lines end (that nanosecond again, told apart).
        boundary = m_state.coveredFromNs;
        page.startNs = m_state.startNs;
        page.endNs = boundary + 1;
    } else {
        boundary = m_state.coveredToNs - 1;
        page.startNs = boundary;
        page.endNs = m_state.endNs;
    }
    loki::LokiClient client(m_context.http(), *profile);
    client.setCategorizeLabels(true);
    const quint64 job = ++m_queryJob;
    m_queryTimer.start();
    m_loadOlder->setEnabled(false);
    m_loadNewer->setEnabled(false);
    m_stats->setText(older ? tr("Asking %1 for older lines…").arg(profile->name)
                           : tr("Asking %1 for newer lines…").arg(profile->name));
    m_querying = true;
    m_request.replace(client.queryRange(
        page, this, [this, job, older, known = boundaryIdentities(boundary)](loki::Answer<loki::QueryResult> answer) {
            if (job == m_queryJob)
                takePage(older, std::move(answer), known);
        }));
}

void LogsWorkspace::takePage(bool older, loki::Answer<loki::QueryResult> answer, QSet<QByteArray> known)
{
    m_querying = false;
    m_state.queryMs = static_cast<double>(m_queryTimer.nsecsElapsed()) / 1e6;
    m_loadOlder->setEnabled(true);
    m_loadNewer->setEnabled(true);
    if (!answer.ok()) {
        if (answer.error->kind == loki::QueryError::Kind::Network
            && answer.error->netKind == net::NetError::Kind::Cancelled)
            return;
        showError(answer.error->message);
        updateStats();
        return;
    }
    loki::QueryResult& result = *answer.value;
    m_state.requests += result.requests;
    const std::optional<qint64> reached = result.reachedNs;
    if (older) {
        m_state.coveredFromNs = result.truncated && reached ? *reached : m_state.startNs;
        m_state.olderExist = result.truncated;
    } else {
        m_state.coveredToNs = result.truncated && reached ? *reached + 1 : m_state.endNs;
        m_state.newerExist = result.truncated;
    }
    m_pipeline->append(std::move(result.logs), std::move(known));
    updateBanner();
}

void LogsWorkspace::showLines(LogBatch lines, const QString& title)
{
    if (m_live->isChecked())
        m_live->setChecked(false);
    m_request.cancel();
    m_querying = false;
    ++m_queryJob;
    clearPatternFilter();
    m_haveQuery = false;
    m_state = QueryState {};
    m_state.expr = title;
    m_error->hide();
    m_banner->hide();
    m_model->setMaxLines(LogListModel::Unbounded);
    m_pipeline->load(std::move(lines));
}

void LogsWorkspace::clearPatternFilter()
{
    if (m_patternFilter < 0)
        return;
    m_patternFilter = -1;
    m_patternChip->hide();
    applyView();
}

void LogsWorkspace::setNewPatternsSince(qint64 ns)
{
    m_patterns->setNewSince(ns);
}

void LogsWorkspace::showError(const QString& message)
{
    spdlog::warn("event=logs_query_failed error=\"{}\"", message.toStdString());
    m_error->setText(message);
    m_error->show();
}

void LogsWorkspace::updateBanner()
{
    const bool cut = m_haveQuery && !m_live->isChecked() && (m_state.olderExist || m_state.newerExist);
    if (!cut) {
        m_banner->hide();
        return;
    }
    const TimeDisplay display = m_context.timeRange().display();
    const QString from = LogLineDelegate::formatTimestamp(
        m_state.coveredFromNs, display, LogLineDelegate::TimePrecision::Milliseconds);
    const QString to = LogLineDelegate::formatTimestamp(std::max(m_state.coveredFromNs, m_state.coveredToNs - 1),
        display, LogLineDelegate::TimePrecision::Milliseconds);
    QString exist;
    if (m_state.olderExist && m_state.newerExist)
        exist = tr("older and newer lines exist");
    else if (m_state.olderExist)
        exist = tr("older lines exist");
    else
        exist = tr("newer lines exist");
    m_bannerText->setText(tr("Loki's limit cut the result: showing %L1 lines from %2 to %3; %4.")
                              .arg(m_model->lineCount())
                              .arg(from, to, exist));
    m_loadOlder->setVisible(m_state.olderExist);
    m_loadNewer->setVisible(m_state.newerExist);
    m_banner->show();
}

void LogsWorkspace::updateStats()
{
    if (m_querying)
        return; // "Asking …" stays until the answer
    const qint64 loaded = m_model->lineCount();
    const int shown = m_model->rowCount();
    QStringList parts;
    parts << (loaded == shown ? tr("%L1 lines").arg(loaded) : tr("%L1 lines, %L2 shown").arg(loaded).arg(shown));
    if (m_haveQuery && !m_live->isChecked()) {
        parts << tr("%n request(s), %1 ms", nullptr, m_state.requests).arg(m_state.queryMs, 0, 'f', 0);
    }
    parts << tr("levels %1 ms").arg(m_levelsMs, 0, 'f', 1);
    if (m_model->isFiltered())
        parts << tr("filter %1 ms").arg(m_filterMs, 0, 'f', 1);
    if (m_dedupMs > 0 && m_model->isFiltered())
        parts << tr("dedup %1 ms").arg(m_dedupMs, 0, 'f', 1);
    if (!m_filterError.isEmpty())
        parts << tr("filter error: %1").arg(m_filterError);
    if (m_pipeline->isBusy())
        parts << tr("working…");
    m_stats->setText(parts.join(QStringLiteral(" · ")));

    if (m_live->isChecked()) {
        QStringList tail;
        tail << (m_pause->isChecked() ? tr("paused") : tr("%1 lines/s").arg(m_tailRate, 0, 'f', 1));
        tail << tr("%L1 dropped (bound %L2)").arg(m_model->droppedLines()).arg(m_model->maxLines());
        tail << (m_followTail ? tr("following") : tr("scrolled up: scroll to the bottom to follow"));
        m_tailStatus->setText(tail.join(QStringLiteral(" · ")));
    } else {
        m_tailStatus->clear();
    }
}

void LogsWorkspace::updateHighlights()
{
    auto matchers = lineFilterMatchers(m_haveQuery ? m_state.expr : QString());
    if (!m_filter->text().isEmpty()) {
        analysis::LogFilterSpec spec;
        spec.text = m_filter->text();
        spec.regex = m_regex->isChecked();
        spec.caseSensitive = m_case->isChecked();
        auto matcher = std::make_shared<const analysis::LineMatcher>(spec);
        if (matcher->isValid())
            matchers.push_back(std::move(matcher));
    }
    m_delegate->setHighlights(std::move(matchers));
    m_list->viewport()->update();
}

void LogsWorkspace::scheduleView()
{
    m_viewDebounce.start();
}

void LogsWorkspace::applyView()
{
    m_viewDebounce.stop();
    LogView view;
    view.filter.text = m_filter->text();
    view.filter.regex = m_regex->isChecked();
    view.filter.caseSensitive = m_case->isChecked();
    quint32 mask = 0xFFFFFFFF;
    for (int i = 0; i < analysis::LogLevelCount; ++i) {
        if (!m_levels[static_cast<std::size_t>(i)]->isChecked())
            mask &= ~analysis::logLevelBit(static_cast<LogLevel>(i));
    }
    view.filter.levelMask = mask;
    view.dedup = static_cast<analysis::DedupMode>(m_dedup->currentData().toInt());
    if (m_patternFilter >= 0) {
        view.filter.pattern = m_patternFilter;
        view.patternOfLine = m_patterns->patternOfLine();
        view.patternBaseId = m_patternBases.value(m_patterns->minedLines().get(), -1);
        if (view.patternBaseId < 0)
            view.patternOfLine.reset(); // mined from lines no longer shown: nothing matches until mined again
    }
    m_pipeline->setView(std::move(view));
    updateHighlights();
    updateStats();
}

void LogsWorkspace::showSelectedLine()
{
    const QModelIndex current = m_list->currentIndex();
    if (!current.isValid())
        return;
    const LogLineRef ref = m_model->lineAt(current.row());
    if (!ref.isValid())
        return;
    m_details->setLine(*ref.batch, batchIndex(ref), ref.level);
}

void LogsWorkspace::setLive(bool on)
{
    m_pause->setEnabled(on);
    // The tail's lines arrive oldest first, at the bottom; paging belongs to a query.
    m_direction->setEnabled(!on);
    m_limit->setEnabled(!on);
    if (!on) {
        m_tail->stop();
        {
            const QSignalBlocker blocker(m_pause);
            m_pause->setChecked(false);
        }
        m_model->setMaxLines(LogListModel::Unbounded);
        updateStats();
        updateBanner();
        return;
    }
    const auto profile = currentProfile();
    const QString expr = m_query->query().trimmed();
    if (!profile || expr.isEmpty()) {
        showError(profile ? tr("Live tail needs a query: write a LogQL stream selector first.")
                          : tr("No Loki data source is configured: add one under File › Data sources…."));
        const QSignalBlocker blocker(m_live);
        m_live->setChecked(false);
        m_pause->setEnabled(false);
        m_direction->setEnabled(true);
        m_limit->setEnabled(true);
        return;
    }
    m_request.cancel();
    m_querying = false;
    ++m_queryJob;
    clearPatternFilter();
    m_volume->cancel();
    m_histogram->clear();
    m_patterns->clear();
    m_error->hide();
    m_banner->hide();
    m_state = QueryState {};
    m_state.profileId = profile->id;
    m_state.expr = expr;
    m_haveQuery = true;
    m_history->record(expr);
    updateTraceIdFinder();
    updateHighlights();
    bool ok = false;
    const qint64 bound = m_context.qsettings().value(tailMaxLinesKey()).toLongLong(&ok);
    m_pipeline->clear();
    m_model->setMaxLines(ok && bound > 0 ? bound : DefaultTailLines);
    m_followTail = true;
    m_tailRate = 0;
    m_tail->start(profile->id, expr);
    updateStats();
}

void LogsWorkspace::onTailLines(const LogBatch& lines)
{
    m_pipeline->append(lines);
}

void LogsWorkspace::withAllLines(std::function<void(const LogSegment&)> use)
{
    const LogSnapshot lines = m_model->snapshot();
    if (lines.isEmpty())
        return;
    const LogSegment& first = lines.segments.front();
    if (lines.segments.size() == 1 && first.firstId == lines.beginId) {
        use(first);
        return;
    }
    // Merged on a worker; the model then holds the merge too, so the lines are in memory once.
    QtConcurrent::run([lines] { return lines.merged(); }).then(this, [this, use](LogSegment merged) {
        if (merged.endId() <= m_model->beginId())
            return; // lines of an earlier query
        m_model->replaceSegments(merged);
        use(merged);
    });
}

void LogsWorkspace::minePatterns(const LogSegment& all)
{
    qint64 fromNs = m_state.startNs;
    qint64 toNs = m_state.endNs;
    if (m_live->isChecked() || toNs <= fromNs) {
        const LogBatch& batch = *all.batch;
        fromNs = batch.at(0).timestampNs;
        toNs = batch.at(batch.size() - 1).timestampNs;
        if (fromNs > toNs)
            std::swap(fromNs, toNs);
        ++toNs;
    }
    // The mined batch's base stays known while its patterns are in use, until the new mining replaces them.
    const auto* mined = m_patterns->minedLines().get();
    const qint64 minedBase = m_patternBases.value(mined, -1);
    m_patternBases.clear();
    if (minedBase >= 0)
        m_patternBases.insert(mined, minedBase);
    m_patternBases.insert(all.batch.get(), all.firstId);
    m_patterns->setLines(all.batch, fromNs, toNs);
}

void LogsWorkspace::refreshPatterns()
{
    withAllLines([this](const LogSegment& all) { minePatterns(all); });
}

journal::Evidence LogsWorkspace::evidenceForSelection() const
{
    QModelIndexList rows = m_list->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end());
    if (rows.size() > MaxPinnedLines)
        rows.resize(MaxPinnedLines);
    QJsonArray lines;
    qint64 firstNs = std::numeric_limits<qint64>::max();
    qint64 lastNs = std::numeric_limits<qint64>::min();
    for (const QModelIndex& index : rows) {
        const LogLineRef ref = m_model->lineAt(index.row());
        if (!ref.isValid())
            continue;
        const LogLine& line = *ref.line;
        QJsonObject item { { QStringLiteral("ts_ns"), QString::number(line.timestampNs) },
            { QStringLiteral("labels"), labelsJson(ref.batch->streamLabels(line.stream)) },
            { QStringLiteral("line"), ref.batch->textString(line) } };
        const LogLineExtra& extra = ref.batch->extra(line);
        if (!extra.structuredMetadata.isEmpty())
            item.insert(QStringLiteral("structured_metadata"), labelsJson(extra.structuredMetadata));
        const int repeats = m_model->repeatsAt(index.row());
        if (repeats > 1)
            item.insert(QStringLiteral("repeats"), repeats);
        lines.append(item);
        firstNs = std::min(firstNs, line.timestampNs);
        lastNs = std::max(lastNs, line.timestampNs);
    }
    const auto profile = currentProfile();
    journal::Evidence evidence;
    evidence.source = QStringLiteral("loki");
    evidence.query = m_state.expr;
    if (m_state.range.isValid()) {
        evidence.fromMs = m_state.range.fromMs;
        evidence.toMs = m_state.range.toMs;
    } else if (!lines.isEmpty()) {
        evidence.fromMs = firstNs / 1'000'000;
        evidence.toMs = (lastNs + 999'999) / 1'000'000;
    }
    evidence.title = tr("%n log line(s): %1", nullptr, static_cast<int>(lines.size()))
                         .arg(m_state.expr.isEmpty() ? tr("loaded lines") : m_state.expr);
    const QJsonObject frozen { { QStringLiteral("source"), profile ? profile->name : QString() },
        { QStringLiteral("query"), m_state.expr }, { QStringLiteral("from_ms"), evidence.fromMs },
        { QStringLiteral("to_ms"), evidence.toMs }, { QStringLiteral("lines"), lines } };
    evidence.frozenData = QJsonDocument(frozen).toJson(QJsonDocument::Compact);
    return evidence;
}

void LogsWorkspace::pinSelection()
{
    if (!m_list->selectionModel()->hasSelection())
        return;
    Q_EMIT pinToIncidentRequested(evidenceForSelection());
}

} // namespace firebreak::ui
