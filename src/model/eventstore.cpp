// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "model/eventstore.h"

#include "model/eventbatchbuilder.h"
#include "model/payloadrecords.h"

#include <QHash>
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

} // namespace

// Rows by event id: open addressing over row numbers (4 bytes a slot), the id read from the column.
class EventStore::IdSet
{
public:
    explicit IdSet(const std::vector<qint64> &ids) : m_ids(ids) { }

    int64_t find(qint64 id) const
    {
        if (m_slots.empty())
            return -1;
        for (size_t i = mix(uint64_t(id)) & m_mask;; i = (i + 1) & m_mask) {
            const uint32_t row = m_slots[i];
            if (row == Empty)
                return -1;
            if (m_ids[row] == id)
                return row;
        }
    }
    void reserve(size_t count)
    {
        while (m_slots.size() < count * 2)
            grow();
    }
    // The row must already be in the id column.
    void insert(uint32_t row)
    {
        if ((m_count + 1) * 2 > m_slots.size())
            grow();
        place(row);
        ++m_count;
    }
    void clear()
    {
        m_slots.clear();
        m_slots.shrink_to_fit();
        m_count = 0;
        m_mask = 0;
    }
    size_t bytes() const { return m_slots.capacity() * sizeof(uint32_t); }

private:
    static constexpr uint32_t Empty = UINT32_MAX;
    void place(uint32_t row)
    {
        size_t i = mix(uint64_t(m_ids[row])) & m_mask;
        while (m_slots[i] != Empty)
            i = (i + 1) & m_mask;
        m_slots[i] = row;
    }
    void grow()
    {
        std::vector<uint32_t> old = std::move(m_slots);
        m_slots.assign(std::max<size_t>(1024, old.size() * 2), Empty);
        m_mask = m_slots.size() - 1;
        for (uint32_t row : old) {
            if (row != Empty)
                place(row);
        }
    }
    const std::vector<qint64> &m_ids;
    std::vector<uint32_t> m_slots;
    size_t m_mask = 0;
    size_t m_count = 0;
};

// Interned strings: open addressing over string indices with their hashes.
class EventStore::StringSet
{
public:
    explicit StringSet(const EventStore &store) : m_store(store) { }

    // Returns the index of an equal string, or UINT32_MAX.
    uint32_t find(std::string_view text, uint32_t hash) const
    {
        if (m_slots.empty())
            return UINT32_MAX;
        for (size_t i = hash & m_mask;; i = (i + 1) & m_mask) {
            const Slot &slot = m_slots[i];
            if (slot.index == UINT32_MAX)
                return UINT32_MAX;
            if (slot.hash == hash && m_store.string(slot.index) == QByteArrayView(text.data(), qsizetype(text.size())))
                return slot.index;
        }
    }
    void reserve(size_t count)
    {
        while (m_slots.size() < count * 2)
            grow();
    }
    void insert(uint32_t index, uint32_t hash)
    {
        if ((m_count + 1) * 2 > m_slots.size())
            grow();
        place(Slot { index, hash });
        ++m_count;
    }
    void clear()
    {
        m_slots.clear();
        m_slots.shrink_to_fit();
        m_count = 0;
        m_mask = 0;
    }
    size_t bytes() const { return m_slots.capacity() * sizeof(Slot); }

private:
    struct Slot
    {
        uint32_t index = UINT32_MAX;
        uint32_t hash = 0;
    };
    void place(Slot slot)
    {
        size_t i = slot.hash & m_mask;
        while (m_slots[i].index != UINT32_MAX)
            i = (i + 1) & m_mask;
        m_slots[i] = slot;
    }
    void grow()
    {
        std::vector<Slot> old = std::move(m_slots);
        m_slots.assign(std::max<size_t>(1024, old.size() * 2), Slot {});
        m_mask = m_slots.size() - 1;
        for (const Slot &slot : old) {
            if (slot.index != UINT32_MAX)
                place(slot);
        }
    }
    const EventStore &m_store;
    std::vector<Slot> m_slots;
    size_t m_mask = 0;
    size_t m_count = 0;
};

// Entities by id. The same id can come with other fields later (a renamed device): each distinct
// version gets its own entry, so that every row keeps exactly what it was sent with.
class EventStore::EntityTables
{
public:
    template<typename T>
    static uint32_t intern(QMultiHash<qint64, uint32_t> &byId, std::vector<T> &table, const T &value)
    {
        for (auto it = byId.constFind(value.id); it != byId.cend() && it.key() == value.id; ++it) {
            if (table[it.value()] == value)
                return it.value();
        }
        const uint32_t index = uint32_t(table.size());
        table.push_back(value);
        byId.insert(value.id, index);
        return index;
    }

