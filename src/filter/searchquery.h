// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

// The search box's text as a query: words and "quoted phrases" that must all occur (anywhere: the
// columns, the payload values and the SIM order status and provider names the viewer shows for
// them), `field:value` for one field, `-` before either to exclude.
// Inside a quoted phrase "" is one quote character ("5"" screen"); field:=value matches exactly.
// Case-insensitive. Malformed text (an unterminated quote, an unknown field, a field without a
// value) gives an error message and no terms: the caller says so rather than showing no rows.
//   iccid:8988303000123456789  order:16168172  status:shipped  -type:"Update location"  detail.apn:internet
class SearchQuery final
{
public:
    enum class Field {
        Any, // the columns' texts, the event id, the payload values, order status and provider names
        Type,
        Category, // the category the viewer shows for the event type ("Platform", ...)
        Severity, // the name the viewer shows ("Warn"), or the id
        Source, // the name the viewer shows ("Policy Control"), or the id
        Description,
        Organisation,
        User,
        Device, // the endpoint: name, IP, IMEI, tags, id
        Iccid,
        Imsi,
        Imei,
        Ip,
        Order, // SIM order events (types 38, 39) of this order id
        Tracking, // a SIM order's shipping reference
        Status, // a SIM order's status as the viewer names it ("Shipped")
        Provider, // the name the viewer shows for a SIM order's shipping provider
        Id, // the event id
        PayloadKey, // detail.<key>: the value of that key anywhere in the payload
    };
    struct Term
    {
        Field field = Field::Any;
        QString key; // PayloadKey: the key's name
        QString value;
        bool excluded = false;
        // field:="value": the whole text (or one of an entity's texts: a device's name, IP, IMEI,
        // tags) is the value, not merely contains it; a payload value is the whole value. Pivots use it.
        bool exact = false;
        friend bool operator==(const Term &, const Term &) = default;
    };

    SearchQuery() = default;
    [[nodiscard]] static SearchQuery parse(QStringView text);

    [[nodiscard]] const QList<Term> &terms() const { return m_terms; }
    [[nodiscard]] bool isEmpty() const { return m_terms.isEmpty(); }
    [[nodiscard]] bool isValid() const { return m_error.isEmpty(); }
    [[nodiscard]] const QString &error() const { return m_error; } // translated, for people
    // The texts a match shows (the values of the terms that are not excluded), longest first.
    [[nodiscard]] QStringList highlightTexts() const;
    // The field names the syntax knows, for the error message and the tooltip.
    [[nodiscard]] static QStringList fieldNames();

    friend bool operator==(const SearchQuery &, const SearchQuery &) = default;

private:
    QList<Term> m_terms;
    QString m_error;
};
