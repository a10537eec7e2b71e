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
    QByteArray cell;
    for (qsizetype row : rows) {
        for (qsizetype i = 0; i < columns.size(); ++i) {
            if (i > 0)
                out += '\t';
            cell.clear();
            if (columns.at(i) == EventColumns::Payload && options.keepSecrets)
                cell = store.detailJson(row);
            else
                EventColumns::appendText(store, row, columns.at(i), &cell);
            appendCell(&out, cell, options.neutraliseFormulas);
        }
        out += '\n';
    }
    return QString::fromUtf8(out);
}
