#pragma once

#include "stringpool.h"

#include <QString>
#include <QStringView>

#include <array>
#include <bit>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace firebreak {

/// A 16-byte trace id, in the wire's byte order.
struct TraceId
{
    std::array<std::uint8_t, 16> bytes {};

    bool isNull() const;
    /// 32 lower-case hex digits.
    QString toHex() const;
    /// 1 to 32 hex digits; shorter ids are left-padded with zeros, as Tempo does.
    static std::optional<TraceId> fromHex(QStringView hex);
    /// 16 bytes, or 8 (a 64-bit id from Zipkin or Jaeger, left-padded); nullopt for any other length.
    static std::optional<TraceId> fromBytes(std::string_view raw);

    auto operator<=>(const TraceId&) const = default;
};

/// An 8-byte span id read big-endian, so its hex form keeps the wire's byte order; 0 means "none".
using SpanId = std::uint64_t;

QString spanIdToHex(SpanId id); // 16 lower-case hex digits
std::optional<SpanId> spanIdFromHex(QStringView hex); // exactly 16 hex digits
std::optional<SpanId> spanIdFromBytes(std::string_view raw); // exactly 8 bytes

enum class SpanKind : std::uint8_t
{
    Unspecified,
    Internal,
    Server,
    Client,
    Producer,
    Consumer,
};

enum class StatusCode : std::uint8_t
{
    Unset,
    Ok,
    Error,
};

QString spanKindName(SpanKind kind); // "server", "client", … as TraceQL writes them
QString statusCodeName(StatusCode code); // "unset", "ok", "error"

enum class ValueType : std::uint8_t
{
    Empty,
    String,
    Int,
    Double,
    Bool,
    Bytes, // the raw bytes, interned like a string
    Array, // flattened to JSON text
    KeyValueList, // flattened to JSON text
};

/// One key/value of the attribute arena: 16 bytes, the value's meaning given by `type`.
struct Attribute
{
    StringPool::Id key = StringPool::Empty;
    ValueType type = ValueType::Empty;
    std::int64_t raw = 0; // Int: the value; Double: its bits; Bool: 0 or 1; the rest: a StringPool id

    std::int64_t intValue() const { return raw; }
    double doubleValue() const { return std::bit_cast<double>(raw); }
    bool boolValue() const { return raw != 0; }
    StringPool::Id stringId() const { return static_cast<StringPool::Id>(raw); }
    bool hasStringId() const
    {
        return type == ValueType::String || type == ValueType::Bytes || type == ValueType::Array
            || type == ValueType::KeyValueList;
    }

    static Attribute ofString(StringPool::Id key, StringPool::Id value, ValueType type = ValueType::String)
    {
        return { key, type, static_cast<std::int64_t>(value) };
    }
    static Attribute ofInt(StringPool::Id key, std::int64_t value) { return { key, ValueType::Int, value }; }
    static Attribute ofDouble(StringPool::Id key, double value)
    {
        return { key, ValueType::Double, std::bit_cast<std::int64_t>(value) };
    }
    static Attribute ofBool(StringPool::Id key, bool value) { return { key, ValueType::Bool, value ? 1 : 0 }; }
};

/// Positions [begin, end) in one of the Trace's flat arrays.
struct IndexRange
{
    std::uint32_t begin = 0;
    std::uint32_t end = 0;
    std::uint32_t size() const { return end - begin; }
};

struct SpanEvent
{
    std::int64_t timeNs = 0;
    StringPool::Id name = StringPool::Empty;
    IndexRange attributes;
};

struct SpanLink
{
    TraceId traceId;
    SpanId spanId = 0;
    StringPool::Id traceState = StringPool::Empty;
    IndexRange attributes;
};

/// What emitted a group of spans: the process (service.name, host, …).
struct TraceResource
{
    StringPool::Id serviceName = StringPool::Empty;
    IndexRange attributes;
};

/// The instrumentation library inside the process.
struct TraceScope
{
    StringPool::Id name = StringPool::Empty;
    StringPool::Id version = StringPool::Empty;
    IndexRange attributes;
};

/// A trace as a struct of arrays: span i is position i of every per-span array, in the order the spans came in.
/// Strings (names, services, keys, string values) are interned in `strings`; attributes of spans, events, links,
/// resources and scopes share one arena. Parents are indices, resolved once when the trace is built.
/// Made by TraceBuilder (traceparser.h reads files and wire formats into one); immutable afterwards.
struct Trace
{
    StringPool strings;

    // Per span.
    std::vector<TraceId> traceIds;
    std::vector<SpanId> spanIds;
    std::vector<SpanId> parentSpanIds; // as sent: kept for orphans, whose parent is not in the trace
    std::vector<std::int32_t> parents; // index of the parent span; -1 for roots and orphans
    std::vector<std::int64_t> startNs;
    std::vector<std::int64_t> endNs;
    std::vector<StringPool::Id> services; // the resource's service.name
    std::vector<StringPool::Id> names;
    std::vector<SpanKind> kinds;
    std::vector<StatusCode> statusCodes;
    std::vector<StringPool::Id> statusMessages;
    std::vector<StringPool::Id> traceStates;
    std::vector<std::uint32_t> resourceIndices; // into `resources`
    std::vector<std::uint32_t> scopeIndices; // into `scopes`
    std::vector<IndexRange> attributeRanges; // into `attributes`
    std::vector<std::uint32_t> eventOffsets; // spanCount() + 1 entries: span i has events [o[i], o[i+1])
    std::vector<std::uint32_t> linkOffsets; // the same for `links`

