// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "api/eventapiclient.h"
#include "api/eventquery.h"
#include "archive/archiveaccount.h"
#include "archive/eventarchive.h"
#include "fakeemnifyserver.h"
#include "memorytokenstore.h"
#include "session/eventsession.h"
#include "settings/viewersettings.h"
#include "sim/emnifysimulator.h"
#include "table/eventtablemodel.h"
#include "testdata.h"
#include "widgets/errorbanner.h"
#include "widgets/filterpanel.h"
#include "widgets/mainwindow.h"
#include "widgets/translationloader.h"

#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <QToolButton>
#include <QUrlQuery>

#include <algorithm>

namespace {

const QString token = QStringLiteral("test-application-token");
constexpr int fetchTimeoutMs = 15000;

} // namespace

// The window's live parts against loopback servers: follow mode and the new-events bar, a load
// that failed part way and its retry, the error banner's size and actions.
class TestLiveWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void followAtTopShowsNewRowsInPlace();
    void followElsewhereKeepsViewAndCounts();
    void followIsRemembered();
    void partialLoadSaysSoAndRetriesOnlyMissing();
    void bannerIsOneLineHigh();
    void rejectedTokenOffersChangeToken();
    void beyondRetentionIsShownAsMissing();
    void followRowsCountAsFromTheApi();
    void preferencesSetTheFollowInterval();

private:
    void createWindow();
    void loadSimulator();
    [[nodiscard]] std::vector<Event> newerEvents(int count, qint64 firstId) const;
    [[nodiscard]] QAction *followAction() const;
    [[nodiscard]] QWidget *newEventsBar() const;
    [[nodiscard]] QString progressText() const; // the status bar's word on the last read

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

void TestLiveWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    TranslationLoader::install(qApp, QLocale(QLocale::English)); // the English plural forms
    // The docs examples moved into the last hour (one every 45 s, order kept).
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    m_docEvents = TestData::docExamples();
    for (size_t i = 0; i < m_docEvents.size(); ++i)
        m_docEvents[i].timestampMs = now - 30000 - qint64(i) * 45000;
}

void TestLiveWindow::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_settings
        = std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("viewer.ini")), QSettings::IniFormat);
    m_viewerSettings = std::make_unique<ViewerSettings>(m_settings.get());
    m_network = std::make_unique<QNetworkAccessManager>();
    m_client = std::make_unique<EventApiClient>(m_network.get());
    EventApiClient::Options options = m_client->options();
    options.maxRetries = 0; // a failed page ends the load at once
    options.maxInFlight = 1; // pages arrive one after the other: page 2 fails after page 1 arrived
    options.ratePerSecond = 1000;
    options.burst = 100;
    m_client->setOptions(options);
    m_model = std::make_unique<EventTableModel>();
    m_session = std::make_unique<EventSession>(m_client.get(), m_model.get());
    m_tokens = std::make_unique<MemoryTokenStore>();
    m_simulator = std::make_unique<EmnifySimulator>();
    EmnifySimulatorConfig config;
    config.applicationTokens = { token };
    config.defaultPerPage = 20;
    config.maxPerPage = 20;
    m_simulator->setConfig(config);
    m_simulator->setEvents(m_docEvents);
    QVERIFY(m_simulator->listen());
    createWindow();
}

void TestLiveWindow::createWindow()
{
    m_window = std::make_unique<MainWindow>(
        m_session.get(), m_model.get(), m_viewerSettings.get(), m_tokens.get());
    m_window->resize(1200, 700); // fewer rows in view than loaded, so the view can scroll
    m_window->show();
    m_window->activateWindow(); // keyboard focus is part of what follow mode must not move
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
}

void TestLiveWindow::cleanup()
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

void TestLiveWindow::loadSimulator()
{
    QSignalSpy finished(m_window.get(), &MainWindow::fetchFinished);
    m_window->setConnection(m_simulator->baseUrl(), token, QStringLiteral("Test account"));
    m_window->reload();
    QVERIFY(finished.wait(fetchTimeoutMs));
    QCOMPARE(finished.at(0).at(0).value<ApiError>().kind(), ApiError::Kind::None);
    QTRY_COMPARE(m_model->rowCount(), int(m_simulator->eventCount()));
    QTRY_VERIFY(!m_model->isBusy());
}

