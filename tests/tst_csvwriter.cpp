// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "api/eventparser.h"
#include "export/csvwriter.h"
#include "export/eventcsvexporter.h"
#include "export/ticketcopy.h"
#include "export/tsvwriter.h"
#include "model/eventstore.h"

#include <QBuffer>
#include <QFile>
#include <QLocale>
#include <QTest>

#include <numeric>

class TestCsvWriter final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void field_data();
    void field();
    void tsvCellGuardsLikeCsv_data() { field_data(); }
    void tsvCellGuardsLikeCsv();
    void excelPreamble_data();
    void excelPreamble();
    void excelSepLineOnlyWhereNeeded_data();
    void excelSepLineOnlyWhereNeeded();
    void rows();
    void streamsInChunks();
    void writeErrorIsReported();
    void exportsStoreRows();
    void exportProgressCancels();
    void copyForTickets_data();
    void copyForTickets();
    void copyJsonIsTheWholeEventWithoutSecrets();
    void copyJsonOfManyRowsKeepsTheirOrder();
};

void TestCsvWriter::field_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("neutralise");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("plain") << "abc" << true << QByteArray("abc\r\n");
    QTest::newRow("empty") << "" << true << QByteArray("\r\n");
    QTest::newRow("comma") << "a,b" << true << QByteArray("\"a,b\"\r\n");
    QTest::newRow("quote") << "say \"hi\"" << true << QByteArray("\"say \"\"hi\"\"\"\r\n");
    QTest::newRow("newline") << "a\nb" << true << QByteArray("\"a\nb\"\r\n");
    QTest::newRow("crlf") << "a\r\nb" << true << QByteArray("\"a\r\nb\"\r\n");
    QTest::newRow("utf-8") << QString::fromUtf8("Müller ✓") << true << QString::fromUtf8("Müller ✓\r\n").toUtf8();
    QTest::newRow("formula =") << "=1+2" << true << QByteArray("\"'=1+2\"\r\n");
    QTest::newRow("formula +") << "+49 170" << true << QByteArray("\"'+49 170\"\r\n");
    QTest::newRow("formula -") << "-5" << true << QByteArray("\"'-5\"\r\n");
    QTest::newRow("formula @") << "@SUM(A1)" << true << QByteArray("\"'@SUM(A1)\"\r\n");
    QTest::newRow("formula tab") << "\tx" << true << QByteArray("\"'\tx\"\r\n");
    QTest::newRow("formula cr") << "\rx" << true << QByteArray("\"'\rx\"\r\n");
    QTest::newRow("formula with quote") << "=\"a\"" << true << QByteArray("\"'=\"\"a\"\"\"\r\n");
    QTest::newRow("formula off") << "=1+2" << false << QByteArray("=1+2\r\n");
    QTest::newRow("minus off") << "-5" << false << QByteArray("-5\r\n");
    QTest::newRow("inner = is fine") << "a=b" << true << QByteArray("a=b\r\n");
    // Issue 10, OWASP "CSV Injection": spreadsheets skip leading white space and read the
    // fullwidth signs as the ASCII ones.
    QTest::newRow("space then =") << " =1+1" << true << QByteArray("\"' =1+1\"\r\n");
    QTest::newRow("spaces then @") << "  @SUM(A1)" << true << QByteArray("\"'  @SUM(A1)\"\r\n");
    QTest::newRow("line break then =") << "\n=1+1" << true << QByteArray("\"'\n=1+1\"\r\n");
    QTest::newRow("no-break space then +")
        << QString::fromUtf8("\u00a0+1") << true << QString::fromUtf8("\"'\u00a0+1\"\r\n").toUtf8();
    QTest::newRow("fullwidth =") << QString::fromUtf8("\uff1d1+1") << true
                                 << QString::fromUtf8("\"'\uff1d1+1\"\r\n").toUtf8();
    QTest::newRow("fullwidth +") << QString::fromUtf8("\uff0b1") << true
                                 << QString::fromUtf8("\"'\uff0b1\"\r\n").toUtf8();
    QTest::newRow("fullwidth -") << QString::fromUtf8("\uff0d1") << true
                                 << QString::fromUtf8("\"'\uff0d1\"\r\n").toUtf8();
    QTest::newRow("fullwidth @") << QString::fromUtf8("\uff20A1") << true
                                 << QString::fromUtf8("\"'\uff20A1\"\r\n").toUtf8();
    QTest::newRow("space then fullwidth =")
        << QString::fromUtf8(" \uff1d1") << true << QString::fromUtf8("\"' \uff1d1\"\r\n").toUtf8();
    QTest::newRow("leading space alone is fine") << " abc" << true << QByteArray(" abc\r\n");
    QTest::newRow("other fullwidth is fine")
        << QString::fromUtf8("\uff21BC") << true << QString::fromUtf8("\uff21BC\r\n").toUtf8();
    QTest::newRow("space then = off") << " =1+1" << false << QByteArray(" =1+1\r\n");
}

