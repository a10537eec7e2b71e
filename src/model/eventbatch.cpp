// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "model/eventbatch.h"

#include "model/eventbatchbuilder.h"
#include "model/payloadrecords.h"
#include "model/payloadsecrets.h"
#include "model/varint.h"

#include <zstd.h>

#include <cstring>
#include <deque>

namespace {

// Reads a key written with EventBatch::appendId / appendText, field by field.
class KeyReader
{
public:
    explicit KeyReader(std::string_view key) : m_key(key) { }
    qint64 id()
    {
        qint64 id = -1;
        if (m_key.size() >= sizeof id) {
            std::memcpy(&id, m_key.data(), sizeof id);
            m_key.remove_prefix(sizeof id);
        }
        return id;
    }
    QString text()
    {
        uint32_t size = 0;
        if (m_key.size() < sizeof size)
            return {};
        std::memcpy(&size, m_key.data(), sizeof size);
        m_key.remove_prefix(sizeof size);
        const std::string_view text = m_key.substr(0, size);
        m_key.remove_prefix(text.size());
        return QString::fromUtf8(text.data(), qsizetype(text.size()));
    }
    std::string_view rest() const { return m_key; }

private:
    std::string_view m_key;
};

// The serialised form (EventBatch::serialize). Version 2: version 1 was the archive's chunk of
// decoded fields (src/archive/archivechunk.h, read only to upgrade an old archive).
constexpr uint8_t FormatVersion = 2;
enum HeadFlag : uint8_t { HeadCompressed = 1 };
enum BlockFlag : uint8_t { BlockRaw = 1, BlockMayHoldSecret = 2 };
// Bounds for damaged bytes: more than any real chunk (a page body is at most 64 MiB).
constexpr uint64_t MaxHeadBytes = 256ULL << 20;
constexpr uint64_t MaxBlockBytes = 256ULL << 20;
constexpr uint64_t MaxSketchBytes = 1ULL << 20;
// The columns and keys pass through zstd level 1 as well: bench_archive measured it (see
// serialize()); the payload blocks and sketches are stored as they are.
constexpr bool CompressHead = true;

// Compresses raw payload records onto *bytes; the block's place and sizes.
EventBatch::Block compressBlock(std::string_view raw, std::string *bytes)
{
    EventBatch::Block block;
    block.offset = uint32_t(bytes->size());
    block.rawSize = uint32_t(raw.size());
    block.mayHoldSecret = PayloadSecrets::mayHoldSecret(QByteArrayView(raw.data(), qsizetype(raw.size())));
    if (PayloadRecords::compress(raw, bytes)) {
        block.compressedSize = uint32_t(bytes->size() - block.offset);
    } else {
        bytes->append(raw);
        block.compressedSize = UINT32_MAX;
    }
    return block;
}

// A block's raw records; false when it does not decompress.
bool rawRecords(const EventBatch::Block &block, QByteArrayView bytes, std::string *raw)
{
    if (block.compressedSize == UINT32_MAX) {
        raw->assign(bytes.data(), size_t(bytes.size()));
        return true;
    }
    return PayloadRecords::decompress(std::string_view(bytes.data(), size_t(bytes.size())), block.rawSize, raw);
}

} // namespace

void EventBatch::appendBlock(std::string_view raw)
{
    m_blocks.push_back(compressBlock(raw, &m_blockBytes));
    m_sketches.push_back(PayloadSketch::of(raw));
}

void EventBatch::appendId(std::string *key, qint64 id)
{
    key->append(reinterpret_cast<const char *>(&id), sizeof id);
}

void EventBatch::appendText(std::string *key, std::string_view text)
{
    const uint32_t size = uint32_t(text.size());
    key->append(reinterpret_cast<const char *>(&size), sizeof size);
    key->append(text);
}

EventNamedId EventBatch::namedFromKey(std::string_view key)
{
    KeyReader r(key);
    EventNamedId named;
    named.id = r.id();
    named.nameUtf8 = QByteArray(r.rest().data(), qsizetype(r.rest().size()));
    named.name = QString::fromUtf8(named.nameUtf8);
    return named;
}

