// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
// TeamArchive against the throwaway PostgreSQL cluster of the "postgres" CTest fixture
// (tests/support/pgcluster): each test in a database of its own.
#include "api/eventquerymatcher.h"
#include "filter/eventfilterengine.h"
#include "model/eventbatchbuilder.h"
#include "model/eventstore.h"
#include "model/payloadsecrets.h"
#include "sim/accountgenerator.h"
#include "teamarchive/teamarchive.h"

#include "pgtestdatabase.h"

#include <QDateTime>
#include <QTest>

#include <libpq-fe.h>

#include <algorithm>
#include <limits>
#include <numeric>
#include <thread>

namespace {

constexpr TimeInterval Everything { std::numeric_limits<qint64>::min(), std::numeric_limits<qint64>::max() };
const qint64 Now = QDateTime(QDate(2026, 11, 20), QTime(12, 0), Qt::UTC).toMSecsSinceEpoch();

std::vector<Event> readAll(const ArchiveStore &archive, const EventQuery &filter = {},
    const EventScope &scope = EventScope::account(), qsizetype pageSize = 10000)
{
    std::vector<Event> events;
    const bool ok = archive.read(
        Everything, scope, filter,
        [&](EventBatch &&batch) {
            for (Event &e : batch.toEvents())
                events.push_back(std::move(e));
            return true;
        },
        pageSize);
    if (!ok)
        qWarning("read failed: %s", qPrintable(archive.lastError()));
    return events;
}

// Newest first, ties by id: the order every comparison here uses.
// The ids of the events the viewer's search (EventFilterEngine) keeps, newest first.
std::vector<qint64> searched(const std::vector<Event> &events, const QString &search)
{
    EventStore store;
    store.append(std::span<const Event>(events));
    EventFilter filter;
    filter.text = search;
    const EventFilterEngine engine(store, filter);
    std::vector<uint32_t> rows(size_t(store.size()));
    std::iota(rows.begin(), rows.end(), 0);
    std::vector<qint64> ids;
    for (const uint32_t row : engine.filter(rows))
        ids.push_back(store.id(row));
    std::sort(ids.begin(), ids.end());
    return ids;
}

std::vector<Event> sorted(std::vector<Event> events)
{
    std::sort(events.begin(), events.end(), [](const Event &a, const Event &b) {
        return a.timestampMs != b.timestampMs ? a.timestampMs > b.timestampMs : a.id > b.id;
    });
    return events;
}

// As the archive keeps them: secrets in the payloads replaced by the marker.
std::vector<Event> asStored(std::vector<Event> events)
{
    for (Event &e : events) {
        e.detailJson = PayloadSecrets::redacted(e.detailJson);
        e.extraJson = e.extraJson.isEmpty() ? e.extraJson : PayloadSecrets::redacted(e.extraJson);
    }
    return events;
}

} // namespace

class TestTeamArchive final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void roundTripIsLossless();
    void writesAreIdempotent();
    void overlappingPagesAddEachEventOnce_data();
    void overlappingPagesAddEachEventOnce();
    void rowCommittedByAnotherWriterMeanwhile();
    void twoAccountsSyncAtOnce();
    void coverageIsRecorded();
    void monthsArePartitions();
    void accountsShareADatabase();
    void newerSchemaIsRefused();
    void oneSyncAtATime();
    void passwordInUrlIsRefused();
    void filters_data();
    void filters();
    void searchIsPushedDown_data();
    void searchIsPushedDown();
    void readWaysAgree_data();
    void readWaysAgree();
    void readStoppedAfterFirstPage_data();
    void readStoppedAfterFirstPage();
    void readOfAKilledConnectionFails_data();
    void readOfAKilledConnectionFails();

private:
    void openGenerated(std::unique_ptr<TeamArchive> *archive); // the database with m_generated
    // This test's database with these events, reading the data row's way ("mode").
    void openForReading(std::unique_ptr<TeamArchive> *archive, const std::vector<Event> &events);

    QString m_url;
    QString m_filterUrl; // the database of filters(), with m_generated archived
    ArchiveAccount m_account { QUrl(QStringLiteral("https://cdn.emnify.net")), QStringLiteral("42"),
        QStringLiteral("Reseller") };
    std::vector<Event> m_generated;
};

void TestTeamArchive::initTestCase()
{
    QVERIFY2(!PgTestDatabase::password().isEmpty(),
        "no PostgreSQL cluster: run this test through ctest (fixture \"postgres\")");
    m_generated = AccountGenerator::generate(3000, 7, Now);
}

void TestTeamArchive::init()
{
    // filters' rows share one database, filled once (see filters()).
    if ((QByteArrayView(QTest::currentTestFunction()) == "filters"
            || QByteArrayView(QTest::currentTestFunction()) == "searchIsPushedDown")
        && !m_filterUrl.isEmpty()) {
        m_url = m_filterUrl;
        return;
    }
    // A database of its own for each test; the password comes from PGPASSWORD.
    m_url = PgTestDatabase::create("ev_" + QByteArray(QTest::currentTestFunction()).toLower());
    QVERIFY(!m_url.isEmpty());
}

