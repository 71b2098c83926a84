// TempoClient::streamSearch: Tempo's StreamingQuerier/Search over gRPC (callback API: gRPC's own threads
// read the stream, results reach the caller's thread through queued invocations), with /api/search as
// the fallback for servers without gRPC.

#include "tempoclient.h"
#include "tempoclientshared.h"
#include "tempopb/tempo.grpc.pb.h"

#include <QFile>
#include <QHash>

#include <grpcpp/grpcpp.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <map>
#include <mutex>

namespace firebreak::tempo {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(TempoClient)
};

std::string readFile(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll().toStdString() : std::string();
}

std::shared_ptr<grpc::Channel> makeChannel(const net::ConnectionProfile& profile)
{
    std::shared_ptr<grpc::ChannelCredentials> credentials;
    if (profile.baseUrl.scheme() == QLatin1String("https")) {
        grpc::SslCredentialsOptions ssl;
        ssl.pem_root_certs = readFile(profile.tls.caFile);
        ssl.pem_cert_chain = readFile(profile.tls.clientCertFile);
        ssl.pem_private_key = readFile(profile.tls.clientKeyFile);
        credentials = grpc::SslCredentials(ssl);
    } else {
        credentials = grpc::InsecureChannelCredentials();
    }
    grpc::ChannelArguments arguments;
    // Search answers of many traces exceed gRPC's default of 4 MiB; the same cap as an HTTP answer.
    arguments.SetMaxReceiveMessageSize(256 * 1024 * 1024);
    arguments.SetString(GRPC_ARG_PRIMARY_USER_AGENT_STRING, "Firebreak/" FIREBREAK_VERSION);
    return grpc::CreateCustomChannel(TempoClient::grpcTarget(profile).toStdString(), credentials, arguments);
}

/// One channel per server for the whole process, as gRPC advises, and never released: a channel whose last
/// reference went away inside a call's completion (a reactor deleting itself) would shut down gRPC's callback
/// queue from that queue's own thread, which aborts in gRPC 1.51.
std::shared_ptr<grpc::Channel> channelFor(const net::ConnectionProfile& profile)
{
    static std::mutex mutex;
    static auto* channels = new std::map<QString, std::shared_ptr<grpc::Channel>>; // reachable until exit
    const QString key = TempoClient::grpcTarget(profile) + u'|' + profile.baseUrl.scheme() + u'|' + profile.tls.caFile
        + u'|' + profile.tls.clientCertFile + u'|' + profile.tls.clientKeyFile;
    std::lock_guard lock(mutex);
    auto& channel = (*channels)[key];
    if (!channel)
        channel = makeChannel(profile);
    return channel;
}

tempopb::SearchRequest searchRequest(const SearchQuery& query)
{
    tempopb::SearchRequest request;
    request.set_query(query.traceql.toStdString());
    request.set_limit(static_cast<std::uint32_t>(std::max(0, query.limit)));
    request.set_spansperspanset(static_cast<std::uint32_t>(std::max(0, query.spansPerSpanSet)));
    if (query.startS)
        request.set_start(static_cast<std::uint32_t>(std::max<qint64>(0, *query.startS)));
    if (query.endS)
        request.set_end(static_cast<std::uint32_t>(std::max<qint64>(0, *query.endS)));
    if (query.minDurationMs)
        request.set_mindurationms(static_cast<std::uint32_t>(std::max<qint64>(0, *query.minDurationMs)));
    if (query.maxDurationMs)
        request.set_maxdurationms(static_cast<std::uint32_t>(std::max<qint64>(0, *query.maxDurationMs)));
    return request;
}

/// The profile's authentication and headers as gRPC metadata (whose keys are lower case).
void addMetadata(grpc::ClientContext& context, const net::ConnectionProfile& profile)
{
    switch (profile.auth) {
    case net::AuthKind::None:
        break;
    case net::AuthKind::Basic:
        context.AddMetadata("authorization",
            "Basic "
                + QByteArray(profile.username.toUtf8() + ':' + profile.password.toUtf8()).toBase64().toStdString());
        break;
    case net::AuthKind::Bearer:
        context.AddMetadata("authorization", "Bearer " + profile.bearerToken.toStdString());
        break;
    }
    for (const net::Header& header : profile.headers)
        context.AddMetadata(header.name.toLower().toStdString(), header.value.toStdString());
}

} // namespace

