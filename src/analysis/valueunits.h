#pragma once

#include <QList>
#include <QString>

namespace firebreak::analysis {

/// What a chart's values measure; decides tick spacing and how a value reads.
enum class ValueUnit
{
    None,
    Seconds,
    Bytes, ///< binary prefixes (KiB, MiB, …), as Prometheus' _bytes metrics count memory and disk
    Percent, ///< 0..100
    Ratio, ///< 0..1, shown as a percentage
    PerSecond,
    RequestsPerSecond,
    BytesPerSecond,
};

/// A guess from the query text alone, following Prometheus' naming conventions: the base unit from the metric
/// name's suffix (`_seconds`, `_bytes`, `_ratio`, `_percent`), per second under rate()/irate(),
/// histogram_quantile() and `_sum / _count` keep the base unit, other divisions of two series are ratios
/// (a percentage when multiplied by 100). None when nothing tells.
ValueUnit guessUnit(const QString& promql);

/// A value for a person with `significant` digits and the unit's best prefix: "1.5 ms", "2.3 GiB", "99.9 %",
/// "1.2k req/s", "850 B/s". Negative values get a real minus sign (U+2212). NaN reads "NaN", infinities "+Inf" and
/// "−Inf". Percentages never round up to "100 %" unless they are 100: 99.95 reads "99.95 %".
QString formatValue(double value, ValueUnit unit, int significant = 3);

/// A step of 1, 2 or 5 times a power of ten that puts at most `maxTicks` ticks in [min, max]; for seconds above a
/// second 1/2/5/10/15/30 s or min and 1/2/3/6/12 h, for bytes 1/2/5/10/… times a power of 1024. 0 when the range is
/// empty or not finite.
double niceStep(double min, double max, int maxTicks, ValueUnit unit);

/// The multiples of niceStep() within [min, max], ascending; `{min}` for an empty range, nothing when not finite.
QList<double> niceTicks(double min, double max, int maxTicks, ValueUnit unit);

/// The unit's name for a menu ("seconds", "bytes per second", …), translated.
QString unitName(ValueUnit unit);

} // namespace firebreak::analysis
