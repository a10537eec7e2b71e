// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "model/payloadsketch.h"

#include "model/payloadrecords.h"

#include <algorithm>
#include <bit>
#include <cstring>

namespace {

constexpr uint64_t FnvOffset = 0xcbf29ce484222325ULL;
constexpr uint64_t FnvPrime = 0x100000001b3ULL;
// Bloom bits a single-record word and probes: about 2% of the blocks without the word are read
// anyway (bench_scale's "payload search" lines were measured against 6 and 12 bits).
constexpr size_t BloomBitsPerWord = 9;
constexpr int BloomProbes = 5;
constexpr size_t MaxPath = 64; // longer key paths are not kept with their values
// A word in this many records of a block (of 128) is kept with its records; fewer go to the Bloom
// filter. Most words of a block are in two records (a session's create and delete) or a few: at 2,
// the records cost 86 bytes an event; at 16, about 11 (bench_scale, "payload sketches").
constexpr uint32_t ExactRecords = 16;
// A word kept exactly in fewer records has no key pairs: a detail.<key>: search reads those
// records. bench_scale, 1,000,000 events: pairs of every word kept exactly, 98 bytes an event (33
// without pairs); from 16 records 94, from 32 58, from 64 38 bytes, but then detail.apn:em (in
// 40-50% of the records) read nearly every block again (300 ms, 14 ms at 32).
constexpr uint32_t PairRecords = 32;

constexpr uint8_t fold(uint8_t c) { return (c >= 'A' && c <= 'Z') ? uint8_t(c + 32) : c; }

uint64_t fnv(uint64_t hash, const char *data, size_t size)
{
    for (size_t i = 0; i < size; ++i)
        hash = (hash ^ fold(uint8_t(data[i]))) * FnvPrime;
    return hash;
}

// Each word of the text, hashed (FNV-1a over the folded bytes), in order; stops at the first false.
template <typename Word> void forEachWord(const char *data, size_t size, Word word)
{
    size_t i = 0;
    while (i < size) {
        while (i < size && !PayloadSketch::isWordByte(uint8_t(data[i])))
            ++i;
        if (i == size)
            return;
        const size_t start = i;
        while (i < size && PayloadSketch::isWordByte(uint8_t(data[i])))
            ++i;
        if (!word(fnv(FnvOffset, data + start, i - start)))
            return;
    }
}

// Calls value(path, text) for each scalar value of compact JSON (strings without their quotes, as
// written), with the keys that lead to it joined by '.' (array elements share their array's key);
// calls word(hash, letters, text, key) for each word of those values (letters: it has no digit; key:
// the last key read, as EventFilterEngine reads it, not reset when an object closes). Keys are not values:
// their words are left out
// ("shipped" of shipped_date would make every block of its kind a candidate).
template <typename Value, typename Word>
void scanJson(std::string_view json, std::string &path, Value value, Word word)
{
    path.clear();
    std::vector<size_t> depth; // path sizes of the open objects
    size_t keyStart = 0; // where the current key begins in path
    std::string_view lastKey;
    const char *data = json.data();
    const size_t size = json.size();
    auto scalar = [&](const char *text, size_t length) {
        size_t at = 0;
        while (at < length) {
            while (at < length && !PayloadSketch::isWordByte(uint8_t(text[at])))
                ++at;
            const size_t start = at;
            bool letters = true;
            while (at < length && PayloadSketch::isWordByte(uint8_t(text[at]))) {
                letters = letters && !(text[at] >= '0' && text[at] <= '9');
                ++at;
            }
            if (at > start)
                word(fnv(FnvOffset, text + start, at - start), letters, std::string_view(text + start, at - start),
                    lastKey);
        }
        value(std::string_view(path), std::string_view(text, length));
    };
    size_t i = 0;
    while (i < size) {
        const char c = data[i];
        if (c == '"') {
            size_t close = i + 1;
            while (close < size && data[close] != '"')
                close += data[close] == '\\' ? 2 : 1;
            close = std::min(close, size);
            if (close + 1 < size && data[close + 1] == ':') {
                path.resize(keyStart);
                if (keyStart > 0)
                    path += '.';
                path.append(data + i + 1, close - i - 1);
                lastKey = std::string_view(data + i + 1, close - i - 1);
                i = close + 2;
            } else {
                scalar(data + i + 1, close - i - 1);
                i = close + 1;
            }
            continue;
        }
        if (c == '{') {
            depth.push_back(keyStart);
            keyStart = path.size();
            ++i;
            continue;
        }
        if (c == '}') {
            // Back to the path of the object that closed: a following array element shares it.
            const size_t objectPath = keyStart;
            if (!depth.empty()) {
                keyStart = depth.back();
                depth.pop_back();
            }
            path.resize(objectPath);
            ++i;
            continue;
        }
        if (c == ',' || c == ':' || c == '[' || c == ']' || c == ' ') {
            ++i;
            continue;
        }
        size_t end = i;
        while (end < size && data[end] != ',' && data[end] != '}' && data[end] != ']')
            ++end;
        scalar(data + i, end - i);
        i = end;
    }
}

// A block's words while it is sketched: open addressing over the hashes, reused by each thread.
class WordTable
{
public:
    struct Slot
    {
        uint64_t hash;
        PayloadSketch::RecordMask records;
        uint32_t lastRecord; // the record counted last (a word counts once a record)
        uint32_t recordCount;
        bool letters; // kept with its records (keptExactly)
        uint64_t word; // a key pair's word
    };
    void reset()
    {
        // Only the slots used: a block has a few thousand words, the table stays as large as the
        // largest block needed.
        if (m_slots.empty())
            m_slots.resize(4096);
        m_mask = m_slots.size() - 1;
        for (uint32_t used : m_used)
            m_slots[used].recordCount = 0;
        m_used.clear();
    }
    [[nodiscard]] const Slot *find(uint64_t hash) const
    {
        if (m_slots.empty())
            return nullptr;
        size_t at = size_t(hash) & m_mask;
        while (m_slots[at].recordCount != 0) {
            if (m_slots[at].hash == hash)
                return &m_slots[at];
            at = (at + 1) & m_mask;
        }
        return nullptr;
    }
    void add(uint64_t hash, uint32_t record, bool letters = false, uint64_t word = 0)
    {
        if (m_used.size() * 2 >= m_mask + 1)
            grow();
        size_t at = size_t(hash) & m_mask;
        while (m_slots[at].recordCount != 0 && m_slots[at].hash != hash)
            at = (at + 1) & m_mask;
        Slot &slot = m_slots[at];
        if (slot.recordCount == 0) {
            slot = Slot { hash, {}, record, 0, letters, word };
            m_used.push_back(uint32_t(at));
        } else if (slot.lastRecord == record) {
            return;
        }
        slot.lastRecord = record;
        ++slot.recordCount;
        if (record < uint32_t(PayloadSketch::MaxRecords))
            slot.records[record / 64] |= uint64_t(1) << (record % 64);
    }
    [[nodiscard]] const std::vector<uint32_t> &used() const { return m_used; }
    [[nodiscard]] const Slot &slot(uint32_t at) const { return m_slots[at]; }

private:
    void grow()
    {
        std::vector<Slot> old;
        old.reserve(m_used.size());
        for (uint32_t used : m_used)
            old.push_back(m_slots[used]);
        m_slots.assign(m_slots.size() * 2, Slot {});
        m_mask = m_slots.size() - 1;
        m_used.clear();
        for (const Slot &slot : old) {
            size_t at = size_t(slot.hash) & m_mask;
            while (m_slots[at].recordCount != 0)
                at = (at + 1) & m_mask;
            m_slots[at] = slot;
            m_used.push_back(uint32_t(at));
        }
    }
    std::vector<Slot> m_slots;
    std::vector<uint32_t> m_used;
    size_t m_mask = 0;
};

// The probes of a hash, each mixed on its own (splitmix64's finaliser): probes derived linearly
// from one FNV hash fell on the same few bits for some words, which then were "maybe" everywhere.
template <typename Probe> void forEachProbe(uint64_t hash, size_t bits, Probe probe)
{
    for (int i = 0; i < BloomProbes; ++i) {
        uint64_t h = hash + uint64_t(i + 1) * 0x9e3779b97f4a7c15ULL;
        h = (h ^ (h >> 30)) * 0xbf58476d1ce4e5b9ULL;
        h = (h ^ (h >> 27)) * 0x94d049bb133111ebULL;
        h ^= h >> 31;
        probe(size_t((unsigned __int128)(h)*bits >> 64));
    }
}

} // namespace

