// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "api/ratelimiter.h"
#include "model/event.h"
#include "sim/emnifysimulatorconfig.h"
#include "sim/splitmix64.h"

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QString>
#include <QUrl>

#include <memory>
#include <optional>
#include <vector>

class EventStore;
class QTcpServer;
class QTimer;
class SimHttpConnection;
struct SimHttpRequest;
struct SimHttpResponse;

// A local stand-in for the emnify REST API's event endpoints, for demos, manual testing and the
// tests of the client: HTTP/1.1 on 127.0.0.1 only (keep-alive, pipelining, many connections),
// application-token authentication with expiring JWTs, the documented paging quirks and headers,
// sort and q filters, and switchable faults (rate limiting, 5xx, dropped connections, malformed
// pages). Events live in an EventStore; the matching rows of each (scope, q, sort) are cached so
// that paging through millions of events costs one page of serialisation per request.
// Lives in and is used from one thread.
class EmnifySimulator final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EmnifySimulator)

public:
    struct Stats
    {
        qint64 requests = 0; // every request received
        qint64 rateLimited = 0; // 429 sent
        qint64 errorsInjected = 0; // 5xx sent on purpose
        qint64 drops = 0; // responses cut off mid-body
        qint64 malformed = 0; // pages sent with corrupted JSON
        qint64 unauthorized = 0; // 401 sent
        qint64 pagesServed = 0; // event pages sent (200)
    };

    explicit EmnifySimulator(QObject *parent = nullptr);
    ~EmnifySimulator() override;

    [[nodiscard]] bool listen(quint16 port = 0); // 127.0.0.1 only
    [[nodiscard]] quint16 port() const;
    [[nodiscard]] QUrl baseUrl() const; // http://127.0.0.1:PORT

    void setConfig(const EmnifySimulatorConfig &config);
    [[nodiscard]] const EmnifySimulatorConfig &config() const { return m_config; }

    // Data: replaces or extends the served events (duplicate ids are dropped).
    void setEvents(std::vector<Event> events);
    void appendEvents(std::vector<Event> events);
    void generateEvents(qsizetype count, quint64 seed, qint64 nowMs); // AccountGenerator, streamed
    [[nodiscard]] bool loadEventsFile(const QString &path, QString *error); // a JSON array of events

    [[nodiscard]] qsizetype eventCount() const;
    [[nodiscard]] std::vector<qint64> eventIds() const; // in store order
    [[nodiscard]] Event event(qsizetype row) const;

    [[nodiscard]] const Stats &stats() const { return m_stats; }
    void resetStats() { m_stats = {}; }

    // A token as POST /api/v1/authenticate would issue it (for tests that skip authentication).
    [[nodiscard]] QByteArray issueToken();
    // Adds `count` grown events now (what the growth timer does each tick); returns their ids.
    std::vector<qint64> growBy(qsizetype count, qint64 nowMs);

Q_SIGNALS:
    void requestHandled(const QByteArray &method, const QByteArray &path, int status);

private:
    struct CachedRows
    {
        std::shared_ptr<const std::vector<uint32_t>> rows;
        quint64 lastUse = 0;
    };

    void acceptConnections();
    void handle(SimHttpConnection *connection, const SimHttpRequest &request);
    SimHttpResponse route(const SimHttpRequest &request, bool *isPage);
    SimHttpResponse authenticate(const SimHttpRequest &request);
    SimHttpResponse eventTypes();
    SimHttpResponse eventList(const SimHttpRequest &request, const QByteArray &scopeKind, qint64 scopeId);
    std::optional<SimHttpResponse> checkBearer(const SimHttpRequest &request);
    void injectFaults(SimHttpResponse *response, bool isPage);
    void dataChanged();
    void grow(); // the timer of EmnifySimulatorConfig::growEventsPerMinute
    void appendPage(QByteArray &out, const std::vector<uint32_t> &rows, qsizetype begin, qsizetype end) const;

    static SimHttpResponse jsonResponse(int status, const QByteArray &body);
    static SimHttpResponse errorResponse(
        int status, int code, const QByteArray &token, const QString &message);

    EmnifySimulatorConfig m_config;
    QTcpServer *m_server = nullptr;
    std::unique_ptr<EventStore> m_store;
    std::unique_ptr<::RateLimiter> m_rateLimiter; // api/ratelimiter; null: unlimited
    QHash<QString, CachedRows> m_cache;
    quint64 m_cacheClock = 0;
    QByteArray m_jwtSecret;
    SplitMix64 m_faults;
    quint64 m_tokenSerial = 0;
    Stats m_stats;
    QTimer *m_growTimer = nullptr;
    qint64 m_growStartedMs = 0;
    qint64 m_grown = 0; // events the timer has added since m_growStartedMs
    SplitMix64 m_growth { 7 };
};