void TestTeamArchive::openGenerated(std::unique_ptr<TeamArchive> *archive)
{
    QString error;
    *archive = TeamArchive::open(m_url, m_account, &error);
    QVERIFY2(*archive, qPrintable(error));
    if (m_filterUrl.isEmpty()) {
        QVERIFY((*archive)->write(EventBatchBuilder::build(m_generated)) > 0);
        m_filterUrl = m_url;
    }
}

void TestTeamArchive::openForReading(std::unique_ptr<TeamArchive> *archive, const std::vector<Event> &events)
{
    QFETCH(int, mode);
    QString error;
    *archive = TeamArchive::open(m_url, m_account, &error);
    QVERIFY2(*archive, qPrintable(error));
    QVERIFY((*archive)->write(EventBatchBuilder::build(events)) > 0);
    (*archive)->setReadMode(TeamArchive::ReadMode(mode));
}

void TestTeamArchive::roundTripIsLossless()
{
    QString error;
    auto archive = TeamArchive::open(m_url, m_account, &error);
    QVERIFY2(archive, qPrintable(error));

    Event big;
    big.id = 9007199254740993LL; // 2^53 + 1: lost in a double
    big.timestampMs = Now - 1;
    big.alert = true;
    big.description = QStringLiteral("Tab\there, a \\ backslash,\nand a line — ünïcödé");
    big.type = { 1, QStringLiteral("Update location") };
    big.source = { 0, QStringLiteral("Network") };
    big.severity = { 2, QStringLiteral("Critical") };
    big.organisation = { 9223372036854775807LL, QStringLiteral("Max \"Org\"") };
    big.endpoint = EventEndpoint { 5, QStringLiteral("tracker"), QStringLiteral("10.0.0.1"),
        QStringLiteral("356938035643809"), QStringLiteral("a,b") };
    big.sim = EventSim { 6, QStringLiteral("89883030000012345678"), QStringLiteral("2024-01-01") };
    big.imsi = EventImsi { 7, QStringLiteral("901430000000001"), QString() };
    big.detailJson = R"({"n":12345678901234567890,"s":"\t\\ \u00e9","a":[1.50,null,{}]})";
    big.extraJson = R"({"keen":{"t":"2026"}})";
    Event bare;
    bare.id = 1;
    bare.timestampMs = Now - 2;
    bare.type = { -1, QString() };
    bare.user = EventUser { -1, QString(), QStringLiteral("someone@example.com") };
    bare.detailJson = "null";
    Event secret = bare;
    secret.id = 2;
    secret.timestampMs = Now - 3;
    secret.detailJson = R"({"activationKey":"abcdef0123456789abcdef0123456789","id":3})";
    const std::vector<Event> events { big, bare, secret };
    QCOMPARE(archive->write(EventBatchBuilder::build(events)), qsizetype(3));

    Event stored = secret; // a secret is kept as the marker, everything else byte for byte
    stored.detailJson = PayloadSecrets::redacted(secret.detailJson);
    QVERIFY(stored.detailJson.contains(PayloadSecrets::RedactedMarker.data()));
    // Another connection, as the viewer or an export would read it.
    auto reader = archive->openAnother(&error);
    QVERIFY2(reader, qPrintable(error));
    const std::vector<Event> back = readAll(*reader);
    QCOMPARE(back.size(), size_t(3));
    QCOMPARE(back[0], big);
    QCOMPARE(back[1], bare);
    QCOMPARE(back[2], stored);
    QCOMPARE(reader->info().redactedValues, 1);
    QCOMPARE(reader->info().events, 3);
    QCOMPARE(reader->info().newestMs, big.timestampMs);
    QVERIFY(!reader->info().path.contains(QLatin1String("ev_test@")));

    // A generated account (another one in the same database): every field of thousands of
    // events, read in pages of 700.
    ArchiveAccount generatedAccount = m_account;
    generatedAccount.organisation = QStringLiteral("7");
    auto generated = TeamArchive::open(m_url, generatedAccount, &error);
    QVERIFY2(generated, qPrintable(error));
    QVERIFY2(generated->write(EventBatchBuilder::build(m_generated)) > 0, qPrintable(generated->lastError()));
    const std::vector<Event> all = readAll(*generated, {}, EventScope::account(), 700);
    std::vector<Event> expected;
    for (Event e : m_generated) {
        e.detailJson = PayloadSecrets::redacted(e.detailJson);
        e.extraJson = e.extraJson.isEmpty() ? e.extraJson : PayloadSecrets::redacted(e.extraJson);
        expected.push_back(std::move(e));
    }
    QCOMPARE(all.size(), expected.size());
    QVERIFY(sorted(all) == sorted(expected));
}

