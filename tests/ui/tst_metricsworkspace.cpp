// The Metrics workspace as a user drives it, against the real Prometheus of the test fixture (a TSDB backfilled
// from tests/data/prometheus/fixture.om, see make-fixture.py): type a query, run it, and the chart holds exactly the
// points PromQL returns; zoom by dragging, hide series from the legend, switch to instant values and the table,
// see errors in the query's row, exemplars as markers that open traces, pin the chart.

#include "analysis/valueunits.h"
#include "backends/prometheus/prometheusclient.h"
#include "common/appcontext.h"
#include "common/emptystate.h"
#include "common/queryeditor.h"
#include "common/queryhistorybutton.h"
#include "metrics/metricschartview.h"
#include "metrics/metricslegend.h"
#include "metrics/metricsqueryrow.h"
#include "metrics/metricstablemodel.h"
#include "metrics/metricsworkspace.h"
#include "metrics/timeticks.h"
#include "prometheusurl.h"
#include "testhttpserver.h"
#include "testutils.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QSignalSpy>
#include <QSplitter>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <cmath>

using namespace firebreak;
using namespace firebreak::ui;
using namespace firebreak::prometheus;

namespace {

constexpr int WaitMs = 20000;

// tests/data/prometheus/fixture.om: 15 s samples k = 0..720 ending at End.
constexpr qint64 EndMs = 1795514400000; // 2026-11-24T10:00:00Z
constexpr qint64 StepMs = 15000;
constexpr qint64 StartMs = EndMs - 720 * StepMs;
constexpr qint64 HourMs = 3600000;

double checkoutDepthAt(qint64 ms)
{
    return 100.0 + static_cast<double>(((ms - StartMs) / StepMs) % 37);
}

const QString Checkout = QStringLiteral("fb_queue_depth{service=\"checkout\"}");

// A target for the fixture's Prometheus to scrape: a histogram with two exemplars at fixed times. The metric name is
// this test's own, so tst_prometheusclient's exemplar counts are not disturbed when both run on one server.
QByteArray openMetricsWithExemplars(qint64 baseS)
{
    return "# TYPE ui_checkout_latency_seconds histogram\n"
           "ui_checkout_latency_seconds_bucket{le=\"0.1\"} 10 # {trace_id=\"4bf92f3577b34da6a3ce929d0e0e4736\"} "
           "0.042 "
        + QByteArray::number(baseS)
        + ".125\n"
          "ui_checkout_latency_seconds_bucket{le=\"1.0\"} 12 # {traceID=\"00f067aa0ba902b7\"} 0.73 "
        + QByteArray::number(baseS + 10)
        + ".5\n"
          "ui_checkout_latency_seconds_bucket{le=\"+Inf\"} 13\n"
          "ui_checkout_latency_seconds_sum 3.5\n"
          "ui_checkout_latency_seconds_count 13\n"
          "# EOF\n";
}

} // namespace

class TestMetricsWorkspace : public QObject
{
    Q_OBJECT

private:
    QUrl m_url;
    QTemporaryDir m_dir;
    std::unique_ptr<AppContext> m_context;
    std::unique_ptr<MetricsWorkspace> m_workspace;
    net::HttpClient m_http;

    static net::ConnectionProfile profile(const QUrl& url, std::chrono::milliseconds timeout = std::chrono::seconds(15))
    {
        net::ConnectionProfile p;
        p.id = QStringLiteral("prom-test");
        p.name = QStringLiteral("Fixture Prometheus");
        p.kind = net::BackendKind::Prometheus;
        p.baseUrl = url;
        p.timeout = timeout;
        return p;
    }

