// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "api/apierror.h"
#include "api/eventquery.h"
#include "api/eventscope.h"
#include "api/fetchprogress.h"
#include "archive/archivecoverage.h"
#include "archive/timeinterval.h"
#include "model/eventbatch.h"

#include <QList>
#include <QMetaObject>
#include <QObject>

class EventApiClient;
class ArchiveStore;

// The one incremental sync, used by `emnify-events sync` and by the viewer's session (lives on
// the thread of its client). Pulls each gap of the range that is not covered and lies inside the
// API's retention (RetentionMs before now), newest gap first, writes every batch to the archive
// as it arrives, and marks coverage: a gap read completely is covered; a gap that failed or was
// stopped covers only what finished (pages arrive newest first, sort "-timestamp,id": after
// events down to time t were received, [t + 1, until) is covered, because more events at t may
// follow). A scoped sync (scope not Account) or one with a filter in the query archives its
// events but marks no coverage: it did not see every event of the account.
class ArchiveSync final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ArchiveSync)

public:
    static constexpr qint64 RetentionMs = 30LL * 24 * 3600 * 1000; // the API keeps 30 days

    // client, archive: not owned, must outlive the sync. While it runs the sync owns the client's
    // fetch (it listens to every eventsReceived/finished): start no other fetch on that client.
    ArchiveSync(EventApiClient *client, ArchiveStore *archive, QObject *parent = nullptr);
    ~ArchiveSync() override;

    // Ends with finished() exactly once (never inside start()). The query's from/until are
    // replaced by each gap's.
    void start(TimeInterval range, const EventQuery &query, const EventScope &scope, qint64 nowMs);
    void stop(); // finished(Cancelled) follows synchronously when running
    [[nodiscard]] bool isRunning() const { return m_running; }
    [[nodiscard]] qsizetype added() const { return m_added; }
    // The intervals the running or last sync pulls (newest first).
    [[nodiscard]] const QList<TimeInterval> &plannedGaps() const { return m_gaps; }

    [[nodiscard]] static qint64 retentionStart(qint64 nowMs) { return nowMs - RetentionMs; }
    // The parts of range not covered, inside retention and not after now; oldest first.
    [[nodiscard]] static QList<TimeInterval> gapsToPull(
        const ArchiveCoverage &coverage, TimeInterval range, qint64 nowMs);
    // The parts of range not covered and older than the retention: missing for good.
    [[nodiscard]] static QList<TimeInterval> beyondRetention(
        const ArchiveCoverage &coverage, TimeInterval range, qint64 nowMs);
    // True when the query asks for every event (no filter besides the time range).
    [[nodiscard]] static bool isUnfiltered(const EventQuery &query);

Q_SIGNALS:
    void batchArchived(const EventBatch &batch, qsizetype added); // after its transaction committed
    void progressChanged(const FetchProgress &progress);
    void finished(const ApiError &error, qsizetype added);

private:
    void pullNext();
    void onEvents(const EventBatch &batch);
    void onPullFinished(const ApiError &error);
    void finish(const ApiError &error);
    void disconnectClient();

    EventApiClient *m_client;
    ArchiveStore *m_archive;
    EventQuery m_query;
    EventScope m_scope;
    bool m_marksCoverage = false;
    bool m_running = false;
    QList<TimeInterval> m_gaps; // newest first
    qsizetype m_gapIndex = -1;
    qint64 m_oldestReceivedMs = 0; // in the current gap
    qsizetype m_added = 0;
    ApiError m_writeError;
    QList<QMetaObject::Connection> m_connections;
};
