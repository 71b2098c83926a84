#include "httptypes.h"

namespace firebreak::net {

HttpRequest requestFor(const ConnectionProfile& profile, const QString& path)
{
    HttpRequest request;
    request.url = endpointUrl(profile.baseUrl, path);
    const QString kind = kindDisplayName(profile.kind);
    request.service = (profile.name.isEmpty() || profile.name.compare(kind, Qt::CaseInsensitive) == 0)
        ? kind
        : kind + u" \"" + profile.name + u'"';
    request.totalTimeout = profile.timeout;
    request.connectTimeout = std::min(profile.timeout, std::chrono::milliseconds(5000));
    request.tls = profile.tls;
    request.concurrencyKey = profile.id.isEmpty() ? profile.baseUrl.toString() : profile.id;
    request.maxConcurrent = profile.maxConcurrentRequests;
    switch (profile.auth) {
    case AuthKind::None:
        break;
    case AuthKind::Basic:
        request.basicUser = profile.username;
        request.basicPassword = profile.password;
        break;
    case AuthKind::Bearer:
        request.headers.append({ QByteArrayLiteral("Authorization"), "Bearer " + profile.bearerToken.toUtf8() });
        break;
    }
    for (const Header& header : profile.headers)
        request.headers.append({ header.name.toUtf8(), header.value.toUtf8() });
    return request;
}

QByteArray bodyExcerpt(const QByteArray& body, qsizetype maxChars)
{
    QByteArray text = body.trimmed();
    text.replace('\n', ' ');
    text.replace('\r', ' ');
    if (text.size() > maxChars) {
        text.truncate(maxChars);
        text += "…";
    }
    return text;
}

} // namespace firebreak::net
