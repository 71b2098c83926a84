#pragma once

// Runs firebreak-cli in-process (firebreak::cli::run) and keeps what it printed.

#include "cli/cliapp.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>
#include <QTextStream>

namespace firebreak::test {

struct CliRun
{
    int exitCode = -1;
    QString out;
    QString err;

    QStringList outLines() const { return out.split(u'\n', Qt::SkipEmptyParts); }
    QStringList errLines() const { return err.split(u'\n', Qt::SkipEmptyParts); }
    QJsonDocument jsonDocument() const { return QJsonDocument::fromJson(out.toUtf8()); }
    QJsonObject json() const { return jsonDocument().object(); }
};

inline CliRun runCli(const QStringList& arguments)
{
    CliRun run;
    QTextStream out(&run.out);
    QTextStream err(&run.err);
    run.exitCode = cli::run(arguments, out, err);
    out.flush();
    err.flush();
    return run;
}

/// For failure messages: the exit status and both streams.
inline QString describe(const CliRun& run)
{
    return QStringLiteral("exit %1\n--- out:\n%2--- err:\n%3").arg(run.exitCode).arg(run.out, run.err);
}

} // namespace firebreak::test
