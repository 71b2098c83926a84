#include "screenshot.h"

#include "mainwindow.h"

#include <QPixmap>
#include <QRegularExpression>
#include <QTimer>

namespace firebreak::ui {

ScreenshotTaker::ScreenshotTaker(MainWindow& window, std::function<bool()> ready, QString file, QObject* parent)
    : QObject(parent)
    , m_window(window)
    , m_ready(std::move(ready))
    , m_file(std::move(file))
{ }

ScreenshotTaker::~ScreenshotTaker() = default;

QSize ScreenshotTaker::parseSize(const QString& text)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d{2,5})x(\\d{2,5})$"));
    const auto match = pattern.match(text.trimmed());
    if (!match.hasMatch())
        return {};
    return { match.captured(1).toInt(), match.captured(2).toInt() };
}

void ScreenshotTaker::start(std::chrono::milliseconds maxWait)
{
    // Loading finishes in several places (network, journal); asking every 50 ms is simpler than
    // wiring each of them, and a screenshot is no hot path.
    auto* poll = new QTimer(this);
    connect(poll, &QTimer::timeout, this, [this, poll] {
        if (m_ready()) {
            poll->stop();
            capture();
        }
    });
    poll->start(50);
    QTimer::singleShot(maxWait, this, &ScreenshotTaker::capture);
}

void ScreenshotTaker::capture()
{
    if (m_done)
        return;
    m_done = true;
    // Let the last health answers repaint before grabbing.
    QTimer::singleShot(50, this, [this] {
        const QPixmap image = m_window.grab();
        if (image.isNull() || !image.save(m_file, "PNG")) {
            Q_EMIT finished(false, tr("Cannot write the screenshot to %1.").arg(m_file));
            return;
        }
        Q_EMIT finished(true, m_file);
    });
}

} // namespace firebreak::ui
