// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "api/eventjson.h"
#include "api/eventparser.h"
#include "archive/archivechunk.h"
#include "archive/eventarchive.h"
#include "archive/walcheckpointer.h"
#include "model/payloadsecrets.h"
#include "sim/accountgenerator.h"
#include "testdata.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

#include <algorithm>
#include <map>

namespace {

const ArchiveAccount Account { QUrl(QStringLiteral("https://cdn.emnify.net")), QStringLiteral("1234"), QStringLiteral("Acme") };

std::vector<Event> readAll(const EventArchive &archive, TimeInterval range = { 0, std::numeric_limits<qint64>::max() },
    const EventScope &scope = {}, qsizetype pageSize = 10000)
{
    std::vector<Event> events;
    const bool ok = archive.read(range, scope, [&](EventBatch &&batch) {
        for (Event &e : batch.toEvents())
            events.push_back(std::move(e));
        return true;
    }, pageSize);
    if (!ok)
        qWarning() << archive.lastError();
    return events;
}

std::map<qint64, Event> byId(const std::vector<Event> &events)
{
    std::map<qint64, Event> map;
    for (const Event &e : events)
        map.emplace(e.id, e);
    return map;
}

// Runs SQL on a file behind the archive's back (what another program or a newer version does).
bool execOn(const QString &path, const char *sql)
{
    sqlite3 *db = nullptr;
    bool ok = sqlite3_open(QFile::encodeName(path).constData(), &db) == SQLITE_OK
        && sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK;
    sqlite3_close(db);
    return ok;
}

int schemaVersionOf(const QString &path)
{
    sqlite3 *db = nullptr;
    int version = -1;
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_open(QFile::encodeName(path).constData(), &db) == SQLITE_OK
        && sqlite3_prepare_v2(db, "SELECT max(version) FROM schema_version", -1, &stmt, nullptr) == SQLITE_OK
        && sqlite3_step(stmt) == SQLITE_ROW)
        version = sqlite3_column_int(stmt, 0);
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return version;
}

// tests/data/archive-schema1.sqlite, as the version before schema 2 wrote it (users have such
// files): the doc examples (covered: [0, 1000)), then 1,500 events AccountGenerator makes with
// seed 7 up to GeneratedUntilMs, in pages of 1,000 (covered: the day before GeneratedUntilMs).
constexpr qint64 GeneratedUntilMs = 1'764'547'200'000; // 2025-12-01T00:00:00Z
constexpr qint64 Day = 24LL * 3600 * 1000;

// What the schema-1 file holds, read with the format-1 decoder straight from its chunks. (The
// generated events it was made from cannot be made again to compare: the generator's random calls
// in one expression run in an order each compiler chooses; the doc examples are checked as parsed.)
std::vector<Event> schema1EventsInFile(const QString &path)
{
    std::vector<Event> events;
    sqlite3 *db = nullptr;
    if (sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK)
        qFatal("cannot open %s", qPrintable(path));
    sqlite3_stmt *select = nullptr;
    sqlite3_prepare_v2(db, "SELECT raw_size, data FROM chunk", -1, &select, nullptr);
    EventBatchBuilder builder;
    while (select && sqlite3_step(select) == SQLITE_ROW) {
        const std::string_view blob(
            static_cast<const char *>(sqlite3_column_blob(select, 1)), size_t(sqlite3_column_bytes(select, 1)));
        if (!ArchiveChunk::decodeFormat1(blob, sqlite3_column_int64(select, 0), &builder))
            qFatal("a chunk of %s does not decode", qPrintable(path));
        const std::vector<Event> chunk = builder.take().toEvents();
        events.insert(events.end(), chunk.begin(), chunk.end());
    }
    sqlite3_finalize(select);
    sqlite3_close(db);
    return events;
}

QString copySchema1Archive(const QTemporaryDir &dir)
{
    const QString path = dir.filePath(QStringLiteral("old.sqlite"));
    if (!QFile::copy(TestData::path(QStringLiteral("archive-schema1.sqlite")), path))
        qFatal("cannot copy archive-schema1.sqlite");
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    return path;
}

