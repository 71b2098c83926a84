#pragma once

#include "model/timerangecontroller.h"

#include <QWidget>

class QComboBox;
class QDateTimeEdit;
class QLabel;
class QToolButton;

namespace firebreak::ui {

/// The global time-range control: quick ranges, absolute from/to, zoom out/back, shift, auto-refresh.
/// It only edits the shared TimeRangeController; every workspace listens to that.
class TimeRangeBar final : public QWidget
{
    Q_OBJECT
public:
    explicit TimeRangeBar(TimeRangeController& controller, QWidget* parent = nullptr);
    ~TimeRangeBar() override;

    /// The auto-refresh intervals offered; 0 means off.
    static QList<std::chrono::seconds> refreshIntervals();

private:
    void syncFromController();
    void applyAbsolute();

    TimeRangeController& m_controller;
    QComboBox* m_quick;
    QDateTimeEdit* m_from;
    QDateTimeEdit* m_to;
    QLabel* m_zone;
    QToolButton* m_back;
    QToolButton* m_zoomOut;
    QToolButton* m_zoomBack;
    QToolButton* m_forward;
    QToolButton* m_refresh;
    QComboBox* m_autoRefresh;
    TimeRange m_shown;
    bool m_syncing = false;
};

} // namespace firebreak::ui
