#include "backends/loki/lokiclient.h"
#include "backends/loki/lokitail.h"
#include "fakeloki.h"
#include "net/httpclient.h"
#include "testhttpserver.h"
#include "testutils.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <optional>

using namespace firebreak;
using namespace firebreak::loki;

namespace {

template <typename T> QString errorText(const T& result)
{
    return result.error ? result.error->message : QString();
}

constexpr int AnswerTimeoutMs = 15000;

// The recorded push (tests/data/loki/request-loki-push.json): 88 lines, 2026-11-24 between these.
constexpr qint64 StartNs = 1795620619972090840;
constexpr qint64 EndNs = 1795621579972090840;
constexpr qint64 SameNs = 1795621000000000000; // fake-loki-same-nanosecond.json: 15 lines at this time

struct Line
{
    qint64 ns;
    QString stream;
    QString text;
    bool operator==(const Line&) const = default;
};

QList<Line> linesOf(const LogBatch& batch)
{
    QList<Line> out;
    for (qsizetype i = 0; i < batch.size(); ++i)
        out.append({ batch.at(i).timestampNs, batch.streamKey(batch.at(i).stream), batch.textString(batch.at(i)) });
    return out;
}

QString describe(const QList<Line>& lines)
{
    QStringList out;
    for (const Line& line : lines)
        out << QStringLiteral("%1 %2 %3").arg(line.ns).arg(line.stream, line.text);
    return out.join(u'\n');
}

} // namespace

Q_DECLARE_METATYPE(firebreak::LogDirection)

/// LokiClient and LokiTail against FakeLoki in this process (tests/servers/loki): paging past the server's
/// limit, truncation, the tail's cursor, the metadata endpoints and every kind of failure.
class TestLokiClient : public QObject
{
    Q_OBJECT

private:
    net::HttpClient m_http;
    std::optional<test::FakeLoki> m_loki;

    net::ConnectionProfile profile(const QString& url, int timeoutMs = AnswerTimeoutMs) const
    {
        net::ConnectionProfile p;
        p.id = QStringLiteral("loki-test");
        p.kind = net::BackendKind::Loki;
        p.baseUrl = QUrl(url);
        p.timeout = std::chrono::milliseconds(timeoutMs);
        return p;
    }

    LokiClient client(int maxEntries = 10)
    {
        LokiClient c(m_http, profile(m_loki->url()));
        c.setMaxEntriesPerQuery(maxEntries);
        return c;
    }

    template <typename T, typename Call> std::optional<Answer<T>> wait(Call call)
    {
        QObject context;
        std::optional<Answer<T>> result;
        bool onGuiThread = false;
        call(&context, [&result, &onGuiThread](Answer<T> answer) {
            onGuiThread = QThread::currentThread() == QCoreApplication::instance()->thread();
            result = std::move(answer);
        });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), AnswerTimeoutMs + 5000); }();
        if (result && !onGuiThread)
            qWarning("answer delivered outside the GUI thread");
        return onGuiThread ? result : std::nullopt;
    }

    std::optional<Answer<QueryResult>> range(LokiClient c, const RangeQuery& query)
    {
        return wait<QueryResult>([&](QObject* context, auto done) { c.queryRange(query, context, done); });
    }

    /// Every line the fake holds for `expr`, in one request (the fake's limit lifted for it).
    QList<Line> everything(const QString& expr, LogDirection direction)
    {
        const int before = m_loki->maxEntriesPerQuery();
        m_loki->setMaxEntriesPerQuery(100000);
        const auto answer = range(client(100000), { expr, StartNs, EndNs, 100000, direction, {} });
        m_loki->setMaxEntriesPerQuery(before);
        return answer && answer->ok() ? linesOf(answer->value->logs) : QList<Line> {};
    }

    QString readPush(const QString& name) { return m_loki->push(test::readData(QStringLiteral("loki/") + name)); }

