#include "fakeloki.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QTimeZone>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cmath>
#include <limits>
#include <optional>
#include <string>

namespace firebreak::test {

namespace {

using Labels = logql::Labels;

// Content types as Loki 2.9.9 sends them (tests/data/README.md lists the recorded answers).
const QByteArray JsonUtf8 = QByteArrayLiteral("application/json; charset=UTF-8");
const QByteArray Json = QByteArrayLiteral("application/json");

constexpr qint64 NsPerMs = 1000000;
constexpr qint64 NsPerS = 1000000000;
constexpr qint64 DefaultSinceNs = 3600 * NsPerS; // a query's default start: one hour before its end
constexpr int DefaultLimit = 100;
constexpr qint64 MaxPointsPerSeries = 11000;

ServerResponse error400(const QString& message)
{
    return ServerResponse::text(400, message.toUtf8());
}

// ---- JSON written the way Go's encoders write it (Loki's answers are compact, keys in a fixed order).

void appendString(QByteArray& out, QByteArrayView utf8, bool escapeHtml)
{
    static const char hex[] = "0123456789abcdef";
    const QString text = QString::fromUtf8(utf8); // invalid UTF-8 becomes U+FFFD, as Go writes it
    const QByteArray bytes = text.toUtf8();
    out += '"';
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const auto c = static_cast<unsigned char>(bytes[i]);
        switch (c) {
        case '"':
            out += "\\\"";
            continue;
        case '\\':
            out += "\\\\";
            continue;
        case '\n':
            out += "\\n";
            continue;
        case '\r':
            out += "\\r";
            continue;
        case '\t':
            out += "\\t";
            continue;
        default:
            break;
        }
        if (c < 0x20 || (escapeHtml && (c == '<' || c == '>' || c == '&'))) {
            out += "\\u00";
            out += hex[c >> 4];
            out += hex[c & 0xf];
            continue;
        }
        // U+2028 and U+2029 (E2 80 A8/A9) break JavaScript: Go escapes them.
        if (c == 0xE2 && i + 2 < bytes.size() && static_cast<unsigned char>(bytes[i + 1]) == 0x80
            && (static_cast<unsigned char>(bytes[i + 2]) & 0xFE) == 0xA8) {
            out += static_cast<unsigned char>(bytes[i + 2]) == 0xA8 ? "\\u2028" : "\\u2029";
            i += 2;
            continue;
        }
        out += static_cast<char>(c);
    }
    out += '"';
}

void appendString(QByteArray& out, const QString& text, bool escapeHtml = false)
{
    appendString(out, QByteArrayView(text.toUtf8()), escapeHtml);
}

void appendLabels(QByteArray& out, const Labels& labels)
{
    out += '{';
    bool first = true;
    for (auto it = labels.cbegin(); it != labels.cend(); ++it) {
        if (!first)
            out += ',';
        first = false;
        appendString(out, it.key());
        out += ':';
        appendString(out, it.value());
    }
    out += '}';
}

/// strconv.FormatFloat(v, 'f', -1, 64): the shortest decimal that reads back as `v`.
QByteArray goFloat(double value)
{
    if (std::isnan(value))
        return QByteArrayLiteral("NaN");
    if (std::isinf(value))
        return value > 0 ? QByteArrayLiteral("+Inf") : QByteArrayLiteral("-Inf");
    char buffer[64];
    const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed);
    return QByteArray(buffer, ec == std::errc() ? end - buffer : 0);
}

/// Prometheus' model.Time.String(): seconds, with the milliseconds only when there are some.
QByteArray promTime(qint64 ms)
{
    QByteArray out = QByteArray::number(ms / 1000);
    qint64 rest = ms % 1000;
    if (rest < 0) {
        out = QByteArray::number(ms / 1000 - 1);
        rest += 1000;
    }
    if (rest != 0) {
        QByteArray fraction = QByteArray::number(rest).rightJustified(3, '0');
        while (fraction.endsWith('0'))
            fraction.chop(1);
        out += '.' + fraction;
    }
    return out;
}

QString labelsKey(const Labels& labels)
{
    QString key = QStringLiteral("{");
    bool first = true;
    for (auto it = labels.cbegin(); it != labels.cend(); ++it) {
        if (!first)
            key += QLatin1String(", ");
        first = false;
        QString value = it.value();
        value.replace(u'\\', QLatin1String("\\\\"))
            .replace(u'"', QLatin1String("\\\""))
            .replace(u'\n', QLatin1String("\\n"));
        key += it.key() + QStringLiteral("=\"") + value + u'"';
    }
    return key + u'}';
}

struct Summary
{
    qint64 bytesProcessed = 0;
    qint64 linesProcessed = 0;
    qint64 entriesReturned = 0;
    qint64 postFilterLines = 0;
    qint64 streamsMatched = 0;
    double execTimeS = 0;
    int splits = 0;
    int shards = 1;
};

