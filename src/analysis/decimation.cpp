#include "decimation.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace firebreak::analysis {

namespace {

// span × columns overflows 64 bits for spans over ~29,000 years at 10,000 columns; 128 bits never does.
__extension__ using Wide = __int128;

/// Start of a column: the smallest offset whose column is `column`, i.e. ceil(column × span / columns).
qint64 columnStart(int column, qint64 fromMs, qint64 span, int columns)
{
    // 64-bit division when the product fits (any real chart): the 128-bit one is a slow library call.
    if (span <= std::numeric_limits<qint64>::max() / columns)
        return fromMs + (qint64(column) * span + columns - 1) / columns;
    const Wide scaled = static_cast<Wide>(column) * span;
    return fromMs + static_cast<qint64>((scaled + columns - 1) / columns);
}

/// One column's share of a run: indexes of its first, lowest, highest and last sample.
struct Bucket
{
    qsizetype first = 0;
    qsizetype low = 0;
    qsizetype high = 0;
    qsizetype last = 0;
    double lowValue = 0;
    double highValue = 0;
};

class M4
{
public:
    M4(const Series& series, DecimationStats& stats)
        : m_times(series.timesMs)
        , m_values(series.values)
        , m_stats(stats)
    { }

    void flushBucket()
    {
        if (!m_hasBucket)
            return;
        m_hasBucket = false;
        const Bucket& b = m_bucket;
        append(b.first);
        // Between first and last, the extremes in the order they happened.
        const qsizetype a = std::min(b.low, b.high);
        const qsizetype z = std::max(b.low, b.high);
        if (a != b.first && a != b.last)
            append(a);
        if (z != a && z != b.first && z != b.last)
            append(z);
        if (b.last != b.first)
            append(b.last);
    }

    void endRun()
    {
        flushBucket();
        if (!m_run.isEmpty()) {
            m_stats.outputPoints += m_run.size();
            m_runs.append(std::move(m_run));
            m_run = {};
        }
        m_inRun = false;
    }

    void startBucket(qsizetype i, double v)
    {
        m_bucket = { i, i, i, i, v, v };
        m_hasBucket = true;
    }

    void extendBucket(qsizetype i, double v)
    {
        // Strict comparisons keep the earliest of equal extremes, so flat stretches give two points, not four.
        if (v < m_bucket.lowValue) {
            m_bucket.lowValue = v;
            m_bucket.low = i;
        }
        if (v > m_bucket.highValue) {
            m_bucket.highValue = v;
            m_bucket.high = i;
        }
        m_bucket.last = i;
    }

