// The Traces workspace as a user drives it: open a file (and a broken one), move with the keyboard, collapse and
// expand, find, filter, zoom on the ruler, fetch a trace by id from a (fake) Tempo or from none.

#include "common/appcontext.h"
#include "faketempo.h"
#include "net/profilestore.h"
#include "testutils.h"
#include "traces/tracesworkspace.h"
#include "traces/waterfallgeometry.h"
#include "traces/waterfallview.h"

#include <QCheckBox>
#include <QComboBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace firebreak;
using namespace firebreak::ui;

namespace {

constexpr int WaitMs = 15000;
const QString FixtureTraceId = QStringLiteral("4bf92f3577b34da6a3ce929d0e0e4736");

} // namespace

class TestTracesWorkspace : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<AppContext> m_context;
    std::unique_ptr<TracesWorkspace> m_workspace;

    WaterfallView* view() const { return m_workspace->waterfall(); }
    template <typename T> T* child(const char* name) const
    {
        return m_workspace->findChild<T*>(QString::fromLatin1(name));
    }

    void openFixture()
    {
        QSignalSpy loaded(m_workspace.get(), &TracesWorkspace::documentLoaded);
        m_workspace->openFile(test::dataPath(QStringLiteral("tempo/tempo-trace-protobuf.pb")));
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, WaitMs);
    }

    QString selectedName() const
    {
        const Trace& trace = m_workspace->document()->trace;
        return trace.string(trace.names[view()->selectedSpan()]);
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_context = std::make_unique<AppContext>(
            m_dir.filePath(QStringLiteral("settings.ini")), m_dir.filePath(QStringLiteral("secrets.json")));
        m_workspace = std::make_unique<TracesWorkspace>(*m_context);
        m_workspace->resize(1400, 800);
        m_workspace->show();
    }

    void cleanup()
    {
        m_workspace.reset();
        m_context.reset();
    }

    void geometryMapsTimeAndRows()
    {
        WaterfallGeometry geometry;
        geometry.width = 1012;
        geometry.treeWidth = 400;
        geometry.rightMargin = 12; // timeline 600 px wide
        geometry.setTrace(1000, 7000);
        QCOMPARE(geometry.timeToX(1000), 400.0);
        QCOMPARE(geometry.timeToX(7000), 1000.0);
        QCOMPARE(geometry.xToTime(700), std::int64_t(4000));
        geometry.zoomTo(5000, 3000); // either order
        QVERIFY(geometry.isZoomed());
        QCOMPARE(geometry.timeToX(4000), 700.0);
        geometry.zoomTo(6900, 9000); // kept inside the trace, width kept
        QCOMPARE(geometry.viewEndNs, std::int64_t(7000));
        QCOMPARE(geometry.viewStartNs, std::int64_t(4900));
        geometry.zoomTo(2000, 2001); // never narrower than the minimum
        QCOMPARE(geometry.windowNs(), WaterfallGeometry::MinimumWindowNs);
        geometry.resetZoom();
        geometry.zoomAround(700, 0.5); // keeps the time under x = 700 in place
        QCOMPARE(geometry.xToTime(700), std::int64_t(4000));
        QCOMPARE(geometry.windowNs(), std::int64_t(3000));

        geometry.rulerHeight = 26;
        geometry.rowHeight = 22;
        geometry.scrollY = 30;
        QCOMPARE(geometry.rowAt(10), -1); // the ruler
        QCOMPARE(geometry.rowAt(26), 1); // 30 px scrolled: the first visible pixel is in row 1
        QCOMPARE(geometry.rowTop(1), 26 + 22 - 30);
        QCOMPARE(geometry.firstVisibleRow(), 1);
        QCOMPARE(geometry.endVisibleRow(26 + 44, 100), 4); // rows 1, 2 and part of 3
        QCOMPARE(geometry.endVisibleRow(1000, 3), 3);
    }

    void opensAFileAndShowsTheWaterfall()
    {
        openFixture();
        QCOMPARE(m_workspace->document()->trace.spanCount(), 20);
        QCOMPARE(m_workspace->rows()->rowCount(), 20);
        const QString summary = child<QLabel>("traceSummary")->text();
        QVERIFY2(summary.contains(QStringLiteral("20 spans")) && summary.contains(FixtureTraceId)
                && summary.contains(QStringLiteral("7 errors")),
            qPrintable(summary));
        QCOMPARE(selectedName(), QStringLiteral("GET /checkout")); // the root is selected
        const QImage image = view()->renderToImage();
        QVERIFY(!image.isNull());
        QVERIFY(m_workspace->loadError().isEmpty());
    }

    void keyboardMovesCollapsesAndExpands()
    {
        openFixture();
        view()->setFocus();
        QTest::keyClick(view(), Qt::Key_Down);
        QCOMPARE(view()->selectedSpan(), m_workspace->rows()->rows()[1].span);
        QTest::keyClick(view(), Qt::Key_End);
        QCOMPARE(m_workspace->rows()->rowOf(view()->selectedSpan()), 19);
        QTest::keyClick(view(), Qt::Key_Home);
        QTest::keyClick(view(), Qt::Key_Left); // collapses the root
        QCOMPARE(m_workspace->rows()->rowCount(), 1);
        QTest::keyClick(view(), Qt::Key_Right);
        QCOMPARE(m_workspace->rows()->rowCount(), 20);
        QTest::keyClick(view(), Qt::Key_Down);
        QCOMPARE(selectedName(), QStringLiteral("session lookup"));
        QTest::keyClick(view(), Qt::Key_Left); // an expanded parent: collapses
        QCOMPARE(m_workspace->rows()->rowCount(), 19);
        QTest::keyClick(view(), Qt::Key_Left); // collapsed: goes to its parent
        QCOMPARE(selectedName(), QStringLiteral("GET /checkout"));
        QSignalSpy details(view(), &WaterfallView::detailsRequested);
        QTest::keyClick(view(), Qt::Key_Return);
        QCOMPARE(details.count(), 1);
        QTest::keyClick(view(), Qt::Key_Slash);
        QTRY_VERIFY(child<QLineEdit>("traceFind")->hasFocus());
    }

    void findsAndFilters()
    {
        openFixture();
        auto* find = child<QLineEdit>("traceFind");
        QTest::keyClicks(find, QStringLiteral("service=payment"));
        QCOMPARE(child<QLabel>("traceMatchCount")->text(), QStringLiteral("1 of 6"));
        QTest::keyClick(find, Qt::Key_Return);
        QCOMPARE(child<QLabel>("traceMatchCount")->text(), QStringLiteral("2 of 6"));
        QCOMPARE(m_workspace->document()->trace.string(m_workspace->document()->trace.services[view()->selectedSpan()]),
            QStringLiteral("payment"));
        child<QCheckBox>("traceMatchesOnly")->setChecked(true);
        // The six payment spans and the ancestors that lead to them.
        const auto& rows = m_workspace->rows()->rows();
        const auto kept = std::count_if(rows.begin(), rows.end(), [](const auto& row) { return !row.context; });
        QCOMPARE(kept, 6);
        QVERIFY(rows.front().context);
        child<QCheckBox>("traceMatchesOnly")->setChecked(false);
        find->clear();
        QCOMPARE(m_workspace->rows()->rowCount(), 20);

        child<QCheckBox>("traceErrorsOnly")->setChecked(true);
        const auto errors = std::count_if(m_workspace->rows()->rows().begin(), m_workspace->rows()->rows().end(),
            [](const auto& row) { return !row.context; });
        QCOMPARE(errors, 7);
        child<QCheckBox>("traceErrorsOnly")->setChecked(false);
        auto* service = child<QComboBox>("traceServiceFilter");
        QCOMPARE(service->count(), 4); // all, checkout, frontend, payment
        service->setCurrentText(QStringLiteral("checkout"));
        const auto checkout = std::count_if(m_workspace->rows()->rows().begin(), m_workspace->rows()->rows().end(),
            [](const auto& row) { return !row.context; });
        QCOMPARE(checkout, 8);
    }

    void dragOnTheRulerZoomsAndDoubleClickResets()
    {
        openFixture();
        QSignalSpy zoomed(view(), &WaterfallView::zoomChanged);
        const WaterfallGeometry& geometry = view()->waterfallGeometry();
        const int left = geometry.timelineLeft() + 100;
        const int right = geometry.timelineLeft() + 300;
        const std::int64_t expectedFrom = geometry.xToTime(left);
        QTest::mousePress(view()->viewport(), Qt::LeftButton, {}, QPoint(left, 10));
        QTest::mouseMove(view()->viewport(), QPoint(right, 10));
        QTest::mouseRelease(view()->viewport(), Qt::LeftButton, {}, QPoint(right, 10));
        QCOMPARE(zoomed.count(), 1);
        QVERIFY(view()->waterfallGeometry().isZoomed());
        QCOMPARE(view()->waterfallGeometry().viewStartNs, expectedFrom);
        QTest::mouseDClick(view()->viewport(), Qt::LeftButton, {}, QPoint(left, 10));
        QVERIFY(!view()->waterfallGeometry().isZoomed());
    }

    void clickingTheArrowTogglesASubtree()
    {
        openFixture();
        const WaterfallGeometry& geometry = view()->waterfallGeometry();
        const int y = geometry.rowTop(0) + geometry.rowHeight / 2;
        QTest::mouseClick(view()->viewport(), Qt::LeftButton, {}, QPoint(10, y));
        QCOMPARE(m_workspace->rows()->rowCount(), 1);
        QTest::mouseClick(view()->viewport(), Qt::LeftButton, {}, QPoint(10, y));
        QCOMPARE(m_workspace->rows()->rowCount(), 20);
    }

    void aBrokenFileIsAClearErrorAndKeepsTheOpenTrace()
    {
        openFixture();
        const QString broken = m_dir.filePath(QStringLiteral("broken.json"));
        QFile file(broken);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"batches": [ {"resource": )");
        file.close();
        QSignalSpy failed(m_workspace.get(), &TracesWorkspace::loadFailed);
        m_workspace->openFile(broken);
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, WaitMs);
        QVERIFY2(m_workspace->loadError().startsWith(QStringLiteral("broken.json could not be opened: ")),
            qPrintable(m_workspace->loadError()));
        QCOMPARE(m_workspace->document()->trace.spanCount(), 20); // what was open stays open
    }

    void traceIdNeedsAnIdAndATempo()
    {
        m_workspace->openTraceId(QStringLiteral("not-hex"));
        QVERIFY2(m_workspace->loadError().contains(QStringLiteral("is not a trace id")),
            qPrintable(m_workspace->loadError()));
        m_workspace->openTraceId(FixtureTraceId);
        QVERIFY2(m_workspace->loadError().startsWith(QStringLiteral("No Tempo data source")),
            qPrintable(m_workspace->loadError()));
    }

    void fetchesATraceFromTempo()
    {
        test::FakeTempo tempo;
        QVERIFY(tempo.listen());
        QVERIFY(tempo.pushJson(test::readData(QStringLiteral("tempo/request-tempo-otlp-traces.json"))).isEmpty());
        net::ConnectionProfile profile = net::ProfileStore::newProfile(net::BackendKind::Tempo);
        profile.name = QStringLiteral("tempo-dev");
        profile.baseUrl = QUrl(tempo.url());
        QVERIFY(m_context->saveProfiles({ profile }));

        QSignalSpy loaded(m_workspace.get(), &TracesWorkspace::documentLoaded);
        QTest::keyClicks(child<QLineEdit>("traceIdInput"), FixtureTraceId);
        QTest::keyClick(child<QLineEdit>("traceIdInput"), Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, WaitMs);
        QCOMPARE(m_workspace->document()->trace.spanCount(), 20);
        QVERIFY(m_workspace->document()->source.contains(QStringLiteral("tempo-dev")));

        // The same trace from Tempo as the second side of a comparison.
        m_workspace->compareWithTraceId(FixtureTraceId);
        auto* tabs = child<QTabWidget>("traceTabs");
        QTRY_COMPARE_WITH_TIMEOUT(tabs->currentIndex(), 2, WaitMs);

        QSignalSpy failed(m_workspace.get(), &TracesWorkspace::loadFailed);
        m_workspace->openTraceId(QStringLiteral("0123456789abcdef0123456789abcdef"));
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, WaitMs);
        QVERIFY2(m_workspace->loadError().contains(QStringLiteral("not found")), qPrintable(m_workspace->loadError()));
    }

    void comparesWithASecondTrace()
    {
        openFixture();
        auto* tabs = child<QTabWidget>("traceTabs");
        QCOMPARE(tabs->count(), 4); // waterfall, statistics, compare, search
        m_workspace->compareWithFile(test::dataPath(QStringLiteral("tempo/tempo-trace-json.json")));
        QTRY_COMPARE_WITH_TIMEOUT(tabs->currentIndex(), 2, WaitMs);
        QVERIFY(m_workspace->loadError().isEmpty());
    }

    void spanActionsCarryTheSpan()
    {
        openFixture();
        QSignalSpy logs(m_workspace.get(), &TracesWorkspace::logsForSpanRequested);
        Q_EMIT view()->logsForSpanRequested(view()->selectedSpan());
        QCOMPARE(logs.count(), 1);
        const auto reference = logs.first().first().value<SpanReference>();
        QCOMPARE(reference.traceId, FixtureTraceId);
        QCOMPARE(reference.service, QStringLiteral("frontend"));
        QVERIFY(reference.endNs > reference.startNs);

        // Pinned, the span keeps enough to fetch its trace again and a frozen copy of its fields.
        QSignalSpy pins(m_workspace.get(), &TracesWorkspace::pinToIncidentRequested);
        Q_EMIT view()->pinToIncidentRequested(view()->selectedSpan());
        QCOMPARE(pins.count(), 1);
        const auto evidence = pins.first().first().value<journal::Evidence>();
        QCOMPARE(evidence.source, QStringLiteral("tempo"));
        QCOMPARE(evidence.query, FixtureTraceId);
        QVERIFY(evidence.title.contains(reference.operation));
        QVERIFY(evidence.toMs >= evidence.fromMs && evidence.fromMs > 0);
        const QJsonObject frozen = QJsonDocument::fromJson(evidence.frozenData).object();
        QCOMPARE(frozen.value(QStringLiteral("span_id")).toString(), reference.spanId);
        QCOMPARE(frozen.value(QStringLiteral("start_ns")).toString(), QString::number(reference.startNs));
        QVERIFY(!frozen.value(QStringLiteral("attributes")).toObject().isEmpty());
        QVERIFY(evidence.thumbnailPng.startsWith("\x89PNG"));
    }
};

QTEST_MAIN(TestTracesWorkspace)
#include "tst_tracesworkspace.moc"
