// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPair>
#include <QTcpServer>
#include <QUrl>

#include <functional>
#include <optional>
#include <vector>

class QTcpSocket;

// A small loopback HTTP/1.1 server speaking the emnify event API, for tests that need exact
// control over single responses (header case, 401 sequences, Retry-After forms, clamping).
// Serves POST /api/v1/authenticate, GET <any>/event with paging, GET /api/v1/event/type.
// A per-test hook may answer any request itself. Keep-alive and several connections work.
class FakeEmnifyServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FakeEmnifyServer)

public:
    struct Request
    {
        QByteArray method;
        QByteArray path;
        QByteArray query; // still percent-encoded
        QList<QPair<QByteArray, QByteArray>> headers; // names lower-cased
        QByteArray body;
        [[nodiscard]] QByteArray header(QByteArrayView lowerName) const;
        [[nodiscard]] QByteArray queryValue(QByteArrayView key) const; // decoded
    };
    struct Response
    {
        int status = 200;
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body;
        int delayMs = 0;
        bool dropBeforeResponse = false; // close without any answer
        qsizetype truncateBodyAt = -1; // send headers + this many body bytes, then close
    };
    using Hook = std::function<std::optional<Response>(const Request &)>;

    explicit FakeEmnifyServer(QObject *parent = nullptr);
    ~FakeEmnifyServer() override;

    [[nodiscard]] QUrl url() const; // http://127.0.0.1:<port>

    // Data: events with ids firstId.. (descending by id = "-timestamp" order), as JSON text.
    void setEventCount(int count, qint64 firstId = 1000);
    [[nodiscard]] static QByteArray eventJson(qint64 id);
    [[nodiscard]] QList<qint64> eventIds() const; // in served order

    // Behaviour
    QByteArray applicationToken = "app-token";
    int tokenTtlSeconds = 3600;
    int maxPerPage = 1000;
    bool countPerPageEchoesRequest = false; // X-Count-Per-Page = asked size instead of clamped
    bool mixedCaseHeaders = false; // "X-Total-Pages" instead of "x-total-pages"
    bool sendPagingHeaders = true;
    int latencyMs = 0;
    Hook hook; // consulted first; nullopt = default handling

    void revokeTokens() { m_validTokens.clear(); } // every issued auth token now gets 401

    // Observation
    [[nodiscard]] const QList<Request> &requests() const { return m_requests; }
    [[nodiscard]] int count(QByteArrayView method, QByteArrayView pathSuffix) const;
    [[nodiscard]] int maxConcurrent() const { return m_maxConcurrent; }

private:
    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);
    void handle(QTcpSocket *socket, const Request &request);
    Response defaultResponse(const Request &request);
    void send(QTcpSocket *socket, const Response &response);

    QTcpServer m_server;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    std::vector<QByteArray> m_events;
    std::vector<qint64> m_ids;
    QHash<QByteArray, qint64> m_validTokens; // token -> expiry (ms since epoch)
    QList<Request> m_requests;
    int m_tokenCounter = 0;
    int m_pending = 0;
    int m_maxConcurrent = 0;
};
