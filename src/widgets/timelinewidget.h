// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "filter/eventhistogram.h"

#include <QTimeZone>
#include <QWidget>

#include <optional>

// The timeline above the table: the shown events per bucket of the time range, stacked by severity
// (Info at the bottom, then Warn, Critical, others), drawn with QPainter. Hovering a bar tells its
// counts; a click on a bar, or a drag across bars, asks for that time range (rangeSelected); Left
// and Right move a focused bar, Enter asks for it. The selected event is a vertical line.
class TimelineWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimelineWidget)

public:
    static constexpr int MinBarWidth = 6; // px, gap included: how many buckets the width allows

    explicit TimelineWidget(QWidget *parent = nullptr);

    // zone: how the times are shown (the table's time display: local or UTC).
    void setHistogram(EventHistogram histogram, const QTimeZone &zone);
    void setMarker(std::optional<qint64> ms); // the selected event's time
    [[nodiscard]] const EventHistogram &histogram() const { return m_histogram; }
    [[nodiscard]] int maxBuckets() const; // for the current width

    [[nodiscard]] int bucketAt(QPoint pos) const; // -1 outside the bars
    [[nodiscard]] QRect barRect(int bucket) const; // the bucket's column (the bar within it)
    [[nodiscard]] QString bucketText(int bucket) const; // what the tooltip says

    [[nodiscard]] QSize sizeHint() const override;
    [[nodiscard]] QSize minimumSizeHint() const override;

Q_SIGNALS:
    void rangeSelected(qint64 fromMs, qint64 untilMs);
    void maxBucketsChanged(); // the width changed: the owner counts again

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    bool event(QEvent *event) override;

private:
    [[nodiscard]] QRect plotRect() const;
    [[nodiscard]] int xOf(qint64 ms) const;
    [[nodiscard]] QString edgeLabel(qint64 ms) const;
    [[nodiscard]] QString spanText(int first, int last) const;
    void selectBuckets(int first, int last);

    EventHistogram m_histogram;
    QTimeZone m_zone = QTimeZone::systemTimeZone();
    std::optional<qint64> m_marker;
    int m_pressBucket = -1; // a drag: from this bucket to m_dragBucket
    int m_dragBucket = -1;
    int m_focusBucket = -1; // the keyboard's bar
    int m_lastMaxBuckets = 0;
};
