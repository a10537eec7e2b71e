// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "sim/emnifysimulator.h"

#include "api/eventjson.h"
#include "api/eventparser.h"
#include "api/ratelimiter.h"
#include "model/eventstore.h"
#include "model/eventtypecatalogue.h"
#include "sim/accountgenerator.h"
#include "sim/base64url.h"
#include "sim/simeventquery.h"
#include "sim/simhttpconnection.h"
#include "sim/splitmix64.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <cmath>

Q_LOGGING_CATEGORY(lcSim, "eventviewer.sim")

namespace {

constexpr int MaxCachedQueries = 32;

// Query parameters; '+' means a space as in HTML forms (what the API's Java stack does).
QHash<QByteArray, QString> parseQuery(const QByteArray &query)
{
    QHash<QByteArray, QString> params;
    for (const QByteArray &pair : query.split('&')) {
        if (pair.isEmpty())
            continue;
        const qsizetype eq = pair.indexOf('=');
        QByteArray key = eq < 0 ? pair : pair.left(eq);
        QByteArray value = eq < 0 ? QByteArray() : pair.mid(eq + 1);
        key.replace('+', ' ');
        value.replace('+', ' ');
        params.insert(
            QByteArray::fromPercentEncoding(key), QString::fromUtf8(QByteArray::fromPercentEncoding(value)));
    }
    return params;
}

// Like EventStore::event(), but through one PayloadReader so a page decompresses each block once.
Event rowEvent(const EventStore &store, EventStore::PayloadReader &reader, qsizetype row)
{
    Event e;
    e.id = store.id(row);
    e.timestampMs = store.timestampMs(row);
    e.alert = store.alert(row);
    e.description = QString::fromUtf8(store.descriptionUtf8(row));
    auto ref = [](const EventStore::NamedId &n) { return EventRef { n.id, n.name }; };
    e.type = ref(store.types()[store.typeIndex(row)]);
    e.source = ref(store.sources()[store.sourceIndex(row)]);
    e.severity = ref(store.severities()[store.severityIndex(row)]);
    if (store.organisationIndex(row) != EventStore::None)
        e.organisation = ref(store.organisations()[store.organisationIndex(row)]);
    if (store.userIndex(row) != EventStore::None)
        e.user = store.users()[store.userIndex(row)];
    if (store.endpointIndex(row) != EventStore::None)
        e.endpoint = store.endpoints()[store.endpointIndex(row)];
    if (store.simIndex(row) != EventStore::None)
        e.sim = store.sims()[store.simIndex(row)];
    if (store.imsiIndex(row) != EventStore::None)
        e.imsi = store.imsis()[store.imsiIndex(row)];
    e.detailJson = reader.detailJson(row).toByteArray();
    e.extraJson = reader.extraJson(row).toByteArray();
    return e;
}

} // namespace

EmnifySimulator::EmnifySimulator(QObject *parent)
    : QObject(parent)
    , m_server(new QTcpServer(this))
    , m_store(std::make_unique<EventStore>())
{
    // The JWT signing key is random per instance: tokens of another simulator run are invalid.
    m_jwtSecret.resize(32);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(m_jwtSecret.data()), 8);
    m_faults = SplitMix64(m_config.faultSeed);
    connect(m_server, &QTcpServer::newConnection, this, &EmnifySimulator::acceptConnections);
}

EmnifySimulator::~EmnifySimulator() = default;

bool EmnifySimulator::listen(quint16 port)
{
    if (!m_server->listen(QHostAddress::LocalHost, port)) {
        qCWarning(lcSim) << "cannot listen on 127.0.0.1 port" << port << m_server->errorString();
        return false;
    }
    return true;
}

quint16 EmnifySimulator::port() const { return m_server->serverPort(); }

QUrl EmnifySimulator::baseUrl() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port())); }