/// Loki 2.9.9's "stats" object, key for key (see loki-query_range-logs-error.json); the fake answers
/// everything from the ingester's head chunks, as a freshly started single binary does.
QByteArray statsJson(const Summary& s)
{
    const QByteArray zeroCache = R"({"entriesFound":0,"entriesRequested":0,"entriesStored":0,"bytesReceived":0,)"
                                 R"("bytesSent":0,"requests":0,"downloadTime":0})";
    // QByteArray, not auto: a QStringBuilder would outlive the temporaries it refers to.
    const auto chunk = [](qint64 headBytes, qint64 headLines, qint64 postFilter) -> QByteArray {
        return R"({"headChunkBytes":)" + QByteArray::number(headBytes) + R"(,"headChunkLines":)"
            + QByteArray::number(headLines)
            + R"(,"decompressedBytes":0,"decompressedLines":0,"compressedBytes":0,"totalDuplicates":0,)"
              R"("postFilterLines":)"
            + QByteArray::number(postFilter)
            + R"(,"headChunkStructuredMetadataBytes":0,"decompressedStructuredMetadataBytes":0})";
    };
    const auto store
        = [&chunk](qint64 headBytes, qint64 headLines, qint64 postFilter, qint64 refFetchNs) -> QByteArray {
        return R"({"totalChunksRef":0,"totalChunksDownloaded":0,"chunksDownloadTime":0,"chunk":)"
            + chunk(headBytes, headLines, postFilter) + R"(,"chunkRefsFetchTime":)" + QByteArray::number(refFetchNs)
            + '}';
    };
    const double exec = std::max(s.execTimeS, 1e-6);
    QByteArray out = R"({"summary":{"bytesProcessedPerSecond":)"
        + QByteArray::number(static_cast<qint64>(double(s.bytesProcessed) / exec)) + R"(,"linesProcessedPerSecond":)"
        + QByteArray::number(static_cast<qint64>(double(s.linesProcessed) / exec)) + R"(,"totalBytesProcessed":)"
        + QByteArray::number(s.bytesProcessed) + R"(,"totalLinesProcessed":)" + QByteArray::number(s.linesProcessed)
        + R"(,"execTime":)" + goFloat(s.execTimeS) + R"(,"queueTime":0,"subqueries":0,"totalEntriesReturned":)"
        + QByteArray::number(s.entriesReturned) + R"(,"splits":)" + QByteArray::number(s.splits) + R"(,"shards":)"
        + QByteArray::number(s.shards) + R"(,"totalPostFilterLines":)" + QByteArray::number(s.postFilterLines)
        + R"(,"totalStructuredMetadataBytesProcessed":0},"querier":{"store":)" + store(0, 0, 0, 0)
        + R"(},"ingester":{"totalReached":)" + QByteArray::number(s.streamsMatched > 0 ? 1 : 0)
        + R"(,"totalChunksMatched":)" + QByteArray::number(s.streamsMatched) + R"(,"totalBatches":)"
        + QByteArray::number(s.streamsMatched > 0 ? 1 : 0) + R"(,"totalLinesSent":)"
        + QByteArray::number(s.entriesReturned) + R"(,"store":)"
        + store(s.bytesProcessed, s.linesProcessed, s.postFilterLines, s.streamsMatched > 0 ? 100000 : 0)
        + R"(},"cache":{"chunk":)" + zeroCache + R"(,"index":)" + zeroCache + R"(,"result":)" + zeroCache
        + R"(,"statsResult":)" + zeroCache + "}}";
    return out;
}

// ---- Request parameters, read as Loki 2.9 reads them (pkg/loghttp/params.go).

struct ParamError
{
    QString message;
};

/// A time: float seconds (rounded to ms), an integer (at most 10 digits: seconds, else ns), or RFC 3339.
qint64 lokiTime(const QString& value, qint64 fallback)
{
    if (value.isEmpty())
        return fallback;
    if (value.contains(u'.')) {
        bool ok = false;
        const double t = value.toDouble(&ok);
        if (ok && std::isfinite(t)) {
            double whole = 0;
            const double fraction = std::modf(t, &whole);
            const double ms = std::round(fraction * 1000);
            return static_cast<qint64>(whole) * NsPerS + static_cast<qint64>(ms) * NsPerMs;
        }
    }
    bool ok = false;
    const qint64 number = value.toLongLong(&ok);
    if (ok) {
        const qsizetype digits = value.startsWith(u'-') ? value.size() - 1 : value.size();
        return digits <= 10 ? number * NsPerS : number;
    }
    static const QRegularExpression rfc3339(
        QStringLiteral("^(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2})(?:\\.(\\d{1,9}))?(Z|[+-]\\d{2}:\\d{2})$"));
    const auto match = rfc3339.match(value);
    if (match.hasMatch()) {
        const QDateTime base = QDateTime::fromString(match.captured(1) + match.captured(3), Qt::ISODate);
        if (base.isValid()) {
            const qint64 fraction = match.captured(2).leftJustified(9, u'0').toLongLong();
            return base.toSecsSinceEpoch() * NsPerS + fraction;
        }
    }
    throw ParamError { QStringLiteral("strconv.ParseInt: parsing %1: invalid syntax").arg(u'"' + value + u'"') };
}

