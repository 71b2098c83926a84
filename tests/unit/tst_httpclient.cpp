// The transport's promises: retries only where safe and within bounds, Retry-After honoured, a per-source
// concurrency limit, cancellation of queued and waiting requests, typed errors for cut and empty answers.

#include "net/httpclient.h"
#include "net/latestrequest.h"
#include "testhttpserver.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTest>

#include <algorithm>
#include <optional>

using namespace firebreak;
using namespace firebreak::net;
using namespace firebreak::test;

namespace {

constexpr int WaitMs = 15000;

HttpRequest requestTo(const FakeHttpServer& server, const QString& path)
{
    HttpRequest request;
    request.url = QUrl(server.url() + path);
    request.service = QStringLiteral("Loki");
    request.totalTimeout = std::chrono::milliseconds(5000);
    request.retry.baseDelay = std::chrono::milliseconds(20);
    request.retry.maxDelay = std::chrono::milliseconds(100);
    return request;
}

ServerResponse status(int code, QByteArray body = {}, QList<QPair<QByteArray, QByteArray>> headers = {})
{
    ServerResponse response = ServerResponse::text(code, body);
    response.headers = std::move(headers);
    return response;
}

} // namespace

class TestHttpClient : public QObject
{
    Q_OBJECT

private:
    HttpClient m_http;

    HttpResult fetch(HttpRequest request)
    {
        std::optional<HttpResult> result;
        m_http.sendTo(std::move(request), this, [&](HttpResult r) { result = std::move(r); });
        if (!QTest::qWaitFor([&] { return result.has_value(); }, WaitMs))
            qFatal("no answer within %d ms", WaitMs);
        return *result;
    }

private Q_SLOTS:
    void retriesOverloadedAnswersThenSucceeds()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.handle(QStringLiteral("/api"), [](const ServerRequest&) { return ServerResponse::json("{}"); });
        server.injectFault({ .pathPrefix = QStringLiteral("/api"), .times = 1, .status = 503, .body = "busy" });
        server.injectFault({ .pathPrefix = QStringLiteral("/api"), .times = 1, .status = 502, .body = "gateway" });

