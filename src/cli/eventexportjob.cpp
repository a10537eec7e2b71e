// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "cli/eventexportjob.h"

#include "api/eventapiclient.h"
#include "export/csvwriter.h"
#include "export/eventcsvexporter.h"
#include "model/eventstore.h"
#include "model/payloadsecrets.h"

#include <QFile>
#include <QUrl>

#include <filesystem>
#include <system_error>

EventExportJob::EventExportJob(QNetworkAccessManager *network, EventExportOptions options, QIODevice *log,
    QIODevice *standardOutput, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_log(log)
    , m_standardOutput(standardOutput)
    , m_client(std::make_unique<EventApiClient>(network))
{
    EventApiClient::Options clientOptions;
    clientOptions.perPage = m_options.perPage;
    clientOptions.maxInFlight = m_options.maxInFlight;
    clientOptions.ratePerSecond = m_options.ratePerSecond;
    clientOptions.keepRaw = m_options.format == EventExportOptions::Format::JsonLines;
    m_client->setOptions(clientOptions);
    connect(m_client.get(), &EventApiClient::eventsReceived, this, &EventExportJob::onEvents);
    connect(m_client.get(), &EventApiClient::progressChanged, this, &EventExportJob::onProgress);
    connect(m_client.get(), &EventApiClient::finished, this, &EventExportJob::onFetchFinished);
}

EventExportJob::~EventExportJob()
{
    // The client goes first: no more events into a writer that is being destroyed.
    m_client.reset();
    m_csv.reset();
}

QString EventExportJob::partialPath() const
{
    return m_options.output == QLatin1String("-") ? QString() : m_options.output + QLatin1String(".part");
}

void EventExportJob::writeLog(const QString &line)
{
    if (!m_log)
        return;
    m_log->write(line.toUtf8() + '\n');
}

void EventExportJob::start()
{
    m_elapsed.start();
    m_sinceLastLog.start();
    if (const ApiError error = m_client->setBaseUrl(QUrl(m_options.url)); error.isError()) {
        m_error = error;
        finish(UsageError, QStringLiteral("emnify-events: --url: %1").arg(error.message()));
        return;
    }
    m_client->setApplicationToken(m_options.token);

    if (m_options.output == QLatin1String("-")) {
        m_out = m_standardOutput;
    } else {
        m_file = std::make_unique<QFile>(partialPath());
        if (!m_file->open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            finish(Failed,
                QStringLiteral("emnify-events: cannot write %1: %2")
                    .arg(m_file->fileName(), m_file->errorString()));
            return;
        }
        m_out = m_file.get();
    }
    if (!m_out) {
        finish(Failed, QStringLiteral("emnify-events: no output device"));
        return;
    }
    if (m_options.format == EventExportOptions::Format::Csv) {
        m_store = std::make_unique<EventStore>();
        m_csv = std::make_unique<CsvWriter>(m_out, CsvWriter::Options { m_options.neutraliseFormulas });
        m_exporter = std::make_unique<EventCsvExporter>(*m_store, m_options.columns);
        m_exporter->setKeepSecrets(m_options.keepSecrets);
        m_exporter->writeHeader(*m_csv);
    }
    m_client->fetch(m_options.query, m_options.scope, m_options.sort);
}

void EventExportJob::cancel() { m_client->cancel(); }

bool EventExportJob::writeFailed() const { return !m_writeError.isEmpty(); }

void EventExportJob::onEvents(const EventBatch &events, const std::vector<QByteArray> &raw)
{
    if (m_done || writeFailed())
        return;
    if (m_options.format == EventExportOptions::Format::Csv) {
        const qsizetype first = m_store->size();
        m_store->append(events);
        const qsizetype last = m_store->size();
        if (!m_exporter->writeRange(*m_csv, first, last) || m_csv->hasError())
            m_writeError = m_csv->errorString();
        m_eventsWritten += last - first;
    } else {
        QByteArray chunk;
        for (const QByteArray &element : raw) {
            // One object per line: line breaks outside strings are insignificant whitespace, and
            // inside JSON strings they are always escaped, so dropping raw CR/LF keeps the JSON.
            QByteArray line = element.trimmed();
            line.replace('\n', QByteArrayView()).replace('\r', QByteArrayView());
            if (m_options.keepSecrets)
                chunk += line;
            else
                PayloadSecrets::appendRedacted(&chunk, line);
            chunk += '\n';
        }
        if (m_out->write(chunk) != chunk.size())
            m_writeError = m_out->errorString();
        m_eventsWritten += qint64(raw.size());
    }
    if (writeFailed())
        m_client->cancel(); // onFetchFinished reports the write error
}

QString EventExportJob::describeProgress() const
{
    const QString pages = m_progress.pagesTotal > 0
        ? QStringLiteral("%1/%2").arg(m_progress.pagesDone).arg(m_progress.pagesTotal)
        : QString::number(m_progress.pagesDone);
    const QString events = m_progress.totalCount >= 0
        ? QStringLiteral("%1/%2").arg(m_progress.eventsReceived).arg(m_progress.totalCount)
        : QString::number(m_progress.eventsReceived);
    return QStringLiteral("pages %1, events %2, requests %3, retries %4, rate-limit wait %5 s")
        .arg(pages, events)
        .arg(m_progress.requestsSent)
        .arg(m_progress.retries)
        .arg(double(m_progress.rateLimitWaitMs) / 1000.0, 0, 'f', 1);
}

void EventExportJob::onProgress(const FetchProgress &progress)
{
    m_progress = progress;
    if (m_options.quiet || m_sinceLastLog.elapsed() < 1000)
        return;
    m_sinceLastLog.restart();
    writeLog(QStringLiteral("emnify-events: ") + describeProgress());
}

void EventExportJob::onFetchFinished(const ApiError &error)
{
    if (m_done)
        return;
    if (m_csv && !m_csv->flush() && !writeFailed())
        m_writeError = m_csv->errorString();
    if (m_file && !m_file->flush() && !writeFailed())
        m_writeError = m_file->errorString();
    if (m_out == m_standardOutput && m_out && !writeFailed()) {
        if (auto *file = qobject_cast<QFile *>(m_out); file && !file->flush())
            m_writeError = file->errorString();
    }
    const QString target = m_file ? m_file->fileName() : QStringLiteral("standard output");
    if (writeFailed() || error.isError()) {
        m_error = error;
        if (m_file)
            m_file->close();
        const QString why = writeFailed() ? QStringLiteral("cannot write %1: %2").arg(target, m_writeError)
                                          : error.toString();
        finish(Failed,
            QStringLiteral(
                "emnify-events: export failed: %1\nemnify-events: the output is INCOMPLETE: %2 events "
                "written to %3 (%4)")
                .arg(why)
                .arg(m_eventsWritten)
                .arg(target, describeProgress()));
        return;
    }
    if (m_file) {
        m_file->close();
        std::error_code code;
        // Replaces an existing FILE in one step (POSIX rename).
        std::filesystem::rename(m_file->fileName().toStdString(), m_options.output.toStdString(), code);
        if (code) {
            finish(Failed,
                QStringLiteral("emnify-events: cannot rename %1 to %2: %3; the complete export is in %1")
                    .arg(m_file->fileName(), m_options.output, QString::fromStdString(code.message())));
            return;
        }
    }
    const QString destination = m_file ? m_options.output : target;
    QString summary = QStringLiteral("emnify-events: done: %1 events written to %2 in %3 s (%4)")
                          .arg(m_eventsWritten)
                          .arg(destination)
                          .arg(double(m_elapsed.elapsed()) / 1000.0, 0, 'f', 1)
                          .arg(describeProgress());
    if (m_progress.eventsSkipped > 0)
        summary += QStringLiteral("\nemnify-events: warning: %1 events could not be read and are missing")
                       .arg(m_progress.eventsSkipped);
    finish(Success, summary);
}

void EventExportJob::finish(int exitCode, const QString &message)
{
    if (m_done)
        return;
    m_done = true;
    m_exitCode = exitCode;
    m_message = message;
    if (exitCode != Success || !m_options.quiet)
        writeLog(message);
    QMetaObject::invokeMethod(
        this, [this, exitCode] { Q_EMIT finished(exitCode); }, Qt::QueuedConnection);
}