EventUser EventBatch::userFromKey(std::string_view key)
{
    KeyReader r(key);
    EventUser user;
    user.id = r.id();
    user.name = r.text();
    user.username = r.text();
    return user;
}

EventEndpoint EventBatch::endpointFromKey(std::string_view key)
{
    KeyReader r(key);
    EventEndpoint endpoint;
    endpoint.id = r.id();
    endpoint.name = r.text();
    endpoint.ipAddress = r.text();
    endpoint.imei = r.text();
    endpoint.tags = r.text();
    return endpoint;
}

EventSim EventBatch::simFromKey(std::string_view key)
{
    KeyReader r(key);
    EventSim sim;
    sim.id = r.id();
    sim.iccid = r.text();
    sim.productionDate = r.text();
    return sim;
}

EventImsi EventBatch::imsiFromKey(std::string_view key)
{
    KeyReader r(key);
    EventImsi imsi;
    imsi.id = r.id();
    imsi.imsi = r.text();
    imsi.importDate = r.text();
    return imsi;
}

qint64 EventBatch::entityId(Table table, qsizetype row) const
{
    const uint32_t key = index(table, row);
    return key == None ? -1 : KeyReader(m_tables[table].key(key)).id();
}

void EventBatch::drop(qsizetype row)
{
    if (m_dropped.empty())
        m_dropped.assign(m_ids.size(), false);
    if (!m_dropped[size_t(row)]) {
        m_dropped[size_t(row)] = true;
        ++m_droppedCount;
    }
}

QByteArrayView EventBatch::blockBytes(uint32_t block) const
{
    const Block &b = m_blocks[block];
    const uint32_t size = b.compressedSize == UINT32_MAX ? b.rawSize : b.compressedSize;
    return QByteArrayView(m_blockBytes.data() + b.offset, size);
}

std::vector<Event> EventBatch::toEvents() const
{
    std::vector<Event> events;
    events.reserve(size_t(liveCount()));
    std::string raw;
    uint32_t loaded = UINT32_MAX;
    auto ref = [this](Table t, qsizetype row) {
        const EventNamedId n = namedFromKey(m_tables[t].key(index(t, row)));
        return EventRef { n.id, n.name };
    };
    for (qsizetype row = 0; row < size(); ++row) {
        if (isDropped(row))
            continue;
        Event e;
        e.id = id(row);
        e.timestampMs = timestampMs(row);
        e.alert = alert(row);
        const std::string_view text = description(row);
        e.description = QString::fromUtf8(text.data(), qsizetype(text.size()));
        e.type = ref(Types, row);
        e.source = ref(Sources, row);
        e.severity = ref(Severities, row);
        e.organisation = ref(Organisations, row);
        if (index(Users, row) != None)
            e.user = userFromKey(m_tables[Users].key(index(Users, row)));
        if (index(Endpoints, row) != None)
            e.endpoint = endpointFromKey(m_tables[Endpoints].key(index(Endpoints, row)));
        if (index(Sims, row) != None)
            e.sim = simFromKey(m_tables[Sims].key(index(Sims, row)));
        if (index(Imsis, row) != None)
            e.imsi = imsiFromKey(m_tables[Imsis].key(index(Imsis, row)));
        const uint32_t block = payloadBlock(row);
        if (block != loaded) {
            rawRecords(m_blocks[block], blockBytes(block), &raw);
            loaded = block;
        }
        if (payloadOffset(row) <= raw.size()) {
            QByteArrayView detail, extra;
            PayloadRecords::split(QByteArrayView(raw).sliced(payloadOffset(row)), &detail, &extra);
            e.detailJson = detail.toByteArray();
            e.extraJson = extra.toByteArray();
        }
        events.push_back(std::move(e));
    }
    return events;
}

