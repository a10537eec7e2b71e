// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "model/event.h"
#include "model/eventbatch.h"
#include "model/pageprefault.h"
#include "model/payloadsketch.h"
#include "model/prefaultedcolumns.h"

#include <QByteArray>
#include <QByteArrayView>

#include <array>
#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <utility>
#include <vector>

// All loaded events, column by column, for a million rows and more: fixed-size columns for the
// scalar fields, interned tables (KeyTable) for descriptions, organisations, users, devices, SIMs,
// IMSIs and names, and the detail payloads compressed in blocks (as EventBatchBuilder made them).
// Append-only apart from clear(); deduplicates by event id.
// Threads: written on one thread; any number of threads may read at once while nobody writes. A
// reader on another thread holds a ReadLock for as long as it reads; append(), reserve() and
// clear() refuse to change the store while one is held (the table model queues appends and moves
// a cleared store aside until its readers are done).
class EventStore final
{
public:
    static constexpr uint32_t None = UINT32_MAX; // "no entity" in the entity columns
    using NamedId = EventNamedId;

    EventStore();
    ~EventStore();
    EventStore(const EventStore &) = delete;
    EventStore &operator=(const EventStore &) = delete;

    // Keeps the store unchanged while held. Movable; released by its destructor or release(), on
    // any thread; `released` (if any) then runs on that thread.
    class ReadLock final
    {
    public:
        ReadLock() = default;
        ReadLock(ReadLock &&other) noexcept;
        ReadLock &operator=(ReadLock &&other) noexcept;
        ReadLock(const ReadLock &) = delete;
        ReadLock &operator=(const ReadLock &) = delete;
        ~ReadLock() { release(); }

        [[nodiscard]] const EventStore *store() const { return m_store; }
        void release();

    private:
        friend class EventStore;
        ReadLock(const EventStore *store, std::function<void()> released);
        const EventStore *m_store = nullptr;
        std::function<void()> m_released;
    };
    [[nodiscard]] ReadLock lockForRead(std::function<void()> released = {}) const;
    [[nodiscard]] bool isReadLocked() const { return m_readers.load(std::memory_order_acquire) > 0; }

    // Appends the events whose ids are new; returns how many rows were added (at the end).
    // The batch is copied: its columns, its new entities and its compressed payload blocks.
    // Adds nothing and returns -1 while a ReadLock is held (a programming error, logged).
    qsizetype append(const EventBatch &batch);
    qsizetype append(std::span<const Event> events);
    qsizetype append(std::vector<Event> &&events); // and releases them
    qsizetype append(const Event &event);
    void clear(); // refused (logged) while a ReadLock is held
    // Makes room for `rows` rows in all, so that appending up to there never reallocates or
    // rehashes (a pull knows its total from X-Total-Count): no pause while a page is added.
    void reserve(qsizetype rows);

    [[nodiscard]] qsizetype size() const { return qsizetype(m_ids.size()); }
    [[nodiscard]] bool isEmpty() const { return m_ids.empty(); }
    [[nodiscard]] bool containsId(qint64 id) const;
    [[nodiscard]] qsizetype rowOfId(qint64 id) const; // -1 when absent

    [[nodiscard]] Event event(qsizetype row) const; // the whole event, payload included
    class PayloadReader;
    // The same for many rows: the reader decompresses each payload block once.
    [[nodiscard]] Event event(qsizetype row, PayloadReader &reader) const;

    // Column access by row; rows are 0 .. size()-1, in arrival order.
    [[nodiscard]] qint64 id(qsizetype row) const { return m_ids[size_t(row)]; }
    [[nodiscard]] qint64 timestampMs(qsizetype row) const { return m_timestamps[size_t(row)]; }
    [[nodiscard]] bool alert(qsizetype row) const { return m_flags[size_t(row)] & FlagAlert; }
    [[nodiscard]] uint32_t descriptionIndex(qsizetype row) const { return m_description[size_t(row)]; }
    [[nodiscard]] QByteArrayView descriptionUtf8(qsizetype row) const { return string(descriptionIndex(row)); }
    [[nodiscard]] uint32_t typeIndex(qsizetype row) const { return m_type[size_t(row)]; }
    [[nodiscard]] uint32_t sourceIndex(qsizetype row) const { return m_source[size_t(row)]; }
    [[nodiscard]] uint32_t severityIndex(qsizetype row) const { return m_severity[size_t(row)]; }
    [[nodiscard]] uint32_t organisationIndex(qsizetype row) const { return m_organisation[size_t(row)]; }
    [[nodiscard]] uint32_t userIndex(qsizetype row) const { return m_user[size_t(row)]; }
    [[nodiscard]] uint32_t endpointIndex(qsizetype row) const { return m_endpoint[size_t(row)]; }
    [[nodiscard]] uint32_t simIndex(qsizetype row) const { return m_sim[size_t(row)]; }
    [[nodiscard]] uint32_t imsiIndex(qsizetype row) const { return m_imsi[size_t(row)]; }

    // The interned tables the index columns point into.
    [[nodiscard]] const std::vector<NamedId> &types() const { return m_types; }
    [[nodiscard]] const std::vector<NamedId> &sources() const { return m_sources; }
    [[nodiscard]] const std::vector<NamedId> &severities() const { return m_severities; }
    [[nodiscard]] const std::vector<NamedId> &organisations() const { return m_organisations; }
    [[nodiscard]] const std::vector<EventUser> &users() const { return m_users; }
    [[nodiscard]] const std::vector<EventEndpoint> &endpoints() const { return m_endpoints; }
    [[nodiscard]] const std::vector<EventSim> &sims() const { return m_sims; }
    [[nodiscard]] const std::vector<EventImsi> &imsis() const { return m_imsis; }
    // Interned strings (descriptions): count and UTF-8 text by index.
    [[nodiscard]] uint32_t stringCount() const { return m_keys[EventBatch::Descriptions].size(); }
    [[nodiscard]] QByteArrayView string(uint32_t index) const
    {
        const std::string_view text = m_keys[EventBatch::Descriptions].key(index);
        return QByteArrayView(text.data(), qsizetype(text.size()));
    }

