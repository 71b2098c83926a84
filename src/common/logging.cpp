#include "logging.h"

#include "applicationinfo.h"

#include <QDir>

#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

namespace firebreak {

namespace {
QString g_logFile;

void qtMessageToLog(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    const std::string text = message.toStdString();
    const char* category = context.category ? context.category : "default";
    switch (type) {
    case QtDebugMsg:
        spdlog::debug("event=qt category={} message=\"{}\"", category, text);
        break;
    case QtInfoMsg:
        spdlog::info("event=qt category={} message=\"{}\"", category, text);
        break;
    case QtWarningMsg:
        spdlog::warn("event=qt category={} message=\"{}\"", category, text);
        break;
    case QtCriticalMsg:
    case QtFatalMsg:
        spdlog::error("event=qt category={} message=\"{}\"", category, text);
        break;
    }
}
spdlog::level::level_enum toSpdlog(LogLevel level)
{
    switch (level) {
    case LogLevel::Trace:
        return spdlog::level::trace;
    case LogLevel::Debug:
        return spdlog::level::debug;
    case LogLevel::Info:
        return spdlog::level::info;
    case LogLevel::Warn:
        return spdlog::level::warn;
    case LogLevel::Error:
        return spdlog::level::err;
    case LogLevel::Off:
        return spdlog::level::off;
    }
    return spdlog::level::info;
}
} // namespace

std::optional<LogLevel> logLevelFromName(const QString& name)
{
    static const QList<QPair<QString, LogLevel>> names = {
        { QStringLiteral("trace"), LogLevel::Trace },
        { QStringLiteral("debug"), LogLevel::Debug },
        { QStringLiteral("info"), LogLevel::Info },
        { QStringLiteral("warn"), LogLevel::Warn },
        { QStringLiteral("warning"), LogLevel::Warn },
        { QStringLiteral("error"), LogLevel::Error },
        { QStringLiteral("off"), LogLevel::Off },
    };
    for (const auto& [key, level] : names) {
        if (key == name.toLower())
            return level;
    }
    return std::nullopt;
}

QString initLogging(const QString& baseName, LogLevel level)
{
    const QString dir = appDataDir() + QStringLiteral("/logs");
    QDir().mkpath(dir);
    const QString path = dir + u'/' + baseName + QStringLiteral(".log");
    std::shared_ptr<spdlog::logger> logger;
    try {
        logger = spdlog::rotating_logger_mt("firebreak", path.toStdString(), 5 * 1024 * 1024, 5);
        g_logFile = path;
    } catch (const spdlog::spdlog_ex&) {
        // A read-only home must not stop the app: log to stderr instead.
        logger = spdlog::stderr_logger_mt("firebreak");
        g_logFile.clear();
    }
    logger->set_pattern("%Y-%m-%dT%H:%M:%S.%eZ level=%l %v", spdlog::pattern_time_type::utc);
    logger->set_level(toSpdlog(level));
    logger->flush_on(spdlog::level::warn);
    spdlog::set_default_logger(logger);
    spdlog::flush_every(std::chrono::seconds(2));
    qInstallMessageHandler(qtMessageToLog);
    return g_logFile;
}

QString logFilePath()
{
    return g_logFile;
}

} // namespace firebreak
