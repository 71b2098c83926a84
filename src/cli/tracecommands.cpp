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

/// "900 ms", "1.25 s", "850 µs": three significant digits at most, the unit that fits.
QString formatDuration(qint64 ns)
{
    const auto fixed = [](double value, const char* unit) -> QString {
        const int decimals = value >= 100 ? 0 : (value >= 10 ? 1 : 2);
        QString text = QString::number(value, 'f', decimals);
        if (text.contains(u'.')) {
            while (text.endsWith(u'0'))
                text.chop(1);
            if (text.endsWith(u'.'))
                text.chop(1);
        }
        return text + u' ' + QString::fromUtf8(unit);
    };
    const double value = static_cast<double>(ns);
    if (ns >= 1'000'000'000)
        return fixed(value / 1e9, "s");
    if (ns >= 1'000'000)
        return fixed(value / 1e6, "ms");
    if (ns >= 1'000)
        return fixed(value / 1e3, "µs");
    return QString::number(ns) + QStringLiteral(" ns");
}

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
        + formatDuration(trace.durationNs()) + u", "
        + (errors == 1 ? Text::tr("1 error") : Text::tr("%1 errors").arg(errors));
    if (!rootName.isEmpty())
        line += u", " + Text::tr("root %1: %2").arg(rootService, rootName);
    if (!output.isEmpty())
        line += u"; " + Text::tr("written to %1 (%2, %3 bytes)").arg(output, format).arg(written);
    ctx.out << line << '\n';
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
    };
}

} // namespace firebreak::cli
