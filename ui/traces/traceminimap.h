#pragma once

#include <QImage>
#include <QWidget>

namespace firebreak::ui {

class WaterfallView;

/// The whole waterfall in a strip: every shown row squeezed into the height, the whole trace into the width,
/// and a frame for what the waterfall shows. Drag the frame (or click elsewhere) to move the waterfall there.
class TraceMinimap final : public QWidget
{
    Q_OBJECT
public:
    explicit TraceMinimap(WaterfallView* view, QWidget* parent = nullptr);
    ~TraceMinimap() override;

    QSize sizeHint() const override { return { 400, 64 }; }
    /// The rows or the trace changed: the picture is drawn again on the next paint.
    void invalidate();

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;

private:
    QRectF frameRect() const;
    void renderPicture();
    void moveFrameTo(const QPointF& centre);

    WaterfallView* m_view;
    QImage m_picture;
    bool m_dirty = true;
    bool m_dragging = false;
    QPointF m_grabOffset;
};

} // namespace firebreak::ui
