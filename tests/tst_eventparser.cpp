// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "api/eventjson.h"
#include "api/eventparser.h"
#include "model/eventtext.h"
#include "model/eventtypecatalogue.h"
#include "testdata.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QTest>

class TestEventParser final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void docExample_data();
    void docExample();
    void docExamplesAsOnePage();
    void quirk_data();
    void quirk();
    void timestamp_data();
    void timestamp();
    void badElement_data();
    void badElement();
    void badDocument_data();
    void badDocument();
    void hostileInputs();
    void keepsUnknownKeysAndDetail();
    void keepRaw();
    void syntaxErrorCostsOnlyItsElement_data();
    void syntaxErrorCostsOnlyItsElement();
    void elementsCannotBeToldApart_data();
    void elementsCannotBeToldApart();
    void keptTextIsValidJson_data();
    void keptTextIsValidJson();

private:
    static QByteArray readData(const QString &name);
    static bool isJsonObject(const QByteArray &text);
};

bool TestEventParser::isJsonObject(const QByteArray &text)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(text, &error);
    return error.error == QJsonParseError::NoError && document.isObject();
}

QByteArray TestEventParser::readData(const QString &name)
{
    return TestData::read(name);
}

void TestEventParser::docExample_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<qint64>("id");
    QTest::addColumn<int>("typeId");
    QTest::addColumn<QString>("categoryKey");
    QTest::addColumn<int>("severityId");
    QTest::addColumn<qint64>("organisationId");
    QTest::addColumn<QString>("organisationName");
    QTest::addColumn<QString>("performedBy");

    const QJsonArray examples = QJsonDocument::fromJson(readData(QStringLiteral("doc-examples.json"))).array();
    const QList<QByteArray> lines = readData(QStringLiteral("doc-examples.expected.tsv")).split('\n');
    int rows = 0;
    for (const QByteArray &line : lines) {
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        const QList<QByteArray> f = line.split('\t');
        QCOMPARE(f.size(), 8);
        const int index = f[0].toInt();
        const QByteArray json = QJsonDocument(examples.at(index).toObject()).toJson();
        const QString performedBy = f[7] == "-" ? EventText::noUserExplanation() : QString::fromUtf8(f[7]);
        QTest::addRow("%d type %s", index, f[2].constData())
            << json << f[1].toLongLong() << f[2].toInt() << QString::fromUtf8(f[3]) << f[4].toInt() << f[5].toLongLong()
            << QString::fromUtf8(f[6]) << performedBy;
        ++rows;
    }
    QCOMPARE(rows, 59);
}

void TestEventParser::docExample()
{
    QFETCH(QByteArray, json);
    const ParseResult result = EventParser::parse(json);
    QVERIFY2(result.isOk(), qPrintable(result.error));
    QVERIFY(result.issues.isEmpty());
    QCOMPARE(result.events().size(), size_t(1));
    const Event e = result.events().front();
    QTEST(e.id, "id");
    QTEST(int(e.type.id), "typeId");
    const EventTypeCatalogue &catalogue = EventTypeCatalogue::builtIn();
    QTEST(catalogue.categories().at(catalogue.categoryOf(int(e.type.id))).key, "categoryKey");
    QTEST(int(e.severity.id), "severityId");
    QTEST(e.organisation.id, "organisationId");
    QTEST(e.organisation.name, "organisationName");
    QTEST(EventText::performedBy(e.user), "performedBy");
    QVERIFY(e.timestampMs > 1'400'000'000'000LL); // every example is from 2017 or later
    QVERIFY(!e.type.name.isEmpty());
}

void TestEventParser::docExamplesAsOnePage()
{
    const ParseResult result = EventParser::parse(readData(QStringLiteral("doc-examples.json")));
    QVERIFY(result.isOk());
    QCOMPARE(result.events().size(), size_t(59));
    QVERIFY(result.issues.isEmpty());
    // The 16-digit id must survive exactly (no detour through double).
    const std::vector<Event> events = result.events();
    const auto it = std::find_if(events.begin(), events.end(), [](const Event &e) { return e.id == 6734033817529352LL; });
    QVERIFY(it != events.end());
}

