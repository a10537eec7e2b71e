// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "api/authsession.h"

#include "api/apireply.h"
#include "api/jwtclaims.h"
#include "api/ratelimiter.h"
#include "api/retryafter.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

#include <algorithm>
#include <limits>

namespace {
// A skew below this is the Date header's one-second resolution and the round trip, not a clock.
constexpr qint64 SkewReportMs = 10000;
} // namespace

AuthSession::AuthSession(QNetworkAccessManager *network, RateLimiter *limiter, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_limiter(limiter)
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    m_timer->setTimerType(Qt::PreciseTimer); // the spacing is a promise to the server
}

AuthSession::~AuthSession()
{
    m_waiters.clear();
    abortRunning();
}

void AuthSession::abortRunning()
{
    m_timer->stop();
    m_timer->disconnect(this);
    if (m_reply)
        ApiReply::abandon(std::exchange(m_reply, nullptr), this);
    m_running = false;
}

void AuthSession::setBaseUrl(const QUrl &url)
{
    if (url == m_baseUrl)
        return;
    m_baseUrl = url;
    m_authToken.clear(); // a token belongs to one server
    credentialsChanged();
}

void AuthSession::setApplicationToken(const QString &token)
{
    const QString trimmed = token.trimmed();
    m_authToken.clear();
    m_tokenFrom401 = false;
    if (trimmed == m_applicationToken)
        return;
    m_applicationToken = trimmed;
    credentialsChanged();
}

void AuthSession::credentialsChanged()
{
    // An authentication waiting for the slot of the previous account would go out with these
    // credentials at that account's time, and one already sent would bring that account's token:
    // the new account gets its own slot instead.
    if (!m_running)
        return;
    abortRunning();
    m_reauthAfter401 = false;
    if (!m_waiters.isEmpty())
        scheduleAuthentication(1);
}

QByteArray AuthSession::credentialKey() const
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(m_baseUrl.toString(QUrl::FullyEncoded).toUtf8());
    hash.addData(QByteArrayView("\n", 1));
    hash.addData(m_applicationToken.toUtf8());
    return hash.result();
}

bool AuthSession::tokenUsable() const
{
    // A fresh token is used at least once, whatever its exp says: renewing a token that was never
    // used is how the storm started.
    return !m_authToken.isEmpty() && (!m_tokenUsed || RateLimiter::nowMs() < m_refreshAtMs);
}

QByteArray AuthSession::authorization()
{
    m_tokenUsed = true;
    return QByteArrayLiteral("Bearer ") + m_authToken;
}

void AuthSession::withToken(
    QObject *context, std::function<void()> ready, std::function<void(const ApiError &)> failed)
{
    if (tokenUsable()) {
        ready();
        return;
    }
    m_waiters.append(Waiter { context, std::move(ready), std::move(failed) });
    if (!m_running)
        scheduleAuthentication(1);
}

ApiError AuthSession::rejected(int serial, const ApiError &reply)
{
    if (serial != m_tokenSerial)
        return ApiError(); // sent with a token replaced since: just send it again
    if (m_tokenFrom401)
        return reply.withContext(QStringLiteral("a freshly issued auth token was rejected"));
    qCInfo(lcApi) << "HTTP 401: authenticating again";
    m_authToken.clear();
    m_reauthAfter401 = true;
    return ApiError();
}

void AuthSession::worked(int serial)
{
    if (serial == m_tokenSerial)
        m_tokenFrom401 = false;
}

