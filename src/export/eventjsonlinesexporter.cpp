// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "export/eventjsonlinesexporter.h"

#include "api/eventjson.h"
#include "model/payloadsecrets.h"

#include <QIODevice>

namespace {
// Written in chunks of about this size: few write calls, little memory.
constexpr qsizetype ChunkBytes = 1 << 20;
} // namespace

EventJsonLinesExporter::EventJsonLinesExporter(const EventStore &store)
    : m_store(store)
{
}

void EventJsonLinesExporter::appendLine(QByteArray *out, QByteArrayView eventJson, bool keepSecrets)
{
    // One object per line: line breaks outside strings are insignificant whitespace, and inside
    // JSON strings they are always escaped, so dropping raw CR/LF keeps the JSON.
    QByteArray line = eventJson.trimmed().toByteArray();
    line.replace('\n', QByteArrayView()).replace('\r', QByteArrayView());
    if (keepSecrets)
        out->append(line);
    else
        PayloadSecrets::appendRedacted(out, line);
    out->append('\n');
}

bool EventJsonLinesExporter::writeRows(
    QIODevice *device, std::span<const qsizetype> rows, const std::function<bool(qsizetype)> &progress) const
{
    EventStore::PayloadReader payloads(m_store); // sequential: each block decompressed once
    QByteArray chunk;
    chunk.reserve(ChunkBytes + ChunkBytes / 4);
    qsizetype done = 0;
    const auto flush = [&] {
        const bool ok = device->write(chunk) == chunk.size();
        chunk.clear();
        return ok;
    };
    for (qsizetype row : rows) {
        appendLine(&chunk, EventJson::toJson(m_store.event(row, payloads)), m_keepSecrets);
        if (chunk.size() >= ChunkBytes && !flush())
            return false;
        if ((++done & 4095) == 0 && progress && !progress(done))
            return false;
    }
    if (!flush())
        return false;
    if (progress)
        progress(done);
    return true;
}
