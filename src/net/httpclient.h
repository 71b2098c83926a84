#pragma once

#include "httptypes.h"

#include <QObject>
#include <QPointer>

#include <atomic>
#include <functional>
#include <memory>

namespace firebreak::net {

class HttpClientEngine;

/// Lets the caller abandon a request; the callback then runs once with NetError::Kind::Cancelled.
class RequestHandle
{
public:
    void cancel();
    bool isCancelled() const { return m_cancelled.load(std::memory_order_acquire); }

private:
    friend class HttpClientEngine;
    std::atomic_bool m_cancelled { false };
    std::weak_ptr<HttpClientEngine> m_engine;
};

using RequestHandlePtr = std::shared_ptr<RequestHandle>;

/// Asynchronous HTTP over libcurl's multi interface, all transfers on one network thread.
/// The application makes one and hands it to whoever needs the network. Callbacks given to send() run
/// on the network thread; sendTo() delivers on the GUI thread and drops the result when `context` is gone.
/// Destroying the client cancels what is still under way (each callback still runs once).
class HttpClient
{
public:
    using Callback = std::function<void(HttpResult)>;

    HttpClient();
    ~HttpClient();
    HttpClient(const HttpClient&) = delete;
    HttpClient& operator=(const HttpClient&) = delete;

    RequestHandlePtr send(HttpRequest request, Callback onDone);
    RequestHandlePtr sendTo(HttpRequest request, QObject* context, Callback onDone);

    /// libcurl's version string, for the About dialog.
    static QString curlVersion();

private:
    std::shared_ptr<HttpClientEngine> m_engine;
};

} // namespace firebreak::net
