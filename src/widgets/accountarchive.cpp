// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "widgets/accountarchive.h"

#include "model/workerpools.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

#include <type_traits>

namespace {

// Runs work on the job pool and hands its result to done on receiver's thread. The watcher is a
// child of receiver: gone with it, so a late result reaches nobody.
template <typename Work, typename Done> void runJob(QObject *receiver, Work work, Done done)
{
    using Result = std::invoke_result_t<Work>;
    auto *watcher = new QFutureWatcher<Result>(receiver);
    QObject::connect(watcher, &QFutureWatcherBase::finished, receiver, [watcher, done = std::move(done)] {
        done(watcher->result());
        watcher->deleteLater();
    });
    watcher->setFuture(QtConcurrent::run(WorkerPools::current().jobs(), std::move(work)));
}

} // namespace

AccountArchive::AccountArchive(QObject *parent)
    : QObject(parent)
    , m_folder(ArchiveAccount::defaultFolder())
{
}

AccountArchive::~AccountArchive() = default;

void AccountArchive::setFolder(const QString &folder) { m_folder = folder; }

QString AccountArchive::pathOf(const ArchiveAccount &account) const
{
    return QDir(m_folder).filePath(account.key() + QStringLiteral(".sqlite"));
}

bool AccountArchive::open(const ArchiveAccount &account, QString *error)
{
    close();
    const QString path = pathOf(account);
    if (!QDir().mkpath(m_folder)) {
        if (error)
            *error
                = tr("The archive folder %1 could not be created.").arg(QDir::toNativeSeparators(m_folder));
        return false;
    }
    m_archive = EventArchive::open(path, account, error);
    if (!m_archive)
        return false;
    m_path = path;
    m_account = account;
    Q_EMIT archiveChanged(m_archive.get());
    return true;
}

void AccountArchive::close()
{
    if (!m_archive)
        return;
    Q_EMIT archiveChanged(nullptr); // whoever reads it lets go before it is destroyed
    m_archive.reset();
    m_account.reset();
    m_path.clear();
}

void AccountArchive::prune(const QString &path, qint64 olderThanMs, qint64 maxBytes)
{
    struct Outcome
    {
        qsizetype removed = 0;
        QString error;
    };
    runJob(
        this,
        [path, olderThanMs, maxBytes] {
            Outcome outcome;
            std::unique_ptr<EventArchive> archive = EventArchive::openExisting(path, &outcome.error);
            if (!archive)
                return outcome;
            outcome.removed = archive->prune(olderThanMs, maxBytes);
            if (outcome.removed < 0) {
                outcome.error = archive->lastError();
                outcome.removed = 0;
            }
            return outcome;
        },
        [this, path](const Outcome &outcome) { Q_EMIT pruned(path, outcome.removed, outcome.error); });
}

void AccountArchive::readInfo(const QStringList &paths)
{
    runJob(
        this,
        [paths] {
            QList<FileInfo> files;
            for (const QString &path : paths) {
                FileInfo file;
                file.path = path;
                // Never open what is not there: openExisting would create nothing, but a missing
                // file is simply "no archive yet", not an error.
                file.exists = QFileInfo::exists(path);
                if (file.exists) {
                    if (std::unique_ptr<EventArchive> archive = EventArchive::openExisting(path, &file.error))
                        file.info = archive->info();
                }
                files.append(file);
            }
            return files;
        },
        [this](const QList<FileInfo> &files) { Q_EMIT infoRead(files); });
}

bool AccountArchive::forget(const QString &path, QString *error)
{
    const bool current = m_archive && QFileInfo(path) == QFileInfo(m_path);
    const std::optional<ArchiveAccount> account = m_account;
    if (current)
        close();
    const bool forgotten = EventArchive::forget(path, error);
    if (current) {
        QString reopenError;
        open(*account, &reopenError);
        Q_EMIT currentForgotten();
    }
    return forgotten;
}

qint64 AccountArchive::retentionCutoff(int months, qint64 nowMs)
{
    return QDateTime::fromMSecsSinceEpoch(nowMs, Qt::UTC).addMonths(-months).toMSecsSinceEpoch();
}
