#pragma once

// A small HTTP/1.1 server on 127.0.0.1 for the fake backends and the tests: handlers per path, a record of
// what arrived, and faults injected from the test (or over HTTP, for a server started as a separate process).
// It runs on the event loop of the thread that created it; the clients under test have their own thread.

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QTcpServer>

#include <functional>
#include <vector>

class QTcpSocket;

namespace firebreak::test {

struct ServerRequest
{
    QByteArray method;
    QString path; // decoded, without the query
    QByteArray target; // as sent: path and query
    QHash<QByteArray, QByteArray> headers; // names in lower case
    QByteArray body;
    /// Query string, then an application/x-www-form-urlencoded body, decoded as Go's url.ParseQuery does
    /// (the backends we imitate are Go): '+' is a space, names are decoded too ("match%5B%5D" is "match[]").
    QList<QPair<QString, QString>> parameters;

    /// The first value of a parameter, empty when absent.
    QString param(const QString& name) const;
    /// Every value of a repeated parameter (`match[]`), in order.
    QStringList params(const QString& name) const;
    bool hasParam(const QString& name) const;
    QByteArray header(const QByteArray& lowerCaseName) const { return headers.value(lowerCaseName); }
};

struct ServerResponse
{
    int status = 200;
    QByteArray contentType = QByteArrayLiteral("application/json");
    QByteArray body {};
    QList<QPair<QByteArray, QByteArray>> headers {};
    int delayMs = 0; // answer this much later (a slow server)
    bool hang = false; // never answer; the connection stays open until the client gives up

    static ServerResponse text(int status, const QByteArray& body);
    static ServerResponse json(const QByteArray& body, int status = 200);
};

/// Changes the next `times` answers to requests whose path starts with `pathPrefix` (every path when empty).
struct Fault
{
    QString pathPrefix {};
    int times = 1;
    int status = 0; // when set, answer with status/body/contentType/headers instead of the handler's answer
    QByteArray body {};
    QByteArray contentType = QByteArrayLiteral("text/plain; charset=utf-8");
    QList<QPair<QByteArray, QByteArray>> headers {};
    int delayMs = 0;
    bool hang = false;
    qsizetype truncateAt = -1; // announce the whole length, send this many bytes, close
    bool closeWithoutAnswer = false;
};

class FakeHttpServer
{
public:
    using Handler = std::function<ServerResponse(const ServerRequest&)>;

    FakeHttpServer();
    ~FakeHttpServer();
    FakeHttpServer(const FakeHttpServer&) = delete;
    FakeHttpServer& operator=(const FakeHttpServer&) = delete;

    /// `path` is matched exactly, or as a prefix when it ends in '*'. Later registrations win.
    void handle(const QString& path, Handler handler);
    bool listen(quint16 port = 0);
    quint16 port() const { return m_server.serverPort(); }
    QString url() const;

    void injectFault(Fault fault);
    void clearFaults() { m_faults.clear(); }

    const QList<ServerRequest>& received() const { return m_received; }
    /// Requests that arrived for exactly `path`.
    int count(const QString& path) const;
    void clearReceived() { m_received.clear(); }

    /// `POST /-/fault` takes a Fault as JSON: {"pathPrefix", "times", "status", "body", "contentType",
    /// "headers": {name: value}, "delayMs", "hang", "truncateAt", "closeWithoutAnswer"}.
    static Fault faultFromJson(const QByteArray& json, QString* error);

private:
    void onReadyRead(QTcpSocket* socket);
    void dispatch(QTcpSocket* socket, const ServerRequest& request);
    ServerResponse answer(const ServerRequest& request) const;
    bool takeFault(const QString& path, Fault* fault);
    static void write(QTcpSocket* socket, const ServerResponse& response, qsizetype truncateAt);

    std::vector<std::pair<QString, Handler>> m_handlers;
    QList<Fault> m_faults;
    QList<ServerRequest> m_received;
    QHash<QTcpSocket*, QByteArray> m_buffers;
    // Last, so that it goes first: its sockets' signals still find the members above alive.
    QTcpServer m_server;
};

} // namespace firebreak::test