    static uint32_t internNamed(QMultiHash<qint64, uint32_t> &byId, std::vector<NamedId> &table, const NamedId &named)
    {
        for (auto it = byId.constFind(named.id); it != byId.cend() && it.key() == named.id; ++it) {
            if (table[it.value()].nameUtf8 == named.nameUtf8)
                return it.value();
        }
        const uint32_t index = uint32_t(table.size());
        table.push_back(named);
        byId.insert(named.id, index);
        return index;
    }
    // Store indices for a batch's own table.
    template<typename T, typename Intern>
    static void map(const std::vector<T> &batchTable, std::vector<uint32_t> *out, Intern intern)
    {
        out->resize(batchTable.size());
        for (size_t i = 0; i < batchTable.size(); ++i)
            (*out)[i] = intern(batchTable[i]);
    }

    QMultiHash<qint64, uint32_t> types, sources, severities, organisations, users, endpoints, sims, imsis;
    // Scratch: a batch's table index -> the store's.
    std::vector<uint32_t> typeMap, sourceMap, severityMap, organisationMap, userMap, endpointMap, simMap, imsiMap;
};

EventStore::EventStore()
    : m_idSet(std::make_unique<IdSet>(m_ids))
    , m_stringSet(std::make_unique<StringSet>(*this))
    , m_entities(std::make_unique<EntityTables>())
{
}

EventStore::~EventStore() = default;

void EventStore::clear()
{
    for (auto *column : { &m_ids, &m_timestamps })
        std::vector<qint64>().swap(*column);
    for (auto *column : { &m_description, &m_organisation, &m_user, &m_endpoint, &m_sim, &m_imsi, &m_payloadOffset })
        std::vector<uint32_t>().swap(*column);
    std::vector<uint16_t>().swap(m_type);
    for (auto *column : { &m_source, &m_severity, &m_flags })
        std::vector<uint8_t>().swap(*column);
    m_types.clear();
    m_sources.clear();
    m_severities.clear();
    m_organisations.clear();
    m_users.clear();
    m_endpoints.clear();
    m_sims.clear();
    m_imsis.clear();
    std::vector<char>().swap(m_arena);
    std::vector<uint32_t>().swap(m_stringOffsets);
    m_blocks.clear();
    m_chunks.clear();
    m_chunkUsed = ChunkBytes;
    m_blockBytes = 0;
    m_idSet->clear();
    m_stringSet->clear();
    *m_entities = EntityTables();
}

