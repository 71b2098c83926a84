#pragma once

#include <QCommandLineParser>
#include <QString>
#include <QStringList>

#include <functional>

class QTextStream;

namespace firebreak::cli {

/// What every command gets: its own arguments, the streams, and the global flags.
struct CommandContext
{
    QStringList arguments; // after the command words
    QTextStream& out;
    QTextStream& err;
    bool json = false;
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

/// The commands of one area, registered by cliapp.cpp.
QList<Command> sourceCommands();

} // namespace firebreak::cli
