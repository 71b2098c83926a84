// The Logs workspace's side pieces as a user meets them: the volume histogram (stacked by level, drag to zoom the
// shared range, counted by Loki or estimated from the lines), the live tail against a (fake) Loki, and the
// patterns view.

#include "analysis/patterntablemodel.h"
#include "backends/loki/lokiclient.h"
#include "common/appcontext.h"
#include "fakeloki.h"
#include "logs/livetailcontroller.h"
#include "logs/loglevelcolors.h"
#include "logs/logvolumehistogram.h"
#include "logs/logvolumeloader.h"
#include "logs/patternsview.h"
#include "net/profilestore.h"
#include "testhttpserver.h"
#include "testutils.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QLabel>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <numeric>

using namespace firebreak;
using namespace firebreak::ui;
using analysis::LogLevel;

namespace {

constexpr int WaitMs = 15000;
constexpr qint64 NsPerMs = 1000000;
constexpr qint64 S = 1000 * NsPerMs;

// The recorded push (tests/data/loki/request-loki-push.json): 88 lines between these.
constexpr qint64 FixtureStartNs = 1795620619972090840;
constexpr qint64 FixtureEndNs = 1795621579972090840;

std::size_t index(LogLevel level)
{
    return static_cast<std::size_t>(level);
}

struct Line
{
    qint64 ns;
    QString text;
    bool operator==(const Line&) const = default;
};

QList<Line> linesOf(const LogBatch& batch)
{
    QList<Line> out;
    for (qsizetype i = 0; i < batch.size(); ++i)
        out.append({ batch.at(i).timestampNs, batch.textString(batch.at(i)) });
    return out;
}

QString describe(const QList<Line>& lines)
{
    QStringList out;
    for (const Line& line : lines)
        out << QStringLiteral("%1 %2").arg(line.ns).arg(line.text);
    return out.join(u'\n');
}

} // namespace

