#pragma once

#include "model/series.h"

#include <QList>
#include <QPointF>

namespace firebreak::analysis {

/// What decimateM4 saw and left out, for a chart's "n samples, m not drawn" note.
struct DecimationStats
{
    qint64 samplesInRange = 0; ///< samples with a time in [fromMs, toMs], whatever their value
    qint64 drawnSamples = 0; ///< finite samples in range (each is summarised by some output point)
    qint64 nanSamples = 0;
    qint64 positiveInfinities = 0;
    qint64 negativeInfinities = 0;
    qint64 outputPoints = 0;
    qint64 runs = 0;
};

/// The pixel column of time `t` in `columns` equal columns over [fromMs, toMs]; `toMs` belongs to the last one.
/// The one definition decimateM4 uses, public so callers and tests agree on column edges.
int decimationColumn(qint64 t, qint64 fromMs, qint64 toMs, int columns);

/// M4 decimation (Jugel et al., VLDB 2014) for a line chart `columns` pixels wide: per column and run the first,
/// the minimum, the maximum and the last finite sample (in time order, each sample once), so the drawn line has
/// exactly the pixels the full series would have. Points are the samples themselves (x = ms since the epoch as a
/// double, y = value), grouped into runs ready for QXYSeries::replace.
///
/// A run ends at a NaN (Prometheus' staleness marker), when the time from the previous drawn sample exceeds `gapMs`
/// (`gapMs` <= 0: never by time) and when a time goes backwards. ±Inf are not drawn and do not end a run (the gap
/// rule still applies around them); they are counted in `stats`. Only samples with a time in [fromMs, toMs] count.
///
/// Times are expected in non-decreasing order, as Prometheus and Loki answer: the range is located by binary
/// search. For unsorted input every point is still in range and every run increases in time, but samples outside
/// the searched window may be missed.
QList<QList<QPointF>> decimateM4(const firebreak::Series& series, qint64 fromMs, qint64 toMs, int columns, qint64 gapMs,
    DecimationStats* stats = nullptr);

} // namespace firebreak::analysis
