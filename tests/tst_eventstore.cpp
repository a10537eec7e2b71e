// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "api/eventparser.h"
#include "model/eventbatchbuilder.h"
#include "model/eventcolumns.h"
#include "model/eventstore.h"
#include "testdata.h"

#include <QFile>
#include <QRandomGenerator>
#include <QTest>

class TestEventStore final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTripsEveryDocExample();
    void deduplicatesById();
    void payloadAcrossBlocks();
    void hugePayloads();
    void renamedEntityKeepsBothVersions();
    void internsDescriptions();
    void clear();
    void manyDistinctValuesKeepTheirOwn_data();
    void manyDistinctValuesKeepTheirOwn();

private:
    static std::vector<Event> docExamples();
};

std::vector<Event> TestEventStore::docExamples()
{
    return TestData::docExamples();
}

void TestEventStore::roundTripsEveryDocExample()
{
    const std::vector<Event> examples = docExamples();
    QCOMPARE(examples.size(), size_t(59));
    EventStore store;
    std::vector<Event> copy = examples;
    QCOMPARE(store.append(std::move(copy)), qsizetype(59));
    QCOMPARE(store.size(), 59);
    for (size_t i = 0; i < examples.size(); ++i) {
        QCOMPARE(store.event(qsizetype(i)), examples[i]);
        QCOMPARE(store.rowOfId(examples[i].id), qsizetype(i));
    }
    QVERIFY(!store.containsId(424242));
    QCOMPARE(store.rowOfId(424242), -1);
}

void TestEventStore::deduplicatesById()
{
    EventStore store;
    std::vector<Event> first(3), second(3);
    for (int i = 0; i < 3; ++i) {
        first[size_t(i)].id = i + 1; // 1 2 3
        second[size_t(i)].id = i + 3; // 3 4 5: 3 is a repeat (pages shift while events arrive)
        second[size_t(i)].description = QStringLiteral("second");
    }
    QCOMPARE(store.append(std::move(first)), 3);
    QCOMPARE(store.append(std::move(second)), 2);
    QCOMPARE(store.size(), 5);
    QCOMPARE(store.event(2).description, QString()); // the first copy of id 3 stays
    QCOMPARE(store.id(4), 5);
}

void TestEventStore::payloadAcrossBlocks()
{
    // Enough rows for several sealed (compressed) blocks and an open one; each payload distinct.
    EventStore store;
    const int count = EventBatchBuilder::BlockSize * 5 + 17;
    std::vector<Event> events { size_t(count) };
    for (int i = 0; i < count; ++i) {
        Event &e = events[size_t(i)];
        e.id = 1'000'000'000'000LL + i;
        e.timestampMs = 1'600'000'000'000LL + i * 1000LL;
        e.description = QStringLiteral("New location received, IMSI=%1").arg(i % 7);
        e.detailJson = i % 11 == 0 ? QByteArray() : QByteArray(R"({"volume":{"rx":)" + QByteArray::number(i) + "}}");
        e.extraJson = i % 13 == 0 ? QByteArray(R"({"keen":{"id":")" + QByteArray::number(i) + "\"}}") : QByteArray();
    }
    const std::vector<Event> expected = events;
    store.append(std::move(events));
    EventStore::PayloadReader reader(store);
    for (int i = 0; i < count; ++i) {
        QCOMPARE(store.detailJson(i), expected[size_t(i)].detailJson);
        QCOMPARE(reader.detailJson(i).toByteArray(), expected[size_t(i)].detailJson);
        QCOMPARE(reader.extraJson(i).toByteArray(), expected[size_t(i)].extraJson);
        QCOMPARE(store.timestampMs(i), expected[size_t(i)].timestampMs);
    }
    // Random access after sequential access, backwards.
    for (int i = count - 1; i >= 0; i -= 97)
        QCOMPARE(reader.detailJson(i).toByteArray(), expected[size_t(i)].detailJson);
    QVERIFY(store.memoryUsage() > 0);
}