void TestCsvWriter::field()
{
    QFETCH(QString, value);
    QFETCH(bool, neutralise);
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    {
        CsvWriter writer(&buffer, CsvWriter::Options { neutralise });
        writer.addField(value);
        writer.endRow();
    }
    QTEST(buffer.data(), "expected");
}

// The clipboard (Ctrl+C) neutralises exactly the cells the CSV export does: one rule for both.
void TestCsvWriter::tsvCellGuardsLikeCsv()
{
    QFETCH(QString, value);
    QFETCH(bool, neutralise);
    QFETCH(QByteArray, expected);
    QByteArray out;
    TsvWriter::appendCell(&out, value.toUtf8(), neutralise);
    QCOMPARE(out.startsWith('\''), expected.startsWith("\"'"));
    QVERIFY(!out.contains('\t') && !out.contains('\n') && !out.contains('\r')); // one row, one cell
}

void TestCsvWriter::excelPreamble_data()
{
    QTest::addColumn<bool>("bom");
    QTest::addColumn<bool>("sep");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("plain") << false << false << QByteArray("a,b\r\n");
    QTest::newRow("excel") << true << false << QByteArray("\xEF\xBB\xBF" "a,b\r\n");
    QTest::newRow("excel, semicolon region") << true << true << QByteArray("\xEF\xBB\xBF" "sep=,\r\na,b\r\n");
}

void TestCsvWriter::excelPreamble()
{
    QFETCH(bool, bom);
    QFETCH(bool, sep);
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    {
        CsvWriter::Options options;
        options.byteOrderMark = bom;
        options.sepLine = sep;
        CsvWriter writer(&buffer, options);
        writer.addField(QByteArrayView("a"));
        writer.addField(QByteArrayView("b"));
        writer.endRow();
    }
    QTEST(buffer.data(), "expected");
}

void TestCsvWriter::excelSepLineOnlyWhereNeeded_data()
{
    QTest::addColumn<QLocale>("locale");
    QTest::addColumn<bool>("needed");
    QTest::newRow("German: Excel splits at ;") << QLocale(QLocale::German, QLocale::Germany) << true;
    QTest::newRow("French") << QLocale(QLocale::French, QLocale::France) << true;
    QTest::newRow("US English: commas") << QLocale(QLocale::English, QLocale::UnitedStates) << false;
    QTest::newRow("British English") << QLocale(QLocale::English, QLocale::UnitedKingdom) << false;
}

void TestCsvWriter::excelSepLineOnlyWhereNeeded()
{
    QFETCH(QLocale, locale);
    QTEST(CsvWriter::excelNeedsSepLine(locale), "needed");
}

void TestCsvWriter::rows()
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    CsvWriter writer(&buffer);
    writer.addField(QStringView(u"id"));
    writer.addField(QStringView(u"description"));
    writer.endRow();
    writer.addField(QByteArrayView("1"));
    writer.addField(QByteArrayView("x, y"));
    writer.endRow();
    QVERIFY(writer.flush());
    QCOMPARE(buffer.data(), QByteArray("id,description\r\n1,\"x, y\"\r\n"));
    QCOMPARE(writer.bytesWritten(), buffer.data().size());
}

void TestCsvWriter::streamsInChunks()
{
    // The writer flushes as it goes: after many rows most bytes are in the device, not in memory.
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    CsvWriter writer(&buffer);
    const QByteArray row(100, 'a');
    for (int i = 0; i < 20000; ++i) {
        writer.addField(row);
        writer.endRow();
    }
    QVERIFY(buffer.data().size() > 1'500'000);
    QVERIFY(writer.flush());
    QCOMPARE(buffer.data().size(), 20000 * 102);
}

void TestCsvWriter::writeErrorIsReported()
{
    QFile file(QStringLiteral("/dev/full"));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
        QSKIP("/dev/full is not available");
    CsvWriter writer(&file);
    writer.addField(QByteArrayView("x"));
    writer.endRow();
    QVERIFY(!writer.flush());
    QVERIFY(writer.hasError());
    QVERIFY(!writer.errorString().isEmpty());

    QBuffer closed;
    CsvWriter toClosed(&closed);
    toClosed.addField(QByteArrayView("x"));
    QVERIFY(!toClosed.flush());
}

