#include "lokiparser.h"

#include "backends/jsonreading.h"

#include <QCoreApplication>
#include <QtNumeric>

#include <nlohmann/json.hpp>

#include <charconv>
#include <cmath>
#include <limits>
#include <string>

namespace firebreak::loki {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(LokiParser)
};

using nlohmann::json;

using Malformed = backends::JsonMalformed;

using backends::failJson;
using backends::jsonTypeName;

std::string at(const std::string& where, std::size_t index)
{
    return where + '[' + std::to_string(index) + ']';
}

const json& member(const json& object, const char* key, const std::string& where)
{
    const auto it = object.find(key);
    if (it == object.end())
        failJson(where, Text::tr("missing \"%1\"").arg(QLatin1String(key)));
    return *it;
}

const json& expectObject(const json& value, const std::string& where)
{
    if (!value.is_object())
        failJson(where, Text::tr("expected an object, got %1").arg(jsonTypeName(value)));
    return value;
}

const json& expectArray(const json& value, const std::string& where)
{
    if (!value.is_array())
        failJson(where, Text::tr("expected an array, got %1").arg(jsonTypeName(value)));
    return value;
}

const std::string& expectString(const json& value, const std::string& where)
{
    if (!value.is_string())
        failJson(where, Text::tr("expected a string, got %1").arg(jsonTypeName(value)));
    return value.get_ref<const std::string&>();
}

QString string(const json& value, const std::string& where)
{
    return QString::fromStdString(expectString(value, where));
}

qint64 integer(const json& value, const std::string& where)
{
    if (value.is_number_integer())
        return value.get<qint64>();
    if (value.is_number_unsigned() && value.get<quint64>() <= quint64(std::numeric_limits<qint64>::max()))
        return static_cast<qint64>(value.get<quint64>());
    if (value.is_number_float() && std::isfinite(value.get<double>()) && std::abs(value.get<double>()) < 9e18)
        return static_cast<qint64>(value.get<double>());
    failJson(where, Text::tr("expected a whole number, got %1").arg(jsonTypeName(value)));
}

LogLabels labels(const json& value, const std::string& where)
{
    expectObject(value, where);
    LogLabels result;
    for (const auto& [name, labelValue] : value.items())
        result.insert(QString::fromStdString(name), string(labelValue, where + '.' + name));
    return result;
}

qint64 timestampMs(const json& value, const std::string& where)
{
    if (!value.is_number())
        failJson(where, Text::tr("expected a number, got %1").arg(jsonTypeName(value)));
    const double seconds = value.get<double>();
    if (!std::isfinite(seconds) || std::abs(seconds) > 1e15)
        failJson(where, Text::tr("timestamp %1 is out of range").arg(QString::fromStdString(value.dump())));
    return std::llround(seconds * 1000.0);
}

std::optional<double> sampleValue(const std::string& text)
{
    if (text == "NaN")
        return std::numeric_limits<double>::quiet_NaN();
    if (text == "+Inf" || text == "Inf")
        return std::numeric_limits<double>::infinity();
    if (text == "-Inf")
        return -std::numeric_limits<double>::infinity();
    if (text.empty() || text.size() > 64)
        return std::nullopt;
    double value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value))
        return std::nullopt;
    return value;
}

// [<unix seconds>, "<value>"]
void appendSample(Series& series, const json& pair, const std::string& where)
{
    expectArray(pair, where);
    if (pair.size() != 2)
        failJson(
            where, Text::tr("expected [time, \"value\"], got %n element(s)", nullptr, static_cast<int>(pair.size())));
    const qint64 ms = timestampMs(pair[0], where + "[0]");
    const std::string& text = expectString(pair[1], where + "[1]");
    const auto value = sampleValue(text);
    if (!value)
        failJson(
            where + "[1]", Text::tr("\"%1\" is not a sample value").arg(QString::fromStdString(text.substr(0, 40))));
    series.timesMs.push_back(ms);
    series.values.push_back(*value);
}