        const HttpResult result = fetch(requestTo(server, QStringLiteral("/api")));
        QVERIFY2(result.ok(), qPrintable(result.error ? result.error->message : QString()));
        QCOMPARE(result.response.attempts, 3);
        QCOMPARE(server.count(QStringLiteral("/api")), 3);
    }

    void givesUpAfterMaxAttemptsAndSaysSo()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.handle(QStringLiteral("/api"), [](const ServerRequest&) { return status(504, "upstream timed out"); });

        const HttpResult result = fetch(requestTo(server, QStringLiteral("/api")));
        QVERIFY(result.error);
        QCOMPARE(result.error->kind, NetError::Kind::Http);
        QCOMPARE(result.error->httpStatus, 504);
        QCOMPARE(result.response.attempts, 3);
        QCOMPARE(server.count(QStringLiteral("/api")), 3);
        QVERIFY2(
            result.error->message.contains(QStringLiteral("upstream timed out")), qPrintable(result.error->message));
        QVERIFY2(
            result.error->message.endsWith(QStringLiteral(", after 3 attempts.")), qPrintable(result.error->message));
    }

    void neverRetriesWhatIsNotTransient_data()
    {
        QTest::addColumn<int>("code");
        QTest::newRow("400 bad query") << 400;
        QTest::newRow("401") << 401;
        QTest::newRow("404") << 404;
        QTest::newRow("500") << 500;
    }

    void neverRetriesWhatIsNotTransient()
    {
        QFETCH(int, code);
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.handle(QStringLiteral("/api"), [code](const ServerRequest&) { return status(code, "no"); });
        const HttpResult result = fetch(requestTo(server, QStringLiteral("/api")));
        QVERIFY(result.error);
        QCOMPARE(result.error->httpStatus, code);
        QCOMPARE(server.count(QStringLiteral("/api")), 1);
    }

    void repeatsAPostOnlyWhenItOnlyReads()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.handle(QStringLiteral("/push"), [](const ServerRequest&) { return status(503, "ingester busy"); });
        HttpRequest push = requestTo(server, QStringLiteral("/push"));
        push.method = "POST";
        push.body = "{}";
        QVERIFY(fetch(push).error);
        QCOMPARE(server.count(QStringLiteral("/push")), 1);

        HttpRequest query = push;
        query.safeToRepeat = true;
        QVERIFY(fetch(query).error);
        QCOMPARE(server.count(QStringLiteral("/push")), 1 + 3);
    }

    void honoursRetryAfterSeconds()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.handle(QStringLiteral("/api"), [](const ServerRequest&) { return ServerResponse::json("{}"); });
        server.injectFault({ .pathPrefix = QStringLiteral("/api"),
            .status = 429,
            .body = "slow down",
            .headers = { { "Retry-After", "1" } } });
        QElapsedTimer clock;
        clock.start();
        const HttpResult result = fetch(requestTo(server, QStringLiteral("/api")));
        QVERIFY(result.ok());
        QCOMPARE(result.response.attempts, 2);
        // Our own backoff would have been at most 100 ms; the server asked for a second.
        QVERIFY2(clock.elapsed() >= 950, qPrintable(QString::number(clock.elapsed())));
    }

    void stopsWhenRetryAfterIsBeyondTheBudget()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.handle(QStringLiteral("/api"), [](const ServerRequest&) {
            return status(429, "rate limited", { { "Retry-After", "3600" } });
        });
        QElapsedTimer clock;
        clock.start();
        const HttpResult result = fetch(requestTo(server, QStringLiteral("/api")));
        QVERIFY(result.error);
        QCOMPARE(result.error->httpStatus, 429);
        QCOMPARE(result.response.attempts, 1);
        QVERIFY(clock.elapsed() < 2000);
    }

    void retriesRefusedConnectionsThenReportsUnreachable()
    {
        HttpRequest request;
        request.url = QUrl(QStringLiteral("http://127.0.0.1:%1/ready").arg(refusedPort()));
        request.service = QStringLiteral("Tempo");
        request.retry.baseDelay = std::chrono::milliseconds(10);
        const HttpResult result = fetch(request);
        QVERIFY(result.error);
        QCOMPARE(result.error->kind, NetError::Kind::Unreachable);
        QCOMPARE(result.response.attempts, 3);
        QVERIFY2(result.error->message.startsWith(QStringLiteral("Tempo at http://127.0.0.1:")),
            qPrintable(result.error->message));
    }

    void limitsConcurrencyPerSource()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        QList<qint64> arrivals;
        QElapsedTimer clock;
        clock.start();
        server.handle(QStringLiteral("/slow"), [&](const ServerRequest&) {
            arrivals << clock.elapsed();
            ServerResponse response = ServerResponse::json("{}");
            response.delayMs = 300;
            return response;
        });
        int done = 0;
        for (int i = 0; i < 6; ++i) {
            HttpRequest request = requestTo(server, QStringLiteral("/slow"));
            request.concurrencyKey = QStringLiteral("loki-prod");
            request.maxConcurrent = 2;
            m_http.sendTo(request, this, [&](const HttpResult& result) { done += result.ok() ? 1 : 0; });
        }
        QTRY_COMPARE_WITH_TIMEOUT(done, 6, WaitMs);
        QCOMPARE(arrivals.size(), 6);
        std::sort(arrivals.begin(), arrivals.end());
        // Never a third request while two are being answered: every third arrival waits for an answer.
        for (qsizetype i = 2; i < arrivals.size(); ++i)
            QVERIFY2(arrivals.at(i) - arrivals.at(i - 2) >= 250, qPrintable(QString::number(arrivals.at(i))));

        // Another source is not held up by this one's queue.
        arrivals.clear();
        HttpRequest other = requestTo(server, QStringLiteral("/slow"));
        other.concurrencyKey = QStringLiteral("tempo-prod");
        other.maxConcurrent = 2;
        QVERIFY(fetch(other).ok());
    }

    void cancelsQueuedAndWaitingRequests()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.handle(QStringLiteral("/hang"), [](const ServerRequest&) {
            ServerResponse response;
            response.hang = true;
            return response;
        });
        server.handle(QStringLiteral("/busy"), [](const ServerRequest&) {
            return status(503, "busy", { { "Retry-After", "10" } });
        });
        HttpRequest blocking = requestTo(server, QStringLiteral("/hang"));
        blocking.concurrencyKey = QStringLiteral("one");
        blocking.maxConcurrent = 1;
        std::optional<HttpResult> first;
        std::optional<HttpResult> queued;
        std::optional<HttpResult> waiting;
        const RequestHandlePtr firstHandle = m_http.sendTo(blocking, this, [&](HttpResult r) { first = r; });
        const RequestHandlePtr queuedHandle = m_http.sendTo(blocking, this, [&](HttpResult r) { queued = r; });
        HttpRequest retrying = requestTo(server, QStringLiteral("/busy"));
        retrying.retry.budget = std::chrono::milliseconds(60000);
        const RequestHandlePtr waitingHandle = m_http.sendTo(retrying, this, [&](HttpResult r) { waiting = r; });
        QTRY_COMPARE_WITH_TIMEOUT(server.count(QStringLiteral("/busy")), 1, WaitMs);
        QTest::qWait(50);
        QCOMPARE(server.count(QStringLiteral("/hang")), 1);

        QElapsedTimer clock;
        clock.start();
        queuedHandle->cancel();
        waitingHandle->cancel();
        QTRY_VERIFY_WITH_TIMEOUT(queued && waiting, WaitMs);
        QVERIFY(clock.elapsed() < 2000);
        QCOMPARE(queued->error->kind, NetError::Kind::Cancelled);
        QCOMPARE(waiting->error->kind, NetError::Kind::Cancelled);
        QVERIFY(!first);
        firstHandle->cancel();
        QTRY_VERIFY_WITH_TIMEOUT(first.has_value(), WaitMs);
        QCOMPARE(first->error->kind, NetError::Kind::Cancelled);
        QCOMPARE(server.count(QStringLiteral("/hang")), 1); // the cancelled queued one never went out
    }

    void latestRequestCancelsTheOlder()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.handle(QStringLiteral("/query"), [](const ServerRequest& request) {
            ServerResponse response = ServerResponse::json(request.param(QStringLiteral("q")).toUtf8());
            response.delayMs = request.param(QStringLiteral("q")) == u"old" ? 2000 : 10;
            return response;
        });
        LatestRequest panel;
        std::optional<HttpResult> older;
        std::optional<HttpResult> newer;
        panel.replace(m_http.sendTo(
            requestTo(server, QStringLiteral("/query?q=old")), this, [&](HttpResult r) { older = std::move(r); }));
        QTRY_COMPARE_WITH_TIMEOUT(server.count(QStringLiteral("/query")), 1, WaitMs);
        panel.replace(m_http.sendTo(
            requestTo(server, QStringLiteral("/query?q=new")), this, [&](HttpResult r) { newer = std::move(r); }));
        QTRY_VERIFY_WITH_TIMEOUT(older && newer, WaitMs);
        QCOMPARE(older->error->kind, NetError::Kind::Cancelled);
        QVERIFY(newer->ok());
        QCOMPARE(newer->response.body, QByteArray("new"));
    }

    void cutAndEmptyAnswersAreTypedErrors()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.handle(
            QStringLiteral("/api"), [](const ServerRequest&) { return ServerResponse::json(QByteArray(4096, 'x')); });
        server.injectFault({ .pathPrefix = QStringLiteral("/api"), .truncateAt = 100 });
        HttpResult result = fetch(requestTo(server, QStringLiteral("/api")));
        QVERIFY(result.error);
        QCOMPARE(result.error->kind, NetError::Kind::Malformed);
        QVERIFY2(result.error->message.contains(QStringLiteral("cut off")), qPrintable(result.error->message));

        server.injectFault({ .pathPrefix = QStringLiteral("/api"), .closeWithoutAnswer = true });
        result = fetch(requestTo(server, QStringLiteral("/api")));
        QVERIFY(result.error);
        QCOMPARE(result.error->kind, NetError::Kind::Unreachable);
        QVERIFY2(
            result.error->message.contains(QStringLiteral("without answering")), qPrintable(result.error->message));
    }
};

QTEST_GUILESS_MAIN(TestHttpClient)
#include "tst_httpclient.moc"
