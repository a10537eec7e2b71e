// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "model/eventbatch.h"

#include <array>
#include <span>
#include <string>
#include <string_view>

// One event as views of UTF-8 text (what the parser reads straight from the page; valid only
// during EventBatchBuilder::add()). An entity is there when `present` is set.
struct EventFields final
{
    struct Ref
    {
        qint64 id = -1;
        std::string_view name;
    };
    struct User
    {
        bool present = false;
        qint64 id = -1;
        std::string_view name, username;
    };
    struct Endpoint
    {
        bool present = false;
        qint64 id = -1;
        std::string_view name, ipAddress, imei, tags;
    };
    struct Sim
    {
        bool present = false;
        qint64 id = -1;
        std::string_view iccid, productionDate;
    };
    struct Imsi
    {
        bool present = false;
        qint64 id = -1;
        std::string_view imsi, importDate;
    };

    qint64 id = 0;
    qint64 timestampMs = 0;
    bool alert = false;
    std::string_view description;
    Ref type, source, severity, organisation;
    User user;
    Endpoint endpoint;
    Sim sim;
    Imsi imsi;
    std::string_view detailJson; // compact JSON; empty when absent
    std::string_view extraJson; // unknown top-level keys as one object; empty when none
};

// One event whose description and entities are keys already (EventBatch's key formats), as an
// archive of format 1 holds them; `present` false: no such entity.
struct EventKeys final
{
    qint64 id = 0;
    qint64 timestampMs = 0;
    bool alert = false;
    std::array<std::string_view, EventBatch::TableCount> keys;
    std::array<bool, EventBatch::TableCount> present {};
    std::string_view detailJson, extraJson;
};

// Builds an EventBatch, on whatever thread parses: each distinct description and entity of the
// batch becomes one key, and every BlockSize payload records are compressed as soon as they are
// complete.
class EventBatchBuilder final
{
public:
    static constexpr int BlockSize = 128; // payload records per compressed block

    EventBatchBuilder() = default;
    EventBatchBuilder(const EventBatchBuilder &) = delete;
    EventBatchBuilder &operator=(const EventBatchBuilder &) = delete;

    void reserve(qsizetype events);
    void add(const EventFields &fields);
    void add(const Event &event);
    void add(const EventKeys &keys);
    [[nodiscard]] qsizetype size() const { return m_batch.size(); }
    // The finished batch (the last block sealed); the builder starts over empty.
    [[nodiscard]] EventBatch take();

    // A batch of these events, in one go.
    [[nodiscard]] static EventBatch build(std::span<const Event> events);

private:
    void sealBlock();
    void addPayload(std::string_view detail, std::string_view extra);
    void addKey(EventBatch::Table table);

    EventBatch m_batch;
    std::string m_openBlock; // raw records since the last sealed block
    qsizetype m_openRows = 0;
    bool m_openUnparsed = false; // the open block holds payloads of values (add(Event)), not of parsed pages
    std::string m_key; // scratch for entity keys
};
