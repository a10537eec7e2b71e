// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "api/eventapiclient.h"
#include "filter/pivot.h"
#include "memorytokenstore.h"
#include "model/eventcolumns.h"
#include "session/eventsession.h"
#include "settings/viewersettings.h"
#include "sim/emnifysimulator.h"
#include "table/eventtablemodel.h"
#include "testdata.h"
#include "widgets/eventdetailpane.h"
#include "widgets/filterchip.h"
#include "widgets/filterpanel.h"
#include "widgets/mainwindow.h"
#include "widgets/pivotactions.h"
#include "widgets/windowshortcuts.h"
#include "windowharness.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QContextMenuEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QTreeWidget>

namespace {

constexpr qint64 minuteMs = 60'000;

QStringList actionTexts(const QMenu *menu)
{
    QStringList texts;
    for (const QAction *action : menu->actions()) {
        if (!action->isSeparator())
            texts.append(action->text());
    }
    return texts;
}

QAction *actionStartingWith(const QMenu *menu, const QString &start)
{
    for (QAction *action : menu->actions()) {
        if (action->text().startsWith(start))
            return action;
    }
    return nullptr;
}

// Triggers the entry; false (a failed test, not a crash) when the menu has none.
bool trigger(const QMenu *menu, const QString &start)
{
    QAction *action = actionStartingWith(menu, start);
    if (action)
        action->trigger();
    return action != nullptr;
}

// The entries of the payload tree's menu for this node, the menu closed again.
QStringList payloadMenuEntries(QTreeWidget *tree, QTreeWidgetItem *item)
{
    QStringList entries;
    QTimer::singleShot(0, qApp, [&entries] {
        if (auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget())) {
            entries = actionTexts(menu);
            menu->close();
        }
    });
    Q_EMIT tree->customContextMenuRequested(tree->visualItemRect(item).center());
    return entries;
}

} // namespace

class TestPivotMenu : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void cellMenuOffersTheEventsPivots();
    void showOnlyAndExcludeChangeTheRows_data();
    void showOnlyAndExcludeChangeTheRows();
    void pivotsCombineAndChipsRemoveThem();
    void entityPivotsPin_data();
    void entityPivotsPin();
    void eventsAroundKeepTheEventSelected();
    void payloadNodePivots();
    void hiddenSecretsDoNotPivot();
    void keyboardPivots();
    void shortcutsAreListed();
    void malformedSearchKeepsPivots();
    void pivotsPersist();

private:
    void createWindow();
    void loadSimulator();
    [[nodiscard]] int viewRowOfId(qint64 id) const;
    [[nodiscard]] QModelIndex cellOf(qint64 eventId, EventColumns::Column column) const;
    [[nodiscard]] int countWhere(EventColumns::Column column, const QString &value, bool equal) const;
    [[nodiscard]] QList<FilterChip *> pivotChipWidgets() const;

    std::vector<Event> m_docEvents;
    WindowHarness m_h;
};

void TestPivotMenu::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    // The docs examples moved into the last hour, 45 s apart, so that the default range holds them.
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    m_docEvents = TestData::docExamples();
    for (size_t i = 0; i < m_docEvents.size(); ++i)
        m_docEvents[i].timestampMs = now - 30000 - qint64(i) * 45000;
}

void TestPivotMenu::init() { m_h.start(m_docEvents); }

void TestPivotMenu::createWindow() { m_h.createWindow(); }

void TestPivotMenu::cleanup() { m_h.stop(); }

void TestPivotMenu::loadSimulator() { m_h.load(); }

int TestPivotMenu::viewRowOfId(qint64 id) const
{
    for (int row = 0; row < m_h.model->rowCount(); ++row) {
        if (m_h.model->index(row, 0).data(EventTableModel::EventIdRole).toLongLong() == id)
            return row;
    }
    return -1;
}

