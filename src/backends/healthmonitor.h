#pragma once

#include "healthcheck.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

namespace firebreak::net {

/// Checks every configured data source in the background, on start and then periodically,
/// and keeps the latest result of each for the status bar and the workspaces.
class HealthMonitor final : public QObject
{
    Q_OBJECT
public:
    explicit HealthMonitor(HttpClient& client, QObject* parent = nullptr);
    ~HealthMonitor() override;

    void setProfiles(const QList<ConnectionProfile>& profiles);
    const QList<ConnectionProfile>& profiles() const { return m_profiles; }
    HealthResult result(const QString& profileId) const;

    void setInterval(std::chrono::seconds interval);
    std::chrono::seconds interval() const;

    /// True while any check is still out.
    bool isChecking() const { return !m_inFlight.isEmpty(); }

public Q_SLOTS:
    void checkAll();

Q_SIGNALS:
    void profilesChanged();
    void healthChanged(const QString& profileId);
    /// No check is out any more: every one started has answered (or failed).
    void roundFinished();

private:
    HttpClient& m_client;
    QList<ConnectionProfile> m_profiles;
    QHash<QString, HealthResult> m_results;
    QTimer m_timer;
    // A profile's generation changes whenever its settings do; answers for an older one are dropped.
    QHash<QString, quint64> m_generation;
    quint64 m_nextGeneration = 0;
    QSet<QPair<QString, quint64>> m_inFlight;
};

} // namespace firebreak::net
