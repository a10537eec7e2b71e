// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "widgets/mainwindow.h"
#include "ui_mainwindow.h"

#include "api/eventapiclient.h"
#include "table/eventtablemodel.h"
#include "settings/viewersettings.h"
#include "widgets/aboutdialog.h"
#include "widgets/connectdialog.h"
#include "widgets/emptystateoverlay.h"
#include "widgets/errorbanner.h"
#include "widgets/exportoptionsdialog.h"
#include "widgets/filterpanel.h"
#include "keychain/keychaintokenstore.h"
#include "widgets/severitydelegate.h"
#include "model/simcardorder.h"
#include "export/tsvwriter.h"

#include <QActionGroup>
#include <QClipboard>
#include <QCloseEvent>
#include <QDir>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QProgressBar>
#include <QProgressDialog>
#include <QScrollBar>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTimeZone>

#include <algorithm>

namespace {

constexpr int CountsThrottleMs = 250;
constexpr int ClockIntervalMs = 30000;

// Default widths in average characters: wide enough for typical content, narrow enough that the
// table fits beside the detail pane on a 1600 px screen with Description taking the rest.
constexpr std::pair<EventColumns::Column, int> defaultWidths[] = {
    { EventColumns::Time, 16 },
    { EventColumns::Severity, 12 }, // "Warnung", "Kritisch"
    { EventColumns::Category, 20 },
    { EventColumns::EventType, 20 },
    { EventColumns::Description, 44 },
    { EventColumns::Organisation, 18 },
    { EventColumns::Device, 16 },
    { EventColumns::Iccid, 21 },
    { EventColumns::Imsi, 16 },
    { EventColumns::Source, 12 },
    { EventColumns::PerformedBy, 28 },
    { EventColumns::Id, 17 },
};

} // namespace

MainWindow::MainWindow(
    EventApiClient *client, EventTableModel *model, ViewerSettings *settings, QWidget *parent)
    : QMainWindow(parent)
    , m_ui(std::make_unique<Ui::MainWindow>())
    , m_client(client)
    , m_model(model)
    , m_settings(settings)
    , m_tokens(new KeychainTokenStore(this))
    , m_exporter(new CsvExportRunner(this))
{
    m_ui->setupUi(this);
    setWindowIcon(QIcon(QStringLiteral(":/icons/emnify-event-viewer.svg")));

    m_countLabel = new QLabel(this);
    m_filterLabel = new QLabel(this);
    m_filterLabel->setStyleSheet(QStringLiteral("color: #8a5a00; font-weight: bold;"));
    m_progressLabel = new QLabel(this);
    m_progressBar = new QProgressBar(this);
    m_progressBar->setMaximumWidth(160);
    m_progressBar->setMaximumHeight(16);
    m_progressBar->setTextVisible(false);
    m_progressBar->hide();
    statusBar()->addWidget(m_countLabel);
    statusBar()->addWidget(m_filterLabel);
    statusBar()->addPermanentWidget(m_progressLabel);
    statusBar()->addPermanentWidget(m_progressBar);

    setupTable();
    setupActions();

    connect(m_client, &EventApiClient::eventsReceived, this,
        [this](
            const EventBatch &events, const std::vector<QByteArray> &) { onEventsReceived(events); });
    connect(m_client, &EventApiClient::progressChanged, this, &MainWindow::onProgress);
    connect(m_client, &EventApiClient::finished, this, &MainWindow::onFetchFinished);

    connect(m_ui->filterPanel, &FilterPanel::localFilterChanged, this, &MainWindow::applyLocalFilter);
    connect(m_ui->filterPanel, &FilterPanel::queryChanged, this, &MainWindow::onQueryChanged);
    connect(m_ui->filterPanel, &FilterPanel::pinRemoved, this, &MainWindow::clearPin);
    connect(m_ui->filterPanel, &FilterPanel::clearAllRequested, this, &MainWindow::clearAllFilters);
    connect(m_ui->detailPane, &EventDetailPane::pinRequested, this, &MainWindow::pin);
    connect(m_ui->errorBanner, &ErrorBanner::retryRequested, this, &MainWindow::refresh);
    connect(m_exporter, &CsvExportRunner::finished, this, &MainWindow::onExportFinished);

    m_countsTimer.setSingleShot(true);
    m_countsTimer.setInterval(CountsThrottleMs);
    connect(&m_countsTimer, &QTimer::timeout, this, &MainWindow::updateCounts);
    connect(m_model, &EventTableModel::rowsShownChanged, this, [this] {
        if (!m_countsTimer.isActive())
            m_countsTimer.start();
    });
    connect(m_model, &EventTableModel::filterApplied, this, [this] {
        // The event shown in the pane may have been filtered out: then it no longer shows.
        if (!m_ui->tableView->selectionModel()->currentIndex().isValid())
            m_ui->detailPane->clear();
        updateCounts();
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        m_ui->detailPane->clear();
        updateCounts();
    });

    m_clockTimer.setInterval(ClockIntervalMs);
    connect(
        &m_clockTimer, &QTimer::timeout, this, [this] { m_model->setNow(QDateTime::currentDateTimeUtc()); });
    m_model->setNow(QDateTime::currentDateTimeUtc());
    m_clockTimer.start();

    restoreState();
    applyLocalFilter();
    updateTitle();
    updateCounts();
}

