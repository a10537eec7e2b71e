// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "model/simorderbook.h"
#include "model/simordercolumns.h"

#include <QString>

#include <span>

class QIODevice;

// SIM orders out, one row per order with the columns of SimOrderColumns: CSV through CsvWriter
// (formula-safe), JSON Lines for scripts, and tab-separated text for the clipboard. The Orders view
// and `emnify-events orders` share it, so both write the same columns the same way.
class SimOrderExporter final
{
public:
    enum class Format { Csv, JsonLines };

    // A header row (CSV), then the orders; false with *error set when the device failed.
    static bool write(QIODevice *device, Format format, std::span<const SimOrderRecord *const> orders,
        const SimOrderColumns::Context &context, QString *error = nullptr);
    // Header line and one line per order, each cell through TsvWriter::appendCell (clean and
    // formula-safe unless neutraliseFormulas is off).
    [[nodiscard]] static QString tsv(std::span<const SimOrderRecord *const> orders,
        const SimOrderColumns::Context &context, bool neutraliseFormulas = true);
};