void EmnifySimulator::setConfig(const EmnifySimulatorConfig &config)
{
    if (config.faultSeed != m_config.faultSeed)
        m_faults = SplitMix64(config.faultSeed);
    m_config = config;
    m_config.defaultPerPage = std::max(1, m_config.defaultPerPage);
    m_config.maxPerPage = std::max(1, m_config.maxPerPage);
    // Bursts up to the rate (at least one request), as the real API's buckets do.
    m_rateLimiter.reset();
    if (m_config.rateLimitPerSecond > 0)
        m_rateLimiter = std::make_unique<::RateLimiter>(
            m_config.rateLimitPerSecond, std::max(1, int(m_config.rateLimitPerSecond)));
    if (m_config.growEventsPerMinute > 0) {
        if (!m_growTimer) {
            m_growTimer = new QTimer(this);
            connect(m_growTimer, &QTimer::timeout, this, &EmnifySimulator::grow);
        }
        m_growStartedMs = QDateTime::currentMSecsSinceEpoch();
        m_grown = 0;
        // A tick a second, or one per event when they are rarer: each tick adds what is due.
        m_growTimer->start(std::clamp(60000 / m_config.growEventsPerMinute, 200, 1000));
    } else if (m_growTimer) {
        m_growTimer->stop();
    }
}

void EmnifySimulator::grow()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 due = (now - m_growStartedMs) * m_config.growEventsPerMinute / 60000;
    if (due > m_grown) {
        growBy(due - m_grown, now);
        m_grown = due;
    }
}

std::vector<qint64> EmnifySimulator::growBy(qsizetype count, qint64 nowMs)
{
    std::vector<qint64> ids;
    if (m_store->size() == 0 || count <= 0)
        return ids;
    qint64 nextId = 0;
    for (qsizetype row = 0; row < m_store->size(); ++row)
        nextId = std::max(nextId, m_store->id(row) + 1);
    std::vector<Event> events;
    events.reserve(size_t(count));
    for (qsizetype i = 0; i < count; ++i) {
        // A random event of the account, as if it happened again now.
        Event e = m_store->event(qsizetype(m_growth.below(quint64(m_store->size()))));
        e.id = nextId++;
        e.timestampMs = nowMs;
        ids.push_back(e.id);
        events.push_back(std::move(e));
    }
    appendEvents(std::move(events));
    return ids;
}

void EmnifySimulator::setEvents(std::vector<Event> events)
{
    m_store->clear();
    appendEvents(std::move(events));
}

void EmnifySimulator::appendEvents(std::vector<Event> events)
{
    m_store->append(std::move(events));
    dataChanged();
}

void EmnifySimulator::generateEvents(qsizetype count, quint64 seed, qint64 nowMs)
{
    setStore(generateStore(count, seed, nowMs));
}

std::unique_ptr<EventStore> EmnifySimulator::generateStore(
    qsizetype count, quint64 seed, qint64 nowMs, std::atomic<qsizetype> *done)
{
    auto store = std::make_unique<EventStore>();
    // Streamed in batches so that a million events never exist as Event values all at once.
    std::vector<Event> batch;
    batch.reserve(8192);
    qsizetype generated = 0;
    // Orders in every state: what the demo and emnify-sim serve (see AccountGenerator::OrderStates).
    AccountGenerator::generate(
        count, seed, nowMs,
        [&](Event &&e) {
            batch.push_back(std::move(e));
            if (batch.size() == 8192) {
                store->append(std::move(batch));
                batch.clear();
                generated += 8192;
                if (done)
                    done->store(generated, std::memory_order_relaxed);
            }
        },
        AccountGenerator::OrderStates::Every);
    store->append(std::move(batch));
    if (done)
        done->store(count, std::memory_order_relaxed);
    return store;
}

void EmnifySimulator::setStore(std::unique_ptr<EventStore> store)
{
    m_store = store ? std::move(store) : std::make_unique<EventStore>();
    dataChanged();
}

bool EmnifySimulator::loadEventsFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot open %1: %2").arg(path, file.errorString());
        return false;
    }
    ParseResult result = EventParser::parse(file.readAll());
    if (!result.isOk()) {
        *error = QStringLiteral("%1: %2").arg(path, result.error);
        return false;
    }
    for (const ParseIssue &issue : std::as_const(result.issues))
        qCWarning(lcSim) << "skipping element" << issue.index << "of" << path << ":" << issue.reason;
    m_store->clear();
    m_store->append(result.batch);
    dataChanged();
    return true;
}

