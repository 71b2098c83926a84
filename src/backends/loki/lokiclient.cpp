#include "lokiclient.h"

#include "backends/delivery.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QPointer>
#include <QRegularExpression>
#include <QSet>
#include <QThreadPool>
#include <QTimeZone>
#include <QUrlQuery>

#include <memory>

namespace firebreak::loki {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(LokiClient)
};

using Parameters = QList<QPair<QString, QString>>;
template <typename T> using Parser = std::function<Parsed<T>(const QByteArray&)>;

// Loki's messages are one line; a proxy's HTML page is cut to this.
constexpr qsizetype MaxApiMessageChars = 2000;

QString displayUrl(const QUrl& url)
{
    return url.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment);
}

bool looksLikeJson(const QByteArray& contentType)
{
    // application/json, application/json; charset=UTF-8, application/problem+json …
    return contentType.isEmpty() || contentType.toLower().contains("json");
}

bool isHtml(const QByteArray& contentType, const QByteArray& body)
{
    if (contentType.toLower().contains("html"))
        return true;
    const QByteArray start = body.left(64).trimmed().toLower();
    return start.startsWith("<!doctype html") || start.startsWith("<html");
}

QueryError networkError(const net::NetError& net)
{
    QueryError error;
    // An answer cut off mid-way is an unreadable answer, whichever layer noticed it.
    error.kind = net.kind == net::NetError::Kind::Malformed ? QueryError::Kind::Malformed : QueryError::Kind::Network;
    error.netKind = net.kind;
    error.httpStatus = net.httpStatus;
    error.message = net.message;
    return error;
}

