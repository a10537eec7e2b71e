// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "filter/searchquery.h"

#include <QCoreApplication>

#include <algorithm>
#include <optional>

namespace {

struct FieldName
{
    const char *name;
    SearchQuery::Field field;
};

// The names people type; the first of each field is the one the help shows.
constexpr FieldName FieldNames[] = {
    { "type", SearchQuery::Field::Type },
    { "category", SearchQuery::Field::Category },
    { "severity", SearchQuery::Field::Severity },
    { "source", SearchQuery::Field::Source },
    { "description", SearchQuery::Field::Description },
    { "organisation", SearchQuery::Field::Organisation },
    { "organization", SearchQuery::Field::Organisation },
    { "org", SearchQuery::Field::Organisation },
    { "user", SearchQuery::Field::User },
    { "device", SearchQuery::Field::Device },
    { "endpoint", SearchQuery::Field::Device },
    { "iccid", SearchQuery::Field::Iccid },
    { "imsi", SearchQuery::Field::Imsi },
    { "imei", SearchQuery::Field::Imei },
    { "ip", SearchQuery::Field::Ip },
    { "order", SearchQuery::Field::Order },
    { "tracking", SearchQuery::Field::Tracking },
    { "status", SearchQuery::Field::Status },
    { "provider", SearchQuery::Field::Provider },
    { "id", SearchQuery::Field::Id },
};

constexpr QLatin1StringView PayloadPrefix("detail.");

bool isFieldChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('.');
}

std::optional<SearchQuery::Field> fieldOf(QStringView name)
{
    for (const FieldName &f : FieldNames) {
        if (name.compare(QLatin1StringView(f.name), Qt::CaseInsensitive) == 0)
            return f.field;
    }
    return std::nullopt;
}

bool isNumber(QStringView text)
{
    return !text.isEmpty() && std::all_of(text.begin(), text.end(), [](QChar c) { return c.isDigit(); });
}

} // namespace

SearchQuery SearchQuery::parse(QStringView text)
{
    SearchQuery query;
    auto fail = [&query](const QString &why) {
        query.m_terms.clear();
        query.m_error = why;
        return query;
    };
    qsizetype i = 0;
    const qsizetype n = text.size();
    while (i < n) {
        if (text[i].isSpace()) {
            ++i;
            continue;
        }
        Term term;
        if (text[i] == QLatin1Char('-') && i + 1 < n && !text[i + 1].isSpace()) {
            term.excluded = true;
            ++i;
        }
        // A field name is letters (and . _) up to a colon that a value follows; anything else
        // with a colon in it (a time, a MAC address, a URL) is a plain word.
        qsizetype j = i;
        while (j < n && isFieldChar(text[j]))
            ++j;
        const QStringView name = text.sliced(i, j - i);
        const bool hasField = j < n && text[j] == QLatin1Char(':') && !name.isEmpty() && !name.front().isDigit()
            && !(j + 2 < n && text[j + 1] == QLatin1Char('/') && text[j + 2] == QLatin1Char('/'));
        if (hasField) {
            if (name.startsWith(PayloadPrefix, Qt::CaseInsensitive) && name.size() > PayloadPrefix.size()) {
                term.field = Field::PayloadKey;
                term.key = name.sliced(PayloadPrefix.size()).toString();
            } else if (const std::optional<Field> field = fieldOf(name)) {
                term.field = *field;
            } else {
                return fail(QCoreApplication::translate("SearchQuery", "Unknown search field \"%1:\". Fields: %2, or detail.<key> for a payload key.")
                                .arg(name.toString(), fieldNames().join(QLatin1String(", "))));
            }
            i = j + 1;
            if (i < n && text[i] == QLatin1Char('=')) {
                term.exact = true;
                ++i;
            }
        }
        if (i < n && text[i] == QLatin1Char('"')) {
            // "" inside the phrase is a quote of the value (pivots quote any value this way).
            qsizetype close = i + 1;
            QString value;
            for (;;) {
                const qsizetype quote = text.indexOf(QLatin1Char('"'), close);
                if (quote < 0)
                    return fail(QCoreApplication::translate("SearchQuery", "The quote at character %1 is not closed.").arg(i + 1));
                value += text.sliced(close, quote - close);
                if (quote + 1 < n && text[quote + 1] == QLatin1Char('"')) {
                    value += QLatin1Char('"');
                    close = quote + 2;
                    continue;
                }
                close = quote;
                break;
            }
            term.value = value;
            i = close + 1;
        } else {
            const qsizetype start = i;
            // Quotes inside a word (5"x") are characters like any other, as long as they pair up.
            qsizetype openQuote = -1;
            while (i < n && !text[i].isSpace()) {
                if (text[i] == QLatin1Char('"'))
                    openQuote = openQuote < 0 ? i : -1;
                ++i;
            }
            if (openQuote >= 0)
                return fail(QCoreApplication::translate("SearchQuery", "The quote at character %1 is not closed.").arg(openQuote + 1));
            term.value = text.sliced(start, i - start).toString();
        }
        if (term.value.trimmed().isEmpty()) {
            if (hasField)
                return fail(QCoreApplication::translate("SearchQuery", "\"%1:\" needs a value, e.g. %1:\"some text\".").arg(name.toString()));
            continue; // "" searches for nothing
        }
        if ((term.field == Field::Order || term.field == Field::Id) && !isNumber(term.value))
            return fail(QCoreApplication::translate("SearchQuery", "\"%1:\" takes a number, not \"%2\".").arg(name.toString(), term.value));
        query.m_terms.append(term);
    }
    return query;
}

QStringList SearchQuery::highlightTexts() const
{
    QStringList texts;
    for (const Term &term : m_terms) {
        if (!term.excluded && !texts.contains(term.value, Qt::CaseInsensitive))
            texts.append(term.value);
    }
    std::stable_sort(texts.begin(), texts.end(), [](const QString &a, const QString &b) { return a.size() > b.size(); });
    return texts;
}

QStringList SearchQuery::fieldNames()
{
    QStringList names;
    std::optional<Field> last;
    for (const FieldName &f : FieldNames) {
        if (f.field != last)
            names.append(QLatin1StringView(f.name));
        last = f.field;
    }
    return names;
}
