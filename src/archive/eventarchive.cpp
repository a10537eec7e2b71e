// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "archive/eventarchive.h"

#include "api/eventquerymatcher.h"
#include "archive/archivechunk.h"
#include "archive/walcheckpointer.h"
#include "model/eventbatchbuilder.h"
#include "model/payloadsecrets.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <sqlite3.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>

// SQLite through its C API rather than Qt SQL: binding a blob and an integer per event without a
// QVariant each keeps the write path at the rates bench_archive measures, and the C API gives
// the busy timeout, WAL and application_id control the archive needs.

namespace {

// "emEV": what PRAGMA application_id says in every archive, so that another program's SQLite
// file is told apart from ours.
constexpr int ApplicationId = 0x656d4556;
constexpr int BusyTimeoutMs = 30000; // a writer waits this long for another writer

QString tr(const char *text)
{
    return QCoreApplication::translate("EventArchive", text);
}

// A prepared statement, finalised at scope exit; or one the archive keeps (borrowed), reset and
// its bindings cleared at scope exit instead.
class Statement final
{
public:
    Statement(sqlite3 *db, const char *sql) { m_rc = sqlite3_prepare_v2(db, sql, -1, &m_stmt, nullptr); }
    explicit Statement(sqlite3_stmt *borrowed)
        : m_stmt(borrowed)
        , m_rc(borrowed ? SQLITE_OK : SQLITE_ERROR)
        , m_owned(false)
    {
    }
    ~Statement()
    {
        if (m_owned) {
            sqlite3_finalize(m_stmt);
        } else if (m_stmt) {
            sqlite3_reset(m_stmt);
            sqlite3_clear_bindings(m_stmt);
        }
    }
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;
    [[nodiscard]] bool isValid() const { return m_rc == SQLITE_OK && m_stmt; }
    [[nodiscard]] sqlite3_stmt *get() const { return m_stmt; }
    void bind(int i, qint64 value) { sqlite3_bind_int64(m_stmt, i, value); }
    void bind(int i, const QString &text)
    {
        const QByteArray utf8 = text.toUtf8();
        sqlite3_bind_text(m_stmt, i, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
    }
    void bindBlob(int i, std::string_view bytes)
    {
        sqlite3_bind_blob(m_stmt, i, bytes.data(), int(bytes.size()), SQLITE_STATIC);
    }
    int step() { return sqlite3_step(m_stmt); }
    void reset() { sqlite3_reset(m_stmt); }
    [[nodiscard]] qint64 integer(int column) const { return sqlite3_column_int64(m_stmt, column); }
    [[nodiscard]] QString text(int column) const
    {
        return QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column)),
            sqlite3_column_bytes(m_stmt, column));
    }
    [[nodiscard]] std::string_view blob(int column) const
    {
        const void *data = sqlite3_column_blob(m_stmt, column);
        return { static_cast<const char *>(data), size_t(sqlite3_column_bytes(m_stmt, column)) };
    }

private:
    sqlite3_stmt *m_stmt = nullptr;
    int m_rc = SQLITE_ERROR;
    bool m_owned = true;
};

bool exec(sqlite3 *db, const char *sql)
{
    return sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK;
}

// Rolls back unless committed.
class Transaction final
{
public:
    explicit Transaction(sqlite3 *db) : m_db(db) { m_open = exec(db, "BEGIN IMMEDIATE"); }
    ~Transaction()
    {
        if (m_open)
            exec(m_db, "ROLLBACK");
    }
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;
    [[nodiscard]] bool isOpen() const { return m_open; }
    bool commit()
    {
        m_open = false;
        if (exec(m_db, "COMMIT"))
            return true;
        exec(m_db, "ROLLBACK");
        return false;
    }

private:
    sqlite3 *m_db;
    bool m_open = false;
};