qsizetype EmnifySimulator::eventCount() const { return m_store->size(); }

std::vector<qint64> EmnifySimulator::eventIds() const
{
    std::vector<qint64> ids(size_t(m_store->size()));
    for (qsizetype row = 0; row < m_store->size(); ++row)
        ids[size_t(row)] = m_store->id(row);
    return ids;
}

Event EmnifySimulator::event(qsizetype row) const { return m_store->event(row); }

void EmnifySimulator::dataChanged() { m_cache.clear(); }

QByteArray EmnifySimulator::issueToken()
{
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    const qint64 iat = nowMs / 1000;
    // Rounded up: a token never expires before its full TTL has passed.
    const qint64 exp = (nowMs + qint64(m_config.tokenTtlSeconds) * 1000 + 999) / 1000;
    const QByteArray header = base64Url(R"({"alg":"HS256","typ":"JWT"})");
    const QJsonObject claims { { QStringLiteral("aud"), QStringLiteral("/api/v1/authentication") },
        { QStringLiteral("esc.app"), qint64(++m_tokenSerial) },
        { QStringLiteral("esc.org"), m_config.organisationId },
        { QStringLiteral("esc.orgName"), m_config.organisationName },
        { QStringLiteral("iss"), QStringLiteral("emnify-sim") }, { QStringLiteral("iat"), iat },
        { QStringLiteral("exp"), exp } };
    const QByteArray payload = base64Url(QJsonDocument(claims).toJson(QJsonDocument::Compact));
    const QByteArray signingInput = header + '.' + payload;
    return signingInput + '.'
        + base64Url(QMessageAuthenticationCode::hash(signingInput, m_jwtSecret, QCryptographicHash::Sha256));
}

void EmnifySimulator::acceptConnections()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        auto *connection = new SimHttpConnection(socket, this);
        connect(connection, &SimHttpConnection::requestReceived, this,
            [this, connection](const SimHttpRequest &request) { handle(connection, request); });
        connect(connection, &SimHttpConnection::closed, connection, &QObject::deleteLater);
    }
}

void EmnifySimulator::handle(SimHttpConnection *connection, const SimHttpRequest &request)
{
    ++m_stats.requests;
    SimHttpResponse response;
    bool isPage = false;
    // The client's token bucket, used the other way round: a request without a token is refused.
    const qint64 waitMs = m_rateLimiter ? m_rateLimiter->tryAcquire(RateLimiter::nowMs()) : 0;
    if (waitMs > 0) {
        const qint64 retryAfter = std::max<qint64>(1, (waitMs + 999) / 1000); // whole seconds, at least 1
        ++m_stats.rateLimited;
        response = errorResponse(
            429, 1105, "TooManyRequests", QStringLiteral("Too many requests, rate limit exceeded"));
        if (m_config.retryAfter)
            response.headers.append(qMakePair(QByteArray("retry-after"), QByteArray::number(retryAfter)));
    } else {
        response = route(request, &isPage);
    }
    if (response.status == 401)
        ++m_stats.unauthorized;
    Q_EMIT requestHandled(request.method, request.path, response.status);
    if (m_config.latencyMs <= 0) {
        connection->respond(response);
        return;
    }
    // The connection is the timer's context: a closed connection cancels its pending answer.
    QTimer::singleShot(
        m_config.latencyMs, connection, [connection, response]() { connection->respond(response); });
}

