#include "prometheusparser.h"

#include <QCoreApplication>

#include <nlohmann/json.hpp>

#include <charconv>
#include <cmath>
#include <limits>
#include <string>

namespace firebreak::prometheus {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(PrometheusParser)
};

using nlohmann::json;

// Thrown inside this file only, turned into ParseError at the public functions.
struct Malformed
{
    QString message;
};

[[noreturn]] void fail(const std::string& where, const QString& what)
{
    throw Malformed { QString::fromStdString(where) + QStringLiteral(": ") + what };
}

QString typeName(const json& value)
{
    switch (value.type()) {
    case json::value_t::null:
        return Text::tr("null");
    case json::value_t::object:
        return Text::tr("an object");
    case json::value_t::array:
        return Text::tr("an array");
    case json::value_t::string:
        return Text::tr("a string");
    case json::value_t::boolean:
        return Text::tr("a boolean");
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float:
        return Text::tr("a number");
    default:
        return Text::tr("something else");
    }
}

const json& member(const json& object, const char* key, const std::string& where)
{
    const auto it = object.find(key);
    if (it == object.end())
        fail(where, Text::tr("missing \"%1\"").arg(QLatin1String(key)));
    return *it;
}

const json& expect(const json& value, json::value_t type, const std::string& where)
{
    const bool match = type == json::value_t::number_float ? value.is_number() : value.type() == type;
    if (!match) {
        const json example(type);
        const QString wanted = type == json::value_t::number_float ? Text::tr("a number") : typeName(example);
        fail(where, Text::tr("expected %1, got %2").arg(wanted, typeName(value)));
    }
    return value;
}

QString string(const json& value, const std::string& where)
{
    return QString::fromStdString(expect(value, json::value_t::string, where).get_ref<const std::string&>());
}

qint64 timestampMs(const json& value, const std::string& where)
{
    expect(value, json::value_t::number_float, where);
    const double seconds = value.get<double>();
    // Beyond ±10^15 s the milliseconds no longer fit comfortably in 64 bits (and no real answer goes there).
    if (!std::isfinite(seconds) || std::abs(seconds) > 1e15)
        fail(where, Text::tr("timestamp %1 is out of range").arg(QString::fromStdString(value.dump())));
    return std::llround(seconds * 1000.0);
}

LabelSet labels(const json& value, const std::string& where)
{
    expect(value, json::value_t::object, where);
    LabelSet result;
    for (const auto& [name, labelValue] : value.items())
        result.insert(QString::fromStdString(name), string(labelValue, where + '.' + name));
    return result;
}

// [<unix seconds>, "<value>"]
void appendSample(Series& series, const json& pair, const std::string& where)
{
    expect(pair, json::value_t::array, where);
    if (pair.size() != 2)
        fail(where, Text::tr("expected [time, \"value\"], got %n element(s)", nullptr, static_cast<int>(pair.size())));
    const qint64 ms = timestampMs(pair[0], where + "[0]");
    const QString text = string(pair[1], where + "[1]");
    const auto value = parseSampleValue(text);
    if (!value)
        fail(where + "[1]", Text::tr("\"%1\" is not a sample value").arg(text.left(40)));
    series.timesMs.push_back(ms);
    series.values.push_back(*value);
}

