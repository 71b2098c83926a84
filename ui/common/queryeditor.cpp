#include "queryeditor.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QFontDatabase>
#include <QKeyEvent>
#include <QPainter>
#include <QScrollBar>
#include <QStyledItemDelegate>
#include <QTextBlock>

namespace firebreak::ui {

using analysis::CompletionContext;
using analysis::QueryLanguage;
using analysis::QueryToken;
using analysis::TokenKind;

namespace {

bool isDark(const QPalette& palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

QTextCharFormat colored(const QColor& color, bool bold = false, bool italic = false)
{
    QTextCharFormat format;
    format.setForeground(color);
    if (bold)
        format.setFontWeight(QFont::DemiBold);
    format.setFontItalic(italic);
    return format;
}

/// Candidate name on the left, its detail (type, "function", the label of a value) and help in grey after it.
class CompletionDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override
    {
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        const QString name = opt.text;
        opt.text.clear();
        const QWidget* widget = opt.widget;
        QStyle* style = widget ? widget->style() : nullptr;
        if (style)
            style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);
        const QRect area = opt.rect.adjusted(6, 0, -6, 0);
        const bool selected = opt.state & QStyle::State_Selected;
        painter->save();
        painter->setPen(opt.palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
        const QFontMetrics metrics(opt.font);
        const int nameWidth = std::min(metrics.horizontalAdvance(name), area.width() * 2 / 3);
        painter->drawText(QRect(area.left(), area.top(), nameWidth, area.height()), Qt::AlignVCenter | Qt::AlignLeft,
            metrics.elidedText(name, Qt::ElideMiddle, nameWidth));
        const QString detail = index.data(CompletionListModel::DetailRole).toString();
        const QString help = index.data(CompletionListModel::HelpRole).toString();
        QString extra = detail;
        if (!help.isEmpty())
            extra += (extra.isEmpty() ? QString() : QStringLiteral(" \u00b7 ")) + help;
        if (!extra.isEmpty()) {
            QColor grey = opt.palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
            grey.setAlphaF(0.6f);
            painter->setPen(grey);
            const int left = area.left() + nameWidth + 16;
            const QRect rest(left, area.top(), std::max(0, area.right() - left), area.height());
            painter->drawText(
                rest, Qt::AlignVCenter | Qt::AlignRight, metrics.elidedText(extra, Qt::ElideRight, rest.width()));
        }
        painter->restore();
    }
};

QString escapedValue(const QString& value)
{
    QString out;
    for (const QChar c : value) {
        if (c == u'\\' || c == u'"')
            out += u'\\';
        if (c == u'\n') {
            out += QStringLiteral("\\n");
            continue;
        }
        out += c;
    }
    return out;
}

} // namespace

// ---- QueryHighlighter -----------------------------------------------------------------------------------------

QueryHighlighter::QueryHighlighter(QueryLanguage language, QTextDocument* document)
    : QSyntaxHighlighter(document)
    , m_language(language)
{
    setPalette(QPalette());
}

void QueryHighlighter::setPalette(const QPalette& palette)
{
    const bool dark = isDark(palette);
    // GitHub's light and dark code colours: readable on both bases, distinct for the common colour blindness.
    const QColor metric = dark ? QColor(0x79, 0xc0, 0xff) : QColor(0x05, 0x50, 0xae);
    const QColor function = dark ? QColor(0xd2, 0xa8, 0xff) : QColor(0x82, 0x50, 0xdf);
    const QColor keyword = dark ? QColor(0xff, 0x7b, 0x72) : QColor(0xcf, 0x22, 0x2e);
    const QColor label = dark ? QColor(0xff, 0xa6, 0x57) : QColor(0x95, 0x38, 0x00);
    const QColor string = dark ? QColor(0xa5, 0xd6, 0xff) : QColor(0x0a, 0x30, 0x69);
    const QColor value = dark ? QColor(0x7e, 0xe7, 0x87) : QColor(0x11, 0x63, 0x29);
    const QColor number = dark ? QColor(0x79, 0xc0, 0xff) : QColor(0x09, 0x69, 0xda);
    const QColor comment = dark ? QColor(0x8b, 0x94, 0x9e) : QColor(0x6e, 0x77, 0x81);
    m_formats = {};
    m_formats[size_t(TokenKind::Metric)] = colored(metric);
    m_formats[size_t(TokenKind::Function)] = colored(function);
    m_formats[size_t(TokenKind::Keyword)] = colored(keyword, true);
    m_formats[size_t(TokenKind::LabelName)] = colored(label);
    m_formats[size_t(TokenKind::LabelValue)] = colored(value);
    m_formats[size_t(TokenKind::String)] = colored(string);
    m_formats[size_t(TokenKind::Number)] = colored(number);
    m_formats[size_t(TokenKind::Duration)] = colored(number, true);
    m_formats[size_t(TokenKind::Comment)] = colored(comment, false, true);
    m_formats[size_t(TokenKind::Pipe)] = colored(keyword, true);
    m_formats[size_t(TokenKind::Parser)] = colored(function, true);
    QTextCharFormat invalid;
    invalid.setUnderlineStyle(QTextCharFormat::WaveUnderline);
    invalid.setUnderlineColor(Qt::red);
    m_formats[size_t(TokenKind::Invalid)] = invalid;
    rehighlight();
}

QTextCharFormat QueryHighlighter::format(TokenKind kind) const
{
    return m_formats[size_t(kind)];
}

const QList<QueryToken>& QueryHighlighter::tokens()
{
    // Once per document state: every block reads the same tokens.
    const QString text = document()->toPlainText();
    if (text != m_tokenizedText || (m_tokens.isEmpty() && !text.isEmpty())) {
        m_tokenizedText = text;
        m_tokens = analysis::tokenizeQuery(m_language, text);
    }
    return m_tokens;
}

void QueryHighlighter::highlightBlock(const QString& text)
{
    const qsizetype blockStart = currentBlock().position();
    const qsizetype blockEnd = blockStart + text.size();
    const QList<QueryToken>& all = tokens();
    size_t tail = 0;
    for (const QueryToken& t : all) {
        if (t.end() <= blockStart)
            continue;
        if (t.start >= blockEnd) {
            // What follows this block, relative to it: when an edit here changes it, Qt highlights the next block too.
            tail = qHashMulti(tail, int(t.kind), t.start - blockEnd, t.length);
            continue;
        }
        const qsizetype from = std::max(t.start, blockStart);
        const qsizetype to = std::min(t.end(), blockEnd);
        QTextCharFormat f = m_formats[size_t(t.kind)];
        if (t.unterminated) {
            f.setUnderlineStyle(QTextCharFormat::WaveUnderline);
            f.setUnderlineColor(Qt::red);
        }
        setFormat(int(from - blockStart), int(to - from), f);
    }
    setCurrentBlockState(int(tail & 0x3fffffff));
}

// ---- CompletionListModel --------------------------------------------------------------------------------------

void CompletionListModel::setItems(QList<CompletionItem> items)
{
    beginResetModel();
    m_items = std::move(items);
    endResetModel();
}

int CompletionListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

QVariant CompletionListModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_items.size())
        return {};
    const CompletionItem& item = m_items[index.row()];
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return item.text;
    case Qt::ToolTipRole:
        return item.help.isEmpty() ? item.detail : item.detail + QStringLiteral("\n") + item.help;
    case DetailRole:
        return item.detail;
    case HelpRole:
        return item.help;
    case KindRole:
        return int(item.kind);
    default:
        return {};
    }
}

