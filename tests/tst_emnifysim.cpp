// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "api/eventjson.h"
#include "api/eventparser.h"
#include "model/payloadsecrets.h"
#include "model/simorderbook.h"
#include "sim/accountgenerator.h"
#include "sim/emnifysimulator.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSet>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QUrlQuery>

#include <algorithm>
#include <map>
#include <memory>

namespace {

constexpr qint64 Now = 1767225600000; // 2026-01-01T00:00:00Z
const QString AppToken = QStringLiteral("test-app-token");

struct Reply
{
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;
    QHash<QByteArray, QByteArray> headers; // lower-case names as sent

    [[nodiscard]] QByteArray header(const char *name) const { return headers.value(name); }
    [[nodiscard]] QJsonArray array() const { return QJsonDocument::fromJson(body).array(); }
    [[nodiscard]] QJsonObject object() const { return QJsonDocument::fromJson(body).object(); }
};

QSet<qint64> idsOf(const QJsonArray &events)
{
    QSet<qint64> ids;
    for (const QJsonValue &v : events)
        ids.insert(v.toObject().value(QLatin1String("id")).toInteger());
    return ids;
}

} // namespace

class TestEmnifySim : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void authenticate_data();
    void authenticate();
    void bearerRequired_data();
    void bearerRequired();
    void tokenExpires();
    void eventTypes();

    void paging();
    void pastTheEndReturnsLastPage();
    void perPageClamp_data();
    void perPageClamp();
    void sort_data();
    void sort();
    void query_data();
    void query();
    void iccidPrefixRule_data();
    void iccidPrefixRule();
    void scopedLists_data();
    void scopedLists();

    void rateLimit_data();
    void rateLimit();
    void serverErrors();
    void droppedConnection();
    void malformedBody();
    void pipelinedAndPartialRequests();

    void generatorIsDeterministic();
    void generatorShape();
    void generatorCoversEveryMnoType();
    void generatorOrderLifecycles();
    void generatorTokensAreJwts_data();
    void generatorTokensAreJwts();
    void generatorOrdersInEveryState();
    void generatedEventsRoundTrip();

private:
    Reply get(const QString &pathAndQuery, const QByteArray &token = {});
    Reply post(const QString &path, const QByteArray &body);
    Reply finish(QNetworkReply *reply);
    QByteArray login();
    void setConfig(const std::function<void(EmnifySimulatorConfig &)> &change);

    std::unique_ptr<EmnifySimulator> m_sim;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::vector<Event> m_events; // what the simulator serves
    QByteArray m_token;
};

void TestEmnifySim::initTestCase() { m_events = AccountGenerator::generate(3000, 42, Now); }

void TestEmnifySim::init()
{
    m_sim = std::make_unique<EmnifySimulator>();
    setConfig([](EmnifySimulatorConfig &) {});
    m_sim->setEvents(m_events);
    QVERIFY(m_sim->listen());
    QVERIFY(m_sim->port() != 0);
    m_nam = std::make_unique<QNetworkAccessManager>();
    m_token = login();
    QVERIFY(!m_token.isEmpty());
}

void TestEmnifySim::setConfig(const std::function<void(EmnifySimulatorConfig &)> &change)
{
    EmnifySimulatorConfig config;
    config.applicationTokens = { AppToken };
    change(config);
    m_sim->setConfig(config);
}

Reply TestEmnifySim::finish(QNetworkReply *reply)
{
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        [&] { QVERIFY(finished.wait(10000)); }();
    Reply r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.error = reply->error();
    r.body = reply->readAll();
    for (const auto &pair : reply->rawHeaderPairs())
        r.headers.insert(pair.first, pair.second);
    reply->deleteLater();
    return r;
}

Reply TestEmnifySim::get(const QString &pathAndQuery, const QByteArray &token)
{
    QNetworkRequest request(m_sim->baseUrl().resolved(QUrl(pathAndQuery)));
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token);
    return finish(m_nam->get(request));
}

Reply TestEmnifySim::post(const QString &path, const QByteArray &body)
{
    QNetworkRequest request(m_sim->baseUrl().resolved(QUrl(path)));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    return finish(m_nam->post(request, body));
}

QByteArray TestEmnifySim::login()
{
    const Reply r = post(
        QStringLiteral("/api/v1/authenticate"), R"({"application_token":")" + AppToken.toUtf8() + "\"}");
    return r.object().value(QLatin1String("auth_token")).toString().toUtf8();
}

void TestEmnifySim::authenticate_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("errorCode");
    QTest::newRow("application token") << QByteArray(R"({"application_token":"test-app-token"})") << 200 << 0;
    QTest::newRow("wrong token") << QByteArray(R"({"application_token":"nope"})") << 401 << 1101;
    QTest::newRow("not json") << QByteArray("application_token=x") << 400 << 1000;
    QTest::newRow("no token field") << QByteArray(R"({"token":"x"})") << 400 << 1000;
}

