#include "common/appsettings.h"
#include "net/connectionprofile.h"
#include "net/httptypes.h"
#include "net/profilestore.h"
#include "net/secretstore.h"
#include "testutils.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#endif

using namespace firebreak;
using namespace firebreak::net;
using namespace std::chrono_literals;

namespace {

ConnectionProfile validProfile()
{
    ConnectionProfile profile;
    profile.id = QStringLiteral("8f14e45f-ceea-467f-a0e6-1b5c7b5d1a01");
    profile.name = QStringLiteral("prod");
    profile.kind = BackendKind::Prometheus;
    profile.baseUrl = QUrl(QStringLiteral("http://localhost:9090"));
    return profile;
}

QByteArray fileContents(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

bool writeFile(const QString& path, const QByteArray& contents)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return file.write(contents) == contents.size();
}

// Permission bits as the file system has them (0600 means only the owner reads and writes).
int modeOf(const QString& path)
{
#ifdef Q_OS_UNIX
    struct stat info
    {
    };
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return -1;
    return static_cast<int>(info.st_mode & 07777);
#else
    Q_UNUSED(path);
    return -1;
#endif
}

QByteArray headerValue(const HttpRequest& request, const QByteArray& name)
{
    for (const auto& [key, value] : request.headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

} // namespace

class TestConnectionProfile : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_files;
    QString m_caFile;
    QString m_certFile;
    QString m_keyFile;
    QString m_missingFile;

    QList<ConnectionProfile> sampleProfiles()
    {
        ConnectionProfile prometheus = validProfile();
        prometheus.id = QStringLiteral("11111111-1111-4111-8111-111111111111");
        prometheus.name = QStringLiteral("prod metrics");
        prometheus.auth = AuthKind::Basic;
        prometheus.username = QStringLiteral("alice");
        prometheus.password = QStringLiteral("s3cret-pass");
        prometheus.timeout = 2500ms;

        ConnectionProfile loki;
        loki.id = QStringLiteral("22222222-2222-4222-8222-222222222222");
        loki.name = QStringLiteral("prod logs");
        loki.kind = BackendKind::Loki;
        loki.baseUrl = QUrl(QStringLiteral("https://gateway.example.org/loki"));
        loki.auth = AuthKind::Bearer;
        loki.bearerToken = QStringLiteral("tok-4a1b2c3d");
        loki.headers = { { QStringLiteral("X-Scope-OrgID"), QStringLiteral("tenant-7f3e") } };
        loki.tls.caFile = m_caFile;
        loki.tls.clientCertFile = m_certFile;
        loki.tls.clientKeyFile = m_keyFile;

        ConnectionProfile tempo;
        tempo.id = QStringLiteral("33333333-3333-4333-8333-333333333333");
        tempo.name = QStringLiteral("local traces");
        tempo.kind = BackendKind::Tempo;
        tempo.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:3200"));
        tempo.tls.skipVerify = true;
        tempo.timeout = 600000ms;

        return { prometheus, loki, tempo };
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_files.isValid());
        m_caFile = m_files.filePath(QStringLiteral("ca.pem"));
        m_certFile = m_files.filePath(QStringLiteral("client.crt"));
        m_keyFile = m_files.filePath(QStringLiteral("client.key"));
        m_missingFile = m_files.filePath(QStringLiteral("does-not-exist.pem"));
        QVERIFY(writeFile(m_caFile, "-----BEGIN CERTIFICATE-----\n"));
        QVERIFY(writeFile(m_certFile, "-----BEGIN CERTIFICATE-----\n"));
        QVERIFY(writeFile(m_keyFile, "-----BEGIN PRIVATE KEY-----\n"));
    }

