// The GUI entry point: parses the command line, sets up logging and translations, shows the window.
#include "common/appcontext.h"
#include "common/applicationinfo.h"
#include "common/logging.h"
#include "common/mainwindow.h"
#include "common/screenshot.h"
#include "common/translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTextStream>

#include <spdlog/spdlog.h>

#include <cstdio>

using namespace firebreak;

int main(int argc, char* argv[])
{
    // A screenshot needs no display: pick the offscreen platform before Qt connects to one.
    for (int i = 1; i < argc; ++i) {
        if (qstrcmp(argv[i], "--screenshot") == 0 && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QApplication app(argc, argv);
    setApplicationIdentity(QStringLiteral("firebreak"));
    QTextStream err(stderr);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Incident command, metrics, logs and traces on one time range."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption screenshotOption(QStringLiteral("screenshot"),
        QApplication::translate("main", "Render the window to FILE (PNG) and exit."), QStringLiteral("FILE"));
    const QCommandLineOption viewOption(QStringLiteral("view"),
        QApplication::translate("main",
            "Workspace to show: incident, metrics, "
            "logs or traces."),
        QStringLiteral("NAME"), QStringLiteral("incident"));
    const QCommandLineOption sizeOption(QStringLiteral("size"),
        QApplication::translate("main", "Window size for --screenshot, e.g. 1280x800."), QStringLiteral("WxH"),
        QStringLiteral("1280x800"));
    const QCommandLineOption logLevelOption(QStringLiteral("log-level"),
        QApplication::translate("main", "trace, debug, info, warn, error or off."), QStringLiteral("LEVEL"),
        QStringLiteral("info"));
    parser.addOptions({ screenshotOption, viewOption, sizeOption, logLevelOption });
    if (!parser.parse(QApplication::arguments())) {
        err << "firebreak: " << parser.errorText() << Qt::endl;
        return 2;
    }
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(0);
    if (parser.isSet(QStringLiteral("version")))
        parser.showVersion();

    const auto level = logLevelFromName(parser.value(logLevelOption));
    const QSize size = ui::ScreenshotTaker::parseSize(parser.value(sizeOption));
    const QString view = parser.value(viewOption).toLower();
    if (!level || !size.isValid() || !ui::MainWindow::workspaceNames().contains(view)) {
        err << "firebreak: "
            << (!level ? QApplication::translate("main", "unknown log level '%1'").arg(parser.value(logLevelOption))
                       : !size.isValid()
                       ? QApplication::translate("main", "--size takes WIDTHxHEIGHT, e.g. 1280x800")
                       : QApplication::translate("main", "--view takes incident, metrics, logs or traces"))
            << Qt::endl;
        return 2;
    }
    const QString logFile = initLogging(QStringLiteral("firebreak"), *level);
    spdlog::info("event=start version={} qt={}", applicationVersion().toStdString(), qVersion());

    AppContext context;
    ui::installTranslations(context.settings().language());
    ui::MainWindow window(context, logFile);
    context.health().setProfiles(context.profiles());
    window.showWorkspace(view);

    if (parser.isSet(screenshotOption)) {
        window.resize(size);
        window.show();
        ui::ScreenshotTaker taker(window, context.health(), parser.value(screenshotOption));
        QObject::connect(&taker, &ui::ScreenshotTaker::finished, &app, [&err](bool ok, const QString& message) {
            if (!ok)
                err << "firebreak: " << message << Qt::endl;
            QCoreApplication::exit(ok ? 0 : 1);
        });
        taker.start(std::chrono::seconds(10));
        return QApplication::exec();
    }

    window.restoreSession();
    if (parser.isSet(viewOption))
        window.showWorkspace(view);
    window.show();
    const int status = QApplication::exec();
    spdlog::info("event=exit status={}", status);
    return status;
}
