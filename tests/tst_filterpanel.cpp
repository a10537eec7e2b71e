// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "model/eventtypecatalogue.h"
#include "widgets/filterpanel.h"

#include <QApplication>
#include <QCheckBox>
#include <QAbstractItemView>
#include <QComboBox>
#include <QCompleter>
#include <QContextMenuEvent>
#include <QDateTimeEdit>
#include <QLabel>
#include <QMenu>
#include <QTimer>
#include <QLineEdit>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTreeWidget>

class TestFilterPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void treeHasEveryCategoryAndType();
    void untickCategory();
    void stateRoundTrip();
    void searchIsDebounced();
    void unknownTypesJoinOther();
    void showOnlyOneCategoryOrType_data();
    void showOnlyOneCategoryOrType();
    void timeRangeAsksForNewQuery();
    void typedRangeIsRead_data();
    void typedRangeIsRead();
    void calendarPresetsAreOffered();
    void clearFiltersKeepsRange();
    void searchProblemShownUnderTheBox_data();
    void searchProblemShownUnderTheBox();
    void scopeEditorTakesWhatPeopleHave_data();
    void scopeEditorTakesWhatPeopleHave();
    void scopeCompleterPutsTheId();
    void typedKnownEntityReadsItsId_data();
    void typedKnownEntityReadsItsId();

private:
    static QTreeWidgetItem *find(QTreeWidget *tree, const QString &text);
};

QTreeWidgetItem *TestFilterPanel::find(QTreeWidget *tree, const QString &text)
{
    const QList<QTreeWidgetItem *> items = tree->findItems(text, Qt::MatchExactly | Qt::MatchRecursive);
    return items.isEmpty() ? nullptr : items.first();
}

void TestFilterPanel::treeHasEveryCategoryAndType()
{
    FilterPanel panel;
    auto *tree = panel.findChild<QTreeWidget *>(QStringLiteral("categoryTree"));
    QVERIFY(tree);
    QVERIFY(find(tree, QStringLiteral("Platform")));
    QVERIFY(find(tree, QStringLiteral("MNO / reseller")));
    QVERIFY(find(tree, QStringLiteral("Other")));
    const EventTypeCatalogue &catalogue = EventTypeCatalogue::builtIn();
    int types = 0;
    for (const EventTypeCatalogue::Category &category : catalogue.categories())
        types += int(category.typeIds.size());
    int items = 0;
    for (QTreeWidgetItemIterator it(tree); *it; ++it)
        items += (*it)->childCount() == 0 && (*it)->parent() && (*it)->parent()->parent() ? 1 : 0;
    QCOMPARE(items, types);
    QTreeWidgetItem *order = find(tree, QStringLiteral("Order submitted"));
    QVERIFY(order);
    QCOMPARE(order->parent()->parent()->text(0), QStringLiteral("MNO / reseller"));
}

void TestFilterPanel::untickCategory()
{
    FilterPanel panel;
    auto *tree = panel.findChild<QTreeWidget *>(QStringLiteral("categoryTree"));
    QSignalSpy changed(&panel, &FilterPanel::localFilterChanged);
    const EventTypeCatalogue &catalogue = EventTypeCatalogue::builtIn();
    const int category = catalogue.categoryOf(38);
    QTreeWidgetItem *item = find(tree, QStringLiteral("Order submitted"))->parent();
    item->setCheckState(0, Qt::Unchecked);
    QVERIFY(changed.wait(1000));
    QCOMPARE(changed.size(), 1); // one burst of itemChanged, one signal
    const ViewerFilterState state = panel.state();
    QVERIFY(state.hiddenCategories.contains(category));
    QVERIFY(state.hiddenTypeIds.contains(38));
    QVERIFY(state.hiddenTypeIds.contains(39));
    QCOMPARE(item->parent()->checkState(0), Qt::PartiallyChecked);
    QVERIFY(panel.hasLocalFilters());
}

void TestFilterPanel::stateRoundTrip()
{
    ViewerFilterState state;
    state.timeRange = ViewerFilterState::TimeRange::LastHour;
    state.hiddenSeverities = { 2 };
    state.hiddenSources = { 0 };
    state.hiddenTypeIds = { 1, 5, 9999 }; // 9999: not known yet, kept anyway
    state.hiddenCategories = { EventTypeCatalogue::builtIn().categoryOf(13) };
    for (int id :
        EventTypeCatalogue::builtIn().categories().at(EventTypeCatalogue::builtIn().categoryOf(13)).typeIds)
        state.hiddenTypeIds.insert(id);
    state.searchText = QStringLiteral("acme");
    FilterPanel panel;
    QSignalSpy changed(&panel, &FilterPanel::localFilterChanged);
    QSignalSpy query(&panel, &FilterPanel::queryChanged);
    panel.setState(state);
    QCOMPARE(panel.state(), state);
    QVERIFY(!changed.wait(FilterPanel::SearchDebounceMs * 2)); // setState must not look like user input
    QCOMPARE(changed.size(), 0);
    QCOMPARE(query.size(), 0);
}

