// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

// One event as a value: what the parser produces and what the store hands back for a single row.
// The store itself keeps events column-wise (see EventStore); this type is for one event at a time.

struct EventRef final
{
    qint64 id = -1;
    QString name;
    friend bool operator==(const EventRef &, const EventRef &) = default;
};

struct EventUser final
{
    qint64 id = -1; // -1: the payload had no id
    QString name;
    QString username; // the login e-mail
    friend bool operator==(const EventUser &, const EventUser &) = default;
};

struct EventEndpoint final
{
    qint64 id = -1;
    QString name;
    QString ipAddress;
    QString imei;
    QString tags;
    friend bool operator==(const EventEndpoint &, const EventEndpoint &) = default;
};

struct EventSim final
{
    qint64 id = -1;
    QString iccid;
    QString productionDate;
    friend bool operator==(const EventSim &, const EventSim &) = default;
};

struct EventImsi final
{
    qint64 id = -1;
    QString imsi;
    QString importDate;
    friend bool operator==(const EventImsi &, const EventImsi &) = default;
};

struct Event final
{
    qint64 id = 0;
    qint64 timestampMs = 0; // milliseconds since the epoch, UTC
    bool alert = false;
    QString description;
    EventRef type;
    EventRef source;
    EventRef severity;
    EventRef organisation;
    std::optional<EventUser> user;
    std::optional<EventEndpoint> endpoint;
    std::optional<EventSim> sim;
    std::optional<EventImsi> imsi;
    // The type-specific `detail` payload as compact JSON text, byte for byte what the parser
    // serialised; empty when the key was absent, "null" when it was null.
    QByteArray detailJson;
    // Top-level keys the wire format does not define (such as "keen"), as one compact JSON object;
    // empty when there were none. Kept so that nothing the API sent is lost.
    QByteArray extraJson;

    friend bool operator==(const Event &, const Event &) = default;
};
