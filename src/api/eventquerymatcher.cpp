// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "api/eventquerymatcher.h"

#include "model/eventbatch.h"

#include <vector>

namespace {

// One bit per key of a batch's table: whether the entity behind the key matches.
template <typename Decode, typename Test>
std::vector<char> tableMatches(const EventBatch &batch, EventBatch::Table table, Decode decode, Test test)
{
    const KeyTable &keys = batch.table(table);
    std::vector<char> out(keys.size());
    for (uint32_t i = 0; i < keys.size(); ++i)
        out[i] = test(decode(keys.key(i))) ? 1 : 0;
    return out;
}

} // namespace

EventQueryMatcher::EventQueryMatcher(const EventQuery &query)
    : m_query(query)
    , m_description(alternatives(query.description))
    , m_organisation(alternatives(query.organisation))
    , m_user(alternatives(query.user))
    , m_endpoint(alternatives(query.endpoint))
    , m_tags(alternatives(query.tags))
    , m_ip(alternatives(query.ipAddress))
    , m_imei(alternatives(query.imei))
    , m_iccid(alternatives(query.iccid))
    , m_imsi(alternatives(query.imsi))
{
    m_empty = query.types.isEmpty() && !query.source && !query.severity && !query.alert
        && m_description.isEmpty() && m_organisation.isEmpty() && m_user.isEmpty() && m_endpoint.isEmpty()
        && m_tags.isEmpty() && m_ip.isEmpty() && m_imei.isEmpty() && m_iccid.isEmpty() && m_imsi.isEmpty();
}

QStringList EventQueryMatcher::alternatives(const QString &value)
{
    QStringList values = value.split(u'|', Qt::SkipEmptyParts);
    for (QString &v : values)
        v = v.trimmed();
    values.removeAll(QString());
    return values;
}

