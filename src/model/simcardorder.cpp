// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "model/simcardorder.h"

#include "model/jsondocument.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

std::optional<qint64> number(const QJsonValue &value)
{
    if (value.isDouble())
        return value.toInteger();
    if (value.isString()) { // numbers sent as strings happen in emnify payloads
        bool ok = false;
        const qint64 n = value.toString().toLongLong(&ok);
        if (ok)
            return n;
    }
    return std::nullopt;
}

QString text(const QJsonValue &value)
{
    if (value.isDouble()) // a reference or date sent as a number
        return QString::number(value.toInteger());
    return value.toString();
}

} // namespace

std::optional<SimCardOrder> SimCardOrder::fromEvent(const Event &event)
{
    return fromDetail(event.type.id, event.detailJson);
}

std::optional<SimCardOrder> SimCardOrder::fromDetail(qint64 typeId, QByteArrayView detailJson)
{
    if (!isOrderType(typeId) || detailJson.isEmpty())
        return std::nullopt;
    QJsonParseError error;
    const QJsonDocument doc = JsonDocument::fromJson(detailJson, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    const QJsonObject detail = doc.object();
    const std::optional<qint64> id = number(detail.value(QLatin1String("id")));
    if (!id)
        return std::nullopt;

    SimCardOrder order;
    order.orderId = *id;
    if (typeId == SubmittedTypeId) {
        order.statusId = Submitted;
    } else {
        const QJsonValue status = detail.value(QLatin1String("status"));
        const std::optional<qint64> statusId
            = number(status.isObject() ? status.toObject().value(QLatin1String("id")) : status);
        order.statusId = statusId ? int(*statusId) : -1;
    }
    order.providerId = number(detail.value(QLatin1String("shipped_with_provider_id")));
    order.trackingReference = text(detail.value(QLatin1String("ext_shipping_reference")));
    order.shippedDate = text(detail.value(QLatin1String("shipped_date")));
    return order;
}

QString SimCardOrder::statusName(int statusId)
{
    switch (statusId) {
    case Submitted:
        return QCoreApplication::translate("SimCardOrder", "Submitted");
    case Paid:
        return QCoreApplication::translate("SimCardOrder", "Paid");
    case Shipped:
        return QCoreApplication::translate("SimCardOrder", "Shipped");
    case Canceled:
        return QCoreApplication::translate("SimCardOrder", "Canceled");
    case -1:
        return QCoreApplication::translate("SimCardOrder", "Updated (no status given)");
    default:
        return QCoreApplication::translate("SimCardOrder", "Status %1").arg(statusId);
    }
}

QString SimCardOrder::providerName(qint64 providerId, const QHash<qint64, QString> &names)
{
    const QString name = names.value(providerId);
    if (!name.isEmpty())
        return name;
    return QCoreApplication::translate("SimCardOrder", "provider %1").arg(providerId);
}
