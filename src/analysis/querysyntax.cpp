#include "querysyntax.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QStringList>

#include <algorithm>

namespace firebreak::analysis {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(QuerySyntax)
};

const QStringList& promAggregations()
{
    static const QStringList names = { QStringLiteral("avg"), QStringLiteral("bottomk"), QStringLiteral("count"),
        QStringLiteral("count_values"), QStringLiteral("group"), QStringLiteral("limit_ratio"),
        QStringLiteral("limitk"), QStringLiteral("max"), QStringLiteral("min"), QStringLiteral("quantile"),
        QStringLiteral("stddev"), QStringLiteral("stdvar"), QStringLiteral("sum"), QStringLiteral("topk") };
    return names;
}

const QStringList& promFunctions()
{
    static const QStringList names = {
        QStringLiteral("abs"),
        QStringLiteral("absent"),
        QStringLiteral("absent_over_time"),
        QStringLiteral("acos"),
        QStringLiteral("acosh"),
        QStringLiteral("asin"),
        QStringLiteral("asinh"),
        QStringLiteral("atan"),
        QStringLiteral("atanh"),
        QStringLiteral("avg_over_time"),
        QStringLiteral("ceil"),
        QStringLiteral("changes"),
        QStringLiteral("clamp"),
        QStringLiteral("clamp_max"),
        QStringLiteral("clamp_min"),
        QStringLiteral("cos"),
        QStringLiteral("cosh"),
        QStringLiteral("count_over_time"),
        QStringLiteral("day_of_month"),
        QStringLiteral("day_of_week"),
        QStringLiteral("day_of_year"),
        QStringLiteral("days_in_month"),
        QStringLiteral("deg"),
        QStringLiteral("delta"),
        QStringLiteral("deriv"),
        QStringLiteral("exp"),
        QStringLiteral("floor"),
        QStringLiteral("histogram_avg"),
        QStringLiteral("histogram_count"),
        QStringLiteral("histogram_fraction"),
        QStringLiteral("histogram_quantile"),
        QStringLiteral("histogram_stddev"),
        QStringLiteral("histogram_stdvar"),
        QStringLiteral("histogram_sum"),
        QStringLiteral("holt_winters"),
        QStringLiteral("hour"),
        QStringLiteral("idelta"),
        QStringLiteral("increase"),
        QStringLiteral("irate"),
        QStringLiteral("label_join"),
        QStringLiteral("label_replace"),
        QStringLiteral("last_over_time"),
        QStringLiteral("ln"),
        QStringLiteral("log10"),
        QStringLiteral("log2"),
        QStringLiteral("mad_over_time"),
        QStringLiteral("max_over_time"),
        QStringLiteral("min_over_time"),
        QStringLiteral("minute"),
        QStringLiteral("month"),
        QStringLiteral("pi"),
        QStringLiteral("predict_linear"),
        QStringLiteral("present_over_time"),
        QStringLiteral("quantile_over_time"),
        QStringLiteral("rad"),
        QStringLiteral("rate"),
        QStringLiteral("resets"),
        QStringLiteral("round"),
        QStringLiteral("scalar"),
        QStringLiteral("sgn"),
        QStringLiteral("sin"),
        QStringLiteral("sinh"),
        QStringLiteral("sort"),
        QStringLiteral("sort_by_label"),
        QStringLiteral("sort_by_label_desc"),
        QStringLiteral("sort_desc"),
        QStringLiteral("sqrt"),
        QStringLiteral("stddev_over_time"),
        QStringLiteral("stdvar_over_time"),
        QStringLiteral("sum_over_time"),
        QStringLiteral("tan"),
        QStringLiteral("tanh"),
        QStringLiteral("time"),
        QStringLiteral("timestamp"),
        QStringLiteral("vector"),
        QStringLiteral("year"),
    };
    return names;
}

const QStringList& logFunctions()
{
    static const QStringList names = {
        QStringLiteral("absent_over_time"),
        QStringLiteral("avg"),
        QStringLiteral("avg_over_time"),
        QStringLiteral("bottomk"),
        QStringLiteral("bytes_over_time"),
        QStringLiteral("bytes_rate"),
        QStringLiteral("count"),
        QStringLiteral("count_over_time"),
        QStringLiteral("first_over_time"),
        QStringLiteral("label_replace"),
        QStringLiteral("last_over_time"),
        QStringLiteral("max"),
        QStringLiteral("max_over_time"),
        QStringLiteral("min"),
        QStringLiteral("min_over_time"),
        QStringLiteral("quantile_over_time"),
        QStringLiteral("rate"),
        QStringLiteral("rate_counter"),
        QStringLiteral("sort"),
        QStringLiteral("sort_desc"),
        QStringLiteral("stddev"),
        QStringLiteral("stddev_over_time"),
        QStringLiteral("stdvar"),
        QStringLiteral("stdvar_over_time"),
        QStringLiteral("sum"),
        QStringLiteral("sum_over_time"),
        QStringLiteral("topk"),
        QStringLiteral("vector"),
    };
    return names;
}

const QStringList& logParsers()
{
    static const QStringList names = { QStringLiteral("json"), QStringLiteral("logfmt"), QStringLiteral("pattern"),
        QStringLiteral("regexp"), QStringLiteral("unpack") };
    return names;
}