void AuthSession::scheduleAuthentication(int attempt)
{
    if (m_applicationToken.isEmpty()) {
        fail(ApiError(ApiError::Kind::Authentication, QStringLiteral("no application token set")));
        return;
    }
    m_running = true;
    // Spaced, and through the limiter like every request.
    const qint64 now = RateLimiter::nowMs();
    const auto last = m_lastAuthMs.constFind(credentialKey());
    const qint64 spacing = last == m_lastAuthMs.cend()
        ? 0
        : std::max<qint64>(0, *last + m_options.minAuthIntervalMs - now);
    const qint64 slot = m_limiter->reserve(now + spacing) + spacing;
    if (slot > 0)
        qCInfo(lcApi) << "next authentication in" << slot << "ms";
    Q_EMIT authenticationScheduled(slot);
    m_timer->disconnect(this);
    connect(m_timer, &QTimer::timeout, this, [this, attempt] { sendAuthentication(attempt); });
    m_timer->start(int(std::min<qint64>(slot, std::numeric_limits<int>::max())));
}

void AuthSession::sendAuthentication(int attempt)
{
    m_waiters.removeIf([](const Waiter &waiter) { return !waiter.context; });
    if (m_waiters.isEmpty()) {
        m_running = false; // nobody waits any more
        return;
    }
    QUrl url = m_baseUrl;
    url.setPath(m_baseUrl.path() + QStringLiteral("/api/v1/authenticate"));
    QNetworkRequest request = ApiReply::request(url, m_options);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    const QByteArray body
        = QJsonDocument(QJsonObject { { QStringLiteral("application_token"), m_applicationToken } })
              .toJson(QJsonDocument::Compact);
    qCDebug(lcApi) << "POST" << url.toDisplayString() << "attempt" << attempt;
    const qint64 now = RateLimiter::nowMs();
    m_lastAuthMs.removeIf([this, now](QHash<QByteArray, qint64>::iterator entry) {
        return entry.value() + m_options.minAuthIntervalMs <= now;
    });
    m_lastAuthMs.insert(credentialKey(), now);
    Q_EMIT requestSent();
    m_reply = m_network->post(request, body);
    QNetworkReply *reply = m_reply;
    ApiReply::watch(reply, m_options);
    connect(reply, &QNetworkReply::finished, this, [this, reply, attempt] { onReply(reply, attempt); });
}

