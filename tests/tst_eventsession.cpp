// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "api/eventapiclient.h"
#include "archive/archiveaccount.h"
#include "archive/eventarchive.h"
#include "model/payloadsecrets.h"
#include "fakeemnifyserver.h"
#include "session/eventsession.h"
#include "sim/accountgenerator.h"
#include "sim/emnifysimulator.h"
#include "table/eventtablemodel.h"
#include "testdata.h"

#include <QAbstractItemModelTester>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <set>

// The session against real loopback servers: it feeds the table, reports its state and what an
// empty table means, and never lets a server's claims size the store.
class TestEventSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void loadsIntoTheModel();
    void reloadForgetsRefreshKeeps();
    void emptinessSaysWhy_data();
    void emptinessSaysWhy();
    void stopReportsStopped();
    void invalidUrlStaysDisconnected();
    void hugeTotalCountDoesNotSizeTheStore();
    void followReadsOnlyWhatIsNew();
    void followBacksOffWhenRefused_data();
    void followBacksOffWhenRefused();
    void followIntervalRespectsRateBudget();
    void partialLoadKnowsWhatIsMissing();
    void rowsFromArchiveBeforeAnyRequest();
    void archivedRowsArriveInSlices();
    void restartInsideCoveredRangeRequestsOnlyWhatIsNew();
    void beyondRetentionIsNotEmptySuccess();
    void archiveShowsBeforeTheApiIsReady();
    void rowOriginsAddUpWhileTheTableIsBusy();

private:
    [[nodiscard]] static ViewRequest lastWeek();
    // An archive in dir whose coverage is the last week up to a minute before now, holding the
    // docs examples one a second from two minutes before now on (returned in *events).
    [[nodiscard]] static std::unique_ptr<EventArchive> archiveUpToAMinuteAgo(
        const QTemporaryDir &dir, const ArchiveAccount &account, qint64 now, std::vector<Event> *events);
    bool loadAndWait(EventSession *session, bool fresh = true);

    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<EventApiClient> m_client;
    std::unique_ptr<EventTableModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    std::unique_ptr<EventSession> m_session;
    std::unique_ptr<FakeEmnifyServer> m_server;
};

namespace {
const QString token = QStringLiteral("app-token");
}
namespace {

// Events of the given times (ms) as the fake server's JSON, newest first.
QByteArray eventAt(qint64 id, qint64 ms)
{
    QByteArray json = FakeEmnifyServer::eventJson(id);
    return json.replace("2024-05-01T10:00:00.000Z",
        QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs).toUtf8());
}

qint64 qTime(const QByteArray &q, QLatin1StringView key)
{
    const QString text = QString::fromUtf8(q).section(key, 1).section(QLatin1Char(','), 0, 0);
    return QDateTime::fromString(text, Qt::ISODate).toMSecsSinceEpoch();
}

} // namespace

// A server of timed events that answers q's from/until as the API does and records each q.
struct TimedEvents
{
    QList<std::pair<qint64, qint64>> events; // id, ms; newest first
    QList<QByteArray> queries;

    void serve(FakeEmnifyServer *server)
    {
        server->hook = [this](const FakeEmnifyServer::Request &request) -> std::optional<FakeEmnifyServer::Response> {
            if (request.method != "GET" || !request.path.endsWith("/event"))
                return std::nullopt;
            const QByteArray q = request.queryValue("q");
            queries.append(q);
            const qint64 from = qTime(q, QLatin1StringView("from:"));
            const qint64 until = qTime(q, QLatin1StringView("until:"));
            QList<QByteArray> matching;
            for (const auto &[id, ms] : std::as_const(events)) {
                if (ms >= from && ms < until)
                    matching.append(eventAt(id, ms));
            }
            const int page = std::max(1, request.queryValue("page").toInt());
            const QList<QByteArray> slice = matching.mid((page - 1) * 1000, 1000);
            return FakeEmnifyServer::Response { 200,
                { { "X-Total-Count", QByteArray::number(matching.size()) },
                    { "X-Total-Pages", QByteArray::number(std::max<qsizetype>(1, (matching.size() + 999) / 1000)) } },
                '[' + slice.join(',') + ']' };
        };
    }
};