const char *const CreateSchema = R"sql(
CREATE TABLE schema_version(version INTEGER NOT NULL);
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE chunk(
    id INTEGER PRIMARY KEY,
    min_ts INTEGER NOT NULL,
    max_ts INTEGER NOT NULL,
    count INTEGER NOT NULL,
    raw_size INTEGER NOT NULL, -- schema 1: the decompressed size; 2: the size of data
    data BLOB NOT NULL); -- schema 1: ArchiveChunk format 1; 2: EventBatch::serialize()
CREATE INDEX chunk_max_ts ON chunk(max_ts);
CREATE INDEX chunk_min_ts ON chunk(min_ts);
CREATE TABLE event_id(id INTEGER PRIMARY KEY);
CREATE TABLE coverage(from_ms INTEGER NOT NULL, until_ms INTEGER NOT NULL);
)sql";

QString metaValue(sqlite3 *db, const char *key)
{
    Statement s(db, "SELECT value FROM meta WHERE key = ?");
    if (!s.isValid())
        return {};
    sqlite3_bind_text(s.get(), 1, key, -1, SQLITE_STATIC);
    return s.step() == SQLITE_ROW ? s.text(0) : QString();
}

bool setMeta(sqlite3 *db, const char *key, const QString &value)
{
    Statement s(db, "INSERT INTO meta(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    if (!s.isValid())
        return false;
    sqlite3_bind_text(s.get(), 1, key, -1, SQLITE_STATIC);
    s.bind(2, value);
    return s.step() == SQLITE_DONE;
}

qint64 pragmaInt(sqlite3 *db, const char *sql, bool *ok = nullptr)
{
    Statement s(db, sql);
    const bool row = s.isValid() && s.step() == SQLITE_ROW;
    if (ok)
        *ok = row;
    return row ? s.integer(0) : 0;
}

qint64 fileSize(const QString &path)
{
    const QFileInfo info(path);
    return info.exists() ? info.size() : 0;
}

// Moves a refused file (and its write-ahead log) out of the way so that it is never overwritten.
QString moveAside(const QString &path, QString *where)
{
    const QString aside = path + QStringLiteral(".corrupt-")
        + QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMddThhmmsszzzZ"));
    if (!QFile::rename(path, aside))
        return tr("it could not be moved aside (%1)").arg(path);
    for (const char *suffix : { "-wal", "-shm" }) {
        const QString side = path + QLatin1StringView(suffix);
        if (QFileInfo::exists(side))
            QFile::rename(side, aside + QLatin1StringView(suffix));
    }
    *where = aside;
    return {};
}

bool isSqliteFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    return file.read(16) == QByteArrayView("SQLite format 3\0", 16);
}

// One chunk row: the rows of the batch (newest first) in the batch's serialised form. False when
// SQLite failed. *redacted: the secret values it replaced.
bool insertChunk(Statement &insert, const EventBatch &batch, std::span<const qsizetype> rows,
    EventBatch::Secrets secrets, qsizetype *redacted = nullptr)
{
    const std::string bytes = batch.serialize(rows, secrets, redacted);
    insert.bind(1, batch.timestampMs(rows.back()));
    insert.bind(2, batch.timestampMs(rows.front()));
    insert.bind(3, qint64(rows.size()));
    insert.bind(4, qint64(bytes.size()));
    insert.bindBlob(5, bytes);
    const bool ok = insert.step() == SQLITE_DONE;
    insert.reset();
    return ok;
}

const char *const InsertChunk = "INSERT INTO chunk(min_ts, max_ts, count, raw_size, data) VALUES(?, ?, ?, ?, ?)";

