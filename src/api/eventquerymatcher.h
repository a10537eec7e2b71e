// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "api/eventquery.h"
#include "model/event.h"

#include <QStringList>

class EventBatch;

// An EventQuery's filter fields (everything but from/until) applied to events already read, with
// the meaning the API gives them where it documents one and the simulator's reading where it does
// not (emnify-api.md §2.2): type, source, severity and alert are ids compared exactly; description,
// endpoint name and tags match case-insensitive substrings; organisation and user match their id
// or a case-insensitive substring of the name (a user's login too); ip_address, imei and imsi match
// exactly; an ICCID of up to 19 characters is a prefix, a longer one must be equal. '|' separates
// alternatives of one field. The simulator's q filter and offline archive reads share these rules.
class EventQueryMatcher final
{
public:
    explicit EventQueryMatcher(const EventQuery &query);

    [[nodiscard]] bool isEmpty() const { return m_empty; } // matches every event
    [[nodiscard]] bool matches(const Event &event) const;
    // Drops the rows of batch that do not match (each distinct entity of the batch is tested once).
    void dropUnmatched(EventBatch *batch) const;

    // The rules, one value list at a time ('|' alternatives split and trimmed by alternatives()).
    [[nodiscard]] static QStringList alternatives(const QString &value);
    [[nodiscard]] static bool containsAny(const QString &text, const QStringList &values);
    [[nodiscard]] static bool equalsAny(const QString &text, const QStringList &values);
    [[nodiscard]] static bool iccidMatches(const QString &iccid, const QStringList &values);
    // A numeric value is an id; any value also matches a substring of one of the names.
    [[nodiscard]] static bool idOrNameMatches(qint64 id, const QStringList &names, const QStringList &values);

private:
    [[nodiscard]] bool organisationMatches(const EventRef &organisation) const;
    [[nodiscard]] bool userMatches(const std::optional<EventUser> &user) const;
    [[nodiscard]] bool endpointMatches(const std::optional<EventEndpoint> &endpoint) const;
    [[nodiscard]] bool simMatches(const std::optional<EventSim> &sim) const;
    [[nodiscard]] bool imsiMatches(const std::optional<EventImsi> &imsi) const;

    EventQuery m_query;
    QStringList m_description, m_organisation, m_user, m_endpoint, m_tags, m_ip, m_imei, m_iccid, m_imsi;
    bool m_empty = true;
};
