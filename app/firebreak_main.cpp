// The GUI entry point: parses the command line, sets up logging and translations, shows the window.
#include "common/appcontext.h"
#include "common/applicationinfo.h"
#include "common/logging.h"
#include "common/mainwindow.h"
#include "common/screenshot.h"
#include "common/translations.h"
#include "traces/tracesworkspace.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QTextStream>

#include <spdlog/spdlog.h>

#include <cstdio>

using namespace firebreak;

int main(int argc, char* argv[])
{
    // Arguments are checked before QApplication exists: a typo must get a clear message and status 2,
    // even on a machine without a display, where QApplication itself would abort.
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    setApplicationIdentity(QStringLiteral("firebreak"));
    QTextStream out(stdout);
    QTextStream err(stderr);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Incident command, metrics, logs and traces on one time range."));
    const QCommandLineOption helpOption(
        { QStringLiteral("h"), QStringLiteral("help") }, QCoreApplication::translate("main", "Show this help."));
    const QCommandLineOption versionOption(
        QStringLiteral("version"), QCoreApplication::translate("main", "Show the version."));
    const QCommandLineOption screenshotOption(QStringLiteral("screenshot"),
        QCoreApplication::translate("main", "Render the window to FILE (PNG) once its data has loaded, and exit."),
        QStringLiteral("FILE"));
    const QCommandLineOption viewOption(QStringLiteral("view"),
        QCoreApplication::translate("main",
            "Workspace to show: incident, metrics, "
            "logs or traces."),
        QStringLiteral("NAME"), QStringLiteral("incident"));
    const QCommandLineOption sizeOption(QStringLiteral("size"),
        QCoreApplication::translate("main", "Window size for --screenshot, e.g. 1280x800."), QStringLiteral("WxH"),
        QStringLiteral("1280x800"));
    const QCommandLineOption logLevelOption(QStringLiteral("log-level"),
        QCoreApplication::translate("main", "trace, debug, info, warn, error or off."), QStringLiteral("LEVEL"),
        QStringLiteral("info"));
    const QCommandLineOption journalOption(QStringLiteral("journal"),
        QCoreApplication::translate("main", "Use the incident journal at PATH instead of the usual one."),
        QStringLiteral("PATH"));
    parser.addOptions(
        { helpOption, versionOption, screenshotOption, viewOption, sizeOption, logLevelOption, journalOption });
    parser.addPositionalArgument(QStringLiteral("trace"),
        QCoreApplication::translate("main", "A trace file (.pb or .json) to open in the Traces workspace."),
        QStringLiteral("[TRACE_FILE]"));
    const auto usageError = [&err](const QString& message) {
        err << "firebreak: " << message << Qt::endl;
        return 2;
    };
    if (!parser.parse(arguments))
        return usageError(parser.errorText());
    if (parser.isSet(helpOption)) {
        out << "Usage: firebreak [options] [TRACE_FILE]\n\n" << parser.applicationDescription() << "\n\n";
        const QString text = parser.helpText();
        out << text.mid(text.indexOf(QStringLiteral("Options:")));
        return 0;
    }
    if (parser.isSet(versionOption)) {
        out << "firebreak " << applicationVersion() << Qt::endl;
        return 0;
    }
    const auto level = logLevelFromName(parser.value(logLevelOption));
    if (!level)
        return usageError(
            QCoreApplication::translate("main", "unknown log level '%1'").arg(parser.value(logLevelOption)));
    const QSize size = ui::ScreenshotTaker::parseSize(parser.value(sizeOption));
    if (!size.isValid())
        return usageError(QCoreApplication::translate("main", "--size takes WxH, e.g. 1280x800"));
    if (parser.positionalArguments().size() > 1)
        return usageError(QCoreApplication::translate("main", "only one trace file can be opened"));
    const QString traceFile = parser.positionalArguments().value(0);
    const QString view = traceFile.isEmpty() || parser.isSet(viewOption) ? parser.value(viewOption).toLower()
                                                                         : QStringLiteral("traces");
    if (!ui::MainWindow::workspaceNames().contains(view))
        return usageError(QCoreApplication::translate("main", "--view takes incident, metrics, logs or traces"));

    // A screenshot needs no display: pick the offscreen platform before Qt connects to one.
    if (parser.isSet(screenshotOption) && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);

    const QString logFile = initLogging(QStringLiteral("firebreak"), *level);
    spdlog::info("event=start version={} qt={}", applicationVersion().toStdString(), qVersion());

    AppContext context;
    if (parser.isSet(journalOption))
        context.setJournalOverride(QFileInfo(parser.value(journalOption)).absoluteFilePath());
    ui::installTranslations(context.settings().language());
    ui::MainWindow window(context, logFile);
    context.health().setProfiles(context.profiles());
    context.openJournal();
    window.showWorkspace(view);
    bool traceSettled = traceFile.isEmpty();
    if (!traceFile.isEmpty()) {
        ui::TracesWorkspace* traces = window.tracesWorkspace();
        QObject::connect(traces, &ui::TracesWorkspace::documentLoaded, &app, [&traceSettled] { traceSettled = true; });
        QObject::connect(traces, &ui::TracesWorkspace::loadFailed, &app, [&traceSettled] { traceSettled = true; });
        traces->openFile(traceFile);
    }

    if (parser.isSet(screenshotOption)) {
        window.resize(size);
        window.show();
        bool journalSettled = false;
        QObject::connect(&context.journal(), &journal::JournalService::incidentsLoaded, &app,
            [&journalSettled] { journalSettled = true; });
        QObject::connect(&context.journal(), &journal::JournalService::openFailed, &app,
            [&journalSettled] { journalSettled = true; });
        QObject::connect(&context.journal(), &journal::JournalService::incidentLoaded, &app,
            [&journalSettled] { journalSettled = true; });
        const auto ready = [&context, &journalSettled, &traceSettled] {
            return journalSettled && traceSettled && !context.health().isChecking();
        };
        ui::ScreenshotTaker taker(window, ready, parser.value(screenshotOption));
        QObject::connect(&taker, &ui::ScreenshotTaker::finished, &app, [&err](bool ok, const QString& message) {
            if (!ok)
                err << "firebreak: " << message << Qt::endl;
            QCoreApplication::exit(ok ? 0 : 1);
        });
        taker.start(std::chrono::seconds(10));
        return QApplication::exec();
    }

    window.restoreSession();
    if (parser.isSet(viewOption) || !traceFile.isEmpty())
        window.showWorkspace(view);
    window.show();
    const int status = QApplication::exec();
    spdlog::info("event=exit status={}", status);
    return status;
}
