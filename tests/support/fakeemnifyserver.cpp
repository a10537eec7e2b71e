// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "fakeemnifyserver.h"

#include "sim/simhttpconnection.h"
#include "sim/simhttprequest.h"
#include "sim/simhttpresponse.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QPointer>
#include <QTcpSocket>
#include <QTimeZone>
#include <QTimer>
#include <QUrl>

#include <zlib.h>

#include <algorithm>
#include <memory>
#include <utility>

namespace {

QByteArray base64Url(const QByteArray &data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray httpDate(const QDateTime &utc)
{
    return QLocale::c().toString(utc, QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'")).toLatin1();
}

// A zlib stream (HTTP "deflate") of `expanded` spaces: a few hundred kilobytes on the wire.
const QByteArray &deflateBomb()
{
    static const QByteArray bomb = [] {
        constexpr qint64 Expanded = 1024LL * 1024 * 1024;
        QByteArray out;
        z_stream stream {};
        deflateInit(&stream, 9);
        const QByteArray chunk(1024 * 1024, ' ');
        QByteArray buffer(256 * 1024, Qt::Uninitialized);
        for (qint64 done = 0; done < Expanded;) {
            done += chunk.size();
            stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(chunk.constData()));
            stream.avail_in = uInt(chunk.size());
            const int flush = done >= Expanded ? Z_FINISH : Z_NO_FLUSH;
            do {
                stream.next_out = reinterpret_cast<Bytef *>(buffer.data());
                stream.avail_out = uInt(buffer.size());
                deflate(&stream, flush);
                out.append(buffer.constData(), buffer.size() - qsizetype(stream.avail_out));
            } while (stream.avail_out == 0);
        }
        deflateEnd(&stream);
        return out;
    }();
    return bomb;
}

} // namespace

QByteArray FakeEmnifyServer::Request::header(QByteArrayView lowerName) const
{
    for (const auto &[name, value] : headers) {
        if (name == lowerName)
            return value;
    }
    return {};
}

QByteArray FakeEmnifyServer::Request::queryValue(QByteArrayView key) const
{
    for (const QByteArray &pair : query.split('&')) {
        const qsizetype equals = pair.indexOf('=');
        if (equals >= 0 && QByteArrayView(pair).first(equals) == key) {
            QByteArray value = pair.mid(equals + 1);
            value.replace('+', ' '); // form semantics, like most servers: a raw '+' is a space
            return QByteArray::fromPercentEncoding(value);
        }
    }
    return {};
}

FakeEmnifyServer::FakeEmnifyServer(QObject *parent)
    : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &FakeEmnifyServer::onNewConnection);
    const bool listening = m_server.listen(QHostAddress::LocalHost, 0);
    Q_ASSERT(listening);
    Q_UNUSED(listening)
}

FakeEmnifyServer::~FakeEmnifyServer()
{
    // The connections are our children; they must not call back into half-destroyed members.
    for (SimHttpConnection *connection : findChildren<SimHttpConnection *>(Qt::FindDirectChildrenOnly)) {
        connection->disconnect(this);
        delete connection;
    }
    m_server.close();
}

bool FakeEmnifyServer::listen(quint16 port)
{
    m_server.close();
    return m_server.listen(QHostAddress::LocalHost, port);
}

QUrl FakeEmnifyServer::url() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()));
}

QByteArray FakeEmnifyServer::eventJson(qint64 id)
{
    return QByteArrayLiteral("{\"id\":") + QByteArray::number(id)
        + QByteArrayLiteral(",\"alert\":false,\"description\":\"Event ") + QByteArray::number(id)
        + QByteArrayLiteral(
            "\",\"timestamp\":\"2024-05-01T10:00:00.000Z\",\"event_type\":{\"id\":1,\"description\":"
            "\"Update location\"},\"event_source\":{\"id\":0,\"description\":\"Network\"},"
            "\"event_severity\":{\"id\":0,\"description\":\"Info\"},\"organisation\":{\"id\":7,"
            "\"name\":\"Org\"},\"detail\":{\"n\":")
        + QByteArray::number(id) + QByteArrayLiteral("}}");
}

void FakeEmnifyServer::setEventCount(int count, qint64 firstId)
{
    m_events.clear();
    m_ids.clear();
    for (int i = count - 1; i >= 0; --i) {
        m_ids.push_back(firstId + i);
        m_events.push_back(eventJson(firstId + i));
    }
}

