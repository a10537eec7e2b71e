// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArrayView>
#include <QDateTime>

#include <optional>

// The Retry-After header of a 429/503 (RFC 9110 §10.2.3): delay-seconds or an HTTP date.
// emnify does not document sending it (UNCONFIRMED), so its absence is normal.
class RetryAfter final
{
public:
    // The wait in milliseconds (0 for a date in the past); nullopt when absent or unreadable.
    // A number of seconds too large for milliseconds in 64 bits saturates (the caller decides
    // whether it waits that long).
    [[nodiscard]] static std::optional<qint64> parse(QByteArrayView value, const QDateTime &nowUtc);
    // An HTTP date (IMF-fixdate, RFC 850 or asctime) in UTC, as in Retry-After and Date.
    [[nodiscard]] static std::optional<QDateTime> parseHttpDate(QByteArrayView value);
};