    QList<QList<QPointF>> run(qint64 fromMs, qint64 toMs, int columns, qint64 gapMs)
    {
        const qsizetype n
            = std::min<qsizetype>(static_cast<qsizetype>(m_times.size()), static_cast<qsizetype>(m_values.size()));
        const auto begin = m_times.begin();
        const qsizetype lo = std::lower_bound(begin, begin + n, fromMs) - begin;
        const qsizetype hi = std::upper_bound(begin + lo, begin + n, toMs) - begin;
        const qint64 span = toMs - fromMs;
        const qint64 never = std::numeric_limits<qint64>::max();

        qint64 lastTime = 0;
        qint64 nextColumnStart = never;
        int column = -1;
        // Counted in locals: the compiler cannot keep a counter behind a reference in a register.
        qint64 inRange = 0;
        qint64 drawn = 0;
        m_run.reserve(std::min<qsizetype>(hi - lo, qsizetype(4) * columns));
        const qint64 gapLimit = gapMs > 0 ? gapMs : never;
        qsizetype i = lo;
        while (i < hi) {
            // The common case in a tight loop with the bucket in registers: more finite samples of the open column,
            // in order and without a gap.
            if (m_hasBucket) {
                qsizetype low = m_bucket.low;
                qsizetype high = m_bucket.high;
                double lowValue = m_bucket.lowValue;
                double highValue = m_bucket.highValue;
                const qsizetype start = i;
                for (; i < hi; ++i) {
                    const qint64 t = m_times[static_cast<size_t>(i)];
                    const double v = m_values[static_cast<size_t>(i)];
                    if (t >= nextColumnStart || t > toMs || t < lastTime || t - lastTime > gapLimit
                        || !std::isfinite(v))
                        break;
                    // Strict comparisons keep the earliest of equal extremes.
                    const bool lower = v < lowValue;
                    low = lower ? i : low;
                    lowValue = lower ? v : lowValue;
                    const bool higher = v > highValue;
                    high = higher ? i : high;
                    highValue = higher ? v : highValue;
                    lastTime = t;
                }
                if (i > start) {
                    m_bucket.low = low;
                    m_bucket.high = high;
                    m_bucket.lowValue = lowValue;
                    m_bucket.highValue = highValue;
                    m_bucket.last = i - 1;
                    inRange += i - start;
                    drawn += i - start;
                }
                if (i >= hi)
                    break;
            }
            // Anything else, one sample at a time.
            const qint64 t = m_times[static_cast<size_t>(i)];
            const double v = m_values[static_cast<size_t>(i)];
            ++i;
            if (t < fromMs || t > toMs) [[unlikely]]
                continue;
            ++inRange;
            if (!std::isfinite(v)) {
                if (std::isnan(v)) {
                    ++m_stats.nanSamples;
                    endRun();
                } else if (v > 0) {
                    ++m_stats.positiveInfinities;
                } else {
                    ++m_stats.negativeInfinities;
                }
                continue;
            }
            if (m_inRun && (t < lastTime || t - lastTime > gapLimit))
                endRun();
            if (!m_inRun || t >= nextColumnStart) {
                flushBucket();
                column = decimationColumn(t, fromMs, toMs, columns);
                nextColumnStart = column + 1 < columns ? columnStart(column + 1, fromMs, span, columns) : never;
                startBucket(i - 1, v);
                m_inRun = true;
            } else {
                extendBucket(i - 1, v);
            }
            lastTime = t;
            ++drawn;
        }
        endRun();
        m_stats.samplesInRange = inRange;
        m_stats.drawnSamples = drawn;
        m_stats.runs = m_runs.size();
        return std::move(m_runs);
    }

private:
    void append(qsizetype i)
    {
        m_run.append(QPointF(static_cast<double>(m_times[static_cast<size_t>(i)]), m_values[static_cast<size_t>(i)]));
    }

    const std::vector<qint64>& m_times;
    const std::vector<double>& m_values;
    DecimationStats& m_stats;
    QList<QList<QPointF>> m_runs;
    QList<QPointF> m_run;
    Bucket m_bucket;
    bool m_hasBucket = false;
    bool m_inRun = false;
};

} // namespace

int decimationColumn(qint64 t, qint64 fromMs, qint64 toMs, int columns)
{
    if (columns <= 1 || toMs <= fromMs)
        return 0;
    if (t <= fromMs)
        return 0;
    if (t >= toMs)
        return columns - 1;
    const qint64 span = toMs - fromMs;
    const qint64 offset = t - fromMs;
    const auto column = span <= std::numeric_limits<qint64>::max() / columns
        ? offset * columns / span
        : static_cast<qint64>(static_cast<Wide>(offset) * columns / span);
    return static_cast<int>(std::min<qint64>(column, columns - 1));
}

QList<QList<QPointF>> decimateM4(
    const Series& series, qint64 fromMs, qint64 toMs, int columns, qint64 gapMs, DecimationStats* stats)
{
    DecimationStats local;
    DecimationStats& counts = stats ? *stats : local;
    counts = {};
    if (toMs < fromMs)
        return {};
    M4 m4(series, counts);
    return m4.run(fromMs, toMs, std::max(columns, 1), gapMs);
}

} // namespace firebreak::analysis
