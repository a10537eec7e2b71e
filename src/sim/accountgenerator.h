// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "model/event.h"

#include <QtGlobal>

#include <functional>
#include <vector>

// A deterministic, realistic emnify reseller account and its last 30 days of events: a reseller
// organisation with 4-8 customer organisations, 2-5 users each, a few thousand devices each with a
// SIM and an IMSI, and an event mix shaped like the emnify docs examples (mostly location updates
// and PDP sessions, plus every device/quota/user/billing type and every MNO/reseller type, SIM
// orders with consistent lifecycles). The same (count, seed, nowMs) always gives the same events.
class AccountGenerator final
{
public:
    // "Order updated" (39) detail status ids. The docs leave the mapping open; the one docs
    // example with shipping fields has status 2, so: 1 Paid, 2 Shipped, 3 Canceled.
    enum OrderStatus { OrderPaid = 1, OrderShipped = 2, OrderCanceled = 3 };

    // Which SIM orders: Lifecycles, each order submitted in the window and then paid, shipped or
    // canceled once; Every (the simulator and the demo), also orders never paid, canceled after
    // payment, shipped twice, and submitted before the window (only their updates are events).
    enum class OrderStates { Lifecycles, Every };

    // count events in [nowMs - 30 days, nowMs), sorted by timestamp; ids strictly increase with it.
    [[nodiscard]] static std::vector<Event> generate(
        qsizetype count, quint64 seed, qint64 nowMs, OrderStates orders = OrderStates::Lifecycles);
    // The same events one by one, in the same order, without holding them all (for millions).
    static void generate(qsizetype count, quint64 seed, qint64 nowMs,
        const std::function<void(Event &&)> &sink, OrderStates orders = OrderStates::Lifecycles);
};
