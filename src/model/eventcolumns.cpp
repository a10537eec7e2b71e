// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "model/eventcolumns.h"

#include "model/eventstore.h"
#include "model/eventtext.h"
#include "model/eventtypecatalogue.h"
#include "model/isotime.h"
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
        IsoTime::append(out, store.timestampMs(row));
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
