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
/// Only the error envelope ({"status":"error","errorType":…,"error":…}); nullopt for anything else.
std::optional<ParseError> parseErrorResponse(const QByteArray& body);

/// A sample value as Prometheus writes it: a decimal number, "NaN", "+Inf" or "-Inf".
std::optional<double> parseSampleValue(const QString& text);

QString resultTypeName(ResultType type);

} // namespace firebreak::prometheus
