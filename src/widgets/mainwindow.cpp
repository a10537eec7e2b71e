// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "widgets/mainwindow.h"
#include "ui_mainwindow.h"

#include "archive/timeinterval.h"
#include "api/eventapiclient.h"
#include "export/ticketcopy.h"
#include "filter/eventfilterengine.h"
#include "session/archiveopener.h"
#include "session/eventsession.h"
#include "session/viewfile.h"
#include "settings/viewersettings.h"
#include "table/eventtablemodel.h"
#include "widgets/aboutdialog.h"
#include "widgets/accountarchive.h"
#include "widgets/accountflow.h"
#include "widgets/apierrortext.h"
#include "widgets/connectionflow.h"
#include "widgets/emptystateoverlay.h"
#include "widgets/errorbanner.h"
#include "widgets/eventtableview.h"
#include "widgets/exportflow.h"
#include "widgets/filterpanel.h"
#include "widgets/followcontroller.h"
#include "widgets/neweventsbar.h"
#include "widgets/preferencesdialog.h"
#include "widgets/providernamesdialog.h"
#include "widgets/ordersview.h"
#include "widgets/pivotactions.h"
#include "widgets/shortcutsdialog.h"
#include "widgets/teamarchivedialog.h"
#include "widgets/timelinecontroller.h"
#include "widgets/timelinewidget.h"
#include "widgets/viewnavigator.h"
#include "widgets/windowshortcuts.h"

#include <QActionGroup>
#include <QClipboard>
#include <QCloseEvent>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QProgressBar>
#include <QScreen>
#include <QScrollBar>
#include <QStatusBar>

#include <algorithm>
#include <climits>

namespace {

constexpr int CountsThrottleMs = 250;
constexpr int ClockIntervalMs = 30000;
constexpr QSize DefaultWindowSize { 1500, 900 };

QString entityName(EventEntity entity)
{
    switch (entity) {
    case EventEntity::Organisation:
        return MainWindow::tr("organisation");
    case EventEntity::Endpoint:
        return MainWindow::tr("device");
    case EventEntity::Sim:
        return MainWindow::tr("SIM");
    case EventEntity::Imsi:
        return MainWindow::tr("IMSI");
    case EventEntity::User:
        return MainWindow::tr("user");
    case EventEntity::Order:
        break;
    }
    return MainWindow::tr("SIM order");
}

} // namespace

MainWindow::MainWindow(EventSession *session, EventTableModel *model, ViewerSettings *settings,
    TokenStore *tokens, QWidget *parent)
    : QMainWindow(parent)
    , m_ui(std::make_unique<Ui::MainWindow>())
    , m_session(session)
    , m_model(model)
    , m_settings(settings)
    , m_tokens(tokens)
{
    m_ui->setupUi(this);
    setWindowIcon(QIcon(QStringLiteral(":/icons/emnify-event-viewer.svg")));
    m_table = m_ui->tableView;
    m_table->setEventModel(m_model, m_ui->menuColumns);
    m_ui->ordersView->setEventModel(m_model); // folds the orders of what the event table loads
    applyProviderNames(m_settings->providerNames());
    m_connection = new ConnectionFlow(tokens, settings, this);
    m_export = new ExportFlow(m_table, m_settings);
    m_emptyState = new EmptyStateOverlay(m_table->viewport());
    m_ui->splitter->setStretchFactor(0, 3);
    m_ui->splitter->setStretchFactor(1, 1);
    setupStatusBar();
    setupActions();
    setupLive();
    setupAccounts();
    setupTimeline();
    setupCopyAs();
    setupViews();
    setupArchiveOnly();

    connect(m_session, &EventSession::stateChanged, this, &MainWindow::onLoadStateChanged);
    connect(m_session, &EventSession::progressChanged, this, &MainWindow::onProgress);
    connect(m_session, &EventSession::loadFinished, this, &MainWindow::onLoadFinished);


    connect(m_export, &ExportFlow::started, this, [this](const QString &fileName, qsizetype rows) {
        statusBar()->showMessage(tr("Exporting %Ln events to %1…", nullptr, int(rows))
                                     .arg(QDir::toNativeSeparators(fileName)));
    });
    connect(m_export, &ExportFlow::finished, this, &MainWindow::onExportFinished);

    connect(m_ui->filterPanel, &FilterPanel::localFilterChanged, this, &MainWindow::applyLocalFilter);
    connect(m_ui->filterPanel, &FilterPanel::queryChanged, this, &MainWindow::onQueryChanged);
    connect(m_ui->filterPanel, &FilterPanel::pinRemoved, this, &MainWindow::removePin);
    connect(m_ui->filterPanel, &FilterPanel::clearAllRequested, this, &MainWindow::clearAllFilters);
    connect(m_ui->detailPane, &EventDetailPane::pinRequested, this, &MainWindow::pin);
    // Pivots: a term for the filter panel (a chip), a pin, or a time range around an event.
    m_pivots = new PivotActions(m_table, this);
    connect(m_pivots, &PivotActions::pivotRequested, m_ui->filterPanel, &FilterPanel::addPivot);
    connect(m_ui->detailPane, &EventDetailPane::pivotRequested, m_ui->filterPanel, &FilterPanel::addPivot);
    connect(m_pivots, &PivotActions::pinRequested, this, &MainWindow::pin);
    connect(m_pivots, &PivotActions::eventsAroundRequested, this, &MainWindow::showEventsAround);
    connect(m_ui->ordersView, &OrdersView::showEventsRequested, this,
        [this](qint64 orderId, const QString &label) {
            m_ui->viewTabs->setCurrentWidget(m_ui->eventsPage);
            pin(EventEntity::Order, orderId, label);
        });
    connect(m_ui->detailPane, &EventDetailPane::orderViewRequested, this, [this](qint64 orderId) {
        m_ui->viewTabs->setCurrentWidget(m_ui->ordersView);
        m_ui->ordersView->showOrder(orderId);
    });
    connect(m_ui->errorBanner, &ErrorBanner::retryRequested, this, &MainWindow::retry);
    connect(m_emptyState, &QLabel::linkActivated, this, &MainWindow::onEmptyStateLink);

    connect(m_table, &EventTableView::currentEventChanged, this, &MainWindow::onCurrentEventChanged);
    connect(m_table, &EventTableView::selectedRowsChanged, this, [this](bool any) {
        m_ui->actionExportSelected->setEnabled(any);
        m_ui->actionCopy->setEnabled(any);
    });
    connect(m_table, &EventTableView::rowsSettled, this, &MainWindow::updateEmptyState);

    m_countsTimer.setSingleShot(true);
    m_countsTimer.setInterval(CountsThrottleMs);
    connect(&m_countsTimer, &QTimer::timeout, this, &MainWindow::updateCounts);
    connect(m_model, &EventTableModel::rowsShownChanged, this, [this] {
        if (!m_countsTimer.isActive())
            m_countsTimer.start();
    });
    connect(m_model, &EventTableModel::filterApplied, this, [this] {
        // The event shown in the pane may have been filtered out: then it no longer shows.
        if (!m_table->selectionModel()->currentIndex().isValid())
            m_ui->detailPane->clear();
        selectKeptEvent();
        if (m_session->state() != EventSession::State::Loading)
            m_keptEventId.reset(); // no read brings more rows: what shows now is all there will be
        updateCounts();
        finishRestoringView();
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        m_ui->detailPane->clear();
        updateCounts();
    });

    m_clockTimer.setInterval(ClockIntervalMs);
    connect(&m_clockTimer, &QTimer::timeout, this, [this] {
        m_model->setNow(QDateTime::currentDateTimeUtc());
        m_ui->ordersView->setNowMs(QDateTime::currentMSecsSinceEpoch());
    });
    m_model->setNow(QDateTime::currentDateTimeUtc());
    m_clockTimer.start();

    restoreState();
    applyLocalFilter();
    updateTitle();
    updateCounts();
    m_views->recordNow(); // the view it starts with is a step (after those of the last run)
}

