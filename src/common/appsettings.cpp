#include "appsettings.h"

#include "analysis/correlationqueries.h"

#include <QSettings>
#include <QUuid>

namespace firebreak {

AppSettings::AppSettings(QSettings& settings)
    : m_settings(settings)
{ }

QString AppSettings::loginName()
{
    QString name = qEnvironmentVariable("USER");
    if (name.isEmpty())
        name = qEnvironmentVariable("USERNAME");
    return name.isEmpty() ? QStringLiteral("responder") : name;
}

QString AppSettings::displayName() const
{
    const QString name = m_settings.value(QStringLiteral("user/displayName")).toString().trimmed();
    return name.isEmpty() ? loginName() : name;
}

void AppSettings::setDisplayName(const QString& name)
{
    m_settings.setValue(QStringLiteral("user/displayName"), name.trimmed());
}

TimeDisplay AppSettings::timeDisplay() const
{
    return m_settings.value(QStringLiteral("ui/timeDisplay")).toString() == QLatin1String("utc") ? TimeDisplay::Utc
                                                                                                 : TimeDisplay::Local;
}

void AppSettings::setTimeDisplay(TimeDisplay display)
{
    m_settings.setValue(QStringLiteral("ui/timeDisplay"),
        display == TimeDisplay::Utc ? QStringLiteral("utc") : QStringLiteral("local"));
}

Theme AppSettings::theme() const
{
    return themeFromKey(m_settings.value(QStringLiteral("ui/theme")).toString());
}

void AppSettings::setTheme(Theme theme)
{
    m_settings.setValue(QStringLiteral("ui/theme"), themeKey(theme));
}

QString AppSettings::language() const
{
    return m_settings.value(QStringLiteral("ui/language")).toString();
}

void AppSettings::setLanguage(const QString& code)
{
    m_settings.setValue(QStringLiteral("ui/language"), code);
}

// Not under "dataSources/": ProfileStore owns that group and rewrites it whole on every save.
std::chrono::seconds AppSettings::healthInterval() const
{
    const qint64 secs = m_settings.value(QStringLiteral("health/intervalSeconds"), 30).toLongLong();
    return std::chrono::seconds(std::clamp<qint64>(secs, 5, 3600));
}

void AppSettings::setHealthInterval(std::chrono::seconds interval)
{
    m_settings.setValue(QStringLiteral("health/intervalSeconds"), static_cast<qlonglong>(interval.count()));
}

QString AppSettings::traceIdPattern() const
{
    return m_settings.value(QStringLiteral("logs/traceIdPattern")).toString().trimmed();
}

void AppSettings::setTraceIdPattern(const QString& pattern)
{
    if (pattern.trimmed().isEmpty())
        m_settings.remove(QStringLiteral("logs/traceIdPattern"));
    else
        m_settings.setValue(QStringLiteral("logs/traceIdPattern"), pattern.trimmed());
}

QString AppSettings::spanLogsQuery() const
{
    const QString query = m_settings.value(QStringLiteral("correlation/spanLogsQuery")).toString().trimmed();
    return query.isEmpty() ? analysis::defaultSpanLogsTemplate() : query;
}

void AppSettings::setSpanLogsQuery(const QString& query)
{
    if (query.trimmed().isEmpty() || query.trimmed() == analysis::defaultSpanLogsTemplate())
        m_settings.remove(QStringLiteral("correlation/spanLogsQuery"));
    else
        m_settings.setValue(QStringLiteral("correlation/spanLogsQuery"), query.trimmed());
}

QStringList AppSettings::serviceMetricsQueries() const
{
    QStringList queries;
    for (const QString& query : m_settings.value(QStringLiteral("correlation/serviceMetrics")).toStringList())
        if (!query.trimmed().isEmpty())
            queries << query.trimmed();
    return queries.isEmpty() ? analysis::defaultServiceMetricsTemplates() : queries;
}

void AppSettings::setServiceMetricsQueries(const QStringList& queries)
{
    QStringList kept;
    for (const QString& query : queries)
        if (!query.trimmed().isEmpty())
            kept << query.trimmed();
    if (kept.isEmpty() || kept == analysis::defaultServiceMetricsTemplates())
        m_settings.remove(QStringLiteral("correlation/serviceMetrics"));
    else
        m_settings.setValue(QStringLiteral("correlation/serviceMetrics"), kept);
}

int AppSettings::backupsToKeep() const
{
    return std::clamp(m_settings.value(QStringLiteral("journal/backupsToKeep"), 10).toInt(), 1, 1000);
}

void AppSettings::setBackupsToKeep(int count)
{
    m_settings.setValue(QStringLiteral("journal/backupsToKeep"), count);
}

QString AppSettings::quickRange() const
{
    const QString key = m_settings.value(QStringLiteral("ui/quickRange"), QStringLiteral("1h")).toString();
    return quickRangeByKey(key) ? key : QStringLiteral("1h");
}

void AppSettings::setQuickRange(const QString& key)
{
    m_settings.setValue(QStringLiteral("ui/quickRange"), key);
}

QString themeKey(Theme theme)
{
    switch (theme) {
    case Theme::System:
        return QStringLiteral("system");
    case Theme::Light:
        return QStringLiteral("light");
    case Theme::Dark:
        return QStringLiteral("dark");
    }
    return {};
}

Theme themeFromKey(const QString& key)
{
    if (key == QLatin1String("light"))
        return Theme::Light;
    if (key == QLatin1String("dark"))
        return Theme::Dark;
    return Theme::System;
}

QString deviceId(QSettings& settings)
{
    const QString key = QStringLiteral("device/id");
    QString id = settings.value(key).toString().trimmed();
    if (id.isEmpty()) {
        id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        settings.setValue(key, id);
        settings.sync();
    }
    return id;
}

} // namespace firebreak
