// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "export/csvwriter.h"
#include "model/eventcolumns.h"

#include <QList>

#include <functional>
#include <span>

class EventStore;

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

private:
    const EventStore &m_store;
    QList<EventColumns::Column> m_columns;
    bool m_keepSecrets = false;
};
