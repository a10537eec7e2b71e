// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "api/eventapiclient.h"
#include "memorytokenstore.h"
#include "model/eventtypecatalogue.h"
#include "session/eventsession.h"
#include "session/viewfile.h"
#include "settings/viewersettings.h"
#include "sim/emnifysimulator.h"
#include "table/eventtablemodel.h"
#include "testdata.h"
#include "widgets/errorbanner.h"
#include "widgets/eventdetailpane.h"
#include "widgets/exportflow.h"
#include "widgets/filterpanel.h"
#include "widgets/mainwindow.h"
#include "widgets/pivotactions.h"
#include "widgets/savedviewsdialog.h"
#include "widgets/viewnavigator.h"
#include "windowharness.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QListWidget>
#include <QNetworkAccessManager>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

namespace {
} // namespace

// The window's back/forward, saved views and exports' views, against the loopback simulator.
class TestViewNavigation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void altLeftRestoresEachStep();
    void scrollPositionComesBack();
    void searchTypingIsOneStep();
    void pivotIsAStep();
    void backFromEveryWidget_data();
    void backFromEveryWidget();
    void entityPinIsAStep();
    void ctrl1ShowsOnlyWarnAndCritical();
    void savedViewsAreListedInTheFilterPanel();
    void exportWithViewThenOpenViewReproducesIt();
    void jsonLinesWithViewThenOpenViewReproducesIt();
    void viewThatCannotBeWrittenSaysSo();
    void brokenViewFileChangesNothing();
    void importOfBrokenOrNewerViewsFile();
    void historySurvivesANewWindow();

private:
    void createWindow();
    void loadSimulator();
    void settle(); // the table shows what was asked and nothing is being put back
    void clickRow(int row);
    [[nodiscard]] QCheckBox *severityBox(const char *name) const;
    [[nodiscard]] QLineEdit *searchEdit() const;
    [[nodiscard]] bool onlySeverities(const QSet<int> &severities) const;

    std::vector<Event> m_docEvents;
    WindowHarness m_h;
};

void TestViewNavigation::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    // The docs examples, moved into the last hour so that every range holds them.
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    m_docEvents = TestData::docExamples();
    for (size_t i = 0; i < m_docEvents.size(); ++i)
        m_docEvents[i].timestampMs = now - 30000 - qint64(i) * 45000;
}

void TestViewNavigation::init() { m_h.start(m_docEvents); }

void TestViewNavigation::createWindow() { m_h.createWindow(); }

void TestViewNavigation::cleanup() { m_h.stop(); }

void TestViewNavigation::loadSimulator()
{
    m_h.load();
    QTRY_COMPARE(m_h.model->rowCount(), int(m_h.simulator->eventCount()));
    settle();
    m_h.window->viewNavigator()->recordNow();
}

void TestViewNavigation::settle()
{
    QTRY_VERIFY_WITH_TIMEOUT(
        !m_h.window->isRestoringView() && !m_h.model->isBusy() && !m_h.session->isLoading(),
        WindowHarness::FetchTimeoutMs);
}

void TestViewNavigation::clickRow(int row)
{
    QTableView *table = m_h.window->tableView();
    const QModelIndex index = m_h.model->index(row, EventColumns::Description);
    table->scrollTo(index);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(index).center());
}

QCheckBox *TestViewNavigation::severityBox(const char *name) const
{
    return m_h.window->filterPanel()->findChild<QCheckBox *>(QLatin1String(name));
}

QLineEdit *TestViewNavigation::searchEdit() const
{
    return m_h.window->filterPanel()->findChild<QLineEdit *>(QStringLiteral("searchEdit"));
}

bool TestViewNavigation::onlySeverities(const QSet<int> &severities) const
{
    for (int row = 0; row < m_h.model->rowCount(); ++row) {
        if (!severities.contains(m_h.model->index(row, 0).data(EventTableModel::SeverityIdRole).toInt()))
            return false;
    }
    return m_h.model->rowCount() > 0;
}

