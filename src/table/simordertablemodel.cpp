// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "table/simordertablemodel.h"

#include "table/eventtablemodel.h"

#include <QDateTime>

#include <algorithm>

SimOrderTableModel::SimOrderTableModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_nowMs(QDateTime::currentMSecsSinceEpoch())
{
}

SimOrderTableModel::SimOrderTableModel(EventTableModel *events, QObject *parent)
    : SimOrderTableModel(parent)
{
    connect(events, &EventTableModel::storeRowsAppended, this,
        [this, events](qsizetype first, qsizetype end) { addStoreRows(events->store(), first, end); });
    connect(events, &EventTableModel::storeCleared, this, &SimOrderTableModel::clear);
    if (events->store().size() > 0)
        addStoreRows(events->store(), 0, events->store().size());
}

SimOrderTableModel::~SimOrderTableModel() = default;

int SimOrderTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int SimOrderTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : SimOrderColumns::ColumnCount;
}

const SimOrderRecord *SimOrderTableModel::orderAt(int row) const
{
    if (row < 0 || size_t(row) >= m_rows.size())
        return nullptr;
    return &m_book.orders()[size_t(m_rows[size_t(row)])];
}

int SimOrderTableModel::rowOfOrder(qint64 orderId) const
{
    const int index = m_book.indexOf(orderId);
    return index < 0 || size_t(index) >= m_rowOf.size() ? -1 : m_rowOf[size_t(index)];
}

QVariant SimOrderTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SimOrderRecord *order = orderAt(index.row());
    if (!order)
        return {};
    const auto column = Column(index.column());
    switch (role) {
    case Qt::DisplayRole:
        return SimOrderColumns::text(*order, column, m_context);
    case Qt::ToolTipRole:
        if (column == SimOrderColumns::Submitted && !order->isSubmitLoaded())
            return tr("The order's submit event is older than the loaded events.");
        return {};
    case SortRole:
        return SimOrderColumns::sortValue(*order, column, m_context);
    case OrderIdRole:
        return order->orderId;
    case StatusIdRole:
        return order->statusId;
    case BucketRole:
        return int(bucketOf(*order));
    default:
        return {};
    }
}

QVariant SimOrderTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0
        || section >= SimOrderColumns::ColumnCount)
        return {};
    return SimOrderColumns::title(Column(section));
}

SimOrderTableModel::Bucket SimOrderTableModel::bucketOf(const SimOrderRecord &order)
{
    switch (order.statusId) {
    case SimCardOrder::Submitted:
        return Unpaid;
    case SimCardOrder::Paid:
        return PaidNotShipped;
    case SimCardOrder::Shipped:
        return Shipped;
    case SimCardOrder::Canceled:
        return Canceled;
    default:
        return NoBucket;
    }
}

bool SimOrderTableModel::passes(const SimOrderRecord &order) const
{
    if (std::any_of(m_bucketOn.begin(), m_bucketOn.end(), [](bool on) { return on; })) {
        const Bucket bucket = bucketOf(order);
        if (bucket == NoBucket || !m_bucketOn[bucket])
            return false;
    }
    if (m_recentOnly
        && (order.lastUpdateMs == SimOrderRecord::NoTime || order.lastUpdateMs < m_nowMs - RecentMs))
        return false;
    if (!m_search.isEmpty()) {
        return QString::number(order.orderId).contains(m_search)
            || order.trackingReference.contains(m_search, Qt::CaseInsensitive)
            || order.organisation.name.contains(m_search, Qt::CaseInsensitive);
    }
    return true;
}

