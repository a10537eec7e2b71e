// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "api/apierror.h"
#include "api/fetchprogress.h"
#include "export/csvexportrunner.h"
#include "filter/eventfilter.h"
#include "model/eventcolumns.h"
#include "session/viewrequest.h"
#include "session/viewstate.h"

#include <QMainWindow>
#include <QHash>
#include <QMap>
#include <QTimer>
#include <QUrl>

#include <array>
#include <memory>
#include <optional>

namespace Ui {
class MainWindow;
}
class AccountFlow;
class ArchiveOpener;
class ConnectionFlow;
class EmptyStateOverlay;
class ErrorBanner;
class EventDetailPane;
class EventSession;
class EventTableModel;
class EventTableView;
class ExportFlow;
class FilterPanel;
class FollowController;
class OrdersView;
class PivotActions;
class QLabel;
class QProgressBar;
class QTableView;
struct SavedAccount;
class TimelineController;
class TokenStore;
class ViewerSettings;
class ViewNavigator;

// The viewer's window: filter panel, event table, detail pane, error banner and status bar, wired
// together. Where rows come from is the EventSession's business; what the filter panel asks for
// is ViewRequest's; connecting is ConnectionFlow's; exporting ExportFlow's. The window shows what
// they report.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    // None owned; all must outlive the window. session feeds model.
    MainWindow(EventSession *session, EventTableModel *model, ViewerSettings *settings, TokenStore *tokens,
        QWidget *parent = nullptr);
    ~MainWindow() override;

    // Uses this URL and token (kept in memory only) and names the account in the title.
    void setConnection(const QUrl &baseUrl, const QString &token, const QString &accountLabel);
    // Before there is anything to connect to (the demo account being generated): the empty table
    // says so instead of "Not connected". An empty text goes back to the session's state.
    void setPreparingText(const QString &text);
    // While an account's API is being prepared (the demo's simulator): its archive opens and its
    // rows show at once; the account's connectionChosen() (ConnectionFlow::switchTo) then reads
    // only what the archive lacks, without reading it again.
    void showArchiveWhilePreparing(const SavedAccount &account);
    // First start: the token from the environment, else from the token store, else the dialog.
    void connectOnStartup(const QString &environmentToken);
    void showConnectDialog(const QString &note = {});
    // --url / --account: that account (the token from the environment, else its keychain entry,
    // else the dialog); a URL or name that does not work says so in the banner.
    void connectToUrl(const QUrl &baseUrl, const QString &environmentToken);
    void connectToAccount(const QString &name, const QString &environmentToken);
    // A team archive (postgresql:// URL) or a local archive file, read-only and on its own: its rows
    // in place of the API's (--archive, File > Open team archive…). A failure says so in the banner.
    // password: typed for a team archive (empty: the keychain's, PGPASSWORD or ~/.pgpass).
    void openArchive(const QString &urlOrFile, const QString &password = {}, bool rememberPassword = false);
    void showOpenArchiveDialog();
    [[nodiscard]] ArchiveOpener *archiveOpener() const { return m_archiveOpener; }
    [[nodiscard]] ConnectionFlow *connectionFlow() const { return m_connection; }
    [[nodiscard]] AccountFlow *accountFlow() const { return m_accounts; }

    void refresh(); // F5: read again with the current request (keeps what is loaded)
    void retry(); // after a failure: what the failed load did not finish, else refresh()
    void reload(); // a new request: forget what is loaded and read
    void stop();
    void showPreferences(); // Edit > Preferences…

    // The request and local filter the panel makes right now.
    [[nodiscard]] std::optional<ViewRequest> currentRequest(QString *problem = nullptr) const;
    [[nodiscard]] EventQuery currentQuery() const;
    [[nodiscard]] EventFilter currentFilter() const;

    // A custom time range [from, until) in ms UTC, widened to whole minutes (the editors show
    // minutes), read like any other range.
    void showTimeRange(qint64 fromMs, qint64 untilMs);
    // "Events around this one": ±5 minutes of this time, that event selected again once read.
    void showEventsAround(qint64 timestampMs, qint64 eventId);
    [[nodiscard]] PivotActions *pivotActions() const { return m_pivots; }

    // Selects the first shown event of this type; false when there is none.
    bool selectFirstOfType(int typeId);
    // Non-interactive export (the dialogs end up here); ends with exportFinished().
    bool exportToFile(
        const QString &fileName, bool selectedOnly, bool includePayload, bool keepSecrets = false);
    void copySelection();
    [[nodiscard]] QList<EventColumns::Column> visibleColumns() const; // in visual order

    [[nodiscard]] QTableView *tableView() const;
    [[nodiscard]] EventDetailPane *detailPane() const;
    [[nodiscard]] FilterPanel *filterPanel() const;
    [[nodiscard]] ErrorBanner *errorBanner() const;
    [[nodiscard]] OrdersView *ordersView() const;
    [[nodiscard]] ExportFlow *exportFlow() const;
    [[nodiscard]] ViewNavigator *viewNavigator() const { return m_views; }

    // The view as it is (filters, sort, selected event, scroll position; the columns for a saved
    // view), and putting one back: what is read is read again only when range or scope differ, and
    // the selection returns once its rows are in.
    [[nodiscard]] ViewState captureViewState(bool withColumns = false) const;
    void applyViewState(const ViewState &state);
    [[nodiscard]] bool isRestoringView() const { return m_restoringView; }
    // File > Open view: a .view.json beside an export, or a saved-views file (its first view).
    bool openViewFile(const QString &path);
    void showOrdersView(); // the SIM orders tab
    [[nodiscard]] QString statusText() const; // "N events loaded, M shown"
    [[nodiscard]] QString emptyStateText() const; // the overlay's text; empty when hidden