void TestViewNavigation::altLeftRestoresEachStep()
{
    loadSimulator();
    ViewNavigator *views = m_h.window->viewNavigator();
    QTableView *table = m_h.window->tableView();
    const int all = m_h.model->rowCount();
    QList<ViewState> steps { m_h.window->captureViewState() };
    const auto step = [&] {
        settle();
        views->recordNow();
        steps.append(m_h.window->captureViewState());
        QCOMPARE(views->history().size(), steps.size()); // each change was a step
    };

    clickRow(5); // 1: a selected event
    const qint64 firstSelected = m_h.model->event(5).id;
    step();
    severityBox("severityInfo")->click(); // 2: Info hidden
    QTRY_VERIFY(m_h.model->rowCount() < all);
    step();
    QTest::keyClicks(searchEdit(), QStringLiteral("quota")); // 3: a search
    QTRY_COMPARE(m_h.model->filter().text, QStringLiteral("quota"));
    QVERIFY(m_h.model->rowCount() > 1);
    step();
    QHeaderView *header = table->horizontalHeader();
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {},
        QPoint(
            header->sectionViewportPosition(EventColumns::EventType) + 5, header->height() / 2)); // 4: sorted
    QTRY_COMPARE(m_h.model->sortColumn(), int(EventColumns::EventType));
    step();
    clickRow(m_h.model->rowCount() - 1); // 5: another event, at the end
    const qint64 lastSelected = m_h.model->event(m_h.model->rowCount() - 1).id;
    step();
    QCOMPARE(steps.size(), 6);
    QVERIFY(views->backAction()->isEnabled());
    QVERIFY(!views->forwardAction()->isEnabled());

    // Back through every step: each comes back as it was, the selected event shown in the pane.
    for (qsizetype i = steps.size() - 2; i >= 0; --i) {
        QTest::keyClick(table, Qt::Key_Left, Qt::AltModifier);
        settle();
        const ViewState now = m_h.window->captureViewState();
        QVERIFY2(now.sameStep(steps.at(i)),
            qPrintable(QStringLiteral("step %1: %2 is not %3")
                           .arg(i)
                           .arg(QString::fromUtf8(QJsonDocument(now.toJson()).toJson(QJsonDocument::Compact)),
                               QString::fromUtf8(
                                   QJsonDocument(steps.at(i).toJson()).toJson(QJsonDocument::Compact)))));
        QCOMPARE(searchEdit()->text(), steps.at(i).filter.searchText);
        QCOMPARE(severityBox("severityInfo")->isChecked(), !steps.at(i).filter.hiddenSeverities.contains(0));
        QCOMPARE(header->sortIndicatorSection(), steps.at(i).sortColumn);
        QCOMPARE(m_h.window->detailPane()->eventId(), steps.at(i).selectedEventId);
    }
    QCOMPARE(steps.at(1).selectedEventId, std::optional<qint64>(firstSelected)); // the loop saw it come back
    QVERIFY(!m_h.window->detailPane()->eventId()); // the first step had none
    QCOMPARE(m_h.model->rowCount(), all);
    QVERIFY(!views->backAction()->isEnabled());

    // And forward again to the last: its row selected and in sight.
    for (qsizetype i = 1; i < steps.size(); ++i) {
        QTest::keyClick(table, Qt::Key_Right, Qt::AltModifier);
        settle();
        QVERIFY2(m_h.window->captureViewState().sameStep(steps.at(i)),
            qPrintable(QStringLiteral("step %1").arg(i)));
    }
    QCOMPARE(m_h.window->detailPane()->eventId(), std::optional<qint64>(lastSelected));
    const QRect selected = table->visualRect(table->currentIndex());
    QVERIFY(selected.top() >= 0 && selected.bottom() < table->viewport()->height());
    QVERIFY(!views->forwardAction()->isEnabled());

    // A new step after going back drops what was ahead.
    QTest::keyClick(table, Qt::Key_Left, Qt::AltModifier);
    settle();
    searchEdit()->clear();
    QTRY_COMPARE(m_h.model->filter().text, QString());
    settle();
    views->recordNow();
    QVERIFY(!views->forwardAction()->isEnabled());
}

