#pragma once

#include "model/logbatch.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace firebreak::cli {

enum class LogFileFormat
{
    LogsQueryJson, // what `firebreak-cli logs query --json` writes: {"lines": [{"ts_ns", "line", "labels"}]}
    LokiQueryRange, // an answer of Loki's /loki/api/v1/query_range (or /query) with resultType "streams"
    PlainText, // one log line per line of the file
};

struct LogFileInput
{
    LogBatch batch;
    LogFileFormat format = LogFileFormat::PlainText;
};

struct LogFileRead
{
    std::optional<LogFileInput> value;
    QString error; // when value is empty: what is wrong and where
};

/// Reads log lines from a file's contents, whichever of the three formats it holds. A file that is one JSON
/// value with "lines" (the CLI's) or with "status" and "data" (Loki's) is read as such; anything else —
/// including JSON logs, one object per line — is plain text. Plain text: every line of the file is a log line
/// (a final newline does not add an empty one; "\r\n" endings are fine); its time is the RFC 3339 time it
/// starts with, if any (`2026-11-25T10:03:50.742387522Z …`, also with a space for the T, an offset such as
/// +01:00 or +0100, or no zone, read as UTC), to the nanosecond; otherwise 0.
LogFileRead readLogFile(const QByteArray& contents);

/// The time an RFC 3339 text starts with, in nanoseconds since the epoch (see readLogFile).
std::optional<qint64> leadingRfc3339Ns(QByteArrayView text);

} // namespace firebreak::cli
