#include "analysis/logvolume.h"
#include "backends/loki/lokiparser.h"
#include "testutils.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <cmath>

using namespace firebreak;
using namespace firebreak::analysis;

namespace {

constexpr qint64 S = 1000000000;

// The window of the recorded queries (tests/data/loki, see the fixtures' README).
constexpr qint64 FixtureStartNs = 1795620619972090840;
constexpr qint64 FixtureEndNs = 1795621579972090840;

/// The lines of a Loki push body, with each line's level from its stream's `level` label.
struct PushedLines
{
    LogBatch batch;
    std::vector<LogLevel> levels;
};

PushedLines readPush(const QString& file, const QString& service)
{
    PushedLines out;
    const QJsonArray streams = QJsonDocument::fromJson(test::readData(file)).object().value(u"streams").toArray();
    for (const QJsonValue& stream : streams) {
        LogLabels labels;
        const QJsonObject object = stream.toObject().value(u"stream").toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            labels.insert(it.key(), it.value().toString());
        if (labels.value(QStringLiteral("service")) != service)
            continue;
        const qint32 index = out.batch.addStream(labels);
        const LogLevel level = logLevelFromText(labels.value(QStringLiteral("level"))).value_or(LogLevel::Unknown);
        for (const QJsonValue& value : stream.toObject().value(u"values").toArray()) {
            const QJsonArray pair = value.toArray();
            out.batch.append(pair.at(0).toString().toLongLong(), index, pair.at(1).toString().toUtf8());
            out.levels.push_back(level);
        }
    }
    return out;
}

qint64 at(const LogVolume& volume, qsizetype bucket, LogLevel level)
{
    return volume.buckets[static_cast<std::size_t>(bucket)][static_cast<std::size_t>(level)];
}

Series series(const QString& level, std::vector<qint64> timesMs, std::vector<double> values)
{
    Series s;
    if (!level.isNull())
        s.labels.insert(QStringLiteral("level"), level);
    s.timesMs = std::move(timesMs);
    s.values = std::move(values);
    return s;
}

} // namespace