void TestViewNavigation::scrollPositionComesBack()
{
    m_h.window->resize(1200, 420); // fewer rows in sight than are loaded
    loadSimulator();
    QTableView *table = m_h.window->tableView();
    QScrollBar *scroll = table->verticalScrollBar();
    QVERIFY(scroll->maximum() > 5);
    scroll->setValue(scroll->maximum() / 2);
    const int top = scroll->value();
    // Near the top: selecting it again alone would centre it, with other rows in sight.
    const int row = table->rowAt(table->verticalHeader()->defaultSectionSize() + 2);
    QCOMPARE(row, top + 1);
    clickRow(row);
    QCOMPARE(scroll->value(), top); // the row was in sight: no scrolling
    settle();
    m_h.window->viewNavigator()->recordNow();

    QTest::keyClicks(searchEdit(), QStringLiteral("quota"));
    QTRY_COMPARE(m_h.model->filter().text, QStringLiteral("quota"));
    settle();
    scroll->setValue(0);
    QTest::keyClick(table, Qt::Key_Left, Qt::AltModifier);
    settle();
    QCOMPARE(table->currentIndex().row(), row);
    QCOMPARE(scroll->value(), top); // the same rows in sight as before
}

void TestViewNavigation::searchTypingIsOneStep()
{
    loadSimulator();
    ViewNavigator *views = m_h.window->viewNavigator();
    const qsizetype before = views->history().size();
    // Typed key by key: the panel's and the history's debounce make it one step.
    QTest::keyClicks(searchEdit(), QStringLiteral("update"));
    QTRY_COMPARE(m_h.model->filter().text, QStringLiteral("update"));
    QTRY_COMPARE(views->history().size(), before + 1);
    QCOMPARE(views->history().current()->filter.searchText, QStringLiteral("update"));
    // Putting a step back is no step of its own.
    QTest::keyClick(m_h.window->tableView(), Qt::Key_Left, Qt::AltModifier);
    settle();
    QCOMPARE(searchEdit()->text(), QString());
    views->recordNow();
    QCOMPARE(views->history().size(), before + 1);
    QVERIFY(views->forwardAction()->isEnabled());
}

void TestViewNavigation::backFromEveryWidget_data()
{
    QTest::addColumn<QString>("widget");
    for (const char *name : { "table", "search", "timeline", "payload", "types" })
        QTest::newRow(name) << QString::fromLatin1(name);
}

void TestViewNavigation::backFromEveryWidget()
{
    // Alt+Left goes back wherever the focus is, the timeline (whose arrows move between bars) too.
    QFETCH(QString, widget);
    loadSimulator();
    clickRow(0);
    QTest::keyClicks(searchEdit(), QStringLiteral("quota"));
    QTRY_COMPARE(m_h.model->filter().text, QStringLiteral("quota"));
    settle();
    m_h.window->viewNavigator()->recordNow();
    QWidget *target = nullptr;
    if (widget == QLatin1String("table"))
        target = m_h.window->tableView();
    else if (widget == QLatin1String("search"))
        target = searchEdit();
    else if (widget == QLatin1String("timeline"))
        target = m_h.window->findChild<QWidget *>(QStringLiteral("timeline"));
    else if (widget == QLatin1String("payload"))
        target = m_h.window->findChild<QWidget *>(QStringLiteral("payloadTree"));
    else
        target = m_h.window->filterPanel()->findChild<QTreeView *>();
    QVERIFY(target);
    target->setFocus();
    QTRY_VERIFY(target->hasFocus());
    QTest::keyClick(target, Qt::Key_Left, Qt::AltModifier);
    settle();
    QTRY_COMPARE(searchEdit()->text(), QString());
}

