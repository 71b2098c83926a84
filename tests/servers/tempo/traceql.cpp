#include "traceql.h"

#include <QRegularExpression>

#include <charconv>
#include <cmath>

namespace firebreak::test::traceql {

namespace otlp = opentelemetry::proto;

namespace {

struct Token
{
    enum class Type
    {
        LBrace,
        RBrace,
        LParen,
        RParen,
        And,
        Or,
        Op,
        String,
        Number,
        Duration,
        Ident,
        Other, // structural operators, pipes…: outside the subset
        End,
    };
    Type type = Type::End;
    std::string text;
    Op op = Op::Eq;
    int column = 1; // 1-based, as Tempo reports it
};

bool identStart(char c)
{
    return std::isalpha(static_cast<unsigned char>(c)) || c == '_' || c == '.';
}

bool identChar(char c)
{
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == '-' || c == '/' || c == ':';
}

struct SyntaxError
{
    int column = 0;
    std::string unexpected;
};

std::vector<Token> lex(const std::string& s)
{
    std::vector<Token> tokens;
    std::size_t i = 0;
    while (true) {
        while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i])))
            ++i;
        Token t;
        t.column = static_cast<int>(i) + 1;
        if (i >= s.size()) {
            tokens.push_back(t);
            return tokens;
        }
        const char c = s[i];
        const char n = i + 1 < s.size() ? s[i + 1] : '\0';
        const auto two = [&](Token::Type type, Op op = Op::Eq) {
            t.type = type;
            t.op = op;
            t.text = s.substr(i, 2);
            i += 2;
        };
        const auto one = [&](Token::Type type, Op op = Op::Eq) {
            t.type = type;
            t.op = op;
            t.text = std::string(1, c);
            i += 1;
        };
        if (c == '{')
            one(Token::Type::LBrace);
        else if (c == '}')
            one(Token::Type::RBrace);
        else if (c == '(')
            one(Token::Type::LParen);
        else if (c == ')')
            one(Token::Type::RParen);
        else if (c == '&' && n == '&')
            two(Token::Type::And);
        else if (c == '|' && n == '|')
            two(Token::Type::Or);
        else if (c == '=' && n == '~')
            two(Token::Type::Op, Op::Regex);
        else if (c == '!' && n == '~')
            two(Token::Type::Op, Op::NotRegex);
        else if (c == '!' && n == '=')
            two(Token::Type::Op, Op::Ne);
        else if (c == '>' && n == '=')
            two(Token::Type::Op, Op::Ge);
        else if (c == '<' && n == '=')
            two(Token::Type::Op, Op::Le);
        else if (c == '>' && n == '>')
            two(Token::Type::Other);
        else if (c == '=')
            one(Token::Type::Op, Op::Eq);
        else if (c == '>')
            one(Token::Type::Op, Op::Gt);
        else if (c == '<')
            one(Token::Type::Op, Op::Lt);
        else if (c == '"' || c == '`') {
            const char quote = c;
            std::string text;
            std::size_t j = i + 1;
            while (j < s.size() && s[j] != quote) {
                if (s[j] == '\\' && quote == '"' && j + 1 < s.size()) {
                    ++j;
                    text += s[j] == 'n' ? '\n' : (s[j] == 't' ? '\t' : s[j]);
                } else {
                    text += s[j];
                }
                ++j;
            }
            if (j >= s.size())
                throw SyntaxError { t.column, "$end" };
            t.type = Token::Type::String;
            t.text = text;
            i = j + 1;
        } else if (std::isdigit(static_cast<unsigned char>(c))
            || (c == '-' && std::isdigit(static_cast<unsigned char>(n)))) {
            std::size_t j = i + 1;
            while (j < s.size() && (std::isdigit(static_cast<unsigned char>(s[j])) || s[j] == '.'))
                ++j;
            bool unit = false;
            while (j < s.size() && (std::isalnum(static_cast<unsigned char>(s[j])) || s[j] == '.')) {
                unit = unit || std::isalpha(static_cast<unsigned char>(s[j]));
                ++j;
            }
            t.type = unit ? Token::Type::Duration : Token::Type::Number;
            t.text = s.substr(i, j - i);
            i = j;
        } else if (identStart(c)) {
            std::size_t j = i + 1;
            while (j < s.size() && identChar(s[j]))
                ++j;
            t.type = Token::Type::Ident;
            t.text = s.substr(i, j - i);
            i = j;
        } else {
            one(Token::Type::Other);
        }
        tokens.push_back(std::move(t));
    }
}

