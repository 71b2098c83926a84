#pragma once

#include "net/connectionprofile.h"
#include "net/httpclient.h"
#include "tempoparser.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

namespace firebreak::tempo {

/// Why a request gave no result.
struct TempoError
{
    enum class Kind
    {
        Network, // see `netKind`: timeout, unreachable, TLS, HTTP status, authentication, cancelled
        NotFound, // Tempo has no trace with this id
        TooLarge, // the trace (or answer) is beyond Tempo's or our size limit
        Query, // Tempo refused the query (400: invalid TraceQL, bad parameter); `message` carries its reason
        Malformed, // the answer is not what Tempo's API documents
        Invalid, // refused before sending (not a trace id, end before start)
    };
    Kind kind = Kind::Network;
    net::NetError::Kind netKind = net::NetError::Kind::Unreachable;
    int httpStatus = 0;
    /// A sentence naming the server: "Trace 4bf9… not found in Tempo at http://…/api/traces/4bf9….".
    QString message;
};

template <typename T> struct Answer
{
    std::optional<T> value;
    QStringList warnings;
    std::optional<TempoError> error;

    bool ok() const { return value.has_value(); }
};

struct SearchQuery
{
    QString traceql; // `q`; empty searches recent traces
    int limit = 20;
    int spansPerSpanSet = 3; // `spss`
    std::optional<qint64> startS; // unix seconds
    std::optional<qint64> endS;
    std::optional<qint64> minDurationMs;
    std::optional<qint64> maxDurationMs;
};

/// A streaming search under way; cancel() ends it (its onDone then runs with a Cancelled network error).
class SearchStream
{
public:
    void cancel();
    bool isCancelled() const;

    struct State;
    explicit SearchStream(std::shared_ptr<State> state);

private:
    std::shared_ptr<State> m_state;
};

/// The query API of one Grafana Tempo. Every call is asynchronous: the transfer on HttpClient's network thread,
/// parsing on the global thread pool, and `onDone` runs once on `context`'s (the GUI) thread, unless `context`
/// was destroyed meanwhile. Cancelling the returned handle makes `onDone` run with a Network error of kind
/// Cancelled. Copies share what was learnt about the server (which endpoints it has).
class TempoClient
{
public:
    template <typename T> using Callback = std::function<void(Answer<T>)>;

    TempoClient(net::HttpClient& http, net::ConnectionProfile profile);

    const net::ConnectionProfile& profile() const { return m_profile; }
    /// Traces whose answer is larger are refused with TooLarge (default: HttpRequest's cap, 256 MiB).
    void setMaxTraceBytes(qint64 bytes) { m_maxTraceBytes = bytes; }

    /// /api/v2/traces/<id> with Accept: application/protobuf, or /api/traces/<id> where Tempo has no v2 (2.2.4
    /// answers 404 "404 page not found" for it; "trace not found" is an answer, not a missing endpoint).
    net::RequestHandlePtr traceById(const QString& traceId, QObject* context, Callback<TraceResult> onDone);
    /// /api/search: one answer with everything.
    net::RequestHandlePtr search(const SearchQuery& query, QObject* context, Callback<SearchResult> onDone);
    /// tempopb.StreamingQuerier/Search over gRPC: `onPartial` gets the results so far each time the server sends
    /// more (traces merged by id, newest version of each, sorted by start, newest first), `onDone` the final ones.
    /// Where the server has no gRPC (UNIMPLEMENTED or UNAVAILABLE before any result) it falls back to /api/search
    /// and delivers that single answer through `onPartial` and `onDone`. `timeout` bounds the whole stream
    /// (default: the profile's timeout).
    std::shared_ptr<SearchStream> streamSearch(const SearchQuery& query, QObject* context,
        std::function<void(const SearchResult&)> onPartial, Callback<SearchResult> onDone,
        std::optional<std::chrono::milliseconds> timeout = std::nullopt);
    /// Tag names by scope: /api/v2/search/tags, else /api/search/tags (one unnamed scope). `scope` limits the
    /// answer to "resource", "span" or "intrinsic".
    net::RequestHandlePtr tagNames(const QString& scope, QObject* context, Callback<std::vector<TagScope>> onDone);
    /// Values of a tag: /api/v2/search/tag/<scope.name>/values (typed), else /api/search/tag/<name>/values
    /// with the scope prefix dropped (every value then typed "string").
    net::RequestHandlePtr tagValues(const QString& tag, QObject* context, Callback<std::vector<TagValue>> onDone);
    /// /api/status/buildinfo, else (Tempo 2.2 and older) the text of /status/version.
    net::RequestHandlePtr buildInfo(QObject* context, Callback<BuildInfo> onDone);

    /// Where gRPC is asked: the profile's gRPC address, else the host and port of the HTTP URL (Tempo serves
    /// gRPC there too with stream_over_http_enabled).
    static QString grpcTarget(const net::ConnectionProfile& profile);

    struct Shared;

private:
    net::HttpRequest request(const QString& path, const QList<QPair<QString, QString>>& parameters) const;

    net::HttpClient& m_http;
    net::ConnectionProfile m_profile;
    qint64 m_maxTraceBytes = net::HttpRequest().maxResponseBytes;
    std::shared_ptr<Shared> m_shared;
};

QString tempoErrorKindName(TempoError::Kind kind);

} // namespace firebreak::tempo
