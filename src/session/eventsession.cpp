// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "session/eventsession.h"

#include "api/eventapiclient.h"
#include "archive/archivesync.h"
#include "archive/archivestore.h"
#include "model/workerpools.h"
#include "table/eventtablemodel.h"

#include <QDateTime>
#include <QThreadPool>

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

namespace {

// A range that ends this close to the time it was asked for reaches up to now: follow mode
// extends it. A custom range that ended earlier stays as it is.
constexpr qint64 FollowableSlackMs = 60'000;

// Archived rows reach the table in batches of about this many (slices of the archive's chunks of
// 4,096, EventArchive::read): one append takes a millisecond or two, and on a loaded machine, where
// a whole chunk's append took 19-32 ms (bench_archive), a slice's still stays under a frame.
constexpr qsizetype ArchiveBatchEvents = 1024;

// The range of a "last 30 days" read starts a few milliseconds before the retention does by the
// time the sync asks: a sliver that short is not "missing for good".
constexpr qint64 RetentionSlackMs = 60'000;

// Polls refused for these reasons wait longer before the next one: the server is loaded or gone.
bool backsOff(const ApiError &error)
{
    const int status = error.httpStatus();
    return status == 429 || status >= 500 || error.kind() == ApiError::Kind::Network
        || error.kind() == ApiError::Kind::Timeout;
}

} // namespace

