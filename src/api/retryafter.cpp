// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "api/retryafter.h"

#include <QLocale>
#include <QString>
#include <QTimeZone>

#include <algorithm>
#include <limits>

std::optional<qint64> RetryAfter::parse(QByteArrayView value, const QDateTime &nowUtc)
{
    const QByteArray text = value.toByteArray().trimmed();
    if (text.isEmpty())
        return std::nullopt;
    constexpr qint64 MaxSeconds = std::numeric_limits<qint64>::max() / 1000;
    if (std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        bool ok = false;
        const qint64 seconds = text.toLongLong(&ok); // fails past 2^63-1: saturate as well
        return (ok ? std::min(seconds, MaxSeconds) : MaxSeconds) * 1000;
    }
    if (text.startsWith('-'))
        return std::nullopt;
    const auto when = parseHttpDate(text);
    if (!when)
        return std::nullopt;
    return std::max<qint64>(0, nowUtc.msecsTo(*when));
}

std::optional<QDateTime> RetryAfter::parseHttpDate(QByteArrayView value)
{
    // IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT"); also RFC 850 and asctime as the RFC asks.
    const QString string = QString::fromLatin1(value.toByteArray().trimmed());
    const QLocale c = QLocale::c();
    QDateTime when;
    for (const char *format : { "ddd, dd MMM yyyy HH:mm:ss 'GMT'", "dddd, dd-MMM-yy HH:mm:ss 'GMT'",
             "ddd MMM d HH:mm:ss yyyy", "ddd MMM  d HH:mm:ss yyyy" }) {
        when = c.toDateTime(string, QString::fromLatin1(format));
        if (when.isValid())
            break;
    }
    if (!when.isValid())
        return std::nullopt;
    when.setTimeZone(QTimeZone::utc());
    if (when.date().year() < 100) // two-digit RFC 850 years
        when = when.addYears(when.date().year() < 70 ? 2000 : 1900);
    return when;
}