QList<qint64> FakeEmnifyServer::eventIds() const { return QList<qint64>(m_ids.begin(), m_ids.end()); }

int FakeEmnifyServer::count(QByteArrayView method, QByteArrayView pathSuffix) const
{
    int n = 0;
    for (const Request &request : m_requests)
        n += request.method == method && request.path.endsWith(pathSuffix);
    return n;
}

QByteArray FakeEmnifyServer::issueToken(const QJsonObject &claims)
{
    QJsonObject payload = claims;
    payload.insert(QStringLiteral("n"), ++m_tokenCounter);
    const QByteArray token = base64Url(R"({"alg":"HS384","typ":"JWT"})") + '.'
        + base64Url(QJsonDocument(payload).toJson(QJsonDocument::Compact)) + ".c2ln";
    m_validTokens.insert(token, QDateTime::currentMSecsSinceEpoch() + 3600 * 1000);
    return token;
}

void FakeEmnifyServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        auto *connection = new SimHttpConnection(socket, this);
        connect(connection, &SimHttpConnection::requestReceived, this,
            [this, connection](const SimHttpRequest &request) { handle(connection, request); });
        connect(connection, &SimHttpConnection::closed, connection, &QObject::deleteLater);
    }
}

void FakeEmnifyServer::handle(SimHttpConnection *connection, const SimHttpRequest &simRequest)
{
    Request request { simRequest.method, simRequest.path, simRequest.query, simRequest.headers,
        simRequest.body };
    m_requests.append(request);
    Q_EMIT requestReceived(request.method, request.path);
    std::optional<Response> response;
    if (hook)
        response = hook(request);
    if (!response)
        response = defaultResponse(request);
    const int delay = response->delayMs + latencyMs;
    ++m_pending;
    m_maxConcurrent = std::max(m_maxConcurrent, m_pending);
    QPointer<SimHttpConnection> guard(connection);
    QTimer::singleShot(delay, this, [this, guard, response = *response] {
        --m_pending;
        if (guard && !guard->isClosed())
            send(guard, response);
    });
}

void FakeEmnifyServer::send(SimHttpConnection *connection, const Response &response)
{
    if (response.dropBeforeResponse) {
        connection->respondRaw(QByteArray(), true);
        return;
    }
    const QDateTime serverNow = QDateTime::currentDateTimeUtc().addSecs(clockOffsetSeconds);
    const bool streamed
        = response.omitContentLength || response.fillerBytes > 0 || response.trickleIntervalMs > 0;
    if (!streamed) {
        // An ordinary answer: the connection adds Content-Length and stays open (keep-alive).
        SimHttpResponse plain;
        plain.status = response.status;
        plain.headers.append({ "Date", httpDate(serverNow) });
        if (!response.contentType.isEmpty())
            plain.headers.append({ "Content-Type", response.contentType });
        plain.headers += response.headers;
        plain.body = response.body;
        plain.dropAfterBodyBytes = response.truncateBodyAt;
        m_bytesSent += response.body.size();
        connection->respond(plain);
        return;
    }
    QByteArray head = "HTTP/1.1 " + QByteArray::number(response.status) + ' '
        + SimHttpConnection::reasonPhrase(response.status) + "\r\n";
    head += "Date: " + httpDate(serverNow) + "\r\n";
    if (!response.contentType.isEmpty())
        head += "Content-Type: " + response.contentType + "\r\n";
    if (!response.omitContentLength)
        head += "Content-Length: " + QByteArray::number(response.body.size() + response.fillerBytes) + "\r\n";
    head += "Connection: close\r\n";
    for (const auto &[name, value] : response.headers)
        head += name + ": " + value + "\r\n";
    head += "\r\n";
    if (response.trickleIntervalMs <= 0) {
        head += response.body;
        m_bytesSent += head.size();
        connection->respondRaw(head, false);
        stream(connection, QByteArray(), response.fillerBytes, 0);
        return;
    }
    m_bytesSent += head.size();
    connection->respondRaw(head, false);
    stream(connection, response.body, response.fillerBytes, response.trickleIntervalMs);
}

