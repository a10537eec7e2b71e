// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "table/eventtablemodel.h"
#include "table/simordertablemodel.h"

#include "orderevents.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

// The Orders view's model: fed by the event table's pages, its quick filters and their counts,
// search and sort, with a model tester watching every change.
class TestSimOrderTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void followsTheEventTable();
    void quickFilters_data();
    void quickFilters();
    void search_data();
    void search();
    void sortByEveryColumn_data();
    void sortByEveryColumn();
    void selectionFollowsAnUpdatedOrder();

private:
    std::unique_ptr<EventTableModel> m_events;
    std::unique_ptr<SimOrderTableModel> m_orders;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

namespace {

constexpr qint64 Hour = 3600 * 1000;
constexpr qint64 Day = 24 * Hour;
constexpr qint64 Now = 1'764'000'000'000;

Event orderEvent(qint64 id, qint64 ts, int type, const QByteArray &detail, const QString &org)
{
    return OrderEvents::event(id, ts, type, detail, org);
}

QByteArray status(int order, int status, const QByteArray &extra = {})
{
    return OrderEvents::update(order, status, extra);
}

QList<qint64> shownOrders(const SimOrderTableModel &model)
{
    QList<qint64> ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids << model.index(row, 0).data(SimOrderTableModel::OrderIdRole).toLongLong();
    std::sort(ids.begin(), ids.end());
    return ids;
}

} // namespace

void TestSimOrderTableModel::init()
{
    m_events = std::make_unique<EventTableModel>();
    m_orders = std::make_unique<SimOrderTableModel>(m_events.get());
    m_orders->setNowMs(Now);
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_orders.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    // Pages of three, newest first, as a pull delivers them.
    std::vector<Event> events = OrderEvents::smallAccount(Now);
    std::reverse(events.begin(), events.end());
    for (size_t first = 0; first < events.size(); first += 3)
        m_events->appendEvents(std::span(events).subspan(first, std::min<size_t>(3, events.size() - first)));
    QTRY_COMPARE(m_events->store().size(), qsizetype(events.size()));
}

void TestSimOrderTableModel::cleanup()
{
    m_tester.reset();
    m_orders.reset();
    m_events.reset();
}

void TestSimOrderTableModel::followsTheEventTable()
{
    QCOMPARE(m_orders->rowCount(), 6);
    QCOMPARE(shownOrders(*m_orders), (QList<qint64> { 501, 502, 503, 504, 505, 506 }));
    // A later page updates an order in place and adds one.
    QSignalSpy counts(m_orders.get(), &SimOrderTableModel::countsChanged);
    const std::vector<Event> page { orderEvent(20, Now - 30 * 60000, 39, status(502, 2),
                                        QStringLiteral("Beta Logistics")),
        orderEvent(21, Now - 20 * 60000, 38, "{\"id\":507}", QStringLiteral("Acme Fleet")) };
    m_events->appendEvents(page);
    QCOMPARE(m_orders->rowCount(), 7);
    QCOMPARE(m_orders->book().order(502)->statusId, int(SimCardOrder::Shipped));
    QCOMPARE(counts.count(), 1);
    const SimOrderTableModel::Counts c = m_orders->counts();
    QCOMPARE(c.buckets[SimOrderTableModel::Unpaid], 2);
    QCOMPARE(c.buckets[SimOrderTableModel::Shipped], 3);
    // A new time range: the event table clears, so do the orders.
    m_events->clear();
    QCOMPARE(m_orders->rowCount(), 0);
    QCOMPARE(m_orders->counts().total, 0);
}

void TestSimOrderTableModel::quickFilters_data()
{
    QTest::addColumn<QList<SimOrderTableModel::Bucket>>("buckets");
    QTest::addColumn<bool>("recent");
    QTest::addColumn<QList<qint64>>("shown");
    QTest::addColumn<int>("count"); // the toggle's count (the first bucket's, or recent's)
    using M = SimOrderTableModel;
    QTest::newRow("unpaid") << QList<M::Bucket> { M::Unpaid } << false << QList<qint64> { 501 } << 1;
    QTest::newRow("paid, not shipped")
        << QList<M::Bucket> { M::PaidNotShipped } << false << QList<qint64> { 502 } << 1;
    QTest::newRow("shipped") << QList<M::Bucket> { M::Shipped } << false << QList<qint64> { 503, 506 } << 2;
    QTest::newRow("canceled") << QList<M::Bucket> { M::Canceled } << false << QList<qint64> { 504 } << 1;
    QTest::newRow("shipped this week")
        << QList<M::Bucket> { M::Shipped } << true << QList<qint64> { 503 } << 2;
    QTest::newRow("unpaid or canceled")
        << QList<M::Bucket> { M::Unpaid, M::Canceled } << false << QList<qint64> { 501, 504 } << 1;
    QTest::newRow("updated in the last 7 days")
        << QList<M::Bucket> {} << true << QList<qint64> { 503, 504, 505 } << 3;
    QTest::newRow("none: every order")
        << QList<M::Bucket> {} << false << QList<qint64> { 501, 502, 503, 504, 505, 506 } << 6;
}

