#pragma once

#include "appsettings.h"
#include "backends/healthmonitor.h"
#include "journal/journalservice.h"
#include "model/timerangecontroller.h"
#include "net/connectionprofile.h"
#include "net/httpclient.h"
#include "net/secretstore.h"

#include <QSettings>

#include <memory>

namespace firebreak {

/// The long-lived services of one running app: settings, secrets, the network client, source health
/// and the shared time range. Created after the Q(Core)Application, destroyed before it.
class AppContext
{
public:
    /// The user's settings file and secrets file in the platform's folders.
    AppContext();
    /// Explicit files (tests, portable setups).
    AppContext(const QString& settingsFile, const QString& secretsFile);
    ~AppContext();

    QSettings& qsettings() { return *m_qsettings; }
    AppSettings& settings() { return m_settings; }
    net::HttpClient& http() { return m_http; }
    net::HealthMonitor& health() { return m_health; }
    TimeRangeController& timeRange() { return m_timeRange; }
    journal::JournalService& journal() { return m_journal; }

    /// The journal file: `--journal PATH` when given, else the one the user last chose, else the default.
    QString journalPath() const;
    void setJournalOverride(const QString& path) { m_journalOverride = path; }
    /// Opens `path` (asynchronously) and remembers it for the next start.
    void openJournal(const QString& path);
    /// Opens journalPath().
    void openJournal() { openJournal(journalPath()); }
    /// The author of journal entries made here: the settings' display name.
    QString author() const { return m_settings.displayName(); }

    QList<net::ConnectionProfile> profiles();
    /// Persists the profiles and starts checking them.
    bool saveProfiles(const QList<net::ConnectionProfile>& profiles, QString* error = nullptr);

    /// Non-empty when the secrets file could not be read at start: shown to the user.
    QString startupProblem() const { return m_startupProblem; }

private:
    void init();

    std::unique_ptr<QSettings> m_qsettings;
    AppSettings m_settings;
    net::SecretStore m_secrets;
    net::HttpClient m_http;
    net::HealthMonitor m_health;
    TimeRangeController m_timeRange;
    journal::JournalService m_journal;
    QString m_journalOverride;
    QString m_startupProblem;
};

} // namespace firebreak
