// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QString>
#include <QUrl>

// A connection the user named: where (API URL), what to call it, whose events (the organisation of
// its token, known after the first authentication) and whether its token is in the keychain. The
// token itself is never here: it lives in the keychain under id, or in memory for this run.
struct SavedAccount final
{
    QString id; // the keychain entry's key; stable across renames
    QString name; // unique among the saved accounts (--account NAME finds it)
    QUrl apiUrl;
    QString organisation; // the JWT's esc.org; empty until the first authentication
    bool rememberToken = false;

    friend bool operator==(const SavedAccount &, const SavedAccount &) = default;

    [[nodiscard]] static QString newId(); // a fresh keychain key
    // The same API: scheme, host and port compared, a trailing slash ignored.
    [[nodiscard]] static bool sameApi(const QUrl &a, const QUrl &b);
};

// Finding, naming and changing accounts in a list as ViewerSettings keeps it.
namespace SavedAccounts {
[[nodiscard]] const SavedAccount *findId(const QList<SavedAccount> &accounts, const QString &id);
[[nodiscard]] const SavedAccount *findName(const QList<SavedAccount> &accounts, const QString &name);
[[nodiscard]] const SavedAccount *findUrl(const QList<SavedAccount> &accounts, const QUrl &url);
// base itself when free, else "base (2)", "base (3)", …
[[nodiscard]] QString uniqueName(const QList<SavedAccount> &accounts, const QString &base);
// Replaces the account with the same id, or appends it.
void put(QList<SavedAccount> &accounts, const SavedAccount &account);
// False when the name is empty or another account has it.
bool rename(QList<SavedAccount> &accounts, const QString &id, const QString &name);
bool remove(QList<SavedAccount> &accounts, const QString &id);
} // namespace SavedAccounts
