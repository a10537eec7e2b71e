// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "api/apierror.h"
#include "api/fetchprogress.h"
#include "archive/timeinterval.h"
#include "session/viewrequest.h"

#include <QList>

#include <QObject>
#include <QString>
#include <QTimer>
#include <QUrl>

#include <atomic>
#include <future>
#include <memory>
#include <optional>
#include <vector>

struct ApiClientOptions;
class ArchiveSync;
class EventApiClient;
class ArchiveStore;
class EventBatch;
class EventTableModel;

// Where the table's rows come from, and the state of getting them: one object owns the fetch (its
// client, progress, cancel, how much room the store makes, errors) and feeds the table model. The
// window shows what it reports and asks it to load; it never talks to the client itself.
// With an archive of the account, a load shows the archived rows of its range at once (read on a
// worker thread, appended in batches on this one), then ArchiveSync pulls only the parts the
// archive does not cover and that the API still holds; whatever comes from the API goes through
// the archive. Parts neither holds are reported (beyondRetention()), never shown as empty success.
// Besides the load of a request it runs two smaller reads of the same request: a retry of the part
// a failed load did not finish, and follow mode's polls for what is newer than the last read.
// Lives on the GUI thread, with the model and the client.
class EventSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventSession)

public:
    enum class State {
        Disconnected, // no account yet, or its URL was refused
        Idle, // connected, nothing read yet
        Loading,
        Loaded, // the last read finished
        Stopped, // the last read was cancelled
        Failed, // the last read failed: lastError()
    };
    Q_ENUM(State)

    // What an empty table means, for the overlay; None while rows are shown.
    enum class Emptiness {
        None,
        NotConnected,
        Loading,
        AccessDenied, // the token has no access (lastError())
        LoadFailed, // lastError()
        NothingInRange, // read completely, no events
        BeyondRetention, // no events, and (part of) the range is neither archived nor in the API
        AllHidden, // rows are loaded but the local filter hides them all
    };

    // Rows pass through at most this many at a time beyond what has arrived: a server's
    // X-Total-Count is only a claim, and reserving for it at once could take gigabytes.
    static constexpr qsizetype ReserveStep = 1'000'000;
    static constexpr int DefaultFollowIntervalMs = 30'000;
    // Back-off after polls the server refused (429, 5xx, unreachable): the interval doubles up to this.
    static constexpr int MaxFollowIntervalMs = 10 * 60'000;

    // Neither owned; both must outlive the session.
    EventSession(EventApiClient *client, EventTableModel *model, QObject *parent = nullptr);
    ~EventSession() override;

    // Reads from this account from now on (the token is kept in memory only). An invalid URL
    // leaves the session disconnected and returns why.
    // A load of the same account that waits for its API (connectToArchiveOnly()) goes on with the
    // parts its archive lacks instead of starting over.
    ApiError connectTo(const QUrl &baseUrl, const QString &token, const QString &accountLabel);
    // The account's archive before its API can be reached (the demo's simulator is still being
    // prepared): a load shows the archived rows at once and then waits for connectTo() of the
    // same account label.
    void connectToArchiveOnly(const QString &accountLabel);
    // A load shows the archive and waits for the API (see connectToArchiveOnly()).
    [[nodiscard]] bool isWaitingForApi() const { return m_apiPending && m_activity == Activity::Load; }
    [[nodiscard]] bool isConnected() const { return m_state != State::Disconnected; }
    [[nodiscard]] QString accountLabel() const { return m_accountLabel; }
    [[nodiscard]] EventApiClient *client() const { return m_client; }

    // The archive of the connected account, or none: rows from the API only. Not owned; it must
    // outlive the session or be unset first (nullptr). Takes effect with the next load.
    void setArchive(ArchiveStore *archive);
    [[nodiscard]] ArchiveStore *archive() const { return m_archive; }
    // Rows from this archive alone, read-only (a team archive): loads read it with the request's
    // filter pushed down (ViewRequest::pushedDown()), newest first and at most rowLimit rows; no
    // API, no follow mode. Not owned; it must outlive the session or be left first
    // (leaveArchiveOnly(), setArchive() or connectTo()). label names it (the window's title).
    void useArchiveOnly(ArchiveStore *archive, const QString &label, qsizetype rowLimit);
    void leaveArchiveOnly();
    [[nodiscard]] bool isArchiveOnly() const { return m_archiveOnly; }
    [[nodiscard]] qsizetype rowLimit() const { return m_rowLimit; }
    // After a load the row limit cut: how many events the archive holds for it (-1 when it cannot
    // tell); nullopt when the load showed all.
    [[nodiscard]] std::optional<qint64> limitedTotal() const { return m_limitedTotal; }
    // The end of the newest span the archive holds completely, as the last archive-only load found
    // it (a sync may have moved it since the archive was opened); nullopt before one or when none.
    [[nodiscard]] std::optional<qint64> archiveSyncedUntilMs() const { return m_archiveSyncedUntilMs; }
    // Where the table's rows came from: read from the archive, or from the API (loads, retries and
    // follow mode's polls). Counted as the rows enter the store, so together they are always
    // what is loaded (rowOriginsChanged()).
    [[nodiscard]] qsizetype archivedRows() const { return m_archivedRows; }
    [[nodiscard]] qsizetype apiRows() const { return m_apiRows; }
    [[nodiscard]] bool isReadingArchive() const { return m_archiveRead != nullptr; }
    // Why the archive could not be read (the rows then come from the API only); empty when it could.
    [[nodiscard]] const QString &archiveError() const { return m_archiveError; }
    // Parts of the last load's range the archive does not cover and the API no longer holds
    // (older than its retention), oldest first.
    [[nodiscard]] const QList<TimeInterval> &beyondRetention() const { return m_beyondRetention; }

    // Forget what is loaded and read for this request (a new time range or scope).
    void load(const ViewRequest &request);
    // Read again for this request and add what is new (F5).
    void refresh(const ViewRequest &request);
    // After a load that failed part way: read only what it did not finish (see missing()).
    void retryMissing();
    void stop();

    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] const ViewRequest &request() const { return m_request; } // of the last load
    [[nodiscard]] bool isLoading() const { return m_state == State::Loading; }
    [[nodiscard]] const ApiError &lastError() const { return m_lastError; }
    [[nodiscard]] const FetchProgress &progress() const { return m_progress; }
    // [from, until) of the running or last read, ms UTC; {0, 0} before the first. Follow mode
    // moves its end to the time of each poll.
    [[nodiscard]] std::pair<qint64, qint64> interval() const { return m_interval; }
    [[nodiscard]] Emptiness emptiness() const;

    // The part of the interval a failed or stopped load did not finish, [from, until) in ms: pages
    // arrive newest first ("-timestamp,id"), so after events down to time t arrived, (t, until) is
    // complete and [from, t] is not (more events at t may follow). nullopt when nothing is missing.
    [[nodiscard]] std::optional<std::pair<qint64, qint64>> missing() const { return m_missing; }
    // Events the server said the failed load holds (X-Total-Count), -1 when unknown.
    [[nodiscard]] qint64 claimedTotal() const { return m_claimedTotal; }

    // Follow mode: while on, reads what is newer than the last read every followIntervalMs()
    // and appends it (newEventsArrived()). Off by default.
    void setFollowing(bool following);
    [[nodiscard]] bool isFollowing() const { return m_following; }
    void setFollowIntervalMs(int ms); // clamped to minimumFollowIntervalMs()
    // The wait before the next poll: the configured interval, times the back-off after refused polls.
    [[nodiscard]] int followIntervalMs() const;
    // A poll is one request or a few: at most a tenth of the client's rate budget, and never more
    // than once a second.
    [[nodiscard]] static int minimumFollowIntervalMs(const ApiClientOptions &options);
    // Polls now (when following and no other read runs); the timer starts again after it.
    void pollNow();
    [[nodiscard]] bool isPolling() const { return m_activity == Activity::Poll; }

    // A rejected token (401/403, or authentication refused): retrying cannot help.
    [[nodiscard]] static bool isAccessDenied(const ApiError &error);

