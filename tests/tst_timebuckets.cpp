// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "filter/eventhistogram.h"
#include "model/eventstore.h"
#include "model/timebuckets.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QTest>

Q_DECLARE_METATYPE(TimeBuckets::Unit)

// The timeline's buckets: which step a range gets, where the edges fall on the local clock (DST
// change days included), and that every time lands in the bucket whose edges hold it.
class TestTimeBuckets final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void stepAndEdges_data();
    void stepAndEdges();
    void everyTimeInItsBucket_data();
    void everyTimeInItsBucket();
    void emptyAndTinyRanges();
    void histogramCountsShownRowsPerSeverity();
};

namespace {

qint64 local(const char *iso, const QTimeZone &zone)
{
    const QDateTime t = QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate);
    return QDateTime(t.date(), t.time(), zone).toMSecsSinceEpoch();
}

QDateTime at(qint64 ms, const QTimeZone &zone)
{
    return QDateTime::fromMSecsSinceEpoch(ms, zone);
}

// True when the local time is a whole multiple of the step (the edges people read on a clock).
bool isRound(const QDateTime &t, TimeBuckets::Step step, Qt::DayOfWeek weekStart)
{
    const QTime time = t.time();
    if (time.second() != 0 || time.msec() != 0)
        return false;
    switch (step.unit) {
    case TimeBuckets::Unit::Minute: return time.minute() % step.count == 0;
    case TimeBuckets::Unit::Hour: return time.minute() == 0 && time.hour() % step.count == 0;
    case TimeBuckets::Unit::Day: return time == QTime(0, 0);
    case TimeBuckets::Unit::Week: return time == QTime(0, 0) && t.date().dayOfWeek() == weekStart;
    case TimeBuckets::Unit::Month:
        return time == QTime(0, 0) && t.date().day() == 1 && (t.date().month() - 1) % step.count == 0;
    }
    return false;
}

} // namespace

void TestTimeBuckets::stepAndEdges_data()
{
    QTest::addColumn<QByteArray>("zone");
    QTest::addColumn<QByteArray>("from"); // local time in the zone
    QTest::addColumn<QByteArray>("until");
    QTest::addColumn<int>("maxBuckets");
    QTest::addColumn<TimeBuckets::Unit>("unit");
    QTest::addColumn<int>("stepCount");
    QTest::addColumn<int>("buckets");

    using U = TimeBuckets::Unit;
    QTest::newRow("last hour: minutes") << QByteArray("UTC") << QByteArray("2026-12-01T10:00:00")
                                        << QByteArray("2026-12-01T11:00:00") << 100 << U::Minute << 1 << 60;
    QTest::newRow("last hour, 10:17 to 11:17: clipped ends")
        << QByteArray("Europe/Berlin") << QByteArray("2026-12-01T10:17:00") << QByteArray("2026-12-01T11:17:00")
        << 30 << U::Minute << 5 << 13;
    QTest::newRow("a day: quarter hours") << QByteArray("Europe/Berlin") << QByteArray("2026-12-01T00:00:00")
                                          << QByteArray("2026-12-02T00:00:00") << 100 << U::Minute << 15 << 96;
    QTest::newRow("7 days: 2 hours") << QByteArray("Europe/Berlin") << QByteArray("2026-11-24T00:00:00")
                                     << QByteArray("2026-12-01T00:00:00") << 100 << U::Hour << 2 << 84;
    QTest::newRow("30 days: 12 hours") << QByteArray("America/New_York") << QByteArray("2026-11-01T00:00:00")
                                       << QByteArray("2026-12-01T00:00:00") << 100 << U::Hour << 12 << 60;
    QTest::newRow("13 months: weeks") << QByteArray("Europe/Berlin") << QByteArray("2025-11-01T00:00:00")
                                      << QByteArray("2026-12-01T00:00:00") << 100 << U::Week << 1 << 58;
    QTest::newRow("3 years: quarters") << QByteArray("UTC") << QByteArray("2024-01-01T00:00:00")
                                       << QByteArray("2027-01-01T00:00:00") << 20 << U::Month << 3 << 12;
    // DST change days in Berlin (2026-03-29 02:00 -> 03:00, 2026-10-25 03:00 -> 02:00).
    QTest::newRow("spring forward day: 23 hours") << QByteArray("Europe/Berlin") << QByteArray("2026-03-29T00:00:00")
                                                  << QByteArray("2026-03-30T00:00:00") << 30 << U::Hour << 1 << 23;
    QTest::newRow("fall back day: 25 hours") << QByteArray("Europe/Berlin") << QByteArray("2026-10-25T00:00:00")
                                             << QByteArray("2026-10-26T00:00:00") << 30 << U::Hour << 1 << 25;
    QTest::newRow("fall back day in 6 hours") << QByteArray("Europe/Berlin") << QByteArray("2026-10-25T00:00:00")
                                              << QByteArray("2026-10-26T00:00:00") << 5 << U::Hour << 6 << 4;
    QTest::newRow("New York spring forward in 3 hours")
        << QByteArray("America/New_York") << QByteArray("2026-03-08T00:00:00") << QByteArray("2026-03-09T00:00:00")
        << 10 << U::Hour << 3 << 8;
    QTest::newRow("week over a DST change: days") << QByteArray("Europe/Berlin") << QByteArray("2026-03-26T00:00:00")
                                                  << QByteArray("2026-04-02T00:00:00") << 10 << U::Day << 1 << 7;
    // Half-hour offset: round hours are at :30 UTC.
    QTest::newRow("Kolkata day: hours") << QByteArray("Asia/Kolkata") << QByteArray("2026-12-01T00:00:00")
                                        << QByteArray("2026-12-02T00:00:00") << 30 << U::Hour << 1 << 24;
}

