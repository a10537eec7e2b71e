// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "api/apierror.h"
#include "api/eventquery.h"
#include "api/eventscope.h"
#include "api/fetchprogress.h"
#include "api/ratelimiter.h"
#include "model/event.h"
#include "model/eventbatch.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPair>
#include <QString>
#include <QUrl>

#include <functional>
#include <memory>
#include <vector>

class QNetworkAccessManager;
class QNetworkReply;
class QNetworkRequest;
struct ParseResult;

// Reads emnify event lists: authenticates with an application token, pages through a list with
// several requests in flight under a token-bucket rate limit, retries what is worth retrying, and
// delivers each event once. Lives on (and emits on) the thread it was created on; pages are parsed
// on the global thread pool so that a big page never blocks that thread.
//
// Paging: page 1 first (it tells X-Total-Pages and the page size the server really uses), then
// pages 2..N. A page past the end returns the last page again, so the pull stops at the total,
// never "when empty". Without paging headers it reads page after page until one brings no new id.
// Pages are delivered in page order; ids already delivered in this pull are dropped, because
// pages shift while new events arrive.
class EventApiClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventApiClient)

public:
    struct Options
    {
        int perPage = 1000; // asked for; the server may clamp it
        int maxInFlight = 4; // pages requested at once, 1..16
        // Under both documented limits: 2000 req/5 min per IP (6.7/s) and 10/s burst 5 on /event.
        double ratePerSecond = 5.0;
        int burst = 5;
        int maxRetries = 5; // per page: 5xx, dropped connections, timeouts, malformed pages
        int maxRateLimitRetries = 10; // per page: 429
        int transferTimeoutMs = 60000; // no byte for this long: the request is aborted and retried
        int backoffBaseMs = 500; // first retry delay; doubles per attempt, with jitter
        int backoffMaxMs = 30000;
        int maxRetryAfterMs = 600000; // a longer Retry-After is cut to this
        bool keepRaw = false; // also deliver each event's JSON text (eventsReceived's raw)
    };

    // network: not owned, must outlive the client. Its proxy settings apply.
    explicit EventApiClient(QNetworkAccessManager *network, QObject *parent = nullptr);
    ~EventApiClient() override;

    // https only; plain http only to loopback (127.0.0.0/8, ::1, localhost), for the simulator.
    // Keeps the previous URL and returns an InvalidUrl error otherwise.
    ApiError setBaseUrl(const QUrl &url);
    [[nodiscard]] QUrl baseUrl() const { return m_baseUrl; }
    [[nodiscard]] static ApiError checkBaseUrl(const QUrl &url);

    // Kept in memory only; never logged. Drops the cached auth token.
    void setApplicationToken(const QString &token);
    [[nodiscard]] bool hasApplicationToken() const { return !m_applicationToken.isEmpty(); }

    void setOptions(const Options &options); // takes effect with the next fetch
    [[nodiscard]] const Options &options() const { return m_options; }

    [[nodiscard]] bool isBusy() const { return m_pull != nullptr; }
    [[nodiscard]] FetchProgress progress() const;

    // Starts a pull (cancelling a running one). Ends with finished() exactly once.
    void fetch(const EventQuery &query, const EventScope &scope = {},
        const QString &sort = QStringLiteral("-timestamp,id"));
    // GET /api/v1/event/type; ends with eventTypesReceived() or eventTypesFailed().
    void fetchEventTypes();
    // Aborts the running pull at any moment; finished(Cancelled) follows synchronously.
    void cancel();

    static void registerMetaTypes();

Q_SIGNALS:
    // New events of the running pull, in page order, as parsed on a worker (rows delivered before
    // are dropped from the batch). raw is empty unless Options::keepRaw; then it holds each live
    // event's JSON element text as received, in the batch's order.
    void eventsReceived(const EventBatch &events, const std::vector<QByteArray> &raw);
    void progressChanged(const FetchProgress &progress);
    void finished(const ApiError &error);
    void eventTypesReceived(const QList<QPair<int, QString>> &types);
    void eventTypesFailed(const ApiError &error);

private:
    struct Pull;
    struct PageMeta;
    struct ReadyPage;
    struct TokenWaiter
    {
        std::function<void()> ready;
        std::function<void(const ApiError &)> failed;
    };

    [[nodiscard]] qint64 nowMs() const { return m_clock.elapsed(); }
    [[nodiscard]] QUrl endpointUrl(const QString &path) const;
    [[nodiscard]] QNetworkRequest makeRequest(const QUrl &url) const;
    [[nodiscard]] int backoffMs(int attempt) const;
    [[nodiscard]] bool tokenUsable() const;

    // Authentication
    void withToken(TokenWaiter waiter);
    void startAuthentication(int attempt);
    void onAuthenticationReply(QNetworkReply *reply, int attempt);
    void failTokenWaiters(const ApiError &error);

    // The pull
    void pump();
    void schedulePage(int page, qint64 delayMs);
    void acquireSlot(quint64 generation, int page);
    void sendPage(quint64 generation, int page);
    void onPageReply(QNetworkReply *reply, int page, int tokenSerial);
    void retryPage(int page, const ApiError &reason, qint64 delayMs);
    void onPageParsed(int page, const PageMeta &meta, ParseResult &&result);
    void deliverReadyPages();
    void finishPull(const ApiError &error);
    void finishPullLater(const ApiError &error);
    void emitProgress();

    // Event types
    void sendEventTypes(bool retriedAfter401);

    QNetworkAccessManager *m_network;
    Options m_options;
    QUrl m_baseUrl;
    QString m_applicationToken;
    QByteArray m_authToken; // the JWT; only ever goes into the Authorization header
    qint64 m_tokenRefreshAtMs = 0; // on m_clock
    int m_tokenSerial = 0; // bumped per new auth token
    bool m_tokenFrom401 = false; // the current token was fetched after a 401 and has not worked yet
    bool m_reauthAfter401 = false; // the running authentication was caused by a 401
    QNetworkReply *m_authReply = nullptr;
    bool m_authRunning = false; // a request or its retry back-off is under way
    QList<TokenWaiter> m_tokenWaiters;
    RateLimiter m_limiter;
    QElapsedTimer m_clock;
    quint64 m_generation = 0; // bumped per fetch and per cancel; stale callbacks compare it
    std::unique_ptr<Pull> m_pull;
};
