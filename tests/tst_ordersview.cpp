// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "model/eventtext.h"
#include "table/eventtablemodel.h"
#include "table/simordertablemodel.h"
#include "widgets/ordersview.h"

#include "orderevents.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

// The Orders view as an account manager uses it: click a toggle, click an order, read its timeline.
class TestOrdersView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void clickAnOrderShowsItsTimeline();
    void toggleShowsCountAndFilters_data();
    void toggleShowsCountAndFilters();
    void copyTrackingReferenceAndShowEvents();
    void exportShownOrders();

private:
    void clickRowOf(qint64 orderId);

    std::unique_ptr<EventTableModel> m_events;
    std::unique_ptr<OrdersView> m_view;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

namespace {
constexpr qint64 Now = 1'764'000'000'000;
}

void TestOrdersView::init()
{
    m_events = std::make_unique<EventTableModel>();
    m_view = std::make_unique<OrdersView>();
    m_view->setEventModel(m_events.get());
    m_view->setNowMs(Now);
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_view->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_view->resize(1200, 600);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    m_events->appendEvents(OrderEvents::smallAccount(Now));
    QTRY_COMPARE(m_view->model()->rowCount(), 6);
}

void TestOrdersView::cleanup()
{
    m_tester.reset();
    m_view.reset();
    m_events.reset();
}

void TestOrdersView::clickRowOf(qint64 orderId)
{
    QTableView *table = m_view->tableView();
    const int row = m_view->model()->rowOfOrder(orderId);
    QVERIFY(row >= 0);
    const QModelIndex index = m_view->model()->index(row, SimOrderColumns::OrderId);
    table->scrollTo(index);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(index).center());
    QTRY_COMPARE(m_view->currentOrderId().value_or(-1), orderId);
}

void TestOrdersView::clickAnOrderShowsItsTimeline()
{
    clickRowOf(503);
    const QString timeline = m_view->timelineText();
    const QString sampleUser = QStringLiteral("Action performed by: Sample User, abc@cde.com. (User ID: 5)");
    QVERIFY2(timeline.contains(QLatin1String("Order 503")), qPrintable(timeline));
    QVERIFY2(timeline.contains(QLatin1String("tracking reference REF-503")), qPrintable(timeline));
    // Each event: time, status change, who did it.
    QVERIFY2(timeline.contains(QLatin1String("Submitted")), qPrintable(timeline));
    QVERIFY2(timeline.contains(QStringLiteral("Submitted → Paid")), qPrintable(timeline));
    QVERIFY2(timeline.contains(QStringLiteral("Paid → Shipped")), qPrintable(timeline));
    QCOMPARE(timeline.count(sampleUser), 2); // submitted and shipped by a user
    QVERIFY2(timeline.contains(EventText::noUserExplanation()), qPrintable(timeline)); // paid: nobody
    QVERIFY2(timeline.contains(
                 SimOrderColumns::timeText(Now - 2 * OrderEvents::Day, SimOrderColumns::Format::Display)),
        qPrintable(timeline));
    // No carrier name is invented.
    QVERIFY2(timeline.contains(QLatin1String("provider 2")), qPrintable(timeline));

    // Another order replaces it.
    clickRowOf(501);
    QVERIFY2(!m_view->timelineText().contains(QLatin1String("REF-503")), qPrintable(m_view->timelineText()));
    QVERIFY2(m_view->timelineText().contains(QLatin1String("Order 501")), qPrintable(m_view->timelineText()));
}

void TestOrdersView::toggleShowsCountAndFilters_data()
{
    QTest::addColumn<int>("toggle");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QList<qint64>>("shown");
    QTest::newRow("unpaid") << int(SimOrderTableModel::Unpaid) << "Submitted (unpaid) 1"
                            << QList<qint64> { 501 };
    QTest::newRow("paid") << int(SimOrderTableModel::PaidNotShipped) << "Paid (not shipped) 1"
                          << QList<qint64> { 502 };
    QTest::newRow("shipped") << int(SimOrderTableModel::Shipped) << "Shipped 2" << QList<qint64> { 503, 506 };
    QTest::newRow("canceled") << int(SimOrderTableModel::Canceled) << "Canceled 1" << QList<qint64> { 504 };
    QTest::newRow("recent") << int(SimOrderTableModel::BucketCount) << "Updated in the last 7 days 3"
                            << QList<qint64> { 503, 504, 505 };
}

void TestOrdersView::toggleShowsCountAndFilters()
{
    QFETCH(int, toggle);
    QFETCH(QString, text);
    QFETCH(QList<qint64>, shown);
    QToolButton *button = m_view->toggle(toggle);
    QCOMPARE(button->text(), text);
    QTest::mouseClick(button, Qt::LeftButton); // one click
    QVERIFY(button->isChecked());
    QList<qint64> ids;
    for (int row = 0; row < m_view->model()->rowCount(); ++row)
        ids << m_view->model()->index(row, 0).data(SimOrderTableModel::OrderIdRole).toLongLong();
    std::sort(ids.begin(), ids.end());
    QCOMPARE(ids, shown);
    QTest::mouseClick(button, Qt::LeftButton);
    QCOMPARE(m_view->model()->rowCount(), 6);
}

void TestOrdersView::copyTrackingReferenceAndShowEvents()
{
    clickRowOf(506);
    auto *copy = m_view->findChild<QToolButton *>(QStringLiteral("copyTrackingButton"));
    QVERIFY(copy && copy->isEnabled());
    QTest::mouseClick(copy, Qt::LeftButton);
    QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("REF-506"));

    QSignalSpy show(m_view.get(), &OrdersView::showEventsRequested);
    auto *link = m_view->findChild<QLabel *>(QStringLiteral("showEventsLabel"));
    QVERIFY(link && link->text().contains(QLatin1String("3 event")));
    Q_EMIT link->linkActivated(QStringLiteral("events"));
    QCOMPARE(show.count(), 1);
    QCOMPARE(show.at(0).at(0).toLongLong(), qint64(506));

    // An unpaid order has nothing to copy.
    clickRowOf(501);
    QVERIFY(!copy->isEnabled());
}

void TestOrdersView::exportShownOrders()
{
    QTest::mouseClick(m_view->toggle(SimOrderTableModel::Shipped), Qt::LeftButton);
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("orders.csv"));
    QString error;
    QVERIFY2(m_view->exportToFile(file, false, &error), qPrintable(error));
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = f.readAll().split('\n');
    QCOMPARE(lines.value(0).trimmed(),
        QByteArray(
            "order_id,organisation,status,submitted,submitted_by,paid,shipped,provider,tracking_reference,"
            "last_update,events"));
    QCOMPARE(lines.size(), 4); // header, two orders, the final line end
    QVERIFY(lines.value(1).startsWith("503,Acme Fleet,Shipped,")
        || lines.value(2).startsWith("503,Acme Fleet,Shipped,"));

    // Ctrl+C copies the selected ones.
    clickRowOf(506);
    QTest::keySequence(m_view->tableView(), QKeySequence::Copy);
    QVERIFY2(QApplication::clipboard()->text().contains(QLatin1String("506\tBeta Logistics\tShipped")),
        qPrintable(QApplication::clipboard()->text()));
}

QTEST_MAIN(TestOrdersView)
#include "tst_ordersview.moc"
