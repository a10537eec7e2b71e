// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArrayView>
#include <QString>

#include <optional>

// The claims of a JWT the client uses, read from its base64url payload without verifying the
// signature (only the server can; we only need to know when to re-authenticate and whose account
// the token reads).
struct JwtClaims final
{
    std::optional<qint64> issuedAt; // iat, seconds since the epoch
    std::optional<qint64> expiresAt; // exp, seconds since the epoch
    // Either is nullopt when absent, not a number, or beyond +-1e15 s (never an overflowing value).
    QString organisation; // esc.org: the organisation id as text; empty when absent or not an id
    QString organisationName; // esc.orgName; empty when absent

    // nullopt when the text is not header.payload.signature with a JSON object payload.
    [[nodiscard]] static std::optional<JwtClaims> decode(QByteArrayView token);
};
