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

namespace {
const QString token = QStringLiteral("test-application-token");
constexpr int fetchTimeoutMs = 15000;
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
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<ViewerSettings> m_viewerSettings;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<EventApiClient> m_client;
    std::unique_ptr<EventTableModel> m_model;
    std::unique_ptr<EventSession> m_session;
    std::unique_ptr<MemoryTokenStore> m_tokens;
    std::unique_ptr<EmnifySimulator> m_simulator;
    std::unique_ptr<MainWindow> m_window;
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

void TestViewNavigation::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_settings
        = std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("viewer.ini")), QSettings::IniFormat);
    m_viewerSettings = std::make_unique<ViewerSettings>(m_settings.get());
    m_network = std::make_unique<QNetworkAccessManager>();
    m_client = std::make_unique<EventApiClient>(m_network.get());
    EventApiClient::Options options = m_client->options();
    options.ratePerSecond = 1000;
    options.burst = 100;
    m_client->setOptions(options);
    m_model = std::make_unique<EventTableModel>();
    m_session = std::make_unique<EventSession>(m_client.get(), m_model.get());
    m_tokens = std::make_unique<MemoryTokenStore>();
    m_simulator = std::make_unique<EmnifySimulator>();
    EmnifySimulatorConfig config;
    config.applicationTokens = { token };
    m_simulator->setConfig(config);
    m_simulator->setEvents(m_docEvents);
    QVERIFY(m_simulator->listen());
    createWindow();
}

void TestViewNavigation::createWindow()
{
    m_window = std::make_unique<MainWindow>(
        m_session.get(), m_model.get(), m_viewerSettings.get(), m_tokens.get());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestViewNavigation::cleanup()
{
    m_window.reset();
    m_simulator.reset();
    m_session.reset();
    m_tokens.reset();
    m_model.reset();
    m_client.reset();
    m_network.reset();
    m_viewerSettings.reset();
    m_settings.reset();
    m_dir.reset();
}

void TestViewNavigation::loadSimulator()
{
    QSignalSpy finished(m_window.get(), &MainWindow::fetchFinished);
    m_window->setConnection(m_simulator->baseUrl(), token, QStringLiteral("Test account"));
    m_window->reload();
    QVERIFY(finished.wait(fetchTimeoutMs));
    QTRY_COMPARE(m_model->rowCount(), int(m_simulator->eventCount()));
    settle();
    m_window->viewNavigator()->recordNow();
}

void TestViewNavigation::settle()
{
    QTRY_VERIFY_WITH_TIMEOUT(
        !m_window->isRestoringView() && !m_model->isBusy() && !m_session->isLoading(), fetchTimeoutMs);
}

void TestViewNavigation::clickRow(int row)
{
    QTableView *table = m_window->tableView();
    const QModelIndex index = m_model->index(row, EventColumns::Description);
    table->scrollTo(index);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(index).center());
}

QCheckBox *TestViewNavigation::severityBox(const char *name) const
{
    return m_window->filterPanel()->findChild<QCheckBox *>(QLatin1String(name));
}

QLineEdit *TestViewNavigation::searchEdit() const
{
    return m_window->filterPanel()->findChild<QLineEdit *>(QStringLiteral("searchEdit"));
}

bool TestViewNavigation::onlySeverities(const QSet<int> &severities) const
{
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (!severities.contains(m_model->index(row, 0).data(EventTableModel::SeverityIdRole).toInt()))
            return false;
    }
    return m_model->rowCount() > 0;
}