int lokiLimit(const QString& value)
{
    if (value.isEmpty())
        return DefaultLimit;
    bool ok = false;
    const int limit = value.toInt(&ok);
    if (!ok)
        throw ParamError { QStringLiteral("strconv.Atoi: parsing %1: invalid syntax").arg(u'"' + value + u'"') };
    if (limit <= 0)
        throw ParamError { QStringLiteral("limit must be a positive value") };
    return limit;
}

bool lokiBackward(const QString& value)
{
    if (value.isEmpty() || value.compare(QLatin1String("backward"), Qt::CaseInsensitive) == 0)
        return true;
    if (value.compare(QLatin1String("forward"), Qt::CaseInsensitive) == 0)
        return false;
    throw ParamError { QStringLiteral("invalid direction '%1'").arg(value) };
}

qint64 lokiStepMs(const QString& value, qint64 startNs, qint64 endNs)
{
    if (value.isEmpty())
        return std::max<qint64>((endNs - startNs) / NsPerS / 250, 1) * 1000;
    bool ok = false;
    const double seconds = value.toDouble(&ok);
    if (ok && std::isfinite(seconds))
        return static_cast<qint64>(std::llround(seconds * 1000));
    if (const auto ms = logql::parseDurationMs(value))
        return *ms;
    throw ParamError { QStringLiteral("cannot parse \"%1\" to a valid duration").arg(value) };
}

bool categorizeLabels(const ServerRequest& request)
{
    return request.header("x-loki-response-encoding-flags").split(',').contains("categorize-labels");
}

} // namespace

FakeLoki::FakeLoki()
    : m_now([] { return QDateTime::currentMSecsSinceEpoch() * NsPerMs; })
{
    m_http.handle(QStringLiteral("/ready"), [](const ServerRequest&) { return ServerResponse::text(200, "ready\n"); });
    m_http.handle(QStringLiteral("/loki/api/v1/status/buildinfo"),
        [](const ServerRequest&) { return ServerResponse::json(buildInfoJson()); });
    m_http.handle(QStringLiteral("/loki/api/v1/push"), [this](const ServerRequest& request) {
        if (request.method != "POST")
            return ServerResponse::text(405, "405 method not allowed\n");
        const QByteArray type = request.header("content-type");
        if (!type.startsWith("application/json")) {
            return error400(
                QStringLiteral("fake-loki understands only JSON pushes (Content-Type: application/json), not \"%1\"")
                    .arg(QString::fromLatin1(type)));
        }
        const QString problem = push(request.body);
        if (!problem.isEmpty())
            return error400(problem);
        ServerResponse response;
        response.status = 204;
        response.contentType.clear();
        return response;
    });
    m_http.handle(QStringLiteral("/loki/api/v1/query_range"),
        [this](const ServerRequest& request) { return queryRange(request); });
    m_http.handle(
        QStringLiteral("/loki/api/v1/query"), [this](const ServerRequest& request) { return queryInstant(request); });
    m_http.handle(
        QStringLiteral("/loki/api/v1/labels"), [this](const ServerRequest& request) { return labels(request); });
    m_http.handle(
        QStringLiteral("/loki/api/v1/label"), [this](const ServerRequest& request) { return labels(request); });
    m_http.handle(
        QStringLiteral("/loki/api/v1/label/*"), [this](const ServerRequest& request) { return labelValues(request); });
    m_http.handle(
        QStringLiteral("/loki/api/v1/series"), [this](const ServerRequest& request) { return series(request); });
    m_http.handle(
        QStringLiteral("/loki/api/v1/index/volume"), [this](const ServerRequest& request) { return volume(request); });
    m_http.handle(QStringLiteral("/loki/api/v1/index/stats"),
        [this](const ServerRequest& request) { return indexStats(request); });
}

QByteArray FakeLoki::buildInfoJson()
{
    return QByteArrayLiteral(
        R"({"version":"v2.9.9","revision":"aaca205d6c","branch":"HEAD","buildUser":"","buildDate":"","goVersion":""})");
}

qint64 FakeLoki::now() const
{
    return m_now();
}

qsizetype FakeLoki::lineCount() const
{
    qsizetype count = 0;
    for (const auto& [key, stream] : m_streams)
        count += static_cast<qsizetype>(stream.entries.size());
    return count;
}

bool FakeLoki::add(const Labels& labels, qint64 timestampNs, const QByteArray& line, const Labels& metadata)
{
    Stream& stream = m_streams[labelsKey(labels)];
    stream.labels = labels;
    auto& entries = stream.entries;
    const auto at = std::upper_bound(entries.begin(), entries.end(), timestampNs,
        [](qint64 ts, const Entry& entry) { return ts < entry.timestampNs; });
    // Loki keeps several lines per nanosecond but drops one equal in time and text to one it has.
    for (auto it = at; it != entries.begin() && std::prev(it)->timestampNs == timestampNs; --it) {
        if (std::prev(it)->line == line)
            return false;
    }
    entries.insert(at, Entry { timestampNs, ++m_sequence, line, metadata });
    return true;
}

