// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "api/eventparser.h"
#include "model/eventbatchbuilder.h"
#include "model/eventstore.h"
#include "testdata.h"

#include <QFile>
#include <QTest>

class TestEventBatch final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTripsEveryDocExample();
    void eachEntityOncePerBatch();
    void entityTextsRoundTrip_data();
    void entityTextsRoundTrip();
    void droppedRowsStayOut();
    void payloadsAcrossBatchesAndBlocks();
    void knownRowsOfABatchAreSkipped();
    void copiesAreIndependent();

private:
    static std::vector<Event> docExamples();
    static Event numbered(qint64 id);
};

std::vector<Event> TestEventBatch::docExamples()
{
    return TestData::docExamples();
}

Event TestEventBatch::numbered(qint64 id)
{
    Event e;
    e.id = id;
    e.timestampMs = 1'700'000'000'000 + id;
    e.description = QStringLiteral("event %1").arg(id % 5);
    e.type = EventRef { 1, QStringLiteral("Update location") };
    e.endpoint = EventEndpoint { 100 + id % 3, QStringLiteral("tracker-%1").arg(id % 3), {}, {}, {} };
    e.detailJson = "{\"n\":" + QByteArray::number(id) + ",\"pad\":\"" + QByteArray(int(id % 200), 'x') + "\"}";
    return e;
}

void TestEventBatch::roundTripsEveryDocExample()
{
    const std::vector<Event> examples = docExamples();
    const EventBatch batch = EventBatchBuilder::build(examples);
    QCOMPARE(batch.size(), qsizetype(examples.size()));
    QCOMPARE(batch.liveCount(), batch.size());
    const std::vector<Event> back = batch.toEvents();
    QCOMPARE(back.size(), examples.size());
    for (size_t i = 0; i < examples.size(); ++i)
        QCOMPARE(back[i], examples[i]);
}

void TestEventBatch::eachEntityOncePerBatch()
{
    std::vector<Event> events;
    for (qint64 id = 1; id <= 1000; ++id)
        events.push_back(numbered(id));
    events[10].endpoint->name = QStringLiteral("tracker renamed"); // same id, other name: its own entry
    const EventBatch batch = EventBatchBuilder::build(events);
    QCOMPARE(batch.table(EventBatch::Endpoints).size(), 4u);
    QCOMPARE(batch.table(EventBatch::Descriptions).size(), 5u);
    QCOMPARE(batch.table(EventBatch::Types).size(), 1u);
    QCOMPARE(batch.table(EventBatch::Users).size(), 0u);
    QCOMPARE(batch.index(EventBatch::Users, 0), EventBatch::None);
    QCOMPARE(batch.blocks().size(), size_t(8)); // 7 full blocks of 128 and one of 104
    QCOMPARE(batch.description(7), std::string_view("event 3"));
}

void TestEventBatch::entityTextsRoundTrip_data()
{
    QTest::addColumn<Event>("event");
    Event e;
    e.id = 1;
    QTest::newRow("nothing but an id") << e;
    e.user = EventUser { -1, {}, {} };
    QTest::newRow("user without any field") << e;
    e.user = EventUser { 123456, QStringLiteral("Sample User"), QStringLiteral("abc@cde.com") };
    e.sim = EventSim { 7, QStringLiteral("8988303000123456789"), {} };
    e.imsi = EventImsi { 8, QStringLiteral("901430000000001"), QStringLiteral("2019-01-01") };
    e.organisation = EventRef { 42, QString::fromUtf8("Grüße GmbH · 東京") };
    QTest::newRow("unicode and long numbers") << e;
    e.endpoint = EventEndpoint { 5, QStringLiteral("a\tb"), QStringLiteral("10.0.0.1"), QStringLiteral("3567"), QStringLiteral("x,y") };
    e.extraJson = R"({"keen":{"x":1}})";
    e.detailJson = "null";
    QTest::newRow("every entity, extra keys, null detail") << e;
}

void TestEventBatch::entityTextsRoundTrip()
{
    QFETCH(Event, event);
    const std::vector<Event> in { event };
    const std::vector<Event> out = EventBatchBuilder::build(in).toEvents();
    QCOMPARE(out.size(), size_t(1));
    QCOMPARE(out.front(), event);
    EventStore store;
    store.append(EventBatchBuilder::build(in));
    QCOMPARE(store.event(0), event);
}

