// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "api/apireply.h"

#include "api/retryafter.h"

#include <QDateTime>
#include <QNetworkReply>
#include <QTimer>
#include <QUrl>
#ifndef QT_NO_SSL
#include <QSslError>
#endif

Q_LOGGING_CATEGORY(lcApi, "eventviewer.api")

namespace {

const char *const SslErrorsProperty = "ev_sslErrors";
const char *const AbandonedProperty = "ev_abandoned";
const char *const TooLargeProperty = "ev_tooLarge"; // the cap, in bytes
const char *const DeadlineProperty = "ev_deadline"; // the deadline, in ms

bool isTransientNetworkError(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError: // the transfer timeout (our own aborts are marked)
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::ProxyTimeoutError:
    case QNetworkReply::UnknownNetworkError:
    case QNetworkReply::ProtocolFailure: // e.g. a response cut off inside the headers
    case QNetworkReply::UnknownServerError:
        return true;
    default:
        return false;
    }
}

void abortTooLarge(QNetworkReply *reply, qint64 cap)
{
    if (reply->property(TooLargeProperty).isValid())
        return;
    reply->setProperty(TooLargeProperty, cap);
    reply->abort();
}

bool looksLikeHtml(const QNetworkReply *reply, const QByteArray &body)
{
    const QByteArray type = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray().toLower();
    if (type.contains("html"))
        return true;
    const QByteArray start = body.left(64).trimmed().toLower();
    return start.startsWith("<!doctype") || start.startsWith("<html");
}

} // namespace

QNetworkRequest ApiReply::request(const QUrl &url, const ApiClientOptions &options)
{
    QNetworkRequest request(url);
    request.setRawHeader("Accept", "application/json");
    request.setHeader(
        QNetworkRequest::UserAgentHeader, QByteArrayLiteral("emnify-event-viewer/" PROJECT_VERSION));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(options.transferTimeoutMs);
    // Qt refuses a compressed body that expands more than 40-fold past this threshold.
    request.setDecompressedSafetyCheckThreshold(options.maxPageBytes);
    return request;
}

void ApiReply::watch(QNetworkReply *reply, const ApiClientOptions &options)
{
#ifndef QT_NO_SSL
    QObject::connect(reply, &QNetworkReply::sslErrors, reply, [reply](const QList<QSslError> &errors) {
        QStringList texts;
        for (const QSslError &error : errors)
            texts << error.errorString();
        reply->setProperty(SslErrorsProperty, texts.join(QLatin1String("; ")));
    });
#endif
    const qint64 cap = options.maxPageBytes;
    QObject::connect(reply, &QNetworkReply::metaDataChanged, reply, [reply, cap] {
        bool ok = false;
        const qint64 length = reply->header(QNetworkRequest::ContentLengthHeader).toLongLong(&ok);
        if (ok && length > cap && header(reply, "content-encoding").isEmpty())
            abortTooLarge(reply, cap);
    });
    // bytesAvailable() is what the body has become (decompressed); it is all kept until finished.
    QObject::connect(reply, &QNetworkReply::readyRead, reply, [reply, cap] {
        if (reply->bytesAvailable() > cap)
            abortTooLarge(reply, cap);
    });
    const int deadlineMs = options.requestDeadlineMs;
    if (deadlineMs > 0) {
        auto *deadline = new QTimer(reply);
        deadline->setSingleShot(true);
        QObject::connect(deadline, &QTimer::timeout, reply, [reply, deadlineMs] {
            if (reply->isFinished())
                return;
            reply->setProperty(DeadlineProperty, deadlineMs);
            reply->abort();
        });
        deadline->start(deadlineMs);
    }
}

void ApiReply::abandon(QNetworkReply *reply, QObject *receiver)
{
    reply->disconnect(receiver);
    reply->setProperty(AbandonedProperty, true);
    reply->abort();
    reply->deleteLater();
}

QByteArray ApiReply::header(const QNetworkReply *reply, QByteArrayView name)
{
    for (const auto &[key, value] : reply->rawHeaderPairs()) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value.trimmed();
    }
    return QByteArray();
}

std::optional<qint64> ApiReply::headerNumber(const QNetworkReply *reply, QByteArrayView name)
{
    bool ok = false;
    const qint64 value = header(reply, name).toLongLong(&ok);
    return ok ? std::optional<qint64>(value) : std::nullopt;
}

QString ApiReply::bytesText(qint64 bytes)
{
    if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0)
        return QStringLiteral("%1 MiB").arg(bytes / (1024 * 1024));
    return QStringLiteral("%1 bytes").arg(bytes);
}

