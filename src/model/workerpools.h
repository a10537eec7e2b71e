// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QThreadPool>

// Every worker thread of the process, with one owner. main() creates the pools before anything that
// uses them and destroys them after the window, the model and the client are gone: the destructor
// waits for what still runs, so that shutdown is deterministic (no thread outlives the objects it
// reads). Whoever starts work on another thread takes its pool from current().
//
// - parse(): pages parsed into batches, one thread a core, below the GUI thread's priority;
// - jobs(): filter and sort jobs, exports and the second half of a parallel sort;
// - prefault(): one thread that maps memory pages ahead of the GUI thread (PagePrefault).
class WorkerPools final
{
public:
    WorkerPools(); // becomes current() until destroyed (then the previous one is again)
    ~WorkerPools();
    WorkerPools(const WorkerPools &) = delete;
    WorkerPools &operator=(const WorkerPools &) = delete;

    [[nodiscard]] QThreadPool *parse() { return &m_parse; }
    [[nodiscard]] QThreadPool *jobs() { return &m_jobs; }
    [[nodiscard]] QThreadPool *prefault() { return &m_prefault; }

    // The pools main() (or a test) created; programs that create none (small tools, most tests)
    // get a process-wide set, destroyed at exit.
    [[nodiscard]] static WorkerPools &current();

    void waitForDone(); // waits until every pool is idle

private:
    QThreadPool m_parse;
    QThreadPool m_jobs;
    QThreadPool m_prefault;
    WorkerPools *m_previous = nullptr;
};
