// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "model/event.h"
#include "model/eventbatch.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QFuture>
#include <QList>
#include <QString>

#include <vector>

// One element of a page that could not become an event: its 0-based index in the page and why.
struct ParseIssue final
{
    qsizetype index = 0;
    QString reason;
};

struct ParseResult final
{
    EventBatch batch; // the events that could be read, in page order, ready for EventStore::append
    // With ParseOptions::keepRaw: each accepted event's element text as received, parallel to batch.
    std::vector<QByteArray> raw;
    QList<ParseIssue> issues; // elements that were skipped; the rest of the page is in events
    QString error; // set when the input as a whole is unusable (not JSON, not an array/object)

    [[nodiscard]] bool isOk() const { return error.isEmpty(); }
    [[nodiscard]] std::vector<Event> events() const { return batch.toEvents(); } // as values
};

struct ParseOptions final
{
    bool keepRaw = false;
};

// Turns emnify event JSON (a page: an array of event objects, or one event object) into events.
// Tolerates every quirk the emnify docs show: alert as 0/1, event_source.name instead of
// description, upper-case severity names, several timestamp forms, numbers sent as strings,
// null/absent/{} objects, unknown keys. Thread-safe: each thread uses its own parser state.
class EventParser final
{
public:
    [[nodiscard]] static ParseResult parse(QByteArrayView json, const ParseOptions &options = {});
    // The same on a pool of background threads (one a core) that yield the CPU to the GUI thread:
    // pages parse while the window appends the ones before and stays responsive.
    [[nodiscard]] static QFuture<ParseResult> parseInBackground(QByteArray json, const ParseOptions &options = {});
    // Lenient timestamp reading; returns false when the text is no timestamp at all.
    [[nodiscard]] static bool parseTimestamp(QByteArrayView text, qint64 *msSinceEpoch);
};
