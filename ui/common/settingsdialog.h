#pragma once

#include "common/appsettings.h"

#include <QDialog>

class QComboBox;
class QLineEdit;
class QSpinBox;

namespace firebreak::ui {

/// Display name (author of journal entries), time zone display, theme, language, health-check interval,
/// journal backups, the trace-id pattern of log lines.
class SettingsDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit SettingsDialog(AppSettings& settings, QWidget* parent = nullptr);
    ~SettingsDialog() override;

    void accept() override;

private:
    AppSettings& m_settings;
    QLineEdit* m_displayName;
    QComboBox* m_timeDisplay;
    QComboBox* m_theme;
    QComboBox* m_language;
    QSpinBox* m_healthInterval;
    QSpinBox* m_backups;
    QLineEdit* m_traceIdPattern;
};

} // namespace firebreak::ui
