// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QStringList>
#include <QStyledItemDelegate>

#include <utility>

// Cell text with the parts that match the search marked (the table's cells, the detail pane's
// payload tree). The texts come from the index's `textsRole` (a QStringList, the table model's
// HighlightRole) or, for a view without one, from setTexts().
class HighlightDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HighlightDelegate)

public:
    explicit HighlightDelegate(int textsRole = -1, QObject *parent = nullptr);

    void setTexts(const QStringList &texts) { m_texts = texts; }

    // Where the texts occur in `text` (case-insensitive), as sorted, merged [start, length) runs.
    [[nodiscard]] static QList<std::pair<qsizetype, qsizetype>> matches(const QString &text, const QStringList &texts);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    int m_textsRole;
    QStringList m_texts;
};
