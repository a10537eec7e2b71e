// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "settings/viewerfilterstate.h"

#include <QLocale>

qint64 ViewerFilterState::spanMs(TimeRange range)
{
    constexpr qint64 hour = 3600LL * 1000;
    switch (range) {
    case TimeRange::LastHour:
        return hour;
    case TimeRange::Last24Hours:
        return 24 * hour;
    case TimeRange::Last7Days:
        return 7 * 24 * hour;
    case TimeRange::Last30Days:
        return 30 * 24 * hour;
    case TimeRange::Today:
    case TimeRange::Yesterday:
    case TimeRange::ThisWeek:
    case TimeRange::LastWeek:
    case TimeRange::Custom:
        break;
    }
    return 0;
}

std::pair<qint64, qint64> ViewerFilterState::interval(qint64 nowMs) const
{
    return interval(nowMs, QTimeZone::systemTimeZone(), QLocale().firstDayOfWeek());
}

std::pair<qint64, qint64> ViewerFilterState::interval(
    qint64 nowMs, const QTimeZone &zone, Qt::DayOfWeek firstDayOfWeek) const
{
    if (timeRange == TimeRange::Custom) {
        const qint64 from = customFrom.isValid() ? customFrom.toMSecsSinceEpoch() : 0;
        const qint64 until = customUntil.isValid() ? customUntil.toMSecsSinceEpoch() : nowMs;
        return { from, until };
    }
    // until is exclusive: one ms past now so that an event stamped "now" is still in.
    const qint64 untilNow = nowMs + 1;
    // Calendar ranges: from local midnight (startOfDay knows a zone whose midnight is skipped).
    const QDate today = QDateTime::fromMSecsSinceEpoch(nowMs, zone).date();
    const auto startOf = [&zone](QDate day) { return day.startOfDay(zone).toMSecsSinceEpoch(); };
    const QDate weekStart = today.addDays(-((today.dayOfWeek() - int(firstDayOfWeek) + 7) % 7));
    switch (timeRange) {
    case TimeRange::Today:
        return { startOf(today), untilNow };
    case TimeRange::Yesterday:
        return { startOf(today.addDays(-1)), startOf(today) };
    case TimeRange::ThisWeek:
        return { startOf(weekStart), untilNow };
    case TimeRange::LastWeek:
        return { startOf(weekStart.addDays(-7)), startOf(weekStart) };
    default:
        break;
    }
    return { nowMs - spanMs(timeRange), untilNow };
}
