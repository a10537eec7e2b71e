// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "api/apierror.h"
#include "archive/archiveaccount.h"
#include "archive/archivesync.h"
#include "cli/eventexportoptions.h"
#include "model/eventbatch.h"

#include <QElapsedTimer>
#include <QLockFile>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>

class EventApiClient;
class ArchiveStore;
class TeamArchive;
class QIODevice;
class QNetworkAccessManager;
class TokenStore;

// The archive side of emnify-events: finding the archive a command means, `archive info`, and
// reading an archive for an offline export.
namespace ArchiveCommands {

// Where a team archive's password is looked up (the viewer's "Remember the password in the
// keychain" puts it there): emnify-events' main() passes the keychain, a test its own store;
// nullptr (the default) is nowhere. One store for the process, as there is one keychain.
void setPasswordStore(TokenStore *store);
// The password remembered for a team archive's URL (TeamArchive::keychainAccount()); empty when
// there is none. It wins over PGPASSWORD and ~/.pgpass, which libpq reads when it is empty.
[[nodiscard]] QByteArray rememberedPassword(const QString &url);

// --archive PATH (a file, or a team archive's postgresql:// URL), or without a path the only
// archive in ArchiveAccount::defaultFolder().
[[nodiscard]] QString offlinePath(const EventExportOptions &options, QString *error);
// That archive, opened to read (a team archive's account: the only one, or the one of --url);
// nullptr and *error when it cannot be.
[[nodiscard]] std::unique_ptr<ArchiveStore> openExisting(const EventExportOptions &options, QString *error);
// `emnify-events archive info`: what the archive holds, to out. Returns the exit status.
[[nodiscard]] int info(const EventExportOptions &options, QIODevice *out, QIODevice *log);
// The archive's events of the options' range, scope and filters, batch by batch, newest first.
bool read(const EventExportOptions &options, const std::function<bool(EventBatch &&)> &sink, QString *error);
// "1,234": counts in messages, grouped the same in every locale (scripts read them).
[[nodiscard]] QString count(qint64 n);
[[nodiscard]] QString day(qint64 ms); // "2026-11-02"

} // namespace ArchiveCommands

// `emnify-events sync`: authenticates (the token names the account), takes the archive's sync
// lock (a second sync of the same local archive waits and says so; of the same account in a team
// archive, exits with a message: the first one will have done the work), then runs ArchiveSync over the
// range (default: the API's retention window) and prints one line of what it added. Progress
// lines on the log say how many events are committed so far.
class ArchiveSyncJob final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ArchiveSyncJob)

public:
    ArchiveSyncJob(QNetworkAccessManager *network, EventExportOptions options, QIODevice *log, QIODevice *out,
        QObject *parent = nullptr);
    ~ArchiveSyncJob() override;

    void start();
    void interrupt(); // SIGINT/SIGTERM: stop; what was committed stays archived

Q_SIGNALS:
    void finished(int exitCode);

private:
    void onAuthenticated();
    bool openLocalArchive(const ArchiveAccount &account); // false: finished with the reason
    bool openTeamArchive(const ArchiveAccount &account);
    void onBatch(qsizetype added);
    void onSyncFinished(const ApiError &error, qsizetype added);
    void finish(int exitCode, const QString &message, QIODevice *to);

    EventExportOptions m_options;
    QIODevice *m_log;
    QIODevice *m_out;
    std::unique_ptr<EventApiClient> m_client;
    std::unique_ptr<QLockFile> m_lock;
    std::unique_ptr<ArchiveStore> m_archive;
    TeamArchive *m_team = nullptr; // m_archive when it is a team archive
    std::unique_ptr<ArchiveSync> m_sync;
    TimeInterval m_range;
    qint64 m_committed = 0;
    QElapsedTimer m_sinceLastLog;
    bool m_done = false;
};