void TestEmnifySim::authenticate()
{
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(int, errorCode);
    const Reply r = post(QStringLiteral("/api/v1/authenticate"), body);
    QCOMPARE(r.status, status);
    if (status != 200) {
        QCOMPARE(r.object().value(QLatin1String("error_code")).toInt(), errorCode);
        QVERIFY(!r.object().value(QLatin1String("message")).toString().isEmpty());
        return;
    }
    // A JWT whose payload tells the client when it expires.
    const QList<QByteArray> parts
        = r.object().value(QLatin1String("auth_token")).toString().toUtf8().split('.');
    QCOMPARE(parts.size(), 3);
    const QJsonObject claims
        = QJsonDocument::fromJson(QByteArray::fromBase64(parts[1], QByteArray::Base64UrlEncoding)).object();
    const qint64 exp = claims.value(QLatin1String("exp")).toInteger();
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    QVERIFY(exp >= now + m_sim->config().tokenTtlSeconds - 2);
    QVERIFY(exp <= now + m_sim->config().tokenTtlSeconds + 2);
}

void TestEmnifySim::bearerRequired_data()
{
    QTest::addColumn<QByteArray>("token");
    QTest::addColumn<int>("status");
    QTest::newRow("none") << QByteArray() << 401;
    QTest::newRow("not a jwt") << QByteArray("abc") << 401;
    QTest::newRow("forged signature")
        << QByteArray("eyJhbGciOiJIUzI1NiJ9.eyJleHAiOjk5OTk5OTk5OTl9.c2ln") << 401;
    QTest::newRow("issued token") << QByteArray("valid") << 200;
}

void TestEmnifySim::bearerRequired()
{
    QFETCH(QByteArray, token);
    QFETCH(int, status);
    const Reply r = get(QStringLiteral("/api/v1/event"), token == "valid" ? m_token : token);
    QCOMPARE(r.status, status);
    if (status == 401)
        QVERIFY(!r.object().value(QLatin1String("message")).toString().isEmpty());
}

void TestEmnifySim::tokenExpires()
{
    setConfig([](EmnifySimulatorConfig &c) { c.tokenTtlSeconds = 1; });
    const QByteArray token = login();
    QCOMPARE(get(QStringLiteral("/api/v1/event?per_page=1"), token).status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(get(QStringLiteral("/api/v1/event?per_page=1"), token).status, 401, 4000);
    const Reply r = get(QStringLiteral("/api/v1/event?per_page=1"), token);
    QCOMPARE(r.object().value(QLatin1String("error_token")).toString(), QStringLiteral("TokenExpired"));
    // A fresh token works again.
    QCOMPARE(get(QStringLiteral("/api/v1/event?per_page=1"), login()).status, 200);
}

void TestEmnifySim::eventTypes()
{
    const Reply r = get(QStringLiteral("/api/v1/event/type"), m_token);
    QCOMPARE(r.status, 200);
    std::map<int, QString> types;
    for (const QJsonValue &v : r.array())
        types[v.toObject().value(QLatin1String("id")).toInt()]
            = v.toObject().value(QLatin1String("description")).toString();
    QCOMPARE(types[1], QStringLiteral("Update location"));
    QCOMPARE(types[38], QStringLiteral("Order submitted"));
    QVERIFY(types.size() > 50);
}

void TestEmnifySim::paging()
{
    const Reply r = get(QStringLiteral("/api/v1/event?page=2&per_page=100"), m_token);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.header("content-type"), QByteArray("application/json; charset=utf-8"));
    QCOMPARE(r.header("x-total-count"), QByteArray("3000"));
    QCOMPARE(r.header("x-total-pages"), QByteArray("30"));
    QCOMPARE(r.header("x-current-page"), QByteArray("2"));
    QCOMPARE(r.header("x-count-per-page"), QByteArray("100"));
    QCOMPARE(r.header("x-sort"), QByteArray("id"));
    const QByteArray link = r.header("link");
    QVERIFY(link.contains("page=1&per_page=100>;rel=\"first\""));
    QVERIFY(link.contains("page=1&per_page=100>;rel=\"prev\""));
    QVERIFY(link.contains("page=3&per_page=100>;rel=\"next\""));
    QVERIFY(link.contains("page=30&per_page=100>;rel=\"last\""));
    const QJsonArray events = r.array();
    QCOMPARE(events.size(), 100);
    // Default order: id ascending; page 2 holds the 101st to 200th event.
    std::vector<qint64> ids = m_sim->eventIds();
    std::sort(ids.begin(), ids.end());
    QCOMPARE(events.first().toObject().value(QLatin1String("id")).toInteger(), ids[100]);
    QCOMPARE(events.last().toObject().value(QLatin1String("id")).toInteger(), ids[199]);

    // The filter and sort travel in every link.
    const Reply filtered = get(QStringLiteral("/api/v1/event?per_page=10&sort=-timestamp&q=type:1"), m_token);
    QCOMPARE(filtered.header("x-filter"), QByteArray("type:1"));
    QCOMPARE(filtered.header("x-sort"), QByteArray("-timestamp"));
    QVERIFY(filtered.header("link").contains("&sort=-timestamp&q=type%3A1>;rel=\"next\""));
    QVERIFY(!filtered.header("link").contains("rel=\"prev\""));

    // Paging through everything yields each event exactly once.
    QSet<qint64> seen;
    for (int page = 1; page <= 3; ++page)
        seen += idsOf(get(QStringLiteral("/api/v1/event?per_page=1000&page=%1").arg(page), m_token).array());
    QCOMPARE(seen.size(), 3000);
}

