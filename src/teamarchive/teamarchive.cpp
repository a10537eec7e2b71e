// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "teamarchive/teamarchive.h"

#include "api/eventquerymatcher.h"
#include "archive/batchpayloads.h"
#include "filter/searchquery.h"
#include "model/eventbatchbuilder.h"
#include "model/payloadsecrets.h"
#include "model/simcardorder.h"
#include "model/workerpools.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QSysInfo>
#include <QThreadPool>
#include <QTimeZone>
#include <QtConcurrent>
#include <QtEndian>

#include <libpq-fe.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <initializer_list>
#include <limits>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <unistd.h>

namespace {

// Advisory lock keys (class, object): one class for this program's locks.
constexpr int LockClass = 1163264000; // "EV" and a number nobody else is likely to pick
constexpr int SchemaLock = 0; // creating or upgrading the schema
constexpr int PartitionLock = 1; // creating a month's partition
constexpr int SyncLockClass = LockClass + 1; // object: the account's id

// The event columns, in the order reads select them and COPY writes them (after account).
constexpr const char *EventColumns
    = "id, ts_ms, alert, description, type_id, type_name, source_id, source_name, "
      "severity_id, severity_name, organisation_id, organisation_name, user_id, "
      "user_name, user_username, endpoint_id, endpoint_name, endpoint_ip, "
      "endpoint_imei, endpoint_tags, sim_id, iccid, sim_production_date, imsi_id, "
      "imsi, imsi_import_date, detail, extra";

// Version 1. Indexes for the viewer's queries (checked with EXPLAIN ANALYZE on bench_teamarchive's
// archive): the primary key serves a time range of the whole account (scanned backwards: newest
// first, no sort); the others a type or organisation over time, the scope entities over time,
// and the ICCID prefix and IMSI lookups. Severity and source have three values each: the time range narrows
// better.
constexpr const char *SchemaV1 = R"sql(
CREATE TABLE ev_account (
    id serial PRIMARY KEY,
    api_url text NOT NULL,
    organisation text NOT NULL,
    label text NOT NULL DEFAULT '',
    redacted_values bigint NOT NULL DEFAULT 0,
    UNIQUE (api_url, organisation));
CREATE TABLE ev_event (
    account integer NOT NULL,
    id bigint NOT NULL,
    ts_ms bigint NOT NULL,
    alert boolean NOT NULL,
    description text NOT NULL,
    type_id integer NOT NULL, type_name text NOT NULL,
    source_id integer NOT NULL, source_name text NOT NULL,
    severity_id integer NOT NULL, severity_name text NOT NULL,
    organisation_id bigint NOT NULL, organisation_name text NOT NULL,
    user_id bigint, user_name text, user_username text,
    endpoint_id bigint, endpoint_name text, endpoint_ip text, endpoint_imei text, endpoint_tags text,
    sim_id bigint, iccid text, sim_production_date text,
    imsi_id bigint, imsi text, imsi_import_date text,
    detail text NOT NULL,
    extra text NOT NULL,
    PRIMARY KEY (account, ts_ms, id)
) PARTITION BY RANGE (ts_ms);
CREATE INDEX ev_event_type ON ev_event (account, type_id, ts_ms);
CREATE INDEX ev_event_organisation ON ev_event (account, organisation_id, ts_ms);
CREATE INDEX ev_event_endpoint ON ev_event (account, endpoint_id, ts_ms) WHERE endpoint_id IS NOT NULL;
CREATE INDEX ev_event_sim ON ev_event (account, sim_id, ts_ms) WHERE sim_id IS NOT NULL;
CREATE INDEX ev_event_user ON ev_event (account, user_id, ts_ms) WHERE user_id IS NOT NULL;
CREATE INDEX ev_event_iccid ON ev_event (account, iccid text_pattern_ops) WHERE iccid IS NOT NULL;
CREATE INDEX ev_event_imsi ON ev_event (account, imsi) WHERE imsi IS NOT NULL;
CREATE TABLE ev_coverage (
    account integer NOT NULL REFERENCES ev_account (id) ON DELETE CASCADE,
    from_ms bigint NOT NULL,
    until_ms bigint NOT NULL,
    PRIMARY KEY (account, from_ms));
CREATE TABLE ev_sync (
    account integer PRIMARY KEY REFERENCES ev_account (id) ON DELETE CASCADE,
    holder text NOT NULL,
    started_ms bigint NOT NULL,
    finished_ms bigint,
    added bigint,
    error text);
)sql";

struct ResultDeleter
{
    void operator()(PGresult *result) const { PQclear(result); }
};
using Result = std::unique_ptr<PGresult, ResultDeleter>;

bool succeeded(const Result &result)
{
    const ExecStatusType status = result ? PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
    return status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;
}

Result exec(PGconn *connection, const char *sql) { return Result(PQexec(connection, sql)); }

// Text parameters; a null QByteArray is SQL NULL.
Result exec(PGconn *connection, const QByteArray &sql, const std::vector<QByteArray> &params)
{
    std::vector<const char *> values;
    values.reserve(params.size());
    for (const QByteArray &p : params)
        values.push_back(p.isNull() ? nullptr : p.constData());
    return Result(PQexecParams(
        connection, sql.constData(), int(values.size()), nullptr, values.data(), nullptr, nullptr, 0));
}

QString serverMessage(PGconn *connection) { return QString::fromUtf8(PQerrorMessage(connection)).trimmed(); }

qint64 toInt(const PGresult *result, int row, int column)
{
    const char *text = PQgetvalue(result, row, column);
    qint64 value = 0;
    std::from_chars(text, text + PQgetlength(result, row, column), value);
    return value;
}

std::string_view text(const PGresult *result, int row, int column)
{
    return { PQgetvalue(result, row, column), size_t(PQgetlength(result, row, column)) };
}

// Text as a parameter: an empty string stays an empty string (a null QByteArray would be NULL).
QByteArray utf8(const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    return bytes.isNull() ? QByteArray("", 0) : bytes;
}

QByteArray number(qint64 n) { return QByteArray::number(n); }

// COPY's text format: backslash, tab, line feed and carriage return escaped.
void appendCopyText(std::string *out, std::string_view text)
{
    for (const char c : text) {
        switch (c) {
        case '\\':
            out->append("\\\\");
            break;
        case '\t':
            out->append("\\t");
            break;
        case '\n':
            out->append("\\n");
            break;
        case '\r':
            out->append("\\r");
            break;
        default:
            out->push_back(c);
        }
    }
}

void appendCopyText(std::string *out, const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    appendCopyText(out, std::string_view(utf8.constData(), size_t(utf8.size())));
}

void appendCopyNumber(std::string *out, qint64 n) { out->append(std::to_string(n)); }

// An entity's columns: its id, then its text fields (tab-separated).
void appendEntity(std::string *out, qint64 id, std::initializer_list<const QString *> fields)
{
    appendCopyNumber(out, id);
    for (const QString *field : fields) {
        *out += '\t';
        appendCopyText(out, *field);
    }
}

// A value for LIKE: its own % _ and \ matched literally.
QByteArray likeLiteral(const QString &value)
{
    QByteArray out;
    for (const char c : value.toUtf8()) {
        if (c == '%' || c == '_' || c == '\\')
            out += '\\';
        out += c;
    }
    return out;
}

qint64 monthStart(qint64 ms)
{
    const QDate day = QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()).date();
    return QDateTime(QDate(day.year(), day.month(), 1), QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch();
}

