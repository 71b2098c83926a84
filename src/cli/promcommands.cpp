#include "backends/prometheus/prometheusclient.h"
#include "command.h"
#include "timearguments.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QEventLoop>
#include <QTextStream>

#include <nlohmann/json.hpp>

#include <charconv>
#include <cmath>

namespace firebreak::cli {

using namespace firebreak::prometheus;

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Cli)
};

// A terminal (or a script) rarely wants more; the server limit of 11,000 per request is handled by splitting.
constexpr qint64 DefaultPoints = 1000;
constexpr qint64 MaxPoints = 1000000;

QString formatValue(double value)
{
    if (std::isnan(value))
        return QStringLiteral("NaN");
    if (std::isinf(value))
        return value > 0 ? QStringLiteral("+Inf") : QStringLiteral("-Inf");
    char buffer[32];
    const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value); // shortest round trip
    return QString::fromLatin1(buffer, ec == std::errc() ? end - buffer : 0);
}

QString escapeLabelValue(const QString& value)
{
    QString out = value;
    out.replace(u'\\', QLatin1String("\\\\")).replace(u'"', QLatin1String("\\\"")).replace(u'\n', QLatin1String("\\n"));
    return out;
}

/// `name{a="b", c="d"}` as Prometheus shows a series.
QString formatLabels(const LabelSet& labels)
{
    QStringList pairs;
    for (auto it = labels.cbegin(); it != labels.cend(); ++it) {
        if (it.key() != QLatin1String("__name__"))
            pairs << it.key() + QStringLiteral("=\"") + escapeLabelValue(it.value()) + u'"';
    }
    const QString name = labels.value(QStringLiteral("__name__"));
    if (!name.isEmpty() && pairs.isEmpty())
        return name;
    return name + u'{' + pairs.join(QStringLiteral(", ")) + u'}';
}

nlohmann::json jsonTime(qint64 ms)
{
    if (ms % 1000 == 0)
        return ms / 1000;
    return static_cast<double>(ms) / 1000.0;
}

nlohmann::json jsonValue(double value)
{
    if (std::isfinite(value))
        return value;
    return formatValue(value).toStdString(); // JSON has no NaN or infinity: Prometheus' own spelling
}

nlohmann::json toJson(const QString& expr, const QueryResult& result, const QStringList& warnings)
{
    nlohmann::json doc;
    doc["query"] = expr.toStdString();
    doc["result_type"] = resultTypeName(result.type).toStdString();
    doc["series"] = nlohmann::json::array();
    for (const Series& s : result.series) {
        nlohmann::json labels = nlohmann::json::object();
        for (auto it = s.labels.cbegin(); it != s.labels.cend(); ++it)
            labels[it.key().toStdString()] = it.value().toStdString();
        nlohmann::json samples = nlohmann::json::array();
        for (std::size_t i = 0; i < s.timesMs.size(); ++i)
            samples.push_back({ jsonTime(s.timesMs[i]), jsonValue(s.values[i]) });
        doc["series"].push_back({ { "labels", std::move(labels) }, { "samples", std::move(samples) } });
    }
    if (result.type == ResultType::String) {
        doc["text"] = result.text.toStdString();
        doc["time"] = jsonTime(result.textTimeMs);
    }
    doc["warnings"] = nlohmann::json::array();
    for (const QString& warning : warnings)
        doc["warnings"].push_back(warning.toStdString());
    return doc;
}

void printText(QTextStream& out, const QueryResult& result)
{
    switch (result.type) {
    case ResultType::String:
        out << result.text << '\n';
        return;
    case ResultType::Scalar:
        for (const Series& s : result.series)
            out << formatValue(s.values.front()) << '\n';
        return;
    case ResultType::Vector:
        for (const Series& s : result.series)
            out << formatLabels(s.labels) << ' ' << formatValue(s.values.front()) << '\n';
        return;
    case ResultType::Matrix:
        for (const Series& s : result.series) {
            out << formatLabels(s.labels) << '\n';
            for (std::size_t i = 0; i < s.timesMs.size(); ++i)
                out << "  " << formatTimeUtc(s.timesMs[i]) << ' ' << formatValue(s.values[i]) << '\n';
        }
        return;
    }
}

qint64 timeOption(const QCommandLineParser& parser, const QString& name, qint64 nowMs)
{
    const QString value = parser.value(name);
    const auto ms = parseTimeMs(value, nowMs);
    if (!ms) {
        throw UsageError {
            Text::tr("--%1 '%2' is not a time (unix seconds, RFC 3339, now or now-1h)").arg(name, value)
        };
    }
    return *ms;
}

