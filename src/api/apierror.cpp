// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "api/apierror.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

#include <utility>

ApiError::ApiError(Kind kind, QString message, int httpStatus)
    : m_kind(kind)
    , m_httpStatus(httpStatus)
    , m_message(std::move(message))
{
}

ApiError ApiError::fromHttp(int httpStatus, QByteArrayView body, Kind kind)
{
    ApiError error(kind, QString(), httpStatus);
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body.toByteArray(), &parseError);
    if (parseError.error == QJsonParseError::NoError && document.isObject()) {
        const QJsonObject object = document.object();
        error.m_errorCode = object.value(QLatin1String("error_code")).toInt();
        error.m_errorToken = object.value(QLatin1String("error_token")).toString();
        error.m_message = object.value(QLatin1String("message")).toString();
    }
    if (error.m_message.isEmpty()) {
        switch (httpStatus) {
        case 400:
            error.m_message = QStringLiteral("Bad request");
            break;
        case 401:
            error.m_message = QStringLiteral("Unauthorized");
            break;
        case 403:
            error.m_message = QStringLiteral("Forbidden");
            break;
        case 404:
            error.m_message = QStringLiteral("Not found");
            break;
        case 422:
            error.m_message = QStringLiteral("Unprocessable request");
            break;
        case 429:
            error.m_message = QStringLiteral("Too many requests");
            break;
        default:
            error.m_message
                = httpStatus >= 500 ? QStringLiteral("Server error") : QStringLiteral("Unexpected response");
        }
    }
    return error;
}

ApiError ApiError::withContext(const QString &context) const
{
    ApiError copy = *this;
    copy.m_message = m_message.isEmpty() ? context : context + QLatin1String(": ") + m_message;
    return copy;
}

QString ApiError::kindName(Kind kind)
{
    switch (kind) {
    case Kind::None:
        return QStringLiteral("No error");
    case Kind::Network:
        return QStringLiteral("Network error");
    case Kind::Tls:
        return QStringLiteral("TLS error");
    case Kind::Http:
        return QStringLiteral("HTTP error");
    case Kind::Authentication:
        return QStringLiteral("Authentication failed");
    case Kind::Parse:
        return QStringLiteral("Invalid response");
    case Kind::Cancelled:
        return QStringLiteral("Cancelled");
    case Kind::Timeout:
        return QStringLiteral("Timeout");
    case Kind::InvalidUrl:
        return QStringLiteral("Invalid URL");
    case Kind::InvalidQuery:
        return QStringLiteral("Invalid filter");
    }
    return QString();
}

QString ApiError::toString() const
{
    if (m_kind == Kind::None)
        return kindName(m_kind);
    QString text = kindName(m_kind);
    if (m_httpStatus > 0)
        text += QStringLiteral(" (HTTP %1)").arg(m_httpStatus);
    if (!m_errorToken.isEmpty() || m_errorCode != 0) {
        text += QLatin1Char(' ');
        text += m_errorToken.isEmpty() ? QStringLiteral("error") : m_errorToken;
        if (m_errorCode != 0)
            text += QStringLiteral(" %1").arg(m_errorCode);
    }
    if (!m_message.isEmpty())
        text += QLatin1String(": ") + m_message;
    return text;
}
