// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "archive/eventarchive.h"
#include "model/workerpools.h"
#include "settings/viewersettings.h"
#include "testdata.h"
#include "widgets/accountarchive.h"
#include "widgets/archivedialog.h"

#include <QAbstractSpinBox>
#include <QDateTime>
#include <QFile>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <span>

namespace {

constexpr qint64 DayMs = 24 * 3600 * 1000;

ArchiveAccount accountNamed(const QString &organisation)
{
    return { QUrl(QStringLiteral("http://127.0.0.1:8080")), organisation,
        QStringLiteral("Account ") + organisation };
}

// The docs' examples as `copies` times as many events with distinct ids, one a minute back from
// newestMs; returns the interval they cover.
TimeInterval fill(EventArchive &archive, int copies, qint64 newestMs)
{
    const std::vector<Event> examples = TestData::docExamples();
    std::vector<Event> events;
    events.reserve(examples.size() * size_t(copies));
    for (int copy = 0; copy < copies; ++copy) {
        for (const Event &example : examples) {
            Event event = example;
            event.id = qint64(events.size()) + 1;
            event.timestampMs = newestMs - qint64(events.size()) * 60000;
            events.push_back(event);
        }
    }
    const TimeInterval covered { events.back().timestampMs, newestMs + 1 };
    [[maybe_unused]] const qsizetype added = archive.write(std::span<const Event>(events), covered);
    return covered;
}

// A closed archive file at path holding fill(copies, newestMs); empty when it worked, else why not.
QString writeArchive(const QString &path, const ArchiveAccount &account, int copies, qint64 newestMs)
{
    QString error;
    std::unique_ptr<EventArchive> archive = EventArchive::open(path, account, &error);
    if (archive)
        fill(*archive, copies, newestMs);
    return error;
}

} // namespace

class TestArchiveDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void showsWhatTheFileHolds();
    void forgetRemovesTheFile();
    void forgetTheCurrentArchiveEmptiesIt();
    void pruningRunsOffTheGuiThread();
    void retentionIsSaved();
};

void TestArchiveDialog::showsWhatTheFileHolds()
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("v.ini")), QSettings::IniFormat);
    ViewerSettings viewerSettings(&settings);
    AccountArchive archives;
    archives.setFolder(dir.path());
    const ArchiveAccount account = accountNamed(QStringLiteral("101"));
    const QString error
        = writeArchive(archives.pathOf(account), account, 2, QDateTime::currentMSecsSinceEpoch() - DayMs);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    ArchiveDialog dialog(&archives, &viewerSettings);
    QSignalSpy read(&dialog, &ArchiveDialog::filesRead);
    dialog.setRows({ { QStringLiteral("Production"), archives.pathOf(account), true },
        { QStringLiteral("Never connected"), {}, false } });
    dialog.show();
    QVERIFY(read.wait());
    QTableWidget *table = dialog.table();
    QCOMPARE(table->rowCount(), 2);
    QVERIFY(table->item(0, ArchiveDialog::AccountColumn)->text().contains(QLatin1String("Production")));
    QCOMPARE(table->item(0, ArchiveDialog::EventsColumn)->text(),
        QLocale().toString(qint64(2 * TestData::DocExampleCount)));
    QVERIFY(table->item(0, ArchiveDialog::CoveredColumn)->text().startsWith(QLatin1String("1 interval")));
    QVERIFY(!table->item(0, ArchiveDialog::OldestColumn)->text().isEmpty());
    QVERIFY(!table->item(0, ArchiveDialog::NewestColumn)->text().isEmpty());
    QVERIFY(!table->item(0, ArchiveDialog::SizeColumn)->text().isEmpty());
    QVERIFY(table->item(0, ArchiveDialog::PathColumn)->text().endsWith(QLatin1String(".sqlite")));
    QVERIFY(table->item(1, ArchiveDialog::EventsColumn)->text().isEmpty());
    table->selectRow(1);
    QVERIFY(!dialog.forgetButton()->isEnabled()); // nothing to forget
    table->selectRow(0);
    QVERIFY(dialog.forgetButton()->isEnabled());
}

void TestArchiveDialog::forgetRemovesTheFile()
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("v.ini")), QSettings::IniFormat);
    ViewerSettings viewerSettings(&settings);
    AccountArchive archives;
    archives.setFolder(dir.path());
    const ArchiveAccount account = accountNamed(QStringLiteral("202"));
    const QString path = archives.pathOf(account);
    const QString error = writeArchive(path, account, 1, QDateTime::currentMSecsSinceEpoch());
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(QFile::exists(path));
    ArchiveDialog dialog(&archives, &viewerSettings);
    QSignalSpy read(&dialog, &ArchiveDialog::filesRead);
    dialog.setRows({ { QStringLiteral("Staging"), path, false } });
    dialog.show();
    QVERIFY(read.wait());

    // Cancel first: nothing happens.
    QTest::mouseClick(dialog.forgetButton(), Qt::LeftButton);
    auto *box = dialog.findChild<QMessageBox *>(QStringLiteral("forgetConfirmation"));
    QVERIFY(box);
    QTest::mouseClick(box->button(QMessageBox::Cancel), Qt::LeftButton);
    QVERIFY(QFile::exists(path));

    QTRY_VERIFY(!dialog.findChild<QMessageBox *>(QStringLiteral("forgetConfirmation")));
    QTest::mouseClick(dialog.forgetButton(), Qt::LeftButton);
    box = dialog.findChild<QMessageBox *>(QStringLiteral("forgetConfirmation"));
    QVERIFY(box);
    QTest::mouseClick(box->button(QMessageBox::Yes), Qt::LeftButton);
    QVERIFY(!QFile::exists(path));
    QVERIFY(read.wait());
    QCOMPARE(dialog.table()->item(0, ArchiveDialog::EventsColumn)->text(),
        QStringLiteral("No events archived yet"));
}