int promQuery(CommandContext& ctx, const QCommandLineParser& parser)
{
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1 || positional.first().trimmed().isEmpty())
        throw UsageError { Text::tr("give exactly one PromQL expression") };
    const QString expr = positional.first();
    if (!parser.isSet(QStringLiteral("url")))
        throw UsageError { Text::tr("--url is required (the base URL of Prometheus)") };

    net::ConnectionProfile profile;
    profile.kind = net::BackendKind::Prometheus;
    profile.name = net::kindDisplayName(profile.kind);
    profile.baseUrl = QUrl(parser.value(QStringLiteral("url")), QUrl::StrictMode);
    applyTimeoutAndValidate(parser, profile);

    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    const bool isRange = parser.isSet(QStringLiteral("start"));
    if (!isRange && parser.isSet(QStringLiteral("step")))
        throw UsageError { Text::tr("--step needs --start (a range query)") };
    std::optional<qint64> endMs;
    if (parser.isSet(QStringLiteral("end")))
        endMs = timeOption(parser, QStringLiteral("end"), nowMs);

    RangeQuery range { expr, 0, endMs.value_or(nowMs), 0 };
    if (isRange) {
        range.startMs = timeOption(parser, QStringLiteral("start"), nowMs);
        if (range.endMs < range.startMs)
            throw UsageError { Text::tr("--end is before --start") };
        if (parser.isSet(QStringLiteral("step"))) {
            const auto step = parseStepMs(parser.value(QStringLiteral("step")));
            if (!step)
                throw UsageError { Text::tr("--step '%1' is not a step (seconds, or a duration such as 30s or 1m)")
                                       .arg(parser.value(QStringLiteral("step"))) };
            range.stepMs = *step;
        } else {
            // About DefaultPoints points, in whole seconds.
            const qint64 span = range.endMs - range.startMs;
            range.stepMs = std::max<qint64>(1000, (span / (DefaultPoints - 1) + 999) / 1000 * 1000);
        }
        if (PrometheusClient::pointCount(range) > MaxPoints) {
            throw UsageError { Text::tr("%1 points per series is too many (at most %2): choose a larger --step")
                                   .arg(PrometheusClient::pointCount(range))
                                   .arg(MaxPoints) };
        }
    }

    net::HttpClient http;
    PrometheusClient client(http, profile);
    QEventLoop loop;
    std::optional<Answer<QueryResult>> answer;
    const auto done = [&](Answer<QueryResult> a) {
        answer = std::move(a);
        loop.quit();
    };
    if (isRange)
        client.queryRange(range, &loop, done);
    else
        client.query(expr, endMs, &loop, done);
    loop.exec();

    if (!answer->ok()) {
        ctx.err << "firebreak-cli: " << answer->error->message.simplified() << Qt::endl;
        return 1;
    }
    if (ctx.json) {
        ctx.out << QString::fromStdString(toJson(expr, *answer->value, answer->warnings).dump(2)) << '\n';
        return 0;
    }
    for (const QString& warning : answer->warnings)
        ctx.err << "firebreak-cli: " << Text::tr("warning: %1").arg(warning.simplified()) << '\n';
    printText(ctx.out, *answer->value);
    return 0;
}

} // namespace

QList<Command> prometheusCommands()
{
    return {
        Command { { QStringLiteral("prom"), QStringLiteral("query") },
            QStringLiteral("--url URL EXPR [--start T --end T --step S] [--json]"),
            Text::tr("Evaluate PromQL: at one time (without --start), or over a range."),
            [](QCommandLineParser& parser) {
                parser.addPositionalArgument(QStringLiteral("expr"), Text::tr("the PromQL expression"));
                parser.addOption({ QStringLiteral("url"), Text::tr("base URL of Prometheus"), QStringLiteral("URL") });
                parser.addOption({ QStringLiteral("start"),
                    Text::tr("start of a range query: unix seconds, RFC 3339, now or now-1h"), QStringLiteral("T") });
                parser.addOption({ QStringLiteral("end"),
                    Text::tr("end of the range, or the time of an instant query (default now)"), QStringLiteral("T") });
                parser.addOption({ QStringLiteral("step"),
                    Text::tr("resolution of a range query: seconds or 30s, 1m… (default: about 1000 points)"),
                    QStringLiteral("S") });
                parser.addOption(
                    { QStringLiteral("timeout"), Text::tr("seconds to wait (default 10)"), QStringLiteral("S") });
            },
            promQuery },
    };
}

} // namespace firebreak::cli
