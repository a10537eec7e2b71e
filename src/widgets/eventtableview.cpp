// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "widgets/eventtableview.h"

#include "table/eventtablemodel.h"
#include "widgets/highlightdelegate.h"
#include "widgets/severitydelegate.h"

#include <QHeaderView>
#include <QKeyEvent>
#include <QMenu>
#include <QScrollBar>
#include <QStyle>

#include <algorithm>

namespace {

// Default widths in average characters: wide enough for typical content, narrow enough that the
// table fits beside the detail pane on a 1600 px screen with Description taking the rest.
constexpr std::pair<EventColumns::Column, int> defaultWidths[] = {
    { EventColumns::Time, 16 },
    { EventColumns::Severity, 12 }, // "Warnung", "Kritisch"
    { EventColumns::Category, 20 },
    { EventColumns::EventType, 20 },
    { EventColumns::Description, 44 },
    { EventColumns::Organisation, 18 },
    { EventColumns::Device, 16 },
    { EventColumns::Iccid, 21 },
    { EventColumns::Imsi, 16 },
    { EventColumns::Source, 12 },
    { EventColumns::PerformedBy, 28 },
    { EventColumns::Id, 17 },
};

} // namespace

EventTableView::EventTableView(QWidget *parent)
    : QTableView(parent)
{
}

EventTableView::~EventTableView() = default;

void EventTableView::setEventModel(EventTableModel *model, QMenu *columnsMenu)
{
    Q_ASSERT(!m_model);
    m_model = model;
    m_columnsMenu = columnsMenu;
    setModel(model);
    setItemDelegate(new HighlightDelegate(EventTableModel::HighlightRole, this)); // marks search matches
    setItemDelegateForColumn(EventColumns::Severity, new SeverityDelegate(this));
    setTextElideMode(Qt::ElideRight);
    setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);

    // Uniform rows: a fixed section size means the view never measures a row (a million rows).
    QHeaderView *rows = verticalHeader();
    rows->hide();
    rows->setSectionResizeMode(QHeaderView::Fixed);
    rows->setDefaultSectionSize(fontMetrics().height() + 6);

    QHeaderView *header = horizontalHeader();
    header->setSectionsMovable(true);
    header->setHighlightSections(false);
    header->setStretchLastSection(false);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    header->setSortIndicatorShown(true);
    header->setSortIndicator(m_model->sortColumn(), m_model->sortOrder());
    const int charWidth = fontMetrics().averageCharWidth();
    for (const auto &[column, chars] : defaultWidths)
        header->resizeSection(column, chars * charWidth + 12);
    for (int column = EventColumns::Id + 1; column < m_model->columnCount(); ++column)
        header->hideSection(column); // export-only columns, should the model ever show them
    setSortingEnabled(true); // header clicks call EventTableModel::sort (async)
    // Every move of the current row, by key or click, brings it into view. Rows arriving never move
    // the current row, so this cannot make the view jump while pages insert rows (the anchor below).
    setAutoScroll(true);
    connect(header, &QWidget::customContextMenuRequested, this,
        [this](const QPoint &pos) { m_columnsMenu->exec(horizontalHeader()->mapToGlobal(pos)); });

    connect(selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        [this](const QModelIndex &current) { Q_EMIT currentEventChanged(current.isValid() ? current.row() : -1); });
    connect(selectionModel(), &QItemSelectionModel::selectionChanged, this,
        [this] { Q_EMIT selectedRowsChanged(selectionModel()->hasSelection()); });

    // Pages insert rows, and filter/sort jobs swap them, while the user reads: keep the selected row
    // (or else the top row) where it is on screen, unless the user is at the very top with nothing
    // selected (then the newest events stay in sight).
    setVerticalScrollMode(QAbstractItemView::ScrollPerItem); // scroll bar value = top row
    connect(m_model, &QAbstractItemModel::rowsAboutToBeInserted, this, &EventTableView::rememberScrollAnchor);
    connect(m_model, &QAbstractItemModel::layoutAboutToBeChanged, this, &EventTableView::rememberScrollAnchor);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &EventTableView::restoreScrollAnchor);
    connect(m_model, &QAbstractItemModel::layoutChanged, this, &EventTableView::restoreScrollAnchor);
    rebuildColumnsMenu();
    fitTimeColumn();
}

QByteArray EventTableView::headerState() const
{
    return horizontalHeader()->saveState();
}

void EventTableView::restoreHeaderState(const QByteArray &state)
{
    horizontalHeader()->restoreState(state);
    rebuildColumnsMenu();
}

void EventTableView::fitTimeColumn()
{
    // A wide instant (eights are among the widest digits) stands for every row's text.
    constexpr qint64 wideInstantMs = 1798502938888; // 2026-12-28T23:28:58.888Z
    const int wanted = fontMetrics().horizontalAdvance(m_model->timeText(wideInstantMs))
        + 2 * style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, this) + 12;
    QHeaderView *header = horizontalHeader();
    if (header->sectionSize(EventColumns::Time) < wanted)
        header->resizeSection(EventColumns::Time, wanted);
}