void TestTimeBuckets::stepAndEdges()
{
    QFETCH(QByteArray, zone);
    QFETCH(QByteArray, from);
    QFETCH(QByteArray, until);
    QFETCH(int, maxBuckets);
    QFETCH(TimeBuckets::Unit, unit);
    QFETCH(int, stepCount);
    QFETCH(int, buckets);

    const QTimeZone z(zone);
    QVERIFY2(z.isValid(), zone.constData());
    const qint64 fromMs = local(from.constData(), z);
    const qint64 untilMs = local(until.constData(), z);
    const TimeBuckets b = TimeBuckets::make(fromMs, untilMs, z, maxBuckets, Qt::Monday);

    QCOMPARE(b.step().unit, unit);
    QCOMPARE(b.step().count, stepCount);
    QCOMPARE(b.count(), buckets);
    QVERIFY(b.count() <= maxBuckets);
    QCOMPARE(b.edges().front(), fromMs);
    QCOMPARE(b.edges().back(), untilMs);
    for (int i = 0; i < b.count(); ++i)
        QVERIFY2(b.start(i) < b.end(i), qPrintable(QStringLiteral("bucket %1 is empty").arg(i)));
    // Every edge but the clipped range ends is a round local time.
    for (size_t i = 1; i + 1 < b.edges().size(); ++i) {
        const QDateTime edge = at(b.edges()[i], z);
        QVERIFY2(isRound(edge, b.step(), Qt::Monday), qPrintable(edge.toString(Qt::ISODate)));
    }
}

void TestTimeBuckets::everyTimeInItsBucket_data()
{
    QTest::addColumn<QByteArray>("zone");
    QTest::addColumn<QByteArray>("from");
    QTest::addColumn<QByteArray>("until");
    QTest::addColumn<int>("maxBuckets");

    QTest::newRow("minutes, fixed length") << QByteArray("Europe/Berlin") << QByteArray("2026-10-25T01:13:00")
                                           << QByteArray("2026-10-25T04:00:00") << 200;
    QTest::newRow("hours over fall back") << QByteArray("Europe/Berlin") << QByteArray("2026-10-24T00:00:00")
                                          << QByteArray("2026-10-27T00:00:00") << 80;
    QTest::newRow("6 hours over spring forward") << QByteArray("America/New_York")
                                                 << QByteArray("2026-03-05T07:00:00")
                                                 << QByteArray("2026-03-12T00:00:00") << 30;
    QTest::newRow("days") << QByteArray("Asia/Kolkata") << QByteArray("2026-11-01T00:00:00")
                          << QByteArray("2026-12-01T00:00:00") << 31;
    QTest::newRow("months") << QByteArray("UTC") << QByteArray("2025-01-15T00:00:00")
                            << QByteArray("2026-12-01T00:00:00") << 30;
}

