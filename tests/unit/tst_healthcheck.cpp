#include "backends/healthcheck.h"
#include "backends/healthmonitor.h"
#include "net/httpclient.h"
#include "testhttpserver.h"
#include "testutils.h"

#include <QElapsedTimer>
#include <QMutex>
#include <QMutexLocker>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <functional>
#include <memory>
#include <optional>

using namespace firebreak;
using namespace firebreak::net;
using namespace firebreak::test;
using namespace std::chrono_literals;

namespace {

using Setup = std::function<void(TestHttpServer&)>;

// Long enough for a loaded CI machine under the sanitizers, short enough to fail fast.
constexpr int AnswerTimeoutMs = 10000;

ConnectionProfile profileFor(BackendKind kind, const QUrl& url)
{
    ConnectionProfile profile;
    profile.id = QStringLiteral("test-") + kindKey(kind);
    profile.name = QStringLiteral("local");
    profile.kind = kind;
    profile.baseUrl = url;
    profile.timeout = 5000ms;
    return profile;
}

void actAsLoki(TestHttpServer& server)
{
    server.route("/ready", { 200, readData(QStringLiteral("loki/loki-ready.txt")) });
    server.route("/loki/api/v1/status/buildinfo",
        { 200, readData(QStringLiteral("loki/loki-buildinfo.json")), "application/json" });
}

void actAsTempo(TestHttpServer& server)
{
    server.route("/ready", { 200, readData(QStringLiteral("tempo/tempo-ready.txt")) });
    server.route(
        "/api/status/buildinfo", { 404, readData(QStringLiteral("tempo/tempo-api-status-buildinfo-404.txt")) });
    server.route("/status/version", { 200, readData(QStringLiteral("tempo/tempo-status-version.txt")), "text/plain" });
}

/// Accepts the request and never answers: a hung backend.
Route hanging()
{
    Route route;
    route.hang = true;
    return route;
}

/// Collects the result of HttpClient::send(), whose callback runs on the network thread. Shared with the
/// callback, so that a test failing early leaves nothing dangling behind.
struct Outcome
{
    QMutex mutex;
    std::optional<HttpResult> result;
    int calls = 0;
    bool onNetworkThread = false;

    bool done()
    {
        QMutexLocker lock(&mutex);
        return result.has_value();
    }
};

HttpClient::Callback collectInto(const std::shared_ptr<Outcome>& outcome)
{
    QThread* testThread = QThread::currentThread();
    return [outcome, testThread](HttpResult r) {
        QMutexLocker lock(&outcome->mutex);
        ++outcome->calls;
        outcome->onNetworkThread = QThread::currentThread() != testThread;
        outcome->result = std::move(r);
    };
}

} // namespace

class TestHealthCheck : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<HttpClient> m_client;

    /// Runs checkHealth() and spins the event loop (so the fake server answers) until it reports.
    std::optional<HealthResult> check(const ConnectionProfile& profile)
    {
        QObject context; // gone when this returns: a late answer is then dropped, not written to the stack
        std::optional<HealthResult> result;
        checkHealth(*m_client, profile, &context, [&result](HealthResult r) { result = std::move(r); });
        (void)QTest::qWaitFor([&result] { return result.has_value(); }, AnswerTimeoutMs);
        return result;
    }