std::vector<Event> TestLiveWindow::newerEvents(int count, qint64 firstId) const
{
    // Newer than everything loaded and than the end of the load's interval: what a poll finds.
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    std::vector<Event> events;
    for (int i = 0; i < count; ++i) {
        Event event = m_docEvents[size_t(i) % m_docEvents.size()];
        event.id = firstId + i;
        event.timestampMs = now + i;
        events.push_back(event);
    }
    return events;
}

QAction *TestLiveWindow::followAction() const
{
    return m_window->findChild<QAction *>(QStringLiteral("actionFollow"));
}

QWidget *TestLiveWindow::newEventsBar() const
{
    return m_window->findChild<QWidget *>(QStringLiteral("newEventsBar"));
}

QString TestLiveWindow::progressText() const
{
    const QList<QLabel *> labels = m_window->statusBar()->findChildren<QLabel *>();
    for (const QLabel *label : labels) {
        if (label->isVisible() && label->text().contains(QLatin1String("from the")))
            return label->text();
    }
    return {};
}

void TestLiveWindow::followAtTopShowsNewRowsInPlace()
{
    loadSimulator();
    QTableView *table = m_window->tableView();
    QCOMPARE(table->verticalScrollBar()->value(), 0);
    QVERIFY(!table->selectionModel()->hasSelection());
    const int before = m_model->rowCount();
    m_simulator->appendEvents(newerEvents(5, 800000000));

    // The toolbar's Follow button: turning it on reads what is new at once.
    QAction *follow = followAction();
    QVERIFY(follow && !follow->isChecked());
    auto *button = qobject_cast<QToolButton *>(m_window->findChild<QToolBar *>()->widgetForAction(follow));
    QVERIFY(button);
    QSignalSpy polled(m_session.get(), &EventSession::pollFinished);
    QTest::mouseClick(button, Qt::LeftButton);
    QVERIFY(follow->isChecked());
    QVERIFY(polled.wait(fetchTimeoutMs));
    QCOMPARE(polled.at(0).at(0).value<ApiError>().kind(), ApiError::Kind::None);
    QTRY_COMPARE(m_model->rowCount(), before + 5);
    QTRY_VERIFY(!m_model->isBusy());
    // In place: the newest new event is the top row and in sight; no bar.
    QCOMPARE(table->verticalScrollBar()->value(), 0);
    QCOMPARE(m_model->event(0).id, 800000004);
    QVERIFY(newEventsBar()->isHidden());
    QVERIFY2(m_window->statusText().startsWith(QLocale().toString(before + 5)),
        qPrintable(m_window->statusText()));
}

void TestLiveWindow::followElsewhereKeepsViewAndCounts()
{
    loadSimulator();
    QTableView *table = m_window->tableView();
    QTRY_VERIFY(table->verticalScrollBar()->maximum() >= 20);
    table->verticalScrollBar()->setValue(10);
    const QModelIndex index = m_model->index(12, EventColumns::Description);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(index).center());
    QCOMPARE(table->currentIndex().row(), 12);
    QVERIFY(table->hasFocus());
    const qint64 selectedId = m_model->event(12).id;
    const int offset = 12 - table->verticalScrollBar()->value();
    const qint64 topId = m_model->event(table->verticalScrollBar()->value()).id;

    m_simulator->appendEvents(newerEvents(15, 810000000));
    QSignalSpy polled(m_session.get(), &EventSession::pollFinished);
    followAction()->trigger();
    QVERIFY(polled.wait(fetchTimeoutMs));
    QTRY_COMPARE(m_model->rowCount(), int(m_simulator->eventCount()));
    QTRY_VERIFY(!m_model->isBusy());

    // Nothing the user looks at moved: selection, current row, its place on screen, the top row, focus.
    QCOMPARE(m_model->event(table->currentIndex().row()).id, selectedId);
    const QModelIndexList selected = table->selectionModel()->selectedRows();
    QCOMPARE(selected.size(), 1);
    QCOMPARE(m_model->event(selected.first().row()).id, selectedId);
    QCOMPARE(table->currentIndex().row() - table->verticalScrollBar()->value(), offset);
    QCOMPARE(m_model->event(table->verticalScrollBar()->value()).id, topId);
    QVERIFY(table->hasFocus());
    QWidget *bar = newEventsBar();
    QVERIFY(bar->isVisible());
    auto *label = bar->findChild<QLabel *>(QStringLiteral("newEventsLabel"));
    QCOMPARE(label->text(), QStringLiteral("15 new events"));

    // The bar's button goes to them.
    auto *show = bar->findChild<QPushButton *>(QStringLiteral("showNewEventsButton"));
    QTest::mouseClick(show, Qt::LeftButton);
    QCOMPARE(table->verticalScrollBar()->value(), 0);
    QCOMPARE(m_model->event(0).id, 810000014);
    QVERIFY(bar->isHidden());
}