void TestFilterPanel::searchIsDebounced()
{
    FilterPanel panel;
    QSignalSpy changed(&panel, &FilterPanel::localFilterChanged);
    auto *search = panel.findChild<QLineEdit *>(QStringLiteral("searchEdit"));
    QTest::keyClicks(search, QStringLiteral("sample user"));
    QCOMPARE(changed.size(), 0);
    QVERIFY(changed.wait(1000));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(panel.state().searchText, QStringLiteral("sample user"));
    panel.clearSearch();
    QCOMPARE(changed.size(), 2); // clearing applies at once
    QVERIFY(panel.state().searchText.isEmpty());
}

void TestFilterPanel::unknownTypesJoinOther()
{
    FilterPanel panel;
    auto *tree = panel.findChild<QTreeWidget *>(QStringLiteral("categoryTree"));
    panel.setTypeCounts({ { 1, 10 }, { 38, 2 }, { 4242, 3 } }, { { 1, 4 }, { 4242, 3 } });
    QTreeWidgetItem *unknown = find(tree, QStringLiteral("Type 4242"));
    QVERIFY(unknown);
    QCOMPARE(unknown->parent()->text(0), QStringLiteral("Other"));
    QCOMPARE(unknown->parent()->text(1), QStringLiteral("3 / 3"));
    QCOMPARE(find(tree, QStringLiteral("MNO / reseller"))->text(1), QStringLiteral("0 / 2"));
    QCOMPARE(find(tree, QStringLiteral("Update location"))->text(1), QStringLiteral("4 / 10"));
    unknown->setCheckState(0, Qt::Unchecked);
    QVERIFY(panel.state().hiddenTypeIds.contains(4242));
}

void TestFilterPanel::showOnlyOneCategoryOrType_data()
{
    QTest::addColumn<QString>("item");
    QTest::addColumn<bool>("byMenu"); // else double-click
    const EventTypeCatalogue &catalogue = EventTypeCatalogue::builtIn();
    const QString category = catalogue.categories().at(catalogue.categoryOf(1)).name;
    QTest::newRow("category, double-click") << category << false;
    QTest::newRow("category, context menu") << category << true;
    QTest::newRow("type, double-click") << QStringLiteral("Update location") << false;
    QTest::newRow("type, context menu") << QStringLiteral("Update location") << true;
}

void TestFilterPanel::showOnlyOneCategoryOrType()
{
    QFETCH(QString, item);
    QFETCH(bool, byMenu);
    FilterPanel panel;
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    auto *tree = panel.findChild<QTreeWidget *>(QStringLiteral("categoryTree"));
    QTreeWidgetItem *target = find(tree, item);
    QVERIFY(target);
    tree->scrollToItem(target);
    const QPoint at = tree->visualItemRect(target).center();
    QSignalSpy changed(&panel, &FilterPanel::localFilterChanged);
    if (byMenu) {
        // The menu is modal: pick its first entry once it is up.
        QTimer::singleShot(0, &panel, [] {
            auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
            QVERIFY(menu);
            QCOMPARE(menu->actions().first()->text().startsWith(QLatin1String("Show only this")), true);
            menu->actions().first()->trigger();
            menu->close();
        });
        QContextMenuEvent event(QContextMenuEvent::Mouse, at, tree->viewport()->mapToGlobal(at));
        QApplication::sendEvent(tree->viewport(), &event);
    } else {
        QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, at);
        QTest::mouseDClick(tree->viewport(), Qt::LeftButton, {}, at);
    }
    QTRY_COMPARE(changed.size(), 1);
    const ViewerFilterState state = panel.state();
    const EventTypeCatalogue &catalogue = EventTypeCatalogue::builtIn();
    const bool isType = target->childCount() == 0;
    for (int typeId = 0; typeId < 200; ++typeId) {
        if (catalogue.typeName(typeId).startsWith(QLatin1String("Type ")))
            continue; // not a known type
        const bool hidden = state.hiddenTypeIds.contains(typeId)
            || state.hiddenCategories.contains(catalogue.categoryOf(typeId));
        const bool wanted = isType ? typeId == 1 : catalogue.categoryOf(typeId) == catalogue.categoryOf(1);
        QVERIFY2(hidden != wanted, qPrintable(QString::number(typeId)));
    }
}

