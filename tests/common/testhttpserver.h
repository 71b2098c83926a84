#pragma once

// A tiny HTTP/1.1 server on 127.0.0.1 for tests: fixed answers per path, optional delay or silence,
// and a record of what arrived. Runs on the test's event loop (the client under test has its own thread).

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <memory>

namespace firebreak::test {

struct Route
{
    int status = 200;
    QByteArray body;
    QByteArray contentType = QByteArrayLiteral("text/plain; charset=utf-8");
    int delayMs = 0;
    bool hang = false; // accept the request and never answer
};

struct ReceivedRequest
{
    QByteArray method;
    QByteArray path; // with query
    QHash<QByteArray, QByteArray> headers; // names in lower case
};

class TestHttpServer
{
public:
    TestHttpServer()
    {
        QObject::connect(&m_server, &QTcpServer::newConnection, &m_server, [this] {
            while (QTcpSocket* socket = m_server.nextPendingConnection())
                serve(socket);
        });
    }

    bool listen() { return m_server.listen(QHostAddress::LocalHost); }
    quint16 port() const { return m_server.serverPort(); }
    QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(port()); }

    void route(const QByteArray& path, Route answer) { m_routes.insert(path, std::move(answer)); }
    const QList<ReceivedRequest>& received() const { return m_received; }
    /// How many requests arrived for `path` (query ignored).
    int count(const QByteArray& path) const
    {
        int n = 0;
        for (const ReceivedRequest& request : m_received)
            n += request.path.split('?').value(0) == path ? 1 : 0;
        return n;
    }
    /// The last request for `path` (query ignored), or an empty one.
    ReceivedRequest last(const QByteArray& path) const
    {
        for (auto it = m_received.crbegin(); it != m_received.crend(); ++it) {
            if (it->path.split('?').value(0) == path)
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

private:
    void serve(QTcpSocket* socket)
    {
        auto buffer = std::make_shared<QByteArray>();
        QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer] {
            buffer->append(socket->readAll());
            const qsizetype end = buffer->indexOf("\r\n\r\n");
            if (end < 0)
                return;
            ReceivedRequest request;
            const QList<QByteArray> lines = buffer->left(end).split('\n');
            const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
            request.method = first.value(0);
            request.path = first.value(1);
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const qsizetype colon = lines.at(i).indexOf(':');
                if (colon > 0)
                    request.headers.insert(
                        lines.at(i).left(colon).trimmed().toLower(), lines.at(i).mid(colon + 1).trimmed());
            }
            buffer->clear();
            m_received.append(request);
            const QByteArray bare = request.path.split('?').value(0);
            const Route answer = m_routes.value(bare, Route { 404, QByteArrayLiteral("404 page not found\n") });
            if (answer.hang)
                return;
            const auto reply = [socket, answer] {
                QByteArray head = "HTTP/1.1 " + QByteArray::number(answer.status)
                    + " X\r\nContent-Type: " + answer.contentType
                    + "\r\nContent-Length: " + QByteArray::number(answer.body.size()) + "\r\nConnection: close\r\n\r\n";
                socket->write(head + answer.body);
                socket->disconnectFromHost();
            };
            if (answer.delayMs > 0)
                QTimer::singleShot(answer.delayMs, socket, reply);
            else
                reply();
        });
    }

    QTcpServer m_server;
    QHash<QByteArray, Route> m_routes;
    QList<ReceivedRequest> m_received;
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
