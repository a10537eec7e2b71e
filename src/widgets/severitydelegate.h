// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QIcon>
#include <QStyledItemDelegate>

// The Severity column: an icon per severity beside the (model-coloured) name, so that Warn and
// Critical stand out while scrolling and stay distinguishable without colour.
class SeverityDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SeverityDelegate)

public:
    explicit SeverityDelegate(QObject *parent = nullptr);

    [[nodiscard]] static QIcon icon(int severityId);

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};