void TestEmnifySim::pastTheEndReturnsLastPage()
{
    const Reply last = get(QStringLiteral("/api/v1/event?page=30&per_page=100"), m_token);
    const Reply past = get(QStringLiteral("/api/v1/event?page=31&per_page=100"), m_token);
    QCOMPARE(past.status, 200);
    QCOMPARE(past.header("x-current-page"), QByteArray("30"));
    QCOMPARE(past.body, last.body);
    QVERIFY(!past.header("link").contains("rel=\"next\""));
    const Reply zero = get(QStringLiteral("/api/v1/event?page=0&per_page=100"), m_token);
    QCOMPARE(zero.header("x-current-page"), QByteArray("1"));
    QCOMPARE(zero.body, get(QStringLiteral("/api/v1/event?per_page=100"), m_token).body);
    QCOMPARE(get(QStringLiteral("/api/v1/event?page=x"), m_token).status, 400);
}

void TestEmnifySim::perPageClamp_data()
{
    QTest::addColumn<int>("maxPerPage");
    QTest::addColumn<QString>("perPage");
    QTest::addColumn<int>("expected");
    QTest::newRow("absent: default") << 1000 << QString() << 100;
    QTest::newRow("zero: default") << 1000 << QStringLiteral("0") << 100;
    QTest::newRow("negative: default") << 1000 << QStringLiteral("-5") << 100;
    QTest::newRow("within") << 1000 << QStringLiteral("250") << 250;
    QTest::newRow("over the max") << 1000 << QStringLiteral("5000") << 1000;
    QTest::newRow("configured max") << 50 << QStringLiteral("200") << 50;
}

void TestEmnifySim::perPageClamp()
{
    QFETCH(int, maxPerPage);
    QFETCH(QString, perPage);
    QFETCH(int, expected);
    setConfig([&](EmnifySimulatorConfig &c) { c.maxPerPage = maxPerPage; });
    const Reply r = get(QStringLiteral("/api/v1/event")
            + (perPage.isEmpty() ? QString() : QStringLiteral("?per_page=") + perPage),
        m_token);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.array().size(), expected);
    QCOMPARE(r.header("x-count-per-page"), QByteArray::number(expected));
    QCOMPARE(r.header("x-total-pages"), QByteArray::number((3000 + expected - 1) / expected));
}

void TestEmnifySim::sort_data()
{
    QTest::addColumn<QString>("sort");
    QTest::addColumn<int>("status");
    QTest::newRow("-timestamp") << QStringLiteral("-timestamp") << 200;
    QTest::newRow("type,-id") << QStringLiteral("type,-id") << 200;
    QTest::newRow("endpoint") << QStringLiteral("endpoint") << 200;
    QTest::newRow("severity,timestamp") << QStringLiteral("-severity,timestamp") << 200;
    QTest::newRow("unknown field") << QStringLiteral("colour") << 400;
    QTest::newRow("unknown after known") << QStringLiteral("id,-nope") << 400;
}

void TestEmnifySim::sort()
{
    QFETCH(QString, sort);
    QFETCH(int, status);
    const Reply r = get(QStringLiteral("/api/v1/event?per_page=1000&sort=") + sort, m_token);
    QCOMPARE(r.status, status);
    if (status != 200) {
        QCOMPARE(r.object().value(QLatin1String("error_code")).toInt(), 1302);
        return;
    }
    const QJsonArray events = r.array();
    QCOMPARE(events.size(), 1000);
    auto key = [&](const QJsonObject &o) -> std::pair<QString, qint64> {
        if (sort == QLatin1String("-timestamp"))
            return { o.value(QLatin1String("timestamp")).toString(), 0 };
        if (sort == QLatin1String("type,-id"))
            return { QString::number(
                         o.value(QLatin1String("event_type")).toObject().value(QLatin1String("id")).toInt())
                         .rightJustified(3, u'0'),
                -o.value(QLatin1String("id")).toInteger() };
        if (sort == QLatin1String("endpoint"))
            return { o.value(QLatin1String("endpoint"))
                         .toObject()
                         .value(QLatin1String("name"))
                         .toString()
                         .toLower(),
                0 };
        return {
            QString::number(
                9 - o.value(QLatin1String("event_severity")).toObject().value(QLatin1String("id")).toInt()),
            QDateTime::fromString(o.value(QLatin1String("timestamp")).toString(), Qt::ISODateWithMs)
                .toMSecsSinceEpoch()
        };
    };
    for (qsizetype i = 1; i < events.size(); ++i) {
        const auto a = key(events[i - 1].toObject());
        const auto b = key(events[i].toObject());
        if (sort == QLatin1String("-timestamp"))
            QVERIFY2(a >= b, qPrintable(a.first + u' ' + b.first));
        else
            QVERIFY2(a <= b, qPrintable(a.first + u' ' + b.first));
    }
}

