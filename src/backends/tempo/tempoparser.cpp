#include "tempoparser.h"

#include "model/traceparser.h"
#include "model/tracewriter.h"
#include "tempopb/tempo.pb.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/wire_format_lite.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>

namespace firebreak::tempo {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(TempoParser)
};

using json = nlohmann::json;

struct Bad
{
    QString message;
};

[[noreturn]] void bad(const QString& where, const QString& what)
{
    throw Bad { where.isEmpty() ? what : where + QStringLiteral(": ") + what };
}

QString join(const QString& where, const char* key)
{
    return where.isEmpty() ? QString::fromLatin1(key) : where + u'.' + QLatin1String(key);
}

QString qs(const std::string& text)
{
    return QString::fromStdString(text);
}

json parseJson(const QByteArray& body)
{
    json document = json::parse(body.constBegin(), body.constEnd(), nullptr, false);
    if (document.is_discarded())
        bad({}, Text::tr("not JSON"));
    if (!document.is_object())
        bad({}, Text::tr("expected a JSON object"));
    return document;
}

template <typename T, typename Body> Parsed<T> guarded(Body body)
{
    Parsed<T> parsed;
    try {
        parsed.value = body();
    } catch (const Bad& b) {
        parsed.error = b.message;
    } catch (const json::exception& e) {
        parsed.error = qs(e.what());
    }
    return parsed;
}

const json* find(const json& object, const char* key)
{
    const auto it = object.find(key);
    return (it == object.end() || it->is_null()) ? nullptr : &*it;
}

QString string(const json& object, const char* key, const QString& where)
{
    const json* value = find(object, key);
    if (!value)
        return {};
    if (!value->is_string())
        bad(join(where, key), Text::tr("expected a string"));
    return qs(value->get<std::string>());
}

/// proto3 JSON writes 64-bit integers as strings and 32-bit ones as numbers; accept both everywhere.
qint64 integer(const json& object, const char* key, const QString& where)
{
    const json* value = find(object, key);
    if (!value)
        return 0;
    if (value->is_number_integer())
        return value->get<qint64>();
    if (value->is_string()) {
        const std::string& text = value->get_ref<const std::string&>();
        qint64 n = 0;
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
        if (ec == std::errc() && end == text.data() + text.size())
            return n;
    }
    bad(join(where, key), Text::tr("expected an integer"));
}

const json& array(const json& object, const char* key, const QString& where)
{
    static const json empty = json::array();
    const json* value = find(object, key);
    if (!value)
        return empty;
    if (!value->is_array())
        bad(join(where, key), Text::tr("expected an array"));
    return *value;
}

QString valueText(const json& value)
{
    if (!value.is_object() || value.empty())
        return {};
    // Not `*value.items().begin()`: that refers into a temporary iteration proxy, gone before it is read.
    const json& inner = value.begin().value();
    if (inner.is_string())
        return qs(inner.get<std::string>());
    return qs(inner.dump());
}

SearchSpanSet spanSetFromJson(const json& set, const QString& where)
{
    if (!set.is_object())
        bad(where, Text::tr("expected an object"));
    SearchSpanSet out;
    out.matched = static_cast<int>(integer(set, "matched", where));
    const json& spans = array(set, "spans", where);
    for (std::size_t i = 0; i < spans.size(); ++i) {
        const json& s = spans[i];
        const QString at = where + QStringLiteral(".spans[%1]").arg(i);
        if (!s.is_object())
            bad(at, Text::tr("expected an object"));
        SearchSpan span;
        span.spanId = string(s, "spanID", at);
        span.name = string(s, "name", at);
        span.startNs = integer(s, "startTimeUnixNano", at);
        span.durationNs = integer(s, "durationNanos", at);
        const json& attributes = array(s, "attributes", at);
        for (const json& kv : attributes) {
            if (kv.is_object() && find(kv, "key"))
                span.attributes.append({ string(kv, "key", at), valueText(kv.value("value", json::object())) });
        }
        out.spans.push_back(std::move(span));
    }
    return out;
}

QString anyValueText(const opentelemetry::proto::common::v1::AnyValue& value)
{
    using V = opentelemetry::proto::common::v1::AnyValue;
    switch (value.value_case()) {
    case V::kStringValue:
        return qs(value.string_value());
    case V::kIntValue:
        return QString::number(value.int_value());
    case V::kDoubleValue:
        return QString::number(value.double_value());
    case V::kBoolValue:
        return value.bool_value() ? QStringLiteral("true") : QStringLiteral("false");
    case V::kBytesValue:
        return QString::fromLatin1(QByteArray::fromStdString(value.bytes_value()).toBase64());
    default:
        return {};
    }
}