void TestTeamArchive::writesAreIdempotent()
{
    QString error;
    auto archive = TeamArchive::open(m_url, m_account, &error);
    QVERIFY2(archive, qPrintable(error));
    const std::vector<Event> first(m_generated.begin(), m_generated.begin() + 2000);
    const std::vector<Event> second(m_generated.begin() + 1500, m_generated.end()); // overlaps 500
    QCOMPARE(archive->write(EventBatchBuilder::build(first)), qsizetype(2000));
    QCOMPARE(archive->write(EventBatchBuilder::build(first)), qsizetype(0));
    QCOMPARE(archive->write(EventBatchBuilder::build(second)), qsizetype(1000));
    QCOMPARE(readAll(*archive).size(), m_generated.size());
    QCOMPARE(archive->info().events, qint64(m_generated.size()));
}

// A sync's pages overlap the last sync's (the API pages again from a moment before): each event is
// there once, a page that holds nothing new adds nothing but still records its coverage, and a page
// that has an event twice stores it once. Both ways of writing, the same answers.
void TestTeamArchive::overlappingPagesAddEachEventOnce_data()
{
    QTest::addColumn<bool>("direct");
    QTest::newRow("direct COPY") << true;
    QTest::newRow("staged (fallback)") << false;
}

void TestTeamArchive::overlappingPagesAddEachEventOnce()
{
    QFETCH(bool, direct);
    QString error;
    auto archive = TeamArchive::open(m_url, m_account, &error);
    QVERIFY2(archive, qPrintable(error));
    archive->setWriteMethod(direct ? TeamArchive::WriteMethod::DirectCopy : TeamArchive::WriteMethod::Staged);
    const auto page = [&](qsizetype from, qsizetype to) {
        return EventBatchBuilder::build(
            std::vector<Event>(m_generated.begin() + from, m_generated.begin() + to));
    };
    // Pages of 500, then a second sync in pages of 400 that start 100 events back.
    qsizetype added = 0;
    for (qsizetype from = 0; from < 2000; from += 500)
        added += archive->write(page(from, from + 500));
    QCOMPARE(added, qsizetype(2000));
    added = 0;
    for (qsizetype from = 1900; from < qsizetype(m_generated.size()); from += 400)
        added += archive->write(page(from, std::min<qsizetype>(from + 400, m_generated.size())));
    QCOMPARE(added, qsizetype(m_generated.size()) - 2000);
    // All of it there already: nothing added, the span covered all the same.
    QCOMPARE(archive->write(page(1000, 1500), TimeInterval { 10, 20 }), qsizetype(0));
    QCOMPARE(archive->coverage().intervals(), QList<TimeInterval>({ TimeInterval { 10, 20 } }));
    // One event twice in a page and one new: one added.
    std::vector<Event> twice { m_generated[5], m_generated[5] };
    Event fresh = m_generated[6];
    fresh.id = 900000001;
    twice.push_back(fresh);
    QCOMPARE(archive->write(EventBatchBuilder::build(twice)), qsizetype(1));
    const std::vector<Event> all = readAll(*archive);
    QCOMPARE(all.size(), m_generated.size() + 1);
    QCOMPARE(PgTestDatabase::queryInt(
                 m_url, "SELECT count(*) - count(DISTINCT (account, ts_ms, id)) FROM ev_event"),
        0);
    std::vector<Event> expected = m_generated;
    expected.push_back(fresh);
    QVERIFY(sorted(all) == sorted(asStored(expected)));
}

