// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "model/isotime.h"

#include <QTest>

class TestIsoTime final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void format_data();
    void format();
    void roundTrip_data();
    void roundTrip();
    void refused_data();
    void refused();
    void dateOnly();
    void everyDayOfTheRangeRoundTrips();
    void wideText();
};

void TestIsoTime::format_data()
{
    QTest::addColumn<qint64>("ms");
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("epoch") << 0LL << QByteArray("1970-01-01T00:00:00.000Z");
    QTest::newRow("just before the epoch") << -1LL << QByteArray("1969-12-31T23:59:59.999Z");
    QTest::newRow("a wire time") << 1635323882000LL << QByteArray("2021-10-27T08:38:02.000Z");
    QTest::newRow("leap day") << 1709164800123LL << QByteArray("2024-02-29T00:00:00.123Z");
    QTest::newRow("first supported") << IsoTime::MinMs << QByteArray("0001-01-01T00:00:00.000Z");
    QTest::newRow("last supported") << IsoTime::MaxMs << QByteArray("9999-12-31T23:59:59.999Z");
    // Outside the range the true year is written, never a clamped one (issue 10 saw year 10000
    // written as 9999, a different instant).
    QTest::newRow("after 9999") << IsoTime::MaxMs + 1 << QByteArray("+10000-01-01T00:00:00.000Z");
    QTest::newRow("year 0") << IsoTime::MinMs - 1 << QByteArray("0000-12-31T23:59:59.999Z");
    QTest::newRow("before year 0") << IsoTime::MinMs - 367 * 86400000LL
                                   << QByteArray("-0001-12-31T00:00:00.000Z");
}

void TestIsoTime::format()
{
    QFETCH(qint64, ms);
    QFETCH(QByteArray, text);
    QCOMPARE(IsoTime::format(ms), text);
    QByteArray seconds = text;
    seconds.replace(seconds.size() - 5, 4, QByteArray());
    QCOMPARE(IsoTime::format(ms, IsoTime::Precision::Seconds), seconds);
}

void TestIsoTime::roundTrip_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("written");
    QTest::newRow("wire form") << QByteArray("2021-10-27T08:38:02.000Z")
                               << QByteArray("2021-10-27T08:38:02.000Z");
    // Issue 10: written as 1899-12-31T23:00:00.000Z, which was then refused.
    QTest::newRow("1900 with +01:00")
        << QByteArray("1900-01-01T00:00:00+01:00") << QByteArray("1899-12-31T23:00:00.000Z");
    QTest::newRow("offset into the next day")
        << QByteArray("2021-12-31T23:30:00-01:00") << QByteArray("2022-01-01T00:30:00.000Z");
    QTest::newRow("microseconds truncated")
        << QByteArray("2021-10-27T11:59:29.123456Z") << QByteArray("2021-10-27T11:59:29.123Z");
    QTest::newRow("US form") << QByteArray("5/8/2017 10:56:25 PM") << QByteArray("2017-05-08T22:56:25.000Z");
    QTest::newRow("no zone is UTC") << QByteArray("2021-10-06 10:42:58")
                                    << QByteArray("2021-10-06T10:42:58.000Z");
    QTest::newRow("first supported") << QByteArray("0001-01-01T00:00:00Z")
                                     << QByteArray("0001-01-01T00:00:00.000Z");
    QTest::newRow("last supported with offset")
        << QByteArray("9999-12-31T23:59:59+01:00") << QByteArray("9999-12-31T22:59:59.000Z");
}

void TestIsoTime::roundTrip()
{
    QFETCH(QByteArray, text);
    const std::optional<qint64> ms = IsoTime::parse(text);
    QVERIFY(ms);
    QTEST(IsoTime::format(*ms), "written");
    QCOMPARE(IsoTime::parse(IsoTime::format(*ms)), ms);
}

void TestIsoTime::refused_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("2023-02-29") << QByteArray("2023-02-29T00:00:00Z"); // silently 1 March before
    QTest::newRow("1900-02-29") << QByteArray("1900-02-29T00:00:00Z");
    QTest::newRow("April 31") << QByteArray("2021-04-31T00:00:00Z");
    QTest::newRow("month 0") << QByteArray("2021-00-10T00:00:00Z");
    QTest::newRow("day 0") << QByteArray("2021-01-00T00:00:00Z");
    QTest::newRow("year 0") << QByteArray("0000-06-01T00:00:00Z");
    QTest::newRow("minute 60") << QByteArray("2021-01-01T00:60:00Z");
    QTest::newRow("second 60") << QByteArray("2016-12-31T23:59:60Z");
    QTest::newRow("offset hour 24") << QByteArray("2021-01-01T00:00:00+24:00");
    // Issue 10: in UTC these are outside 0001..9999 (9999-12-31T23:59:59-01:00 became year 9999's
    // 1 January, a different instant).
    QTest::newRow("past 9999 in UTC") << QByteArray("9999-12-31T23:59:59-01:00");
    QTest::newRow("before year 1 in UTC") << QByteArray("0001-01-01T00:00:00+01:00");
    QTest::newRow("five-digit year") << QByteArray("10000-01-01T00:00:00Z");
    QTest::newRow("expanded year") << QByteArray("+10000-01-01T00:00:00.000Z");
    QTest::newRow("date only") << QByteArray("2024-05-01");
    QTest::newRow("not ASCII digits") << QByteArray("２０２１-10-27T08:38:02Z");
}

void TestIsoTime::refused()
{
    QFETCH(QByteArray, text);
    QCOMPARE(IsoTime::parse(text), std::nullopt);
    QCOMPARE(IsoTime::parse(QString::fromUtf8(text)), std::nullopt);
}

void TestIsoTime::dateOnly()
{
    // The command line's --from 2024-05-01 and the simulator's queries: midnight UTC.
    QCOMPARE(IsoTime::parse(QStringView(u"2024-05-01"), IsoTime::DateOnly::Midnight), 1714521600000LL);
    QCOMPARE(IsoTime::parse(QStringView(u"2023-02-29"), IsoTime::DateOnly::Midnight), std::nullopt);
    QCOMPARE(
        IsoTime::parse(QStringView(u"2024-05-01T10:00:00Z"), IsoTime::DateOnly::Midnight), 1714557600000LL);
}

void TestIsoTime::everyDayOfTheRangeRoundTrips()
{
    // Every day from 0001 to 9999, at a time of day that moves: format, parse back, same instant,
    // and the text agrees with the calendar check.
    int days = 0;
    for (qint64 ms = IsoTime::MinMs; ms <= IsoTime::MaxMs; ms += 86400000LL + 1237) {
        const QByteArray text = IsoTime::format(ms);
        const std::optional<qint64> back = IsoTime::parse(text);
        if (back != ms)
            QFAIL(qPrintable(
                QStringLiteral("%1 does not round-trip (%2)").arg(QString::fromLatin1(text)).arg(ms)));
        ++days;
    }
    QVERIFY(days > 3600000);
}

void TestIsoTime::wideText()
{
    // The QString overload reads the same forms; text that is not a short ASCII time is none.
    QCOMPARE(IsoTime::parse(QStringView(u"2021-10-27T08:38:02.000Z")), 1635323882000LL);
    QCOMPARE(IsoTime::parse(QStringView(u" 2021-10-27T08:38:02Z ")), 1635323882000LL);
    QCOMPARE(IsoTime::parse(QString(100, QLatin1Char('1'))), std::nullopt);
}

QTEST_APPLESS_MAIN(TestIsoTime)
#include "tst_isotime.moc"