SearchSpanSet spanSetFromProto(const tempopb::SpanSet& set)
{
    SearchSpanSet out;
    out.matched = static_cast<int>(set.matched());
    for (const tempopb::Span& s : set.spans()) {
        SearchSpan span;
        span.spanId = qs(s.spanid());
        span.name = qs(s.name());
        span.startNs = static_cast<qint64>(s.starttimeunixnano());
        span.durationNs = static_cast<qint64>(s.durationnanos());
        for (const auto& kv : s.attributes())
            span.attributes.append({ qs(kv.key()), anyValueText(kv.value()) });
        out.spans.push_back(std::move(span));
    }
    return out;
}

QStringList stringList(const json& list, const QString& where)
{
    QStringList out;
    out.reserve(static_cast<qsizetype>(list.size()));
    for (std::size_t i = 0; i < list.size(); ++i) {
        if (!list[i].is_string())
            bad(where + QStringLiteral("[%1]").arg(i), Text::tr("expected a string"));
        out << qs(list[i].get<std::string>());
    }
    return out;
}

bool isProtobuf(const QByteArray& contentType)
{
    const QByteArray type = contentType.split(';').value(0).trimmed().toLower();
    return type == "application/protobuf" || type == "application/x-protobuf"
        || type == "application/vnd.google.protobuf" || type == "application/octet-stream";
}

bool isJson(const QByteArray& contentType)
{
    const QByteArray type = contentType.split(';').value(0).trimmed().toLower();
    return type == "application/json" || type.endsWith("+json");
}

/// The fields of a v2 TraceByIDResponse, read off the wire so the inner trace stays the bytes Tempo sent.
struct TraceByIdWire
{
    QByteArray trace;
    int status = 0; // PartialStatus: 0 complete, 1 partial
    QString message;
};

std::optional<TraceByIdWire> readTraceByIdResponse(const QByteArray& body)
{
    using WFL = google::protobuf::internal::WireFormatLite;
    if (body.size() > std::numeric_limits<int>::max())
        return std::nullopt;
    google::protobuf::io::CodedInputStream in(
        reinterpret_cast<const std::uint8_t*>(body.constData()), static_cast<int>(body.size()));
    in.PushLimit(static_cast<int>(body.size()));
    TraceByIdWire out;
    while (true) {
        const std::uint32_t tag = in.ReadTag();
        if (tag == 0)
            return in.BytesUntilLimit() == 0 ? std::optional(out) : std::nullopt;
        const int field = WFL::GetTagFieldNumber(tag);
        const auto wireType = WFL::GetTagWireType(tag);
        if ((field == 1 || field == 4) && wireType == WFL::WIRETYPE_LENGTH_DELIMITED) {
            std::uint32_t length = 0;
            if (!in.ReadVarint32(&length) || length > static_cast<std::uint32_t>(in.BytesUntilLimit()))
                return std::nullopt;
            const int offset = in.CurrentPosition();
            if (field == 1) // a repeated occurrence merges; for `repeated batches` that is appending
                out.trace.append(body.constData() + offset, static_cast<qsizetype>(length));
            else
                out.message = QString::fromUtf8(body.constData() + offset, static_cast<qsizetype>(length));
            in.Skip(static_cast<int>(length));
        } else if (field == 3 && wireType == WFL::WIRETYPE_VARINT) {
            std::uint64_t value = 0;
            if (!in.ReadVarint64(&value))
                return std::nullopt;
            out.status = static_cast<int>(value);
        } else if (!WFL::SkipField(&in, tag)) {
            return std::nullopt;
        }
    }
}

} // namespace

