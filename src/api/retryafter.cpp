// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "api/retryafter.h"

#include <QLocale>
#include <QString>
#include <QTimeZone>

#include <algorithm>

std::optional<qint64> RetryAfter::parse(QByteArrayView value, const QDateTime &nowUtc)
{
    const QByteArray text = value.toByteArray().trimmed();
    if (text.isEmpty())
        return std::nullopt;
    bool ok = false;
    const qint64 seconds = text.toLongLong(&ok);
    if (ok)
        return seconds < 0 ? std::nullopt : std::optional<qint64>(seconds * 1000);
    // IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT"); also RFC 850 and asctime as the RFC asks.
    const QString string = QString::fromLatin1(text);
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
    return std::max<qint64>(0, nowUtc.msecsTo(when));
}