    void validate_data()
    {
        QTest::addColumn<ConnectionProfile>("profile");
        QTest::addColumn<QStringList>("problems");

        const ConnectionProfile base = validProfile();
        ConnectionProfile p;

        QTest::newRow("valid_minimal") << base << QStringList();

        p = base;
        p.baseUrl = QUrl(QStringLiteral("https://proxy.example.org/prometheus/"));
        QTest::newRow("valid_https_with_path_prefix") << p << QStringList();

        p = base;
        p.baseUrl = QUrl(QStringLiteral("http://[::1]:9090"));
        QTest::newRow("valid_ipv6_literal") << p << QStringList();

        p = base;
        p.name.clear();
        QTest::newRow("empty_name") << p << QStringList { QStringLiteral("Give the data source a name.") };

        p = base;
        p.name = QStringLiteral("   ");
        QTest::newRow("blank_name") << p << QStringList { QStringLiteral("Give the data source a name.") };

        const QString fullAddress = QStringLiteral("The URL must be a full address such as http://localhost:9090.");
        p = base;
        p.baseUrl = QUrl();
        QTest::newRow("empty_url") << p << QStringList { fullAddress };

        p = base;
        p.baseUrl = QUrl(QStringLiteral("localhost:9090"));
        QTest::newRow("url_without_scheme") << p << QStringList { fullAddress };

        p = base;
        p.baseUrl = QUrl(QStringLiteral("http://"));
        QTest::newRow("url_without_host") << p << QStringList { fullAddress };

        p = base;
        p.baseUrl = QUrl(QStringLiteral("ftp://files.example.org"));
        QTest::newRow("url_with_ftp_scheme")
            << p << QStringList { QStringLiteral("The URL must start with http:// or https://.") };

        p = base;
        p.name.clear();
        p.baseUrl = QUrl(QStringLiteral("ftp://files.example.org"));
        QTest::newRow("several_problems_in_order")
            << p
            << QStringList { QStringLiteral("Give the data source a name."),
                   QStringLiteral("The URL must start with http:// or https://.") };

        p = base;
        p.auth = AuthKind::Basic;
        p.password = QStringLiteral("pw");
        QTest::newRow("basic_without_user")
            << p << QStringList { QStringLiteral("Basic authentication needs a user name.") };

        p = base;
        p.auth = AuthKind::Basic;
        p.username = QStringLiteral("alice");
        QTest::newRow("basic_with_user_and_empty_password") << p << QStringList();

        p = base;
        p.auth = AuthKind::Bearer;
        QTest::newRow("bearer_without_token")
            << p << QStringList { QStringLiteral("Bearer authentication needs a token.") };

        p = base;
        p.headers = { { QStringLiteral("X-Scope-OrgID"), QStringLiteral("tenant-a") } };
        QTest::newRow("header_x_scope_orgid") << p << QStringList();

        p = base;
        p.headers = { { QStringLiteral("X Scope"), QStringLiteral("a") } };
        QTest::newRow("header_name_with_space")
            << p << QStringList { QStringLiteral("\"X Scope\" is not a valid HTTP header name.") };

        p = base;
        p.headers = { { QStringLiteral("X-Org:"), QStringLiteral("a") } };
        QTest::newRow("header_name_with_colon")
            << p << QStringList { QStringLiteral("\"X-Org:\" is not a valid HTTP header name.") };

        p = base;
        p.headers = { { QString(), QStringLiteral("a") } };
        QTest::newRow("header_name_empty")
            << p << QStringList { QStringLiteral("\"\" is not a valid HTTP header name.") };

        p = base;
        p.headers = { { QStringLiteral("X-Mandant-\u00e4"), QStringLiteral("a") } };
        QTest::newRow("header_name_not_ascii")
            << p << QStringList { QStringLiteral("\"X-Mandant-\u00e4\" is not a valid HTTP header name.") };

        p = base;
        p.headers = { { QStringLiteral("X-Scope-OrgID"), QStringLiteral("tenant-a\r\nX-Injected: 1") } };
        QTest::newRow("header_value_with_crlf")
            << p << QStringList { QStringLiteral("The value of header X-Scope-OrgID must be on one line.") };

        p = base;
        p.headers = { { QStringLiteral("X-Scope-OrgID"), QStringLiteral("tenant-a\ntenant-b") } };
        QTest::newRow("header_value_with_newline")
            << p << QStringList { QStringLiteral("The value of header X-Scope-OrgID must be on one line.") };

        p = base;
        p.tls.caFile = m_caFile;
        QTest::newRow("readable_ca_file") << p << QStringList();

        p = base;
        p.tls.caFile = m_missingFile;
        QTest::newRow("unreadable_ca_file")
            << p << QStringList { QStringLiteral("CA file %1 cannot be read.").arg(m_missingFile) };

        p = base;
        p.tls.clientCertFile = m_certFile;
        p.tls.clientKeyFile = m_keyFile;
        QTest::newRow("client_cert_and_key") << p << QStringList();

        p = base;
        p.tls.clientKeyFile = m_keyFile;
        QTest::newRow("client_key_without_cert")
            << p << QStringList { QStringLiteral("A client key needs its client certificate.") };

        p = base;
        p.tls.clientCertFile = m_missingFile;
        QTest::newRow("unreadable_client_cert")
            << p << QStringList { QStringLiteral("Client certificate %1 cannot be read.").arg(m_missingFile) };

        p = base;
        p.tls.skipVerify = true;
        QTest::newRow("skip_verify_is_allowed") << p << QStringList();

        const QString timeoutRange = QStringLiteral("The timeout must be between 0.1 and 600 seconds.");
        p = base;
        p.timeout = 0ms;
        QTest::newRow("timeout_zero") << p << QStringList { timeoutRange };
        p.timeout = 99ms;
        QTest::newRow("timeout_just_below_minimum") << p << QStringList { timeoutRange };
        p.timeout = 100ms;
        QTest::newRow("timeout_minimum") << p << QStringList();
        p.timeout = 600000ms;
        QTest::newRow("timeout_maximum") << p << QStringList();
        p.timeout = 600001ms;
        QTest::newRow("timeout_just_above_maximum") << p << QStringList { timeoutRange };
    }

