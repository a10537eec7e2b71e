// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "model/simorderbook.h"

#include <QHash>
#include <QString>
#include <QVariant>

// The columns a SIM order shows in the Orders view, its CSV export and `emnify-events orders`, and
// their text: one place, so that all three agree.
class SimOrderColumns final
{
public:
    enum Column {
        OrderId,
        Organisation,
        Status,
        Submitted,
        SubmittedBy,
        Paid,
        Shipped,
        Provider,
        TrackingReference,
        LastUpdate,
        Events,
        ColumnCount
    };

    // What the texts depend on beyond the record.
    struct Context
    {
        QHash<qint64, QString> providerNames; // the user's names (settings); empty: "provider N"
        qint64 earliestLoadedMs = SimOrderRecord::NoTime; // for "submitted before ..."
    };
    enum class Format {
        Display, // "2026-11-30 14:05 UTC"
        Export, // ISO 8601, "2026-11-30T14:05:09Z"
    };

    [[nodiscard]] static QString title(Column column); // translated header text
    [[nodiscard]] static QString key(Column column); // stable machine name: "order_id", ...
    [[nodiscard]] static QString text(
        const SimOrderRecord &order, Column column, const Context &context, Format format = Format::Display);
    // The value a column sorts by (numbers and times as qint64, texts as QString).
    [[nodiscard]] static QVariant sortValue(
        const SimOrderRecord &order, Column column, const Context &context);
    [[nodiscard]] static QString timeText(qint64 ms, Format format);
};
