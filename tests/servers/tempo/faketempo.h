#pragma once

// A Tempo stand-in for tests: keeps pushed OTLP traces in memory and answers the query API with Tempo 2.2.4's
// shapes, content types and error texts (tests/data/tempo/ holds the recorded answers), plus what newer Tempo
// added (/api/v2/traces) unless told to act like 2.2.4. Its gRPC server streams StreamingQuerier/Search results
// in several messages. tests/README.md lists what it covers and what not.

#include "fakehttpserver.h"

#include <QByteArray>
#include <QString>

#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <variant>

namespace grpc {
class Server;
}

namespace tempopb {
class SearchResponse;
class Trace;
} // namespace tempopb

namespace firebreak::test {

class FakeTempo
{
public:
    FakeTempo();
    ~FakeTempo();
    FakeTempo(const FakeTempo&) = delete;
    FakeTempo& operator=(const FakeTempo&) = delete;

    bool listen(quint16 port = 0) { return m_http.listen(port); }
    QString url() const { return m_http.url(); }
    /// For faults and for what arrived.
    FakeHttpServer& http() { return m_http; }

    /// Starts the gRPC server (tempopb.StreamingQuerier) on 127.0.0.1:`port`, any free port for 0.
    bool listenGrpc(quint16 port = 0);
    int grpcPort() const { return m_grpcPort; }
    QString grpcAddress() const { return QStringLiteral("127.0.0.1:%1").arg(m_grpcPort); }

    /// /api/v2/traces/<id> exists (newer Tempo); off, the server answers 404 there as Tempo 2.2.4 does.
    void setV2TracesEnabled(bool enabled) { m_v2Traces = enabled; }
    /// Traces whose protobuf is larger are refused by /api/traces (500 "trace exceeds max size (max bytes: N)")
    /// and cut to fit, marked partial, by /api/v2/traces. 0: no limit.
    void setMaxTraceBytes(qint64 bytes) { m_maxTraceBytes = bytes; }
    /// Off: StreamingQuerier/Search answers UNIMPLEMENTED (a Tempo without streaming).
    void setStreamingEnabled(bool enabled) { m_streaming = enabled; }
    /// The stream's results come in this many messages (each with all results so far), `intervalMs` apart.
    void setStreamProgress(int messages, int intervalMs)
    {
        m_streamMessages = std::max(1, messages);
        m_streamIntervalMs = std::max(0, intervalMs);
    }
    int streamCalls() const { return m_streamCalls; }

    /// What POST /v1/traces does with an OTLP JSON body (hex ids, as the OTLP specification has them); the error
    /// Tempo would answer with, or empty.
    QString pushJson(const QByteArray& json);
    /// The same for an OTLP protobuf body (ExportTraceServiceRequest, wire-identical to TracesData).
    QString pushProtobuf(const QByteArray& protobuf);
    qsizetype traceCount() const;
    qsizetype spanCount() const;

    /// Tempo 2.2.4's /status/version text, byte for byte.
    static QByteArray versionText();

    struct SearchParams
    {
        QString query; // TraceQL
        QString tags; // the older logfmt search: "service.name=checkout http.status_code=502"
        int limit = 20;
        int spansPerSpanSet = 3;
        std::optional<qint64> startS;
        std::optional<qint64> endS;
        std::optional<qint64> minDurationNs;
        std::optional<qint64> maxDurationNs;
    };
    /// The search answer, or the text of Tempo's 400.
    std::variant<std::shared_ptr<tempopb::SearchResponse>, QString> search(const SearchParams& params) const;

private:
    class Streaming;

    ServerResponse push(const ServerRequest& request);
    ServerResponse traceById(const ServerRequest& request, bool v2) const;
    ServerResponse httpSearch(const ServerRequest& request) const;
    ServerResponse tags(const ServerRequest& request, bool v2) const;
    ServerResponse tagValues(const ServerRequest& request, bool v2) const;
    QString store(const tempopb::Trace& data);

    FakeHttpServer m_http;
    mutable std::mutex m_mutex; // the gRPC server reads the traces on its own threads
    std::map<std::string, std::shared_ptr<tempopb::Trace>> m_traces; // by the 16 id bytes
    std::map<std::string, std::set<std::string>> m_spanKeys; // span id and kind of each span, by trace
    bool m_v2Traces = true;
    qint64 m_maxTraceBytes = 0;
    std::atomic_bool m_streaming { true };
    std::atomic_int m_streamMessages { 3 };
    std::atomic_int m_streamIntervalMs { 50 };
    std::atomic_int m_streamCalls { 0 };
    std::unique_ptr<Streaming> m_service;
    std::unique_ptr<grpc::Server> m_grpc;
    int m_grpcPort = 0;
};

} // namespace firebreak::test