// Writes pending then filler: in chunks as the socket drains, or one byte per intervalMs.
void FakeEmnifyServer::stream(
    SimHttpConnection *connection, QByteArray pending, qint64 filler, int intervalMs)
{
    QTcpSocket *socket = connection->socket();
    if (!socket || connection->isClosed())
        return;
    if (intervalMs > 0) {
        if (pending.isEmpty() && filler <= 0) {
            connection->close();
            return;
        }
        if (!pending.isEmpty()) {
            socket->write(pending.left(1));
            pending.remove(0, 1);
        } else {
            socket->write("x");
            --filler;
        }
        ++m_bytesSent;
        QPointer<SimHttpConnection> guard(connection);
        QTimer::singleShot(intervalMs, this, [this, guard, pending, filler, intervalMs] {
            if (guard)
                stream(guard, pending, filler, intervalMs);
        });
        return;
    }
    // Bulk: keep about a megabyte queued and refill as it goes out.
    const QByteArray chunk(1024 * 1024, 'x');
    auto remaining = std::make_shared<qint64>(filler);
    auto refill = [this, socket, connection, chunk, remaining] {
        while (*remaining > 0 && socket->bytesToWrite() < 2 * chunk.size()) {
            const qint64 n = std::min<qint64>(*remaining, chunk.size());
            socket->write(chunk.constData(), n);
            *remaining -= n;
            m_bytesSent += n;
        }
        if (*remaining <= 0 && socket->bytesToWrite() == 0)
            connection->close();
    };
    connect(socket, &QTcpSocket::bytesWritten, connection, refill);
    refill();
}

FakeEmnifyServer::Response FakeEmnifyServer::defaultResponse(const Request &request)
{
    Response response;
    const auto header = [this](const char *lower, const char *mixed) {
        return QByteArray(mixedCaseHeaders ? mixed : lower);
    };
    if (request.method == "POST" && request.path == "/api/v1/authenticate") {
        const QJsonObject body = QJsonDocument::fromJson(request.body).object();
        if (body.value(QLatin1String("application_token")).toString().toUtf8() != applicationToken) {
            response.status = 401;
            return response; // emnify sends an empty body for most authentication failures
        }
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        const qint64 serverNow = now + clockOffsetSeconds;
        const QByteArray token
            = issueToken(QJsonObject { { QStringLiteral("iat"), serverNow - tokenIssuedSecondsAgo },
                { QStringLiteral("exp"), serverNow + tokenTtlSeconds } });
        m_validTokens.insert(token, (now + tokenTtlSeconds) * 1000);
        response.body = R"({"auth_token":")" + token + R"("})";
        return response;
    }
    const QByteArray authorization = request.header("authorization");
    const QByteArray bearer = authorization.startsWith("Bearer ") ? authorization.mid(7) : QByteArray();
    const auto valid = m_validTokens.constFind(bearer);
    if (valid == m_validTokens.cend() || *valid < QDateTime::currentMSecsSinceEpoch()) {
        response.status = 401;
        response.body = R"({"message":"token contains an invalid number of segments"})";
        return response;
    }
    if (request.method == "GET" && request.path == "/api/v1/event/type") {
        response.body
            = R"([{"id":1,"description":"Update location"},{"id":3,"description":"Create PDP Context"}])";
        return response;
    }
    if (request.method == "GET" && request.path.endsWith("/event")) {
        const int asked = request.queryValue("per_page").toInt();
        const int perPage = asked < 1 ? 100 : std::min(asked, maxPerPage);
        const int total = int(m_events.size());
        const int pages = std::max(1, (total + perPage - 1) / perPage);
        const int page = std::clamp(request.queryValue("page").toInt(), 1, pages); // past the end: last
        QByteArray body = "[";
        for (int i = (page - 1) * perPage; i < std::min(total, page * perPage); ++i) {
            if (body.size() > 1)
                body += ',';
            body += m_events[size_t(i)];
        }
        body += ']';
        response.body = body;
        if (sendPagingHeaders) {
            response.headers = {
                { header("x-total-count", "X-Total-Count"), QByteArray::number(total) },
                { header("x-total-pages", "X-Total-Pages"), QByteArray::number(pages) },
                { header("x-current-page", "X-Current-Page"), QByteArray::number(page) },
                { header("x-count-per-page", "X-Count-Per-Page"),
                    QByteArray::number(countPerPageEchoesRequest ? asked : perPage) },
                { "Link", "" },
            };
        }
        return response;
    }
    response.status = 404;
    response.body = R"({"error_code":1201,"error_token":"NotFound","message":"no such path"})";
    return response;
}

// ---- the hostile cases of issue 10 ----

