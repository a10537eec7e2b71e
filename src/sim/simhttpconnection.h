// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "sim/simhttprequest.h"
#include "sim/simhttpresponse.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>

class QTcpSocket;

// One client connection of the simulator: reads HTTP/1.1 requests from the socket (partial and
// pipelined ones included), hands them out one at a time through requestReceived() and writes the
// answers in request order. The next request is only handed out after respond() for the previous
// one, so responses can be delayed (latency) without reordering. Owns the socket.
class SimHttpConnection final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SimHttpConnection)

public:
    explicit SimHttpConnection(QTcpSocket *socket, QObject *parent = nullptr);
    ~SimHttpConnection() override;

    // Answers the request handed out last; then hands out the next buffered one, if any.
    void respond(const SimHttpResponse &response);
    // Answers the request handed out last by writing bytes as they are (a status line and headers
    // of the caller's making, for test servers that misbehave on purpose); with close, the
    // connection closes after them. Otherwise the caller goes on with socket() and calls close().
    void respondRaw(const QByteArray &bytes, bool close);
    [[nodiscard]] QTcpSocket *socket() const;
    void close() { closeConnection(); }
    [[nodiscard]] bool isClosed() const { return m_closed; }

    [[nodiscard]] static QByteArray reasonPhrase(int status);

Q_SIGNALS:
    void requestReceived(const SimHttpRequest &request);
    void closed();

private:
    void readAvailable();
    void processBuffer();
    void fail(int status, const QByteArray &message);
    void closeConnection();

    QPointer<QTcpSocket> m_socket;
    QByteArray m_buffer;
    bool m_busy = false; // a request was handed out and awaits respond()
    bool m_closed = false;
    bool m_closeAfterResponse = false;
};
