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
    // One sentence for the error banner.
    [[nodiscard]] static QString describe(const ApiError &error);
    // The overlay over an empty table (rich text with links "connect", "retry", "clear"); empty
    // for Emptiness::None. scope: what was read when not the whole account ("SIM 8988…"), so that
    // an id that matches nothing says so.
    [[nodiscard]] static QString emptyTable(EventSession::Emptiness emptiness, const ApiError &lastError,
        qsizetype loadedEvents, const QString &scope = {});
};
