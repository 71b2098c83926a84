#include "clirun.h"
#include "model/traceparser.h"
#include "net/httpclient.h"

#include <QEventLoop>
#include <QFile>
#include <QJsonObject>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace firebreak;
using namespace firebreak::test;

namespace {

constexpr auto TraceIdHex = "4bf92f3577b34da6a3ce929d0e0e4736";

QString fixtureUrl()
{
    QFile file(qEnvironmentVariable("FIREBREAK_FAKE_TEMPO_URL_FILE"));
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll().trimmed()) : QString();
}

} // namespace

/// `firebreak-cli trace get` against fake-tempo started by the CTest fixture "faketempo" (the recorded push:
/// one trace of 20 spans over frontend, checkout and payment, 7 of them errors).
class TestCliTrace : public QObject
{
    Q_OBJECT

private:
    QString m_url;
    QTemporaryDir m_dir;

    /// Arms a fault in the fixture's server through its HTTP control endpoint.
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
            "No fake-tempo URL: run through ctest (fixture 'faketempo') or set FIREBREAK_FAKE_TEMPO_URL_FILE");
        QVERIFY(m_dir.isValid());
    }

    void summary()
    {
        const CliRun run = runCli({ QStringLiteral("trace"), QStringLiteral("get"), QStringLiteral("--url"), m_url,
            QString::fromLatin1(TraceIdHex) });
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        QVERIFY(run.err.isEmpty());
        QCOMPARE(run.outLines(),
            QStringList(QStringLiteral("4bf92f3577b34da6a3ce929d0e0e4736: 20 spans, 3 services, 900 ms, 7 errors, "
                                       "root frontend: GET /checkout")));
    }

    void json()
    {
        const CliRun run = runCli({ QStringLiteral("--json"), QStringLiteral("trace"), QStringLiteral("get"),
            QStringLiteral("--url"), m_url, QString::fromLatin1(TraceIdHex) });
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        const QJsonObject doc = run.json();
        QCOMPARE(doc.value(u"trace_id").toString(), QLatin1String(TraceIdHex));
        QCOMPARE(doc.value(u"spans").toInt(), 20);
        QCOMPARE(doc.value(u"services").toInt(), 3);
        QCOMPARE(doc.value(u"errors").toInt(), 7);
        QCOMPARE(doc.value(u"duration_ns").toInteger(), 900000000);
        QCOMPARE(doc.value(u"root_span").toString(), QStringLiteral("GET /checkout"));
        QCOMPARE(doc.value(u"answered").toString(), QStringLiteral("protobuf"));
        QVERIFY(doc.value(u"source").toString().startsWith(m_url + QStringLiteral("/api/")));
    }

    void writesProtobuf()
    {
        const QString file = m_dir.filePath(QStringLiteral("trace.pb"));
        const CliRun run = runCli({ QStringLiteral("trace"), QStringLiteral("get"), QStringLiteral("--url"), m_url,
            QString::fromLatin1(TraceIdHex), QStringLiteral("-o"), file });
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        QVERIFY2(run.out.contains(u"written to " + file + u" (protobuf, "), qPrintable(run.out));
        const TraceParseResult parsed = readTraceFile(file);
        QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error->text()));
        QCOMPARE(parsed.trace->spanCount(), 20);
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.read(1), QByteArray(1, '\x0a')); // field 1, length-delimited: a tempopb.Trace
    }

    void writesOtlpJson()
    {
        const QString file = m_dir.filePath(QStringLiteral("trace.JSON"));
        const CliRun run = runCli({ QStringLiteral("--json"), QStringLiteral("trace"), QStringLiteral("get"),
            QStringLiteral("--url"), m_url, QString::fromLatin1(TraceIdHex), QStringLiteral("--output"), file });
        QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
        QCOMPARE(run.json().value(u"format").toString(), QStringLiteral("otlp-json"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        QVERIFY(bytes.contains(R"("traceId": "4bf92f3577b34da6a3ce929d0e0e4736")"));
        const TraceParseResult parsed = parseTraceJson(bytes);
        QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error->text()));
        QCOMPARE(parsed.trace->spanCount(), 20);
        QCOMPARE(parsed.trace->errorCount(), 7);
    }

    void notFound()
    {
        const CliRun run = runCli({ QStringLiteral("trace"), QStringLiteral("get"), QStringLiteral("--url"), m_url,
            QStringLiteral("00000000000000000000000000000bad") });
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.out.isEmpty());
        QCOMPARE(run.errLines().size(), 1);
        QVERIFY2(
            run.err.startsWith(u"firebreak-cli: Trace 00000000000000000000000000000bad not found in Tempo at " + m_url),
            qPrintable(run.err));
    }

    void serverError()
    {
        injectFault(R"({"pathPrefix":"/api/","status":500,"body":"querier unavailable\n","times":2})");
        const CliRun run = runCli({ QStringLiteral("trace"), QStringLiteral("get"), QStringLiteral("--url"), m_url,
            QString::fromLatin1(TraceIdHex) });
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(u"answered 500: querier unavailable"), qPrintable(run.err));
    }

    void serverDown()
    {
        quint16 port = 0;
        {
            QTcpServer server;
            QVERIFY(server.listen(QHostAddress::LocalHost));
            port = server.serverPort();
        }
        const CliRun run = runCli({ QStringLiteral("trace"), QStringLiteral("get"), QStringLiteral("--url"),
            QStringLiteral("http://127.0.0.1:%1").arg(port), QString::fromLatin1(TraceIdHex),
            QStringLiteral("--timeout"), QStringLiteral("2") });
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(u"connection refused"), qPrintable(run.err));
    }

    void badUsage_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::addRow("no_url") << QStringList { QString::fromLatin1(TraceIdHex) }
                                << QStringLiteral("--url is required");
        QTest::addRow("no_id") << QStringList { QStringLiteral("--url"), QStringLiteral("http://127.0.0.1:1") }
                               << QStringLiteral("exactly one trace id");
        QTest::addRow("not_hex") << QStringList { QStringLiteral("--url"), QStringLiteral("http://127.0.0.1:1"),
            QStringLiteral("xyz") }
                                 << QStringLiteral("not a trace id");
        QTest::addRow("bad_url") << QStringList { QStringLiteral("--url"), QStringLiteral("ftp://x"),
            QString::fromLatin1(TraceIdHex) }
                                 << QStringLiteral("http");
    }

    void badUsage()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const CliRun run = runCli(QStringList { QStringLiteral("trace"), QStringLiteral("get") } + arguments);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
    }

    void listedInHelp()
    {
        const CliRun run = runCli({ QStringLiteral("--help") });
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains(u"trace get --url URL ID [-o FILE] [--json]"));
    }
};

QTEST_GUILESS_MAIN(TestCliTrace)
#include "tst_clitrace.moc"
