// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "api/eventapiclient.h"

#include "api/eventparser.h"
#include "api/jwtclaims.h"
#include "api/retryafter.h"

#include <QDateTime>
#include <QFutureWatcher>
#include <QHash>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QRandomGenerator>
#include <QSet>
#include <QTimer>
#ifndef QT_NO_SSL
#include <QSslError>
#endif

#include <algorithm>
#include <limits>
#include <map>

namespace {
Q_LOGGING_CATEGORY(lcApi, "eventviewer.api")

const char *const SslErrorsProperty = "ev_sslErrors";
const char *const AbortedProperty = "ev_aborted";

// Header lookup by hand, case-insensitive whatever the Qt version does (emnify sends
// "x-total-pages" on some lists and "X-Total-Pages" on others).
QByteArray headerValue(const QNetworkReply *reply, QByteArrayView name)
{
    for (const auto &[key, value] : reply->rawHeaderPairs()) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value.trimmed();
    }
    return QByteArray();
}

int headerInt(const QNetworkReply *reply, QByteArrayView name, int fallback = -1)
{
    bool ok = false;
    const int value = headerValue(reply, name).toInt(&ok);
    return ok ? value : fallback;
}

bool isTransientNetworkError(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError: // transfer timeout (we mark our own aborts)
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::ProxyTimeoutError:
    case QNetworkReply::UnknownNetworkError:
    case QNetworkReply::ProtocolFailure: // e.g. a response cut off inside the headers
    case QNetworkReply::UnknownServerError:
        return true;
    default:
        return false;
    }
}

bool isTlsError(const QNetworkReply *reply)
{
    return reply->error() == QNetworkReply::SslHandshakeFailedError
        || reply->property(SslErrorsProperty).isValid();
}

ApiError tlsError(const QNetworkReply *reply)
{
    QString message = reply->property(SslErrorsProperty).toString();
    if (message.isEmpty())
        message = reply->errorString();
    return ApiError(ApiError::Kind::Tls,
        QStringLiteral("secure connection to %1 failed: %2 (certificate errors are never ignored)")
            .arg(reply->url().host(), message));
}

ApiError networkError(const QNetworkReply *reply)
{
    const auto error = reply->error();
    const ApiError::Kind kind
        = (error == QNetworkReply::TimeoutError || error == QNetworkReply::OperationCanceledError)
        ? ApiError::Kind::Timeout
        : ApiError::Kind::Network;
    QString message = reply->errorString();
    if (kind == ApiError::Kind::Timeout)
        message = QStringLiteral("no data received in time");
    return ApiError(kind, message);
}

void abortReply(QNetworkReply *reply, QObject *receiver)
{
    reply->disconnect(receiver);
    reply->setProperty(AbortedProperty, true);
    reply->abort();
    reply->deleteLater();
}

} // namespace

struct EventApiClient::PageMeta
{
    int totalPages = -1;
    qint64 totalCount = -1;
    int countPerPage = -1;
    int currentPage = -1;
    int tokenSerial = 0;
};

struct EventApiClient::ReadyPage
{
    EventBatch events;
    std::vector<QByteArray> raw;
    qsizetype skipped = 0;
    qsizetype elements = 0;
};

struct EventApiClient::Pull
{
    quint64 generation = 0;
    EventQuery query;
    EventScope scope;
    QString sort;
    int perPage = 0; // in effect: the asked size until page 1 says otherwise
    int totalPages = -1; // -1: unknown (no paging headers): sequential mode
    bool page1Done = false;
    bool sequentialDone = false;
    int nextPage = 2; // next new page to request after page 1
    int nextToDeliver = 1;
    QSet<int> busy; // pages waiting, in flight or being parsed
    QHash<QNetworkReply *, int> replies;
    QHash<int, int> attempts; // retries per page (5xx, drops, timeouts, bad pages)
    QHash<int, int> rateLimitAttempts; // 429s per page
    std::map<int, ReadyPage> ready; // parsed, waiting for earlier pages
    QSet<qint64> deliveredIds;
    FetchProgress progress;
    qint64 waitBaseMs = 0; // the limiter's waitedMs() when the pull started
    qint64 lastProgressEmitMs = -1;
};