void TestViewNavigation::altLeftRestoresEachStep()
{
    loadSimulator();
    ViewNavigator *views = m_window->viewNavigator();
    QTableView *table = m_window->tableView();
    const int all = m_model->rowCount();
    QList<ViewState> steps { m_window->captureViewState() };
    const auto step = [&] {
        settle();
        views->recordNow();
        steps.append(m_window->captureViewState());
        QCOMPARE(views->history().size(), steps.size()); // each change was a step
    };

    clickRow(5); // 1: a selected event
    const qint64 firstSelected = m_model->event(5).id;
    step();
    severityBox("severityInfo")->click(); // 2: Info hidden
    QTRY_VERIFY(m_model->rowCount() < all);
    step();
    QTest::keyClicks(searchEdit(), QStringLiteral("quota")); // 3: a search
    QTRY_COMPARE(m_model->filter().text, QStringLiteral("quota"));
    QVERIFY(m_model->rowCount() > 1);
    step();
    QHeaderView *header = table->horizontalHeader();
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {},
        QPoint(
            header->sectionViewportPosition(EventColumns::EventType) + 5, header->height() / 2)); // 4: sorted
    QTRY_COMPARE(m_model->sortColumn(), int(EventColumns::EventType));
    step();
    clickRow(m_model->rowCount() - 1); // 5: another event, at the end
    const qint64 lastSelected = m_model->event(m_model->rowCount() - 1).id;
    step();
    QCOMPARE(steps.size(), 6);
    QVERIFY(views->backAction()->isEnabled());
    QVERIFY(!views->forwardAction()->isEnabled());

    // Back through every step: each comes back as it was, the selected event shown in the pane.
    for (qsizetype i = steps.size() - 2; i >= 0; --i) {
        QTest::keyClick(table, Qt::Key_Left, Qt::AltModifier);
        settle();
        const ViewState now = m_window->captureViewState();
        QVERIFY2(now.sameStep(steps.at(i)),
            qPrintable(QStringLiteral("step %1: %2 is not %3")
                           .arg(i)
                           .arg(QString::fromUtf8(QJsonDocument(now.toJson()).toJson(QJsonDocument::Compact)),
                               QString::fromUtf8(
                                   QJsonDocument(steps.at(i).toJson()).toJson(QJsonDocument::Compact)))));
        QCOMPARE(searchEdit()->text(), steps.at(i).filter.searchText);
        QCOMPARE(severityBox("severityInfo")->isChecked(), !steps.at(i).filter.hiddenSeverities.contains(0));
        QCOMPARE(header->sortIndicatorSection(), steps.at(i).sortColumn);
        QCOMPARE(m_window->detailPane()->eventId(), steps.at(i).selectedEventId);
    }
    QCOMPARE(steps.at(1).selectedEventId, std::optional<qint64>(firstSelected)); // the loop saw it come back
    QVERIFY(!m_window->detailPane()->eventId()); // the first step had none
    QCOMPARE(m_model->rowCount(), all);
    QVERIFY(!views->backAction()->isEnabled());

    // And forward again to the last: its row selected and in sight.
    for (qsizetype i = 1; i < steps.size(); ++i) {
        QTest::keyClick(table, Qt::Key_Right, Qt::AltModifier);
        settle();
        QVERIFY2(
            m_window->captureViewState().sameStep(steps.at(i)), qPrintable(QStringLiteral("step %1").arg(i)));
    }
    QCOMPARE(m_window->detailPane()->eventId(), std::optional<qint64>(lastSelected));
    const QRect selected = table->visualRect(table->currentIndex());
    QVERIFY(selected.top() >= 0 && selected.bottom() < table->viewport()->height());
    QVERIFY(!views->forwardAction()->isEnabled());

    // A new step after going back drops what was ahead.
    QTest::keyClick(table, Qt::Key_Left, Qt::AltModifier);
    settle();
    searchEdit()->clear();
    QTRY_COMPARE(m_model->filter().text, QString());
    settle();
    views->recordNow();
    QVERIFY(!views->forwardAction()->isEnabled());
}

void TestViewNavigation::scrollPositionComesBack()
{
    m_window->resize(1200, 420); // fewer rows in sight than are loaded
    loadSimulator();
    QTableView *table = m_window->tableView();
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
    m_window->viewNavigator()->recordNow();

    QTest::keyClicks(searchEdit(), QStringLiteral("quota"));
    QTRY_COMPARE(m_model->filter().text, QStringLiteral("quota"));
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
    ViewNavigator *views = m_window->viewNavigator();
    const qsizetype before = views->history().size();
    // Typed key by key: the panel's and the history's debounce make it one step.
    QTest::keyClicks(searchEdit(), QStringLiteral("update"));
    QTRY_COMPARE(m_model->filter().text, QStringLiteral("update"));
    QTRY_COMPARE(views->history().size(), before + 1);
    QCOMPARE(views->history().current()->filter.searchText, QStringLiteral("update"));
    // Putting a step back is no step of its own.
    QTest::keyClick(m_window->tableView(), Qt::Key_Left, Qt::AltModifier);
    settle();
    QCOMPARE(searchEdit()->text(), QString());
    views->recordNow();
    QCOMPARE(views->history().size(), before + 1);
    QVERIFY(views->forwardAction()->isEnabled());
}

