// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "api/apierror.h"
#include "api/eventquery.h"
#include "api/eventscope.h"
#include "api/fetchprogress.h"
#include "filter/eventfilter.h"
#include "model/eventcolumns.h"
#include "export/csvexportrunner.h"
#include "widgets/eventdetailpane.h"

#include <QMainWindow>
#include <QPersistentModelIndex>
#include <QPointer>
#include <QTimer>
#include <QUrl>

#include <memory>
#include <optional>
#include <vector>

namespace Ui {
class MainWindow;
}
class ConnectDialog;
class EmptyStateOverlay;
class EventApiClient;
class EventBatch;
class EventTableModel;
class KeychainTokenStore;
class QLabel;
class QProgressBar;
class QProgressDialog;
class QTableView;
class ViewerSettings;
class ErrorBanner;
class FilterPanel;

// The viewer: filter panel, event table, detail pane, error banner and status bar. Reads events
// through an EventApiClient into an EventTableModel; what the API can filter (time range, scope)
// goes into the request, everything else filters the loaded rows at once.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    // None owned; all must outlive the window.
    MainWindow(
        EventApiClient *client, EventTableModel *model, ViewerSettings *settings, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Uses this URL and token (kept in memory only) and names the account in the title.
    void setConnection(const QUrl &baseUrl, const QString &token, const QString &accountLabel);
    // First start: the token from the environment, else from the keychain, else the connect dialog.
    void connectOnStartup(const QString &environmentToken);
    void showConnectDialog(const QString &note = {});

    void refresh(); // F5: read again with the current query (keeps what is loaded)
    void reload(); // a new query: forget what is loaded and read
    void stop();

    // The request the filters make right now.
    [[nodiscard]] EventQuery currentQuery() const;
    [[nodiscard]] std::optional<EventScope> currentScope() const;
    [[nodiscard]] EventFilter currentFilter() const;

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
    [[nodiscard]] QString statusText() const; // "N events loaded, M shown"
    [[nodiscard]] QString emptyStateText() const; // the overlay's text; empty when hidden

Q_SIGNALS:
    void fetchFinished(const ApiError &error);
    void exportFinished(const CsvExportRunner::Result &result);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void setupTable();
    void setupActions();
    void restoreState();
    void saveState();

    void startFetch();
    void onEventsReceived(const EventBatch &events);
    void onProgress(const FetchProgress &progress);
    void onFetchFinished(const ApiError &error);
    void onCurrentRowChanged(const QModelIndex &current);
    void applyLocalFilter();
    void onQueryChanged();
    void pin(EventDetailPane::Pin pin, qint64 id, const QString &label);
    void clearPin();
    void clearAllFilters();
    void setTimeDisplay(int display);
    void updateCounts();
    void updateEmptyState();
    void updateTitle();
    void rememberScrollAnchor();
    void restoreScrollAnchor();
    void showHeaderMenu(const QPoint &pos);
    void rebuildColumnsMenu();
    void exportInteractively(bool selectedOnly);
    void onExportFinished(const CsvExportRunner::Result &result);
    void onEmptyStateLink(const QString &link);
    void rememberToken(const QUrl &url, const QString &token);
    [[nodiscard]] std::vector<qsizetype> selectedStoreRows() const;
    [[nodiscard]] static QString describe(const ApiError &error);

    std::unique_ptr<Ui::MainWindow> m_ui;
    EventApiClient *m_client;
    EventTableModel *m_model;
    ViewerSettings *m_settings;
    KeychainTokenStore *m_tokens;
    CsvExportRunner *m_exporter;
    EmptyStateOverlay *m_emptyState;
    QLabel *m_countLabel;
    QLabel *m_filterLabel;
    QLabel *m_progressLabel;
    QProgressBar *m_progressBar;
    QPointer<QProgressDialog> m_exportProgress;
    QPointer<ConnectDialog> m_connectDialog;
    QTimer m_countsTimer; // throttles category counts and status updates while pages arrive
    QTimer m_clockTimer; // refreshes relative times

    QString m_accountLabel;
    bool m_connected = false;
    bool m_fetching = false;
    bool m_fetchedOnce = false;
    ApiError m_lastError;
    FetchProgress m_lastProgress; // of the running/last fetch
    std::pair<qint64, qint64> m_interval { 0, 0 }; // [from, until) of the running/last fetch, ms UTC
    // The pin from a detail pane link: only events of one organisation/device/SIM/IMSI/user/order.
    std::optional<std::pair<EventDetailPane::Pin, qint64>> m_pin;
    QString m_pinLabel;
    // Keeps the rows in view still while pages insert rows above them.
    QPersistentModelIndex m_scrollAnchor;
    int m_scrollAnchorOffset = -1; // rows between the top of the view and the anchor; -1: none
};