private Q_SLOTS:
    void init() { m_client = std::make_unique<HttpClient>(); }
    void cleanup() { m_client.reset(); }

    void paths()
    {
        QCOMPARE(readinessPath(BackendKind::Prometheus), QStringLiteral("/-/ready"));
        QCOMPARE(readinessPath(BackendKind::Loki), QStringLiteral("/ready"));
        QCOMPARE(readinessPath(BackendKind::Tempo), QStringLiteral("/ready"));
    }

    void healthy_data()
    {
        QTest::addColumn<BackendKind>("kind");
        QTest::addColumn<Setup>("setup");
        QTest::addColumn<QString>("version");
        QTest::addColumn<QByteArrayList>("paths");

        QTest::newRow("prometheus_2_42") << BackendKind::Prometheus << Setup([](TestHttpServer& s) {
            s.actLikePrometheus();
        }) << QStringLiteral("2.42.0") << QByteArrayList { "/-/ready", "/api/v1/status/buildinfo" };
        QTest::newRow("loki_2_9_9") << BackendKind::Loki << Setup(actAsLoki) << QStringLiteral("v2.9.9")
                                    << QByteArrayList { "/ready", "/loki/api/v1/status/buildinfo" };
        QTest::newRow("tempo_2_2_4_falls_back_to_status_version")
            << BackendKind::Tempo << Setup(actAsTempo) << QStringLiteral("v2.2.4")
            << QByteArrayList { "/ready", "/api/status/buildinfo", "/status/version" };
        QTest::newRow("prometheus_behind_proxy_without_buildinfo")
            << BackendKind::Prometheus << Setup([](TestHttpServer& s) {
                   s.route("/-/ready", { 200, "Prometheus Server is Ready.\n" });
               })
            << QString() << QByteArrayList { "/-/ready", "/api/v1/status/buildinfo" };
    }

    void healthy()
    {
        QFETCH(BackendKind, kind);
        QFETCH(Setup, setup);
        QFETCH(QString, version);
        QFETCH(QByteArrayList, paths);

        TestHttpServer server;
        QVERIFY(server.listen());
        setup(server);

        const QDateTime before = QDateTime::currentDateTimeUtc();
        const auto result = check(profileFor(kind, QUrl(server.url())));
        QVERIFY(result.has_value());
        QCOMPARE(result->state, HealthResult::State::Healthy);
        QCOMPARE(result->version, version);
        QVERIFY2(result->error.isEmpty(), qPrintable(result->error));
        QVERIFY2(result->latencyMs > 0, qPrintable(QString::number(result->latencyMs)));
        QVERIFY(result->latencyMs < AnswerTimeoutMs);
        QCOMPARE(result->checkedAt.timeSpec(), Qt::UTC);
        QVERIFY(result->checkedAt >= before);

        QByteArrayList asked;
        for (const auto& request : server.received()) {
            asked << request.target;
            QCOMPARE(request.method, QByteArray("GET"));
            QVERIFY(request.headers.value("user-agent").startsWith("Firebreak/"));
        }
        QCOMPARE(asked, paths);
    }

    void failing_data()
    {
        QTest::addColumn<BackendKind>("kind");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("message");

        QTest::newRow("loki_503_ingester_not_ready")
            << BackendKind::Loki << 503 << QByteArray("Ingester not ready\n")
            << QStringLiteral("Loki \"local\" at %1/ready answered 503: Ingester not ready");
        QTest::newRow("tempo_503_multiline_body_on_one_line")
            << BackendKind::Tempo << 503 << QByteArray("Some services are not Running:\nStarting: 1\n")
            << QStringLiteral("Tempo \"local\" at %1/ready answered 503: Some services are not Running: Starting: 1");
        QTest::newRow("prometheus_401_behind_auth_proxy")
            << BackendKind::Prometheus << 401 << QByteArray("Unauthorized")
            << QStringLiteral("Prometheus \"local\" at %1/-/ready answered 401: Unauthorized");
        QTest::newRow("empty_error_body")
            << BackendKind::Prometheus << 503 << QByteArray()
            << QStringLiteral("Prometheus \"local\" at %1/-/ready answered 503: (empty body)");
    }

    void failing()
    {
        QFETCH(BackendKind, kind);
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QString, message);

        TestHttpServer server;
        QVERIFY(server.listen());
        server.route(readinessPath(kind).toUtf8(), { status, body });

        const auto result = check(profileFor(kind, QUrl(server.url())));
        QVERIFY(result.has_value());
        QCOMPARE(result->state, HealthResult::State::Failing);
        QCOMPARE(result->error, message.arg(server.url()));
        QVERIFY(result->version.isEmpty());
        QCOMPARE(server.received().size(), 1); // no version asked of a server that is not ready
    }

    void slowServerTimesOut()
    {
        TestHttpServer server;
        QVERIFY(server.listen());
        server.route("/-/ready", hanging());
        ConnectionProfile profile = profileFor(BackendKind::Prometheus, QUrl(server.url()));
        profile.timeout = 300ms;

        QElapsedTimer clock;
        clock.start();
        const auto result = check(profile);
        const qint64 elapsed = clock.elapsed();
        QVERIFY(result.has_value());
        QCOMPARE(result->state, HealthResult::State::Failing);
        QCOMPARE(result->error,
            QStringLiteral("Prometheus \"local\" at %1/-/ready: no answer within 0.3 s.").arg(server.url()));
        QVERIFY2(elapsed >= 250, qPrintable(QString::number(elapsed)));
        QVERIFY2(elapsed < 3000, qPrintable(QString::number(elapsed)));
        QCOMPARE(server.count("/-/ready"), 1);
    }

    void refusedConnection()
    {
        const quint16 port = refusedPort();
        QVERIFY(port != 0);
        const QUrl url(QStringLiteral("http://127.0.0.1:%1").arg(port));

        QElapsedTimer clock;
        clock.start();
        const auto result = check(profileFor(BackendKind::Prometheus, url));
        QVERIFY(result.has_value());
        QVERIFY2(clock.elapsed() < 3000, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(result->state, HealthResult::State::Failing);
        QVERIFY2(result->error.startsWith(
                     QStringLiteral("Prometheus \"local\" at %1/-/ready: connection refused").arg(url.toString())),
            qPrintable(result->error));
    }

    void credentialsReachTheServer_data()
    {
        QTest::addColumn<AuthKind>("auth");
        QTest::addColumn<QByteArray>("authorization");

        QTest::newRow("basic") << AuthKind::Basic << QByteArray("Basic " + QByteArray("alice:s3cret:pw").toBase64());
        QTest::newRow("bearer") << AuthKind::Bearer << QByteArray("Bearer tok-123");
        QTest::newRow("none") << AuthKind::None << QByteArray();
    }

    void credentialsReachTheServer()
    {
        QFETCH(AuthKind, auth);
        QFETCH(QByteArray, authorization);

        TestHttpServer server;
        QVERIFY(server.listen());
        actAsLoki(server);
        ConnectionProfile profile = profileFor(BackendKind::Loki, QUrl(server.url()));
        profile.auth = auth;
        profile.username = QStringLiteral("alice");
        profile.password = QStringLiteral("s3cret:pw");
        profile.bearerToken = QStringLiteral("tok-123");
        profile.headers = { { QStringLiteral("X-Scope-OrgID"), QStringLiteral("tenant-a") } };

        const auto result = check(profile);
        QVERIFY(result.has_value());
        QCOMPARE(result->state, HealthResult::State::Healthy);
        QCOMPARE(server.received().size(), 2);
        for (const auto& request : server.received()) {
            QCOMPARE(request.headers.value("authorization"), authorization);
            QCOMPARE(request.headers.value("x-scope-orgid"), QByteArray("tenant-a"));
        }
    }

    void oversizedReadinessAnswer()
    {
        TestHttpServer server;
        QVERIFY(server.listen());
        server.route("/-/ready", { 200, QByteArray(200 * 1024, 'x') }); // readiness answers are capped at 64 KiB

        const auto result = check(profileFor(BackendKind::Prometheus, QUrl(server.url())));
        QVERIFY(result.has_value());
        QCOMPARE(result->state, HealthResult::State::Failing);
        QCOMPARE(result->error,
            QStringLiteral("Prometheus \"local\" at %1/-/ready: the answer is larger than the limit of 64 KiB.")
                .arg(server.url()));
    }

    void clientSendDeliversOnNetworkThread()
    {
        TestHttpServer server;
        QVERIFY(server.listen());
        server.route("/api/echo", { 200, "echo\n", "text/plain; charset=utf-8" });

        HttpRequest request;
        request.url = QUrl(server.url() + QStringLiteral("/api/echo?x=1"));
        request.headers = { { "X-Scope-OrgID", "tenant-b" } };
        auto outcome = std::make_shared<Outcome>();
        m_client->send(request, collectInto(outcome));
        QTRY_VERIFY_WITH_TIMEOUT(outcome->done(), AnswerTimeoutMs);

        QMutexLocker lock(&outcome->mutex);
        QCOMPARE(outcome->calls, 1);
        QVERIFY(outcome->onNetworkThread);
        QVERIFY(outcome->result->ok());
        QCOMPARE(outcome->result->response.status, 200);
        QCOMPARE(outcome->result->response.body, QByteArray("echo\n"));
        QCOMPARE(outcome->result->response.contentType, QByteArray("text/plain; charset=utf-8"));
        QVERIFY(outcome->result->response.elapsedMs > 0);
        QCOMPARE(server.last("/api/echo").headers.value("x-scope-orgid"), QByteArray("tenant-b"));
    }

    void clientSendToDeliversOnContextThread()
    {
        TestHttpServer server;
        QVERIFY(server.listen());
        server.route("/ready", { 200, "ready\n" });

        HttpRequest request;
        request.url = QUrl(server.url() + QStringLiteral("/ready"));
        QObject context;
        std::optional<HttpResult> result;
        bool onTestThread = false;
        m_client->sendTo(request, &context, [&](HttpResult r) {
            onTestThread = QThread::currentThread() == thread();
            result = std::move(r);
        });
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), AnswerTimeoutMs);
        QVERIFY(onTestThread);
        QVERIFY(result->ok());
        QCOMPARE(result->response.body, QByteArray("ready\n"));
    }

    void clientSendToDropsResultWhenContextIsGone()
    {
        const quint16 port = refusedPort();
        QVERIFY(port != 0);
        HttpRequest request;
        request.url = QUrl(QStringLiteral("http://127.0.0.1:%1/ready").arg(port));

        auto context = std::make_unique<QObject>();
        auto called = std::make_shared<bool>(false);
        m_client->sendTo(request, context.get(), [called](HttpResult) { *called = true; });
        // No event processing here: the refusal is queued for delivery while its context goes away.
        QThread::msleep(300);
        context.reset();

        // Results are delivered in order: once a later request's answer is in, the first was dropped.
        auto marker = std::make_shared<Outcome>();
        QObject markerContext;
        m_client->sendTo(request, &markerContext, collectInto(marker));
        QTRY_VERIFY_WITH_TIMEOUT(marker->done(), AnswerTimeoutMs);
        QVERIFY(!*called);
    }

    void clientHttpErrors_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<NetError::Kind>("kind");

        QTest::newRow("503_is_http_error") << 503 << NetError::Kind::Http;
        QTest::newRow("404_is_http_error") << 404 << NetError::Kind::Http;
        QTest::newRow("401_is_auth_error") << 401 << NetError::Kind::Auth;
        QTest::newRow("403_is_auth_error") << 403 << NetError::Kind::Auth;
    }

    void clientHttpErrors()
    {
        QFETCH(int, status);
        QFETCH(NetError::Kind, kind);

        TestHttpServer server;
        QVERIFY(server.listen());
        server.route("/x", { status, "Ingester not ready\n" });

        HttpRequest request;
        request.url = QUrl(server.url() + QStringLiteral("/x"));
        request.service = QStringLiteral("Loki");
        auto outcome = std::make_shared<Outcome>();
        m_client->send(request, collectInto(outcome));
        QTRY_VERIFY_WITH_TIMEOUT(outcome->done(), AnswerTimeoutMs);

        QMutexLocker lock(&outcome->mutex);
        QVERIFY(!outcome->result->ok());
        QCOMPARE(outcome->result->error->kind, kind);
        QCOMPARE(outcome->result->error->httpStatus, status);
        QCOMPARE(outcome->result->error->bodyExcerpt, QByteArray("Ingester not ready"));
        QCOMPARE(outcome->result->response.status, status);
        QCOMPARE(outcome->result->response.body, QByteArray("Ingester not ready\n"));
    }

    void clientResponseSizeLimit_data()
    {
        QTest::addColumn<int>("bodySize");
        QTest::addColumn<qint64>("limit");
        QTest::addColumn<bool>("tooLarge");

        QTest::newRow("below_limit") << 999 << qint64(1000) << false;
        QTest::newRow("exactly_at_limit") << 1000 << qint64(1000) << false;
        QTest::newRow("one_byte_over") << 1001 << qint64(1000) << true;
        QTest::newRow("far_over") << 4 * 1024 * 1024 << qint64(1024 * 1024) << true;
    }

    void clientResponseSizeLimit()
    {
        QFETCH(int, bodySize);
        QFETCH(qint64, limit);
        QFETCH(bool, tooLarge);

        TestHttpServer server;
        QVERIFY(server.listen());
        server.route("/big", { 200, QByteArray(bodySize, 'a') });

        HttpRequest request;
        request.url = QUrl(server.url() + QStringLiteral("/big"));
        request.maxResponseBytes = limit;
        auto outcome = std::make_shared<Outcome>();
        m_client->send(request, collectInto(outcome));
        QTRY_VERIFY_WITH_TIMEOUT(outcome->done(), AnswerTimeoutMs);

        QMutexLocker lock(&outcome->mutex);
        if (tooLarge) {
            QVERIFY(!outcome->result->ok());
            QCOMPARE(outcome->result->error->kind, NetError::Kind::TooLarge);
            QVERIFY2(outcome->result->error->message.contains(QStringLiteral("larger than the limit")),
                qPrintable(outcome->result->error->message));
        } else {
            QVERIFY(outcome->result->ok());
            QCOMPARE(outcome->result->response.body.size(), bodySize);
        }
    }

    void clientTimeout()
    {
        TestHttpServer server;
        QVERIFY(server.listen());
        server.route("/hang", hanging());

        HttpRequest request;
        request.url = QUrl(server.url() + QStringLiteral("/hang"));
        request.totalTimeout = 300ms;
        auto outcome = std::make_shared<Outcome>();
        QElapsedTimer clock;
        clock.start();
        m_client->send(request, collectInto(outcome));
        QTRY_VERIFY_WITH_TIMEOUT(outcome->done(), AnswerTimeoutMs);
        QVERIFY2(clock.elapsed() < 3000, qPrintable(QString::number(clock.elapsed())));

        QMutexLocker lock(&outcome->mutex);
        QCOMPARE(outcome->result->error->kind, NetError::Kind::Timeout);
        QVERIFY2(outcome->result->error->message.endsWith(QStringLiteral(": no answer within 0.3 s.")),
            qPrintable(outcome->result->error->message));
    }

    void clientRefused()
    {
        const quint16 port = refusedPort();
        QVERIFY(port != 0);
        HttpRequest request;
        request.url = QUrl(QStringLiteral("http://127.0.0.1:%1/-/ready").arg(port));
        auto outcome = std::make_shared<Outcome>();
        m_client->send(request, collectInto(outcome));
        QTRY_VERIFY_WITH_TIMEOUT(outcome->done(), AnswerTimeoutMs);

        QMutexLocker lock(&outcome->mutex);
        QCOMPARE(outcome->result->error->kind, NetError::Kind::Unreachable);
        QVERIFY2(outcome->result->error->message.contains(QStringLiteral("refused")),
            qPrintable(outcome->result->error->message));
    }

    void cancelRunningRequest()
    {
        TestHttpServer server;
        QVERIFY(server.listen());
        server.route("/hang", hanging());

        HttpRequest request;
        request.url = QUrl(server.url() + QStringLiteral("/hang"));
        request.totalTimeout = 30000ms;
        auto outcome = std::make_shared<Outcome>();
        const RequestHandlePtr handle = m_client->send(request, collectInto(outcome));
        QTRY_COMPARE_WITH_TIMEOUT(server.count("/hang"), 1, AnswerTimeoutMs); // it is under way

        QElapsedTimer clock;
        clock.start();
        handle->cancel();
        QVERIFY(handle->isCancelled());
        QTRY_VERIFY_WITH_TIMEOUT(outcome->done(), AnswerTimeoutMs);
        QVERIFY2(clock.elapsed() < 2000, qPrintable(QString::number(clock.elapsed())));

        QMutexLocker lock(&outcome->mutex);
        QCOMPARE(outcome->calls, 1);
        QCOMPARE(outcome->result->error->kind, NetError::Kind::Cancelled);
        QVERIFY(outcome->result->error->message.endsWith(QStringLiteral(": cancelled.")));
    }

    void cancelBeforeItStarts()
    {
        const quint16 port = refusedPort();
        HttpRequest request;
        request.url = QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(port));
        auto outcome = std::make_shared<Outcome>();
        const RequestHandlePtr handle = m_client->send(request, collectInto(outcome));
        handle->cancel();
        QTRY_VERIFY_WITH_TIMEOUT(outcome->done(), AnswerTimeoutMs);

        QMutexLocker lock(&outcome->mutex);
        QCOMPARE(outcome->calls, 1);
        // Either the cancellation or the refusal may win the race; the callback runs exactly once.
        QVERIFY(outcome->result->error.has_value());
    }

    void destroyingClientCancelsWhatIsUnderWay()
    {
        TestHttpServer server;
        QVERIFY(server.listen());
        server.route("/hang", hanging());

        HttpRequest request;
        request.url = QUrl(server.url() + QStringLiteral("/hang"));
        request.totalTimeout = 30000ms;
        auto outcome = std::make_shared<Outcome>();
        m_client->send(request, collectInto(outcome));
        QTRY_COMPARE_WITH_TIMEOUT(server.count("/hang"), 1, AnswerTimeoutMs);

        m_client.reset(); // joins the network thread, which delivers before it ends
        QMutexLocker lock(&outcome->mutex);
        QCOMPARE(outcome->calls, 1);
        QVERIFY(outcome->result.has_value());
        QCOMPARE(outcome->result->error->kind, NetError::Kind::Cancelled);
    }

    void monitorChecksEveryProfile()
    {
        TestHttpServer server;
        QVERIFY(server.listen());
        server.actLikePrometheus();
        ConnectionProfile up = profileFor(BackendKind::Prometheus, QUrl(server.url()));
        up.id = QStringLiteral("up");
        const quint16 port = refusedPort();
        QVERIFY(port != 0);
        ConnectionProfile down = profileFor(BackendKind::Loki, QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)));
        down.id = QStringLiteral("down");

        HealthMonitor monitor(*m_client);
        QSignalSpy profilesChanged(&monitor, &HealthMonitor::profilesChanged);
        QSignalSpy healthChanged(&monitor, &HealthMonitor::healthChanged);
        QSignalSpy roundFinished(&monitor, &HealthMonitor::roundFinished);

        monitor.setProfiles({ up, down });
        QCOMPARE(profilesChanged.count(), 1);
        QVERIFY(monitor.isChecking());
        QCOMPARE(monitor.result(QStringLiteral("up")).state, HealthResult::State::Checking);
        QCOMPARE(monitor.result(QStringLiteral("down")).state, HealthResult::State::Checking);

        QTRY_COMPARE_WITH_TIMEOUT(roundFinished.count(), 1, AnswerTimeoutMs);
        QVERIFY(!monitor.isChecking());
        QCOMPARE(healthChanged.count(), 4); // Checking, then the answer, for each

        const HealthResult healthy = monitor.result(QStringLiteral("up"));
        QCOMPARE(healthy.state, HealthResult::State::Healthy);
        QCOMPARE(healthy.version, QStringLiteral("2.42.0"));
        const HealthResult failing = monitor.result(QStringLiteral("down"));
        QCOMPARE(failing.state, HealthResult::State::Failing);
        QVERIFY2(failing.error.contains(QStringLiteral("refused")), qPrintable(failing.error));
        QCOMPARE(monitor.result(QStringLiteral("unknown")).state, HealthResult::State::Unknown);

        // A second round keeps showing the last answers (no flicker back to Checking).
        monitor.checkAll();
        QCOMPARE(monitor.result(QStringLiteral("up")).state, HealthResult::State::Healthy);
        QTRY_COMPARE_WITH_TIMEOUT(roundFinished.count(), 2, AnswerTimeoutMs);
        QCOMPARE(server.count("/-/ready"), 2);

        // Dropping a profile forgets its result.
        monitor.setProfiles({ up });
        QCOMPARE(monitor.result(QStringLiteral("down")).state, HealthResult::State::Unknown);
        QTRY_COMPARE_WITH_TIMEOUT(roundFinished.count(), 3, AnswerTimeoutMs);
    }

    void monitorDoesNotPileUpChecksOnASlowBackend()
    {
        TestHttpServer server;
        QVERIFY(server.listen());
        server.route("/-/ready", hanging());
        ConnectionProfile slow = profileFor(BackendKind::Prometheus, QUrl(server.url()));
        slow.id = QStringLiteral("slow");
        slow.timeout = 600ms;

        HealthMonitor monitor(*m_client);
        QSignalSpy roundFinished(&monitor, &HealthMonitor::roundFinished);
        monitor.setProfiles({ slow });
        QTRY_COMPARE_WITH_TIMEOUT(server.count("/-/ready"), 1, AnswerTimeoutMs);
        // Rounds that come while the check is still out (an interval shorter than the timeout) wait for it.
        monitor.checkAll();
        monitor.checkAll();
        QVERIFY(monitor.isChecking());
        QTRY_COMPARE_WITH_TIMEOUT(roundFinished.count(), 1, AnswerTimeoutMs);
        QCOMPARE(server.count("/-/ready"), 1);
        QCOMPARE(monitor.result(QStringLiteral("slow")).state, HealthResult::State::Failing);

        // Editing the profile starts a check of the new settings at once; the old answer is not shown for it.
        ConnectionProfile edited = slow;
        edited.timeout = 700ms;
        monitor.setProfiles({ edited });
        QCOMPARE(monitor.result(QStringLiteral("slow")).state, HealthResult::State::Checking);
        QTRY_COMPARE_WITH_TIMEOUT(roundFinished.count(), 2, AnswerTimeoutMs);
        QCOMPARE(server.count("/-/ready"), 2);
    }

    void monitorWithoutProfilesFinishesAtOnce()
    {
        HealthMonitor monitor(*m_client);
        QSignalSpy roundFinished(&monitor, &HealthMonitor::roundFinished);
        monitor.setProfiles({});
        QCOMPARE(roundFinished.count(), 1);
        QVERIFY(!monitor.isChecking());
    }

    void monitorInterval()
    {
        HealthMonitor monitor(*m_client);
        QCOMPARE(monitor.interval().count(), 30);
        monitor.setInterval(std::chrono::seconds(5));
        QCOMPARE(monitor.interval().count(), 5);
    }
};

QTEST_GUILESS_MAIN(TestHealthCheck)

#include "tst_healthcheck.moc"
