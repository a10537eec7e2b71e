// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "api/eventparser.h"
#include "model/eventtext.h"
#include "model/payloadsecrets.h"
#include "model/simcardorder.h"
#include "sim/accountgenerator.h"
#include "widgets/eventdetailpane.h"
#include "widgets/highlightdelegate.h"

#include "testdata.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QHeaderView>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QScrollBar>
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
    void numbersBeyondADoubleAreShown();
    void links_data();
    void links();
    void clearShowsPlaceholder();
    void linkLabelIsPlainText();
    void smallPaneScrollsAndShowsValues();
    void secretsMasked_data();
    void secretsMasked();
    void revealOnRequestIsForgotten();
    void copiesGiveTheMarker();
    void orderLinkOpensOrdersView();
    void providerNamedOnlyByTheUser();
    void searchMatchesMarked();
    void highlightRuns_data();
    void highlightRuns();

private:
    std::vector<Event> m_events;
    qsizetype m_generatedReset = -1; // a simulated "Password reset requested" in m_events
};

namespace {

QTreeWidgetItem *detailItem(QTreeWidget *tree, const QString &key)
{
    const QList<QTreeWidgetItem *> detail = tree->findItems(QStringLiteral("detail"), Qt::MatchExactly);
    if (detail.size() != 1)
        return nullptr;
    for (int i = 0; i < detail.first()->childCount(); ++i) {
        if (detail.first()->child(i)->text(0) == key)
            return detail.first()->child(i);
    }
    return nullptr;
}

// Every text the tree shows, tool tips included.
QString treeTexts(QTreeWidget *tree)
{
    QString all;
    for (QTreeWidgetItemIterator it(tree); *it; ++it)
        all += (*it)->text(0) + (*it)->text(1) + (*it)->toolTip(1) + QLatin1Char('\n');
    return all;
}

QString secretOf(const Event &event, const QString &key)
{
    return QJsonDocument::fromJson(event.detailJson).object().value(key).toString();
}

} // namespace

void TestEventDetailPane::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_events = TestData::docExamples();
    QCOMPARE(m_events[57].type.id, 38);
    for (const Event &e : AccountGenerator::generate(3000, 42, 1'790'000'000'000)) {
        if (e.type.id == 37) {
            m_events.push_back(e);
            m_generatedReset = qsizetype(m_events.size()) - 1;
            break;
        }
    }
    QVERIFY(m_generatedReset > 58);
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

void TestEventDetailPane::numbersBeyondADoubleAreShown()
{
    // JSON allows 1e-99468 and 1e999; QJsonDocument refuses them, and with them the whole event:
    // the pane showed "could not be shown as JSON" and no payload, the order box nothing.
    Event event = m_events[58];
    event.detailJson = R"({"id":77,"status":{"id":3},"tiny":1e-99468,"huge":-1E999,"text":"1e999 \" 2","n":12})";
    EventDetailPane pane;
    pane.setEvent(event);
    auto *tree = pane.findChild<QTreeWidget *>(QStringLiteral("payloadTree"));
    QVERIFY(tree);
    for (const auto &[key, shown] : { std::pair { "tiny", "1e-99468" }, { "huge", "-1E999" },
             { "text", "1e999 \" 2" }, { "n", "12" } }) {
        const QTreeWidgetItem *item = detailItem(tree, QLatin1String(key));
        QVERIFY2(item, key);
        QVERIFY2(item->text(1).contains(QLatin1String(shown)), qPrintable(item->text(1)));
    }
    QVERIFY2(pane.orderText().contains(QLatin1String("Canceled")), qPrintable(pane.orderText()));
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

void TestEventDetailPane::linkLabelIsPlainText()
{
    // A user's link reads "Name <e-mail>": the pin gets that text, not its HTML.
    Event event = m_events[57];
    QVERIFY(event.user);
    event.user->name = QStringLiteral("Greta & Co");
    event.user->username = QStringLiteral("greta@example.com");
    EventDetailPane pane;
    pane.setEvent(event);
    auto *related = pane.findChild<QLabel *>(QStringLiteral("relatedLabel"));
    QSignalSpy spy(&pane, &EventDetailPane::pinRequested);
    Q_EMIT related->linkActivated(QStringLiteral("pin:user:%1").arg(event.user->id));
    QCOMPARE(spy.size(), 1);
    QCOMPARE(spy.at(0).at(2).toString(), EventText::userShort(*event.user));
    QVERIFY2(spy.at(0).at(2).toString().contains(QLatin1String("Greta & Co")), qPrintable(spy.at(0).at(2).toString()));
}

