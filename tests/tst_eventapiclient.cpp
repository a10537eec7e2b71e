// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "api/apierror.h"
#include "api/eventapiclient.h"
#include "api/jwtclaims.h"
#include "api/ratelimiter.h"
#include "api/retryafter.h"
#include "fakeemnifyserver.h"
#include "sim/emnifysimulator.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimeZone>

#include <algorithm>
#include <limits>
#include <memory>
#include <set>

using Response = FakeEmnifyServer::Response;
using Request = FakeEmnifyServer::Request;

// Everything a pull delivered, collected from the signals.
struct PullRecorder
{
    explicit PullRecorder(EventApiClient *client)
    {
        QObject::connect(client, &EventApiClient::eventsReceived, client,
            [this](const EventBatch &events, const std::vector<QByteArray> &raw) {
                for (qsizetype i = 0; i < events.size(); ++i) {
                    if (!events.isDropped(i))
                        ids.append(events.id(i));
                }
                rawCount += qsizetype(raw.size());
                ++batches;
                if (finishedCount > 0)
                    ++eventsAfterFinish;
            });
        QObject::connect(client, &EventApiClient::progressChanged, client,
            [this](const FetchProgress &p) { progress = p; });
        QObject::connect(client, &EventApiClient::finished, client, [this](const ApiError &e) {
            error = e;
            ++finishedCount;
        });
    }
    bool waitFinished(int timeoutMs = 20000)
    {
        return QTest::qWaitFor([this] { return finishedCount > 0; }, timeoutMs);
    }
    [[nodiscard]] bool hasDuplicates() const
    {
        const std::set<qint64> unique(ids.begin(), ids.end());
        return unique.size() != size_t(ids.size());
    }
    QList<qint64> ids;
    qsizetype rawCount = 0;
    int batches = 0;
    int finishedCount = 0;
    int eventsAfterFinish = 0;
    ApiError error;
    FetchProgress progress;
};

class TestEventApiClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    // Pure parts
    void apiErrorFromHttp_data();
    void apiErrorFromHttp();
    void baseUrl_data();
    void baseUrl();
    void jwtClaims_data();
    void jwtClaims();
    void retryAfter_data();
    void retryAfter();
    void rateLimiter();

    // Against the loopback fake server
    void pullsAllPages_data();
    void pullsAllPages();
    void sendsEncodedQueryAndHeaders();
    void clampedPerPage_data();
    void clampedPerPage();
    void noPagingHeaders();
    void reauthenticatesOnce_on401();
    void badApplicationToken();
    void freshTokenRejected_noLoop();
    void refreshesTokenBeforeExpiry();
    void rateLimited_data();
    void rateLimited();
    void rateLimitedForever();
    void transientFailures_data();
    void transientFailures();
    void malformedPageForever();
    void httpErrorIsReported();
    void respectsInFlightAndRate();
    void shiftingPagesAreDeduplicated();
    void cancel_data();
    void cancel();
    void keepRaw();
    void invalidQuery();
    void tlsFailureIsFatal();

    // Against the hostile server (issue 10): each fails on the client before the fix
    void hostileAuthStorm_data();
    void hostileAuthStorm();
    void hostileAuthSpacing();
    void hostileNumbers_data();
    void hostileNumbers();
    void hostilePageTooLarge_data();
    void hostilePageTooLarge();
    void hostileHtmlPage();
    void hostileTrickleTimesOut();
    void hostileRetryAfterTooLong_data();
    void hostileRetryAfterTooLong();
    void hostileRateLimitWaitIsReported();
    void hostilePagingHeaders_data();
    void hostilePagingHeaders();

    // Against the simulator (src/sim), with each fault switched on in turn
    void simulatorPull_data();
    void simulatorPull();
    void simulatorScopedList();
    void authenticateTellsTheOrganisation();

private:
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<FakeEmnifyServer> m_server;
    std::unique_ptr<EventApiClient> m_client;
    void configure(EventApiClient::Options options = fastOptions());
    static EventApiClient::Options fastOptions()
    {
        EventApiClient::Options options;
        options.ratePerSecond = 200; // the tests are about behaviour, not the production rate
        options.burst = 20;
        options.backoffBaseMs = 20;
        options.backoffMaxMs = 200;
        options.minAuthIntervalMs = 100;
        return options;
    }
};

void TestEventApiClient::initTestCase()
{
    QLoggingCategory::setFilterRules(QStringLiteral("eventviewer.api.debug=false"));
}

void TestEventApiClient::init()
{
    m_network = std::make_unique<QNetworkAccessManager>();
    m_server = std::make_unique<FakeEmnifyServer>();
    m_client = std::make_unique<EventApiClient>(m_network.get());
    configure();
}

void TestEventApiClient::cleanup()
{
    m_client.reset();
    m_server.reset();
    m_network.reset();
}

void TestEventApiClient::configure(EventApiClient::Options options)
{
    m_client->setOptions(options);
    QVERIFY(!m_client->setBaseUrl(m_server->url()).isError());
    m_client->setApplicationToken(QString::fromUtf8(m_server->applicationToken));
}

// ---- pure parts ----

void TestEventApiClient::apiErrorFromHttp_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("errorCode");
    QTest::addColumn<QString>("errorToken");
    QTest::addColumn<QString>("message");
    QTest::newRow("emnify")
        << 422 << QByteArray(R"({"error_code":1301,"error_token":"InvalidQueryCriteria","message":"bad q"})")
        << 1301 << QStringLiteral("InvalidQueryCriteria") << QStringLiteral("bad q");
    QTest::newRow("gateway") << 401
                             << QByteArray(R"({"message":"token contains an invalid number of segments"})")
                             << 0 << QString()
                             << QStringLiteral("token contains an invalid number of segments");
    QTest::newRow("empty") << 401 << QByteArray() << 0 << QString() << QStringLiteral("Unauthorized");
    QTest::newRow("html") << 502 << QByteArray("<html>bad gateway</html>") << 0 << QString()
                          << QStringLiteral("Server error");
}

void TestEventApiClient::apiErrorFromHttp()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(int, errorCode);
    QFETCH(QString, errorToken);
    QFETCH(QString, message);
    const ApiError error = ApiError::fromHttp(status, body);
    QCOMPARE(error.kind(), ApiError::Kind::Http);
    QCOMPARE(error.httpStatus(), status);
    QCOMPARE(error.errorCode(), errorCode);
    QCOMPARE(error.errorToken(), errorToken);
    QCOMPARE(error.message(), message);
    QVERIFY(error.toString().contains(QString::number(status)));
    QVERIFY(error.toString().contains(message));
}

void TestEventApiClient::baseUrl_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("https") << QStringLiteral("https://cdn.emnify.net") << true;
    QTest::newRow("http-127.0.0.1") << QStringLiteral("http://127.0.0.1:8080") << true;
    QTest::newRow("http-127.x") << QStringLiteral("http://127.1.2.3:1") << true;
    QTest::newRow("http-ipv6-loopback") << QStringLiteral("http://[::1]:8080") << true;
    QTest::newRow("http-localhost") << QStringLiteral("http://localhost:1") << true;
    QTest::newRow("http-remote") << QStringLiteral("http://cdn.emnify.net") << false;
    QTest::newRow("http-lan") << QStringLiteral("http://192.168.1.10") << false;
    QTest::newRow("http-loopback-lookalike") << QStringLiteral("http://127.0.0.1.example.com") << false;
    QTest::newRow("ftp") << QStringLiteral("ftp://127.0.0.1") << false;
    QTest::newRow("garbage") << QStringLiteral("not a url") << false;
    QTest::newRow("userinfo") << QStringLiteral("https://user:pw@cdn.emnify.net") << false;
}