QueryResult queryResult(const json& data)
{
    expect(data, json::value_t::object, "data");
    const QString type = string(member(data, "resultType", "data"), "data.resultType");
    const json& result = member(data, "result", "data");
    QueryResult out;
    if (type == QLatin1String("matrix") || type == QLatin1String("vector")) {
        const bool matrix = type == QLatin1String("matrix");
        out.type = matrix ? ResultType::Matrix : ResultType::Vector;
        expect(result, json::value_t::array, "data.result");
        out.series.reserve(result.size());
        for (std::size_t i = 0; i < result.size(); ++i) {
            const std::string where = "data.result[" + std::to_string(i) + ']';
            const json& item = expect(result[i], json::value_t::object, where);
            Series series;
            series.labels = labels(member(item, "metric", where), where + ".metric");
            if (matrix) {
                // Native histograms come as "histograms" instead of "values"; they are not read yet.
                const auto values = item.find("values");
                if (values == item.end() && !item.contains("histograms"))
                    fail(where, Text::tr("missing \"values\""));
                if (values != item.end()) {
                    expect(*values, json::value_t::array, where + ".values");
                    series.timesMs.reserve(values->size());
                    series.values.reserve(values->size());
                    for (std::size_t j = 0; j < values->size(); ++j)
                        appendSample(series, (*values)[j], where + ".values[" + std::to_string(j) + ']');
                }
            } else {
                const auto value = item.find("value");
                if (value == item.end() && !item.contains("histogram"))
                    fail(where, Text::tr("missing \"value\""));
                if (value != item.end())
                    appendSample(series, *value, where + ".value");
            }
            out.series.push_back(std::move(series));
        }
    } else if (type == QLatin1String("scalar")) {
        out.type = ResultType::Scalar;
        Series series;
        appendSample(series, result, "data.result");
        out.series.push_back(std::move(series));
    } else if (type == QLatin1String("string")) {
        out.type = ResultType::String;
        expect(result, json::value_t::array, "data.result");
        if (result.size() != 2)
            fail("data.result", Text::tr("expected [time, \"text\"]"));
        out.textTimeMs = timestampMs(result[0], "data.result[0]");
        out.text = string(result[1], "data.result[1]");
    } else {
        fail("data.resultType", Text::tr("unknown result type \"%1\"").arg(type.left(40)));
    }
    return out;
}

QStringList stringList(const json& data)
{
    expect(data, json::value_t::array, "data");
    QStringList out;
    out.reserve(static_cast<qsizetype>(data.size()));
    for (std::size_t i = 0; i < data.size(); ++i)
        out << string(data[i], "data[" + std::to_string(i) + ']');
    return out;
}

std::vector<LabelSet> labelSets(const json& data)
{
    expect(data, json::value_t::array, "data");
    std::vector<LabelSet> out;
    out.reserve(data.size());
    for (std::size_t i = 0; i < data.size(); ++i)
        out.push_back(labels(data[i], "data[" + std::to_string(i) + ']'));
    return out;
}

BuildInfo buildInfo(const json& data)
{
    expect(data, json::value_t::object, "data");
    BuildInfo info;
    info.version = string(member(data, "version", "data"), "data.version");
    const auto optional = [&data](const char* key) {
        const auto it = data.find(key);
        return it != data.end() && it->is_string() ? QString::fromStdString(it->get<std::string>()) : QString();
    };
    info.revision = optional("revision");
    info.branch = optional("branch");
    info.goVersion = optional("goVersion");
    return info;
}

ParseError malformed(const QString& message)
{
    return ParseError { ParseError::Kind::Malformed, {}, message };
}

std::optional<json> parseJson(const QByteArray& body, ParseError* error)
{
    if (body.trimmed().isEmpty()) {
        *error = malformed(Text::tr("empty answer, expected JSON"));
        return std::nullopt;
    }
    try {
        return json::parse(body.constBegin(), body.constEnd());
    } catch (const json::parse_error& e) {
        if (e.byte > static_cast<std::size_t>(body.size()))
            *error = malformed(Text::tr("not valid JSON: the answer ends early, after byte %1").arg(body.size()));
        else
            *error = malformed(Text::tr("not valid JSON (at byte %1 of %2)").arg(e.byte).arg(body.size()));
    } catch (const json::exception& e) {
        // e.g. a number too large for a double; drop nlohmann's "[json.exception.out_of_range.406] "
        QString what = QString::fromUtf8(e.what());
        what = what.mid(what.indexOf(QLatin1String("] ")) + 2);
        *error = malformed(Text::tr("not valid JSON: %1").arg(what));
    }
    return std::nullopt;
}