// Without the sync lock another writer may commit an event of the page between the look-up and
// the COPY: the primary key refuses the COPY and the page goes in the staged way, that event once.
void TestTeamArchive::rowCommittedByAnotherWriterMeanwhile()
{
    QString error;
    auto archive = TeamArchive::open(m_url, m_account, &error);
    QVERIFY2(archive, qPrintable(error));
    const std::vector<Event> page(m_generated.begin(), m_generated.begin() + 300);
    // The other writer: one event of the page inserted in a transaction it has not committed yet,
    // so the look-up does not see it and the COPY waits for it.
    PGconn *other = PQconnectdb(m_url.toUtf8().constData());
    QCOMPARE(PQstatus(other), CONNECTION_OK);
    const auto run = [&](PGconn *c, const QByteArray &sql) {
        PGresult *r = PQexec(c, sql.constData());
        const bool ok = PQresultStatus(r) == PGRES_COMMAND_OK || PQresultStatus(r) == PGRES_TUPLES_OK;
        PQclear(r);
        return ok;
    };
    // The rest of the 30 days first: both months' partitions are there before the other writer's insert.
    QCOMPARE(archive->write(
                 EventBatchBuilder::build(std::vector<Event>(m_generated.begin() + 300, m_generated.end()))),
        qsizetype(m_generated.size()) - 300);
    const Event &taken = page[123];
    QVERIFY(run(other, "BEGIN"));
    QVERIFY(run(other,
        "INSERT INTO ev_event SELECT account, " + QByteArray::number(taken.id) + ", "
            + QByteArray::number(taken.timestampMs)
            + ", alert, description, type_id, type_name, source_id, "
              "source_name, severity_id, severity_name, organisation_id, organisation_name, user_id, "
              "user_name, "
              "user_username, endpoint_id, endpoint_name, endpoint_ip, endpoint_imei, endpoint_tags, sim_id, "
              "iccid, sim_production_date, imsi_id, imsi, imsi_import_date, detail, extra FROM ev_event "
              "LIMIT 1"));
    qsizetype added = -2;
    std::thread writer([&] { added = archive->write(EventBatchBuilder::build(page)); });
    // The COPY waits for the other transaction's row (a lock wait the server reports).
    QTRY_COMPARE_WITH_TIMEOUT(PgTestDatabase::queryInt(m_url,
                                  "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                                  "AND query LIKE 'COPY ev_event %'"),
        qint64(1), 30000);
    QVERIFY(run(other, "COMMIT"));
    writer.join();
    PQfinish(other);
    QCOMPARE(added, qsizetype(page.size()) - 1);
    QCOMPARE(PgTestDatabase::queryInt(
                 m_url, "SELECT count(*) - count(DISTINCT (account, ts_ms, id)) FROM ev_event"),
        0);
    QVERIFY(sorted(readAll(*archive)).size() == m_generated.size());
}

// Two accounts syncing into one database at the same moment (each under its own lock; the same
// event ids in both, as two organisations of one test server would have): each gets all of its
// events once, and none of the other's.
void TestTeamArchive::twoAccountsSyncAtOnce()
{
    QString error;
    ArchiveAccount otherAccount = m_account;
    otherAccount.organisation = QStringLiteral("43");
    auto one = TeamArchive::open(m_url, m_account, &error);
    auto other = TeamArchive::open(m_url, otherAccount, &error);
    QVERIFY2(one && other, qPrintable(error));
    QString holder;
    QVERIFY(one->beginSync(&holder));
    QVERIFY(other->beginSync(&holder));
    const auto sync = [&](TeamArchive *archive, qsizetype *added) {
        // Pages of 250 that overlap by 50, as a sync that re-reads a moment back.
        for (qsizetype from = 0; from < qsizetype(m_generated.size()); from += 200) {
            const qsizetype to = std::min<qsizetype>(from + 250, m_generated.size());
            const qsizetype n = archive->write(EventBatchBuilder::build(
                std::vector<Event>(m_generated.begin() + from, m_generated.begin() + to)));
            if (n < 0)
                return;
            *added += n;
        }
    };
    qsizetype addedOne = 0, addedOther = 0;
    std::thread first(sync, one.get(), &addedOne);
    sync(other.get(), &addedOther);
    first.join();
    one->endSync(addedOne, QString());
    other->endSync(addedOther, QString());
    QCOMPARE(addedOne, qsizetype(m_generated.size()));
    QCOMPARE(addedOther, qsizetype(m_generated.size()));
    const std::vector<Event> expected = sorted(asStored(m_generated));
    QVERIFY(sorted(readAll(*one)) == expected);
    QVERIFY(sorted(readAll(*other)) == expected);
    QCOMPARE(PgTestDatabase::queryInt(
                 m_url, "SELECT count(*) - count(DISTINCT (account, ts_ms, id)) FROM ev_event"),
        0);
}

void TestTeamArchive::coverageIsRecorded()
{
    QString error;
    auto archive = TeamArchive::open(m_url, m_account, &error);
    QVERIFY2(archive, qPrintable(error));
    QVERIFY(archive->coverage().isEmpty());
    const std::vector<Event> some(m_generated.begin(), m_generated.begin() + 10);
    QCOMPARE(archive->write(EventBatchBuilder::build(some), TimeInterval { 1000, 2000 }), qsizetype(10));
    QVERIFY(archive->markCovered({ 2000, 3000 })); // adjacent: one interval
    QVERIFY(archive->markCovered({ 5000, 6000 }));
    auto again = TeamArchive::open(m_url, m_account, &error); // the same account: same coverage
    QVERIFY2(again, qPrintable(error));
    const QList<TimeInterval> expected { { 1000, 3000 }, { 5000, 6000 } };
    QCOMPARE(again->coverage().intervals(), expected);
    QCOMPARE(again->info().coverage.intervals(), expected);
    // One that bridges both (and overlaps them): a single interval, also for the first object.
    QVERIFY(again->markCovered({ 2500, 5500 }));
    QVERIFY(archive->markCovered({ 7000, 8000 }));
    const QList<TimeInterval> bridged { { 1000, 6000 }, { 7000, 8000 } };
    QCOMPARE(archive->coverage().intervals(), bridged);
}

void TestTeamArchive::monthsArePartitions()
{
    QString error;
    auto archive = TeamArchive::open(m_url, m_account, &error);
    QVERIFY2(archive, qPrintable(error));
    QVERIFY(archive->write(EventBatchBuilder::build(m_generated)) > 0); // 30 days: two months
    // The generated 30 days end on 2026-11-20: two months, a partition each (and no other).
    QCOMPARE(
        PgTestDatabase::queryInt(m_url,
            "SELECT count(*) FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = "
            "'ev_event'::regclass AND c.relname IN ('ev_event_y2026m10', 'ev_event_y2026m11')"),
        2);
    QCOMPARE(PgTestDatabase::queryInt(
                 m_url, "SELECT count(*) FROM pg_inherits WHERE inhparent = 'ev_event'::regclass"),
        2);
}

void TestTeamArchive::accountsShareADatabase()
{
    QString error;
    auto one = TeamArchive::open(m_url, m_account, &error);
    QVERIFY2(one, qPrintable(error));
    ArchiveAccount otherAccount = m_account;
    otherAccount.organisation = QStringLiteral("43");
    otherAccount.label.clear(); // a token that names no organisation: no label
    auto other = TeamArchive::open(m_url, otherAccount, &error);
    QVERIFY2(other, qPrintable(error));
    QVERIFY(one->write(EventBatchBuilder::build(m_generated), TimeInterval { 0, 10 }) > 0);
    QCOMPARE(readAll(*other).size(), size_t(0));
    QVERIFY(other->coverage().isEmpty());
    // Opening without naming the account: two are there, so it asks for --url.
    QVERIFY(!TeamArchive::openExisting(m_url, QUrl(), &error));
    QVERIFY2(error.contains(QLatin1String("several accounts")), qPrintable(error));
    QVERIFY(!TeamArchive::openExisting(m_url, QUrl(QStringLiteral("https://elsewhere.example")), &error));
    QVERIFY2(error.contains(QLatin1String("no account")), qPrintable(error));
}

void TestTeamArchive::newerSchemaIsRefused()
{
    QString error;
    QVERIFY2(TeamArchive::open(m_url, m_account, &error), qPrintable(error));
    QVERIFY(TeamArchive::openExisting(m_url, QUrl(), &error)); // migrated from empty, one account
    QVERIFY(PgTestDatabase::execute(m_url, "INSERT INTO ev_schema VALUES (99)"));
    QVERIFY(!TeamArchive::open(m_url, m_account, &error));
    QVERIFY2(error.contains(QLatin1String("schema version 99, newer than this program knows (1)")),
        qPrintable(error));
    QVERIFY(!TeamArchive::openExisting(m_url, QUrl(), &error));
    QVERIFY2(error.contains(QLatin1String("schema version 99")), qPrintable(error));
}

void TestTeamArchive::oneSyncAtATime()
{
    QString error;
    auto first = TeamArchive::open(m_url, m_account, &error);
    auto second = TeamArchive::open(m_url, m_account, &error);
    QVERIFY2(first && second, qPrintable(error));
    QString holder;
    QVERIFY(first->beginSync(&holder));
    QVERIFY(!second->beginSync(&holder));
    QVERIFY2(holder.contains(QLatin1String(" pid ")), qPrintable(holder));
    first->endSync(5, QString());
    QVERIFY(second->beginSync(&holder));
    // The lock goes with its connection: a sync that dies leaves none behind (the server lets go
    // once the connection's backend has ended, a moment after the close).
    second.reset();
    QTRY_VERIFY_WITH_TIMEOUT(first->beginSync(&holder), 10000);
}

void TestTeamArchive::passwordInUrlIsRefused()
{
    const QString problem
        = TeamArchive::checkUrl(QStringLiteral("postgresql://ev:Sup3rSecret@db.example/events"));
    QVERIFY(problem.contains(QLatin1String("PGPASSWORD")));
    QVERIFY(!problem.contains(QLatin1String("Sup3rSecret")));
    QVERIFY(!TeamArchive::checkUrl(QStringLiteral("postgresql://h/db?password=Sup3rSecret")).isEmpty());
    QVERIFY(TeamArchive::checkUrl(QStringLiteral("postgresql://ev@db.example/events?sslmode=verify-full"))
                .isEmpty());
    QString error;
    QVERIFY(
        !TeamArchive::open(QStringLiteral("postgresql://ev:Sup3rSecret@127.0.0.1:1/x"), m_account, &error));
    QVERIFY(!error.contains(QLatin1String("Sup3rSecret")));
    // verify-full against a server without TLS: refused, not silently unencrypted.
    QVERIFY(!TeamArchive::open(m_url + QStringLiteral("?sslmode=verify-full"), m_account, &error));
    QVERIFY2(error.contains(QLatin1String("SSL")) || error.contains(QLatin1String("ssl")), qPrintable(error));
}

void TestTeamArchive::filters_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value"); // empty: taken from a generated event
    QTest::newRow("type") << QStringLiteral("type") << QString();
    QTest::newRow("two types") << QStringLiteral("types") << QString();
    QTest::newRow("source") << QStringLiteral("source") << QStringLiteral("2");
    QTest::newRow("severity") << QStringLiteral("severity") << QStringLiteral("1");
    QTest::newRow("alert") << QStringLiteral("alert") << QStringLiteral("true");
    QTest::newRow("description") << QStringLiteral("description") << QString();
    QTest::newRow("organisation name") << QStringLiteral("organisation") << QString();
    QTest::newRow("organisation id") << QStringLiteral("organisation-id") << QString();
    QTest::newRow("user") << QStringLiteral("user") << QString();
    QTest::newRow("endpoint") << QStringLiteral("endpoint") << QString();
    QTest::newRow("endpoint alternatives") << QStringLiteral("endpoint-two") << QString();
    QTest::newRow("tags") << QStringLiteral("tags") << QString();
    QTest::newRow("ip") << QStringLiteral("ip") << QString();
    QTest::newRow("imei") << QStringLiteral("imei") << QString();
    QTest::newRow("iccid prefix") << QStringLiteral("iccid") << QString();
    QTest::newRow("iccid exact") << QStringLiteral("iccid-exact") << QString();
    QTest::newRow("imsi") << QStringLiteral("imsi") << QString();
    QTest::newRow("like characters") << QStringLiteral("description") << QStringLiteral("100%_\\");
    QTest::newRow("scope endpoint") << QStringLiteral("scope-endpoint") << QString();
    QTest::newRow("scope sim and severity") << QStringLiteral("scope-sim") << QString();
}