MainWindow::~MainWindow() = default;

// ---- setup ---------------------------------------------------------------------------------------

void MainWindow::setupLive()
{
    // Follow mode: its action, the new-events bar above the table, its word in the status bar.
    auto *bar = new NewEventsBar(m_ui->eventsPage);
    m_ui->eventsPageLayout->insertWidget(0, bar);
    m_follow = new FollowController(m_session, m_table, m_model, bar, m_settings, this);
    m_ui->menuView->insertAction(m_ui->actionRefresh, m_follow->action());
    const QList<QAction *> tools = m_ui->toolBar->actions();
    m_ui->toolBar->insertAction(tools.size() > 2 ? tools.at(2) : nullptr, m_follow->action());
    statusBar()->addPermanentWidget(m_follow->statusLabel());
    // Polls move the end of the loaded interval: the local filter takes the new rows in.
    connect(m_session, &EventSession::intervalChanged, this, &MainWindow::applyLocalFilter);
    connect(m_session, &EventSession::pollFinished, this, [this](const ApiError &error) {
        if (EventSession::isAccessDenied(error))
            m_ui->errorBanner->showMessage(
                ApiErrorText::describe(error), ErrorBanner::Level::Error, ErrorBanner::Action::ChangeToken);
    });
    connect(m_ui->errorBanner, &ErrorBanner::changeTokenRequested, this, [this] { showConnectDialog(); });
    // Follow mode's rows count as the API's: the sources stay what is loaded.
    connect(m_session, &EventSession::rowOriginsChanged, this, [this] {
        if (m_session->state() == EventSession::State::Loaded && m_session->archive())
            showRowSources();
        else if (m_session->isWaitingForApi() && !m_session->isReadingArchive())
            showArchiveProgress();
    });
    // Rows from the archive are in before the API answers: say so while the API is read.
    connect(m_session, &EventSession::archiveReadFinished, this, [this] {
        showArchiveProgress();
        updateCounts();
    });
}

void MainWindow::retry()
{
    // After a load that failed part way only what it did not finish is read again.
    if (m_session->missing() && m_session->state() == EventSession::State::Failed) {
        m_ui->errorBanner->hide();
        m_session->retryMissing();
    } else {
        refresh();
    }
}

void MainWindow::setupStatusBar()
{
    m_countLabel = new QLabel(this);
    m_filterLabel = new QLabel(this);
    m_filterLabel->setStyleSheet(QStringLiteral("color: #8a5a00; font-weight: bold;"));
    m_progressLabel = new QLabel(this);
    m_progressBar = new QProgressBar(this);
    m_progressBar->setMaximumWidth(160);
    m_progressBar->setMaximumHeight(16);
    m_progressBar->setTextVisible(false);
    m_progressBar->hide();
    // Permanent: a transient message (copied, exported, ...) hides the normal widgets, never these.
    statusBar()->addPermanentWidget(m_countLabel);
    statusBar()->addPermanentWidget(m_filterLabel);
    statusBar()->addPermanentWidget(m_progressLabel);
    statusBar()->addPermanentWidget(m_progressBar);
}

void MainWindow::setupActions()
{
    connect(m_ui->actionConnect, &QAction::triggered, this, [this] { showConnectDialog(); });
    QAction *providers = m_ui->menuEdit->addAction(tr("SIM order &providers…"));
    connect(providers, &QAction::triggered, this, [this] {
        ProviderNamesDialog dialog(this);
        dialog.setNames(m_settings->providerNames());
        if (dialog.exec() != QDialog::Accepted)
            return;
        m_settings->setProviderNames(dialog.names());
        applyProviderNames(dialog.names());
        applyLocalFilter(); // a search for a provider's name finds the new names
    });
    QAction *preferences = m_ui->menuEdit->addAction(tr("P&references…"));
    preferences->setObjectName(QStringLiteral("actionPreferences"));
    preferences->setMenuRole(QAction::PreferencesRole);
    connect(preferences, &QAction::triggered, this, &MainWindow::showPreferences);
    connect(m_ui->actionExportSelected, &QAction::triggered, m_export,
        [this] { m_export->exportInteractively(true); });
    connect(m_ui->actionExportAll, &QAction::triggered, m_export,
        [this] { m_export->exportInteractively(false); });
    connect(m_ui->actionQuit, &QAction::triggered, this, &QWidget::close);
    connect(m_ui->actionCopy, &QAction::triggered, this, &MainWindow::copySelection);
    connect(m_ui->actionFind, &QAction::triggered, m_ui->filterPanel, [this] {
        m_ui->filterDock->show();
        m_ui->filterPanel->focusSearch();
    });
    connect(m_ui->actionClearSearch, &QAction::triggered, m_ui->filterPanel, &FilterPanel::clearSearch);
    connect(m_ui->actionClearFilters, &QAction::triggered, this, &MainWindow::clearAllFilters);
    connect(m_ui->actionRefresh, &QAction::triggered, this, &MainWindow::refresh);
    connect(m_ui->actionStop, &QAction::triggered, this, &MainWindow::stop);
    connect(m_ui->actionAbout, &QAction::triggered, this, [this] { AboutDialog(this).exec(); });
    auto *shortcuts = new QAction(tr("&Keyboard shortcuts"), this);
    shortcuts->setShortcut(QKeySequence(Qt::Key_F1));
    if (!QKeySequence::keyBindings(QKeySequence::HelpContents).isEmpty())
        shortcuts->setShortcuts(QKeySequence::HelpContents);
    addAction(shortcuts); // F1 works with the menu closed, as every action of the window
    m_ui->menuHelp->insertAction(m_ui->actionAbout, shortcuts);
    connect(shortcuts, &QAction::triggered, this,
        [this] { ShortcutsDialog(WindowShortcuts::actionsWithShortcuts(this), this).exec(); });
    new WindowShortcuts(this);
    // The platform's keys where it has some (Designer forms can only hold fixed key strings); the
    // form's key where it has none (Quit has no standard key on Windows or a plain X11 desktop).
    const std::pair<QAction *, QKeySequence::StandardKey> standardKeys[] = {
        { m_ui->actionQuit, QKeySequence::Quit },
        { m_ui->actionCopy, QKeySequence::Copy },
        { m_ui->actionFind, QKeySequence::Find },
        { m_ui->actionRefresh, QKeySequence::Refresh },
        { m_ui->actionClearSearch, QKeySequence::Cancel },
    };
    for (const auto &[action, key] : standardKeys) {
        if (!QKeySequence::keyBindings(key).isEmpty())
            action->setShortcuts(key);
    }

    // Ctrl+C copies rows only while the table has focus; elsewhere (search box, raw JSON) it copies text.
    m_ui->actionCopy->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_table->addAction(m_ui->actionCopy);
    m_table->addAction(m_ui->actionExportSelected);
    m_ui->actionCopy->setEnabled(false);
    m_ui->actionExportSelected->setEnabled(false);
    m_ui->actionStop->setEnabled(false);

    auto *timeGroup = new QActionGroup(this);
    const std::pair<QAction *, TimeDisplay> timeActions[] = {
        { m_ui->actionTimeRelative, TimeDisplay::RelativeLocal },
        { m_ui->actionTimeLocal, TimeDisplay::AbsoluteLocal },
        { m_ui->actionTimeUtc, TimeDisplay::AbsoluteUtc },
    };
    for (const auto &[action, display] : timeActions) {
        timeGroup->addAction(action);
        connect(
            action, &QAction::triggered, this, [this, display = display] { setTimeDisplay(int(display)); });
    }
    m_ui->menuView->insertAction(m_ui->menuColumns->menuAction(), m_ui->filterDock->toggleViewAction());
}

