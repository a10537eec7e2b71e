// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
// bench_pull: pulls N events from an in-process simulator that adds L ms per request, with
// EventApiClient (page 1, then up to 4 pages in flight under the 5 req/s limiter) and with a plain
// sequential pager (one request after the other, no limiter), and prints the throughput.
// Usage: bench_pull [--events N] [--latency-ms L] [--per-page P]
#include "api/eventapiclient.h"
#include "api/eventparser.h"
#include "sim/emnifysimulator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QUrlQuery>

#include <cstdio>

namespace {

struct Result
{
    qint64 events = 0;
    int requests = 0;
    qint64 elapsedMs = 0;
    qint64 rateLimitWaitMs = 0;
    QString error;
};

QByteArray waitFor(QNetworkReply *reply)
{
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    reply->deleteLater();
    return reply->readAll();
}

// The baseline: what a simple client does. Page after page, one in flight, parse on this thread.
Result sequentialPull(QNetworkAccessManager &network, const QUrl &base, int perPage)
{
    Result result;
    QElapsedTimer timer;
    timer.start();
    QNetworkRequest authenticate(QUrl(base.toString() + QLatin1String("/api/v1/authenticate")));
    authenticate.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    const QByteArray token
        = QJsonDocument::fromJson(waitFor(network.post(authenticate, R"({"application_token":"bench"})")))
              .object()
              .value(QLatin1String("auth_token"))
              .toString()
              .toUtf8();
    ++result.requests;
    int totalPages = 1;
    for (int page = 1; page <= totalPages; ++page) {
        QUrl url(base.toString() + QLatin1String("/api/v1/event"));
        url.setQuery(QStringLiteral("page=%1&per_page=%2").arg(page).arg(perPage)
            + QLatin1String("&sort=-timestamp%2Cid"));
        QNetworkRequest request(url);
        request.setRawHeader("Authorization", "Bearer " + token);
        QNetworkReply *reply = network.get(request);
        const QByteArray body = waitFor(reply);
        ++result.requests;
        if (reply->error() != QNetworkReply::NoError) {
            result.error = reply->errorString();
            break;
        }
        totalPages = reply->rawHeader("x-total-pages").toInt();
        result.events += qint64(EventParser::parse(body).batch.size());
    }
    result.elapsedMs = timer.elapsed();
    return result;
}

Result clientPull(QNetworkAccessManager &network, const QUrl &base, const EventApiClient::Options &options)
{
    Result result;
    EventApiClient client(&network);
    client.setOptions(options);
    (void)client.setBaseUrl(base);
    client.setApplicationToken(QStringLiteral("bench"));
    QEventLoop loop;
    QObject::connect(&client, &EventApiClient::eventsReceived, &loop,
        [&result](const EventBatch &events) { result.events += qint64(events.liveCount()); });
    QObject::connect(&client, &EventApiClient::finished, &loop, [&](const ApiError &error) {
        if (error.isError())
            result.error = error.toString();
        loop.quit();
    });
    FetchProgress last;
    QObject::connect(
        &client, &EventApiClient::progressChanged, &loop, [&last](const FetchProgress &p) { last = p; });
    QElapsedTimer timer;
    timer.start();
    client.fetch(EventQuery {});
    loop.exec();
    result.elapsedMs = timer.elapsed();
    result.requests = last.requestsSent;
    result.rateLimitWaitMs = last.rateLimitWaitMs;
    return result;
}

void print(const char *name, const Result &result)
{
    const double seconds = std::max<qint64>(result.elapsedMs, 1) / 1000.0;
    std::printf(
        "%-40s %9lld events %6d requests %8.2f s %10.0f events/s %7.2f req/s  rate-limit wait %6.2f s%s%s\n",
        name, static_cast<long long>(result.events), result.requests, seconds,
        double(result.events) / seconds, result.requests / seconds, double(result.rateLimitWaitMs) / 1000.0,
        result.error.isEmpty() ? "" : "  ERROR: ", qPrintable(result.error));
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(
        QStringLiteral("eventviewer.api.debug=false\neventviewer.api.info=false"));
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOptions({
        { QStringLiteral("events"), QStringLiteral("events to pull"), QStringLiteral("N"),
            QStringLiteral("20000") },
        { QStringLiteral("latency-ms"), QStringLiteral("simulator latency per request"), QStringLiteral("L"),
            QStringLiteral("50") },
        { QStringLiteral("per-page"), QStringLiteral("page size"), QStringLiteral("P"),
            QStringLiteral("1000") },
    });
    parser.process(app);
    const qsizetype count = parser.value(QStringLiteral("events")).toLongLong();
    const int latency = parser.value(QStringLiteral("latency-ms")).toInt();
    const int perPage = parser.value(QStringLiteral("per-page")).toInt();
    if (count < 1 || latency < 0 || perPage < 1) {
        std::fprintf(stderr, "bench_pull: --events, --latency-ms and --per-page must be positive\n");
        return 2;
    }

    EmnifySimulator simulator;
    if (!simulator.listen()) {
        std::fprintf(stderr, "bench_pull: cannot listen on 127.0.0.1\n");
        return 1;
    }
    EmnifySimulatorConfig config;
    config.applicationTokens = { QStringLiteral("bench") };
    config.latencyMs = latency;
    config.maxPerPage = std::max(perPage, 1000);
    simulator.setConfig(config);
    simulator.generateEvents(count, 1, QDateTime::currentMSecsSinceEpoch());
    const qint64 served = simulator.eventCount();
    const int pages = int((served + perPage - 1) / perPage);

    EventApiClient::Options defaults;
    defaults.perPage = perPage;
    std::printf("bench_pull: %lld events, %d pages of %d, %d ms latency per request\n",
        static_cast<long long>(served), pages, perPage, latency);
    std::printf("rate-limit bound of the client's defaults: %.1f req/s (burst %d) = %.0f events/s; "
                "latency bound of one request at a time: %.0f events/s\n",
        defaults.ratePerSecond, defaults.burst, defaults.ratePerSecond * perPage,
        latency > 0 ? 1000.0 * perPage / latency : 0.0);

    QNetworkAccessManager network;
    const Result sequential = sequentialPull(network, simulator.baseUrl(), perPage);
    const Result client = clientPull(network, simulator.baseUrl(), defaults);
    EventApiClient::Options unlimited = defaults;
    unlimited.ratePerSecond = 1000;
    unlimited.burst = 100;
    const Result unbounded = clientPull(network, simulator.baseUrl(), unlimited);
    print("sequential pager (1 in flight)", sequential);
    print("EventApiClient (4 in flight, 5/s)", client);
    print("EventApiClient (4 in flight, no limit)", unbounded);
    const bool ok = sequential.error.isEmpty() && client.error.isEmpty() && unbounded.error.isEmpty()
        && sequential.events == served && client.events == served && unbounded.events == served;
    if (!ok)
        std::fprintf(stderr, "bench_pull: a pull failed or was incomplete\n");
    return ok ? 0 : 1;
}
