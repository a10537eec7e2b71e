// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>

#include <condition_variable>
#include <mutex>
#include <thread>

struct sqlite3;

// Copies a writer's write-ahead log back into the database file on a thread of its own, so that a
// sync's commits do not wait for it. SQLite's own automatic checkpoint runs inside the commit that
// crosses its threshold: a page written then took 3 to 4 times as long as the others (bench_archive).
//
// install() replaces the writer connection's automatic checkpoint by a hook: past
// BackgroundPages pages in the log a passive checkpoint (it never blocks the writer nor readers)
// is asked of this thread, on its own connection; past ForegroundPages (the thread cannot keep
// up, or readers hold old snapshots) the commit checkpoints itself, as SQLite would, so that the
// log stays bounded. The thread starts at the first request.
class WalCheckpointer final
{
public:
    static constexpr int BackgroundPages = 1000; // SQLite's default threshold: 4 MB at 4 KB pages
    static constexpr int ForegroundPages = 16000;

    explicit WalCheckpointer(QByteArray nativePath);
    ~WalCheckpointer(); // waits for a checkpoint under way
    WalCheckpointer(const WalCheckpointer &) = delete;
    WalCheckpointer &operator=(const WalCheckpointer &) = delete;

    // Hooks db (the writer's connection, which must outlive the hook or drop it) to this object.
    void install(sqlite3 *db);
    // Back to SQLite's automatic checkpoint inside the commit (the baseline bench_archive measures).
    static void uninstall(sqlite3 *db);
    // Checkpoints by the thread that copied pages into the file, so far (tests).
    [[nodiscard]] int checkpoints() const;

private:
    static int onCommit(void *self, sqlite3 *db, const char *schema, int pages);
    void request();
    void run();

    const QByteArray m_path;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_requested = false;
    bool m_stopping = false;
    int m_checkpoints = 0;
    std::thread m_thread;
};