void TestLiveWindow::followIsRemembered()
{
    QVERIFY(!m_viewerSettings->follow());
    followAction()->setChecked(true);
    QVERIFY(m_viewerSettings->follow());
    QVERIFY(m_session->isFollowing());
    m_window.reset();
    createWindow();
    QVERIFY(followAction()->isChecked());
    QVERIFY(m_session->isFollowing());
}

void TestLiveWindow::partialLoadSaysSoAndRetriesOnlyMissing()
{
    // 120 events of the last two minutes, 50 a page, newest first; page 2 fails once.
    FakeEmnifyServer server;
    server.applicationToken = token.toUtf8();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QList<QByteArray> events;
    for (int i = 0; i < 120; ++i) {
        QByteArray json = FakeEmnifyServer::eventJson(5000 - i);
        json.replace("2024-05-01T10:00:00.000Z",
            QDateTime::fromMSecsSinceEpoch(now - 1000 * i, Qt::UTC).toString(Qt::ISODateWithMs).toUtf8());
        events.append(json);
    }
    bool failing = true;
    QList<QByteArray> queries;
    server.hook = [&](const FakeEmnifyServer::Request &request) -> std::optional<FakeEmnifyServer::Response> {
        if (request.method != "GET" || !request.path.endsWith("/event"))
            return std::nullopt;
        const QByteArray q = request.queryValue("q");
        queries.append(q);
        const int page = std::max(1, request.queryValue("page").toInt());
        if (failing && page == 2)
            return FakeEmnifyServer::Response { 500, {}, R"({"message":"Internal Server Error."})" };
        // Only the events inside q's until (from the newest on): enough for what the retry asks.
        const QString untilText
            = QString::fromUtf8(q).section(QLatin1String("until:"), 1).section(QLatin1Char(','), 0, 0);
        const qint64 until = QDateTime::fromString(untilText, Qt::ISODate).toMSecsSinceEpoch();
        QList<QByteArray> matching;
        for (int i = 0; i < events.size(); ++i) {
            if (now - 1000 * i < until)
                matching.append(events.at(i));
        }
        const int first = (page - 1) * 50;
        const QList<QByteArray> slice = matching.mid(first, 50);
        const int pages = int((matching.size() + 49) / 50);
        QByteArray body = '[' + slice.join(',') + ']';
        return FakeEmnifyServer::Response { 200,
            { { "X-Total-Count", QByteArray::number(matching.size()) },
                { "X-Total-Pages", QByteArray::number(pages) },
                { "X-Current-Page", QByteArray::number(page) } },
            body };
    };
    QSignalSpy finished(m_window.get(), &MainWindow::fetchFinished);
    m_window->setConnection(server.url(), token, {});
    m_window->reload();
    QVERIFY(finished.wait(fetchTimeoutMs));
    QVERIFY(finished.at(0).at(0).value<ApiError>().isError());
    QTRY_COMPARE(m_model->rowCount(), 50);

    const QString partial = QStringLiteral("Showing 50 of 120 events: page 2 failed");
    const QList<QLabel *> progress = m_window->statusBar()->findChildren<QLabel *>();
    const bool inStatusBar = std::any_of(progress.cbegin(), progress.cend(),
        [&](const QLabel *label) { return label->isVisible() && label->text() == partial; });
    QVERIFY(inStatusBar);
    ErrorBanner *banner = m_window->errorBanner();
    QVERIFY(banner->isVisible());
    QVERIFY2(banner->message().startsWith(partial), qPrintable(banner->message()));
    QVERIFY2(!banner->message().contains(QLatin1String("..")), qPrintable(banner->message()));
    QCOMPARE(banner->action(), ErrorBanner::Action::Retry);

    // Retry reads from the start of the range up to the oldest event that arrived (its second
    // included: more events at that time may follow), not the whole range again.
    const qint64 oldestLoaded = now - 1000 * 49;
    QCOMPARE(m_session->missing()->second, oldestLoaded + 1);
    failing = false;
    queries.clear();
    auto *retry = banner->findChild<QPushButton *>(QStringLiteral("retryButton"));
    QTest::mouseClick(retry, Qt::LeftButton);
    QVERIFY(finished.wait(fetchTimeoutMs));
    QCOMPARE(finished.at(1).at(0).value<ApiError>().kind(), ApiError::Kind::None);
    QTRY_COMPARE(m_model->rowCount(), 120);
    QVERIFY(!queries.isEmpty());
    const QString expectedUntil
        = EventQuery::formatTimestamp(QDateTime::fromMSecsSinceEpoch(oldestLoaded + 1, Qt::UTC), true);
    for (const QByteArray &q : std::as_const(queries))
        QVERIFY2(q.contains("until:" + expectedUntil.toUtf8()), q.constData());
    QCOMPARE(queries.size(), 2); // 71 events from the oldest loaded on: two pages, not three
    QVERIFY(!banner->isVisible());
}