// ---- QueryEditor ----------------------------------------------------------------------------------------------

QueryEditor::QueryEditor(QueryLanguage language, QWidget* parent)
    : QPlainTextEdit(parent)
    , m_language(language)
    , m_highlighter(new QueryHighlighter(language, document()))
    , m_completer(new QCompleter(this))
    , m_model(new CompletionListModel(this))
{
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setTabChangesFocus(true);
    setLineWrapMode(QPlainTextEdit::WidgetWidth);
    setPlaceholderText(language == QueryLanguage::PromQL
            ? tr("PromQL, e.g. rate(http_requests_total[5m]) — Ctrl+Enter runs, Ctrl+Space completes")
            : tr("LogQL, e.g. {app=\"checkout\"} |= \"error\" — Ctrl+Enter runs, Ctrl+Space completes"));

    m_highlighter->setPalette(palette());
    m_completer->setModel(m_model);
    m_completer->setWidget(this);
    m_completer->setCompletionMode(QCompleter::PopupCompletion);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setFilterMode(Qt::MatchContains);
    m_completer->setMaxVisibleItems(12);
    m_completer->popup()->setItemDelegate(new CompletionDelegate(m_completer->popup()));
    m_completer->popup()->setObjectName(QStringLiteral("queryCompletionPopup"));
    connect(m_completer, qOverload<const QModelIndex&>(&QCompleter::activated), this, &QueryEditor::insertCompletion);

    connect(this, &QPlainTextEdit::textChanged, this, &QueryEditor::onTextChanged);
    connect(this, &QPlainTextEdit::cursorPositionChanged, this, &QueryEditor::updateBracketMatch);
}

