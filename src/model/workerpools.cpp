// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "model/workerpools.h"

#include <QThread>

#include <atomic>

namespace {
std::atomic<WorkerPools *> g_current { nullptr };
}

WorkerPools::WorkerPools()
{
    const int cores = std::max(1, QThread::idealThreadCount());
    m_parse.setMaxThreadCount(cores);
    m_jobs.setMaxThreadCount(cores);
    m_prefault.setMaxThreadCount(1); // requests run in order, never behind the parsing of pages
    m_previous = g_current.exchange(this);
}

WorkerPools::~WorkerPools()
{
    waitForDone();
    WorkerPools *expected = this;
    g_current.compare_exchange_strong(expected, m_previous);
}

void WorkerPools::waitForDone()
{
    // Jobs may start parses or prefaults, so the pools that feed others wait first.
    m_jobs.waitForDone();
    m_parse.waitForDone();
    m_prefault.waitForDone();
}

WorkerPools &WorkerPools::current()
{
    if (WorkerPools *pools = g_current.load(std::memory_order_acquire))
        return *pools;
    static WorkerPools fallback; // becomes current itself
    return fallback;
}
