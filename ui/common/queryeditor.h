#pragma once

#include "analysis/querysyntax.h"
#include "querycompletionsource.h"

#include <QAbstractListModel>
#include <QPlainTextEdit>
#include <QPointer>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

#include <array>

class QCompleter;

namespace firebreak::ui {

/// Colours PromQL or LogQL by token (analysis::tokenizeQuery over the whole document, so strings and brackets
/// spanning lines are right).
class QueryHighlighter final : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    QueryHighlighter(analysis::QueryLanguage language, QTextDocument* document);

    /// The format a token kind gets (for tests and for a legend).
    QTextCharFormat format(analysis::TokenKind kind) const;
    /// Colours for a light or dark base (the editor passes its palette when the theme changes).
    void setPalette(const QPalette& palette);

protected:
    void highlightBlock(const QString& text) override;

private:
    const QList<analysis::QueryToken>& tokens();

    analysis::QueryLanguage m_language;
    std::array<QTextCharFormat, 15> m_formats;
    QString m_tokenizedText;
    QList<analysis::QueryToken> m_tokens;
};

/// The candidates of the completion popup.
class CompletionListModel final : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Roles
    {
        DetailRole = Qt::UserRole + 1,
        HelpRole,
        KindRole
    };

    using QAbstractListModel::QAbstractListModel;
    void setItems(QList<CompletionItem> items);
    const QList<CompletionItem>& items() const { return m_items; }

    int rowCount(const QModelIndex& parent = {}) const final;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const final;

private:
    QList<CompletionItem> m_items;
};

/// A PromQL or LogQL editor: highlighting, matching brackets, completion from a QueryCompletionSource
/// (Tab or Enter take the chosen candidate, Escape closes the popup, Ctrl+Space opens it) and Ctrl+Enter to run.
class QueryEditor : public QPlainTextEdit
{
    Q_OBJECT
public:
    QueryEditor(analysis::QueryLanguage language, QWidget* parent = nullptr);
    ~QueryEditor() override;

    analysis::QueryLanguage language() const { return m_language; }
    QString query() const;
    /// Replaces the text (no completion popup), the cursor at the end.
    void setQuery(const QString& query);
    void setCompletionSource(QueryCompletionSource* source);
    QueryCompletionSource* completionSource() const { return m_source; }

    /// Asks for candidates at the cursor and shows them when they come.
    void showCompletions();
    QCompleter* completer() const { return m_completer; }
    CompletionListModel* completionModel() const { return m_model; }
    QueryHighlighter* highlighter() const { return m_highlighter; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    /// Ctrl+Enter (or Ctrl+Return).
    void runRequested();
    /// The candidates for the cursor arrived and the popup shows them (or would, when none match).
    void completionsShown();

protected:
    void keyPressEvent(QKeyEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void onTextChanged();
    void updateBracketMatch();
    void insertCompletion(const QModelIndex& index);
    void present(const analysis::CompletionContext& completion);
    static QString contextKey(const analysis::CompletionContext& completion);

    analysis::QueryLanguage m_language;
    QueryHighlighter* m_highlighter;
    QCompleter* m_completer;
    CompletionListModel* m_model;
    QPointer<QueryCompletionSource> m_source;
    QString m_shownKey; // the context the model holds candidates for
    quint64 m_request = 0; // latest request wins
    bool m_typing = false; // text changes from the keyboard (setQuery does not complete)
};

} // namespace firebreak::ui
