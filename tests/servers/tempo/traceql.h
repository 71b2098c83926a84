#pragma once

// The TraceQL that fake-tempo understands: one spanset `{ … }` of conditions joined by && and || (with
// parentheses), on intrinsics (name, status, kind, duration, rootName, rootServiceName, traceDuration) and
// attributes (.a, span.a, resource.a) with = != > >= < <= =~ !~. Errors read like Tempo 2.2's.

#include "opentelemetry/proto/trace/v1/trace.pb.h"

#include <QString>

#include <memory>
#include <optional>
#include <variant>
#include <vector>

namespace firebreak::test::traceql {

/// What a condition sees of one span.
struct SpanView
{
    const opentelemetry::proto::trace::v1::Span* span = nullptr;
    const opentelemetry::proto::resource::v1::Resource* resource = nullptr;
    QString rootName;
    QString rootServiceName;
    qint64 traceDurationNs = 0;
};

enum class Op
{
    Eq,
    Ne,
    Gt,
    Ge,
    Lt,
    Le,
    Regex,
    NotRegex,
};

enum class Scope
{
    Intrinsic,
    Any, // .name: span, then resource
    Span,
    Resource,
};

struct Field
{
    Scope scope = Scope::Any;
    std::string name; // the attribute, or the intrinsic's name
    /// How Tempo names it in search results ("service.name", "status").
    QString resultKey() const { return QString::fromStdString(name); }
};

struct Value
{
    enum class Kind
    {
        String,
        Int,
        Float,
        Bool,
        DurationNs,
        Status, // error, ok, unset as 2, 1, 0
        SpanKind, // unspecified … consumer as 0 … 5
    };
    Kind kind = Kind::String;
    std::string text;
    qint64 integer = 0;
    double number = 0;
    bool boolean = false;
};

struct Condition;
struct Expr
{
    enum class Kind
    {
        Condition,
        And,
        Or,
    };
    Kind kind = Kind::Condition;
    std::shared_ptr<Condition> condition;
    std::shared_ptr<Expr> left;
    std::shared_ptr<Expr> right;
};

struct Condition
{
    Field field;
    Op op = Op::Eq;
    Value value;
};

struct Query
{
    std::shared_ptr<Expr> filter; // null: `{ }` matches every span
    std::vector<Field> fields; // the fields the query names, in order, for search results

    bool matches(const SpanView& span) const;
};

/// The query, or the text of Tempo's 400 answer ("invalid TraceQL query: parse error at line 1, col 12: …").
std::variant<Query, QString> parse(const QString& text);

/// A Go duration ("100ms", "1m30s", "1.5h"), in ns.
std::optional<qint64> parseDuration(std::string_view text);

/// The span's value of a field as TraceQL shows it in search results: a string, or the attribute's value.
std::optional<opentelemetry::proto::common::v1::AnyValue> fieldValue(const Field& field, const SpanView& span);

} // namespace firebreak::test::traceql
