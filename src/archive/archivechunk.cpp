// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "archive/archivechunk.h"

#include <zstd.h>

#include <cstring>
#include <string_view>
#include <unordered_map>

namespace {

constexpr uint8_t FormatVersion = 1;
// zstd level 3 (its default): about a tenth smaller than level 1 on archived chunks for little
// extra time at these chunk sizes (bench_archive).
constexpr int CompressionLevel = 3;

void putVarint(std::string *out, uint64_t value)
{
    while (value >= 0x80) {
        out->push_back(char(value | 0x80));
        value >>= 7;
    }
    out->push_back(char(value));
}

uint64_t zigzag(qint64 v)
{
    return (uint64_t(v) << 1) ^ uint64_t(v >> 63);
}

qint64 unzigzag(uint64_t v)
{
    return qint64(v >> 1) ^ -qint64(v & 1);
}

class Reader
{
public:
    explicit Reader(std::string_view bytes) : m_p(bytes.data()), m_end(bytes.data() + bytes.size()) { }
    uint64_t varint()
    {
        uint64_t value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (m_p >= m_end) {
                m_ok = false;
                return 0;
            }
            const uint8_t byte = uint8_t(*m_p++);
            value |= uint64_t(byte & 0x7f) << shift;
            if (!(byte & 0x80))
                return value;
        }
        m_ok = false;
        return 0;
    }
    uint8_t byte()
    {
        if (m_p >= m_end) {
            m_ok = false;
            return 0;
        }
        return uint8_t(*m_p++);
    }
    std::string_view bytes(uint64_t size)
    {
        if (uint64_t(m_end - m_p) < size) {
            m_ok = false;
            return {};
        }
        std::string_view view(m_p, size_t(size));
        m_p += size;
        return view;
    }
    // A count that cannot exceed the bytes left (every element takes at least one byte).
    uint64_t count()
    {
        const uint64_t n = varint();
        if (n > uint64_t(m_end - m_p))
            m_ok = false;
        return m_ok ? n : 0;
    }
    [[nodiscard]] bool ok() const { return m_ok; }
    [[nodiscard]] bool atEnd() const { return m_p == m_end; }

private:
    const char *m_p;
    const char *m_end;
    bool m_ok = true;
};

qint64 keyId(std::string_view key)
{
    qint64 id = -1;
    if (key.size() >= sizeof id)
        std::memcpy(&id, key.data(), sizeof id);
    return id;
}

// The length-prefixed texts after a key's id (EventBatch::appendText).
class KeyTexts
{
public:
    explicit KeyTexts(std::string_view key) : m_rest(key.size() >= 8 ? key.substr(8) : std::string_view()) { }
    std::string_view next()
    {
        uint32_t size = 0;
        if (m_rest.size() < sizeof size)
            return {};
        std::memcpy(&size, m_rest.data(), sizeof size);
        m_rest.remove_prefix(sizeof size);
        const std::string_view text = m_rest.substr(0, size);
        m_rest.remove_prefix(text.size());
        return text;
    }

private:
    std::string_view m_rest;
};

} // namespace

bool ArchiveChunk::encode(const std::vector<Row> &rows, std::string *compressed, qsizetype *rawSize)
{
    std::string raw;
    raw.reserve(rows.size() * 64);
    raw.push_back(char(FormatVersion));
    putVarint(&raw, rows.size());

    // Each table's distinct keys of this chunk, in first-use order.
    std::array<std::vector<uint32_t>, EventBatch::TableCount> columns;
    for (int t = 0; t < EventBatch::TableCount; ++t) {
        std::unordered_map<std::string_view, uint32_t> index;
        std::vector<std::string_view> keys;
        columns[size_t(t)].reserve(rows.size());
        for (const Row &row : rows) {
            if (!row.present[size_t(t)]) {
                columns[size_t(t)].push_back(0);
                continue;
            }
            auto [it, inserted] = index.try_emplace(row.keys[size_t(t)], uint32_t(keys.size()));
            if (inserted)
                keys.push_back(row.keys[size_t(t)]);
            columns[size_t(t)].push_back(it->second + 1);
        }
        putVarint(&raw, keys.size());
        for (std::string_view key : keys) {
            putVarint(&raw, key.size());
            raw.append(key);
        }
    }
    qint64 previousId = 0, previousTime = 0;
    for (const Row &row : rows) {
        putVarint(&raw, zigzag(row.id - previousId));
        previousId = row.id;
    }
    for (const Row &row : rows) {
        putVarint(&raw, zigzag(row.timestampMs - previousTime));
        previousTime = row.timestampMs;
    }
    for (const Row &row : rows)
        raw.push_back(char(row.alert ? 1 : 0));
    for (const auto &column : columns)
        for (uint32_t value : column)
            putVarint(&raw, value);
    for (const Row &row : rows)
        putVarint(&raw, row.detail.size());
    for (const Row &row : rows)
        putVarint(&raw, row.extra.size());
    for (const Row &row : rows)
        raw.append(row.detail);
    for (const Row &row : rows)
        raw.append(row.extra);

    compressed->resize(ZSTD_compressBound(raw.size()));
    const size_t size = ZSTD_compress(compressed->data(), compressed->size(), raw.data(), raw.size(), CompressionLevel);
    if (ZSTD_isError(size))
        return false;
    compressed->resize(size);
    *rawSize = qsizetype(raw.size());
    return true;
}