// A new archive a.sqlite in dir (a failure is printed).
std::unique_ptr<EventArchive> openIn(const QTemporaryDir &dir)
{
    QString error;
    auto archive = EventArchive::open(dir.filePath(QStringLiteral("a.sqlite")), Account, &error);
    if (!archive)
        qWarning() << error;
    return archive;
}

QStringList asideFiles(const QString &folder)
{
    return QDir(folder).entryList({ QStringLiteral("*.corrupt-*") }, QDir::Files);
}

} // namespace

class TestEventArchive final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void roundTripIsLossless();
    void secretsAreRedactedAndRecorded();
    void dedupesById();
    void largeWritesKeepEveryEventOnce_data();
    void largeWritesKeepEveryEventOnce();
    void reopenKeepsEventsAndCoverage();
    void createsPrivateFiles();
    void refusesAndMovesAside_data();
    void refusesAndMovesAside();
    void refusesNewerSchema();
    void openExistingReadsTheAccount();
    void readsRangeNewestFirst();
    void readsScope_data();
    void readsScope();
    void readStopsWhenSinkSaysSo();
    void prunesByAgeAndSize();
    void twoObjectsOnOneFile();
    void forgetDeletesEverything();
    void accountKeyAndPath();
    void upgradesSchema1Archive();
    void damagedSchema1ArchiveIsLeftAsItIs();
    void rowsNotArchivedLeaveNoPayload();
    void parsedPagesAreRedacted();
    void writeAheadLogIsCheckpointed();
};

void TestEventArchive::roundTripIsLossless()
{
    QTemporaryDir dir;
    auto archive = openIn(dir);
    QVERIFY(archive);
    const std::vector<Event> examples = TestData::docExamples();
    QCOMPARE(examples.size(), TestData::DocExampleCount);
    QCOMPARE(archive->write(examples), qsizetype(examples.size()));

    const std::map<qint64, Event> back = byId(readAll(*archive));
    QCOMPARE(back.size(), examples.size());
    for (const Event &original : examples) {
        const auto it = back.find(original.id);
        QVERIFY(it != back.end());
        // Everything as it came, except the secret values (the archive must never hold a token).
        QCOMPARE(it->second, PayloadSecrets::redactedEvent(original));
    }
}

void TestEventArchive::secretsAreRedactedAndRecorded()
{
    QTemporaryDir dir;
    auto archive = openIn(dir);
    QVERIFY(archive);
    Event e;
    e.id = 9'007'199'254'740'993LL; // above 2^53: must not pass through a double
    e.timestampMs = 1'700'000'000'000;
    e.description = QStringLiteral("User invited");
    e.sim = EventSim { 7, QStringLiteral("89883030000012345678"), QString() }; // 20 digits, as text
    e.detailJson = R"({"activationKey":"abcdefabcdefabcdef","name":"x"})";
    QCOMPARE(archive->write(std::span<const Event>(&e, 1)), 1);
    const std::vector<Event> back = readAll(*archive);
    QCOMPARE(back.size(), size_t(1));
    QCOMPARE(back[0].id, e.id);
    QCOMPARE(back[0].sim->iccid, QStringLiteral("89883030000012345678"));
    QCOMPARE(back[0].detailJson, QByteArray(R"({"activationKey":"<redacted>","name":"x"})"));
    QCOMPARE(archive->info().redactedValues, 1);
    // The file itself holds no trace of the secret (chunks are compressed, so look for both).
    QFile file(archive->path());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains("abcdefabcdef"));
}

