// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "cli/archivecommands.h"

#include "api/eventapiclient.h"
#include "archive/eventarchive.h"
#include "cli/eventexportjob.h"
#include "keychain/tokenstore.h"
#include "model/isotime.h"
#include "model/payloadsecrets.h"
#include "teamarchive/teamarchive.h"

#include <QDateTime>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QIODevice>
#include <QLocale>

#include <limits>
#include <optional>

namespace {

void writeLine(QIODevice *device, const QString &line)
{
    if (device)
        device->write(line.toUtf8() + '\n');
}

TimeInterval rangeOf(const EventExportOptions &options, qint64 nowMs)
{
    if (options.rangeSet)
        return { options.query.from.toMSecsSinceEpoch(), options.query.until.toMSecsSinceEpoch() };
    if (options.command == EventExportOptions::Command::Sync)
        return { ArchiveSync::retentionStart(nowMs), nowMs };
    return { std::numeric_limits<qint64>::min(), std::numeric_limits<qint64>::max() };
}

QString time(qint64 ms)
{
    return QString::fromLatin1(IsoTime::format(ms));
}

QString intervalText(const TimeInterval &i)
{
    return QStringLiteral("%1 .. %2").arg(time(i.from), time(i.until));
}

} // namespace

QString ArchiveCommands::count(qint64 n)
{
    return QLocale(QLocale::English, QLocale::UnitedStates).toString(n);
}

QString ArchiveCommands::day(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd"));
}

QString ArchiveCommands::offlinePath(const EventExportOptions &options, QString *error)
{
    if (!options.archive.isEmpty())
        return options.archive;
    const QDir folder(ArchiveAccount::defaultFolder());
    const QStringList archives = folder.entryList({ QStringLiteral("*.sqlite") }, QDir::Files, QDir::Name);
    if (archives.size() == 1)
        return folder.filePath(archives.front());
    *error = archives.isEmpty()
        ? QStringLiteral("there is no archive in %1 (emnify-events sync makes one)").arg(folder.path())
        : QStringLiteral("%1 holds several archives; name one with --archive PATH: %2")
              .arg(folder.path(), archives.join(QStringLiteral(", ")));
    return {};
}

namespace {
TokenStore *passwordStore = nullptr;
}

void ArchiveCommands::setPasswordStore(TokenStore *store) { passwordStore = store; }

QByteArray ArchiveCommands::rememberedPassword(const QString &url)
{
    if (!passwordStore)
        return {};
    // The store answers on this thread, perhaps later (the keychain's D-Bus call): wait for it here.
    std::optional<TokenStore::Result> result;
    QEventLoop loop;
    passwordStore->read(TeamArchive::keychainAccount(url), [&](const TokenStore::Result &r) {
        result = r;
        loop.quit();
    });
    if (!result)
        loop.exec();
    return result->status == TokenStore::Status::Ok ? result->token.toUtf8() : QByteArray();
}

std::unique_ptr<ArchiveStore> ArchiveCommands::openExisting(const EventExportOptions &options, QString *error)
{
    const QString path = offlinePath(options, error);
    if (path.isEmpty())
        return nullptr;
    if (TeamArchive::isTeamArchiveUrl(path))
        return TeamArchive::openExisting(path, QUrl(options.url), error, rememberedPassword(path));
    return EventArchive::openExisting(path, error);
}

int ArchiveCommands::info(const EventExportOptions &options, QIODevice *out, QIODevice *log)
{
    QString error;
    const std::unique_ptr<ArchiveStore> archive = openExisting(options, &error);
    if (!archive) {
        writeLine(log, QStringLiteral("emnify-events: %1").arg(error));
        return EventExportJob::Failed;
    }
    const ArchiveStore::Info info = archive->info();
    writeLine(out, QStringLiteral("archive:  %1").arg(info.path));
    writeLine(out, QStringLiteral("account:  %1, organisation %2%3")
                       .arg(info.account.apiUrl.toString(), info.account.organisation,
                           info.account.label.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(info.account.label)));
    writeLine(out, QStringLiteral("events:   %1").arg(count(info.events)));
    if (info.events > 0) {
        writeLine(out, QStringLiteral("oldest:   %1").arg(time(info.oldestMs)));
        writeLine(out, QStringLiteral("newest:   %1").arg(time(info.newestMs)));
    }
    writeLine(out, QStringLiteral("size:     %1 bytes (%2 bytes an event)")
                       .arg(count(info.bytesOnDisk))
                       .arg(info.events > 0 ? count(info.bytesOnDisk / info.events) : QStringLiteral("-")));
    writeLine(out, QStringLiteral("covered:  %1").arg(info.coverage.isEmpty() ? QStringLiteral("nothing yet") : QString()));
    for (const TimeInterval &i : info.coverage.intervals())
        writeLine(out, QStringLiteral("  %1").arg(intervalText(i)));
    if (info.redactedValues > 0)
        writeLine(out, QStringLiteral("redacted: %1 secret values in payloads stored as \"%2\"")
                           .arg(count(info.redactedValues), QString(PayloadSecrets::RedactedMarker)));
    return EventExportJob::Success;
}