void TestEventSession::init()
{
    m_network = std::make_unique<QNetworkAccessManager>();
    m_client = std::make_unique<EventApiClient>(m_network.get());
    EventApiClient::Options options = m_client->options();
    options.maxRetries = 0;
    options.ratePerSecond = 1000;
    options.burst = 100;
    m_client->setOptions(options);
    m_model = std::make_unique<EventTableModel>();
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_session = std::make_unique<EventSession>(m_client.get(), m_model.get());
    m_server = std::make_unique<FakeEmnifyServer>();
    m_server->maxPerPage = 50;
}

void TestEventSession::cleanup()
{
    m_session.reset();
    m_tester.reset();
    m_model.reset();
    m_client.reset();
    m_network.reset();
    m_server.reset();
}

ViewRequest TestEventSession::lastWeek()
{
    ViewerFilterState state;
    state.timeRange = ViewerFilterState::TimeRange::Last7Days;
    return *ViewRequest::fromState(state, QDateTime::currentMSecsSinceEpoch());
}

std::unique_ptr<EventArchive> TestEventSession::archiveUpToAMinuteAgo(
    const QTemporaryDir &dir, const ArchiveAccount &account, qint64 now, std::vector<Event> *events)
{
    QString error;
    std::unique_ptr<EventArchive> archive = EventArchive::open(dir.filePath(QStringLiteral("a.sqlite")), account, &error);
    if (!archive) {
        qWarning() << "cannot open the archive:" << error;
        return nullptr;
    }
    *events = TestData::docExamples();
    for (size_t i = 0; i < events->size(); ++i) {
        (*events)[i].id = 1000 + qint64(i);
        (*events)[i].timestampMs = now - 120000 - qint64(i) * 1000;
    }
    if (archive->write(std::span<const Event>(*events), TimeInterval { lastWeek().interval.first, now - 60000 }) <= 0)
        return nullptr;
    return archive;
}

bool TestEventSession::loadAndWait(EventSession *session, bool fresh)
{
    QSignalSpy finished(session, &EventSession::loadFinished);
    if (fresh)
        session->load(lastWeek());
    else
        session->refresh(lastWeek());
    return finished.wait(15000);
}

void TestEventSession::loadsIntoTheModel()
{
    m_server->setEventCount(120);
    QSignalSpy states(m_session.get(), &EventSession::stateChanged);
    QVERIFY(!m_session->connectTo(m_server->url(), token, QStringLiteral("Test")).isError());
    QCOMPARE(m_session->accountLabel(), QStringLiteral("Test"));
    QVERIFY(loadAndWait(m_session.get()));
    QCOMPARE(m_session->state(), EventSession::State::Loaded);
    QCOMPARE(m_model->store().size(), 120);
    QTRY_COMPARE(m_model->rowCount(), 120);
    QCOMPARE(m_session->progress().eventsReceived, 120);
    QVERIFY(m_session->interval().second > m_session->interval().first);
    QList<EventSession::State> seen;
    for (const QList<QVariant> &args : states)
        seen.append(args.at(0).value<EventSession::State>());
    const QList<EventSession::State> expected {
        EventSession::State::Idle, EventSession::State::Loading, EventSession::State::Loaded
    };
    QCOMPARE(seen, expected);
}

void TestEventSession::reloadForgetsRefreshKeeps()
{
    m_server->setEventCount(30);
    QVERIFY(!m_session->connectTo(m_server->url(), token, {}).isError());
    QVERIFY(loadAndWait(m_session.get()));
    QCOMPARE(m_model->store().size(), 30);
    m_server->setEventCount(40, 5000); // other ids: the account changed
    QVERIFY(loadAndWait(m_session.get(), false));
    QCOMPARE(m_model->store().size(), 70); // refresh adds what is new
    QVERIFY(loadAndWait(m_session.get(), true));
    QCOMPARE(m_model->store().size(), 40); // load starts over
}