void TestEventArchive::dedupesById()
{
    QTemporaryDir dir;
    auto archive = openIn(dir);
    QVERIFY(archive);
    const std::vector<Event> examples = TestData::docExamples();
    QCOMPARE(archive->write(examples), qsizetype(examples.size()));
    QCOMPARE(archive->write(examples), 0);
    // A batch that repeats an id within itself keeps one.
    std::vector<Event> twice { examples[0], examples[0] };
    twice[0].id = twice[1].id = 42;
    QCOMPARE(archive->write(twice), 1);
    QCOMPARE(archive->info().events, qint64(examples.size() + 1));
    QCOMPARE(readAll(*archive).size(), examples.size() + 1);
}

void TestEventArchive::largeWritesKeepEveryEventOnce_data()
{
    QTest::addColumn<int>("events");
    QTest::addColumn<int>("archivedBefore"); // the batch's first events, written before it
    QTest::newRow("all new") << 3000 << 0;
    QTest::newRow("some archived before") << 3000 << 700;
    QTest::newRow("two chunks") << EventArchive::ChunkEvents + 900 << 0;
    QTest::newRow("two chunks, some archived before") << EventArchive::ChunkEvents + 900 << 50;
}

void TestEventArchive::largeWritesKeepEveryEventOnce()
{
    QFETCH(int, events);
    QFETCH(int, archivedBefore);
    QTemporaryDir dir;
    auto archive = openIn(dir);
    QVERIFY(archive);
    const std::vector<Event> generated = AccountGenerator::generate(events, 7, 1'700'000'000'000);
    QCOMPARE(generated.size(), size_t(events));
    qsizetype secrets = 0;
    std::vector<Event> expected;
    for (const Event &e : generated) {
        qsizetype count = 0;
        expected.push_back(PayloadSecrets::redactedEvent(e, &count));
        secrets += count;
    }
    QVERIFY(secrets > 0); // the generated account has tokens in its payloads
    if (archivedBefore > 0)
        QCOMPARE(archive->write(std::span(generated).first(size_t(archivedBefore))), qsizetype(archivedBefore));
    QCOMPARE(archive->write(generated), qsizetype(events - archivedBefore));

    // Each event once, as it came but for its secrets, and each secret counted once.
    const std::vector<Event> back = readAll(*archive);
    QCOMPARE(back.size(), size_t(events));
    const std::map<qint64, Event> read = byId(back);
    QCOMPARE(read.size(), size_t(events));
    for (const Event &e : expected)
        QCOMPARE(read.at(e.id), e);
    QCOMPARE(archive->info().redactedValues, secrets);
    // Read in slices of a chunk, as the session does: the same events, each once, none larger.
    std::vector<Event> sliced;
    qsizetype largest = 0;
    QVERIFY(archive->read({ 0, std::numeric_limits<qint64>::max() }, {}, [&](EventBatch &&batch) {
        largest = std::max(largest, batch.liveCount());
        for (Event &e : batch.toEvents())
            sliced.push_back(std::move(e));
        return true;
    }, 1000));
    QVERIFY(largest <= 1000);
    QCOMPARE(sliced.size(), size_t(events));
    QCOMPARE(byId(sliced), read);
    QCOMPARE(archive->write(generated), 0);
}

void TestEventArchive::reopenKeepsEventsAndCoverage()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("a.sqlite"));
    const std::vector<Event> examples = TestData::docExamples();
    QString error;
    {
        auto archive = EventArchive::open(path, Account, &error);
        QVERIFY2(archive, qPrintable(error));
        QCOMPARE(archive->write(examples, TimeInterval { 1000, 5000 }), qsizetype(examples.size()));
        QVERIFY(archive->markCovered({ 5000, 6000 }));
    }
    auto archive = EventArchive::open(path, Account, &error);
    QVERIFY2(archive, qPrintable(error));
    QCOMPARE(archive->info().events, qint64(examples.size()));
    QCOMPARE(archive->coverage().intervals(), (QList<TimeInterval> { { 1000, 6000 } }));
    QCOMPARE(byId(readAll(*archive)).size(), examples.size());
    QVERIFY(asideFiles(dir.path()).isEmpty());
}

