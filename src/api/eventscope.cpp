// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "api/eventscope.h"

namespace {

QString kindKey(EventScope::Kind kind)
{
    switch (kind) {
    case EventScope::Kind::Account:
        return QStringLiteral("account");
    case EventScope::Kind::Endpoint:
        return QStringLiteral("endpoint");
    case EventScope::Kind::Sim:
        return QStringLiteral("sim");
    case EventScope::Kind::User:
        return QStringLiteral("user");
    case EventScope::Kind::Organisation:
        return QStringLiteral("organisation");
    }
    return QString();
}

bool isNumeric(const QString &text)
{
    if (text.isEmpty() || text.size() > 18)
        return false;
    for (const QChar c : text) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return false;
    }
    return true;
}

} // namespace

QString EventScope::path() const
{
    if (kind == Kind::Account)
        return QStringLiteral("/api/v1/event");
    return QStringLiteral("/api/v1/%1/%2/event").arg(kindKey(kind), id);
}

QString EventScope::validate() const
{
    if (kind == Kind::Account)
        return id.isEmpty() ? QString() : QStringLiteral("the account scope takes no id");
    if (isNumeric(id) || (kind == Kind::User && id == QLatin1String("my")))
        return QString();
    return QStringLiteral("%1 id must be a number%2, not \"%3\"")
        .arg(kindKey(kind), kind == Kind::User ? QStringLiteral(" or \"my\"") : QString(), id);
}

std::optional<EventScope> EventScope::fromString(QStringView text)
{
    const QStringView trimmed = text.trimmed();
    if (trimmed.compare(QLatin1String("account"), Qt::CaseInsensitive) == 0)
        return EventScope {};
    const qsizetype colon = trimmed.indexOf(QLatin1Char(':'));
    if (colon < 0)
        return std::nullopt;
    const QStringView key = trimmed.left(colon);
    EventScope scope;
    for (const Kind kind : { Kind::Endpoint, Kind::Sim, Kind::User, Kind::Organisation }) {
        if (key.compare(kindKey(kind), Qt::CaseInsensitive) == 0)
            scope.kind = kind;
    }
    if (key.compare(QLatin1String("organization"), Qt::CaseInsensitive) == 0)
        scope.kind = Kind::Organisation;
    if (scope.kind == Kind::Account)
        return std::nullopt;
    scope.id = trimmed.mid(colon + 1).toString();
    if (!scope.validate().isEmpty())
        return std::nullopt;
    return scope;
}

QString EventScope::toString() const
{
    return kind == Kind::Account ? kindKey(kind) : kindKey(kind) + QLatin1Char(':') + id;
}
