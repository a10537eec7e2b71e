// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QUrlQuery>

#include <optional>

// The filter of an event list request, as the `q` parameter expresses it: comma-separated
// `field:value` pairs. Empty fields are not sent.
//
// Limits of the wire format (emnify-api.md §2.2):
// - from and until are only valid together; the server wants YYYY-MM-DDTHH:mm:ssZ in UTC, so
//   milliseconds are dropped (from rounds down, until rounds up, so no event is lost).
// - q has no escaping: a ',' inside a value would start a new pair. validate() rejects such
//   values with a message instead of silently sending a different filter.
// - types: several ids are joined with '|' (documented for newer APIs only, UNCONFIRMED).
// Values are sent as given otherwise (':' is fine: the server splits at the first one, and IPv6
// addresses need it).
struct EventQuery final
{
    QDateTime from;
    QDateTime until;
    QList<int> types;
    std::optional<int> source; // 0 Network, 1 Policy Control, 2 API
    std::optional<int> severity; // 0 Info, 1 Warn, 2 Critical
    std::optional<bool> alert;
    QString description;
    QString organisation;
    QString user;
    QString endpoint;
    QString tags;
    QString ipAddress;
    QString imei;
    QString iccid;
    QString imsi;
    // Archive reads only, never sent to the API: the viewer's search (SearchQuery's syntax, the
    // pivots and the typed text). An archive may narrow by it (a superset of what the local filter
    // then shows) or ignore it.
    QString search;

    // Empty when the query can be sent, else a sentence saying what is wrong.
    [[nodiscard]] QString validate() const;
    // The q parameter, decoded ("type:3|5,from:2024-01-01T00:00:00Z,..."); empty when no filter.
    [[nodiscard]] QString toQ() const;
    // page, per_page, sort and q with every reserved character percent-encoded (',' ':' '|' '+'
    // '&' '=' '#' ' '), so that a '+' arrives as '+' and not as a space. per_page <= 0: not sent.
    [[nodiscard]] QUrlQuery toUrlQuery(int page, int perPage, const QString &sort) const;

    [[nodiscard]] static QString formatTimestamp(const QDateTime &time, bool roundUp = false);

    friend bool operator==(const EventQuery &, const EventQuery &) = default;
};