QStringList FakeEmnifyServer::scenarioNames()
{
    return { QStringLiteral("auth-storm"), QStringLiteral("clock-behind"),
        QStringLiteral("malformed-element"), QStringLiteral("huge-page"), QStringLiteral("huge-page-unsized"),
        QStringLiteral("deflate-bomb"), QStringLiteral("html"), QStringLiteral("trickle"),
        QStringLiteral("retry-after-huge"), QStringLiteral("retry-after-overflow"),
        QStringLiteral("retry-after-short"), QStringLiteral("total-pages-huge"),
        QStringLiteral("total-count-huge"), QStringLiteral("jwt-exp-huge"),
        QStringLiteral("jwt-exp-overflow"), QStringLiteral("shortfall"), QStringLiteral("slow"), QStringLiteral("page-fails") };
}

QString FakeEmnifyServer::scenarioDescription(const QString &name)
{
    static const QHash<QString, QString> descriptions {
        { QStringLiteral("auth-storm"),
            QStringLiteral("tokens expire 30 s after issue and carry an iat an hour old") },
        { QStringLiteral("clock-behind"),
            QStringLiteral("token ttl 300 s, the server's clock 290 s behind") },
        { QStringLiteral("malformed-element"),
            QStringLiteral("one page [id 1, id 2 with a syntax error, id 3, id 4]") },
        { QStringLiteral("huge-page"), QStringLiteral("page 1 is 200 MB (Content-Length given)") },
        { QStringLiteral("huge-page-unsized"), QStringLiteral("page 1 is 200 MB, no Content-Length") },
        { QStringLiteral("deflate-bomb"),
            QStringLiteral("page 1 is a deflate stream that expands to 1 GiB") },
        { QStringLiteral("html"), QStringLiteral("page 1 is an HTML login page with status 200") },
        { QStringLiteral("trickle"), QStringLiteral("page 1 arrives at one byte per second") },
        { QStringLiteral("retry-after-huge"), QStringLiteral("every page: 429 with Retry-After: 100000") },
        { QStringLiteral("retry-after-overflow"),
            QStringLiteral("every page: 429 with Retry-After: 99999999999999999") },
        { QStringLiteral("retry-after-short"),
            QStringLiteral("the first page request: 429 with Retry-After: 2") },
        { QStringLiteral("total-pages-huge"),
            QStringLiteral("10 events, X-Total-Pages: 1000000000, later pages empty") },
        { QStringLiteral("total-count-huge"),
            QStringLiteral("10 events, X-Total-Count: 2^63-1, no X-Total-Pages") },
        { QStringLiteral("jwt-exp-huge"), QStringLiteral("auth tokens with exp 1e300") },
        { QStringLiteral("jwt-exp-overflow"), QStringLiteral("auth tokens with exp 9223372036854775") },
        { QStringLiteral("shortfall"), QStringLiteral("X-Total-Count: 50 but 10 events") },
        { QStringLiteral("slow"), QStringLiteral("5000 events, 300 ms before each response") },
        { QStringLiteral("page-fails"),
            QStringLiteral("4800 events of the last 80 hours, 100 a page; page 2 always answers 503") },
    };
    return descriptions.value(name);
}

