// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "api/eventscope.h"

#include <QDateTime>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QTimeZone>

#include <utility>

// What the filter panel shows, as a value: what is persisted between runs and what ViewRequest
// turns into an EventQuery/EventScope (server side) and an EventFilter (local).
struct ViewerFilterState final
{
    // Today ... LastWeek are calendar days and weeks in the local time zone (a DST day has 23 or 25
    // hours); a week starts on the locale's first day of the week.
    enum class TimeRange { LastHour, Last24Hours, Last7Days, Last30Days, Today, Yesterday, ThisWeek, LastWeek, Custom };
    using ScopeKind = EventScope::Kind;

    TimeRange timeRange = TimeRange::Last7Days;
    QDateTime customFrom; // used with TimeRange::Custom
    QDateTime customUntil;
    QSet<int> hiddenSeverities;
    QSet<int> hiddenSources;
    QSet<int> hiddenCategories;
    QSet<int> hiddenTypeIds;
    QString searchText;
    // Pivots ("Show only <value>", "Exclude <value>" from a cell or a payload field): one search
    // term each, in SearchQuery's syntax (`type:"Update location"`, `-detail.apn:"internet"`),
    // ANDed with the search text and with each other; shown as removable chips.
    QStringList pivots;
    ScopeKind scopeKind = ScopeKind::Account; // not persisted: a restart reads the whole account
    QString scopeId;

    // The time span of the range relative to now, in ms; 0 for Custom and the calendar ranges.
    [[nodiscard]] static qint64 spanMs(TimeRange range);
    // [from, until) for the range as of nowMs (ms since the epoch, UTC), in the system time zone
    // and the default locale's week.
    [[nodiscard]] std::pair<qint64, qint64> interval(qint64 nowMs) const;
    // The same in this zone with weeks starting on firstDayOfWeek.
    [[nodiscard]] std::pair<qint64, qint64> interval(
        qint64 nowMs, const QTimeZone &zone, Qt::DayOfWeek firstDayOfWeek) const;

    friend bool operator==(const ViewerFilterState &, const ViewerFilterState &) = default;
};
