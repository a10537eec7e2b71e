// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "model/eventstore.h"
#include "model/timebuckets.h"

#include <array>
#include <cstdint>
#include <span>
#include <vector>

// How many of some store rows fall in each bucket, per severity: the timeline above the table.
// One pass over the rows (their time and severity columns); a million rows in a few milliseconds.
class EventHistogram final
{
public:
    // Info, Warn, Critical (the API's ids 0, 1, 2), then any other severity.
    static constexpr int SeverityCount = 4;
    using Counts = std::array<qsizetype, SeverityCount>;

    EventHistogram() = default;
    // rows: store rows (the shown ones); rows outside the buckets' range are not counted.
    [[nodiscard]] static EventHistogram count(
        const EventStore &store, std::span<const uint32_t> rows, const TimeBuckets &buckets);

    [[nodiscard]] const TimeBuckets &buckets() const { return m_buckets; }
    [[nodiscard]] const Counts &counts(int bucket) const { return m_counts[size_t(bucket)]; }
    [[nodiscard]] qsizetype total(int bucket) const;
    [[nodiscard]] qsizetype maxTotal() const { return m_maxTotal; } // of one bucket
    [[nodiscard]] qsizetype counted() const { return m_counted; } // rows inside the range
    // The severity slot of a severity id (0 Info, 1 Warn, 2 Critical, 3 the rest).
    [[nodiscard]] static int slotOfSeverity(qint64 severityId);

private:
    TimeBuckets m_buckets;
    std::vector<Counts> m_counts;
    qsizetype m_maxTotal = 0;
    qsizetype m_counted = 0;
};