    // The `detail` payload (compact JSON; empty when absent) and the unknown top-level keys.
    [[nodiscard]] QByteArray detailJson(qsizetype row) const;
    [[nodiscard]] QByteArray extraJson(qsizetype row) const;

    // Sequential payload reading (export): decompresses each block once. One per thread.
    class PayloadReader final
    {
    public:
        explicit PayloadReader(const EventStore &store) : m_store(store) { }
        // Views stay valid until the next call.
        QByteArrayView detailJson(qsizetype row);
        QByteArrayView extraJson(qsizetype row);

    private:
        friend class EventStore;
        void load(qsizetype row, QByteArrayView *detail, QByteArrayView *extra);
        const EventStore &m_store;
        qsizetype m_blockFirst = 0, m_blockEnd = 0; // the loaded block's rows
        std::string m_buffer;
    };

    // The payload blocks, for a search that skips blocks by their sketch: rows [first, end) of a
    // block (read them with a PayloadReader, in order: the block is decompressed once).
    [[nodiscard]] size_t payloadBlockCount() const { return m_blocks.size(); }
    [[nodiscard]] std::pair<qsizetype, qsizetype> payloadBlockRows(size_t block) const
    {
        return { qsizetype(m_blocks[block].firstRow),
                 block + 1 < m_blocks.size() ? qsizetype(m_blocks[block + 1].firstRow) : size() };
    }
    [[nodiscard]] const PayloadSketch &payloadBlockSketch(size_t block) const { return m_sketches[block]; }
    [[nodiscard]] size_t payloadBlockOfRow(qsizetype row) const { return blockOfRow(row); }

    // Bytes held by the store's own containers (an estimate of its share of the heap).
    [[nodiscard]] size_t memoryUsage() const;

private:
    enum Flag : uint8_t { FlagAlert = 1 };
    // A sealed block's bytes live in one of the large chunks below: no allocation per block.
    struct Block
    {
        uint32_t firstRow = 0; // the block's rows run up to the next block's first row
        uint32_t chunk = 0;
        uint32_t offset = 0;
        uint32_t compressedSize = 0; // UINT32_MAX: stored raw (compression failed)
        uint32_t rawSize = 0;
    };
    // Sealed blocks are copied into chunks of this size: one allocation (and one spare chunk
    // mapped ahead, see PagePrefault) for many blocks of a few KB each, and little unused memory
    // for a small pull.
    static constexpr size_t ChunkBytes = 4 << 20;
    class IdSet;

    [[nodiscard]] bool refuseWhileRead(const char *what) const; // true (and logged) when locked
    char *allocateBlockBytes(size_t bytes, Block *block);
    void prefaultAhead();
    [[nodiscard]] size_t blockOfRow(qsizetype row) const;
    void blockPayload(size_t blockIndex, std::string *out) const;

    // The row columns, declared once (PrefaultedColumns: reserve, release, pages mapped ahead,
    // memory). Type, source and severity are indices into their tables like the entities, 32 bits
    // wide: a hostile server may send any number of distinct values, and a narrower index would
    // wrap around to a wrong one (issue 10; 8 bytes a row more than 16/8/8 bits).
    PrefaultedColumns m_columns;
    PrefaultedColumn<qint64> m_ids { &m_columns };
    PrefaultedColumn<qint64> m_timestamps { &m_columns };
    PrefaultedColumn<uint32_t> m_description { &m_columns };
    PrefaultedColumn<uint32_t> m_type { &m_columns };
    PrefaultedColumn<uint32_t> m_source { &m_columns };
    PrefaultedColumn<uint32_t> m_severity { &m_columns };
    PrefaultedColumn<uint8_t> m_flags { &m_columns };
    PrefaultedColumn<uint32_t> m_organisation { &m_columns };
    PrefaultedColumn<uint32_t> m_user { &m_columns };
    PrefaultedColumn<uint32_t> m_endpoint { &m_columns };
    PrefaultedColumn<uint32_t> m_sim { &m_columns };
    PrefaultedColumn<uint32_t> m_imsi { &m_columns };
    PrefaultedColumn<uint32_t> m_payloadOffset { &m_columns }; // the row's record inside its block's raw data

    std::vector<NamedId> m_types, m_sources, m_severities, m_organisations;
    std::vector<EventUser> m_users;
    std::vector<EventEndpoint> m_endpoints;
    std::vector<EventSim> m_sims;
    std::vector<EventImsi> m_imsis;

    // Descriptions and entities by their batch keys (EventBatch::Table); an entity's key index is
    // its index in the typed table above.
    std::array<KeyTable, EventBatch::TableCount> m_keys;
    std::array<std::vector<uint32_t>, EventBatch::TableCount> m_batchToStore; // scratch of append()

    std::vector<Block> m_blocks; // in row order
    std::vector<PayloadSketch> m_sketches; // one a block (bench_scale's "index": bytes a row)
    std::vector<std::unique_ptr<char[]>> m_chunks; // where the blocks' bytes are
    size_t m_chunkUsed = ChunkBytes; // bytes used in the last chunk
    size_t m_blockBytes = 0; // bytes of all blocks
    std::unique_ptr<char[]> m_spareChunk; // the next chunk, its pages mapped ahead (PagePrefault)

    std::unique_ptr<IdSet> m_idSet;
    mutable std::atomic<int> m_readers { 0 }; // ReadLocks held
};