QModelIndex TestPivotMenu::cellOf(qint64 eventId, EventColumns::Column column) const
{
    const int row = viewRowOfId(eventId);
    return row < 0 ? QModelIndex() : m_h.model->index(row, column);
}

// The doc examples (all loaded) whose cell has this text, or has another one.
int TestPivotMenu::countWhere(EventColumns::Column column, const QString &value, bool equal) const
{
    int count = 0;
    for (qsizetype row = 0; row < m_h.model->store().size(); ++row) {
        const bool same
            = Pivot::cellValue(m_h.model->store(), row, column).compare(value, Qt::CaseInsensitive) == 0;
        count += same == equal;
    }
    return count;
}

QList<FilterChip *> TestPivotMenu::pivotChipWidgets() const
{
    QList<FilterChip *> chips;
    const QStringList texts = m_h.window->filterPanel()->pivotChips();
    for (FilterChip *chip : m_h.window->filterPanel()->findChildren<FilterChip *>()) {
        if (chip->isVisible() && texts.contains(chip->text()))
            chips.append(chip);
    }
    return chips;
}

void TestPivotMenu::cellMenuOffersTheEventsPivots()
{
    loadSimulator();
    // An event with a device, a SIM, an organisation and a user; then one without a user.
    const EventStore &store = m_h.model->store();
    qsizetype full = -1, noUser = -1, withUser = -1;
    for (qsizetype row = 0; row < store.size(); ++row) {
        const bool hasUser = store.userIndex(row) != EventStore::None;
        const bool hasRest = store.endpointIndex(row) != EventStore::None
            && store.simIndex(row) != EventStore::None && store.organisationIndex(row) != EventStore::None;
        if (hasRest && full < 0)
            full = row;
        if (!hasUser && noUser < 0)
            noUser = row;
        if (hasUser && withUser < 0)
            withUser = row;
    }
    QVERIFY(full >= 0 && noUser >= 0 && withUser >= 0);
    const QModelIndex index = cellOf(store.id(full), EventColumns::EventType);
    std::unique_ptr<QMenu> menu(m_h.window->pivotActions()->cellMenu(index, m_h.window.get()));
    const QString type = EventColumns::text(store, full, EventColumns::EventType);
    const QStringList texts = actionTexts(menu.get());
    QCOMPARE(texts.at(0), QStringLiteral("Show only \"%1\"\t=").arg(type));
    QCOMPARE(texts.at(1), QStringLiteral("Exclude \"%1\"\t-").arg(type));
    for (const char *entity : { "device", "SIM", "organisation" })
        QVERIFY2(
            actionStartingWith(menu.get(), QStringLiteral("Show only this %1 (").arg(QLatin1String(entity))),
            entity);
    std::unique_ptr<QMenu> userMenu(m_h.window->pivotActions()->cellMenu(
        cellOf(store.id(withUser), EventColumns::PerformedBy), m_h.window.get()));
    QVERIFY(actionStartingWith(userMenu.get(), QStringLiteral("Show only this user (")));
    QVERIFY(!actionStartingWith(menu.get(), QStringLiteral("Show only this order")));
    QVERIFY(texts.contains(QStringLiteral("Events around this one (±5 min)")));
    QVERIFY(texts.contains(
        m_h.window->findChild<QAction *>(QStringLiteral("actionCopy"))->text())); // the table's own

    std::unique_ptr<QMenu> other(m_h.window->pivotActions()->cellMenu(
        cellOf(store.id(noUser), EventColumns::Severity), m_h.window.get()));
    QVERIFY(!actionStartingWith(other.get(), QStringLiteral("Show only this user")));
    QVERIFY(actionTexts(other.get())
                .at(0)
                .startsWith(QStringLiteral("Show only \"%1\"")
                                .arg(EventColumns::text(store, noUser, EventColumns::Severity))));

    // The Time column has no value to pivot on, only the range around it.
    std::unique_ptr<QMenu> time(
        m_h.window->pivotActions()->cellMenu(cellOf(store.id(full), EventColumns::Time), m_h.window.get()));
    QVERIFY(!actionStartingWith(time.get(), QStringLiteral("Show only \"")));
    QVERIFY(actionStartingWith(time.get(), QStringLiteral("Events around")));

    // Right-click opens it as a popup.
    QTableView *table = m_h.window->tableView();
    table->scrollTo(index);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(index).center());
    QContextMenuEvent event(QContextMenuEvent::Mouse, table->visualRect(index).center(),
        table->viewport()->mapToGlobal(table->visualRect(index).center()));
    QApplication::sendEvent(table->viewport(), &event);
    QTRY_VERIFY(qobject_cast<QMenu *>(QApplication::activePopupWidget()));
    auto *popup = qobject_cast<QMenu *>(QApplication::activePopupWidget());
    QCOMPARE(actionTexts(popup).at(0), texts.at(0));
    popup->close();
}

