#include "backends/prometheus/prometheusparser.h"
#include "testutils.h"

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

    // Recorded from Prometheus 2.42 scraping an OpenMetrics target with exemplars (tests/data/README.md).
    void exemplarsAnswer()
    {
        const auto parsed
            = parseExemplarsResponse(test::readData(QStringLiteral("prometheus/prometheus-query_exemplars.json")));
        QVERIFY2(parsed.ok(), qPrintable(errorText(parsed)));
        const auto& series = *parsed.value;
        QCOMPARE(series.size(), std::size_t(3));
        QCOMPARE(series[0].seriesLabels.value(QStringLiteral("__name__")),
            QStringLiteral("fb_checkout_latency_seconds_bucket"));
        QCOMPARE(series[0].seriesLabels.value(QStringLiteral("le")), QStringLiteral("0.1"));
        QCOMPARE(series[0].seriesLabels.size(), 5);
        QCOMPARE(series[0].exemplars.size(), std::size_t(1));
        const Exemplar& first = series[0].exemplars[0];
        QCOMPARE(first.value, 0.042);
        QCOMPARE(first.timeMs, 1795633339125);
        QCOMPARE(first.traceId(), QStringLiteral("4bf92f3577b34da6a3ce929d0e0e4736"));
        const Exemplar& second = series[1].exemplars[0];
        QCOMPARE(second.labels.value(QStringLiteral("span_id")), QStringLiteral("b7ad6b7169203331"));
        QCOMPARE(second.traceId(), QStringLiteral("00f067aa0ba902b7")); // traceID
        QCOMPARE(second.timeMs, 1795633349500);
        QCOMPARE(second.value, 0.73);
        QCOMPARE(series[2].exemplars[0].timeMs, 1795633359000); // a whole second is written without a fraction
        QCOMPARE(series[2].exemplars[0].value, 1.0);

        const auto none = parseExemplarsResponse(QByteArrayLiteral(R"({"status":"success","data":[]})"));
        QVERIFY(none.ok());
        QVERIFY(none.value->empty());
        QVERIFY(Exemplar {}.traceId().isEmpty());

        const auto bad
            = parseExemplarsResponse(test::readData(QStringLiteral("prometheus/prometheus-query_exemplars-bad.json")));
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error->kind, ParseError::Kind::Api);
        QCOMPARE(bad.error->message, QStringLiteral("bad_data: 1:17: parse error: unclosed left parenthesis"));
    }

    void malformedExemplars_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("message");
        QTest::newRow("data_object") << QByteArrayLiteral(R"({"status":"success","data":{}})")
                                     << QStringLiteral("data: expected an array, got an object");
        QTest::newRow("no_series_labels") << QByteArrayLiteral(R"({"status":"success","data":[{"exemplars":[]}]})")
                                          << QStringLiteral("data[0]: missing \"seriesLabels\"");
        QTest::newRow("value_number") << QByteArrayLiteral(
            R"({"status":"success","data":[{"seriesLabels":{},"exemplars":[)"
            R"({"labels":{},"value":1,"timestamp":1}]}]})")
                                      << QStringLiteral("data[0].exemplars[0].value: expected a string, got a number");
        QTest::newRow("timestamp_string")
            << QByteArrayLiteral(R"({"status":"success","data":[{"seriesLabels":{},"exemplars":[)"
                                 R"({"labels":{},"value":"1","timestamp":"1"}]}]})")
            << QStringLiteral("data[0].exemplars[0].timestamp: expected a number, got a string");
        QTest::newRow("value_garbage") << QByteArrayLiteral(
            R"({"status":"success","data":[{"seriesLabels":{},"exemplars":[)"
            R"({"labels":{},"value":"x","timestamp":1}]}]})")
                                       << QStringLiteral("data[0].exemplars[0].value: \"x\" is not a sample value");
    }

    void malformedExemplars()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, message);
        const auto parsed = parseExemplarsResponse(body);
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error->kind, ParseError::Kind::Malformed);
        QCOMPARE(parsed.error->message, message);
    }

    void metadataAnswer()
    {
        const auto histogram
            = parseMetadataResponse(test::readData(QStringLiteral("prometheus/prometheus-metadata-histogram.json")));
        QVERIFY2(histogram.ok(), qPrintable(errorText(histogram)));
        QCOMPARE(histogram.value->size(), 1);
        const QList<MetricMetadata> latency = histogram.value->value(QStringLiteral("fb_checkout_latency_seconds"));
        QCOMPARE(latency.size(), 1);
        QCOMPARE(latency[0].type, QStringLiteral("histogram"));
        QCOMPARE(latency[0].help, QStringLiteral("Checkout request latency."));
        QCOMPARE(latency[0].unit, QStringLiteral("seconds"));

        const auto three
            = parseMetadataResponse(test::readData(QStringLiteral("prometheus/prometheus-metadata-limit3.json")));
        QVERIFY(three.ok());
        QCOMPARE(three.value->keys(),
            (QStringList { QStringLiteral("go_memstats_heap_released_bytes"),
                QStringLiteral("prometheus_notifications_queue_length"),
                QStringLiteral("prometheus_tsdb_checkpoint_creations_failed_total") }));
        const MetricMetadata failed
            = three.value->value(QStringLiteral("prometheus_tsdb_checkpoint_creations_failed_total")).value(0);
        QCOMPARE(failed.type, QStringLiteral("counter"));
        QCOMPARE(failed.help, QStringLiteral("Total number of checkpoint creations that failed."));
        QVERIFY(failed.unit.isEmpty());

        // Two targets describing one metric differently give two entries; an old server sends no unit.
        const auto two = parseMetadataResponse(QByteArrayLiteral(
            R"({"status":"success","data":{"up":[{"type":"gauge","help":"a"},{"type":"unknown","help":"b","unit":""}]}})"));
        QVERIFY2(two.ok(), qPrintable(errorText(two)));
        QCOMPARE(two.value->value(QStringLiteral("up")).size(), 2);
        QCOMPARE(two.value->value(QStringLiteral("up"))[1].type, QStringLiteral("unknown"));

        const auto empty = parseMetadataResponse(QByteArrayLiteral(R"({"status":"success","data":{}})"));
        QVERIFY(empty.ok() && empty.value->isEmpty());

        const auto bad
            = parseMetadataResponse(QByteArrayLiteral(R"({"status":"success","data":{"up":[{"type":"gauge"}]}})"));
        QCOMPARE(bad.error->message, QStringLiteral("data.up[0]: missing \"help\""));
        const auto notList = parseMetadataResponse(QByteArrayLiteral(R"({"status":"success","data":{"up":{}}})"));
        QCOMPARE(notList.error->message, QStringLiteral("data.up: expected an array, got an object"));
    }

    void alertsAnswer()
    {
        const auto parsed = parseAlertsResponse(test::readData(QStringLiteral("prometheus/prometheus-alerts.json")));
        QVERIFY2(parsed.ok(), qPrintable(errorText(parsed)));
        const auto& alerts = *parsed.value;
        QCOMPARE(alerts.size(), std::size_t(2));
        const Alert& up = alerts[0];
        QCOMPARE(up.labels,
            (LabelSet { { QStringLiteral("alertname"), QStringLiteral("FirebreakSelfScrapeUp") },
                { QStringLiteral("instance"), QStringLiteral("127.0.0.1:29393") },
                { QStringLiteral("job"), QStringLiteral("prometheus") },
                { QStringLiteral("severity"), QStringLiteral("page") } }));
        QCOMPARE(up.annotations.value(QStringLiteral("description")), QStringLiteral("up is 1 on 127.0.0.1:29393"));
        QCOMPARE(up.annotations.value(QStringLiteral("summary")), QStringLiteral("Prometheus scrapes itself"));
        QCOMPARE(up.state, AlertState::Firing);
        QCOMPARE(up.activeAtMs, std::optional<qint64>(1795633366224)); // 2026-11-25T19:02:46.224733329Z
        QCOMPARE(up.value, QStringLiteral("1e+00"));
        const Alert& slow = alerts[1];
        QCOMPARE(slow.state, AlertState::Pending);
        QVERIFY(slow.annotations.isEmpty());
        QCOMPARE(alertStateName(slow.state), QStringLiteral("pending"));

        const auto none = parseAlertsResponse(QByteArrayLiteral(R"({"status":"success","data":{"alerts":[]}})"));
        QVERIFY(none.ok() && none.value->empty());
    }

    void malformedAlerts_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("message");
        QTest::newRow("no_alerts") << QByteArrayLiteral(R"({"status":"success","data":{}})")
                                   << QStringLiteral("data: missing \"alerts\"");
        QTest::newRow("odd_state") << QByteArrayLiteral(R"({"status":"success","data":{"alerts":[{"labels":{},)"
                                                        R"("state":"resolved","value":"1"}]}})")
                                   << QStringLiteral("data.alerts[0].state: unknown alert state \"resolved\"");
        QTest::newRow("bad_time") << QByteArrayLiteral(R"({"status":"success","data":{"alerts":[{"labels":{},)"
                                                       R"("state":"firing","activeAt":"yesterday","value":"1"}]}})")
                                  << QStringLiteral("data.alerts[0].activeAt: \"yesterday\" is not an RFC 3339 time");
        QTest::newRow("value_number") << QByteArrayLiteral(R"({"status":"success","data":{"alerts":[{"labels":{},)"
                                                           R"("state":"firing","value":1}]}})")
                                      << QStringLiteral("data.alerts[0].value: expected a string, got a number");
    }

    void malformedAlerts()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, message);
        const auto parsed = parseAlertsResponse(body);
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error->kind, ParseError::Kind::Malformed);
        QCOMPARE(parsed.error->message, message);
    }

    void rulesAnswer()
    {
        const auto parsed = parseRulesResponse(test::readData(QStringLiteral("prometheus/prometheus-rules.json")));
        QVERIFY2(parsed.ok(), qPrintable(errorText(parsed)));
        QCOMPARE(parsed.value->size(), std::size_t(1));
        const RuleGroup& group = parsed.value->at(0);
        QCOMPARE(group.name, QStringLiteral("firebreak-test"));
        QVERIFY(group.file.endsWith(QStringLiteral("tests/data/prometheus/rules.yml")));
        QCOMPARE(group.intervalMs, 1000);
        QCOMPARE(group.evaluationSeconds, 0.001120782);
        QCOMPARE(group.lastEvaluationMs, std::optional<qint64>(1795633395226)); // …19:03:15.22618359Z
        QCOMPARE(group.rules.size(), std::size_t(5));

        const Rule& up = group.rules[0];
        QCOMPARE(up.type, RuleType::Alerting);
        QCOMPARE(up.name, QStringLiteral("FirebreakSelfScrapeUp"));
        QCOMPARE(up.query, QStringLiteral("up{job=\"prometheus\"} == 1"));
        QCOMPARE(up.state, AlertState::Firing);
        QCOMPARE(up.health, RuleHealth::Ok);
        QVERIFY(up.lastError.isEmpty());
        QCOMPARE(up.forMs, 0);
        QCOMPARE(up.labels, (LabelSet { { QStringLiteral("severity"), QStringLiteral("page") } }));
        QCOMPARE(up.annotations.value(QStringLiteral("description")),
            QStringLiteral("up is {{ $value }} on {{ $labels.instance }}"));
        QCOMPARE(up.alerts.size(), std::size_t(1));
        QCOMPARE(up.alerts[0].state, AlertState::Firing);
        QCOMPARE(up.alerts[0].annotations.value(QStringLiteral("description")),
            QStringLiteral("up is 1 on 127.0.0.1:29393"));
        QCOMPARE(up.evaluationSeconds, 0.00056766);
        QCOMPARE(up.lastEvaluationMs, std::optional<qint64>(1795633395226));

        const Rule& slow = group.rules[1];
        QCOMPARE(slow.state, AlertState::Pending);
        QCOMPARE(slow.forMs, 3600000);
        QCOMPARE(slow.alerts.size(), std::size_t(1));

        const Rule& down = group.rules[2];
        QCOMPARE(down.state, AlertState::Inactive);
        QVERIFY(down.alerts.empty());

        const Rule& sum = group.rules[3];
        QCOMPARE(sum.type, RuleType::Recording);
        QCOMPARE(sum.name, QStringLiteral("job:up:sum"));
        QCOMPARE(sum.health, RuleHealth::Ok);
        QVERIFY(sum.labels.isEmpty());
        QVERIFY(sum.alerts.empty());

        const Rule& broken = group.rules[4];
        QCOMPARE(broken.health, RuleHealth::Error);
        QCOMPARE(ruleHealthName(broken.health), QStringLiteral("err"));
        QCOMPARE(
            broken.lastError, QStringLiteral("invalid destination label name in label_replace(): not a label name"));
        QCOMPARE(broken.lastEvaluationMs, std::optional<qint64>(1795633395227));
    }

    void ruleNotEvaluatedYet()
    {
        // What a rule looks like before its first evaluation: Go's zero time, health "unknown".
        const auto parsed = parseRulesResponse(QByteArrayLiteral(
            R"({"status":"success","data":{"groups":[{"name":"g","file":"f.yml","rules":[{"name":"r","query":"up",)"
            R"("health":"unknown","evaluationTime":0,"lastEvaluation":"0001-01-01T00:00:00Z","type":"recording"}],)"
            R"("interval":0.5,"evaluationTime":0,"lastEvaluation":"0001-01-01T00:00:00Z"}]}})"));
        QVERIFY2(parsed.ok(), qPrintable(errorText(parsed)));
        const RuleGroup& group = parsed.value->at(0);
        QCOMPARE(group.intervalMs, 500);
        QVERIFY(!group.lastEvaluationMs);
        QCOMPARE(group.rules[0].health, RuleHealth::Unknown);
        QVERIFY(!group.rules[0].lastEvaluationMs);
    }

    void malformedRules_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("message");
        QTest::newRow("no_groups") << QByteArrayLiteral(R"({"status":"success","data":{}})")
                                   << QStringLiteral("data: missing \"groups\"");
        QTest::newRow("no_rules") << QByteArrayLiteral(R"({"status":"success","data":{"groups":[{"name":"g"}]}})")
                                  << QStringLiteral("data.groups[0]: missing \"rules\"");
        QTest::newRow("odd_type") << QByteArrayLiteral(R"({"status":"success","data":{"groups":[{"name":"g","rules":[)"
                                                       R"({"name":"r","query":"up","health":"ok","type":"magic"}]}]}})")
                                  << QStringLiteral("data.groups[0].rules[0].type: unknown rule type \"magic\"");
        QTest::newRow("odd_health") << QByteArrayLiteral(
            R"({"status":"success","data":{"groups":[{"name":"g","rules":[)"
            R"({"name":"r","query":"up","health":"meh","type":"recording"}]}]}})")
                                    << QStringLiteral("data.groups[0].rules[0].health: unknown rule health \"meh\"");
        QTest::newRow("alerting_without_state")
            << QByteArrayLiteral(R"({"status":"success","data":{"groups":[{"name":"g","rules":[)"
                                 R"({"name":"r","query":"up","health":"ok","type":"alerting"}]}]}})")
            << QStringLiteral("data.groups[0].rules[0]: missing \"state\"");
        QTest::newRow("negative_interval")
            << QByteArrayLiteral(R"({"status":"success","data":{"groups":[{"name":"g","interval":-1,"rules":[]}]}})")
            << QStringLiteral("data.groups[0].interval: -1 seconds is out of range");
        QTest::newRow("day_31_of_november")
            << QByteArrayLiteral(R"({"status":"success","data":{"groups":[{"name":"g","rules":[],)"
                                 R"("lastEvaluation":"2026-11-31T00:00:00Z"}]}})")
            << QStringLiteral("data.groups[0].lastEvaluation: \"2026-11-31T00:00:00Z\" is not an RFC 3339 time");
    }

    void malformedRules()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, message);
        const auto parsed = parseRulesResponse(body);
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error->kind, ParseError::Kind::Malformed);
        QCOMPARE(parsed.error->message, message);
    }

    void rfc3339_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<qint64>("ms");
        QTest::newRow("epoch") << QStringLiteral("1970-01-01T00:00:00Z") << true << qint64(0);
        QTest::newRow("nanoseconds_cut") << QStringLiteral("2026-11-25T19:02:46.224733329Z") << true
                                         << qint64(1795633366224);
        QTest::newRow("one_fraction_digit")
            << QStringLiteral("2026-11-25T19:02:46.5Z") << true << qint64(1795633366500);
        QTest::newRow("offset_plus") << QStringLiteral("2026-11-25T20:02:46+01:00") << true << qint64(1795633366000);
        QTest::newRow("offset_minus_half_hour")
            << QStringLiteral("2026-11-25T15:32:46-03:30") << true << qint64(1795633366000);
        QTest::newRow("leap_day") << QStringLiteral("2024-02-29T00:00:00Z") << true << qint64(1709164800000);
        QTest::newRow("before_epoch") << QStringLiteral("1969-12-31T23:59:59.999Z") << true << qint64(-1);
        QTest::newRow("year_one") << QStringLiteral("0001-01-01T00:00:00Z") << true << qint64(-62135596800000);
        QTest::newRow("year_9999_end") << QStringLiteral("9999-12-31T23:59:59.999Z") << true << qint64(253402300799999);
        QTest::newRow("lower_case_t_z") << QStringLiteral("2026-11-25t19:02:46z") << true << qint64(1795633366000);
        QTest::newRow("no_offset") << QStringLiteral("2026-11-25T19:02:46") << false << qint64(0);
        QTest::newRow("no_leap_day") << QStringLiteral("2023-02-29T00:00:00Z") << false << qint64(0);
        QTest::newRow("hour_24") << QStringLiteral("2026-11-25T24:00:00Z") << false << qint64(0);
        QTest::newRow("empty_fraction") << QStringLiteral("2026-11-25T19:02:46.Z") << false << qint64(0);
        QTest::newRow("trailing") << QStringLiteral("2026-11-25T19:02:46Zx") << false << qint64(0);
        QTest::newRow("arabic_digits") << QString::fromUtf16(u"2026-11-25T19:02:4\u0666Z") << false << qint64(0);
        QTest::newRow("date_only") << QStringLiteral("2026-11-25") << false << qint64(0);
        QTest::newRow("empty") << QString() << false << qint64(0);
    }

    void rfc3339()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QFETCH(qint64, ms);
        QCOMPARE(parseRfc3339Ms(text), valid ? std::optional<qint64>(ms) : std::nullopt);
    }
};

QTEST_GUILESS_MAIN(TestPrometheusParser)

#include "tst_prometheusparser.moc"
