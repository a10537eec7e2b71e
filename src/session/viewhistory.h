// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "session/viewstate.h"

#include <QByteArray>
#include <QList>

// Back and forward through the views the user has had, like a browser's: a push after going back
// drops the steps ahead; an unchanged view is no new step (a scroll only refines the current one);
// at most Capacity steps, the oldest dropped first. Written as JSON for the settings.
class ViewHistory final
{
public:
    static constexpr int Capacity = 50;

    // False when the state is the current step (its scroll position is taken over).
    bool push(const ViewState &state);
    [[nodiscard]] bool canGoBack() const { return m_index > 0; }
    [[nodiscard]] bool canGoForward() const { return m_index + 1 < m_steps.size(); }
    // The step moved to; the current one when there is none that way.
    const ViewState &back();
    const ViewState &forward();
    [[nodiscard]] const ViewState *current() const;
    // The current step's scroll position (and nothing else) as it is now, before moving away.
    void updatePosition(const ViewState &state);
    [[nodiscard]] qsizetype size() const { return m_steps.size(); }
    [[nodiscard]] qsizetype index() const { return m_index; }
    [[nodiscard]] const QList<ViewState> &steps() const { return m_steps; }
    void clear();

    [[nodiscard]] QByteArray toJson() const;
    // A history from the settings; what cannot be read gives an empty history (never a failure).
    [[nodiscard]] static ViewHistory fromJson(const QByteArray &json);

private:
    QList<ViewState> m_steps;
    qsizetype m_index = -1;
};
