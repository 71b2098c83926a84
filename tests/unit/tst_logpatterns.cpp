#include "analysis/logpatterns.h"

#include <QTest>

#include <map>

using namespace firebreak;
using namespace firebreak::analysis;

namespace {

constexpr qint64 Start = 1795620000000000000; // 2026-11-25T…Z
constexpr qint64 Second = 1000000000;

void put(LogBatch& batch, qint64 ns, qint32 stream, const QByteArray& line)
{
    batch.append(ns, stream, line);
}

QByteArray two(int n)
{
    return QByteArray::number(n).rightJustified(2, '0');
}

/// Real-looking lines of six kinds, interleaved, one per second; how many of each is known.
LogBatch incidentLines()
{
    LogBatch batch;
    const qint32 nginx = batch.addStream({ { QStringLiteral("app"), QStringLiteral("nginx") } });
    const qint32 go = batch.addStream({ { QStringLiteral("app"), QStringLiteral("cart") } });
    const qint32 java = batch.addStream({ { QStringLiteral("app"), QStringLiteral("payments") } });
    const qint32 k8s = batch.addStream({ { QStringLiteral("app"), QStringLiteral("events") } });
    qint64 ns = Start;
    auto add = [&](qint32 stream, const QByteArray& line) {
        batch.append(ns, stream, line);
        ns += Second;
    };
    const char* const methods[] = { "GET", "POST" };
    const char* const paths[] = { "/api/cart", "/api/checkout" };
    for (int i = 0; i < 40; ++i) {
        // nginx access log (40)
        add(nginx,
            "10.42.0." + QByteArray::number(i % 7 + 1) + " - - [25/Nov/2026:10:03:" + two(i) + " +0000] \""
                + methods[i % 2] + " /api/cart/" + QByteArray::number(100 + i) + " HTTP/1.1\" "
                + (i % 5 ? "200" : "502") + ' ' + QByteArray::number(150 + i * 3) + " \"-\" \"curl/8.4.0\"");
        // Go logfmt, request done (20)
        if (i % 2 == 0) {
            add(go,
                "ts=2026-11-25T10:03:" + two(i) + ".742Z level=info msg=\"request done\" method=" + methods[i % 4 / 2]
                    + " path=" + paths[i % 3 == 0] + " status=200 duration=" + QByteArray::number(i + 3) + "ms");
        }
        // Go logfmt, slow query (8)
        if (i % 5 == 0)
            add(go,
                "ts=2026-11-25T10:03:" + two(i) + ".100Z level=warn msg=\"slow query\" table=orders took=1."
                    + QByteArray::number(i % 9) + "s");
        // Java JSON (10)
        if (i % 4 == 1) {
            add(java,
                "{\"@timestamp\":\"2026-11-25T10:03:" + two(i)
                    + ".742Z\",\"level\":\"ERROR\",\"logger_name\":"
                      "\"com.shop.checkout.PaymentClient\",\"message\":\"Charge failed for order "
                    + QByteArray::number(4000 + i) + "\",\"thread_name\":\"http-nio-8080-exec-"
                    + QByteArray::number(i % 10) + "\"}");
        }
        // glog (10)
        if (i % 4 == 2) {
            add(k8s,
                "I1125 10:03:" + two(i)
                    + ".742387       1 leaderelection.go:248] successfully renewed lease "
                      "kube-system/kube-scheduler");
        }
        // Python traceback (5 × 4 lines)
        if (i % 8 == 3) {
            add(java, "Traceback (most recent call last):");
            add(java, "  File \"/app/worker.py\", line " + QByteArray::number(40 + i) + ", in charge");
            add(java, "  File \"/app/gateway.py\", line 7, in post");
            add(java, "ValueError: invalid literal for int() with base 10: 'abc'");
        }
        // k8s events (8 + 4)
        if (i % 5 == 4) {
            add(k8s,
                QByteArray("Warning  BackOff  pod/") + (i % 2 ? "checkout-7d9f8b6c5-x2k4j" : "cart-5c4d3b2a1f-q8z7w")
                    + "  Back-off restarting failed container");
        }
        if (i % 10 == 9) {
            add(k8s,
                "Normal  Pulled  pod/checkout-7d9f8b6c5-x2k4j  Container image \"shop/checkout:1.4."
                    + QByteArray::number(i) + "\" already present on machine");
        }
    }
    return batch;
}

} // namespace

