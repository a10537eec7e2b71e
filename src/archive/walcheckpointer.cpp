// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "archive/walcheckpointer.h"

#include <QLoggingCategory>

#include <sqlite3.h>

Q_LOGGING_CATEGORY(lcCheckpoint, "eventviewer.archive.checkpoint")

WalCheckpointer::WalCheckpointer(QByteArray nativePath)
    : m_path(std::move(nativePath))
{
}

WalCheckpointer::~WalCheckpointer()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_one();
    if (m_thread.joinable())
        m_thread.join();
}

void WalCheckpointer::install(sqlite3 *db) { sqlite3_wal_hook(db, &WalCheckpointer::onCommit, this); }

void WalCheckpointer::uninstall(sqlite3 *db)
{
    sqlite3_wal_autocheckpoint(db, BackgroundPages); // SQLite's own, in the commit (replaces the hook)
}

int WalCheckpointer::checkpoints() const
{
    const std::lock_guard lock(m_mutex);
    return m_checkpoints;
}

int WalCheckpointer::onCommit(void *self, sqlite3 *db, const char *schema, int pages)
{
    if (pages >= ForegroundPages)
        sqlite3_wal_checkpoint_v2(db, schema, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
    else if (pages >= BackgroundPages)
        static_cast<WalCheckpointer *>(self)->request();
    return SQLITE_OK; // a checkpoint that could not finish is not the commit's failure
}

void WalCheckpointer::request()
{
    {
        const std::lock_guard lock(m_mutex);
        m_requested = true;
        if (!m_thread.joinable())
            m_thread = std::thread([this] { run(); });
    }
    m_wake.notify_one();
}

void WalCheckpointer::run()
{
    sqlite3 *db = nullptr;
    if (sqlite3_open_v2(m_path.constData(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr)
        != SQLITE_OK) {
        qCWarning(lcCheckpoint) << "cannot open the archive for checkpoints:" << sqlite3_errmsg(db);
        sqlite3_close_v2(db);
        return; // the writer's own checkpoint past ForegroundPages still bounds the log
    }
    sqlite3_busy_timeout(db, 0); // passive: never waits, the next request tries again
    // A connection learns that the file is in WAL mode from its first read; until then a
    // checkpoint does nothing. synchronous as the writer has it (EventArchive::openFile).
    sqlite3_exec(db, "PRAGMA journal_mode; PRAGMA synchronous = NORMAL", nullptr, nullptr, nullptr);
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [this] { return m_requested || m_stopping; });
        if (m_stopping)
            break;
        m_requested = false;
        lock.unlock();
        int logPages = 0;
        int copied = 0;
        const int rc = sqlite3_wal_checkpoint_v2(db, nullptr, SQLITE_CHECKPOINT_PASSIVE, &logPages, &copied);
        lock.lock();
        if (rc == SQLITE_OK && copied > 0)
            ++m_checkpoints;
    }
    lock.unlock();
    sqlite3_close_v2(db);
}
