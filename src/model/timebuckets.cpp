// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "model/timebuckets.h"

#include "model/isotime.h"

#include <QDateTime>

#include <algorithm>
#include <climits>

namespace {

constexpr qint64 MinuteMs = 60 * 1000;
constexpr qint64 HourMs = 60 * MinuteMs;

qint64 localMidnight(QDate date, const QTimeZone &zone)
{
    // A zone whose clocks skip midnight (a DST change at 00:00) starts that day at the first
    // valid time after it, which QDateTime gives for a time in the gap.
    return QDateTime(date, QTime(0, 0), zone).toMSecsSinceEpoch();
}

} // namespace

qint64 TimeBuckets::nominalMs(Step step)
{
    switch (step.unit) {
    case Unit::Minute: return step.count * MinuteMs;
    case Unit::Hour: return step.count * HourMs;
    case Unit::Day: return step.count * IsoTime::DayMs;
    case Unit::Week: return step.count * 7 * IsoTime::DayMs;
    case Unit::Month: return step.count * 28 * IsoTime::DayMs; // the shortest month: a first estimate never too low
    }
    return IsoTime::DayMs;
}

bool TimeBuckets::isRound(qint64 ms, Step step, const QTimeZone &zone, Qt::DayOfWeek weekStart)
{
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(ms, zone);
    const QTime time = t.time();
    if (time.second() != 0 || time.msec() != 0)
        return false;
    switch (step.unit) {
    case Unit::Minute: return time.minute() % step.count == 0;
    case Unit::Hour: return time.minute() == 0 && time.hour() % step.count == 0;
    case Unit::Day: return time == QTime(0, 0);
    case Unit::Week: return time == QTime(0, 0) && t.date().dayOfWeek() == weekStart;
    case Unit::Month: return time == QTime(0, 0) && t.date().day() == 1 && (t.date().month() - 1) % step.count == 0;
    }
    return false;
}

const std::vector<TimeBuckets::Step> &TimeBuckets::ladder()
{
    static const std::vector<Step> steps = {
        { Unit::Minute, 1 }, { Unit::Minute, 2 }, { Unit::Minute, 5 }, { Unit::Minute, 10 }, { Unit::Minute, 15 },
        { Unit::Minute, 30 }, { Unit::Hour, 1 }, { Unit::Hour, 2 }, { Unit::Hour, 3 }, { Unit::Hour, 6 },
        { Unit::Hour, 12 }, { Unit::Day, 1 }, { Unit::Week, 1 }, { Unit::Month, 1 }, { Unit::Month, 3 },
        { Unit::Month, 12 },
    };
    return steps;
}

TimeBuckets TimeBuckets::make(
    qint64 fromMs, qint64 untilMs, const QTimeZone &zone, int maxBuckets, Qt::DayOfWeek weekStart)
{
    TimeBuckets buckets;
    if (untilMs <= fromMs || maxBuckets < 1)
        return buckets;
    const QTimeZone z = zone.isValid() ? zone : QTimeZone::utc();
    const std::vector<Step> &steps = ladder();
    for (size_t i = 0; i < steps.size(); ++i) {
        const Step step = steps[i];
        const bool last = i + 1 == steps.size();
        // A first estimate saves building the edges of steps far too fine; the edges decide.
        if (!last && (untilMs - fromMs) / nominalMs(step) > maxBuckets)
            continue;
        std::vector<qint64> edges = edgesFor(step, fromMs, untilMs, z, weekStart, last ? INT_MAX : maxBuckets);
        if (edges.empty())
            continue;
        buckets.m_step = step;
        buckets.m_edges = std::move(edges);
        break;
    }
    // Fixed-length steps (up to an hour) need no search: the bucket is a division away.
    if (buckets.m_step.unit == Unit::Minute || (buckets.m_step.unit == Unit::Hour && buckets.m_step.count == 1)) {
        if (buckets.count() >= 2) {
            buckets.m_uniformWidth = nominalMs(buckets.m_step);
            buckets.m_uniformOrigin = buckets.m_edges[1] - buckets.m_uniformWidth;
        }
    }
    return buckets;
}

std::vector<qint64> TimeBuckets::edgesFor(
    Step step, qint64 fromMs, qint64 untilMs, const QTimeZone &zone, Qt::DayOfWeek weekStart, int limit)
{
    std::vector<qint64> edges { fromMs };
    // Edges at or before the last one (a round time that a DST change moved) are left out.
    auto add = [&](qint64 edge) {
        if (edge > edges.back() && edge < untilMs)
            edges.push_back(edge);
        return int(edges.size()) <= limit; // false: more buckets than the limit, this step is too fine
    };
    const QDateTime from = QDateTime::fromMSecsSinceEpoch(fromMs, zone);
    const QDate firstDay = from.date();
    switch (step.unit) {
    case Unit::Minute:
    case Unit::Hour:
        if (step.unit == Unit::Minute || step.count == 1) {
            // Round down to the step on the local clock, then fixed lengths.
            const qint64 width = nominalMs(step);
            const QTime t = from.time();
            const int minutes = t.hour() * 60 + t.minute();
            const int stepMinutes = int(width / MinuteMs);
            const QDateTime floorLocal(firstDay, QTime(0, 0).addSecs((minutes / stepMinutes) * stepMinutes * 60), zone);
            qint64 edge = floorLocal.toMSecsSinceEpoch();
            if (edge > fromMs) // a floor inside a DST gap moved forward
                edge -= width;
            for (edge += width; edge < untilMs; edge += width) {
                if (!add(edge))
                    return {};
            }
        } else {
            // 2-12 hours: round local hours that restart at each local midnight.
            for (QDate day = firstDay; localMidnight(day, zone) < untilMs; day = day.addDays(1)) {
                for (int hour = 0; hour < 24; hour += step.count) {
                    const qint64 edge = QDateTime(day, QTime(hour, 0), zone).toMSecsSinceEpoch();
                    if (edge >= untilMs)
                        break;
                    if (!add(edge))
                        return {};
                }
            }
        }
        break;
    case Unit::Day:
    case Unit::Week: {
        // Local midnights after the first day, every day or every week from the week's first day.
        QDate day = firstDay.addDays(1);
        const int strideDays = step.unit == Unit::Day ? 1 : 7;
        while (strideDays == 7 && day.dayOfWeek() != weekStart)
            day = day.addDays(1);
        for (;; day = day.addDays(strideDays)) {
            const qint64 edge = localMidnight(day, zone);
            if (edge >= untilMs)
                break;
            if (!add(edge))
                return {};
        }
        break;
    }
    case Unit::Month: {
        // Months counted from January, so that quarters and years start where calendars do.
        const int monthIndex = firstDay.year() * 12 + firstDay.month() - 1;
        const int firstEdge = (monthIndex / step.count + 1) * step.count;
        for (int m = firstEdge;; m += step.count) {
            const qint64 edge = localMidnight(QDate(m / 12, m % 12 + 1, 1), zone);
            if (edge >= untilMs)
                break;
            if (!add(edge))
                return {};
        }
        break;
    }
    }
    edges.push_back(untilMs);
    return edges;
}

int TimeBuckets::bucketOf(qint64 ms) const
{
    if (m_edges.empty() || ms < m_edges.front() || ms >= m_edges.back())
        return -1;
    if (m_uniformWidth > 0) {
        const qint64 bucket = (ms - m_uniformOrigin) / m_uniformWidth;
        return int(std::min<qint64>(bucket, count() - 1));
    }
    // The last edge <= ms.
    const auto it = std::upper_bound(m_edges.begin(), m_edges.end(), ms);
    return int(it - m_edges.begin()) - 1;
}