QString FakeLoki::push(const QByteArray& body)
{
    using nlohmann::json;
    const json doc = json::parse(body.constBegin(), body.constEnd(), nullptr, false);
    if (doc.is_discarded() || !doc.is_object())
        return QStringLiteral("couldn't parse push request: the body is not a JSON object");
    const auto streams = doc.find("streams");
    if (streams == doc.end() || !streams->is_array())
        return QStringLiteral("couldn't parse push request: no \"streams\" array");
    static const QRegularExpression labelName(QStringLiteral("^[a-zA-Z_][a-zA-Z0-9_]*$"));
    // Checked whole before anything is stored: a refused push stores nothing.
    struct Pending
    {
        Labels labels;
        qint64 ns;
        QByteArray line;
        Labels metadata;
    };
    std::vector<Pending> pending;
    for (const json& stream : *streams) {
        const auto labels = stream.find("stream");
        const auto values = stream.find("values");
        if (!stream.is_object() || labels == stream.end() || !labels->is_object() || values == stream.end()
            || !values->is_array()) {
            return QStringLiteral("couldn't parse push request: a stream needs \"stream\" and \"values\"");
        }
        Labels set;
        for (const auto& [name, value] : labels->items()) {
            const QString key = QString::fromStdString(name);
            if (!value.is_string())
                return QStringLiteral("couldn't parse push request: label values are strings");
            if (!labelName.match(key).hasMatch())
                return QStringLiteral("error parsing labels: invalid label name \"%1\"").arg(key);
            set.insert(key, QString::fromStdString(value.get<std::string>()));
        }
        if (set.isEmpty())
            return QStringLiteral("error at least one label pair is required per stream");
        for (const json& value : *values) {
            if (!value.is_array() || value.size() < 2 || value.size() > 3 || !value[0].is_string()
                || !value[1].is_string()) {
                return QStringLiteral(
                    "couldn't parse push request: a value is [\"<unix ns>\", \"<line>\"(, {structured metadata})]");
            }
            bool ok = false;
            const qint64 ns = QString::fromStdString(value[0].get<std::string>()).toLongLong(&ok);
            if (!ok) {
                return QStringLiteral("couldn't parse push request: timestamp \"%1\" is not unix nanoseconds")
                    .arg(QString::fromStdString(value[0].get<std::string>()));
            }
            Labels metadata;
            if (value.size() == 3) {
                if (!value[2].is_object())
                    return QStringLiteral("couldn't parse push request: structured metadata is an object");
                for (const auto& [name, metaValue] : value[2].items()) {
                    if (!metaValue.is_string())
                        return QStringLiteral("couldn't parse push request: structured metadata values are strings");
                    metadata.insert(QString::fromStdString(name), QString::fromStdString(metaValue.get<std::string>()));
                }
            }
            const std::string& line = value[1].get_ref<const std::string&>();
            pending.push_back({ set, ns, QByteArray(line.data(), static_cast<qsizetype>(line.size())), metadata });
        }
    }
    for (const Pending& p : pending)
        add(p.labels, p.ns, p.line, p.metadata);
    return {};
}

std::vector<const FakeLoki::Stream*> FakeLoki::selectedStreams(
    const logql::LogSelector& selector, qint64 startNs, qint64 endNs) const
{
    std::vector<const Stream*> out;
    for (const auto& [key, stream] : m_streams) {
        if (!selector.selects(stream.labels))
            continue;
        const auto first = std::lower_bound(stream.entries.begin(), stream.entries.end(), startNs,
            [](const Entry& entry, qint64 ts) { return entry.timestampNs < ts; });
        if (first != stream.entries.end() && first->timestampNs <= endNs)
            out.push_back(&stream);
    }
    return out;
}

ServerResponse FakeLoki::queryRange(const ServerRequest& request) const
{
    const ServerRequest& params = request;
    try {
        const qint64 nowNs = now();
        const qint64 endNs = lokiTime(params.param(QStringLiteral("end")), nowNs);
        const qint64 startNs = lokiTime(params.param(QStringLiteral("start")), endNs - DefaultSinceNs);
        if (endNs < startNs)
            return error400(QStringLiteral("end timestamp must not be before or equal to start time"));
        const int limit = lokiLimit(params.param(QStringLiteral("limit")));
        const bool backward = lokiBackward(params.param(QStringLiteral("direction")));
        const qint64 stepMs = lokiStepMs(params.param(QStringLiteral("step")), startNs, endNs);
        if (stepMs <= 0) {
            return error400(QStringLiteral(
                "zero or negative query resolution step widths are not accepted. Try a positive integer"));
        }
        if ((endNs - startNs) / NsPerMs / stepMs > MaxPointsPerSeries) {
            return error400(
                QStringLiteral("exceeded maximum resolution of 11,000 points per timeseries. Try decreasing "
                               "the query resolution (?step=XX)"));
        }
        const logql::ParseOutcome parsed = logql::parse(params.param(QStringLiteral("query")));
        if (!parsed.query)
            return error400(parsed.error);
        if (parsed.query->metric)
            return metricQuery(*parsed.query, startNs / NsPerMs, endNs / NsPerMs, stepMs, false);
        if (m_maxEntries > 0 && limit > m_maxEntries) {
            return error400(QStringLiteral("max entries limit per query exceeded, limit > max_entries_limit (%1 > %2)")
                                .arg(limit)
                                .arg(m_maxEntries));
        }
        return logQuery(*parsed.query, startNs, endNs, limit, backward, categorizeLabels(request));
    } catch (const ParamError& e) {
        return error400(e.message);
    }
}

