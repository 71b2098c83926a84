// firebreak-cli trace stats: the DESIGN.md JSON contract on the recorded Tempo trace, text output, bad input.

#include "clirun.h"
#include "testutils.h"

#include <QJsonArray>
#include <QObject>
#include <QTemporaryDir>
#include <QTest>

using namespace firebreak;
using namespace firebreak::test;

class TestCliTraceStats : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void jsonFollowsTheContract_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("tempo protobuf") << QStringLiteral("tempo/tempo-trace-protobuf.pb");
        QTest::newRow("tempo json, base64 ids") << QStringLiteral("tempo/tempo-trace-json.json");
        QTest::newRow("otlp json, hex ids") << QStringLiteral("tempo/request-tempo-otlp-traces.json");
    }

    void jsonFollowsTheContract()
    {
        QFETCH(QString, file);
        const CliRun run
            = runCli({ QStringLiteral("--json"), QStringLiteral("trace"), QStringLiteral("stats"), dataPath(file) });
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        const QJsonObject doc = run.json();
        QCOMPARE(doc.value(u"spans").toInt(), 20);
        QCOMPARE(doc.value(u"services").toInt(), 3);
        QCOMPARE(doc.value(u"errors").toInt(), 7);
        QCOMPARE(doc.value(u"duration_ns").toInteger(), 900000000);
        QCOMPARE(doc.value(u"trace_id").toString(), QStringLiteral("4bf92f3577b34da6a3ce929d0e0e4736"));
        QCOMPARE(doc.value(u"root_span").toObject().value(u"name").toString(), QStringLiteral("GET /checkout"));
        QCOMPARE(doc.value(u"root_span").toObject().value(u"span_id").toString(), QStringLiteral("00f067aa0ba90201"));
        QCOMPARE(doc.value(u"depth").toInt(), 6);
        QCOMPARE(doc.value(u"orphans").toInt(), 0);
        const QJsonArray path = doc.value(u"critical_path").toArray();
        QVERIFY(!path.isEmpty());
        QCOMPARE(path.first().toString(), QStringLiteral("00f067aa0ba90201"));
        for (const QJsonValue& id : path)
            QVERIFY(id.toString().size() == 16 && id.toString() == id.toString().toLower());
        QVERIFY(doc.value(u"parse_ms").isDouble());
        QVERIFY(doc.value(u"layout_ms").isDouble());
        const QJsonArray services = doc.value(u"by_service").toArray();
        QCOMPARE(services.size(), 3);
        int spans = 0;
        for (const QJsonValue& service : services)
            spans += service.toObject().value(u"spans").toInt();
        QCOMPARE(spans, 20);
    }

    void textSaysTheShape()
    {
        const CliRun run = runCli({ QStringLiteral("trace"), QStringLiteral("stats"),
            dataPath(QStringLiteral("tempo/tempo-trace-protobuf.pb")) });
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        QCOMPARE(run.outLines().first(),
            QStringLiteral("trace 4bf92f3577b34da6a3ce929d0e0e4736: 20 spans, 3 services, 900 ms, 7 errors, depth 6"));
        QVERIFY(run.out.contains(QStringLiteral("root: frontend: GET /checkout")));
        QVERIFY(run.outLines().last().startsWith(QStringLiteral("parsed in ")));
    }

    void badInputIsAClearError()
    {
        QTemporaryDir dir;
        const QString broken = dir.filePath(QStringLiteral("broken.pb"));
        QFile file(broken);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(readData(QStringLiteral("tempo/tempo-trace-protobuf.pb")).left(100));
        file.close();
        CliRun run = runCli({ QStringLiteral("trace"), QStringLiteral("stats"), broken });
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(
            run.err.startsWith(QStringLiteral("firebreak-cli: cannot read the trace: ") + broken), qPrintable(run.err));
        QCOMPARE(run.errLines().size(), 1);

        run = runCli({ QStringLiteral("trace"), QStringLiteral("stats"), dir.filePath(QStringLiteral("missing.pb")) });
        QCOMPARE(run.exitCode, 1);
        run = runCli({ QStringLiteral("trace"), QStringLiteral("stats") });
        QCOMPARE(run.exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestCliTraceStats)
#include "tst_clitracestats.moc"