qint64 nextMonthStart(qint64 monthStartMs)
{
    const QDate day = QDateTime::fromMSecsSinceEpoch(monthStartMs, QTimeZone::utc()).date().addMonths(1);
    return QDateTime(day, QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch();
}

QString accountUrl(const QUrl &apiUrl)
{
    return apiUrl.adjusted(QUrl::RemoveUserInfo | QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment)
        .toString();
}

// The SQL WHERE of a read, with its parameters ($1 is the account, $2 and $3 the range).
class WhereBuilder final
{
public:
    QByteArray param(const QByteArray &value)
    {
        params.push_back(value);
        return '$' + QByteArray::number(params.size());
    }
    // Alternatives of one field: (a OR b ...); each gives its own condition.
    template <typename Condition> void anyOf(const QStringList &values, Condition condition)
    {
        if (values.isEmpty())
            return;
        QByteArrayList parts;
        for (const QString &value : values)
            parts << condition(value);
        sql += " AND (" + parts.join(" OR ") + ')';
    }
    void likeAnyOf(const char *column, const QStringList &values)
    {
        anyOf(values, [&](const QString &v) {
            return QByteArray(column) + " ILIKE " + param('%' + likeLiteral(v) + '%');
        });
    }
    void equalsAnyOf(const char *column, const QStringList &values)
    {
        anyOf(values, [&](const QString &v) { return QByteArray(column) + " = " + param(utf8(v)); });
    }

    QByteArray sql;
    std::vector<QByteArray> params;
};

constexpr int EventColumnCount = 28; // in EventColumns

// A row of read()'s result: views of its values in EventColumns' order; SQL NULL is a view
// without data (an empty text has data). Integers and booleans as their format writes them.
struct RowValues
{
    enum class Format { Text, Binary };
    std::array<std::string_view, EventColumnCount> values;
    Format format = Format::Text;
};

qint64 integerOf(std::string_view value, RowValues::Format format)
{
    if (format == RowValues::Format::Binary) {
        // int8, int4 or int2, big-endian (COPY's binary format: the type's send function)
        switch (value.size()) {
        case 8:
            return qFromBigEndian<qint64>(value.data());
        case 4:
            return qFromBigEndian<qint32>(value.data());
        case 2:
            return qFromBigEndian<qint16>(value.data());
        default:
            return 0;
        }
    }
    qint64 n = 0;
    std::from_chars(value.data(), value.data() + value.size(), n);
    return n;
}

bool booleanOf(std::string_view value, RowValues::Format format)
{
    return format == RowValues::Format::Binary ? value == std::string_view("\1", 1) : value == "t";
}

// The row's event added to the builder (one decoder for both formats).
void addRow(EventBatchBuilder *builder, const RowValues &row)
{
    int c = 0;
    const auto next = [&] { return row.values[size_t(c++)]; };
    const auto nextInt = [&] { return integerOf(next(), row.format); };
    const auto present = [&] { return row.values[size_t(c)].data() != nullptr; };
    EventFields f;
    f.id = nextInt();
    f.timestampMs = nextInt();
    f.alert = booleanOf(next(), row.format);
    f.description = next();
    for (EventFields::Ref *ref : { &f.type, &f.source, &f.severity, &f.organisation }) {
        ref->id = nextInt();
        ref->name = next();
    }
    if ((f.user.present = present()))
        f.user.id = nextInt(), f.user.name = next(), f.user.username = next();
    else
        c += 3;
    if ((f.endpoint.present = present()))
        f.endpoint.id = nextInt(), f.endpoint.name = next(), f.endpoint.ipAddress = next(),
        f.endpoint.imei = next(), f.endpoint.tags = next();
    else
        c += 5;
    if ((f.sim.present = present()))
        f.sim.id = nextInt(), f.sim.iccid = next(), f.sim.productionDate = next();
    else
        c += 3;
    if ((f.imsi.present = present()))
        f.imsi.id = nextInt(), f.imsi.imsi = next(), f.imsi.importDate = next();
    else
        c += 3;
    f.detailJson = next();
    f.extraJson = next();
    builder->add(f);
}

// A page of a cursor's result (text format) as a batch.
EventBatch batchOf(const PGresult *r)
{
    const int rows = PQntuples(r);
    EventBatchBuilder builder;
    builder.reserve(rows);
    RowValues row;
    for (int i = 0; i < rows; ++i) {
        for (int c = 0; c < EventColumnCount; ++c)
            row.values[size_t(c)] = PQgetisnull(r, i, c) ? std::string_view() : text(r, i, c);
        addRow(&builder, row);
    }
    return builder.take();
}

// COPY's binary format (the server sends one message a tuple): a header before the first tuple,
// then each tuple a 16-bit field count followed by each field's 32-bit length (-1 for NULL) and
// bytes, then a count of -1 for the end.
namespace binarycopy {

// The header's length at the start of the first message; -1 when it is not there.
qsizetype headerSize(std::string_view message)
{
    static constexpr char Signature[] = "PGCOPY\n\377\r\n"; // and a zero byte, flags, extension size
    if (message.size() < 19 || std::memcmp(message.data(), Signature, 11) != 0)
        return -1;
    const qint32 extension = qFromBigEndian<qint32>(message.data() + 15);
    if (extension < 0 || extension > qsizetype(message.size()) - 19)
        return -1;
    return 19 + extension;
}

bool isEnd(std::string_view message)
{
    return message.size() == 2 && qFromBigEndian<qint16>(message.data()) == -1;
}

// The tuple's values as views into message; false when it is no tuple of EventColumns.
bool readTuple(std::string_view message, RowValues *row)
{
    const char *p = message.data();
    const char *end = p + message.size();
    if (end - p < 2 || qFromBigEndian<qint16>(p) != EventColumnCount)
        return false;
    p += 2;
    row->format = RowValues::Format::Binary;
    for (std::string_view &value : row->values) {
        if (end - p < 4)
            return false;
        const qint32 length = qFromBigEndian<qint32>(p);
        p += 4;
        if (length < 0) {
            value = {};
            continue;
        }
        if (length > end - p)
            return false;
        value = std::string_view(p, size_t(length));
        p += length;
    }
    return p == end;
}

// A page's tuples as they came, one after the other.
struct Page
{
    std::string bytes;
    std::vector<qsizetype> ends; // of each tuple in bytes
};

// The page's events as a batch; nothing when a tuple is malformed.
std::optional<EventBatch> batchOf(const Page &page)
{
    EventBatchBuilder builder;
    builder.reserve(qsizetype(page.ends.size()));
    RowValues row;
    qsizetype begin = 0;
    for (const qsizetype end : page.ends) {
        if (!readTuple(std::string_view(page.bytes).substr(size_t(begin), size_t(end - begin)), &row))
            return std::nullopt;
        addRow(&builder, row);
        begin = end;
    }
    return builder.take();
}

} // namespace binarycopy

// The texts of a row that an unqualified search word looks in (SearchQuery::Field::Any): the
// columns and the payload's JSON as stored. The separator is a line feed, which no pushed-down
// value holds (sqlSafe()). No index by default: a pg_trgm GIN index on this expression made the
// sync's writes 9 times slower (bench_teamarchive --events 200000 --total 1000000: 23,582 ->
// 2,613 events/s, filling 32 -> 344 s) for searches of rare words (195 -> 3 ms over 7 days of
// 1,000,000 events); a read-mostly archive may add it (CREATE EXTENSION pg_trgm; CREATE INDEX
// ev_event_search ON ev_event USING gin (<this expression> gin_trgm_ops)): the planner uses it.
constexpr const char *SearchText
    = "(description || E'\\n' || type_name || E'\\n' || organisation_name || E'\\n' || "
      "coalesce(user_name, '') || E'\\n' || coalesce(user_username, '') || E'\\n' || "
      "coalesce(endpoint_name, '') || E'\\n' || coalesce(endpoint_ip, '') || E'\\n' || "
      "coalesce(endpoint_imei, '') || E'\\n' || coalesce(endpoint_tags, '') || E'\\n' || "
      "coalesce(iccid, '') || E'\\n' || coalesce(imsi, '') || E'\\n' || detail || E'\\n' || extra)";

// A value whose case-insensitive substring test in SQL (ILIKE on the stored text) finds at least
// every event the local filter finds (EventFilterEngine's Needle: ASCII case folding, payload
// values as written in the JSON). Not so for non-ASCII text (Unicode folding, \u escapes), for a
// quote or backslash (escaped in the JSON) or a control character: such a term stays local.
bool sqlSafe(const QString &value)
{
    return !value.isEmpty() && std::all_of(value.begin(), value.end(), [](QChar c) {
        return c.unicode() >= 0x20 && c.unicode() < 0x7f && c != QLatin1Char('"') && c != QLatin1Char('\\');
    });
}

// The search as SQL: for each term that is not excluded, a condition that every event the local
// filter keeps for that term satisfies (a superset: the local filter then decides exactly).
// Excluded terms and terms whose match the viewer derives (categories, translated severity and
// source names, SIM order status and provider names) narrow nothing here, or only to the events
// that can hold them. An invalid search restricts nothing, as in the local filter.
void searchWhere(WhereBuilder *w, const QString &search)
{
    const SearchQuery query = SearchQuery::parse(search);
    if (search.isEmpty() || !query.isValid())
        return;
    const QByteArray orderTypes = "type_id IN (" + QByteArray::number(SimCardOrder::SubmittedTypeId) + ", "
        + QByteArray::number(SimCardOrder::UpdatedTypeId) + ')';
    using Field = SearchQuery::Field;
    for (const SearchQuery::Term &term : query.terms()) {
        if (term.excluded)
            continue;
        bool isNumber = false;
        const qint64 n = term.value.toLongLong(&isNumber);
        const bool digits = isNumber
            && std::all_of(term.value.begin(), term.value.end(), [](QChar c) { return c.isDigit(); });
        if (term.field == Field::Id) {
            if (isNumber)
                w->sql += " AND id = " + w->param(number(n));
            continue;
        }
        if (term.field == Field::Status || term.field == Field::Provider) {
            w->sql += " AND " + orderTypes; // the viewer names these for SIM order events only
            continue;
        }
        if (!sqlSafe(term.value))
            continue;
        if (term.field == Field::Category || term.field == Field::Severity || term.field == Field::Source)
            continue; // the viewer's category names and the translated names: local only
        const QByteArray like = w->param('%' + likeLiteral(term.value) + '%');
        const auto ilike = [&](std::initializer_list<const char *> columns) {
            QByteArrayList parts;
            for (const char *column : columns)
                parts << QByteArray(column) + " ILIKE " + like;
            return parts.join(" OR ");
        };
        const auto orId = [&](const char *idColumn) {
            return isNumber ? " OR " + QByteArray(idColumn) + " = " + w->param(number(n)) : QByteArray();
        };
        QByteArray condition;
        switch (term.field) {
        case Field::Any:
            // Also the event id's digits, and every SIM order event: the viewer shows status and
            // provider names for them that no column holds.
            condition = QByteArray(SearchText) + " ILIKE " + like + " OR " + orderTypes;
            if (digits && term.value.size() <= 20)
                condition += " OR id::text LIKE " + like;
            break;
        case Field::Description:
            condition = ilike({ "description" });
            break;
        case Field::Type:
            condition = ilike({ "type_name" }) + orId("type_id");
            break;
        case Field::Organisation:
            condition = ilike({ "organisation_name" }) + orId("organisation_id");
            break;
        case Field::User:
            condition = ilike({ "user_name", "user_username" }) + orId("user_id");
            break;
        case Field::Device:
            condition = ilike({ "endpoint_name", "endpoint_ip", "endpoint_imei", "endpoint_tags" })
                + orId("endpoint_id");
            break;
        // These also look at a payload key of their name: the payload's text holds its value.
        case Field::Iccid:
            condition = ilike({ "iccid", "detail", "extra" });
            break;
        case Field::Imsi:
            condition = ilike({ "imsi", "detail", "extra" });
            break;
        case Field::Imei:
            condition = ilike({ "endpoint_imei", "detail", "extra" });
            break;
        case Field::Ip:
            condition = ilike({ "endpoint_ip", "detail", "extra" });
            break;
        case Field::Tracking:
        case Field::PayloadKey:
            condition = ilike({ "detail", "extra" });
            break;
        case Field::Order:
            condition = orderTypes + " AND detail LIKE " + like;
            break;
        case Field::Category:
        case Field::Severity:
        case Field::Source:
        case Field::Status:
        case Field::Provider:
        case Field::Id:
            break;
        }
        if (!condition.isEmpty())
            w->sql += " AND (" + condition + ')';
    }
}

// Why a filter or scope value matches no event at all (the read then returns nothing).
bool buildWhere(WhereBuilder *w, const EventScope &scope, const EventQuery &filter)
{
    const char *scopeColumn = nullptr;
    switch (scope.kind) {
    case EventScope::Kind::Account:
        break;
    case EventScope::Kind::Endpoint:
        scopeColumn = "endpoint_id";
        break;
    case EventScope::Kind::Sim:
        scopeColumn = "sim_id";
        break;
    case EventScope::Kind::User:
        scopeColumn = "user_id";
        break;
    case EventScope::Kind::Organisation:
        scopeColumn = "organisation_id";
        break;
    }
    if (scopeColumn) {
        bool ok = false;
        const qint64 id = scope.id.toLongLong(&ok);
        if (!ok)
            return false; // "my": the archive does not know whose token it was
        w->sql += " AND " + QByteArray(scopeColumn) + " = " + w->param(number(id));
    }
    if (!filter.types.isEmpty()) {
        QByteArrayList ids;
        for (const int type : filter.types)
            ids << QByteArray::number(type);
        w->sql += " AND type_id = ANY(" + w->param('{' + ids.join(',') + '}') + "::integer[])";
    }
    if (filter.source)
        w->sql += " AND source_id = " + w->param(number(*filter.source));
    if (filter.severity)
        w->sql += " AND severity_id = " + w->param(number(*filter.severity));
    if (filter.alert)
        w->sql += " AND alert = " + w->param(*filter.alert ? "true" : "false");
    using M = EventQueryMatcher;
    w->likeAnyOf("description", M::alternatives(filter.description));
    const auto idOrName = [w](const char *idColumn, QList<const char *> nameColumns) {
        return [w, idColumn, nameColumns](const QString &v) {
            QByteArrayList parts;
            bool ok = false;
            const qint64 id = v.toLongLong(&ok);
            if (ok)
                parts << QByteArray(idColumn) + " = " + w->param(number(id));
            for (const char *name : nameColumns)
                parts << QByteArray(name) + " ILIKE " + w->param('%' + likeLiteral(v) + '%');
            return '(' + parts.join(" OR ") + ')';
        };
    };
    w->anyOf(M::alternatives(filter.organisation), idOrName("organisation_id", { "organisation_name" }));
    w->anyOf(M::alternatives(filter.user), idOrName("user_id", { "user_name", "user_username" }));
    w->likeAnyOf("endpoint_name", M::alternatives(filter.endpoint));
    w->likeAnyOf("endpoint_tags", M::alternatives(filter.tags));
    w->equalsAnyOf("endpoint_ip", M::alternatives(filter.ipAddress));
    w->equalsAnyOf("endpoint_imei", M::alternatives(filter.imei));
    w->equalsAnyOf("imsi", M::alternatives(filter.imsi));
    // The documented ICCID rule: up to 19 characters a prefix, longer exact.
    w->anyOf(M::alternatives(filter.iccid), [w](const QString &v) {
        return v.size() <= 19 ? "iccid LIKE " + w->param(likeLiteral(v) + '%')
                              : "iccid = " + w->param(utf8(v));
    });
    searchWhere(w, filter.search);
    return true;
}

} // namespace

