// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "api/eventquery.h"

#include "model/isotime.h"

#include <QStringList>
#include <QTimeZone>
#include <QUrl>

namespace {

struct TextField
{
    const char *key;
    QString EventQuery::*member;
};

constexpr TextField TextFields[] = {
    { "description", &EventQuery::description },
    { "organisation", &EventQuery::organisation },
    { "user", &EventQuery::user },
    { "endpoint", &EventQuery::endpoint },
    { "tags", &EventQuery::tags },
    { "ip_address", &EventQuery::ipAddress },
    { "imei", &EventQuery::imei },
    { "iccid", &EventQuery::iccid },
    { "imsi", &EventQuery::imsi },
};

QString encoded(const QString &value)
{
    // Everything but unreserved characters; QUrlQuery keeps an already encoded value as it is.
    return QString::fromLatin1(QUrl::toPercentEncoding(value));
}

} // namespace

QString EventQuery::formatTimestamp(const QDateTime &time, bool roundUp)
{
    if (!time.isValid())
        return QString();
    qint64 ms = time.toMSecsSinceEpoch();
    const qint64 msOfSecond = ((ms % 1000) + 1000) % 1000;
    if (roundUp && msOfSecond != 0)
        ms += 1000 - msOfSecond;
    return QString::fromLatin1(IsoTime::format(ms, IsoTime::Precision::Seconds));
}

QString EventQuery::validate() const
{
    if (from.isValid() != until.isValid())
        return QStringLiteral("from and until must be given together (the API accepts only both)");
    if (from.isValid() && from > until)
        return QStringLiteral("from (%1) is after until (%2)")
            .arg(formatTimestamp(from), formatTimestamp(until));
    if (source && (*source < 0 || *source > 2))
        return QStringLiteral("source must be 0 (network), 1 (policy) or 2 (API)");
    if (severity && (*severity < 0 || *severity > 2))
        return QStringLiteral("severity must be 0 (info), 1 (warn) or 2 (critical)");
    for (const int type : types) {
        if (type < 0)
            return QStringLiteral("event type ids are not negative (%1)").arg(type);
    }
    for (const TextField &field : TextFields) {
        const QString &value = this->*field.member;
        if (value.contains(QLatin1Char(',')))
            return QStringLiteral("%1 \"%2\" contains a comma, which the API's q filter cannot express")
                .arg(QLatin1String(field.key), value);
        if (value.contains(QLatin1Char('\n')) || value.contains(QLatin1Char('\r')))
            return QStringLiteral("%1 contains a line break").arg(QLatin1String(field.key));
    }
    return QString();
}

QString EventQuery::toQ() const
{
    Q_ASSERT(validate().isEmpty());
    QStringList pairs;
    if (from.isValid() && until.isValid()) {
        pairs << QLatin1String("from:") + formatTimestamp(from);
        pairs << QLatin1String("until:") + formatTimestamp(until, true);
    }
    if (!types.isEmpty()) {
        QStringList ids;
        for (const int type : types)
            ids << QString::number(type);
        pairs << QLatin1String("type:") + ids.join(QLatin1Char('|'));
    }
    if (source)
        pairs << QStringLiteral("source:%1").arg(*source);
    if (severity)
        pairs << QStringLiteral("severity:%1").arg(*severity);
    if (alert)
        pairs << (*alert ? QStringLiteral("alert:true") : QStringLiteral("alert:false"));
    for (const TextField &field : TextFields) {
        const QString &value = this->*field.member;
        if (!value.isEmpty())
            pairs << QLatin1String(field.key) + QLatin1Char(':') + value;
    }
    return pairs.join(QLatin1Char(','));
}

QUrlQuery EventQuery::toUrlQuery(int page, int perPage, const QString &sort) const
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("page"), QString::number(page));
    if (perPage > 0)
        query.addQueryItem(QStringLiteral("per_page"), QString::number(perPage));
    if (!sort.isEmpty())
        query.addQueryItem(QStringLiteral("sort"), encoded(sort));
    const QString q = toQ();
    if (!q.isEmpty())
        query.addQueryItem(QStringLiteral("q"), encoded(q));
    return query;
}
