#include "analysis/durationtext.h"
#include "analysis/tracedocument.h"
#include "analysis/tracestatistics.h"
#include "backends/tempo/tempoclient.h"
#include "command.h"
#include "model/tracewriter.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QFileInfo>
#include <QSaveFile>
#include <QTextStream>

#include <nlohmann/json.hpp>

namespace firebreak::cli {

using namespace firebreak::tempo;

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Cli)
};

/// The root span's service and name ("frontend: GET /checkout"), or empty when the trace has no root.
std::pair<QString, QString> rootSpan(const Trace& trace)
{
    for (qsizetype i = 0; i < trace.spanCount(); ++i) {
        if (trace.isRoot(i))
            return { trace.string(trace.services[i]), trace.string(trace.names[i]) };
    }
    return {};
}

int traceGet(CommandContext& ctx, const QCommandLineParser& parser)
{
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1)
        throw UsageError { Text::tr("give exactly one trace id") };
    const QString id = normalizedTraceId(positional.first());
    if (id.isEmpty())
        throw UsageError { Text::tr("'%1' is not a trace id (1 to 32 hexadecimal digits)").arg(positional.first()) };
    if (!parser.isSet(QStringLiteral("url")))
        throw UsageError { Text::tr("--url is required (the base URL of Tempo)") };
    const QString output = parser.value(QStringLiteral("output"));
    if (parser.isSet(QStringLiteral("output")) && output.isEmpty())
        throw UsageError { Text::tr("-o needs a file name") };

    net::ConnectionProfile profile;
    profile.kind = net::BackendKind::Tempo;
    profile.name = net::kindDisplayName(profile.kind);
    profile.baseUrl = QUrl(parser.value(QStringLiteral("url")), QUrl::StrictMode);
    applyTimeoutAndValidate(parser, profile);

    net::HttpClient http;
    TempoClient client(http, profile);
    QEventLoop loop;
    std::optional<Answer<TraceResult>> answer;
    client.traceById(id, &loop, [&](Answer<TraceResult> a) {
        answer = std::move(a);
        loop.quit();
    });
    loop.exec();

    if (!answer->ok()) {
        ctx.err << "firebreak-cli: " << answer->error->message.simplified() << Qt::endl;
        return 1;
    }
    for (const QString& warning : answer->warnings)
        ctx.err << "firebreak-cli: " << Text::tr("warning: %1").arg(warning.simplified()) << '\n';
    const TraceResult& result = *answer->value;
    const Trace& trace = *result.trace;

    QString format;
    qint64 written = 0;
    if (!output.isEmpty()) {
        const bool json = output.endsWith(QLatin1String(".json"), Qt::CaseInsensitive);
        format = json ? QStringLiteral("otlp-json") : QStringLiteral("protobuf");
        const QByteArray bytes = json ? traceToOtlpJson(trace, true) + '\n' : result.protobuf;
        QSaveFile file(output);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
            ctx.err << "firebreak-cli: " << Text::tr("cannot write %1: %2").arg(output, file.errorString()) << Qt::endl;
            return 1;
        }
        written = bytes.size();
    }

    const auto [rootService, rootName] = rootSpan(trace);
    if (ctx.json) {
        nlohmann::json doc;
        doc["trace_id"] = trace.traceId().toHex().toStdString();
        doc["spans"] = trace.spanCount();
        doc["services"] = trace.serviceCount();
        doc["duration_ns"] = trace.durationNs();
        doc["errors"] = trace.errorCount();
        doc["start_ns"] = trace.startTimeNs();
        doc["root_service"] = rootService.toStdString();
        doc["root_span"] = rootName.toStdString();
        doc["source"] = result.url.toStdString();
        doc["answered"] = result.answeredJson ? "json" : "protobuf";
        if (!output.isEmpty()) {
            doc["file"] = output.toStdString();
            doc["format"] = format.toStdString();
            doc["bytes"] = written;
        }
        doc["warnings"] = nlohmann::json::array();
        for (const QString& warning : answer->warnings)
            doc["warnings"].push_back(warning.toStdString());
        ctx.out << QString::fromStdString(doc.dump(2)) << '\n';
        return 0;
    }
    const qsizetype spans = trace.spanCount();
    const qsizetype services = trace.serviceCount();
    const qsizetype errors = trace.errorCount();
    QString line = id + u": " + (spans == 1 ? Text::tr("1 span") : Text::tr("%1 spans").arg(spans)) + u", "
        + (services == 1 ? Text::tr("1 service") : Text::tr("%1 services").arg(services)) + u", "
        + analysis::formatDurationNs(trace.durationNs()) + u", "
        + (errors == 1 ? Text::tr("1 error") : Text::tr("%1 errors").arg(errors));
    if (!rootName.isEmpty())
        line += u", " + Text::tr("root %1: %2").arg(rootService, rootName);
    if (!output.isEmpty())
        line += u"; " + Text::tr("written to %1 (%2, %3 bytes)").arg(output, format).arg(written);
    ctx.out << line << '\n';
    return 0;
}