void AuthSession::onReply(QNetworkReply *reply, int attempt)
{
    reply->deleteLater();
    if (reply != m_reply)
        return;
    m_reply = nullptr;
    const ReplyOutcome outcome = ApiReply::classify(reply);
    qCDebug(lcApi) << "authenticate: HTTP" << outcome.httpStatus << reply->error();
    switch (outcome.kind) {
    case ReplyOutcome::Kind::Success:
        break;
    case ReplyOutcome::Kind::RateLimited:
    case ReplyOutcome::Kind::Transient: {
        if (attempt > m_options.maxRetries) {
            fail(outcome.error.withContext(
                QStringLiteral("authentication failed after %1 attempts").arg(attempt)));
            return;
        }
        qint64 delay = m_options.backoffMs(attempt);
        if (outcome.retryAfterMs) {
            if (*outcome.retryAfterMs > m_options.maxRetryAfterMs) {
                fail(outcome.error.withContext(
                    QStringLiteral(
                        "authentication: the server asks to wait %1 (Retry-After), longer than the %2 "
                        "this client waits at most")
                        .arg(ApiReply::secondsText(*outcome.retryAfterMs / 1000 * 1000),
                            ApiReply::secondsText(m_options.maxRetryAfterMs))));
                return;
            }
            delay = *outcome.retryAfterMs;
            m_limiter->penalise(RateLimiter::nowMs(), delay);
        }
        Q_EMIT retrying();
        qCInfo(lcApi) << "authenticate: HTTP" << outcome.httpStatus << "- retrying in" << delay << "ms";
        m_timer->disconnect(this);
        connect(m_timer, &QTimer::timeout, this, [this, attempt] { scheduleAuthentication(attempt + 1); });
        m_timer->start(int(delay));
        return;
    }
    case ReplyOutcome::Kind::Unauthorized:
    case ReplyOutcome::Kind::Fatal: {
        ApiError error = outcome.error;
        if (outcome.httpStatus == 401 || outcome.httpStatus == 403) {
            error = ApiError::fromHttp(outcome.httpStatus, outcome.body, ApiError::Kind::Authentication);
            error.setMessage(QStringLiteral("the application token was rejected (%1)").arg(error.message()));
        } else if (outcome.httpStatus >= 400 && error.kind() == ApiError::Kind::Http) {
            error = ApiError::fromHttp(outcome.httpStatus, outcome.body, ApiError::Kind::Authentication);
        } else if (error.kind() == ApiError::Kind::Network) {
            error = error.withContext(QStringLiteral("authentication"));
        }
        fail(error);
        return;
    }
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(outcome.body, &parseError);
    const QString token = document.object().value(QLatin1String("auth_token")).toString();
    if (parseError.error != QJsonParseError::NoError || token.isEmpty()) {
        fail(ApiError(ApiError::Kind::Parse, QStringLiteral("authentication response has no auth_token")));
        return;
    }
    adoptToken(token.toUtf8(), ApiReply::header(reply, "date"));
}

void AuthSession::adoptToken(const QByteArray &token, const QByteArray &dateHeader)
{
    m_running = false;
    m_authToken = token;
    m_tokenUsed = false;
    ++m_tokenSerial;
    m_tokenFrom401 = m_reauthAfter401;
    m_reauthAfter401 = false;

    // The server's clock, from its Date header: exp is a time on that clock.
    const qint64 localNowMs = QDateTime::currentMSecsSinceEpoch();
    m_clockSkewMs = 0;
    if (const auto serverNow = RetryAfter::parseHttpDate(dateHeader)) {
        const qint64 skew = serverNow->toMSecsSinceEpoch() - localNowMs;
        if (std::abs(skew) >= SkewReportMs) {
            m_clockSkewMs = skew;
            qCInfo(lcApi) << "the server's clock is" << skew / 1000 << "s off ours";
        }
    }
    // Renew a little before exp: a fifth of the lifetime, at most a minute, but never in less than
    // half of what is left. Without a usable exp we rely on the 401 path. JwtClaims keeps the
    // numbers within +-1e15 s, so none of this overflows.
    m_refreshAtMs = std::numeric_limits<qint64>::max();
    const auto claims = JwtClaims::decode(m_authToken);
    m_organisation = claims ? claims->organisation : QString();
    m_organisationName = claims ? claims->organisationName : QString();
    if (claims && claims->expiresAt) {
        const qint64 serverNowMs = localNowMs + m_clockSkewMs;
        const qint64 expMs = *claims->expiresAt * 1000;
        const qint64 remainingMs = expMs - serverNowMs;
        const qint64 lifetimeMs = claims->issuedAt && *claims->issuedAt * 1000 < expMs
            ? expMs - *claims->issuedAt * 1000
            : remainingMs;
        if (remainingMs > 0) {
            const qint64 marginMs = std::min<qint64>(60000, lifetimeMs / 5);
            const qint64 inMs = std::max(remainingMs - marginMs, remainingMs / 2);
            if (inMs < std::numeric_limits<qint64>::max() - RateLimiter::nowMs())
                m_refreshAtMs = RateLimiter::nowMs() + inMs;
        } else {
            qCWarning(lcApi) << "the new auth token has already expired by the server's clock";
        }
    }
    qCDebug(lcApi) << "authenticated; token renewal in" << (m_refreshAtMs - RateLimiter::nowMs()) << "ms";

    Q_EMIT authenticated();
    const QList<Waiter> waiters = std::exchange(m_waiters, {});
    for (const Waiter &waiter : waiters) {
        if (waiter.context)
            waiter.ready();
    }
}

void AuthSession::fail(const ApiError &error)
{
    m_running = false;
    m_reauthAfter401 = false;
    qCInfo(lcApi) << "authentication:" << error.toString(); // the pull reports it
    const QList<Waiter> waiters = std::exchange(m_waiters, {});
    for (const Waiter &waiter : waiters) {
        if (waiter.context)
            waiter.failed(error);
    }
}
