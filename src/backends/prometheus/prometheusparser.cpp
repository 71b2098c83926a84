#include "prometheusparser.h"

#include "backends/jsonreading.h"

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

using Malformed = backends::JsonMalformed;

using backends::failJson;
using backends::jsonTypeName;

const json& member(const json& object, const char* key, const std::string& where)
{
    const auto it = object.find(key);
    if (it == object.end())
        failJson(where, Text::tr("missing \"%1\"").arg(QLatin1String(key)));
    return *it;
}

const json& expect(const json& value, json::value_t type, const std::string& where)
{
    const bool match = type == json::value_t::number_float ? value.is_number() : value.type() == type;
    if (!match) {
        const json example(type);
        const QString wanted = type == json::value_t::number_float ? Text::tr("a number") : jsonTypeName(example);
        failJson(where, Text::tr("expected %1, got %2").arg(wanted, jsonTypeName(value)));
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
        failJson(where, Text::tr("timestamp %1 is out of range").arg(QString::fromStdString(value.dump())));
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
        failJson(
            where, Text::tr("expected [time, \"value\"], got %n element(s)", nullptr, static_cast<int>(pair.size())));
    const qint64 ms = timestampMs(pair[0], where + "[0]");
    const QString text = string(pair[1], where + "[1]");
    const auto value = parseSampleValue(text);
    if (!value)
        failJson(where + "[1]", Text::tr("\"%1\" is not a sample value").arg(text.left(40)));
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
                    failJson(where, Text::tr("missing \"values\""));
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
                    failJson(where, Text::tr("missing \"value\""));
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
            failJson("data.result", Text::tr("expected [time, \"text\"]"));
        out.textTimeMs = timestampMs(result[0], "data.result[0]");
        out.text = string(result[1], "data.result[1]");
    } else {
        failJson("data.resultType", Text::tr("unknown result type \"%1\"").arg(type.left(40)));
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

MetadataMap metadata(const json& data)
{
    expect(data, json::value_t::object, "data");
    MetadataMap out;
    for (const auto& [metric, entries] : data.items()) {
        const std::string where = "data." + metric;
        expect(entries, json::value_t::array, where);
        QList<MetricMetadata> list;
        list.reserve(static_cast<qsizetype>(entries.size()));
        for (std::size_t i = 0; i < entries.size(); ++i) {
            const std::string at = where + '[' + std::to_string(i) + ']';
            const json& entry = expect(entries[i], json::value_t::object, at);
            MetricMetadata m;
            m.type = string(member(entry, "type", at), at + ".type");
            m.help = string(member(entry, "help", at), at + ".help");
            // Servers before OpenMetrics support send no unit.
            if (const auto unit = entry.find("unit"); unit != entry.end())
                m.unit = string(*unit, at + ".unit");
            list.append(std::move(m));
        }
        out.insert(QString::fromStdString(metric), std::move(list));
    }
    return out;
}

// [{"seriesLabels":{…},"exemplars":[{"labels":{…},"value":"0.042","timestamp":1795633339.125}]}]
std::vector<ExemplarSeries> exemplarSeries(const json& data)
{
    expect(data, json::value_t::array, "data");
    std::vector<ExemplarSeries> out;
    out.reserve(data.size());
    for (std::size_t i = 0; i < data.size(); ++i) {
        const std::string where = "data[" + std::to_string(i) + ']';
        const json& item = expect(data[i], json::value_t::object, where);
        ExemplarSeries series;
        series.seriesLabels = labels(member(item, "seriesLabels", where), where + ".seriesLabels");
        const json& exemplars = expect(member(item, "exemplars", where), json::value_t::array, where + ".exemplars");
        series.exemplars.reserve(exemplars.size());
        for (std::size_t j = 0; j < exemplars.size(); ++j) {
            const std::string at = where + ".exemplars[" + std::to_string(j) + ']';
            const json& e = expect(exemplars[j], json::value_t::object, at);
            Exemplar exemplar;
            exemplar.labels = labels(member(e, "labels", at), at + ".labels");
            const QString text = string(member(e, "value", at), at + ".value");
            const auto value = parseSampleValue(text);
            if (!value)
                failJson(at + ".value", Text::tr("\"%1\" is not a sample value").arg(text.left(40)));
            exemplar.value = *value;
            exemplar.timeMs = timestampMs(member(e, "timestamp", at), at + ".timestamp");
            series.exemplars.push_back(std::move(exemplar));
        }
        out.push_back(std::move(series));
    }
    return out;
}

// Go writes the zero time.Time for "never": no time, rather than the year 1.
std::optional<qint64> goTime(const json& value, const std::string& where)
{
    const QString text = string(value, where);
    if (text == QLatin1String("0001-01-01T00:00:00Z"))
        return std::nullopt;
    const auto ms = parseRfc3339Ms(text);
    if (!ms)
        failJson(where, Text::tr("\"%1\" is not an RFC 3339 time").arg(text.left(40)));
    return ms;
}

std::optional<qint64> optionalGoTime(const json& object, const char* key, const std::string& where)
{
    const auto it = object.find(key);
    return it == object.end() ? std::nullopt : goTime(*it, where + '.' + key);
}

double optionalSeconds(const json& object, const char* key, const std::string& where)
{
    const auto it = object.find(key);
    if (it == object.end())
        return 0;
    const double seconds = expect(*it, json::value_t::number_float, where + '.' + key).get<double>();
    if (!std::isfinite(seconds) || seconds < 0 || seconds > 1e12)
        failJson(where + '.' + key, Text::tr("%1 seconds is out of range").arg(QString::fromStdString(it->dump())));
    return seconds;
}

// Prometheus leaves out empty label sets of some objects (omitempty).
LabelSet optionalLabels(const json& object, const char* key, const std::string& where)
{
    const auto it = object.find(key);
    return it == object.end() || it->is_null() ? LabelSet() : labels(*it, where + '.' + key);
}

AlertState alertState(const json& value, const std::string& where)
{
    const QString state = string(value, where);
    if (state == QLatin1String("firing"))
        return AlertState::Firing;
    if (state == QLatin1String("pending"))
        return AlertState::Pending;
    if (state == QLatin1String("inactive"))
        return AlertState::Inactive;
    failJson(where, Text::tr("unknown alert state \"%1\"").arg(state.left(40)));
}

Alert alert(const json& value, const std::string& where)
{
    expect(value, json::value_t::object, where);
    Alert a;
    a.labels = labels(member(value, "labels", where), where + ".labels");
    a.annotations = optionalLabels(value, "annotations", where);
    a.state = alertState(member(value, "state", where), where + ".state");
    a.activeAtMs = optionalGoTime(value, "activeAt", where);
    a.value = string(member(value, "value", where), where + ".value");
    return a;
}

std::vector<Alert> alertList(const json& list, const std::string& where)
{
    expect(list, json::value_t::array, where);
    std::vector<Alert> out;
    out.reserve(list.size());
    for (std::size_t i = 0; i < list.size(); ++i)
        out.push_back(alert(list[i], where + '[' + std::to_string(i) + ']'));
    return out;
}

std::vector<Alert> alerts(const json& data)
{
    expect(data, json::value_t::object, "data");
    return alertList(member(data, "alerts", "data"), "data.alerts");
}

Rule rule(const json& value, const std::string& where)
{
    expect(value, json::value_t::object, where);
    Rule r;
    const QString type = string(member(value, "type", where), where + ".type");
    if (type == QLatin1String("alerting"))
        r.type = RuleType::Alerting;
    else if (type == QLatin1String("recording"))
        r.type = RuleType::Recording;
    else
        failJson(where + ".type", Text::tr("unknown rule type \"%1\"").arg(type.left(40)));
    r.name = string(member(value, "name", where), where + ".name");
    r.query = string(member(value, "query", where), where + ".query");
    r.labels = optionalLabels(value, "labels", where);
    const QString health = string(member(value, "health", where), where + ".health");
    if (health == QLatin1String("ok"))
        r.health = RuleHealth::Ok;
    else if (health == QLatin1String("err"))
        r.health = RuleHealth::Error;
    else if (health == QLatin1String("unknown"))
        r.health = RuleHealth::Unknown;
    else
        failJson(where + ".health", Text::tr("unknown rule health \"%1\"").arg(health.left(40)));
    if (const auto error = value.find("lastError"); error != value.end())
        r.lastError = string(*error, where + ".lastError");
    r.evaluationSeconds = optionalSeconds(value, "evaluationTime", where);
    r.lastEvaluationMs = optionalGoTime(value, "lastEvaluation", where);
    if (r.type == RuleType::Alerting) {
        r.state = alertState(member(value, "state", where), where + ".state");
        r.forMs = std::llround(optionalSeconds(value, "duration", where) * 1000.0);
        r.keepFiringForMs = std::llround(optionalSeconds(value, "keepFiringFor", where) * 1000.0);
        r.annotations = optionalLabels(value, "annotations", where);
        if (const auto list = value.find("alerts"); list != value.end() && !list->is_null())
            r.alerts = alertList(*list, where + ".alerts");
    }
    return r;
}

std::vector<RuleGroup> ruleGroups(const json& data)
{
    expect(data, json::value_t::object, "data");
    const json& groups = expect(member(data, "groups", "data"), json::value_t::array, "data.groups");
    std::vector<RuleGroup> out;
    out.reserve(groups.size());
    for (std::size_t i = 0; i < groups.size(); ++i) {
        const std::string where = "data.groups[" + std::to_string(i) + ']';
        const json& item = expect(groups[i], json::value_t::object, where);
        RuleGroup group;
        group.name = string(member(item, "name", where), where + ".name");
        if (const auto file = item.find("file"); file != item.end())
            group.file = string(*file, where + ".file");
        group.intervalMs = std::llround(optionalSeconds(item, "interval", where) * 1000.0);
        group.evaluationSeconds = optionalSeconds(item, "evaluationTime", where);
        group.lastEvaluationMs = optionalGoTime(item, "lastEvaluation", where);
        const json& rules = expect(member(item, "rules", where), json::value_t::array, where + ".rules");
        group.rules.reserve(rules.size());
        for (std::size_t j = 0; j < rules.size(); ++j)
            group.rules.push_back(rule(rules[j], where + ".rules[" + std::to_string(j) + ']'));
        out.push_back(std::move(group));
    }
    return out;
}

ParseError malformed(const QString& message)
{
    return ParseError { ParseError::Kind::Malformed, {}, message };
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

std::optional<qint64> parseRfc3339Ms(const QString& text)
{
    // YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM), read by hand: exact, and no locale or time-zone database involved.
    const qsizetype size = text.size();
    const auto number = [&text, size](qsizetype at, qsizetype digits) -> int {
        if (at + digits > size)
            return -1;
        int value = 0;
        for (qsizetype i = at; i < at + digits; ++i) {
            const char16_t c = text.at(i).unicode();
            if (c < u'0' || c > u'9')
                return -1;
            value = value * 10 + (c - u'0');
        }
        return value;
    };
    const auto is = [&text, size](qsizetype at, char16_t c) { return at < size && text.at(at).unicode() == c; };
    const int year = number(0, 4);
    const int month = number(5, 2);
    const int day = number(8, 2);
    const int hour = number(11, 2);
    const int minute = number(14, 2);
    const int second = number(17, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
        || second < 0 || second > 59 || !is(4, u'-') || !is(7, u'-') || !(is(10, u'T') || is(10, u't')) || !is(13, u':')
        || !is(16, u':'))
        return std::nullopt;
    static constexpr int monthDays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    if (day > monthDays[month - 1] + (month == 2 && leap ? 1 : 0))
        return std::nullopt;
    qsizetype at = 19;
    qint64 fractionMs = 0;
    if (is(at, u'.')) {
        ++at;
        const qsizetype first = at;
        for (; at < size && text.at(at).unicode() >= u'0' && text.at(at).unicode() <= u'9'; ++at) {
            if (at - first < 3)
                fractionMs = fractionMs * 10 + (text.at(at).unicode() - u'0');
        }
        if (at == first)
            return std::nullopt;
        for (qsizetype i = at - first; i < 3; ++i)
            fractionMs *= 10;
    }
    qint64 offsetMinutes = 0;
    if (is(at, u'Z') || is(at, u'z')) {
        ++at;
    } else if (is(at, u'+') || is(at, u'-')) {
        const int offsetHours = number(at + 1, 2);
        const int offsetMins = number(at + 4, 2);
        if (offsetHours < 0 || offsetHours > 23 || offsetMins < 0 || offsetMins > 59 || !is(at + 3, u':'))
            return std::nullopt;
        offsetMinutes = (offsetHours * 60 + offsetMins) * (is(at, u'-') ? -1 : 1);
        at += 6;
    } else {
        return std::nullopt;
    }
    if (at != size)
        return std::nullopt;
    // Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
    const qint64 y = year - (month <= 2 ? 1 : 0);
    const qint64 era = (y >= 0 ? y : y - 399) / 400;
    const qint64 yearOfEra = y - era * 400;
    const qint64 dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
    const qint64 dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    const qint64 days = era * 146097 + dayOfEra - 719468;
    const qint64 seconds = ((days * 24 + hour) * 60 + minute) * 60 + second - offsetMinutes * 60;
    return seconds * 1000 + fractionMs;
}

QString Exemplar::traceId() const
{
    for (const char16_t* key : { u"trace_id", u"traceID", u"traceId" }) {
        const auto it = labels.constFind(QString::fromUtf16(key));
        if (it != labels.cend() && !it->isEmpty())
            return *it;
    }
    return {};
}

QString alertStateName(AlertState state)
{
    switch (state) {
    case AlertState::Inactive:
        return QStringLiteral("inactive");
    case AlertState::Pending:
        return QStringLiteral("pending");
    case AlertState::Firing:
        return QStringLiteral("firing");
    }
    return {};
}

QString ruleHealthName(RuleHealth health)
{
    switch (health) {
    case RuleHealth::Unknown:
        return QStringLiteral("unknown");
    case RuleHealth::Ok:
        return QStringLiteral("ok");
    case RuleHealth::Error:
        return QStringLiteral("err");
    }
    return {};
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

Parsed<MetadataMap> parseMetadataResponse(const QByteArray& body)
{
    return parseAnswer<MetadataMap>(body, metadata);
}

Parsed<std::vector<ExemplarSeries>> parseExemplarsResponse(const QByteArray& body)
{
    return parseAnswer<std::vector<ExemplarSeries>>(body, exemplarSeries);
}

Parsed<std::vector<Alert>> parseAlertsResponse(const QByteArray& body)
{
    return parseAnswer<std::vector<Alert>>(body, alerts);
}

Parsed<std::vector<RuleGroup>> parseRulesResponse(const QByteArray& body)
{
    return parseAnswer<std::vector<RuleGroup>>(body, ruleGroups);
}

std::optional<ParseError> parseErrorResponse(const QByteArray& body)
{
    const auto doc = json::parse(body.constBegin(), body.constEnd(), nullptr, false);
    if (doc.is_discarded() || !doc.is_object() || doc.value("status", json()) != "error")
        return std::nullopt;
    return envelopeError(doc);
}

} // namespace firebreak::prometheus
