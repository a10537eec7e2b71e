// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "api/eventjson.h"
#include "api/eventparser.h"
#include "sim/accountgenerator.h"
#include "export/csvexportrunner.h"
#include "filter/eventfilterengine.h"
#include "model/eventbatchbuilder.h"
#include "model/eventtypecatalogue.h"
#include "table/eventtablemodel.h"
#include "testdata.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <numeric>
#include <random>
#include <span>

class TestEventTableModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void showsDocExamples();
    void defaultSortIsNewestFirst();
    void filter_data();
    void filter();
    void hidingACategoryHidesFutureTypesToo();
    void sortByEveryColumn_data();
    void sortByEveryColumn();
    void selectionSurvivesFilterAndSort();
    void appendKeepsOrderAndSelection();
    void appendInAnyOrderMatchesFullSort_data();
    void appendInAnyOrderMatchesFullSort();
    void pulledPagesSortByEveryColumn_data();
    void pulledPagesSortByEveryColumn();
    void appendWhileJobRunsWaits();
    void readersHoldAppendsBack();
    void clearWhileExportReadsKeepsTheExportsRows();
    void newerFilterWins();
    void payloadSearchCoversEveryBlock_data();
    void payloadSearchCoversEveryBlock();
    void payloadSearchAgreesWithReadingEveryRow_data();
    void payloadSearchAgreesWithReadingEveryRow();
    void typeCountsCoverTheWholeStore();
    void relativeTime();

private:
    static std::vector<Event> docExamples();
    void waitIdle();
    void verifySorted(int column, Qt::SortOrder order); // adjacent rows compared by SortRole
    std::unique_ptr<EventTableModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

std::vector<Event> TestEventTableModel::docExamples()
{
    return TestData::docExamples();
}

void TestEventTableModel::init()
{
    m_model = std::make_unique<EventTableModel>();
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_model->appendEvents(docExamples());
}

void TestEventTableModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
}

void TestEventTableModel::waitIdle() { QTRY_VERIFY(!m_model->isBusy()); }

void TestEventTableModel::showsDocExamples()
{
    QCOMPARE(m_model->rowCount(), 59);
    QCOMPARE(m_model->columnCount(), 12);
    QCOMPARE(m_model->headerData(EventColumns::PerformedBy, Qt::Horizontal).toString(),
        QStringLiteral("Performed by"));
    const int row = m_model->viewRowOfStoreRow(57); // Order submitted by Sample User
    QVERIFY(row >= 0);
    QCOMPARE(
        m_model->index(row, EventColumns::EventType).data().toString(), QStringLiteral("Order submitted"));
    QCOMPARE(m_model->index(row, EventColumns::Category).data().toString(), QStringLiteral("SIM order"));
    QCOMPARE(m_model->index(row, EventColumns::PerformedBy).data().toString(),
        QStringLiteral("Sample User <abc@cde.com>"));
    QCOMPARE(m_model->index(row, EventColumns::Organisation).data().toString(), QStringLiteral("Sampe Corp"));
    QCOMPARE(m_model->index(row, EventColumns::Id).data(EventTableModel::EventIdRole).toLongLong(),
        213775802007594LL);
    QCOMPARE(m_model->event(row).user->username, QStringLiteral("abc@cde.com"));
    QVERIFY(!m_model->index(row, 99).data().isValid());
    QVERIFY(!m_model->index(-1, 0).data().isValid());
}

void TestEventTableModel::defaultSortIsNewestFirst()
{
    QCOMPARE(m_model->sortColumn(), int(EventColumns::Time));
    for (int row = 1; row < m_model->rowCount(); ++row) {
        QVERIFY(m_model->index(row - 1, 0).data(EventTableModel::SortRole).toLongLong()
            >= m_model->index(row, 0).data(EventTableModel::SortRole).toLongLong());
    }
}

