// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "model/eventbatch.h"

#include "model/payloadrecords.h"

#include <cstring>

namespace {

// Reads a key written with EventBatch::appendId / appendText, field by field.
class KeyReader
{
public:
    explicit KeyReader(std::string_view key) : m_key(key) { }
    qint64 id()
    {
        qint64 id = -1;
        if (m_key.size() >= sizeof id) {
            std::memcpy(&id, m_key.data(), sizeof id);
            m_key.remove_prefix(sizeof id);
        }
        return id;
    }
    QString text()
    {
        uint32_t size = 0;
        if (m_key.size() < sizeof size)
            return {};
        std::memcpy(&size, m_key.data(), sizeof size);
        m_key.remove_prefix(sizeof size);
        const std::string_view text = m_key.substr(0, size);
        m_key.remove_prefix(text.size());
        return QString::fromUtf8(text.data(), qsizetype(text.size()));
    }
    std::string_view rest() const { return m_key; }

private:
    std::string_view m_key;
};

} // namespace

void EventBatch::appendId(std::string *key, qint64 id)
{
    key->append(reinterpret_cast<const char *>(&id), sizeof id);
}

void EventBatch::appendText(std::string *key, std::string_view text)
{
    const uint32_t size = uint32_t(text.size());
    key->append(reinterpret_cast<const char *>(&size), sizeof size);
    key->append(text);
}

EventNamedId EventBatch::namedFromKey(std::string_view key)
{
    KeyReader r(key);
    EventNamedId named;
    named.id = r.id();
    named.nameUtf8 = QByteArray(r.rest().data(), qsizetype(r.rest().size()));
    named.name = QString::fromUtf8(named.nameUtf8);
    return named;
}

EventUser EventBatch::userFromKey(std::string_view key)
{
    KeyReader r(key);
    EventUser user;
    user.id = r.id();
    user.name = r.text();
    user.username = r.text();
    return user;
}

EventEndpoint EventBatch::endpointFromKey(std::string_view key)
{
    KeyReader r(key);
    EventEndpoint endpoint;
    endpoint.id = r.id();
    endpoint.name = r.text();
    endpoint.ipAddress = r.text();
    endpoint.imei = r.text();
    endpoint.tags = r.text();
    return endpoint;
}

EventSim EventBatch::simFromKey(std::string_view key)
{
    KeyReader r(key);
    EventSim sim;
    sim.id = r.id();
    sim.iccid = r.text();
    sim.productionDate = r.text();
    return sim;
}

EventImsi EventBatch::imsiFromKey(std::string_view key)
{
    KeyReader r(key);
    EventImsi imsi;
    imsi.id = r.id();
    imsi.imsi = r.text();
    imsi.importDate = r.text();
    return imsi;
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
    auto ref = [this](Table t, qsizetype row) {
        const EventNamedId n = namedFromKey(m_tables[t].key(index(t, row)));
        return EventRef { n.id, n.name };
    };
    for (qsizetype row = 0; row < size(); ++row) {
        if (isDropped(row))
            continue;
        Event e;
        e.id = id(row);
        e.timestampMs = timestampMs(row);
        e.alert = alert(row);
        const std::string_view text = description(row);
        e.description = QString::fromUtf8(text.data(), qsizetype(text.size()));
        e.type = ref(Types, row);
        e.source = ref(Sources, row);
        e.severity = ref(Severities, row);
        e.organisation = ref(Organisations, row);
        if (index(Users, row) != None)
            e.user = userFromKey(m_tables[Users].key(index(Users, row)));
        if (index(Endpoints, row) != None)
            e.endpoint = endpointFromKey(m_tables[Endpoints].key(index(Endpoints, row)));
        if (index(Sims, row) != None)
            e.sim = simFromKey(m_tables[Sims].key(index(Sims, row)));
        if (index(Imsis, row) != None)
            e.imsi = imsiFromKey(m_tables[Imsis].key(index(Imsis, row)));
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