MainWindow::~MainWindow() = default;

// ---- setup ---------------------------------------------------------------------------------------

void MainWindow::setupTable()
{
    QTableView *table = m_ui->tableView;
    table->setModel(m_model);
    table->setItemDelegateForColumn(EventColumns::Severity, new SeverityDelegate(table));
    table->setTextElideMode(Qt::ElideRight);
    table->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);

    // Uniform rows: a fixed section size means the view never measures a row (a million rows).
    QHeaderView *rows = table->verticalHeader();
    rows->hide();
    rows->setSectionResizeMode(QHeaderView::Fixed);
    rows->setDefaultSectionSize(table->fontMetrics().height() + 6);

    QHeaderView *header = table->horizontalHeader();
    header->setSectionsMovable(true);
    header->setHighlightSections(false);
    header->setStretchLastSection(false);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    header->setSortIndicatorShown(true);
    header->setSortIndicator(m_model->sortColumn(), m_model->sortOrder());
    const int charWidth = table->fontMetrics().averageCharWidth();
    for (const auto &[column, chars] : defaultWidths)
        header->resizeSection(column, chars * charWidth + 12);
    for (int column = EventColumns::Id + 1; column < m_model->columnCount(); ++column)
        header->hideSection(column); // export-only columns, should the model ever show them
    table->setSortingEnabled(true); // header clicks call EventTableModel::sort (async)
    connect(header, &QWidget::customContextMenuRequested, this, &MainWindow::showHeaderMenu);

    connect(table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        [this](const QModelIndex &current) { onCurrentRowChanged(current); });
    connect(table->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        m_ui->actionExportSelected->setEnabled(m_ui->tableView->selectionModel()->hasSelection());
        m_ui->actionCopy->setEnabled(m_ui->tableView->selectionModel()->hasSelection());
    });

    // Pages insert rows, and filter/sort jobs swap them, while the user reads: keep the selected row
    // (or else the top row) where it is on screen, unless the user is at the very top with nothing
    // selected (then the newest events stay in sight).
    table->setVerticalScrollMode(QAbstractItemView::ScrollPerItem); // scroll bar value = top row
    connect(m_model, &QAbstractItemModel::rowsAboutToBeInserted, this, &MainWindow::rememberScrollAnchor);
    connect(m_model, &QAbstractItemModel::layoutAboutToBeChanged, this, &MainWindow::rememberScrollAnchor);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &MainWindow::restoreScrollAnchor);
    connect(m_model, &QAbstractItemModel::layoutChanged, this, &MainWindow::restoreScrollAnchor);

    m_emptyState = new EmptyStateOverlay(table->viewport());
    connect(m_emptyState, &QLabel::linkActivated, this, &MainWindow::onEmptyStateLink);
    m_ui->splitter->setStretchFactor(0, 3);
    m_ui->splitter->setStretchFactor(1, 1);
}

