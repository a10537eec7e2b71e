// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "api/apierror.h"
#include "cli/eventexportoptions.h"
#include "model/simorderbook.h"

#include <QObject>
#include <QString>

#include <memory>

class EventApiClient;
class EventBatch;
class QIODevice;
class QNetworkAccessManager;

// `emnify-events orders`: the same pull as `export` (connection, time range, scope, filters), folded
// into one row per SIM order (SimOrderBook) and written when the pull is complete, as CSV or JSON
// Lines with the Orders view's columns (SimOrderExporter), ordered by order id. A FILE is written
// only when the pull completed; on failure nothing is written and the message says why.
class OrderExportJob final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OrderExportJob)

public:
    enum ExitCode { Success = 0, Failed = 1, UsageError = 2 };

    // network: not owned. log: messages (stderr). standardOutput: for "--output -".
    OrderExportJob(QNetworkAccessManager *network, EventExportOptions options, QIODevice *log,
        QIODevice *standardOutput, QObject *parent = nullptr);
    ~OrderExportJob() override;

    void start();
    [[nodiscard]] int exitCode() const { return m_exitCode; }
    [[nodiscard]] qsizetype ordersWritten() const { return m_ordersWritten; }

Q_SIGNALS:
    void finished(int exitCode);

private:
    void onEvents(const EventBatch &batch);
    void onFetchFinished(const ApiError &error);
    void finish(int exitCode, const QString &message);

    EventExportOptions m_options;
    QIODevice *m_log;
    QIODevice *m_standardOutput;
    std::unique_ptr<EventApiClient> m_client;
    SimOrderBook m_book;
    qsizetype m_ordersWritten = 0;
    qint64 m_events = 0;
    int m_exitCode = -1;
};
