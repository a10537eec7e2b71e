// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "model/pageprefault.h"

#include <algorithm>
#include <cstddef>
#include <vector>

// The row columns of a store, declared once: each PrefaultedColumn<T> registers with the
// store's PrefaultedColumns when it is constructed, so that reserving, releasing, mapping pages
// ahead and counting memory walk every column, and adding a column is one member declaration
// (plus the line of append() that fills it).
//
// Why the pages are mapped ahead: the GUI thread appends a page's rows to every column at once,
// and the first write to a fresh 4 KB page is a page fault that costs from microseconds to most
// of a millisecond on a virtual machine (README, "How a page gets into the table"). Mapping the
// next AheadMark::Rows rows on the prefault thread keeps that off the GUI thread. The measurement:
// `bench_scale --events 1000000` reports the GUI thread's time per page, the pages over 16 ms and
// the page faults per slow page (the figures that made commit 354f39d add the prefault thread).
class PrefaultedColumns final
{
public:
    class Column
    {
    public:
        virtual void reserve(size_t rows) = 0;
        virtual void release() = 0; // empty, memory given back
        virtual void addSpare(std::vector<PagePrefault::Range> *ranges, size_t from, size_t to) const = 0;
        [[nodiscard]] virtual size_t bytes() const = 0; // capacity in bytes

    protected:
        ~Column() = default;
    };

    PrefaultedColumns() = default;
    PrefaultedColumns(const PrefaultedColumns &) = delete; // the columns point here
    PrefaultedColumns &operator=(const PrefaultedColumns &) = delete;

    void add(Column *column) { m_columns.push_back(column); }

    void reserve(size_t rows)
    {
        for (Column *column : m_columns)
            column->reserve(rows);
    }
    void release()
    {
        for (Column *column : m_columns)
            column->release();
        m_mark.reset(0);
    }
    // Starts counting the rows to map ahead from `rows` (after a reserve: the spare room is new).
    void resetMark(size_t rows) { m_mark.reset(rows); }
    // With `rows` written: when it is time to ask again (returns true), the pages of the next
    // AheadMark::Rows rows of every column.
    bool addAhead(std::vector<PagePrefault::Range> *ranges, size_t rows)
    {
        size_t from = 0, to = 0;
        if (!m_mark.advance(rows, &from, &to))
            return false;
        from = std::min(from, rows);
        for (const Column *column : m_columns)
            column->addSpare(ranges, from, to);
        return true;
    }
    [[nodiscard]] size_t bytes() const
    {
        size_t total = 0;
        for (const Column *column : m_columns)
            total += column->bytes();
        return total;
    }

private:
    std::vector<Column *> m_columns;
    PagePrefault::AheadMark m_mark; // how far the columns' pages are mapped (or asked to be)
};

// One value a row, appended row after row on the store's thread; read by row on any thread.
template <typename T> class PrefaultedColumn final : public PrefaultedColumns::Column
{
public:
    explicit PrefaultedColumn(PrefaultedColumns *set) { set->add(this); }
    PrefaultedColumn(const PrefaultedColumn &) = delete;
    PrefaultedColumn &operator=(const PrefaultedColumn &) = delete;

    [[nodiscard]] const T &operator[](size_t row) const { return m_values[row]; }
    void push_back(const T &value) { m_values.push_back(value); }
    [[nodiscard]] size_t size() const { return m_values.size(); }
    [[nodiscard]] bool empty() const { return m_values.empty(); }
    [[nodiscard]] const std::vector<T> &values() const { return m_values; }

    void reserve(size_t rows) override { m_values.reserve(rows); }
    void release() override { std::vector<T>().swap(m_values); }
    void addSpare(std::vector<PagePrefault::Range> *ranges, size_t from, size_t to) const override
    {
        PagePrefault::addSpare(ranges, m_values, from, to);
    }
    [[nodiscard]] size_t bytes() const override { return m_values.capacity() * sizeof(T); }

private:
    std::vector<T> m_values;
};