void TestEventStore::hugePayloads()
{
    // Payloads that compress to more than a storage chunk, among ordinary ones, come back intact.
    EventStore store;
    QRandomGenerator rng(3);
    std::vector<QByteArray> details;
    for (int i = 0; i < EventBatchBuilder::BlockSize * 3; ++i) {
        Event e;
        e.id = i + 1;
        if (i % 100 == 5) {
            QByteArray hex(12 * 1024 * 1024, Qt::Uninitialized);
            for (char &c : hex)
                c = "0123456789abcdef"[rng.bounded(16)];
            e.detailJson = "{\"blob\":\"" + hex + "\"}";
        } else {
            e.detailJson = "{\"n\":" + QByteArray::number(i) + "}";
        }
        details.push_back(e.detailJson);
        store.append(e);
    }
    EventStore::PayloadReader reader(store);
    for (int i = 0; i < int(details.size()); ++i)
        QCOMPARE(reader.detailJson(i).toByteArray(), details[size_t(i)]);
    QCOMPARE(store.detailJson(105), details[105]);
}

void TestEventStore::renamedEntityKeepsBothVersions()
{
    EventStore store;
    Event a;
    a.id = 1;
    a.endpoint = EventEndpoint { 77, QStringLiteral("tracker-1"), QStringLiteral("10.0.0.1"), {}, {} };
    Event b = a;
    b.id = 2;
    b.endpoint->name = QStringLiteral("tracker-1 renamed");
    Event c = a;
    c.id = 3;
    store.append(a);
    store.append(b);
    store.append(c);
    QCOMPARE(store.endpoints().size(), size_t(2));
    QCOMPARE(store.event(0).endpoint->name, QStringLiteral("tracker-1"));
    QCOMPARE(store.event(1).endpoint->name, QStringLiteral("tracker-1 renamed"));
    QCOMPARE(store.endpointIndex(0), store.endpointIndex(2));
}

void TestEventStore::internsDescriptions()
{
    EventStore store;
    for (int i = 0; i < 1000; ++i) {
        Event e;
        e.id = i;
        e.description = i % 2 ? QStringLiteral("Update location") : QString::fromUtf8("Gerät außer Betrieb");
        store.append(e);
    }
    QCOMPARE(store.stringCount(), 2u);
    QCOMPARE(store.event(0).description, QString::fromUtf8("Gerät außer Betrieb"));
    QCOMPARE(store.descriptionUtf8(1), QByteArrayView("Update location"));
}

void TestEventStore::clear()
{
    EventStore store;
    std::vector<Event> events = docExamples();
    store.append(std::move(events));
    store.clear();
    QCOMPARE(store.size(), 0);
    QVERIFY(!store.containsId(6734033817529352LL));
    events = docExamples();
    QCOMPARE(store.append(std::move(events)), 59);
}

void TestEventStore::manyDistinctValuesKeepTheirOwn_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<int>("distinct");
    // Issue 10: with 300 distinct sources, 44 rows showed another row's source (8-bit indices).
    QTest::newRow("300 sources") << int(EventColumns::Source) << 300;
    QTest::newRow("300 severities") << int(EventColumns::Severity) << 300;
    QTest::newRow("70000 event types") << int(EventColumns::EventType) << 70000;
}

void TestEventStore::manyDistinctValuesKeepTheirOwn()
{
    QFETCH(int, column);
    QFETCH(int, distinct);
    // A hostile server may send any number of distinct values: every row keeps its own, in the
    // event, the column text the table and the CSV show, and after a second page.
    std::vector<Event> events;
    for (int i = 0; i < distinct; ++i) {
        Event e;
        e.id = i + 1;
        e.timestampMs = 1635335969000LL + i;
        const EventRef ref { 1000 + i, QStringLiteral("value %1").arg(i) };
        if (column == EventColumns::Source)
            e.source = ref;
        else if (column == EventColumns::Severity)
            e.severity = ref;
        else
            e.type = ref;
        events.push_back(e);
    }
    EventStore store;
    const size_t half = events.size() / 2;
    store.append(EventBatchBuilder::build(std::span<const Event>(events).first(half)));
    store.append(EventBatchBuilder::build(std::span<const Event>(events).subspan(half)));
    QCOMPARE(store.size(), qsizetype(distinct));
    for (int i = 0; i < distinct; ++i) {
        const Event e = store.event(i);
        const EventRef &got = column == EventColumns::Source ? e.source
            : column == EventColumns::Severity               ? e.severity
                                                             : e.type;
        if (got.id != 1000 + i || got.name != QStringLiteral("value %1").arg(i))
            QFAIL(
                qPrintable(QStringLiteral("row %1 came back as %2 \"%3\"").arg(i).arg(got.id).arg(got.name)));
        QCOMPARE(
            EventColumns::text(store, i, EventColumns::Column(column)), QStringLiteral("value %1").arg(i));
    }
}

QTEST_APPLESS_MAIN(TestEventStore)
#include "tst_eventstore.moc"
