// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

#include <optional>

// Which event list to read: all events of the account, or the list of one endpoint, SIM, user
// or (MNO/reseller API only) organisation.
struct EventScope final
{
    enum class Kind { Account, Endpoint, Sim, User, Organisation };

    Kind kind = Kind::Account;
    QString id; // numeric id; for User also "my" (the caller's own events). Empty for Account.

    [[nodiscard]] static EventScope account() { return {}; }
    [[nodiscard]] static EventScope endpoint(qint64 id) { return { Kind::Endpoint, QString::number(id) }; }
    [[nodiscard]] static EventScope sim(qint64 id) { return { Kind::Sim, QString::number(id) }; }
    [[nodiscard]] static EventScope user(qint64 id) { return { Kind::User, QString::number(id) }; }
    [[nodiscard]] static EventScope organisation(qint64 id)
    {
        return { Kind::Organisation, QString::number(id) };
    }

    // "/api/v1/event", "/api/v1/endpoint/42/event", "/api/v1/user/my/event", ...
    [[nodiscard]] QString path() const;
    // Empty when valid, else why not (a non-numeric id gives HTTP 400 on the server anyway).
    [[nodiscard]] QString validate() const;
    // "account", "endpoint:42", "sim:7", "user:my", "organisation:3" (the --scope syntax).
    [[nodiscard]] static std::optional<EventScope> fromString(QStringView text);
    [[nodiscard]] QString toString() const;

    friend bool operator==(const EventScope &, const EventScope &) = default;
};
