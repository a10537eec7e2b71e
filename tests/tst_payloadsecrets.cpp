// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "model/payloadsecrets.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <set>

using Kind = PayloadSecrets::Kind;

class TestPayloadSecrets : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyListedKeyHasARow();
    void eachSecretKey_data();
    void eachSecretKey();
    void keyNames_data();
    void keyNames();
    void structure_data();
    void structure();
    void jwtShape_data();
    void jwtShape();
    void docExamplesHoldExactlyTheThreeDocumentedSecrets();
    void marker();
    void mayHoldSecret_data();
    void mayHoldSecret();
    void redactedEvent();
};

namespace {

QByteArray base64Url(const QByteArray &bytes)
{
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray jwt(const QByteArray &header = R"({"alg":"HS512","typ":"JWT"})")
{
    return base64Url(header) + '.'
        + base64Url(R"({"sub":"123456","purpose":"password_reset","exp":1790000000})") + '.'
        + base64Url(QByteArray(64, '\x5a'));
}

// The key names the issue lists; a new entry in PayloadSecrets::secretKeys() needs a row below.
const QList<QByteArray> ListedKeys { "activationKey", "token", "password", "secret", "auth_token",
    "refresh_token", "api_key", "application_token" };

} // namespace

void TestPayloadSecrets::everyListedKeyHasARow()
{
    std::set<QByteArray> listed;
    for (const PayloadSecrets::KeyEntry &entry : PayloadSecrets::secretKeys())
        listed.insert(QByteArray(entry.key));
    QCOMPARE(listed, std::set<QByteArray>(ListedKeys.cbegin(), ListedKeys.cend()));
}

void TestPayloadSecrets::eachSecretKey_data()
{
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<QString>("label");
    QTest::newRow("activationKey") << QByteArray("activationKey") << Kind::ActivationKey << "activation key";
    QTest::newRow("token") << QByteArray("token") << Kind::Token << "token";
    QTest::newRow("password") << QByteArray("password") << Kind::Password << "password";
    QTest::newRow("secret") << QByteArray("secret") << Kind::Secret << "secret";
    QTest::newRow("auth_token") << QByteArray("auth_token") << Kind::AuthToken << "auth token";
    QTest::newRow("refresh_token") << QByteArray("refresh_token") << Kind::RefreshToken << "refresh token";
    QTest::newRow("api_key") << QByteArray("api_key") << Kind::ApiKey << "API key";
    QTest::newRow("application_token")
        << QByteArray("application_token") << Kind::ApplicationToken << "application token";
}

void TestPayloadSecrets::eachSecretKey()
{
    QFETCH(QByteArray, key);
    QFETCH(Kind, kind);
    QFETCH(QString, label);
    QCOMPARE(PayloadSecrets::kindOfKey(key), std::optional<Kind>(kind));
    QCOMPARE(PayloadSecrets::label(kind), label);

    const QByteArray json = R"({"id":7,"detail":{")" + key + R"(":"s3cr3t-value-1234","name":"Sample"}})";
    qsizetype count = 0;
    const QByteArray redacted = PayloadSecrets::redacted(json, &count);
    QCOMPARE(redacted, R"({"id":7,"detail":{")" + key + R"(":"<redacted>","name":"Sample"}})");
    QCOMPARE(count, qsizetype(1));

    const QList<PayloadSecrets::Secret> found = PayloadSecrets::find(json);
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.first().path, QStringLiteral("detail.") + QString::fromLatin1(key));
    QCOMPARE(found.first().kind, kind);
    QCOMPARE(found.first().length, qsizetype(17)); // s3cr3t-value-1234
    QVERIFY(PayloadSecrets::mayHoldSecret(json));
}