// Schema 1 to 2: every chunk re-encoded from ArchiveChunk format 1 into the EventBatch form, in
// one transaction (a crash leaves schema 1 as it was; a second process waits and finds it done).
bool upgrade(sqlite3 *db, QString *error)
{
    Transaction t(db);
    if (!t.isOpen()) {
        *error = QString::fromUtf8(sqlite3_errmsg(db));
        return false;
    }
    if (pragmaInt(db, "SELECT max(version) FROM schema_version") >= EventArchive::SchemaVersion)
        return true; // another process did it
    Statement select(db, "SELECT id, raw_size, data FROM chunk");
    Statement update(db, "UPDATE chunk SET raw_size = ?, data = ? WHERE id = ?");
    if (!select.isValid() || !update.isValid()) {
        *error = QString::fromUtf8(sqlite3_errmsg(db));
        return false;
    }
    EventBatchBuilder builder;
    std::vector<qsizetype> rows;
    int rc = SQLITE_ROW;
    while ((rc = select.step()) == SQLITE_ROW) {
        if (!ArchiveChunk::decodeFormat1(select.blob(2), select.integer(1), &builder)) {
            *error = QCoreApplication::translate("EventArchive", "chunk %1 is damaged").arg(select.integer(0));
            return false;
        }
        const EventBatch batch = builder.take();
        rows.resize(size_t(batch.size()));
        for (qsizetype i = 0; i < batch.size(); ++i)
            rows[size_t(i)] = i;
        // Secrets were redacted when the chunk was written.
        const std::string data = batch.serialize(rows);
        update.bind(1, qint64(data.size()));
        update.bindBlob(2, data);
        update.bind(3, select.integer(0));
        if (update.step() != SQLITE_DONE) {
            *error = QString::fromUtf8(sqlite3_errmsg(db));
            return false;
        }
        update.reset();
    }
    const bool ok = rc == SQLITE_DONE
        && exec(db, ("UPDATE schema_version SET version = " + std::to_string(EventArchive::SchemaVersion)).c_str())
        && t.commit();
    if (!ok)
        *error = QString::fromUtf8(sqlite3_errmsg(db));
    return ok;
}

} // namespace

EventArchive::EventArchive(sqlite3 *db, QString path, ArchiveAccount account)
    : m_checkpointer(std::make_unique<WalCheckpointer>(QFile::encodeName(path))) // before path moves
    , m_db(db)
    , m_path(std::move(path))
    , m_account(std::move(account))
{
    m_checkpointer->install(m_db);
}

EventArchive::~EventArchive()
{
    sqlite3_finalize(m_insertId);
    sqlite3_finalize(m_insertChunk);
    sqlite3_wal_hook(m_db, nullptr, nullptr);
    m_checkpointer.reset();
    sqlite3_close_v2(m_db);
}

int EventArchive::backgroundCheckpoints() const
{
    return m_checkpointer->checkpoints();
}

void EventArchive::setBackgroundCheckpoints(bool on)
{
    if (on)
        m_checkpointer->install(m_db);
    else
        WalCheckpointer::uninstall(m_db);
}

sqlite3_stmt *EventArchive::cached(sqlite3_stmt **statement, const char *sql)
{
    if (!*statement)
        sqlite3_prepare_v3(m_db, sql, -1, SQLITE_PREPARE_PERSISTENT, statement, nullptr);
    return *statement;
}

bool EventArchive::fail(const QString &what) const
{
    m_lastError = tr("%1 (%2): %3").arg(what, m_path, QString::fromUtf8(sqlite3_errmsg(m_db)));
    return false;
}

std::unique_ptr<EventArchive> EventArchive::open(const QString &path, const ArchiveAccount &account, QString *error)
{
    return openFile(path, &account, true, error);
}

std::unique_ptr<EventArchive> EventArchive::openExisting(const QString &path, QString *error)
{
    return openFile(path, nullptr, false, error);
}