void TestEventSession::emptinessSaysWhy_data()
{
    QTest::addColumn<int>("status"); // of the event list; 0: no events at all
    QTest::addColumn<int>("expected");
    using E = EventSession::Emptiness;
    QTest::newRow("nothing in range") << 0 << int(E::NothingInRange);
    QTest::newRow("token refused") << 403 << int(E::AccessDenied);
    QTest::newRow("server error") << 500 << int(E::LoadFailed);
}

void TestEventSession::emptinessSaysWhy()
{
    QFETCH(int, status);
    QFETCH(int, expected);
    QCOMPARE(m_session->emptiness(), EventSession::Emptiness::NotConnected);
    m_server->setEventCount(0);
    if (status != 0) {
        m_server->hook = [status](const FakeEmnifyServer::Request &request) -> std::optional<FakeEmnifyServer::Response> {
            if (!request.path.endsWith("/event"))
                return std::nullopt;
            FakeEmnifyServer::Response response;
            response.status = status;
            response.body = R"({"error_code":1,"error_token":"x","message":"no"})";
            return response;
        };
    }
    QVERIFY(!m_session->connectTo(m_server->url(), token, {}).isError());
    QCOMPARE(m_session->emptiness(), EventSession::Emptiness::None); // connected, nothing asked yet
    QVERIFY(loadAndWait(m_session.get()));
    QCOMPARE(int(m_session->emptiness()), expected);
    QCOMPARE(m_session->lastError().isError(), status != 0);
    QCOMPARE(EventSession::isAccessDenied(m_session->lastError()), status == 403);
}

void TestEventSession::stopReportsStopped()
{
    m_server->setEventCount(200);
    m_server->latencyMs = 300;
    QVERIFY(!m_session->connectTo(m_server->url(), token, {}).isError());
    QSignalSpy finished(m_session.get(), &EventSession::loadFinished);
    m_session->load(lastWeek());
    QVERIFY(m_session->isLoading());
    m_session->stop();
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.at(0).at(0).value<ApiError>().kind(), ApiError::Kind::Cancelled);
    QCOMPARE(m_session->state(), EventSession::State::Stopped);
}

void TestEventSession::invalidUrlStaysDisconnected()
{
    const ApiError error = m_session->connectTo(QUrl(QStringLiteral("http://example.invalid")), token, {});
    QCOMPARE(error.kind(), ApiError::Kind::InvalidUrl);
    QVERIFY(!m_session->isConnected());
    QSignalSpy finished(m_session.get(), &EventSession::loadFinished);
    m_session->load(lastWeek()); // nothing to read from: nothing happens
    QCOMPARE(m_session->state(), EventSession::State::Disconnected);
    QCOMPARE(m_server->requests().size(), 0);
}

void TestEventSession::hugeTotalCountDoesNotSizeTheStore()
{
    // A server that claims 9.2e18 events on a page of three: the store makes room for what came
    // plus ReserveStep, not for the claim (before, the window reserved 50 M rows: 1.49 GB).
    m_server->setEventCount(3);
    m_server->hook = [this](const FakeEmnifyServer::Request &request) -> std::optional<FakeEmnifyServer::Response> {
        if (!request.path.endsWith("/event"))
            return std::nullopt;
        FakeEmnifyServer::Response response;
        response.headers = { { "content-type", "application/json" }, { "x-total-count", "9223372036854775807" },
            { "x-total-pages", "1" }, { "x-count-per-page", "50" } };
        response.body = "[" + FakeEmnifyServer::eventJson(3) + "," + FakeEmnifyServer::eventJson(2) + ","
            + FakeEmnifyServer::eventJson(1) + "]";
        return response;
    };
    QVERIFY(!m_session->connectTo(m_server->url(), token, {}).isError());
    QVERIFY(loadAndWait(m_session.get()));
    QCOMPARE(m_model->store().size(), 3);
    // Room for ReserveStep rows is about 100 MB of columns and hash tables; 50 M rows were 5 GB.
    QVERIFY2(m_model->store().memoryUsage() < 400u * 1024 * 1024,
        qPrintable(QString::number(m_model->store().memoryUsage())));
}

