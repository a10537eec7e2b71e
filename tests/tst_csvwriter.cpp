// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "api/eventparser.h"
#include "export/csvwriter.h"
#include "export/eventcsvexporter.h"
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

QTEST_APPLESS_MAIN(TestCsvWriter)
#include "tst_csvwriter.moc"
