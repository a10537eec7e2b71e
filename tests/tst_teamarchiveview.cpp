// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
// The viewer showing a team archive, against the throwaway PostgreSQL cluster of the "postgres"
// CTest fixture (tests/support/pgcluster). The archive is filled the way emnify-events sync fills
// it: ArchiveSync reading the loopback simulator into a TeamArchive.
#include "api/eventapiclient.h"
#include "archive/archivesync.h"
#include "archive/eventarchive.h"
#include "cli/archivecommands.h"
#include "memorytokenstore.h"
#include "model/eventbatchbuilder.h"
#include "model/eventtypecatalogue.h"
#include "session/archiveopener.h"
#include "session/eventsession.h"
#include "settings/viewersettings.h"
#include "sim/accountgenerator.h"
#include "sim/emnifysimulator.h"
#include "table/eventtablemodel.h"
#include "teamarchive/teamarchive.h"
#include "widgets/errorbanner.h"
#include "widgets/filterpanel.h"
#include "widgets/mainwindow.h"
#include "widgets/viewnavigator.h"

#include "pgtestdatabase.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QCheckBox>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <set>

namespace {

const QString Token = QStringLiteral("team-archive-view-token");
constexpr qsizetype EventCount = 20000;
constexpr int TimeoutMs = 60000;
constexpr qint64 DayMs = 24 * 3600 * 1000LL;

std::set<qint64> shownIds(const EventTableModel &model)
{
    std::set<qint64> ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids.insert(model.store().id(model.storeRow(row)));
    return ids;
}

// What the window reads from the archive, the whole archive by default.
ViewerFilterState everything(qint64 nowMs)
{
    ViewerFilterState state;
    state.timeRange = ViewerFilterState::TimeRange::Custom;
    state.customFrom = QDateTime::fromMSecsSinceEpoch(nowMs - 32 * DayMs, QTimeZone::utc());
    state.customUntil = QDateTime::fromMSecsSinceEpoch(nowMs + 3600'000, QTimeZone::utc());
    return state;
}

// Every table of the schema and what a write would change in it.
qint64 fingerprint(const QString &url)
{
    return PgTestDatabase::queryInt(url,
        "SELECT (SELECT count(*) FROM ev_event) * 1000003 + (SELECT count(*) FROM ev_account) * 1009 "
        "+ (SELECT count(*) FROM ev_coverage) * 101 + (SELECT COALESCE(SUM(finished_ms), 0) % 1000 FROM "
        "ev_sync) "
        "+ (SELECT COALESCE(SUM(until_ms), 0) % 997 FROM ev_coverage) + (SELECT max(version) FROM "
        "ev_schema)");
}

} // namespace

class TestTeamArchiveView final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void sessionShowsTheArchivedRows();
    void pushDownEqualsTheLocalFilter_data();
    void pushDownEqualsTheLocalFilter();
    void windowSaysWhereRowsComeFrom();
    void backReadsAgainAndKeepsTheSelection();
    void refreshShowsWhatTheSyncAddedSince();
    void rowLimitShowsTheNewestAndSaysSo();
    void cancelKeepsTheWindowUsable();
    void openFailureSaysWhy_data();
    void openFailureSaysWhy();
    void searchFindsBeyondTheRowLimit();
    void passwordFromTheKeychain();
    void keychainUnavailableSaysSo();
    void localArchiveFileOpens();
    void nothingIsWritten();

private:
    void createWindow();
    void openInWindow(const QString &url);

    QString m_url;
    qint64 m_nowMs = 0;
    std::vector<Event> m_events;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<ViewerSettings> m_viewerSettings;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<EventApiClient> m_client;
    std::unique_ptr<EventTableModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    std::unique_ptr<EventSession> m_session;
    std::unique_ptr<MemoryTokenStore> m_tokens;
    std::unique_ptr<MainWindow> m_window;
};

