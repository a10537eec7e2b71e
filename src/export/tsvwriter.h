// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "model/eventcolumns.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

#include <span>

class EventStore;

// Rows as tab-separated text for the clipboard: a header line of column titles, then one line per
// row. Tabs and line breaks inside a cell become spaces, so that pasting into a spreadsheet keeps
// one event per row. A cell that a spreadsheet would run as a formula gets a leading apostrophe,
// as in the CSV export (CsvWriter::looksLikeFormula), unless neutraliseFormulas is off. The payload
// column has its secret values replaced by "<redacted>" (PayloadSecrets) unless keepSecrets.
class TsvWriter final
{
public:
    struct Options
    {
        bool keepSecrets = false;
        bool neutraliseFormulas = true;
    };

    [[nodiscard]] static QString write(const EventStore &store, std::span<const qsizetype> rows,
        const QList<EventColumns::Column> &columns, Options options);
    [[nodiscard]] static QString write(const EventStore &store, std::span<const qsizetype> rows,
        const QList<EventColumns::Column> &columns, bool keepSecrets = false)
    {
        return write(store, rows, columns, Options { keepSecrets, true });
    }

    // Appends one cell (UTF-8) as the clipboard wants it: the one place that cleans and guards a
    // cell, for the event table and the SIM orders alike.
    static void appendCell(QByteArray *out, QByteArrayView cell, bool neutraliseFormulas);
    // A cell's text (UTF-8) as the copy and export forms show it: EventColumns' text, but the
    // payload unredacted when secrets are kept on request.
    static void appendCellText(QByteArray *out, const EventStore &store, qsizetype row,
        EventColumns::Column column, bool keepSecrets, const EventColumns::TextCache *cache);
    // Called before each row of a text: once its first rows are written, room for all of them at
    // their mean size, one allocation instead of a doubling series that copies (and page-faults)
    // the text anew.
    static void reserveForRows(QByteArray *out, size_t rowsWritten, size_t rowsTotal);
};
