#include "clirun.h"
#include "net/httpclient.h"

#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QTest>

using namespace firebreak;
using namespace firebreak::test;

namespace {

// The fixture's data: the recorded push (88 lines, 2026-11-25 15:34–15:44 UTC) and
// fake-loki-same-nanosecond.json (35 lines of {job="burst"}, 15 of them at one nanosecond).
const QString Start = QStringLiteral("1795620619972090840");
const QString End = QStringLiteral("1795621579972090840");

QString fixtureUrl()
{
    QFile file(qEnvironmentVariable("FIREBREAK_FAKE_LOKI_URL_FILE"));
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll().trimmed()) : QString();
}

} // namespace

/// `firebreak-cli logs query` against fake-loki started by the CTest fixture "fakeloki", which allows 20 lines
/// per query: every --limit above that is reached page by page.
class TestCliLogs : public QObject
{
    Q_OBJECT

private:
    QString m_url;

    CliRun logs(const QStringList& arguments)
    {
        return runCli(QStringList { QStringLiteral("logs"), QStringLiteral("query"), QStringLiteral("--url"), m_url }
            + arguments);
    }

    void injectFault(const QByteArray& json)
    {
        net::HttpClient http;
        net::HttpRequest request;
        request.method = QByteArrayLiteral("POST");
        request.url = QUrl(m_url + QStringLiteral("/-/fault"));
        request.body = json;
        request.headers.append({ QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json") });
        QEventLoop loop;
        net::HttpResult result;
        http.sendTo(request, &loop, [&](net::HttpResult r) {
            result = std::move(r);
            loop.quit();
        });
        loop.exec();
        QVERIFY2(result.ok(), qPrintable(result.error ? result.error->message : QString()));
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_url = fixtureUrl();
        QVERIFY2(!m_url.isEmpty(),
            "No fake-loki URL: run through ctest (fixture 'fakeloki', tests/servers/loki/fake-loki-fixture.sh)");
    }

    void textOneLinePerLogLine()
    {
        const CliRun run = logs({ QStringLiteral(R"({service="checkout"} |= "error")"), QStringLiteral("--start"),
            Start, QStringLiteral("--end"), End, QStringLiteral("--limit"), QStringLiteral("3") });
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        const QStringList lines = run.outLines();
        QCOMPARE(lines.size(), 3);
        QCOMPARE(lines.first(),
            QStringLiteral(R"(2026-11-25T15:43:50.742387522Z {env="dev", level="error", service="checkout"} )"
                           R"(level=error msg="payment failed: card gateway timeout" order_id=ord-1042 )"
                           R"(trace_id=4bf92f3577b34da6a3ce929d0e0e4736 status=502)"));
        // Cut by the limit: said on stderr, with where to continue.
        QVERIFY2(run.err.contains(QLatin1String("more than 3 lines")), qPrintable(run.err));
        QVERIFY2(run.err.contains(QLatin1String("--end 1795621330742387523")), qPrintable(run.err));
    }

    void jsonPastTheServerLimit_data()
    {
        QTest::addColumn<QString>("direction");
        QTest::newRow("backward") << QStringLiteral("backward");
        QTest::newRow("forward") << QStringLiteral("forward");
    }

    void jsonPastTheServerLimit()
    {
        QFETCH(QString, direction);
        const CliRun run = runCli(
            { QStringLiteral("--json"), QStringLiteral("logs"), QStringLiteral("query"), QStringLiteral("--url"), m_url,
                QStringLiteral(R"({env="dev"})"), QStringLiteral("--start"), Start, QStringLiteral("--end"), End,
                QStringLiteral("--limit"), QStringLiteral("1000"), QStringLiteral("--direction"), direction });
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        const QJsonObject doc = run.json();
        QCOMPARE(doc.value(u"truncated").toBool(true), false);
        const QJsonArray lines = doc.value(u"lines").toArray();
        QCOMPARE(lines.size(), 88);
        QVERIFY(doc.value(u"requests").toInt() >= 5); // 20 lines per request
        QSet<QString> unique;
        QString previous;
        for (const QJsonValue& value : lines) {
            const QJsonObject line = value.toObject();
            // Nanoseconds as a string of digits: exact, where a JSON number would lose the last digits.
            const QString ns = line.value(u"ts_ns").toString();
            QCOMPARE(ns.size(), 19);
            QVERIFY(line.value(u"labels").toObject().contains(u"service"));
            QVERIFY(!line.value(u"line").toString().isEmpty());
            unique.insert(ns + line.value(u"line").toString());
            if (!previous.isEmpty())
                QVERIFY(direction == QLatin1String("forward") ? previous <= ns : previous >= ns);
            previous = ns;
        }
        QCOMPARE(unique.size(), 88);
        const QJsonObject first = lines.first().toObject();
        if (direction == QLatin1String("backward")) {
            QCOMPARE(first.value(u"ts_ns").toString(), QStringLiteral("1795621430742387522"));
            QCOMPARE(first.value(u"time").toString(), QStringLiteral("2026-11-25T15:43:50.742387522Z"));
        } else {
            QCOMPARE(first.value(u"ts_ns").toString(), QStringLiteral("1795620849542387522"));
            QCOMPARE(first.value(u"labels").toObject().value(u"service").toString(), QStringLiteral("frontend"));
        }
    }

    void sameNanosecondAcrossPages()
    {
        const CliRun run = runCli({ QStringLiteral("--json"), QStringLiteral("logs"), QStringLiteral("query"),
            QStringLiteral("--url"), m_url, QStringLiteral(R"({job="burst"})"), QStringLiteral("--start"), Start,
            QStringLiteral("--end"), End, QStringLiteral("--limit"), QStringLiteral("35") });
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        const QJsonArray lines = run.json().value(u"lines").toArray();
        QCOMPARE(lines.size(), 35);
        QSet<QString> unique;
        int atTheNanosecond = 0;
        for (const QJsonValue& value : lines) {
            const QJsonObject line = value.toObject();
            unique.insert(line.value(u"ts_ns").toString() + line.value(u"labels").toObject().value(u"pod").toString()
                + line.value(u"line").toString());
            atTheNanosecond += line.value(u"ts_ns").toString() == QLatin1String("1795621000000000000") ? 1 : 0;
        }
        QCOMPARE(unique.size(), 35);
        QCOMPARE(atTheNanosecond, 15);
        QCOMPARE(run.json().value(u"truncated").toBool(true), false);
        QVERIFY(run.json().value(u"warnings").toArray().isEmpty());
    }

    void truncatedJson()
    {
        const CliRun run = runCli({ QStringLiteral("--json"), QStringLiteral("logs"), QStringLiteral("query"),
            QStringLiteral("--url"), m_url, QStringLiteral(R"({env="dev"})"), QStringLiteral("--start"), Start,
            QStringLiteral("--end"), End, QStringLiteral("--limit"), QStringLiteral("50") });
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        const QJsonObject doc = run.json();
        QCOMPARE(doc.value(u"lines").toArray().size(), 50);
        QCOMPARE(doc.value(u"truncated").toBool(false), true);
        QCOMPARE(doc.value(u"reached_ns").toString(),
            doc.value(u"lines").toArray().last().toObject().value(u"ts_ns").toString());
    }

    void metricQuery()
    {
        const CliRun run = logs({ QStringLiteral(R"(sum by (level) (count_over_time({service="checkout"}[1m])))"),
            QStringLiteral("--start"), Start, QStringLiteral("--end"), End, QStringLiteral("--step"),
            QStringLiteral("1m") });
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        const QStringList lines = run.outLines();
        QCOMPARE(lines.first(), QStringLiteral(R"({level="error"})"));
        QCOMPARE(lines.at(1), QStringLiteral("  2026-11-25T15:35:00Z 1"));
        QVERIFY(lines.contains(QStringLiteral("  2026-11-25T15:44:00Z 2")));
    }

    void failures()
    {
        const CliRun parse = logs({ QStringLiteral(R"({service="checkout" |= "error")"), QStringLiteral("--start"),
            Start, QStringLiteral("--end"), End });
        QCOMPARE(parse.exitCode, 1);
        QCOMPARE(parse.errLines().size(), 1);
        QCOMPARE(parse.errLines().first(),
            QStringLiteral("firebreak-cli: Loki at %1/loki/api/v1/query_range answered 400: parse error at line 0, "
                           "col 21: syntax error: unexpected |=, expecting } or ,")
                .arg(m_url));
        QVERIFY(parse.out.isEmpty());

        injectFault(R"({"pathPrefix":"/loki/api/v1/query_range","status":500,"body":"internal error: boom"})");
        const CliRun broken = logs(
            { QStringLiteral(R"({env="dev"})"), QStringLiteral("--start"), Start, QStringLiteral("--end"), End });
        QCOMPARE(broken.exitCode, 1);
        QVERIFY2(broken.err.contains(QLatin1String("answered 500: internal error: boom")), qPrintable(broken.err));
    }

    void usage_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("says");
        QTest::newRow("no_query") << QStringList {} << QStringLiteral("LogQL");
        QTest::newRow("bad_limit") << QStringList { QStringLiteral("{a=\"b\"}"), QStringLiteral("--limit"),
            QStringLiteral("0") } << QStringLiteral("--limit");
        QTest::newRow("bad_direction") << QStringList { QStringLiteral("{a=\"b\"}"), QStringLiteral("--direction"),
            QStringLiteral("up") } << QStringLiteral("--direction");
        QTest::newRow("bad_time") << QStringList { QStringLiteral("{a=\"b\"}"), QStringLiteral("--start"),
            QStringLiteral("yesterday") }
                                  << QStringLiteral("--start");
        QTest::newRow("end_before_start") << QStringList { QStringLiteral("{a=\"b\"}"), QStringLiteral("--start"), End,
            QStringLiteral("--end"), Start }
                                          << QStringLiteral("before");
    }

    void usage()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, says);
        const CliRun run = logs(arguments);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(says), qPrintable(run.err));
    }

    void noUrl()
    {
        const CliRun run = runCli({ QStringLiteral("logs"), QStringLiteral("query"), QStringLiteral("{a=\"b\"}") });
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QLatin1String("--url")), qPrintable(run.err));
    }
};

QTEST_GUILESS_MAIN(TestCliLogs)
#include "tst_clilogs.moc"
