#pragma once

#include "model/logbatch.h"

#include <QString>
#include <QStringView>

#include <optional>
#include <vector>

namespace firebreak::analysis {

/// Severity of a log line, least to most severe. Fatal holds everything past an error: syslog's emerg, alert
/// and crit, "critical", "fatal" and Go's "panic" — the process or the system cannot go on.
enum class LogLevel : quint8
{
    Unknown,
    Trace,
    Debug,
    Info,
    Warn,
    Error,
    Fatal,
};
constexpr int LogLevelCount = 7;

/// The bit of `level` in LogFilterSpec::levelMask.
constexpr quint32 logLevelBit(LogLevel level)
{
    return 1u << static_cast<quint8>(level);
}

/// The level of a line, from the first place that names one:
/// 1. a stream label `level`, `severity`, `detected_level`, `lvl` or `loglevel` (in that order);
/// 2. the same keys in the line's structured metadata, 3. then in its parsed labels;
/// 4. the text: a key/value pair `level=warn`, `lvl=eror`, `"level":"error"`, `"severity":"WARNING"`,
///    `"log.level":…`, `"levelname":…`, `"@l":…` (pino's numbers too: `"level":50`), anywhere in the line;
///    glog/klog's `E1125 10:00:00.123456 …`; then, within the first 256 bytes, a level word: upper case
///    anywhere (`ERROR`, `WARN`, `INF`…), any case when bracketed (`[warn]`, `<error>`), followed by a colon
///    (`WARNING:root:…`, `error: …`) or the first word of three letters or more (`2024-… info msg`,
///    k8s events' `Warning BackOff …`); a Python `Traceback` or Java `Exception in thread` first word is an error.
/// Unknown when nothing matched. Reads bytes only: no allocation for lines without labels or extras.
LogLevel detectLevel(const LogBatch& batch, const LogLine& line);

/// detectLevel for lines [from, size()) of `batch` (element i is line from + i). Big batches are split into
/// chunks run on the global thread pool.
std::vector<LogLevel> detectLevels(const LogBatch& batch, qsizetype from = 0);

/// Level detection on raw text only (step 4 above).
LogLevel detectLevelInText(QByteArrayView text);

/// "unknown", "trace", "debug", "info", "warn", "error", "fatal": Loki's `detected_level` spellings (Fatal as
/// "fatal"), the same in every language since they are also what a query names.
QString logLevelName(LogLevel level);

/// A level name or synonym, any case, surrounding spaces ignored: trace/trc/finest/finer, debug/dbg/dbug/fine,
/// info/inf/information/informational/notice, warn/warning/wrn, error/err/eror, fatal/ftl/critical/crit/panic/
/// pnc/emerg/emergency/alert; pino's numbers 10…60. Nothing for anything else (including "unknown").
std::optional<LogLevel> logLevelFromText(QStringView text);

} // namespace firebreak::analysis
