// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "sim/demoaccount.h"

#include "model/eventstore.h"
#include "model/workerpools.h"

#include <QtConcurrent>

DemoAccount::DemoAccount(QObject *parent)
    : QObject(parent)
    , m_simulator(std::make_unique<EmnifySimulator>())
    , m_done(std::make_shared<std::atomic<qsizetype>>(0))
{
    m_progressTimer.setInterval(200);
    connect(&m_progressTimer, &QTimer::timeout, this,
        [this] { Q_EMIT progressChanged(m_done->load(), m_total); });
    connect(&m_watcher, &QFutureWatcherBase::finished, this, &DemoAccount::onGenerated);
}

DemoAccount::~DemoAccount()
{
    // Only while the worker runs: after takeResult() the future no longer reports finished.
    if (m_generating)
        m_watcher.waitForFinished();
}

void DemoAccount::start(qsizetype events, quint64 seed, qint64 nowMs, const QString &token)
{
    if (m_generating)
        return;
    m_generating = true;
    m_ready = false;
    m_total = events;
    m_token = token;
    m_done->store(0);
    EmnifySimulatorConfig config = m_simulator->config();
    config.applicationTokens = { token };
    m_simulator->setConfig(config);
    auto done = m_done;
    // The worker touches nothing but the store it builds and the counter.
    m_watcher.setFuture(QtConcurrent::run(WorkerPools::current().jobs(), [events, seed, nowMs, done] {
        return EmnifySimulator::generateStore(events, seed, nowMs, done.get());
    }));
    m_progressTimer.start();
}

void DemoAccount::onGenerated()
{
    m_progressTimer.stop();
    m_generating = false;
    QFuture<std::unique_ptr<EventStore>> future = m_watcher.future();
    m_simulator->setStore(future.takeResult());
    if (!m_simulator->listen()) {
        Q_EMIT failed(QStringLiteral("the demo simulator could not listen on 127.0.0.1"));
        return;
    }
    m_ready = true;
    Q_EMIT progressChanged(m_total, m_total);
    Q_EMIT ready(m_simulator->baseUrl(), m_token);
}
