// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "model/simorderbook.h"
#include "model/simordercolumns.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QString>

#include <array>
#include <vector>

class EventStore;
class EventTableModel;

// The Orders view's table: one row per SIM order, folded (SimOrderBook) from the events the event
// table's store receives, page by page, as they land there (no rebuild per page). Quick filters by
// status bucket and recent updates, a search over order id, tracking reference and organisation,
// and a sort by any column, over a plain vector of shown orders.
// Lives on the GUI thread with the event table model it follows.
class SimOrderTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SimOrderTableModel)

public:
    using Column = SimOrderColumns::Column;
    enum Role {
        SortRole = Qt::UserRole, // the raw value a column sorts by
        OrderIdRole, // qint64
        StatusIdRole, // int: SimCardOrder::Status or an unknown id; -1 when none was given
        BucketRole, // int: Bucket
    };
    // The quick filters' groups. An order with an unknown status id is in none of them.
    enum Bucket { Unpaid, PaidNotShipped, Shipped, Canceled, BucketCount, NoBucket = BucketCount };
    static constexpr qint64 RecentMs = 7 * 24 * 3600 * 1000LL; // "updated in the last 7 days"

    struct Counts
    {
        std::array<int, BucketCount> buckets {};
        int recent = 0; // updated in the last 7 days
        int total = 0;
        friend bool operator==(const Counts &, const Counts &) = default;
    };

    explicit SimOrderTableModel(QObject *parent = nullptr);
    // Follows this model's store: its appended rows are folded in, a clear() clears the orders.
    explicit SimOrderTableModel(EventTableModel *events, QObject *parent = nullptr);
    ~SimOrderTableModel() override;

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    // Rows [first, end) of a store, just appended (what EventTableModel::storeRowsAppended says).
    void addStoreRows(const EventStore &store, qsizetype first, qsizetype end);
    void clear();

    [[nodiscard]] const SimOrderBook &book() const { return m_book; }
    [[nodiscard]] const SimOrderRecord *orderAt(int row) const; // nullptr when out of range
    [[nodiscard]] int rowOfOrder(qint64 orderId) const; // -1 when not shown
    [[nodiscard]] const SimOrderColumns::Context &context() const { return m_context; }
    [[nodiscard]] Counts counts() const { return m_counts; } // over all loaded orders
    [[nodiscard]] static Bucket bucketOf(const SimOrderRecord &order);

    // Shown: orders in any of these buckets (none: every order), updated recently if asked, and
    // matching the search.
    void setBuckets(const QList<Bucket> &buckets);
    [[nodiscard]] QList<Bucket> buckets() const;
    void setRecentOnly(bool recentOnly);
    [[nodiscard]] bool isRecentOnly() const { return m_recentOnly; }
    void setSearchText(const QString &text);
    [[nodiscard]] QString searchText() const { return m_search; }
    void setNowMs(qint64 nowMs); // what "the last 7 days" counts back from
    void setProviderNames(const QHash<qint64, QString> &names);
    [[nodiscard]] int sortColumn() const { return m_sortColumn; }
    [[nodiscard]] Qt::SortOrder sortOrder() const { return m_sortOrder; }

Q_SIGNALS:
    void countsChanged();

private:
    [[nodiscard]] bool passes(const SimOrderRecord &order) const;
    [[nodiscard]] bool lessThan(int a, int b) const; // book indices, by the sort column
    void refilter(); // a filter change: the shown rows again, selection kept where still shown
    void sortRows(); // a layout change that keeps persistent indexes
    void recount();
    void rebuildRowOf();

    SimOrderBook m_book;
    std::vector<int> m_rows; // shown orders: indices into m_book.orders(), in sort order
    std::vector<int> m_rowOf; // book index -> shown row, or -1
    SimOrderColumns::Context m_context;
    Counts m_counts;
    std::array<bool, BucketCount> m_bucketOn {};
    bool m_recentOnly = false;
    QString m_search;
    qint64 m_nowMs = 0;
    int m_sortColumn = SimOrderColumns::LastUpdate;
    Qt::SortOrder m_sortOrder = Qt::DescendingOrder;
};
