#include "healthmonitor.h"

#include <QThread>

#include <spdlog/spdlog.h>

namespace firebreak::net {

HealthMonitor::HealthMonitor(HttpClient& client, QObject* parent)
    : QObject(parent)
    , m_client(client)
{
    m_timer.setInterval(std::chrono::seconds(30));
    connect(&m_timer, &QTimer::timeout, this, &HealthMonitor::checkAll);
}

HealthMonitor::~HealthMonitor() = default;

void HealthMonitor::setProfiles(const QList<ConnectionProfile>& profiles)
{
    Q_ASSERT(QThread::currentThread() == thread());
    m_profiles = profiles;
    QHash<QString, HealthResult> kept;
    for (const auto& profile : profiles) {
        if (m_results.contains(profile.id))
            kept.insert(profile.id, m_results.value(profile.id));
    }
    m_results = std::move(kept);
    Q_EMIT profilesChanged();
    checkAll();
    if (!m_timer.isActive())
        m_timer.start();
}

HealthResult HealthMonitor::result(const QString& profileId) const
{
    return m_results.value(profileId);
}

void HealthMonitor::setInterval(std::chrono::seconds interval)
{
    m_timer.setInterval(interval);
}

std::chrono::seconds HealthMonitor::interval() const
{
    return std::chrono::duration_cast<std::chrono::seconds>(m_timer.intervalAsDuration());
}

void HealthMonitor::checkAll()
{
    Q_ASSERT(QThread::currentThread() == thread());
    const quint64 round = ++m_round;
    m_outstanding = static_cast<int>(m_profiles.size());
    if (m_outstanding == 0) {
        Q_EMIT roundFinished();
        return;
    }
    for (const auto& profile : m_profiles) {
        HealthResult& current = m_results[profile.id];
        if (current.state == HealthResult::State::Unknown) {
            current.state = HealthResult::State::Checking;
            Q_EMIT healthChanged(profile.id);
        }
        const QString id = profile.id;
        checkHealth(m_client, profile, this, [this, id, round](HealthResult result) {
            if (round != m_round)
                return; // a newer round (e.g. after the profiles changed) supersedes this answer
            if (m_results.contains(id)) {
                spdlog::info("event=health_check profile={} state={} latency_ms={:.1f} version=\"{}\" error=\"{}\"",
                    id.toStdString(), result.state == HealthResult::State::Healthy ? "healthy" : "failing",
                    result.latencyMs, result.version.toStdString(), result.error.toStdString());
                m_results.insert(id, result);
                Q_EMIT healthChanged(id);
            }
            if (--m_outstanding == 0)
                Q_EMIT roundFinished();
        });
    }
}

} // namespace firebreak::net
