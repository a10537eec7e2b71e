// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "session/eventsession.h"

#include <QCoreApplication>
#include <QString>

class ApiError;

// API errors and empty tables in words for the window: the banner's sentence, the overlay's text.
class ApiErrorText final
{
    Q_DECLARE_TR_FUNCTIONS(ApiErrorText)

public:
    // One sentence for the error banner, ending in one period.
    [[nodiscard]] static QString describe(const ApiError &error);
    // text as a sentence: exactly one period at the end (none added after '…', '!' or '?').
    [[nodiscard]] static QString sentence(const QString &text);
    // After a load that failed part way: "Showing 100 of 4,800 events: page 2 failed" (no period:
    // the status bar shows it alone, the banner follows it with the reason).
    [[nodiscard]] static QString partialLoad(qsizetype shown, qint64 claimedTotal, int failedPage);
    // A part of the range neither the archive nor the API holds ([from, until) in ms UTC).
    [[nodiscard]] static QString beyondRetention(qint64 fromMs, qint64 untilMs);
    // Where the rows of a load came from: "1,200 from the archive, 35 from the API".
    [[nodiscard]] static QString rowSources(qsizetype fromArchive, qsizetype fromApi);
    // The overlay over an empty table (rich text with links "connect", "retry", "clear"); empty
    // for Emptiness::None. scope: what was read when not the whole account ("SIM 8988…"), so that
    // an id that matches nothing says so. sources: rowSources() of the loaded events, when they
    // came through an archive.
    [[nodiscard]] static QString emptyTable(EventSession::Emptiness emptiness, const ApiError &lastError,
        qsizetype loadedEvents, const QString &scope = {}, const QString &sources = {});
};