bool SimOrderTableModel::lessThan(int a, int b) const
{
    const SimOrderRecord &x = m_book.orders()[size_t(a)];
    const SimOrderRecord &y = m_book.orders()[size_t(b)];
    auto numeric = [&](qint64 p, qint64 q) { return p != q ? (p < q) : (x.orderId < y.orderId); };
    auto textual = [&](const QString &p, const QString &q) {
        const int c = p.compare(q, Qt::CaseInsensitive);
        return c != 0 ? c < 0 : x.orderId < y.orderId;
    };
    switch (m_sortColumn) {
    case SimOrderColumns::OrderId:
        return x.orderId < y.orderId;
    case SimOrderColumns::Status:
        return numeric(x.statusId, y.statusId);
    case SimOrderColumns::Submitted:
        return numeric(x.submittedAtMs, y.submittedAtMs);
    case SimOrderColumns::Paid:
        return numeric(x.paidAtMs, y.paidAtMs);
    case SimOrderColumns::Shipped:
        return numeric(x.shippedAtMs, y.shippedAtMs);
    case SimOrderColumns::LastUpdate:
        return numeric(x.lastUpdateMs, y.lastUpdateMs);
    case SimOrderColumns::Events:
        return numeric(qint64(x.steps.size()), qint64(y.steps.size()));
    case SimOrderColumns::Organisation:
        return textual(x.organisation.name, y.organisation.name);
    case SimOrderColumns::TrackingReference:
        return textual(x.trackingReference, y.trackingReference);
    case SimOrderColumns::Provider:
        return numeric(x.providerId.value_or(-1), y.providerId.value_or(-1));
    default:
        return textual(SimOrderColumns::text(x, Column(m_sortColumn), m_context),
            SimOrderColumns::text(y, Column(m_sortColumn), m_context));
    }
}

void SimOrderTableModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= SimOrderColumns::ColumnCount)
        return;
    m_sortColumn = column;
    m_sortOrder = order;
    sortRows();
}