const QStringList& logStageWords()
{
    static const QStringList names
        = { QStringLiteral("decolorize"), QStringLiteral("distinct"), QStringLiteral("drop"), QStringLiteral("keep"),
              QStringLiteral("label_format"), QStringLiteral("line_format"), QStringLiteral("unwrap") };
    return names;
}

const QSet<QString>& groupingWords()
{
    static const QSet<QString> words = { QStringLiteral("by"), QStringLiteral("without"), QStringLiteral("on"),
        QStringLiteral("ignoring"), QStringLiteral("group_left"), QStringLiteral("group_right") };
    return words;
}

const QSet<QString>& keywords()
{
    static const QSet<QString> words = { QStringLiteral("by"), QStringLiteral("without"), QStringLiteral("on"),
        QStringLiteral("ignoring"), QStringLiteral("group_left"), QStringLiteral("group_right"),
        QStringLiteral("offset"), QStringLiteral("bool"), QStringLiteral("and"), QStringLiteral("or"),
        QStringLiteral("unless"), QStringLiteral("atan2") };
    return words;
}

bool isIdentStart(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || c == u'_';
}

bool isIdentChar(QChar c, bool colon)
{
    return isIdentStart(c) || (c >= u'0' && c <= u'9') || (colon && c == u':');
}

bool isDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

bool isMatcherOperator(QStringView op)
{
    return op == u"=" || op == u"!=" || op == u"=~" || op == u"!~";
}

bool isComparison(QStringView op)
{
    return isMatcherOperator(op) || op == u"==" || op == u">" || op == u">=" || op == u"<" || op == u"<=";
}

bool isLineFilter(QStringView op)
{
    return op == u"|=" || op == u"!=" || op == u"|~" || op == u"!~" || op == u"|>" || op == u"!>";
}

/// What an open bracket holds.
enum class Frame
{
    Expression,
    Selector,
    Grouping,
    Range
};

enum class MatcherState
{
    Name,
    Operator,
    Value,
    AfterValue
};

enum class Stage
{
    None,
    LabelFilter,
    Parser,
    Keyword,
    LineFilter
};

struct OpenBracket
{
    QChar bracket;
    Frame frame;
    qsizetype position;
    QString metric; // Selector: the metric in front of it
    MatcherState matcher = MatcherState::Name;
    QString label; // Selector: the label of the matcher being read
    bool pipelineHere = false; // LogQL: a pipeline started inside this bracket ends with it
};

/// A one-pass lexer whose state after the last token is what completion needs.
class Lexer
{
public:
    Lexer(QueryLanguage language, QStringView text)
        : m_language(language)
        , m_text(text)
    { }

    QList<QueryToken> run()
    {
        const qsizetype n = m_text.size();
        while (m_at < n) {
            const QChar c = m_text[m_at];
            if (c.isSpace()) {
                ++m_at;
                continue;
            }
            if (c == u'#') {
                qsizetype end = m_at;
                while (end < n && m_text[end] != u'\n')
                    ++end;
                push(TokenKind::Comment, m_at, end - m_at);
                continue;
            }
            if (c == u'"' || c == u'\'' || c == u'`') {
                lexString(c);
                continue;
            }
            if (isDigit(c) || (c == u'.' && m_at + 1 < n && isDigit(m_text[m_at + 1]))) {
                lexNumber();
                continue;
            }
            if (isIdentStart(c)) {
                lexIdentifier();
                continue;
            }
            if (c == u'(' || c == u'[' || c == u'{') {
                open(c);
                continue;
            }
            if (c == u')' || c == u']' || c == u'}') {
                close(c);
                continue;
            }
            lexOperator();
        }
        return m_tokens;
    }

    // State after run(), for completion.
    QueryLanguage m_language;
    QStringView m_text;
    qsizetype m_at = 0;
    QList<QueryToken> m_tokens;
    QList<OpenBracket> m_stack;
    bool m_pendingGrouping = false;
    bool m_afterSelector = false; // LogQL: the last token closed a stream selector
    bool m_afterAt = false;
    // LogQL pipeline
    int m_pipelineDepth = -1; // stack size the pipeline lives at; -1 outside
    qsizetype m_selectorStart = -1; // of the selector the pipeline belongs to
    qsizetype m_stageStart = -1; // the `|` or line filter operator starting the current stage
    qsizetype m_parserStageEnd = -1; // end of the last parser stage of the pipeline (before the next stage)
    bool m_sawParser = false;
    bool m_stageBegins = false; // the last token was the `|` of a new stage
    Stage m_stage = Stage::None;
    bool m_filterValueNext = false; // a label filter's comparison was read: a value comes
    QString m_filterLabel;
    // Whole query
    qsizetype m_firstSelectorStart = -1;
    qsizetype m_firstSelectorEnd = -1;
    QString m_firstMetric;
    QString m_firstPipeline; // LogQL: the first selector's pipeline up to its last parser, once complete
    bool m_firstPipelineHasParser = false;

    bool inPipeline() const { return m_pipelineDepth >= 0; }
    const OpenBracket* top() const { return m_stack.isEmpty() ? nullptr : &m_stack.last(); }
    Frame frame() const { return m_stack.isEmpty() ? Frame::Expression : m_stack.last().frame; }