void TestEventDetailPane::smallPaneScrollsAndShowsValues()
{
    // A small or scaled screen: the pane is short and narrow. Its page scrolls, and the payload's
    // value column starts inside the tree, so values are in view.
    EventDetailPane pane;
    pane.resize(300, 260);
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    pane.setEvent(m_events[57]);
    auto *page = pane.findChild<QScrollArea *>(QStringLiteral("detailPage"));
    QVERIFY(page);
    QTRY_VERIFY(page->verticalScrollBar()->maximum() > 0);
    auto *tree = pane.findChild<QTreeWidget *>(QStringLiteral("payloadTree"));
    QTRY_VERIFY(tree->isVisible());
    const int valueStart = tree->header()->sectionViewportPosition(1);
    QVERIFY2(valueStart < tree->viewport()->width() * 3 / 5,
        qPrintable(QStringLiteral("values start at %1 of %2").arg(valueStart).arg(tree->viewport()->width())));
    pane.resize(900, 600);
    QTRY_COMPARE(page->verticalScrollBar()->maximum(), 0);
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

void TestEventDetailPane::secretsMasked_data()
{
    QTest::addColumn<qsizetype>("index");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("label");
    QTest::newRow("password reset (docs)") << qsizetype(51) << "activationKey"
                                           << "activation key";
    QTest::newRow("user verification (docs)") << qsizetype(52) << "token"
                                              << "token";
    QTest::newRow("user invited (docs)") << qsizetype(54) << "activationKey"
                                         << "activation key";
    QTest::newRow("password reset (simulator)") << m_generatedReset << "activationKey"
                                                << "activation key";
}

void TestEventDetailPane::secretsMasked()
{
    QFETCH(qsizetype, index);
    QFETCH(QString, key);
    QFETCH(QString, label);
    const Event &event = m_events[size_t(index)];
    const QString secret = secretOf(event, key);
    QVERIFY(secret.size() > 10);
    EventDetailPane pane;
    pane.setEvent(event);
    const QString marker
        = QString::fromUtf8("•••••• hidden: %1, %2 characters").arg(label).arg(secret.size());
    QCOMPARE(pane.secretPaths(), QStringList { QStringLiteral("detail.") + key });

    auto *tree = pane.findChild<QTreeWidget *>(QStringLiteral("payloadTree"));
    auto *raw = pane.findChild<QPlainTextEdit *>(QStringLiteral("rawJson"));
    auto *notice = pane.findChild<QLabel *>(QStringLiteral("secretsLabel"));
    QVERIFY(tree && raw && notice);
    QTreeWidgetItem *item = detailItem(tree, key);
    QVERIFY(item);
    QCOMPARE(item->text(1), marker);
    QVERIFY2(!treeTexts(tree).contains(secret), qPrintable(treeTexts(tree)));
    QVERIFY(raw->toPlainText().contains(QStringLiteral("\"%1\": \"%2\"").arg(key, marker)));
    QVERIFY(!raw->toPlainText().contains(secret));
    QVERIFY(!pane.rawJson().contains(secret));
    QVERIFY(notice->isVisibleTo(&pane));
    QVERIFY(notice->text().contains(QLatin1String("Double-click")));

    // The rest of the payload is shown as before.
    QVERIFY(detailItem(tree, QStringLiteral("username")) || key == QLatin1String("token"));
    pane.setEvent(m_events[57]);
    QVERIFY(!notice->isVisibleTo(&pane));
    QVERIFY(pane.secretPaths().isEmpty());
}

void TestEventDetailPane::revealOnRequestIsForgotten()
{
    const Event &event = m_events[size_t(m_generatedReset)];
    const QString secret = secretOf(event, QStringLiteral("activationKey"));
    const QString path = QStringLiteral("detail.activationKey");
    EventDetailPane pane;
    pane.resize(700, 700);
    pane.setEvent(event);
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    auto *tree = pane.findChild<QTreeWidget *>(QStringLiteral("payloadTree"));
    auto *raw = pane.findChild<QPlainTextEdit *>(QStringLiteral("rawJson"));
    QTreeWidgetItem *item = detailItem(tree, QStringLiteral("activationKey"));
    QVERIFY(item);
    const QString marker = item->text(1);
    QVERIFY(marker.contains(QLatin1String("hidden")));

    // A double-click reveals the value, in the tree and in the raw JSON.
    tree->scrollToItem(item);
    // A real double-click is a click and then the double-click event (QTest sends only the latter).
    const QPoint at = tree->visualItemRect(item).center();
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, at);
    QTest::mouseDClick(tree->viewport(), Qt::LeftButton, {}, at);
    QTRY_COMPARE(item->text(1), QLatin1Char('"') + secret + QLatin1Char('"'));
    QVERIFY(pane.isSecretRevealed(path));
    QVERIFY(raw->toPlainText().contains(secret));
    QVERIFY(!raw->toPlainText().contains(marker));
    auto *notice = pane.findChild<QLabel *>(QStringLiteral("secretsLabel"));
    QVERIFY2(notice->text().contains(QLatin1String("shown until")), qPrintable(notice->text()));

    // Enter on it hides it again.
    tree->setCurrentItem(item);
    QTest::keyClick(tree, Qt::Key_Return);
    QTRY_COMPARE(item->text(1), marker);
    QVERIFY(!raw->toPlainText().contains(secret));

    // Revealed, then another event and back: hidden again, nothing remembers the reveal.
    pane.setSecretRevealed(path, true);
    QVERIFY(pane.rawJson().contains(secret));
    pane.setEvent(m_events[57]);
    pane.setEvent(event);
    QVERIFY(!pane.isSecretRevealed(path));
    QCOMPARE(detailItem(tree, QStringLiteral("activationKey"))->text(1), marker);
    QVERIFY(!raw->toPlainText().contains(secret));
}