ServerResponse FakeLoki::queryInstant(const ServerRequest& request) const
{
    const ServerRequest& params = request;
    try {
        const qint64 timeNs = lokiTime(params.param(QStringLiteral("time")), now());
        lokiLimit(params.param(QStringLiteral("limit")));
        lokiBackward(params.param(QStringLiteral("direction")));
        const logql::ParseOutcome parsed = logql::parse(params.param(QStringLiteral("query")));
        if (!parsed.query)
            return error400(parsed.error);
        if (!parsed.query->metric) {
            // Loki 2.9 answers some lines of an undocumented window here; Loki 3.2 and later refuse, and so
            // does the fake, so that nothing comes to rely on it.
            return error400(QStringLiteral("log queries are not supported as an instant query type, please change "
                                           "your query to a range query type"));
        }
        const qint64 ms = timeNs / NsPerMs;
        return metricQuery(*parsed.query, ms, ms, 1, true);
    } catch (const ParamError& e) {
        return error400(e.message);
    }
}

ServerResponse FakeLoki::logQuery(
    const logql::Query& query, qint64 startNs, qint64 endNs, int limit, bool backward, bool categorize) const
{
    const auto started = std::chrono::steady_clock::now();
    struct Hit
    {
        const Entry* entry;
        const Stream* stream;
        QString key; // the labels the answer groups it under
        Labels labels;
        Labels parsed;
    };
    std::vector<Hit> hits;
    Summary summary;
    for (const auto& [key, stream] : m_streams) {
        if (!query.logs.selects(stream.labels))
            continue;
        ++summary.streamsMatched;
        // [start, end): the end is exclusive for log queries.
        auto it = std::lower_bound(stream.entries.begin(), stream.entries.end(), startNs,
            [](const Entry& entry, qint64 ts) { return entry.timestampNs < ts; });
        for (; it != stream.entries.end() && it->timestampNs < endNs; ++it) {
            ++summary.linesProcessed;
            summary.bytesProcessed += it->line.size();
            logql::LineOutcome outcome = logql::runPipeline(query.logs, stream.labels, it->metadata, it->line);
            if (!outcome.keep)
                continue;
            ++summary.postFilterLines;
            Hit hit { &*it, &stream, {}, stream.labels, std::move(outcome.parsed) };
            if (!categorize) {
                // Loki 2.9 (and Loki 3 without the flag) shows structured metadata and parsed labels as
                // stream labels, so each distinct set is a stream of its own.
                for (auto m = it->metadata.cbegin(); m != it->metadata.cend(); ++m)
                    hit.labels.insert(m.key(), m.value());
                for (auto p = hit.parsed.cbegin(); p != hit.parsed.cend(); ++p)
                    hit.labels.insert(p.key(), p.value());
            }
            hit.key = labelsKey(hit.labels);
            hits.push_back(std::move(hit));
        }
    }
    // Streams merged as Loki's iterators do: by time, equal times by the labels, then by arrival.
    std::sort(hits.begin(), hits.end(), [backward](const Hit& a, const Hit& b) {
        if (a.entry->timestampNs != b.entry->timestampNs)
            return backward ? a.entry->timestampNs > b.entry->timestampNs : a.entry->timestampNs < b.entry->timestampNs;
        if (a.key != b.key)
            return a.key < b.key;
        return backward ? a.entry->sequence > b.entry->sequence : a.entry->sequence < b.entry->sequence;
    });
    if (hits.size() > static_cast<std::size_t>(limit))
        hits.resize(static_cast<std::size_t>(limit));
    summary.entriesReturned = static_cast<qint64>(hits.size());

    std::map<QString, std::vector<const Hit*>> groups; // answers list streams by their labels
    for (const Hit& hit : hits)
        groups[hit.key].push_back(&hit);

    QByteArray body = R"({"status":"success","data":{"resultType":"streams",)";
    if (categorize)
        body += R"("encodingFlags":["categorize-labels"],)";
    body += R"("result":[)";
    bool firstStream = true;
    for (const auto& [key, members] : groups) {
        if (!firstStream)
            body += ',';
        firstStream = false;
        body += R"({"stream":)";
        appendLabels(body, members.front()->labels);
        body += R"(,"values":[)";
        bool firstValue = true;
        for (const Hit* hit : members) {
            if (!firstValue)
                body += ',';
            firstValue = false;
            body += "[\"" + QByteArray::number(hit->entry->timestampNs) + "\",";
            appendString(body, QByteArrayView(hit->entry->line), true);
            if (categorize) {
                body += ",{";
                if (!hit->entry->metadata.isEmpty()) {
                    body += R"("structuredMetadata":)";
                    appendLabels(body, hit->entry->metadata);
                }
                if (!hit->parsed.isEmpty()) {
                    if (!hit->entry->metadata.isEmpty())
                        body += ',';
                    body += R"("parsed":)";
                    appendLabels(body, hit->parsed);
                }
                body += '}';
            }
            body += ']';
        }
        body += "]}";
    }
    summary.execTimeS = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    body += "],\"stats\":" + statsJson(summary) + "}}";
    ServerResponse response = ServerResponse::json(body);
    response.contentType = JsonUtf8;
    return response;
}

