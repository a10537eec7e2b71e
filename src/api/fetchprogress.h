// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QMetaType>
#include <QtGlobal>

// Where a pull stands. Counts are for the current fetch only.
struct FetchProgress final
{
    int pagesDone = 0; // pages received, parsed and delivered
    int pagesTotal = 0; // X-Total-Pages of the latest page (0 until page 1 arrived or when unknown)
    qint64 eventsReceived = 0; // events delivered (after de-duplication by id)
    qint64 totalCount = -1; // X-Total-Count, -1 when the server did not say
    int requestsSent = 0; // HTTP requests of this fetch, authentication included
    int retries = 0; // requests repeated after 429, 5xx, a dropped connection, a timeout or a bad page
    qint64 rateLimitWaitMs = 0; // wall-clock time requests waited for the rate limiter or a 429 pause
    qint64 eventsSkipped = 0; // page elements that could not be read even after retries (see issues)
    int failedPage = 0; // the page whose failure ended the pull, 0 when none did
    int perPage = 0; // page size in effect (the server may clamp what we asked for)
    int rateLimitHits = 0; // 429 answers received
    qint64 lastRateLimitPauseMs = 0; // the pause the latest 429 imposed (its Retry-After or our back-off)
    // The server's clock minus ours (from the Date header of the authentication answer); 0 when
    // within a few seconds or unknown. Token lifetimes are read on the server's clock.
    qint64 serverClockSkewMs = 0;

    friend bool operator==(const FetchProgress &, const FetchProgress &) = default;
};

Q_DECLARE_METATYPE(FetchProgress)
