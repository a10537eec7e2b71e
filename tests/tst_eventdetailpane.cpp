// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "api/eventparser.h"
#include "model/eventtext.h"
#include "sim/accountgenerator.h"
#include "widgets/eventdetailpane.h"
#include "model/simcardorder.h"
#include "testdata.h"

#include <QFile>
#include <QLabel>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTreeWidget>

// The viewer and the simulator must read order status ids the same way (both undocumented).
static_assert(int(SimCardOrder::Paid) == int(AccountGenerator::OrderPaid));
static_assert(int(SimCardOrder::Shipped) == int(AccountGenerator::OrderShipped));
static_assert(int(SimCardOrder::Canceled) == int(AccountGenerator::OrderCanceled));

class TestEventDetailPane : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void performedByWithUser();
    void performedByWithoutUser();
    void orderSubmitted();
    void orderShipped();
    void noOrderBoxForOtherTypes();
    void payloadTreeAndRawJson();
    void links_data();
    void links();
    void clearShowsPlaceholder();
    void orderLinkOpensOrdersView();
    void providerNamedOnlyByTheUser();

private:
    std::vector<Event> m_events;
};

void TestEventDetailPane::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_events = TestData::docExamples();
    QCOMPARE(m_events[57].type.id, 38);
}

void TestEventDetailPane::performedByWithUser()
{
    EventDetailPane pane;
    pane.setEvent(m_events[57]);
    QCOMPARE(pane.performedByText(),
        QStringLiteral("Action performed by: Sample User, abc@cde.com. (User ID: 123456)"));
    QVERIFY(pane.titleText().contains(QLatin1String("Order submitted")));
    QVERIFY(pane.titleText().contains(QLatin1String("Info")));
}

void TestEventDetailPane::performedByWithoutUser()
{
    QVERIFY(!m_events[0].user.has_value());
    EventDetailPane pane;
    pane.setEvent(m_events[0]);
    QCOMPARE(pane.performedByText(), EventText::noUserExplanation());
}

void TestEventDetailPane::orderSubmitted()
{
    EventDetailPane pane;
    pane.setEvent(m_events[57]);
    const QString order = pane.orderText();
    QVERIFY2(order.contains(QLatin1String("16235491")), qPrintable(order));
    QVERIFY2(order.contains(QLatin1String("Submitted")), qPrintable(order));
    QVERIFY(!order.contains(QLatin1String("Tracking")));
}

void TestEventDetailPane::orderShipped()
{
    const Event &event = m_events[58];
    QCOMPARE(event.type.id, 39);
    EventDetailPane pane;
    pane.setEvent(event);
    const QString order = pane.orderText();
    QVERIFY2(order.contains(QLatin1String("16235491")), qPrintable(order));
    QVERIFY2(order.contains(QLatin1String("Shipped")), qPrintable(order));
    QVERIFY2(order.contains(QLatin1String("TRACKING CODE")), qPrintable(order));
    QVERIFY2(order.contains(QLatin1String("provider ID 1")), qPrintable(order));
    QVERIFY2(order.contains(QLatin1String("2021-12-20 08:00")), qPrintable(order));

    Event canceled = event;
    canceled.detailJson = R"({"id":77,"status":{"id":3}})";
    pane.setEvent(canceled);
    QVERIFY2(pane.orderText().contains(QLatin1String("Canceled")), qPrintable(pane.orderText()));
    QVERIFY(!pane.orderText().contains(QLatin1String("Shipped")));
}

void TestEventDetailPane::noOrderBoxForOtherTypes()
{
    EventDetailPane pane;
    pane.setEvent(m_events[57]);
    QVERIFY(!pane.orderText().isEmpty());
    pane.setEvent(m_events[2]);
    QVERIFY(pane.orderText().isEmpty());
}