void TestEventApiClient::baseUrl()
{
    QFETCH(QString, url);
    QFETCH(bool, accepted);
    const QUrl before = m_client->baseUrl();
    const ApiError error = m_client->setBaseUrl(QUrl(url));
    QCOMPARE(!error.isError(), accepted);
    if (!accepted) {
        QCOMPARE(error.kind(), ApiError::Kind::InvalidUrl);
        QCOMPARE(m_client->baseUrl(), before);
    }
}

void TestEventApiClient::jwtClaims_data()
{
    const auto b64 = [](const QByteArray &data) {
        return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    };
    QTest::addColumn<QByteArray>("token");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<qint64>("exp");
    QTest::addColumn<QString>("organisation"); // esc.org, as text
    QTest::newRow("normal") << b64("{}") + '.' + b64(R"({"iat":1000,"exp":605800,"esc.org":1})") + ".sig"
                            << true << qint64(605800) << QStringLiteral("1");
    QTest::newRow("org-string") << b64("{}") + '.' + b64(R"({"esc.org":"4711","esc.orgName":"A&B"})") + ".s"
                                << true << qint64(-1) << QStringLiteral("4711");
    // An organisation names an archive file: only a plain non-negative id is one.
    QTest::newRow("org-fraction") << b64("{}") + '.' + b64(R"({"esc.org":1.5})") + ".s" << true
                                  << qint64(-1) << QString();
    QTest::newRow("org-path") << b64("{}") + '.' + b64(R"({"esc.org":"../x"})") + ".s" << true
                              << qint64(-1) << QString();
    QTest::newRow("org-negative") << b64("{}") + '.' + b64(R"({"esc.org":-3})") + ".s" << true
                                  << qint64(-1) << QString();
    // '?' and '>' in the JSON make base64url use '-' and '_'
    QTest::newRow("url-alphabet") << b64("{}") + '.' + b64(R"({"x":"??>>","exp":42})") + ".s" << true
                                  << qint64(42) << QString();
    QTest::newRow("no-exp") << b64("{}") + '.' + b64(R"({"iat":1})") + ".s" << true << qint64(-1) << QString();
    QTest::newRow("one-segment") << QByteArray("abc") << false << qint64(-1) << QString();
    QTest::newRow("not-json") << QByteArray("a.bm90IGpzb24.c") << false << qint64(-1) << QString();
    // Out of range numbers are no time at all (they were cast to qint64: undefined behaviour).
    QTest::newRow("exp-1e300") << b64("{}") + '.' + b64(R"({"exp":1e300})") + ".s" << true << qint64(-1) << QString();
    QTest::newRow("exp-negative-1e300")
        << b64("{}") + '.' + b64(R"({"exp":-1e300})") + ".s" << true << qint64(-1) << QString();
    QTest::newRow("exp-1e19") << b64("{}") + '.' + b64(R"({"exp":1e19})") + ".s" << true << qint64(-1) << QString();
}

void TestEventApiClient::jwtClaims()
{
    QFETCH(QByteArray, token);
    QFETCH(bool, valid);
    QFETCH(qint64, exp);
    const auto claims = JwtClaims::decode(token);
    QFETCH(QString, organisation);
    QCOMPARE(claims.has_value(), valid);
    if (valid) {
        QCOMPARE(claims->expiresAt.value_or(-1), exp);
        QCOMPARE(claims->organisation, organisation);
    }
}

void TestEventApiClient::retryAfter_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<qint64>("expectedMs"); // -1: none
    QTest::newRow("seconds") << QByteArray("3") << qint64(3000);
    QTest::newRow("zero") << QByteArray("0") << qint64(0);
    QTest::newRow("http-date") << QByteArray("Wed, 01 May 2024 10:00:05 GMT") << qint64(5000);
    QTest::newRow("past-date") << QByteArray("Wed, 01 May 2024 09:00:00 GMT") << qint64(0);
    QTest::newRow("absent") << QByteArray() << qint64(-1);
    QTest::newRow("garbage") << QByteArray("soon") << qint64(-1);
    QTest::newRow("negative") << QByteArray("-5") << qint64(-1);
    // Saturated instead of overflowing (seconds * 1000 was signed overflow).
    QTest::newRow("overflow") << QByteArray("99999999999999999")
                              << qint64(std::numeric_limits<qint64>::max() / 1000 * 1000);
    QTest::newRow("too-many-digits") << QByteArray("999999999999999999999999")
                                     << qint64(std::numeric_limits<qint64>::max() / 1000 * 1000);
}

void TestEventApiClient::retryAfter()
{
    QFETCH(QByteArray, value);
    QFETCH(qint64, expectedMs);
    const QDateTime now(QDate(2024, 5, 1), QTime(10, 0, 0), QTimeZone::utc());
    QCOMPARE(RetryAfter::parse(value, now).value_or(-1), expectedMs);
}

void TestEventApiClient::rateLimiter()
{
    RateLimiter limiter(5.0, 5);
    qint64 now = 1000;
    for (int i = 0; i < 5; ++i)
        QCOMPARE(limiter.reserve(now), 0); // the burst
    QCOMPARE(limiter.reserve(now), 200); // then one per 200 ms
    QCOMPARE(limiter.reserve(now), 400);
    QCOMPARE(limiter.waitedMs(), 400); // wall-clock union, not the sum
    now += 2000; // bucket refills (two booked slots first)
    QVERIFY(limiter.reserve(now) == 0);
    limiter.penalise(now, 3000); // a 429: nobody before now+3000, and half the rate
    QCOMPARE(limiter.ratePerSecond(), 2.5);
    const qint64 wait = limiter.reserve(now);
    QVERIFY2(wait >= 3000, qPrintable(QString::number(wait)));
    for (int i = 0; i < 100; ++i)
        limiter.recordSuccess();
    QCOMPARE(limiter.ratePerSecond(), 5.0);
}

// ---- against the fake server ----

void TestEventApiClient::pullsAllPages_data()
{
    QTest::addColumn<int>("events");
    QTest::addColumn<int>("perPage");
    QTest::addColumn<int>("inFlight");
    QTest::addColumn<bool>("mixedCase");
    QTest::newRow("empty") << 0 << 1000 << 4 << false;
    QTest::newRow("one") << 1 << 1000 << 4 << false;
    QTest::newRow("exactly-one-page") << 100 << 100 << 4 << false;
    QTest::newRow("2500/1000") << 2500 << 1000 << 4 << false;
    QTest::newRow("2500/100-lower") << 2500 << 100 << 4 << false;
    QTest::newRow("2500/100-Mixed") << 2500 << 100 << 4 << true;
    QTest::newRow("sequential") << 950 << 100 << 1 << false;
}

