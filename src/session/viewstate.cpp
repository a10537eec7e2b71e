// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "session/viewstate.h"

#include <QJsonDocument>

#include "model/eventtypecatalogue.h"

#include <QJsonArray>

#include <algorithm>
#include <utility>

namespace {

// The names of EventEntity in view files; they are read back by name, never by number.
constexpr std::pair<EventEntity, const char *> EntityKeys[] = { { EventEntity::Organisation, "organisation" },
    { EventEntity::Endpoint, "device" }, { EventEntity::Sim, "sim" }, { EventEntity::Imsi, "imsi" },
    { EventEntity::User, "user" }, { EventEntity::Order, "order" } };

QString entityKey(EventEntity entity)
{
    for (const auto &[value, key] : EntityKeys) {
        if (value == entity)
            return QLatin1String(key);
    }
    return {};
}

std::optional<EventEntity> entityOfKey(const QString &key)
{
    for (const auto &[value, name] : EntityKeys) {
        if (key == QLatin1String(name))
            return value;
    }
    return std::nullopt;
}

using TR = ViewerFilterState::TimeRange;
using SK = ViewerFilterState::ScopeKind;

// Names in the file, not enum values: a file outlives a reordering of an enum.
constexpr std::pair<TR, const char *> rangeNames[] = {
    { TR::LastHour, "1h" },
    { TR::Last24Hours, "24h" },
    { TR::Last7Days, "7d" },
    { TR::Last30Days, "30d" },
    { TR::Today, "today" },
    { TR::Yesterday, "yesterday" },
    { TR::ThisWeek, "thisweek" },
    { TR::LastWeek, "lastweek" },
};
constexpr std::pair<SK, const char *> scopeNames[] = {
    { SK::Account, "account" },
    { SK::Endpoint, "device" },
    { SK::Sim, "sim" },
    { SK::User, "user" },
    { SK::Organisation, "organisation" },
};
constexpr const char *severityNames[] = { "info", "warn", "critical" };
constexpr const char *sourceNames[] = { "network", "policy", "api" };

QString path(const QString &where, const QString &field)
{
    return where.isEmpty() ? field : where + QLatin1Char('.') + field;
}

template <size_t N> QJsonArray namesOf(const QSet<int> &ids, const char *const (&names)[N])
{
    QList<int> sorted(ids.cbegin(), ids.cend());
    std::sort(sorted.begin(), sorted.end());
    QJsonArray array;
    for (int id : sorted) {
        if (id >= 0 && size_t(id) < N)
            array.append(QString::fromLatin1(names[id]));
        else
            array.append(id); // an id this version has no name for still round-trips
    }
    return array;
}

template <size_t N>
QSet<int> idsOf(
    const QJsonValue &value, const char *const (&names)[N], const QString &field, QStringList *problems)
{
    QSet<int> ids;
    if (!value.isArray()) {
        problems->append(ViewState::tr("%1: not a list").arg(field));
        return ids;
    }
    for (const QJsonValue &item : value.toArray()) {
        if (item.isDouble()) {
            ids.insert(item.toInt());
            continue;
        }
        const auto it = std::find_if(std::begin(names), std::end(names),
            [&](const char *name) { return item.toString() == QLatin1String(name); });
        if (it == std::end(names))
            problems->append(ViewState::tr("%1: unknown value \"%2\"").arg(field, item.toString()));
        else
            ids.insert(int(it - std::begin(names)));
    }
    return ids;
}

QString isoUtc(const QDateTime &time) { return time.toUTC().toString(Qt::ISODateWithMs); }

} // namespace

bool ViewState::sameStep(const ViewState &other) const
{
    return filter == other.filter && pins == other.pins && sortColumn == other.sortColumn
        && sortOrder == other.sortOrder && columns == other.columns
        && selectedEventId == other.selectedEventId;
}

ViewState ViewState::withoutPosition() const
{
    ViewState state = *this;
    state.selectedEventId.reset();
    state.topEventId.reset();
    return state;
}