    void push(TokenKind kind, qsizetype start, qsizetype length, bool unterminated = false)
    {
        QueryToken token;
        token.kind = kind;
        token.start = start;
        token.length = length;
        token.unterminated = unterminated;
        token.depth = int(m_stack.size());
        m_tokens.append(token);
        m_at = start + length;
        if (kind != TokenKind::Comment) {
            if (kind != TokenKind::Pipe)
                m_stageBegins = false;
            if (!(kind == TokenKind::Bracket && m_text[start] == u'}'))
                m_afterSelector = false;
            if (!(kind == TokenKind::Operator && m_text[start] == u'@'))
                m_afterAt = false;
        }
    }

    void lexString(QChar quote)
    {
        const qsizetype n = m_text.size();
        qsizetype end = m_at + 1;
        bool closed = false;
        while (end < n) {
            const QChar c = m_text[end];
            if (c == u'\\' && quote != u'`') {
                end += 2;
                continue;
            }
            // An unclosed string ends at the line's end, so one typo does not swallow the rest of the query.
            if (c == u'\n' && quote != u'`')
                break;
            ++end;
            if (c == quote) {
                closed = true;
                break;
            }
        }
        end = std::min(end, n);
        TokenKind kind = TokenKind::String;
        if (frame() == Frame::Selector && top()->matcher == MatcherState::Value) {
            kind = TokenKind::LabelValue;
            m_stack.last().matcher = MatcherState::AfterValue;
        } else if (inPipeline() && m_stage == Stage::LabelFilter && m_filterValueNext) {
            kind = TokenKind::LabelValue;
            m_filterValueNext = false;
        }
        push(kind, m_at, end - m_at, !closed);
    }

    void lexNumber()
    {
        static const QRegularExpression duration(
            QStringLiteral(R"(^(?:[0-9]+(?:\.[0-9]+)?(?:ms|us|µs|ns|s|m|h|d|w|y))+)"));
        static const QRegularExpression bytes(
            QStringLiteral(R"(^[0-9]+(?:\.[0-9]+)?(?:[kmgtpe]i?b|b)(?![A-Za-z0-9_]))"),
            QRegularExpression::CaseInsensitiveOption);
        static const QRegularExpression number(
            QStringLiteral(R"(^(?:0[xX][0-9a-fA-F]+|(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?))"));
        const QStringView rest = m_text.mid(m_at);
        if (m_language == QueryLanguage::LogQL) {
            const auto m = bytes.match(rest);
            if (m.hasMatch()) {
                valueToken(TokenKind::Number, m.capturedLength());
                return;
            }
        }
        const auto d = duration.match(rest);
        if (d.hasMatch()) {
            const qsizetype length = d.capturedLength();
            // `5m` is a duration, `5min` is not: the unit must not run into more name characters.
            if (m_at + length >= m_text.size() || !isIdentChar(m_text[m_at + length], false)) {
                valueToken(TokenKind::Duration, length);
                return;
            }
        }
        const auto m = number.match(rest);
        valueToken(TokenKind::Number, std::max<qsizetype>(1, m.capturedLength()));
    }

    void valueToken(TokenKind kind, qsizetype length)
    {
        if (inPipeline() && m_stage == Stage::LabelFilter)
            m_filterValueNext = false;
        push(kind, m_at, length);
    }

    void lexIdentifier()
    {
        const bool colon = m_language == QueryLanguage::PromQL && frame() != Frame::Selector
            && frame() != Frame::Grouping && !inPipeline();
        qsizetype end = m_at;
        while (end < m_text.size() && isIdentChar(m_text[end], colon))
            ++end;
        const QString word = m_text.mid(m_at, end - m_at).toString();
        push(classify(word, end), m_at, end - m_at);
    }

    QChar nextNonSpace(qsizetype from) const
    {
        while (from < m_text.size() && m_text[from].isSpace())
            ++from;
        return from < m_text.size() ? m_text[from] : QChar();
    }

    QString nextWord(qsizetype from) const
    {
        while (from < m_text.size() && m_text[from].isSpace())
            ++from;
        qsizetype end = from;
        while (end < m_text.size() && isIdentChar(m_text[end], false))
            ++end;
        return m_text.mid(from, end - from).toString();
    }

    TokenKind classify(const QString& word, qsizetype end)
    {
        const Frame f = frame();
        if (f == Frame::Selector) {
            OpenBracket& b = m_stack.last();
            b.label = word;
            b.matcher = MatcherState::Operator;
            return TokenKind::LabelName;
        }
        if (f == Frame::Grouping)
            return TokenKind::LabelName;
        if (inPipeline())
            return classifyInPipeline(word, end);
        const QString lower = word.toLower();
        if (m_afterAt && (word == u"start" || word == u"end"))
            return TokenKind::Function;
        if (keywords().contains(word)) {
            if (groupingWords().contains(word))
                m_pendingGrouping = true;
            return TokenKind::Keyword;
        }
        if (lower == u"inf" || lower == u"nan")
            return TokenKind::Number;
        const bool call = nextNonSpace(end) == u'(';
        const QString after = nextWord(end);
        const bool aggregationModifier = after == u"by" || after == u"without";
        if (m_language == QueryLanguage::PromQL) {
            if (call || (aggregationModifier && promAggregations().contains(word)))
                return TokenKind::Function;
            if (m_firstMetric.isEmpty() && m_firstSelectorStart < 0)
                m_firstMetric = word;
            return TokenKind::Metric;
        }
        if (call || (aggregationModifier && logFunctions().contains(word)))
            return TokenKind::Function;
        return TokenKind::Identifier;
    }

