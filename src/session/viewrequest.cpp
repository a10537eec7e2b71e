// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "session/viewrequest.h"

#include "filter/searchquery.h"
#include "model/eventstore.h"
#include "model/eventtext.h"
#include "model/eventtypecatalogue.h"
#include "model/simcardorder.h"

#include <QCoreApplication>
#include <QDateTime>

#include <algorithm>

namespace {

bool isDigits(const QString &text)
{
    return !text.isEmpty() && std::all_of(text.begin(), text.end(), [](QChar c) { return c.isDigit(); });
}

// What people have at hand instead of an internal id: an ICCID (18 to 22 digits) or IMSI (14 or 15)
// for a SIM, an IMEI (14 to 16 digits) or name for a device, a name for an organisation or user.
// The per-entity lists take ids only; the account's list filters by these with `q`
// (emnify-api.md, "q filter fields"). Internal ids are shorter than these numbers.
void mapScopeToQuery(ViewRequest *request)
{
    using Kind = EventScope::Kind;
    const QString value = request->scope.id;
    const bool digits = isDigits(value);
    EventQuery &q = request->query;
    switch (request->scope.kind) {
    case Kind::Account:
        return;
    case Kind::Sim:
        if (digits && value.size() >= 18 && value.size() <= 22)
            q.iccid = value;
        else if (digits && value.size() >= 14 && value.size() <= 15)
            q.imsi = value;
        break;
    case Kind::Endpoint:
        if (digits && value.size() >= 14 && value.size() <= 16)
            q.imei = value;
        else if (!digits && !value.isEmpty())
            q.endpoint = value;
        break;
    case Kind::Organisation:
        if (!digits && !value.isEmpty())
            q.organisation = value;
        break;
    case Kind::User:
        if (!digits && !value.isEmpty() && value != QLatin1String("my"))
            q.user = value;
        break;
    }
    if (q != EventQuery {})
        request->scope = EventScope::account();
}

// The search the local filter applies (and a team archive's SQL narrows by). Pivots first: an
// unterminated quote in the typed text must not swallow them. Malformed typed text restricts
// nothing (the search box says what is wrong); the pivots still do.
QString searchOf(const ViewerFilterState &state)
{
    const bool typedValid = SearchQuery::parse(state.searchText).isValid();
    return (state.pivots + QStringList { typedValid ? state.searchText : QString() }).join(u' ').trimmed();
}

} // namespace

std::optional<ViewRequest> ViewRequest::fromState(const ViewerFilterState &state, qint64 nowMs, QString *problem)
{
    auto fail = [problem](const QString &why) {
        if (problem)
            *problem = why;
        return std::nullopt;
    };
    ViewRequest request;
    request.scope = EventScope { state.scopeKind, state.scopeKind == EventScope::Kind::Account ? QString() : state.scopeId.trimmed() };
    mapScopeToQuery(&request);
    if (!request.scope.validate().isEmpty())
        return fail(QCoreApplication::translate(
            "ViewRequest", "Enter the ID of the device, SIM, user or organisation to read, an ICCID, IMSI or IMEI, or a name."));
    request.interval = state.interval(nowMs);
    request.query.from = QDateTime::fromMSecsSinceEpoch(request.interval.first, Qt::UTC);
    request.query.until = QDateTime::fromMSecsSinceEpoch(request.interval.second, Qt::UTC);
    const QString invalid = request.query.validate();
    if (!invalid.isEmpty())
        return fail(invalid);
    return request;
}

EventFilter ViewRequest::filter(
    const ViewerFilterState &state, std::pair<qint64, qint64> interval, const QList<EntityPin> &pins)
{
    EventFilter filter;
    filter.hiddenTypeIds = state.hiddenTypeIds;
    filter.hiddenCategories = state.hiddenCategories;
    filter.hiddenSeverities = state.hiddenSeverities;
    filter.hiddenSources = state.hiddenSources;
    filter.text = searchOf(state);
    if (interval.first > 0 || interval.second > 0) {
        filter.fromMs = interval.first;
        filter.untilMs = interval.second;
    }
    for (const EntityPin &pin : pins)
        filter.pin(pin.entity) = pin.id;
    return filter;
}

QList<EntityPin> EntityPin::ofEvent(const EventStore &store, qsizetype row)
{
    QList<EntityPin> pins;
    if (row < 0 || row >= store.size())
        return pins;
    if (const uint32_t e = store.endpointIndex(row); e != EventStore::None && store.endpoints()[e].id >= 0) {
        const EventEndpoint &endpoint = store.endpoints()[e];
        pins.append({ EventEntity::Endpoint, endpoint.id,
            endpoint.name.isEmpty() ? QString::number(endpoint.id) : endpoint.name });
    }
    if (const uint32_t s = store.simIndex(row); s != EventStore::None && store.sims()[s].id >= 0) {
        const EventSim &sim = store.sims()[s];
        pins.append({ EventEntity::Sim, sim.id, sim.iccid.isEmpty() ? QString::number(sim.id) : sim.iccid });
    }
    if (const uint32_t o = store.organisationIndex(row); o != EventStore::None && store.organisations()[o].id >= 0) {
        const auto &organisation = store.organisations()[o];
        pins.append({ EventEntity::Organisation, organisation.id,
            organisation.name.isEmpty() ? QString::number(organisation.id) : organisation.name });
    }
    if (const uint32_t u = store.userIndex(row); u != EventStore::None && store.users()[u].id >= 0) {
        const EventUser &user = store.users()[u];
        pins.append({ EventEntity::User, user.id, EventText::userShort(user) });
    }
    const uint32_t type = store.typeIndex(row);
    const qint64 typeId = type == EventStore::None ? -1 : store.types()[type].id;
    if (SimCardOrder::isOrderType(typeId)) {
        if (const std::optional<SimCardOrder> order = SimCardOrder::fromDetail(typeId, store.detailJson(row));
            order && order->orderId >= 0)
            pins.append({ EventEntity::Order, order->orderId, QString::number(order->orderId) });
    }
    return pins;
}

ViewRequest ViewRequest::pushedDown(ViewRequest request, const ViewerFilterState &state)
{
    EventQuery &q = request.query;
    // A list of types holds only ids the catalogue knows: exact only while "Other" (where unknown
    // ids go) is unticked too; else the types stay for the local filter alone.
    const EventTypeCatalogue &catalogue = EventTypeCatalogue::builtIn();
    if (state.hiddenCategories.contains(catalogue.otherCategory())) {
        for (const EventTypeCatalogue::Type &type : catalogue.types()) {
            if (!state.hiddenTypeIds.contains(type.id) && !state.hiddenCategories.contains(type.category))
                q.types.append(type.id);
        }
    }
    // One value left of the three the wire format defines: the query takes one value only.
    const auto single = [](const QSet<int> &hidden) -> std::optional<int> {
        std::optional<int> shown;
        for (int id = 0; id <= 2; ++id) {
            if (hidden.contains(id))
                continue;
            if (shown)
                return std::nullopt;
            shown = id;
        }
        return shown;
    };
    if (!q.severity)
        q.severity = single(state.hiddenSeverities);
    if (!q.source)
        q.source = single(state.hiddenSources);
    q.search = searchOf(state);
    return request;
}
