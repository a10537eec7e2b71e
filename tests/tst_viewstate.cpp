// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "model/eventtypecatalogue.h"
#include "session/savedviews.h"
#include "session/viewfile.h"
#include "session/viewhistory.h"
#include "session/viewstate.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

Q_DECLARE_METATYPE(ViewState)

namespace {

ViewState searchFor(const QString &text)
{
    ViewState state;
    state.filter.searchText = text;
    return state;
}

// Every field set to something other than its default.
ViewState everything()
{
    ViewState state;
    state.filter.timeRange = ViewerFilterState::TimeRange::Custom;
    state.filter.customFrom = QDateTime(QDate(2026, 11, 1), QTime(8, 30), QTimeZone::utc()).toLocalTime();
    state.filter.customUntil = QDateTime(QDate(2026, 11, 2), QTime(17, 0), QTimeZone::utc()).toLocalTime();
    state.filter.hiddenSeverities = { 0 };
    state.filter.hiddenSources = { 1, 2 };
    state.filter.hiddenCategories = { 3, 15 };
    state.filter.hiddenTypeIds = { 1, 38 };
    state.filter.searchText = QStringLiteral("apn:internet -imsi:1234");
    state.filter.pivots = { QStringLiteral("type:\"Update location\"") };
    state.filter.scopeKind = ViewerFilterState::ScopeKind::Sim;
    state.filter.scopeId = QStringLiteral("8988303000123456789");
    state.pins = { { EventEntity::Endpoint, 9007199254740993LL, QStringLiteral("Sensor \"12\"") },
        { EventEntity::Order, 16168172, QStringLiteral("16168172") } };
    state.sortColumn = EventColumns::Device;
    state.sortOrder = Qt::AscendingOrder;
    state.columns = { EventColumns::Time, EventColumns::Severity, EventColumns::Description };
    state.selectedEventId = 9007199254740993LL; // past 2^53: a JSON number would lose it
    state.topEventId = 42;
    return state;
}

QByteArray viewsFile(int version, const QJsonObject &view, const QJsonObject &extra = {})
{
    QJsonObject entry { { QStringLiteral("name"), QStringLiteral("Auth failures") },
        { QStringLiteral("view"), view } };
    for (auto it = extra.begin(); it != extra.end(); ++it)
        entry.insert(it.key(), it.value());
    const QJsonObject file { { QStringLiteral("format"), QStringLiteral("emnify-event-viewer/views") },
        { QStringLiteral("version"), version }, { QStringLiteral("views"), QJsonArray { entry } } };
    return QJsonDocument(file).toJson();
}

} // namespace

class TestViewState : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void jsonRoundTrip_data();
    void jsonRoundTrip();
    void unknownAndInvalidFieldsAreNamed_data();
    void unknownAndInvalidFieldsAreNamed();
    void historyBackAndForward();
    void historyCollapsesAndRefinesScroll();
    void historyNewStepDropsForward();
    void historyIsCapped();
    void historyPersists();
    void builtInViewsInOrder();
    void savedViewsCrud();
    void builtInsCanBeHiddenChangedAndRestored();
    void savedViewsPersist();
    void exportImportRoundTrip();
    void importNewerVersionSaysWhatItLeftOut();
    void importBrokenFileChangesNothing_data();
    void importBrokenFileChangesNothing();
    void viewFileSidecar();
    void viewFileOpensSavedViewsFile();
};

void TestViewState::jsonRoundTrip_data()
{
    QTest::addColumn<ViewState>("state");
    QTest::newRow("default") << ViewState {};
    QTest::newRow("everything") << everything();
    ViewState relative;
    relative.filter.timeRange = ViewerFilterState::TimeRange::ThisWeek;
    relative.filter.scopeKind = ViewerFilterState::ScopeKind::User;
    relative.filter.scopeId = QStringLiteral("my");
    QTest::newRow("relative range, user scope") << relative;
}

void TestViewState::jsonRoundTrip()
{
    QFETCH(ViewState, state);
    QStringList problems;
    // Through text, as a file would go.
    const QByteArray text = QJsonDocument(state.toJson()).toJson();
    const ViewState back = ViewState::fromJson(QJsonDocument::fromJson(text).object(), &problems);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    QCOMPARE(back, state);
}

