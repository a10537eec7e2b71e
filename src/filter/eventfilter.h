// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QSet>
#include <QString>

#include <optional>

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

    [[nodiscard]] bool isEmpty() const { return *this == EventFilter {}; }
    friend bool operator==(const EventFilter &, const EventFilter &) = default;
};