void TestPivotMenu::showOnlyAndExcludeChangeTheRows_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<bool>("excluded");
    for (const EventColumns::Column column :
        { EventColumns::EventType, EventColumns::Severity, EventColumns::Category, EventColumns::Organisation,
            EventColumns::Source, EventColumns::Description }) {
        for (const bool excluded : { false, true }) {
            QTest::addRow("%s %s", qPrintable(EventColumns::key(column)), excluded ? "exclude" : "show only")
                << int(column) << excluded;
        }
    }
}

void TestPivotMenu::showOnlyAndExcludeChangeTheRows()
{
    QFETCH(int, column);
    QFETCH(bool, excluded);
    loadSimulator();
    const int total = m_h.model->rowCount();
    QCOMPARE(total, int(m_docEvents.size()));
    const EventStore &store = m_h.model->store();
    const qsizetype storeRow = 3;
    const auto col = EventColumns::Column(column);
    const QString value = Pivot::cellValue(store, storeRow, col);
    QVERIFY(!value.isEmpty());
    std::unique_ptr<QMenu> menu(
        m_h.window->pivotActions()->cellMenu(cellOf(store.id(storeRow), col), m_h.window.get()));
    QAction *action = actionStartingWith(
        menu.get(), (excluded ? QStringLiteral("Exclude \"") : QStringLiteral("Show only \"")));
    QVERIFY(action);
    action->trigger();
    const int expected = countWhere(col, value, !excluded);
    QVERIFY(expected > 0 && expected < total);
    QTRY_COMPARE(m_h.model->rowCount(), expected);
    const QString chip = m_h.window->filterPanel()->pivotChips().value(0);
    QCOMPARE(chip.startsWith(QLatin1String("not: ")), excluded);
    QVERIFY2(chip.contains(value.left(20)), qPrintable(chip));
    QVERIFY(m_h.window->statusText().contains(QStringLiteral("%1 shown").arg(expected)));

    // The chip's close button brings the rows back.
    QTRY_COMPARE(pivotChipWidgets().size(), 1);
    QTest::mouseClick(pivotChipWidgets().at(0)->closeButton(), Qt::LeftButton);
    QTRY_COMPARE(m_h.model->rowCount(), total);
    QVERIFY(m_h.window->filterPanel()->pivotChips().isEmpty());
}

