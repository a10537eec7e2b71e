// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "testdata.h"

#include "api/eventparser.h"
#include "model/payloadrecords.h"

#include <QFile>

QString TestData::path(const QString &name)
{
    return QStringLiteral(EV_TEST_DATA_DIR "/") + name;
}

QByteArray TestData::read(const QString &name)
{
    QFile file(path(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("test data %s: %s", qPrintable(file.fileName()), qPrintable(file.errorString()));
    const QByteArray data = file.readAll();
    if (data.isEmpty())
        qFatal("test data %s is empty", qPrintable(file.fileName()));
    return data;
}

std::vector<Event> TestData::docExamples()
{
    const ParseResult parsed = EventParser::parse(read(QStringLiteral("doc-examples.json")));
    std::vector<Event> events = parsed.events();
    if (!parsed.isOk() || events.size() != DocExampleCount)
        qFatal("doc-examples.json: %zu events parsed, expected %zu", events.size(), DocExampleCount);
    return events;
}

QByteArray TestData::payloadBytes(const EventBatch &batch)
{
    QByteArray all;
    std::string raw;
    for (uint32_t b = 0; b < uint32_t(batch.blocks().size()); ++b) {
        const EventBatch::Block &block = batch.blocks()[b];
        const QByteArrayView bytes = batch.blockBytes(b);
        if (block.compressedSize == UINT32_MAX)
            raw.assign(bytes.data(), size_t(bytes.size()));
        else if (!PayloadRecords::decompress({ bytes.data(), size_t(bytes.size()) }, block.rawSize, &raw))
            qFatal("payload block %u does not decompress", b);
        all.append(raw.data(), qsizetype(raw.size()));
    }
    return all;
}