void TestEventArchive::createsPrivateFiles()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("new/folder/a.sqlite"));
    QString error;
    auto archive = EventArchive::open(path, Account, &error);
    QVERIFY2(archive, qPrintable(error));
    QCOMPARE(archive->write(TestData::docExamples()), qsizetype(TestData::DocExampleCount));
    const auto owner = QFile::ReadOwner | QFile::WriteOwner;
    QCOMPARE(QFile::permissions(path) & ~(QFile::ReadUser | QFile::WriteUser), owner);
    QCOMPARE(QFile::permissions(path + QStringLiteral("-wal")) & ~(QFile::ReadUser | QFile::WriteUser), owner);
    QCOMPARE(QFile::permissions(dir.filePath(QStringLiteral("new/folder")))
            & ~(QFile::ReadUser | QFile::WriteUser | QFile::ExeUser),
        owner | QFile::ExeOwner);
}

void TestEventArchive::refusesAndMovesAside_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("expected");
    QTest::newRow("not sqlite") << "text" << "not an SQLite database";
    QTest::newRow("damaged sqlite header") << "damaged" << "damaged";
    QTest::newRow("another application") << "foreign" << "another application";
    QTest::newRow("another account") << "account" << "another account";
}

void TestEventArchive::refusesAndMovesAside()
{
    QFETCH(QString, kind);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("a.sqlite"));
    if (kind == u"text") {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("these are my notes, not an archive\n");
    } else if (kind == u"damaged") {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray("SQLite format 3\0", 16) + QByteArray(4080, '\xff'));
    } else if (kind == u"foreign") {
        QVERIFY(execOn(path, "CREATE TABLE bookmarks(url TEXT); INSERT INTO bookmarks VALUES('x')"));
    } else {
        QString error;
        ArchiveAccount other = Account;
        other.organisation = QStringLiteral("999");
        auto archive = EventArchive::open(path, other, &error);
        QVERIFY2(archive, qPrintable(error));
        QCOMPARE(archive->write(TestData::docExamples()), qsizetype(TestData::DocExampleCount));
    }
    QFile original(path);
    QVERIFY(original.open(QIODevice::ReadOnly));
    const QByteArray bytes = original.readAll();
    original.close();

    QString error;
    QVERIFY(!EventArchive::open(path, Account, &error));
    QVERIFY2(error.contains(expected), qPrintable(error));
    const QStringList aside = asideFiles(dir.path());
    QCOMPARE(aside.size(), 1);
    QVERIFY2(error.contains(dir.filePath(aside[0])), qPrintable(error)); // says where it went
    QFile moved(dir.filePath(aside[0]));
    QVERIFY(moved.open(QIODevice::ReadOnly));
    QCOMPARE(moved.readAll(), bytes); // never overwritten
    // The account's path is free again: a new archive starts there.
    auto fresh = EventArchive::open(path, Account, &error);
    QVERIFY2(fresh, qPrintable(error));
    QCOMPARE(fresh->info().events, 0);
}

void TestEventArchive::refusesNewerSchema()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("a.sqlite"));
    QString error;
    QVERIFY(EventArchive::open(path, Account, &error));
    QVERIFY(execOn(path, "UPDATE schema_version SET version = 99"));
    QVERIFY(!EventArchive::open(path, Account, &error));
    QVERIFY2(error.contains(QStringLiteral("newer version")), qPrintable(error));
    QVERIFY(QFile::exists(path)); // left where it is
    QVERIFY(asideFiles(dir.path()).isEmpty());
}

void TestEventArchive::openExistingReadsTheAccount()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("a.sqlite"));
    QString error;
    QVERIFY(!EventArchive::openExisting(path, &error));
    QVERIFY2(error.contains(QStringLiteral("no archive")), qPrintable(error));
    QVERIFY(!QFile::exists(path));
    // Reading refuses a file that is no archive, and leaves it where it is.
    const QString notes = dir.filePath(QStringLiteral("notes.sqlite"));
    QVERIFY(execOn(notes, "CREATE TABLE notes(text TEXT)"));
    QVERIFY(!EventArchive::openExisting(notes, &error));
    QVERIFY2(error.contains(QStringLiteral("another application")), qPrintable(error));
    QVERIFY(QFile::exists(notes));
    QVERIFY(asideFiles(dir.path()).isEmpty());
    QVERIFY(EventArchive::open(path, Account, &error));
    auto archive = EventArchive::openExisting(path, &error);
    QVERIFY2(archive, qPrintable(error));
    QVERIFY(archive->account().isSameAccount(Account));
    QCOMPARE(archive->account().label, Account.label);
}