void TestEventSession::followReadsOnlyWhatIsNew()
{
    // The simulator filters by q: a poll that asked for the whole range again would bring nothing
    // new either, so the request's from is checked too.
    EmnifySimulator simulator;
    EmnifySimulatorConfig config;
    config.applicationTokens = { token };
    simulator.setConfig(config);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    std::vector<Event> events = TestData::docExamples();
    for (size_t i = 0; i < events.size(); ++i)
        events[i].timestampMs = now - 60000 - qint64(i) * 1000;
    simulator.setEvents(events);
    QVERIFY(simulator.listen());
    QVERIFY(!m_session->connectTo(simulator.baseUrl(), token, {}).isError());
    QVERIFY(loadAndWait(m_session.get()));
    const qsizetype loaded = m_model->store().size();
    QCOMPARE(loaded, qsizetype(events.size()));
    const qint64 loadUntil = m_session->interval().second;

    std::vector<Event> newer(events.begin(), events.begin() + 3);
    QTest::qWait(5); // the new events are after the load's end, and none is in the future of the poll
    const qint64 newest = QDateTime::currentMSecsSinceEpoch();
    QVERIFY(newest - 2 >= loadUntil);
    for (size_t i = 0; i < newer.size(); ++i) {
        newer[i].id = 700000000 + qint64(i);
        newer[i].timestampMs = newest - qint64(i);
    }
    simulator.appendEvents(newer);
    QSignalSpy arrived(m_session.get(), &EventSession::newEventsArrived);
    QSignalSpy polled(m_session.get(), &EventSession::pollFinished);
    QSignalSpy states(m_session.get(), &EventSession::stateChanged);
    QStringList paths;
    connect(&simulator, &EmnifySimulator::requestHandled, this,
        [&paths](const QByteArray &method, const QByteArray &path) { paths << QString::fromUtf8(method + ' ' + path); });
    m_session->setFollowing(true); // polls at once
    QVERIFY(m_session->isPolling());
    QVERIFY(polled.wait(15000));
    QCOMPARE(polled.at(0).at(0).value<ApiError>().kind(), ApiError::Kind::None);
    QCOMPARE(arrived.size(), 1);
    QCOMPARE(arrived.at(0).at(0).value<qsizetype>(), 3);
    QTRY_COMPARE(m_model->store().size(), loaded + 3);
    QVERIFY(m_session->interval().second > loadUntil);
    QVERIFY(states.isEmpty()); // a poll is not a load: no "Loading", no progress in the window
    QCOMPARE(m_session->state(), EventSession::State::Loaded);

    // Nothing new: the next poll starts where this one ended and finds nothing.
    m_session->pollNow();
    QVERIFY(polled.wait(15000));
    QCOMPARE(arrived.size(), 1);
    QCOMPARE(m_model->store().size(), loaded + 3);
}

void TestEventSession::followBacksOffWhenRefused_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("factor"); // of the interval after two such polls
    QTest::newRow("429") << 429 << 4;
    QTest::newRow("503") << 503 << 4;
    QTest::newRow("404") << 404 << 1; // not the server being busy: no reason to wait longer
}

