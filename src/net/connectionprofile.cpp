#include "connectionprofile.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QRegularExpression>

namespace firebreak::net {

namespace {
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(ConnectionProfile)
};
} // namespace

QString kindKey(BackendKind kind)
{
    switch (kind) {
    case BackendKind::Prometheus:
        return QStringLiteral("prometheus");
    case BackendKind::Loki:
        return QStringLiteral("loki");
    case BackendKind::Tempo:
        return QStringLiteral("tempo");
    }
    return {};
}

QString kindDisplayName(BackendKind kind)
{
    switch (kind) {
    case BackendKind::Prometheus:
        return QStringLiteral("Prometheus");
    case BackendKind::Loki:
        return QStringLiteral("Loki");
    case BackendKind::Tempo:
        return QStringLiteral("Tempo");
    }
    return {};
}

std::optional<BackendKind> kindFromKey(const QString& key)
{
    for (BackendKind kind : allKinds()) {
        if (kindKey(kind) == key.toLower())
            return kind;
    }
    return std::nullopt;
}

QList<BackendKind> allKinds()
{
    return { BackendKind::Prometheus, BackendKind::Loki, BackendKind::Tempo };
}

QString authKey(AuthKind auth)
{
    switch (auth) {
    case AuthKind::None:
        return QStringLiteral("none");
    case AuthKind::Basic:
        return QStringLiteral("basic");
    case AuthKind::Bearer:
        return QStringLiteral("bearer");
    }
    return {};
}

std::optional<AuthKind> authFromKey(const QString& key)
{
    for (AuthKind auth : { AuthKind::None, AuthKind::Basic, AuthKind::Bearer }) {
        if (authKey(auth) == key)
            return auth;
    }
    return std::nullopt;
}

QUrl defaultUrl(BackendKind kind)
{
    switch (kind) {
    case BackendKind::Prometheus:
        return QUrl(QStringLiteral("http://localhost:9090"));
    case BackendKind::Loki:
        return QUrl(QStringLiteral("http://localhost:3100"));
    case BackendKind::Tempo:
        return QUrl(QStringLiteral("http://localhost:3200"));
    }
    return {};
}

QStringList validate(const ConnectionProfile& profile)
{
    QStringList problems;
    if (profile.name.trimmed().isEmpty())
        problems << Text::tr("Give the data source a name.");
    const QUrl& url = profile.baseUrl;
    if (!url.isValid() || url.host().isEmpty())
        problems << Text::tr("The URL must be a full address such as http://localhost:9090.");
    else if (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))
        problems << Text::tr("The URL must start with http:// or https://.");
    if (profile.auth == AuthKind::Basic && profile.username.isEmpty())
        problems << Text::tr("Basic authentication needs a user name.");
    if (profile.auth == AuthKind::Bearer && profile.bearerToken.isEmpty())
        problems << Text::tr("Bearer authentication needs a token.");
    // RFC 9110 token characters; a header name with a space or colon would corrupt the request.
    static const QRegularExpression headerName(QStringLiteral("^[!#$%&'*+.^_`|~0-9A-Za-z-]+$"));
    for (const Header& header : profile.headers) {
        if (!headerName.match(header.name).hasMatch())
            problems << Text::tr("\"%1\" is not a valid HTTP header name.").arg(header.name);
        else if (header.value.contains(u'\n') || header.value.contains(u'\r'))
            problems << Text::tr("The value of header %1 must be on one line.").arg(header.name);
    }
    const auto checkFile = [&problems](const QString& path, const QString& what) {
        if (!path.isEmpty() && !QFileInfo(path).isReadable())
            problems << Text::tr("%1 %2 cannot be read.").arg(what, path);
    };
    checkFile(profile.tls.caFile, Text::tr("CA file"));
    checkFile(profile.tls.clientCertFile, Text::tr("Client certificate"));
    checkFile(profile.tls.clientKeyFile, Text::tr("Client key"));
    if (!profile.tls.clientKeyFile.isEmpty() && profile.tls.clientCertFile.isEmpty())
        problems << Text::tr("A client key needs its client certificate.");
    if (profile.timeout.count() < 100 || profile.timeout.count() > 600000)
        problems << Text::tr("The timeout must be between 0.1 and 600 seconds.");
    static const QRegularExpression hostPort(QStringLiteral("^([^\\s:/\\[\\]]+|\\[[0-9A-Fa-f:.]+\\]):[0-9]{1,5}$"));
    if (!profile.grpcAddress.isEmpty() && !hostPort.match(profile.grpcAddress).hasMatch())
        problems << Text::tr("The gRPC address must be host:port, such as tempo:9095.");
    if (profile.maxConcurrentRequests < 1 || profile.maxConcurrentRequests > 64)
        problems << Text::tr("Parallel requests must be between 1 and 64.");
    return problems;
}

QUrl endpointUrl(const QUrl& base, const QString& path)
{
    QUrl url = base;
    QString prefix = base.path();
    while (prefix.endsWith(u'/'))
        prefix.chop(1);
    url.setPath(prefix + path);
    url.setQuery(QString());
    url.setFragment(QString());
    return url;
}

} // namespace firebreak::net