Q_SIGNALS:
    void stateChanged(EventSession::State state);
    void progressChanged(const FetchProgress &progress);
    void loadFinished(const ApiError &error); // also for Stopped (Kind::Cancelled)
    void intervalChanged(); // follow mode moved the end of interval()
    // A poll delivered events the table did not hold yet (count), before they are appended.
    void newEventsArrived(qsizetype count);
    void pollFinished(const ApiError &error);
    void archiveReadFinished(qsizetype rows); // the archived rows of the load are in the table
    void rowOriginsChanged(); // archivedRows() or apiRows()

private:
    enum class Activity { None, Load, Retry, Poll };
    enum class Origin { Archive, Api };

    void start(const ViewRequest &request);
    void fetch(Activity activity, std::pair<qint64, qint64> range);
    void onBatch(const EventBatch &batch);
    void onProgress(const FetchProgress &progress);
    void onFinished(const ApiError &error);
    void onPollFinished(const ApiError &error);
    void scheduleFollow();
    void setState(State state);
    void reserveAhead(qint64 claimedTotal);
    [[nodiscard]] qsizetype countNew(const EventBatch &batch) const;
    void readArchive();
    void onArchiveBatch(quint64 generation, const std::shared_ptr<EventBatch> &batch);
    struct ArchiveReadEnd
    {
        QString error;
        std::optional<qint64> limitedTotal; // see limitedTotal()
        std::optional<qint64> syncedUntilMs; // archive-only reads: its coverage's newest end
    };
    void onArchiveRead(quint64 generation, const ArchiveReadEnd &end);
    void finishArchiveOnly(const QString &error);
    void cancelArchiveRead();
    void deliver(const EventBatch &batch, Origin origin);
    void deliver(EventBatch &&batch, Origin origin);
    void handOver(const EventBatch &batch, Origin origin);
    void onStoreRowsAppended(qsizetype first, qsizetype end);
    void onStoreCleared();

    EventApiClient *m_client;
    EventTableModel *m_model;
    State m_state = State::Disconnected;
    Activity m_activity = Activity::None;
    QString m_accountLabel;
    ApiError m_lastError;
    FetchProgress m_progress;
    ViewRequest m_request; // of the last load
    qint64 m_requestedAtMs = 0; // when it was asked for
    std::pair<qint64, qint64> m_interval { 0, 0 };
    std::pair<qint64, qint64> m_reading { 0, 0 }; // what the running read asked for
    std::optional<qint64> m_oldestReceivedMs; // of the running read
    std::optional<std::pair<qint64, qint64>> m_missing;
    qint64 m_claimedTotal = -1;
    qsizetype m_reserved = 0; // rows the store has room for, as asked by this session

    struct ArchiveRead
    {
        std::atomic<bool> cancelled { false };
        std::future<void> done;
    };
    ArchiveStore *m_archive = nullptr;
    std::unique_ptr<ArchiveSync> m_sync; // with m_archive: every read from the API goes through it
    std::shared_ptr<ArchiveRead> m_archiveRead; // the running read of the archive, on a worker
    quint64 m_archiveGeneration = 0; // batches of an older read are dropped
    qsizetype m_archivedRows = 0;
    qsizetype m_apiRows = 0;
    // The batches given to the model that it has not added to the store yet (it holds them while a
    // worker reads the store), in order: the store adds them in that order, each its new ids.
    struct Handed
    {
        Origin origin;
        std::vector<qint64> ids;
    };
    std::vector<Handed> m_handed;
    bool m_apiPending = false; // connectToArchiveOnly(): loads wait for connectTo() after the archive
    QList<TimeInterval> m_beyondRetention;
    QString m_archiveError;
    bool m_archiveOnly = false;
    qsizetype m_rowLimit = 0; // in archive-only mode
    std::optional<qint64> m_limitedTotal;
    std::optional<qint64> m_archiveSyncedUntilMs;

    bool m_following = false;
    int m_followIntervalMs = DefaultFollowIntervalMs;
    int m_followBackoff = 1; // multiplies the interval after refused polls
    int m_pollRateLimitHits = 0; // 429 answers the running poll waited out
    qint64 m_followFromMs = 0; // the next poll reads [m_followFromMs, now)
    qint64 m_pollSentMs = 0; // when the running poll was sent
    QTimer m_followTimer;
};