// The SQL of a filter gives the rows EventQueryMatcher gives on the same events in memory.
void TestTeamArchive::filters()
{
    QFETCH(QString, field);
    QFETCH(QString, value);
    std::unique_ptr<TeamArchive> archive;
    openGenerated(&archive);
    if (QTest::currentTestFailed())
        return;

    const auto sample = [this](auto has) -> const Event & {
        for (size_t i = m_generated.size() / 2; i < m_generated.size(); ++i) {
            if (has(m_generated[i]))
                return m_generated[i];
        }
        return m_generated.front();
    };
    const auto withEndpoint = [](const Event &e) { return e.endpoint && !e.endpoint->name.isEmpty(); };
    EventQuery q;
    EventScope scope = EventScope::account();
    const Event &any = sample([](const Event &) { return true; });
    if (field == QLatin1String("type"))
        q.types = { int(any.type.id) };
    else if (field == QLatin1String("types"))
        q.types = { int(any.type.id),
            int(sample([&](const Event &e) { return e.type.id != any.type.id; }).type.id) };
    else if (field == QLatin1String("source"))
        q.source = value.toInt();
    else if (field == QLatin1String("severity"))
        q.severity = value.toInt();
    else if (field == QLatin1String("alert"))
        q.alert = true;
    else if (field == QLatin1String("description"))
        q.description = value.isEmpty() ? any.description.mid(2, 10).toUpper() : value;
    else if (field == QLatin1String("organisation"))
        q.organisation = any.organisation.name.mid(1, 6).toLower();
    else if (field == QLatin1String("organisation-id"))
        q.organisation = QString::number(any.organisation.id);
    else if (field == QLatin1String("user"))
        q.user = sample([](const Event &e) { return e.user && !e.user->username.isEmpty(); }).user->username;
    else if (field == QLatin1String("endpoint"))
        q.endpoint = sample(withEndpoint).endpoint->name;
    else if (field == QLatin1String("endpoint-two")) {
        const QString first = sample(withEndpoint).endpoint->name;
        q.endpoint = first + QStringLiteral(" | ") + sample([&](const Event &e) {
            return withEndpoint(e) && e.endpoint->name != first;
        }).endpoint->name;
    } else if (field == QLatin1String("tags"))
        q.tags = sample([](const Event &e) {
            return e.endpoint && !e.endpoint->tags.isEmpty();
        }).endpoint->tags.section(u',', 0, 0);
    else if (field == QLatin1String("ip"))
        q.ipAddress = sample([](const Event &e) {
            return e.endpoint && !e.endpoint->ipAddress.isEmpty();
        }).endpoint->ipAddress;
    else if (field == QLatin1String("imei"))
        q.imei
            = sample([](const Event &e) { return e.endpoint && !e.endpoint->imei.isEmpty(); }).endpoint->imei;
    else if (field == QLatin1String("iccid"))
        q.iccid = sample([](const Event &e) { return e.sim.has_value(); }).sim->iccid.left(17);
    else if (field == QLatin1String("iccid-exact"))
        q.iccid = sample([](const Event &e) { return e.sim.has_value(); }).sim->iccid;
    else if (field == QLatin1String("imsi"))
        q.imsi = sample([](const Event &e) { return e.imsi.has_value(); }).imsi->imsi;
    else if (field == QLatin1String("scope-endpoint"))
        scope = EventScope::endpoint(sample(withEndpoint).endpoint->id);
    else if (field == QLatin1String("scope-sim")) {
        scope = EventScope::sim(sample([](const Event &e) { return e.sim.has_value(); }).sim->id);
        q.severity = 0;
    }

    const EventQueryMatcher matcher(q);
    std::vector<Event> expected;
    for (Event e : m_generated) {
        const bool inScope = scope.kind == EventScope::Kind::Account
            || (scope.kind == EventScope::Kind::Endpoint && e.endpoint
                && QString::number(e.endpoint->id) == scope.id)
            || (scope.kind == EventScope::Kind::Sim && e.sim && QString::number(e.sim->id) == scope.id);
        if (!inScope || !matcher.matches(e))
            continue;
        e.detailJson = PayloadSecrets::redacted(e.detailJson);
        e.extraJson = e.extraJson.isEmpty() ? e.extraJson : PayloadSecrets::redacted(e.extraJson);
        expected.push_back(std::move(e));
    }
    if (field != QLatin1String("description") || value.isEmpty())
        QVERIFY2(!expected.empty(), "the filter must match some events");
    QVERIFY(expected.size() < m_generated.size());
    const std::vector<Event> got = readAll(*archive, q, scope, 500);
    QCOMPARE(got.size(), expected.size());
    QVERIFY(sorted(got) == sorted(expected));
    // The local archive's filter (EventQueryMatcher on each batch) agrees: the same rule.
    EventBatch batch = EventBatchBuilder::build(m_generated);
    matcher.dropUnmatched(&batch);
    if (scope.kind == EventScope::Kind::Account)
        QCOMPARE(size_t(batch.liveCount()), expected.size());
}

