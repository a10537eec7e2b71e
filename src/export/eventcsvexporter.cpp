// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "export/eventcsvexporter.h"

#include "model/eventstore.h"
#include "model/payloadsecrets.h"

EventCsvExporter::EventCsvExporter(const EventStore &store, QList<EventColumns::Column> columns)
    : m_store(store), m_columns(std::move(columns))
{
}

void EventCsvExporter::writeHeader(CsvWriter &writer, bool titles) const
{
    for (EventColumns::Column column : m_columns)
        writer.addField(titles ? EventColumns::title(column) : EventColumns::key(column));
    writer.endRow();
}

bool EventCsvExporter::writeRows(CsvWriter &writer, std::span<const qsizetype> rows,
                                 const std::function<bool(qsizetype)> &progress) const
{
    EventStore::PayloadReader payloads(m_store);
    const EventColumns::TextCache texts(m_store, m_columns);
    QByteArray cell;
    qsizetype done = 0;
    for (qsizetype row : rows) {
        for (EventColumns::Column column : m_columns) {
            cell.clear();
            if (column == EventColumns::Payload && m_keepSecrets)
                cell.append(payloads.detailJson(row)); // sequential: each block decompressed once
            else if (column == EventColumns::Payload)
                PayloadSecrets::appendRedacted(&cell, payloads.detailJson(row));
            else
                EventColumns::appendText(m_store, row, column, &cell, &texts);
            writer.addField(cell);
        }
        writer.endRow();
        if (writer.hasError())
            return false;
        if ((++done & 4095) == 0 && progress && !progress(done))
            return false;
    }
    if (progress)
        progress(done);
    return writer.flush();
}

bool EventCsvExporter::writeRange(CsvWriter &writer, qsizetype first, qsizetype last) const
{
    std::vector<qsizetype> rows;
    rows.reserve(size_t(std::max<qsizetype>(0, last - first)));
    for (qsizetype row = first; row < last; ++row)
        rows.push_back(row);
    return writeRows(writer, rows);
}
