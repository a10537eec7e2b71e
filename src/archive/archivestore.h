// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "api/eventquery.h"
#include "api/eventscope.h"
#include "archive/archiveaccount.h"
#include "archive/archivecoverage.h"
#include "archive/timeinterval.h"
#include "model/eventbatch.h"

#include <QString>

#include <functional>
#include <memory>
#include <optional>

// An archive of one account's events and of the spans of time it holds completely, whatever keeps
// it: a local SQLite file (EventArchive) or a team's PostgreSQL database (TeamArchive). ArchiveSync,
// the command line and the viewer's session work through this interface with either.
// Not a QObject; one object is used by one thread at a time (openAnother() gives a thread its own).
class ArchiveStore
{
public:
    struct Info
    {
        ArchiveAccount account;
        QString path; // the file, or the database (without credentials)
        qint64 events = 0;
        ArchiveCoverage coverage;
        qint64 oldestMs = 0, newestMs = 0; // 0 when empty
        qint64 bytesOnDisk = 0;
        qint64 redactedValues = 0; // secret values replaced by PayloadSecrets::RedactedMarker
    };

    ArchiveStore() = default;
    ArchiveStore(const ArchiveStore &) = delete;
    ArchiveStore &operator=(const ArchiveStore &) = delete;
    virtual ~ArchiveStore() = default;

    // One transaction each: the events not archived yet (by id) and, if given, the interval now
    // covered completely. Returns how many were added, -1 on failure (lastError()). Secret values in
    // payloads are replaced by PayloadSecrets' marker first.
    virtual qsizetype write(const EventBatch &batch, std::optional<TimeInterval> covered = {}) = 0;
    virtual bool markCovered(TimeInterval covered) = 0; // an interval that finished without events
    [[nodiscard]] virtual ArchiveCoverage coverage() const = 0;
    // The events of [range) of the scope that match filter (an EventQuery's fields other than
    // from/until, with EventQueryMatcher's meaning), newest first, in batches of about pageSize;
    // sink returns false to stop. Returns false on failure (lastError()).
    virtual bool read(TimeInterval range, const EventScope &scope, const EventQuery &filter,
        const std::function<bool(EventBatch &&)> &sink, qsizetype pageSize = 10000) const = 0;
    // How many events read() of the range hands out at most, so that a reader can make room for
    // them first (EventStore::reserve); 0 when the store cannot tell cheaply.
    [[nodiscard]] virtual qint64 eventsAtMost(TimeInterval range) const
    {
        Q_UNUSED(range);
        return 0;
    }
    // How many events read() of these arguments would hand out (a viewer's row limit says so);
    // -1 when the store cannot tell or on failure.
    [[nodiscard]] virtual qint64 count(TimeInterval range, const EventScope &scope, const EventQuery &filter) const
    {
        Q_UNUSED(range);
        Q_UNUSED(scope);
        Q_UNUSED(filter);
        return -1;
    }
    [[nodiscard]] virtual Info info() const = 0;
    [[nodiscard]] virtual const ArchiveAccount &account() const = 0;
    [[nodiscard]] virtual QString lastError() const = 0;
    // Another connection to the same archive, for another thread; nullptr and *error on failure.
    // May be called from any thread: it reads only what names the archive, fixed once it is open.
    [[nodiscard]] virtual std::unique_ptr<ArchiveStore> openAnother(QString *error) const = 0;
};
