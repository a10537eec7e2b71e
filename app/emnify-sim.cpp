// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
// emnify-sim: the local emnify API simulator on 127.0.0.1, for demos and client testing.
#include "sim/emnifysimulator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>

#include <cstdio>
#include <optional>

namespace {

// Every usage error ends the same way: a line on stderr and exit status 2.
constexpr int UsageError = 2;

[[noreturn]] void fail(const QString &message)
{
    std::fprintf(stderr, "emnify-sim: %s\n", qPrintable(message));
    std::exit(UsageError);
}

qint64 integerOption(const QCommandLineParser &parser, const QString &name, qint64 min, qint64 max)
{
    bool ok = false;
    const qint64 value = parser.value(name).toLongLong(&ok);
    if (!ok || value < min || value > max)
        fail(QStringLiteral("--%1 must be an integer from %2 to %3, got '%4'")
                 .arg(name)
                 .arg(min)
                 .arg(max)
                 .arg(parser.value(name)));
    return value;
}

double fractionOption(const QCommandLineParser &parser, const QString &name)
{
    bool ok = false;
    const double value = parser.value(name).toDouble(&ok);
    if (!ok || value < 0 || value > 1)
        fail(QStringLiteral("--%1 must be a fraction from 0 to 1, got '%2'").arg(name, parser.value(name)));
    return value;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("emnify-sim"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PROJECT_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Serves emnify-style event lists on http://127.0.0.1:PORT/api/v1/... with switchable faults."));
    parser.addHelpOption();
    parser.addVersionOption();
    const auto opt
        = [](const char *name, const char *help, const char *valueName = nullptr, const char *def = nullptr) {
              QCommandLineOption o(QString::fromLatin1(name), QString::fromLatin1(help));
              if (valueName)
                  o.setValueName(QString::fromLatin1(valueName));
              if (def)
                  o.setDefaultValue(QString::fromLatin1(def));
              return o;
          };
    parser.addOptions({
        opt("port", "TCP port on 127.0.0.1 (0 picks a free one).", "N", "0"),
        opt("app-token", "Application token that POST /api/v1/authenticate accepts (repeatable).", "TOKEN"),
        opt("events-file", "Serve the events of this JSON file (an array of event objects).", "FILE"),
        opt("generate", "Serve COUNT generated events of a reseller account (default 100000).", "COUNT"),
        opt("seed", "Seed of the generated account.", "S", "1"),
        opt("latency-ms", "Delay before every response.", "MS", "0"),
        opt("rate-limit", "Requests per second before 429 (0: unlimited).", "PER_SECOND", "0"),
        opt("retry-after", "Send Retry-After with 429.", "yes|no", "yes"),
        opt("error-rate", "Fraction of GET requests answered with 500/502/503.", "FRACTION", "0"),
        opt("drop-rate", "Fraction of GET responses cut off mid-body.", "FRACTION", "0"),
        opt("malformed-rate", "Fraction of event pages with corrupted JSON.", "FRACTION", "0"),
        opt("token-ttl", "Lifetime of issued auth tokens.", "SECONDS", "604800"),
        opt("max-per-page", "Largest per_page served; larger requests are clamped.", "N", "1000"),
        opt("grow", "Add N new events a minute while running (new ids, the current time).", "N", "0"),
        opt("organisation", "Organisation id the issued auth tokens name (esc.org).", "ID", "1"),
    });
    // parse(), not process(): process() exits with 1 on an unknown option, fail() with 2.
    if (!parser.parse(QCoreApplication::arguments()))
        fail(parser.errorText());
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(0);
    if (parser.isSet(QStringLiteral("version")))
        parser.showVersion();
    if (!parser.positionalArguments().isEmpty())
        fail(QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().front()));

    EmnifySimulatorConfig config;
    config.applicationTokens = parser.values(QStringLiteral("app-token"));
    if (config.applicationTokens.isEmpty() || config.applicationTokens.contains(QString()))
        fail(QStringLiteral("--app-token TOKEN is required"));
    config.latencyMs = int(integerOption(parser, QStringLiteral("latency-ms"), 0, 600000));
    bool ok = false;
    config.rateLimitPerSecond = parser.value(QStringLiteral("rate-limit")).toDouble(&ok);
    if (!ok || config.rateLimitPerSecond < 0)
        fail(QStringLiteral("--rate-limit must be a number >= 0, got '%1'")
                 .arg(parser.value(QStringLiteral("rate-limit"))));
    const QString retryAfter = parser.value(QStringLiteral("retry-after")).toLower();
    if (retryAfter != QLatin1String("yes") && retryAfter != QLatin1String("no"))
        fail(QStringLiteral("--retry-after must be yes or no, got '%1'").arg(retryAfter));
    config.retryAfter = retryAfter == QLatin1String("yes");
    config.errorRate = fractionOption(parser, QStringLiteral("error-rate"));
    config.dropRate = fractionOption(parser, QStringLiteral("drop-rate"));
    config.malformedRate = fractionOption(parser, QStringLiteral("malformed-rate"));
    config.tokenTtlSeconds = int(integerOption(parser, QStringLiteral("token-ttl"), 1, 365LL * 24 * 3600));
    config.maxPerPage = int(integerOption(parser, QStringLiteral("max-per-page"), 1, 1000000));
    config.growEventsPerMinute = int(integerOption(parser, QStringLiteral("grow"), 0, 6000000));
    config.organisationId = integerOption(parser, QStringLiteral("organisation"), 0, 999999999999LL);
    const quint16 port = quint16(integerOption(parser, QStringLiteral("port"), 0, 65535));

    EmnifySimulator simulator;
    simulator.setConfig(config);
    if (parser.isSet(QStringLiteral("events-file"))) {
        if (parser.isSet(QStringLiteral("generate")))
            fail(QStringLiteral("--events-file and --generate exclude each other"));
        QString error;
        if (!simulator.loadEventsFile(parser.value(QStringLiteral("events-file")), &error))
            fail(error);
    } else {
        const qint64 count = parser.isSet(QStringLiteral("generate"))
            ? integerOption(parser, QStringLiteral("generate"), 0, 100000000)
            : 100000;
        bool seedOk = false;
        const quint64 seed = parser.value(QStringLiteral("seed")).toULongLong(&seedOk);
        if (!seedOk)
            fail(QStringLiteral("--seed must be a non-negative integer, got '%1'")
                     .arg(parser.value(QStringLiteral("seed"))));
        simulator.generateEvents(count, seed, QDateTime::currentMSecsSinceEpoch());
    }
    if (!simulator.listen(port))
        fail(QStringLiteral("cannot listen on 127.0.0.1:%1").arg(port));

    std::printf("listening on http://127.0.0.1:%u\n", unsigned(simulator.port()));
    std::fflush(stdout);
    return app.exec();
}
