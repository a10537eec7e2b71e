// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "archive/timeinterval.h"

#include <QList>

#include <optional>

// The spans of time in which every event of the whole account was pulled completely: a pure
// value (sorted, disjoint, never two adjacent intervals), kept by the archive in its own table.
class ArchiveCoverage final
{
public:
    void add(TimeInterval interval); // merges overlapping and adjacent intervals
    void removeBefore(qint64 ms); // retention pruning: nothing before ms is covered any more
    [[nodiscard]] const QList<TimeInterval> &intervals() const { return m_intervals; }
    [[nodiscard]] bool isEmpty() const { return m_intervals.isEmpty(); }
    [[nodiscard]] bool covers(TimeInterval interval) const; // an empty interval is covered
    [[nodiscard]] QList<TimeInterval> gaps(TimeInterval range) const; // not covered, oldest first
    [[nodiscard]] std::optional<qint64> newest() const; // end of the newest interval

    friend bool operator==(const ArchiveCoverage &, const ArchiveCoverage &) = default;

private:
    QList<TimeInterval> m_intervals;
};
