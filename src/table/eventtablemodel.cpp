// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "table/eventtablemodel.h"

#include "filter/eventfilterengine.h"
#include "filter/searchquery.h"
#include "model/eventbatchbuilder.h"
#include "model/eventtext.h"
#include "model/eventtypecatalogue.h"
#include "model/pageprefault.h"
#include "model/workerpools.h"

#include <QCoreApplication>
#include <QLocale>
#include <QtConcurrent/QtConcurrentRun>

#include <numeric>

namespace {

// The severity and source names the API sends, as the table shows them in the user's language
// ("EventLevels" context; the detail pane uses it too). CSV export and search keep the API's words.
[[maybe_unused]] constexpr const char *levelNames[] = {
    QT_TRANSLATE_NOOP("EventLevels", "Info"),
    QT_TRANSLATE_NOOP("EventLevels", "Warn"),
    QT_TRANSLATE_NOOP("EventLevels", "Critical"),
    QT_TRANSLATE_NOOP("EventLevels", "Network"),
    QT_TRANSLATE_NOOP("EventLevels", "Policy Control"),
    QT_TRANSLATE_NOOP("EventLevels", "API"),
};

} // namespace

// A filter/sort run on the worker thread; `cancel` is set when a newer one supersedes it.
struct EventTableModel::Job
{
    std::atomic<bool> cancel { false };
    QFutureWatcher<std::vector<uint32_t>> watcher;
    EventFilter filter;
    int column = EventColumns::Time;
    Qt::SortOrder order = Qt::DescendingOrder;
    bool resort = false; // the sort changed: order all rows first
    std::vector<uint32_t> allRows; // with resort: every store row in the new order
    std::vector<qsizetype> shownPerType; // by the store's type index: EventFilterEngine::filter()
    bool ok = false;
};

EventTableModel::EventTableModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_store(std::make_unique<EventStore>())
{
    m_nowMs = QDateTime::currentMSecsSinceEpoch();
}

EventTableModel::~EventTableModel()
{
    if (m_job) {
        m_job->cancel = true;
        m_job->watcher.waitForFinished();
    }
    // Whoever reads the store on another thread (an export) is stopped and gone by now: the window
    // that runs exports is destroyed before the model.
    Q_ASSERT(!m_store->isReadLocked());
}

int EventTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int EventTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : EventColumns::Id + 1;
}

qsizetype EventTableModel::storeRow(int viewRow) const
{
    return viewRow >= 0 && size_t(viewRow) < m_rows.size() ? qsizetype(m_rows[size_t(viewRow)]) : -1;
}

int EventTableModel::viewRowOfStoreRow(qsizetype storeRow) const
{
    const auto it = std::find(m_rows.begin(), m_rows.end(), uint32_t(storeRow));
    return it == m_rows.end() ? -1 : int(it - m_rows.begin());
}

Event EventTableModel::event(int viewRow) const
{
    const qsizetype row = storeRow(viewRow);
    return row < 0 ? Event {} : m_store->event(row);
}

QString EventTableModel::timeText(qint64 ms) const
{
    const QDateTime utc = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
    switch (m_timeDisplay) {
    case TimeDisplay::AbsoluteUtc:
        return utc.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz 'UTC'"));
    case TimeDisplay::AbsoluteLocal:
        return utc.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
    case TimeDisplay::RelativeLocal:
        break;
    }
    const qint64 seconds = (m_nowMs - ms) / 1000;
    if (seconds < 0)
        return tr("in the future");
    // English plurals spelled out: without a loaded translation, %n would read "minute(s)".
    if (seconds < 60)
        return seconds == 1 ? tr("1 second ago") : tr("%1 seconds ago").arg(seconds);
    if (seconds < 3600)
        return seconds < 120 ? tr("1 minute ago") : tr("%1 minutes ago").arg(seconds / 60);
    if (seconds < 86400)
        return seconds < 7200 ? tr("1 hour ago") : tr("%1 hours ago").arg(seconds / 3600);
    return seconds < 172800 ? tr("1 day ago") : tr("%1 days ago").arg(seconds / 86400);
}

