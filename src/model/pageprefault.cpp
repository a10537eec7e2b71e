// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "model/pageprefault.h"

#include <QThreadPool>

#include <atomic>
#include <cerrno>
#include <cstdint>

#if defined(__linux__)
#include <sys/mman.h>
#endif

void PagePrefault::populateLater(std::vector<Range> ranges)
{
#if defined(__linux__) && defined(MADV_POPULATE_WRITE)
    static std::atomic<bool> unsupported { false };
    if (ranges.empty() || unsupported.load(std::memory_order_relaxed))
        return;
    // A thread of its own: requests run in order, and never wait behind the parsing of pages.
    static QThreadPool pool;
    pool.setMaxThreadCount(1);
    pool.start([ranges = std::move(ranges)] {
        const uintptr_t pageSize = 4096;
        for (const Range &range : ranges) {
            // Whole pages: populating a page that is mapped already changes nothing.
            const uintptr_t begin = uintptr_t(range.begin) & ~(pageSize - 1);
            const uintptr_t end = uintptr_t(range.begin) + range.bytes;
            if (end <= begin)
                continue;
            if (madvise(reinterpret_cast<void *>(begin), end - begin, MADV_POPULATE_WRITE) != 0 && errno == EINVAL) {
                unsupported = true; // a kernel before 5.14
                return;
            }
        }
    });
#else
    Q_UNUSED(ranges);
#endif
}