// The connection's and the accounts' signals, in one place.
void MainWindow::setupAccounts()
{
    // Below File > Connect…, before the separator that follows it.
    const QList<QAction *> fileActions = m_ui->menuFile->actions();
    const qsizetype connectAt = fileActions.indexOf(m_ui->actionConnect);
    m_accounts = new AccountFlow(m_connection, m_session->client(), m_settings, m_ui->menuFile,
        fileActions.value(connectAt + 1), this);
    connect(m_connection, &ConnectionFlow::connectionChosen, this,
        [this](const SavedAccount &account, const QString &token) {
            // The load that shows this account's archive goes on with the API (no second read).
            const bool continues = m_session->isWaitingForApi() && m_session->accountLabel() == account.name;
            leaveArchiveOnly();
            setConnection(account.apiUrl, token, account.name);
            if (continues && m_session->isConnected())
                return;
            m_readAfterAuthentication = account.organisation.isEmpty() && m_session->isConnected();
            if (m_readAfterAuthentication)
                m_session->client()->authenticate();
            else
                reload();
        });
    connect(m_connection, &ConnectionFlow::accountsChanged, this, &MainWindow::updateTitle);
    // The session reads the current account's archive, which the organisation of its token names:
    // when an account's organisation is not known yet (its first use), the token authenticates
    // first, the archive opens (AccountFlow, connected before this) and then the read starts.
    connect(m_accounts, &AccountFlow::archiveChanged, m_session, &EventSession::setArchive);
    const auto readAfterAuthentication = [this] {
        if (std::exchange(m_readAfterAuthentication, false))
            reload(); // after a refused token too: the read reports it as usual
    };
    connect(m_session->client(), &EventApiClient::authenticated, this, readAfterAuthentication);
    connect(m_session->client(), &EventApiClient::authenticationFailed, this, readAfterAuthentication);
    const auto showMessage = [this](const QString &text, int timeoutMs) {
        if (text.isEmpty())
            statusBar()->clearMessage();
        else
            statusBar()->showMessage(text, timeoutMs);
    };
    connect(m_connection, &ConnectionFlow::statusMessage, this, showMessage);
    connect(m_accounts, &AccountFlow::message, this, showMessage);
    connect(m_connection, &ConnectionFlow::warning, this, [this](const QString &text) {
        m_ui->errorBanner->showMessage(text, ErrorBanner::Level::Warning, false);
    });
    connect(m_connection, &ConnectionFlow::failed, this, [this](const QString &text) {
        m_ui->errorBanner->showMessage(text, ErrorBanner::Level::Error, false);
        updateEmptyState();
    });
    connect(m_accounts->archives(), &AccountArchive::currentForgotten, this, [this] {
        m_session->stop();
        m_model->clear(); // the rows came from (and went into) the archive just deleted
        m_ui->detailPane->clear();
        updateCounts();
    });
}

void MainWindow::restoreState()
{
    // The first window (and one saved on a larger screen) fits the screen it opens on: 1500x900 is
    // 3000x1800 pixels at a scale factor of 2, more than most screens have.
    const bool restored = restoreGeometry(m_settings->windowGeometry());
    if (const QScreen *screen = this->screen()) {
        const QRect available = screen->availableGeometry();
        const QSize wanted = restored ? size() : DefaultWindowSize;
        if (!restored || !available.contains(geometry())) {
            resize(wanted.boundedTo(available.size()));
            move(available.topLeft() + QPoint(std::max(0, available.width() - width()) / 2,
                                          std::max(0, available.height() - height()) / 2));
        }
    } else if (!restored) {
        resize(DefaultWindowSize);
    }
    QMainWindow::restoreState(m_settings->windowState());
    if (!m_ui->splitter->restoreState(m_settings->splitterState()))
        m_ui->splitter->setSizes({ 1000, 440 });
    m_table->restoreHeaderState(m_settings->headerState());

    const TimeDisplay display = m_settings->timeDisplay();
    m_model->setTimeDisplay(display);
    m_table->fitTimeColumn();
    m_ui->actionTimeRelative->setChecked(display == TimeDisplay::RelativeLocal);
    m_ui->actionTimeLocal->setChecked(display == TimeDisplay::AbsoluteLocal);
    m_ui->actionTimeUtc->setChecked(display == TimeDisplay::AbsoluteUtc);

    m_ui->filterPanel->setState(m_settings->filterState());
}

void MainWindow::saveState()
{
    m_settings->setWindowGeometry(saveGeometry());
    m_settings->setWindowState(QMainWindow::saveState());
    m_settings->setSplitterState(m_ui->splitter->saveState());
    m_settings->setHeaderState(m_table->headerState());
    m_settings->setTimeDisplay(m_model->timeDisplay());
    m_settings->setFilterState(m_ui->filterPanel->state());
    m_views->recordNow();
    m_views->save();
    m_settings->sync();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveState();
    m_session->stop();
    QMainWindow::closeEvent(event);
}

void MainWindow::applyProviderNames(const QHash<qint64, QString> &names)
{
    m_ui->ordersView->setProviderNames(names);
    m_ui->detailPane->setProviderNames(names);
}

// ---- connecting ----------------------------------------------------------------------------------

void MainWindow::setConnection(const QUrl &baseUrl, const QString &token, const QString &accountLabel)
{
    const ApiError error = m_session->connectTo(baseUrl, token, accountLabel);
    if (error.isError())
        m_ui->errorBanner->showMessage(ApiErrorText::describe(error), ErrorBanner::Level::Error, false);
    updateTitle();
    updateEmptyState();
}

void MainWindow::setPreparingText(const QString &text)
{
    m_preparingText = text;
    if (m_session->isWaitingForApi() && !m_session->isReadingArchive())
        showArchiveProgress();
    updateEmptyState();
}

void MainWindow::showArchiveWhilePreparing(const SavedAccount &account)
{
    leaveArchiveOnly();
    m_accounts->openArchive(account); // archiveChanged(): the session reads it
    m_session->connectToArchiveOnly(account.name);
    updateTitle();
    reload();
}

void MainWindow::connectOnStartup(const QString &environmentToken) { m_connection->start(environmentToken); }

