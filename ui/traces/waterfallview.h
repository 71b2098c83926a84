#pragma once

#include "analysis/waterfallrows.h"
#include "waterfallgeometry.h"

#include <QAbstractScrollArea>

#include <unordered_map>
#include <vector>

namespace firebreak::ui {

/// The trace waterfall: a span-name tree column and a timeline column, painted row by row for the visible
/// rows only, so 100,000 spans scroll like 100. Rows come from analysis::WaterfallRows (owned by the caller);
/// geometry from WaterfallGeometry. Drag on the ruler zooms into a time window, double-click it to reset.
class WaterfallView : public QAbstractScrollArea
{
    Q_OBJECT

public:
    explicit WaterfallView(QWidget* parent = nullptr);
    ~WaterfallView() override;

    /// `rows` must outlive the view or be replaced first; nullptr clears.
    void setRows(analysis::WaterfallRows* rows);
    analysis::WaterfallRows* rows() const { return m_rows; }
    /// Call after changing the rows' collapsed state, filter or find query from outside.
    void rowsChanged();

    qsizetype selectedSpan() const { return m_selected; }
    void selectSpan(qsizetype span);
    /// Scrolls so `span` is shown (expanding its ancestors) and selects it.
    void revealSpan(qsizetype span);

    const WaterfallGeometry& waterfallGeometry() const { return m_geometry; }
    void zoomTo(std::int64_t fromNs, std::int64_t toNs);
    void resetZoom();
    void setShowCriticalPath(bool show);
    bool showsCriticalPath() const { return m_showCriticalPath; }
    /// Scrolls vertically so that `row` is the first row shown (minimap navigation).
    void scrollToRow(qsizetype row);
    qsizetype firstVisibleRow() const;
    qsizetype visibleRowCount() const;

    /// Renders the visible part into an image of the widget's size (screenshots, benchmarks).
    QImage renderToImage();

Q_SIGNALS:
    void spanSelected(qsizetype span);
    void detailsRequested(qsizetype span);
    void findRequested();
    void zoomChanged(std::int64_t fromNs, std::int64_t toNs);
    void structureChanged(); // rows collapsed or expanded from the view
    void viewportMoved(); // scrolled vertically
    void logsForSpanRequested(qsizetype span);
    void metricsForServiceRequested(qsizetype span);
    void pinToIncidentRequested(qsizetype span);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void scrollContentsBy(int dx, int dy) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;
    bool viewportEvent(QEvent* event) override;

private:
    void paintRuler(QPainter& painter, const std::vector<std::int64_t>& ticks);
    void paintRow(QPainter& painter, qsizetype row, const analysis::WaterfallRow& line);
    void paintBar(QPainter& painter, const QRect& rowRect, std::int32_t span);
    std::vector<std::int64_t> tickTimes() const;
    void updateScrollBars();
    void ensureRowVisible(qsizetype row);
    void toggleRow(qsizetype row);
    void moveSelection(qsizetype row);
    bool onArrow(const QPoint& position, qsizetype row) const;
    int arrowX(std::int32_t depth) const;
    QString tooltipFor(qsizetype row, const QPoint& position) const;
    void emitZoom();
    void rebuildPathSections();

    analysis::WaterfallRows* m_rows = nullptr;
    WaterfallGeometry m_geometry;
    int m_preferredTreeWidth = 380;
    qsizetype m_selected = -1;
    bool m_showCriticalPath = true;
    // Critical-path sections per span, for painting only the visible ones.
    std::unordered_map<std::int32_t, std::vector<std::pair<std::int64_t, std::int64_t>>> m_pathSections;

    enum class Drag
    {
        None,
        Zoom,
        Divider,
    };
    Drag m_drag = Drag::None;
    int m_dragFromX = 0;
    int m_dragToX = 0;
    qsizetype m_hoverRow = -1;
};

} // namespace firebreak::ui