TeamArchive::TeamArchive(
    pg_conn *connection, QString url, QByteArray password, ArchiveAccount account, int accountId)
    : m_connection(connection)
    , m_url(std::move(url))
    , m_password(std::move(password))
    , m_account(std::move(account))
    , m_accountId(accountId)
{
}

TeamArchive::~TeamArchive() { PQfinish(m_connection); }

bool TeamArchive::isTeamArchiveUrl(QStringView text)
{
    return text.startsWith(QLatin1String("postgresql://")) || text.startsWith(QLatin1String("postgres://"));
}

QString TeamArchive::checkUrl(const QString &url)
{
    char *message = nullptr;
    PQconninfoOption *options = PQconninfoParse(url.toUtf8().constData(), &message);
    if (!options) {
        const QString why = message ? QString::fromUtf8(message).trimmed() : QStringLiteral("out of memory");
        PQfreemem(message);
        return QCoreApplication::translate("TeamArchive", "%1 is no PostgreSQL URL: %2")
            .arg(displayUrl(url), why);
    }
    bool hasPassword = false;
    for (const PQconninfoOption *o = options; o->keyword; ++o) {
        if (qstrcmp(o->keyword, "password") == 0 && o->val && *o->val)
            hasPassword = true;
    }
    PQconninfoFree(options);
    if (hasPassword)
        return QCoreApplication::translate("TeamArchive",
            "the team archive's URL holds a password, which would show in the process list and the shell's "
            "history: put it in the PGPASSWORD environment variable or in ~/.pgpass (or the file PGPASSFILE "
            "names) instead");
    return {};
}