void TestEventDetailPane::payloadTreeAndRawJson()
{
    EventDetailPane pane;
    pane.setEvent(m_events[58]);
    const QString raw = pane.rawJson();
    QVERIFY(raw.contains(QLatin1String("\"ext_shipping_reference\": \"TRACKING CODE\"")));
    QVERIFY(raw.contains(QLatin1String("213516899172361"))); // a 15-digit id, exact
    auto *tree = pane.findChild<QTreeWidget *>(QStringLiteral("payloadTree"));
    QVERIFY(tree);
    const QList<QTreeWidgetItem *> detail = tree->findItems(QStringLiteral("detail"), Qt::MatchExactly);
    QCOMPARE(detail.size(), 1);
    QStringList keys;
    for (int i = 0; i < detail.first()->childCount(); ++i)
        keys << detail.first()->child(i)->text(0);
    QVERIFY2(keys.contains(QLatin1String("shipped_with_provider_id")), qPrintable(keys.join(',')));
    QVERIFY(detail.first()->isExpanded());
}

void TestEventDetailPane::links_data()
{
    QTest::addColumn<QString>("link");
    QTest::addColumn<EventDetailPane::Pin>("pin");
    QTest::addColumn<qint64>("id");
    QTest::newRow("organisation") << QStringLiteral("pin:organisation:654321")
                                  << EventDetailPane::Pin::Organisation << qint64(654321);
    QTest::newRow("user") << QStringLiteral("pin:user:123456") << EventDetailPane::Pin::User
                          << qint64(123456);
    QTest::newRow("order") << QStringLiteral("pin:order:16235491") << EventDetailPane::Pin::Order
                           << qint64(16235491);
}

void TestEventDetailPane::links()
{
    QFETCH(QString, link);
    QFETCH(EventDetailPane::Pin, pin);
    QFETCH(qint64, id);
    EventDetailPane pane;
    pane.setEvent(m_events[57]);
    auto *related = pane.findChild<QLabel *>(QStringLiteral("relatedLabel"));
    auto *order = pane.findChild<QLabel *>(QStringLiteral("orderLabel"));
    QVERIFY(related && order);
    // The link must really be on the pane, not only understood by it.
    QVERIFY2((related->text() + order->text()).contains(QStringLiteral("href=\"%1\"").arg(link)),
        qPrintable(related->text()));
    QSignalSpy spy(&pane, &EventDetailPane::pinRequested);
    Q_EMIT(pin == EventDetailPane::Pin::Order ? order : related)->linkActivated(link);
    QCOMPARE(spy.size(), 1);
    QCOMPARE(spy.at(0).at(0).value<EventDetailPane::Pin>(), pin);
    QCOMPARE(spy.at(0).at(1).toLongLong(), id);
}

void TestEventDetailPane::clearShowsPlaceholder()
{
    EventDetailPane pane;
    pane.setEvent(m_events[57]);
    QCOMPARE(pane.eventId(), std::optional<qint64>(213775802007594));
    pane.clear();
    QVERIFY(!pane.eventId().has_value());
    QVERIFY(pane.rawJson().isEmpty());
}

void TestEventDetailPane::orderLinkOpensOrdersView()
{
    EventDetailPane pane;
    pane.setEvent(m_events[58]);
    auto *order = pane.findChild<QLabel *>(QStringLiteral("orderLabel"));
    QVERIFY(order);
    QVERIFY2(order->text().contains(QLatin1String("href=\"orders:16235491\"")), qPrintable(order->text()));
    QVERIFY2(pane.orderText().contains(QLatin1String("Open in Orders view")), qPrintable(pane.orderText()));
    QSignalSpy open(&pane, &EventDetailPane::orderViewRequested);
    QSignalSpy pin(&pane, &EventDetailPane::pinRequested);
    Q_EMIT order->linkActivated(QStringLiteral("orders:16235491"));
    QCOMPARE(open.count(), 1);
    QCOMPARE(open.at(0).at(0).toLongLong(), qint64(16235491));
    QCOMPARE(pin.count(), 0); // it opens the order, it does not narrow the table
}

void TestEventDetailPane::providerNamedOnlyByTheUser()
{
    EventDetailPane pane;
    pane.setEvent(m_events[58]);
    QVERIFY2(!pane.orderText().contains(QLatin1String("UPS")), qPrintable(pane.orderText()));
    pane.setProviderNames({ { 1, QStringLiteral("Acme Post") } });
    pane.setEvent(m_events[58]);
    QVERIFY2(pane.orderText().contains(QLatin1String("Acme Post (provider ID 1)")), qPrintable(pane.orderText()));
}

QTEST_MAIN(TestEventDetailPane)
#include "tst_eventdetailpane.moc"
