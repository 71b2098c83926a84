#pragma once

#include "model/timerange.h"

#include <QString>

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
