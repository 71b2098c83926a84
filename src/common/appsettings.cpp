#include "appsettings.h"

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
