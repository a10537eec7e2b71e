// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "api/eventjson.h"
#include "api/eventparser.h"
#include "testdata.h"

#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

Q_DECLARE_METATYPE(Event)

class TestEventJson : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTripDocExamples_data();
    void roundTripDocExamples();
    void arrayRoundTrip();
    void escaping_data();
    void escaping();
    void timestampFormat_data();
    void timestampFormat();
    void optionalObjects();

private:
    static std::vector<Event> docExamples();
};

std::vector<Event> TestEventJson::docExamples()
{
    return TestData::docExamples(); // fails loudly when missing: an empty list would pass every row
}

void TestEventJson::roundTripDocExamples_data()
{
    QTest::addColumn<Event>("event");
    const std::vector<Event> events = docExamples();
    QCOMPARE(events.size(), size_t(59));
    for (size_t i = 0; i < events.size(); ++i)
        QTest::addRow("%zu: type %lld", i, events[i].type.id) << events[i];
}

void TestEventJson::roundTripDocExamples()
{
    QFETCH(Event, event);
    const QByteArray json = EventJson::toJson(event);
    QJsonParseError error;
    QVERIFY(QJsonDocument::fromJson(json, &error).isObject());
    QCOMPARE(error.error, QJsonParseError::NoError);
    const ParseResult result = EventParser::parse(json);
    QVERIFY2(result.isOk(), qPrintable(result.error));
    QVERIFY(result.issues.isEmpty());
    QCOMPARE(result.events().size(), size_t(1));
    QCOMPARE(result.events().front(), event);
}

void TestEventJson::arrayRoundTrip()
{
    const std::vector<Event> events = docExamples();
    const ParseResult result = EventParser::parse(EventJson::toJsonArray(events));
    QVERIFY(result.isOk());
    QCOMPARE(result.events(), events);
    QCOMPARE(EventJson::toJsonArray({}), QByteArray("[]"));
}

void TestEventJson::escaping_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("expected"); // the JSON string as written

    QTest::newRow("plain") << QStringLiteral("PDP Context deleted.")
                           << QByteArray(R"("PDP Context deleted.")");
    QTest::newRow("quotes") << QStringLiteral("tag \"A\"") << QByteArray(R"("tag \"A\"")");
    QTest::newRow("backslash") << QStringLiteral("C:\\path\\") << QByteArray(R"("C:\\path\\")");
    QTest::newRow("newline, tab, cr")
        << QStringLiteral("now\nattached\t\r") << QByteArray(R"("now\nattached\t\r")");
    QTest::newRow("backspace, formfeed") << QStringLiteral("\b\f") << QByteArray(R"("\b\f")");
    QTest::newRow("other controls") << QString(QChar(0x01)) + QChar(0x1f) + QChar(0)
                                    << QByteArray(R"("\u0001\u001f\u0000")");
    QTest::newRow("slash and del unescaped")
        << QStringLiteral("/api/v1\x7f") << QByteArray("\"/api/v1\x7f\"");
    QTest::newRow("latin-1") << QStringLiteral("Müller Weiß") << QByteArray("\"M\xc3\xbcller Wei\xc3\x9f\"");
    QTest::newRow("bmp") << QStringLiteral("€ 東京")
                         << QByteArray("\"\xe2\x82\xac \xe6\x9d\xb1\xe4\xba\xac\"");
    QTest::newRow("surrogate pair") << QStringLiteral("🚀") << QByteArray("\"\xf0\x9f\x9a\x80\"");
    QTest::newRow("lone surrogate") << QString(QChar(0xd800)) << QByteArray("\"\xef\xbf\xbd\"");
    QTest::newRow("empty") << QString() << QByteArray(R"("")");
}

void TestEventJson::escaping()
{
    QFETCH(QString, text);
    QFETCH(QByteArray, expected);
    QByteArray out = "x";
    EventJson::appendString(out, text);
    QCOMPARE(out, "x" + expected);

    // And through a whole event: valid JSON that reads back as the same text.
    Event e;
    e.id = 1;
    e.description = text;
    e.endpoint = EventEndpoint { 7, text, QStringLiteral("10.0.0.1"), {}, text };
    const QByteArray json = EventJson::toJson(e);
    QJsonParseError error;
    const QJsonObject object = QJsonDocument::fromJson(json, &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    if (!text.contains(QChar(0xd800))) {
        QCOMPARE(object.value(QLatin1String("description")).toString(), text);
        const ParseResult result = EventParser::parse(json);
        QVERIFY(result.isOk());
        QCOMPARE(result.events().size(), size_t(1));
        QCOMPARE(result.events().front().description, text);
        QCOMPARE(result.events().front().endpoint->name, text);
    }
}

void TestEventJson::timestampFormat_data()
{
    QTest::addColumn<qint64>("ms");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("docs example") << qint64(1635323882000) << QByteArray("2021-10-27T08:38:02.000Z");
    QTest::newRow("milliseconds") << QDateTime::fromString(
        QStringLiteral("2021-10-24T12:44:09.901Z"), Qt::ISODateWithMs)
                                         .toMSecsSinceEpoch()
                                  << QByteArray("2021-10-24T12:44:09.901Z");
    QTest::newRow("epoch") << qint64(0) << QByteArray("1970-01-01T00:00:00.000Z");
    QTest::newRow("leap day") << qint64(1709251199999) << QByteArray("2024-02-29T23:59:59.999Z");
    QTest::newRow("before epoch") << qint64(-1) << QByteArray("1969-12-31T23:59:59.999Z");
}

void TestEventJson::timestampFormat()
{
    QFETCH(qint64, ms);
    QFETCH(QByteArray, expected);
    QByteArray out;
    EventJson::appendTimestamp(out, ms);
    QCOMPARE(out, expected);
    Event e;
    e.id = 5;
    e.timestampMs = ms;
    QVERIFY(EventJson::toJson(e).contains("\"timestamp\":\"" + expected + '"'));
}

void TestEventJson::optionalObjects()
{
    Event e;
    e.id = 42;
    e.type = { 12, QStringLiteral("Organisation blocked") };
    e.organisation = { 4732, QStringLiteral("Test Org") };
    e.detailJson = "null";
    e.extraJson = R"({"keen":{"id":"x"},"other":1})";
    const QByteArray json = EventJson::toJson(e);
    QVERIFY(!json.contains("\"user\""));
    QVERIFY(!json.contains("\"endpoint\""));
    QVERIFY(json.contains(R"("detail":null)"));
    QVERIFY(json.contains(R"("keen":{"id":"x"},"other":1})"));
    const ParseResult result = EventParser::parse(json);
    QCOMPARE(result.events().size(), size_t(1));
    QCOMPARE(result.events().front(), e);

    // An endpoint without tags or IMEI sends them as null, like the API.
    e.endpoint = EventEndpoint { 1, QStringLiteral("GPS Tracker"), QStringLiteral("10.0.0.1"), {}, {} };
    QVERIFY(EventJson::toJson(e).contains(R"("imei":null,"tags":null)"));
}

QTEST_APPLESS_MAIN(TestEventJson)
#include "tst_eventjson.moc"
