// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "model/jsondocument.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QTest>

class TestJsonDocument final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsWhatJsonAllows_data();
    void readsWhatJsonAllows();
    void notJsonStaysAnError();
};

void TestJsonDocument::readsWhatJsonAllows_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QJsonValue>("value"); // of key "v"

    QTest::newRow("plain number") << QByteArray(R"({"v":12.5})") << QJsonValue(12.5);
    QTest::newRow("beyond 64 bits, still a double")
        << QByteArray(R"({"v":123456789012345678901234567890})") << QJsonValue(1.2345678901234568e29);
    QTest::newRow("underflow") << QByteArray(R"({"v":1e-99468})") << QJsonValue(QStringLiteral("1e-99468"));
    QTest::newRow("overflow") << QByteArray(R"({"v":1e999})") << QJsonValue(QStringLiteral("1e999"));
    QTest::newRow("negative overflow, in an array")
        << QByteArray(R"({"a":[1,-1.5E+400],"v":-1.5E+400})") << QJsonValue(QStringLiteral("-1.5E+400"));
    QTest::newRow("strings untouched beside one")
        << QByteArray(R"({"s":"1e999","x":1e999,"v":"say \"1e999\""})")
        << QJsonValue(QStringLiteral("say \"1e999\""));
    QTest::newRow("other numbers beside one") << QByteArray(R"({"x":1e999,"v":-0.25e1})") << QJsonValue(-2.5);
}

void TestJsonDocument::readsWhatJsonAllows()
{
    QFETCH(QByteArray, json);
    QFETCH(QJsonValue, value);
    QJsonParseError error;
    const QJsonDocument document = JsonDocument::fromJson(json, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QVERIFY(document.isObject());
    QCOMPARE(document.object().value(QLatin1String("v")), value);
}

void TestJsonDocument::notJsonStaysAnError()
{
    for (const QByteArray json : { QByteArray(R"({"v":1e999,})"), QByteArray(R"({"v":--1})"),
             QByteArray(R"({"v":1e999)"), QByteArray("") }) {
        QJsonParseError error;
        const QJsonDocument document = JsonDocument::fromJson(json, &error);
        QVERIFY2(error.error != QJsonParseError::NoError, json.constData());
        QVERIFY(document.isNull());
    }
}

QTEST_APPLESS_MAIN(TestJsonDocument)
#include "tst_jsondocument.moc"
