// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "archive/archivecoverage.h"

#include <algorithm>

void ArchiveCoverage::add(TimeInterval interval)
{
    if (interval.isEmpty())
        return;
    // The first interval that ends at or after the new one starts (touching counts: adjacent merge).
    auto first = std::lower_bound(m_intervals.begin(), m_intervals.end(), interval.from,
        [](const TimeInterval &i, qint64 from) { return i.until < from; });
    auto last = first;
    while (last != m_intervals.end() && last->from <= interval.until) {
        interval.from = std::min(interval.from, last->from);
        interval.until = std::max(interval.until, last->until);
        ++last;
    }
    const qsizetype at = first - m_intervals.begin();
    m_intervals.erase(first, last);
    m_intervals.insert(at, interval);
}

void ArchiveCoverage::removeBefore(qint64 ms)
{
    auto keep = std::remove_if(m_intervals.begin(), m_intervals.end(), [ms](const TimeInterval &i) { return i.until <= ms; });
    m_intervals.erase(keep, m_intervals.end());
    if (!m_intervals.isEmpty() && m_intervals.first().from < ms)
        m_intervals.first().from = ms;
}

bool ArchiveCoverage::covers(TimeInterval interval) const
{
    if (interval.isEmpty())
        return true;
    return std::any_of(m_intervals.begin(), m_intervals.end(),
        [&](const TimeInterval &i) { return i.from <= interval.from && interval.until <= i.until; });
}

QList<TimeInterval> ArchiveCoverage::gaps(TimeInterval range) const
{
    QList<TimeInterval> result;
    if (range.isEmpty())
        return result;
    qint64 at = range.from;
    for (const TimeInterval &i : m_intervals) {
        if (i.until <= at)
            continue;
        if (i.from >= range.until)
            break;
        if (i.from > at)
            result.append({ at, i.from });
        at = i.until;
        if (at >= range.until)
            break;
    }
    if (at < range.until)
        result.append({ at, range.until });
    return result;
}

std::optional<qint64> ArchiveCoverage::newest() const
{
    if (m_intervals.isEmpty())
        return std::nullopt;
    return m_intervals.last().until;
}
