// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "api/eventparser.h"

#include <QJsonDocument>
#include <QLoggingCategory>

#include <simdjson.h>

#include <charconv>
#include <cmath>
#include <limits>

Q_LOGGING_CATEGORY(lcParser, "eventviewer.api.parser")

namespace {

using simdjson::dom::element;
using simdjson::dom::element_type;
using simdjson::dom::object;

// An element that cannot become an event; carries the reason up to the page loop.
struct ElementError
{
    QString reason;
};

QString qs(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

bool integerFromText(std::string_view text, qint64 *out)
{
    while (!text.empty() && text.front() == ' ')
        text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ')
        text.remove_suffix(1);
    if (text.empty())
        return false;
    const char *end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(text.data(), end, *out);
    return ec == std::errc() && ptr == end;
}

// An integer sent as a JSON integer, an integral double, or a string of digits (a quirk of the API).
bool readInteger(element value, qint64 *out)
{
    switch (value.type()) {
    case element_type::INT64:
        *out = int64_t(value.get_int64().value_unsafe());
        return true;
    case element_type::UINT64: {
        const uint64_t u = value.get_uint64().value_unsafe();
        if (u > uint64_t(std::numeric_limits<qint64>::max()))
            return false;
        *out = qint64(u);
        return true;
    }
    case element_type::DOUBLE: {
        const double d = value.get_double().value_unsafe();
        // Doubles are exact up to 2^53; beyond that an id would silently change.
        if (!std::isfinite(d) || std::trunc(d) != d || std::fabs(d) > 9007199254740992.0)
            return false;
        *out = qint64(d);
        return true;
    }
    case element_type::STRING:
        return integerFromText(value.get_string().value_unsafe(), out);
    default:
        return false;
    }
}

// Text of a scalar: strings as they are, numbers in decimal (iccid/imei sometimes come as numbers).
bool readText(element value, QString *out)
{
    switch (value.type()) {
    case element_type::STRING:
        *out = qs(value.get_string().value_unsafe());
        return true;
    case element_type::INT64:
        *out = QString::number(value.get_int64().value_unsafe());
        return true;
    case element_type::UINT64:
        *out = QString::number(value.get_uint64().value_unsafe());
        return true;
    case element_type::DOUBLE: {
        const double d = value.get_double().value_unsafe();
        *out = (std::trunc(d) == d && std::fabs(d) < 1e18) ? QString::number(qint64(d)) : QString::number(d, 'g', 17);
        return true;
    }
    case element_type::BOOL:
        *out = value.get_bool().value_unsafe() ? QStringLiteral("true") : QStringLiteral("false");
        return true;
    case element_type::NULL_VALUE:
        out->clear();
        return true;
    default:
        return false;
    }
}

bool readBool(element value, bool *out)
{
    switch (value.type()) {
    case element_type::BOOL:
        *out = value.get_bool().value_unsafe();
        return true;
    case element_type::INT64:
    case element_type::UINT64:
    case element_type::DOUBLE: {
        qint64 i = 0;
        if (!readInteger(value, &i))
            return false;
        *out = i != 0;
        return true;
    }
    case element_type::STRING: {
        const std::string_view s = value.get_string().value_unsafe();
        if (s == "true" || s == "1" || s == "TRUE" || s == "True") {
            *out = true;
            return true;
        }
        if (s == "false" || s == "0" || s == "FALSE" || s == "False" || s.empty()) {
            *out = false;
            return true;
        }
        return false;
    }
    case element_type::NULL_VALUE:
        *out = false;
        return true;
    default:
        return false;
    }
}

// An optional sub-object: null, absent and {} all mean "not there". Anything else that is not an
// object is an error of the element.
bool optionalObject(object parent, std::string_view key, object *out, const char *what)
{
    element value;
    if (parent[key].get(value) != simdjson::SUCCESS)
        return false;
    if (value.type() == element_type::NULL_VALUE)
        return false;
    if (value.type() != element_type::OBJECT)
        throw ElementError { QStringLiteral("\"%1\" is not an object").arg(QLatin1String(what)) };
    *out = value.get_object().value_unsafe();
    return out->size() > 0;
}

qint64 memberInteger(object obj, std::string_view key, const char *context)
{
    element value;
    if (obj[key].get(value) != simdjson::SUCCESS || value.type() == element_type::NULL_VALUE)
        return -1;
    qint64 result = -1;
    if (!readInteger(value, &result))
        throw ElementError { QStringLiteral("\"%1.%2\" is not an integer").arg(QLatin1String(context), qs(key)) };
    return result;
}

QString memberText(object obj, std::string_view key, const char *context)
{
    element value;
    if (obj[key].get(value) != simdjson::SUCCESS)
        return {};
    QString result;
    if (!readText(value, &result))
        throw ElementError { QStringLiteral("\"%1.%2\" is not text").arg(QLatin1String(context), qs(key)) };
    return result;
}

// {id, description} lookups; some docs examples say "name" instead of "description".
EventRef readRef(object parent, std::string_view key, const char *what)
{
    object obj;
    if (!optionalObject(parent, key, &obj, what))
        return {};
    EventRef ref;
    ref.id = memberInteger(obj, "id", what);
    ref.name = memberText(obj, "description", what);
    if (ref.name.isEmpty())
        ref.name = memberText(obj, "name", what);
    return ref;
}

constexpr std::string_view knownKeys[] = { "id", "timestamp", "alert", "description", "event_type", "event_source",
    "event_severity", "organisation", "user", "endpoint", "sim", "imsi", "detail" };

bool isKnownKey(std::string_view key)
{
    for (std::string_view known : knownKeys) {
        if (key == known)
            return true;
    }
    return false;
}

using Builder = simdjson::internal::string_builder<>;

QByteArray compact(Builder &builder, element value)
{
    builder.clear();
    builder.append(value);
    const std::string_view text = builder.str();
    return QByteArray(text.data(), qsizetype(text.size()));
}

Event readEvent(element value, Builder &builder)
{
    if (value.type() != element_type::OBJECT)
        throw ElementError { QStringLiteral("not an object") };
    const object obj = value.get_object().value_unsafe();
    Event event;

    element field;
    if (obj["id"].get(field) != simdjson::SUCCESS || field.type() == element_type::NULL_VALUE)
        throw ElementError { QStringLiteral("no \"id\"") };
    if (!readInteger(field, &event.id))
        throw ElementError { QStringLiteral("\"id\" is not a 64-bit integer") };

    if (obj["timestamp"].get(field) != simdjson::SUCCESS || field.type() != element_type::STRING)
        throw ElementError { QStringLiteral("no \"timestamp\" text") };
    const std::string_view ts = field.get_string().value_unsafe();
    if (!EventParser::parseTimestamp(QByteArrayView(ts.data(), qsizetype(ts.size())), &event.timestampMs))
        throw ElementError { QStringLiteral("unreadable \"timestamp\": %1").arg(qs(ts.substr(0, 40))) };

    if (obj["alert"].get(field) == simdjson::SUCCESS && !readBool(field, &event.alert))
        throw ElementError { QStringLiteral("\"alert\" is not a boolean") };
    event.description = memberText(obj, "description", "event");

    event.type = readRef(obj, "event_type", "event_type");
    event.source = readRef(obj, "event_source", "event_source");
    event.severity = readRef(obj, "event_severity", "event_severity");

    object sub;
    if (optionalObject(obj, "organisation", &sub, "organisation")) {
        event.organisation.id = memberInteger(sub, "id", "organisation");
        event.organisation.name = memberText(sub, "name", "organisation");
    }
    if (optionalObject(obj, "user", &sub, "user")) {
        EventUser user;
        user.id = memberInteger(sub, "id", "user");
        user.name = memberText(sub, "name", "user");
        user.username = memberText(sub, "username", "user");
        event.user = std::move(user);
    }
    if (optionalObject(obj, "endpoint", &sub, "endpoint")) {
        EventEndpoint endpoint;
        endpoint.id = memberInteger(sub, "id", "endpoint");
        endpoint.name = memberText(sub, "name", "endpoint");
        endpoint.ipAddress = memberText(sub, "ip_address", "endpoint");
        endpoint.imei = memberText(sub, "imei", "endpoint");
        endpoint.tags = memberText(sub, "tags", "endpoint");
        event.endpoint = std::move(endpoint);
    }
    if (optionalObject(obj, "sim", &sub, "sim")) {
        EventSim sim;
        sim.id = memberInteger(sub, "id", "sim");
        sim.iccid = memberText(sub, "iccid", "sim");
        sim.productionDate = memberText(sub, "production_date", "sim");
        event.sim = std::move(sim);
    }
    if (optionalObject(obj, "imsi", &sub, "imsi")) {
        EventImsi imsi;
        imsi.id = memberInteger(sub, "id", "imsi");
        imsi.imsi = memberText(sub, "imsi", "imsi");
        imsi.importDate = memberText(sub, "import_date", "imsi");
        event.imsi = std::move(imsi);
    }
    if (obj["detail"].get(field) == simdjson::SUCCESS)
        event.detailJson = compact(builder, field);

    // Unknown top-level keys are kept as one object so that nothing the API sent is lost.
    bool anyExtra = false;
    for (const auto member : obj) {
        if (isKnownKey(member.key))
            continue;
        if (!anyExtra) {
            event.extraJson = "{";
            anyExtra = true;
        } else {
            event.extraJson += ',';
        }
        builder.clear();
        builder.append(member);
        const std::string_view text = builder.str();
        event.extraJson.append(text.data(), qsizetype(text.size()));
    }
    if (anyExtra)
        event.extraJson += '}';
    return event;
}

QString simdjsonMessage(simdjson::error_code code)
{
    switch (code) {
    case simdjson::DEPTH_ERROR:
        return QStringLiteral("the JSON is nested too deeply");
    case simdjson::CAPACITY:
        return QStringLiteral("the document is too large");
    case simdjson::EMPTY:
        return QStringLiteral("the response is empty");
    case simdjson::UTF8_ERROR:
        return QStringLiteral("the text is not valid UTF-8");
    case simdjson::UNCLOSED_STRING:
    case simdjson::TAPE_ERROR:
        return QStringLiteral("the JSON is incomplete or malformed (was the response cut off?)");
    default:
        return QStringLiteral("not valid JSON (%1)").arg(QLatin1String(simdjson::error_message(code)));
    }
}

ParseResult parseDocument(element root, const ParseOptions &options)
{
    thread_local Builder builder;
    ParseResult result;
    auto take = [&](element value, qsizetype index) {
        try {
            result.events.push_back(readEvent(value, builder));
            if (options.keepRaw)
                result.raw.push_back(compact(builder, value));
        } catch (const ElementError &error) {
            result.issues.append(ParseIssue { index, error.reason });
        }
    };
    if (root.type() == element_type::ARRAY) {
        const simdjson::dom::array array = root.get_array().value_unsafe();
        result.events.reserve(array.size());
        qsizetype index = 0;
        for (element value : array)
            take(value, index++);
    } else if (root.type() == element_type::OBJECT) {
        take(root, 0);
    } else {
        result.error = QStringLiteral("expected a JSON array of events or one event object");
    }
    return result;
}

} // namespace

ParseResult EventParser::parse(QByteArrayView json, const ParseOptions &options)
{
    thread_local simdjson::dom::parser parser;
    element root;
    simdjson::error_code code = parser.parse(json.data(), size_t(json.size())).get(root);
    if (code == simdjson::NUMBER_OUT_OF_RANGE || code == simdjson::NUMBER_ERROR) {
        // Valid JSON with a number simdjson cannot hold (beyond 64 bits). Let Qt read it (such
        // numbers become doubles) so that one odd value does not sink the whole page; an id
        // hit by this is then reported on its own element.
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(json.toByteArray(), &error);
        if (error.error != QJsonParseError::NoError)
            return ParseResult { {}, {}, {}, QStringLiteral("not valid JSON: %1 at offset %2").arg(error.errorString()).arg(error.offset) };
        const QByteArray normalised = doc.toJson(QJsonDocument::Compact);
        code = parser.parse(normalised.data(), size_t(normalised.size())).get(root);
        if (code != simdjson::SUCCESS)
            return ParseResult { {}, {}, {}, simdjsonMessage(code) };
        return parseDocument(root, options);
    }
    if (code != simdjson::SUCCESS)
        return ParseResult { {}, {}, {}, simdjsonMessage(code) };
    ParseResult result = parseDocument(root, options);
    if (!result.issues.isEmpty())
        qCDebug(lcParser) << result.issues.size() << "elements skipped, first:" << result.issues.first().reason;
    return result;
}

namespace {

// Days from 1970-01-01 to the civil date (proleptic Gregorian), Howard Hinnant's algorithm.
qint64 daysFromCivil(int y, int m, int d)
{
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const int yoe = y - era * 400;
    const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return qint64(era) * 146097 + doe - 719468;
}

class Cursor
{
public:
    explicit Cursor(QByteArrayView text) : m_p(text.data()), m_end(text.data() + text.size()) { }
    bool atEnd() const { return m_p == m_end; }
    char peek() const { return m_p < m_end ? *m_p : '\0'; }
    bool take(char c)
    {
        if (peek() != c)
            return false;
        ++m_p;
        return true;
    }
    // Exactly n digits (n > 0), or between min and max digits when min != max.
    bool digits(int min, int max, int *value, int *count = nullptr)
    {
        int n = 0;
        int v = 0;
        while (n < max && m_p < m_end && *m_p >= '0' && *m_p <= '9') {
            v = v * 10 + (*m_p - '0');
            ++m_p;
            ++n;
        }
        if (count)
            *count = n;
        *value = v;
        return n >= min;
    }
    void skipSpaces()
    {
        while (m_p < m_end && *m_p == ' ')
            ++m_p;
    }

private:
    const char *m_p;
    const char *m_end;
};

bool validDate(int y, int mo, int d, int h, int mi, int s)
{
    static constexpr int days[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    return y >= 1900 && y <= 9999 && mo >= 1 && mo <= 12 && d >= 1 && d <= days[mo - 1] && h <= 23 && mi <= 59 && s <= 60;
}

} // namespace

bool EventParser::parseTimestamp(QByteArrayView text, qint64 *msSinceEpoch)
{
    Cursor c(text.trimmed());
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0, ms = 0;
    int first = 0, firstCount = 0;
    if (!c.digits(1, 4, &first, &firstCount))
        return false;
    bool usStyle = false;
    if (firstCount == 4 && c.take('-')) {
        // 2021-10-27T11:59:29.000Z and its variants
        y = first;
        if (!c.digits(2, 2, &mo) || !c.take('-') || !c.digits(2, 2, &d))
            return false;
        if (!c.take('T') && !c.take(' '))
            return false;
    } else if (firstCount <= 2 && c.take('/')) {
        // 5/8/2017 10:56:25 AM (the schema example in the API spec)
        usStyle = true;
        mo = first;
        if (!c.digits(1, 2, &d) || !c.take('/') || !c.digits(4, 4, &y))
            return false;
        c.skipSpaces();
    } else {
        return false;
    }
    if (!c.digits(1, 2, &h) || !c.take(':') || !c.digits(2, 2, &mi))
        return false;
    if (c.take(':') && !c.digits(2, 2, &s))
        return false;
    if (c.take('.') || c.take(',')) {
        int fraction = 0, count = 0;
        if (!c.digits(1, 3, &fraction, &count))
            return false;
        ms = count == 1 ? fraction * 100 : count == 2 ? fraction * 10 : fraction;
        int ignored = 0;
        c.digits(0, 9, &ignored); // finer than milliseconds
    }
    c.skipSpaces();
    if (usStyle) {
        const bool pm = c.take('P') || c.take('p');
        const bool am = !pm && (c.take('A') || c.take('a'));
        if (pm || am) {
            if (!c.take('M') && !c.take('m'))
                return false;
            if (h < 1 || h > 12)
                return false;
            h = (h % 12) + (pm ? 12 : 0);
        }
        c.skipSpaces();
    }
    int offsetMinutes = 0;
    if (c.take('Z') || c.take('z')) {
    } else if (c.peek() == '+' || c.peek() == '-') {
        const int sign = c.take('-') ? -1 : (c.take('+'), 1);
        int oh = 0, om = 0;
        if (!c.digits(2, 2, &oh))
            return false;
        c.take(':');
        if (!c.atEnd() && !c.digits(2, 2, &om))
            return false;
        if (oh > 23 || om > 59)
            return false;
        offsetMinutes = sign * (oh * 60 + om);
    } else if (!c.atEnd() && c.peek() == 'U') {
        // " UTC"
        if (!c.take('U') || !c.take('T') || !c.take('C'))
            return false;
    }
    // A timestamp without a zone (2021-10-06 10:42:58) is UTC, like everything else the API sends.
    if (!c.atEnd() || !validDate(y, mo, d, h, mi, s))
        return false;
    const qint64 seconds = daysFromCivil(y, mo, d) * 86400 + h * 3600 + mi * 60 + s - qint64(offsetMinutes) * 60;
    *msSinceEpoch = seconds * 1000 + ms;
    return true;
}
