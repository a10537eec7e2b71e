// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "archive/archivestore.h"

#include <QString>
#include <QUrl>

#include <memory>
#include <set>
#include <vector>

struct pg_conn;

// A team's archive in a PostgreSQL database (15 or newer): the same events, coverage and sync as
// the local archive (ArchiveStore), for several accounts (API URL + organisation) in one database.
// One object is one connection, used by one thread at a time.
//
// Through libpq's C API rather than Qt's QPSQL driver: writes need COPY (QPSQL has none, and a
// round trip or a multi-row INSERT per page is several times slower), reads a cursor fetched page
// by page (bounded memory for any result) and results read in place without a QVariant per value.
//
// Schema (created and upgraded by open(); ev_schema holds its version, a newer one is refused):
// ev_account (one row an account), ev_event partitioned by month on ts_ms (partitions created as
// writes need them; unique on account, ts_ms, id: events are immutable), a column for each field
// the viewer filters, sorts or shows and the payload's JSON text as received (detail, and the keys
// the wire format does not define), ev_coverage (the spans held completely) and ev_sync (the last
// sync of each account). Writes: one transaction a page with its coverage; the keys of the page
// already there are looked up, the others COPYed straight into ev_event (a key that another writer
// committed meanwhile makes the primary key refuse the page, which is then written the staged way:
// COPY into a temporary table, INSERT ... ON CONFLICT DO NOTHING). One sync per account: an
// advisory lock held by the syncing connection (released by the server when that process dies,
// also by SIGKILL).
//
// Credentials never come from the URL: a password in it is refused (checkUrl()); libpq reads
// PGPASSWORD, PGPASSFILE or ~/.pgpass, or the caller passes one from the keychain; sslmode is
// honoured (verify-full: a TLS error is fatal).
class TeamArchive final : public ArchiveStore
{
public:
    static constexpr int SchemaVersion = 1;

    // How write() puts a page in. DirectCopy is about twice as fast (bench_teamarchive); Staged is
    // the earlier way, kept as its fallback and for the benchmark's baseline.
    enum class WriteMethod { DirectCopy, Staged };

    ~TeamArchive() override;

    // "postgresql://..." or "postgres://..." (what --archive takes for a team archive).
    [[nodiscard]] static bool isTeamArchiveUrl(QStringView text);
    // Empty when url can be used, else why not (no password in it: say where to put it instead).
    [[nodiscard]] static QString checkUrl(const QString &url);

    // Connects, creates or upgrades the schema, and registers the account. nullptr and *error when
    // the server cannot be reached or refuses, or its schema is newer than this program's.
    // password: one from the keychain (keychainAccount()), else empty for libpq's own (PGPASSWORD,
    // the password file); kept in memory for openAnother().
    [[nodiscard]] static std::unique_ptr<TeamArchive> open(
        const QString &url, const ArchiveAccount &account, QString *error, const QByteArray &password = {});
    // An account the database holds already: the only one, or the only one of apiUrl (when valid).
    // Nothing is created.
    [[nodiscard]] static std::unique_ptr<TeamArchive> openExisting(
        const QString &url, const QUrl &apiUrl, QString *error, const QByteArray &password = {});

    qsizetype write(const EventBatch &batch, std::optional<TimeInterval> covered = {}) override;
    void setWriteMethod(WriteMethod method) { m_writeMethod = method; }
    [[nodiscard]] WriteMethod writeMethod() const { return m_writeMethod; }
    bool markCovered(TimeInterval covered) override;
    [[nodiscard]] ArchiveCoverage coverage() const override;
    // The filter and the scope become the query's WHERE; sink gets pageSize rows a call (the last
    // page fewer), newest first.
    bool read(TimeInterval range, const EventScope &scope, const EventQuery &filter,
        const std::function<bool(EventBatch &&)> &sink, qsizetype pageSize = 10000) const override;
    [[nodiscard]] qint64 count(
        TimeInterval range, const EventScope &scope, const EventQuery &filter) const override;
    [[nodiscard]] Info info() const override;
    [[nodiscard]] const ArchiveAccount &account() const override { return m_account; }
    [[nodiscard]] QString lastError() const override { return m_lastError; }
    [[nodiscard]] std::unique_ptr<ArchiveStore> openAnother(QString *error) const override;

    // The account's sync lock, held until endSync() or the connection ends. False when another
    // sync holds it (*holder: who, since when) or on failure (lastError(); *holder empty).
    bool beginSync(QString *holder);
    void endSync(qsizetype added, const QString &error);

    // How read() gets its rows: one COPY (SELECT ...) TO STDOUT in the binary format, streamed
    // without a round trip a page and cut into pages here (the default; bench_teamarchive); or a
    // cursor's pages, the next one asked for while this one is built, or one after the other (the
    // earlier ways, bench_teamarchive's baselines).
    enum class ReadMode { OnePageAtATime, Pipelined, Copy };
    void setReadMode(ReadMode mode) { m_readMode = mode; }

    // The keychain entry of this URL's password (TokenStore account): the user, host, port and
    // database, no query. The viewer writes it, the viewer and the CLI read it.
    [[nodiscard]] static QString keychainAccount(const QString &url);

    // The URL as shown (no user name, no password).
    [[nodiscard]] static QString displayUrl(const QString &url);

private:
    TeamArchive(pg_conn *connection, QString url, QByteArray password, ArchiveAccount account, int accountId);
    [[nodiscard]] static pg_conn *connect(const QString &url, const QByteArray &password, QString *error);
    [[nodiscard]] static bool migrate(pg_conn *connection, QString *error);
    bool ensurePartitions(qint64 fromMs, qint64 untilMs);
    bool addCoverage(TimeInterval covered);
    // The page without the keys already there, COPYed into ev_event; -1 and *conflict when a key
    // was committed by someone else meanwhile (the transaction is rolled back).
    qsizetype writeDirect(const EventBatch &batch, std::optional<TimeInterval> covered, qint64 oldest,
        qint64 newest, bool *conflict);
    qsizetype writeStaged(const EventBatch &batch, std::optional<TimeInterval> covered);
    // COPY of the rows into table inside the open transaction, sent every flushBytes; false on
    // failure (*conflict: a unique violation).
    bool copyRows(const char *table, const EventBatch &batch, const std::vector<qsizetype> &rows,
        qsizetype flushBytes, qsizetype *redactedValues, bool *conflict);
    // The redaction count and the coverage, then COMMIT; false (rolled back) on failure.
    bool finishWrite(qsizetype redactedValues, std::optional<TimeInterval> covered);
    // read() of select (its parameters in params) in pages of pageSize rows, by m_readMode.
    bool readCopy(const QByteArray &select, const std::vector<QByteArray> &params,
        const std::function<bool(EventBatch &&)> &sink, qsizetype pageSize) const;
    bool readCursor(const QByteArray &select, const std::vector<QByteArray> &params,
        const std::function<bool(EventBatch &&)> &sink, qsizetype pageSize) const;
    bool fail(const QString &what) const; // lastError() from the server's message; returns false
    qsizetype failCount(const QString &what) const
    {
        fail(what);
        return -1;
    }

    pg_conn *m_connection;
    QString m_url;
    QByteArray m_password; // from the keychain, for openAnother(); empty: libpq finds its own
    ArchiveAccount m_account;
    int m_accountId;
    std::set<qint64> m_partitions; // month starts (ms) known to exist
    bool m_staging = false; // the session's staging table exists
    bool m_syncing = false;
    WriteMethod m_writeMethod = WriteMethod::DirectCopy;
    ReadMode m_readMode = ReadMode::Copy;
    mutable QString m_lastError;
};
