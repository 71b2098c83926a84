#include "logql.h"

#include <QRegularExpression>
#include <QSet>

#include <nlohmann/json.hpp>

#include <charconv>
#include <cmath>
#include <string>

namespace firebreak::test::logql {

namespace {

// Keywords of LogQL that the subset does not evaluate: they are valid LogQL, so the answer says that
// fake-loki lacks them instead of pretending a syntax error.
const QSet<QString>& unsupportedKeywords()
{
    static const QSet<QString> words {
        QStringLiteral("line_format"),
        QStringLiteral("label_format"),
        QStringLiteral("regexp"),
        QStringLiteral("pattern"),
        QStringLiteral("unpack"),
        QStringLiteral("unwrap"),
        QStringLiteral("drop"),
        QStringLiteral("keep"),
        QStringLiteral("decolorize"),
        QStringLiteral("distinct"),
        QStringLiteral("ip"),
        QStringLiteral("offset"),
        QStringLiteral("topk"),
        QStringLiteral("bottomk"),
        QStringLiteral("stddev"),
        QStringLiteral("stdvar"),
        QStringLiteral("sort"),
        QStringLiteral("sort_desc"),
        QStringLiteral("sum_over_time"),
        QStringLiteral("avg_over_time"),
        QStringLiteral("max_over_time"),
        QStringLiteral("min_over_time"),
        QStringLiteral("first_over_time"),
        QStringLiteral("last_over_time"),
        QStringLiteral("stdvar_over_time"),
        QStringLiteral("stddev_over_time"),
        QStringLiteral("quantile_over_time"),
        QStringLiteral("absent_over_time"),
        QStringLiteral("rate_counter"),
        QStringLiteral("label_replace"),
        QStringLiteral("vector"),
    };
    return words;
}

const QSet<QString>& keywords()
{
    static const QSet<QString> words {
        QStringLiteral("by"),
        QStringLiteral("without"),
        QStringLiteral("json"),
        QStringLiteral("logfmt"),
        QStringLiteral("count_over_time"),
        QStringLiteral("rate"),
        QStringLiteral("bytes_over_time"),
        QStringLiteral("bytes_rate"),
        QStringLiteral("sum"),
        QStringLiteral("count"),
        QStringLiteral("min"),
        QStringLiteral("max"),
        QStringLiteral("avg"),
        QStringLiteral("and"),
        QStringLiteral("or"),
    };
    return words;
}

struct Token
{
    enum class Type
    {
        End,
        Identifier,
        Keyword,
        String,
        Number,
        Range,
        Symbol,
    };
    Type type = Type::End;
    QString text;
    double number = 0;
    qint64 rangeMs = 0;
    // Where Go's text/scanner puts it, as Loki reports it: the column of the token's first character;
    // line 0 after a two-character operator (the lexer's Next() invalidates the line), else 1.
    int line = 1;
    int column = 0;

    /// The name goyacc prints in "unexpected …".
    QString name() const
    {
        switch (type) {
        case Type::End:
            return QStringLiteral("$end");
        case Type::Identifier:
            return QStringLiteral("IDENTIFIER");
        case Type::String:
            return QStringLiteral("STRING");
        case Type::Number:
            return QStringLiteral("NUMBER");
        case Type::Range:
            return QStringLiteral("RANGE");
        case Type::Keyword:
        case Type::Symbol:
            return text;
        }
        return {};
    }
    bool is(const char* symbol) const
    {
        return (type == Type::Symbol || type == Type::Keyword) && text == QLatin1String(symbol);
    }
};

struct SyntaxError
{
    QString message; // the whole answer body
};

QString positioned(int line, int column, const QString& message)
{
    if (line == 0 && column == 0)
        return QStringLiteral("parse error : ") + message;
    return QStringLiteral("parse error at line %1, col %2: %3").arg(line).arg(column).arg(message);
}

[[noreturn]] void unexpected(const Token& token, const QString& expecting = {})
{
    QString message = QStringLiteral("syntax error: unexpected ") + token.name();
    if (!expecting.isEmpty())
        message += QStringLiteral(", expecting ") + expecting;
    throw SyntaxError { positioned(token.line, token.column, message) };
}

std::optional<QString> unquote(const QString& body, QChar quote)
{
    if (quote == u'`')
        return body;
    QString out;
    for (qsizetype i = 0; i < body.size(); ++i) {
        const QChar c = body.at(i);
        if (c != u'\\') {
            out += c;
            continue;
        }
        if (++i >= body.size())
            return std::nullopt;
        const QChar e = body.at(i);
        switch (e.unicode()) {
        case u'n':
            out += u'\n';
            break;
        case u't':
            out += u'\t';
            break;
        case u'r':
            out += u'\r';
            break;
        case u'\\':
        case u'"':
        case u'\'':
            out += e;
            break;
        case u'u': {
            bool ok = false;
            const uint code = body.mid(i + 1, 4).toUInt(&ok, 16);
            if (!ok || body.mid(i + 1, 4).size() != 4)
                return std::nullopt;
            out += QChar(static_cast<char16_t>(code));
            i += 4;
            break;
        }
        default:
            return std::nullopt; // Go's strconv.Unquote refuses unknown escapes
        }
    }
    return out;
}

class Lexer
{
public:
    explicit Lexer(const QString& text)
        : m_text(text)
    { }