QString spansText(qsizetype spans)
{
    return spans == 1 ? Text::tr("1 span") : Text::tr("%1 spans").arg(spans);
}

int traceStats(CommandContext& ctx, const QCommandLineParser& parser)
{
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1)
        throw UsageError { Text::tr("trace stats takes one FILE (OTLP protobuf .pb, or OTLP / Tempo JSON)") };
    const QString path = positional.first();
    const analysis::TraceDocumentResult result = analysis::loadTraceDocumentFile(path);
    if (!result.ok()) {
        ctx.err << "firebreak-cli: " << Text::tr("cannot read the trace: %1").arg(result.error->text()) << Qt::endl;
        return 1;
    }
    const analysis::TraceDocument& document = *result.document;
    const Trace& trace = document.trace;
    const analysis::TraceStatistics statistics = analysis::TraceStatistics::compute(trace, document.tree);
    const qsizetype rootIndex = document.tree.roots.empty() ? -1 : document.tree.roots.front();

    if (ctx.json) {
        nlohmann::json doc;
        doc["file"] = path.toStdString();
        doc["trace_id"] = trace.traceId().toHex().toStdString();
        doc["spans"] = trace.spanCount();
        doc["services"] = trace.serviceCount();
        if (rootIndex >= 0) {
            doc["root_span"] = { { "span_id", spanIdToHex(trace.spanIds[rootIndex]).toStdString() },
                { "service", trace.string(trace.services[rootIndex]).toStdString() },
                { "name", trace.string(trace.names[rootIndex]).toStdString() } };
        } else {
            doc["root_span"] = nullptr;
        }
        doc["duration_ns"] = trace.durationNs();
        doc["errors"] = trace.errorCount();
        doc["depth"] = trace.isEmpty() ? 0 : document.tree.maxDepth + 1;
        qsizetype orphans = 0;
        for (qsizetype span = 0; span < trace.spanCount(); ++span)
            orphans += trace.isOrphan(span) ? 1 : 0;
        doc["orphans"] = orphans;
        doc["skew_adjusted_spans"] = document.tree.adjustedSpans;
        doc["critical_path"] = nlohmann::json::array();
        for (const std::int32_t span : document.criticalPath.spans)
            doc["critical_path"].push_back(spanIdToHex(trace.spanIds[span]).toStdString());
        doc["by_service"] = nlohmann::json::array();
        for (const analysis::SpanGroupStatistics& group : statistics.services) {
            doc["by_service"].push_back(
                { { "service", group.service.toStdString() }, { "spans", group.count }, { "errors", group.errors },
                    { "total_ns", group.totalNs }, { "self_ns", group.selfNs }, { "p95_ns", group.p95Ns } });
        }
        doc["parse_ms"] = document.parseMs;
        doc["layout_ms"] = document.layoutMs;
        doc["warnings"] = nlohmann::json::array();
        for (const QString& warning : document.warnings)
            doc["warnings"].push_back(warning.toStdString());
        ctx.out << QString::fromStdString(doc.dump(2)) << '\n';
        return 0;
    }

    ctx.out << Text::tr("trace %1: %2, %3 services, %4, %5 errors, depth %6")
                   .arg(trace.traceId().toHex(), spansText(trace.spanCount()))
                   .arg(trace.serviceCount())
                   .arg(analysis::formatDurationNs(trace.durationNs()))
                   .arg(trace.errorCount())
                   .arg(trace.isEmpty() ? 0 : document.tree.maxDepth + 1)
            << '\n';
    if (rootIndex >= 0)
        ctx.out << Text::tr("root: %1: %2")
                       .arg(trace.string(trace.services[rootIndex]), trace.string(trace.names[rootIndex]))
                << '\n';
    ctx.out << Text::tr("critical path: %1 (%2)")
                   .arg(spansText(static_cast<qsizetype>(document.criticalPath.spans.size())))
                   .arg(analysis::formatDurationNs(trace.durationNs()))
            << '\n';
    for (std::size_t i = 0; i < document.criticalPath.spans.size() && i < 10; ++i) {
        const std::int32_t span = document.criticalPath.spans[i];
        ctx.out << QStringLiteral("  %1  %2: %3  %4\n")
                       .arg(spanIdToHex(trace.spanIds[span]), trace.string(trace.services[span]),
                           trace.string(trace.names[span]),
                           analysis::formatDurationNs(document.criticalPath.timeOnPathNs[i]));
    }
    if (document.criticalPath.spans.size() > 10)
        ctx.out << Text::tr("  … and %1 more").arg(document.criticalPath.spans.size() - 10) << '\n';
    ctx.out << Text::tr("by service (spans, errors, total, self, p95):") << '\n';
    for (const analysis::SpanGroupStatistics& group : statistics.services) {
        ctx.out << QStringLiteral("  %1  %2  %3  %4  %5  %6\n")
                       .arg(group.service)
                       .arg(group.count)
                       .arg(group.errors)
                       .arg(analysis::formatDurationNs(group.totalNs), analysis::formatDurationNs(group.selfNs),
                           analysis::formatDurationNs(group.p95Ns));
    }
    ctx.out << Text::tr("parsed in %1 ms, laid out in %2 ms")
                   .arg(QString::number(document.parseMs, 'f', 1), QString::number(document.layoutMs, 'f', 1))
            << '\n';
    return 0;
}

} // namespace