SimHttpResponse EmnifySimulator::route(const SimHttpRequest &request, bool *isPage)
{
    QByteArray path = request.path;
    while (path.size() > 1 && path.endsWith('/'))
        path.chop(1);
    if (path == "/api/v1/authenticate") {
        if (request.method != "POST")
            return errorResponse(405, 1000, "MethodNotAllowed", QStringLiteral("Use POST"));
        return authenticate(request);
    }
    const QList<QByteArray> parts = path.split('/'); // "", "api", "v1", ...
    const bool allEvents = path == "/api/v1/event";
    const bool eventTypeList = path == "/api/v1/event/type";
    const bool scoped = parts.size() == 6 && parts[1] == "api" && parts[2] == "v1" && parts[5] == "event"
        && (parts[3] == "endpoint" || parts[3] == "sim" || parts[3] == "user" || parts[3] == "organisation"
            || parts[3] == "imsi");
    if (!allEvents && !eventTypeList && !scoped)
        return errorResponse(
            404, 1201, "NotFound", QStringLiteral("No resource at %1").arg(QString::fromUtf8(path)));
    if (request.method != "GET")
        return errorResponse(405, 1000, "MethodNotAllowed", QStringLiteral("Use GET"));
    if (auto denied = checkBearer(request))
        return *denied;

    // Faults that hit any authenticated GET before it is served.
    if (m_config.errorRate > 0 && m_faults.unit() < m_config.errorRate) {
        ++m_stats.errorsInjected;
        switch (m_faults.next() % 3) {
        case 0:
            return errorResponse(500, 1000, "InternalServerError",
                QStringLiteral("Unexpected error (injected by the simulator)"));
        case 1: {
            SimHttpResponse r;
            r.status = 502;
            r.headers.append(qMakePair(QByteArray("content-type"), QByteArray("text/html")));
            r.body = "<html><body><h1>502 Bad Gateway</h1></body></html>";
            return r;
        }
        default:
            return jsonResponse(503, R"({"message":"Service Unavailable"})");
        }
    }

    SimHttpResponse response;
    if (eventTypeList) {
        response = eventTypes();
    } else if (allEvents) {
        response = eventList(request, "all", 0);
        *isPage = response.status == 200;
    } else {
        bool ok = false;
        const qint64 id = parts[4].toLongLong(&ok);
        if (parts[3] == "user" && parts[4] == "my") {
            // Application tokens carry no user: "my" events are none.
            response = eventList(request, "user", -2);
        } else if (!ok) {
            return errorResponse(400, 1000, "BadRequest",
                QStringLiteral("Cannot parse parameter id as Long: For input string: \"%1\"")
                    .arg(QString::fromUtf8(QByteArray::fromPercentEncoding(parts[4]))));
        } else {
            response = eventList(request, parts[3], id);
        }
        *isPage = response.status == 200;
    }
    injectFaults(&response, *isPage);
    return response;
}

void EmnifySimulator::injectFaults(SimHttpResponse *response, bool isPage)
{
    if (isPage && m_config.malformedRate > 0 && m_faults.unit() < m_config.malformedRate) {
        ++m_stats.malformed;
        QByteArray &body = response->body;
        if (m_faults.next() % 2 == 0 || body.size() < 4) {
            // Truncated: a JSON array without its end is never valid.
            body.truncate(std::max<qsizetype>(
                1, qsizetype(m_faults.next() % quint64(std::max<qsizetype>(1, body.size() - 1)))));
        } else {
            // Garbled: a raw NUL byte is invalid anywhere in JSON, inside a string or not.
            const qsizetype at = 1 + qsizetype(m_faults.next() % quint64(body.size() - 2));
            body.replace(at, 2, QByteArray("\0\xff", 2));
        }
    }
    if (m_config.dropRate > 0 && m_faults.unit() < m_config.dropRate) {
        ++m_stats.drops;
        const qsizetype half = std::max<qsizetype>(1, response->body.size() / 2);
        response->dropAfterBodyBytes
            = std::min(response->body.size(), qsizetype(m_faults.next() % quint64(half)) + 1);
        if (response->body.size() <= 1)
            response->dropAfterBodyBytes = 0;
    }
}