void TestPayloadSecrets::keyNames_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<int>("kind"); // -1: not secret

    // Case and separators do not matter.
    QTest::newRow("ActivationKey") << "ActivationKey" << int(Kind::ActivationKey);
    QTest::newRow("ACTIVATIONKEY") << "ACTIVATIONKEY" << int(Kind::ActivationKey);
    QTest::newRow("activation_key") << "activation_key" << int(Kind::ActivationKey);
    QTest::newRow("TOKEN") << "TOKEN" << int(Kind::Token);
    QTest::newRow("Token") << "Token" << int(Kind::Token);
    QTest::newRow("PassWord") << "PassWord" << int(Kind::Password);
    QTest::newRow("SECRET") << "SECRET" << int(Kind::Secret);
    QTest::newRow("authToken") << "authToken" << int(Kind::AuthToken);
    QTest::newRow("AUTH-TOKEN") << "AUTH-TOKEN" << int(Kind::AuthToken);
    QTest::newRow("refreshToken") << "refreshToken" << int(Kind::RefreshToken);
    QTest::newRow("apiKey") << "apiKey" << int(Kind::ApiKey);
    QTest::newRow("API_KEY") << "API_KEY" << int(Kind::ApiKey);
    QTest::newRow("applicationToken") << "applicationToken" << int(Kind::ApplicationToken);
    // The last words of a key say it too; the longest entry names it.
    QTest::newRow("mfa_token") << "mfa_token" << int(Kind::Token);
    QTest::newRow("MFAToken") << "MFAToken" << int(Kind::Token);
    QTest::newRow("verificationToken") << "verificationToken" << int(Kind::Token);
    QTest::newRow("newPassword") << "newPassword" << int(Kind::Password);
    QTest::newRow("client_secret") << "client_secret" << int(Kind::Secret);
    QTest::newRow("user_auth_token") << "user_auth_token" << int(Kind::AuthToken);
    QTest::newRow("userApiKey") << "userApiKey" << int(Kind::ApiKey);
    // Not secret: the word is not the end of the key, or not a word of it.
    QTest::newRow("tokenCount") << "tokenCount" << -1;
    QTest::newRow("tokens") << "tokens" << -1;
    QTest::newRow("usertoken") << "usertoken" << -1;
    QTest::newRow("passwordless") << "passwordless" << -1;
    QTest::newRow("password_reset") << "password_reset" << -1;
    QTest::newRow("secretary") << "secretary" << -1;
    QTest::newRow("monkey") << "monkey" << -1;
    QTest::newRow("key") << "key" << -1;
    QTest::newRow("activation") << "activation" << -1;
    QTest::newRow("username") << "username" << -1;
    QTest::newRow("api_key_id") << "api_key_id" << -1;
    QTest::newRow("empty") << "" << -1;
}

void TestPayloadSecrets::keyNames()
{
    QFETCH(QString, key);
    QFETCH(int, kind);
    const std::optional<Kind> found = PayloadSecrets::kindOfKey(key);
    QCOMPARE(found ? int(*found) : -1, kind);
    // The same decision inside a payload.
    const QByteArray json = R"({"x":{")" + key.toUtf8() + R"(":"value"}})";
    QCOMPARE(PayloadSecrets::redacted(json).contains("<redacted>"), kind >= 0);
    if (kind >= 0)
        QVERIFY(PayloadSecrets::mayHoldSecret(json)); // the archive redacts such a block
}