void TestEventArchive::readsRangeNewestFirst()
{
    QTemporaryDir dir;
    auto archive = openIn(dir);
    QVERIFY(archive);
    const std::vector<Event> examples = TestData::docExamples();
    std::vector<Event> events;
    for (int i = 0; i < 10000; ++i) {
        Event e = examples[size_t(i % 59)];
        e.id = 1'000'000 + i;
        e.timestampMs = 1'000'000 + qint64(i) * 10;
        events.push_back(e);
    }
    // Written in three batches out of order: chunks of different spans.
    QCOMPARE(archive->write(std::span(events).subspan(5000)), 5000);
    QCOMPARE(archive->write(std::span(events).first(2000)), 2000);
    QCOMPARE(archive->write(std::span(events).subspan(2000, 3000)), 3000);
    const TimeInterval range { 1'000'000 + 1500 * 10, 1'000'000 + 7500 * 10 };
    const std::vector<Event> back = readAll(*archive, range, {}, 700);
    QCOMPARE(back.size(), size_t(6000));
    for (const Event &e : back)
        QVERIFY(range.contains(e.timestampMs));
    QVERIFY(std::is_sorted(back.begin(), back.end(),
        [](const Event &a, const Event &b) { return a.timestampMs > b.timestampMs; }));
}

void TestEventArchive::readsScope_data()
{
    QTest::addColumn<int>("kind");
    QTest::newRow("endpoint") << int(EventScope::Kind::Endpoint);
    QTest::newRow("sim") << int(EventScope::Kind::Sim);
    QTest::newRow("user") << int(EventScope::Kind::User);
    QTest::newRow("organisation") << int(EventScope::Kind::Organisation);
}

void TestEventArchive::readsScope()
{
    QFETCH(int, kind);
    QTemporaryDir dir;
    auto archive = openIn(dir);
    QVERIFY(archive);
    const std::vector<Event> examples = TestData::docExamples();
    QCOMPARE(archive->write(examples), qsizetype(examples.size()));
    auto idOf = [&](const Event &e) -> qint64 {
        switch (EventScope::Kind(kind)) {
        case EventScope::Kind::Endpoint:
            return e.endpoint ? e.endpoint->id : -1;
        case EventScope::Kind::Sim:
            return e.sim ? e.sim->id : -1;
        case EventScope::Kind::User:
            return e.user ? e.user->id : -1;
        default:
            return e.organisation.id;
        }
    };
    // The entity of the first example that has one.
    const auto it = std::find_if(examples.begin(), examples.end(), [&](const Event &e) { return idOf(e) >= 0; });
    QVERIFY(it != examples.end());
    const qint64 id = idOf(*it);
    const auto expected = std::count_if(examples.begin(), examples.end(), [&](const Event &e) { return idOf(e) == id; });
    const std::vector<Event> back
        = readAll(*archive, { 0, std::numeric_limits<qint64>::max() }, { EventScope::Kind(kind), QString::number(id) });
    QCOMPARE(qsizetype(back.size()), qsizetype(expected));
    QVERIFY(qsizetype(back.size()) < qsizetype(examples.size()) || EventScope::Kind(kind) == EventScope::Kind::Organisation);
    for (const Event &e : back)
        QCOMPARE(idOf(e), id);
}