void TestEmnifySim::query_data()
{
    QTest::addColumn<QString>("q");
    QTest::addColumn<int>("status");
    QTest::addColumn<std::function<bool(const Event &)>>("predicate");
    using P = std::function<bool(const Event &)>;
    const qint64 from = Now - 10 * 86400000LL, until = Now - 9 * 86400000LL;
    const QString fromText = QDateTime::fromMSecsSinceEpoch(from, Qt::UTC).toString(Qt::ISODate);
    const QString untilText = QDateTime::fromMSecsSinceEpoch(until, Qt::UTC).toString(Qt::ISODate);

    QTest::newRow("type") << QStringLiteral("type:1") << 200
                          << P([](const Event &e) { return e.type.id == 1; });
    QTest::newRow("type multi") << QStringLiteral("type:15|16|38") << 200 << P([](const Event &e) {
        return e.type.id == 15 || e.type.id == 16 || e.type.id == 38;
    });
    QTest::newRow("type by name") << QStringLiteral("type:order updated") << 200
                                  << P([](const Event &e) { return e.type.id == 39; });
    QTest::newRow("from+until") << QStringLiteral("from:%1,until:%2").arg(fromText, untilText) << 200
                                << P([=](const Event &e) {
                                       return e.timestampMs >= from && e.timestampMs <= until;
                                   });
    QTest::newRow("type and range") << QStringLiteral("type:2,from:%1,until:%2").arg(fromText, untilText)
                                    << 200 << P([=](const Event &e) {
                                           return e.type.id == 2 && e.timestampMs >= from
                                               && e.timestampMs <= until;
                                       });
    QTest::newRow("severity+alert") << QStringLiteral("severity:1,alert:true") << 200
                                    << P([](const Event &e) { return e.severity.id == 1 && e.alert; });
    QTest::newRow("source") << QStringLiteral("source:2,severity:1") << 200
                            << P([](const Event &e) { return e.source.id == 2 && e.severity.id == 1; });
    QTest::newRow("description substring")
        << QStringLiteral("description:pdp context DELETED") << 200
        << P([](const Event &e) { return e.description.contains(QLatin1String("PDP Context deleted")); });
    QTest::newRow("timestamp day")
        << QStringLiteral("timestamp:%1").arg(fromText.left(10)) << 200 << P([=](const Event &e) {
               return QDateTime::fromMSecsSinceEpoch(e.timestampMs, Qt::UTC).date().toString(Qt::ISODate)
                   == fromText.left(10);
           });
    QTest::newRow("from alone") << QStringLiteral("from:%1").arg(fromText) << 422 << P();
    QTest::newRow("until alone") << QStringLiteral("type:1,until:%1").arg(untilText) << 422 << P();
    QTest::newRow("unknown field") << QStringLiteral("colour:red") << 422 << P();
    QTest::newRow("no value") << QStringLiteral("type") << 422 << P();
    QTest::newRow("bad alert") << QStringLiteral("alert:maybe") << 422 << P();
    QTest::newRow("bad date") << QStringLiteral("from:yesterday,until:today") << 422 << P();
}

void TestEmnifySim::query()
{
    QFETCH(QString, q);
    QFETCH(int, status);
    QFETCH(std::function<bool(const Event &)>, predicate);
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("per_page"), QStringLiteral("1000"));
    query.addQueryItem(QStringLiteral("q"), QString::fromLatin1(QUrl::toPercentEncoding(q)));
    const Reply r = get(QStringLiteral("/api/v1/event?") + query.toString(QUrl::FullyEncoded), m_token);
    QCOMPARE(r.status, status);
    if (status != 200) {
        QCOMPARE(r.object().value(QLatin1String("error_token")).toString(),
            QStringLiteral("InvalidQueryCriteria"));
        return;
    }
    QSet<qint64> expected;
    for (const Event &e : m_events) {
        if (predicate(e))
            expected.insert(e.id);
    }
    QVERIFY(!expected.isEmpty());
    QVERIFY(expected.size() <= 1000);
    QCOMPARE(r.header("x-total-count"), QByteArray::number(expected.size()));
    QCOMPARE(idsOf(r.array()), expected);
}

void TestEmnifySim::iccidPrefixRule_data()
{
    QTest::addColumn<QString>("iccid");
    QTest::addColumn<QList<qint64>>("ids");
    QTest::newRow("18 digits: prefix") << QStringLiteral("898830300000000000") << QList<qint64> { 1, 2, 3 };
    QTest::newRow("19 digits: prefix") << QStringLiteral("8988303000000000001") << QList<qint64> { 1, 2 };
    QTest::newRow("20 digits: exact") << QStringLiteral("89883030000000000011") << QList<qint64> { 2 };
    QTest::newRow("20 digits: no prefix match") << QStringLiteral("89883030000000000012") << QList<qint64> {};
    QTest::newRow("multi") << QStringLiteral("8988303000000000001|8988303000000000009")
                           << QList<qint64> { 1, 2, 3 };
}

