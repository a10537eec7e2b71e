// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "simulatordata.h"

#include "sim/emnifysimulator.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonParseError>

qsizetype generateValidEvents(EmnifySimulator &simulator, qsizetype count, quint64 seed)
{
    simulator.generateEvents(count, seed, QDateTime::currentMSecsSinceEpoch());
    std::vector<Event> events;
    events.reserve(size_t(simulator.eventCount()));
    bool allValid = true;
    for (qsizetype row = 0; row < simulator.eventCount(); ++row) {
        Event event = simulator.event(row);
        QJsonParseError error;
        error.error = QJsonParseError::NoError;
        if (!event.detailJson.isEmpty())
            (void)QJsonDocument::fromJson(event.detailJson, &error);
        if (error.error == QJsonParseError::NoError)
            events.push_back(std::move(event));
        else
            allValid = false;
    }
    if (allValid)
        return 0;
    const qsizetype dropped = simulator.eventCount() - qsizetype(events.size());
    qWarning("simulator generated %lld events with invalid detail JSON; left out",
        static_cast<long long>(dropped));
    simulator.setEvents(std::move(events));
    return dropped;
}