void TestViewState::unknownAndInvalidFieldsAreNamed_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("named");
    QTest::newRow("unknown top field") << QByteArray(R"({"colour":"red"})") << QStringLiteral("colour");
    QTest::newRow("unknown nested field")
        << QByteArray(R"({"sort":{"column":"time","order":"ascending","nulls":"last"}})")
        << QStringLiteral("sort.nulls");
    QTest::newRow("unknown range") << QByteArray(R"({"range":{"last":"5y"}})") << QStringLiteral("5y");
    QTest::newRow("unknown category")
        << QByteArray(R"({"hiddenCategories":["generic","teleport"]})") << QStringLiteral("teleport");
    QTest::newRow("unknown severity")
        << QByteArray(R"({"hiddenSeverities":["panic"]})") << QStringLiteral("panic");
    QTest::newRow("unknown column") << QByteArray(R"({"columns":["time","colour"]})")
                                    << QStringLiteral("colour");
    QTest::newRow("scope without id") << QByteArray(R"({"scope":{"kind":"sim"}})") << QStringLiteral("scope");
    QTest::newRow("unknown pin kind")
        << QByteArray(R"({"pins":[{"entity":"planet","id":"3","label":"Mars"},{"entity":"sim","id":"7","label":"x"}]})")
        << QStringLiteral("pins[0]");
    QTest::newRow("pin id not a number")
        << QByteArray(R"({"pins":[{"entity":"device","id":"x12","label":"Sensor"}]})") << QStringLiteral("pins[0]");
}

void TestViewState::unknownAndInvalidFieldsAreNamed()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, named);
    QStringList problems;
    const ViewState state
        = ViewState::fromJson(QJsonDocument::fromJson(json).object(), &problems, QStringLiteral("view"));
    QCOMPARE(problems.size(), 1);
    QVERIFY2(problems.first().contains(named), qPrintable(problems.first()));
    QVERIFY2(problems.first().startsWith(QLatin1String("view.")), qPrintable(problems.first()));
    // What could be read still is: the known category of the list, the known column.
    if (json.contains("generic"))
        QCOMPARE(state.filter.hiddenCategories, QSet<int> { 0 });
    if (json.contains("columns"))
        QCOMPARE(state.columns, QList<EventColumns::Column> { EventColumns::Time });
    if (json.contains("Mars"))
        QCOMPARE(state.pins, (QList<EntityPin> { { EventEntity::Sim, 7, QStringLiteral("x") } }));
}

void TestViewState::historyBackAndForward()
{
    ViewHistory history;
    QVERIFY(!history.canGoBack());
    QVERIFY(history.push(searchFor(QStringLiteral("a"))));
    QVERIFY(history.push(searchFor(QStringLiteral("ab"))));
    QVERIFY(history.push(searchFor(QStringLiteral("abc"))));
    QVERIFY(history.canGoBack());
    QVERIFY(!history.canGoForward());
    QCOMPARE(history.back().filter.searchText, QStringLiteral("ab"));
    QCOMPARE(history.back().filter.searchText, QStringLiteral("a"));
    QVERIFY(!history.canGoBack());
    QCOMPARE(history.back().filter.searchText, QStringLiteral("a")); // stays at the first
    QCOMPARE(history.forward().filter.searchText, QStringLiteral("ab"));
    QCOMPARE(history.forward().filter.searchText, QStringLiteral("abc"));
    QVERIFY(!history.canGoForward());
}

void TestViewState::historyCollapsesAndRefinesScroll()
{
    ViewHistory history;
    ViewState state = searchFor(QStringLiteral("a"));
    QVERIFY(history.push(state));
    QVERIFY(!history.push(state));
    state.topEventId = 7; // scrolled: the same step, where it now is
    QVERIFY(!history.push(state));
    QCOMPARE(history.size(), 1);
    QCOMPARE(history.current()->topEventId, std::optional<qint64>(7));
    state.selectedEventId = 9; // another event selected: a step
    QVERIFY(history.push(state));
    QCOMPARE(history.size(), 2);
}

void TestViewState::historyNewStepDropsForward()
{
    ViewHistory history;
    for (const char *text : { "a", "b", "c" })
        history.push(searchFor(QLatin1String(text)));
    history.back();
    history.back();
    QVERIFY(history.push(searchFor(QStringLiteral("x"))));
    QCOMPARE(history.size(), 2);
    QVERIFY(!history.canGoForward());
    QCOMPARE(history.back().filter.searchText, QStringLiteral("a"));
}

void TestViewState::historyIsCapped()
{
    ViewHistory history;
    for (int i = 0; i < ViewHistory::Capacity + 10; ++i)
        history.push(searchFor(QString::number(i)));
    QCOMPARE(history.size(), ViewHistory::Capacity);
    QCOMPARE(history.current()->filter.searchText, QString::number(ViewHistory::Capacity + 9));
    QCOMPARE(history.steps().first().filter.searchText, QStringLiteral("10")); // the oldest went
}

void TestViewState::historyPersists()
{
    ViewHistory history;
    history.push(searchFor(QStringLiteral("a")));
    history.push(everything());
    history.push(searchFor(QStringLiteral("c")));
    history.back();
    const ViewHistory restored = ViewHistory::fromJson(history.toJson());
    QCOMPARE(restored.steps(), history.steps());
    QCOMPARE(restored.index(), 1);
    QVERIFY(restored.canGoForward());
    QCOMPARE(ViewHistory::fromJson("{broken").size(), 0);
    QCOMPARE(ViewHistory::fromJson(R"({"version":99,"index":0,"steps":[{}]})").size(), 0);
}