    std::vector<Attribute> attributes;
    std::vector<SpanEvent> events;
    std::vector<SpanLink> links;
    std::vector<TraceResource> resources;
    std::vector<TraceScope> scopes;

    /// (span id, index) sorted by id then index, for lookups by id.
    std::vector<std::pair<SpanId, std::int32_t>> spanIndex;

    qsizetype spanCount() const { return static_cast<qsizetype>(spanIds.size()); }
    bool isEmpty() const { return spanIds.empty(); }

    QString string(StringPool::Id id) const { return strings.string(id); }
    std::string_view view(StringPool::Id id) const { return strings.view(id); }

    std::span<const Attribute> attributesIn(IndexRange range) const
    {
        return { attributes.data() + range.begin, range.size() };
    }
    std::span<const Attribute> spanAttributes(qsizetype span) const { return attributesIn(attributeRanges[span]); }
    std::span<const SpanEvent> spanEvents(qsizetype span) const
    {
        return { events.data() + eventOffsets[span], eventOffsets[span + 1] - eventOffsets[span] };
    }
    std::span<const SpanLink> spanLinks(qsizetype span) const
    {
        return { links.data() + linkOffsets[span], linkOffsets[span + 1] - linkOffsets[span] };
    }

    std::int64_t durationNs(qsizetype span) const { return endNs[span] - startNs[span]; }
    /// Has no parent id at all.
    bool isRoot(qsizetype span) const { return parentSpanIds[span] == 0; }
    /// Names a parent that is not in the trace (not yet received, dropped, or cut by a size limit).
    bool isOrphan(qsizetype span) const { return parents[span] < 0 && parentSpanIds[span] != 0; }

    /// The first span with this id, or -1.
    qsizetype indexOf(SpanId id) const;
    /// The most common trace id (a file may mix traces); null for an empty trace.
    TraceId traceId() const;

    /// Earliest start and latest end of all spans; 0 for an empty trace.
    std::int64_t startTimeNs() const;
    std::int64_t endTimeNs() const;
    std::int64_t durationNs() const { return endTimeNs() - startTimeNs(); }
    qsizetype serviceCount() const;
    qsizetype errorCount() const;
    /// Spans that start the trace: roots, then orphans (their parent is missing).
    std::vector<std::int32_t> topLevelSpans() const;

    /// The attribute's value for a person to read: strings as they are, numbers, true/false, bytes in base64,
    /// arrays and key/value lists as JSON.
    QString valueText(const Attribute& attribute) const;
    /// The first attribute with this key in `range`, or nullptr.
    const Attribute* findAttribute(IndexRange range, std::string_view key) const;

    /// Heap bytes held by the arrays and strings (capacities, not sizes).
    std::size_t memoryBytes() const;
};

/// Collects spans in the order they are read and makes the Trace in one pass over the input; finish() resolves
/// parent ids to indices (cycles are cut: the span that closes one becomes an orphan).
/// Attributes go to the arena as they are read; a span, event, link, resource or scope then takes those
/// added since the mark it was given.
class TraceBuilder
{
public:
    struct SpanFields
    {
        TraceId traceId;
        SpanId spanId = 0;
        SpanId parentSpanId = 0;
        std::int64_t startNs = 0;
        std::int64_t endNs = 0;
        StringPool::Id name = StringPool::Empty;
        SpanKind kind = SpanKind::Unspecified;
        StatusCode statusCode = StatusCode::Unset;
        StringPool::Id statusMessage = StringPool::Empty;
        StringPool::Id traceState = StringPool::Empty;
    };

    explicit TraceBuilder(std::size_t expectedSpans = 0);

    StringPool::Id intern(std::string_view text) { return m_trace.strings.intern(text); }
    std::uint32_t mark() const { return static_cast<std::uint32_t>(m_trace.attributes.size()); }
    void addAttribute(const Attribute& attribute) { m_trace.attributes.push_back(attribute); }

    /// Takes the attributes since `attributesMark`; returns the resource's index.
    std::uint32_t addResource(std::uint32_t attributesMark);
    std::uint32_t addScope(StringPool::Id name, StringPool::Id version, std::uint32_t attributesMark);
    /// Events and links are added after their span's own attributes and before addSpan().
    void addEvent(std::int64_t timeNs, StringPool::Id name, std::uint32_t attributesMark);
    void addLink(const TraceId& traceId, SpanId spanId, StringPool::Id traceState, std::uint32_t attributesMark);
    /// `attributes` is the span's own range (events' and links' attributes come after it in the arena).
    void addSpan(const SpanFields& fields, std::uint32_t resource, std::uint32_t scope, IndexRange attributes);

    qsizetype spanCount() const { return m_trace.spanCount(); }
    Trace finish();

private:
    Trace m_trace;
};

} // namespace firebreak