const std::vector<std::string> Intrinsics
    = { "name", "status", "kind", "duration", "rootName", "rootServiceName", "traceDuration" };

class Parser
{
public:
    explicit Parser(std::vector<Token> tokens)
        : m_tokens(std::move(tokens))
    { }

    Query parse()
    {
        expect(Token::Type::LBrace);
        Query query;
        if (peek().type != Token::Type::RBrace)
            query.filter = orExpr();
        expect(Token::Type::RBrace);
        if (peek().type != Token::Type::End)
            unexpected(peek());
        query.fields = std::move(m_fields);
        return query;
    }

private:
    const Token& peek() const { return m_tokens[m_at]; }
    const Token& take() { return m_tokens[m_at++]; }

    [[noreturn]] static void unexpected(const Token& t)
    {
        throw SyntaxError { t.column, t.type == Token::Type::End ? "$end" : t.text };
    }

    const Token& expect(Token::Type type)
    {
        if (peek().type != type)
            unexpected(peek());
        return take();
    }

    std::shared_ptr<Expr> orExpr()
    {
        auto left = andExpr();
        while (peek().type == Token::Type::Or) {
            take();
            left = std::make_shared<Expr>(Expr { Expr::Kind::Or, nullptr, left, andExpr() });
        }
        return left;
    }

    std::shared_ptr<Expr> andExpr()
    {
        auto left = primary();
        while (peek().type == Token::Type::And) {
            take();
            left = std::make_shared<Expr>(Expr { Expr::Kind::And, nullptr, left, primary() });
        }
        return left;
    }

    std::shared_ptr<Expr> primary()
    {
        if (peek().type == Token::Type::LParen) {
            take();
            auto inner = orExpr();
            expect(Token::Type::RParen);
            return inner;
        }
        auto condition = std::make_shared<Condition>();
        condition->field = field(expect(Token::Type::Ident));
        condition->op = expect(Token::Type::Op).op;
        condition->value = value(take());
        return std::make_shared<Expr>(Expr { Expr::Kind::Condition, condition, nullptr, nullptr });
    }

    Field field(const Token& t)
    {
        Field f;
        const std::string& text = t.text;
        if (text.size() > 1 && text[0] == '.') {
            f = { Scope::Any, text.substr(1) };
        } else if (text.rfind("span.", 0) == 0 && text.size() > 5) {
            f = { Scope::Span, text.substr(5) };
        } else if (text.rfind("resource.", 0) == 0 && text.size() > 9) {
            f = { Scope::Resource, text.substr(9) };
        } else if (std::find(Intrinsics.begin(), Intrinsics.end(), text) != Intrinsics.end()) {
            f = { Scope::Intrinsic, text };
        } else {
            unexpected(t);
        }
        const bool known = std::any_of(m_fields.begin(), m_fields.end(),
            [&](const Field& seen) { return seen.scope == f.scope && seen.name == f.name; });
        if (!known)
            m_fields.push_back(f);
        return f;
    }

    static Value value(const Token& t)
    {
        Value v;
        switch (t.type) {
        case Token::Type::String:
            v.kind = Value::Kind::String;
            v.text = t.text;
            return v;
        case Token::Type::Number: {
            const char* end = t.text.data() + t.text.size();
            if (t.text.find('.') == std::string::npos) {
                v.kind = Value::Kind::Int;
                if (std::from_chars(t.text.data(), end, v.integer).ptr == end)
                    return v;
            } else {
                v.kind = Value::Kind::Float;
                if (std::from_chars(t.text.data(), end, v.number).ptr == end)
                    return v;
            }
            unexpected(t);
        }
        case Token::Type::Duration:
            if (const auto ns = parseDuration(t.text)) {
                v.kind = Value::Kind::DurationNs;
                v.integer = *ns;
                return v;
            }
            unexpected(t);
        case Token::Type::Ident: {
            static const std::vector<std::string> statuses = { "unset", "ok", "error" };
            static const std::vector<std::string> kinds
                = { "unspecified", "internal", "server", "client", "producer", "consumer" };
            if (const auto it = std::find(statuses.begin(), statuses.end(), t.text); it != statuses.end()) {
                v.kind = Value::Kind::Status;
                v.integer = it - statuses.begin();
                return v;
            }
            if (const auto it = std::find(kinds.begin(), kinds.end(), t.text); it != kinds.end()) {
                v.kind = Value::Kind::SpanKind;
                v.integer = it - kinds.begin();
                return v;
            }
            if (t.text == "true" || t.text == "false") {
                v.kind = Value::Kind::Bool;
                v.boolean = t.text == "true";
                return v;
            }
            unexpected(t);
        }
        default:
            unexpected(t);
        }
    }

