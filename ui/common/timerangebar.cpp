#include "timerangebar.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QTimeZone>
#include <QToolButton>

using namespace std::chrono_literals;

namespace firebreak::ui {

namespace {
QString quickRangeLabel(const QString& key)
{
    if (key == QLatin1String("5m"))
        return TimeRangeBar::tr("Last 5 minutes");
    if (key == QLatin1String("15m"))
        return TimeRangeBar::tr("Last 15 minutes");
    if (key == QLatin1String("1h"))
        return TimeRangeBar::tr("Last hour");
    if (key == QLatin1String("6h"))
        return TimeRangeBar::tr("Last 6 hours");
    if (key == QLatin1String("24h"))
        return TimeRangeBar::tr("Last 24 hours");
    if (key == QLatin1String("7d"))
        return TimeRangeBar::tr("Last 7 days");
    return key;
}

QString refreshLabel(std::chrono::seconds interval)
{
    if (interval.count() == 0)
        return TimeRangeBar::tr("Auto-refresh off");
    if (interval < 1min)
        return TimeRangeBar::tr("Every %1 s").arg(interval.count());
    return TimeRangeBar::tr("Every %1 min").arg(interval.count() / 60);
}

QToolButton* makeButton(QWidget* parent, const QString& objectName, const QString& text, const QString& tip)
{
    auto* button = new QToolButton(parent);
    button->setObjectName(objectName);
    button->setText(text);
    button->setToolTip(tip);
    button->setAutoRaise(true);
    return button;
}
} // namespace

QList<std::chrono::seconds> TimeRangeBar::refreshIntervals()
{
    return { 0s, 5s, 10s, 30s, 1min, 5min, 15min };
}

TimeRangeBar::TimeRangeBar(TimeRangeController& controller, QWidget* parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_quick(new QComboBox(this))
    , m_from(new QDateTimeEdit(this))
    , m_to(new QDateTimeEdit(this))
    , m_zone(new QLabel(this))
    , m_back(makeButton(this, QStringLiteral("shiftBack"), QStringLiteral("◀"),
          tr("Shift back by half the range (%1)")
              .arg(QKeySequence(Qt::ALT | Qt::Key_Left).toString(QKeySequence::NativeText))))
    , m_zoomOut(makeButton(this, QStringLiteral("zoomOut"), tr("Zoom out"),
          tr("Double the range (%1)").arg(QKeySequence(QKeySequence::ZoomOut).toString(QKeySequence::NativeText))))
    , m_zoomBack(makeButton(this, QStringLiteral("zoomBack"), tr("Back"), tr("Return to the previous range")))
    , m_forward(makeButton(this, QStringLiteral("shiftForward"), QStringLiteral("▶"),
          tr("Shift forward by half the range (%1)")
              .arg(QKeySequence(Qt::ALT | Qt::Key_Right).toString(QKeySequence::NativeText))))
    , m_refresh(makeButton(this, QStringLiteral("refresh"), QString(),
          tr("Refresh now (%1)").arg(QKeySequence(QKeySequence::Refresh).toString(QKeySequence::NativeText))))
    , m_autoRefresh(new QComboBox(this))
{
    m_quick->setObjectName(QStringLiteral("quickRange"));
    m_from->setObjectName(QStringLiteral("rangeFrom"));
    m_to->setObjectName(QStringLiteral("rangeTo"));
    m_zone->setObjectName(QStringLiteral("rangeZone"));
    m_autoRefresh->setObjectName(QStringLiteral("autoRefresh"));

    for (const auto& quick : quickRanges())
        m_quick->addItem(quickRangeLabel(quick.key), quick.key);
    m_quick->addItem(tr("Custom range"), QString());
    m_quick->setToolTip(tr("Time range shown by every workspace"));

    for (QDateTimeEdit* edit : { m_from, m_to }) {
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        edit->setCalendarPopup(true);
        edit->setKeyboardTracking(false);
    }
    m_from->setToolTip(tr("From (press Enter to apply)"));
    m_to->setToolTip(tr("To (press Enter to apply)"));

    m_refresh->setIcon(style()->standardIcon(QStyle::SP_BrowserReload));
    m_back->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Left));
    m_forward->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Right));
    m_zoomOut->setShortcut(QKeySequence::ZoomOut);
    m_refresh->setShortcut(QKeySequence::Refresh);

    for (auto interval : refreshIntervals())
        m_autoRefresh->addItem(refreshLabel(interval), static_cast<qlonglong>(interval.count()));

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    layout->addWidget(m_quick);
    layout->addSpacing(6);
    layout->addWidget(m_from);
    layout->addWidget(new QLabel(QStringLiteral("–"), this));
    layout->addWidget(m_to);
    layout->addWidget(m_zone);
    layout->addSpacing(6);
    layout->addWidget(m_back);
    layout->addWidget(m_zoomOut);
    layout->addWidget(m_forward);
    layout->addWidget(m_zoomBack);
    layout->addStretch(1);
    layout->addWidget(m_refresh);
    layout->addWidget(m_autoRefresh);

    connect(m_quick, &QComboBox::activated, this, [this](int index) {
        const QString key = m_quick->itemData(index).toString();
        if (!key.isEmpty())
            m_controller.setQuickRange(key);
        else
            applyAbsolute();
    });
    connect(m_from, &QDateTimeEdit::editingFinished, this, &TimeRangeBar::applyAbsolute);
    connect(m_to, &QDateTimeEdit::editingFinished, this, &TimeRangeBar::applyAbsolute);
    connect(m_back, &QToolButton::clicked, &m_controller, &TimeRangeController::shiftBack);
    connect(m_forward, &QToolButton::clicked, &m_controller, &TimeRangeController::shiftForward);
    connect(m_zoomOut, &QToolButton::clicked, &m_controller, &TimeRangeController::zoomOut);
    connect(m_zoomBack, &QToolButton::clicked, &m_controller, &TimeRangeController::zoomBack);
    connect(m_refresh, &QToolButton::clicked, &m_controller, &TimeRangeController::refresh);
    connect(m_autoRefresh, &QComboBox::activated, this, [this](int index) {
        m_controller.setAutoRefresh(std::chrono::seconds(m_autoRefresh->itemData(index).toLongLong()));
    });

    connect(&m_controller, &TimeRangeController::rangeChanged, this, &TimeRangeBar::syncFromController);
    connect(&m_controller, &TimeRangeController::displayChanged, this, &TimeRangeBar::syncFromController);
    connect(&m_controller, &TimeRangeController::autoRefreshChanged, this, &TimeRangeBar::syncFromController);
    syncFromController();
}

