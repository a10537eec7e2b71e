// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "settings/viewersettings.h"

#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

class TestViewerSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void defaults();
    void roundTrip();
    void timeDisplay_data();
    void timeDisplay();
    void customRangeWithoutDatesFallsBack();
    void pivotsPersist_data();
    void pivotsPersist();
    void garbageIsIgnored();
    void providerNames();
    void calendarRanges_data();
    void calendarRanges();
    void calendarRangesPersist();
    void accountsRoundTrip();
    void legacyConnectionIsOneAccount();
    void brokenAccountEntriesAreDropped();
    void renameAndRemove_data();
    void renameAndRemove();
    void uniqueNames();
    void retentionDefaultsAndBounds_data();
    void retentionDefaultsAndBounds();
    void exportFormat_data();
    void exportFormat();
};

void TestViewerSettings::pivotsPersist_data()
{
    QTest::addColumn<QStringList>("pivots");
    QTest::newRow("none") << QStringList {};
    QTest::newRow("one with a comma") << QStringList { QStringLiteral("detail.apn:=\"a, b\"") };
    QTest::newRow("one plain") << QStringList { QStringLiteral("-severity:=\"Info\"") };
    QTest::newRow("unicode") << QStringList { QStringLiteral("device:=\"Größe 東京\""), QStringLiteral("id:=\"1\"") };
}

void TestViewerSettings::pivotsPersist()
{
    QFETCH(QStringList, pivots);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("v.ini"));
    ViewerFilterState state;
    state.pivots = pivots;
    {
        QSettings settings(path, QSettings::IniFormat);
        ViewerSettings(&settings).setFilterState(state);
    }
    QSettings settings(path, QSettings::IniFormat);
    QCOMPARE(ViewerSettings(&settings).filterState().pivots, pivots);
}

void TestViewerSettings::exportFormat_data()
{
    QTest::addColumn<QVariant>("stored");
    QTest::addColumn<bool>("jsonLines");
    QTest::newRow("nothing yet: CSV") << QVariant() << false;
    QTest::newRow("csv") << QVariant(QStringLiteral("csv")) << false;
    QTest::newRow("jsonl") << QVariant(QStringLiteral("jsonl")) << true;
    QTest::newRow("unknown: CSV") << QVariant(QStringLiteral("xml")) << false;
}

// The export dialog proposes the format chosen last time; CSV for a fresh or garbled profile.
void TestViewerSettings::exportFormat()
{
    QFETCH(QVariant, stored);
    QFETCH(bool, jsonLines);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("v.ini"));
    {
        QSettings settings(path, QSettings::IniFormat);
        if (stored.isValid())
            settings.setValue(QStringLiteral("export/format"), stored);
    }
    QSettings settings(path, QSettings::IniFormat);
    ViewerSettings viewer(&settings);
    ViewerSettings::ExportPreferences preferences = viewer.exportPreferences();
    QCOMPARE(preferences.jsonLines, jsonLines);
    preferences.jsonLines = !jsonLines;
    viewer.setExportPreferences(preferences);
    viewer.sync();
    QSettings again(path, QSettings::IniFormat);
    QCOMPARE(ViewerSettings(&again).exportPreferences().jsonLines, !jsonLines);
}

void TestViewerSettings::defaults()
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("v.ini")), QSettings::IniFormat);
    const ViewerSettings viewer(&settings);
    QCOMPARE(viewer.apiUrl(), QUrl(QStringLiteral("https://cdn.emnify.net")));
    QCOMPARE(viewer.rememberToken(), false);
    QCOMPARE(viewer.timeDisplay(), TimeDisplay::RelativeLocal);
    QCOMPARE(viewer.filterState(), ViewerFilterState {});
    QVERIFY(viewer.headerState().isEmpty());
}

