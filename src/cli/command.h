#pragma once

#include <QCommandLineParser>
#include <QString>
#include <QStringList>

#include <functional>

class QTextStream;

namespace firebreak::net {
struct ConnectionProfile;
}

namespace firebreak::cli {

/// What every command gets: its own arguments, the streams, and the global flags.
struct CommandContext
{
    QStringList arguments; // after the command words
    QTextStream& out;
    QTextStream& err;
    bool json = false;
    QString journalPath; // --journal PATH, else the default journal
};

/// Thrown for bad usage (exit 2); any other failure is reported by returning 1.
struct UsageError
{
    QString message;
};

struct Command
{
    QStringList words; // e.g. {"source", "check"}
    QString synopsis; // the arguments after the words, as shown in help
    QString summary;
    std::function<void(QCommandLineParser&)> declareOptions;
    std::function<int(CommandContext&, const QCommandLineParser&)> execute;
};

/// Parses `context.arguments` with the command's options; throws UsageError with the parser's message.
void parseOrThrow(QCommandLineParser& parser, const Command& command, const QStringList& arguments);

/// Applies `--timeout S` (if given) to `profile` and checks it; throws UsageError on a bad value or profile.
void applyTimeoutAndValidate(const QCommandLineParser& parser, net::ConnectionProfile& profile);

/// The commands of one area, registered by cliapp.cpp.
QList<Command> sourceCommands();
QList<Command> incidentCommands(); // incident …, postmortem
QList<Command> prometheusCommands(); // prom …
QList<Command> logsCommands(); // logs …
QList<Command> traceCommands(); // trace …

/// Markdown to HTML or PDF needs QtGui, which the core does not link: the program running the CLI
/// installs firebreak_render's functions here (firebreak-cli's main(), tests). While a function is
/// unset, `postmortem --format html|pdf` fails with a message.
struct DocumentRenderer
{
    std::function<QString(const QString& markdown, const QString& title)> html;
    std::function<bool(const QString& markdown, const QString& file, QString* error)> pdf;
};
void setDocumentRenderer(DocumentRenderer renderer);

} // namespace firebreak::cli
