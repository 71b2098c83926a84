#pragma once

#include "connectionprofile.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUrl>

#include <chrono>
#include <optional>

namespace firebreak::net {

/// Retries of requests that only read: after connection failures and answers 429, 502, 503, 504.
struct RetryPolicy
{
    int maxAttempts = 3; // the first try included; 1 = never retry
    std::chrono::milliseconds baseDelay { 250 }; // doubled per attempt, with full jitter
    std::chrono::milliseconds maxDelay { 4000 };
    /// No retry starts later than this after the first attempt began; a longer Retry-After ends the retries.
    std::chrono::milliseconds budget { 15000 };
};

struct HttpRequest
{
    QByteArray method = QByteArrayLiteral("GET");
    QUrl url;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    /// Who is asked, for messages a person reads: "Prometheus", "Loki at prod".
    QString service;
    std::chrono::milliseconds connectTimeout { 5000 };
    std::chrono::milliseconds totalTimeout { 30000 };
    TlsOptions tls;
    QString basicUser;
    QString basicPassword;
    qint64 maxResponseBytes = 256LL * 1024 * 1024;
    RetryPolicy retry;
    /// GET and HEAD are repeated on failure; a POST only when it just reads (a PromQL or LogQL query).
    bool safeToRepeat = false;
    /// Requests with the same key (a data source's id) run at most `maxConcurrent` at a time, the others
    /// wait in order. Empty key or 0: no limit.
    QString concurrencyKey;
    int maxConcurrent = 0;

    bool repeatable() const { return method == "GET" || method == "HEAD" || safeToRepeat; }
};

struct HttpResponse
{
    int status = 0;
    QByteArray body;
    QByteArray contentType;
    double elapsedMs = 0;
    int attempts = 1;
};

struct NetError
{
    enum class Kind
    {
        Timeout,
        Unreachable,
        Tls,
        Http,
        Auth,
        Malformed,
        TooLarge,
        Cancelled,
    };
    Kind kind = Kind::Unreachable;
    /// A full sentence naming the service and address: "Loki at http://…/ready answered 503: …".
    QString message;
    int httpStatus = 0;
    QByteArray bodyExcerpt;
};

struct HttpResult
{
    HttpResponse response;
    std::optional<NetError> error;
    bool ok() const { return !error.has_value(); }
};

/// Builds a request to `path` below the profile's base URL with its auth, headers, TLS and timeout.
HttpRequest requestFor(const ConnectionProfile& profile, const QString& path);

/// The first line(s) of an error body, trimmed to something that fits in a message.
QByteArray bodyExcerpt(const QByteArray& body, qsizetype maxChars = 300);

} // namespace firebreak::net