void TestEventParser::quirk_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("alert");
    QTest::addColumn<QString>("sourceName");
    QTest::addColumn<QString>("severityLabel");
    QTest::addColumn<qint64>("timestampMs");
    QTest::addColumn<bool>("hasUser");

    const QByteArray head = R"({"id": 7, "description": "d", "event_type": {"id": 12, "description": "Organisation blocked"},)"
                            R"( "organisation": {"id": 1, "name": "O"},)";
    // 2021-10-06T10:42:58Z
    const qint64 t = 1633516978000LL;
    QTest::newRow("alert as 1") << head + R"("alert": 1, "timestamp": "2021-10-06T10:42:58Z"})" << true << QString()
                                << QStringLiteral("Severity -1") << t << false;
    QTest::newRow("alert as 0") << head + R"("alert": 0, "timestamp": "2021-10-06T10:42:58Z"})" << false << QString()
                                << QStringLiteral("Severity -1") << t << false;
    QTest::newRow("alert as string") << head + R"("alert": "true", "timestamp": "2021-10-06T10:42:58Z"})" << true
                                     << QString() << QStringLiteral("Severity -1") << t << false;
    QTest::newRow("source with name") << head + R"("event_source": {"id": 1, "name": "Policy Control"}, "timestamp": "2021-10-06 10:42:58"})"
                                      << false << QStringLiteral("Policy Control") << QStringLiteral("Severity -1") << t << false;
    QTest::newRow("upper-case severity") << head + R"("event_severity": {"id": 1, "description": "WARN"}, "timestamp": "2021-10-06T10:42:58.000+0000"})"
                                         << false << QString() << QStringLiteral("Warn") << t << false;
    QTest::newRow("severity Warning") << head + R"("event_severity": {"id": 1, "description": "Warning"}, "timestamp": "2021-10-06T10:42:58.000Z"})"
                                      << false << QString() << QStringLiteral("Warn") << t << false;
    QTest::newRow("numbers as strings") << QByteArray(R"({"id": "7", "timestamp": "2021-10-06T10:42:58Z", "event_type": {"id": "12"},)"
                                                      R"( "event_severity": {"id": "2", "description": "CRITICAL"}, "organisation": {"id": "1", "name": "O"}})")
                                        << false << QString() << QStringLiteral("Critical") << t << false;
    QTest::newRow("explicit nulls") << head + R"("user": null, "endpoint": null, "sim": null, "imsi": null, "detail": null, "timestamp": "2021-10-06T10:42:58Z"})"
                                    << false << QString() << QStringLiteral("Severity -1") << t << false;
    QTest::newRow("empty objects") << head + R"("user": {}, "endpoint": {}, "sim": {}, "imsi": {}, "detail": {}, "timestamp": "2021-10-06T10:42:58Z"})"
                                   << false << QString() << QStringLiteral("Severity -1") << t << false;
    QTest::newRow("user present") << head + R"("user": {"id": 5, "name": "N", "username": "u@x"}, "timestamp": "2021-10-06T10:42:58Z"})"
                                  << false << QString() << QStringLiteral("Severity -1") << t << true;
    QTest::newRow("unknown keys") << head + R"("keen": {"id": "x"}, "future": [1, 2], "timestamp": "2021-10-06T10:42:58Z"})"
                                  << false << QString() << QStringLiteral("Severity -1") << t << false;
}

void TestEventParser::quirk()
{
    QFETCH(QByteArray, json);
    const ParseResult result = EventParser::parse(json);
    QVERIFY2(result.isOk(), qPrintable(result.error));
    QVERIFY2(result.issues.isEmpty(), result.issues.isEmpty() ? "" : qPrintable(result.issues.first().reason));
    QCOMPARE(result.events().size(), size_t(1));
    const Event e = result.events().front();
    QCOMPARE(e.id, 7);
    QTEST(e.alert, "alert");
    QTEST(e.source.name, "sourceName");
    QTEST(EventTypeCatalogue::severityName(int(e.severity.id), QString()), "severityLabel");
    QTEST(e.timestampMs, "timestampMs");
    QTEST(e.user.has_value(), "hasUser");
    QCOMPARE(e.organisation.id, 1);
}

