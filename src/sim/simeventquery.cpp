// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "sim/simeventquery.h"

#include "api/eventquerymatcher.h"
#include "model/eventstore.h"
#include "model/isotime.h"

#include <QDateTime>
#include <QHash>

#include <algorithm>
#include <numeric>

namespace {

constexpr int MaxAlternatives = 6;

SimEventQuery::Error queryError(const QString &message)
{
    return SimEventQuery::Error { 422, 1301, "InvalidQueryCriteria", message };
}

// No zone given: the API means UTC. A date alone is its midnight.
std::optional<qint64> parseTime(const QString &text)
{
    return IsoTime::parse(text, IsoTime::DateOnly::Midnight);
}

bool isNumber(const QString &s)
{
    bool ok = false;
    s.toLongLong(&ok);
    return ok;
}

// Strings of an entity table ranked for sorting: equal strings share a rank.
template <typename Table, typename Get> std::vector<qint64> ranks(const Table &table, Get get)
{
    std::vector<uint32_t> order(table.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
        return QString::compare(get(table[a]), get(table[b]), Qt::CaseInsensitive) < 0;
    });
    std::vector<qint64> rank(table.size());
    qint64 r = 0;
    for (size_t i = 0; i < order.size(); ++i) {
        if (i > 0
            && QString::compare(get(table[order[i - 1]]), get(table[order[i]]), Qt::CaseInsensitive) != 0)
            ++r;
        rank[order[i]] = r;
    }
    return rank;
}

template <typename Table, typename Pred> std::vector<char> bitmap(const Table &table, Pred pred)
{
    std::vector<char> out(table.size());
    for (size_t i = 0; i < table.size(); ++i)
        out[i] = pred(table[i]) ? 1 : 0;
    return out;
}

// The value rules are the ones offline archive reads apply (EventQueryMatcher).
bool anyContains(const QString &text, const QStringList &values)
{
    return EventQueryMatcher::containsAny(text, values);
}

bool anyEquals(const QString &text, const QStringList &values)
{
    return EventQueryMatcher::equalsAny(text, values);
}

