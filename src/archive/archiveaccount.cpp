// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "archive/archiveaccount.h"

#include <QStandardPaths>

namespace {

QString fileNameSafe(QString text)
{
    for (QChar &c : text) {
        const bool safe = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9')
            || c == u'.' || c == u'_';
        if (!safe)
            c = u'_';
    }
    return text;
}

} // namespace

QString ArchiveAccount::key() const
{
    QString host = apiUrl.host().toLower();
    if (host.isEmpty())
        host = QStringLiteral("local");
    QString result = fileNameSafe(host);
    if (apiUrl.port() > 0)
        result += u'-' + QString::number(apiUrl.port());
    result += u'-' + fileNameSafe(organisation.isEmpty() ? QStringLiteral("unknown") : organisation);
    return result;
}

QString ArchiveAccount::defaultFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/archives");
}

QString ArchiveAccount::defaultPath() const
{
    return defaultFolder() + u'/' + key() + QStringLiteral(".sqlite");
}

bool ArchiveAccount::isSameAccount(const ArchiveAccount &other) const
{
    auto origin = [](const QUrl &url) {
        return url.adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::RemoveUserInfo
            | QUrl::StripTrailingSlash).toString().toLower();
    };
    return origin(apiUrl) == origin(other.apiUrl) && organisation == other.organisation;
}