void TestEventParser::timestamp_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<qint64>("ms");
    const qint64 base = 1635335969000LL; // 2021-10-27T11:59:29Z
    QTest::newRow("Z with ms") << QByteArray("2021-10-27T11:59:29.000Z") << true << base;
    QTest::newRow("ms and +0000") << QByteArray("2021-10-27T11:59:29.123+0000") << true << base + 123;
    QTest::newRow("no ms") << QByteArray("2021-10-27T11:59:29Z") << true << base;
    QTest::newRow("space no zone") << QByteArray("2021-10-27 11:59:29") << true << base;
    QTest::newRow("offset with colon") << QByteArray("2021-10-27T13:59:29+02:00") << true << base;
    QTest::newRow("negative offset") << QByteArray("2021-10-27T06:59:29-0500") << true << base;
    QTest::newRow("microseconds") << QByteArray("2021-10-27T11:59:29.123456Z") << true << base + 123;
    QTest::newRow("one fraction digit") << QByteArray("2021-10-27T11:59:29.5Z") << true << base + 500;
    QTest::newRow("US schema example") << QByteArray("10/27/2021 11:59:29 AM") << true << base;
    QTest::newRow("US PM") << QByteArray("5/8/2017 10:56:25 PM") << true << 1494284185000LL;
    QTest::newRow("US 12 AM") << QByteArray("10/27/2021 12:59:29 AM") << true << base - 11 * 3600000LL;
    QTest::newRow("leap day") << QByteArray("2024-02-29T00:00:00Z") << true << 1709164800000LL;
    QTest::newRow("empty") << QByteArray("") << false << 0LL;
    QTest::newRow("garbage") << QByteArray("yesterday") << false << 0LL;
    QTest::newRow("month 13") << QByteArray("2021-13-27T11:59:29Z") << false << 0LL;
    QTest::newRow("Feb 30") << QByteArray("2021-02-30T11:59:29Z") << false << 0LL;
    QTest::newRow("hour 24") << QByteArray("2021-10-27T24:59:29Z") << false << 0LL;
    QTest::newRow("trailing junk") << QByteArray("2021-10-27T11:59:29Zjunk") << false << 0LL;
    QTest::newRow("cut off") << QByteArray("2021-10-27T11:") << false << 0LL;
    // Issue 10: real calendar, a supported range (0001..9999 UTC) checked after the offset.
    QTest::newRow("not a leap year") << QByteArray("2023-02-29T00:00:00Z") << false << 0LL;
    QTest::newRow("century, not leap") << QByteArray("1900-02-29T00:00:00Z") << false << 0LL;
    QTest::newRow("400 years, leap") << QByteArray("2000-02-29T00:00:00Z") << true << 951782400000LL;
    QTest::newRow("second 60") << QByteArray("2016-12-31T23:59:60Z") << false << 0LL;
    QTest::newRow("1900 with offset") << QByteArray("1900-01-01T00:00:00+01:00") << true << -2208992400000LL;
    QTest::newRow("offset before year 1") << QByteArray("0001-01-01T00:00:00+01:00") << false << 0LL;
    QTest::newRow("offset past 9999") << QByteArray("9999-12-31T23:59:59-01:00") << false << 0LL;
    QTest::newRow("last supported ms") << QByteArray("9999-12-31T23:59:59.999Z") << true << 253402300799999LL;
}

void TestEventParser::timestamp()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, valid);
    qint64 ms = 0;
    QCOMPARE(EventParser::parseTimestamp(text, &ms), valid);
    if (valid)
        QTEST(ms, "ms");
}