void TestEmnifySim::iccidPrefixRule()
{
    QFETCH(QString, iccid);
    QFETCH(QList<qint64>, ids);
    std::vector<Event> events;
    const QString iccids[] = { QStringLiteral("8988303000000000001"), QStringLiteral("89883030000000000011"),
        QStringLiteral("8988303000000000009") };
    for (qint64 i = 1; i <= 3; ++i) {
        Event e;
        e.id = i;
        e.timestampMs = Now - i * 1000;
        e.type = { 1, QStringLiteral("Update location") };
        e.organisation = { 7, QStringLiteral("Org") };
        e.sim = EventSim { 100 + i, iccids[i - 1], QStringLiteral("2020-12-23T13:02:11.000Z") };
        events.push_back(e);
    }
    m_sim->setEvents(events);
    const Reply r
        = get(QStringLiteral("/api/v1/event?q=iccid:") + QString::fromLatin1(QUrl::toPercentEncoding(iccid)),
            m_token);
    QCOMPARE(r.status, 200);
    QCOMPARE(idsOf(r.array()), QSet<qint64>(ids.cbegin(), ids.cend()));
}

void TestEmnifySim::scopedLists_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<qint64>("id");
    QTest::addColumn<int>("status");
    QTest::addColumn<std::function<bool(const Event &)>>("predicate");
    using P = std::function<bool(const Event &)>;
    const Event &device
        = *std::find_if(m_events.cbegin(), m_events.cend(), [](const Event &e) { return e.type.id == 3; });
    const Event &person = *std::find_if(
        m_events.cbegin(), m_events.cend(), [](const Event &e) { return e.user.has_value(); });
    const qint64 endpointId = device.endpoint->id, simId = device.sim->id, userId = person.user->id;
    const qint64 orgId = device.organisation.id;
    QTest::newRow("endpoint") << QStringLiteral("endpoint") << endpointId << 200 << P([=](const Event &e) {
        return e.endpoint && e.endpoint->id == endpointId;
    });
    QTest::newRow("sim") << QStringLiteral("sim") << simId << 200
                         << P([=](const Event &e) { return e.sim && e.sim->id == simId; });
    QTest::newRow("user") << QStringLiteral("user") << userId << 200
                          << P([=](const Event &e) { return e.user && e.user->id == userId; });
    QTest::newRow("organisation") << QStringLiteral("organisation") << orgId << 200
                                  << P([=](const Event &e) { return e.organisation.id == orgId; });
    QTest::newRow("unknown endpoint")
        << QStringLiteral("endpoint") << qint64(1) << 200 << P([](const Event &) { return false; });
    QTest::newRow("unknown sim") << QStringLiteral("sim") << qint64(999999999999) << 200
                                 << P([](const Event &) { return false; });
    QTest::newRow("non-numeric") << QStringLiteral("endpoint") << qint64(-1) << 400 << P();
}

void TestEmnifySim::scopedLists()
{
    QFETCH(QString, kind);
    QFETCH(qint64, id);
    QFETCH(int, status);
    QFETCH(std::function<bool(const Event &)>, predicate);
    const QString idText = id == -1 ? QStringLiteral("abc") : QString::number(id);
    const Reply r = get(QStringLiteral("/api/v1/%1/%2/event?per_page=1000&q=").arg(kind, idText), m_token);
    QCOMPARE(r.status, status);
    if (status != 200) {
        QCOMPARE(r.object().value(QLatin1String("error_token")).toString(), QStringLiteral("BadRequest"));
        return;
    }
    qint64 count = 0;
    QSet<qint64> expected;
    for (const Event &e : m_events) {
        if (predicate(e)) {
            ++count;
            if (expected.size() < 1000)
                expected.insert(e.id);
        }
    }
    QCOMPARE(r.header("x-total-count"), QByteArray::number(count));
    if (count <= 1000)
        QCOMPARE(idsOf(r.array()), expected);
    if (count == 0)
        QCOMPARE(r.body, QByteArray("[]"));
}

void TestEmnifySim::rateLimit_data()
{
    QTest::addColumn<bool>("retryAfter");
    QTest::newRow("with Retry-After") << true;
    QTest::newRow("without Retry-After") << false;
}

void TestEmnifySim::rateLimit()
{
    QFETCH(bool, retryAfter);
    setConfig([&](EmnifySimulatorConfig &c) {
        c.rateLimitPerSecond = 2;
        c.retryAfter = retryAfter;
    });
    // Burst of 2; the requests below come much faster than 2 per second.
    QList<Reply> replies;
    for (int i = 0; i < 6; ++i)
        replies.append(get(QStringLiteral("/api/v1/event?per_page=1"), m_token));
    const auto limited
        = std::find_if(replies.cbegin(), replies.cend(), [](const Reply &r) { return r.status == 429; });
    QVERIFY(limited != replies.cend());
    QCOMPARE(replies.front().status, 200);
    QCOMPARE(limited->object().value(QLatin1String("error_code")).toInt(), 1105);
    QCOMPARE(
        limited->object().value(QLatin1String("error_token")).toString(), QStringLiteral("TooManyRequests"));
    QCOMPARE(limited->headers.contains("retry-after"), retryAfter);
    if (retryAfter)
        QVERIFY(limited->header("retry-after").toInt() >= 1);
    QVERIFY(m_sim->stats().rateLimited >= 1);
}

