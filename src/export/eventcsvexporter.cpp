// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "export/eventcsvexporter.h"

#include "api/eventjson.h"
#include "model/eventstore.h"
#include "model/payloadsecrets.h"
#include "model/simcardorder.h"
#include "model/simordercolumns.h"

#include <algorithm>

EventCsvExporter::EventCsvExporter(const EventStore &store, QList<EventColumns::Column> columns)
    : m_store(store)
    , m_columns(std::move(columns))
{
}

void EventCsvExporter::writeHeader(CsvWriter &writer, bool titles) const
{
    for (EventColumns::Column column : m_columns) {
        if (column == EventColumns::Payload && m_payload == Payload::WholeEvent)
            writer.addField(QByteArrayView("event_json")); // what a script looks for, in any language
        else
            writer.addField(titles ? EventColumns::title(column) : EventColumns::key(column));
    }
    if (m_orderColumns) {
        for (SimOrderColumns::Column column : { SimOrderColumns::Status, SimOrderColumns::Provider })
            writer.addField(titles ? SimOrderColumns::title(column) : SimOrderColumns::key(column));
    }
    writer.endRow();
}

bool EventCsvExporter::writeRows(
    CsvWriter &writer, std::span<const qsizetype> rows, const std::function<bool(qsizetype)> &progress) const
{
    EventStore::PayloadReader payloads(m_store);
    const EventColumns::TextCache texts(m_store, m_columns);
    QByteArray cell;
    qsizetype done = 0;
    for (qsizetype row : rows) {
        for (EventColumns::Column column : m_columns) {
            cell.clear();
            if (column == EventColumns::Payload && m_payload == Payload::WholeEvent)
                appendWholeEvent(&cell, row);
            else if (column == EventColumns::Payload && m_keepSecrets)
                cell.append(payloads.detailJson(row)); // sequential: each block decompressed once
            else if (column == EventColumns::Payload)
                PayloadSecrets::appendRedacted(&cell, payloads.detailJson(row));
            else
                EventColumns::appendText(m_store, row, column, &cell, &texts);
            writer.addField(cell);
        }
        if (m_orderColumns)
            writeOrderFields(writer, row, payloads);
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

bool EventCsvExporter::hasOrderEvents(const EventStore &store, std::span<const qsizetype> rows)
{
    return std::any_of(rows.begin(), rows.end(),
        [&](qsizetype row) { return SimCardOrder::isOrderType(store.types()[store.typeIndex(row)].id); });
}

void EventCsvExporter::writeOrderFields(
    CsvWriter &writer, qsizetype row, EventStore::PayloadReader &payloads) const
{
    const qint64 typeId = m_store.types()[m_store.typeIndex(row)].id;
    std::optional<SimCardOrder> order;
    if (SimCardOrder::isOrderType(typeId))
        order = SimCardOrder::fromDetail(typeId, payloads.detailJson(row));
    writer.addField(order && order->statusId >= 0 ? SimCardOrder::statusName(order->statusId) : QString());
    writer.addField(order && order->providerId
            ? SimCardOrder::providerName(*order->providerId, m_providerNames)
            : QString());
}

void EventCsvExporter::appendWholeEvent(QByteArray *out, qsizetype row) const
{
    const QByteArray json = EventJson::toJson(m_store.event(row));
    if (m_keepSecrets)
        out->append(json);
    else
        PayloadSecrets::appendRedacted(out, json);
}

bool EventCsvExporter::writeRange(CsvWriter &writer, qsizetype first, qsizetype last) const
{
    std::vector<qsizetype> rows;
    rows.reserve(size_t(std::max<qsizetype>(0, last - first)));
    for (qsizetype row = first; row < last; ++row)
        rows.push_back(row);
    return writeRows(writer, rows);
}
