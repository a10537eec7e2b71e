// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "api/eventparser.h"

#include "api/eventjson.h"
#include "model/eventbatchbuilder.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QThread>
#include "model/workerpools.h"
#include <QtConcurrent/QtConcurrentRun>

#include <simdjson.h>

#include <charconv>
#include <cstring>
#include <cmath>
#include <limits>
#include <string>

#if defined(Q_OS_LINUX)
#include <sys/resource.h>
#endif

Q_LOGGING_CATEGORY(lcParser, "eventviewer.api.parser")

namespace {

namespace od = simdjson::ondemand;
using simdjson::SUCCESS;

// An element that cannot become an event; carries the reason up to the page loop.
struct ElementError
{
    QString reason;
};

QString qs(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

[[noreturn]] void fail(const QString &reason)
{
    throw ElementError { reason };
}

QString fieldName(const char *context, std::string_view key)
{
    return context ? QStringLiteral("%1.%2").arg(QLatin1String(context), qs(key)) : qs(key);
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

od::json_type typeOf(od::value &value)
{
    od::json_type type;
    if (value.type().get(type) != SUCCESS)
        fail(QStringLiteral("malformed value"));
    return type;
}

// An integer sent as a JSON integer, an integral double, or a string of digits (a quirk of the
// API). Returns false for null.
bool readInteger(od::value &value, qint64 *out, const char *context, std::string_view key)
{
    switch (typeOf(value)) {
    case od::json_type::null:
        return false;
    case od::json_type::number: {
        int64_t i = 0;
        if (value.get_int64().get(i) == SUCCESS) {
            *out = i;
            return true;
        }
        double d = 0;
        // Doubles are exact up to 2^53; beyond that an id would silently change.
        if (value.get_double().get(d) == SUCCESS && std::isfinite(d) && std::trunc(d) == d
            && std::fabs(d) <= 9007199254740992.0) {
            *out = qint64(d);
            return true;
        }
        break;
    }
    case od::json_type::string: {
        std::string_view text;
        if (value.get_string().get(text) == SUCCESS && integerFromText(text, out))
            return true;
        break;
    }
    default:
        break;
    }
    fail(QStringLiteral("\"%1\" is not a 64-bit integer").arg(fieldName(context, key)));
}

// Text of a scalar: strings as they are, numbers as sent (iccid/imei sometimes come as numbers,
// some beyond 64 bits), booleans as true/false, null as empty. The view stays valid for the page.
std::string_view readText(od::value &value, const char *context, std::string_view key)
{
    switch (typeOf(value)) {
    case od::json_type::string: {
        std::string_view text;
        if (value.get_string().get(text) != SUCCESS)
            fail(QStringLiteral("\"%1\" is malformed text").arg(fieldName(context, key)));
        return text;
    }
    case od::json_type::number:
    case od::json_type::boolean: {
        std::string_view token = value.raw_json_token();
        while (!token.empty() && (token.back() == ' ' || token.back() == '\n' || token.back() == '\r' || token.back() == '\t'))
            token.remove_suffix(1);
        return token;
    }
    case od::json_type::null:
        return {};
    default:
        fail(QStringLiteral("\"%1\" is not text").arg(fieldName(context, key)));
    }
}

bool readBool(od::value &value)
{
    switch (typeOf(value)) {
    case od::json_type::boolean: {
        bool b = false;
        if (value.get_bool().get(b) == SUCCESS)
            return b;
        break;
    }
    case od::json_type::number: {
        double d = 0;
        if (value.get_double().get(d) == SUCCESS)
            return d != 0;
        break;
    }
    case od::json_type::string: {
        std::string_view s;
        if (value.get_string().get(s) != SUCCESS)
            break;
        if (s == "true" || s == "1" || s == "TRUE" || s == "True")
            return true;
        if (s == "false" || s == "0" || s == "FALSE" || s == "False" || s.empty())
            return false;
        break;
    }
    case od::json_type::null:
        return false;
    default:
        break;
    }
    fail(QStringLiteral("\"alert\" is not a boolean"));
}

// The value's text without insignificant white space (the API sends compact JSON; the docs'
// examples are indented), appended to *out.
void appendCompactJson(od::value &value, const char *what, std::string *out)
{
    std::string_view raw;
    simdjson::error_code code = SUCCESS;
    switch (typeOf(value)) {
    case od::json_type::object: {
        od::object object;
        code = value.get_object().get(object);
        if (code == SUCCESS)
            code = object.raw_json().get(raw);
        break;
    }
    case od::json_type::array: {
        od::array array;
        code = value.get_array().get(array);
        if (code == SUCCESS)
            code = array.raw_json().get(raw);
        break;
    }
    default:
        raw = value.raw_json_token();
        break;
    }
    if (code != SUCCESS)
        fail(QStringLiteral("\"%1\" is malformed").arg(QLatin1String(what)));
    const size_t start = out->size();
    out->resize(start + raw.size());
    size_t length = 0;
    if (simdjson::minify(raw.data(), raw.size(), out->data() + start, length) != SUCCESS)
        fail(QStringLiteral("\"%1\" is malformed").arg(QLatin1String(what)));
    out->resize(start + length);
}

// Walks an optional sub-object: null, absent and {} all mean "not there"; anything else that is
// not an object is an error of the element. Returns whether it had any member.
template<typename OnMember>
bool forEachMember(od::value &value, const char *what, OnMember onMember)
{
    const od::json_type type = typeOf(value);
    if (type == od::json_type::null)
        return false;
    od::object object;
    if (type != od::json_type::object || value.get_object().get(object) != SUCCESS)
        fail(QStringLiteral("\"%1\" is not an object").arg(QLatin1String(what)));
    bool any = false;
    for (auto member : object) {
        std::string_view key;
        od::value v;
        if (member.unescaped_key().get(key) != SUCCESS || member.value().get(v) != SUCCESS)
            fail(QStringLiteral("\"%1\" is malformed").arg(QLatin1String(what)));
        any = true;
        onMember(key, v);
    }
    return any;
}

// {id, description} lookups; some docs examples say "name" instead of "description".
EventFields::Ref readRef(od::value &value, const char *what)
{
    EventFields::Ref ref;
    std::string_view name;
    forEachMember(value, what, [&](std::string_view key, od::value &v) {
        if (key == "id")
            readInteger(v, &ref.id, what, key);
        else if (key == "description")
            ref.name = readText(v, what, key);
        else if (key == "name")
            name = readText(v, what, key);
    });
    if (ref.name.empty())
        ref.name = name;
    return ref;
}

// Reads one element into views of the page (and of the scratch strings for the payload). Throws
// ElementError when the element cannot become an event.
void readEvent(od::value element, QByteArray *raw, EventFields *fields)
{
    od::object object;
    if (typeOf(element) != od::json_type::object || element.get_object().get(object) != SUCCESS)
        fail(QStringLiteral("not an object"));
    if (raw) {
        std::string_view text;
        if (object.raw_json().get(text) != SUCCESS)
            fail(QStringLiteral("malformed object"));
        raw->resize(qsizetype(text.size()));
        size_t length = 0;
        if (simdjson::minify(text.data(), text.size(), raw->data(), length) != SUCCESS)
            fail(QStringLiteral("malformed object"));
        raw->truncate(qsizetype(length));
        if (object.reset().error() != SUCCESS) // raw_json() walked the object: start over
            fail(QStringLiteral("malformed object"));
    }
    thread_local std::string detail;
    thread_local std::string extra;
    detail.clear();
    extra.clear();
    EventFields &event = *fields;
    event = EventFields();
    bool hasId = false;
    bool hasTimestamp = false;
    for (auto member : object) {
        std::string_view key;
        od::value v;
        if (member.unescaped_key().get(key) != SUCCESS || member.value().get(v) != SUCCESS)
            fail(QStringLiteral("malformed member"));
        if (key == "id") {
            hasId = readInteger(v, &event.id, nullptr, key);
        } else if (key == "timestamp") {
            std::string_view ts;
            if (typeOf(v) != od::json_type::string || v.get_string().get(ts) != SUCCESS)
                fail(QStringLiteral("no \"timestamp\" text"));
            if (!EventParser::parseTimestamp(QByteArrayView(ts.data(), qsizetype(ts.size())), &event.timestampMs))
                fail(QStringLiteral("unreadable \"timestamp\": %1").arg(qs(ts.substr(0, 40))));
            hasTimestamp = true;
        } else if (key == "alert") {
            event.alert = readBool(v);
        } else if (key == "description") {
            event.description = readText(v, nullptr, key);
        } else if (key == "event_type") {
            event.type = readRef(v, "event_type");
        } else if (key == "event_source") {
            event.source = readRef(v, "event_source");
        } else if (key == "event_severity") {
            event.severity = readRef(v, "event_severity");
        } else if (key == "organisation") {
            forEachMember(v, "organisation", [&](std::string_view k, od::value &m) {
                if (k == "id")
                    readInteger(m, &event.organisation.id, "organisation", k);
                else if (k == "name")
                    event.organisation.name = readText(m, "organisation", k);
            });
        } else if (key == "user") {
            auto &user = event.user;
            user = {};
            user.present = forEachMember(v, "user", [&](std::string_view k, od::value &m) {
                if (k == "id")
                    readInteger(m, &user.id, "user", k);
                else if (k == "name")
                    user.name = readText(m, "user", k);
                else if (k == "username")
                    user.username = readText(m, "user", k);
            });
        } else if (key == "endpoint") {
            auto &endpoint = event.endpoint;
            endpoint = {};
            endpoint.present = forEachMember(v, "endpoint", [&](std::string_view k, od::value &m) {
                if (k == "id")
                    readInteger(m, &endpoint.id, "endpoint", k);
                else if (k == "name")
                    endpoint.name = readText(m, "endpoint", k);
                else if (k == "ip_address")
                    endpoint.ipAddress = readText(m, "endpoint", k);
                else if (k == "imei")
                    endpoint.imei = readText(m, "endpoint", k);
                else if (k == "tags")
                    endpoint.tags = readText(m, "endpoint", k);
            });
        } else if (key == "sim") {
            auto &sim = event.sim;
            sim = {};
            sim.present = forEachMember(v, "sim", [&](std::string_view k, od::value &m) {
                if (k == "id")
                    readInteger(m, &sim.id, "sim", k);
                else if (k == "iccid")
                    sim.iccid = readText(m, "sim", k);
                else if (k == "production_date")
                    sim.productionDate = readText(m, "sim", k);
            });
        } else if (key == "imsi") {
            auto &imsi = event.imsi;
            imsi = {};
            imsi.present = forEachMember(v, "imsi", [&](std::string_view k, od::value &m) {
                if (k == "id")
                    readInteger(m, &imsi.id, "imsi", k);
                else if (k == "imsi")
                    imsi.imsi = readText(m, "imsi", k);
                else if (k == "import_date")
                    imsi.importDate = readText(m, "imsi", k);
            });
        } else if (key == "detail") {
            detail.clear();
            appendCompactJson(v, "detail", &detail);
        } else {
            // Unknown top-level keys are kept as one object so that nothing the API sent is lost.
            extra += extra.empty() ? '{' : ',';
            QByteArray name; // unknown keys are rare
            EventJson::appendString(name, qs(key));
            extra.append(name.constData(), size_t(name.size()));
            extra += ':';
            appendCompactJson(v, "unknown key", &extra);
        }
    }
    if (!extra.empty())
        extra += '}';
    if (!hasId)
        fail(QStringLiteral("no \"id\""));
    if (!hasTimestamp)
        fail(QStringLiteral("no \"timestamp\" text"));
    event.detailJson = detail;
    event.extraJson = extra;
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
    case simdjson::INCOMPLETE_ARRAY_OR_OBJECT:
        return QStringLiteral("the JSON is incomplete or malformed (was the response cut off?)");
    default:
        return QStringLiteral("not valid JSON (%1)").arg(QLatin1String(simdjson::error_message(code)));
    }
}

ParseResult pageError(const QString &message)
{
    ParseResult result;
    result.error = message;
    return result;
}

} // namespace

ParseResult EventParser::parse(QByteArrayView json, const ParseOptions &options)
{
    // The On-Demand API reads what it needs straight from the text (no tape) and hands out the
    // raw text of `detail`. It needs SIMDJSON_PADDING readable bytes past the end, so the page is
    // copied into a padded buffer (a memcpy, cheap next to the parse). One object at the root is
    // read as a page of one.
    thread_local od::parser parser;
    thread_local std::string padded;
    size_t begin = 0;
    while (begin < size_t(json.size()) && (json[begin] == ' ' || json[begin] == '\n' || json[begin] == '\r' || json[begin] == '\t'))
        ++begin;
    const bool single = begin < size_t(json.size()) && json[begin] == '{';
    padded.clear();
    if (single)
        padded += '[';
    padded.append(json.data(), size_t(json.size()));
    if (single)
        padded += ']';
    const size_t length = padded.size();
    padded.resize(length + simdjson::SIMDJSON_PADDING);

    od::document document;
    simdjson::error_code code = parser.iterate(padded.data(), length, padded.size()).get(document);
    if (code != SUCCESS)
        return pageError(simdjsonMessage(code));
    od::json_type rootType;
    code = document.type().get(rootType);
    if (code != SUCCESS)
        return pageError(simdjsonMessage(code));
    if (rootType != od::json_type::array)
        return pageError(QStringLiteral("expected a JSON array of events or one event object"));
    od::array array;
    if ((code = document.get_array().get(array)) != SUCCESS)
        return pageError(simdjsonMessage(code));

    ParseResult result;
    // Straight into the store's form, on this (worker) thread: see EventBatch.
    thread_local EventBatchBuilder builder;
    (void)builder.take(); // left over from a page that failed half-way
    // Events on the wire take about a kilobyte each.
    builder.reserve(qsizetype(json.size() / 512) + 1);
    EventFields fields;
    qsizetype index = 0;
    for (auto element : array) {
        od::value value;
        if ((code = element.get(value)) != SUCCESS)
            return pageError(simdjsonMessage(code));
        QByteArray raw;
        try {
            readEvent(value, options.keepRaw ? &raw : nullptr, &fields);
            builder.add(fields);
            if (options.keepRaw)
                result.raw.push_back(std::move(raw));
        } catch (const ElementError &error) {
            result.issues.append(ParseIssue { index, error.reason });
        }
        ++index;
    }
    result.batch = builder.take();
    if (!result.issues.isEmpty())
        qCDebug(lcParser) << result.issues.size() << "elements skipped, first:" << result.issues.first().reason;
    return result;
}

QFuture<ParseResult> EventParser::parseInBackground(QByteArray json, const ParseOptions &options)
{
    // Threads of their own, so that their lower priority touches nothing else.
    return QtConcurrent::run(WorkerPools::current().parse(), [json = std::move(json), options] {
        // Once per thread: below the GUI thread, which then gets a core as soon as it wants one
        // (parsing two pages at once on two cores otherwise delays the page being appended).
        // Not the GUI thread itself, which runs a job when it waits for one not started yet.
        thread_local const bool lowered = [] {
            const QCoreApplication *app = QCoreApplication::instance();
            if (app && QThread::currentThread() == app->thread())
                return false;
#if defined(Q_OS_LINUX)
            return setpriority(PRIO_PROCESS, 0, 5) == 0; // this thread's nice value (Linux)
#else
            QThread::currentThread()->setPriority(QThread::LowPriority);
            return true;
#endif
        }();
        Q_UNUSED(lowered);
        return parse(json, options);
    });
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