    void validate()
    {
        QFETCH(ConnectionProfile, profile);
        QFETCH(QStringList, problems);

        QCOMPARE(firebreak::net::validate(profile), problems);
    }

    void keys_data()
    {
        QTest::addColumn<BackendKind>("kind");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("displayName");
        QTest::addColumn<QString>("defaultUrl");

        QTest::newRow("prometheus") << BackendKind::Prometheus << QStringLiteral("prometheus")
                                    << QStringLiteral("Prometheus") << QStringLiteral("http://localhost:9090");
        QTest::newRow("loki") << BackendKind::Loki << QStringLiteral("loki") << QStringLiteral("Loki")
                              << QStringLiteral("http://localhost:3100");
        QTest::newRow("tempo") << BackendKind::Tempo << QStringLiteral("tempo") << QStringLiteral("Tempo")
                               << QStringLiteral("http://localhost:3200");
    }

    void keys()
    {
        QFETCH(BackendKind, kind);
        QFETCH(QString, key);
        QFETCH(QString, displayName);
        QFETCH(QString, defaultUrl);

        QCOMPARE(kindKey(kind), key);
        QCOMPARE(kindDisplayName(kind), displayName);
        QCOMPARE(kindFromKey(key), std::optional<BackendKind>(kind));
        QCOMPARE(kindFromKey(key.toUpper()), std::optional<BackendKind>(kind));
        QCOMPARE(firebreak::net::defaultUrl(kind).toString(), defaultUrl);
        QVERIFY(allKinds().contains(kind));
    }

    void unknownKeys()
    {
        QVERIFY(!kindFromKey(QStringLiteral("mimir")).has_value());
        QVERIFY(!kindFromKey(QString()).has_value());
        QCOMPARE(authFromKey(QStringLiteral("basic")), std::optional<AuthKind>(AuthKind::Basic));
        QCOMPARE(authFromKey(QStringLiteral("bearer")), std::optional<AuthKind>(AuthKind::Bearer));
        QCOMPARE(authFromKey(QStringLiteral("none")), std::optional<AuthKind>(AuthKind::None));
        QVERIFY(!authFromKey(QStringLiteral("digest")).has_value());
    }