QJsonObject ViewState::toJson() const
{
    QJsonObject object;
    QJsonObject range;
    if (filter.timeRange == TR::Custom) {
        range.insert(QStringLiteral("from"), isoUtc(filter.customFrom));
        range.insert(QStringLiteral("until"), isoUtc(filter.customUntil));
    } else {
        for (const auto &[value, name] : rangeNames) {
            if (value == filter.timeRange)
                range.insert(QStringLiteral("last"), QString::fromLatin1(name));
        }
    }
    object.insert(QStringLiteral("range"), range);
    QJsonObject scope;
    for (const auto &[value, name] : scopeNames) {
        if (value == filter.scopeKind)
            scope.insert(QStringLiteral("kind"), QString::fromLatin1(name));
    }
    if (filter.scopeKind != SK::Account)
        scope.insert(QStringLiteral("id"), filter.scopeId);
    object.insert(QStringLiteral("scope"), scope);
    if (!filter.hiddenSeverities.isEmpty())
        object.insert(QStringLiteral("hiddenSeverities"), namesOf(filter.hiddenSeverities, severityNames));
    if (!filter.hiddenSources.isEmpty())
        object.insert(QStringLiteral("hiddenSources"), namesOf(filter.hiddenSources, sourceNames));
    if (!filter.hiddenCategories.isEmpty()) {
        // Category keys, not indexes: the catalogue may grow categories in between.
        const QList<EventTypeCatalogue::Category> &categories = EventTypeCatalogue::builtIn().categories();
        QStringList keys;
        for (int index : filter.hiddenCategories) {
            if (index >= 0 && index < categories.size())
                keys.append(categories.at(index).key);
        }
        keys.sort();
        object.insert(QStringLiteral("hiddenCategories"), QJsonArray::fromStringList(keys));
    }
    if (!filter.hiddenTypeIds.isEmpty()) {
        QList<int> types(filter.hiddenTypeIds.cbegin(), filter.hiddenTypeIds.cend());
        std::sort(types.begin(), types.end());
        QJsonArray array;
        for (int id : types)
            array.append(id);
        object.insert(QStringLiteral("hiddenTypes"), array);
    }
    if (!filter.searchText.isEmpty())
        object.insert(QStringLiteral("search"), filter.searchText);
    if (!filter.pivots.isEmpty())
        object.insert(QStringLiteral("pivots"), QJsonArray::fromStringList(filter.pivots));
    if (!pins.isEmpty()) {
        QJsonArray array;
        for (const EntityPin &pin : pins) {
            array.append(QJsonObject { { QStringLiteral("entity"), entityKey(pin.entity) },
                { QStringLiteral("id"), QString::number(pin.id) }, { QStringLiteral("label"), pin.label } });
        }
        object.insert(QStringLiteral("pins"), array);
    }
    object.insert(QStringLiteral("sort"),
        QJsonObject { { QStringLiteral("column"), EventColumns::key(EventColumns::Column(sortColumn)) },
            { QStringLiteral("order"),
                sortOrder == Qt::AscendingOrder ? QStringLiteral("ascending")
                                                : QStringLiteral("descending") } });
    if (!columns.isEmpty()) {
        QJsonArray array;
        for (EventColumns::Column column : columns)
            array.append(EventColumns::key(column));
        object.insert(QStringLiteral("columns"), array);
    }
    // Ids as strings: JSON numbers lose digits past 2^53 in many readers.
    if (selectedEventId)
        object.insert(QStringLiteral("selectedEvent"), QString::number(*selectedEventId));
    if (topEventId)
        object.insert(QStringLiteral("topEvent"), QString::number(*topEventId));
    return object;
}

std::optional<QJsonObject> ViewState::readFileObject(const QByteArray &json, QString *error)
{
    QJsonParseError parseError {};
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = tr("The file is not valid JSON (%1 at byte %2).")
                     .arg(parseError.errorString())
                     .arg(parseError.offset);
        return std::nullopt;
    }
    return document.object();
}

bool ViewState::checkFileVersion(
    const QJsonObject &file, int readsUpTo, QString *error, QStringList *problems)
{
    const int version = file.value(QStringLiteral("version")).toInt(0);
    if (version < 1) {
        *error = tr("The file has no valid version.");
        return false;
    }
    if (version > readsUpTo)
        problems->append(tr("The file is from a newer version of the viewer (format %1, this one reads %2): "
                            "what it does not know is left out.")
                             .arg(version)
                             .arg(readsUpTo));
    return true;
}

