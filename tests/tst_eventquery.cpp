// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "api/eventquery.h"
#include "api/eventscope.h"

#include <QTest>
#include <QTimeZone>
#include <QUrl>

class TestEventQuery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void toQ_data();
    void toQ();
    void validate_data();
    void validate();
    void encoding_data();
    void encoding();
    void scopePath_data();
    void scopePath();
    void scopeFromString_data();
    void scopeFromString();
};

namespace {

QDateTime utc(int y, int mo, int d, int h = 0, int mi = 0, int s = 0, int ms = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s, ms), QTimeZone::utc());
}

// What a server that decodes application/x-www-form-urlencoded makes of a query value.
QString formDecoded(const QByteArray &encodedQuery, QByteArrayView key)
{
    for (const QByteArray &pair : encodedQuery.split('&')) {
        const qsizetype equals = pair.indexOf('=');
        if (equals >= 0 && QByteArrayView(pair).first(equals) == key) {
            QByteArray value = pair.mid(equals + 1);
            value.replace('+', ' ');
            return QString::fromUtf8(QByteArray::fromPercentEncoding(value));
        }
    }
    return QStringLiteral("<absent>");
}

} // namespace

void TestEventQuery::toQ_data()
{
    QTest::addColumn<EventQuery>("query");
    QTest::addColumn<QString>("expected");

    QTest::newRow("empty") << EventQuery {} << QString();
    {
        EventQuery q;
        q.from = utc(2020, 7, 20, 8);
        q.until = utc(2020, 7, 21, 8);
        QTest::newRow("from-until") << q
                                    << QStringLiteral("from:2020-07-20T08:00:00Z,until:2020-07-21T08:00:00Z");
    }
    {
        EventQuery q; // +02:00 becomes UTC; ms: from rounds down, until rounds up (nothing lost)
        q.from = QDateTime(QDate(2024, 3, 1), QTime(10, 0, 0, 500), QTimeZone(7200));
        q.until = utc(2024, 3, 1, 9, 59, 59, 1);
        QTest::newRow("offset-and-ms")
            << q << QStringLiteral("from:2024-03-01T08:00:00Z,until:2024-03-01T10:00:00Z");
    }
    {
        EventQuery q;
        q.types = { 3 };
        QTest::newRow("one-type") << q << QStringLiteral("type:3");
    }
    {
        EventQuery q;
        q.types = { 3, 5, 42 };
        QTest::newRow("types-multi") << q << QStringLiteral("type:3|5|42");
    }
    {
        EventQuery q;
        q.source = 2;
        q.severity = 0;
        q.alert = false;
        QTest::newRow("levels-and-false-alert") << q << QStringLiteral("source:2,severity:0,alert:false");
    }
    {
        EventQuery q;
        q.alert = true;
        q.description = QStringLiteral("SIM activated");
        q.organisation = QStringLiteral("ACME Corp");
        q.user = QStringLiteral("a@b.de");
        q.endpoint = QStringLiteral("truck 7");
        q.tags = QStringLiteral("fleet");
        q.ipAddress = QStringLiteral("fd00::1");
        q.imei = QStringLiteral("3520990012345");
        q.iccid = QStringLiteral("8988303");
        q.imsi = QStringLiteral("2620100");
        QTest::newRow("all-text")
            << q
            << QStringLiteral(
                   "alert:true,description:SIM activated,organisation:ACME Corp,user:a@b.de,endpoint:truck 7,"
                   "tags:fleet,ip_address:fd00::1,imei:3520990012345,iccid:8988303,imsi:2620100");
    }
    {
        EventQuery q;
        q.iccid = QStringLiteral("1");
        q.types = { 1 };
        q.from = utc(2024, 1, 1);
        q.until = utc(2024, 1, 2);
        QTest::newRow("fixed-order")
            << q << QStringLiteral("from:2024-01-01T00:00:00Z,until:2024-01-02T00:00:00Z,type:1,iccid:1");
    }
}

void TestEventQuery::toQ()
{
    QFETCH(EventQuery, query);
    QFETCH(QString, expected);
    QVERIFY2(query.validate().isEmpty(), qPrintable(query.validate()));
    QCOMPARE(query.toQ(), expected);
}

void TestEventQuery::validate_data()
{
    QTest::addColumn<EventQuery>("query");
    QTest::addColumn<QString>("mentions"); // empty: valid

    QTest::newRow("empty") << EventQuery {} << QString();
    {
        EventQuery q;
        q.from = utc(2024, 1, 1);
        QTest::newRow("from-alone") << q << QStringLiteral("together");
    }
    {
        EventQuery q;
        q.until = utc(2024, 1, 1);
        QTest::newRow("until-alone") << q << QStringLiteral("together");
    }
    {
        EventQuery q;
        q.from = utc(2024, 1, 2);
        q.until = utc(2024, 1, 1);
        QTest::newRow("from-after-until") << q << QStringLiteral("after");
    }
    {
        EventQuery q;
        q.description = QStringLiteral("a,b");
        QTest::newRow("comma-description") << q << QStringLiteral("comma");
    }
    {
        EventQuery q;
        q.endpoint = QStringLiteral("x,y");
        QTest::newRow("comma-endpoint") << q << QStringLiteral("endpoint");
    }
    {
        EventQuery q;
        q.severity = 3;
        QTest::newRow("severity-3") << q << QStringLiteral("severity");
    }
    {
        EventQuery q;
        q.source = -1;
        QTest::newRow("source-negative") << q << QStringLiteral("source");
    }
    {
        EventQuery q;
        q.ipAddress = QStringLiteral("2001:db8::1");
        q.description = QStringLiteral("a|b+c:d");
        QTest::newRow("colon-pipe-plus-ok") << q << QString();
    }
}

