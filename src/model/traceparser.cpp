#include "traceparser.h"

#include "tempopb/tempo.pb.h"

#include <QByteArrayView>
#include <QCoreApplication>
#include <QFile>
#include <QHash>
#include <QLocale>

#include <google/protobuf/arena.h>
#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/wire_format_lite.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <functional>
#include <limits>

namespace firebreak {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(TraceParser)
};

namespace otlp = opentelemetry::proto;
using json = nlohmann::json;

// Deeper nesting of array and key/value-list values is refused, so walking them cannot exhaust the stack.
constexpr int MaxValueDepth = 64;

/// A path into the data, built into text only when something is wrong.
struct Where
{
    const Where* parent = nullptr;
    std::string_view name;
    qsizetype index = -1;

    Where at(std::string_view field, qsizetype i = -1) const { return { this, field, i }; }

    QString text() const
    {
        QString out = parent ? parent->text() : QString();
        if (!name.empty()) {
            if (!out.isEmpty())
                out += u'.';
            out += QString::fromUtf8(name.data(), static_cast<qsizetype>(name.size()));
        }
        if (index >= 0)
            out += u'[' + QString::number(index) + u']';
        return out;
    }
};

struct Malformed
{
    QString where;
    QString message;
};

[[noreturn]] void fail(const Where& where, const QString& message)
{
    throw Malformed { where.text(), message };
}

TraceParseResult failure(TraceParseError::Kind kind, QString where, QString message)
{
    TraceParseResult result;
    result.error = TraceParseError { kind, std::move(where), std::move(message) };
    return result;
}

bool allHex(std::string_view text)
{
    return std::all_of(text.begin(), text.end(),
        [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); });
}

std::optional<QByteArray> fromBase64(std::string_view text)
{
    const QByteArray raw = QByteArray::fromRawData(text.data(), static_cast<qsizetype>(text.size()));
    for (const auto options : { QByteArray::Base64Encoding, QByteArray::Base64UrlEncoding }) {
        auto decoded = QByteArray::fromBase64Encoding(raw, options | QByteArray::AbortOnBase64DecodingErrors);
        if (decoded)
            return *decoded;
    }
    return std::nullopt;
}

// Hex (the OTLP specification's JSON) and base64 (Tempo's JSON, protobuf's JSON mapping of bytes) never have
// the same length for a valid id: 32 or 16 hex digits against 24/22 or 12/11 base64 characters.
TraceId jsonTraceId(std::string_view text, const Where& where)
{
    if ((text.size() == 32 || text.size() == 16) && allHex(text)) {
        if (auto id = TraceId::fromHex(QString::fromLatin1(text.data(), static_cast<qsizetype>(text.size()))))
            return *id;
    }
    if (const auto raw = fromBase64(text)) {
        if (auto id = TraceId::fromBytes(std::string_view(raw->constData(), static_cast<std::size_t>(raw->size()))))
            return *id;
        fail(where, Text::tr("a trace id of %1 bytes, expected 16").arg(raw->size()));
    }
    fail(where,
        Text::tr("\"%1\" is neither hex nor base64").arg(QString::fromUtf8(text.data(), qsizetype(text.size()))));
}

SpanId jsonSpanId(std::string_view text, const Where& where)
{
    if (text.size() == 16 && allHex(text)) {
        if (auto id = spanIdFromHex(QString::fromLatin1(text.data(), static_cast<qsizetype>(text.size()))))
            return *id;
    }
    if (const auto raw = fromBase64(text)) {
        if (auto id = spanIdFromBytes(std::string_view(raw->constData(), static_cast<std::size_t>(raw->size()))))
            return *id;
        fail(where, Text::tr("a span id of %1 bytes, expected 8").arg(raw->size()));
    }
    fail(where,
        Text::tr("\"%1\" is neither hex nor base64").arg(QString::fromUtf8(text.data(), qsizetype(text.size()))));
}

/// Kind and status code by number or by name ("SPAN_KIND_SERVER", "SERVER", "server").
template <typename Enum>
Enum jsonEnum(const json& value, std::initializer_list<const char*> names, std::string_view prefix, const Where& where)
{
    if (value.is_number_integer()) {
        const auto n = value.get<std::int64_t>();
        // Proto3 enums are open: an unknown number is kept by protobuf as the default.
        return (n >= 0 && n < static_cast<std::int64_t>(names.size())) ? static_cast<Enum>(n) : Enum {};
    }
    if (value.is_string()) {
        QString name = QString::fromStdString(value.get<std::string>()).toUpper();
        const QString fullPrefix = QString::fromLatin1(prefix.data(), static_cast<qsizetype>(prefix.size()));
        if (name.startsWith(fullPrefix))
            name = name.mid(fullPrefix.size());
        int i = 0;
        for (const char* known : names) {
            if (name == QLatin1String(known))
                return static_cast<Enum>(i);
            ++i;
        }
        fail(where, Text::tr("unknown value \"%1\"").arg(QString::fromStdString(value.get<std::string>())));
    }
    fail(where, Text::tr("expected a number or a name"));
}

