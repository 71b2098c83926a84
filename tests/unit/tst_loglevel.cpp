#include "analysis/loglevel.h"

#include <QTest>

using namespace firebreak;
using namespace firebreak::analysis;

Q_DECLARE_METATYPE(firebreak::analysis::LogLevel)

namespace firebreak::analysis {
char* toString(LogLevel level)
{
    return QTest::toString(logLevelName(level));
}
} // namespace firebreak::analysis

class TestLogLevel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fromText_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<LogLevel>("level");
        // logfmt: Go services (go-kit, log15, logrus' text formatter)
        QTest::newRow("logfmt level") << QByteArray(
            "ts=2026-11-25T10:03:50.742Z caller=checkout.go:142 level=warn msg=\"payment retry\" attempt=2")
                                      << LogLevel::Warn;
        QTest::newRow("logfmt quoted") << QByteArray("time=\"2026-11-25T10:03:50Z\" level=\"error\" msg=\"dial tcp: "
                                                     "connection refused\"")
                                       << LogLevel::Error;
        QTest::newRow("log15 eror") << QByteArray("t=2026-11-25T10:03:50+0000 lvl=eror msg=\"db ping failed\" err=EOF")
                                    << LogLevel::Error;
        QTest::newRow("log15 dbug") << QByteArray("t=2026-11-25T10:03:50+0000 lvl=dbug msg=tick") << LogLevel::Debug;
        QTest::newRow("logfmt crit") << QByteArray("level=crit msg=\"disk full\"") << LogLevel::Fatal;
        // The level key wins over words in the message.
        QTest::newRow("logfmt info with ERROR in msg")
            << QByteArray("level=info msg=\"ERROR budget recalculated\" slo=checkout") << LogLevel::Info;
        // JSON: a Java service (logstash encoder), zap, pino, Serilog, ECS
        QTest::newRow("java logstash json")
            << QByteArray("{\"@timestamp\":\"2026-11-25T10:03:50.742+00:00\",\"@version\":\"1\",\"message\":\"Request "
                          "failed\",\"logger_name\":\"com.shop.checkout.PaymentClient\",\"thread_name\":\"http-nio-"
                          "8080-exec-7\",\"level\":\"ERROR\",\"level_value\":40000}")
            << LogLevel::Error;
        QTest::newRow("zap json") << QByteArray("{\"level\":\"warn\",\"ts\":1795620849.742,\"caller\":\"cart/"
                                                "cart.go:88\",\"msg\":\"slow redis\",\"latency\":\"512ms\"}")
                                  << LogLevel::Warn;
        QTest::newRow("json spaced severity")
            << QByteArray("{ \"severity\" : \"WARNING\", \"message\": \"quota at 91%\" }") << LogLevel::Warn;
        QTest::newRow("pino number") << QByteArray("{\"level\":50,\"time\":1795620849742,\"pid\":7,\"msg\":\"boom\"}")
                                     << LogLevel::Error;
        QTest::newRow("pino info number")
            << QByteArray("{\"level\":30,\"time\":1795620849742,\"msg\":\"listening\"}") << LogLevel::Info;
        QTest::newRow("serilog compact") << QByteArray("{\"@t\":\"2026-11-25T10:03:50.742Z\",\"@mt\":\"Order {Id} "
                                                       "failed\",\"@l\":\"Fatal\",\"Id\":42}")
                                         << LogLevel::Fatal;
        QTest::newRow("ecs log.level") << QByteArray("{\"log.level\":\"debug\",\"message\":\"cache hit\"}")
                                       << LogLevel::Debug;
        QTest::newRow("python json logger levelname")
            << QByteArray("{\"asctime\": \"2026-11-25 10:03:50,742\", \"levelname\": \"CRITICAL\", \"message\": \"x\"}")
            << LogLevel::Fatal;
        QTest::newRow("json severity not a level")
            << QByteArray("{\"severity\":\"high\",\"msg\":\"ticket opened\"}") << LogLevel::Unknown;
        QTest::newRow("level prefix of a longer word")
            << QByteArray("level=error_budget_burn msg=computed") << LogLevel::Unknown;
        // glog / klog
        QTest::newRow("glog error") << QByteArray(
            "E1125 10:03:50.742387   12345 reflector.go:138] failed to list *v1.Pod: Unauthorized")
                                    << LogLevel::Error;
        QTest::newRow("klog info") << QByteArray("I1125 10:03:50.742387       1 leaderelection.go:248] attempting to "
                                                 "acquire leader lease kube-system/kube-scheduler...")
                                   << LogLevel::Info;
        QTest::newRow("glog warning") << QByteArray("W1125 10:03:50.000001 7 main.go:1] low memory") << LogLevel::Warn;
        QTest::newRow("glog fatal") << QByteArray("F1125 10:03:50.000001 7 main.go:1] cannot bind") << LogLevel::Fatal;
        QTest::newRow("not glog") << QByteArray("E12345 was returned by the card network") << LogLevel::Unknown;
        // Prefixes and tokens
        QTest::newRow("spring boot") << QByteArray("2026-11-25T10:03:50.742Z  WARN 1 --- [nio-8080-exec-1] "
                                                   "o.s.web.servlet.PageNotFound : No mapping for GET /favicon.ico")
                                     << LogLevel::Warn;
        QTest::newRow("python logging default") << QByteArray("WARNING:root:disk usage at 91%") << LogLevel::Warn;
        QTest::newRow("python asctime format")
            << QByteArray("2026-11-25 10:03:50,742 - payments.worker - ERROR - charge failed for order 42")
            << LogLevel::Error;
        QTest::newRow("bracketed lower") << QByteArray("2026/11/25 10:03:50 [error] 31#31: *4 connect() failed (111: "
                                                       "Connection refused) while connecting to upstream")
                                         << LogLevel::Error;
        QTest::newRow("bracketed warn") << QByteArray("[WARN] cache miss ratio 0.8") << LogLevel::Warn;
        QTest::newRow("apache module:level")
            << QByteArray("[Wed Nov 25 10:03:50.742 2026] [proxy:warn] [pid 77] AH01144") << LogLevel::Warn;
        QTest::newRow("first word") << QByteArray("2026-11-25T10:03:50.742Z info  server started on :8080")
                                    << LogLevel::Info;
        QTest::newRow("zerolog console") << QByteArray("10:03AM INF listening addr=:8080") << LogLevel::Info;
        QTest::newRow("k8s event warning")
            << QByteArray("Warning  BackOff  pod/checkout-7d9f  Back-off restarting failed container")
            << LogLevel::Warn;
        QTest::newRow("k8s event normal")
            << QByteArray("Normal  Scheduled  pod/checkout-7d9f  Successfully assigned") << LogLevel::Unknown;
        QTest::newRow("go panic") << QByteArray(
            "panic: runtime error: invalid memory address or nil pointer dereference")
                                  << LogLevel::Fatal;
        QTest::newRow("python traceback") << QByteArray("Traceback (most recent call last):") << LogLevel::Error;
        QTest::newRow("java uncaught") << QByteArray(
            "Exception in thread \"main\" java.lang.IllegalStateException: boom")
                                       << LogLevel::Error;
        QTest::newRow("traceback frame") << QByteArray("  File \"/app/worker.py\", line 42, in charge")
                                         << LogLevel::Unknown;
        QTest::newRow("java frame") << QByteArray("\tat com.shop.checkout.PaymentClient.charge(PaymentClient.java:88)")
                                    << LogLevel::Unknown;
        QTest::newRow("syslog priority") << QByteArray("<11>Nov 25 10:03:50 host app[42]: worker crashed")
                                         << LogLevel::Error;
        QTest::newRow("syslog word colon")
            << QByteArray("Nov 25 10:03:50 host sshd[42]: error: kex_exchange_identification") << LogLevel::Error;
        // Words that are not a level where they stand
        QTest::newRow("nginx access") << QByteArray(
            "10.42.0.7 - - [25/Nov/2026:10:03:50 +0000] \"GET /api/errors HTTP/1.1\" 500 153 \"-\" \"curl/8.4.0\"")
                                      << LogLevel::Unknown;
        QTest::newRow("lower error in prose")
            << QByteArray("retrying after a transient error in the payment call") << LogLevel::Unknown;
        QTest::newRow("word glued to digits") << QByteArray("code ERROR42 seen") << LogLevel::Unknown;
        QTest::newRow("prose beyond window") << (QByteArray(300, 'x') + " ERROR late") << LogLevel::Unknown;
        QTest::newRow("empty") << QByteArray() << LogLevel::Unknown;
    }
    void fromText()
    {
        QFETCH(QByteArray, line);
        QFETCH(LogLevel, level);
        QCOMPARE(detectLevelInText(line), level);
    }

    void labelsComeFirst()
    {
        LogBatch batch;
        const qint32 labelled = batch.addStream({ { QStringLiteral("app"), QStringLiteral("cart") },
            { QStringLiteral("level"), QStringLiteral("WARNING") } });
        const qint32 severity = batch.addStream({ { QStringLiteral("severity"), QStringLiteral("critical") } });
        const qint32 plain = batch.addStream({ { QStringLiteral("app"), QStringLiteral("cart") } });
        const qint32 odd = batch.addStream({ { QStringLiteral("level"), QStringLiteral("verbose") } });
        batch.append(1, labelled, "level=error msg=x"); // the stream label wins over the text
        batch.append(2, severity, "all good");
        LogLineExtra metadata;
        metadata.structuredMetadata.insert(QStringLiteral("detected_level"), QStringLiteral("debug"));
        metadata.parsed.insert(QStringLiteral("level"), QStringLiteral("error"));
        batch.append(3, plain, "ERROR in text", metadata); // structured metadata before parsed labels and text
        LogLineExtra parsed;
        parsed.parsed.insert(QStringLiteral("lvl"), QStringLiteral("info"));
        batch.append(4, plain, "ERROR in text", parsed);
        batch.append(5, plain, "ERROR in text");
        batch.append(6, odd, "[warn] unknown label value falls through to the text");

        const std::vector<LogLevel> expected { LogLevel::Warn, LogLevel::Fatal, LogLevel::Debug, LogLevel::Info,
            LogLevel::Error, LogLevel::Warn };
        for (qsizetype i = 0; i < batch.size(); ++i)
            QCOMPARE(detectLevel(batch, batch.at(i)), expected[static_cast<std::size_t>(i)]);
        QCOMPARE(detectLevels(batch), expected);
        QCOMPARE(detectLevels(batch, 4), std::vector<LogLevel>(expected.begin() + 4, expected.end()));
        QVERIFY(detectLevels(batch, 6).empty());
    }

    void detectLevelsInParallelIsInOrder()
    {
        // Big enough for several chunks on the pool; every line's level is known from its index.
        LogBatch batch;
        const qint32 stream = batch.addStream({ { QStringLiteral("app"), QStringLiteral("x") } });
        const char* const lines[]
            = { "level=info msg=a", "level=warn msg=b", "ERROR c", "no level here", "{\"level\":\"debug\"}" };
        const LogLevel levels[]
            = { LogLevel::Info, LogLevel::Warn, LogLevel::Error, LogLevel::Unknown, LogLevel::Debug };
        constexpr qsizetype Count = 100003;
        for (qsizetype i = 0; i < Count; ++i)
            batch.append(i, stream, lines[i % 5]);
        const std::vector<LogLevel> detected = detectLevels(batch);
        QCOMPARE(qsizetype(detected.size()), Count);
        for (qsizetype i = 0; i < Count; ++i) {
            if (detected[static_cast<std::size_t>(i)] != levels[i % 5])
                QFAIL(qPrintable(QStringLiteral("line %1").arg(i)));
        }
    }

    void names()
    {
        QCOMPARE(logLevelName(LogLevel::Warn), QStringLiteral("warn"));
        QCOMPARE(logLevelName(LogLevel::Fatal), QStringLiteral("fatal"));
        QCOMPARE(logLevelName(LogLevel::Unknown), QStringLiteral("unknown"));
        QCOMPARE(logLevelFromText(u" Warning "), LogLevel::Warn);
        QCOMPARE(logLevelFromText(u"ERR"), LogLevel::Error);
        QCOMPARE(logLevelFromText(u"emerg"), LogLevel::Fatal);
        QCOMPARE(logLevelFromText(u"panic"), LogLevel::Fatal);
        QCOMPARE(logLevelFromText(u"Information"), LogLevel::Info);
        QCOMPARE(logLevelFromText(u"finest"), LogLevel::Trace);
        QCOMPARE(logLevelFromText(u"40"), LogLevel::Warn);
        QCOMPARE(logLevelFromText(u"unknown"), std::nullopt);
        QCOMPARE(logLevelFromText(u"erreur"), std::nullopt);
        QCOMPARE(logLevelFromText(u"wärn"), std::nullopt);
        for (int i = 1; i < LogLevelCount; ++i) {
            const auto level = static_cast<LogLevel>(i);
            QCOMPARE(logLevelFromText(logLevelName(level)), level);
        }
        QCOMPARE(logLevelBit(LogLevel::Unknown), 1u);
        QCOMPARE(logLevelBit(LogLevel::Fatal), 64u);
    }
};

QTEST_GUILESS_MAIN(TestLogLevel)
#include "tst_loglevel.moc"
