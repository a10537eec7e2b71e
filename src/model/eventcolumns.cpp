// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "model/eventcolumns.h"

#include "model/eventstore.h"
#include "model/eventtext.h"
#include "model/eventtypecatalogue.h"

#include <QCoreApplication>

#include <charconv>

namespace {

struct ColumnInfo
{
    const char *key;
    const char *title;
};

// Keys are what --columns and CSV headers use; titles are what the table shows.
constexpr ColumnInfo columnInfo[EventColumns::ColumnCount] = {
    { "time", QT_TRANSLATE_NOOP("EventColumns", "Time") },
    { "severity", QT_TRANSLATE_NOOP("EventColumns", "Severity") },
    { "category", QT_TRANSLATE_NOOP("EventColumns", "Category") },
    { "event_type", QT_TRANSLATE_NOOP("EventColumns", "Event type") },
    { "description", QT_TRANSLATE_NOOP("EventColumns", "Description") },
    { "organisation", QT_TRANSLATE_NOOP("EventColumns", "Organisation") },
    { "device", QT_TRANSLATE_NOOP("EventColumns", "Device") },
    { "iccid", QT_TRANSLATE_NOOP("EventColumns", "ICCID") },
    { "imsi", QT_TRANSLATE_NOOP("EventColumns", "IMSI") },
    { "source", QT_TRANSLATE_NOOP("EventColumns", "Source") },
    { "performed_by", QT_TRANSLATE_NOOP("EventColumns", "Performed by") },
    { "id", QT_TRANSLATE_NOOP("EventColumns", "ID") },
    { "alert", QT_TRANSLATE_NOOP("EventColumns", "Alert") },
    { "type_id", QT_TRANSLATE_NOOP("EventColumns", "Type ID") },
    { "organisation_id", QT_TRANSLATE_NOOP("EventColumns", "Organisation ID") },
    { "device_id", QT_TRANSLATE_NOOP("EventColumns", "Device ID") },
    { "ip_address", QT_TRANSLATE_NOOP("EventColumns", "IP address") },
    { "imei", QT_TRANSLATE_NOOP("EventColumns", "IMEI") },
    { "tags", QT_TRANSLATE_NOOP("EventColumns", "Tags") },
    { "user_id", QT_TRANSLATE_NOOP("EventColumns", "User ID") },
    { "user_name", QT_TRANSLATE_NOOP("EventColumns", "User name") },
    { "user_email", QT_TRANSLATE_NOOP("EventColumns", "User e-mail") },
    { "payload", QT_TRANSLATE_NOOP("EventColumns", "Payload") },
};

void appendNumber(QByteArray *out, qint64 value)
{
    char buffer[24];
    const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
    Q_UNUSED(ec);
    out->append(buffer, end - buffer);
}

void appendTwo(char *p, int value)
{
    p[0] = char('0' + value / 10);
    p[1] = char('0' + value % 10);
}

void appendString(QByteArray *out, const QString &text)
{
    if (!text.isEmpty())
        out->append(text.toUtf8());
}

// Texts per type index / severity index computed once per store table entry would be nicer, but
// the catalogue lookups are hash lookups of small ints and this path is not the bottleneck.
} // namespace

QString EventColumns::title(Column column)
{
    if (column < 0 || column >= ColumnCount)
        return {};
    return QCoreApplication::translate("EventColumns", columnInfo[column].title);
}

QString EventColumns::key(Column column)
{
    if (column < 0 || column >= ColumnCount)
        return {};
    return QString::fromLatin1(columnInfo[column].key);
}

EventColumns::Column EventColumns::fromKey(QStringView key)
{
    for (int c = 0; c < ColumnCount; ++c) {
        if (key.compare(QLatin1String(columnInfo[c].key), Qt::CaseInsensitive) == 0)
            return Column(c);
    }
    return ColumnCount;
}

QList<EventColumns::Column> EventColumns::tableColumns()
{
    QList<Column> columns;
    for (int c = Time; c <= Id; ++c)
        columns.append(Column(c));
    return columns;
}

