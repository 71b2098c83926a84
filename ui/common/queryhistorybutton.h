#pragma once

#include "journal/journal.h"

#include <QToolButton>

class QFrame;
class QLabel;
class QLineEdit;
class QTimer;
class QTreeWidget;
class QTreeWidgetItem;

namespace firebreak::journal {
class JournalService;
}

namespace firebreak::ui {

/// The queries run in one language, from the journal: a popup with a search box, starred ones first, then the
/// most recent; a click on the star toggles it, a click on the query picks it.
class QueryHistoryButton : public QToolButton
{
    Q_OBJECT
public:
    QueryHistoryButton(journal::JournalService& journal, const QString& language, QWidget* parent = nullptr);
    ~QueryHistoryButton() override;

    QString language() const { return m_language; }
    /// Remembers that `query` ran (now); blank queries are not kept.
    void record(const QString& query);
    /// Opens the popup below the button and loads the history (what a click does).
    void showHistory();
    QFrame* popup() const { return m_popup; }
    QTreeWidget* list() const { return m_list; }
    QLineEdit* searchBox() const { return m_search; }

Q_SIGNALS:
    void querySelected(const QString& query);
    /// The popup's list was filled from the journal (also when that failed: see the status line).
    void historyLoaded();
    /// record() reached the journal (or failed to: `error`).
    void recorded(const QString& query, const QString& error);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void reload();
    void populate(const QList<journal::QueryHistoryEntry>& entries, const QString& error);
    void onItemClicked(QTreeWidgetItem* item, int column);
    void choose(QTreeWidgetItem* item);

    journal::JournalService& m_journal;
    QString m_language;
    QFrame* m_popup;
    QLineEdit* m_search;
    QTreeWidget* m_list;
    QLabel* m_status;
    QTimer* m_searchDelay;
    quint64 m_generation = 0;
};

} // namespace firebreak::ui