    TokenKind classifyInPipeline(const QString& word, qsizetype end)
    {
        if (m_stageBegins) {
            m_stageBegins = false;
            if (logParsers().contains(word)) {
                m_stage = Stage::Parser;
                m_sawParser = true;
                return TokenKind::Parser;
            }
            if (logStageWords().contains(word)) {
                m_stage = Stage::Keyword;
                return TokenKind::Keyword;
            }
            m_stage = Stage::LabelFilter;
            m_filterLabel = word;
            m_filterValueNext = false;
            return TokenKind::LabelName;
        }
        if (m_stage == Stage::LabelFilter && (word == u"and" || word == u"or"))
            return TokenKind::Keyword;
        if (nextNonSpace(end) == u'(')
            return TokenKind::Function;
        if (m_stage == Stage::LabelFilter) {
            m_filterLabel = word;
            m_filterValueNext = false;
        }
        return TokenKind::LabelName;
    }

    void open(QChar c)
    {
        OpenBracket b { c, Frame::Expression, m_at, {}, MatcherState::Name, {}, false };
        if (c == u'{') {
            b.frame = Frame::Selector;
            if (!m_tokens.isEmpty() && m_tokens.last().kind == TokenKind::Metric && m_tokens.last().end() == m_at)
                b.metric = m_text.mid(m_tokens.last().start, m_tokens.last().length).toString();
            else if (!m_tokens.isEmpty() && m_tokens.last().kind == TokenKind::Metric)
                b.metric = m_text.mid(m_tokens.last().start, m_tokens.last().length).toString();
        } else if (c == u'[') {
            b.frame = Frame::Range;
        } else if (m_pendingGrouping) {
            b.frame = Frame::Grouping;
        }
        m_pendingGrouping = false;
        if (c == u'[' && inPipeline() && int(m_stack.size()) == m_pipelineDepth)
            endPipeline();
        push(TokenKind::Bracket, m_at, 1);
        m_stack.append(b);
    }

    void close(QChar c)
    {
        const QChar want = c == u')' ? u'(' : (c == u']' ? u'[' : u'{');
        // Pop to the partner; a stray closer leaves the stack alone.
        qsizetype partner = -1;
        for (qsizetype i = m_stack.size() - 1; i >= 0; --i) {
            if (m_stack[i].bracket == want) {
                partner = i;
                break;
            }
        }
        bool selectorClosed = false;
        OpenBracket closed;
        if (partner >= 0) {
            closed = m_stack[partner];
            m_stack.resize(partner);
            selectorClosed = closed.frame == Frame::Selector;
        }
        if (inPipeline() && int(m_stack.size()) < m_pipelineDepth)
            endPipeline();
        const qsizetype closeAt = m_at;
        push(TokenKind::Bracket, m_at, 1);
        if (selectorClosed) {
            if (m_firstSelectorStart < 0) {
                m_firstSelectorStart = closed.position;
                m_firstSelectorEnd = closeAt;
                if (!closed.metric.isEmpty())
                    m_firstMetric = closed.metric;
            }
            if (m_language == QueryLanguage::LogQL) {
                m_afterSelector = true;
                m_selectorStart = closed.position;
            }
        }
    }

    void startPipelineIfNeeded()
    {
        if (m_afterSelector && !inPipeline()) {
            m_pipelineDepth = int(m_stack.size());
            m_sawParser = false;
            m_parserStageEnd = -1;
        }
    }

    void endPipeline()
    {
        finishStage(m_at);
        if (m_firstPipeline.isEmpty() && m_selectorStart >= 0 && m_selectorStart == m_firstSelectorStart) {
            m_firstPipelineHasParser = m_parserStageEnd > 0;
            const qsizetype end = m_parserStageEnd > 0 ? m_parserStageEnd : m_firstSelectorEnd + 1;
            m_firstPipeline = m_text.mid(m_selectorStart, end - m_selectorStart).trimmed().toString();
        }
        m_pipelineDepth = -1;
        m_stage = Stage::None;
        m_stageStart = -1;
    }

    void finishStage(qsizetype at)
    {
        if (m_stage == Stage::Parser)
            m_parserStageEnd = at;
    }

