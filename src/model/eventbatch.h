// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "model/event.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <cstdint>
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

// A page of events already in the store's form: columns, descriptions as UTF-8 with their hashes,
// each distinct entity once, and the payloads compressed in blocks. Built on a worker thread by
// EventBatchBuilder (the parse of a page); EventStore::append() then only copies finished arrays
// on the GUI thread, which keeps a page's pause there well under a frame.
// Rows can be dropped after the build (a pull drops ids it has delivered before).
class EventBatch final
{
public:
    static constexpr uint32_t None = UINT32_MAX; // "no entity" in the entity columns

    struct Block // a compressed run of payload records (see EventBatchBuilder)
    {
        uint32_t offset = 0; // in blockBytes()
        uint32_t compressedSize = 0; // UINT32_MAX: stored raw (compression failed)
        uint32_t rawSize = 0;
    };

    // The hash the store's string table uses; computed here, on the thread that builds the batch.
    [[nodiscard]] static uint32_t hash(std::string_view text);

    [[nodiscard]] qsizetype size() const { return qsizetype(m_ids.size()); } // dropped rows included
    [[nodiscard]] bool isEmpty() const { return m_ids.empty(); }
    [[nodiscard]] qsizetype liveCount() const { return size() - m_droppedCount; }

    void drop(qsizetype row);
    [[nodiscard]] bool isDropped(qsizetype row) const { return !m_dropped.empty() && m_dropped[size_t(row)]; }

    [[nodiscard]] qint64 id(qsizetype row) const { return m_ids[size_t(row)]; }
    [[nodiscard]] qint64 timestampMs(qsizetype row) const { return m_timestamps[size_t(row)]; }
    [[nodiscard]] bool alert(qsizetype row) const { return m_alert[size_t(row)]; }
    [[nodiscard]] std::string_view description(qsizetype row) const
    {
        const uint32_t begin = m_descriptionOffsets[size_t(row)];
        return std::string_view(m_descriptions).substr(begin, m_descriptionOffsets[size_t(row) + 1] - begin);
    }
    [[nodiscard]] uint32_t descriptionHash(qsizetype row) const { return m_descriptionHashes[size_t(row)]; }
    // Indices into this batch's own tables below.
    [[nodiscard]] uint32_t typeIndex(qsizetype row) const { return m_type[size_t(row)]; }
    [[nodiscard]] uint32_t sourceIndex(qsizetype row) const { return m_source[size_t(row)]; }
    [[nodiscard]] uint32_t severityIndex(qsizetype row) const { return m_severity[size_t(row)]; }
    [[nodiscard]] uint32_t organisationIndex(qsizetype row) const { return m_organisation[size_t(row)]; }
    [[nodiscard]] uint32_t userIndex(qsizetype row) const { return m_user[size_t(row)]; }
    [[nodiscard]] uint32_t endpointIndex(qsizetype row) const { return m_endpoint[size_t(row)]; }
    [[nodiscard]] uint32_t simIndex(qsizetype row) const { return m_sim[size_t(row)]; }
    [[nodiscard]] uint32_t imsiIndex(qsizetype row) const { return m_imsi[size_t(row)]; }

    [[nodiscard]] const std::vector<EventNamedId> &types() const { return m_types; }
    [[nodiscard]] const std::vector<EventNamedId> &sources() const { return m_sources; }
    [[nodiscard]] const std::vector<EventNamedId> &severities() const { return m_severities; }
    [[nodiscard]] const std::vector<EventNamedId> &organisations() const { return m_organisations; }
    [[nodiscard]] const std::vector<EventUser> &users() const { return m_users; }
    [[nodiscard]] const std::vector<EventEndpoint> &endpoints() const { return m_endpoints; }
    [[nodiscard]] const std::vector<EventSim> &sims() const { return m_sims; }
    [[nodiscard]] const std::vector<EventImsi> &imsis() const { return m_imsis; }

    // The row's payload record: which block, and where in the block's raw bytes.
    [[nodiscard]] uint32_t payloadBlock(qsizetype row) const { return m_payloadBlock[size_t(row)]; }
    [[nodiscard]] uint32_t payloadOffset(qsizetype row) const { return m_payloadOffset[size_t(row)]; }
    [[nodiscard]] const std::vector<Block> &blocks() const { return m_blocks; }
    [[nodiscard]] QByteArrayView blockBytes(uint32_t block) const;

    // Back to values (tests, and whoever wants single events): the payloads decompressed.
    [[nodiscard]] std::vector<Event> toEvents() const; // dropped rows left out

private:
    friend class EventBatchBuilder;

    std::vector<qint64> m_ids;
    std::vector<qint64> m_timestamps;
    std::vector<bool> m_alert;
    std::vector<bool> m_dropped; // empty until a row is dropped
    qsizetype m_droppedCount = 0;
    std::string m_descriptions;
    std::vector<uint32_t> m_descriptionOffsets { 0 }; // size() + 1 entries
    std::vector<uint32_t> m_descriptionHashes;
    std::vector<uint32_t> m_type, m_source, m_severity, m_organisation;
    std::vector<uint32_t> m_user, m_endpoint, m_sim, m_imsi;
    std::vector<uint32_t> m_payloadBlock, m_payloadOffset;

    std::vector<EventNamedId> m_types, m_sources, m_severities, m_organisations;
    std::vector<EventUser> m_users;
    std::vector<EventEndpoint> m_endpoints;
    std::vector<EventSim> m_sims;
    std::vector<EventImsi> m_imsis;

    std::vector<Block> m_blocks;
    std::string m_blockBytes;
};
