#include "trace.h"

#include <QByteArray>

#include <algorithm>
#include <charconv>
#include <map>
#include <unordered_set>

namespace firebreak {

namespace {

int hexDigit(char16_t c)
{
    if (c >= u'0' && c <= u'9')
        return c - u'0';
    if (c >= u'a' && c <= u'f')
        return c - u'a' + 10;
    if (c >= u'A' && c <= u'F')
        return c - u'A' + 10;
    return -1;
}

QString hexOf(const std::uint8_t* data, std::size_t size)
{
    static constexpr char Digits[] = "0123456789abcdef";
    QString out(static_cast<qsizetype>(size * 2), Qt::Uninitialized);
    QChar* to = out.data();
    for (std::size_t i = 0; i < size; ++i) {
        *to++ = QLatin1Char(Digits[data[i] >> 4]);
        *to++ = QLatin1Char(Digits[data[i] & 0xf]);
    }
    return out;
}

} // namespace

bool TraceId::isNull() const
{
    return std::all_of(bytes.begin(), bytes.end(), [](std::uint8_t b) { return b == 0; });
}

QString TraceId::toHex() const
{
    return hexOf(bytes.data(), bytes.size());
}

std::optional<TraceId> TraceId::fromHex(QStringView hex)
{
    if (hex.isEmpty() || hex.size() > 32)
        return std::nullopt;
    TraceId id;
    // Right-aligned: digit k from the end is nibble k from the end.
    const qsizetype n = hex.size();
    for (qsizetype k = 0; k < n; ++k) {
        const int d = hexDigit(hex[n - 1 - k].unicode());
        if (d < 0)
            return std::nullopt;
        std::uint8_t& byte = id.bytes[15 - k / 2];
        byte = static_cast<std::uint8_t>(byte | (k % 2 == 0 ? d : d << 4));
    }
    return id;
}

std::optional<TraceId> TraceId::fromBytes(std::string_view raw)
{
    if (raw.size() != 16 && raw.size() != 8)
        return std::nullopt;
    TraceId id;
    std::copy(raw.begin(), raw.end(), id.bytes.begin() + (16 - raw.size()));
    return id;
}

QString spanIdToHex(SpanId id)
{
    std::uint8_t bytes[8];
    for (int i = 7; i >= 0; --i) {
        bytes[i] = static_cast<std::uint8_t>(id & 0xff);
        id >>= 8;
    }
    return hexOf(bytes, 8);
}

std::optional<SpanId> spanIdFromHex(QStringView hex)
{
    if (hex.size() != 16)
        return std::nullopt;
    SpanId id = 0;
    for (const QChar c : hex) {
        const int d = hexDigit(c.unicode());
        if (d < 0)
            return std::nullopt;
        id = (id << 4) | static_cast<SpanId>(d);
    }
    return id;
}

std::optional<SpanId> spanIdFromBytes(std::string_view raw)
{
    if (raw.size() != 8)
        return std::nullopt;
    SpanId id = 0;
    for (const char c : raw)
        id = (id << 8) | static_cast<std::uint8_t>(c);
    return id;
}

QString spanKindName(SpanKind kind)
{
    switch (kind) {
    case SpanKind::Unspecified:
        return QStringLiteral("unspecified");
    case SpanKind::Internal:
        return QStringLiteral("internal");
    case SpanKind::Server:
        return QStringLiteral("server");
    case SpanKind::Client:
        return QStringLiteral("client");
    case SpanKind::Producer:
        return QStringLiteral("producer");
    case SpanKind::Consumer:
        return QStringLiteral("consumer");
    }
    return {};
}

QString statusCodeName(StatusCode code)
{
    switch (code) {
    case StatusCode::Unset:
        return QStringLiteral("unset");
    case StatusCode::Ok:
        return QStringLiteral("ok");
    case StatusCode::Error:
        return QStringLiteral("error");
    }
    return {};
}

qsizetype Trace::indexOf(SpanId id) const
{
    const auto it = std::lower_bound(spanIndex.begin(), spanIndex.end(), std::pair<SpanId, std::int32_t>(id, -1));
    return (it != spanIndex.end() && it->first == id) ? it->second : -1;
}

TraceId Trace::traceId() const
{
    if (traceIds.empty())
        return {};
    // Nearly always one id: count only when they differ.
    if (std::all_of(traceIds.begin(), traceIds.end(), [&](const TraceId& id) { return id == traceIds.front(); }))
        return traceIds.front();
    std::map<TraceId, qsizetype> counts;
    for (const TraceId& id : traceIds)
        ++counts[id];
    return std::max_element(counts.begin(), counts.end(), [](const auto& a, const auto& b) {
        return a.second < b.second;
    })->first;
}

std::int64_t Trace::startTimeNs() const
{
    return startNs.empty() ? 0 : *std::min_element(startNs.begin(), startNs.end());
}

std::int64_t Trace::endTimeNs() const
{
    return endNs.empty() ? 0 : *std::max_element(endNs.begin(), endNs.end());
}

qsizetype Trace::serviceCount() const
{
    const std::unordered_set<StringPool::Id> distinct(services.begin(), services.end());
    return static_cast<qsizetype>(distinct.size());
}

qsizetype Trace::errorCount() const
{
    return std::count(statusCodes.begin(), statusCodes.end(), StatusCode::Error);
}

std::vector<std::int32_t> Trace::topLevelSpans() const
{
    std::vector<std::int32_t> top;
    for (qsizetype i = 0; i < spanCount(); ++i) {
        if (isRoot(i))
            top.push_back(static_cast<std::int32_t>(i));
    }
    for (qsizetype i = 0; i < spanCount(); ++i) {
        if (isOrphan(i))
            top.push_back(static_cast<std::int32_t>(i));
    }
    return top;
}

QString Trace::valueText(const Attribute& attribute) const
{
    switch (attribute.type) {
    case ValueType::Empty:
        return {};
    case ValueType::String:
    case ValueType::Array:
    case ValueType::KeyValueList:
        return string(attribute.stringId());
    case ValueType::Int:
        return QString::number(attribute.intValue());
    case ValueType::Double: {
        const double value = attribute.doubleValue();
        char buffer[32];
        const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
        return QString::fromLatin1(buffer, ec == std::errc() ? end - buffer : 0);
    }
    case ValueType::Bool:
        return attribute.boolValue() ? QStringLiteral("true") : QStringLiteral("false");
    case ValueType::Bytes: {
        const std::string_view raw = view(attribute.stringId());
        return QString::fromLatin1(QByteArray::fromRawData(raw.data(), static_cast<qsizetype>(raw.size())).toBase64());
    }
    }
    return {};
}

const Attribute* Trace::findAttribute(IndexRange range, std::string_view key) const
{
    const StringPool::Id id = strings.find(key);
    if (id == StringPool::NotFound)
        return nullptr;
    for (const Attribute& attribute : attributesIn(range)) {
        if (attribute.key == id)
            return &attribute;
    }
    return nullptr;
}

std::size_t Trace::memoryBytes() const
{
    const auto bytes
        = [](const auto& v) { return v.capacity() * sizeof(typename std::decay_t<decltype(v)>::value_type); };
    return strings.memoryBytes() + bytes(traceIds) + bytes(spanIds) + bytes(parentSpanIds) + bytes(parents)
        + bytes(startNs) + bytes(endNs) + bytes(services) + bytes(names) + bytes(kinds) + bytes(statusCodes)
        + bytes(statusMessages) + bytes(traceStates) + bytes(resourceIndices) + bytes(scopeIndices)
        + bytes(attributeRanges) + bytes(eventOffsets) + bytes(linkOffsets) + bytes(attributes) + bytes(events)
        + bytes(links) + bytes(resources) + bytes(scopes) + bytes(spanIndex);
}

TraceBuilder::TraceBuilder(std::size_t expectedSpans)
{
    Trace& t = m_trace;
    t.traceIds.reserve(expectedSpans);
    t.spanIds.reserve(expectedSpans);
    t.parentSpanIds.reserve(expectedSpans);
    t.startNs.reserve(expectedSpans);
    t.endNs.reserve(expectedSpans);
    t.services.reserve(expectedSpans);
    t.names.reserve(expectedSpans);
    t.kinds.reserve(expectedSpans);
    t.statusCodes.reserve(expectedSpans);
    t.statusMessages.reserve(expectedSpans);
    t.traceStates.reserve(expectedSpans);
    t.resourceIndices.reserve(expectedSpans);
    t.scopeIndices.reserve(expectedSpans);
    t.attributeRanges.reserve(expectedSpans);
    t.eventOffsets.reserve(expectedSpans + 1);
    t.linkOffsets.reserve(expectedSpans + 1);
    t.eventOffsets.push_back(0);
    t.linkOffsets.push_back(0);
}

std::uint32_t TraceBuilder::addResource(std::uint32_t attributesMark)
{
    TraceResource resource;
    resource.attributes = { attributesMark, mark() };
    if (const Attribute* name = m_trace.findAttribute(resource.attributes, "service.name");
        name && name->type == ValueType::String) {
        resource.serviceName = name->stringId();
    }
    m_trace.resources.push_back(resource);
    return static_cast<std::uint32_t>(m_trace.resources.size() - 1);
}

std::uint32_t TraceBuilder::addScope(StringPool::Id name, StringPool::Id version, std::uint32_t attributesMark)
{
    m_trace.scopes.push_back({ name, version, { attributesMark, mark() } });
    return static_cast<std::uint32_t>(m_trace.scopes.size() - 1);
}

void TraceBuilder::addEvent(std::int64_t timeNs, StringPool::Id name, std::uint32_t attributesMark)
{
    m_trace.events.push_back({ timeNs, name, { attributesMark, mark() } });
}

void TraceBuilder::addLink(
    const TraceId& traceId, SpanId spanId, StringPool::Id traceState, std::uint32_t attributesMark)
{
    m_trace.links.push_back({ traceId, spanId, traceState, { attributesMark, mark() } });
}

void TraceBuilder::addSpan(const SpanFields& fields, std::uint32_t resource, std::uint32_t scope, IndexRange attributes)
{
    Trace& t = m_trace;
    t.traceIds.push_back(fields.traceId);
    t.spanIds.push_back(fields.spanId);
    t.parentSpanIds.push_back(fields.parentSpanId);
    t.startNs.push_back(fields.startNs);
    t.endNs.push_back(fields.endNs);
    t.services.push_back(resource < t.resources.size() ? t.resources[resource].serviceName : StringPool::Empty);
    t.names.push_back(fields.name);
    t.kinds.push_back(fields.kind);
    t.statusCodes.push_back(fields.statusCode);
    t.statusMessages.push_back(fields.statusMessage);
    t.traceStates.push_back(fields.traceState);
    t.resourceIndices.push_back(resource);
    t.scopeIndices.push_back(scope);
    t.attributeRanges.push_back(attributes);
    t.eventOffsets.push_back(static_cast<std::uint32_t>(t.events.size()));
    t.linkOffsets.push_back(static_cast<std::uint32_t>(t.links.size()));
}

Trace TraceBuilder::finish()
{
    Trace& t = m_trace;
    const auto n = static_cast<std::int32_t>(t.spanIds.size());
    t.spanIndex.resize(n);
    for (std::int32_t i = 0; i < n; ++i)
        t.spanIndex[i] = { t.spanIds[i], i };
    std::sort(t.spanIndex.begin(), t.spanIndex.end());

    t.parents.assign(n, -1);
    for (std::int32_t i = 0; i < n; ++i) {
        const SpanId parent = t.parentSpanIds[i];
        if (parent == 0)
            continue;
        const qsizetype at = t.indexOf(parent);
        if (at >= 0 && at != i)
            t.parents[i] = static_cast<std::int32_t>(at);
    }

    // Cut cycles (A under B under A), which would send every tree walk round forever. Each span is visited once:
    // a walk up stops at a span already settled; meeting a span of the current walk again closes a cycle.
    enum : std::uint8_t
    {
        Unvisited,
        OnPath,
        Settled
    };
    std::vector<std::uint8_t> state(n, Unvisited);
    std::vector<std::int32_t> path;
    for (std::int32_t start = 0; start < n; ++start) {
        path.clear();
        std::int32_t at = start;
        while (at >= 0 && state[at] == Unvisited) {
            state[at] = OnPath;
            path.push_back(at);
            const std::int32_t parent = t.parents[at];
            if (parent >= 0 && state[parent] == OnPath) {
                t.parents[at] = -1;
                break;
            }
            at = parent;
        }
        for (const std::int32_t visited : path)
            state[visited] = Settled;
    }

    Trace done = std::move(m_trace);
    m_trace = Trace {};
    return done;
}

} // namespace firebreak