void TestPayloadSecrets::structure_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QByteArray>("expected");
    QTest::addColumn<QStringList>("paths");

    QTest::newRow("nested objects") << QByteArray(R"({"a":{"b":{"password":"x1","c":2}}})")
                                    << QByteArray(R"({"a":{"b":{"password":"<redacted>","c":2}}})")
                                    << QStringList { "a.b.password" };
    QTest::newRow("array of objects")
        << QByteArray(R"({"users":[{"token":"t1"},{"name":"n"},{"Token":"t2"}]})")
        << QByteArray(R"({"users":[{"token":"<redacted>"},{"name":"n"},{"Token":"<redacted>"}]})")
        << QStringList { "users[0].token", "users[2].Token" };
    QTest::newRow("object under a secret key")
        << QByteArray(R"({"token":{"value":"abc","expires":1700000000,"valid":true,"note":null}})")
        << QByteArray(R"({"token":{"value":"<redacted>","expires":"<redacted>","valid":true,"note":null}})")
        << QStringList { "token.value", "token.expires" };
    QTest::newRow("array under a secret key") << QByteArray(R"({"password":["a",["b"]]})")
                                              << QByteArray(R"({"password":["<redacted>",["<redacted>"]]})")
                                              << QStringList { "password[0]", "password[1][0]" };
    QTest::newRow("number") << QByteArray(R"({"password":-1234.5e2})")
                            << QByteArray(R"({"password":"<redacted>"})") << QStringList { "password" };
    QTest::newRow("empty string") << QByteArray(R"({"token":""})") << QByteArray(R"({"token":""})")
                                  << QStringList {};
    QTest::newRow("null and bool") << QByteArray(R"({"token":null,"secret":false})")
                                   << QByteArray(R"({"token":null,"secret":false})") << QStringList {};
    QTest::newRow("white space kept")
        << QByteArray("{\n  \"token\" : \"abc\" ,\n  \"n\": [ 1, 2 ]\n}")
        << QByteArray("{\n  \"token\" : \"<redacted>\" ,\n  \"n\": [ 1, 2 ]\n}") << QStringList { "token" };
    QTest::newRow("escaped key") << QByteArray(R"({"\u0074oken":"abc"})")
                                 << QByteArray(R"({"\u0074oken":"<redacted>"})") << QStringList { "token" };
    QTest::newRow("escaped value") << QByteArray(R"({"password":"a\"b\\c","x":"\"y\""})")
                                   << QByteArray(R"({"password":"<redacted>","x":"\"y\""})")
                                   << QStringList { "password" };
    QTest::newRow("non-ASCII kept") << QByteArray(R"({"name":"Jürgen","token":"ä"})")
                                    << QByteArray(R"({"name":"Jürgen","token":"<redacted>"})")
                                    << QStringList { "token" };
    QTest::newRow("JWT under any key")
        << QByteArray(R"({"list":[1,")" + jwt() + R"("]})") << QByteArray(R"({"list":[1,"<redacted>"]})")
        << QStringList { "list[1]" };
    QTest::newRow("a JWT alone") << QByteArray("\"" + jwt() + "\"") << QByteArray("\"<redacted>\"")
                                 << QStringList { "" };
    QTest::newRow("nothing secret")
        << QByteArray(R"({"id":1,"username":"a@b.c","sourceIp":"1.2.3.4","userAgent":"Chrome","keyed":{}})")
        << QByteArray(R"({"id":1,"username":"a@b.c","sourceIp":"1.2.3.4","userAgent":"Chrome","keyed":{}})")
        << QStringList {};
    QTest::newRow("null payload") << QByteArray("null") << QByteArray("null") << QStringList {};
    QTest::newRow("absent payload") << QByteArray() << QByteArray() << QStringList {};
    // Broken JSON cannot be told apart: nothing of it goes out.
    QTest::newRow("malformed") << QByteArray(R"({"token":"abc)") << QByteArray(R"("<redacted>")")
                               << QStringList {};
    QTest::newRow("trailing garbage")
        << QByteArray(R"({"a":1} x)") << QByteArray(R"("<redacted>")") << QStringList {};
}

void TestPayloadSecrets::structure()
{
    QFETCH(QByteArray, json);
    QFETCH(QByteArray, expected);
    QFETCH(QStringList, paths);
    const QByteArray redacted = PayloadSecrets::redacted(json);
    QCOMPARE(redacted, expected);
    if (!json.isEmpty()) {
        QJsonParseError error;
        (void)QJsonDocument::fromJson("[" + redacted + "]", &error);
        QCOMPARE(error.error, QJsonParseError::NoError); // still valid JSON
    }
    QStringList found;
    for (const PayloadSecrets::Secret &secret : PayloadSecrets::find(json))
        found << secret.path;
    QCOMPARE(found, paths);
    // Redacting twice changes nothing more: the marker itself is no secret.
    QCOMPARE(PayloadSecrets::redacted(redacted), expected);
}

