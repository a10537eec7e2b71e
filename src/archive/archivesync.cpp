// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "archive/archivesync.h"

#include "api/eventapiclient.h"
#include "archive/archivestore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QTimer>

#include <algorithm>

ArchiveSync::ArchiveSync(EventApiClient *client, ArchiveStore *archive, QObject *parent)
    : QObject(parent), m_client(client), m_archive(archive)
{
}

ArchiveSync::~ArchiveSync()
{
    disconnectClient();
}

bool ArchiveSync::isUnfiltered(const EventQuery &query)
{
    EventQuery bare;
    bare.from = query.from;
    bare.until = query.until;
    return query == bare;
}

QList<TimeInterval> ArchiveSync::gapsToPull(const ArchiveCoverage &coverage, TimeInterval range, qint64 nowMs)
{
    const TimeInterval pullable { std::max(range.from, retentionStart(nowMs)), std::min(range.until, nowMs) };
    return coverage.gaps(pullable);
}

QList<TimeInterval> ArchiveSync::beyondRetention(const ArchiveCoverage &coverage, TimeInterval range, qint64 nowMs)
{
    return coverage.gaps({ range.from, std::min(range.until, retentionStart(nowMs)) });
}

void ArchiveSync::start(TimeInterval range, const EventQuery &query, const EventScope &scope, qint64 nowMs)
{
    stop();
    m_query = query;
    m_scope = scope;
    m_marksCoverage = scope.kind == EventScope::Kind::Account && isUnfiltered(query);
    m_added = 0;
    m_writeError = {};
    m_running = true;
    // Coverage is of the whole account: a scoped or filtered sync cannot skip what it covers.
    m_gaps = m_marksCoverage ? gapsToPull(m_archive->coverage(), range, nowMs)
                             : gapsToPull(ArchiveCoverage(), range, nowMs);
    std::reverse(m_gaps.begin(), m_gaps.end()); // newest first
    m_gapIndex = -1;
    m_connections = {
        connect(m_client, &EventApiClient::eventsReceived, this, [this](const EventBatch &batch) { onEvents(batch); }),
        connect(m_client, &EventApiClient::progressChanged, this, &ArchiveSync::progressChanged),
        connect(m_client, &EventApiClient::finished, this, &ArchiveSync::onPullFinished),
    };
    // finished() never inside start(): callers connect after starting too.
    QTimer::singleShot(0, this, [this] {
        if (m_running && m_gapIndex < 0)
            pullNext();
    });
}

void ArchiveSync::stop()
{
    if (!m_running)
        return;
    if (m_client->isBusy() && m_gapIndex >= 0)
        m_client->cancel(); // onPullFinished(Cancelled) runs synchronously
    if (m_running)
        finish(ApiError(ApiError::Kind::Cancelled, tr("The sync was stopped.")));
}

void ArchiveSync::pullNext()
{
    ++m_gapIndex;
    if (m_gapIndex >= m_gaps.size()) {
        finish({});
        return;
    }
    const TimeInterval gap = m_gaps[m_gapIndex];
    m_oldestReceivedMs = gap.until;
    EventQuery query = m_query;
    query.from = QDateTime::fromMSecsSinceEpoch(gap.from, Qt::UTC);
    query.until = QDateTime::fromMSecsSinceEpoch(gap.until, Qt::UTC);
    m_client->fetch(query, m_scope);
}

void ArchiveSync::onEvents(const EventBatch &batch)
{
    if (!m_running || m_gapIndex < 0 || m_gapIndex >= m_gaps.size())
        return;
    const TimeInterval gap = m_gaps[m_gapIndex];
    // Pages come newest first: everything after the oldest event seen so far has been received,
    // except more events at that very millisecond (they may be on the next page).
    for (qsizetype row = 0; row < batch.size(); ++row)
        if (!batch.isDropped(row))
            m_oldestReceivedMs = std::min(m_oldestReceivedMs, batch.timestampMs(row));
    std::optional<TimeInterval> covered;
    if (m_marksCoverage) {
        const TimeInterval done { std::max(gap.from, m_oldestReceivedMs + 1), gap.until };
        if (!done.isEmpty())
            covered = done;
    }
    const qsizetype added = m_archive->write(batch, covered);
    if (added < 0) {
        m_writeError = ApiError(ApiError::Kind::Network, m_archive->lastError());
        m_client->cancel();
        return;
    }
    m_added += added;
    Q_EMIT batchArchived(batch, added);
}

void ArchiveSync::onPullFinished(const ApiError &error)
{
    if (!m_running)
        return;
    if (m_writeError.isError()) {
        finish(m_writeError);
        return;
    }
    if (error.isError()) {
        finish(error);
        return;
    }
    if (m_marksCoverage && !m_archive->markCovered(m_gaps[m_gapIndex])) {
        finish(ApiError(ApiError::Kind::Network, m_archive->lastError()));
        return;
    }
    // The next gap from the event loop: the client is still inside its finished() now.
    QTimer::singleShot(0, this, [this] {
        if (m_running)
            pullNext();
    });
}

void ArchiveSync::finish(const ApiError &error)
{
    m_running = false;
    disconnectClient();
    Q_EMIT finished(error, m_added);
}

void ArchiveSync::disconnectClient()
{
    for (const QMetaObject::Connection &c : std::as_const(m_connections))
        disconnect(c);
    m_connections.clear();
}
