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
    QHash<QString, HealthResult> kept;
    QHash<QString, quint64> generations;
    for (const auto& profile : profiles) {
        const auto previous = std::find_if(m_profiles.cbegin(), m_profiles.cend(),
            [&profile](const ConnectionProfile& p) { return p.id == profile.id; });
        const bool unchanged = previous != m_profiles.cend() && *previous == profile;
        generations.insert(profile.id, unchanged ? m_generation.value(profile.id) : ++m_nextGeneration);
        if (unchanged && m_results.contains(profile.id))
            kept.insert(profile.id, m_results.value(profile.id));
    }
    m_profiles = profiles;
    m_generation = std::move(generations);
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
    for (const auto& profile : m_profiles) {
        const quint64 generation = m_generation.value(profile.id);
        const auto key = qMakePair(profile.id, generation);
        // A backend slower than the interval still has its check out: wait for that answer instead of
        // piling up requests (and never seeing it fail).
        if (m_inFlight.contains(key))
            continue;
        HealthResult& current = m_results[profile.id];
        if (current.state == HealthResult::State::Unknown) {
            current.state = HealthResult::State::Checking;
            Q_EMIT healthChanged(profile.id);
        }
        m_inFlight.insert(key);
        const QString id = profile.id;
        checkHealth(m_client, profile, this, [this, key, id, generation](HealthResult result) {
            m_inFlight.remove(key);
            // An answer for a profile since edited or removed describes a server nobody asks about.
            if (m_generation.contains(id) && m_generation.value(id) == generation) {
                spdlog::info("event=health_check profile={} state={} latency_ms={:.1f} version=\"{}\" error=\"{}\"",
                    id.toStdString(), result.state == HealthResult::State::Healthy ? "healthy" : "failing",
                    result.latencyMs, result.version.toStdString(), result.error.toStdString());
                m_results.insert(id, result);
                Q_EMIT healthChanged(id);
            }
            if (m_inFlight.isEmpty())
                Q_EMIT roundFinished();
        });
    }
    if (m_inFlight.isEmpty())
        Q_EMIT roundFinished();
}

} // namespace firebreak::net
