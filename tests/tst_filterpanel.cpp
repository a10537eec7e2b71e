// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "model/eventtypecatalogue.h"
#include "widgets/filterpanel.h"

#include <QCheckBox>
#include <QAbstractItemView>
#include <QComboBox>
#include <QCompleter>
#include <QLabel>
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
    void timeRangeAsksForNewQuery();
    void clearFiltersKeepsRange();
    void searchProblemShownUnderTheBox_data();
    void searchProblemShownUnderTheBox();
    void scopeEditorTakesWhatPeopleHave_data();
    void scopeEditorTakesWhatPeopleHave();
    void scopeCompleterPutsTheId();

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
    panel.setTypeCounts({ { 1, 10 }, { 38, 2 }, { 4242, 3 } });
    QTreeWidgetItem *unknown = find(tree, QStringLiteral("Type 4242"));
    QVERIFY(unknown);
    QCOMPARE(unknown->parent()->text(0), QStringLiteral("Other"));
    QCOMPARE(unknown->parent()->text(1), QStringLiteral("3"));
    QCOMPARE(find(tree, QStringLiteral("MNO / reseller"))->text(1), QStringLiteral("2"));
    QCOMPARE(find(tree, QStringLiteral("Update location"))->text(1), QStringLiteral("10"));
    unknown->setCheckState(0, Qt::Unchecked);
    QVERIFY(panel.state().hiddenTypeIds.contains(4242));
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

QTEST_MAIN(TestFilterPanel)
#include "tst_filterpanel.moc"
