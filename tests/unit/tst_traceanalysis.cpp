// Waterfall order, orphans, clock skew, critical path, statistics and diff on small traces with known answers.

#include "analysis/criticalpath.h"
#include "analysis/tracediff.h"
#include "analysis/tracestatistics.h"
#include "analysis/tracetree.h"
#include "analysis/waterfallrows.h"
#include "testutils.h"

#include <QObject>
#include <QtConcurrent/QtConcurrentRun>
#include <QTest>

#include <map>

using namespace firebreak;
using namespace firebreak::analysis;

namespace {

struct SpanSpec
{
    SpanId id = 0;
    SpanId parent = 0;
    const char* service = "";
    const char* name = "";
    std::int64_t start = 0;
    std::int64_t end = 0;
    bool error = false;
};

/// One resource (process) per service, spans in the order given; `attributes` go on every span whose
/// name is the key of the map.
Trace makeTrace(std::initializer_list<SpanSpec> spans,
    const std::map<std::string, std::pair<const char*, std::int64_t>>& attributes = {})
{
    TraceBuilder builder;
    std::map<std::string, std::uint32_t> resources;
    const TraceId traceId = *TraceId::fromHex(u"4bf92f3577b34da6a3ce929d0e0e4736");
    for (const SpanSpec& spec : spans) {
        auto it = resources.find(spec.service);
        if (it == resources.end()) {
            const std::uint32_t mark = builder.mark();
            builder.addAttribute(Attribute::ofString(builder.intern("service.name"), builder.intern(spec.service)));
            it = resources.emplace(spec.service, builder.addResource(mark)).first;
        }
        TraceBuilder::SpanFields fields;
        fields.traceId = traceId;
        fields.spanId = spec.id;
        fields.parentSpanId = spec.parent;
        fields.startNs = spec.start;
        fields.endNs = spec.end;
        fields.name = builder.intern(spec.name);
        fields.statusCode = spec.error ? StatusCode::Error : StatusCode::Unset;
        const std::uint32_t mark = builder.mark();
        if (const auto attribute = attributes.find(spec.name); attribute != attributes.end())
            builder.addAttribute(Attribute::ofInt(builder.intern(attribute->second.first), attribute->second.second));
        builder.addSpan(fields, it->second, 0, { mark, builder.mark() });
    }
    return builder.finish();
}

/// The waterfall as text: one "depth:id" per row, "-" for a placeholder, "(id)" for a context row.
QString shape(const WaterfallRows& rows)
{
    QStringList lines;
    const Trace& trace = rows.document()->trace;
    for (const WaterfallRow& row : rows.rows()) {
        const QString id = row.isPlaceholder() ? QStringLiteral("-") : QString::number(trace.spanIds[row.span]);
        lines << QStringLiteral("%1:%2").arg(row.depth).arg(row.context ? u'(' + id + u')' : id);
    }
    return lines.join(u' ');
}

std::vector<SpanId> idsOf(const Trace& trace, const std::vector<std::int32_t>& spans)
{
    std::vector<SpanId> ids;
    for (const std::int32_t span : spans)
        ids.push_back(trace.spanIds[span]);
    return ids;
}

qsizetype at(const Trace& trace, SpanId id)
{
    return trace.indexOf(id);
}

} // namespace