QString TeamArchive::keychainAccount(const QString &url)
{
    const QUrl parsed(url);
    return QStringLiteral("team-archive ")
        + parsed.adjusted(QUrl::RemovePassword | QUrl::RemoveQuery | QUrl::RemoveFragment).toString();
}

QString TeamArchive::displayUrl(const QString &url)
{
    return QUrl(url).adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery).toString();
}

pg_conn *TeamArchive::connect(const QString &url, const QByteArray &password, QString *error)
{
    if (const QString problem = checkUrl(url); !problem.isEmpty()) {
        *error = problem;
        return nullptr;
    }
    // The URL's own settings win (they come last); libpq reads the password from PGPASSWORD or
    // the password file, and sslmode from the URL or PGSSLMODE (its default: prefer).
    const QByteArray dbname = url.toUtf8();
    // A password (from the keychain) as a parameter of its own, after the URL's: never in the URL,
    // the process list or a message.
    const char *keys[] = { "connect_timeout", "application_name", "dbname",
        password.isEmpty() ? nullptr : "password", nullptr };
    const char *values[] = { "10", "emnify-events", dbname.constData(), password.constData(), nullptr };
    PGconn *connection = PQconnectdbParams(keys, values, 1);
    if (!connection || PQstatus(connection) != CONNECTION_OK) {
        *error = QCoreApplication::translate("TeamArchive", "cannot connect to the team archive %1: %2")
                     .arg(displayUrl(url),
                         connection ? serverMessage(connection) : QStringLiteral("out of memory"));
        PQfinish(connection);
        return nullptr;
    }
    // Notices ("relation already exists, skipping") are not for the user.
    PQsetNoticeProcessor(
        connection, [](void *, const char *) {}, nullptr);
    return connection;
}

bool TeamArchive::migrate(pg_conn *connection, QString *error)
{
    const auto failed = [&](const char *what) {
        *error = QCoreApplication::translate("TeamArchive", "cannot %1 the team archive's schema: %2")
                     .arg(QString::fromLatin1(what), serverMessage(connection));
        exec(connection, "ROLLBACK");
        return false;
    };
    // One tool at a time creates or upgrades the schema; the others wait, then find it done.
    if (!succeeded(exec(connection, "BEGIN"))
        || !succeeded(exec(connection,
            QByteArray("SELECT pg_advisory_xact_lock(") + number(LockClass) + ", " + number(SchemaLock) + ')',
            {}))
        || !succeeded(exec(connection, "CREATE TABLE IF NOT EXISTS ev_schema (version integer NOT NULL)")))
        return failed("read");
    const Result version = exec(connection, "SELECT COALESCE(MAX(version), 0) FROM ev_schema");
    if (!succeeded(version))
        return failed("read");
    const qint64 current = toInt(version.get(), 0, 0);
    if (current > SchemaVersion) {
        exec(connection, "ROLLBACK");
        *error = QCoreApplication::translate("TeamArchive",
            "the team archive has schema version %1, newer than this program knows (%2): update "
            "emnify-events and the viewer before using it")
                     .arg(current)
                     .arg(SchemaVersion);
        return false;
    }
    if (current < 1) {
        if (!succeeded(exec(connection, SchemaV1))
            || !succeeded(exec(connection, "INSERT INTO ev_schema VALUES (1)")))
            return failed("create");
    }
    // Later versions: if (current < 2) { ALTER ...; UPDATE ev_schema ... } and so on, in order.
    if (!succeeded(exec(connection, "COMMIT")))
        return failed("create");
    return true;
}

std::unique_ptr<TeamArchive> TeamArchive::open(
    const QString &url, const ArchiveAccount &account, QString *error, const QByteArray &password)
{
    PGconn *connection = connect(url, password, error);
    if (!connection)
        return nullptr;
    if (!migrate(connection, error)) {
        PQfinish(connection);
        return nullptr;
    }
    const Result id = exec(connection,
        "INSERT INTO ev_account (api_url, organisation, label) VALUES ($1, $2, $3) "
        "ON CONFLICT (api_url, organisation) DO UPDATE SET label = EXCLUDED.label RETURNING id",
        { utf8(accountUrl(account.apiUrl)), utf8(account.organisation), utf8(account.label) });
    if (!succeeded(id) || PQntuples(id.get()) != 1) {
        *error = QCoreApplication::translate(
            "TeamArchive", "cannot register the account in the team archive: %1")
                     .arg(serverMessage(connection));
        PQfinish(connection);
        return nullptr;
    }
    return std::unique_ptr<TeamArchive>(
        new TeamArchive(connection, url, password, account, int(toInt(id.get(), 0, 0))));
}