QString ApiReply::secondsText(qint64 ms)
{
    if (ms % 1000 == 0)
        return QStringLiteral("%1 s").arg(ms / 1000);
    return QStringLiteral("%1 s").arg(double(ms) / 1000.0, 0, 'f', 1);
}

ReplyOutcome ApiReply::classify(QNetworkReply *reply)
{
    ReplyOutcome outcome;
    outcome.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const int status = outcome.httpStatus;
    const auto networkError = reply->error();
    const auto fatal = [&outcome](ApiError error) {
        outcome.kind = ReplyOutcome::Kind::Fatal;
        outcome.error = std::move(error);
        return outcome;
    };
    if (reply->property(AbandonedProperty).toBool())
        return fatal(ApiError(ApiError::Kind::Cancelled, QStringLiteral("cancelled")));
    const bool compressed = !header(reply, "content-encoding").isEmpty();
    if (const QVariant cap = reply->property(TooLargeProperty); cap.isValid()) {
        return fatal(ApiError(ApiError::Kind::Parse,
            compressed
                ? QStringLiteral("the compressed response expands to more than %1, the limit for one page "
                                 "(refused; a decompression bomb?)")
                      .arg(bytesText(cap.toLongLong()))
                : QStringLiteral("the response is larger than %1, the limit for one page (refused)")
                      .arg(bytesText(cap.toLongLong())),
            status));
    }
    if (compressed && status >= 200 && status < 300 && networkError == QNetworkReply::UnknownContentError) {
        // Qt's own decompression check (ratio past the threshold) or a corrupt stream.
        QString why = reply->errorString(); // "Decompression failed: " with nothing after it
        while (why.endsWith(u':') || why.endsWith(u' '))
            why.chop(1);
        return fatal(ApiError(ApiError::Kind::Parse,
            QStringLiteral("the compressed response could not be expanded within %1, the limit for one page "
                           "(refused; a decompression bomb?): %2")
                .arg(bytesText(reply->request().decompressedSafetyCheckThreshold()), why),
            status));
    }
    if (networkError == QNetworkReply::SslHandshakeFailedError
        || reply->property(SslErrorsProperty).isValid()) {
        QString message = reply->property(SslErrorsProperty).toString();
        if (message.isEmpty())
            message = reply->errorString();
        return fatal(ApiError(ApiError::Kind::Tls,
            QStringLiteral("secure connection to %1 failed: %2 (certificate errors are never ignored)")
                .arg(reply->url().host(), message)));
    }
    if (const QVariant deadline = reply->property(DeadlineProperty); deadline.isValid()) {
        outcome.kind = ReplyOutcome::Kind::Transient;
        outcome.error = ApiError(ApiError::Kind::Timeout,
            QStringLiteral("no complete answer within %1 (the request deadline)")
                .arg(secondsText(deadline.toLongLong())));
        return outcome;
    }
    if (reply->isOpen()) // an aborted reply (transfer timeout) is closed
        outcome.body = reply->readAll();
    if (status == 401) {
        outcome.kind = ReplyOutcome::Kind::Unauthorized;
        outcome.error = ApiError::fromHttp(status, outcome.body, ApiError::Kind::Authentication);
        return outcome;
    }
    if (status == 429) {
        outcome.kind = ReplyOutcome::Kind::RateLimited;
        outcome.error = ApiError::fromHttp(status, outcome.body);
        outcome.retryAfterMs
            = RetryAfter::parse(header(reply, "retry-after"), QDateTime::currentDateTimeUtc());
        return outcome;
    }
    if (status >= 200 && status < 300 && networkError == QNetworkReply::NoError) {
        if (looksLikeHtml(reply, outcome.body)) {
            return fatal(ApiError(ApiError::Kind::Parse,
                QStringLiteral(
                    "the server answered with an HTML page (%1), not JSON: is a proxy or a login page "
                    "in the way?")
                    .arg(
                        QString::fromLatin1(reply->header(QNetworkRequest::ContentTypeHeader).toByteArray())),
                status));
        }
        outcome.kind = ReplyOutcome::Kind::Success;
        return outcome;
    }
    if (status >= 500 || isTransientNetworkError(networkError)) {
        outcome.kind = ReplyOutcome::Kind::Transient;
        if (status >= 500) {
            outcome.error = ApiError::fromHttp(status, outcome.body);
        } else if (networkError == QNetworkReply::TimeoutError
            || networkError == QNetworkReply::OperationCanceledError) {
            outcome.error = ApiError(ApiError::Kind::Timeout, QStringLiteral("no data received in time"));
        } else {
            outcome.error = ApiError(ApiError::Kind::Network, reply->errorString());
        }
        return outcome;
    }
    if (status > 0)
        return fatal(ApiError::fromHttp(status, outcome.body));
    return fatal(ApiError(ApiError::Kind::Network, reply->errorString()));
}