    void lexOperator()
    {
        const qsizetype n = m_text.size();
        const QStringView two = m_text.mid(m_at, std::min<qsizetype>(2, n - m_at));
        if (m_language == QueryLanguage::LogQL) {
            const bool pipelinePosition = m_afterSelector || inPipeline();
            if (two.size() == 2 && isLineFilter(two) && pipelinePosition
                && !(inPipeline() && m_stage == Stage::LabelFilter && (two == u"!=" || two == u"!~"))) {
                startPipelineIfNeeded();
                finishStage(m_at);
                m_stage = Stage::LineFilter;
                m_stageStart = m_at;
                push(TokenKind::Operator, m_at, 2);
                return;
            }
            if (m_text[m_at] == u'|' && pipelinePosition) {
                startPipelineIfNeeded();
                finishStage(m_at);
                m_stage = Stage::None;
                m_stageStart = m_at;
                push(TokenKind::Pipe, m_at, 1);
                m_stageBegins = true;
                return;
            }
            // logfmt --strict / --keep-empty
            if (inPipeline() && two == u"--" && m_at + 2 < n && isIdentStart(m_text[m_at + 2])) {
                qsizetype end = m_at + 2;
                while (end < n && (isIdentChar(m_text[end], false) || m_text[end] == u'-'))
                    ++end;
                push(TokenKind::Keyword, m_at, end - m_at);
                return;
            }
        }
        static const QStringView pairs[] = { u"==", u"!=", u"<=", u">=", u"=~", u"!~" };
        qsizetype length = 0;
        for (const QStringView p : pairs) {
            if (two == p) {
                length = 2;
                break;
            }
        }
        const QChar c = m_text[m_at];
        if (length == 0 && QStringView(u"+-*/%^=<>,:@;").contains(c))
            length = 1;
        if (length == 0) {
            push(TokenKind::Invalid, m_at, 1);
            return;
        }
        const QStringView op = m_text.mid(m_at, length);
        if (frame() == Frame::Selector) {
            OpenBracket& b = m_stack.last();
            if (isMatcherOperator(op) && b.matcher == MatcherState::Operator)
                b.matcher = MatcherState::Value;
            else if (op == u",")
                b.matcher = MatcherState::Name;
        } else if (inPipeline() && m_stage == Stage::LabelFilter) {
            if (isComparison(op))
                m_filterValueNext = true;
            else if (op == u",")
                m_filterValueNext = false;
        }
        const bool at = op == u"@";
        push(TokenKind::Operator, m_at, length);
        m_afterAt = at;
    }
};

CompletionContext nothingAt(qsizetype at)
{
    CompletionContext context;
    context.replaceFrom = at;
    context.replaceTo = at;
    return context;
}

QString unescape(QStringView quoted)
{
    QString out;
    const bool raw = !quoted.isEmpty() && quoted.front() == u'`';
    for (qsizetype i = 1; i < quoted.size(); ++i) {
        const QChar c = quoted[i];
        if (c == quoted.front())
            break;
        if (c == u'\\' && !raw && i + 1 < quoted.size()) {
            const QChar e = quoted[++i];
            out += e == u'n' ? QChar(u'\n') : (e == u't' ? QChar(u'\t') : e);
            continue;
        }
        out += c;
    }
    return out;
}

bool isNameLike(TokenKind kind)
{
    switch (kind) {
    case TokenKind::Metric:
    case TokenKind::Function:
    case TokenKind::Keyword:
    case TokenKind::LabelName:
    case TokenKind::Parser:
    case TokenKind::Identifier:
        return true;
    default:
        return false;
    }
}

/// The complete matchers of the selector opened at `open` in the full text, except the one at `skipAt`.
QStringList otherMatchers(QueryLanguage language, const QString& text, qsizetype open, qsizetype skipAt)
{
    const QList<QueryToken> tokens = tokenizeQuery(language, text);
    QStringList matchers;
    qsizetype i = 0;
    while (i < tokens.size() && tokens[i].start != open)
        ++i;
    if (i == tokens.size())
        return matchers;
    const int depth = tokens[i].depth + 1;
    for (++i; i + 2 < tokens.size(); ++i) {
        const QueryToken& name = tokens[i];
        if (name.depth < depth)
            break;
        const QueryToken& op = tokens[i + 1];
        const QueryToken& value = tokens[i + 2];
        if (name.kind == TokenKind::LabelName && op.kind == TokenKind::Operator && value.kind == TokenKind::LabelValue
            && !value.unterminated) {
            if (skipAt < name.start || skipAt > value.end())
                matchers << text.mid(name.start, name.length) + text.mid(op.start, op.length)
                        + text.mid(value.start, value.length);
            i += 2;
        }
    }
    return matchers;
}

} // namespace

QList<QueryToken> tokenizeQuery(QueryLanguage language, QStringView text)
{
    Lexer lexer(language, text);
    return lexer.run();
}