private Q_SLOTS:
    void init()
    {
        m_loki.emplace();
        QVERIFY(m_loki->listen());
        m_loki->setMaxEntriesPerQuery(10);
        QCOMPARE(readPush(QStringLiteral("request-loki-push.json")), QString());
        QCOMPARE(readPush(QStringLiteral("fake-loki-same-nanosecond.json")), QString());
        QCOMPARE(m_loki->lineCount(), qsizetype(88 + 35));
    }

    void cleanup() { m_loki.reset(); }

    void recordedQuery()
    {
        m_loki->setMaxEntriesPerQuery(5000);
        const auto answer = range(client(5000),
            { QStringLiteral(R"({service="checkout"} |= "error")"), StartNs, EndNs, 100, LogDirection::Backward, {} });
        QVERIFY(answer);
        QVERIFY2(answer->ok(), qPrintable(errorText(*answer)));
        const QueryResult& r = *answer->value;
        QCOMPARE(r.type, ResultType::Streams);
        QCOMPARE(r.logs.size(), 11);
        QCOMPARE(r.logs.at(0).timestampNs, qint64(1795621430742387522));
        QCOMPARE(r.logs.at(10).timestampNs, qint64(1795620850742387522));
        QVERIFY(!r.truncated);
        QCOMPARE(r.requests, 1);
        QCOMPARE(*r.reachedNs, qint64(1795620850742387522));
        QCOMPARE(r.stats.totalLinesProcessed, qint64(47));
        QCOMPARE(r.stats.totalBytesProcessed, qint64(5249));
        const auto& request = m_loki->http().received().constLast();
        QCOMPARE(request.path, QStringLiteral("/loki/api/v1/query_range"));
        // Nanoseconds as digits, never seconds with a fraction (Loki rounds those to milliseconds).
        QVERIFY2(request.target.contains("start=1795620619972090840"), request.target.constData());
        QVERIFY(request.target.contains("end=1795621579972090840"));
        QVERIFY(request.target.contains("direction=backward"));
    }

    void pagingPastTheLimit_data()
    {
        QTest::addColumn<QString>("expr");
        QTest::addColumn<LogDirection>("direction");
        QTest::addColumn<int>("pageLimit");
        QTest::addColumn<int>("expected");
        QTest::newRow("all_backward_pages_of_10")
            << QStringLiteral(R"({env="dev"})") << LogDirection::Backward << 10 << 88;
        QTest::newRow("all_forward_pages_of_10")
            << QStringLiteral(R"({env="dev"})") << LogDirection::Forward << 10 << 88;
        QTest::newRow("all_backward_pages_of_7")
            << QStringLiteral(R"({env=~"d.+"})") << LogDirection::Backward << 7 << 88;
        // 15 lines of two streams share one nanosecond; pages of 16 and 20 split them.
        QTest::newRow("same_ns_backward_16")
            << QStringLiteral(R"({job="burst"})") << LogDirection::Backward << 16 << 35;
        QTest::newRow("same_ns_forward_16") << QStringLiteral(R"({job="burst"})") << LogDirection::Forward << 16 << 35;
        QTest::newRow("same_ns_backward_20")
            << QStringLiteral(R"({job="burst"})") << LogDirection::Backward << 20 << 35;
        QTest::newRow("same_ns_forward_20") << QStringLiteral(R"({job="burst"})") << LogDirection::Forward << 20 << 35;
        QTest::newRow("filtered_backward_3")
            << QStringLiteral(R"({job="burst"} |= "older")") << LogDirection::Backward << 3 << 10;
        QTest::newRow("filtered_forward_16")
            << QStringLiteral(R"({job="burst"} != "newer")") << LogDirection::Forward << 16 << 25;
    }

    void pagingPastTheLimit()
    {
        QFETCH(QString, expr);
        QFETCH(LogDirection, direction);
        QFETCH(int, pageLimit);
        QFETCH(int, expected);
        const QList<Line> reference = everything(expr, direction);
        QCOMPARE(reference.size(), expected);

        m_loki->setMaxEntriesPerQuery(pageLimit);
        m_loki->http().clearReceived();
        const auto answer = range(client(pageLimit), { expr, StartNs, EndNs, 100000, direction, {} });
        QVERIFY(answer);
        QVERIFY2(answer->ok(), qPrintable(errorText(*answer)));
        const QueryResult& r = *answer->value;
        const QList<Line> got = linesOf(r.logs);
        // Every line once, in Loki's order.
        QVERIFY2(got == reference, qPrintable(describe(got)));
        QVERIFY(!r.truncated);
        QVERIFY(r.requests >= (expected + pageLimit - 1) / pageLimit);
        QCOMPARE(r.requests, m_loki->http().count(QStringLiteral("/loki/api/v1/query_range")));
        QVERIFY(answer->warnings.isEmpty());
        static const QRegularExpression limitParameter(QStringLiteral("[?&]limit=(\\d+)"));
        for (const auto& request : m_loki->http().received()) {
            const auto match = limitParameter.match(QString::fromLatin1(request.target));
            QVERIFY(match.hasMatch());
            QVERIFY2(match.captured(1).toInt() <= pageLimit, request.target.constData());
        }
    }

    void truncation_data()
    {
        QTest::addColumn<LogDirection>("direction");
        QTest::addColumn<int>("limit");
        QTest::addColumn<bool>("truncated");
        QTest::newRow("backward_30_of_88") << LogDirection::Backward << 30 << true;
        QTest::newRow("forward_30_of_88") << LogDirection::Forward << 30 << true;
        QTest::newRow("backward_87_of_88") << LogDirection::Backward << 87 << true;
        QTest::newRow("backward_exactly_88") << LogDirection::Backward << 88 << false;
        QTest::newRow("forward_exactly_88") << LogDirection::Forward << 88 << false;
        QTest::newRow("backward_5_in_one_page") << LogDirection::Backward << 5 << true;
        QTest::newRow("forward_500") << LogDirection::Forward << 500 << false;
    }

    void truncation()
    {
        QFETCH(LogDirection, direction);
        QFETCH(int, limit);
        QFETCH(bool, truncated);
        const QString expr = QStringLiteral(R"({env="dev"})");
        const QList<Line> reference = everything(expr, direction);
        const auto answer = range(client(10), { expr, StartNs, EndNs, limit, direction, {} });
        QVERIFY(answer);
        QVERIFY2(answer->ok(), qPrintable(errorText(*answer)));
        const QueryResult& r = *answer->value;
        const qsizetype want = std::min<qsizetype>(limit, reference.size());
        QCOMPARE(r.logs.size(), want);
        QVERIFY(linesOf(r.logs) == reference.mid(0, want));
        QCOMPARE(r.truncated, truncated);
        QCOMPARE(*r.reachedNs, reference.at(want - 1).ns);
    }

    void manyLinesInOneNanosecondBeyondAPage()
    {
        // 15 lines at one nanosecond and pages of 5: Loki keeps giving the same first 5; the client says so.
        m_loki->setMaxEntriesPerQuery(5);
        const auto answer = range(client(5),
            { QStringLiteral(R"({job="burst"})"), SameNs - 1000, SameNs + 1, 1000, LogDirection::Backward, {} });
        QVERIFY(answer);
        QVERIFY2(answer->ok(), qPrintable(errorText(*answer)));
        QCOMPARE(answer->warnings.size(), 1);
        QVERIFY2(answer->warnings.first().contains(QLatin1String("1795621000000000000")),
            qPrintable(answer->warnings.first()));
        // Five of the fifteen, then the ten older lines of the range.
        QCOMPARE(answer->value->logs.size(), 5 + 10);
        QSet<QByteArray> seen;
        for (const LogLine& line : answer->value->logs.lines())
            seen.insert(answer->value->logs.identity(line));
        QCOMPARE(seen.size(), 15);
    }

    void learnsTheServersLimit()
    {
        // The client assumes 5000, the server allows 10: the 400 names the limit, the client pages with it.
        const auto answer
            = range(client(5000), { QStringLiteral(R"({env="dev"})"), StartNs, EndNs, 60, LogDirection::Forward, {} });
        QVERIFY(answer);
        QVERIFY2(answer->ok(), qPrintable(errorText(*answer)));
        QCOMPARE(answer->value->logs.size(), 60);
        QVERIFY(answer->value->truncated);
        QCOMPARE(maxEntriesFromError(
                     QStringLiteral("max entries limit per query exceeded, limit > max_entries_limit (5001 > 5000)")),
            std::optional<int>(5000));
        QCOMPARE(maxEntriesFromError(QStringLiteral("parse error at line 1")), std::optional<int>());
    }

    void metricRange()
    {
        const auto answer = range(client(),
            { QStringLiteral("sum by (level) (count_over_time({service=\"checkout\"}[1m]))"), StartNs, EndNs, 100,
                LogDirection::Backward, qint64(60000) });
        QVERIFY(answer);
        QVERIFY2(answer->ok(), qPrintable(errorText(*answer)));
        const QueryResult& r = *answer->value;
        QCOMPARE(r.type, ResultType::Matrix);
        QCOMPARE(r.requests, 1);
        QCOMPARE(r.series.size(), std::size_t(3));
        QCOMPARE(r.series[0].labels.value(QStringLiteral("level")), QStringLiteral("error"));
        QCOMPARE(r.series[0].timesMs.front(), qint64(1795620900000));
        QCOMPARE(r.series[0].values.back(), 2.0);
        QVERIFY(m_loki->http().received().constLast().target.contains("step=60"));
    }

    void metricInstant()
    {
        LokiClient c = client();
        const auto answer = wait<QueryResult>([&](QObject* context, auto done) {
            c.query(QStringLiteral("sum by (level) (count_over_time({service=\"checkout\"}[15m]))"),
                qint64(1795621519972090840), context, done);
        });
        QVERIFY(answer);
        QVERIFY2(answer->ok(), qPrintable(errorText(*answer)));
        QCOMPARE(answer->value->type, ResultType::Vector);
        QCOMPARE(answer->value->series.size(), std::size_t(3));
        QCOMPARE(answer->value->series[0].values, std::vector<double> { 11.0 });
        QCOMPARE(answer->value->series[0].timesMs, std::vector<qint64> { 1795621519972 });
    }

    void categorizedLabels()
    {
        m_loki->add({ { QStringLiteral("app"), QStringLiteral("shop") } }, SameNs, R"({"status":502})",
            { { QStringLiteral("trace_id"), QStringLiteral("4bf9") } });
        LokiClient c = client();
        c.setCategorizeLabels(true);
        const auto answer
            = range(c, { QStringLiteral(R"({app="shop"} | json)"), StartNs, EndNs, 10, LogDirection::Backward, {} });
        QVERIFY(answer);
        QVERIFY2(answer->ok(), qPrintable(errorText(*answer)));
        const LogBatch& logs = answer->value->logs;
        QCOMPARE(answer->value->encodingFlags, QStringList { QStringLiteral("categorize-labels") });
        QCOMPARE(logs.size(), 1);
        QCOMPARE(logs.streamLabels(0), (LogLabels { { QStringLiteral("app"), QStringLiteral("shop") } }));
        QCOMPARE(logs.extra(logs.at(0)).structuredMetadata.value(QStringLiteral("trace_id")), QStringLiteral("4bf9"));
        QCOMPARE(logs.extra(logs.at(0)).parsed.value(QStringLiteral("status")), QStringLiteral("502"));
        QCOMPARE(m_loki->http().received().constLast().header("x-loki-response-encoding-flags"),
            QByteArray("categorize-labels"));

        // Without the flag, Loki 2.9's way: all of it in the stream labels.
        const auto merged = range(
            client(), { QStringLiteral(R"({app="shop"} | json)"), StartNs, EndNs, 10, LogDirection::Backward, {} });
        QVERIFY(merged && merged->ok());
        QCOMPARE(merged->value->logs.streamLabels(0).size(), 3);
        QCOMPARE(merged->value->logs.at(0).extra, -1);
    }

    void labelsValuesSeriesVolume()
    {
        LokiClient c = client();
        const auto labels
            = wait<QStringList>([&](QObject* context, auto done) { c.labels(StartNs, EndNs, context, done); });
        QVERIFY(labels && labels->ok());
        QCOMPARE(*labels->value, QString::fromLatin1("env job level pod service").split(u' '));

        const auto values = wait<QStringList>([&](QObject* context, auto done) {
            c.labelValues(
                QStringLiteral("level"), QStringLiteral(R"({service="checkout"})"), StartNs, EndNs, context, done);
        });
        QVERIFY(values && values->ok());
        QCOMPARE(*values->value, QString::fromLatin1("error info warn").split(u' '));
        QVERIFY(m_loki->http().received().constLast().path == QStringLiteral("/loki/api/v1/label/level/values"));

        const auto none = wait<QStringList>([&](QObject* context, auto done) {
            c.labelValues(QStringLiteral("nothing"), QString(), StartNs, EndNs, context, done);
        });
        QVERIFY(none && none->ok());
        QVERIFY(none->value->isEmpty());

        const auto series = wait<std::vector<LogLabels>>([&](QObject* context, auto done) {
            c.series({ QStringLiteral(R"({service="checkout"})"), QStringLiteral(R"({job="burst"})") }, StartNs, EndNs,
                context, done);
        });
        QVERIFY(series && series->ok());
        QCOMPARE(series->value->size(), std::size_t(5));

        const auto volume = wait<Volume>([&](QObject* context, auto done) {
            c.indexVolume(QStringLiteral(R"({env="dev"})"), StartNs, EndNs, context, done);
        });
        QVERIFY(volume);
        QVERIFY2(volume->ok(), qPrintable(errorText(*volume)));
        QVERIFY(volume->value->supported);
        QCOMPARE(volume->value->entries.size(), std::size_t(1));
        QCOMPARE(volume->value->entries[0].bytes, qint64(9085));

        // An older Loki has no volume endpoint: an answer, not a failure.
        test::Fault fault;
        fault.pathPrefix = QStringLiteral("/loki/api/v1/index/volume");
        fault.status = 404;
        fault.body = "404 page not found\n";
        m_loki->http().injectFault(fault);
        const auto old = wait<Volume>([&](QObject* context, auto done) {
            c.indexVolume(QStringLiteral(R"({env="dev"})"), StartNs, EndNs, context, done);
        });
        QVERIFY(old);
        QVERIFY2(old->ok(), qPrintable(errorText(*old)));
        QVERIFY(!old->value->supported);
        QVERIFY(old->value->entries.empty());

        const auto info = wait<BuildInfo>([&](QObject* context, auto done) { c.buildInfo(context, done); });
        QVERIFY(info && info->ok());
        QCOMPARE(info->value->version, QStringLiteral("v2.9.9"));
    }

    void tailWithoutGapsOrDuplicates()
    {
        m_loki->clear();
        const LogLabels a { { QStringLiteral("app"), QStringLiteral("tail") },
            { QStringLiteral("pod"), QStringLiteral("a") } };
        const LogLabels b { { QStringLiteral("app"), QStringLiteral("tail") },
            { QStringLiteral("pod"), QStringLiteral("b") } };
        const qint64 t0 = SameNs;
        qint64 clock = t0 + 10;
        m_loki->add(a, t0 + 1, "a1");
        m_loki->add(b, t0 + 1, "b1");
        m_loki->add(a, t0 + 2, "a2");

        // Pages of 4 lines, so that catching up takes several polls.
        m_loki->setMaxEntriesPerQuery(4);
        LokiTail tail(client(4), QStringLiteral(R"({app="tail"})"), t0);
        tail.setClock([&clock] { return clock; });
        QList<Line> got;
        connect(&tail, &LokiTail::linesArrived, this, [&got](const LogBatch& batch) { got += linesOf(batch); });
        QSignalSpy polled(&tail, &LokiTail::polled);
        QSignalSpy failed(&tail, &LokiTail::pollFailed);
        QSignalSpy warned(&tail, &LokiTail::warning);
        const auto poll = [&] {
            const auto before = polled.count();
            tail.pollNow();
            QTRY_VERIFY_WITH_TIMEOUT(polled.count() > before, AnswerTimeoutMs);
        };

        poll();
        QCOMPARE(got.size(), 3);
        QCOMPARE(tail.cursorNs(), t0 + 2);

        // Lines at the cursor's nanosecond arrive between polls, in both streams, with a later one.
        m_loki->add(b, t0 + 2, "b2");
        m_loki->add(a, t0 + 2, "a2-again");
        m_loki->add(a, t0 + 3, "a3");
        poll();
        QCOMPARE(got.size(), 6);
        QCOMPARE(tail.cursorNs(), t0 + 3);
        poll(); // nothing new: nothing delivered
        QCOMPARE(got.size(), 6);
        QCOMPARE(polled.constLast().at(0).value<qsizetype>(), qsizetype(0));

        // More than a page behind: the tail polls again at once until it has caught up.
        m_loki->add(b, t0 + 3, "b3-0");
        m_loki->add(b, t0 + 3, "b3-1");
        for (int i = 0; i < 4; ++i)
            m_loki->add(a, t0 + 4 + i, "a-late-" + QByteArray::number(i));
        tail.setInterval(std::chrono::milliseconds(20));
        tail.start();
        QTRY_COMPARE_WITH_TIMEOUT(got.size(), 12, AnswerTimeoutMs);
        tail.stop();
        QVERIFY(failed.isEmpty());
        QVERIFY(warned.isEmpty());

        // Lines newer than the clock are asked for only once the clock reaches them.
        m_loki->add(a, t0 + 50, "future");
        poll();
        QCOMPARE(got.size(), 12);
        clock = t0 + 50;
        poll();
        QCOMPARE(got.size(), 13);

        QSet<QString> unique;
        for (const Line& line : std::as_const(got))
            unique.insert(QString::number(line.ns) + line.stream + line.text);
        QCOMPARE(unique.size(), got.size());
        m_loki->setMaxEntriesPerQuery(10);
        const QList<Line> all = everything(QStringLiteral(R"({app="tail"})"), LogDirection::Forward);
        QCOMPARE(all.size(), 13);
        QSet<QString> expected;
        for (const Line& line : all)
            expected.insert(QString::number(line.ns) + line.stream + line.text);
        QCOMPARE(unique, expected);
        for (qsizetype i = 1; i < got.size(); ++i)
            QVERIFY(got.at(i - 1).ns <= got.at(i).ns);
    }

    void tailHoldsBackForLateWriters()
    {
        m_loki->clear();
        const LogLabels a { { QStringLiteral("app"), QStringLiteral("tail") } };
        const qint64 t0 = SameNs;
        qint64 clock = t0 + 10 * 1000000; // 10 ms after t0
        LokiTail tail(client(), QStringLiteral(R"({app="tail"})"), t0);
        tail.setClock([&clock] { return clock; });
        tail.setDelay(std::chrono::milliseconds(5));
        QList<Line> got;
        connect(&tail, &LokiTail::linesArrived, this, [&got](const LogBatch& batch) { got += linesOf(batch); });
        QSignalSpy polled(&tail, &LokiTail::polled);
        m_loki->add(a, t0 + 4 * 1000000, "in time");
        m_loki->add(a, t0 + 7 * 1000000, "within the delay");
        tail.pollNow();
        QTRY_COMPARE_WITH_TIMEOUT(polled.count(), 1, AnswerTimeoutMs);
        QCOMPARE(got.size(), 1);
        // A writer that is late by less than the delay is still seen.
        m_loki->add(a, t0 + 6 * 1000000, "late writer");
        clock += 10 * 1000000;
        tail.pollNow();
        QTRY_COMPARE_WITH_TIMEOUT(polled.count(), 2, AnswerTimeoutMs);
        QCOMPARE(got.size(), 3);
        QCOMPARE(got.at(1).text, QStringLiteral("late writer"));
        QCOMPARE(got.at(2).text, QStringLiteral("within the delay"));
    }

    void apiError()
    {
        const auto answer = range(client(),
            { QStringLiteral(R"({service="checkout" |= "error")"), StartNs, EndNs, 10, LogDirection::Backward, {} });
        QVERIFY(answer);
        QVERIFY(!answer->ok());
        const QueryError& e = *answer->error;
        QCOMPARE(e.kind, QueryError::Kind::Api);
        QCOMPARE(e.httpStatus, 400);
        QCOMPARE(e.message,
            QStringLiteral("Loki at %1/loki/api/v1/query_range answered 400: parse error at line 0, col 21: syntax "
                           "error: unexpected |=, expecting } or ,")
                .arg(m_loki->url()));
    }

    void failures_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<int>("delayMs");
        QTest::addColumn<int>("truncateAt");
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("netKind");
        QTest::addColumn<QString>("says");
        const int network = int(QueryError::Kind::Network);
        const int malformed = int(QueryError::Kind::Malformed);
        using N = net::NetError::Kind;
        QTest::newRow("401_auth") << 401 << QByteArray("no org id\n") << QByteArray("text/plain; charset=utf-8") << 0
                                  << -1 << network << int(N::Auth) << QStringLiteral("answered 401: no org id");
        QTest::newRow("403_auth") << 403 << QByteArray("forbidden") << QByteArray("text/plain") << 0 << -1 << network
                                  << int(N::Auth) << QStringLiteral("answered 403");
        QTest::newRow("500_with_body") << 500 << QByteArray("rpc error: code = Unavailable desc = connection refused\n")
                                       << QByteArray("text/plain; charset=utf-8") << 0 << -1 << network << int(N::Http)
                                       << QStringLiteral(
                                              "answered 500: rpc error: code = Unavailable desc = connection refused");
        QTest::newRow("broken_json") << 200 << QByteArray(R"({"status":"success","data":{"resultType":"streams",)")
                                     << QByteArray("application/json") << 0 << -1 << malformed << int(N::Malformed)
                                     << QStringLiteral("cannot be read");
        QTest::newRow("wrong_shape") << 200
                                     << QByteArray(
                                            R"({"status":"success","data":{"resultType":"streams","result":{}}})")
                                     << QByteArray("application/json") << 0 << -1 << malformed << int(N::Malformed)
                                     << QStringLiteral("data.result");
        QTest::newRow("html_login_page") << 200 << QByteArray("<!DOCTYPE html><html><body>Sign in</body></html>")
                                         << QByteArray("text/html; charset=utf-8") << 0 << -1 << malformed
                                         << int(N::Malformed) << QStringLiteral("text/html");
        QTest::newRow("cut_off") << 200 << test::readData(QStringLiteral("loki/loki-query_range-logs-error.json"))
                                 << QByteArray("application/json; charset=UTF-8") << 0 << 300 << malformed
                                 << int(N::Malformed) << QStringLiteral("cut off");
        QTest::newRow("slow") << 200 << test::readData(QStringLiteral("loki/loki-query_range-logs-error.json"))
                              << QByteArray("application/json") << 3000 << -1 << network << int(N::Timeout)
                              << QStringLiteral("no answer within");
    }

    void failures()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, contentType);
        QFETCH(int, delayMs);
        QFETCH(int, truncateAt);
        QFETCH(int, kind);
        QFETCH(int, netKind);
        QFETCH(QString, says);
        test::Fault fault;
        fault.pathPrefix = QStringLiteral("/loki/api/v1/");
        fault.times = 5;
        fault.status = status;
        fault.body = body;
        fault.contentType = contentType;
        fault.delayMs = delayMs;
        fault.truncateAt = truncateAt;
        m_loki->http().injectFault(fault);
        LokiClient c(m_http, profile(m_loki->url(), 1000));
        const auto answer
            = range(c, { QStringLiteral(R"({env="dev"})"), StartNs, EndNs, 10, LogDirection::Backward, {} });
        QVERIFY(answer);
        QVERIFY(!answer->ok());
        QCOMPARE(int(answer->error->kind), kind);
        QCOMPARE(int(answer->error->netKind), netKind);
        QVERIFY2(answer->error->message.contains(says), qPrintable(answer->error->message));
        QVERIFY2(
            answer->error->message.startsWith(QStringLiteral("Loki at %1/loki/api/v1/query_range").arg(m_loki->url())),
            qPrintable(answer->error->message));
    }

    void serverDown()
    {
        const quint16 port = test::refusedPort();
        QVERIFY(port != 0);
        LokiClient c(m_http, profile(QStringLiteral("http://127.0.0.1:%1").arg(port)));
        const auto answer
            = range(c, { QStringLiteral(R"({env="dev"})"), StartNs, EndNs, 10, LogDirection::Backward, {} });
        QVERIFY(answer);
        QVERIFY(!answer->ok());
        QCOMPARE(answer->error->kind, QueryError::Kind::Network);
        QCOMPARE(answer->error->netKind, net::NetError::Kind::Unreachable);
        QVERIFY2(answer->error->message.contains(QStringLiteral("127.0.0.1:%1").arg(port)),
            qPrintable(answer->error->message));
    }

    void sizeCap()
    {
        LokiClient c = client(5000);
        c.setMaxResponseBytes(2000);
        const auto answer
            = range(c, { QStringLiteral(R"({env="dev"})"), StartNs, EndNs, 88, LogDirection::Backward, {} });
        QVERIFY(answer);
        QVERIFY(!answer->ok());
        QCOMPARE(answer->error->netKind, net::NetError::Kind::TooLarge);
    }

    void invalidBeforeSending()
    {
        const int before = m_loki->http().received().size();
        const auto backwards
            = range(client(), { QStringLiteral(R"({env="dev"})"), EndNs, StartNs, 10, LogDirection::Backward, {} });
        QVERIFY(backwards && !backwards->ok());
        QCOMPARE(backwards->error->kind, QueryError::Kind::Invalid);
        const auto zero
            = range(client(), { QStringLiteral(R"({env="dev"})"), StartNs, EndNs, 0, LogDirection::Backward, {} });
        QVERIFY(zero && !zero->ok());
        QCOMPARE(zero->error->kind, QueryError::Kind::Invalid);
        QCOMPARE(m_loki->http().received().size(), before);
    }

    void apiTimes()
    {
        QCOMPARE(LokiClient::apiTime(1795620619972090840), QStringLiteral("1795620619972090840"));
        // Loki reads at most 10 digits as seconds: such early times go as RFC 3339.
        QCOMPARE(LokiClient::apiTime(1500000000), QStringLiteral("1970-01-01T00:00:01.500000000Z"));
        QCOMPARE(LokiClient::apiTime(0), QStringLiteral("1970-01-01T00:00:00.000000000Z"));
        QCOMPARE(LokiClient::apiSeconds(60000), QStringLiteral("60"));
        QCOMPARE(LokiClient::apiSeconds(1500), QStringLiteral("1.500"));
    }
};

QTEST_GUILESS_MAIN(TestLokiClient)
#include "tst_lokiclient.moc"