void TestPivotMenu::pivotsCombineAndChipsRemoveThem()
{
    loadSimulator();
    const int total = m_h.model->rowCount();
    const EventStore &store = m_h.model->store();
    const int info = [&] {
        int n = 0;
        for (qsizetype r = 0; r < store.size(); ++r)
            n += store.severities()[store.severityIndex(r)].id == 0;
        return n;
    }();
    qsizetype infoRow = -1;
    for (qsizetype r = 0; r < store.size() && infoRow < 0; ++r) {
        if (store.severities()[store.severityIndex(r)].id == 0
            && EventColumns::text(store, r, EventColumns::EventType) == QLatin1String("Create PDP Context"))
            infoRow = r;
    }
    QVERIFY(infoRow >= 0);
    PivotActions *pivots = m_h.window->pivotActions();
    std::unique_ptr<QMenu> severity(
        pivots->cellMenu(cellOf(store.id(infoRow), EventColumns::Severity), m_h.window.get()));
    QVERIFY(trigger(severity.get(), QStringLiteral("Show only")));
    QTRY_COMPARE(m_h.model->rowCount(), info);
    std::unique_ptr<QMenu> type(
        pivots->cellMenu(cellOf(store.id(infoRow), EventColumns::EventType), m_h.window.get()));
    QVERIFY(trigger(type.get(), QStringLiteral("Exclude")));
    int infoNoPdp = 0;
    for (qsizetype r = 0; r < store.size(); ++r)
        infoNoPdp += store.severities()[store.severityIndex(r)].id == 0
            && EventColumns::text(store, r, EventColumns::EventType) != QLatin1String("Create PDP Context");
    QTRY_COMPARE(m_h.model->rowCount(), infoNoPdp);
    QCOMPARE(m_h.window->filterPanel()->pivotChips(),
        (QStringList { QStringLiteral("severity: Info"), QStringLiteral("not: type: Create PDP Context") }));
    // Show only after Exclude of the same value replaces it: not both.
    // (The excluded event no longer shows: the pivot comes from a cell of another such event.)
    QCOMPARE(viewRowOfId(store.id(infoRow)), -1);
    m_h.window->filterPanel()->addPivot(Pivot::cellTerm(store, infoRow, EventColumns::EventType, false));
    QCOMPARE(m_h.window->filterPanel()->pivotChips(),
        (QStringList { QStringLiteral("severity: Info"), QStringLiteral("type: Create PDP Context") }));
    QTRY_COMPARE(m_h.model->rowCount(), info - infoNoPdp);

    // Delete on the focused first chip removes it alone.
    QTRY_COMPARE(pivotChipWidgets().size(), 2);
    FilterChip *first = pivotChipWidgets().at(0);
    first->setFocus();
    QTRY_VERIFY(first->hasFocus());
    QTest::keyClick(first, Qt::Key_Delete);
    QTRY_COMPARE(
        m_h.window->filterPanel()->pivotChips(), QStringList { QStringLiteral("type: Create PDP Context") });
    QTRY_COMPARE(m_h.model->rowCount(),
        countWhere(EventColumns::EventType, QStringLiteral("Create PDP Context"), true));
    // Clear filters removes the pivots too.
    m_h.window->findChild<QAction *>(QStringLiteral("actionClearFilters"))->trigger();
    QTRY_COMPARE(m_h.model->rowCount(), total);
    QVERIFY(m_h.window->filterPanel()->pivotChips().isEmpty());

    // A value that looks like markup is shown as text.
    m_h.window->filterPanel()->addPivot(Pivot::term(u"device", QStringLiteral("<b>bold</b>"), false));
    QTRY_COMPARE(pivotChipWidgets().size(), 1);
    const auto labels = pivotChipWidgets().at(0)->findChildren<QLabel *>();
    QCOMPARE(labels.size(), 1);
    QCOMPARE(labels.at(0)->textFormat(), Qt::PlainText);
    QCOMPARE(labels.at(0)->text(), QStringLiteral("device: <b>bold</b>"));
    QTRY_COMPARE(m_h.model->rowCount(), 0);
}

void TestPivotMenu::entityPivotsPin_data()
{
    QTest::addColumn<QString>("entry");
    QTest::addColumn<QString>("chipStart");
    QTest::newRow("device") << QStringLiteral("Show only this device") << QStringLiteral("device ");
    QTest::newRow("SIM") << QStringLiteral("Show only this SIM") << QStringLiteral("SIM ");
    QTest::newRow("organisation") << QStringLiteral("Show only this organisation")
                                  << QStringLiteral("organisation ");
    QTest::newRow("user") << QStringLiteral("Show only this user") << QStringLiteral("user ");
    QTest::newRow("order") << QStringLiteral("Show only this order") << QStringLiteral("SIM order ");
}

