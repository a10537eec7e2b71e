// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "export/csvwriter.h"
#include "model/eventcolumns.h"
#include "model/eventstore.h"

#include <QHash>
#include <QList>

#include <functional>
#include <span>


// Writes rows of an EventStore as CSV with chosen columns through CsvWriter.
class EventCsvExporter final
{
public:
    EventCsvExporter(const EventStore &store, QList<EventColumns::Column> columns);

    // Header row with the columns' machine keys (id, time, ...) or their titles.
    void writeHeader(CsvWriter &writer, bool titles = false) const;
    // Writes the given store rows; calls progress(done) every few thousand rows, and stops early
    // (returning false) when it returns false. Returns false on a write error too.
    bool writeRows(CsvWriter &writer, std::span<const qsizetype> rows,
                   const std::function<bool(qsizetype)> &progress = {}) const;
    bool writeRange(CsvWriter &writer, qsizetype first, qsizetype last) const; // rows [first, last)

    // The payload column has its secret values replaced by "<redacted>" (PayloadSecrets) unless
    // the user asked to keep them.
    void setKeepSecrets(bool keep) { m_keepSecrets = keep; }
    [[nodiscard]] bool keepsSecrets() const { return m_keepSecrets; }

    // What the payload column holds: the event's detail JSON, or the whole event in the API's wire
    // format (EventJson: id, timestamp, type, organisation, endpoint, ..., detail).
    enum class Payload { Detail, WholeEvent };
    void setPayload(Payload payload) { m_payload = payload; }
    [[nodiscard]] Payload payload() const { return m_payload; }

    // Two more columns at the end, status and provider of a SIM order event (types 38 and 39) in
    // words (SimCardOrder, the Orders view's names), empty for other events.
    void setOrderColumns(bool add, const QHash<qint64, QString> &providerNames = {})
    {
        m_orderColumns = add;
        m_providerNames = providerNames;
    }
    // Whether any of these rows is a SIM order event (the viewer adds the columns then).
    [[nodiscard]] static bool hasOrderEvents(const EventStore &store, std::span<const qsizetype> rows);

private:
    void appendWholeEvent(QByteArray *out, qsizetype row) const;
    void writeOrderFields(CsvWriter &writer, qsizetype row, EventStore::PayloadReader &payloads) const;

    const EventStore &m_store;
    QList<EventColumns::Column> m_columns;
    bool m_keepSecrets = false;
    Payload m_payload = Payload::Detail;
    bool m_orderColumns = false;
    QHash<qint64, QString> m_providerNames;
};
