#include "cli/cliapp.h"
#include "clirun.h"
#include "common/applicationinfo.h"
#include "net/profilestore.h"
#include "net/secretstore.h"
#include "testhttpserver.h"
#include "testutils.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

using namespace firebreak;
using namespace firebreak::net;
using namespace firebreak::test;

class TestCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_config;

    void storeProfiles(const QList<ConnectionProfile>& profiles)
    {
        QSettings settings;
        SecretStore secrets(SecretStore::defaultPath());
        QVERIFY(secrets.load());
        QString error;
        QVERIFY2(ProfileStore(settings, secrets).save(profiles, &error), qPrintable(error));
    }

private Q_SLOTS:
    void initTestCase()
    {
        // Settings and secrets of this run live in a folder of their own, never in the user's.
        QVERIFY(m_config.isValid());
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_config.path()));
        setApplicationIdentity(QStringLiteral("firebreak-cli"));
        QVERIFY2(QSettings().fileName().startsWith(m_config.path()), qPrintable(QSettings().fileName()));
        QVERIFY2(SecretStore::defaultPath().startsWith(m_config.path()), qPrintable(SecretStore::defaultPath()));
    }

    void init()
    {
        QSettings settings;
        settings.clear();
        settings.sync();
        QFile::remove(SecretStore::defaultPath());
    }

    void noArguments()
    {
        const CliRun run = runCli({});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.out.isEmpty());
        QVERIFY2(run.err.startsWith(QStringLiteral("Usage: firebreak-cli")), qPrintable(describe(run)));
        QVERIFY(run.err.contains(QStringLiteral("source check")));
        QVERIFY(run.err.contains(QStringLiteral("source list")));
    }

    void help_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("long") << QStringList { QStringLiteral("--help") };
        QTest::newRow("short") << QStringList { QStringLiteral("-h") };
        QTest::newRow("with_log_level_before")
            << QStringList { QStringLiteral("--log-level"), QStringLiteral("debug"), QStringLiteral("--help") };
    }

    void help()
    {
        QFETCH(QStringList, arguments);

        const CliRun run = runCli(arguments);
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.err.isEmpty());
        QVERIFY2(run.out.startsWith(QStringLiteral("Usage: firebreak-cli")), qPrintable(describe(run)));
        QVERIFY(
            run.out.contains(QStringLiteral("Exit status: 0 success, 1 failure (one line on stderr), 2 bad usage.")));
    }

    void commandHelp()
    {
        const CliRun run = runCli({ QStringLiteral("source"), QStringLiteral("check"), QStringLiteral("--help") });
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.err.isEmpty());
        QVERIFY2(run.out.startsWith(QStringLiteral("Usage: firebreak-cli source check (NAME | --kind KIND --url URL)")),
            qPrintable(describe(run)));
        QVERIFY(run.out.contains(QStringLiteral("--kind <KIND>")));
        QVERIFY(run.out.contains(QStringLiteral("--timeout <S>")));
    }

    void version()
    {
        const CliRun run = runCli({ QStringLiteral("--version") });
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.err.isEmpty());
        const QStringList lines = run.out.split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.value(0), QStringLiteral("firebreak-cli " FIREBREAK_VERSION));
        QVERIFY(lines.contains(QStringLiteral("  Qt ") + QString::fromLatin1(qVersion())));
    }

    void versionJson()
    {
        const CliRun run = runCli({ QStringLiteral("--version"), QStringLiteral("--json") });
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.err.isEmpty());
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(run.out.toUtf8(), &error);
        QVERIFY2(doc.isObject(), qPrintable(error.errorString() + u'\n' + run.out));
        QCOMPARE(doc[QLatin1String("firebreak")].toString(), QStringLiteral(FIREBREAK_VERSION));
        const QJsonObject libraries = doc[QLatin1String("libraries")].toObject();
        for (const char* name : { "Qt", "libcurl", "SQLite", "Protobuf", "gRPC", "spdlog", "nlohmann/json" })
            QVERIFY2(!libraries.value(QLatin1String(name)).toString().isEmpty(), name);
        QCOMPARE(libraries.value(QLatin1String("Qt")).toString(), QString::fromLatin1(qVersion()));
    }

    void badUsage_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");

        const auto args = [](const char* line) { return QString::fromLatin1(line).split(u' '); };
        QTest::newRow("unknown_command") << args("frobnicate")
                                         << QStringLiteral("firebreak-cli: unknown command 'frobnicate'");
        QTest::newRow("unknown_command_with_json")
            << args("--json frobnicate --url x") << QStringLiteral("firebreak-cli: unknown command 'frobnicate'");
        QTest::newRow("area_without_subcommand")
            << args("source") << QStringLiteral("firebreak-cli: 'source' needs a subcommand or has an unknown one");
        QTest::newRow("unknown_subcommand") << args(
            "source frob") << QStringLiteral("firebreak-cli: 'source frob' needs a subcommand or has an unknown one");
        QTest::newRow("bogus_kind") << args("source check --kind bogus --url x")
                                    << QStringLiteral("firebreak-cli: --kind must be prometheus, loki or tempo");
        QTest::newRow("kind_without_url")
            << args("source check --kind prometheus")
            << QStringLiteral("firebreak-cli: give a data source name, or --kind and --url");
        QTest::newRow("url_without_scheme")
            << args("source check --kind prometheus --url localhost:9090")
            << QStringLiteral("firebreak-cli: The URL must be a full address such as http://localhost:9090.");
        QTest::newRow("ftp_url") << args("source check --kind loki --url ftp://example.org")
                                 << QStringLiteral("firebreak-cli: The URL must start with http:// or https://.");
        QTest::newRow("timeout_not_a_number")
            << args("source check --kind prometheus --url http://127.0.0.1:9 --timeout soon")
            << QStringLiteral("firebreak-cli: --timeout takes a number of seconds");
        QTest::newRow("timeout_negative")
            << args("source check --kind prometheus --url http://127.0.0.1:9 --timeout -1")
            << QStringLiteral("firebreak-cli: --timeout takes a number of seconds");
        QTest::newRow("timeout_too_long")
            << args("source check --kind prometheus --url http://127.0.0.1:9 --timeout 601")
            << QStringLiteral("firebreak-cli: The timeout must be between 0.1 and 600 seconds.");
        QTest::newRow("unknown_option") << args("source check --bogus")
                                        << QStringLiteral("firebreak-cli: Unknown option 'bogus'.");
        QTest::newRow("name_and_url_together")
            << args("source check prod --url http://127.0.0.1:9")
            << QStringLiteral("firebreak-cli: give a data source name, or --kind and --url");
    }

    void badUsage()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);

        const CliRun run = runCli(arguments);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.out.isEmpty(), qPrintable(describe(run)));
        QCOMPARE(run.errLines().size(), 1);
        QCOMPARE(run.err, message + QStringLiteral(" (see firebreak-cli --help)\n"));
    }

    void checkRefused()
    {
        const quint16 port = refusedPort();
        QVERIFY(port != 0);
        const QString url = QStringLiteral("http://127.0.0.1:%1").arg(port);

        const CliRun run = runCli(
            { QStringLiteral("source"), QStringLiteral("check"), QStringLiteral("--kind"), QStringLiteral("prometheus"),
                QStringLiteral("--url"), url, QStringLiteral("--timeout"), QStringLiteral("2") });
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.out.isEmpty(), qPrintable(describe(run)));
        QCOMPARE(run.errLines().size(), 1);
        QVERIFY2(run.err.startsWith(QStringLiteral("firebreak-cli: Prometheus")), qPrintable(describe(run)));
        QVERIFY2(run.err.contains(url + QStringLiteral("/-/ready: connection refused")), qPrintable(describe(run)));
    }

    void checkRefusedJson()
    {
        const quint16 port = refusedPort();
        QVERIFY(port != 0);
        const CliRun run = runCli(
            { QStringLiteral("--json"), QStringLiteral("source"), QStringLiteral("check"), QStringLiteral("--kind"),
                QStringLiteral("loki"), QStringLiteral("--url"), QStringLiteral("http://127.0.0.1:%1").arg(port) });
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.errLines().size(), 1);
        const QJsonDocument doc = run.jsonDocument();
        QVERIFY2(doc.isObject(), qPrintable(describe(run)));
        QCOMPARE(doc[QLatin1String("healthy")].toBool(true), false);
        QCOMPARE(doc[QLatin1String("kind")].toString(), QStringLiteral("loki"));
        QVERIFY(doc[QLatin1String("error")].toString().contains(QStringLiteral("refused")));
    }

    void checkHealthy()
    {
        TestHttpServer server;
        QVERIFY(server.listen());
        server.actLikePrometheus();
        const QString url = server.url();

        const CliRun run = runCli({ QStringLiteral("source"), QStringLiteral("check"), QStringLiteral("--kind"),
            QStringLiteral("prometheus"), QStringLiteral("--url"), url });
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.err.isEmpty(), qPrintable(describe(run)));
        const QRegularExpression expected(
            QStringLiteral("^Prometheus at %1 is ready \\(\\d+\\.\\d ms\\), version 2\\.42\\.0\\n$")
                .arg(QRegularExpression::escape(url)));
        QVERIFY2(expected.match(run.out).hasMatch(), qPrintable(describe(run)));
        QCOMPARE(server.count("/-/ready"), 1);
        QCOMPARE(server.count("/api/v1/status/buildinfo"), 1);
    }

    void checkHealthyJson()
    {
        TestHttpServer server;
        QVERIFY(server.listen());
        server.actLikePrometheus();
        const QString url = server.url();

        const CliRun run = runCli({ QStringLiteral("source"), QStringLiteral("check"), QStringLiteral("--kind"),
            QStringLiteral("prometheus"), QStringLiteral("--url"), url, QStringLiteral("--json") });
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.err.isEmpty(), qPrintable(describe(run)));
        const QJsonDocument doc = run.jsonDocument();
        QVERIFY2(doc.isObject(), qPrintable(describe(run)));
        QCOMPARE(doc[QLatin1String("healthy")].toBool(false), true);
        QCOMPARE(doc[QLatin1String("version")].toString(), QStringLiteral("2.42.0"));
        QCOMPARE(doc[QLatin1String("kind")].toString(), QStringLiteral("prometheus"));
        QCOMPARE(doc[QLatin1String("url")].toString(), url);
        QCOMPARE(doc[QLatin1String("auth")].toString(), QStringLiteral("none"));
        QVERIFY(doc[QLatin1String("latency_ms")].toDouble() > 0);
        QVERIFY(!doc.object().contains(QLatin1String("error")));
    }

    void checkNotReady()
    {
        TestHttpServer server;
        QVERIFY(server.listen());
        server.route("/ready", { 503, "Ingester not ready\n" });

        const CliRun run = runCli(
            { QStringLiteral("source"), QStringLiteral("check"), QStringLiteral("--kind"), QStringLiteral("loki"),
                QStringLiteral("--url"), server.url(), QStringLiteral("--timeout"), QStringLiteral("5") });
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.out.isEmpty());
        QCOMPARE(run.errLines().size(), 1);
        QVERIFY2(
            run.err.endsWith(QStringLiteral("/ready answered 503: Ingester not ready\n")), qPrintable(describe(run)));
    }

    void listWithoutSources()
    {
        CliRun run = runCli({ QStringLiteral("source"), QStringLiteral("list") });
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.err.isEmpty());
        QCOMPARE(run.out, QStringLiteral("No data sources. Add one in the Firebreak window (Data sources…).\n"));

        run = runCli({ QStringLiteral("source"), QStringLiteral("list"), QStringLiteral("--json") });
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.jsonDocument().isArray());
        QCOMPARE(run.jsonDocument().array().size(), 0);
    }

    void listAndCheckStoredSources()
    {
        TestHttpServer server;
        QVERIFY(server.listen());
        actAsLokiWithAuth(server);

        ConnectionProfile loki = ProfileStore::newProfile(BackendKind::Loki);
        loki.name = QStringLiteral("Local Loki");
        loki.baseUrl = QUrl(server.url());
        loki.auth = AuthKind::Basic;
        loki.username = QStringLiteral("alice");
        loki.password = QStringLiteral("s3cret-pass");
        loki.headers = { { QStringLiteral("X-Scope-OrgID"), QStringLiteral("tenant-a") } };
        ConnectionProfile tempo = ProfileStore::newProfile(BackendKind::Tempo);
        tempo.name = QStringLiteral("Traces");
        storeProfiles({ loki, tempo });

        CliRun run = runCli({ QStringLiteral("source"), QStringLiteral("list") });
        QCOMPARE(run.exitCode, 0);
        const QStringList lines = run.out.split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        QVERIFY2(lines.at(0).startsWith(QStringLiteral("loki       Local Loki")), qPrintable(describe(run)));
        QVERIFY(lines.at(0).endsWith(server.url()));
        QVERIFY(lines.at(1).startsWith(QStringLiteral("tempo      Traces")));
        QVERIFY(!run.out.contains(QStringLiteral("s3cret-pass")));

        run = runCli({ QStringLiteral("--json"), QStringLiteral("source"), QStringLiteral("list") });
        QCOMPARE(run.exitCode, 0);
        const QJsonArray sources = run.jsonDocument().array();
        QCOMPARE(sources.size(), 2);
        QCOMPARE(sources.at(0)[QLatin1String("name")].toString(), QStringLiteral("Local Loki"));
        QCOMPARE(sources.at(0)[QLatin1String("auth")].toString(), QStringLiteral("basic"));
        QCOMPARE(sources.at(1)[QLatin1String("kind")].toString(), QStringLiteral("tempo"));
        QVERIFY(!run.out.contains(QStringLiteral("s3cret-pass")));

        // By name (case does not matter), with the stored credentials and tenant header.
        run = runCli({ QStringLiteral("source"), QStringLiteral("check"), QStringLiteral("local loki") });
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(QStringLiteral("version v2.9.9")), qPrintable(describe(run)));
        const auto request = server.last("/ready");
        QCOMPARE(request.headers.value("authorization"), "Basic " + QByteArray("alice:s3cret-pass").toBase64());
        QCOMPARE(request.headers.value("x-scope-orgid"), QByteArray("tenant-a"));

        run = runCli({ QStringLiteral("source"), QStringLiteral("check"), QStringLiteral("nosuch") });
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.err, QStringLiteral("firebreak-cli: no data source named 'nosuch'\n"));
    }

    void corruptSecretsFileFailsListing()
    {
        QFile file(SecretStore::defaultPath());
        QVERIFY(QDir().mkpath(QFileInfo(file).absolutePath()));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{ not json");
        file.close();

        const CliRun run = runCli({ QStringLiteral("source"), QStringLiteral("list") });
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.errLines().size(), 1);
        QVERIFY2(run.err.contains(QStringLiteral("is not valid JSON")), qPrintable(describe(run)));
    }

private:
    static void actAsLokiWithAuth(TestHttpServer& server)
    {
        server.route("/ready", { 200, readData(QStringLiteral("loki/loki-ready.txt")) });
        server.route("/loki/api/v1/status/buildinfo",
            { 200, readData(QStringLiteral("loki/loki-buildinfo.json")), "application/json" });
    }
};

QTEST_GUILESS_MAIN(TestCli)

#include "tst_cli.moc"