std::optional<SimHttpResponse> EmnifySimulator::checkBearer(const SimHttpRequest &request)
{
    const QByteArray authorization = request.header("authorization");
    if (!authorization.startsWith("Bearer ") && !authorization.startsWith("bearer "))
        return errorResponse(401, 1102, "InvalidToken", QStringLiteral("Missing bearer token"));
    const QByteArray token = authorization.mid(7).trimmed();
    const QList<QByteArray> parts = token.split('.');
    if (parts.size() != 3) // what the real API gateway answers
        return jsonResponse(401, R"({"message":"token contains an invalid number of segments"})");
    const QByteArray expected = base64Url(
        QMessageAuthenticationCode::hash(parts[0] + '.' + parts[1], m_jwtSecret, QCryptographicHash::Sha256));
    if (expected != parts[2])
        return errorResponse(401, 1102, "InvalidToken", QStringLiteral("Invalid token signature"));
    const QJsonObject claims
        = QJsonDocument::fromJson(QByteArray::fromBase64(parts[1], QByteArray::Base64UrlEncoding)).object();
    const qint64 exp = claims.value(QLatin1String("exp")).toInteger();
    if (QDateTime::currentMSecsSinceEpoch() >= exp * 1000)
        return errorResponse(401, 1103, "TokenExpired", QStringLiteral("Token expired"));
    return std::nullopt;
}

SimHttpResponse EmnifySimulator::authenticate(const SimHttpRequest &request)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return errorResponse(400, 1000, "BadRequest", QStringLiteral("Malformed request body"));
    const QJsonValue token = doc.object().value(QLatin1String("application_token"));
    if (!token.isString()) {
        if (doc.object().contains(QLatin1String("username"))
            || doc.object().contains(QLatin1String("refresh_token")))
            return errorResponse(
                401, 1101, "InvalidCredentials", QStringLiteral("Only application tokens are supported"));
        return errorResponse(400, 1000, "BadRequest", QStringLiteral("Missing application_token"));
    }
    const QString value = token.toString();
    const bool accepted = m_config.applicationTokens.isEmpty() ? !value.isEmpty()
                                                               : m_config.applicationTokens.contains(value);
    if (!accepted)
        return errorResponse(401, 1101, "InvalidCredentials", QStringLiteral("Invalid Application Token"));
    SimHttpResponse response = jsonResponse(200, R"({"auth_token":")" + issueToken() + "\"}");
    response.headers.front().second = "application/json; charset=UTF-8"; // as observed
    return response;
}

SimHttpResponse EmnifySimulator::eventTypes()
{
    QByteArray body = "[";
    bool first = true;
    for (const EventTypeCatalogue::Type &type : EventTypeCatalogue::builtIn().types()) {
        if (!first)
            body += ',';
        first = false;
        body += "{\"id\":" + QByteArray::number(type.id) + ",\"description\":";
        EventJson::appendString(body, type.name);
        body += '}';
    }
    body += ']';
    return jsonResponse(200, body);
}