    Token next()
    {
        while (m_pos < m_text.size() && m_text.at(m_pos).isSpace())
            ++m_pos;
        Token token;
        token.column = static_cast<int>(columnOf(m_pos));
        if (m_pos >= m_text.size()) {
            // text/scanner puts the end where the last character was read.
            token.type = Token::Type::End;
            token.column = static_cast<int>(columnOf(m_text.size())) - 1;
            if (token.column <= 0)
                token.line = 0, token.column = 0;
            return token;
        }
        const QChar c = m_text.at(m_pos);
        if (c.isLetter() || c == u'_') {
            const qsizetype start = m_pos;
            while (m_pos < m_text.size() && (m_text.at(m_pos).isLetterOrNumber() || m_text.at(m_pos) == u'_'))
                ++m_pos;
            token.text = m_text.mid(start, m_pos - start);
            token.type = keywords().contains(token.text) ? Token::Type::Keyword : Token::Type::Identifier;
            return token;
        }
        if (c.isDigit()) {
            const qsizetype start = m_pos;
            while (m_pos < m_text.size() && (m_text.at(m_pos).isDigit() || m_text.at(m_pos) == u'.'))
                ++m_pos;
            if (m_pos < m_text.size() && m_text.at(m_pos).isLetter()) {
                throw SyntaxError { QStringLiteral("fake-loki does not implement duration and byte values in label "
                                                   "filters (see tests/README.md)") };
            }
            bool ok = false;
            token.number = m_text.mid(start, m_pos - start).toDouble(&ok);
            if (!ok)
                unexpected(token);
            token.type = Token::Type::Number;
            token.text = m_text.mid(start, m_pos - start);
            return token;
        }
        if (c == u'"' || c == u'`') {
            const qsizetype start = ++m_pos;
            while (m_pos < m_text.size() && m_text.at(m_pos) != c) {
                if (c == u'"' && m_text.at(m_pos) == u'\\')
                    ++m_pos;
                ++m_pos;
            }
            if (m_pos >= m_text.size())
                throw SyntaxError { positioned(1, token.column, QStringLiteral("literal not terminated")) };
            const auto value = unquote(m_text.mid(start, m_pos - start), c);
            ++m_pos;
            if (!value)
                throw SyntaxError { positioned(1, token.column, QStringLiteral("invalid syntax")) };
            token.type = Token::Type::String;
            token.text = *value;
            return token;
        }
        if (c == u'[') {
            // Loki's lexer reads a whole range "[5m]" as one token.
            const qsizetype close = m_text.indexOf(u']', m_pos);
            if (close < 0)
                throw SyntaxError { positioned(1, token.column, QStringLiteral("missing closing ']' in duration")) };
            const QString inside = m_text.mid(m_pos + 1, close - m_pos - 1).trimmed();
            const auto ms = parseDurationMs(inside);
            if (!ms) {
                throw SyntaxError { positioned(
                    1, token.column, QStringLiteral("time: invalid duration \"%1\"").arg(inside)) };
            }
            m_pos = close + 1;
            token.type = Token::Type::Range;
            token.rangeMs = *ms;
            return token;
        }
        static const QStringList twoChar { QStringLiteral("|="), QStringLiteral("|~"), QStringLiteral("!="),
            QStringLiteral("!~"), QStringLiteral("=~"), QStringLiteral("=="), QStringLiteral(">="),
            QStringLiteral("<=") };
        const QString pair = m_text.mid(m_pos, 2);
        token.type = Token::Type::Symbol;
        if (twoChar.contains(pair)) {
            token.text = pair;
            token.line = 0;
            m_pos += 2;
            return token;
        }
        static const QString single = QStringLiteral("{}(),|=<>");
        if (single.contains(c)) {
            token.text = c;
            ++m_pos;
            return token;
        }
        throw SyntaxError { positioned(1, token.column, QStringLiteral("unexpected character: %1").arg(c)) };
    }

private:
    qsizetype columnOf(qsizetype pos) const
    {
        const qsizetype lineStart = m_text.lastIndexOf(u'\n', pos - 1) + 1;
        return pos - lineStart + 1;
    }

