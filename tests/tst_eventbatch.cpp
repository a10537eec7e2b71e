// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "api/eventparser.h"
#include "model/eventbatchbuilder.h"
#include "model/eventstore.h"
#include "model/payloadsecrets.h"
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
    void serializedRowsRoundTrip_data();
    void serializedRowsRoundTrip();
    void serializeKeepsNothingOfRowsLeftOut();
    void serializeRedactsOnlyWhereAsked();
    void deserializeRefusesDamagedBytes_data();
    void deserializeRefusesDamagedBytes();

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

void TestEventBatch::serializedRowsRoundTrip_data()
{
    // Which rows of a batch of 59 doc examples and 441 numbered events (4 blocks) to serialise.
    QTest::addColumn<QList<qsizetype>>("rows");
    QList<qsizetype> all, reversed, someOfEachBlock, acrossBlocks;
    for (qsizetype i = 0; i < 500; ++i) {
        all.append(i);
        reversed.prepend(i);
        if (i % 3 == 0)
            someOfEachBlock.append(i);
    }
    for (qsizetype i = 100; i < 300; ++i)
        acrossBlocks.append(i);
    QTest::newRow("all, in order (blocks copied)") << all;
    QTest::newRow("all, reversed (blocks copied)") << reversed;
    QTest::newRow("every third (blocks rebuilt)") << someOfEachBlock;
    QTest::newRow("a run across block edges") << acrossBlocks;
    QTest::newRow("one") << QList<qsizetype> { 77 };
    QTest::newRow("none") << QList<qsizetype> {};
}

void TestEventBatch::serializedRowsRoundTrip()
{
    QFETCH(QList<qsizetype>, rows);
    std::vector<Event> events = docExamples();
    for (qint64 id = 1; events.size() < 500; ++id)
        events.push_back(numbered(id));
    const EventBatch batch = EventBatchBuilder::build(events);
    const std::string bytes = batch.serialize(std::vector<qsizetype>(rows.begin(), rows.end()));
    const std::optional<EventBatch> back = EventBatch::deserialize(bytes);
    QVERIFY(back);
    QCOMPARE(back->size(), rows.size());
    const std::vector<Event> out = back->toEvents();
    for (qsizetype i = 0; i < rows.size(); ++i)
        QCOMPARE(out[size_t(i)], events[size_t(rows[i])]); // every field, the payload byte for byte
    // It goes into a store as any batch does, and a search still finds words of its payloads.
    EventStore store;
    QCOMPARE(store.append(*back), rows.size());
    for (qsizetype row = 0; row < store.size(); ++row)
        QCOMPARE(store.event(row), events[size_t(rows[row])]);
    for (qsizetype row = 0; row < back->size(); ++row) {
        const Event &e = out[size_t(row)];
        if (e.detailJson.startsWith("{\"n\":")) // numbered(): its id is a value of the payload
            QVERIFY(back->blockSketch(back->payloadBlock(row)).mayContainWords(QByteArray::number(e.id)));
    }
}

void TestEventBatch::serializeKeepsNothingOfRowsLeftOut()
{
    // A pull drops the rows it has delivered before, an archive the ids it holds: their payloads
    // must not be stored, also when they share a compressed block with rows that are.
    std::vector<Event> events;
    for (qint64 id = 1; id <= 300; ++id)
        events.push_back(numbered(id));
    events[10].detailJson = R"({"left":"out-marker-one"})";
    events[200].detailJson = R"({"left":"out-marker-two"})";
    EventBatch batch = EventBatchBuilder::build(events);
    batch.drop(10);
    std::vector<qsizetype> rows;
    for (qsizetype i = 0; i < 300; ++i) {
        if (i != 10 && i != 200)
            rows.push_back(i);
    }
    const std::optional<EventBatch> back = EventBatch::deserialize(batch.serialize(rows));
    QVERIFY(back);
    QCOMPARE(back->size(), 298);
    const QByteArray payloads = TestData::payloadBytes(*back);
    QVERIFY(!payloads.contains("out-marker"));
    QVERIFY(payloads.contains(numbered(12).detailJson)); // the block's other rows are there
    QVERIFY(payloads.contains(numbered(202).detailJson));
}

void TestEventBatch::serializeRedactsOnlyWhereAsked()
{
    const std::vector<Event> examples = docExamples();
    const EventBatch batch = EventBatchBuilder::build(examples);
    std::vector<qsizetype> rows;
    for (qsizetype i = 0; i < batch.size(); ++i)
        rows.push_back(i);
    qsizetype redacted = -1;
    const std::optional<EventBatch> clean
        = EventBatch::deserialize(batch.serialize(rows, EventBatch::Secrets::Redact, &redacted));
    QVERIFY(clean);
    qsizetype expected = 0;
    const std::vector<Event> out = clean->toEvents();
    for (size_t i = 0; i < examples.size(); ++i) {
        qsizetype count = 0;
        QCOMPARE(out[i], PayloadSecrets::redactedEvent(examples[i], &count));
        expected += count;
    }
    QVERIFY(expected > 0); // the doc examples hold activation keys and tokens
    QCOMPARE(redacted, expected);
    const std::optional<EventBatch> kept = EventBatch::deserialize(batch.serialize(rows, EventBatch::Secrets::Keep));
    QVERIFY(kept);
    QCOMPARE(kept->toEvents(), examples);
}

void TestEventBatch::deserializeRefusesDamagedBytes_data()
{
    QTest::addColumn<int>("cut"); // bytes kept of the serialised batch (-1: all, one flipped)
    QTest::addColumn<int>("flip"); // the byte whose bits are inverted (-1: none)
    for (int cut : { 0, 1, 2, 5, 40, 300, 3000 })
        QTest::addRow("cut to %d bytes", cut) << cut << -1;
    for (int flip : { 0, 1, 2, 3 })
        QTest::addRow("byte %d flipped", flip) << -1 << flip;
}

void TestEventBatch::deserializeRefusesDamagedBytes()
{
    QFETCH(int, cut);
    QFETCH(int, flip);
    const std::vector<Event> examples = docExamples();
    const EventBatch batch = EventBatchBuilder::build(examples);
    std::vector<qsizetype> rows;
    for (qsizetype i = 0; i < batch.size(); ++i)
        rows.push_back(i);
    std::string bytes = batch.serialize(rows);
    QVERIFY(size_t(cut) < bytes.size() || cut < 0);
    if (cut >= 0)
        bytes.resize(size_t(cut));
    if (flip >= 0)
        bytes[size_t(flip)] = char(~bytes[size_t(flip)]);
    QVERIFY(!EventBatch::deserialize(bytes));
}

QTEST_APPLESS_MAIN(TestEventBatch)
#include "tst_eventbatch.moc"