QueryEditor::~QueryEditor() = default;

QString QueryEditor::query() const
{
    return toPlainText();
}

void QueryEditor::setQuery(const QString& query)
{
    m_completer->popup()->hide();
    setPlainText(query);
    moveCursor(QTextCursor::End);
}

void QueryEditor::setCompletionSource(QueryCompletionSource* source)
{
    m_source = source;
    m_shownKey.clear();
}

QSize QueryEditor::sizeHint() const
{
    const QSize base = QPlainTextEdit::sizeHint();
    const int lines = 3;
    const int height = fontMetrics().lineSpacing() * lines + 2 * frameWidth() + int(document()->documentMargin() * 2)
        + contentsMargins().top() + contentsMargins().bottom();
    return { base.width(), height };
}

QSize QueryEditor::minimumSizeHint() const
{
    const int height = fontMetrics().lineSpacing() + 2 * frameWidth() + int(document()->documentMargin() * 2);
    return { QPlainTextEdit::minimumSizeHint().width(), height };
}

void QueryEditor::keyPressEvent(QKeyEvent* event)
{
    QAbstractItemView* popup = m_completer->popup();
    const int key = event->key();
    const bool enter = key == Qt::Key_Return || key == Qt::Key_Enter;
    if (enter && (event->modifiers() & Qt::ControlModifier)) {
        popup->hide();
        Q_EMIT runRequested();
        event->accept();
        return;
    }
    if (popup->isVisible()) {
        // The completer takes these (accept, close) once the editor leaves them.
        if (enter || key == Qt::Key_Tab || key == Qt::Key_Backtab || key == Qt::Key_Escape) {
            event->ignore();
            return;
        }
    }
    if (key == Qt::Key_Space && (event->modifiers() & Qt::ControlModifier)) {
        showCompletions();
        event->accept();
        return;
    }
    m_typing = true;
    QPlainTextEdit::keyPressEvent(event);
    m_typing = false;
}

void QueryEditor::changeEvent(QEvent* event)
{
    QPlainTextEdit::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange)
        m_highlighter->setPalette(palette());
}

void QueryEditor::onTextChanged()
{
    if (!m_typing) {
        return;
    }
    const QString text = toPlainText();
    const int cursor = textCursor().position();
    const CompletionContext completion = analysis::completionContextAt(m_language, text, cursor);
    if (completion.kind == CompletionContext::Kind::None) {
        m_completer->popup()->hide();
        return;
    }
    const QChar typed = cursor > 0 ? text.at(cursor - 1) : QChar();
    const bool opens = QStringView(u"{,(=\"|~").contains(typed)
        || (typed == u' ' && (completion.stageStart || completion.kind == CompletionContext::Kind::ParsedField));
    if (completion.prefix.isEmpty() && !opens && !m_completer->popup()->isVisible())
        return;
    present(completion);
}

void QueryEditor::showCompletions()
{
    m_shownKey.clear(); // asked for explicitly: fresh from the source, not what the popup last held
    const CompletionContext completion
        = analysis::completionContextAt(m_language, toPlainText(), textCursor().position());
    if (completion.kind == CompletionContext::Kind::None) {
        m_completer->popup()->hide();
        return;
    }
    present(completion);
}

QString QueryEditor::contextKey(const CompletionContext& completion)
{
    return QStringList { QString::number(int(completion.kind)), completion.metric, completion.selector,
        completion.label, completion.pipeline, completion.stageStart ? QStringLiteral("stage") : QString(),
        completion.inPipeline ? QStringLiteral("pipeline") : QString() }
        .join(u'\x1f');
}

