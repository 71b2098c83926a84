#include "tempoclient.h"

#include "tempoclientshared.h"

#include <QThreadPool>
#include <QUrlQuery>

namespace firebreak::tempo {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(TempoClient)
};

using Parameters = QList<QPair<QString, QString>>;

template <typename T> struct Attempt
{
    net::HttpRequest request;
    std::function<Parsed<T>(const net::HttpResult&)> parse;
};

/// One request, or several where the first endpoint may be missing (a 404 that is not Tempo's
/// "trace not found"): the next is asked then. Decisions are taken on the application's thread (sendTo),
/// parsing runs on the thread pool.
template <typename T> struct Job : std::enable_shared_from_this<Job<T>>
{
    net::HttpClient* http = nullptr;
    QPointer<QObject> guard;
    std::vector<Attempt<T>> attempts;
    std::size_t next = 0;
    std::function<void(Answer<T>)> onDone;
    net::RequestHandlePtr handle; // the first request's: the caller cancels through it
    std::function<void(std::size_t attempt, bool present)> learnt; // whether attempt i's endpoint exists
    std::function<std::optional<TempoError>(const net::HttpRequest&, const net::HttpResult&)> refusal;

    net::RequestHandlePtr start(QObject* context)
    {
        handle = ask(context);
        return handle;
    }

    net::RequestHandlePtr ask(QObject* context)
    {
        auto self = this->shared_from_this();
        return http->sendTo(attempts[next].request, context,
            [self, context](net::HttpResult result) { self->answered(context, std::move(result)); });
    }

    void fail(TempoError error)
    {
        Answer<T> answer;
        answer.error = std::move(error);
        onDone(std::move(answer));
    }

    void cancelled()
    {
        TempoError error;
        error.netKind = net::NetError::Kind::Cancelled;
        error.message = Text::tr("%1 at %2: cancelled.")
                            .arg(attempts[next].request.service, displayUrl(attempts[next].request.url));
        fail(std::move(error));
    }

    void answered(QObject* context, net::HttpResult result)
    {
        const net::HttpRequest& request = attempts[next].request;
        if (handle && handle->isCancelled()) {
            cancelled();
            return;
        }
        if (!result.ok()) {
            const net::NetError& error = *result.error;
            const bool endpointMissing = error.kind == net::NetError::Kind::Http && error.httpStatus == 404
                && !isTraceNotFound(404, result.response.body);
            if (endpointMissing && next + 1 < attempts.size()) {
                if (learnt)
                    learnt(next, false);
                ++next;
                ask(context);
                return;
            }
            if (refusal) {
                if (auto special = refusal(request, result)) {
                    fail(std::move(*special));
                    return;
                }
            }
            fail(networkError(request, result));
            return;
        }
        if (learnt)
            learnt(next, true);
        QThreadPool::globalInstance()->start([self = this->shared_from_this(), result = std::move(result)] {
            const Attempt<T>& attempt = self->attempts[self->next];
            Parsed<T> parsed = attempt.parse(result);
            Answer<T> answer;
            answer.warnings = std::move(parsed.warnings);
            if (parsed.error)
                answer.error = malformedError(attempt.request, *parsed.error);
            else
                answer.value = std::move(parsed.value);
            post(self->guard, self->onDone, std::move(answer));
        });
    }
};

template <typename T>
std::shared_ptr<Job<T>> makeJob(net::HttpClient& http, QObject* context, std::function<void(Answer<T>)> onDone)
{
    Q_ASSERT(context && context->thread() == QCoreApplication::instance()->thread());
    auto job = std::make_shared<Job<T>>();
    job->http = &http;
    job->guard = context;
    job->onDone = std::move(onDone);
    return job;
}

template <typename T>
net::RequestHandlePtr refuse(QObject* context, std::function<void(Answer<T>)> onDone, const QString& message)
{
    Answer<T> answer;
    answer.error = TempoError { TempoError::Kind::Invalid, net::NetError::Kind::Unreachable, 0, message };
    post(QPointer<QObject>(context), std::move(onDone), std::move(answer));
    return std::make_shared<net::RequestHandle>();
}

template <typename T> auto bodyParser(Parsed<T> (*parse)(const QByteArray&))
{
    return [parse](const net::HttpResult& result) { return parse(result.response.body); };
}

/// "resource.service.name" -> "service.name"; v1 tag names have no scope.
QString unscoped(const QString& tag)
{
    for (const QLatin1String prefix :
        { QLatin1String("resource."), QLatin1String("span."), QLatin1String("intrinsic."), QLatin1String(".") }) {
        if (tag.startsWith(prefix))
            return tag.mid(prefix.size());
    }
    return tag;
}

void setAccept(net::HttpRequest& request, const QByteArray& type)
{
    request.headers.removeIf(
        [](const auto& header) { return header.first.compare("Accept", Qt::CaseInsensitive) == 0; });
    request.headers.append({ QByteArrayLiteral("Accept"), type });
}

QString pathSegment(const QString& text)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(text));
}

} // namespace

QString displayUrl(const QUrl& url)
{
    return url.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment);
}