void MainWindow::showConnectDialog(const QString &note) { m_connection->showDialog(note); }

void MainWindow::connectToUrl(const QUrl &baseUrl, const QString &environmentToken)
{
    m_connection->startWithUrl(baseUrl, environmentToken);
}

void MainWindow::connectToAccount(const QString &name, const QString &environmentToken)
{
    m_connection->startWithAccount(name, environmentToken);
}

void MainWindow::updateTitle()
{
    // The account's name as it is now (it may have been renamed since it connected), and never a
    // claim of a connection that failed.
    const std::optional<SavedAccount> current = m_connection->currentAccount();
    const QString account = current && SavedAccount::sameApi(current->apiUrl, m_session->client()->baseUrl())
        ? current->name
        : m_session->accountLabel();
    if (m_session->isArchiveOnly()) {
        setWindowTitle(m_session->state() == EventSession::State::Failed
                ? tr("%1 (not connected) — emnify Event Viewer").arg(archiveOnlyText())
                : tr("%1 — emnify Event Viewer").arg(archiveOnlyText()));
        return;
    }
    if (!m_session->isConnected() || account.isEmpty())
        setWindowTitle(tr("emnify Event Viewer"));
    else if (m_session->state() == EventSession::State::Failed)
        setWindowTitle(tr("%1 (not connected) — emnify Event Viewer").arg(account));
    else
        setWindowTitle(tr("%1 — emnify Event Viewer").arg(account));
}

// ---- loading -------------------------------------------------------------------------------------

std::optional<ViewRequest> MainWindow::currentRequest(QString *problem) const
{
    return ViewRequest::fromState(m_ui->filterPanel->state(), QDateTime::currentMSecsSinceEpoch(), problem);
}

EventQuery MainWindow::currentQuery() const
{
    const std::optional<ViewRequest> request = currentRequest();
    return request ? request->query : EventQuery {};
}

EventFilter MainWindow::currentFilter() const
{
    EventFilter filter = ViewRequest::filter(m_ui->filterPanel->state(), m_session->interval(), m_pins);
    filter.providerNames = m_settings->providerNames(); // the search finds the names the orders view shows
    return filter;
}

void MainWindow::refresh() { startLoad(false); }

void MainWindow::reload() { startLoad(true); }

void MainWindow::startLoad(bool fresh)
{
    if (!m_session->isConnected()) {
        showConnectDialog();
        return;
    }
    QString problem;
    std::optional<ViewRequest> request = currentRequest(&problem);
    if (!request) {
        m_ui->errorBanner->showMessage(problem, ErrorBanner::Level::Warning, false);
        return;
    }
    if (m_session->isArchiveOnly())
        request = ViewRequest::pushedDown(*request, m_ui->filterPanel->state());
    m_ui->errorBanner->hide();
    if (fresh) {
        m_ui->detailPane->clear();
        m_session->load(*request);
    } else {
        m_session->refresh(*request);
    }
    applyLocalFilter(); // the new interval filters locally at once
}

void MainWindow::stop() { m_session->stop(); }