void TestViewState::builtInViewsInOrder()
{
    const SavedViews views;
    const QList<SavedView> shown = views.shownViews();
    QCOMPARE(shown.size(), 4);
    QCOMPARE(shown.at(0).displayName(), QStringLiteral("Warn and Critical, last 24 h"));
    QCOMPARE(shown.at(1).displayName(), QStringLiteral("SIM orders, last 7 days"));
    QCOMPARE(shown.at(2).displayName(), QStringLiteral("Authentication, last 24 h"));
    QCOMPARE(
        shown.at(3).displayName(), QStringLiteral("Platform package and data plan changes, last 30 days"));
    QCOMPARE(shown.at(0).state.filter.hiddenSeverities, QSet<int> { 0 });
    QCOMPARE(shown.at(0).state.filter.timeRange, ViewerFilterState::TimeRange::Last24Hours);
    QCOMPARE(shown.at(3).state.filter.timeRange, ViewerFilterState::TimeRange::Last30Days);
    // SIM orders: every category hidden but the SIM order one.
    const EventTypeCatalogue &catalogue = EventTypeCatalogue::builtIn();
    const QSet<int> hidden = shown.at(1).state.filter.hiddenCategories;
    QCOMPARE(hidden.size(), catalogue.categories().size() - 1);
    QVERIFY(!hidden.contains(catalogue.categoryOf(38))); // Order submitted
    QVERIFY(!shown.at(2).state.filter.hiddenCategories.contains(catalogue.categoryOf(7))); // app auth failed
    QVERIFY(!shown.at(2).state.filter.hiddenCategories.contains(catalogue.categoryOf(37))); // password reset
    QVERIFY(!shown.at(3).state.filter.hiddenCategories.contains(catalogue.categoryOf(33))); // package updated
}

void TestViewState::savedViewsCrud()
{
    SavedViews views;
    const QString id = views.add(QStringLiteral("  Auth failures  "), everything());
    QCOMPARE(views.shownViews().size(), 5);
    QCOMPARE(views.find(id)->name, QStringLiteral("Auth failures"));
    QVERIFY(!views.find(id)->state.selectedEventId); // a saved view is no position
    QVERIFY(views.rename(id, QStringLiteral("Auth, last day")));
    QVERIFY(!views.rename(id, QStringLiteral("   "))); // no empty names
    QCOMPARE(views.find(id)->displayName(), QStringLiteral("Auth, last day"));
    QVERIFY(views.move(id, 0));
    QCOMPARE(views.shownViews().first().id, id); // now Ctrl+1
    QVERIFY(views.remove(id));
    QVERIFY(!views.find(id));
    QCOMPARE(views.shownViews().size(), 4);
    QVERIFY(!views.remove(id));
}

void TestViewState::builtInsCanBeHiddenChangedAndRestored()
{
    SavedViews views;
    const QString first = views.shownViews().at(0).id;
    QVERIFY(views.remove(first)); // hidden, not gone
    QCOMPARE(views.shownViews().size(), 3);
    QCOMPARE(views.shownViews().first().displayName(), QStringLiteral("SIM orders, last 7 days"));
    QVERIFY(views.find(first)->hidden);
    const QString second = views.shownViews().at(0).id;
    QVERIFY(views.rename(second, QStringLiteral("Orders")));
    QVERIFY(views.setState(second, searchFor(QStringLiteral("order"))));
    views.restoreBuiltIns();
    QCOMPARE(views.shownViews(), SavedViews().shownViews());
}

void TestViewState::savedViewsPersist()
{
    SavedViews views;
    const QString id = views.add(QStringLiteral("Mine"), everything());
    views.remove(views.views().first().id);
    views.rename(views.views().at(1).id, QStringLiteral("Orders"));
    views.move(id, 1);
    const SavedViews restored = SavedViews::fromSettings(views.toSettings());
    QCOMPARE(restored.views(), views.views());
    QCOMPARE(SavedViews::fromSettings("not json").views(), SavedViews().views());
    QCOMPARE(SavedViews::fromSettings({}).views(), SavedViews().views());
}

void TestViewState::exportImportRoundTrip()
{
    SavedViews mine;
    const QString id = mine.add(QStringLiteral("SIM orders shipped this week"), everything());
    const QByteArray file = mine.exportJson({ id });
    SavedViews colleague;
    const SavedViews::ImportResult result = colleague.importJson(file);
    QVERIFY(result.ok);
    QVERIFY2(result.problems.isEmpty(), qPrintable(result.problems.join(QLatin1Char('\n'))));
    QCOMPARE(result.addedIds.size(), 1);
    const SavedView *imported = colleague.find(result.addedIds.first());
    QVERIFY(imported);
    QCOMPARE(imported->name, QStringLiteral("SIM orders shipped this week"));
    QCOMPARE(imported->state, everything().withoutPosition());
    QCOMPARE(colleague.shownViews().size(), 5);
}