TempoError networkError(const net::HttpRequest& request, const net::HttpResult& result)
{
    const net::NetError& net = *result.error;
    TempoError error;
    error.netKind = net.kind;
    error.httpStatus = net.httpStatus;
    error.message = net.message;
    const QString who = request.service;
    const QString where = displayUrl(request.url);
    if (net.kind == net::NetError::Kind::TooLarge) {
        error.kind = TempoError::Kind::TooLarge;
    } else if ((net.kind == net::NetError::Kind::Http || net.kind == net::NetError::Kind::Auth)
        && isTraceTooLarge(result.response.body)) {
        error.kind = TempoError::Kind::TooLarge;
        error.message = Text::tr("%1 at %2 refuses the trace as too large (%3): %4")
                            .arg(who, where)
                            .arg(net.httpStatus)
                            .arg(QString::fromUtf8(net::bodyExcerpt(result.response.body)));
    } else if (net.kind == net::NetError::Kind::Http && net.httpStatus == 400) {
        error.kind = TempoError::Kind::Query;
        error.message = Text::tr("%1 at %2 refused the query: %3")
                            .arg(who, where, QString::fromUtf8(net::bodyExcerpt(result.response.body)));
    }
    return error;
}

TempoError malformedError(const net::HttpRequest& request, const QString& what)
{
    TempoError error;
    error.kind = TempoError::Kind::Malformed;
    error.netKind = net::NetError::Kind::Malformed;
    error.message = Text::tr("%1 at %2 sent an answer that cannot be read: %3")
                        .arg(request.service, displayUrl(request.url), what);
    return error;
}

TempoClient::TempoClient(net::HttpClient& http, net::ConnectionProfile profile)
    : m_http(http)
    , m_profile(std::move(profile))
    , m_shared(std::make_shared<Shared>())
{ }