std::unique_ptr<TeamArchive> TeamArchive::openExisting(
    const QString &url, const QUrl &apiUrl, QString *error, const QByteArray &password)
{
    PGconn *connection = connect(url, password, error);
    if (!connection)
        return nullptr;
    const auto refuse = [&](const QString &message) -> std::unique_ptr<TeamArchive> {
        *error = message;
        PQfinish(connection);
        return nullptr;
    };
    const Result schema = exec(connection, "SELECT COALESCE(MAX(version), 0) FROM ev_schema");
    if (!succeeded(schema))
        return refuse(QCoreApplication::translate("TeamArchive",
            "%1 holds no team archive (emnify-events sync "
            "--archive URL makes one)")
                          .arg(displayUrl(url)));
    if (const qint64 version = toInt(schema.get(), 0, 0); version > SchemaVersion)
        return refuse(QCoreApplication::translate("TeamArchive",
            "the team archive has schema version %1, newer than this program knows (%2): update "
            "emnify-events and the viewer before using it")
                          .arg(version)
                          .arg(SchemaVersion));
    const bool byUrl = apiUrl.isValid() && !apiUrl.isEmpty();
    const Result accounts = byUrl
        ? exec(connection,
            "SELECT id, api_url, organisation, label FROM ev_account WHERE api_url = $1 ORDER BY id",
            { utf8(accountUrl(apiUrl)) })
        : exec(connection, QByteArray("SELECT id, api_url, organisation, label FROM ev_account ORDER BY id"),
            {});
    if (!succeeded(accounts))
        return refuse(serverMessage(connection));
    const int n = PQntuples(accounts.get());
    if (n != 1) {
        QStringList names;
        for (int i = 0; i < n; ++i)
            names << QStringLiteral("%1 organisation %2")
                         .arg(QString::fromUtf8(text(accounts.get(), i, 1)),
                             QString::fromUtf8(text(accounts.get(), i, 2)));
        return refuse(n == 0
                ? QCoreApplication::translate("TeamArchive", "the team archive %1 holds no account%2")
                      .arg(displayUrl(url),
                          byUrl ? QStringLiteral(" of %1").arg(accountUrl(apiUrl)) : QString())
                : QCoreApplication::translate(
                    "TeamArchive", "the team archive %1 holds several accounts; name the API with --url: %2")
                      .arg(displayUrl(url), names.join(QStringLiteral(", "))));
    }
    const ArchiveAccount account { QUrl(QString::fromUtf8(text(accounts.get(), 0, 1))),
        QString::fromUtf8(text(accounts.get(), 0, 2)), QString::fromUtf8(text(accounts.get(), 0, 3)) };
    return std::unique_ptr<TeamArchive>(
        new TeamArchive(connection, url, password, account, int(toInt(accounts.get(), 0, 0))));
}

std::unique_ptr<ArchiveStore> TeamArchive::openAnother(QString *error) const
{
    PGconn *connection = connect(m_url, m_password, error);
    if (!connection)
        return nullptr;
    auto another = std::unique_ptr<TeamArchive>(
        new TeamArchive(connection, m_url, m_password, m_account, m_accountId));
    another->m_readMode = m_readMode;
    return another;
}

bool TeamArchive::fail(const QString &what) const
{
    m_lastError = QStringLiteral("%1: %2").arg(what, serverMessage(m_connection));
    exec(m_connection, "ROLLBACK"); // a failed transaction (if any) ends here
    return false;
}

bool TeamArchive::ensurePartitions(qint64 fromMs, qint64 untilMs)
{
    for (qint64 month = monthStart(fromMs); month <= untilMs; month = nextMonthStart(month)) {
        if (m_partitions.count(month))
            continue;
        const QDate day = QDateTime::fromMSecsSinceEpoch(month, QTimeZone::utc()).date();
        const QByteArray name = QStringLiteral("ev_event_y%1m%2")
                                    .arg(day.year(), 4, 10, QLatin1Char('0'))
                                    .arg(day.month(), 2, 10, QLatin1Char('0'))
                                    .toLatin1();
        // Its own short transaction, under a lock: two writers never race to create one month.
        const QByteArray create = "CREATE TABLE IF NOT EXISTS " + name
            + " PARTITION OF ev_event FOR VALUES FROM (" + number(month) + ") TO ("
            + number(nextMonthStart(month)) + ')';
        if (!succeeded(exec(m_connection, "BEGIN"))
            || !succeeded(exec(m_connection,
                "SELECT pg_advisory_xact_lock(" + number(LockClass) + ", " + number(PartitionLock) + ')', {}))
            || !succeeded(exec(m_connection, create.constData())) || !succeeded(exec(m_connection, "COMMIT")))
            return fail(QCoreApplication::translate("TeamArchive", "Cannot add a month to the team archive"));
        m_partitions.insert(month);
    }
    return true;
}

qsizetype TeamArchive::write(const EventBatch &batch, std::optional<TimeInterval> covered)
{
    if (batch.liveCount() == 0)
        return covered && !markCovered(*covered) ? -1 : 0;
    qint64 oldest = std::numeric_limits<qint64>::max(), newest = std::numeric_limits<qint64>::min();
    for (qsizetype row = 0; row < batch.size(); ++row) {
        if (!batch.isDropped(row)) {
            oldest = std::min(oldest, batch.timestampMs(row));
            newest = std::max(newest, batch.timestampMs(row));
        }
    }
    if (!ensurePartitions(oldest, newest))
        return -1;
    if (m_writeMethod == WriteMethod::DirectCopy) {
        bool conflict = false;
        const qsizetype added = writeDirect(batch, covered, oldest, newest, &conflict);
        if (!conflict)
            return added;
        // Another writer of this account committed one of the rows since the look-up (only
        // possible without the sync lock): the primary key refused it, so nothing of the page
        // went in; the staged path's ON CONFLICT skips what is there.
    }
    return writeStaged(batch, covered);
}

namespace {

using B = EventBatch;

// The COPY text of a batch's rows. The text of each distinct key is made once (the batch interns
// them): a row is then a few appends.
class CopyEncoder final
{
public:
    CopyEncoder(const EventBatch &batch, int accountId, bool trustBlockFlags)
        : m_batch(batch)
        , m_payloads(batch)
        , m_account(std::to_string(accountId))
        , m_trustBlockFlags(trustBlockFlags)
    {
        for (int t = 0; t < B::TableCount; ++t)
            m_fragments[size_t(t)].resize(batch.table(B::Table(t)).size());
    }

    void appendRow(std::string *buffer, qsizetype row)
    {
        *buffer += m_account;
        *buffer += '\t';
        appendCopyNumber(buffer, m_batch.id(row));
        *buffer += '\t';
        appendCopyNumber(buffer, m_batch.timestampMs(row));
        *buffer += m_batch.alert(row) ? "\tt\t" : "\tf\t";
        *buffer += fragment(B::Descriptions, row, 1);
        for (const auto &[table, nulls] :
            { std::pair { B::Types, 2 }, { B::Sources, 2 }, { B::Severities, 2 }, { B::Organisations, 2 },
                { B::Users, 3 }, { B::Endpoints, 5 }, { B::Sims, 3 }, { B::Imsis, 3 } }) {
            *buffer += '\t';
            *buffer += fragment(table, row, nulls);
        }
        QByteArrayView detail, extra;
        m_payloads.payload(row, &detail, &extra);
        // A block the batch found no possible secret in is kept as it is, without a second scan
        // (EventBatch's own writers trust the same flag); the staged way scans every payload, as
        // it always did (the benchmark's baseline).
        const bool mayHoldSecret
            = !m_trustBlockFlags || m_batch.blocks()[m_batch.payloadBlock(row)].mayHoldSecret;
        for (const QByteArrayView json : { detail, extra }) {
            *buffer += '\t';
            qsizetype count = 0;
            const QByteArray clean
                = json.isEmpty() || !mayHoldSecret ? QByteArray() : PayloadSecrets::redacted(json, &count);
            m_redactedValues += count;
            const QByteArrayView kept = count > 0 ? QByteArrayView(clean) : json;
            appendCopyText(buffer, std::string_view(kept.data(), size_t(kept.size())));
        }
        *buffer += '\n';
    }

