#include "clirun.h"
#include "testutils.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <map>

using namespace firebreak;
using namespace firebreak::test;

namespace {

// The fake-loki fixture's range (see tst_clilogs.cpp): the recorded push of 88 lines and the burst of 35.
const QString Start = QStringLiteral("1795620619972090840");
const QString End = QStringLiteral("1795621579972090840");

const QString CheckoutInfo
    = QStringLiteral("level=info msg=\"checkout started\" order_id=ord-<NUM> trace_id=<HEX> duration_ms=<NUM>");
const QString CheckoutError = QStringLiteral(
    "level=error msg=\"payment failed: card gateway timeout\" order_id=ord-<NUM> trace_id=<HEX> status=<NUM>");
const QString CheckoutWarn
    = QStringLiteral("level=warn msg=\"slow cart query\" order_id=ord-<NUM> trace_id=<HEX> db_ms=<NUM>");

QString fixtureUrl()
{
    QFile file(qEnvironmentVariable("FIREBREAK_FAKE_LOKI_URL_FILE"));
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll().trimmed()) : QString();
}

std::map<QString, qint64> countsOf(const QJsonObject& doc)
{
    std::map<QString, qint64> counts;
    for (const QJsonValue& value : doc.value(u"patterns").toArray()) {
        const QJsonObject p = value.toObject();
        counts[p.value(u"pattern").toString()] = p.value(u"count").toInteger();
    }
    return counts;
}

qint64 total(const QJsonObject& doc)
{
    qint64 sum = 0;
    for (const QJsonValue& value : doc.value(u"patterns").toArray())
        sum += value.toObject().value(u"count").toInteger();
    return sum;
}

QJsonObject patternNamed(const QJsonObject& doc, const QString& pattern)
{
    for (const QJsonValue& value : doc.value(u"patterns").toArray()) {
        if (value.toObject().value(u"pattern").toString() == pattern)
            return value.toObject();
    }
    return {};
}

} // namespace

/// `firebreak-cli logs patterns` on the three file formats and against fake-loki (CTest fixture "fakeloki",
/// 20 lines per query, so --url pages).
class TestCliLogsPatterns : public QObject
{
    Q_OBJECT

private:
    QString m_url;
    QTemporaryDir m_dir;

