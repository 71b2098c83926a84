#pragma once

#include "connectionprofile.h"
#include "httpclient.h"

#include <QDateTime>
#include <QString>

#include <functional>

namespace firebreak::net {

struct HealthResult
{
    enum class State
    {
        Unknown, // not checked yet
        Checking,
        Healthy,
        Failing,
    };
    State state = State::Unknown;
    double latencyMs = 0; // of the readiness request
    QString version; // as the server reports it, empty when it does not say
    QString error; // a sentence a person can act on, when Failing
    QDateTime checkedAt; // UTC
};

/// Readiness path and build-info path(s) of each backend kind.
QString readinessPath(BackendKind kind);
QStringList versionPaths(BackendKind kind);

/// Extracts the version from a build-info answer: Prometheus/Loki JSON or Tempo's plain-text /status/version.
QString parseVersion(BackendKind kind, const QByteArray& body);

/// Asks the backend whether it is ready, then what version it runs. `onDone` runs on the GUI thread,
/// unless `context` is gone by then.
void checkHealth(
    HttpClient& client, const ConnectionProfile& profile, QObject* context, std::function<void(HealthResult)> onDone);

} // namespace firebreak::net