QByteArray EventColumns::isoTime(qint64 ms)
{
    // Civil from days (Howard Hinnant), to avoid QDateTime's cost per row in exports.
    qint64 seconds = ms >= 0 ? ms / 1000 : (ms - 999) / 1000;
    const int millis = int(ms - seconds * 1000);
    qint64 days = seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400;
    const int secOfDay = int(seconds - days * 86400);
    days += 719468;
    const qint64 era = (days >= 0 ? days : days - 146096) / 146097;
    const unsigned doe = unsigned(days - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    const qint64 y = qint64(yoe) + era * 400 + (m <= 2);
    if (y < 0 || y > 9999)
        return QByteArray::number(ms);
    QByteArray out(24, Qt::Uninitialized);
    char *p = out.data();
    p[0] = char('0' + y / 1000);
    p[1] = char('0' + y / 100 % 10);
    p[2] = char('0' + y / 10 % 10);
    p[3] = char('0' + y % 10);
    p[4] = '-';
    appendTwo(p + 5, int(m));
    p[7] = '-';
    appendTwo(p + 8, int(d));
    p[10] = 'T';
    appendTwo(p + 11, secOfDay / 3600);
    p[13] = ':';
    appendTwo(p + 14, secOfDay / 60 % 60);
    p[16] = ':';
    appendTwo(p + 17, secOfDay % 60);
    p[19] = '.';
    p[20] = char('0' + millis / 100);
    appendTwo(p + 21, millis % 100);
    p[23] = 'Z';
    return out;
}

void EventColumns::appendText(const EventStore &store, qsizetype row, Column column, QByteArray *out)
{
    const EventTypeCatalogue &catalogue = EventTypeCatalogue::builtIn();
    switch (column) {
    case Time:
        out->append(isoTime(store.timestampMs(row)));
        return;
    case Severity: {
        const auto &s = store.severities()[store.severityIndex(row)];
        appendString(out, EventTypeCatalogue::severityName(int(s.id), s.name));
        return;
    }
    case Category: {
        const auto &t = store.types()[store.typeIndex(row)];
        appendString(out, catalogue.categoryLabel(catalogue.categoryOf(int(t.id))));
        return;
    }
    case EventType:
        out->append(store.types()[store.typeIndex(row)].nameUtf8);
        return;
    case Description:
        out->append(store.descriptionUtf8(row));
        return;
    case Organisation:
        out->append(store.organisations()[store.organisationIndex(row)].nameUtf8);
        return;
    case Device:
    case DeviceId:
    case IpAddress:
    case Imei:
    case Tags: {
        const uint32_t e = store.endpointIndex(row);
        if (e == EventStore::None)
            return;
        const EventEndpoint &endpoint = store.endpoints()[e];
        if (column == DeviceId) {
            if (endpoint.id >= 0)
                appendNumber(out, endpoint.id);
            return;
        }
        appendString(out, column == Device ? endpoint.name : column == IpAddress ? endpoint.ipAddress
                                                                 : column == Imei    ? endpoint.imei
                                                                                     : endpoint.tags);
        return;
    }
    case Iccid:
        if (store.simIndex(row) != EventStore::None)
            appendString(out, store.sims()[store.simIndex(row)].iccid);
        return;
    case Imsi:
        if (store.imsiIndex(row) != EventStore::None)
            appendString(out, store.imsis()[store.imsiIndex(row)].imsi);
        return;
    case Source: {
        const auto &s = store.sources()[store.sourceIndex(row)];
        appendString(out, EventTypeCatalogue::sourceName(int(s.id), s.name));
        return;
    }
    case PerformedBy:
    case UserId:
    case UserName:
    case UserEmail: {
        const uint32_t u = store.userIndex(row);
        if (u == EventStore::None)
            return;
        const EventUser &user = store.users()[u];
        if (column == UserId) {
            if (user.id >= 0)
                appendNumber(out, user.id);
            return;
        }
        appendString(out, column == PerformedBy ? EventText::userShort(user) : column == UserName ? user.name : user.username);
        return;
    }
    case Id:
        appendNumber(out, store.id(row));
        return;
    case Alert:
        out->append(store.alert(row) ? "true" : "false");
        return;
    case TypeId:
        appendNumber(out, store.types()[store.typeIndex(row)].id);
        return;
    case OrganisationId:
        appendNumber(out, store.organisations()[store.organisationIndex(row)].id);
        return;
    case Payload:
        out->append(store.detailJson(row));
        return;
    case ColumnCount:
        return;
    }
}

QString EventColumns::text(const EventStore &store, qsizetype row, Column column)
{
    QByteArray utf8;
    appendText(store, row, column, &utf8);
    return QString::fromUtf8(utf8);
}