void TestTimeBuckets::everyTimeInItsBucket()
{
    QFETCH(QByteArray, zone);
    QFETCH(QByteArray, from);
    QFETCH(QByteArray, until);
    QFETCH(int, maxBuckets);

    const QTimeZone z(zone);
    const qint64 fromMs = local(from.constData(), z);
    const qint64 untilMs = local(until.constData(), z);
    const TimeBuckets b = TimeBuckets::make(fromMs, untilMs, z, maxBuckets);
    QVERIFY(!b.isEmpty());
    QRandomGenerator random(7);
    std::vector<qint64> times = { fromMs, untilMs - 1, fromMs - 1, untilMs };
    for (const qint64 edge : b.edges())
        times.insert(times.end(), { edge - 1, edge, edge + 1 });
    for (int i = 0; i < 2000; ++i)
        times.push_back(fromMs + qint64(random.bounded(quint64(untilMs - fromMs))));
    for (const qint64 t : times) {
        const int bucket = b.bucketOf(t);
        if (t < fromMs || t >= untilMs) {
            QCOMPARE(bucket, -1);
            continue;
        }
        QVERIFY2(bucket >= 0 && b.start(bucket) <= t && t < b.end(bucket),
            qPrintable(QStringLiteral("%1 in bucket %2").arg(at(t, z).toString(Qt::ISODateWithMs)).arg(bucket)));
    }
}

void TestTimeBuckets::emptyAndTinyRanges()
{
    const QTimeZone utc = QTimeZone::utc();
    QVERIFY(TimeBuckets::make(1000, 1000, utc, 100).isEmpty());
    QVERIFY(TimeBuckets::make(2000, 1000, utc, 100).isEmpty());
    QCOMPARE(TimeBuckets::make(1000, 1000, utc, 100).bucketOf(1000), -1);
    // A second: one clipped minute bucket.
    const TimeBuckets second = TimeBuckets::make(60'000 * 10 + 5, 60'000 * 10 + 1005, utc, 100);
    QCOMPARE(second.count(), 1);
    QCOMPARE(second.bucketOf(60'000 * 10 + 500), 0);
    // One bucket asked for: the coarsest step that still gives one.
    const TimeBuckets one = TimeBuckets::make(0, 3600'000, utc, 1);
    QCOMPARE(one.count(), 1);
}

void TestTimeBuckets::histogramCountsShownRowsPerSeverity()
{
    const QTimeZone utc = QTimeZone::utc();
    const qint64 from = local("2026-12-01T10:00:00", utc);
    std::vector<Event> events;
    // Minute m holds m events; their severities cycle Info, Warn, Critical, and one unknown id 7.
    qint64 id = 1;
    for (int minute = 0; minute < 10; ++minute) {
        for (int i = 0; i < minute; ++i) {
            Event e;
            e.id = id++;
            e.timestampMs = from + minute * 60'000 + i * 1000;
            const int severities[] = { 0, 1, 2, 7 };
            e.severity = { severities[i % 4], QStringLiteral("S") };
            events.push_back(e);
        }
    }
    Event outside;
    outside.id = id++;
    outside.timestampMs = from - 1;
    events.push_back(outside);
    EventStore store;
    QCOMPARE(store.append(std::span<const Event>(events)), qsizetype(events.size()));

    const TimeBuckets buckets = TimeBuckets::make(from, from + 10 * 60'000, utc, 10);
    QCOMPARE(buckets.count(), 10);
    std::vector<uint32_t> all(size_t(store.size()));
    std::iota(all.begin(), all.end(), 0u);
    const EventHistogram h = EventHistogram::count(store, all, buckets);
    QCOMPARE(h.counted(), store.size() - 1); // the event before the range is not counted
    QCOMPARE(h.maxTotal(), qsizetype(9));
    for (int minute = 0; minute < 10; ++minute) {
        QCOMPARE(h.total(minute), qsizetype(minute));
        const EventHistogram::Counts &c = h.counts(minute);
        QCOMPARE(c[0], qsizetype((minute + 3) / 4)); // i = 0, 4, 8
        QCOMPARE(c[1], qsizetype((minute + 2) / 4));
        QCOMPARE(c[2], qsizetype((minute + 1) / 4));
        QCOMPARE(c[3], qsizetype(minute / 4)); // severity 7: "other"
    }
    // Only the shown rows: the odd store rows.
    std::vector<uint32_t> odd;
    for (uint32_t r = 1; r < uint32_t(store.size()); r += 2)
        odd.push_back(r);
    const EventHistogram shown = EventHistogram::count(store, odd, buckets);
    qsizetype sum = 0;
    for (int b = 0; b < buckets.count(); ++b)
        sum += shown.total(b);
    QCOMPARE(sum, shown.counted());
    QVERIFY(shown.counted() < h.counted());
}

QTEST_APPLESS_MAIN(TestTimeBuckets)
#include "tst_timebuckets.moc"
