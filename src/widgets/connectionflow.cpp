// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "widgets/connectionflow.h"

#include "api/eventapiclient.h"
#include "keychain/tokenstore.h"
#include "settings/viewersettings.h"
#include "widgets/apierrortext.h"
#include "widgets/connectdialog.h"

namespace {

QString hostName(const QUrl &url)
{
    return url.port() > 0 ? QStringLiteral("%1:%2").arg(url.host()).arg(url.port()) : url.host();
}

} // namespace

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
    const QList<SavedAccount> saved = m_settings->accounts();
    const SavedAccount *account = SavedAccounts::findId(saved, m_settings->lastAccountId());
    if (!account && !saved.isEmpty())
        account = &saved.first();
    if (account) {
        connectAccount(*account, environmentToken);
        return;
    }
    const SavedAccount fresh = newAccount(ViewerSettings::defaultApiUrl());
    if (environmentToken.isEmpty())
        openDialog(fresh, true, {});
    else
        connectAccount(fresh, environmentToken);
}

void ConnectionFlow::startWithUrl(const QUrl &url, const QString &environmentToken)
{
    const ApiError error = EventApiClient::checkBaseUrl(url);
    if (error.isError()) {
        Q_EMIT failed(ApiErrorText::describe(error));
        return;
    }
    const QList<SavedAccount> saved = m_settings->accounts();
    if (const SavedAccount *account = SavedAccounts::findUrl(saved, url)) {
        connectAccount(*account, environmentToken);
        return;
    }
    const SavedAccount fresh = newAccount(url);
    if (environmentToken.isEmpty())
        openDialog(fresh, true, tr("No account for %1 is saved yet.").arg(hostName(url)));
    else
        connectAccount(fresh, environmentToken);
}

void ConnectionFlow::startWithAccount(const QString &name, const QString &environmentToken)
{
    const QList<SavedAccount> saved = m_settings->accounts();
    if (const SavedAccount *account = SavedAccounts::findName(saved, name)) {
        connectAccount(*account, environmentToken);
        return;
    }
    QStringList names;
    for (const SavedAccount &account : saved)
        names << account.name;
    Q_EMIT failed(names.isEmpty() ? tr("No account is named “%1”: no account is saved yet.").arg(name)
                                  : tr("No account is named “%1”. Saved accounts: %2.")
                                        .arg(name, names.join(QStringLiteral(", "))));
}

void ConnectionFlow::switchTo(const QString &accountId)
{
    const QList<SavedAccount> all = accounts();
    if (const SavedAccount *account = SavedAccounts::findId(all, accountId))
        connectAccount(*account, {});
}

void ConnectionFlow::showDialog(const QString &note)
{
    if (const std::optional<SavedAccount> account = currentAccount())
        openDialog(*account, false, note);
    else
        openDialog(newAccount(ViewerSettings::defaultApiUrl()), true, note);
}

void ConnectionFlow::addAccount() { openDialog(newAccount(ViewerSettings::defaultApiUrl()), true, {}); }

void ConnectionFlow::addTransient(const SavedAccount &account, const QString &token)
{
    SavedAccounts::put(m_transient, account);
    m_sessionTokens.insert(account.id, token);
    Q_EMIT accountsChanged();
}

QList<SavedAccount> ConnectionFlow::accounts() const { return m_settings->accounts() + m_transient; }

std::optional<SavedAccount> ConnectionFlow::currentAccount() const
{
    const QList<SavedAccount> all = accounts();
    if (const SavedAccount *account = SavedAccounts::findId(all, m_currentId))
        return *account;
    return std::nullopt;
}

void ConnectionFlow::setOrganisation(const QString &organisation)
{
    std::optional<SavedAccount> account = currentAccount();
    // An account of this run keeps the organisation it was given ("demo" for the demo).
    if (!account || organisation.isEmpty() || account->organisation == organisation
        || SavedAccounts::findId(m_transient, account->id))
        return;
    account->organisation = organisation;
    save(*account);
    Q_EMIT accountsChanged();
}

bool ConnectionFlow::renameAccount(const QString &accountId, const QString &name)
{
    QList<SavedAccount> saved = m_settings->accounts();
    if (SavedAccounts::findName(m_transient, name) || !SavedAccounts::rename(saved, accountId, name))
        return false;
    m_settings->setAccounts(saved);
    Q_EMIT accountsChanged();
    return true;
}

bool ConnectionFlow::removeAccount(const QString &accountId)
{
    QList<SavedAccount> saved = m_settings->accounts();
    if (accountId == m_currentId || !SavedAccounts::remove(saved, accountId))
        return false;
    m_settings->setAccounts(saved);
    m_sessionTokens.remove(accountId);
    m_tokens->remove(accountId, [](const TokenStore::Result &) {}); // nothing to do if it was not there
    Q_EMIT accountsChanged();
    return true;
}