void MainWindow::setupActions()
{
    connect(m_ui->actionConnect, &QAction::triggered, this, [this] { showConnectDialog(); });
    connect(m_ui->actionExportSelected, &QAction::triggered, this, [this] { exportInteractively(true); });
    connect(m_ui->actionExportAll, &QAction::triggered, this, [this] { exportInteractively(false); });
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
    // The platform's keys where one exists (Designer forms can only hold fixed key strings).
    m_ui->actionQuit->setShortcuts(QKeySequence::Quit);
    m_ui->actionCopy->setShortcuts(QKeySequence::Copy);
    m_ui->actionFind->setShortcuts(QKeySequence::Find);
    m_ui->actionRefresh->setShortcuts(QKeySequence::Refresh);
    m_ui->actionClearSearch->setShortcuts(QKeySequence::Cancel);

    // Ctrl+C copies rows only while the table has focus; elsewhere (search box, raw JSON) it copies text.
    m_ui->actionCopy->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_ui->tableView->addAction(m_ui->actionCopy);
    m_ui->tableView->addAction(m_ui->actionExportSelected);
    m_ui->actionCopy->setEnabled(false);
    m_ui->actionExportSelected->setEnabled(false);
    m_ui->actionStop->setEnabled(false);

    auto *timeGroup = new QActionGroup(this);
    const std::pair<QAction *, EventTableModel::TimeDisplay> timeActions[] = {
        { m_ui->actionTimeRelative, EventTableModel::TimeDisplay::RelativeLocal },
        { m_ui->actionTimeLocal, EventTableModel::TimeDisplay::AbsoluteLocal },
        { m_ui->actionTimeUtc, EventTableModel::TimeDisplay::AbsoluteUtc },
    };
    for (const auto &[action, display] : timeActions) {
        timeGroup->addAction(action);
        connect(
            action, &QAction::triggered, this, [this, display = display] { setTimeDisplay(int(display)); });
    }
    m_ui->menuView->insertAction(m_ui->menuColumns->menuAction(), m_ui->filterDock->toggleViewAction());
    rebuildColumnsMenu();
}

void MainWindow::restoreState()
{
    if (!restoreGeometry(m_settings->windowGeometry()))
        resize(1500, 900);
    QMainWindow::restoreState(m_settings->windowState());
    if (!m_ui->splitter->restoreState(m_settings->splitterState()))
        m_ui->splitter->setSizes({ 1000, 440 });
    m_ui->tableView->horizontalHeader()->restoreState(m_settings->headerState());
    rebuildColumnsMenu();

    const EventTableModel::TimeDisplay display = m_settings->timeDisplay();
    m_model->setTimeDisplay(display);
    m_ui->actionTimeRelative->setChecked(display == EventTableModel::TimeDisplay::RelativeLocal);
    m_ui->actionTimeLocal->setChecked(display == EventTableModel::TimeDisplay::AbsoluteLocal);
    m_ui->actionTimeUtc->setChecked(display == EventTableModel::TimeDisplay::AbsoluteUtc);

    m_ui->filterPanel->setState(m_settings->filterState());
}

void MainWindow::saveState()
{
    m_settings->setWindowGeometry(saveGeometry());
    m_settings->setWindowState(QMainWindow::saveState());
    m_settings->setSplitterState(m_ui->splitter->saveState());
    m_settings->setHeaderState(m_ui->tableView->horizontalHeader()->saveState());
    m_settings->setTimeDisplay(m_model->timeDisplay());
    m_settings->setFilterState(m_ui->filterPanel->state());
    m_settings->sync();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveState();
    m_client->cancel();
    QMainWindow::closeEvent(event);
}

// ---- connecting ----------------------------------------------------------------------------------

void MainWindow::setConnection(const QUrl &baseUrl, const QString &token, const QString &accountLabel)
{
    const ApiError error = m_client->setBaseUrl(baseUrl);
    if (error.isError()) {
        m_ui->errorBanner->showMessage(describe(error), ErrorBanner::Level::Error, false);
        m_connected = false;
        updateEmptyState();
        return;
    }
    m_client->setApplicationToken(token);
    m_accountLabel = accountLabel.isEmpty() ? baseUrl.host() : accountLabel;
    m_connected = true;
    m_lastError = {};
    updateTitle();
}