std::unique_ptr<EventArchive> EventArchive::openFile(
    const QString &path, const ArchiveAccount *account, bool create, QString *error)
{
    QString ignored;
    QString &err = error ? *error : ignored;
    const QFileInfo info(path);
    if (!info.exists()) {
        if (!create) {
            err = tr("There is no archive at %1.").arg(path);
            return nullptr;
        }
        if (!createFolder(path, &err))
            return nullptr;
        // Created 0600 before SQLite opens it; SQLite gives its -wal and -shm the same mode.
        const int fd = ::open(QFile::encodeName(path).constData(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
        if (fd < 0 && errno != EEXIST) {
            err = tr("Cannot create the archive %1: %2").arg(path, QString::fromLocal8Bit(strerror(errno)));
            return nullptr;
        }
        if (fd >= 0)
            ::close(fd);
    } else if (info.isDir()) {
        err = tr("%1 is a folder, not an archive.").arg(path);
        return nullptr;
    }

    auto refuse = [&](const QString &why) -> std::unique_ptr<EventArchive> {
        // Only open() moves the file aside, to start the account's archive there; openExisting()
        // (reading, say for `archive info`) leaves it where it is.
        if (!create) {
            err = tr("%1 was refused: %2.").arg(path, why);
            return nullptr;
        }
        QString where;
        const QString moveError = moveAside(path, &where);
        err = moveError.isEmpty() ? tr("%1 was refused: %2. It was moved to %3; a new archive starts there.")
                                        .arg(path, why, where)
                                  : tr("%1 was refused: %2; %3.").arg(path, why, moveError);
        return nullptr;
    };

    if (fileSize(path) > 0 && !isSqliteFile(path))
        return refuse(tr("it is not an SQLite database"));

    sqlite3 *db = nullptr;
    const QByteArray nativePath = QFile::encodeName(path);
    if (sqlite3_open_v2(nativePath.constData(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr)
        != SQLITE_OK) {
        err = tr("Cannot open the archive %1: %2").arg(path, QString::fromUtf8(sqlite3_errmsg(db)));
        sqlite3_close_v2(db);
        return nullptr;
    }
    auto closeAndRefuse = [&](const QString &why) {
        sqlite3_close_v2(db);
        db = nullptr;
        return refuse(why);
    };
    sqlite3_busy_timeout(db, BusyTimeoutMs);

    bool ok = false;
    const qint64 applicationId = pragmaInt(db, "PRAGMA application_id", &ok);
    if (!ok) {
        const int code = sqlite3_errcode(db);
        if (code == SQLITE_NOTADB || code == SQLITE_CORRUPT)
            return closeAndRefuse(tr("it is damaged (%1)").arg(QString::fromUtf8(sqlite3_errmsg(db))));
        err = tr("Cannot read the archive %1: %2").arg(path, QString::fromUtf8(sqlite3_errmsg(db)));
        sqlite3_close_v2(db);
        return nullptr;
    }
    const qint64 tables = pragmaInt(db, "SELECT count(*) FROM sqlite_master", &ok);
    if (!ok)
        return closeAndRefuse(tr("it is damaged (%1)").arg(QString::fromUtf8(sqlite3_errmsg(db))));
    if (applicationId != ApplicationId && (applicationId != 0 || tables > 0))
        return closeAndRefuse(tr("it is the SQLite database of another application"));

    if (tables == 0) {
        if (!create || !account) {
            sqlite3_close_v2(db);
            err = tr("%1 is an empty file, not an archive.").arg(path);
            return nullptr;
        }
        // Set up a new file. Outside a transaction: these two cannot change inside one.
        exec(db, "PRAGMA auto_vacuum = INCREMENTAL");
        exec(db, "PRAGMA journal_mode = WAL");
        Transaction t(db);
        // Another process may have set the file up since we looked.
        const bool stillEmpty = t.isOpen() && pragmaInt(db, "SELECT count(*) FROM sqlite_master") == 0;
        if (stillEmpty) {
            const bool created = exec(db, CreateSchema)
                && exec(db, ("PRAGMA application_id = " + std::to_string(ApplicationId)).c_str())
                && exec(db, ("INSERT INTO schema_version(version) VALUES(" + std::to_string(SchemaVersion) + ")").c_str())
                && setMeta(db, "api_url", account->apiUrl.toString()) && setMeta(db, "organisation", account->organisation)
                && setMeta(db, "label", account->label)
                && setMeta(db, "redaction",
                    QStringLiteral("Secret values in payloads are replaced by \"%1\" (PayloadSecrets).")
                        .arg(PayloadSecrets::RedactedMarker))
                && setMeta(db, "redacted_values", QStringLiteral("0")) && t.commit();
            if (!created) {
                err = tr("Cannot create the archive %1: %2").arg(path, QString::fromUtf8(sqlite3_errmsg(db)));
                sqlite3_close_v2(db);
                return nullptr;
            }
        }
    }

    const qint64 version = pragmaInt(db, "SELECT max(version) FROM schema_version", &ok);
    if (!ok)
        return closeAndRefuse(tr("it is damaged (%1)").arg(QString::fromUtf8(sqlite3_errmsg(db))));
    if (version > SchemaVersion) {
        sqlite3_close_v2(db);
        err = tr("%1 was written by a newer version of this program (archive format %2; this version reads "
                 "up to %3). Update the program to open it; the file was left as it is.")
                  .arg(path)
                  .arg(version)
                  .arg(SchemaVersion);
        return nullptr;
    }

    if (version < SchemaVersion && !upgrade(db, &err)) {
        sqlite3_close_v2(db);
        err = tr("Cannot upgrade the archive %1 to this version's format: %2. The file was left as it is.")
                  .arg(path, err);
        return nullptr;
    }

    ArchiveAccount stored;
    stored.apiUrl = QUrl(metaValue(db, "api_url"));
    stored.organisation = metaValue(db, "organisation");
    stored.label = metaValue(db, "label");
    if (account && !stored.isSameAccount(*account))
        return closeAndRefuse(tr("it holds the events of another account (%1, organisation %2)")
                                  .arg(stored.apiUrl.toString(), stored.organisation));
    // WAL with synchronous=NORMAL: a commit survives the process being killed (what the crash
    // test checks); only a power cut may lose the last transactions, never corrupt the file.
    exec(db, "PRAGMA journal_mode = WAL");
    exec(db, "PRAGMA synchronous = NORMAL");
    if (account && account->label != stored.label && !account->label.isEmpty()) {
        setMeta(db, "label", account->label);
        stored.label = account->label;
    }
    return std::unique_ptr<EventArchive>(new EventArchive(db, path, stored));
}

qsizetype EventArchive::write(std::span<const Event> events, std::optional<TimeInterval> covered)
{
    return write(EventBatchBuilder::build(events), covered);
}

qsizetype EventArchive::write(const EventBatch &batch, std::optional<TimeInterval> covered)
{
    Transaction t(m_db);
    if (!t.isOpen())
        return failCount(tr("Cannot write to the archive"));
    const qsizetype added = writeRows(batch, covered);
    if (added < 0)
        return -1;
    if (!t.commit())
        return failCount(tr("Cannot write to the archive"));
    return added;
}

qsizetype EventArchive::writeRows(const EventBatch &batch, std::optional<TimeInterval> covered)
{
    // Newest first inside a chunk, as reads hand events out. A page comes newest first from the
    // API (or oldest first: reversed); either way the payload blocks stay whole and are copied.
    std::vector<qsizetype> live;
    live.reserve(size_t(batch.liveCount()));
    for (qsizetype row = 0; row < batch.size(); ++row) {
        if (!batch.isDropped(row))
            live.push_back(row);
    }
    auto newer = [&](qsizetype a, qsizetype b) { return batch.timestampMs(a) > batch.timestampMs(b); };
    if (!std::is_sorted(live.begin(), live.end(), [&](qsizetype a, qsizetype b) { return newer(a, b); })) {
        if (std::is_sorted(live.begin(), live.end(), [&](qsizetype a, qsizetype b) { return newer(b, a); }))
            std::reverse(live.begin(), live.end());
        else
            std::stable_sort(live.begin(), live.end(), newer);
    }

    Statement insertId(cached(&m_insertId, "INSERT INTO event_id(id) VALUES(?) ON CONFLICT DO NOTHING"));
    if (!insertId.isValid())
        return failCount(tr("Cannot write to the archive"));
    std::vector<qsizetype> fresh;
    fresh.reserve(live.size());
    for (const qsizetype row : live) {
        insertId.bind(1, batch.id(row));
        if (insertId.step() != SQLITE_DONE)
            return failCount(tr("Cannot write to the archive"));
        insertId.reset();
        if (sqlite3_changes(m_db) == 1)
            fresh.push_back(row);
    }

    Statement insert(cached(&m_insertChunk, InsertChunk));
    if (!insert.isValid())
        return failCount(tr("Cannot write to the archive"));
    qsizetype redactedValues = 0;
    for (size_t start = 0; start < fresh.size(); start += ChunkEvents) {
        const size_t end = std::min(fresh.size(), start + size_t(ChunkEvents));
        qsizetype redacted = 0;
        if (!insertChunk(insert, batch, std::span(fresh).subspan(start, end - start), EventBatch::Secrets::Redact,
                &redacted))
            return failCount(tr("Cannot write to the archive"));
        redactedValues += redacted;
    }
    if (redactedValues > 0) {
        Statement s(m_db, "UPDATE meta SET value = CAST(value AS INTEGER) + ? WHERE key = 'redacted_values'");
        s.bind(1, redactedValues);
        if (!s.isValid() || s.step() != SQLITE_DONE)
            return failCount(tr("Cannot write to the archive"));
    }
    if (covered && !covered->isEmpty()) {
        ArchiveCoverage coverage = this->coverage();
        coverage.add(*covered);
        if (!storeCoverage(coverage))
            return -1;
    }
    return qsizetype(fresh.size());
}

bool EventArchive::markCovered(TimeInterval covered)
{
    return write(EventBatch(), covered) >= 0;
}

bool EventArchive::storeCoverage(const ArchiveCoverage &coverage)
{
    if (!exec(m_db, "DELETE FROM coverage"))
        return fail(tr("Cannot write to the archive"));
    Statement s(m_db, "INSERT INTO coverage(from_ms, until_ms) VALUES(?, ?)");
    if (!s.isValid())
        return fail(tr("Cannot write to the archive"));
    for (const TimeInterval &i : coverage.intervals()) {
        s.bind(1, i.from);
        s.bind(2, i.until);
        if (s.step() != SQLITE_DONE)
            return fail(tr("Cannot write to the archive"));
        s.reset();
    }
    return true;
}

ArchiveCoverage EventArchive::coverage() const
{
    ArchiveCoverage coverage;
    Statement s(m_db, "SELECT from_ms, until_ms FROM coverage");
    while (s.isValid() && s.step() == SQLITE_ROW)
        coverage.add({ s.integer(0), s.integer(1) });
    return coverage;
}

bool EventArchive::read(TimeInterval range, const EventScope &scope,
    const std::function<bool(EventBatch &&)> &sink, qsizetype pageSize) const
{
    if (range.isEmpty())
        return true;
    using B = EventBatch;
    B::Table scopeTable = B::TableCount;
    qint64 scopeId = -1;
    switch (scope.kind) {
    case EventScope::Kind::Account:
        break;
    case EventScope::Kind::Endpoint:
        scopeTable = B::Endpoints;
        break;
    case EventScope::Kind::Sim:
        scopeTable = B::Sims;
        break;
    case EventScope::Kind::User:
        scopeTable = B::Users;
        break;
    case EventScope::Kind::Organisation:
        scopeTable = B::Organisations;
        break;
    }
    if (scopeTable != B::TableCount) {
        bool ok = false;
        scopeId = scope.id.toLongLong(&ok);
        if (!ok)
            return true; // "my": no event is known to be the caller's
    }

    // Only the chunks that overlap the range: the index on max_ts finds the newest first. Each
    // goes to the sink as the batch it was written as (no decoding of events, no recompression),
    // the rows outside the range or scope dropped; one larger than pageSize is sliced.
    Statement s(m_db, "SELECT data FROM chunk WHERE max_ts >= ? AND min_ts < ? ORDER BY max_ts DESC, id DESC");
    if (!s.isValid())
        return fail(tr("Cannot read the archive"));
    s.bind(1, range.from);
    s.bind(2, range.until);
    std::vector<qsizetype> live;
    int rc = SQLITE_ROW;
    while ((rc = s.step()) == SQLITE_ROW) {
        std::optional<EventBatch> batch = EventBatch::deserialize(s.blob(0));
        if (!batch) {
            m_lastError = tr("The archive %1 holds a damaged chunk of events.").arg(m_path);
            return false;
        }
        live.clear();
        for (qsizetype i = 0; i < batch->size(); ++i) {
            if (!range.contains(batch->timestampMs(i))
                || (scopeTable != B::TableCount && batch->entityId(scopeTable, i) != scopeId))
                batch->drop(i);
            else
                live.push_back(i);
        }
        if (live.empty())
            continue;
        if (qsizetype(live.size()) <= pageSize) {
            if (!sink(std::move(*batch)))
                return true;
            continue;
        }
        // Slices of the chunk: copies with the rows of the other slices dropped (no compression, and
        // EventStore::append() costs a slice's rows and keys), cut where a payload block ends so
        // that no block goes into a store twice. Chunks of 4,096 events in slices of 1,024 keep
        // the GUI thread's append short (bench_archive: "longest append").
        for (size_t start = 0; start < live.size();) {
            size_t end = std::min(live.size(), start + size_t(pageSize));
            if (end < live.size()) {
                size_t cut = end;
                while (cut > start + 1 && batch->payloadBlock(live[cut]) == batch->payloadBlock(live[cut - 1]))
                    --cut;
                if (cut > start + 1)
                    end = cut; // else a block larger than a page: cut inside it
            }
            EventBatch part = end == live.size() ? std::move(*batch) : *batch; // the last takes it
            for (size_t k = 0; k < live.size(); ++k) {
                if (k < start || k >= end)
                    part.drop(live[k]);
            }
            start = end;
            if (!sink(std::move(part)))
                return true;
        }
    }
    if (rc != SQLITE_DONE)
        return fail(tr("Cannot read the archive"));
    return true;
}

qint64 EventArchive::eventsAtMost(TimeInterval range) const
{
    Statement s(m_db, "SELECT COALESCE(SUM(count), 0) FROM chunk WHERE max_ts >= ? AND min_ts < ?");
    if (!s.isValid())
        return 0;
    s.bind(1, range.from);
    s.bind(2, range.until);
    return s.step() == SQLITE_ROW ? s.integer(0) : 0;
}

EventArchive::Info EventArchive::info() const
{
    Info info;
    info.account = m_account;
    info.path = m_path;
    Statement s(m_db, "SELECT COALESCE(SUM(count), 0), COALESCE(MIN(min_ts), 0), COALESCE(MAX(max_ts), 0) FROM chunk");
    if (s.isValid() && s.step() == SQLITE_ROW) {
        info.events = s.integer(0);
        info.oldestMs = s.integer(1);
        info.newestMs = s.integer(2);
    }
    info.coverage = coverage();
    info.bytesOnDisk = fileSize(m_path) + fileSize(m_path + QStringLiteral("-wal"));
    info.redactedValues = metaValue(m_db, "redacted_values").toLongLong();
    return info;
}

qsizetype EventArchive::prune(qint64 olderThanMs, qint64 maxBytes)
{
    qsizetype removed = 0;
    // Deletes the chunk's events (their ids too) before `before`, re-encoding what stays.
    auto pruneChunk = [&](qint64 rowId, std::string_view data, qint64 before) -> bool {
        const std::optional<EventBatch> chunk = EventBatch::deserialize(data);
        if (!chunk) {
            m_lastError = tr("The archive %1 holds a damaged chunk of events.").arg(m_path);
            return false;
        }
        Statement deleteId(m_db, "DELETE FROM event_id WHERE id = ?");
        std::vector<qsizetype> kept;
        for (qsizetype i = 0; i < chunk->size(); ++i) {
            if (chunk->timestampMs(i) >= before) {
                kept.push_back(i);
                continue;
            }
            deleteId.bind(1, chunk->id(i));
            if (deleteId.step() != SQLITE_DONE)
                return fail(tr("Cannot prune the archive"));
            deleteId.reset();
            ++removed;
        }
        Statement deleteChunk(m_db, "DELETE FROM chunk WHERE id = ?");
        deleteChunk.bind(1, rowId);
        if (deleteChunk.step() != SQLITE_DONE)
            return fail(tr("Cannot prune the archive"));
        if (kept.empty())
            return true;
        Statement insert(m_db, InsertChunk);
        return (insert.isValid() && insertChunk(insert, *chunk, kept, EventBatch::Secrets::Keep))
            || fail(tr("Cannot prune the archive"));
    };
    auto pruneBefore = [&](qint64 before) -> bool {
        Transaction t(m_db);
        if (!t.isOpen())
            return fail(tr("Cannot prune the archive"));
        std::vector<std::pair<qint64, std::string>> chunks;
        {
            Statement s(m_db, "SELECT id, data FROM chunk WHERE min_ts < ?");
            s.bind(1, before);
            while (s.step() == SQLITE_ROW)
                chunks.emplace_back(s.integer(0), std::string(s.blob(1)));
        }
        for (const auto &[rowId, data] : chunks)
            if (!pruneChunk(rowId, data, before))
                return false;
        ArchiveCoverage coverage = this->coverage();
        coverage.removeBefore(before);
        if (!storeCoverage(coverage))
            return false;
        return t.commit() || fail(tr("Cannot prune the archive"));
    };
    auto usedBytes = [&] {
        return (pragmaInt(m_db, "PRAGMA page_count") - pragmaInt(m_db, "PRAGMA freelist_count"))
            * pragmaInt(m_db, "PRAGMA page_size");
    };
    auto shrink = [&] {
        exec(m_db, "PRAGMA incremental_vacuum");
        exec(m_db, "PRAGMA wal_checkpoint(TRUNCATE)");
    };

    if (olderThanMs > 0 && !pruneBefore(olderThanMs))
        return -1;
    if (maxBytes > 0) {
        // The oldest chunks go, enough of them at a time to free the excess (their compressed
        // bytes plus about 16 bytes of id index per event), until the rest fits.
        for (int round = 0; round < 64 && usedBytes() > maxBytes; ++round) {
            const qint64 excess = usedBytes() - maxBytes;
            Statement s(m_db, "SELECT max_ts, length(data) + 16 * count FROM chunk ORDER BY min_ts");
            qint64 freed = 0, until = 0;
            bool any = false;
            while (s.step() == SQLITE_ROW && freed < excess) {
                until = s.integer(0) + 1;
                freed += s.integer(1);
                any = true;
            }
            if (!any)
                break;
            if (!pruneBefore(until))
                return -1;
            shrink();
        }
    }
    shrink();
    return removed;
}

bool EventArchive::createFolder(const QString &path, QString *error)
{
    const QDir folder = QFileInfo(path).absoluteDir();
    if (folder.exists())
        return true;
    // Only a folder we create gets 0700: an existing one (say /tmp) is not ours to change.
    if (!QDir().mkpath(folder.absolutePath())) {
        if (error)
            *error = tr("Cannot create the folder %1.").arg(folder.absolutePath());
        return false;
    }
    QFile::setPermissions(folder.absolutePath(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    return true;
}

bool EventArchive::forget(const QString &path, QString *error)
{
    bool ok = true;
    for (const QString &file : { path, path + QStringLiteral("-wal"), path + QStringLiteral("-shm") }) {
        if (QFileInfo::exists(file) && !QFile::remove(file)) {
            ok = false;
            if (error)
                *error = tr("Cannot delete %1.").arg(file);
        }
    }
    return ok;
}

bool EventArchive::read(TimeInterval range, const EventScope &scope, const EventQuery &filter,
    const std::function<bool(EventBatch &&)> &sink, qsizetype pageSize) const
{
    const EventQueryMatcher matcher(filter);
    if (matcher.isEmpty())
        return read(range, scope, sink, pageSize);
    return read(
        range, scope,
        [&](EventBatch &&batch) {
            matcher.dropUnmatched(&batch);
            return batch.liveCount() == 0 || sink(std::move(batch));
        },
        pageSize);
}

std::unique_ptr<ArchiveStore> EventArchive::openAnother(QString *error) const
{
    return openExisting(m_path, error);
}
