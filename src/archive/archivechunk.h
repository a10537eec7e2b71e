// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "archive/timeinterval.h"
#include "model/eventbatch.h"
#include "model/eventbatchbuilder.h"

#include <array>
#include <string>
#include <string_view>
#include <vector>

// The archive's on-disk form of a run of events (one row of the chunk table): column by column
// (ids and times delta-coded, each distinct description and entity key once, then every detail
// JSON, then every unknown-keys JSON) and the whole compressed with zstd. Grouping the columns
// keeps alike bytes together, which is most of why an event costs well under 250 bytes on disk.
namespace ArchiveChunk {

// One event to encode: views that stay valid until encode() returns.
struct Row
{
    qint64 id = 0;
    qint64 timestampMs = 0;
    bool alert = false;
    std::array<std::string_view, EventBatch::TableCount> keys; // empty data(): no such entity
    std::array<bool, EventBatch::TableCount> present {};
    std::string_view detail, extra;
};

// The compressed chunk; rawSize: the size decode() needs. False when zstd failed.
bool encode(const std::vector<Row> &rows, std::string *compressed, qsizetype *rawSize);

// A decoded chunk: columns with views into its raw bytes.
class Decoded final
{
public:
    // False when the bytes are damaged.
    bool decode(std::string_view compressed, qsizetype rawSize);
    [[nodiscard]] qsizetype size() const { return qsizetype(m_ids.size()); }
    [[nodiscard]] qint64 id(qsizetype i) const { return m_ids[size_t(i)]; }
    [[nodiscard]] qint64 timestampMs(qsizetype i) const { return m_times[size_t(i)]; }
    // The row's key id (the first 8 bytes of the key) in a table; -1 when it has no such entity.
    [[nodiscard]] qint64 entityId(EventBatch::Table table, qsizetype i) const;
    // Row i as fields (views into this object) for EventBatchBuilder::add.
    void fields(qsizetype i, EventFields *fields) const;
    // Row i for encode() (views into this object): re-encoding what is kept when pruning.
    [[nodiscard]] Row row(qsizetype i) const;

private:
    std::string m_raw;
    std::vector<qint64> m_ids, m_times;
    std::vector<uint8_t> m_alerts;
    std::array<std::vector<std::string_view>, EventBatch::TableCount> m_keys;
    std::array<std::vector<uint32_t>, EventBatch::TableCount> m_columns; // 0: none, else key + 1
    std::vector<std::string_view> m_details, m_extras;
};

} // namespace ArchiveChunk
