// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "widgets/orderstatusdelegate.h"

#include "model/simcardorder.h"
#include "table/simordertablemodel.h"

#include <QPainter>
#include <QPixmap>

QColor OrderStatusDelegate::color(int statusId)
{
    switch (statusId) {
    case SimCardOrder::Submitted:
        return QColor(0xb2, 0x6a, 0x00); // amber: waits for payment
    case SimCardOrder::Paid:
        return QColor(0x1f, 0x6f, 0xeb); // blue: waits for shipping
    case SimCardOrder::Shipped:
        return QColor(0x1a, 0x7f, 0x37); // green: done
    case SimCardOrder::Canceled:
        return QColor(0x6e, 0x77, 0x81); // grey
    default:
        return QColor(0x82, 0x50, 0xdf); // purple: a status the docs do not name
    }
}

QIcon OrderStatusDelegate::icon(int statusId)
{
    QPixmap pixmap(12, 12);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(color(statusId));
    if (statusId == SimCardOrder::Canceled)
        painter.drawRect(2, 5, 8, 2); // a bar, not a dot
    else
        painter.drawEllipse(1, 1, 10, 10);
    return QIcon(pixmap);
}

void OrderStatusDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const int statusId = index.data(SimOrderTableModel::StatusIdRole).toInt();
    option->icon = icon(statusId);
    option->features |= QStyleOptionViewItem::HasDecoration;
    option->decorationSize = QSize(12, 12);
    option->palette.setColor(QPalette::Text, color(statusId));
}
