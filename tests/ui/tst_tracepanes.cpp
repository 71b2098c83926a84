#include "analysis/celltone.h"
#include "analysis/durationtext.h"
#include "analysis/spanattributesmodel.h"
#include "analysis/tracediffmodel.h"
#include "analysis/tracedocument.h"
#include "analysis/tracestatisticsmodel.h"
#include "backends/tempo/searchresultsmodel.h"
#include "backends/tempo/traceqlcompletion.h"
#include "faketempo.h"
#include "model/timerangecontroller.h"
#include "net/httpclient.h"
#include "testutils.h"
#include "tracegenerator.h"
#include "traces/spandetailspane.h"
#include "traces/tracediffview.h"
#include "traces/tracesearchpanel.h"
#include "traces/tracestatisticsview.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QCompleter>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTest>
#include <QToolButton>
#include <QTreeView>

using namespace firebreak;
using namespace firebreak::analysis;
using namespace firebreak::ui;
using namespace Qt::StringLiterals;

namespace {

constexpr std::int64_t Ms = 1'000'000;
constexpr int Wait = 10000;
// The fixture trace starts 2026-11-25 15:43:39.742 UTC.
constexpr qint64 FixtureStartMs = 1'795'621'419'742;

const QString FixturePath = QStringLiteral("tempo/tempo-trace-protobuf.pb");

TraceDocumentPtr loadFixture()
{
    TraceDocumentResult result = loadTraceDocumentFile(test::dataPath(FixturePath));
    return result.document;
}

qsizetype spanNamed(const TraceDocument& document, const QString& name)
{
    const Trace& trace = document.trace;
    for (qsizetype span = 0; span < trace.spanCount(); ++span) {
        if (trace.string(trace.names[span]) == name)
            return span;
    }
    return -1;
}

/// Every row a view's model shows, depth-first: "key=value" (two columns) or the cells joined by " | ".
QStringList rowsOf(const QAbstractItemModel* model, const QModelIndex& parent = {}, int depth = 0)
{
    QStringList rows;
    for (int row = 0; row < model->rowCount(parent); ++row) {
        QStringList cells;
        for (int column = 0; column < model->columnCount(parent); ++column)
            cells << model->index(row, column, parent).data().toString();
        rows << QString(depth * 2, u' ') + cells.join(QStringLiteral(" | "));
        rows << rowsOf(model, model->index(row, 0, parent), depth + 1);
    }
    return rows;
}

/// Set FIREBREAK_SCREENSHOT_DIR to look at the panes as a person would.
void screenshot(QWidget* widget, const QString& name)
{
    const QString dir = qEnvironmentVariable("FIREBREAK_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    QVERIFY(widget->grab().save(dir + u'/' + name + QStringLiteral(".png")));
}

/// The same with a popup (a window of its own, which grab() leaves out) painted where it shows.
void screenshotWithPopup(QWidget* widget, QWidget* popup, const QString& name)
{
    const QString dir = qEnvironmentVariable("FIREBREAK_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QPixmap picture = widget->grab();
    {
        QPainter painter(&picture);
        painter.drawPixmap(popup->mapToGlobal(QPoint()) - widget->mapToGlobal(QPoint()), popup->grab());
    }
    QDir().mkpath(dir);
    QVERIFY(picture.save(dir + u'/' + name + QStringLiteral(".png")));
}

/// The fixture with "call card gateway" twice as long and "record failure" renamed: a latency change, a path
/// only in A and one only in B.
TraceDocumentPtr modifiedFixture()
{
    TraceParseResult parsed = readTraceFile(test::dataPath(FixturePath));
    if (!parsed.ok())
        return nullptr;
    Trace trace = std::move(*parsed.trace);
    for (qsizetype span = 0; span < trace.spanCount(); ++span) {
        const QString name = trace.string(trace.names[span]);
        if (name == QLatin1String("call card gateway"))
            trace.endNs[span] += trace.durationNs(span);
        else if (name == QLatin1String("record failure"))
            trace.names[span] = trace.strings.intern("record failure v2");
    }
    return makeTraceDocument(std::move(trace), QStringLiteral("/tmp/modified.pb"));
}

/// Two processes: "api" (a root span of 100 ms) calls "db", whose clock runs 150 ms ahead, so its 20 ms child
/// span seems to start after the parent ended; the child links to a span of another trace.
TraceDocumentPtr skewedTrace()
{
    TraceBuilder builder;
    TraceId traceId = *TraceId::fromHex(u"00000000000000000000000000000abc");
    const std::int64_t t0 = 1'795'621'419'000'000'000;

    std::uint32_t mark = builder.mark();
    builder.addAttribute(Attribute::ofString(builder.intern("service.name"), builder.intern("api")));
    const std::uint32_t api = builder.addResource(mark);
    mark = builder.mark();
    builder.addAttribute(Attribute::ofString(builder.intern("service.name"), builder.intern("db")));
    const std::uint32_t db = builder.addResource(mark);
    const std::uint32_t scope = builder.addScope(builder.intern("test"), StringPool::Empty, builder.mark());

    TraceBuilder::SpanFields root;
    root.traceId = traceId;
    root.spanId = 1;
    root.startNs = t0;
    root.endNs = t0 + 100 * Ms;
    root.name = builder.intern("GET /items");
    root.kind = SpanKind::Server;
    mark = builder.mark();
    builder.addAttribute(Attribute::ofBool(builder.intern("cache.hit"), false));
    builder.addAttribute(Attribute::ofDouble(builder.intern("load"), 0.25));
    const IndexRange rootAttributes { mark, builder.mark() };
    builder.addSpan(root, api, scope, rootAttributes);

    TraceBuilder::SpanFields child;
    child.traceId = traceId;
    child.spanId = 2;
    child.parentSpanId = 1;
    child.startNs = t0 + 150 * Ms;
    child.endNs = t0 + 170 * Ms;
    child.name = builder.intern("SELECT items");
    child.kind = SpanKind::Client;
    const IndexRange childAttributes { builder.mark(), builder.mark() };
    mark = builder.mark();
    builder.addAttribute(Attribute::ofString(builder.intern("link.reason"), builder.intern("batched")));
    builder.addLink(*TraceId::fromHex(u"1234"), 0x42, builder.intern("vendor=1"), mark);
    builder.addSpan(child, db, scope, childAttributes);
    return makeTraceDocument(builder.finish(), QStringLiteral("skewed"));
}

/// OTLP JSON of `count` one-span traces of service "batch", trace i starting i seconds after the fixture's trace
/// and lasting i * 10 ms, ids 00…01, 00…02, …
QByteArray generatedTraces(int count)
{
    QJsonArray spans;
    for (int i = 1; i <= count; ++i) {
        const qint64 start = 1'795'621'419'742'387'522LL + qint64(i) * 1'000'000'000LL;
        spans.append(QJsonObject {
            { u"traceId"_s, QStringLiteral("%1").arg(i, 32, 16, QLatin1Char('0')) },
            { u"spanId"_s, u"00000000000000a1"_s },
            { u"name"_s, QStringLiteral("batch job %1").arg(i) },
            { u"kind"_s, 2 },
            { u"startTimeUnixNano"_s, QString::number(start) },
            { u"endTimeUnixNano"_s, QString::number(start + qint64(i) * 10 * Ms) },
        });
    }
    const QJsonObject resource { { u"attributes"_s,
        QJsonArray { QJsonObject {
            { u"key"_s, u"service.name"_s }, { u"value"_s, QJsonObject { { u"stringValue"_s, u"batch"_s } } } } } } };
    const QJsonObject document { { u"resourceSpans"_s,
        QJsonArray { QJsonObject { { u"resource"_s, resource },
            { u"scopeSpans"_s, QJsonArray { QJsonObject { { u"spans"_s, spans } } } } } } } };
    return QJsonDocument(document).toJson(QJsonDocument::Compact);
}

/// A fake Tempo with the fixture trace and twelve generated ones, and a search panel pointed at it over a time
/// range that holds them all.
struct SearchSetup
{
    test::FakeTempo tempo;
    net::HttpClient http;
    TimeRangeController timeRange;
    std::unique_ptr<TraceSearchPanel> panel;

    bool start()
    {
        if (!tempo.pushJson(test::readData(u"tempo/request-tempo-otlp-traces.json"_s)).isEmpty()
            || !tempo.pushJson(generatedTraces(12)).isEmpty() || !tempo.listen() || !tempo.listenGrpc())
            return false;
        timeRange.setClock([] { return FixtureStartMs + 3'600'000; });
        timeRange.setDisplay(TimeDisplay::Utc);
        timeRange.setAbsolute({ FixtureStartMs - 60'000, FixtureStartMs + 60'000 });
        panel = std::make_unique<TraceSearchPanel>(http, timeRange);
        net::ConnectionProfile profile;
        profile.kind = net::BackendKind::Tempo;
        profile.name = u"Tempo test"_s;
        profile.baseUrl = QUrl(tempo.url());
        profile.grpcAddress = tempo.grpcAddress();
        profile.timeout = std::chrono::milliseconds(Wait);
        panel->setProfile(profile);
        panel->resize(1000, 480);
        panel->show();
        panel->activateWindow();
        return QTest::qWaitForWindowActive(panel.get());
    }

    ~SearchSetup() { panel.reset(); }
};

} // namespace

class TestTracePanes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        m_fixture = loadFixture();
        QVERIFY(m_fixture);
        QCOMPARE(m_fixture->trace.spanCount(), 20);
    }

