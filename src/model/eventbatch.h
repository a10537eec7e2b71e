// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "model/event.h"
#include "model/keytable.h"
#include "model/payloadsketch.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

// An interned (id, name) pair: event type, source, severity, organisation.
struct EventNamedId final
{
    qint64 id = -1;
    QString name;
    QByteArray nameUtf8;
};

// A page of events already in the store's form: columns, each distinct description and entity of
// the page once as a key (UTF-8 bytes, hashed), and the payloads compressed in blocks. Built on a
// worker thread by EventBatchBuilder (the parse of a page); EventStore::append() then only looks
// up each distinct key and copies the columns on the GUI thread, which keeps a page's pause there
// well under a frame.
// Rows can be dropped after the build (a pull drops ids it has delivered before).
class EventBatch final
{
public:
    static constexpr uint32_t None = UINT32_MAX; // "no entity" in the entity columns

    // The keyed tables. Key formats: a description is its text; a named id (type, source, severity,
    // organisation) is the id (8 bytes) then the name; a user, endpoint, SIM or IMSI is the id then
    // each text field as a 4-byte length and the bytes, in the order of the struct's fields.
    enum Table { Descriptions, Types, Sources, Severities, Organisations, Users, Endpoints, Sims, Imsis, TableCount };

    struct Block // a compressed run of payload records (see EventBatchBuilder)
    {
        uint32_t offset = 0; // in blockBytes()
        uint32_t compressedSize = 0; // UINT32_MAX: stored raw (compression failed)
        uint32_t rawSize = 0;
        bool mayHoldSecret = false; // PayloadSecrets::mayHoldSecret of the raw records
    };

    [[nodiscard]] qsizetype size() const { return qsizetype(m_ids.size()); } // dropped rows included
    [[nodiscard]] bool isEmpty() const { return m_ids.empty(); }
    [[nodiscard]] qsizetype liveCount() const { return size() - m_droppedCount; }

    void drop(qsizetype row);
    [[nodiscard]] bool isDropped(qsizetype row) const { return !m_dropped.empty() && m_dropped[size_t(row)]; }

    [[nodiscard]] qint64 id(qsizetype row) const { return m_ids[size_t(row)]; }
    [[nodiscard]] qint64 timestampMs(qsizetype row) const { return m_timestamps[size_t(row)]; }
    [[nodiscard]] bool alert(qsizetype row) const { return m_alert[size_t(row)]; }
    // The row's key in a table (None: the event has no such entity).
    [[nodiscard]] uint32_t index(Table table, qsizetype row) const { return m_columns[table][size_t(row)]; }
    [[nodiscard]] const KeyTable &table(Table table) const { return m_tables[table]; }
    [[nodiscard]] std::string_view description(qsizetype row) const { return m_tables[Descriptions].key(index(Descriptions, row)); }
    // The id of the row's entity in a table (the first field of its key); -1 when it has none.
    [[nodiscard]] qint64 entityId(Table table, qsizetype row) const;

    // Keys back to values.
    static void appendId(std::string *key, qint64 id);
    static void appendText(std::string *key, std::string_view text); // length-prefixed
    [[nodiscard]] static EventNamedId namedFromKey(std::string_view key);
    [[nodiscard]] static EventUser userFromKey(std::string_view key);
    [[nodiscard]] static EventEndpoint endpointFromKey(std::string_view key);
    [[nodiscard]] static EventSim simFromKey(std::string_view key);
    [[nodiscard]] static EventImsi imsiFromKey(std::string_view key);

    // The row's payload record: which block, and where in the block's raw bytes.
    [[nodiscard]] uint32_t payloadBlock(qsizetype row) const { return m_payloadBlock[size_t(row)]; }
    [[nodiscard]] uint32_t payloadOffset(qsizetype row) const { return m_payloadOffset[size_t(row)]; }
    [[nodiscard]] const std::vector<Block> &blocks() const { return m_blocks; }
    [[nodiscard]] QByteArrayView blockBytes(uint32_t block) const;
    [[nodiscard]] const PayloadSketch &blockSketch(uint32_t block) const { return m_sketches[block]; }

    // Back to values (tests, and whoever wants single events): the payloads decompressed.
    [[nodiscard]] std::vector<Event> toEvents() const; // dropped rows left out

    // The batch's own form as bytes (an archive chunk), of the rows listed (in that order;
    // dropped rows must not be): the columns (ids and times delta-coded), each key of these rows
    // once, and the payload blocks as they are, compressed, with their sketches. A block is
    // copied when its rows are all listed, next to each other, and it needs no redaction;
    // otherwise the listed rows' records are compressed anew, so that nothing of a row left out is
    // kept. Redact: secret values (PayloadSecrets) replaced in the blocks that may hold one, and
    // counted in *redactedValues.
    enum class Secrets { Keep, Redact };
    [[nodiscard]] std::string serialize(
        std::span<const qsizetype> rows, Secrets secrets = Secrets::Keep, qsizetype *redactedValues = nullptr) const;
    // What serialize() wrote; nullopt when the bytes are damaged (bounded: sizes are checked
    // against the bytes there are before anything is allocated).
    [[nodiscard]] static std::optional<EventBatch> deserialize(std::string_view bytes);

private:
    friend class EventBatchBuilder;

    // Compresses raw payload records into a new block (stored raw when zstd fails).
    void appendBlock(std::string_view raw);

    std::vector<qint64> m_ids;
    std::vector<qint64> m_timestamps;
    std::vector<bool> m_alert;
    std::vector<bool> m_dropped; // empty until a row is dropped
    qsizetype m_droppedCount = 0;
    std::array<std::vector<uint32_t>, TableCount> m_columns;
    std::array<KeyTable, TableCount> m_tables;
    std::vector<uint32_t> m_payloadBlock, m_payloadOffset;
    std::vector<Block> m_blocks;
    std::vector<PayloadSketch> m_sketches; // one a block, made on the parse thread with the block
    std::string m_blockBytes;
};