net::HttpRequest TempoClient::request(const QString& path, const Parameters& parameters) const
{
    net::HttpRequest request = net::requestFor(m_profile, path);
    if (!parameters.isEmpty()) {
        QUrlQuery query;
        for (const auto& [name, value] : parameters)
            query.addQueryItem(name, QString::fromLatin1(QUrl::toPercentEncoding(value)));
        request.url.setQuery(query.query(QUrl::FullyEncoded), QUrl::StrictMode);
    }
    request.headers.append({ QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json") });
    return request;
}

net::RequestHandlePtr TempoClient::traceById(const QString& traceId, QObject* context, Callback<TraceResult> onDone)
{
    const QString id = normalizedTraceId(traceId);
    if (id.isEmpty()) {
        return refuse(context, std::move(onDone),
            Text::tr("\"%1\" is not a trace id (1 to 32 hexadecimal digits).").arg(traceId.trimmed()));
    }
    auto job = makeJob(m_http, context, std::move(onDone));
    const auto attempt = [&](const QString& path, TraceEndpoint endpoint) {
        net::HttpRequest r = request(path, {});
        setAccept(r, QByteArrayLiteral("application/protobuf"));
        r.maxResponseBytes = m_maxTraceBytes;
        const QString url = displayUrl(r.url);
        return Attempt<TraceResult> { r, [endpoint, url](const net::HttpResult& result) {
                                         Parsed<TraceResult> parsed = parseTraceResponse(
                                             result.response.body, result.response.contentType, endpoint);
                                         if (parsed.value)
                                             parsed.value->url = url;
                                         return parsed;
                                     } };
    };
    if (m_shared->traceV2.load() != Endpoint::Absent)
        job->attempts.push_back(attempt(u"/api/v2/traces/" + id, TraceEndpoint::V2));
    job->attempts.push_back(attempt(u"/api/traces/" + id, TraceEndpoint::V1));
    if (job->attempts.size() == 2) {
        job->learnt = [shared = m_shared](std::size_t i, bool present) {
            if (i == 0)
                shared->traceV2.store(present ? Endpoint::Present : Endpoint::Absent);
        };
    }
    job->refusal = [id](const net::HttpRequest& r, const net::HttpResult& result) -> std::optional<TempoError> {
        if (result.error->kind == net::NetError::Kind::Http
            && isTraceNotFound(result.error->httpStatus, result.response.body)) {
            return TempoError { TempoError::Kind::NotFound, net::NetError::Kind::Http, 404,
                Text::tr("Trace %1 not found in %2 at %3.").arg(id, r.service, displayUrl(r.url)) };
        }
        return std::nullopt;
    };
    return job->start(context);
}

net::RequestHandlePtr TempoClient::search(const SearchQuery& query, QObject* context, Callback<SearchResult> onDone)
{
    if (query.startS && query.endS && *query.endS < *query.startS)
        return refuse(context, std::move(onDone), Text::tr("The search range ends before it starts."));
    if (query.limit <= 0)
        return refuse(context, std::move(onDone), Text::tr("The search limit must be positive."));
    Parameters parameters;
    if (!query.traceql.trimmed().isEmpty())
        parameters.append({ QStringLiteral("q"), query.traceql });
    parameters.append({ QStringLiteral("limit"), QString::number(query.limit) });
    parameters.append({ QStringLiteral("spss"), QString::number(query.spansPerSpanSet) });
    if (query.startS)
        parameters.append({ QStringLiteral("start"), QString::number(*query.startS) });
    if (query.endS)
        parameters.append({ QStringLiteral("end"), QString::number(*query.endS) });
    if (query.minDurationMs)
        parameters.append({ QStringLiteral("minDuration"), QString::number(*query.minDurationMs) + u"ms" });
    if (query.maxDurationMs)
        parameters.append({ QStringLiteral("maxDuration"), QString::number(*query.maxDurationMs) + u"ms" });
    auto job = makeJob(m_http, context, std::move(onDone));
    job->attempts.push_back({ request(QStringLiteral("/api/search"), parameters), bodyParser(parseSearchResponse) });
    return job->start(context);
}

net::RequestHandlePtr TempoClient::tagNames(
    const QString& scope, QObject* context, Callback<std::vector<TagScope>> onDone)
{
    Parameters parameters;
    if (!scope.isEmpty())
        parameters.append({ QStringLiteral("scope"), scope });
    auto job = makeJob(m_http, context, std::move(onDone));
    if (m_shared->tagsV2.load() != Endpoint::Absent) {
        job->attempts.push_back(
            { request(QStringLiteral("/api/v2/search/tags"), parameters), bodyParser(parseTagScopes) });
    }
    job->attempts.push_back(
        { request(QStringLiteral("/api/search/tags"), parameters), [scope](const net::HttpResult& result) {
             Parsed<QStringList> names = parseTagNames(result.response.body);
             Parsed<std::vector<TagScope>> parsed;
             parsed.error = names.error;
             if (names.value)
                 parsed.value = std::vector<TagScope> { TagScope { scope, *names.value } };
             return parsed;
         } });
    if (job->attempts.size() == 2) {
        job->learnt = [shared = m_shared](std::size_t i, bool present) {
            if (i == 0)
                shared->tagsV2.store(present ? Endpoint::Present : Endpoint::Absent);
        };
    }
    return job->start(context);
}

net::RequestHandlePtr TempoClient::tagValues(
    const QString& tag, QObject* context, Callback<std::vector<TagValue>> onDone)
{
    if (tag.trimmed().isEmpty())
        return refuse(context, std::move(onDone), Text::tr("Which tag? The name is empty."));
    auto job = makeJob(m_http, context, std::move(onDone));
    if (m_shared->tagsV2.load() != Endpoint::Absent) {
        job->attempts.push_back(
            { request(u"/api/v2/search/tag/" + pathSegment(tag) + u"/values", {}), bodyParser(parseTagValuesV2) });
    }
    job->attempts.push_back(
        { request(u"/api/search/tag/" + pathSegment(unscoped(tag)) + u"/values", {}), bodyParser(parseTagValuesV1) });
    if (job->attempts.size() == 2) {
        job->learnt = [shared = m_shared](std::size_t i, bool present) {
            if (i == 0)
                shared->tagsV2.store(present ? Endpoint::Present : Endpoint::Absent);
        };
    }
    return job->start(context);
}

net::RequestHandlePtr TempoClient::buildInfo(QObject* context, Callback<BuildInfo> onDone)
{
    auto job = makeJob(m_http, context, std::move(onDone));
    if (m_shared->buildInfo.load() != Endpoint::Absent) {
        job->attempts.push_back({ request(QStringLiteral("/api/status/buildinfo"), {}), bodyParser(parseBuildInfo) });
    }
    net::HttpRequest version = request(QStringLiteral("/status/version"), {});
    setAccept(version, QByteArrayLiteral("text/plain"));
    job->attempts.push_back({ version, bodyParser(parseVersionText) });
    if (job->attempts.size() == 2) {
        job->learnt = [shared = m_shared](std::size_t i, bool present) {
            if (i == 0)
                shared->buildInfo.store(present ? Endpoint::Present : Endpoint::Absent);
        };
    }
    return job->start(context);
}

QString TempoClient::grpcTarget(const net::ConnectionProfile& profile)
{
    if (!profile.grpcAddress.trimmed().isEmpty())
        return profile.grpcAddress.trimmed();
    const QUrl& url = profile.baseUrl;
    const int port = url.port(url.scheme() == QLatin1String("https") ? 443 : 80);
    const QString host = url.host().contains(u':') ? u'[' + url.host() + u']' : url.host(); // IPv6
    return host + u':' + QString::number(port);
}

QString tempoErrorKindName(TempoError::Kind kind)
{
    switch (kind) {
    case TempoError::Kind::Network:
        return QStringLiteral("network");
    case TempoError::Kind::NotFound:
        return QStringLiteral("not_found");
    case TempoError::Kind::TooLarge:
        return QStringLiteral("too_large");
    case TempoError::Kind::Query:
        return QStringLiteral("query");
    case TempoError::Kind::Malformed:
        return QStringLiteral("malformed");
    case TempoError::Kind::Invalid:
        return QStringLiteral("invalid");
    }
    return {};
}

} // namespace firebreak::tempo
