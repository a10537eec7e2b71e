// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QtGlobal>

// How EventApiClient talks to the API: paging, rate, retries, time and size limits. One struct for
// the client, its authentication session and its pulls (EventApiClient::Options is this).
struct ApiClientOptions final
{
    int perPage = 1000; // asked for; the server may clamp it
    int maxInFlight = 4; // pages requested at once, 1..16
    // Under both documented limits: 2000 req/5 min per IP (6.7/s) and 10/s burst 5 on /event.
    // Authentication requests take their slots from the same bucket.
    double ratePerSecond = 5.0;
    int burst = 5;
    int maxRetries = 5; // per page: 5xx, dropped connections, timeouts, malformed pages
    int maxRateLimitRetries = 10; // per page: 429
    int transferTimeoutMs = 60000; // no byte for this long: the request is aborted and retried
    // A request not complete after this long (a body trickling in) is aborted and retried like
    // a timeout.
    int requestDeadlineMs = 120000;
    int backoffBaseMs = 500; // first retry delay; doubles per attempt, with jitter
    int backoffMaxMs = 30000;
    // A single wait for the server (Retry-After of a 429) longer than this fails the pull with a
    // message instead of waiting: five minutes, the API's own rate-limit window.
    int maxRetryAfterMs = 300000;
    // One page's body, decompressed: the API's largest page (1000 events of about 1-2 kB) is a
    // few megabytes; a larger body is refused, not retried.
    qint64 maxPageBytes = 64 * 1024 * 1024;
    // Never more than one authentication per this interval (the API blocks an IP after 100 in 5
    // minutes), whatever the tokens' exp says or how often the server answers 401.
    int minAuthIntervalMs = 10000;
    bool keepRaw = false; // also deliver each event's JSON text (eventsReceived's raw)

    // The wait before retry number attempt (1, 2, ...): exponential with jitter.
    [[nodiscard]] int backoffMs(int attempt) const;
};