    std::vector<Token> m_tokens;
    std::size_t m_at = 0;
    std::vector<Field> m_fields;
};

template <typename T> bool compare(Op op, const T& a, const T& b)
{
    switch (op) {
    case Op::Eq:
        return a == b;
    case Op::Ne:
        return a != b;
    case Op::Gt:
        return a > b;
    case Op::Ge:
        return a >= b;
    case Op::Lt:
        return a < b;
    case Op::Le:
        return a <= b;
    case Op::Regex:
    case Op::NotRegex:
        return false;
    }
    return false;
}

bool compareText(Op op, const std::string& actual, const std::string& wanted)
{
    if (op == Op::Regex || op == Op::NotRegex) {
        const QRegularExpression re(QRegularExpression::anchoredPattern(QString::fromStdString(wanted)));
        const bool hit = re.isValid() && re.match(QString::fromStdString(actual)).hasMatch();
        return op == Op::Regex ? hit : !hit;
    }
    return compare(op, actual, wanted);
}

const otlp::common::v1::AnyValue* findAttribute(
    const google::protobuf::RepeatedPtrField<otlp::common::v1::KeyValue>& attributes, const std::string& key)
{
    for (const auto& kv : attributes) {
        if (kv.key() == key)
            return &kv.value();
    }
    return nullptr;
}

const otlp::common::v1::AnyValue* attribute(const Field& field, const SpanView& view)
{
    if (field.scope == Scope::Span || field.scope == Scope::Any) {
        if (const auto* value = findAttribute(view.span->attributes(), field.name))
            return value;
    }
    if ((field.scope == Scope::Resource || field.scope == Scope::Any) && view.resource)
        return findAttribute(view.resource->attributes(), field.name);
    return nullptr;
}

bool compareValue(Op op, const otlp::common::v1::AnyValue& actual, const Value& wanted)
{
    using V = otlp::common::v1::AnyValue;
    switch (actual.value_case()) {
    case V::kStringValue:
        return wanted.kind == Value::Kind::String && compareText(op, actual.string_value(), wanted.text);
    case V::kIntValue:
        if (wanted.kind == Value::Kind::Int)
            return compare<qint64>(op, actual.int_value(), wanted.integer);
        if (wanted.kind == Value::Kind::Float)
            return compare<double>(op, static_cast<double>(actual.int_value()), wanted.number);
        return false;
    case V::kDoubleValue:
        if (wanted.kind == Value::Kind::Float)
            return compare<double>(op, actual.double_value(), wanted.number);
        if (wanted.kind == Value::Kind::Int)
            return compare<double>(op, actual.double_value(), static_cast<double>(wanted.integer));
        return false;
    case V::kBoolValue:
        return wanted.kind == Value::Kind::Bool && (op == Op::Eq || op == Op::Ne)
            && compare(op, actual.bool_value(), wanted.boolean);
    default:
        return false;
    }
}

