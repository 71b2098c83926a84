#pragma once

#include <QString>

#include <optional>

namespace firebreak {

enum class LogLevel
{
    Trace,
    Debug,
    Info,
    Warn,
    Error,
    Off,
};

std::optional<LogLevel> logLevelFromName(const QString& name);

/// Sends the app's own log to a rotating file `<appDataDir>/logs/<baseName>.log` (5 files of 5 MB),
/// one line per event: "2026-11-25T16:24:05.123Z level=info event=… key=value …".
/// Qt's own messages (qWarning …) are routed there too. Returns the log file path.
QString initLogging(const QString& baseName, LogLevel level);

/// The file initLogging() chose, or empty when logging goes nowhere.
QString logFilePath();

} // namespace firebreak