void TestTeamArchive::searchIsPushedDown_data()
{
    QTest::addColumn<QString>("search"); // %1: a word of an event's description, %2 its device's
    // name, %3 its ICCID, %4 its id, %5 its type's name, %6 its ICCID's first 15 digits
    QTest::addColumn<bool>("narrows"); // the SQL alone reads fewer events than the range holds
    QTest::newRow("word") << QStringLiteral("%1") << true;
    QTest::newRow("word upper case") << QStringLiteral("%1").toUpper() << true;
    QTest::newRow("two words") << QStringLiteral("%1 %2") << true;
    QTest::newRow("phrase") << QStringLiteral("\"%5\"") << true;
    QTest::newRow("type field") << QStringLiteral("type:\"%5\"") << true;
    QTest::newRow("type exact") << QStringLiteral("type:=\"%5\"") << true;
    QTest::newRow("description field") << QStringLiteral("description:%1") << true;
    QTest::newRow("device field") << QStringLiteral("device:\"%2\"") << true;
    QTest::newRow("iccid") << QStringLiteral("iccid:%3") << true;
    QTest::newRow("iccid prefix") << QStringLiteral("iccid:%6") << true;
    QTest::newRow("id field") << QStringLiteral("id:%4") << true;
    QTest::newRow("id digits") << QStringLiteral("%4") << true;
    QTest::newRow("payload value") << QStringLiteral("eu-west-1") << true;
    QTest::newRow("payload key") << QStringLiteral("detail.apn:em") << true;
    QTest::newRow("exclusion only") << QStringLiteral("-type:\"%5\"") << false;
    QTest::newRow("word and exclusion") << QStringLiteral("%1 -device:\"%2\"") << true;
    QTest::newRow("severity name") << QStringLiteral("severity:warn") << false;
    QTest::newRow("category") << QStringLiteral("category:platform") << false;
    QTest::newRow("order status") << QStringLiteral("status:shipped") << true;
    QTest::newRow("like characters") << QStringLiteral("100%_") << true;
    QTest::newRow("non-ASCII") << QStringLiteral("ünïcödé") << false;
    QTest::newRow("quote in word") << QStringLiteral("5\"x\"") << false;
    QTest::newRow("invalid") << QStringLiteral("nosuchfield:1") << false;
    QTest::newRow("nothing matches") << QStringLiteral("zzqqxxnomatch") << true;
}