std::int64_t jsonInt64(const json& value, const Where& where)
{
    if (value.is_number_unsigned()) {
        const auto n = value.get<std::uint64_t>();
        if (n > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
            fail(where, Text::tr("%1 is too large").arg(n));
        return static_cast<std::int64_t>(n);
    }
    if (value.is_number_integer())
        return value.get<std::int64_t>();
    if (value.is_number_float()) {
        const double d = value.get<double>();
        if (d == std::floor(d) && std::abs(d) < 9.2e18)
            return static_cast<std::int64_t>(d);
        fail(where, Text::tr("expected an integer"));
    }
    if (value.is_string()) {
        const std::string& text = value.get_ref<const std::string&>();
        std::int64_t n = 0;
        const char* end = text.data() + text.size();
        const auto [ptr, ec] = std::from_chars(text.data(), end, n);
        if (ec == std::errc() && ptr == end && !text.empty())
            return n;
        if (ec == std::errc::result_out_of_range)
            fail(where, Text::tr("%1 is too large").arg(QString::fromStdString(text)));
        fail(where, Text::tr("\"%1\" is not an integer").arg(QString::fromStdString(text)));
    }
    fail(where, Text::tr("expected an integer"));
}

// OTLP times are fixed64: never negative, as in the protobuf reader; so an end minus a start cannot overflow.
std::int64_t jsonNanos(const json& value, const Where& where)
{
    const std::int64_t ns = jsonInt64(value, where);
    if (ns < 0)
        fail(where, Text::tr("%1 is negative, expected nanoseconds since 1970").arg(ns));
    return ns;
}

double jsonDouble(const json& value, const Where& where)
{
    if (value.is_number())
        return value.get<double>();
    if (value.is_string()) {
        // Protobuf's JSON mapping writes these three as strings; numbers may come quoted too.
        const std::string& text = value.get_ref<const std::string&>();
        if (text == "NaN")
            return std::numeric_limits<double>::quiet_NaN();
        if (text == "Infinity")
            return std::numeric_limits<double>::infinity();
        if (text == "-Infinity")
            return -std::numeric_limits<double>::infinity();
        double d = 0;
        const char* end = text.data() + text.size();
        const auto [ptr, ec] = std::from_chars(text.data(), end, d);
        if (ec == std::errc() && ptr == end && !text.empty())
            return d;
    }
    fail(where, Text::tr("expected a number"));
}

const std::string& jsonString(const json& value, const Where& where)
{
    if (!value.is_string())
        fail(where, Text::tr("expected a string"));
    return value.get_ref<const std::string&>();
}

/// The member under its lowerCamel name or its snake_case name, with the name it was found under.
struct Member
{
    const json* value = nullptr;
    std::string_view name;
    explicit operator bool() const { return value != nullptr; }
    const json& operator*() const { return *value; }
    const json* operator->() const { return value; }
};

Member member(const json& object, std::initializer_list<std::string_view> names)
{
    for (const std::string_view name : names) {
        const auto it = object.find(name);
        if (it != object.end() && !it->is_null())
            return { &*it, name };
    }
    return {};
}

const json& requireArray(const Member& m, const Where& where)
{
    if (!m->is_array())
        fail(where.at(m.name), Text::tr("expected an array"));
    return *m;
}

const json& requireObject(const json& value, const Where& where)
{
    if (!value.is_object())
        fail(where, Text::tr("expected an object"));
    return value;
}

class JsonTraceReader
{
public:
    explicit JsonTraceReader(std::size_t expectedSpans)
        : m_builder(expectedSpans)
    { }

    void readDocument(const json& document, QStringList& warnings)
    {
        const Where root;
        requireObject(document, root);
        const json* body = &document;
        Where traceWhere = root;
        if (const Member trace = member(document, { "trace" })) {
            // Tempo's /api/v2/traces answer: {"trace": {...}, "status": "PARTIAL", "message": "..."}.
            traceWhere = root.at("trace");
            body = &requireObject(*trace, traceWhere);
            if (const Member status = member(document, { "status" });
                status && ((status->is_string() && status->get<std::string>() == "PARTIAL") || *status == 1)) {
                const Member message = member(document, { "message" });
                warnings << Text::tr("Tempo returned a partial trace: %1")
                                .arg(message && message->is_string()
                                        ? QString::fromStdString(message->get<std::string>())
                                        : Text::tr("no reason given"));
            }
        }
        const Member batches = member(*body, { "batches", "resourceSpans", "resource_spans" });
        if (!batches) {
            if (body->empty())
                return; // Tempo's answer for a trace without spans
            fail(traceWhere, Text::tr("neither \"batches\" nor \"resourceSpans\": not a trace"));
        }
        const json& list = requireArray(batches, traceWhere);
        const Where listWhere = traceWhere.at(batches.name);
        for (qsizetype i = 0; i < static_cast<qsizetype>(list.size()); ++i)
            readResourceSpans(list[static_cast<std::size_t>(i)], listWhere.at({}, i));
    }

    Trace finish() { return m_builder.finish(); }

private:
    void readResourceSpans(const json& value, const Where& where)
    {
        requireObject(value, where);
        const std::uint32_t mark = m_builder.mark();
        if (const Member resource = member(value, { "resource" })) {
            const Where resourceWhere = where.at("resource");
            requireObject(*resource, resourceWhere);
            if (const Member attributes = member(*resource, { "attributes" }))
                readAttributes(attributes, resourceWhere);
        }
        const std::uint32_t resource = m_builder.addResource(mark);
        const Member scopes = member(
            value, { "scopeSpans", "scope_spans", "instrumentationLibrarySpans", "instrumentation_library_spans" });
        if (!scopes)
            return;
        const json& list = requireArray(scopes, where);
        const Where listWhere = where.at(scopes.name);
        for (qsizetype i = 0; i < static_cast<qsizetype>(list.size()); ++i)
            readScopeSpans(list[static_cast<std::size_t>(i)], listWhere.at({}, i), resource);
    }

    void readScopeSpans(const json& value, const Where& where, std::uint32_t resource)
    {
        requireObject(value, where);
        const std::uint32_t mark = m_builder.mark();
        StringPool::Id name = StringPool::Empty;
        StringPool::Id version = StringPool::Empty;
        if (const Member scope = member(value, { "scope", "instrumentationLibrary", "instrumentation_library" })) {
            const Where scopeWhere = where.at(scope.name);
            requireObject(*scope, scopeWhere);
            if (const Member n = member(*scope, { "name" }))
                name = m_builder.intern(jsonString(*n, scopeWhere.at("name")));
            if (const Member v = member(*scope, { "version" }))
                version = m_builder.intern(jsonString(*v, scopeWhere.at("version")));
            if (const Member attributes = member(*scope, { "attributes" }))
                readAttributes(attributes, scopeWhere);
        }
        const std::uint32_t scope = m_builder.addScope(name, version, mark);
        const Member spans = member(value, { "spans" });
        if (!spans)
            return;
        const json& list = requireArray(spans, where);
        const Where listWhere = where.at(spans.name);
        for (qsizetype i = 0; i < static_cast<qsizetype>(list.size()); ++i)
            readSpan(list[static_cast<std::size_t>(i)], listWhere.at({}, i), resource, scope);
    }

    void readSpan(const json& value, const Where& where, std::uint32_t resource, std::uint32_t scope)
    {
        requireObject(value, where);
        TraceBuilder::SpanFields span;
        if (const Member id = member(value, { "traceId", "trace_id" });
            id && !jsonString(*id, where.at(id.name)).empty())
            span.traceId = jsonTraceId(id->get_ref<const std::string&>(), where.at(id.name));
        const Member spanId = member(value, { "spanId", "span_id" });
        if (!spanId || jsonString(*spanId, where.at(spanId.name)).empty())
            fail(where, Text::tr("the span has no spanId"));
        span.spanId = jsonSpanId(spanId->get_ref<const std::string&>(), where.at(spanId.name));
        if (const Member parent = member(value, { "parentSpanId", "parent_span_id" });
            parent && !jsonString(*parent, where.at(parent.name)).empty()) {
            span.parentSpanId = jsonSpanId(parent->get_ref<const std::string&>(), where.at(parent.name));
        }
        if (const Member state = member(value, { "traceState", "trace_state" }))
            span.traceState = m_builder.intern(jsonString(*state, where.at(state.name)));
        if (const Member name = member(value, { "name" }))
            span.name = m_builder.intern(jsonString(*name, where.at("name")));
        if (const Member kind = member(value, { "kind" })) {
            span.kind
                = jsonEnum<SpanKind>(*kind, { "UNSPECIFIED", "INTERNAL", "SERVER", "CLIENT", "PRODUCER", "CONSUMER" },
                    "SPAN_KIND_", where.at("kind"));
        }
        if (const Member start = member(value, { "startTimeUnixNano", "start_time_unix_nano" }))
            span.startNs = jsonNanos(*start, where.at(start.name));
        if (const Member end = member(value, { "endTimeUnixNano", "end_time_unix_nano" }))
            span.endNs = jsonNanos(*end, where.at(end.name));
        if (const Member status = member(value, { "status" })) {
            const Where statusWhere = where.at("status");
            requireObject(*status, statusWhere);
            if (const Member code = member(*status, { "code" })) {
                span.statusCode
                    = jsonEnum<StatusCode>(*code, { "UNSET", "OK", "ERROR" }, "STATUS_CODE_", statusWhere.at("code"));
            }
            if (const Member message = member(*status, { "message" }))
                span.statusMessage = m_builder.intern(jsonString(*message, statusWhere.at("message")));
        }

        const std::uint32_t mark = m_builder.mark();
        if (const Member attributes = member(value, { "attributes" }))
            readAttributes(attributes, where);
        const IndexRange own { mark, m_builder.mark() };

        if (const Member events = member(value, { "events" })) {
            const json& list = requireArray(events, where);
            const Where listWhere = where.at(events.name);
            for (qsizetype i = 0; i < static_cast<qsizetype>(list.size()); ++i) {
                const json& event = list[static_cast<std::size_t>(i)];
                const Where eventWhere = listWhere.at({}, i);
                requireObject(event, eventWhere);
                std::int64_t time = 0;
                StringPool::Id name = StringPool::Empty;
                if (const Member t = member(event, { "timeUnixNano", "time_unix_nano" }))
                    time = jsonNanos(*t, eventWhere.at(t.name));
                if (const Member n = member(event, { "name" }))
                    name = m_builder.intern(jsonString(*n, eventWhere.at("name")));
                const std::uint32_t eventMark = m_builder.mark();
                if (const Member attributes = member(event, { "attributes" }))
                    readAttributes(attributes, eventWhere);
                m_builder.addEvent(time, name, eventMark);
            }
        }
        if (const Member links = member(value, { "links" })) {
            const json& list = requireArray(links, where);
            const Where listWhere = where.at(links.name);
            for (qsizetype i = 0; i < static_cast<qsizetype>(list.size()); ++i) {
                const json& link = list[static_cast<std::size_t>(i)];
                const Where linkWhere = listWhere.at({}, i);
                requireObject(link, linkWhere);
                TraceId traceId;
                SpanId linkedSpan = 0;
                StringPool::Id state = StringPool::Empty;
                if (const Member t = member(link, { "traceId", "trace_id" }))
                    traceId = jsonTraceId(jsonString(*t, linkWhere.at(t.name)), linkWhere.at(t.name));
                if (const Member s = member(link, { "spanId", "span_id" }))
                    linkedSpan = jsonSpanId(jsonString(*s, linkWhere.at(s.name)), linkWhere.at(s.name));
                if (const Member ts = member(link, { "traceState", "trace_state" }))
                    state = m_builder.intern(jsonString(*ts, linkWhere.at(ts.name)));
                const std::uint32_t linkMark = m_builder.mark();
                if (const Member attributes = member(link, { "attributes" }))
                    readAttributes(attributes, linkWhere);
                m_builder.addLink(traceId, linkedSpan, state, linkMark);
            }
        }
        m_builder.addSpan(span, resource, scope, own);
    }

    void readAttributes(const Member& attributes, const Where& owner)
    {
        const json& list = requireArray(attributes, owner);
        const Where listWhere = owner.at(attributes.name);
        for (qsizetype i = 0; i < static_cast<qsizetype>(list.size()); ++i) {
            const json& kv = list[static_cast<std::size_t>(i)];
            const Where kvWhere = listWhere.at({}, i);
            requireObject(kv, kvWhere);
            const Member key = member(kv, { "key" });
            if (!key)
                fail(kvWhere, Text::tr("an attribute without a key"));
            const StringPool::Id keyId = m_builder.intern(jsonString(*key, kvWhere.at("key")));
            const Member value = member(kv, { "value" });
            m_builder.addAttribute(value ? readValue(keyId, *value, kvWhere.at("value")) : Attribute { keyId });
        }
    }

    Attribute readValue(StringPool::Id key, const json& value, const Where& where)
    {
        requireObject(value, where);
        if (const Member s = member(value, { "stringValue", "string_value" }))
            return Attribute::ofString(key, m_builder.intern(jsonString(*s, where.at(s.name))));
        if (const Member i = member(value, { "intValue", "int_value" }))
            return Attribute::ofInt(key, jsonInt64(*i, where.at(i.name)));
        if (const Member d = member(value, { "doubleValue", "double_value" }))
            return Attribute::ofDouble(key, jsonDouble(*d, where.at(d.name)));
        if (const Member b = member(value, { "boolValue", "bool_value" })) {
            if (!b->is_boolean())
                fail(where.at(b.name), Text::tr("expected true or false"));
            return Attribute::ofBool(key, b->get<bool>());
        }
        if (const Member bytes = member(value, { "bytesValue", "bytes_value" })) {
            const auto raw = fromBase64(jsonString(*bytes, where.at(bytes.name)));
            if (!raw)
                fail(where.at(bytes.name), Text::tr("not base64"));
            return Attribute::ofString(key,
                m_builder.intern(std::string_view(raw->constData(), static_cast<std::size_t>(raw->size()))),
                ValueType::Bytes);
        }
        if (const Member a = member(value, { "arrayValue", "array_value" })) {
            const std::string text = plain(value, where, 0).dump();
            return Attribute::ofString(key, m_builder.intern(text), ValueType::Array);
        }
        if (const Member kv = member(value, { "kvlistValue", "kvlist_value" })) {
            const std::string text = plain(value, where, 0).dump();
            return Attribute::ofString(key, m_builder.intern(text), ValueType::KeyValueList);
        }
        return Attribute { key };
    }

    /// An AnyValue as plain JSON: arrays and key/value lists become JSON arrays and objects.
    json plain(const json& value, const Where& where, int depth)
    {
        if (depth > MaxValueDepth)
            fail(where, Text::tr("values nested deeper than %1").arg(MaxValueDepth));
        requireObject(value, where);
        if (const Member s = member(value, { "stringValue", "string_value" }))
            return jsonString(*s, where.at(s.name));
        if (const Member i = member(value, { "intValue", "int_value" }))
            return jsonInt64(*i, where.at(i.name));
        if (const Member d = member(value, { "doubleValue", "double_value" })) {
            const double x = jsonDouble(*d, where.at(d.name));
            return std::isfinite(x) ? json(x) : json(d->is_string() ? d->get<std::string>() : std::string());
        }
        if (const Member b = member(value, { "boolValue", "bool_value" })) {
            if (!b->is_boolean())
                fail(where.at(b.name), Text::tr("expected true or false"));
            return b->get<bool>();
        }
        if (const Member bytes = member(value, { "bytesValue", "bytes_value" }))
            return jsonString(*bytes, where.at(bytes.name));
        if (const Member a = member(value, { "arrayValue", "array_value" })) {
            const Where arrayWhere = where.at(a.name);
            requireObject(*a, arrayWhere);
            json out = json::array();
            if (const Member values = member(*a, { "values" })) {
                const json& list = requireArray(values, arrayWhere);
                for (qsizetype i = 0; i < static_cast<qsizetype>(list.size()); ++i)
                    out.push_back(plain(list[static_cast<std::size_t>(i)], arrayWhere.at("values", i), depth + 1));
            }
            return out;
        }
        if (const Member kv = member(value, { "kvlistValue", "kvlist_value" })) {
            const Where listWhere = where.at(kv.name);
            requireObject(*kv, listWhere);
            json out = json::object();
            if (const Member values = member(*kv, { "values" })) {
                const json& list = requireArray(values, listWhere);
                for (qsizetype i = 0; i < static_cast<qsizetype>(list.size()); ++i) {
                    const json& entry = list[static_cast<std::size_t>(i)];
                    const Where entryWhere = listWhere.at("values", i);
                    requireObject(entry, entryWhere);
                    const Member key = member(entry, { "key" });
                    if (!key)
                        fail(entryWhere, Text::tr("an attribute without a key"));
                    const Member inner = member(entry, { "value" });
                    out[jsonString(*key, entryWhere.at("key"))]
                        = inner ? plain(*inner, entryWhere.at("value"), depth + 1) : json();
                }
            }
            return out;
        }
        return json();
    }

    TraceBuilder m_builder;
};

// ---- protobuf ----

json plainProto(const otlp::common::v1::AnyValue& value, const Where& where, int depth)
{
    if (depth > MaxValueDepth)
        fail(where, Text::tr("values nested deeper than %1").arg(MaxValueDepth));
    using V = otlp::common::v1::AnyValue;
    switch (value.value_case()) {
    case V::kStringValue:
        return value.string_value();
    case V::kBoolValue:
        return value.bool_value();
    case V::kIntValue:
        return value.int_value();
    case V::kDoubleValue:
        return std::isfinite(value.double_value())
            ? json(value.double_value())
            : json(std::isnan(value.double_value()) ? "NaN" : (value.double_value() > 0 ? "Infinity" : "-Infinity"));
    case V::kBytesValue:
        return QByteArray::fromStdString(value.bytes_value()).toBase64().toStdString();
    case V::kArrayValue: {
        json out = json::array();
        for (int i = 0; i < value.array_value().values_size(); ++i)
            out.push_back(plainProto(value.array_value().values(i), where.at("values", i), depth + 1));
        return out;
    }
    case V::kKvlistValue: {
        json out = json::object();
        for (int i = 0; i < value.kvlist_value().values_size(); ++i) {
            const auto& kv = value.kvlist_value().values(i);
            out[kv.key()] = plainProto(kv.value(), where.at("values", i).at("value"), depth + 1);
        }
        return out;
    }
    case V::VALUE_NOT_SET:
        break;
    }
    return json();
}

class ProtoTraceReader
{
public:
    explicit ProtoTraceReader(std::size_t expectedSpans)
        : m_builder(expectedSpans)
    { }

    void read(const tempopb::Trace& trace)
    {
        const Where root;
        for (int b = 0; b < trace.batches_size(); ++b) {
            const otlp::trace::v1::ResourceSpans& batch = trace.batches(b);
            const Where batchWhere = root.at("batches", b);
            const std::uint32_t mark = m_builder.mark();
            readAttributes(batch.resource().attributes(), batchWhere.at("resource"));
            const std::uint32_t resource = m_builder.addResource(mark);
            for (int s = 0; s < batch.scope_spans_size(); ++s) {
                const otlp::trace::v1::ScopeSpans& scopeSpans = batch.scope_spans(s);
                const Where scopeWhere = batchWhere.at("scope_spans", s);
                const std::uint32_t scopeMark = m_builder.mark();
                readAttributes(scopeSpans.scope().attributes(), scopeWhere.at("scope"));
                const std::uint32_t scope = m_builder.addScope(m_builder.intern(scopeSpans.scope().name()),
                    m_builder.intern(scopeSpans.scope().version()), scopeMark);
                for (int i = 0; i < scopeSpans.spans_size(); ++i)
                    readSpan(scopeSpans.spans(i), scopeWhere.at("spans", i), resource, scope);
            }
        }
    }

    Trace finish() { return m_builder.finish(); }

private:
    static TraceId traceId(const std::string& raw, const Where& where)
    {
        if (raw.empty())
            return {};
        if (auto id = TraceId::fromBytes(raw))
            return *id;
        fail(where, Text::tr("a trace id of %1 bytes, expected 16").arg(raw.size()));
    }

    static SpanId spanId(const std::string& raw, const Where& where)
    {
        if (auto id = spanIdFromBytes(raw))
            return *id;
        fail(where, Text::tr("a span id of %1 bytes, expected 8").arg(raw.size()));
    }

    static std::int64_t nanos(std::uint64_t value, const Where& where)
    {
        if (value > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
            fail(where, Text::tr("%1 is too large").arg(value));
        return static_cast<std::int64_t>(value);
    }

    void readSpan(const otlp::trace::v1::Span& in, const Where& where, std::uint32_t resource, std::uint32_t scope)
    {
        TraceBuilder::SpanFields span;
        span.traceId = traceId(in.trace_id(), where.at("trace_id"));
        if (in.span_id().empty())
            fail(where, Text::tr("the span has no span_id"));
        span.spanId = spanId(in.span_id(), where.at("span_id"));
        if (!in.parent_span_id().empty())
            span.parentSpanId = spanId(in.parent_span_id(), where.at("parent_span_id"));
        span.traceState = m_builder.intern(in.trace_state());
        span.name = m_builder.intern(in.name());
        const int kind = in.kind();
        span.kind = (kind >= 0 && kind <= 5) ? static_cast<SpanKind>(kind) : SpanKind::Unspecified;
        span.startNs = nanos(in.start_time_unix_nano(), where.at("start_time_unix_nano"));
        span.endNs = nanos(in.end_time_unix_nano(), where.at("end_time_unix_nano"));
        const int code = in.status().code();
        span.statusCode = (code >= 0 && code <= 2) ? static_cast<StatusCode>(code) : StatusCode::Unset;
        span.statusMessage = m_builder.intern(in.status().message());

        const std::uint32_t mark = m_builder.mark();
        readAttributes(in.attributes(), where);
        const IndexRange own { mark, m_builder.mark() };
        for (int i = 0; i < in.events_size(); ++i) {
            const auto& event = in.events(i);
            const std::uint32_t eventMark = m_builder.mark();
            readAttributes(event.attributes(), where.at("events", i));
            m_builder.addEvent(nanos(event.time_unix_nano(), where.at("events", i).at("time_unix_nano")),
                m_builder.intern(event.name()), eventMark);
        }
        for (int i = 0; i < in.links_size(); ++i) {
            const auto& link = in.links(i);
            const Where linkWhere = where.at("links", i);
            const TraceId linkedTrace = traceId(link.trace_id(), linkWhere.at("trace_id"));
            const SpanId linkedSpan = link.span_id().empty() ? 0 : spanId(link.span_id(), linkWhere.at("span_id"));
            const std::uint32_t linkMark = m_builder.mark();
            readAttributes(link.attributes(), linkWhere);
            m_builder.addLink(linkedTrace, linkedSpan, m_builder.intern(link.trace_state()), linkMark);
        }
        m_builder.addSpan(span, resource, scope, own);
    }

    void readAttributes(
        const google::protobuf::RepeatedPtrField<otlp::common::v1::KeyValue>& attributes, const Where& owner)
    {
        using V = otlp::common::v1::AnyValue;
        for (int i = 0; i < attributes.size(); ++i) {
            const auto& kv = attributes.Get(i);
            const StringPool::Id key = m_builder.intern(kv.key());
            const V& value = kv.value();
            switch (value.value_case()) {
            case V::kStringValue:
                m_builder.addAttribute(Attribute::ofString(key, m_builder.intern(value.string_value())));
                break;
            case V::kBoolValue:
                m_builder.addAttribute(Attribute::ofBool(key, value.bool_value()));
                break;
            case V::kIntValue:
                m_builder.addAttribute(Attribute::ofInt(key, value.int_value()));
                break;
            case V::kDoubleValue:
                m_builder.addAttribute(Attribute::ofDouble(key, value.double_value()));
                break;
            case V::kBytesValue:
                m_builder.addAttribute(
                    Attribute::ofString(key, m_builder.intern(value.bytes_value()), ValueType::Bytes));
                break;
            case V::kArrayValue:
            case V::kKvlistValue: {
                const std::string text = plainProto(value, owner.at("attributes", i).at("value"), 0).dump();
                m_builder.addAttribute(Attribute::ofString(key, m_builder.intern(text),
                    value.value_case() == V::kArrayValue ? ValueType::Array : ValueType::KeyValueList));
                break;
            }
            case V::VALUE_NOT_SET:
                m_builder.addAttribute(Attribute { key });
                break;
            }
        }
    }

    TraceBuilder m_builder;
};

/// Finds where protobuf data is damaged, walking the wire format along the message types: the first field whose
/// length runs past the end, a number cut off, text that is not UTF-8, a tag that cannot be.
class DamageFinder
{
public:
    DamageFinder(const char* data, int size)
        : m_in(reinterpret_cast<const std::uint8_t*>(data), size)
    {
        m_in.PushLimit(size);
    }

    std::optional<TraceParseError> find()
    {
        if (walk(tempopb::Trace::descriptor(), Where {}, 0))
            return std::nullopt;
        return m_error;
    }

private:
    bool damaged(const Where& where, int offset, const QString& what)
    {
        m_error = TraceParseError { TraceParseError::Kind::Malformed, where.text(),
            Text::tr("at byte %1: %2").arg(offset).arg(what) };
        return false;
    }

    bool walk(const google::protobuf::Descriptor* type, const Where& where, int depth)
    {
        using WFL = google::protobuf::internal::WireFormatLite;
        QHash<int, qsizetype> seen;
        while (true) {
            const int offset = m_in.CurrentPosition();
            const std::uint32_t tag = m_in.ReadTag();
            if (tag == 0) {
                if (m_in.BytesUntilLimit() == 0)
                    return true;
                return damaged(where, offset, Text::tr("not a field tag"));
            }
            const int number = WFL::GetTagFieldNumber(tag);
            const google::protobuf::FieldDescriptor* field = type ? type->FindFieldByNumber(number) : nullptr;
            const qsizetype index = seen[number]++;
            const std::string name = field ? field->name() : std::to_string(number);
            const Where here = where.at(name, (field && field->is_repeated()) ? index : -1);
            switch (WFL::GetTagWireType(tag)) {
            case WFL::WIRETYPE_VARINT: {
                std::uint64_t value = 0;
                if (!m_in.ReadVarint64(&value))
                    return damaged(here, offset, Text::tr("the data ends inside a number"));
                break;
            }
            case WFL::WIRETYPE_FIXED64: {
                std::uint64_t value = 0;
                if (!m_in.ReadLittleEndian64(&value))
                    return damaged(here, offset, Text::tr("the data ends inside a number"));
                break;
            }
            case WFL::WIRETYPE_FIXED32: {
                std::uint32_t value = 0;
                if (!m_in.ReadLittleEndian32(&value))
                    return damaged(here, offset, Text::tr("the data ends inside a number"));
                break;
            }
            case WFL::WIRETYPE_LENGTH_DELIMITED: {
                std::uint32_t length = 0;
                if (!m_in.ReadVarint32(&length))
                    return damaged(here, offset, Text::tr("the data ends inside a length"));
                const int left = m_in.BytesUntilLimit();
                if (length > static_cast<std::uint32_t>(left)) {
                    return damaged(
                        here, offset, Text::tr("a field of %1 bytes, but only %2 are left").arg(length).arg(left));
                }
                if (field && field->type() == google::protobuf::FieldDescriptor::TYPE_MESSAGE) {
                    if (depth >= 100)
                        return damaged(here, offset, Text::tr("messages nested deeper than 100"));
                    const auto limit = m_in.PushLimit(static_cast<int>(length));
                    if (!walk(field->message_type(), here, depth + 1))
                        return false;
                    m_in.PopLimit(limit);
                } else if (field && field->type() == google::protobuf::FieldDescriptor::TYPE_STRING) {
                    std::string text;
                    m_in.ReadString(&text, static_cast<int>(length));
                    if (!QByteArrayView(text.data(), static_cast<qsizetype>(text.size())).isValidUtf8())
                        return damaged(here, offset, Text::tr("text that is not UTF-8"));
                } else {
                    m_in.Skip(static_cast<int>(length));
                }
                break;
            }
            case WFL::WIRETYPE_START_GROUP:
                if (!google::protobuf::internal::WireFormatLite::SkipField(&m_in, tag))
                    return damaged(here, offset, Text::tr("a group that does not end"));
                break;
            default:
                return damaged(here, offset, Text::tr("wire type %1 does not exist").arg(WFL::GetTagWireType(tag)));
            }
        }
    }

    google::protobuf::io::CodedInputStream m_in;
    std::optional<TraceParseError> m_error;
};

QString sizeText(qsizetype bytes)
{
    return QLocale::c().formattedDataSize(bytes, 1);
}

} // namespace

namespace {

/// `decoded` runs once the bytes are no longer needed (protobuf copied every string into its arena): a file's
/// mapping can go before the Trace is built, which lowers the peak memory of opening a big trace.
TraceParseResult parseProtobuf(const char* data, qsizetype size, const std::function<void()>& decoded)
{
    if (size > std::numeric_limits<int>::max()) {
        return failure(TraceParseError::Kind::TooLarge, {},
            Text::tr("%1 of protobuf is more than a protobuf message can hold (2 GiB)").arg(sizeText(size)));
    }
    google::protobuf::ArenaOptions options;
    // Messages take about twice the bytes they were read from; fewer, larger blocks are faster to fill.
    options.start_block_size = static_cast<std::size_t>(std::clamp<qsizetype>(size, 4096, 16 * 1024 * 1024));
    options.max_block_size = 64 * 1024 * 1024;
    google::protobuf::Arena arena(options);
    auto* message = google::protobuf::Arena::CreateMessage<tempopb::Trace>(&arena);
    if (!message->ParseFromArray(data, static_cast<int>(size))) {
        if (auto damage = DamageFinder(data, static_cast<int>(size)).find()) {
            TraceParseResult result;
            result.error = std::move(damage);
            return result;
        }
        return failure(TraceParseError::Kind::Malformed, {},
            Text::tr("%1 that are not a tempopb.Trace or OTLP TracesData").arg(sizeText(size)));
    }
    if (decoded)
        decoded();
    std::size_t spans = 0;
    for (const auto& batch : message->batches()) {
        for (const auto& scope : batch.scope_spans())
            spans += static_cast<std::size_t>(scope.spans_size());
    }
    try {
        ProtoTraceReader reader(spans);
        reader.read(*message);
        TraceParseResult result;
        result.trace = reader.finish();
        return result;
    } catch (const Malformed& malformed) {
        return failure(TraceParseError::Kind::Malformed, malformed.where, malformed.message);
    }
}

} // namespace

TraceParseResult parseTraceProtobuf(const char* data, qsizetype size)
{
    return parseProtobuf(data, size, {});
}

TraceParseResult parseTraceJson(const QByteArray& data)
{
    json document;
    try {
        document = json::parse(data.constBegin(), data.constEnd());
    } catch (const json::parse_error& error) {
        // nlohmann's message starts with "[json.exception.parse_error.101] parse error at line 1, column 5: ".
        QString what = QString::fromUtf8(error.what());
        const qsizetype colon = what.indexOf(QLatin1String(": "));
        if (colon >= 0)
            what = what.mid(colon + 2);
        return failure(
            TraceParseError::Kind::Malformed, Text::tr("byte %1").arg(error.byte), Text::tr("not JSON (%1)").arg(what));
    } catch (const json::exception& error) {
        // Not a parse_error: a number beyond a double ("1e400") is out_of_range.406, thrown while parsing.
        QString what = QString::fromUtf8(error.what());
        what = what.mid(what.indexOf(QLatin1String("] ")) + 2);
        return failure(TraceParseError::Kind::Malformed, {}, Text::tr("not JSON (%1)").arg(what));
    }
    try {
        // About one span per 700 bytes of JSON in practice; a guess is enough for reserving.
        JsonTraceReader reader(static_cast<std::size_t>(data.size() / 700));
        TraceParseResult result;
        reader.readDocument(document, result.warnings);
        result.trace = reader.finish();
        return result;
    } catch (const Malformed& malformed) {
        return failure(TraceParseError::Kind::Malformed, malformed.where, malformed.message);
    }
}

TraceFormat sniffTraceFormat(const QByteArray& data)
{
    qsizetype i = data.startsWith("\xEF\xBB\xBF") ? 3 : 0;
    while (i < data.size() && (data[i] == ' ' || data[i] == '\t' || data[i] == '\n' || data[i] == '\r'))
        ++i;
    // '{' would be field 15 with wire type 3 (a group): never the start of a TracesData.
    return (i < data.size() && data[i] == '{') ? TraceFormat::Json : TraceFormat::Protobuf;
}

TraceParseResult parseTraceData(const QByteArray& data)
{
    return sniffTraceFormat(data) == TraceFormat::Json ? parseTraceJson(data) : parseTraceProtobuf(data);
}

TraceParseResult readTraceFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return failure(TraceParseError::Kind::Unreadable, path, file.errorString());
    const qint64 size = file.size();
    if (size == 0)
        return failure(TraceParseError::Kind::Malformed, path, Text::tr("the file is empty"));
    QByteArray data;
    // Mapped, not copied: a trace file can be hundreds of megabytes.
    const char* mapped = reinterpret_cast<const char*>(file.map(0, size));
    if (mapped)
        data = QByteArray::fromRawData(mapped, static_cast<qsizetype>(size));
    else
        data = file.readAll();
    if (data.size() != size)
        return failure(TraceParseError::Kind::Unreadable, path, file.errorString());
    TraceParseResult result = sniffTraceFormat(data) == TraceFormat::Json
        ? parseTraceJson(data)
        : parseProtobuf(data.constData(), data.size(), [&] {
              data.clear(); // the raw-data view must not outlive the mapping
              file.unmap(reinterpret_cast<uchar*>(const_cast<char*>(mapped)));
          });
    if (result.error)
        result.error->where = result.error->where.isEmpty() ? path : path + QStringLiteral(", ") + result.error->where;
    return result;
}

} // namespace firebreak
