#pragma once

#include "model/series.h"

#include <QByteArray>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace firebreak::prometheus {

enum class ResultType
{
    Matrix,
    Vector,
    Scalar,
    String,
};

/// The `data` of a /api/v1/query or /api/v1/query_range answer.
/// Matrix: one Series per result; vector: one sample per Series; scalar: one Series without labels and
/// one sample; string: `text` and `textTimeMs`, no series.
struct QueryResult
{
    ResultType type = ResultType::Matrix;
    std::vector<Series> series;
    QString text;
    qint64 textTimeMs = 0;
};

struct BuildInfo
{
    QString version;
    QString revision;
    QString branch;
    QString goVersion;
};

using LabelSet = QMap<QString, QString>;

/// What /api/v1/metadata says about one metric (one entry per distinct description among the targets).
struct MetricMetadata
{
    QString type; // "counter", "gauge", "histogram", "summary", "gaugehistogram", "stateset", "info", "unknown"
    QString help;
    QString unit; // OpenMetrics' # UNIT, mostly empty
};

/// Metric name -> its descriptions.
using MetadataMap = QMap<QString, QList<MetricMetadata>>;

struct Exemplar
{
    LabelSet labels;
    double value = 0;
    qint64 timeMs = 0;

    /// The trace the exemplar points to: the `trace_id`, `traceID` or `traceId` label; empty when none.
    QString traceId() const;
};

/// The exemplars of one series, from /api/v1/query_exemplars.
struct ExemplarSeries
{
    LabelSet seriesLabels;
    std::vector<Exemplar> exemplars;
};

enum class AlertState
{
    Inactive,
    Pending,
    Firing,
};

struct Alert
{
    LabelSet labels;
    LabelSet annotations;
    AlertState state = AlertState::Inactive;
    /// When the alert became pending; nullopt when the server has no time (Go's zero time).
    std::optional<qint64> activeAtMs;
    /// The value of the alert's expression as the server formats it ("1e+00"): shown, not computed with.
    QString value;
};

enum class RuleType
{
    Alerting,
    Recording,
};

enum class RuleHealth
{
    Unknown, // not evaluated yet
    Ok,
    Error, // see lastError
};

struct Rule
{
    RuleType type = RuleType::Recording;
    QString name;
    QString query;
    LabelSet labels;
    RuleHealth health = RuleHealth::Unknown;
    QString lastError;
    double evaluationSeconds = 0;
    std::optional<qint64> lastEvaluationMs;
    // Alerting rules only:
    AlertState state = AlertState::Inactive;
    qint64 forMs = 0;
    qint64 keepFiringForMs = 0;
    LabelSet annotations;
    std::vector<Alert> alerts;
};

struct RuleGroup
{
    QString name;
    QString file;
    qint64 intervalMs = 0;
    double evaluationSeconds = 0;
    std::optional<qint64> lastEvaluationMs;
    std::vector<Rule> rules;
};

/// Why an answer could not be used: the server said so (`Api`, with Prometheus' errorType such as
/// "bad_data"), or the answer is not what the API documents (`Malformed`, the message names where).
struct ParseError
{
    enum class Kind
    {
        Api,
        Malformed,
    };
    Kind kind = Kind::Malformed;
    QString errorType;
    /// "bad_data: 1:5: parse error: …" or "data.result[2].values[7][1]: expected a string, got a number".
    QString message;
};

template <typename T> struct Parsed
{
    std::optional<T> value;
    QStringList warnings;
    std::optional<ParseError> error;

    bool ok() const { return value.has_value(); }
};

/// The parsers never throw and never crash on any input; a body that is not a success answer gives `error`.
Parsed<QueryResult> parseQueryResponse(const QByteArray& body);
/// /api/v1/labels and /api/v1/label/<name>/values.
Parsed<QStringList> parseStringListResponse(const QByteArray& body);
/// /api/v1/series.
Parsed<std::vector<LabelSet>> parseSeriesResponse(const QByteArray& body);
/// /api/v1/status/buildinfo.
Parsed<BuildInfo> parseBuildInfoResponse(const QByteArray& body);
/// /api/v1/metadata.
Parsed<MetadataMap> parseMetadataResponse(const QByteArray& body);
/// /api/v1/query_exemplars.
Parsed<std::vector<ExemplarSeries>> parseExemplarsResponse(const QByteArray& body);
/// /api/v1/alerts.
Parsed<std::vector<Alert>> parseAlertsResponse(const QByteArray& body);
/// /api/v1/rules.
Parsed<std::vector<RuleGroup>> parseRulesResponse(const QByteArray& body);
/// Only the error envelope ({"status":"error","errorType":…,"error":…}); nullopt for anything else.
std::optional<ParseError> parseErrorResponse(const QByteArray& body);

/// A sample value as Prometheus writes it: a decimal number, "NaN", "+Inf" or "-Inf".
std::optional<double> parseSampleValue(const QString& text);

/// RFC 3339 as Go writes it ("2026-11-25T19:02:46.224733329Z", "…T20:02:46+01:00"), in ms since the epoch
/// (finer digits cut off); nullopt when it is not such a time.
std::optional<qint64> parseRfc3339Ms(const QString& text);

QString resultTypeName(ResultType type);
QString alertStateName(AlertState state);
QString ruleHealthName(RuleHealth health);

} // namespace firebreak::prometheus
