// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "model/eventtext.h"

#include <QTest>

class TestEventText final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void performedBy_data();
    void performedBy();
    void noUser();
};

void TestEventText::performedBy_data()
{
    QTest::addColumn<qint64>("id");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("username");
    QTest::addColumn<QString>("expected");
    QTest::newRow("as the docs write it") << 123456LL << "Sample User" << "abc@cde.com"
                                          << "Action performed by: Sample User, abc@cde.com. (User ID: 123456)";
    QTest::newRow("id and username only") << 123456LL << "" << "abc@cde.com" << "Action performed by: abc@cde.com. (User ID: 123456)";
    QTest::newRow("empty name, spaces") << 7LL << "   " << "abc@cde.com" << "Action performed by: abc@cde.com. (User ID: 7)";
    QTest::newRow("name only") << 7LL << "Sample User" << "" << "Action performed by: Sample User. (User ID: 7)";
    QTest::newRow("no id") << -1LL << "Sample User" << "abc@cde.com" << "Action performed by: Sample User, abc@cde.com.";
    QTest::newRow("id only") << 42LL << "" << "" << "Action performed by: user with ID 42.";
    QTest::newRow("name ends with a full stop") << 5LL << "" << "Acme Inc." << "Action performed by: Acme Inc. (User ID: 5)";
}

void TestEventText::performedBy()
{
    QFETCH(qint64, id);
    QFETCH(QString, name);
    QFETCH(QString, username);
    QTEST(EventText::performedBy(EventUser { id, name, username }), "expected");
}

void TestEventText::noUser()
{
    const QString text = EventText::performedBy(std::nullopt);
    QCOMPARE(text, EventText::noUserExplanation());
    QVERIFY(text.contains(QStringLiteral("application token")));
    QVERIFY(!text.contains(QStringLiteral("Action performed by")));
    // A user object with nothing in it says no more than no user at all.
    QCOMPARE(EventText::performedBy(EventUser {}), EventText::noUserExplanation());
}

QTEST_APPLESS_MAIN(TestEventText)
#include "tst_eventtext.moc"
