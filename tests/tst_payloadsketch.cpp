// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "model/payloadrecords.h"
#include "model/payloadsketch.h"

#include <QTest>

#include <cstring>
#include <string>

using Presence = PayloadSketch::Presence;
Q_DECLARE_METATYPE(PayloadSketch::Presence)

namespace {

// The record numbers 0..count-1: the even ones, the odd ones and all.
struct RecordSets
{
    explicit RecordSets(int count)
    {
        for (int record = 0; record < count; ++record) {
            (record % 2 ? odd : even).append(record);
            all.append(record);
        }
    }
    QList<int> even, odd, all;
};

} // namespace

class TestPayloadSketch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void findsWords_data();
    void findsWords();
    void keepsShortValuesWithTheirPath_data();
    void keepsShortValuesWithTheirPath();
    void findsWordsUnderTheirKey_data();
    void findsWordsUnderTheirKey();
    void leavesOutRecordsBeyondTheMask();
    void roundTripsAsBytes();
    void emptySketchRoundTrips();
    void readsSketchesWithoutKeyPairs();
    void refusesBytesThatAreNoSketch_data();
    void refusesBytesThatAreNoSketch();

private:
    static std::string block(const QList<QByteArray> &details, const QList<QByteArray> &extras = {});
};

std::string TestPayloadSketch::block(const QList<QByteArray> &details, const QList<QByteArray> &extras)
{
    std::string raw;
    for (qsizetype i = 0; i < details.size(); ++i) {
        const QByteArray extra = i < extras.size() ? extras[i] : QByteArray();
        PayloadRecords::append(&raw, std::string_view(details[i].constData(), size_t(details[i].size())),
            std::string_view(extra.constData(), size_t(extra.size())));
    }
    return raw;
}

void TestPayloadSketch::findsWords_data()
{
    QTest::addColumn<QByteArray>("word");
    QTest::addColumn<Presence>("presence");
    QTest::addColumn<QList<int>>("records"); // when Records
    // 32 records: a country in the even ones, an order id in record 1, a word of the unknown keys'
    // JSON in the odd ones (see block of findsWords()).
    const auto [even, odd, all] = RecordSets(32);
    QTest::newRow("in many records: exactly those") << QByteArray("germany") << Presence::Records << even;
    QTest::newRow("folded case") << QByteArray("GERMANY") << Presence::Records << even;
    QTest::newRow("in every record") << QByteArray("em") << Presence::Records << all;
    QTest::newRow("a number") << QByteArray("262") << Presence::Records << even;
    QTest::newRow("in one record: maybe") << QByteArray("16168172") << Presence::Maybe << QList<int> {};
    QTest::newRow("extra JSON counts") << QByteArray("legacy") << Presence::Records << odd;
    QTest::newRow("a key is no value") << QByteArray("country") << Presence::Absent << QList<int> {};
    QTest::newRow("part of a word") << QByteArray("germ") << Presence::Absent << QList<int> {};
    QTest::newRow("nowhere") << QByteArray("shipped") << Presence::Absent << QList<int> {};
}

void TestPayloadSketch::findsWords()
{
    QFETCH(QByteArray, word);
    QFETCH(Presence, presence);
    QFETCH(QList<int>, records);
    QList<QByteArray> details, extras;
    for (int record = 0; record < 32; ++record) {
        details.append(record % 2 ? (record == 1 ? R"({"id":16168172,"apn":"em"})" : R"({"apn":"em"})")
                                  : R"({"country":{"name":"Germany","mcc":"262"},"apn":"em"})");
        extras.append(record % 2 ? R"({"origin":"legacy"})" : "");
    }
    const PayloadSketch sketch = PayloadSketch::of(block(details, extras));
    QCOMPARE(sketch.recordCount(), 32);
    const PayloadSketch::Lookup lookup = sketch.find(PayloadSketch::wordHash(word));
    QCOMPARE(lookup.presence, presence);
    if (presence != Presence::Records)
        return;
    QList<int> found;
    for (int record = 0; record < PayloadSketch::MaxRecords; ++record) {
        if (lookup.records[size_t(record / 64)] >> (record % 64) & 1)
            found.append(record);
    }
    QCOMPARE(found, records);
}

void TestPayloadSketch::keepsShortValuesWithTheirPath_data()
{
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<bool>("present");
    QTest::newRow("status id") << QByteArray("status.id") << QByteArray("2") << true;
    QTest::newRow("another status") << QByteArray("status.id") << QByteArray("3") << false;
    QTest::newRow("top-level key") << QByteArray("shipped_with_provider_id") << QByteArray("1") << true;
    QTest::newRow("array element") << QByteArray("tapcode.id") << QByteArray("7") << true;
    QTest::newRow("second array element") << QByteArray("tapcode.id") << QByteArray("8") << true;
    QTest::newRow("after a nested object") << QByteArray("after") << QByteArray("x") << true;
    QTest::newRow("not the order id's path") << QByteArray("id") << QByteArray("2") << false;
    QTest::newRow("long values are words only") << QByteArray("id") << QByteArray("16168172") << false;
    QTest::newRow("a word is no path and value") << QByteArray("") << QByteArray("x") << false;
}

