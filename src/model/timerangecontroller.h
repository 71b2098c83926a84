#pragma once

#include "timerange.h"

#include <QObject>
#include <QTimer>

#include <functional>

namespace firebreak {

/// The one time range every workspace shows, with a history for "zoom back" and the auto-refresh clock.
/// Lives on the GUI thread; panes subscribe to rangeChanged() and re-query.
class TimeRangeController final : public QObject
{
    Q_OBJECT
public:
    using Clock = std::function<qint64()>;

    explicit TimeRangeController(QObject* parent = nullptr);
    ~TimeRangeController() override;

    /// Tests pin the clock; the default is the system clock.
    void setClock(Clock clock);
    qint64 now() const;

    RangeSpec spec() const { return m_spec; }
    TimeRange range() const { return m_spec.resolve(now()); }
    /// Key of the quick range in effect ("1h"), or empty when the range is absolute or custom.
    QString quickRangeKey() const;

    TimeDisplay display() const { return m_display; }
    void setDisplay(TimeDisplay display);

    std::chrono::seconds autoRefresh() const { return m_autoRefresh; }
    void setAutoRefresh(std::chrono::seconds interval);

    bool canZoomBack() const { return !m_history.isEmpty(); }

    void setQuickRange(const QString& key);
    void setRelative(std::chrono::milliseconds lastFor);
    void setAbsolute(TimeRange range);
    void zoomIn(TimeRange range);
    void zoomOut();
    void zoomBack();
    void shiftBack();
    void shiftForward();
    /// Re-resolves a relative range against the clock and asks panes to reload.
    void refresh();

Q_SIGNALS:
    void rangeChanged(firebreak::TimeRange range);
    void displayChanged(firebreak::TimeDisplay display);
    void autoRefreshChanged(std::chrono::seconds interval);
    void refreshRequested();

private:
    void apply(const RangeSpec& spec, bool remember);

    static constexpr qsizetype MaxHistory = 50;
    Clock m_clock;
    RangeSpec m_spec;
    QList<RangeSpec> m_history;
    TimeDisplay m_display = TimeDisplay::Local;
    std::chrono::seconds m_autoRefresh { 0 };
    QTimer m_refreshTimer;
};

} // namespace firebreak