    void endpointUrl_data()
    {
        QTest::addColumn<QString>("base");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("expected");

        QTest::newRow("bare_host") << QStringLiteral("http://localhost:9090") << QStringLiteral("/-/ready")
                                   << QStringLiteral("http://localhost:9090/-/ready");
        QTest::newRow("trailing_slash") << QStringLiteral("http://localhost:9090/") << QStringLiteral("/-/ready")
                                        << QStringLiteral("http://localhost:9090/-/ready");
        QTest::newRow("path_prefix_of_reverse_proxy")
            << QStringLiteral("https://gateway.example.org/prometheus") << QStringLiteral("/api/v1/status/buildinfo")
            << QStringLiteral("https://gateway.example.org/prometheus/api/v1/status/buildinfo");
        QTest::newRow("path_prefix_with_trailing_slashes")
            << QStringLiteral("https://gateway.example.org/loki//") << QStringLiteral("/ready")
            << QStringLiteral("https://gateway.example.org/loki/ready");
        QTest::newRow("nested_prefix") << QStringLiteral("http://10.0.0.5:8080/mon/tempo")
                                       << QStringLiteral("/status/version")
                                       << QStringLiteral("http://10.0.0.5:8080/mon/tempo/status/version");
        QTest::newRow("query_and_fragment_of_base_dropped")
            << QStringLiteral("http://localhost:3100/loki?orgId=1#x") << QStringLiteral("/ready")
            << QStringLiteral("http://localhost:3100/loki/ready");
    }

    void endpointUrl()
    {
        QFETCH(QString, base);
        QFETCH(QString, path);
        QFETCH(QString, expected);

        QCOMPARE(firebreak::net::endpointUrl(QUrl(base), path).toString(), expected);
    }

    void requestForBasicAuth()
    {
        ConnectionProfile p = validProfile();
        p.auth = AuthKind::Basic;
        p.username = QStringLiteral("alice");
        p.password = QStringLiteral("s3cret");
        p.bearerToken = QStringLiteral("stale-token"); // not the selected auth: must not be sent
        p.timeout = 2500ms;

        const HttpRequest request = requestFor(p, QStringLiteral("/-/ready"));
        QCOMPARE(request.url.toString(), QStringLiteral("http://localhost:9090/-/ready"));
        QCOMPARE(request.method, QByteArray("GET"));
        QCOMPARE(request.basicUser, QStringLiteral("alice"));
        QCOMPARE(request.basicPassword, QStringLiteral("s3cret"));
        QVERIFY(headerValue(request, "Authorization").isEmpty());
        QCOMPARE(request.service, QStringLiteral("Prometheus \"prod\""));
        QCOMPARE(request.totalTimeout.count(), 2500);
        QCOMPARE(request.connectTimeout.count(), 2500);
    }

    void requestForBearerAndHeaders()
    {
        ConnectionProfile p = validProfile();
        p.kind = BackendKind::Loki;
        p.baseUrl = QUrl(QStringLiteral("https://gateway.example.org/loki/"));
        p.auth = AuthKind::Bearer;
        p.bearerToken = QStringLiteral("tok-123");
        p.username = QStringLiteral("stale-user"); // not the selected auth: must not be sent
        p.headers = { { QStringLiteral("X-Scope-OrgID"), QStringLiteral("tenant-a") },
            { QStringLiteral("X-Extra"), QStringLiteral("1") } };
        p.tls.caFile = m_caFile;
        p.timeout = 30000ms;

        const HttpRequest request = requestFor(p, QStringLiteral("/loki/api/v1/status/buildinfo"));
        QCOMPARE(
            request.url.toString(), QStringLiteral("https://gateway.example.org/loki/loki/api/v1/status/buildinfo"));
        QCOMPARE(headerValue(request, "Authorization"), QByteArray("Bearer tok-123"));
        QCOMPARE(headerValue(request, "X-Scope-OrgID"), QByteArray("tenant-a"));
        QCOMPARE(headerValue(request, "X-Extra"), QByteArray("1"));
        QCOMPARE(request.headers.size(), 3);
        QVERIFY(request.basicUser.isEmpty());
        QCOMPARE(request.tls.caFile, m_caFile);
        QCOMPARE(request.service, QStringLiteral("Loki \"prod\""));
        QCOMPARE(request.totalTimeout.count(), 30000);
        QCOMPARE(request.connectTimeout.count(), 5000); // connecting never waits longer than 5 s
    }

