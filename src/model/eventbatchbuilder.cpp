// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "model/eventbatchbuilder.h"

#include "model/payloadrecords.h"

#include <cstring>

// The batch's distinct entities by their bytes: open addressing over keys kept in one string.
class EventBatchBuilder::KeyTable
{
public:
    // The index stored with an equal key; or, when there is none, `next` is stored with it.
    uint32_t findOrInsert(std::string_view key, uint32_t next, bool *inserted)
    {
        if ((m_count + 1) * 2 > m_slots.size())
            grow();
        const uint32_t hash = EventBatch::hash(key);
        for (size_t i = hash & m_mask;; i = (i + 1) & m_mask) {
            Slot &slot = m_slots[i];
            if (slot.index == UINT32_MAX) {
                slot = Slot { hash, uint32_t(m_keys.size()), uint32_t(key.size()), next };
                m_keys.append(key);
                ++m_count;
                *inserted = true;
                return next;
            }
            if (slot.hash == hash && std::string_view(m_keys).substr(slot.offset, slot.length) == key) {
                *inserted = false;
                return slot.index;
            }
        }
    }
    void clear()
    {
        std::fill(m_slots.begin(), m_slots.end(), Slot {});
        m_keys.clear();
        m_count = 0;
    }

private:
    struct Slot
    {
        uint32_t hash = 0;
        uint32_t offset = 0;
        uint32_t length = 0;
        uint32_t index = UINT32_MAX;
    };
    void grow()
    {
        std::vector<Slot> old = std::move(m_slots);
        m_slots.assign(std::max<size_t>(64, old.size() * 2), Slot {});
        m_mask = m_slots.size() - 1;
        for (const Slot &slot : old) {
            if (slot.index == UINT32_MAX)
                continue;
            size_t i = slot.hash & m_mask;
            while (m_slots[i].index != UINT32_MAX)
                i = (i + 1) & m_mask;
            m_slots[i] = slot;
        }
    }
    std::vector<Slot> m_slots;
    std::string m_keys;
    size_t m_mask = 0;
    size_t m_count = 0;
};

