// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "model/eventstore.h"

#include <QByteArray>
#include <QByteArrayView>

#include <functional>
#include <span>

class QIODevice;

// JSON Lines: one whole event per line (EventJson, the API's wire format), UTF-8, LF, nothing else.
// Secret values are "<redacted>" (PayloadSecrets) unless kept. appendLine() is the one place a line
// is made, for the viewer's export and `emnify-events export --format jsonl` alike.
class EventJsonLinesExporter final
{
public:
    explicit EventJsonLinesExporter(const EventStore &store);

    void setKeepSecrets(bool keep) { m_keepSecrets = keep; }
    [[nodiscard]] bool keepsSecrets() const { return m_keepSecrets; }

    // Writes the given store rows in this order; calls progress(done) every few thousand rows and
    // stops early (returning false) when it returns false. Returns false on a write error too.
    bool writeRows(QIODevice *device, std::span<const qsizetype> rows,
        const std::function<bool(qsizetype)> &progress = {}) const;

    // One event's JSON as a line of its own, '\n' included.
    static void appendLine(QByteArray *out, QByteArrayView eventJson, bool keepSecrets);

private:
    const EventStore &m_store;
    bool m_keepSecrets = false;
};
