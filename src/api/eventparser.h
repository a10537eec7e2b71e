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

// One element of a page that could not become an event: its 0-based index in the page and why
// (not valid JSON, or valid JSON that is no event: no id, an unreadable timestamp, ...).
struct ParseIssue final
{
    qsizetype index = 0;
    QString reason;
};

// What became of a page. Every element is either in the batch or in issues (elementCount is
// both together); an element with a syntax error costs only itself, the elements after it are
// read. A page is refused as a whole (error set, nothing in the batch) only when its elements
// cannot be told apart: not JSON at the top, not an array or object, brackets or strings that do
// not close (a body cut off).
struct ParseResult final
{
    EventBatch batch; // the events that could be read, in page order, ready for EventStore::append
    // With ParseOptions::keepRaw: each accepted event's element text, minified (valid JSON, one
    // line), parallel to batch.
    std::vector<QByteArray> raw;
    QList<ParseIssue> issues; // elements that were skipped; the rest of the page is in batch
    QString error; // set when the input as a whole is unusable (not JSON, not an array/object)
    qsizetype elementCount = 0; // elements the page holds: batch.size() + issues.size()

    [[nodiscard]] bool isOk() const { return error.isEmpty(); }
    // Every element of the page became an event. An export that writes an incomplete page is
    // missing events it knows about and must not look complete.
    [[nodiscard]] bool isComplete() const { return isOk() && issues.isEmpty(); }
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
    // IsoTime::parse (the API's timestamp forms, calendar and range checked); false when the text
    // is no supported time.
    [[nodiscard]] static bool parseTimestamp(QByteArrayView text, qint64 *msSinceEpoch);
};
