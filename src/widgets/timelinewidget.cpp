// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "widgets/timelinewidget.h"

#include <QDateTime>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>
#include <climits>

namespace {

constexpr int LabelGap = 8; // px between two edge labels

// Info, Warn, Critical, others: the severity column's colours, readable on light and dark themes.
QColor severityColor(int slot, const QPalette &palette)
{
    switch (slot) {
    case 0: return palette.color(QPalette::Highlight).lighter(130);
    case 1: return QColor(0xe6, 0x95, 0x00);
    case 2: return QColor(0xd3, 0x2f, 0x2f);
    default: return palette.color(QPalette::Mid);
    }
}

} // namespace

TimelineWidget::TimelineWidget(QWidget *parent) : QWidget(parent)
{
    setAccessibleName(tr("Timeline"));
    setAccessibleDescription(tr("Shown events over the time range, by severity. Click or drag across bars to "
                                "narrow the time range."));
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

QSize TimelineWidget::sizeHint() const
{
    return { 400, fontMetrics().height() * 5 };
}

QSize TimelineWidget::minimumSizeHint() const
{
    return { 100, fontMetrics().height() * 4 };
}

QRect TimelineWidget::plotRect() const
{
    // Bars above, one line of edge labels below.
    const int labels = fontMetrics().height() + 2;
    return rect().adjusted(2, 2, -2, -labels);
}

int TimelineWidget::maxBuckets() const
{
    return std::max(1, plotRect().width() / MinBarWidth);
}

void TimelineWidget::setHistogram(EventHistogram histogram, const QTimeZone &zone)
{
    m_histogram = std::move(histogram);
    m_zone = zone;
    m_pressBucket = m_dragBucket = -1;
    if (m_focusBucket >= m_histogram.buckets().count())
        m_focusBucket = -1;
    update();
}

void TimelineWidget::setMarker(std::optional<qint64> ms)
{
    if (m_marker == ms)
        return;
    m_marker = ms;
    update();
}

int TimelineWidget::xOf(qint64 ms) const
{
    const TimeBuckets &b = m_histogram.buckets();
    const QRect plot = plotRect();
    const qint64 from = b.edges().front();
    const qint64 span = std::max<qint64>(1, b.edges().back() - from);
    return plot.left() + int(double(ms - from) * plot.width() / double(span));
}

QRect TimelineWidget::barRect(int bucket) const
{
    const TimeBuckets &b = m_histogram.buckets();
    if (bucket < 0 || bucket >= b.count())
        return {};
    const QRect plot = plotRect();
    const int left = xOf(b.start(bucket));
    const int right = std::max(left + 1, xOf(b.end(bucket)));
    return QRect(QPoint(left, plot.top()), QPoint(right - 1, plot.bottom()));
}

int TimelineWidget::bucketAt(QPoint pos) const
{
    // By the drawn columns, so that a narrow (clipped) bar is found where it is drawn.
    if (pos.y() < rect().top() || pos.y() > rect().bottom())
        return -1;
    for (int bucket = 0; bucket < m_histogram.buckets().count(); ++bucket) {
        const QRect column = barRect(bucket);
        if (pos.x() >= column.left() && pos.x() <= column.right())
            return bucket;
    }
    return -1;
}

QString TimelineWidget::edgeLabel(qint64 ms) const
{
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(ms, m_zone);
    const QLocale locale;
    switch (m_histogram.buckets().step().unit) {
    case TimeBuckets::Unit::Minute:
    case TimeBuckets::Unit::Hour:
        // The date where a day starts, else the time of day.
        return t.time() == QTime(0, 0) ? locale.toString(t.date(), QStringLiteral("ddd d MMM"))
                                       : locale.toString(t.time(), QStringLiteral("HH:mm"));
    case TimeBuckets::Unit::Day:
    case TimeBuckets::Unit::Week: return locale.toString(t.date(), QStringLiteral("ddd d MMM"));
    case TimeBuckets::Unit::Month: return locale.toString(t.date(), QStringLiteral("MMM yyyy"));
    }
    return {};
}

QString TimelineWidget::spanText(int first, int last) const
{
    const TimeBuckets &b = m_histogram.buckets();
    const QLocale locale;
    const QDateTime from = QDateTime::fromMSecsSinceEpoch(b.start(first), m_zone);
    const QDateTime until = QDateTime::fromMSecsSinceEpoch(b.end(last), m_zone);
    const QString dateFormat = QStringLiteral("ddd d MMM yyyy");
    const QString timeFormat = QStringLiteral("HH:mm");
    if (from.date() == until.date() || until.addMSecs(-1).date() == from.date())
        return tr("%1, %2 to %3")
            .arg(locale.toString(from.date(), dateFormat), locale.toString(from.time(), timeFormat),
                locale.toString(until.time(), timeFormat));
    return tr("%1 %2 to %3 %4")
        .arg(locale.toString(from.date(), dateFormat), locale.toString(from.time(), timeFormat),
            locale.toString(until.date(), dateFormat), locale.toString(until.time(), timeFormat));
}

QString TimelineWidget::bucketText(int bucket) const
{
    if (bucket < 0 || bucket >= m_histogram.buckets().count())
        return {};
    const EventHistogram::Counts &c = m_histogram.counts(bucket);
    const QLocale locale;
    QStringList parts;
    const QString names[] = { tr("Info"), tr("Warn"), tr("Critical"), tr("other") };
    for (int slot = 0; slot < EventHistogram::SeverityCount; ++slot) {
        if (c[size_t(slot)] > 0)
            parts << QStringLiteral("%1 %2").arg(locale.toString(c[size_t(slot)]), names[slot]);
    }
    const qsizetype total = m_histogram.total(bucket);
    QString text = spanText(bucket, bucket) + QLatin1Char('\n') + tr("%Ln events", nullptr, int(total));
    if (!parts.isEmpty())
        text += QStringLiteral(": ") + parts.join(QStringLiteral(", "));
    return text;
}

void TimelineWidget::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    const QPalette pal = palette();
    p.fillRect(rect(), pal.color(QPalette::Base));
    const QRect plot = plotRect();
    const TimeBuckets &b = m_histogram.buckets();
    if (b.isEmpty()) {
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(plot, Qt::AlignCenter, tr("No time range"));
        return;
    }
    // The selection (a drag, or the keyboard's bar) behind the bars.
    const int selFirst = m_pressBucket >= 0 ? std::min(m_pressBucket, m_dragBucket) : m_focusBucket;
    const int selLast = m_pressBucket >= 0 ? std::max(m_pressBucket, m_dragBucket) : m_focusBucket;
    if (selFirst >= 0) {
        QColor sel = pal.color(QPalette::Highlight);
        sel.setAlpha(hasFocus() || m_pressBucket >= 0 ? 70 : 35);
        p.fillRect(barRect(selFirst).united(barRect(selLast)), sel);
    }
    const qsizetype maxTotal = std::max<qsizetype>(1, m_histogram.maxTotal());
    for (int bucket = 0; bucket < b.count(); ++bucket) {
        QRect column = barRect(bucket);
        if (column.width() > 2)
            column.setRight(column.right() - 1); // a gap between bars
        const EventHistogram::Counts &c = m_histogram.counts(bucket);
        int bottom = plot.bottom() + 1;
        qsizetype below = 0;
        for (int slot = 0; slot < EventHistogram::SeverityCount; ++slot) {
            if (c[size_t(slot)] == 0)
                continue;
            below += c[size_t(slot)];
            // Stacked by cumulative height, so rounding never makes a stack taller than its total.
            const int top = plot.bottom() + 1 - int(double(below) * plot.height() / double(maxTotal));
            const int height = std::max(1, bottom - top);
            p.fillRect(QRect(column.left(), bottom - height, column.width(), height), severityColor(slot, pal));
            bottom -= height;
        }
    }
    // Edge labels below the bars, on a round step of their own (every 6 hours, every day, ...) wide
    // enough for the labels not to touch.
    p.setPen(pal.color(QPalette::Text));
    const QFontMetrics fm = fontMetrics();
    const int labelWidth = std::max(fm.horizontalAdvance(QStringLiteral("Wed 30 Sep")),
                               fm.horizontalAdvance(QStringLiteral("Sep 2026")))
        + LabelGap;
    const double pxPerMs = double(plot.width()) / double(std::max<qint64>(1, b.edges().back() - b.edges().front()));
    TimeBuckets::Step labelStep = b.step();
    for (const TimeBuckets::Step &step : TimeBuckets::ladder()) {
        if (TimeBuckets::nominalMs(step) < TimeBuckets::nominalMs(b.step()))
            continue;
        labelStep = step;
        if (double(TimeBuckets::nominalMs(step)) * pxPerMs >= labelWidth)
            break;
    }
    const Qt::DayOfWeek weekStart = QLocale().firstDayOfWeek();
    int lastRight = INT_MIN;
    for (const qint64 edge : b.edges()) {
        if (edge == b.edges().back() || !TimeBuckets::isRound(edge, labelStep, m_zone, weekStart))
            continue;
        const int x = xOf(edge);
        const QString label = edgeLabel(edge);
        const int width = fm.horizontalAdvance(label);
        if (x < lastRight + LabelGap || x + width > rect().right())
            continue;
        p.drawLine(x, plot.bottom() + 1, x, plot.bottom() + 3);
        p.drawText(QPoint(x + 2, rect().bottom() - fm.descent()), label);
        lastRight = x + width;
    }
    if (m_marker && *m_marker >= b.edges().front() && *m_marker < b.edges().back()) {
        const int x = xOf(*m_marker);
        p.setPen(QPen(pal.color(QPalette::Text), 2));
        p.drawLine(x, plot.top(), x, plot.bottom());
    }
    if (hasFocus()) {
        p.setPen(QPen(pal.color(QPalette::Highlight), 1, Qt::DotLine));
        p.drawRect(rect().adjusted(0, 0, -1, -1));
    }
}

