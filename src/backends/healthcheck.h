#pragma once

#include "net/connectionprofile.h"
#include "net/httpclient.h"

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

/// The readiness path of each backend kind.
QString readinessPath(BackendKind kind);

/// Asks the backend whether it is ready, then (through its query client) what version it runs. `onDone` runs on
/// the GUI thread, unless `context` is gone by then.
void checkHealth(
    HttpClient& client, const ConnectionProfile& profile, QObject* context, std::function<void(HealthResult)> onDone);

} // namespace firebreak::net
