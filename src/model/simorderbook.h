// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "model/event.h"
#include "model/simcardorder.h"

#include <QHash>
#include <QString>

#include <limits>
#include <optional>
#include <vector>

class EventStore;

// One event of an order, as its timeline shows it.
struct SimOrderStep final
{
    qint64 eventId = 0;
    qint64 timestampMs = 0;
    qint64 typeId = SimCardOrder::SubmittedTypeId;
    int statusId = -1; // SimCardOrder::Status for a 38; the update's status id; -1: none given
    QString performedBy; // EventText::performedBy(): "Action performed by: ..." or why nobody is named
    std::optional<EventUser> user;
    EventRef organisation;
    std::optional<qint64> providerId;
    QString trackingReference;
    QString shippedDate;
};

// One SIM order as its events tell it (emnify has no order list; see emnify-api.md §3.5).
struct SimOrderRecord final
{
    static constexpr qint64 NoTime = std::numeric_limits<qint64>::min();

    qint64 orderId = -1;
    EventRef organisation; // of the earliest event
    // The submit event's time, user and performed-by line; NoTime when that event is not loaded
    // (the order reads "submitted before <earliest loaded time>").
    qint64 submittedAtMs = NoTime;
    std::optional<EventUser> submittedBy;
    QString submittedByLine;
    int statusId = -1; // current: SimCardOrder::Status or an unknown id; -1 when no event said one
    // When each status was first reached; NoTime when it was not (in what is loaded).
    qint64 paidAtMs = NoTime;
    qint64 shippedAtMs = NoTime;
    qint64 canceledAtMs = NoTime;
    std::optional<qint64> providerId; // the latest one given
    QString trackingReference; // the latest one given
    QString shippedDate; // as sent
    qint64 lastUpdateMs = NoTime; // the latest event's time
    std::vector<SimOrderStep> steps; // by timestamp then event id, each event once

    [[nodiscard]] bool isSubmitLoaded() const { return submittedAtMs != NoTime; }
    [[nodiscard]] std::vector<qint64> eventIds() const;
};

// Folds order events (types 38 and 39) into one record per order id, as pages arrive. The result
// depends only on the set of events, never on their arrival order or repeats: each order keeps its
// steps sorted by (timestamp, event id) and is re-folded from them when an event lands before its
// last one (orders have a handful of events, so that is cheap); one landing after its last one is
// applied in place. Not thread-safe: one writer (the GUI thread, where the models live).
class SimOrderBook final
{
public:
    // What add() changed: indices into orders().
    struct Change
    {
        std::vector<int> added; // new orders, appended at the end of orders()
        std::vector<int> updated; // existing orders that changed
        [[nodiscard]] bool isEmpty() const { return added.empty() && updated.empty(); }
    };

    [[nodiscard]] const std::vector<SimOrderRecord> &orders() const { return m_orders; }
    [[nodiscard]] int indexOf(qint64 orderId) const { return m_indexOf.value(orderId, -1); }
    [[nodiscard]] const SimOrderRecord *order(qint64 orderId) const;
    // The earliest event time seen (any type): what "submitted before" refers to. NoTime if none.
    [[nodiscard]] qint64 earliestLoadedMs() const { return m_earliestMs; }
    [[nodiscard]] qsizetype orderEventCount() const { return m_orderEvents; }

    // One event of any type (others only move the earliest loaded time). Returns the order's index,
    // -1 when the event is no order event.
    int add(const Event &event, Change *change = nullptr);
    // Rows [first, end) of a store: the rows of one or more pages, as the table model appended them.
    Change addStoreRows(const EventStore &store, qsizetype first, qsizetype end);
    void clear();

private:
    int addStep(qint64 orderId, SimOrderStep &&step, Change *change);
    static void apply(SimOrderRecord &record, const SimOrderStep &step);
    static void refold(SimOrderRecord &record);
    void noteTime(qint64 ms);

    std::vector<SimOrderRecord> m_orders;
    QHash<qint64, int> m_indexOf; // order id -> index in m_orders
    qint64 m_earliestMs = SimOrderRecord::NoTime;
    qsizetype m_orderEvents = 0;
};