void TestEventTableModel::filter_data()
{
    QTest::addColumn<EventFilter>("filter");
    QTest::addColumn<int>("expectedRows");
    const EventTypeCatalogue &catalogue = EventTypeCatalogue::builtIn();
    auto category = [&](const char *key) {
        for (int i = 0; i < catalogue.categories().size(); ++i) {
            if (catalogue.categories()[i].key == QLatin1String(key))
                return i;
        }
        return -1;
    };
    // Counts worked out independently from tests/data/doc-examples.json (a few lines of Python).
    EventFilter f;
    QTest::newRow("none") << f << 59;
    f = {};
    f.hiddenCategories = { category("data_connection") }; // 6 PDP examples
    QTest::newRow("hide data connection") << f << 53;
    f = {};
    f.hiddenTypeIds = { 38 };
    QTest::newRow("hide order submitted") << f << 58;
    f = {};
    f.hiddenSeverities = { 0 };
    QTest::newRow("hide info") << f << 26;
    f = {};
    f.hiddenSources = { 0, 1 };
    QTest::newRow("API only") << f << 38;
    f = {};
    f.text = QStringLiteral("sample user");
    QTest::newRow("search user name") << f << 13; // 12 by the User column, 1 by a payload's "name"
    f = {};
    f.text = QStringLiteral("PDP CONTEXT");
    QTest::newRow("search description, case") << f << 6;
    f = {};
    f.text = QStringLiteral("6734033817529352");
    QTest::newRow("search id") << f << 1;
    f = {};
    f.text = QString::fromUtf8("nothing like this ✓");
    QTest::newRow("search non-ascii, none") << f << 0;
    // The payload and the field syntax (counts from the same Python over the payload values).
    f = {};
    f.text = QStringLiteral("\"tracking code\"");
    QTest::newRow("search payload value, phrase") << f << 1;
    f = {};
    f.text = QStringLiteral("racking cod");
    QTest::newRow("payload values match whole words") << f << 0;
    f = {};
    f.text = QStringLiteral("germany");
    QTest::newRow("search payload: a country name") << f << 4;
    f = {};
    f.text = QStringLiteral("d12c574f");
    QTest::newRow("search payload: part of a session id") << f << 1;
    f = {};
    f.text = QStringLiteral("tracking:\"Tracking code\"");
    QTest::newRow("tracking field") << f << 1;
    f = {};
    f.text = QStringLiteral("order:16235491");
    QTest::newRow("order field") << f << 2;
    f = {};
    f.text = QStringLiteral("-type:\"Update location\"");
    QTest::newRow("exclude a type") << f << 58;
    // SIM order names the viewer shows (the docs' one "Order updated" has status 2, provider 1).
    f = {};
    f.text = QStringLiteral("Shipped");
    QTest::newRow("order status name") << f << 1;
    f = {};
    f.text = QStringLiteral("status:SHIPPED");
    QTest::newRow("status field") << f << 1;
    f = {};
    f.text = QStringLiteral("status:submitted");
    QTest::newRow("status field: submitted") << f << 1;
    f = {};
    f.text = QStringLiteral("status:paid");
    QTest::newRow("status field: not the word elsewhere") << f << 0; // "prepaid" of a description
    f = {};
    f.text = QStringLiteral("-shipped");
    QTest::newRow("exclude a status") << f << 58;
    f = {};
    f.text = QStringLiteral("\"provider 1\"");
    QTest::newRow("default provider name") << f << 1;
    f = {};
    f.text = QStringLiteral("\"provider 2\"");
    QTest::newRow("another provider") << f << 0;
    f = {};
    f.text = QStringLiteral("provider:dhl");
    f.providerNames = { { 1, QStringLiteral("DHL Express") } };
    QTest::newRow("provider named by the user") << f << 1;
    f = {};
    f.text = QStringLiteral("\"provider 1\"");
    f.providerNames = { { 1, QStringLiteral("DHL Express") } };
    QTest::newRow("a named provider is not provider N") << f << 0;
    f = {};
    f.text = QStringLiteral("Germany -TYPE:update");
    QTest::newRow("a word but not a type") << f << 2;
    f = {};
    f.text = QStringLiteral("detail.apn:em");
    QTest::newRow("payload key") << f << 1;
    f = {};
    f.text = QStringLiteral("iccid:7772229804214642989");
    QTest::newRow("iccid field") << f << 1;
    f = {};
    f.text = QStringLiteral("imei:908525440918796");
    QTest::newRow("imei field") << f << 1;
    f = {};
    f.text = QStringLiteral("imsi:37807012732326");
    QTest::newRow("imsi field") << f << 1;
    f = {};
    f.text = QStringLiteral("severity:warn");
    QTest::newRow("severity field") << f << 26;
    f = {};
    f.text = QStringLiteral("id:6734033817529352");
    QTest::newRow("id field") << f << 1;
    f = {};
    f.text = QStringLiteral("description:germany");
    QTest::newRow("description only: not the payload") << f << 0;
    f = {};
    f.text = QStringLiteral("nosuchfield:1");
    QTest::newRow("invalid query restricts nothing") << f << 59;
    f = {};
    f.organisationId = 654321;
    QTest::newRow("organisation pin") << f << 5;
    f = {};
    f.orderId = 16235491;
    QTest::newRow("order pin") << f << 2;
    f = {};
    f.alert = true;
    QTest::newRow("alerts") << f << 14;
    f = {};
    f.fromMs = 1635292800000LL; // 2021-10-27
    f.untilMs = 1635379200000LL;
    QTest::newRow("one day") << f << 20;
}