SimHttpResponse EmnifySimulator::eventList(
    const SimHttpRequest &request, const QByteArray &scopeKind, qint64 scopeId)
{
    const QHash<QByteArray, QString> params = parseQuery(request.query);
    auto intParam = [&](const QByteArray &name, qint64 fallback, bool *ok) {
        *ok = true;
        if (!params.contains(name) || params.value(name).isEmpty())
            return fallback;
        return params.value(name).trimmed().toLongLong(ok);
    };
    bool pageOk = false, perPageOk = false;
    qint64 page = intParam("page", 1, &pageOk);
    qint64 perPage = intParam("per_page", m_config.defaultPerPage, &perPageOk);
    if (!pageOk || !perPageOk)
        return errorResponse(400, 1000, "BadRequest", QStringLiteral("page and per_page must be integers"));
    // The documented paging rules: page < 1 is the first, per_page < 1 the default, too big the max.
    page = std::max<qint64>(1, page);
    if (perPage < 1)
        perPage = m_config.defaultPerPage;
    perPage = std::min<qint64>(perPage, m_config.maxPerPage);
    const QString sort = params.value("sort").trimmed();
    const QString q = params.value("q").trimmed();

    const QString cacheKey
        = QString::fromLatin1(scopeKind) + u'/' + QString::number(scopeId) + u'?' + sort + u'&' + q;
    std::shared_ptr<const std::vector<uint32_t>> rows;
    auto cached = m_cache.find(cacheKey);
    if (cached != m_cache.end()) {
        cached->lastUse = ++m_cacheClock;
        rows = cached->rows;
    } else {
        SimEventQuery query;
        if (auto error = query.parse(sort, q))
            return errorResponse(error->status, error->code, error->token, error->message);
        static const QHash<QByteArray, SimEventQuery::Scope> scopes = {
            { "all", SimEventQuery::Scope::All },
            { "endpoint", SimEventQuery::Scope::Endpoint },
            { "sim", SimEventQuery::Scope::Sim },
            { "user", SimEventQuery::Scope::User },
            { "organisation", SimEventQuery::Scope::Organisation },
            { "imsi", SimEventQuery::Scope::Imsi },
        };
        query.setScope(scopes.value(scopeKind), scopeId);
        rows = std::make_shared<const std::vector<uint32_t>>(query.run(*m_store));
        if (m_cache.size() >= MaxCachedQueries) {
            auto oldest = m_cache.begin();
            for (auto it = m_cache.begin(); it != m_cache.end(); ++it) {
                if (it->lastUse < oldest->lastUse)
                    oldest = it;
            }
            m_cache.erase(oldest);
        }
        m_cache.insert(cacheKey, CachedRows { rows, ++m_cacheClock });
    }

    const qint64 total = qint64(rows->size());
    const qint64 totalPages = (total + perPage - 1) / perPage;
    // The documented quirk: a page past the end returns the last page again.
    page = std::min(page, std::max<qint64>(1, totalPages));
    const qint64 begin = std::min(total, (page - 1) * perPage);
    const qint64 end = std::min(total, begin + perPage);

    SimHttpResponse response;
    response.body.reserve((end - begin) * 700 + 2);
    response.body += '[';
    appendPage(response.body, *rows, begin, end);
    response.body += ']';
    ++m_stats.pagesServed;

    auto link = [&](qint64 target, const char *rel) {
        QByteArray url = baseUrl().toEncoded() + request.path + "?page=" + QByteArray::number(target)
            + "&per_page=" + QByteArray::number(perPage);
        if (!sort.isEmpty())
            url += "&sort=" + QUrl::toPercentEncoding(sort);
        if (!q.isEmpty())
            url += "&q=" + QUrl::toPercentEncoding(q);
        return '<' + url + ">;rel=\"" + rel + '"';
    };
    const qint64 lastPage = std::max<qint64>(1, totalPages);
    QByteArrayList links { link(1, "first") };
    if (page > 1)
        links += link(page - 1, "prev");
    if (page < lastPage)
        links += link(page + 1, "next");
    links += link(lastPage, "last");

    response.headers = {
        { "content-type", "application/json; charset=utf-8" },
        { "x-total-count", QByteArray::number(total) },
        { "x-total-pages", QByteArray::number(totalPages) },
        { "x-current-page", QByteArray::number(page) },
        { "x-count-per-page", QByteArray::number(perPage) },
        { "x-sort", sort.isEmpty() ? QByteArray("id") : sort.toUtf8() },
        { "link", links.join(", ") },
    };
    if (!q.isEmpty()) {
        QByteArray filter = q.toUtf8();
        for (char &c : filter) {
            if (uchar(c) < 0x20) // no header injection through a decoded q
                c = ' ';
        }
        response.headers.append(qMakePair(QByteArray("x-filter"), filter));
    }
    return response;
}

void EmnifySimulator::appendPage(
    QByteArray &out, const std::vector<uint32_t> &rows, qsizetype begin, qsizetype end) const
{
    EventStore::PayloadReader reader(*m_store);
    for (qsizetype i = begin; i < end; ++i) {
        if (i > begin)
            out += ',';
        EventJson::append(out, rowEvent(*m_store, reader, rows[size_t(i)]));
    }
}

SimHttpResponse EmnifySimulator::jsonResponse(int status, const QByteArray &body)
{
    SimHttpResponse response;
    response.status = status;
    response.headers.append(
        qMakePair(QByteArray("content-type"), QByteArray("application/json; charset=utf-8")));
    response.body = body;
    return response;
}

SimHttpResponse EmnifySimulator::errorResponse(
    int status, int code, const QByteArray &token, const QString &message)
{
    QByteArray body
        = R"({"error_code":)" + QByteArray::number(code) + R"(,"error_token":")" + token + R"(","message":)";
    EventJson::appendString(body, message);
    body += '}';
    return jsonResponse(status, body);
}
