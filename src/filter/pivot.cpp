// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "filter/pivot.h"

#include "filter/searchquery.h"
#include "model/eventstore.h"
#include "model/eventtext.h"

#include <QCoreApplication>

namespace {

// The search field a column's value is found by, and whether an empty text falls back to an id.
struct ColumnField
{
    EventColumns::Column column;
    const char *field;
};

constexpr ColumnField ColumnFields[] = {
    { EventColumns::Severity, "severity" },
    { EventColumns::Category, "category" },
    { EventColumns::EventType, "type" },
    { EventColumns::Description, "description" },
    { EventColumns::Organisation, "organisation" },
    { EventColumns::Device, "device" },
    { EventColumns::Iccid, "iccid" },
    { EventColumns::Imsi, "imsi" },
    { EventColumns::Source, "source" },
    { EventColumns::PerformedBy, "user" },
    { EventColumns::Id, "id" },
    { EventColumns::TypeId, "type" },
    { EventColumns::OrganisationId, "organisation" },
    { EventColumns::DeviceId, "device" },
    { EventColumns::IpAddress, "ip" },
    { EventColumns::Imei, "imei" },
    { EventColumns::Tags, "device" },
    { EventColumns::UserId, "user" },
    { EventColumns::UserName, "user" },
    { EventColumns::UserEmail, "user" },
};

const char *fieldOf(EventColumns::Column column)
{
    for (const ColumnField &f : ColumnFields) {
        if (f.column == column)
            return f.field;
    }
    return nullptr;
}

} // namespace

QString Pivot::cellValue(const EventStore &store, qsizetype row, EventColumns::Column column)
{
    if (row < 0 || row >= store.size() || !fieldOf(column))
        return {};
    switch (column) {
    case EventColumns::PerformedBy: {
        // The table shows "Name <e-mail>"; the user field finds either, the e-mail is the one that is unique.
        const uint32_t user = store.userIndex(row);
        if (user == EventStore::None)
            return {};
        const EventUser &u = store.users()[user];
        if (!u.username.trimmed().isEmpty())
            return u.username.trimmed();
        if (!u.name.trimmed().isEmpty())
            return u.name.trimmed();
        return u.id >= 0 ? QString::number(u.id) : QString();
    }
    case EventColumns::Device: {
        const QString name = EventColumns::text(store, row, column);
        return name.isEmpty() ? EventColumns::text(store, row, EventColumns::DeviceId) : name;
    }
    case EventColumns::Organisation: {
        const QString name = EventColumns::text(store, row, column);
        return name.isEmpty() ? EventColumns::text(store, row, EventColumns::OrganisationId) : name;
    }
    default:
        break;
    }
    return EventColumns::text(store, row, column);
}

QString Pivot::cellTerm(const EventStore &store, qsizetype row, EventColumns::Column column, bool excluded)
{
    const QString value = cellValue(store, row, column).trimmed();
    if (value.isEmpty())
        return {};
    return term(QString::fromLatin1(fieldOf(column)), value, excluded);
}

QString Pivot::payloadTerm(const QString &key, const QString &value, bool excluded)
{
    if (key.isEmpty() || value.trimmed().isEmpty())
        return {};
    return term(QString(QStringLiteral("detail.") + key), value, excluded);
}

QString Pivot::term(QStringView field, const QString &value, bool excluded)
{
    QString text;
    if (excluded)
        text += QLatin1Char('-');
    text += field;
    text += QLatin1String(":="); // "Show only Quota used up" must not show "SMS quota used up"
    text += quoted(value);
    return text;
}

QString Pivot::quoted(const QString &value)
{
    QString text = value;
    text.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + text + QLatin1Char('"');
}

bool Pivot::isExclusion(const QString &term)
{
    const SearchQuery query = SearchQuery::parse(term);
    return query.terms().size() == 1 && query.terms().constFirst().excluded;
}

QString Pivot::chipLabel(const QString &term)
{
    const SearchQuery query = SearchQuery::parse(term);
    if (!query.isValid() || query.terms().size() != 1)
        return term;
    const SearchQuery::Term &t = query.terms().constFirst();
    QString value = t.value.simplified(); // a chip is one line
    if (value.size() > ChipValueLength)
        value = value.left(ChipValueLength - 1) + QChar(0x2026);
    QString text = value;
    if (t.field != SearchQuery::Field::Any) {
        QStringView name(term);
        name = name.trimmed();
        if (name.startsWith(QLatin1Char('-')))
            name = name.sliced(1);
        name = name.left(name.indexOf(QLatin1Char(':')));
        text = QCoreApplication::translate("Pivot", "%1: %2").arg(name.toString().toLower(), value);
    }
    return t.excluded ? QCoreApplication::translate("Pivot", "not: %1").arg(text) : text;
}