void TestLiveWindow::bannerIsOneLineHigh()
{
    ErrorBanner *banner = m_window->errorBanner();
    banner->showMessage(QStringLiteral("Reading events failed: %1").arg(QString(400, QLatin1Char('x'))),
        ErrorBanner::Level::Error, ErrorBanner::Action::Retry);
    auto *retry = banner->findChild<QPushButton *>(QStringLiteral("retryButton"));
    QTRY_VERIFY(retry->isVisible());
    QApplication::processEvents();
    const int line = std::max(retry->sizeHint().height(), banner->fontMetrics().height());
    QVERIFY2(banner->height() <= line + 16, qPrintable(QString::number(banner->height())));
    QVERIFY(m_window->tableView()->height() > 300); // the table keeps the room
    QVERIFY(banner->message().endsWith(QLatin1Char('x'))); // whole, though elided on screen
}

void TestLiveWindow::rejectedTokenOffersChangeToken()
{
    QSignalSpy finished(m_window.get(), &MainWindow::fetchFinished);
    m_window->setConnection(m_simulator->baseUrl(), QStringLiteral("wrong-token"), {});
    m_window->reload();
    QVERIFY(finished.wait(fetchTimeoutMs));
    ErrorBanner *banner = m_window->errorBanner();
    QVERIFY(banner->isVisible());
    QCOMPARE(banner->action(), ErrorBanner::Action::ChangeToken);
    QVERIFY(!banner->findChild<QPushButton *>(QStringLiteral("retryButton"))->isVisible());
    auto *change = banner->findChild<QPushButton *>(QStringLiteral("changeTokenButton"));
    QVERIFY(change->isVisible());
    QVERIFY2(
        !banner->message().contains(QLatin1String("..")) && !banner->message().contains(QStringLiteral("….")),
        qPrintable(banner->message()));
    QTest::mouseClick(change, Qt::LeftButton);
    QTRY_VERIFY(m_window->findChild<QDialog *>() && m_window->findChild<QDialog *>()->isVisible());
}

void TestLiveWindow::beyondRetentionIsShownAsMissing()
{
    // An empty archive and a range the API no longer holds: not "no events", but what is missing.
    QString error;
    const ArchiveAccount account { m_simulator->baseUrl(), QStringLiteral("org"), {} };
    std::unique_ptr<EventArchive> archive
        = EventArchive::open(m_dir->filePath(QStringLiteral("a.sqlite")), account, &error);
    QVERIFY2(archive, qPrintable(error));
    m_session->setArchive(archive.get());
    const qint64 day = 24 * 3600 * 1000LL;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    ViewerFilterState state = m_window->filterPanel()->state();
    state.timeRange = ViewerFilterState::TimeRange::Custom;
    state.customFrom = QDateTime::fromMSecsSinceEpoch(now - 60 * day, Qt::UTC);
    state.customUntil = QDateTime::fromMSecsSinceEpoch(now - 40 * day, Qt::UTC);
    m_window->filterPanel()->setState(state);
    QSignalSpy finished(m_window.get(), &MainWindow::fetchFinished);
    m_window->setConnection(m_simulator->baseUrl(), token, {});
    m_window->reload();
    QVERIFY(finished.wait(fetchTimeoutMs));
    QCOMPARE(finished.at(0).at(0).value<ApiError>().kind(), ApiError::Kind::None);
    QVERIFY2(m_window->emptyStateText().contains(QLatin1String("No events archived between")),
        qPrintable(m_window->emptyStateText()));
    QVERIFY2(m_window->emptyStateText().contains(QLatin1String("older than the API's 30-day retention")),
        qPrintable(m_window->emptyStateText()));
    QVERIFY(m_window->errorBanner()->message().contains(QLatin1String("30-day retention")));
    m_session->setArchive(nullptr);
}

