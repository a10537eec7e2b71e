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
    [[nodiscard]] static std::optional<qint64> parse(QByteArrayView value, const QDateTime &nowUtc);
};
