// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "model/eventcolumns.h"

#include "model/eventstore.h"
#include "model/eventtext.h"
#include "model/eventtypecatalogue.h"
#include "model/payloadsecrets.h"

#include <QCoreApplication>

#include <algorithm>
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

void writeDigits(char *at, int value, int width)
{
    for (int i = width - 1; i >= 0; --i) {
        at[i] = char('0' + value % 10);
        value /= 10;
    }
}

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

void EventColumns::appendIsoTime(QByteArray *out, qint64 ms)
{
    // Days to civil date (H. Hinnant's algorithm): QDateTime costs far more per row of an export.
    qint64 days = ms >= 0 ? ms / 86400000 : (ms - 86399999) / 86400000;
    const qint64 msOfDay = ms - days * 86400000;
    days += 719468;
    const qint64 era = (days >= 0 ? days : days - 146096) / 146097;
    const qint64 doe = days - era * 146097;
    const qint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const qint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const qint64 mp = (5 * doy + 2) / 153;
    const int day = int(doy - (153 * mp + 2) / 5 + 1);
    const int month = int(mp < 10 ? mp + 3 : mp - 9);
    const qint64 year = yoe + era * 400 + (month <= 2 ? 1 : 0);

    char buffer[25] = "0000-00-00T00:00:00.000Z";
    writeDigits(buffer, int(std::clamp<qint64>(year, 0, 9999)), 4);
    writeDigits(buffer + 5, month, 2);
    writeDigits(buffer + 8, day, 2);
    writeDigits(buffer + 11, int(msOfDay / 3600000), 2);
    writeDigits(buffer + 14, int(msOfDay / 60000 % 60), 2);
    writeDigits(buffer + 17, int(msOfDay / 1000 % 60), 2);
    writeDigits(buffer + 20, int(msOfDay % 1000), 3);
    out->append(buffer, 24);
}

QByteArray EventColumns::isoTime(qint64 ms)
{
    QByteArray out;
    appendIsoTime(&out, ms);
    return out;
}

bool EventColumns::isEntryColumn(Column column)
{
    switch (column) {
    case Severity:
    case Category:
    case EventType:
    case Organisation:
    case Device:
    case IpAddress:
    case Imei:
    case Tags:
    case Iccid:
    case Imsi:
    case Source:
    case PerformedBy:
    case UserName:
    case UserEmail:
        return true;
    default:
        return false;
    }
}

uint32_t EventColumns::entryOf(const EventStore &store, qsizetype row, Column column)
{
    switch (column) {
    case Severity:
        return store.severityIndex(row);
    case Category:
    case EventType:
        return store.typeIndex(row);
    case Organisation:
        return store.organisationIndex(row);
    case Device:
    case IpAddress:
    case Imei:
    case Tags:
        return store.endpointIndex(row);
    case Iccid:
        return store.simIndex(row);
    case Imsi:
        return store.imsiIndex(row);
    case Source:
        return store.sourceIndex(row);
    case PerformedBy:
    case UserName:
    case UserEmail:
        return store.userIndex(row);
    default:
        return EventStore::None;
    }
}

QByteArray EventColumns::entryText(const EventStore &store, Column column, uint32_t entry)
{
    const EventTypeCatalogue &catalogue = EventTypeCatalogue::builtIn();
    switch (column) {
    case Severity: {
        const auto &s = store.severities()[entry];
        return EventTypeCatalogue::severityName(int(s.id), s.name).toUtf8();
    }
    case Category:
        return catalogue.categoryLabel(catalogue.categoryOf(int(store.types()[entry].id))).toUtf8();
    case EventType:
        return store.types()[entry].nameUtf8;
    case Organisation:
        return store.organisations()[entry].nameUtf8;
    case Device:
        return store.endpoints()[entry].name.toUtf8();
    case IpAddress:
        return store.endpoints()[entry].ipAddress.toUtf8();
    case Imei:
        return store.endpoints()[entry].imei.toUtf8();
    case Tags:
        return store.endpoints()[entry].tags.toUtf8();
    case Iccid:
        return store.sims()[entry].iccid.toUtf8();
    case Imsi:
        return store.imsis()[entry].imsi.toUtf8();
    case Source: {
        const auto &s = store.sources()[entry];
        return EventTypeCatalogue::sourceName(int(s.id), s.name).toUtf8();
    }
    case PerformedBy:
        return EventText::userShort(store.users()[entry]).toUtf8();
    case UserName:
        return store.users()[entry].name.toUtf8();
    case UserEmail:
        return store.users()[entry].username.toUtf8();
    default:
        return {};
    }
}

EventColumns::TextCache::TextCache(const EventStore &store, const QList<Column> &columns)
{
    for (Column column : columns) {
        if (!isEntryColumn(column))
            continue;
        std::vector<QByteArray> &texts = m_texts[column];
        const size_t entries = column == Severity ? store.severities().size()
            : column == Category || column == EventType ? store.types().size()
            : column == Organisation                    ? store.organisations().size()
            : column == Iccid                           ? store.sims().size()
            : column == Imsi                            ? store.imsis().size()
            : column == Source                          ? store.sources().size()
            : column == PerformedBy || column == UserName || column == UserEmail ? store.users().size()
                                                                                 : store.endpoints().size();
        texts.reserve(entries);
        for (size_t entry = 0; entry < entries; ++entry)
            texts.push_back(entryText(store, column, uint32_t(entry)));
    }
}

void EventColumns::appendText(const EventStore &store, qsizetype row, Column column, QByteArray *out, const TextCache *cache)
{
    if (isEntryColumn(column)) {
        const uint32_t entry = entryOf(store, row, column);
        if (entry == EventStore::None)
            return;
        if (cache && entry < cache->m_texts[column].size())
            out->append(cache->m_texts[column][entry]);
        else
            out->append(entryText(store, column, entry));
        return;
    }
    switch (column) {
    case Time:
        appendIsoTime(out, store.timestampMs(row));
        return;
    case Description:
        out->append(store.descriptionUtf8(row));
        return;
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
    case DeviceId:
        if (store.endpointIndex(row) != EventStore::None && store.endpoints()[store.endpointIndex(row)].id >= 0)
            appendNumber(out, store.endpoints()[store.endpointIndex(row)].id);
        return;
    case UserId:
        if (store.userIndex(row) != EventStore::None && store.users()[store.userIndex(row)].id >= 0)
            appendNumber(out, store.users()[store.userIndex(row)].id);
        return;
    case Payload:
        // Exporters that keep secrets (on request) read the store themselves.
        PayloadSecrets::appendRedacted(out, store.detailJson(row));
        return;
    default:
        return;
    }
}

QString EventColumns::text(const EventStore &store, qsizetype row, Column column)
{
    QByteArray utf8;
    appendText(store, row, column, &utf8);
    return QString::fromUtf8(utf8);
}
