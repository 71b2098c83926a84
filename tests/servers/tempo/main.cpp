// fake-tempo: FakeTempo as a program, for CTest fixtures and for trying the app by hand.
//   fake-tempo [--port N] [--port-file FILE] [--grpc-port N] [--grpc-port-file FILE] [--data FILE]... [--no-v2]
//              [--no-grpc] [--stream-messages N] [--stream-interval-ms MS] [--max-trace-bytes N]
// --data takes OTLP JSON (as POST /v1/traces does); the port files get the ports once the servers listen.

#include "faketempo.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QSaveFile>
#include <QTextStream>

namespace {

bool writePort(const QString& path, int port)
{
    if (path.isEmpty())
        return true;
    // Written whole or not at all: whoever waits for the file never reads half a number.
    QSaveFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(QByteArray::number(port) + '\n') >= 0 && file.commit();
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("fake-tempo"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("A Tempo 2.2 stand-in for tests (see tests/README.md)."));
    parser.addHelpOption();
    parser.addOption({ QStringLiteral("port"), QStringLiteral("HTTP port on 127.0.0.1 (default: any free one)"),
        QStringLiteral("N"), QStringLiteral("0") });
    parser.addOption({ QStringLiteral("port-file"), QStringLiteral("write the HTTP port here once listening"),
        QStringLiteral("FILE") });
    parser.addOption({ QStringLiteral("grpc-port"), QStringLiteral("gRPC port on 127.0.0.1 (default: any free one)"),
        QStringLiteral("N"), QStringLiteral("0") });
    parser.addOption({ QStringLiteral("grpc-port-file"), QStringLiteral("write the gRPC port here once listening"),
        QStringLiteral("FILE") });
    parser.addOption({ QStringLiteral("no-grpc"), QStringLiteral("no gRPC server (streaming search absent)") });
    parser.addOption(
        { QStringLiteral("data"), QStringLiteral("OTLP JSON to load at start (repeatable)"), QStringLiteral("FILE") });
    parser.addOption({ QStringLiteral("no-v2"), QStringLiteral("no /api/v2/traces, like Tempo 2.2.4") });
    parser.addOption({ QStringLiteral("stream-messages"), QStringLiteral("messages per streamed search (default 3)"),
        QStringLiteral("N"), QStringLiteral("3") });
    parser.addOption({ QStringLiteral("stream-interval-ms"),
        QStringLiteral("pause between streamed messages (default 50)"), QStringLiteral("MS"), QStringLiteral("50") });
    parser.addOption(
        { QStringLiteral("max-trace-bytes"), QStringLiteral("refuse larger traces as Tempo does (default: no limit)"),
            QStringLiteral("N"), QStringLiteral("0") });
    parser.process(app);

    QTextStream err(stderr);
    const auto number = [&](const char* name, int min, int max) -> std::optional<int> {
        bool ok = false;
        const int value = parser.value(QLatin1String(name)).toInt(&ok);
        if (!ok || value < min || value > max) {
            err << "fake-tempo: --" << name << " takes a number from " << min << " to " << max << Qt::endl;
            return std::nullopt;
        }
        return value;
    };
    const auto port = number("port", 0, 65535);
    const auto grpcPort = number("grpc-port", 0, 65535);
    const auto messages = number("stream-messages", 1, 1000);
    const auto interval = number("stream-interval-ms", 0, 600000);
    const auto maxBytes = number("max-trace-bytes", 0, std::numeric_limits<int>::max());
    if (!port || !grpcPort || !messages || !interval || !maxBytes)
        return 2;

    firebreak::test::FakeTempo tempo;
    tempo.setV2TracesEnabled(!parser.isSet(QStringLiteral("no-v2")));
    tempo.setStreamProgress(*messages, *interval);
    tempo.setMaxTraceBytes(*maxBytes);
    for (const QString& path : parser.values(QStringLiteral("data"))) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            err << "fake-tempo: cannot read " << path << ": " << file.errorString() << Qt::endl;
            return 1;
        }
        const QString problem = tempo.pushJson(file.readAll());
        if (!problem.isEmpty()) {
            err << "fake-tempo: " << path << ": " << problem << Qt::endl;
            return 1;
        }
    }
    if (!parser.isSet(QStringLiteral("no-grpc")) && !tempo.listenGrpc(static_cast<quint16>(*grpcPort))) {
        err << "fake-tempo: cannot listen for gRPC on 127.0.0.1:" << *grpcPort << Qt::endl;
        return 1;
    }
    if (!tempo.listen(static_cast<quint16>(*port))) {
        err << "fake-tempo: cannot listen on 127.0.0.1:" << *port << Qt::endl;
        return 1;
    }
    // The gRPC port first: a fixture that sees the HTTP port file may use both at once.
    if (!parser.isSet(QStringLiteral("no-grpc"))
        && !writePort(parser.value(QStringLiteral("grpc-port-file")), tempo.grpcPort())) {
        err << "fake-tempo: cannot write " << parser.value(QStringLiteral("grpc-port-file")) << Qt::endl;
        return 1;
    }
    if (!writePort(parser.value(QStringLiteral("port-file")), tempo.http().port())) {
        err << "fake-tempo: cannot write " << parser.value(QStringLiteral("port-file")) << Qt::endl;
        return 1;
    }
    QTextStream out(stdout);
    out << "fake-tempo: " << tempo.spanCount() << " spans in " << tempo.traceCount() << " traces, listening on "
        << tempo.url();
    if (!parser.isSet(QStringLiteral("no-grpc")))
        out << ", gRPC on " << tempo.grpcAddress();
    out << Qt::endl;
    return app.exec();
}
