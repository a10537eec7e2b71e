// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "model/event.h"

#include <QByteArrayView>
#include <QHash>
#include <QString>

#include <optional>

// The SIM order an "Order submitted" (38) or "Order updated" (39) event is about, read from its
// detail payload (emnify-api.md §3.5). The status ids are undocumented: this enum is the one place
// that assumes 1 Paid, 2 Shipped, 3 Canceled (the one docs example with shipping fields has 2; the
// README says so). The simulator's AccountGenerator::OrderStatus uses the same ids, and
// tst_eventdetailpane checks that both agree. Provider ids are undocumented too: no names here,
// only what the user names in the settings (ViewerSettings::providerNames()).
struct SimCardOrder final
{
    enum Status { Submitted = 0, Paid = 1, Shipped = 2, Canceled = 3 };
    static constexpr int SubmittedTypeId = 38;
    static constexpr int UpdatedTypeId = 39;

    qint64 orderId = -1;
    int statusId = -1; // detail.status.id; Submitted for type 38; -1 when a 39 carries none
    std::optional<qint64> providerId; // detail.shipped_with_provider_id
    QString trackingReference; // detail.ext_shipping_reference
    QString shippedDate; // detail.shipped_date as sent

    // nullopt for other event types or a payload without an order id.
    [[nodiscard]] static std::optional<SimCardOrder> fromEvent(const Event &event);
    [[nodiscard]] static std::optional<SimCardOrder> fromDetail(qint64 typeId, QByteArrayView detailJson);
    [[nodiscard]] static bool isOrderType(qint64 typeId)
    {
        return typeId == SubmittedTypeId || typeId == UpdatedTypeId;
    }
    [[nodiscard]] static QString statusName(int statusId); // "Status N" for ids beyond the three
    // The user's name for the provider id when there is one, else "provider N".
    [[nodiscard]] static QString providerName(qint64 providerId, const QHash<qint64, QString> &names = {});
};
