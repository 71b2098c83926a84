#include "backends/loki/lokiparser.h"
#include "testutils.h"

#include <QTest>

#include <cmath>
#include <limits>

using namespace firebreak;
using namespace firebreak::loki;

namespace {

// QVERIFY2 evaluates its message even when the check passes.
template <typename T> QString errorText(const T& result)
{
    return result.error ? result.error->message : QString();
}

QString line(const LogBatch& batch, qsizetype index)
{
    return batch.textString(batch.at(index));
}

LogLabels labelsOf(const LogBatch& batch, qsizetype index)
{
    return batch.streamLabels(batch.at(index).stream);
}

LogLabels checkoutLabels(const char* level)
{
    return { { QStringLiteral("env"), QStringLiteral("dev") }, { QStringLiteral("level"), QLatin1String(level) },
        { QStringLiteral("service"), QStringLiteral("checkout") } };
}

} // namespace

/// Answers of a real Loki 2.9.9 (tests/data/loki, recorded; see tests/data/README.md), the Loki 3 line
/// encoding with categorize-labels, and broken answers.
class TestLokiParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void nanoseconds_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<qint64>("ns");
        // 1795620849742387522 is not representable in a double (it would read ...387520).
        QTest::newRow("fixture_line") << QByteArray("1795620849742387522") << true << qint64(1795620849742387522);
        QTest::newRow("max_int64") << QByteArray("9223372036854775807") << true << std::numeric_limits<qint64>::max();
        QTest::newRow("overflow") << QByteArray("9223372036854775808") << false << qint64(0);
        QTest::newRow("zero") << QByteArray("0") << true << qint64(0);
        QTest::newRow("negative") << QByteArray("-5") << true << qint64(-5);
        QTest::newRow("empty") << QByteArray() << false << qint64(0);
        QTest::newRow("float_seconds") << QByteArray("1795620849.742") << false << qint64(0);
        QTest::newRow("exponent") << QByteArray("1.7e18") << false << qint64(0);
        QTest::newRow("plus_sign") << QByteArray("+17") << false << qint64(0);
        QTest::newRow("spaces") << QByteArray(" 17") << false << qint64(0);
        QTest::newRow("trailing_garbage") << QByteArray("17x") << false << qint64(0);
    }

    void nanoseconds()
    {
        QFETCH(QByteArray, text);
        QFETCH(bool, valid);
        QFETCH(qint64, ns);
        const auto parsed = parseNanoseconds(text);
        QCOMPARE(parsed.has_value(), valid);
        if (valid)
            QCOMPARE(*parsed, ns);
    }

    void logsBackward()
    {
        const auto parsed = parseQueryResponse(test::readData(QStringLiteral("loki/loki-query_range-logs-error.json")));
        QVERIFY2(parsed.ok(), qPrintable(errorText(parsed)));
        const QueryResult& r = *parsed.value;
        QCOMPARE(r.type, ResultType::Streams);
        QVERIFY(r.series.empty());
        QVERIFY(r.encodingFlags.isEmpty());
        const LogBatch& logs = r.logs;
        QCOMPARE(logs.size(), 11);
        QCOMPARE(logs.streamCount(), 1);
        QCOMPARE(logs.streamLabels(0), checkoutLabels("error"));
        QCOMPARE(logs.streamKey(0), QStringLiteral(R"({env="dev", level="error", service="checkout"})"));
        // Newest first, as sent; exact nanoseconds.
        QCOMPARE(logs.at(0).timestampNs, qint64(1795621430742387522));
        QCOMPARE(logs.at(10).timestampNs, qint64(1795620850742387522));
        QCOMPARE(line(logs, 0),
            QStringLiteral(R"(level=error msg="payment failed: card gateway timeout" order_id=ord-1042 )"
                           R"(trace_id=4bf92f3577b34da6a3ce929d0e0e4736 status=502)"));
        QVERIFY(logs.extra(logs.at(0)).isEmpty());
        QCOMPARE(logs.at(0).extra, -1);
        // stats.summary
        QCOMPARE(r.stats.totalBytesProcessed, qint64(5249));
        QCOMPARE(r.stats.totalLinesProcessed, qint64(47));
        QCOMPARE(r.stats.totalEntriesReturned, qint64(11));
        QCOMPARE(r.stats.totalPostFilterLines, qint64(11));
        QCOMPARE(r.stats.bytesProcessedPerSecond, qint64(1667952));
        QCOMPARE(r.stats.execTimeS, 0.003147);
        QCOMPARE(r.stats.queueTimeS, 3.2e-05);
        QCOMPARE(r.stats.shards, qint64(1));
    }

    void logsForwardThreeStreams()
    {
        const auto parsed
            = parseQueryResponse(test::readData(QStringLiteral("loki/loki-query_range-logs-forward-limit5.json")));
        QVERIFY2(parsed.ok(), qPrintable(errorText(parsed)));
        LogBatch logs = parsed.value->logs;
        QCOMPARE(logs.size(), 5);
        QCOMPARE(logs.streamCount(), 3);
        // Stream by stream, as sent: error (1 line), info (3), warn (1).
        QCOMPARE(labelsOf(logs, 0), checkoutLabels("error"));
        QCOMPARE(labelsOf(logs, 1), checkoutLabels("info"));
        QCOMPARE(labelsOf(logs, 3), checkoutLabels("info"));
        QCOMPARE(labelsOf(logs, 4), checkoutLabels("warn"));
        // Merged in time, the five oldest lines of the three streams.
        logs.sortByTime(LogDirection::Forward);
        const std::vector<qint64> forward { 1795620849742387522, 1795620850742387522, 1795620851742387522,
            1795620869742387522, 1795620889742387522 };
        for (qsizetype i = 0; i < logs.size(); ++i)
            QCOMPARE(logs.at(i).timestampNs, forward[static_cast<std::size_t>(i)]);
        QCOMPARE(labelsOf(logs, 1), checkoutLabels("error"));
        QCOMPARE(labelsOf(logs, 2), checkoutLabels("warn"));
        QVERIFY(line(logs, 2).startsWith(QLatin1String("level=warn msg=\"slow cart query\"")));
        logs.sortByTime(LogDirection::Backward);
        QCOMPARE(logs.at(0).timestampNs, qint64(1795620889742387522));
        QCOMPARE(logs.at(4).timestampNs, qint64(1795620849742387522));
    }

    void logsTraceIdFilter()
    {
        const auto parsed
            = parseQueryResponse(test::readData(QStringLiteral("loki/loki-query_range-traceid-filter.json")));
        QVERIFY2(parsed.ok(), qPrintable(errorText(parsed)));
        const LogBatch& logs = parsed.value->logs;
        QCOMPARE(logs.size(), 3);
        QCOMPARE(logs.streamLabels(2).value(QStringLiteral("service")), QStringLiteral("frontend"));
        for (qsizetype i = 0; i < logs.size(); ++i)
            QVERIFY(line(logs, i).contains(QLatin1String("trace_id=4bf92f3577b34da6a3ce929d0e0e4736")));
        QCOMPARE(parsed.value->stats.totalLinesProcessed, qint64(88));
        QCOMPARE(parsed.value->stats.totalBytesProcessed, qint64(9085));
    }

    void logsWithParsedLabelsInTheStream()
    {
        // Loki 2.9 (no categorize-labels) merges what `| json` extracted into the stream labels.
        const auto parsed
            = parseQueryResponse(test::readData(QStringLiteral("loki/loki-query_range-json-parser.json")));
        QVERIFY2(parsed.ok(), qPrintable(errorText(parsed)));
        const LogBatch& logs = parsed.value->logs;
        QCOMPARE(logs.size(), 1);
        const LogLabels labels = logs.streamLabels(0);
        QCOMPARE(labels.size(), 7);
        QCOMPARE(labels.value(QStringLiteral("level_extracted")), QStringLiteral("error"));
        QCOMPARE(labels.value(QStringLiteral("attempt")), QStringLiteral("2"));
        QCOMPARE(labels.value(QStringLiteral("trace_id")), QStringLiteral("4bf92f3577b34da6a3ce929d0e0e4736"));
        QCOMPARE(logs.at(0).timestampNs, qint64(1795621430242387522));
        QCOMPARE(line(logs, 0),
            QStringLiteral(R"({"level": "error", "msg": "gateway timeout", "trace_id": )"
                           R"("4bf92f3577b34da6a3ce929d0e0e4736", "attempt": 2})"));

        const auto logfmt
            = parseQueryResponse(test::readData(QStringLiteral("loki/loki-query_range-logfmt-parser.json")));
        QVERIFY2(logfmt.ok(), qPrintable(errorText(logfmt)));
        QCOMPARE(logfmt.value->logs.size(), 3);
        QCOMPARE(logfmt.value->logs.streamCount(), 3);
        QCOMPARE(logfmt.value->logs.streamLabels(1).value(QStringLiteral("order_id")), QStringLiteral("ord-1040"));
        QCOMPARE(logfmt.value->logs.streamLabels(1).value(QStringLiteral("status")), QStringLiteral("502"));
    }

    void categorizedLabels()
    {
        // Loki 3 with `X-Loki-Response-Encoding-Flags: categorize-labels` (pkg/util/marshal/query.go): stream
        // labels only in "stream", a third element per line with what is not a stream label ({} when nothing).
        const QByteArray body = QByteArrayLiteral(
            R"({"status":"success","data":{"resultType":"streams","encodingFlags":["categorize-labels"],"result":[)"
            R"({"stream":{"service":"checkout"},"values":[)"
            R"(["1795620849742387522","a",{"structuredMetadata":{"trace_id":"4bf9"},"parsed":{"level":"info"}}],)"
            R"(["1795620849742387523","b",{"structuredMetadata":{"pod":"p-1"}}],)"
            R"(["1795620849742387524","c",{"parsed":{"status":"502"}}],)"
            R"(["1795620849742387525","d",{}],)"
            R"(["1795620849742387526","e"]]}],)"
            R"("stats":{"summary":{"totalEntriesReturned":5}}}})");
        const auto parsed = parseQueryResponse(body);
        QVERIFY2(parsed.ok(), qPrintable(errorText(parsed)));
        QCOMPARE(parsed.value->encodingFlags, QStringList { QStringLiteral("categorize-labels") });
        const LogBatch& logs = parsed.value->logs;
        QCOMPARE(logs.size(), 5);
        QCOMPARE(logs.streamCount(), 1);
        QCOMPARE(logs.streamLabels(0), (LogLabels { { QStringLiteral("service"), QStringLiteral("checkout") } }));
        const LogLineExtra& a = logs.extra(logs.at(0));
        QCOMPARE(a.structuredMetadata, (LogLabels { { QStringLiteral("trace_id"), QStringLiteral("4bf9") } }));
        QCOMPARE(a.parsed, (LogLabels { { QStringLiteral("level"), QStringLiteral("info") } }));
        QCOMPARE(logs.extra(logs.at(1)).structuredMetadata.value(QStringLiteral("pod")), QStringLiteral("p-1"));
        QVERIFY(logs.extra(logs.at(1)).parsed.isEmpty());
        QVERIFY(logs.extra(logs.at(2)).structuredMetadata.isEmpty());
        QCOMPARE(logs.extra(logs.at(2)).parsed.value(QStringLiteral("status")), QStringLiteral("502"));
        QCOMPARE(logs.at(3).extra, -1); // an empty object costs nothing
        QCOMPARE(logs.at(4).extra, -1);
        QCOMPARE(logs.at(4).timestampNs, qint64(1795620849742387526));
        QCOMPARE(parsed.value->stats.totalEntriesReturned, qint64(5));
    }

    void metricMatrix()
    {
        const auto parsed
            = parseQueryResponse(test::readData(QStringLiteral("loki/loki-query_range-metric-by-level.json")));
        QVERIFY2(parsed.ok(), qPrintable(errorText(parsed)));
        const QueryResult& r = *parsed.value;
        QCOMPARE(r.type, ResultType::Matrix);
        QVERIFY(r.logs.isEmpty());
        QCOMPARE(r.series.size(), std::size_t(3));
        QCOMPARE(r.series[0].labels, (LogLabels { { QStringLiteral("level"), QStringLiteral("error") } }));
        QCOMPARE(r.series[0].size(), 10);
        QCOMPARE(r.series[0].timesMs.front(), qint64(1795620900000));
        QCOMPARE(r.series[0].timesMs.back(), qint64(1795621440000));
        QCOMPARE(r.series[0].values.back(), 2.0);
        QCOMPARE(r.series[1].values, std::vector<double>(10, 3.0));
        QCOMPARE(r.series[2].size(), 6);
        QCOMPARE(r.series[2].timesMs[2], qint64(1795621080000));
        QCOMPARE(r.stats.execTimeS, 0.011741697);
    }

    void metricVector()
    {
        const auto parsed = parseQueryResponse(test::readData(QStringLiteral("loki/loki-query-instant-metric.json")));
        QVERIFY2(parsed.ok(), qPrintable(errorText(parsed)));
        const QueryResult& r = *parsed.value;
        QCOMPARE(r.type, ResultType::Vector);
        QCOMPARE(r.series.size(), std::size_t(3));
        QCOMPARE(r.series[0].timesMs, std::vector<qint64> { 1795621519972 });
        QCOMPARE(r.series[0].values, std::vector<double> { 11.0 });
        QCOMPARE(r.series[1].values, std::vector<double> { 30.0 });
        QCOMPARE(r.series[2].labels.value(QStringLiteral("level")), QStringLiteral("warn"));
        QCOMPARE(r.series[2].values, std::vector<double> { 6.0 });
    }

    void labelsAndValues()
    {
        const auto labels = parseStringListResponse(test::readData(QStringLiteral("loki/loki-labels.json")));
        QVERIFY2(labels.ok(), qPrintable(errorText(labels)));
        QCOMPARE(
            *labels.value, (QStringList { QStringLiteral("env"), QStringLiteral("level"), QStringLiteral("service") }));
        const auto services
            = parseStringListResponse(test::readData(QStringLiteral("loki/loki-label-service-values.json")));
        QCOMPARE(*services.value,
            (QStringList { QStringLiteral("checkout"), QStringLiteral("frontend"), QStringLiteral("payment") }));
        const auto levels
            = parseStringListResponse(test::readData(QStringLiteral("loki/loki-label-level-values-filtered.json")));
        QCOMPARE(
            *levels.value, (QStringList { QStringLiteral("error"), QStringLiteral("info"), QStringLiteral("warn") }));
        // Loki leaves "data" out when there is nothing (omitempty).
        const auto none = parseStringListResponse(QByteArrayLiteral(R"({"status":"success"})"));
        QVERIFY2(none.ok(), qPrintable(errorText(none)));
        QVERIFY(none.value->isEmpty());
    }

    void series()
    {
        const auto parsed = parseSeriesResponse(test::readData(QStringLiteral("loki/loki-series.json")));
        QVERIFY2(parsed.ok(), qPrintable(errorText(parsed)));
        QCOMPARE(parsed.value->size(), std::size_t(3));
        // Loki writes each set's labels in map order (differently each time); the order does not matter.
        QCOMPARE((*parsed.value)[0], checkoutLabels("error"));
        QCOMPARE((*parsed.value)[1], checkoutLabels("warn"));
        QCOMPARE((*parsed.value)[2], checkoutLabels("info"));
    }

    void volume()
    {
        const auto parsed = parseVolumeResponse(test::readData(QStringLiteral("loki/loki-index-volume.json")));
        QVERIFY2(parsed.ok(), qPrintable(errorText(parsed)));
        QVERIFY(parsed.value->supported);
        QCOMPARE(parsed.value->entries.size(), std::size_t(1));
        QCOMPARE(parsed.value->entries[0].labels, (LogLabels { { QStringLiteral("env"), QStringLiteral("dev") } }));
        // All 88 lines pushed under env="dev": the same bytes the trace-id query processed.
        QCOMPARE(parsed.value->entries[0].bytes, qint64(9085));
    }

    void indexStats()
    {
        const auto parsed = parseIndexStatsResponse(test::readData(QStringLiteral("loki/loki-index-stats.json")));
        QVERIFY2(parsed.ok(), qPrintable(errorText(parsed)));
        QCOMPARE(parsed.value->streams, qint64(0));
        QCOMPARE(parsed.value->entries, qint64(0));
        const auto counted
            = parseIndexStatsResponse(QByteArrayLiteral(R"({"streams":3,"chunks":4,"bytes":5249,"entries":47})"));
        QCOMPARE(counted.value->streams, qint64(3));
        QCOMPARE(counted.value->chunks, qint64(4));
        QCOMPARE(counted.value->bytes, qint64(5249));
        QCOMPARE(counted.value->entries, qint64(47));
    }

    void buildInfo()
    {
        const auto parsed = parseBuildInfoResponse(test::readData(QStringLiteral("loki/loki-buildinfo.json")));
        QVERIFY2(parsed.ok(), qPrintable(errorText(parsed)));
        QCOMPARE(parsed.value->version, QStringLiteral("v2.9.9"));
        QCOMPARE(parsed.value->revision, QStringLiteral("aaca205d6c"));
        QCOMPARE(parsed.value->branch, QStringLiteral("HEAD"));
        QCOMPARE(parsed.value->goVersion, QString());
    }

    void broken_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("where");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("empty answer");
        QTest::newRow("text_error_body") << test::readData(QStringLiteral("loki/loki-query_range-parse-error.txt"))
                                         << QStringLiteral("not valid JSON");
        QTest::newRow("cut_short") << test::readData(QStringLiteral("loki/loki-query_range-logs-error.json")).left(700)
                                   << QStringLiteral("ends early");
        QTest::newRow("html") << QByteArray("<html><body>Login</body></html>") << QStringLiteral("not valid JSON");
        QTest::newRow("no_status") << QByteArray(R"({"data":{}})") << QStringLiteral("status");
        QTest::newRow("unknown_type") << QByteArray(R"({"status":"success","data":{"resultType":"x","result":[]}})")
                                      << QStringLiteral("data.resultType");
        QTest::newRow("float_timestamp") << QByteArray(
            R"({"status":"success","data":{"resultType":"streams","result":[)"
            R"({"stream":{"a":"b"},"values":[[1795620849.742,"x"]]}]}})")
                                         << QStringLiteral("data.result[0].values[0][0]");
        QTest::newRow("timestamp_not_digits")
            << QByteArray(R"({"status":"success","data":{"resultType":"streams","result":[)"
                          R"({"stream":{"a":"b"},"values":[["17x","x"]]}]}})")
            << QStringLiteral("not a nanosecond timestamp");
        QTest::newRow("line_not_string") << QByteArray(
            R"({"status":"success","data":{"resultType":"streams","result":[)"
            R"({"stream":{"a":"b"},"values":[["17",5]]}]}})")
                                         << QStringLiteral("data.result[0].values[0][1]");
        QTest::newRow("four_elements") << QByteArray(R"({"status":"success","data":{"resultType":"streams","result":[)"
                                                     R"({"stream":{"a":"b"},"values":[["17","x",{},1]]}]}})")
                                       << QStringLiteral("data.result[0].values[0]");
        QTest::newRow("label_not_string")
            << QByteArray(R"({"status":"success","data":{"resultType":"streams","result":[)"
                          R"({"stream":{"a":1},"values":[]}]}})")
            << QStringLiteral("data.result[0].stream.a");
        QTest::newRow("metadata_not_object")
            << QByteArray(R"({"status":"success","data":{"resultType":"streams","result":[)"
                          R"({"stream":{"a":"b"},"values":[["17","x",{"structuredMetadata":[]}]]}]}})")
            << QStringLiteral("structuredMetadata");
        QTest::newRow("bad_sample") << QByteArray(R"({"status":"success","data":{"resultType":"vector","result":[)"
                                                  R"({"metric":{},"value":[1,"many"]}]}})")
                                    << QStringLiteral("not a sample value");
    }

    void broken()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, where);
        const auto parsed = parseQueryResponse(body);
        QVERIFY(!parsed.ok());
        QVERIFY(parsed.error);
        QCOMPARE(parsed.error->kind, ParseError::Kind::Malformed);
        QVERIFY2(parsed.error->message.contains(where), qPrintable(parsed.error->message));
    }

    void errorEnvelope()
    {
        const auto parsed
            = parseQueryResponse(QByteArrayLiteral(R"({"status":"error","error":"too many outstanding requests"})"));
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error->kind, ParseError::Kind::Api);
        QCOMPARE(parsed.error->message, QStringLiteral("too many outstanding requests"));
    }

    void compactLines()
    {
        QCOMPARE(sizeof(LogLine), std::size_t(32));
        // One copy of the labels per stream, whatever the number of lines.
        LogBatch batch;
        const qint32 stream = batch.addStream(checkoutLabels("info"));
        QCOMPARE(batch.addStream(checkoutLabels("info")), stream);
        for (int i = 0; i < 1000; ++i)
            batch.append(i, stream, "line");
        QCOMPARE(batch.streamCount(), 1);
        QCOMPARE(batch.textBytes(), qsizetype(4000));
        QCOMPARE(batch.identity(batch.at(0)), batch.identity(batch.at(0)));
        QVERIFY(batch.identity(batch.at(0)) != batch.identity(batch.at(1)));
    }

    void sortKeepsArrivalWithinANanosecond()
    {
        // Loki merges streams by time, then by the stream's labels; lines of one stream and nanosecond keep
        // the order the server gave them in.
        LogBatch batch;
        const qint32 b = batch.addStream({ { QStringLiteral("s"), QStringLiteral("b") } });
        const qint32 a = batch.addStream({ { QStringLiteral("s"), QStringLiteral("a") } });
        batch.append(5, b, "b1");
        batch.append(5, a, "a1");
        batch.append(5, b, "b2");
        batch.append(6, a, "a2");
        batch.append(4, b, "b0");
        batch.sortByTime(LogDirection::Forward);
        QStringList order;
        for (qsizetype i = 0; i < batch.size(); ++i)
            order << line(batch, i);
        QCOMPARE(order, QString::fromLatin1("b0 a1 b1 b2 a2").split(u' '));
        batch.sortByTime(LogDirection::Backward);
        order.clear();
        for (qsizetype i = 0; i < batch.size(); ++i)
            order << line(batch, i);
        QCOMPARE(order, QString::fromLatin1("a2 a1 b1 b2 b0").split(u' '));
    }
};

QTEST_GUILESS_MAIN(TestLokiParser)
#include "tst_lokiparser.moc"