void TestTeamArchiveView::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(!PgTestDatabase::password().isEmpty(),
        "no PostgreSQL cluster: run this test through ctest (fixture \"postgres\")");
    m_url = PgTestDatabase::create("ev_teamarchiveview");
    QVERIFY(!m_url.isEmpty());
    m_nowMs = QDateTime::currentMSecsSinceEpoch();
    m_events = AccountGenerator::generate(EventCount, 15, m_nowMs - 60'000);

    EmnifySimulator simulator;
    EmnifySimulatorConfig config;
    config.applicationTokens = { Token };
    simulator.setConfig(config);
    simulator.setEvents(m_events);
    QVERIFY(simulator.listen());
    QNetworkAccessManager network;
    EventApiClient client(&network);
    EventApiClient::Options options = client.options();
    options.ratePerSecond = 1000;
    options.burst = 100;
    client.setOptions(options);
    QVERIFY(!client.setBaseUrl(simulator.baseUrl()).isError());
    client.setApplicationToken(Token);
    QString error;
    auto archive = TeamArchive::open(
        m_url, ArchiveAccount { simulator.baseUrl(), QStringLiteral("1"), QStringLiteral("Team") }, &error);
    QVERIFY2(archive, qPrintable(error));
    ArchiveSync sync(&client, archive.get());
    QSignalSpy finished(&sync, &ArchiveSync::finished);
    sync.start({ m_nowMs - 31 * DayMs, m_nowMs }, EventQuery(), EventScope::account(), m_nowMs);
    QVERIFY(finished.wait(TimeoutMs));
    QVERIFY2(!finished.first().first().value<ApiError>().isError(),
        qPrintable(finished.first().first().value<ApiError>().toString()));
    QCOMPARE(archive->info().events, qint64(EventCount));
}

void TestTeamArchiveView::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_settings
        = std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("viewer.ini")), QSettings::IniFormat);
    m_viewerSettings = std::make_unique<ViewerSettings>(m_settings.get());
    m_viewerSettings->setFilterState(everything(m_nowMs));
    m_network = std::make_unique<QNetworkAccessManager>();
    m_client = std::make_unique<EventApiClient>(m_network.get());
    m_model = std::make_unique<EventTableModel>();
    m_tester = std::make_unique<QAbstractItemModelTester>(m_model.get());
    m_session = std::make_unique<EventSession>(m_client.get(), m_model.get());
    m_tokens = std::make_unique<MemoryTokenStore>();
}

void TestTeamArchiveView::cleanup()
{
    m_window.reset();
    m_session.reset();
    m_tester.reset();
    m_model.reset();
    m_client.reset();
    m_network.reset();
    m_tokens.reset();
    m_viewerSettings.reset();
    m_settings.reset();
    m_dir.reset();
}

