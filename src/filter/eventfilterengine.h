// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "filter/eventfilter.h"
#include "model/eventstore.h"

#include <QByteArrayView>
#include <Qt>

#include <atomic>
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

// Filtering and sorting of store rows as plain vectors of row numbers. The per-row work is a few
// table lookups: every predicate is first evaluated once per distinct type, severity, source,
// organisation, device, SIM, IMSI, user and description, then each row just reads the answers.
// The search text is a SearchQuery; its payload part skips every block whose PayloadSketch
// cannot hold the text and reads the others on all cores (WholeStore) before the rows are asked.
// Safe to run on a worker thread while nobody appends to the store; polls `cancel` as it goes.
class EventFilterEngine final
{
public:
    enum class Scope {
        WholeStore, // prepares for every row: once per distinct description, every payload block
        FewRows, // for a page of new rows: their descriptions and payloads are searched as asked
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
    // Loaded events outside the filter's time range: what keeps "loaded" and "shown" apart when no
    // other filter is set (a refresh moves the range on; the older events stay loaded).
    [[nodiscard]] static qsizetype countOutsideTimeRange(const EventStore &store, const EventFilter &filter);
    [[nodiscard]] static std::vector<uint32_t> merged(const EventStore &store, const std::vector<uint32_t> &rows,
                                                      const std::vector<uint32_t> &newRows, int column,
                                                      Qt::SortOrder order);

private:
    class Term; // one term of the search query, prepared against the store's tables
    [[nodiscard]] bool termHit(const Term &term, qsizetype row) const;
    [[nodiscard]] bool columnHit(const Term &term, qsizetype row) const;
    [[nodiscard]] bool orderNameHit(const Term &term, qsizetype row, EventStore::PayloadReader &reader) const;
    [[nodiscard]] bool payloadHit(const Term &term, qsizetype row, EventStore::PayloadReader &reader) const;
    void searchPayloadBlocks();

    void filterInto(std::span<const uint32_t> rows, const std::atomic<bool> *cancel,
                    std::vector<qsizetype> *shownPerType, std::vector<uint32_t> *result) const;
    [[nodiscard]] bool matchesAllButType(qsizetype row) const;
    [[nodiscard]] bool containsText(QByteArrayView text) const;
    const EventStore &m_store;
    const EventFilter &m_filter;
    std::vector<uint8_t> m_typeOk, m_severityOk, m_sourceOk;
    std::vector<uint8_t> m_organisationOk, m_endpointOk, m_simOk, m_imsiOk, m_userOk; // pins
    bool m_pinEndpoint = false, m_pinSim = false, m_pinImsi = false, m_pinUser = false;
    // The search: every included term must hit a row, no excluded one may.
    std::vector<std::unique_ptr<Term>> m_terms;
    mutable std::unique_ptr<EventStore::PayloadReader> m_reader; // FewRows: payloads read as asked
};