QVariant EventTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() < 0 || size_t(index.row()) >= m_rows.size() || index.column() < 0
        || index.column() >= columnCount())
        return {};
    const qsizetype row = m_rows[size_t(index.row())];
    const auto column = EventColumns::Column(index.column());
    switch (role) {
    case Qt::DisplayRole:
        if (column == EventColumns::Time)
            return timeText(m_store->timestampMs(row));
        if (column == EventColumns::Severity || column == EventColumns::Source)
            return QCoreApplication::translate("EventLevels", EventColumns::text(*m_store, row, column).toUtf8());
        return EventColumns::text(*m_store, row, column);
    case Qt::ToolTipRole:
        if (column == EventColumns::Time)
            return QDateTime::fromMSecsSinceEpoch(m_store->timestampMs(row), Qt::UTC)
                .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz 'UTC'"));
        if (column == EventColumns::Description || column == EventColumns::PerformedBy)
            return EventColumns::text(*m_store, row, column);
        return {};
    case Qt::TextAlignmentRole:
        if (column == EventColumns::Id)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case SortRole:
        switch (column) {
        case EventColumns::Time:
            return m_store->timestampMs(row);
        case EventColumns::Id:
            return m_store->id(row);
        case EventColumns::Severity:
            return m_store->severities()[m_store->severityIndex(row)].id;
        case EventColumns::Source:
            return m_store->sources()[m_store->sourceIndex(row)].id;
        default:
            return EventColumns::text(*m_store, row, column);
        }
    case StoreRowRole:
        return row;
    case EventIdRole:
        return m_store->id(row);
    case SeverityIdRole:
        return int(m_store->severities()[m_store->severityIndex(row)].id);
    case TypeIdRole:
        return int(m_store->types()[m_store->typeIndex(row)].id);
    case HighlightRole:
        return m_highlights;
    default:
        return {};
    }
}

QVariant EventTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= columnCount())
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole)
        return EventColumns::title(EventColumns::Column(section));
    return {};
}

void EventTableModel::setTimeDisplay(TimeDisplay display)
{
    if (display == m_timeDisplay)
        return;
    m_timeDisplay = display;
    if (!m_rows.empty())
        Q_EMIT dataChanged(
            index(0, EventColumns::Time), index(rowCount() - 1, EventColumns::Time), { Qt::DisplayRole });
}

void EventTableModel::setNow(const QDateTime &now)
{
    m_nowMs = now.toMSecsSinceEpoch();
    if (m_timeDisplay == TimeDisplay::RelativeLocal && !m_rows.empty())
        Q_EMIT dataChanged(
            index(0, EventColumns::Time), index(rowCount() - 1, EventColumns::Time), { Qt::DisplayRole });
}

void EventTableModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= columnCount() || (column == m_sortColumn && order == m_sortOrder))
        return;
    m_sortColumn = column;
    m_sortOrder = order;
    startJob();
}

void EventTableModel::setFilter(const EventFilter &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    m_highlights = SearchQuery::parse(filter.text).highlightTexts();
    startJob();
}

void EventTableModel::appendBatch(const EventBatch &batch)
{
    if (batch.liveCount() == 0)
        return;
    if (m_job || m_store->isReadLocked() || !m_pending.empty()) {
        m_pending.push_back(batch);
        return;
    }
    const qsizetype first = m_store->size();
    m_store->append(batch);
    rowsAppended(first);
}

void EventTableModel::appendBatch(EventBatch &&batch)
{
    if (batch.liveCount() == 0)
        return;
    m_pending.push_back(std::move(batch));
    flushPending();
}

void EventTableModel::appendEvents(std::span<const Event> events)
{
    if (!events.empty())
        appendBatch(EventBatchBuilder::build(events));
}