void SimOrderTableModel::sortRows()
{
    auto less = [this](int a, int b) {
        return m_sortOrder == Qt::AscendingOrder ? lessThan(a, b) : lessThan(b, a);
    };
    if (std::is_sorted(m_rows.begin(), m_rows.end(), less))
        return;
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList persistent = persistentIndexList();
    std::vector<int> persistentOrders;
    persistentOrders.reserve(size_t(persistent.size()));
    for (const QModelIndex &index : persistent)
        persistentOrders.push_back(m_rows[size_t(index.row())]);
    std::sort(m_rows.begin(), m_rows.end(), less);
    rebuildRowOf();
    QModelIndexList updated;
    updated.reserve(persistent.size());
    for (qsizetype i = 0; i < persistent.size(); ++i)
        updated.append(index(m_rowOf[size_t(persistentOrders[size_t(i)])], persistent[i].column()));
    changePersistentIndexList(persistent, updated);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

void SimOrderTableModel::rebuildRowOf()
{
    m_rowOf.assign(m_book.orders().size(), -1);
    for (size_t row = 0; row < m_rows.size(); ++row)
        m_rowOf[size_t(m_rows[row])] = int(row);
}

void SimOrderTableModel::addStoreRows(const EventStore &store, qsizetype first, qsizetype end)
{
    const SimOrderBook::Change change = m_book.addStoreRows(store, first, end);
    if (m_context.earliestLoadedMs != m_book.earliestLoadedMs()) {
        // "submitted before <earliest>" moves back as older pages arrive.
        m_context.earliestLoadedMs = m_book.earliestLoadedMs();
        if (!m_rows.empty())
            Q_EMIT dataChanged(index(0, SimOrderColumns::Submitted),
                index(int(m_rows.size()) - 1, SimOrderColumns::Submitted));
    }
    if (change.isEmpty())
        return;
    m_rowOf.resize(m_book.orders().size(), -1);
    // Updated orders: shown ones that no longer pass leave (one at a time: a page changes few),
    // the others change in place; orders that pass now and were not shown join the new ones.
    std::vector<int> joining;
    for (int order : change.updated) {
        const bool pass = passes(m_book.orders()[size_t(order)]);
        const int row = m_rowOf[size_t(order)];
        if (row >= 0 && !pass) {
            beginRemoveRows({}, row, row);
            m_rows.erase(m_rows.begin() + row);
            rebuildRowOf();
            endRemoveRows();
        } else if (row >= 0) {
            Q_EMIT dataChanged(index(row, 0), index(row, SimOrderColumns::ColumnCount - 1));
        } else if (pass) {
            joining.push_back(order);
        }
    }
    for (int order : change.added) {
        if (passes(m_book.orders()[size_t(order)]))
            joining.push_back(order);
    }
    if (!joining.empty()) {
        const int at = int(m_rows.size());
        beginInsertRows({}, at, at + int(joining.size()) - 1);
        m_rows.insert(m_rows.end(), joining.begin(), joining.end());
        for (size_t i = 0; i < joining.size(); ++i)
            m_rowOf[size_t(joining[i])] = at + int(i);
        endInsertRows();
    }
    sortRows();
    recount();
}

void SimOrderTableModel::clear()
{
    beginResetModel();
    m_book.clear();
    m_rows.clear();
    m_rowOf.clear();
    m_context.earliestLoadedMs = SimOrderRecord::NoTime;
    endResetModel();
    recount();
}

void SimOrderTableModel::refilter()
{
    std::vector<int> rows;
    rows.reserve(m_book.orders().size());
    for (size_t i = 0; i < m_book.orders().size(); ++i) {
        if (passes(m_book.orders()[i]))
            rows.push_back(int(i));
    }
    // A reset is simplest and the orders are few (thousands at a million events); the view keeps
    // its current order through the OrderIdRole it reselects.
    beginResetModel();
    m_rows = std::move(rows);
    auto less = [this](int a, int b) {
        return m_sortOrder == Qt::AscendingOrder ? lessThan(a, b) : lessThan(b, a);
    };
    std::sort(m_rows.begin(), m_rows.end(), less);
    rebuildRowOf();
    endResetModel();
}

void SimOrderTableModel::recount()
{
    Counts counts;
    const qint64 since = m_nowMs - RecentMs;
    for (const SimOrderRecord &order : m_book.orders()) {
        const Bucket bucket = bucketOf(order);
        if (bucket != NoBucket)
            ++counts.buckets[bucket];
        if (order.lastUpdateMs != SimOrderRecord::NoTime && order.lastUpdateMs >= since)
            ++counts.recent;
        ++counts.total;
    }
    if (counts == m_counts)
        return;
    m_counts = counts;
    Q_EMIT countsChanged();
}

void SimOrderTableModel::setBuckets(const QList<Bucket> &buckets)
{
    std::array<bool, BucketCount> on {};
    for (Bucket bucket : buckets) {
        if (bucket >= 0 && bucket < BucketCount)
            on[bucket] = true;
    }
    if (on == m_bucketOn)
        return;
    m_bucketOn = on;
    refilter();
}

QList<SimOrderTableModel::Bucket> SimOrderTableModel::buckets() const
{
    QList<Bucket> buckets;
    for (int b = 0; b < BucketCount; ++b) {
        if (m_bucketOn[size_t(b)])
            buckets.append(Bucket(b));
    }
    return buckets;
}

void SimOrderTableModel::setRecentOnly(bool recentOnly)
{
    if (recentOnly == m_recentOnly)
        return;
    m_recentOnly = recentOnly;
    refilter();
}

void SimOrderTableModel::setSearchText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_search)
        return;
    m_search = trimmed;
    refilter();
}

void SimOrderTableModel::setNowMs(qint64 nowMs)
{
    if (nowMs == m_nowMs)
        return;
    m_nowMs = nowMs;
    recount();
    if (m_recentOnly)
        refilter();
}

void SimOrderTableModel::setProviderNames(const QHash<qint64, QString> &names)
{
    m_context.providerNames = names;
    if (!m_rows.empty())
        Q_EMIT dataChanged(
            index(0, SimOrderColumns::Provider), index(int(m_rows.size()) - 1, SimOrderColumns::Provider));
}
