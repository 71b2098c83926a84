#include "fakehttpserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>

namespace firebreak::test {

namespace {

constexpr qsizetype MaxHeaderBytes = 64 * 1024;

bool isControl(const QString& path)
{
    return path == u"/-/fault" || path == u"/-/faults/clear";
}

void readParameters(QByteArray encoded, QList<QPair<QString, QString>>& into)
{
    encoded.replace('+', "%20");
    for (const QByteArray& pair : encoded.split('&')) {
        if (pair.isEmpty())
            continue;
        const qsizetype equals = pair.indexOf('=');
        const QByteArray key = equals < 0 ? pair : pair.left(equals);
        const QByteArray value = equals < 0 ? QByteArray() : pair.mid(equals + 1);
        into.append({ QString::fromUtf8(QByteArray::fromPercentEncoding(key)),
            QString::fromUtf8(QByteArray::fromPercentEncoding(value)) });
    }
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 204:
        return "No Content";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    default:
        return "Status";
    }
}

} // namespace

QString ServerRequest::param(const QString& name) const
{
    for (const auto& [key, value] : parameters) {
        if (key == name)
            return value;
    }
    return {};
}

QStringList ServerRequest::params(const QString& name) const
{
    QStringList values;
    for (const auto& [key, value] : parameters) {
        if (key == name)
            values << value;
    }
    return values;
}

bool ServerRequest::hasParam(const QString& name) const
{
    return std::any_of(parameters.cbegin(), parameters.cend(), [&](const auto& item) { return item.first == name; });
}

ServerResponse ServerResponse::text(int status, const QByteArray& body)
{
    ServerResponse response;
    response.status = status;
    response.contentType = QByteArrayLiteral("text/plain; charset=utf-8");
    response.body = body;
    return response;
}

ServerResponse ServerResponse::json(const QByteArray& body, int status)
{
    ServerResponse response;
    response.status = status;
    response.body = body;
    return response;
}

FakeHttpServer::FakeHttpServer()
{
    QObject::connect(&m_server, &QTcpServer::newConnection, &m_server, [this] {
        while (QTcpSocket* socket = m_server.nextPendingConnection()) {
            QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket] { onReadyRead(socket); });
            QObject::connect(socket, &QTcpSocket::disconnected, socket, [this, socket] {
                m_buffers.remove(socket);
                socket->deleteLater();
            });
        }
    });
    handle(QStringLiteral("/-/fault"), [this](const ServerRequest& request) {
        QString error;
        Fault fault = faultFromJson(request.body, &error);
        if (!error.isEmpty())
            return ServerResponse::text(400, error.toUtf8() + '\n');
        injectFault(std::move(fault));
        return ServerResponse::text(200, "fault armed\n");
    });
    handle(QStringLiteral("/-/faults/clear"), [this](const ServerRequest&) {
        clearFaults();
        return ServerResponse::text(200, "faults cleared\n");
    });
}

FakeHttpServer::~FakeHttpServer() = default;

void FakeHttpServer::handle(const QString& path, Handler handler)
{
    m_handlers.emplace_back(path, std::move(handler));
}

bool FakeHttpServer::listen(quint16 port)
{
    return m_server.listen(QHostAddress::LocalHost, port);
}

QString FakeHttpServer::url() const
{
    return QStringLiteral("http://127.0.0.1:%1").arg(port());
}

void FakeHttpServer::injectFault(Fault fault)
{
    m_faults.append(std::move(fault));
}

int FakeHttpServer::count(const QString& path) const
{
    return static_cast<int>(std::count_if(
        m_received.cbegin(), m_received.cend(), [&](const ServerRequest& request) { return request.path == path; }));
}

Fault FakeHttpServer::faultFromJson(const QByteArray& json, QString* error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    Fault fault;
    if (!document.isObject()) {
        *error = QStringLiteral("a fault is a JSON object: %1").arg(parseError.errorString());
        return fault;
    }
    const QJsonObject object = document.object();
    fault.pathPrefix = object.value(u"pathPrefix").toString();
    fault.times = object.value(u"times").toInt(1);
    fault.status = object.value(u"status").toInt(0);
    fault.body = object.value(u"body").toString().toUtf8();
    if (object.contains(u"contentType"))
        fault.contentType = object.value(u"contentType").toString().toUtf8();
    const QJsonObject headers = object.value(u"headers").toObject();
    for (auto it = headers.begin(); it != headers.end(); ++it)
        fault.headers.append({ it.key().toUtf8(), it.value().toString().toUtf8() });
    fault.delayMs = object.value(u"delayMs").toInt(0);
    fault.hang = object.value(u"hang").toBool(false);
    fault.truncateAt = object.value(u"truncateAt").toInteger(-1);
    fault.closeWithoutAnswer = object.value(u"closeWithoutAnswer").toBool(false);
    return fault;
}