void TestTeamArchiveView::createWindow()
{
    m_window = std::make_unique<MainWindow>(
        m_session.get(), m_model.get(), m_viewerSettings.get(), m_tokens.get());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestTeamArchiveView::openInWindow(const QString &url)
{
    createWindow();
    QSignalSpy finished(m_window.get(), &MainWindow::fetchFinished);
    m_window->openArchive(url);
    QVERIFY(finished.wait(TimeoutMs));
    QTRY_VERIFY(!m_model->isBusy());
}

void TestTeamArchiveView::sessionShowsTheArchivedRows()
{
    QString error;
    auto archive = TeamArchive::openExisting(m_url, QUrl(), &error);
    QVERIFY2(archive, qPrintable(error));
    m_session->useArchiveOnly(archive.get(), QStringLiteral("team"), 10'000'000);
    QVERIFY(m_session->isConnected());
    const auto request = ViewRequest::fromState(everything(m_nowMs), m_nowMs);
    QVERIFY(request);
    QSignalSpy finished(m_session.get(), &EventSession::loadFinished);
    QSignalSpy progress(m_session.get(), &EventSession::progressChanged);
    m_session->load(*request);
    QVERIFY(finished.wait(TimeoutMs));
    QVERIFY(!finished.first().first().value<ApiError>().isError());
    QCOMPARE(m_session->state(), EventSession::State::Loaded);
    QCOMPARE(m_model->store().size(), EventCount);
    QVERIFY2(progress.size() > 1, "rows arrive page by page, with progress");
    QCOMPARE(m_session->progress().eventsReceived, qint64(EventCount));
    QVERIFY(!m_session->limitedTotal());
    std::set<qint64> expected;
    for (const Event &e : m_events)
        expected.insert(e.id);
    std::set<qint64> loaded;
    for (qsizetype row = 0; row < m_model->store().size(); ++row)
        loaded.insert(m_model->store().id(row));
    QCOMPARE(loaded, expected);
    // No follow mode on an archive: nothing would feed it.
    m_session->setFollowing(true);
    QVERIFY(!m_session->isFollowing());
    m_session->leaveArchiveOnly();
    QVERIFY(!m_session->isConnected());
}

void TestTeamArchiveView::pushDownEqualsTheLocalFilter_data()
{
    QTest::addColumn<QString>("filter");
    QTest::newRow("one severity") << QStringLiteral("severity");
    QTest::newRow("one source") << QStringLiteral("source");
    QTest::newRow("one category") << QStringLiteral("category");
    QTest::newRow("one type hidden") << QStringLiteral("hidden type");
    QTest::newRow("one device") << QStringLiteral("device");
    QTest::newRow("search") << QStringLiteral("search");
}

void TestTeamArchiveView::pushDownEqualsTheLocalFilter()
{
    QFETCH(QString, filter);
    ViewerFilterState state = everything(m_nowMs);
    const EventTypeCatalogue &catalogue = EventTypeCatalogue::builtIn();
    const Event &sample = m_events[m_events.size() / 2];
    if (filter == QLatin1String("severity")) {
        state.hiddenSeverities = { 0, 2 }; // Warn only (the generated account has few critical events)
    } else if (filter == QLatin1String("source")) {
        state.hiddenSources = { 0, 1 };
    } else if (filter == QLatin1String("category")) {
        QVERIFY(catalogue.categoryOf(int(sample.type.id)) != catalogue.otherCategory());
        for (int c = 0; c < catalogue.categories().size(); ++c) {
            if (c != catalogue.categoryOf(int(sample.type.id)))
                state.hiddenCategories.insert(c); // "Other" too
        }
    } else if (filter == QLatin1String("hidden type")) {
        state.hiddenTypeIds = { int(sample.type.id) };
    } else if (filter == QLatin1String("device")) {
        const auto withEndpoint = std::find_if(m_events.begin() + qsizetype(m_events.size() / 2),
            m_events.end(), [](const Event &e) { return e.endpoint.has_value(); });
        QVERIFY(withEndpoint != m_events.end());
        state.scopeKind = EventScope::Kind::Endpoint;
        state.scopeId = QString::number(withEndpoint->endpoint->id);
    } else {
        state.searchText = sample.description.section(u' ', 0, 0);
    }
    const auto request = ViewRequest::fromState(state, m_nowMs);
    QVERIFY(request);
    const ViewRequest pushed = ViewRequest::pushedDown(*request, state);
    if (filter == QLatin1String("severity"))
        QCOMPARE(pushed.query.severity, std::optional<int>(1));
    if (filter == QLatin1String("source"))
        QCOMPARE(pushed.query.source, std::optional<int>(2));
    if (filter == QLatin1String("category"))
        QVERIFY(pushed.query.types.contains(int(sample.type.id)));

    QString error;
    auto archive = TeamArchive::openExisting(m_url, QUrl(), &error);
    QVERIFY2(archive, qPrintable(error));
    // The archive filters the read; the model filters what arrives, as always.
    m_session->useArchiveOnly(archive.get(), QStringLiteral("team"), 10'000'000);
    m_model->setFilter(ViewRequest::filter(state, request->interval));
    QSignalSpy finished(m_session.get(), &EventSession::loadFinished);
    m_session->load(pushed);
    QVERIFY(finished.wait(TimeoutMs));
    QTRY_VERIFY(!m_model->isBusy());
    const std::set<qint64> shown = shownIds(*m_model);
    const qsizetype loadedPushed = m_model->store().size();

    // The same view with nothing pushed down: all rows of the scope, filtered in memory.
    EventTableModel plainModel;
    EventSession plain(m_client.get(), &plainModel);
    plain.useArchiveOnly(archive.get(), QStringLiteral("team"), 10'000'000);
    plainModel.setFilter(ViewRequest::filter(state, request->interval));
    QSignalSpy plainFinished(&plain, &EventSession::loadFinished);
    plain.load(*request);
    QVERIFY(plainFinished.wait(TimeoutMs));
    QTRY_VERIFY(!plainModel.isBusy());
    QCOMPARE(shown, shownIds(plainModel));
    QVERIFY(!shown.empty());
    if (filter != QLatin1String("hidden type") && filter != QLatin1String("device"))
        QVERIFY2(loadedPushed < plainModel.store().size(), "the archive filtered the read");
    else
        QVERIFY(loadedPushed <= plainModel.store().size());
    m_session->leaveArchiveOnly();
    plain.leaveArchiveOnly();
}

void TestTeamArchiveView::windowSaysWhereRowsComeFrom()
{
    openInWindow(m_url);
    QCOMPARE(m_model->store().size(), EventCount);
    const QString name = ArchiveOpener::nameOf(m_url);
    QVERIFY2(name.startsWith(QLatin1String("ev_teamarchiveview@")), qPrintable(name));
    QVERIFY2(m_window->windowTitle().startsWith(QStringLiteral("Team archive %1 · synced until ").arg(name)),
        qPrintable(m_window->windowTitle()));
    QVERIFY(!m_window->windowTitle().contains(QLatin1String("postgresql://")));
    const QString coverageEnd = QLocale().toString(
        QDateTime::fromMSecsSinceEpoch(*m_window->archiveOpener()->syncedUntilMs()).toLocalTime(),
        QLocale::ShortFormat);
    QVERIFY2(m_window->windowTitle().contains(coverageEnd), qPrintable(m_window->windowTitle()));
    bool statusSays = false;
    for (const QLabel *label : m_window->statusBar()->findChildren<QLabel *>())
        statusSays |= label->text().contains(QStringLiteral("Team archive %1 · synced until").arg(name));
    QVERIFY(statusSays);
    QVERIFY(!m_window->errorBanner()->isVisible());
    // Follow mode has nothing to follow, and says why.
    const QAction *follow = m_window->findChild<QAction *>(QStringLiteral("actionFollow"));
    QVERIFY(follow);
    QVERIFY(!follow->isEnabled());
    QVERIFY(!follow->isChecked());
    QVERIFY2(follow->toolTip().contains(QLatin1String("no API to follow")), qPrintable(follow->toolTip()));

    // Unticking all severities but one reads again with it in the SQL; the table shows only those.
    m_window->filterPanel()->findChild<QCheckBox *>(QStringLiteral("severityInfo"))->setChecked(false);
    m_window->filterPanel()->findChild<QCheckBox *>(QStringLiteral("severityCritical"))->setChecked(false);
    QTRY_COMPARE(m_session->request().query.severity, std::optional<int>(1));
    QTRY_COMPARE(m_session->state(), EventSession::State::Loaded);
    QTRY_VERIFY(!m_model->isBusy());
    const qsizetype warnings
        = std::count_if(m_events.begin(), m_events.end(), [](const Event &e) { return e.severity.id == 1; });
    QVERIFY(warnings > 0);
    QCOMPARE(m_model->store().size(), warnings);
    QCOMPARE(m_model->rowCount(), int(warnings));
}

// On an archive alone, a severity is part of the read: going back over it reads again, and the
// event that was selected is selected once that read is in.
void TestTeamArchiveView::backReadsAgainAndKeepsTheSelection()
{
    openInWindow(m_url);
    ViewNavigator *views = m_window->viewNavigator();
    const auto settle = [this] {
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->isRestoringView() && !m_model->isBusy() && !m_session->isLoading(),
            TimeoutMs);
    };
    views->recordNow();
    // An Info event far down the table: it is not there while Warn alone is read.
    int row = m_model->rowCount() - 1;
    while (row >= 0 && m_model->index(row, 0).data(EventTableModel::SeverityIdRole).toInt() != 0)
        --row;
    QVERIFY(row > 0);
    const qint64 selected = m_model->index(row, 0).data(EventTableModel::EventIdRole).toLongLong();
    m_window->tableView()->setCurrentIndex(m_model->index(row, EventColumns::Description));
    views->recordNow();
    m_window->filterPanel()->findChild<QCheckBox *>(QStringLiteral("severityInfo"))->setChecked(false);
    m_window->filterPanel()->findChild<QCheckBox *>(QStringLiteral("severityCritical"))->setChecked(false);
    QTRY_COMPARE(m_session->request().query.severity, std::optional<int>(1));
    settle();
    QVERIFY(m_model->store().rowOfId(selected) < 0); // read with Warn alone
    views->recordNow();

    views->goBack();
    settle();
    QVERIFY(m_model->store().rowOfId(selected) >= 0); // read with Info again
    const QModelIndex current = m_window->tableView()->currentIndex();
    QVERIFY(current.isValid());
    QCOMPARE(current.data(EventTableModel::EventIdRole).toLongLong(), selected);
}

