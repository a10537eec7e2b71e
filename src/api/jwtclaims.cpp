// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "api/jwtclaims.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QJsonValue>

#include <cmath>

namespace {

// Times beyond about 31 million years either way are no time: so that seconds * 1000 and the sums
// the client makes with them stay far from overflow (1e300 was cast to qint64: undefined).
constexpr double MaxSeconds = 1e15;

std::optional<qint64> secondsClaim(const QJsonObject &object, QLatin1String key)
{
    const QJsonValue value = object.value(key);
    if (value.isDouble()) {
        const double seconds = value.toDouble();
        if (std::isfinite(seconds) && std::abs(seconds) < MaxSeconds)
            return qint64(seconds);
        return std::nullopt;
    }
    if (value.isString()) { // tolerated: some issuers send numeric strings
        bool ok = false;
        const qint64 seconds = value.toString().toLongLong(&ok);
        if (ok && std::abs(double(seconds)) < MaxSeconds)
            return seconds;
    }
    return std::nullopt;
}

} // namespace

std::optional<JwtClaims> JwtClaims::decode(QByteArrayView token)
{
    const qsizetype firstDot = token.indexOf('.');
    if (firstDot < 0)
        return std::nullopt;
    const qsizetype secondDot = token.sliced(firstDot + 1).indexOf('.');
    if (secondDot < 0)
        return std::nullopt;
    const QByteArray payload = token.sliced(firstDot + 1, secondDot).toByteArray();
    const auto decoded = QByteArray::fromBase64Encoding(payload,
        QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals
            | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(*decoded, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    const QJsonObject object = document.object();
    return JwtClaims { secondsClaim(object, QLatin1String("iat")),
        secondsClaim(object, QLatin1String("exp")) };
}
