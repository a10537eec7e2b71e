// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QUrl>

// An account whose events are archived: the API URL and the organisation the token belongs to
// (the JWT's esc.org claim; "demo" for the viewer's --demo account).
struct ArchiveAccount final
{
    QUrl apiUrl;
    QString organisation;
    QString label; // for people (the organisation's name); not part of the identity

    // Stable and safe as a file name: host[-port]-organisation, other characters as '_'.
    [[nodiscard]] QString key() const;
    [[nodiscard]] static QString defaultFolder(); // QStandardPaths::AppDataLocation + "/archives"
    [[nodiscard]] QString defaultPath() const; // defaultFolder() + "/" + key() + ".sqlite"
    // The same account: URL (scheme, host, port) and organisation.
    [[nodiscard]] bool isSameAccount(const ArchiveAccount &other) const;
};
