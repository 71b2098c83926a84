#pragma once

// The subset of LogQL that fake-loki evaluates, with Loki 2.9's error texts where the subset reaches them.
// Log queries: a stream selector {a="b", c!="d", e=~"re", f!~"re"}, line filters |= != |~ !~ (chained),
// `| json`, `| logfmt` and label filters (`| level="error"`, `| status >= 500`).
// Metric queries: count_over_time, rate, bytes_over_time, bytes_rate over [range], inside any number of
// sum/count/min/max/avg with by (…) or without (…).

#include <QByteArrayView>
#include <QList>
#include <QMap>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

#include <optional>
#include <variant>

namespace firebreak::test::logql {

using Labels = QMap<QString, QString>;

struct Matcher
{
    enum class Op
    {
        Equal,
        NotEqual,
        Regex,
        NotRegex,
    };
    QString name;
    Op op = Op::Equal;
    QString value;
    QRegularExpression regex; // anchored, for Regex and NotRegex

    bool matches(const QString& labelValue) const;
};

struct Stage
{
    enum class Kind
    {
        LineContains,
        LineNotContains,
        LineRegex,
        LineNotRegex,
        Json,
        Logfmt,
        LabelFilter,
    };
    enum class Compare
    {
        Equal,
        NotEqual,
        Regex,
        NotRegex,
        Greater,
        GreaterOrEqual,
        Less,
        LessOrEqual,
        NumberEqual,
        NumberNotEqual,
    };
    Kind kind = Kind::LineContains;
    QByteArray text; // line filters: the literal (UTF-8)
    QRegularExpression regex; // LineRegex/LineNotRegex (unanchored), label Regex/NotRegex (anchored)
    QString label;
    Compare compare = Compare::Equal;
    QString value;
    double number = 0;
};

struct LogSelector
{
    QList<Matcher> matchers;
    QList<Stage> stages;

    bool selects(const Labels& streamLabels) const;
};

/// The result of running a line through the pipeline.
struct LineOutcome
{
    bool keep = false;
    Labels parsed; // extracted by json/logfmt, plus __error__ when a stage failed
};

LineOutcome runPipeline(const LogSelector& selector, const Labels& stream, const Labels& metadata, QByteArrayView line);

struct RangeAggregation
{
    enum class Op
    {
        CountOverTime,
        Rate,
        BytesOverTime,
        BytesRate,
    };
    Op op = Op::CountOverTime;
    LogSelector selector;
    qint64 rangeMs = 0;
};

struct VectorAggregation
{
    enum class Op
    {
        Sum,
        Count,
        Min,
        Max,
        Avg,
    };
    Op op = Op::Sum;
    bool grouped = false; // by/without given
    bool without = false;
    QStringList labels;
};

struct Query
{
    bool metric = false;
    LogSelector logs; // a log query's selector, or the one inside the range aggregation
    RangeAggregation range;
    QList<VectorAggregation> aggregations; // innermost first
};

/// Either a query or the message Loki would answer with (400, text/plain).
struct ParseOutcome
{
    std::optional<Query> query;
    QString error;
};

ParseOutcome parse(const QString& text);
/// Only a stream selector, for `query=` of label values, `match[]` of series and volume.
ParseOutcome parseSelector(const QString& text);

/// A duration as Loki takes one in a range or `step`: "5m", "1h30m", "500ms", "1.5h".
std::optional<qint64> parseDurationMs(const QString& text);

} // namespace firebreak::test::logql
