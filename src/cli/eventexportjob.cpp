// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "cli/eventexportjob.h"

#include "api/eventjson.h"
#include "cli/archivecommands.h"

#include "api/apireply.h"
#include "api/eventapiclient.h"
#include "export/csvwriter.h"
#include "export/eventcsvexporter.h"
#include "export/eventjsonlinesexporter.h"
#include "model/eventstore.h"

#include <QFile>
#include <QLocale>
#include <QFileInfo>
#include <QTimer>
#include <QUrl>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <system_error>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

EventExportJob::EventExportJob(QNetworkAccessManager *network, EventExportOptions options, QIODevice *log,
    QIODevice *standardOutput, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_log(log)
    , m_standardOutput(standardOutput)
    , m_client(std::make_unique<EventApiClient>(network))
{
    m_client->setOptions(m_options.clientOptions());
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

QString EventExportJob::target() const
{
    return m_options.output == QLatin1String("-") ? QStringLiteral("standard output") : partialPath();
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
    if (const ApiError error = m_client->setBaseUrl(QUrl(m_options.url)); error.isError() && !m_options.archiveSet) {
        m_error = error;
        finish(UsageError, QStringLiteral("emnify-events: --url: %1").arg(error.message()));
        return;
    }
    m_client->setApplicationToken(m_options.token);
    if (m_options.output != QLatin1String("-")) {
        // Said now, not after the pull: the file itself is only created with the first events.
        const QFileInfo directory(QFileInfo(m_options.output).absolutePath());
        if (!directory.isDir() || !directory.isWritable()) {
            finish(Failed,
                QStringLiteral("emnify-events: cannot write %1: the directory %2 %3")
                    .arg(partialPath(), directory.filePath(),
                        directory.isDir() ? QStringLiteral("is not writable")
                                          : QStringLiteral("does not exist")));
            return;
        }
    } else if (!m_standardOutput) {
        finish(Failed, QStringLiteral("emnify-events: no output device"));
        return;
    }
    if (m_options.archiveSet) {
        QTimer::singleShot(0, this, &EventExportJob::readArchive); // finished() after start() returned
        return;
    }
    m_client->fetch(m_options.query, m_options.scope, m_options.sort);
}

void EventExportJob::readArchive()
{
    QString error;
    const bool ok = ArchiveCommands::read(m_options, [this](EventBatch &&batch) {
        std::vector<QByteArray> raw;
        if (m_options.format == EventExportOptions::Format::JsonLines) {
            for (const Event &event : batch.toEvents())
                raw.push_back(EventJson::toJson(event));
        }
        onEvents(batch, raw);
        return !writeFailed();
    }, &error);
    onFetchFinished(ok ? ApiError() : ApiError(ApiError::Kind::Parse, error));
}

bool EventExportJob::openOutput()
{
    if (m_out)
        return true;
    if (m_options.output == QLatin1String("-")) {
        m_out = m_standardOutput;
    } else {
        // Whatever is at FILE.part (a stale export, a planted symlink) is removed, not followed;
        // O_EXCL | O_NOFOLLOW then refuses anything that appears there meanwhile.
        const QByteArray path = QFile::encodeName(partialPath());
        struct stat status;
        if (::lstat(path.constData(), &status) == 0 && !S_ISDIR(status.st_mode))
            ::unlink(path.constData());
        const int fd = ::open(path.constData(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
        if (fd < 0) {
            m_writeError
                = QStringLiteral("cannot create it: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
            return false;
        }
        m_file = std::make_unique<QFile>();
        // Unbuffered: CsvWriter buffers already, and a failed write then reports its own errno.
        if (!m_file->open(fd, QIODevice::WriteOnly | QIODevice::Unbuffered, QFileDevice::AutoCloseHandle)) {
            m_writeError = m_file->errorString();
            ::close(fd);
            m_file.reset();
            return false;
        }
        m_out = m_file.get();
    }
    if (m_options.format == EventExportOptions::Format::Csv) {
        m_store = std::make_unique<EventStore>();
        const bool sepLine = m_options.forExcel && CsvWriter::excelNeedsSepLine(QLocale::system());
        m_csv = std::make_unique<CsvWriter>(
            m_out, CsvWriter::Options { m_options.neutraliseFormulas, m_options.forExcel, sepLine });
        m_exporter = std::make_unique<EventCsvExporter>(*m_store, m_options.columns);
        m_exporter->setKeepSecrets(m_options.keepSecrets);
        m_exporter->setPayload(m_options.wholeEventPayload ? EventCsvExporter::Payload::WholeEvent
                                                           : EventCsvExporter::Payload::Detail);
        m_exporter->writeHeader(*m_csv);
    }
    return true;
}

void EventExportJob::cancel() { m_client->cancel(); }

void EventExportJob::interrupt()
{
    if (m_done || m_interrupted)
        return;
    m_interrupted = true;
    m_client->cancel(); // onFetchFinished says what was written
}

bool EventExportJob::writeFailed() const { return !m_writeError.isEmpty() || m_brokenPipe; }

// Names the cause (a full disk is "No space left on device", never "Unknown error"); a closed
// standard output ends the export quietly.
void EventExportJob::noteWriteError(QIODevice *device, const QString &fallback)
{
    const int error = errno;
    QString text = fallback;
    if (text.isEmpty() || text == QLatin1String("Unknown error"))
        text = device ? device->errorString() : QString();
    if ((text.isEmpty() || text == QLatin1String("Unknown error")) && error != 0)
        text = QString::fromLocal8Bit(std::strerror(error));
    if (error == EPIPE || text.contains(QLatin1String("Broken pipe"))) {
        m_brokenPipe = true;
        return;
    }
    if (m_writeError.isEmpty())
        m_writeError = text.isEmpty() ? QStringLiteral("the output could not be written") : text;
}

void EventExportJob::onEvents(const EventBatch &events, const std::vector<QByteArray> &raw)
{
    if (m_done || writeFailed())
        return;
    if (!openOutput()) {
        m_client->cancel();
        return;
    }
    if (m_options.format == EventExportOptions::Format::Csv) {
        const qsizetype first = m_store->size();
        m_store->append(events);
        const qsizetype last = m_store->size();
        if (!m_exporter->writeRange(*m_csv, first, last) || m_csv->hasError())
            noteWriteError(m_out, m_csv->errorString());
        m_eventsWritten += last - first;
    } else {
        QByteArray chunk;
        for (const QByteArray &element : raw)
            EventJsonLinesExporter::appendLine(&chunk, element, m_options.keepSecrets);
        if (m_out->write(chunk) != chunk.size())
            noteWriteError(m_out, QString());
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
    if (progress.serverClockSkewMs != 0 && !m_skewReported) {
        m_skewReported = true;
        writeLog(
            QStringLiteral("emnify-events: warning: the server's clock is %1 s %2 this computer's; token "
                           "lifetimes are read on the server's clock")
                .arg(qAbs(progress.serverClockSkewMs) / 1000)
                .arg(progress.serverClockSkewMs < 0 ? QStringLiteral("behind") : QStringLiteral("ahead of")));
    }
    if (progress.rateLimitHits > m_rateLimitHitsReported) {
        m_rateLimitHitsReported = progress.rateLimitHits;
        if (!m_options.quiet)
            writeLog(QStringLiteral("emnify-events: rate limited by the server (HTTP 429): waiting %1")
                         .arg(ApiReply::secondsText(progress.lastRateLimitPauseMs)));
    }
    if (m_options.quiet || m_sinceLastLog.elapsed() < 1000)
        return;
    m_sinceLastLog.restart();
    writeLog(QStringLiteral("emnify-events: ") + describeProgress());
}

void EventExportJob::onFetchFinished(const ApiError &error)
{
    if (m_done)
        return;
    const bool succeeded = !error.isError() && !writeFailed() && !m_interrupted;
    if (succeeded && !openOutput()) { // an empty export is a file with the CSV header (or nothing)
        finish(Failed, QStringLiteral("emnify-events: cannot write %1: %2").arg(target(), m_writeError));
        return;
    }
    if (m_csv && !m_csv->flush() && !writeFailed())
        noteWriteError(m_out, m_csv->errorString());
    if (m_out && !writeFailed()) {
        if (auto *file = qobject_cast<QFile *>(m_out); file && !file->flush())
            noteWriteError(file, QString());
    }
    if (m_file)
        m_file->close();
    if (m_brokenPipe) {
        finish(BrokenPipe, QString()); // the reader went away: nothing to say, nobody to say it to
        return;
    }
    if (m_interrupted) {
        finish(Interrupted,
            m_out ? QStringLiteral("emnify-events: interrupted: %1 events written to %2 (%3)")
                        .arg(m_eventsWritten)
                        .arg(target(), describeProgress())
                  : QStringLiteral("emnify-events: interrupted: 0 events written; nothing was written"));
        return;
    }
    if (writeFailed() || error.isError()) {
        m_error = error;
        const QString why = writeFailed() ? QStringLiteral("cannot write %1: %2").arg(target(), m_writeError)
                                          : error.toString();
        const QString outcome = m_out && m_eventsWritten > 0
            ? QStringLiteral("emnify-events: the output is INCOMPLETE: %1 events written to %2 (%3)")
                  .arg(m_eventsWritten)
                  .arg(target(), describeProgress())
            : QStringLiteral("emnify-events: nothing was written (%1)").arg(describeProgress());
        finish(Failed, QStringLiteral("emnify-events: export failed: %1\n").arg(why) + outcome);
        return;
    }
    QStringList warnings;
    if (m_progress.eventsSkipped > 0)
        warnings
            << QStringLiteral("%1 events could not be read and are missing").arg(m_progress.eventsSkipped);
    if (m_progress.totalCount > m_eventsWritten)
        warnings << QStringLiteral("%1 of the %2 events the server announced (X-Total-Count) were received")
                        .arg(m_eventsWritten)
                        .arg(m_progress.totalCount);
    if (m_progress.eventsSkipped > 0 && !m_options.allowPartial) {
        QString text;
        for (const QString &warning : std::as_const(warnings))
            text += QStringLiteral("emnify-events: ") + warning + u'\n';
        finish(Incomplete,
            text
                + QStringLiteral("emnify-events: the output is INCOMPLETE: %1 events written to %2 (%3); "
                                 "--allow-partial accepts such an export")
                      .arg(m_eventsWritten)
                      .arg(target(), describeProgress()));
        return;
    }
    if (m_file) {
        std::error_code code;
        // Replaces an existing FILE in one step (POSIX rename; a symlink at FILE is replaced, not
        // followed).
        std::filesystem::rename(QFile::encodeName(partialPath()).toStdString(),
            QFile::encodeName(m_options.output).toStdString(), code);
        if (code) {
            finish(Failed,
                QStringLiteral("emnify-events: cannot rename %1 to %2: %3; the complete export is in %1")
                    .arg(partialPath(), m_options.output, QString::fromStdString(code.message())));
            return;
        }
    }
    QString summary = QStringLiteral("emnify-events: done: %1 events written to %2 in %3 s (%4)")
                          .arg(m_eventsWritten)
                          .arg(m_file ? m_options.output : target())
                          .arg(double(m_elapsed.elapsed()) / 1000.0, 0, 'f', 1)
                          .arg(describeProgress());
    for (const QString &warning : std::as_const(warnings))
        summary += QStringLiteral("\nemnify-events: warning: ") + warning;
    finish(Success, summary);
}

void EventExportJob::finish(int exitCode, const QString &message)
{
    if (m_done)
        return;
    m_done = true;
    m_exitCode = exitCode;
    m_message = message;
    if (!message.isEmpty() && (exitCode != Success || !m_options.quiet))
        writeLog(message);
    QMetaObject::invokeMethod(
        this, [this, exitCode] { Q_EMIT finished(exitCode); }, Qt::QueuedConnection);
}
