// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "model/workerpools.h"

#include <QSemaphore>
#include <QTest>

#include <atomic>
#include <memory>

// The process's worker threads have one owner: what main() creates is what everybody uses, and
// destroying it waits for every task (no thread outlives the objects it reads).
class TestWorkerPools : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void theCreatedPoolsAreCurrent();
    void destructionWaitsForRunningWork();
};

void TestWorkerPools::theCreatedPoolsAreCurrent()
{
    auto pools = std::make_unique<WorkerPools>();
    QCOMPARE(&WorkerPools::current(), pools.get());
    QCOMPARE(pools->prefault()->maxThreadCount(), 1);
    QVERIFY(pools->parse()->maxThreadCount() >= 1);
    pools.reset();
    QVERIFY(&WorkerPools::current() != nullptr); // a process-wide set for tools that make none
}

void TestWorkerPools::destructionWaitsForRunningWork()
{
    std::atomic<int> finished { 0 };
    QSemaphore started;
    {
        WorkerPools pools;
        for (QThreadPool *pool : { pools.parse(), pools.jobs(), pools.prefault() }) {
            pool->start([&] {
                started.release();
                QThread::msleep(150); // work that is still running when the owner goes away
                ++finished;
            });
        }
        QVERIFY(started.tryAcquire(1, 5000));
    } // ~WorkerPools
    QCOMPARE(finished.load(), 3);
}

QTEST_APPLESS_MAIN(TestWorkerPools)
#include "tst_workerpools.moc"