ViewState ViewState::fromJson(const QJsonObject &object, QStringList *problems, const QString &where)
{
    ViewState state;
    QStringList ignored;
    if (!problems)
        problems = &ignored;
    const auto readId = [&](const QString &field) -> std::optional<qint64> {
        const QJsonValue value = object.value(field);
        bool ok = false;
        const qint64 id = value.isString() ? value.toString().toLongLong(&ok) : value.toInteger(-1);
        if (value.isString() ? ok : id >= 0)
            return id;
        problems->append(ViewState::tr("%1: not an event id").arg(path(where, field)));
        return std::nullopt;
    };
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        const QString key = it.key();
        const QJsonValue value = it.value();
        const QString field = path(where, key);
        if (key == QLatin1String("range")) {
            const QJsonObject range = value.toObject();
            const QString last = range.value(QStringLiteral("last")).toString();
            const auto known = std::find_if(std::begin(rangeNames), std::end(rangeNames),
                [&](const auto &entry) { return last == QLatin1String(entry.second); });
            if (known != std::end(rangeNames)) {
                state.filter.timeRange = known->first;
            } else if (range.contains(QStringLiteral("from"))) {
                const QDateTime from = QDateTime::fromString(
                    range.value(QStringLiteral("from")).toString(), Qt::ISODateWithMs);
                const QDateTime until = QDateTime::fromString(
                    range.value(QStringLiteral("until")).toString(), Qt::ISODateWithMs);
                if (from.isValid() && until.isValid() && from < until) {
                    state.filter.timeRange = TR::Custom;
                    state.filter.customFrom = from.toLocalTime();
                    state.filter.customUntil = until.toLocalTime();
                } else {
                    problems->append(ViewState::tr("%1: not a valid time range").arg(field));
                }
            } else {
                problems->append(ViewState::tr("%1: unknown time range \"%2\"").arg(field, last));
            }
            for (const QString &inner : range.keys()) {
                if (inner != QLatin1String("last") && inner != QLatin1String("from")
                    && inner != QLatin1String("until"))
                    problems->append(ViewState::tr("%1: unknown field").arg(path(field, inner)));
            }
        } else if (key == QLatin1String("scope")) {
            const QJsonObject scope = value.toObject();
            const QString kind = scope.value(QStringLiteral("kind")).toString();
            const auto known = std::find_if(std::begin(scopeNames), std::end(scopeNames),
                [&](const auto &entry) { return kind == QLatin1String(entry.second); });
            if (known == std::end(scopeNames)) {
                problems->append(ViewState::tr("%1: unknown scope \"%2\"").arg(field, kind));
            } else if (known->first != SK::Account
                && scope.value(QStringLiteral("id")).toString().trimmed().isEmpty()) {
                problems->append(ViewState::tr("%1: a scope without an id").arg(field));
            } else {
                state.filter.scopeKind = known->first;
                state.filter.scopeId = known->first == SK::Account
                    ? QString()
                    : scope.value(QStringLiteral("id")).toString().trimmed();
            }
            for (const QString &inner : scope.keys()) {
                if (inner != QLatin1String("kind") && inner != QLatin1String("id"))
                    problems->append(ViewState::tr("%1: unknown field").arg(path(field, inner)));
            }
        } else if (key == QLatin1String("hiddenSeverities")) {
            state.filter.hiddenSeverities = idsOf(value, severityNames, field, problems);
        } else if (key == QLatin1String("hiddenSources")) {
            state.filter.hiddenSources = idsOf(value, sourceNames, field, problems);
        } else if (key == QLatin1String("hiddenCategories")) {
            const QList<EventTypeCatalogue::Category> &categories
                = EventTypeCatalogue::builtIn().categories();
            for (const QJsonValue &item : value.toArray()) {
                const auto found = std::find_if(categories.cbegin(), categories.cend(),
                    [&](const EventTypeCatalogue::Category &c) { return c.key == item.toString(); });
                if (found == categories.cend())
                    problems->append(
                        ViewState::tr("%1: unknown category \"%2\"").arg(field, item.toString()));
                else
                    state.filter.hiddenCategories.insert(int(found - categories.cbegin()));
            }
            if (!value.isArray())
                problems->append(ViewState::tr("%1: not a list").arg(field));
        } else if (key == QLatin1String("hiddenTypes")) {
            for (const QJsonValue &item : value.toArray()) {
                if (item.isDouble() && item.toInt(-1) >= 0)
                    state.filter.hiddenTypeIds.insert(item.toInt());
                else
                    problems->append(ViewState::tr("%1: not an event type id").arg(field));
            }
            if (!value.isArray())
                problems->append(ViewState::tr("%1: not a list").arg(field));
        } else if (key == QLatin1String("search")) {
            if (value.isString())
                state.filter.searchText = value.toString();
            else
                problems->append(ViewState::tr("%1: not a text").arg(field));
        } else if (key == QLatin1String("pivots")) {
            for (const QJsonValue &item : value.toArray()) {
                if (item.isString())
                    state.filter.pivots.append(item.toString());
                else
                    problems->append(ViewState::tr("%1: not a text").arg(field));
            }
        } else if (key == QLatin1String("pins")) {
            const QJsonArray array = value.toArray();
            if (!value.isArray())
                problems->append(ViewState::tr("%1: not a list").arg(field));
            for (qsizetype i = 0; i < array.size(); ++i) {
                const QJsonObject pin = array.at(i).toObject();
                const QString at = QStringLiteral("%1[%2]").arg(field).arg(i);
                const std::optional<EventEntity> entity
                    = entityOfKey(pin.value(QStringLiteral("entity")).toString());
                bool ok = false;
                const qint64 id = pin.value(QStringLiteral("id")).toString().toLongLong(&ok);
                if (!entity || !ok || id < 0 || pin.size() != 3
                    || !pin.value(QStringLiteral("label")).isString()) {
                    problems->append(ViewState::tr("%1: not a pin (entity, id and label)").arg(at));
                    continue;
                }
                // One per kind, as the window keeps them: a later one wins.
                state.pins.removeIf([&](const EntityPin &other) { return other.entity == *entity; });
                state.pins.append({ *entity, id, pin.value(QStringLiteral("label")).toString() });
            }
        } else if (key == QLatin1String("sort")) {
            const QJsonObject sort = value.toObject();
            const EventColumns::Column column
                = EventColumns::fromKey(sort.value(QStringLiteral("column")).toString());
            if (column == EventColumns::ColumnCount || !EventColumns::tableColumns().contains(column))
                problems->append(ViewState::tr("%1: unknown column \"%2\"")
                                     .arg(field, sort.value(QStringLiteral("column")).toString()));
            else
                state.sortColumn = column;
            const QString order = sort.value(QStringLiteral("order")).toString();
            if (order == QLatin1String("ascending"))
                state.sortOrder = Qt::AscendingOrder;
            else if (order != QLatin1String("descending"))
                problems->append(ViewState::tr("%1: unknown order \"%2\"").arg(field, order));
            for (const QString &inner : sort.keys()) {
                if (inner != QLatin1String("column") && inner != QLatin1String("order"))
                    problems->append(ViewState::tr("%1: unknown field").arg(path(field, inner)));
            }
        } else if (key == QLatin1String("columns")) {
            for (const QJsonValue &item : value.toArray()) {
                const EventColumns::Column column = EventColumns::fromKey(item.toString());
                if (column == EventColumns::ColumnCount || !EventColumns::tableColumns().contains(column))
                    problems->append(ViewState::tr("%1: unknown column \"%2\"").arg(field, item.toString()));
                else if (!state.columns.contains(column))
                    state.columns.append(column);
            }
        } else if (key == QLatin1String("selectedEvent")) {
            state.selectedEventId = readId(key);
        } else if (key == QLatin1String("topEvent")) {
            state.topEventId = readId(key);
        } else {
            problems->append(ViewState::tr("%1: unknown field").arg(field));
        }
    }
    return state;
}