void MainWindow::connectOnStartup(const QString &environmentToken)
{
    const QUrl url = m_settings->apiUrl();
    if (!environmentToken.isEmpty()) {
        setConnection(url, environmentToken, url.host());
        statusBar()->showMessage(tr("Using the application token from EMNIFY_APPLICATION_TOKEN."), 5000);
        reload();
        return;
    }
    if (!m_settings->rememberToken()) {
        showConnectDialog();
        return;
    }
    m_progressLabel->setText(tr("Reading the token from the keychain…"));
    m_tokens->read(url.host(), [this, url](const KeychainTokenStore::Result &result) {
        m_progressLabel->clear();
        if (result.status == KeychainTokenStore::Status::Ok && !result.token.isEmpty()) {
            setConnection(url, result.token, url.host());
            reload();
            return;
        }
        if (result.status == KeychainTokenStore::Status::NotFound)
            showConnectDialog(tr("No token for %1 is stored in the keychain.").arg(url.host()));
        else
            showConnectDialog(
                tr("The keychain could not be read (%1). Enter the token; it is kept for this session "
                   "only unless it can be stored.")
                    .arg(result.error));
    });
}

void MainWindow::showConnectDialog(const QString &note)
{
    if (m_connectDialog) {
        m_connectDialog->raise();
        return;
    }
    auto *dialog = new ConnectDialog(this);
    m_connectDialog = dialog;
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setApiUrl(m_settings->apiUrl());
    dialog->setRemember(m_settings->rememberToken());
    dialog->setNote(note);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const QUrl url = dialog->apiUrl();
        const QString token = dialog->token();
        m_settings->setApiUrl(url);
        m_settings->setRememberToken(dialog->remember());
        setConnection(url, token, url.host());
        if (dialog->remember())
            rememberToken(url, token);
        reload();
    });
    dialog->open();
    // Find out early whether a keychain exists, so the dialog can say so before the user relies on it.
    m_tokens->read(m_settings->apiUrl().host(), [this](const KeychainTokenStore::Result &result) {
        if (!m_connectDialog || result.status == KeychainTokenStore::Status::Ok
            || result.status == KeychainTokenStore::Status::NotFound)
            return;
        m_connectDialog->setKeychainAvailable(false);
        m_connectDialog->setNote(
            tr("No usable system keychain (%1). The token is kept for this session only and "
               "asked for again at the next start.")
                .arg(result.error));
        statusBar()->showMessage(tr("No system keychain: the token is kept for this session only."));
    });
}

void MainWindow::rememberToken(const QUrl &url, const QString &token)
{
    m_tokens->write(url.host(), token, [this](const KeychainTokenStore::Result &result) {
        if (result.status == KeychainTokenStore::Status::Ok) {
            statusBar()->showMessage(tr("The token is stored in the system keychain."), 5000);
            return;
        }
        m_settings->setRememberToken(false);
        m_ui->errorBanner->showMessage(
            tr("The token could not be stored in the system keychain (%1). It is kept for "
               "this session only.")
                .arg(result.error),
            ErrorBanner::Level::Warning, false);
    });
}

void MainWindow::updateTitle()
{
    setWindowTitle(m_accountLabel.isEmpty() ? tr("emnify Event Viewer")
                                            : tr("%1 — emnify Event Viewer").arg(m_accountLabel));
}

// ---- fetching ------------------------------------------------------------------------------------

EventQuery MainWindow::currentQuery() const
{
    const ViewerFilterState state = m_ui->filterPanel->state();
    const auto [from, until] = state.interval(QDateTime::currentMSecsSinceEpoch());
    EventQuery query;
    query.from = QDateTime::fromMSecsSinceEpoch(from, Qt::UTC);
    query.until = QDateTime::fromMSecsSinceEpoch(until, Qt::UTC);
    return query;
}

std::optional<EventScope> MainWindow::currentScope() const
{
    const ViewerFilterState state = m_ui->filterPanel->state();
    using SK = ViewerFilterState::ScopeKind;
    static const QHash<int, EventScope::Kind> kinds {
        { int(SK::Account), EventScope::Kind::Account },
        { int(SK::Endpoint), EventScope::Kind::Endpoint },
        { int(SK::Sim), EventScope::Kind::Sim },
        { int(SK::User), EventScope::Kind::User },
        { int(SK::Organisation), EventScope::Kind::Organisation },
    };
    EventScope scope { kinds.value(int(state.scopeKind)), state.scopeId };
    if (!scope.validate().isEmpty())
        return std::nullopt;
    return scope;
}