void TestViewerSettings::roundTrip()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("v.ini"));
    ViewerFilterState state;
    state.timeRange = ViewerFilterState::TimeRange::Custom;
    state.customFrom = QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5), Qt::UTC);
    state.customUntil = QDateTime(QDate(2026, 1, 9), QTime(0, 0), Qt::UTC);
    state.hiddenSeverities = { 0 };
    state.hiddenSources = { 1, 2 };
    state.hiddenCategories = { 3, 14 };
    state.hiddenTypeIds = { 1, 2, 38 };
    state.searchText = QStringLiteral("Blue Harbor, \"fleet\"");
    // Pivot terms with the commas and quotes an INI list must keep apart.
    state.pivots = { QStringLiteral("-type:=\"Update location\""), QStringLiteral("detail.apn:=\"a, \"\"b\"\"\"") };
    {
        QSettings settings(path, QSettings::IniFormat);
        ViewerSettings viewer(&settings);
        viewer.setApiUrl(QUrl(QStringLiteral("http://127.0.0.1:8080")));
        viewer.setRememberToken(true);
        viewer.setWindowGeometry("geometry-bytes");
        viewer.setWindowState("state-bytes");
        viewer.setSplitterState("splitter-bytes");
        viewer.setHeaderState(QByteArray("\x00\x01header", 8));
        viewer.setTimeDisplay(TimeDisplay::AbsoluteUtc);
        viewer.setFilterState(state);
        viewer.sync();
    }
    QSettings settings(path, QSettings::IniFormat);
    const ViewerSettings viewer(&settings);
    QCOMPARE(viewer.apiUrl(), QUrl(QStringLiteral("http://127.0.0.1:8080")));
    QCOMPARE(viewer.rememberToken(), true);
    QCOMPARE(viewer.windowGeometry(), QByteArray("geometry-bytes"));
    QCOMPARE(viewer.windowState(), QByteArray("state-bytes"));
    QCOMPARE(viewer.splitterState(), QByteArray("splitter-bytes"));
    QCOMPARE(viewer.headerState(), QByteArray("\x00\x01header", 8));
    QCOMPARE(viewer.timeDisplay(), TimeDisplay::AbsoluteUtc);
    const ViewerFilterState read = viewer.filterState();
    QCOMPARE(read.timeRange, state.timeRange);
    QCOMPARE(read.customFrom, state.customFrom);
    QCOMPARE(read.customUntil, state.customUntil);
    QCOMPARE(read.hiddenSeverities, state.hiddenSeverities);
    QCOMPARE(read.hiddenSources, state.hiddenSources);
    QCOMPARE(read.hiddenCategories, state.hiddenCategories);
    QCOMPARE(read.hiddenTypeIds, state.hiddenTypeIds);
    QCOMPARE(read.searchText, state.searchText);
    QCOMPARE(read.pivots, state.pivots);
    // The scope is deliberately not persisted: a restart reads the whole account.
    QCOMPARE(read.scopeKind, ViewerFilterState::ScopeKind::Account);

    // Nothing token-like is ever written.
    for (const QString &key : settings.allKeys())
        QVERIFY2(!key.contains(QLatin1String("token"), Qt::CaseInsensitive)
                || key == QLatin1String("connection/rememberToken"),
            qPrintable(key));
}

void TestViewerSettings::timeDisplay_data()
{
    QTest::addColumn<TimeDisplay>("display");
    QTest::newRow("relative") << TimeDisplay::RelativeLocal;
    QTest::newRow("local") << TimeDisplay::AbsoluteLocal;
    QTest::newRow("utc") << TimeDisplay::AbsoluteUtc;
}

void TestViewerSettings::timeDisplay()
{
    QFETCH(TimeDisplay, display);
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("v.ini")), QSettings::IniFormat);
    ViewerSettings viewer(&settings);
    viewer.setTimeDisplay(display);
    QCOMPARE(viewer.timeDisplay(), display);
}

void TestViewerSettings::customRangeWithoutDatesFallsBack()
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("v.ini")), QSettings::IniFormat);
    settings.setValue(QStringLiteral("filter/timeRange"), QStringLiteral("custom"));
    const ViewerSettings viewer(&settings);
    QCOMPARE(viewer.filterState().timeRange, ViewerFilterState::TimeRange::Last7Days);
}

void TestViewerSettings::garbageIsIgnored()
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("v.ini")), QSettings::IniFormat);
    settings.setValue(
        QStringLiteral("filter/hiddenTypes"), QStringList { QStringLiteral("x"), QStringLiteral("5") });
    settings.setValue(QStringLiteral("table/timeDisplay"), QStringLiteral("sideways"));
    settings.setValue(QStringLiteral("connection/apiUrl"), QString());
    const ViewerSettings viewer(&settings);
    QCOMPARE(viewer.filterState().hiddenTypeIds, QSet<int> { 5 });
    QCOMPARE(viewer.timeDisplay(), TimeDisplay::RelativeLocal);
    QCOMPARE(viewer.apiUrl(), ViewerSettings::defaultApiUrl());
}

