// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "api/eventapiclient.h"
#include "archive/archivesync.h"
#include "archive/eventarchive.h"
#include "sim/emnifysimulator.h"

#include <QDateTime>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

namespace {
const QString Token = QStringLiteral("sim-application-token");
constexpr qint64 Hour = 3600LL * 1000;
constexpr qint64 Day = 24 * Hour;
} // namespace

class TestArchiveSync final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void syncArchivesEverythingOnce();
    void secondSyncOfCoveredRangeSendsNoRequest();
    void interruptedSyncCoversOnlyWhatFinished_data();
    void interruptedSyncCoversOnlyWhatFinished();
    void scopedOrFilteredSyncMarksNoCoverage_data();
    void scopedOrFilteredSyncMarksNoCoverage();
    void growingAccountIsFoundBySync();

private:
    // Runs a sync to its end; returns its error.
    ApiError sync(TimeInterval range, qint64 nowMs, const EventScope &scope = {}, const EventQuery &query = {},
        qsizetype *added = nullptr);
    [[nodiscard]] int eventRequests() const { return m_eventRequests; }

    QTemporaryDir m_dir;
    qint64 m_now = 0;
    std::unique_ptr<EmnifySimulator> m_sim;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<EventApiClient> m_client;
    std::unique_ptr<EventArchive> m_archive;
    int m_eventRequests = 0;
};

void TestArchiveSync::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    EventApiClient::registerMetaTypes();
}

void TestArchiveSync::init()
{
    m_now = QDateTime::currentMSecsSinceEpoch();
    m_sim = std::make_unique<EmnifySimulator>();
    EmnifySimulatorConfig config;
    config.applicationTokens = { Token };
    config.maxPerPage = 200;
    m_sim->setConfig(config);
    m_sim->generateEvents(3000, 1, m_now);
    QVERIFY(m_sim->listen());
    m_eventRequests = 0;
    connect(m_sim.get(), &EmnifySimulator::requestHandled, this, [this](const QByteArray &, const QByteArray &path, int) {
        if (path.contains("/event") && !path.contains("event_type"))
            ++m_eventRequests;
    });
    m_network = std::make_unique<QNetworkAccessManager>();
    m_client = std::make_unique<EventApiClient>(m_network.get());
    QVERIFY(!m_client->setBaseUrl(m_sim->baseUrl()).isError());
    m_client->setApplicationToken(Token);
    EventApiClient::Options options = m_client->options();
    options.perPage = 200;
    options.maxInFlight = 1; // pages in order, so that an interruption has a clear edge
    options.maxRetries = 0;
    options.ratePerSecond = 1000;
    options.burst = 100;
    m_client->setOptions(options);
    QString error;
    static int serial = 0;
    m_archive = EventArchive::open(m_dir.filePath(QStringLiteral("%1.sqlite").arg(++serial)),
        { m_sim->baseUrl(), QStringLiteral("demo"), {} }, &error);
    QVERIFY2(m_archive, qPrintable(error));
}

void TestArchiveSync::cleanup()
{
    m_archive.reset();
    m_client.reset();
    m_network.reset();
    m_sim.reset();
}

ApiError TestArchiveSync::sync(
    TimeInterval range, qint64 nowMs, const EventScope &scope, const EventQuery &query, qsizetype *added)
{
    ArchiveSync sync(m_client.get(), m_archive.get());
    QSignalSpy finished(&sync, &ArchiveSync::finished);
    sync.start(range, query, scope, nowMs);
    if (!finished.wait(20000))
        return ApiError(ApiError::Kind::Timeout, QStringLiteral("no finished()"));
    if (added)
        *added = finished.at(0).at(1).value<qsizetype>();
    return finished.at(0).at(0).value<ApiError>();
}

void TestArchiveSync::syncArchivesEverythingOnce()
{
    const TimeInterval range { m_now + 1 - 30 * Day, m_now + 1 };
    qsizetype added = 0;
    const ApiError error = sync(range, m_now + 1, {}, {}, &added);
    QVERIFY2(!error.isError(), qPrintable(error.toString()));
    QCOMPARE(added, m_sim->eventCount());
    QCOMPARE(m_archive->info().events, qint64(m_sim->eventCount()));
    QVERIFY(m_archive->coverage().covers(range));
}

void TestArchiveSync::secondSyncOfCoveredRangeSendsNoRequest()
{
    const TimeInterval range { m_now + 1 - 30 * Day, m_now + 1 };
    QVERIFY(!sync(range, m_now + 1).isError());
    QVERIFY(eventRequests() > 1);
    m_eventRequests = 0;
    qsizetype added = -1;
    QVERIFY(!sync(range, m_now + 1, {}, {}, &added).isError());
    QCOMPARE(eventRequests(), 0);
    QCOMPARE(added, 0);
    // A later sync asks only for what is new: one short pull of one page.
    QVERIFY(!sync({ m_now + Hour - 30 * Day, m_now + Hour }, m_now + Hour).isError());
    QCOMPARE(eventRequests(), 1);
    QVERIFY(m_archive->coverage().covers({ m_now + Hour - 30 * Day, m_now + Hour }));
}