void TestViewNavigation::pivotIsAStep()
{
    // An Exclude from a cell is a step like any filter: Back shows the rows again and drops the
    // chip, Forward puts the pivot back.
    loadSimulator();
    ViewNavigator *views = m_window->viewNavigator();
    const int all = m_model->rowCount();
    const QString term = QStringLiteral("-type:=\"Update location\"");
    m_window->filterPanel()->addPivot(term);
    QTRY_VERIFY(m_model->rowCount() < all);
    settle();
    views->recordNow();
    const int excluded = m_model->rowCount();
    QCOMPARE(views->history().current()->filter.pivots, QStringList { term });
    QTest::keyClick(m_window->tableView(), Qt::Key_Left, Qt::AltModifier);
    settle();
    QCOMPARE(m_window->filterPanel()->state().pivots, QStringList());
    QTRY_COMPARE(m_model->rowCount(), all);
    QTest::keyClick(m_window->tableView(), Qt::Key_Right, Qt::AltModifier);
    settle();
    QCOMPARE(m_window->filterPanel()->state().pivots, QStringList { term });
    QTRY_COMPARE(m_model->rowCount(), excluded);
}

void TestViewNavigation::entityPinIsAStep()
{
    // "Show only this organisation" from a cell is a step: Back brings every organisation back.
    loadSimulator();
    ViewNavigator *views = m_window->viewNavigator();
    const int all = m_model->rowCount();
    const QList<EntityPin> pins = EntityPin::ofEvent(m_model->store(), 0);
    const auto organisation = std::find_if(pins.cbegin(), pins.cend(),
        [](const EntityPin &pin) { return pin.entity == EventEntity::Organisation; });
    QVERIFY(organisation != pins.cend());
    Q_EMIT m_window->pivotActions()->pinRequested(organisation->entity, organisation->id, organisation->label);
    QTRY_VERIFY(m_model->rowCount() < all);
    settle();
    views->recordNow();
    const int pinned = m_model->rowCount();
    QCOMPARE(views->history().current()->pins.size(), 1);
    QTest::keyClick(m_window->tableView(), Qt::Key_Left, Qt::AltModifier);
    settle();
    QTRY_COMPARE(m_model->rowCount(), all);
    QVERIFY(m_window->captureViewState().pins.isEmpty());
    QTest::keyClick(m_window->tableView(), Qt::Key_Right, Qt::AltModifier);
    settle();
    QTRY_COMPARE(m_model->rowCount(), pinned);
    QCOMPARE(m_window->captureViewState().pins, QList<EntityPin> { *organisation });
}

void TestViewNavigation::ctrl1ShowsOnlyWarnAndCritical()
{
    loadSimulator();
    const int all = m_model->rowCount();
    QVERIFY(!onlySeverities({ 1, 2 })); // the docs examples have Info events
    QTest::keyClick(m_window->tableView(), Qt::Key_1, Qt::ControlModifier);
    settle();
    QCOMPARE(m_window->filterPanel()->state().timeRange, ViewerFilterState::TimeRange::Last24Hours);
    QVERIFY(!severityBox("severityInfo")->isChecked());
    QVERIFY(onlySeverities({ 1, 2 }));
    QVERIFY(m_model->rowCount() < all);
    // Applying a view is a step: Back shows everything again.
    QTest::keyClick(m_window->tableView(), Qt::Key_Left, Qt::AltModifier);
    settle();
    QCOMPARE(m_window->filterPanel()->state().timeRange, ViewerFilterState::TimeRange::Last7Days);
    QCOMPARE(m_model->rowCount(), all);
}

