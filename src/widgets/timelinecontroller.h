// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QTimer>

#include <functional>
#include <optional>
#include <utility>

class EventTableModel;
class QAction;
class TimelineWidget;
class ViewerSettings;

// Keeps the timeline in step with the table: counts the shown rows again when the filter changes
// (at once) or rows arrive (at most every RecountMs while a pull streams), when the width or the
// time display changes; shows or hides it with its View action (remembered).
class TimelineController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimelineController)

public:
    static constexpr int RecountMs = 100;
    using Interval = std::optional<std::pair<qint64, qint64>>; // [from, until) ms UTC; none: no range

    // None owned; all outlive the controller. interval: the time range the table shows right now.
    TimelineController(TimelineWidget *timeline, QAction *toggle, EventTableModel *model, ViewerSettings *settings,
        std::function<Interval()> interval, QObject *parent = nullptr);

    void recount(); // now
    void setMarker(std::optional<qint64> ms);

private:
    void recountSoon();

    TimelineWidget *m_timeline;
    EventTableModel *m_model;
    std::function<Interval()> m_interval;
    QTimer m_timer;
};
