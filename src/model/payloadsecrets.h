// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "model/event.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringView>

#include <optional>
#include <span>

// Live credentials inside event payloads ("Password reset requested" and "User invited" carry
// detail.activationKey, "User verification requested" detail.token): which values are secret, the
// marker shown instead of them, and JSON with them redacted. The one place for these rules; the
// detail pane, every export and the archive use it.
//
// A value is secret when
// - its key is in secretKeys(): compared case-insensitively and ignoring '_' and '-' (apiKey is
//   api_key), either the whole key or its last words (mfa_token, newPassword, client_secret);
//   under such a key every string and number is secret, also inside objects and arrays;
// - or it is a string holding a JWT anywhere in it (three base64url segments whose first decodes
//   to a JSON object), alone or inside a longer text such as a reset link: the whole string is
//   secret then, since the text around a token (a link) is what makes it usable.
// Empty strings, booleans and null are never secret: there is nothing to hide.
class PayloadSecrets final
{
public:
    enum class Kind {
        ActivationKey,
        Token,
        Password,
        Secret,
        AuthToken,
        RefreshToken,
        ApiKey,
        ApplicationToken,
        Jwt
    };

    struct KeyEntry
    {
        const char *key; // as the API spells it
        Kind kind;
    };
    // The secret key names.
    [[nodiscard]] static std::span<const KeyEntry> secretKeys();

    [[nodiscard]] static std::optional<Kind> kindOfKey(QByteArrayView utf8Key);
    [[nodiscard]] static std::optional<Kind> kindOfKey(QStringView key);
    // True when the text holds a JWT-shaped run (see above).
    [[nodiscard]] static bool containsJwt(QByteArrayView utf8);
    // False only when no value of the text can be secret: no word that a secret key ends with
    // (token, password, ...: any case, separators ignored), no escape that could spell one, no
    // JWT. A byte scan, cheap enough for every payload block of a pull (EventBatchBuilder notes
    // it per block, so that the archive redacts only the blocks that may need it).
    [[nodiscard]] static bool mayHoldSecret(QByteArrayView utf8);

    // What the value is, for people: "activation key", "JWT" (translated).
    [[nodiscard]] static QString label(Kind kind);
    // What the detail pane and its copies show instead of a value:
    // "•••••• hidden: activation key, 212 characters".
    [[nodiscard]] static QString marker(Kind kind, qsizetype length);
    // What exports and the archive write instead of a value: the JSON string "<redacted>", so that
    // the JSON stays valid and keeps its structure.
    static constexpr QLatin1StringView RedactedMarker { "<redacted>" };

    struct Secret
    {
        QString path; // keys joined by '.', array elements as [i]: "detail.activationKey"
        Kind kind;
        qsizetype length; // characters of the value (a number: its digits)
    };
    // Every secret value of a JSON document, in document order.
    [[nodiscard]] static QList<Secret> find(QByteArrayView json);

    // The JSON with every secret value replaced by RedactedMarker, everything else byte for byte
    // (key order, white space). Text that is no valid JSON becomes "<redacted>" as a whole: what it
    // holds cannot be told. count: how many values were replaced.
    [[nodiscard]] static QByteArray redacted(QByteArrayView json, qsizetype *count = nullptr);
    static void appendRedacted(QByteArray *out, QByteArrayView json, qsizetype *count = nullptr);
    // The event with detail and unknown top-level keys redacted: what an archive stores (it should
    // record that it did so when count > 0, so that nobody takes it for the original).
    [[nodiscard]] static Event redactedEvent(const Event &event, qsizetype *count = nullptr);
};
