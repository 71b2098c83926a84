#include "analysis/logfields.h"

#include <QTest>

using namespace firebreak::analysis;

namespace {

using Fields = QList<QPair<QString, QString>>;

Fields fields(std::initializer_list<std::pair<const char*, const char*>> list)
{
    Fields out;
    for (const auto& [key, value] : list)
        out.append({ QString::fromUtf8(key), QString::fromUtf8(value) });
    return out;
}

} // namespace

class TestLogFields : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void json()
    {
        // A Java service's logstash-encoder line with a nested object and an array.
        const QByteArray line
            = "{\"@timestamp\":\"2026-11-25T10:03:50.742+00:00\",\"level\":\"ERROR\","
              "\"logger_name\":\"com.shop.checkout.PaymentClient\",\"message\":\"Charge \\\"failed\\\"\\n\\tretrying\","
              "\"http\":{\"method\":\"POST\",\"status\":502,\"request\":{\"path\":\"/v1/charges\"}},"
              "\"tags\":[\"payments\",\"retry\"],\"retryable\":true,\"customer\":null,\"amount\":-12.50e0,"
              "\"user-agent\":\"okhttp/4.12\",\"3ds\":false,\"city\":\"Z\\u00fcrich \\ud83d\\ude00\"}";
        QCOMPARE(parseLogFields(line),
            fields({ { "_timestamp", "2026-11-25T10:03:50.742+00:00" }, { "level", "ERROR" },
                { "logger_name", "com.shop.checkout.PaymentClient" }, { "message", "Charge \"failed\"\n\tretrying" },
                { "http_method", "POST" }, { "http_status", "502" }, { "http_request_path", "/v1/charges" },
                { "retryable", "true" }, { "customer", "" }, { "amount", "-12.50e0" }, { "user_agent", "okhttp/4.12" },
                { "_3ds", "false" }, { "city", "Zürich 😀" } }));
        QCOMPARE(
            parseLogFields("  {\"a\":{}, \"b\" : [ [1, {\"x\":2}], \"s\" ], \"c\":\"d\"}  "), fields({ { "c", "d" } }));
        QCOMPARE(parseLogFields("{}"), Fields());
    }

    void brokenJson()
    {
        QCOMPARE(parseLogFields("{\"a\":1"), Fields());
        QCOMPARE(parseLogFields("{\"a\":1} trailing"), Fields());
        QCOMPARE(parseLogFields("{\"a\":tru}"), Fields());
        QCOMPARE(parseLogFields("{\"a\":\"bad \\x escape\"}"), Fields());
        QCOMPARE(parseJsonFields("[1,2]"), Fields());
        QCOMPARE(parseJsonFields("level=info"), Fields());
        // Deep nesting is refused rather than recursing without end.
        QByteArray deep;
        for (int i = 0; i < 100000; ++i)
            deep += "{\"a\":";
        QCOMPARE(parseLogFields(deep), Fields());
    }

    void logfmt()
    {
        // Go services: go-kit and logrus.
        QCOMPARE(parseLogFields("ts=2026-11-25T10:03:50.742Z caller=checkout.go:142 level=warn msg=\"payment "
                                "retry\" attempt=2 err=\"dial tcp 10.0.0.7:5432: i/o timeout\""),
            fields({ { "ts", "2026-11-25T10:03:50.742Z" }, { "caller", "checkout.go:142" }, { "level", "warn" },
                { "msg", "payment retry" }, { "attempt", "2" }, { "err", "dial tcp 10.0.0.7:5432: i/o timeout" } }));
        QCOMPARE(parseLogFields("msg=\"say \\\"hi\\\"\\n\\\\ \\u00e9\" empty= flag path=/a=b"),
            fields({ { "msg", "say \"hi\"\n\\ é" }, { "empty", "" }, { "path", "/a=b" } }));
        // A prefix before the pairs, and dotted keys sanitised.
        QCOMPARE(parseLogFields("2026-11-25 INFO http.method=GET http.status_code=200"),
            fields({ { "http_method", "GET" }, { "http_status_code", "200" } }));
        // Unterminated quote: the fields before it are kept.
        QCOMPARE(parseLogFields("a=1 b=\"open"), fields({ { "a", "1" } }));
        QCOMPARE(parseLogFields("duplicate=1 duplicate=2"), fields({ { "duplicate", "1" }, { "duplicate", "2" } }));
    }

    void neither()
    {
        QCOMPARE(
            parseLogFields("10.42.0.7 - - [25/Nov/2026:10:03:50 +0000] \"GET /api/cart HTTP/1.1\" 200 153"), Fields());
        QCOMPARE(parseLogFields("Traceback (most recent call last):"), Fields());
        QCOMPARE(parseLogFields(""), Fields());
    }

    void names()
    {
        QCOMPARE(sanitizeFieldName("service.name"), QStringLiteral("service_name"));
        QCOMPARE(sanitizeFieldName("1st"), QStringLiteral("_1st"));
        QCOMPARE(sanitizeFieldName("ok_NAME9"), QStringLiteral("ok_NAME9"));
        QCOMPARE(sanitizeFieldName("é-x"), QStringLiteral("__x")); // per character, as Loki
    }
};

QTEST_GUILESS_MAIN(TestLogFields)
#include "tst_logfields.moc"