void TestEventArchive::readStopsWhenSinkSaysSo()
{
    QTemporaryDir dir;
    auto archive = openIn(dir);
    QVERIFY(archive);
    QCOMPARE(archive->write(TestData::docExamples()), qsizetype(TestData::DocExampleCount));
    int batches = 0;
    QVERIFY(archive->read({ 0, std::numeric_limits<qint64>::max() }, {}, [&](EventBatch &&batch) {
        ++batches;
        return batch.liveCount() != 10;
    }, 10));
    QCOMPARE(batches, 1);
}

void TestEventArchive::prunesByAgeAndSize()
{
    QTemporaryDir dir;
    auto archive = openIn(dir);
    QVERIFY(archive);
    const std::vector<Event> examples = TestData::docExamples();
    std::vector<Event> events;
    for (int i = 0; i < 20000; ++i) {
        Event e = examples[size_t(i % 59)];
        e.id = i + 1;
        e.timestampMs = 1'000'000 + qint64(i) * 1000;
        events.push_back(e);
    }
    QCOMPARE(archive->write(events, TimeInterval { 1'000'000, 1'000'000 + 20000LL * 1000 }), 20000);
    // By age: everything before event 5000 goes, also inside a chunk that straddles the limit.
    const qint64 limit = 1'000'000 + 5000LL * 1000;
    QCOMPARE(archive->prune(limit, 0), 5000);
    QCOMPARE(archive->info().events, 15000);
    QCOMPARE(archive->info().oldestMs, limit);
    QCOMPARE(archive->coverage().intervals().first().from, limit);
    // A pruned id can be archived again (its index row went with it).
    QCOMPARE(archive->write(std::span(events).first(1)), 1);
    QCOMPARE(archive->prune(limit, 0), 1);

    // By size: the oldest go until the file fits.
    const qint64 before = archive->info().bytesOnDisk;
    const qint64 maxBytes = before / 2;
    const qsizetype removed = archive->prune(0, maxBytes);
    QVERIFY(removed > 0);
    const EventArchive::Info info = archive->info();
    QVERIFY2(info.bytesOnDisk <= maxBytes, qPrintable(QString::number(info.bytesOnDisk)));
    QCOMPARE(info.events, 15000 - removed);
    QCOMPARE(info.newestMs, events.back().timestampMs); // the newest stay
    QVERIFY(info.coverage.intervals().first().from > limit);
    QCOMPARE(qint64(readAll(*archive).size()), info.events);
}

void TestEventArchive::twoObjectsOnOneFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("a.sqlite"));
    QString error;
    auto a = EventArchive::open(path, Account, &error);
    auto b = EventArchive::open(path, Account, &error);
    QVERIFY2(a && b, qPrintable(error));
    const std::vector<Event> examples = TestData::docExamples();
    QCOMPARE(a->write(std::span(examples).first(30), TimeInterval { 0, 10 }), 30);
    QCOMPARE(b->info().events, 30);
    QCOMPARE(b->write(examples, TimeInterval { 10, 20 }), qsizetype(examples.size() - 30)); // dedupe across objects
    QCOMPARE(a->info().events, qint64(examples.size()));
    QCOMPARE(a->coverage().intervals(), (QList<TimeInterval> { { 0, 20 } }));
    // A reader in the middle of a read does not stop a writer.
    qsizetype wrote = -1;
    QVERIFY(a->read({ 0, std::numeric_limits<qint64>::max() }, {}, [&](EventBatch &&) {
        Event e = examples[0];
        e.id = 900'000'001;
        if (wrote < 0)
            wrote = b->write(std::span<const Event>(&e, 1));
        return true;
    }, 5));
    QVERIFY2(wrote == 1, qPrintable(b->lastError()));
}

void TestEventArchive::forgetDeletesEverything()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("a.sqlite"));
    QString error;
    {
        auto archive = EventArchive::open(path, Account, &error);
        QVERIFY(archive);
        QCOMPARE(archive->write(TestData::docExamples()), qsizetype(TestData::DocExampleCount));
    }
    QVERIFY(QFile::exists(path));
    QVERIFY2(EventArchive::forget(path, &error), qPrintable(error));
    QVERIFY(QDir(dir.path()).isEmpty());
}

