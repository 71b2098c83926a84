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
