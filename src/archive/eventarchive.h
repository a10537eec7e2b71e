// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "api/eventscope.h"
#include "archive/archiveaccount.h"
#include "archive/archivecoverage.h"
#include "archive/archivestore.h"
#include "archive/timeinterval.h"
#include "model/event.h"
#include "model/eventbatch.h"

#include <QString>

#include <functional>
#include <memory>
#include <optional>
#include <span>

struct sqlite3;
struct sqlite3_stmt;
class WalCheckpointer;

// One SQLite file holding the events of one account, and the spans of time it holds completely.
// Not a QObject; one object is used by one thread at a time; several objects (threads, processes:
// two viewers, a viewer and a sync) may open the same file (WAL: a writer waits for another
// writer up to a busy timeout, readers never block).
//
// Storage: events are kept in chunks of up to ChunkEvents events of one stretch of time (a row
// each, in the form of the EventBatch they were written from: EventBatch::serialize(), its payload
// blocks compressed as they came; the chunk's time range indexed), plus one row per event id for
// de-duplication. Reading a range touches only the chunks that overlap it, and hands each out as
// the EventBatch it holds, for EventStore::append() as it is.
class EventArchive final : public ArchiveStore
{
public:
    static constexpr int SchemaVersion = 2; // 1: chunks of decoded fields (upgraded on open)
    static constexpr int ChunkEvents = 4096;

    using Info = ArchiveStore::Info; // path: the file; bytesOnDisk: the file and its write-ahead log

    ~EventArchive() override;

    // Opens or creates (the file 0600, a folder it creates 0700). A corrupt or foreign file (not
    // SQLite, SQLite of another application, the archive of another account) is refused: moved
    // aside (path + ".corrupt-<UTC time>"), nullptr returned, *error says what happened and where
    // the file went. An archive of a newer schema is refused and left where it is.
    [[nodiscard]] static std::unique_ptr<EventArchive> open(
        const QString &path, const ArchiveAccount &account, QString *error);
    // An existing archive, its account read from the file. Nothing is created, and a file that
    // is refused stays where it is.
    [[nodiscard]] static std::unique_ptr<EventArchive> openExisting(const QString &path, QString *error);

    // One transaction each: the events not archived yet (by id) and, if given, the interval now
    // covered completely. Returns how many were added (archived once this returns), -1 on failure
    // (lastError()). Secret values in payloads are replaced by PayloadSecrets' marker first.
    qsizetype write(const EventBatch &batch, std::optional<TimeInterval> covered = {}) override;
    qsizetype write(std::span<const Event> events, std::optional<TimeInterval> covered = {});
    bool markCovered(TimeInterval covered) override; // an interval that finished without events
    [[nodiscard]] ArchiveCoverage coverage() const override;

    // The events of [range) (of one scope's entity when scope is not Account), chunk by chunk from
    // the newest, each batch newest first and of about pageSize events; the sink returns false to
    // stop. Returns false on failure (lastError()). A User scope of "my" matches no event: the
    // archive does not know whose token it was.
    bool read(TimeInterval range, const EventScope &scope, const std::function<bool(EventBatch &&)> &sink,
        qsizetype pageSize = 10000) const;
    // The same, without the events that do not match filter (EventQueryMatcher: dropped from
    // each batch as it is read).
    bool read(TimeInterval range, const EventScope &scope, const EventQuery &filter,
        const std::function<bool(EventBatch &&)> &sink, qsizetype pageSize = 10000) const override;
    // The events of the chunks that overlap [range): what read() of the range hands out at most,
    // so that a reader can make room for them first (EventStore::reserve). 0 on failure.
    [[nodiscard]] qint64 eventsAtMost(TimeInterval range) const override;
    [[nodiscard]] Info info() const override;
    [[nodiscard]] const ArchiveAccount &account() const override { return m_account; }
    [[nodiscard]] const QString &path() const { return m_path; }
    // Write-ahead log checkpoints done on the archive's own thread so far (tests). Off: SQLite's
    // own, inside the commit that crosses its threshold (what bench_archive compares against).
    [[nodiscard]] int backgroundCheckpoints() const;
    void setBackgroundCheckpoints(bool on);

    // Removes events older than olderThanMs, then the oldest until the file is under maxBytes
    // (0: no limit); coverage shrinks with them. Returns the events removed, -1 on failure. Safe
    // on a worker thread with its own EventArchive object.
    qsizetype prune(qint64 olderThanMs, qint64 maxBytes);
    [[nodiscard]] QString lastError() const override { return m_lastError; }
    [[nodiscard]] std::unique_ptr<ArchiveStore> openAnother(QString *error) const override;

    // Creates the folder of path if missing, 0700 (a folder that exists is left as it is).
    static bool createFolder(const QString &path, QString *error);
    // Deletes the file and its -wal and -shm. True when nothing is left (also when there was none).
    static bool forget(const QString &path, QString *error);

private:
    EventArchive(sqlite3 *db, QString path, ArchiveAccount account);
    [[nodiscard]] static std::unique_ptr<EventArchive> openFile(
        const QString &path, const ArchiveAccount *account, bool create, QString *error);
    qsizetype writeRows(const EventBatch &batch, std::optional<TimeInterval> covered);
    bool storeCoverage(const ArchiveCoverage &coverage);
    bool fail(const QString &what) const; // sets lastError() from SQLite's message, returns false
    qsizetype failCount(const QString &what) const { fail(what); return -1; }
    // The statement of sql kept in *statement, prepared on first use; finalised by the destructor.
    sqlite3_stmt *cached(sqlite3_stmt **statement, const char *sql);

    // Checkpoints the log of m_db's commits; the destructor drops its hook before it goes.
    std::unique_ptr<WalCheckpointer> m_checkpointer;
    sqlite3 *m_db = nullptr;
    QString m_path;
    ArchiveAccount m_account;
    mutable QString m_lastError;
    sqlite3_stmt *m_insertId = nullptr; // the write path's statements, prepared once
    sqlite3_stmt *m_insertChunk = nullptr;
};
