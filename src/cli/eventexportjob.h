// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "api/apierror.h"
#include "cli/eventexportoptions.h"
#include "api/fetchprogress.h"
#include "model/eventbatch.h"

#include <QElapsedTimer>
#include <QObject>
#include <QString>

#include <memory>
#include <vector>

class CsvWriter;
class EventApiClient;
class EventCsvExporter;
class EventStore;
class QFile;
class QIODevice;
class QNetworkAccessManager;

// `emnify-events export`: pulls events with EventApiClient and streams them into a file as they
// arrive, as CSV (through EventStore + EventCsvExporter, the same code as the window's export) or
// as JSON Lines (each event object as the API sent it, one per line). Secret values in payloads
// (PayloadSecrets) are written as "<redacted>" in both unless --keep-secrets.
//
// Output: a FILE is written progressively to FILE.part and renamed to FILE only when the pull
// completed, so a FILE that exists is always complete and an export of millions of events never
// sits in memory (QSaveFile would also stream, but it deletes its temporary file on failure, and
// a partial export is worth keeping). On failure FILE.part stays and the message says so.
// "-" streams to the given standard output device.
class EventExportJob final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventExportJob)

public:
    enum ExitCode { Success = 0, Failed = 1, UsageError = 2 };

    // network: not owned. log: progress and messages (stderr). standardOutput: for "--output -".
    EventExportJob(QNetworkAccessManager *network, EventExportOptions options, QIODevice *log,
        QIODevice *standardOutput, QObject *parent = nullptr);
    ~EventExportJob() override;

    void start();
    void cancel();

    [[nodiscard]] int exitCode() const { return m_exitCode; }
    [[nodiscard]] ApiError error() const { return m_error; }
    [[nodiscard]] QString message() const { return m_message; } // the final line written to the log
    [[nodiscard]] qint64 eventsWritten() const { return m_eventsWritten; }
    [[nodiscard]] FetchProgress progress() const { return m_progress; }
    [[nodiscard]] QString partialPath() const; // FILE.part

Q_SIGNALS:
    void finished(int exitCode);

private:
    void onEvents(const EventBatch &events, const std::vector<QByteArray> &raw);
    void onProgress(const FetchProgress &progress);
    void onFetchFinished(const ApiError &error);
    void finish(int exitCode, const QString &message);
    void writeLog(const QString &line);
    bool writeFailed() const;
    QString describeProgress() const;

    EventExportOptions m_options;
    QIODevice *m_log;
    QIODevice *m_standardOutput;
    QIODevice *m_out = nullptr; // m_file or m_standardOutput
    std::unique_ptr<QFile> m_file;
    std::unique_ptr<EventApiClient> m_client;
    std::unique_ptr<EventStore> m_store;
    std::unique_ptr<CsvWriter> m_csv;
    std::unique_ptr<EventCsvExporter> m_exporter;
    FetchProgress m_progress;
    QElapsedTimer m_sinceLastLog;
    QElapsedTimer m_elapsed;
    ApiError m_error;
    QString m_message;
    QString m_writeError;
    qint64 m_eventsWritten = 0;
    int m_exitCode = -1;
    bool m_done = false;
};
