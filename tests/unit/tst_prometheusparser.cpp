#include "backends/prometheus/prometheusparser.h"

#include <QTest>

#include <cmath>
#include <limits>

using namespace firebreak;
using namespace firebreak::prometheus;

namespace {

// QVERIFY2 evaluates its message even when the check passes.
template <typename T> QString errorText(const T& result)
{
    return result.error ? result.error->message : QString();
}

} // namespace

/// Answers in the exact shape Prometheus 2.42 writes them (see the HTTP API documentation), and broken ones.
class TestPrometheusParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void matrixResult()
    {
        const auto parsed = parseQueryResponse(
            QByteArrayLiteral(R"({"status":"success","data":{"resultType":"matrix","result":[)"
                              R"({"metric":{"__name__":"up","job":"prometheus","instance":"localhost:9090"},)"
                              R"("values":[[1435781430.781,"1"],[1435781445.781,"0.5"],[1435781460.781,"NaN"]]},)"
                              R"({"metric":{"job":"node"},"values":[[1435781430,"+Inf"],[1435781445,"-Inf"]]}]}})"));
        QVERIFY2(parsed.ok(), qPrintable(errorText(parsed)));
        QVERIFY(!parsed.error);
        QVERIFY(parsed.warnings.isEmpty());
        const QueryResult& r = *parsed.value;
        QCOMPARE(r.type, ResultType::Matrix);
        QCOMPARE(r.series.size(), std::size_t(2));
        const Series& up = r.series[0];
        QCOMPARE(up.labels.size(), 3);
        QCOMPARE(up.labels.value(QStringLiteral("__name__")), QStringLiteral("up"));
        QCOMPARE(up.labels.value(QStringLiteral("instance")), QStringLiteral("localhost:9090"));
        QCOMPARE(up.timesMs, (std::vector<qint64> { 1435781430781, 1435781445781, 1435781460781 }));
        QCOMPARE(up.values[0], 1.0);
        QCOMPARE(up.values[1], 0.5);
        QVERIFY(std::isnan(up.values[2]));
        const Series& node = r.series[1];
        QCOMPARE(node.timesMs, (std::vector<qint64> { 1435781430000, 1435781445000 }));
        QCOMPARE(node.values[0], std::numeric_limits<double>::infinity());
        QCOMPARE(node.values[1], -std::numeric_limits<double>::infinity());
    }

    void vectorWithWarnings()
    {
        const auto parsed = parseQueryResponse(QByteArrayLiteral(
            R"({"status":"success","data":{"resultType":"vector","result":[)"
            R"({"metric":{},"value":[1700000000.5,"42"]},{"metric":{"code":"500"},"value":[1700000000.5,"-0.25"]}]},)"
            R"("warnings":["PromQL info: metric might not be a counter","second"]})"));
        QVERIFY(parsed.ok());
        QCOMPARE(parsed.value->type, ResultType::Vector);
        QCOMPARE(parsed.value->series.size(), std::size_t(2));
        QVERIFY(parsed.value->series[0].labels.isEmpty());
        QCOMPARE(parsed.value->series[0].timesMs, std::vector<qint64> { 1700000000500 });
        QCOMPARE(parsed.value->series[0].values, std::vector<double> { 42 });
        QCOMPARE(parsed.value->series[1].values, std::vector<double> { -0.25 });
        QCOMPARE(parsed.warnings,
            (QStringList { QStringLiteral("PromQL info: metric might not be a counter"), QStringLiteral("second") }));
    }

    void emptyVector()
    {
        const auto parsed = parseQueryResponse(
            QByteArrayLiteral(R"({"status":"success","data":{"resultType":"vector","result":[]}})"));
        QVERIFY(parsed.ok());
        QVERIFY(parsed.value->series.empty());
    }

    void scalarResult()
    {
        const auto parsed = parseQueryResponse(QByteArrayLiteral(
            R"({"status":"success","data":{"resultType":"scalar","result":[1700000000,"3.5e+06"]}})"));
        QVERIFY(parsed.ok());
        QCOMPARE(parsed.value->type, ResultType::Scalar);
        QCOMPARE(parsed.value->series.size(), std::size_t(1));
        QVERIFY(parsed.value->series[0].labels.isEmpty());
        QCOMPARE(parsed.value->series[0].timesMs, std::vector<qint64> { 1700000000000 });
        QCOMPARE(parsed.value->series[0].values, std::vector<double> { 3.5e6 });
    }

    void stringResult()
    {
        const auto parsed = parseQueryResponse(QByteArrayLiteral(
            R"({"status":"success","data":{"resultType":"string","result":[1700000000.001,"héllo"]}})"));
        QVERIFY(parsed.ok());
        QCOMPARE(parsed.value->type, ResultType::String);
        QVERIFY(parsed.value->series.empty());
        QCOMPARE(parsed.value->text, QStringLiteral("héllo"));
        QCOMPARE(parsed.value->textTimeMs, 1700000000001);
    }

    void hugeAndTinyValues()
    {
        const auto parsed = parseQueryResponse(QByteArrayLiteral(
            R"({"status":"success","data":{"resultType":"vector","result":[)"
            R"({"metric":{},"value":[0,"1.7976931348623157e+308"]},{"metric":{},"value":[-1,"5e-324"]},)"
            R"({"metric":{},"value":[253402300799.999,"18446744073709551616"]}]}})"));
        QVERIFY2(parsed.ok(), qPrintable(errorText(parsed)));
        const auto& s = parsed.value->series;
        QCOMPARE(s[0].values[0], std::numeric_limits<double>::max());
        QCOMPARE(s[0].timesMs[0], 0);
        QCOMPARE(s[1].values[0], std::numeric_limits<double>::denorm_min());
        QCOMPARE(s[1].timesMs[0], -1000);
        QCOMPARE(s[2].values[0], 18446744073709551616.0);
        QCOMPARE(s[2].timesMs[0], 253402300799999); // 9999-12-31T23:59:59.999Z
    }

    void sampleValue_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<double>("expected");
        QTest::newRow("integer") << QStringLiteral("17") << true << 17.0;
        QTest::newRow("negative_fraction") << QStringLiteral("-0.125") << true << -0.125;
        QTest::newRow("exponent") << QStringLiteral("1e-9") << true << 1e-9;
        QTest::newRow("plus_inf") << QStringLiteral("+Inf") << true << std::numeric_limits<double>::infinity();
        QTest::newRow("minus_inf") << QStringLiteral("-Inf") << true << -std::numeric_limits<double>::infinity();
        QTest::newRow("overflow_1e400") << QStringLiteral("1e400") << false << 0.0;
        QTest::newRow("lower_case_nan") << QStringLiteral("nan") << false << 0.0;
        QTest::newRow("lower_case_inf") << QStringLiteral("inf") << false << 0.0;
        QTest::newRow("empty") << QString() << false << 0.0;
        QTest::newRow("trailing_garbage") << QStringLiteral("1.5x") << false << 0.0;
        QTest::newRow("leading_space") << QStringLiteral(" 1") << false << 0.0;
        QTest::newRow("hex") << QStringLiteral("0x10") << false << 0.0;
    }

    void sampleValue()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QFETCH(double, expected);
        const auto value = parseSampleValue(text);
        QCOMPARE(value.has_value(), valid);
        if (valid)
            QCOMPARE(*value, expected);
        QVERIFY(std::isnan(parseSampleValue(QStringLiteral("NaN")).value_or(0)));
    }

    void apiError()
    {
        const QByteArray body = QByteArrayLiteral(
            R"({"status":"error","errorType":"bad_data","error":"1:5: parse error: unexpected right parenthesis ')'"})");
        const auto parsed = parseQueryResponse(body);
        QVERIFY(!parsed.ok());
        QVERIFY(parsed.error);
        QCOMPARE(parsed.error->kind, ParseError::Kind::Api);
        QCOMPARE(parsed.error->errorType, QStringLiteral("bad_data"));
        QCOMPARE(parsed.error->message, QStringLiteral("bad_data: 1:5: parse error: unexpected right parenthesis ')'"));
        const auto envelope = parseErrorResponse(body);
        QVERIFY(envelope);
        QCOMPARE(envelope->message, parsed.error->message);
        QVERIFY(!parseErrorResponse(QByteArrayLiteral("404 page not found")));
        QVERIFY(!parseErrorResponse(QByteArrayLiteral(R"({"status":"success","data":[]})")));
    }

    void apiErrorWithoutType()
    {
        const auto parsed = parseStringListResponse(QByteArrayLiteral(R"({"status":"error","error":"boom"})"));
        QCOMPARE(parsed.error->kind, ParseError::Kind::Api);
        QVERIFY(parsed.error->errorType.isEmpty());
        QCOMPARE(parsed.error->message, QStringLiteral("boom"));
    }

    void malformedQuery_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("message");
        QTest::newRow("empty_body") << QByteArray() << QStringLiteral("empty answer, expected JSON");
        QTest::newRow("html_page") << QByteArrayLiteral("<html>502 Bad Gateway</html>")
                                   << QStringLiteral("not valid JSON (at byte 1 of 28)");
        QTest::newRow("truncated") << QByteArrayLiteral(
            "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"res")
                                   << QStringLiteral("not valid JSON: the answer ends early, after byte 54");
        QTest::newRow("array_at_top") << QByteArrayLiteral("[1,2]")
                                      << QStringLiteral("expected a JSON object, got an array");
        QTest::newRow("no_status") << QByteArrayLiteral(R"({"data":{}})")
                                   << QStringLiteral("no \"status\" in the answer");
        QTest::newRow("odd_status") << QByteArrayLiteral(R"({"status":"maybe"})")
                                    << QStringLiteral("status: expected \"success\" or \"error\", got \"maybe\"");
        QTest::newRow("no_data") << QByteArrayLiteral(R"({"status":"success"})")
                                 << QStringLiteral("answer: missing \"data\"");
        QTest::newRow("data_is_string") << QByteArrayLiteral(R"({"status":"success","data":"x"})")
                                        << QStringLiteral("data: expected an object, got a string");
        QTest::newRow("unknown_result_type")
            << QByteArrayLiteral(R"({"status":"success","data":{"resultType":"tensor","result":[]}})")
            << QStringLiteral("data.resultType: unknown result type \"tensor\"");
        QTest::newRow("result_not_array")
            << QByteArrayLiteral(R"({"status":"success","data":{"resultType":"matrix","result":{}}})")
            << QStringLiteral("data.result: expected an array, got an object");
        QTest::newRow("value_is_number") << QByteArrayLiteral(
            R"({"status":"success","data":{"resultType":"matrix","result":[{"metric":{},)"
            R"("values":[[1,"1"],[2,3]]}]}})")
                                         << QStringLiteral(
                                                "data.result[0].values[1][1]: expected a string, got a number");
        QTest::newRow("time_is_string") << QByteArrayLiteral(
            R"({"status":"success","data":{"resultType":"vector","result":[{"metric":{},)"
            R"("value":["1","1"]}]}})") << QStringLiteral("data.result[0].value[0]: expected a number, got a string");
        QTest::newRow("sample_too_short")
            << QByteArrayLiteral(R"({"status":"success","data":{"resultType":"vector","result":[{"metric":{},)"
                                 R"("value":[1]}]}})")
            << QStringLiteral("data.result[0].value: expected [time, \"value\"], got 1 element(s)");
        QTest::newRow("value_not_a_number")
            << QByteArrayLiteral(R"({"status":"success","data":{"resultType":"scalar","result":[1,"lots"]}})")
            << QStringLiteral("data.result[1]: \"lots\" is not a sample value");
        QTest::newRow("huge_time") << QByteArrayLiteral(
            R"({"status":"success","data":{"resultType":"scalar","result":[1e300,"1"]}})")
                                   << QStringLiteral("data.result[0]: timestamp 1e+300 is out of range");
        QTest::newRow("time_beyond_double")
            << QByteArrayLiteral(R"({"status":"success","data":{"resultType":"scalar","result":[1e400,"1"]}})")
            << QStringLiteral("not valid JSON: number overflow parsing '1e400'");
        QTest::newRow("label_value_number")
            << QByteArrayLiteral(R"({"status":"success","data":{"resultType":"vector","result":[{"metric":)"
                                 R"({"job":"a","code":500},"value":[1,"1"]}]}})")
            << QStringLiteral("data.result[0].metric.code: expected a string, got a number");
        QTest::newRow("no_metric") << QByteArrayLiteral(
            R"({"status":"success","data":{"resultType":"matrix","result":[{"values":[]}]}})")
                                   << QStringLiteral("data.result[0]: missing \"metric\"");
        QTest::newRow("warnings_not_array")
            << QByteArrayLiteral(R"({"status":"success","warnings":"x","data":{"resultType":"vector","result":[]}})")
            << QStringLiteral("warnings: expected an array, got a string");
        QTest::newRow("string_result_short")
            << QByteArrayLiteral(R"({"status":"success","data":{"resultType":"string","result":[1]}})")
            << QStringLiteral("data.result: expected [time, \"text\"]");
        QTest::newRow("invalid_utf8_ok_until_byte")
            << QByteArray("{\"status\":\"success\",\"data\":{\"resultType\":\"string\",\"result\":[1,\"\xff\"]}}")
            << QStringLiteral("not valid JSON (at byte 64 of 68)");
    }

    void malformedQuery()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, message);
        const auto parsed = parseQueryResponse(body);
        QVERIFY(!parsed.ok());
        QVERIFY(parsed.error);
        QCOMPARE(parsed.error->kind, ParseError::Kind::Malformed);
        QCOMPARE(parsed.error->message, message);
    }

    void everyTruncationFailsCleanly()
    {
        const QByteArray body
            = QByteArrayLiteral(R"({"status":"success","data":{"resultType":"matrix","result":[{"metric":{"job":"a"},)"
                                R"("values":[[1.5,"1"],[3,"NaN"]]}]},"warnings":["w"]})");
        QVERIFY(parseQueryResponse(body).ok());
        for (qsizetype n = 0; n < body.size(); ++n) {
            const auto parsed = parseQueryResponse(body.left(n));
            QVERIFY2(!parsed.ok() && parsed.error && parsed.error->kind == ParseError::Kind::Malformed,
                qPrintable(QString::number(n)));
        }
    }

    void deepNestingFailsCleanly()
    {
        const QByteArray body = QByteArray(100000, '[') + QByteArray(100000, ']');
        const auto parsed = parseQueryResponse(body);
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error->message, QStringLiteral("expected a JSON object, got an array"));
    }

    void labelNames()
    {
        const auto parsed = parseStringListResponse(
            QByteArrayLiteral(R"({"status":"success","data":["__name__","code","job"],"warnings":["w1"]})"));
        QVERIFY(parsed.ok());
        QCOMPARE(
            *parsed.value, (QStringList { QStringLiteral("__name__"), QStringLiteral("code"), QStringLiteral("job") }));
        QCOMPARE(parsed.warnings, QStringList { QStringLiteral("w1") });

        const auto bad = parseStringListResponse(QByteArrayLiteral(R"({"status":"success","data":["a",null]})"));
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error->message, QStringLiteral("data[1]: expected a string, got null"));
    }

    void seriesList()
    {
        const auto parsed = parseSeriesResponse(QByteArrayLiteral(
            R"({"status":"success","data":[{"__name__":"up","job":"prometheus"},{"__name__":"up","job":"node"}]})"));
        QVERIFY(parsed.ok());
        QCOMPARE(parsed.value->size(), std::size_t(2));
        QCOMPARE(parsed.value->at(1).value(QStringLiteral("job")), QStringLiteral("node"));
        QCOMPARE(parsed.value->at(0).size(), 2);

        const auto bad = parseSeriesResponse(QByteArrayLiteral(R"({"status":"success","data":[{"a":"b"},["x"]]})"));
        QCOMPARE(bad.error->message, QStringLiteral("data[1]: expected an object, got an array"));
    }

    void buildInfoAnswer()
    {
        const auto parsed = parseBuildInfoResponse(QByteArrayLiteral(
            R"({"status":"success","data":{"version":"2.42.0+ds","revision":"2.42.0+ds-5+deb12u1",)"
            R"("branch":"debian/sid","buildUser":"team+pkg-go@tracker.debian.org","buildDate":"20240220-14:52:50",)"
            R"("goVersion":"go1.19.8"}})"));
        QVERIFY(parsed.ok());
        QCOMPARE(parsed.value->version, QStringLiteral("2.42.0+ds"));
        QCOMPARE(parsed.value->branch, QStringLiteral("debian/sid"));
        QCOMPARE(parsed.value->goVersion, QStringLiteral("go1.19.8"));

        const auto bad = parseBuildInfoResponse(QByteArrayLiteral(R"({"status":"success","data":{"version":2}})"));
        QCOMPARE(bad.error->message, QStringLiteral("data.version: expected a string, got a number"));
    }
};

QTEST_GUILESS_MAIN(TestPrometheusParser)

#include "tst_prometheusparser.moc"
