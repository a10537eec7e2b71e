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

// esc.org is a number in the tokens seen (SDK captures); a numeric string is tolerated. Anything
// else is no organisation: it names an archive file, so it must be a plain id.
QString organisationClaim(const QJsonObject &object)
{
    const QJsonValue value = object.value(QLatin1String("esc.org"));
    if (value.isDouble()) {
        const double id = value.toDouble();
        if (std::isfinite(id) && id >= 0 && id < 9e15 && id == std::floor(id))
            return QString::number(qint64(id));
        return {};
    }
    if (value.isString()) {
        bool ok = false;
        const qint64 id = value.toString().toLongLong(&ok);
        if (ok && id >= 0)
            return QString::number(id);
    }
    return {};
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
        secondsClaim(object, QLatin1String("exp")), organisationClaim(object),
        object.value(QLatin1String("esc.orgName")).toString() };
}
