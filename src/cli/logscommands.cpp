#include "analysis/logpatterns.h"
#include "backends/loki/lokiclient.h"
#include "command.h"
#include "logfileinput.h"
#include "timearguments.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QEventLoop>
#include <QFile>
#include <QRegularExpression>
#include <QTextStream>
#include <QTimeZone>

#include <nlohmann/json.hpp>

#include <charconv>
#include <cmath>

namespace firebreak::cli {

using namespace firebreak::loki;

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Cli)
};

constexpr qint64 NsPerMs = 1000000;
constexpr qint64 DefaultLimit = 100;
// Mining wants many lines; 5,000 is one page of Loki's default max_entries_limit_per_query.
constexpr qint64 DefaultPatternLimit = 5000;
// Far beyond a terminal's use; every line is held in memory until printed.
constexpr qint64 MaxLimit = 10000000;

/// RFC 3339 in UTC with all nine digits of the nanoseconds: "2026-11-24T10:03:50.742387522Z".
QString formatNs(qint64 ns)
{
    qint64 seconds = ns / 1000000000;
    qint64 fraction = ns % 1000000000;
    if (fraction < 0) {
        --seconds;
        fraction += 1000000000;
    }
    return QDateTime::fromSecsSinceEpoch(seconds, QTimeZone::utc()).toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss"))
        + u'.' + QStringLiteral("%1").arg(fraction, 9, 10, QLatin1Char('0')) + u'Z';
}

/// A time argument: what timearguments.h takes, or unix nanoseconds (16 to 19 digits) kept exact.
qint64 timeOption(const QCommandLineParser& parser, const QString& name, qint64 nowMs, qint64 fallbackNs)
{
    if (!parser.isSet(name))
        return fallbackNs;
    const QString value = parser.value(name).trimmed();
    static const QRegularExpression nanoseconds(QStringLiteral("^\\d{16,19}$"));
    if (nanoseconds.match(value).hasMatch()) {
        bool ok = false;
        const qint64 ns = value.toLongLong(&ok);
        if (ok)
            return ns;
    }
    const auto ms = parseTimeMs(value, nowMs);
    if (!ms) {
        throw UsageError {
            Text::tr("--%1 '%2' is not a time (unix seconds or nanoseconds, RFC 3339, now or now-1h)").arg(name, value)
        };
    }
    return *ms * NsPerMs;
}

QString formatValue(double value)
{
    if (std::isnan(value))
        return QStringLiteral("NaN");
    if (std::isinf(value))
        return value > 0 ? QStringLiteral("+Inf") : QStringLiteral("-Inf");
    char buffer[32];
    const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
    return QString::fromLatin1(buffer, ec == std::errc() ? end - buffer : 0);
}

nlohmann::json jsonLabels(const LogLabels& labels)
{
    nlohmann::json object = nlohmann::json::object();
    for (auto it = labels.cbegin(); it != labels.cend(); ++it)
        object[it.key().toStdString()] = it.value().toStdString();
    return object;
}

/// One line of text per log line, whatever the line holds.
QString oneLine(QString text)
{
    return text.replace(u'\\', QLatin1String("\\\\"))
        .replace(u'\n', QLatin1String("\\n"))
        .replace(u'\r', QLatin1String("\\r"));
}