void TestPayloadSecrets::jwtShape_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("secret");

    const QByteArray token = jwt();
    QTest::newRow("a JWT") << token << true;
    QTest::newRow("unsigned JWT") << base64Url(R"({"alg":"none"})") + '.' + base64Url(R"({"sub":"1"})") + '.'
                                  << true;
    QTest::newRow("header with white space") << jwt("{ \"alg\": \"HS256\" }") << true;
    QTest::newRow("header with a line break") << jwt("{\n\"alg\":\"HS256\"}") << true;
    // Chosen: a JWT inside a longer string masks the whole string (a reset link is as live as
    // its token, and the rest of a link must not be half shown).
    QTest::newRow("inside a reset link")
        << "https://portal.emnify.com/reset-password?activationKey=" + token + "&lang=en" << true;
    QTest::newRow("inside a sentence") << "Your token is " + token + "." << true;
    QTest::newRow("after other segments") << "v1." + token << true;
    QTest::newRow("five segments (JWE)") << token + ".abcd.efgh" << true;
    QTest::newRow("three words") << QByteArray("abc.def.ghi") << false;
    QTest::newRow("host name") << QByteArray("portal.emnify.com") << false;
    QTest::newRow("version") << QByteArray("2.5.3") << false;
    QTest::newRow("ip address") << QByteArray("10.0.0.1") << false;
    QTest::newRow("header is an array") << base64Url("[1,2]") + ".cGF5bG9hZA.c2ln" << false;
    QTest::newRow("header is no JSON") << base64Url("{nope: 1}") + ".cGF5bG9hZA.c2ln" << false;
    QTest::newRow("header is no base64") << QByteArray("eyJ!.cGF5bG9hZA.c2ln") << false;
    QTest::newRow("two segments") << token.left(token.lastIndexOf('.')) << false;
    QTest::newRow("empty payload") << base64Url(R"({"alg":"HS256"})") + "..c2ln" << false;
    QTest::newRow("docs placeholder") << QByteArray("JWT for resetting the password") << false;
    QTest::newRow("looks like a header") << QByteArray("eyes.are.blue") << false;
}

void TestPayloadSecrets::jwtShape()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, secret);
    QCOMPARE(PayloadSecrets::containsJwt(text), secret);
    const QByteArray json = R"({"note":")" + text + R"(","other":"plain"})";
    const QList<PayloadSecrets::Secret> found = PayloadSecrets::find(json);
    QCOMPARE(found.size(), secret ? 1 : 0);
    if (secret) {
        QCOMPARE(found.first().kind, Kind::Jwt);
        QCOMPARE(found.first().path, QStringLiteral("note"));
        QCOMPARE(found.first().length, text.size());
        QCOMPARE(PayloadSecrets::redacted(json), QByteArray(R"({"note":"<redacted>","other":"plain"})"));
        QVERIFY(PayloadSecrets::mayHoldSecret(json));
    } else {
        QCOMPARE(PayloadSecrets::redacted(json), json);
    }
}

void TestPayloadSecrets::docExamplesHoldExactlyTheThreeDocumentedSecrets()
{
    QFile file(QStringLiteral(EV_TEST_DATA_DIR "/doc-examples.json"));
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
    const QJsonArray examples = QJsonDocument::fromJson(file.readAll()).array();
    QCOMPARE(examples.size(), 59);
    QStringList found;
    for (qsizetype i = 0; i < examples.size(); ++i) {
        const QByteArray json = QJsonDocument(examples.at(i).toObject()).toJson(QJsonDocument::Compact);
        if (!PayloadSecrets::find(json).isEmpty())
            QVERIFY(PayloadSecrets::mayHoldSecret(json)); // the archive redacts its block
        for (const PayloadSecrets::Secret &secret : PayloadSecrets::find(json)) {
            found << QStringLiteral("%1 %2 %3")
                         .arg(examples.at(i)[QLatin1String("event_type")][QLatin1String("id")].toInt())
                         .arg(secret.path, PayloadSecrets::label(secret.kind));
        }
    }
    QCOMPARE(found,
        (QStringList { "37 detail.activationKey activation key", "40 detail.token token",
            "36 detail.activationKey activation key" }));
}

