// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "filter/eventfilter.h"

#include <QByteArrayView>
#include <Qt>

#include <atomic>
#include <cstdint>
#include <span>
#include <vector>

class EventStore;

// Filtering and sorting of store rows as plain vectors of row numbers. The per-row work is a few
// table lookups: every predicate is first evaluated once per distinct type, severity, source,
// organisation, device, SIM, IMSI, user and description, then each row just reads the answers.
// Safe to run on a worker thread while nobody appends to the store; polls `cancel` as it goes.
class EventFilterEngine final
{
public:
    enum class Scope {
        WholeStore, // prepares for every row: the text search runs once per distinct description
        FewRows, // for a page of new rows: their descriptions are searched as they are asked for
    };
    EventFilterEngine(const EventStore &store, const EventFilter &filter, Scope scope = Scope::WholeStore);
    ~EventFilterEngine();
    EventFilterEngine(const EventFilterEngine &) = delete;
    EventFilterEngine &operator=(const EventFilterEngine &) = delete;

    // The rows of `rows` that pass, in the same order. With shownPerType: for each entry of the
    // store's type table, how many of `rows` pass every criterion but the type and category ticks
    // (what the category tree shows beside the loaded count), counted in the same pass.
    [[nodiscard]] std::vector<uint32_t> filter(std::span<const uint32_t> rows,
                                               const std::atomic<bool> *cancel = nullptr,
                                               std::vector<qsizetype> *shownPerType = nullptr) const;
    [[nodiscard]] bool matches(qsizetype row) const;

    // Sorts rows by an EventColumns column; ties keep time order (then id). Returns false if cancelled.
    static bool sort(const EventStore &store, std::vector<uint32_t> &rows, int column, Qt::SortOrder order,
                     const std::atomic<bool> *cancel = nullptr);
    // Sorts new rows into the order of `rows`; true when they all belong after its last row.
    static bool sortNewRows(const EventStore &store, const std::vector<uint32_t> &rows, std::vector<uint32_t> &newRows,
                            int column, Qt::SortOrder order);
    // Sorted rows with new rows, as sortNewRows left them, merged in (the same column and order).
    [[nodiscard]] static std::vector<uint32_t> merged(const EventStore &store, const std::vector<uint32_t> &rows,
                                                      const std::vector<uint32_t> &newRows, int column,
                                                      Qt::SortOrder order);

private:
    [[nodiscard]] bool matchesAllButType(qsizetype row) const;
    [[nodiscard]] bool containsText(QByteArrayView text) const;
    const EventStore &m_store;
    const EventFilter &m_filter;
    std::vector<uint8_t> m_typeOk, m_severityOk, m_sourceOk;
    std::vector<uint8_t> m_organisationOk, m_endpointOk, m_simOk, m_imsiOk, m_userOk; // pins
    // Text search: which entries contain the text (1), per table; rows pass if any of theirs do.
    bool m_searching = false;
    std::vector<uint8_t> m_typeText, m_organisationText, m_endpointText, m_simText, m_imsiText, m_userText;
    std::vector<uint8_t> m_descriptionText;
    QByteArray m_needle; // lower-case UTF-8
    QString m_text;
    bool m_asciiNeedle = true;
    bool m_digitsNeedle = false; // also matches event ids
    bool m_pinEndpoint = false, m_pinSim = false, m_pinImsi = false, m_pinUser = false;
};