bool FakeEmnifyServer::applyScenario(const QString &name)
{
    if (!scenarioNames().contains(name))
        return false;
    const auto pageHook = [this](std::function<std::optional<Response>(const Request &, int page)> answer) {
        hook = [answer](const Request &request) -> std::optional<Response> {
            if (request.method != "GET" || !request.path.endsWith("/event"))
                return std::nullopt;
            return answer(request, std::max(1, request.queryValue("page").toInt()));
        };
    };
    const auto tenEvents = [] {
        QByteArray body = "[";
        for (int i = 0; i < 10; ++i)
            body += (i ? "," : "") + eventJson(2000 - i);
        return body + ']';
    };
    setEventCount(250);
    if (name == QLatin1String("auth-storm")) {
        tokenTtlSeconds = 30;
        tokenIssuedSecondsAgo = 3600;
    } else if (name == QLatin1String("clock-behind")) {
        tokenTtlSeconds = 300;
        clockOffsetSeconds = -290;
    } else if (name == QLatin1String("malformed-element")) {
        pageHook([](const Request &, int) {
            QByteArray broken = eventJson(2);
            broken.replace("\"alert\":false", "\"alert\":false,,");
            return Response { 200,
                { { "X-Total-Count", "4" }, { "X-Total-Pages", "1" }, { "X-Current-Page", "1" } },
                '[' + eventJson(1) + ',' + broken + ',' + eventJson(3) + ',' + eventJson(4) + ']' };
        });
    } else if (name == QLatin1String("huge-page") || name == QLatin1String("huge-page-unsized")) {
        const bool unsized = name == QLatin1String("huge-page-unsized");
        pageHook([unsized](const Request &, int) {
            Response response { 200, { { "X-Total-Count", "1" }, { "X-Total-Pages", "1" } }, "[" };
            response.fillerBytes = 200LL * 1000 * 1000;
            response.omitContentLength = unsized;
            return response;
        });
    } else if (name == QLatin1String("deflate-bomb")) {
        pageHook([](const Request &, int) {
            return Response { 200, { { "Content-Encoding", "deflate" }, { "X-Total-Pages", "1" } },
                deflateBomb() };
        });
    } else if (name == QLatin1String("html")) {
        pageHook([](const Request &, int) {
            Response response { 200, {},
                "<!DOCTYPE html><html><head><title>Sign in</title></head><body>Please sign in to use "
                "this network.</body></html>" };
            response.contentType = "text/html; charset=utf-8";
            return response;
        });
    } else if (name == QLatin1String("trickle")) {
        pageHook([](const Request &, int) {
            Response response { 200, { { "X-Total-Pages", "1" } }, '[' + eventJson(1) + ']' };
            response.fillerBytes = 1000000;
            response.trickleIntervalMs = 1000;
            return response;
        });
    } else if (name == QLatin1String("retry-after-huge") || name == QLatin1String("retry-after-overflow")) {
        const QByteArray value = name == QLatin1String("retry-after-huge") ? "100000" : "99999999999999999";
        pageHook([value](const Request &, int) {
            return Response { 429, { { "Retry-After", value } },
                R"({"error_code":1105,"error_token":"TooManyRequests","message":"slow down"})" };
        });
    } else if (name == QLatin1String("retry-after-short")) {
        auto sent = std::make_shared<bool>(false);
        pageHook([sent](const Request &, int) -> std::optional<Response> {
            if (std::exchange(*sent, true))
                return std::nullopt;
            return Response { 429, { { "Retry-After", "2" } },
                R"({"error_code":1105,"error_token":"TooManyRequests","message":"slow down"})" };
        });
    } else if (name == QLatin1String("total-pages-huge") || name == QLatin1String("total-count-huge")) {
        const bool pages = name == QLatin1String("total-pages-huge");
        pageHook([pages, tenEvents](const Request &, int page) {
            Response response { 200, {}, page == 1 ? tenEvents() : QByteArray("[]") };
            if (pages)
                response.headers = { { "X-Total-Pages", "1000000000" }, { "X-Total-Count", "10000000000" } };
            else
                response.headers = { { "X-Total-Count", "9223372036854775807" } };
            return response;
        });
    } else if (name == QLatin1String("jwt-exp-huge") || name == QLatin1String("jwt-exp-overflow")) {
        const bool huge = name == QLatin1String("jwt-exp-huge");
        hook = [this, huge](const Request &request) -> std::optional<Response> {
            if (request.method != "POST")
                return std::nullopt;
            QJsonObject claims { { QStringLiteral("iat"), QDateTime::currentSecsSinceEpoch() } };
            if (huge)
                claims.insert(QStringLiteral("exp"), 1e300);
            else
                claims.insert(QStringLiteral("exp"), qint64(9223372036854775LL));
            return Response { 200, {}, R"({"auth_token":")" + issueToken(claims) + R"("})" };
        };
    } else if (name == QLatin1String("shortfall")) {
        pageHook([tenEvents](const Request &, int) {
            return Response { 200, { { "X-Total-Count", "50" }, { "X-Total-Pages", "1" } }, tenEvents() };
        });
    } else if (name == QLatin1String("page-fails")) {
        maxPerPage = 100;
        // Recent times, so that the viewer's default range shows what arrived before the failure.
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        m_events.clear();
        m_ids.clear();
        for (int i = 0; i < 4800; ++i) {
            const qint64 id = 100000 - i;
            m_ids.push_back(id);
            m_events.push_back(eventJson(id).replace("2024-05-01T10:00:00.000Z",
                QDateTime::fromMSecsSinceEpoch(now - qint64(i) * 60000, Qt::UTC).toString(Qt::ISODateWithMs).toUtf8()));
        }
        pageHook([](const Request &, int page) -> std::optional<Response> {
            if (page != 2)
                return std::nullopt;
            return Response { 503, {}, R"({"message":"Service Unavailable"})" };
        });
    } else if (name == QLatin1String("slow")) {
        setEventCount(5000);
        latencyMs = 300;
    }
    return true;
}