void TestEventSession::followBacksOffWhenRefused()
{
    QFETCH(int, status);
    QFETCH(int, factor);
    EventApiClient::Options options = m_client->options();
    options.maxRateLimitRetries = 0;
    m_client->setOptions(options);
    m_server->setEventCount(5);
    QVERIFY(!m_session->connectTo(m_server->url(), token, {}).isError());
    QVERIFY(loadAndWait(m_session.get()));
    const int base = m_session->followIntervalMs();
    QCOMPARE(base, EventSession::DefaultFollowIntervalMs);
    m_server->hook = [status](const FakeEmnifyServer::Request &request) -> std::optional<FakeEmnifyServer::Response> {
        if (!request.path.endsWith("/event"))
            return std::nullopt;
        return FakeEmnifyServer::Response { status, {}, R"({"message":"busy"})" };
    };
    QSignalSpy polled(m_session.get(), &EventSession::pollFinished);
    m_session->setFollowing(true);
    QVERIFY(polled.wait(15000));
    m_session->pollNow();
    QVERIFY(polled.wait(15000));
    QCOMPARE(polled.at(1).at(0).value<ApiError>().httpStatus(), status);
    QCOMPARE(m_session->followIntervalMs(), base * factor);

    m_server->hook = nullptr; // the server is back: the interval too
    m_session->pollNow();
    QVERIFY(polled.wait(15000));
    QCOMPARE(polled.at(2).at(0).value<ApiError>().kind(), ApiError::Kind::None);
    QCOMPARE(m_session->followIntervalMs(), base);
}

void TestEventSession::followIntervalRespectsRateBudget()
{
    EventApiClient::Options options = m_client->options();
    options.ratePerSecond = 0.5; // one request every two seconds
    m_client->setOptions(options);
    m_session->setFollowIntervalMs(1000);
    QCOMPARE(m_session->followIntervalMs(), 20000); // a tenth of the budget at most
    options.ratePerSecond = 1000;
    m_client->setOptions(options);
    QCOMPARE(m_session->followIntervalMs(), 1000); // and never more than once a second
    m_session->setFollowIntervalMs(10);
    QCOMPARE(m_session->followIntervalMs(), 1000);
}

void TestEventSession::partialLoadKnowsWhatIsMissing()
{
    EventApiClient::Options options = m_client->options();
    options.maxInFlight = 1;
    m_client->setOptions(options);
    m_server->setEventCount(120);
    m_server->hook = [](const FakeEmnifyServer::Request &request) -> std::optional<FakeEmnifyServer::Response> {
        if (request.path.endsWith("/event") && request.queryValue("page") == "2")
            return FakeEmnifyServer::Response { 502, {}, R"({"message":"Bad gateway"})" };
        return std::nullopt;
    };
    QVERIFY(!m_session->connectTo(m_server->url(), token, {}).isError());
    ViewerFilterState state; // around the fake server's events
    state.timeRange = ViewerFilterState::TimeRange::Custom;
    state.customFrom = QDateTime(QDate(2024, 4, 1), QTime(0, 0), Qt::UTC);
    state.customUntil = QDateTime(QDate(2024, 6, 1), QTime(0, 0), Qt::UTC);
    const ViewRequest request = *ViewRequest::fromState(state, QDateTime::currentMSecsSinceEpoch());
    QSignalSpy finished(m_session.get(), &EventSession::loadFinished);
    m_session->load(request);
    QVERIFY(finished.wait(15000));
    QCOMPARE(m_session->state(), EventSession::State::Failed);
    QCOMPARE(m_model->store().size(), 50);
    QCOMPARE(m_session->progress().failedPage, 2);
    QCOMPARE(m_session->claimedTotal(), 120);
    // The fake server's events all carry one time: after it arrived, [from, t] is still missing.
    const qint64 t = QDateTime::fromString(QStringLiteral("2024-05-01T10:00:00.000Z"), Qt::ISODateWithMs).toMSecsSinceEpoch();
    QVERIFY(m_session->missing());
    QCOMPARE(m_session->missing()->first, request.interval.first);
    QCOMPARE(m_session->missing()->second, t + 1);
}

