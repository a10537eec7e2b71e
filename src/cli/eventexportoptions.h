// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "api/apiclientoptions.h"
#include "api/eventquery.h"
#include "api/eventscope.h"
#include "model/eventcolumns.h"

#include <QList>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

struct EventExportArguments;

// The command line of `emnify-events export`, parsed and checked. The application token is read
// from an environment variable (--token-env) or a file (--token-file), never from the arguments,
// so it does not show up in `ps` or the shell history.
struct EventExportOptions final
{
    enum class Format { Csv, JsonLines };
    // export (and orders, which main() turns into export), sync (into the archive), archive info.
    enum class Command { Export, Sync, ArchiveInfo };

    Command command = Command::Export;
    QString url;
    // --archive [PATH]: export reads the archive instead of the API; sync and archive info use it.
    // Empty with archiveSet: the default (the account's file; offline, the only one there is).
    QString archive;
    bool archiveSet = false;
    bool rangeSet = false; // --from/--until given (sync defaults to the API's retention window)
    QString token; // never printed
    EventQuery query;
    EventScope scope;
    QString sort = QStringLiteral("-timestamp,id");
    int perPage = 1000;
    int maxInFlight = 4;
    double ratePerSecond = 5.0;
    QList<EventColumns::Column> columns; // CSV; always starts with Id
    bool neutraliseFormulas = true;
    bool forExcel = false; // --excel: UTF-8 BOM, and "sep=," where the region's Excel expects ';'
    bool wholeEventPayload = false; // --payload event: the payload column holds the whole event
    bool keepSecrets = false; // --keep-secrets: no "<redacted>" for activation keys, tokens, JWTs
    Format format = Format::Csv;
    QString output; // a path, or "-" for standard output
    bool quiet = false; // no progress lines
    bool allowPartial = false; // unreadable events still give FILE and exit 0 (with a warning)

    // The client's options for these (page size, requests in flight, rate; raw text for JSON Lines).
    [[nodiscard]] ApiClientOptions clientOptions() const;
    // arguments as main() gets them, program name first: {"emnify-events", "export", ...}.
    [[nodiscard]] static EventExportArguments parse(
        const QStringList &arguments, const QProcessEnvironment &environment);
    [[nodiscard]] static QString usage(); // QCommandLineParser's help: every option, the exit codes
};

// What EventExportOptions::parse() made of a command line.
struct EventExportArguments final
{
    EventExportOptions options;
    QString error; // usage problem: print it with the usage text, exit 2
    bool helpRequested = false;
    bool versionRequested = false; // print "emnify-events VERSION", exit 0
    QString helpText;
};
