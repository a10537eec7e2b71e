// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "model/eventstore.h"

#include "model/eventbatchbuilder.h"
#include "model/pageprefault.h"
#include "model/payloadrecords.h"

#include <QLoggingCategory>

#include <algorithm>
#include <cstring>

Q_LOGGING_CATEGORY(lcStore, "eventviewer.model")

namespace {

inline uint64_t mix(uint64_t x)
{
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ULL;
    x ^= x >> 33;
    return x;
}

// How reserve() sizes what is not one value a row; a pull beyond these only grows once more.
// Distinct descriptions: at most one a row. The bench's generated account has about one in four
// (269,077 for a million rows), real pulls far fewer: plan for one in two.
constexpr size_t RowsPerDistinctDescription = 2;
// Their UTF-8 bytes: 48 a row, 96 a planned description (the docs' 59 examples average 69).
constexpr size_t DescriptionBytesPerRow = 48;
// Payload blocks: full ones of EventBatchBuilder::BlockSize rows, plus the partial block each page
// ends with; pages hold 100 to 1,000 events, so one partial block every 500 rows is generous.
constexpr size_t RowsPerPartialBlock = 500;
// Mapped ahead with the columns: room for as many new descriptions as rows, of this many bytes.
constexpr size_t DescriptionBytesAhead = 64;
// A batch key not looked up yet (append()).
constexpr uint32_t Unmapped = UINT32_MAX - 1;

} // namespace

// Rows by event id: open addressing over row numbers (4 bytes a slot, row + 1, 0 is empty), the
// id read from the column.
class EventStore::IdSet
{
public:
    explicit IdSet(const std::vector<qint64> &ids) : m_ids(ids) { }

    int64_t find(qint64 id) const
    {
        if (m_slots.empty())
            return -1;
        for (size_t i = mix(uint64_t(id)) & m_mask;; i = (i + 1) & m_mask) {
            const uint32_t rowPlusOne = m_slots[i];
            if (rowPlusOne == 0)
                return -1;
            if (m_ids[rowPlusOne - 1] == id)
                return rowPlusOne - 1;
        }
    }
    // A large table is made ready in the background and taken into use once it is.
    void reserve(size_t count)
    {
        size_t slots = std::max<size_t>(1024, m_slots.size());
        while (slots < count * 2)
            slots *= 2;
        if (slots > m_slots.size() && !m_staged.stageIfLarge(slots))
            grow(slots);
    }
    // The row must already be in the id column.
    void insert(uint32_t row)
    {
        if (m_staged.adoptInto(&m_slots))
            rehash();
        if ((m_count + 1) * 2 > m_slots.size())
            grow(std::max<size_t>(1024, m_slots.size() * 2));
        place(row);
        ++m_count;
    }
    void clear()
    {
        m_slots.clear();
        m_slots.shrink_to_fit();
        m_staged.clear();
        m_count = 0;
        m_mask = 0;
    }
    size_t bytes() const { return (m_slots.capacity() + m_staged.size()) * sizeof(uint32_t); }

private:
    void place(uint32_t row)
    {
        size_t i = mix(uint64_t(m_ids[row])) & m_mask;
        while (m_slots[i] != 0)
            i = (i + 1) & m_mask;
        m_slots[i] = row + 1;
    }
    void grow(size_t slots)
    {
        m_slots.clear();
        m_slots.shrink_to_fit();
        m_slots.resize(slots); // zero pages, not written here
        rehash();
    }
    void rehash()
    {
        m_mask = m_slots.size() - 1;
        for (uint32_t row = 0; row < m_count; ++row)
            place(row);
    }
    const std::vector<qint64> &m_ids;
    std::vector<uint32_t, ZeroedAllocator<uint32_t>> m_slots;
    StagedArray<uint32_t> m_staged; // a larger m_slots, being made ready
    size_t m_mask = 0;
    size_t m_count = 0;
};

EventStore::EventStore()
    : m_idSet(std::make_unique<IdSet>(m_ids.values()))
{
}

EventStore::~EventStore()
{
    Q_ASSERT_X(!isReadLocked(), "EventStore", "destroyed while a reader holds it");
}

EventStore::ReadLock::ReadLock(const EventStore *store, std::function<void()> released)
    : m_store(store)
    , m_released(std::move(released))
{
    m_store->m_readers.fetch_add(1, std::memory_order_acq_rel);
}

EventStore::ReadLock::ReadLock(ReadLock &&other) noexcept
    : m_store(std::exchange(other.m_store, nullptr))
    , m_released(std::move(other.m_released))
{
}