void TestEventTableModel::filter()
{
    QFETCH(EventFilter, filter);
    QSignalSpy applied(m_model.get(), &EventTableModel::filterApplied);
    m_model->setFilter(filter);
    if (!filter.isEmpty())
        QVERIFY(applied.wait(5000));
    QTEST(m_model->rowCount(), "expectedRows");
}

void TestEventTableModel::hidingACategoryHidesFutureTypesToo()
{
    const EventTypeCatalogue &catalogue = EventTypeCatalogue::builtIn();
    EventFilter f;
    f.hiddenCategories = { catalogue.otherCategory() };
    m_model->setFilter(f);
    waitIdle();
    QCOMPARE(m_model->rowCount(), 59);
    Event future;
    future.id = 1;
    future.type = EventRef { 4711, QStringLiteral("Something new") };
    m_model->appendEvents(std::vector<Event> { future });
    QCOMPARE(m_model->store().size(), 60);
    QCOMPARE(m_model->rowCount(), 59);
    m_model->setFilter({});
    waitIdle();
    QCOMPARE(m_model->rowCount(), 60);
}

void TestEventTableModel::sortByEveryColumn_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<int>("order");
    for (int c = 0; c < EventColumns::Id + 1; ++c) {
        QTest::addRow("%s asc", qPrintable(EventColumns::key(EventColumns::Column(c))))
            << c << int(Qt::AscendingOrder);
        QTest::addRow("%s desc", qPrintable(EventColumns::key(EventColumns::Column(c))))
            << c << int(Qt::DescendingOrder);
    }
}

void TestEventTableModel::sortByEveryColumn()
{
    QFETCH(int, column);
    QFETCH(int, order);
    m_model->sort(column, Qt::SortOrder(order));
    waitIdle();
    QCOMPARE(m_model->rowCount(), 59);
    verifySorted(column, Qt::SortOrder(order));
}

void TestEventTableModel::verifySorted(int column, Qt::SortOrder order)
{
    const bool numeric = column == EventColumns::Time || column == EventColumns::Id
        || column == EventColumns::Severity || column == EventColumns::Source;
    for (int row = 1; row < m_model->rowCount(); ++row) {
        const QVariant a = m_model->index(row - 1, column).data(EventTableModel::SortRole);
        const QVariant b = m_model->index(row, column).data(EventTableModel::SortRole);
        const int cmp = numeric ? (a.toLongLong() < b.toLongLong() ? -1 : a.toLongLong() > b.toLongLong())
                                : a.toString().compare(b.toString(), Qt::CaseInsensitive);
        if (order == Qt::AscendingOrder ? cmp > 0 : cmp < 0)
            QFAIL(qPrintable(QStringLiteral("rows %1 and %2 out of order: %3 / %4").arg(row - 1).arg(row).arg(a.toString(), b.toString())));
    }
}

