// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QColor>
#include <QIcon>
#include <QStyledItemDelegate>

// The Orders view's status cell: a coloured dot and coloured text per status, so unpaid, paid,
// shipped and canceled orders tell apart at a glance (the text says it too, for colour blindness).
class OrderStatusDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OrderStatusDelegate)

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    [[nodiscard]] static QColor color(int statusId);
    [[nodiscard]] static QIcon icon(int statusId);

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};
