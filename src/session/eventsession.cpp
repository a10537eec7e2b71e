// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "session/eventsession.h"

#include "api/eventapiclient.h"
#include "table/eventtablemodel.h"

#include <QDateTime>

EventSession::EventSession(EventApiClient *client, EventTableModel *model, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_model(model)
{
    connect(m_client, &EventApiClient::eventsReceived, this,
        [this](const EventBatch &batch, const std::vector<QByteArray> &) { onBatch(batch); });
    connect(m_client, &EventApiClient::progressChanged, this, &EventSession::onProgress);
    connect(m_client, &EventApiClient::finished, this, &EventSession::onFinished);
}

EventSession::~EventSession() = default;

ApiError EventSession::connectTo(const QUrl &baseUrl, const QString &token, const QString &accountLabel)
{
    m_client->cancel();
    const ApiError error = m_client->setBaseUrl(baseUrl);
    if (error.isError()) {
        m_accountLabel.clear();
        m_lastError = error;
        setState(State::Disconnected);
        return error;
    }
    m_client->setApplicationToken(token);
    m_accountLabel = accountLabel.isEmpty() ? baseUrl.host() : accountLabel;
    m_lastError = {};
    setState(State::Idle);
    return {};
}

void EventSession::load(const ViewRequest &request)
{
    m_model->clear();
    m_reserved = 0;
    start(request);
}

void EventSession::refresh(const ViewRequest &request)
{
    start(request);
}

void EventSession::stop()
{
    if (m_client->isBusy())
        m_client->cancel(); // finished(Cancelled) follows synchronously
}

void EventSession::start(const ViewRequest &request)
{
    if (!isConnected())
        return;
    stop(); // the running read's finished(Cancelled) arrives now, before this read's state is set
    m_interval = request.interval;
    m_lastError = {};
    m_progress = {};
    m_model->setNow(QDateTime::currentDateTimeUtc());
    setState(State::Loading);
    m_client->fetch(request.query, request.scope);
}

void EventSession::onBatch(const EventBatch &batch)
{
    m_model->appendBatch(batch);
}

void EventSession::onProgress(const FetchProgress &progress)
{
    m_progress = progress;
    reserveAhead(progress.totalCount);
    Q_EMIT progressChanged(progress);
}

void EventSession::reserveAhead(qint64 claimedTotal)
{
    // Room for the pull's total (X-Total-Count), so that pages append without pausing to grow the
    // store; but never more than what is loaded plus a bounded step, whatever the server claims.
    if (claimedTotal <= 0)
        return;
    const qsizetype loaded = m_model->store().size();
    const qsizetype wanted = qsizetype(std::min<qint64>(claimedTotal, qint64(loaded) + ReserveStep));
    // Ask again only when the rows have nearly caught up with the room made last time.
    if (wanted <= m_reserved || (m_reserved > 0 && loaded + ReserveStep / 4 < m_reserved))
        return;
    m_model->reserve(wanted);
    m_reserved = wanted;
}

void EventSession::onFinished(const ApiError &error)
{
    if (m_state != State::Loading)
        return; // a cancel after a connectTo() or an unrelated client use
    if (!error.isError()) {
        setState(State::Loaded);
    } else if (error.kind() == ApiError::Kind::Cancelled) {
        setState(State::Stopped);
    } else {
        m_lastError = error;
        setState(State::Failed);
    }
    Q_EMIT loadFinished(error);
}

void EventSession::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

bool EventSession::isAccessDenied(const ApiError &error)
{
    return error.kind() == ApiError::Kind::Authentication || error.httpStatus() == 401
        || error.httpStatus() == 403;
}

EventSession::Emptiness EventSession::emptiness() const
{
    const qsizetype loaded = m_model->store().size();
    if (m_model->rowCount() > 0)
        return Emptiness::None;
    if (!isConnected())
        return Emptiness::NotConnected;
    if (loaded == 0 && m_state == State::Loading)
        return Emptiness::Loading;
    if (loaded == 0 && m_state == State::Failed)
        return isAccessDenied(m_lastError) ? Emptiness::AccessDenied : Emptiness::LoadFailed;
    if (loaded == 0 && (m_state == State::Loaded || m_state == State::Stopped))
        return Emptiness::NothingInRange;
    if (loaded > 0 && !m_model->isBusy())
        return Emptiness::AllHidden;
    return Emptiness::None;
}
