// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "model/eventcolumns.h"

#include <QString>
#include <QStringView>

class EventStore;

// "Show only <value>" and "Exclude <value>" from a table cell or a payload field, as an exact
// SearchQuery term (`type:="Update location"`, `-detail.apn:="internet"`) that ViewerFilterState::pivots
// keeps, and the short text of its chip. Pure: the menus and the tests build the same terms.
class Pivot final
{
public:
    // The term for this cell's value; empty where the column has none to pivot on (Time, Alert,
    // Payload, an empty cell). Values are matched the way the viewer shows them: severity and source
    // by their display names, the category by its label.
    [[nodiscard]] static QString cellTerm(
        const EventStore &store, qsizetype row, EventColumns::Column column, bool excluded);
    // The value cellTerm() pivots on, for the menu's text ("Show only "Warn"").
    [[nodiscard]] static QString cellValue(
        const EventStore &store, qsizetype row, EventColumns::Column column);
    // detail.<key>:="value" for a payload leaf (key: the leaf's own name, matched anywhere in the payload).
    [[nodiscard]] static QString payloadTerm(const QString &key, const QString &value, bool excluded);
    // field:="value", the value quoted so that any text (quotes, spaces) parses back unchanged.
    [[nodiscard]] static QString term(QStringView field, const QString &value, bool excluded);
    [[nodiscard]] static QString quoted(const QString &value);
    // For the chip: "type: Update location", "not: detail.apn: internet" (long values elided).
    [[nodiscard]] static QString chipLabel(const QString &term);
    [[nodiscard]] static bool isExclusion(const QString &term);

    static constexpr qsizetype ChipValueLength = 40; // characters of a value a chip shows
};
