// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPair>
#include <QStringList>
#include <QTcpServer>
#include <QUrl>

#include <functional>
#include <optional>
#include <vector>

class SimHttpConnection;
struct SimHttpRequest;

// A small loopback HTTP/1.1 server speaking the emnify event API, for tests that need exact
// control over single responses (header case, 401 sequences, Retry-After forms, clamping).
// Serves POST /api/v1/authenticate, GET <any>/event with paging, GET /api/v1/event/type.
// A per-test hook may answer any request itself. Keep-alive and several connections work.
// Requests are read by the simulator's SimHttpConnection (one HTTP parser in the project).
//
// It is also the hostile server of issue 10: a response can be huge without being held in
// memory, trickle, come compressed, lie in its headers; tokens can carry any claims and the
// server's clock can be off (applyScenario() names the cases; emnify-hostile-server serves one
// from the command line).
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
        // Hostile parts
        QByteArray contentType = "application/json"; // empty: no Content-Type
        qint64 fillerBytes = 0; // after body, this many bytes of 'x', streamed (never in memory)
        bool omitContentLength = false; // the body ends when the connection closes
        int trickleIntervalMs = 0; // > 0: body and filler go out one byte per interval
    };
    using Hook = std::function<std::optional<Response>(const Request &)>;

    explicit FakeEmnifyServer(QObject *parent = nullptr);
    ~FakeEmnifyServer() override;

    [[nodiscard]] QUrl url() const; // http://127.0.0.1:<port>
    [[nodiscard]] quint16 port() const { return m_server.serverPort(); }
    bool listen(quint16 port); // again on a given port (the constructor took a free one)

    // Data: events with ids firstId.. (descending by id = "-timestamp" order), as JSON text.
    void setEventCount(int count, qint64 firstId = 1000);
    [[nodiscard]] static QByteArray eventJson(qint64 id);
    [[nodiscard]] QList<qint64> eventIds() const; // in served order

    // A JWT with these claims that this server accepts as a bearer token for an hour.
    QByteArray issueToken(const QJsonObject &claims);
    // The hostile cases of issue 10 by name (see scenarioNames()); false for an unknown name.
    bool applyScenario(const QString &name);
    [[nodiscard]] static QStringList scenarioNames();
    [[nodiscard]] static QString scenarioDescription(const QString &name);

    // Behaviour
    QByteArray applicationToken = "app-token";
    int tokenTtlSeconds = 3600;
    // The server's clock runs this many seconds ahead of ours (negative: behind): in the iat and
    // exp of issued tokens and in the Date header. Token validity follows our clock and the ttl.
    int clockOffsetSeconds = 0;
    int tokenIssuedSecondsAgo = 0; // iat this far in the past; exp stays issue time + ttl
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
    [[nodiscard]] qint64 bytesSent() const { return m_bytesSent; } // response bytes written

Q_SIGNALS:
    void requestReceived(const QByteArray &method, const QByteArray &path);

private:
    void onNewConnection();
    void handle(SimHttpConnection *connection, const SimHttpRequest &request);
    Response defaultResponse(const Request &request);
    void send(SimHttpConnection *connection, const Response &response);
    void stream(SimHttpConnection *connection, QByteArray pending, qint64 filler, int intervalMs);

    QTcpServer m_server;
    std::vector<QByteArray> m_events;
    std::vector<qint64> m_ids;
    QHash<QByteArray, qint64> m_validTokens; // token -> expiry (ms since epoch)
    QList<Request> m_requests;
    int m_tokenCounter = 0;
    int m_pending = 0;
    int m_maxConcurrent = 0;
    qint64 m_bytesSent = 0;
};
