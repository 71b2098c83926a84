#pragma once

#include "model/trace.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <vector>

namespace tempopb {
class SearchResponse;
}

namespace firebreak::tempo {

/// A span of a search result as Tempo shows it: only what the query matched or selected.
struct SearchSpan
{
    QString spanId; // hex
    QString name;
    qint64 startNs = 0;
    qint64 durationNs = 0;
    QList<QPair<QString, QString>> attributes; // key, value as text
};

struct SearchSpanSet
{
    std::vector<SearchSpan> spans;
    int matched = 0; // how many spans matched; `spans` holds at most spss of them
};

/// One trace of a search result.
struct TraceSummary
{
    QString traceId; // hex, as Tempo writes it (leading zeros may be missing)
    QString rootServiceName;
    QString rootTraceName;
    qint64 startNs = 0;
    qint64 durationMs = 0; // Tempo leaves it out when below 1 ms
    std::vector<SearchSpanSet> spanSets; // `spanSets`, or the older single `spanSet`
};

struct SearchMetrics
{
    qint64 inspectedTraces = 0;
    qint64 inspectedBytes = 0;
    qint64 totalBlocks = 0;
    qint64 completedJobs = 0;
    qint64 totalJobs = 0;
    qint64 totalBlockBytes = 0;
};

struct SearchResult
{
    std::vector<TraceSummary> traces;
    SearchMetrics metrics;
};

/// The tag names of one scope ("resource", "span", "intrinsic"; empty for Tempo's unscoped v1 list).
struct TagScope
{
    QString name;
    QStringList tags;
};

/// A value of a tag with its TraceQL type ("string", "int", "float", "bool", "duration", "status", "kind"…).
struct TagValue
{
    QString type;
    QString value;
    bool operator==(const TagValue&) const = default;
};

struct BuildInfo
{
    QString version;
    QString revision;
    QString branch;
    QString goVersion;
};

/// A trace fetched by id.
struct TraceResult
{
    std::shared_ptr<const Trace> trace;
    /// The trace as OTLP `TracesData` / `tempopb.Trace` protobuf: as Tempo sent it, or (when it answered JSON)
    /// written from the parsed trace. Unwrapped from a v2 `TraceByIDResponse`.
    QByteArray protobuf;
    bool answeredJson = false;
    QString url; // the endpoint that answered
};

template <typename T> struct Parsed
{
    std::optional<T> value;
    QStringList warnings;
    std::optional<QString> error; // what is wrong with the answer ("traces[2].startTimeUnixNano: expected …")

    bool ok() const { return value.has_value(); }
};

/// The parsers never throw; an answer that is not what Tempo documents gives `error`.
/// /api/search (JSON only: Tempo ignores Accept: application/protobuf there).
Parsed<SearchResult> parseSearchResponse(const QByteArray& body);
/// One message of the StreamingQuerier/Search gRPC stream.
SearchResult searchResultFromProto(const tempopb::SearchResponse& response);
/// /api/search/tags: {"tagNames": […]}.
Parsed<QStringList> parseTagNames(const QByteArray& body);
/// /api/v2/search/tags: {"scopes": [{"name", "tags"}]}.
Parsed<std::vector<TagScope>> parseTagScopes(const QByteArray& body);
/// /api/search/tag/<name>/values: {"tagValues": ["a", …]}, all of type "string".
Parsed<std::vector<TagValue>> parseTagValuesV1(const QByteArray& body);
/// /api/v2/search/tag/<name>/values: {"tagValues": [{"type", "value"}]}.
Parsed<std::vector<TagValue>> parseTagValuesV2(const QByteArray& body);
/// /api/status/buildinfo (bare, or in Prometheus' {"status","data"} envelope).
Parsed<BuildInfo> parseBuildInfo(const QByteArray& body);
/// /status/version, plain text: "tempo, version v2.2.4 (branch: HEAD, revision: 816c0e1c3a)\n  go version: …".
Parsed<BuildInfo> parseVersionText(const QByteArray& body);

enum class TraceEndpoint
{
    V1, // /api/traces/<id>: tempopb.Trace or {"batches": […]}
    V2, // /api/v2/traces/<id>: tempopb.TraceByIDResponse or {"trace": {…}, "status", "message"}
};

/// A trace-by-id answer, protobuf or JSON by its content type (or, without one, by content).
Parsed<TraceResult> parseTraceResponse(const QByteArray& body, const QByteArray& contentType, TraceEndpoint endpoint);

/// Tempo's own 404 for an unknown trace ("trace not found"), as opposed to a 404 for an unknown endpoint.
bool isTraceNotFound(int status, const QByteArray& body);
/// Tempo's refusals of a trace beyond its size limit ("trace exceeds max size (max bytes: …)").
bool isTraceTooLarge(const QByteArray& body);

/// A trace id as Tempo takes it: 1 to 32 hex digits, returned as 32 lower-case ones; empty when invalid.
QString normalizedTraceId(const QString& id);

} // namespace firebreak::tempo
