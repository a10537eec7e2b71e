// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "export/tsvwriter.h"

#include "model/eventstore.h"

QString TsvWriter::write(const EventStore &store, std::span<const qsizetype> rows,
    const QList<EventColumns::Column> &columns, bool keepSecrets)
{
    QByteArray out;
    auto clean = [](QByteArray &cell, qsizetype from) {
        for (qsizetype i = from; i < cell.size(); ++i) {
            if (cell[i] == '\t' || cell[i] == '\n' || cell[i] == '\r')
                cell[i] = ' ';
        }
    };
    for (qsizetype i = 0; i < columns.size(); ++i) {
        if (i > 0)
            out += '\t';
        out += EventColumns::title(columns.at(i)).toUtf8();
    }
    out += '\n';
    for (qsizetype row : rows) {
        for (qsizetype i = 0; i < columns.size(); ++i) {
            if (i > 0)
                out += '\t';
            const qsizetype from = out.size();
            if (columns.at(i) == EventColumns::Payload && keepSecrets)
                out += store.detailJson(row);
            else
                EventColumns::appendText(store, row, columns.at(i), &out);
            clean(out, from);
        }
        out += '\n';
    }
    return QString::fromUtf8(out);
}
