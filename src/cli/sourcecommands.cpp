#include "backends/healthcheck.h"
#include "command.h"
#include "net/profilestore.h"
#include "net/secretstore.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QSettings>
#include <QTextStream>

#include <nlohmann/json.hpp>

namespace firebreak::cli {

using namespace firebreak::net;

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Cli)
};

QList<ConnectionProfile> storedProfiles()
{
    QSettings settings;
    SecretStore secrets(SecretStore::defaultPath());
    QString error;
    if (!secrets.load(&error))
        throw std::runtime_error(error.toStdString());
    return ProfileStore(settings, secrets).load();
}

nlohmann::json profileJson(const ConnectionProfile& p)
{
    return { { "id", p.id.toStdString() }, { "name", p.name.toStdString() }, { "kind", kindKey(p.kind).toStdString() },
        { "url", p.baseUrl.toString().toStdString() }, { "auth", authKey(p.auth).toStdString() },
        { "tls_skip_verify", p.tls.skipVerify }, { "timeout_ms", p.timeout.count() } };
}

int listSources(CommandContext& ctx, const QCommandLineParser&)
{
    const QList<ConnectionProfile> profiles = storedProfiles();
    if (ctx.json) {
        nlohmann::json doc = nlohmann::json::array();
        for (const auto& p : profiles)
            doc.push_back(profileJson(p));
        ctx.out << QString::fromStdString(doc.dump(2)) << '\n';
        return 0;
    }
    if (profiles.isEmpty()) {
        ctx.out << Text::tr("No data sources. Add one in the Firebreak window (Data sources…).") << '\n';
        return 0;
    }
    for (const auto& p : profiles)
        ctx.out << kindKey(p.kind).leftJustified(11) << p.name.leftJustified(24) << ' ' << p.baseUrl.toString() << '\n';
    return 0;
}

ConnectionProfile profileFromArguments(const QCommandLineParser& parser)
{
    ConnectionProfile profile;
    const QStringList names = parser.positionalArguments();
    if (!names.isEmpty()) {
        if (names.size() > 1 || parser.isSet(QStringLiteral("url")))
            throw UsageError { Text::tr("give a data source name, or --kind and --url") };
        for (const auto& stored : storedProfiles()) {
            if (stored.name.compare(names.first(), Qt::CaseInsensitive) == 0)
                profile = stored;
        }
        if (profile.id.isEmpty())
            throw std::runtime_error(Text::tr("no data source named '%1'").arg(names.first()).toStdString());
    } else {
        if (!parser.isSet(QStringLiteral("url")) || !parser.isSet(QStringLiteral("kind")))
            throw UsageError { Text::tr("give a data source name, or --kind and --url") };
        const auto kind = kindFromKey(parser.value(QStringLiteral("kind")));
        if (!kind)
            throw UsageError { Text::tr("--kind must be prometheus, loki or tempo") };
        profile.kind = *kind;
        profile.name = kindDisplayName(*kind);
        profile.baseUrl = QUrl(parser.value(QStringLiteral("url")), QUrl::StrictMode);
    }
    applyTimeoutAndValidate(parser, profile);
    return profile;
}

int checkSource(CommandContext& ctx, const QCommandLineParser& parser)
{
    const ConnectionProfile profile = profileFromArguments(parser);
    HttpClient client;
    QEventLoop loop;
    HealthResult result;
    checkHealth(client, profile, &loop, [&](HealthResult answer) {
        result = std::move(answer);
        loop.quit();
    });
    loop.exec();

    const bool healthy = result.state == HealthResult::State::Healthy;
    if (ctx.json) {
        nlohmann::json doc = profileJson(profile);
        doc["healthy"] = healthy;
        doc["latency_ms"] = result.latencyMs;
        doc["version"] = result.version.toStdString();
        if (!healthy)
            doc["error"] = result.error.toStdString();
        ctx.out << QString::fromStdString(doc.dump(2)) << '\n';
    } else if (healthy) {
        ctx.out << Text::tr("%1 at %2 is ready (%3 ms)%4")
                       .arg(kindDisplayName(profile.kind), profile.baseUrl.toString())
                       .arg(result.latencyMs, 0, 'f', 1)
                       .arg(result.version.isEmpty() ? QString() : Text::tr(", version %1").arg(result.version))
                << '\n';
    }
    if (!healthy) {
        ctx.err << "firebreak-cli: " << result.error << Qt::endl;
        return 1;
    }
    return 0;
}

} // namespace

QList<Command> sourceCommands()
{
    return {
        Command { { QStringLiteral("source"), QStringLiteral("list") }, QStringLiteral("[--json]"),
            Text::tr("List the configured data sources."), {}, listSources },
        Command { { QStringLiteral("source"), QStringLiteral("check") },
            QStringLiteral("(NAME | --kind KIND --url URL) [--timeout S] [--json]"),
            Text::tr("Check that a data source answers; prints its latency and version."),
            [](QCommandLineParser& parser) {
                parser.addPositionalArgument(QStringLiteral("name"), Text::tr("a configured data source"));
                parser.addOption(
                    { QStringLiteral("kind"), Text::tr("prometheus, loki or tempo"), QStringLiteral("KIND") });
                parser.addOption({ QStringLiteral("url"), Text::tr("base URL of the backend"), QStringLiteral("URL") });
                parser.addOption({ QStringLiteral("timeout"),
                    Text::tr("seconds to wait (default: the data source's timeout, else 10)"), QStringLiteral("S") });
            },
            checkSource },
    };
}

} // namespace firebreak::cli
