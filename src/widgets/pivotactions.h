// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "filter/eventfilter.h"

#include <QModelIndex>
#include <QObject>

#include <functional>

class EventTableView;
class QAction;
class QMenu;
class QPoint;

// The pivots of the event table: its context menu (Show only / Exclude the cell's value, Show only
// this device, SIM, organisation, user or order, Events around this one) and their keys on the
// current cell (= show only, - exclude, Shift+F10 and Menu open the menu there). It only asks; the
// window decides what a pivot does to the filters.
class PivotActions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PivotActions)

public:
    static constexpr qint64 AroundMs = 5 * 60 * 1000; // "Events around this one": ± this

    // The actions go on the table (their keys work while it has focus) and are children of parent,
    // so the shortcuts list shows them. The table's own actions (Copy, Export) follow in the menu.
    PivotActions(EventTableView *table, QObject *parent);
    ~PivotActions() override;

    // The menu for this cell (a view index), owned by parent; empty for an invalid index.
    [[nodiscard]] QMenu *cellMenu(const QModelIndex &index, QWidget *parent);
    void showCellMenu(const QModelIndex &index, const QPoint &globalPos);
    // Show only / Exclude for a payload leaf (detail.<key>: value), added to a menu.
    static void addPayloadPivots(QMenu *menu, const QString &key, const QString &value,
        const std::function<void(const QString &)> &pivot);

    [[nodiscard]] QAction *showOnlyAction() const { return m_showOnly; }
    [[nodiscard]] QAction *excludeAction() const { return m_exclude; }
    [[nodiscard]] QAction *menuAction() const { return m_menu; }

Q_SIGNALS:
    void pivotRequested(const QString &term); // a SearchQuery term (Pivot)
    void pinRequested(EventEntity entity, qint64 id, const QString &label);
    void eventsAroundRequested(qint64 timestampMs, qint64 eventId);

private:
    void pivotCurrent(bool excluded);
    [[nodiscard]] static QString menuText(const QString &value); // elided, & kept literal

    EventTableView *m_table;
    QAction *m_showOnly;
    QAction *m_exclude;
    QAction *m_menu;
};
