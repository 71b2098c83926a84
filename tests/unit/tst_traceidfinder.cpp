#include "analysis/traceidfinder.h"

#include <QTest>

using namespace firebreak;
using namespace firebreak::analysis;

class TestTraceIdFinder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaultPattern_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QStringList>("ids");
        QTest::addColumn<QList<qsizetype>>("starts");
        const QString w3c = QStringLiteral("4bf92f3577b34da6a3ce929d0e0e4736");
        QTest::newRow("logfmt trace_id")
            << QStringLiteral("level=error msg=\"charge failed\" trace_id=%1 span_id=00f067aa0ba902b7").arg(w3c)
            << QStringList { w3c } << QList<qsizetype> { 41 };
        QTest::newRow("traceID upper hex") << QStringLiteral("traceID=4BF92F3577B34DA6A3CE929D0E0E4736 done")
                                           << QStringList { w3c } << QList<qsizetype> { 8 };
        QTest::newRow("json traceId") << QStringLiteral("{\"msg\":\"x\",\"traceId\":\"%1\"}").arg(w3c)
                                      << QStringList { w3c } << QList<qsizetype> { 22 };
        QTest::newRow("jaeger 16 hex after key")
            << QStringLiteral("uber-trace-id: 463ac35c9f6413ad:463ac35c9f6413ad:0:1 trace-id=463ac35c9f6413ad")
            << QStringList { QStringLiteral("463ac35c9f6413ad"), QStringLiteral("463ac35c9f6413ad") }
            << QList<qsizetype> { 15, 62 };
        QTest::newRow("traceparent") << QStringLiteral("traceparent: 00-%1-00f067aa0ba902b7-01").arg(w3c)
                                     << QStringList { w3c } << QList<qsizetype> { 16 };
        QTest::newRow("bare twice") << QStringLiteral("%1 then 0af7651916cd43dd8448eb211c80319c").arg(w3c)
                                    << QStringList { w3c, QStringLiteral("0af7651916cd43dd8448eb211c80319c") }
                                    << QList<qsizetype> { 0, 38 };
        QTest::newRow("all zeros rejected")
            << QStringLiteral("trace_id=00000000000000000000000000000000") << QStringList {} << QList<qsizetype> {};
        QTest::newRow("longer hex run is not an id")
            << QStringLiteral("sha256=9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")
            << QStringList {} << QList<qsizetype> {};
        QTest::newRow("glued to a word") << QStringLiteral("id_4bf92f3577b34da6a3ce929d0e0e4736") << QStringList {}
                                         << QList<qsizetype> {};
        QTest::newRow("uuid with dashes") << QStringLiteral("request 123e4567-e89b-12d3-a456-426614174000 done")
                                          << QStringList {} << QList<qsizetype> {};
        QTest::newRow("non ascii before")
            << QStringLiteral("Zürich 😀 %1").arg(w3c) << QStringList { w3c } << QList<qsizetype> { 10 };
    }
    void defaultPattern()
    {
        QFETCH(QString, line);
        QFETCH(QStringList, ids);
        QFETCH(QList<qsizetype>, starts);
        const TraceIdFinder finder;
        QVERIFY(finder.isValid());
        const auto matches = finder.find(line);
        QStringList found;
        QList<qsizetype> at;
        for (const auto& m : matches) {
            found << m.traceId;
            at << m.start;
            QCOMPARE(line.mid(m.start, m.length).toLower(), m.traceId);
        }
        QCOMPARE(found, ids);
        QCOMPARE(at, starts);
    }

    void customPattern()
    {
        // A setting with a group: the group is the id; without: the whole match.
        const TraceIdFinder grouped(QStringLiteral("request=([0-9a-f]{16})"));
        QVERIFY(grouped.isValid());
        const auto m = grouped.find(u"ok request=463ac35c9f6413ad");
        QCOMPARE(m.size(), 1);
        QCOMPARE(m.first().traceId, QStringLiteral("463ac35c9f6413ad"));
        QCOMPARE(m.first().start, 11);
        const TraceIdFinder whole(QStringLiteral("[0-9A-F]{32}"));
        QCOMPARE(whole.find(u"X4BF92F3577B34DA6A3CE929D0E0E4736").first().traceId,
            QStringLiteral("4bf92f3577b34da6a3ce929d0e0e4736"));
        // Matches that are no trace id are dropped.
        QVERIFY(TraceIdFinder(QStringLiteral("user=(\\w+)")).find(u"user=bob").isEmpty());

        const TraceIdFinder broken(QStringLiteral("trace=(["));
        QVERIFY(!broken.isValid());
        QVERIFY(!broken.error().isEmpty());
        QVERIFY(broken.find(u"trace=4bf92f3577b34da6a3ce929d0e0e4736").isEmpty());
    }

    void labels()
    {
        const TraceIdFinder finder;
        QCOMPARE(finder.findInLabels({ { QStringLiteral("app"), QStringLiteral("x") },
                     { QStringLiteral("traceID"), QStringLiteral("4BF92F3577B34DA6A3CE929D0E0E4736") } }),
            QStringLiteral("4bf92f3577b34da6a3ce929d0e0e4736"));
        QCOMPARE(finder.findInLabels({ { QStringLiteral("trace_id"), QStringLiteral("463ac35c9f6413ad") } }),
            QStringLiteral("463ac35c9f6413ad"));
        QCOMPARE(finder.findInLabels({ { QStringLiteral("trace_id"), QStringLiteral("not-an-id") } }), QString());
        QCOMPARE(finder.findInLabels({ { QStringLiteral("span_id"), QStringLiteral("463ac35c9f6413ad") } }), QString());

        LogBatch batch;
        const qint32 plain = batch.addStream({ { QStringLiteral("app"), QStringLiteral("cart") } });
        LogLineExtra metadata;
        metadata.structuredMetadata.insert(
            QStringLiteral("trace_id"), QStringLiteral("0af7651916cd43dd8448eb211c80319c"));
        batch.append(1, plain, "trace_id=4bf92f3577b34da6a3ce929d0e0e4736", metadata);
        batch.append(2, plain, "trace_id=4bf92f3577b34da6a3ce929d0e0e4736");
        batch.append(3, plain, "no id");
        QCOMPARE(finder.findInLine(batch, batch.at(0)), QStringLiteral("0af7651916cd43dd8448eb211c80319c"));
        QCOMPARE(finder.findInLine(batch, batch.at(1)), QStringLiteral("4bf92f3577b34da6a3ce929d0e0e4736"));
        QCOMPARE(finder.findInLine(batch, batch.at(2)), QString());
    }
};

QTEST_GUILESS_MAIN(TestTraceIdFinder)
#include "tst_traceidfinder.moc"