void TestEventApiClient::pullsAllPages()
{
    QFETCH(int, events);
    QFETCH(int, perPage);
    QFETCH(int, inFlight);
    QFETCH(bool, mixedCase);
    m_server->setEventCount(events);
    m_server->mixedCaseHeaders = mixedCase;
    auto options = fastOptions();
    options.perPage = perPage;
    options.maxInFlight = inFlight;
    configure(options);
    PullRecorder recorder(m_client.get());
    m_client->fetch(EventQuery {});
    QVERIFY(m_client->isBusy());
    QVERIFY(recorder.waitFinished());
    QVERIFY2(!recorder.error.isError(), qPrintable(recorder.error.toString()));
    QCOMPARE(recorder.finishedCount, 1);
    QCOMPARE(recorder.ids, m_server->eventIds()); // all, once, in the server's order
    const int pages = std::max(1, (events + perPage - 1) / perPage);
    QCOMPARE(m_server->count("GET", "/event"), pages); // never a page past the end
    QCOMPARE(m_server->count("POST", "/authenticate"), 1);
    QCOMPARE(recorder.progress.pagesDone, pages);
    QCOMPARE(recorder.progress.pagesTotal, pages);
    QCOMPARE(recorder.progress.eventsReceived, qint64(events));
    QCOMPARE(recorder.progress.totalCount, qint64(events));
    QCOMPARE(recorder.progress.requestsSent, pages + 1);
    QVERIFY(!m_client->isBusy());
    QSignalSpy finishedAgain(m_client.get(), &EventApiClient::finished);
    QVERIFY(!finishedAgain.wait(20)); // finished() came once
    QCOMPARE(recorder.finishedCount, 1);
}

void TestEventApiClient::sendsEncodedQueryAndHeaders()
{
    m_server->setEventCount(3);
    PullRecorder recorder(m_client.get());
    EventQuery query;
    query.description = QStringLiteral("a+b & c=d");
    query.types = { 3, 5 };
    query.from = QDateTime(QDate(2024, 1, 1), QTime(12, 0), QTimeZone(3600));
    query.until = QDateTime(QDate(2024, 1, 2), QTime(0, 0), QTimeZone::utc());
    m_client->fetch(query, EventScope::endpoint(77), QStringLiteral("-timestamp,id"));
    QVERIFY(recorder.waitFinished());
    QVERIFY2(!recorder.error.isError(), qPrintable(recorder.error.toString()));
    const Request *get = nullptr;
    for (const Request &request : m_server->requests()) {
        if (request.method == "GET")
            get = &request;
    }
    QVERIFY(get);
    QCOMPARE(get->path, QByteArray("/api/v1/endpoint/77/event"));
    QCOMPARE(QString::fromUtf8(get->queryValue("q")),
        QStringLiteral(
            "from:2024-01-01T11:00:00Z,until:2024-01-02T00:00:00Z,type:3|5,description:a+b & c=d"));
    QCOMPARE(get->queryValue("sort"), QByteArray("-timestamp,id"));
    QCOMPARE(get->queryValue("page"), QByteArray("1"));
    QVERIFY(get->header("authorization").startsWith("Bearer "));
    QCOMPARE(get->header("accept"), QByteArray("application/json"));
    // The version of project(VERSION ...), so that emnify support can tell releases apart.
    QCOMPARE(get->header("user-agent"), QByteArray("emnify-event-viewer/" EV_PROJECT_VERSION));
    const Request &auth = m_server->requests().first();
    QCOMPARE(auth.method, QByteArray("POST"));
    QCOMPARE(auth.header("content-type"), QByteArray("application/json"));
    QVERIFY(auth.header("authorization").isEmpty());
}

void TestEventApiClient::clampedPerPage_data()
{
    QTest::addColumn<bool>("echoesRequest");
    QTest::newRow("header-says-clamped") << false;
    QTest::newRow("header-echoes-request") << true;
}

void TestEventApiClient::clampedPerPage()
{
    QFETCH(bool, echoesRequest);
    m_server->setEventCount(1010);
    m_server->maxPerPage = 250;
    m_server->countPerPageEchoesRequest = echoesRequest;
    PullRecorder recorder(m_client.get());
    m_client->fetch(EventQuery {});
    QVERIFY(recorder.waitFinished());
    QVERIFY2(!recorder.error.isError(), qPrintable(recorder.error.toString()));
    QCOMPARE(recorder.ids, m_server->eventIds());
    QCOMPARE(recorder.progress.perPage, 250);
    QCOMPARE(m_server->count("GET", "/event"), 5);
}

void TestEventApiClient::noPagingHeaders()
{
    m_server->setEventCount(250);
    m_server->sendPagingHeaders = false;
    auto options = fastOptions();
    options.perPage = 100;
    configure(options);
    PullRecorder recorder(m_client.get());
    m_client->fetch(EventQuery {});
    QVERIFY(recorder.waitFinished());
    QVERIFY2(!recorder.error.isError(), qPrintable(recorder.error.toString()));
    QCOMPARE(recorder.ids, m_server->eventIds());
    QCOMPARE(m_server->count("GET", "/event"), 3); // the short third page ends it
}

void TestEventApiClient::reauthenticatesOnce_on401()
{
    m_server->setEventCount(1000);
    auto options = fastOptions();
    options.perPage = 100;
    configure(options);
    int gets = 0;
    m_server->hook = [this, &gets](const Request &request) -> std::optional<Response> {
        if (request.method == "GET" && ++gets == 4)
            m_server->revokeTokens(); // the token dies mid-pull
        return std::nullopt;
    };
    PullRecorder recorder(m_client.get());
    m_client->fetch(EventQuery {});
    QVERIFY(recorder.waitFinished());
    QVERIFY2(!recorder.error.isError(), qPrintable(recorder.error.toString()));
    QCOMPARE(recorder.ids, m_server->eventIds());
    QCOMPARE(m_server->count("POST", "/authenticate"), 2);
}

void TestEventApiClient::badApplicationToken()
{
    m_server->setEventCount(10);
    m_client->setApplicationToken(QStringLiteral("wrong"));
    PullRecorder recorder(m_client.get());
    m_client->fetch(EventQuery {});
    QVERIFY(recorder.waitFinished());
    QCOMPARE(recorder.error.kind(), ApiError::Kind::Authentication);
    QCOMPARE(recorder.error.httpStatus(), 401);
    QVERIFY(!recorder.error.toString().contains(QLatin1String("wrong"))); // no token in messages
    QSignalSpy moreRequests(m_server.get(), &FakeEmnifyServer::requestReceived);
    QVERIFY(!moreRequests.wait(100)); // a rejected token is not tried again
    QCOMPARE(m_server->count("POST", "/authenticate"), 1);
    QCOMPARE(m_server->count("GET", "/event"), 0);
    QCOMPARE(recorder.finishedCount, 1);
}

