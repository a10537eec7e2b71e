// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <array>
#include <cstdint>
#include <vector>

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
        Payload, // the detail JSON, secrets redacted (PayloadSecrets)
        ColumnCount
    };

    [[nodiscard]] static QString title(Column column); // translated header text
    [[nodiscard]] static QString key(Column column); // stable machine name: "time", "event_type", ...
    [[nodiscard]] static Column fromKey(QStringView key); // ColumnCount when unknown
    [[nodiscard]] static QList<Column> tableColumns(); // Time .. Id
    // The UTF-8 texts of the store's interned entries (severities, types, devices, users, ...) for
    // some columns, made once for a long run of rows such as an export. Entries added to the store
    // later are simply not in it.
    class TextCache final
    {
    public:
        TextCache(const EventStore &store, const QList<Column> &columns);

    private:
        friend class EventColumns;
        std::array<std::vector<QByteArray>, ColumnCount> m_texts;
    };

    // The export/clipboard text of a cell as UTF-8 (Time in ISO 8601 UTC with milliseconds, the
    // wire form: IsoTime; Payload with its secret values redacted).
    static void appendText(const EventStore &store, qsizetype row, Column column, QByteArray *out,
                           const TextCache *cache = nullptr);
    [[nodiscard]] static QString text(const EventStore &store, qsizetype row, Column column);

private:
    // Columns whose text depends on one interned entry of the store alone, that entry, its text.
    [[nodiscard]] static bool isEntryColumn(Column column);
    [[nodiscard]] static uint32_t entryOf(const EventStore &store, qsizetype row, Column column);
    [[nodiscard]] static QByteArray entryText(const EventStore &store, Column column, uint32_t entry);
};
