// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "model/event.h"

#include <QByteArray>
#include <QStringView>

#include <span>

// Writes events in the emnify wire format (the inverse of EventParser): compact JSON with the keys
// in the order the API sends them, timestamps as "2021-10-27T08:38:02.000Z" (UTC, ms), `detail`
// inserted verbatim and the members of Event::extraJson merged at the top level.
// Built by direct appends, not QJsonDocument: the simulator serves millions of events with it.
class EventJson final
{
public:
    [[nodiscard]] static QByteArray toJson(const Event &e);
    [[nodiscard]] static QByteArray toJsonArray(std::span<const Event> events);

    // Appends one event object to out (no separator).
    static void append(QByteArray &out, const Event &e);
    // Appends text as a quoted JSON string: UTF-8, with quotes, backslashes and control
    // characters escaped; an unpaired surrogate becomes U+FFFD.
    static void appendString(QByteArray &out, QStringView text);
    // Appends "YYYY-MM-DDTHH:MM:SS.mmmZ" (UTC) without quotes: IsoTime::append.
    static void appendTimestamp(QByteArray &out, qint64 msSinceEpoch);
};
