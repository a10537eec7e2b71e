// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QTimeZone>

#include <vector>

// The buckets of a time histogram over [from, until): the finest step of a fixed ladder (1 minute
// ... 1 month) that gives at most maxBuckets, with edges on round local times of the zone, so
// that a bar means "14:00-15:00" or "Tuesday" as people read their clock:
// - steps up to an hour have a fixed length, counted from a round local time (a DST change moves
//   the clock by a whole hour, so the edges stay round: a change day has 23 or 25 hour buckets);
// - 2 to 12 hour steps restart at each local midnight (on a change day one of them is an hour
//   shorter or longer);
// - days, weeks and months start at local midnight (a day is 23, 24 or 25 hours long).
// The first and the last bucket are clipped to the range: a partial bucket covers only what the
// range asks for, so that narrowing to a bar never widens the range.
class TimeBuckets final
{
public:
    enum class Unit { Minute, Hour, Day, Week, Month };
    struct Step
    {
        Unit unit = Unit::Minute;
        int count = 1;
        friend bool operator==(const Step &, const Step &) = default;
    };

    TimeBuckets() = default;
    // weekStart: the locale's first day of the week (week buckets start on it).
    [[nodiscard]] static TimeBuckets make(qint64 fromMs, qint64 untilMs, const QTimeZone &zone, int maxBuckets,
        Qt::DayOfWeek weekStart = Qt::Monday);
    // The steps tried, finest first.
    [[nodiscard]] static const std::vector<Step> &ladder();
    // A step's nominal length (a month counts 28 days: never longer than it is).
    [[nodiscard]] static qint64 nominalMs(Step step);
    // True when ms is a whole step on the zone's clock (14:00 for hours, midnight of the 1st for months).
    [[nodiscard]] static bool isRound(qint64 ms, Step step, const QTimeZone &zone, Qt::DayOfWeek weekStart = Qt::Monday);

    [[nodiscard]] int count() const { return m_edges.empty() ? 0 : int(m_edges.size()) - 1; }
    [[nodiscard]] bool isEmpty() const { return count() == 0; }
    [[nodiscard]] Step step() const { return m_step; }
    [[nodiscard]] qint64 start(int bucket) const { return m_edges[size_t(bucket)]; }
    [[nodiscard]] qint64 end(int bucket) const { return m_edges[size_t(bucket) + 1]; }
    [[nodiscard]] const std::vector<qint64> &edges() const { return m_edges; } // count() + 1, increasing
    // The bucket holding ms; -1 outside [from, until).
    [[nodiscard]] int bucketOf(qint64 ms) const;

private:
    [[nodiscard]] static std::vector<qint64> edgesFor(
        Step step, qint64 fromMs, qint64 untilMs, const QTimeZone &zone, Qt::DayOfWeek weekStart, int limit);

    Step m_step;
    std::vector<qint64> m_edges;
    qint64 m_uniformOrigin = 0; // when every bucket (before clipping) is m_uniformWidth long
    qint64 m_uniformWidth = 0; // 0: bucketOf() searches the edges
};