EventApiClient::EventApiClient(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_limiter(m_options.ratePerSecond, m_options.burst)
{
    Q_ASSERT(network);
    registerMetaTypes();
    m_clock.start();
}

EventApiClient::~EventApiClient()
{
    // No signals from a dying object: drop the pull quietly.
    if (m_pull) {
        for (QNetworkReply *reply : m_pull->replies.keys())
            abortReply(reply, this);
        m_pull.reset();
    }
    if (m_authReply)
        abortReply(m_authReply, this);
    m_tokenWaiters.clear();
}

void EventApiClient::registerMetaTypes()
{
    qRegisterMetaType<ApiError>();
    qRegisterMetaType<FetchProgress>();
    qRegisterMetaType<EventBatch>();
    qRegisterMetaType<std::vector<QByteArray>>();
    qRegisterMetaType<QList<QPair<int, QString>>>();
}

ApiError EventApiClient::checkBaseUrl(const QUrl &url)
{
    if (!url.isValid() || url.host().isEmpty())
        return ApiError(
            ApiError::Kind::InvalidUrl, QStringLiteral("\"%1\" is not a valid URL").arg(url.toString()));
    if (!url.userInfo().isEmpty())
        return ApiError(
            ApiError::Kind::InvalidUrl, QStringLiteral("credentials in the URL are not supported"));
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("https"))
        return ApiError();
    if (scheme == QLatin1String("http")) {
        const QString host = url.host();
        const QHostAddress address(host);
        if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0 || address.isLoopback())
            return ApiError();
        return ApiError(ApiError::Kind::InvalidUrl,
            QStringLiteral("plain http is only allowed to this computer (127.0.0.1, ::1, localhost); "
                           "use https for %1")
                .arg(host));
    }
    return ApiError(
        ApiError::Kind::InvalidUrl, QStringLiteral("unsupported URL scheme \"%1\"").arg(url.scheme()));
}

ApiError EventApiClient::setBaseUrl(const QUrl &url)
{
    const ApiError error = checkBaseUrl(url);
    if (error.isError())
        return error;
    QUrl base = url.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::StripTrailingSlash);
    if (base != m_baseUrl) {
        m_baseUrl = base;
        m_authToken.clear(); // a token belongs to one server
    }
    return ApiError();
}

void EventApiClient::setApplicationToken(const QString &token)
{
    m_applicationToken = token.trimmed();
    m_authToken.clear();
    m_tokenFrom401 = false;
}

void EventApiClient::setOptions(const Options &options)
{
    m_options = options;
    m_options.perPage = std::max(1, m_options.perPage);
    m_options.maxInFlight = std::clamp(m_options.maxInFlight, 1, 16);
    m_options.maxRetries = std::max(0, m_options.maxRetries);
    m_options.maxRateLimitRetries = std::max(0, m_options.maxRateLimitRetries);
    m_limiter = RateLimiter(m_options.ratePerSecond, m_options.burst);
}

FetchProgress EventApiClient::progress() const { return m_pull ? m_pull->progress : FetchProgress(); }

QUrl EventApiClient::endpointUrl(const QString &path) const
{
    QUrl url = m_baseUrl;
    url.setPath(m_baseUrl.path() + path);
    return url;
}

QNetworkRequest EventApiClient::makeRequest(const QUrl &url) const
{
    QNetworkRequest request(url);
    request.setRawHeader("Accept", "application/json");
    request.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("emnify-event-viewer/" EV_VERSION));
    // A redirect would carry the bearer token elsewhere: treat 3xx as an error instead.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(m_options.transferTimeoutMs);
    return request;
}

int EventApiClient::backoffMs(int attempt) const
{
    // Exponential with jitter: base * 2^(attempt-1), then a random point in its upper half.
    const qint64 ceiling = std::min<qint64>(
        m_options.backoffMaxMs, qint64(m_options.backoffBaseMs) << std::clamp(attempt - 1, 0, 20));
    const qint64 floor = ceiling / 2;
    return int(floor + QRandomGenerator::global()->bounded(qint64(ceiling - floor + 1)));
}