    const QString& m_text;
    qsizetype m_pos = 0;
};

class Parser
{
public:
    explicit Parser(const QString& text)
        : m_lexer(text)
    {
        m_token = m_lexer.next();
    }

    Query query()
    {
        Query q;
        if (m_token.is("{")) {
            q.logs = logSelector(nullptr);
        } else if (isRangeOp(m_token) || isVectorOp(m_token)) {
            q.metric = true;
            metric(q);
            q.logs = q.range.selector;
        } else {
            refuseUnsupported();
            unexpected(m_token);
        }
        if (m_token.type != Token::Type::End)
            unexpected(m_token);
        return q;
    }

    LogSelector selectorOnly()
    {
        if (!m_token.is("{"))
            unexpected(m_token, QStringLiteral("{"));
        LogSelector selector;
        selector.matchers = matchers();
        if (m_token.type != Token::Type::End)
            throw SyntaxError { QStringLiteral("only label matchers are supported") };
        return selector;
    }

private:
    void advance() { m_token = m_lexer.next(); }

    void refuseUnsupported() const
    {
        if (m_token.type == Token::Type::Identifier && unsupportedKeywords().contains(m_token.text)) {
            throw SyntaxError {
                QStringLiteral("fake-loki does not implement \"%1\" (see tests/README.md)").arg(m_token.text)
            };
        }
    }

    void expect(const char* symbol, const QString& expecting = {})
    {
        if (!m_token.is(symbol))
            unexpected(m_token, expecting.isEmpty() ? QLatin1String(symbol) : expecting);
        advance();
    }

    static bool isRangeOp(const Token& t)
    {
        return t.is("count_over_time") || t.is("rate") || t.is("bytes_over_time") || t.is("bytes_rate");
    }
    static bool isVectorOp(const Token& t)
    {
        return t.is("sum") || t.is("count") || t.is("min") || t.is("max") || t.is("avg");
    }

    QList<Matcher> matchers()
    {
        expect("{");
        QList<Matcher> list;
        while (true) {
            if (m_token.type != Token::Type::Identifier && m_token.type != Token::Type::Keyword)
                unexpected(m_token, QStringLiteral("IDENTIFIER"));
            Matcher m;
            m.name = m_token.text;
            advance();
            if (m_token.is("="))
                m.op = Matcher::Op::Equal;
            else if (m_token.is("!="))
                m.op = Matcher::Op::NotEqual;
            else if (m_token.is("=~"))
                m.op = Matcher::Op::Regex;
            else if (m_token.is("!~"))
                m.op = Matcher::Op::NotRegex;
            else
                unexpected(m_token, QStringLiteral("= or =~ or !~ or !="));
            const Token op = m_token;
            advance();
            if (m_token.type != Token::Type::String)
                unexpected(m_token, QStringLiteral("STRING"));
            m.value = m_token.text;
            if (m.op == Matcher::Op::Regex || m.op == Matcher::Op::NotRegex)
                m.regex = anchored(m.value, op);
            list << m;
            advance();
            if (m_token.is("}")) {
                advance();
                return list;
            }
            if (!m_token.is(","))
                unexpected(m_token, QStringLiteral("} or ,"));
            advance();
        }
    }

