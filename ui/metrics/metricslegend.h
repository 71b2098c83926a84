#pragma once

#include <QColor>
#include <QListWidget>

namespace firebreak::ui {

/// The chart's legend: one entry per series (however many gap-separated lines it is drawn with), wrapping
/// left to right. A click reports the entry and the modifiers held (Ctrl isolates, a plain click hides).
class MetricsLegend final : public QListWidget
{
    Q_OBJECT
public:
    struct Entry
    {
        QString name;
        QColor color;
        bool visible = true;
        QString toolTip;
    };

    explicit MetricsLegend(QWidget* parent = nullptr);
    ~MetricsLegend() override;

    void setEntries(const QList<Entry>& entries);
    /// Where entry `index` is, in viewport coordinates.
    QRect entryRect(int index) const;

    QSize sizeHint() const override;

Q_SIGNALS:
    void entryClicked(int index, Qt::KeyboardModifiers modifiers);

protected:
    void mousePressEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void fitHeight();

    int m_pressed = -1;
};

} // namespace firebreak::ui
