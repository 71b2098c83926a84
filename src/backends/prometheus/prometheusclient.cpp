#include "prometheusclient.h"

#include "backends/delivery.h"

#include <QCoreApplication>
#include <QPointer>
#include <QThreadPool>
#include <QUrlQuery>

#include <algorithm>
#include <map>
#include <memory>

namespace firebreak::prometheus {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(PrometheusClient)
};

using Parameters = QList<QPair<QString, QString>>;

QString displayUrl(const QUrl& url)
{
    return url.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment);
}

template <typename T>
Answer<T> toAnswer(
    const net::HttpRequest& request, const net::HttpResult& result, Parsed<T> (*parse)(const QByteArray&))
{
    Answer<T> answer;
    const QString who = request.service;
    const QString where = displayUrl(request.url);
    if (!result.ok()) {
        QueryError error;
        error.kind = QueryError::Kind::Network;
        error.netKind = result.error->kind;
        error.httpStatus = result.error->httpStatus;
        error.message = result.error->message;
        if (error.netKind == net::NetError::Kind::Http || error.netKind == net::NetError::Kind::Auth) {
            // 400 bad_data, 422 execution, 503 timeout… carry Prometheus' own explanation.
            if (const auto api = parseErrorResponse(result.response.body)) {
                error.kind = QueryError::Kind::Api;
                error.errorType = api->errorType;
                error.message
                    = Text::tr("%1 at %2 answered %3: %4").arg(who, where).arg(error.httpStatus).arg(api->message);
            }
        }
        answer.error = std::move(error);
        return answer;
    }
    Parsed<T> parsed = parse(result.response.body);
    answer.warnings = std::move(parsed.warnings);
    if (parsed.error) {
        QueryError error;
        error.httpStatus = result.response.status;
        error.errorType = parsed.error->errorType;
        if (parsed.error->kind == ParseError::Kind::Api) {
            error.kind = QueryError::Kind::Api;
            error.message = Text::tr("%1 at %2 answered %3: %4")
                                .arg(who, where)
                                .arg(result.response.status)
                                .arg(parsed.error->message);
        } else {
            error.kind = QueryError::Kind::Malformed;
            error.netKind = net::NetError::Kind::Malformed;
            error.message
                = Text::tr("%1 at %2 sent an answer that cannot be read: %3").arg(who, where, parsed.error->message);
        }
        answer.error = std::move(error);
        return answer;
    }
    answer.value = std::move(parsed.value);
    return answer;
}

/// Transfer on the network thread, parse on the thread pool, deliver on the application's thread.
template <typename T>
net::RequestHandlePtr fetch(net::HttpClient& http, net::HttpRequest request, QObject* context,
    Parsed<T> (*parse)(const QByteArray&), std::function<void(Answer<T>)> onDone)
{
    auto deliver = backends::deliverOnAppThread(context, std::move(onDone));
    net::HttpRequest copy = request;
    return http.send(std::move(copy), [request, parse, deliver](net::HttpResult result) {
        QThreadPool::globalInstance()->start(
            [request, parse, deliver, result = std::move(result)] { deliver(toAnswer<T>(request, result, parse)); });
    });
}

QueryError invalid(const QString& message)
{
    QueryError error;
    error.kind = QueryError::Kind::Invalid;
    error.message = message;
    return error;
}

template <typename T>
net::RequestHandlePtr refuse(QObject* context, std::function<void(Answer<T>)> onDone, QueryError error)
{
    return backends::refuseLater(context, std::move(onDone), std::move(error));
}

void addRange(Parameters& parameters, std::optional<qint64> startMs, std::optional<qint64> endMs)
{
    if (startMs)
        parameters.append({ QStringLiteral("start"), PrometheusClient::apiSeconds(*startMs) });
    if (endMs)
        parameters.append({ QStringLiteral("end"), PrometheusClient::apiSeconds(*endMs) });
}

QString labelKey(const LabelSet& labels)
{
    QString key;
    for (auto it = labels.cbegin(); it != labels.cend(); ++it)
        key += it.key() + u'\x1f' + it.value() + u'\x1e';
    return key;
}

