// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "model/eventcolumns.h"

#include <QList>
#include <QPersistentModelIndex>
#include <QTableView>

#include <vector>

class EventTableModel;
class QMenu;

// The event table as the user sees it: uniform rows for a million events, default column widths,
// a header menu to show and hide columns, rows that stay still on screen while pages arrive and
// filters swap rows, and the selection as store rows (for copy and export).
class EventTableView final : public QTableView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventTableView)

public:
    explicit EventTableView(QWidget *parent = nullptr);
    ~EventTableView() override;

    // Not owned; set once. columnsMenu: filled with a toggle per table column (also the header's
    // context menu).
    void setEventModel(EventTableModel *model, QMenu *columnsMenu);
    [[nodiscard]] EventTableModel *eventModel() const { return m_model; }

    [[nodiscard]] QList<EventColumns::Column> visibleColumns() const; // in visual order
    // Shows these table columns in this order and hides the others (a saved view's columns).
    void setVisibleColumns(const QList<EventColumns::Column> &columns);
    [[nodiscard]] std::vector<qsizetype> selectedStoreRows() const; // in view order
    [[nodiscard]] bool hasSelectedRows() const;
    // Makes this view row current and selected, centred.
    void selectViewRow(int row);
    // Widens the Time column to its text in the model's current time display (UTC times are the
    // longest); never narrows it.
    void fitTimeColumn();
    // The header's layout (order, widths, hidden columns) as settings keep it.
    [[nodiscard]] QByteArray headerState() const;
    void restoreHeaderState(const QByteArray &state);

Q_SIGNALS:
    void currentEventChanged(int viewRow); // -1: none
    void selectedRowsChanged(bool any);
    void rowsSettled(); // rows were inserted or swapped and the view is back in place

protected:
    QModelIndex moveCursor(CursorAction cursorAction, Qt::KeyboardModifiers modifiers) override;
    QItemSelectionModel::SelectionFlags selectionCommand(
        const QModelIndex &index, const QEvent *event = nullptr) const override;

private:
    void rebuildColumnsMenu();
    void rememberScrollAnchor();
    void restoreScrollAnchor();

    EventTableModel *m_model = nullptr;
    QMenu *m_columnsMenu = nullptr;
    // Keeps the rows in view still while pages insert rows above them.
    QPersistentModelIndex m_scrollAnchor;
    int m_scrollAnchorOffset = -1; // rows between the top of the view and the anchor; -1: none
};