uint64_t PayloadSketch::wordHash(QByteArrayView word)
{
    return fnv(FnvOffset, word.data(), size_t(word.size()));
}

uint64_t PayloadSketch::pathValueHash(QByteArrayView path, QByteArrayView value)
{
    // '=' is no word byte: a path and value never hash like a word of the same letters.
    uint64_t hash = fnv(FnvOffset, path.data(), size_t(path.size()));
    hash = (hash ^ uint8_t('=')) * FnvPrime;
    return fnv(hash, value.data(), size_t(value.size()));
}

uint64_t PayloadSketch::keyHash(QByteArrayView key)
{
    // The unit separator is no word byte and in no key of compact JSON: no word hashes alike.
    return (fnv(FnvOffset, key.data(), size_t(key.size())) ^ 0x1f) * FnvPrime;
}

uint64_t PayloadSketch::keyWordHash(uint64_t keyHash, QByteArrayView word)
{
    return fnv(keyHash, word.data(), size_t(word.size()));
}

namespace {

// A word where it was read: its hash, its text and the key it is the value of.
struct WordAt
{
    uint64_t hash;
    std::string_view text, key;
    uint32_t record;
};

// The SIM order fields whose names the viewer shows (SimCardOrder::fromDetail: the status and the
// provider), kept with their records however few: an order's events are one or two a block, in
// many blocks, and "Shipped" would otherwise read each of them.
bool isOrderField(std::string_view path) { return path == "status.id" || path == "shipped_with_provider_id"; }

// Words of letters are few a block (template text: "SIM reached factory test volume", names,
// countries) and in many blocks, where a Bloom filter's "maybe" would read every block; numbers
// and hex ids are most of a block's words and each in few blocks.
bool keptExactly(const WordTable::Slot &slot) { return slot.recordCount >= ExactRecords || slot.letters; }

} // namespace

