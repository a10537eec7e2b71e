// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "filter/eventfilter.h"
#include "model/event.h"
#include "model/eventcolumns.h"
#include "model/eventstore.h"
#include "model/pageprefault.h"
#include "model/timedisplay.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QFutureWatcher>
#include <QHash>
#include <QStringList>

#include <atomic>
#include <memory>
#include <span>
#include <vector>

struct FilterOutcome;

// The event table: the rows of an EventStore that pass an EventFilter, in a chosen order, as a plain
// vector of store rows (no per-row proxy mapping: a million rows filter and sort in milliseconds).
// All rows are kept sorted as well, so that a filter change is one scan with no sort.
// Filtering and sorting run on a worker thread; a newer request cancels an older one, and the
// result is swapped in on the GUI thread with persistent indexes (selection) kept.
// Events that arrive while a job reads the store wait in a queue and are added right after it.
class EventTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventTableModel)

public:
    enum Role {
        SortRole = Qt::UserRole, // the raw value a column sorts by
        StoreRowRole, // the row in the EventStore (qsizetype)
        EventIdRole, // qint64
        SeverityIdRole, // int
        TypeIdRole, // int
        HighlightRole, // QStringList: the texts the search matches, to mark in the cells
    };
    using TimeDisplay = ::TimeDisplay;

    explicit EventTableModel(QObject *parent = nullptr);
    ~EventTableModel() override;

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    [[nodiscard]] const EventStore &store() const { return *m_store; }
    [[nodiscard]] qsizetype storeRow(int viewRow) const; // -1 when out of range
    [[nodiscard]] int viewRowOfStoreRow(qsizetype storeRow) const; // -1 when not shown
    [[nodiscard]] const std::vector<uint32_t> &visibleRows() const { return m_rows; }
    [[nodiscard]] Event event(int viewRow) const;

    // A parsed page (see EventBatch): copied into the store at once, or kept until a worker that
    // reads the store is done.
    void appendBatch(const EventBatch &batch);
    void appendBatch(EventBatch &&batch);
    void appendEvents(std::span<const Event> events); // single events (tests, tools)
    // Room for this many events in all (a pull's X-Total-Count): appends up to there never pause
    // to grow the store. Fewer than are loaded already: nothing happens.
    void reserve(qsizetype totalEvents);
    void clear();

    void setFilter(const EventFilter &filter);
    [[nodiscard]] const EventFilter &filter() const { return m_filter; }
    // What the search matches, to mark (HighlightRole): SearchQuery::highlightTexts() of the filter.
    [[nodiscard]] const QStringList &highlightTexts() const { return m_highlights; }
    [[nodiscard]] int sortColumn() const { return m_sortColumn; }
    [[nodiscard]] Qt::SortOrder sortOrder() const { return m_sortOrder; }
    [[nodiscard]] bool isBusy() const { return m_job != nullptr; } // a filter/sort job is running

    void setTimeDisplay(TimeDisplay display);
    [[nodiscard]] TimeDisplay timeDisplay() const { return m_timeDisplay; }
    void setNow(const QDateTime &now); // the "now" relative times are measured from (tests; a timer)
    // The Time column's text for this instant in the current display.
    [[nodiscard]] QString timeText(qint64 ms) const;

    // Loaded events per type id, over the whole store (not just the shown rows).
    [[nodiscard]] const QHash<int, qsizetype> &typeCounts() const { return m_typeCounts; }
    // Per type id, the loaded events that pass the filter's other criteria (search, severity, source,
    // time, pins) whether or not their type is ticked: what the category tree shows as "shown".
    // Counted by the filter pass itself, as of the last filter that was applied.
    [[nodiscard]] const QHash<int, qsizetype> &shownTypeCounts() const { return m_shownTypeCounts; }

    // For a reader on another thread (an export): while the lock is held, appends wait and a
    // clear() leaves the locked rows to the reader. Release it on any thread.
    [[nodiscard]] EventStore::ReadLock lockForRead();

Q_SIGNALS:
    void rowsShownChanged(); // loaded/shown counts changed
    void filterApplied(); // the last requested filter/sort is now what the table shows
    void busyChanged(bool busy);
    // Rows [first, end) just went into the store (whether shown or not); others fold them too
    // (SimOrderTableModel). A clear() says storeCleared().
    void storeRowsAppended(qsizetype first, qsizetype end);
    void storeCleared();

private:
    struct Job;
    void startJob();
    void jobFinished();
    void flushPending();
    void rowsAppended(qsizetype firstStoreRow);
    void insertNewRows(qsizetype firstStoreRow);
    void replaceRows(std::vector<uint32_t> &&rows); // a layout change that keeps persistent indexes
    void prefaultAhead();
    void addShownTypeCounts(const std::vector<qsizetype> &perTypeIndex);

    void onReadLockReleased();

    std::unique_ptr<EventStore> m_store;
    std::vector<std::unique_ptr<EventStore>> m_retired; // cleared while read-locked; freed when released
    std::vector<uint32_t> m_order; // every store row, sorted by m_orderColumn / m_orderSort
    int m_orderColumn = EventColumns::Time;
    Qt::SortOrder m_orderSort = Qt::DescendingOrder;
    std::vector<uint32_t> m_rows; // the shown rows: those of m_order that pass m_filter, in its order
    PagePrefault::AheadMark m_prefaulted; // how far m_order's and m_rows' pages are mapped
    EventFilter m_filter;
    QStringList m_highlights; // SearchQuery::highlightTexts() of m_filter's text
    int m_sortColumn = EventColumns::Time;
    Qt::SortOrder m_sortOrder = Qt::DescendingOrder;
    TimeDisplay m_timeDisplay = TimeDisplay::RelativeLocal;
    qint64 m_nowMs = 0;
    QHash<int, qsizetype> m_typeCounts;
    QHash<int, qsizetype> m_shownTypeCounts;
    std::vector<EventBatch> m_pending;
    std::unique_ptr<Job> m_job;
    bool m_jobAgain = false; // filter or sort changed while a job ran
};