    void formatDuration_data()
    {
        QTest::addColumn<qint64>("ns");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("signedText");
        const QString micro = QString(QChar(0x00b5)) + u's';
        const QString minus(QChar(0x2212));
        QTest::newRow("zero") << qint64(0) << QStringLiteral("0 ns") << QStringLiteral("0 ns");
        QTest::newRow("nanoseconds") << qint64(850) << QStringLiteral("850 ns") << QStringLiteral("+850 ns");
        QTest::newRow("microseconds_three_digits")
            << qint64(12'345) << QStringLiteral("12.3 ") + micro << QStringLiteral("+12.3 ") + micro;
        QTest::newRow("just_below_a_millisecond_rounds_up")
            << qint64(999'960) << QStringLiteral("1 ms") << QStringLiteral("+1 ms");
        QTest::newRow("milliseconds_two_decimals")
            << qint64(4'561'000) << QStringLiteral("4.56 ms") << QStringLiteral("+4.56 ms");
        QTest::newRow("whole_milliseconds_drop_zeros")
            << qint64(590 * Ms) << QStringLiteral("590 ms") << QStringLiteral("+590 ms");
        QTest::newRow("seconds") << qint64(1153 * Ms) << QStringLiteral("1.15 s") << QStringLiteral("+1.15 s");
        QTest::newRow("negative") << qint64(-35 * Ms) << minus + QStringLiteral("35 ms")
                                  << minus + QStringLiteral("35 ms");
        QTest::newRow("minutes") << qint64(125'300 * Ms) << QStringLiteral("2 m 5.3 s") << QStringLiteral("+2 m 5.3 s");
    }

    void formatDuration()
    {
        QFETCH(qint64, ns);
        QFETCH(QString, text);
        QFETCH(QString, signedText);
        QCOMPARE(formatDurationNs(ns), text);
        QCOMPARE(formatSignedDurationNs(ns), signedText);
    }

    void formatExactAndTimestamp()
    {
        QCOMPARE(formatExactNs(1153 * Ms), QStringLiteral("1,153,000,000 ns"));
        QCOMPARE(formatExactNs(-999), QStringLiteral("-999 ns"));
        QCOMPARE(formatTimestampNs(1'795'621'419'742'387'522, TimeDisplay::Utc),
            QStringLiteral("2026-11-25 15:43:39.742387 UTC"));
    }

    void spanDetailsShowsTheSpan()
    {
        SpanDetailsPane pane;
        QAbstractItemModelTester tester(pane.attributesModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto* tree = pane.findChild<QTreeView*>(QStringLiteral("spanAttributes"));
        QVERIFY(tree);
        QAbstractItemModelTester filterTester(tree->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        pane.setTimeDisplay(TimeDisplay::Utc);
        pane.resize(440, 720);
        pane.show();

        const qsizetype span = spanNamed(*m_fixture, QStringLiteral("POST /api/checkout"));
        QVERIFY(span >= 0);
        pane.setSpan(m_fixture, span);
        const auto text = [&pane](const char* name) {
            auto* label = pane.findChild<QLabel*>(QLatin1String(name));
            return label ? label->text() : QStringLiteral("<no %1>").arg(QLatin1String(name));
        };
        QCOMPARE(text("spanName"), QStringLiteral("POST /api/checkout"));
        QCOMPARE(text("spanService"), QStringLiteral("checkout"));
        QCOMPARE(text("spanKind"), QStringLiteral("server"));
        QCOMPARE(text("spanStatus"), QStringLiteral("Error: payment failed"));
        QCOMPARE(text("spanId"), QStringLiteral("00f067aa0ba90207"));
        QCOMPARE(text("parentId"), QStringLiteral("00f067aa0ba90205"));
        QCOMPARE(text("traceId"), QStringLiteral("4bf92f3577b34da6a3ce929d0e0e4736"));
        QCOMPARE(text("spanStart"), QStringLiteral("2026-11-25 15:43:39.837387 UTC (+95 ms into the trace)"));
        QCOMPARE(text("spanDuration"), QStringLiteral("770 ms"));
        // 770 ms minus its seven children (25 + 35 + 10 + 8 + 600 + 30 + 15 ms, none overlapping).
        QCOMPARE(text("spanSelfTime"), QStringLiteral("47 ms (6.1 % of the span)"));
        // Every gap between its children lies on the critical path, so all of its self time does.
        QCOMPARE(text("spanCriticalPath"), QStringLiteral("On the critical path: 47 ms of its 770 ms"));
        QVERIFY(pane.findChild<QLabel*>(QStringLiteral("spanCriticalPath"))->isVisible());
        QVERIFY(!pane.findChild<QLabel*>(QStringLiteral("spanSkew"))->isVisible());

        const QStringList rows = rowsOf(tree->model());
        const QStringList expected {
            QStringLiteral("Span attributes (4) | "),
            QStringLiteral("  http.method | POST"),
            QStringLiteral("  http.route | /api/checkout"),
            QStringLiteral("  http.status_code | 502"),
            QStringLiteral("  order.id | ord-1042"),
            QStringLiteral("Resource attributes (4) | "),
            QStringLiteral("  deployment.environment | dev"),
            QStringLiteral("  host.name | demo-host"),
            QStringLiteral("  service.name | checkout"),
            QStringLiteral("  service.version | 1.4.2"),
            QStringLiteral("Scope | "),
            QStringLiteral("  name | demo-instrumentation"),
            QStringLiteral("  version | 0.1.0"),
        };
        QCOMPARE(rows, expected);
        screenshot(&pane, QStringLiteral("spandetails-checkout"));

        const qsizetype session = spanNamed(*m_fixture, QStringLiteral("GET session (redis)"));
        pane.setSpan(m_fixture, session);
        QCOMPARE(text("spanName"), QStringLiteral("GET session (redis)"));
        QCOMPARE(text("spanStatus"), QStringLiteral("Unset"));
        QCOMPARE(m_fixture->criticalPath.contains(session),
            pane.findChild<QLabel*>(QStringLiteral("spanCriticalPath"))->isVisible());
    }

    void spanDetailsEventsFilterAndCopy()
    {
        SpanDetailsPane pane;
        QAbstractItemModelTester tester(pane.attributesModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto* tree = pane.findChild<QTreeView*>(QStringLiteral("spanAttributes"));
        QAbstractItemModelTester filterTester(tree->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        pane.resize(440, 720);
        pane.show();
        pane.setSpan(m_fixture, spanNamed(*m_fixture, QStringLiteral("HTTP POST checkout")));

        const QStringList rows = rowsOf(tree->model());
        const qsizetype events = rows.indexOf(QStringLiteral("Events (1) | "));
        QVERIFY2(events >= 0, qPrintable(rows.join(u'\n')));
        QCOMPARE(rows.mid(events + 1, 3),
            QStringList({ QStringLiteral("  +780 ms | exception"), QStringLiteral("    exception.type | TimeoutError"),
                QStringLiteral("    exception.message | 502 Bad Gateway") }));
        screenshot(&pane, QStringLiteral("spandetails-events"));

        // The filter keeps matching rows with their group; an event's attributes stay with a matching event.
        auto* filter = pane.findChild<QLineEdit*>(QStringLiteral("attributeFilter"));
        QVERIFY(filter);
        QTest::keyClicks(filter, QStringLiteral("URL"));
        QCOMPARE(rowsOf(tree->model()),
            QStringList({ QStringLiteral("Span attributes (3) | "),
                QStringLiteral("  http.url | http://checkout:8080/api/checkout") }));
        filter->clear();
        QTest::keyClicks(filter, QStringLiteral("exception"));
        QCOMPARE(rowsOf(tree->model()),
            QStringList({ QStringLiteral("Events (1) | "), QStringLiteral("  +780 ms | exception"),
                QStringLiteral("    exception.type | TimeoutError"),
                QStringLiteral("    exception.message | 502 Bad Gateway") }));
        QTest::keyClicks(filter, QStringLiteral("-nothing-matches"));
        QCOMPARE(tree->model()->rowCount(), 0);
        filter->clear();

        // Copy: the value, key=value, and the whole span as JSON with typed values.
        const QModelIndex group = tree->model()->index(0, 0);
        const QModelIndex method = tree->model()->index(0, 0, group);
        QCOMPARE(method.data().toString(), QStringLiteral("http.method"));
        tree->setCurrentIndex(method);
        auto* copyValue = tree->findChild<QAction*>(QStringLiteral("copyValue"));
        auto* copyKeyValue = tree->findChild<QAction*>(QStringLiteral("copyKeyValue"));
        auto* copyJson = tree->findChild<QAction*>(QStringLiteral("copyAllJson"));
        QVERIFY(copyValue && copyKeyValue && copyJson);
        QVERIFY(copyValue->isEnabled());
        QSignalSpy copied(&pane, &SpanDetailsPane::copied);
        copyValue->trigger();
        QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("POST"));
        copyKeyValue->trigger();
        QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("http.method=POST"));
        tree->setCurrentIndex(group);
        QVERIFY(!copyValue->isEnabled());
        copyKeyValue->trigger();
        QCOMPARE(QApplication::clipboard()->text(),
            QStringLiteral("http.method=POST\nhttp.status_code=502\nhttp.url=http://checkout:8080/api/checkout"));
        copyJson->trigger();
        const QJsonObject json = QJsonDocument::fromJson(QApplication::clipboard()->text().toUtf8()).object();
        QCOMPARE(json.value(QStringLiteral("spanId")).toString(), QStringLiteral("00f067aa0ba90205"));
        QCOMPARE(json.value(QStringLiteral("attributes")).toObject().value(QStringLiteral("http.status_code")),
            QJsonValue(502));
        QCOMPARE(json.value(QStringLiteral("resource")).toObject().value(QStringLiteral("service.name")),
            QJsonValue(QStringLiteral("frontend")));
        QCOMPARE(json.value(QStringLiteral("status")).toObject().value(QStringLiteral("message")).toString(),
            QStringLiteral("502 Bad Gateway"));
        const QJsonArray jsonEvents = json.value(QStringLiteral("events")).toArray();
        QCOMPARE(jsonEvents.size(), 1);
        QCOMPARE(jsonEvents.at(0)
                     .toObject()
                     .value(QStringLiteral("attributes"))
                     .toObject()
                     .value(QStringLiteral("exception.type")),
            QJsonValue(QStringLiteral("TimeoutError")));
        QCOMPARE(copied.count(), 4);

        auto* copySpanId = pane.findChild<QToolButton*>(QStringLiteral("copySpanId"));
        auto* copyTraceId = pane.findChild<QToolButton*>(QStringLiteral("copyTraceId"));
        auto* copyParentId = pane.findChild<QToolButton*>(QStringLiteral("copyParentId"));
        QVERIFY(copySpanId && copyTraceId && copyParentId);
        QTest::mouseClick(copySpanId, Qt::LeftButton);
        QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("00f067aa0ba90205"));
        QCOMPARE(copySpanId->text(), QStringLiteral("Copied"));
        QTest::mouseClick(copyParentId, Qt::LeftButton);
        QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("00f067aa0ba90201"));
        QTest::mouseClick(copyTraceId, Qt::LeftButton);
        QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("4bf92f3577b34da6a3ce929d0e0e4736"));
        QTRY_COMPARE_WITH_TIMEOUT(copySpanId->text(), QStringLiteral("Copy"), 3000);
    }

    void spanDetailsSkewLinksAndClear()
    {
        const TraceDocumentPtr skewed = skewedTrace();
        SpanDetailsPane pane;
        QAbstractItemModelTester tester(pane.attributesModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        pane.resize(440, 600);
        pane.show();
        pane.setSpan(skewed, 1);
        auto* skew = pane.findChild<QLabel*>(QStringLiteral("spanSkew"));
        QVERIFY(skew->isVisible());
        // Centred in the 100 ms parent: starts at 40 ms instead of 150 ms.
        QCOMPARE(skew->text(),
            QStringLiteral("Shifted by ") + QChar(0x2212)
                + QStringLiteral("110 ms to correct clock skew against its parent (Jaeger's rule)"));
        QCOMPARE(pane.findChild<QLabel*>(QStringLiteral("spanStart"))->text().section(u'(', 1),
            QStringLiteral("+40 ms into the trace)"));
        auto* tree = pane.findChild<QTreeView*>(QStringLiteral("spanAttributes"));
        const QStringList rows = rowsOf(tree->model());
        QVERIFY2(rows.contains(QStringLiteral("Links (1) | ")), qPrintable(rows.join(u'\n')));
        QVERIFY(rows.contains(QStringLiteral("  Link 1 | 00000000000000000000000000001234 / 0000000000000042")));
        QVERIFY(rows.contains(QStringLiteral("    trace state | vendor=1")));
        QVERIFY(rows.contains(QStringLiteral("    link.reason | batched")));
        QVERIFY(rows.contains(QStringLiteral("Span attributes (0) | ")));
        screenshot(&pane, QStringLiteral("spandetails-skew"));

        pane.setSpan(skewed, 0);
        QVERIFY(!skew->isVisible());
        QCOMPARE(pane.findChild<QLabel*>(QStringLiteral("parentId"))->text(), QStringLiteral("none (root span)"));
        QVERIFY(!pane.findChild<QToolButton*>(QStringLiteral("copyParentId"))->isEnabled());
        QVERIFY(rowsOf(tree->model()).contains(QStringLiteral("  cache.hit | false")));
        QVERIFY(rowsOf(tree->model()).contains(QStringLiteral("  load | 0.25")));

        pane.setSpan(skewed, -1);
        QCOMPARE(pane.span(), -1);
        QCOMPARE(pane.attributesModel()->rowCount(), 0);
        QVERIFY(pane.findChild<QLabel*>(QStringLiteral("spanDetailsEmpty"))->isVisible());
        screenshot(&pane, QStringLiteral("spandetails-empty"));
    }

    void statisticsExactForPayment()
    {
        TraceStatisticsView view;
        QAbstractItemModelTester tester(view.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto* tree = view.findChild<QTreeView*>(QStringLiteral("traceStatistics"));
        QVERIFY(tree);
        QAbstractItemModelTester proxyTester(tree->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        view.resize(1100, 560);
        view.show();
        QSignalSpy ready(&view, &TraceStatisticsView::statisticsReady);
        view.setDocument(m_fixture);
        QVERIFY(view.isComputing());
        QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 5000);
        QVERIFY(!view.isComputing());

        // Sorted by total, largest first: frontend 1790 ms, checkout 1493 ms, payment 1153 ms.
        const QAbstractItemModel* model = tree->model();
        QCOMPARE(model->rowCount(), 3);
        QStringList services;
        for (int row = 0; row < 3; ++row)
            services << model->index(row, 0).data().toString();
        QCOMPARE(services, QStringList({ u"frontend"_s, u"checkout"_s, u"payment"_s }));

        const QModelIndex payment = model->index(2, 0);
        QStringList cells;
        for (int column = 0; column < TraceStatisticsModel::ColumnCount; ++column)
            cells << payment.siblingAtColumn(column).data().toString();
        // 6 spans: POST /charge 590 ms (self 27 ms), fraud check 45, load card token 20, call card gateway 250,
        // retry 240, record failure 8 ms; three of them errors. Self time 590 ms of the 900 ms trace.
        QCOMPARE(cells,
            QStringList({ u"payment"_s, u"6"_s, u"1.15 s"_s, u"192 ms"_s, u"8 ms"_s, u"590 ms"_s, u"590 ms"_s,
                u"590 ms"_s, u"65.6 %"_s, u"3"_s }));
        QCOMPARE(payment.siblingAtColumn(TraceStatisticsModel::AverageColumn).data(TraceStatisticsModel::SortRole),
            QVariant(qlonglong(1153 * Ms / 6)));
        QCOMPARE(payment.siblingAtColumn(TraceStatisticsModel::TotalColumn).data(Qt::ToolTipRole).toString(),
            QStringLiteral("1,153,000,000 ns"));
        QCOMPARE(model->rowCount(payment), 6);
        QCOMPARE(model->index(0, 0, payment).data().toString(), QStringLiteral("POST /charge"));
        QCOMPARE(
            model->index(0, TraceStatisticsModel::SelfTotalColumn, payment).data().toString(), QStringLiteral("27 ms"));
        QCOMPARE(view.findChild<QLabel*>(QStringLiteral("statisticsSummary"))->text(),
            QStringLiteral("Spans: 20 · Services: 3 · Errors: 7 · 900 ms end to end"));
        screenshot(&view, QStringLiteral("statistics"));

        // Numeric sorting: by count ascending puts payment (6) before checkout (8), not "6" after "10".
        tree->sortByColumn(TraceStatisticsModel::CountColumn, Qt::AscendingOrder);
        QCOMPARE(model->index(2, 0).data().toString(), QStringLiteral("checkout"));
        tree->sortByColumn(TraceStatisticsModel::ErrorsColumn, Qt::DescendingOrder);
        QCOMPARE(model->index(0, 0).data().toString(), QStringLiteral("payment"));

        auto* filter = view.findChild<QLineEdit*>(QStringLiteral("statisticsFilter"));
        QTest::keyClicks(filter, QStringLiteral("gateway"));
        QCOMPARE(model->rowCount(), 1);
        QCOMPARE(model->rowCount(model->index(0, 0)), 2);
    }

    void statisticsDropsStaleResults()
    {
        TraceStatisticsView view;
        QAbstractItemModelTester tester(view.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy ready(&view, &TraceStatisticsView::statisticsReady);
        const TraceDocumentPtr skewed = skewedTrace();
        view.setDocument(m_fixture);
        view.setDocument(skewed);
        QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 5000);
        // Let the first computation finish too: its result must not replace the newer one.
        QTest::qWait(50);
        QCOMPARE(ready.count(), 1);
        QCOMPARE(view.model()->rowCount(), 2);
        view.setDocument(nullptr);
        QCOMPARE(view.model()->rowCount(), 0);
        QVERIFY(!view.isComputing());
    }

    void diffWithItselfIsAllBoth()
    {
        TraceDiffView view;
        QAbstractItemModelTester tester(view.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto* tree = view.findChild<QTreeView*>(QStringLiteral("traceDiff"));
        QVERIFY(tree);
        QAbstractItemModelTester proxyTester(tree->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        view.resize(1000, 520);
        view.show();
        QSignalSpy ready(&view, &TraceDiffView::diffReady);
        view.setTraces(m_fixture, loadFixture());
        QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 5000);

        const QStringList rows = rowsOf(tree->model());
        QCOMPARE(rows.size(), 20);
        QCOMPARE(rows.first(), QStringLiteral("frontend: GET /checkout | both | 1 | 1 | 900 ms | 900 ms | 0 ns"));
        for (const QString& row : rows)
            QVERIFY2(row.contains(QStringLiteral(" | both | 1 | 1 | ")) && row.endsWith(QStringLiteral(" | 0 ns")),
                qPrintable(row));
        QCOMPARE(view.findChild<QLabel*>(QStringLiteral("diffSummary"))->text(),
            QStringLiteral("0 only in A · 0 only in B · 20 in both, 0 of them changed by 10 % or more"));
        auto* changedOnly = view.findChild<QCheckBox*>(QStringLiteral("diffChangedOnly"));
        changedOnly->setChecked(true);
        QCOMPARE(tree->model()->rowCount(), 0);
    }

    void diffWithModifiedCopy()
    {
        const TraceDocumentPtr modified = modifiedFixture();
        QVERIFY(modified);
        TraceDiffView view;
        QAbstractItemModelTester tester(view.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto* tree = view.findChild<QTreeView*>(QStringLiteral("traceDiff"));
        QAbstractItemModelTester proxyTester(tree->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        view.resize(1000, 560);
        view.show();
        QSignalSpy ready(&view, &TraceDiffView::diffReady);
        view.setTraces(m_fixture, modified);
        QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 5000);

        const QStringList rows = rowsOf(tree->model());
        QCOMPARE(rows.size(), 21);
        const QString plus = QStringLiteral("+250 ms (+100.0 %)");
        QVERIFY2(rows.contains(
                     QStringLiteral("          payment: call card gateway | both | 1 | 1 | 250 ms | 500 ms | ") + plus),
            qPrintable(rows.join(u'\n')));
        QVERIFY(rows.contains(QStringLiteral("          payment: record failure | only A | 1 | 0 | 8 ms |  | ")));
        QVERIFY(rows.contains(QStringLiteral("          payment: record failure v2 | only B | 0 | 1 |  | 8 ms | ")));
        QCOMPARE(view.findChild<QLabel*>(QStringLiteral("diffSummary"))->text(),
            QStringLiteral("1 only in A · 1 only in B · 19 in both, 1 of them changed by 10 % or more"));

        // Tones for the delegate: slower in red, only-A red, only-B green.
        const QModelIndexList gateway = view.model()->match(view.model()->index(0, 0), Qt::DisplayRole,
            QStringLiteral("payment: call card gateway"), 1, Qt::MatchExactly | Qt::MatchRecursive);
        QCOMPARE(gateway.size(), 1);
        QCOMPARE(gateway.first().siblingAtColumn(TraceDiffModel::ChangeColumn).data(TraceDiffModel::ToneRole).toInt(),
            int(CellTone::Slower));
        QCOMPARE(gateway.first().siblingAtColumn(TraceDiffModel::ChangeColumn).data(TraceDiffModel::ChangeNsRole),
            QVariant(qlonglong(250 * Ms)));
        screenshot(&view, QStringLiteral("diff"));

        // Changed only: the three changed paths and the five spans leading to them.
        auto* changedOnly = view.findChild<QCheckBox*>(QStringLiteral("diffChangedOnly"));
        QTest::mouseClick(changedOnly, Qt::LeftButton);
        QVERIFY(changedOnly->isChecked());
        const QStringList changed = rowsOf(tree->model());
        QCOMPARE(changed.size(), 8);
        QCOMPARE(changed.first(), QStringLiteral("frontend: GET /checkout | both | 1 | 1 | 900 ms | 900 ms | 0 ns"));
        screenshot(&view, QStringLiteral("diff-changed-only"));

        // B faster than A: the change is negative and green.
        view.setTraces(modified, m_fixture);
        QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 2, 5000);
        const QModelIndexList faster = view.model()->match(view.model()->index(0, 0), Qt::DisplayRole,
            QStringLiteral("payment: call card gateway"), 1, Qt::MatchExactly | Qt::MatchRecursive);
        QCOMPARE(faster.size(), 1);
        QCOMPARE(faster.first().siblingAtColumn(TraceDiffModel::ChangeColumn).data().toString(),
            QChar(0x2212) + QStringLiteral("250 ms (") + QChar(0x2212) + QStringLiteral("50.0 %)"));
        QCOMPARE(faster.first().siblingAtColumn(TraceDiffModel::ChangeColumn).data(TraceDiffModel::ToneRole).toInt(),
            int(CellTone::Faster));
    }

    void diffEmptyStatesAndCompareButton()
    {
        TraceDiffView view;
        view.resize(900, 480);
        view.show();
        QSignalSpy compare(&view, &TraceDiffView::compareRequested);
        auto* title = view.findChild<QLabel*>(QStringLiteral("emptyStateTitle"));
        QVERIFY(title);
        QCOMPARE(title->text(), QStringLiteral("No trace open"));
        view.setTraces(m_fixture, nullptr);
        QCOMPARE(title->text(), QStringLiteral("Compare with another trace"));
        QVERIFY(title->isVisible());
        screenshot(&view, QStringLiteral("diff-empty"));
        auto* action = view.findChild<QPushButton*>(QStringLiteral("emptyStateAction"));
        QVERIFY(action && action->isVisible());
        QTest::mouseClick(action, Qt::LeftButton);
        QCOMPARE(compare.count(), 1);

        QSignalSpy ready(&view, &TraceDiffView::diffReady);
        view.setTraces(m_fixture, m_fixture);
        QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 5000);
        auto* button = view.findChild<QPushButton*>(QStringLiteral("compareWith"));
        QVERIFY(button->isVisible());
        QTest::mouseClick(button, Qt::LeftButton);
        QCOMPARE(compare.count(), 2);
    }

    void largeTraceStatisticsAndDiff()
    {
        // 100,000 generated spans: the work runs on the pool, the GUI thread only swaps models in.
        tools::TraceShape shape;
        shape.spans = 100'000;
        const TraceDocumentResult loaded = loadTraceDocument(tools::generateTraceProtobuf(shape), u"generated"_s);
        QVERIFY(loaded.ok());
        const TraceDocumentPtr document = loaded.document;

        {
            // Closed while computing: the result must go nowhere (and nothing may crash).
            TraceStatisticsView closed;
            closed.setDocument(document);
            TraceDiffView closedDiff;
            closedDiff.setTraces(document, document);
        }
        TraceStatisticsView statistics;
        statistics.resize(1100, 560);
        statistics.show();
        QSignalSpy statisticsReady(&statistics, &TraceStatisticsView::statisticsReady);
        QElapsedTimer clock;
        clock.start();
        statistics.setDocument(document);
        const qint64 setMs = clock.elapsed();
        QTRY_COMPARE_WITH_TIMEOUT(statisticsReady.count(), 1, 30000);
        const qint64 readyMs = clock.elapsed();
        qsizetype spans = 0;
        qsizetype errors = 0;
        for (const SpanGroupStatistics& service : statistics.model()->services()) {
            spans += service.count;
            errors += service.errors;
        }
        QCOMPARE(spans, document->trace.spanCount());
        QCOMPARE(errors, document->trace.errorCount());
        QCOMPARE(statistics.model()->rowCount(), 30);
        clock.restart();
        statistics.grab(); // one paint of the expanded tree
        const qint64 paintMs = clock.elapsed();

        TraceDiffView diff;
        diff.resize(1100, 560);
        diff.show();
        QSignalSpy diffReady(&diff, &TraceDiffView::diffReady);
        clock.restart();
        diff.setTraces(document, document);
        QTRY_COMPARE_WITH_TIMEOUT(diffReady.count(), 1, 30000);
        const qint64 diffMs = clock.elapsed();
        QCOMPARE(diff.model()->diff().onlyA + diff.model()->diff().onlyB, 0);
        QCOMPARE(diff.model()->diff().both, qsizetype(diff.model()->diff().rows.size()));
        clock.restart();
        diff.grab();
        const qint64 diffPaintMs = clock.elapsed();
        qInfo("100k spans: statistics set %lld ms, ready %lld ms, paint %lld ms; diff (%zu paths) ready %lld ms, "
              "paint %lld ms",
            setMs, readyMs, paintMs, diff.model()->diff().rows.size(), diffMs, diffPaintMs);
    }

    void traceQLCompletionContext_data()
    {
        QTest::addColumn<QString>("text"); // '|' marks the cursor
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("tag");
        QTest::addColumn<QString>("prefix");
        QTest::addColumn<int>("replaceFrom");
        const int none = int(tempo::TraceQLCompletion::Kind::None);
        const int tag = int(tempo::TraceQLCompletion::Kind::Tag);
        const int value = int(tempo::TraceQLCompletion::Kind::Value);
        QTest::newRow("empty_query") << u"|"_s << none << QString() << QString() << 0;
        QTest::newRow("after_open_brace") << u"{ |"_s << tag << QString() << QString() << 2;
        QTest::newRow("typing_a_tag") << u"{ resource.serv|"_s << tag << QString() << u"resource.serv"_s << 2;
        QTest::newRow("after_and") << u"{ a = 1 && sta|"_s << tag << QString() << u"sta"_s << 11;
        QTest::newRow("value_after_operator") << u"{ status = |"_s << value << u"status"_s << QString() << 11;
        QTest::newRow("unquoted_value_typed") << u"{ status=err|"_s << value << u"status"_s << u"err"_s << 9;
        QTest::newRow("quoted_value_typed")
            << u"{ resource.service.name = \"chec|"_s << value << u"resource.service.name"_s << u"chec"_s << 26;
        QTest::newRow("regex_operator") << u"{ span.http.url =~ \"|"_s << value << u"span.http.url"_s << QString()
                                        << 19;
        QTest::newRow("inside_a_string_without_operator") << u"{ \"abc|"_s << none << QString() << u"abc"_s << 2;
        QTest::newRow("a_number_is_no_tag") << u"{ duration > 10|"_s << value << u"duration"_s << u"10"_s << 13;
    }

    void traceQLCompletionContext()
    {
        QFETCH(QString, text);
        QFETCH(int, kind);
        QFETCH(QString, tag);
        QFETCH(QString, prefix);
        QFETCH(int, replaceFrom);
        const qsizetype cursor = text.indexOf(u'|');
        text.remove(cursor, 1);
        const tempo::TraceQLCompletion completion = tempo::traceQLCompletionAt(text, cursor);
        QCOMPARE(int(completion.kind), kind);
        QCOMPARE(completion.tag, tag);
        QCOMPARE(completion.prefix, prefix);
        QCOMPARE(int(completion.replaceFrom), replaceFrom);
    }

    void traceQLNamesAndLiterals()
    {
        const std::vector<tempo::TagScope> scopes { { u"intrinsic"_s, { u"duration"_s, u"status"_s } },
            { u"resource"_s, { u"service.name"_s } }, { QString(), { u"http.method"_s } } };
        QCOMPARE(tempo::traceQLTagNames(scopes),
            QStringList({ u"duration"_s, u"status"_s, u"resource.service.name"_s, u".http.method"_s }));
        QCOMPARE(tempo::traceQLLiteral({ u"string"_s, u"say \"hi\""_s }), u"\"say \\\"hi\\\"\""_s);
        QCOMPARE(tempo::traceQLLiteral({ u"int"_s, u"502"_s }), u"502"_s);
        QCOMPARE(tempo::traceQLLiteral({ u"status"_s, u"error"_s }), u"error"_s);
    }

    void searchResultsModelMergesDeliveries()
    {
        tempo::SearchResultsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setTimeDisplay(TimeDisplay::Utc);
        tempo::SearchResult first;
        first.traces.push_back({ u"abc"_s, u"api"_s, u"GET /"_s, 1'795'621'419'742'387'522, 0, {} });
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.addResults(first);
        QCOMPARE(model.rowCount(), 1);
        const QModelIndex id = model.index(0, tempo::SearchResultsModel::TraceIdColumn);
        QCOMPARE(id.data().toString(), u"00000000000000000000000000000abc"_s);
        QCOMPARE(model.index(0, tempo::SearchResultsModel::DurationColumn).data().toString(), u"< 1 ms"_s);
        QCOMPARE(model.index(0, tempo::SearchResultsModel::StartColumn).data().toString(),
            u"2026-11-25 15:43:39.742387 UTC"_s);

        // The next delivery repeats the trace (now with a duration) and adds two: one insertion.
        tempo::SearchResult second = first;
        second.traces[0].traceId = u"0abc"_s;
        second.traces[0].durationMs = 1500;
        second.traces[0].spanSets.push_back({ {}, 4 });
        second.traces.push_back({ u"def"_s, u"api"_s, u"POST /"_s, 1'795'621'420'000'000'000, 12, {} });
        second.traces.push_back({ u"123"_s, QString(), QString(), 1'795'621'421'000'000'000, 3, {} });
        model.addResults(second);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(inserted.count(), 2);
        QCOMPARE(model.index(0, tempo::SearchResultsModel::DurationColumn).data().toString(), u"1.5 s"_s);
        QCOMPARE(model.index(0, tempo::SearchResultsModel::MatchedColumn).data().toString(), u"4"_s);
        QCOMPARE(model.index(2, tempo::SearchResultsModel::RootServiceColumn).data().toString(),
            u"<root span not yet received>"_s);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void searchStreamsResultsAndOpensATrace()
    {
        SearchSetup setup;
        QVERIFY(setup.start());
        setup.tempo.setStreamProgress(3, 100);
        TraceSearchPanel& panel = *setup.panel;
        QAbstractItemModelTester tester(panel.resultsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto* table = panel.findChild<QTableView*>(u"searchResults"_s);
        QVERIFY(table);
        QAbstractItemModelTester sortedTester(table->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto* status = panel.findChild<QLabel*>(u"searchStatus"_s);

        QSignalSpy finished(&panel, &TraceSearchPanel::searchFinished);
        QSignalSpy rowsInserted(panel.resultsModel(), &QAbstractItemModel::rowsInserted);
        panel.setQuery(u"{ resource.service.name = \"batch\" }"_s);
        panel.findChild<QSpinBox*>(u"searchLimit"_s)->setValue(50);
        QTest::mouseClick(panel.findChild<QPushButton*>(u"searchButton"_s), Qt::LeftButton);
        QVERIFY(panel.isSearching());
        QVERIFY(panel.findChild<QPushButton*>(u"cancelSearch"_s)->isVisible());
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, Wait);
        QVERIFY2(finished.first().first().toBool(), qPrintable(status->text()));
        // Three messages, each with more traces: the table grew while the stream ran.
        QVERIFY2(rowsInserted.count() >= 2, qPrintable(QString::number(rowsInserted.count())));
        QCOMPARE(table->model()->rowCount(), 12);
        QVERIFY2(status->text().startsWith(u"Traces found: 12 in "_s), qPrintable(status->text()));
        QVERIFY(!panel.isSearching());

        // Newest first; the request carried the time range and the form's limit.
        const QAbstractItemModel* rows = table->model();
        QCOMPARE(rows->index(0, tempo::SearchResultsModel::TraceIdColumn).data().toString(),
            u"0000000000000000000000000000000c"_s);
        QCOMPARE(rows->index(0, tempo::SearchResultsModel::RootServiceColumn).data().toString(), u"batch"_s);
        QCOMPARE(rows->index(0, tempo::SearchResultsModel::RootNameColumn).data().toString(), u"batch job 12"_s);
        QCOMPARE(rows->index(0, tempo::SearchResultsModel::DurationColumn).data().toString(), u"120 ms"_s);
        QCOMPARE(rows->index(0, tempo::SearchResultsModel::MatchedColumn).data().toString(), u"1"_s);
        QCOMPARE(rows->index(0, tempo::SearchResultsModel::StartColumn).data().toString(),
            u"2026-11-25 15:43:51.742387 UTC"_s);
        // Sorting by duration is numeric: 10 ms before 100 ms before 120 ms.
        table->sortByColumn(tempo::SearchResultsModel::DurationColumn, Qt::AscendingOrder);
        QCOMPARE(rows->index(0, tempo::SearchResultsModel::DurationColumn).data().toString(), u"10 ms"_s);
        QCOMPARE(rows->index(11, tempo::SearchResultsModel::DurationColumn).data().toString(), u"120 ms"_s);
        screenshot(&panel, u"search-results"_s);

        QSignalSpy open(&panel, &TraceSearchPanel::openTraceRequested);
        const QRect cell = table->visualRect(rows->index(0, tempo::SearchResultsModel::RootNameColumn));
        // QTest's double click on a widget is the second click only: the first one comes before it.
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
        QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, cell.center());
        QTRY_COMPARE_WITH_TIMEOUT(open.count(), 1, Wait);
        QCOMPARE(open.first().first().toString(), u"00000000000000000000000000000001"_s);

        // A new time range repeats the search.
        setup.timeRange.setAbsolute({ FixtureStartMs + 5'500, FixtureStartMs + 60'000 });
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, Wait);
        QCOMPARE(table->model()->rowCount(), 7);
    }

    void searchShowsTempoErrors()
    {
        SearchSetup setup;
        QVERIFY(setup.start());
        TraceSearchPanel& panel = *setup.panel;
        auto* status = panel.findChild<QLabel*>(u"searchStatus"_s);
        QSignalSpy finished(&panel, &TraceSearchPanel::searchFinished);
        panel.setQuery(u"{ .foo = }"_s);
        QTest::keyClick(panel.findChild<QLineEdit*>(u"traceqlQuery"_s), Qt::Key_Return, Qt::ControlModifier);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, Wait);
        QCOMPARE(finished.first().first().toBool(), false);
        QVERIFY(status->property("error").toBool());
        QVERIFY2(status->text().contains(u"refused the query"_s) && status->text().contains(u"syntax error"_s),
            qPrintable(status->text()));
        screenshot(&panel, u"search-error"_s);
    }

    void newSearchCancelsTheRunningOne()
    {
        SearchSetup setup;
        QVERIFY(setup.start());
        setup.tempo.setStreamProgress(20, 200); // four seconds
        TraceSearchPanel& panel = *setup.panel;
        QSignalSpy finished(&panel, &TraceSearchPanel::searchFinished);
        panel.setQuery(u"{ resource.service.name = \"batch\" }"_s);
        panel.search();
        QTRY_VERIFY_WITH_TIMEOUT(panel.resultsModel()->rowCount() > 0, Wait);
        setup.tempo.setStreamProgress(1, 0);
        panel.setQuery(u"{ resource.service.name = \"payment\" }"_s);
        panel.search();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, Wait);
        QVERIFY(finished.first().first().toBool());
        // Only the second search's trace, and the first one's late answers never show up.
        QCOMPARE(panel.resultsModel()->rowCount(), 1);
        QCOMPARE(panel.resultsModel()->index(0, tempo::SearchResultsModel::TraceIdColumn).data().toString(),
            u"4bf92f3577b34da6a3ce929d0e0e4736"_s);
        QCOMPARE(panel.resultsModel()->index(0, tempo::SearchResultsModel::MatchedColumn).data().toString(), u"6"_s);
        QTest::qWait(300);
        QCOMPARE(panel.resultsModel()->rowCount(), 1);
        QCOMPARE(finished.count(), 1);

        // The Cancel button stops a search and keeps what it found.
        setup.tempo.setStreamProgress(20, 200);
        panel.setQuery(u"{ resource.service.name = \"batch\" }"_s);
        panel.search();
        QTRY_VERIFY_WITH_TIMEOUT(panel.resultsModel()->rowCount() > 0, Wait);
        auto* cancel = panel.findChild<QPushButton*>(u"cancelSearch"_s);
        QVERIFY(cancel->isVisible());
        QTest::mouseClick(cancel, Qt::LeftButton);
        QVERIFY(!panel.isSearching());
        QVERIFY(!cancel->isVisible());
        QCOMPARE(finished.count(), 2);
        QVERIFY(!finished.last().first().toBool());
        const int kept = panel.resultsModel()->rowCount();
        QVERIFY(kept > 0 && kept < 12);
        QVERIFY2(panel.findChild<QLabel*>(u"searchStatus"_s)->text().startsWith(u"Search cancelled"_s),
            qPrintable(panel.findChild<QLabel*>(u"searchStatus"_s)->text()));
        QTest::qWait(300);
        QCOMPARE(panel.resultsModel()->rowCount(), kept);
    }

    void queryCompletesTagsAndValues()
    {
        SearchSetup setup;
        QVERIFY(setup.start());
        TraceSearchPanel& panel = *setup.panel;
        auto* query = panel.findChild<QLineEdit*>(u"traceqlQuery"_s);
        auto* completer = panel.findChild<QCompleter*>();
        QVERIFY(query && completer);
        query->setFocus();
        QTRY_VERIFY_WITH_TIMEOUT(query->hasFocus(), Wait);

        QTest::keyClicks(query, u"{ resource.serv"_s);
        QTRY_VERIFY_WITH_TIMEOUT(completer->popup()->isVisible(), Wait);
        QCOMPARE(completer->currentCompletion(), u"resource.service.name"_s);
        screenshotWithPopup(&panel, completer->popup(), u"search-completion"_s);
        QTest::keyClick(completer->popup(), Qt::Key_Return);
        QCOMPARE(query->text(), u"{ resource.service.name"_s);
        QVERIFY(!panel.isSearching()); // the Enter that picked the completion did not search

        QTest::keyClicks(query, u" = \"pay"_s);
        QTRY_VERIFY_WITH_TIMEOUT(completer->popup()->isVisible(), Wait);
        QCOMPARE(completer->currentCompletion(), u"\"payment\""_s);
        screenshotWithPopup(&panel, completer->popup(), u"search-completion-values"_s);
        QTest::keyClick(completer->popup(), Qt::Key_Return);
        QCOMPARE(query->text(), u"{ resource.service.name = \"payment\""_s);
        QVERIFY(setup.tempo.http().count(u"/api/v2/search/tag/resource.service.name/values"_s) == 1);
    }

private:
    TraceDocumentPtr m_fixture;
};

QTEST_MAIN(TestTracePanes)
#include "tst_tracepanes.moc"
