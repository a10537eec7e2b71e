// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "cli/orderexportjob.h"

#include "cli/archivecommands.h"
#include <QTimer>

#include "api/eventapiclient.h"
#include "export/simorderexporter.h"
#include "model/eventbatch.h"

#include <QSaveFile>
#include <QTimer>
#include <QUrl>

#include <algorithm>

OrderExportJob::OrderExportJob(QNetworkAccessManager *network, EventExportOptions options, QIODevice *log,
    QIODevice *standardOutput, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_log(log)
    , m_standardOutput(standardOutput)
    , m_client(std::make_unique<EventApiClient>(network))
{
    ApiClientOptions clientOptions = m_options.clientOptions();
    clientOptions.keepRaw = false; // orders are folded from the parsed events only
    m_client->setOptions(clientOptions);
    connect(m_client.get(), &EventApiClient::eventsReceived, this,
        [this](const EventBatch &batch, const std::vector<QByteArray> &) { onEvents(batch); });
    connect(m_client.get(), &EventApiClient::finished, this, &OrderExportJob::onFetchFinished);
}

OrderExportJob::~OrderExportJob() = default;

void OrderExportJob::start()
{
    if (m_options.archiveSet) {
        // Offline: the orders folded from the archived events, after start() returned.
        QTimer::singleShot(0, this, [this] {
            QString error;
            const bool ok = ArchiveCommands::read(m_options, [this](EventBatch &&batch) {
                onEvents(batch);
                return true;
            }, &error);
            onFetchFinished(ok ? ApiError() : ApiError(ApiError::Kind::Parse, error));
        });
        return;
    }
    if (const ApiError error = m_client->setBaseUrl(QUrl(m_options.url)); error.isError()) {
        finish(UsageError, QStringLiteral("emnify-events: --url: %1").arg(error.message()));
        return;
    }
    m_client->setApplicationToken(m_options.token);
    m_client->fetch(m_options.query, m_options.scope, m_options.sort);
}

void OrderExportJob::onEvents(const EventBatch &batch)
{
    // Order events are few; the others only move the earliest loaded time ("submitted before").
    for (const Event &event : batch.toEvents())
        m_book.add(event);
    m_events += batch.liveCount();
}

void OrderExportJob::onFetchFinished(const ApiError &error)
{
    if (error.isError()) {
        finish(Failed, QStringLiteral("emnify-events: %1 (no orders written)").arg(error.message()));
        return;
    }
    std::vector<const SimOrderRecord *> orders;
    orders.reserve(m_book.orders().size());
    for (const SimOrderRecord &order : m_book.orders())
        orders.push_back(&order);
    std::sort(orders.begin(), orders.end(),
        [](const SimOrderRecord *a, const SimOrderRecord *b) { return a->orderId < b->orderId; });
    SimOrderColumns::Context context;
    context.earliestLoadedMs = m_book.earliestLoadedMs();
    const auto format = m_options.format == EventExportOptions::Format::JsonLines
        ? SimOrderExporter::Format::JsonLines
        : SimOrderExporter::Format::Csv;
    QString writeError;
    if (m_options.output == QLatin1String("-")) {
        if (!m_standardOutput
            || !SimOrderExporter::write(m_standardOutput, format, orders, context, &writeError)) {
            finish(Failed, QStringLiteral("emnify-events: cannot write the orders: %1").arg(writeError));
            return;
        }
    } else {
        QSaveFile file(m_options.output);
        if (!file.open(QIODevice::WriteOnly)
            || !SimOrderExporter::write(&file, format, orders, context, &writeError) || !file.commit()) {
            finish(Failed,
                QStringLiteral("emnify-events: cannot write %1: %2")
                    .arg(m_options.output, writeError.isEmpty() ? file.errorString() : writeError));
            return;
        }
    }
    m_ordersWritten = qsizetype(orders.size());
    finish(Success,
        QStringLiteral("emnify-events: %1 orders from %2 events (%3 order events)")
            .arg(m_ordersWritten)
            .arg(m_events)
            .arg(m_book.orderEventCount()));
}

void OrderExportJob::finish(int exitCode, const QString &message)
{
    m_exitCode = exitCode;
    if (m_log && !(m_options.quiet && exitCode == Success))
        m_log->write(message.toUtf8() + '\n');
    // Queued: start() may fail before the caller's event loop runs.
    QMetaObject::invokeMethod(
        this, [this, exitCode] { Q_EMIT finished(exitCode); }, Qt::QueuedConnection);
}
