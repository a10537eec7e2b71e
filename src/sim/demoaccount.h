// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "sim/emnifysimulator.h"

#include <QFutureWatcher>
#include <QObject>
#include <QTimer>
#include <QUrl>

#include <atomic>
#include <memory>

class EventStore;

// The viewer's --demo: a simulator with a generated account, served on 127.0.0.1. The account is
// generated on a worker thread (WorkerPools::jobs(); a million events take tens of seconds), so
// that the window shows at once; ready() says where to connect once the simulator listens.
class DemoAccount final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DemoAccount)

public:
    explicit DemoAccount(QObject *parent = nullptr);
    ~DemoAccount() override; // waits for a generation still running

    // Starts generating; returns at once. token: the application token the simulator accepts.
    void start(qsizetype events, quint64 seed, qint64 nowMs, const QString &token);
    [[nodiscard]] bool isReady() const { return m_ready; }
    [[nodiscard]] EmnifySimulator *simulator() const { return m_simulator.get(); }

Q_SIGNALS:
    void progressChanged(qsizetype done, qsizetype total); // while generating, every 200 ms or so
    void ready(const QUrl &baseUrl, const QString &token);
    void failed(const QString &message);

private:
    void onGenerated();

    std::unique_ptr<EmnifySimulator> m_simulator;
    QFutureWatcher<std::unique_ptr<EventStore>> m_watcher; // move-only result: takeResult()
    QTimer m_progressTimer;
    std::shared_ptr<std::atomic<qsizetype>> m_done; // shared with the worker
    qsizetype m_total = 0;
    QString m_token;
    bool m_generating = false; // from start() until onGenerated()
    bool m_ready = false;
};
