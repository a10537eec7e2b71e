// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "widgets/accountflow.h"

#include "api/eventapiclient.h"
#include "settings/viewersettings.h"
#include "widgets/accountarchive.h"
#include "widgets/accountsdialog.h"
#include "widgets/archivedialog.h"
#include "widgets/connectionflow.h"

#include <QActionGroup>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QMenu>

#include <algorithm>
#include <climits>

namespace {

ArchiveAccount archiveAccountOf(const SavedAccount &account)
{
    // The demo's simulator listens on another loopback port at every start: its archive is keyed
    // without the port, so that the second start finds the first one's rows.
    QUrl url = account.apiUrl;
    if (account.organisation == QLatin1String("demo"))
        url.setPort(-1);
    return { url, account.organisation, account.name };
}

} // namespace

AccountFlow::AccountFlow(ConnectionFlow *connection, EventApiClient *client, ViewerSettings *settings,
    QMenu *fileMenu, QAction *before, QWidget *window)
    : QObject(window)
    , m_connection(connection)
    , m_client(client)
    , m_settings(settings)
    , m_window(window)
    , m_archives(new AccountArchive(this))
{
    m_switchMenu = new QMenu(tr("S&witch account"), window);
    m_switchMenu->setObjectName(QStringLiteral("menuSwitchAccount"));
    m_addAction = new QAction(tr("&Add account…"), this);
    m_manageAction = new QAction(tr("&Manage accounts…"), this);
    m_archiveAction = new QAction(tr("A&rchive…"), this);
    fileMenu->insertMenu(before, m_switchMenu);
    fileMenu->insertAction(before, m_addAction);
    fileMenu->insertAction(before, m_manageAction);
    fileMenu->insertSeparator(before);
    fileMenu->insertAction(before, m_archiveAction);
    connect(m_addAction, &QAction::triggered, m_connection, &ConnectionFlow::addAccount);
    connect(m_manageAction, &QAction::triggered, this, &AccountFlow::showManageDialog);
    connect(m_archiveAction, &QAction::triggered, this, &AccountFlow::showArchiveDialog);

    connect(m_connection, &ConnectionFlow::accountsChanged, this, &AccountFlow::rebuildSwitchMenu);
    connect(m_connection, &ConnectionFlow::connectionChosen, this, &AccountFlow::openArchive);
    connect(m_client, &EventApiClient::authenticated, this, [this] {
        m_connection->setOrganisation(m_client->organisation());
        if (const std::optional<SavedAccount> account = m_connection->currentAccount())
            openArchive(*account); // the organisation names the file: it may only now be known
    });
    connect(m_archives, &AccountArchive::archiveChanged, this, &AccountFlow::archiveChanged);
    connect(m_archives, &AccountArchive::pruned, this,
        [this](const QString &, qsizetype removed, const QString &error) {
            if (!error.isEmpty())
                Q_EMIT message(tr("The archive could not be pruned: %1").arg(error), 8000);
            else if (removed > 0)
                Q_EMIT message(tr("%n archived event(s) beyond the retention settings removed.", nullptr,
                                   int(std::min<qsizetype>(removed, INT_MAX))),
                    5000);
        });
    rebuildSwitchMenu();
}

AccountFlow::~AccountFlow() = default;

void AccountFlow::rebuildSwitchMenu()
{
    m_switchMenu->clear();
    auto *group = new QActionGroup(m_switchMenu);
    const QList<SavedAccount> accounts = m_connection->accounts();
    for (const SavedAccount &account : accounts) {
        QAction *action = m_switchMenu->addAction(account.name);
        action->setCheckable(true);
        action->setChecked(account.id == m_connection->currentAccountId());
        action->setToolTip(account.apiUrl.toString());
        group->addAction(action);
        connect(action, &QAction::triggered, this, [this, id = account.id] {
            if (id != m_connection->currentAccountId())
                m_connection->switchTo(id);
        });
    }
    if (accounts.isEmpty())
        m_switchMenu->addAction(tr("No saved accounts"))->setEnabled(false);
    m_manageAction->setEnabled(!accounts.isEmpty());
}

void AccountFlow::openArchive(const SavedAccount &account)
{
    if (account.organisation.isEmpty()) {
        m_archives->close(); // opened once the token authenticated and named its organisation
        return;
    }
    const ArchiveAccount archiveAccount = archiveAccountOf(account);
    if (m_archives->archive() && m_archives->account()->key() == archiveAccount.key())
        return;
    QString error;
    if (!m_archives->open(archiveAccount, &error)) {
        Q_EMIT message(tr("The archive of %1 could not be opened: %2").arg(account.name, error), 8000);
        return;
    }
    pruneCurrent();
}

void AccountFlow::pruneCurrent()
{
    if (!m_archives->archive())
        return;
    m_archives->prune(m_archives->path(),
        AccountArchive::retentionCutoff(
            m_settings->archiveRetentionMonths(), QDateTime::currentMSecsSinceEpoch()),
        m_settings->archiveMaxBytes());
}

void AccountFlow::showArchiveDialog()
{
    if (m_archiveDialog) {
        m_archiveDialog->raise();
        return;
    }
    auto *dialog = new ArchiveDialog(m_archives, m_settings, m_window);
    m_archiveDialog = dialog;
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QList<ArchiveDialog::Row> rows;
    for (const SavedAccount &account : m_connection->accounts()) {
        const bool current = account.id == m_connection->currentAccountId();
        rows.append({ account.name,
            account.organisation.isEmpty() ? QString() : m_archives->pathOf(archiveAccountOf(account)),
            current });
    }
    // Archives of accounts removed since: listed so that they can still be forgotten.
    const QDir folder(m_archives->folder());
    for (const QString &file : folder.entryList({ QStringLiteral("*.sqlite") }, QDir::Files, QDir::Name)) {
        const QString path = folder.filePath(file);
        const bool listed = std::any_of(rows.cbegin(), rows.cend(),
            [&](const ArchiveDialog::Row &row) { return QFileInfo(row.path) == QFileInfo(path); });
        if (!listed)
            rows.append({ {}, path, false }); // named by the account the file says it holds
    }
    dialog->setRows(rows);
    connect(dialog, &ArchiveDialog::retentionChanged, this, &AccountFlow::pruneCurrent);
    dialog->open();
}

void AccountFlow::showManageDialog()
{
    auto *dialog = new AccountsDialog(m_connection, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}
