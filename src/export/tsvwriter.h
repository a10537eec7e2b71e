// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "model/eventcolumns.h"

#include <QList>
#include <QString>

#include <span>

class EventStore;

// Rows as tab-separated text for the clipboard: a header line of column titles, then one line per
// row. Tabs and line breaks inside a cell become spaces, so that pasting into a spreadsheet keeps
// one event per row. The payload column has its secret values replaced by "<redacted>"
// (PayloadSecrets) unless keepSecrets.
class TsvWriter final
{
public:
    [[nodiscard]] static QString write(const EventStore &store, std::span<const qsizetype> rows,
        const QList<EventColumns::Column> &columns, bool keepSecrets = false);
};