void TestFilterPanel::typedRangeIsRead_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QDateTime>("expected"); // invalid: the previous value stays
    const QDateTime localWall(QDate(2026, 11, 30), QTime(14, 0), Qt::LocalTime);
    const QDateTime utc(QDate(2026, 11, 30), QTime(14, 0), Qt::UTC);
    QTest::newRow("local, space") << "2026-11-30 14:00" << localWall;
    QTest::newRow("local, T and seconds") << "2026-11-30T14:00:00" << localWall;
    QTest::newRow("UTC, Z") << "2026-11-30T14:00:00Z" << utc;
    QTest::newRow("offset") << "2026-11-30T15:00:00+01:00" << utc;
    QTest::newRow("UTC, word") << "2026-11-30 14:00 UTC" << utc;
    QTest::newRow("no date") << "2026-02-30 14:00" << QDateTime();
    QTest::newRow("not a time") << "soon" << QDateTime();
}

void TestFilterPanel::typedRangeIsRead()
{
    QFETCH(QString, typed);
    QFETCH(QDateTime, expected);
    FilterPanel panel;
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    auto *range = panel.findChild<QComboBox *>(QStringLiteral("timeRangeCombo"));
    range->setCurrentIndex(range->findData(int(ViewerFilterState::TimeRange::Custom)));
    auto *from = panel.findChild<QDateTimeEdit *>(QStringLiteral("fromEdit"));
    QVERIFY(from && from->isVisible());
    const QString before = from->text();
    QSignalSpy query(&panel, &FilterPanel::queryChanged);
    // A click into the middle of the field, then the whole time typed, then Enter: the first try.
    QLineEdit *text = from->findChild<QLineEdit *>();
    QVERIFY(text);
    QTest::mouseClick(text, Qt::LeftButton, {}, QPoint(text->width() / 2, text->height() / 2));
    QTRY_VERIFY(from->hasFocus());
    QTest::keyClicks(from, typed);
    QTest::keyClick(from, Qt::Key_Return);
    const ViewerFilterState state = panel.state();
    if (expected.isValid()) {
        QCOMPARE(state.customFrom.toMSecsSinceEpoch(), expected.toMSecsSinceEpoch());
        QVERIFY(query.size() >= 1);
    } else {
        QCOMPARE(from->text(), before); // what it showed before, to the minute
    }
}

void TestFilterPanel::calendarPresetsAreOffered()
{
    FilterPanel panel;
    auto *range = panel.findChild<QComboBox *>(QStringLiteral("timeRangeCombo"));
    using TR = ViewerFilterState::TimeRange;
    QSignalSpy query(&panel, &FilterPanel::queryChanged);
    for (TR preset : { TR::Today, TR::Yesterday, TR::ThisWeek, TR::LastWeek }) {
        const int index = range->findData(int(preset));
        QVERIFY(index >= 0);
        range->setCurrentIndex(index);
        QCOMPARE(panel.state().timeRange, preset);
    }
    QCOMPARE(query.size(), 4);
    QStringList names;
    for (int i = 0; i < range->count(); ++i)
        names << range->itemText(i);
    for (const char *name : { "Today", "Yesterday", "This week", "Last week" })
        QVERIFY2(names.contains(QLatin1String(name)), qPrintable(names.join(u',')));
}

void TestFilterPanel::timeRangeAsksForNewQuery()
{
    FilterPanel panel;
    QSignalSpy query(&panel, &FilterPanel::queryChanged);
    auto *range = panel.findChild<QComboBox *>(QStringLiteral("timeRangeCombo"));
    range->setCurrentIndex(range->findData(int(ViewerFilterState::TimeRange::LastHour)));
    QCOMPARE(query.size(), 1);
    QCOMPARE(panel.state().timeRange, ViewerFilterState::TimeRange::LastHour);
    range->setCurrentIndex(range->findData(int(ViewerFilterState::TimeRange::Custom)));
    QCOMPARE(query.size(), 2);
    const ViewerFilterState state = panel.state();
    QVERIFY(state.customFrom.isValid() && state.customFrom < state.customUntil);
}