void MainWindow::showPreferences()
{
    auto *dialog = new PreferencesDialog(m_settings, m_session->client()->options(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, m_follow, &FollowController::applyInterval);
    dialog->open();
}

void MainWindow::showArchiveProgress()
{
    const QString rows = QLocale().toString(m_session->archivedRows());
    // While the API is prepared, what it waits for; else that the API is being read.
    m_progressLabel->setText(m_session->isWaitingForApi() && !m_preparingText.isEmpty()
            ? tr("%1 from the archive · %2").arg(rows, m_preparingText)
            : tr("%1 from the archive · reading what is new…").arg(rows));
}

QString MainWindow::rowSourcesText() const
{
    if (m_session->isArchiveOnly())
        return tr("%1 events · %2").arg(QLocale().toString(m_session->archivedRows()), archiveOnlyText());
    return m_session->archive() ? ApiErrorText::rowSources(m_session->archivedRows(), m_session->apiRows())
                                : QString();
}

void MainWindow::showRowSources() { m_progressLabel->setText(rowSourcesText()); }

void MainWindow::onLoadStateChanged()
{
    const bool loading = m_session->isLoading();
    m_ui->actionStop->setEnabled(loading);
    if (loading) {
        m_progressLabel->setText(tr("Connecting…"));
        m_progressBar->setRange(0, 0);
        m_progressBar->show();
    } else {
        m_progressBar->hide();
    }
    updateTitle();
    updateEmptyState();
}

void MainWindow::onProgress(const FetchProgress &progress)
{
    const QLocale locale;
    if (m_session->isArchiveOnly()) {
        m_progressLabel->setText(tr("Reading the archive · %1 events").arg(locale.toString(progress.eventsReceived)));
        return;
    }
    QString text = progress.pagesTotal > 0
        ? tr("Reading page %1 of %2 · %3 events")
              .arg(progress.pagesDone)
              .arg(progress.pagesTotal)
              .arg(locale.toString(progress.eventsReceived))
        : tr("Reading · %1 events").arg(locale.toString(progress.eventsReceived));
    if (progress.rateLimitWaitMs >= 1000)
        text += tr(" · waited %1 s for the rate limit").arg(progress.rateLimitWaitMs / 1000);
    if (progress.retries > 0)
        text += tr(" · %n retries", nullptr, progress.retries);
    m_progressLabel->setText(text);
    if (progress.pagesTotal > 0) {
        m_progressBar->setRange(0, progress.pagesTotal);
        m_progressBar->setValue(progress.pagesDone);
    }
}

void MainWindow::onLoadFinished(const ApiError &error)
{
    const FetchProgress &progress = m_session->progress();
    if (m_session->isArchiveOnly() && !error.isError()) {
        showRowSources();
        updateTitle(); // "synced until" as this read found it
        if (const std::optional<qint64> total = m_session->limitedTotal()) {
            const QLocale locale;
            const QString shown = locale.toString(m_session->rowLimit());
            m_ui->errorBanner->showMessage(*total > 0
                    ? tr("The team archive holds %1 events for this view; showing the newest %2. Narrow the "
                         "range or filters to see all.")
                          .arg(locale.toString(*total), shown)
                    : tr("The team archive holds more events for this view; showing the newest %1. Narrow the "
                         "range or filters to see all.")
                          .arg(shown),
                ErrorBanner::Level::Warning, ErrorBanner::Action::None);
        }
    } else if (m_session->isArchiveOnly() && error.isError() && error.kind() != ApiError::Kind::Cancelled) {
        m_progressLabel->setText(tr("Failed"));
        m_ui->errorBanner->showMessage(tr("Cannot read the team archive: %1").arg(error.message()),
            ErrorBanner::Level::Error, ErrorBanner::Action::Retry);
    } else if (!error.isError()) {
        if (m_session->archive())
            showRowSources();
        else
            m_progressLabel->setText(tr("Read %1 events").arg(QLocale().toString(progress.eventsReceived)));
        if (!m_session->beyondRetention().isEmpty()) {
            const TimeInterval &part = m_session->beyondRetention().first();
            m_ui->errorBanner->showMessage(ApiErrorText::beyondRetention(part.from, part.until),
                ErrorBanner::Level::Warning, ErrorBanner::Action::None);
        }
        if (progress.eventsSkipped > 0)
            m_ui->errorBanner->showMessage(
                tr("%Ln events could not be read and were skipped.", nullptr, int(progress.eventsSkipped)),
                ErrorBanner::Level::Warning, true);
    } else if (error.kind() == ApiError::Kind::Cancelled) {
        const QString stopped = tr("Stopped · %1 events read").arg(QLocale().toString(progress.eventsReceived));
        // Where they came from stays in sight while the rest is not read.
        m_progressLabel->setText(
            m_session->isArchiveOnly() ? tr("%1 · %2").arg(stopped, archiveOnlyText()) : stopped);
    } else if (EventSession::isAccessDenied(error)) {
        m_progressLabel->setText(tr("Failed"));
        // Retrying cannot help a rejected token: the banner offers another one instead.
        m_ui->errorBanner->showMessage(
            ApiErrorText::describe(error), ErrorBanner::Level::Error, ErrorBanner::Action::ChangeToken);
    } else if (m_model->store().size() > 0) {
        const QString partial = ApiErrorText::partialLoad(
            m_model->store().size(), m_session->claimedTotal(), progress.failedPage);
        const QString sources = rowSourcesText();
        m_progressLabel->setText(sources.isEmpty() ? partial : tr("%1 (%2)").arg(partial, sources));
        m_ui->errorBanner->showMessage(ApiErrorText::sentence(tr("%1: %2").arg(partial, error.toString())),
            ErrorBanner::Level::Error, ErrorBanner::Action::Retry);
    } else {
        m_progressLabel->setText(tr("Failed"));
        m_ui->errorBanner->showMessage(ApiErrorText::describe(error), ErrorBanner::Level::Error, ErrorBanner::Action::Retry);
    }
    selectKeptEvent();
    m_keptEventId.reset(); // found or not: the read that was to bring it is over
    updateCounts();
    if (m_restoreWaitsForLoad) {
        m_restoreWaitsForLoad = false;
        finishRestoringView();
    }
    Q_EMIT fetchFinished(error);
}

// ---- filters -------------------------------------------------------------------------------------

void MainWindow::applyLocalFilter()
{
    if (m_views)
        m_views->changed(); // an unchanged view is no step: calling this too often does no harm
    m_model->setFilter(currentFilter());
    m_ui->detailPane->setHighlights(m_model->highlightTexts());
    updateCounts();
    reloadIfPushedDownChanged();
}

// ---- an archive on its own -------------------------------------------------------------------------

void MainWindow::setupArchiveOnly()
{
    m_archiveOpener = new ArchiveOpener(m_tokens, this);
    auto *open = new QAction(tr("Open &team archive…"), this);
    open->setObjectName(QStringLiteral("actionOpenTeamArchive"));
    open->setToolTip(tr("Show the events of a team archive (PostgreSQL) or an archive file, read-only"));
    const QList<QAction *> fileActions = m_ui->menuFile->actions();
    m_ui->menuFile->insertAction(fileActions.value(fileActions.indexOf(m_ui->actionConnect) + 1), open);
    connect(open, &QAction::triggered, this, &MainWindow::showOpenArchiveDialog);
    connect(m_archiveOpener, &ArchiveOpener::opened, this, &MainWindow::onArchiveOpened);
    connect(m_archiveOpener, &ArchiveOpener::passwordNotRemembered, this, [this](const QString &why) {
        m_ui->errorBanner->showMessage(
            tr("The password is used for this run only: the keychain cannot keep it (%1).").arg(why),
            ErrorBanner::Level::Warning, ErrorBanner::Action::None);
    });
    connect(m_archiveOpener, &ArchiveOpener::failed, this, [this](const QString &error) {
        statusBar()->clearMessage();
        m_ui->errorBanner->showMessage(
            tr("Cannot open the archive: %1").arg(error), ErrorBanner::Level::Error, ErrorBanner::Action::None);
        updateTitle();
        updateEmptyState();
    });
}

void MainWindow::showOpenArchiveDialog()
{
    TeamArchiveDialog dialog(this);
    if (dialog.exec() == QDialog::Accepted)
        openArchive(dialog.location(), dialog.password(), dialog.rememberPassword());
}

void MainWindow::openArchive(const QString &urlOrFile, const QString &password, bool rememberPassword)
{
    m_ui->errorBanner->hide();
    statusBar()->showMessage(tr("Opening %1…").arg(ArchiveOpener::nameOf(urlOrFile)));
    m_archiveOpener->open(urlOrFile, password, rememberPassword);
}

void MainWindow::onArchiveOpened()
{
    statusBar()->clearMessage();
    m_session->useArchiveOnly(m_archiveOpener->archive(), m_archiveOpener->name(), m_settings->teamArchiveRowLimit());
    m_follow->setUnavailable(tr("An archive shows what was synced into it: there is no API to follow. "
                                "Connect to an account to follow it."));
    updateTitle();
    reload();
}

void MainWindow::leaveArchiveOnly()
{
    if (!m_archiveOpener->archive())
        return;
    m_session->leaveArchiveOnly(); // the session reads it no more before it closes
    m_archiveOpener->close();
    // The account's own archive again (AccountFlow says nothing when it stayed the same).
    m_session->setArchive(m_accounts->archives()->archive());
    m_follow->setUnavailable({});
    updateTitle();
}

QString MainWindow::archiveOnlyText() const
{
    // As the last read found it (the team's sync goes on), else as it was when it opened.
    const std::optional<qint64> until = m_session->archiveSyncedUntilMs()
        ? m_session->archiveSyncedUntilMs()
        : m_archiveOpener->syncedUntilMs();
    const QString synced = until
        ? QLocale().toString(QDateTime::fromMSecsSinceEpoch(*until).toLocalTime(), QLocale::ShortFormat)
        : tr("never");
    return m_archiveOpener->isTeamArchive() ? tr("Team archive %1 · synced until %2").arg(m_archiveOpener->name(), synced)
                                            : tr("Archive %1 · synced until %2").arg(m_archiveOpener->name(), synced);
}

void MainWindow::reloadIfPushedDownChanged()
{
    if (!m_session->isArchiveOnly() || m_session->state() == EventSession::State::Idle)
        return;
    const std::optional<ViewRequest> request = currentRequest();
    if (!request)
        return;
    const ViewRequest wanted = ViewRequest::pushedDown(*request, m_ui->filterPanel->state());
    // The interval moves with the clock ("last 7 days"): only what the read filters counts.
    if (wanted.query.types != m_session->request().query.types
        || wanted.query.severity != m_session->request().query.severity
        || wanted.query.source != m_session->request().query.source
        || wanted.query.search != m_session->request().query.search)
        reload();
}

void MainWindow::onQueryChanged()
{
    m_views->changed();
    if (m_session->isConnected())
        reload();
    else
        applyLocalFilter();
}

void MainWindow::pin(EventEntity entity, qint64 id, const QString &label)
{
    const EntityPin pin { entity, id, label.isEmpty() ? QString::number(id) : label };
    // Pins combine with AND. An event has one organisation, device, SIM, ... so two pins of one kind
    // would show nothing: the new one replaces the chip of its kind, and that chip says so.
    const auto same = std::find_if(
        m_pins.begin(), m_pins.end(), [entity](const EntityPin &other) { return other.entity == entity; });
    if (same != m_pins.end()) {
        if (*same == pin)
            return;
        m_replacedPins.insert(int(entity), same->label);
        m_pins.erase(same);
    } else {
        m_replacedPins.remove(int(entity));
    }
    m_pins.append(pin);
    showPins();
    applyLocalFilter();
}

void MainWindow::removePin(int index)
{
    if (index < 0 || index >= m_pins.size())
        return;
    m_replacedPins.remove(int(m_pins.at(index).entity));
    m_pins.removeAt(index);
    showPins();
    applyLocalFilter();
}

void MainWindow::showPins()
{
    QStringList texts;
    for (const EntityPin &pin : std::as_const(m_pins)) {
        const QString text = tr("%1 %2").arg(entityName(pin.entity), pin.label);
        const auto replaced = m_replacedPins.constFind(int(pin.entity));
        texts.append(replaced == m_replacedPins.cend() ? text : tr("%1 (replaced %2)").arg(text, *replaced));
    }
    m_ui->filterPanel->setPinChips(texts);
}

void MainWindow::clearAllFilters()
{
    m_pins.clear();
    m_replacedPins.clear();
    showPins();
    m_ui->filterPanel->clearFilters(); // emits localFilterChanged
}

void MainWindow::setTimeDisplay(int display)
{
    m_model->setNow(QDateTime::currentDateTimeUtc());
    m_model->setTimeDisplay(TimeDisplay(display));
    m_timeline->recount(); // its buckets follow the clock shown: local or UTC
    m_table->fitTimeColumn();
    m_settings->setTimeDisplay(TimeDisplay(display));
}

// ---- status --------------------------------------------------------------------------------------

void MainWindow::updateCounts()
{
    m_countsTimer.stop();
    m_countLabel->setText(statusText());
    const bool pinned = !m_pins.isEmpty();
    const bool local = m_ui->filterPanel->hasLocalFilters();
    m_filterLabel->setText(pinned || local ? tr("Filter active") : QString());
    const QStringList chips = m_ui->filterPanel->pinChips() + m_ui->filterPanel->pivotChips();
    m_filterLabel->setToolTip(chips.isEmpty() ? QString() : tr("Only %1").arg(chips.join(tr(" and "))));
    m_ui->actionClearFilters->setEnabled(pinned || local);
    m_ui->actionExportAll->setEnabled(m_model->rowCount() > 0);
    m_ui->filterPanel->setTypeCounts(m_model->typeCounts(), m_model->shownTypeCounts());
    updateKnownEntities();
    updateEmptyState();
}

void MainWindow::updateKnownEntities()
{
    // The entity tables only grow (thousands of entries, not rows): rebuilt when one has. A new read
    // empties the store first; what was seen before still names the account's entities (and the
    // completion being chosen must not vanish under the user).
    const EventStore &s = m_model->store();
    const std::array<size_t, 5> sizes { s.endpoints().size(), s.sims().size(), s.imsis().size(), s.users().size(),
        s.organisations().size() };
    if (sizes == m_knownEntitySizes || s.isEmpty())
        return;
    m_knownEntitySizes = sizes;
    using K = ViewerFilterState::ScopeKind;
    QList<FilterPanel::KnownEntity> known;
    for (const EventEndpoint &e : s.endpoints()) {
        for (const QString &text : { e.name, e.imei, e.ipAddress })
            known.append({ K::Endpoint, text, e.id });
    }
    for (const EventSim &sim : s.sims())
        known.append({ K::Sim, sim.iccid, sim.id });
    // An IMSI names the SIM it was on in the events that carry both (one pass over two columns,
    // only when a new IMSI or SIM came in).
    std::vector<uint32_t> simOfImsi(s.imsis().size(), EventStore::None);
    qsizetype unmatched = qsizetype(simOfImsi.size());
    for (qsizetype row = 0; row < s.size() && unmatched > 0; ++row) {
        const uint32_t imsi = s.imsiIndex(row);
        const uint32_t sim = s.simIndex(row);
        if (imsi != EventStore::None && sim != EventStore::None && simOfImsi[imsi] == EventStore::None) {
            simOfImsi[imsi] = sim;
            --unmatched;
        }
    }
    for (size_t i = 0; i < simOfImsi.size(); ++i) {
        if (simOfImsi[i] != EventStore::None)
            known.append({ K::Sim, s.imsis()[i].imsi, s.sims()[simOfImsi[i]].id });
    }
    for (const EventUser &u : s.users()) {
        known.append({ K::User, u.name, u.id });
        known.append({ K::User, u.username, u.id });
    }
    for (const EventStore::NamedId &o : s.organisations())
        known.append({ K::Organisation, o.name, o.id });
    m_ui->filterPanel->setKnownEntities(known);
}

QString MainWindow::statusText() const
{
    const QLocale locale;
    const qsizetype loaded = m_model->store().size();
    QString text = tr("%1 events loaded, %2 shown").arg(locale.toString(loaded), locale.toString(m_model->rowCount()));
    // Say why loaded and shown differ when no filter explains it ("Filter active" says the rest).
    if (loaded > m_model->rowCount()) {
        const qsizetype outside = EventFilterEngine::countOutsideTimeRange(m_model->store(), currentFilter());
        if (outside > 0)
            text += tr(" (%Ln outside the time range)", nullptr, int(std::min<qsizetype>(outside, INT_MAX)));
    }
    return text;
}

void MainWindow::updateEmptyState()
{
    if (!m_preparingText.isEmpty() && (!m_session->isConnected() || m_session->isWaitingForApi())
        && m_model->rowCount() == 0) {
        m_emptyState->showMessage(m_preparingText.toHtmlEscaped());
        return;
    }
    const EventSession::Emptiness emptiness = m_session->emptiness();
    if (emptiness == EventSession::Emptiness::BeyondRetention) {
        const TimeInterval &part = m_session->beyondRetention().first();
        m_emptyState->showMessage(ApiErrorText::beyondRetention(part.from, part.until).toHtmlEscaped());
        return;
    }
    m_emptyState->showMessage(ApiErrorText::emptyTable(emptiness, m_session->lastError(),
        m_model->store().size(), m_ui->filterPanel->scopeText(), rowSourcesText()));
}

QString MainWindow::emptyStateText() const
{
    return m_emptyState->isHidden() ? QString() : m_emptyState->text();
}

void MainWindow::onEmptyStateLink(const QString &link)
{
    if (link == QLatin1String("connect"))
        showConnectDialog();
    else if (link == QLatin1String("retry"))
        retry();
    else if (link == QLatin1String("clear"))
        clearAllFilters();
}

// ---- table ---------------------------------------------------------------------------------------

void MainWindow::onCurrentEventChanged(int viewRow)
{
    m_views->changed();
    if (viewRow < 0) {
        m_ui->detailPane->clear();
        m_timeline->setMarker({});
    } else {
        m_ui->detailPane->setEvent(m_model->event(viewRow));
        m_timeline->setMarker(m_model->store().timestampMs(m_model->storeRow(viewRow)));
    }
}

void MainWindow::setupTimeline()
{
    auto *widget = new TimelineWidget(m_ui->eventsPage);
    widget->setObjectName(QStringLiteral("timeline"));
    m_ui->eventsPageLayout->insertWidget(0, widget);
    auto *toggle = new QAction(tr("T&imeline"), this);
    toggle->setObjectName(QStringLiteral("actionTimeline"));
    toggle->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    toggle->setStatusTip(tr("Show or hide the histogram of the shown events above the table"));
    m_ui->menuView->insertAction(m_ui->actionRefresh, toggle);
    m_ui->menuView->insertSeparator(m_ui->actionRefresh);
    m_timeline = new TimelineController(widget, toggle, m_model, m_settings, [this]() -> TimelineController::Interval {
        const EventFilter filter = currentFilter();
        if (!filter.fromMs || !filter.untilMs)
            return std::nullopt;
        return std::pair { *filter.fromMs, *filter.untilMs };
    }, this);
    // A bar or a drag across bars narrows the time range: a custom range, read like any other. Its
    // editors show minutes: a clipped end bar (the range started at 10:17:42) widens to its minute.
    connect(widget, &TimelineWidget::rangeSelected, this, &MainWindow::showTimeRange);
}

void MainWindow::showTimeRange(qint64 fromMs, qint64 untilMs)
{
    constexpr qint64 minuteMs = 60'000;
    fromMs -= fromMs % minuteMs;
    untilMs += (minuteMs - untilMs % minuteMs) % minuteMs;
    ViewerFilterState state = m_ui->filterPanel->state();
    state.timeRange = ViewerFilterState::TimeRange::Custom;
    state.customFrom = QDateTime::fromMSecsSinceEpoch(fromMs, QTimeZone::utc()).toLocalTime();
    state.customUntil = QDateTime::fromMSecsSinceEpoch(untilMs, QTimeZone::utc()).toLocalTime();
    m_ui->filterPanel->setState(state);
    onQueryChanged();
}

void MainWindow::showEventsAround(qint64 timestampMs, qint64 eventId)
{
    m_keptEventId = eventId;
    // until is exclusive: one ms more keeps an event stamped exactly t+5 min.
    showTimeRange(timestampMs - PivotActions::AroundMs, timestampMs + PivotActions::AroundMs + 1);
}

void MainWindow::selectKeptEvent()
{
    if (!m_keptEventId)
        return;
    const QModelIndex current = m_table->currentIndex();
    if (current.isValid() && current.data(EventTableModel::EventIdRole).toLongLong() == *m_keptEventId)
        return;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_model->index(row, 0).data(EventTableModel::EventIdRole).toLongLong() == *m_keptEventId) {
            m_table->selectViewRow(row);
            return;
        }
    }
}

