// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "session/viewrequest.h"

#include "model/eventtypecatalogue.h"

#include <QTest>

// The filter panel's state -> what is sent to the API and what filters locally: the same state
// must always ask for the same request, and a state that cannot be sent says why.
class TestViewRequest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void timeRanges_data();
    void timeRanges();
    void scopes_data();
    void scopes();
    void customRangeBackwardsIsRefused();
    void filterCarriesPanelIntervalAndPins();
    void pushedDown_data();
    void pushedDown();
};

namespace {
constexpr qint64 now = 1'790'000'000'000; // 2026-09-21T...Z
constexpr qint64 hour = 3'600'000;
}

void TestViewRequest::timeRanges_data()
{
    QTest::addColumn<int>("range");
    QTest::addColumn<qint64>("spanMs");
    using R = ViewerFilterState::TimeRange;
    QTest::newRow("last hour") << int(R::LastHour) << hour;
    QTest::newRow("last 24 h") << int(R::Last24Hours) << 24 * hour;
    QTest::newRow("last 7 days") << int(R::Last7Days) << 7 * 24 * hour;
    QTest::newRow("last 30 days") << int(R::Last30Days) << 30 * 24 * hour;
}

void TestViewRequest::timeRanges()
{
    QFETCH(int, range);
    QFETCH(qint64, spanMs);
    ViewerFilterState state;
    state.timeRange = ViewerFilterState::TimeRange(range);
    const std::optional<ViewRequest> request = ViewRequest::fromState(state, now);
    QVERIFY(request);
    QCOMPARE(request->interval.first, now - spanMs);
    QCOMPARE(request->interval.second, now + 1); // an event stamped "now" is in
    QCOMPARE(request->query.from.toMSecsSinceEpoch(), now - spanMs);
    QCOMPARE(request->scope, EventScope::account());
    QVERIFY(request->query.toQ().startsWith(QLatin1String("from:")));
}

void TestViewRequest::scopes_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("path"); // empty: refused
    QTest::addColumn<QString>("q"); // the query's filter besides the time range
    using K = EventScope::Kind;
    QTest::newRow("account ignores a stale id") << int(K::Account) << "42" << "/api/v1/event" << "";
    QTest::newRow("device") << int(K::Endpoint) << "42" << "/api/v1/endpoint/42/event" << "";
    QTest::newRow("device id with spaces") << int(K::Endpoint) << " 42 " << "/api/v1/endpoint/42/event" << "";
    QTest::newRow("sim") << int(K::Sim) << "7" << "/api/v1/sim/7/event" << "";
    QTest::newRow("user") << int(K::User) << "123456" << "/api/v1/user/123456/event" << "";
    QTest::newRow("organisation") << int(K::Organisation) << "3" << "/api/v1/organisation/3/event" << "";
    QTest::newRow("device without id") << int(K::Endpoint) << "" << "" << "";
    // What people have instead of an id: the account's list, filtered by the API's q.
    QTest::newRow("sim by ICCID") << int(K::Sim) << "8988303000123456789" << "/api/v1/event"
                                  << "iccid:8988303000123456789";
    QTest::newRow("sim by IMSI") << int(K::Sim) << "901430123456789" << "/api/v1/event" << "imsi:901430123456789";
    QTest::newRow("device by IMEI") << int(K::Endpoint) << "490154203237518" << "/api/v1/event"
                                    << "imei:490154203237518";
    QTest::newRow("device by name") << int(K::Endpoint) << "tracker-7" << "/api/v1/event" << "endpoint:tracker-7";
    QTest::newRow("organisation by name") << int(K::Organisation) << "Sampe Corp" << "/api/v1/event"
                                          << "organisation:Sampe Corp";
    QTest::newRow("user by name") << int(K::User) << "abc@cde.com" << "/api/v1/event" << "user:abc@cde.com";
    QTest::newRow("my events") << int(K::User) << "my" << "/api/v1/user/my/event" << "";
    QTest::newRow("a name with a comma") << int(K::Endpoint) << "a,b" << "" << "";
}

void TestViewRequest::scopes()
{
    QFETCH(int, kind);
    QFETCH(QString, id);
    QFETCH(QString, path);
    QFETCH(QString, q);
    ViewerFilterState state;
    state.scopeKind = EventScope::Kind(kind);
    state.scopeId = id;
    QString problem;
    const std::optional<ViewRequest> request = ViewRequest::fromState(state, now, &problem);
    if (path.isEmpty()) {
        QVERIFY(!request);
        QVERIFY(!problem.isEmpty());
        return;
    }
    QVERIFY2(request, qPrintable(problem));
    QCOMPARE(request->scope.path(), path);
    EventQuery filterOnly = request->query;
    filterOnly.from = filterOnly.until = QDateTime();
    QCOMPARE(filterOnly.toQ(), q);
}

void TestViewRequest::customRangeBackwardsIsRefused()
{
    ViewerFilterState state;
    state.timeRange = ViewerFilterState::TimeRange::Custom;
    state.customFrom = QDateTime::fromMSecsSinceEpoch(now, Qt::UTC);
    state.customUntil = QDateTime::fromMSecsSinceEpoch(now - hour, Qt::UTC);
    QString problem;
    QVERIFY(!ViewRequest::fromState(state, now, &problem));
    QVERIFY(!problem.isEmpty());
}