PayloadSketch PayloadSketch::of(std::string_view raw)
{
    thread_local WordTable table, pairs;
    thread_local std::string path;
    thread_local std::vector<WordAt> words;
    table.reset();
    pairs.reset();
    words.clear();
    PayloadSketch sketch;
    uint32_t record = 0;
    QByteArrayView rest(raw.data(), qsizetype(raw.size()));
    while (!rest.isEmpty()) {
        QByteArrayView detail, extra;
        PayloadRecords::split(rest, &detail, &extra);
        auto word = [&](uint64_t hash, bool letters, std::string_view text, std::string_view key) {
            table.add(hash, record, letters);
            if (!key.empty())
                words.push_back(WordAt { hash, text, key, record });
        };
        scanJson(
            std::string_view(detail.data(), size_t(detail.size())), path,
            [&](std::string_view keys, std::string_view value) {
                if (value.size() <= size_t(ShortValue) && !keys.empty() && keys.size() <= MaxPath)
                    table.add(pathValueHash(QByteArrayView(keys.data(), qsizetype(keys.size())),
                                  QByteArrayView(value.data(), qsizetype(value.size()))),
                        record, isOrderField(keys));
            },
            word);
        scanJson(
            std::string_view(extra.data(), size_t(extra.size())), path,
            [](std::string_view, std::string_view) {}, word);
        const qsizetype used = qsizetype(extra.data() + extra.size() - rest.data());
        rest = rest.sliced(std::max<qsizetype>(used, 1)); // a damaged record still moves on
        ++record;
    }
    sketch.m_records = record;
    // Words of one record go to the Bloom filter; with more records than mask bits, all of them.
    const bool exact = record <= uint32_t(MaxRecords);
    size_t single = 0;
    for (uint32_t at : table.used())
        single += !exact || !keptExactly(table.slot(at)) ? 1 : 0;
    const size_t bits = std::max<size_t>(64, (single * BloomBitsPerWord + 63) / 64 * 64);
    sketch.m_bloom.assign(bits / 64, 0);
    sketch.m_exact.reserve(table.used().size() - single);
    for (uint32_t at : table.used()) {
        const WordTable::Slot &slot = table.slot(at);
        if (exact && keptExactly(slot)) {
            sketch.m_exact.push_back(Exact { slot.hash, slot.records });
            continue;
        }
        forEachProbe(
            slot.hash, bits, [&](size_t bit) { sketch.m_bloom[bit / 64] |= uint64_t(1) << (bit % 64); });
    }
    // The key pairs of the words kept exactly (the others are in the Bloom filter, and a search
    // for one reads the few blocks that may hold it anyway): each '_'-suffix of the key with the word.
    if (exact) {
        thread_local std::vector<uint64_t> keyHashes;
        std::string_view lastKey;
        for (const WordAt &at : words) {
            const WordTable::Slot *slot = table.find(at.hash);
            if (!slot || !keptExactly(*slot) || slot->recordCount < PairRecords)
                continue;
            if (at.key.data() != lastKey.data() || at.key.size() != lastKey.size()) {
                lastKey = at.key;
                keyHashes.clear();
                keyHashes.push_back(keyHash(QByteArrayView(at.key.data(), qsizetype(at.key.size()))));
                for (size_t i = 0; i < at.key.size(); ++i) {
                    if (at.key[i] == '_') {
                        const std::string_view suffix = at.key.substr(i + 1);
                        keyHashes.push_back(keyHash(QByteArrayView(suffix.data(), qsizetype(suffix.size()))));
                    }
                }
            }
            for (const uint64_t key : keyHashes)
                pairs.add(keyWordHash(key, QByteArrayView(at.text.data(), qsizetype(at.text.size()))), at.record,
                    false, at.hash);
        }
        for (uint32_t at : pairs.used()) {
            const WordTable::Slot &pair = pairs.slot(at);
            const WordTable::Slot *word = table.find(pair.word);
            if (word && word->records == pair.records)
                sketch.m_samePairs.push_back(pair.hash);
            else
                sketch.m_exact.push_back(Exact { pair.hash, pair.records });
        }
    }
    std::sort(sketch.m_exact.begin(), sketch.m_exact.end(),
        [](const Exact &a, const Exact &b) { return a.hash < b.hash; });
    std::sort(sketch.m_samePairs.begin(), sketch.m_samePairs.end());
    sketch.m_exact.shrink_to_fit();
    sketch.m_samePairs.shrink_to_fit();
    return sketch;
}