bool ArchiveChunk::Decoded::decode(std::string_view compressed, qsizetype rawSize)
{
    // A damaged row must not make us allocate without bound: a chunk is a few MiB at most.
    constexpr qsizetype MaxRaw = 512LL * 1024 * 1024;
    if (rawSize <= 0 || rawSize > MaxRaw)
        return false;
    m_raw.resize(size_t(rawSize));
    const size_t size = ZSTD_decompress(m_raw.data(), m_raw.size(), compressed.data(), compressed.size());
    if (ZSTD_isError(size) || size != m_raw.size())
        return false;

    Reader r(m_raw);
    if (r.byte() != FormatVersion)
        return false;
    const uint64_t n = r.count();
    for (int t = 0; t < EventBatch::TableCount; ++t) {
        auto &keys = m_keys[size_t(t)];
        keys.clear();
        const uint64_t k = r.count();
        keys.reserve(k);
        for (uint64_t i = 0; i < k && r.ok(); ++i)
            keys.push_back(r.bytes(r.varint()));
    }
    m_ids.resize(n);
    m_times.resize(n);
    qint64 id = 0, time = 0;
    for (auto &v : m_ids)
        v = id += unzigzag(r.varint());
    for (auto &v : m_times)
        v = time += unzigzag(r.varint());
    m_alerts.resize(n);
    for (auto &v : m_alerts)
        v = r.byte();
    for (int t = 0; t < EventBatch::TableCount; ++t) {
        auto &column = m_columns[size_t(t)];
        column.resize(n);
        const uint64_t keys = m_keys[size_t(t)].size();
        for (auto &v : column) {
            const uint64_t value = r.varint();
            if (value > keys)
                return false;
            v = uint32_t(value);
        }
    }
    std::vector<uint64_t> detailSizes(n), extraSizes(n);
    for (auto &v : detailSizes)
        v = r.varint();
    for (auto &v : extraSizes)
        v = r.varint();
    m_details.resize(n);
    m_extras.resize(n);
    for (uint64_t i = 0; i < n; ++i)
        m_details[i] = r.bytes(detailSizes[i]);
    for (uint64_t i = 0; i < n; ++i)
        m_extras[i] = r.bytes(extraSizes[i]);
    return r.ok() && r.atEnd();
}

qint64 ArchiveChunk::Decoded::entityId(EventBatch::Table table, qsizetype i) const
{
    const uint32_t value = m_columns[size_t(table)][size_t(i)];
    return value == 0 ? -1 : keyId(m_keys[size_t(table)][value - 1]);
}

void ArchiveChunk::Decoded::fields(qsizetype i, EventFields *f) const
{
    using B = EventBatch;
    const size_t row = size_t(i);
    auto key = [&](B::Table table) -> std::string_view {
        const uint32_t value = m_columns[size_t(table)][row];
        return value == 0 ? std::string_view() : m_keys[size_t(table)][value - 1];
    };
    auto present = [&](B::Table table) { return m_columns[size_t(table)][row] != 0; };
    auto named = [&](B::Table table) {
        const std::string_view k = key(table);
        return EventFields::Ref { keyId(k), k.size() >= 8 ? k.substr(8) : std::string_view() };
    };
    *f = EventFields();
    f->id = m_ids[row];
    f->timestampMs = m_times[row];
    f->alert = m_alerts[row] != 0;
    f->description = key(B::Descriptions);
    f->type = named(B::Types);
    f->source = named(B::Sources);
    f->severity = named(B::Severities);
    f->organisation = named(B::Organisations);
    if (present(B::Users)) {
        KeyTexts t(key(B::Users));
        f->user.present = true;
        f->user.id = keyId(key(B::Users));
        f->user.name = t.next();
        f->user.username = t.next();
    }
    if (present(B::Endpoints)) {
        KeyTexts t(key(B::Endpoints));
        f->endpoint.present = true;
        f->endpoint.id = keyId(key(B::Endpoints));
        f->endpoint.name = t.next();
        f->endpoint.ipAddress = t.next();
        f->endpoint.imei = t.next();
        f->endpoint.tags = t.next();
    }
    if (present(B::Sims)) {
        KeyTexts t(key(B::Sims));
        f->sim.present = true;
        f->sim.id = keyId(key(B::Sims));
        f->sim.iccid = t.next();
        f->sim.productionDate = t.next();
    }
    if (present(B::Imsis)) {
        KeyTexts t(key(B::Imsis));
        f->imsi.present = true;
        f->imsi.id = keyId(key(B::Imsis));
        f->imsi.imsi = t.next();
        f->imsi.importDate = t.next();
    }
    f->detailJson = m_details[row];
    f->extraJson = m_extras[row];
}

ArchiveChunk::Row ArchiveChunk::Decoded::row(qsizetype i) const
{
    const size_t r = size_t(i);
    Row row;
    row.id = m_ids[r];
    row.timestampMs = m_times[r];
    row.alert = m_alerts[r] != 0;
    for (size_t t = 0; t < size_t(EventBatch::TableCount); ++t) {
        const uint32_t value = m_columns[t][r];
        row.present[t] = value != 0;
        if (value != 0)
            row.keys[t] = m_keys[t][value - 1];
    }
    row.detail = m_details[r];
    row.extra = m_extras[r];
    return row;
}