void TimelineWidget::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    if (maxBuckets() != m_lastMaxBuckets) {
        m_lastMaxBuckets = maxBuckets();
        Q_EMIT maxBucketsChanged();
    }
}

void TimelineWidget::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return QWidget::mousePressEvent(event);
    m_pressBucket = m_dragBucket = bucketAt(event->position().toPoint());
    update();
}

void TimelineWidget::mouseMoveEvent(QMouseEvent *event)
{
    if (m_pressBucket < 0)
        return;
    const int bucket = bucketAt(event->position().toPoint());
    if (bucket >= 0 && bucket != m_dragBucket) {
        m_dragBucket = bucket;
        QToolTip::showText(event->globalPosition().toPoint(),
            spanText(std::min(m_pressBucket, m_dragBucket), std::max(m_pressBucket, m_dragBucket)), this);
        update();
    }
}

void TimelineWidget::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || m_pressBucket < 0)
        return QWidget::mouseReleaseEvent(event);
    const int first = std::min(m_pressBucket, m_dragBucket);
    const int last = std::max(m_pressBucket, m_dragBucket);
    m_pressBucket = m_dragBucket = -1;
    update();
    selectBuckets(first, last);
}

void TimelineWidget::keyPressEvent(QKeyEvent *event)
{
    const int count = m_histogram.buckets().count();
    if (count == 0)
        return QWidget::keyPressEvent(event);
    switch (event->key()) {
    case Qt::Key_Left:
    case Qt::Key_Right: {
        const int step = event->key() == Qt::Key_Left ? -1 : 1;
        m_focusBucket = m_focusBucket < 0 ? (step > 0 ? 0 : count - 1) : std::clamp(m_focusBucket + step, 0, count - 1);
        setToolTip(bucketText(m_focusBucket));
        update();
        return;
    }
    case Qt::Key_Home:
    case Qt::Key_End:
        m_focusBucket = event->key() == Qt::Key_Home ? 0 : count - 1;
        update();
        return;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (m_focusBucket >= 0)
            selectBuckets(m_focusBucket, m_focusBucket);
        return;
    case Qt::Key_Escape:
        if (m_pressBucket >= 0 || m_focusBucket >= 0) {
            m_pressBucket = m_dragBucket = m_focusBucket = -1;
            update();
            return;
        }
        break;
    default: break;
    }
    QWidget::keyPressEvent(event);
}

bool TimelineWidget::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        const QString text = bucketText(bucketAt(help->pos()));
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, this, barRect(bucketAt(help->pos())));
        return true;
    }
    return QWidget::event(event);
}

void TimelineWidget::selectBuckets(int first, int last)
{
    if (first < 0 || last < first)
        return;
    const TimeBuckets &b = m_histogram.buckets();
    Q_EMIT rangeSelected(b.start(first), b.end(last));
}