void TestViewNavigation::pivotIsAStep()
{
    // An Exclude from a cell is a step like any filter: Back shows the rows again and drops the
    // chip, Forward puts the pivot back.
    loadSimulator();
    ViewNavigator *views = m_h.window->viewNavigator();
    const int all = m_h.model->rowCount();
    const QString term = QStringLiteral("-type:=\"Update location\"");
    m_h.window->filterPanel()->addPivot(term);
    QTRY_VERIFY(m_h.model->rowCount() < all);
    settle();
    views->recordNow();
    const int excluded = m_h.model->rowCount();
    QCOMPARE(views->history().current()->filter.pivots, QStringList { term });
    QTest::keyClick(m_h.window->tableView(), Qt::Key_Left, Qt::AltModifier);
    settle();
    QCOMPARE(m_h.window->filterPanel()->state().pivots, QStringList());
    QTRY_COMPARE(m_h.model->rowCount(), all);
    QTest::keyClick(m_h.window->tableView(), Qt::Key_Right, Qt::AltModifier);
    settle();
    QCOMPARE(m_h.window->filterPanel()->state().pivots, QStringList { term });
    QTRY_COMPARE(m_h.model->rowCount(), excluded);
}

void TestViewNavigation::entityPinIsAStep()
{
    // "Show only this organisation" from a cell is a step: Back brings every organisation back.
    loadSimulator();
    ViewNavigator *views = m_h.window->viewNavigator();
    const int all = m_h.model->rowCount();
    const QList<EntityPin> pins = EntityPin::ofEvent(m_h.model->store(), 0);
    const auto organisation = std::find_if(pins.cbegin(), pins.cend(),
        [](const EntityPin &pin) { return pin.entity == EventEntity::Organisation; });
    QVERIFY(organisation != pins.cend());
    Q_EMIT m_h.window->pivotActions()->pinRequested(
        organisation->entity, organisation->id, organisation->label);
    QTRY_VERIFY(m_h.model->rowCount() < all);
    settle();
    views->recordNow();
    const int pinned = m_h.model->rowCount();
    QCOMPARE(views->history().current()->pins.size(), 1);
    QTest::keyClick(m_h.window->tableView(), Qt::Key_Left, Qt::AltModifier);
    settle();
    QTRY_COMPARE(m_h.model->rowCount(), all);
    QVERIFY(m_h.window->captureViewState().pins.isEmpty());
    QTest::keyClick(m_h.window->tableView(), Qt::Key_Right, Qt::AltModifier);
    settle();
    QTRY_COMPARE(m_h.model->rowCount(), pinned);
    QCOMPARE(m_h.window->captureViewState().pins, QList<EntityPin> { *organisation });
}

void TestViewNavigation::ctrl1ShowsOnlyWarnAndCritical()
{
    loadSimulator();
    const int all = m_h.model->rowCount();
    QVERIFY(!onlySeverities({ 1, 2 })); // the docs examples have Info events
    QTest::keyClick(m_h.window->tableView(), Qt::Key_1, Qt::ControlModifier);
    settle();
    QCOMPARE(m_h.window->filterPanel()->state().timeRange, ViewerFilterState::TimeRange::Last24Hours);
    QVERIFY(!severityBox("severityInfo")->isChecked());
    QVERIFY(onlySeverities({ 1, 2 }));
    QVERIFY(m_h.model->rowCount() < all);
    // Applying a view is a step: Back shows everything again.
    QTest::keyClick(m_h.window->tableView(), Qt::Key_Left, Qt::AltModifier);
    settle();
    QCOMPARE(m_h.window->filterPanel()->state().timeRange, ViewerFilterState::TimeRange::Last7Days);
    QCOMPARE(m_h.model->rowCount(), all);
}

