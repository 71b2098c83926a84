#pragma once

#include <QWidget>

class QHBoxLayout;
class QLabel;

namespace firebreak::net {
class HealthMonitor;
}

namespace firebreak {
enum class TimeDisplay;
}

namespace firebreak::ui {

/// Status-bar strip: one dot per data source, green when ready, red when failing, with the latency;
/// the tooltip has the last check time and the error. Clicking opens the data-source manager.
class SourceHealthBar final : public QWidget
{
    Q_OBJECT
public:
    explicit SourceHealthBar(net::HealthMonitor& monitor, QWidget* parent = nullptr);
    ~SourceHealthBar() override;

    void setTimeDisplay(TimeDisplay display);
    /// One line per source, as shown; for tests and the accessible description.
    QStringList summary() const;

Q_SIGNALS:
    void manageRequested();

protected:
    void mousePressEvent(QMouseEvent* event) override;

private:
    void rebuild();

    net::HealthMonitor& m_monitor;
    QHBoxLayout* m_layout;
    QList<QLabel*> m_labels;
    TimeDisplay m_display;
};

} // namespace firebreak::ui