EventStore::ReadLock &EventStore::ReadLock::operator=(ReadLock &&other) noexcept
{
    if (this != &other) {
        release();
        m_store = std::exchange(other.m_store, nullptr);
        m_released = std::move(other.m_released);
    }
    return *this;
}

void EventStore::ReadLock::release()
{
    if (!m_store)
        return;
    m_store->m_readers.fetch_sub(1, std::memory_order_acq_rel);
    m_store = nullptr;
    if (auto released = std::exchange(m_released, {}))
        released();
}

EventStore::ReadLock EventStore::lockForRead(std::function<void()> released) const
{
    return ReadLock(this, std::move(released));
}

bool EventStore::refuseWhileRead(const char *what) const
{
    if (!isReadLocked())
        return false;
    qCCritical(lcStore, "EventStore::%s refused: a reader holds the store", what);
    return true;
}

void EventStore::clear()
{
    if (refuseWhileRead("clear"))
        return;
    m_columns.release();
    m_types.clear();
    m_sources.clear();
    m_severities.clear();
    m_organisations.clear();
    m_users.clear();
    m_endpoints.clear();
    m_sims.clear();
    m_imsis.clear();
    for (KeyTable &keys : m_keys)
        keys.release();
    m_blocks.clear();
    m_sketches.clear();
    m_sketches.shrink_to_fit();
    m_chunks.clear();
    m_chunkUsed = ChunkBytes;
    m_blockBytes = 0;
    m_spareChunk.reset();
    m_idSet->clear();
}

void EventStore::reserve(qsizetype rows)
{
    if (rows <= size() || refuseWhileRead("reserve"))
        return;
    const size_t n = size_t(rows);
    m_columns.reserve(n);
    m_blocks.reserve(n / EventBatchBuilder::BlockSize + n / RowsPerPartialBlock + 1);
    m_sketches.reserve(m_blocks.capacity());
    const size_t descriptions = n / RowsPerDistinctDescription;
    m_keys[EventBatch::Descriptions].reserveKeys(descriptions, n * DescriptionBytesPerRow);
    // Pages are mapped in the order asked: the next rows' first (the next page writes them), then
    // the hash tables (taken into use when they are ready).
    m_columns.resetMark(size_t(size()));
    prefaultAhead();
    m_keys[EventBatch::Descriptions].reserveSlots(descriptions);
    m_idSet->reserve(n);
}

void EventStore::prefaultAhead()
{
    std::vector<PagePrefault::Range> ranges;
    if (!m_columns.addAhead(&ranges, size_t(size())))
        return;
    m_keys[EventBatch::Descriptions].addSpare(
        &ranges, PagePrefault::AheadMark::Rows, PagePrefault::AheadMark::Rows * DescriptionBytesAhead);
    PagePrefault::populateLater(std::move(ranges));
}

bool EventStore::containsId(qint64 id) const
{
    return m_idSet->find(id) >= 0;
}

qsizetype EventStore::rowOfId(qint64 id) const
{
    return qsizetype(m_idSet->find(id));
}

qsizetype EventStore::append(const Event &event)
{
    return append(std::span<const Event>(&event, 1));
}

qsizetype EventStore::append(std::span<const Event> events)
{
    return events.empty() ? 0 : append(EventBatchBuilder::build(events));
}

qsizetype EventStore::append(std::vector<Event> &&events)
{
    const qsizetype added = append(std::span<const Event>(events));
    events.clear();
    return added;
}