/// The parts of a split range query, asked one after the other and joined series by series.
struct RangeJob : std::enable_shared_from_this<RangeJob>
{
    explicit RangeJob(PrometheusClient copy)
        : client(std::move(copy))
    { }

    PrometheusClient client; // a copy: the caller's may go away while the job runs
    QPointer<QObject> context;
    std::vector<RangeQuery> parts;
    std::size_t next = 0;
    net::RequestHandlePtr handle; // the caller's
    net::RequestHandlePtr current;
    std::function<void(Answer<QueryResult>)> onDone;
    Answer<QueryResult> joined;
    std::map<QString, std::size_t> index; // labels as one string -> position in joined.value->series

    void askNext()
    {
        if (!context)
            return;
        if (handle->isCancelled()) {
            QueryError error;
            error.netKind = net::NetError::Kind::Cancelled;
            error.message = Text::tr("%1: cancelled.").arg(kindDisplayName(net::BackendKind::Prometheus));
            joined.value.reset();
            joined.error = std::move(error);
            onDone(std::move(joined));
            return;
        }
        if (next == parts.size()) {
            joined.warnings.removeDuplicates(); // each part may warn the same
            onDone(std::move(joined));
            return;
        }
        const RangeQuery part = parts[next++];
        auto self = shared_from_this();
        current
            = client.queryRange(part, context, [self](Answer<QueryResult> answer) { self->take(std::move(answer)); });
    }

    void take(Answer<QueryResult> answer)
    {
        joined.warnings += answer.warnings;
        if (!answer.ok()) {
            joined.value.reset();
            joined.error = std::move(answer.error);
            onDone(std::move(joined));
            return;
        }
        if (!joined.value) {
            joined.value = QueryResult {};
            joined.value->type = answer.value->type;
        }
        auto& all = joined.value->series;
        for (Series& s : answer.value->series) {
            const auto [at, added] = index.try_emplace(labelKey(s.labels), all.size());
            if (added) {
                all.push_back(std::move(s));
                continue;
            }
            Series& into = all[at->second];
            into.timesMs.insert(into.timesMs.end(), s.timesMs.begin(), s.timesMs.end());
            into.values.insert(into.values.end(), s.values.begin(), s.values.end());
        }
        askNext();
    }
};

} // namespace

PrometheusClient::PrometheusClient(net::HttpClient& http, net::ConnectionProfile profile)
    : m_http(http)
    , m_profile(std::move(profile))
{ }

QString PrometheusClient::apiSeconds(qint64 ms)
{
    const qint64 seconds = ms / 1000;
    const qint64 rest = ms % 1000;
    if (rest == 0)
        return QString::number(seconds);
    // Exact, whatever the size: no detour through double.
    const QString sign = ms < 0 ? QStringLiteral("-") : QString();
    return sign + QString::number(std::abs(seconds)) + u'.'
        + QStringLiteral("%1").arg(std::abs(rest), 3, 10, QLatin1Char('0'));
}

qint64 PrometheusClient::pointCount(const RangeQuery& query)
{
    if (query.stepMs <= 0 || query.endMs < query.startMs)
        return 0;
    return (query.endMs - query.startMs) / query.stepMs + 1;
}

std::vector<RangeQuery> PrometheusClient::splitRange(const RangeQuery& query, qint64 maxPoints)
{
    std::vector<RangeQuery> parts;
    if (query.stepMs <= 0 || maxPoints <= 0 || query.endMs < query.startMs)
        return parts;
    const qint64 span = (maxPoints - 1) * query.stepMs;
    for (qint64 start = query.startMs; start <= query.endMs; start += span + query.stepMs) {
        RangeQuery part = query;
        part.startMs = start;
        part.endMs = std::min(query.endMs, start + span);
        parts.push_back(part);
        if (part.endMs == query.endMs)
            break;
    }
    return parts;
}

