// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <cstdlib>
#include <new>
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

// Maps the ranges' pages writable on a thread of its own, in the order asked, without touching their contents (Linux's
// MADV_POPULATE_WRITE). Harmless on memory that is freed meanwhile; does nothing where the kernel
// lacks it.
void populateLater(std::vector<Range> ranges);

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

} // namespace PagePrefault

// Allocates with calloc and leaves value-initialisation to it: resize() of a large vector maps
// zero pages without writing them, so that it costs no page faults on the thread that allocates.
// For types whose all-zero bytes are their value-initialised state.
template<typename T>
struct ZeroedAllocator
{
    using value_type = T;
    ZeroedAllocator() = default;
    template<typename U>
    ZeroedAllocator(const ZeroedAllocator<U> &) noexcept
    {
    }
    T *allocate(size_t n)
    {
        if (void *p = std::calloc(n, sizeof(T)))
            return static_cast<T *>(p);
        throw std::bad_alloc();
    }
    void deallocate(T *p, size_t) noexcept { std::free(p); }
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
