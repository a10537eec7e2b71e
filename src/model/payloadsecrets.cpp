// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "model/payloadsecrets.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QVarLengthArray>

#include <array>
#include <iterator>
#include <string_view>

namespace {

constexpr PayloadSecrets::KeyEntry Keys[] = {
    { "activationKey", PayloadSecrets::Kind::ActivationKey },
    { "token", PayloadSecrets::Kind::Token },
    { "password", PayloadSecrets::Kind::Password },
    { "secret", PayloadSecrets::Kind::Secret },
    { "auth_token", PayloadSecrets::Kind::AuthToken },
    { "refresh_token", PayloadSecrets::Kind::RefreshToken },
    { "api_key", PayloadSecrets::Kind::ApiKey },
    { "application_token", PayloadSecrets::Kind::ApplicationToken },
};

// The names with their lengths, for kindOfKey(), which runs for every key of every exported payload.
struct KeyName
{
    QByteArrayView name;
    char last; // lower case
    PayloadSecrets::Kind kind;
};
const std::array<KeyName, std::size(Keys)> KeyNames = [] {
    std::array<KeyName, std::size(Keys)> names {};
    for (size_t i = 0; i < std::size(Keys); ++i) {
        const QByteArrayView name(Keys[i].key);
        names[i] = KeyName { name, char(name.back() | 0x20), Keys[i].kind };
    }
    return names;
}();

constexpr int MaxDepth = 512; // deeper JSON counts as malformed (the scanner recurses)

bool isSeparator(char c) { return c == '_' || c == '-' || c == ' '; }
bool isUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool isLower(char c) { return c >= 'a' && c <= 'z'; }
char toLower(char c) { return isUpper(c) ? char(c - 'A' + 'a') : c; }
bool isBase64Url(char c)
{
    return isUpper(c) || isLower(c) || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

// Does `entry`, without its separators, end `key` (ignoring case and separators) at the start of a
// word? Returns the length of the match (0: none), so that the longest entry wins (user_auth_token
// is an auth token, not only a token).
qsizetype matchEntry(QByteArrayView key, QByteArrayView entry)
{
    qsizetype i = key.size();
    qsizetype j = entry.size();
    qsizetype matched = 0;
    while (j > 0) {
        if (isSeparator(entry[j - 1])) {
            --j;
            continue;
        }
        while (i > 0 && isSeparator(key[i - 1]))
            --i;
        if (i == 0 || toLower(key[i - 1]) != toLower(entry[j - 1]))
            return 0;
        --i;
        --j;
        ++matched;
    }
    // key[i] is the first character of the match; it must start a word.
    qsizetype before = i;
    while (before > 0 && isSeparator(key[before - 1]))
        --before;
    if (before == 0 || before < i)
        return matched; // the whole key, or after a separator
    const char prev = key[i - 1];
    const char first = key[i];
    const bool camel = isUpper(first) && (!isUpper(prev) || (i + 1 < key.size() && isLower(key[i + 1])));
    return camel ? matched : 0;
}

// The decoded content of a JSON string token (quotes included); only for strings with escapes.
QString decodeString(QByteArrayView token)
{
    QByteArray array;
    array.reserve(token.size() + 2);
    array += '[';
    array += token;
    array += ']';
    return QJsonDocument::fromJson(array).array().at(0).toString();
}

bool isJwtHeader(QByteArrayView segment)
{
    // A header is a JSON object: its first byte '{' and the next (a quote, white space or '}')
    // always encode as "ey", "ew" or "e3". This keeps the decoding off ordinary text.
    if (segment.size() < 4 || segment[0] != 'e'
        || (segment[1] != 'y' && segment[1] != 'w' && segment[1] != '3') || segment.size() % 4 == 1)
        return false;
    const auto decoded = QByteArray::fromBase64Encoding(
        segment.toByteArray(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return false;
    QJsonParseError error;
    const QJsonDocument header = QJsonDocument::fromJson(*decoded, &error);
    return error.error == QJsonParseError::NoError && header.isObject();
}

struct Found
{
    qsizetype begin; // the value's token in the document
    qsizetype end;
    PayloadSecrets::Kind kind;
    QString path;
};

// A JSON scanner that does not build a document: it reports secret values with their place in the
// text, so that redaction can copy everything else byte for byte. Exports run it on every payload,
// so the common case (no secret) allocates nothing. It checks structure, not every detail of the
// grammar (raw control characters in strings pass): it only needs to know where values are.
class Scanner
{
public:
    Scanner(QByteArrayView json, bool wantPaths, QVarLengthArray<Found, 4> *found)
        : m_begin(json.data())
        , m_p(json.data())
        , m_end(json.data() + json.size())
        , m_wantPaths(wantPaths)
        , m_found(found)
    {
    }

    bool scan()
    {
        if (!value(std::nullopt, 0))
            return false;
        skipSpace();
        return m_p == m_end;
    }

private:
    void skipSpace()
    {
        while (m_p < m_end && (*m_p == ' ' || *m_p == '\n' || *m_p == '\r' || *m_p == '\t'))
            ++m_p;
    }

    // A string token from its opening quote; *escaped: it holds a backslash.
    bool string(QByteArrayView *token, bool *escaped)
    {
        const char *start = m_p++;
        *escaped = false;
        while (m_p < m_end) {
            const char c = *m_p;
            if (c == '"') {
                ++m_p;
                *token = QByteArrayView(start, m_p - start);
                return true;
            }
            if (c == '\\') {
                *escaped = true;
                m_p += 2;
                continue;
            }
            ++m_p;
        }
        return false;
    }

    void report(const char *begin, PayloadSecrets::Kind kind)
    {
        m_found->append(Found { begin - m_begin, m_p - m_begin, kind, m_wantPaths ? m_path : QString() });
    }

    bool value(std::optional<PayloadSecrets::Kind> secretKey, int depth)
    {
        if (depth > MaxDepth)
            return false;
        skipSpace();
        if (m_p == m_end)
            return false;
        const char *start = m_p;
        switch (*m_p) {
        case '{': {
            ++m_p;
            skipSpace();
            if (m_p < m_end && *m_p == '}') {
                ++m_p;
                return true;
            }
            while (true) {
                skipSpace();
                if (m_p == m_end || *m_p != '"')
                    return false;
                QByteArrayView keyToken;
                bool escaped = false;
                if (!string(&keyToken, &escaped))
                    return false;
                const QByteArrayView key = keyToken.sliced(1, keyToken.size() - 2);
                std::optional<PayloadSecrets::Kind> kind = secretKey;
                QString decoded; // only for keys with escapes (rare)
                if (escaped)
                    decoded = decodeString(keyToken);
                if (!kind)
                    kind = escaped ? PayloadSecrets::kindOfKey(decoded) : PayloadSecrets::kindOfKey(key);
                skipSpace();
                if (m_p == m_end || *m_p != ':')
                    return false;
                ++m_p;
                const qsizetype pathSize = m_path.size();
                if (m_wantPaths) {
                    if (!m_path.isEmpty())
                        m_path += QLatin1Char('.');
                    m_path += escaped ? decoded : QString::fromUtf8(key);
                }
                if (!value(kind, depth + 1))
                    return false;
                if (m_wantPaths)
                    m_path.truncate(pathSize);
                skipSpace();
                if (m_p < m_end && *m_p == ',') {
                    ++m_p;
                    continue;
                }
                if (m_p < m_end && *m_p == '}') {
                    ++m_p;
                    return true;
                }
                return false;
            }
        }
        case '[': {
            ++m_p;
            skipSpace();
            if (m_p < m_end && *m_p == ']') {
                ++m_p;
                return true;
            }
            for (int index = 0;; ++index) {
                const qsizetype pathSize = m_path.size();
                if (m_wantPaths)
                    m_path += QStringLiteral("[%1]").arg(index);
                if (!value(secretKey, depth + 1))
                    return false;
                if (m_wantPaths)
                    m_path.truncate(pathSize);
                skipSpace();
                if (m_p < m_end && *m_p == ',') {
                    ++m_p;
                    continue;
                }
                if (m_p < m_end && *m_p == ']') {
                    ++m_p;
                    return true;
                }
                return false;
            }
        }
        case '"': {
            QByteArrayView token;
            bool escaped = false;
            if (!string(&token, &escaped))
                return false;
            if (token.size() <= 2)
                return true; // "": nothing to hide
            if (secretKey) {
                report(start, *secretKey);
                return true;
            }
            // JWT characters never need escaping, but an escape elsewhere in the text must not
            // hide one (or fake one): decode such strings first.
            const bool jwt = escaped ? PayloadSecrets::containsJwt(decodeString(token).toUtf8())
                                     : PayloadSecrets::containsJwt(token.sliced(1, token.size() - 2));
            if (jwt)
                report(start, PayloadSecrets::Kind::Jwt);
            return true;
        }
        default: {
            // A number or true/false/null.
            while (m_p < m_end && (isBase64Url(*m_p) || *m_p == '+' || *m_p == '.'))
                ++m_p;
            const QByteArrayView token(start, m_p - start);
            if (token.isEmpty())
                return false;
            const bool literal = token == "true" || token == "false" || token == "null";
            if (!literal && !(token.front() == '-' || (token.front() >= '0' && token.front() <= '9')))
                return false;
            if (secretKey && !literal)
                report(start, *secretKey);
            return true;
        }
        }
    }

    const char *m_begin;
    const char *m_p;
    const char *m_end;
    bool m_wantPaths;
    QVarLengthArray<Found, 4> *m_found;
    QString m_path;
};

qsizetype characters(QByteArrayView token)
{
    if (token.startsWith('"')) {
        const QByteArrayView inner = token.sliced(1, token.size() - 2);
        if (!inner.contains('\\'))
            return QString::fromUtf8(inner).size();
        return decodeString(token).size();
    }
    return token.size();
}

} // namespace

std::span<const PayloadSecrets::KeyEntry> PayloadSecrets::secretKeys() { return Keys; }

std::optional<PayloadSecrets::Kind> PayloadSecrets::kindOfKey(QByteArrayView utf8Key)
{
    // Every entry ends in 'y', 'n', 'd' or 't': most keys are turned away by their last letter
    // (exports check every key of every payload).
    qsizetype last = utf8Key.size();
    while (last > 0 && isSeparator(utf8Key[last - 1]))
        --last;
    if (last == 0)
        return std::nullopt;
    const char end = toLower(utf8Key[last - 1]);
    if (end != 'y' && end != 'n' && end != 'd' && end != 't')
        return std::nullopt;
    std::optional<Kind> best;
    qsizetype bestLength = 0;
    for (const KeyName &entry : KeyNames) {
        if (entry.last != end)
            continue;
        const qsizetype length = matchEntry(utf8Key, entry.name);
        if (length > bestLength) {
            best = entry.kind;
            bestLength = length;
        }
    }
    return best;
}

std::optional<PayloadSecrets::Kind> PayloadSecrets::kindOfKey(QStringView key)
{
    return kindOfKey(QByteArrayView(key.toUtf8()));
}

bool PayloadSecrets::containsJwt(QByteArrayView text)
{
    if (text.size() < 8 || !text.contains('.')) // the common case, at memchr speed
        return false;
    const qsizetype n = text.size();
    qsizetype i = 0;
    while (i < n) {
        if (!isBase64Url(text[i]) && text[i] != '.') {
            ++i;
            continue;
        }
        // A run of base64url characters and dots; a JWT is three segments of it: a header that
        // decodes, a non-empty payload, and a signature (empty for an unsigned token).
        const qsizetype runBegin = i;
        int dots = 0;
        while (i < n && (isBase64Url(text[i]) || text[i] == '.')) {
            dots += text[i] == '.';
            ++i;
        }
        if (dots < 2)
            continue;
        QVarLengthArray<QByteArrayView, 8> segments;
        qsizetype segmentBegin = runBegin;
        for (qsizetype k = runBegin; k <= i; ++k) {
            if (k == i || text[k] == '.') {
                segments.append(text.sliced(segmentBegin, k - segmentBegin));
                segmentBegin = k + 1;
            }
        }
        for (qsizetype s = 0; s + 2 < segments.size(); ++s) {
            if (!segments[s + 1].isEmpty() && segments[s + 1].size() % 4 != 1 && isJwtHeader(segments[s]))
                return true;
        }
    }
    return false;
}

bool PayloadSecrets::mayHoldSecret(QByteArrayView text)
{
    // The last words of the keys in Keys, lower case and without separators (kindOfKey matches a
    // key that ends in one of them at a word start; this scan is looser: any run of letters that
    // ends in one).
    static constexpr std::string_view Endings[] = { "token", "password", "secret", "apikey", "activationkey" };
    constexpr size_t Tail = 16; // longer than every ending
    char tail[Tail] = {}; // the last letters of the current run, lower case, circular
    size_t letters = 0;
    auto endsRun = [&] {
        for (std::string_view ending : Endings) {
            if (letters < ending.size())
                continue;
            size_t k = 0;
            while (k < ending.size() && tail[(letters - 1 - k) % Tail] == ending[ending.size() - 1 - k])
                ++k;
            if (k == ending.size())
                return true;
        }
        return false;
    };
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const char c = text[i];
        if (isUpper(c) || isLower(c)) {
            tail[letters++ % Tail] = toLower(c);
            continue;
        }
        if (isSeparator(c))
            continue;
        if (letters >= 5 && endsRun())
            return true;
        letters = 0;
        if (c == '\\' && i + 1 < n && text[i + 1] == 'u')
            return true; // an escaped key could spell any name
    }
    return (letters >= 5 && endsRun()) || containsJwt(text);
}

QString PayloadSecrets::label(Kind kind)
{
    switch (kind) {
    case Kind::ActivationKey:
        return QCoreApplication::translate("PayloadSecrets", "activation key");
    case Kind::Token:
        return QCoreApplication::translate("PayloadSecrets", "token");
    case Kind::Password:
        return QCoreApplication::translate("PayloadSecrets", "password");
    case Kind::Secret:
        return QCoreApplication::translate("PayloadSecrets", "secret");
    case Kind::AuthToken:
        return QCoreApplication::translate("PayloadSecrets", "auth token");
    case Kind::RefreshToken:
        return QCoreApplication::translate("PayloadSecrets", "refresh token");
    case Kind::ApiKey:
        return QCoreApplication::translate("PayloadSecrets", "API key");
    case Kind::ApplicationToken:
        return QCoreApplication::translate("PayloadSecrets", "application token");
    case Kind::Jwt:
        return QCoreApplication::translate("PayloadSecrets", "JWT");
    }
    return {};
}

QString PayloadSecrets::marker(Kind kind, qsizetype length)
{
    const QString dots(6, QChar(0x2022)); // ••••••
    if (length == 1)
        return QCoreApplication::translate("PayloadSecrets", "%1 hidden: %2, 1 character")
            .arg(dots, label(kind));
    return QCoreApplication::translate("PayloadSecrets", "%1 hidden: %2, %3 characters")
        .arg(dots, label(kind))
        .arg(length);
}

QList<PayloadSecrets::Secret> PayloadSecrets::find(QByteArrayView json)
{
    QVarLengthArray<Found, 4> found;
    Scanner scanner(json, true, &found);
    QList<Secret> secrets;
    if (!scanner.scan())
        return secrets;
    secrets.reserve(found.size());
    for (const Found &f : found)
        secrets.append(Secret { f.path, f.kind, characters(json.sliced(f.begin, f.end - f.begin)) });
    return secrets;
}

void PayloadSecrets::appendRedacted(QByteArray *out, QByteArrayView json, qsizetype *count)
{
    QVarLengthArray<Found, 4> found;
    Scanner scanner(json, false, &found);
    const QByteArrayView marker = "\"<redacted>\"";
    if (!scanner.scan()) {
        if (json.trimmed().isEmpty()) {
            out->append(json); // an absent payload stays absent
            if (count)
                *count = 0;
            return;
        }
        out->append(marker);
        if (count)
            *count = 1;
        return;
    }
    if (count)
        *count = found.size();
    qsizetype from = 0;
    for (const Found &f : found) {
        out->append(json.sliced(from, f.begin - from));
        out->append(marker);
        from = f.end;
    }
    out->append(json.sliced(from));
}

QByteArray PayloadSecrets::redacted(QByteArrayView json, qsizetype *count)
{
    QByteArray out;
    out.reserve(json.size());
    appendRedacted(&out, json, count);
    return out;
}

Event PayloadSecrets::redactedEvent(const Event &event, qsizetype *count)
{
    Event copy = event;
    qsizetype inDetail = 0;
    qsizetype inExtra = 0;
    copy.detailJson = redacted(event.detailJson, &inDetail);
    copy.extraJson = redacted(event.extraJson, &inExtra);
    if (count)
        *count = inDetail + inExtra;
    return copy;
}
