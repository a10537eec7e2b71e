// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "session/archiveopener.h"

#include "archive/eventarchive.h"
#include "keychain/tokenstore.h"
#include "model/workerpools.h"
#include "teamarchive/teamarchive.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QThreadPool>
#include <QUrl>

#include <chrono>

ArchiveOpener::ArchiveOpener(TokenStore *tokens, QObject *parent)
    : QObject(parent)
    , m_tokens(tokens)
{
}

ArchiveOpener::~ArchiveOpener()
{
    // A job still connecting posts to this object: wait for it (at most libpq's connect timeout);
    // what it posted is dropped with this object.
    for (std::future<void> &job : m_jobs)
        job.wait();
}

QString ArchiveOpener::nameOf(const QString &urlOrFile)
{
    if (!TeamArchive::isTeamArchiveUrl(urlOrFile))
        return QFileInfo(urlOrFile).fileName();
    const QUrl url(urlOrFile);
    const QString database = url.path().mid(1);
    const QString host = url.host().isEmpty() ? QStringLiteral("localhost") : url.host();
    return database.isEmpty() ? host : QStringLiteral("%1@%2").arg(database, host);
}

void ArchiveOpener::open(const QString &urlOrFile, const QString &password, bool remember)
{
    const quint64 generation = ++m_generation;
    const bool team = TeamArchive::isTeamArchiveUrl(urlOrFile);
    ++m_pending;
    if (!team || !password.isEmpty() || !m_tokens) {
        start(generation, urlOrFile, password.toUtf8(), remember && team && !password.isEmpty());
        return;
    }
    // No password typed: the keychain's, if it has one for this URL (the callback may run at once).
    m_tokens->read(
        TeamArchive::keychainAccount(urlOrFile), [this, generation, urlOrFile](const TokenStore::Result &r) {
            if (generation != m_generation) {
                --m_pending;
                return;
            }
            start(generation, urlOrFile, r.status == TokenStore::Status::Ok ? r.token.toUtf8() : QByteArray(),
                false);
        });
}

void ArchiveOpener::start(
    quint64 generation, const QString &urlOrFile, const QByteArray &password, bool remember)
{
    const bool team = TeamArchive::isTeamArchiveUrl(urlOrFile);
    std::erase_if(m_jobs, [](const std::future<void> &job) {
        return job.wait_for(std::chrono::seconds(0)) == std::future_status::ready;
    });
    auto done = std::make_shared<std::promise<void>>();
    m_jobs.push_back(done->get_future());
    WorkerPools::current().jobs()->start([this, generation, team, urlOrFile, password, remember, done] {
        QString error;
        std::shared_ptr<ArchiveStore> archive;
        std::optional<qint64> syncedUntil;
        if (team)
            archive = TeamArchive::openExisting(urlOrFile, QUrl(), &error, password);
        else if (!QFileInfo::exists(urlOrFile))
            error
                = QCoreApplication::translate("ArchiveOpener", "There is no archive file %1.").arg(urlOrFile);
        else
            archive = EventArchive::openExisting(urlOrFile, &error);
        if (archive)
            syncedUntil = archive->coverage().newest();
        QMetaObject::invokeMethod(
            this,
            [this, generation, team, urlOrFile, archive, error, syncedUntil, password, remember]() mutable {
                --m_pending;
                if (generation != m_generation)
                    return;
                if (!archive) {
                    Q_EMIT failed(error);
                    return;
                }
                m_archive = std::move(archive);
                m_team = team;
                m_name = nameOf(urlOrFile);
                m_syncedUntilMs = syncedUntil;
                Q_EMIT opened();
                // Only a password that worked is remembered.
                if (remember && m_tokens) {
                    m_tokens->write(TeamArchive::keychainAccount(urlOrFile), QString::fromUtf8(password),
                        [this](const TokenStore::Result &r) {
                            if (r.status != TokenStore::Status::Ok)
                                Q_EMIT passwordNotRemembered(r.error);
                        });
                }
            },
            Qt::QueuedConnection);
        done->set_value();
    });
}

void ArchiveOpener::close()
{
    ++m_generation;
    m_archive.reset();
    m_name.clear();
    m_syncedUntilMs.reset();
    m_team = false;
}
