// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "settings/savedaccount.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

#include <optional>

class ConnectDialog;
class TokenStore;
class ViewerSettings;
class QWidget;

// How the viewer gets to an account: which of the saved accounts (the last used, one named on the
// command line, one picked from the File menu, a new one), and its token: from the environment,
// else from this run's memory, else from the token store (the OS keychain, one entry per account),
// else from the connect dialog; and keeping it in the store when asked to. Says what it decided
// through signals; the window connects and shows the messages.
class ConnectionFlow final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionFlow)

public:
    // None owned; all must outlive the flow. dialogParent: where the connect dialog opens.
    ConnectionFlow(TokenStore *tokens, ViewerSettings *settings, QWidget *dialogParent);
    ~ConnectionFlow() override;

    // First start: the last used account (the token from the environment, else the store, else
    // the dialog); without any saved account the dialog for a new one.
    void start(const QString &environmentToken);
    // --url: the saved account of that API, else a new one (named after the host). A URL the
    // client refuses is reported through failed(), never silently dropped.
    void startWithUrl(const QUrl &url, const QString &environmentToken);
    // --account: the saved account of that name (case-insensitive), else failed().
    void startWithAccount(const QString &name, const QString &environmentToken);
    // The File menu's switcher: a saved account or one of this run (addTransient).
    void switchTo(const QString &accountId);
    // The dialog for the current account (to enter its token again), else for a new one.
    void showDialog(const QString &note = {});
    void addAccount();
    // An account of this run only (the demo): listed and switchable, never saved.
    void addTransient(const SavedAccount &account, const QString &token);
    // The current account's organisation once its token authenticated (the JWT's esc.org).
    void setOrganisation(const QString &organisation);

    // Saved accounts plus this run's, in menu order.
    [[nodiscard]] QList<SavedAccount> accounts() const;
    [[nodiscard]] std::optional<SavedAccount> currentAccount() const;
    [[nodiscard]] QString currentAccountId() const { return m_currentId; }
    // Manage accounts: false when the name is empty or taken. Removing forgets the keychain
    // entry too; the current account cannot be removed.
    bool renameAccount(const QString &accountId, const QString &name);
    bool removeAccount(const QString &accountId);

Q_SIGNALS:
    void connectionChosen(const SavedAccount &account, const QString &token);
    void accountsChanged(); // added, renamed, removed, organisation learnt
    void statusMessage(const QString &text, int timeoutMs); // 0: until replaced
    void warning(const QString &text); // for the banner
    void failed(const QString &text); // for the banner: the account could not even be tried

private:
    void connectAccount(const SavedAccount &account, const QString &environmentToken);
    void openDialog(const SavedAccount &account, bool isNew, const QString &note);
    void choose(const SavedAccount &account, const QString &token);
    void save(const SavedAccount &account);
    void remember(const SavedAccount &account, const QString &token);
    [[nodiscard]] SavedAccount newAccount(const QUrl &url) const;

    TokenStore *m_tokens;
    ViewerSettings *m_settings;
    QWidget *m_dialogParent;
    QPointer<ConnectDialog> m_dialog;
    QString m_currentId;
    QList<SavedAccount> m_transient;
    QHash<QString, QString> m_sessionTokens; // account id -> token, this run only
};