    [[nodiscard]] qsizetype redactedValues() const { return m_redactedValues; }

private:
    const std::string &fragment(B::Table table, qsizetype row, int nullColumns)
    {
        static const std::string nulls[]
            = { "", "\\N", "\\N\t\\N", "\\N\t\\N\t\\N", "\\N\t\\N\t\\N\t\\N", "\\N\t\\N\t\\N\t\\N\t\\N" };
        const uint32_t index = m_batch.index(table, row);
        if (index == B::None)
            return nulls[nullColumns];
        std::string &out = m_fragments[size_t(table)][index];
        if (!out.empty())
            return out;
        const std::string_view key = m_batch.table(table).key(index);
        switch (table) {
        case B::Descriptions:
            appendCopyText(&out, key);
            break;
        case B::Types:
        case B::Sources:
        case B::Severities:
        case B::Organisations: {
            const EventNamedId named = B::namedFromKey(key);
            appendCopyNumber(&out, named.id);
            out += '\t';
            appendCopyText(&out, std::string_view(named.nameUtf8.constData(), size_t(named.nameUtf8.size())));
            break;
        }
        case B::Users: {
            const EventUser u = B::userFromKey(key);
            appendEntity(&out, u.id, { &u.name, &u.username });
            break;
        }
        case B::Endpoints: {
            const EventEndpoint e = B::endpointFromKey(key);
            appendEntity(&out, e.id, { &e.name, &e.ipAddress, &e.imei, &e.tags });
            break;
        }
        case B::Sims: {
            const EventSim sim = B::simFromKey(key);
            appendEntity(&out, sim.id, { &sim.iccid, &sim.productionDate });
            break;
        }
        case B::Imsis: {
            const EventImsi imsi = B::imsiFromKey(key);
            appendEntity(&out, imsi.id, { &imsi.imsi, &imsi.importDate });
            break;
        }
        case B::TableCount:
            break;
        }
        return out;
    }

    const EventBatch &m_batch;
    BatchPayloads m_payloads;
    const std::string m_account;
    const bool m_trustBlockFlags;
    std::array<std::vector<std::string>, B::TableCount> m_fragments;
    qsizetype m_redactedValues = 0;
};

} // namespace

bool TeamArchive::copyRows(const char *table, const EventBatch &batch, const std::vector<qsizetype> &rows,
    qsizetype flushBytes, qsizetype *redactedValues, bool *conflict)
{
    const QByteArray copy = QByteArray("COPY ") + table + " (account, " + EventColumns + ") FROM STDIN";
    if (PQresultStatus(Result(PQexec(m_connection, copy.constData())).get()) != PGRES_COPY_IN)
        return false;
    CopyEncoder encoder(batch, m_accountId, m_writeMethod == WriteMethod::DirectCopy);
    std::string buffer;
    buffer.reserve(size_t(flushBytes) + (64 << 10));
    for (const qsizetype row : rows) {
        encoder.appendRow(&buffer, row);
        if (qsizetype(buffer.size()) >= flushBytes) {
            if (PQputCopyData(m_connection, buffer.data(), int(buffer.size())) != 1)
                return false;
            buffer.clear();
        }
    }
    if ((!buffer.empty() && PQputCopyData(m_connection, buffer.data(), int(buffer.size())) != 1)
        || PQputCopyEnd(m_connection, nullptr) != 1)
        return false;
    const Result copied(PQgetResult(m_connection));
    while (PGresult *rest = PQgetResult(m_connection))
        PQclear(rest);
    if (!succeeded(copied)) {
        const char *state = copied ? PQresultErrorField(copied.get(), PG_DIAG_SQLSTATE) : nullptr;
        *conflict = state && std::string_view(state) == "23505"; // unique_violation
        return false;
    }
    *redactedValues = encoder.redactedValues();
    return true;
}

bool TeamArchive::finishWrite(qsizetype redactedValues, std::optional<TimeInterval> covered)
{
    const QString cannot = QCoreApplication::translate("TeamArchive", "Cannot write to the team archive");
    if (redactedValues > 0
        && !succeeded(
            exec(m_connection, "UPDATE ev_account SET redacted_values = redacted_values + $2 WHERE id = $1",
                { number(m_accountId), number(redactedValues) })))
        return fail(cannot);
    if (covered && !covered->isEmpty() && !addCoverage(*covered))
        return false;
    if (!succeeded(exec(m_connection, "COMMIT")))
        return fail(cannot);
    return true;
}

qsizetype TeamArchive::writeDirect(const EventBatch &batch, std::optional<TimeInterval> covered,
    qint64 oldest, qint64 newest, bool *conflict)
{
    const QString cannot = QCoreApplication::translate("TeamArchive", "Cannot write to the team archive");
    // The keys of the page that are there already (the primary key's range on ts_ms, then the
    // ids): what ON CONFLICT DO NOTHING would skip, found in one round trip.
    QByteArray ids = "{";
    for (qsizetype row = 0; row < batch.size(); ++row) {
        if (!batch.isDropped(row))
            ids += QByteArray::number(batch.id(row)) + ',';
    }
    ids.back() = '}';
    if (!succeeded(exec(m_connection, "BEGIN")))
        return failCount(cannot);
    const Result existing = exec(m_connection,
        "SELECT ts_ms, id FROM ev_event WHERE account = $1 AND ts_ms >= $2 AND ts_ms <= $3 AND id = "
        "ANY($4::bigint[])",
        { number(m_accountId), number(oldest), number(newest), ids });
    if (!succeeded(existing))
        return failCount(cannot);
    std::set<std::pair<qint64, qint64>> present; // (ts_ms, id): the primary key within the account
    for (int i = 0; i < PQntuples(existing.get()); ++i)
        present.emplace(toInt(existing.get(), i, 0), toInt(existing.get(), i, 1));
    std::vector<qsizetype> rows;
    rows.reserve(size_t(batch.size()));
    for (qsizetype row = 0; row < batch.size(); ++row) {
        // A key twice in the page goes in once, as with ON CONFLICT.
        if (!batch.isDropped(row) && present.emplace(batch.timestampMs(row), batch.id(row)).second)
            rows.push_back(row);
    }
    qsizetype redactedValues = 0;
    // Straight into ev_event (PostgreSQL routes each row to its month), in chunks of 64 KiB: the
    // server inserts and indexes the first rows while this thread encodes the next ones.
    if (!rows.empty() && !copyRows("ev_event", batch, rows, 64 << 10, &redactedValues, conflict)) {
        if (*conflict) {
            exec(m_connection, "ROLLBACK");
            return -1;
        }
        return failCount(cannot);
    }
    return finishWrite(redactedValues, covered) ? qsizetype(rows.size()) : -1;
}

qsizetype TeamArchive::writeStaged(const EventBatch &batch, std::optional<TimeInterval> covered)
{
    const QString cannot = QCoreApplication::translate("TeamArchive", "Cannot write to the team archive");
    if (!m_staging) {
        if (!succeeded(exec(m_connection,
                "CREATE TEMPORARY TABLE ev_staging (LIKE ev_event INCLUDING DEFAULTS) ON COMMIT DELETE "
                "ROWS")))
            return failCount(cannot);
        m_staging = true;
    }
    std::vector<qsizetype> rows;
    rows.reserve(size_t(batch.size()));
    for (qsizetype row = 0; row < batch.size(); ++row) {
        if (!batch.isDropped(row))
            rows.push_back(row);
    }
    if (!succeeded(exec(m_connection, "BEGIN")))
        return failCount(cannot);
    qsizetype redactedValues = 0;
    bool conflict = false;
    if (!copyRows("ev_staging", batch, rows, 1 << 20, &redactedValues, &conflict))
        return failCount(cannot);
    const Result inserted = exec(m_connection,
        QByteArray("INSERT INTO ev_event SELECT * FROM ev_staging ON CONFLICT DO NOTHING").constData());
    if (!succeeded(inserted))
        return failCount(cannot);
    const qsizetype added = qsizetype(std::strtoll(PQcmdTuples(inserted.get()), nullptr, 10));
    return finishWrite(redactedValues, covered) ? added : -1;
}

