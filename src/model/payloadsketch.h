// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

// What a payload block holds, small enough to keep for every block, so that a search decompresses
// only the blocks it must. The words of its values (runs of ASCII letters and digits and of
// non-ASCII bytes, ASCII case-folded; keys are left out) in two parts:
//  - a word in many of the block's records (16 of 128) is kept exactly, with the records it is in
//    (a bit a record): a word in most events ("null", "em", a frequent country) answers without a
//    zstd run;
//  - a word in fewer records (an order id, an IMEI, a session id) is in a Bloom filter of nine bits
//    a word: such words are in few blocks, so a search for one reads the few that may hold it.
// Words, not trigrams: payloads are full of ids, hex session ids and IP addresses, whose trigrams
// fill a filter until every block "may" hold every number. So payload values match by whole words
// (EventFilterEngine). The short values of the detail payload (at most ShortValue bytes: a status
// id, a provider id, a flag) are also kept with their key path as `path=value` ("status.id=2"), so
// that what the viewer derives from them ("Shipped") is found by a lookup at search time.
// Each word kept exactly in many records (32 of 128) is also kept with the key it is the value of (each '_'-suffix of the key,
// as EventFilterEngine's detail.<key>: matches keys): `apn` + `em`. Most such pairs are in the same
// records as their word and cost one hash; only the others carry records of their own. A
// detail.apn:em search then reads no block for a frequent word (bench_scale, "detail.apn:em").
// bench_scale, "payload search" and "index", measures the time and the bytes.
class PayloadSketch final
{
public:
    static constexpr int MaxRecords = 128; // EventBatchBuilder::BlockSize: one bit a record
    static constexpr int ShortValue = 4;
    using RecordMask = std::array<uint64_t, MaxRecords / 64>;

    enum class Presence {
        Absent, // in no record of the block
        Records, // in exactly these records
        Maybe, // perhaps in some record: read the block
        Candidates, // perhaps in some of these records: read those
    };
    struct Lookup
    {
        Presence presence = Presence::Absent;
        RecordMask records {};
    };

    PayloadSketch() = default;
    // The sketch of a block's raw records (PayloadRecords).
    [[nodiscard]] static PayloadSketch of(std::string_view raw);

    // The hash a word is kept by (folds ASCII case), and that of a detail value under its key path
    // ("status.id", "2").
    [[nodiscard]] static uint64_t wordHash(QByteArrayView word);
    [[nodiscard]] static uint64_t pathValueHash(QByteArrayView path, QByteArrayView value);
    [[nodiscard]] Lookup find(uint64_t hash) const;
    // A word as the value of a key (keyHash: of the key's folded name, wordHash of the word).
    [[nodiscard]] static uint64_t keyHash(QByteArrayView key);
    [[nodiscard]] static uint64_t keyWordHash(uint64_t keyHash, QByteArrayView word);
    // Where the word is the value of that key; a sketch without pairs (an older archive's) knows
    // only where the word is: Candidates.
    [[nodiscard]] Lookup findUnderKey(uint64_t keyWordHash, uint64_t wordHash) const;
    [[nodiscard]] bool hasKeyPairs() const { return m_hasPairs; }
    // False only when some word of `text` is in no record of the block.
    [[nodiscard]] bool mayContainWords(QByteArrayView text) const;
    // Records of the block; the masks of find() count them in order.
    [[nodiscard]] int recordCount() const { return m_records; }

    // Whether a byte belongs to a word (ASCII letters and digits, any byte of a UTF-8 sequence).
    [[nodiscard]] static constexpr bool isWordByte(uint8_t c)
    {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
    }

    // The sketch as bytes (host byte order, for a file written and read on one machine) and back;
    // nullopt for bytes that are not a sketch. Bytes without the key pairs (written before them)
    // are read too.
    [[nodiscard]] QByteArray toBytes() const;
    [[nodiscard]] static std::optional<PayloadSketch> fromBytes(QByteArrayView bytes);
    [[nodiscard]] size_t memoryUsage() const;

    friend bool operator==(const PayloadSketch &, const PayloadSketch &) = default;

private:
    struct Exact
    {
        uint64_t hash;
        RecordMask records;
        friend bool operator==(const Exact &, const Exact &) = default;
    };
    [[nodiscard]] bool bloomHas(uint64_t hash) const;
    std::vector<Exact> m_exact; // by hash; words and key pairs with records of their own
    std::vector<uint64_t> m_samePairs; // by hash: key pairs in exactly their word's records
    std::vector<uint64_t> m_bloom; // the words of one record
    uint32_t m_records = 0;
    bool m_hasPairs = true;
};
