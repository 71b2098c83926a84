// fake-loki: FakeLoki as a program, for CTest fixtures and for trying the app by hand.
//   fake-loki [--port N] [--port-file FILE] [--data FILE]... [--max-lines N]
// --data takes Loki push JSON (as POST /loki/api/v1/push does); --port-file gets the port once it listens.

#include "fakeloki.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QSaveFile>
#include <QTextStream>

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("fake-loki"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("A Loki 2.9 stand-in for tests (see tests/README.md)."));
    parser.addHelpOption();
    parser.addOption({ QStringLiteral("port"), QStringLiteral("port on 127.0.0.1 (default: any free one)"),
        QStringLiteral("N"), QStringLiteral("0") });
    parser.addOption(
        { QStringLiteral("port-file"), QStringLiteral("write the port here once listening"), QStringLiteral("FILE") });
    parser.addOption({ QStringLiteral("data"), QStringLiteral("Loki push JSON to load at start (repeatable)"),
        QStringLiteral("FILE") });
    parser.addOption({ QStringLiteral("max-lines"), QStringLiteral("max_entries_limit_per_query (default 5000)"),
        QStringLiteral("N"), QStringLiteral("5000") });
    parser.process(app);

    QTextStream err(stderr);
    bool ok = false;
    const int maxLines = parser.value(QStringLiteral("max-lines")).toInt(&ok);
    if (!ok || maxLines < 0) {
        err << "fake-loki: --max-lines takes a number" << Qt::endl;
        return 2;
    }
    const int port = parser.value(QStringLiteral("port")).toInt(&ok);
    if (!ok || port < 0 || port > 65535) {
        err << "fake-loki: --port takes a port number" << Qt::endl;
        return 2;
    }

    firebreak::test::FakeLoki loki;
    loki.setMaxEntriesPerQuery(maxLines);
    for (const QString& path : parser.values(QStringLiteral("data"))) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            err << "fake-loki: cannot read " << path << ": " << file.errorString() << Qt::endl;
            return 1;
        }
        const QString problem = loki.push(file.readAll());
        if (!problem.isEmpty()) {
            err << "fake-loki: " << path << ": " << problem << Qt::endl;
            return 1;
        }
    }
    if (!loki.listen(static_cast<quint16>(port))) {
        err << "fake-loki: cannot listen on 127.0.0.1:" << port << Qt::endl;
        return 1;
    }
    const QString portFile = parser.value(QStringLiteral("port-file"));
    if (!portFile.isEmpty()) {
        // Written whole or not at all: whoever waits for the file never reads half a number.
        QSaveFile file(portFile);
        if (!file.open(QIODevice::WriteOnly) || file.write(QByteArray::number(loki.http().port()) + '\n') < 0
            || !file.commit()) {
            err << "fake-loki: cannot write " << portFile << Qt::endl;
            return 1;
        }
    }
    QTextStream(stdout) << "fake-loki: " << loki.lineCount() << " lines in " << loki.streamCount()
                        << " streams, listening on " << loki.url() << Qt::endl;
    return app.exec();
}