std::string EventBatch::serialize(std::span<const qsizetype> rows, Secrets secrets, qsizetype *redactedValues) const
{
    const bool redact = secrets == Secrets::Redact;
    qsizetype redactedCount = 0;

    // The payload blocks: copied when a run of listed rows is the whole block, else rebuilt from
    // the records of the listed rows (redacted when the block may hold a secret).
    struct OutBlock
    {
        uint32_t copyOf = None; // a block of this batch, or None: rebuilt
        Block meta;
        std::string bytes;
        PayloadSketch sketch;
    };
    std::vector<uint32_t> references(m_blocks.size(), 0);
    for (uint32_t block : m_payloadBlock)
        ++references[block];
    std::vector<uint32_t> rowBlock(rows.size()), rowOffset(rows.size());
    std::deque<OutBlock> out;
    std::string open; // the records of the block being rebuilt
    int openRows = 0;
    auto seal = [&] {
        if (openRows == 0)
            return;
        OutBlock &o = out.emplace_back();
        o.meta = compressBlock(open, &o.bytes);
        o.sketch = PayloadSketch::of(open);
        open.clear();
        openRows = 0;
    };
    std::string raw;
    uint32_t loaded = None;
    QByteArray cleanDetail, cleanExtra;
    auto clean = [&](QByteArrayView json, QByteArray *buffer) -> QByteArrayView {
        if (json.isEmpty())
            return json;
        qsizetype count = 0;
        *buffer = PayloadSecrets::redacted(json, &count);
        if (count == 0)
            return json;
        redactedCount += count;
        return *buffer;
    };
    for (size_t i = 0; i < rows.size();) {
        const uint32_t block = m_payloadBlock[size_t(rows[i])];
        size_t end = i + 1;
        while (end < rows.size() && m_payloadBlock[size_t(rows[end])] == block)
            ++end;
        const bool whole = end - i == references[block];
        bool redactBlock = redact && m_blocks[block].mayHoldSecret;
        if (whole && redactBlock) {
            // A block that only may hold a secret is copied too when it holds none after all:
            // no recompression, no new sketch.
            if (!rawRecords(m_blocks[block], blockBytes(block), &raw))
                raw.clear();
            loaded = block;
            redactBlock = false;
            for (size_t k = i; k < end && !redactBlock; ++k) {
                QByteArrayView detail, extra;
                const uint32_t offset = m_payloadOffset[size_t(rows[k])];
                if (offset < raw.size())
                    PayloadRecords::split(QByteArrayView(raw).sliced(offset), &detail, &extra);
                QByteArray ignored;
                const qsizetype before = redactedCount;
                clean(detail, &ignored);
                clean(extra, &ignored);
                redactBlock = redactedCount > before;
                redactedCount = before; // counted when the block is rebuilt below
            }
        }
        if (whole && !redactBlock) {
            seal();
            out.emplace_back().copyOf = block;
            for (size_t k = i; k < end; ++k) {
                rowBlock[k] = uint32_t(out.size() - 1);
                rowOffset[k] = m_payloadOffset[size_t(rows[k])];
            }
            i = end;
            continue;
        }
        if (loaded != block) {
            if (!rawRecords(m_blocks[block], blockBytes(block), &raw))
                raw.clear(); // damaged: its rows get empty payloads
            loaded = block;
        }
        for (size_t k = i; k < end; ++k) {
            if (openRows == EventBatchBuilder::BlockSize)
                seal();
            rowBlock[k] = uint32_t(out.size());
            rowOffset[k] = uint32_t(open.size());
            QByteArrayView detail, extra;
            const uint32_t offset = m_payloadOffset[size_t(rows[k])];
            if (offset < raw.size())
                PayloadRecords::split(QByteArrayView(raw).sliced(offset), &detail, &extra);
            if (redactBlock) {
                detail = clean(detail, &cleanDetail);
                extra = clean(extra, &cleanExtra);
            }
            PayloadRecords::append(&open, { detail.data(), size_t(detail.size()) }, { extra.data(), size_t(extra.size()) });
            ++openRows;
        }
        i = end;
    }
    seal();
    if (redactedValues)
        *redactedValues = redactedCount;

    // The columns, with each table's keys of these rows in first-use order.
    std::string head;
    head.reserve(rows.size() * 24);
    Varint::append(&head, rows.size());
    Varint::append(&head, out.size());
    std::array<std::vector<uint32_t>, TableCount> remap;
    for (int t = 0; t < TableCount; ++t) {
        std::vector<uint32_t> &map = remap[size_t(t)];
        map.assign(m_tables[t].size(), None);
        std::vector<uint32_t> used;
        for (qsizetype row : rows) {
            const uint32_t key = m_columns[t][size_t(row)];
            if (key != None && map[key] == None) {
                map[key] = uint32_t(used.size());
                used.push_back(key);
            }
        }
        Varint::append(&head, used.size());
        for (uint32_t key : used) {
            const std::string_view bytes = m_tables[t].key(key);
            Varint::append(&head, bytes.size());
            head.append(bytes);
        }
    }
    qint64 previous = 0;
    for (qsizetype row : rows) {
        Varint::append(&head, Varint::zigzag(m_ids[size_t(row)] - previous));
        previous = m_ids[size_t(row)];
    }
    previous = 0;
    for (qsizetype row : rows) {
        Varint::append(&head, Varint::zigzag(m_timestamps[size_t(row)] - previous));
        previous = m_timestamps[size_t(row)];
    }
    for (qsizetype row : rows)
        head.push_back(char(m_alert[size_t(row)] ? 1 : 0));
    for (int t = 0; t < TableCount; ++t) {
        for (qsizetype row : rows) {
            const uint32_t key = m_columns[t][size_t(row)];
            Varint::append(&head, key == None ? 0 : uint64_t(remap[size_t(t)][key]) + 1);
        }
    }
    uint32_t previousBlock = 0;
    for (uint32_t block : rowBlock) { // never decreasing: a delta of 0 or 1
        Varint::append(&head, block - previousBlock);
        previousBlock = block;
    }
    for (uint32_t offset : rowOffset)
        Varint::append(&head, offset);
    for (const OutBlock &o : out) {
        const Block &meta = o.copyOf == None ? o.meta : m_blocks[o.copyOf];
        const bool rawBlock = meta.compressedSize == UINT32_MAX;
        Varint::append(&head, meta.rawSize);
        Varint::append(&head, rawBlock ? meta.rawSize : meta.compressedSize);
        head.push_back(char((rawBlock ? BlockRaw : 0) | (meta.mayHoldSecret ? BlockMayHoldSecret : 0)));
    }

    std::string bytes;
    bytes.push_back(char(FormatVersion));
    std::string compressedHead;
    const bool compressHead = CompressHead && PayloadRecords::compress(head, &compressedHead);
    bytes.push_back(char(compressHead ? HeadCompressed : 0));
    const std::string &storedHead = compressHead ? compressedHead : head;
    Varint::append(&bytes, storedHead.size());
    Varint::append(&bytes, head.size());
    bytes.append(storedHead);
    // Each block's sketch, length first (a sketch's size varies with its words).
    for (const OutBlock &o : out) {
        const QByteArray sketch = (o.copyOf == None ? o.sketch : m_sketches[o.copyOf]).toBytes();
        Varint::append(&bytes, uint64_t(sketch.size()));
        bytes.append(sketch.constData(), size_t(sketch.size()));
    }
    for (const OutBlock &o : out) {
        const QByteArrayView block = o.copyOf == None ? QByteArrayView(o.bytes) : blockBytes(o.copyOf);
        bytes.append(block.data(), size_t(block.size()));
    }
    return bytes;
}