void TestFilterPanel::clearFiltersKeepsRange()
{
    FilterPanel panel;
    ViewerFilterState state;
    state.timeRange = ViewerFilterState::TimeRange::Last30Days;
    state.hiddenSeverities = { 0, 1 };
    state.searchText = QStringLiteral("x");
    panel.setState(state);
    QSignalSpy changed(&panel, &FilterPanel::localFilterChanged);
    panel.clearFilters();
    QCOMPARE(changed.size(), 1);
    QCOMPARE(panel.state().timeRange, ViewerFilterState::TimeRange::Last30Days);
    QVERIFY(!panel.hasLocalFilters());
    QVERIFY(panel.findChild<QCheckBox *>(QStringLiteral("severityInfo"))->isChecked());
}

void TestFilterPanel::searchProblemShownUnderTheBox_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("problem"); // empty: none shown
    QTest::newRow("plain words") << QStringLiteral("shipped 16168172") << QString();
    QTest::newRow("field syntax") << QStringLiteral("-type:\"Update location\"") << QString();
    QTest::newRow("unterminated quote") << QStringLiteral("\"Update loc") << QStringLiteral("not closed");
    QTest::newRow("unknown field") << QStringLiteral("colour:red") << QStringLiteral("colour:");
    QTest::newRow("order id not a number") << QStringLiteral("order:abc") << QStringLiteral("takes a number");
}

void TestFilterPanel::searchProblemShownUnderTheBox()
{
    QFETCH(QString, typed);
    QFETCH(QString, problem);
    FilterPanel panel;
    panel.show();
    auto *search = panel.findChild<QLineEdit *>(QStringLiteral("searchEdit"));
    auto *label = panel.findChild<QLabel *>(QStringLiteral("searchErrorLabel"));
    QVERIFY(label);
    QVERIFY(!label->isVisible());
    QTest::keyClicks(search, typed);
    QCOMPARE(label->isVisible(), !problem.isEmpty());
    if (!problem.isEmpty())
        QVERIFY2(label->text().contains(problem), qPrintable(label->text()));
    search->clear();
    QVERIFY(!label->isVisible());
}

void TestFilterPanel::scopeEditorTakesWhatPeopleHave_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("typed");
    using K = ViewerFilterState::ScopeKind;
    QTest::newRow("sim id") << int(K::Sim) << QStringLiteral("7");
    QTest::newRow("ICCID") << int(K::Sim) << QStringLiteral("89883030001234567890"); // 20 digits
    QTest::newRow("IMSI") << int(K::Sim) << QStringLiteral("901430123456789");
    QTest::newRow("IMEI") << int(K::Endpoint) << QStringLiteral("490154203237518");
    QTest::newRow("device name") << int(K::Endpoint) << QStringLiteral("tracker-7");
    QTest::newRow("organisation name") << int(K::Organisation) << QStringLiteral("Sampe Corp");
    QTest::newRow("user e-mail") << int(K::User) << QStringLiteral("abc@cde.com");
}

void TestFilterPanel::scopeEditorTakesWhatPeopleHave()
{
    QFETCH(int, kind);
    QFETCH(QString, typed);
    FilterPanel panel;
    panel.show();
    auto *combo = panel.findChild<QComboBox *>(QStringLiteral("scopeCombo"));
    auto *edit = panel.findChild<QLineEdit *>(QStringLiteral("scopeIdEdit"));
    combo->setCurrentIndex(combo->findData(kind));
    QVERIFY(edit->isEnabled());
    QSignalSpy asked(&panel, &FilterPanel::queryChanged);
    asked.clear();
    QTest::keyClicks(edit, typed);
    QTest::keyClick(edit, Qt::Key_Return);
    QCOMPARE(panel.state().scopeId, typed);
    QCOMPARE(asked.size(), 1);
    QCOMPARE(panel.scopeText(), combo->currentText() + QLatin1Char(' ') + typed);
}

void TestFilterPanel::scopeCompleterPutsTheId()
{
    using K = ViewerFilterState::ScopeKind;
    FilterPanel panel;
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    panel.setKnownEntities({ { K::Sim, QStringLiteral("8988303000123456789"), 7 },
                             { K::Endpoint, QStringLiteral("tracker-7"), 42 },
                             { K::Endpoint, QStringLiteral("490154203237518"), 42 },
                             { K::Endpoint, QStringLiteral("meter-3"), 43 } });
    auto *combo = panel.findChild<QComboBox *>(QStringLiteral("scopeCombo"));
    auto *edit = panel.findChild<QLineEdit *>(QStringLiteral("scopeIdEdit"));
    combo->setCurrentIndex(combo->findData(int(K::Endpoint)));
    QSignalSpy asked(&panel, &FilterPanel::queryChanged);
    QTest::keyClicks(edit, QStringLiteral("TRACK"));
    QAbstractItemView *popup = edit->completer()->popup();
    QTRY_VERIFY(popup->isVisible());
    QCOMPARE(popup->model()->rowCount(), 1); // the device's name only, not the SIM's ICCID
    QCOMPARE(popup->model()->index(0, 0).data().toString(), QStringLiteral("tracker-7 \u00b7 42"));
    QTest::keyClick(popup, Qt::Key_Down);
    QTest::keyClick(popup, Qt::Key_Return);
    QTRY_COMPARE(panel.state().scopeId, QStringLiteral("42"));
    QTRY_VERIFY(!asked.isEmpty());
    // The SIM scope completes ICCIDs, by any part.
    combo->setCurrentIndex(combo->findData(int(K::Sim)));
    edit->clear();
    QTest::keyClicks(edit, QStringLiteral("303000"));
    QTRY_VERIFY(popup->isVisible());
    QCOMPARE(popup->model()->index(0, 0).data().toString(), QStringLiteral("8988303000123456789 \u00b7 7"));
}

