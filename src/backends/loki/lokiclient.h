#pragma once

#include "lokiparser.h"
#include "net/connectionprofile.h"
#include "net/httpclient.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace firebreak::loki {

/// Loki's `max_entries_limit_per_query` unless configured otherwise: a query_range asking for more
/// lines is refused with 400.
constexpr int DefaultMaxEntriesPerQuery = 5000;

struct RangeQuery
{
    QString expr;
    qint64 startNs = 0; // inclusive
    qint64 endNs = 0; // exclusive, as Loki reads a log query's range
    /// Log lines wanted in all; more than the server's per-query limit are fetched page by page.
    qint64 limit = 100;
    LogDirection direction = LogDirection::Backward;
    /// Resolution of a metric query; the server's default (about 250 points) when empty.
    std::optional<qint64> stepMs;
};

/// Why a request gave no result.
struct QueryError
{
    enum class Kind
    {
        Network, // see `netKind`: timeout, unreachable, TLS, HTTP status without a Loki message, size cap, cancelled
        Api, // Loki refused the request and said why (400 "parse error …", "max entries limit …")
        Malformed, // the answer is not what the API documents (not JSON, cut short, HTML from a proxy …)
        Invalid, // refused before sending (e.g. end before start)
    };
    Kind kind = Kind::Network;
    net::NetError::Kind netKind = net::NetError::Kind::Unreachable;
    int httpStatus = 0;
    /// A sentence naming the server: "Loki at http://…/loki/api/v1/query_range answered 400: parse error …".
    QString message;
};

template <typename T> struct Answer
{
    std::optional<T> value;
    QStringList warnings;
    std::optional<QueryError> error;

    bool ok() const { return value.has_value(); }
};

/// The HTTP API of one Loki (2.9 and later). Every call is asynchronous: transfer on HttpClient's network
/// thread, parsing on the global thread pool, and `onDone` runs once on `context`'s (the GUI) thread unless
/// `context` was destroyed meanwhile. Cancelling the returned handle makes `onDone` run with a Network error
/// of kind Cancelled (a paged query stops after the page under way).
class LokiClient
{
public:
    template <typename T> using Callback = std::function<void(Answer<T>)>;

    LokiClient(net::HttpClient& http, net::ConnectionProfile profile);

    const net::ConnectionProfile& profile() const { return m_profile; }
    int maxEntriesPerQuery() const { return m_maxEntriesPerQuery; }
    /// The server's `max_entries_limit_per_query`. A 400 naming a lower limit is also learnt on the fly.
    void setMaxEntriesPerQuery(int limit) { m_maxEntriesPerQuery = std::max(1, limit); }
    /// Asks Loki 3 to keep structured metadata and parsed labels apart from the stream labels
    /// (`X-Loki-Response-Encoding-Flags: categorize-labels`); Loki 2.9 ignores it.
    void setCategorizeLabels(bool on) { m_categorizeLabels = on; }
    /// Answers larger than this fail with NetError::Kind::TooLarge (default: HttpRequest's).
    void setMaxResponseBytes(qint64 bytes) { m_maxResponseBytes = bytes; }

    /// /loki/api/v1/query_range. A log query gets up to `limit` lines even past the server's per-query
    /// limit: pages move the time window (backward: the next page ends at the oldest timestamp seen,
    /// forward: starts at the newest), lines sharing the boundary nanosecond are told apart by stream, time
    /// and text, so none is lost or doubled. `truncated` says the limit ended the result. The lines come
    /// merged across streams in `direction` order. A metric query is one request and gives `series`.
    net::RequestHandlePtr queryRange(const RangeQuery& query, QObject* context, Callback<QueryResult> onDone);
    /// One /loki/api/v1/query_range request, no paging: `limit` must not exceed the server's limit.
    net::RequestHandlePtr queryRangePage(const RangeQuery& query, QObject* context, Callback<QueryResult> onDone);
    /// /loki/api/v1/query at `timeNs` (the server's now when empty): metric queries (vector).
    net::RequestHandlePtr query(
        const QString& expr, std::optional<qint64> timeNs, QObject* context, Callback<QueryResult> onDone);
    /// /loki/api/v1/labels.
    net::RequestHandlePtr labels(
        std::optional<qint64> startNs, std::optional<qint64> endNs, QObject* context, Callback<QStringList> onDone);
    /// /loki/api/v1/label/<name>/values, only of streams matching `selector` when given.
    net::RequestHandlePtr labelValues(const QString& name, const QString& selector, std::optional<qint64> startNs,
        std::optional<qint64> endNs, QObject* context, Callback<QStringList> onDone);
    /// /loki/api/v1/series.
    net::RequestHandlePtr series(const QStringList& matchers, std::optional<qint64> startNs,
        std::optional<qint64> endNs, QObject* context, Callback<std::vector<LogLabels>> onDone);
    /// /loki/api/v1/index/volume: bytes per label set of the streams matching `selector`. A server without
    /// the endpoint (404) gives a Volume with `supported == false`, not an error.
    net::RequestHandlePtr indexVolume(const QString& selector, std::optional<qint64> startNs,
        std::optional<qint64> endNs, QObject* context, Callback<Volume> onDone);
    /// /loki/api/v1/status/buildinfo.
    net::RequestHandlePtr buildInfo(QObject* context, Callback<BuildInfo> onDone);

    /// A time as the API takes it: nanoseconds as digits, or RFC 3339 for times Loki would read as seconds.
    static QString apiTime(qint64 ns);
    /// Seconds with millisecond precision, for `step`.
    static QString apiSeconds(qint64 ms);

private:
    net::HttpRequest request(const QString& path, const QList<QPair<QString, QString>>& parameters) const;

    net::HttpClient* m_http;
    net::ConnectionProfile m_profile;
    int m_maxEntriesPerQuery = DefaultMaxEntriesPerQuery;
    bool m_categorizeLabels = false;
    qint64 m_maxResponseBytes = 0;
};

QString queryErrorKindName(QueryError::Kind kind);

/// The server's per-query limit named in its "max entries limit per query exceeded, limit > max_entries_limit
/// (N > M)" refusal (M), if `message` is one.
std::optional<int> maxEntriesFromError(const QString& message);

} // namespace firebreak::loki
