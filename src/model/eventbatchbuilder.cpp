// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "model/eventbatchbuilder.h"

#include "model/payloadrecords.h"

void EventBatchBuilder::reserve(qsizetype events)
{
    const size_t n = size_t(events);
    EventBatch &b = m_batch;
    b.m_ids.reserve(n);
    b.m_timestamps.reserve(n);
    b.m_alert.reserve(n);
    for (auto &column : b.m_columns)
        column.reserve(n);
    b.m_payloadBlock.reserve(n);
    b.m_payloadOffset.reserve(n);
    b.m_tables[EventBatch::Descriptions].reserve(n, n * 48);
}

void EventBatchBuilder::addKey(EventBatch::Table table)
{
    m_batch.m_columns[table].push_back(m_batch.m_tables[table].findOrInsert(m_key));
}

void EventBatchBuilder::add(const EventFields &f)
{
    using B = EventBatch;
    EventBatch &b = m_batch;
    b.m_ids.push_back(f.id);
    b.m_timestamps.push_back(f.timestampMs);
    b.m_alert.push_back(f.alert);
    b.m_columns[B::Descriptions].push_back(b.m_tables[B::Descriptions].findOrInsert(f.description));

    auto named = [&](B::Table table, const EventFields::Ref &ref) {
        m_key.clear();
        B::appendId(&m_key, ref.id);
        m_key.append(ref.name);
        addKey(table);
    };
    named(B::Types, f.type);
    named(B::Sources, f.source);
    named(B::Severities, f.severity);
    named(B::Organisations, f.organisation);

    if (f.user.present) {
        m_key.clear();
        B::appendId(&m_key, f.user.id);
        B::appendText(&m_key, f.user.name);
        B::appendText(&m_key, f.user.username);
        addKey(B::Users);
    } else {
        b.m_columns[B::Users].push_back(B::None);
    }
    if (f.endpoint.present) {
        m_key.clear();
        B::appendId(&m_key, f.endpoint.id);
        B::appendText(&m_key, f.endpoint.name);
        B::appendText(&m_key, f.endpoint.ipAddress);
        B::appendText(&m_key, f.endpoint.imei);
        B::appendText(&m_key, f.endpoint.tags);
        addKey(B::Endpoints);
    } else {
        b.m_columns[B::Endpoints].push_back(B::None);
    }
    if (f.sim.present) {
        m_key.clear();
        B::appendId(&m_key, f.sim.id);
        B::appendText(&m_key, f.sim.iccid);
        B::appendText(&m_key, f.sim.productionDate);
        addKey(B::Sims);
    } else {
        b.m_columns[B::Sims].push_back(B::None);
    }
    if (f.imsi.present) {
        m_key.clear();
        B::appendId(&m_key, f.imsi.id);
        B::appendText(&m_key, f.imsi.imsi);
        B::appendText(&m_key, f.imsi.importDate);
        addKey(B::Imsis);
    } else {
        b.m_columns[B::Imsis].push_back(B::None);
    }

    addPayload(f.detailJson, f.extraJson);
}

void EventBatchBuilder::add(const EventKeys &k)
{
    EventBatch &b = m_batch;
    b.m_ids.push_back(k.id);
    b.m_timestamps.push_back(k.timestampMs);
    b.m_alert.push_back(k.alert);
    for (int t = 0; t < EventBatch::TableCount; ++t) {
        // Every event has a description, type, source, severity and organisation key.
        const bool always = t <= EventBatch::Organisations;
        if (k.present[size_t(t)] || always)
            b.m_columns[t].push_back(b.m_tables[t].findOrInsert(k.keys[size_t(t)]));
        else
            b.m_columns[t].push_back(EventBatch::None);
    }
    addPayload(k.detailJson, k.extraJson);
}

void EventBatchBuilder::addPayload(std::string_view detail, std::string_view extra)
{
    m_batch.m_payloadBlock.push_back(uint32_t(m_batch.m_blocks.size())); // the index the open block gets
    m_batch.m_payloadOffset.push_back(uint32_t(m_openBlock.size()));
    PayloadRecords::append(&m_openBlock, detail, extra);
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
    // A value's payload may be no valid JSON, which redaction replaces as a whole and
    // PayloadSecrets::mayHoldSecret() does not look for: its block is always redacted.
    m_openUnparsed = true;
    add(f);
}

void EventBatchBuilder::sealBlock()
{
    m_batch.appendBlock(m_openBlock);
    if (m_openUnparsed)
        m_batch.m_blocks.back().mayHoldSecret = true;
    m_openUnparsed = false;
    m_openBlock.clear();
    m_openRows = 0;
}

EventBatch EventBatchBuilder::take()
{
    if (m_openRows > 0)
        sealBlock();
    EventBatch batch = std::move(m_batch);
    m_batch = EventBatch();
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