nlohmann::json toJson(const QueryResult& result, const QStringList& warnings)
{
    nlohmann::json doc;
    doc["lines"] = nlohmann::json::array();
    const LogBatch& logs = result.logs;
    for (qsizetype i = 0; i < logs.size(); ++i) {
        const LogLine& line = logs.at(i);
        // A string: nanoseconds since 2001 are past 2^53, where JSON numbers stop being exact in most readers.
        nlohmann::json item { { "ts_ns", std::to_string(line.timestampNs) },
            { "time", formatNs(line.timestampNs).toStdString() }, { "line", logs.textString(line).toStdString() },
            { "labels", jsonLabels(logs.streamLabels(line.stream)) } };
        const LogLineExtra& extra = logs.extra(line);
        if (!extra.structuredMetadata.isEmpty())
            item["structured_metadata"] = jsonLabels(extra.structuredMetadata);
        if (!extra.parsed.isEmpty())
            item["parsed"] = jsonLabels(extra.parsed);
        doc["lines"].push_back(std::move(item));
    }
    doc["truncated"] = result.truncated;
    if (result.reachedNs)
        doc["reached_ns"] = std::to_string(*result.reachedNs);
    doc["result_type"] = resultTypeName(result.type).toStdString();
    if (result.type != ResultType::Streams) {
        doc["series"] = nlohmann::json::array();
        for (const Series& s : result.series) {
            nlohmann::json samples = nlohmann::json::array();
            for (std::size_t i = 0; i < s.timesMs.size(); ++i) {
                const nlohmann::json time = s.timesMs[i] % 1000 == 0 ? nlohmann::json(s.timesMs[i] / 1000)
                                                                     : nlohmann::json(double(s.timesMs[i]) / 1000.0);
                const nlohmann::json value = std::isfinite(s.values[i])
                    ? nlohmann::json(s.values[i])
                    : nlohmann::json(formatValue(s.values[i]).toStdString());
                samples.push_back({ time, value });
            }
            doc["series"].push_back({ { "labels", jsonLabels(s.labels) }, { "samples", std::move(samples) } });
        }
    }
    doc["requests"] = result.requests;
    doc["warnings"] = nlohmann::json::array();
    for (const QString& warning : warnings)
        doc["warnings"].push_back(warning.toStdString());
    return doc;
}

void printText(QTextStream& out, const QueryResult& result)
{
    const LogBatch& logs = result.logs;
    for (qsizetype i = 0; i < logs.size(); ++i) {
        const LogLine& line = logs.at(i);
        out << formatNs(line.timestampNs) << ' ' << logs.streamKey(line.stream) << ' ';
        const LogLineExtra& extra = logs.extra(line);
        if (!extra.isEmpty()) {
            LogLabels more = extra.structuredMetadata;
            for (auto it = extra.parsed.cbegin(); it != extra.parsed.cend(); ++it)
                more.insert(it.key(), it.value());
            out << LogBatch::formatStreamKey(more) << ' ';
        }
        out << oneLine(logs.textString(line)) << '\n';
    }
    for (const Series& s : result.series) {
        out << LogBatch::formatStreamKey(s.labels) << '\n';
        for (std::size_t i = 0; i < s.timesMs.size(); ++i)
            out << "  " << formatTimeUtc(s.timesMs[i]) << ' ' << formatValue(s.values[i]) << '\n';
    }
}

net::ConnectionProfile lokiProfile(const QCommandLineParser& parser)
{
    net::ConnectionProfile profile;
    profile.kind = net::BackendKind::Loki;
    profile.name = net::kindDisplayName(profile.kind);
    profile.baseUrl = QUrl(parser.value(QStringLiteral("url")), QUrl::StrictMode);
    applyTimeoutAndValidate(parser, profile);
    return profile;
}

/// The query of `logs query` and `logs patterns --url` from their options --start, --end, --limit, --direction.
RangeQuery rangeQueryFromOptions(const QCommandLineParser& parser, const QString& expr, qint64 defaultLimit)
{
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    RangeQuery query;
    query.expr = expr;
    query.endNs = timeOption(parser, QStringLiteral("end"), nowMs, nowMs * NsPerMs);
    query.startNs = timeOption(parser, QStringLiteral("start"), nowMs, query.endNs - 3600000 * NsPerMs);
    if (query.endNs < query.startNs)
        throw UsageError { Text::tr("--end is before --start") };
    query.limit = defaultLimit;
    if (parser.isSet(QStringLiteral("limit"))) {
        bool ok = false;
        query.limit = parser.value(QStringLiteral("limit")).toLongLong(&ok);
        if (!ok || query.limit <= 0 || query.limit > MaxLimit)
            throw UsageError { Text::tr("--limit takes a number of lines from 1 to %1").arg(MaxLimit) };
    }
    if (parser.isSet(QStringLiteral("direction"))) {
        const QString direction = parser.value(QStringLiteral("direction")).toLower();
        if (direction == QLatin1String("forward"))
            query.direction = LogDirection::Forward;
        else if (direction != QLatin1String("backward"))
            throw UsageError { Text::tr("--direction is backward (newest first) or forward (oldest first)") };
    }
    return query;
}

