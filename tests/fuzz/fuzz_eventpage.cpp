// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT

// libFuzzer target: one input is one page as the API would send it. Properties checked on every
// input (a violation aborts, and libFuzzer saves the input as a finding):
//   - no crash and no sanitizer report (the target is built with address and undefined);
//   - every element the parser accepts keeps raw text that is valid JSON, and the JSON Lines line
//     the command line writes from it (raw text without CR/LF) is valid JSON;
//   - the wire JSON written back for an accepted event (EventJson, what the simulator serves) is
//     valid JSON and its timestamp parses back to the same instant;
//   - the store returns what was parsed: after appending the batch, each id's row is the first
//     parsed event with that id, field for field, payload included;
//   - a page the parser refuses as a whole yields no events.

#include "api/eventjson.h"
#include "api/eventparser.h"
#include "model/eventstore.h"
#include "model/isotime.h"
#include "model/jsondocument.h"

#include <QByteArray>
#include <QHash>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QLoggingCategory>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {

void require(bool condition, const char *what, const QByteArray &detail = {})
{
    if (condition)
        return;
    std::fprintf(stderr, "fuzz_eventpage: property violated: %s\n%.*s\n", what,
        int(std::min<qsizetype>(detail.size(), 2000)), detail.constData());
    std::abort();
}

bool isJsonObject(const QByteArray &text)
{
    // As the viewer reads it: JSON allows numbers QJsonDocument alone refuses (1e-99468).
    QJsonParseError error;
    const QJsonDocument document = JsonDocument::fromJson(text, &error);
    return error.error == QJsonParseError::NoError && document.isObject();
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    // The parser logs every page with skipped elements; the fuzzer makes millions.
    QLoggingCategory::setFilterRules(QStringLiteral("eventviewer.*=false"));
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView page(reinterpret_cast<const char *>(data), qsizetype(size));
    ParseOptions options;
    options.keepRaw = true;
    const ParseResult result = EventParser::parse(page, options);
    if (!result.isOk()) {
        require(result.batch.size() == 0 && result.raw.empty(), "a refused page yields no events");
        return 0;
    }
    require(result.raw.size() == size_t(result.batch.size()), "raw text is parallel to the batch");
    require(result.elementCount == result.batch.size() + result.issues.size(),
        "every element is either read or reported");
    for (const QByteArray &raw : result.raw) {
        require(isJsonObject(raw), "raw text is a JSON object", raw);
        QByteArray line = raw.trimmed();
        line.replace('\n', QByteArrayView()).replace('\r', QByteArrayView());
        require(isJsonObject(line), "the JSON Lines line is a JSON object", line);
    }

    const std::vector<Event> events = result.events();
    for (const Event &e : events) {
        const QByteArray json = EventJson::toJson(e);
        require(isJsonObject(json), "EventJson writes a JSON object", json);
        require(IsoTime::isInRange(e.timestampMs), "the parser accepts only supported times", json);
        require(IsoTime::parse(IsoTime::format(e.timestampMs)) == e.timestampMs, "the timestamp round-trips",
            json);
    }

    EventStore store;
    store.append(result.batch);
    QHash<qint64, qsizetype> first; // id -> index of its first event in the page
    for (qsizetype i = 0; i < qsizetype(events.size()); ++i)
        if (!first.contains(events[size_t(i)].id))
            first.insert(events[size_t(i)].id, i);
    require(store.size() == first.size(), "the store keeps each id once");
    for (auto it = first.cbegin(); it != first.cend(); ++it) {
        const qsizetype row = store.rowOfId(it.key());
        require(row >= 0, "the store has every parsed id");
        require(store.event(row) == events[size_t(it.value())], "the store returns what was parsed",
            EventJson::toJson(events[size_t(it.value())]));
    }
    return 0;
}