void TestEventSession::rowsFromArchiveBeforeAnyRequest()
{
    // An archive that covers the last week up to a minute ago, and a server that answers slowly.
    QTemporaryDir dir;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    std::vector<Event> events;
    const std::unique_ptr<EventArchive> archive
        = archiveUpToAMinuteAgo(dir, { m_server->url(), QStringLiteral("org-1"), {} }, now, &events);
    QVERIFY(archive);
    const ViewRequest request = lastWeek();
    TimedEvents server;
    server.events = { { 9001, now - 30000 } }; // only in the API: the last minute
    server.serve(m_server.get());
    m_server->latencyMs = 200;

    m_session->setArchive(archive.get());
    QVERIFY(!m_session->connectTo(m_server->url(), token, {}).isError());
    QSignalSpy fromArchive(m_session.get(), &EventSession::archiveReadFinished);
    QSignalSpy finished(m_session.get(), &EventSession::loadFinished);
    m_session->load(request);
    QVERIFY(fromArchive.wait(15000));
    QCOMPARE(m_model->store().size(), qsizetype(events.size())); // all of them, before any answer
    QCOMPARE(m_server->count("GET", "/event"), 0);
    QVERIFY(finished.wait(15000));
    QCOMPARE(finished.at(0).at(0).value<ApiError>().kind(), ApiError::Kind::None);
    QCOMPARE(m_model->store().size(), qsizetype(events.size()) + 1);
    QCOMPARE(m_session->archivedRows(), qsizetype(events.size()));
    QCOMPARE(m_session->apiRows(), 1);
    // Only the part the archive did not cover was asked for.
    QCOMPARE(server.queries.size(), 1);
    QVERIFY(qTime(server.queries.first(), QLatin1StringView("from:")) >= now - 60000 - 1000);
    m_session->setArchive(nullptr); // before the archive goes
}

void TestEventSession::archivedRowsArriveInSlices()
{
    // More events than two of the archive's chunks of 4,096 hold, newest first, a second apart.
    QTemporaryDir dir;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    constexpr qsizetype Count = 2 * EventArchive::ChunkEvents + 500;
    std::vector<Event> events = AccountGenerator::generate(Count, 3, now);
    for (qsizetype i = 0; i < Count; ++i) {
        events[size_t(i)].id = 1'000'000 - i;
        events[size_t(i)].timestampMs = now - 120000 - i * 50;
    }
    QString error;
    const std::unique_ptr<EventArchive> archive = EventArchive::open(
        dir.filePath(QStringLiteral("a.sqlite")), { m_server->url(), QStringLiteral("org-1"), {} }, &error);
    QVERIFY2(archive, qPrintable(error));
    QCOMPARE(archive->write(std::span<const Event>(events), TimeInterval { lastWeek().interval.first, now - 60000 }),
        Count);
    TimedEvents server; // nothing new in the last minute
    server.serve(m_server.get());

    m_session->setArchive(archive.get());
    QVERIFY(!m_session->connectTo(m_server->url(), token, {}).isError());
    QSignalSpy appended(m_model.get(), &EventTableModel::storeRowsAppended);
    QSignalSpy fromArchive(m_session.get(), &EventSession::archiveReadFinished);
    m_session->load(lastWeek());
    QVERIFY(fromArchive.wait(15000));

    // The GUI thread took them a slice at a time (a chunk's slices, not whole chunks)...
    QVERIFY(appended.size() >= Count / 1024);
    qsizetype next = 0;
    for (const QList<QVariant> &run : std::as_const(appended)) {
        QCOMPARE(run.at(0).value<qsizetype>(), next);
        const qsizetype rows = run.at(1).value<qsizetype>() - next;
        QVERIFY2(rows > 0 && rows <= 1024, qPrintable(QString::number(rows)));
        next += rows;
    }
    // ...and every event is there once, newest first, as it was archived.
    const EventStore &store = m_model->store();
    QCOMPARE(store.size(), Count);
    QCOMPARE(next, Count);
    std::set<qint64> ids;
    for (qsizetype row = 0; row < Count; ++row) {
        QCOMPARE(store.id(row), events[size_t(row)].id);
        QCOMPARE(store.timestampMs(row), events[size_t(row)].timestampMs);
        ids.insert(store.id(row));
    }
    QCOMPARE(qsizetype(ids.size()), Count);
    QCOMPARE(store.event(Count - 1).description, events.back().description);
    QCOMPARE(store.event(1500).detailJson, PayloadSecrets::redactedEvent(events[1500]).detailJson);
    m_session->setArchive(nullptr); // before the archive goes
}