void TestPivotMenu::entityPivotsPin()
{
    QFETCH(QString, entry);
    QFETCH(QString, chipStart);
    loadSimulator();
    const int total = m_h.model->rowCount();
    const EventStore &store = m_h.model->store();
    // The first event whose menu has this entry.
    for (qsizetype row = 0; row < store.size(); ++row) {
        std::unique_ptr<QMenu> menu(m_h.window->pivotActions()->cellMenu(
            cellOf(store.id(row), EventColumns::Description), m_h.window.get()));
        QAction *action = actionStartingWith(menu.get(), entry);
        if (!action)
            continue;
        const qint64 id = store.id(row);
        action->trigger();
        QTRY_VERIFY(m_h.model->rowCount() < total);
        QVERIFY(viewRowOfId(id) >= 0); // the event itself stays
        const QStringList chips = m_h.window->filterPanel()->pinChips();
        QCOMPARE(chips.size(), 1);
        QVERIFY2(chips.at(0).startsWith(chipStart), qPrintable(chips.at(0)));
        return;
    }
    QFAIL("no event offers this pivot");
}

void TestPivotMenu::eventsAroundKeepTheEventSelected()
{
    loadSimulator();
    const EventStore &store = m_h.model->store();
    const qint64 id = m_docEvents[30].id;
    const qint64 t = m_docEvents[30].timestampMs;
    std::unique_ptr<QMenu> menu(
        m_h.window->pivotActions()->cellMenu(cellOf(id, EventColumns::Time), m_h.window.get()));
    QSignalSpy finished(m_h.window.get(), &MainWindow::fetchFinished);
    QVERIFY(trigger(menu.get(), QStringLiteral("Events around")));
    QVERIFY(finished.wait(WindowHarness::FetchTimeoutMs));
    QTRY_VERIFY(!m_h.model->isBusy());
    const ViewerFilterState state = m_h.window->filterPanel()->state();
    QCOMPARE(state.timeRange, ViewerFilterState::TimeRange::Custom);
    QCOMPARE(state.customFrom.toMSecsSinceEpoch(), (t - 5 * minuteMs) - (t - 5 * minuteMs) % minuteMs);
    QVERIFY(state.customUntil.toMSecsSinceEpoch() > t + 5 * minuteMs);
    QVERIFY(state.customUntil.toMSecsSinceEpoch() <= t + 6 * minuteMs);
    // Only the events of those minutes (45 s apart: about 14), the chosen one selected.
    int expected = 0;
    for (const Event &event : m_docEvents)
        expected += event.timestampMs >= state.customFrom.toMSecsSinceEpoch()
            && event.timestampMs < state.customUntil.toMSecsSinceEpoch();
    QTRY_COMPARE(m_h.model->rowCount(), expected);
    QVERIFY(expected >= 13 && expected < int(m_docEvents.size()));
    for (qsizetype row = 0; row < store.size(); ++row)
        QVERIFY(qAbs(store.timestampMs(row) - t) <= 6 * minuteMs);
    QTRY_COMPARE(m_h.window->tableView()->currentIndex().data(EventTableModel::EventIdRole).toLongLong(), id);
    QVERIFY(m_h.window->tableView()->selectionModel()->isRowSelected(
        m_h.window->tableView()->currentIndex().row()));
}

