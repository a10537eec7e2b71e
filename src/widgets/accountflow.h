// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "settings/savedaccount.h"

#include <QObject>
#include <QPointer>

class AccountArchive;
class ArchiveDialog;
class ConnectionFlow;
class EventApiClient;
class EventArchive;
class ViewerSettings;
class QAction;
class QMenu;
class QWidget;

// The accounts in the File menu (Switch account, Add account…, Manage accounts…, Archive…) and
// what follows a switch besides the connection: the account's archive opens in place of the
// other's (and is pruned to the retention settings off the GUI thread), and the organisation its
// token authenticates for is remembered with the account (it names the archive file).
class AccountFlow final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AccountFlow)

public:
    // None owned; all must outlive the flow. The actions go into fileMenu before `before`.
    AccountFlow(ConnectionFlow *connection, EventApiClient *client, ViewerSettings *settings, QMenu *fileMenu,
        QAction *before, QWidget *window);
    ~AccountFlow() override;

    [[nodiscard]] AccountArchive *archives() const { return m_archives; }
    [[nodiscard]] QMenu *switchMenu() const { return m_switchMenu; }
    [[nodiscard]] QAction *archiveAction() const { return m_archiveAction; }
    [[nodiscard]] QAction *manageAction() const { return m_manageAction; }
    void showArchiveDialog();
    void showManageDialog();
    // Prunes the current account's archive to the retention settings (after it opened).
    void pruneCurrent();
    // The account's archive in place of the other's (on connectionChosen(), or before the account
    // can be connected at all: the demo's while its simulator is prepared).
    void openArchive(const SavedAccount &account);

Q_SIGNALS:
    void archiveChanged(EventArchive *archive); // the current account's; nullptr while none
    void message(const QString &text, int timeoutMs);

private:
    void rebuildSwitchMenu();

    ConnectionFlow *m_connection;
    EventApiClient *m_client;
    ViewerSettings *m_settings;
    QWidget *m_window;
    AccountArchive *m_archives;
    QMenu *m_switchMenu;
    QAction *m_addAction;
    QAction *m_manageAction;
    QAction *m_archiveAction;
    QPointer<ArchiveDialog> m_archiveDialog;
};