void TestEventSession::restartInsideCoveredRangeRequestsOnlyWhatIsNew()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("a.sqlite"));
    const ArchiveAccount account { m_server->url(), QStringLiteral("org-1"), {} };
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    TimedEvents server;
    for (int i = 0; i < 40; ++i)
        server.events.append({ 5000 - i, now - 10000 - qint64(i) * 60000 });
    server.serve(m_server.get());
    QVERIFY(!m_session->connectTo(m_server->url(), token, {}).isError());
    {
        QString error;
        std::unique_ptr<EventArchive> archive = EventArchive::open(path, account, &error);
        QVERIFY2(archive, qPrintable(error));
        m_session->setArchive(archive.get());
        QVERIFY(loadAndWait(m_session.get()));
        QCOMPARE(m_model->store().size(), 40);
        m_session->setArchive(nullptr);
    }
    const qint64 firstUntil = m_session->interval().second;
    QCOMPARE(server.queries.size(), 1);

    // "Restart": a new session and table on the same file; one event is new since.
    server.events.prepend({ 6000, QDateTime::currentMSecsSinceEpoch() });
    server.queries.clear();
    EventTableModel model;
    EventSession session(m_client.get(), &model);
    QString error;
    std::unique_ptr<EventArchive> archive = EventArchive::open(path, account, &error);
    QVERIFY2(archive, qPrintable(error));
    session.setArchive(archive.get());
    QVERIFY(!session.connectTo(m_server->url(), token, {}).isError());
    QVERIFY(loadAndWait(&session));
    QCOMPARE(model.store().size(), 41);
    QCOMPARE(session.archivedRows(), 40);
    QCOMPARE(session.apiRows(), 1);
    QCOMPARE(server.queries.size(), 1); // the covered week is not asked for again
    QVERIFY2(qTime(server.queries.first(), QLatin1StringView("from:")) >= firstUntil - 1000, server.queries.first().constData());
    session.setArchive(nullptr);
}

void TestEventSession::beyondRetentionIsNotEmptySuccess()
{
    QTemporaryDir dir;
    const ArchiveAccount account { m_server->url(), QStringLiteral("org-1"), {} };
    QString error;
    std::unique_ptr<EventArchive> archive = EventArchive::open(dir.filePath(QStringLiteral("a.sqlite")), account, &error);
    QVERIFY2(archive, qPrintable(error));
    m_session->setArchive(archive.get());
    QVERIFY(!m_session->connectTo(m_server->url(), token, {}).isError());
    const qint64 day = 24 * 3600 * 1000LL;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    ViewerFilterState state;
    state.timeRange = ViewerFilterState::TimeRange::Custom;
    state.customFrom = QDateTime::fromMSecsSinceEpoch(now - 60 * day, Qt::UTC);
    state.customUntil = QDateTime::fromMSecsSinceEpoch(now - 40 * day, Qt::UTC);
    const ViewRequest request = *ViewRequest::fromState(state, now);
    QSignalSpy finished(m_session.get(), &EventSession::loadFinished);
    m_session->load(request);
    QVERIFY(finished.wait(15000));
    QCOMPARE(m_server->count("GET", "/event"), 0); // the API no longer holds any of it
    QCOMPARE(m_session->emptiness(), EventSession::Emptiness::BeyondRetention);
    QCOMPARE(m_session->beyondRetention().size(), 1);
    QCOMPARE(m_session->beyondRetention().first(), (TimeInterval { request.interval.first, request.interval.second }));
    m_session->setArchive(nullptr);
}

