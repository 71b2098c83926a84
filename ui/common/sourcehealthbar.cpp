#include "sourcehealthbar.h"

#include "backends/healthmonitor.h"
#include "model/timerange.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QMouseEvent>

namespace firebreak::ui {

using namespace firebreak::net;

SourceHealthBar::SourceHealthBar(HealthMonitor& monitor, QWidget* parent)
    : QWidget(parent)
    , m_monitor(monitor)
    , m_layout(new QHBoxLayout(this))
    , m_display(TimeDisplay::Local)
{
    setObjectName(QStringLiteral("sourceHealthBar"));
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setSpacing(12);
    setCursor(Qt::PointingHandCursor);
    connect(&m_monitor, &HealthMonitor::profilesChanged, this, &SourceHealthBar::rebuild);
    connect(&m_monitor, &HealthMonitor::healthChanged, this, &SourceHealthBar::rebuild);
    rebuild();
}

SourceHealthBar::~SourceHealthBar() = default;

void SourceHealthBar::setTimeDisplay(TimeDisplay display)
{
    m_display = display;
    rebuild();
}

QStringList SourceHealthBar::summary() const
{
    QStringList lines;
    for (const QLabel* label : m_labels)
        lines << label->accessibleName();
    return lines;
}

void SourceHealthBar::mousePressEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton)
        Q_EMIT manageRequested();
    QWidget::mousePressEvent(event);
}

void SourceHealthBar::rebuild()
{
    qDeleteAll(m_labels);
    m_labels.clear();
    const auto& profiles = m_monitor.profiles();
    if (profiles.isEmpty()) {
        auto* label = new QLabel(tr("No data sources — click to add one"), this);
        label->setAccessibleName(label->text());
        m_labels << label;
        m_layout->addWidget(label);
        return;
    }
    for (const ConnectionProfile& profile : profiles) {
        const HealthResult health = m_monitor.result(profile.id);
        QString color = QStringLiteral("#9e9e9e");
        QString state;
        QString tip
            = QStringLiteral("%1 %2 — %3").arg(kindDisplayName(profile.kind), profile.name, profile.baseUrl.toString());
        switch (health.state) {
        case HealthResult::State::Unknown:
        case HealthResult::State::Checking:
            state = tr("checking…");
            break;
        case HealthResult::State::Healthy:
            color = QStringLiteral("#2e7d32");
            state = tr("%1 ms").arg(health.latencyMs, 0, 'f', 0);
            tip += u'\n' + tr("Ready, answered in %1 ms").arg(health.latencyMs, 0, 'f', 1);
            if (!health.version.isEmpty())
                tip += u'\n' + tr("Version %1").arg(health.version);
            break;
        case HealthResult::State::Failing:
            color = QStringLiteral("#c62828");
            state = tr("down");
            tip += u'\n' + health.error;
            break;
        }
        if (health.checkedAt.isValid())
            tip += u'\n' + tr("Last check %1").arg(formatTime(health.checkedAt.toMSecsSinceEpoch(), m_display, true));
        if (profile.tls.skipVerify)
            tip += u'\n' + tr("Warning: TLS certificate verification is off.");
        auto* label = new QLabel(this);
        label->setTextFormat(Qt::RichText);
        label->setText(QStringLiteral("<span style=\"color:%1\">●</span> %2 <small>%3</small>%4")
                           .arg(color, profile.name.toHtmlEscaped(), state.toHtmlEscaped(),
                               profile.tls.skipVerify ? QStringLiteral(" ⚠") : QString()));
        label->setToolTip(tip);
        label->setAccessibleName(QStringLiteral("%1: %2").arg(profile.name, state));
        m_labels << label;
        m_layout->addWidget(label);
    }
}

} // namespace firebreak::ui
