// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "api/eventscope.h"

#include <QDateTime>
#include <QSet>
#include <QString>

#include <utility>

// What the filter panel shows, as a value: what is persisted between runs and what ViewRequest
// turns into an EventQuery/EventScope (server side) and an EventFilter (local).
struct ViewerFilterState final
{
    enum class TimeRange { LastHour, Last24Hours, Last7Days, Last30Days, Custom };
    using ScopeKind = EventScope::Kind;

    TimeRange timeRange = TimeRange::Last7Days;
    QDateTime customFrom; // used with TimeRange::Custom
    QDateTime customUntil;
    QSet<int> hiddenSeverities;
    QSet<int> hiddenSources;
    QSet<int> hiddenCategories;
    QSet<int> hiddenTypeIds;
    QString searchText;
    ScopeKind scopeKind = ScopeKind::Account; // not persisted: a restart reads the whole account
    QString scopeId;

    // The time span of the range relative to now, in ms; 0 for Custom.
    [[nodiscard]] static qint64 spanMs(TimeRange range);
    // [from, until) for the range as of nowMs (ms since the epoch, UTC).
    [[nodiscard]] std::pair<qint64, qint64> interval(qint64 nowMs) const;

    friend bool operator==(const ViewerFilterState &, const ViewerFilterState &) = default;
};
