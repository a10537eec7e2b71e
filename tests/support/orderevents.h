// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "model/event.h"

#include <QByteArray>
#include <QString>

#include <vector>

// SIM order events (types 38 and 39) for the order tests, written the way the API sends them.
namespace OrderEvents {

inline Event event(qint64 id, qint64 ts, int type, const QByteArray &detail,
    const QString &organisation = QStringLiteral("Acme Fleet"), bool withUser = true)
{
    Event e;
    e.id = id;
    e.timestampMs = ts;
    e.type = { type, type == 38 ? QStringLiteral("Order submitted") : QStringLiteral("Order updated") };
    e.severity = { 0, QStringLiteral("INFO") };
    e.source = { 2, QStringLiteral("API") };
    e.organisation = { 1000 + organisation.size(), organisation };
    e.description = type == 38 ? QStringLiteral("New SIM order has been submitted")
                               : QStringLiteral("SIM order has been updated");
    if (withUser)
        e.user = EventUser { 5, QStringLiteral("Sample User"), QStringLiteral("abc@cde.com") };
    e.detailJson = detail;
    return e;
}

// {"id":order,"status":{"id":status}...extra}
inline QByteArray update(int order, int status, const QByteArray &extra = {})
{
    return "{\"id\":" + QByteArray::number(order) + ",\"status\":{\"id\":" + QByteArray::number(status) + '}'
        + extra + '}';
}

constexpr qint64 Hour = 3600 * 1000;
constexpr qint64 Day = 24 * Hour;

// 501 unpaid (20 days), 502 paid, 503 shipped this week (REF-503), 504 canceled, 505 "Status 9",
// 506 shipped 20 days ago (REF-506); with other events between them.
inline std::vector<Event> smallAccount(qint64 Now)
{
    const QString acme = QStringLiteral("Acme Fleet"), beta = QStringLiteral("Beta Logistics");
    std::vector<Event> e;
    e.push_back(event(1, Now - 20 * Day, 38, "{\"id\":501}", acme));
    e.push_back(event(2, Now - 25 * Day, 38, "{\"id\":506}", beta));
    e.push_back(event(3, Now - 24 * Day, 39, update(506, 1), beta));
    e.push_back(event(4, Now - 20 * Day, 39,
        update(506, 2, ",\"ext_shipping_reference\":\"REF-506\",\"shipped_with_provider_id\":1"), beta));
    e.push_back(event(5, Now - 10 * Day, 38, "{\"id\":502}", beta));
    e.push_back(event(6, Now - 10 * Day + 3 * Hour, 39, update(502, 1), beta, false));
    e.push_back(event(7, Now - 5 * Day, 38, "{\"id\":503}", acme));
    e.push_back(event(8, Now - 5 * Day + 2 * Hour, 39, update(503, 1), acme, false));
    e.push_back(event(9, Now - 2 * Day, 39,
        update(503, 2, ",\"ext_shipping_reference\":\"REF-503\",\"shipped_with_provider_id\":2"), acme));
    e.push_back(event(10, Now - 3 * Day, 38, "{\"id\":504}", beta));
    e.push_back(event(11, Now - 3 * Day + Hour, 39, update(504, 3), beta));
    e.push_back(event(12, Now - Day, 38, "{\"id\":505}", acme));
    e.push_back(event(13, Now - Day + Hour, 39, update(505, 9), acme));
    Event other = event(14, Now - Hour, 1, "{}", acme);
    other.type = { 1, QStringLiteral("Update location") };
    e.push_back(other);
    return e;
}

} // namespace OrderEvents
