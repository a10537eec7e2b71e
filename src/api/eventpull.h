// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "api/apiclientoptions.h"
#include "api/apierror.h"
#include "api/eventquery.h"
#include "api/eventscope.h"
#include "api/fetchprogress.h"
#include "model/eventbatch.h"

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QString>
#include <QUrl>

#include <map>
#include <vector>

class AuthSession;
class QNetworkAccessManager;
class QNetworkReply;
class RateLimiter;
struct ParseResult;

// One fetch of an event list: pages it through under the rate limit with several requests in
// flight, retries what is worth retrying, and delivers each event once, in page order. Owns its
// replies, timers and parse jobs: destroying it stops everything without a signal. finished() is
// its last signal (exactly once); EventApiClient creates one per fetch().
//
// Paging: page 1 first (it tells X-Total-Pages and the page size the server really uses), then
// pages 2..N. A page past the end returns the last page again, so the pull stops at the total;
// an empty page past the first ends it too (hostile or shrinking lists). Without paging headers
// it reads page after page until one brings no new id. Ids already delivered are dropped, because
// pages shift while new events arrive.
class EventPull final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventPull)

public:
    // network, auth, limiter: not owned, must outlive the pull. baseUrl: checked already.
    EventPull(QNetworkAccessManager *network, AuthSession *auth, RateLimiter *limiter,
        const ApiClientOptions &options, const QUrl &baseUrl, const EventQuery &query,
        const EventScope &scope, const QString &sort, QObject *parent = nullptr);
    ~EventPull() override;

    void start(); // finishes later (never inside start) when the query or scope cannot be sent
    void cancel(); // finished(Cancelled), synchronously
    void finishLater(const ApiError &error); // from the event loop, unless finished before
    [[nodiscard]] const FetchProgress &progress() const { return m_progress; }
    [[nodiscard]] bool isDone() const { return m_done; }

Q_SIGNALS:
    void eventsReceived(const EventBatch &events, const std::vector<QByteArray> &raw);
    void progressChanged(const FetchProgress &progress);
    void finished(const ApiError &error);

private:
    struct PageMeta
    {
        int totalPages = -1;
        qint64 totalCount = -1;
        int countPerPage = -1;
        int tokenSerial = 0;
    };
    struct ReadyPage
    {
        EventBatch events;
        std::vector<QByteArray> raw;
        qsizetype skipped = 0;
        qsizetype elements = 0;
    };

    [[nodiscard]] QString context(int page) const;
    void pump();
    void schedulePage(int page, qint64 delayMs);
    void acquireSlot(int page);
    void sendPage(int page);
    void onPageReply(QNetworkReply *reply, int page, int tokenSerial);
    void retryPage(int page, const ApiError &reason, qint64 delayMs);
    void onPageParsed(int page, const PageMeta &meta, ParseResult &&result);
    void endAt(int lastPage);
    void deliverReadyPages();
    void finish(const ApiError &error);
    void emitProgress();

    QNetworkAccessManager *m_network;
    AuthSession *m_auth;
    RateLimiter *m_limiter;
    ApiClientOptions m_options;
    QUrl m_baseUrl;
    EventQuery m_query;
    EventScope m_scope;
    QString m_sort;
    int m_perPage = 0; // in effect: the asked size until page 1 says otherwise
    int m_totalPages = -1; // -1: unknown (no paging headers): sequential mode
    bool m_page1Done = false;
    bool m_sequentialDone = false;
    bool m_done = false;
    int m_nextPage = 2; // next new page to request after page 1
    int m_nextToDeliver = 1;
    QSet<int> m_busy; // pages waiting, in flight or being parsed
    QHash<QNetworkReply *, int> m_replies;
    QHash<int, int> m_attempts; // retries per page (5xx, drops, timeouts, bad pages)
    QHash<int, int> m_rateLimitAttempts; // 429s per page
    std::map<int, ReadyPage> m_ready; // parsed, waiting for earlier pages
    QSet<qint64> m_deliveredIds;
    FetchProgress m_progress;
    qint64 m_waitBaseMs = 0; // the limiter's waitedMs() when the pull started
};
