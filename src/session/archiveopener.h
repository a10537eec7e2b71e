// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "archive/archivestore.h"

#include <QObject>
#include <QString>

#include <future>
#include <memory>
#include <optional>
#include <vector>

class TokenStore;

// Opens an archive for the viewer to read on its own (File > Open team archive…, --archive): a
// team archive's postgresql:// URL, or a local archive file. Nothing is created or upgraded
// (openExisting()). Connecting can take seconds (libpq's connect timeout), so it runs on a job
// thread; opened() or failed() follow on this object's thread. Holds the open archive until the
// next open() or close(). Lives on the GUI thread.
//
// A team archive's password: typed (then, if asked, remembered in the token store once the
// archive opened with it), else the token store's entry for the URL (TeamArchive::keychainAccount()),
// else whatever libpq finds (PGPASSWORD, ~/.pgpass). It never goes into a message or the name.
class ArchiveOpener final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ArchiveOpener)

public:
    // tokens: where team archive passwords are remembered (the keychain); nullptr: nowhere.
    explicit ArchiveOpener(TokenStore *tokens = nullptr, QObject *parent = nullptr);
    ~ArchiveOpener() override;

    void open(const QString &urlOrFile, const QString &password = {}, bool remember = false);
    // Closes the open archive (its readers must be gone: EventSession::leaveArchiveOnly() first).
    void close();
    [[nodiscard]] bool isOpening() const { return m_pending > 0; }
    [[nodiscard]] ArchiveStore *archive() const { return m_archive.get(); }
    [[nodiscard]] bool isTeamArchive() const { return m_team; }
    // "<db>@<host>" for a team archive, the file name for a file: never a user name or password.
    [[nodiscard]] const QString &name() const { return m_name; }
    // The end of the newest span the archive holds completely: "synced until".
    [[nodiscard]] std::optional<qint64> syncedUntilMs() const { return m_syncedUntilMs; }

    [[nodiscard]] static QString nameOf(const QString &urlOrFile);

Q_SIGNALS:
    void opened();
    void failed(const QString &error);
    // After opened(): the typed password could not be remembered (why, for people).
    void passwordNotRemembered(const QString &why);

private:
    void start(quint64 generation, const QString &urlOrFile, const QByteArray &password, bool remember);

    TokenStore *m_tokens;
    std::shared_ptr<ArchiveStore> m_archive;
    QString m_name;
    bool m_team = false;
    std::optional<qint64> m_syncedUntilMs;
    quint64 m_generation = 0; // an open() overtaken by another is dropped
    int m_pending = 0;
    std::vector<std::future<void>> m_jobs; // waited for before this object goes: they post to it
};