bool MainWindow::selectFirstOfType(int typeId)
{
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_model->index(row, 0).data(EventTableModel::TypeIdRole).toInt() == typeId) {
            m_table->selectViewRow(row);
            return true;
        }
    }
    return false;
}

QList<EventColumns::Column> MainWindow::visibleColumns() const { return m_table->visibleColumns(); }

void MainWindow::copySelection() { copySelectionAs(int(TicketCopy::fromKey(m_settings->copyFormat()))); }

void MainWindow::copySelectionAs(int format)
{
    const std::vector<qsizetype> rows = m_table->selectedStoreRows();
    if (rows.empty())
        return;
    TicketCopy::Options options;
    options.neutraliseFormulas = m_export->neutralisesFormulas(); // the export dialog's choice
    QGuiApplication::clipboard()->setText(
        TicketCopy::write(m_model->store(), rows, visibleColumns(), TicketCopy::Format(format), options));
    statusBar()->showMessage(tr("Copied %Ln rows.", nullptr, int(rows.size())), 3000);
}

void MainWindow::setupCopyAs()
{
    // Edit > Copy as: each form once; then which of them Ctrl+C makes (remembered).
    auto *menu = new QMenu(tr("Copy &as"), this);
    menu->setObjectName(QStringLiteral("menuCopyAs"));
    m_ui->menuEdit->insertMenu(m_ui->menuEdit->actions().value(1), menu);
    for (const TicketCopy::Format format : TicketCopy::formats()) {
        QAction *action = menu->addAction(TicketCopy::name(format));
        action->setObjectName(QStringLiteral("actionCopyAs_") + TicketCopy::key(format));
        connect(action, &QAction::triggered, this, [this, format] { copySelectionAs(int(format)); });
        connect(m_table, &EventTableView::selectedRowsChanged, action, &QAction::setEnabled);
        action->setEnabled(false);
    }
    menu->addSection(tr("Ctrl+C copies"));
    auto *group = new QActionGroup(menu);
    const TicketCopy::Format current = TicketCopy::fromKey(m_settings->copyFormat());
    for (const TicketCopy::Format format : TicketCopy::formats()) {
        QAction *action = menu->addAction(TicketCopy::name(format));
        action->setObjectName(QStringLiteral("actionCopyDefault_") + TicketCopy::key(format));
        action->setCheckable(true);
        action->setChecked(format == current);
        group->addAction(action);
        connect(action, &QAction::triggered, this,
            [this, format] { m_settings->setCopyFormat(TicketCopy::key(format)); });
    }
}

