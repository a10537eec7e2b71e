// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "settings/viewerfilterstate.h"

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
    case TimeRange::Custom:
        break;
    }
    return 0;
}

std::pair<qint64, qint64> ViewerFilterState::interval(qint64 nowMs) const
{
    if (timeRange == TimeRange::Custom) {
        const qint64 from = customFrom.isValid() ? customFrom.toMSecsSinceEpoch() : 0;
        const qint64 until = customUntil.isValid() ? customUntil.toMSecsSinceEpoch() : nowMs;
        return { from, until };
    }
    // until is exclusive: one ms past now so that an event stamped "now" is still in.
    return { nowMs - spanMs(timeRange), nowMs + 1 };
}
