// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "widgets/severitydelegate.h"

#include "table/eventtablemodel.h"

SeverityDelegate::SeverityDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{
}

QIcon SeverityDelegate::icon(int severityId)
{
    // Loaded once: the delegate paints every visible row on each scroll step.
    static const QIcon info(QStringLiteral(":/icons/severity-info.svg"));
    static const QIcon warn(QStringLiteral(":/icons/severity-warn.svg"));
    static const QIcon critical(QStringLiteral(":/icons/severity-critical.svg"));
    switch (severityId) {
    case 0:
        return info;
    case 1:
        return warn;
    case 2:
        return critical;
    default:
        return {};
    }
}

void SeverityDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const QVariant severity = index.data(EventTableModel::SeverityIdRole);
    if (!severity.isValid())
        return;
    const QIcon icon = SeverityDelegate::icon(severity.toInt());
    if (icon.isNull())
        return;
    option->icon = icon;
    option->features |= QStyleOptionViewItem::HasDecoration;
    option->decorationSize = QSize(14, 14);
}