void TestArchiveSync::interruptedSyncCoversOnlyWhatFinished_data()
{
    QTest::addColumn<bool>("serverFails");
    QTest::newRow("a page fails") << true;
    QTest::newRow("stopped") << false;
}

void TestArchiveSync::interruptedSyncCoversOnlyWhatFinished()
{
    QFETCH(bool, serverFails);
    const TimeInterval range { m_now + 1 - 30 * Day, m_now + 1 };
    ArchiveSync sync(m_client.get(), m_archive.get());
    QSignalSpy finished(&sync, &ArchiveSync::finished);
    qint64 oldest = std::numeric_limits<qint64>::max();
    int batches = 0;
    connect(&sync, &ArchiveSync::batchArchived, this, [&](const EventBatch &batch, qsizetype added) {
        QCOMPARE(added, batch.liveCount());
        for (qsizetype row = 0; row < batch.size(); ++row)
            oldest = std::min(oldest, batch.timestampMs(row));
        if (++batches == 2) {
            if (serverFails) {
                EmnifySimulatorConfig config = m_sim->config();
                config.errorRate = 1; // every further page: 5xx, and the client does not retry
                m_sim->setConfig(config);
            } else {
                sync.stop();
            }
        }
    });
    sync.start(range, {}, {}, m_now + 1);
    QVERIFY(finished.wait(20000) || finished.size() == 1);
    const ApiError error = finished.at(0).at(0).value<ApiError>();
    QVERIFY(error.isError());
    QCOMPARE(error.kind() == ApiError::Kind::Cancelled, !serverFails);
    QCOMPARE(batches, 2);
    QCOMPARE(m_archive->info().events, 400);
    // Events down to `oldest` were received; more at that millisecond may not have been.
    QCOMPARE(m_archive->coverage().intervals(), (QList<TimeInterval> { { oldest + 1, m_now + 1 } }));
    // The next sync pulls the rest and ends with the whole range covered.
    EmnifySimulatorConfig config = m_sim->config();
    config.errorRate = 0;
    m_sim->setConfig(config);
    qsizetype added = 0;
    QVERIFY(!this->sync(range, m_now + 1, {}, {}, &added).isError());
    QCOMPARE(m_archive->info().events, qint64(m_sim->eventCount()));
    QCOMPARE(added, m_sim->eventCount() - 400);
    QVERIFY(m_archive->coverage().covers(range));
}

void TestArchiveSync::scopedOrFilteredSyncMarksNoCoverage_data()
{
    QTest::addColumn<bool>("scoped");
    QTest::newRow("scope") << true;
    QTest::newRow("filter") << false;
}

void TestArchiveSync::scopedOrFilteredSyncMarksNoCoverage()
{
    QFETCH(bool, scoped);
    const Event some = m_sim->event(0);
    EventScope scope;
    EventQuery query;
    if (scoped)
        scope = EventScope::organisation(some.organisation.id);
    else
        query.types = { int(some.type.id) };
    qsizetype added = 0;
    const ApiError error = sync({ m_now + 1 - 30 * Day, m_now + 1 }, m_now + 1, scope, query, &added);
    QVERIFY2(!error.isError(), qPrintable(error.toString()));
    QVERIFY(added > 0);
    QVERIFY(added < m_sim->eventCount());
    QCOMPARE(m_archive->info().events, qint64(added));
    QVERIFY(m_archive->coverage().isEmpty());
}

void TestArchiveSync::growingAccountIsFoundBySync()
{
    QVERIFY(!sync({ m_now + 1 - 30 * Day, m_now + 1 }, m_now + 1).isError());
    const qsizetype before = m_sim->eventCount();
    const std::vector<qint64> oldIds = m_sim->eventIds();
    const qint64 oldMax = *std::max_element(oldIds.begin(), oldIds.end());
    EmnifySimulatorConfig config = m_sim->config();
    config.growEventsPerMinute = 60000; // a thousand a second
    m_sim->setConfig(config);
    QTRY_VERIFY_WITH_TIMEOUT(m_sim->eventCount() >= before + 500, 10000);
    config.growEventsPerMinute = 0;
    m_sim->setConfig(config);
    const qsizetype grown = m_sim->eventCount() - before;
    const qint64 later = QDateTime::currentMSecsSinceEpoch() + 1;
    QSet<qint64> organisations;
    for (qsizetype row = before; row < m_sim->eventCount(); ++row) {
        const Event e = m_sim->event(row);
        QVERIFY(e.id > oldMax); // new ids
        QVERIFY(e.timestampMs > m_now && e.timestampMs < later); // the current time
        organisations.insert(e.organisation.id);
    }
    QVERIFY(organisations.size() > 1); // spread over the account

    m_eventRequests = 0;
    qsizetype added = 0;
    QVERIFY(!sync({ later - 30 * Day, later }, later, {}, {}, &added).isError());
    QCOMPARE(added, grown);
    QCOMPARE(m_archive->info().events, qint64(m_sim->eventCount()));
    QVERIFY(eventRequests() <= 1 + int(grown / 200) + 1); // only the new stretch was pulled
}

QTEST_GUILESS_MAIN(TestArchiveSync)
#include "tst_archivesync.moc"
