#include "appcontext.h"

#include "net/profilestore.h"

namespace firebreak {

AppContext::AppContext()
    : m_qsettings(std::make_unique<QSettings>())
    , m_settings(*m_qsettings)
    , m_secrets(net::SecretStore::defaultPath())
    , m_health(m_http)
{
    init();
}

AppContext::AppContext(const QString& settingsFile, const QString& secretsFile)
    : m_qsettings(std::make_unique<QSettings>(settingsFile, QSettings::IniFormat))
    , m_settings(*m_qsettings)
    , m_secrets(secretsFile)
    , m_health(m_http)
{
    init();
}

AppContext::~AppContext() = default;

void AppContext::init()
{
    QString error;
    if (!m_secrets.load(&error))
        m_startupProblem = error;
    m_timeRange.setDisplay(m_settings.timeDisplay());
    m_timeRange.setQuickRange(m_settings.quickRange());
    m_health.setInterval(m_settings.healthInterval());
}

QString AppContext::journalPath() const
{
    if (!m_journalOverride.isEmpty())
        return m_journalOverride;
    const QString chosen = m_qsettings->value(QStringLiteral("journal/path")).toString();
    return chosen.isEmpty() ? journal::Journal::defaultPath() : chosen;
}

void AppContext::openJournal(const QString& path)
{
    if (m_journalOverride.isEmpty() && path != journal::Journal::defaultPath())
        m_qsettings->setValue(QStringLiteral("journal/path"), path);
    else if (m_journalOverride.isEmpty())
        m_qsettings->remove(QStringLiteral("journal/path"));
    else
        m_journalOverride = path;
    m_journal.open(path, deviceId(*m_qsettings), m_settings.backupsToKeep());
}

QList<net::ConnectionProfile> AppContext::profiles()
{
    return net::ProfileStore(*m_qsettings, m_secrets).load();
}

bool AppContext::saveProfiles(const QList<net::ConnectionProfile>& profiles, QString* error)
{
    const bool ok = net::ProfileStore(*m_qsettings, m_secrets).save(profiles, error);
    m_health.setProfiles(profiles);
    return ok;
}

} // namespace firebreak