void TestViewNavigation::savedViewsAreListedInTheFilterPanel()
{
    loadSimulator();
    auto *list = m_h.window->filterPanel()->findChild<QListWidget *>(QStringLiteral("savedViewsList"));
    QVERIFY(list);
    QCOMPARE(list->count(), 4);
    QCOMPARE(list->item(1)->text(), QStringLiteral("SIM orders, last 7 days"));
    // Clicking "SIM orders" shows the SIM order events only.
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualItemRect(list->item(1)).center());
    settle();
    const EventTypeCatalogue &catalogue = EventTypeCatalogue::builtIn();
    QVERIFY(m_h.model->rowCount() > 0);
    for (int row = 0; row < m_h.model->rowCount(); ++row) {
        const int type = m_h.model->index(row, 0).data(EventTableModel::TypeIdRole).toInt();
        QCOMPARE(
            catalogue.categories().at(catalogue.categoryOf(type)).key, QStringLiteral("reseller_sim_order"));
    }
    // A view saved now is listed after the built-ins, and on Ctrl+5.
    ViewNavigator *views = m_h.window->viewNavigator();
    views->saveCurrent(QStringLiteral("My orders"));
    QCOMPARE(list->count(), 5);
    QCOMPARE(list->item(4)->text(), QStringLiteral("My orders"));
    const auto actions = m_h.window->findChildren<QAction *>();
    QVERIFY(std::any_of(actions.cbegin(), actions.cend(), [](const QAction *a) {
        return a->shortcut() == QKeySequence(Qt::CTRL | Qt::Key_5) && a->text() == QLatin1String("My orders");
    }));
}

void TestViewNavigation::exportWithViewThenOpenViewReproducesIt()
{
    loadSimulator();
    QVERIFY(!m_h.viewerSettings->exportPreferences().writeView); // off by default for CSV
    severityBox("severityInfo")->click();
    QTest::keyClicks(searchEdit(), QStringLiteral("quota"));
    QTRY_COMPARE(m_h.model->filter().text, QStringLiteral("quota"));
    settle();
    const int exportedRows = m_h.model->rowCount();
    QVERIFY(exportedRows > 0);

    QSignalSpy exported(m_h.window.get(), &MainWindow::exportFinished);
    ExportFlow::Request request;
    request.fileName = m_h.dir->filePath(QStringLiteral("events.csv"));
    request.writeView = true;
    QVERIFY(m_h.window->exportFlow()->exportToFile(request));
    QVERIFY(exported.wait(10000));
    QVERIFY(exported.at(0).at(0).value<CsvExportRunner::Result>().ok);
    const QString sidecar = m_h.dir->filePath(QStringLiteral("events.csv.view.json"));
    QFile file(sidecar);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
    QCOMPARE(json.value(QStringLiteral("rows")).toInt(), exportedRows);
    QCOMPARE(json.value(QStringLiteral("account")).toString(), QStringLiteral("Test account"));
    QCOMPARE(json.value(QStringLiteral("file")).toString(), QStringLiteral("events.csv"));
    QVERIFY(json.contains(QStringLiteral("exportedAt")));
    // An export without it writes none.
    request.fileName = m_h.dir->filePath(QStringLiteral("plain.csv"));
    request.writeView = false;
    QVERIFY(m_h.window->exportFlow()->exportToFile(request));
    QVERIFY(exported.wait(10000));
    QVERIFY(!QFile::exists(ViewFile::sidecarPath(request.fileName)));

    // A colleague's window with other filters: Open view gives the same rows.
    m_h.window->findChild<QAction *>(QStringLiteral("actionClearFilters"))->trigger();
    settle();
    QCOMPARE(m_h.model->rowCount(), int(m_h.simulator->eventCount()));
    QVERIFY(m_h.window->openViewFile(sidecar));
    settle();
    QCOMPARE(searchEdit()->text(), QStringLiteral("quota"));
    QVERIFY(!severityBox("severityInfo")->isChecked());
    QCOMPARE(m_h.model->rowCount(), exportedRows);
    QVERIFY(!m_h.window->errorBanner()->isVisible());
}

