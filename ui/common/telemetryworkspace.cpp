#include "telemetryworkspace.h"

#include "backends/healthmonitor.h"
#include "emptystate.h"
#include "model/timerangecontroller.h"

#include <QVBoxLayout>

namespace firebreak::ui {

using namespace firebreak::net;

namespace {
QString purpose(BackendKind kind)
{
    switch (kind) {
    case BackendKind::Prometheus:
        return TelemetryWorkspace::tr("Metric charts come from Prometheus.");
    case BackendKind::Loki:
        return TelemetryWorkspace::tr("Log streams come from Grafana Loki.");
    case BackendKind::Tempo:
        return TelemetryWorkspace::tr("Trace waterfalls come from Grafana Tempo.");
    }
    return {};
}
} // namespace

TelemetryWorkspace::TelemetryWorkspace(
    BackendKind kind, HealthMonitor& monitor, TimeRangeController& range, QWidget* parent)
    : QWidget(parent)
    , m_kind(kind)
    , m_monitor(monitor)
    , m_range(range)
    , m_empty(new EmptyState(this))
{
    setObjectName(kindKey(kind) + QStringLiteral("Workspace"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_empty);
    connect(m_empty, &EmptyState::actionTriggered, this, [this] {
        if (m_hasSource)
            Q_EMIT manageSourcesRequested();
        else
            Q_EMIT addSourceRequested(m_kind);
    });
    connect(&m_monitor, &HealthMonitor::profilesChanged, this, &TelemetryWorkspace::refresh);
    connect(&m_monitor, &HealthMonitor::healthChanged, this, &TelemetryWorkspace::refresh);
    connect(&m_range, &TimeRangeController::rangeChanged, this, &TelemetryWorkspace::refresh);
    connect(&m_range, &TimeRangeController::displayChanged, this, &TelemetryWorkspace::refresh);
    refresh();
}

TelemetryWorkspace::~TelemetryWorkspace() = default;

void TelemetryWorkspace::refresh()
{
    const QString name = kindDisplayName(m_kind);
    QStringList lines;
    int healthy = 0;
    int checking = 0;
    for (const ConnectionProfile& profile : m_monitor.profiles()) {
        if (profile.kind != m_kind)
            continue;
        const HealthResult health = m_monitor.result(profile.id);
        QString state;
        switch (health.state) {
        case HealthResult::State::Unknown:
        case HealthResult::State::Checking:
            ++checking;
            state = tr("checking…");
            break;
        case HealthResult::State::Healthy:
            ++healthy;
            state = health.version.isEmpty()
                ? tr("ready, %1 ms").arg(health.latencyMs, 0, 'f', 0)
                : tr("ready, %1 ms, version %2").arg(health.latencyMs, 0, 'f', 0).arg(health.version);
            break;
        case HealthResult::State::Failing:
            state = health.error;
            break;
        }
        lines << QStringLiteral("%1 (%2): %3").arg(profile.name, profile.baseUrl.toString(), state);
    }
    m_hasSource = !lines.isEmpty();
    if (!m_hasSource) {
        m_empty->setTitle(tr("No %1 data source").arg(name));
        m_empty->setBody(purpose(m_kind) + u' '
            + tr("Add the address of your %1 server; Firebreak checks that it answers before saving.").arg(name));
        m_empty->setAction(tr("Add %1 data source…").arg(name));
        return;
    }
    const TimeRange range = m_range.range();
    if (healthy > 0)
        m_empty->setTitle(tr("%1 is connected").arg(name));
    else if (checking > 0)
        m_empty->setTitle(tr("Checking %1…").arg(name));
    else
        m_empty->setTitle(tr("%1 does not answer").arg(name));
    const QString next = healthy > 0
        ? tr("Queries and views for this workspace are not part of this build yet; the connection and the shared "
             "time range are ready for them.")
        : tr("Check the address, the credentials and that the server runs; Firebreak keeps checking in the "
             "background.");
    m_empty->setBody(lines.join(u'\n') + QStringLiteral("\n\n")
        + tr("Range: %1 – %2")
              .arg(formatTime(range.fromMs, m_range.display()), formatTime(range.toMs, m_range.display(), true))
        + QStringLiteral("\n\n") + next);
    m_empty->setAction(tr("Manage data sources…"));
}

} // namespace firebreak::ui
