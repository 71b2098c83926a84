#pragma once

#include "model/timerange.h"

#include <QString>
#include <QStringList>

#include <chrono>

class QSettings;

namespace firebreak {

enum class Theme
{
    System,
    Light,
    Dark,
};

/// The user's preferences, read from and written to QSettings.
class AppSettings
{
public:
    explicit AppSettings(QSettings& settings);

    /// Author of journal entries; defaults to the login name.
    QString displayName() const;
    void setDisplayName(const QString& name);

    TimeDisplay timeDisplay() const;
    void setTimeDisplay(TimeDisplay display);

    Theme theme() const;
    void setTheme(Theme theme);

    /// "" follows the system locale; otherwise a language code such as "en" or "de".
    QString language() const;
    void setLanguage(const QString& code);

    std::chrono::seconds healthInterval() const;
    void setHealthInterval(std::chrono::seconds interval);

    /// How many journal backups to keep (online backups at start and every 15 min of an open incident).
    int backupsToKeep() const;
    void setBackupsToKeep(int count);

    QString quickRange() const;
    void setQuickRange(const QString& key);

    /// The regular expression that finds trace ids in log lines (see analysis::TraceIdFinder); empty means the
    /// built-in pattern (W3C 32-hex ids, `trace_id=` keys). Key "logs/traceIdPattern".
    QString traceIdPattern() const;
    void setTraceIdPattern(const QString& pattern);

    /// LogQL run when a span asks for its logs (`$trace_id`, `$span_id`, `$service`, `$operation` filled in).
    /// Key "correlation/spanLogsQuery"; empty gives analysis::defaultSpanLogsTemplate().
    QString spanLogsQuery() const;
    void setSpanLogsQuery(const QString& query);
    /// PromQL queries (one chart, several queries) run for a span's service. Key "correlation/serviceMetrics".
    QStringList serviceMetricsQueries() const;
    void setServiceMetricsQueries(const QStringList& queries);

    static QString loginName();

private:
    QSettings& m_settings;
};

QString themeKey(Theme theme);
Theme themeFromKey(const QString& key);

/// This installation's id, stamped on every journal event it writes (settings key "device/id"): created
/// once as a random UUID, then kept, so the journals of several responders can be merged later.
QString deviceId(QSettings& settings);

} // namespace firebreak
