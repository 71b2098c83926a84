#include "healthcheck.h"

#include <QRegularExpression>

#include <nlohmann/json.hpp>

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

QStringList versionPaths(BackendKind kind)
{
    switch (kind) {
    case BackendKind::Prometheus:
        return { QStringLiteral("/api/v1/status/buildinfo") };
    case BackendKind::Loki:
        return { QStringLiteral("/loki/api/v1/status/buildinfo") };
    case BackendKind::Tempo:
        // Tempo 2.2 has no /api/status/buildinfo (404) and answers plain text on /status/version.
        return { QStringLiteral("/api/status/buildinfo"), QStringLiteral("/status/version") };
    }
    return {};
}

QString parseVersion(BackendKind kind, const QByteArray& body)
{
    const auto json = nlohmann::json::parse(body.constBegin(), body.constEnd(), nullptr, false);
    if (!json.is_discarded() && json.is_object()) {
        // Prometheus wraps it in {"status":"success","data":{…}}; Loki and newer Tempo answer it bare.
        const auto& info = (kind == BackendKind::Prometheus && json.contains("data")) ? json["data"] : json;
        if (info.is_object() && info.contains("version") && info["version"].is_string())
            return QString::fromStdString(info["version"].get<std::string>());
        return {};
    }
    static const QRegularExpression versionLine(QStringLiteral("version\\s+(v?[0-9][^\\s,]*)"));
    const auto match = versionLine.match(QString::fromUtf8(body));
    return match.hasMatch() ? match.captured(1) : QString();
}

namespace {

struct HealthJob
{
    HttpClient* client = nullptr;
    ConnectionProfile profile;
    QObject* context = nullptr;
    std::function<void(HealthResult)> onDone;
    HealthResult result;
    QStringList remainingVersionPaths;

    void finish()
    {
        result.checkedAt = QDateTime::currentDateTimeUtc();
        onDone(std::move(result));
    }

    static void askVersion(std::shared_ptr<HealthJob> job)
    {
        if (job->remainingVersionPaths.isEmpty()) {
            job->finish();
            return;
        }
        HttpRequest request = requestFor(job->profile, job->remainingVersionPaths.takeFirst());
        request.maxResponseBytes = 1024 * 1024;
        job->client->sendTo(std::move(request), job->context, [job](HttpResult answer) {
            if (answer.ok())
                job->result.version = parseVersion(job->profile.kind, answer.response.body);
            if (job->result.version.isEmpty())
                askVersion(job);
            else
                job->finish();
        });
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
    job->remainingVersionPaths = versionPaths(profile.kind);

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
