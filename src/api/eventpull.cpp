// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "api/eventpull.h"

#include "api/apireply.h"
#include "api/authsession.h"
#include "api/eventparser.h"
#include "api/ratelimiter.h"

#include <QFutureWatcher>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

#include <algorithm>
#include <limits>

namespace {
int saturatedInt(qint64 value) { return int(std::clamp<qint64>(value, 0, std::numeric_limits<int>::max())); }
} // namespace

EventPull::EventPull(QNetworkAccessManager *network, AuthSession *auth, RateLimiter *limiter,
    const ApiClientOptions &options, const QUrl &baseUrl, const EventQuery &query, const EventScope &scope,
    const QString &sort, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_auth(auth)
    , m_limiter(limiter)
    , m_options(options)
    , m_baseUrl(baseUrl)
    , m_query(query)
    , m_scope(scope)
    , m_sort(sort)
    , m_perPage(options.perPage)
{
    m_progress.perPage = m_perPage;
    m_waitBaseMs = m_limiter->waitedMs();
    connect(m_auth, &AuthSession::requestSent, this, [this] { ++m_progress.requestsSent; });
    connect(m_auth, &AuthSession::retrying, this, [this] { ++m_progress.retries; });
}

EventPull::~EventPull()
{
    // No signals from a dying pull: its replies go quietly; timers and parse watchers are children.
    for (QNetworkReply *reply : m_replies.keys())
        ApiReply::abandon(reply, this);
    // A parse still running when the process exits crashed in the worker's thread-local state
    // ("pure virtual method called", emnify-events | head): let it end first (milliseconds).
    for (auto *watcher : findChildren<QFutureWatcher<ParseResult> *>(Qt::FindDirectChildrenOnly)) {
        watcher->disconnect(this);
        // A delivered one must not be waited for: takeResult() reset its future's state.
        if (!watcher->property("ev_delivered").toBool())
            watcher->waitForFinished();
    }
}

QString EventPull::context(int page) const
{
    return QStringLiteral("%1 page %2").arg(m_scope.path()).arg(page);
}

void EventPull::finishLater(const ApiError &error)
{
    QTimer::singleShot(0, this, [this, error] { finish(error); });
}

void EventPull::start()
{
    if (const QString problem = m_query.validate(); !problem.isEmpty())
        return finishLater(ApiError(ApiError::Kind::InvalidQuery, problem));
    if (const QString problem = m_scope.validate(); !problem.isEmpty())
        return finishLater(ApiError(ApiError::Kind::InvalidQuery, problem));
    qCDebug(lcApi) << "fetch" << m_scope.path() << "q =" << m_query.toQ() << "sort =" << m_sort;
    pump();
}

void EventPull::cancel() { finish(ApiError(ApiError::Kind::Cancelled, QStringLiteral("cancelled"))); }

void EventPull::finish(const ApiError &error)
{
    if (m_done)
        return;
    m_done = true;
    for (QNetworkReply *reply : m_replies.keys())
        ApiReply::abandon(reply, this);
    m_replies.clear();
    m_progress.rateLimitWaitMs = m_limiter->waitedMs() - m_waitBaseMs;
    m_progress.serverClockSkewMs = m_auth->clockSkewMs();
    if (error.isError())
        qCInfo(lcApi) << "pull ended:" << error.toString();
    else
        qCDebug(lcApi) << "pull done:" << m_progress.eventsReceived << "events," << m_progress.requestsSent
                       << "requests," << m_progress.retries << "retries";
    Q_EMIT progressChanged(m_progress);
    Q_EMIT finished(error);
}

void EventPull::emitProgress()
{
    if (m_done)
        return;
    m_progress.rateLimitWaitMs = m_limiter->waitedMs() - m_waitBaseMs;
    m_progress.serverClockSkewMs = m_auth->clockSkewMs();
    Q_EMIT progressChanged(m_progress);
}

void EventPull::pump()
{
    if (m_done)
        return;
    if (!m_page1Done) {
        if (m_busy.isEmpty())
            schedulePage(1, 0);
        return;
    }
    if (m_totalPages < 0) {
        // No paging headers: one page at a time until a page brings nothing new.
        if (m_busy.isEmpty() && !m_sequentialDone)
            schedulePage(m_nextPage++, 0);
    } else {
        // Bounded reordering: do not run further ahead of delivery than twice the window.
        const int window = m_options.maxInFlight;
        while (
            m_busy.size() < window && m_nextPage <= m_totalPages && m_nextPage < m_nextToDeliver + 2 * window)
            schedulePage(m_nextPage++, 0);
    }
    const bool allIssued = m_totalPages < 0 ? m_sequentialDone : m_nextPage > m_totalPages;
    if (allIssued && m_busy.isEmpty() && m_ready.empty())
        finish(ApiError());
}

void EventPull::schedulePage(int page, qint64 delayMs)
{
    m_busy.insert(page);
    if (delayMs <= 0) {
        acquireSlot(page);
        return;
    }
    QTimer::singleShot(int(delayMs), this, [this, page] { acquireSlot(page); });
}

void EventPull::acquireSlot(int page)
{
    if (m_done || !m_busy.contains(page))
        return;
    const qint64 waitMs = m_limiter->reserve(RateLimiter::nowMs());
    if (waitMs <= 0) {
        sendPage(page);
        return;
    }
    QTimer::singleShot(int(std::min<qint64>(waitMs, std::numeric_limits<int>::max())), this,
        [this, page] { sendPage(page); });
}

void EventPull::sendPage(int page)
{
    if (m_done || !m_busy.contains(page))
        return;
    if (m_limiter->pausedUntilMs() > RateLimiter::nowMs()) {
        // Booked before a 429 paused everything: book again behind the pause.
        acquireSlot(page);
        return;
    }
    if (!m_auth->tokenUsable()) {
        m_auth->withToken(
            this, [this, page] { sendPage(page); }, [this](const ApiError &error) { finish(error); });
        return;
    }
    QUrl url = m_baseUrl;
    url.setPath(m_baseUrl.path() + m_scope.path());
    url.setQuery(m_query.toUrlQuery(page, m_perPage, m_sort));
    QNetworkRequest request = ApiReply::request(url, m_options);
    request.setRawHeader("Authorization", m_auth->authorization());
    qCDebug(lcApi) << "GET" << url.toDisplayString();
    ++m_progress.requestsSent;
    QNetworkReply *reply = m_network->get(request);
    m_replies.insert(reply, page);
    ApiReply::watch(reply, m_options);
    const int tokenSerial = m_auth->tokenSerial();
    connect(reply, &QNetworkReply::finished, this,
        [this, reply, page, tokenSerial] { onPageReply(reply, page, tokenSerial); });
}

void EventPull::retryPage(int page, const ApiError &reason, qint64 delayMs)
{
    ++m_progress.retries;
    qCInfo(lcApi) << "page" << page << "will be retried in" << delayMs << "ms:" << reason.toString();
    m_busy.remove(page);
    schedulePage(page, delayMs);
    emitProgress();
}

void EventPull::onPageReply(QNetworkReply *reply, int page, int tokenSerial)
{
    reply->deleteLater();
    if (m_done || !m_replies.remove(reply))
        return;
    const ReplyOutcome outcome = ApiReply::classify(reply);
    qCDebug(lcApi) << "page" << page << "HTTP" << outcome.httpStatus << reply->error();
    switch (outcome.kind) {
    case ReplyOutcome::Kind::Unauthorized: {
        const ApiError fatal = m_auth->rejected(tokenSerial, outcome.error);
        if (fatal.isError()) {
            finish(fatal);
            return;
        }
        m_busy.remove(page);
        schedulePage(page, 0);
        return;
    }
    case ReplyOutcome::Kind::RateLimited: {
        const int attempt = ++m_rateLimitAttempts[page];
        if (attempt > m_options.maxRateLimitRetries) {
            m_progress.failedPage = page;
            finish(outcome.error.withContext(QStringLiteral("%1: still rate limited after %2 retries")
                                                 .arg(context(page))
                                                 .arg(attempt - 1)));
            return;
        }
        if (outcome.retryAfterMs && *outcome.retryAfterMs > m_options.maxRetryAfterMs) {
            m_progress.failedPage = page;
            finish(outcome.error.withContext(
                QStringLiteral("%1: the server asks to wait %2 (Retry-After), longer than the %3 this client "
                               "waits at most")
                    .arg(context(page), ApiReply::secondsText(*outcome.retryAfterMs / 1000 * 1000),
                        ApiReply::secondsText(m_options.maxRetryAfterMs))));
            return;
        }
        const qint64 pause = outcome.retryAfterMs ? *outcome.retryAfterMs : m_options.backoffMs(attempt);
        m_limiter->penalise(RateLimiter::nowMs(), pause);
        ++m_progress.rateLimitHits;
        m_progress.lastRateLimitPauseMs = pause;
        retryPage(page, ApiError(ApiError::Kind::Http, QStringLiteral("rate limited"), 429), 0);
        return;
    }
    case ReplyOutcome::Kind::Transient: {
        const int attempt = ++m_attempts[page];
        if (attempt > m_options.maxRetries) {
            m_progress.failedPage = page;
            finish(outcome.error.withContext(
                QStringLiteral("%1 failed after %2 attempts").arg(context(page)).arg(attempt)));
            return;
        }
        retryPage(page, outcome.error, m_options.backoffMs(attempt));
        return;
    }
    case ReplyOutcome::Kind::Fatal:
        m_progress.failedPage = page;
        finish(outcome.error.withContext(context(page)));
        return;
    case ReplyOutcome::Kind::Success:
        break;
    }
    PageMeta meta;
    meta.totalPages = saturatedInt(ApiReply::headerNumber(reply, "x-total-pages").value_or(-1));
    if (!ApiReply::headerNumber(reply, "x-total-pages"))
        meta.totalPages = -1;
    meta.countPerPage = saturatedInt(ApiReply::headerNumber(reply, "x-count-per-page").value_or(0));
    if (meta.countPerPage == 0)
        meta.countPerPage = -1;
    meta.totalCount = std::max<qint64>(-1, ApiReply::headerNumber(reply, "x-total-count").value_or(-1));
    meta.tokenSerial = tokenSerial;
    auto *watcher = new QFutureWatcher<ParseResult>(this);
    connect(watcher, &QFutureWatcher<ParseResult>::finished, this, [this, watcher, page, meta] {
        watcher->setProperty("ev_delivered", true);
        watcher->deleteLater();
        if (!m_done)
            onPageParsed(page, meta, watcher->future().takeResult());
    });
    // Parsing a page of 1000 events takes milliseconds to tens of them: off this thread.
    watcher->setFuture(EventParser::parseInBackground(outcome.body, ParseOptions { m_options.keepRaw }));
}

void EventPull::onPageParsed(int page, const PageMeta &meta, ParseResult &&result)
{
    if (!m_busy.contains(page))
        return; // past an empty page that ended the pull
    const bool malformed = !result.isOk() || !result.issues.isEmpty();
    if (malformed) {
        const int attempt = ++m_attempts[page];
        const QString why = !result.isOk() ? result.error
                                           : (result.issues.size() == 1
                                                     ? QStringLiteral("%1 unreadable event, first at index %2: %3")
                                                     : QStringLiteral("%1 unreadable events, first at index %2: %3"))
                                                 .arg(result.issues.size())
                                                 .arg(result.issues.first().index)
                                                 .arg(result.issues.first().reason);
        if (attempt <= m_options.maxRetries) {
            // Most likely cut off or garbled in transit: ask again.
            retryPage(page, ApiError(ApiError::Kind::Parse, why), m_options.backoffMs(attempt));
            return;
        }
        if (!result.isOk()) {
            m_progress.failedPage = page;
            finish(ApiError(ApiError::Kind::Parse, why)
                       .withContext(QStringLiteral("%1 still malformed after %2 attempts")
                                        .arg(context(page))
                                        .arg(attempt)));
            return;
        }
        // The page as a whole is fine but some elements stay unreadable: deliver the rest and
        // report the count (progress().eventsSkipped; the CLI and the window say it).
        qCInfo(lcApi) << context(page) << "skipping" << result.issues.size() << "unreadable events:" << why;
    }
    m_auth->worked(meta.tokenSerial);
    m_limiter->recordSuccess();

    const qsizetype elements = result.batch.size() + result.issues.size();
    if (page == 1) {
        m_page1Done = true;
        // The server clamps a too big per_page. X-Count-Per-Page may echo what we asked for, so
        // a first page shorter than asked while more pages exist tells the real size as well.
        int perPage = m_perPage;
        if (meta.countPerPage > 0 && meta.countPerPage < perPage)
            perPage = meta.countPerPage;
        const bool morePages = meta.totalPages > 1 || meta.totalCount > elements;
        if (morePages && elements > 0 && elements < perPage)
            perPage = int(elements);
        if (perPage != m_perPage)
            qCInfo(lcApi) << "server page size is" << perPage << "(asked for" << m_perPage << ")";
        m_perPage = perPage;
        m_progress.perPage = perPage;
        if (meta.totalPages >= 0)
            m_totalPages = meta.totalPages;
        else if (meta.totalCount >= 0) // without overflow, for X-Total-Count up to 2^63-1
            m_totalPages = saturatedInt(meta.totalCount / perPage + (meta.totalCount % perPage != 0));
        if (m_totalPages == 0)
            m_totalPages = 1; // an empty list still answered page 1
    } else if (elements == 0 && m_totalPages >= 0) {
        // An empty page past the first ends the pull, whatever the headers announce: pages
        // past the end repeat the last one on emnify, so only a hostile or shrinking list does this.
        endAt(page);
    } else if (m_totalPages >= 0 && meta.totalPages > m_totalPages) {
        // New events arrived meanwhile and pushed the list onto more pages: read those too.
        qCInfo(lcApi) << "list grew to" << meta.totalPages << "pages";
        m_totalPages = meta.totalPages;
    }
    if (meta.totalCount >= 0)
        m_progress.totalCount = std::max(m_progress.totalCount, meta.totalCount);
    m_progress.pagesTotal = std::max(m_totalPages, 0);

    ReadyPage ready;
    ready.elements = elements;
    ready.skipped = result.issues.size();
    ready.events = std::move(result.batch);
    ready.raw = std::move(result.raw);
    m_ready.insert_or_assign(page, std::move(ready));
    m_busy.remove(page);
    deliverReadyPages();
    if (m_done)
        return; // a receiver cancelled
    emitProgress();
    pump();
}

void EventPull::endAt(int lastPage)
{
    if (lastPage >= m_totalPages)
        return;
    qCInfo(lcApi) << "page" << lastPage << "is empty: the list ends there (headers said" << m_totalPages
                  << "pages)";
    m_totalPages = lastPage;
    m_nextPage = std::min(m_nextPage, lastPage + 1);
    for (auto it = m_replies.begin(); it != m_replies.end();) {
        if (it.value() > lastPage) {
            ApiReply::abandon(it.key(), this);
            it = m_replies.erase(it);
        } else {
            ++it;
        }
    }
    m_ready.erase(m_ready.upper_bound(lastPage), m_ready.end());
    for (auto it = m_busy.begin(); it != m_busy.end();) {
        if (*it > lastPage)
            it = m_busy.erase(it);
        else
            ++it;
    }
}

void EventPull::deliverReadyPages()
{
    while (!m_done) {
        auto it = m_ready.find(m_nextToDeliver);
        if (it == m_ready.end())
            return;
        ReadyPage page = std::move(it->second);
        m_ready.erase(it);
        ++m_nextToDeliver;

        EventBatch &events = page.events;
        std::vector<QByteArray> raw;
        const bool withRaw = size_t(events.size()) == page.raw.size() && !page.raw.empty();
        for (qsizetype i = 0; i < events.size(); ++i) {
            if (m_deliveredIds.contains(events.id(i))) {
                events.drop(i);
                continue;
            }
            m_deliveredIds.insert(events.id(i));
            if (withRaw)
                raw.push_back(std::move(page.raw[size_t(i)]));
        }
        ++m_progress.pagesDone;
        m_progress.eventsReceived += qint64(events.liveCount());
        m_progress.eventsSkipped += page.skipped;
        if (m_totalPages < 0 && (events.liveCount() == 0 || page.elements < m_perPage))
            m_sequentialDone = true;
        if (events.liveCount() > 0)
            Q_EMIT eventsReceived(events, raw);
    }
}
