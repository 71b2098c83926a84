// The headless entry point: everything it does lives in firebreak_core (src/cli).
#include "cli/cliapp.h"
#include "common/applicationinfo.h"
#include "common/logging.h"

#include <QCoreApplication>
#include <QTextStream>

using namespace firebreak;

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    // Same organisation and settings as the GUI, so both see the same data sources.
    setApplicationIdentity(QStringLiteral("firebreak"));
    QTextStream out(stdout);
    QTextStream err(stderr);

    const QStringList arguments = QCoreApplication::arguments().mid(1);
    LogLevel level = LogLevel::Warn;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        QString name;
        if (arguments.at(i) == QLatin1String("--log-level") && i + 1 < arguments.size())
            name = arguments.at(i + 1);
        else if (arguments.at(i).startsWith(QLatin1String("--log-level=")))
            name = arguments.at(i).section(u'=', 1);
        else
            continue;
        const auto parsed = logLevelFromName(name);
        if (!parsed) {
            err << "firebreak-cli: unknown log level '" << name << "' (see firebreak-cli --help)" << Qt::endl;
            return cli::BadUsage;
        }
        level = *parsed;
    }
    initLogging(QStringLiteral("firebreak-cli"), level);
    const int status = cli::run(arguments, out, err);
    out.flush();
    return status;
}
