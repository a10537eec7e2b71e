// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "api/eventquery.h"
#include "api/eventscope.h"
#include "filter/eventfilter.h"
#include "settings/viewerfilterstate.h"

#include <QList>
#include <QString>

#include <optional>
#include <utility>

class EventStore;

// A pin from a detail-pane link or a chip: only events of this organisation, device, SIM, ...
struct EntityPin final
{
    EventEntity entity = EventEntity::Organisation;
    qint64 id = 0;
    QString label; // for people: a name, or the id

    // What "Show only this device/SIM/organisation/user/order" offers for a store row: the entities
    // the event has, in that order.
    [[nodiscard]] static QList<EntityPin> ofEvent(const EventStore &store, qsizetype row);

    friend bool operator==(const EntityPin &, const EntityPin &) = default;
};

// What the filter panel's state asks for, as values: the request sent to the API (time range as
// `q`, the list to read) and the interval it covers. Pure functions, no widgets: the window, the
// tests and later the archive all map the same state the same way.
struct ViewRequest final
{
    EventQuery query;
    EventScope scope;
    std::pair<qint64, qint64> interval { 0, 0 }; // [from, until) in ms UTC, what `query` covers

    // The request for this state as of nowMs; nullopt with `problem` set when it cannot be sent
    // (a scope without a valid id, a custom range that ends before it starts, ...).
    [[nodiscard]] static std::optional<ViewRequest> fromState(
        const ViewerFilterState &state, qint64 nowMs, QString *problem = nullptr);

    // The local filter: the panel's ticks and text, the loaded interval (none when nothing was
    // requested yet: {0, 0}), and the pins (one per entity kind; a later pin of a kind wins).
    [[nodiscard]] static EventFilter filter(const ViewerFilterState &state,
        std::pair<qint64, qint64> interval, const QList<EntityPin> &pins = {});

    // The request for an archive that filters as it reads (a team archive's SQL): the panel's
    // ticks become the query's types, severity and source wherever that hides no event the local
    // filter shows (it still applies on top), and the search text goes as query.search (the archive
    // narrows by it, the local filter then decides exactly).
    [[nodiscard]] static ViewRequest pushedDown(ViewRequest request, const ViewerFilterState &state);

    friend bool operator==(const ViewRequest &, const ViewRequest &) = default;
};