void TestEventQuery::validate()
{
    QFETCH(EventQuery, query);
    QFETCH(QString, mentions);
    const QString problem = query.validate();
    if (mentions.isEmpty()) {
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    } else {
        QVERIFY(!problem.isEmpty());
        QVERIFY2(problem.contains(mentions), qPrintable(problem));
    }
}

void TestEventQuery::encoding_data()
{
    QTest::addColumn<QString>("description");
    QTest::newRow("plus") << QStringLiteral("a+b");
    QTest::newRow("space") << QStringLiteral("a b");
    QTest::newRow("ampersand-equals") << QStringLiteral("x&page=9");
    QTest::newRow("hash") << QStringLiteral("no#fragment");
    QTest::newRow("percent") << QStringLiteral("100%25");
    QTest::newRow("pipe-colon") << QStringLiteral("a|b:c");
    QTest::newRow("unicode") << QStringLiteral("Überwachung €");
}

void TestEventQuery::encoding()
{
    QFETCH(QString, description);
    EventQuery query;
    query.description = description;
    query.from = QDateTime(QDate(2024, 1, 1), QTime(12, 0), QTimeZone(3600));
    query.until = utc(2024, 1, 2);
    query.types = { 3, 5 };
    QUrl url(QStringLiteral("https://cdn.emnify.net/api/v1/event"));
    url.setQuery(query.toUrlQuery(2, 500, QStringLiteral("-timestamp,id")));
    const QByteArray encoded = url.toEncoded(QUrl::FullyEncoded);
    const QByteArray wireQuery = encoded.mid(encoded.indexOf('?') + 1);

    // Whatever the server's decoding, the values arrive exactly: no raw '+', ',', '|', ':' or '&'.
    QCOMPARE(formDecoded(wireQuery, "q"), query.toQ());
    QCOMPARE(formDecoded(wireQuery, "sort"), QStringLiteral("-timestamp,id"));
    QCOMPARE(formDecoded(wireQuery, "page"), QStringLiteral("2"));
    QCOMPARE(formDecoded(wireQuery, "per_page"), QStringLiteral("500"));
    const QByteArray qValue = wireQuery.mid(wireQuery.indexOf("q=") + 2);
    for (const char c : { '+', ',', '|', ':', ' ', '#' })
        QVERIFY2(!qValue.contains(c),
            qPrintable(
                QStringLiteral("raw '%1' in %2").arg(QLatin1Char(c)).arg(QString::fromLatin1(qValue))));
    QVERIFY(!qValue.contains('&'));
}

void TestEventQuery::scopePath_data()
{
    QTest::addColumn<EventScope>("scope");
    QTest::addColumn<QString>("path");
    QTest::newRow("account") << EventScope::account() << QStringLiteral("/api/v1/event");
    QTest::newRow("endpoint") << EventScope::endpoint(42) << QStringLiteral("/api/v1/endpoint/42/event");
    QTest::newRow("sim") << EventScope::sim(7) << QStringLiteral("/api/v1/sim/7/event");
    QTest::newRow("user") << EventScope::user(3) << QStringLiteral("/api/v1/user/3/event");
    QTest::newRow("user-my") << EventScope { EventScope::Kind::User, QStringLiteral("my") }
                             << QStringLiteral("/api/v1/user/my/event");
    QTest::newRow("organisation") << EventScope::organisation(9)
                                  << QStringLiteral("/api/v1/organisation/9/event");
}

void TestEventQuery::scopePath()
{
    QFETCH(EventScope, scope);
    QFETCH(QString, path);
    QVERIFY(scope.validate().isEmpty());
    QCOMPARE(scope.path(), path);
}

void TestEventQuery::scopeFromString_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("path");
    QTest::newRow("account") << QStringLiteral("account") << true << QStringLiteral("/api/v1/event");
    QTest::newRow("endpoint") << QStringLiteral("endpoint:123") << true
                              << QStringLiteral("/api/v1/endpoint/123/event");
    QTest::newRow("sim-case") << QStringLiteral("SIM:5") << true << QStringLiteral("/api/v1/sim/5/event");
    QTest::newRow("user-my") << QStringLiteral("user:my") << true << QStringLiteral("/api/v1/user/my/event");
    QTest::newRow("organization-us") << QStringLiteral("organization:4") << true
                                     << QStringLiteral("/api/v1/organisation/4/event");
    QTest::newRow("sim-my") << QStringLiteral("sim:my") << false << QString();
    QTest::newRow("non-numeric") << QStringLiteral("endpoint:abc") << false << QString();
    QTest::newRow("path-injection") << QStringLiteral("endpoint:1/../../x") << false << QString();
    QTest::newRow("unknown-kind") << QStringLiteral("device:1") << false << QString();
    QTest::newRow("no-id") << QStringLiteral("endpoint:") << false << QString();
}

void TestEventQuery::scopeFromString()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(QString, path);
    const auto scope = EventScope::fromString(text);
    QCOMPARE(scope.has_value(), valid);
    if (valid)
        QCOMPARE(scope->path(), path);
}

QTEST_APPLESS_MAIN(TestEventQuery)
#include "tst_eventquery.moc"
