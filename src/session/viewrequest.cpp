// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "session/viewrequest.h"

#include <QCoreApplication>
#include <QDateTime>

std::optional<ViewRequest> ViewRequest::fromState(const ViewerFilterState &state, qint64 nowMs, QString *problem)
{
    auto fail = [problem](const QString &why) {
        if (problem)
            *problem = why;
        return std::nullopt;
    };
    ViewRequest request;
    request.scope = EventScope { state.scopeKind, state.scopeKind == EventScope::Kind::Account ? QString() : state.scopeId.trimmed() };
    if (!request.scope.validate().isEmpty())
        return fail(QCoreApplication::translate(
            "ViewRequest", "Enter the numeric ID of the device, SIM, user or organisation to read."));
    request.interval = state.interval(nowMs);
    request.query.from = QDateTime::fromMSecsSinceEpoch(request.interval.first, Qt::UTC);
    request.query.until = QDateTime::fromMSecsSinceEpoch(request.interval.second, Qt::UTC);
    const QString invalid = request.query.validate();
    if (!invalid.isEmpty())
        return fail(invalid);
    return request;
}

EventFilter ViewRequest::filter(
    const ViewerFilterState &state, std::pair<qint64, qint64> interval, const QList<EntityPin> &pins)
{
    EventFilter filter;
    filter.hiddenTypeIds = state.hiddenTypeIds;
    filter.hiddenCategories = state.hiddenCategories;
    filter.hiddenSeverities = state.hiddenSeverities;
    filter.hiddenSources = state.hiddenSources;
    filter.text = state.searchText;
    if (interval.first > 0 || interval.second > 0) {
        filter.fromMs = interval.first;
        filter.untilMs = interval.second;
    }
    for (const EntityPin &pin : pins)
        filter.pin(pin.entity) = pin.id;
    return filter;
}
