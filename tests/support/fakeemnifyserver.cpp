// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "fakeemnifyserver.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>
#include <QUrlQuery>

QByteArray FakeEmnifyServer::Request::header(QByteArrayView lowerName) const
{
    for (const auto &[name, value] : headers) {
        if (name == lowerName)
            return value;
    }
    return {};
}

QByteArray FakeEmnifyServer::Request::queryValue(QByteArrayView key) const
{
    for (const QByteArray &pair : query.split('&')) {
        const qsizetype equals = pair.indexOf('=');
        if (equals >= 0 && QByteArrayView(pair).first(equals) == key) {
            QByteArray value = pair.mid(equals + 1);
            value.replace('+', ' '); // form semantics, like most servers: a raw '+' is a space
            return QByteArray::fromPercentEncoding(value);
        }
    }
    return {};
}

FakeEmnifyServer::FakeEmnifyServer(QObject *parent)
    : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &FakeEmnifyServer::onNewConnection);
    const bool listening = m_server.listen(QHostAddress::LocalHost, 0);
    Q_ASSERT(listening);
    Q_UNUSED(listening)
}

FakeEmnifyServer::~FakeEmnifyServer()
{
    // The sockets are the server's children; they must not call back into half-destroyed members.
    const QList<QTcpSocket *> sockets = m_buffers.keys();
    for (QTcpSocket *socket : sockets) {
        socket->disconnect(this);
        delete socket;
    }
    m_server.close();
}

QUrl FakeEmnifyServer::url() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()));
}

QByteArray FakeEmnifyServer::eventJson(qint64 id)
{
    return QByteArrayLiteral("{\"id\":") + QByteArray::number(id)
        + QByteArrayLiteral(",\"alert\":false,\"description\":\"Event ") + QByteArray::number(id)
        + QByteArrayLiteral(
            "\",\"timestamp\":\"2024-05-01T10:00:00.000Z\",\"event_type\":{\"id\":1,\"description\":"
            "\"Update location\"},\"event_source\":{\"id\":0,\"description\":\"Network\"},"
            "\"event_severity\":{\"id\":0,\"description\":\"Info\"},\"organisation\":{\"id\":7,"
            "\"name\":\"Org\"},\"detail\":{\"n\":")
        + QByteArray::number(id) + QByteArrayLiteral("}}");
}

void FakeEmnifyServer::setEventCount(int count, qint64 firstId)
{
    m_events.clear();
    m_ids.clear();
    for (int i = count - 1; i >= 0; --i) {
        m_ids.push_back(firstId + i);
        m_events.push_back(eventJson(firstId + i));
    }
}

QList<qint64> FakeEmnifyServer::eventIds() const { return QList<qint64>(m_ids.begin(), m_ids.end()); }

int FakeEmnifyServer::count(QByteArrayView method, QByteArrayView pathSuffix) const
{
    int n = 0;
    for (const Request &request : m_requests)
        n += request.method == method && request.path.endsWith(pathSuffix);
    return n;
}

void FakeEmnifyServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        m_buffers.insert(socket, {});
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_buffers.remove(socket);
            socket->deleteLater();
        });
    }
}

void FakeEmnifyServer::onReadyRead(QTcpSocket *socket)
{
    QByteArray &buffer = m_buffers[socket];
    buffer += socket->readAll();
    for (;;) {
        const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return;
        const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
        Request request;
        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        request.method = requestLine.value(0);
        const QByteArray target = requestLine.value(1);
        const qsizetype question = target.indexOf('?');
        request.path = question < 0 ? target : target.left(question);
        request.query = question < 0 ? QByteArray() : target.mid(question + 1);
        qsizetype contentLength = 0;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines[i].indexOf(':');
            if (colon < 0)
                continue;
            const QByteArray name = lines[i].left(colon).trimmed().toLower();
            const QByteArray value = lines[i].mid(colon + 1).trimmed();
            request.headers.append({ name, value });
            if (name == "content-length")
                contentLength = value.toLongLong();
        }
        if (buffer.size() < headerEnd + 4 + contentLength)
            return;
        request.body = buffer.mid(headerEnd + 4, contentLength);
        buffer.remove(0, headerEnd + 4 + contentLength);
        m_requests.append(request);
        handle(socket, request);
    }
}