void TestViewNavigation::savedViewsAreListedInTheFilterPanel()
{
    loadSimulator();
    auto *list = m_window->filterPanel()->findChild<QListWidget *>(QStringLiteral("savedViewsList"));
    QVERIFY(list);
    QCOMPARE(list->count(), 4);
    QCOMPARE(list->item(1)->text(), QStringLiteral("SIM orders, last 7 days"));
    // Clicking "SIM orders" shows the SIM order events only.
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualItemRect(list->item(1)).center());
    settle();
    const EventTypeCatalogue &catalogue = EventTypeCatalogue::builtIn();
    QVERIFY(m_model->rowCount() > 0);
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const int type = m_model->index(row, 0).data(EventTableModel::TypeIdRole).toInt();
        QCOMPARE(
            catalogue.categories().at(catalogue.categoryOf(type)).key, QStringLiteral("reseller_sim_order"));
    }
    // A view saved now is listed after the built-ins, and on Ctrl+5.
    ViewNavigator *views = m_window->viewNavigator();
    views->saveCurrent(QStringLiteral("My orders"));
    QCOMPARE(list->count(), 5);
    QCOMPARE(list->item(4)->text(), QStringLiteral("My orders"));
    const auto actions = m_window->findChildren<QAction *>();
    QVERIFY(std::any_of(actions.cbegin(), actions.cend(), [](const QAction *a) {
        return a->shortcut() == QKeySequence(Qt::CTRL | Qt::Key_5) && a->text() == QLatin1String("My orders");
    }));
}

void TestViewNavigation::exportWithViewThenOpenViewReproducesIt()
{
    loadSimulator();
    QVERIFY(!m_viewerSettings->exportPreferences().writeView); // off by default for CSV
    severityBox("severityInfo")->click();
    QTest::keyClicks(searchEdit(), QStringLiteral("quota"));
    QTRY_COMPARE(m_model->filter().text, QStringLiteral("quota"));
    settle();
    const int exportedRows = m_model->rowCount();
    QVERIFY(exportedRows > 0);

    QSignalSpy exported(m_window.get(), &MainWindow::exportFinished);
    ExportFlow::Request request;
    request.fileName = m_dir->filePath(QStringLiteral("events.csv"));
    request.writeView = true;
    QVERIFY(m_window->exportFlow()->exportToFile(request));
    QVERIFY(exported.wait(10000));
    QVERIFY(exported.at(0).at(0).value<CsvExportRunner::Result>().ok);
    const QString sidecar = m_dir->filePath(QStringLiteral("events.csv.view.json"));
    QFile file(sidecar);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
    QCOMPARE(json.value(QStringLiteral("rows")).toInt(), exportedRows);
    QCOMPARE(json.value(QStringLiteral("account")).toString(), QStringLiteral("Test account"));
    QCOMPARE(json.value(QStringLiteral("file")).toString(), QStringLiteral("events.csv"));
    QVERIFY(json.contains(QStringLiteral("exportedAt")));
    // An export without it writes none.
    request.fileName = m_dir->filePath(QStringLiteral("plain.csv"));
    request.writeView = false;
    QVERIFY(m_window->exportFlow()->exportToFile(request));
    QVERIFY(exported.wait(10000));
    QVERIFY(!QFile::exists(ViewFile::sidecarPath(request.fileName)));

    // A colleague's window with other filters: Open view gives the same rows.
    m_window->findChild<QAction *>(QStringLiteral("actionClearFilters"))->trigger();
    settle();
    QCOMPARE(m_model->rowCount(), int(m_simulator->eventCount()));
    QVERIFY(m_window->openViewFile(sidecar));
    settle();
    QCOMPARE(searchEdit()->text(), QStringLiteral("quota"));
    QVERIFY(!severityBox("severityInfo")->isChecked());
    QCOMPARE(m_model->rowCount(), exportedRows);
    QVERIFY(!m_window->errorBanner()->isVisible());
}

