// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "model/keytable.h"
#include "model/pageprefault.h"

#include <QElapsedTimer>
#include <QTest>
#include <QThread>

#include <string>

class TestKeyTable final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void internsInOrder();
    void collidingHashesStayApart();
    void growsAndKeepsEveryKey();
    void stagedTableKeepsKeysAcrossTheSwitch();
    void emptyAndBinaryKeys();
    void clearForgetsKeys();
    void prefaultKeepsContents();
    void zeroedAllocatorGivesZeros();
};

void TestKeyTable::internsInOrder()
{
    KeyTable table;
    bool inserted = false;
    QCOMPARE(table.findOrInsert("Update location", KeyTable::hash("Update location"), &inserted), 0u);
    QVERIFY(inserted);
    QCOMPARE(table.findOrInsert("PDP context", KeyTable::hash("PDP context"), &inserted), 1u);
    QVERIFY(inserted);
    QCOMPARE(table.findOrInsert("Update location", KeyTable::hash("Update location"), &inserted), 0u);
    QVERIFY(!inserted);
    QCOMPARE(table.size(), 2u);
    QCOMPARE(table.key(1), std::string_view("PDP context"));
    QCOMPARE(table.find("PDP context", KeyTable::hash("PDP context")), 1u);
    QCOMPARE(table.find("pdp context", KeyTable::hash("pdp context")), KeyTable::NotFound);
}

void TestKeyTable::collidingHashesStayApart()
{
    // Keys told apart by their bytes even when their hashes are equal.
    KeyTable table;
    for (int i = 0; i < 100; ++i)
        QCOMPARE(table.findOrInsert(std::to_string(i), 42u), uint32_t(i));
    for (int i = 0; i < 100; ++i)
        QCOMPARE(table.find(std::to_string(i), 42u), uint32_t(i));
    QCOMPARE(table.find("100", 42u), KeyTable::NotFound);
}

void TestKeyTable::growsAndKeepsEveryKey()
{
    KeyTable table;
    for (int i = 0; i < 100'000; ++i)
        QCOMPARE(table.findOrInsert("key " + std::to_string(i)), uint32_t(i));
    for (int i = 0; i < 100'000; i += 7) {
        const std::string key = "key " + std::to_string(i);
        QCOMPARE(table.find(key, KeyTable::hash(key)), uint32_t(i));
        QCOMPARE(table.key(uint32_t(i)), std::string_view(key));
        QCOMPARE(table.keyHash(uint32_t(i)), KeyTable::hash(key));
    }
}

void TestKeyTable::stagedTableKeepsKeysAcrossTheSwitch()
{
    // A large reserve is made ready in the background and swapped in between two inserts.
    KeyTable table;
    for (int i = 0; i < 1000; ++i)
        table.findOrInsert("before " + std::to_string(i));
    table.reserve(1'000'000, 16'000'000);
    QVERIFY(table.capacity() < 1'000'000); // not before the prefault thread is done
    int i = 0;
    for (; i < 200'000; ++i) {
        table.findOrInsert("after " + std::to_string(i));
        if (i % 20'000 == 0)
            QThread::msleep(5); // time passes between pages
    }
    // The reserved table is taken into use at an insert once it is ready.
    QElapsedTimer waited;
    waited.start();
    while (table.capacity() < 1'000'000 && waited.elapsed() < 20000) {
        QThread::msleep(10);
        table.findOrInsert("after " + std::to_string(i++));
    }
    QVERIFY(table.capacity() >= 1'000'000);
    QCOMPARE(table.size(), uint32_t(1000 + i));
    for (int i = 0; i < 1000; ++i)
        QCOMPARE(table.find("before " + std::to_string(i), KeyTable::hash("before " + std::to_string(i))), uint32_t(i));
    for (int i = 0; i < 200'000; i += 13) {
        const std::string key = "after " + std::to_string(i);
        QCOMPARE(table.find(key, KeyTable::hash(key)), uint32_t(1000 + i));
    }
}

void TestKeyTable::emptyAndBinaryKeys()
{
    KeyTable table;
    const std::string binary("a\0b", 3);
    QCOMPARE(table.findOrInsert(""), 0u);
    QCOMPARE(table.findOrInsert(binary), 1u);
    QCOMPARE(table.findOrInsert(std::string("a\0c", 3)), 2u);
    QCOMPARE(table.findOrInsert(""), 0u);
    QCOMPARE(table.key(1), std::string_view(binary));
    QCOMPARE(table.key(0).size(), size_t(0));
}

void TestKeyTable::clearForgetsKeys()
{
    KeyTable table;
    table.findOrInsert("one");
    table.findOrInsert("two");
    table.clear();
    QCOMPARE(table.size(), 0u);
    QCOMPARE(table.find("one", KeyTable::hash("one")), KeyTable::NotFound);
    QCOMPARE(table.findOrInsert("two"), 0u);
}

void TestKeyTable::prefaultKeepsContents()
{
    // Mapping pages ahead must never change what is in them.
    std::vector<uint32_t> data(4 * 1024 * 1024);
    for (size_t i = 0; i < data.size(); ++i)
        data[i] = uint32_t(i * 2654435761u);
    data.reserve(data.size() * 2);
    std::vector<PagePrefault::Range> ranges;
    PagePrefault::addWhole(&ranges, data);
    const auto done = PagePrefault::populateLater(std::move(ranges));
    QTRY_VERIFY_WITH_TIMEOUT(done->load(), 10000);
    for (size_t i = 0; i < data.size(); ++i) {
        if (data[i] != uint32_t(i * 2654435761u))
            QFAIL(qPrintable(QStringLiteral("element %1 changed").arg(i)));
    }
}

void TestKeyTable::zeroedAllocatorGivesZeros()
{
    for (size_t size : { size_t(10), size_t(3'000'000) }) { // from calloc, and from fresh pages
        std::vector<uint64_t, ZeroedAllocator<uint64_t>> v;
        v.resize(size);
        QCOMPARE(v.size(), size);
        QCOMPARE(v.front(), 0u);
        QCOMPARE(v[size / 2], 0u);
        QCOMPARE(v.back(), 0u);
        v.back() = 7;
        v.resize(size * 2); // moves: the old values kept, the new ones zero
        QCOMPARE(v[size - 1], 7u);
        QCOMPARE(v[size], 0u);
        QCOMPARE(v.back(), 0u);
    }
}

QTEST_GUILESS_MAIN(TestKeyTable)
#include "tst_keytable.moc"