void TestFilterPanel::typedKnownEntityReadsItsId_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("read"); // the scope id the state asks for
    using K = ViewerFilterState::ScopeKind;
    QTest::newRow("device name") << int(K::Endpoint) << QStringLiteral("tracker-7") << QStringLiteral("42");
    QTest::newRow("device name, other case") << int(K::Endpoint) << QStringLiteral("TRACKER-7") << QStringLiteral("42");
    QTest::newRow("IMEI") << int(K::Endpoint) << QStringLiteral("490154203237518") << QStringLiteral("42");
    QTest::newRow("IP") << int(K::Endpoint) << QStringLiteral("10.0.0.7") << QStringLiteral("42");
    QTest::newRow("ICCID") << int(K::Sim) << QStringLiteral("8988303000123456789") << QStringLiteral("7");
    QTest::newRow("user e-mail") << int(K::User) << QStringLiteral("greta@example.com") << QStringLiteral("5");
    QTest::newRow("organisation name") << int(K::Organisation) << QStringLiteral("Acme Logistics") << QStringLiteral("654321");
    QTest::newRow("unknown name: as typed") << int(K::Endpoint) << QStringLiteral("tracker-8") << QStringLiteral("tracker-8");
    QTest::newRow("part of a name: as typed") << int(K::Endpoint) << QStringLiteral("tracker") << QStringLiteral("tracker");
    QTest::newRow("a name two devices share: as typed") << int(K::Endpoint) << QStringLiteral("meter") << QStringLiteral("meter");
    QTest::newRow("another kind's text: as typed") << int(K::Sim) << QStringLiteral("tracker-7") << QStringLiteral("tracker-7");
    QTest::newRow("an id: as typed") << int(K::Sim) << QStringLiteral("99") << QStringLiteral("99");
}

void TestFilterPanel::typedKnownEntityReadsItsId()
{
    QFETCH(int, kind);
    QFETCH(QString, typed);
    QFETCH(QString, read);
    using K = ViewerFilterState::ScopeKind;
    FilterPanel panel;
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    panel.setKnownEntities({ { K::Sim, QStringLiteral("8988303000123456789"), 7 },
                             { K::Endpoint, QStringLiteral("tracker-7"), 42 },
                             { K::Endpoint, QStringLiteral("490154203237518"), 42 },
                             { K::Endpoint, QStringLiteral("10.0.0.7"), 42 },
                             { K::Endpoint, QStringLiteral("meter"), 43 },
                             { K::Endpoint, QStringLiteral("meter"), 44 },
                             { K::User, QStringLiteral("Greta Schmidt"), 5 },
                             { K::User, QStringLiteral("greta@example.com"), 5 },
                             { K::Organisation, QStringLiteral("Acme Logistics"), 654321 } });
    auto *combo = panel.findChild<QComboBox *>(QStringLiteral("scopeCombo"));
    auto *edit = panel.findChild<QLineEdit *>(QStringLiteral("scopeIdEdit"));
    combo->setCurrentIndex(combo->findData(kind));
    QSignalSpy asked(&panel, &FilterPanel::queryChanged);
    asked.clear();
    QTest::keyClicks(edit, typed);
    edit->completer()->popup()->hide(); // typed in full, not chosen from the list
    QTest::keyClick(edit, Qt::Key_Return);
    QTRY_COMPARE(asked.size(), 1);
    QCOMPARE(panel.state().scopeId, read);
    QCOMPARE(panel.scopeText(), combo->currentText() + QLatin1Char(' ') + typed); // what people typed
}

QTEST_MAIN(TestFilterPanel)
#include "tst_filterpanel.moc"