void TestEventDetailPane::copiesGiveTheMarker()
{
    const Event &event = m_events[size_t(m_generatedReset)];
    const QString secret = secretOf(event, QStringLiteral("activationKey"));
    EventDetailPane pane;
    pane.setEvent(event);
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    auto *tree = pane.findChild<QTreeWidget *>(QStringLiteral("payloadTree"));
    auto *copyAll = pane.findChild<QAction *>(QStringLiteral("copyAllAction"));
    auto *copyKeyValue = pane.findChild<QAction *>(QStringLiteral("copyKeyValueAction"));
    QVERIFY(tree && copyAll && copyKeyValue);
    QTreeWidgetItem *item = detailItem(tree, QStringLiteral("activationKey"));
    QVERIFY(item);
    const QString marker = item->text(1);
    QClipboard *clipboard = QApplication::clipboard();

    // Ctrl+C on the value, on its object and "Copy all": the marker.
    pane.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&pane));
    tree->setFocus();
    tree->setCurrentItem(item);
    clipboard->clear();
    QTest::keySequence(tree, QKeySequence::Copy);
    QTRY_COMPARE(clipboard->text(), marker);
    copyKeyValue->trigger();
    QCOMPARE(clipboard->text(), QStringLiteral("activationKey: ") + marker);
    tree->setCurrentItem(item->parent());
    QTest::keySequence(tree, QKeySequence::Copy);
    QTRY_VERIFY(clipboard->text().contains(marker));
    QVERIFY(clipboard->text().startsWith(QLatin1Char('{')));
    QVERIFY(!clipboard->text().contains(secret));
    copyAll->trigger();
    QVERIFY(clipboard->text().contains(QLatin1String("Password reset requested")));
    QVERIFY(clipboard->text().contains(marker));
    QVERIFY(!clipboard->text().contains(secret));

    // Revealed and copied on purpose: the value. Copy all still gives the marker.
    pane.setSecretRevealed(QStringLiteral("detail.activationKey"), true);
    tree->setCurrentItem(item);
    QTest::keySequence(tree, QKeySequence::Copy);
    QTRY_COMPARE(clipboard->text(), secret);
    copyAll->trigger();
    QVERIFY(!clipboard->text().contains(secret));
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

void TestEventDetailPane::searchMatchesMarked()
{
    EventDetailPane pane;
    const auto shipped = std::find_if(m_events.begin(), m_events.end(), [](const Event &e) { return e.type.id == 39; });
    QVERIFY(shipped != m_events.end());
    pane.setHighlights({ QStringLiteral("tracking code") });
    pane.setEvent(*shipped);
    auto *raw = pane.findChild<QPlainTextEdit *>(QStringLiteral("rawJson"));
    QVERIFY(raw);
    QCOMPARE(raw->extraSelections().size(), 1);
    QCOMPARE(raw->extraSelections().first().cursor.selectedText(), QStringLiteral("TRACKING CODE"));
    // A new search marks the same event anew; none clears the marks.
    pane.setHighlights({ QStringLiteral("16235491") });
    QCOMPARE(raw->extraSelections().size(), 1); // detail.id
    pane.setHighlights({});
    QVERIFY(raw->extraSelections().isEmpty());
}

void TestEventDetailPane::highlightRuns_data()
{
    using Runs = QList<std::pair<qsizetype, qsizetype>>;
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("texts");
    QTest::addColumn<Runs>("runs");
    QTest::newRow("none") << QStringLiteral("Order shipped") << QStringList { QStringLiteral("x") } << Runs {};
    QTest::newRow("case-insensitive") << QStringLiteral("Order SHIPPED") << QStringList { QStringLiteral("shipped") }
                                      << Runs { { 6, 7 } };
    QTest::newRow("every occurrence") << QStringLiteral("ab-ab") << QStringList { QStringLiteral("ab") }
                                      << Runs { { 0, 2 }, { 3, 2 } };
    QTest::newRow("adjacent runs join") << QStringLiteral("abab") << QStringList { QStringLiteral("ab") } << Runs { { 0, 4 } };
    QTest::newRow("overlapping texts merge") << QStringLiteral("16168172") << QStringList { QStringLiteral("1616"), QStringLiteral("168") }
                                             << Runs { { 0, 5 } };
    QTest::newRow("empty text ignored") << QStringLiteral("abc") << QStringList { QString() } << Runs {};
}

void TestEventDetailPane::highlightRuns()
{
    QFETCH(QString, text);
    QFETCH(QStringList, texts);
    QTEST(HighlightDelegate::matches(text, texts), "runs");
}

QTEST_MAIN(TestEventDetailPane)
#include "tst_eventdetailpane.moc"