void TestPivotMenu::payloadNodePivots()
{
    loadSimulator();
    const int total = m_h.model->rowCount();
    // An event whose payload names a breakout type with a space in it.
    const EventStore &store = m_h.model->store();
    qsizetype row = -1;
    for (qsizetype r = 0; r < store.size() && row < 0; ++r) {
        if (store.detailJson(r).contains("\"breakout_type\":\"Transit Gateway\"")
            || store.detailJson(r).contains("\"breakout_type\": \"Transit Gateway\""))
            row = r;
    }
    QVERIFY(row >= 0);
    m_h.window->tableView()->setCurrentIndex(cellOf(store.id(row), EventColumns::Description));
    auto *tree = m_h.window->detailPane()->findChild<QTreeWidget *>(QStringLiteral("payloadTree"));
    QVERIFY(tree);
    const QList<QTreeWidgetItem *> items
        = tree->findItems(QStringLiteral("breakout_type"), Qt::MatchExactly | Qt::MatchRecursive);
    QCOMPARE(items.size(), 1);
    tree->scrollToItem(items.at(0));
    const QPoint pos = tree->visualItemRect(items.at(0)).center();
    QStringList entries;
    QTimer::singleShot(0, qApp, [&entries] {
        auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        if (!menu)
            return;
        entries = actionTexts(menu);
        if (QAction *only = actionStartingWith(menu, QStringLiteral("Exclude")))
            menu->setActiveAction(only);
        QTest::keyClick(menu, Qt::Key_Return);
    });
    Q_EMIT tree->customContextMenuRequested(pos);
    QVERIFY2(entries.contains(QStringLiteral("Show only breakout_type: \"Transit Gateway\"")),
        qPrintable(entries.join(u'|')));
    QVERIFY(entries.contains(QStringLiteral("Exclude breakout_type: \"Transit Gateway\"")));
    QCOMPARE(m_h.window->filterPanel()->pivotChips(),
        QStringList { QStringLiteral("not: detail.breakout_type: Transit Gateway") });
    int with = 0;
    for (qsizetype r = 0; r < store.size(); ++r)
        with += store.detailJson(r).contains("Transit Gateway");
    QVERIFY(with > 0);
    QTRY_COMPARE(m_h.model->rowCount(), total - with);

    // An object node has no value to pivot on.
    const QList<QTreeWidgetItem *> objects = tree->findItems(QStringLiteral("detail"), Qt::MatchExactly);
    if (!objects.isEmpty() && objects.at(0)->childCount() > 0) {
        const QStringList objectEntries = payloadMenuEntries(tree, objects.at(0));
        QVERIFY(!objectEntries.isEmpty());
        for (const QString &text : objectEntries)
            QVERIFY2(!text.startsWith(QLatin1String("Show only")), qPrintable(text));
    }
}

void TestPivotMenu::hiddenSecretsDoNotPivot()
{
    loadSimulator();
    // The password reset's activation key is hidden: its menu offers no pivot (a chip would show it).
    const EventStore &store = m_h.model->store();
    qsizetype row = -1;
    for (qsizetype r = 0; r < store.size() && row < 0; ++r) {
        if (store.detailJson(r).contains("activationKey"))
            row = r;
    }
    QVERIFY(row >= 0);
    m_h.window->tableView()->setCurrentIndex(cellOf(store.id(row), EventColumns::Description));
    auto *tree = m_h.window->detailPane()->findChild<QTreeWidget *>(QStringLiteral("payloadTree"));
    const QList<QTreeWidgetItem *> items
        = tree->findItems(QStringLiteral("activationKey"), Qt::MatchExactly | Qt::MatchRecursive);
    QCOMPARE(items.size(), 1);
    QVERIFY(!items.at(0)->text(1).contains(QLatin1String("JWT")));
    tree->scrollToItem(items.at(0));
    const QStringList entries = payloadMenuEntries(tree, items.at(0));
    QVERIFY(entries.contains(QStringLiteral("Reveal value")));
    for (const QString &text : std::as_const(entries))
        QVERIFY2(!text.startsWith(QLatin1String("Show only")) && !text.startsWith(QLatin1String("Exclude")),
            qPrintable(text));
}