namespace {

void putId(std::string *key, qint64 id)
{
    key->append(reinterpret_cast<const char *>(&id), sizeof id);
}

void putText(std::string *key, std::string_view text)
{
    const uint32_t size = uint32_t(text.size());
    key->append(reinterpret_cast<const char *>(&size), sizeof size);
    key->append(text);
}

QString qs(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

} // namespace

EventBatchBuilder::EventBatchBuilder()
    : m_typeKeys(std::make_unique<KeyTable>())
    , m_sourceKeys(std::make_unique<KeyTable>())
    , m_severityKeys(std::make_unique<KeyTable>())
    , m_organisationKeys(std::make_unique<KeyTable>())
    , m_userKeys(std::make_unique<KeyTable>())
    , m_endpointKeys(std::make_unique<KeyTable>())
    , m_simKeys(std::make_unique<KeyTable>())
    , m_imsiKeys(std::make_unique<KeyTable>())
{
}

EventBatchBuilder::~EventBatchBuilder() = default;

void EventBatchBuilder::reserve(qsizetype events)
{
    const size_t n = size_t(events);
    EventBatch &b = m_batch;
    b.m_ids.reserve(n);
    b.m_timestamps.reserve(n);
    b.m_alert.reserve(n);
    b.m_descriptionOffsets.reserve(n + 1);
    for (auto *column : { &b.m_descriptionHashes, &b.m_type, &b.m_source, &b.m_severity, &b.m_organisation, &b.m_user,
             &b.m_endpoint, &b.m_sim, &b.m_imsi, &b.m_payloadBlock, &b.m_payloadOffset })
        column->reserve(n);
    b.m_descriptions.reserve(n * 48);
}

void EventBatchBuilder::add(const EventFields &f)
{
    EventBatch &b = m_batch;
    b.m_ids.push_back(f.id);
    b.m_timestamps.push_back(f.timestampMs);
    b.m_alert.push_back(f.alert);
    b.m_descriptions.append(f.description);
    b.m_descriptionOffsets.push_back(uint32_t(b.m_descriptions.size()));
    b.m_descriptionHashes.push_back(EventBatch::hash(f.description));

    bool inserted = false;
    auto named = [&](KeyTable &keys, std::vector<EventNamedId> &table, const EventFields::Ref &ref) {
        m_key.clear();
        putId(&m_key, ref.id);
        m_key.append(ref.name);
        const uint32_t index = keys.findOrInsert(m_key, uint32_t(table.size()), &inserted);
        if (inserted)
            table.push_back(EventNamedId { ref.id, qs(ref.name), QByteArray(ref.name.data(), qsizetype(ref.name.size())) });
        return index;
    };
    b.m_type.push_back(named(*m_typeKeys, b.m_types, f.type));
    b.m_source.push_back(named(*m_sourceKeys, b.m_sources, f.source));
    b.m_severity.push_back(named(*m_severityKeys, b.m_severities, f.severity));
    b.m_organisation.push_back(named(*m_organisationKeys, b.m_organisations, f.organisation));

    uint32_t index = EventBatch::None;
    if (f.user.present) {
        m_key.clear();
        putId(&m_key, f.user.id);
        putText(&m_key, f.user.name);
        putText(&m_key, f.user.username);
        index = m_userKeys->findOrInsert(m_key, uint32_t(b.m_users.size()), &inserted);
        if (inserted)
            b.m_users.push_back(EventUser { f.user.id, qs(f.user.name), qs(f.user.username) });
    }
    b.m_user.push_back(index);
    index = EventBatch::None;
    if (f.endpoint.present) {
        const auto &e = f.endpoint;
        m_key.clear();
        putId(&m_key, e.id);
        putText(&m_key, e.name);
        putText(&m_key, e.ipAddress);
        putText(&m_key, e.imei);
        putText(&m_key, e.tags);
        index = m_endpointKeys->findOrInsert(m_key, uint32_t(b.m_endpoints.size()), &inserted);
        if (inserted)
            b.m_endpoints.push_back(EventEndpoint { e.id, qs(e.name), qs(e.ipAddress), qs(e.imei), qs(e.tags) });
    }
    b.m_endpoint.push_back(index);
    index = EventBatch::None;
    if (f.sim.present) {
        m_key.clear();
        putId(&m_key, f.sim.id);
        putText(&m_key, f.sim.iccid);
        putText(&m_key, f.sim.productionDate);
        index = m_simKeys->findOrInsert(m_key, uint32_t(b.m_sims.size()), &inserted);
        if (inserted)
            b.m_sims.push_back(EventSim { f.sim.id, qs(f.sim.iccid), qs(f.sim.productionDate) });
    }
    b.m_sim.push_back(index);
    index = EventBatch::None;
    if (f.imsi.present) {
        m_key.clear();
        putId(&m_key, f.imsi.id);
        putText(&m_key, f.imsi.imsi);
        putText(&m_key, f.imsi.importDate);
        index = m_imsiKeys->findOrInsert(m_key, uint32_t(b.m_imsis.size()), &inserted);
        if (inserted)
            b.m_imsis.push_back(EventImsi { f.imsi.id, qs(f.imsi.imsi), qs(f.imsi.importDate) });
    }
    b.m_imsi.push_back(index);

    b.m_payloadBlock.push_back(uint32_t(b.m_blocks.size())); // the index the open block gets
    b.m_payloadOffset.push_back(uint32_t(m_openBlock.size()));
    PayloadRecords::append(&m_openBlock, f.detailJson, f.extraJson);
    if (++m_openRows == BlockSize)
        sealBlock();
}

void EventBatchBuilder::add(const Event &event)
{
    // The value's texts as UTF-8, alive until the fields are added.
    QByteArray texts[15]; // description, 4 names, 2 user, 4 endpoint, 2 SIM, 2 IMSI texts
    int count = 0;
    auto utf8 = [&](const QString &text) {
        QByteArray &bytes = texts[count++];
        bytes = text.toUtf8();
        return std::string_view(bytes.constData(), size_t(bytes.size()));
    };
    auto bytes = [](const QByteArray &b) { return std::string_view(b.constData(), size_t(b.size())); };
    EventFields f;
    f.id = event.id;
    f.timestampMs = event.timestampMs;
    f.alert = event.alert;
    f.description = utf8(event.description);
    f.type = { event.type.id, utf8(event.type.name) };
    f.source = { event.source.id, utf8(event.source.name) };
    f.severity = { event.severity.id, utf8(event.severity.name) };
    f.organisation = { event.organisation.id, utf8(event.organisation.name) };
    if (event.user)
        f.user = { true, event.user->id, utf8(event.user->name), utf8(event.user->username) };
    if (const auto &e = event.endpoint)
        f.endpoint = { true, e->id, utf8(e->name), utf8(e->ipAddress), utf8(e->imei), utf8(e->tags) };
    if (event.sim)
        f.sim = { true, event.sim->id, utf8(event.sim->iccid), utf8(event.sim->productionDate) };
    if (event.imsi)
        f.imsi = { true, event.imsi->id, utf8(event.imsi->imsi), utf8(event.imsi->importDate) };
    f.detailJson = bytes(event.detailJson);
    f.extraJson = bytes(event.extraJson);
    add(f);
}

void EventBatchBuilder::sealBlock()
{
    EventBatch::Block block;
    block.offset = uint32_t(m_batch.m_blockBytes.size());
    block.rawSize = uint32_t(m_openBlock.size());
    if (PayloadRecords::compress(m_openBlock, &m_batch.m_blockBytes)) {
        block.compressedSize = uint32_t(m_batch.m_blockBytes.size() - block.offset);
    } else {
        m_batch.m_blockBytes.append(m_openBlock);
        block.compressedSize = UINT32_MAX;
    }
    m_batch.m_blocks.push_back(block);
    m_openBlock.clear();
    m_openRows = 0;
}

EventBatch EventBatchBuilder::take()
{
    if (m_openRows > 0)
        sealBlock();
    EventBatch batch = std::move(m_batch);
    m_batch = EventBatch();
    for (KeyTable *keys : { m_typeKeys.get(), m_sourceKeys.get(), m_severityKeys.get(), m_organisationKeys.get(),
             m_userKeys.get(), m_endpointKeys.get(), m_simKeys.get(), m_imsiKeys.get() })
        keys->clear();
    return batch;
}

EventBatch EventBatchBuilder::build(std::span<const Event> events)
{
    EventBatchBuilder builder;
    builder.reserve(qsizetype(events.size()));
    for (const Event &event : events)
        builder.add(event);
    return builder.take();
}
