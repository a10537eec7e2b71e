// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <cstdint>
#include <optional>
#include <vector>

class EventStore;

// The simulator's reading of an event list request: the scope (a path like
// /api/v1/endpoint/{id}/event), the `q` filter and the `sort` order, applied to an EventStore.
// Semantics where the docs leave them open: text filters (description, organisation and user names,
// endpoint, tags) match case-insensitive substrings; ip_address, imei, imsi match exactly; iccid
// is a prefix match up to 19 characters, exact beyond; type/source/severity take ids or names;
// from/until are inclusive; '|' separates up to 6 alternative values of one field.
class SimEventQuery final
{
public:
    enum class Scope { All, Endpoint, Sim, User, Organisation, Imsi };
    struct Error
    {
        int status = 400;
        int code = 1000;
        QByteArray token;
        QString message;
    };

    // Returns an error for an unknown sort field (400) or a bad q (422).
    [[nodiscard]] std::optional<Error> parse(const QString &sort, const QString &q);
    void setScope(Scope scope, qint64 id);

    // Matching rows of the store, in the requested order (ties by id ascending).
    [[nodiscard]] std::vector<uint32_t> run(const EventStore &store) const;

private:
    enum class Field {
        Id,
        Timestamp,
        Source,
        Severity,
        Alert,
        Organisation,
        User,
        Endpoint,
        Tags,
        IpAddress,
        Iccid,
        Imsi,
        Type,
        Description,
        Imei,
        From,
        Until,
        Day,
    };
    struct SortKey
    {
        Field field;
        bool descending = false;
    };
    struct Condition
    {
        Field field;
        QStringList values; // alternatives
        qint64 from = 0, until = 0; // for time conditions, ms
    };

    std::optional<Error> parseCondition(const QString &field, const QString &value);

    Scope m_scope = Scope::All;
    qint64 m_scopeId = 0;
    QList<SortKey> m_sort;
    QList<Condition> m_conditions;
};