    void makeWorkspace(const QList<net::ConnectionProfile>& profiles)
    {
        m_workspace.reset();
        m_context = std::make_unique<AppContext>(
            m_dir.filePath(QStringLiteral("settings.ini")), m_dir.filePath(QStringLiteral("secrets.json")));
        m_context->openJournal(m_dir.filePath(QStringLiteral("journal.sqlite")));
        QVERIFY(m_context->saveProfiles(profiles));
        m_context->timeRange().setAbsolute({ EndMs - HourMs, EndMs });
        m_workspace = std::make_unique<MetricsWorkspace>(*m_context);
        m_workspace->resize(1200, 900);
        m_workspace->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_workspace.get()));
        // QTest remembers the buttons of the previous test's last click; a move would go to that (gone) widget.
        QTest::mouseRelease(chart()->plotWidget(), Qt::LeftButton, {}, QPoint(1, 1));
    }

    MetricsChartView* chart() const { return m_workspace->chart(); }
    MetricsQueryRow* row(int i) const { return m_workspace->queryRows().value(i); }

    /// Types `promql` into row `index` and runs it with Ctrl+Enter, as a person would.
    void typeAndRun(int index, const QString& promql)
    {
        QueryEditor* editor = row(index)->editor();
        editor->setFocus();
        editor->selectAll();
        QTest::keyClicks(editor, promql);
        QTest::keyClick(editor, Qt::Key_Escape); // closes a completion popup if one opened
        QCOMPARE(editor->query(), promql);
        QTest::keyClick(editor, Qt::Key_Return, Qt::ControlModifier);
        waitForChart();
    }

    void waitForChart()
    {
        QTRY_VERIFY_WITH_TIMEOUT(!m_workspace->isLoading(), WaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(!chart()->isUpdating(), WaitMs);
        QCoreApplication::processEvents(); // the chart's layout after new axis labels
    }

    /// What PromQL returns for `expr` over the workspace's last range and step, asked directly.
    QueryResult direct(const QString& expr)
    {
        PrometheusClient client(m_http, profile(m_url));
        QObject context;
        std::optional<Answer<QueryResult>> answer;
        const TimeRange range = m_workspace->lastRange();
        client.queryRange({ expr, range.fromMs, range.toMs, m_workspace->lastStepMs() }, &context,
            [&answer](Answer<QueryResult> a) { answer = std::move(a); });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), WaitMs); }();
        if (!answer || !answer->ok())
            return {};
        return *answer->value;
    }

    static QList<QPointF> pointsOf(const Series& series)
    {
        QList<QPointF> points;
        for (std::size_t i = 0; i < series.timesMs.size(); ++i)
            points.append({ double(series.timesMs[i]), series.values[i] });
        return points;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString url = test::prometheusUrl();
        QVERIFY2(!url.isEmpty(), test::NoPrometheusMessage);
        m_url = QUrl(url);
    }

    void init() { makeWorkspace({ profile(m_url) }); }

    void cleanup()
    {
        m_workspace.reset();
        m_context.reset();
    }

    void timeTicksFallOnWholeSteps()
    {
        const TimeTicks ticks = timeTicks(EndMs - HourMs + 7000, EndMs, 5, TimeDisplay::Utc); // 10 min: 6 ticks
        QCOMPARE(ticks.stepMs, 15 * 60000);
        QCOMPARE(ticks.ticksMs, (QList<qint64> { EndMs - 45 * 60000, EndMs - 30 * 60000, EndMs - 15 * 60000, EndMs }));
        QCOMPARE(timeTickLabel(EndMs, ticks.stepMs, HourMs, TimeDisplay::Utc), QStringLiteral("10:00"));
        QCOMPARE(timeTickLabel(EndMs + 5000, 5000, 60000, TimeDisplay::Utc), QStringLiteral("10:00:05"));
        QCOMPARE(timeTickLabel(EndMs, 6 * HourMs, 3 * 24 * HourMs, TimeDisplay::Utc), QStringLiteral("11-24 10:00"));
    }

    void plottedPointsEqualPromQL()
    {
        typeAndRun(0, Checkout);
        QVERIFY2(row(0)->errorText().isEmpty(), qPrintable(row(0)->errorText()));
        QCOMPARE(chart()->seriesCount(), 1);
        // 1 h over a plot ~1,100 px wide: the smallest step the scrape interval allows; fewer points than pixels,
        // so the decimated chart holds every one.
        QCOMPARE(m_workspace->lastStepMs(), StepMs);
        QVERIFY(chart()->plotWidth() > 241);
        const QList<QPointF> plotted = chart()->plottedPoints(0);
        QCOMPARE(plotted.size(), 241);
        const QueryResult expected = direct(Checkout);
        QCOMPARE(expected.series.size(), std::size_t(1));
        QCOMPARE(plotted, pointsOf(expected.series[0]));
        for (const QPointF& p : plotted)
            QCOMPARE(p.y(), checkoutDepthAt(qint64(p.x())));
        QCOMPARE(chart()->plottedLineCount(0), 1);
        QCOMPARE(chart()->seriesName(0), QStringLiteral("fb_queue_depth{service=\"checkout\"}"));
        QVERIFY(row(0)->statusText().contains(QStringLiteral("241")));
        // The time axis is the shared range, labelled on whole quarter hours (local time: offsets are whole quarters).
        QCOMPARE(chart()->geometry().xMin, double(EndMs - HourMs));
        QCOMPARE(chart()->geometry().xMax, double(EndMs));
        QVERIFY2(chart()->xAxisLabels().size() >= 4, qPrintable(chart()->xAxisLabels().join(u',')));
        m_context->timeRange().setDisplay(TimeDisplay::Utc);
        QVERIFY2(
            chart()->xAxisLabels().contains(QStringLiteral("09:30")), qPrintable(chart()->xAxisLabels().join(u',')));
    }

    void gapsStayGaps()
    {
        // Only while the depth is above 120: 16 samples of every 37, then nothing.
        const QString expr = Checkout + QStringLiteral(" > 120");
        typeAndRun(0, expr);
        const QueryResult expected = direct(expr);
        QCOMPARE(expected.series.size(), std::size_t(1));
        const Series& s = expected.series[0];
        // Runs of consecutive steps; a lone sample (the range starts at k = 480, 480 % 37 = 36) is a dot, not a line.
        QList<int> runs { 1 };
        for (std::size_t i = 1; i < s.timesMs.size(); ++i) {
            if (s.timesMs[i] - s.timesMs[i - 1] > StepMs)
                runs.append(1);
            else
                ++runs.last();
        }
        QCOMPARE(runs.first(), 1);
        QVERIFY(runs.size() >= 5);
        QCOMPARE(chart()->plottedPoints(0), pointsOf(s));
        // One line per run: nothing drawn across the gaps.
        QCOMPARE(
            chart()->plottedLineCount(0), int(std::count_if(runs.begin(), runs.end(), [](int n) { return n > 1; })));
    }

    void decimatesToThePlotWidth()
    {
        // Three hours at 15 s fit a wide plot point for point.
        m_context->timeRange().setAbsolute({ StartMs, EndMs });
        typeAndRun(0, Checkout);
        QCOMPARE(m_workspace->lastStepMs(), StepMs);
        const QueryResult expected = direct(Checkout);
        const auto& raw = expected.series.at(0);
        QCOMPARE(raw.size(), 721);
        QCOMPARE(chart()->plottedPoints(0), pointsOf(raw));

        // A side panel takes most of the width: the same answer is decimated anew for the narrower plot, without
        // asking the server, M4 keeping each column's first, last, lowest and highest sample.
        m_workspace->addSidePanel(new QWidget, QStringLiteral("Side"));
        auto* splitter = m_workspace->findChild<QSplitter*>(QStringLiteral("metricsSideSplitter"));
        QVERIFY(splitter);
        splitter->setSizes({ 200, 1000 });
        QTRY_VERIFY(chart()->plotWidth() < 721 / 4); // more than 4 samples a column: some must go
        QTRY_VERIFY_WITH_TIMEOUT(chart()->plottedPoints(0).size() < 721, WaitMs);
        waitForChart();
        const QList<QPointF> plotted = chart()->plottedPoints(0);
        QVERIFY2(plotted.size() <= 4 * chart()->plotWidth(), qPrintable(QString::number(plotted.size())));
        const auto [minIt, maxIt] = std::minmax_element(raw.values.begin(), raw.values.end());
        double lo = plotted.first().y();
        double hi = lo;
        for (const QPointF& p : plotted) {
            lo = std::min(lo, p.y());
            hi = std::max(hi, p.y());
            QCOMPARE(p.y(), checkoutDepthAt(qint64(p.x()))); // every plotted point is a real sample
        }
        QCOMPARE(lo, *minIt);
        QCOMPARE(hi, *maxIt);
        QCOMPARE(plotted.first().x(), double(raw.timesMs.front()));
        QCOMPARE(plotted.last().x(), double(raw.timesMs.back()));
        QCOMPARE(m_workspace->lastStepMs(), StepMs); // not asked again

        // Wide again: every point again.
        splitter->setSizes({ 1200, 0 });
        QTRY_COMPARE_WITH_TIMEOUT(chart()->plottedPoints(0).size(), 721, WaitMs);
    }

    void nanAndInfinityAreShownNotDrawn()
    {
        row(0)->setLegendFormat(QStringLiteral("nan"));
        typeAndRun(0, QStringLiteral("fb_queue_depth{service=\"payment\"} * 0 / 0"));
        m_workspace->addQuery(QString(), QStringLiteral("inf"));
        typeAndRun(1, Checkout + QStringLiteral(" / 0"));
        QCOMPARE(chart()->seriesCount(), 2);
        QCOMPARE(m_workspace->result()->series[0].data.size(), 241);
        QVERIFY(std::isnan(m_workspace->result()->series[0].data.values[0]));
        QCOMPARE(m_workspace->result()->series[1].data.values[0], std::numeric_limits<double>::infinity());
        // Nothing to draw, both named in the legend and the tooltip, the scale untouched.
        QVERIFY(chart()->plottedPoints(0).isEmpty());
        QVERIFY(chart()->plottedPoints(1).isEmpty());
        QCOMPARE(chart()->legend()->count(), 2);
        QCOMPARE(chart()->geometry().yMin, 0.0);
        QCOMPARE(chart()->geometry().yMax, 1.0);
        const ChartGeometry g = chart()->geometry();
        QTest::mouseMove(chart()->plotWidget(), g.plotArea.center().toPoint());
        QTRY_VERIFY(!chart()->hoverText().isEmpty());
        QVERIFY2(chart()->hoverText().contains(QStringLiteral("nan: <b>NaN</b>")), qPrintable(chart()->hoverText()));
        QVERIFY2(chart()->hoverText().contains(QStringLiteral("inf: <b>+Inf</b>")), qPrintable(chart()->hoverText()));
        MetricsTableModel* table = m_workspace->tableModel();
        QCOMPARE(table->rowCount(), 2);
        QCOMPARE(table->index(0, MetricsTableModel::ValueColumn).data().toString(), QStringLiteral("NaN"));
        QCOMPARE(table->index(1, MetricsTableModel::ValueColumn).data().toString(), QStringLiteral("+Inf"));
        // Frozen as Prometheus writes them: JSON has no NaN.
        const QJsonObject frozen
            = QJsonDocument::fromJson(MetricsWorkspace::frozenJson(*m_workspace->result(), {}, {})).object();
        const QJsonArray series = frozen.value(QStringLiteral("series")).toArray();
        QCOMPARE(series[0].toObject().value(QStringLiteral("points")).toArray()[0].toArray()[1].toString(),
            QStringLiteral("NaN"));
        QCOMPARE(series[1].toObject().value(QStringLiteral("points")).toArray()[0].toArray()[1].toString(),
            QStringLiteral("+Inf"));
    }

    void historyKeepsWhatTheUserRan()
    {
        QSignalSpy recorded(row(0)->history(), &QueryHistoryButton::recorded);
        typeAndRun(0, Checkout);
        QTRY_COMPARE_WITH_TIMEOUT(recorded.count(), 1, WaitMs);
        QCOMPARE(recorded.first().at(0).toString(), Checkout);
        QCOMPARE(recorded.first().at(1).toString(), QString()); // no error: in the journal
        // A re-run for another range is not a new entry.
        m_context->timeRange().setAbsolute({ EndMs - 2 * HourMs, EndMs });
        QTRY_COMPARE_WITH_TIMEOUT(m_workspace->lastRange().fromMs, EndMs - 2 * HourMs, WaitMs);
        waitForChart();
        QCOMPARE(recorded.count(), 1);
        // Picked from the history, a query replaces the row's text and runs.
        const QString payment = QStringLiteral("fb_queue_depth{service=\"payment\"}");
        Q_EMIT row(0)->history()->querySelected(payment);
        QCOMPARE(row(0)->query(), payment);
        waitForChart();
        QTRY_COMPARE_WITH_TIMEOUT(chart()->seriesName(0), payment, WaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(recorded.count(), 2, WaitMs);
    }

    void severalQueriesWithLegendFormats()
    {
        row(0)->setLegendFormat(QStringLiteral("depth {{service}}"));
        typeAndRun(0, QStringLiteral("fb_queue_depth"));
        MetricsQueryRow* b = m_workspace->addQuery();
        QCOMPARE(b->ref(), QStringLiteral("B"));
        b->setLegendFormat(QStringLiteral("requests"));
        typeAndRun(1, QStringLiteral("sum(rate(fb_http_requests_total[5m]))"));
        QCOMPARE(chart()->seriesCount(), 3);
        QStringList names;
        for (int i = 0; i < 3; ++i)
            names << chart()->seriesName(i);
        QCOMPARE(names,
            (QStringList {
                QStringLiteral("depth checkout"), QStringLiteral("depth payment"), QStringLiteral("requests") }));
        for (const QPointF& p : chart()->plottedPoints(2))
            QCOMPARE(p.y(), 3.2);
        QCOMPARE(chart()->legend()->count(), 3);

        // Hidden, B is neither run nor shown; shown again, it is run again.
        QTest::mouseClick(b->findChild<QWidget*>(QStringLiteral("metricsHideQuery")), Qt::LeftButton);
        QTRY_COMPARE(chart()->seriesCount(), 2);
        QTest::mouseClick(b->findChild<QWidget*>(QStringLiteral("metricsHideQuery")), Qt::LeftButton);
        waitForChart();
        QTRY_COMPARE_WITH_TIMEOUT(chart()->seriesCount(), 3, WaitMs);

        // Removed, its series go.
        QTest::mouseClick(b->findChild<QWidget*>(QStringLiteral("metricsRemoveQuery")), Qt::LeftButton);
        QTRY_COMPARE(chart()->seriesCount(), 2);
        QCOMPARE(m_workspace->queryRows().size(), 1);
    }

    void legendClickHidesAndCtrlClickIsolates()
    {
        row(0)->setLegendFormat(QStringLiteral("{{service}}"));
        typeAndRun(0, QStringLiteral("fb_queue_depth"));
        QCOMPARE(chart()->seriesCount(), 2);
        MetricsLegend* legend = chart()->legend();
        QTRY_VERIFY(legend->entryRect(1).isValid());
        QVERIFY(!chart()->plottedPoints(0).isEmpty());

        QTest::mouseClick(legend->viewport(), Qt::LeftButton, {}, legend->entryRect(0).center());
        QVERIFY(!chart()->isSeriesVisible(0));
        QVERIFY(chart()->isSeriesVisible(1));
        waitForChart();
        QVERIFY(chart()->plottedPoints(0).isEmpty());
        QCOMPARE(chart()->plottedPoints(1).size(), 241);

        QTest::mouseClick(legend->viewport(), Qt::LeftButton, {}, legend->entryRect(0).center());
        QVERIFY(chart()->isSeriesVisible(0));

        QTest::mouseClick(legend->viewport(), Qt::LeftButton, Qt::ControlModifier, legend->entryRect(1).center());
        QVERIFY(!chart()->isSeriesVisible(0));
        QVERIFY(chart()->isSeriesVisible(1));
        QTest::mouseClick(legend->viewport(), Qt::LeftButton, Qt::ControlModifier, legend->entryRect(1).center());
        QVERIFY(chart()->isSeriesVisible(0) && chart()->isSeriesVisible(1));

        // A re-run keeps what was hidden.
        QTest::mouseClick(legend->viewport(), Qt::LeftButton, {}, legend->entryRect(1).center());
        m_workspace->run();
        waitForChart();
        QVERIFY(chart()->isSeriesVisible(0));
        QVERIFY(!chart()->isSeriesVisible(1));
    }

    void dragZoomsTheSharedRange()
    {
        typeAndRun(0, Checkout);
        const ChartGeometry g = chart()->geometry();
        QVERIFY(g.isValid());
        QWidget* plot = chart()->plotWidget();
        const QPoint from(int(g.plotArea.left() + g.plotArea.width() * 0.25), int(g.plotArea.center().y()));
        const QPoint to(int(g.plotArea.left() + g.plotArea.width() * 0.75), int(g.plotArea.center().y()));
        QSignalSpy changed(&m_context->timeRange(), &TimeRangeController::rangeChanged);
        QTest::mousePress(plot, Qt::LeftButton, {}, from);
        QTest::mouseMove(plot, (from + to) / 2);
        QTest::mouseMove(plot, to);
        QTest::mouseRelease(plot, Qt::LeftButton, {}, to);
        QCOMPARE(changed.count(), 1);
        const TimeRange zoomed = m_context->timeRange().range();
        QCOMPARE(
            zoomed, (TimeRange { qint64(std::llround(g.xToTime(from.x()))), qint64(std::llround(g.xToTime(to.x()))) }));
        QVERIFY(m_context->timeRange().canZoomBack());
        // About the middle half of the hour.
        QVERIFY(std::abs(zoomed.durationMs() - HourMs / 2) < 60000);

        // The workspace asks again for the new range, and the axis follows it.
        QTRY_COMPARE_WITH_TIMEOUT(m_workspace->lastRange(), zoomed, WaitMs);
        waitForChart();
        QCOMPARE(chart()->geometry().xMin, double(zoomed.fromMs));
        const QList<QPointF> plotted = chart()->plottedPoints(0);
        QVERIFY(!plotted.isEmpty());
        QVERIFY(plotted.first().x() >= double(zoomed.fromMs) && plotted.last().x() <= double(zoomed.toMs));

        // A short click is not a zoom; a double click zooms out.
        QTest::mouseClick(plot, Qt::LeftButton, {}, from);
        QCOMPARE(changed.count(), 1);
        QTest::mouseDClick(plot, Qt::LeftButton, {}, from);
        QCOMPARE(changed.count(), 2);
        QCOMPARE(m_context->timeRange().range().durationMs(), 2 * zoomed.durationMs());
    }

    void hoverListsEveryVisibleSeries()
    {
        row(0)->setLegendFormat(QStringLiteral("{{service}}"));
        typeAndRun(0, QStringLiteral("fb_queue_depth"));
        const ChartGeometry g = chart()->geometry();
        const qint64 sample = EndMs - 30 * 60000;
        const QPoint at(int(std::lround(g.timeToX(double(sample)))), int(g.plotArea.center().y()));
        QTest::mouseMove(chart()->plotWidget(), at);
        QTRY_VERIFY(!chart()->hoverText().isEmpty());
        const QString text = chart()->hoverText();
        const QString checkout = analysis::formatValue(checkoutDepthAt(sample), analysis::ValueUnit::None);
        QVERIFY2(text.contains(QStringLiteral("checkout: <b>%1</b>").arg(checkout)), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("payment: <b>7.5</b>")), qPrintable(text));
    }

    void instantModeAndTable()
    {
        QTest::mouseClick(
            m_workspace->findChild<QCheckBox*>(QStringLiteral("metricsInstant")), Qt::LeftButton, {}, QPoint(4, 4));
        QVERIFY(m_workspace->isInstantMode());
        row(0)->setLegendFormat(QStringLiteral("{{service}}"));
        typeAndRun(0, QStringLiteral("fb_queue_depth"));
        QCOMPARE(m_workspace->lastStepMs(), 0);
        MetricsTableModel* table = m_workspace->tableModel();
        QCOMPARE(table->layout(), MetricsTableModel::Layout::Values);
        QCOMPARE(table->rowCount(), 2);
        QMap<QString, QString> values;
        for (int r = 0; r < 2; ++r) {
            values.insert(table->index(r, MetricsTableModel::SeriesColumn).data().toString(),
                table->index(r, MetricsTableModel::ValueColumn).data().toString());
            QCOMPARE(
                table->index(r, MetricsTableModel::TimeColumn).data(MetricsTableModel::SortRole).toLongLong(), EndMs);
        }
        // At the end of the range (k = 720): 100 + 720 % 37.
        QCOMPARE(values.value(QStringLiteral("checkout")), QStringLiteral("117"));
        QCOMPARE(values.value(QStringLiteral("payment")), QStringLiteral("7.5"));
        // The chart shows the instant values as points.
        QCOMPARE(chart()->plottedPoints(0), (QList<QPointF> { QPointF(double(EndMs), 117) }));

        // Back to the range: the table's raw samples are every point of both series.
        m_workspace->setInstantMode(false);
        waitForChart();
        QTRY_COMPARE_WITH_TIMEOUT(m_workspace->lastStepMs(), StepMs, WaitMs);
        auto* layout = m_workspace->findChild<QComboBox*>(QStringLiteral("metricsTableLayout"));
        layout->setCurrentIndex(layout->findData(int(MetricsTableModel::Layout::Samples)));
        QCOMPARE(table->rowCount(), 2 * 241);
        QCOMPARE(table->index(0, MetricsTableModel::ValueColumn).data(MetricsTableModel::SortRole).toDouble(),
            checkoutDepthAt(EndMs - HourMs));
    }

    void unitsScaleTheAxis()
    {
        // Mean latency: 6 s of observations per 30 requests = 200 ms, a constant.
        typeAndRun(0,
            QStringLiteral("rate(fb_request_duration_seconds_sum[5m]) / rate(fb_request_duration_seconds_count[5m])"));
        QCOMPARE(chart()->unit(), analysis::ValueUnit::Seconds);
        const QStringList labels = chart()->yAxisLabels();
        QVERIFY2(labels.contains(QStringLiteral("200 ms")), qPrintable(labels.join(u',')));
    }

    void modesScaleAndThresholds()
    {
        row(0)->setLegendFormat(QStringLiteral("{{service}}"));
        typeAndRun(0, QStringLiteral("fb_queue_depth"));
        const QList<QPointF> checkout = chart()->plottedPoints(0);
        QCOMPARE(checkout.size(), 241);

        // Stacked: payment (second) lies on top of checkout.
        auto* mode = m_workspace->findChild<QComboBox*>(QStringLiteral("metricsMode"));
        mode->setCurrentIndex(mode->findData(int(ChartMode::StackedArea)));
        waitForChart();
        const QList<QPointF> stacked = chart()->plottedPoints(1);
        QCOMPARE(stacked.size(), 241);
        for (qsizetype i = 0; i < stacked.size(); ++i)
            QCOMPARE(stacked[i].y(), checkout[i].y() + 7.5);
        QCOMPARE(chart()->geometry().yMin, 0.0);

        mode->setCurrentIndex(mode->findData(int(ChartMode::Points)));
        waitForChart();
        QCOMPARE(chart()->plottedPoints(0), checkout);
        QCOMPARE(chart()->plottedLineCount(0), 0);

        mode->setCurrentIndex(mode->findData(int(ChartMode::Lines)));
        QTest::mouseClick(
            m_workspace->findChild<QCheckBox*>(QStringLiteral("metricsLogScale")), Qt::LeftButton, {}, QPoint(4, 4));
        waitForChart();
        QVERIFY(chart()->geometry().logY);
        QCOMPARE(chart()->geometry().yMin, 1.0); // 7.5 .. 136 on decades
        QCOMPARE(chart()->geometry().yMax, 1000.0);
        QCOMPARE(chart()->plottedPoints(0), checkout);
        QTest::mouseClick(
            m_workspace->findChild<QCheckBox*>(QStringLiteral("metricsLogScale")), Qt::LeftButton, {}, QPoint(4, 4));
        waitForChart();

        QVERIFY(chart()->geometry().yMax < 200);
        QTest::keyClicks(
            m_workspace->findChild<QLineEdit*>(QStringLiteral("metricsThresholds")), QStringLiteral("250, 5"));
        QCOMPARE(chart()->thresholds(), (QList<double> { 250, 5 }));
        QVERIFY(chart()->geometry().yMax >= 250);

        QTest::mouseClick(
            m_workspace->findChild<QCheckBox*>(QStringLiteral("metricsFromZero")), Qt::LeftButton, {}, QPoint(4, 4));
        QCOMPARE(chart()->geometry().yMin, 0.0);
    }

    void errorsStayInTheirRow()
    {
        typeAndRun(0, Checkout);
        MetricsQueryRow* b = m_workspace->addQuery();
        typeAndRun(1, QStringLiteral("sum(rate(fb_http_requests_total[5m])"));
        QVERIFY2(b->errorText().contains(
                     QStringLiteral("%1/api/v1/query_range answered 400: bad_data").arg(m_url.toString())),
            qPrintable(b->errorText()));
        QVERIFY(b->statusText().contains(b->errorText()));
        QVERIFY(row(0)->errorText().isEmpty());
        QCOMPARE(chart()->seriesCount(), 1); // A is still on the chart
        QVERIFY(!QApplication::activeModalWidget());
    }

    void deadBackendNeverBlocks()
    {
        test::TestHttpServer server;
        QVERIFY(server.listen());
        server.route("/api/v1/query_range", { 200, {}, {}, 0, true });
        server.route("/api/v1/query_exemplars", { 200, {}, {}, 0, true });
        const QUrl url(QStringLiteral("http://127.0.0.1:%1").arg(server.port()));
        makeWorkspace({ profile(url, std::chrono::milliseconds(1500)) });

        int ticks = 0;
        QTimer ticker;
        connect(&ticker, &QTimer::timeout, this, [&ticks] { ++ticks; });
        ticker.start(20);
        QElapsedTimer clock;
        clock.start();
        row(0)->setQuery(Checkout);
        QTest::mouseClick(m_workspace->findChild<QPushButton*>(QStringLiteral("metricsRun")), Qt::LeftButton);
        QVERIFY2(clock.elapsed() < 200, "Run waited for the server");
        QVERIFY(m_workspace->isLoading());
        QVERIFY(row(0)->statusText().contains(QStringLiteral("Running")));
        QTRY_VERIFY_WITH_TIMEOUT(!row(0)->errorText().isEmpty(), WaitMs);
        QVERIFY2(row(0)->errorText().contains(url.toString()), qPrintable(row(0)->errorText()));
        QVERIFY2(ticks >= 30, qPrintable(QString::number(ticks))); // the event loop kept turning for 1.5 s
        QVERIFY(!m_workspace->isLoading());
        QVERIFY(!QApplication::activeModalWidget());

        // Nothing listens at all: refused at once, said in the row.
        makeWorkspace({ profile(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(test::refusedPort()))) });
        row(0)->setQuery(Checkout);
        m_workspace->run();
        QTRY_VERIFY_WITH_TIMEOUT(!row(0)->errorText().isEmpty(), WaitMs);
        QCOMPARE(chart()->seriesCount(), 0);
    }

    void newerRunCancelsOlder()
    {
        typeAndRun(0, Checkout);
        row(0)->setQuery(QStringLiteral("fb_queue_depth{service=\"payment\"}"));
        m_workspace->run();
        row(0)->setQuery(Checkout + QStringLiteral(" * 2"));
        m_workspace->run();
        waitForChart();
        QCOMPARE(chart()->seriesCount(), 1);
        const QList<QPointF> plotted = chart()->plottedPoints(0);
        QCOMPARE(plotted.size(), 241);
        QCOMPARE(plotted.first().y(), 2 * checkoutDepthAt(EndMs - HourMs)); // the last one asked, not the payment
    }

    void pinCarriesQueriesPictureAndRawPoints()
    {
        row(0)->setLegendFormat(QStringLiteral("{{service}}"));
        typeAndRun(0, Checkout);
        QSignalSpy pins(m_workspace.get(), &MetricsWorkspace::pinToIncidentRequested);
        QTest::mouseClick(m_workspace->findChild<QPushButton*>(QStringLiteral("metricsPin")), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(pins.count(), 1, WaitMs);
        const auto evidence = pins.first().first().value<journal::Evidence>();
        QCOMPARE(evidence.source, QStringLiteral("prometheus"));
        QCOMPARE(evidence.query, Checkout + QStringLiteral("  # legend: {{service}}"));
        QVERIFY2(evidence.title.contains(Checkout), qPrintable(evidence.title));
        QCOMPARE(evidence.fromMs, EndMs - HourMs);
        QCOMPARE(evidence.toMs, EndMs);
        QVERIFY(evidence.thumbnailPng.startsWith("\x89PNG"));
        QImage thumbnail;
        QVERIFY(thumbnail.loadFromData(evidence.thumbnailPng, "PNG"));
        QVERIFY(thumbnail.width() > 300);

        const QJsonObject frozen = QJsonDocument::fromJson(evidence.frozenData).object();
        QCOMPARE(frozen.value(QStringLiteral("step_ms")).toInteger(), StepMs);
        const QJsonArray queries = frozen.value(QStringLiteral("queries")).toArray();
        QCOMPARE(queries.size(), 1);
        QCOMPARE(queries[0].toObject().value(QStringLiteral("expr")).toString(), Checkout);
        const QJsonArray series = frozen.value(QStringLiteral("series")).toArray();
        QCOMPARE(series.size(), 1);
        QCOMPARE(series[0].toObject().value(QStringLiteral("name")).toString(), QStringLiteral("checkout"));
        const QJsonArray points = series[0].toObject().value(QStringLiteral("points")).toArray();
        QCOMPARE(points.size(), 241);
        for (const QJsonValue& point : points) {
            const qint64 t = point.toArray()[0].toInteger();
            QCOMPARE(point.toArray()[1].toDouble(), checkoutDepthAt(t));
        }
    }

    void showQueriesFromAnotherWorkspace()
    {
        const TimeRange range { EndMs - 2 * HourMs, EndMs - HourMs };
        m_workspace->showQueries({ Checkout, QStringLiteral("fb_queue_depth{service=\"payment\"}") }, range);
        QCOMPARE(m_context->timeRange().range(), range);
        QCOMPARE(m_workspace->queryRows().size(), 2);
        QCOMPARE(m_workspace->queryRows()[1]->query(), QStringLiteral("fb_queue_depth{service=\"payment\"}"));
        QTRY_COMPARE_WITH_TIMEOUT(m_workspace->lastRange(), range, WaitMs);
        waitForChart();
        QCOMPARE(chart()->seriesCount(), 2);
        QCOMPARE(chart()->plottedPoints(1).size(), 241);
        QCOMPARE(chart()->plottedPoints(0).first(), QPointF(double(range.fromMs), checkoutDepthAt(range.fromMs)));
    }

    void emptyStateOffersASource()
    {
        QVERIFY2(m_workspace->minimumSizeHint().width() <= 880, "the workspace must fit a 900 px window");
        makeWorkspace({});
        auto* empty = m_workspace->findChild<EmptyState*>();
        QVERIFY(empty && empty->isVisible());
        QVERIFY(empty->title().contains(QStringLiteral("Prometheus")));
        QSignalSpy add(m_workspace.get(), &MetricsWorkspace::addSourceRequested);
        Q_EMIT empty->actionTriggered();
        QCOMPARE(add.count(), 1);
        // A source saved later: the workspace appears.
        QVERIFY(m_context->saveProfiles({ profile(m_url) }));
        QTRY_VERIFY(!empty->isVisible());
        QVERIFY(m_workspace->currentProfile().has_value());
    }

    void exemplarMarkersOpenTheirTraces()
    {
        const QString targets = qEnvironmentVariable("FIREBREAK_PROMETHEUS_TARGETS_DIR");
        QVERIFY2(
            !targets.isEmpty() && QDir(targets).exists(), "FIREBREAK_PROMETHEUS_TARGETS_DIR must name WORKDIR/targets");
        test::TestHttpServer target;
        QVERIFY(target.listen());
        const qint64 baseS = QDateTime::currentSecsSinceEpoch() - 60;
        target.route("/metrics",
            { 200, openMetricsWithExemplars(baseS),
                QByteArrayLiteral("application/openmetrics-text; version=1.0.0; charset=utf-8") });
        const QString file = targets + QStringLiteral("/tst_metricsworkspace.json");
        {
            QSaveFile sd(file);
            QVERIFY(sd.open(QIODevice::WriteOnly));
            // A label of this run: exemplars of earlier runs on the same server are not counted.
            sd.write(R"([{"targets":["127.0.0.1:)" + QByteArray::number(target.port()) + R"("],"labels":{"run":")"
                + QByteArray::number(baseS) + R"("}}])");
            QVERIFY(sd.commit());
        }
        const auto removeFile = qScopeGuard([&file] { QFile::remove(file); });
        // The target's second scrape means the first one is stored.
        QTRY_VERIFY_WITH_TIMEOUT(target.count("/metrics") >= 2, 30000);

        const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
        m_context->timeRange().setAbsolute({ baseS * 1000 - 120000, nowMs + 30000 });
        typeAndRun(0, QStringLiteral("ui_checkout_latency_seconds_bucket{le!=\"+Inf\",run=\"%1\"}").arg(baseS));
        QTRY_COMPARE_WITH_TIMEOUT(chart()->exemplarMarkerCount(), 2, WaitMs);
        QVERIFY(row(0)->statusText().contains(QStringLiteral("2 exemplars")));

        QSignalSpy traces(chart(), &MetricsChartView::openTraceRequested);
        QSignalSpy forwarded(m_workspace.get(), &MetricsWorkspace::openTraceRequested);
        for (int i = 0; i < 2; ++i) {
            // The axes may still settle (the markers' values widen the scale): ask where the marker is each time.
            QPoint at;
            const auto hoverMarker = [&] {
                at = chart()->exemplarMarkerPosition(i).toPoint();
                QTest::mouseMove(chart()->plotWidget(), at);
                return chart()->hoverText().contains(QStringLiteral("Exemplar"));
            };
            QTRY_VERIFY2(hoverMarker(),
                qPrintable(
                    QStringLiteral("marker %1 at %2,%3: %4").arg(i).arg(at.x()).arg(at.y()).arg(chart()->hoverText())));
            QVERIFY(chart()->geometry().plotArea.contains(at));
            QTest::mouseClick(chart()->plotWidget(), Qt::LeftButton, {}, at);
        }
        QCOMPARE(traces.count(), 2);
        QStringList ids { traces[0][0].toString(), traces[1][0].toString() };
        ids.sort();
        QCOMPARE(ids,
            (QStringList { QStringLiteral("00f067aa0ba902b7"), QStringLiteral("4bf92f3577b34da6a3ce929d0e0e4736") }));
        QCOMPARE(forwarded.count(), 2);

        // Turned off, the markers go.
        QTest::mouseClick(
            m_workspace->findChild<QCheckBox*>(QStringLiteral("metricsExemplars")), Qt::LeftButton, {}, QPoint(4, 4));
        QCOMPARE(chart()->exemplarMarkerCount(), 0);
    }

    void screenshotForReview()
    {
        // Not a check: writes the chart as it looks (FIREBREAK_SCREENSHOT_DIR) for a person to review.
        const QString dir = qEnvironmentVariable("FIREBREAK_SCREENSHOT_DIR");
        if (dir.isEmpty())
            QSKIP("FIREBREAK_SCREENSHOT_DIR not set");
        m_context->timeRange().setAbsolute({ StartMs, EndMs });
        row(0)->setLegendFormat(QStringLiteral("{{service}}"));
        typeAndRun(0, QStringLiteral("fb_queue_depth"));
        MetricsQueryRow* b = m_workspace->addQuery();
        b->setLegendFormat(QStringLiteral("{{service}} {{code}}"));
        typeAndRun(1, QStringLiteral("rate(fb_http_requests_total[5m]) * 20"));
        m_workspace->findChild<QLineEdit*>(QStringLiteral("metricsThresholds"))->setText(QStringLiteral("130"));
        const ChartGeometry g = chart()->geometry();
        QTest::mouseMove(chart()->plotWidget(), QPoint(int(g.plotArea.center().x()), int(g.plotArea.top() + 40)));
        QTRY_VERIFY(!chart()->hoverText().isEmpty());
        QVERIFY(m_workspace->grab().save(dir + QStringLiteral("/metrics-workspace.png")));
    }
};

QTEST_MAIN(TestMetricsWorkspace)
#include "tst_metricsworkspace.moc"