class TestLogPatterns : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void minesKnownPatterns()
    {
        const LogBatch batch = incidentLines();
        const qint64 end = batch.at(batch.size() - 1).timestampNs;
        const PatternResult result = minePatterns(batch, Start, end, 10);
        QVERIFY(!result.cancelled);

        std::map<QString, qint64> counts;
        qint64 total = 0;
        for (const LogPattern& p : result.patterns) {
            counts[p.pattern] = p.count;
            total += p.count;
        }
        const std::map<QString, qint64> expected {
            { QStringLiteral("<IP> - - [<NUM>/Nov/<NUM>:<TIME> <NUM>] <*> /api/cart/<NUM> HTTP/<NUM>\" <NUM> <NUM> "
                             "\"-\" \"curl/<NUM>\""),
                40 },
            { QStringLiteral(
                  "ts=<TIME> level=info msg=\"request done\" method=<*> path=<*> status=<NUM> duration=<DURATION>"),
                20 },
            { QStringLiteral("ts=<TIME> level=warn msg=\"slow query\" table=orders took=<DURATION>"), 8 },
            { QStringLiteral(
                  "{\"@timestamp\":\"<TIME>\",\"level\":\"ERROR\",\"logger_name\":\"com.shop.checkout.PaymentClient\","
                  "\"message\":\"Charge failed for order <NUM>\",\"thread_name\":\"http-nio-<NUM>-exec-<NUM>\"}"),
                10 },
            { QStringLiteral(
                  "I<NUM> <TIME> <NUM> leaderelection.go:<NUM>] successfully renewed lease kube-system/kube-scheduler"),
                10 },
            { QStringLiteral("Traceback (most recent call last):"), 5 },
            // Drain routes by the first two words: the two files stay apart.
            { QStringLiteral("File \"/app/worker.py\", line <NUM>, in charge"), 5 },
            { QStringLiteral("File \"/app/gateway.py\", line <NUM>, in post"), 5 },
            { QStringLiteral("ValueError: invalid literal for int() with base <NUM>: 'abc'"), 5 },
            { QStringLiteral("Warning BackOff <*> Back-off restarting failed container"), 8 },
            { QStringLiteral("Normal Pulled pod/checkout-<HEX>-x<NUM>k<NUM>j Container image \"shop/checkout:<NUM>\" "
                             "already present on machine"),
                4 },
        };
        if (counts != expected) {
            for (const auto& [pattern, count] : counts)
                qDebug("%lld  %s", count, qPrintable(pattern));
        }
        QCOMPARE(counts, expected);
        QCOMPARE(total, batch.size());

        // Ordered by count, ids are the positions, and every line points at its pattern.
        QCOMPARE(result.patternOfLine.size(), std::size_t(batch.size()));
        for (std::size_t i = 0; i < result.patterns.size(); ++i) {
            QCOMPARE(result.patterns[i].id, qint32(i));
            if (i > 0)
                QVERIFY(result.patterns[i - 1].count >= result.patterns[i].count);
        }
        std::vector<qint64> perPattern(result.patterns.size());
        for (qsizetype i = 0; i < batch.size(); ++i)
            ++perPattern[static_cast<std::size_t>(result.patternOfLine[static_cast<std::size_t>(i)])];
        for (std::size_t i = 0; i < result.patterns.size(); ++i)
            QCOMPARE(perPattern[i], result.patterns[i].count);

        // The traceback header: first and last time, example, sparkline over the range.
        const auto traceback = std::find_if(result.patterns.begin(), result.patterns.end(),
            [](const LogPattern& p) { return p.pattern.startsWith(QLatin1String("Traceback")); });
        QCOMPARE(traceback->example, QStringLiteral("Traceback (most recent call last):"));
        qint64 first = -1;
        qint64 last = -1;
        for (qsizetype i = 0; i < batch.size(); ++i) {
            if (batch.textString(batch.at(i)).startsWith(QLatin1String("Traceback"))) {
                if (first < 0)
                    first = batch.at(i).timestampNs;
                last = batch.at(i).timestampNs;
            }
        }
        QCOMPARE(traceback->firstNs, first);
        QCOMPARE(traceback->lastNs, last);
        QCOMPARE(traceback->sparkline.size(), std::size_t(10));
        qint64 inSparkline = 0;
        for (const qint32 c : traceback->sparkline)
            inSparkline += c;
        QCOMPARE(inSparkline, qint64(5));
        const auto nginx = result.patterns.front();
        QCOMPARE(nginx.count, qint64(40));
        QVERIFY(
            nginx.example.startsWith(QLatin1String("10.42.0.1 - - [25/Nov/2026:10:03:00 +0000] \"GET /api/cart/100")));
    }

    void sparklineAndNew()
    {
        LogBatch batch;
        const qint32 s = batch.addStream({});
        // "old" every second over [0, 100) s; "new" from 80 s on; one line before the range, one after.
        for (int t = 0; t < 100; ++t)
            put(batch, Start + t * Second, s, "connection pool ok size=" + QByteArray::number(t));
        for (int t = 80; t < 100; ++t)
            put(batch, Start + t * Second, s,
                "upstream reset by peer while reading from 10.0.0." + QByteArray::number(t % 9));
        batch.append(Start - Second, s, "connection pool ok size=1");
        batch.append(Start + 200 * Second, s, "connection pool ok size=2");
        const PatternResult result = minePatterns(batch, Start, Start + 100 * Second, 4);
        QCOMPARE(result.patterns.size(), std::size_t(2));
        const LogPattern& old = result.patterns[0];
        const LogPattern& fresh = result.patterns[1];
        QCOMPARE(old.pattern, QStringLiteral("connection pool ok size=<NUM>"));
        QCOMPARE(old.count, qint64(102));
        QCOMPARE(old.firstNs, Start - Second);
        QCOMPARE(old.lastNs, Start + 200 * Second);
        QCOMPARE(old.sparkline, (std::vector<qint32> { 25, 25, 25, 25 }));
        QCOMPARE(fresh.pattern, QStringLiteral("upstream reset by peer while reading from <IP>"));
        QCOMPARE(fresh.sparkline, (std::vector<qint32> { 0, 0, 0, 20 }));
        QVERIFY(isNewPattern(fresh, Start + 80 * Second));
        QVERIFY(!isNewPattern(fresh, Start + 81 * Second));
        QVERIFY(!isNewPattern(old, Start + 80 * Second));
    }

    void drainRules()
    {
        LogBatch batch;
        const qint32 s = batch.addStream({});
        // The first two words route (Drain's depth 4); then half of the fixed words equal is enough (0.5).
        batch.append(1, s, "session opened for alice from web");
        batch.append(2, s, "session opened for bob via ssh");
        // A third of the template's words: a pattern of its own.
        batch.append(3, s, "session opened by carol after reboot");
        batch.append(4, s, "disk sda full now");
        batch.append(5, s, "");
        batch.append(6, s, "   ");
        const PatternResult result = minePatterns(batch, 0, 10, 2);
        std::map<QString, qint64> counts;
        for (const LogPattern& p : result.patterns)
            counts[p.pattern] = p.count;
        const std::map<QString, qint64> expected { { QStringLiteral("session opened for <*> <*> <*>"), 2 },
            { QStringLiteral("session opened by carol after reboot"), 1 }, { QStringLiteral("disk sda full now"), 1 },
            { QString(), 2 } };
        QCOMPARE(counts, expected);

        DrainOptions strict;
        strict.similarity = 0.8;
        const PatternResult strictResult = minePatterns(batch, 0, 10, 2, nullptr, strict);
        QCOMPARE(strictResult.patterns.size(), std::size_t(5));

        // A node full of children sends further first words under <*>.
        LogBatch wide;
        const qint32 w = wide.addStream({});
        for (int i = 0; i < 10; ++i)
            put(wide, i, w, "word" + QByteArray(1, char('a' + i)) + " fixed tail here");
        DrainOptions narrow;
        narrow.maxChildren = 3;
        const PatternResult narrowResult = minePatterns(wide, 0, 10, 1, nullptr, narrow);
        qint64 total = 0;
        for (const LogPattern& p : narrowResult.patterns)
            total += p.count;
        QCOMPARE(total, qint64(10));
        QCOMPARE(narrowResult.patterns.front().pattern, QStringLiteral("<*> fixed tail here"));
        QCOMPARE(narrowResult.patterns.front().count, qint64(8));
    }

    void deterministicAndCancellable()
    {
        LogBatch batch;
        const qint32 s = batch.addStream({});
        for (int i = 0; i < 150000; ++i) {
            put(batch, i, s,
                "job " + QByteArray::number(i % 37) + " step " + QByteArray(1, char('a' + i % 26)) + " took "
                    + QByteArray::number(i % 1000) + "ms on node-" + QByteArray::number(i % 5));
        }
        const PatternResult a = minePatterns(batch, 0, 150000, 8);
        const PatternResult b = minePatterns(batch, 0, 150000, 8);
        QCOMPARE(a.patternOfLine, b.patternOfLine);
        QCOMPARE(a.patterns.size(), b.patterns.size());
        for (std::size_t i = 0; i < a.patterns.size(); ++i) {
            QCOMPARE(a.patterns[i].pattern, b.patterns[i].pattern);
            QCOMPARE(a.patterns[i].count, b.patterns[i].count);
        }
        std::atomic_bool cancel { true };
        const PatternResult cancelled = minePatterns(batch, 0, 150000, 8, &cancel);
        QVERIFY(cancelled.cancelled);
        QVERIFY(cancelled.patterns.empty());
        QVERIFY(minePatterns(LogBatch(), 0, 1).patterns.empty());
    }
};

QTEST_GUILESS_MAIN(TestLogPatterns)
#include "tst_logpatterns.moc"
