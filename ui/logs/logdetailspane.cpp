#include "logdetailspane.h"

#include "analysis/logfields.h"
#include "analysis/traceidfinder.h"
#include "backends/loki/lokiclient.h"
#include "loglevelcolors.h"
#include "loglinedelegate.h"
#include "loglistmodel.h"

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace firebreak::ui {

namespace {

constexpr qint64 ContextWindowNs = 6LL * 3600 * 1'000'000'000;

QJsonObject toJson(const LogLabels& labels)
{
    QJsonObject out;
    for (auto it = labels.cbegin(); it != labels.cend(); ++it)
        out.insert(it.key(), it.value());
    return out;
}

QTreeWidgetItem* section(QTreeWidget* tree, const QString& title, int count)
{
    auto* item = new QTreeWidgetItem(tree, { QStringLiteral("%1 (%2)").arg(title).arg(count) });
    QFont bold = item->font(0);
    bold.setBold(true);
    item->setFont(0, bold);
    item->setFirstColumnSpanned(true);
    item->setExpanded(true);
    return item;
}

void addPairs(QTreeWidget* tree, const QString& title, const QList<QPair<QString, QString>>& pairs)
{
    if (pairs.isEmpty())
        return;
    QTreeWidgetItem* parent = section(tree, title, static_cast<int>(pairs.size()));
    for (const auto& [key, value] : pairs) {
        auto* item = new QTreeWidgetItem(parent, { key, value });
        item->setToolTip(1, value);
    }
}

QList<QPair<QString, QString>> pairsOf(const LogLabels& labels)
{
    QList<QPair<QString, QString>> out;
    for (auto it = labels.cbegin(); it != labels.cend(); ++it)
        out.append({ it.key(), it.value() });
    return out;
}

} // namespace

LogDetailsPane::LogDetailsPane(net::HttpClient& http, QWidget* parent)
    : QWidget(parent)
    , m_http(http)
    , m_header(new QLabel(this))
    , m_text(new QPlainTextEdit(this))
    , m_fields(new QTreeWidget(this))
    , m_links(new QLabel(this))
    , m_copyLine(new QPushButton(tr("Copy line"), this))
    , m_copyJson(new QPushButton(tr("Copy as JSON"), this))
    , m_context(new QPushButton(tr("Show context"), this))
    , m_contextStatus(new QLabel(this))
    , m_contextView(new QListView(this))
    , m_contextModel(new LogListModel(this))
    , m_contextDelegate(new LogLineDelegate(this))
{
    setObjectName(QStringLiteral("logDetailsPane"));
    m_header->setObjectName(QStringLiteral("logDetailsHeader"));
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_header->setWordWrap(true);
    m_text->setObjectName(QStringLiteral("logDetailsText"));
    m_text->setReadOnly(true);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setMaximumBlockCount(0);
    m_fields->setObjectName(QStringLiteral("logDetailsFields"));
    m_fields->setColumnCount(2);
    m_fields->setHeaderLabels({ tr("Name"), tr("Value") });
    m_fields->setRootIsDecorated(true);
    m_fields->setUniformRowHeights(true);
    m_fields->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_links->setObjectName(QStringLiteral("logDetailsTraceLinks"));
    m_links->setTextFormat(Qt::RichText);
    m_links->setWordWrap(true);
    m_links->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    m_copyLine->setObjectName(QStringLiteral("logCopyLine"));
    m_copyJson->setObjectName(QStringLiteral("logCopyJson"));
    m_context->setObjectName(QStringLiteral("logShowContext"));
    m_context->setToolTip(tr("The lines just before and after this one in the same stream, asked from Loki"));
    m_contextStatus->setObjectName(QStringLiteral("logContextStatus"));
    m_contextStatus->setWordWrap(true);
    m_contextView->setObjectName(QStringLiteral("logContextView"));
    m_contextView->setModel(m_contextModel);
    m_contextView->setItemDelegate(m_contextDelegate);
    m_contextView->setUniformItemSizes(true);
    m_contextView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_contextView->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_contextView->hide();
    m_contextStatus->hide();

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_copyLine);
    buttons->addWidget(m_copyJson);
    buttons->addWidget(m_context);
    buttons->addStretch(1);

    auto* top = new QWidget(this);
    auto* topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(m_header);
    topLayout->addWidget(m_text, 1);
    topLayout->addWidget(m_links);
    topLayout->addLayout(buttons);
    auto* contextBox = new QWidget(this);
    auto* contextLayout = new QVBoxLayout(contextBox);
    contextLayout->setContentsMargins(0, 0, 0, 0);
    contextLayout->addWidget(m_contextStatus);
    contextLayout->addWidget(m_contextView, 1);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(top);
    splitter->addWidget(m_fields);
    splitter->addWidget(contextBox);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 2);
    splitter->setStretchFactor(2, 2);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    connect(m_copyLine, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(lineText()); });
    connect(m_copyJson, &QPushButton::clicked, this, [this] {
        QApplication::clipboard()->setText(
            QString::fromUtf8(QJsonDocument(lineJson()).toJson(QJsonDocument::Indented)));
    });
    connect(m_context, &QPushButton::clicked, this, &LogDetailsPane::showContext);
    connect(m_links, &QLabel::linkActivated, this, [this](const QString& link) {
        if (link.startsWith(QLatin1String("trace:")))
            Q_EMIT openTraceRequested(link.mid(6));
    });
    connect(m_contextDelegate, &LogLineDelegate::traceIdClicked, this, &LogDetailsPane::openTraceRequested);
    render();
}