std::optional<EventBatch> EventBatch::deserialize(std::string_view bytes)
{
    Varint::Reader r(bytes);
    if (r.byte() != FormatVersion)
        return std::nullopt;
    const uint8_t flags = r.byte();
    const uint64_t storedHeadSize = r.varint();
    const uint64_t headSize = r.varint();
    const std::string_view storedHead = r.bytes(storedHeadSize);
    if (!r.ok() || headSize > MaxHeadBytes)
        return std::nullopt;
    std::string headBuffer;
    std::string_view head = storedHead;
    if (flags & HeadCompressed) {
        if (ZSTD_getFrameContentSize(storedHead.data(), storedHead.size()) != headSize
            || !PayloadRecords::decompress(storedHead, size_t(headSize), &headBuffer))
            return std::nullopt;
        head = headBuffer;
    } else if (storedHead.size() != headSize) {
        return std::nullopt;
    }

    Varint::Reader h(head);
    EventBatch batch;
    const uint64_t n = h.count();
    const uint64_t blockCount = h.count();
    for (int t = 0; t < TableCount && h.ok(); ++t) {
        const uint64_t keys = h.count();
        KeyTable &table = batch.m_tables[t];
        table.reserve(size_t(keys), size_t(keys) * 32);
        for (uint64_t k = 0; k < keys && h.ok(); ++k) {
            const std::string_view key = h.bytes(h.varint());
            bool inserted = false;
            if (table.findOrInsert(key, KeyTable::hash(key), &inserted) != k || !inserted)
                return std::nullopt; // a key twice
        }
    }
    if (!h.ok())
        return std::nullopt;
    batch.m_ids.resize(size_t(n));
    batch.m_timestamps.resize(size_t(n));
    qint64 value = 0;
    for (qint64 &id : batch.m_ids)
        id = value += Varint::unzigzag(h.varint());
    value = 0;
    for (qint64 &time : batch.m_timestamps)
        time = value += Varint::unzigzag(h.varint());
    batch.m_alert.resize(size_t(n));
    for (size_t i = 0; i < n; ++i)
        batch.m_alert[i] = h.byte() != 0;
    for (int t = 0; t < TableCount; ++t) {
        std::vector<uint32_t> &column = batch.m_columns[t];
        column.resize(size_t(n));
        const uint64_t keys = batch.m_tables[t].size();
        for (uint32_t &key : column) {
            const uint64_t v = h.varint();
            if (v > keys)
                return std::nullopt;
            key = v == 0 ? None : uint32_t(v - 1);
        }
    }
    batch.m_payloadBlock.resize(size_t(n));
    uint64_t block = 0;
    for (uint32_t &b : batch.m_payloadBlock) {
        block += h.varint();
        if (block >= blockCount)
            return std::nullopt;
        b = uint32_t(block);
    }
    batch.m_payloadOffset.resize(size_t(n));
    for (uint32_t &offset : batch.m_payloadOffset)
        offset = uint32_t(std::min<uint64_t>(h.varint(), UINT32_MAX));
    batch.m_blocks.resize(size_t(blockCount));
    uint64_t blockBytes = 0;
    for (Block &b : batch.m_blocks) {
        const uint64_t rawSize = h.varint();
        const uint64_t storedSize = h.varint();
        const uint8_t blockFlags = h.byte();
        if (rawSize > MaxBlockBytes || storedSize > MaxBlockBytes)
            return std::nullopt;
        b.offset = uint32_t(blockBytes);
        b.rawSize = uint32_t(rawSize);
        b.compressedSize = (blockFlags & BlockRaw) ? UINT32_MAX : uint32_t(storedSize);
        b.mayHoldSecret = blockFlags & BlockMayHoldSecret;
        if ((blockFlags & BlockRaw) && storedSize != rawSize)
            return std::nullopt;
        blockBytes += storedSize;
    }
    if (!h.ok() || !h.atEnd())
        return std::nullopt;
    for (size_t i = 0; i < n; ++i) {
        if (batch.m_payloadOffset[i] > batch.m_blocks[batch.m_payloadBlock[i]].rawSize)
            return std::nullopt;
    }

    std::vector<std::string_view> sketches;
    sketches.reserve(size_t(blockCount));
    for (uint64_t b = 0; b < blockCount; ++b) {
        const uint64_t sketchSize = r.varint();
        if (!r.ok() || sketchSize > MaxSketchBytes || sketchSize > r.left())
            return std::nullopt;
        sketches.push_back(r.bytes(sketchSize));
    }
    const std::string_view blocks = r.bytes(blockBytes);
    if (!r.ok() || !r.atEnd() || blockBytes > UINT32_MAX)
        return std::nullopt;
    batch.m_blockBytes.assign(blocks);
    batch.m_sketches.reserve(size_t(blockCount));
    std::string raw;
    for (uint64_t b = 0; b < blockCount; ++b) {
        const std::string_view stored = sketches[size_t(b)];
        if (auto sketch = PayloadSketch::fromBytes(QByteArrayView(stored.data(), qsizetype(stored.size())))) {
            batch.m_sketches.push_back(*sketch);
            continue;
        }
        // A sketch this version cannot read: made anew from the records.
        if (!rawRecords(batch.m_blocks[b], batch.blockBytes(uint32_t(b)), &raw))
            raw.clear();
        batch.m_sketches.push_back(PayloadSketch::of(raw));
    }
    return batch;
}