bool namedMatches(const EventStore::NamedId &n, const QStringList &values)
{
    for (const QString &v : values) {
        bool ok = false;
        const qint64 id = v.toLongLong(&ok);
        if (ok ? n.id == id : n.name.compare(v, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

} // namespace

std::optional<SimEventQuery::Error> SimEventQuery::parse(const QString &sort, const QString &q)
{
    static const QHash<QString, Field> sortFields = {
        { QStringLiteral("id"), Field::Id },
        { QStringLiteral("timestamp"), Field::Timestamp },
        { QStringLiteral("source"), Field::Source },
        { QStringLiteral("severity"), Field::Severity },
        { QStringLiteral("alert"), Field::Alert },
        { QStringLiteral("organisation"), Field::Organisation },
        { QStringLiteral("user"), Field::User },
        { QStringLiteral("endpoint"), Field::Endpoint },
        { QStringLiteral("tags"), Field::Tags },
        { QStringLiteral("ip_address"), Field::IpAddress },
        { QStringLiteral("iccid"), Field::Iccid },
        { QStringLiteral("imsi"), Field::Imsi },
        { QStringLiteral("type"), Field::Type },
    };
    m_sort.clear();
    m_conditions.clear();
    for (QString part : sort.split(u',', Qt::SkipEmptyParts)) {
        part = part.trimmed();
        SortKey key { Field::Id };
        if (part.startsWith(u'-') || part.startsWith(u'+')) {
            key.descending = part.front() == u'-';
            part.remove(0, 1);
        }
        const auto it = sortFields.constFind(part);
        if (it == sortFields.cend())
            return Error { 400, 1302, "InvalidSortCriteria",
                QStringLiteral("Invalid sort field '%1'").arg(part) };
        key.field = *it;
        m_sort.append(key);
    }

    bool haveFrom = false, haveUntil = false;
    for (const QString &rawPart : q.split(u',', Qt::SkipEmptyParts)) {
        const QString part = rawPart.trimmed();
        const qsizetype colon = part.indexOf(u':');
        if (colon <= 0 || colon == part.size() - 1)
            return queryError(QStringLiteral("Invalid filter criteria '%1': expected field:value").arg(part));
        const QString field = part.left(colon).trimmed();
        const QString value = part.mid(colon + 1).trimmed();
        haveFrom = haveFrom || field == QLatin1String("from");
        haveUntil = haveUntil || field == QLatin1String("until");
        if (auto error = parseCondition(field, value))
            return error;
    }
    if (haveFrom != haveUntil)
        return queryError(QStringLiteral("The filter criteria 'from' and 'until' are only valid together"));
    if (haveFrom) {
        // Merge from and until into one range condition.
        Condition range { Field::From, {} };
        for (const Condition &c : std::as_const(m_conditions)) {
            if (c.field == Field::From)
                range.from = c.from;
            else if (c.field == Field::Until)
                range.until = c.until;
        }
        m_conditions.removeIf(
            [](const Condition &c) { return c.field == Field::From || c.field == Field::Until; });
        m_conditions.append(range);
    }
    return std::nullopt;
}

std::optional<SimEventQuery::Error> SimEventQuery::parseCondition(const QString &field, const QString &value)
{
    static const QHash<QString, Field> fields = {
        { QStringLiteral("type"), Field::Type },
        { QStringLiteral("source"), Field::Source },
        { QStringLiteral("severity"), Field::Severity },
        { QStringLiteral("alert"), Field::Alert },
        { QStringLiteral("description"), Field::Description },
        { QStringLiteral("organisation"), Field::Organisation },
        { QStringLiteral("user"), Field::User },
        { QStringLiteral("endpoint"), Field::Endpoint },
        { QStringLiteral("tags"), Field::Tags },
        { QStringLiteral("ip_address"), Field::IpAddress },
        { QStringLiteral("imei"), Field::Imei },
        { QStringLiteral("iccid"), Field::Iccid },
        { QStringLiteral("imsi"), Field::Imsi },
        { QStringLiteral("timestamp"), Field::Day },
        { QStringLiteral("from"), Field::From },
        { QStringLiteral("until"), Field::Until },
    };
    const auto it = fields.constFind(field);
    if (it == fields.cend())
        return queryError(QStringLiteral("Unknown filter field '%1'").arg(field));
    Condition c { *it, {} };
    switch (c.field) {
    case Field::From:
    case Field::Until: {
        const auto t = parseTime(value);
        if (!t)
            return queryError(QStringLiteral("Invalid date '%1' for '%2', expected YYYY-MM-DDTHH:mm:ssZ")
                                  .arg(value, field));
        c.from = c.until = *t;
        break;
    }
    case Field::Day: {
        const QDate day = QDate::fromString(value.left(10), Qt::ISODate);
        if (!day.isValid())
            return queryError(QStringLiteral("Invalid date '%1' for 'timestamp'").arg(value));
        c.from = QDateTime(day, QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
        c.until = c.from + IsoTime::DayMs - 1;
        break;
    }
    case Field::Alert: {
        const QString v = value.toLower();
        if (v != QLatin1String("true") && v != QLatin1String("false") && v != QLatin1String("1")
            && v != QLatin1String("0"))
            return queryError(
                QStringLiteral("Invalid value '%1' for 'alert', expected true or false").arg(value));
        c.values = { (v == QLatin1String("true") || v == QLatin1String("1")) ? QStringLiteral("1")
                                                                             : QStringLiteral("0") };
        break;
    }
    default:
        c.values = value.split(u'|', Qt::SkipEmptyParts);
        for (QString &v : c.values)
            v = v.trimmed();
        if (c.values.isEmpty() || c.values.size() > MaxAlternatives)
            return queryError(QStringLiteral("Invalid value '%1' for '%2': 1 to %3 values separated by '|'")
                                  .arg(value, field)
                                  .arg(MaxAlternatives));
        if (c.field == Field::Source || c.field == Field::Severity) {
            for (const QString &v : std::as_const(c.values)) {
                if (isNumber(v) && (v.toInt() < 0 || v.toInt() > 2))
                    return queryError(QStringLiteral("Invalid value '%1' for '%2'").arg(v, field));
            }
        }
        if (c.field == Field::Imei || c.field == Field::Iccid || c.field == Field::Imsi) {
            for (const QString &v : std::as_const(c.values)) {
                if (!std::all_of(v.cbegin(), v.cend(), [](QChar ch) { return ch.isDigit(); }))
                    return queryError(
                        QStringLiteral("Invalid value '%1' for '%2': digits expected").arg(v, field));
            }
        }
    }
    m_conditions.append(c);
    return std::nullopt;
}

void SimEventQuery::setScope(Scope scope, qint64 id)
{
    m_scope = scope;
    m_scopeId = id;
}

std::vector<uint32_t> SimEventQuery::run(const EventStore &store) const
{
    // Each condition becomes a test of one column: a bitmap over the interned table the column
    // points into (cheap: tables are small next to the rows), or a time range.
    enum class Column {
        Type,
        Source,
        Severity,
        Organisation,
        User,
        Endpoint,
        Sim,
        Imsi,
        Description,
        Alert,
        Time
    };
    struct Check
    {
        Column column;
        std::vector<char> match;
        qint64 from = 0, until = 0;
    };
    std::vector<Check> checks;
    const QString scopeText = QString::number(m_scopeId);
    switch (m_scope) {
    case Scope::All:
        break;
    case Scope::Endpoint:
        checks.push_back({ Column::Endpoint,
            bitmap(store.endpoints(), [&](const EventEndpoint &e) { return e.id == m_scopeId; }) });
        break;
    case Scope::Sim:
        checks.push_back(
            { Column::Sim, bitmap(store.sims(), [&](const EventSim &s) { return s.id == m_scopeId; }) });
        break;
    case Scope::User:
        checks.push_back(
            { Column::User, bitmap(store.users(), [&](const EventUser &u) { return u.id == m_scopeId; }) });
        break;
    case Scope::Organisation:
        checks.push_back({ Column::Organisation,
            bitmap(store.organisations(), [&](const EventStore::NamedId &o) { return o.id == m_scopeId; }) });
        break;
    case Scope::Imsi:
        checks.push_back(
            { Column::Imsi, bitmap(store.imsis(), [&](const EventImsi &i) { return i.id == m_scopeId; }) });
        break;
    }

    for (const Condition &c : m_conditions) {
        const QStringList &v = c.values;
        switch (c.field) {
        case Field::Type:
            checks.push_back({ Column::Type,
                bitmap(store.types(), [&](const EventStore::NamedId &n) { return namedMatches(n, v); }) });
            break;
        case Field::Source:
            checks.push_back({ Column::Source,
                bitmap(store.sources(), [&](const EventStore::NamedId &n) { return namedMatches(n, v); }) });
            break;
        case Field::Severity:
            checks.push_back(
                { Column::Severity, bitmap(store.severities(), [&](const EventStore::NamedId &n) {
                     return namedMatches(n, v);
                 }) });
            break;
        case Field::Organisation:
            checks.push_back(
                { Column::Organisation, bitmap(store.organisations(), [&](const EventStore::NamedId &n) {
                     for (const QString &value : v) {
                         bool ok = false;
                         const qint64 id = value.toLongLong(&ok);
                         if ((ok && n.id == id) || n.name.contains(value, Qt::CaseInsensitive))
                             return true;
                     }
                     return false;
                 }) });
            break;
        case Field::User:
            checks.push_back({ Column::User, bitmap(store.users(), [&](const EventUser &u) {
                                  return EventQueryMatcher::idOrNameMatches(u.id, { u.name, u.username }, v);
                              }) });
            break;
        case Field::Endpoint:
            checks.push_back({ Column::Endpoint,
                bitmap(store.endpoints(), [&](const EventEndpoint &e) { return anyContains(e.name, v); }) });
            break;
        case Field::Tags:
            checks.push_back({ Column::Endpoint,
                bitmap(store.endpoints(), [&](const EventEndpoint &e) { return anyContains(e.tags, v); }) });
            break;
        case Field::IpAddress:
            checks.push_back({ Column::Endpoint, bitmap(store.endpoints(), [&](const EventEndpoint &e) {
                                  return anyEquals(e.ipAddress, v);
                              }) });
            break;
        case Field::Imei:
            checks.push_back({ Column::Endpoint,
                bitmap(store.endpoints(), [&](const EventEndpoint &e) { return anyEquals(e.imei, v); }) });
            break;
        case Field::Iccid:
            checks.push_back({ Column::Sim, bitmap(store.sims(), [&](const EventSim &s) {
                                  return EventQueryMatcher::iccidMatches(s.iccid, v);
                              }) });
            break;
        case Field::Imsi:
            checks.push_back({ Column::Imsi,
                bitmap(store.imsis(), [&](const EventImsi &i) { return anyEquals(i.imsi, v); }) });
            break;
        case Field::Description: {
            Check check { Column::Description, std::vector<char>(store.stringCount()) };
            for (uint32_t i = 0; i < store.stringCount(); ++i)
                check.match[i] = anyContains(QString::fromUtf8(store.string(i)), v) ? 1 : 0;
            checks.push_back(std::move(check));
            break;
        }
        case Field::Alert:
            checks.push_back({ Column::Alert, { v.front() == QLatin1String("1") ? char(1) : char(0) } });
            break;
        case Field::From:
        case Field::Until:
        case Field::Day:
            checks.push_back({ Column::Time, {}, c.from, c.until });
            break;
        default:
            break;
        }
    }

    std::vector<uint32_t> rows;
    const qsizetype n = store.size();
    rows.reserve(size_t(checks.empty() ? n : n / 4));
    auto inTable = [](const std::vector<char> &match, uint32_t index) {
        return index != EventStore::None && index < match.size() && match[index];
    };
    for (qsizetype row = 0; row < n; ++row) {
        bool ok = true;
        for (const Check &check : checks) {
            switch (check.column) {
            case Column::Type:
                ok = inTable(check.match, store.typeIndex(row));
                break;
            case Column::Source:
                ok = inTable(check.match, store.sourceIndex(row));
                break;
            case Column::Severity:
                ok = inTable(check.match, store.severityIndex(row));
                break;
            case Column::Organisation:
                ok = inTable(check.match, store.organisationIndex(row));
                break;
            case Column::User:
                ok = inTable(check.match, store.userIndex(row));
                break;
            case Column::Endpoint:
                ok = inTable(check.match, store.endpointIndex(row));
                break;
            case Column::Sim:
                ok = inTable(check.match, store.simIndex(row));
                break;
            case Column::Imsi:
                ok = inTable(check.match, store.imsiIndex(row));
                break;
            case Column::Description:
                ok = inTable(check.match, store.descriptionIndex(row));
                break;
            case Column::Alert:
                ok = store.alert(row) == bool(check.match.front());
                break;
            case Column::Time: {
                const qint64 t = store.timestampMs(row);
                ok = t >= check.from && t <= check.until;
                break;
            }
            }
            if (!ok)
                break;
        }
        if (ok)
            rows.push_back(uint32_t(row));
    }

    // Sort keys as integers per row: ids directly, strings as ranks in their (small) tables.
    std::vector<std::pair<std::vector<qint64>, bool>> keys;
    for (const SortKey &key : m_sort) {
        std::vector<qint64> rankOf;
        auto fetch = [&](auto get) {
            std::vector<qint64> k(static_cast<size_t>(n));
            for (uint32_t row : rows)
                k[row] = get(qsizetype(row));
            keys.emplace_back(std::move(k), key.descending);
        };
        auto entityRank
            = [&](uint32_t index) { return index == EventStore::None ? qint64(-1) : rankOf[index]; };
        switch (key.field) {
        case Field::Id:
            fetch([&](qsizetype r) { return store.id(r); });
            break;
        case Field::Timestamp:
            fetch([&](qsizetype r) { return store.timestampMs(r); });
            break;
        case Field::Source:
            fetch([&](qsizetype r) { return store.sources()[store.sourceIndex(r)].id; });
            break;
        case Field::Severity:
            fetch([&](qsizetype r) { return store.severities()[store.severityIndex(r)].id; });
            break;
        case Field::Type:
            fetch([&](qsizetype r) { return store.types()[store.typeIndex(r)].id; });
            break;
        case Field::Alert:
            fetch([&](qsizetype r) { return qint64(store.alert(r)); });
            break;
        case Field::User:
            fetch([&](qsizetype r) {
                return store.userIndex(r) == EventStore::None ? qint64(-1)
                                                              : store.users()[store.userIndex(r)].id;
            });
            break;
        case Field::Organisation:
            rankOf = ranks(store.organisations(), [](const EventStore::NamedId &o) { return o.name; });
            fetch([&](qsizetype r) { return entityRank(store.organisationIndex(r)); });
            break;
        case Field::Endpoint:
            rankOf = ranks(store.endpoints(), [](const EventEndpoint &e) { return e.name; });
            fetch([&](qsizetype r) { return entityRank(store.endpointIndex(r)); });
            break;
        case Field::Tags:
            rankOf = ranks(store.endpoints(), [](const EventEndpoint &e) { return e.tags; });
            fetch([&](qsizetype r) { return entityRank(store.endpointIndex(r)); });
            break;
        case Field::IpAddress:
            rankOf = ranks(store.endpoints(), [](const EventEndpoint &e) { return e.ipAddress; });
            fetch([&](qsizetype r) { return entityRank(store.endpointIndex(r)); });
            break;
        case Field::Iccid:
            rankOf = ranks(store.sims(), [](const EventSim &s) { return s.iccid; });
            fetch([&](qsizetype r) { return entityRank(store.simIndex(r)); });
            break;
        case Field::Imsi:
            rankOf = ranks(store.imsis(), [](const EventImsi &i) { return i.imsi; });
            fetch([&](qsizetype r) { return entityRank(store.imsiIndex(r)); });
            break;
        default:
            break;
        }
    }
    std::sort(rows.begin(), rows.end(), [&](uint32_t a, uint32_t b) {
        for (const auto &[k, descending] : keys) {
            if (k[a] != k[b])
                return descending ? k[a] > k[b] : k[a] < k[b];
        }
        return store.id(a) < store.id(b);
    });
    return rows;
}