void TestPayloadSketch::keepsShortValuesWithTheirPath()
{
    QFETCH(QByteArray, path);
    QFETCH(QByteArray, value);
    QFETCH(bool, present);
    // The same order in 20 records: the sketch keeps each of its values with those records.
    const QByteArray order
        = R"({"id":16168172,"status":{"id":2},"shipped_with_provider_id":1,"tapcode":[{"id":7},{"id":8}],"after":"x"})";
    const PayloadSketch sketch = PayloadSketch::of(block(QList<QByteArray>(20, order)));
    QCOMPARE(sketch.find(PayloadSketch::pathValueHash(path, value)).presence,
        present ? Presence::Records : Presence::Absent);
}

void TestPayloadSketch::findsWordsUnderTheirKey_data()
{
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<QByteArray>("word");
    QTest::addColumn<Presence>("presence");
    QTest::addColumn<QList<int>>("records"); // when Records
    // The 64 records of findsWordsUnderTheirKey(): "em" the apn of all and the label of the odd ones.
    const auto [even, odd, all] = RecordSets(64);
    QTest::newRow("its key") << QByteArray("apn") << QByteArray("em") << Presence::Records << all;
    QTest::newRow("folded case") << QByteArray("APN") << QByteArray("EM") << Presence::Records << all;
    QTest::newRow("a second key, fewer records") << QByteArray("label") << QByteArray("em") << Presence::Records << odd;
    QTest::newRow("nested object's key") << QByteArray("name") << QByteArray("germany") << Presence::Records << even;
    QTest::newRow("not the parent's key") << QByteArray("country") << QByteArray("germany") << Presence::Absent
                                          << QList<int> {};
    QTest::newRow("another key's value") << QByteArray("apn") << QByteArray("germany") << Presence::Absent
                                         << QList<int> {};
    QTest::newRow("whole key with underscores") << QByteArray("ue_ip_address") << QByteArray("10")
                                                << Presence::Records << all;
    QTest::newRow("after an underscore") << QByteArray("ip_address") << QByteArray("10") << Presence::Records << all;
    QTest::newRow("after the last underscore") << QByteArray("address") << QByteArray("10") << Presence::Records
                                               << all;
    QTest::newRow("a key's beginning is no key") << QByteArray("ue_ip") << QByteArray("10") << Presence::Absent
                                                 << QList<int> {};
    QTest::newRow("a word of one record: maybe") << QByteArray("id") << QByteArray("16168172") << Presence::Maybe
                                                 << QList<int> {};
    QTest::newRow("a word of few records: read those") << QByteArray("note") << QByteArray("rare")
                                                       << Presence::Candidates << QList<int> { 3 };
    QTest::newRow("a word of nowhere") << QByteArray("apn") << QByteArray("shipped") << Presence::Absent
                                       << QList<int> {};
}

void TestPayloadSketch::findsWordsUnderTheirKey()
{
    QFETCH(QByteArray, key);
    QFETCH(QByteArray, word);
    QFETCH(Presence, presence);
    QFETCH(QList<int>, records);
    QList<QByteArray> details;
    for (int record = 0; record < 64; ++record) {
        QByteArray detail = R"({"apn":"em","ue_ip_address":"10.0.0.)" + QByteArray::number(record) + '"';
        detail += record % 2 ? (record == 1     ? R"(,"id":16168172,"label":"em"})"
                                       : record == 3 ? R"(,"note":"rare","label":"em"})"
                                                     : R"(,"label":"em"})")
                             : R"(,"country":{"name":"Germany","mcc":"262"}})";
        details.append(detail);
    }
    const PayloadSketch sketch = PayloadSketch::of(block(details));
    // As EventFilterEngine asks: the key folded by the query, the word by the sketch's hash.
    const PayloadSketch::Lookup lookup = sketch.findUnderKey(
        PayloadSketch::keyWordHash(PayloadSketch::keyHash(key.toLower()), word.toLower()), PayloadSketch::wordHash(word));
    QCOMPARE(lookup.presence, presence);
    if (presence != Presence::Records && presence != Presence::Candidates)
        return;
    QList<int> found;
    for (int record = 0; record < PayloadSketch::MaxRecords; ++record) {
        if (lookup.records[size_t(record / 64)] >> (record % 64) & 1)
            found.append(record);
    }
    QCOMPARE(found, records);
}

