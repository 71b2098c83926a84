// The headless entry point: everything it does lives in firebreak_core (src/cli).
#include "cli/cliapp.h"
#include "cli/command.h"
#include "common/applicationinfo.h"
#include "common/logging.h"
#include "render/markdownrenderer.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QTextStream>

#include <cstring>
#include <memory>

using namespace firebreak;

namespace {
// Typesetting a PDF needs fonts, hence a QGuiApplication; everything else stays windowless.
bool needsGui(int argc, char* argv[])
{
    bool postmortem = false;
    bool pdf = false;
    for (int i = 1; i < argc; ++i) {
        postmortem = postmortem || std::strcmp(argv[i], "postmortem") == 0;
        pdf = pdf || std::strcmp(argv[i], "--format=pdf") == 0
            || (std::strcmp(argv[i], "--format") == 0 && i + 1 < argc && std::strcmp(argv[i + 1], "pdf") == 0);
    }
    return postmortem && pdf;
}
} // namespace

int main(int argc, char* argv[])
{
    std::unique_ptr<QCoreApplication> app;
    if (needsGui(argc, argv)) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        app = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
    cli::setDocumentRenderer({ render::markdownToHtml, render::writePdf });
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
