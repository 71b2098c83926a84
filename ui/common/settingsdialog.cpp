#include "settingsdialog.h"

#include "analysis/traceidfinder.h"
#include "translations.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QSpinBox>
#include <QVBoxLayout>

namespace firebreak::ui {

SettingsDialog::SettingsDialog(AppSettings& settings, QWidget* parent)
    : QDialog(parent)
    , m_settings(settings)
    , m_displayName(new QLineEdit(this))
    , m_timeDisplay(new QComboBox(this))
    , m_theme(new QComboBox(this))
    , m_language(new QComboBox(this))
    , m_healthInterval(new QSpinBox(this))
    , m_backups(new QSpinBox(this))
    , m_traceIdPattern(new QLineEdit(this))
{
    setWindowTitle(tr("Settings"));
    setObjectName(QStringLiteral("settingsDialog"));
    m_displayName->setObjectName(QStringLiteral("displayName"));
    m_timeDisplay->setObjectName(QStringLiteral("timeDisplay"));
    m_theme->setObjectName(QStringLiteral("theme"));
    m_language->setObjectName(QStringLiteral("language"));
    m_healthInterval->setObjectName(QStringLiteral("healthInterval"));

    m_displayName->setText(settings.displayName());
    m_displayName->setPlaceholderText(AppSettings::loginName());
    m_displayName->setToolTip(tr("Written as the author of every journal entry you make"));

    m_timeDisplay->addItem(tr("Local time"), QStringLiteral("local"));
    m_timeDisplay->addItem(tr("UTC"), QStringLiteral("utc"));
    m_timeDisplay->setCurrentIndex(settings.timeDisplay() == TimeDisplay::Utc ? 1 : 0);

    for (Theme theme : { Theme::System, Theme::Light, Theme::Dark }) {
        const QString label = theme == Theme::System ? tr("Follow the system")
            : theme == Theme::Light                  ? tr("Light")
                                                     : tr("Dark");
        m_theme->addItem(label, themeKey(theme));
    }
    m_theme->setCurrentIndex(m_theme->findData(themeKey(settings.theme())));

    m_language->addItem(tr("System language"), QString());
    for (const QString& code : availableLanguages()) {
        const QLocale locale(code);
        QString name = locale.nativeLanguageName();
        if (!name.isEmpty())
            name[0] = name[0].toUpper();
        m_language->addItem(name, code);
    }
    m_language->setCurrentIndex(std::max(0, m_language->findData(settings.language())));

    m_healthInterval->setRange(5, 3600);
    m_healthInterval->setSuffix(tr(" s"));
    m_healthInterval->setValue(static_cast<int>(settings.healthInterval().count()));

    m_backups->setObjectName(QStringLiteral("backupsToKeep"));
    m_backups->setRange(1, 1000);
    m_backups->setValue(settings.backupsToKeep());
    m_backups->setToolTip(tr("Copies of the incident journal made at start and every 15 minutes while an incident "
                             "is open"));

    m_traceIdPattern->setObjectName(QStringLiteral("traceIdPattern"));
    m_traceIdPattern->setText(settings.traceIdPattern());
    m_traceIdPattern->setPlaceholderText(tr("Built in: W3C trace ids and trace_id= / traceID= values"));
    m_traceIdPattern->setToolTip(tr("A regular expression that finds trace ids in log lines (they become links to the "
                                    "Traces workspace). The first capture group is the id, or the whole match "
                                    "without one; ids must be 16 or 32 hex digits. Empty: the built-in pattern."));
    m_traceIdPattern->setClearButtonEnabled(true);

    auto* note = new QLabel(tr("A new language takes effect when Firebreak is started again."), this);
    note->setWordWrap(true);
    QFont small = note->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    note->setFont(small);

    auto* form = new QFormLayout;
    form->addRow(tr("Your name"), m_displayName);
    form->addRow(tr("Show times in"), m_timeDisplay);
    form->addRow(tr("Theme"), m_theme);
    form->addRow(tr("Language"), m_language);
    form->addRow(QString(), note);
    form->addRow(tr("Check data sources every"), m_healthInterval);
    form->addRow(tr("Journal backups to keep"), m_backups);
    form->addRow(tr("Trace ids in log lines"), m_traceIdPattern);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
}

SettingsDialog::~SettingsDialog() = default;

void SettingsDialog::accept()
{
    const QString pattern = m_traceIdPattern->text().trimmed();
    if (!pattern.isEmpty()) {
        const analysis::TraceIdFinder finder(pattern);
        if (!finder.isValid()) {
            QMessageBox::warning(this, tr("Settings"),
                tr("The trace-id pattern is not a valid regular expression: %1").arg(finder.error()));
            m_traceIdPattern->setFocus();
            return;
        }
    }
    m_settings.setTraceIdPattern(pattern);
    m_settings.setDisplayName(m_displayName->text());
    m_settings.setTimeDisplay(
        m_timeDisplay->currentData().toString() == QLatin1String("utc") ? TimeDisplay::Utc : TimeDisplay::Local);
    m_settings.setTheme(themeFromKey(m_theme->currentData().toString()));
    m_settings.setLanguage(m_language->currentData().toString());
    m_settings.setHealthInterval(std::chrono::seconds(m_healthInterval->value()));
    m_settings.setBackupsToKeep(m_backups->value());
    QDialog::accept();
}

} // namespace firebreak::ui