void TestEventTableModel::selectionSurvivesFilterAndSort()
{
    const int row = m_model->viewRowOfStoreRow(57);
    const QPersistentModelIndex selected = m_model->index(row, EventColumns::Description);
    m_model->sort(EventColumns::Id, Qt::AscendingOrder);
    waitIdle();
    QVERIFY(selected.isValid());
    QCOMPARE(selected.data(EventTableModel::StoreRowRole).toLongLong(), 57);
    EventFilter f;
    f.hiddenTypeIds = { 1, 2 };
    m_model->setFilter(f);
    waitIdle();
    QVERIFY(selected.isValid());
    QCOMPARE(selected.data(EventTableModel::StoreRowRole).toLongLong(), 57);
    f.hiddenTypeIds = { 38 };
    m_model->setFilter(f);
    waitIdle();
    QVERIFY(!selected.isValid()); // filtered out
}

void TestEventTableModel::appendKeepsOrderAndSelection()
{
    // Older events arrive after newer ones (newest-first paging): they append at the bottom.
    m_model->clear();
    std::vector<Event> page1, page2;
    for (int i = 0; i < 100; ++i) {
        Event e;
        e.id = 1000 - i;
        e.timestampMs = 1'700'000'000'000LL - i * 1000LL;
        (i < 50 ? page1 : page2).push_back(e);
    }
    m_model->appendEvents(std::move(page1));
    const QPersistentModelIndex selected = m_model->index(10, 0);
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    QSignalSpy layout(m_model.get(), &QAbstractItemModel::layoutChanged);
    m_model->appendEvents(std::move(page2));
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(layout.size(), 0);
    QCOMPARE(selected.row(), 10);
    // A newer event arriving late is merged in at the top; the selected event stays selected.
    Event late;
    late.id = 5000;
    late.timestampMs = 1'800'000'000'000LL;
    m_model->appendEvents(std::vector<Event> { late });
    QCOMPARE(m_model->rowCount(), 101);
    QCOMPARE(m_model->index(0, EventColumns::Id).data().toString(), QStringLiteral("5000"));
    QCOMPARE(selected.row(), 11);
    QCOMPARE(selected.data(EventTableModel::EventIdRole).toLongLong(), 990);
}

void TestEventTableModel::appendInAnyOrderMatchesFullSort_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<int>("order");
    for (int c : { int(EventColumns::Time), int(EventColumns::Description), int(EventColumns::Device),
             int(EventColumns::Severity), int(EventColumns::PerformedBy) }) {
        QTest::addRow("%s asc", qPrintable(EventColumns::key(EventColumns::Column(c))))
            << c << int(Qt::AscendingOrder);
        QTest::addRow("%s desc", qPrintable(EventColumns::key(EventColumns::Column(c))))
            << c << int(Qt::DescendingOrder);
    }
}

void TestEventTableModel::appendInAnyOrderMatchesFullSort()
{
    // Pages arriving in any order, merged into a sorted table one by one, end up exactly as
    // sorting everything at once would put them.
    QFETCH(int, column);
    QFETCH(int, order);
    std::vector<Event> events = docExamples();
    std::vector<Event> more;
    for (int copy = 1; copy <= 20; ++copy) {
        for (Event e : events) {
            e.id += copy * 1'000'000'000'000'000LL;
            e.timestampMs += copy * 3'600'000LL * (copy % 2 ? 1 : -1);
            more.push_back(std::move(e));
        }
    }
    std::mt19937 rng(uint32_t(column * 7 + order));
    std::shuffle(more.begin(), more.end(), rng);

    EventTableModel incremental;
    QAbstractItemModelTester incrementalTester(&incremental, QAbstractItemModelTester::FailureReportingMode::QtTest);
    incremental.sort(column, Qt::SortOrder(order));
    QTRY_VERIFY(!incremental.isBusy());
    for (size_t i = 0; i < more.size(); i += 37)
        incremental.appendEvents(std::vector<Event>(
            more.begin() + qsizetype(i), more.begin() + qsizetype(std::min(i + 37, more.size()))));

    EventTableModel whole;
    QAbstractItemModelTester wholeTester(&whole, QAbstractItemModelTester::FailureReportingMode::QtTest);
    whole.appendEvents(std::vector<Event>(more));
    whole.sort(column == EventColumns::Id ? EventColumns::Time : EventColumns::Id, Qt::AscendingOrder);
    QTRY_VERIFY(!whole.isBusy());
    whole.sort(column, Qt::SortOrder(order));
    QTRY_VERIFY(!whole.isBusy());

    QCOMPARE(incremental.rowCount(), int(more.size()));
    QCOMPARE(whole.rowCount(), int(more.size()));
    for (int row = 0; row < whole.rowCount(); ++row) {
        QCOMPARE(incremental.index(row, 0).data(EventTableModel::EventIdRole).toLongLong(),
            whole.index(row, 0).data(EventTableModel::EventIdRole).toLongLong());
    }
}

