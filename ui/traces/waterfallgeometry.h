#pragma once

#include <QtGlobal>

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace firebreak::ui {

/// Where things are in the waterfall: time <-> x in the timeline column, row <-> y below the ruler, the zoom
/// window. Kept apart from painting so it can be tested; the minimap and the ruler use the same mapping.
struct WaterfallGeometry
{
    int width = 800; // of the viewport
    int treeWidth = 360; // the span-name column
    int rulerHeight = 26;
    int rowHeight = 22;
    int scrollY = 0; // pixels scrolled below the first row
    int rightMargin = 12;
    std::int64_t traceStartNs = 0;
    std::int64_t traceEndNs = 1;
    std::int64_t viewStartNs = 0; // the zoom window
    std::int64_t viewEndNs = 1;

    static constexpr std::int64_t MinimumWindowNs = 1000;

    int timelineLeft() const { return treeWidth; }
    int timelineWidth() const { return std::max(1, width - treeWidth - rightMargin); }
    std::int64_t windowNs() const { return std::max<std::int64_t>(1, viewEndNs - viewStartNs); }

    double timeToX(std::int64_t ns) const
    {
        return timelineLeft()
            + static_cast<double>(ns - viewStartNs) * timelineWidth() / static_cast<double>(windowNs());
    }
    std::int64_t xToTime(double x) const
    {
        return viewStartNs
            + static_cast<std::int64_t>(
                std::llround((x - timelineLeft()) * static_cast<double>(windowNs()) / timelineWidth()));
    }

    /// The row under viewport y (below the ruler), or -1 above the first row. May be past the last row.
    qsizetype rowAt(int y) const
    {
        if (y < rulerHeight)
            return -1;
        return (y - rulerHeight + scrollY) / rowHeight;
    }
    int rowTop(qsizetype row) const { return rulerHeight + static_cast<int>(row) * rowHeight - scrollY; }
    qsizetype firstVisibleRow() const { return scrollY / rowHeight; }
    /// One past the last row that is at least partly visible in a viewport of `height`, bounded by `rowCount`.
    qsizetype endVisibleRow(int height, qsizetype rowCount) const
    {
        const qsizetype rows = (scrollY + std::max(0, height - rulerHeight) + rowHeight - 1) / rowHeight;
        return std::min(rowCount, rows);
    }
    int contentHeight(qsizetype rowCount) const { return static_cast<int>(rowCount) * rowHeight; }

    void setTrace(std::int64_t start, std::int64_t end)
    {
        traceStartNs = start;
        traceEndNs = std::max(end, start + 1);
        resetZoom();
    }
    void resetZoom()
    {
        viewStartNs = traceStartNs;
        viewEndNs = traceEndNs;
    }
    bool isZoomed() const { return viewStartNs > traceStartNs || viewEndNs < traceEndNs; }
    /// Shows [from, to] (in either order), at least MinimumWindowNs wide, kept inside the trace.
    void zoomTo(std::int64_t from, std::int64_t to)
    {
        if (to < from)
            std::swap(from, to);
        const std::int64_t traceSpan = traceEndNs - traceStartNs;
        const std::int64_t span = std::min(traceSpan, std::max(to - from, MinimumWindowNs));
        from = std::clamp(from, traceStartNs, traceEndNs - span);
        viewStartNs = from;
        viewEndNs = from + span;
    }
    /// Zooms by `factor` (< 1 in, > 1 out) keeping the time under x where it is.
    void zoomAround(double x, double factor)
    {
        const std::int64_t anchor = xToTime(x);
        const double before = static_cast<double>(anchor - viewStartNs);
        const double after = static_cast<double>(viewEndNs - anchor);
        zoomTo(anchor - static_cast<std::int64_t>(before * factor), anchor + static_cast<std::int64_t>(after * factor));
    }
    /// Moves the window by `ns` without changing its width.
    void panBy(std::int64_t ns) { zoomTo(viewStartNs + ns, viewEndNs + ns); }
};

} // namespace firebreak::ui
