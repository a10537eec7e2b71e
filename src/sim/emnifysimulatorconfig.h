// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>

// How the local emnify API simulator behaves: credentials, paging limits and injected faults.
// Rates are fractions in [0, 1]; faults are drawn from a RNG seeded with faultSeed, so a run with
// the same requests in the same order sees the same faults.
struct EmnifySimulatorConfig final
{
    QStringList applicationTokens { QStringLiteral("sim-application-token") }; // empty: accept any
    int tokenTtlSeconds = 7 * 24 * 3600; // what real application-token JWTs were observed to carry
    qint64 organisationId = 1; // the JWT's esc.org: whose account this is
    QString organisationName = QStringLiteral("emnify simulator"); // esc.orgName
    int latencyMs = 0; // added before every response
    double rateLimitPerSecond = 0; // 0: unlimited; else a token bucket with this rate and burst
    bool retryAfter = true; // send Retry-After (seconds) with 429
    double errorRate = 0; // fraction of GET requests answered 500/502/503
    double dropRate = 0; // fraction of GET responses cut off mid-body (connection closed)
    double malformedRate = 0; // fraction of event pages whose JSON is truncated or garbled
    quint64 faultSeed = 1;
    int defaultPerPage = 100; // per_page < 1 or absent
    int maxPerPage = 1000; // larger per_page values are clamped to this
    // New events per minute while the simulator runs (0: none): copies of random events of the
    // account (so spread over its organisations, users, devices and SIMs) with new ids and the
    // current time, so that follow mode and incremental syncs have something to find.
    int growEventsPerMinute = 0;
};