void TestEventTableModel::pulledPagesSortByEveryColumn_data()
{
    sortByEveryColumn_data();
}

void TestEventTableModel::pulledPagesSortByEveryColumn()
{
    // A pull as the window gets it: the generated account's events as API pages, newest first,
    // parsed and appended page by page after the total is known; then any column sorts right.
    QFETCH(int, column);
    QFETCH(int, order);
    static const std::vector<QByteArray> pages = [] {
        std::vector<Event> events = AccountGenerator::generate(4000, 7, 1'790'000'000'000);
        std::reverse(events.begin(), events.end());
        std::vector<QByteArray> json;
        for (size_t first = 0; first < events.size(); first += 500)
            json.push_back(EventJson::toJsonArray(std::vector<Event>(events.begin() + qsizetype(first),
                events.begin() + qsizetype(std::min(first + 500, events.size())))));
        return json;
    }();
    m_model->clear();
    for (const QByteArray &page : pages) {
        ParseResult parsed = EventParser::parse(page);
        QVERIFY(parsed.isOk());
        m_model->appendBatch(std::move(parsed.batch));
        if (&page == &pages.front())
            m_model->reserve(4000); // the total, known with the first page
    }
    QCOMPARE(m_model->rowCount(), 4000);
    m_model->sort(column, Qt::SortOrder(order));
    waitIdle();
    verifySorted(column, Qt::SortOrder(order));
}

void TestEventTableModel::appendWhileJobRunsWaits()
{
    EventFilter f;
    f.text = QStringLiteral("location");
    m_model->setFilter(f);
    QVERIFY(m_model->isBusy());
    Event e;
    e.id = 42;
    e.description = QStringLiteral("New location received");
    m_model->appendEvents(std::vector<Event> { e });
    QCOMPARE(m_model->store().size(), 59); // held back while the worker reads the store
    waitIdle();
    QCOMPARE(m_model->store().size(), 60);
    QVERIFY(m_model->viewRowOfStoreRow(59) >= 0);
}

void TestEventTableModel::readersHoldAppendsBack()
{
    EventStore::ReadLock lock = m_model->lockForRead();
    Event e;
    e.id = 43;
    m_model->appendEvents(std::vector<Event> { e });
    QCOMPARE(m_model->store().size(), 59);
    lock.release();
    QTRY_COMPARE(m_model->store().size(), 60);
}

