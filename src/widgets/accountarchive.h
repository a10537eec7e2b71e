// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "archive/archiveaccount.h"
#include "archive/eventarchive.h"

#include <QObject>
#include <QString>

#include <memory>
#include <optional>

// The archive of the account the viewer shows: opened when the account is chosen (and its
// organisation known), closed when another is; and the work on archive files that must not block
// the GUI thread (pruning, reading their size and coverage), each on a job thread with its own
// EventArchive object (the file allows several; one object is used by one thread at a time).
// Lives on the GUI thread; its results arrive there.
class AccountArchive final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AccountArchive)

public:
    struct FileInfo
    {
        QString path;
        bool exists = false;
        EventArchive::Info info; // when exists and readable
        QString error; // why it could not be read
    };

    explicit AccountArchive(QObject *parent = nullptr);
    ~AccountArchive() override;

    // Where the archives are (ArchiveAccount::defaultFolder() unless set: the demo and tests).
    void setFolder(const QString &folder);
    [[nodiscard]] QString folder() const { return m_folder; }
    [[nodiscard]] QString pathOf(const ArchiveAccount &account) const;

    // Opens (or creates) this account's archive in place of the current one. On failure none is
    // open and *error says why (a corrupt file has been moved aside by then).
    bool open(const ArchiveAccount &account, QString *error);
    void close();
    [[nodiscard]] EventArchive *archive() const { return m_archive.get(); }
    [[nodiscard]] std::optional<ArchiveAccount> account() const { return m_account; }
    [[nodiscard]] QString path() const { return m_archive ? m_path : QString(); }

    // Removes events older than olderThanMs, then the oldest beyond maxBytes (0: no limit), on a
    // job thread; pruned() follows on this thread.
    void prune(const QString &path, qint64 olderThanMs, qint64 maxBytes);
    // The size, events and coverage of these files, read on a job thread; infoRead() follows.
    void readInfo(const QStringList &paths);
    // Deletes the file (closing it first when it is the current one, which then starts empty).
    bool forget(const QString &path, QString *error);

    // The cut-off for "keep N months" as of nowMs.
    [[nodiscard]] static qint64 retentionCutoff(int months, qint64 nowMs);

Q_SIGNALS:
    void archiveChanged(EventArchive *archive); // nullptr: none open
    void pruned(const QString &path, qsizetype removed, const QString &error);
    void infoRead(const QList<AccountArchive::FileInfo> &files);
    void currentForgotten(); // the shown account's archive is empty now

private:
    QString m_folder;
    QString m_path;
    std::optional<ArchiveAccount> m_account;
    std::unique_ptr<EventArchive> m_archive;
};