void readStreams(const json& result, LogBatch& batch)
{
    expectArray(result, "data.result");
    std::size_t lines = 0;
    for (const json& stream : result) {
        if (const auto values = stream.find("values"); values != stream.end() && values->is_array())
            lines += values->size();
    }
    batch.reserve(static_cast<qsizetype>(lines), 0);
    for (std::size_t i = 0; i < result.size(); ++i) {
        const std::string where = at("data.result", i);
        const json& item = expectObject(result[i], where);
        const qint32 stream = batch.addStream(labels(member(item, "stream", where), where + ".stream"));
        const json& values = expectArray(member(item, "values", where), where + ".values");
        for (std::size_t j = 0; j < values.size(); ++j) {
            const json& value = values[j];
            if (!value.is_array() || value.size() < 2 || value.size() > 3) {
                failJson(at(where + ".values", j),
                    Text::tr("expected [\"<ns>\", \"<line>\"] or [\"<ns>\", \"<line>\", {…}], got %1")
                        .arg(QString::fromStdString(value.dump()).left(60)));
            }
            const std::string& ts = expectString(value[0], at(where + ".values", j) + "[0]");
            const auto ns = parseNanoseconds(QByteArrayView(ts.data(), static_cast<qsizetype>(ts.size())));
            if (!ns) {
                failJson(at(where + ".values", j) + "[0]",
                    Text::tr("\"%1\" is not a nanosecond timestamp").arg(QString::fromStdString(ts.substr(0, 40))));
            }
            const std::string& line = expectString(value[1], at(where + ".values", j) + "[1]");
            LogLineExtra extra;
            if (value.size() == 3) {
                // Loki 3 with "categorize-labels": {"structuredMetadata": {…}, "parsed": {…}}, each only when
                // not empty. Without the flag Loki merges both into the stream labels instead.
                const std::string inner = at(where + ".values", j) + "[2]";
                const json& categories = expectObject(value[2], inner);
                if (const auto it = categories.find("structuredMetadata"); it != categories.end())
                    extra.structuredMetadata = labels(*it, inner + ".structuredMetadata");
                if (const auto it = categories.find("parsed"); it != categories.end())
                    extra.parsed = labels(*it, inner + ".parsed");
            }
            batch.append(*ns, stream, QByteArrayView(line.data(), static_cast<qsizetype>(line.size())), extra);
        }
    }
}

// A double as a count: casting one beyond 64 bits is undefined, and a count that large is nonsense anyway.
qint64 wholeNumber(double value)
{
    constexpr double limit = 9.2e18; // just below 2^63
    return value > -limit && value < limit ? static_cast<qint64>(value) : 0;
}

// Totals of several pages: a server's nonsense numbers must not overflow (undefined for signed integers).
qint64 saturatingSum(qint64 a, qint64 b)
{
    qint64 sum = 0;
    if (qAddOverflow(a, b, &sum))
        return b > 0 ? std::numeric_limits<qint64>::max() : std::numeric_limits<qint64>::min();
    return sum;
}

QueryStats readStats(const json& data)
{
    QueryStats stats;
    const auto it = data.find("stats");
    if (it == data.end() || !it->is_object())
        return stats;
    const auto summary = it->find("summary");
    if (summary == it->end() || !summary->is_object())
        return stats;
    const auto number = [&summary](const char* key) -> double {
        const auto value = summary->find(key);
        return value != summary->end() && value->is_number() ? value->get<double>() : 0.0;
    };
    const auto whole = [&number](const char* key) { return wholeNumber(number(key)); };
    stats.bytesProcessedPerSecond = whole("bytesProcessedPerSecond");
    stats.linesProcessedPerSecond = whole("linesProcessedPerSecond");
    stats.totalBytesProcessed = whole("totalBytesProcessed");
    stats.totalLinesProcessed = whole("totalLinesProcessed");
    stats.totalEntriesReturned = whole("totalEntriesReturned");
    stats.totalPostFilterLines = whole("totalPostFilterLines");
    stats.execTimeS = number("execTime");
    stats.queueTimeS = number("queueTime");
    stats.splits = whole("splits");
    stats.shards = whole("shards");
    return stats;
}