void TestEventParser::badElement_data()
{
    QTest::addColumn<QByteArray>("element");
    QTest::addColumn<QString>("reasonPart");
    QTest::newRow("not an object") << QByteArray("42") << QStringLiteral("not an object");
    QTest::newRow("no id") << QByteArray(R"({"timestamp": "2021-10-27T11:59:29Z"})") << QStringLiteral("id");
    QTest::newRow("id is text") << QByteArray(R"({"id": "abc", "timestamp": "2021-10-27T11:59:29Z"})") << QStringLiteral("id");
    QTest::newRow("id is fraction") << QByteArray(R"({"id": 1.5, "timestamp": "2021-10-27T11:59:29Z"})") << QStringLiteral("id");
    QTest::newRow("id beyond 64 bits") << QByteArray(R"({"id": 99999999999999999999, "timestamp": "2021-10-27T11:59:29Z"})")
                                       << QStringLiteral("id");
    QTest::newRow("id is object") << QByteArray(R"({"id": {}, "timestamp": "2021-10-27T11:59:29Z"})") << QStringLiteral("id");
    QTest::newRow("no timestamp") << QByteArray(R"({"id": 1})") << QStringLiteral("timestamp");
    QTest::newRow("timestamp number") << QByteArray(R"({"id": 1, "timestamp": 12345})") << QStringLiteral("timestamp");
    QTest::newRow("bad timestamp") << QByteArray(R"({"id": 1, "timestamp": "soon"})") << QStringLiteral("timestamp");
    QTest::newRow("user is a string") << QByteArray(R"({"id": 1, "timestamp": "2021-10-27T11:59:29Z", "user": "bob"})")
                                      << QStringLiteral("user");
    QTest::newRow("user id is text") << QByteArray(R"({"id": 1, "timestamp": "2021-10-27T11:59:29Z", "user": {"id": "x"}})")
                                     << QStringLiteral("user.id");
    QTest::newRow("organisation is array") << QByteArray(R"({"id": 1, "timestamp": "2021-10-27T11:59:29Z", "organisation": []})")
                                           << QStringLiteral("organisation");
    QTest::newRow("alert is object") << QByteArray(R"({"id": 1, "timestamp": "2021-10-27T11:59:29Z", "alert": {}})")
                                     << QStringLiteral("alert");
    QTest::newRow("description is object") << QByteArray(R"({"id": 1, "timestamp": "2021-10-27T11:59:29Z", "description": {"a": 1}})")
                                           << QStringLiteral("description");
    // Issue 10: a time that is not in the calendar or not in the range is the element's error,
    // never a different instant.
    QTest::newRow("timestamp not a leap day")
        << QByteArray(R"({"id": 1, "timestamp": "2023-02-29T00:00:00Z"})") << QStringLiteral("timestamp");
    QTest::newRow("timestamp past 9999 in UTC")
        << QByteArray(R"({"id": 1, "timestamp": "9999-12-31T23:59:59-01:00"})")
        << QStringLiteral("timestamp");
}

void TestEventParser::badElement()
{
    QFETCH(QByteArray, element);
    QFETCH(QString, reasonPart);
    // The bad element sits between two good ones: they parse, it is reported with its index.
    const QByteArray good1 = R"({"id": 100, "timestamp": "2021-10-27T11:59:29Z"})";
    const QByteArray good2 = R"({"id": 101, "timestamp": "2021-10-27T11:59:30Z"})";
    const ParseResult result = EventParser::parse("[" + good1 + "," + element + "," + good2 + "]");
    QVERIFY(result.isOk());
    QCOMPARE(result.events().size(), size_t(2));
    QCOMPARE(result.events()[0].id, 100);
    QCOMPARE(result.events()[1].id, 101);
    QCOMPARE(result.issues.size(), 1);
    QCOMPARE(result.issues.first().index, 1);
    QVERIFY2(result.issues.first().reason.contains(reasonPart), qPrintable(result.issues.first().reason));
}

void TestEventParser::badDocument_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("html") << QByteArray("<html><body>502 Bad Gateway</body></html>");
    QTest::newRow("cut off") << QByteArray(R"([{"id": 1, "timestamp": "2021-10-27T11:59:29Z"}, {"id": 2, "time)");
    QTest::newRow("number") << QByteArray("42");
    QTest::newRow("string") << QByteArray(R"("events")");
    QTest::newRow("null") << QByteArray("null");
    QTest::newRow("trailing garbage") << QByteArray(R"([] xyz)");
    QTest::newRow("invalid utf-8") << QByteArray("[\"\xff\xfe\"]");
}

void TestEventParser::badDocument()
{
    QFETCH(QByteArray, json);
    const ParseResult result = EventParser::parse(json);
    QVERIFY(!result.isOk());
    QVERIFY(!result.error.isEmpty());
    QVERIFY(result.events().empty());
}