void TestEventSession::archiveShowsBeforeTheApiIsReady()
{
    // The demo's second start: its archive holds the week up to a minute ago, and its simulator
    // does not listen yet (it is being generated).
    QTemporaryDir dir;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    std::vector<Event> events;
    const std::unique_ptr<EventArchive> archive = archiveUpToAMinuteAgo(
        dir, { QUrl(QStringLiteral("http://127.0.0.1")), QStringLiteral("demo"), {} }, now, &events);
    QVERIFY(archive);
    const ViewRequest request = lastWeek();

    m_session->setArchive(archive.get());
    m_session->connectToArchiveOnly(QStringLiteral("Demo account"));
    QVERIFY(m_session->isConnected());
    QSignalSpy fromArchive(m_session.get(), &EventSession::archiveReadFinished);
    QSignalSpy finished(m_session.get(), &EventSession::loadFinished);
    m_session->load(request);
    QVERIFY(fromArchive.wait(15000));
    QCOMPARE(m_model->store().size(), qsizetype(events.size()));
    QCOMPARE(m_session->archivedRows(), qsizetype(events.size()));
    QVERIFY(m_session->isWaitingForApi());
    QCOMPARE(m_session->state(), EventSession::State::Loading);
    QCOMPARE(m_session->emptiness(), EventSession::Emptiness::None);
    QVERIFY(finished.isEmpty());

    // The simulator is ready: the same account connects and only the last minute is read.
    TimedEvents server;
    server.events = { { 9001, now - 30000 } };
    server.serve(m_server.get());
    QSignalSpy cleared(m_model.get(), &EventTableModel::storeCleared);
    QVERIFY(!m_session->connectTo(m_server->url(), token, QStringLiteral("Demo account")).isError());
    QVERIFY(finished.wait(15000));
    QCOMPARE(finished.at(0).at(0).value<ApiError>().kind(), ApiError::Kind::None);
    QVERIFY(cleared.isEmpty()); // the archived rows stayed: not read again
    QCOMPARE(fromArchive.size(), 1);
    QCOMPARE(m_model->store().size(), qsizetype(events.size()) + 1);
    QCOMPARE(m_session->apiRows(), 1);
    QCOMPARE(server.queries.size(), 1);
    QVERIFY(qTime(server.queries.first(), QLatin1StringView("from:")) >= now - 60000 - 1000);
    QVERIFY(!m_session->isWaitingForApi());
    m_session->setArchive(nullptr);
}

void TestEventSession::rowOriginsAddUpWhileTheTableIsBusy()
{
    // Batches that wait while a worker reads the store (an export holds a read lock), archive and
    // API ones added at once, are counted by where the rows they added came from; a refresh that
    // reads them all again adds nothing and changes no count.
    QTemporaryDir dir;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    std::vector<Event> events;
    const std::unique_ptr<EventArchive> archive
        = archiveUpToAMinuteAgo(dir, { m_server->url(), QStringLiteral("org-1"), {} }, now, &events);
    QVERIFY(archive);
    const ViewRequest request = lastWeek();
    // The API's last minute.
    TimedEvents server;
    server.events = { { 9002, now - 20000 }, { 9001, now - 30000 } };
    server.serve(m_server.get());
    m_session->setArchive(archive.get());
    QVERIFY(!m_session->connectTo(m_server->url(), token, {}).isError());

    QSignalSpy finished(m_session.get(), &EventSession::loadFinished);
    m_session->load(request); // clears the table at once; the rows come later, on this thread
    std::optional<EventStore::ReadLock> lock(m_model->lockForRead()); // and wait in the model
    QVERIFY(finished.wait(15000));
    QCOMPARE(m_model->store().size(), 0);
    lock.reset();
    QTRY_COMPARE(m_model->store().size(), qsizetype(events.size()) + 2);
    QCOMPARE(m_session->archivedRows(), qsizetype(events.size()));
    QCOMPARE(m_session->apiRows(), 2);

    // F5 reads the archive and the API again: nothing new, so nothing changes.
    QVERIFY(loadAndWait(m_session.get(), false));
    QCOMPARE(m_session->archivedRows() + m_session->apiRows(), m_model->store().size());
    QCOMPARE(m_session->apiRows(), 2);
    m_session->setArchive(nullptr);
}

QTEST_GUILESS_MAIN(TestEventSession)
#include "tst_eventsession.moc"