void TestSimOrderTableModel::quickFilters()
{
    QFETCH(QList<SimOrderTableModel::Bucket>, buckets);
    QFETCH(bool, recent);
    QFETCH(QList<qint64>, shown);
    QFETCH(int, count);
    m_orders->setBuckets(buckets);
    m_orders->setRecentOnly(recent);
    QCOMPARE(shownOrders(*m_orders), shown);
    const SimOrderTableModel::Counts counts = m_orders->counts();
    if (!buckets.isEmpty())
        QCOMPARE(counts.buckets[buckets.front()], count);
    else if (recent)
        QCOMPARE(counts.recent, count);
    else
        QCOMPARE(counts.total, count);
}

void TestSimOrderTableModel::search_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QList<qint64>>("shown");
    QTest::newRow("order id") << "503" << QList<qint64> { 503 };
    QTest::newRow("tracking reference, any case") << "ref-506" << QList<qint64> { 506 };
    QTest::newRow("organisation") << "beta" << QList<qint64> { 502, 504, 506 };
    QTest::newRow("nothing") << "zzz" << QList<qint64> {};
}

void TestSimOrderTableModel::search()
{
    QFETCH(QString, text);
    QFETCH(QList<qint64>, shown);
    m_orders->setSearchText(text);
    QCOMPARE(shownOrders(*m_orders), shown);
    m_orders->setSearchText(QString());
    QCOMPARE(m_orders->rowCount(), 6);
}

void TestSimOrderTableModel::sortByEveryColumn_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<Qt::SortOrder>("order");
    for (int c = 0; c < SimOrderColumns::ColumnCount; ++c) {
        const QString name = SimOrderColumns::key(SimOrderColumns::Column(c));
        QTest::newRow(qPrintable(name + QStringLiteral(" up"))) << c << Qt::AscendingOrder;
        QTest::newRow(qPrintable(name + QStringLiteral(" down"))) << c << Qt::DescendingOrder;
    }
}

void TestSimOrderTableModel::sortByEveryColumn()
{
    QFETCH(int, column);
    QFETCH(Qt::SortOrder, order);
    m_orders->sort(column, order);
    QCOMPARE(m_orders->rowCount(), 6);
    for (int row = 1; row < m_orders->rowCount(); ++row) {
        const QVariant a = m_orders->index(row - 1, column).data(SimOrderTableModel::SortRole);
        const QVariant b = m_orders->index(row, column).data(SimOrderTableModel::SortRole);
        const QPartialOrdering cmp = QVariant::compare(a, b);
        const bool ok = a.typeId() == QMetaType::QString
            ? (order == Qt::AscendingOrder ? a.toString().compare(b.toString(), Qt::CaseInsensitive) <= 0
                                           : a.toString().compare(b.toString(), Qt::CaseInsensitive) >= 0)
            : (order == Qt::AscendingOrder ? cmp != QPartialOrdering::Greater
                                           : cmp != QPartialOrdering::Less);
        QVERIFY2(
            ok, qPrintable(QStringLiteral("row %1: %2 then %3").arg(row).arg(a.toString(), b.toString())));
    }
}

void TestSimOrderTableModel::selectionFollowsAnUpdatedOrder()
{
    m_orders->sort(SimOrderColumns::LastUpdate, Qt::DescendingOrder);
    const QPersistentModelIndex selected(m_orders->index(m_orders->rowOfOrder(501), 0));
    QVERIFY(selected.isValid());
    // 501 gets paid now: it moves to the top, and the index follows it.
    const std::vector<Event> page { orderEvent(
        30, Now - 60000, 39, status(501, 1), QStringLiteral("Acme Fleet")) };
    m_events->appendEvents(page);
    QCOMPARE(m_orders->rowOfOrder(501), 0);
    QCOMPARE(selected.row(), 0);
    QCOMPARE(selected.data(SimOrderTableModel::OrderIdRole).toLongLong(), qint64(501));
    QCOMPARE(m_orders->index(0, SimOrderColumns::Status).data().toString(), QStringLiteral("Paid"));
}

QTEST_GUILESS_MAIN(TestSimOrderTableModel)
#include "tst_simordertablemodel.moc"