void TestEventTableModel::clearWhileExportReadsKeepsTheExportsRows()
{
    // A CSV export of many rows runs on a worker while the user changes the time range (which
    // clears the table): the export must finish with the rows it started with, and the table must
    // start over empty at once. Before the store's read lock, this read freed memory (SIGSEGV).
    m_model->clear();
    m_model->appendEvents(AccountGenerator::generate(300'000, 3, 1'790'000'000'000));
    QCOMPARE(m_model->store().size(), 300'000);
    std::vector<qsizetype> rows(300'000);
    std::iota(rows.begin(), rows.end(), 0);
    QTemporaryDir dir;
    const QString fileName = dir.filePath(QStringLiteral("events.csv"));
    CsvExportRunner runner;
    QSignalSpy finished(&runner, &CsvExportRunner::finished);
    QVERIFY(runner.start(m_model->lockForRead(), fileName, std::move(rows),
        { EventColumns::Time, EventColumns::Description, EventColumns::Payload }));
    m_model->clear();
    QCOMPARE(m_model->rowCount(), 0);
    QCOMPARE(m_model->store().size(), 0);
    Event e;
    e.id = 44;
    m_model->appendEvents(std::vector<Event> { e }); // the new store is not locked
    QCOMPARE(m_model->store().size(), 1);

    QVERIFY(finished.wait(60000));
    const auto result = finished.first().first().value<CsvExportRunner::Result>();
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(result.rows, 300'000);
    QFile file(fileName);
    QVERIFY(file.open(QIODevice::ReadOnly));
    qsizetype lines = 0;
    while (!file.atEnd()) {
        file.readLine(); // generated texts and compact payloads hold no line breaks
        ++lines;
    }
    QCOMPARE(lines, 300'001); // header and every row
    QCOMPARE(m_model->store().size(), 1);
}

void TestEventTableModel::newerFilterWins()
{
    EventFilter a;
    a.text = QStringLiteral("pdp");
    EventFilter b;
    b.hiddenSeverities = { 0, 1 };
    QSignalSpy applied(m_model.get(), &EventTableModel::filterApplied);
    m_model->setFilter(a);
    m_model->setFilter(b);
    QVERIFY(applied.wait(5000));
    QCOMPARE(applied.size(), 1);
    QCOMPARE(m_model->filter(), b);
    QCOMPARE(m_model->rowCount(), 0); // no Critical example in the docs
}

void TestEventTableModel::payloadSearchCoversEveryBlock_data()
{
    QTest::addColumn<bool>("filterFirst"); // the rows arrive under the filter (FewRows) or before it
    QTest::newRow("rows then search") << false;
    QTest::newRow("search then rows") << true;
}

void TestEventTableModel::payloadSearchCoversEveryBlock()
{
    // 170 copies of the examples: more than a hundred payload blocks, searched on two threads.
    QFETCH(bool, filterFirst);
    constexpr int Copies = 170;
    std::vector<Event> events;
    const std::vector<Event> examples = docExamples();
    for (int copy = 1; copy <= Copies; ++copy) {
        for (Event e : examples) {
            e.id += qint64(copy) * 1'000'000'000'000;
            events.push_back(std::move(e));
        }
    }
    EventFilter f;
    f.text = QStringLiteral("\"TRACKING CODE\" order:16235491");
    QSignalSpy applied(m_model.get(), &EventTableModel::filterApplied);
    if (filterFirst) {
        m_model->setFilter(f);
        QVERIFY(applied.wait(5000));
        m_model->appendEvents(events);
    } else {
        m_model->appendEvents(events);
        m_model->setFilter(f);
        QVERIFY(applied.wait(5000));
    }
    waitIdle();
    QCOMPARE(m_model->rowCount(), Copies + 1);
}

void TestEventTableModel::payloadSearchAgreesWithReadingEveryRow_data()
{
    // Words in most events, in some, in one; order names; phrases and keys; a second batch that
    // repeats half of the first (the store leaves those rows out of their blocks).
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("found"); // at least one row: the comparison is not of two empty tables
    QTest::newRow("payload literal in most events") << QStringLiteral("null") << true;
    QTest::newRow("payload word in most events") << QStringLiteral("em") << true;
    QTest::newRow("a country") << QStringLiteral("Germany") << true;
    QTest::newRow("a number") << QStringLiteral("262") << true;
    QTest::newRow("SIM") << QStringLiteral("SIM") << true;
    QTest::newRow("phrase") << QStringLiteral("eu-west-1") << true;
    QTest::newRow("key") << QStringLiteral("detail.apn:em") << true;
    QTest::newRow("excluded") << QStringLiteral("-null") << true;
    QTest::newRow("two words") << QStringLiteral("germany null") << true;
    QTest::newRow("Shipped") << QStringLiteral("Shipped") << true;
    QTest::newRow("Paid") << QStringLiteral("status:paid") << true;
    QTest::newRow("Canceled") << QStringLiteral("canceled") << true;
    QTest::newRow("provider 1") << QStringLiteral("\"provider 1\"") << true;
    QTest::newRow("provider") << QStringLiteral("provider") << true;
    QTest::newRow("nothing") << QStringLiteral("zzqx") << false;
    // A key and a word the sketches keep with it (PayloadSketch::findUnderKey).
    QTest::newRow("key, literal") << QStringLiteral("detail.rac:null") << true;
    QTest::newRow("key, excluded") << QStringLiteral("-detail.apn:em") << true;
    QTest::newRow("key, another key's value") << QStringLiteral("detail.region:em") << false;
    QTest::newRow("key after an underscore") << QStringLiteral("detail.ip_address:10") << true;
    QTest::newRow("key, phrase") << QStringLiteral("detail.region:\"eu-west-1\"") << true;
    QTest::newRow("key, exact value") << QStringLiteral("detail.apn:=em") << true;
    QTest::newRow("key, two terms") << QStringLiteral("detail.apn:em detail.rac:null") << true;
    QTest::newRow("iccid field") << QStringLiteral("iccid:8988") << true;
    // Digits of event ids (`@` is replaced by digits of a generated event's id): one, a leading
    // zero, a middle part, the whole id.
    QTest::newRow("one digit") << QStringLiteral("7") << true;
    QTest::newRow("a zero") << QStringLiteral("0") << true;
    QTest::newRow("id digits with a leading zero") << QStringLiteral("@0") << true;
    QTest::newRow("id digits") << QStringLiteral("@5") << true;
    QTest::newRow("a whole id") << QStringLiteral("@id") << true;
}

void TestEventTableModel::payloadSearchAgreesWithReadingEveryRow()
{
    // The sketches' records answer most of a whole-store search without reading a payload; a page
    // of new rows (FewRows) reads each one. Both must find the same rows.
    QFETCH(QString, text);
    QFETCH(bool, found);
    static const std::vector<Event> events
        = AccountGenerator::generate(12'000, 5, 1'790'000'000'000, AccountGenerator::OrderStates::Every);
    EventStore store;
    const std::span<const Event> all(events);
    store.append(EventBatchBuilder::build(all.first(8'000)));
    store.append(EventBatchBuilder::build(all.subspan(4'000 + 37))); // repeats 3,963 of them
    QCOMPARE(store.size(), qsizetype(events.size()));
    const QString id = QString::number(events[1234].id);
    if (text == u"@id") {
        text = id;
    } else if (text == u"@5") {
        text = id.mid(4, 5);
    } else if (text == u"@0") {
        const qsizetype zero = id.indexOf(u'0', 1);
        QVERIFY(zero > 0 && zero + 3 <= id.size());
        text = id.mid(zero, 3);
    }
    EventFilter filter;
    filter.text = text;
    std::vector<uint32_t> rows(size_t(store.size()));
    std::iota(rows.begin(), rows.end(), 0u);
    const std::vector<uint32_t> whole = EventFilterEngine(store, filter).filter(rows);
    const std::vector<uint32_t> rowByRow = EventFilterEngine(store, filter, EventFilterEngine::Scope::FewRows).filter(rows);
    QCOMPARE(whole.size(), rowByRow.size());
    QVERIFY(whole == rowByRow);
    // And as before the key pairs and the digit test: each row's text written out and read.
    qputenv("EV_SEARCH_BASELINE", "1");
    const std::vector<uint32_t> before = EventFilterEngine(store, filter, EventFilterEngine::Scope::FewRows).filter(rows);
    qunsetenv("EV_SEARCH_BASELINE");
    QCOMPARE(whole.size(), before.size());
    QVERIFY(whole == before);
    QCOMPARE(!whole.empty(), found);
}

void TestEventTableModel::typeCountsCoverTheWholeStore()
{
    QCOMPARE(m_model->typeCounts().value(3), 5);
    QCOMPARE(m_model->typeCounts().value(38), 1);
    EventFilter f;
    f.hiddenTypeIds = { 3 };
    m_model->setFilter(f);
    waitIdle();
    QCOMPARE(m_model->typeCounts().value(3), 5);
}

void TestEventTableModel::relativeTime()
{
    m_model->clear();
    Event e;
    e.id = 1;
    e.timestampMs = 1'700'000'000'000LL;
    m_model->appendEvents(std::vector<Event> { e });
    m_model->setNow(QDateTime::fromMSecsSinceEpoch(e.timestampMs + 5 * 60'000));
    QCOMPARE(m_model->index(0, 0).data().toString(), QStringLiteral("5 minutes ago"));
    m_model->setTimeDisplay(EventTableModel::TimeDisplay::AbsoluteUtc);
    QCOMPARE(m_model->index(0, 0).data().toString(), QStringLiteral("2023-11-14 22:13:20.000 UTC"));
}

QTEST_GUILESS_MAIN(TestEventTableModel)
#include "tst_eventtablemodel.moc"