void TestPivotMenu::keyboardPivots()
{
    loadSimulator();
    const int total = m_h.model->rowCount();
    const EventStore &store = m_h.model->store();
    QTableView *table = m_h.window->tableView();
    const qsizetype row = 3;
    const QString type = EventColumns::text(store, row, EventColumns::EventType);
    table->setFocus();
    QTRY_VERIFY(table->hasFocus());
    table->setCurrentIndex(cellOf(store.id(row), EventColumns::EventType));
    QTest::keyClick(table, Qt::Key_Equal);
    QCOMPARE(m_h.window->filterPanel()->pivotChips(), QStringList { QStringLiteral("type: %1").arg(type) });
    QTRY_COMPARE(m_h.model->rowCount(), countWhere(EventColumns::EventType, type, true));
    // The numeric keypad's plus shows only too, here the row's source.
    const QString source = EventColumns::text(store, row, EventColumns::Source);
    table->setCurrentIndex(cellOf(store.id(row), EventColumns::Source));
    QTest::keyClick(table, Qt::Key_Plus, Qt::KeypadModifier);
    QCOMPARE(m_h.window->filterPanel()->pivotChips().value(1), QStringLiteral("source: %1").arg(source));
    // Minus on a severity cell excludes it as well.
    table->setCurrentIndex(m_h.model->index(0, EventColumns::Severity));
    const QString severity = m_h.model->index(0, EventColumns::Severity).data().toString();
    QTest::keyClick(table, Qt::Key_Minus, Qt::KeypadModifier); // the numeric keypad's minus
    QCOMPARE(
        m_h.window->filterPanel()->pivotChips().value(2), QStringLiteral("not: severity: %1").arg(severity));
    int expected = 0;
    for (qsizetype r = 0; r < store.size(); ++r)
        expected += Pivot::cellValue(store, r, EventColumns::EventType) == type
            && Pivot::cellValue(store, r, EventColumns::Source) == source
            && Pivot::cellValue(store, r, EventColumns::Severity) != severity;
    QTRY_COMPARE(m_h.model->rowCount(), expected);
    // The keys are the table's: typed in the search box they are text.
    auto *search = m_h.window->filterPanel()->findChild<QLineEdit *>(QStringLiteral("searchEdit"));
    search->setFocus();
    QTRY_VERIFY(search->hasFocus());
    QTest::keyClicks(search, QStringLiteral("-="));
    QCOMPARE(search->text(), QStringLiteral("-="));
    QCOMPARE(m_h.window->filterPanel()->pivotChips().size(), 3);
    search->clear();
    m_h.window->findChild<QAction *>(QStringLiteral("actionClearFilters"))->trigger();
    QTRY_COMPARE(m_h.model->rowCount(), total);

    // Shift+F10 and the Menu key open the pivot menu at the current cell.
    table->setFocus();
    QTRY_VERIFY(table->hasFocus());
    table->setCurrentIndex(cellOf(store.id(row), EventColumns::EventType));
    for (const QKeyCombination keys :
        { QKeyCombination(Qt::SHIFT, Qt::Key_F10), QKeyCombination(Qt::Key_Menu) }) {
        QTest::keyClick(table, keys.key(), keys.keyboardModifiers());
        QTRY_VERIFY(qobject_cast<QMenu *>(QApplication::activePopupWidget()));
        auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        QCOMPARE(actionTexts(menu).value(0), QStringLiteral("Show only \"%1\"\t=").arg(type));
        const QRect cell = table->visualRect(table->currentIndex());
        QVERIFY(qAbs(menu->pos().y() - table->viewport()->mapToGlobal(cell.bottomLeft()).y()) < 40);
        menu->close();
        QTRY_VERIFY(!QApplication::activePopupWidget());
    }
}