void TestEventArchive::accountKeyAndPath()
{
    ArchiveAccount a { QUrl(QStringLiteral("http://127.0.0.1:8080")), QStringLiteral("demo"), {} };
    QCOMPARE(a.key(), QStringLiteral("127.0.0.1-8080-demo"));
    ArchiveAccount b { QUrl(QStringLiteral("https://CDN.emnify.net/")), QStringLiteral("12/../x"), {} };
    QCOMPARE(b.key(), QStringLiteral("cdn.emnify.net-12_.._x"));
    QVERIFY(b.defaultPath().startsWith(ArchiveAccount::defaultFolder() + u'/'));
    QVERIFY(b.defaultPath().endsWith(QStringLiteral("/cdn.emnify.net-12_.._x.sqlite")));
    QVERIFY(ArchiveAccount::defaultFolder().endsWith(QStringLiteral("/archives")));
}

void TestEventArchive::upgradesSchema1Archive()
{
    QTemporaryDir dir;
    const QString path = copySchema1Archive(dir);
    QCOMPARE(schemaVersionOf(path), 1);
    const std::vector<Event> expected = schema1EventsInFile(path);
    QCOMPARE(expected.size(), size_t(1559)); // the 59 doc examples and 1,500 generated events
    QString error;
    auto archive = EventArchive::open(path, Account, &error);
    QVERIFY2(archive, qPrintable(error));
    QCOMPARE(schemaVersionOf(path), EventArchive::SchemaVersion);
    // Every event survives, every field, as it was archived (secrets were redacted then).
    const std::map<qint64, Event> back = byId(readAll(*archive));
    QCOMPARE(back.size(), expected.size());
    for (const Event &original : expected) {
        const auto it = back.find(original.id);
        QVERIFY(it != back.end());
        QCOMPARE(it->second, original);
    }
    // The doc examples as the API sends them, checked against their parse rather than the file.
    for (const Event &example : TestData::docExamples())
        QCOMPARE(back.at(example.id), PayloadSecrets::redactedEvent(example));
    const EventArchive::Info info = archive->info();
    QCOMPARE(info.events, qint64(expected.size()));
    QCOMPARE(info.coverage.intervals(),
        (QList<TimeInterval> { { 0, 1000 }, { GeneratedUntilMs - Day, GeneratedUntilMs } }));
    QVERIFY(info.redactedValues > 0);
    // It goes on in the new form: its ids still dedupe, and a second open finds it upgraded.
    QCOMPARE(archive->write(expected), 0);
    archive.reset();
    archive = EventArchive::open(path, Account, &error);
    QVERIFY2(archive, qPrintable(error));
    QCOMPARE(qsizetype(readAll(*archive).size()), qsizetype(expected.size()));
    QVERIFY(asideFiles(dir.path()).isEmpty());
}

void TestEventArchive::damagedSchema1ArchiveIsLeftAsItIs()
{
    QTemporaryDir dir;
    const QString path = copySchema1Archive(dir);
    QVERIFY(execOn(path, "UPDATE chunk SET data = x'0102030405' WHERE id = (SELECT max(id) FROM chunk)"));
    QString error;
    QVERIFY(!EventArchive::open(path, Account, &error));
    QVERIFY2(error.contains(QStringLiteral("Cannot upgrade")) && error.contains(QStringLiteral("damaged")),
        qPrintable(error));
    // Nothing was changed: the upgrade is one transaction, and the file stays where it is.
    QCOMPARE(schemaVersionOf(path), 1);
    QVERIFY(asideFiles(dir.path()).isEmpty());
}