Q_SIGNALS:
    void fetchFinished(const ApiError &error);
    void exportFinished(const CsvExportRunner::Result &result);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void setupStatusBar();
    void setupActions();
    void setupLive(); // follow mode, partial loads and retry
    void setupAccounts();
    void setupTimeline(); // the histogram above the table
    void setupCopyAs(); // Edit > Copy as
    void setupViews(); // back/forward, saved views, File > Open view
    void finishRestoringView(); // selects the restored event once the rows are in
    void setupArchiveOnly(); // File > Open team archive…
    void onArchiveOpened();
    void leaveArchiveOnly(); // an account of the API is shown instead
    [[nodiscard]] QString archiveOnlyText() const; // "Team archive db@host · synced until …"
    void reloadIfPushedDownChanged(); // a team archive filters as it reads: new ticks, new read
    void copySelectionAs(int format); // a TicketCopy::Format
    void restoreState();
    void saveState();

    void applyProviderNames(const QHash<qint64, QString> &names); // orders view and detail pane
    void startLoad(bool fresh); // fresh: forget what is loaded first
    void onLoadStateChanged();
    void onProgress(const FetchProgress &progress);
    void onLoadFinished(const ApiError &error);
    [[nodiscard]] QString rowSourcesText() const; // empty without an archive
    void showRowSources(); // "N from the archive, M from the API" in the status bar
    void showArchiveProgress(); // the archive is read, the API not yet: what the status bar says
    void onCurrentEventChanged(int viewRow);
    void applyLocalFilter();
    void onQueryChanged();
    void pin(EventEntity entity, qint64 id, const QString &label);
    void removePin(int index);
    void showPins();
    void clearAllFilters();
    void selectKeptEvent(); // the event showEventsAround() keeps selected, once shown
    void setTimeDisplay(int display);
    void updateCounts();
    void updateEmptyState();
    void updateKnownEntities(); // the scope editor's completions
    void updateTitle();
    void onExportFinished(const CsvExportRunner::Result &result);
    void onEmptyStateLink(const QString &link);

    std::unique_ptr<Ui::MainWindow> m_ui;
    EventSession *m_session;
    EventTableModel *m_model;
    ViewerSettings *m_settings;
    TokenStore *m_tokens; // API tokens and team archive passwords (the keychain)
    EventTableView *m_table; // in m_ui
    ConnectionFlow *m_connection;
    AccountFlow *m_accounts;
    ExportFlow *m_export;
    ArchiveOpener *m_archiveOpener;
    FollowController *m_follow;
    TimelineController *m_timeline;
    PivotActions *m_pivots;
    std::optional<qint64> m_keptEventId; // showEventsAround(): select it when it shows
    EmptyStateOverlay *m_emptyState;
    QLabel *m_countLabel;
    QLabel *m_filterLabel;
    QLabel *m_progressLabel;
    QProgressBar *m_progressBar;
    QTimer m_countsTimer; // throttles category counts and status updates while pages arrive
    QTimer m_clockTimer; // refreshes relative times
    QList<EntityPin> m_pins; // from the detail pane's links, at most one per entity kind
    QMap<int, QString> m_replacedPins; // EventEntity -> label of the pin its chip replaced
    std::array<size_t, 5> m_knownEntitySizes {}; // endpoints, SIMs, IMSIs, users, organisations completed
    QString m_preparingText; // see setPreparingText()
    bool m_readAfterAuthentication = false; // an account's first read waits for its organisation
    QString m_exportError; // the banner text of the last failed export, until another ends
    ViewNavigator *m_views = nullptr;
    // A view being put back (applyViewState) until its rows are in: its event and top row.
    bool m_restoringView = false;
    bool m_restoreWaitsForLoad = false;
    std::optional<qint64> m_restoreSelection;
    std::optional<qint64> m_restoreTop;
};
