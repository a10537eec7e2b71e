// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "api/apierror.h"
#include "api/fetchprogress.h"
#include "cli/eventexportoptions.h"
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
// completed with every event it received readable (or --allow-partial), so a FILE that exists is
// complete and an export of millions of events never sits in memory. FILE.part is created when
// the first events arrive (a failure before leaves nothing behind) with O_CREAT | O_EXCL |
// O_NOFOLLOW after removing what was there: a symlink planted at FILE.part is never followed.
// On failure FILE.part stays and the message says so. "-" streams to the given standard output.
class EventExportJob final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventExportJob)

public:
    // The process's exit status (see EventExportOptions::usage()).
    enum ExitCode {
        Success = 0,
        Failed = 1,
        UsageError = 2,
        Incomplete = 3, // events the server sent could not be read (without --allow-partial)
        Interrupted = 130, // SIGINT or SIGTERM (128 + SIGINT, as shells report it)
        BrokenPipe = 141, // standard output closed early (128 + SIGPIPE); quiet
    };

    // network: not owned. log: progress and messages (stderr). standardOutput: for "--output -".
    EventExportJob(QNetworkAccessManager *network, EventExportOptions options, QIODevice *log,
        QIODevice *standardOutput, QObject *parent = nullptr);
    ~EventExportJob() override;

    void start();
    void cancel();
    void interrupt(); // SIGINT/SIGTERM: stop, keep FILE.part, say how much it holds

    [[nodiscard]] int exitCode() const { return m_exitCode; }
    [[nodiscard]] ApiError error() const { return m_error; }
    [[nodiscard]] QString message() const { return m_message; } // the final line written to the log
    [[nodiscard]] qint64 eventsWritten() const { return m_eventsWritten; }
    [[nodiscard]] FetchProgress progress() const { return m_progress; }
    [[nodiscard]] QString partialPath() const; // FILE.part

Q_SIGNALS:
    void finished(int exitCode);

private:
    bool openOutput();
    void readArchive(); // --archive: the events from the local archive instead of the API
    void onEvents(const EventBatch &events, const std::vector<QByteArray> &raw);
    void onProgress(const FetchProgress &progress);
    void onFetchFinished(const ApiError &error);
    void finish(int exitCode, const QString &message);
    void writeLog(const QString &line);
    void noteWriteError(QIODevice *device, const QString &fallback);
    bool writeFailed() const;
    [[nodiscard]] QString target() const; // FILE.part or "standard output"
    QString describeProgress() const;

    EventExportOptions m_options;
    QIODevice *m_log;
    QIODevice *m_standardOutput;
    QIODevice *m_out = nullptr; // m_file or m_standardOutput, once the first events arrived
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
    int m_rateLimitHitsReported = 0;
    int m_exitCode = -1;
    bool m_skewReported = false;
    bool m_interrupted = false;
    bool m_brokenPipe = false;
    bool m_done = false;
};