class TestLogVolume : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void niceSteps_data()
    {
        QTest::addColumn<qint64>("spanNs");
        QTest::addColumn<int>("maxBuckets");
        QTest::addColumn<qint64>("stepNs");
        QTest::newRow("5m_in_100_buckets_5s") << 300 * S << 100 << 5 * S; // 300/99 s = 3.03 s -> 5 s
        QTest::newRow("1h_in_120_buckets_1m") << 3600 * S << 120 << 60 * S; // 30.3 s -> 1 m
        QTest::newRow("1h_in_61_buckets_1m") << 3600 * S << 61 << 60 * S; // exactly 60 s
        QTest::newRow("24h_in_100_buckets_15m") << 86400 * S << 100 << 900 * S;
        QTest::newRow("7d_in_100_buckets_2h") << 7 * 86400 * S << 100 << 7200 * S;
        QTest::newRow("90d_in_20_buckets_5d") << 90 * 86400 * S << 20 << 5 * 86400 * S;
        QTest::newRow("tiny_span_at_least_1s") << qint64(1000) << 100 << S;
        QTest::newRow("one_bucket_whole_span") << 100 * S << 1 << 2 * 60 * S;
    }

    void niceSteps()
    {
        QFETCH(qint64, spanNs);
        QFETCH(int, maxBuckets);
        QFETCH(qint64, stepNs);
        QCOMPARE(volumeStepNs(1000 * S, 1000 * S + spanNs, maxBuckets), stepNs);
    }

    void gridIsAlignedAndCoversTheRange()
    {
        const VolumeGrid grid = volumeGrid(FixtureStartNs, FixtureEndNs, 20); // 960 s: 50.5 s -> 1 m
        QCOMPARE(grid.stepNs, 60 * S);
        QCOMPARE(grid.fromNs, 1795620600 * S);
        QCOMPARE(grid.toNs, 1795621620 * S);
        QCOMPARE(grid.bucketCount(), qsizetype(17));
        QVERIFY(grid.bucketCount() <= 20);
        QCOMPARE(grid.queryStartNs(), 1795620660 * S);
        QCOMPARE(grid.queryEndNs(), 1795621620 * S);
        for (int buckets : { 2, 7, 50, 150, 1000 }) {
            const VolumeGrid g = volumeGrid(FixtureStartNs, FixtureEndNs, buckets);
            QVERIFY(g.fromNs <= FixtureStartNs && g.toNs >= FixtureEndNs);
            QCOMPARE(g.fromNs % g.stepNs, qint64(0));
            QVERIFY2(g.bucketCount() <= buckets || g.stepNs == S, qPrintable(QString::number(buckets)));
        }
    }

    void fromLinesCountsByLevelAndBucket()
    {
        LogBatch batch;
        const qint32 stream = batch.addStream({ { QStringLiteral("app"), QStringLiteral("a") } });
        const qint64 from = 1000 * S;
        // Buckets of 10 s over (from, from + 40 s]: the bucket's end belongs to it, its start does not.
        const std::vector<std::pair<qint64, LogLevel>> lines {
            { from, LogLevel::Error }, // on the range's start: outside, as count_over_time sees it
            { from + 1, LogLevel::Info }, { from + 10 * S, LogLevel::Info }, // a bucket's end
            { from + 10 * S + 1, LogLevel::Warn }, { from + 25 * S, LogLevel::Error },
            { from + 25 * S, LogLevel::Error }, { from + 40 * S, LogLevel::Fatal },
            { from + 40 * S + 1, LogLevel::Debug }, // past the end
        };
        std::vector<LogLevel> levels;
        for (const auto& [ns, level] : lines) {
            batch.append(ns, stream, "x");
            levels.push_back(level);
        }
        const LogVolume volume = volumeFromLines(batch, levels, from, from + 40 * S, 4);
        QVERIFY(volume.estimated);
        QCOMPARE(volume.stepNs, 10 * S);
        QCOMPARE(volume.bucketCount(), qsizetype(4));
        QCOMPARE(at(volume, 0, LogLevel::Info), qint64(2));
        QCOMPARE(at(volume, 1, LogLevel::Warn), qint64(1));
        QCOMPARE(at(volume, 2, LogLevel::Error), qint64(2));
        QCOMPARE(at(volume, 3, LogLevel::Fatal), qint64(1));
        QCOMPARE(volume.total(), qint64(6));
        QCOMPARE(volume.maxBucketTotal(), qint64(2));
        QCOMPARE(volume.totalsByLevel()[static_cast<std::size_t>(LogLevel::Debug)], qint64(0));
        QCOMPARE(volume.bucketAt(from), qsizetype(-1));
        QCOMPARE(volume.bucketAt(from + 10 * S), qsizetype(0));
        QCOMPARE(volume.bucketAt(from + 10 * S + 1), qsizetype(1));
        QCOMPARE(volume.bucketAt(from + 41 * S), qsizetype(-1));

        // A span that does not divide: the step is rounded up so the buckets still reach the end.
        const LogVolume uneven = volumeFromLines(batch, levels, from, from + 41 * S, 4);
        QCOMPARE(uneven.stepNs, qint64(10250000000));
        QVERIFY(uneven.toNs >= from + 41 * S);
        QCOMPARE(uneven.total(), qint64(7));
        // Missing levels count as Unknown.
        const LogVolume unlevelled = volumeFromLines(batch, {}, from, from + 40 * S, 4);
        QCOMPARE(unlevelled.totalsByLevel()[static_cast<std::size_t>(LogLevel::Unknown)], qint64(6));
    }

    /// The recorded Loki 2.9.9 answer to `sum by (level) (count_over_time({service="checkout"}[1m]))`
    /// against the lines that were pushed: both ways of counting give the same histogram.
    void matrixFromRealLokiMatchesTheLines()
    {
        const auto parsed
            = loki::parseQueryResponse(test::readData(QStringLiteral("loki/loki-query_range-metric-by-level.json")));
        QVERIFY(parsed.ok());
        const VolumeGrid grid = volumeGrid(FixtureStartNs, FixtureEndNs, 20);
        QCOMPARE(grid.stepNs, 60 * S);
        const LogVolume fromServer = volumeFromMatrix(parsed.value->series, grid);
        QVERIFY(!fromServer.estimated);
        QCOMPARE(fromServer.bucketCount(), qsizetype(17));
        QCOMPARE(fromServer.totalsByLevel()[static_cast<std::size_t>(LogLevel::Error)], qint64(11));
        QCOMPARE(fromServer.totalsByLevel()[static_cast<std::size_t>(LogLevel::Info)], qint64(30));
        QCOMPARE(fromServer.totalsByLevel()[static_cast<std::size_t>(LogLevel::Warn)], qint64(6));
        QCOMPARE(fromServer.total(), qint64(47));
        // The sample at 1795620900 s counts (…840 s, …900 s]: bucket 4 of the grid from …600 s.
        QCOMPARE(at(fromServer, 4, LogLevel::Info), qint64(3));
        QCOMPARE(at(fromServer, 3, LogLevel::Info), qint64(0));
        QCOMPARE(at(fromServer, 13, LogLevel::Error), qint64(2));

        const PushedLines pushed = readPush(QStringLiteral("loki/request-loki-push.json"), QStringLiteral("checkout"));
        QCOMPARE(pushed.batch.size(), qsizetype(47));
        const LogVolume fromLines
            = volumeFromLines(pushed.batch, pushed.levels, grid.fromNs, grid.toNs, int(grid.bucketCount()));
        QCOMPARE(fromLines.stepNs, grid.stepNs);
        QCOMPARE(fromLines.fromNs, fromServer.fromNs);
        QCOMPARE(fromLines.buckets, fromServer.buckets);
    }

    void matrixLevelsAndOddSamples()
    {
        const VolumeGrid grid { 100 * S, 160 * S, 20 * S }; // three buckets: (100,120] (120,140] (140,160]
        QList<Series> byLevel {
            series(QStringLiteral("error"), { 120000, 140000 }, { 2, 3 }),
            series(QStringLiteral("ERROR"), { 120000 }, { 1 }), // spellings of one level add up
            series(QStringLiteral("warning"), { 160000 }, { 4 }),
            series(QStringLiteral("chatty"), { 140000 }, { 5 }), // not a level: Unknown
            series(QString(), { 160000 }, { 6 }), // lines without a level label
            series(QStringLiteral("info"), { 100000, 130000, 180000 }, { 7, 8, 9 }), // before, off and past the grid
            series(QStringLiteral("debug"), { 120000, 140000 }, { std::nan(""), 2.4 }),
        };
        const LogVolume volume = volumeFromMatrix(byLevel, grid);
        QCOMPARE(volume.bucketCount(), qsizetype(3));
        QCOMPARE(at(volume, 0, LogLevel::Error), qint64(3));
        QCOMPARE(at(volume, 1, LogLevel::Error), qint64(3));
        QCOMPARE(at(volume, 2, LogLevel::Warn), qint64(4));
        QCOMPARE(at(volume, 1, LogLevel::Unknown), qint64(5));
        QCOMPARE(at(volume, 2, LogLevel::Unknown), qint64(6));
        QCOMPARE(volume.totalsByLevel()[static_cast<std::size_t>(LogLevel::Info)], qint64(0));
        QCOMPARE(at(volume, 0, LogLevel::Debug), qint64(0));
        QCOMPARE(at(volume, 1, LogLevel::Debug), qint64(2));
        QCOMPARE(volume.total(), qint64(23));
    }

    void volumeQueries_data()
    {
        QTest::addColumn<QString>("logql");
        QTest::addColumn<QString>("expected"); // null: no volume
        QTest::newRow("selector") << QStringLiteral("{app=\"x\"}")
                                  << QStringLiteral("sum by (level) (count_over_time({app=\"x\"} [60s]))");
        QTest::newRow("line_filter_and_parser")
            << QStringLiteral("{app=\"x\"} |= \"err\" | json")
            << QStringLiteral("sum by (level) (count_over_time({app=\"x\"} |= \"err\" | json [60s]))");
        QTest::newRow("all_line_filters_and_or")
            << QStringLiteral("{a=~\"b|c\", d!=\"}\"} != \"x\" |~ `y\\d+` !~ \"z\" |= \"p\" or \"q\" |> \"<_> ok\"")
            << QStringLiteral("sum by (level) (count_over_time({a=~\"b|c\", d!=\"}\"} != \"x\" |~ `y\\d+` !~ \"z\" |= "
                              "\"p\" or \"q\" |> \"<_> ok\" [60s]))");
        QTest::newRow("label_filters_decide_the_lines")
            << QStringLiteral("{app=\"x\"} | logfmt | status >= 500 and level != \"info\" | duration > 1.5s")
            << QStringLiteral("sum by (level) (count_over_time({app=\"x\"} | logfmt | status >= 500 and level != "
                              "\"info\" | duration > 1.5s [60s]))");
        QTest::newRow("line_filter_after_label_filter")
            << QStringLiteral("{app=\"x\"} | json | level = \"error\" != \"timeout\"")
            << QStringLiteral(
                   "sum by (level) (count_over_time({app=\"x\"} | json | level = \"error\" != \"timeout\" [60s]))");
        QTest::newRow("formatting_at_the_end_dropped") << QStringLiteral(
            "{app=\"x\"} |= \"GET\" | json | line_format \"{{.msg}}\" | label_format svc=app | keep level | drop pod | "
            "decolorize") << QStringLiteral("sum by (level) (count_over_time({app=\"x\"} |= \"GET\" | json [60s]))");
        QTest::newRow("formatting_a_filter_reads_kept")
            << QStringLiteral("{app=\"x\"} | json | line_format \"{{.msg}}\" |= \"boom\"")
            << QStringLiteral(
                   "sum by (level) (count_over_time({app=\"x\"} | json | line_format \"{{.msg}}\" |= \"boom\" [60s]))");
        QTest::newRow("parsers_with_arguments")
            << QStringLiteral(
                   "{app=\"x\"} | regexp \"(?P<ip>\\\\S+) \\\"|\\\"\" | pattern `<_> <status>` | json a=\"b.c\", d")
            << QStringLiteral("sum by (level) (count_over_time({app=\"x\"} | regexp \"(?P<ip>\\\\S+) \\\"|\\\"\" | "
                              "pattern `<_> <status>` | json a=\"b.c\", d [60s]))");
        QTest::newRow("comments_and_newlines")
            << QStringLiteral("{app=\"x\"} # the app\n  |= \"a#b\" # only a\n")
            << QStringLiteral("sum by (level) (count_over_time({app=\"x\"} |= \"a#b\" [60s]))");
        QTest::newRow("grouped_label_filter")
            << QStringLiteral("{app=\"x\"} | logfmt | (a=\"1\" or b=\"2\")")
            << QStringLiteral("sum by (level) (count_over_time({app=\"x\"} | logfmt | (a=\"1\" or b=\"2\") [60s]))");
        QTest::newRow("metric_query") << QStringLiteral("sum(rate({app=\"x\"}[5m]))") << QString();
        QTest::newRow("metric_count") << QStringLiteral("count_over_time({app=\"x\"}[1m])") << QString();
        QTest::newRow("log_range") << QStringLiteral("{app=\"x\"}[5m]") << QString();
        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("unclosed_selector") << QStringLiteral("{app=\"x\"") << QString();
        QTest::newRow("unclosed_string") << QStringLiteral("{app=\"x\"} |= \"err") << QString();
        QTest::newRow("unbalanced_parenthesis") << QStringLiteral("{app=\"x\"} | (a=\"1\"))") << QString();
        QTest::newRow("junk_before_stages") << QStringLiteral("{app=\"x\"} oops |= \"a\"") << QString();
    }

    void volumeQueries()
    {
        QFETCH(QString, logql);
        QFETCH(QString, expected);
        const std::optional<QString> query = volumeQuery(logql, 60 * S);
        if (expected.isNull()) {
            QVERIFY2(!query, qPrintable(query.value_or(QString())));
            return;
        }
        QVERIFY(query);
        QCOMPARE(*query, expected);
    }

    void durations()
    {
        QCOMPARE(logqlDuration(60 * S), QStringLiteral("60s"));
        QCOMPARE(logqlDuration(3600 * S), QStringLiteral("3600s"));
        QCOMPARE(logqlDuration(1500000000), QStringLiteral("1500ms"));
        QCOMPARE(logqlDuration(1), QStringLiteral("1ms"));
        QCOMPARE(*volumeQuery(QStringLiteral("{a=\"b\"}"), 15 * 60 * S),
            QStringLiteral("sum by (level) (count_over_time({a=\"b\"} [900s]))"));
        QVERIFY(!volumeQuery(QStringLiteral("{a=\"b\"}"), 0));
    }
};

QTEST_GUILESS_MAIN(TestLogVolume)
#include "tst_logvolume.moc"