void TestCsvWriter::exportsStoreRows()
{
    const QByteArray page = R"([
      {"id": 6734033817529352, "timestamp": "2021-10-27T11:59:29.120Z", "description": "=cmd|' /C calc'!A0",
       "event_type": {"id": 38, "description": "Order submitted"}, "event_severity": {"id": 0, "description": "Info"},
       "event_source": {"id": 2, "description": "API"}, "organisation": {"id": 1, "name": "Org, Inc."},
       "user": {"id": 123456, "name": "Sample User", "username": "abc@cde.com"},
       "detail": {"id": 16235491, "location": "/api/v1/order/16235491"}},
      {"id": 2, "timestamp": "2021-10-27T11:59:30Z", "description": "two\nlines",
       "event_type": {"id": 1, "description": "Update location"}, "organisation": {"id": 1, "name": "Org, Inc."}}
    ])";
    ParseResult parsed = EventParser::parse(page);
    QCOMPARE(parsed.events().size(), size_t(2));
    EventStore store;
    store.append(std::move(parsed.events()));

    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    CsvWriter writer(&buffer);
    const EventCsvExporter exporter(store, { EventColumns::Id, EventColumns::Time, EventColumns::Category,
                                              EventColumns::Description, EventColumns::Organisation,
                                              EventColumns::PerformedBy, EventColumns::Payload });
    exporter.writeHeader(writer);
    QVERIFY(exporter.writeRange(writer, 0, store.size()));
    const QByteArray expected
        = "id,time,category,description,organisation,performed_by,payload\r\n"
          "6734033817529352,2021-10-27T11:59:29.120Z,SIM order,\"'=cmd|' /C calc'!A0\",\"Org, Inc.\","
          "Sample User <abc@cde.com>,\"{\"\"id\"\":16235491,\"\"location\"\":\"\"/api/v1/order/16235491\"\"}\"\r\n"
          "2,2021-10-27T11:59:30.000Z,Network attachment and location,\"two\nlines\",\"Org, Inc.\",,\r\n";
    QCOMPARE(buffer.data(), expected);
}

void TestCsvWriter::exportProgressCancels()
{
    EventStore store;
    std::vector<Event> events(10000);
    for (int i = 0; i < 10000; ++i) {
        events[size_t(i)].id = i + 1;
        events[size_t(i)].timestampMs = 1'600'000'000'000LL + i;
    }
    store.append(std::move(events));
    std::vector<qsizetype> rows(10000);
    std::iota(rows.begin(), rows.end(), 0);
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    CsvWriter writer(&buffer);
    const EventCsvExporter exporter(store, { EventColumns::Id });
    qsizetype lastProgress = 0;
    const bool finished = exporter.writeRows(writer, rows, [&](qsizetype done) {
        lastProgress = done;
        return done < 4096; // cancel at the first report
    });
    QVERIFY(!finished);
    QCOMPARE(lastProgress, 4096);
    QVERIFY(writer.flush());
    QCOMPARE(buffer.data().count('\n'), 4096); // stopped right there, not at the end
}

namespace {

// Doc example 57 (by Sample User) and an event with a pipe and a formula in its description.
const QByteArray ticketPage = R"([
 {"timestamp":"2021-12-20T12:23:51.000Z","alert":false,"description":"New SIM order has been submitted",
  "id":213775802007594,"event_type":{"id":38,"description":"Order submitted"},
  "event_source":{"id":2,"description":"API"},"event_severity":{"id":0,"description":"Info"},
  "organisation":{"id":654321,"name":"Sampe Corp"},
  "user":{"id":123456,"name":"Sample User","username":"abc@cde.com"},
  "detail":{"id":16235491,"location":"/api/v1/order/16235491"}},
 {"timestamp":"2026-12-01T16:44:10.250Z","alert":true,"description":"=cmd|' /C calc'!A0",
  "id":142986836530266,"event_type":{"id":39,"description":"Order updated"},
  "event_source":{"id":2,"description":"API"},"event_severity":{"id":1,"description":"Warn"},
  "organisation":{"id":2,"name":"Cervantes Agritech S.L."},
  "detail":{"id":16168172,"status":{"id":2,"description":"Shipped"},"auth_token":"eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl"}}
])";

} // namespace

void TestCsvWriter::copyForTickets_data()
{
    QTest::addColumn<int>("format");
    QTest::addColumn<QString>("expected");
    const QString line1 = QString::fromUtf8("2021-12-20 12:23:51 UTC · Info · Order submitted · Sampe Corp · New SIM "
                                            "order has been submitted · Action performed by: Sample User, "
                                            "abc@cde.com. (User ID: 123456) · event 213775802007594\n");
    const QString line2 = QString::fromUtf8("2026-12-01 16:44:10 UTC · Warn · Order updated · Cervantes Agritech S.L. · "
                                            "=cmd|' /C calc'!A0 · event 142986836530266\n");
    QTest::newRow("one line per event") << int(TicketCopy::Format::Line) << line1 + line2;
    QTest::newRow("markdown") << int(TicketCopy::Format::Markdown)
                              << QStringLiteral("| Time | Severity | Description | ID |\n| --- | --- | --- | --- |\n"
                                                "| 2021-12-20T12:23:51.000Z | Info | New SIM order has been submitted | "
                                                "213775802007594 |\n"
                                                "| 2026-12-01T16:44:10.250Z | Warn | =cmd\\|' /C calc'!A0 | "
                                                "142986836530266 |\n");
    QTest::newRow("table: a formula neutralised")
        << int(TicketCopy::Format::Table)
        << QStringLiteral("Time\tSeverity\tDescription\tID\n2021-12-20T12:23:51.000Z\tInfo\tNew SIM order has been "
                          "submitted\t213775802007594\n2026-12-01T16:44:10.250Z\tWarn\t'=cmd|' /C "
                          "calc'!A0\t142986836530266\n");
}

