#pragma once

#include "model/logbatch.h"
#include "model/series.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace firebreak::loki {

enum class ResultType
{
    Streams, // log lines
    Matrix,
    Vector,
    Scalar,
};

/// `stats.summary` of a query answer (Loki's own accounting; zeros when the server sent none).
struct QueryStats
{
    qint64 bytesProcessedPerSecond = 0;
    qint64 linesProcessedPerSecond = 0;
    qint64 totalBytesProcessed = 0;
    qint64 totalLinesProcessed = 0;
    qint64 totalEntriesReturned = 0;
    qint64 totalPostFilterLines = 0;
    double execTimeS = 0;
    double queueTimeS = 0;
    qint64 splits = 0;
    qint64 shards = 0;

    /// Sums the totals of several answers (pages of one query).
    void add(const QueryStats& other);
};

/// The `data` of /loki/api/v1/query_range or /query. Streams fill `logs` (in the order the server sent
/// them: stream by stream); matrix, vector and scalar fill `series` (times in ms, as Loki sends them).
struct QueryResult
{
    ResultType type = ResultType::Streams;
    LogBatch logs;
    std::vector<Series> series;
    QueryStats stats;
    QStringList encodingFlags; // "categorize-labels" when lines carry structured metadata and parsed labels

    /// Set by LokiClient::queryRange for log queries: the limit (not the range) ended the result, and the
    /// oldest (backward) or newest (forward) timestamp among the lines returned.
    bool truncated = false;
    std::optional<qint64> reachedNs;
    int requests = 0;
};

struct BuildInfo
{
    QString version;
    QString revision;
    QString branch;
    QString goVersion;
};

/// One row of /loki/api/v1/index/volume: the bytes of the streams with these labels.
struct VolumeEntry
{
    LogLabels labels;
    qint64 bytes = 0;
};

struct Volume
{
    /// False when the server has no volume endpoint (Loki before 2.9, or disabled): then `entries` is empty.
    bool supported = true;
    std::vector<VolumeEntry> entries;
};

/// /loki/api/v1/index/stats.
struct IndexStats
{
    qint64 streams = 0;
    qint64 chunks = 0;
    qint64 bytes = 0;
    qint64 entries = 0;
};

/// Why an answer could not be used: the server said so in a success-shaped body (`Api`) or the answer is
/// not what the API documents (`Malformed`, the message names where).
struct ParseError
{
    enum class Kind
    {
        Api,
        Malformed,
    };
    Kind kind = Kind::Malformed;
    QString message;
};

template <typename T> struct Parsed
{
    std::optional<T> value;
    QStringList warnings;
    std::optional<ParseError> error;

    bool ok() const { return value.has_value(); }
};

/// The parsers never throw and never crash on any input.
Parsed<QueryResult> parseQueryResponse(const QByteArray& body);
/// /loki/api/v1/labels and /label/<name>/values ("data" is left out when there are none).
Parsed<QStringList> parseStringListResponse(const QByteArray& body);
/// /loki/api/v1/series.
Parsed<std::vector<LogLabels>> parseSeriesResponse(const QByteArray& body);
Parsed<Volume> parseVolumeResponse(const QByteArray& body);
Parsed<IndexStats> parseIndexStatsResponse(const QByteArray& body);
/// /loki/api/v1/status/buildinfo: a bare object, no envelope.
Parsed<BuildInfo> parseBuildInfoResponse(const QByteArray& body);

/// A nanosecond timestamp written as a decimal string ("1795620849742387522"), exactly, never via double.
std::optional<qint64> parseNanoseconds(QByteArrayView text);

QString resultTypeName(ResultType type);

} // namespace firebreak::loki