    QString write(const QString& name, const QByteArray& contents)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(contents) != contents.size())
            qWarning("cannot write %s", qPrintable(path));
        return path;
    }

    static CliRun patterns(const QStringList& arguments, bool json = true)
    {
        QStringList all;
        if (json)
            all << QStringLiteral("--json");
        all << QStringLiteral("logs") << QStringLiteral("patterns") << arguments;
        return runCli(all);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_url = fixtureUrl();
        QVERIFY2(!m_url.isEmpty(),
            "No fake-loki URL: run through ctest (fixture 'fakeloki', tests/servers/fake-server-fixture.sh)");
        QVERIFY(m_dir.isValid());
    }

    void plainText()
    {
        // Times from the RFC 3339 prefix to the nanosecond (offsets applied); a line without one has 0.
        const QString path = write(QStringLiteral("app.log"),
            "2026-11-25T10:03:50.742387522Z ERROR payment failed for order 1042 after 3 retries\r\n"
            "2026-11-25T10:03:51Z INFO request served in 12ms\n"
            "2026-11-25 11:03:52.5+01:00 INFO request served in 7ms\n"
            "2026-11-25T10:03:53.000000001+0000 ERROR payment failed for order 1043 after 1 retries\n"
            "plain line without a time\n"
            "\n"
            "2026-11-25T10:03:54Z INFO request served in 1.5s\n");
        const CliRun run = patterns({ path });
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        const QJsonObject doc = run.json();
        const std::map<QString, qint64> expected {
            { QStringLiteral("<TIME> INFO request served in <DURATION>"), 3 },
            { QStringLiteral("<TIME> ERROR payment failed for order <NUM> after <NUM> retries"), 2 },
            { QStringLiteral("plain line without a time"), 1 },
            { QString(), 1 },
        };
        QCOMPARE(countsOf(doc), expected);
        QCOMPARE(doc.value(u"lines").toInteger(), 7);
        QCOMPARE(total(doc), 7);
        const QJsonObject errors
            = patternNamed(doc, QStringLiteral("<TIME> ERROR payment failed for order <NUM> after <NUM> retries"));
        QCOMPARE(errors.value(u"first_ns").toString(), QStringLiteral("1795601030742387522"));
        QCOMPARE(errors.value(u"last_ns").toString(), QStringLiteral("1795601033000000001"));
        QCOMPARE(errors.value(u"example").toString(),
            QStringLiteral("2026-11-25T10:03:50.742387522Z ERROR payment failed for order 1042 after 3 retries"));
        const QJsonObject served = patternNamed(doc, QStringLiteral("<TIME> INFO request served in <DURATION>"));
        QCOMPARE(served.value(u"first_ns").toString(), QStringLiteral("1795601031000000000"));
        QCOMPARE(served.value(u"last_ns").toString(), QStringLiteral("1795601034000000000"));
        QCOMPARE(patternNamed(doc, QStringLiteral("plain line without a time")).value(u"first_ns").toString(),
            QStringLiteral("0"));
        // Ordered by count.
        QCOMPARE(doc.value(u"patterns").toArray().first().toObject().value(u"count").toInteger(), 3);
    }

    void lokiAnswerFile()
    {
        const QString path = dataPath(QStringLiteral("loki/loki-query_range-logs-error.json"));
        const CliRun run = patterns({ path });
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        const QJsonObject doc = run.json();
        QCOMPARE(countsOf(doc), (std::map<QString, qint64> { { CheckoutError, 11 } }));
        const QJsonObject p = doc.value(u"patterns").toArray().first().toObject();
        // The recorded answer's oldest and newest line (Loki sends them newest first).
        QCOMPARE(p.value(u"last_ns").toString(), QStringLiteral("1795621430742387522"));
        QVERIFY(p.value(u"example").toString().startsWith(QLatin1String("level=error msg=\"payment failed: card g")));
        const QJsonDocument answer
            = QJsonDocument::fromJson(readData(QStringLiteral("loki/loki-query_range-logs-error.json")));
        qint64 oldest = std::numeric_limits<qint64>::max();
        for (const QJsonValue& stream : answer.object().value(u"data").toObject().value(u"result").toArray()) {
            for (const QJsonValue& value : stream.toObject().value(u"values").toArray())
                oldest = std::min(oldest, value.toArray().first().toString().toLongLong());
        }
        QCOMPARE(p.value(u"first_ns").toString(), QString::number(oldest));
    }

    // `logs query --json` output read back: the round trip the CLI promises.
    void logsQueryJsonFile()
    {
        const CliRun query = runCli(
            { QStringLiteral("--json"), QStringLiteral("logs"), QStringLiteral("query"), QStringLiteral("--url"), m_url,
                QStringLiteral("{service=~\"checkout|payment\"}"), QStringLiteral("--start"), Start,
                QStringLiteral("--end"), End, QStringLiteral("--limit"), QStringLiteral("1000") });
        QVERIFY2(query.exitCode == 0, qPrintable(describe(query)));
        const QString path = write(QStringLiteral("query.json"), query.out.toUtf8());
        const CliRun run = patterns({ path });
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        const QJsonObject doc = run.json();
        const std::map<QString, qint64> expected { { CheckoutInfo, 30 }, { CheckoutError, 11 }, { CheckoutWarn, 6 },
            { QStringLiteral(
                  "{\"level\": \"error\", \"msg\": \"gateway timeout\", \"trace_id\": \"<HEX>\", \"attempt\": <NUM>}"),
                11 } };
        QCOMPARE(countsOf(doc), expected);
        QCOMPARE(doc.value(u"lines").toInteger(), 58);

        const QString broken = write(QStringLiteral("broken.json"), "{\"lines\": [{\"ts_ns\": \"12\"}]}");
        const CliRun bad = patterns({ broken });
        QCOMPARE(bad.exitCode, 1);
        QVERIFY2(bad.err.contains(QStringLiteral("lines[0]")), qPrintable(describe(bad)));
    }

    void fromLoki()
    {
        const CliRun run = patterns(
            { QStringLiteral("--url"), m_url, QStringLiteral("{service=\"checkout\"}"), QStringLiteral("--start"),
                Start, QStringLiteral("--end"), End, QStringLiteral("--limit"), QStringLiteral("100") });
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        const QJsonObject doc = run.json();
        QCOMPARE(countsOf(doc),
            (std::map<QString, qint64> { { CheckoutInfo, 30 }, { CheckoutError, 11 }, { CheckoutWarn, 6 } }));
        QCOMPARE(doc.value(u"lines").toInteger(), 47);
        QCOMPARE(doc.value(u"truncated").toBool(true), false);
        const QJsonObject first = doc.value(u"patterns").toArray().first().toObject();
        QCOMPARE(first.value(u"pattern").toString(), CheckoutInfo);
        QCOMPARE(first.value(u"id").toInt(), 0);

        // A limit below the lines there are: fewer lines, said so.
        const CliRun cut = patterns(
            { QStringLiteral("--url"), m_url, QStringLiteral("{service=\"checkout\"}"), QStringLiteral("--start"),
                Start, QStringLiteral("--end"), End, QStringLiteral("--limit"), QStringLiteral("25") });
        QVERIFY2(cut.exitCode == 0, qPrintable(describe(cut)));
        QCOMPARE(cut.json().value(u"lines").toInteger(), 25);
        QCOMPARE(total(cut.json()), 25);
        QCOMPARE(cut.json().value(u"truncated").toBool(false), true);
    }

    void textTable()
    {
        const CliRun run = patterns({ QStringLiteral("--url"), m_url, QStringLiteral("{service=\"checkout\"}"),
                                        QStringLiteral("--start"), Start, QStringLiteral("--end"), End },
            false);
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        const QStringList lines = run.outLines();
        QCOMPARE(lines.size(), 4);
        QCOMPARE(lines[0], QStringLiteral("COUNT  FIRST                LAST                 PATTERN"));
        QVERIFY2(lines[1].startsWith(QStringLiteral("   30  2026-11-25 ")), qPrintable(lines[1]));
        QVERIFY2(lines[1].endsWith(QStringLiteral("  ") + CheckoutInfo), qPrintable(lines[1]));
        QVERIFY2(run.err.contains(QStringLiteral("47 lines, 3 patterns")), qPrintable(run.err));
    }

    void errors()
    {
        QCOMPARE(patterns({}).exitCode, 2);
        QCOMPARE(patterns({ QStringLiteral("a"), QStringLiteral("b") }).exitCode, 2);
        const CliRun noUrl
            = patterns({ QStringLiteral("file.log"), QStringLiteral("--start"), QStringLiteral("now-1h") });
        QCOMPARE(noUrl.exitCode, 2);
        QVERIFY(noUrl.err.contains(QStringLiteral("--url")));
        const CliRun missing = patterns({ m_dir.filePath(QStringLiteral("does-not-exist.log")) });
        QCOMPARE(missing.exitCode, 1);
        QVERIFY(missing.err.contains(QStringLiteral("does-not-exist.log")));
        const CliRun metric
            = patterns({ QStringLiteral("--url"), m_url, QStringLiteral("count_over_time({service=\"checkout\"}[1m])"),
                QStringLiteral("--start"), Start, QStringLiteral("--end"), End });
        QCOMPARE(metric.exitCode, 1);
        const CliRun matrixFile = patterns({ dataPath(QStringLiteral("loki/loki-query_range-metric-by-level.json")) });
        QCOMPARE(matrixFile.exitCode, 1);
        QVERIFY2(matrixFile.err.contains(QStringLiteral("matrix")), qPrintable(describe(matrixFile)));
        // An empty file has no lines and no patterns: not an error.
        const CliRun empty = patterns({ write(QStringLiteral("empty.log"), QByteArray()) });
        QCOMPARE(empty.exitCode, 0);
        QCOMPARE(empty.json().value(u"lines").toInteger(), 0);
        QVERIFY(empty.json().value(u"patterns").toArray().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCliLogsPatterns)
#include "tst_clilogspatterns.moc"
