// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "model/simordercolumns.h"

#include "model/eventtext.h"

#include <QCoreApplication>
#include <QDateTime>

namespace {

QString tr(const char *text) { return QCoreApplication::translate("SimOrderColumns", text); }

} // namespace

QString SimOrderColumns::title(Column column)
{
    switch (column) {
    case OrderId:
        return tr("Order");
    case Organisation:
        return tr("Organisation");
    case Status:
        return tr("Status");
    case Submitted:
        return tr("Submitted");
    case SubmittedBy:
        return tr("Submitted by");
    case Paid:
        return tr("Paid");
    case Shipped:
        return tr("Shipped");
    case Provider:
        return tr("Provider");
    case TrackingReference:
        return tr("Tracking reference");
    case LastUpdate:
        return tr("Last update");
    case Events:
        return tr("Events");
    case ColumnCount:
        break;
    }
    return {};
}

QString SimOrderColumns::key(Column column)
{
    static const char *const keys[ColumnCount] = { "order_id", "organisation", "status", "submitted",
        "submitted_by", "paid", "shipped", "provider", "tracking_reference", "last_update", "events" };
    return column >= 0 && column < ColumnCount ? QString::fromLatin1(keys[column]) : QString();
}

QString SimOrderColumns::timeText(qint64 ms, Format format)
{
    if (ms == SimOrderRecord::NoTime)
        return {};
    const QDateTime utc = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
    return format == Format::Export ? utc.toString(Qt::ISODate)
                                    : utc.toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
}

QString SimOrderColumns::text(
    const SimOrderRecord &order, Column column, const Context &context, Format format)
{
    switch (column) {
    case OrderId:
        return QString::number(order.orderId);
    case Organisation:
        return order.organisation.name.isEmpty() && order.organisation.id >= 0
            ? QString::number(order.organisation.id)
            : order.organisation.name;
    case Status:
        return order.statusId < 0 ? tr("Unknown") : SimCardOrder::statusName(order.statusId);
    case Submitted:
        if (order.isSubmitLoaded())
            return timeText(order.submittedAtMs, format);
        // The submit event lies before what is loaded: say so, never guess a date.
        return tr("submitted before %1").arg(timeText(context.earliestLoadedMs, format));
    case SubmittedBy:
        if (!order.isSubmitLoaded())
            return {};
        return order.submittedBy ? EventText::userShort(*order.submittedBy) : EventText::noUserExplanation();
    case Paid:
        return timeText(order.paidAtMs, format);
    case Shipped:
        return timeText(order.shippedAtMs, format);
    case Provider:
        return order.providerId ? SimCardOrder::providerName(*order.providerId, context.providerNames)
                                : QString();
    case TrackingReference:
        return order.trackingReference;
    case LastUpdate:
        return timeText(order.lastUpdateMs, format);
    case Events:
        return QString::number(order.steps.size());
    case ColumnCount:
        break;
    }
    return {};
}

QVariant SimOrderColumns::sortValue(const SimOrderRecord &order, Column column, const Context &context)
{
    switch (column) {
    case OrderId:
        return order.orderId;
    case Status:
        return order.statusId;
    case Submitted:
        return order.submittedAtMs;
    case Paid:
        return order.paidAtMs;
    case Shipped:
        return order.shippedAtMs;
    case LastUpdate:
        return order.lastUpdateMs;
    case Events:
        return qint64(order.steps.size());
    default:
        return text(order, column, context);
    }
}
