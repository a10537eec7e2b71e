// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "widgets/connectionflow.h"

#include "keychain/tokenstore.h"
#include "settings/viewersettings.h"
#include "widgets/connectdialog.h"

ConnectionFlow::ConnectionFlow(TokenStore *tokens, ViewerSettings *settings, QWidget *dialogParent)
    : QObject(dialogParent)
    , m_tokens(tokens)
    , m_settings(settings)
    , m_dialogParent(dialogParent)
{
}

ConnectionFlow::~ConnectionFlow() = default;

void ConnectionFlow::start(const QString &environmentToken)
{
    const QUrl url = m_settings->apiUrl();
    if (!environmentToken.isEmpty()) {
        Q_EMIT connectionChosen(url, environmentToken, url.host());
        Q_EMIT statusMessage(tr("Using the application token from EMNIFY_APPLICATION_TOKEN."), 5000);
        return;
    }
    if (!m_settings->rememberToken()) {
        showDialog();
        return;
    }
    Q_EMIT statusMessage(tr("Reading the token from the keychain…"), 0);
    m_tokens->read(url.host(), [this, url](const TokenStore::Result &result) {
        Q_EMIT statusMessage({}, 0);
        if (result.status == TokenStore::Status::Ok && !result.token.isEmpty()) {
            Q_EMIT connectionChosen(url, result.token, url.host());
            return;
        }
        if (result.status == TokenStore::Status::NotFound)
            showDialog(tr("No token for %1 is stored in the keychain.").arg(url.host()));
        else
            showDialog(tr("The keychain could not be read (%1). Enter the token; it is kept for this session "
                          "only unless it can be stored.")
                           .arg(result.error));
    });
}

void ConnectionFlow::showDialog(const QString &note)
{
    if (m_dialog) {
        m_dialog->raise();
        return;
    }
    auto *dialog = new ConnectDialog(m_dialogParent);
    m_dialog = dialog;
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setApiUrl(m_settings->apiUrl());
    dialog->setRemember(m_settings->rememberToken());
    dialog->setNote(note);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const QUrl url = dialog->apiUrl();
        const QString token = dialog->token();
        m_settings->setApiUrl(url);
        m_settings->setRememberToken(dialog->remember());
        Q_EMIT connectionChosen(url, token, url.host());
        if (dialog->remember())
            remember(url, token);
    });
    dialog->open();
    // Find out early whether a keychain exists, so the dialog can say so before the user relies on it.
    m_tokens->read(m_settings->apiUrl().host(), [this](const TokenStore::Result &result) {
        if (!m_dialog || result.status == TokenStore::Status::Ok || result.status == TokenStore::Status::NotFound)
            return;
        m_dialog->setKeychainAvailable(false);
        m_dialog->setNote(tr("No usable system keychain (%1). The token is kept for this session only and "
                             "asked for again at the next start.")
                              .arg(result.error));
        Q_EMIT statusMessage(tr("No system keychain: the token is kept for this session only."), 0);
    });
}

void ConnectionFlow::remember(const QUrl &url, const QString &token)
{
    m_tokens->write(url.host(), token, [this](const TokenStore::Result &result) {
        if (result.status == TokenStore::Status::Ok) {
            Q_EMIT statusMessage(tr("The token is stored in the system keychain."), 5000);
            return;
        }
        m_settings->setRememberToken(false);
        Q_EMIT warning(tr("The token could not be stored in the system keychain (%1). It is kept for "
                          "this session only.")
                           .arg(result.error));
    });
}
