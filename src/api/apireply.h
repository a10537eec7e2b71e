// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "api/apiclientoptions.h"
#include "api/apierror.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QLoggingCategory>
#include <QNetworkRequest>

#include <optional>

class QNetworkReply;
class QUrl;

// eventviewer.api: the client's requests, retries and decisions (never a token).
Q_DECLARE_LOGGING_CATEGORY(lcApi)

// What a finished reply means, decided in one place for every request kind (authentication and
// event pages): success, a rejected token, a rate limit, something worth retrying, or the end.
struct ReplyOutcome final
{
    enum class Kind {
        Success, // 2xx with a body that may be JSON
        Unauthorized, // 401
        RateLimited, // 429; retryAfterMs when the server said how long
        Transient, // 5xx, a dropped connection, a timeout or the request deadline: retry
        Fatal, // TLS, other 4xx, a refused body (too large, HTML): do not retry
    };
    Kind kind = Kind::Fatal;
    ApiError error; // all but Success
    int httpStatus = 0;
    QByteArray body;
    std::optional<qint64> retryAfterMs;
};

// The request side and the reply side of every API exchange: the request's headers and limits,
// the watch that enforces the page size cap and the deadline while the reply runs, and the
// classification when it has finished.
class ApiReply final
{
public:
    // Accept, User-Agent, no redirects (a redirect would carry the bearer token elsewhere), the
    // transfer timeout, and Qt's decompression check at the page size cap.
    [[nodiscard]] static QNetworkRequest request(const QUrl &url, const ApiClientOptions &options);
    // Records TLS errors, aborts a body above options.maxPageBytes (from Content-Length or as it
    // arrives, compressed or not) and a reply still running after options.requestDeadlineMs.
    static void watch(QNetworkReply *reply, const ApiClientOptions &options);
    // Reads the body and says what the reply means.
    [[nodiscard]] static ReplyOutcome classify(QNetworkReply *reply);
    // Aborts a reply we no longer want, without its signals reaching receiver, and deletes it later.
    static void abandon(QNetworkReply *reply, QObject *receiver);

    // Header lookup by hand, case-insensitive whatever the Qt version does (emnify sends
    // "x-total-pages" on some lists and "X-Total-Pages" on others).
    [[nodiscard]] static QByteArray header(const QNetworkReply *reply, QByteArrayView name);
    [[nodiscard]] static std::optional<qint64> headerNumber(const QNetworkReply *reply, QByteArrayView name);
    // "64 MiB", "1.5 s": limits as people read them.
    [[nodiscard]] static QString bytesText(qint64 bytes);
    [[nodiscard]] static QString secondsText(qint64 ms);
};
