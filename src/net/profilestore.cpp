#include "profilestore.h"

#include "secretstore.h"

#include <QCoreApplication>
#include <QSettings>
#include <QUuid>

namespace firebreak::net {

namespace {
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(ProfileStore)
};

const QString GroupKey = QStringLiteral("dataSources");

QString secretKey(const QString& id, const QString& what)
{
    return id + u'/' + what;
}
} // namespace

ProfileStore::ProfileStore(QSettings& settings, SecretStore& secrets)
    : m_settings(settings)
    , m_secrets(secrets)
{ }

QList<ConnectionProfile> ProfileStore::load() const
{
    QList<ConnectionProfile> profiles;
    const int count = m_settings.beginReadArray(GroupKey);
    for (int i = 0; i < count; ++i) {
        m_settings.setArrayIndex(i);
        ConnectionProfile p;
        p.id = m_settings.value(QStringLiteral("id")).toString();
        const auto kind = kindFromKey(m_settings.value(QStringLiteral("kind")).toString());
        if (p.id.isEmpty() || !kind)
            continue; // written by a newer version or edited by hand: skip rather than guess
        p.kind = *kind;
        p.name = m_settings.value(QStringLiteral("name")).toString();
        p.baseUrl = QUrl(m_settings.value(QStringLiteral("url")).toString());
        p.auth = authFromKey(m_settings.value(QStringLiteral("auth")).toString()).value_or(AuthKind::None);
        p.username = m_settings.value(QStringLiteral("username")).toString();
        p.password = m_secrets.value(secretKey(p.id, QStringLiteral("password")));
        p.bearerToken = m_secrets.value(secretKey(p.id, QStringLiteral("token")));
        const QStringList headerNames = m_settings.value(QStringLiteral("headers")).toStringList();
        for (const QString& name : headerNames)
            p.headers.append({ name, m_secrets.value(secretKey(p.id, u"header/" + name)) });
        p.tls.caFile = m_settings.value(QStringLiteral("tlsCaFile")).toString();
        p.tls.clientCertFile = m_settings.value(QStringLiteral("tlsClientCert")).toString();
        p.tls.clientKeyFile = m_settings.value(QStringLiteral("tlsClientKey")).toString();
        p.tls.skipVerify = m_settings.value(QStringLiteral("tlsSkipVerify"), false).toBool();
        p.timeout = std::chrono::milliseconds(m_settings.value(QStringLiteral("timeoutMs"), 10000).toLongLong());
        p.grpcAddress = m_settings.value(QStringLiteral("grpcAddress")).toString();
        p.maxConcurrentRequests = m_settings.value(QStringLiteral("maxConcurrentRequests"), 6).toInt();
        profiles.append(p);
    }
    m_settings.endArray();
    return profiles;
}

bool ProfileStore::save(const QList<ConnectionProfile>& profiles, QString* error)
{
    m_settings.remove(GroupKey);
    m_settings.beginWriteArray(GroupKey, static_cast<int>(profiles.size()));
    for (int i = 0; i < profiles.size(); ++i) {
        const ConnectionProfile& p = profiles.at(i);
        m_settings.setArrayIndex(i);
        m_settings.setValue(QStringLiteral("id"), p.id);
        m_settings.setValue(QStringLiteral("kind"), kindKey(p.kind));
        m_settings.setValue(QStringLiteral("name"), p.name);
        m_settings.setValue(QStringLiteral("url"), p.baseUrl.toString());
        m_settings.setValue(QStringLiteral("auth"), authKey(p.auth));
        m_settings.setValue(QStringLiteral("username"), p.username);
        QStringList headerNames;
        for (const Header& header : p.headers)
            headerNames << header.name;
        m_settings.setValue(QStringLiteral("headers"), headerNames);
        m_settings.setValue(QStringLiteral("tlsCaFile"), p.tls.caFile);
        m_settings.setValue(QStringLiteral("tlsClientCert"), p.tls.clientCertFile);
        m_settings.setValue(QStringLiteral("tlsClientKey"), p.tls.clientKeyFile);
        m_settings.setValue(QStringLiteral("tlsSkipVerify"), p.tls.skipVerify);
        m_settings.setValue(QStringLiteral("timeoutMs"), static_cast<qlonglong>(p.timeout.count()));
        if (!p.grpcAddress.isEmpty())
            m_settings.setValue(QStringLiteral("grpcAddress"), p.grpcAddress);
        m_settings.setValue(QStringLiteral("maxConcurrentRequests"), p.maxConcurrentRequests);
    }
    m_settings.endArray();
    m_settings.sync();

    // Secrets of removed profiles go too: rebuild the store from what is kept.
    for (const ConnectionProfile& p : profiles)
        m_secrets.removePrefix(p.id + u'/');
    QSet<QString> kept;
    for (const ConnectionProfile& p : profiles) {
        kept.insert(p.id);
        m_secrets.setValue(
            secretKey(p.id, QStringLiteral("password")), p.auth == AuthKind::Basic ? p.password : QString());
        m_secrets.setValue(
            secretKey(p.id, QStringLiteral("token")), p.auth == AuthKind::Bearer ? p.bearerToken : QString());
        for (const Header& header : p.headers)
            m_secrets.setValue(secretKey(p.id, u"header/" + header.name), header.value);
    }
    m_secrets.retainOnly(kept);

    if (m_settings.status() != QSettings::NoError) {
        if (error)
            *error = Text::tr("Cannot write the settings file %1.").arg(m_settings.fileName());
        return false;
    }
    return m_secrets.save(error);
}

ConnectionProfile ProfileStore::newProfile(BackendKind kind)
{
    ConnectionProfile profile;
    profile.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    profile.kind = kind;
    profile.baseUrl = defaultUrl(kind);
    return profile;
}

} // namespace firebreak::net