// ---- export --------------------------------------------------------------------------------------

bool MainWindow::exportToFile(const QString &fileName, bool selectedOnly, bool includePayload, bool keepSecrets)
{
    return m_export->exportToFile(fileName, selectedOnly, includePayload, keepSecrets);
}

void MainWindow::onExportFinished(const CsvExportRunner::Result &result)
{
    // An earlier export's failure no longer applies once another export has ended.
    if (!m_exportError.isEmpty() && m_ui->errorBanner->message() == m_exportError)
        m_ui->errorBanner->hide();
    m_exportError.clear();
    if (result.ok) {
        statusBar()->showMessage(tr("Exported %Ln events.", nullptr, int(result.rows)), 5000);
    } else if (result.cancelled) {
        statusBar()->showMessage(tr("Export cancelled; no file was written."), 5000);
    } else {
        statusBar()->clearMessage(); // "Exporting to ..." is over
        m_exportError = tr("The export failed: %1").arg(result.error);
        m_ui->errorBanner->showMessage(m_exportError, ErrorBanner::Level::Error, false);
    }
    Q_EMIT exportFinished(result);
}

// ---- views --------------------------------------------------------------------------------------

void MainWindow::setupViews()
{
    m_views = new ViewNavigator(
        m_settings,
        [this]() -> std::optional<ViewState> {
            if (m_restoringView)
                return std::nullopt; // half put back: not a state of its own
            return captureViewState();
        },
        [this](const ViewState &state) { applyViewState(state); }, this);
    QAction *back = m_views->backAction();
    QAction *forward = m_views->forwardAction();
    const QList<QAction *> viewActions = m_ui->menuView->actions();
    m_ui->menuView->insertActions(viewActions.value(0), { back, forward });
    m_ui->menuView->insertSeparator(viewActions.value(0));
    const QList<QAction *> tools = m_ui->toolBar->actions();
    m_ui->toolBar->insertActions(tools.value(0), { back, forward });
    m_ui->toolBar->insertSeparator(tools.value(0));
    m_ui->menuBar->insertMenu(m_ui->menuHelp->menuAction(), m_views->viewsMenu());

    auto *openView = new QAction(tr("Open &view…"), this);
    openView->setObjectName(QStringLiteral("actionOpenView"));
    openView->setStatusTip(
        tr("Apply the view an export was made with (.view.json) or the first of a views file"));
    const QList<QAction *> fileActions = m_ui->menuFile->actions(); // below the exports it reproduces
    m_ui->menuFile->insertAction(fileActions.value(fileActions.indexOf(m_ui->actionExportAll) + 1), openView);
    connect(openView, &QAction::triggered, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Open view"),
            ExportFlow::defaultDirectory(m_settings->exportPreferences().directory),
            tr("Views (*.view.json *.json);;All files (*)"));
        if (!path.isEmpty())
            openViewFile(path);
    });

    const auto listViews = [this] {
        QList<FilterPanel::SavedViewEntry> entries;
        const QList<SavedView> shown = m_views->savedViews().shownViews();
        for (qsizetype i = 0; i < shown.size(); ++i) {
            entries.append({ shown.at(i).id, shown.at(i).displayName(),
                i < 9
                    ? QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + int(i))).toString(QKeySequence::NativeText)
                    : QString() });
        }
        m_ui->filterPanel->setSavedViews(entries);
    };
    listViews();
    connect(m_views, &ViewNavigator::savedViewsChanged, this, listViews);
    connect(m_ui->filterPanel, &FilterPanel::savedViewActivated, m_views, &ViewNavigator::applySaved);
    connect(m_views, &ViewNavigator::message, this,
        [this](const QString &text) { statusBar()->showMessage(text, 5000); });
    connect(
        m_table->horizontalHeader(), &QHeaderView::sortIndicatorChanged, m_views, &ViewNavigator::changed);

    m_export->setViewProvider([this] {
        ViewFile file;
        file.view = captureViewState(true).withoutPosition();
        file.account = m_session->accountLabel();
        return file;
    });
}