void EventStore::reserve(qsizetype rows)
{
    if (rows <= size())
        return;
    const size_t n = size_t(rows);
    m_ids.reserve(n);
    m_timestamps.reserve(n);
    for (auto *column : { &m_description, &m_organisation, &m_user, &m_endpoint, &m_sim, &m_imsi, &m_payloadOffset })
        column->reserve(n);
    m_type.reserve(n);
    for (auto *column : { &m_source, &m_severity, &m_flags })
        column->reserve(n);
    m_blocks.reserve(n / EventBatchBuilder::BlockSize + n / 500 + 1); // full blocks plus one partial a page
    m_idSet->reserve(n);
    // Distinct descriptions: at most one a row; most pulls have far fewer, so plan for half.
    m_stringSet->reserve(n / 2);
    m_stringOffsets.reserve(n / 2);
    m_arena.reserve(n * 64);
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

uint32_t EventStore::intern(std::string_view utf8, uint32_t hash)
{
    const uint32_t found = m_stringSet->find(utf8, hash);
    if (found != UINT32_MAX)
        return found;
    const uint32_t index = uint32_t(m_stringOffsets.size());
    m_stringOffsets.push_back(uint32_t(m_arena.size()));
    m_arena.insert(m_arena.end(), utf8.begin(), utf8.end());
    m_stringSet->insert(index, hash);
    return index;
}

qsizetype EventStore::append(const EventBatch &batch)
{
    // This runs on the GUI thread: everything that takes time per event (parsing, UTF-8, hashing,
    // compressing) is in the batch already; here each row is copied and its id checked.
    const qsizetype before = size();
    EntityTables &e = *m_entities;
    auto named = [](QMultiHash<qint64, uint32_t> &byId, std::vector<NamedId> &table) {
        return [&](const NamedId &n) { return EntityTables::internNamed(byId, table, n); };
    };
    EntityTables::map(batch.types(), &e.typeMap, named(e.types, m_types));
    EntityTables::map(batch.sources(), &e.sourceMap, named(e.sources, m_sources));
    EntityTables::map(batch.severities(), &e.severityMap, named(e.severities, m_severities));
    EntityTables::map(batch.organisations(), &e.organisationMap, named(e.organisations, m_organisations));
    Q_ASSERT_X(m_types.size() <= UINT16_MAX && m_sources.size() <= UINT8_MAX && m_severities.size() <= UINT8_MAX,
               "EventStore", "too many distinct types, sources or severities");
    EntityTables::map(batch.users(), &e.userMap, [&](const EventUser &u) { return EntityTables::intern(e.users, m_users, u); });
    EntityTables::map(batch.endpoints(), &e.endpointMap,
                      [&](const EventEndpoint &x) { return EntityTables::intern(e.endpoints, m_endpoints, x); });
    EntityTables::map(batch.sims(), &e.simMap, [&](const EventSim &x) { return EntityTables::intern(e.sims, m_sims, x); });
    EntityTables::map(batch.imsis(), &e.imsiMap, [&](const EventImsi &x) { return EntityTables::intern(e.imsis, m_imsis, x); });
    auto entity = [](const std::vector<uint32_t> &map, uint32_t index) { return index == EventBatch::None ? None : map[index]; };

    uint32_t lastBlock = UINT32_MAX; // the batch's block last copied in
    for (qsizetype i = 0; i < batch.size(); ++i) {
        const qint64 id = batch.id(i);
        if (batch.isDropped(i) || m_idSet->find(id) >= 0)
            continue;
        const uint32_t row = uint32_t(m_ids.size());
        m_ids.push_back(id);
        m_timestamps.push_back(batch.timestampMs(i));
        m_flags.push_back(batch.alert(i) ? FlagAlert : 0);
        m_description.push_back(intern(batch.description(i), batch.descriptionHash(i)));
        m_type.push_back(uint16_t(e.typeMap[batch.typeIndex(i)]));
        m_source.push_back(uint8_t(e.sourceMap[batch.sourceIndex(i)]));
        m_severity.push_back(uint8_t(e.severityMap[batch.severityIndex(i)]));
        m_organisation.push_back(e.organisationMap[batch.organisationIndex(i)]);
        m_user.push_back(entity(e.userMap, batch.userIndex(i)));
        m_endpoint.push_back(entity(e.endpointMap, batch.endpointIndex(i)));
        m_sim.push_back(entity(e.simMap, batch.simIndex(i)));
        m_imsi.push_back(entity(e.imsiMap, batch.imsiIndex(i)));
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
        }
    }
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
        m_chunks.push_back(std::make_unique_for_overwrite<char[]>(ChunkBytes));
        m_chunkUsed = 0;
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
        m_block = m_store.blockOfRow(row);
        const auto &blocks = m_store.m_blocks;
        m_blockFirst = blocks[m_block].firstRow;
        m_blockEnd = m_block + 1 < blocks.size() ? qsizetype(blocks[m_block + 1].firstRow) : m_store.size();
        m_store.blockPayload(m_block, &m_buffer);
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
    PayloadReader reader(*this);
    QByteArrayView detail, extra;
    reader.load(row, &detail, &extra);
    e.detailJson = detail.toByteArray();
    e.extraJson = extra.toByteArray();
    return e;
}

size_t EventStore::memoryUsage() const
{
    auto cap = [](const auto &v) { return v.capacity() * sizeof(typename std::decay_t<decltype(v)>::value_type); };
    size_t total = cap(m_ids) + cap(m_timestamps) + cap(m_description) + cap(m_type) + cap(m_source) + cap(m_severity)
        + cap(m_flags) + cap(m_organisation) + cap(m_user) + cap(m_endpoint) + cap(m_sim) + cap(m_imsi)
        + cap(m_payloadOffset) + cap(m_arena) + cap(m_stringOffsets);
    total += cap(m_blocks) + m_blockBytes;
    total += m_idSet->bytes() + m_stringSet->bytes();
    // The entity tables are small (thousands of devices, not millions of rows); rough per-entry sizes.
    total += (m_users.size() + m_endpoints.size() + m_sims.size() + m_imsis.size()) * 160;
    return total;
}
