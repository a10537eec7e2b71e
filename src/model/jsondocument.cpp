// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "model/jsondocument.h"

#include <charconv>
#include <cmath>
#include <system_error>

namespace {

bool isNumberByte(char c)
{
    return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
}

bool isDigit(char c) { return c >= '0' && c <= '9'; }

// Whether the token is a number as JSON writes it: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
bool isJsonNumber(QByteArrayView token)
{
    qsizetype i = 0;
    const qsizetype n = token.size();
    const auto digits = [&] {
        const qsizetype start = i;
        while (i < n && isDigit(token[i]))
            ++i;
        return i > start;
    };
    if (i < n && token[i] == '-')
        ++i;
    if (i < n && token[i] == '0')
        ++i;
    else if (!digits())
        return false;
    if (i < n && token[i] == '.' && (++i, !digits()))
        return false;
    if (i < n && (token[i] == 'e' || token[i] == 'E')) {
        ++i;
        if (i < n && (token[i] == '+' || token[i] == '-'))
            ++i;
        if (!digits())
            return false;
    }
    return i == n;
}

// A JSON number that a double cannot hold: infinite, or rounded to zero from a non-zero value.
bool isOutOfRange(QByteArrayView token)
{
    if (!isJsonNumber(token))
        return false; // not for this function to repair: QJsonDocument reports it
    double value = 0;
    const auto result = std::from_chars(token.data(), token.data() + token.size(), value);
    return result.ec == std::errc::result_out_of_range || !std::isfinite(value);
}

} // namespace

QByteArray JsonDocument::quoteOutOfRangeNumbers(QByteArrayView json)
{
    QByteArray out;
    out.reserve(json.size() + 16);
    bool inString = false;
    qsizetype i = 0;
    while (i < json.size()) {
        const char c = json[i];
        if (inString) {
            out.append(c);
            if (c == '\\' && i + 1 < json.size())
                out.append(json[++i]);
            else if (c == '"')
                inString = false;
            ++i;
            continue;
        }
        if (c == '"') {
            inString = true;
            out.append(c);
            ++i;
            continue;
        }
        if (c == '-' || (c >= '0' && c <= '9')) {
            qsizetype end = i + 1;
            while (end < json.size() && isNumberByte(json[end]))
                ++end;
            const QByteArrayView token = json.sliced(i, end - i);
            if (isOutOfRange(token)) {
                out.append('"');
                out.append(token);
                out.append('"');
            } else {
                out.append(token);
            }
            i = end;
            continue;
        }
        out.append(c);
        ++i;
    }
    return out;
}

QJsonDocument JsonDocument::fromJson(QByteArrayView json, QJsonParseError *error)
{
    QJsonParseError parseError;
    const QByteArray text = json.toByteArray();
    QJsonDocument document = QJsonDocument::fromJson(text, &parseError);
    // Rare: only a number beyond a double's range, so the common case reads the text once.
    if (parseError.error == QJsonParseError::IllegalNumber)
        document = QJsonDocument::fromJson(quoteOutOfRangeNumbers(text), &parseError);
    if (error)
        *error = parseError;
    return document;
}