QueryResult queryResult(const json& data)
{
    expectObject(data, "data");
    const QString type = string(member(data, "resultType", "data"), "data.resultType");
    const json& result = member(data, "result", "data");
    QueryResult out;
    if (const auto flags = data.find("encodingFlags"); flags != data.end()) {
        expectArray(*flags, "data.encodingFlags");
        for (std::size_t i = 0; i < flags->size(); ++i)
            out.encodingFlags << string((*flags)[i], at("data.encodingFlags", i));
    }
    if (type == QLatin1String("streams")) {
        out.type = ResultType::Streams;
        readStreams(result, out.logs);
    } else if (type == QLatin1String("matrix") || type == QLatin1String("vector")) {
        const bool matrix = type == QLatin1String("matrix");
        out.type = matrix ? ResultType::Matrix : ResultType::Vector;
        expectArray(result, "data.result");
        out.series.reserve(result.size());
        for (std::size_t i = 0; i < result.size(); ++i) {
            const std::string where = at("data.result", i);
            const json& item = expectObject(result[i], where);
            Series series;
            series.labels = labels(member(item, "metric", where), where + ".metric");
            if (matrix) {
                const json& values = expectArray(member(item, "values", where), where + ".values");
                series.timesMs.reserve(values.size());
                series.values.reserve(values.size());
                for (std::size_t j = 0; j < values.size(); ++j)
                    appendSample(series, values[j], at(where + ".values", j));
            } else {
                appendSample(series, member(item, "value", where), where + ".value");
            }
            out.series.push_back(std::move(series));
        }
    } else if (type == QLatin1String("scalar")) {
        out.type = ResultType::Scalar;
        Series series;
        appendSample(series, result, "data.result");
        out.series.push_back(std::move(series));
    } else {
        failJson("data.resultType", Text::tr("unknown result type \"%1\"").arg(type.left(40)));
    }
    out.stats = readStats(data);
    return out;
}

ParseError malformed(const QString& message)
{
    return ParseError { ParseError::Kind::Malformed, message };
}

std::optional<json> parseJson(const QByteArray& body, ParseError* error)
{
    QString problem;
    std::optional<json> document = backends::parseJsonDocument(body, &problem);
    if (!document)
        *error = malformed(problem);
    return document;
}

std::optional<ParseError> envelopeError(const json& doc)
{
    if (!doc.is_object())
        return malformed(Text::tr("expected a JSON object, got %1").arg(jsonTypeName(doc)));
    const auto status = doc.find("status");
    if (status == doc.end() || !status->is_string())
        return malformed(Text::tr("no \"status\" in the answer"));
    if (*status == "success")
        return std::nullopt;
    // Loki answers errors as text/plain with an HTTP status; a JSON error envelope comes from proxies
    // and Prometheus-compatible layers in front of it.
    const auto text = [&doc](const char* key) {
        const auto it = doc.find(key);
        return it != doc.end() && it->is_string() ? QString::fromStdString(it->get<std::string>()) : QString();
    };
    QString message = text("error");
    if (message.isEmpty())
        message = text("message");
    if (message.isEmpty())
        message = Text::tr("status %1 without a description").arg(QString::fromStdString(status->dump()));
    return ParseError { ParseError::Kind::Api, message };
}

template <typename T, typename Reader> Parsed<T> guarded(const json& doc, Reader read)
{
    Parsed<T> out;
    try {
        out.value = read(doc);
    } catch (const Malformed& e) {
        out.value.reset();
        out.error = malformed(e.message);
    } catch (const std::exception& e) {
        out.value.reset();
        out.error = malformed(QString::fromUtf8(e.what()));
    }
    return out;
}

/// {"status":"success", "warnings": […], "data": …}; `data` may be absent when `optionalData`.
template <typename T, typename Reader>
Parsed<T> parseEnvelope(const QByteArray& body, Reader read, bool optionalData = false)
{
    Parsed<T> out;
    ParseError error;
    const auto doc = parseJson(body, &error);
    if (!doc) {
        out.error = error;
        return out;
    }
    if (auto envelope = envelopeError(*doc)) {
        out.error = std::move(envelope);
        return out;
    }
    out = guarded<T>(*doc, [&read, optionalData](const json& d) {
        const auto data = d.find("data");
        if (data == d.end() && optionalData)
            return read(json());
        return read(member(d, "data", "answer"));
    });
    if (out.error)
        return out;
    if (const auto warnings = doc->find("warnings"); warnings != doc->end() && warnings->is_array()) {
        for (const json& warning : *warnings) {
            if (warning.is_string())
                out.warnings << QString::fromStdString(warning.get<std::string>());
        }
    }
    return out;
}

} // namespace

void QueryStats::add(const QueryStats& other)
{
    totalBytesProcessed = saturatingSum(totalBytesProcessed, other.totalBytesProcessed);
    totalLinesProcessed = saturatingSum(totalLinesProcessed, other.totalLinesProcessed);
    totalEntriesReturned = saturatingSum(totalEntriesReturned, other.totalEntriesReturned);
    totalPostFilterLines = saturatingSum(totalPostFilterLines, other.totalPostFilterLines);
    execTimeS += other.execTimeS;
    queueTimeS += other.queueTimeS;
    splits = saturatingSum(splits, other.splits);
    shards = saturatingSum(shards, other.shards);
    bytesProcessedPerSecond = execTimeS > 0 ? wholeNumber(double(totalBytesProcessed) / execTimeS) : 0;
    linesProcessedPerSecond = execTimeS > 0 ? wholeNumber(double(totalLinesProcessed) / execTimeS) : 0;
}

