// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <atomic>
#include <cstddef>
#include <memory>
#include <utility>
#include <vector>

// The first write to each fresh 4 KB page costs a page fault; on a virtual machine one fault can
// take from microseconds to most of a millisecond, and a page of events touches dozens of fresh
// pages. So the memory the GUI thread is about to write (the store's columns ahead of the last
// row, the next payload chunk, hash tables) gets its pages mapped by a pool thread beforehand.
namespace PagePrefault {

struct Range
{
    const void *begin = nullptr;
    size_t bytes = 0;
};

// Maps the ranges' pages writable on a thread of its own, in the order asked, without touching
// their contents (Linux's MADV_POPULATE_WRITE). Harmless on memory that is freed meanwhile; does
// nothing where the kernel lacks it. The flag turns true when it is done.
std::shared_ptr<const std::atomic<bool>> populateLater(std::vector<Range> ranges);

// The same, here and now: one system call instead of a page fault per page, for a large buffer a
// worker is about to fill (tens of milliseconds less for a million rows on a virtual machine).
void populateNow(const void *begin, size_t bytes);

// Reserves room for n elements and maps the pages of that room at once.
template<typename Vector>
void reserveMapped(Vector &v, size_t n)
{
    v.reserve(n);
    populateNow(v.data(), v.capacity() * sizeof(typename Vector::value_type));
}

// The spare capacity of a vector from element `from` up to element `to` (clamped to capacity).
template<typename Vector>
void addSpare(std::vector<Range> *ranges, const Vector &v, size_t from, size_t to)
{
    using T = typename Vector::value_type;
    to = std::min(to, v.capacity());
    if (from < to)
        ranges->push_back(Range { v.data() + from, (to - from) * sizeof(T) });
}

template<typename Vector>
void addWhole(std::vector<Range> *ranges, const Vector &v)
{
    addSpare(ranges, v, 0, v.capacity());
}

// For columns written row after row: keeps the pages of the next Rows rows mapped (a few MB),
// asking again when half of them are used.
class AheadMark final
{
public:
    static constexpr size_t Rows = 64 * 1024;

    // Whether to ask now, with `rows` written: then for rows from *from (clamp it to each
    // column's size) up to *to, which becomes the new mark.
    bool advance(size_t rows, size_t *from, size_t *to)
    {
        if (rows + Rows / 2 < m_mark)
            return false;
        *from = m_mark;
        *to = m_mark = rows + Rows;
        return true;
    }
    void reset(size_t rows) { m_mark = rows; }

private:
    size_t m_mark = 0;
};

} // namespace PagePrefault

namespace PagePrefault {
// Zeroed memory: large blocks as fresh zero pages of their own (never written here, so no page
// faults on the allocating thread), small ones from calloc.
void *allocateZeroed(size_t bytes);
void freeZeroed(void *p, size_t bytes);
} // namespace PagePrefault

// Allocates zeroed memory and leaves value-initialisation to that: resize() of a large vector
// costs no page faults on the thread that allocates. For types whose all-zero bytes are their
// value-initialised state.
template<typename T>
struct ZeroedAllocator
{
    using value_type = T;
    ZeroedAllocator() = default;
    template<typename U>
    ZeroedAllocator(const ZeroedAllocator<U> &) noexcept
    {
    }
    T *allocate(size_t n) { return static_cast<T *>(PagePrefault::allocateZeroed(n * sizeof(T))); }
    void deallocate(T *p, size_t n) noexcept { PagePrefault::freeZeroed(p, n * sizeof(T)); }
    template<typename U>
    void construct(U *) noexcept
    {
        // Already zero.
    }
    template<typename U, typename... Args>
    void construct(U *p, Args &&...args)
    {
        ::new (static_cast<void *>(p)) U(std::forward<Args>(args)...);
    }
    friend bool operator==(const ZeroedAllocator &, const ZeroedAllocator &) { return true; }
};

// A large zeroed array made ready in the background: allocated at once, its pages mapped by the
// prefault thread, handed over only when that is done. A hash table grows into one of these
// instead of rehashing into fresh pages on the GUI thread.
template<typename T>
class StagedArray final
{
public:
    using Array = std::vector<T, ZeroedAllocator<T>>;

    // Starts making an array of `size` elements ready when it is large (1 MB and more); returns
    // false, and does nothing, when it is small: the caller grows at once then.
    bool stageIfLarge(size_t size)
    {
        if (size * sizeof(T) < (1 << 20))
            return false;
        m_array = Array();
        m_array.resize(size);
        std::vector<PagePrefault::Range> ranges;
        PagePrefault::addWhole(&ranges, m_array);
        m_ready = PagePrefault::populateLater(std::move(ranges));
        return true;
    }
    // Once the staged array is ready: it replaces *current when larger (returns true; the caller
    // rehashes into it), or is dropped (the table outgrew it meanwhile).
    bool adoptInto(Array *current)
    {
        if (!m_ready || !m_ready->load(std::memory_order_acquire))
            return false;
        const bool larger = m_array.size() > current->size();
        if (larger)
            *current = std::move(m_array);
        clear();
        return larger;
    }
    [[nodiscard]] size_t size() const { return m_array.size(); }
    void clear()
    {
        m_ready.reset();
        m_array = Array();
    }

private:
    Array m_array;
    std::shared_ptr<const std::atomic<bool>> m_ready;
};
