// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "export/csvwriter.h"
#include "export/eventcsvexporter.h"
#include "model/eventcolumns.h"
#include "model/eventstore.h"

#include <QFutureWatcher>
#include <QList>
#include <QObject>
#include <QTimer>

#include <atomic>
#include <memory>
#include <vector>

// Writes rows of a store to a CSV file (EventCsvExporter) or a JSON Lines file
// (EventJsonLinesExporter) on a worker thread (QtConcurrent), through a QSaveFile (an existing file is only
// replaced once all rows are written). The caller hands over a read lock on the store, which the runner holds
// until the worker is done with it.
class CsvExportRunner final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CsvExportRunner)

public:
    struct Result
    {
        bool ok = false;
        bool cancelled = false;
        QString error; // for people
        qsizetype rows = 0;
    };

    enum class Format { Csv, JsonLines };

    // How the file is written: the format, the CSV dialect (formula guard, Excel's BOM and sep
    // line) and what the payload column holds. JSON Lines uses only format and keepSecrets.
    struct Options
    {
        Format format = Format::Csv;
        CsvWriter::Options csv;
        bool keepSecrets = false;
        EventCsvExporter::Payload payload = EventCsvExporter::Payload::Detail;
        bool orderColumns = false; // SIM order status and provider in words (EventCsvExporter)
        QHash<qint64, QString> providerNames;
    };

    explicit CsvExportRunner(QObject *parent = nullptr);
    ~CsvExportRunner() override; // waits for a running export

    // rows: rows of the locked store, in output order. columns: of the CSV. False when an export is already
    // running. keepSecrets: the payload column keeps secret values (default: "<redacted>", see
    // PayloadSecrets).
    bool start(EventStore::ReadLock store, const QString &fileName, std::vector<qsizetype> rows,
        QList<EventColumns::Column> columns, const Options &options);
    bool start(EventStore::ReadLock store, const QString &fileName, std::vector<qsizetype> rows,
        QList<EventColumns::Column> columns, bool keepSecrets = false)
    {
        Options options;
        options.keepSecrets = keepSecrets;
        return start(std::move(store), fileName, std::move(rows), std::move(columns), options);
    }
    void cancel();
    [[nodiscard]] bool isRunning() const { return m_watcher.isRunning(); }

Q_SIGNALS:
    void progressChanged(qsizetype done, qsizetype total); // every 100 ms or so while running
    void finished(const CsvExportRunner::Result &result);

private:
    void onFinished();

    EventStore::ReadLock m_store; // held from start() until the worker has finished
    QFutureWatcher<Result> m_watcher;
    QTimer m_progressTimer;
    // Shared with the worker: rows written so far, and the cancel request.
    std::shared_ptr<std::atomic<qsizetype>> m_done;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    qsizetype m_total = 0;
};