void EventTableModel::reserve(qsizetype totalEvents)
{
    // Reserving moves the columns: not while a worker reads them. Later pages still fit, only
    // with an occasional pause to grow.
    if (m_job || m_store->isReadLocked())
        return;
    const qsizetype capped = std::min<qsizetype>(totalEvents, 50'000'000);
    m_store->reserve(capped);
    m_rows.reserve(size_t(std::max(capped, m_store->size())));
    m_order.reserve(size_t(std::max(capped, m_store->size())));
    m_prefaulted.reset(0);
    prefaultAhead();
}

void EventTableModel::prefaultAhead()
{
    // As the store does for its columns: the next rows' pages mapped before this thread writes them.
    size_t from = 0, to = 0;
    if (!m_prefaulted.advance(m_order.size(), &from, &to))
        return;
    std::vector<PagePrefault::Range> ranges;
    PagePrefault::addSpare(&ranges, m_order, std::min(from, m_order.size()), to);
    PagePrefault::addSpare(&ranges, m_rows, std::min(from, m_rows.size()), to);
    PagePrefault::populateLater(std::move(ranges));
}

void EventTableModel::clear()
{
    if (m_job) {
        m_job->cancel = true;
        m_job->watcher.waitForFinished();
        m_job.reset();
        Q_EMIT busyChanged(false);
    }
    beginResetModel();
    if (m_store->isReadLocked()) {
        // An export still reads the old rows: it keeps them, in a store of its own, until it is
        // done; the table starts over in a new one at once.
        m_retired.push_back(std::move(m_store));
        m_store = std::make_unique<EventStore>();
    } else {
        m_store->clear();
    }
    m_rows.clear();
    m_order.clear();
    m_typeCounts.clear();
    m_shownTypeCounts.clear();
    m_pending.clear();
    endResetModel();
    Q_EMIT storeCleared();
    Q_EMIT rowsShownChanged();
}

EventStore::ReadLock EventTableModel::lockForRead()
{
    // Released on any thread; the model then drops retired stores and adds what waited, on its own.
    return m_store->lockForRead([this] {
        QMetaObject::invokeMethod(this, &EventTableModel::onReadLockReleased, Qt::QueuedConnection);
    });
}

void EventTableModel::onReadLockReleased()
{
    std::erase_if(m_retired, [](const std::unique_ptr<EventStore> &store) { return !store->isReadLocked(); });
    flushPending();
}

void EventTableModel::flushPending()
{
    // While a worker reads the store (a filter job or an export), appending could move its columns.
    if (m_job || m_store->isReadLocked() || m_pending.empty())
        return;
    const qsizetype first = m_store->size();
    for (const EventBatch &batch : m_pending)
        m_store->append(batch);
    m_pending.clear();
    rowsAppended(first);
}

void EventTableModel::rowsAppended(qsizetype firstStoreRow)
{
    for (qsizetype row = firstStoreRow; row < m_store->size(); ++row)
        ++m_typeCounts[int(m_store->types()[m_store->typeIndex(row)].id)];
    insertNewRows(firstStoreRow);
    prefaultAhead();
    Q_EMIT storeRowsAppended(firstStoreRow, m_store->size());
    Q_EMIT rowsShownChanged();
}

void EventTableModel::insertNewRows(qsizetype firstStoreRow)
{
    // New rows join the sorted order of all rows, and those that pass the filter the shown rows.
    // Both keep the order: while pulling newest-first, the new rows go after the last ones.
    std::vector<uint32_t> added(size_t(m_store->size() - firstStoreRow));
    std::iota(added.begin(), added.end(), uint32_t(firstStoreRow));
    const bool atEnd = EventFilterEngine::sortNewRows(*m_store, m_order, added, m_orderColumn, m_orderSort);
    if (atEnd)
        m_order.insert(m_order.end(), added.begin(), added.end());
    else
        m_order = EventFilterEngine::merged(*m_store, m_order, added, m_orderColumn, m_orderSort);

    const EventFilterEngine engine(*m_store, m_filter, EventFilterEngine::Scope::FewRows);
    std::vector<qsizetype> shownPerType;
    const std::vector<uint32_t> shown = engine.filter(added, nullptr, &shownPerType);
    addShownTypeCounts(shownPerType);
    if (shown.empty())
        return;
    if (atEnd) {
        beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + shown.size()) - 1);
        m_rows.insert(m_rows.end(), shown.begin(), shown.end());
        endInsertRows();
        return;
    }
    replaceRows(EventFilterEngine::merged(*m_store, m_rows, shown, m_orderColumn, m_orderSort));
}