void TestArchiveDialog::forgetTheCurrentArchiveEmptiesIt()
{
    QTemporaryDir dir;
    AccountArchive archives;
    archives.setFolder(dir.path());
    const ArchiveAccount account = accountNamed(QStringLiteral("303"));
    QString error;
    QSignalSpy changed(&archives, &AccountArchive::archiveChanged);
    QVERIFY2(archives.open(account, &error), qPrintable(error));
    QCOMPARE(changed.size(), 1);
    fill(*archives.archive(), 1, QDateTime::currentMSecsSinceEpoch());
    QCOMPARE(archives.archive()->info().events, qint64(TestData::DocExampleCount));

    QSignalSpy forgotten(&archives, &AccountArchive::currentForgotten);
    QVERIFY2(archives.forget(archives.path(), &error), qPrintable(error));
    QCOMPARE(forgotten.size(), 1);
    // Closed (nullptr) before the file went, then open again, empty, for the same account.
    QCOMPARE(changed.size(), 3);
    QCOMPARE(changed.at(1).at(0).value<EventArchive *>(), nullptr);
    QVERIFY(archives.archive());
    QCOMPARE(archives.archive()->info().events, qint64(0));
    QCOMPARE(archives.account()->key(), account.key());
}

// The event loop keeps turning while a prune runs: the prune is on a job thread, its result comes
// back as a signal, and a zero-interval timer fires in between.
void TestArchiveDialog::pruningRunsOffTheGuiThread()
{
    QTemporaryDir dir;
    AccountArchive archives;
    archives.setFolder(dir.path());
    const ArchiveAccount account = accountNamed(QStringLiteral("404"));
    const QString path = archives.pathOf(account);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const int copies = 200; // 11,800 events, one a minute: about 8 days back from 400 days ago
    const QString written = writeArchive(path, account, copies, now - 400 * DayMs);
    QVERIFY2(written.isEmpty(), qPrintable(written));
    int ticks = 0;
    QTimer ticker;
    ticker.setInterval(0);
    connect(&ticker, &QTimer::timeout, this, [&] { ++ticks; });
    ticker.start();
    QSignalSpy pruned(&archives, &AccountArchive::pruned);
    archives.prune(path, AccountArchive::retentionCutoff(13, now), 0);
    QCOMPARE(pruned.size(), 0); // not done inside the call, on this thread
    QVERIFY(pruned.wait(20000));
    QVERIFY(ticks > 0);
    QCOMPARE(pruned.at(0).at(0).toString(), path);
    QCOMPARE(pruned.at(0).at(1).value<qsizetype>(), qsizetype(copies * TestData::DocExampleCount));
    QVERIFY(pruned.at(0).at(2).toString().isEmpty());
    QString error;
    std::unique_ptr<EventArchive> archive = EventArchive::openExisting(path, &error);
    QVERIFY2(archive, qPrintable(error));
    QCOMPARE(archive->info().events, qint64(0));
}

void TestArchiveDialog::retentionIsSaved()
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("v.ini")), QSettings::IniFormat);
    ViewerSettings viewerSettings(&settings);
    AccountArchive archives;
    archives.setFolder(dir.path());
    ArchiveDialog dialog(&archives, &viewerSettings);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *months = dialog.findChild<QAbstractSpinBox *>(QStringLiteral("retentionMonths"));
    QVERIFY(months);
    QCOMPARE(months->text(), QStringLiteral("13 months"));
    QSignalSpy changed(&dialog, &ArchiveDialog::retentionChanged);
    months->setFocus();
    months->selectAll();
    QTest::keyClicks(months, QStringLiteral("24"));
    QTest::keyClick(months, Qt::Key_Return);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(viewerSettings.archiveRetentionMonths(), 24);
    auto *size = dialog.findChild<QAbstractSpinBox *>(QStringLiteral("sizeLimit"));
    size->setFocus();
    size->selectAll();
    QTest::keyClicks(size, QStringLiteral("0"));
    QTest::keyClick(size, Qt::Key_Return);
    QCOMPARE(viewerSettings.archiveMaxBytes(), qint64(0)); // no limit
}

QTEST_MAIN(TestArchiveDialog)
#include "tst_archivedialog.moc"