qsizetype EventStore::append(const EventBatch &batch)
{
    // This runs on the GUI thread: everything that takes time per event (parsing, UTF-8, hashing,
    // compressing) is in the batch already. Here each distinct key of the batch is looked up once
    // (only an entity never seen before becomes QStrings), then each row's columns are copied.
    if (refuseWhileRead("append"))
        return -1;
    const qsizetype before = size();
    // Each key of the batch is looked up when a row that goes in first uses it: a batch most of
    // whose rows are dropped (a slice of an archive chunk, see EventArchive::read) costs its slice.
    for (int t = 0; t < EventBatch::TableCount; ++t)
        m_batchToStore[t].assign(batch.table(EventBatch::Table(t)).size(), Unmapped);
    auto mapKey = [&](EventBatch::Table table, uint32_t i) {
        const KeyTable &from = batch.table(table);
        bool inserted = false;
        const std::string_view key = from.key(i);
        const uint32_t index = m_keys[table].findOrInsert(key, from.keyHash(i), &inserted);
        m_batchToStore[table][i] = index;
        if (!inserted)
            return index;
        switch (table) {
        case EventBatch::Descriptions:
            break;
        case EventBatch::Types:
            m_types.push_back(EventBatch::namedFromKey(key));
            break;
        case EventBatch::Sources:
            m_sources.push_back(EventBatch::namedFromKey(key));
            break;
        case EventBatch::Severities:
            m_severities.push_back(EventBatch::namedFromKey(key));
            break;
        case EventBatch::Organisations:
            m_organisations.push_back(EventBatch::namedFromKey(key));
            break;
        case EventBatch::Users:
            m_users.push_back(EventBatch::userFromKey(key));
            break;
        case EventBatch::Endpoints:
            m_endpoints.push_back(EventBatch::endpointFromKey(key));
            break;
        case EventBatch::Sims:
            m_sims.push_back(EventBatch::simFromKey(key));
            break;
        case EventBatch::Imsis:
            m_imsis.push_back(EventBatch::imsiFromKey(key));
            break;
        case EventBatch::TableCount:
            break;
        }
        return index;
    };
    auto store = [&](EventBatch::Table table, qsizetype row) {
        const uint32_t index = batch.index(table, row);
        if (index == EventBatch::None)
            return None;
        const uint32_t mapped = m_batchToStore[table][index];
        return mapped != Unmapped ? mapped : mapKey(table, index);
    };

    uint32_t lastBlock = UINT32_MAX; // the batch's block last copied in
    for (qsizetype i = 0; i < batch.size(); ++i) {
        const qint64 id = batch.id(i);
        if (batch.isDropped(i) || m_idSet->find(id) >= 0)
            continue;
        const uint32_t row = uint32_t(m_ids.size());
        m_ids.push_back(id);
        m_timestamps.push_back(batch.timestampMs(i));
        m_flags.push_back(batch.alert(i) ? FlagAlert : 0);
        m_description.push_back(store(EventBatch::Descriptions, i));
        m_type.push_back(store(EventBatch::Types, i));
        m_source.push_back(store(EventBatch::Sources, i));
        m_severity.push_back(store(EventBatch::Severities, i));
        m_organisation.push_back(store(EventBatch::Organisations, i));
        m_user.push_back(store(EventBatch::Users, i));
        m_endpoint.push_back(store(EventBatch::Endpoints, i));
        m_sim.push_back(store(EventBatch::Sims, i));
        m_imsi.push_back(store(EventBatch::Imsis, i));
        m_payloadOffset.push_back(batch.payloadOffset(i));
        m_idSet->insert(row);

        // A block goes in with its first row that goes in; one whose rows all are known stays out.
        const uint32_t blockIndex = batch.payloadBlock(i);
        if (blockIndex != lastBlock) {
            lastBlock = blockIndex;
            const EventBatch::Block &source = batch.blocks()[blockIndex];
            const QByteArrayView bytes = batch.blockBytes(blockIndex);
            Block block;
            block.firstRow = row;
            block.compressedSize = source.compressedSize;
            block.rawSize = source.rawSize;
            std::memcpy(allocateBlockBytes(size_t(bytes.size()), &block), bytes.data(), size_t(bytes.size()));
            m_blockBytes += size_t(bytes.size());
            m_blocks.push_back(block);
            m_sketches.push_back(batch.blockSketch(blockIndex));
        }
    }
    prefaultAhead();
    return size() - before;
}

char *EventStore::allocateBlockBytes(size_t bytes, Block *block)
{
    if (bytes > ChunkBytes) {
        // Larger than a chunk (huge payloads): a chunk of its own, and the next block starts a new one.
        m_chunks.push_back(std::make_unique_for_overwrite<char[]>(bytes));
        m_chunkUsed = ChunkBytes;
        block->chunk = uint32_t(m_chunks.size() - 1);
        block->offset = 0;
        return m_chunks.back().get();
    }
    if (m_chunkUsed + bytes > ChunkBytes) {
        m_chunks.push_back(m_spareChunk ? std::move(m_spareChunk) : std::make_unique_for_overwrite<char[]>(ChunkBytes));
        m_chunkUsed = 0;
        m_spareChunk = std::make_unique_for_overwrite<char[]>(ChunkBytes);
        PagePrefault::populateLater({ PagePrefault::Range { m_spareChunk.get(), ChunkBytes } });
    }
    block->chunk = uint32_t(m_chunks.size() - 1);
    block->offset = uint32_t(m_chunkUsed);
    m_chunkUsed += bytes;
    return m_chunks.back().get() + block->offset;
}

