// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "widgets/exportoptionsdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QStandardPaths>
#include <QTest>

class TestExportOptionsDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void keepSecretsIsOptInWithAWarning();
    void viewBesideTheFileIsOffByDefault();
    void jsonLinesFormat_data();
    void jsonLinesFormat();
};

// Credentials stay out of an export unless the user ticks the box, which needs the payload column
// and shows what it means.
void TestExportOptionsDialog::keepSecretsIsOptInWithAWarning()
{
    ExportOptionsDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *payload = dialog.findChild<QCheckBox *>(QStringLiteral("payloadCheck"));
    auto *keep = dialog.findChild<QCheckBox *>(QStringLiteral("keepSecretsCheck"));
    auto *warning = dialog.findChild<QLabel *>(QStringLiteral("keepSecretsWarning"));
    QVERIFY(payload && keep && warning);
    QVERIFY(!dialog.keepSecrets());
    QVERIFY(!keep->isEnabled()); // no payload column, nothing to keep
    QVERIFY(!warning->isVisible());

    QTest::mouseClick(payload, Qt::LeftButton);
    QVERIFY(dialog.includePayload());
    QVERIFY(keep->isEnabled());
    QVERIFY(!dialog.keepSecrets()); // the payload alone keeps no secret
    QVERIFY(!warning->isVisible());

    QTest::mouseClick(keep, Qt::LeftButton);
    QVERIFY(dialog.keepSecrets());
    QVERIFY(warning->isVisible());
    QVERIFY2(warning->text().contains(QLatin1String("live credentials")), qPrintable(warning->text()));

    QTest::mouseClick(payload, Qt::LeftButton); // no payload column: nothing is kept
    QVERIFY(!dialog.keepSecrets());
    QVERIFY(!keep->isEnabled());
    QVERIFY(!warning->isVisible());
}

// A CSV's view goes beside it only when asked: spreadsheets show any extra line in the file.
void TestExportOptionsDialog::viewBesideTheFileIsOffByDefault()
{
    ExportOptionsDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *view = dialog.findChild<QCheckBox *>(QStringLiteral("writeViewCheck"));
    QVERIFY(view);
    QVERIFY(!dialog.writeView());
    QVERIFY(view->text().contains(QLatin1String(".view.json")));
    QTest::mouseClick(view, Qt::LeftButton);
    QVERIFY(dialog.writeView());
    dialog.setWriteView(false); // what the settings remember comes back
    QVERIFY(!view->isChecked());
}

void TestExportOptionsDialog::jsonLinesFormat_data()
{
    QTest::addColumn<QString>("proposed");
    QTest::addColumn<QString>("asJsonLines");
    QTest::newRow("csv suffix") << "/tmp/emnify-events.csv"
                                << "/tmp/emnify-events.jsonl";
    QTest::newRow("upper case") << "/tmp/EVENTS.CSV"
                                << "/tmp/EVENTS.jsonl";
    QTest::newRow("own suffix kept") << "/tmp/events.txt"
                                     << "/tmp/events.txt";
}

// Choosing JSON Lines renames the file to .jsonl and greys out what only a CSV has; the whole
// event is always there, so whether credentials stay is up to the user without a payload column.
void TestExportOptionsDialog::jsonLinesFormat()
{
    QFETCH(QString, proposed);
    QFETCH(QString, asJsonLines);
    ExportOptionsDialog dialog;
    dialog.setFileName(proposed);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *format = dialog.findChild<QComboBox *>(QStringLiteral("formatCombo"));
    auto *excel = dialog.findChild<QCheckBox *>(QStringLiteral("excelCheck"));
    auto *payload = dialog.findChild<QCheckBox *>(QStringLiteral("payloadCheck"));
    auto *keep = dialog.findChild<QCheckBox *>(QStringLiteral("keepSecretsCheck"));
    QVERIFY(format && excel && payload && keep);
    QVERIFY(!dialog.jsonLines()); // CSV unless chosen
    QVERIFY(!keep->isEnabled());

    format->setCurrentIndex(1);
    QVERIFY(dialog.jsonLines());
    QCOMPARE(dialog.fileName(), asJsonLines);
    QVERIFY(!excel->isEnabled());
    QVERIFY(!payload->isEnabled());
    QVERIFY(keep->isEnabled());
    QVERIFY(!dialog.keepSecrets());
    QTest::mouseClick(keep, Qt::LeftButton);
    QVERIFY(dialog.keepSecrets());

    dialog.setJsonLines(false); // back to CSV: the suffix too
    QVERIFY(!dialog.jsonLines());
    QCOMPARE(
        dialog.fileName(), proposed.endsWith(QLatin1String("txt")) ? proposed : proposed.chopped(4) + ".csv");
    QVERIFY(excel->isEnabled());
    QVERIFY(!dialog.keepSecrets()); // a CSV without its payload column holds no credentials
}

QTEST_MAIN(TestExportOptionsDialog)
#include "tst_exportoptionsdialog.moc"