QList<Command> traceCommands()
{
    return {
        Command { { QStringLiteral("trace"), QStringLiteral("get") }, QStringLiteral("--url URL ID [-o FILE] [--json]"),
            Text::tr("Fetch a trace from Tempo: a summary, and with -o the trace itself (protobuf as received, or "
                     "OTLP JSON when FILE ends in .json)."),
            [](QCommandLineParser& parser) {
                parser.addPositionalArgument(QStringLiteral("id"), Text::tr("the trace id (hex)"));
                parser.addOption({ QStringLiteral("url"), Text::tr("base URL of Tempo"), QStringLiteral("URL") });
                parser.addOption({ { QStringLiteral("o"), QStringLiteral("output") },
                    Text::tr("write the trace to FILE (.json: OTLP JSON; otherwise protobuf)"),
                    QStringLiteral("FILE") });
                parser.addOption(
                    { QStringLiteral("timeout"), Text::tr("seconds to wait (default 10)"), QStringLiteral("S") });
            },
            traceGet },
        Command { { QStringLiteral("trace"), QStringLiteral("stats") }, QStringLiteral("FILE [--json]"),
            Text::tr("Read a trace file (OTLP protobuf, or OTLP / Tempo JSON) and print its shape, critical path and "
                     "per-service statistics, with the time taken to parse and lay it out."),
            [](QCommandLineParser& parser) {
                parser.addPositionalArgument(QStringLiteral("file"), Text::tr("the trace file"));
            },
            traceStats },
    };
}

} // namespace firebreak::cli