EventSession::EventSession(EventApiClient *client, EventTableModel *model, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_model(model)
{
    // With an archive the client's signals reach the session through ArchiveSync only.
    connect(m_client, &EventApiClient::eventsReceived, this,
        [this](const EventBatch &batch, const std::vector<QByteArray> &) {
            if (!m_sync)
                onBatch(batch);
        });
    connect(m_client, &EventApiClient::progressChanged, this, [this](const FetchProgress &progress) {
        if (!m_sync)
            onProgress(progress);
    });
    connect(m_client, &EventApiClient::finished, this, [this](const ApiError &error) {
        if (!m_sync)
            onFinished(error);
    });
    m_followTimer.setSingleShot(true);
    connect(&m_followTimer, &QTimer::timeout, this, &EventSession::pollNow);
    connect(m_model, &EventTableModel::storeRowsAppended, this, &EventSession::onStoreRowsAppended);
    connect(m_model, &EventTableModel::storeCleared, this, &EventSession::onStoreCleared);
}

EventSession::~EventSession()
{
    cancelArchiveRead(); // its worker posts to this object
    if (m_sync)
        m_sync->disconnect(this);
}

void EventSession::setArchive(ArchiveStore *archive)
{
    if (m_archiveOnly)
        leaveArchiveOnly(); // another account's archive: the team archive is closed
    if (archive == m_archive)
        return;
    stop();
    cancelArchiveRead();
    m_sync.reset();
    m_archive = archive;
    if (!archive)
        return;
    m_sync = std::make_unique<ArchiveSync>(m_client, archive);
    connect(m_sync.get(), &ArchiveSync::batchArchived, this,
        [this](const EventBatch &batch, qsizetype) { onBatch(batch); });
    connect(m_sync.get(), &ArchiveSync::progressChanged, this, &EventSession::onProgress);
    connect(m_sync.get(), &ArchiveSync::finished, this,
        [this](const ApiError &error, qsizetype) { onFinished(error); });
}

void EventSession::useArchiveOnly(ArchiveStore *archive, const QString &label, qsizetype rowLimit)
{
    leaveArchiveOnly();
    stop();
    cancelArchiveRead();
    m_sync.reset();
    m_client->cancel();
    setFollowing(false);
    m_apiPending = false;
    m_missing.reset();
    m_archive = archive;
    m_archiveOnly = true;
    m_rowLimit = std::max<qsizetype>(1, rowLimit);
    m_limitedTotal.reset();
    m_archiveSyncedUntilMs.reset();
    m_accountLabel = label;
    m_lastError = {};
    m_archiveError.clear();
    setState(State::Idle);
}

void EventSession::leaveArchiveOnly()
{
    if (!m_archiveOnly)
        return;
    stop();
    cancelArchiveRead();
    m_archive = nullptr;
    m_archiveOnly = false;
    m_limitedTotal.reset();
    m_accountLabel.clear();
    setState(State::Disconnected);
}

ApiError EventSession::connectTo(const QUrl &baseUrl, const QString &token, const QString &accountLabel)
{
    leaveArchiveOnly(); // an account of the API in place of the team archive
    // Account labels are unique (ConnectionFlow): the same one is the account whose archive shows.
    const bool continues = isWaitingForApi() && accountLabel == m_accountLabel;
    m_apiPending = false;
    if (!continues)
        stop(); // an archive read or a sync of the previous account ends here
    m_client->cancel();
    m_missing.reset();
    const ApiError error = m_client->setBaseUrl(baseUrl);
    if (error.isError()) {
        if (continues) {
            cancelArchiveRead();
            m_activity = Activity::None;
        }
        m_accountLabel.clear();
        m_lastError = error;
        setState(State::Disconnected);
        return error;
    }
    m_client->setApplicationToken(token);
    m_accountLabel = accountLabel.isEmpty() ? baseUrl.host() : accountLabel;
    m_lastError = {};
    if (continues) {
        if (!m_archiveRead)
            fetch(Activity::Load, m_reading); // else onArchiveRead() does, when the archive is read
        return {};
    }
    setState(State::Idle);
    return {};
}

void EventSession::connectToArchiveOnly(const QString &accountLabel)
{
    stop();
    m_client->cancel();
    m_missing.reset();
    m_accountLabel = accountLabel;
    m_lastError = {};
    m_apiPending = true;
    setState(State::Idle);
}

void EventSession::load(const ViewRequest &request)
{
    m_model->clear();
    m_reserved = 0;
    start(request);
}

void EventSession::refresh(const ViewRequest &request) { start(request); }

void EventSession::stop()
{
    m_followTimer.stop();
    if (m_archiveRead || isWaitingForApi()) {
        // The load had not reached the API yet: it ends here with what the archive gave so far.
        cancelArchiveRead();
        onFinished(ApiError(ApiError::Kind::Cancelled, QStringLiteral("cancelled")));
    } else if (m_sync && m_sync->isRunning()) {
        m_sync->stop(); // finished(Cancelled) follows synchronously
    } else if (!m_sync && m_client->isBusy()) {
        m_client->cancel(); // finished(Cancelled) follows synchronously
    }
}

void EventSession::start(const ViewRequest &request)
{
    if (!isConnected())
        return;
    stop(); // the running read's finished(Cancelled) arrives now, before this read's state is set
    m_request = request;
    m_requestedAtMs = QDateTime::currentMSecsSinceEpoch();
    m_interval = request.interval;
    m_followFromMs = request.interval.second;
    m_followBackoff = 1;
    m_missing.reset();
    m_claimedTotal = -1;
    m_lastError = {};
    m_progress = {};
    m_beyondRetention.clear();
    m_model->setNow(QDateTime::currentDateTimeUtc());
    setState(State::Loading);
    if (!m_archive) {
        fetch(Activity::Load, request.interval);
        return;
    }
    m_activity = Activity::Load;
    m_reading = request.interval;
    m_limitedTotal.reset();
    readArchive();
}

void EventSession::readArchive()
{
    auto read = std::make_shared<ArchiveRead>();
    auto done = std::make_shared<std::promise<void>>();
    read->done = done->get_future();
    m_archiveRead = read;
    const quint64 generation = ++m_archiveGeneration;
    const ArchiveStore *store = m_archive;
    const TimeInterval range { m_reading.first, m_reading.second };
    const EventScope scope = m_request.scope;
    // Archive-only: the request's filter is the read's (SQL), and the row limit ends it. Otherwise
    // the archive hands out the whole range and the sync reads the API with the filter.
    EventQuery filter;
    if (m_archiveOnly) {
        filter = m_request.query;
        filter.from = filter.until = QDateTime();
    }
    const bool archiveOnly = m_archiveOnly;
    const qsizetype limit = archiveOnly ? m_rowLimit : std::numeric_limits<qsizetype>::max();
    // The worker opens its own connection: an archive object is used by one thread at a time (store
    // is only asked for another, and setArchive() waits for this read first). It posts to this
    // object, which waits for it before it goes (cancelArchiveRead()).
    WorkerPools::current().jobs()->start([this, read, done, generation, store, range, scope, filter, archiveOnly, limit] {
        ArchiveReadEnd end;
        QString &error = end.error;
        const std::unique_ptr<ArchiveStore> archive = store->openAnother(&error);
        if (archive) {
            // Room for the rows first: appends that never grow the store (a million rows a
            // second, bench_archive) instead of a pause at every doubling.
            const qint64 atMost = std::min<qint64>(archive->eventsAtMost(range), limit);
            QMetaObject::invokeMethod(
                this,
                [this, generation, atMost] {
                    if (generation == m_archiveGeneration && atMost > 0)
                        m_model->reserve(m_model->store().size() + qsizetype(atMost));
                },
                Qt::QueuedConnection);
            qsizetype delivered = 0;
            bool cut = false;
            const bool ok = archive->read(
                range, scope, filter,
                [&](EventBatch &&batch) {
                    if (read->cancelled)
                        return false;
                    // Rows come newest first: beyond the limit, the oldest of this batch go.
                    for (qsizetype row = batch.size() - 1; row >= 0 && delivered + batch.liveCount() > limit; --row) {
                        if (!batch.isDropped(row))
                            batch.drop(row);
                        cut = true;
                    }
                    delivered += batch.liveCount();
                    if (batch.liveCount() == 0)
                        return !cut && !read->cancelled;
                    auto shared = std::make_shared<EventBatch>(std::move(batch));
                    QMetaObject::invokeMethod(
                        this, [this, generation, shared] { onArchiveBatch(generation, shared); },
                        Qt::QueuedConnection);
                    return !cut && !read->cancelled;
                },
                ArchiveBatchEvents);
            if (!ok && !read->cancelled)
                error = archive->lastError();
            else if (ok && cut && !read->cancelled)
                end.limitedTotal = archive->count(range, scope, filter); // one query, after the rows are in
            if (ok && archiveOnly)
                end.syncedUntilMs = archive->coverage().newest();
        }
        QMetaObject::invokeMethod(
            this, [this, generation, end] { onArchiveRead(generation, end); }, Qt::QueuedConnection);
        done->set_value();
    });
}

void EventSession::onArchiveBatch(quint64 generation, const std::shared_ptr<EventBatch> &batch)
{
    if (generation != m_archiveGeneration)
        return;
    if (m_archiveOnly) {
        m_progress.eventsReceived += batch->liveCount();
        Q_EMIT progressChanged(m_progress);
    }
    deliver(std::move(*batch), Origin::Archive);
}

void EventSession::onArchiveRead(quint64 generation, const ArchiveReadEnd &end)
{
    if (generation != m_archiveGeneration)
        return;
    const QString &error = end.error;
    m_archiveRead.reset();
    m_archiveError = error;
    if (m_archiveOnly) {
        m_limitedTotal = end.limitedTotal;
        if (end.syncedUntilMs)
            m_archiveSyncedUntilMs = end.syncedUntilMs;
        finishArchiveOnly(error);
        return;
    }
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    const TimeInterval range { m_reading.first, m_reading.second };
    for (const TimeInterval &part : ArchiveSync::beyondRetention(m_archive->coverage(), range, nowMs)) {
        if (part.length() >= RetentionSlackMs)
            m_beyondRetention.append(part);
    }
    Q_EMIT archiveReadFinished(m_archivedRows);
    if (m_apiPending)
        return; // connectTo() reads the gaps once the API can be reached
    fetch(Activity::Load, m_reading); // the gaps the API still holds
}

void EventSession::finishArchiveOnly(const QString &error)
{
    m_activity = Activity::None;
    m_missing.reset(); // Retry reads the archive again
    if (error.isEmpty()) {
        setState(State::Loaded);
        Q_EMIT loadFinished({});
        return;
    }
    m_lastError = ApiError(ApiError::Kind::Network, error);
    setState(State::Failed);
    Q_EMIT loadFinished(m_lastError);
}

void EventSession::cancelArchiveRead()
{
    if (!m_archiveRead)
        return;
    m_archiveRead->cancelled = true;
    ++m_archiveGeneration; // what it posted already is dropped
    // It stops at its next batch (milliseconds); it must be gone before this object may be.
    m_archiveRead->done.wait();
    m_archiveRead.reset();
}

void EventSession::retryMissing()
{
    if (!isConnected() || m_apiPending || m_archiveOnly || !m_missing || m_activity != Activity::None)
        return;
    stop();
    const std::pair<qint64, qint64> range = *m_missing;
    m_lastError = {};
    m_progress = {};
    setState(State::Loading);
    fetch(Activity::Retry, range);
}

void EventSession::fetch(Activity activity, std::pair<qint64, qint64> range)
{
    m_activity = activity;
    m_reading = range;
    m_oldestReceivedMs.reset();
    EventQuery query = m_request.query;
    query.from = QDateTime::fromMSecsSinceEpoch(range.first, Qt::UTC);
    query.until = QDateTime::fromMSecsSinceEpoch(range.second, Qt::UTC);
    if (m_sync)
        m_sync->start(TimeInterval { range.first, range.second }, query, m_request.scope,
            QDateTime::currentMSecsSinceEpoch());
    else
        m_client->fetch(query, m_request.scope);
}

void EventSession::onBatch(const EventBatch &batch)
{
    if (m_activity == Activity::None)
        return; // not a read of this session's
    for (qsizetype row = 0; row < batch.size(); ++row) {
        if (!batch.isDropped(row))
            m_oldestReceivedMs
                = std::min(m_oldestReceivedMs.value_or(batch.timestampMs(row)), batch.timestampMs(row));
    }
    if (m_activity == Activity::Poll) {
        if (const qsizetype added = countNew(batch); added > 0)
            Q_EMIT newEventsArrived(added);
    }
    deliver(batch, Origin::Api);
}

void EventSession::deliver(const EventBatch &batch, Origin origin)
{
    if (batch.liveCount() == 0)
        return; // the model takes no empty batch: it would never say it added it
    handOver(batch, origin);
    m_model->appendBatch(batch);
}

void EventSession::deliver(EventBatch &&batch, Origin origin)
{
    if (batch.liveCount() == 0)
        return;
    handOver(batch, origin);
    m_model->appendBatch(std::move(batch));
}

void EventSession::handOver(const EventBatch &batch, Origin origin)
{
    Handed handed { origin, {} };
    handed.ids.reserve(size_t(batch.liveCount()));
    for (qsizetype row = 0; row < batch.size(); ++row) {
        if (!batch.isDropped(row))
            handed.ids.push_back(batch.id(row));
    }
    m_handed.push_back(std::move(handed));
}

void EventSession::onStoreRowsAppended(qsizetype first, qsizetype end)
{
    // The model has just added every batch it held, in the order they were handed over; each
    // added its ids that were new, at the end. When they are all of one origin, so are the rows.
    if (m_handed.empty())
        return; // rows the session did not read (a test's)
    const std::vector<Handed> handed = std::exchange(m_handed, {});
    const bool mixed = std::any_of(
        handed.cbegin(), handed.cend(), [&](const Handed &h) { return h.origin != handed.front().origin; });
    if (!mixed) {
        (handed.front().origin == Origin::Archive ? m_archivedRows : m_apiRows) += end - first;
    } else {
        // A batch's rows are the run from `cursor` up to the last row of one of its ids.
        const EventStore &store = m_model->store();
        qsizetype cursor = first;
        for (const Handed &h : handed) {
            qsizetype last = cursor - 1;
            for (const qint64 id : h.ids)
                last = std::max(last, store.rowOfId(id));
            (h.origin == Origin::Archive ? m_archivedRows : m_apiRows) += last + 1 - cursor;
            cursor = last + 1;
        }
    }
    Q_EMIT rowOriginsChanged();
}

void EventSession::onStoreCleared()
{
    m_handed.clear();
    m_archivedRows = 0;
    m_apiRows = 0;
    Q_EMIT rowOriginsChanged();
}

qsizetype EventSession::countNew(const EventBatch &batch) const
{
    qsizetype added = 0;
    for (qsizetype row = 0; row < batch.size(); ++row)
        added += !batch.isDropped(row) && !m_model->store().containsId(batch.id(row));
    return added;
}

void EventSession::onProgress(const FetchProgress &progress)
{
    if (m_activity == Activity::Poll) {
        m_pollRateLimitHits = progress.rateLimitHits; // the back-off reads it; the window does not
        return;
    }
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
    if (m_activity == Activity::Poll) {
        onPollFinished(error);
        return;
    }
    if (m_state != State::Loading || m_activity == Activity::None)
        return; // a cancel after a connectTo() or an unrelated client use
    if (m_archiveRead)
        return; // the sync of an earlier read ended; this load is still reading the archive
    const Activity activity = std::exchange(m_activity, Activity::None);
    if (!error.isError()) {
        m_missing.reset();
        m_claimedTotal = -1;
        setState(State::Loaded);
    } else {
        // What the read finished is kept; the rest is missing (the coverage rule above).
        const qint64 until
            = m_oldestReceivedMs ? std::min(*m_oldestReceivedMs + 1, m_reading.second) : m_reading.second;
        m_missing
            = until > m_reading.first ? std::optional(std::pair { m_reading.first, until }) : std::nullopt;
        if (m_progress.totalCount >= 0) {
            // A retry's total counts only its own part: the rest is what was shown before it.
            const qint64 before
                = activity == Activity::Retry ? m_model->store().size() - m_progress.eventsReceived : 0;
            m_claimedTotal = before + m_progress.totalCount;
        }
        if (error.kind() == ApiError::Kind::Cancelled) {
            setState(State::Stopped);
        } else {
            m_lastError = error;
            setState(State::Failed);
        }
    }
    Q_EMIT loadFinished(error);
    scheduleFollow();
}

void EventSession::onPollFinished(const ApiError &error)
{
    m_activity = Activity::None;
    if (!error.isError()) {
        // From the moment this poll was sent, not from the end of its second: an event of that
        // second that reaches the server late is asked for once more (the store drops repeats).
        m_followFromMs = m_pollSentMs;
        m_followBackoff = m_pollRateLimitHits > 0 ? m_followBackoff * 2 : 1;
    } else if (backsOff(error)) {
        m_followBackoff *= 2;
    }
    m_followBackoff = std::min(m_followBackoff, MaxFollowIntervalMs / 1000);
    m_pollRateLimitHits = 0;
    Q_EMIT pollFinished(error);
    if (error.kind() == ApiError::Kind::Cancelled || isAccessDenied(error))
        return; // stopped by the user or a new read, or the token is gone: no more polls by themselves
    scheduleFollow();
}

void EventSession::setFollowing(bool following)
{
    if (m_following == following || (following && m_archiveOnly))
        return; // an archive-only view has no API to follow
    m_following = following;
    m_followBackoff = 1;
    if (following) {
        pollNow();
        return;
    }
    m_followTimer.stop();
    if (m_activity == Activity::Poll)
        m_client->cancel();
}

void EventSession::setFollowIntervalMs(int ms)
{
    m_followIntervalMs = std::max(ms, 1);
    if (m_followTimer.isActive())
        m_followTimer.start(followIntervalMs());
}

int EventSession::followIntervalMs() const
{
    const qint64 base = std::max(m_followIntervalMs, minimumFollowIntervalMs(m_client->options()));
    return int(std::min<qint64>(base * m_followBackoff, std::max<qint64>(base, MaxFollowIntervalMs)));
}

int EventSession::minimumFollowIntervalMs(const ApiClientOptions &options)
{
    const double rate = options.ratePerSecond > 0 ? options.ratePerSecond : 1.0;
    return std::max(1000, int(std::ceil(10 * 1000 / rate)));
}

void EventSession::scheduleFollow()
{
    if (m_following && isConnected() && m_activity == Activity::None)
        m_followTimer.start(followIntervalMs());
}

void EventSession::pollNow()
{
    if (!m_following || !isConnected() || m_apiPending || m_archiveOnly || m_activity != Activity::None
        || m_state == State::Idle)
        return;
    m_followTimer.stop();
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    if (m_request.interval.second + FollowableSlackMs < m_requestedAtMs)
        return; // a range that ended before it was asked for has nothing newer to follow
    // Up to the end of this second: what the request asks for (its until is sent in whole
    // seconds, rounded up), so that an event of this very moment is not hidden by the local filter.
    const std::pair<qint64, qint64> range { m_followFromMs, (nowMs / 1000 + 1) * 1000 };
    if (range.second <= range.first) {
        scheduleFollow();
        return;
    }
    m_interval.second = std::max(m_interval.second, range.second);
    m_pollSentMs = nowMs;
    m_model->setNow(
        QDateTime::fromMSecsSinceEpoch(nowMs, Qt::UTC)); // new rows read "0 seconds ago", not "in the future"
    Q_EMIT intervalChanged(); // the local filter takes the new rows in before they arrive
    fetch(Activity::Poll, range);
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
    if (loaded == 0 && m_state == State::Loaded && !m_beyondRetention.isEmpty())
        return Emptiness::BeyondRetention;
    if (loaded == 0 && (m_state == State::Loaded || m_state == State::Stopped))
        return Emptiness::NothingInRange;
    if (loaded > 0 && !m_model->isBusy())
        return Emptiness::AllHidden;
    return Emptiness::None;
}