void TestViewerSettings::providerNames()
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("v.ini")), QSettings::IniFormat);
    {
        ViewerSettings viewer(&settings);
        // No carrier names are invented: the table starts empty.
        QVERIFY(viewer.providerNames().isEmpty());
        viewer.setProviderNames({ { 1, QStringLiteral("Acme Post") }, { 7, QStringLiteral("  ") } });
        viewer.sync();
    }
    ViewerSettings viewer(&settings);
    const QHash<qint64, QString> expected { { 1, QStringLiteral("Acme Post") } };
    QCOMPARE(viewer.providerNames(), expected);
    settings.setValue(QStringLiteral("orders/providerNames"),
        QVariantMap { { QStringLiteral("1"), QStringLiteral("Acme Post") },
            { QStringLiteral("x"), QStringLiteral("not an id") } });
    QCOMPARE(viewer.providerNames(), expected);
    viewer.setProviderNames({});
    QVERIFY(viewer.providerNames().isEmpty());
}

void TestViewerSettings::calendarRanges_data()
{
    using TR = ViewerFilterState::TimeRange;
    QTest::addColumn<int>("range"); // TimeRange
    QTest::addColumn<int>("firstDay"); // Qt::DayOfWeek
    QTest::addColumn<QString>("now"); // Berlin local time
    QTest::addColumn<QString>("from"); // UTC
    QTest::addColumn<QString>("until"); // UTC; empty: now + 1 ms

    const int monday = Qt::Monday;
    const int sunday = Qt::Sunday;
    QTest::newRow("today, after midnight") << int(TR::Today) << monday << "2026-12-01T00:30:00" << "2026-11-30T23:00:00Z" << "";
    QTest::newRow("today, DST starts (23 h)") << int(TR::Today) << monday << "2026-03-29T12:00:00" << "2026-03-28T23:00:00Z" << "";
    QTest::newRow("today, DST ends (25 h)") << int(TR::Today) << monday << "2026-10-25T23:30:00" << "2026-10-24T22:00:00Z" << "";
    QTest::newRow("yesterday, DST start day") << int(TR::Yesterday) << monday << "2026-03-30T10:00:00" << "2026-03-28T23:00:00Z" << "2026-03-29T22:00:00Z";
    QTest::newRow("yesterday, DST end day") << int(TR::Yesterday) << monday << "2026-10-26T10:00:00" << "2026-10-24T22:00:00Z" << "2026-10-25T23:00:00Z";
    QTest::newRow("this week, Monday first, on DST Sunday") << int(TR::ThisWeek) << monday << "2026-03-29T12:00:00" << "2026-03-22T23:00:00Z" << "";
    QTest::newRow("this week, Sunday first, on DST Sunday") << int(TR::ThisWeek) << sunday << "2026-03-29T12:00:00" << "2026-03-28T23:00:00Z" << "";
    QTest::newRow("this week, on its first day") << int(TR::ThisWeek) << monday << "2026-11-30T08:00:00" << "2026-11-29T23:00:00Z" << "";
    QTest::newRow("last week, Monday first, DST ends in it") << int(TR::LastWeek) << monday << "2026-10-28T09:00:00" << "2026-10-18T22:00:00Z" << "2026-10-25T23:00:00Z";
    QTest::newRow("last week, Sunday first") << int(TR::LastWeek) << sunday << "2026-10-28T09:00:00" << "2026-10-17T22:00:00Z" << "2026-10-24T22:00:00Z";
    QTest::newRow("last week, Monday first, DST starts in it") << int(TR::LastWeek) << monday << "2026-04-01T09:00:00" << "2026-03-22T23:00:00Z" << "2026-03-29T22:00:00Z";
}

void TestViewerSettings::calendarRanges()
{
    QFETCH(int, range);
    QFETCH(int, firstDay);
    QFETCH(QString, now);
    QFETCH(QString, from);
    QFETCH(QString, until);
    const QTimeZone berlin("Europe/Berlin");
    QVERIFY(berlin.isValid());
    const QDateTime local = QDateTime::fromString(now, Qt::ISODate);
    const qint64 nowMs = QDateTime(local.date(), local.time(), berlin).toMSecsSinceEpoch();
    ViewerFilterState state;
    state.timeRange = ViewerFilterState::TimeRange(range);
    const auto [fromMs, untilMs] = state.interval(nowMs, berlin, Qt::DayOfWeek(firstDay));
    QCOMPARE(QDateTime::fromMSecsSinceEpoch(fromMs, Qt::UTC).toString(Qt::ISODate), from);
    if (until.isEmpty())
        QCOMPARE(untilMs, nowMs + 1);
    else
        QCOMPARE(QDateTime::fromMSecsSinceEpoch(untilMs, Qt::UTC).toString(Qt::ISODate), until);
}

