// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "model/simorderbook.h"

#include "model/eventstore.h"
#include "model/eventtext.h"

#include <algorithm>

namespace {

bool before(const SimOrderStep &a, const SimOrderStep &b)
{
    return a.timestampMs != b.timestampMs ? a.timestampMs < b.timestampMs : a.eventId < b.eventId;
}

SimOrderStep stepOf(const SimCardOrder &order, qint64 eventId, qint64 timestampMs, qint64 typeId,
    const std::optional<EventUser> &user, const EventRef &organisation)
{
    SimOrderStep step;
    step.eventId = eventId;
    step.timestampMs = timestampMs;
    step.typeId = typeId;
    step.statusId = order.statusId;
    step.user = user;
    step.performedBy = EventText::performedBy(user);
    step.organisation = organisation;
    step.providerId = order.providerId;
    step.trackingReference = order.trackingReference;
    step.shippedDate = order.shippedDate;
    return step;
}

} // namespace

std::vector<qint64> SimOrderRecord::eventIds() const
{
    std::vector<qint64> ids;
    ids.reserve(steps.size());
    for (const SimOrderStep &step : steps)
        ids.push_back(step.eventId);
    return ids;
}

const SimOrderRecord *SimOrderBook::order(qint64 orderId) const
{
    const int index = indexOf(orderId);
    return index < 0 ? nullptr : &m_orders[size_t(index)];
}

void SimOrderBook::noteTime(qint64 ms)
{
    if (m_earliestMs == SimOrderRecord::NoTime || ms < m_earliestMs)
        m_earliestMs = ms;
}

int SimOrderBook::add(const Event &event, Change *change)
{
    noteTime(event.timestampMs);
    const std::optional<SimCardOrder> order = SimCardOrder::fromEvent(event);
    if (!order)
        return -1;
    return addStep(order->orderId,
        stepOf(*order, event.id, event.timestampMs, event.type.id, event.user, event.organisation), change);
}

SimOrderBook::Change SimOrderBook::addStoreRows(const EventStore &store, qsizetype first, qsizetype end)
{
    Change change;
    end = std::min(end, store.size());
    if (first >= end)
        return change;
    // Which type indices are order types: a handful of types, looked up once.
    const std::vector<EventStore::NamedId> &types = store.types();
    std::vector<bool> isOrderType(types.size());
    for (size_t i = 0; i < types.size(); ++i)
        isOrderType[i] = SimCardOrder::isOrderType(types[i].id);
    EventStore::PayloadReader payloads(store);
    for (qsizetype row = first; row < end; ++row) {
        noteTime(store.timestampMs(row));
        const uint16_t type = store.typeIndex(row);
        if (!isOrderType[type])
            continue;
        const qint64 typeId = types[type].id;
        const std::optional<SimCardOrder> order = SimCardOrder::fromDetail(typeId, payloads.detailJson(row));
        if (!order)
            continue;
        std::optional<EventUser> user;
        if (store.userIndex(row) != EventStore::None)
            user = store.users()[store.userIndex(row)];
        const uint32_t org = store.organisationIndex(row);
        EventRef organisation;
        if (org != EventStore::None)
            organisation = { store.organisations()[org].id, store.organisations()[org].name };
        addStep(order->orderId,
            stepOf(*order, store.id(row), store.timestampMs(row), typeId, user, organisation), &change);
    }
    std::sort(change.updated.begin(), change.updated.end());
    change.updated.erase(std::unique(change.updated.begin(), change.updated.end()), change.updated.end());
    // An order added by this call and updated again is only "added".
    const int firstAdded = int(m_orders.size() - change.added.size());
    std::erase_if(change.updated, [firstAdded](int index) { return index >= firstAdded; });
    return change;
}

int SimOrderBook::addStep(qint64 orderId, SimOrderStep &&step, Change *change)
{
    int index = indexOf(orderId);
    if (index < 0) {
        index = int(m_orders.size());
        m_indexOf.insert(orderId, index);
        SimOrderRecord &record = m_orders.emplace_back();
        record.orderId = orderId;
        record.steps.push_back(std::move(step));
        refold(record);
        ++m_orderEvents;
        if (change)
            change->added.push_back(index);
        return index;
    }
    SimOrderRecord &record = m_orders[size_t(index)];
    const auto at = std::lower_bound(record.steps.begin(), record.steps.end(), step, before);
    for (const SimOrderStep &known : record.steps) {
        if (known.eventId == step.eventId)
            return index; // a repeat (page overlap, refresh): the event is in already
    }
    ++m_orderEvents;
    if (at == record.steps.end()) {
        record.steps.push_back(std::move(step));
        apply(record, record.steps.back());
    } else {
        record.steps.insert(at, std::move(step));
        refold(record);
    }
    if (change)
        change->updated.push_back(index);
    return index;
}

void SimOrderBook::refold(SimOrderRecord &record)
{
    std::vector<SimOrderStep> steps = std::move(record.steps);
    const qint64 orderId = record.orderId;
    record = SimOrderRecord {};
    record.orderId = orderId;
    record.steps = std::move(steps);
    if (!record.steps.empty())
        record.organisation = record.steps.front().organisation;
    for (const SimOrderStep &step : record.steps)
        apply(record, step);
}

void SimOrderBook::apply(SimOrderRecord &record, const SimOrderStep &step)
{
    // Steps come in (timestamp, id) order: later values replace earlier ones, first times stay.
    if (record.organisation.id < 0 && record.organisation.name.isEmpty())
        record.organisation = step.organisation;
    if (step.typeId == SimCardOrder::SubmittedTypeId) {
        if (!record.isSubmitLoaded()) {
            record.submittedAtMs = step.timestampMs;
            record.submittedBy = step.user;
            record.submittedByLine = step.performedBy;
        }
        if (record.statusId < 0) // a submit after an update (clock skew) does not undo the update
            record.statusId = SimCardOrder::Submitted;
    } else if (step.statusId >= 0) { // an update without a status keeps the status it had
        record.statusId = step.statusId;
        qint64 *reached = step.statusId == SimCardOrder::Paid ? &record.paidAtMs
            : step.statusId == SimCardOrder::Shipped          ? &record.shippedAtMs
            : step.statusId == SimCardOrder::Canceled         ? &record.canceledAtMs
                                                              : nullptr;
        if (reached && *reached == SimOrderRecord::NoTime)
            *reached = step.timestampMs;
    }
    if (step.providerId)
        record.providerId = step.providerId;
    if (!step.trackingReference.isEmpty())
        record.trackingReference = step.trackingReference;
    if (!step.shippedDate.isEmpty())
        record.shippedDate = step.shippedDate;
    record.lastUpdateMs = step.timestampMs;
}

void SimOrderBook::clear()
{
    m_orders.clear();
    m_indexOf.clear();
    m_earliestMs = SimOrderRecord::NoTime;
    m_orderEvents = 0;
}