ServerResponse FakeLoki::metricQuery(
    const logql::Query& query, qint64 startMs, qint64 endMs, qint64 stepMs, bool instant) const
{
    const auto started = std::chrono::steady_clock::now();
    const logql::RangeAggregation& range = query.range;
    // The query frontend aligns a range query's start and end to the step.
    if (!instant) {
        startMs = startMs / stepMs * stepMs;
        endMs = endMs / stepMs * stepMs;
    }
    const qint64 fromNs = (startMs - range.rangeMs) * NsPerMs;
    const qint64 toNs = endMs * NsPerMs;

    // Every line the pipeline keeps, per label set: (time, bytes).
    struct Samples
    {
        Labels labels;
        std::vector<std::pair<qint64, qint64>> points;
    };
    std::map<QString, Samples> inputs;
    Summary summary;
    for (const auto& [key, stream] : m_streams) {
        if (!range.selector.selects(stream.labels))
            continue;
        ++summary.streamsMatched;
        auto it = std::upper_bound(stream.entries.begin(), stream.entries.end(), fromNs,
            [](qint64 ts, const Entry& entry) { return ts < entry.timestampNs; });
        for (; it != stream.entries.end() && it->timestampNs <= toNs; ++it) {
            ++summary.linesProcessed;
            summary.bytesProcessed += it->line.size();
            const logql::LineOutcome outcome
                = logql::runPipeline(range.selector, stream.labels, it->metadata, it->line);
            if (!outcome.keep)
                continue;
            ++summary.postFilterLines;
            Labels labels = stream.labels;
            for (auto m = it->metadata.cbegin(); m != it->metadata.cend(); ++m)
                labels.insert(m.key(), m.value());
            for (auto p = outcome.parsed.cbegin(); p != outcome.parsed.cend(); ++p)
                labels.insert(p.key(), p.value());
            if (labels.contains(QStringLiteral("__error__"))) {
                return error400(
                    QStringLiteral("pipeline error: '%1' for series: '%2'.\nUse a label filter to intentionally skip "
                                   "this error. (e.g | __error__!=\"%1\").\nTo skip all potential errors you can match "
                                   "empty errors.(e.g __error__=\"\")\nThe label filter can also be specified after "
                                   "unwrap. (e.g | unwrap latency | __error__=\"\" )\n")
                        .arg(labels.value(QStringLiteral("__error__")), labelsKey(labels)));
            }
            Samples& samples = inputs[labelsKey(labels)];
            samples.labels = labels;
            samples.points.emplace_back(it->timestampNs, it->line.size());
        }
    }

    // Series at each step: label set -> (time ms -> value).
    using Points = std::map<qint64, double>;
    std::map<QString, std::pair<Labels, Points>> series;
    const double rangeSeconds = double(range.rangeMs) / 1000.0;
    for (auto& [key, samples] : inputs) {
        std::sort(samples.points.begin(), samples.points.end());
        for (qint64 t = startMs; t <= endMs; t += stepMs) {
            // Loki's range is (t - range, t].
            const qint64 hiNs = t * NsPerMs;
            const qint64 loNs = hiNs - range.rangeMs * NsPerMs;
            const auto lo = std::upper_bound(
                samples.points.begin(), samples.points.end(), std::make_pair(loNs, std::numeric_limits<qint64>::max()));
            const auto hi = std::upper_bound(
                samples.points.begin(), samples.points.end(), std::make_pair(hiNs, std::numeric_limits<qint64>::max()));
            if (lo == hi)
                continue; // no line in the window: no sample at all
            double value = 0;
            if (range.op == logql::RangeAggregation::Op::CountOverTime || range.op == logql::RangeAggregation::Op::Rate)
                value = double(hi - lo);
            else
                for (auto p = lo; p != hi; ++p)
                    value += double(p->second);
            if (range.op == logql::RangeAggregation::Op::Rate || range.op == logql::RangeAggregation::Op::BytesRate)
                value /= rangeSeconds;
            auto& [labels, points] = series[key];
            labels = samples.labels;
            points[t] = value;
        }
    }
    for (const logql::VectorAggregation& aggregation : query.aggregations) {
        struct Group
        {
            Labels labels;
            std::map<qint64, std::vector<double>> values;
        };
        std::map<QString, Group> groups;
        for (const auto& [key, entry] : series) {
            Labels kept;
            if (aggregation.grouped) {
                for (auto it = entry.first.cbegin(); it != entry.first.cend(); ++it) {
                    if (aggregation.labels.contains(it.key()) != aggregation.without)
                        kept.insert(it.key(), it.value());
                }
            }
            Group& group = groups[labelsKey(kept)];
            group.labels = kept;
            for (const auto& [t, v] : entry.second)
                group.values[t].push_back(v);
        }
        std::map<QString, std::pair<Labels, Points>> next;
        for (const auto& [key, group] : groups) {
            Points points;
            for (const auto& [t, values] : group.values) {
                double result = 0;
                switch (aggregation.op) {
                case logql::VectorAggregation::Op::Sum:
                case logql::VectorAggregation::Op::Avg:
                    for (const double v : values)
                        result += v;
                    if (aggregation.op == logql::VectorAggregation::Op::Avg)
                        result /= double(values.size());
                    break;
                case logql::VectorAggregation::Op::Count:
                    result = double(values.size());
                    break;
                case logql::VectorAggregation::Op::Min:
                    result = *std::min_element(values.begin(), values.end());
                    break;
                case logql::VectorAggregation::Op::Max:
                    result = *std::max_element(values.begin(), values.end());
                    break;
                }
                points[t] = result;
            }
            next[key] = { group.labels, std::move(points) };
        }
        series = std::move(next);
    }

    summary.entriesReturned = static_cast<qint64>(series.size());
    summary.execTimeS = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    QByteArray body = R"({"status":"success","data":{"resultType":")";
    body += instant ? "vector" : "matrix";
    body += R"(","result":[)";
    bool first = true;
    for (const auto& [key, entry] : series) {
        if (entry.second.empty())
            continue;
        if (!first)
            body += ',';
        first = false;
        body += R"({"metric":)";
        appendLabels(body, entry.first);
        if (instant) {
            const auto& [t, v] = *entry.second.begin();
            body += R"(,"value":[)" + promTime(t) + ",\"" + goFloat(v) + "\"]}";
            continue;
        }
        body += R"(,"values":[)";
        bool firstPoint = true;
        for (const auto& [t, v] : entry.second) {
            if (!firstPoint)
                body += ',';
            firstPoint = false;
            body += '[' + promTime(t) + ",\"" + goFloat(v) + "\"]";
        }
        body += "]}";
    }
    body += "],\"stats\":" + statsJson(summary) + "}}";
    return ServerResponse::json(body);
}