CompletionContext completionContextAt(QueryLanguage language, const QString& text, int cursor)
{
    CompletionContext context;
    const qsizetype at = std::clamp<qsizetype>(cursor, 0, text.size());
    context.replaceFrom = at;
    context.replaceTo = at;
    Lexer lexer(language, QStringView(text).left(at));
    const QList<QueryToken> tokens = lexer.run();
    const QList<QueryToken> full = tokenizeQuery(language, text);

    QueryToken last;
    bool hasLast = false;
    if (!tokens.isEmpty()) {
        last = tokens.last();
        hasLast = true;
    }
    const bool touching = hasLast && last.end() == at;
    const OpenBracket* bracket = lexer.top();
    const Frame frame = lexer.frame();

    // Inside a comment, a string that is no label value, a number or a duration: nothing.
    if (touching
        && (last.kind == TokenKind::Comment || last.kind == TokenKind::Number || last.kind == TokenKind::Duration
            || last.kind == TokenKind::String))
        return context;
    if (hasLast && last.kind == TokenKind::Comment)
        return context;

    auto fillSelector = [&](const OpenBracket* selector) {
        if (!selector)
            return;
        context.metric = selector->metric;
        const QStringList matchers = otherMatchers(language, text, selector->position, at);
        if (!matchers.isEmpty() || !context.metric.isEmpty())
            context.selector
                = context.metric + (matchers.isEmpty() ? QString() : u'{' + matchers.join(QStringLiteral(", ")) + u'}');
        if (language == QueryLanguage::LogQL)
            context.selector = matchers.isEmpty() ? QString() : u'{' + matchers.join(QStringLiteral(", ")) + u'}';
    };
    auto fillFirstSelector = [&] {
        // `sum by (|) (rate(x{a="b"}[5m]))`: the grouping comes before the selector, so read the whole query.
        Lexer whole(language, text);
        whole.run();
        if (whole.inPipeline())
            whole.endPipeline();
        context.metric = whole.m_firstMetric;
        if (whole.m_firstSelectorStart >= 0) {
            const QString selector
                = text.mid(whole.m_firstSelectorStart, whole.m_firstSelectorEnd - whole.m_firstSelectorStart + 1);
            context.selector = language == QueryLanguage::PromQL ? whole.m_firstMetric + selector : selector;
        } else {
            context.selector = whole.m_firstMetric;
        }
        return whole.m_firstPipelineHasParser ? whole.m_firstPipeline : QString();
    };
    auto pipelineSoFar = [&]() -> QString {
        if (lexer.m_selectorStart < 0 || lexer.m_parserStageEnd <= lexer.m_selectorStart)
            return {};
        return text.mid(lexer.m_selectorStart, lexer.m_parserStageEnd - lexer.m_selectorStart).trimmed();
    };
    auto pipelineSelector = [&]() -> QString {
        if (lexer.m_selectorStart < 0)
            return {};
        const int close = matchingBracket(text, int(lexer.m_selectorStart), language);
        return close < 0 ? QString() : text.mid(lexer.m_selectorStart, close - lexer.m_selectorStart + 1);
    };

    // A label value being typed inside quotes.
    if (touching && last.kind == TokenKind::LabelValue && last.unterminated) {
        context.kind = CompletionContext::Kind::LabelValue;
        context.prefix = unescape(QStringView(text).mid(last.start, last.length));
        context.replaceFrom = last.start + 1;
        context.replaceTo = at;
        context.needsClosingQuote = true;
        for (const QueryToken& t : full) {
            if (t.start == last.start) {
                if (!t.unterminated) {
                    context.needsClosingQuote = false;
                    context.replaceTo = t.end() - 1;
                }
                break;
            }
        }
        if (frame == Frame::Selector) {
            context.label = bracket->label;
            fillSelector(bracket);
        } else if (lexer.inPipeline()) {
            context.label = lexer.m_filterLabel;
            context.inPipeline = true;
            context.selector = pipelineSelector();
            context.pipeline = pipelineSoFar();
        }
        return context;
    }

    // The name being typed, if any, and the token before it.
    qsizetype prevIndex = tokens.size() - 1;
    if (touching && isNameLike(last.kind)) {
        context.replaceFrom = last.start;
        context.prefix = text.mid(last.start, at - last.start);
        // The whole name is replaced, also what follows the cursor.
        context.replaceTo = at;
        while (context.replaceTo < text.size()
            && isIdentChar(
                text.at(context.replaceTo), language == QueryLanguage::PromQL && last.kind == TokenKind::Metric))
            ++context.replaceTo;
        --prevIndex;
    } else if (touching && last.kind != TokenKind::Operator && last.kind != TokenKind::Bracket
        && last.kind != TokenKind::Pipe) {
        return context;
    }
    const QueryToken* prev = prevIndex >= 0 ? &tokens[prevIndex] : nullptr;
    while (prev && prev->kind == TokenKind::Comment)
        prev = --prevIndex >= 0 ? &tokens[prevIndex] : nullptr;
    const QStringView prevText = prev ? QStringView(text).mid(prev->start, prev->length) : QStringView();

    if (frame == Frame::Range)
        return context;

    if (frame == Frame::Selector) {
        const bool nameTyped = touching && last.kind == TokenKind::LabelName;
        // The lexer has already taken a typed name as the matcher's label: look at what came before it.
        if (!prev || prevText == u"{" || prevText == u",") {
            context.kind = CompletionContext::Kind::LabelName;
            fillSelector(bracket);
            return context;
        }
        if (!nameTyped && prev->kind == TokenKind::Operator && isMatcherOperator(prevText)) {
            context.kind = CompletionContext::Kind::LabelValue;
            context.label = bracket->label;
            context.needsQuotes = true;
            fillSelector(bracket);
            return context;
        }
        return nothingAt(at);
    }

    if (frame == Frame::Grouping) {
        if (prev && (prevText == u"(" || prevText == u",")) {
            const QString pipeline = fillFirstSelector();
            if (language == QueryLanguage::LogQL && !pipeline.isEmpty()) {
                context.kind = CompletionContext::Kind::ParsedField;
                context.pipeline = pipeline;
            } else {
                context.kind = CompletionContext::Kind::LabelName;
            }
            return context;
        }
        return nothingAt(at);
    }

    if (lexer.inPipeline()) {
        context.inPipeline = true;
        const bool stageBegins = prev && prev->kind == TokenKind::Pipe;
        const bool afterKeepDrop = prev
            && ((prev->kind == TokenKind::Keyword
                    && (prevText == u"unwrap" || prevText == u"keep" || prevText == u"drop"
                        || prevText == u"label_format"))
                || ((prevText == u"," || prevText == u"and" || prevText == u"or")
                    && (lexer.m_stage == Stage::LabelFilter || lexer.m_stage == Stage::Keyword)));
        const bool filterValue = prev && lexer.m_stage == Stage::LabelFilter && prev->kind == TokenKind::Operator
            && isComparison(prevText) && !(touching && isNameLike(last.kind) && last.kind != TokenKind::LabelName);
        if (filterValue && !(touching && isNameLike(last.kind))) {
            context.kind = CompletionContext::Kind::LabelValue;
            context.label = lexer.m_filterLabel;
            context.needsQuotes = true;
            context.selector = pipelineSelector();
            context.pipeline = pipelineSoFar();
            return context;
        }
        if (stageBegins || afterKeepDrop) {
            context.stageStart = stageBegins;
            context.selector = pipelineSelector();
            context.pipeline = pipelineSoFar();
            context.kind = context.pipeline.isEmpty() ? CompletionContext::Kind::LabelName
                                                      : CompletionContext::Kind::ParsedField;
            return context;
        }
        return nothingAt(at);
    }

    // Expression position: after nothing, an open parenthesis, a comma, an operator or a binary keyword.
    const bool expressionPosition = !prev || prevText == u"(" || prevText == u","
        || (prev->kind == TokenKind::Operator && prevText != u"@")
        || (prev->kind == TokenKind::Keyword
            && (prevText == u"and" || prevText == u"or" || prevText == u"unless" || prevText == u"bool"
                || prevText == u"group_left" || prevText == u"group_right"));
    // `sum by (job) |` and `on (a) group_left |` continue with an expression too.
    const bool afterGrouping = prev && prevText == u")" && [&] {
        for (qsizetype i = prevIndex; i >= 0; --i) {
            if (tokens[i].kind == TokenKind::Bracket && text.at(tokens[i].start) == u'('
                && tokens[i].depth == prev->depth)
                return i > 0 && tokens[i - 1].kind == TokenKind::Keyword
                    && groupingWords().contains(text.mid(tokens[i - 1].start, tokens[i - 1].length));
        }
        return false;
    }();
    if (!expressionPosition && !afterGrouping) {
        return nothingAt(at);
    }
    context.kind
        = language == QueryLanguage::PromQL ? CompletionContext::Kind::MetricName : CompletionContext::Kind::Function;
    return context;
}

