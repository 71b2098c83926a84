#include "healthcheck.h"

#include "backends/loki/lokiclient.h"
#include "backends/prometheus/prometheusclient.h"
#include "backends/tempo/tempoclient.h"

#include <memory>

namespace firebreak::net {

QString readinessPath(BackendKind kind)
{
    switch (kind) {
    case BackendKind::Prometheus:
        return QStringLiteral("/-/ready");
    case BackendKind::Loki:
    case BackendKind::Tempo:
        return QStringLiteral("/ready");
    }
    return {};
}

namespace {

struct HealthJob
{
    HttpClient* client = nullptr;
    ConnectionProfile profile;
    QObject* context = nullptr;
    std::function<void(HealthResult)> onDone;
    HealthResult result;

    void finish()
    {
        result.checkedAt = QDateTime::currentDateTimeUtc();
        onDone(std::move(result));
    }

    template <typename Answer> static void takeVersion(const std::shared_ptr<HealthJob>& job, const Answer& answer)
    {
        if (answer.ok())
            job->result.version = answer.value->version;
        job->finish();
    }

    /// Through the backend's own client, so the check sees what the workspaces will see (Tempo 2.2's plain-text
    /// /status/version fallback included). A server that does not say its version is still healthy.
    static void askVersion(const std::shared_ptr<HealthJob>& job)
    {
        switch (job->profile.kind) {
        case BackendKind::Prometheus:
            prometheus::PrometheusClient(*job->client, job->profile).buildInfo(job->context, [job](const auto& answer) {
                takeVersion(job, answer);
            });
            return;
        case BackendKind::Loki:
            loki::LokiClient(*job->client, job->profile).buildInfo(job->context, [job](const auto& answer) {
                takeVersion(job, answer);
            });
            return;
        case BackendKind::Tempo:
            tempo::TempoClient(*job->client, job->profile).buildInfo(job->context, [job](const auto& answer) {
                takeVersion(job, answer);
            });
            return;
        }
        job->finish();
    }
};

} // namespace

void checkHealth(
    HttpClient& client, const ConnectionProfile& profile, QObject* context, std::function<void(HealthResult)> onDone)
{
    auto job = std::make_shared<HealthJob>();
    job->client = &client;
    job->profile = profile;
    job->context = context;
    job->onDone = std::move(onDone);

    HttpRequest request = requestFor(profile, readinessPath(profile.kind));
    request.maxResponseBytes = 64 * 1024;
    // A health check reports the state of this moment: a retry would hide a flapping backend and its latency.
    request.retry.maxAttempts = 1;
    client.sendTo(std::move(request), context, [job](HttpResult answer) {
        job->result.latencyMs = answer.response.elapsedMs;
        if (!answer.ok()) {
            job->result.state = HealthResult::State::Failing;
            job->result.error = answer.error->message;
            job->finish();
            return;
        }
        job->result.state = HealthResult::State::Healthy;
        HealthJob::askVersion(job);
    });
}

} // namespace firebreak::net