bool EventQueryMatcher::containsAny(const QString &text, const QStringList &values)
{
    for (const QString &v : values) {
        if (text.contains(v, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

bool EventQueryMatcher::equalsAny(const QString &text, const QStringList &values)
{
    return values.contains(text);
}

bool EventQueryMatcher::iccidMatches(const QString &iccid, const QStringList &values)
{
    // The documented rule: up to 19 characters a prefix ("starts with"), longer exact.
    for (const QString &value : values) {
        if (value.size() <= 19 ? iccid.startsWith(value) : iccid == value)
            return true;
    }
    return false;
}

bool EventQueryMatcher::idOrNameMatches(qint64 id, const QStringList &names, const QStringList &values)
{
    for (const QString &value : values) {
        bool ok = false;
        const qint64 number = value.toLongLong(&ok);
        if (ok && number == id)
            return true;
        for (const QString &name : names) {
            if (name.contains(value, Qt::CaseInsensitive))
                return true;
        }
    }
    return false;
}

bool EventQueryMatcher::organisationMatches(const EventRef &organisation) const
{
    return m_organisation.isEmpty() || idOrNameMatches(organisation.id, { organisation.name }, m_organisation);
}

bool EventQueryMatcher::userMatches(const std::optional<EventUser> &user) const
{
    if (m_user.isEmpty())
        return true;
    return user && idOrNameMatches(user->id, { user->name, user->username }, m_user);
}

bool EventQueryMatcher::endpointMatches(const std::optional<EventEndpoint> &endpoint) const
{
    if (m_endpoint.isEmpty() && m_tags.isEmpty() && m_ip.isEmpty() && m_imei.isEmpty())
        return true;
    return endpoint && (m_endpoint.isEmpty() || containsAny(endpoint->name, m_endpoint))
        && (m_tags.isEmpty() || containsAny(endpoint->tags, m_tags))
        && (m_ip.isEmpty() || equalsAny(endpoint->ipAddress, m_ip))
        && (m_imei.isEmpty() || equalsAny(endpoint->imei, m_imei));
}

bool EventQueryMatcher::simMatches(const std::optional<EventSim> &sim) const
{
    return m_iccid.isEmpty() || (sim && iccidMatches(sim->iccid, m_iccid));
}

bool EventQueryMatcher::imsiMatches(const std::optional<EventImsi> &imsi) const
{
    return m_imsi.isEmpty() || (imsi && equalsAny(imsi->imsi, m_imsi));
}

bool EventQueryMatcher::matches(const Event &event) const
{
    if (m_empty)
        return true;
    return (m_query.types.isEmpty() || m_query.types.contains(event.type.id))
        && (!m_query.source || event.source.id == *m_query.source)
        && (!m_query.severity || event.severity.id == *m_query.severity)
        && (!m_query.alert || event.alert == *m_query.alert)
        && (m_description.isEmpty() || containsAny(event.description, m_description))
        && organisationMatches(event.organisation) && userMatches(event.user) && endpointMatches(event.endpoint)
        && simMatches(event.sim) && imsiMatches(event.imsi);
}

void EventQueryMatcher::dropUnmatched(EventBatch *batch) const
{
    if (m_empty || batch->isEmpty())
        return;
    using Table = EventBatch::Table;
    // Each table's keys are tested once; a row is then a lookup per table. A row without the
    // entity (None) matches only when its table has no condition.
    const auto named = [](std::string_view key) { return EventBatch::namedFromKey(key); };
    std::vector<std::pair<Table, std::vector<char>>> checks;
    if (!m_query.types.isEmpty())
        checks.emplace_back(Table::Types, tableMatches(*batch, Table::Types, named, [&](const EventNamedId &n) {
            return m_query.types.contains(n.id);
        }));
    if (m_query.source)
        checks.emplace_back(Table::Sources, tableMatches(*batch, Table::Sources, named, [&](const EventNamedId &n) {
            return n.id == *m_query.source;
        }));
    if (m_query.severity)
        checks.emplace_back(Table::Severities, tableMatches(*batch, Table::Severities, named,
                                                   [&](const EventNamedId &n) { return n.id == *m_query.severity; }));
    if (!m_description.isEmpty())
        checks.emplace_back(Table::Descriptions, tableMatches(*batch, Table::Descriptions,
                                                     [](std::string_view key) { return QString::fromUtf8(key); },
                                                     [&](const QString &text) { return containsAny(text, m_description); }));
    if (!m_organisation.isEmpty())
        checks.emplace_back(Table::Organisations, tableMatches(*batch, Table::Organisations, named,
                                                      [&](const EventNamedId &n) {
                                                          return organisationMatches(EventRef { n.id, n.name });
                                                      }));
    if (!m_user.isEmpty())
        checks.emplace_back(Table::Users, tableMatches(*batch, Table::Users, &EventBatch::userFromKey,
                                              [&](const EventUser &u) { return userMatches(u); }));
    if (!m_endpoint.isEmpty() || !m_tags.isEmpty() || !m_ip.isEmpty() || !m_imei.isEmpty())
        checks.emplace_back(Table::Endpoints, tableMatches(*batch, Table::Endpoints, &EventBatch::endpointFromKey,
                                                  [&](const EventEndpoint &e) { return endpointMatches(e); }));
    if (!m_iccid.isEmpty())
        checks.emplace_back(Table::Sims, tableMatches(*batch, Table::Sims, &EventBatch::simFromKey,
                                             [&](const EventSim &s) { return simMatches(s); }));
    if (!m_imsi.isEmpty())
        checks.emplace_back(Table::Imsis, tableMatches(*batch, Table::Imsis, &EventBatch::imsiFromKey,
                                              [&](const EventImsi &i) { return imsiMatches(i); }));
    for (qsizetype row = 0; row < batch->size(); ++row) {
        if (batch->isDropped(row))
            continue;
        bool keep = !m_query.alert || batch->alert(row) == *m_query.alert;
        for (const auto &[table, match] : checks) {
            if (!keep)
                break;
            const uint32_t index = batch->index(table, row);
            keep = index != EventBatch::None && index < match.size() && match[index];
        }
        if (!keep)
            batch->drop(row);
    }
}
