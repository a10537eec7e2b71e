// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "api/eventapiclient.h"

#include "api/authsession.h"
#include "api/eventpull.h"

#include <QHostAddress>

#include <algorithm>

EventApiClient::EventApiClient(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_limiter(m_options.ratePerSecond, m_options.burst)
    , m_auth(std::make_unique<AuthSession>(network, &m_limiter))
{
    Q_ASSERT(network);
    registerMetaTypes();
    m_auth->setOptions(m_options);
    connect(m_auth.get(), &AuthSession::authenticated, this, &EventApiClient::authenticated);
}

EventApiClient::~EventApiClient()
{
    // No signals from a dying object: the pull goes quietly, before the session it uses.
    m_pull.reset();
    m_auth.reset();
}

void EventApiClient::registerMetaTypes()
{
    qRegisterMetaType<ApiError>();
    qRegisterMetaType<FetchProgress>();
    qRegisterMetaType<EventBatch>();
    qRegisterMetaType<std::vector<QByteArray>>();
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
    m_baseUrl = url.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::StripTrailingSlash);
    m_auth->setBaseUrl(m_baseUrl);
    return ApiError();
}

void EventApiClient::setApplicationToken(const QString &token) { m_auth->setApplicationToken(token); }

bool EventApiClient::hasApplicationToken() const { return m_auth->hasApplicationToken(); }

void EventApiClient::setOptions(const Options &options)
{
    m_options = options;
    m_options.perPage = std::max(1, m_options.perPage);
    m_options.maxInFlight = std::clamp(m_options.maxInFlight, 1, 16);
    m_options.maxRetries = std::max(0, m_options.maxRetries);
    m_options.maxRateLimitRetries = std::max(0, m_options.maxRateLimitRetries);
    m_options.minAuthIntervalMs = std::max(0, m_options.minAuthIntervalMs);
    m_options.maxPageBytes = std::max<qint64>(1024, m_options.maxPageBytes);
    m_limiter = RateLimiter(m_options.ratePerSecond, m_options.burst);
    m_auth->setOptions(m_options);
}

QString EventApiClient::organisation() const { return m_auth->organisation(); }

QString EventApiClient::organisationName() const { return m_auth->organisationName(); }

void EventApiClient::authenticate()
{
    if (m_baseUrl.isEmpty() || !m_auth->hasApplicationToken()) {
        const ApiError error = m_baseUrl.isEmpty()
            ? ApiError(ApiError::Kind::InvalidUrl, QStringLiteral("no API URL set"))
            : ApiError(ApiError::Kind::Authentication, QStringLiteral("no application token set"));
        QMetaObject::invokeMethod(
            this, [this, error] { Q_EMIT authenticationFailed(error); }, Qt::QueuedConnection);
        return;
    }
    if (m_auth->tokenUsable()) { // nothing new to adopt: say so as a fresh token would
        QMetaObject::invokeMethod(this, &EventApiClient::authenticated, Qt::QueuedConnection);
        return;
    }
    // A new token emits authenticated() (forwarded from the session, as for any pull's token).
    m_auth->withToken(
        this, [] {}, [this](const ApiError &error) { Q_EMIT authenticationFailed(error); });
}

FetchProgress EventApiClient::progress() const { return m_pull ? m_pull->progress() : FetchProgress(); }

void EventApiClient::fetch(const EventQuery &query, const EventScope &scope, const QString &sort)
{
    if (m_pull)
        cancel();
    m_pull = std::make_unique<EventPull>(
        m_network, m_auth.get(), &m_limiter, m_options, m_baseUrl, query, scope, sort);
    EventPull *pull = m_pull.get();
    connect(pull, &EventPull::eventsReceived, this, &EventApiClient::eventsReceived);
    connect(pull, &EventPull::progressChanged, this, &EventApiClient::progressChanged);
    connect(pull, &EventPull::finished, this, &EventApiClient::onPullFinished);
    if (m_baseUrl.isEmpty() || !m_auth->hasApplicationToken()) {
        const ApiError error = m_baseUrl.isEmpty()
            ? ApiError(ApiError::Kind::InvalidUrl, QStringLiteral("no API URL set"))
            : ApiError(ApiError::Kind::Authentication, QStringLiteral("no application token set"));
        pull->finishLater(error);
        return;
    }
    pull->start();
}

void EventApiClient::cancel()
{
    if (m_pull)
        m_pull->cancel(); // onPullFinished, synchronously
}

void EventApiClient::onPullFinished(const ApiError &error)
{
    // isBusy() is false for the receivers of finished(), which may fetch again at once. The pull
    // is inside its own signal: it goes later.
    std::unique_ptr<EventPull> pull = std::move(m_pull);
    if (!pull)
        return;
    pull->disconnect(this);
    // A child until then, so that a client destroyed first (the CLI's exit) takes its parse
    // watchers with it instead of leaving them to a QCoreApplication that is gone.
    pull->setParent(this);
    pull.release()->deleteLater();
    Q_EMIT finished(error);
}
