// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "model/eventtext.h"

#include <QCoreApplication>

QString EventText::performedBy(const std::optional<EventUser> &user)
{
    if (!user)
        return noUserExplanation();
    const QString name = user->name.trimmed();
    const QString username = user->username.trimmed();
    QString who;
    if (!name.isEmpty() && !username.isEmpty())
        who = name + QStringLiteral(", ") + username;
    else
        who = name.isEmpty() ? username : name;

    if (who.isEmpty()) {
        if (user->id < 0)
            return noUserExplanation();
        return QCoreApplication::translate("EventText", "Action performed by: user with ID %1.").arg(user->id);
    }
    // A name that already ends in a full stop ("Acme Inc.") must not get a second one.
    const QString sentence = who.endsWith(QLatin1Char('.')) ? who : who + QLatin1Char('.');
    if (user->id < 0)
        return QCoreApplication::translate("EventText", "Action performed by: %1").arg(sentence);
    return QCoreApplication::translate("EventText", "Action performed by: %1 (User ID: %2)").arg(sentence).arg(user->id);
}

QString EventText::userShort(const EventUser &user)
{
    const QString name = user.name.trimmed();
    const QString username = user.username.trimmed();
    if (!name.isEmpty() && !username.isEmpty())
        return name + QStringLiteral(" <") + username + QLatin1Char('>');
    if (!name.isEmpty() || !username.isEmpty())
        return name.isEmpty() ? username : name;
    return user.id >= 0 ? QCoreApplication::translate("EventText", "User %1").arg(user.id) : QString();
}

QString EventText::noUserExplanation()
{
    return QCoreApplication::translate("EventText",
        "No user is recorded for this event: it was performed by the platform itself or through an "
        "application token, and actions authenticated with application tokens carry no user details.");
}
