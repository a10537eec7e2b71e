// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "testdata.h"

#include "api/eventparser.h"

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
