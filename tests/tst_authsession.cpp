// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "api/authsession.h"
#include "api/ratelimiter.h"
#include "fakeemnifyserver.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

#include <memory>

namespace {

// Far longer than any wait below: a switch that were paced by the other account's authentication
// would not finish inside the test's waits.
constexpr int LongSpacingMs = 10 * 60'000;
constexpr int WaitMs = 15000;

} // namespace

// The spacing of authentications (issue 10's storm) against two loopback servers: it holds per
// server and application token, so switching accounts authenticates the other one at once.
class TestAuthSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void switchingAccountsIsNotPaced_data();
    void switchingAccountsIsNotPaced();
    void reauthenticationStormStaysPaced();

private:
    // Waits for a usable token; false when authentication failed or took longer than WaitMs.
    bool authenticate();

    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<RateLimiter> m_limiter;
    std::unique_ptr<AuthSession> m_auth;
    std::unique_ptr<FakeEmnifyServer> m_a;
    std::unique_ptr<FakeEmnifyServer> m_b;
};

void TestAuthSession::init()
{
    m_network = std::make_unique<QNetworkAccessManager>();
    m_limiter = std::make_unique<RateLimiter>(1000, 100);
    m_auth = std::make_unique<AuthSession>(m_network.get(), m_limiter.get());
    ApiClientOptions options;
    options.maxRetries = 0;
    options.minAuthIntervalMs = LongSpacingMs;
    m_auth->setOptions(options);
    m_a = std::make_unique<FakeEmnifyServer>();
    m_a->applicationToken = "token-a";
    m_b = std::make_unique<FakeEmnifyServer>();
    m_b->applicationToken = "token-b";
}

void TestAuthSession::cleanup()
{
    m_auth.reset();
    m_limiter.reset();
    m_network.reset();
    m_a.reset();
    m_b.reset();
}

bool TestAuthSession::authenticate()
{
    bool done = false;
    bool ok = false;
    m_auth->withToken(
        this,
        [&] {
            done = true;
            ok = true;
        },
        [&](const ApiError &) { done = true; });
    return QTest::qWaitFor([&] { return done; }, WaitMs) && ok;
}

void TestAuthSession::switchingAccountsIsNotPaced_data()
{
    QTest::addColumn<bool>("sameServer"); // the other account: another token on the same server
    QTest::newRow("another server") << false;
    QTest::newRow("another token, same server") << true;
}

void TestAuthSession::switchingAccountsIsNotPaced()
{
    QFETCH(bool, sameServer);
    if (sameServer)
        m_a->hook = [](const FakeEmnifyServer::Request &request) -> std::optional<FakeEmnifyServer::Response> {
            // Both tokens are this server's: token-b authenticates like token-a.
            if (request.method == "POST" && request.body.contains("token-b"))
                return FakeEmnifyServer::Response { 200, {}, R"({"auth_token":"b"})" };
            return std::nullopt;
        };
    FakeEmnifyServer *other = sameServer ? m_a.get() : m_b.get();

    m_auth->setBaseUrl(m_a->url());
    m_auth->setApplicationToken(QStringLiteral("token-a"));
    QVERIFY(authenticate());
    QCOMPARE(m_a->count("POST", "/authenticate"), 1);

    // Account B right after: its first authentication goes out at once, not LongSpacingMs later.
    QSignalSpy scheduled(m_auth.get(), &AuthSession::authenticationScheduled);
    m_auth->setBaseUrl(other->url());
    m_auth->setApplicationToken(QStringLiteral("token-b"));
    QVERIFY(authenticate());
    QCOMPARE(scheduled.size(), 1);
    QVERIFY2(scheduled.at(0).at(0).toLongLong() < LongSpacingMs / 2,
        qPrintable(QString::number(scheduled.at(0).at(0).toLongLong())));
    QCOMPARE(other->count("POST", "/authenticate"), sameServer ? 2 : 1);
}

void TestAuthSession::reauthenticationStormStaysPaced()
{
    m_auth->setBaseUrl(m_a->url());
    m_auth->setApplicationToken(QStringLiteral("token-a"));
    QVERIFY(authenticate());

    // A's token is rejected (the server revoked it): a new one is asked for, but only once the
    // spacing since A's last authentication has passed.
    m_a->revokeTokens();
    const int serial = m_auth->tokenSerial();
    (void)m_auth->authorization(); // sent with a request ...
    QVERIFY(!m_auth->rejected(serial, ApiError(ApiError::Kind::Http, QStringLiteral("401"), 401)).isError());
    QSignalSpy scheduled(m_auth.get(), &AuthSession::authenticationScheduled);
    bool ready = false;
    m_auth->withToken(this, [&] { ready = true; }, [](const ApiError &) {});
    QCOMPARE(scheduled.size(), 1);
    QVERIFY2(scheduled.at(0).at(0).toLongLong() > LongSpacingMs / 2,
        qPrintable(QString::number(scheduled.at(0).at(0).toLongLong())));
    QVERIFY(!ready);

    // Switching to B meanwhile: B authenticates at once; A is still not asked again.
    m_auth->setBaseUrl(m_b->url());
    m_auth->setApplicationToken(QStringLiteral("token-b"));
    QVERIFY(authenticate());
    QVERIFY(ready); // the waiting request goes on with B's token: it is B's account now
    QCOMPARE(m_b->count("POST", "/authenticate"), 1);
    QCOMPARE(m_a->count("POST", "/authenticate"), 1);

    // And back on A, the spacing since A's authentication still holds.
    m_auth->setBaseUrl(m_a->url());
    m_auth->setApplicationToken(QStringLiteral("token-a"));
    scheduled.clear();
    m_auth->withToken(this, [] {}, [](const ApiError &) {});
    QCOMPARE(scheduled.size(), 1);
    QVERIFY(scheduled.at(0).at(0).toLongLong() > LongSpacingMs / 2);
    QCOMPARE(m_a->count("POST", "/authenticate"), 1);
}

QTEST_GUILESS_MAIN(TestAuthSession)
#include "tst_authsession.moc"
