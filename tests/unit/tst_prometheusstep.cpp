#include "backends/prometheus/prometheusclient.h"

#include <QTest>

using namespace firebreak::prometheus;

namespace {

constexpr qint64 S = 1000;
constexpr qint64 M = 60 * S;
constexpr qint64 H = 60 * M;
constexpr qint64 D = 24 * H;

} // namespace

/// PrometheusClient::stepForWidth: the step of a range query from the chart's width in pixels.
class TestPrometheusStep : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void stepForWidth_data()
    {
        QTest::addColumn<qint64>("rangeMs");
        QTest::addColumn<int>("pixels");
        QTest::addColumn<qint64>("minStepMs");
        QTest::addColumn<qint64>("stepMs");
        QTest::addColumn<qint64>("points");
        QTest::newRow("hour_on_1000px_stays_at_scrape_interval") << H << 1000 << 15 * S << 15 * S << qint64(241);
        QTest::newRow("day_on_1000px_two_minutes") << D << 1000 << 15 * S << 2 * M << qint64(721);
        QTest::newRow("day_on_2000px_one_minute") << D << 2000 << 15 * S << M << qint64(1441);
        QTest::newRow("week_on_800px_quarter_hour") << 7 * D << 800 << 15 * S << 15 * M << qint64(673);
        QTest::newRow("exactly_one_point_per_pixel_is_too_many")
            << 1000 * 15 * S << 1000 << 15 * S << 30 * S << qint64(501);
        QTest::newRow("minute_with_one_second_floor") << M << 1000 << S << S << qint64(61);
        QTest::newRow("odd_floor_rounds_up_to_nice") << H << 1000 << 7 * S << 10 * S << qint64(361);
        QTest::newRow("sub_second_when_allowed") << S << 1000 << qint64(1) << qint64(2) << qint64(501);
        // 20,000 px would allow a 2 s step: 15,001 points, past the server's 11,000.
        QTest::newRow("wide_screen_capped_by_server_limit") << 30000 * S << 20000 << S << 5 * S << qint64(6001);
        QTest::newRow("year_in_whole_days") << 365 * D << 50 << 15 * S << 8 * D << qint64(46);
        QTest::newRow("empty_range") << qint64(0) << 1000 << 15 * S << 15 * S << qint64(1);
        QTest::newRow("zero_width_gives_one_point") << H << 0 << 15 * S << 2 * H << qint64(1);
        QTest::newRow("no_floor") << H << 1000 << qint64(0) << 5 * S << qint64(721);
    }

    void stepForWidth()
    {
        QFETCH(qint64, rangeMs);
        QFETCH(int, pixels);
        QFETCH(qint64, minStepMs);
        QFETCH(qint64, stepMs);
        QFETCH(qint64, points);
        constexpr qint64 start = 1795514400000;
        const qint64 step = PrometheusClient::stepForWidth(start, start + rangeMs, pixels, minStepMs);
        QCOMPARE(step, stepMs);
        QCOMPARE(PrometheusClient::pointCount({ QString(), start, start + rangeMs, step }), points);
    }

    void endBeforeStartGivesTheFloor()
    {
        QCOMPARE(PrometheusClient::stepForWidth(2 * H, H, 1000), DefaultScrapeIntervalMs);
    }

    void neverMorePointsThanPixelsOrTheServerLimit()
    {
        const qint64 nice[] = { 1, 2, 5, 10, 20, 50, 100, 200, 500, S, 2 * S, 5 * S, 10 * S, 15 * S, 30 * S, M, 2 * M,
            5 * M, 10 * M, 15 * M, 30 * M, H, 2 * H, 3 * H, 6 * H, 12 * H, D, 2 * D, 7 * D };
        for (const qint64 range : { qint64(0), 999 * S, 5 * M, H + 1, 6 * H, D - 1, 30 * D, 400 * D }) {
            for (const int pixels : { 1, 2, 3, 317, 1920, 7680, 50000 }) {
                for (const qint64 floor : { qint64(1), S, 15 * S, 3 * D }) {
                    const qint64 step = PrometheusClient::stepForWidth(0, range, pixels, floor);
                    const qint64 points = PrometheusClient::pointCount({ QString(), 0, range, step });
                    const QByteArray where = QByteArray::number(range) + " ms on " + QByteArray::number(pixels)
                        + " px, floor " + QByteArray::number(floor) + ": step " + QByteArray::number(step);
                    QVERIFY2(step >= floor, where.constData());
                    QVERIFY2(points <= std::min<qint64>(pixels, MaxPointsPerSeries), where.constData());
                    QVERIFY2(std::find(std::begin(nice), std::end(nice), step) != std::end(nice) || step % D == 0,
                        where.constData());
                    // The step before it in the list would have been too fine (or under the floor).
                    const auto at = std::find(std::begin(nice), std::end(nice), step);
                    if (at != std::end(nice) && at != std::begin(nice) && *(at - 1) >= floor) {
                        const qint64 finer = PrometheusClient::pointCount({ QString(), 0, range, *(at - 1) });
                        QVERIFY2(finer > std::min<qint64>(pixels, MaxPointsPerSeries), where.constData());
                    }
                }
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestPrometheusStep)

#include "tst_prometheusstep.moc"