qint64 PrometheusClient::stepForWidth(qint64 startMs, qint64 endMs, int pixelWidth, qint64 minStepMs)
{
    constexpr qint64 S = 1000;
    constexpr qint64 M = 60 * S;
    constexpr qint64 H = 60 * M;
    constexpr qint64 D = 24 * H;
    static constexpr qint64 niceSteps[] = { 1, 2, 5, 10, 20, 50, 100, 200, 500, S, 2 * S, 5 * S, 10 * S, 15 * S, 30 * S,
        M, 2 * M, 5 * M, 10 * M, 15 * M, 30 * M, H, 2 * H, 3 * H, 6 * H, 12 * H, D, 2 * D, 7 * D };
    const qint64 maxPoints = std::clamp<qint64>(pixelWidth, 1, MaxPointsPerSeries);
    const qint64 smallest = std::max<qint64>(minStepMs, 1);
    const qint64 rangeMs = std::max<qint64>(endMs - startMs, 0);
    // floor(range / step) + 1 <= maxPoints exactly when step > range / maxPoints.
    const qint64 needed = std::max(rangeMs / maxPoints + 1, smallest);
    for (const qint64 step : niceSteps) {
        if (step >= needed)
            return step;
    }
    return (needed + D - 1) / D * D;
}

net::HttpRequest PrometheusClient::request(const QString& path, const Parameters& parameters) const
{
    net::HttpRequest request = net::requestFor(m_profile, path);
    QUrlQuery query;
    for (const auto& [name, value] : parameters)
        query.addQueryItem(name, QString::fromLatin1(QUrl::toPercentEncoding(value)));
    request.url.setQuery(query.query(QUrl::FullyEncoded), QUrl::StrictMode);
    request.headers.append({ QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json") });
    return request;
}

net::RequestHandlePtr PrometheusClient::query(
    const QString& expr, std::optional<qint64> timeMs, QObject* context, Callback<QueryResult> onDone)
{
    Parameters parameters { { QStringLiteral("query"), expr } };
    if (timeMs)
        parameters.append({ QStringLiteral("time"), apiSeconds(*timeMs) });
    return fetch<QueryResult>(
        m_http, request(QStringLiteral("/api/v1/query"), parameters), context, parseQueryResponse, std::move(onDone));
}

net::RequestHandlePtr PrometheusClient::queryRange(
    const RangeQuery& query, QObject* context, Callback<QueryResult> onDone)
{
    if (query.stepMs <= 0)
        return refuse(context, std::move(onDone), invalid(Text::tr("The step must be positive.")));
    if (query.endMs < query.startMs)
        return refuse(context, std::move(onDone), invalid(Text::tr("The range ends before it starts.")));
    if (pointCount(query) > MaxPointsPerSeries) {
        auto job = std::make_shared<RangeJob>(*this);
        job->context = context;
        job->parts = splitRange(query);
        job->handle = std::make_shared<net::RequestHandle>();
        job->onDone = std::move(onDone);
        job->askNext();
        return job->handle;
    }
    const Parameters parameters { { QStringLiteral("query"), query.expr },
        { QStringLiteral("start"), apiSeconds(query.startMs) }, { QStringLiteral("end"), apiSeconds(query.endMs) },
        { QStringLiteral("step"), apiSeconds(query.stepMs) } };
    return fetch<QueryResult>(m_http, request(QStringLiteral("/api/v1/query_range"), parameters), context,
        parseQueryResponse, std::move(onDone));
}

net::RequestHandlePtr PrometheusClient::labels(const QStringList& matchers, std::optional<qint64> startMs,
    std::optional<qint64> endMs, QObject* context, Callback<QStringList> onDone)
{
    Parameters parameters;
    for (const QString& matcher : matchers)
        parameters.append({ QStringLiteral("match[]"), matcher });
    addRange(parameters, startMs, endMs);
    return fetch<QStringList>(m_http, request(QStringLiteral("/api/v1/labels"), parameters), context,
        parseStringListResponse, std::move(onDone));
}

net::RequestHandlePtr PrometheusClient::labelValues(const QString& name, const QStringList& matchers,
    std::optional<qint64> startMs, std::optional<qint64> endMs, QObject* context, Callback<QStringList> onDone)
{
    Parameters parameters;
    for (const QString& matcher : matchers)
        parameters.append({ QStringLiteral("match[]"), matcher });
    addRange(parameters, startMs, endMs);
    const QString path
        = QStringLiteral("/api/v1/label/") + QString::fromLatin1(QUrl::toPercentEncoding(name)) + u"/values";
    return fetch<QStringList>(m_http, request(path, parameters), context, parseStringListResponse, std::move(onDone));
}

net::RequestHandlePtr PrometheusClient::series(const QStringList& matchers, std::optional<qint64> startMs,
    std::optional<qint64> endMs, QObject* context, Callback<std::vector<LabelSet>> onDone)
{
    if (matchers.isEmpty()) {
        return refuse(
            context, std::move(onDone), invalid(Text::tr("Listing series needs at least one series selector.")));
    }
    Parameters parameters;
    for (const QString& matcher : matchers)
        parameters.append({ QStringLiteral("match[]"), matcher });
    addRange(parameters, startMs, endMs);
    return fetch<std::vector<LabelSet>>(
        m_http, request(QStringLiteral("/api/v1/series"), parameters), context, parseSeriesResponse, std::move(onDone));
}

net::RequestHandlePtr PrometheusClient::buildInfo(QObject* context, Callback<BuildInfo> onDone)
{
    return fetch<BuildInfo>(m_http, request(QStringLiteral("/api/v1/status/buildinfo"), {}), context,
        parseBuildInfoResponse, std::move(onDone));
}

net::RequestHandlePtr PrometheusClient::metadata(
    const QString& metric, std::optional<int> limit, QObject* context, Callback<MetadataMap> onDone)
{
    Parameters parameters;
    if (!metric.isEmpty())
        parameters.append({ QStringLiteral("metric"), metric });
    if (limit)
        parameters.append({ QStringLiteral("limit"), QString::number(*limit) });
    return fetch<MetadataMap>(m_http, request(QStringLiteral("/api/v1/metadata"), parameters), context,
        parseMetadataResponse, std::move(onDone));
}

net::RequestHandlePtr PrometheusClient::queryExemplars(
    const QString& expr, qint64 startMs, qint64 endMs, QObject* context, Callback<std::vector<ExemplarSeries>> onDone)
{
    if (endMs < startMs)
        return refuse(context, std::move(onDone), invalid(Text::tr("The range ends before it starts.")));
    const Parameters parameters { { QStringLiteral("query"), expr }, { QStringLiteral("start"), apiSeconds(startMs) },
        { QStringLiteral("end"), apiSeconds(endMs) } };
    return fetch<std::vector<ExemplarSeries>>(m_http, request(QStringLiteral("/api/v1/query_exemplars"), parameters),
        context, parseExemplarsResponse, std::move(onDone));
}

net::RequestHandlePtr PrometheusClient::alerts(QObject* context, Callback<std::vector<Alert>> onDone)
{
    return fetch<std::vector<Alert>>(
        m_http, request(QStringLiteral("/api/v1/alerts"), {}), context, parseAlertsResponse, std::move(onDone));
}

net::RequestHandlePtr PrometheusClient::rules(
    RuleFilter filter, QObject* context, Callback<std::vector<RuleGroup>> onDone)
{
    Parameters parameters;
    if (filter == RuleFilter::Alerting)
        parameters.append({ QStringLiteral("type"), QStringLiteral("alert") });
    else if (filter == RuleFilter::Recording)
        parameters.append({ QStringLiteral("type"), QStringLiteral("record") });
    return fetch<std::vector<RuleGroup>>(
        m_http, request(QStringLiteral("/api/v1/rules"), parameters), context, parseRulesResponse, std::move(onDone));
}

QString queryErrorKindName(QueryError::Kind kind)
{
    switch (kind) {
    case QueryError::Kind::Network:
        return QStringLiteral("network");
    case QueryError::Kind::Api:
        return QStringLiteral("api");
    case QueryError::Kind::Malformed:
        return QStringLiteral("malformed");
    case QueryError::Kind::Invalid:
        return QStringLiteral("invalid");
    }
    return {};
}

} // namespace firebreak::prometheus
