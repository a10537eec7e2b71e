// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArrayView>

#include <optional>

// The time claims of a JWT, read from its base64url payload without verifying the signature
// (only the server can; we only need to know when to re-authenticate).
struct JwtClaims final
{
    std::optional<qint64> issuedAt; // iat, seconds since the epoch
    std::optional<qint64> expiresAt; // exp, seconds since the epoch
    // Either is nullopt when absent, not a number, or beyond +-1e15 s (never an overflowing value).

    // nullopt when the text is not header.payload.signature with a JSON object payload.
    [[nodiscard]] static std::optional<JwtClaims> decode(QByteArrayView token);
};