ServerResponse FakeLoki::labels(const ServerRequest& request) const
{
    const ServerRequest& params = request;
    try {
        const qint64 endNs = lokiTime(params.param(QStringLiteral("end")), now());
        const qint64 startNs = lokiTime(params.param(QStringLiteral("start")), endNs - DefaultSinceNs);
        QStringList names;
        for (const auto& [key, stream] : m_streams) {
            const auto first = std::lower_bound(stream.entries.begin(), stream.entries.end(), startNs,
                [](const Entry& entry, qint64 ts) { return entry.timestampNs < ts; });
            if (first == stream.entries.end() || first->timestampNs > endNs)
                continue;
            names += stream.labels.keys();
        }
        names.sort();
        names.removeDuplicates();
        QByteArray body = R"({"status":"success")";
        if (!names.isEmpty()) { // "data" is omitempty in Loki's LabelResponse
            body += R"(,"data":[)";
            for (qsizetype i = 0; i < names.size(); ++i) {
                if (i > 0)
                    body += ',';
                appendString(body, names.at(i));
            }
            body += ']';
        }
        body += '}';
        ServerResponse response = ServerResponse::json(body);
        response.contentType = JsonUtf8;
        return response;
    } catch (const ParamError& e) {
        return error400(e.message);
    }
}

ServerResponse FakeLoki::labelValues(const ServerRequest& request) const
{
    const ServerRequest& params = request;
    static const QRegularExpression route(QStringLiteral("^/loki/api/v1/label/([^/]+)/values$"));
    const auto match = route.match(request.path);
    if (!match.hasMatch())
        return ServerResponse::text(404, "404 page not found\n");
    const QString name = match.captured(1);
    try {
        const qint64 endNs = lokiTime(params.param(QStringLiteral("end")), now());
        const qint64 startNs = lokiTime(params.param(QStringLiteral("start")), endNs - DefaultSinceNs);
        logql::LogSelector selector;
        const QString query = params.param(QStringLiteral("query"));
        if (!query.isEmpty()) {
            const logql::ParseOutcome parsed = logql::parseSelector(query);
            if (!parsed.query)
                return error400(parsed.error);
            selector = parsed.query->logs;
        }
        QStringList values;
        for (const Stream* stream : selectedStreams(selector, startNs, endNs)) {
            if (stream->labels.contains(name))
                values << stream->labels.value(name);
        }
        values.sort();
        values.removeDuplicates();
        QByteArray body = R"({"status":"success")";
        if (!values.isEmpty()) {
            body += R"(,"data":[)";
            for (qsizetype i = 0; i < values.size(); ++i) {
                if (i > 0)
                    body += ',';
                appendString(body, values.at(i));
            }
            body += ']';
        }
        body += '}';
        ServerResponse response = ServerResponse::json(body);
        response.contentType = JsonUtf8;
        return response;
    } catch (const ParamError& e) {
        return error400(e.message);
    }
}