    static QRegularExpression anchored(const QString& pattern, const Token& at)
    {
        QRegularExpression re(
            QStringLiteral("^(?:") + pattern + QStringLiteral(")$"), QRegularExpression::DotMatchesEverythingOption);
        if (!re.isValid()) {
            throw SyntaxError { positioned(
                at.line, at.column, QStringLiteral("error parsing regexp: %1: `%2`").arg(re.errorString(), pattern)) };
        }
        return re;
    }

    /// A selector and its pipeline; inside a range aggregation the range may come right after the selector
    /// or after the pipeline.
    LogSelector logSelector(qint64* rangeMs)
    {
        LogSelector selector;
        selector.matchers = matchers();
        while (true) {
            if (rangeMs && m_token.type == Token::Type::Range && *rangeMs == 0) {
                *rangeMs = m_token.rangeMs;
                advance();
                continue;
            }
            if (m_token.is("|=") || m_token.is("!=") || m_token.is("|~") || m_token.is("!~")) {
                Stage stage;
                const Token op = m_token;
                stage.kind = op.is("|=") ? Stage::Kind::LineContains
                    : op.is("!=")        ? Stage::Kind::LineNotContains
                    : op.is("|~")        ? Stage::Kind::LineRegex
                                         : Stage::Kind::LineNotRegex;
                advance();
                if (m_token.type != Token::Type::String)
                    unexpected(m_token, QStringLiteral("STRING"));
                stage.text = m_token.text.toUtf8();
                if (stage.kind == Stage::Kind::LineRegex || stage.kind == Stage::Kind::LineNotRegex) {
                    stage.regex = QRegularExpression(m_token.text);
                    if (!stage.regex.isValid()) {
                        throw SyntaxError { positioned(op.line, op.column,
                            QStringLiteral("error parsing regexp: %1: `%2`")
                                .arg(stage.regex.errorString(), m_token.text)) };
                    }
                }
                selector.stages << stage;
                advance();
                if (m_token.is("or"))
                    throw SyntaxError { QStringLiteral("fake-loki does not implement \"or\" in line filters") };
                continue;
            }
            if (m_token.is("|")) {
                advance();
                selector.stages << stage();
                continue;
            }
            return selector;
        }
    }

    Stage stage()
    {
        Stage stage;
        if (m_token.is("json") || m_token.is("logfmt")) {
            stage.kind = m_token.is("json") ? Stage::Kind::Json : Stage::Kind::Logfmt;
            advance();
            if (m_token.type == Token::Type::Identifier) {
                throw SyntaxError { QStringLiteral("fake-loki does not implement parameters of json and logfmt") };
            }
            return stage;
        }
        refuseUnsupported();
        if (m_token.type != Token::Type::Identifier)
            unexpected(m_token);
        stage.kind = Stage::Kind::LabelFilter;
        stage.label = m_token.text;
        advance();
        const Token op = m_token;
        using C = Stage::Compare;
        const QList<QPair<const char*, C>> ops { { "=", C::Equal }, { "!=", C::NotEqual }, { "=~", C::Regex },
            { "!~", C::NotRegex }, { ">", C::Greater }, { ">=", C::GreaterOrEqual }, { "<", C::Less },
            { "<=", C::LessOrEqual }, { "==", C::NumberEqual } };
        bool found = false;
        for (const auto& [symbol, compare] : ops) {
            if (op.is(symbol)) {
                stage.compare = compare;
                found = true;
            }
        }
        if (!found)
            unexpected(op);
        advance();
        if (m_token.type == Token::Type::Number) {
            if (stage.compare == C::Regex || stage.compare == C::NotRegex || stage.compare == C::Equal)
                unexpected(m_token);
            if (stage.compare == C::NotEqual)
                stage.compare = C::NumberNotEqual;
            stage.number = m_token.number;
        } else if (m_token.type == Token::Type::String) {
            if (stage.compare != C::Equal && stage.compare != C::NotEqual && stage.compare != C::Regex
                && stage.compare != C::NotRegex) {
                unexpected(m_token);
            }
            stage.value = m_token.text;
            if (stage.compare == C::Regex || stage.compare == C::NotRegex)
                stage.regex = anchored(stage.value, op);
        } else {
            unexpected(m_token);
        }
        advance();
        if (m_token.is("and") || m_token.is("or") || m_token.is(","))
            throw SyntaxError { QStringLiteral("fake-loki does not implement chained label filters; use | a | b") };
        return stage;
    }

