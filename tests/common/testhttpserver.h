#pragma once

// Fixed answers per path for the unit tests, on the fake-server library's HTTP server.

#include "fakehttpserver.h"

#include <QTcpServer>

namespace firebreak::test {

struct Route
{
    int status = 200;
    QByteArray body;
    QByteArray contentType = QByteArrayLiteral("text/plain; charset=utf-8");
    int delayMs = 0;
    bool hang = false; // accept the request and never answer
};

class TestHttpServer : public FakeHttpServer
{
public:
    void route(const QByteArray& path, Route route)
    {
        handle(QString::fromUtf8(path), [route](const ServerRequest&) {
            ServerResponse response;
            response.status = route.status;
            response.body = route.body;
            response.contentType = route.contentType;
            response.delayMs = route.delayMs;
            response.hang = route.hang;
            return response;
        });
    }

    int count(const QByteArray& path) const { return FakeHttpServer::count(QString::fromUtf8(path)); }

    /// The last request for `path` (query ignored), or an empty one.
    ServerRequest last(const QByteArray& path) const
    {
        const QString wanted = QString::fromUtf8(path);
        for (auto it = received().crbegin(); it != received().crend(); ++it) {
            if (it->path == wanted)
                return *it;
        }
        return {};
    }

    /// Answers like Prometheus 2.42 to the readiness and build-info requests.
    void actLikePrometheus()
    {
        route("/-/ready", { 200, QByteArrayLiteral("Prometheus Server is Ready.\n") });
        route("/api/v1/status/buildinfo",
            { 200,
                QByteArrayLiteral(
                    R"({"status":"success","data":{"version":"2.42.0","revision":"225c61122d88b01d1f0eaaee0e05b6f3e0567ac0","branch":"debian/sid","buildUser":"team+pkg-go@tracker.debian.org","buildDate":"20230310-22:41:54","goVersion":"go1.19.8"}})"),
                QByteArrayLiteral("application/json") });
    }
};

/// A 127.0.0.1 port on which nothing listens (bound once for a free number, then closed), or 0.
inline quint16 refusedPort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

} // namespace firebreak::test
