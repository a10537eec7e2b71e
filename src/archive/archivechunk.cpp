// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "archive/archivechunk.h"

#include "model/varint.h"

#include <zstd.h>

#include <array>
#include <string>
#include <vector>

namespace {

constexpr uint8_t FormatVersion = 1;

} // namespace

bool ArchiveChunk::decodeFormat1(std::string_view compressed, qsizetype rawSize, EventBatchBuilder *builder)
{
    // A damaged row must not make us allocate without bound: a chunk is a few MiB at most.
    constexpr qsizetype MaxRaw = 512LL * 1024 * 1024;
    if (rawSize <= 0 || rawSize > MaxRaw)
        return false;
    std::string raw(size_t(rawSize), '\0');
    const size_t size = ZSTD_decompress(raw.data(), raw.size(), compressed.data(), compressed.size());
    if (ZSTD_isError(size) || size != raw.size())
        return false;

    // Keys of every table, then ids, times, alerts, the key columns (0: none, else key + 1), the
    // payload sizes and the payloads.
    Varint::Reader r(raw);
    if (r.byte() != FormatVersion)
        return false;
    const uint64_t n = r.count();
    std::array<std::vector<std::string_view>, EventBatch::TableCount> keys;
    for (auto &table : keys) {
        const uint64_t k = r.count();
        table.reserve(size_t(k));
        for (uint64_t i = 0; i < k && r.ok(); ++i)
            table.push_back(r.bytes(r.varint()));
    }
    std::vector<EventKeys> rows(static_cast<size_t>(n));
    qint64 id = 0, time = 0;
    for (EventKeys &row : rows)
        row.id = id += Varint::unzigzag(r.varint());
    for (EventKeys &row : rows)
        row.timestampMs = time += Varint::unzigzag(r.varint());
    for (EventKeys &row : rows)
        row.alert = r.byte() != 0;
    for (size_t t = 0; t < keys.size(); ++t) {
        for (EventKeys &row : rows) {
            const uint64_t value = r.varint();
            if (value > keys[t].size())
                return false;
            row.present[t] = value != 0;
            if (value != 0)
                row.keys[t] = keys[t][size_t(value - 1)];
        }
    }
    std::vector<uint64_t> detailSizes(static_cast<size_t>(n)), extraSizes(static_cast<size_t>(n));
    for (uint64_t &v : detailSizes)
        v = r.varint();
    for (uint64_t &v : extraSizes)
        v = r.varint();
    for (size_t i = 0; i < rows.size(); ++i)
        rows[i].detailJson = r.bytes(detailSizes[i]);
    for (size_t i = 0; i < rows.size(); ++i)
        rows[i].extraJson = r.bytes(extraSizes[i]);
    if (!r.ok() || !r.atEnd())
        return false;
    for (const EventKeys &row : rows)
        builder->add(row);
    return true;
}