void TestEmnifySim::serverErrors()
{
    setConfig([](EmnifySimulatorConfig &c) { c.errorRate = 1; });
    QSet<int> statuses;
    for (int i = 0; i < 12; ++i)
        statuses.insert(get(QStringLiteral("/api/v1/event"), m_token).status);
    QCOMPARE(statuses, (QSet<int> { 500, 502, 503 }));
    QCOMPARE(m_sim->stats().errorsInjected, 12);
    // Authentication stays reliable so that clients can still log in.
    QVERIFY(!login().isEmpty());
}

void TestEmnifySim::droppedConnection()
{
    setConfig([](EmnifySimulatorConfig &c) { c.dropRate = 1; });
    const Reply r = get(QStringLiteral("/api/v1/event?per_page=200"), m_token);
    // Headers and part of the body arrive, then the connection closes. QNetworkAccessManager
    // usually says RemoteHostClosedError, but not always (the close can race the last read): a
    // client has to compare the body with content-length as well.
    QCOMPARE(r.status, 200);
    const qint64 announced = r.header("content-length").toLongLong();
    QVERIFY(announced > 0);
    QVERIFY(r.body.size() < announced);
    QVERIFY(!EventParser::parse(r.body).isOk());
    QCOMPARE(m_sim->stats().drops, 1);
    setConfig([](EmnifySimulatorConfig &) {});
    QCOMPARE(get(QStringLiteral("/api/v1/event?per_page=200"), m_token).array().size(), 200);
}

void TestEmnifySim::malformedBody()
{
    setConfig([](EmnifySimulatorConfig &c) { c.malformedRate = 1; });
    for (int i = 0; i < 6; ++i) {
        const Reply r = get(QStringLiteral("/api/v1/event?per_page=50&page=%1").arg(i + 1), m_token);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.error, QNetworkReply::NoError);
        QJsonParseError error;
        QJsonDocument::fromJson(r.body, &error);
        QVERIFY(error.error != QJsonParseError::NoError);
        QVERIFY(!EventParser::parse(r.body).isOk());
    }
    QCOMPARE(m_sim->stats().malformed, 6);
}

void TestEmnifySim::pipelinedAndPartialRequests()
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_sim->port());
    QVERIFY(socket.waitForConnected(5000));
    const QByteArray request
        = "GET /api/v1/event?per_page=1&page=%1 HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
        + m_token + "\r\n\r\n";
    QByteArray two = QByteArray(request).replace("%1", "1") + QByteArray(request).replace("%1", "2");
    // Two pipelined requests, the second split in the middle.
    socket.write(two.left(request.size() + 20));
    socket.flush();
    QByteArray received;
    auto responses = [&] { return received.count("HTTP/1.1 200 OK"); };
    QTRY_VERIFY((received += socket.readAll(), responses() >= 1));
    socket.write(two.mid(request.size() + 20));
    QTRY_VERIFY((received += socket.readAll(), responses() == 2 && received.endsWith("}]")));
    const qsizetype first = received.indexOf("x-current-page: 1");
    const qsizetype second = received.indexOf("x-current-page: 2");
    QVERIFY(first >= 0 && second > first);
}

void TestEmnifySim::generatorIsDeterministic()
{
    const std::vector<Event> a = AccountGenerator::generate(2000, 7, Now);
    const std::vector<Event> b = AccountGenerator::generate(2000, 7, Now);
    const std::vector<Event> c = AccountGenerator::generate(2000, 8, Now);
    QCOMPARE(a.size(), size_t(2000));
    QVERIFY(a == b);
    QVERIFY(a != c);
    QCOMPARE(AccountGenerator::generate(m_events.size(), 42, Now), m_events);
}

void TestEmnifySim::generatorTokensAreJwts_data()
{
    QTest::addColumn<int>("type");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("purpose");
    QTest::newRow("password reset") << 37 << "activationKey"
                                    << "password_reset";
    QTest::newRow("user invited") << 36 << "activationKey"
                                  << "user_invitation";
    QTest::newRow("verification") << 40 << "token"
                                  << "email_verification";
}