EventFilter MainWindow::currentFilter() const
{
    const ViewerFilterState state = m_ui->filterPanel->state();
    EventFilter filter;
    filter.hiddenTypeIds = state.hiddenTypeIds;
    filter.hiddenCategories = state.hiddenCategories;
    filter.hiddenSeverities = state.hiddenSeverities;
    filter.hiddenSources = state.hiddenSources;
    filter.text = state.searchText;
    if (m_interval.first > 0 || m_interval.second > 0) {
        filter.fromMs = m_interval.first;
        filter.untilMs = m_interval.second;
    }
    if (m_pin) {
        const qint64 id = m_pin->second;
        switch (m_pin->first) {
        case EventDetailPane::Pin::Organisation:
            filter.organisationId = id;
            break;
        case EventDetailPane::Pin::Endpoint:
            filter.endpointId = id;
            break;
        case EventDetailPane::Pin::Sim:
            filter.simId = id;
            break;
        case EventDetailPane::Pin::Imsi:
            filter.imsiId = id;
            break;
        case EventDetailPane::Pin::User:
            filter.userId = id;
            break;
        case EventDetailPane::Pin::Order:
            filter.orderId = id;
            break;
        }
    }
    return filter;
}

void MainWindow::refresh()
{
    if (!m_connected) {
        showConnectDialog();
        return;
    }
    startFetch();
}

void MainWindow::reload()
{
    m_model->clear();
    m_ui->detailPane->clear();
    m_fetchedOnce = false;
    refresh();
}

void MainWindow::stop()
{
    if (m_client->isBusy())
        m_client->cancel();
}

void MainWindow::startFetch()
{
    const std::optional<EventScope> scope = currentScope();
    if (!scope) {
        m_ui->errorBanner->showMessage(
            tr("Enter the numeric ID of the device, SIM, user or organisation to read."),
            ErrorBanner::Level::Warning, false);
        return;
    }
    const EventQuery query = currentQuery();
    const QString problem = query.validate();
    if (!problem.isEmpty()) {
        m_ui->errorBanner->showMessage(problem, ErrorBanner::Level::Warning, false);
        return;
    }
    if (m_client->isBusy())
        m_client->cancel(); // its finished(Cancelled) arrives now, before this fetch's state is set
    m_interval = m_ui->filterPanel->state().interval(query.until.toMSecsSinceEpoch() - 1);
    m_ui->errorBanner->hide();
    m_lastError = {};
    m_fetching = true;
    m_ui->actionStop->setEnabled(true);
    m_progressLabel->setText(tr("Connecting…"));
    m_progressBar->setRange(0, 0);
    m_progressBar->show();
    m_lastProgress = {};
    m_model->setNow(QDateTime::currentDateTimeUtc());
    applyLocalFilter(); // the new interval filters locally at once
    m_client->fetch(query, *scope);
    updateEmptyState();
}

void MainWindow::onEventsReceived(const EventBatch &events)
{
    m_model->appendBatch(events);
}