void TestEventParser::hostileInputs()
{
    // A 20 MB description, deep nesting inside detail, wrong types everywhere: no crash, clear outcome.
    const QByteArray huge(20 * 1024 * 1024, 'x');
    ParseResult result = EventParser::parse(R"({"id": 1, "timestamp": "2021-10-27T11:59:29Z", "description": ")" + huge + "\"}");
    QVERIFY(result.isOk());
    QCOMPARE(result.events().size(), size_t(1));
    QCOMPARE(result.events().front().description.size(), huge.size());

    const QByteArray deep = QByteArray(500, '[') + QByteArray(500, ']');
    result = EventParser::parse(R"({"id": 2, "timestamp": "2021-10-27T11:59:29Z", "detail": )" + deep + "}");
    QVERIFY(result.isOk());
    QCOMPARE(result.events().size(), size_t(1));
    QCOMPARE(result.events().front().detailJson, deep);

    // 5,000 levels of nesting at the top: refused as a whole or as an element, never a crash.
    result = EventParser::parse(QByteArray(5000, '[') + QByteArray(5000, ']'));
    QVERIFY(result.events().empty());
    QVERIFY(!result.isOk() || result.issues.size() == 1);

    const QByteArray wrongTypes = R"([{"id": true, "timestamp": []}, {"id": 3, "timestamp": "2021-10-27T11:59:29Z",)"
                                  R"( "event_type": 5, "event_source": "x", "sim": {"iccid": {"a": 1}}}, null, [], "s"])";
    result = EventParser::parse(wrongTypes);
    QVERIFY(result.isOk());
    QVERIFY(result.events().empty());
    QCOMPARE(result.issues.size(), 5);
    for (int i = 0; i < 5; ++i)
        QCOMPARE(result.issues[i].index, i);
}

void TestEventParser::keepsUnknownKeysAndDetail()
{
    const QByteArray json = R"({"id": 153792067277, "timestamp": "2021-10-27T15:17:23Z", "keen": {"id": "11855d"},)"
                            R"( "detail": {"region": "eu-west-1", "client": {"public_ip": "53.240.46.216"}, "n": 1.5, "s": "1.000000"}})";
    const ParseResult result = EventParser::parse(json);
    QCOMPARE(result.events().size(), size_t(1));
    const Event e = result.events().front();
    QCOMPARE(e.extraJson, QByteArray(R"({"keen":{"id":"11855d"}})"));
    QCOMPARE(e.detailJson, QByteArray(R"({"region":"eu-west-1","client":{"public_ip":"53.240.46.216"},"n":1.5,"s":"1.000000"})"));
    // A 20-digit ICCID sent as a number would not fit 64 bits; as text it stays exact.
    const ParseResult sim = EventParser::parse(
        R"({"id": 1, "timestamp": "2021-10-27T15:17:23Z", "sim": {"id": 2, "iccid": 8988303000123456789}})");
    QCOMPARE(sim.events().size(), size_t(1));
    QCOMPARE(sim.events().front().sim->iccid, QStringLiteral("8988303000123456789"));
}

void TestEventParser::keepRaw()
{
    const ParseResult result = EventParser::parse(R"([{"id": 1, "timestamp": "2021-10-27T15:17:23Z", "x": [1, 2]}, 7])",
                                                  ParseOptions { true });
    QCOMPARE(result.events().size(), size_t(1));
    QCOMPARE(result.raw.size(), size_t(1));
    QCOMPARE(result.raw.front(), QByteArray(R"({"id":1,"timestamp":"2021-10-27T15:17:23Z","x":[1,2]})"));
}

void TestEventParser::syntaxErrorCostsOnlyItsElement_data()
{
    QTest::addColumn<QByteArray>("element");
    const QByteArray head = R"({"id": 2, "timestamp": "2021-10-27T11:59:30Z")";
    QTest::newRow("value missing") << head + R"(, "description": })";
    QTest::newRow("comma missing") << QByteArray(R"({"id": 2 "timestamp": "2021-10-27T11:59:30Z"})");
    QTest::newRow("trailing comma") << head + ",}";
    QTest::newRow("key not quoted") << head + R"(, description: "x"})";
    QTest::newRow("bad literal") << head + R"(, "alert": tru})";
    QTest::newRow("leading zero") << head + R"(, "n": 01})";
    QTest::newRow("in detail") << head + R"(, "detail": {"a": [1,, 2]}})";
    QTest::newRow("in an unknown key") << head + R"(, "keen": {"x" 1}})";
    QTest::newRow("in a member not read") << head + R"(, "user": {"id": 5, "extra": {"a": }}})";
    QTest::newRow("raw tab in a string") << head + ", \"description\": \"a\tb\"}";
    QTest::newRow("empty element") << QByteArray("");
}