Parsed<SearchResult> parseSearchResponse(const QByteArray& body)
{
    return guarded<SearchResult>([&] {
        const json document = parseJson(body);
        SearchResult result;
        const json& traces = array(document, "traces", {});
        for (std::size_t i = 0; i < traces.size(); ++i) {
            const json& t = traces[i];
            const QString where = QStringLiteral("traces[%1]").arg(i);
            if (!t.is_object())
                bad(where, Text::tr("expected an object"));
            TraceSummary summary;
            summary.traceId = string(t, "traceID", where);
            if (summary.traceId.isEmpty())
                bad(where, Text::tr("no traceID"));
            summary.rootServiceName = string(t, "rootServiceName", where);
            summary.rootTraceName = string(t, "rootTraceName", where);
            summary.startNs = integer(t, "startTimeUnixNano", where);
            summary.durationMs = integer(t, "durationMs", where);
            const json& sets = array(t, "spanSets", where);
            for (std::size_t s = 0; s < sets.size(); ++s)
                summary.spanSets.push_back(spanSetFromJson(sets[s], where + QStringLiteral(".spanSets[%1]").arg(s)));
            if (summary.spanSets.empty()) {
                if (const json* set = find(t, "spanSet"))
                    summary.spanSets.push_back(spanSetFromJson(*set, where + QStringLiteral(".spanSet")));
            }
            result.traces.push_back(std::move(summary));
        }
        if (const json* m = find(document, "metrics")) {
            if (!m->is_object())
                bad(QStringLiteral("metrics"), Text::tr("expected an object"));
            const QString where = QStringLiteral("metrics");
            result.metrics.inspectedTraces = integer(*m, "inspectedTraces", where);
            result.metrics.inspectedBytes = integer(*m, "inspectedBytes", where);
            result.metrics.totalBlocks = integer(*m, "totalBlocks", where);
            result.metrics.completedJobs = integer(*m, "completedJobs", where);
            result.metrics.totalJobs = integer(*m, "totalJobs", where);
            result.metrics.totalBlockBytes = integer(*m, "totalBlockBytes", where);
        }
        return result;
    });
}

SearchResult searchResultFromProto(const tempopb::SearchResponse& response)
{
    SearchResult result;
    for (const tempopb::TraceSearchMetadata& t : response.traces()) {
        TraceSummary summary;
        summary.traceId = qs(t.traceid());
        summary.rootServiceName = qs(t.rootservicename());
        summary.rootTraceName = qs(t.roottracename());
        summary.startNs = static_cast<qint64>(t.starttimeunixnano());
        summary.durationMs = t.durationms();
        for (const tempopb::SpanSet& set : t.spansets())
            summary.spanSets.push_back(spanSetFromProto(set));
        if (summary.spanSets.empty() && t.has_spanset())
            summary.spanSets.push_back(spanSetFromProto(t.spanset()));
        result.traces.push_back(std::move(summary));
    }
    const tempopb::SearchMetrics& m = response.metrics();
    result.metrics.inspectedTraces = m.inspectedtraces();
    result.metrics.inspectedBytes = static_cast<qint64>(m.inspectedbytes());
    result.metrics.totalBlocks = m.totalblocks();
    result.metrics.completedJobs = m.completedjobs();
    result.metrics.totalJobs = m.totaljobs();
    result.metrics.totalBlockBytes = static_cast<qint64>(m.totalblockbytes());
    return result;
}

Parsed<QStringList> parseTagNames(const QByteArray& body)
{
    return guarded<QStringList>([&] {
        const json document = parseJson(body);
        if (!find(document, "tagNames"))
            bad({}, Text::tr("no tagNames"));
        return stringList(array(document, "tagNames", {}), QStringLiteral("tagNames"));
    });
}

Parsed<std::vector<TagScope>> parseTagScopes(const QByteArray& body)
{
    return guarded<std::vector<TagScope>>([&] {
        const json document = parseJson(body);
        if (!find(document, "scopes"))
            bad({}, Text::tr("no scopes"));
        const json& scopes = array(document, "scopes", {});
        std::vector<TagScope> out;
        for (std::size_t i = 0; i < scopes.size(); ++i) {
            const QString where = QStringLiteral("scopes[%1]").arg(i);
            if (!scopes[i].is_object())
                bad(where, Text::tr("expected an object"));
            out.push_back({ string(scopes[i], "name", where),
                stringList(array(scopes[i], "tags", where), where + QStringLiteral(".tags")) });
        }
        return out;
    });
}

Parsed<std::vector<TagValue>> parseTagValuesV1(const QByteArray& body)
{
    return guarded<std::vector<TagValue>>([&] {
        const json document = parseJson(body);
        if (!find(document, "tagValues"))
            bad({}, Text::tr("no tagValues"));
        std::vector<TagValue> out;
        for (const QString& value : stringList(array(document, "tagValues", {}), QStringLiteral("tagValues")))
            out.push_back({ QStringLiteral("string"), value });
        return out;
    });
}