void TestEventApiClient::freshTokenRejected_noLoop()
{
    m_server->setEventCount(10);
    m_server->hook = [](const Request &request) -> std::optional<Response> {
        if (request.method == "GET")
            return Response { 401, {},
                R"({"error_code":1102,"error_token":"InvalidToken","message":"nope"})" };
        return std::nullopt;
    };
    PullRecorder recorder(m_client.get());
    m_client->fetch(EventQuery {});
    QVERIFY(recorder.waitFinished());
    QCOMPARE(recorder.error.kind(), ApiError::Kind::Authentication);
    QCOMPARE(recorder.error.errorToken(), QStringLiteral("InvalidToken"));
    QSignalSpy moreRequests(m_server.get(), &FakeEmnifyServer::requestReceived);
    QVERIFY(!moreRequests.wait(200)); // no authentication loop
    QCOMPARE(m_server->count("POST", "/authenticate"), 2); // the first token, one re-auth, no loop
    QCOMPARE(m_server->count("GET", "/event"), 2);
    QCOMPARE(recorder.finishedCount, 1);
}

void TestEventApiClient::refreshesTokenBeforeExpiry()
{
    m_server->setEventCount(600);
    m_server->tokenTtlSeconds = 2; // the server rejects expired tokens with 401
    auto options = fastOptions();
    options.perPage = 10;
    options.ratePerSecond = 25;
    options.burst = 2;
    configure(options);
    PullRecorder recorder(m_client.get());
    m_client->fetch(EventQuery {});
    QVERIFY(recorder.waitFinished(30000));
    QVERIFY2(!recorder.error.isError(), qPrintable(recorder.error.toString()));
    QCOMPARE(recorder.ids, m_server->eventIds());
    QVERIFY2(
        m_server->count("POST", "/authenticate") >= 2, "the token should have been renewed during the pull");
}

void TestEventApiClient::rateLimited_data()
{
    QTest::addColumn<QByteArray>("retryAfter");
    QTest::addColumn<int>("minimumGapMs");
    QTest::newRow("retry-after-seconds") << QByteArray("1") << 900;
    QTest::newRow("retry-after-date") << QByteArray("date") << 900;
    QTest::newRow("no-retry-after") << QByteArray() << 0;
}