void FakeHttpServer::onReadyRead(QTcpSocket* socket)
{
    QByteArray& buffer = m_buffers[socket];
    buffer.append(socket->readAll());
    const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0) {
        if (buffer.size() > MaxHeaderBytes)
            socket->abort();
        return;
    }
    ServerRequest request;
    const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
    const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
    request.method = first.value(0);
    request.target = first.value(1);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines.at(i).indexOf(':');
        if (colon > 0)
            request.headers.insert(lines.at(i).left(colon).trimmed().toLower(), lines.at(i).mid(colon + 1).trimmed());
    }
    const qsizetype length = request.headers.value("content-length", "0").toLongLong();
    if (buffer.size() < headerEnd + 4 + length)
        return; // the body is still on its way
    request.body = buffer.mid(headerEnd + 4, length);
    m_buffers.remove(socket);

    const QUrl url(QString::fromLatin1(request.target));
    request.path = url.path(QUrl::FullyDecoded);
    if (const qsizetype question = request.target.indexOf('?'); question >= 0)
        readParameters(request.target.mid(question + 1), request.parameters);
    if (request.header("content-type").startsWith("application/x-www-form-urlencoded"))
        readParameters(request.body, request.parameters);
    if (!isControl(request.path))
        m_received.append(request);
    dispatch(socket, request);
}

void FakeHttpServer::dispatch(QTcpSocket* socket, const ServerRequest& request)
{
    Fault fault;
    const bool faulty = !isControl(request.path) && takeFault(request.path, &fault);
    if (faulty && fault.closeWithoutAnswer) {
        socket->abort();
        return;
    }
    ServerResponse response;
    if (faulty && fault.status > 0) {
        response.status = fault.status;
        response.body = fault.body;
        response.contentType = fault.contentType;
        response.headers = fault.headers;
    } else {
        response = answer(request);
    }
    if (response.hang || (faulty && fault.hang))
        return;
    const int delayMs = response.delayMs + (faulty ? fault.delayMs : 0);
    const qsizetype truncateAt = faulty ? fault.truncateAt : -1;
    if (delayMs > 0)
        QTimer::singleShot(delayMs, socket, [socket, response, truncateAt] { write(socket, response, truncateAt); });
    else
        write(socket, response, truncateAt);
}

ServerResponse FakeHttpServer::answer(const ServerRequest& request) const
{
    // The most recent registration that matches wins, so a test can override one path of a fake backend.
    for (auto it = m_handlers.crbegin(); it != m_handlers.crend(); ++it) {
        const QString& pattern = it->first;
        const bool matches = pattern.endsWith(u'*') ? request.path.startsWith(QStringView(pattern).chopped(1))
                                                    : request.path == pattern;
        if (matches)
            return it->second(request);
    }
    return ServerResponse::text(404, "404 page not found\n");
}

bool FakeHttpServer::takeFault(const QString& path, Fault* fault)
{
    for (qsizetype i = 0; i < m_faults.size(); ++i) {
        Fault& candidate = m_faults[i];
        if (!path.startsWith(candidate.pathPrefix))
            continue;
        *fault = candidate;
        if (--candidate.times <= 0)
            m_faults.removeAt(i);
        return true;
    }
    return false;
}

void FakeHttpServer::write(QTcpSocket* socket, const ServerResponse& response, qsizetype truncateAt)
{
    QByteArray head = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reasonPhrase(response.status) + "\r\n";
    if (!response.contentType.isEmpty())
        head += "Content-Type: " + response.contentType + "\r\n";
    for (const auto& [name, value] : response.headers)
        head += name + ": " + value + "\r\n";
    head += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\nConnection: close\r\n\r\n";
    const QByteArray body = truncateAt >= 0 ? response.body.left(truncateAt) : response.body;
    socket->write(head + body);
    if (truncateAt >= 0) {
        // Announced more than was sent: the client must notice the cut, not wait for the rest.
        socket->flush();
        socket->abort();
        return;
    }
    socket->disconnectFromHost();
}

} // namespace firebreak::test
