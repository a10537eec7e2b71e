// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

class ConnectDialog;
class TokenStore;
class ViewerSettings;
class QWidget;

// How the viewer gets to an account: the token from the environment, else from the token store
// (the OS keychain), else from the connect dialog; and keeping it in the store when asked to.
// Says what it decided through signals; the window connects and shows the messages.
class ConnectionFlow final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionFlow)

public:
    // None owned; all must outlive the flow. dialogParent: where the connect dialog opens.
    ConnectionFlow(TokenStore *tokens, ViewerSettings *settings, QWidget *dialogParent);
    ~ConnectionFlow() override;

    // First start: the token from the environment, else from the store, else the dialog.
    void start(const QString &environmentToken);
    void showDialog(const QString &note = {});

Q_SIGNALS:
    void connectionChosen(const QUrl &baseUrl, const QString &token, const QString &accountLabel);
    void statusMessage(const QString &text, int timeoutMs); // 0: until replaced
    void warning(const QString &text); // for the banner

private:
    void remember(const QUrl &url, const QString &token);

    TokenStore *m_tokens;
    ViewerSettings *m_settings;
    QWidget *m_dialogParent;
    QPointer<ConnectDialog> m_dialog;
};
