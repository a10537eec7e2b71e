// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "model/eventstore.h"

#include <QHash>
#include <QLoggingCategory>

#include <zstd.h>

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

inline uint32_t hashBytes(QByteArrayView text)
{
    // FNV-1a, 64-bit, folded: the strings are short and this runs once per appended description.
    uint64_t h = 1469598103934665603ULL;
    for (char c : text)
        h = (h ^ uint8_t(c)) * 1099511628211ULL;
    return uint32_t(h ^ (h >> 32));
}

void putVarint(std::string *out, uint32_t value)
{
    while (value >= 0x80) {
        out->push_back(char(value | 0x80));
        value >>= 7;
    }
    out->push_back(char(value));
}

uint32_t getVarint(const char **p, const char *end)
{
    uint32_t value = 0;
    int shift = 0;
    while (*p < end && shift < 35) {
        const uint8_t byte = uint8_t(**p);
        ++*p;
        value |= uint32_t(byte & 0x7f) << shift;
        if (!(byte & 0x80))
            break;
        shift += 7;
    }
    return value;
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
    uint32_t find(QByteArrayView text, uint32_t hash) const
    {
        if (m_slots.empty())
            return UINT32_MAX;
        for (size_t i = hash & m_mask;; i = (i + 1) & m_mask) {
            const Slot &slot = m_slots[i];
            if (slot.index == UINT32_MAX)
                return UINT32_MAX;
            if (slot.hash == hash && m_store.string(slot.index) == text)
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

    static bool sameNamed(const NamedId &a, const EventRef &b) { return a.id == b.id && a.name == b.name; }
    static uint32_t internNamed(QMultiHash<qint64, uint32_t> &byId, std::vector<NamedId> &table, const EventRef &ref)
    {
        for (auto it = byId.constFind(ref.id); it != byId.cend() && it.key() == ref.id; ++it) {
            if (sameNamed(table[it.value()], ref))
                return it.value();
        }
        const uint32_t index = uint32_t(table.size());
        table.push_back(NamedId { ref.id, ref.name, ref.name.toUtf8() });
        byId.insert(ref.id, index);
        return index;
    }

    QMultiHash<qint64, uint32_t> types, sources, severities, organisations, users, endpoints, sims, imsis;
    // The last entries interned: consecutive events mostly share them, which spares the hash lookups.
    uint32_t lastOrganisation = UINT32_MAX;
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
    m_openBlock.clear();
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
    m_blocks.reserve(n / BlockSize + 1);
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
    if (containsId(event.id))
        return 0;
    appendOne(event);
    return 1;
}

qsizetype EventStore::append(std::span<const Event> events)
{
    const qsizetype before = size();
    for (const Event &event : events) {
        if (!containsId(event.id))
            appendOne(event);
    }
    return size() - before;
}

qsizetype EventStore::append(std::vector<Event> &&events)
{
    const qsizetype added = append(std::span<const Event>(events));
    events.clear();
    return added;
}

uint32_t EventStore::intern(QByteArrayView utf8)
{
    const uint32_t hash = hashBytes(utf8);
    const uint32_t found = m_stringSet->find(utf8, hash);
    if (found != UINT32_MAX)
        return found;
    const uint32_t index = uint32_t(m_stringOffsets.size());
    m_stringOffsets.push_back(uint32_t(m_arena.size()));
    m_arena.insert(m_arena.end(), utf8.begin(), utf8.end());
    m_stringSet->insert(index, hash);
    return index;
}

void EventStore::appendOne(const Event &event)
{
    const uint32_t row = uint32_t(m_ids.size());
    m_ids.push_back(event.id);
    m_timestamps.push_back(event.timestampMs);
    m_flags.push_back(event.alert ? FlagAlert : 0);

    // Descriptions are mostly short ASCII: convert through a stack buffer to spare an allocation.
    const QString &d = event.description;
    char buffer[512];
    if (d.size() * 3 <= qsizetype(sizeof buffer)) {
        char *end = buffer;
        bool ascii = true;
        for (QChar c : d) {
            if (c.unicode() >= 0x80) {
                ascii = false;
                break;
            }
            *end++ = char(c.unicode());
        }
        m_description.push_back(ascii ? intern(QByteArrayView(buffer, end - buffer)) : intern(d.toUtf8()));
    } else {
        m_description.push_back(intern(d.toUtf8()));
    }

    EntityTables &e = *m_entities;
    m_type.push_back(uint16_t(EntityTables::internNamed(e.types, m_types, event.type)));
    m_source.push_back(uint8_t(EntityTables::internNamed(e.sources, m_sources, event.source)));
    m_severity.push_back(uint8_t(EntityTables::internNamed(e.severities, m_severities, event.severity)));
    if (e.lastOrganisation == UINT32_MAX || !EntityTables::sameNamed(m_organisations[e.lastOrganisation], event.organisation))
        e.lastOrganisation = EntityTables::internNamed(e.organisations, m_organisations, event.organisation);
    m_organisation.push_back(e.lastOrganisation);
    m_user.push_back(event.user ? EntityTables::intern(e.users, m_users, *event.user) : None);
    m_endpoint.push_back(event.endpoint ? EntityTables::intern(e.endpoints, m_endpoints, *event.endpoint) : None);
    m_sim.push_back(event.sim ? EntityTables::intern(e.sims, m_sims, *event.sim) : None);
    m_imsi.push_back(event.imsi ? EntityTables::intern(e.imsis, m_imsis, *event.imsi) : None);
    Q_ASSERT_X(m_types.size() <= UINT16_MAX && m_sources.size() <= UINT8_MAX && m_severities.size() <= UINT8_MAX,
               "EventStore", "too many distinct types, sources or severities");

    // The payload record: varint length + detail, varint length + extra keys.
    m_payloadOffset.push_back(uint32_t(m_openBlock.size()));
    putVarint(&m_openBlock, uint32_t(event.detailJson.size()));
    m_openBlock.append(event.detailJson.constData(), size_t(event.detailJson.size()));
    putVarint(&m_openBlock, uint32_t(event.extraJson.size()));
    m_openBlock.append(event.extraJson.constData(), size_t(event.extraJson.size()));

    m_idSet->insert(row);
    if ((row + 1) % BlockSize == 0)
        sealBlock();
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

void EventStore::sealBlock()
{
    // No allocation per block: a small allocation here made glibc consolidate its free lists now
    // and then, which cost the GUI thread 20 ms and more in one page.
    thread_local std::unique_ptr<ZSTD_CCtx, size_t (*)(ZSTD_CCtx *)> context(ZSTD_createCCtx(), &ZSTD_freeCCtx);
    const size_t bound = ZSTD_compressBound(m_openBlock.size());
    if (m_scratch.size() < bound)
        m_scratch.resize(bound);
    // Level 1: the fastest, and JSON of one kind of payload still shrinks about eightfold per block.
    const size_t written = ZSTD_compressCCtx(context.get(), m_scratch.data(), bound, m_openBlock.data(), m_openBlock.size(), 1);
    Block block;
    block.rawSize = uint32_t(m_openBlock.size());
    if (ZSTD_isError(written)) {
        qCWarning(lcStore) << "payload compression failed:" << ZSTD_getErrorName(written) << "- keeping the block raw";
        std::memcpy(allocateBlockBytes(m_openBlock.size(), &block), m_openBlock.data(), m_openBlock.size());
        block.compressedSize = UINT32_MAX;
        m_blockBytes += m_openBlock.size();
    } else {
        std::memcpy(allocateBlockBytes(written, &block), m_scratch.data(), written);
        block.compressedSize = uint32_t(written);
        m_blockBytes += written;
    }
    m_blocks.push_back(block);
    m_openBlock.clear();
}

void EventStore::blockPayload(qsizetype row, std::string *out) const
{
    const size_t blockIndex = size_t(row) / BlockSize;
    if (blockIndex >= m_blocks.size()) {
        *out = m_openBlock;
        return;
    }
    const Block &block = m_blocks[blockIndex];
    out->resize(block.rawSize);
    const char *bytes = m_chunks[block.chunk].get() + block.offset;
    if (block.compressedSize == UINT32_MAX) {
        std::memcpy(out->data(), bytes, block.rawSize);
        return;
    }
    const size_t n = ZSTD_decompress(out->data(), out->size(), bytes, block.compressedSize);
    if (ZSTD_isError(n) || n != block.rawSize) {
        qCWarning(lcStore) << "payload block" << blockIndex << "does not decompress";
        out->clear();
    }
}

void EventStore::splitRecord(QByteArrayView record, QByteArrayView *detail, QByteArrayView *extra)
{
    const char *p = record.data();
    const char *end = p + record.size();
    const uint32_t detailSize = std::min<uint32_t>(getVarint(&p, end), uint32_t(end - p));
    *detail = QByteArrayView(p, detailSize);
    p += detailSize;
    const uint32_t extraSize = std::min<uint32_t>(getVarint(&p, end), uint32_t(end - p));
    *extra = QByteArrayView(p, extraSize);
}

void EventStore::PayloadReader::load(qsizetype row, QByteArrayView *detail, QByteArrayView *extra)
{
    const qsizetype block = row / BlockSize;
    const bool open = size_t(block) >= m_store.m_blocks.size();
    if (open) {
        // The open block keeps growing; read it in place.
        const std::string &raw = m_store.m_openBlock;
        const uint32_t offset = m_store.m_payloadOffset[size_t(row)];
        splitRecord(QByteArrayView(raw.data() + offset, qsizetype(raw.size() - offset)), detail, extra);
        return;
    }
    if (block != m_block) {
        m_store.blockPayload(row, &m_buffer);
        m_block = block;
    }
    const uint32_t offset = m_store.m_payloadOffset[size_t(row)];
    if (offset > m_buffer.size()) {
        *detail = *extra = {};
        return;
    }
    splitRecord(QByteArrayView(m_buffer.data() + offset, qsizetype(m_buffer.size() - offset)), detail, extra);
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
        + cap(m_payloadOffset) + cap(m_arena) + cap(m_stringOffsets) + m_openBlock.capacity();
    total += cap(m_blocks) + m_blockBytes + m_scratch.capacity();
    total += m_idSet->bytes() + m_stringSet->bytes();
    // The entity tables are small (thousands of devices, not millions of rows); rough per-entry sizes.
    total += (m_users.size() + m_endpoints.size() + m_sims.size() + m_imsis.size()) * 160;
    return total;
}
