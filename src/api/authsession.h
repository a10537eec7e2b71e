// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "api/apiclientoptions.h"
#include "api/apierror.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;
class RateLimiter;

// The auth token of an application token (POST /api/v1/authenticate), shared by the pulls of one
// EventApiClient. Issue 10's authentication storm lives here, so three rules hold whatever the
// server sends: an authentication takes its slot from the rate limiter like any request; there is
// never more than one authentication per ApiClientOptions::minAuthIntervalMs for one server and
// application token (another account, on another server or with another token, is not held up by
// the last one's); and a fresh token is used at least once, however soon its exp says it expires. Token lifetimes are read on the
// server's clock (the Date header of the authentication answer), so a clock skew neither renews
// a token too early nor lets it lapse; the skew is reported. Lives on the client's thread.
class AuthSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuthSession)

public:
    // network and limiter: not owned, must outlive the session.
    AuthSession(QNetworkAccessManager *network, RateLimiter *limiter, QObject *parent = nullptr);
    ~AuthSession() override;

    // Both drop the auth token; a change of either ends an authentication waiting for its slot
    // and starts one for the new account when somebody waits for a token.
    void setBaseUrl(const QUrl &url);
    void setApplicationToken(const QString &token); // kept in memory only
    void setOptions(const ApiClientOptions &options) { m_options = options; }
    [[nodiscard]] bool hasApplicationToken() const { return !m_applicationToken.isEmpty(); }

    // ready() once a token is usable (at once when it is), else failed(). Both are dropped when
    // context is destroyed first.
    void withToken(
        QObject *context, std::function<void()> ready, std::function<void(const ApiError &)> failed);
    [[nodiscard]] bool tokenUsable() const;
    // "Bearer <jwt>" for a request about to be sent (marks the token used); never logged.
    [[nodiscard]] QByteArray authorization();
    [[nodiscard]] int tokenSerial() const { return m_tokenSerial; } // bumped per new token

    // A request sent with the token of serial got 401. Returns an error when that was a token
    // issued after a 401 that never worked (authenticating again would loop); otherwise the
    // token is dropped and the next withToken() authenticates again (spaced).
    [[nodiscard]] ApiError rejected(int serial, const ApiError &reply);
    void worked(int serial); // a request with this token succeeded

    // The organisation the token belongs to (its JWT's esc.org, esc.orgName), from the last
    // authentication; empty before the first or when the token does not say.
    [[nodiscard]] QString organisation() const { return m_organisation; }
    [[nodiscard]] QString organisationName() const { return m_organisationName; }

    // The server's clock minus ours, from the last authentication (0 within 10 s or unknown).
    [[nodiscard]] qint64 clockSkewMs() const { return m_clockSkewMs; }

Q_SIGNALS:
    void requestSent(); // an authentication request went out (for the pull's request count)
    void retrying(); // an authentication request will be repeated
    void authenticated(); // a new token was adopted (organisation() is set from it)
    // An authentication request goes out in inMs: the spacing of its account and the rate limit.
    void authenticationScheduled(qint64 inMs);

private:
    struct Waiter
    {
        QPointer<QObject> context;
        std::function<void()> ready;
        std::function<void(const ApiError &)> failed;
    };

    void scheduleAuthentication(int attempt);
    void sendAuthentication(int attempt);
    void onReply(QNetworkReply *reply, int attempt);
    void adoptToken(const QByteArray &token, const QByteArray &dateHeader);
    void fail(const ApiError &error);
    void abortRunning();
    void credentialsChanged();
    // Identifies the (server, application token) pair the spacing applies to, without keeping a
    // second copy of the token.
    [[nodiscard]] QByteArray credentialKey() const;

    QNetworkAccessManager *m_network;
    RateLimiter *m_limiter;
    ApiClientOptions m_options;
    QUrl m_baseUrl;
    QString m_applicationToken;
    QByteArray m_authToken; // the JWT; only ever goes into the Authorization header
    qint64 m_refreshAtMs = 0; // on m_clock
    // When the last authentication request of each credentialKey() was sent, on m_clock; entries
    // older than minAuthIntervalMs are dropped as others are added.
    QHash<QByteArray, qint64> m_lastAuthMs;
    qint64 m_clockSkewMs = 0;
    QString m_organisation;
    QString m_organisationName;
    int m_tokenSerial = 0;
    bool m_tokenUsed = false; // the current token went out with at least one request
    bool m_tokenFrom401 = false; // the current token was fetched after a 401 and has not worked yet
    bool m_reauthAfter401 = false; // the running authentication was caused by a 401
    bool m_running = false; // a request, its slot or its retry back-off is under way
    QNetworkReply *m_reply = nullptr;
    QTimer *m_timer = nullptr; // the pending slot or back-off
    QList<Waiter> m_waiters;
};