void MainWindow::onProgress(const FetchProgress &progress)
{
    // The first page tells the total (X-Total-Count): room for it all, so pages append without
    // pausing to grow the store.
    if (m_lastProgress.totalCount <= 0 && progress.totalCount > 0)
        m_model->reserve(progress.totalCount);
    m_lastProgress = progress;
    const QLocale locale;
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

void MainWindow::onFetchFinished(const ApiError &error)
{
    m_fetching = false;
    m_fetchedOnce = true;
    m_ui->actionStop->setEnabled(false);
    m_progressBar->hide();
    const FetchProgress progress = m_lastProgress;
    if (!error.isError()) {
        m_progressLabel->setText(tr("Read %1 events").arg(QLocale().toString(progress.eventsReceived)));
        if (progress.eventsSkipped > 0)
            m_ui->errorBanner->showMessage(
                tr("%n event(s) could not be read and were skipped.", nullptr, int(progress.eventsSkipped)),
                ErrorBanner::Level::Warning, true);
    } else if (error.kind() == ApiError::Kind::Cancelled) {
        m_progressLabel->setText(
            tr("Stopped · %1 events read").arg(QLocale().toString(progress.eventsReceived)));
    } else {
        m_lastError = error;
        m_progressLabel->setText(tr("Failed"));
        m_ui->errorBanner->showMessage(describe(error), ErrorBanner::Level::Error, true);
    }
    updateCounts();
    Q_EMIT fetchFinished(error);
}

QString MainWindow::describe(const ApiError &error)
{
    const bool denied = error.kind() == ApiError::Kind::Authentication || error.httpStatus() == 401
        || error.httpStatus() == 403;
    if (denied)
        return tr("The application token was not accepted (%1). Check it under File → Connect….")
            .arg(error.toString());
    switch (error.kind()) {
    case ApiError::Kind::Network:
        return tr("Could not reach the emnify API: %1").arg(error.toString());
    case ApiError::Kind::Tls:
        return tr("The secure connection to the emnify API failed: %1").arg(error.toString());
    case ApiError::Kind::Timeout:
        return tr("The emnify API did not answer in time: %1").arg(error.toString());
    default:
        return tr("Reading events failed: %1").arg(error.toString());
    }
}

// ---- filters -------------------------------------------------------------------------------------

void MainWindow::applyLocalFilter()
{
    m_model->setFilter(currentFilter());
    updateCounts();
}

void MainWindow::onQueryChanged()
{
    if (m_connected)
        reload();
    else
        applyLocalFilter();
}

void MainWindow::pin(EventDetailPane::Pin pin, qint64 id, const QString &label)
{
    static const QHash<int, const char *> names {
        { int(EventDetailPane::Pin::Organisation), QT_TR_NOOP("organisation") },
        { int(EventDetailPane::Pin::Endpoint), QT_TR_NOOP("device") },
        { int(EventDetailPane::Pin::Sim), QT_TR_NOOP("SIM") },
        { int(EventDetailPane::Pin::Imsi), QT_TR_NOOP("IMSI") },
        { int(EventDetailPane::Pin::User), QT_TR_NOOP("user") },
        { int(EventDetailPane::Pin::Order), QT_TR_NOOP("SIM order") },
    };
    m_pin = std::make_pair(pin, id);
    m_pinLabel = tr("%1 %2").arg(tr(names.value(int(pin))), label.isEmpty() ? QString::number(id) : label);
    m_ui->filterPanel->setPinText(m_pinLabel);
    applyLocalFilter();
}

void MainWindow::clearPin()
{
    m_pin.reset();
    m_pinLabel.clear();
    m_ui->filterPanel->setPinText({});
    applyLocalFilter();
}

void MainWindow::clearAllFilters()
{
    m_pin.reset();
    m_pinLabel.clear();
    m_ui->filterPanel->setPinText({});
    m_ui->filterPanel->clearFilters(); // emits localFilterChanged
}

void MainWindow::setTimeDisplay(int display)
{
    m_model->setNow(QDateTime::currentDateTimeUtc());
    m_model->setTimeDisplay(EventTableModel::TimeDisplay(display));
    m_settings->setTimeDisplay(EventTableModel::TimeDisplay(display));
}

// ---- status --------------------------------------------------------------------------------------

void MainWindow::updateCounts()
{
    m_countsTimer.stop();
    m_countLabel->setText(statusText());
    const bool pinned = m_pin.has_value();
    const bool local = m_ui->filterPanel->hasLocalFilters();
    m_filterLabel->setText(pinned || local ? tr("Filter active") : QString());
    m_filterLabel->setToolTip(pinned ? tr("Only %1").arg(m_pinLabel) : QString());
    m_ui->actionClearFilters->setEnabled(pinned || local);
    m_ui->actionExportAll->setEnabled(m_model->rowCount() > 0);
    m_ui->filterPanel->setTypeCounts(m_model->typeCounts());
    updateEmptyState();
}

QString MainWindow::statusText() const
{
    const QLocale locale;
    return tr("%1 events loaded, %2 shown")
        .arg(locale.toString(m_model->store().size()), locale.toString(m_model->rowCount()));
}

void MainWindow::updateEmptyState()
{
    QString html;
    const qsizetype loaded = m_model->store().size();
    if (m_model->rowCount() > 0) {
        html.clear();
    } else if (!m_connected) {
        html = tr("Not connected.<br><a href=\"connect\">Connect to an emnify account…</a>");
    } else if (loaded == 0 && m_fetching) {
        html = tr("Loading events…");
    } else if (loaded == 0 && m_lastError.isError()) {
        const bool denied = m_lastError.kind() == ApiError::Kind::Authentication
            || m_lastError.httpStatus() == 401 || m_lastError.httpStatus() == 403;
        html = denied ? tr("This application token has no access to the events of this account (HTTP %1).<br>"
                           "<a href=\"connect\">Use another token…</a>")
                            .arg(m_lastError.httpStatus() ? m_lastError.httpStatus() : 401)
                      : tr("No events could be loaded: %1<br><a href=\"retry\">Try again</a>")
                            .arg(m_lastError.toString().toHtmlEscaped());
    } else if (loaded == 0 && m_fetchedOnce) {
        html = tr("No events in the selected time range.");
    } else if (loaded > 0 && !m_model->isBusy()) {
        html = tr("All %1 loaded events are hidden by filters.<br><a href=\"clear\">Clear filters</a>")
                   .arg(QLocale().toString(loaded));
    }
    m_emptyState->showMessage(html);
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
        refresh();
    else if (link == QLatin1String("clear"))
        clearAllFilters();
}

// ---- table ---------------------------------------------------------------------------------------

void MainWindow::onCurrentRowChanged(const QModelIndex &current)
{
    if (!current.isValid()) {
        m_ui->detailPane->clear();
        return;
    }
    m_ui->detailPane->setEvent(m_model->event(current.row()));
}

void MainWindow::rememberScrollAnchor()
{
    QTableView *table = m_ui->tableView;
    const int top = table->verticalScrollBar()->value();
    const QModelIndex current = table->currentIndex();
    const int visibleRows
        = table->viewport()->height() / std::max(1, table->verticalHeader()->defaultSectionSize());
    m_scrollAnchor = QPersistentModelIndex();
    if (current.isValid() && current.row() >= top && current.row() <= top + visibleRows) {
        m_scrollAnchor = current;
        m_scrollAnchorOffset = current.row() - top;
    } else if (top > 0 || table->selectionModel()->hasSelection()) {
        m_scrollAnchor = m_model->index(top, 0);
        m_scrollAnchorOffset = 0;
    }
}

void MainWindow::restoreScrollAnchor()
{
    QTableView *table = m_ui->tableView;
    if (m_scrollAnchor.isValid()) {
        table->doItemsLayout(); // the scroll range must include the new rows before we move in it
        table->verticalScrollBar()->setValue(std::max(0, m_scrollAnchor.row() - m_scrollAnchorOffset));
    } else if (table->currentIndex().isValid() && m_scrollAnchorOffset >= 0) {
        table->scrollTo(
            table->currentIndex(), QAbstractItemView::EnsureVisible); // the anchor was filtered away
    }
    m_scrollAnchor = QPersistentModelIndex();
    m_scrollAnchorOffset = -1;
    updateEmptyState();
}

bool MainWindow::selectFirstOfType(int typeId)
{
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_model->index(row, 0).data(EventTableModel::TypeIdRole).toInt() == typeId) {
            const QModelIndex index = m_model->index(row, 0);
            m_ui->tableView->selectionModel()->setCurrentIndex(
                index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
            m_ui->tableView->scrollTo(index, QAbstractItemView::PositionAtCenter);
            return true;
        }
    }
    return false;
}