size_t EventStore::blockOfRow(qsizetype row) const
{
    // The last block that starts at or before the row.
    const auto it = std::upper_bound(m_blocks.begin(), m_blocks.end(), uint32_t(row),
                                     [](uint32_t r, const Block &block) { return r < block.firstRow; });
    return size_t(it - m_blocks.begin()) - 1;
}

void EventStore::blockPayload(size_t blockIndex, std::string *out) const
{
    const Block &block = m_blocks[blockIndex];
    const char *bytes = m_chunks[block.chunk].get() + block.offset;
    if (block.compressedSize == UINT32_MAX) {
        out->assign(bytes, block.rawSize);
        return;
    }
    if (!PayloadRecords::decompress(std::string_view(bytes, block.compressedSize), block.rawSize, out))
        qCWarning(lcStore) << "payload block" << blockIndex << "does not decompress";
}

void EventStore::PayloadReader::load(qsizetype row, QByteArrayView *detail, QByteArrayView *extra)
{
    *detail = *extra = {};
    if (row < 0 || row >= m_store.size())
        return;
    if (row < m_blockFirst || row >= m_blockEnd) {
        const size_t block = m_store.blockOfRow(row);
        const auto &blocks = m_store.m_blocks;
        m_blockFirst = blocks[block].firstRow;
        m_blockEnd = block + 1 < blocks.size() ? qsizetype(blocks[block + 1].firstRow) : m_store.size();
        m_store.blockPayload(block, &m_buffer);
    }
    const uint32_t offset = m_store.m_payloadOffset[size_t(row)];
    if (offset > m_buffer.size())
        return;
    PayloadRecords::split(QByteArrayView(m_buffer).sliced(offset), detail, extra);
}

QByteArrayView EventStore::PayloadReader::detailJson(qsizetype row)
{
    QByteArrayView detail, extra;
    load(row, &detail, &extra);
    return detail;
}

QByteArrayView EventStore::PayloadReader::extraJson(qsizetype row)
{
    QByteArrayView detail, extra;
    load(row, &detail, &extra);
    return extra;
}

QByteArray EventStore::detailJson(qsizetype row) const
{
    PayloadReader reader(*this);
    return reader.detailJson(row).toByteArray();
}

QByteArray EventStore::extraJson(qsizetype row) const
{
    PayloadReader reader(*this);
    return reader.extraJson(row).toByteArray();
}

Event EventStore::event(qsizetype row) const
{
    PayloadReader reader(*this);
    return event(row, reader);
}

Event EventStore::event(qsizetype row, PayloadReader &reader) const
{
    Event e;
    if (row < 0 || row >= size())
        return e;
    const size_t r = size_t(row);
    e.id = m_ids[r];
    e.timestampMs = m_timestamps[r];
    e.alert = m_flags[r] & FlagAlert;
    e.description = QString::fromUtf8(descriptionUtf8(row));
    auto ref = [](const NamedId &n) { return EventRef { n.id, n.name }; };
    e.type = ref(m_types[m_type[r]]);
    e.source = ref(m_sources[m_source[r]]);
    e.severity = ref(m_severities[m_severity[r]]);
    e.organisation = ref(m_organisations[m_organisation[r]]);
    if (m_user[r] != None)
        e.user = m_users[m_user[r]];
    if (m_endpoint[r] != None)
        e.endpoint = m_endpoints[m_endpoint[r]];
    if (m_sim[r] != None)
        e.sim = m_sims[m_sim[r]];
    if (m_imsi[r] != None)
        e.imsi = m_imsis[m_imsi[r]];
    QByteArrayView detail, extra;
    reader.load(row, &detail, &extra);
    e.detailJson = detail.toByteArray();
    e.extraJson = extra.toByteArray();
    return e;
}

size_t EventStore::memoryUsage() const
{
    auto cap = [](const auto &v) { return v.capacity() * sizeof(typename std::decay_t<decltype(v)>::value_type); };
    size_t total = m_columns.bytes();
    total += cap(m_blocks) + cap(m_sketches) + m_blockBytes + (m_spareChunk ? ChunkBytes : 0);
    total += m_idSet->bytes();
    for (const PayloadSketch &sketch : m_sketches)
        total += sketch.memoryUsage() - sizeof(PayloadSketch); // its vectors (the rest is in cap())
    for (const KeyTable &keys : m_keys)
        total += keys.memoryUsage();
    // The entity tables are small (thousands of devices, not millions of rows); rough per-entry sizes.
    total += (m_users.size() + m_endpoints.size() + m_sims.size() + m_imsis.size()) * 160;
    return total;
}
