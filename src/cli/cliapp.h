#pragma once

#include <QStringList>

class QTextStream;

namespace firebreak::cli {

/// Exit statuses of firebreak-cli, as DESIGN.md's contract fixes them.
enum ExitCode : int
{
    Success = 0,
    Failure = 1,
    BadUsage = 2,
};

/// Runs one firebreak-cli invocation (`arguments` without the program name). Needs a
/// QCoreApplication for commands that talk to the network. Output goes to `out`; errors are
/// one line on `err`.
int run(const QStringList& arguments, QTextStream& out, QTextStream& err);

} // namespace firebreak::cli