void ConnectionFlow::connectAccount(const SavedAccount &account, const QString &environmentToken)
{
    if (!environmentToken.isEmpty()) {
        choose(account, environmentToken);
        Q_EMIT statusMessage(tr("Using the application token from EMNIFY_APPLICATION_TOKEN."), 5000);
        return;
    }
    if (const QString token = m_sessionTokens.value(account.id); !token.isEmpty()) {
        choose(account, token);
        return;
    }
    if (!account.rememberToken) {
        openDialog(account, false, {});
        return;
    }
    Q_EMIT statusMessage(tr("Reading the token from the keychain…"), 0);
    m_tokens->read(account.id, [this, account](const TokenStore::Result &result) {
        Q_EMIT statusMessage({}, 0);
        if (result.status == TokenStore::Status::Ok && !result.token.isEmpty()) {
            choose(account, result.token);
            return;
        }
        if (result.status == TokenStore::Status::NotFound)
            openDialog(account, false, tr("No token for %1 is stored in the keychain.").arg(account.name));
        else
            openDialog(account, false,
                tr("The keychain could not be read (%1). Enter the token; it is kept for this session "
                   "only unless it can be stored.")
                    .arg(result.error));
    });
}

void ConnectionFlow::openDialog(const SavedAccount &account, bool isNew, const QString &note)
{
    if (m_dialog) {
        m_dialog->raise();
        return;
    }
    auto *dialog = new ConnectDialog(m_dialogParent);
    m_dialog = dialog;
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAccountName(account.name);
    QStringList taken;
    for (const SavedAccount &other : accounts()) {
        if (other.id != account.id)
            taken << other.name;
    }
    dialog->setTakenNames(taken);
    dialog->setApiUrl(account.apiUrl);
    dialog->setRemember(isNew || account.rememberToken);
    dialog->setNote(note);
    connect(dialog, &QDialog::accepted, this, [this, dialog, account] {
        SavedAccount chosen = account;
        if (!SavedAccount::sameApi(chosen.apiUrl, dialog->apiUrl()))
            chosen.organisation.clear(); // another API: the organisation is learnt again
        chosen.apiUrl = dialog->apiUrl();
        chosen.name = dialog->accountName();
        chosen.rememberToken = dialog->remember();
        const QString token = dialog->token();
        choose(chosen, token);
        if (chosen.rememberToken)
            remember(chosen, token);
        else if (account.rememberToken)
            m_tokens->remove(chosen.id, [](const TokenStore::Result &) {});
    });
    dialog->open();
    // Find out early whether a keychain exists, so the dialog can say so before the user relies on
    // it. Said here once, in the dialog, never in the status bar (where it would hide the counts).
    m_tokens->read(account.id, [this](const TokenStore::Result &result) {
        if (!m_dialog || result.status == TokenStore::Status::Ok
            || result.status == TokenStore::Status::NotFound)
            return;
        m_dialog->setKeychainAvailable(false);
        m_dialog->setNote(tr("No usable system keychain (%1). The token is kept for this session only and "
                             "asked for again at the next start.")
                              .arg(result.error));
    });
}

void ConnectionFlow::choose(const SavedAccount &account, const QString &token)
{
    m_currentId = account.id;
    m_sessionTokens.insert(account.id, token);
    if (!SavedAccounts::findId(m_transient, account.id)) {
        save(account);
        m_settings->setLastAccountId(account.id);
    }
    Q_EMIT accountsChanged();
    Q_EMIT connectionChosen(account, token);
}

void ConnectionFlow::save(const SavedAccount &account)
{
    if (SavedAccounts::findId(m_transient, account.id)) {
        SavedAccounts::put(m_transient, account);
        return;
    }
    QList<SavedAccount> saved = m_settings->accounts();
    SavedAccounts::put(saved, account);
    m_settings->setAccounts(saved);
}

void ConnectionFlow::remember(const SavedAccount &account, const QString &token)
{
    const QString id = account.id;
    m_tokens->write(id, token, [this, id](const TokenStore::Result &result) {
        if (result.status == TokenStore::Status::Ok) {
            Q_EMIT statusMessage(tr("The token is stored in the system keychain."), 5000);
            return;
        }
        QList<SavedAccount> saved = m_settings->accounts();
        if (const SavedAccount *stored = SavedAccounts::findId(saved, id)) {
            SavedAccount changed = *stored;
            changed.rememberToken = false;
            SavedAccounts::put(saved, changed);
            m_settings->setAccounts(saved);
        }
        Q_EMIT warning(tr("The token could not be stored in the system keychain (%1). It is kept for "
                          "this session only.")
                           .arg(result.error));
    });
}

SavedAccount ConnectionFlow::newAccount(const QUrl &url) const
{
    return { SavedAccount::newId(), SavedAccounts::uniqueName(accounts(), hostName(url)), url, {}, false };
}
