#include "backends/healthcheck.h"
#include "backends/healthmonitor.h"
#include "cli/cliapp.h"
#include "clirun.h"
#include "net/httpclient.h"
#include "prometheusurl.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <QTextStream>

#include <optional>

using namespace firebreak;
using namespace firebreak::net;

namespace {

constexpr int AnswerTimeoutMs = 15000;

// "2.42.0", "2.42.0+ds" (Debian), "v2.45.1"...
const QRegularExpression VersionPattern(QStringLiteral("^v?\\d+\\.\\d+\\.\\d+"));

} // namespace

/// Checks a real Prometheus (Debian's package), started by the CTest fixture "prometheus".
class TestPrometheusHealth : public QObject
{
    Q_OBJECT

private:
    QUrl m_url;

    ConnectionProfile profile(BackendKind kind = BackendKind::Prometheus) const
    {
        ConnectionProfile p;
        p.id = QStringLiteral("integration");
        p.name = QStringLiteral("fixture");
        p.kind = kind;
        p.baseUrl = m_url;
        p.timeout = std::chrono::milliseconds(AnswerTimeoutMs);
        return p;
    }

    std::optional<HealthResult> check(HttpClient& client, const ConnectionProfile& p)
    {
        QObject context;
        std::optional<HealthResult> result;
        checkHealth(client, p, &context, [&result](HealthResult r) { result = std::move(r); });
        (void)QTest::qWaitFor([&result] { return result.has_value(); }, AnswerTimeoutMs + 5000);
        return result;
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString url = test::prometheusUrl();
        QVERIFY2(!url.isEmpty(), test::NoPrometheusMessage);
        m_url = QUrl(url);
        QVERIFY2(m_url.isValid() && m_url.host() == QLatin1String("127.0.0.1"), qPrintable(url));
    }

    void healthy()
    {
        HttpClient client;
        const auto result = check(client, profile());
        QVERIFY(result.has_value());
        QVERIFY2(result->state == HealthResult::State::Healthy, qPrintable(result->error));
        QVERIFY2(VersionPattern.match(result->version).hasMatch(), qPrintable(result->version));
        QVERIFY(result->latencyMs > 0);
        QVERIFY(result->error.isEmpty());
    }

    void prometheusIsNotALoki()
    {
        HttpClient client;
        const auto result = check(client, profile(BackendKind::Loki));
        QVERIFY(result.has_value());
        QCOMPARE(result->state, HealthResult::State::Failing);
        QVERIFY2(result->error.contains(QStringLiteral("/ready answered 404")), qPrintable(result->error));
    }

    void monitor()
    {
        HttpClient client;
        HealthMonitor monitor(client);
        QSignalSpy roundFinished(&monitor, &HealthMonitor::roundFinished);
        monitor.setProfiles({ profile() });
        QTRY_COMPARE_WITH_TIMEOUT(roundFinished.count(), 1, AnswerTimeoutMs);
        QCOMPARE(monitor.result(QStringLiteral("integration")).state, HealthResult::State::Healthy);
    }

    void cliSourceCheck()
    {
        const test::CliRun run = test::runCli({ QStringLiteral("source"), QStringLiteral("check"),
            QStringLiteral("--kind"), QStringLiteral("prometheus"), QStringLiteral("--url"), m_url.toString() });
        const QString& out = run.out;
        const QString& err = run.err;
        QVERIFY2(run.exitCode == 0, qPrintable(err));
        QVERIFY(err.isEmpty());
        QVERIFY2(out.startsWith(QStringLiteral("Prometheus at %1 is ready (").arg(m_url.toString())), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral(", version ")), qPrintable(out));
    }

    void cliSourceCheckJson()
    {
        const test::CliRun run = test::runCli({ QStringLiteral("--json"), QStringLiteral("source"),
            QStringLiteral("check"), QStringLiteral("--kind"), QStringLiteral("prometheus"), QStringLiteral("--url"),
            m_url.toString(), QStringLiteral("--timeout"), QStringLiteral("10") });
        const QString& out = run.out;
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QJsonDocument doc = QJsonDocument::fromJson(out.toUtf8());
        QVERIFY2(doc.isObject(), qPrintable(out));
        QCOMPARE(doc[QLatin1String("healthy")].toBool(false), true);
        QCOMPARE(doc[QLatin1String("timeout_ms")].toInt(), 10000);
        const QString version = doc[QLatin1String("version")].toString();
        QVERIFY2(VersionPattern.match(version).hasMatch(), qPrintable(version));
        QVERIFY(doc[QLatin1String("latency_ms")].toDouble() > 0);
    }
};

QTEST_GUILESS_MAIN(TestPrometheusHealth)

#include "tst_prometheus_health.moc"
