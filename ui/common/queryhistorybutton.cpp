#include "queryhistorybutton.h"

#include "journal/journalservice.h"

#include <QDateTime>
#include <QFrame>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QScreen>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <spdlog/spdlog.h>

namespace firebreak::ui {

namespace {

enum Column
{
    StarColumn,
    QueryColumn,
    RunsColumn
};
constexpr int QueryRole = Qt::UserRole + 1;
constexpr int StarredRole = Qt::UserRole + 2;
constexpr int HistoryLimit = 200;

const QString StarOn = QStringLiteral("\u2605");
const QString StarOff = QStringLiteral("\u2606");

/// One line of a multi-line query, so every row has the same height.
QString oneLine(const QString& query)
{
    return query.simplified();
}

} // namespace

QueryHistoryButton::QueryHistoryButton(journal::JournalService& journal, const QString& language, QWidget* parent)
    : QToolButton(parent)
    , m_journal(journal)
    , m_language(language)
    , m_popup(new QFrame(this, Qt::Popup))
    , m_search(new QLineEdit(m_popup))
    , m_list(new QTreeWidget(m_popup))
    , m_status(new QLabel(m_popup))
    , m_searchDelay(new QTimer(this))
{
    setText(tr("History"));
    setToolTip(tr("Queries run before (starred first)"));
    setIcon(QIcon::fromTheme(QStringLiteral("document-open-recent")));
    setToolButtonStyle(Qt::ToolButtonTextBesideIcon);

    m_popup->setObjectName(QStringLiteral("queryHistoryPopup"));
    m_popup->setFrameShape(QFrame::StyledPanel);
    m_search->setObjectName(QStringLiteral("queryHistorySearch"));
    m_search->setPlaceholderText(tr("Search queries"));
    m_search->setClearButtonEnabled(true);
    m_list->setObjectName(QStringLiteral("queryHistoryList"));
    m_list->setColumnCount(3);
    m_list->setHeaderHidden(true);
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setTextElideMode(Qt::ElideRight);
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(StarColumn, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(QueryColumn, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(RunsColumn, QHeaderView::ResizeToContents);
    m_list->setFont(QFont(QStringLiteral("monospace")));
    m_status->setObjectName(QStringLiteral("queryHistoryStatus"));
    m_status->setWordWrap(true);

    auto* layout = new QVBoxLayout(m_popup);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_search);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_status);
    m_popup->resize(720, 360);

    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(150);
    connect(m_searchDelay, &QTimer::timeout, this, &QueryHistoryButton::reload);
    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_list, &QTreeWidget::itemClicked, this, &QueryHistoryButton::onItemClicked);
    connect(m_list, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item, int) { choose(item); });
    connect(this, &QToolButton::clicked, this, &QueryHistoryButton::showHistory);
    // Down from the search box walks into the list; Enter there picks the first query.
    m_search->installEventFilter(this);
}

QueryHistoryButton::~QueryHistoryButton() = default;

void QueryHistoryButton::record(const QString& query)
{
    const QString trimmed = query.trimmed();
    if (trimmed.isEmpty())
        return;
    const QString language = m_language;
    m_journal.call<bool>(
        this,
        [language, trimmed](journal::Journal& journal) {
            journal.recordQuery(language, trimmed);
            return true;
        },
        [this, trimmed](const bool&, const QString& error) {
            if (!error.isEmpty())
                spdlog::warn("event=query_history_failed language={} error=\"{}\"", m_language.toStdString(),
                    error.toStdString());
            Q_EMIT recorded(trimmed, error);
            if (m_popup->isVisible())
                reload();
        });
}

void QueryHistoryButton::showHistory()
{
    QPoint at = mapToGlobal(QPoint(0, height()));
    if (const QScreen* s = screen()) {
        const QRect available = s->availableGeometry();
        at.setX(std::clamp(at.x(), available.left(), std::max(available.left(), available.right() - m_popup->width())));
    }
    m_popup->move(at);
    m_popup->show();
    m_search->setFocus();
    reload();
}

void QueryHistoryButton::reload()
{
    const quint64 generation = ++m_generation;
    const QString language = m_language;
    const QString contains = m_search->text().trimmed();
    m_journal.call<QList<journal::QueryHistoryEntry>>(
        this,
        [language, contains](
            journal::Journal& journal) { return journal.queryHistory(language, contains, HistoryLimit); },
        [this, generation](const QList<journal::QueryHistoryEntry>& entries, const QString& error) {
            if (generation == m_generation)
                populate(entries, error);
        });
}

void QueryHistoryButton::populate(const QList<journal::QueryHistoryEntry>& entries, const QString& error)
{
    m_list->clear();
    for (const journal::QueryHistoryEntry& entry : entries) {
        auto* item = new QTreeWidgetItem(m_list);
        item->setText(StarColumn, entry.starred ? StarOn : StarOff);
        item->setToolTip(StarColumn, entry.starred ? tr("Starred: click to unstar") : tr("Click to star"));
        item->setText(QueryColumn, oneLine(entry.query));
        const QString lastRun = QDateTime::fromMSecsSinceEpoch(entry.lastRunMs)
                                    .toLocalTime()
                                    .toString(QStringLiteral("yyyy-MM-dd HH:mm"));
        item->setText(RunsColumn, tr("%n run(s), last %1", nullptr, entry.runs).arg(lastRun));
        item->setToolTip(QueryColumn, entry.query);
        item->setData(QueryColumn, QueryRole, entry.query);
        item->setData(StarColumn, StarredRole, entry.starred);
    }
    if (!error.isEmpty())
        m_status->setText(tr("The query history cannot be read: %1").arg(error));
    else if (entries.isEmpty())
        m_status->setText(m_search->text().trimmed().isEmpty() ? tr("No queries run yet.")
                                                               : tr("No query contains “%1”.").arg(m_search->text()));
    else
        m_status->setText(tr("Click a query to use it; click ☆ to keep it at the top."));
    if (m_list->topLevelItemCount() > 0)
        m_list->setCurrentItem(m_list->topLevelItem(0));
    Q_EMIT historyLoaded();
}

void QueryHistoryButton::onItemClicked(QTreeWidgetItem* item, int column)
{
    if (!item)
        return;
    if (column != StarColumn) {
        choose(item);
        return;
    }
    const QString language = m_language;
    const QString query = item->data(QueryColumn, QueryRole).toString();
    const bool starred = !item->data(StarColumn, StarredRole).toBool();
    m_journal.call<bool>(
        this,
        [language, query, starred](journal::Journal& journal) {
            journal.setQueryStarred(language, query, starred);
            return true;
        },
        [this](const bool&, const QString& error) {
            if (!error.isEmpty())
                m_status->setText(tr("The star cannot be saved: %1").arg(error));
            reload();
        });
}

void QueryHistoryButton::choose(QTreeWidgetItem* item)
{
    if (!item)
        return;
    const QString query = item->data(QueryColumn, QueryRole).toString();
    m_popup->hide();
    Q_EMIT querySelected(query);
}

bool QueryHistoryButton::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_search && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if (key->key() == Qt::Key_Down && m_list->topLevelItemCount() > 0) {
            m_list->setFocus();
            return true;
        }
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) && m_list->currentItem()) {
            choose(m_list->currentItem());
            return true;
        }
    }
    return QToolButton::eventFilter(watched, event);
}

} // namespace firebreak::ui