class TestLogsPanels : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<AppContext> m_context;
    std::optional<test::FakeLoki> m_loki;

    net::ConnectionProfile lokiProfile()
    {
        net::ConnectionProfile profile = net::ProfileStore::newProfile(net::BackendKind::Loki);
        profile.name = QStringLiteral("loki-test");
        profile.baseUrl = QUrl(m_loki->url());
        profile.timeout = std::chrono::milliseconds(WaitMs);
        return profile;
    }

    /// A minute-bucket volume over the shared range's hour: bucket 10 holds 5 errors and 5 info lines, bucket 11
    /// 10 info lines, bucket 12 a single warning.
    analysis::LogVolume sampleVolume(qint64 fromNs, bool estimated = false) const
    {
        analysis::LogVolume volume;
        volume.fromNs = fromNs;
        volume.stepNs = 60 * S;
        volume.toNs = fromNs + 60 * volume.stepNs;
        volume.buckets.assign(60, analysis::LogVolume::Counts {});
        volume.buckets[10][index(LogLevel::Error)] = 5;
        volume.buckets[10][index(LogLevel::Info)] = 5;
        volume.buckets[11][index(LogLevel::Info)] = 10;
        volume.buckets[12][index(LogLevel::Warn)] = 1;
        volume.estimated = estimated;
        return volume;
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_context = std::make_unique<AppContext>(
            m_dir.filePath(QStringLiteral("settings.ini")), m_dir.filePath(QStringLiteral("secrets.json")));
        m_loki.emplace();
        QVERIFY(m_loki->listen());
        QCOMPARE(m_loki->push(test::readData(QStringLiteral("loki/request-loki-push.json"))), QString());
    }

    void cleanup()
    {
        m_loki.reset();
        m_context.reset();
    }

    void histogramGeometryMapsTime()
    {
        VolumeHistogramGeometry geometry;
        geometry.width = 608;
        geometry.leftMargin = 4;
        geometry.rightMargin = 4; // 600 px of plot
        geometry.fromNs = 1000;
        geometry.toNs = 7000;
        QCOMPARE(geometry.timeToX(1000), 4.0);
        QCOMPARE(geometry.timeToX(7000), 604.0);
        QCOMPARE(geometry.xToTime(304), qint64(4000));
        QCOMPARE(geometry.xToTime(-50), qint64(1000)); // clamped to the plot
        QCOMPARE(geometry.xToTime(900), qint64(7000));
        geometry.height = 100;
        geometry.topMargin = 10;
        geometry.axisHeight = 10;
        QCOMPARE(geometry.countToHeight(5, 10), 40.0);
        QCOMPARE(geometry.countToHeight(5, 0), 0.0);
    }

    void histogramStacksByLevel()
    {
        TimeRangeController& range = m_context->timeRange();
        const qint64 fromMs = 1795620000000;
        range.setAbsolute({ fromMs, fromMs + 3600 * 1000 });
        LogVolumeHistogram histogram(range);
        histogram.resize(608, 120);
        histogram.show();
        QVERIFY(QTest::qWaitForWindowExposed(&histogram));
        histogram.setVolume(sampleVolume(fromMs * NsPerMs));
        QVERIFY(!histogram.isLoading());
        QVERIFY2(histogram.statusText().contains(QStringLiteral("21")), qPrintable(histogram.statusText()));

        const VolumeHistogramGeometry geometry = histogram.histogramGeometry();
        const QImage image = histogram.grab().toImage();
        const auto colourAt = [&](qsizetype bucket, double fraction) {
            const double x = (geometry.timeToX(fromMs * NsPerMs + bucket * 60 * S)
                                 + geometry.timeToX(fromMs * NsPerMs + (bucket + 1) * 60 * S))
                / 2;
            const double y = geometry.plotBottom() - 1 - fraction * (geometry.plotHeight() - 2);
            return image.pixelColor(int(x), int(y));
        };
        // Bucket 10: errors at the bottom (half the tallest bar), info above them.
        QCOMPARE(colourAt(10, 0.1), logLevelColor(LogLevel::Error));
        QCOMPARE(colourAt(10, 0.4), logLevelColor(LogLevel::Error));
        QCOMPARE(colourAt(10, 0.6), logLevelColor(LogLevel::Info));
        QCOMPARE(colourAt(10, 0.9), logLevelColor(LogLevel::Info));
        QCOMPARE(colourAt(11, 0.1), logLevelColor(LogLevel::Info)); // the tallest bar, all info
        QCOMPARE(colourAt(11, 0.95), logLevelColor(LogLevel::Info));
        QCOMPARE(colourAt(12, 0.0), logLevelColor(LogLevel::Warn)); // one line of ten: still seen
        QCOMPARE(colourAt(12, 0.5), histogram.palette().color(QPalette::Base));
        QCOMPARE(colourAt(30, 0.1), histogram.palette().color(QPalette::Base));

        // The tooltip names the bucket's time and its counts per level.
        const int x10 = int(geometry.timeToX(fromMs * NsPerMs + 10 * 60 * S + 30 * S));
        QCOMPARE(histogram.bucketAtX(x10), qsizetype(10));
        const QString tip = histogram.toolTipAt(QPoint(x10, int(geometry.plotBottom()) - 5));
        QVERIFY2(tip.contains(QStringLiteral("error</td><td align=\"right\">5"))
                && tip.contains(QStringLiteral("info</td><td align=\"right\">5"))
                && tip.contains(QStringLiteral("total</td><td align=\"right\">10")),
            qPrintable(tip));
        QVERIFY2(tip.contains(formatTime(fromMs + 10 * 60 * 1000, range.display(), true)), qPrintable(tip));
        QVERIFY(!tip.contains(QStringLiteral("warn")));
        QVERIFY(histogram.toolTipAt(QPoint(x10, geometry.height + 10)).isEmpty());
        range.setDisplay(TimeDisplay::Utc);
        QVERIFY(histogram.toolTipAt(QPoint(x10, 50)).contains(QStringLiteral(" UTC")));

        // States: estimated (with why), loading, error.
        histogram.setVolume(sampleVolume(fromMs * NsPerMs, true));
        histogram.setFallbackReason(QStringLiteral("Loki said no"));
        QVERIFY2(histogram.statusText().startsWith(QStringLiteral("Estimated from loaded lines"))
                && histogram.statusText().contains(QStringLiteral("Loki said no")),
            qPrintable(histogram.statusText()));
        QVERIFY(histogram.toolTipAt(QPoint(x10, 50)).contains(QStringLiteral("Estimated from loaded lines")));
        histogram.setLoading(true);
        QCOMPARE(histogram.statusText(), QStringLiteral("Loading…"));
        histogram.setError(QStringLiteral("nothing to count"));
        QCOMPARE(histogram.statusText(), QStringLiteral("nothing to count"));
        QVERIFY(histogram.volume().isEmpty());
        QVERIFY(histogram.toolTipAt(QPoint(x10, 50)).isEmpty());
        QVERIFY(!histogram.grab().isNull());
    }

    void histogramDragZoomsTheSharedRange()
    {
        TimeRangeController& range = m_context->timeRange();
        const qint64 fromMs = 1795620000000;
        range.setAbsolute({ fromMs, fromMs + 3600 * 1000 });
        LogVolumeHistogram histogram(range);
        histogram.resize(608, 120);
        histogram.show();
        QVERIFY(QTest::qWaitForWindowExposed(&histogram));
        histogram.setVolume(sampleVolume(fromMs * NsPerMs));
        QSignalSpy zoomed(&histogram, &LogVolumeHistogram::zoomedTo);
        QSignalSpy changed(&range, &TimeRangeController::rangeChanged);

        const VolumeHistogramGeometry geometry = histogram.histogramGeometry();
        const int y = int(geometry.plotBottom()) - 10;
        const int x1 = int(geometry.timeToX(fromMs * NsPerMs + 10 * 60 * S));
        const int x2 = int(geometry.timeToX(fromMs * NsPerMs + 20 * 60 * S));
        // A click is not a zoom.
        QTest::mouseClick(&histogram, Qt::LeftButton, {}, QPoint(x1, y));
        QCOMPARE(zoomed.count(), 0);
        QTest::mousePress(&histogram, Qt::LeftButton, {}, QPoint(x1, y));
        QTest::mouseMove(&histogram, QPoint((x1 + x2) / 2, y));
        QTest::mouseMove(&histogram, QPoint(x2, y));
        QTest::mouseRelease(&histogram, Qt::LeftButton, {}, QPoint(x2, y));
        QCOMPARE(zoomed.count(), 1);
        QCOMPARE(changed.count(), 1);
        const TimeRange now = range.range();
        const qint64 pixelMs = 3600 * 1000 / qint64(geometry.plotWidth()) + 1; // one pixel of the plot
        QVERIFY2(std::abs(now.fromMs - (fromMs + 10 * 60 * 1000)) <= pixelMs,
            qPrintable(QStringLiteral("%1 .. %2").arg(now.fromMs).arg(now.toMs)));
        QVERIFY2(std::abs(now.toMs - (fromMs + 20 * 60 * 1000)) <= pixelMs,
            qPrintable(QStringLiteral("%1 .. %2").arg(now.fromMs).arg(now.toMs)));
        QCOMPARE(zoomed.first().first().value<TimeRange>(), now);
        QVERIFY(range.canZoomBack());
        range.zoomBack();
        QCOMPARE(range.range(), (TimeRange { fromMs, fromMs + 3600 * 1000 }));

        // Right to left works too; Escape abandons a drag.
        QTest::mousePress(&histogram, Qt::LeftButton, {}, QPoint(x2, y));
        QTest::mouseMove(&histogram, QPoint(x1, y));
        QTest::mouseRelease(&histogram, Qt::LeftButton, {}, QPoint(x1, y));
        QCOMPARE(zoomed.count(), 2);
        QVERIFY(std::abs(range.range().fromMs - (fromMs + 10 * 60 * 1000)) <= pixelMs);
        QTest::mousePress(&histogram, Qt::LeftButton, {}, QPoint(x1, y));
        QTest::mouseMove(&histogram, QPoint(x2, y));
        QTest::keyClick(&histogram, Qt::Key_Escape);
        QTest::mouseRelease(&histogram, Qt::LeftButton, {}, QPoint(x2, y));
        QCOMPARE(zoomed.count(), 2);
    }

    void loaderAsksLokiThenFallsBack()
    {
        QVERIFY(m_context->saveProfiles({ lokiProfile() }));
        TimeRangeController& range = m_context->timeRange();
        range.setAbsolute({ FixtureStartNs / NsPerMs, FixtureEndNs / NsPerMs });
        LogVolumeHistogram histogram(range);
        histogram.resize(608, 120);
        LogVolumeLoader loader(*m_context);
        loader.setHistogram(&histogram);
        QSignalSpy ready(&loader, &LogVolumeLoader::volumeReady);
        QSignalSpy fellBack(&loader, &LogVolumeLoader::fellBack);

        // Loki counts: the checkout service's 47 lines by level, on a minute grid.
        loader.load(QString(), QStringLiteral(R"({service="checkout"})"), FixtureStartNs, FixtureEndNs, 20);
        QVERIFY(histogram.isLoading());
        QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, WaitMs);
        QCOMPARE(fellBack.count(), 0);
        QCOMPARE(
            loader.volumeQuery(), QStringLiteral(R"(sum by (level) (count_over_time({service="checkout"} [60s])))"));
        const analysis::LogVolume volume = histogram.volume();
        QVERIFY(!volume.estimated);
        QVERIFY(!histogram.isLoading());
        QCOMPARE(volume.stepNs, 60 * S);
        QCOMPARE(volume.totalsByLevel()[index(LogLevel::Error)], qint64(11));
        QCOMPARE(volume.totalsByLevel()[index(LogLevel::Info)], qint64(30));
        QCOMPARE(volume.totalsByLevel()[index(LogLevel::Warn)], qint64(6));
        const auto asked = std::find_if(m_loki->http().received().crbegin(), m_loki->http().received().crend(),
            [](const test::ServerRequest& request) { return request.target.contains("/query_range"); });
        QVERIFY(asked != m_loki->http().received().crend());
        QVERIFY2(asked->target.contains("step=60"), asked->target.constData());

        // The pushed lines, as the Logs workspace would hold them.
        auto lines = std::make_shared<LogBatch>();
        auto levels = std::make_shared<std::vector<LogLevel>>();
        {
            loki::LokiClient client(m_context->http(), lokiProfile());
            client.setMaxEntriesPerQuery(5000);
            std::optional<loki::Answer<loki::QueryResult>> answer;
            client.queryRange({ QStringLiteral(R"({service="checkout"})"), FixtureStartNs, FixtureEndNs, 1000,
                                  LogDirection::Backward, {} },
                this, [&answer](loki::Answer<loki::QueryResult> a) { answer = std::move(a); });
            QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), WaitMs);
            QVERIFY(answer->ok());
            *lines = answer->value->logs;
            *levels = analysis::detectLevels(*lines);
            QCOMPARE(lines->size(), qsizetype(47));
        }

        // Loki refuses (a json parser over logfmt lines is a pipeline error in a metric query): counted from
        // the loaded lines instead, and the histogram says so.
        loader.load(QString(), QStringLiteral(R"({service="checkout"} | json)"), FixtureStartNs, FixtureEndNs, 20);
        QTRY_COMPARE_WITH_TIMEOUT(fellBack.count(), 1, WaitMs);
        QVERIFY2(fellBack.first().first().toString().contains(QStringLiteral("pipeline error")),
            qPrintable(fellBack.first().first().toString()));
        loader.setLoadedLines(lines, levels);
        QTRY_VERIFY_WITH_TIMEOUT(histogram.volume().estimated && histogram.volume().total() == 47, WaitMs);
        QVERIFY(loader.isEstimated());
        QVERIFY2(histogram.statusText().contains(QStringLiteral("Estimated from loaded lines"))
                && histogram.statusText().contains(QStringLiteral("pipeline error")),
            qPrintable(histogram.statusText()));
        // Counted on the same grid as Loki would have: the same histogram.
        QCOMPARE(histogram.volume().buckets, volume.buckets);

        // Lines without levels given: detected off the GUI thread.
        loader.setLoadedLines(lines);
        QTRY_VERIFY_WITH_TIMEOUT(!loader.isLoading(), WaitMs);
        QCOMPARE(histogram.volume().buckets, volume.buckets);

        // A metric query has no volume; a missing source neither.
        loader.load(QString(), QStringLiteral(R"(sum(rate({service="checkout"}[1m])))"), FixtureStartNs, FixtureEndNs);
        QTRY_VERIFY_WITH_TIMEOUT(!loader.isLoading(), WaitMs);
        QVERIFY(loader.isEstimated());
        QVERIFY(loader.volumeQuery().isEmpty());
        QCOMPARE(histogram.volume().total(), qint64(0));
        loader.load(
            QStringLiteral("no-such-id"), QStringLiteral(R"({service="checkout"})"), FixtureStartNs, FixtureEndNs);
        QVERIFY(loader.fallbackReason().contains(QStringLiteral("gone")));
        QTRY_VERIFY_WITH_TIMEOUT(!loader.isLoading(), WaitMs);

        // A newer load wins over an older one still under way.
        test::Fault slow;
        slow.pathPrefix = QStringLiteral("/loki/api/v1/query_range");
        slow.delayMs = 500;
        m_loki->http().injectFault(slow);
        ready.clear();
        loader.load(
            QString(), QStringLiteral(R"({service="checkout", level="error"})"), FixtureStartNs, FixtureEndNs, 20);
        loader.load(
            QString(), QStringLiteral(R"({service="checkout", level="warn"})"), FixtureStartNs, FixtureEndNs, 20);
        QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, WaitMs);
        QTest::qWait(600);
        QCOMPARE(ready.count(), 1);
        QCOMPARE(histogram.volume().total(), qint64(6));
    }

    void patternsListKnownPatternsAndMarkNewOnes()
    {
        constexpr qint64 T0 = 1800000000000000000;
        auto lines = std::make_shared<LogBatch>();
        const qint32 stream = lines->addStream({ { QStringLiteral("app"), QStringLiteral("shop") } });
        // 30 requests over the whole minute, 10 logins from second 5 on, and 5 database refusals only in the
        // second half: the one pattern that is new since the middle.
        for (int i = 0; i < 30; ++i) {
            lines->append(T0 + i * 2 * S, stream,
                QStringLiteral("GET /api/orders/%1 status=200 duration=%2ms").arg(1000 + i).arg(i * 7 + 3).toUtf8());
            if (i < 10)
                lines->append(T0 + (5 + i) * S, stream,
                    QStringLiteral("user %1 logged in from 10.0.0.%2").arg(i * 31 + 7).arg(i + 2).toUtf8());
            if (i < 5)
                lines->append(T0 + (40 + i) * S, stream,
                    QStringLiteral("connection to database refused after %1 retries attempt %2")
                        .arg(i + 3)
                        .arg(i)
                        .toUtf8());
        }
        lines->sortByTime(LogDirection::Forward);

        PatternsView view;
        view.resize(1100, 400);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QSignalSpy ready(&view, &PatternsView::patternsReady);
        QSignalSpy filter(&view, &PatternsView::patternFilterRequested);
        view.setLines(lines, T0, T0 + 60 * S);
        QCOMPARE(view.newSince(), T0 + 30 * S); // the range's middle until told otherwise
        QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, WaitMs);
        QCOMPARE(ready.first().first().toInt(), 3);
        QVERIFY(!view.isMining());
        QCOMPARE(view.minedLines(), std::shared_ptr<const LogBatch>(lines));

        const auto& patterns = view.patterns();
        QCOMPARE(patterns.size(), std::size_t(3));
        QCOMPARE(patterns[0].count, qint64(30));
        QCOMPARE(patterns[1].count, qint64(10));
        QCOMPARE(patterns[2].count, qint64(5));
        QVERIFY2(patterns[0].pattern.startsWith(QStringLiteral("GET ")) && patterns[0].pattern.contains(u'<'),
            qPrintable(patterns[0].pattern));
        QVERIFY2(patterns[2].pattern.startsWith(QStringLiteral("connection to database refused")),
            qPrintable(patterns[2].pattern));
        QCOMPARE(patterns[2].firstNs, T0 + 40 * S);
        const qint32 refused = patterns[2].id;

        // Every line has the id of its pattern.
        const auto ofLine = view.patternOfLine();
        QVERIFY(ofLine);
        QCOMPARE(qsizetype(ofLine->size()), lines->size());
        for (qsizetype i = 0; i < lines->size(); ++i) {
            const bool isRefusal = lines->textString(lines->at(i)).startsWith(QStringLiteral("connection"));
            QCOMPARE((*ofLine)[std::size_t(i)] == refused, isRefusal);
        }

        auto* table = view.findChild<QTableView*>(QStringLiteral("patternsTable"));
        QVERIFY(table);
        const QAbstractItemModel* shown = table->model();
        QCOMPARE(shown->rowCount(), 3);
        const auto cell = [&](int row, int column) { return shown->index(row, column); };
        // By count, most first: count, share, first seen, the new mark.
        QCOMPARE(cell(0, analysis::PatternTableModel::CountColumn).data().toString(), QStringLiteral("30"));
        QCOMPARE(cell(0, analysis::PatternTableModel::ShareColumn).data().toString(), QStringLiteral("66.7 %"));
        QCOMPARE(cell(2, analysis::PatternTableModel::ShareColumn).data().toString(), QStringLiteral("11.1 %"));
        QCOMPARE(cell(2, analysis::PatternTableModel::FirstSeenColumn).data().toString(),
            formatTime((T0 + 40 * S) / NsPerMs, TimeDisplay::Local));
        QCOMPARE(cell(2, 0).data(analysis::PatternTableModel::IsNewRole).toBool(), true);
        QCOMPARE(cell(0, 0).data(analysis::PatternTableModel::IsNewRole).toBool(), false);
        QCOMPARE(cell(1, 0).data(analysis::PatternTableModel::IsNewRole).toBool(), false);
        const QList<int> sparkline = cell(2, analysis::PatternTableModel::TrendColumn)
                                         .data(analysis::PatternTableModel::SparklineRole)
                                         .value<QList<int>>();
        QCOMPARE(sparkline.size(), 40);
        QCOMPARE(std::accumulate(sparkline.cbegin(), sparkline.cend(), 0), 5);
        QCOMPARE(std::accumulate(sparkline.cbegin(), sparkline.cbegin() + 26, 0), 0); // nothing before second 39
        auto* summary = view.findChild<QLabel*>(QStringLiteral("patternsSummary"));
        QVERIFY2(summary->text().contains(QStringLiteral("3 pattern")) && summary->text().contains(QStringLiteral("45"))
                && summary->text().contains(QStringLiteral("1 new")),
            qPrintable(summary->text()));

        // The badge is drawn in the new pattern's row, not in the others.
        const auto badgeIn = [&](int row) {
            const QImage image = table->viewport()->grab().toImage();
            const QRect rect = table->visualRect(cell(row, analysis::PatternTableModel::PatternColumn));
            for (int y = rect.top(); y <= rect.bottom(); ++y)
                for (int x = rect.left(); x < rect.left() + 40; ++x)
                    if (image.pixelColor(x, y) == QColor(0xe2, 0x4d, 0x42))
                        return true;
            return false;
        };
        QVERIFY(badgeIn(2));
        QVERIFY(!badgeIn(0));

        // The incident started earlier: the logins are new too. Then the user picks a later moment: none is.
        view.setNewSince(T0 + 2 * S);
        QCOMPARE(view.model()->newPatternCount(), 2);
        QCOMPARE(cell(1, 0).data(analysis::PatternTableModel::IsNewRole).toBool(), true);
        auto* since = view.findChild<QDateTimeEdit*>(QStringLiteral("patternsNewSince"));
        QCOMPARE(since->dateTime().toMSecsSinceEpoch(), (T0 + 2 * S) / NsPerMs);
        since->setDateTime(QDateTime::fromMSecsSinceEpoch((T0 + 50 * S) / NsPerMs));
        QCOMPARE(view.newSince(), T0 + 50 * S);
        QCOMPARE(view.model()->newPatternCount(), 0);
        // A chosen moment stays when new lines come.
        view.setLines(lines, T0, T0 + 60 * S);
        QCOMPARE(view.newSince(), T0 + 50 * S);
        QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 2, WaitMs);
        view.setNewSince(T0 + 30 * S);

        // Newest first: the refusals lead; clicking one asks for the filter.
        view.findChild<QComboBox*>(QStringLiteral("patternsSort"))->setCurrentIndex(1);
        QCOMPARE(cell(0, analysis::PatternTableModel::PatternColumn)
                     .data(analysis::PatternTableModel::PatternIdRole)
                     .toInt(),
            refused);
        QCOMPARE(cell(2, analysis::PatternTableModel::CountColumn).data().toString(), QStringLiteral("30"));
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {},
            table->visualRect(cell(0, analysis::PatternTableModel::PatternColumn)).center());
        QCOMPARE(filter.count(), 1);
        QCOMPARE(filter.first().at(0).toInt(), refused);
        QCOMPARE(filter.first().at(1).toString(), patterns[2].pattern);
        view.findChild<QComboBox*>(QStringLiteral("patternsSort"))->setCurrentIndex(0);
        QCOMPARE(cell(0, analysis::PatternTableModel::CountColumn).data().toString(), QStringLiteral("30"));

        // New lines while mining: the older mining is dropped, the newest lines are the ones shown.
        auto many = std::make_shared<LogBatch>();
        const qint32 other = many->addStream({ { QStringLiteral("app"), QStringLiteral("busy") } });
        for (int i = 0; i < 200000; ++i)
            many->append(T0 + i * NsPerMs, other, QStringLiteral("tick %1 of worker %2").arg(i).arg(i % 7).toUtf8());
        auto few = std::make_shared<LogBatch>();
        few->addStream({});
        few->append(T0 + S, 0, "only line");
        ready.clear();
        view.setLines(many, T0, T0 + 60 * S);
        QTest::qWait(250); // the mining of the many lines is under way
        view.setLines(few, T0, T0 + 60 * S);
        QTRY_VERIFY_WITH_TIMEOUT(!view.isMining() && view.minedLines() == std::shared_ptr<const LogBatch>(few), WaitMs);
        QCOMPARE(view.patterns().size(), std::size_t(1));
        QCOMPARE(view.patterns()[0].count, qint64(1));
        QCOMPARE(view.patternOfLine()->size(), std::size_t(1));
    }

    void liveTailDeliversEachLineOncePausesAndCatchesUp()
    {
        constexpr qint64 T0 = 1800000000000000000;
        const LogLabels a { { QStringLiteral("app"), QStringLiteral("tail") },
            { QStringLiteral("pod"), QStringLiteral("a") } };
        const LogLabels b { { QStringLiteral("app"), QStringLiteral("tail") },
            { QStringLiteral("pod"), QStringLiteral("b") } };
        qint64 clock = T0;
        LiveTailController tail(*m_context);
        tail.setClock([&clock] { return clock; });
        tail.setPollInterval(std::chrono::milliseconds(20));
        tail.setRateWindow(std::chrono::milliseconds(1000));
        QList<Line> got;
        connect(
            &tail, &LiveTailController::linesArrived, this, [&got](const LogBatch& batch) { got += linesOf(batch); });
        QSignalSpy rates(&tail, &LiveTailController::rateChanged);
        QSignalSpy failed(&tail, &LiveTailController::failed);
        QSignalSpy gaps(&tail, &LiveTailController::gapSkipped);

        QVERIFY(!tail.start(lokiProfile(), QStringLiteral(R"(count_over_time({app="tail"}[1m]))")));
        QCOMPARE(failed.count(), 1);
        QVERIFY(!tail.isRunning());
        failed.clear();

        QVERIFY(tail.start(lokiProfile(), QStringLiteral(R"({app="tail"})"), T0));
        QCOMPARE(tail.state(), LiveTailController::State::Running);
        // Ten lines in the first second, two sharing a nanosecond across streams.
        for (int i = 1; i <= 10; ++i)
            m_loki->add(i % 2 ? a : b, T0 + i * 100 * NsPerMs, "line " + QByteArray::number(i));
        m_loki->add(a, T0 + 1000 * NsPerMs, "line 10 too");
        clock = T0 + S;
        QTRY_COMPARE_WITH_TIMEOUT(got.size(), 11, WaitMs);
        // 11 lines stamped within the last second: 11 lines per second.
        QTRY_COMPARE_WITH_TIMEOUT(tail.linesPerSecond(), 11.0, WaitMs);
        QVERIFY(!rates.isEmpty());
        QCOMPARE(rates.constLast().first().toDouble(), 11.0);

        // Paused: nothing is delivered, though lines keep coming.
        tail.pause();
        QVERIFY(tail.isPaused());
        const qsizetype before = got.size();
        for (int i = 11; i <= 30; ++i)
            m_loki->add(i % 2 ? a : b, T0 + i * 100 * NsPerMs, "line " + QByteArray::number(i));
        clock = T0 + 3 * S;
        QTest::qWait(200); // ten poll intervals
        QCOMPARE(got.size(), before);
        const int requestsWhilePaused = m_loki->http().count(QStringLiteral("/loki/api/v1/query_range"));
        QTest::qWait(100);
        QCOMPARE(m_loki->http().count(QStringLiteral("/loki/api/v1/query_range")), requestsWhilePaused);

        // Resumed: the backlog arrives, then new lines, each once and in order.
        tail.resume();
        QCOMPARE(tail.state(), LiveTailController::State::Running);
        QTRY_COMPARE_WITH_TIMEOUT(got.size(), 31, WaitMs);
        m_loki->add(b, T0 + 3 * S, "after the pause");
        QTRY_COMPARE_WITH_TIMEOUT(got.size(), 32, WaitMs);
        QCOMPARE(gaps.count(), 0);
        QCOMPARE(failed.count(), 0);
        QList<Line> expected;
        for (int i = 1; i <= 30; ++i) {
            if (i == 10) // streams sharing a nanosecond come in the order of their labels: pod a first
                expected.append({ T0 + 1000 * NsPerMs, QStringLiteral("line 10 too") });
            expected.append({ T0 + i * 100 * NsPerMs, QStringLiteral("line %1").arg(i) });
        }
        expected.append({ T0 + 3 * S, QStringLiteral("after the pause") });
        QVERIFY2(got == expected, qPrintable(describe(got) + u"\n--- expected\n" + describe(expected)));
        QCOMPARE(tail.deliveredLines(), qint64(32));
        tail.stop();
        QCOMPARE(tail.state(), LiveTailController::State::Stopped);
    }

    void liveTailCatchUpIsBounded()
    {
        constexpr qint64 T0 = 1800000000000000000;
        const LogLabels a { { QStringLiteral("app"), QStringLiteral("bounded") } };
        qint64 clock = T0;
        m_loki->setMaxEntriesPerQuery(4); // the tail learns it from the first refusal
        LiveTailController tail(*m_context);
        tail.setClock([&clock] { return clock; });
        tail.setPollInterval(std::chrono::milliseconds(20));
        tail.setMaxCatchUp(std::chrono::minutes(1), 6);
        QList<Line> got;
        connect(
            &tail, &LiveTailController::linesArrived, this, [&got](const LogBatch& batch) { got += linesOf(batch); });
        QSignalSpy gaps(&tail, &LiveTailController::gapSkipped);
        QVERIFY(tail.start(lokiProfile(), QStringLiteral(R"({app="bounded"})"), T0));
        m_loki->add(a, T0 + S, "first");
        clock = T0 + 2 * S;
        QTRY_COMPARE_WITH_TIMEOUT(got.size(), 1, WaitMs);

        // A backlog of 20 lines, in pages of 4 (each repeating the line at the cursor, which is not delivered
        // twice), against a bound of 6 lines: two pages of 3 new lines, then a jump to now.
        tail.pause();
        for (int i = 0; i < 20; ++i)
            m_loki->add(a, T0 + 3 * S + i * NsPerMs, "backlog " + QByteArray::number(i));
        clock = T0 + 4 * S;
        tail.resume();
        QTRY_COMPARE_WITH_TIMEOUT(gaps.count(), 1, WaitMs);
        QCOMPARE(got.size(), 1 + 6);
        QCOMPARE(got.constLast().text, QStringLiteral("backlog 5"));
        QCOMPARE(gaps.first().at(0).toLongLong(), T0 + 3 * S + 5 * NsPerMs); // the cursor: the last line delivered
        QCOMPARE(gaps.first().at(1).toLongLong(), T0 + 4 * S);
        m_loki->add(a, T0 + 4 * S, "now");
        QTRY_COMPARE_WITH_TIMEOUT(got.size(), 8, WaitMs);
        QCOMPARE(got.constLast().text, QStringLiteral("now"));

        // Paused for longer than the span bound: only its last minute is caught up.
        tail.pause();
        m_loki->add(a, T0 + 30 * S, "too old");
        m_loki->add(a, T0 + 100 * S, "recent");
        clock = T0 + 120 * S;
        tail.resume();
        QTRY_COMPARE_WITH_TIMEOUT(got.size(), 9, WaitMs);
        QCOMPARE(got.constLast().text, QStringLiteral("recent"));
        QCOMPARE(gaps.count(), 2);
        QCOMPARE(gaps.at(1).at(1).toLongLong(), T0 + 60 * S);
    }

    void liveTailBacksOffFromAFailingServer()
    {
        constexpr qint64 T0 = 1800000000000000000;
        qint64 clock = T0;
        LiveTailController tail(*m_context);
        tail.setClock([&clock] { return clock; });
        tail.setPollInterval(std::chrono::milliseconds(10));
        tail.setBackoff(std::chrono::milliseconds(40), std::chrono::milliseconds(100));
        QSignalSpy failed(&tail, &LiveTailController::failed);
        QSignalSpy retries(&tail, &LiveTailController::retryScheduled);
        QSignalSpy recovered(&tail, &LiveTailController::recovered);
        QList<Line> got;
        connect(
            &tail, &LiveTailController::linesArrived, this, [&got](const LogBatch& batch) { got += linesOf(batch); });
        test::Fault fault;
        fault.pathPrefix = QStringLiteral("/loki/api/v1/query_range");
        fault.status = 500;
        fault.body = "internal error";
        fault.times = 4;
        m_loki->http().injectFault(fault);
        m_loki->add({ { QStringLiteral("app"), QStringLiteral("flaky") } }, T0 + S, "survived");
        clock = T0 + 2 * S;
        QVERIFY(tail.start(lokiProfile(), QStringLiteral(R"({app="flaky"})"), T0));
        QTRY_COMPARE_WITH_TIMEOUT(recovered.count(), 1, WaitMs);
        QCOMPARE(failed.count(), 4);
        QVERIFY2(
            failed.first().first().toString().contains(m_loki->url()), qPrintable(failed.first().first().toString()));
        // 40, 80, 100, 100 ms (±10 %): doubling up to the ceiling, never spinning.
        const QList<int> expected { 40, 80, 100, 100 };
        QCOMPARE(retries.count(), 4);
        for (int i = 0; i < 4; ++i) {
            const int delay = retries.at(i).first().toInt();
            QVERIFY2(
                delay >= expected[i] * 9 / 10 && delay <= expected[i] * 11 / 10, qPrintable(QString::number(delay)));
        }
        QCOMPARE(m_loki->http().count(QStringLiteral("/loki/api/v1/query_range")) >= 5, true);
        QTRY_COMPARE_WITH_TIMEOUT(got.size(), 1, WaitMs);
        QCOMPARE(tail.state(), LiveTailController::State::Running);

        // A server that is not there: failures are spaced by the backoff, not the poll interval.
        const quint16 port = test::refusedPort();
        net::ConnectionProfile gone = lokiProfile();
        gone.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
        failed.clear();
        retries.clear();
        tail.setBackoff(std::chrono::milliseconds(200), std::chrono::milliseconds(400));
        QVERIFY(tail.start(gone, QStringLiteral(R"({app="flaky"})")));
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, WaitMs);
        QCOMPARE(tail.state(), LiveTailController::State::Retrying);
        QVERIFY(retries.first().first().toInt() >= 180);
        tail.pause();
        QVERIFY(tail.isPaused());
        tail.stop();
    }
};

QTEST_MAIN(TestLogsPanels)
#include "tst_logspanels.moc"