bool EventApiClient::tokenUsable() const { return !m_authToken.isEmpty() && nowMs() < m_tokenRefreshAtMs; }

// ---- authentication ----

void EventApiClient::withToken(TokenWaiter waiter)
{
    if (tokenUsable()) {
        waiter.ready();
        return;
    }
    m_tokenWaiters.append(std::move(waiter));
    if (!m_authRunning)
        startAuthentication(1);
}

void EventApiClient::startAuthentication(int attempt)
{
    if (m_applicationToken.isEmpty()) {
        failTokenWaiters(
            ApiError(ApiError::Kind::Authentication, QStringLiteral("no application token set")));
        return;
    }
    m_authRunning = true;
    QNetworkRequest request = makeRequest(endpointUrl(QStringLiteral("/api/v1/authenticate")));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    const QByteArray body
        = QJsonDocument(QJsonObject { { QStringLiteral("application_token"), m_applicationToken } })
              .toJson(QJsonDocument::Compact);
    qCDebug(lcApi) << "POST" << request.url().toDisplayString() << "attempt" << attempt;
    if (m_pull)
        ++m_pull->progress.requestsSent;
    m_authReply = m_network->post(request, body);
    QNetworkReply *reply = m_authReply;
#ifndef QT_NO_SSL
    connect(reply, &QNetworkReply::sslErrors, this, [reply](const QList<QSslError> &errors) {
        QStringList texts;
        for (const QSslError &error : errors)
            texts << error.errorString();
        reply->setProperty(SslErrorsProperty, texts.join(QLatin1String("; ")));
    });
#endif
    connect(reply, &QNetworkReply::finished, this,
        [this, reply, attempt] { onAuthenticationReply(reply, attempt); });
}