// The link tokens look like real ones (JWTs), not like the docs' placeholder text, so that the
// demo and the tests meet what the viewer must hide.
void TestEmnifySim::generatorTokensAreJwts()
{
    QFETCH(int, type);
    QFETCH(QString, key);
    QFETCH(QString, purpose);
    const auto decode = [](const QString &segment) {
        return QJsonDocument::fromJson(
            QByteArray::fromBase64(segment.toLatin1(), QByteArray::Base64UrlEncoding))
            .object();
    };
    QSet<QString> tokens;
    int events = 0;
    for (const Event &e : m_events) {
        if (e.type.id != type)
            continue;
        ++events;
        const QString token = QJsonDocument::fromJson(e.detailJson).object().value(key).toString();
        const QStringList segments = token.split(QLatin1Char('.'));
        QCOMPARE(segments.size(), 3);
        QCOMPARE(decode(segments[0]).value(QLatin1String("alg")).toString(), QStringLiteral("HS512"));
        const QJsonObject claims = decode(segments[1]);
        QCOMPARE(claims.value(QLatin1String("purpose")).toString(), purpose);
        QCOMPARE(claims.value(QLatin1String("iat")).toInteger(), e.timestampMs / 1000);
        QVERIFY(
            claims.value(QLatin1String("exp")).toInteger() > claims.value(QLatin1String("iat")).toInteger());
        QCOMPARE(QByteArray::fromBase64(segments[2].toLatin1(), QByteArray::Base64UrlEncoding).size(), 64);
        QVERIFY2(PayloadSecrets::containsJwt(token.toLatin1()), qPrintable(token));
        QCOMPARE(PayloadSecrets::find(e.detailJson).size(), 1); // the token, nothing else
        tokens.insert(token);
    }
    QVERIFY2(events > 0, "the account has no event of this type");
    QCOMPARE(tokens.size(), events); // one token per link
}

void TestEmnifySim::generatorShape()
{
    QCOMPARE(m_events.size(), size_t(3000));
    QSet<qint64> orgs, users, endpoints;
    int withDetail = 0, apiWithoutUser = 0, locationOrPdp = 0;
    for (size_t i = 0; i < m_events.size(); ++i) {
        const Event &e = m_events[i];
        QVERIFY(e.timestampMs < Now && e.timestampMs >= Now - 30 * 86400000LL);
        if (i > 0) {
            QVERIFY(e.id > m_events[i - 1].id);
            QVERIFY(e.timestampMs >= m_events[i - 1].timestampMs);
        }
        const int digits = int(QString::number(e.id).size());
        QVERIFY(digits >= 12 && digits <= 16);
        QVERIFY(!e.description.isEmpty());
        QVERIFY(e.organisation.id > 0 && !e.organisation.name.isEmpty());
        orgs.insert(e.organisation.id);
        if (e.user)
            users.insert(e.user->id);
        if (e.endpoint) {
            endpoints.insert(e.endpoint->id);
            QCOMPARE(e.sim->iccid.size(), 19);
            QCOMPARE(e.imsi->imsi.size(), 15);
            QVERIFY(!e.endpoint->imei.isEmpty());
        }
        if (e.source.id == 0)
            QVERIFY(!e.user && e.severity.id == 0);
        if (e.source.id == 2 && !e.user)
            ++apiWithoutUser;
        if (!e.detailJson.isEmpty()) {
            ++withDetail;
            QJsonParseError error;
            QJsonDocument::fromJson(e.detailJson, &error);
            QVERIFY2(
                error.error == QJsonParseError::NoError || e.detailJson == "null", e.detailJson.constData());
        }
        if (e.type.id == 1 || e.type.id == 2 || e.type.id == 3 || e.type.id == 5)
            ++locationOrPdp;
    }
    QVERIFY(orgs.size() >= 5 && orgs.size() <= 9);
    QVERIFY(users.size() >= 10);
    QVERIFY(endpoints.size() >= 1000);
    QVERIFY(apiWithoutUser > 0); // application-token actions
    QVERIFY(locationOrPdp > 3000 * 6 / 10);
    QVERIFY(withDetail > 3000 / 2);
}

void TestEmnifySim::generatorCoversEveryMnoType()
{
    QSet<qint64> types;
    for (const Event &e : m_events)
        types.insert(e.type.id);
    const QList<qint64> wanted { 0, 1, 2, 3, 5, 15, 16, 8, 9, 42, 43, 45, 48, 50, 51, 18, 19, 20, 21, 52, 53,
        54, 55, 56, 57, 58, 59, 60, 11, 12, 6, 13, 14, 41, 46, 31, 32, 67, 30, 22, 23, 25, 37, 40, 17, 36, 33,
        34, 38, 39 }; // the last line: every MNO/reseller type
    for (qint64 type : wanted)
        QVERIFY2(types.contains(type), qPrintable(QString::number(type)));
}

