#pragma once

#include "net/connectionprofile.h"

#include <QWidget>

namespace firebreak {
class TimeRangeController;
}
namespace firebreak::net {
class HealthMonitor;
}

namespace firebreak::ui {

class EmptyState;

/// The Metrics, Logs or Traces workspace before its views exist: says which data source it would
/// query, whether that source answers, and over which range — or how to add one.
class TelemetryWorkspace final : public QWidget
{
    Q_OBJECT
public:
    TelemetryWorkspace(
        net::BackendKind kind, net::HealthMonitor& monitor, TimeRangeController& range, QWidget* parent = nullptr);
    ~TelemetryWorkspace() override;

    net::BackendKind kind() const { return m_kind; }
    EmptyState* emptyState() const { return m_empty; }

Q_SIGNALS:
    void addSourceRequested(net::BackendKind kind);
    void manageSourcesRequested();

private:
    void refresh();

    net::BackendKind m_kind;
    net::HealthMonitor& m_monitor;
    TimeRangeController& m_range;
    EmptyState* m_empty;
    bool m_hasSource = false;
};

} // namespace firebreak::ui