void TestViewerSettings::calendarRangesPersist()
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("v.ini")), QSettings::IniFormat);
    ViewerSettings viewer(&settings);
    using TR = ViewerFilterState::TimeRange;
    for (TR range : { TR::Today, TR::Yesterday, TR::ThisWeek, TR::LastWeek }) {
        ViewerFilterState state;
        state.timeRange = range;
        viewer.setFilterState(state);
        QCOMPARE(viewer.filterState().timeRange, range);
    }
}

void TestViewerSettings::accountsRoundTrip()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("v.ini"));
    const QList<SavedAccount> accounts {
        { QStringLiteral("account-1"), QStringLiteral("Production"), QUrl(QStringLiteral("https://cdn.emnify.net")),
            QStringLiteral("4711"), true },
        { QStringLiteral("account-2"), QStringLiteral("Staging (EU)"),
            QUrl(QStringLiteral("http://127.0.0.1:8081/")), {}, false },
    };
    {
        QSettings settings(path, QSettings::IniFormat);
        ViewerSettings viewer(&settings);
        QVERIFY(viewer.accounts().isEmpty());
        QVERIFY(viewer.lastAccountId().isEmpty());
        viewer.setAccounts(accounts);
        viewer.setLastAccountId(QStringLiteral("account-2"));
        viewer.sync();
    }
    QSettings settings(path, QSettings::IniFormat);
    ViewerSettings viewer(&settings);
    QCOMPARE(viewer.accounts(), accounts);
    QCOMPARE(viewer.lastAccountId(), QStringLiteral("account-2"));
    // A shorter list leaves nothing of the longer one behind.
    viewer.setAccounts({ accounts.at(1) });
    QCOMPARE(viewer.accounts(), QList<SavedAccount> { accounts.at(1) });
    viewer.setAccounts({});
    QVERIFY(viewer.accounts().isEmpty());
    for (const QString &key : settings.allKeys())
        QVERIFY2(!key.contains(QLatin1String("token"), Qt::CaseInsensitive), qPrintable(key));
}

// Settings of the one-connection viewer: the account keeps the keychain entry that version wrote.
void TestViewerSettings::legacyConnectionIsOneAccount()
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("v.ini")), QSettings::IniFormat);
    settings.setValue(QStringLiteral("connection/apiUrl"), QStringLiteral("https://api.example.com"));
    settings.setValue(QStringLiteral("connection/rememberToken"), true);
    const ViewerSettings viewer(&settings);
    const QList<SavedAccount> accounts = viewer.accounts();
    QCOMPARE(accounts.size(), 1);
    QCOMPARE(accounts.first().id, QStringLiteral("api.example.com"));
    QCOMPARE(accounts.first().name, QStringLiteral("api.example.com"));
    QCOMPARE(accounts.first().apiUrl, QUrl(QStringLiteral("https://api.example.com")));
    QVERIFY(accounts.first().rememberToken);
}

void TestViewerSettings::brokenAccountEntriesAreDropped()
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("v.ini")), QSettings::IniFormat);
    settings.beginWriteArray(QStringLiteral("accounts"), 4);
    const QStringList ids { QStringLiteral("a"), QString(), QStringLiteral("c"), QStringLiteral("d") };
    const QStringList names { QStringLiteral("One"), QStringLiteral("No id"), QStringLiteral("one"),
        QStringLiteral("Two") };
    for (int i = 0; i < 4; ++i) {
        settings.setArrayIndex(i);
        settings.setValue(QStringLiteral("id"), ids.at(i));
        settings.setValue(QStringLiteral("name"), names.at(i));
        settings.setValue(QStringLiteral("apiUrl"), QStringLiteral("https://a.example"));
    }
    settings.endArray();
    const ViewerSettings viewer(&settings);
    const QList<SavedAccount> accounts = viewer.accounts();
    QCOMPARE(accounts.size(), 2); // no id, and a name taken already ("one" is "One")
    QCOMPARE(accounts.at(0).name, QStringLiteral("One"));
    QCOMPARE(accounts.at(1).name, QStringLiteral("Two"));
}

void TestViewerSettings::renameAndRemove_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("newName");
    QTest::addColumn<bool>("renamed");
    QTest::addColumn<QStringList>("names");
    const QStringList unchanged { QStringLiteral("Production"), QStringLiteral("Staging") };
    QTest::newRow("new name") << "p" << " Live " << true << QStringList { "Live", "Staging" };
    QTest::newRow("same name, other case") << "p" << "production" << true << QStringList { "production", "Staging" };
    QTest::newRow("taken") << "p" << "staging" << false << unchanged;
    QTest::newRow("empty") << "p" << "   " << false << unchanged;
    QTest::newRow("unknown id") << "x" << "Other" << false << unchanged;
}