    void metric(Query& q)
    {
        if (isVectorOp(m_token)) {
            VectorAggregation aggregation;
            aggregation.op = m_token.is("sum") ? VectorAggregation::Op::Sum
                : m_token.is("count")          ? VectorAggregation::Op::Count
                : m_token.is("min")            ? VectorAggregation::Op::Min
                : m_token.is("max")            ? VectorAggregation::Op::Max
                                               : VectorAggregation::Op::Avg;
            advance();
            grouping(aggregation);
            expect("(");
            metric(q);
            expect(")");
            grouping(aggregation);
            q.aggregations << aggregation; // after the inner ones: innermost first
            return;
        }
        refuseUnsupported();
        if (!isRangeOp(m_token))
            unexpected(m_token);
        q.range.op = m_token.is("count_over_time") ? RangeAggregation::Op::CountOverTime
            : m_token.is("rate")                   ? RangeAggregation::Op::Rate
            : m_token.is("bytes_over_time")        ? RangeAggregation::Op::BytesOverTime
                                                   : RangeAggregation::Op::BytesRate;
        advance();
        expect("(");
        if (!m_token.is("{"))
            unexpected(m_token);
        qint64 range = 0;
        q.range.selector = logSelector(&range);
        if (range == 0) {
            if (m_token.type != Token::Type::Range)
                unexpected(m_token, QStringLiteral("RANGE"));
            range = m_token.rangeMs;
            advance();
        }
        q.range.rangeMs = range;
        expect(")");
    }

    void grouping(VectorAggregation& aggregation)
    {
        if (!m_token.is("by") && !m_token.is("without"))
            return;
        if (aggregation.grouped)
            unexpected(m_token);
        aggregation.grouped = true;
        aggregation.without = m_token.is("without");
        advance();
        expect("(");
        while (!m_token.is(")")) {
            if (m_token.type != Token::Type::Identifier && m_token.type != Token::Type::Keyword)
                unexpected(m_token, QStringLiteral("IDENTIFIER"));
            aggregation.labels << m_token.text;
            advance();
            if (m_token.is(","))
                advance();
            else if (!m_token.is(")"))
                unexpected(m_token, QStringLiteral(") or ,"));
        }
        advance();
    }

