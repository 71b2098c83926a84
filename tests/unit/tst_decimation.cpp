#include "analysis/decimation.h"

#include <QRandomGenerator>
#include <QTest>

#include <cmath>
#include <limits>

using namespace firebreak;
using namespace firebreak::analysis;

namespace {

constexpr double Inf = std::numeric_limits<double>::infinity();
constexpr double NaN = std::numeric_limits<double>::quiet_NaN();

Series makeSeries(std::vector<qint64> times, std::vector<double> values)
{
    Series s;
    s.timesMs = std::move(times);
    s.values = std::move(values);
    return s;
}

/// One stretch of consecutive finite samples of one run that fall into one column: what M4 must preserve.
struct Segment
{
    int column;
    std::vector<qsizetype> samples;
};

/// The expected decomposition, computed the slow and obvious way (straight from the documented rules) from
/// sorted input: runs of segments.
std::vector<std::vector<Segment>> reference(const Series& s, qint64 from, qint64 to, int columns, qint64 gapMs)
{
    std::vector<std::vector<Segment>> runs;
    std::vector<Segment> run;
    qint64 lastTime = 0;
    auto endRun = [&] {
        if (!run.empty())
            runs.push_back(std::move(run));
        run.clear();
    };
    for (qsizetype i = 0; i < s.size(); ++i) {
        const qint64 t = s.timesMs[size_t(i)];
        const double v = s.values[size_t(i)];
        if (t < from || t > to)
            continue;
        if (std::isnan(v)) {
            endRun();
            continue;
        }
        if (std::isinf(v))
            continue;
        if (!run.empty() && (t < lastTime || (gapMs > 0 && t - lastTime > gapMs)))
            endRun();
        const int column = decimationColumn(t, from, to, columns);
        if (run.empty() || run.back().column != column)
            run.push_back({ column, {} });
        run.back().samples.push_back(i);
        lastTime = t;
    }
    endRun();
    return runs;
}

QString describe(const QList<QList<QPointF>>& runs)
{
    QStringList parts;
    for (const auto& run : runs) {
        QStringList points;
        for (const QPointF& p : run)
            points << QStringLiteral("(%1,%2)").arg(qint64(p.x())).arg(p.y());
        parts << points.join(u' ');
    }
    return parts.join(QStringLiteral(" | "));
}

/// Checks every documented property of decimateM4's answer against the reference decomposition.
void verify(const Series& s, qint64 from, qint64 to, int columns, qint64 gapMs)
{
    DecimationStats stats;
    const auto runs = decimateM4(s, from, to, columns, gapMs, &stats);
    const auto expected = reference(s, from, to, columns, gapMs);
    QCOMPARE(runs.size(), qsizetype(expected.size()));
    QCOMPARE(stats.runs, qint64(expected.size()));

    qint64 points = 0;
    qint64 finite = 0;
    for (size_t r = 0; r < expected.size(); ++r) {
        const QList<QPointF>& run = runs[qsizetype(r)];
        QVERIFY(!run.isEmpty());
        points += run.size();
        // Every point lies in [from, to], and a run goes forward in time.
        for (qsizetype p = 0; p < run.size(); ++p) {
            if (run[p].x() < double(from) || run[p].x() > double(to))
                QFAIL(qPrintable(QStringLiteral("point outside the range: ") + describe(runs)));
            QVERIFY(std::isfinite(run[p].y()));
            if (p > 0)
                QVERIFY(run[p].x() >= run[p - 1].x());
        }
        // Walk the run segment by segment: each segment gives 1..4 of its own samples, in sample order, starting
        // with its first, ending with its last, and including a lowest and a highest one.
        qsizetype at = 0;
        for (const Segment& segment : expected[r]) {
            finite += qint64(segment.samples.size());
            double low = Inf;
            double high = -Inf;
            for (const qsizetype i : segment.samples) {
                low = std::min(low, s.values[size_t(i)]);
                high = std::max(high, s.values[size_t(i)]);
            }
            const qsizetype first = segment.samples.front();
            const qsizetype last = segment.samples.back();
            const qsizetype distinctExpected = std::min<qsizetype>(4, qsizetype(segment.samples.size()));
            QVERIFY(at < run.size());
            QCOMPARE(run[at], QPointF(double(s.timesMs[size_t(first)]), s.values[size_t(first)]));
            bool sawLow = false;
            bool sawHigh = false;
            qsizetype count = 0;
            qsizetype sampleCursor = 0;
            while (at < run.size() && decimationColumn(qint64(run[at].x()), from, to, columns) == segment.column
                && (count == 0 || sampleCursor < qsizetype(segment.samples.size()))) {
                // The point must be one of the segment's samples, later than the previous point's sample.
                bool found = false;
                for (; sampleCursor < qsizetype(segment.samples.size()); ++sampleCursor) {
                    const qsizetype i = segment.samples[size_t(sampleCursor)];
                    if (double(s.timesMs[size_t(i)]) == run[at].x() && s.values[size_t(i)] == run[at].y()) {
                        found = true;
                        ++sampleCursor;
                        break;
                    }
                }
                if (!found)
                    QFAIL(qPrintable(QStringLiteral("point %1 of run %2 is not a sample of column %3: %4")
                                         .arg(at)
                                         .arg(r)
                                         .arg(segment.column)
                                         .arg(describe(runs))));
                sawLow = sawLow || run[at].y() == low;
                sawHigh = sawHigh || run[at].y() == high;
                ++count;
                ++at;
            }
            QVERIFY(sawLow);
            QVERIFY(sawHigh);
            QVERIFY(count >= 1 && count <= 4);
            QVERIFY(count <= distinctExpected);
            QCOMPARE(run[at - 1], QPointF(double(s.timesMs[size_t(last)]), s.values[size_t(last)]));
            if (segment.samples.size() == 1)
                QCOMPARE(count, qsizetype(1));
        }
        QCOMPARE(at, run.size());
    }
    QCOMPARE(stats.outputPoints, points);
    QCOMPARE(stats.drawnSamples, finite);
}

} // namespace