// The search as SQL reads a superset of what the viewer's search keeps; the viewer's search on
// what the SQL read keeps exactly what it keeps on all the events of the range.
void TestTeamArchive::searchIsPushedDown()
{
    QFETCH(QString, search);
    QFETCH(bool, narrows);
    std::unique_ptr<TeamArchive> archive;
    openGenerated(&archive);
    if (QTest::currentTestFailed())
        return;
    const std::vector<Event> all = readAll(*archive);
    QCOMPARE(all.size(), m_generated.size());
    const Event *sample = nullptr;
    for (const Event &e : all) {
        if (e.endpoint && !e.endpoint->name.isEmpty() && e.sim && e.description.contains(u' ')) {
            sample = &e;
            break;
        }
    }
    QVERIFY(sample);
    const QStringList values { sample->description.section(u' ', 0, 0), sample->endpoint->name,
        sample->sim->iccid, QString::number(sample->id), sample->type.name, sample->sim->iccid.left(15) };
    for (qsizetype i = 0; i < values.size(); ++i)
        search.replace(QLatin1Char('%') + QString::number(i + 1), values[i]);

    EventQuery q;
    q.search = search;
    const std::vector<Event> read = readAll(*archive, q, EventScope::account(), 500);
    QVERIFY2(archive->lastError().isEmpty(), qPrintable(archive->lastError()));
    const std::vector<qint64> expected = searched(all, search);
    QCOMPARE(searched(read, search), expected);
    QCOMPARE(read.size() < all.size(), narrows);
    // count() applies the same WHERE: the viewer's "n of m" after a cut agrees with the read.
    QCOMPARE(archive->count(Everything, EventScope::account(), q), qint64(read.size()));
}

