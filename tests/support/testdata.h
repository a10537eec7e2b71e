// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "model/event.h"
#include "model/eventbatch.h"

#include <QByteArray>
#include <QString>

#include <vector>

// The files in tests/data, for every test. A missing, empty or unreadable fixture ends the test
// program at once with a message (qFatal): a test must never pass because its data is gone.
class TestData final
{
public:
    [[nodiscard]] static QString path(const QString &name); // tests/data/<name>
    [[nodiscard]] static QByteArray read(const QString &name);
    // The 59 example events the emnify docs publish (doc-examples.json), parsed, in file order.
    [[nodiscard]] static std::vector<Event> docExamples();
    static constexpr size_t DocExampleCount = 59;
    // Every payload block of the batch decompressed, dropped rows' records included: what the
    // batch holds, to look for what must not be there.
    [[nodiscard]] static QByteArray payloadBytes(const EventBatch &batch);
};
