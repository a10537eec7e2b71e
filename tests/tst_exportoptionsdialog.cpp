// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "widgets/exportoptionsdialog.h"

#include <QCheckBox>
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

QTEST_MAIN(TestExportOptionsDialog)
#include "tst_exportoptionsdialog.moc"
