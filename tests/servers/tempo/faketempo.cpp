#include "faketempo.h"

#include "tempopb/tempo.grpc.pb.h"
#include "tempopb/tempo.pb.h"
#include "traceql.h"

#include <QUrl>

#include <google/protobuf/util/json_util.h>
#include <grpcpp/grpcpp.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <set>
#include <thread>

namespace firebreak::test {

namespace {

namespace otlp = opentelemetry::proto;
using json = nlohmann::json;

// As Tempo 2.2.4 sends them (tests/data/README.md lists the recorded answers).
const QByteArray Json = QByteArrayLiteral("application/json");
const QByteArray Protobuf = QByteArrayLiteral("application/protobuf");
const QByteArray NotFoundBody = QByteArrayLiteral("trace not found");

const std::vector<std::string> IntrinsicTags
    = { "duration", "kind", "name", "rootName", "rootServiceName", "status", "traceDuration" };

QByteArray toJson(const google::protobuf::Message& message)
{
    std::string out;
    google::protobuf::util::JsonPrintOptions options;
    (void)google::protobuf::util::MessageToJsonString(message, &out, options);
    return QByteArray::fromStdString(out);
}

/// Tempo writes trace ids in search results without leading zeros.
std::string searchTraceId(const std::string& bytes)
{
    const std::string hex = QByteArray::fromStdString(bytes).toHex().toStdString();
    const auto first = hex.find_first_not_of('0');
    return first == std::string::npos ? "0" : hex.substr(first);
}

std::optional<std::string> traceIdBytes(const QString& hex)
{
    if (hex.isEmpty() || hex.size() > 32)
        return std::nullopt;
    const QByteArray padded = QByteArray(32 - hex.size(), '0') + hex.toLatin1();
    for (const char c : padded) {
        if (!std::isxdigit(static_cast<unsigned char>(c)))
            return std::nullopt;
    }
    return QByteArray::fromHex(padded).toStdString();
}

/// OTLP JSON ids are hex (the OTLP specification); protobuf's JSON mapping of bytes is base64.
QString hexIdsToBase64(json& span, const char* key, std::size_t bytes)
{
    const auto it = span.find(key);
    if (it == span.end() || !it->is_string() || it->get<std::string>().empty())
        return {};
    const std::string hex = it->get<std::string>();
    const QByteArray raw = QByteArray::fromHex(QByteArray::fromStdString(hex));
    if (hex.size() != bytes * 2 || raw.size() != static_cast<qsizetype>(bytes))
        return QStringLiteral("%1 \"%2\" is not %3 hex bytes")
            .arg(QLatin1String(key), QString::fromStdString(hex))
            .arg(bytes);
    *it = raw.toBase64().toStdString();
    return {};
}

struct TraceFacts
{
    QString rootName;
    QString rootServiceName;
    qint64 startNs = 0;
    qint64 endNs = 0;
};

QString serviceName(const otlp::resource::v1::Resource& resource)
{
    for (const auto& kv : resource.attributes()) {
        if (kv.key() == "service.name")
            return QString::fromStdString(kv.value().string_value());
    }
    return {};
}

TraceFacts factsOf(const tempopb::Trace& trace)
{
    TraceFacts facts;
    bool first = true;
    for (const auto& batch : trace.batches()) {
        for (const auto& scope : batch.scope_spans()) {
            for (const auto& span : scope.spans()) {
                const auto start = static_cast<qint64>(span.start_time_unix_nano());
                const auto end = static_cast<qint64>(span.end_time_unix_nano());
                facts.startNs = first ? start : std::min(facts.startNs, start);
                facts.endNs = first ? end : std::max(facts.endNs, end);
                first = false;
                if (span.parent_span_id().empty() && facts.rootName.isEmpty()) {
                    facts.rootName = QString::fromStdString(span.name());
                    facts.rootServiceName = serviceName(batch.resource());
                }
            }
        }
    }
    if (facts.rootName.isEmpty()) {
        facts.rootName = QStringLiteral("<root span not yet received>");
        facts.rootServiceName = facts.rootName;
    }
    return facts;
}

QString valueText(const otlp::common::v1::AnyValue& value)
{
    using V = otlp::common::v1::AnyValue;
    switch (value.value_case()) {
    case V::kStringValue:
        return QString::fromStdString(value.string_value());
    case V::kIntValue:
        return QString::number(value.int_value());
    case V::kDoubleValue:
        return QString::number(value.double_value());
    case V::kBoolValue:
        return value.bool_value() ? QStringLiteral("true") : QStringLiteral("false");
    default:
        return {};
    }
}

QString valueType(const otlp::common::v1::AnyValue& value)
{
    using V = otlp::common::v1::AnyValue;
    switch (value.value_case()) {
    case V::kStringValue:
        return QStringLiteral("string");
    case V::kIntValue:
        return QStringLiteral("int");
    case V::kDoubleValue:
        return QStringLiteral("float");
    case V::kBoolValue:
        return QStringLiteral("bool");
    default:
        return {};
    }
}

/// Matches the older tag search: every key=value pair names a span or resource attribute with that value.
bool tagsMatch(const QString& tags, const tempopb::Trace& trace)
{
    const QStringList pairs = tags.split(u' ', Qt::SkipEmptyParts);
    for (const QString& pair : pairs) {
        const qsizetype eq = pair.indexOf(u'=');
        const std::string key = pair.left(eq).toStdString();
        const QString wanted = pair.mid(eq + 1).remove(u'"');
        bool found = false;
        for (const auto& batch : trace.batches()) {
            for (const auto& kv : batch.resource().attributes())
                found = found || (kv.key() == key && valueText(kv.value()) == wanted);
            for (const auto& scope : batch.scope_spans()) {
                for (const auto& span : scope.spans()) {
                    for (const auto& kv : span.attributes())
                        found = found || (kv.key() == key && valueText(kv.value()) == wanted);
                }
            }
        }
        if (!found)
            return false;
    }
    return true;
}

std::optional<int> intParam(const ServerRequest& request, const QString& name)
{
    if (!request.hasParam(name))
        return std::nullopt;
    bool ok = false;
    const int value = request.param(name).toInt(&ok);
    return ok ? std::optional(value) : std::nullopt;
}

} // namespace

class FakeTempo::Streaming final : public tempopb::StreamingQuerier::Service
{
public:
    explicit Streaming(FakeTempo& tempo)
        : m_tempo(tempo)
    { }

