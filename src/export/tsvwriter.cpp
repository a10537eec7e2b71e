// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "export/tsvwriter.h"

#include "export/csvwriter.h"
#include "model/eventstore.h"

void TsvWriter::appendCell(QByteArray *out, QByteArrayView cell, bool neutraliseFormulas)
{
    // Pasted into a spreadsheet, "=HYPERLINK(...)" would become a live formula: the apostrophe
    // makes it text, as it does in a CSV file.
    if (neutraliseFormulas && CsvWriter::looksLikeFormula(cell))
        out->append('\'');
    const qsizetype from = out->size();
    out->append(cell);
    for (qsizetype i = from; i < out->size(); ++i) {
        const char c = out->at(i);
        if (c == '\t' || c == '\n' || c == '\r')
            (*out)[i] = ' ';
    }
}

void TsvWriter::appendCellText(QByteArray *out, const EventStore &store, qsizetype row,
    EventColumns::Column column, bool keepSecrets, const EventColumns::TextCache *cache)
{
    if (column == EventColumns::Payload && keepSecrets)
        out->append(store.detailJson(row));
    else
        EventColumns::appendText(store, row, column, out, cache);
}

void TsvWriter::reserveForRows(QByteArray *out, size_t rowsWritten, size_t rowsTotal)
{
    constexpr size_t RowsBeforeReserve = 64;
    if (rowsWritten != RowsBeforeReserve || rowsTotal <= rowsWritten)
        return;
    const double perRow = double(out->size()) / double(rowsWritten);
    out->reserve(qsizetype(perRow * double(rowsTotal) * 1.1) + 1024);
}

QString TsvWriter::write(const EventStore &store, std::span<const qsizetype> rows,
    const QList<EventColumns::Column> &columns, Options options)
{
    QByteArray out;
    for (qsizetype i = 0; i < columns.size(); ++i) {
        if (i > 0)
            out += '\t';
        appendCell(&out, EventColumns::title(columns.at(i)).toUtf8(), options.neutraliseFormulas);
    }
    out += '\n';
    const EventColumns::TextCache cache(store, columns);
    QByteArray cell;
    for (size_t r = 0; r < rows.size(); ++r) {
        reserveForRows(&out, r, rows.size());
        for (qsizetype i = 0; i < columns.size(); ++i) {
            if (i > 0)
                out += '\t';
            cell.clear();
            appendCellText(&cell, store, rows[r], columns.at(i), options.keepSecrets, &cache);
            appendCell(&out, cell, options.neutraliseFormulas);
        }
        out += '\n';
    }
    return QString::fromUtf8(out);
}