LogDetailsPane::~LogDetailsPane() = default;

void LogDetailsPane::setProfile(std::optional<net::ConnectionProfile> profile)
{
    m_profile = std::move(profile);
    m_context->setEnabled(m_profile.has_value() && hasLine());
}

void LogDetailsPane::setTimeDisplay(TimeDisplay display)
{
    m_display = display;
    m_contextDelegate->setTimeDisplay(display);
    m_contextView->viewport()->update();
    render();
}

void LogDetailsPane::setTraceIdFinder(std::shared_ptr<const analysis::TraceIdFinder> finder)
{
    m_traceIds = std::move(finder);
    m_contextDelegate->setTraceIdFinder(m_traceIds);
    render();
}

void LogDetailsPane::setLine(const LogBatch& batch, qsizetype index, analysis::LogLevel level)
{
    LogBatch line;
    line.appendFrom(batch, index);
    if (hasLine() && line.identity(line.at(0)) == m_line.identity(m_line.at(0)))
        return; // the same line again (a view reset): keep its context
    m_line = std::move(line);
    m_level = level;
    m_before.cancel();
    m_after.cancel();
    ++m_contextJob;
    m_contextModel->clear();
    m_contextView->hide();
    m_contextStatus->hide();
    render();
}

void LogDetailsPane::clearLine()
{
    m_line.clear();
    m_before.cancel();
    m_after.cancel();
    ++m_contextJob;
    m_contextModel->clear();
    m_contextView->hide();
    m_contextStatus->hide();
    render();
}

QString LogDetailsPane::lineText() const
{
    return hasLine() ? m_line.textString(m_line.at(0)) : QString();
}

QJsonObject LogDetailsPane::lineJson() const
{
    if (!hasLine())
        return {};
    const LogLine& line = m_line.at(0);
    QJsonObject out { { QStringLiteral("ts_ns"), QString::number(line.timestampNs) },
        { QStringLiteral("labels"), toJson(m_line.streamLabels(line.stream)) },
        { QStringLiteral("line"), m_line.textString(line) } };
    const LogLineExtra& extra = m_line.extra(line);
    if (!extra.structuredMetadata.isEmpty())
        out.insert(QStringLiteral("structured_metadata"), toJson(extra.structuredMetadata));
    if (!extra.parsed.isEmpty())
        out.insert(QStringLiteral("parsed"), toJson(extra.parsed));
    return out;
}

void LogDetailsPane::render()
{
    m_fields->clear();
    m_traceIdList.clear();
    const bool have = hasLine();
    m_copyLine->setEnabled(have);
    m_copyJson->setEnabled(have);
    m_context->setEnabled(have && m_profile.has_value());
    if (!have) {
        m_header->setText(tr("Select a line to see its labels, fields and context."));
        m_text->clear();
        m_links->clear();
        m_links->hide();
        return;
    }
    const LogLine& line = m_line.at(0);
    const QColor color = logLevelColor(m_level);
    m_header->setText(QStringLiteral("<span style=\"color:%1\">■</span> <b>%2</b> · %3 · %4 ns")
                          .arg(color.name(), analysis::logLevelName(m_level).toHtmlEscaped(),
                              LogLineDelegate::formatTimestamp(
                                  line.timestampNs, m_display, LogLineDelegate::TimePrecision::Microseconds)
                                  + (m_display == TimeDisplay::Utc ? QStringLiteral(" UTC") : QString()),
                              QString::number(line.timestampNs)));
    const QString text = m_line.textString(line);
    m_text->setPlainText(text);

    const LogLabels& labels = m_line.streamLabels(line.stream);
    const LogLineExtra& extra = m_line.extra(line);
    const QList<QPair<QString, QString>> fields = analysis::parseLogFields(m_line.text(line));
    addPairs(m_fields, tr("Stream labels"), pairsOf(labels));
    addPairs(m_fields, tr("Structured metadata"), pairsOf(extra.structuredMetadata));
    addPairs(m_fields, tr("Parsed labels"), pairsOf(extra.parsed));
    addPairs(m_fields, tr("Fields"), fields);

    if (m_traceIds) {
        auto add = [this](const QString& id) {
            if (!id.isEmpty() && !m_traceIdList.contains(id))
                m_traceIdList.append(id);
        };
        for (const auto& match : m_traceIds->find(QStringView(text)))
            add(match.traceId);
        add(m_traceIds->findInLabels(labels));
        add(m_traceIds->findInLabels(extra.structuredMetadata));
        add(m_traceIds->findInLabels(extra.parsed));
        LogLabels fieldLabels;
        for (const auto& [key, value] : fields)
            fieldLabels.insert(key, value);
        add(m_traceIds->findInLabels(fieldLabels));
    }
    if (m_traceIdList.isEmpty()) {
        m_links->hide();
    } else {
        QStringList links;
        for (const QString& id : m_traceIdList)
            links << QStringLiteral("<a href=\"trace:%1\">%1</a>").arg(id);
        m_links->setText(tr("Trace: %1").arg(links.join(QStringLiteral(", "))));
        m_links->show();
    }
}