bool PayloadSketch::bloomHas(uint64_t hash) const
{
    if (m_bloom.empty())
        return false;
    bool all = true;
    forEachProbe(
        hash, m_bloom.size() * 64, [&](size_t bit) { all = all && (m_bloom[bit / 64] >> (bit % 64) & 1); });
    return all;
}

PayloadSketch::Lookup PayloadSketch::find(uint64_t hash) const
{
    const auto at = std::lower_bound(
        m_exact.begin(), m_exact.end(), hash, [](const Exact &e, uint64_t h) { return e.hash < h; });
    if (at != m_exact.end() && at->hash == hash)
        return Lookup { Presence::Records, at->records };
    return Lookup { bloomHas(hash) ? Presence::Maybe : Presence::Absent, {} };
}

PayloadSketch::Lookup PayloadSketch::findUnderKey(uint64_t keyWordHash, uint64_t wordHash) const
{
    const Lookup word = find(wordHash);
    if (word.presence != Presence::Records)
        return word; // absent, or a word of the Bloom filter: its pairs are not kept
    // Words in fewer than PairRecords records have no pairs (nor had any before the pairs).
    const int records = std::popcount(word.records[0]) + std::popcount(word.records[1]);
    if (!m_hasPairs || records < int(PairRecords))
        return Lookup { Presence::Candidates, word.records };
    if (std::binary_search(m_samePairs.begin(), m_samePairs.end(), keyWordHash))
        return word;
    const auto at = std::lower_bound(m_exact.begin(), m_exact.end(), keyWordHash,
        [](const Exact &e, uint64_t h) { return e.hash < h; });
    if (at != m_exact.end() && at->hash == keyWordHash)
        return Lookup { Presence::Records, at->records };
    return Lookup {}; // every pair of such a word is kept: not under this key
}