bool ArchiveCommands::read(const EventExportOptions &options, const std::function<bool(EventBatch &&)> &sink, QString *error)
{
    const std::unique_ptr<ArchiveStore> archive = openExisting(options, error);
    if (!archive)
        return false;
    // The filters other than the time range are the archive's to apply (the range is read's own).
    EventQuery filter = options.query;
    filter.from = filter.until = QDateTime();
    if (!archive->read(rangeOf(options, 0), options.scope, filter, sink)) {
        *error = archive->lastError();
        return false;
    }
    return true;
}

ArchiveSyncJob::ArchiveSyncJob(
    QNetworkAccessManager *network, EventExportOptions options, QIODevice *log, QIODevice *out, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_log(log)
    , m_out(out)
    , m_client(std::make_unique<EventApiClient>(network))
{
    m_client->setOptions(m_options.clientOptions());
    connect(m_client.get(), &EventApiClient::authenticated, this, &ArchiveSyncJob::onAuthenticated);
    connect(m_client.get(), &EventApiClient::authenticationFailed, this, [this](const ApiError &error) {
        finish(EventExportJob::Failed, QStringLiteral("emnify-events: %1 (nothing archived)").arg(error.toString()), m_log);
    });
}

ArchiveSyncJob::~ArchiveSyncJob() = default;

void ArchiveSyncJob::start()
{
    if (const ApiError error = m_client->setBaseUrl(QUrl(m_options.url)); error.isError()) {
        finish(EventExportJob::UsageError, QStringLiteral("emnify-events: --url: %1").arg(error.message()), m_log);
        return;
    }
    m_client->setApplicationToken(m_options.token);
    m_client->authenticate();
}

void ArchiveSyncJob::interrupt()
{
    if (m_sync && m_sync->isRunning())
        m_sync->stop();
    else
        finish(EventExportJob::Interrupted, QStringLiteral("emnify-events: interrupted (nothing archived)"), m_log);
}

void ArchiveSyncJob::onAuthenticated()
{
    if (m_done || m_archive)
        return;
    const ArchiveAccount account { m_client->baseUrl(), m_client->organisation(), m_client->organisationName() };
    if (account.organisation.isEmpty() && m_options.archive.isEmpty()) {
        finish(EventExportJob::Failed,
            QStringLiteral("emnify-events: the token does not say which organisation it belongs to; "
                           "name the archive with --archive PATH"),
            m_log);
        return;
    }
    if (TeamArchive::isTeamArchiveUrl(m_options.archive)) {
        if (!openTeamArchive(account))
            return;
    } else if (!openLocalArchive(account)) {
        return;
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    m_range = rangeOf(m_options, now);
    for (const TimeInterval &lost : ArchiveSync::beyondRetention(m_archive->coverage(), m_range, now))
        writeLine(m_log, QStringLiteral("emnify-events: %1 is older than the API keeps (30 days) and not in the "
                                        "archive: it cannot be synced")
                             .arg(intervalText(lost)));
    m_sync = std::make_unique<ArchiveSync>(m_client.get(), m_archive.get());
    connect(m_sync.get(), &ArchiveSync::batchArchived, this,
        [this](const EventBatch &, qsizetype added) { onBatch(added); });
    connect(m_sync.get(), &ArchiveSync::finished, this, &ArchiveSyncJob::onSyncFinished);
    m_sinceLastLog.start();
    m_sync->start(m_range, m_options.query, m_options.scope, now);
}

bool ArchiveSyncJob::openLocalArchive(const ArchiveAccount &account)
{
    const QString path = m_options.archive.isEmpty() ? account.defaultPath() : m_options.archive;
    QString error;
    if (!EventArchive::createFolder(path, &error)) {
        finish(EventExportJob::Failed, QStringLiteral("emnify-events: %1").arg(error), m_log);
        return false;
    }
    // One sync per archive at a time: the second one waits (SQLite alone would keep the file
    // intact too, but two syncs would pull the same pages twice).
    m_lock = std::make_unique<QLockFile>(path + QStringLiteral(".sync-lock"));
    m_lock->setStaleLockTime(0); // a lock of a dead process is taken over (QLockFile checks the pid)
    if (!m_lock->tryLock(0)) {
        qint64 pid = 0;
        QString host, application;
        m_lock->getLockInfo(&pid, &host, &application);
        writeLine(m_log, QStringLiteral("emnify-events: another sync of %1 is running (pid %2); waiting for it")
                             .arg(path)
                             .arg(pid));
        if (!m_lock->lock()) {
            finish(EventExportJob::Failed, QStringLiteral("emnify-events: cannot lock %1").arg(path), m_log);
            return false;
        }
    }
    m_archive = EventArchive::open(path, account, &error);
    if (!m_archive) {
        finish(EventExportJob::Failed, QStringLiteral("emnify-events: %1").arg(error), m_log);
        return false;
    }
    return true;
}

bool ArchiveSyncJob::openTeamArchive(const ArchiveAccount &account)
{
    QString error;
    std::unique_ptr<TeamArchive> team = TeamArchive::open(
        m_options.archive, account, &error, ArchiveCommands::rememberedPassword(m_options.archive));
    if (!team) {
        finish(EventExportJob::Failed, QStringLiteral("emnify-events: %1").arg(error), m_log);
        return false;
    }
    // One sync per account at a time, on any machine: the lock is the database's. A second sync
    // would only pull the same pages again, so it ends instead of waiting.
    QString holder;
    if (!team->beginSync(&holder)) {
        finish(EventExportJob::Failed,
            holder.isEmpty() ? QStringLiteral("emnify-events: %1").arg(team->lastError())
                             : QStringLiteral("emnify-events: another sync of this account into %1 is running (%2); "
                                              "this one exits without syncing")
                                   .arg(TeamArchive::displayUrl(m_options.archive), holder),
            m_log);
        return false;
    }
    m_team = team.get();
    m_archive = std::move(team);
    return true;
}

void ArchiveSyncJob::onBatch(qsizetype added)
{
    m_committed += added;
    // Said after each commit (at most twice a second): what a killed sync leaves in the archive.
    if (!m_options.quiet && m_sinceLastLog.elapsed() >= 500) {
        writeLine(m_log, QStringLiteral("committed %1 new events").arg(m_committed));
        m_sinceLastLog.restart();
    }
}

void ArchiveSyncJob::onSyncFinished(const ApiError &error, qsizetype added)
{
    if (m_team)
        m_team->endSync(added, error.isError() ? error.toString() : QString());
    const ArchiveStore::Info info = m_archive->info();
    const QString what = QStringLiteral("archived %1 new events (%2 .. %3), archive now %4 events")
                             .arg(ArchiveCommands::count(added), ArchiveCommands::day(std::max(m_range.from, info.oldestMs)),
                                 ArchiveCommands::day(m_range.until), ArchiveCommands::count(info.events));
    if (error.kind() == ApiError::Kind::Cancelled) {
        finish(EventExportJob::Interrupted, QStringLiteral("emnify-events: interrupted; %1").arg(what), m_log);
        return;
    }
    if (error.isError()) {
        finish(EventExportJob::Failed, QStringLiteral("emnify-events: %1; %2").arg(error.toString(), what), m_log);
        return;
    }
    finish(EventExportJob::Success, what, m_out);
}

void ArchiveSyncJob::finish(int exitCode, const QString &message, QIODevice *to)
{
    if (m_done)
        return;
    m_done = true;
    writeLine(to, message);
    if (to)
        to->waitForBytesWritten(-1);
    Q_EMIT finished(exitCode);
}
