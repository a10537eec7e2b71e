// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArrayView>
#include <QMetaType>
#include <QString>

// The outcome of an API operation as a value: a kind, the HTTP status when there was one, and what
// emnify said ({error_code, error_token, message} or the gateway's {"message": ...}).
// Never holds a token: messages are built from status codes and server error bodies only.
class ApiError final
{
public:
    enum class Kind {
        None,
        Network, // connection refused/reset, host not found, ...
        Tls, // certificate or handshake failure; never ignored
        Http, // a non-2xx status other than 401/403 on authenticate
        Authentication, // the application token was rejected, or a fresh auth token still got 401
        Parse, // a response that is not the expected JSON, also after retries
        Cancelled,
        Timeout,
        InvalidUrl, // base URL not https (plain http only to loopback)
        InvalidQuery, // a filter value that q cannot express (see EventQuery::validate)
    };

    ApiError() = default;
    ApiError(Kind kind, QString message, int httpStatus = 0);

    // A failed HTTP response: reads the emnify error body (or the gateway's {"message"}) if any.
    [[nodiscard]] static ApiError fromHttp(int httpStatus, QByteArrayView body, Kind kind = Kind::Http);

    [[nodiscard]] bool isError() const { return m_kind != Kind::None; }
    [[nodiscard]] Kind kind() const { return m_kind; }
    [[nodiscard]] int httpStatus() const { return m_httpStatus; } // 0: no HTTP status
    [[nodiscard]] int errorCode() const { return m_errorCode; } // emnify error_code, 0 when absent
    [[nodiscard]] QString errorToken() const { return m_errorToken; } // e.g. "InvalidToken"
    [[nodiscard]] QString message() const { return m_message; }

    void setMessage(const QString &message) { m_message = message; }
    // Prepends context ("GET /api/v1/event page 3: ...") to the message.
    [[nodiscard]] ApiError withContext(const QString &context) const;

    [[nodiscard]] static QString kindName(Kind kind);
    // One line for people: "HTTP 422 InvalidQueryCriteria (1301): Invalid query".
    [[nodiscard]] QString toString() const;

    friend bool operator==(const ApiError &, const ApiError &) = default;

private:
    Kind m_kind = Kind::None;
    int m_httpStatus = 0;
    int m_errorCode = 0;
    QString m_errorToken;
    QString m_message;
};

Q_DECLARE_METATYPE(ApiError)
