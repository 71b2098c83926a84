#include "applicationinfo.h"

#include "net/httpclient.h"

#include <QCoreApplication>
#include <QDir>
#include <QStandardPaths>

#include <google/protobuf/stubs/common.h>
#include <grpcpp/grpcpp.h>
#include <nlohmann/json.hpp>
#include <spdlog/version.h>
#include <sqlite3.h>

#include <fmt/core.h>

namespace firebreak {

void setApplicationIdentity(const QString& applicationName)
{
    QCoreApplication::setOrganizationName(QStringLiteral("Firebreak"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("firebreak.app"));
    QCoreApplication::setApplicationName(applicationName);
    QCoreApplication::setApplicationVersion(applicationVersion());
}

QString applicationVersion()
{
    return QStringLiteral(FIREBREAK_VERSION);
}

QList<QPair<QString, QString>> libraryVersions()
{
    const auto number
        = [](int major, int minor, int patch) { return QStringLiteral("%1.%2.%3").arg(major).arg(minor).arg(patch); };
    return {
        { QStringLiteral("Qt"), QString::fromLatin1(qVersion()) },
        { QStringLiteral("libcurl"), net::HttpClient::curlVersion() },
        { QStringLiteral("SQLite"), QString::fromLatin1(sqlite3_libversion()) },
        { QStringLiteral("Protobuf"),
            QString::fromStdString(google::protobuf::internal::VersionString(GOOGLE_PROTOBUF_VERSION)) },
        { QStringLiteral("gRPC"), QString::fromStdString(grpc::Version()) },
        { QStringLiteral("spdlog"), number(SPDLOG_VER_MAJOR, SPDLOG_VER_MINOR, SPDLOG_VER_PATCH) },
        { QStringLiteral("fmt"), number(FMT_VERSION / 10000, FMT_VERSION / 100 % 100, FMT_VERSION % 100) },
        { QStringLiteral("nlohmann/json"),
            number(NLOHMANN_JSON_VERSION_MAJOR, NLOHMANN_JSON_VERSION_MINOR, NLOHMANN_JSON_VERSION_PATCH) },
    };
}

QString appDataDir()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(dir);
    return dir;
}

} // namespace firebreak