void TestPayloadSecrets::mayHoldSecret_data()
{
    // Payload records of a block as EventBatchBuilder has them: whether the archive must redact
    // it. A false "true" costs time only; a false "false" would archive a live credential.
    QTest::addColumn<QByteArray>("records");
    QTest::addColumn<bool>("may");
    QTest::newRow("location update") << QByteArray(R"({"imsi":"901430000000001","mcc":"901"})") << false;
    QTest::newRow("order shipped")
        << QByteArray(R"({"id":12,"status":{"id":2},"tracking_reference":"1Z999AA10123456784"})") << false;
    QTest::newRow("tokens is no token") << QByteArray(R"({"tokens":3,"token_count":4})") << false;
    QTest::newRow("word ending a value (only costs time)") << QByteArray(R"({"note":"expired token"})") << true;
    QTest::newRow("activationKey") << QByteArray(R"({"activationKey":"abc"})") << true;
    QTest::newRow("camel case") << QByteArray(R"({"newPassword":"abc"})") << true;
    QTest::newRow("separators") << QByteArray(R"({"API-key":"abc","x":1})") << true;
    QTest::newRow("inside a word run") << QByteArray(R"({"to_ken":"abc"})") << true;
    QTest::newRow("at the end") << QByteArray("client_secret") << true;
    QTest::newRow("escaped key") << QByteArray(R"({"token":"abc"})") << true;
    QTest::newRow("JWT in a link") << R"({"link":"https://x/?k=)" + jwt() + R"("})" << true;
    QTest::newRow("empty") << QByteArray() << false;
}

void TestPayloadSecrets::mayHoldSecret()
{
    QFETCH(QByteArray, records);
    QFETCH(bool, may);
    QCOMPARE(PayloadSecrets::mayHoldSecret(records), may);
    if (!may && !records.isEmpty())
        QCOMPARE(PayloadSecrets::redacted(records), records);
}

void TestPayloadSecrets::marker()
{
    QCOMPARE(PayloadSecrets::marker(Kind::ActivationKey, 212),
        QString::fromUtf8("•••••• hidden: activation key, 212 characters"));
    QCOMPARE(PayloadSecrets::marker(Kind::Jwt, 1), QString::fromUtf8("•••••• hidden: JWT, 1 character"));
    QCOMPARE(PayloadSecrets::RedactedMarker, QLatin1StringView("<redacted>"));
}

void TestPayloadSecrets::redactedEvent()
{
    Event event;
    event.id = 42;
    event.description = QStringLiteral("Password reset requested");
    event.detailJson = R"({"id":1,"activationKey":")" + jwt() + R"("})";
    event.extraJson = R"({"keen":{"api_key":"k-123"}})";
    qsizetype count = 0;
    const Event redacted = PayloadSecrets::redactedEvent(event, &count);
    QCOMPARE(count, qsizetype(2));
    QCOMPARE(redacted.detailJson, QByteArray(R"({"id":1,"activationKey":"<redacted>"})"));
    QCOMPARE(redacted.extraJson, QByteArray(R"({"keen":{"api_key":"<redacted>"}})"));
    Event expected = event;
    expected.detailJson = redacted.detailJson;
    expected.extraJson = redacted.extraJson;
    QCOMPARE(redacted, expected); // nothing else changed
}

QTEST_APPLESS_MAIN(TestPayloadSecrets)
#include "tst_payloadsecrets.moc"
