// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QMetaType>
#include <QSet>
#include <QString>

#include <optional>

// The things an event is about, which a filter can pin to one of: "only this device".
enum class EventEntity { Organisation, Endpoint, Sim, Imsi, User, Order };

// What the table shows, as a plain value: the local filters applied to loaded events. (What the API
// can filter is sent as `q` by EventQuery; these also apply instantly to what is already loaded.)
// Empty sets and empty optionals mean "no restriction".
struct EventFilter final
{
    QSet<int> hiddenTypeIds; // event_type ids unticked in the category panel
    QSet<int> hiddenCategories; // EventTypeCatalogue category indices unticked (covers future ids too)
    QSet<int> hiddenSeverities; // severity ids (0 Info, 1 Warn, 2 Critical)
    QSet<int> hiddenSources; // source ids (0 Network, 1 Policy Control, 2 API)
    std::optional<bool> alert;
    // Free text, case-insensitive, over description, event type, organisation, device name, IP, IMEI,
    // tags, ICCID, IMSI, user name and e-mail, and the event id.
    QString text;
    std::optional<qint64> fromMs; // inclusive, ms since the epoch UTC
    std::optional<qint64> untilMs; // exclusive
    // Pins from the detail pane's links: only events of this organisation / device / SIM / ...
    std::optional<qint64> organisationId;
    std::optional<qint64> endpointId;
    std::optional<qint64> simId;
    std::optional<qint64> imsiId;
    std::optional<qint64> userId;
    std::optional<qint64> orderId; // SIM order events (types 38, 39) whose detail.id is this order
    // The user's names for SIM order providers (settings), which the search finds as the viewer
    // shows them; ids without one are "provider N". Not a restriction of its own.
    QHash<qint64, QString> providerNames;

    // The pin field for an entity kind (organisationId for Organisation, ...).
    [[nodiscard]] std::optional<qint64> &pin(EventEntity entity);
    [[nodiscard]] const std::optional<qint64> &pin(EventEntity entity) const
    {
        return const_cast<EventFilter *>(this)->pin(entity);
    }

    [[nodiscard]] bool isEmpty() const
    {
        EventFilter restrictions = *this;
        restrictions.providerNames.clear();
        return restrictions == EventFilter {};
    }
    friend bool operator==(const EventFilter &, const EventFilter &) = default;
};

inline std::optional<qint64> &EventFilter::pin(EventEntity entity)
{
    switch (entity) {
    case EventEntity::Organisation:
        return organisationId;
    case EventEntity::Endpoint:
        return endpointId;
    case EventEntity::Sim:
        return simId;
    case EventEntity::Imsi:
        return imsiId;
    case EventEntity::User:
        return userId;
    case EventEntity::Order:
        break;
    }
    return orderId;
}

Q_DECLARE_METATYPE(EventEntity)