Parsed<std::vector<TagValue>> parseTagValuesV2(const QByteArray& body)
{
    return guarded<std::vector<TagValue>>([&] {
        const json document = parseJson(body);
        if (!find(document, "tagValues"))
            bad({}, Text::tr("no tagValues"));
        const json& values = array(document, "tagValues", {});
        std::vector<TagValue> out;
        for (std::size_t i = 0; i < values.size(); ++i) {
            const QString where = QStringLiteral("tagValues[%1]").arg(i);
            if (!values[i].is_object())
                bad(where, Text::tr("expected an object"));
            out.push_back({ string(values[i], "type", where), string(values[i], "value", where) });
        }
        return out;
    });
}

Parsed<BuildInfo> parseBuildInfo(const QByteArray& body)
{
    return guarded<BuildInfo>([&] {
        const json document = parseJson(body);
        const json* info = &document;
        if (const json* data = find(document, "data"); data && data->is_object())
            info = data;
        BuildInfo out;
        out.version = string(*info, "version", {});
        if (out.version.isEmpty())
            bad({}, Text::tr("no version"));
        out.revision = string(*info, "revision", {});
        out.branch = string(*info, "branch", {});
        out.goVersion = string(*info, "goVersion", {});
        return out;
    });
}

Parsed<BuildInfo> parseVersionText(const QByteArray& body)
{
    return guarded<BuildInfo>([&] {
        const QString text = QString::fromUtf8(body);
        // Branch and revision are optional: custom builds print less ("tempo, version v2.2.4"). "version" must
        // not be the end of a path: recorded status pages start with their request line, "GET /status/version".
        static const QRegularExpression head(QStringLiteral(
            R"((?:^|[ ,])version[ \t]+([^\s(,]+)[ \t]*(?:\(branch:\s*([^,)]*)(?:,\s*revision:\s*([^)]*))?\))?)"));
        static const QRegularExpression go(QStringLiteral(R"(go version:\s*(\S+))"));
        const auto match = head.match(text);
        if (!match.hasMatch())
            bad({}, Text::tr("no \"version …\" line"));
        BuildInfo out;
        out.version = match.captured(1);
        out.branch = match.captured(2).trimmed();
        out.revision = match.captured(3).trimmed();
        out.goVersion = go.match(text).captured(1);
        return out;
    });
}

Parsed<TraceResult> parseTraceResponse(const QByteArray& body, const QByteArray& contentType, TraceEndpoint endpoint)
{
    Parsed<TraceResult> parsed;
    const bool json = isJson(contentType) || (!isProtobuf(contentType) && sniffTraceFormat(body) == TraceFormat::Json);
    TraceResult result;
    result.answeredJson = json;
    TraceParseResult trace;
    if (json) {
        trace = parseTraceJson(body);
    } else if (endpoint == TraceEndpoint::V2) {
        const auto wire = readTraceByIdResponse(body);
        if (!wire) {
            parsed.error = Text::tr("%1 bytes that are not a tempopb.TraceByIDResponse").arg(body.size());
            return parsed;
        }
        trace = parseTraceProtobuf(wire->trace);
        result.protobuf = wire->trace;
        if (wire->status == 1) {
            trace.warnings << Text::tr("Tempo returned a partial trace: %1")
                                  .arg(wire->message.isEmpty() ? Text::tr("no reason given") : wire->message);
        }
    } else {
        trace = parseTraceProtobuf(body);
        result.protobuf = body;
    }
    parsed.warnings = trace.warnings;
    if (!trace.ok()) {
        parsed.error = trace.error->text();
        return parsed;
    }
    if (json)
        result.protobuf = traceToProtobuf(*trace.trace);
    result.trace = std::make_shared<const Trace>(std::move(*trace.trace));
    parsed.value = std::move(result);
    return parsed;
}

bool isTraceNotFound(int status, const QByteArray& body)
{
    return status == 404 && body.trimmed().compare("trace not found", Qt::CaseInsensitive) == 0;
}

bool isTraceTooLarge(const QByteArray& body)
{
    const QByteArray text = body.toLower();
    for (const char* phrase : { "trace exceeds max size", "max bytes per trace", "trace too large", "trace_too_large",
             "max size of trace" }) {
        if (text.contains(phrase))
            return true;
    }
    return false;
}

QString normalizedTraceId(const QString& id)
{
    const auto parsed = TraceId::fromHex(QStringView(id).trimmed());
    return parsed ? parsed->toHex() : QString();
}

} // namespace firebreak::tempo
