#pragma once

#include "net/connectionprofile.h"
#include "net/httpclient.h"
#include "prometheusparser.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace firebreak::prometheus {

/// Prometheus refuses a range query whose series would have more points than this.
constexpr qint64 MaxPointsPerSeries = 11000;
/// Prometheus' default scrape interval: a step below it shows no more than it.
constexpr qint64 DefaultScrapeIntervalMs = 15000;

struct RangeQuery
{
    QString expr;
    qint64 startMs = 0;
    qint64 endMs = 0;
    qint64 stepMs = 15000;
};

enum class RuleFilter
{
    All,
    Alerting,
    Recording,
};

/// Why a request gave no result.
struct QueryError
{
    enum class Kind
    {
        Network, // see `net`: timeout, unreachable, TLS, HTTP status without an API error, size cap, cancelled
        Api, // the server answered with {"status":"error"}: `errorType` ("bad_data", "timeout", …)
        Malformed, // the answer is not what the API documents
        Invalid, // refused before sending (e.g. end before start)
    };
    Kind kind = Kind::Network;
    net::NetError::Kind netKind = net::NetError::Kind::Unreachable;
    int httpStatus = 0;
    QString errorType;
    /// A sentence naming the server: "Prometheus at http://…/api/v1/query answered 400: bad_data: …".
    QString message;
};

template <typename T> struct Answer
{
    std::optional<T> value;
    QStringList warnings;
    std::optional<QueryError> error;

    bool ok() const { return value.has_value(); }
};

/// The HTTP API of one Prometheus (or compatible: Thanos, Mimir, VictoriaMetrics).
/// Every call is asynchronous: transfer on HttpClient's network thread, parsing on the global thread pool,
/// and `onDone` runs once on `context`'s (the GUI) thread, unless `context` was destroyed meanwhile.
/// Cancelling the returned handle makes `onDone` run with a Network error of kind Cancelled.
class PrometheusClient
{
public:
    template <typename T> using Callback = std::function<void(Answer<T>)>;

    PrometheusClient(net::HttpClient& http, net::ConnectionProfile profile);

    const net::ConnectionProfile& profile() const { return m_profile; }

    /// /api/v1/query at `timeMs` (the server's now when empty).
    net::RequestHandlePtr query(
        const QString& expr, std::optional<qint64> timeMs, QObject* context, Callback<QueryResult> onDone);
    /// /api/v1/query_range. A range of more than MaxPointsPerSeries steps is asked in several requests
    /// (one after the other) and joined series by series, so no request exceeds the server's limit.
    net::RequestHandlePtr queryRange(const RangeQuery& query, QObject* context, Callback<QueryResult> onDone);
    /// /api/v1/labels, optionally limited to series matching `matchers` and a time range.
    net::RequestHandlePtr labels(const QStringList& matchers, std::optional<qint64> startMs,
        std::optional<qint64> endMs, QObject* context, Callback<QStringList> onDone);
    /// /api/v1/label/<name>/values.
    net::RequestHandlePtr labelValues(const QString& name, const QStringList& matchers, std::optional<qint64> startMs,
        std::optional<qint64> endMs, QObject* context, Callback<QStringList> onDone);
    /// /api/v1/series; at least one matcher is required by the server.
    net::RequestHandlePtr series(const QStringList& matchers, std::optional<qint64> startMs,
        std::optional<qint64> endMs, QObject* context, Callback<std::vector<LabelSet>> onDone);
    /// /api/v1/status/buildinfo.
    net::RequestHandlePtr buildInfo(QObject* context, Callback<BuildInfo> onDone);
    /// /api/v1/metadata: of every metric, or of `metric` only when it is not empty; at most `limit` metrics.
    net::RequestHandlePtr metadata(
        const QString& metric, std::optional<int> limit, QObject* context, Callback<MetadataMap> onDone);
    /// /api/v1/query_exemplars: the exemplars of the series `expr` selects, stored between start and end.
    net::RequestHandlePtr queryExemplars(const QString& expr, qint64 startMs, qint64 endMs, QObject* context,
        Callback<std::vector<ExemplarSeries>> onDone);
    /// /api/v1/alerts: the pending and firing alerts of the server's alerting rules.
    net::RequestHandlePtr alerts(QObject* context, Callback<std::vector<Alert>> onDone);
    /// /api/v1/rules: the rule groups, with every rule's health and an alerting rule's alerts.
    net::RequestHandlePtr rules(RuleFilter filter, QObject* context, Callback<std::vector<RuleGroup>> onDone);

    /// The number of points each series of `query` has: floor((end - start) / step) + 1.
    static qint64 pointCount(const RangeQuery& query);
    /// `query` cut into consecutive ranges of at most `maxPoints` points each, on the same step grid.
    static std::vector<RangeQuery> splitRange(const RangeQuery& query, qint64 maxPoints = MaxPointsPerSeries);
    /// The step for a chart `pixelWidth` pixels wide over [start, end]: the smallest "nice" step (1s, 2s, 5s, 10s,
    /// 15s, 30s, 1m, 2m, 5m, 10m, 15m, 30m, 1h, …, whole days past a week) of at least `minStepMs` that gives no
    /// more points than pixels and never more than MaxPointsPerSeries.
    static qint64 stepForWidth(
        qint64 startMs, qint64 endMs, int pixelWidth, qint64 minStepMs = DefaultScrapeIntervalMs);
    /// Seconds with millisecond precision, as the API takes times and steps: 1700000000.5 -> "1700000000.500".
    static QString apiSeconds(qint64 ms);

private:
    net::HttpRequest request(const QString& path, const QList<QPair<QString, QString>>& parameters) const;

    net::HttpClient& m_http;
    net::ConnectionProfile m_profile;
};

QString queryErrorKindName(QueryError::Kind kind);

} // namespace firebreak::prometheus