    void requestForNoAuth()
    {
        ConnectionProfile p = validProfile();
        p.name.clear();
        p.username = QStringLiteral("left-over");
        p.password = QStringLiteral("left-over");
        p.bearerToken = QStringLiteral("left-over");

        const HttpRequest request = requestFor(p, QStringLiteral("/-/ready"));
        QVERIFY(request.basicUser.isEmpty());
        QVERIFY(request.basicPassword.isEmpty());
        QVERIFY(request.headers.isEmpty());
        QCOMPARE(request.service, QStringLiteral("Prometheus"));
    }

    void profileStoreRoundTrip()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString iniPath = dir.filePath(QStringLiteral("firebreak.ini"));
        const QString secretsPath = dir.filePath(QStringLiteral("secrets.json"));
        const QList<ConnectionProfile> profiles = sampleProfiles();

        {
            QSettings settings(iniPath, QSettings::IniFormat);
            SecretStore secrets(secretsPath);
            QString error;
            QVERIFY2(secrets.load(&error), qPrintable(error)); // a missing file is an empty store
            QVERIFY2(ProfileStore(settings, secrets).save(profiles, &error), qPrintable(error));
        }

        const QByteArray ini = fileContents(iniPath);
        QVERIFY(ini.contains("prod metrics"));
        QVERIFY(ini.contains("X-Scope-OrgID")); // header names are settings, their values secrets
        for (const char* secret : { "s3cret-pass", "tok-4a1b2c3d", "tenant-7f3e" })
            QVERIFY2(!ini.contains(secret), secret);

        const QByteArray secretsJson = fileContents(secretsPath);
        for (const char* secret : { "s3cret-pass", "tok-4a1b2c3d", "tenant-7f3e" })
            QVERIFY2(secretsJson.contains(secret), secret);