ServerResponse FakeLoki::series(const ServerRequest& request) const
{
    const ServerRequest& params = request;
    try {
        const qint64 endNs = lokiTime(params.param(QStringLiteral("end")), now());
        const qint64 startNs = lokiTime(params.param(QStringLiteral("start")), endNs - DefaultSinceNs);
        QStringList matchers = params.params(QStringLiteral("match[]")) + params.params(QStringLiteral("match"));
        if (matchers.isEmpty())
            return error400(QStringLiteral("0 matcher groups supplied"));
        std::map<QString, const Stream*> found;
        for (const QString& matcher : std::as_const(matchers)) {
            const logql::ParseOutcome parsed = logql::parseSelector(matcher);
            if (!parsed.query)
                return error400(parsed.error);
            for (const Stream* stream : selectedStreams(parsed.query->logs, startNs, endNs))
                found.emplace(labelsKey(stream->labels), stream);
        }
        QByteArray body = R"({"status":"success","data":[)";
        bool first = true;
        for (const auto& [key, stream] : found) {
            if (!first)
                body += ',';
            first = false;
            appendLabels(body, stream->labels);
        }
        body += "]}";
        ServerResponse response = ServerResponse::json(body);
        response.contentType = JsonUtf8;
        return response;
    } catch (const ParamError& e) {
        return error400(e.message);
    }
}

ServerResponse FakeLoki::volume(const ServerRequest& request) const
{
    const ServerRequest& params = request;
    try {
        const qint64 endNs = lokiTime(params.param(QStringLiteral("end")), now());
        const qint64 startNs = lokiTime(params.param(QStringLiteral("start")), endNs - DefaultSinceNs);
        const int limit
            = params.param(QStringLiteral("limit")).isEmpty() ? 100 : lokiLimit(params.param(QStringLiteral("limit")));
        const logql::ParseOutcome parsed = logql::parseSelector(params.param(QStringLiteral("query")));
        if (!parsed.query)
            return error400(parsed.error);
        // Grouped by targetLabels when given, else by the labels the selector names.
        QStringList target = params.param(QStringLiteral("targetLabels")).split(u',', Qt::SkipEmptyParts);
        if (target.isEmpty()) {
            for (const logql::Matcher& m : parsed.query->logs.matchers)
                target << m.name;
        }
        std::map<QString, std::pair<Labels, qint64>> volumes;
        for (const Stream* stream : selectedStreams(parsed.query->logs, startNs, endNs)) {
            Labels kept;
            for (const QString& name : std::as_const(target)) {
                if (stream->labels.contains(name))
                    kept.insert(name, stream->labels.value(name));
            }
            auto& [labels, bytes] = volumes[labelsKey(kept)];
            labels = kept;
            for (const Entry& entry : stream->entries) {
                if (entry.timestampNs >= startNs && entry.timestampNs <= endNs)
                    bytes += entry.line.size();
            }
        }
        std::vector<std::pair<Labels, qint64>> rows;
        for (auto& [key, row] : volumes)
            rows.push_back(row);
        std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
        if (rows.size() > static_cast<std::size_t>(limit))
            rows.resize(static_cast<std::size_t>(limit));
        // Loki stamps the volume with the end of the range, in whole milliseconds rounded up.
        const qint64 timeMs = (endNs + NsPerMs - 1) / NsPerMs;
        QByteArray body = R"({"status":"success","data":{"resultType":"vector","result":[)";
        for (std::size_t i = 0; i < rows.size(); ++i) {
            if (i > 0)
                body += ',';
            body += R"({"metric":)";
            appendLabels(body, rows[i].first);
            body += R"(,"value":[)" + promTime(timeMs) + ",\"" + QByteArray::number(rows[i].second) + "\"]}";
        }
        Summary summary;
        summary.entriesReturned = static_cast<qint64>(rows.size());
        summary.splits = 1;
        summary.shards = 0;
        body += "],\"stats\":" + statsJson(summary) + "}}";
        return ServerResponse::json(body);
    } catch (const ParamError& e) {
        return error400(e.message);
    }
}

ServerResponse FakeLoki::indexStats(const ServerRequest& request) const
{
    const ServerRequest& params = request;
    try {
        const qint64 endNs = lokiTime(params.param(QStringLiteral("end")), now());
        const qint64 startNs = lokiTime(params.param(QStringLiteral("start")), endNs - DefaultSinceNs);
        const logql::ParseOutcome parsed = logql::parseSelector(params.param(QStringLiteral("query")));
        if (!parsed.query)
            return error400(parsed.error);
        qint64 streams = 0;
        qint64 bytes = 0;
        qint64 entries = 0;
        for (const Stream* stream : selectedStreams(parsed.query->logs, startNs, endNs)) {
            ++streams;
            for (const Entry& entry : stream->entries) {
                if (entry.timestampNs >= startNs && entry.timestampNs <= endNs) {
                    ++entries;
                    bytes += entry.line.size();
                }
            }
        }
        // A fresh Loki answers zeros until its chunks are flushed; the fake counts as if they were (one chunk
        // per stream).
        const QByteArray body = R"({"streams":)" + QByteArray::number(streams) + R"(,"chunks":)"
            + QByteArray::number(streams) + R"(,"bytes":)" + QByteArray::number(bytes) + R"(,"entries":)"
            + QByteArray::number(entries) + '}';
        ServerResponse response = ServerResponse::json(body);
        response.contentType = JsonUtf8;
        return response;
    } catch (const ParamError& e) {
        return error400(e.message);
    }
}

} // namespace firebreak::test