TimeRangeBar::~TimeRangeBar() = default;

void TimeRangeBar::syncFromController()
{
    m_syncing = true;
    const TimeRange range = m_controller.range();
    const bool utc = m_controller.display() == TimeDisplay::Utc;
    for (QDateTimeEdit* edit : { m_from, m_to }) {
        edit->setTimeSpec(utc ? Qt::UTC : Qt::LocalTime);
    }
    const auto toEdit = [utc](qint64 ms) {
        const QDateTime t = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
        return utc ? t : t.toLocalTime();
    };
    m_shown = range;
    m_from->setDateTime(toEdit(range.fromMs));
    m_to->setDateTime(toEdit(range.toMs));
    m_zone->setText(utc ? tr("UTC") : QDateTime::currentDateTime().timeZoneAbbreviation());
    m_zone->setToolTip(utc ? tr("Times are shown in UTC (Settings)") : tr("Times are shown in local time (Settings)"));

    const int quickIndex = m_quick->findData(m_controller.quickRangeKey());
    m_quick->setCurrentIndex(quickIndex >= 0 ? quickIndex : m_quick->count() - 1);
    m_zoomBack->setEnabled(m_controller.canZoomBack());
    const int refreshIndex = m_autoRefresh->findData(static_cast<qlonglong>(m_controller.autoRefresh().count()));
    if (refreshIndex >= 0)
        m_autoRefresh->setCurrentIndex(refreshIndex);
    m_syncing = false;
}

void TimeRangeBar::applyAbsolute()
{
    if (m_syncing)
        return;
    const TimeRange range { m_from->dateTime().toMSecsSinceEpoch(), m_to->dateTime().toMSecsSinceEpoch() };
    if (!range.isValid()) {
        m_to->setToolTip(tr("“To” must be after “From”"));
        syncFromController();
        return;
    }
    // Leaving a field untouched must not freeze a live "last 1h" into fixed times.
    const auto sameSecond = [](qint64 a, qint64 b) { return a / 1000 == b / 1000; };
    if (sameSecond(range.fromMs, m_shown.fromMs) && sameSecond(range.toMs, m_shown.toMs))
        return;
    m_controller.setAbsolute(range);
}

} // namespace firebreak::ui