void TestViewerSettings::renameAndRemove()
{
    QFETCH(QString, id);
    QFETCH(QString, newName);
    QFETCH(bool, renamed);
    QFETCH(QStringList, names);
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("v.ini")), QSettings::IniFormat);
    ViewerSettings viewer(&settings);
    QList<SavedAccount> accounts {
        { QStringLiteral("p"), QStringLiteral("Production"), QUrl(QStringLiteral("https://a.example")), {}, true },
        { QStringLiteral("s"), QStringLiteral("Staging"), QUrl(QStringLiteral("https://b.example")), {}, false },
    };
    QCOMPARE(SavedAccounts::rename(accounts, id, newName), renamed);
    viewer.setAccounts(accounts);
    QStringList read;
    for (const SavedAccount &account : viewer.accounts())
        read << account.name;
    QCOMPARE(read, names);

    QList<SavedAccount> list = viewer.accounts();
    QVERIFY(SavedAccounts::remove(list, QStringLiteral("s")));
    QVERIFY(!SavedAccounts::remove(list, QStringLiteral("s")));
    viewer.setAccounts(list);
    QCOMPARE(viewer.accounts().size(), 1);
    QCOMPARE(viewer.accounts().first().id, QStringLiteral("p"));
}

void TestViewerSettings::uniqueNames()
{
    QList<SavedAccount> accounts;
    QCOMPARE(SavedAccounts::uniqueName(accounts, QStringLiteral(" cdn.emnify.net ")), QStringLiteral("cdn.emnify.net"));
    SavedAccounts::put(accounts, { QStringLiteral("1"), QStringLiteral("cdn.emnify.net"), {}, {}, false });
    QCOMPARE(SavedAccounts::uniqueName(accounts, QStringLiteral("cdn.emnify.net")), QStringLiteral("cdn.emnify.net (2)"));
    SavedAccounts::put(accounts, { QStringLiteral("2"), QStringLiteral("cdn.emnify.net (2)"), {}, {}, false });
    QCOMPARE(SavedAccounts::uniqueName(accounts, QStringLiteral("CDN.emnify.net")), QStringLiteral("CDN.emnify.net (3)"));
    SavedAccounts::put(accounts, { QStringLiteral("1"), QStringLiteral("Renamed"), {}, {}, false });
    QCOMPARE(accounts.size(), 2);
    QVERIFY(SavedAccounts::findName(accounts, QStringLiteral("renamed")));
    QVERIFY(SavedAccount::newId() != SavedAccount::newId());
    QVERIFY(SavedAccount::sameApi(QUrl(QStringLiteral("https://A.example/")), QUrl(QStringLiteral("https://a.example"))));
    QVERIFY(!SavedAccount::sameApi(QUrl(QStringLiteral("http://127.0.0.1:1")), QUrl(QStringLiteral("http://127.0.0.1:2"))));
}

void TestViewerSettings::retentionDefaultsAndBounds_data()
{
    QTest::addColumn<QVariant>("stored");
    QTest::addColumn<int>("months");
    QTest::addColumn<qint64>("bytes");
    const qint64 twoGiB = qint64(2) << 30;
    QTest::newRow("default") << QVariant() << 13 << twoGiB;
    QTest::newRow("garbage") << QVariant(QStringLiteral("lots")) << 13 << twoGiB;
    QTest::newRow("zero") << QVariant(0) << 1 << qint64(0);
    QTest::newRow("negative") << QVariant(-5) << 1 << twoGiB;
    QTest::newRow("huge") << QVariant(100000) << 120 << qint64(100000);
}

void TestViewerSettings::retentionDefaultsAndBounds()
{
    QFETCH(QVariant, stored);
    QFETCH(int, months);
    QFETCH(qint64, bytes);
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("v.ini")), QSettings::IniFormat);
    if (stored.isValid()) {
        settings.setValue(QStringLiteral("archive/retentionMonths"), stored);
        settings.setValue(QStringLiteral("archive/maxBytes"), stored);
    }
    ViewerSettings viewer(&settings);
    QCOMPARE(viewer.archiveRetentionMonths(), months);
    QCOMPARE(viewer.archiveMaxBytes(), bytes);
    viewer.setArchiveRetentionMonths(24);
    viewer.setArchiveMaxBytes(qint64(5) << 30);
    QCOMPARE(viewer.archiveRetentionMonths(), 24);
    QCOMPARE(viewer.archiveMaxBytes(), qint64(5) << 30);
}

QTEST_GUILESS_MAIN(TestViewerSettings)
#include "tst_viewersettings.moc"