class TestTraceAnalysis : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ordersChildrenByStartDepthFirst()
    {
        const Trace trace = makeTrace({
            { 1, 0, "frontend", "GET /", 0, 100 },
            { 2, 1, "frontend", "late", 50, 60 },
            { 3, 1, "frontend", "early", 5, 30 },
            { 4, 3, "frontend", "inner", 6, 7 },
        });
        const TraceTree tree = TraceTree::build(trace);
        QCOMPARE(idsOf(trace, tree.preorder), (std::vector<SpanId> { 1, 3, 4, 2 }));
        QCOMPARE(tree.depth[at(trace, 4)], 2);
        QCOMPARE(tree.maxDepth, 2);
        QCOMPARE(idsOf(trace, tree.roots), (std::vector<SpanId> { 1 }));
        QVERIFY(tree.missingParents.empty());
        QCOMPARE(tree.adjustedSpans, 0);
    }

    void groupsOrphansUnderTheirMissingParent()
    {
        const Trace trace = makeTrace({
            { 1, 0, "frontend", "GET /", 0, 100 },
            { 7, 99, "payment", "charge", 40, 45 },
            { 8, 99, "payment", "refund", 20, 25 },
            { 9, 98, "payment", "audit", 10, 11 },
            { 10, 8, "payment", "db", 21, 22 },
        });
        const TraceTree tree = TraceTree::build(trace);
        QCOMPARE(tree.missingParents.size(), std::size_t(2));
        QCOMPARE(tree.missingParents[0].parentSpanId, SpanId(98)); // it starts first
        QCOMPARE(idsOf(trace, tree.missingParents[1].orphans), (std::vector<SpanId> { 8, 7 }));
        QCOMPARE(idsOf(trace, tree.preorder), (std::vector<SpanId> { 1, 9, 8, 10, 7 }));
        QCOMPARE(tree.depth[at(trace, 10)], 1);
    }

    void adjustsClockSkewLikeJaeger()
    {
        const Trace trace = makeTrace({
            { 1, 0, "frontend", "GET /", 0, 100 },
            // Another process starting 10 ns before its caller: centred, (100 - 50) / 2 = 25 after the start.
            { 2, 1, "checkout", "POST /cart", -10, 40 },
            // Same process as its parent: inherits the shift.
            { 3, 2, "checkout", "db", 0, 10 },
            // Fits: untouched.
            { 4, 1, "payment", "charge", 60, 90 },
            // Longer than its parent: cannot be placed, left as measured.
            { 5, 4, "ledger", "write", 50, 200 },
        });
        const TraceTree tree = TraceTree::build(trace);
        QCOMPARE(tree.skewNs[at(trace, 2)], std::int64_t(35));
        QCOMPARE(tree.startNs(trace, at(trace, 2)), std::int64_t(25));
        QCOMPARE(tree.endNs(trace, at(trace, 2)), std::int64_t(75));
        QCOMPARE(tree.skewNs[at(trace, 3)], std::int64_t(35));
        QCOMPARE(tree.skewNs[at(trace, 4)], std::int64_t(0));
        QCOMPARE(tree.skewNs[at(trace, 5)], std::int64_t(0));
        QCOMPARE(tree.adjustedSpans, 2);
        QCOMPARE(clockSkewNs(0, 100, 90, 120), std::int64_t(-55)); // ends after the parent: moved back
    }

    void criticalPathWalksBackFromTheEnd()
    {
        const Trace trace = makeTrace({
            { 1, 0, "frontend", "GET /", 0, 100 },
            { 2, 1, "frontend", "auth", 10, 40 },
            { 3, 1, "checkout", "cart", 30, 90 },
            { 4, 3, "checkout", "db", 40, 60 },
        });
        const TraceTree tree = TraceTree::build(trace);
        const CriticalPath path = CriticalPath::compute(trace, tree);
        // From 100 back: the root waits on "cart" (ends 90), which waits on "db"; before "db" began, "cart" ran on
        // its own since 30; "auth" ended at 40, after "cart" began, so the root's own time is [0, 30].
        QCOMPARE(idsOf(trace, path.spans), (std::vector<SpanId> { 1, 3, 4 }));
        QCOMPARE(path.timeOnPathNs, (std::vector<std::int64_t> { 30 + 10, 10 + 30, 20 }));
        QCOMPARE(path.sections.size(), std::size_t(5));
        QCOMPARE(path.sections.front().startNs, std::int64_t(0));
        QCOMPARE(path.sections.back().endNs, std::int64_t(100));
        QVERIFY(!path.contains(at(trace, 2)));
        std::int64_t covered = 0;
        for (const CriticalPathSection& section : path.sections)
            covered += section.endNs - section.startNs;
        QCOMPARE(covered, std::int64_t(100));
    }

    void criticalPathClipsAndDropsChildren()
    {
        const Trace trace = makeTrace({
            { 1, 0, "frontend", "GET /", 0, 100 },
            // A fire-and-forget child wholly after its parent ended does not extend the path.
            { 2, 1, "frontend", "async", 150, 300 },
            // A child overrunning its parent is clipped to the parent's end.
            { 3, 1, "frontend", "overrun", 50, 120 },
        });
        const TraceTree tree = TraceTree::build(trace);
        const CriticalPath path = CriticalPath::compute(trace, tree);
        QCOMPARE(idsOf(trace, path.spans), (std::vector<SpanId> { 1, 3 }));
        QCOMPARE(path.timeOnPathNs, (std::vector<std::int64_t> { 50, 50 }));
    }

    void criticalPathOfAnEmptyTraceIsEmpty()
    {
        const Trace trace = makeTrace({});
        const TraceTree tree = TraceTree::build(trace);
        QVERIFY(CriticalPath::compute(trace, tree).spans.empty());
    }

    void deepChainsDoNotOverflowTheStack()
    {
        TraceBuilder builder;
        const std::uint32_t mark = builder.mark();
        builder.addAttribute(Attribute::ofString(builder.intern("service.name"), builder.intern("deep")));
        const std::uint32_t resource = builder.addResource(mark);
        constexpr int Depth = 200000;
        for (int i = 0; i < Depth; ++i) {
            TraceBuilder::SpanFields fields;
            fields.spanId = static_cast<SpanId>(i + 1);
            fields.parentSpanId = static_cast<SpanId>(i);
            fields.startNs = i;
            fields.endNs = 2 * Depth - i;
            fields.name = builder.intern("recurse");
            builder.addSpan(fields, resource, 0, { builder.mark(), builder.mark() });
        }
        const Trace trace = builder.finish();
        const TraceTree tree = TraceTree::build(trace);
        QCOMPARE(tree.maxDepth, Depth - 1);
        QCOMPARE(CriticalPath::compute(trace, tree).spans.size(), std::size_t(Depth));
    }

    void statisticsPerServiceAndOperation()
    {
        const Trace trace = makeTrace({
            { 1, 0, "frontend", "GET /", 0, 100 },
            { 2, 1, "checkout", "cart", 10, 40 },
            { 3, 1, "checkout", "cart", 30, 90, true },
            { 4, 3, "payment", "charge", 40, 60 },
        });
        const TraceTree tree = TraceTree::build(trace);
        const TraceStatistics stats = TraceStatistics::compute(trace, tree);
        // The root is covered by its children from 10 to 90; the second cart by the charge from 40 to 60.
        QCOMPARE(stats.selfNs, (std::vector<std::int64_t> { 20, 30, 40, 20 }));
        QCOMPARE(stats.services.size(), std::size_t(3));
        QCOMPARE(stats.services[0].service, QStringLiteral("frontend")); // the largest total first
        const SpanGroupStatistics& cart = stats.operations[1];
        QCOMPARE(cart.service, QStringLiteral("checkout"));
        QCOMPARE(cart.operation, QStringLiteral("cart"));
        QCOMPARE(cart.count, 2);
        QCOMPARE(cart.errors, 1);
        QCOMPARE(cart.totalNs, std::int64_t(90));
        QCOMPARE(cart.selfNs, std::int64_t(70));
        QCOMPARE(cart.averageNs(), std::int64_t(45));
        QCOMPARE(cart.minNs, std::int64_t(30));
        QCOMPARE(cart.maxNs, std::int64_t(60));
        QCOMPARE(cart.p95Ns, std::int64_t(60));
    }

    void percentileIsNearestRank()
    {
        TraceBuilder builder;
        const std::uint32_t mark = builder.mark();
        builder.addAttribute(Attribute::ofString(builder.intern("service.name"), builder.intern("svc")));
        const std::uint32_t resource = builder.addResource(mark);
        for (int i = 1; i <= 40; ++i) {
            TraceBuilder::SpanFields fields;
            fields.spanId = static_cast<SpanId>(i);
            fields.endNs = i; // durations 1 … 40
            fields.name = builder.intern("op");
            builder.addSpan(fields, resource, 0, { builder.mark(), builder.mark() });
        }
        const Trace trace = builder.finish();
        const TraceStatistics stats = TraceStatistics::compute(trace, TraceTree::build(trace));
        QCOMPARE(stats.operations.at(0).p95Ns, std::int64_t(38)); // rank ceil(0.95 × 40) = 38
    }

    void diffShowsStructureAndLatency()
    {
        const Trace a = makeTrace({
            { 1, 0, "frontend", "GET /", 1000, 1100 },
            { 2, 1, "checkout", "cart", 1010, 1040 },
            { 3, 2, "payment", "charge", 1015, 1035 },
            { 4, 1, "checkout", "cart", 1050, 1060 },
        });
        const Trace b = makeTrace({
            { 11, 0, "frontend", "GET /", 0, 300 },
            { 12, 11, "checkout", "cart", 10, 210 },
            { 13, 12, "inventory", "reserve", 20, 200 },
        });
        const TraceDiff diff = TraceDiff::compute(a, TraceTree::build(a), b, TraceTree::build(b));
        QCOMPARE(diff.rows.size(), std::size_t(4));
        QCOMPARE(diff.rows[0].operation, QStringLiteral("GET /"));
        QCOMPARE(diff.rows[0].averageChangeNs(), std::int64_t(200));
        const TraceDiffRow& cart = diff.rows[1];
        QCOMPARE(cart.countA, 2);
        QCOMPARE(cart.countB, 1);
        QCOMPARE(cart.averageA(), std::int64_t(20));
        QCOMPARE(cart.averageChangeNs(), std::int64_t(180));
        QCOMPARE(cart.parent, 0);
        // Children of "cart": the payment call only A made, the inventory call only B made.
        QCOMPARE(diff.rows[2].service, QStringLiteral("payment"));
        QCOMPARE(diff.rows[2].presence(), TraceDiffRow::Presence::OnlyA);
        QCOMPARE(diff.rows[3].service, QStringLiteral("inventory"));
        QCOMPARE(diff.rows[3].presence(), TraceDiffRow::Presence::OnlyB);
        QCOMPARE(diff.rows[3].depth, 2);
        QCOMPARE(diff.onlyA, 1);
        QCOMPARE(diff.onlyB, 1);
        QCOMPARE(diff.both, 2);
    }

    void loadsAFileOnAWorkerThread()
    {
        // The Traces workspace loads on the global thread pool: the document must come out whole there too.
        QFuture<TraceDocumentResult> future = QtConcurrent::run(
            [] { return loadTraceDocumentFile(test::dataPath(QStringLiteral("tempo/tempo-trace-protobuf.pb"))); });
        const TraceDocumentResult result = future.result();
        QVERIFY2(result.ok(), qPrintable(result.error ? result.error->text() : QString()));
        QCOMPARE(result.document->trace.spanCount(), 20);
        QCOMPARE(result.document->trace.errorCount(), 7);
        QCOMPARE(result.document->tree.roots.size(), std::size_t(1));
        QVERIFY(result.document->parseMs > 0);
        QCOMPARE(result.document->criticalPath.sections.front().startNs, result.document->trace.startTimeNs());
    }

    void waterfallRowsCollapseAndExpand()
    {
        const auto document = makeTraceDocument(makeTrace({
                                                    { 1, 0, "frontend", "GET /", 0, 100 },
                                                    { 2, 1, "checkout", "cart", 10, 40 },
                                                    { 3, 2, "checkout", "db", 12, 20 },
                                                    { 4, 1, "payment", "charge", 50, 90 },
                                                    { 5, 99, "payment", "late", 95, 99 },
                                                    { 6, 5, "payment", "retry", 96, 97 },
                                                }),
            QStringLiteral("test"));
        WaterfallRows rows(document);
        QCOMPARE(shape(rows), QStringLiteral("0:1 1:2 2:3 1:4 0:- 1:5 2:6"));
        rows.toggle(document->trace.indexOf(2));
        QCOMPARE(shape(rows), QStringLiteral("0:1 1:2 1:4 0:- 1:5 2:6"));
        QCOMPARE(rows.rowOf(document->trace.indexOf(3)), -1);
        QCOMPARE(rows.rowOf(document->trace.indexOf(4)), 2);
        rows.expandToDepth(0);
        QCOMPARE(shape(rows), QStringLiteral("0:1 0:- 1:5"));
        rows.reveal(document->trace.indexOf(3));
        QCOMPARE(shape(rows), QStringLiteral("0:1 1:2 2:3 1:4 0:- 1:5"));
        rows.collapseAll();
        QCOMPARE(shape(rows), QStringLiteral("0:1 0:- 1:5"));
        rows.setSubtreeCollapsed(document->trace.indexOf(1), false);
        QCOMPARE(shape(rows), QStringLiteral("0:1 1:2 2:3 1:4 0:- 1:5"));
        rows.expandAll();
        QCOMPARE(rows.rowCount(), 7);
        // A leaf cannot be collapsed: nothing would show that it was.
        rows.toggle(document->trace.indexOf(3));
        QVERIFY(!rows.isCollapsed(document->trace.indexOf(3)));
    }

    void waterfallFindAndFilters()
    {
        const auto document
            = makeTraceDocument(makeTrace(
                                    {
                                        { 1, 0, "frontend", "GET /", 0, 100 },
                                        { 2, 1, "checkout", "cart", 10, 40 },
                                        { 3, 2, "checkout", "db", 12, 20, true },
                                        { 4, 1, "payment", "charge", 50, 90 },
                                    },
                                    { { "charge", { "http.status_code", 502 } }, { "db", { "db.rows", 12 } } }),
                QStringLiteral("test"));
        WaterfallRows rows(document);
        QCOMPARE(rows.find(QStringLiteral("CHAR")), 1); // case-insensitive, in names
        QVERIFY(rows.isMatch(document->trace.indexOf(4)));
        QCOMPARE(rows.find(QStringLiteral("checkout")), 2); // services
        QCOMPARE(rows.find(QStringLiteral("status_code")), 1); // attribute keys
        QCOMPARE(rows.find(QStringLiteral("http.status_code=50")), 1); // key=value, numbers as text
        QCOMPARE(rows.find(QStringLiteral("db.rows = 502")), 0);
        QCOMPARE(rows.find(QStringLiteral("service=pay")), 1);
        QCOMPARE(rows.find(QStringLiteral("status=error")), 1);
        QCOMPARE(rows.find(QStringLiteral("0000000000000003")), 1); // span id
        QCOMPARE(rows.find(QStringLiteral("checkout")), 2);
        QCOMPARE(rows.matchOrder(), (std::vector<std::int32_t> { 1, 2 }));

        WaterfallFilter filter;
        filter.matchesOnly = true;
        rows.setFilter(filter);
        QCOMPARE(shape(rows), QStringLiteral("0:(1) 1:2 2:3"));
        filter = {};
        filter.errorsOnly = true;
        rows.setFilter(filter);
        QCOMPARE(shape(rows), QStringLiteral("0:(1) 1:(2) 2:3"));
        filter = {};
        filter.minDurationNs = 35;
        rows.setFilter(filter);
        QCOMPARE(shape(rows), QStringLiteral("0:1 1:4"));
        filter = {};
        filter.services = { document->trace.strings.find("payment") };
        rows.setFilter(filter);
        QCOMPARE(shape(rows), QStringLiteral("0:(1) 1:4"));
        filter = {};
        filter.criticalPathOnly = true;
        rows.setFilter(filter);
        QCOMPARE(shape(rows), QStringLiteral("0:1 1:2 2:3 1:4"));
        rows.setFilter({});
        QCOMPARE(rows.rowCount(), 4);
    }
};

QTEST_GUILESS_MAIN(TestTraceAnalysis)
#include "tst_traceanalysis.moc"
