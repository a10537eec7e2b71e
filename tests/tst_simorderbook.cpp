// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "model/eventbatchbuilder.h"
#include "model/eventstore.h"
#include "model/eventtext.h"
#include "model/simorderbook.h"
#include "model/simordercolumns.h"

#include <QTest>

#include <algorithm>

// The fold of SIM order events into orders: what the Orders view, its export and the command line
// show. Every case compares all columns as exported, so a wrong date, status or reference shows.
class TestSimOrderBook : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyArrivalOrderGivesTheSameOrder_data();
    void everyArrivalOrderGivesTheSameOrder();
    void cases_data();
    void cases();
    void storePagesInAnyOrder_data();
    void storePagesInAnyOrder();
    void changesNameAddedAndUpdatedOrders();
    void providerNamesComeFromTheUserOnly();
};

namespace {

constexpr qint64 Hour = 3600 * 1000;
constexpr qint64 T0 = 1'764'000'000'000; // 2025-11-24T16:00:00Z

Event orderEvent(qint64 id, qint64 ts, int type, const QByteArray &detail, bool withUser = true)
{
    Event e;
    e.id = id;
    e.timestampMs = ts;
    e.type = { type, type == 38 ? QStringLiteral("Order submitted") : QStringLiteral("Order updated") };
    e.severity = { 0, QStringLiteral("INFO") };
    e.source = { 2, QStringLiteral("API") };
    e.organisation = { 77, QStringLiteral("Acme Fleet") };
    e.description = QStringLiteral("SIM order");
    if (withUser)
        e.user = EventUser { 5, QStringLiteral("Sample User"), QStringLiteral("abc@cde.com") };
    e.detailJson = detail;
    return e;
}

Event otherEvent(qint64 id, qint64 ts)
{
    Event e;
    e.id = id;
    e.timestampMs = ts;
    e.type = { 1, QStringLiteral("Update location") };
    e.organisation = { 77, QStringLiteral("Acme Fleet") };
    e.detailJson = "{\"id\":5}";
    return e;
}

// Submitted, paid (no user: payment is automatic), shipped, shipped again with a new reference.
std::vector<Event> fourEvents()
{
    return {
        orderEvent(101, T0, 38, "{\"id\":500,\"location\":\"/api/v1/order/500\"}"),
        orderEvent(102, T0 + 3 * Hour, 39, "{\"id\":500,\"status\":{\"id\":1}}", false),
        orderEvent(103, T0 + 50 * Hour, 39,
            "{\"id\":500,\"status\":{\"id\":2},\"shipped_with_provider_id\":2,"
            "\"ext_shipping_reference\":\"REF-1\",\"shipped_date\":\"2025-11-26T17:00:00.000+0000\"}"),
        orderEvent(104, T0 + 51 * Hour, 39,
            "{\"id\":500,\"status\":{\"id\":2},\"ext_shipping_reference\":\"REF-2\"}"),
    };
}

QStringList columns(const SimOrderBook &book, qint64 orderId)
{
    const SimOrderRecord *order = book.order(orderId);
    if (!order)
        return { QStringLiteral("no order %1").arg(orderId) };
    SimOrderColumns::Context context;
    context.earliestLoadedMs = book.earliestLoadedMs();
    QStringList texts;
    for (int c = 0; c < SimOrderColumns::ColumnCount; ++c)
        texts << SimOrderColumns::text(
            *order, SimOrderColumns::Column(c), context, SimOrderColumns::Format::Export);
    for (const SimOrderStep &step : order->steps)
        texts << QStringLiteral("%1 %2 %3").arg(step.eventId).arg(step.statusId).arg(step.performedBy);
    texts << order->submittedByLine;
    return texts;
}

QString iso(qint64 ms) { return SimOrderColumns::timeText(ms, SimOrderColumns::Format::Export); }

} // namespace

void TestSimOrderBook::everyArrivalOrderGivesTheSameOrder_data()
{
    QTest::addColumn<QList<int>>("arrival");
    QTest::addColumn<bool>("repeat");
    QList<int> perm { 0, 1, 2, 3 };
    do {
        const QString name = QStringLiteral("%1%2%3%4").arg(perm[0]).arg(perm[1]).arg(perm[2]).arg(perm[3]);
        QTest::newRow(qPrintable(name)) << perm << false;
        QTest::newRow(qPrintable(name + QStringLiteral(" twice"))) << perm << true;
    } while (std::next_permutation(perm.begin(), perm.end()));
}