void TestEventBatch::droppedRowsStayOut()
{
    std::vector<Event> events;
    for (qint64 id = 1; id <= 300; ++id)
        events.push_back(numbered(id));
    EventBatch batch = EventBatchBuilder::build(events);
    batch.drop(0);
    batch.drop(150);
    batch.drop(150); // once is enough
    for (qsizetype row = 256; row < 300; ++row)
        batch.drop(row); // the whole last block
    QCOMPARE(batch.liveCount(), 300 - 2 - 44);
    QVERIFY(batch.isDropped(150));
    QVERIFY(!batch.isDropped(151));
    const std::vector<Event> live = batch.toEvents();
    QCOMPARE(live.size(), size_t(254));
    QCOMPARE(live.front().id, 2);
    QCOMPARE(live.back().id, 256);

    EventStore store;
    QCOMPARE(store.append(batch), 254);
    QVERIFY(!store.containsId(1));
    QVERIFY(!store.containsId(151));
    QVERIFY(!store.containsId(300));
    for (qsizetype row = 0; row < store.size(); ++row)
        QCOMPARE(store.event(row), live[size_t(row)]);
}

void TestEventBatch::payloadsAcrossBatchesAndBlocks()
{
    // Batches of every awkward size end up in one store; each row still reads its own payload,
    // one at a time (the detail pane) and in sequence (the CSV export).
    EventStore store;
    std::vector<Event> all;
    qint64 id = 1;
    for (int size : { 1, 127, 128, 129, 300, 1, 1000 }) {
        std::vector<Event> events;
        for (int i = 0; i < size; ++i)
            events.push_back(numbered(id++));
        QCOMPARE(store.append(EventBatchBuilder::build(events)), size);
        all.insert(all.end(), events.begin(), events.end());
    }
    QCOMPARE(store.size(), qsizetype(all.size()));
    EventStore::PayloadReader reader(store);
    for (size_t row = 0; row < all.size(); ++row)
        QCOMPARE(reader.detailJson(qsizetype(row)).toByteArray(), all[row].detailJson);
    for (size_t row = all.size(); row-- > 0;) // backwards: every block boundary from the other side
        QCOMPARE(reader.detailJson(qsizetype(row)).toByteArray(), all[row].detailJson);
    for (size_t row = 0; row < all.size(); row += 97)
        QCOMPARE(store.event(qsizetype(row)), all[row]);
}

void TestEventBatch::knownRowsOfABatchAreSkipped()
{
    // Pages overlap while new events arrive: a page's first rows may be in the store already.
    std::vector<Event> first, second;
    for (qint64 id = 1; id <= 300; ++id)
        first.push_back(numbered(id));
    for (qint64 id = 151; id <= 600; ++id)
        second.push_back(numbered(id));
    second[0].description = QStringLiteral("changed"); // a repeat keeps the first version
    EventStore store;
    QCOMPARE(store.append(EventBatchBuilder::build(first)), 300);
    QCOMPARE(store.append(EventBatchBuilder::build(second)), 300);
    QCOMPARE(store.size(), 600);
    QCOMPARE(store.event(150).description, QStringLiteral("event 1"));
    for (qsizetype row = 0; row < 600; ++row) {
        QCOMPARE(store.id(row), row + 1);
        QCOMPARE(store.detailJson(row), numbered(row + 1).detailJson);
    }
}

void TestEventBatch::copiesAreIndependent()
{
    // The table model keeps a copy of a batch that arrives while a worker reads the store.
    std::vector<Event> events;
    for (qint64 id = 1; id <= 200; ++id)
        events.push_back(numbered(id));
    EventBatch original = EventBatchBuilder::build(events);
    const EventBatch copy = original;
    original.drop(5);
    QCOMPARE(copy.liveCount(), 200);
    QCOMPARE(copy.toEvents(), events);
    EventStore store;
    QCOMPARE(store.append(copy), 200);
    QCOMPARE(store.event(199), events.back());
}

QTEST_APPLESS_MAIN(TestEventBatch)
#include "tst_eventbatch.moc"