void TestCsvWriter::copyForTickets()
{
    QFETCH(int, format);
    QFETCH(QString, expected);
    ParseResult parsed = EventParser::parse(ticketPage);
    QVERIFY2(parsed.isOk(), qPrintable(parsed.error));
    EventStore store;
    QCOMPARE(store.append(std::move(parsed.events())), qsizetype(2));
    const std::vector<qsizetype> rows { 0, 1 };
    const QList<EventColumns::Column> columns { EventColumns::Time, EventColumns::Severity, EventColumns::Description,
        EventColumns::Id };
    const QString text = TicketCopy::write(store, rows, columns, TicketCopy::Format(format), {});
    if (text != expected)
        qWarning().noquote() << "got:\n" << text;
    QCOMPARE(text, expected);
}

void TestCsvWriter::copyJsonIsTheWholeEventWithoutSecrets()
{
    ParseResult parsed = EventParser::parse(ticketPage);
    const std::vector<Event> original = parsed.events();
    EventStore store;
    store.append(std::move(parsed.events()));
    const std::vector<qsizetype> rows { 0, 1 };
    const QString json = TicketCopy::write(store, rows, {}, TicketCopy::Format::Json, {});
    QVERIFY(!json.contains(QLatin1String("eyJhbGciOiJIUzI1NiJ9")));
    ParseResult back = EventParser::parse(json.toUtf8());
    QVERIFY2(back.isOk(), qPrintable(back.error));
    QCOMPARE(back.events().size(), size_t(2));
    QCOMPARE(back.events()[0], original[0]); // no secret: the event as received
    QCOMPARE(back.events()[1].id, original[1].id);
    QVERIFY(back.events()[1].detailJson.contains("\"status\":{\"id\":2"));
    // With keepSecrets, the token too; one event alone is an object, not an array.
    const std::vector<qsizetype> one { 1 };
    const QString kept = TicketCopy::write(store, one, {}, TicketCopy::Format::Json, { true, true });
    QVERIFY(kept.startsWith(QLatin1Char('{')));
    QVERIFY(kept.contains(QLatin1String("eyJhbGciOiJIUzI1NiJ9")));
    for (const TicketCopy::Format format : TicketCopy::formats())
        QCOMPARE(TicketCopy::fromKey(TicketCopy::key(format)), format);
    QCOMPARE(TicketCopy::fromKey(u"nonsense"), TicketCopy::Format::Table);
}

void TestCsvWriter::copyJsonOfManyRowsKeepsTheirOrder()
{
    // Thousands of rows are written on two cores: the copy is still one JSON array of the rows
    // in the order given, every secret redacted in either half.
    ParseResult parsed = EventParser::parse(ticketPage);
    const std::vector<Event> original = parsed.events();
    std::vector<Event> events;
    for (qint64 i = 0; i < 6000; ++i) {
        Event e = original[size_t(i % 2)]; // every other one carries a token
        e.id = 1000 + i;
        e.description = QStringLiteral("event %1").arg(i);
        events.push_back(std::move(e));
    }
    EventStore store;
    store.append(events);
    std::vector<qsizetype> rows(events.size());
    std::iota(rows.rbegin(), rows.rend(), qsizetype(0)); // newest first, as the table shows them
    const QString json = TicketCopy::write(store, rows, {}, TicketCopy::Format::Json, {});
    QVERIFY(!json.contains(QLatin1String("eyJhbGciOiJIUzI1NiJ9")));
    ParseResult back = EventParser::parse(json.toUtf8());
    QVERIFY2(back.isOk(), qPrintable(back.error));
    const std::vector<Event> read = back.events();
    QCOMPARE(read.size(), rows.size());
    for (size_t i = 0; i < rows.size(); ++i) {
        QCOMPARE(read[i].id, events[size_t(rows[i])].id);
        QCOMPARE(read[i].description, events[size_t(rows[i])].description);
    }
}

QTEST_APPLESS_MAIN(TestCsvWriter)
#include "tst_csvwriter.moc"