void TestSimOrderBook::everyArrivalOrderGivesTheSameOrder()
{
    QFETCH(QList<int>, arrival);
    QFETCH(bool, repeat);
    const std::vector<Event> events = fourEvents();
    SimOrderBook book;
    for (int i : arrival) {
        book.add(events[size_t(i)]);
        if (repeat) // a refresh or an overlapping page delivers it again
            book.add(events[size_t(arrival.front())]);
    }
    const QString performedBy = QStringLiteral("Action performed by: Sample User, abc@cde.com. (User ID: 5)");
    QCOMPARE(book.orders().size(), size_t(1));
    const QStringList got = columns(book, 500);
    const QStringList expected {
        QStringLiteral("500"),
        QStringLiteral("Acme Fleet"),
        QStringLiteral("Shipped"),
        iso(T0),
        QStringLiteral("Sample User <abc@cde.com>"),
        iso(T0 + 3 * Hour),
        iso(T0 + 50 * Hour), // shipped when it first became Shipped
        QStringLiteral("provider 2"),
        QStringLiteral("REF-2"), // the latest reference
        iso(T0 + 51 * Hour),
        QStringLiteral("4"),
        QStringLiteral("101 0 ") + performedBy,
        QStringLiteral("102 1 ") + EventText::performedBy(std::nullopt), // payment: nobody named
        QStringLiteral("103 2 ") + performedBy,
        QStringLiteral("104 2 ") + performedBy,
        performedBy,
    };
    QCOMPARE(got, expected);
    QCOMPARE(book.orderEventCount(), qsizetype(4));
}

void TestSimOrderBook::cases_data()
{
    QTest::addColumn<QList<Event>>("events");
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("submitted");
    QTest::addColumn<QString>("provider");
    QTest::addColumn<QString>("reference");
    QTest::addColumn<QString>("eventCount");

    const Event submit = orderEvent(1, T0, 38, "{\"id\":42}");
    QTest::newRow("submitted only") << QList<Event> { submit } << "Submitted" << iso(T0) << ""
                                    << ""
                                    << "1";
    QTest::newRow("unknown status id")
        << QList<Event> { submit, orderEvent(2, T0 + Hour, 39, "{\"id\":42,\"status\":{\"id\":7}}") }
        << "Status 7" << iso(T0) << ""
        << ""
        << "2";
    QTest::newRow("update without a status keeps the previous one")
        << QList<Event> { orderEvent(3, T0 + 2 * Hour, 39, "{\"id\":42,\"ext_shipping_reference\":\"X9\"}"),
               submit, orderEvent(2, T0 + Hour, 39, "{\"id\":42,\"status\":{\"id\":1}}") }
        << "Paid" << iso(T0) << ""
        << "X9"
        << "3";
    QTest::newRow("no status ever") << QList<Event> { orderEvent(3, T0 + 2 * Hour, 39, "{\"id\":42}") }
                                    << "Unknown" << QStringLiteral("submitted before ") + iso(T0 - Hour) << ""
                                    << ""
                                    << "1";
    // Loaded: an unrelated event an hour before; the order's submit is older than the range.
    QTest::newRow("submit not loaded")
        << QList<Event> { orderEvent(5, T0 + Hour, 39, "{\"id\":42,\"status\":{\"id\":3}}") } << "Canceled"
        << QStringLiteral("submitted before ") + iso(T0 - Hour) << ""
        << ""
        << "1";
    QTest::newRow("numbers sent as strings") << QList<Event> { orderEvent(1, T0, 38, "{\"id\":\"42\"}"),
        orderEvent(6, T0 + Hour, 39,
            "{\"id\":\"42\",\"status\":{\"id\":\"2\"},\"shipped_with_provider_id\":\"3\","
            "\"ext_shipping_reference\":12345}") }
                                             << "Shipped" << iso(T0) << "provider 3"
                                             << "12345"
                                             << "2";
    QTest::newRow("status as a bare number")
        << QList<Event> { submit, orderEvent(2, T0 + Hour, 39, "{\"id\":42,\"status\":3}") } << "Canceled"
        << iso(T0) << ""
        << ""
        << "2";
    QTest::newRow("duplicates count once")
        << QList<Event> { submit, submit, orderEvent(2, T0 + Hour, 39, "{\"id\":42,\"status\":{\"id\":1}}"),
               submit, orderEvent(2, T0 + Hour, 39, "{\"id\":42,\"status\":{\"id\":1}}") }
        << "Paid" << iso(T0) << ""
        << ""
        << "2";
    QTest::newRow("same time, id decides")
        << QList<Event> { orderEvent(9, T0 + Hour, 39, "{\"id\":42,\"status\":{\"id\":3}}"),
               orderEvent(8, T0 + Hour, 39, "{\"id\":42,\"status\":{\"id\":1}}"), submit }
        << "Canceled" << iso(T0) << ""
        << ""
        << "3";
}