    grpc::Status Search(grpc::ServerContext* context, const tempopb::SearchRequest* request,
        grpc::ServerWriter<tempopb::SearchResponse>* writer) override
    {
        ++m_tempo.m_streamCalls;
        if (!m_tempo.m_streaming)
            return { grpc::StatusCode::UNIMPLEMENTED, "unknown service tempopb.StreamingQuerier" };
        SearchParams params;
        params.query = QString::fromStdString(request->query());
        params.limit = request->limit() > 0 ? static_cast<int>(request->limit()) : 20;
        params.spansPerSpanSet = request->spansperspanset() > 0 ? static_cast<int>(request->spansperspanset()) : 3;
        if (request->start() > 0)
            params.startS = request->start();
        if (request->end() > 0)
            params.endS = request->end();
        if (request->mindurationms() > 0)
            params.minDurationNs = qint64(request->mindurationms()) * 1000000;
        if (request->maxdurationms() > 0)
            params.maxDurationNs = qint64(request->maxdurationms()) * 1000000;
        auto result = m_tempo.search(params);
        if (auto* error = std::get_if<QString>(&result))
            return { grpc::StatusCode::INVALID_ARGUMENT, error->toStdString() };
        const tempopb::SearchResponse& all = *std::get<std::shared_ptr<tempopb::SearchResponse>>(result);

        // Like Tempo's frontend: a message per progress step, each with every result found so far.
        const int messages = m_tempo.m_streamMessages;
        const int intervalMs = m_tempo.m_streamIntervalMs;
        for (int k = 1; k <= messages; ++k) {
            if (k > 1) {
                const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(intervalMs);
                while (std::chrono::steady_clock::now() < until) {
                    if (context->IsCancelled())
                        return grpc::Status::CANCELLED;
                    std::this_thread::sleep_for(std::chrono::milliseconds(5));
                }
            }
            tempopb::SearchResponse part;
            const int shown = (all.traces_size() * k + messages - 1) / messages;
            for (int i = 0; i < shown; ++i)
                *part.add_traces() = all.traces(i);
            *part.mutable_metrics() = all.metrics();
            part.mutable_metrics()->set_inspectedbytes(
                all.metrics().inspectedbytes() * static_cast<unsigned>(k) / static_cast<unsigned>(messages));
            part.mutable_metrics()->set_completedjobs(static_cast<unsigned>(k));
            part.mutable_metrics()->set_totaljobs(static_cast<unsigned>(messages));
            if (!writer->Write(part))
                return grpc::Status::CANCELLED;
        }
        return grpc::Status::OK;
    }

private:
    FakeTempo& m_tempo;
};

FakeTempo::FakeTempo()
    : m_service(std::make_unique<Streaming>(*this))
{
    m_http.handle(QStringLiteral("/ready"), [](const ServerRequest&) { return ServerResponse::text(200, "ready\n"); });
    m_http.handle(
        QStringLiteral("/api/echo"), [](const ServerRequest&) { return ServerResponse::text(200, "echo\n"); });
    m_http.handle(QStringLiteral("/status/version"), [](const ServerRequest&) {
        ServerResponse response = ServerResponse::text(200, versionText());
        response.contentType = QByteArrayLiteral("text/plain");
        return response;
    });
    // /api/status/buildinfo is left to the default answer: Tempo 2.2.4 has none ("404 page not found").
    m_http.handle(QStringLiteral("/v1/traces"), [this](const ServerRequest& request) { return push(request); });
    m_http.handle(
        QStringLiteral("/api/traces/*"), [this](const ServerRequest& request) { return traceById(request, false); });
    m_http.handle(QStringLiteral("/api/v2/traces/*"), [this](const ServerRequest& request) {
        if (!m_v2Traces)
            return ServerResponse::text(404, "404 page not found\n");
        return traceById(request, true);
    });
    m_http.handle(QStringLiteral("/api/search"), [this](const ServerRequest& request) { return httpSearch(request); });
    m_http.handle(
        QStringLiteral("/api/search/tags"), [this](const ServerRequest& request) { return tags(request, false); });
    m_http.handle(
        QStringLiteral("/api/v2/search/tags"), [this](const ServerRequest& request) { return tags(request, true); });
    m_http.handle(QStringLiteral("/api/search/tag/*"),
        [this](const ServerRequest& request) { return tagValues(request, false); });
    m_http.handle(QStringLiteral("/api/v2/search/tag/*"),
        [this](const ServerRequest& request) { return tagValues(request, true); });
}

FakeTempo::~FakeTempo()
{
    if (m_grpc) {
        // Streams still running are cancelled at the deadline; their loops notice within 5 ms.
        m_grpc->Shutdown(std::chrono::system_clock::now() + std::chrono::milliseconds(200));
        m_grpc->Wait();
    }
}

bool FakeTempo::listenGrpc(quint16 port)
{
    grpc::ServerBuilder builder;
    builder.AddListeningPort("127.0.0.1:" + std::to_string(port), grpc::InsecureServerCredentials(), &m_grpcPort);
    builder.RegisterService(m_service.get());
    m_grpc = builder.BuildAndStart();
    return m_grpc && m_grpcPort > 0;
}

QByteArray FakeTempo::versionText()
{
    // Tempo's /status/<endpoint> pages start with the request line (210 bytes, as recorded).
    return QByteArrayLiteral("GET /status/version\n"
                             "tempo, version v2.2.4 (branch: HEAD, revision: 816c0e1c3a)\n"
                             "  build user:       \n"
                             "  build date:       \n"
                             "  go version:       go1.19.8\n"
                             "  platform:         linux/amd64\n"
                             "  tags:             unknown\n");
}

QString FakeTempo::pushJson(const QByteArray& body)
{
    json document = json::parse(body.constBegin(), body.constEnd(), nullptr, false);
    if (document.is_discarded() || !document.is_object())
        return QStringLiteral("failed to unmarshal OTLP JSON: not a JSON object");
    if (auto it = document.find("resourceSpans"); it != document.end() && it->is_array()) {
        for (auto& rs : *it) {
            auto scopes = rs.find("scopeSpans");
            if (scopes == rs.end() || !scopes->is_array())
                continue;
            for (auto& scope : *scopes) {
                auto spans = scope.find("spans");
                if (spans == scope.end() || !spans->is_array())
                    continue;
                for (auto& span : *spans) {
                    if (!span.is_object())
                        continue;
                    for (const auto& [key, bytes] :
                        { std::pair { "traceId", 16u }, { "spanId", 8u }, { "parentSpanId", 8u } }) {
                        const QString problem = hexIdsToBase64(span, key, bytes);
                        if (!problem.isEmpty())
                            return QStringLiteral("failed to unmarshal OTLP JSON: ") + problem;
                    }
                    if (auto links = span.find("links"); links != span.end() && links->is_array()) {
                        for (auto& link : *links) {
                            if (!link.is_object())
                                continue;
                            QString problem = hexIdsToBase64(link, "traceId", 16);
                            if (problem.isEmpty())
                                problem = hexIdsToBase64(link, "spanId", 8);
                            if (!problem.isEmpty())
                                return QStringLiteral("failed to unmarshal OTLP JSON: ") + problem;
                        }
                    }
                }
            }
        }
    }
    otlp::trace::v1::TracesData data;
    google::protobuf::util::JsonParseOptions options;
    options.ignore_unknown_fields = true;
    const auto status = google::protobuf::util::JsonStringToMessage(document.dump(), &data, options);
    if (!status.ok())
        return QStringLiteral("failed to unmarshal OTLP JSON: ") + QString::fromStdString(status.ToString());
    tempopb::Trace trace;
    trace.mutable_batches()->Swap(data.mutable_resource_spans());
    return store(trace);
}

QString FakeTempo::pushProtobuf(const QByteArray& body)
{
    tempopb::Trace trace; // ExportTraceServiceRequest, TracesData and tempopb.Trace share field 1
    if (!trace.ParseFromArray(body.constData(), static_cast<int>(body.size())))
        return QStringLiteral("failed to unmarshal OTLP protobuf");
    return store(trace);
}

QString FakeTempo::store(const tempopb::Trace& data)
{
    std::lock_guard lock(m_mutex);
    // One ResourceSpans (and ScopeSpans) per trace it contributes to, as Tempo's distributor splits a push.
    for (const auto& batch : data.batches()) {
        std::map<std::string, otlp::trace::v1::ResourceSpans*> batchOf;
        for (const auto& scope : batch.scope_spans()) {
            std::map<std::string, otlp::trace::v1::ScopeSpans*> scopeOf;
            for (const auto& span : scope.spans()) {
                if (span.trace_id().size() != 16 || span.span_id().size() != 8)
                    return QStringLiteral("trace ids must be 128 bit and span ids 64 bit");
                const std::string& id = span.trace_id();
                auto& trace = m_traces[id];
                if (!trace)
                    trace = std::make_shared<tempopb::Trace>();
                // Tempo's combiner keeps one of the spans with the same id and kind (a push sent twice).
                if (!m_spanKeys[id].insert(span.span_id() + char(span.kind())).second)
                    continue;
                auto*& rs = batchOf[id];
                if (!rs) {
                    rs = trace->add_batches();
                    *rs->mutable_resource() = batch.resource();
                }
                auto*& ss = scopeOf[id];
                if (!ss) {
                    ss = rs->add_scope_spans();
                    *ss->mutable_scope() = scope.scope();
                }
                *ss->add_spans() = span;
            }
        }
    }
    return {};
}

qsizetype FakeTempo::traceCount() const
{
    std::lock_guard lock(m_mutex);
    return static_cast<qsizetype>(m_traces.size());
}

qsizetype FakeTempo::spanCount() const
{
    std::lock_guard lock(m_mutex);
    qsizetype n = 0;
    for (const auto& [id, trace] : m_traces) {
        for (const auto& batch : trace->batches()) {
            for (const auto& scope : batch.scope_spans())
                n += scope.spans_size();
        }
    }
    return n;
}

ServerResponse FakeTempo::push(const ServerRequest& request)
{
    if (request.method != "POST")
        return ServerResponse::text(405, "405 method not allowed\n");
    const QByteArray type = request.header("content-type").split(';').value(0).trimmed();
    if (type == "application/x-protobuf" || type == "application/protobuf") {
        const QString problem = pushProtobuf(request.body);
        if (!problem.isEmpty())
            return ServerResponse::text(400, problem.toUtf8());
        ServerResponse response;
        response.contentType = QByteArrayLiteral("application/x-protobuf");
        return response;
    }
    const QString problem = pushJson(request.body);
    if (!problem.isEmpty())
        return ServerResponse::text(400, problem.toUtf8());
    return ServerResponse::json(QByteArrayLiteral("{\"partialSuccess\":{}}"));
}

ServerResponse FakeTempo::traceById(const ServerRequest& request, bool v2) const
{
    const QString hex = request.path.section(u'/', -1);
    const auto id = traceIdBytes(hex);
    if (!id)
        return ServerResponse::text(400, "failed to parse trace id: " + hex.toUtf8());
    tempopb::Trace trace;
    {
        std::lock_guard lock(m_mutex);
        const auto it = m_traces.find(*id);
        if (it == m_traces.end())
            return ServerResponse::text(404, NotFoundBody);
        trace = *it->second;
    }
    const bool protobuf = request.header("accept").contains("application/protobuf");
    const qint64 size = static_cast<qint64>(trace.ByteSizeLong());
    const QByteArray limitText = "trace exceeds max size (max bytes: " + QByteArray::number(m_maxTraceBytes) + ")";
    if (!v2) {
        if (m_maxTraceBytes > 0 && size > m_maxTraceBytes)
            return ServerResponse::text(500, limitText + '\n');
        ServerResponse response;
        response.contentType = protobuf ? Protobuf : Json;
        response.body = protobuf ? QByteArray::fromStdString(trace.SerializeAsString()) : toJson(trace);
        return response;
    }
    tempopb::TraceByIDResponse answer;
    *answer.mutable_trace() = std::move(trace);
    if (m_maxTraceBytes > 0 && size > m_maxTraceBytes) {
        // Newer Tempo returns what fits and says the trace is partial; drop spans from the end until it fits.
        auto* batches = answer.mutable_trace()->mutable_batches();
        while (static_cast<qint64>(answer.trace().ByteSizeLong()) > m_maxTraceBytes && !batches->empty()) {
            auto* scopes = batches->rbegin()->mutable_scope_spans();
            if (scopes->empty() || scopes->rbegin()->spans().empty()) {
                if (!scopes->empty())
                    scopes->RemoveLast();
                else
                    batches->RemoveLast();
                continue;
            }
            scopes->rbegin()->mutable_spans()->RemoveLast();
        }
        answer.set_status(tempopb::PARTIAL);
        answer.set_message(limitText.toStdString());
    }
    ServerResponse response;
    response.contentType = protobuf ? Protobuf : Json;
    if (protobuf) {
        response.body = QByteArray::fromStdString(answer.SerializeAsString());
    } else {
        // Newer Tempo names the list resourceSpans inside "trace".
        otlp::trace::v1::TracesData data;
        *data.mutable_resource_spans() = answer.trace().batches();
        json document { { "trace", json::parse(toJson(data).toStdString()) } };
        if (answer.status() == tempopb::PARTIAL) {
            document["status"] = "PARTIAL";
            document["message"] = answer.message();
        }
        response.body = QByteArray::fromStdString(document.dump());
    }
    return response;
}

std::variant<std::shared_ptr<tempopb::SearchResponse>, QString> FakeTempo::search(const SearchParams& params) const
{
    std::optional<traceql::Query> query;
    if (!params.query.trimmed().isEmpty()) {
        auto parsed = traceql::parse(params.query);
        if (auto* error = std::get_if<QString>(&parsed))
            return *error;
        query = std::get<traceql::Query>(std::move(parsed));
    }
    auto response = std::make_shared<tempopb::SearchResponse>();
    std::vector<std::pair<qint64, tempopb::TraceSearchMetadata>> found;
    std::uint64_t inspectedBytes = 0;
    std::uint32_t inspectedTraces = 0;
    std::lock_guard lock(m_mutex);
    for (const auto& [id, tracePointer] : m_traces) {
        const tempopb::Trace& trace = *tracePointer;
        const TraceFacts facts = factsOf(trace);
        if (params.startS && facts.endNs < *params.startS * 1000000000LL)
            continue;
        if (params.endS && facts.startNs > *params.endS * 1000000000LL)
            continue;
        const qint64 durationNs = facts.endNs - facts.startNs;
        if ((params.minDurationNs && durationNs < *params.minDurationNs)
            || (params.maxDurationNs && durationNs > *params.maxDurationNs)) {
            continue;
        }
        inspectedBytes += trace.ByteSizeLong();
        ++inspectedTraces;
        if (!params.tags.isEmpty() && !tagsMatch(params.tags, trace))
            continue;

        tempopb::TraceSearchMetadata meta;
        meta.set_traceid(searchTraceId(id));
        meta.set_rootservicename(facts.rootServiceName.toStdString());
        meta.set_roottracename(facts.rootName.toStdString());
        meta.set_starttimeunixnano(static_cast<std::uint64_t>(facts.startNs));
        meta.set_durationms(static_cast<std::uint32_t>(durationNs / 1000000));
        if (query) {
            std::vector<std::pair<qint64, tempopb::Span>> matched;
            for (const auto& batch : trace.batches()) {
                for (const auto& scope : batch.scope_spans()) {
                    for (const auto& span : scope.spans()) {
                        traceql::SpanView view { &span, &batch.resource(), facts.rootName, facts.rootServiceName,
                            durationNs };
                        if (!query->matches(view))
                            continue;
                        tempopb::Span out;
                        out.set_spanid(QByteArray::fromStdString(span.span_id()).toHex().toStdString());
                        out.set_starttimeunixnano(span.start_time_unix_nano());
                        out.set_durationnanos(span.end_time_unix_nano() - span.start_time_unix_nano());
                        for (const traceql::Field& field : query->fields) {
                            if (field.scope == traceql::Scope::Intrinsic && field.name == "name") {
                                out.set_name(span.name());
                                continue;
                            }
                            if (auto value = traceql::fieldValue(field, view)) {
                                auto* kv = out.add_attributes();
                                kv->set_key(field.name);
                                *kv->mutable_value() = std::move(*value);
                            }
                        }
                        matched.emplace_back(static_cast<qint64>(span.start_time_unix_nano()), std::move(out));
                    }
                }
            }
            if (matched.empty())
                continue;
            std::stable_sort(
                matched.begin(), matched.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
            tempopb::SpanSet set;
            set.set_matched(static_cast<std::uint32_t>(matched.size()));
            for (std::size_t i = 0; i < matched.size() && i < static_cast<std::size_t>(params.spansPerSpanSet); ++i)
                *set.add_spans() = matched[i].second;
            *meta.mutable_spanset() = set;
            *meta.add_spansets() = set;
        }
        found.emplace_back(facts.startNs, std::move(meta));
    }
    std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    for (std::size_t i = 0; i < found.size() && i < static_cast<std::size_t>(params.limit); ++i)
        *response->add_traces() = std::move(found[i].second);
    auto* metrics = response->mutable_metrics();
    if (!params.tags.isEmpty() || !query)
        metrics->set_inspectedtraces(inspectedTraces);
    metrics->set_inspectedbytes(inspectedBytes);
    metrics->set_completedjobs(1);
    metrics->set_totaljobs(1);
    return response;
}

ServerResponse FakeTempo::httpSearch(const ServerRequest& request) const
{
    SearchParams params;
    params.query = request.param(QStringLiteral("q"));
    params.tags = request.param(QStringLiteral("tags"));
    params.limit = intParam(request, QStringLiteral("limit")).value_or(20);
    params.spansPerSpanSet = intParam(request, QStringLiteral("spss")).value_or(3);
    if (const auto start = intParam(request, QStringLiteral("start")))
        params.startS = *start;
    if (const auto end = intParam(request, QStringLiteral("end")))
        params.endS = *end;
    for (const auto& [name, into] : { std::pair { QStringLiteral("minDuration"), &params.minDurationNs },
             std::pair { QStringLiteral("maxDuration"), &params.maxDurationNs } }) {
        if (!request.hasParam(name))
            continue;
        const auto ns = traceql::parseDuration(request.param(name).toStdString());
        if (!ns)
            return ServerResponse::text(400, "invalid " + name.toUtf8() + ": " + request.param(name).toUtf8());
        *into = *ns;
    }
    if (params.limit <= 0)
        return ServerResponse::text(400, "invalid limit: must be a positive number");
    auto result = search(params);
    if (auto* error = std::get_if<QString>(&result))
        return ServerResponse::text(400, error->toUtf8());
    return ServerResponse::json(toJson(*std::get<std::shared_ptr<tempopb::SearchResponse>>(result)));
}

ServerResponse FakeTempo::tags(const ServerRequest& request, bool v2) const
{
    const QString scope = request.param(QStringLiteral("scope"));
    if (!scope.isEmpty() && scope != u"span" && scope != u"resource" && scope != u"intrinsic" && scope != u"all")
        return ServerResponse::text(400, "invalid scope: " + scope.toUtf8());
    std::set<std::string> resourceTags;
    std::set<std::string> spanTags;
    {
        std::lock_guard lock(m_mutex);
        for (const auto& [id, trace] : m_traces) {
            for (const auto& batch : trace->batches()) {
                for (const auto& kv : batch.resource().attributes())
                    resourceTags.insert(kv.key());
                for (const auto& s : batch.scope_spans()) {
                    for (const auto& span : s.spans()) {
                        for (const auto& kv : span.attributes())
                            spanTags.insert(kv.key());
                    }
                }
            }
        }
    }
    const auto wanted
        = [&](const char* name) { return scope.isEmpty() || scope == u"all" || scope == QLatin1String(name); };
    if (!v2) {
        std::set<std::string> names;
        if (wanted("resource"))
            names.insert(resourceTags.begin(), resourceTags.end());
        if (wanted("span"))
            names.insert(spanTags.begin(), spanTags.end());
        if (scope == u"intrinsic")
            names.insert(IntrinsicTags.begin(), IntrinsicTags.end());
        return ServerResponse::json(QByteArray::fromStdString(json { { "tagNames", names } }.dump()));
    }
    json scopes = json::array();
    if (wanted("intrinsic"))
        scopes.push_back({ { "name", "intrinsic" }, { "tags", IntrinsicTags } });
    if (wanted("resource"))
        scopes.push_back({ { "name", "resource" }, { "tags", resourceTags } });
    if (wanted("span"))
        scopes.push_back({ { "name", "span" }, { "tags", spanTags } });
    return ServerResponse::json(QByteArray::fromStdString(json { { "scopes", scopes } }.dump()));
}

ServerResponse FakeTempo::tagValues(const ServerRequest& request, bool v2) const
{
    // /api[/v2]/search/tag/<name>/values
    const QString rest = request.path.section(u'/', v2 ? 5 : 4);
    if (!rest.endsWith(u"/values") || rest.count(u'/') != 1)
        return ServerResponse::text(404, "404 page not found\n");
    const QString tag = rest.section(u'/', 0, 0);
    traceql::Scope scope = traceql::Scope::Any;
    std::string name = tag.toStdString();
    if (v2) {
        if (tag.startsWith(u"resource.")) {
            scope = traceql::Scope::Resource;
            name = tag.mid(9).toStdString();
        } else if (tag.startsWith(u"span.")) {
            scope = traceql::Scope::Span;
            name = tag.mid(5).toStdString();
        } else if (tag.startsWith(u'.')) {
            name = tag.mid(1).toStdString();
        } else if (std::find(IntrinsicTags.begin(), IntrinsicTags.end(), name) != IntrinsicTags.end()) {
            scope = traceql::Scope::Intrinsic;
        } else {
            return ServerResponse::text(
                400, "tag name is not valid intrinsic or scoped attribute: " + tag.toUtf8() + '\n');
        }
    }
    std::vector<std::pair<QString, QString>> values; // type, value; in order of first appearance
    const auto add = [&](const QString& type, const QString& value) {
        if (!type.isEmpty() && std::find(values.begin(), values.end(), std::pair { type, value }) == values.end())
            values.emplace_back(type, value);
    };
    {
        std::lock_guard lock(m_mutex);
        for (const auto& [id, trace] : m_traces) {
            for (const auto& batch : trace->batches()) {
                if (scope == traceql::Scope::Resource || scope == traceql::Scope::Any) {
                    for (const auto& kv : batch.resource().attributes()) {
                        if (kv.key() == name)
                            add(valueType(kv.value()), valueText(kv.value()));
                    }
                }
                for (const auto& s : batch.scope_spans()) {
                    for (const auto& span : s.spans()) {
                        if (scope == traceql::Scope::Intrinsic) {
                            static const char* const Statuses[] = { "unset", "ok", "error" };
                            static const char* const Kinds[]
                                = { "unspecified", "internal", "server", "client", "producer", "consumer" };
                            if (name == "name")
                                add(QStringLiteral("string"), QString::fromStdString(span.name()));
                            else if (name == "status" && span.status().code() <= 2)
                                add(QStringLiteral("keyword"), QLatin1String(Statuses[span.status().code()]));
                            else if (name == "kind" && span.kind() <= 5)
                                add(QStringLiteral("keyword"), QLatin1String(Kinds[span.kind()]));
                            continue;
                        }
                        if (scope != traceql::Scope::Span && scope != traceql::Scope::Any)
                            continue;
                        for (const auto& kv : span.attributes()) {
                            if (kv.key() == name)
                                add(valueType(kv.value()), valueText(kv.value()));
                        }
                    }
                }
            }
        }
    }
    if (v2) {
        json list = json::array();
        for (const auto& [type, value] : values)
            list.push_back({ { "type", type.toStdString() }, { "value", value.toStdString() } });
        return ServerResponse::json(QByteArray::fromStdString(json { { "tagValues", list } }.dump()));
    }
    std::set<std::string> sorted;
    for (const auto& [type, value] : values)
        sorted.insert(value.toStdString());
    return ServerResponse::json(QByteArray::fromStdString(json { { "tagValues", sorted } }.dump()));
}

} // namespace firebreak::test
