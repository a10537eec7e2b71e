// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "api/eventjson.h"

#include "model/isotime.h"

#include <algorithm>
#include <charconv>

namespace {

void appendInteger(QByteArray &out, qint64 value)
{
    char buffer[24];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    out.append(buffer, result.ptr - buffer);
}

// {"id":..,"description":..}; members that the parser would read as "not there" are left out so
// that parse(toJson(e)) == e.
void appendRef(QByteArray &out, const char *key, const EventRef &ref, const char *nameKey)
{
    if (ref.id < 0 && ref.name.isEmpty())
        return;
    out += ",\"";
    out += key;
    out += "\":{";
    bool first = true;
    if (ref.id >= 0) {
        out += "\"id\":";
        appendInteger(out, ref.id);
        first = false;
    }
    if (!ref.name.isEmpty()) {
        out += first ? "\"" : ",\"";
        out += nameKey;
        out += "\":";
        EventJson::appendString(out, ref.name);
    }
    out += '}';
}

void appendNullableString(QByteArray &out, const QString &text)
{
    if (text.isEmpty())
        out += "null";
    else
        EventJson::appendString(out, text);
}

void appendId(QByteArray &out, qint64 id)
{
    if (id >= 0)
        appendInteger(out, id);
    else
        out += "null";
}

} // namespace

QByteArray EventJson::toJson(const Event &e)
{
    QByteArray out;
    out.reserve(512 + e.detailJson.size() + e.extraJson.size());
    append(out, e);
    return out;
}

QByteArray EventJson::toJsonArray(std::span<const Event> events)
{
    QByteArray out;
    out.reserve(qsizetype(events.size()) * 600 + 2);
    out += '[';
    bool first = true;
    for (const Event &e : events) {
        if (!first)
            out += ',';
        first = false;
        append(out, e);
    }
    out += ']';
    return out;
}

void EventJson::append(QByteArray &out, const Event &e)
{
    out += "{\"id\":";
    appendInteger(out, e.id);
    out += ",\"timestamp\":\"";
    appendTimestamp(out, e.timestampMs);
    out += e.alert ? "\",\"alert\":true,\"description\":" : "\",\"alert\":false,\"description\":";
    appendString(out, e.description);
    appendRef(out, "event_type", e.type, "description");
    appendRef(out, "event_source", e.source, "description");
    appendRef(out, "event_severity", e.severity, "description");
    appendRef(out, "organisation", e.organisation, "name");
    if (e.user) {
        out += ",\"user\":{\"id\":";
        appendId(out, e.user->id);
        out += ",\"name\":";
        appendString(out, e.user->name);
        out += ",\"username\":";
        appendString(out, e.user->username);
        out += '}';
    }
    if (e.endpoint) {
        out += ",\"endpoint\":{\"id\":";
        appendId(out, e.endpoint->id);
        out += ",\"name\":";
        appendString(out, e.endpoint->name);
        out += ",\"ip_address\":";
        appendString(out, e.endpoint->ipAddress);
        out += ",\"imei\":";
        appendNullableString(out, e.endpoint->imei);
        out += ",\"tags\":";
        appendNullableString(out, e.endpoint->tags);
        out += '}';
    }
    if (e.sim) {
        out += ",\"sim\":{\"id\":";
        appendId(out, e.sim->id);
        out += ",\"iccid\":";
        appendString(out, e.sim->iccid);
        out += ",\"production_date\":";
        appendString(out, e.sim->productionDate);
        out += '}';
    }
    if (e.imsi) {
        out += ",\"imsi\":{\"id\":";
        appendId(out, e.imsi->id);
        out += ",\"imsi\":";
        appendString(out, e.imsi->imsi);
        out += ",\"import_date\":";
        appendString(out, e.imsi->importDate);
        out += '}';
    }
    if (!e.detailJson.isEmpty()) {
        out += ",\"detail\":";
        out += e.detailJson;
    }
    // extraJson is one object: splice its members in after ours.
    if (e.extraJson.size() > 2 && e.extraJson.front() == '{' && e.extraJson.back() == '}') {
        out += ',';
        out.append(e.extraJson.constData() + 1, e.extraJson.size() - 2);
    }
    out += '}';
}

void EventJson::appendString(QByteArray &out, QStringView text)
{
    static constexpr char hex[] = "0123456789abcdef";
    const qsizetype n = text.size();
    const char16_t *s = text.utf16();
    // Write through a raw pointer into worst-case room (\u00XX: 6 bytes per UTF-16 unit), then
    // trim; `out` is usually a page buffer with spare capacity, so this rarely reallocates.
    const qsizetype start = out.size();
    out.resize(start + n * 6 + 2);
    char *p = out.data() + start;
    *p++ = '"';
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t c = s[i];
        if (c < 0x80) {
            if (c >= 0x20 && c != u'"' && c != u'\\') {
                *p++ = char(c);
                continue;
            }
            *p++ = '\\';
            switch (c) {
            case u'"':
                *p++ = '"';
                break;
            case u'\\':
                *p++ = '\\';
                break;
            case u'\b':
                *p++ = 'b';
                break;
            case u'\f':
                *p++ = 'f';
                break;
            case u'\n':
                *p++ = 'n';
                break;
            case u'\r':
                *p++ = 'r';
                break;
            case u'\t':
                *p++ = 't';
                break;
            default:
                *p++ = 'u';
                *p++ = '0';
                *p++ = '0';
                *p++ = hex[(c >> 4) & 0xf];
                *p++ = hex[c & 0xf];
            }
        } else if (c < 0x800) {
            *p++ = char(0xc0 | (c >> 6));
            *p++ = char(0x80 | (c & 0x3f));
        } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < n && s[i + 1] >= 0xdc00 && s[i + 1] <= 0xdfff) {
            const char32_t cp = 0x10000 + ((char32_t(c) - 0xd800) << 10) + (char32_t(s[i + 1]) - 0xdc00);
            *p++ = char(0xf0 | (cp >> 18));
            *p++ = char(0x80 | ((cp >> 12) & 0x3f));
            *p++ = char(0x80 | ((cp >> 6) & 0x3f));
            *p++ = char(0x80 | (cp & 0x3f));
            ++i;
        } else {
            const char16_t u = (c >= 0xd800 && c <= 0xdfff) ? char16_t(0xfffd) : c; // lone surrogate
            *p++ = char(0xe0 | (u >> 12));
            *p++ = char(0x80 | ((u >> 6) & 0x3f));
            *p++ = char(0x80 | (u & 0x3f));
        }
    }
    *p++ = '"';
    out.resize(p - out.constData());
}

void EventJson::appendTimestamp(QByteArray &out, qint64 msSinceEpoch) { IsoTime::append(&out, msSinceEpoch); }
