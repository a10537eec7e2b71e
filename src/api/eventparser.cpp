// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "api/eventparser.h"

#include "api/eventjson.h"
#include "model/eventbatchbuilder.h"
#include "model/isotime.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QThread>
#include "model/workerpools.h"
#include <QtConcurrent/QtConcurrentRun>

#include <simdjson.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
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
            const std::optional<qint64> ms = IsoTime::parse(QByteArrayView(ts.data(), qsizetype(ts.size())));
            if (!ms)
                fail(QStringLiteral("unreadable \"timestamp\" (no date and time from 0001 to 9999 UTC): %1")
                         .arg(qs(ts.substr(0, 40))));
            event.timestampMs = *ms;
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

// The byte ranges of a JSON array's elements, found by brackets and strings alone (no grammar),
// so that a syntax error inside one element leaves the others readable. False when the elements
// cannot be told apart: no '[' first, a string or bracket that never closes, text after the ']'.
bool splitElements(std::string_view text, std::vector<std::string_view> *elements)
{
    auto isSpace = [](char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; };
    size_t i = 0;
    while (i < text.size() && isSpace(text[i]))
        ++i;
    if (i == text.size() || text[i] != '[')
        return false;
    size_t start = ++i;
    int depth = 0;
    bool inString = false;
    bool any = false; // anything but white space since the array opened
    for (; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
            continue;
        }
        if (!isSpace(c) && !(depth == 0 && (c == ',' || c == ']')))
            any = true;
        if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            ++depth;
        } else if ((c == '}' || c == ']') && depth > 0) {
            --depth;
        } else if (c == '}') {
            return false;
        } else if (depth == 0 && (c == ',' || c == ']')) {
            if (c == ',' || any || !elements->empty())
                elements->push_back(text.substr(start, i - start));
            start = i + 1;
            if (c == ']')
                break;
        }
    }
    if (i >= text.size())
        return false; // cut off
    for (++i; i < text.size(); ++i) {
        if (!isSpace(text[i]))
            return false;
    }
    return true;
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
    size_t length = padded.size();
    padded.resize(length + simdjson::SIMDJSON_PADDING);

    // On-Demand checks only what it reads: it skips the members it does not look at and copies
    // `detail` and unknown keys as they are, so on its own it would keep text that is not JSON.
    // The DOM parser validates the whole page first (a fraction of the On-Demand read). When that
    // fails, each element is validated on its own and only the valid ones are read: an element
    // with a syntax error is reported by its index, the events after it are not lost.
    thread_local simdjson::dom::parser validator;
    thread_local std::string salvaged;
    bool salvage = false; // reading the valid elements only
    std::vector<qsizetype> pageIndex; // then: an element's index in the page received
    ParseResult result;
    simdjson::dom::element ignored;
    simdjson::error_code code = validator.parse(padded.data(), length, false).get(ignored);
    if (code != SUCCESS) {
        const simdjson::error_code pageCode = code;
        salvage = true;
        std::vector<std::string_view> elements;
        // Text that is not UTF-8 was garbled on the way (the simulator's faults do that), as was
        // one too large: the page as a whole is refused and retried. A grammar error inside an
        // element whose ends can be told apart is that element's. (simdjson reports an unclosed
        // string before bad UTF-8, hence the check of its own.)
        if (pageCode != simdjson::EMPTY && !simdjson::validate_utf8(padded.data(), length))
            return pageError(simdjsonMessage(simdjson::UTF8_ERROR));
        const bool wholePage
            = pageCode == simdjson::EMPTY || pageCode == simdjson::CAPACITY || pageCode == simdjson::MEMALLOC;
        if (wholePage || !splitElements(std::string_view(padded.data(), length), &elements))
            return pageError(simdjsonMessage(pageCode));
        salvaged.clear();
        salvaged += '[';
        for (size_t i = 0; i < elements.size(); ++i) {
            const std::string_view element = elements[i];
            // The element lies inside `padded`, so SIMDJSON_PADDING bytes past it are readable.
            code = validator.parse(element.data(), element.size(), false).get(ignored);
            if (code != SUCCESS) {
                result.issues.append(ParseIssue { qsizetype(i),
                    QStringLiteral("not valid JSON (%1)")
                        .arg(QLatin1String(simdjson::error_message(code))) });
                continue;
            }
            if (salvaged.size() > 1)
                salvaged += ',';
            salvaged.append(element);
            pageIndex.push_back(qsizetype(i));
        }
        salvaged += ']';
        result.elementCount = qsizetype(elements.size());
        length = salvaged.size();
        salvaged.resize(length + simdjson::SIMDJSON_PADDING);
        padded.swap(salvaged);
    }

    od::document document;
    code = parser.iterate(padded.data(), length, padded.size()).get(document);
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
            result.issues.append(ParseIssue { salvage ? pageIndex[size_t(index)] : index, error.reason });
        }
        ++index;
    }
    result.batch = builder.take();
    if (!salvage)
        result.elementCount = index;
    std::sort(result.issues.begin(), result.issues.end(),
        [](const ParseIssue &a, const ParseIssue &b) { return a.index < b.index; });
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

bool EventParser::parseTimestamp(QByteArrayView text, qint64 *msSinceEpoch)
{
    const std::optional<qint64> ms = IsoTime::parse(text);
    if (ms)
        *msSinceEpoch = *ms;
    return ms.has_value();
}
