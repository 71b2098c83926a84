#include "tracegenerator.h"

#include "opentelemetry/proto/trace/v1/trace.pb.h"

#include <algorithm>
#include <random>
#include <string>
#include <vector>

namespace firebreak::tools {

namespace otlp = opentelemetry::proto;

namespace {

constexpr std::int64_t EpochNs = 1795620000000000000; // 2026-11-24, a fixed instant keeps the bytes stable

const char* const ServiceNames[] = { "frontend", "checkout", "payment", "cart", "inventory", "shipping", "email",
    "recommendation", "ad", "currency", "auth", "profile", "search", "catalog", "pricing", "tax", "fraud", "ledger",
    "notification", "gateway", "session", "media", "review", "loyalty", "warehouse", "routing", "billing", "audit",
    "quota", "feature-flags" };
const char* const Verbs[] = { "get", "list", "create", "update", "delete", "reserve", "validate", "compute", "lookup",
    "publish", "fetch", "render" };
const char* const Nouns[]
    = { "order", "item", "user", "quote", "session", "price", "stock", "label", "token", "invoice", "route", "image" };

std::uint64_t splitmix(std::uint64_t x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

std::string bytesOf(std::uint64_t value)
{
    std::string out(8, '\0');
    for (int i = 7; i >= 0; --i) {
        out[static_cast<std::size_t>(i)] = static_cast<char>(value & 0xff);
        value >>= 8;
    }
    return out;
}

struct Node
{
    std::int64_t start = 0;
    std::int64_t end = 0;
    int depth = 0;
    int service = 0;
    int operation = 0;
    std::uint64_t id = 0;
    std::uint64_t parent = 0;
    bool error = false;
    bool remote = false; // entered from another service
};

void addString(otlp::common::v1::KeyValue* kv, const char* key, const std::string& value)
{
    kv->set_key(key);
    kv->mutable_value()->set_string_value(value);
}

void addInt(otlp::common::v1::KeyValue* kv, const char* key, std::int64_t value)
{
    kv->set_key(key);
    kv->mutable_value()->set_int_value(value);
}

std::string operationName(int service, int operation)
{
    const std::size_t verb = static_cast<std::size_t>(service * 7 + operation) % std::size(Verbs);
    const std::size_t noun = static_cast<std::size_t>(service * 3 + operation * 5) % std::size(Nouns);
    return std::string(Verbs[verb]) + '_' + Nouns[noun];
}

std::string serviceName(int service)
{
    const auto count = static_cast<int>(std::size(ServiceNames));
    std::string name = ServiceNames[service % count];
    if (service >= count)
        name += '-' + std::to_string(service / count);
    return name;
}

} // namespace

QByteArray generateTraceProtobuf(const TraceShape& shape)
{
    std::mt19937_64 random(shape.seed);
    const auto uniform
        = [&](double low, double high) { return std::uniform_real_distribution<double>(low, high)(random); };
    const auto pick = [&](int low, int high) { return std::uniform_int_distribution<int>(low, high)(random); };

    std::vector<Node> nodes;
    const auto total = static_cast<std::size_t>(std::max<std::int64_t>(shape.spans, 0));
    nodes.reserve(total);
    if (total == 0)
        return {};
    Node root;
    root.start = EpochNs;
    root.end = EpochNs + 2'000'000'000LL + static_cast<std::int64_t>(total) * 20'000;
    root.id = splitmix(shape.seed);
    root.remote = true;
    nodes.push_back(root);

    // Breadth-first growth; when every open span is at the depth limit or childless, restart from the top.
    std::size_t head = 0;
    while (nodes.size() < total) {
        if (head >= nodes.size())
            head = static_cast<std::size_t>(pick(0, static_cast<int>(nodes.size()) - 1));
        const Node parent = nodes[head++];
        if (parent.depth >= shape.maxDepth)
            continue;
        const int widest = std::max(1, shape.maxFanOut - parent.depth);
        int children = random() % 10 < 3 && parent.depth > 0 ? 0 : pick(1, widest);
        children = static_cast<int>(std::min<std::size_t>(static_cast<std::size_t>(children), total - nodes.size()));
        const std::int64_t duration = parent.end - parent.start;
        const std::int64_t slot = duration / (children + 1);
        const bool parallel = random() % 10 < 3;
        for (int i = 0; i < children; ++i) {
            Node child;
            child.depth = parent.depth + 1;
            child.parent = parent.id;
            child.id = splitmix(shape.seed ^ (nodes.size() * 0x100000001b3ULL));
            child.remote = random() % 10 < 4;
            child.service = child.remote ? pick(0, shape.services - 1) : parent.service;
            child.operation = pick(0, shape.operationsPerService - 1);
            const std::int64_t offset = parallel ? slot / 10 : slot / 10 + i * slot;
            child.start
                = parent.start + offset + static_cast<std::int64_t>(uniform(0, 0.05) * static_cast<double>(slot));
            const std::int64_t room = std::max<std::int64_t>(1000, parent.end - child.start);
            const double share = parallel ? uniform(0.3, 0.9)
                                          : uniform(0.3, 0.95) * static_cast<double>(slot) / static_cast<double>(room);
            child.end = child.start
                + std::max<std::int64_t>(1000, static_cast<std::int64_t>(share * static_cast<double>(room)));
            child.error = uniform(0, 1) < shape.errorRate;
            nodes.push_back(child);
        }
    }

    otlp::trace::v1::TracesData data;
    std::vector<otlp::trace::v1::ScopeSpans*> scopes(static_cast<std::size_t>(shape.services), nullptr);
    std::string traceId = bytesOf(splitmix(shape.seed + 1)) + bytesOf(splitmix(shape.seed + 2));
    for (const Node& node : nodes) {
        otlp::trace::v1::ScopeSpans*& scope = scopes[static_cast<std::size_t>(node.service)];
        if (!scope) {
            otlp::trace::v1::ResourceSpans* resource = data.add_resource_spans();
            auto* attributes = resource->mutable_resource()->mutable_attributes();
            const std::string name = serviceName(node.service);
            addString(attributes->Add(), "service.name", name);
            addString(attributes->Add(), "service.version", "1." + std::to_string(node.service % 7) + ".3");
            addString(attributes->Add(), "host.name", "node-" + std::to_string(node.service % 11));
            addString(
                attributes->Add(), "k8s.pod.name", name + "-7d9f8b6c5-" + std::to_string(node.service * 7919 % 100000));
            addString(attributes->Add(), "k8s.namespace.name", "shop");
            addString(attributes->Add(), "telemetry.sdk.language", node.service % 2 ? "go" : "java");
            scope = resource->add_scope_spans();
            scope->mutable_scope()->set_name("firebreak-tracegen");
            scope->mutable_scope()->set_version("1.0");
        }
        otlp::trace::v1::Span* span = scope->add_spans();
        span->set_trace_id(traceId);
        span->set_span_id(bytesOf(node.id));
        if (node.parent)
            span->set_parent_span_id(bytesOf(node.parent));
        const std::string operation = operationName(node.service, node.operation);
        span->set_name(node.remote ? "/api/" + operation : operation);
        span->set_kind(
            node.remote ? otlp::trace::v1::Span::SPAN_KIND_SERVER : otlp::trace::v1::Span::SPAN_KIND_INTERNAL);
        span->set_start_time_unix_nano(static_cast<std::uint64_t>(node.start));
        span->set_end_time_unix_nano(static_cast<std::uint64_t>(node.end));
        auto* attributes = span->mutable_attributes();
        if (node.remote) {
            addString(attributes->Add(), "http.method", node.operation % 3 ? "GET" : "POST");
            addString(attributes->Add(), "http.route", "/api/" + operation + "/{id}");
            addInt(attributes->Add(), "http.status_code", node.error ? 500 : 200);
            addString(attributes->Add(), "net.peer.name", serviceName(node.service) + ".shop.svc.cluster.local");
        } else {
            addString(attributes->Add(), "code.function", operation);
            addString(attributes->Add(), "db.system", "postgresql");
            addString(attributes->Add(), "db.statement", "SELECT * FROM " + operation + " WHERE id = $1");
        }
        addInt(attributes->Add(), "thread.id", static_cast<std::int64_t>(node.id % 64));
        addString(attributes->Add(), "request.id", std::to_string(node.id % 1000000007ULL));
        if (node.error) {
            span->mutable_status()->set_code(otlp::trace::v1::Status::STATUS_CODE_ERROR);
            span->mutable_status()->set_message("upstream returned 500");
            otlp::trace::v1::Span::Event* event = span->add_events();
            event->set_name("exception");
            event->set_time_unix_nano(static_cast<std::uint64_t>(node.end - 500));
            addString(event->add_attributes(), "exception.type", "TimeoutError");
            addString(event->add_attributes(), "exception.message", "deadline exceeded calling " + operation);
        }
    }
    std::string bytes;
    data.SerializeToString(&bytes);
    return QByteArray(bytes.data(), static_cast<qsizetype>(bytes.size()));
}

} // namespace firebreak::tools
