#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

namespace firebreak::analysis {

enum class QueryLanguage
{
    PromQL,
    LogQL
};

enum class TokenKind
{
    Metric, ///< a PromQL metric name
    Function, ///< a function or aggregation (also `start`/`end` after `@`, `ip` and `duration` in LogQL)
    Keyword, ///< by, without, on, ignoring, group_left/right, offset, bool, and/or/unless; LogQL stage keywords
    LabelName, ///< inside a selector, a grouping clause or a LogQL label filter
    LabelValue, ///< a string compared with a label (`{job="api"}`, `| level="error"`)
    String, ///< any other string literal (line filters, line_format templates, function arguments)
    Number, ///< also Inf/NaN and LogQL byte sizes (`20MB`)
    Duration, ///< `5m`, `1h30m`, `500ms`
    Operator, ///< arithmetic, comparison, matchers, LogQL line filters (`|=`, `!~`), `,`, `:`, `@`
    Bracket, ///< ( ) { } [ ]
    Comment, ///< `#` to the end of the line
    Pipe, ///< LogQL's `|` starting a pipeline stage
    Parser, ///< LogQL json, logfmt, regexp, pattern, unpack
    Identifier, ///< a name that is none of the above (LogQL outside a selector and a pipeline)
    Invalid, ///< a character neither language has
};

struct QueryToken
{
    TokenKind kind = TokenKind::Invalid;
    qsizetype start = 0;
    qsizetype length = 0;
    bool unterminated = false; ///< a string without its closing quote
    /// Nesting depth of brackets in front of the token (a bracket itself counts outside), for rainbow brackets.
    int depth = 0;

    qsizetype end() const { return start + length; }
    bool operator==(const QueryToken&) const = default;
};

/// Splits a query into tokens, classifying names by where they stand. Whitespace is not a token; everything else
/// is covered. Never fails: unknown characters are Invalid tokens, an open string runs to the end of the line.
QList<QueryToken> tokenizeQuery(QueryLanguage language, QStringView text);

/// What the text at a cursor asks to be completed with.
struct CompletionContext
{
    enum class Kind
    {
        None,
        MetricName, ///< PromQL expression position: metric names, and functions as well
        Function, ///< LogQL expression position: functions and aggregations only
        LabelName, ///< a label name for `selector` (PromQL: `metric`); in a LogQL pipeline a stream label
        LabelValue, ///< a value of `label` for `selector`
        ParsedField, ///< a LogQL field extracted by a parser: run `pipeline` and collect its labels
    };
    Kind kind = Kind::None;
    QString prefix; ///< what is typed of the name or value (a value's escapes resolved, without its quote)
    qsizetype replaceFrom = 0; ///< a completion replaces [replaceFrom, replaceTo): the name or the value's text
    qsizetype replaceTo = 0;
    QString metric; ///< PromQL: the metric of the selector being edited, or of the first selector for `by (…)`
    /// The selector to scope names and values: `metric{a="b"}` (PromQL) or `{app="x", env="prod"}` (LogQL) made of
    /// the other complete matchers; empty when there is nothing to scope with.
    QString selector;
    QString label; ///< LabelValue: the label compared
    /// LabelValue: the value has no opening quote yet (`{job=|`), so the completion must bring both quotes;
    /// needsClosingQuote: it was opened but not closed.
    bool needsQuotes = false;
    bool needsClosingQuote = false;
    /// LogQL: the stream selector and the stages up to the last parser before the cursor, ready to run
    /// (`{app="x"} |= "err" | json`), for ParsedField (and LabelValue of a parsed field).
    QString pipeline;
    /// LogQL: the cursor begins a pipeline stage (`… | |`), where parsers and stage keywords also fit.
    bool stageStart = false;
    bool inPipeline = false; ///< LogQL: LabelName/LabelValue belong to a label filter in a pipeline
};

/// What to complete at `cursor` (a position in `text`, 0…size).
CompletionContext completionContextAt(QueryLanguage language, const QString& text, int cursor);

/// The position of the bracket matching the one at `pos` ((), [], {}), skipping strings and comments; -1 when
/// `pos` is not a bracket or it has no partner.
int matchingBracket(const QString& text, int pos, QueryLanguage language = QueryLanguage::PromQL);

/// Names the completion offers besides what the server knows.
QStringList promqlFunctionNames(); ///< functions and aggregation operators, sorted
QStringList logqlFunctionNames(); ///< range and vector aggregations, sorted
QStringList logqlStageKeywords(); ///< parsers and stage keywords (json, logfmt, line_format, unwrap, …)
/// One line on what a function does, for the completion popup; empty for unknown names.
QString functionDescription(QueryLanguage language, const QString& name);

} // namespace firebreak::analysis