void TestTeamArchiveView::refreshShowsWhatTheSyncAddedSince()
{
    openInWindow(m_url);
    const qint64 opened = *m_window->archiveOpener()->syncedUntilMs();
    // The team's sync runs on: it covers another minute (and found nothing new in it).
    QString error;
    auto writer = TeamArchive::openExisting(m_url, QUrl(), &error);
    QVERIFY2(writer, qPrintable(error));
    QVERIFY(writer->markCovered({ opened, opened + 60'000 }));
    QSignalSpy finished(m_window.get(), &MainWindow::fetchFinished);
    m_window->refresh();
    QVERIFY(finished.wait(TimeoutMs));
    QCOMPARE(m_session->archiveSyncedUntilMs(), std::optional<qint64>(opened + 60'000));
    const QString later = QLocale().toString(
        QDateTime::fromMSecsSinceEpoch(opened + 60'000).toLocalTime(), QLocale::ShortFormat);
    QVERIFY2(m_window->windowTitle().contains(later), qPrintable(m_window->windowTitle()));
}

void TestTeamArchiveView::rowLimitShowsTheNewestAndSaysSo()
{
    m_viewerSettings->setTeamArchiveRowLimit(1500);
    openInWindow(m_url);
    QCOMPARE(m_model->store().size(), qsizetype(1500));
    QCOMPARE(m_session->limitedTotal(), std::optional<qint64>(EventCount));
    // The newest 1500: every loaded event is at least as new as the 1500th newest.
    std::vector<qint64> times;
    for (const Event &e : m_events)
        times.push_back(e.timestampMs);
    std::sort(times.begin(), times.end(), std::greater<>());
    for (qsizetype row = 0; row < m_model->store().size(); ++row)
        QVERIFY(m_model->store().timestampMs(row) >= times[1499]);
    QVERIFY(m_window->errorBanner()->isVisible());
    const QString text = m_window->errorBanner()->message();
    const QLocale locale;
    QVERIFY2(
        text.contains(QStringLiteral("The team archive holds %1 events for this view; showing the newest %2. "
                                     "Narrow the range or filters to see all.")
                          .arg(locale.toString(EventCount), locale.toString(1500))),
        qPrintable(text));
}

void TestTeamArchiveView::cancelKeepsTheWindowUsable()
{
    createWindow();
    QSignalSpy finished(m_window.get(), &MainWindow::fetchFinished);
    // Stop as the first page arrives: the rest of the stream never comes.
    QMetaObject::Connection once
        = connect(m_session.get(), &EventSession::progressChanged, this, [this, &once] {
              disconnect(once);
              m_window->stop();
          });
    m_window->openArchive(m_url);
    QVERIFY(finished.wait(TimeoutMs));
    QCOMPARE(finished.first().first().value<ApiError>().kind(), ApiError::Kind::Cancelled);
    QCOMPARE(m_session->state(), EventSession::State::Stopped);
    QTRY_VERIFY(m_model->store().size() > 0);
    QVERIFY(m_model->store().size() < EventCount);
    bool statusSays = false;
    for (const QLabel *label : m_window->statusBar()->findChildren<QLabel *>())
        statusSays |= label->text().startsWith(QStringLiteral("Stopped · "))
            && label->text().contains(QLatin1String("Team archive "));
    QVERIFY2(statusSays, qPrintable(m_window->statusText()));
    // Still connected to the archive: a reload reads all of it.
    QVERIFY(m_window->windowTitle().startsWith(QLatin1String("Team archive ")));
    finished.clear();
    m_window->reload();
    QVERIFY(finished.wait(TimeoutMs));
    QVERIFY(!finished.first().first().value<ApiError>().isError());
    QCOMPARE(m_model->store().size(), EventCount);
}

void TestTeamArchiveView::openFailureSaysWhy_data()
{
    QTest::addColumn<QString>("failure");
    QTest::addColumn<QString>("said");
    QTest::newRow("wrong password") << QStringLiteral("password")
                                    << QStringLiteral("password authentication failed");
    QTest::newRow("connection refused") << QStringLiteral("refused") << QStringLiteral("Connection refused");
    QTest::newRow("newer schema") << QStringLiteral("schema") << QStringLiteral("schema version 99");
    QTest::newRow("no such file") << QStringLiteral("file") << QStringLiteral("There is no archive file");
}

void TestTeamArchiveView::openFailureSaysWhy()
{
    QFETCH(QString, failure);
    QFETCH(QString, said);
    QString location = m_url;
    const QByteArray right = qgetenv("PGPASSWORD");
    const auto restore = qScopeGuard([&] { qputenv("PGPASSWORD", right); });
    if (failure == QLatin1String("password")) {
        qputenv("PGPASSWORD", "not-the-password");
    } else if (failure == QLatin1String("refused")) {
        // A port of this computer nobody listens on: the one a just-closed server had.
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        location = QStringLiteral("postgresql://ev_test@127.0.0.1:%1/postgres").arg(closed.serverPort());
        closed.close();
    } else if (failure == QLatin1String("schema")) {
        location = PgTestDatabase::create("ev_teamarchiveview_newer");
        QString error;
        QVERIFY2(
            TeamArchive::open(location,
                ArchiveAccount { QUrl(QStringLiteral("https://cdn.emnify.net")), QStringLiteral("1"), {} },
                &error),
            qPrintable(error));
        QVERIFY(PgTestDatabase::execute(location, "INSERT INTO ev_schema VALUES (99)"));
    } else {
        location = m_dir->filePath(QStringLiteral("missing.sqlite"));
    }
    createWindow();
    QSignalSpy failed(m_window->archiveOpener(), &ArchiveOpener::failed);
    m_window->openArchive(location);
    QVERIFY(failed.wait(TimeoutMs));
    QVERIFY(m_window->errorBanner()->isVisible());
    const QString text = m_window->errorBanner()->message();
    QVERIFY2(text.contains(said), qPrintable(text));
    QVERIFY(!text.contains(QLatin1String("not-the-password")));
    QCOMPARE(m_model->store().size(), qsizetype(0));
    QVERIFY(!m_session->isConnected());
    QVERIFY2(
        !m_window->windowTitle().contains(QLatin1String("archive")), qPrintable(m_window->windowTitle()));
}

// With a row limit the read holds the newest rows only: the search goes into the SQL, so an
// older event it matches is found all the same.
void TestTeamArchiveView::searchFindsBeyondTheRowLimit()
{
    constexpr qsizetype Limit = 1000;
    std::vector<Event> newestFirst = m_events;
    std::sort(newestFirst.begin(), newestFirst.end(), [](const Event &a, const Event &b) {
        return a.timestampMs != b.timestampMs ? a.timestampMs > b.timestampMs : a.id > b.id;
    });
    const Event &old = newestFirst[newestFirst.size() - 10]; // far beyond the newest Limit
    m_viewerSettings->setTeamArchiveRowLimit(Limit);
    ViewerFilterState state = everything(m_nowMs);
    state.searchText = QStringLiteral("id:%1").arg(old.id);
    m_viewerSettings->setFilterState(state);
    openInWindow(m_url);
    QCOMPARE(shownIds(*m_model), std::set<qint64> { old.id });

    // A search given another way (a pivot) reads again, with it in the SQL too.
    const Event &other = newestFirst[newestFirst.size() - 20];
    m_window->filterPanel()->clearSearch();
    QSignalSpy finished(m_window.get(), &MainWindow::fetchFinished);
    m_window->filterPanel()->addPivot(QStringLiteral("id:%1").arg(other.id));
    QVERIFY(finished.wait(TimeoutMs));
    QTRY_VERIFY(!m_model->isBusy());
    QTRY_COMPARE(shownIds(*m_model), std::set<qint64> { other.id });
    QVERIFY2(m_model->store().size() <= Limit, "the row limit still holds");
}

// A team archive's password: typed in File > Open team archive, remembered in the keychain only
// once it worked, then read from there by the viewer and by emnify-events; never shown.
void TestTeamArchiveView::passwordFromTheKeychain()
{
    const QByteArray secret = "kc-Secret-" + QByteArray::number(QDateTime::currentMSecsSinceEpoch());
    PgTestDatabase::execute(m_url, "DROP ROLE IF EXISTS ev_keychain");
    QVERIFY(PgTestDatabase::execute(m_url, "CREATE ROLE ev_keychain LOGIN PASSWORD '" + secret + "'"));
    QVERIFY(PgTestDatabase::execute(m_url, "GRANT SELECT ON ALL TABLES IN SCHEMA public TO ev_keychain"));
    QUrl asUser(m_url);
    asUser.setUserName(QStringLiteral("ev_keychain"));
    const QString url = asUser.toString();
    const QString account = TeamArchive::keychainAccount(url);
    QVERIFY(!account.contains(QLatin1String("kc-Secret")));
    const auto shows = [&](const QString &text) {
        return text.contains(QString::fromUtf8(secret)) || text.contains(QLatin1String("wrong-typed"));
    };

    createWindow();
    QSignalSpy failed(m_window->archiveOpener(), &ArchiveOpener::failed);
    QSignalSpy opened(m_window->archiveOpener(), &ArchiveOpener::opened);
    // PGPASSWORD is another role's: without the keychain's, the server says no.
    m_window->openArchive(url);
    QVERIFY(failed.wait(TimeoutMs));
    // A wrong password typed is not remembered, nor shown.
    m_window->openArchive(url, QStringLiteral("wrong-typed"), true);
    QVERIFY(failed.wait(TimeoutMs));
    QVERIFY2(failed.last().first().toString().contains(QLatin1String("password authentication failed")),
        qPrintable(failed.last().first().toString()));
    QVERIFY(!shows(m_window->errorBanner()->message()));
    QVERIFY(m_tokens->tokens().isEmpty());
    // The right one opens the archive and goes into the keychain.
    QSignalSpy finished(m_window.get(), &MainWindow::fetchFinished);
    m_window->openArchive(url, QString::fromUtf8(secret), true);
    QVERIFY(opened.wait(TimeoutMs));
    QVERIFY(finished.wait(TimeoutMs));
    QTRY_VERIFY(!m_model->isBusy());
    QCOMPARE(m_model->store().size(), EventCount);
    QCOMPARE(m_tokens->tokens().value(account), QString::fromUtf8(secret));
    QVERIFY(!shows(m_window->windowTitle()));
    QVERIFY(!shows(m_window->statusBar()->currentMessage()));
    m_window.reset();
    m_session->leaveArchiveOnly();

    // Next time nothing is typed: the keychain's password.
    openInWindow(url);
    QCOMPARE(m_model->store().size(), EventCount);
    QVERIFY(!shows(m_window->windowTitle()));

    // emnify-events reads the same entry for the same URL.
    ArchiveCommands::setPasswordStore(m_tokens.get());
    const auto unset = qScopeGuard([] { ArchiveCommands::setPasswordStore(nullptr); });
    EventExportOptions options;
    options.archive = url;
    QString error;
    const std::unique_ptr<ArchiveStore> cli = ArchiveCommands::openExisting(options, &error);
    QVERIFY2(cli, qPrintable(error));
    QCOMPARE(cli->info().events, qint64(EventCount));
    ArchiveCommands::setPasswordStore(nullptr);
    QVERIFY(!ArchiveCommands::openExisting(options, &error));
    QVERIFY2(
        error.contains(QLatin1String("password authentication failed")) && !shows(error), qPrintable(error));
}

void TestTeamArchiveView::keychainUnavailableSaysSo()
{
    m_tokens = std::make_unique<MemoryTokenStore>(false);
    createWindow();
    QSignalSpy notRemembered(m_window->archiveOpener(), &ArchiveOpener::passwordNotRemembered);
    QSignalSpy finished(m_window.get(), &MainWindow::fetchFinished);
    m_window->openArchive(m_url, QString::fromUtf8(PgTestDatabase::password()), true);
    QVERIFY(finished.wait(TimeoutMs));
    QCOMPARE(notRemembered.size(), 1);
    QCOMPARE(m_model->store().size(), EventCount); // opened all the same, for this run
    QVERIFY(m_window->errorBanner()->isVisible());
    const QString text = m_window->errorBanner()->message();
    QVERIFY2(text.contains(QLatin1String("keychain")), qPrintable(text));
    QVERIFY(!text.contains(QString::fromUtf8(PgTestDatabase::password())));
}

void TestTeamArchiveView::localArchiveFileOpens()
{
    const QString path = m_dir->filePath(QStringLiteral("account.sqlite"));
    {
        QString error;
        auto file = EventArchive::open(path,
            ArchiveAccount { QUrl(QStringLiteral("https://cdn.emnify.net")), QStringLiteral("1"), {} },
            &error);
        QVERIFY2(file, qPrintable(error));
        QCOMPARE(
            file->write(EventBatchBuilder::build(m_events), TimeInterval { m_nowMs - 31 * DayMs, m_nowMs }),
            EventCount);
    }
    openInWindow(path);
    QCOMPARE(m_model->store().size(), EventCount);
    QVERIFY2(m_window->windowTitle().startsWith(QStringLiteral("Archive account.sqlite · synced until ")),
        qPrintable(m_window->windowTitle()));
}

void TestTeamArchiveView::nothingIsWritten()
{
    const qint64 before = fingerprint(m_url);
    QVERIFY(before > 0);
    openInWindow(m_url);
    QCOMPARE(m_model->store().size(), EventCount);
    m_window->refresh();
    QTRY_COMPARE(m_session->state(), EventSession::State::Loaded);
    QCOMPARE(fingerprint(m_url), before);
}

QTEST_MAIN(TestTeamArchiveView)
#include "tst_teamarchiveview.moc"
