// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QtGlobal>

// A half-open span of time [from, until), milliseconds since the epoch, UTC.
struct TimeInterval final
{
    qint64 from = 0;
    qint64 until = 0;

    [[nodiscard]] bool isEmpty() const { return until <= from; }
    [[nodiscard]] bool contains(qint64 ms) const { return ms >= from && ms < until; }
    [[nodiscard]] qint64 length() const { return isEmpty() ? 0 : until - from; }

    friend bool operator==(const TimeInterval &, const TimeInterval &) = default;
};
