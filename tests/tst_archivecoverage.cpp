// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "archive/archivecoverage.h"
#include "archive/archivesync.h"

#include <QTest>

using Intervals = QList<TimeInterval>;

namespace QTest {
template<>
char *toString(const TimeInterval &i)
{
    return qstrdup(QByteArray("[" + QByteArray::number(i.from) + ", " + QByteArray::number(i.until) + ")").constData());
}
} // namespace QTest

class TestArchiveCoverage final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void add_data();
    void add();
    void gaps_data();
    void gaps();
    void covers_data();
    void covers();
    void removeBefore();
    void newest();
    void pullPlan_data();
    void pullPlan();
};

void TestArchiveCoverage::add_data()
{
    QTest::addColumn<Intervals>("added");
    QTest::addColumn<Intervals>("expected");
    QTest::newRow("one") << Intervals { { 10, 20 } } << Intervals { { 10, 20 } };
    QTest::newRow("empty ignored") << Intervals { { 10, 10 }, { 30, 20 } } << Intervals {};
    QTest::newRow("disjoint sorted") << Intervals { { 50, 60 }, { 10, 20 }, { 30, 40 } }
                                     << Intervals { { 10, 20 }, { 30, 40 }, { 50, 60 } };
    QTest::newRow("overlapping") << Intervals { { 10, 30 }, { 20, 40 } } << Intervals { { 10, 40 } };
    QTest::newRow("adjacent merge") << Intervals { { 10, 20 }, { 20, 30 } } << Intervals { { 10, 30 } };
    QTest::newRow("adjacent before") << Intervals { { 20, 30 }, { 10, 20 } } << Intervals { { 10, 30 } };
    QTest::newRow("contained") << Intervals { { 10, 50 }, { 20, 30 } } << Intervals { { 10, 50 } };
    QTest::newRow("containing") << Intervals { { 20, 30 }, { 40, 45 }, { 10, 50 } } << Intervals { { 10, 50 } };
    QTest::newRow("bridges two") << Intervals { { 10, 20 }, { 30, 40 }, { 15, 35 } } << Intervals { { 10, 40 } };
    QTest::newRow("1 ms apart stays apart") << Intervals { { 10, 20 }, { 21, 30 } } << Intervals { { 10, 20 }, { 21, 30 } };
    // A failed pull covered only [t + 1, until) of its gap; the retry later closes the rest.
    QTest::newRow("failed pull then retry") << Intervals { { 1000, 2000 }, { 1501, 3000 }, { 1000, 1501 } }
                                            << Intervals { { 1000, 3000 } };
}

void TestArchiveCoverage::add()
{
    QFETCH(Intervals, added);
    QFETCH(Intervals, expected);
    ArchiveCoverage c;
    for (const TimeInterval &i : added)
        c.add(i);
    QCOMPARE(c.intervals(), expected);
}

void TestArchiveCoverage::gaps_data()
{
    QTest::addColumn<Intervals>("covered");
    QTest::addColumn<TimeInterval>("range");
    QTest::addColumn<Intervals>("expected");
    QTest::newRow("nothing covered") << Intervals {} << TimeInterval { 0, 100 } << Intervals { { 0, 100 } };
    QTest::newRow("all covered") << Intervals { { 0, 100 } } << TimeInterval { 10, 90 } << Intervals {};
    QTest::newRow("hole in the middle") << Intervals { { 0, 40 }, { 60, 100 } } << TimeInterval { 0, 100 }
                                        << Intervals { { 40, 60 } };
    QTest::newRow("edges open") << Intervals { { 40, 60 } } << TimeInterval { 0, 100 }
                                << Intervals { { 0, 40 }, { 60, 100 } };
    QTest::newRow("range outside") << Intervals { { 40, 60 } } << TimeInterval { 70, 80 } << Intervals { { 70, 80 } };
    QTest::newRow("several oldest first") << Intervals { { 10, 20 }, { 30, 40 }, { 50, 60 } } << TimeInterval { 0, 70 }
                                          << Intervals { { 0, 10 }, { 20, 30 }, { 40, 50 }, { 60, 70 } };
    QTest::newRow("empty range") << Intervals {} << TimeInterval { 50, 50 } << Intervals {};
}

void TestArchiveCoverage::gaps()
{
    QFETCH(Intervals, covered);
    QFETCH(TimeInterval, range);
    QFETCH(Intervals, expected);
    ArchiveCoverage c;
    for (const TimeInterval &i : covered)
        c.add(i);
    QCOMPARE(c.gaps(range), expected);
}