void TestPivotMenu::shortcutsAreListed()
{
    const QList<QAction *> listed = WindowShortcuts::actionsWithShortcuts(m_h.window.get());
    PivotActions *pivots = m_h.window->pivotActions();
    QVERIFY(listed.contains(pivots->showOnlyAction()));
    QVERIFY(listed.contains(pivots->excludeAction()));
    QVERIFY(listed.contains(pivots->menuAction()));
    QCOMPARE(pivots->showOnlyAction()->shortcut(), QKeySequence(Qt::Key_Equal));
    QCOMPARE(pivots->excludeAction()->shortcut(), QKeySequence(Qt::Key_Minus));
    QVERIFY(pivots->menuAction()->shortcuts().contains(QKeySequence(Qt::SHIFT | Qt::Key_F10)));
    QVERIFY(pivots->menuAction()->shortcuts().contains(QKeySequence(Qt::Key_Menu)));
    QCOMPARE(pivots->showOnlyAction()->shortcutContext(), Qt::WidgetWithChildrenShortcut);
}

void TestPivotMenu::malformedSearchKeepsPivots()
{
    loadSimulator();
    const EventStore &store = m_h.model->store();
    const QString type = EventColumns::text(store, 3, EventColumns::EventType);
    std::unique_ptr<QMenu> menu(
        m_h.window->pivotActions()->cellMenu(cellOf(store.id(3), EventColumns::EventType), m_h.window.get()));
    QVERIFY(trigger(menu.get(), QStringLiteral("Exclude")));
    const int without = countWhere(EventColumns::EventType, type, false);
    QTRY_COMPARE(m_h.model->rowCount(), without);
    auto *search = m_h.window->filterPanel()->findChild<QLineEdit *>(QStringLiteral("searchEdit"));
    QTest::keyClicks(search, QStringLiteral("\"unterminated"));
    QTRY_COMPARE(m_h.model->filter().text.contains(QLatin1String("unterminated")), false);
    QTRY_VERIFY(!m_h.model->isBusy());
    QCOMPARE(m_h.model->rowCount(), without);
    QVERIFY(m_h.model->filter().text.startsWith(QLatin1String("-type:=")));
}

void TestPivotMenu::pivotsPersist()
{
    loadSimulator();
    const EventStore &store = m_h.model->store();
    const QString type = EventColumns::text(store, 3, EventColumns::EventType);
    std::unique_ptr<QMenu> menu(
        m_h.window->pivotActions()->cellMenu(cellOf(store.id(3), EventColumns::EventType), m_h.window.get()));
    QVERIFY(trigger(menu.get(), QStringLiteral("Exclude")));
    m_h.window->filterPanel()->addPivot(
        Pivot::payloadTerm(QStringLiteral("region"), QStringLiteral("eu \"west\" 1"), false));
    const QStringList chips = m_h.window->filterPanel()->pivotChips();
    QCOMPARE(chips.size(), 2);
    menu.reset(); // a child of the window
    m_h.window->close(); // saves the filters
    m_h.window.reset();
    QCOMPARE(m_h.settings->value(QStringLiteral("filter/pivots")).toStringList().size(), 2);

    // A new window with the same settings file shows the same chips and filters by them.
    m_h.model->clear();
    createWindow();
    QCOMPARE(m_h.window->filterPanel()->pivotChips(), chips);
    QCOMPARE(m_h.window->filterPanel()->state().pivots,
        (QStringList { Pivot::term(u"type", type, true),
            Pivot::payloadTerm(QStringLiteral("region"), QStringLiteral("eu \"west\" 1"), false) }));
    loadSimulator();
    QTRY_COMPARE(m_h.model->rowCount(), 0); // no event has that region
    QTRY_COMPARE(pivotChipWidgets().size(), 2);
    QTest::mouseClick(pivotChipWidgets().at(1)->closeButton(), Qt::LeftButton);
    QTRY_COMPARE(m_h.model->rowCount(), countWhere(EventColumns::EventType, type, false));
}

QTEST_MAIN(TestPivotMenu)
#include "tst_pivotmenu.moc"