bool TeamArchive::addCoverage(TimeInterval covered)
{
    // Inside the caller's transaction. The account's row lock orders writers of its coverage.
    // Only the intervals the new one touches change (overlapping or adjacent: ArchiveCoverage's
    // rule): they are replaced by their union with it, whatever other writers committed before.
    const QString cannot
        = QCoreApplication::translate("TeamArchive", "Cannot record what the team archive covers");
    const QByteArray id = number(m_accountId);
    if (!succeeded(exec(m_connection, "SELECT 1 FROM ev_account WHERE id = $1 FOR UPDATE", { id }))
        || !succeeded(exec(m_connection,
            "WITH gone AS (DELETE FROM ev_coverage WHERE account = $1 AND from_ms <= $3 AND until_ms >= $2 "
            "RETURNING from_ms, until_ms) INSERT INTO ev_coverage (account, from_ms, until_ms) "
            "SELECT $1, LEAST($2::bigint, MIN(from_ms)), GREATEST($3::bigint, MAX(until_ms)) FROM gone",
            { id, number(covered.from), number(covered.until) })))
        return fail(cannot);
    return true;
}

bool TeamArchive::markCovered(TimeInterval covered)
{
    if (covered.isEmpty())
        return true;
    if (!succeeded(exec(m_connection, "BEGIN")))
        return fail(QCoreApplication::translate("TeamArchive", "Cannot record what the team archive covers"));
    if (!addCoverage(covered))
        return false;
    return succeeded(exec(m_connection, "COMMIT"))
        || fail(QCoreApplication::translate("TeamArchive", "Cannot record what the team archive covers"));
}

ArchiveCoverage TeamArchive::coverage() const
{
    ArchiveCoverage coverage;
    const Result r
        = exec(m_connection, "SELECT from_ms, until_ms FROM ev_coverage WHERE account = $1 ORDER BY from_ms",
            { number(m_accountId) });
    if (!succeeded(r)) {
        m_lastError = serverMessage(m_connection);
        return coverage;
    }
    for (int i = 0; i < PQntuples(r.get()); ++i)
        coverage.add({ toInt(r.get(), i, 0), toInt(r.get(), i, 1) });
    return coverage;
}

bool TeamArchive::read(TimeInterval range, const EventScope &scope, const EventQuery &filter,
    const std::function<bool(EventBatch &&)> &sink, qsizetype pageSize) const
{
    if (range.isEmpty())
        return true;
    WhereBuilder where;
    where.sql = "account = " + where.param(number(m_accountId)) + " AND ts_ms >= "
        + where.param(number(range.from)) + " AND ts_ms < " + where.param(number(range.until));
    if (!buildWhere(&where, scope, filter))
        return true;
    // Newest first, as the primary key runs backwards (no sort).
    const QByteArray select = QByteArray("SELECT ") + EventColumns + " FROM ev_event WHERE " + where.sql
        + " ORDER BY ts_ms DESC, id DESC";
    const qsizetype rows = std::max<qsizetype>(1, pageSize);
    if (m_readMode == ReadMode::Copy)
        return readCopy(select, where.params, sink, rows);
    return readCursor(select, where.params, sink, rows);
}

bool TeamArchive::readCopy(const QByteArray &select, const std::vector<QByteArray> &params,
    const std::function<bool(EventBatch &&)> &sink, qsizetype pageSize) const
{
    const QString cannot = QCoreApplication::translate("TeamArchive", "Cannot read the team archive");
    // COPY takes no parameters: they go into the text as literals (the server's own quoting).
    QByteArray sql = "COPY (";
    for (qsizetype i = 0; i < select.size(); ++i) {
        if (select[i] != '$' || i + 1 == select.size() || !std::isdigit(uchar(select[i + 1]))) {
            sql += select[i];
            continue;
        }
        qsizetype n = 0;
        while (i + 1 < select.size() && std::isdigit(uchar(select[i + 1])))
            n = n * 10 + (select[++i] - '0');
        const QByteArray &value = params.at(size_t(n - 1));
        if (value.isNull()) {
            sql += "NULL";
            continue;
        }
        char *literal = PQescapeLiteral(m_connection, value.constData(), size_t(value.size()));
        if (!literal)
            return fail(cannot);
        sql += literal;
        PQfreemem(literal);
    }
    sql += ") TO STDOUT (FORMAT binary)";
    const auto finish = [this] {
        Result last;
        while (PGresult *r = PQgetResult(m_connection))
            last.reset(r);
        return last;
    };
    // The rows in the primary key's order from the first one: with the default page cost (4, for
    // spinning disks), the planner prices the backward index scan above a scan of the whole month
    // and a sort, which spills to disk and holds back the first row until the end (7 days of
    // 10,000,000 events, EXPLAIN ANALYZE: 171 ms, against 43 ms for the index scan, whose first
    // row is there at once). Only for this read (SET LOCAL; the transaction ends below).
    sql.prepend("BEGIN READ ONLY; SET LOCAL random_page_cost = 1.1; ");
    if (PQsendQuery(m_connection, sql.constData()) != 1)
        return fail(cannot);
    const auto endTransaction = [this] {
        if (PQtransactionStatus(m_connection) != PQTRANS_IDLE)
            exec(m_connection, "ROLLBACK"); // read only: nothing to keep
    };
    ExecStatusType status = PGRES_COMMAND_OK;
    while (status == PGRES_COMMAND_OK) {
        const Result r(PQgetResult(m_connection));
        status = r ? PQresultStatus(r.get()) : PGRES_FATAL_ERROR;
    }
    if (status != PGRES_COPY_OUT) {
        finish();
        endTransaction();
        return fail(cannot);
    }
    // The pages are built into batches on the parse pool (the builder's sketches and secret scan
    // are most of a read's time), up to one a thread at once; this thread takes the tuples off
    // the connection and hands the batches to sink in order.
    QThreadPool *pool = WorkerPools::current().parse();
    const qsizetype inFlight = std::max(1, pool->maxThreadCount());
    std::deque<QFuture<std::optional<EventBatch>>> building;
    bool stopped = false, malformed = false, headerRead = false;
    // A built page to sink, unless the read stopped (then it is only waited for).
    const auto deliver = [&](std::optional<EventBatch> batch) {
        if (!batch)
            malformed = stopped = true;
        else if (!stopped && !sink(std::move(*batch)))
            stopped = true;
    };
    const auto deliverOldest = [&] {
        std::optional<EventBatch> batch = building.front().takeResult();
        building.pop_front();
        deliver(std::move(batch));
    };
    binarycopy::Page page;
    for (;;) {
        char *data = nullptr;
        const int size = PQgetCopyData(m_connection, &data, 0);
        if (size < 0)
            break; // -1 the end, -2 an error: the result says which
        const std::unique_ptr<char, decltype(&PQfreemem)> owned(data, &PQfreemem);
        std::string_view message(data, size_t(size));
        if (!headerRead) {
            const qsizetype header = binarycopy::headerSize(message);
            if (header < 0) {
                malformed = stopped = true;
                break;
            }
            message.remove_prefix(size_t(header));
            headerRead = true;
        }
        if (binarycopy::isEnd(message))
            continue;
        page.bytes.append(message);
        page.ends.push_back(qsizetype(page.bytes.size()));
        if (qsizetype(page.ends.size()) < pageSize)
            continue;
        building.push_back(
            QtConcurrent::run(pool, [page = std::move(page)] { return binarycopy::batchOf(page); }));
        page = {};
        if (qsizetype(building.size()) >= inFlight)
            deliverOldest();
        if (stopped)
            break;
    }
    if (stopped) {
        // The rest is not wanted: the server is asked to stop (what it sent meanwhile is dropped).
        // PQcancel returns once the server has the request; a COPY that ended already ignores it.
        if (PGcancel *cancel = PQgetCancel(m_connection)) {
            char why[256];
            PQcancel(cancel, why, int(sizeof why));
            PQfreeCancel(cancel);
        }
        char *data = nullptr;
        while (PQgetCopyData(m_connection, &data, 0) >= 0)
            PQfreemem(data);
    }
    // A stopped COPY ends in the cancel's error, which is no failure of the read.
    const bool ok = succeeded(finish()) || stopped;
    if (!ok) {
        fail(cannot); // before the ROLLBACK, whose message would be another
        stopped = true; // the pages built so far are only waited for
    }
    endTransaction();
    while (!building.empty())
        deliverOldest();
    // The last, short page is built here, not worth a thread's hand-over.
    if (!stopped && !page.ends.empty())
        deliver(binarycopy::batchOf(page));
    if (ok && malformed) { // a failed COPY keeps the server's reason
        m_lastError = cannot + QStringLiteral(": unexpected COPY data");
        return false;
    }
    return ok;
}