Answer<QueryResult> runRangeQuery(const net::ConnectionProfile& profile, const RangeQuery& query)
{
    net::HttpClient http;
    LokiClient client(http, profile);
    QEventLoop loop;
    std::optional<Answer<QueryResult>> answer;
    client.queryRange(query, &loop, [&](Answer<QueryResult> a) {
        answer = std::move(a);
        loop.quit();
    });
    loop.exec();
    return std::move(*answer);
}

int logsQuery(CommandContext& ctx, const QCommandLineParser& parser)
{
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1 || positional.first().trimmed().isEmpty())
        throw UsageError { Text::tr("give exactly one LogQL query") };
    if (!parser.isSet(QStringLiteral("url")))
        throw UsageError { Text::tr("--url is required (the base URL of Loki)") };

    const net::ConnectionProfile profile = lokiProfile(parser);
    RangeQuery query = rangeQueryFromOptions(parser, positional.first(), DefaultLimit);
    if (parser.isSet(QStringLiteral("step"))) {
        const auto step = parseStepMs(parser.value(QStringLiteral("step")));
        if (!step) {
            throw UsageError { Text::tr("--step '%1' is not a step (seconds, or a duration such as 30s or 1m)")
                                   .arg(parser.value(QStringLiteral("step"))) };
        }
        query.stepMs = *step;
    }
    const std::optional<Answer<QueryResult>> answer = runRangeQuery(profile, query);

    if (!answer->ok()) {
        ctx.err << "firebreak-cli: " << answer->error->message.simplified() << Qt::endl;
        return 1;
    }
    const QueryResult& result = *answer->value;
    if (ctx.json) {
        ctx.out << QString::fromStdString(toJson(result, answer->warnings).dump(2)) << '\n';
        return 0;
    }
    for (const QString& warning : std::as_const(answer->warnings))
        ctx.err << "firebreak-cli: " << Text::tr("warning: %1").arg(warning.simplified()) << '\n';
    printText(ctx.out, result);
    if (result.truncated && result.reachedNs) {
        const bool backward = query.direction == LogDirection::Backward;
        ctx.err << "firebreak-cli: "
                << (backward ? Text::tr("more than %1 lines; the oldest shown is at %2 (raise --limit, or continue "
                                        "with --end %3)")
                             : Text::tr("more than %1 lines; the newest shown is at %2 (raise --limit, or continue "
                                        "with --start %3)"))
                       .arg(query.limit)
                       .arg(formatNs(*result.reachedNs))
                       .arg(backward ? *result.reachedNs + 1 : *result.reachedNs)
                << Qt::endl;
    }
    return 0;
}