// The same for JSON Lines: the file holds the shown rows' events, one per line in the table's
// order, the view beside it counts them, and Open view shows those rows again.
void TestViewNavigation::jsonLinesWithViewThenOpenViewReproducesIt()
{
    loadSimulator();
    severityBox("severityInfo")->click();
    QTest::keyClicks(searchEdit(), QStringLiteral("quota"));
    QTRY_COMPARE(m_h.model->filter().text, QStringLiteral("quota"));
    settle();
    QList<qint64> shownIds;
    for (int row = 0; row < m_h.model->rowCount(); ++row)
        shownIds.append(m_h.model->event(row).id);
    QVERIFY(!shownIds.isEmpty());
    QVERIFY(shownIds.size() < int(m_h.simulator->eventCount()));

    QSignalSpy exported(m_h.window.get(), &MainWindow::exportFinished);
    ExportFlow::Request request;
    request.fileName = m_h.dir->filePath(QStringLiteral("events.jsonl"));
    request.options.format = CsvExportRunner::Format::JsonLines;
    request.writeView = true;
    QVERIFY(m_h.window->exportFlow()->exportToFile(request));
    QVERIFY(exported.wait(10000));
    const auto result = exported.at(0).at(0).value<CsvExportRunner::Result>();
    QVERIFY2(result.ok, qPrintable(result.error));
    QFile events(request.fileName);
    QVERIFY(events.open(QIODevice::ReadOnly));
    const QByteArray written = events.readAll();
    QVERIFY(written.endsWith('\n'));
    QList<qint64> fileIds;
    for (const QByteArray &line : written.chopped(1).split('\n')) {
        QJsonParseError error;
        const QJsonObject event = QJsonDocument::fromJson(line, &error).object();
        QVERIFY2(error.error == QJsonParseError::NoError, line.constData());
        fileIds.append(event.value(QStringLiteral("id")).toInteger());
    }
    QCOMPARE(fileIds, shownIds);
    QFile sidecar(ViewFile::sidecarPath(request.fileName));
    QVERIFY(sidecar.open(QIODevice::ReadOnly));
    const QJsonObject view = QJsonDocument::fromJson(sidecar.readAll()).object();
    QCOMPARE(view.value(QStringLiteral("rows")).toInt(), fileIds.size());
    QCOMPARE(view.value(QStringLiteral("file")).toString(), QStringLiteral("events.jsonl"));

    m_h.window->findChild<QAction *>(QStringLiteral("actionClearFilters"))->trigger();
    settle();
    QCOMPARE(m_h.model->rowCount(), int(m_h.simulator->eventCount()));
    QVERIFY(m_h.window->openViewFile(sidecar.fileName()));
    settle();
    QList<qint64> reopenedIds;
    for (int row = 0; row < m_h.model->rowCount(); ++row)
        reopenedIds.append(m_h.model->event(row).id);
    QCOMPARE(reopenedIds, fileIds);
    QVERIFY(!m_h.window->errorBanner()->isVisible());
}

void TestViewNavigation::viewThatCannotBeWrittenSaysSo()
{
    loadSimulator();
    const QString csv = m_h.dir->filePath(QStringLiteral("blocked.csv"));
    QVERIFY(QDir().mkpath(ViewFile::sidecarPath(csv))); // a folder where the view would go
    QSignalSpy exported(m_h.window.get(), &MainWindow::exportFinished);
    ExportFlow::Request request;
    request.fileName = csv;
    request.writeView = true;
    QVERIFY(m_h.window->exportFlow()->exportToFile(request));
    QVERIFY(exported.wait(10000));
    const auto result = exported.at(0).at(0).value<CsvExportRunner::Result>();
    QVERIFY(!result.ok);
    QVERIFY2(result.error.contains(QLatin1String("not the view")), qPrintable(result.error));
    QVERIFY(QFile::exists(csv)); // the events themselves are there
    QVERIFY(m_h.window->errorBanner()->isVisible());
}

