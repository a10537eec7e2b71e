// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "model/eventtypecatalogue.h"

#include <QTest>

class TestEventTypeCatalogue final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void documentedType_data();
    void documentedType();
    void everyDocumentedIdIsKnown();
    void unknownIdIsOther();
    void resellerLabels();
    void severityAndSource_data();
    void severityAndSource();
};

void TestEventTypeCatalogue::documentedType_data()
{
    QTest::addColumn<int>("id");
    QTest::addColumn<QString>("categoryKey");
    QTest::addColumn<bool>("reseller");
    // One row per docs category (emnify-api.md §3.3), plus the MNO/reseller ones.
    QTest::newRow("generic") << 0 << "generic" << false;
    QTest::newRow("update location") << 1 << "network_attachment" << false;
    QTest::newRow("create pdp") << 3 << "data_connection" << false;
    QTest::newRow("support access") << 13 << "authentication" << false;
    QTest::newRow("user deleted") << 46 << "user_management" << false;
    QTest::newRow("sim migration") << 69 << "device_status" << false;
    QTest::newRow("org blocked") << 12 << "limit_enforcement" << false;
    QTest::newRow("quota expired") << 60 << "data_quota" << false;
    QTest::newRow("sms quota deleted") << 59 << "sms_quota" << false;
    QTest::newRow("tgw terminated") << 25 << "cloudconnect" << false;
    QTest::newRow("openvpn") << 30 << "openvpn" << false;
    QTest::newRow("switched workspaces") << 67 << "organisation_billing" << false;
    QTest::newRow("password reset") << 37 << "reseller_authentication" << true;
    QTest::newRow("user verification requested") << 40 << "reseller_authentication" << true;
    QTest::newRow("self-signup") << 17 << "reseller_organisation_billing" << true;
    QTest::newRow("user invited") << 36 << "reseller_organisation_billing" << true;
    QTest::newRow("platform package") << 33 << "reseller_package_plan" << true;
    QTest::newRow("data plan") << 34 << "reseller_package_plan" << true;
    QTest::newRow("order submitted") << 38 << "reseller_sim_order" << true;
    QTest::newRow("order updated") << 39 << "reseller_sim_order" << true;
}

void TestEventTypeCatalogue::documentedType()
{
    QFETCH(int, id);
    const EventTypeCatalogue &catalogue = EventTypeCatalogue::builtIn();
    QVERIFY(catalogue.contains(id));
    const auto &category = catalogue.categories().at(catalogue.categoryOf(id));
    QTEST(category.key, "categoryKey");
    QTEST(category.reseller, "reseller");
    QVERIFY(category.typeIds.contains(id));
}

void TestEventTypeCatalogue::everyDocumentedIdIsKnown()
{
    // Every id in emnify-api.md §3.3: the docs categories, the MNO list and the lookup-only ids.
    const QList<int> documented = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23,
        24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52,
        53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63, 64, 65, 67, 68, 69 };
    const EventTypeCatalogue &catalogue = EventTypeCatalogue::builtIn();
    for (int id : documented) {
        QVERIFY2(catalogue.contains(id), qPrintable(QString::number(id)));
        QVERIFY(catalogue.categoryOf(id) != catalogue.otherCategory());
    }
    QCOMPARE(catalogue.types().size(), documented.size());
    QVERIFY(!catalogue.contains(66)); // no source mentions 66
}

void TestEventTypeCatalogue::unknownIdIsOther()
{
    const EventTypeCatalogue &catalogue = EventTypeCatalogue::builtIn();
    QCOMPARE(catalogue.categoryOf(4711), catalogue.otherCategory());
    QCOMPARE(catalogue.categories().at(catalogue.otherCategory()).name, QStringLiteral("Other"));
    QCOMPARE(catalogue.typeName(4711, QStringLiteral("Future event")), QStringLiteral("Future event"));
    QCOMPARE(catalogue.typeName(38), QStringLiteral("Order submitted"));
}

void TestEventTypeCatalogue::resellerLabels()
{
    const EventTypeCatalogue &catalogue = EventTypeCatalogue::builtIn();
    // Two categories share the docs name "Organization and billing"; the labels tell them apart.
    QCOMPARE(catalogue.categoryLabel(catalogue.categoryOf(31)), QStringLiteral("Organization and billing"));
    QCOMPARE(catalogue.categoryLabel(catalogue.categoryOf(17)), QStringLiteral("Organization and billing (reseller)"));
    QCOMPARE(catalogue.categoryLabel(catalogue.categoryOf(38)), QStringLiteral("SIM order"));
}

void TestEventTypeCatalogue::severityAndSource_data()
{
    QTest::addColumn<int>("id");
    QTest::addColumn<QString>("severity");
    QTest::addColumn<QString>("source");
    QTest::newRow("0") << 0 << "Info" << "Network";
    QTest::newRow("1") << 1 << "Warn" << "Policy Control";
    QTest::newRow("2") << 2 << "Critical" << "API";
    QTest::newRow("unknown") << 9 << "Severity 9" << "Source 9";
}

void TestEventTypeCatalogue::severityAndSource()
{
    QFETCH(int, id);
    QTEST(EventTypeCatalogue::severityName(id), "severity");
    QTEST(EventTypeCatalogue::sourceName(id), "source");
}

QTEST_APPLESS_MAIN(TestEventTypeCatalogue)
#include "tst_eventtypecatalogue.moc"
