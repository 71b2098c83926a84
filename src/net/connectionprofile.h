#pragma once

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <chrono>
#include <optional>

namespace firebreak::net {

enum class BackendKind
{
    Prometheus,
    Loki,
    Tempo,
};

enum class AuthKind
{
    None,
    Basic,
    Bearer,
};

struct Header
{
    QString name;
    QString value;
    bool operator==(const Header&) const = default;
};

struct TlsOptions
{
    QString caFile;
    QString clientCertFile;
    QString clientKeyFile;
    /// Only when the user asks for it explicitly; always shown with a warning.
    bool skipVerify = false;
    bool operator==(const TlsOptions&) const = default;
};

/// A named connection to one backend. Secrets (password, token, header values marked secret)
/// are held here in memory but persisted apart from the rest, see ProfileStore.
struct ConnectionProfile
{
    QString id; // stable, generated once
    QString name;
    BackendKind kind = BackendKind::Prometheus;
    QUrl baseUrl;
    AuthKind auth = AuthKind::None;
    QString username;
    QString password;
    QString bearerToken;
    QList<Header> headers; // e.g. X-Scope-OrgID for multi-tenant Loki/Tempo/Mimir
    TlsOptions tls;
    std::chrono::milliseconds timeout { 10000 };
    /// Tempo's gRPC (streaming search) as "host:port"; empty: the host and port of `baseUrl`.
    QString grpcAddress;
    /// Requests to this source at the same time; more wait their turn, so a dashboard cannot swamp it.
    int maxConcurrentRequests = 6;

    bool operator==(const ConnectionProfile&) const = default;
};

QString kindKey(BackendKind kind); // "prometheus", "loki", "tempo"
QString kindDisplayName(BackendKind kind); // "Prometheus", "Loki", "Tempo"
std::optional<BackendKind> kindFromKey(const QString& key);
QList<BackendKind> allKinds();
QString authKey(AuthKind auth);
std::optional<AuthKind> authFromKey(const QString& key);

/// Default local address of each backend, offered when adding a profile.
QUrl defaultUrl(BackendKind kind);

/// Human-readable problems, empty when the profile can be used.
QStringList validate(const ConnectionProfile& profile);

/// The base URL joined with an API path, keeping any path prefix of the base (e.g. a reverse proxy's).
QUrl endpointUrl(const QUrl& base, const QString& path);

} // namespace firebreak::net
