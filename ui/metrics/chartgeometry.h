#pragma once

#include <QPointF>
#include <QRectF>

#include <cmath>

namespace firebreak::ui {

/// Where a time and a value land in the chart's plot area and back: the one mapping the crosshair, drag-zoom,
/// exemplar clicks and tests share (x in ms since the epoch, y in the series' unit; log10 when `logY`).
struct ChartGeometry
{
    QRectF plotArea;
    double xMin = 0;
    double xMax = 1;
    double yMin = 0;
    double yMax = 1;
    bool logY = false;

    bool isValid() const { return plotArea.width() > 0 && plotArea.height() > 0 && xMax > xMin && yMax > yMin; }

    double timeToX(double ms) const { return plotArea.left() + (ms - xMin) / (xMax - xMin) * plotArea.width(); }
    double xToTime(double x) const { return xMin + (x - plotArea.left()) / plotArea.width() * (xMax - xMin); }

    double valueToY(double v) const
    {
        const double f = logY ? (std::log10(v) - std::log10(yMin)) / (std::log10(yMax) - std::log10(yMin))
                              : (v - yMin) / (yMax - yMin);
        return plotArea.bottom() - f * plotArea.height();
    }

    QPointF toPosition(double ms, double v) const { return { timeToX(ms), valueToY(v) }; }
};

} // namespace firebreak::ui