int matchingBracket(const QString& text, int pos, QueryLanguage language)
{
    if (pos < 0 || pos >= text.size())
        return -1;
    const QChar c = text.at(pos);
    static const QString opens = QStringLiteral("([{");
    static const QString closes = QStringLiteral(")]}");
    const qsizetype openIndex = opens.indexOf(c);
    const qsizetype closeIndex = closes.indexOf(c);
    if (openIndex < 0 && closeIndex < 0)
        return -1;
    const QList<QueryToken> tokens = tokenizeQuery(language, text);
    qsizetype self = -1;
    for (qsizetype i = 0; i < tokens.size(); ++i) {
        if (tokens[i].start == pos) {
            self = i;
            break;
        }
    }
    if (self < 0 || tokens[self].kind != TokenKind::Bracket)
        return -1; // inside a string or a comment
    const QChar open = openIndex >= 0 ? c : opens.at(closeIndex);
    const QChar close = openIndex >= 0 ? closes.at(openIndex) : c;
    const int step = openIndex >= 0 ? 1 : -1;
    int depth = 0;
    for (qsizetype i = self; i >= 0 && i < tokens.size(); i += step) {
        if (tokens[i].kind != TokenKind::Bracket)
            continue;
        const QChar b = text.at(tokens[i].start);
        if (b == open)
            depth += step;
        else if (b == close)
            depth -= step;
        if (depth == 0)
            return int(tokens[i].start);
    }
    return -1;
}

QStringList promqlFunctionNames()
{
    QStringList names = promFunctions() + promAggregations();
    names.sort();
    names.removeDuplicates();
    return names;
}

QStringList logqlFunctionNames()
{
    return logFunctions();
}

QStringList logqlStageKeywords()
{
    QStringList names = logParsers() + logStageWords();
    names.sort();
    return names;
}