void EventTableModel::addShownTypeCounts(const std::vector<qsizetype> &perTypeIndex)
{
    for (size_t index = 0; index < perTypeIndex.size(); ++index) {
        if (perTypeIndex[index] > 0)
            m_shownTypeCounts[int(m_store->types()[index].id)] += perTypeIndex[index];
    }
}

void EventTableModel::replaceRows(std::vector<uint32_t> &&rows)
{
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList persistent = persistentIndexList();
    std::vector<uint32_t> persistentRows;
    persistentRows.reserve(size_t(persistent.size()));
    for (const QModelIndex &index : persistent)
        persistentRows.push_back(m_rows[size_t(index.row())]);
    m_rows = std::move(rows);
    // Selected rows that are still shown stay selected (at their new place); others drop out.
    QHash<uint32_t, int> viewRowOf;
    if (!persistent.isEmpty()) {
        viewRowOf.reserve(persistent.size());
        for (uint32_t storeRow : persistentRows)
            viewRowOf.insert(storeRow, -1);
        for (size_t i = 0; i < m_rows.size(); ++i) {
            auto it = viewRowOf.find(m_rows[i]);
            if (it != viewRowOf.end())
                *it = int(i);
        }
    }
    QModelIndexList updated;
    updated.reserve(persistent.size());
    for (qsizetype i = 0; i < persistent.size(); ++i) {
        const int viewRow = viewRowOf.value(persistentRows[size_t(i)], -1);
        updated.append(viewRow < 0 ? QModelIndex() : index(viewRow, persistent[i].column()));
    }
    changePersistentIndexList(persistent, updated);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

void EventTableModel::startJob()
{
    if (m_job) {
        // A newer request supersedes the running one; start again when it has stopped.
        m_job->cancel = true;
        m_jobAgain = true;
        return;
    }
    m_jobAgain = false;
    m_job = std::make_unique<Job>();
    Job *job = m_job.get();
    job->filter = m_filter;
    job->column = m_sortColumn;
    job->order = m_sortOrder;
    job->resort = m_sortColumn != m_orderColumn || m_sortOrder != m_orderSort;
    connect(&job->watcher, &QFutureWatcherBase::finished, this, &EventTableModel::jobFinished);
    const EventStore *store = m_store.get();
    const std::vector<uint32_t> *order = &m_order; // not changed while the job runs
    job->watcher.setFuture(QtConcurrent::run(WorkerPools::current().jobs(), [store, order, job]() mutable {
        // A filter change scans the rows in their sorted order, so its result needs no sort.
        if (job->resort) {
            job->allRows.resize(order->size());
            std::iota(job->allRows.begin(), job->allRows.end(), 0u);
            if (!EventFilterEngine::sort(*store, job->allRows, job->column, job->order, &job->cancel))
                return std::vector<uint32_t>();
            order = &job->allRows;
        }
        const EventFilterEngine engine(*store, job->filter);
        std::vector<uint32_t> rows = engine.filter(*order, &job->cancel, &job->shownPerType);
        job->ok = !job->cancel;
        return rows;
    }));
    Q_EMIT busyChanged(true);
}

void EventTableModel::jobFinished()
{
    std::unique_ptr<Job> job = std::move(m_job);
    if (job->ok && job->resort) {
        m_order = std::move(job->allRows);
        m_orderColumn = job->column;
        m_orderSort = job->order;
    }
    if (job->ok && !m_jobAgain) {
        m_shownTypeCounts.clear();
        addShownTypeCounts(job->shownPerType);
        replaceRows(job->watcher.future().takeResult());
    }
    if (m_jobAgain) {
        startJob();
        return;
    }
    Q_EMIT busyChanged(false);
    flushPending();
    Q_EMIT rowsShownChanged();
    Q_EMIT filterApplied();
}