void TestLiveWindow::followRowsCountAsFromTheApi()
{
    // The archive holds the older half of the account and covers the week up to there; the API
    // gives the rest, and then what the account grows by (the simulator's --grow-events).
    const size_t half = m_docEvents.size() / 2;
    const std::vector<Event> older(m_docEvents.begin() + qsizetype(half), m_docEvents.end());
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QString error;
    const ArchiveAccount account { m_simulator->baseUrl(), QStringLiteral("org"), {} };
    std::unique_ptr<EventArchive> archive
        = EventArchive::open(m_dir->filePath(QStringLiteral("a.sqlite")), account, &error);
    QVERIFY2(archive, qPrintable(error));
    const TimeInterval covered { now - 8 * 24 * 3600 * 1000LL, older.front().timestampMs + 1 };
    QVERIFY(archive->write(std::span<const Event>(older), covered) > 0);
    m_session->setArchive(archive.get());
    loadSimulator();
    const qsizetype archived = qsizetype(older.size());
    qsizetype fromApi = qsizetype(m_docEvents.size()) - archived;
    QCOMPARE(progressText(), QStringLiteral("%1 from the archive, %2 from the API").arg(archived).arg(fromApi));

    QSignalSpy polled(m_session.get(), &EventSession::pollFinished);
    for (const int grown : { 7, 5 }) {
        QCOMPARE(m_simulator->growBy(grown, QDateTime::currentMSecsSinceEpoch()).size(), size_t(grown));
        if (!followAction()->isChecked())
            followAction()->setChecked(true); // polls at once
        else
            m_session->pollNow();
        QVERIFY(polled.wait(fetchTimeoutMs));
        fromApi += grown;
        QTRY_COMPARE(m_model->store().size(), archived + fromApi);
        // Archive and API together are what is loaded, follow's rows with the API's.
        QTRY_COMPARE(progressText(),
            QStringLiteral("%1 from the archive, %2 from the API").arg(archived).arg(fromApi));
        QVERIFY2(m_window->statusText().startsWith(QStringLiteral("%1 events loaded").arg(archived + fromApi)),
            qPrintable(m_window->statusText()));
    }

    // The overlay over a table whose rows are all hidden says the same.
    auto *search = m_window->filterPanel()->findChild<QLineEdit *>(QStringLiteral("searchEdit"));
    QVERIFY(search);
    QTest::keyClicks(search, QStringLiteral("no event has this text"));
    QTRY_COMPARE(m_model->rowCount(), 0);
    QTRY_VERIFY2(m_window->emptyStateText().contains(
                     QStringLiteral("(%1 from the archive, %2 from the API)").arg(archived).arg(fromApi)),
        qPrintable(m_window->emptyStateText()));
    followAction()->setChecked(false);
    m_session->setArchive(nullptr);
}

void TestLiveWindow::preferencesSetTheFollowInterval()
{
    // Edit > Preferences…: the interval typed there is what follow mode waits, from now on and at
    // the next start.
    auto *edit = m_window->menuBar()->findChild<QMenu *>(QStringLiteral("menuEdit"));
    QVERIFY(edit);
    QAction *preferences = m_window->findChild<QAction *>(QStringLiteral("actionPreferences"));
    QVERIFY(preferences && edit->actions().contains(preferences));
    preferences->trigger();
    QDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<QDialog *>(QStringLiteral("preferencesDialog"))) && dialog->isVisible());
    auto *interval = dialog->findChild<QSpinBox *>(QStringLiteral("followInterval"));
    QVERIFY(interval);
    QCOMPARE(interval->value(), 30);
    interval->selectAll();
    QTest::keyClicks(interval, QStringLiteral("45"));
    QTest::keyClick(interval, Qt::Key_Return); // the dialog's default button: OK
    QTRY_VERIFY(!m_window->findChild<QDialog *>(QStringLiteral("preferencesDialog")));
    QCOMPARE(m_viewerSettings->followIntervalSeconds(), 45);
    QCOMPARE(m_session->followIntervalMs(), 45000);
    QCOMPARE(followAction()->toolTip(), QStringLiteral("Read new events every 45 seconds"));
    m_window.reset();
    createWindow();
    QCOMPARE(m_session->followIntervalMs(), 45000);
}

QTEST_MAIN(TestLiveWindow)
#include "tst_livewindow.moc"
