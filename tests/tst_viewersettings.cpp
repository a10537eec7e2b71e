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
    void garbageIsIgnored();
    void providerNames();
    void calendarRanges_data();
    void calendarRanges();
    void calendarRangesPersist();
};

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

QTEST_GUILESS_MAIN(TestViewerSettings)
#include "tst_viewersettings.moc"