void TestEventApiClient::rateLimited()
{
    QFETCH(QByteArray, retryAfter);
    QFETCH(int, minimumGapMs);
    m_server->setEventCount(500);
    auto options = fastOptions();
    options.perPage = 100;
    configure(options);
    int gets = 0;
    QElapsedTimer clock;
    clock.start();
    QHash<QByteArray, qint64> limitedAt; // page -> when it got the 429
    qint64 smallestGap = std::numeric_limits<qint64>::max();
    m_server->hook = [&](const Request &request) -> std::optional<Response> {
        if (request.method != "GET")
            return std::nullopt;
        ++gets;
        const QByteArray page = request.queryValue("page");
        if (limitedAt.contains(page))
            smallestGap = std::min(smallestGap, clock.elapsed() - limitedAt.take(page));
        if (gets == 2 || gets == 3) {
            Response response { 429, {},
                R"({"error_code":1105,"error_token":"TooManyRequests","message":"slow down"})" };
            if (retryAfter == "date") {
                // HTTP dates have whole seconds: ask for 2 s so that at least ~1 s remains
                const QByteArray date = QLocale::c()
                                            .toString(QDateTime::currentDateTimeUtc().addSecs(2),
                                                QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"))
                                            .toLatin1();
                response.headers.append({ "Retry-After", date });
            } else if (!retryAfter.isEmpty()) {
                response.headers.append({ "retry-after", retryAfter });
            }
            limitedAt.insert(page, clock.elapsed());
            return response;
        }
        return std::nullopt;
    };
    PullRecorder recorder(m_client.get());
    m_client->fetch(EventQuery {});
    QVERIFY(recorder.waitFinished());
    QVERIFY2(!recorder.error.isError(), qPrintable(recorder.error.toString()));
    QCOMPARE(recorder.ids, m_server->eventIds());
    QVERIFY(recorder.progress.retries >= 2);
    QVERIFY(limitedAt.isEmpty()); // both limited pages were asked again
    QVERIFY2(smallestGap >= minimumGapMs,
        qPrintable(QStringLiteral("retried %1 ms after the 429").arg(smallestGap)));
    if (minimumGapMs > 0)
        QVERIFY(recorder.progress.rateLimitWaitMs >= minimumGapMs);
}

void TestEventApiClient::rateLimitedForever()
{
    m_server->setEventCount(10);
    auto options = fastOptions();
    options.maxRateLimitRetries = 3;
    configure(options);
    m_server->hook = [](const Request &request) -> std::optional<Response> {
        if (request.method == "GET")
            return Response { 429, { { "Retry-After", "0" } }, {} };
        return std::nullopt;
    };
    PullRecorder recorder(m_client.get());
    m_client->fetch(EventQuery {});
    QVERIFY(recorder.waitFinished());
    QCOMPARE(recorder.error.kind(), ApiError::Kind::Http);
    QCOMPARE(recorder.error.httpStatus(), 429);
    QCOMPARE(m_server->count("GET", "/event"), 4);
}

void TestEventApiClient::transientFailures_data()
{
    QTest::addColumn<QString>("fault");
    QTest::newRow("500") << QStringLiteral("500");
    QTest::newRow("503-html") << QStringLiteral("503");
    QTest::newRow("drop-before-response") << QStringLiteral("drop");
    QTest::newRow("body-cut-off") << QStringLiteral("truncate");
    QTest::newRow("garbled-json") << QStringLiteral("garble");
    QTest::newRow("bad-element") << QStringLiteral("element");
    QTest::newRow("transfer-timeout") << QStringLiteral("timeout");
}

void TestEventApiClient::transientFailures()
{
    QFETCH(QString, fault);
    m_server->setEventCount(450);
    auto options = fastOptions();
    options.perPage = 100;
    options.transferTimeoutMs = 300;
    configure(options);
    QHash<QByteArray, int> failures;
    // Qt itself repeats a GET once when a kept-alive connection closes before any answer.
    const int failuresPerPage = fault == QLatin1String("drop") ? 2 : 1;
    m_server->hook = [&](const Request &request) -> std::optional<Response> {
        if (request.method != "GET")
            return std::nullopt;
        const QByteArray page = request.queryValue("page");
        if (failures[page]++ >= failuresPerPage)
            return std::nullopt; // every page fails, then works
        Response response;
        if (fault == QLatin1String("500")) {
            response.status = 500;
            response.body = R"({"message":"Internal server error"})";
        } else if (fault == QLatin1String("503")) {
            response.status = 503;
            response.body = "<html>Service Unavailable</html>";
        } else if (fault == QLatin1String("drop")) {
            response.dropBeforeResponse = true;
        } else if (fault == QLatin1String("truncate")) {
            response.body = "[" + FakeEmnifyServer::eventJson(1) + "," + FakeEmnifyServer::eventJson(2) + "]";
            response.truncateBodyAt = response.body.size() / 2;
        } else if (fault == QLatin1String("garble")) {
            response.body = "[{\"id\":1,\"timestamp\":";
        } else if (fault == QLatin1String("element")) {
            response.body = "[" + FakeEmnifyServer::eventJson(1) + ",42]";
        } else {
            response.delayMs = 1500; // longer than the transfer timeout
            response.body = "[]";
        }
        return response;
    };
    PullRecorder recorder(m_client.get());
    m_client->fetch(EventQuery {});
    QVERIFY(recorder.waitFinished());
    QVERIFY2(!recorder.error.isError(), qPrintable(recorder.error.toString()));
    QCOMPARE(recorder.ids, m_server->eventIds()); // nothing lost, nothing twice, id 1/2 never leak
    if (failuresPerPage == 1)
        QCOMPARE(recorder.progress.retries, 5);
    else
        QVERIFY(recorder.progress.retries >= 5);
    QCOMPARE(recorder.progress.eventsSkipped, 0);
}

void TestEventApiClient::malformedPageForever()
{
    m_server->setEventCount(300);
    auto options = fastOptions();
    options.perPage = 100;
    options.maxRetries = 2;
    configure(options);
    m_server->hook = [](const Request &request) -> std::optional<Response> {
        if (request.method == "GET" && request.queryValue("page") == "2")
            return Response { 200, { { "X-Total-Pages", "3" } }, "[{\"id\":" };
        return std::nullopt;
    };
    PullRecorder recorder(m_client.get());
    m_client->fetch(EventQuery {});
    QVERIFY(recorder.waitFinished());
    QCOMPARE(recorder.error.kind(), ApiError::Kind::Parse);
    QVERIFY2(
        recorder.error.message().contains(QLatin1String("page 2")), qPrintable(recorder.error.message()));
    QCOMPARE(recorder.finishedCount, 1);
    // page 2 was never skipped: page 3 (already fetched) was not delivered before it
    QVERIFY(recorder.ids.size() <= 100);
}

void TestEventApiClient::httpErrorIsReported()
{
    m_server->hook = [](const Request &request) -> std::optional<Response> {
        if (request.method == "GET")
            return Response { 422, {},
                R"({"error_code":1301,"error_token":"InvalidQueryCriteria","message":"bad q"})" };
        return std::nullopt;
    };
    PullRecorder recorder(m_client.get());
    m_client->fetch(EventQuery {});
    QVERIFY(recorder.waitFinished());
    QCOMPARE(recorder.error.kind(), ApiError::Kind::Http);
    QCOMPARE(recorder.error.httpStatus(), 422);
    QCOMPARE(recorder.error.errorCode(), 1301);
    QCOMPARE(m_server->count("GET", "/event"), 1); // a 4xx is not retried
}

void TestEventApiClient::respectsInFlightAndRate()
{
    m_server->setEventCount(2200);
    m_server->latencyMs = 60;
    auto options = fastOptions();
    options.perPage = 100; // 22 pages
    options.maxInFlight = 3;
    options.ratePerSecond = 20;
    options.burst = 2;
    configure(options);
    PullRecorder recorder(m_client.get());
    QElapsedTimer timer;
    timer.start();
    m_client->fetch(EventQuery {});
    QVERIFY(recorder.waitFinished());
    QVERIFY2(!recorder.error.isError(), qPrintable(recorder.error.toString()));
    QCOMPARE(recorder.ids, m_server->eventIds());
    QVERIFY2(m_server->maxConcurrent() <= 3 + 1,
        qPrintable(QString::number(m_server->maxConcurrent()))); // +1: auth
    QVERIFY(m_server->maxConcurrent() >= 2); // and it did overlap
    // 22 requests at 20/s with a burst of 2: at least (22 - 2) / 20 = 1 s
    QVERIFY2(timer.elapsed() >= 950, qPrintable(QString::number(timer.elapsed())));
    QVERIFY(recorder.progress.rateLimitWaitMs > 0);
}

void TestEventApiClient::shiftingPagesAreDeduplicated()
{
    // New events arrive after page 1 was served: with "-timestamp" order everything shifts down by
    // the number of new events, and the list grows by a page.
    m_server->setEventCount(500, 1000);
    auto options = fastOptions();
    options.perPage = 100;
    options.maxInFlight = 1;
    configure(options);
    const QList<qint64> original = m_server->eventIds();
    bool grown = false;
    m_server->hook = [&](const Request &request) -> std::optional<Response> {
        if (request.method == "GET" && request.queryValue("page") == "2" && !grown) {
            grown = true;
            m_server->setEventCount(530, 1000); // ids 1500..1529 are new and come first
        }
        return std::nullopt;
    };
    PullRecorder recorder(m_client.get());
    m_client->fetch(EventQuery {});
    QVERIFY(recorder.waitFinished());
    QVERIFY2(!recorder.error.isError(), qPrintable(recorder.error.toString()));
    QVERIFY(!recorder.hasDuplicates());
    for (const qint64 id : original)
        QVERIFY2(recorder.ids.contains(id), qPrintable(QString::number(id))); // none of the old ones lost
    QCOMPARE(m_server->count("GET", "/event"), 6); // the sixth page appeared meanwhile
}

void TestEventApiClient::cancel_data()
{
    QTest::addColumn<QString>("when");
    QTest::newRow("immediately") << QStringLiteral("immediately");
    QTest::newRow("during-authentication") << QStringLiteral("auth");
    QTest::newRow("after-first-batch") << QStringLiteral("batch");
}

void TestEventApiClient::cancel()
{
    QFETCH(QString, when);
    m_server->setEventCount(2000);
    m_server->latencyMs = 100;
    auto options = fastOptions();
    options.perPage = 100;
    configure(options);
    PullRecorder recorder(m_client.get());
    QMetaObject::Connection cancelOnBatch;
    if (when == QLatin1String("batch"))
        cancelOnBatch = connect(
            m_client.get(), &EventApiClient::eventsReceived, m_client.get(), [this] { m_client->cancel(); });
    m_client->fetch(EventQuery {});
    if (when == QLatin1String("immediately"))
        m_client->cancel();
    if (when == QLatin1String("auth")) {
        QTRY_COMPARE(m_server->count("POST", "/authenticate"), 1);
        m_client->cancel();
    }
    QVERIFY(recorder.waitFinished());
    QCOMPARE(recorder.error.kind(), ApiError::Kind::Cancelled);
    QVERIFY(!m_client->isBusy());
    const int gets = m_server->count("GET", "/event");
    QSignalSpy moreRequests(m_server.get(), &FakeEmnifyServer::requestReceived);
    QVERIFY(!moreRequests.wait(400)); // a cancelled pull sends nothing more
    QCOMPARE(recorder.finishedCount, 1);
    QCOMPARE(recorder.eventsAfterFinish, 0);
    QCOMPARE(m_server->count("GET", "/event"), gets); // nothing more was sent
    QVERIFY(recorder.ids.size() <= 100);

    // The client is reusable after a cancel.
    disconnect(cancelOnBatch);
    m_server->latencyMs = 0;
    PullRecorder second(m_client.get());
    m_client->fetch(EventQuery {});
    QVERIFY(second.waitFinished());
    QVERIFY2(!second.error.isError(), qPrintable(second.error.toString()));
    QCOMPARE(second.ids, m_server->eventIds());
}

void TestEventApiClient::keepRaw()
{
    m_server->setEventCount(150);
    auto options = fastOptions();
    options.perPage = 100;
    options.keepRaw = true;
    configure(options);
    QList<QByteArray> raw;
    connect(m_client.get(), &EventApiClient::eventsReceived, this,
        [&raw](const EventBatch &events, const std::vector<QByteArray> &texts) {
            QCOMPARE(qsizetype(texts.size()), events.liveCount());
            for (const QByteArray &text : texts)
                raw.append(text);
        });
    PullRecorder recorder(m_client.get());
    m_client->fetch(EventQuery {});
    QVERIFY(recorder.waitFinished());
    QVERIFY(!recorder.error.isError());
    QCOMPARE(raw.size(), 150);
    QCOMPARE(raw.first(), FakeEmnifyServer::eventJson(m_server->eventIds().first()));
}

void TestEventApiClient::invalidQuery()
{
    PullRecorder recorder(m_client.get());
    EventQuery query;
    query.description = QStringLiteral("a,b");
    m_client->fetch(query);
    QVERIFY(recorder.waitFinished());
    QCOMPARE(recorder.error.kind(), ApiError::Kind::InvalidQuery);
    QCOMPARE(m_server->requests().size(), 0);

    EventApiClient unconfigured(m_network.get());
    PullRecorder second(&unconfigured);
    unconfigured.fetch(EventQuery {});
    QVERIFY(second.waitFinished());
    QCOMPARE(second.error.kind(), ApiError::Kind::InvalidUrl);
}

void TestEventApiClient::tlsFailureIsFatal()
{
#ifdef QT_NO_SSL
    QSKIP("Qt without TLS");
#else
    // A server that answers a TLS handshake with plain text: the handshake must fail, be reported
    // as a TLS error and not be retried (or ignored).
    QTcpServer plain;
    QVERIFY(plain.listen(QHostAddress::LocalHost, 0));
    int connections = 0;
    connect(&plain, &QTcpServer::newConnection, this, [&plain, &connections] {
        while (QTcpSocket *socket = plain.nextPendingConnection()) {
            ++connections;
            socket->write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n");
            socket->disconnectFromHost();
        }
    });
    QVERIFY(!m_client->setBaseUrl(QUrl(QStringLiteral("https://127.0.0.1:%1").arg(plain.serverPort())))
                 .isError());
    PullRecorder recorder(m_client.get());
    m_client->fetch(EventQuery {});
    QVERIFY(recorder.waitFinished());
    QCOMPARE(recorder.error.kind(), ApiError::Kind::Tls);
    QVERIFY2(
        recorder.error.message().contains(QLatin1String("127.0.0.1")), qPrintable(recorder.error.message()));
    QSignalSpy moreConnections(&plain, &QTcpServer::newConnection);
    QVERIFY(!moreConnections.wait(200)); // a TLS failure is not retried
    QCOMPARE(connections, 1);
    QCOMPARE(recorder.finishedCount, 1);
#endif
}

// ---- against the hostile server (issue 10) ----

void TestEventApiClient::hostileAuthStorm_data()
{
    QTest::addColumn<QString>("scenario");
    QTest::addColumn<qint64>("skewMs"); // the server's clock minus ours
    QTest::newRow("exp-inside-refresh-margin") << QStringLiteral("auth-storm") << qint64(0);
    QTest::newRow("server-clock-290s-behind") << QStringLiteral("clock-behind") << qint64(-290000);
}

void TestEventApiClient::hostileAuthStorm()
{
    // A token that expires inside the refresh margin made the client authenticate again at once,
    // forever (384 authentications in 20 s, no page).
    QFETCH(QString, scenario);
    QFETCH(qint64, skewMs);
    QVERIFY(m_server->applyScenario(scenario));
    m_server->setEventCount(600);
    auto options = fastOptions();
    options.perPage = 10; // 60 pages, about 1.5 s
    options.ratePerSecond = 40;
    options.burst = 5;
    options.minAuthIntervalMs = 10000;
    configure(options);
    PullRecorder recorder(m_client.get());
    m_client->fetch(EventQuery {});
    QVERIFY(recorder.waitFinished(20000));
    QVERIFY2(!recorder.error.isError(), qPrintable(recorder.error.toString()));
    QCOMPARE(recorder.ids, m_server->eventIds());
    QCOMPARE(m_server->count("POST", "/authenticate"), 1);
    QVERIFY2(qAbs(recorder.progress.serverClockSkewMs - skewMs) <= 5000,
        qPrintable(QString::number(recorder.progress.serverClockSkewMs)));
}

void TestEventApiClient::hostileAuthSpacing()
{
    // Every token dies after two pages (the server revokes it): each 401 asks for a new one, but
    // never sooner than minAuthIntervalMs after the last authentication.
    m_server->setEventCount(120);
    auto options = fastOptions();
    options.perPage = 10;
    options.maxInFlight = 1;
    options.minAuthIntervalMs = 700;
    configure(options);
    int gets = 0;
    QElapsedTimer clock;
    clock.start();
    QList<qint64> authentications; // when, on the server
    m_server->hook = [&](const Request &request) -> std::optional<Response> {
        if (request.method == "POST")
            authentications.append(clock.elapsed());
        else if (++gets % 2 == 0)
            m_server->revokeTokens();
        return std::nullopt;
    };
    PullRecorder recorder(m_client.get());
    m_client->fetch(EventQuery {});
    QVERIFY(recorder.waitFinished(30000));
    QVERIFY2(!recorder.error.isError(), qPrintable(recorder.error.toString()));
    QCOMPARE(recorder.ids, m_server->eventIds());
    QVERIFY(authentications.size() >= 3);
    for (qsizetype i = 1; i < authentications.size(); ++i)
        QVERIFY2(authentications[i] - authentications[i - 1] >= 560, // 700 ms, less what load does to arrival
            qPrintable(QStringLiteral("authentication %1 came %2 ms after the one before")
                           .arg(i)
                           .arg(authentications[i] - authentications[i - 1])));
}

void TestEventApiClient::hostileNumbers_data()
{
    QTest::addColumn<QString>("scenario");
    QTest::newRow("jwt-exp-1e300") << QStringLiteral("jwt-exp-huge");
    QTest::newRow("jwt-exp-9223372036854775") << QStringLiteral("jwt-exp-overflow");
}

void TestEventApiClient::hostileNumbers()
{
    QFETCH(QString, scenario);
    QVERIFY(m_server->applyScenario(scenario));
    auto options = fastOptions();
    options.perPage = 50;
    configure(options);
    PullRecorder recorder(m_client.get());
    m_client->fetch(EventQuery {});
    QVERIFY(recorder.waitFinished());
    QVERIFY2(!recorder.error.isError(), qPrintable(recorder.error.toString()));
    QCOMPARE(recorder.ids, m_server->eventIds());
    QCOMPARE(m_server->count("POST", "/authenticate"), 1);
}

void TestEventApiClient::hostilePageTooLarge_data()
{
    QTest::addColumn<QString>("scenario");
    QTest::newRow("200MB-with-length") << QStringLiteral("huge-page");
    QTest::newRow("200MB-without-length") << QStringLiteral("huge-page-unsized");
    QTest::newRow("deflate-bomb-1GiB") << QStringLiteral("deflate-bomb");
}

void TestEventApiClient::hostilePageTooLarge()
{
    // A 200 MB page took the CLI to 1.1 GB and was downloaded again on every retry.
    QFETCH(QString, scenario);
    QVERIFY(m_server->applyScenario(scenario));
    PullRecorder recorder(m_client.get());
    m_client->fetch(EventQuery {});
    QVERIFY(recorder.waitFinished());
    QCOMPARE(recorder.error.kind(), ApiError::Kind::Parse);
    QVERIFY2(
        recorder.error.message().contains(QLatin1String("64 MiB")), qPrintable(recorder.error.message()));
    QCOMPARE(m_server->count("GET", "/event"), 1); // refused, not asked again
    QVERIFY2(m_server->bytesSent() < 100 * 1000 * 1000, qPrintable(QString::number(m_server->bytesSent())));
    QCOMPARE(recorder.finishedCount, 1);
}

void TestEventApiClient::hostileHtmlPage()
{
    QVERIFY(m_server->applyScenario(QStringLiteral("html")));
    PullRecorder recorder(m_client.get());
    m_client->fetch(EventQuery {});
    QVERIFY(recorder.waitFinished());
    QCOMPARE(recorder.error.kind(), ApiError::Kind::Parse);
    QVERIFY2(
        recorder.error.message().contains(QLatin1String("HTML page")), qPrintable(recorder.error.message()));
    QCOMPARE(m_server->count("GET", "/event"), 1); // a login page does not go away by asking again
}

void TestEventApiClient::hostileTrickleTimesOut()
{
    // One byte every 100 ms: the transfer timeout (no byte for 1 s) never fires, the deadline does.
    QVERIFY(m_server->applyScenario(QStringLiteral("trickle")));
    m_server->hook = [hook = m_server->hook](const Request &request) -> std::optional<Response> {
        auto response = hook(request);
        if (response)
            response->trickleIntervalMs = 100;
        return response;
    };
    auto options = fastOptions();
    options.transferTimeoutMs = 1000;
    options.requestDeadlineMs = 1500;
    options.maxRetries = 1;
    configure(options);
    PullRecorder recorder(m_client.get());
    m_client->fetch(EventQuery {});
    QVERIFY(recorder.waitFinished(15000));
    QCOMPARE(recorder.error.kind(), ApiError::Kind::Timeout);
    QVERIFY2(recorder.error.message().contains(QLatin1String("1.5 s")), qPrintable(recorder.error.message()));
    QCOMPARE(m_server->count("GET", "/event"), 2); // retried like a timeout, once
}

void TestEventApiClient::hostileRetryAfterTooLong_data()
{
    QTest::addColumn<QString>("scenario");
    QTest::addColumn<QString>("asked");
    QTest::newRow("100000s") << QStringLiteral("retry-after-huge") << QStringLiteral("100000 s");
    QTest::newRow("overflowing") << QStringLiteral("retry-after-overflow") << QStringLiteral("Retry-After");
}

void TestEventApiClient::hostileRetryAfterTooLong()
{
    // Retry-After: 100000 made the CLI wait silently for as long as anyone watched.
    QFETCH(QString, scenario);
    QFETCH(QString, asked);
    QVERIFY(m_server->applyScenario(scenario));
    PullRecorder recorder(m_client.get());
    m_client->fetch(EventQuery {});
    QVERIFY(recorder.waitFinished(5000));
    QCOMPARE(recorder.error.kind(), ApiError::Kind::Http);
    QCOMPARE(recorder.error.httpStatus(), 429);
    QVERIFY2(recorder.error.message().contains(asked), qPrintable(recorder.error.message()));
    QVERIFY2(recorder.error.message().contains(QLatin1String("300 s")), qPrintable(recorder.error.message()));
    QCOMPARE(m_server->count("GET", "/event"), 1);
}

void TestEventApiClient::hostileRateLimitWaitIsReported()
{
    QVERIFY(m_server->applyScenario(QStringLiteral("retry-after-short")));
    m_server->setEventCount(20);
    QList<FetchProgress> seen;
    connect(m_client.get(), &EventApiClient::progressChanged, this,
        [&seen](const FetchProgress &progress) { seen.append(progress); });
    PullRecorder recorder(m_client.get());
    m_client->fetch(EventQuery {});
    QVERIFY(recorder.waitFinished());
    QVERIFY2(!recorder.error.isError(), qPrintable(recorder.error.toString()));
    QCOMPARE(recorder.ids, m_server->eventIds());
    // Reported while it was waiting, not only at the end.
    const auto waiting = std::find_if(seen.cbegin(), seen.cend(),
        [](const FetchProgress &progress) { return progress.rateLimitHits == 1; });
    QVERIFY(waiting != seen.cend());
    QCOMPARE(waiting->lastRateLimitPauseMs, qint64(2000));
    QCOMPARE(waiting->pagesDone, 0);
}

void TestEventApiClient::hostilePagingHeaders_data()
{
    QTest::addColumn<QString>("scenario");
    QTest::newRow("X-Total-Pages-1e9") << QStringLiteral("total-pages-huge");
    QTest::newRow("X-Total-Count-2^63-1") << QStringLiteral("total-count-huge");
}

void TestEventApiClient::hostilePagingHeaders()
{
    // Paged on for as long as anyone watched (229 requests in 45 s); empty pages past the first
    // end the pull.
    QFETCH(QString, scenario);
    QVERIFY(m_server->applyScenario(scenario));
    auto options = fastOptions();
    options.perPage = 10;
    configure(options);
    PullRecorder recorder(m_client.get());
    m_client->fetch(EventQuery {});
    QVERIFY(recorder.waitFinished(10000));
    QVERIFY2(!recorder.error.isError(), qPrintable(recorder.error.toString()));
    QCOMPARE(recorder.ids.size(), 10);
    QVERIFY2(m_server->count("GET", "/event") <= 1 + 2 * options.maxInFlight,
        qPrintable(QString::number(m_server->count("GET", "/event"))));
}

// ---- against the simulator ----

void TestEventApiClient::simulatorPull_data()
{
    QTest::addColumn<QString>("fault");
    QTest::newRow("none") << QStringLiteral("none");
    QTest::newRow("latency") << QStringLiteral("latency");
    QTest::newRow("5xx") << QStringLiteral("5xx");
    QTest::newRow("drops") << QStringLiteral("drops");
    QTest::newRow("429-retry-after") << QStringLiteral("429");
    QTest::newRow("429-no-retry-after") << QStringLiteral("429-bare");
    QTest::newRow("malformed") << QStringLiteral("malformed");
    QTest::newRow("token-expiry") << QStringLiteral("ttl");
    QTest::newRow("per-page-clamped") << QStringLiteral("clamp");
}

void TestEventApiClient::simulatorPull()
{
    QFETCH(QString, fault);
    EmnifySimulator simulator;
    QVERIFY(simulator.listen());
    EmnifySimulatorConfig config;
    auto options = fastOptions();
    options.perPage = 100;
    int events = 3000;
    if (fault == QLatin1String("latency")) {
        config.latencyMs = 40;
    } else if (fault == QLatin1String("5xx")) {
        config.errorRate = 0.2;
    } else if (fault == QLatin1String("drops")) {
        config.dropRate = 0.2;
    } else if (fault.startsWith(QLatin1String("429"))) {
        // The client is told 100/s: it must be slowed down. 5/s, not 20: the simulator answers
        // on the test's own thread, and under ASan it served fewer than 20 pages a second, so
        // the client never got ahead of a 20/s limit.
        config.rateLimitPerSecond = 5;
        config.retryAfter = fault == QLatin1String("429");
        options.ratePerSecond = 100;
        options.burst = 10;
        options.maxRateLimitRetries = 20;
    } else if (fault == QLatin1String("malformed")) {
        config.malformedRate = 0.2;
    } else if (fault == QLatin1String("ttl")) {
        config.tokenTtlSeconds = 2;
        config.latencyMs = 10;
        options.ratePerSecond = 15;
        options.burst = 2;
        events = 4000; // 40 pages at 15/s: well over the token's lifetime
    } else if (fault == QLatin1String("clamp")) {
        config.maxPerPage = 250;
        options.perPage = 1000;
    }
    config.applicationTokens = { QStringLiteral("sim-token") };
    simulator.setConfig(config);
    simulator.generateEvents(events, 7, QDateTime::currentMSecsSinceEpoch());
    int authentications = 0;
    connect(&simulator, &EmnifySimulator::requestHandled, this,
        [&authentications](const QByteArray &method, const QByteArray &path, int) {
            authentications += method == "POST" && path.endsWith("/authenticate");
        });

    m_client->setOptions(options);
    QVERIFY(!m_client->setBaseUrl(simulator.baseUrl()).isError());
    m_client->setApplicationToken(QStringLiteral("sim-token"));
    PullRecorder recorder(m_client.get());
    m_client->fetch(EventQuery {});
    QVERIFY(recorder.waitFinished(25000));
    QVERIFY2(!recorder.error.isError(), qPrintable(recorder.error.toString()));
    QCOMPARE(recorder.finishedCount, 1);
    QVERIFY(!recorder.hasDuplicates());
    std::vector<qint64> expected = simulator.eventIds();
    std::vector<qint64> got(recorder.ids.begin(), recorder.ids.end());
    std::sort(expected.begin(), expected.end());
    std::sort(got.begin(), got.end());
    QCOMPARE(got.size(), expected.size());
    QVERIFY(got == expected); // exactly the simulator's data: nothing lost, nothing twice
    QCOMPARE(recorder.progress.eventsReceived, qint64(expected.size()));

    // The fault really happened, and was handled the intended way.
    const EmnifySimulator::Stats &stats = simulator.stats();
    if (fault == QLatin1String("5xx"))
        QVERIFY(stats.errorsInjected > 0 && recorder.progress.retries >= int(stats.errorsInjected));
    if (fault == QLatin1String("drops"))
        QVERIFY(stats.drops > 0 && recorder.progress.retries > 0);
    if (fault.startsWith(QLatin1String("429")))
        QVERIFY(stats.rateLimited > 0 && recorder.progress.rateLimitWaitMs > 0);
    if (fault == QLatin1String("malformed"))
        QVERIFY(stats.malformed > 0 && recorder.progress.retries >= int(stats.malformed));
    if (fault == QLatin1String("ttl"))
        QVERIFY2(authentications >= 2, qPrintable(QString::number(authentications)));
    else
        QCOMPARE(authentications, 1);
    if (fault == QLatin1String("clamp"))
        QCOMPARE(recorder.progress.perPage, 250);
}

void TestEventApiClient::simulatorScopedList()
{
    EmnifySimulator simulator;
    QVERIFY(simulator.listen());
    EmnifySimulatorConfig config;
    config.applicationTokens = { QStringLiteral("sim-token") };
    simulator.setConfig(config);
    simulator.generateEvents(5000, 3, QDateTime::currentMSecsSinceEpoch());
    // The endpoint with the most events, and the ids the list must return.
    QHash<qint64, QList<qint64>> byEndpoint;
    for (qsizetype row = 0; row < simulator.eventCount(); ++row) {
        const Event event = simulator.event(row);
        if (event.endpoint)
            byEndpoint[event.endpoint->id].append(event.id);
    }
    QVERIFY(!byEndpoint.isEmpty());
    qint64 endpoint = byEndpoint.begin().key();
    for (auto it = byEndpoint.cbegin(); it != byEndpoint.cend(); ++it) {
        if (it->size() > byEndpoint.value(endpoint).size())
            endpoint = it.key();
    }
    auto options = fastOptions();
    options.perPage = 5; // several pages even for one device
    m_client->setOptions(options);
    QVERIFY(!m_client->setBaseUrl(simulator.baseUrl()).isError());
    m_client->setApplicationToken(QStringLiteral("sim-token"));
    PullRecorder recorder(m_client.get());
    m_client->fetch(EventQuery {}, EventScope::endpoint(endpoint));
    QVERIFY(recorder.waitFinished());
    QVERIFY2(!recorder.error.isError(), qPrintable(recorder.error.toString()));
    QList<qint64> expected = byEndpoint.value(endpoint);
    QList<qint64> got = recorder.ids;
    std::sort(expected.begin(), expected.end());
    std::sort(got.begin(), got.end());
    QCOMPARE(got, expected);
}

QTEST_GUILESS_MAIN(TestEventApiClient)
#include "tst_eventapiclient.moc"

// The account of a token (its organisation) is known after authenticate(), before any pull, and a
// second call with the token still usable answers without another request.
void TestEventApiClient::authenticateTellsTheOrganisation()
{
    EmnifySimulator simulator;
    QVERIFY(simulator.listen());
    EmnifySimulatorConfig config;
    config.applicationTokens = { QStringLiteral("sim-token") };
    config.organisationId = 4242;
    config.organisationName = QStringLiteral("Cervantes \"Agritech\" S.L.");
    simulator.setConfig(config);
    int authentications = 0;
    connect(&simulator, &EmnifySimulator::requestHandled, this,
        [&authentications](const QByteArray &method, const QByteArray &path, int) {
            authentications += method == "POST" && path.endsWith("/authenticate");
        });
    QVERIFY(!m_client->setBaseUrl(simulator.baseUrl()).isError());
    m_client->setApplicationToken(QStringLiteral("sim-token"));
    QCOMPARE(m_client->organisation(), QString());

    QSignalSpy authenticated(m_client.get(), &EventApiClient::authenticated);
    QSignalSpy failed(m_client.get(), &EventApiClient::authenticationFailed);
    m_client->authenticate();
    QVERIFY(authenticated.wait(5000));
    QCOMPARE(m_client->organisation(), QStringLiteral("4242"));
    QCOMPARE(m_client->organisationName(), config.organisationName);
    QCOMPARE(authentications, 1);

    m_client->authenticate();
    QTRY_COMPARE(authenticated.size(), 2);
    QCOMPARE(authentications, 1);
    QCOMPARE(failed.size(), 0);

    m_client->setApplicationToken(QStringLiteral("not-the-token"));
    m_client->authenticate();
    QVERIFY(failed.wait(5000));
    QCOMPARE(failed.first().first().value<ApiError>().kind(), ApiError::Kind::Authentication);
    QCOMPARE(authenticated.size(), 2);
}