namespace {

void addReadModes()
{
    QTest::addColumn<int>("mode"); // TeamArchive::ReadMode
    QTest::newRow("binary COPY") << int(TeamArchive::ReadMode::Copy);
    QTest::newRow("pipelined cursor") << int(TeamArchive::ReadMode::Pipelined);
    QTest::newRow("cursor, a page at a time") << int(TeamArchive::ReadMode::OnePageAtATime);
}

} // namespace

void TestTeamArchive::readWaysAgree_data() { addReadModes(); }

// Each way of reading gives every event once, newest first, in pages of the size asked for.
void TestTeamArchive::readWaysAgree()
{
    std::unique_ptr<TeamArchive> archive;
    openForReading(&archive, m_generated);
    if (QTest::currentTestFailed())
        return;
    std::vector<qsizetype> pageSizes;
    std::vector<Event> events;
    QVERIFY2(archive->read(
                 Everything, EventScope::account(), {},
                 [&](EventBatch &&batch) {
                     pageSizes.push_back(batch.size());
                     for (Event &e : batch.toEvents())
                         events.push_back(std::move(e));
                     return true;
                 },
                 700),
        qPrintable(archive->lastError()));
    QVERIFY(events == sorted(asStored(m_generated))); // the order as read, not re-sorted
    QCOMPARE(qsizetype(pageSizes.size()), (qsizetype(m_generated.size()) + 699) / 700);
    for (size_t i = 0; i + 1 < pageSizes.size(); ++i)
        QCOMPARE(pageSizes[i], qsizetype(700));
}

void TestTeamArchive::readStoppedAfterFirstPage_data() { addReadModes(); }

// The viewer's cancel (the sink says no more): the read ends after that page, and the same
// connection reads again at once, all of it.
void TestTeamArchive::readStoppedAfterFirstPage()
{
    std::unique_ptr<TeamArchive> archive;
    openForReading(&archive, m_generated);
    if (QTest::currentTestFailed())
        return;
    std::vector<Event> first;
    int pages = 0;
    QVERIFY2(archive->read(
                 Everything, EventScope::account(), {},
                 [&](EventBatch &&batch) {
                     ++pages;
                     first = batch.toEvents();
                     return false;
                 },
                 500),
        qPrintable(archive->lastError()));
    QCOMPARE(pages, 1);
    const std::vector<Event> expected = sorted(asStored(m_generated));
    QVERIFY(first == std::vector<Event>(expected.begin(), expected.begin() + 500));
    QCOMPARE(archive->info().events, qint64(m_generated.size()));
    QVERIFY(readAll(*archive, {}, EventScope::account(), 500) == expected);
}

void TestTeamArchive::readOfAKilledConnectionFails_data() { addReadModes(); }

// The server ends the session mid-read (a restart, an administrator's pg_terminate_backend):
// the read fails with the reason instead of passing a cut result for a whole one.
void TestTeamArchive::readOfAKilledConnectionFails()
{
    // More than a loopback socket's buffers hold, so that the server is still sending.
    const std::vector<Event> many = AccountGenerator::generate(40000, 3, Now);
    std::unique_ptr<TeamArchive> archive;
    openForReading(&archive, many);
    if (QTest::currentTestFailed())
        return;
    qsizetype rows = 0;
    bool killed = false;
    const bool ok = archive->read(
        Everything, EventScope::account(), {},
        [&](EventBatch &&batch) {
            rows += batch.size();
            if (!killed) {
                killed = PgTestDatabase::queryInt(m_url,
                             "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                             "WHERE datname = current_database() AND pid <> pg_backend_pid()")
                    == 1;
            }
            return true;
        },
        500);
    QVERIFY(killed);
    QVERIFY(!ok);
    QVERIFY2(archive->lastError().startsWith(QLatin1String("Cannot read the team archive")),
        qPrintable(archive->lastError()));
    QVERIFY(rows < qsizetype(many.size()));
}

QTEST_GUILESS_MAIN(TestTeamArchive)
#include "tst_teamarchive.moc"
