#include "analysis/logdedup.h"

#include <QTest>

using namespace firebreak;
using namespace firebreak::analysis;

class TestLogDedup : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void mask_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<QByteArray>("masked");
        QTest::newRow("nginx access")
            << QByteArray("10.42.0.7 - - [25/Nov/2026:10:03:50 +0000] \"GET /api/cart/42 HTTP/1.1\" "
                          "500 153 \"-\" \"curl/8.4.0\"")
            << QByteArray("<IP> - - [<NUM>/Nov/<NUM>:<TIME> <NUM>] \"GET /api/cart/<NUM> HTTP/<NUM>\" "
                          "<NUM> <NUM> \"-\" \"curl/<NUM>\"");
        QTest::newRow("go logfmt")
            << QByteArray("ts=2026-11-25T10:03:50.742Z level=warn msg=\"slow query\" took=1.5s rows=12 "
                          "db=10.0.0.7:5432")
            << QByteArray("ts=<TIME> level=warn msg=\"slow query\" took=<DURATION> rows=<NUM> db=<IP>:<NUM>");
        QTest::newRow("durations") << QByteArray("12ms 250µs 1h2m3.5s 3d 10ns 5min 7 s")
                                   << QByteArray(
                                          "<DURATION> <DURATION> <DURATION> <DURATION> <DURATION> <NUM>min <NUM> s");
        QTest::newRow("uuid and hex") << QByteArray(
            "order 123e4567-e89b-12d3-a456-426614174000 span 00f067aa0ba902b7 addr "
            "0x7ffd5e8c deadbeef cafe1234")
                                      << QByteArray("order <UUID> span <HEX> addr <HEX> deadbeef <HEX>");
        QTest::newRow("trace id") << QByteArray("trace_id=4bf92f3577b34da6a3ce929d0e0e4736")
                                  << QByteArray("trace_id=<HEX>");
        QTest::newRow("ipv6") << QByteArray("from [2001:db8::1]:443 and fe80::1ff:fe23:4567:890a, ::1 "
                                            "2001:0db8:0000:0000:0000:ff00:0042:8329")
                              << QByteArray("from [<IP>]:<NUM> and <IP>, <IP> <IP>");
        QTest::newRow("not ipv6") << QByteArray("std::vector at 10:03:50 and a:b:c")
                                  << QByteArray("std::vector at <TIME> and a:b:c");
        QTest::newRow("times") << QByteArray(
            "2026/11/25 10:03:50 [error] 2026-11-25 10:03:50,742 E1125 10:03:50.742387 "
            "2026-11-25T10:03:53.000000001+0000 2026-11-25T10:03:53+01:00 2026-11-25T10:03:53-08")
                               << QByteArray("<TIME> <TIME> [error] <TIME> E<NUM> <TIME> <TIME> <TIME> <TIME>");
        QTest::newRow("numbers") << QByteArray("x=-7 y=+3.14 z=1e-3 v=1.2.3 a-5 pod-7d9f8b6c5-x2k4j http2")
                                 << QByteArray(
                                        "x=<NUM> y=<NUM> z=<NUM> v=<NUM> a-<NUM> pod-<HEX>-x<NUM>k<NUM>j http<NUM>");
        QTest::newRow("version not ip") << QByteArray("v 1.2.3.4.5 ip 1.2.3.4 bad 1.2.3.999")
                                        << QByteArray("v <NUM> ip <IP> bad <NUM>");
        QTest::newRow("quoted kept") << QByteArray("msg=\"user 42 logged in\"")
                                     << QByteArray("msg=\"user <NUM> logged in\"");
        QTest::newRow("non ascii") << QByteArray("Zürich 5 Grad") << QByteArray("Zürich <NUM> Grad");
        QTest::newRow("empty") << QByteArray() << QByteArray();
    }
    void mask()
    {
        QFETCH(QByteArray, line);
        QFETCH(QByteArray, masked);
        QCOMPARE(maskVariables(line), masked);
        QByteArray reused = "something longer than the result, from before";
        maskVariablesInto(line, reused);
        QCOMPARE(reused, masked);
    }

    void dedup()
    {
        LogBatch batch;
        const qint32 a = batch.addStream({ { QStringLiteral("pod"), QStringLiteral("a") } });
        const qint32 b = batch.addStream({ { QStringLiteral("pod"), QStringLiteral("b") } });
        batch.append(1, a, "GET /cart/1 200 12ms"); // 0
        batch.append(2, a, "GET /cart/1 200 12ms"); // 1 exact repeat of 0
        batch.append(3, b, "GET /cart/2 200 9ms"); // 2 masked repeat of 0
        batch.append(4, a, "POST /cart/2 500 1.2s"); // 3
        batch.append(5, b, "GET /cart/1 200 12ms"); // 4 exact repeat of 0 from another stream
        batch.append(6, a, "POST /cart/3 500 2s"); // 5 masked repeat of 3
        const std::vector<qint32> all { 0, 1, 2, 3, 4, 5 };

        const DedupResult none = dedupLines(batch, all, DedupMode::None);
        QCOMPARE(none.rows, all);
        QCOMPARE(none.repeats, std::vector<qint32>(6, 0));

        const DedupResult exact = dedupLines(batch, all, DedupMode::Exact);
        QCOMPARE(exact.rows, (std::vector<qint32> { 0, 2, 3, 5 }));
        QCOMPARE(exact.repeats, (std::vector<qint32> { 2, 0, 0, 0 }));

        const DedupResult masked = dedupLines(batch, all, DedupMode::Masked);
        QCOMPARE(masked.rows, (std::vector<qint32> { 0, 3 }));
        QCOMPARE(masked.repeats, (std::vector<qint32> { 3, 1 }));

        // On a filter's rows: only those, in their order.
        const DedupResult subset = dedupLines(batch, { 5, 3, 1 }, DedupMode::Masked);
        QCOMPARE(subset.rows, (std::vector<qint32> { 5, 1 }));
        QCOMPARE(subset.repeats, (std::vector<qint32> { 1, 0 }));
        QVERIFY(dedupLines(batch, {}, DedupMode::Masked).rows.empty());
    }

    // Past one parallel chunk: the accounting still covers every row once.
    void dedupMany()
    {
        LogBatch batch;
        const qint32 s = batch.addStream({});
        constexpr qint32 Count = 50000;
        std::vector<qint32> rows;
        for (qint32 i = 0; i < Count; ++i) {
            batch.append(i, s,
                QByteArray("job " + QByteArray::number(i % 3 == 0 ? 0 : 1) + " took " + QByteArray::number(i) + "ms"));
            rows.push_back(i);
        }
        const DedupResult exact = dedupLines(batch, rows, DedupMode::Exact);
        QCOMPARE(exact.rows.size(), std::size_t(Count));
        const DedupResult masked = dedupLines(batch, rows, DedupMode::Masked);
        QCOMPARE(masked.rows, (std::vector<qint32> { 0 }));
        QCOMPARE(masked.repeats, (std::vector<qint32> { Count - 1 }));
    }
};

QTEST_GUILESS_MAIN(TestLogDedup)
#include "tst_logdedup.moc"