void TestEmnifySim::generatorOrderLifecycles()
{
    struct Order
    {
        qint64 org = 0;
        QList<int> statuses;
    };
    std::map<qint64, Order> orders;
    int shipped = 0, canceled = 0;
    for (const Event &e : m_events) {
        if (e.type.id != 38 && e.type.id != 39)
            continue;
        const QJsonObject detail = QJsonDocument::fromJson(e.detailJson).object();
        const qint64 orderId = detail.value(QLatin1String("id")).toInteger();
        QVERIFY(orderId > 0);
        if (e.type.id == 38) {
            QVERIFY2(!orders.count(orderId), "an order is submitted once");
            QCOMPARE(detail.value(QLatin1String("location")).toString(),
                QStringLiteral("/api/v1/order/%1").arg(orderId));
            QVERIFY(e.user.has_value());
            QCOMPARE(e.severity.id, 0);
            orders[orderId].org = e.organisation.id;
            continue;
        }
        QVERIFY2(orders.count(orderId), "updated before submitted");
        Order &order = orders[orderId];
        QCOMPARE(e.organisation.id, order.org);
        QCOMPARE(e.severity.id, 1);
        const int status
            = detail.value(QLatin1String("status")).toObject().value(QLatin1String("id")).toInt();
        const int previous = order.statuses.isEmpty() ? 0 : order.statuses.back();
        QVERIFY2(previous != AccountGenerator::OrderShipped && previous != AccountGenerator::OrderCanceled,
            "update after the end");
        switch (status) {
        case AccountGenerator::OrderPaid:
            QCOMPARE(previous, 0);
            break;
        case AccountGenerator::OrderShipped:
            QCOMPARE(previous, int(AccountGenerator::OrderPaid));
            QVERIFY(!detail.value(QLatin1String("ext_shipping_reference")).toString().isEmpty());
            QVERIFY(detail.value(QLatin1String("shipped_with_provider_id")).toInt() > 0);
            QVERIFY(QDateTime::fromString(
                detail.value(QLatin1String("shipped_date")).toString(), Qt::ISODateWithMs)
                        .isValid());
            ++shipped;
            break;
        case AccountGenerator::OrderCanceled:
            ++canceled;
            break;
        default:
            QFAIL("unknown order status");
        }
        order.statuses.append(status);
    }
    QVERIFY(orders.size() >= 3);
    QVERIFY(shipped >= 1);
    QVERIFY(canceled >= 1);
}

void TestEmnifySim::generatorOrdersInEveryState()
{
    // What the demo and emnify-sim serve: orders in every state, with realistic timing.
    SimOrderBook book;
    for (const Event &e : AccountGenerator::generate(3000, 42, Now, AccountGenerator::OrderStates::Every))
        book.add(e);
    constexpr qint64 Hour = 3600 * 1000, Day = 24 * Hour;
    int unpaidForAWeek = 0, paidWaiting = 0, shipped = 0, shippedTwice = 0, canceledBeforePaid = 0,
        canceledAfterPaid = 0, submitBeforeWindow = 0;
    for (const SimOrderRecord &order : book.orders()) {
        if (order.isSubmitLoaded() && order.paidAtMs != SimOrderRecord::NoTime) {
            const qint64 wait = order.paidAtMs - order.submittedAtMs;
            QVERIFY2(wait >= Hour && wait <= 8 * Hour + 1000, qPrintable(QString::number(wait))); // hours
        }
        if (order.paidAtMs != SimOrderRecord::NoTime && order.shippedAtMs != SimOrderRecord::NoTime) {
            const qint64 wait = order.shippedAtMs - order.paidAtMs;
            QVERIFY2(wait >= Day && wait <= 4 * Day + 1000, qPrintable(QString::number(wait))); // days
        }
        if (!order.isSubmitLoaded()) {
            ++submitBeforeWindow;
            QVERIFY(!order.steps.empty());
        }
        switch (order.statusId) {
        case SimCardOrder::Submitted:
            unpaidForAWeek += order.submittedAtMs < Now - 7 * Day;
            break;
        case SimCardOrder::Paid:
            ++paidWaiting;
            break;
        case SimCardOrder::Shipped: {
            ++shipped;
            QVERIFY(!order.trackingReference.isEmpty());
            const auto shippedSteps = std::count_if(order.steps.begin(), order.steps.end(),
                [](const SimOrderStep &step) { return step.statusId == SimCardOrder::Shipped; });
            shippedTwice += shippedSteps == 2;
            break;
        }
        case SimCardOrder::Canceled:
            ++(order.paidAtMs == SimOrderRecord::NoTime ? canceledBeforePaid : canceledAfterPaid);
            break;
        default:
            QFAIL("an order with no known status");
        }
    }
    QVERIFY(unpaidForAWeek >= 1);
    QVERIFY(paidWaiting >= 1);
    QVERIFY(shipped >= 1);
    QVERIFY(shippedTwice >= 1);
    QVERIFY(canceledBeforePaid >= 1);
    QVERIFY(canceledAfterPaid >= 1);
    QVERIFY(submitBeforeWindow >= 1);
}

void TestEmnifySim::generatedEventsRoundTrip()
{
    // What the simulator serves reads back as what it holds (details compared as JSON values:
    // the parser may re-format numbers).
    const Reply r = get(QStringLiteral("/api/v1/event?per_page=1000&page=2"), m_token);
    const ParseResult parsed = EventParser::parse(r.body);
    QVERIFY(parsed.isOk());
    const std::vector<Event> events = parsed.events();
    QCOMPARE(events.size(), size_t(1000));
    for (size_t i = 0; i < events.size(); ++i) {
        Event got = events[i];
        Event want = m_events[1000 + i];
        QCOMPARE(QJsonDocument::fromJson("[" + got.detailJson + "]"),
            QJsonDocument::fromJson("[" + want.detailJson + "]"));
        QCOMPARE(QJsonDocument::fromJson(got.extraJson), QJsonDocument::fromJson(want.extraJson));
        got.detailJson = want.detailJson = {};
        got.extraJson = want.extraJson = {};
        QVERIFY2(got == want, EventJson::toJson(want).constData());
    }
}

QTEST_GUILESS_MAIN(TestEmnifySim)
#include "tst_emnifysim.moc"