void TestEventParser::syntaxErrorCostsOnlyItsElement()
{
    QFETCH(QByteArray, element);
    // Issue 10: [{id 1}, {id 2 with a syntax error}, {id 3}, {id 4}] gave id 1 alone, and the
    // command line called its export complete.
    const QByteArray page = R"([{"id": 1, "timestamp": "2021-10-27T11:59:29Z"}, )" + element
        + R"(, {"id": 3, "timestamp": "2021-10-27T11:59:31Z"}, {"id": 4, "timestamp": "2021-10-27T11:59:32Z"}])";
    const ParseResult result = EventParser::parse(page, ParseOptions { true });
    QVERIFY2(result.isOk(), qPrintable(result.error));
    QList<qint64> ids;
    for (const Event &e : result.events())
        ids.append(e.id);
    QCOMPARE(ids, (QList<qint64> { 1, 3, 4 }));
    QCOMPARE(result.issues.size(), 1);
    QCOMPARE(result.issues.first().index, 1);
    QVERIFY2(result.issues.first().reason.contains(QLatin1String("JSON")),
        qPrintable(result.issues.first().reason));
    QCOMPARE(result.elementCount, 4);
    QVERIFY(!result.isComplete());
    QCOMPARE(result.raw.size(), size_t(3));
    for (const QByteArray &raw : result.raw)
        QVERIFY2(isJsonObject(raw), raw.constData());
}

void TestEventParser::elementsCannotBeToldApart_data()
{
    QTest::addColumn<QByteArray>("page");
    const QByteArray one = R"({"id": 1, "timestamp": "2021-10-27T11:59:29Z"})";
    const QByteArray three = R"({"id": 3, "timestamp": "2021-10-27T11:59:31Z"})";
    QTest::newRow("string never closes") << "[" + one + R"(, {"id": 2, "description": "x}, )" + three + "]";
    QTest::newRow("object never closes") << "[" + one + R"(, {"id": 2, "detail": {"a": 1}, )" + three + "]";
    QTest::newRow("one brace too many") << "[" + one + "}, " + three + "]";
    QTest::newRow("issue 10 example") << QByteArray(R"({"timestamp":"2021-10-27T9:23","id":8,"":"":}})");
}

void TestEventParser::elementsCannotBeToldApart()
{
    QFETCH(QByteArray, page);
    // Where one element ends is unknown: the page is malformed as a whole (the client retries it),
    // nothing of it is taken.
    const ParseResult result = EventParser::parse(page, ParseOptions { true });
    QVERIFY(!result.isOk());
    QVERIFY(!result.isComplete());
    QVERIFY(result.events().empty());
    QVERIFY(result.raw.empty());
}

void TestEventParser::keptTextIsValidJson_data()
{
    QTest::addColumn<QByteArray>("page");
    const QByteArray head = R"({"id": 8, "timestamp": "2021-10-27T09:23:00Z")";
    QTest::newRow("detail with a value missing") << "[" + head + R"(, "detail": {"a": }}])";
    QTest::newRow("unknown key, comma missing") << "[" + head + R"(, "x": [1 2]}])";
    QTest::newRow("member not read, bad literal") << "[" + head + R"(, "sim": {"id": 1, "y": nul}}])";
    QTest::newRow("single object, bad detail") << head + R"(, "detail": {"a": 1,}})";
}

void TestEventParser::keptTextIsValidJson()
{
    QFETCH(QByteArray, page);
    // Issue 10: whatever the parser accepts, the raw text it keeps (the JSON Lines export) and the
    // JSON written back from the event are valid JSON; an element that is not is reported.
    const ParseResult result = EventParser::parse(page, ParseOptions { true });
    for (const QByteArray &raw : result.raw)
        QVERIFY2(isJsonObject(raw), raw.constData());
    for (const Event &e : result.events())
        QVERIFY2(isJsonObject(EventJson::toJson(e)), EventJson::toJson(e).constData());
    QVERIFY(result.events().empty());
    QVERIFY(!result.isComplete());
    QVERIFY(!result.isOk() || result.issues.size() == 1);
}

QTEST_APPLESS_MAIN(TestEventParser)
#include "tst_eventparser.moc"