bool PayloadSketch::mayContainWords(QByteArrayView text) const
{
    bool all = true;
    forEachWord(text.data(), size_t(text.size()),
        [&](uint64_t hash) { return all = find(hash).presence != Presence::Absent; });
    return all;
}

namespace {

// Set in the first header word (the record count) by sketches with key pairs; those have a fourth
// header word, the count of m_samePairs, whose hashes follow the exact entries.
constexpr uint32_t WithPairs = 0x80000000u;

} // namespace

QByteArray PayloadSketch::toBytes() const
{
    const uint32_t header[4]
        = { m_records | (m_hasPairs ? WithPairs : 0), uint32_t(m_exact.size()), uint32_t(m_bloom.size()),
              uint32_t(m_samePairs.size()) };
    const qsizetype headerSize = m_hasPairs ? qsizetype(sizeof header) : qsizetype(3 * sizeof(uint32_t));
    QByteArray bytes;
    bytes.reserve(qsizetype(headerSize + m_exact.size() * sizeof(Exact) + m_samePairs.size() * sizeof(uint64_t)
        + m_bloom.size() * sizeof(uint64_t)));
    bytes.append(reinterpret_cast<const char *>(header), headerSize);
    bytes.append(reinterpret_cast<const char *>(m_exact.data()), qsizetype(m_exact.size() * sizeof(Exact)));
    bytes.append(
        reinterpret_cast<const char *>(m_samePairs.data()), qsizetype(m_samePairs.size() * sizeof(uint64_t)));
    bytes.append(
        reinterpret_cast<const char *>(m_bloom.data()), qsizetype(m_bloom.size() * sizeof(uint64_t)));
    return bytes;
}

std::optional<PayloadSketch> PayloadSketch::fromBytes(QByteArrayView bytes)
{
    uint32_t header[4] = {};
    if (size_t(bytes.size()) < 3 * sizeof(uint32_t))
        return std::nullopt;
    std::memcpy(header, bytes.data(), 3 * sizeof(uint32_t));
    const bool withPairs = (header[0] & WithPairs) != 0;
    if (withPairs) {
        if (size_t(bytes.size()) < sizeof header)
            return std::nullopt;
        std::memcpy(header, bytes.data(), sizeof header);
    }
    const size_t headerSize = withPairs ? sizeof header : 3 * sizeof(uint32_t);
    const uint64_t need = headerSize + uint64_t(header[1]) * sizeof(Exact) + uint64_t(header[2]) * sizeof(uint64_t)
        + uint64_t(header[3]) * sizeof(uint64_t);
    if (need != uint64_t(bytes.size()))
        return std::nullopt;
    PayloadSketch sketch;
    sketch.m_records = header[0] & ~WithPairs;
    sketch.m_hasPairs = withPairs;
    sketch.m_exact.resize(header[1]);
    sketch.m_bloom.resize(header[2]);
    sketch.m_samePairs.resize(header[3]);
    // An empty vector's data() may be null, which memcpy must not get even for 0 bytes (UBSan).
    const char *at = bytes.data() + headerSize;
    if (header[1] > 0)
        std::memcpy(sketch.m_exact.data(), at, header[1] * sizeof(Exact));
    at += header[1] * sizeof(Exact);
    if (header[3] > 0)
        std::memcpy(sketch.m_samePairs.data(), at, header[3] * sizeof(uint64_t));
    at += header[3] * sizeof(uint64_t);
    if (header[2] > 0)
        std::memcpy(sketch.m_bloom.data(), at, header[2] * sizeof(uint64_t));
    if (!std::is_sorted(sketch.m_exact.begin(), sketch.m_exact.end(),
            [](const Exact &a, const Exact &b) { return a.hash < b.hash; })
        || !std::is_sorted(sketch.m_samePairs.begin(), sketch.m_samePairs.end()))
        return std::nullopt;
    return sketch;
}

size_t PayloadSketch::memoryUsage() const
{
    return sizeof(PayloadSketch) + m_exact.capacity() * sizeof(Exact) + m_bloom.capacity() * sizeof(uint64_t)
        + m_samePairs.capacity() * sizeof(uint64_t);
}