void TestViewRequest::filterCarriesPanelIntervalAndPins()
{
    ViewerFilterState state;
    state.hiddenSeverities = { 0 };
    state.hiddenSources = { 2 };
    state.hiddenCategories = { 4 };
    state.hiddenTypeIds = { 38 };
    state.searchText = QStringLiteral("tracker");
    const QList<EntityPin> pins {
        { EventEntity::Organisation, 654321, QStringLiteral("Sample Org") },
        { EventEntity::Order, 16235491, QStringLiteral("16235491") },
        { EventEntity::Endpoint, 1, {} },
        { EventEntity::Endpoint, 2, {} }, // a later pin of the same kind wins
    };
    const EventFilter filter = ViewRequest::filter(state, { now - hour, now }, pins);
    QCOMPARE(filter.hiddenSeverities, QSet<int> { 0 });
    QCOMPARE(filter.hiddenSources, QSet<int> { 2 });
    QCOMPARE(filter.hiddenCategories, QSet<int> { 4 });
    QCOMPARE(filter.hiddenTypeIds, QSet<int> { 38 });
    QCOMPARE(filter.text, QStringLiteral("tracker"));
    QCOMPARE(filter.fromMs, now - hour);
    QCOMPARE(filter.untilMs, now);
    QCOMPARE(filter.organisationId, 654321);
    QCOMPARE(filter.orderId, 16235491);
    QCOMPARE(filter.endpointId, 2);
    QVERIFY(!filter.userId && !filter.simId && !filter.imsiId);

    // Before anything was requested, the interval does not filter.
    const EventFilter unbounded = ViewRequest::filter(ViewerFilterState {}, { 0, 0 });
    QVERIFY(!unbounded.fromMs && !unbounded.untilMs);
    QVERIFY(unbounded.isEmpty());
}

void TestViewRequest::pushedDown_data()
{
    // What a team archive's SQL filters: only what hides no event the local filter would show.
    QTest::addColumn<QSet<int>>("hiddenSeverities");
    QTest::addColumn<QSet<int>>("hiddenSources");
    QTest::addColumn<bool>("otherHidden");
    QTest::addColumn<int>("severity"); // -1: none
    QTest::addColumn<int>("source");
    QTest::addColumn<bool>("types");
    const int none = -1;
    QTest::newRow("nothing hidden") << QSet<int> {} << QSet<int> {} << false << none << none << false;
    QTest::newRow("two severities left") << QSet<int> { 0 } << QSet<int> {} << false << none << none << false;
    QTest::newRow("only critical") << QSet<int> { 0, 1 } << QSet<int> {} << false << 2 << none << false;
    QTest::newRow("only the API") << QSet<int> {} << QSet<int> { 0, 1 } << false << none << 2 << false;
    QTest::newRow("all severities hidden") << QSet<int> { 0, 1, 2 } << QSet<int> {} << false << none << none << false;
    QTest::newRow("Other hidden: types") << QSet<int> {} << QSet<int> {} << true << none << none << true;
}

void TestViewRequest::pushedDown()
{
    QFETCH(QSet<int>, hiddenSeverities);
    QFETCH(QSet<int>, hiddenSources);
    QFETCH(bool, otherHidden);
    QFETCH(int, severity);
    QFETCH(int, source);
    QFETCH(bool, types);
    const EventTypeCatalogue &catalogue = EventTypeCatalogue::builtIn();
    ViewerFilterState state;
    state.hiddenSeverities = hiddenSeverities;
    state.hiddenSources = hiddenSources;
    const int hiddenType = catalogue.types().first().id;
    state.hiddenTypeIds = { hiddenType };
    if (otherHidden)
        state.hiddenCategories = { catalogue.otherCategory(), 0 };
    const qint64 now = QDateTime(QDate(2026, 11, 20), QTime(12, 0), Qt::UTC).toMSecsSinceEpoch();
    const auto request = ViewRequest::fromState(state, now);
    QVERIFY(request);
    const ViewRequest pushed = ViewRequest::pushedDown(*request, state);
    QCOMPARE(pushed.query.severity.value_or(-1), severity);
    QCOMPARE(pushed.query.source.value_or(-1), source);
    QCOMPARE(!pushed.query.types.isEmpty(), types);
    QCOMPARE(pushed.interval, request->interval);
    QVERIFY(pushed.scope == request->scope);
    if (types) {
        QVERIFY(!pushed.query.types.contains(hiddenType));
        for (const EventTypeCatalogue::Type &type : catalogue.types()) {
            const bool shown = type.id != hiddenType && catalogue.categoryOf(type.id) != 0
                && catalogue.categoryOf(type.id) != catalogue.otherCategory();
            QCOMPARE(pushed.query.types.contains(type.id), shown);
        }
    }
}

QTEST_APPLESS_MAIN(TestViewRequest)
#include "tst_viewrequest.moc"
