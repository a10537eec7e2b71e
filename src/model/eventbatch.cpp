// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "model/eventbatch.h"

#include "model/payloadrecords.h"

#include <cstring>

uint32_t EventBatch::hash(std::string_view text)
{
    // Eight bytes a step (descriptions and entity keys are tens of bytes), then a final mix.
    uint64_t h = 0x9e3779b97f4a7c15ULL ^ text.size();
    const char *p = text.data();
    size_t n = text.size();
    for (; n >= 8; p += 8, n -= 8) {
        uint64_t word;
        std::memcpy(&word, p, 8);
        h = (h ^ word) * 0xff51afd7ed558ccdULL;
        h ^= h >> 32;
    }
    if (n > 0) {
        uint64_t word = 0;
        std::memcpy(&word, p, n);
        h = (h ^ word) * 0xc4ceb9fe1a85ec53ULL;
    }
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    return uint32_t(h ^ (h >> 32));
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
    auto qs = [](std::string_view text) { return QString::fromUtf8(text.data(), qsizetype(text.size())); };
    auto ref = [](const EventNamedId &n) { return EventRef { n.id, n.name }; };
    for (qsizetype row = 0; row < size(); ++row) {
        if (isDropped(row))
            continue;
        Event e;
        e.id = id(row);
        e.timestampMs = timestampMs(row);
        e.alert = alert(row);
        e.description = qs(description(row));
        e.type = ref(m_types[typeIndex(row)]);
        e.source = ref(m_sources[sourceIndex(row)]);
        e.severity = ref(m_severities[severityIndex(row)]);
        e.organisation = ref(m_organisations[organisationIndex(row)]);
        if (userIndex(row) != None)
            e.user = m_users[userIndex(row)];
        if (endpointIndex(row) != None)
            e.endpoint = m_endpoints[endpointIndex(row)];
        if (simIndex(row) != None)
            e.sim = m_sims[simIndex(row)];
        if (imsiIndex(row) != None)
            e.imsi = m_imsis[imsiIndex(row)];
        const uint32_t block = payloadBlock(row);
        if (block != loaded) {
            const QByteArrayView bytes = blockBytes(block);
            const Block &b = m_blocks[block];
            if (b.compressedSize == UINT32_MAX)
                raw.assign(bytes.data(), size_t(bytes.size()));
            else
                PayloadRecords::decompress(std::string_view(bytes.data(), size_t(bytes.size())), b.rawSize, &raw);
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