bool evaluate(const Condition& c, const SpanView& view)
{
    const otlp::trace::v1::Span& span = *view.span;
    if (c.field.scope != Scope::Intrinsic) {
        const auto* value = attribute(c.field, view);
        return value && compareValue(c.op, *value, c.value);
    }
    const std::string& name = c.field.name;
    const qint64 durationNs = static_cast<qint64>(span.end_time_unix_nano() - span.start_time_unix_nano());
    if (name == "name")
        return c.value.kind == Value::Kind::String && compareText(c.op, span.name(), c.value.text);
    if (name == "rootName")
        return c.value.kind == Value::Kind::String && compareText(c.op, view.rootName.toStdString(), c.value.text);
    if (name == "rootServiceName") {
        return c.value.kind == Value::Kind::String
            && compareText(c.op, view.rootServiceName.toStdString(), c.value.text);
    }
    if (name == "status")
        return c.value.kind == Value::Kind::Status && compare<qint64>(c.op, span.status().code(), c.value.integer);
    if (name == "kind")
        return c.value.kind == Value::Kind::SpanKind && compare<qint64>(c.op, span.kind(), c.value.integer);
    if (name == "duration" || name == "traceDuration") {
        const qint64 actual = name == "duration" ? durationNs : view.traceDurationNs;
        if (c.value.kind == Value::Kind::DurationNs || c.value.kind == Value::Kind::Int)
            return compare<qint64>(c.op, actual, c.value.integer);
        return false;
    }
    return false;
}

bool evaluate(const Expr& e, const SpanView& view)
{
    switch (e.kind) {
    case Expr::Kind::Condition:
        return evaluate(*e.condition, view);
    case Expr::Kind::And:
        return evaluate(*e.left, view) && evaluate(*e.right, view);
    case Expr::Kind::Or:
        return evaluate(*e.left, view) || evaluate(*e.right, view);
    }
    return false;
}

} // namespace

bool Query::matches(const SpanView& span) const
{
    return !filter || evaluate(*filter, span);
}

std::variant<Query, QString> parse(const QString& text)
{
    try {
        Parser parser(lex(text.toStdString()));
        return parser.parse();
    } catch (const SyntaxError& e) {
        return QStringLiteral("invalid TraceQL query: parse error at line 1, col %1: syntax error: unexpected %2")
            .arg(e.column)
            .arg(QString::fromStdString(e.unexpected));
    }
}

std::optional<qint64> parseDuration(std::string_view text)
{
    if (text.empty())
        return std::nullopt;
    double total = 0;
    std::size_t i = 0;
    const bool negative = text[0] == '-';
    if (negative)
        ++i;
    while (i < text.size()) {
        std::size_t j = i;
        while (j < text.size() && (std::isdigit(static_cast<unsigned char>(text[j])) || text[j] == '.'))
            ++j;
        double number = 0;
        if (j == i || std::from_chars(text.data() + i, text.data() + j, number).ptr != text.data() + j)
            return std::nullopt;
        std::size_t k = j;
        while (k < text.size() && !std::isdigit(static_cast<unsigned char>(text[k])) && text[k] != '.')
            ++k;
        const std::string_view unit = text.substr(j, k - j);
        double scale = 0;
        if (unit == "ns")
            scale = 1;
        else if (unit == "us" || unit == "\xC2\xB5s")
            scale = 1e3;
        else if (unit == "ms")
            scale = 1e6;
        else if (unit == "s")
            scale = 1e9;
        else if (unit == "m")
            scale = 60e9;
        else if (unit == "h")
            scale = 3600e9;
        else
            return std::nullopt;
        total += number * scale;
        i = k;
    }
    return static_cast<qint64>(std::llround(negative ? -total : total));
}

std::optional<otlp::common::v1::AnyValue> fieldValue(const Field& field, const SpanView& view)
{
    otlp::common::v1::AnyValue out;
    if (field.scope != Scope::Intrinsic) {
        if (const auto* value = attribute(field, view))
            return *value;
        return std::nullopt;
    }
    static const char* const Statuses[] = { "unset", "ok", "error" };
    static const char* const Kinds[] = { "unspecified", "internal", "server", "client", "producer", "consumer" };
    if (field.name == "status") {
        const int code = view.span->status().code();
        out.set_string_value(code >= 0 && code <= 2 ? Statuses[code] : "unset");
        return out;
    }
    if (field.name == "kind") {
        const int kind = view.span->kind();
        out.set_string_value(kind >= 0 && kind <= 5 ? Kinds[kind] : "unspecified");
        return out;
    }
    return std::nullopt; // name and duration are fields of the span in the answer, not attributes
}

} // namespace firebreak::test::traceql