std::optional<qint64> parseNanoseconds(QByteArrayView text)
{
    if (text.isEmpty() || text.size() > 20)
        return std::nullopt;
    const char* begin = text.data();
    const char* end = begin + text.size();
    // from_chars takes a leading '-' but no '+' and no spaces, as wanted; digits only after the sign.
    qint64 value = 0;
    const auto [stop, ec] = std::from_chars(begin, end, value);
    if (ec != std::errc() || stop != end)
        return std::nullopt;
    return value;
}

QString resultTypeName(ResultType type)
{
    switch (type) {
    case ResultType::Streams:
        return QStringLiteral("streams");
    case ResultType::Matrix:
        return QStringLiteral("matrix");
    case ResultType::Vector:
        return QStringLiteral("vector");
    case ResultType::Scalar:
        return QStringLiteral("scalar");
    }
    return {};
}

Parsed<QueryResult> parseQueryResponse(const QByteArray& body)
{
    return parseEnvelope<QueryResult>(body, queryResult);
}

Parsed<QStringList> parseStringListResponse(const QByteArray& body)
{
    return parseEnvelope<QStringList>(
        body,
        [](const json& data) {
            QStringList out;
            if (data.is_null())
                return out; // Loki leaves "data" out when there is nothing
            expectArray(data, "data");
            out.reserve(static_cast<qsizetype>(data.size()));
            for (std::size_t i = 0; i < data.size(); ++i)
                out << string(data[i], at("data", i));
            return out;
        },
        true);
}

Parsed<std::vector<LogLabels>> parseSeriesResponse(const QByteArray& body)
{
    return parseEnvelope<std::vector<LogLabels>>(
        body,
        [](const json& data) {
            std::vector<LogLabels> out;
            if (data.is_null())
                return out;
            expectArray(data, "data");
            out.reserve(data.size());
            for (std::size_t i = 0; i < data.size(); ++i)
                out.push_back(labels(data[i], at("data", i)));
            return out;
        },
        true);
}

Parsed<Volume> parseVolumeResponse(const QByteArray& body)
{
    return parseEnvelope<Volume>(body, [](const json& data) {
        const QueryResult result = queryResult(data);
        if (result.type != ResultType::Vector && result.type != ResultType::Matrix)
            failJson(
                "data.resultType", Text::tr("expected a vector of volumes, got %1").arg(resultTypeName(result.type)));
        Volume volume;
        for (const Series& s : result.series) {
            if (s.values.empty())
                continue;
            // The bytes of the last point: a vector has one, a range volume the running total per step.
            const double bytes = s.values.back();
            volume.entries.push_back({ s.labels, wholeNumber(bytes) });
        }
        return volume;
    });
}

Parsed<IndexStats> parseIndexStatsResponse(const QByteArray& body)
{
    Parsed<IndexStats> out;
    ParseError error;
    const auto doc = parseJson(body, &error);
    if (!doc) {
        out.error = error;
        return out;
    }
    return guarded<IndexStats>(*doc, [](const json& d) {
        expectObject(d, "answer");
        IndexStats stats;
        stats.streams = integer(member(d, "streams", "answer"), "streams");
        stats.chunks = integer(member(d, "chunks", "answer"), "chunks");
        stats.bytes = integer(member(d, "bytes", "answer"), "bytes");
        stats.entries = integer(member(d, "entries", "answer"), "entries");
        return stats;
    });
}

Parsed<BuildInfo> parseBuildInfoResponse(const QByteArray& body)
{
    Parsed<BuildInfo> out;
    ParseError error;
    const auto doc = parseJson(body, &error);
    if (!doc) {
        out.error = error;
        return out;
    }
    return guarded<BuildInfo>(*doc, [](const json& d) {
        expectObject(d, "answer");
        // Behind a Prometheus-style layer the same object may come wrapped in {"status", "data"}.
        const json& info = d.contains("data") && d["data"].is_object() ? d["data"] : d;
        BuildInfo result;
        result.version = string(member(info, "version", "answer"), "version");
        const auto optional = [&info](const char* key) {
            const auto it = info.find(key);
            return it != info.end() && it->is_string() ? QString::fromStdString(it->get<std::string>()) : QString();
        };
        result.revision = optional("revision");
        result.branch = optional("branch");
        result.goVersion = optional("goVersion");
        return result;
    });
}

} // namespace firebreak::loki