/// A line of the patterns table: the time to the second, UTC; "-" for lines without a time.
QString shortTime(qint64 ns)
{
    if (ns == 0)
        return QStringLiteral("-");
    return QDateTime::fromSecsSinceEpoch(ns / 1000000000 - (ns % 1000000000 < 0 ? 1 : 0), QTimeZone::utc())
        .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

int logsPatterns(CommandContext& ctx, const QCommandLineParser& parser)
{
    const QStringList positional = parser.positionalArguments();
    const bool fromServer = parser.isSet(QStringLiteral("url"));
    if (positional.size() != 1 || positional.first().trimmed().isEmpty()) {
        throw UsageError { fromServer ? Text::tr("give exactly one LogQL query")
                                      : Text::tr("give a file of log lines, or --url URL and a LogQL query") };
    }
    if (!fromServer) {
        for (const char* option : { "start", "end", "limit", "direction" }) {
            if (parser.isSet(QLatin1String(option)))
                throw UsageError {
                    Text::tr("--%1 needs --url (it shapes the query to Loki)").arg(QLatin1String(option))
                };
        }
    }

    LogBatch lines;
    bool truncated = false;
    qint64 fromNs = 0;
    qint64 toNs = 0;
    if (fromServer) {
        const net::ConnectionProfile profile = lokiProfile(parser);
        const RangeQuery query = rangeQueryFromOptions(parser, positional.first(), DefaultPatternLimit);
        Answer<QueryResult> answer = runRangeQuery(profile, query);
        if (!answer.ok()) {
            ctx.err << "firebreak-cli: " << answer.error->message.simplified() << Qt::endl;
            return 1;
        }
        for (const QString& warning : std::as_const(answer.warnings))
            ctx.err << "firebreak-cli: " << Text::tr("warning: %1").arg(warning.simplified()) << '\n';
        if (answer.value->type != ResultType::Streams) {
            ctx.err << "firebreak-cli: "
                    << Text::tr("the query gave a %1, not log lines: patterns need a log query")
                           .arg(resultTypeName(answer.value->type))
                    << Qt::endl;
            return 1;
        }
        lines = std::move(answer.value->logs);
        truncated = answer.value->truncated;
        fromNs = query.startNs;
        toNs = query.endNs;
    } else {
        const QString path = positional.first();
        QFile file;
        const bool opened = path == QLatin1String("-") ? file.open(stdin, QIODevice::ReadOnly)
                                                       : (file.setFileName(path), file.open(QIODevice::ReadOnly));
        if (!opened) {
            ctx.err << "firebreak-cli: " << Text::tr("cannot read %1: %2").arg(path, file.errorString()) << Qt::endl;
            return 1;
        }
        LogFileRead read = readLogFile(file.readAll());
        if (!read.value) {
            ctx.err << "firebreak-cli: " << Text::tr("%1: %2").arg(path, read.error) << Qt::endl;
            return 1;
        }
        lines = std::move(read.value->batch);
    }
    // Oldest first, so each pattern's example is its earliest line (lines without a time keep file order).
    lines.sortByTime(LogDirection::Forward);
    if (!fromServer && !lines.isEmpty()) {
        fromNs = lines.at(0).timestampNs;
        toNs = lines.at(lines.size() - 1).timestampNs;
    }
    const analysis::PatternResult mined = analysis::minePatterns(lines, fromNs, toNs, 0);

    if (ctx.json) {
        nlohmann::json doc;
        doc["patterns"] = nlohmann::json::array();
        for (const analysis::LogPattern& p : mined.patterns) {
            // Nanoseconds as strings, as `logs query --json` writes them (past 2^53).
            doc["patterns"].push_back({ { "id", p.id }, { "pattern", p.pattern.toStdString() }, { "count", p.count },
                { "first_ns", std::to_string(p.firstNs) }, { "last_ns", std::to_string(p.lastNs) },
                { "example", p.example.toStdString() } });
        }
        doc["lines"] = lines.size();
        doc["truncated"] = truncated;
        ctx.out << QString::fromStdString(doc.dump(2)) << '\n';
        return 0;
    }
    const QString countHeader = Text::tr("COUNT");
    int countWidth = static_cast<int>(countHeader.size());
    for (const analysis::LogPattern& p : mined.patterns)
        countWidth = std::max(countWidth, static_cast<int>(QString::number(p.count).size()));
    const int timeWidth = 19;
    ctx.out << countHeader.rightJustified(countWidth) << "  " << Text::tr("FIRST").leftJustified(timeWidth) << "  "
            << Text::tr("LAST").leftJustified(timeWidth) << "  " << Text::tr("PATTERN") << '\n';
    for (const analysis::LogPattern& p : mined.patterns) {
        ctx.out << QString::number(p.count).rightJustified(countWidth) << "  "
                << shortTime(p.firstNs).leftJustified(timeWidth) << "  " << shortTime(p.lastNs).leftJustified(timeWidth)
                << "  " << oneLine(p.pattern) << '\n';
    }
    const QString linesRead = lines.size() == 1 ? Text::tr("1 line") : Text::tr("%1 lines").arg(lines.size());
    const QString patternsFound
        = mined.patterns.size() == 1 ? Text::tr("1 pattern") : Text::tr("%1 patterns").arg(mined.patterns.size());
    ctx.err << "firebreak-cli: " << Text::tr("%1, %2").arg(linesRead, patternsFound) << Qt::endl;
    if (truncated) {
        ctx.err << "firebreak-cli: "
                << Text::tr("the limit cut the lines read (raise --limit to mine more of the range)") << Qt::endl;
    }
    return 0;
}

/// --url, --start and --end, as both `logs query` and `logs patterns --url` take them.
void addLokiRangeOptions(QCommandLineParser& parser)
{
    parser.addOption({ QStringLiteral("url"), Text::tr("base URL of Loki"), QStringLiteral("URL") });
    parser.addOption({ QStringLiteral("start"),
        Text::tr("start of the range (included): unix seconds or nanoseconds, RFC 3339, now-1h… "
                 "(default: an hour before the end)"),
        QStringLiteral("T") });
    parser.addOption(
        { QStringLiteral("end"), Text::tr("end of the range (not included; default now)"), QStringLiteral("T") });
}

} // namespace