void TestViewNavigation::brokenViewFileChangesNothing()
{
    loadSimulator();
    const QString path = m_h.dir->filePath(QStringLiteral("broken.view.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"format":"emnify-event-viewer/view","version":1,"view":{"search":)");
    file.close();
    const ViewerFilterState before = m_h.window->filterPanel()->state();
    QVERIFY(!m_h.window->openViewFile(path));
    QVERIFY(m_h.window->errorBanner()->isVisible());
    QVERIFY(m_h.window->errorBanner()->message().contains(QLatin1String("could not be opened")));
    QCOMPARE(m_h.window->filterPanel()->state(), before);

    // A newer one is applied, and the banner names what it left out.
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(
        R"({"format":"emnify-event-viewer/view","version":3,"view":{"search":"location","regex":"a.*"}})");
    file.close();
    QVERIFY(m_h.window->openViewFile(path));
    settle();
    QCOMPARE(searchEdit()->text(), QStringLiteral("location"));
    QVERIFY(m_h.window->errorBanner()->isVisible());
    QVERIFY(m_h.window->errorBanner()->message().contains(QLatin1String("newer version")));
    QVERIFY(m_h.window->errorBanner()->message().contains(QLatin1String("view.regex")));
}

void TestViewNavigation::importOfBrokenOrNewerViewsFile()
{
    SavedViewsDialog dialog(SavedViews {}, [] { return ViewState {}; });
    const QString path = m_h.dir->filePath(QStringLiteral("views.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\"format\":\"emnify-event-viewer/views\",\"version\":1,\"views\":[");
    file.close();
    QString report;
    QVERIFY(!dialog.importFile(path, &report));
    QVERIFY2(report.contains(QLatin1String("Nothing was imported")), qPrintable(report));
    QCOMPARE(dialog.views().views(), SavedViews().views());

    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(
        R"({"format":"emnify-event-viewer/views","version":2,"views":[{"name":"Auth failures, last 24 h",)"
        R"("view":{"range":{"last":"24h"},"hiddenSeverities":["info"],"pinned":true}}]})");
    file.close();
    QVERIFY(dialog.importFile(path, &report));
    QVERIFY2(report.contains(QLatin1String("newer version")) && report.contains(QLatin1String("pinned")),
        qPrintable(report));
    QCOMPARE(dialog.views().shownViews().size(), 5);
    QCOMPARE(dialog.views().shownViews().last().name, QStringLiteral("Auth failures, last 24 h"));
    auto *list = dialog.findChild<QListWidget *>(QStringLiteral("viewsList"));
    QCOMPARE(list->count(), 5);
}

void TestViewNavigation::historySurvivesANewWindow()
{
    loadSimulator();
    QTest::keyClicks(searchEdit(), QStringLiteral("location"));
    QTRY_COMPARE(m_h.model->filter().text, QStringLiteral("location"));
    settle();
    m_h.window->viewNavigator()->recordNow();
    const qsizetype steps = m_h.window->viewNavigator()->history().size();
    QVERIFY(steps >= 2);
    m_h.window->close();
    m_h.window.reset();

    createWindow();
    ViewNavigator *views = m_h.window->viewNavigator();
    QCOMPARE(views->history().size(), steps);
    QVERIFY(views->backAction()->isEnabled());
    QCOMPARE(searchEdit()->text(), QStringLiteral("location"));
    QTest::keyClick(m_h.window->tableView(), Qt::Key_Left, Qt::AltModifier);
    settle();
    QCOMPARE(searchEdit()->text(), QString());
}

QTEST_MAIN(TestViewNavigation)
#include "tst_viewnavigation.moc"