void FakeEmnifyServer::handle(QTcpSocket *socket, const Request &request)
{
    std::optional<Response> response;
    if (hook)
        response = hook(request);
    if (!response)
        response = defaultResponse(request);
    const int delay = response->delayMs + latencyMs;
    ++m_pending;
    m_maxConcurrent = std::max(m_maxConcurrent, m_pending);
    QPointer<QTcpSocket> guard(socket);
    QTimer::singleShot(delay, this, [this, guard, response = *response] {
        --m_pending;
        if (guard)
            send(guard, response);
    });
}

void FakeEmnifyServer::send(QTcpSocket *socket, const Response &response)
{
    if (response.dropBeforeResponse) {
        socket->disconnectFromHost();
        return;
    }
    QByteArray data = "HTTP/1.1 " + QByteArray::number(response.status) + " X\r\n";
    data += "Content-Type: application/json\r\n";
    data += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    for (const auto &[name, value] : response.headers)
        data += name + ": " + value + "\r\n";
    data += "\r\n";
    if (response.truncateBodyAt >= 0) {
        data += response.body.left(response.truncateBodyAt);
        socket->write(data);
        socket->flush();
        socket->disconnectFromHost();
        return;
    }
    data += response.body;
    socket->write(data);
}

FakeEmnifyServer::Response FakeEmnifyServer::defaultResponse(const Request &request)
{
    Response response;
    const auto header = [this](const char *lower, const char *mixed) {
        return QByteArray(mixedCaseHeaders ? mixed : lower);
    };
    if (request.method == "POST" && request.path == "/api/v1/authenticate") {
        const QJsonObject body = QJsonDocument::fromJson(request.body).object();
        if (body.value(QLatin1String("application_token")).toString().toUtf8() != applicationToken) {
            response.status = 401;
            return response; // emnify sends an empty body for most authentication failures
        }
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        const QByteArray payload = QJsonDocument(
            QJsonObject { { QStringLiteral("iat"), now }, { QStringLiteral("exp"), now + tokenTtlSeconds },
                { QStringLiteral("n"), ++m_tokenCounter } })
                                       .toJson(QJsonDocument::Compact);
        const auto b64 = [](const QByteArray &data) {
            return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
        };
        const QByteArray token = b64(R"({"alg":"HS384","typ":"JWT"})") + '.' + b64(payload) + ".c2ln";
        m_validTokens.insert(token, (now + tokenTtlSeconds) * 1000);
        response.body = R"({"auth_token":")" + token + R"("})";
        return response;
    }
    const QByteArray authorization = request.header("authorization");
    const QByteArray bearer = authorization.startsWith("Bearer ") ? authorization.mid(7) : QByteArray();
    const auto valid = m_validTokens.constFind(bearer);
    if (valid == m_validTokens.cend() || *valid < QDateTime::currentMSecsSinceEpoch()) {
        response.status = 401;
        response.body = R"({"message":"token contains an invalid number of segments"})";
        return response;
    }
    if (request.method == "GET" && request.path == "/api/v1/event/type") {
        response.body
            = R"([{"id":1,"description":"Update location"},{"id":3,"description":"Create PDP Context"}])";
        return response;
    }
    if (request.method == "GET" && request.path.endsWith("/event")) {
        const int asked = request.queryValue("per_page").toInt();
        const int perPage = asked < 1 ? 100 : std::min(asked, maxPerPage);
        const int total = int(m_events.size());
        const int pages = std::max(1, (total + perPage - 1) / perPage);
        const int page = std::clamp(request.queryValue("page").toInt(), 1, pages); // past the end: last
        QByteArray body = "[";
        for (int i = (page - 1) * perPage; i < std::min(total, page * perPage); ++i) {
            if (body.size() > 1)
                body += ',';
            body += m_events[size_t(i)];
        }
        body += ']';
        response.body = body;
        if (sendPagingHeaders) {
            response.headers = {
                { header("x-total-count", "X-Total-Count"), QByteArray::number(total) },
                { header("x-total-pages", "X-Total-Pages"), QByteArray::number(pages) },
                { header("x-current-page", "X-Current-Page"), QByteArray::number(page) },
                { header("x-count-per-page", "X-Count-Per-Page"),
                    QByteArray::number(countPerPageEchoesRequest ? asked : perPage) },
                { "Link", "" },
            };
        }
        return response;
    }
    response.status = 404;
    response.body = R"({"error_code":1201,"error_token":"NotFound","message":"no such path"})";
    return response;
}
