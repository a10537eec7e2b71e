// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "api/apiclientoptions.h"
#include "settings/viewersettings.h"
#include "widgets/preferencesdialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

// Edit > Preferences…: the follow interval typed there is kept, never below what the rate budget
// allows, and the dialog says why it stops there.
class TestPreferencesDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void followIntervalIsClampedAndKept_data();
    void followIntervalIsClampedAndKept();
    void cancelKeepsTheSetting();
};

void TestPreferencesDialog::initTestCase() { QLocale::setDefault(QLocale(QLocale::English)); }

void TestPreferencesDialog::followIntervalIsClampedAndKept_data()
{
    QTest::addColumn<double>("ratePerSecond");
    QTest::addColumn<QString>("typed");
    QTest::addColumn<int>("kept");
    QTest::addColumn<int>("minimum");
    // A poll may use a tenth of the budget: 5 requests/s allow one every 2 s at most.
    QTest::newRow("in range") << 5.0 << QStringLiteral("45") << 45 << 2;
    QTest::newRow("below the budget") << 5.0 << QStringLiteral("1") << 2 << 2;
    QTest::newRow("slow client") << 0.5 << QStringLiteral("10") << 20 << 20;
}

void TestPreferencesDialog::followIntervalIsClampedAndKept()
{
    QFETCH(double, ratePerSecond);
    QFETCH(QString, typed);
    QFETCH(int, kept);
    QFETCH(int, minimum);
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("viewer.ini")), QSettings::IniFormat);
    ViewerSettings viewerSettings(&settings);
    ApiClientOptions options;
    options.ratePerSecond = ratePerSecond;

    PreferencesDialog dialog(&viewerSettings, options);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *interval = dialog.findChild<QSpinBox *>(QStringLiteral("followInterval"));
    QVERIFY(interval);
    QCOMPARE(interval->value(), std::max(30, minimum)); // the default, or what the budget allows
    QCOMPARE(dialog.minimumFollowIntervalSeconds(), minimum);
    const auto *limit = dialog.findChild<QLabel *>(QStringLiteral("followLimit"));
    QVERIFY(limit && limit->isVisible());
    QVERIFY2(limit->text().startsWith(QStringLiteral("At least %1 second").arg(minimum)), qPrintable(limit->text()));
    QVERIFY2(limit->text().contains(QLocale().toString(ratePerSecond) + QStringLiteral(" requests per second")),
        qPrintable(limit->text()));

    interval->setFocus();
    interval->selectAll();
    QTest::keyClicks(interval, typed);
    QPushButton *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QTest::mouseClick(ok, Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(viewerSettings.followIntervalSeconds(), kept);

    // Remembered: the next dialog shows it.
    PreferencesDialog again(&viewerSettings, options);
    QCOMPARE(again.findChild<QSpinBox *>(QStringLiteral("followInterval"))->value(), kept);
}

void TestPreferencesDialog::cancelKeepsTheSetting()
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("viewer.ini")), QSettings::IniFormat);
    ViewerSettings viewerSettings(&settings);
    viewerSettings.setFollowIntervalSeconds(60);
    PreferencesDialog dialog(&viewerSettings, ApiClientOptions {});
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *interval = dialog.findChild<QSpinBox *>(QStringLiteral("followInterval"));
    QCOMPARE(interval->value(), 60);
    interval->setFocus();
    interval->selectAll();
    QTest::keyClicks(interval, QStringLiteral("90"));
    QTest::keyClick(&dialog, Qt::Key_Escape);
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QCOMPARE(viewerSettings.followIntervalSeconds(), 60);
}

QTEST_MAIN(TestPreferencesDialog)
#include "tst_preferencesdialog.moc"