QList<EventColumns::Column> MainWindow::visibleColumns() const
{
    const QHeaderView *header = m_ui->tableView->horizontalHeader();
    QList<EventColumns::Column> columns;
    for (int visual = 0; visual < header->count(); ++visual) {
        const int logical = header->logicalIndex(visual);
        if (!header->isSectionHidden(logical))
            columns.append(EventColumns::Column(logical));
    }
    return columns;
}

void MainWindow::showHeaderMenu(const QPoint &pos)
{
    m_ui->menuColumns->exec(m_ui->tableView->horizontalHeader()->mapToGlobal(pos));
}

void MainWindow::rebuildColumnsMenu()
{
    QMenu *menu = m_ui->menuColumns;
    menu->clear();
    QHeaderView *header = m_ui->tableView->horizontalHeader();
    for (EventColumns::Column column : EventColumns::tableColumns()) {
        QAction *action = menu->addAction(EventColumns::title(column));
        action->setCheckable(true);
        action->setChecked(!header->isSectionHidden(column));
        connect(action, &QAction::toggled, this, [this, header, column](bool visible) {
            if (!visible && visibleColumns().size() <= 1) { // never hide the last column
                rebuildColumnsMenu();
                return;
            }
            header->setSectionHidden(column, !visible);
            if (visible && header->sectionSize(column) < 20)
                header->resizeSection(column, 120);
        });
    }
}

