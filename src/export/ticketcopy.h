// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "model/eventcolumns.h"

#include <QList>
#include <QString>

#include <span>

class EventStore;

// Edit > Copy as: events in the forms that go into a ticket or a chat, or a spreadsheet.
// - Table: the shown columns, tab-separated with a header (TsvWriter; pastes into a spreadsheet);
// - Line: one line an event, "2026-12-01 16:44:10 UTC · Warn · Order updated · Cervantes Agritech
//   S.L. · SIM order has been updated · Action performed by: ... · event 142986836530266";
// - Json: the whole event as the API sent it (an array for several), one event a line;
// - Markdown: the shown columns as a Markdown table.
// Secret values are redacted unless keepSecrets; formulas neutralised in Table only (where a
// spreadsheet would run them).
class TicketCopy final
{
public:
    enum class Format { Table, Line, Json, Markdown };
    struct Options
    {
        bool keepSecrets = false;
        bool neutraliseFormulas = true;
    };

    [[nodiscard]] static QString write(const EventStore &store, std::span<const qsizetype> rows,
        const QList<EventColumns::Column> &columns, Format format, Options options);
    [[nodiscard]] static QString line(const EventStore &store, qsizetype row);

    [[nodiscard]] static QList<Format> formats();
    [[nodiscard]] static QString name(Format format); // translated, for the menu
    [[nodiscard]] static QString key(Format format); // for the settings: "table", "line", ...
    [[nodiscard]] static Format fromKey(QStringView key); // Table when unknown
};
