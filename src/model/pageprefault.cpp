// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "model/pageprefault.h"

#include "model/workerpools.h"

#include <atomic>
#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <new>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace {
constexpr size_t LargeBytes = 1 << 20;
} // namespace

void *PagePrefault::allocateZeroed(size_t bytes)
{
#if defined(__linux__)
    if (bytes >= LargeBytes) {
        // Not calloc: glibc may hand out recycled heap memory for it and clear it page by page.
        void *p = mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (p == MAP_FAILED)
            throw std::bad_alloc();
        return p;
    }
#endif
    if (void *p = std::calloc(bytes ? bytes : 1, 1))
        return p;
    throw std::bad_alloc();
}

void PagePrefault::freeZeroed(void *p, size_t bytes)
{
#if defined(__linux__)
    if (bytes >= LargeBytes) {
        munmap(p, bytes);
        return;
    }
#endif
    std::free(p);
}

namespace {

std::atomic<bool> g_unsupported { false };

// Returns false when the kernel does not know MADV_POPULATE_WRITE.
bool populate(const PagePrefault::Range &range)
{
#if defined(__linux__) && defined(MADV_POPULATE_WRITE)
    constexpr uintptr_t PageSize = 4096;
    // Whole pages: populating a page that is mapped already changes nothing.
    const uintptr_t begin = uintptr_t(range.begin) & ~(PageSize - 1);
    const uintptr_t end = uintptr_t(range.begin) + range.bytes;
    if (end > begin && madvise(reinterpret_cast<void *>(begin), end - begin, MADV_POPULATE_WRITE) != 0
        && errno == EINVAL) {
        g_unsupported = true; // a kernel before 5.14
        return false;
    }
    return true;
#else
    Q_UNUSED(range);
    g_unsupported = true;
    return false;
#endif
}

} // namespace

void PagePrefault::populateNow(const void *begin, size_t bytes)
{
    if (bytes >= LargeBytes && !g_unsupported.load(std::memory_order_relaxed))
        populate(Range { begin, bytes });
}

std::shared_ptr<const std::atomic<bool>> PagePrefault::populateLater(std::vector<Range> ranges)
{
    auto done = std::make_shared<std::atomic<bool>>(false);
    if (ranges.empty() || g_unsupported.load(std::memory_order_relaxed)) {
        *done = true;
        return done;
    }
    // A thread of its own: requests run in order, and never wait behind the parsing of pages.
    WorkerPools::current().prefault()->start([ranges = std::move(ranges), done] {
        for (const Range &range : ranges) {
            if (!populate(range))
                break;
        }
        done->store(true, std::memory_order_release);
    });
    return done;
}
