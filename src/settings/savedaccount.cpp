// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "settings/savedaccount.h"

#include <QUuid>

#include <algorithm>

QString SavedAccount::newId()
{
    return QStringLiteral("account-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
}

bool SavedAccount::sameApi(const QUrl &a, const QUrl &b)
{
    const auto path = [](const QUrl &url) {
        QString text = url.path();
        while (text.endsWith(QLatin1Char('/')))
            text.chop(1);
        return text;
    };
    return a.scheme().compare(b.scheme(), Qt::CaseInsensitive) == 0
        && a.host().compare(b.host(), Qt::CaseInsensitive) == 0 && a.port(-1) == b.port(-1) && path(a) == path(b);
}

namespace SavedAccounts {

namespace {

template <typename Predicate>
const SavedAccount *findIf(const QList<SavedAccount> &accounts, Predicate predicate)
{
    const auto it = std::find_if(accounts.cbegin(), accounts.cend(), predicate);
    return it == accounts.cend() ? nullptr : &*it;
}

} // namespace

const SavedAccount *findId(const QList<SavedAccount> &accounts, const QString &id)
{
    return findIf(accounts, [&](const SavedAccount &a) { return a.id == id; });
}

const SavedAccount *findName(const QList<SavedAccount> &accounts, const QString &name)
{
    const QString wanted = name.trimmed();
    return findIf(
        accounts, [&](const SavedAccount &a) { return a.name.compare(wanted, Qt::CaseInsensitive) == 0; });
}

const SavedAccount *findUrl(const QList<SavedAccount> &accounts, const QUrl &url)
{
    return findIf(accounts, [&](const SavedAccount &a) { return SavedAccount::sameApi(a.apiUrl, url); });
}

QString uniqueName(const QList<SavedAccount> &accounts, const QString &base)
{
    const QString trimmed = base.trimmed();
    QString name = trimmed;
    for (int n = 2; findName(accounts, name); ++n)
        name = QStringLiteral("%1 (%2)").arg(trimmed).arg(n);
    return name;
}

void put(QList<SavedAccount> &accounts, const SavedAccount &account)
{
    const auto it = std::find_if(
        accounts.begin(), accounts.end(), [&](const SavedAccount &a) { return a.id == account.id; });
    if (it == accounts.end())
        accounts.append(account);
    else
        *it = account;
}

bool rename(QList<SavedAccount> &accounts, const QString &id, const QString &name)
{
    const QString trimmed = name.trimmed();
    const SavedAccount *holder = findName(accounts, trimmed);
    if (trimmed.isEmpty() || (holder && holder->id != id))
        return false;
    for (SavedAccount &account : accounts) {
        if (account.id == id) {
            account.name = trimmed;
            return true;
        }
    }
    return false;
}

bool remove(QList<SavedAccount> &accounts, const QString &id)
{
    return accounts.removeIf([&](const SavedAccount &a) { return a.id == id; }) > 0;
}

} // namespace SavedAccounts