void TestEventArchive::rowsNotArchivedLeaveNoPayload()
{
    // A page's rows that are archived already, or that the pull dropped, share compressed
    // payload blocks with new rows; nothing of them may reach the file. The page is parsed as a
    // pull parses it, so that its blocks are the ones the archive copies.
    QTemporaryDir dir;
    auto archive = openIn(dir);
    QVERIFY(archive);
    std::vector<Event> events;
    for (int i = 0; i < 300; ++i) {
        Event e;
        e.id = i + 1;
        e.timestampMs = 1'000'000 - qint64(i) * 1000; // newest first, as the API sends them
        e.description = QStringLiteral("Update location");
        e.type = EventRef { 1, QStringLiteral("Update location") };
        e.detailJson = R"({"n":)" + QByteArray::number(i) + "}";
        events.push_back(e);
    }
    QCOMPARE(archive->write(std::span(events).first(100)), 100);
    events[49].detailJson = R"({"note":"known-marker"})";
    events[199].detailJson = R"({"note":"dropped-marker"})";
    ParseResult parsed = EventParser::parse(EventJson::toJsonArray(events));
    QVERIFY(parsed.isOk());
    parsed.batch.drop(199);
    QCOMPARE(archive->write(parsed.batch), 199);
    QByteArray stored;
    qsizetype count = 0;
    QVERIFY(archive->read({ 0, std::numeric_limits<qint64>::max() }, {}, [&](EventBatch &&b) {
        stored += TestData::payloadBytes(b);
        count += b.liveCount();
        return true;
    }));
    QCOMPARE(count, 299);
    QVERIFY(stored.contains(R"({"n":100})"));
    QVERIFY(!stored.contains("-marker"));
}

void TestEventArchive::parsedPagesAreRedacted()
{
    // A pull's page as parsed: only its blocks that may hold a secret are redacted; those that do
    // must be, every secret of them.
    QTemporaryDir dir;
    auto archive = openIn(dir);
    QVERIFY(archive);
    const ParseResult parsed = EventParser::parse(TestData::read(QStringLiteral("doc-examples.json")));
    QVERIFY(parsed.isOk());
    QCOMPARE(archive->write(parsed.batch), qsizetype(TestData::DocExampleCount));
    const std::map<qint64, Event> back = byId(readAll(*archive));
    qsizetype secrets = 0;
    for (const Event &original : TestData::docExamples()) {
        qsizetype count = 0;
        QCOMPARE(back.at(original.id), PayloadSecrets::redactedEvent(original, &count));
        secrets += count;
    }
    QVERIFY(secrets > 0);
    QCOMPARE(archive->info().redactedValues, secrets);
}

void TestEventArchive::writeAheadLogIsCheckpointed()
{
    // A sync writes page after page. The log is copied into the file on the archive's own thread
    // (SQLite did it inside the commit that crossed 1,000 pages, stalling that page), and the log
    // stays bounded while the archive stays open all day.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("a.sqlite"));
    auto archive = openIn(dir);
    QVERIFY(archive);
    const std::vector<Event> events = AccountGenerator::generate(120'000, 11, 1'790'000'000'000);
    const qint64 fileBefore = QFileInfo(path).size();
    for (size_t at = 0; at < events.size(); at += 1000) {
        const std::span<const Event> page(events.data() + at, std::min<size_t>(1000, events.size() - at));
        QCOMPARE(archive->write(page), qsizetype(page.size()));
    }
    QTRY_VERIFY(archive->backgroundCheckpoints() > 0);
    QTRY_VERIFY(QFileInfo(path).size() > fileBefore + 4'000'000); // the events reached the file itself
    const qint64 logBound = qint64(WalCheckpointer::ForegroundPages + 2 * WalCheckpointer::BackgroundPages) * 4096;
    QVERIFY2(QFileInfo(path + QStringLiteral("-wal")).size() < logBound,
        qPrintable(QString::number(QFileInfo(path + QStringLiteral("-wal")).size())));
    QString error;
    const auto reader = EventArchive::openExisting(path, &error);
    QVERIFY2(reader, qPrintable(error));
    QCOMPARE(reader->info().events, qint64(events.size()));
}

QTEST_GUILESS_MAIN(TestEventArchive)
#include "tst_eventarchive.moc"
