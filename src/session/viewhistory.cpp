// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "session/viewhistory.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

bool ViewHistory::push(const ViewState &state)
{
    if (const ViewState *now = current(); now && now->sameStep(state)) {
        m_steps[m_index].topEventId = state.topEventId;
        return false;
    }
    m_steps.resize(m_index + 1); // a new step after going back forgets what was ahead
    m_steps.append(state);
    if (m_steps.size() > Capacity)
        m_steps.remove(0, m_steps.size() - Capacity);
    m_index = m_steps.size() - 1;
    return true;
}

const ViewState &ViewHistory::back()
{
    Q_ASSERT(!m_steps.isEmpty());
    if (canGoBack())
        --m_index;
    return m_steps.at(m_index);
}

const ViewState &ViewHistory::forward()
{
    Q_ASSERT(!m_steps.isEmpty());
    if (canGoForward())
        ++m_index;
    return m_steps.at(m_index);
}

const ViewState *ViewHistory::current() const
{
    return m_index >= 0 && m_index < m_steps.size() ? &m_steps.at(m_index) : nullptr;
}

void ViewHistory::updatePosition(const ViewState &state)
{
    if (current() && current()->sameStep(state))
        m_steps[m_index].topEventId = state.topEventId;
}

void ViewHistory::clear()
{
    m_steps.clear();
    m_index = -1;
}

QByteArray ViewHistory::toJson() const
{
    QJsonArray steps;
    for (const ViewState &step : m_steps)
        steps.append(step.toJson());
    const QJsonObject object { { QStringLiteral("version"), ViewState::FormatVersion },
        { QStringLiteral("index"), int(m_index) }, { QStringLiteral("steps"), steps } };
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

ViewHistory ViewHistory::fromJson(const QByteArray &json)
{
    ViewHistory history;
    QJsonParseError error {};
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return history;
    const QJsonObject object = document.object();
    if (object.value(QStringLiteral("version")).toInt() != ViewState::FormatVersion)
        return history; // another version's history is not worth a partial reading
    for (const QJsonValue &step : object.value(QStringLiteral("steps")).toArray()) {
        if (step.isObject())
            history.m_steps.append(ViewState::fromJson(step.toObject(), nullptr));
    }
    while (history.m_steps.size() > Capacity)
        history.m_steps.removeFirst();
    history.m_index = std::clamp<qsizetype>(object.value(QStringLiteral("index")).toInt(-1),
        history.m_steps.isEmpty() ? -1 : 0, history.m_steps.size() - 1);
    return history;
}