void TestSimOrderBook::cases()
{
    QFETCH(QList<Event>, events);
    QFETCH(QString, status);
    QFETCH(QString, submitted);
    QFETCH(QString, provider);
    QFETCH(QString, reference);
    QFETCH(QString, eventCount);

    SimOrderBook book;
    book.add(otherEvent(999, T0 - Hour));
    book.add(orderEvent(998, T0 - Hour, 39, "{\"status\":{\"id\":1}}")); // no order id: no order
    for (const Event &event : events)
        book.add(event);
    QCOMPARE(book.orders().size(), size_t(1));
    const QStringList got = columns(book, 42);
    QCOMPARE(got.value(SimOrderColumns::Status), status);
    QCOMPARE(got.value(SimOrderColumns::Submitted), submitted);
    QCOMPARE(got.value(SimOrderColumns::Provider), provider);
    QCOMPARE(got.value(SimOrderColumns::TrackingReference), reference);
    QCOMPARE(got.value(SimOrderColumns::Events), eventCount);

    // The same events the other way round give the same order.
    SimOrderBook reversed;
    for (auto it = events.crbegin(); it != events.crend(); ++it)
        reversed.add(*it);
    reversed.add(otherEvent(999, T0 - Hour));
    QCOMPARE(columns(reversed, 42), got);
}

void TestSimOrderBook::storePagesInAnyOrder_data()
{
    QTest::addColumn<bool>("newestFirst");
    QTest::newRow("oldest first") << false;
    QTest::newRow("newest first (how a pull reads)") << true;
}

void TestSimOrderBook::storePagesInAnyOrder()
{
    QFETCH(bool, newestFirst);
    // Three orders spread over pages of 3 events, mixed with other events.
    std::vector<Event> events;
    qint64 id = 1;
    for (int order = 0; order < 3; ++order) {
        const QByteArray oid = QByteArray::number(700 + order);
        events.push_back(orderEvent(id++, T0 + order * Hour, 38, "{\"id\":" + oid + '}'));
        events.push_back(otherEvent(id++, T0 + order * Hour + 1));
        events.push_back(
            orderEvent(id++, T0 + (order + 5) * Hour, 39, "{\"id\":" + oid + ",\"status\":{\"id\":1}}"));
        events.push_back(orderEvent(id++, T0 + (order + 9) * Hour, 39,
            "{\"id\":" + oid + ",\"status\":{\"id\":" + QByteArray::number(order + 1) + "}}"));
    }
    if (newestFirst)
        std::reverse(events.begin(), events.end());
    EventStore store;
    SimOrderBook paged;
    for (size_t first = 0; first < events.size(); first += 3) {
        const size_t end = std::min(events.size(), first + 3);
        const qsizetype rows = store.size();
        store.append(EventBatchBuilder::build(std::span(events).subspan(first, end - first)));
        paged.addStoreRows(store, rows, store.size());
        paged.addStoreRows(store, rows, store.size()); // the same rows again change nothing
    }
    SimOrderBook whole;
    for (const Event &event : events)
        whole.add(event);
    QCOMPARE(paged.orders().size(), size_t(3));
    for (qint64 order = 700; order < 703; ++order)
        QCOMPARE(columns(paged, order), columns(whole, order));
    QCOMPARE(columns(paged, 702).value(SimOrderColumns::Status), QStringLiteral("Canceled"));
}

void TestSimOrderBook::changesNameAddedAndUpdatedOrders()
{
    EventStore store;
    SimOrderBook book;
    const std::vector<Event> first { orderEvent(1, T0, 38, "{\"id\":1}"),
        orderEvent(2, T0, 38, "{\"id\":2}") };
    store.append(EventBatchBuilder::build(first));
    SimOrderBook::Change change = book.addStoreRows(store, 0, store.size());
    QCOMPARE(change.added, (std::vector<int> { 0, 1 }));
    QVERIFY(change.updated.empty());

    const std::vector<Event> second { orderEvent(3, T0 + Hour, 39, "{\"id\":2,\"status\":{\"id\":1}}"),
        orderEvent(4, T0 + Hour, 38, "{\"id\":3}"), otherEvent(5, T0 + 2 * Hour) };
    store.append(EventBatchBuilder::build(second));
    change = book.addStoreRows(store, 2, store.size());
    QCOMPARE(change.added, std::vector<int> { 2 });
    QCOMPARE(change.updated, std::vector<int> { 1 });
    QCOMPARE(book.orders()[1].statusId, int(SimCardOrder::Paid));
}

void TestSimOrderBook::providerNamesComeFromTheUserOnly()
{
    SimOrderBook book;
    book.add(orderEvent(1, T0, 39, "{\"id\":9,\"status\":{\"id\":2},\"shipped_with_provider_id\":1}"));
    SimOrderColumns::Context context;
    QCOMPARE(SimOrderColumns::text(book.orders()[0], SimOrderColumns::Provider, context),
        QStringLiteral("provider 1"));
    context.providerNames.insert(1, QStringLiteral("Acme Post"));
    QCOMPARE(SimOrderColumns::text(book.orders()[0], SimOrderColumns::Provider, context),
        QStringLiteral("Acme Post"));
}

QTEST_APPLESS_MAIN(TestSimOrderBook)
#include "tst_simorderbook.moc"