QList<Command> logsCommands()
{
    return {
        Command { { QStringLiteral("logs"), QStringLiteral("query") },
            QStringLiteral("--url URL LOGQL [--start T --end T --limit N --direction backward|forward] [--json]"),
            Text::tr("Log lines (or a LogQL metric) from Loki; --limit may exceed the server's per-query limit."),
            [](QCommandLineParser& parser) {
                parser.addPositionalArgument(QStringLiteral("logql"), Text::tr("the LogQL query"));
                addLokiRangeOptions(parser);
                parser.addOption({ QStringLiteral("limit"),
                    Text::tr("lines at most (default 100); fetched page by page past the server's limit"),
                    QStringLiteral("N") });
                parser.addOption({ QStringLiteral("direction"),
                    Text::tr("backward: newest first (default); forward: oldest first"), QStringLiteral("D") });
                parser.addOption({ QStringLiteral("step"),
                    Text::tr("resolution of a metric query: seconds or 30s, 1m… (default: the server's)"),
                    QStringLiteral("S") });
                parser.addOption({ QStringLiteral("timeout"), Text::tr("seconds to wait per request (default 10)"),
                    QStringLiteral("S") });
            },
            logsQuery },
        Command { { QStringLiteral("logs"), QStringLiteral("patterns") },
            QStringLiteral("(FILE | --url URL LOGQL [--start T --end T --limit N]) [--json]"),
            Text::tr("Line templates mined from log lines (Drain) with their counts, first and last times."),
            [](QCommandLineParser& parser) {
                parser.addPositionalArgument(QStringLiteral("input"),
                    Text::tr("a file of log lines (`logs query --json` output, a Loki query_range answer, or plain "
                             "text; - for standard input), or with --url the LogQL query"));
                addLokiRangeOptions(parser);
                parser.addOption({ QStringLiteral("limit"),
                    Text::tr("lines at most (default %1); fetched page by page past the server's limit")
                        .arg(DefaultPatternLimit),
                    QStringLiteral("N") });
                parser.addOption({ QStringLiteral("direction"),
                    Text::tr("which lines the limit keeps: backward, the newest (default); forward, the oldest"),
                    QStringLiteral("D") });
                parser.addOption({ QStringLiteral("timeout"), Text::tr("seconds to wait per request (default 10)"),
                    QStringLiteral("S") });
            },
            logsPatterns },
    };
}

} // namespace firebreak::cli