void QueryEditor::present(const CompletionContext& completion)
{
    const QString key = contextKey(completion);
    auto show = [this](const CompletionContext& at) {
        m_completer->setCompletionPrefix(at.prefix);
        QAbstractItemView* popup = m_completer->popup();
        if (m_completer->completionCount() == 0
            || (m_completer->completionCount() == 1 && m_completer->currentCompletion() == at.prefix)) {
            popup->hide();
            Q_EMIT completionsShown();
            return;
        }
        popup->setCurrentIndex(m_completer->completionModel()->index(0, 0));
        QRect rect = cursorRect();
        rect.moveLeft(rect.left() - fontMetrics().horizontalAdvance(at.prefix));
        rect.setWidth(std::max(480, popup->sizeHintForColumn(0) + popup->verticalScrollBar()->sizeHint().width()));
        m_completer->complete(rect);
        Q_EMIT completionsShown();
    };
    if (key == m_shownKey && !m_model->items().isEmpty()) {
        show(completion);
        return;
    }
    const quint64 request = ++m_request;
    auto deliver = [this, request, key, show](const QList<CompletionItem>& items) {
        if (request != m_request)
            return;
        m_model->setItems(items);
        m_shownKey = key;
        // The user may have typed on meanwhile: show what fits where the cursor is now.
        const CompletionContext now = analysis::completionContextAt(m_language, toPlainText(), textCursor().position());
        if (contextKey(now) != key) {
            m_completer->popup()->hide();
            return;
        }
        show(now);
    };
    if (m_source) {
        m_source->complete(completion, this, deliver);
        return;
    }
    // No server: what the language itself offers.
    QList<CompletionItem> items;
    const bool functions = completion.kind == CompletionContext::Kind::MetricName
        || completion.kind == CompletionContext::Kind::Function;
    if (functions) {
        const QStringList names
            = m_language == QueryLanguage::PromQL ? analysis::promqlFunctionNames() : analysis::logqlFunctionNames();
        for (const QString& name : names)
            items.append({ CompletionItem::Kind::Function, name, tr("function"),
                analysis::functionDescription(m_language, name) });
    }
    if (completion.stageStart) {
        for (const QString& name : analysis::logqlStageKeywords())
            items.append(
                { CompletionItem::Kind::Keyword, name, tr("stage"), analysis::functionDescription(m_language, name) });
    }
    deliver(items);
}

void QueryEditor::insertCompletion(const QModelIndex& index)
{
    const QString text = toPlainText();
    const CompletionContext at = analysis::completionContextAt(m_language, text, textCursor().position());
    if (at.kind == CompletionContext::Kind::None || !index.isValid())
        return;
    const QString chosen = index.data(Qt::DisplayRole).toString();
    const auto kind = CompletionItem::Kind(index.data(CompletionListModel::KindRole).toInt());
    QString insertion = chosen;
    int cursorBack = 0;
    if (at.kind == CompletionContext::Kind::LabelValue) {
        insertion = escapedValue(chosen);
        if (at.needsQuotes)
            insertion = u'"' + insertion + u'"';
        else if (at.needsClosingQuote)
            insertion += u'"';
    } else if (kind == CompletionItem::Kind::Function) {
        const bool hasParenthesis = at.replaceTo < text.size() && text.at(at.replaceTo) == u'(';
        if (!hasParenthesis) {
            insertion += QStringLiteral("()");
            cursorBack = 1;
        }
    }
    QTextCursor cursor = textCursor();
    cursor.setPosition(int(at.replaceFrom));
    cursor.setPosition(int(at.replaceTo), QTextCursor::KeepAnchor);
    cursor.insertText(insertion);
    cursor.setPosition(cursor.position() - cursorBack);
    setTextCursor(cursor);
    m_completer->popup()->hide();
}

void QueryEditor::updateBracketMatch()
{
    QList<QTextEdit::ExtraSelection> selections;
    const QString text = toPlainText();
    const int cursor = textCursor().position();
    const QColor matched = palette().color(QPalette::Highlight).lighter(isDark(palette()) ? 60 : 170);
    const QColor unmatched = isDark(palette()) ? QColor(0x8e, 0x1f, 0x1f) : QColor(0xff, 0xcc, 0xcc);
    auto mark = [&](int pos, const QColor& color) {
        QTextEdit::ExtraSelection selection;
        selection.format.setBackground(color);
        selection.cursor = QTextCursor(document());
        selection.cursor.setPosition(pos);
        selection.cursor.setPosition(pos + 1, QTextCursor::KeepAnchor);
        selections.append(selection);
    };
    // The bracket just before the cursor wins over the one after it, as in most editors.
    for (const int pos : { cursor - 1, cursor }) {
        if (pos < 0 || pos >= text.size() || !QStringView(u"()[]{}").contains(text.at(pos)))
            continue;
        const int partner = analysis::matchingBracket(text, pos, m_language);
        if (partner >= 0) {
            mark(pos, matched);
            mark(partner, matched);
            break;
        }
        // Only a real bracket (not one in a string) without partner is marked as such.
        const auto tokens = analysis::tokenizeQuery(m_language, text);
        const bool isBracket = std::any_of(tokens.begin(), tokens.end(),
            [pos](const QueryToken& t) { return t.start == pos && t.kind == TokenKind::Bracket; });
        if (isBracket) {
            mark(pos, unmatched);
            break;
        }
    }
    setExtraSelections(selections);
}

} // namespace firebreak::ui