std::vector<qsizetype> MainWindow::selectedStoreRows() const
{
    QList<int> viewRows;
    for (const QModelIndex &index : m_ui->tableView->selectionModel()->selectedRows())
        viewRows.append(index.row());
    std::sort(viewRows.begin(), viewRows.end());
    std::vector<qsizetype> rows;
    rows.reserve(size_t(viewRows.size()));
    for (int row : viewRows) {
        const qsizetype storeRow = m_model->storeRow(row);
        if (storeRow >= 0)
            rows.push_back(storeRow);
    }
    return rows;
}

void MainWindow::copySelection()
{
    const std::vector<qsizetype> rows = selectedStoreRows();
    if (rows.empty())
        return;
    QGuiApplication::clipboard()->setText(TsvWriter::write(m_model->store(), rows, visibleColumns()));
    statusBar()->showMessage(tr("Copied %n row(s).", nullptr, int(rows.size())), 3000);
}

// ---- export --------------------------------------------------------------------------------------

void MainWindow::exportInteractively(bool selectedOnly)
{
    if (m_exporter->isRunning())
        return;
    ExportOptionsDialog dialog(this);
    const qsizetype selected = qsizetype(m_ui->tableView->selectionModel()->selectedRows().size());
    dialog.setRowCounts(selected, m_model->rowCount());
    dialog.setSelectedOnly(selectedOnly);
    QStringList titles;
    for (EventColumns::Column column : visibleColumns())
        titles.append(EventColumns::title(column));
    dialog.setColumnTitles(titles);
    const QString directory = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    dialog.setFileName(QDir(directory).filePath(
        QStringLiteral("emnify-events-%1.csv")
            .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmm")))));
    if (dialog.exec() != QDialog::Accepted)
        return;
    exportToFile(dialog.fileName(), dialog.selectedOnly(), dialog.includePayload());
}

bool MainWindow::exportToFile(const QString &fileName, bool selectedOnly, bool includePayload)
{
    std::vector<qsizetype> rows;
    if (selectedOnly) {
        rows = selectedStoreRows();
    } else {
        const std::vector<uint32_t> &visible = m_model->visibleRows();
        rows.assign(visible.cbegin(), visible.cend());
    }
    QList<EventColumns::Column> columns = visibleColumns();
    if (includePayload)
        columns.append(EventColumns::Payload);
    const qsizetype total = qsizetype(rows.size());
    if (!m_exporter->start(m_model->lockForRead(), fileName, std::move(rows), columns))
        return false;

    auto *progress = new QProgressDialog(tr("Exporting %1 events…").arg(QLocale().toString(total)),
        tr("Cancel"), 0, int(std::min<qsizetype>(total, INT_MAX)), this);
    progress->setAttribute(Qt::WA_DeleteOnClose);
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(400); // small exports finish before it would show
    progress->setAutoClose(false);
    progress->setAutoReset(false);
    connect(progress, &QProgressDialog::canceled, m_exporter, &CsvExportRunner::cancel);
    connect(m_exporter, &CsvExportRunner::progressChanged, progress, [progress](qsizetype done, qsizetype) {
        progress->setValue(int(std::min<qsizetype>(done, INT_MAX)));
    });
    m_exportProgress = progress;
    statusBar()->showMessage(tr("Exporting to %1…").arg(QDir::toNativeSeparators(fileName)));
    return true;
}

void MainWindow::onExportFinished(const CsvExportRunner::Result &result)
{
    if (m_exportProgress)
        m_exportProgress->close();
    if (result.ok)
        statusBar()->showMessage(tr("Exported %n event(s).", nullptr, int(result.rows)), 5000);
    else if (result.cancelled)
        statusBar()->showMessage(tr("Export cancelled; no file was written."), 5000);
    else
        m_ui->errorBanner->showMessage(
            tr("The export failed: %1").arg(result.error), ErrorBanner::Level::Error, false);
    Q_EMIT exportFinished(result);
}

// ---- accessors -----------------------------------------------------------------------------------

QTableView *MainWindow::tableView() const { return m_ui->tableView; }

EventDetailPane *MainWindow::detailPane() const { return m_ui->detailPane; }

FilterPanel *MainWindow::filterPanel() const { return m_ui->filterPanel; }

ErrorBanner *MainWindow::errorBanner() const { return m_ui->errorBanner; }