        QSettings settings(iniPath, QSettings::IniFormat);
        SecretStore secrets(secretsPath);
        QString error;
        QVERIFY2(secrets.load(&error), qPrintable(error));
        const QList<ConnectionProfile> loaded = ProfileStore(settings, secrets).load();
        QCOMPARE(loaded.size(), profiles.size());
        for (qsizetype i = 0; i < profiles.size(); ++i)
            QVERIFY2(loaded.at(i) == profiles.at(i), qPrintable(profiles.at(i).name));
    }

    void secretsFileIsOwnerOnly()
    {
#ifndef Q_OS_UNIX
        QSKIP("POSIX permissions");
#endif
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString secretsPath = dir.filePath(QStringLiteral("nested/folder/secrets.json"));
        QSettings settings(dir.filePath(QStringLiteral("firebreak.ini")), QSettings::IniFormat);
        SecretStore secrets(secretsPath);
        QVERIFY(ProfileStore(settings, secrets).save(sampleProfiles()));

        QCOMPARE(modeOf(secretsPath), 0600);
        const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup
            | QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;
        QCOMPARE(QFileInfo(secretsPath).permissions() & others, QFileDevice::Permissions());
        QVERIFY(QFileInfo(secretsPath).permissions().testFlag(QFileDevice::ReadOwner));
        QVERIFY(QFileInfo(secretsPath).permissions().testFlag(QFileDevice::WriteOwner));
    }

    void secretsFileBecomesOwnerOnlyWhenItWasNot()
    {
#ifndef Q_OS_UNIX
        QSKIP("POSIX permissions");
#endif
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString secretsPath = dir.filePath(QStringLiteral("secrets.json"));
        QVERIFY(writeFile(secretsPath, "{}"));
        QVERIFY(QFile::setPermissions(secretsPath,
            QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther));
        QCOMPARE(modeOf(secretsPath), 0644);

        SecretStore secrets(secretsPath);
        QVERIFY(secrets.load());
        secrets.setValue(QStringLiteral("id/password"), QStringLiteral("pw"));
        QVERIFY(secrets.save());
        QCOMPARE(modeOf(secretsPath), 0600);
    }

    void removedProfilesLoseTheirSecrets()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString iniPath = dir.filePath(QStringLiteral("firebreak.ini"));
        const QString secretsPath = dir.filePath(QStringLiteral("secrets.json"));
        QList<ConnectionProfile> profiles = sampleProfiles();

        QSettings settings(iniPath, QSettings::IniFormat);
        SecretStore secrets(secretsPath);
        ProfileStore store(settings, secrets);
        QVERIFY(store.save(profiles));

        profiles.removeAt(1); // the Loki profile with the token and the tenant header
        profiles[0].auth = AuthKind::None; // switching auth off forgets the password too
        QString error;
        QVERIFY2(store.save(profiles, &error), qPrintable(error));

        const QByteArray secretsJson = fileContents(secretsPath);
        QVERIFY(!secretsJson.contains("tok-4a1b2c3d"));
        QVERIFY(!secretsJson.contains("tenant-7f3e"));
        QVERIFY(!secretsJson.contains("s3cret-pass"));
        const QJsonDocument doc = QJsonDocument::fromJson(secretsJson);
        QVERIFY(doc.isObject());
        QCOMPARE(doc.object().size(), 0);
        QCOMPARE(modeOf(secretsPath), 0600);

        const QByteArray ini = fileContents(iniPath);
        QVERIFY(!ini.contains("prod logs")); // no stale array entries of the removed profile
        QVERIFY(!ini.contains("gateway.example.org"));

        SecretStore reloadedSecrets(secretsPath);
        QVERIFY(reloadedSecrets.load());
        QSettings reloadedSettings(iniPath, QSettings::IniFormat);
        const QList<ConnectionProfile> loaded = ProfileStore(reloadedSettings, reloadedSecrets).load();
        QCOMPARE(loaded.size(), 2);
        QCOMPARE(loaded.at(0).name, QStringLiteral("prod metrics"));
        QCOMPARE(loaded.at(0).auth, AuthKind::None);
        QVERIFY(loaded.at(0).password.isEmpty());
        QCOMPARE(loaded.at(1).name, QStringLiteral("local traces"));
    }

    void savingProfilesKeepsOtherSettings()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QSettings settings(dir.filePath(QStringLiteral("firebreak.ini")), QSettings::IniFormat);
        SecretStore secrets(dir.filePath(QStringLiteral("secrets.json")));
        AppSettings app(settings);
        app.setHealthInterval(std::chrono::seconds(120));
        app.setQuickRange(QStringLiteral("6h"));

        QVERIFY(ProfileStore(settings, secrets).save(sampleProfiles()));
        QCOMPARE(app.healthInterval().count(), 120);
        QCOMPARE(app.quickRange(), QStringLiteral("6h"));
    }

    void profilesFromNewerVersionsAreSkipped()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QSettings settings(dir.filePath(QStringLiteral("firebreak.ini")), QSettings::IniFormat);
        SecretStore secrets(dir.filePath(QStringLiteral("secrets.json")));
        ProfileStore store(settings, secrets);
        QVERIFY(store.save(sampleProfiles()));

        settings.setValue(QStringLiteral("dataSources/2/kind"), QStringLiteral("elasticsearch")); // 1-based

        const QList<ConnectionProfile> loaded = store.load();
        QCOMPARE(loaded.size(), 2);
        QCOMPARE(loaded.at(0).kind, BackendKind::Prometheus);
        QCOMPARE(loaded.at(1).kind, BackendKind::Tempo);
    }

    void newProfile()
    {
        const ConnectionProfile a = ProfileStore::newProfile(BackendKind::Loki);
        const ConnectionProfile b = ProfileStore::newProfile(BackendKind::Loki);
        QCOMPARE(a.kind, BackendKind::Loki);
        QCOMPARE(a.baseUrl.toString(), QStringLiteral("http://localhost:3100"));
        QCOMPARE(a.id.size(), 36); // a UUID without braces
        QVERIFY(!a.id.startsWith(u'{'));
        QVERIFY(a.id != b.id);
        QCOMPARE(a.timeout.count(), 10000);
    }

    void corruptSecretsFileIsAnError()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString secretsPath = dir.filePath(QStringLiteral("secrets.json"));
        const QByteArray corrupt = "{\"id/password\": \"half-writ";
        QVERIFY(writeFile(secretsPath, corrupt));

        SecretStore secrets(secretsPath);
        QString error;
        QVERIFY(!secrets.load(&error));
        QVERIFY2(error.contains(secretsPath), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("not valid JSON")), qPrintable(error));
        QVERIFY(secrets.value(QStringLiteral("id/password")).isEmpty());
    }

    void corruptSecretsFileIsKeptAsideOnSave()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString secretsPath = dir.filePath(QStringLiteral("secrets.json"));
        const QByteArray corrupt = "[1, 2";
        QVERIFY(writeFile(secretsPath, corrupt));

        SecretStore secrets(secretsPath);
        QVERIFY(!secrets.load());
        secrets.setValue(QStringLiteral("id/token"), QStringLiteral("fresh"));
        QString error;
        QVERIFY2(secrets.save(&error), qPrintable(error));

        const QStringList aside = QDir(dir.path()).entryList({ QStringLiteral("secrets.json.unreadable-*") });
        QCOMPARE(aside.size(), 1);
        QCOMPARE(fileContents(dir.filePath(aside.first())), corrupt);

        SecretStore reloaded(secretsPath);
        QVERIFY(reloaded.load());
        QCOMPARE(reloaded.value(QStringLiteral("id/token")), QStringLiteral("fresh"));
        QCOMPARE(modeOf(secretsPath), 0600);
    }

    void secretStoreValues()
    {
        SecretStore secrets(m_files.filePath(QStringLiteral("unused.json")));
        secrets.setValue(QStringLiteral("a/password"), QStringLiteral("1"));
        secrets.setValue(QStringLiteral("a/header/X-Scope-OrgID"), QStringLiteral("2"));
        secrets.setValue(QStringLiteral("ab/password"), QStringLiteral("3"));
        secrets.setValue(QStringLiteral("b/token"), QStringLiteral("4"));

        secrets.setValue(QStringLiteral("b/token"), QString()); // empty removes
        QVERIFY(secrets.value(QStringLiteral("b/token")).isEmpty());

        secrets.removePrefix(QStringLiteral("a/"));
        QVERIFY(secrets.value(QStringLiteral("a/password")).isEmpty());
        QVERIFY(secrets.value(QStringLiteral("a/header/X-Scope-OrgID")).isEmpty());
        QCOMPARE(secrets.value(QStringLiteral("ab/password")), QStringLiteral("3")); // "ab" is another profile

        secrets.setValue(QStringLiteral("c/password"), QStringLiteral("5"));
        secrets.retainOnly({ QStringLiteral("c") });
        QVERIFY(secrets.value(QStringLiteral("ab/password")).isEmpty());
        QCOMPARE(secrets.value(QStringLiteral("c/password")), QStringLiteral("5"));
    }
};

QTEST_GUILESS_MAIN(TestConnectionProfile)

#include "tst_connectionprofile.moc"