void TestViewState::importNewerVersionSaysWhatItLeftOut()
{
    SavedViews views;
    const QJsonObject view { { QStringLiteral("range"),
                                 QJsonObject { { QStringLiteral("last"), QStringLiteral("24h") } } },
        { QStringLiteral("hiddenSeverities"), QJsonArray { QStringLiteral("info") } },
        { QStringLiteral("colourScheme"), QStringLiteral("dark") } };
    const SavedViews::ImportResult result
        = views.importJson(viewsFile(2, view, { { QStringLiteral("icon"), QStringLiteral("lock") } }));
    QVERIFY(result.ok);
    const QString problems = result.problems.join(QLatin1Char('\n'));
    QVERIFY2(problems.contains(QLatin1String("newer version")), qPrintable(problems));
    QVERIFY2(problems.contains(QLatin1String("views[0].icon")), qPrintable(problems));
    QVERIFY2(problems.contains(QLatin1String("colourScheme")), qPrintable(problems));
    QCOMPARE(result.problems.size(), 3);
    const SavedView *imported = views.find(result.addedIds.value(0));
    QVERIFY(imported);
    // What it knows is applied.
    QCOMPARE(imported->state.filter.timeRange, ViewerFilterState::TimeRange::Last24Hours);
    QCOMPARE(imported->state.filter.hiddenSeverities, QSet<int> { 0 });
}

void TestViewState::importBrokenFileChangesNothing_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("error");
    QTest::newRow("truncated") << viewsFile(1, {}).left(40) << QStringLiteral("not valid JSON");
    QTest::newRow("not views") << QByteArray(R"({"format":"something else","views":[]})")
                               << QStringLiteral("no saved views");
    QTest::newRow("no version") << QByteArray(R"({"format":"emnify-event-viewer/views","views":[]})")
                                << QStringLiteral("no valid version");
    QTest::newRow("empty") << QByteArray() << QStringLiteral("not valid JSON");
}

void TestViewState::importBrokenFileChangesNothing()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, error);
    SavedViews views;
    const QList<SavedView> before = views.views();
    const SavedViews::ImportResult result = views.importJson(json);
    QVERIFY(!result.ok);
    QVERIFY2(result.error.contains(error), qPrintable(result.error));
    QCOMPARE(views.views(), before);
}

void TestViewState::viewFileSidecar()
{
    QTemporaryDir dir;
    const QString csv = dir.filePath(QStringLiteral("export.csv"));
    QCOMPARE(ViewFile::sidecarPath(csv), csv + QStringLiteral(".view.json"));
    ViewFile file;
    file.view = everything();
    file.account = QStringLiteral("Production");
    file.exportedAt = QDateTime(QDate(2026, 12, 2), QTime(10, 0), QTimeZone::utc());
    file.rows = 1234;
    file.exportedFile = QStringLiteral("export.csv");
    QString error;
    QVERIFY(file.write(ViewFile::sidecarPath(csv), &error));
    QStringList problems;
    const std::optional<ViewFile> back = ViewFile::read(ViewFile::sidecarPath(csv), &error, &problems);
    QVERIFY2(back, qPrintable(error));
    QVERIFY(problems.isEmpty());
    QCOMPARE(back->view, everything().withoutPosition());
    QCOMPARE(back->account, QStringLiteral("Production"));
    QCOMPARE(back->exportedAt, file.exportedAt);
    QCOMPARE(back->rows, 1234);
    QCOMPARE(back->exportedFile, QStringLiteral("export.csv"));
    QVERIFY(!ViewFile::read(dir.filePath(QStringLiteral("missing.view.json")), &error, &problems));
    QVERIFY(!ViewFile::parse("[1,2", &error, &problems));
    QVERIFY(error.contains(QLatin1String("not valid JSON")));
}

void TestViewState::viewFileOpensSavedViewsFile()
{
    SavedViews views;
    QString error;
    QStringList problems;
    const std::optional<ViewFile> file = ViewFile::parse(views.exportJson(), &error, &problems);
    QVERIFY2(file, qPrintable(error));
    QCOMPARE(file->view, views.shownViews().first().state);
    QCOMPARE(problems.size(), 1); // four views in it: the first is taken, and it says so
    QVERIFY(problems.first().contains(QLatin1String("Warn and Critical")));
}

QTEST_APPLESS_MAIN(TestViewState)
#include "tst_viewstate.moc"