void TestPayloadSketch::leavesOutRecordsBeyondTheMask()
{
    // More records than mask bits (a block made elsewhere): every word is "maybe", none lost.
    QList<QByteArray> details;
    for (int i = 0; i < PayloadSketch::MaxRecords + 10; ++i)
        details.append(R"({"apn":"em","n":)" + QByteArray::number(i) + '}');
    const PayloadSketch sketch = PayloadSketch::of(block(details));
    QCOMPARE(sketch.recordCount(), PayloadSketch::MaxRecords + 10);
    QCOMPARE(sketch.find(PayloadSketch::wordHash("em")).presence, Presence::Maybe);
    QCOMPARE(sketch.find(PayloadSketch::wordHash("137")).presence, Presence::Maybe);
}

void TestPayloadSketch::roundTripsAsBytes()
{
    QList<QByteArray> details;
    for (int record = 0; record < 20; ++record)
        details.append(R"({"apn":"em","id":)" + QByteArray::number(record) + '}');
    const PayloadSketch sketch = PayloadSketch::of(block(details));
    const std::optional<PayloadSketch> back = PayloadSketch::fromBytes(sketch.toBytes());
    QVERIFY(back);
    QCOMPARE(*back, sketch);
    QCOMPARE(back->find(PayloadSketch::wordHash("em")).presence, Presence::Records);
}

// A block without words (a run of empty payloads) has an empty sketch: stored and read back like any
// other (under UBSan, reading it once passed a null pointer to memcpy).
void TestPayloadSketch::emptySketchRoundTrips()
{
    const PayloadSketch empty = PayloadSketch::of(std::string());
    const QByteArray bytes = empty.toBytes();
    const std::optional<PayloadSketch> back = PayloadSketch::fromBytes(bytes);
    QVERIFY(back);
    QCOMPARE(back->toBytes(), bytes);
    QVERIFY(!back->mayContainWords(QByteArrayLiteral("anything")));
}

// An archive written before the key pairs holds sketches without them (a header of three words, no
// pair hashes): they are read, and a key's word is then only a candidate in its word's records.
void TestPayloadSketch::readsSketchesWithoutKeyPairs()
{
    QList<QByteArray> details;
    for (int record = 0; record < 40; ++record)
        details.append(R"({"apn":"em","n":)" + QByteArray::number(record) + '}');
    const QByteArray bytes = PayloadSketch::of(block(details)).toBytes();
    uint32_t header[4];
    std::memcpy(header, bytes.constData(), sizeof header);
    QVERIFY(header[0] & 0x80000000u);
    const qsizetype exactBytes = qsizetype(header[1]) * 24; // hash and two mask words
    QVERIFY(header[3] > 0); // "em" under "apn", in the records of "em"
    header[0] &= ~0x80000000u;
    QByteArray old(reinterpret_cast<const char *>(header), 3 * sizeof(uint32_t));
    old += bytes.mid(sizeof header, exactBytes);
    old += bytes.mid(qsizetype(sizeof header) + exactBytes + qsizetype(header[3]) * 8);
    const std::optional<PayloadSketch> sketch = PayloadSketch::fromBytes(old);
    QVERIFY(sketch);
    QVERIFY(!sketch->hasKeyPairs());
    QCOMPARE(sketch->recordCount(), 40);
    QCOMPARE(sketch->find(PayloadSketch::wordHash("em")).presence, Presence::Records);
    const PayloadSketch::Lookup underKey = sketch->findUnderKey(
        PayloadSketch::keyWordHash(PayloadSketch::keyHash("apn"), "em"), PayloadSketch::wordHash("em"));
    QCOMPARE(underKey.presence, Presence::Candidates);
    QCOMPARE(underKey.records, sketch->find(PayloadSketch::wordHash("em")).records);
    // Another key's word is no absence either: the old sketch cannot tell.
    QCOMPARE(sketch->findUnderKey(PayloadSketch::keyWordHash(PayloadSketch::keyHash("n"), "em"),
                 PayloadSketch::wordHash("em")).presence,
        Presence::Candidates);
    QCOMPARE(sketch->toBytes(), old);
}

void TestPayloadSketch::refusesBytesThatAreNoSketch_data()
{
    QTest::addColumn<QByteArray>("bytes");
    const QByteArray good = PayloadSketch::of(block({ R"({"a":"x y"})", R"({"a":"x"})" })).toBytes();
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("cut short") << good.first(good.size() - 1);
    QTest::newRow("one byte more") << good + 'x';
    QTest::newRow("sizes beyond the bytes") << QByteArray(12, '\xff');
    QTest::newRow("key pairs without their count") << QByteArray(12, '\0').replace(3, 1, "\x80");
}

void TestPayloadSketch::refusesBytesThatAreNoSketch()
{
    QFETCH(QByteArray, bytes);
    QVERIFY(!PayloadSketch::fromBytes(bytes));
}

QTEST_APPLESS_MAIN(TestPayloadSketch)
#include "tst_payloadsketch.moc"
