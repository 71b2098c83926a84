#pragma once

#include <QObject>
#include <QSize>
#include <QString>

namespace firebreak::net {
class HealthMonitor;
}

namespace firebreak::ui {

class MainWindow;

/// Renders the main window to a PNG once its data has loaded (the first round of health checks
/// has answered, or `maxWait` passed), then reports the outcome. Used by `firebreak --screenshot`.
class ScreenshotTaker final : public QObject
{
    Q_OBJECT
public:
    ScreenshotTaker(MainWindow& window, net::HealthMonitor& monitor, QString file, QObject* parent = nullptr);
    ~ScreenshotTaker() override;

    void start(std::chrono::milliseconds maxWait);

    /// Parses "1280x800"; returns an invalid size on anything else.
    static QSize parseSize(const QString& text);

Q_SIGNALS:
    void finished(bool ok, const QString& message);

private:
    void capture();

    MainWindow& m_window;
    net::HealthMonitor& m_monitor;
    QString m_file;
    bool m_done = false;
};

} // namespace firebreak::ui
