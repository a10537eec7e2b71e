// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "sim/simhttpconnection.h"

#include <QTcpSocket>

namespace {
constexpr qsizetype MaxHeaderBytes = 64 * 1024;
constexpr qsizetype MaxBodyBytes = 16 * 1024 * 1024;
} // namespace

SimHttpConnection::SimHttpConnection(QTcpSocket *socket, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
{
    socket->setParent(this);
    connect(socket, &QTcpSocket::readyRead, this, &SimHttpConnection::readAvailable);
    connect(socket, &QTcpSocket::disconnected, this, [this]() {
        m_closed = true;
        Q_EMIT closed();
    });
}

SimHttpConnection::~SimHttpConnection() = default;

QTcpSocket *SimHttpConnection::socket() const { return m_socket.data(); }

QByteArray SimHttpConnection::reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 411:
        return "Length Required";
    case 413:
        return "Payload Too Large";
    case 422:
        return "Unprocessable Entity";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    default:
        return "Unknown";
    }
}

void SimHttpConnection::readAvailable()
{
    if (m_closed || !m_socket)
        return;
    m_buffer += m_socket->readAll();
    processBuffer();
}

// Hands out the first complete request in the buffer, unless one is still being answered.
void SimHttpConnection::processBuffer()
{
    if (m_busy || m_closed)
        return;
    // Tolerate empty lines between requests (RFC 9112 2.2).
    while (m_buffer.startsWith("\r\n"))
        m_buffer.remove(0, 2);
    const qsizetype headerEnd = m_buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0) {
        if (m_buffer.size() > MaxHeaderBytes)
            fail(431, "request header too large");
        return;
    }
    const QList<QByteArray> lines = m_buffer.left(headerEnd).split('\n');
    const QList<QByteArray> requestLine = lines.front().trimmed().split(' ');
    if (requestLine.size() != 3 || !requestLine[2].startsWith("HTTP/1.")) {
        fail(400, "malformed request line");
        return;
    }
    SimHttpRequest request;
    request.method = requestLine[0];
    const QByteArray &target = requestLine[1];
    const qsizetype question = target.indexOf('?');
    request.path = question < 0 ? target : target.left(question);
    request.query = question < 0 ? QByteArray() : target.mid(question + 1);
    const bool http10 = requestLine[2] == "HTTP/1.0";
    qint64 contentLength = 0;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines[i].trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0) {
            fail(400, "malformed header line");
            return;
        }
        QByteArray name = line.left(colon).trimmed().toLower();
        QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "content-length") {
            bool ok = false;
            contentLength = value.toLongLong(&ok);
            if (!ok || contentLength < 0) {
                fail(400, "bad content-length");
                return;
            }
        } else if (name == "transfer-encoding" && value.toLower() != "identity") {
            fail(411, "chunked request bodies are not supported; send content-length");
            return;
        }
        request.headers.append({ std::move(name), std::move(value) });
    }
    if (contentLength > MaxBodyBytes) {
        fail(413, "request body too large");
        return;
    }
    const qsizetype total = headerEnd + 4 + qsizetype(contentLength);
    if (m_buffer.size() < total)
        return; // the rest of the body is still on its way
    request.body = m_buffer.mid(headerEnd + 4, qsizetype(contentLength));
    m_buffer.remove(0, total);

    const QByteArray connection = request.header("connection").toLower();
    request.keepAlive = http10 ? connection.contains("keep-alive") : !connection.contains("close");
    m_closeAfterResponse = !request.keepAlive;
    m_busy = true;
    Q_EMIT requestReceived(request);
}

void SimHttpConnection::respond(const SimHttpResponse &response)
{
    if (!m_busy)
        return;
    m_busy = false;
    if (m_closed || !m_socket)
        return;
    const bool close = response.close || m_closeAfterResponse || response.dropAfterBodyBytes >= 0;
    QByteArray out;
    out.reserve(response.body.size() + 512);
    out += "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reasonPhrase(response.status) + "\r\n";
    for (const auto &h : response.headers)
        out += h.first + ": " + h.second + "\r\n";
    out += "content-length: " + QByteArray::number(response.body.size()) + "\r\n";
    out += close ? "connection: close\r\n\r\n" : "connection: keep-alive\r\n\r\n";
    if (response.dropAfterBodyBytes >= 0) {
        // A connection lost mid-body: the client gets the headers and part of the body only.
        out.append(response.body.constData(), std::min(response.dropAfterBodyBytes, response.body.size()));
        m_socket->write(out);
        closeConnection();
        return;
    }
    out += response.body;
    m_socket->write(out);
    if (close) {
        closeConnection();
        return;
    }
    processBuffer();
}

void SimHttpConnection::respondRaw(const QByteArray &bytes, bool close)
{
    if (!m_busy)
        return;
    if (m_closed || !m_socket)
        return;
    m_socket->write(bytes);
    if (close) {
        m_busy = false;
        closeConnection();
    }
    // Without close the connection stays busy: the caller streams the rest and closes it.
}

void SimHttpConnection::fail(int status, const QByteArray &message)
{
    const QByteArray body = R"({"error_code":1000,"error_token":"BadRequest","message":")" + message + "\"}";
    QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status)
        + "\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: "
        + QByteArray::number(body.size()) + "\r\nconnection: close\r\n\r\n" + body;
    m_socket->write(out);
    closeConnection();
}

void SimHttpConnection::closeConnection()
{
    m_closed = true;
    m_buffer.clear();
    if (m_socket)
        m_socket->disconnectFromHost(); // writes what is pending first, then closes
}