struct SearchStream::State
{
    std::mutex mutex;
    bool cancelled = false;
    grpc::ClientContext* context = nullptr; // while the gRPC call runs
    net::RequestHandlePtr http; // while the fallback runs
};

SearchStream::SearchStream(std::shared_ptr<State> state)
    : m_state(std::move(state))
{ }

void SearchStream::cancel()
{
    std::lock_guard lock(m_state->mutex);
    m_state->cancelled = true;
    if (m_state->context)
        m_state->context->TryCancel();
    if (m_state->http)
        m_state->http->cancel();
}

bool SearchStream::isCancelled() const
{
    std::lock_guard lock(m_state->mutex);
    return m_state->cancelled;
}

namespace {

/// The caller's side, touched only on the application's thread: results merged so far, what to call.
struct StreamJob
{
    TempoClient client; // a copy: the caller's may go away while the stream runs
    SearchQuery query;
    QPointer<QObject> guard;
    std::function<void(const SearchResult&)> onPartial;
    std::function<void(Answer<SearchResult>)> onDone;
    std::shared_ptr<SearchStream::State> state;
    QString where; // "Tempo at host:port (gRPC)", for messages
    SearchResult merged;
    QHash<QString, std::size_t> byId;
    int messages = 0;

    static QString key(const TraceSummary& trace)
    {
        // Tempo drops leading zeros of trace ids in search results; the same trace must merge.
        const QString id = normalizedTraceId(trace.traceId);
        return id.isEmpty() ? trace.traceId : id;
    }

    void take(SearchResult part)
    {
        ++messages;
        for (TraceSummary& trace : part.traces) {
            const QString id = key(trace);
            if (const auto it = byId.constFind(id); it != byId.constEnd()) {
                merged.traces[*it] = std::move(trace);
            } else {
                byId.insert(id, merged.traces.size());
                merged.traces.push_back(std::move(trace));
            }
        }
        merged.metrics = part.metrics;
        std::stable_sort(merged.traces.begin(), merged.traces.end(),
            [](const TraceSummary& a, const TraceSummary& b) { return a.startNs > b.startNs; });
        byId.clear();
        for (std::size_t i = 0; i < merged.traces.size(); ++i)
            byId.insert(key(merged.traces[i]), i);
        onPartial(merged);
    }

    void fail(TempoError::Kind kind, net::NetError::Kind netKind, const QString& message)
    {
        Answer<SearchResult> answer;
        answer.error = TempoError { kind, netKind, 0, message };
        onDone(std::move(answer));
    }

    void finished(const grpc::Status& status, std::shared_ptr<StreamJob> self)
    {
        const QString detail = QString::fromStdString(status.error_message());
        bool cancelled = false;
        {
            std::lock_guard lock(state->mutex);
            cancelled = state->cancelled;
        }
        if (cancelled) {
            fail(TempoError::Kind::Network, net::NetError::Kind::Cancelled, Text::tr("%1: cancelled.").arg(where));
            return;
        }
        switch (status.error_code()) {
        case grpc::StatusCode::OK: {
            Answer<SearchResult> answer;
            answer.value = merged;
            onDone(std::move(answer));
            return;
        }
        case grpc::StatusCode::UNIMPLEMENTED:
        case grpc::StatusCode::UNAVAILABLE:
            if (messages == 0) {
                spdlog::info("event=tempo_grpc_fallback target={} code={} detail=\"{}\"",
                    TempoClient::grpcTarget(client.profile()).toStdString(), static_cast<int>(status.error_code()),
                    status.error_message());
                fallBack(std::move(self));
                return;
            }
            fail(TempoError::Kind::Network, net::NetError::Kind::Unreachable,
                Text::tr("%1: the stream broke off: %2").arg(where, detail));
            return;
        case grpc::StatusCode::DEADLINE_EXCEEDED:
            fail(TempoError::Kind::Network, net::NetError::Kind::Timeout,
                Text::tr("%1: the search did not finish in time (%2).").arg(where, detail));
            return;
        case grpc::StatusCode::UNAUTHENTICATED:
        case grpc::StatusCode::PERMISSION_DENIED:
            fail(TempoError::Kind::Network, net::NetError::Kind::Auth,
                Text::tr("%1 refused the credentials: %2").arg(where, detail));
            return;
        case grpc::StatusCode::INVALID_ARGUMENT:
            fail(TempoError::Kind::Query, net::NetError::Kind::Http,
                Text::tr("%1 refused the query: %2").arg(where, detail));
            return;
        case grpc::StatusCode::RESOURCE_EXHAUSTED:
            fail(TempoError::Kind::TooLarge, net::NetError::Kind::TooLarge,
                Text::tr("%1: the answer is too large: %2").arg(where, detail));
            return;
        case grpc::StatusCode::CANCELLED:
            fail(TempoError::Kind::Network, net::NetError::Kind::Cancelled, Text::tr("%1: cancelled.").arg(where));
            return;
        default:
            fail(TempoError::Kind::Network, net::NetError::Kind::Http,
                Text::tr("%1 answered %2: %3").arg(where).arg(static_cast<int>(status.error_code())).arg(detail));
            return;
        }
    }