void EventTableView::rememberScrollAnchor()
{
    const int top = verticalScrollBar()->value();
    const QModelIndex current = currentIndex();
    const int visibleRows = viewport()->height() / std::max(1, verticalHeader()->defaultSectionSize());
    m_scrollAnchor = QPersistentModelIndex();
    if (current.isValid() && current.row() >= top && current.row() <= top + visibleRows) {
        m_scrollAnchor = current;
        m_scrollAnchorOffset = current.row() - top;
    } else if (top > 0 || selectionModel()->hasSelection()) {
        m_scrollAnchor = m_model->index(top, 0);
        m_scrollAnchorOffset = 0;
    }
}

void EventTableView::restoreScrollAnchor()
{
    if (m_scrollAnchor.isValid()) {
        doItemsLayout(); // the scroll range must include the new rows before we move in it
        verticalScrollBar()->setValue(std::max(0, m_scrollAnchor.row() - m_scrollAnchorOffset));
    } else if (currentIndex().isValid() && m_scrollAnchorOffset >= 0) {
        scrollTo(currentIndex(), QAbstractItemView::EnsureVisible); // the anchor was filtered away
    }
    m_scrollAnchor = QPersistentModelIndex();
    m_scrollAnchorOffset = -1;
    Q_EMIT rowsSettled();
}

void EventTableView::selectViewRow(int row)
{
    const QModelIndex index = m_model->index(row, 0);
    if (!index.isValid())
        return;
    selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    scrollTo(index, QAbstractItemView::PositionAtCenter);
}

QList<EventColumns::Column> EventTableView::visibleColumns() const
{
    const QHeaderView *header = horizontalHeader();
    QList<EventColumns::Column> columns;
    for (int visual = 0; visual < header->count(); ++visual) {
        const int logical = header->logicalIndex(visual);
        if (!header->isSectionHidden(logical))
            columns.append(EventColumns::Column(logical));
    }
    return columns;
}

void EventTableView::setVisibleColumns(const QList<EventColumns::Column> &columns)
{
    if (columns.isEmpty())
        return; // never a table without columns
    QHeaderView *header = horizontalHeader();
    for (EventColumns::Column column : EventColumns::tableColumns()) {
        const bool visible = columns.contains(column);
        header->setSectionHidden(column, !visible);
        if (visible && header->sectionSize(column) < 20)
            header->resizeSection(column, 120);
    }
    for (int visual = 0; visual < columns.size(); ++visual)
        header->moveSection(header->visualIndex(columns.at(visual)), visual);
    rebuildColumnsMenu();
}

void EventTableView::rebuildColumnsMenu()
{
    QMenu *menu = m_columnsMenu;
    menu->clear();
    QHeaderView *header = horizontalHeader();
    for (EventColumns::Column column : EventColumns::tableColumns()) {
        QAction *action = menu->addAction(EventColumns::title(column));
        action->setCheckable(true);
        action->setChecked(!header->isSectionHidden(column));
        connect(action, &QAction::toggled, this, [this, header, column](bool visible) {
            if (!visible && visibleColumns().size() <= 1) { // never hide the last column
                rebuildColumnsMenu();
                return;
            }
            header->setSectionHidden(column, !visible);
            if (visible && header->sectionSize(column) < 20)
                header->resizeSection(column, 120);
        });
    }
}

QModelIndex EventTableView::moveCursor(CursorAction cursorAction, Qt::KeyboardModifiers modifiers)
{
    // Ctrl+Home and Ctrl+End go to the first and last row of the current sort and stay in the
    // column (QTableView would also jump to the first or last column, scrolling the view sideways).
    const bool jump = modifiers & Qt::ControlModifier;
    if (jump && (cursorAction == MoveHome || cursorAction == MoveEnd) && m_model->rowCount() > 0) {
        const int column = currentIndex().isValid() ? currentIndex().column() : horizontalHeader()->logicalIndex(0);
        return m_model->index(cursorAction == MoveHome ? 0 : m_model->rowCount() - 1, column);
    }
    return QTableView::moveCursor(cursorAction, modifiers);
}

QItemSelectionModel::SelectionFlags EventTableView::selectionCommand(
    const QModelIndex &index, const QEvent *event) const
{
    // In extended selection Ctrl+key moves the current row without selecting it (Ctrl+Space picks
    // rows one by one); Ctrl+Home and Ctrl+End are jumps to the first and last row of the current
    // sort, and the row the detail pane shows must be the highlighted one.
    if (event && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<const QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Home || key->key() == Qt::Key_End)
            && key->modifiers() == Qt::ControlModifier)
            return QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows;
    }
    return QTableView::selectionCommand(index, event);
}

bool EventTableView::hasSelectedRows() const
{
    return selectionModel() && selectionModel()->hasSelection();
}

std::vector<qsizetype> EventTableView::selectedStoreRows() const
{
    QList<int> viewRows;
    for (const QModelIndex &index : selectionModel()->selectedRows())
        viewRows.append(index.row());
    std::sort(viewRows.begin(), viewRows.end());
    std::vector<qsizetype> rows;
    rows.reserve(size_t(viewRows.size()));
    for (int row : viewRows) {
        const qsizetype storeRow = m_model->storeRow(row);
        if (storeRow >= 0)
            rows.push_back(storeRow);
    }
    return rows;
}
