#pragma once

#include "model/series.h"
#include "model/timerange.h"

#include <QColor>
#include <QMap>
#include <QString>

#include <memory>
#include <vector>

namespace firebreak::ui {

enum class ChartMode
{
    Lines,
    StackedArea,
    Points,
};

/// One series of a query's result as the chart, its legend and the table show it. `data` holds the raw
/// samples as the server sent them (NaN and ±Inf included); only the chart decimates, and only a copy.
struct ChartSeries
{
    QString queryRef; // "A", "B" …
    QString name; // the legend format applied to the labels
    QMap<QString, QString> labels;
    Series data;
    QColor color;

    /// Stable across re-runs of the same query, so a series hidden in the legend stays hidden.
    QString key() const;
};

/// The result every view of a panel shows: the series of the visible queries, in query order.
struct ChartResult
{
    std::vector<ChartSeries> series;
    TimeRange range; // what was asked
    qint64 stepMs = 0; // 0 for instant queries
    bool instant = false;
};

using ChartResultPtr = std::shared_ptr<const ChartResult>;

/// An exemplar as a marker: where it sits and which trace it opens.
struct ChartExemplar
{
    QString queryRef;
    qint64 timeMs = 0;
    double value = 0;
    QString traceId;
    QMap<QString, QString> labels; // the exemplar's own labels (trace_id, span_id …)
    QMap<QString, QString> seriesLabels;
};

/// The colour of the `index`-th series of a chart; repeats after a while, never black or white.
QColor seriesColor(int index);

} // namespace firebreak::ui
