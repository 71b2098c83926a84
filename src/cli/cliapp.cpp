#include "cliapp.h"

#include "command.h"
#include "common/applicationinfo.h"
#include "journal/journal.h"
#include "net/connectionprofile.h"

#include <QCoreApplication>
#include <QTextStream>

#include <nlohmann/json.hpp>

namespace firebreak::cli {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Cli)
};

QList<Command> allCommands()
{
    QList<Command> commands;
    commands += incidentCommands();
    commands += sourceCommands();
    commands += prometheusCommands();
    commands += logsCommands();
    commands += traceCommands();
    return commands;
}

void printHelp(QTextStream& out, const QList<Command>& commands)
{
    out << Text::tr("Usage: firebreak-cli [--journal PATH] [--json] [--log-level LEVEL] COMMAND [ARGS]") << "\n\n"
        << Text::tr("Incident journal, metrics, logs and traces from the command line.") << "\n\n"
        << Text::tr("Commands:") << "\n";
    for (const Command& command : commands) {
        out << "  " << command.words.join(u' ') << u' ' << command.synopsis << '\n'
            << "      " << command.summary << '\n';
    }
    out << '\n'
        << Text::tr("Global options:") << '\n'
        << "  --journal PATH     "
        << Text::tr("incident journal to use (default %1)").arg(journal::Journal::defaultPath()) << '\n'
        << "  --json             " << Text::tr("machine-readable output") << '\n'
        << "  --log-level LEVEL  " << Text::tr("trace, debug, info, warn, error or off (log file only)") << '\n'
        << "  --help, -h         " << Text::tr("this text; COMMAND --help describes one command") << '\n'
        << "  --version          " << Text::tr("versions of firebreak-cli and its libraries") << '\n'
        << '\n'
        << Text::tr("Exit status: 0 success, 1 failure (one line on stderr), 2 bad usage.") << '\n';
}

void printVersion(QTextStream& out, bool json)
{
    if (json) {
        nlohmann::json doc;
        doc["firebreak"] = applicationVersion().toStdString();
        for (const auto& [name, version] : libraryVersions())
            doc["libraries"][name.toStdString()] = version.toStdString();
        out << QString::fromStdString(doc.dump(2)) << '\n';
        return;
    }
    out << "firebreak-cli " << applicationVersion() << '\n';
    for (const auto& [name, version] : libraryVersions())
        out << "  " << name << ' ' << version << '\n';
}

void printCommandHelp(QTextStream& out, const Command& command)
{
    QCommandLineParser parser;
    if (command.declareOptions)
        command.declareOptions(parser);
    out << "Usage: firebreak-cli " << command.words.join(u' ') << ' ' << command.synopsis << "\n\n"
        << command.summary << "\n";
    const QString options = parser.helpText();
    const qsizetype at = options.indexOf(QStringLiteral("Options:"));
    if (at >= 0)
        out << '\n' << options.mid(at);
}

} // namespace

void parseOrThrow(QCommandLineParser& parser, const Command& command, const QStringList& arguments)
{
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    if (command.declareOptions)
        command.declareOptions(parser);
    // QCommandLineParser expects the program name first.
    if (!parser.parse(QStringList { QStringLiteral("firebreak-cli") } + arguments))
        throw UsageError { parser.errorText() };
}

void applyTimeoutAndValidate(const QCommandLineParser& parser, net::ConnectionProfile& profile)
{
    if (parser.isSet(QStringLiteral("timeout"))) {
        bool ok = false;
        const double seconds = parser.value(QStringLiteral("timeout")).toDouble(&ok);
        if (!ok || seconds <= 0)
            throw UsageError { Text::tr("--timeout takes a number of seconds") };
        profile.timeout = std::chrono::milliseconds(static_cast<qint64>(seconds * 1000));
    }
    const QStringList problems = net::validate(profile);
    if (!problems.isEmpty())
        throw UsageError { problems.first() };
}

int run(const QStringList& arguments, QTextStream& out, QTextStream& err)
{
    const QList<Command> commands = allCommands();
    const auto usage = [&err](const QString& message) {
        err << "firebreak-cli: " << message << ' ' << Text::tr("(see firebreak-cli --help)") << Qt::endl;
        return BadUsage;
    };

    QStringList rest;
    QString journalPath;
    bool json = false;
    bool help = false;
    bool version = false;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString& arg = arguments.at(i);
        if (arg == QLatin1String("--json")) {
            json = true;
        } else if (arg == QLatin1String("--journal") || arg.startsWith(QLatin1String("--journal="))) {
            if (arg.contains(u'='))
                journalPath = arg.section(u'=', 1);
            else if (i + 1 < arguments.size())
                journalPath = arguments.at(++i);
            if (journalPath.isEmpty())
                return usage(Text::tr("--journal needs the path of a journal file"));
        } else if (arg == QLatin1String("--help") || arg == QLatin1String("-h")) {
            help = true;
        } else if (arg == QLatin1String("--version")) {
            version = true;
        } else if (arg == QLatin1String("--log-level")) {
            ++i; // consumed by main(), which sets up logging before anything runs
        } else if (arg.startsWith(QLatin1String("--log-level="))) {
            continue;
        } else {
            rest << arg;
        }
    }

    if (rest.isEmpty()) {
        if (version) {
            printVersion(out, json);
            return Success;
        }
        if (help) {
            printHelp(out, commands);
            return Success;
        }
        printHelp(err, commands);
        return BadUsage;
    }

    const Command* match = nullptr;
    for (const Command& command : commands) {
        if (rest.size() >= command.words.size() && rest.mid(0, command.words.size()) == command.words) {
            if (!match || command.words.size() > match->words.size())
                match = &command;
        }
    }
    if (!match) {
        bool knownArea = false;
        for (const Command& command : commands)
            knownArea = knownArea || command.words.first() == rest.first();
        if (knownArea)
            return usage(Text::tr("'%1' needs a subcommand or has an unknown one").arg(rest.join(u' ')));
        return usage(Text::tr("unknown command '%1'").arg(rest.first()));
    }
    if (help) {
        printCommandHelp(out, *match);
        return Success;
    }

    CommandContext context { rest.mid(match->words.size()), out, err, json,
        journalPath.isEmpty() ? journal::Journal::defaultPath() : journalPath };
    try {
        QCommandLineParser parser;
        parseOrThrow(parser, *match, context.arguments);
        return match->execute(context, parser);
    } catch (const UsageError& e) {
        return usage(e.message);
    } catch (const std::exception& e) {
        // One line, whatever the message holds (SQLite's integrity reports span several).
        err << "firebreak-cli: " << QString::fromLocal8Bit(e.what()).simplified() << Qt::endl;
        return Failure;
    }
}

} // namespace firebreak::cli