void TestArchiveCoverage::covers_data()
{
    QTest::addColumn<TimeInterval>("range");
    QTest::addColumn<bool>("expected");
    // Covered: [10, 20) and [30, 40).
    QTest::newRow("inside") << TimeInterval { 12, 18 } << true;
    QTest::newRow("exact") << TimeInterval { 10, 20 } << true;
    QTest::newRow("across the hole") << TimeInterval { 15, 35 } << false;
    QTest::newRow("one ms past") << TimeInterval { 10, 21 } << false;
    QTest::newRow("before") << TimeInterval { 0, 5 } << false;
    QTest::newRow("empty") << TimeInterval { 25, 25 } << true;
}

void TestArchiveCoverage::covers()
{
    QFETCH(TimeInterval, range);
    QFETCH(bool, expected);
    ArchiveCoverage c;
    c.add({ 10, 20 });
    c.add({ 30, 40 });
    QCOMPARE(c.covers(range), expected);
}

void TestArchiveCoverage::removeBefore()
{
    ArchiveCoverage c;
    c.add({ 10, 20 });
    c.add({ 30, 40 });
    c.add({ 50, 60 });
    c.removeBefore(35);
    QCOMPARE(c.intervals(), (Intervals { { 35, 40 }, { 50, 60 } }));
    c.removeBefore(40);
    QCOMPARE(c.intervals(), (Intervals { { 50, 60 } }));
    c.removeBefore(100);
    QVERIFY(c.isEmpty());
}

void TestArchiveCoverage::newest()
{
    ArchiveCoverage c;
    QCOMPARE(c.newest(), std::nullopt);
    c.add({ 30, 40 });
    c.add({ 10, 20 });
    QCOMPARE(c.newest(), std::optional<qint64>(40));
}

// What a sync pulls and what it reports missing for good: the API keeps 30 days.
void TestArchiveCoverage::pullPlan_data()
{
    constexpr qint64 Day = 24LL * 3600 * 1000;
    constexpr qint64 Now = 100 * Day;
    QTest::addColumn<Intervals>("covered");
    QTest::addColumn<TimeInterval>("range");
    QTest::addColumn<Intervals>("pull");
    QTest::addColumn<Intervals>("lost");
    QTest::newRow("retention window, empty archive")
        << Intervals {} << TimeInterval { Now - 30 * Day, Now } << Intervals { { Now - 30 * Day, Now } } << Intervals {};
    QTest::newRow("covered: nothing to pull") << Intervals { { Now - 30 * Day, Now } } << TimeInterval { Now - 7 * Day, Now }
                                              << Intervals {} << Intervals {};
    QTest::newRow("only the new end") << Intervals { { Now - 30 * Day, Now - Day } } << TimeInterval { Now - 30 * Day, Now }
                                      << Intervals { { Now - Day, Now } } << Intervals {};
    QTest::newRow("past retention reported, not pulled")
        << Intervals {} << TimeInterval { Now - 40 * Day, Now } << Intervals { { Now - 30 * Day, Now } }
        << Intervals { { Now - 40 * Day, Now - 30 * Day } };
    QTest::newRow("past retention but archived") << Intervals { { Now - 40 * Day, Now - 35 * Day } }
                                                 << TimeInterval { Now - 40 * Day, Now - 20 * Day }
                                                 << Intervals { { Now - 30 * Day, Now - 20 * Day } }
                                                 << Intervals { { Now - 35 * Day, Now - 30 * Day } };
    QTest::newRow("the future is never pulled") << Intervals {} << TimeInterval { Now - Day, Now + Day }
                                                << Intervals { { Now - Day, Now } } << Intervals {};
    QTest::newRow("wholly past retention") << Intervals {} << TimeInterval { 0, Day } << Intervals {}
                                           << Intervals { { 0, Day } };
}

void TestArchiveCoverage::pullPlan()
{
    constexpr qint64 Now = 100LL * 24 * 3600 * 1000;
    QFETCH(Intervals, covered);
    QFETCH(TimeInterval, range);
    QFETCH(Intervals, pull);
    QFETCH(Intervals, lost);
    ArchiveCoverage c;
    for (const TimeInterval &i : covered)
        c.add(i);
    QCOMPARE(ArchiveSync::gapsToPull(c, range, Now), pull);
    QCOMPARE(ArchiveSync::beyondRetention(c, range, Now), lost);
}

QTEST_APPLESS_MAIN(TestArchiveCoverage)
#include "tst_archivecoverage.moc"