// The same for JSON Lines: the file holds the shown rows' events, one per line in the table's
// order, the view beside it counts them, and Open view shows those rows again.
void TestViewNavigation::jsonLinesWithViewThenOpenViewReproducesIt()
{
    loadSimulator();
    severityBox("severityInfo")->click();
    QTest::keyClicks(searchEdit(), QStringLiteral("quota"));
    QTRY_COMPARE(m_model->filter().text, QStringLiteral("quota"));
    settle();
    QList<qint64> shownIds;
    for (int row = 0; row < m_model->rowCount(); ++row)
        shownIds.append(m_model->event(row).id);
    QVERIFY(!shownIds.isEmpty());
    QVERIFY(shownIds.size() < int(m_simulator->eventCount()));

    QSignalSpy exported(m_window.get(), &MainWindow::exportFinished);
    ExportFlow::Request request;
    request.fileName = m_dir->filePath(QStringLiteral("events.jsonl"));
    request.options.format = CsvExportRunner::Format::JsonLines;
    request.writeView = true;
    QVERIFY(m_window->exportFlow()->exportToFile(request));
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

    m_window->findChild<QAction *>(QStringLiteral("actionClearFilters"))->trigger();
    settle();
    QCOMPARE(m_model->rowCount(), int(m_simulator->eventCount()));
    QVERIFY(m_window->openViewFile(sidecar.fileName()));
    settle();
    QList<qint64> reopenedIds;
    for (int row = 0; row < m_model->rowCount(); ++row)
        reopenedIds.append(m_model->event(row).id);
    QCOMPARE(reopenedIds, fileIds);
    QVERIFY(!m_window->errorBanner()->isVisible());
}

void TestViewNavigation::viewThatCannotBeWrittenSaysSo()
{
    loadSimulator();
    const QString csv = m_dir->filePath(QStringLiteral("blocked.csv"));
    QVERIFY(QDir().mkpath(ViewFile::sidecarPath(csv))); // a folder where the view would go
    QSignalSpy exported(m_window.get(), &MainWindow::exportFinished);
    ExportFlow::Request request;
    request.fileName = csv;
    request.writeView = true;
    QVERIFY(m_window->exportFlow()->exportToFile(request));
    QVERIFY(exported.wait(10000));
    const auto result = exported.at(0).at(0).value<CsvExportRunner::Result>();
    QVERIFY(!result.ok);
    QVERIFY2(result.error.contains(QLatin1String("not the view")), qPrintable(result.error));
    QVERIFY(QFile::exists(csv)); // the events themselves are there
    QVERIFY(m_window->errorBanner()->isVisible());
}

void TestViewNavigation::brokenViewFileChangesNothing()
{
    loadSimulator();
    const QString path = m_dir->filePath(QStringLiteral("broken.view.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"format":"emnify-event-viewer/view","version":1,"view":{"search":)");
    file.close();
    const ViewerFilterState before = m_window->filterPanel()->state();
    QVERIFY(!m_window->openViewFile(path));
    QVERIFY(m_window->errorBanner()->isVisible());
    QVERIFY(m_window->errorBanner()->message().contains(QLatin1String("could not be opened")));
    QCOMPARE(m_window->filterPanel()->state(), before);

    // A newer one is applied, and the banner names what it left out.
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(
        R"({"format":"emnify-event-viewer/view","version":3,"view":{"search":"location","regex":"a.*"}})");
    file.close();
    QVERIFY(m_window->openViewFile(path));
    settle();
    QCOMPARE(searchEdit()->text(), QStringLiteral("location"));
    QVERIFY(m_window->errorBanner()->isVisible());
    QVERIFY(m_window->errorBanner()->message().contains(QLatin1String("newer version")));
    QVERIFY(m_window->errorBanner()->message().contains(QLatin1String("view.regex")));
}

void TestViewNavigation::importOfBrokenOrNewerViewsFile()
{
    SavedViewsDialog dialog(SavedViews {}, [] { return ViewState {}; });
    const QString path = m_dir->filePath(QStringLiteral("views.json"));
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
    QTRY_COMPARE(m_model->filter().text, QStringLiteral("location"));
    settle();
    m_window->viewNavigator()->recordNow();
    const qsizetype steps = m_window->viewNavigator()->history().size();
    QVERIFY(steps >= 2);
    m_window->close();
    m_window.reset();

    createWindow();
    ViewNavigator *views = m_window->viewNavigator();
    QCOMPARE(views->history().size(), steps);
    QVERIFY(views->backAction()->isEnabled());
    QCOMPARE(searchEdit()->text(), QStringLiteral("location"));
    QTest::keyClick(m_window->tableView(), Qt::Key_Left, Qt::AltModifier);
    settle();
    QCOMPARE(searchEdit()->text(), QString());
}

QTEST_MAIN(TestViewNavigation)
#include "tst_viewnavigation.moc"
