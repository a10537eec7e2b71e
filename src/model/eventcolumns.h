// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

class EventStore;

// The columns an event shows in the table and in exports, and their text. One place, so that the
// table, the CSV export of the window and the command line's CSV all agree.
class EventColumns final
{
public:
    enum Column {
        Time,
        Severity,
        Category,
        EventType,
        Description,
        Organisation,
        Device,
        Iccid,
        Imsi,
        Source,
        PerformedBy,
        Id,
        // Not in the table by default; available to exports and --columns.
        Alert,
        TypeId,
        OrganisationId,
        DeviceId,
        IpAddress,
        Imei,
        Tags,
        UserId,
        UserName,
        UserEmail,
        Payload, // the detail JSON
        ColumnCount
    };

    [[nodiscard]] static QString title(Column column); // translated header text
    [[nodiscard]] static QString key(Column column); // stable machine name: "time", "event_type", ...
    [[nodiscard]] static Column fromKey(QStringView key); // ColumnCount when unknown
    [[nodiscard]] static QList<Column> tableColumns(); // Time .. Id
    // Time as ISO 8601 UTC with milliseconds (2021-10-27T08:38:02.000Z): the wire form and the
    // form exports use.
    [[nodiscard]] static QByteArray isoTime(qint64 msSinceEpoch);
    static void appendIsoTime(QByteArray *out, qint64 msSinceEpoch);
    // The export/clipboard text of a cell as UTF-8 (Time in ISO 8601 UTC).
    static void appendText(const EventStore &store, qsizetype row, Column column, QByteArray *out);
    [[nodiscard]] static QString text(const EventStore &store, qsizetype row, Column column);
};
