#pragma once

// Private to the Tempo client: what its copies share and the helpers its two source files use.

#include "tempoclient.h"

#include <QCoreApplication>
#include <QPointer>

#include <atomic>

namespace firebreak::tempo {

/// Learnt once per server: whether an endpoint exists (v2 traces, v2 tags, buildinfo).
enum class Endpoint
{
    Unknown,
    Present,
    Absent,
};

struct TempoClient::Shared
{
    std::atomic<Endpoint> traceV2 { Endpoint::Unknown };
    std::atomic<Endpoint> tagsV2 { Endpoint::Unknown };
    std::atomic<Endpoint> buildInfo { Endpoint::Unknown };
};

QString displayUrl(const QUrl& url);

/// The caller's view of a failed transfer: size limits and Tempo's "trace exceeds max size" become TooLarge,
/// a 400 becomes Query with Tempo's reason.
TempoError networkError(const net::HttpRequest& request, const net::HttpResult& result);
TempoError malformedError(const net::HttpRequest& request, const QString& what);

/// Runs `onDone(answer)` on the application's thread, unless `guard` is gone by then.
template <typename T> void post(const QPointer<QObject>& guard, std::function<void(Answer<T>)> onDone, Answer<T> answer)
{
    QMetaObject::invokeMethod(
        QCoreApplication::instance(),
        [guard, onDone = std::move(onDone), answer = std::move(answer)]() mutable {
            if (guard)
                onDone(std::move(answer));
        },
        Qt::QueuedConnection);
}

} // namespace firebreak::tempo