void LogDetailsPane::showContext()
{
    if (!hasLine() || !m_profile)
        return;
    const LogLine& line = m_line.at(0);
    const QString selector = m_line.streamKey(line.stream);
    loki::LokiClient client(m_http, *m_profile);
    client.setCategorizeLabels(true);
    const quint64 job = ++m_contextJob;
    m_beforeLines.reset();
    m_afterLines.reset();
    m_contextError.clear();
    m_contextStatus->setText(tr("Asking %1 for the lines around this one in %2…").arg(m_profile->name, selector));
    m_contextStatus->show();
    // One more than asked on each side: the line itself comes back in both answers.
    loki::RangeQuery before { selector, line.timestampNs - ContextWindowNs, line.timestampNs + 1, m_contextLines + 1,
        LogDirection::Backward, {} };
    loki::RangeQuery after { selector, line.timestampNs, line.timestampNs + ContextWindowNs, m_contextLines + 1,
        LogDirection::Forward, {} };
    auto deliver = [this, job](int side) {
        return [this, job, side](loki::Answer<loki::QueryResult> answer) {
            if (job != m_contextJob)
                return;
            if (!answer.ok()) {
                if (answer.error->netKind != net::NetError::Kind::Cancelled
                    || answer.error->kind != loki::QueryError::Kind::Network)
                    contextAnswer(side, {}, answer.error->message);
                return;
            }
            contextAnswer(side, std::move(answer.value->logs), {});
        };
    };
    m_before.replace(client.queryRange(before, this, deliver(0)));
    m_after.replace(client.queryRange(after, this, deliver(1)));
}

void LogDetailsPane::contextAnswer(int side, LogBatch lines, const QString& error)
{
    if (!error.isEmpty() && m_contextError.isEmpty())
        m_contextError = error;
    (side == 0 ? m_beforeLines : m_afterLines) = std::move(lines);
    if (!m_beforeLines || !m_afterLines)
        return;
    if (!m_contextError.isEmpty()) {
        m_contextStatus->setText(tr("The context could not be loaded: %1").arg(m_contextError));
        Q_EMIT contextLoaded(m_contextError);
        return;
    }
    // Oldest first, the line itself once, marked.
    auto merged = std::make_shared<LogBatch>();
    QSet<QByteArray> seen;
    std::vector<qint32> streams;
    for (qsizetype i = m_beforeLines->size() - 1; i >= 0; --i) {
        if (!seen.contains(m_beforeLines->identity(m_beforeLines->at(i)))) {
            seen.insert(m_beforeLines->identity(m_beforeLines->at(i)));
            merged->appendFrom(*m_beforeLines, i, &streams);
        }
    }
    streams.clear();
    for (qsizetype i = 0; i < m_afterLines->size(); ++i) {
        if (!seen.contains(m_afterLines->identity(m_afterLines->at(i)))) {
            seen.insert(m_afterLines->identity(m_afterLines->at(i)));
            merged->appendFrom(*m_afterLines, i, &streams);
        }
    }
    merged->sortByTime(LogDirection::Forward);
    const QByteArray self = m_line.identity(m_line.at(0));
    int selfRow = -1;
    for (qsizetype i = 0; i < merged->size(); ++i) {
        if (merged->identity(merged->at(i)) == self)
            selfRow = static_cast<int>(i);
    }
    m_contextModel->setLines(merged, std::make_shared<const LogLevels>(analysis::detectLevels(*merged)));
    m_contextView->show();
    const int before = selfRow < 0 ? 0 : selfRow;
    const int after = selfRow < 0 ? static_cast<int>(merged->size()) : static_cast<int>(merged->size()) - selfRow - 1;
    m_contextStatus->setText(selfRow < 0
            ? tr("%L1 lines of the stream around this time (the line itself was not found again).").arg(merged->size())
            : tr("%L1 lines before and %L2 after, in %3.")
                  .arg(before)
                  .arg(after)
                  .arg(m_line.streamKey(m_line.at(0).stream)));
    if (selfRow >= 0) {
        const QModelIndex index = m_contextModel->index(selfRow);
        m_contextView->setCurrentIndex(index);
        m_contextView->scrollTo(index, QAbstractItemView::PositionAtCenter);
    }
    Q_EMIT contextLoaded(QString());
}

} // namespace firebreak::ui
