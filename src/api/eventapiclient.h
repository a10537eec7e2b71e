// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "api/apiclientoptions.h"
#include "api/apierror.h"
#include "api/eventquery.h"
#include "api/eventscope.h"
#include "api/fetchprogress.h"
#include "api/ratelimiter.h"
#include "model/event.h"
#include "model/eventbatch.h"

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QUrl>

#include <memory>
#include <vector>

class AuthSession;
class EventPull;
class QNetworkAccessManager;

// Reads emnify event lists: the entry point the window and the CLI use. It holds what outlives a
// fetch (base URL, options, the rate limiter shared by every request, the AuthSession with the
// auth token) and runs one EventPull per fetch (paging, retries, reorder and dedupe; see there);
// every reply is classified by ApiReply. Lives on (and emits on) the thread it was created on;
// pages are parsed on background threads so that a big page never blocks that thread.
class EventApiClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventApiClient)

public:
    using Options = ApiClientOptions;

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
    [[nodiscard]] bool hasApplicationToken() const;

    void setOptions(const Options &options); // takes effect with the next fetch
    [[nodiscard]] const Options &options() const { return m_options; }

    // Whose account the token reads: the organisation id (the JWT's esc.org) and its name, known
    // after the first authentication (authenticated()); empty before, or when the token does not
    // say. An account's archive is keyed by the URL and this id.
    [[nodiscard]] QString organisation() const;
    [[nodiscard]] QString organisationName() const;
    // Authenticates now if no usable token is held (to know the account before any pull); ends
    // with authenticated() or authenticationFailed(), once, never synchronously.
    void authenticate();

    [[nodiscard]] bool isBusy() const { return m_pull != nullptr; }
    [[nodiscard]] FetchProgress progress() const;

    // Starts a pull (cancelling a running one). Ends with finished() exactly once.
    void fetch(const EventQuery &query, const EventScope &scope = {},
        const QString &sort = QStringLiteral("-timestamp,id"));
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
    void authenticated(); // a token was adopted (by any pull, or authenticate()): organisation() is current
    void authenticationFailed(const ApiError &error); // only for authenticate()

private:
    void onPullFinished(const ApiError &error);

    QNetworkAccessManager *m_network;
    Options m_options;
    QUrl m_baseUrl;
    RateLimiter m_limiter;
    std::unique_ptr<AuthSession> m_auth;
    std::unique_ptr<EventPull> m_pull;
};