std::optional<ParseError> envelopeError(const json& doc)
{
    if (!doc.is_object())
        return malformed(Text::tr("expected a JSON object, got %1").arg(typeName(doc)));
    const auto status = doc.find("status");
    if (status == doc.end() || !status->is_string())
        return malformed(Text::tr("no \"status\" in the answer"));
    if (*status == "success")
        return std::nullopt;
    if (*status == "error") {
        const auto text = [&doc](const char* key) {
            const auto it = doc.find(key);
            return it != doc.end() && it->is_string() ? QString::fromStdString(it->get<std::string>()) : QString();
        };
        ParseError error { ParseError::Kind::Api, text("errorType"), {} };
        const QString detail = text("error");
        error.message = error.errorType.isEmpty() ? detail
            : detail.isEmpty()                    ? error.errorType
                                                  : error.errorType + QStringLiteral(": ") + detail;
        if (error.message.isEmpty())
            error.message = Text::tr("error without a description");
        return error;
    }
    return malformed(
        Text::tr("status: expected \"success\" or \"error\", got %1").arg(QString::fromStdString(status->dump())));
}

template <typename T, typename Reader> Parsed<T> parseAnswer(const QByteArray& body, Reader read)
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
    try {
        if (const auto warnings = doc->find("warnings"); warnings != doc->end()) {
            expect(*warnings, json::value_t::array, "warnings");
            for (std::size_t i = 0; i < warnings->size(); ++i)
                out.warnings << string((*warnings)[i], "warnings[" + std::to_string(i) + ']');
        }
        out.value = read(member(*doc, "data", "answer"));
    } catch (const Malformed& e) {
        out.value.reset();
        out.error = malformed(e.message);
    } catch (const std::exception& e) {
        out.value.reset();
        out.error = malformed(QString::fromUtf8(e.what()));
    }
    return out;
}

} // namespace

std::optional<double> parseSampleValue(const QString& text)
{
    if (text == QLatin1String("NaN"))
        return std::numeric_limits<double>::quiet_NaN();
    if (text == QLatin1String("+Inf") || text == QLatin1String("Inf"))
        return std::numeric_limits<double>::infinity();
    if (text == QLatin1String("-Inf"))
        return -std::numeric_limits<double>::infinity();
    const std::string s = text.toStdString();
    if (s.empty() || s.size() > 64)
        return std::nullopt;
    double value = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    // from_chars also reads "nan" and "inf": only the spellings above are Prometheus'.
    if (ec != std::errc() || end != s.data() + s.size() || !std::isfinite(value))
        return std::nullopt;
    return value;
}

QString resultTypeName(ResultType type)
{
    switch (type) {
    case ResultType::Matrix:
        return QStringLiteral("matrix");
    case ResultType::Vector:
        return QStringLiteral("vector");
    case ResultType::Scalar:
        return QStringLiteral("scalar");
    case ResultType::String:
        return QStringLiteral("string");
    }
    return {};
}

Parsed<QueryResult> parseQueryResponse(const QByteArray& body)
{
    return parseAnswer<QueryResult>(body, queryResult);
}

Parsed<QStringList> parseStringListResponse(const QByteArray& body)
{
    return parseAnswer<QStringList>(body, stringList);
}

Parsed<std::vector<LabelSet>> parseSeriesResponse(const QByteArray& body)
{
    return parseAnswer<std::vector<LabelSet>>(body, labelSets);
}

Parsed<BuildInfo> parseBuildInfoResponse(const QByteArray& body)
{
    return parseAnswer<BuildInfo>(body, buildInfo);
}

std::optional<ParseError> parseErrorResponse(const QByteArray& body)
{
    const auto doc = json::parse(body.constBegin(), body.constEnd(), nullptr, false);
    if (doc.is_discarded() || !doc.is_object() || doc.value("status", json()) != "error")
        return std::nullopt;
    return envelopeError(doc);
}

} // namespace firebreak::prometheus