    Lexer m_lexer;
    Token m_token;
};

/// Loki refuses selectors that would match every stream.
void checkSelects(const LogSelector& selector)
{
    for (const Matcher& m : selector.matchers) {
        if (m.op == Matcher::Op::Equal && !m.value.isEmpty())
            return;
        if (m.op == Matcher::Op::Regex && !m.regex.match(QString()).hasMatch())
            return;
    }
    throw SyntaxError { positioned(0, 0,
        QStringLiteral("queries require at least one regexp or equality matcher that does not have an "
                       "empty-compatible value. For instance, app=~\".*\" does not meet this requirement, but "
                       "app=~\".+\" will")) };
}

QString sanitizeKey(const QString& key)
{
    QString out = key;
    for (QChar& c : out) {
        if (!(c.isLetterOrNumber() && c.unicode() < 128) && c != u'_')
            c = u'_';
    }
    if (!out.isEmpty() && out.at(0).isDigit())
        out.prepend(u'_');
    return out;
}

void addParsed(
    Labels& parsed, const Labels& stream, const Labels& metadata, const QString& rawKey, const QString& value)
{
    QString key = sanitizeKey(rawKey);
    if (key.isEmpty())
        return;
    if (stream.contains(key) || metadata.contains(key))
        key += QStringLiteral("_extracted");
    if (!parsed.contains(key))
        parsed.insert(key, value);
}

void flattenJson(
    const nlohmann::json& object, const QString& prefix, Labels& parsed, const Labels& stream, const Labels& metadata)
{
    for (const auto& [name, value] : object.items()) {
        const QString key
            = prefix.isEmpty() ? QString::fromStdString(name) : prefix + u'_' + QString::fromStdString(name);
        if (value.is_object()) {
            flattenJson(value, key, parsed, stream, metadata);
        } else if (value.is_string()) {
            addParsed(parsed, stream, metadata, key, QString::fromStdString(value.get<std::string>()));
        } else if (value.is_number() || value.is_boolean()) {
            addParsed(parsed, stream, metadata, key, QString::fromStdString(value.dump()));
        } else if (value.is_null()) {
            addParsed(parsed, stream, metadata, key, QString());
        } // arrays are skipped, as Loki's json parser does without parameters
    }
}

bool parseJsonLine(QByteArrayView line, Labels& parsed, const Labels& stream, const Labels& metadata)
{
    const auto doc = nlohmann::json::parse(line.begin(), line.end(), nullptr, false);
    if (doc.is_discarded() || !doc.is_object())
        return false;
    flattenJson(doc, {}, parsed, stream, metadata);
    return true;
}

bool parseLogfmtLine(QByteArrayView bytes, Labels& parsed, const Labels& stream, const Labels& metadata)
{
    const QString line = QString::fromUtf8(bytes);
    qsizetype i = 0;
    const qsizetype n = line.size();
    while (i < n) {
        while (i < n && line.at(i).isSpace())
            ++i;
        if (i >= n)
            break;
        const qsizetype keyStart = i;
        while (i < n && line.at(i) != u'=' && !line.at(i).isSpace())
            ++i;
        const QString key = line.mid(keyStart, i - keyStart);
        QString value;
        if (i < n && line.at(i) == u'=') {
            ++i;
            if (i < n && line.at(i) == u'"') {
                ++i;
                while (i < n && line.at(i) != u'"') {
                    if (line.at(i) == u'\\' && i + 1 < n)
                        ++i;
                    value += line.at(i++);
                }
                if (i >= n)
                    return false; // unterminated quote
                ++i;
            } else {
                const qsizetype valueStart = i;
                while (i < n && !line.at(i).isSpace())
                    ++i;
                value = line.mid(valueStart, i - valueStart);
            }
        }
        if (key.isEmpty())
            return false;
        addParsed(parsed, stream, metadata, key, value);
    }
    return true;
}

std::optional<double> goFloat(const QString& text)
{
    const std::string s = text.trimmed().toStdString();
    if (s.empty() || s.size() != static_cast<std::size_t>(text.size()))
        return std::nullopt;
    double value = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (ec != std::errc() || end != s.data() + s.size())
        return std::nullopt;
    return value;
}

} // namespace

bool Matcher::matches(const QString& labelValue) const
{
    switch (op) {
    case Op::Equal:
        return labelValue == value;
    case Op::NotEqual:
        return labelValue != value;
    case Op::Regex:
        return regex.match(labelValue).hasMatch();
    case Op::NotRegex:
        return !regex.match(labelValue).hasMatch();
    }
    return false;
}

bool LogSelector::selects(const Labels& streamLabels) const
{
    for (const Matcher& m : matchers) {
        if (!m.matches(streamLabels.value(m.name)))
            return false;
    }
    return true;
}

LineOutcome runPipeline(const LogSelector& selector, const Labels& stream, const Labels& metadata, QByteArrayView line)
{
    LineOutcome out;
    const auto labelValue = [&](const QString& name) {
        if (out.parsed.contains(name))
            return out.parsed.value(name);
        if (metadata.contains(name))
            return metadata.value(name);
        return stream.value(name);
    };
    const auto hasLabel = [&](const QString& name) {
        return out.parsed.contains(name) || metadata.contains(name) || stream.contains(name);
    };
    const QString errorLabel = QStringLiteral("__error__");
    for (const Stage& stage : selector.stages) {
        switch (stage.kind) {
        case Stage::Kind::LineContains:
            if (!line.contains(QByteArrayView(stage.text)))
                return out;
            break;
        case Stage::Kind::LineNotContains:
            if (line.contains(QByteArrayView(stage.text)))
                return out;
            break;
        case Stage::Kind::LineRegex:
            if (!stage.regex.match(QString::fromUtf8(line)).hasMatch())
                return out;
            break;
        case Stage::Kind::LineNotRegex:
            if (stage.regex.match(QString::fromUtf8(line)).hasMatch())
                return out;
            break;
        case Stage::Kind::Json:
            if (!out.parsed.contains(errorLabel) && !parseJsonLine(line, out.parsed, stream, metadata))
                out.parsed.insert(errorLabel, QStringLiteral("JSONParserErr"));
            break;
        case Stage::Kind::Logfmt:
            if (!out.parsed.contains(errorLabel) && !parseLogfmtLine(line, out.parsed, stream, metadata))
                out.parsed.insert(errorLabel, QStringLiteral("LogfmtParserErr"));
            break;
        case Stage::Kind::LabelFilter: {
            using C = Stage::Compare;
            const bool numeric = stage.compare != C::Equal && stage.compare != C::NotEqual && stage.compare != C::Regex
                && stage.compare != C::NotRegex;
            // As Loki: a line with an error passes every filter but one on __error__ itself.
            if (stage.label != errorLabel && out.parsed.contains(errorLabel))
                break;
            if (!numeric) {
                const QString value = labelValue(stage.label);
                const bool match = stage.compare == C::Equal ? value == stage.value
                    : stage.compare == C::NotEqual           ? value != stage.value
                    : stage.compare == C::Regex              ? stage.regex.match(value).hasMatch()
                                                             : !stage.regex.match(value).hasMatch();
                if (!match)
                    return out;
                break;
            }
            if (!hasLabel(stage.label))
                return out;
            const auto number = goFloat(labelValue(stage.label));
            if (!number) {
                out.parsed.insert(errorLabel, QStringLiteral("LabelFilterErr"));
                break;
            }
            const double v = *number;
            const bool match = stage.compare == C::Greater ? v > stage.number
                : stage.compare == C::GreaterOrEqual       ? v >= stage.number
                : stage.compare == C::Less                 ? v < stage.number
                : stage.compare == C::LessOrEqual          ? v <= stage.number
                : stage.compare == C::NumberEqual          ? v == stage.number
                                                           : v != stage.number;
            if (!match)
                return out;
            break;
        }
        }
    }
    out.keep = true;
    return out;
}

ParseOutcome parse(const QString& text)
{
    ParseOutcome outcome;
    try {
        Parser parser(text);
        Query q = parser.query();
        checkSelects(q.logs);
        outcome.query = std::move(q);
    } catch (const SyntaxError& e) {
        outcome.error = e.message;
    }
    return outcome;
}

ParseOutcome parseSelector(const QString& text)
{
    ParseOutcome outcome;
    try {
        Parser parser(text);
        Query q;
        q.logs = parser.selectorOnly();
        checkSelects(q.logs);
        outcome.query = std::move(q);
    } catch (const SyntaxError& e) {
        outcome.error = e.message;
    }
    return outcome;
}

std::optional<qint64> parseDurationMs(const QString& text)
{
    static const QRegularExpression whole(QStringLiteral("^(\\d+(\\.\\d+)?(ns|us|µs|ms|s|m|h|d|w|y))+$"));
    static const QRegularExpression part(QStringLiteral("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|m|h|d|w|y)"));
    if (!whole.match(text).hasMatch())
        return std::nullopt;
    double total = 0;
    for (auto it = part.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        const QString unit = m.captured(2);
        const double factor = unit == QLatin1String("ns")                   ? 1e-6
            : (unit == QLatin1String("us") || unit == QStringLiteral("µs")) ? 1e-3
            : unit == QLatin1String("ms")                                   ? 1
            : unit == QLatin1String("s")                                    ? 1e3
            : unit == QLatin1String("m")                                    ? 6e4
            : unit == QLatin1String("h")                                    ? 3.6e6
            : unit == QLatin1String("d")                                    ? 8.64e7
            : unit == QLatin1String("w")                                    ? 6.048e8
                                                                            : 3.1536e10;
        total += m.captured(1).toDouble() * factor;
    }
    if (!std::isfinite(total) || total > 9e15)
        return std::nullopt;
    return static_cast<qint64>(std::llround(total));
}

} // namespace firebreak::test::logql
