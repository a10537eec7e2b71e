// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "export/csvexportrunner.h"

#include "export/eventjsonlinesexporter.h"
#include "model/workerpools.h"

#include <QSaveFile>
#include <QtConcurrent>

CsvExportRunner::CsvExportRunner(QObject *parent)
    : QObject(parent)
{
    m_progressTimer.setInterval(100);
    connect(&m_progressTimer, &QTimer::timeout, this,
        [this] { Q_EMIT progressChanged(m_done->load(), m_total); });
    connect(&m_watcher, &QFutureWatcherBase::finished, this, &CsvExportRunner::onFinished);
}

CsvExportRunner::~CsvExportRunner()
{
    if (m_watcher.isRunning()) {
        cancel();
        m_watcher.waitForFinished();
        m_store.release();
    }
}

bool CsvExportRunner::start(EventStore::ReadLock lock, const QString &fileName, std::vector<qsizetype> rows,
    QList<EventColumns::Column> columns, const Options &options)
{
    if (m_watcher.isRunning() || !lock.store())
        return false;
    m_done = std::make_shared<std::atomic<qsizetype>>(0);
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    m_total = qsizetype(rows.size());
    m_store = std::move(lock); // the store must not change while the worker reads it
    const EventStore *store = m_store.store();
    auto done = m_done;
    auto cancel = m_cancel;
    m_watcher.setFuture(QtConcurrent::run(WorkerPools::current().jobs(),
        [store, fileName, rows = std::move(rows), columns = std::move(columns), options, done, cancel] {
            Result result;
            QSaveFile file(fileName);
            if (!file.open(QIODevice::WriteOnly)) {
                result.error = file.errorString();
                return result;
            }
            const auto progress = [&](qsizetype n) {
                done->store(n);
                return !cancel->load();
            };
            bool written = false;
            QString writeError;
            if (options.format == Format::JsonLines) {
                EventJsonLinesExporter exporter(*store);
                exporter.setKeepSecrets(options.keepSecrets);
                written = exporter.writeRows(&file, rows, progress);
            } else {
                CsvWriter writer(&file, options.csv);
                EventCsvExporter exporter(*store, columns);
                exporter.setKeepSecrets(options.keepSecrets);
                exporter.setPayload(options.payload);
                exporter.setOrderColumns(options.orderColumns, options.providerNames);
                exporter.writeHeader(writer, true);
                written = exporter.writeRows(writer, rows, progress) && !writer.hasError();
                if (writer.hasError())
                    writeError = writer.errorString();
            }
            if (cancel->load()) {
                file.cancelWriting();
                result.cancelled = true;
                return result;
            }
            if (!written) {
                result.error = writeError.isEmpty() ? file.errorString() : writeError;
                file.cancelWriting();
                return result;
            }
            if (!file.commit()) {
                result.error = file.errorString();
                return result;
            }
            result.ok = true;
            result.rows = qsizetype(rows.size());
            return result;
        }));
    m_progressTimer.start();
    return true;
}

void CsvExportRunner::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
}

void CsvExportRunner::onFinished()
{
    m_progressTimer.stop();
    m_store.release();
    Q_EMIT progressChanged(m_done->load(), m_total);
    Q_EMIT finished(m_watcher.result());
}