bool TeamArchive::readCursor(const QByteArray &select, const std::vector<QByteArray> &params,
    const std::function<bool(EventBatch &&)> &sink, qsizetype fetchRows) const
{
    const QString cannot = QCoreApplication::translate("TeamArchive", "Cannot read the team archive");
    // A cursor in a read-only snapshot: every page of one read sees the same events, and memory
    // holds one page whatever the result's size.
    if (!succeeded(exec(m_connection, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")))
        return fail(cannot);
    if (!succeeded(exec(m_connection, "DECLARE ev_read NO SCROLL CURSOR FOR " + select, params)))
        return fail(cannot);
    const QByteArray fetch = "FETCH FORWARD " + number(fetchRows) + " FROM ev_read";
    // Pipelined (bench_teamarchive, "7 days"): the next FETCH is sent before this page's rows are
    // built, so the server reads and sends it on the other core meanwhile. The result of a sent
    // query is always taken before the connection is used again (drain()).
    const bool pipelined = m_readMode != ReadMode::OnePageAtATime;
    bool pending = false;
    const auto send = [&] {
        pending = PQsendQuery(m_connection, fetch.constData()) == 1;
        return pending;
    };
    const auto receive = [&] {
        pending = false;
        Result page(PQgetResult(m_connection));
        while (PGresult *rest = PQgetResult(m_connection))
            PQclear(rest);
        return page;
    };
    const auto drain = [&] {
        if (pending)
            receive();
    };
    if (pipelined && !send())
        return fail(cannot);
    // Building a page's batch on a parse thread while the next page arrives gained nothing over
    // this (bench_teamarchive: the server's side is then the limit on two cores); not kept.
    for (;;) {
        const Result page = pipelined ? receive() : exec(m_connection, fetch.constData());
        if (!succeeded(page))
            return fail(cannot);
        const int rows = PQntuples(page.get());
        if (rows == 0)
            break;
        const bool more = rows >= fetchRows;
        if (pipelined && more && !send())
            return fail(cannot);
        if (!sink(batchOf(page.get())) || !more)
            break;
    }
    drain();
    exec(m_connection, "CLOSE ev_read");
    exec(m_connection, "COMMIT");
    return true;
}

qint64 TeamArchive::count(TimeInterval range, const EventScope &scope, const EventQuery &filter) const
{
    if (range.isEmpty())
        return 0;
    WhereBuilder where;
    where.sql = "account = " + where.param(number(m_accountId)) + " AND ts_ms >= "
        + where.param(number(range.from)) + " AND ts_ms < " + where.param(number(range.until));
    if (!buildWhere(&where, scope, filter))
        return 0;
    const Result r = exec(m_connection, "SELECT count(*) FROM ev_event WHERE " + where.sql, where.params);
    if (!succeeded(r) || PQntuples(r.get()) != 1) {
        m_lastError = serverMessage(m_connection);
        return -1;
    }
    return toInt(r.get(), 0, 0);
}

ArchiveStore::Info TeamArchive::info() const
{
    Info info;
    info.account = m_account;
    info.path = displayUrl(m_url);
    const Result r = exec(m_connection,
        "SELECT count(*), COALESCE(MIN(ts_ms), 0), COALESCE(MAX(ts_ms), 0), "
        "(SELECT redacted_values FROM ev_account WHERE id = $1), "
        "(SELECT COALESCE(SUM(pg_total_relation_size(inhrelid)), 0) FROM pg_inherits "
        "WHERE inhparent = 'ev_event'::regclass) FROM ev_event WHERE account = $1",
        { number(m_accountId) });
    if (succeeded(r) && PQntuples(r.get()) == 1) {
        info.events = toInt(r.get(), 0, 0);
        info.oldestMs = toInt(r.get(), 0, 1);
        info.newestMs = toInt(r.get(), 0, 2);
        info.redactedValues = toInt(r.get(), 0, 3);
        info.bytesOnDisk = toInt(r.get(), 0, 4); // the events of every account in the database
    } else {
        m_lastError = serverMessage(m_connection);
    }
    info.coverage = coverage();
    return info;
}

bool TeamArchive::beginSync(QString *holder)
{
    holder->clear();
    const QByteArray id = number(m_accountId);
    const Result locked = exec(
        m_connection, "SELECT pg_try_advisory_lock(" + number(SyncLockClass) + ", $1::integer)", { id });
    if (!succeeded(locked))
        return fail(QCoreApplication::translate("TeamArchive", "Cannot take the team archive's sync lock"));
    if (text(locked.get(), 0, 0) != "t") {
        const Result who
            = exec(m_connection, "SELECT holder, started_ms FROM ev_sync WHERE account = $1", { id });
        *holder = succeeded(who) && PQntuples(who.get()) == 1
            ? QCoreApplication::translate("TeamArchive", "%1, since %2")
                  .arg(QString::fromUtf8(text(who.get(), 0, 0)),
                      QDateTime::fromMSecsSinceEpoch(toInt(who.get(), 0, 1), QTimeZone::utc())
                          .toString(Qt::ISODate))
            : QCoreApplication::translate("TeamArchive", "another process");
        return false;
    }
    m_syncing = true;
    const QByteArray me = utf8(QStringLiteral("%1 pid %2").arg(QSysInfo::machineHostName()).arg(::getpid()));
    exec(m_connection,
        "INSERT INTO ev_sync (account, holder, started_ms) VALUES ($1, $2, $3) ON CONFLICT (account) DO "
        "UPDATE "
        "SET holder = EXCLUDED.holder, started_ms = EXCLUDED.started_ms, finished_ms = NULL, added = NULL, "
        "error = NULL",
        { id, me, number(QDateTime::currentMSecsSinceEpoch()) });
    return true;
}

void TeamArchive::endSync(qsizetype added, const QString &error)
{
    if (!m_syncing)
        return;
    m_syncing = false;
    const QByteArray id = number(m_accountId);
    exec(m_connection, "UPDATE ev_sync SET finished_ms = $2, added = $3, error = $4 WHERE account = $1",
        { id, number(QDateTime::currentMSecsSinceEpoch()), number(added),
            error.isEmpty() ? QByteArray() : utf8(error) });
    exec(m_connection, "SELECT pg_advisory_unlock(" + number(SyncLockClass) + ", $1::integer)", { id });
}