template <typename T>
Answer<T> toAnswer(const net::HttpRequest& request, const net::HttpResult& result, const Parser<T>& parse)
{
    Answer<T> answer;
    const QString who = request.service;
    const QString where = displayUrl(request.url);
    const net::HttpResponse& response = result.response;
    if (!result.ok()) {
        QueryError error = networkError(*result.error);
        // Loki explains a refused request in a text/plain body: "parse error at line 1, col 31: …",
        // "max entries limit per query exceeded, …". A proxy's HTML error page is no such explanation.
        const bool refused
            = error.netKind == net::NetError::Kind::Http && (error.httpStatus == 400 || error.httpStatus == 422);
        const QByteArray text = response.body.trimmed();
        if (refused && !text.isEmpty() && !isHtml(response.contentType, text)) {
            error.kind = QueryError::Kind::Api;
            QString message = QString::fromUtf8(text).simplified();
            if (message.size() > MaxApiMessageChars)
                message = message.left(MaxApiMessageChars) + u'…';
            error.message = Text::tr("%1 at %2 answered %3: %4").arg(who, where).arg(error.httpStatus).arg(message);
        }
        answer.error = std::move(error);
        return answer;
    }
    if (!looksLikeJson(response.contentType)) {
        QueryError error;
        error.kind = QueryError::Kind::Malformed;
        error.netKind = net::NetError::Kind::Malformed;
        error.httpStatus = response.status;
        const QByteArray excerpt = net::bodyExcerpt(response.body, 120);
        error.message = Text::tr("%1 at %2 sent %3 where JSON was expected (is the URL that of Loki?): %4")
                            .arg(who, where, QString::fromLatin1(response.contentType),
                                excerpt.isEmpty() ? Text::tr("(empty body)") : QString::fromUtf8(excerpt));
        answer.error = std::move(error);
        return answer;
    }
    Parsed<T> parsed = parse(response.body);
    answer.warnings = std::move(parsed.warnings);
    if (parsed.error) {
        QueryError error;
        error.httpStatus = response.status;
        if (parsed.error->kind == ParseError::Kind::Api) {
            error.kind = QueryError::Kind::Api;
            error.message
                = Text::tr("%1 at %2 answered %3: %4").arg(who, where).arg(response.status).arg(parsed.error->message);
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
net::RequestHandlePtr fetch(net::HttpClient& http, net::HttpRequest request, QObject* context, Parser<T> parse,
    std::function<void(Answer<T>)> onDone, std::function<std::optional<Answer<T>>(const net::HttpResult&)> special = {})
{
    auto deliver = backends::deliverOnAppThread(context, std::move(onDone));
    net::HttpRequest copy = request;
    return http.send(
        std::move(copy), [request, parse = std::move(parse), deliver, special](net::HttpResult result) mutable {
            QThreadPool::globalInstance()->start([request, parse, deliver, special, result = std::move(result)] {
                if (special) {
                    if (auto answer = special(result)) {
                        deliver(std::move(*answer));
                        return;
                    }
                }
                deliver(toAnswer<T>(request, result, parse));
            });
        });
}

QueryError invalid(const QString& message)
{
    QueryError error;
    error.kind = QueryError::Kind::Invalid;
    error.message = message;
    return error;
}

QueryError cancelled()
{
    QueryError error;
    error.netKind = net::NetError::Kind::Cancelled;
    error.message = Text::tr("%1: cancelled.").arg(net::kindDisplayName(net::BackendKind::Loki));
    return error;
}

template <typename T>
net::RequestHandlePtr refuse(QObject* context, std::function<void(Answer<T>)> onDone, QueryError error)
{
    return backends::refuseLater(context, std::move(onDone), std::move(error));
}

void addRange(Parameters& parameters, std::optional<qint64> startNs, std::optional<qint64> endNs)
{
    if (startNs)
        parameters.append({ QStringLiteral("start"), LokiClient::apiTime(*startNs) });
    if (endNs)
        parameters.append({ QStringLiteral("end"), LokiClient::apiTime(*endNs) });
}

QString directionName(LogDirection direction)
{
    return direction == LogDirection::Forward ? QStringLiteral("forward") : QStringLiteral("backward");
}

/// A log query fetched page by page; see LokiClient::queryRange.
struct PagedQuery : std::enable_shared_from_this<PagedQuery>
{
    explicit PagedQuery(LokiClient copy)
        : client(std::move(copy))
    { }

    LokiClient client; // a copy: the caller's may go away while the job runs
    QPointer<QObject> context;
    RangeQuery query;
    net::RequestHandlePtr handle; // the caller's
    std::function<void(Answer<QueryResult>)> onDone;

    Answer<QueryResult> out;
    qint64 windowStart = 0;
    qint64 windowEnd = 0;
    bool haveBoundary = false;
    qint64 boundaryNs = 0; // the oldest (backward) or newest (forward) time of the last page
    QSet<QByteArray> atBoundary; // identities of the lines already taken at boundaryNs
    bool learntLimit = false;

    void finish()
    {
        out.warnings.removeDuplicates();
        if (out.value && !out.value->logs.isEmpty()) {
            const LogBatch& logs = out.value->logs;
            out.value->reachedNs = logs.at(logs.size() - 1).timestampNs;
        }
        onDone(std::move(out));
    }

    void fail(QueryError error)
    {
        out.value.reset();
        out.error = std::move(error);
        onDone(std::move(out));
    }

    void askNext()
    {
        if (!context)
            return;
        if (handle->isCancelled()) {
            fail(cancelled());
            return;
        }
        const qint64 have = out.value ? out.value->logs.size() : 0;
        // One line more than still wanted tells whether the limit cut the result.
        const qint64 wanted = query.limit - have + atBoundary.size() + 1;
        RangeQuery page = query;
        page.startNs = windowStart;
        page.endNs = windowEnd;
        page.limit = std::min<qint64>(client.maxEntriesPerQuery(), wanted);
        auto self = shared_from_this();
        client.queryRangePage(page, context,
            [self, asked = page.limit](Answer<QueryResult> answer) { self->take(std::move(answer), asked); });
    }

    void take(Answer<QueryResult> answer, qint64 asked)
    {
        out.warnings += answer.warnings;
        if (!answer.ok()) {
            // A server with a lower limit than assumed names it: learn it once and ask again.
            if (answer.error->kind == QueryError::Kind::Api && answer.error->httpStatus == 400 && !learntLimit) {
                const auto limit = maxEntriesFromError(answer.error->message);
                if (limit && *limit > 0 && *limit < asked) {
                    learntLimit = true;
                    client.setMaxEntriesPerQuery(*limit);
                    askNext();
                    return;
                }
            }
            fail(std::move(*answer.error));
            return;
        }
        QueryResult& page = *answer.value;
        if (!out.value) {
            if (page.type != ResultType::Streams) {
                // A metric query: the first answer is the whole answer.
                page.requests = 1;
                out.value = std::move(page);
                finish();
                return;
            }
            out.value = QueryResult {};
            out.value->type = ResultType::Streams;
            out.value->encodingFlags = page.encodingFlags;
        }
        QueryResult& result = *out.value;
        ++result.requests;
        result.stats.add(page.stats);

        const LogBatch& lines = page.logs; // sorted in `direction` by queryRangePage
        qint64 added = 0;
        std::vector<qint32> streams;
        for (qsizetype i = 0; i < lines.size(); ++i) {
            const LogLine& line = lines.at(i);
            if (haveBoundary && line.timestampNs == boundaryNs && atBoundary.contains(lines.identity(line)))
                continue;
            if (result.logs.size() == query.limit) {
                result.truncated = true;
                break;
            }
            result.logs.appendFrom(lines, i, &streams);
            ++added;
        }
        if (!lines.isEmpty()) {
            const qint64 edge = lines.at(lines.size() - 1).timestampNs;
            if (!haveBoundary || edge != boundaryNs) {
                atBoundary.clear();
                boundaryNs = edge;
                haveBoundary = true;
            }
            for (qsizetype i = lines.size() - 1; i >= 0 && lines.at(i).timestampNs == edge; --i)
                atBoundary.insert(lines.identity(lines.at(i)));
        }
        if (result.truncated || lines.size() < asked) {
            finish(); // the limit, or the end of the range
            return;
        }
        const bool backward = query.direction == LogDirection::Backward;
        if (added == 0) {
            // A whole page of lines at one nanosecond that were all seen: the server cannot give more of
            // them (it returns the same first ones each time). Move on past that nanosecond and say so.
            out.warnings << Text::tr(
                "Loki gives at most %1 lines per request and at least as many share the timestamp %2 ns: "
                "any more at that nanosecond cannot be fetched.")
                                .arg(asked)
                                .arg(boundaryNs);
            if (backward)
                windowEnd = boundaryNs;
            else
                windowStart = boundaryNs + 1;
            atBoundary.clear();
            haveBoundary = false;
        } else if (backward) {
            windowEnd = boundaryNs + 1; // the end is exclusive: ask for the boundary nanosecond again
        } else {
            windowStart = boundaryNs;
        }
        if (windowStart >= windowEnd) {
            finish();
            return;
        }
        askNext();
    }
};

Parsed<QueryResult> parseSortedPage(const QByteArray& body, LogDirection direction)
{
    Parsed<QueryResult> parsed = parseQueryResponse(body);
    if (parsed.value && parsed.value->type == ResultType::Streams)
        parsed.value->logs.sortByTime(direction);
    return parsed;
}

} // namespace

LokiClient::LokiClient(net::HttpClient& http, net::ConnectionProfile profile)
    : m_http(&http)
    , m_profile(std::move(profile))
{ }

QString LokiClient::apiTime(qint64 ns)
{
    // Loki reads an integer of at most 10 digits as seconds; only times before 1970-01-01T00:00:10Z are that short.
    if (ns >= 10000000000LL)
        return QString::number(ns);
    const qint64 seconds = ns >= 0 ? ns / 1000000000 : -((-ns + 999999999) / 1000000000);
    const qint64 fraction = ns - seconds * 1000000000;
    return QDateTime::fromSecsSinceEpoch(seconds, QTimeZone::utc()).toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss"))
        + u'.' + QStringLiteral("%1").arg(fraction, 9, 10, QLatin1Char('0')) + u'Z';
}

QString LokiClient::apiSeconds(qint64 ms)
{
    const qint64 seconds = ms / 1000;
    const qint64 rest = ms % 1000;
    if (rest == 0)
        return QString::number(seconds);
    const QString sign = ms < 0 ? QStringLiteral("-") : QString();
    return sign + QString::number(std::abs(seconds)) + u'.'
        + QStringLiteral("%1").arg(std::abs(rest), 3, 10, QLatin1Char('0'));
}

net::HttpRequest LokiClient::request(const QString& path, const Parameters& parameters) const
{
    net::HttpRequest request = net::requestFor(m_profile, path);
    QUrlQuery query;
    for (const auto& [name, value] : parameters)
        query.addQueryItem(name, QString::fromLatin1(QUrl::toPercentEncoding(value)));
    request.url.setQuery(query.query(QUrl::FullyEncoded), QUrl::StrictMode);
    request.headers.append({ QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json") });
    if (m_categorizeLabels) {
        request.headers.append(
            { QByteArrayLiteral("X-Loki-Response-Encoding-Flags"), QByteArrayLiteral("categorize-labels") });
    }
    if (m_maxResponseBytes > 0)
        request.maxResponseBytes = m_maxResponseBytes;
    return request;
}

net::RequestHandlePtr LokiClient::queryRangePage(
    const RangeQuery& query, QObject* context, Callback<QueryResult> onDone)
{
    Parameters parameters { { QStringLiteral("query"), query.expr } };
    addRange(parameters, query.startNs, query.endNs);
    parameters.append({ QStringLiteral("limit"), QString::number(query.limit) });
    parameters.append({ QStringLiteral("direction"), directionName(query.direction) });
    if (query.stepMs)
        parameters.append({ QStringLiteral("step"), apiSeconds(*query.stepMs) });
    const LogDirection direction = query.direction;
    return fetch<QueryResult>(
        *m_http, request(QStringLiteral("/loki/api/v1/query_range"), parameters), context,
        [direction](const QByteArray& body) { return parseSortedPage(body, direction); }, std::move(onDone));
}

net::RequestHandlePtr LokiClient::queryRange(const RangeQuery& query, QObject* context, Callback<QueryResult> onDone)
{
    if (query.expr.trimmed().isEmpty())
        return refuse(context, std::move(onDone), invalid(Text::tr("The query is empty.")));
    if (query.endNs < query.startNs)
        return refuse(context, std::move(onDone), invalid(Text::tr("The range ends before it starts.")));
    if (query.limit <= 0)
        return refuse(context, std::move(onDone), invalid(Text::tr("The line limit must be positive.")));
    if (query.stepMs && *query.stepMs <= 0)
        return refuse(context, std::move(onDone), invalid(Text::tr("The step must be positive.")));
    auto job = std::make_shared<PagedQuery>(*this);
    job->context = context;
    job->query = query;
    job->windowStart = query.startNs;
    job->windowEnd = query.endNs;
    job->handle = std::make_shared<net::RequestHandle>();
    job->onDone = std::move(onDone);
    job->askNext();
    return job->handle;
}

net::RequestHandlePtr LokiClient::query(
    const QString& expr, std::optional<qint64> timeNs, QObject* context, Callback<QueryResult> onDone)
{
    Parameters parameters { { QStringLiteral("query"), expr } };
    if (timeNs)
        parameters.append({ QStringLiteral("time"), apiTime(*timeNs) });
    return fetch<QueryResult>(
        *m_http, request(QStringLiteral("/loki/api/v1/query"), parameters), context,
        [](const QByteArray& body) { return parseSortedPage(body, LogDirection::Backward); }, std::move(onDone));
}

net::RequestHandlePtr LokiClient::labels(
    std::optional<qint64> startNs, std::optional<qint64> endNs, QObject* context, Callback<QStringList> onDone)
{
    Parameters parameters;
    addRange(parameters, startNs, endNs);
    return fetch<QStringList>(*m_http, request(QStringLiteral("/loki/api/v1/labels"), parameters), context,
        parseStringListResponse, std::move(onDone));
}

net::RequestHandlePtr LokiClient::labelValues(const QString& name, const QString& selector,
    std::optional<qint64> startNs, std::optional<qint64> endNs, QObject* context, Callback<QStringList> onDone)
{
    if (name.isEmpty())
        return refuse(context, std::move(onDone), invalid(Text::tr("Which label? The name is empty.")));
    Parameters parameters;
    addRange(parameters, startNs, endNs);
    if (!selector.trimmed().isEmpty())
        parameters.append({ QStringLiteral("query"), selector });
    const QString path
        = QStringLiteral("/loki/api/v1/label/") + QString::fromLatin1(QUrl::toPercentEncoding(name)) + u"/values";
    return fetch<QStringList>(*m_http, request(path, parameters), context, parseStringListResponse, std::move(onDone));
}

net::RequestHandlePtr LokiClient::series(const QStringList& matchers, std::optional<qint64> startNs,
    std::optional<qint64> endNs, QObject* context, Callback<std::vector<LogLabels>> onDone)
{
    if (matchers.isEmpty()) {
        return refuse(
            context, std::move(onDone), invalid(Text::tr("Listing series needs at least one stream selector.")));
    }
    Parameters parameters;
    for (const QString& matcher : matchers)
        parameters.append({ QStringLiteral("match[]"), matcher });
    addRange(parameters, startNs, endNs);
    return fetch<std::vector<LogLabels>>(*m_http, request(QStringLiteral("/loki/api/v1/series"), parameters), context,
        parseSeriesResponse, std::move(onDone));
}

net::RequestHandlePtr LokiClient::indexVolume(const QString& selector, std::optional<qint64> startNs,
    std::optional<qint64> endNs, QObject* context, Callback<Volume> onDone)
{
    Parameters parameters { { QStringLiteral("query"), selector } };
    addRange(parameters, startNs, endNs);
    // Loki before 2.9 (or with the endpoint disabled) has no such route: that is an answer, not a failure.
    auto notFound = [](const net::HttpResult& result) -> std::optional<Answer<Volume>> {
        if (result.ok() || result.error->kind != net::NetError::Kind::Http || result.error->httpStatus != 404)
            return std::nullopt;
        Answer<Volume> answer;
        answer.value = Volume { false, {} };
        return answer;
    };
    return fetch<Volume>(*m_http, request(QStringLiteral("/loki/api/v1/index/volume"), parameters), context,
        parseVolumeResponse, std::move(onDone), notFound);
}

net::RequestHandlePtr LokiClient::buildInfo(QObject* context, Callback<BuildInfo> onDone)
{
    return fetch<BuildInfo>(*m_http, request(QStringLiteral("/loki/api/v1/status/buildinfo"), {}), context,
        parseBuildInfoResponse, std::move(onDone));
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

std::optional<int> maxEntriesFromError(const QString& message)
{
    static const QRegularExpression pattern(QStringLiteral(
        "max entries limit per query exceeded, limit > max_entries_limit(?:_per_query)? \\((\\d+) > (\\d+)\\)"));
    const auto match = pattern.match(message);
    if (!match.hasMatch())
        return std::nullopt;
    bool ok = false;
    const int limit = match.captured(2).toInt(&ok);
    return ok ? std::optional<int>(limit) : std::nullopt;
}

} // namespace firebreak::loki
