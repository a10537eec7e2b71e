// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "widgets/timelinecontroller.h"

#include "settings/viewersettings.h"
#include "table/eventtablemodel.h"
#include "widgets/timelinewidget.h"

#include <QAction>
#include <QLocale>

TimelineController::TimelineController(TimelineWidget *timeline, QAction *toggle, EventTableModel *model,
    ViewerSettings *settings, std::function<Interval()> interval, QObject *parent)
    : QObject(parent)
    , m_timeline(timeline)
    , m_model(model)
    , m_interval(std::move(interval))
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(RecountMs);
    connect(&m_timer, &QTimer::timeout, this, &TimelineController::recount);
    connect(m_model, &EventTableModel::filterApplied, this, &TimelineController::recount);
    connect(m_model, &EventTableModel::rowsShownChanged, this, &TimelineController::recountSoon);
    connect(m_model, &QAbstractItemModel::modelReset, this, &TimelineController::recountSoon);
    connect(m_timeline, &TimelineWidget::maxBucketsChanged, this, &TimelineController::recountSoon);

    toggle->setCheckable(true);
    toggle->setChecked(settings->timelineVisible());
    m_timeline->setVisible(toggle->isChecked());
    connect(toggle, &QAction::toggled, this, [this, settings](bool visible) {
        settings->setTimelineVisible(visible);
        m_timeline->setVisible(visible);
        if (visible)
            recount();
    });
}

void TimelineController::recountSoon()
{
    if (!m_timer.isActive())
        m_timer.start();
}

void TimelineController::recount()
{
    m_timer.stop();
    if (m_timeline->isHidden())
        return; // counted when shown again
    const Interval interval = m_interval();
    const QTimeZone zone
        = m_model->timeDisplay() == TimeDisplay::AbsoluteUtc ? QTimeZone::utc() : QTimeZone::systemTimeZone();
    TimeBuckets buckets;
    if (interval)
        buckets = TimeBuckets::make(
            interval->first, interval->second, zone, m_timeline->maxBuckets(), QLocale().firstDayOfWeek());
    m_timeline->setHistogram(EventHistogram::count(m_model->store(), m_model->visibleRows(), buckets), zone);
}

void TimelineController::setMarker(std::optional<qint64> ms) { m_timeline->setMarker(ms); }
