// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "filter/eventhistogram.h"

#include <algorithm>
#include <numeric>

int EventHistogram::slotOfSeverity(qint64 severityId)
{
    return severityId >= 0 && severityId < SeverityCount - 1 ? int(severityId) : SeverityCount - 1;
}

EventHistogram EventHistogram::count(
    const EventStore &store, std::span<const uint32_t> rows, const TimeBuckets &buckets)
{
    EventHistogram histogram;
    histogram.m_buckets = buckets;
    histogram.m_counts.assign(size_t(buckets.count()), Counts {});
    if (buckets.isEmpty())
        return histogram;
    // The severity table is tiny: its slots once, then a lookup per row.
    std::vector<uint8_t> slotOfIndex;
    slotOfIndex.reserve(store.severities().size());
    for (const auto &severity : store.severities())
        slotOfIndex.push_back(uint8_t(slotOfSeverity(severity.id)));
    const auto slot = [&](uint32_t index) {
        return index < slotOfIndex.size() ? slotOfIndex[index] : uint8_t(SeverityCount - 1);
    };
    qsizetype counted = 0;
    for (const uint32_t row : rows) {
        const int bucket = buckets.bucketOf(store.timestampMs(row));
        if (bucket < 0)
            continue;
        ++histogram.m_counts[size_t(bucket)][slot(store.severityIndex(row))];
        ++counted;
    }
    histogram.m_counted = counted;
    for (int b = 0; b < buckets.count(); ++b)
        histogram.m_maxTotal = std::max(histogram.m_maxTotal, histogram.total(b));
    return histogram;
}

qsizetype EventHistogram::total(int bucket) const
{
    const Counts &c = m_counts[size_t(bucket)];
    return std::accumulate(c.begin(), c.end(), qsizetype(0));
}