QString functionDescription(QueryLanguage language, const QString& name)
{
    static const QHash<QString, const char*> prom = {
        { QStringLiteral("rate"),
            QT_TRANSLATE_NOOP("QuerySyntax", "Per-second average rate of increase of a counter over the range") },
        { QStringLiteral("irate"),
            QT_TRANSLATE_NOOP("QuerySyntax", "Per-second rate from the last two samples of the range") },
        { QStringLiteral("increase"), QT_TRANSLATE_NOOP("QuerySyntax", "Increase of a counter over the range") },
        { QStringLiteral("histogram_quantile"),
            QT_TRANSLATE_NOOP("QuerySyntax", "φ-quantile (0 ≤ φ ≤ 1) from histogram buckets (by le)") },
        { QStringLiteral("sum"), QT_TRANSLATE_NOOP("QuerySyntax", "Sum over dimensions") },
        { QStringLiteral("avg"), QT_TRANSLATE_NOOP("QuerySyntax", "Average over dimensions") },
        { QStringLiteral("min"), QT_TRANSLATE_NOOP("QuerySyntax", "Minimum over dimensions") },
        { QStringLiteral("max"), QT_TRANSLATE_NOOP("QuerySyntax", "Maximum over dimensions") },
        { QStringLiteral("count"), QT_TRANSLATE_NOOP("QuerySyntax", "Number of series") },
        { QStringLiteral("topk"), QT_TRANSLATE_NOOP("QuerySyntax", "Largest k series by value") },
        { QStringLiteral("bottomk"), QT_TRANSLATE_NOOP("QuerySyntax", "Smallest k series by value") },
        { QStringLiteral("quantile"), QT_TRANSLATE_NOOP("QuerySyntax", "φ-quantile over dimensions") },
        { QStringLiteral("absent"), QT_TRANSLATE_NOOP("QuerySyntax", "1 when the vector has no elements") },
        { QStringLiteral("delta"),
            QT_TRANSLATE_NOOP("QuerySyntax", "Difference between the first and last value of a gauge over the range") },
        { QStringLiteral("deriv"),
            QT_TRANSLATE_NOOP("QuerySyntax", "Per-second derivative of a gauge (linear regression)") },
        { QStringLiteral("predict_linear"),
            QT_TRANSLATE_NOOP("QuerySyntax", "Predicted value t seconds from now (linear regression)") },
        { QStringLiteral("label_replace"),
            QT_TRANSLATE_NOOP("QuerySyntax", "Adds a label from a regular expression match of another") },
        { QStringLiteral("avg_over_time"), QT_TRANSLATE_NOOP("QuerySyntax", "Average of all values in the range") },
        { QStringLiteral("max_over_time"), QT_TRANSLATE_NOOP("QuerySyntax", "Maximum value in the range") },
        { QStringLiteral("min_over_time"), QT_TRANSLATE_NOOP("QuerySyntax", "Minimum value in the range") },
        { QStringLiteral("clamp_min"), QT_TRANSLATE_NOOP("QuerySyntax", "Values below min raised to min") },
        { QStringLiteral("clamp_max"), QT_TRANSLATE_NOOP("QuerySyntax", "Values above max lowered to max") },
    };
    static const QHash<QString, const char*> log = {
        { QStringLiteral("rate"), QT_TRANSLATE_NOOP("QuerySyntax", "Log lines per second over the range") },
        { QStringLiteral("count_over_time"),
            QT_TRANSLATE_NOOP("QuerySyntax", "Number of log lines in the range, per stream") },
        { QStringLiteral("bytes_rate"), QT_TRANSLATE_NOOP("QuerySyntax", "Bytes of log lines per second") },
        { QStringLiteral("bytes_over_time"), QT_TRANSLATE_NOOP("QuerySyntax", "Bytes of log lines in the range") },
        { QStringLiteral("sum"), QT_TRANSLATE_NOOP("QuerySyntax", "Sum over labels") },
        { QStringLiteral("topk"), QT_TRANSLATE_NOOP("QuerySyntax", "Largest k series by value") },
        { QStringLiteral("quantile_over_time"),
            QT_TRANSLATE_NOOP("QuerySyntax", "φ-quantile of an unwrapped label over the range") },
        { QStringLiteral("json"),
            QT_TRANSLATE_NOOP("QuerySyntax", "Parser: JSON fields become labels (nested keys joined with _)") },
        { QStringLiteral("logfmt"), QT_TRANSLATE_NOOP("QuerySyntax", "Parser: key=value pairs become labels") },
        { QStringLiteral("pattern"), QT_TRANSLATE_NOOP("QuerySyntax", "Parser: fields from a <name> pattern") },
        { QStringLiteral("regexp"), QT_TRANSLATE_NOOP("QuerySyntax", "Parser: named capture groups become labels") },
        { QStringLiteral("unpack"), QT_TRANSLATE_NOOP("QuerySyntax", "Parser: unpacks Promtail's packed JSON") },
        { QStringLiteral("line_format"), QT_TRANSLATE_NOOP("QuerySyntax", "Rewrites the line from a Go template") },
        { QStringLiteral("label_format"), QT_TRANSLATE_NOOP("QuerySyntax", "Renames or sets labels") },
        { QStringLiteral("unwrap"), QT_TRANSLATE_NOOP("QuerySyntax", "Uses a label's value as the sample value") },
        { QStringLiteral("keep"), QT_TRANSLATE_NOOP("QuerySyntax", "Keeps only the listed labels") },
        { QStringLiteral("drop"), QT_TRANSLATE_NOOP("QuerySyntax", "Drops the listed labels") },
        { QStringLiteral("decolorize"), QT_TRANSLATE_NOOP("QuerySyntax", "Strips ANSI colour codes") },
    };
    const auto& table = language == QueryLanguage::PromQL ? prom : log;
    const auto it = table.constFind(name);
    return it == table.constEnd() ? QString() : Text::tr(it.value());
}

} // namespace firebreak::analysis