void EventApiClient::onAuthenticationReply(QNetworkReply *reply, int attempt)
{
    reply->deleteLater();
    if (reply != m_authReply)
        return;
    m_authReply = nullptr;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    qCDebug(lcApi) << "authenticate: HTTP" << status << reply->error();

    if (isTlsError(reply)) {
        failTokenWaiters(tlsError(reply));
        return;
    }
    const bool transient
        = status == 429 || status >= 500 || (status == 0 && isTransientNetworkError(reply->error()));
    if (transient) {
        if (attempt > m_options.maxRetries) {
            ApiError error = status > 0 ? ApiError::fromHttp(status, body) : networkError(reply);
            failTokenWaiters(
                error.withContext(QStringLiteral("authentication failed after %1 attempts").arg(attempt)));
            return;
        }
        qint64 delay = backoffMs(attempt);
        if (status == 429) {
            const auto retryAfter
                = RetryAfter::parse(headerValue(reply, "retry-after"), QDateTime::currentDateTimeUtc());
            if (retryAfter)
                delay = std::min<qint64>(*retryAfter, m_options.maxRetryAfterMs);
        }
        if (m_pull)
            ++m_pull->progress.retries;
        qCInfo(lcApi) << "authenticate: HTTP" << status << "- retrying in" << delay << "ms";
        QTimer::singleShot(int(delay), this, [this, attempt] {
            if (m_tokenWaiters.isEmpty())
                m_authRunning = false; // nobody waits any more
            else
                startAuthentication(attempt + 1);
        });
        return;
    }
    if (status == 0) {
        failTokenWaiters(networkError(reply).withContext(QStringLiteral("authentication")));
        return;
    }
    if (status < 200 || status >= 300) {
        ApiError error = ApiError::fromHttp(status, body, ApiError::Kind::Authentication);
        if (status == 401 || status == 403)
            error.setMessage(QStringLiteral("the application token was rejected (%1)").arg(error.message()));
        failTokenWaiters(error);
        return;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    const QString token = document.object().value(QLatin1String("auth_token")).toString();
    if (parseError.error != QJsonParseError::NoError || token.isEmpty()) {
        failTokenWaiters(
            ApiError(ApiError::Kind::Parse, QStringLiteral("authentication response has no auth_token")));
        return;
    }
    m_authRunning = false;
    m_authToken = token.toUtf8();
    ++m_tokenSerial;
    m_tokenFrom401 = m_reauthAfter401;
    m_reauthAfter401 = false;

    // Refresh a little before `exp`: a fifth of the lifetime, at most a minute. Without a usable
    // exp (or with a clock so skewed that it looks expired) we rely on the 401 path instead.
    m_tokenRefreshAtMs = std::numeric_limits<qint64>::max();
    if (const auto claims = JwtClaims::decode(m_authToken); claims && claims->expiresAt) {
        const qint64 nowMsUtc = QDateTime::currentMSecsSinceEpoch();
        const qint64 expMs = *claims->expiresAt * 1000;
        const qint64 lifetimeMs
            = expMs - (claims->issuedAt ? std::min(*claims->issuedAt * 1000, nowMsUtc) : nowMsUtc);
        const qint64 remainingMs = expMs - nowMsUtc;
        if (remainingMs > 0 && lifetimeMs > 0) {
            const qint64 marginMs = std::min<qint64>(60000, lifetimeMs / 5);
            m_tokenRefreshAtMs = nowMs() + std::max<qint64>(remainingMs - marginMs, 0);
        }
    }
    qCDebug(lcApi) << "authenticated; token refresh in" << (m_tokenRefreshAtMs - nowMs()) << "ms";

    const QList<TokenWaiter> waiters = std::exchange(m_tokenWaiters, {});
    for (const TokenWaiter &waiter : waiters)
        waiter.ready();
}

void EventApiClient::failTokenWaiters(const ApiError &error)
{
    m_authRunning = false;
    qCWarning(lcApi) << "authentication:" << error.toString();
    m_reauthAfter401 = false;
    const QList<TokenWaiter> waiters = std::exchange(m_tokenWaiters, {});
    for (const TokenWaiter &waiter : waiters)
        waiter.failed(error);
}

// ---- the pull ----

void EventApiClient::fetch(const EventQuery &query, const EventScope &scope, const QString &sort)
{
    if (m_pull)
        cancel();
    m_pull = std::make_unique<Pull>();
    Pull &pull = *m_pull;
    pull.generation = ++m_generation;
    pull.query = query;
    pull.scope = scope;
    pull.sort = sort;
    pull.perPage = m_options.perPage;
    pull.progress.perPage = pull.perPage;
    pull.waitBaseMs = m_limiter.waitedMs();

    if (m_baseUrl.isEmpty()) {
        finishPullLater(ApiError(ApiError::Kind::InvalidUrl, QStringLiteral("no API URL set")));
        return;
    }
    if (m_applicationToken.isEmpty()) {
        finishPullLater(ApiError(ApiError::Kind::Authentication, QStringLiteral("no application token set")));
        return;
    }
    if (const QString problem = query.validate(); !problem.isEmpty()) {
        finishPullLater(ApiError(ApiError::Kind::InvalidQuery, problem));
        return;
    }
    if (const QString problem = scope.validate(); !problem.isEmpty()) {
        finishPullLater(ApiError(ApiError::Kind::InvalidQuery, problem));
        return;
    }
    qCDebug(lcApi) << "fetch" << scope.path() << "q =" << query.toQ() << "sort =" << sort;
    pump();
}

void EventApiClient::cancel()
{
    if (m_pull)
        finishPull(ApiError(ApiError::Kind::Cancelled, QStringLiteral("cancelled")));
}

void EventApiClient::finishPullLater(const ApiError &error)
{
    const quint64 generation = m_pull->generation;
    QTimer::singleShot(0, this, [this, generation, error] {
        if (m_pull && m_pull->generation == generation)
            finishPull(error);
    });
}

void EventApiClient::finishPull(const ApiError &error)
{
    std::unique_ptr<Pull> pull = std::move(m_pull);
    if (!pull)
        return;
    ++m_generation; // timers, parses and token waiters of this pull become no-ops
    for (QNetworkReply *reply : pull->replies.keys())
        abortReply(reply, this);
    pull->progress.rateLimitWaitMs = m_limiter.waitedMs() - pull->waitBaseMs;
    if (error.isError())
        qCInfo(lcApi) << "pull ended:" << error.toString();
    else
        qCDebug(lcApi) << "pull done:" << pull->progress.eventsReceived << "events,"
                       << pull->progress.requestsSent << "requests," << pull->progress.retries << "retries";
    Q_EMIT progressChanged(pull->progress);
    Q_EMIT finished(error);
}

void EventApiClient::emitProgress()
{
    if (!m_pull)
        return;
    m_pull->progress.rateLimitWaitMs = m_limiter.waitedMs() - m_pull->waitBaseMs;
    Q_EMIT progressChanged(m_pull->progress);
}

void EventApiClient::pump()
{
    if (!m_pull)
        return;
    Pull &pull = *m_pull;
    if (!pull.page1Done) {
        if (pull.busy.isEmpty())
            schedulePage(1, 0);
        return;
    }
    if (pull.totalPages < 0) {
        // No paging headers: one page at a time until a page brings nothing new.
        if (pull.busy.isEmpty() && !pull.sequentialDone)
            schedulePage(pull.nextPage++, 0);
    } else {
        // Bounded reordering: do not run further ahead of delivery than twice the window.
        const int window = m_options.maxInFlight;
        while (pull.busy.size() < window && pull.nextPage <= pull.totalPages
            && pull.nextPage < pull.nextToDeliver + 2 * window)
            schedulePage(pull.nextPage++, 0);
    }
    const bool allIssued = pull.totalPages < 0 ? pull.sequentialDone : pull.nextPage > pull.totalPages;
    if (allIssued && pull.busy.isEmpty() && pull.ready.empty())
        finishPull(ApiError());
}

void EventApiClient::schedulePage(int page, qint64 delayMs)
{
    Pull &pull = *m_pull;
    pull.busy.insert(page);
    const quint64 generation = pull.generation;
    if (delayMs <= 0) {
        acquireSlot(generation, page);
        return;
    }
    QTimer::singleShot(int(delayMs), this, [this, generation, page] { acquireSlot(generation, page); });
}

void EventApiClient::acquireSlot(quint64 generation, int page)
{
    if (!m_pull || m_pull->generation != generation)
        return;
    const qint64 waitMs = m_limiter.reserve(nowMs());
    if (waitMs <= 0) {
        sendPage(generation, page);
        return;
    }
    QTimer::singleShot(int(waitMs), this, [this, generation, page] { sendPage(generation, page); });
}

void EventApiClient::sendPage(quint64 generation, int page)
{
    if (!m_pull || m_pull->generation != generation)
        return;
    if (m_limiter.pausedUntilMs() > nowMs()) {
        // Booked before a 429 paused everything: book again behind the pause.
        acquireSlot(generation, page);
        return;
    }
    if (!tokenUsable()) {
        withToken({ [this, generation, page] { sendPage(generation, page); },
            [this, generation](const ApiError &error) {
                if (m_pull && m_pull->generation == generation)
                    finishPull(error);
            } });
        return;
    }
    Pull &pull = *m_pull;
    QUrl url = endpointUrl(pull.scope.path());
    url.setQuery(pull.query.toUrlQuery(page, pull.perPage, pull.sort));
    QNetworkRequest request = makeRequest(url);
    request.setRawHeader("Authorization", QByteArrayLiteral("Bearer ") + m_authToken);
    qCDebug(lcApi) << "GET" << url.toDisplayString();
    ++pull.progress.requestsSent;
    QNetworkReply *reply = m_network->get(request);
    pull.replies.insert(reply, page);
    const int tokenSerial = m_tokenSerial;
#ifndef QT_NO_SSL
    connect(reply, &QNetworkReply::sslErrors, this, [reply](const QList<QSslError> &errors) {
        QStringList texts;
        for (const QSslError &error : errors)
            texts << error.errorString();
        reply->setProperty(SslErrorsProperty, texts.join(QLatin1String("; ")));
    });
#endif
    connect(reply, &QNetworkReply::finished, this,
        [this, reply, page, tokenSerial] { onPageReply(reply, page, tokenSerial); });
}

void EventApiClient::retryPage(int page, const ApiError &reason, qint64 delayMs)
{
    Pull &pull = *m_pull;
    ++pull.progress.retries;
    qCInfo(lcApi) << "page" << page << "will be retried in" << delayMs << "ms:" << reason.toString();
    pull.busy.remove(page);
    schedulePage(page, delayMs);
    emitProgress();
}

void EventApiClient::onPageReply(QNetworkReply *reply, int page, int tokenSerial)
{
    reply->deleteLater();
    if (!m_pull || !m_pull->replies.contains(reply))
        return;
    Pull &pull = *m_pull;
    pull.replies.remove(reply);
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const auto networkErrorCode = reply->error();
    const QString context = QStringLiteral("%1 page %2").arg(pull.scope.path()).arg(page);
    qCDebug(lcApi) << "page" << page << "HTTP" << status << networkErrorCode;

    if (isTlsError(reply)) {
        finishPull(tlsError(reply));
        return;
    }
    if (status == 401) {
        if (tokenSerial != m_tokenSerial) {
            // Sent with a token that has been replaced since: just send it again.
            pull.busy.remove(page);
            schedulePage(page, 0);
            return;
        }
        if (m_tokenFrom401) {
            finishPull(ApiError::fromHttp(status, reply->readAll(), ApiError::Kind::Authentication)
                           .withContext(QStringLiteral("a freshly issued auth token was rejected")));
            return;
        }
        qCInfo(lcApi) << "HTTP 401: authenticating again";
        m_authToken.clear();
        m_reauthAfter401 = true;
        pull.busy.remove(page);
        schedulePage(page, 0);
        return;
    }
    if (status == 429) {
        const int attempt = ++pull.rateLimitAttempts[page];
        if (attempt > m_options.maxRateLimitRetries) {
            finishPull(ApiError::fromHttp(status, reply->readAll())
                           .withContext(QStringLiteral("%1: still rate limited after %2 retries")
                                            .arg(context)
                                            .arg(attempt - 1)));
            return;
        }
        const auto retryAfter
            = RetryAfter::parse(headerValue(reply, "retry-after"), QDateTime::currentDateTimeUtc());
        const qint64 pause
            = retryAfter ? std::min<qint64>(*retryAfter, m_options.maxRetryAfterMs) : backoffMs(attempt);
        m_limiter.penalise(nowMs(), pause);
        retryPage(page, ApiError(ApiError::Kind::Http, QStringLiteral("rate limited"), 429), 0);
        return;
    }
    if (status >= 200 && status < 300 && networkErrorCode == QNetworkReply::NoError) {
        PageMeta meta;
        meta.totalPages = headerInt(reply, "x-total-pages");
        meta.countPerPage = headerInt(reply, "x-count-per-page");
        meta.currentPage = headerInt(reply, "x-current-page");
        meta.tokenSerial = tokenSerial;
        bool ok = false;
        meta.totalCount = headerValue(reply, "x-total-count").toLongLong(&ok);
        if (!ok)
            meta.totalCount = -1;
        const QByteArray body = reply->readAll();
        const ParseOptions options { m_options.keepRaw };
        auto *watcher = new QFutureWatcher<ParseResult>(this);
        const quint64 generation = pull.generation;
        connect(
            watcher, &QFutureWatcher<ParseResult>::finished, this, [this, watcher, generation, page, meta] {
                watcher->deleteLater();
                if (!m_pull || m_pull->generation != generation)
                    return;
                onPageParsed(page, meta, watcher->future().takeResult());
            });
        // Parsing a page of 1000 events takes milliseconds to tens of them: off this thread.
        watcher->setFuture(EventParser::parseInBackground(body, options));
        return;
    }
    const bool abortedByUs = reply->property(AbortedProperty).toBool();
    if (status >= 500 || (!abortedByUs && isTransientNetworkError(networkErrorCode))) {
        const int attempt = ++pull.attempts[page];
        const ApiError reason
            = status >= 500 ? ApiError::fromHttp(status, reply->readAll()) : networkError(reply);
        if (attempt > m_options.maxRetries) {
            finishPull(
                reason.withContext(QStringLiteral("%1 failed after %2 attempts").arg(context).arg(attempt)));
            return;
        }
        retryPage(page, reason, backoffMs(attempt));
        return;
    }
    if (status > 0) {
        finishPull(ApiError::fromHttp(status, reply->readAll()).withContext(context));
        return;
    }
    finishPull(networkError(reply).withContext(context));
}

void EventApiClient::onPageParsed(int page, const PageMeta &meta, ParseResult &&result)
{
    Pull &pull = *m_pull;
    const QString context = QStringLiteral("%1 page %2").arg(pull.scope.path()).arg(page);
    const bool malformed = !result.isOk() || !result.issues.isEmpty();
    if (malformed) {
        const int attempt = ++pull.attempts[page];
        const QString why = !result.isOk() ? result.error
                                           : QStringLiteral("%1 unreadable event(s), first at index %2: %3")
                                                 .arg(result.issues.size())
                                                 .arg(result.issues.first().index)
                                                 .arg(result.issues.first().reason);
        if (attempt <= m_options.maxRetries) {
            // Most likely cut off or garbled in transit: ask again.
            retryPage(page, ApiError(ApiError::Kind::Parse, why), backoffMs(attempt));
            return;
        }
        if (!result.isOk()) {
            finishPull(
                ApiError(ApiError::Kind::Parse, why)
                    .withContext(
                        QStringLiteral("%1 still malformed after %2 attempts").arg(context).arg(attempt)));
            return;
        }
        // The page as a whole is fine but some elements stay unreadable: deliver the rest and
        // report the count (progress().eventsSkipped, and a warning here).
        qCWarning(lcApi) << context << "skipping" << result.issues.size() << "unreadable event(s):" << why;
    }
    if (meta.tokenSerial == m_tokenSerial)
        m_tokenFrom401 = false; // the current token works
    m_limiter.recordSuccess();

    if (page == 1) {
        pull.page1Done = true;
        // The server clamps a too big per_page. X-Count-Per-Page may echo what we asked for, so
        // a first page shorter than asked while more pages exist tells the real size as well.
        int perPage = pull.perPage;
        if (meta.countPerPage > 0 && meta.countPerPage < perPage)
            perPage = meta.countPerPage;
        const qsizetype elements = result.batch.size() + result.issues.size();
        const bool morePages = meta.totalPages > 1 || (meta.totalCount > elements);
        if (morePages && elements > 0 && elements < perPage)
            perPage = int(elements);
        if (perPage != pull.perPage)
            qCInfo(lcApi) << "server page size is" << perPage << "(asked for" << pull.perPage << ")";
        pull.perPage = perPage;
        pull.progress.perPage = perPage;
        if (meta.totalPages >= 0)
            pull.totalPages = meta.totalPages;
        else if (meta.totalCount >= 0)
            pull.totalPages = int((meta.totalCount + perPage - 1) / perPage);
        if (pull.totalPages == 0)
            pull.totalPages = 1; // an empty list still answered page 1
    } else if (pull.totalPages >= 0 && meta.totalPages > pull.totalPages) {
        // New events arrived meanwhile and pushed the list onto more pages: read those too.
        qCInfo(lcApi) << "list grew to" << meta.totalPages << "pages";
        pull.totalPages = meta.totalPages;
    }
    if (meta.totalCount >= 0)
        pull.progress.totalCount = std::max(pull.progress.totalCount, meta.totalCount);
    pull.progress.pagesTotal = std::max(pull.totalPages, 0);

    ReadyPage ready;
    ready.elements = result.batch.size() + result.issues.size();
    ready.skipped = result.issues.size();
    ready.events = std::move(result.batch);
    ready.raw = std::move(result.raw);
    pull.ready.insert_or_assign(page, std::move(ready));
    pull.busy.remove(page);
    deliverReadyPages();
    if (!m_pull)
        return; // a receiver cancelled
    emitProgress();
    pump();
}

void EventApiClient::deliverReadyPages()
{
    const quint64 generation = m_pull->generation;
    while (m_pull && m_pull->generation == generation) {
        Pull &pull = *m_pull;
        auto it = pull.ready.find(pull.nextToDeliver);
        if (it == pull.ready.end())
            return;
        ReadyPage page = std::move(it->second);
        pull.ready.erase(it);
        ++pull.nextToDeliver;

        EventBatch &events = page.events;
        std::vector<QByteArray> raw;
        const bool withRaw = size_t(events.size()) == page.raw.size() && !page.raw.empty();
        for (qsizetype i = 0; i < events.size(); ++i) {
            if (pull.deliveredIds.contains(events.id(i))) {
                events.drop(i);
                continue;
            }
            pull.deliveredIds.insert(events.id(i));
            if (withRaw)
                raw.push_back(std::move(page.raw[size_t(i)]));
        }
        ++pull.progress.pagesDone;
        pull.progress.eventsReceived += qint64(events.liveCount());
        pull.progress.eventsSkipped += page.skipped;
        if (pull.totalPages < 0 && (events.liveCount() == 0 || page.elements < pull.perPage))
            pull.sequentialDone = true;
        if (events.liveCount() > 0)
            Q_EMIT eventsReceived(events, raw);
    }
}

// ---- event types ----

void EventApiClient::fetchEventTypes()
{
    if (m_baseUrl.isEmpty() || m_applicationToken.isEmpty()) {
        const ApiError error = m_baseUrl.isEmpty()
            ? ApiError(ApiError::Kind::InvalidUrl, QStringLiteral("no API URL set"))
            : ApiError(ApiError::Kind::Authentication, QStringLiteral("no application token set"));
        QTimer::singleShot(0, this, [this, error] { Q_EMIT eventTypesFailed(error); });
        return;
    }
    withToken({ [this] { sendEventTypes(false); },
        [this](const ApiError &error) { Q_EMIT eventTypesFailed(error); } });
}

void EventApiClient::sendEventTypes(bool retriedAfter401)
{
    QNetworkRequest request = makeRequest(endpointUrl(QStringLiteral("/api/v1/event/type")));
    request.setRawHeader("Authorization", QByteArrayLiteral("Bearer ") + m_authToken);
    QNetworkReply *reply = m_network->get(request);
    const int tokenSerial = m_tokenSerial;
    connect(reply, &QNetworkReply::finished, this, [this, reply, retriedAfter401, tokenSerial] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray body = reply->readAll();
        if (isTlsError(reply)) {
            Q_EMIT eventTypesFailed(tlsError(reply));
            return;
        }
        if (status == 401 && !retriedAfter401) {
            if (tokenSerial == m_tokenSerial)
                m_authToken.clear();
            withToken({ [this] { sendEventTypes(true); },
                [this](const ApiError &error) { Q_EMIT eventTypesFailed(error); } });
            return;
        }
        if (status == 0) {
            Q_EMIT eventTypesFailed(networkError(reply).withContext(QStringLiteral("/api/v1/event/type")));
            return;
        }
        if (status < 200 || status >= 300) {
            Q_EMIT eventTypesFailed(ApiError::fromHttp(
                status, body, status == 401 ? ApiError::Kind::Authentication : ApiError::Kind::Http)
                                        .withContext(QStringLiteral("/api/v1/event/type")));
            return;
        }
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
        if (parseError.error != QJsonParseError::NoError || !document.isArray()) {
            Q_EMIT eventTypesFailed(ApiError(ApiError::Kind::Parse,
                QStringLiteral("/api/v1/event/type: not a JSON array (%1)").arg(parseError.errorString())));
            return;
        }
        QList<QPair<int, QString>> types;
        for (const QJsonValue &value : document.array()) {
            const QJsonObject object = value.toObject();
            const QJsonValue id = object.value(QLatin1String("id"));
            if (!id.isDouble())
                continue;
            QString name = object.value(QLatin1String("description")).toString();
            if (name.isEmpty())
                name = object.value(QLatin1String("name")).toString();
            types.append({ id.toInt(), name });
        }
        Q_EMIT eventTypesReceived(types);
    });
}
