// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "widgets/providernamesdialog.h"

#include <QPushButton>
#include <QTableWidget>
#include <QTest>

// The user names shipping providers (the API documents none): what is typed into the table is
// what the orders view and the detail pane use, and nothing is invented.
class TestProviderNamesDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emptyByDefault();
    void roundTripsAndKeepsOnlyCompleteRows();
    void addAndRemoveByButtons();
};

void TestProviderNamesDialog::emptyByDefault()
{
    ProviderNamesDialog dialog;
    QVERIFY(dialog.names().isEmpty());
    QCOMPARE(dialog.findChild<QTableWidget *>()->rowCount(), 0);
}

void TestProviderNamesDialog::roundTripsAndKeepsOnlyCompleteRows()
{
    ProviderNamesDialog dialog;
    dialog.setNames({ { 2, QStringLiteral("Acme Post") }, { 1, QStringLiteral("Parcel Co") } });
    auto *table = dialog.findChild<QTableWidget *>();
    QCOMPARE(table->rowCount(), 2);
    QCOMPARE(table->item(0, 0)->text(), QStringLiteral("1")); // sorted by id
    QCOMPARE(table->item(1, 1)->text(), QStringLiteral("Acme Post"));
    dialog.addRow(-1, QStringLiteral("no id")); // incomplete rows are not names
    dialog.addRow(7, QString());
    dialog.addRow(3, QStringLiteral("  Spaced  "));
    const QHash<qint64, QString> expected { { 1, QStringLiteral("Parcel Co") }, { 2, QStringLiteral("Acme Post") },
        { 3, QStringLiteral("Spaced") } };
    QCOMPARE(dialog.names(), expected);
}

void TestProviderNamesDialog::addAndRemoveByButtons()
{
    ProviderNamesDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *table = dialog.findChild<QTableWidget *>();
    QPushButton *add = nullptr;
    QPushButton *remove = nullptr;
    for (QPushButton *button : dialog.findChildren<QPushButton *>()) {
        if (button->text() == QLatin1String("&Add"))
            add = button;
        else if (button->text() == QLatin1String("&Remove"))
            remove = button;
    }
    QVERIFY(add && remove);
    QTest::mouseClick(add, Qt::LeftButton);
    QCOMPARE(table->rowCount(), 1);
    table->item(0, 0)->setText(QStringLiteral("4"));
    table->item(0, 1)->setText(QStringLiteral("Fast Freight"));
    QCOMPARE(dialog.names(), (QHash<qint64, QString> { { 4, QStringLiteral("Fast Freight") } }));
    table->setCurrentCell(0, 1);
    QTest::mouseClick(remove, Qt::LeftButton);
    QCOMPARE(table->rowCount(), 0);
    QVERIFY(dialog.names().isEmpty());
}

QTEST_MAIN(TestProviderNamesDialog)
#include "tst_providernamesdialog.moc"
