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

    QString quickRange() const;
    void setQuickRange(const QString& key);

    static QString loginName();

private:
    QSettings& m_settings;
};

QString themeKey(Theme theme);
Theme themeFromKey(const QString& key);

} // namespace firebreak
