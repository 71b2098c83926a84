#include "tracewriter.h"

#include "tempopb/tempo.pb.h"

#include <google/protobuf/arena.h>
#include <nlohmann/json.hpp>

#include <cmath>

namespace firebreak {

namespace {

namespace otlp = opentelemetry::proto;
using json = nlohmann::json;

std::string str(std::string_view view)
{
    return std::string(view);
}

std::string spanIdBytes(SpanId id)
{
    std::string out(8, '\0');
    for (int i = 7; i >= 0; --i) {
        out[static_cast<std::size_t>(i)] = static_cast<char>(id & 0xff);
        id >>= 8;
    }
    return out;
}

std::string traceIdBytes(const TraceId& id)
{
    return std::string(reinterpret_cast<const char*>(id.bytes.data()), id.bytes.size());
}

/// A value that was flattened to JSON text (arrays, key/value lists) back as an OTLP JSON AnyValue.
json anyValueJson(const json& plain)
{
    if (plain.is_string())
        return { { "stringValue", plain } };
    if (plain.is_boolean())
        return { { "boolValue", plain } };
    if (plain.is_number_integer())
        return { { "intValue", std::to_string(plain.get<std::int64_t>()) } };
    if (plain.is_number())
        return { { "doubleValue", plain } };
    if (plain.is_array()) {
        json values = json::array();
        for (const json& item : plain)
            values.push_back(anyValueJson(item));
        return { { "arrayValue", { { "values", std::move(values) } } } };
    }
    if (plain.is_object()) {
        json values = json::array();
        for (auto it = plain.begin(); it != plain.end(); ++it)
            values.push_back({ { "key", it.key() }, { "value", anyValueJson(it.value()) } });
        return { { "kvlistValue", { { "values", std::move(values) } } } };
    }
    return json::object();
}

void anyValueProto(const json& plain, otlp::common::v1::AnyValue* out)
{
    if (plain.is_string()) {
        out->set_string_value(plain.get<std::string>());
    } else if (plain.is_boolean()) {
        out->set_bool_value(plain.get<bool>());
    } else if (plain.is_number_integer()) {
        out->set_int_value(plain.get<std::int64_t>());
    } else if (plain.is_number()) {
        out->set_double_value(plain.get<double>());
    } else if (plain.is_array()) {
        auto* array = out->mutable_array_value();
        for (const json& item : plain)
            anyValueProto(item, array->add_values());
    } else if (plain.is_object()) {
        auto* list = out->mutable_kvlist_value();
        for (auto it = plain.begin(); it != plain.end(); ++it) {
            auto* kv = list->add_values();
            kv->set_key(it.key());
            anyValueProto(it.value(), kv->mutable_value());
        }
    }
}

json parseFlattened(std::string_view text)
{
    return json::parse(text.begin(), text.end(), nullptr, false);
}

json attributesJson(const Trace& trace, IndexRange range)
{
    json out = json::array();
    for (const Attribute& a : trace.attributesIn(range)) {
        json value = json::object();
        switch (a.type) {
        case ValueType::Empty:
            break;
        case ValueType::String:
            value["stringValue"] = str(trace.view(a.stringId()));
            break;
        case ValueType::Int:
            value["intValue"] = std::to_string(a.intValue());
            break;
        case ValueType::Double:
            if (std::isfinite(a.doubleValue()))
                value["doubleValue"] = a.doubleValue();
            else
                value["doubleValue"]
                    = std::isnan(a.doubleValue()) ? "NaN" : (a.doubleValue() > 0 ? "Infinity" : "-Infinity");
            break;
        case ValueType::Bool:
            value["boolValue"] = a.boolValue();
            break;
        case ValueType::Bytes:
            value["bytesValue"] = trace.valueText(a).toStdString();
            break;
        case ValueType::Array:
        case ValueType::KeyValueList:
            value = anyValueJson(parseFlattened(trace.view(a.stringId())));
            break;
        }
        out.push_back({ { "key", str(trace.view(a.key)) }, { "value", std::move(value) } });
    }
    return out;
}

void attributesProto(
    const Trace& trace, IndexRange range, google::protobuf::RepeatedPtrField<otlp::common::v1::KeyValue>* out)
{
    out->Reserve(static_cast<int>(range.size()));
    for (const Attribute& a : trace.attributesIn(range)) {
        auto* kv = out->Add();
        kv->set_key(str(trace.view(a.key)));
        auto* value = kv->mutable_value();
        switch (a.type) {
        case ValueType::Empty:
            break;
        case ValueType::String:
            value->set_string_value(str(trace.view(a.stringId())));
            break;
        case ValueType::Int:
            value->set_int_value(a.intValue());
            break;
        case ValueType::Double:
            value->set_double_value(a.doubleValue());
            break;
        case ValueType::Bool:
            value->set_bool_value(a.boolValue());
            break;
        case ValueType::Bytes:
            value->set_bytes_value(str(trace.view(a.stringId())));
            break;
        case ValueType::Array:
        case ValueType::KeyValueList:
            anyValueProto(parseFlattened(trace.view(a.stringId())), value);
            break;
        }
    }
}

/// Consecutive spans of one resource and scope: [begin, end).
template <typename Visit> void forEachGroup(const Trace& trace, Visit visit)
{
    const qsizetype n = trace.spanCount();
    qsizetype begin = 0;
    while (begin < n) {
        qsizetype end = begin + 1;
        while (end < n && trace.resourceIndices[end] == trace.resourceIndices[begin]
            && trace.scopeIndices[end] == trace.scopeIndices[begin]) {
            ++end;
        }
        visit(begin, end);
        begin = end;
    }
}

} // namespace

QByteArray traceToOtlpJson(const Trace& trace, bool indented)
{
    json resourceSpans = json::array();
    std::uint32_t currentResource = std::numeric_limits<std::uint32_t>::max();
    forEachGroup(trace, [&](qsizetype begin, qsizetype end) {
        const std::uint32_t resourceIndex = trace.resourceIndices[begin];
        if (resourceSpans.empty() || resourceIndex != currentResource) {
            currentResource = resourceIndex;
            json resource = json::object();
            if (resourceIndex < trace.resources.size())
                resource["attributes"] = attributesJson(trace, trace.resources[resourceIndex].attributes);
            resourceSpans.push_back({ { "resource", std::move(resource) }, { "scopeSpans", json::array() } });
        }
        json scope = json::object();
        if (const std::uint32_t s = trace.scopeIndices[begin]; s < trace.scopes.size()) {
            const TraceScope& sc = trace.scopes[s];
            if (sc.name != StringPool::Empty)
                scope["name"] = str(trace.view(sc.name));
            if (sc.version != StringPool::Empty)
                scope["version"] = str(trace.view(sc.version));
            if (sc.attributes.size() > 0)
                scope["attributes"] = attributesJson(trace, sc.attributes);
        }
        json spans = json::array();
        for (qsizetype i = begin; i < end; ++i) {
            json span;
            span["traceId"] = trace.traceIds[i].toHex().toStdString();
            span["spanId"] = spanIdToHex(trace.spanIds[i]).toStdString();
            if (trace.parentSpanIds[i] != 0)
                span["parentSpanId"] = spanIdToHex(trace.parentSpanIds[i]).toStdString();
            if (trace.traceStates[i] != StringPool::Empty)
                span["traceState"] = str(trace.view(trace.traceStates[i]));
            span["name"] = str(trace.view(trace.names[i]));
            span["kind"] = static_cast<int>(trace.kinds[i]);
            span["startTimeUnixNano"] = std::to_string(trace.startNs[i]);
            span["endTimeUnixNano"] = std::to_string(trace.endNs[i]);
            span["attributes"] = attributesJson(trace, trace.attributeRanges[i]);
            if (const auto events = trace.spanEvents(i); !events.empty()) {
                json list = json::array();
                for (const SpanEvent& e : events) {
                    list.push_back({ { "timeUnixNano", std::to_string(e.timeNs) }, { "name", str(trace.view(e.name)) },
                        { "attributes", attributesJson(trace, e.attributes) } });
                }
                span["events"] = std::move(list);
            }
            if (const auto links = trace.spanLinks(i); !links.empty()) {
                json list = json::array();
                for (const SpanLink& l : links) {
                    json link { { "traceId", l.traceId.toHex().toStdString() },
                        { "spanId", spanIdToHex(l.spanId).toStdString() },
                        { "attributes", attributesJson(trace, l.attributes) } };
                    if (l.traceState != StringPool::Empty)
                        link["traceState"] = str(trace.view(l.traceState));
                    list.push_back(std::move(link));
                }
                span["links"] = std::move(list);
            }
            json status { { "code", static_cast<int>(trace.statusCodes[i]) } };
            if (trace.statusMessages[i] != StringPool::Empty)
                status["message"] = str(trace.view(trace.statusMessages[i]));
            span["status"] = std::move(status);
            spans.push_back(std::move(span));
        }
        resourceSpans.back()["scopeSpans"].push_back({ { "scope", std::move(scope) }, { "spans", std::move(spans) } });
    });
    const json document { { "resourceSpans", std::move(resourceSpans) } };
    return QByteArray::fromStdString(document.dump(indented ? 2 : -1));
}

QByteArray traceToProtobuf(const Trace& trace)
{
    google::protobuf::Arena arena;
    auto* message = google::protobuf::Arena::CreateMessage<tempopb::Trace>(&arena);
    otlp::trace::v1::ResourceSpans* batch = nullptr;
    std::uint32_t currentResource = std::numeric_limits<std::uint32_t>::max();
    forEachGroup(trace, [&](qsizetype begin, qsizetype end) {
        const std::uint32_t resourceIndex = trace.resourceIndices[begin];
        if (!batch || resourceIndex != currentResource) {
            currentResource = resourceIndex;
            batch = message->add_batches();
            if (resourceIndex < trace.resources.size()) {
                attributesProto(
                    trace, trace.resources[resourceIndex].attributes, batch->mutable_resource()->mutable_attributes());
            }
        }
        auto* scopeSpans = batch->add_scope_spans();
        if (const std::uint32_t s = trace.scopeIndices[begin]; s < trace.scopes.size()) {
            const TraceScope& sc = trace.scopes[s];
            auto* scope = scopeSpans->mutable_scope();
            scope->set_name(str(trace.view(sc.name)));
            scope->set_version(str(trace.view(sc.version)));
            attributesProto(trace, sc.attributes, scope->mutable_attributes());
        }
        scopeSpans->mutable_spans()->Reserve(static_cast<int>(end - begin));
        for (qsizetype i = begin; i < end; ++i) {
            auto* span = scopeSpans->add_spans();
            span->set_trace_id(traceIdBytes(trace.traceIds[i]));
            span->set_span_id(spanIdBytes(trace.spanIds[i]));
            if (trace.parentSpanIds[i] != 0)
                span->set_parent_span_id(spanIdBytes(trace.parentSpanIds[i]));
            span->set_trace_state(str(trace.view(trace.traceStates[i])));
            span->set_name(str(trace.view(trace.names[i])));
            span->set_kind(static_cast<otlp::trace::v1::Span::SpanKind>(trace.kinds[i]));
            span->set_start_time_unix_nano(static_cast<std::uint64_t>(trace.startNs[i]));
            span->set_end_time_unix_nano(static_cast<std::uint64_t>(trace.endNs[i]));
            attributesProto(trace, trace.attributeRanges[i], span->mutable_attributes());
            for (const SpanEvent& e : trace.spanEvents(i)) {
                auto* event = span->add_events();
                event->set_time_unix_nano(static_cast<std::uint64_t>(e.timeNs));
                event->set_name(str(trace.view(e.name)));
                attributesProto(trace, e.attributes, event->mutable_attributes());
            }
            for (const SpanLink& l : trace.spanLinks(i)) {
                auto* link = span->add_links();
                link->set_trace_id(traceIdBytes(l.traceId));
                link->set_span_id(spanIdBytes(l.spanId));
                link->set_trace_state(str(trace.view(l.traceState)));
                attributesProto(trace, l.attributes, link->mutable_attributes());
            }
            auto* status = span->mutable_status();
            status->set_code(static_cast<otlp::trace::v1::Status::StatusCode>(trace.statusCodes[i]));
            status->set_message(str(trace.view(trace.statusMessages[i])));
        }
    });
    return QByteArray::fromStdString(message->SerializeAsString());
}

} // namespace firebreak
