#pragma once

#include <QObject>
#include <QSize>
#include <QString>

#include <functional>

namespace firebreak::ui {

class MainWindow;

/// Renders the main window to a PNG once its data has loaded (`ready` says so: health checks answered,
/// journal read …, or `maxWait` passed), then reports the outcome. Used by `firebreak --screenshot`.
class ScreenshotTaker final : public QObject
{
    Q_OBJECT
public:
    ScreenshotTaker(MainWindow& window, std::function<bool()> ready, QString file, QObject* parent = nullptr);
    ~ScreenshotTaker() override;

    void start(std::chrono::milliseconds maxWait);

    /// Parses "1280x800"; returns an invalid size on anything else.
    static QSize parseSize(const QString& text);

Q_SIGNALS:
    void finished(bool ok, const QString& message);

private:
    void capture();

    MainWindow& m_window;
    std::function<bool()> m_ready;
    QString m_file;
    bool m_done = false;
};

} // namespace firebreak::ui