ViewState MainWindow::captureViewState(bool withColumns) const
{
    ViewState state;
    state.filter = m_ui->filterPanel->state();
    state.pins = m_pins;
    state.sortColumn = m_model->sortColumn();
    state.sortOrder = m_model->sortOrder();
    // A step of the history leaves the columns as they are: hiding one is no step to go back over.
    if (withColumns)
        state.columns = m_table->visibleColumns();
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    if (current.isValid())
        state.selectedEventId = current.data(EventTableModel::EventIdRole).toLongLong();
    const QModelIndex top = m_table->indexAt(QPoint(0, 0));
    if (top.isValid())
        state.topEventId = top.data(EventTableModel::EventIdRole).toLongLong();
    return state;
}

void MainWindow::applyViewState(const ViewState &state)
{
    const ViewerFilterState before = m_ui->filterPanel->state();
    m_ui->filterPanel->setState(state.filter);
    if (m_pins != state.pins) {
        m_pins = state.pins;
        m_replacedPins.clear();
        showPins();
    }
    if (!state.columns.isEmpty())
        m_table->setVisibleColumns(state.columns);
    if (m_model->sortColumn() != state.sortColumn || m_model->sortOrder() != state.sortOrder)
        m_table->sortByColumn(state.sortColumn, state.sortOrder);
    m_restoringView = true;
    m_restoreSelection = state.selectedEventId;
    m_restoreTop = state.topEventId;
    if (!state.selectedEventId)
        m_table->selectionModel()->clear();
    // Only another range or scope reads again; the rest filters what is loaded.
    const ViewerFilterState after = m_ui->filterPanel->state();
    const bool query = before.timeRange != after.timeRange || before.customFrom != after.customFrom
        || before.customUntil != after.customUntil || before.scopeKind != after.scopeKind
        || before.scopeId != after.scopeId;
    m_restoreWaitsForLoad = false; // a running read that reload() cancels ends synchronously
    if (query && m_session->isConnected()) {
        reload();
        // A read that could not start (a range it cannot read) keeps nothing waiting.
        m_restoreWaitsForLoad = m_session->isLoading();
    } else {
        applyLocalFilter();
        // On an archive alone the filters are part of the read: one may have started it again.
        m_restoreWaitsForLoad = m_session->isArchiveOnly() && m_session->isLoading();
    }
    finishRestoringView();
}

void MainWindow::finishRestoringView()
{
    if (!m_restoringView || m_restoreWaitsForLoad || m_model->isBusy())
        return; // filterApplied() or the end of the load comes back here
    m_restoringView = false;
    const auto viewRowOf = [this](std::optional<qint64> id) {
        if (!id)
            return -1;
        const qsizetype storeRow = m_model->store().rowOfId(*id);
        return storeRow < 0 ? -1 : m_model->viewRowOfStoreRow(storeRow);
    };
    const int selected = viewRowOf(m_restoreSelection);
    const int top = viewRowOf(m_restoreTop);
    if (selected >= 0)
        m_table->selectViewRow(selected);
    // Scrolled as it was, as long as the selected row stays in sight (ScrollPerItem: value = top row).
    const int rowHeight = std::max(1, m_table->verticalHeader()->defaultSectionSize());
    const int visibleRows = m_table->viewport()->height() / rowHeight;
    if (top >= 0 && (selected < 0 || (selected >= top && selected < top + visibleRows)))
        m_table->verticalScrollBar()->setValue(top);
    m_restoreSelection.reset();
    m_restoreTop.reset();
    m_views->restored();
}

bool MainWindow::openViewFile(const QString &path)
{
    QString error;
    QStringList problems;
    const std::optional<ViewFile> file = ViewFile::read(path, &error, &problems);
    if (!file) {
        m_ui->errorBanner->showMessage(
            tr("The view %1 could not be opened: %2").arg(QDir::toNativeSeparators(path), error),
            ErrorBanner::Level::Error, false);
        return false;
    }
    m_views->applyView(file->view);
    if (!problems.isEmpty())
        m_ui->errorBanner->showMessage(tr("The view was applied without what this version could not use: %1")
                                           .arg(problems.join(QStringLiteral("; "))),
            ErrorBanner::Level::Warning, false);
    else
        m_ui->errorBanner->hide();
    QString text = tr("Applied the view of %1.").arg(QFileInfo(path).fileName());
    if (file->rows >= 0)
        text = tr("Applied the view of %1: %Ln events exported from %2 on %3.", nullptr, int(file->rows))
                   .arg(file->exportedFile.isEmpty() ? QFileInfo(path).fileName() : file->exportedFile,
                       file->account.isEmpty() ? tr("an unnamed account") : file->account,
                       QLocale().toString(file->exportedAt.toLocalTime(), QLocale::ShortFormat));
    statusBar()->showMessage(text, 10000);
    return true;
}

// ---- accessors -----------------------------------------------------------------------------------

QTableView *MainWindow::tableView() const { return m_table; }

EventDetailPane *MainWindow::detailPane() const { return m_ui->detailPane; }

FilterPanel *MainWindow::filterPanel() const { return m_ui->filterPanel; }

ErrorBanner *MainWindow::errorBanner() const { return m_ui->errorBanner; }

OrdersView *MainWindow::ordersView() const { return m_ui->ordersView; }

ExportFlow *MainWindow::exportFlow() const { return m_export; }

void MainWindow::showOrdersView() { m_ui->viewTabs->setCurrentWidget(m_ui->ordersView); }