    void fallBack(std::shared_ptr<StreamJob> self)
    {
        std::lock_guard lock(state->mutex);
        state->http = client.search(query, guard.data(), [self](Answer<SearchResult> answer) {
            {
                std::lock_guard lock(self->state->mutex);
                self->state->http.reset();
            }
            if (answer.ok())
                self->onPartial(*answer.value);
            self->onDone(std::move(answer));
        });
    }
};

/// Reads the stream on gRPC's threads and posts each message and the end to the application's thread.
/// Owns itself: deleted when gRPC reports the call done.
class SearchReactor final : public grpc::ClientReadReactor<tempopb::SearchResponse>
{
public:
    SearchReactor(std::shared_ptr<StreamJob> job, std::chrono::milliseconds timeout)
        : m_job(std::move(job))
    {
        m_context.set_deadline(std::chrono::system_clock::now() + timeout);
        addMetadata(m_context, m_job->client.profile());
        m_request = searchRequest(m_job->query);
    }

    void start(tempopb::StreamingQuerier::Stub& stub)
    {
        {
            std::lock_guard lock(m_job->state->mutex);
            if (m_job->state->cancelled)
                m_context.TryCancel();
            m_job->state->context = &m_context;
        }
        stub.async()->Search(&m_context, &m_request, this);
        StartRead(&m_response);
        StartCall();
    }

    void OnReadDone(bool ok) override
    {
        if (!ok)
            return; // the stream ended; OnDone follows
        SearchResult part = searchResultFromProto(m_response);
        m_response.Clear();
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [job = m_job, part = std::move(part)]() mutable {
                if (job->guard)
                    job->take(std::move(part));
            },
            Qt::QueuedConnection);
        StartRead(&m_response);
    }

    void OnDone(const grpc::Status& status) override
    {
        {
            std::lock_guard lock(m_job->state->mutex);
            m_job->state->context = nullptr;
        }
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [job = m_job, status]() {
                if (job->guard)
                    job->finished(status, job);
            },
            Qt::QueuedConnection);
        delete this;
    }

private:
    std::shared_ptr<StreamJob> m_job;
    grpc::ClientContext m_context;
    tempopb::SearchRequest m_request;
    tempopb::SearchResponse m_response;
};

} // namespace

std::shared_ptr<SearchStream> TempoClient::streamSearch(const SearchQuery& query, QObject* context,
    std::function<void(const SearchResult&)> onPartial, Callback<SearchResult> onDone,
    std::optional<std::chrono::milliseconds> timeout)
{
    Q_ASSERT(context && context->thread() == QCoreApplication::instance()->thread());
    auto state = std::make_shared<SearchStream::State>();
    auto handle = std::make_shared<SearchStream>(state);
    auto job
        = std::make_shared<StreamJob>(StreamJob { *this, query, context, std::move(onPartial), std::move(onDone), state,
            Text::tr("%1 at %2 (gRPC)").arg(net::kindDisplayName(m_profile.kind), grpcTarget(m_profile)), {}, {}, 0 });
    // gRPC here cannot skip certificate checks; asked for that, use the HTTP search (which can) instead.
    if (m_profile.tls.skipVerify) {
        job->fallBack(job);
        return handle;
    }
    // The stub only forwards to the channel; the call holds what it needs.
    tempopb::StreamingQuerier::Stub stub(channelFor(m_profile));
    auto* reactor = new SearchReactor(job, timeout.value_or(m_profile.timeout));
    reactor->start(stub);
    return handle;
}

} // namespace firebreak::tempo
