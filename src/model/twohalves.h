// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "model/workerpools.h"

#include <QFuture>
#include <QtConcurrent/QtConcurrentRun>

#include <cstddef>

// work(first, end) over [0, count) on two cores when there is at least minimum of it: the first
// half on a jobs() thread, the second on the caller's. (The machines this runs on have at least
// two; when the pool thread is busy, the wait runs the first half here.) Header only: its users
// link Qt6::Concurrent, the model does not.
template<typename Work>
void inTwoHalves(size_t count, size_t minimum, Work work)
{
    if (count < minimum) {
        work(size_t(0), count);
        return;
    }
    const size_t middle = count / 2;
    QFuture<void> firstHalf = QtConcurrent::run(WorkerPools::current().jobs(), [&] { work(size_t(0), middle); });
    work(middle, count);
    firstHalf.waitForFinished();
}