class TestDecimation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void columnEdges()
    {
        // 10 columns over [0, 100]: [0,10) [10,20) … [90,100], the end in the last one.
        QCOMPARE(decimationColumn(0, 0, 100, 10), 0);
        QCOMPARE(decimationColumn(9, 0, 100, 10), 0);
        QCOMPARE(decimationColumn(10, 0, 100, 10), 1);
        QCOMPARE(decimationColumn(99, 0, 100, 10), 9);
        QCOMPARE(decimationColumn(100, 0, 100, 10), 9);
        QCOMPARE(decimationColumn(-5, 0, 100, 10), 0);
        QCOMPARE(decimationColumn(500, 0, 100, 10), 9);
        // Uneven: 3 columns over 10 ms.
        QCOMPARE(decimationColumn(3, 0, 10, 3), 0);
        QCOMPARE(decimationColumn(4, 0, 10, 3), 1);
        QCOMPARE(decimationColumn(6, 0, 10, 3), 1);
        QCOMPARE(decimationColumn(7, 0, 10, 3), 2);
        // Real epoch times and more columns than milliseconds.
        const qint64 t0 = 1'700'000'000'000;
        QCOMPARE(decimationColumn(t0 + 1, t0, t0 + 4, 2000), 500);
        QCOMPARE(decimationColumn(t0, t0, t0, 2000), 0);
        // Spans × columns beyond 64 bits still divide exactly.
        const qint64 huge = std::numeric_limits<qint64>::max() / 2 - 1; // even, so half of it is column 5000 exactly
        QCOMPARE(decimationColumn(huge / 2, 0, huge, 10000), 5000);
    }

    void handCases()
    {
        // One column: first, min, max, last in time order.
        {
            const auto s = makeSeries({ 0, 1, 2, 3, 4 }, { 5, 9, 1, 7, 6 });
            const auto runs = decimateM4(s, 0, 4, 1, 0);
            QCOMPARE(runs.size(), 1);
            QCOMPARE(runs[0], (QList<QPointF> { { 0, 5 }, { 1, 9 }, { 2, 1 }, { 4, 6 } }));
        }
        // Min before max, and first being the maximum: three points.
        {
            const auto s = makeSeries({ 0, 1, 2, 3 }, { 9, 1, 4, 3 });
            QCOMPARE(decimateM4(s, 0, 3, 1, 0), (QList<QList<QPointF>> { { { 0, 9 }, { 1, 1 }, { 3, 3 } } }));
        }
        // One sample gives one point; a flat column gives first and last only.
        {
            const auto s = makeSeries({ 10 }, { 3 });
            QCOMPARE(decimateM4(s, 0, 100, 50, 0), (QList<QList<QPointF>> { { { 10, 3 } } }));
            const auto flat = makeSeries({ 0, 1, 2, 3 }, { 2, 2, 2, 2 });
            QCOMPARE(decimateM4(flat, 0, 3, 1, 0), (QList<QList<QPointF>> { { { 0, 2 }, { 3, 2 } } }));
        }
        // Two columns: each keeps its own extremes; the run goes on across the edge.
        {
            const auto s = makeSeries({ 0, 1, 2, 3, 4, 5, 6, 7 }, { 0, 5, -5, 1, 2, 8, -8, 3 });
            const auto runs = decimateM4(s, 0, 8, 2, 0);
            QCOMPARE(runs,
                (QList<QList<QPointF>> {
                    { { 0, 0 }, { 1, 5 }, { 2, -5 }, { 3, 1 }, { 4, 2 }, { 5, 8 }, { 6, -8 }, { 7, 3 } } }));
        }
        // A NaN (staleness marker) ends a run; Inf is not drawn but does not end it.
        {
            DecimationStats stats;
            const auto s = makeSeries({ 0, 10, 20, 30, 40, 50 }, { 1, 2, NaN, 3, Inf, -Inf });
            const auto runs = decimateM4(s, 0, 50, 100, 0, &stats);
            QCOMPARE(runs, (QList<QList<QPointF>> { { { 0, 1 }, { 10, 2 } }, { { 30, 3 } } }));
            QCOMPARE(stats.nanSamples, 1);
            QCOMPARE(stats.positiveInfinities, 1);
            QCOMPARE(stats.negativeInfinities, 1);
            QCOMPARE(stats.samplesInRange, 6);
            QCOMPARE(stats.drawnSamples, 3);
            QCOMPARE(stats.outputPoints, 3);
            QCOMPARE(stats.runs, 2);
        }
        // A time gap over gapMs ends a run, measured from the last drawn sample (across an Inf).
        {
            const auto s = makeSeries({ 0, 15, 30, 45, 120, 135, 150, 165 }, { 1, 2, 3, 4, 5, Inf, 7, 8 });
            QCOMPARE(decimateM4(s, 0, 165, 1000, 20),
                (QList<QList<QPointF>> {
                    { { 0, 1 }, { 15, 2 }, { 30, 3 }, { 45, 4 } }, { { 120, 5 } }, { { 150, 7 }, { 165, 8 } } }));
            // gapMs 0: only NaNs break lines.
            QCOMPARE(decimateM4(s, 0, 165, 1000, 0).size(), 1);
        }
        // Only [from, to]: the sample at each end is in, the ones outside are not.
        {
            const auto s = makeSeries({ 0, 10, 20, 30, 40 }, { 0, 1, 2, 3, 4 });
            QCOMPARE(decimateM4(s, 10, 30, 100, 0), (QList<QList<QPointF>> { { { 10, 1 }, { 20, 2 }, { 30, 3 } } }));
            QCOMPARE(decimateM4(s, 41, 100, 100, 0), QList<QList<QPointF>>());
            QCOMPARE(decimateM4(s, 30, 10, 100, 0), QList<QList<QPointF>>());
        }
        // Duplicated times on a column edge: both samples belong to the later column.
        {
            const auto s = makeSeries({ 0, 5, 5, 5, 9 }, { 1, 7, -7, 2, 3 });
            const auto runs = decimateM4(s, 0, 10, 2, 0);
            QCOMPARE(runs, (QList<QList<QPointF>> { { { 0, 1 }, { 5, 7 }, { 5, -7 }, { 9, 3 } } }));
        }
        // A time going backwards starts a new run rather than drawing the line back.
        {
            const auto s = makeSeries({ 0, 10, 5, 15 }, { 1, 2, 3, 4 });
            QCOMPARE(decimateM4(s, 0, 20, 100, 0),
                (QList<QList<QPointF>> { { { 0, 1 }, { 10, 2 } }, { { 5, 3 }, { 15, 4 } } }));
        }
        // Empty and mismatched inputs.
        {
            QCOMPARE(decimateM4(Series {}, 0, 100, 10, 0), QList<QList<QPointF>>());
            const auto s = makeSeries({ 0, 1, 2 }, { 1, 2 });
            QCOMPARE(decimateM4(s, 0, 2, 10, 0), (QList<QList<QPointF>> { { { 0, 1 }, { 1, 2 } } }));
            QCOMPARE(decimateM4(makeSeries({ 0, 1 }, { 1, 2 }), 0, 1, 0, 0),
                (QList<QList<QPointF>> { { { 0, 1 }, { 1, 2 } } }));
        }
    }

    void randomProperties_data()
    {
        QTest::addColumn<quint32>("seed");
        for (quint32 seed = 1; seed <= 80; ++seed)
            QTest::newRow(qPrintable(QStringLiteral("seed %1").arg(seed))) << seed;
    }

    void randomProperties()
    {
        QFETCH(quint32, seed);
        QRandomGenerator random(seed);
        const int n = random.bounded(0, 2000);
        const qint64 t0 = 1'700'000'000'000 + random.bounded(0, 1000);
        const qint64 step = random.bounded(1, 30'000);
        std::vector<qint64> times;
        std::vector<double> values;
        qint64 t = t0;
        const int special = random.bounded(0, 4); // how often NaN / Inf appear
        for (int i = 0; i < n; ++i) {
            const int roll = random.bounded(0, 100);
            if (roll < 3)
                t += step * random.bounded(2, 50); // a scrape gap
            else if (roll < 8)
                ; // a duplicated time
            else
                t += step;
            times.push_back(t);
            const int kind = random.bounded(0, 100);
            double v;
            if (kind < special)
                v = NaN;
            else if (kind < 2 * special)
                v = random.bounded(0, 2) ? Inf : -Inf;
            else if (kind < 20)
                v = double(random.bounded(0, 4)); // ties
            else
                v = random.generateDouble() * 2000 - 1000;
            values.push_back(v);
        }
        const Series s = makeSeries(times, values);
        const qint64 lastTime = times.empty() ? t0 : times.back();
        // Ranges: the whole series, a window inside, one wider than the data, one ending in the middle.
        const qint64 inside = t0 + (lastTime - t0) / 3;
        const QList<std::pair<qint64, qint64>> ranges = {
            { t0, lastTime },
            { inside, inside + (lastTime - t0) / 3 },
            { t0 - 100'000, lastTime + 100'000 },
            { times.empty() ? t0 : times[times.size() / 2], lastTime + 1 },
        };
        const int widths[] = { 1, 2, 7, 100, 2000, random.bounded(1, 5000) };
        const qint64 gaps[] = { 0, step, step * 3 / 2, step * 10 };
        for (const auto& [from, to] : ranges) {
            for (const int columns : widths) {
                for (const qint64 gap : gaps) {
                    verify(s, from, to, columns, gap);
                    if (QTest::currentTestFailed()) {
                        qWarning("seed %u, range [%lld, %lld], %d columns, gap %lld", seed, from, to, columns, gap);
                        return;
                    }
                }
            }
        }
    }

    void manyPointsStayBounded()
    {
        // 200,000 samples into 500 columns: at most 4 points per column and run.
        std::vector<qint64> times(200'000);
        std::vector<double> values(200'000);
        for (size_t i = 0; i < times.size(); ++i) {
            times[i] = qint64(i) * 15;
            values[i] = std::sin(double(i) / 100.0) * 100;
        }
        const Series s = makeSeries(times, values);
        DecimationStats stats;
        const auto runs = decimateM4(s, 0, times.back(), 500, 30, &stats);
        QCOMPARE(runs.size(), 1);
        QVERIFY(runs[0].size() <= 4 * 500);
        QVERIFY(runs[0].size() >= 2 * 500);
        QCOMPARE(stats.drawnSamples, 200'000);
        verify(s, 0, times.back(), 500, 30);
    }
};

QTEST_GUILESS_MAIN(TestDecimation)
#include "tst_decimation.moc"
