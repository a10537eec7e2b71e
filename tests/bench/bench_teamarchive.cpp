// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
// bench_teamarchive: the team archive on a PostgreSQL 15 cluster it starts itself (tests/support/
// pgcluster, on 127.0.0.1; removed at the end). Measures the sync's write rate (parsed pages of
// 1000 events, each one transaction with its coverage; baseline in the same run: parsing those
// pages), then with --total events archived: the first page (1000 rows) and the streaming rate of a
// 7-day query of the whole account, one device over 30 days, and five readers running during a
// sync (errors, duplicates, the sync's rate against running alone), twice: readers back-to-back
// (each reads 32 days of the account, then again, no pause: the strict variant) and readers as
// viewer users (a query of the viewer's: the first page of 7 days, a device over 30 days, the
// first page of a type over 7 days; then --think-ms showing it, in turn).
// The write's baseline in the same run: the same pages written the earlier way (staging table,
// INSERT ... ON CONFLICT; TeamArchive::WriteMethod::Staged) into a second account of the database,
// a page of it before each page of the measured way; --write-method staged measures that way
// throughout. The reads' baseline: the same read a page at a time (TeamArchive::ReadMode).
// The reads go where the viewer puts them: each page's batch appended to an EventStore.
// Usage: bench_teamarchive [--events N] [--total N] [--think-ms N] [--write-method direct|staged]
//        [--url postgresql://...] (then no cluster) [--read-only] (with --url: an archive this bench
//        filled before; no writes, the reads only, against its newest event) [--repeat N] (the
//        reads, each way in turn) [--search TEXT]... (7-day reads with the search in SQL) [--keep]
//        (the cluster stays, for EXPLAIN)
#include "api/eventjson.h"
#include "api/eventparser.h"
#include "model/eventbatchbuilder.h"
#include "model/eventstore.h"
#include "sim/accountgenerator.h"
#include "teamarchive/teamarchive.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <functional>
#include <set>
#include <span>
#include <thread>

namespace {

constexpr qint64 Day = 24LL * 3600 * 1000;
constexpr int PageSize = 1000;
std::atomic<int> duplicateIds { 0 }; // ids a reader got twice in one read
const ArchiveAccount Account { QUrl(QStringLiteral("https://cdn.emnify.net")), QStringLiteral("1"), {} };
const ArchiveAccount BaselineAccount { QUrl(QStringLiteral("https://cdn.emnify.net")), QStringLiteral("2"),
    {} };

double perSecond(qint64 n, qint64 ns) { return ns > 0 ? double(n) * 1e9 / double(ns) : 0; }

// Pages of the API's JSON, parsed as a pull parses them: what a sync hands the archive.
std::vector<EventBatch> parsedPages(qsizetype count, quint64 seed, qint64 now, qint64 *parseNs)
{
    std::vector<EventBatch> pages;
    std::vector<Event> page;
    QElapsedTimer timer;
    const auto flush = [&] {
        if (page.empty())
            return;
        const QByteArray json = EventJson::toJsonArray(page);
        timer.start();
        pages.push_back(EventParser::parse(json).batch);
        *parseNs += timer.nsecsElapsed();
        page.clear();
    };
    AccountGenerator::generate(count, seed, now, [&](Event &&e) {
        page.push_back(std::move(e));
        if (page.size() == PageSize)
            flush();
    });
    flush();
    return pages;
}

// Writes the pages as a sync does; returns the nanoseconds, *added the events new to the archive.
qint64 writePages(TeamArchive &archive, std::span<const EventBatch> pages, qsizetype *added)
{
    QElapsedTimer timer;
    timer.start();
    for (const EventBatch &batch : pages) {
        const TimeInterval covered { batch.timestampMs(0), batch.timestampMs(batch.size() - 1) + 1 };
        const qsizetype n = archive.write(batch, covered);
        if (n < 0)
            qFatal("write failed: %s", qPrintable(archive.lastError()));
        *added += n;
    }
    return timer.nsecsElapsed();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOptions({ { QStringLiteral("events"), QStringLiteral("Events of the write measurement."),
                            QStringLiteral("n"), QStringLiteral("200000") },
        { QStringLiteral("total"), QStringLiteral("Events archived for the query measurements."),
            QStringLiteral("n"), QStringLiteral("1000000") },
        { QStringLiteral("think-ms"), QStringLiteral("A viewer reader's pause after each query."),
            QStringLiteral("ms"), QStringLiteral("1000") },
        { QStringLiteral("write-method"), QStringLiteral("direct (default) or staged (the earlier way)."),
            QStringLiteral("method"), QStringLiteral("direct") },
        { QStringLiteral("url"),
            QStringLiteral("An existing database (empty) instead of a cluster of its own."),
            QStringLiteral("url") },
        { QStringLiteral("search"),
            QStringLiteral("Also a 7-day read with this search pushed down (repeatable)."),
            QStringLiteral("text") },
        { QStringLiteral("read-only"),
            QStringLiteral("With --url: the archive is filled already; only the reads are measured.") },
        { QStringLiteral("repeat"), QStringLiteral("Rounds of the reads."), QStringLiteral("n"),
            QStringLiteral("1") },
        { QStringLiteral("keep"),
            QStringLiteral(
                "Leave the cluster running at the end (its URL is printed) for EXPLAIN ANALYZE.") } });
    parser.process(app);
    const qsizetype events = parser.value(QStringLiteral("events")).toLongLong();
    const qsizetype total = std::max(events, qsizetype(parser.value(QStringLiteral("total")).toLongLong()));
    const int thinkMs = parser.value(QStringLiteral("think-ms")).toInt();
    const TeamArchive::WriteMethod method
        = parser.value(QStringLiteral("write-method")) == QLatin1String("staged")
        ? TeamArchive::WriteMethod::Staged
        : TeamArchive::WriteMethod::DirectCopy;

    QTemporaryDir state;
    QString url = parser.value(QStringLiteral("url"));
    const QString script = QStringLiteral(EV_PGCLUSTER);
    if (url.isEmpty()) {
        QElapsedTimer started;
        started.start();
        if (QProcess::execute(QStringLiteral("bash"), { script, QStringLiteral("start"), state.path() }) != 0)
            qFatal("cannot start a PostgreSQL cluster (%s)", qPrintable(script));
        QFile conninfo(state.filePath(QStringLiteral("conninfo"))),
            password(state.filePath(QStringLiteral("password")));
        if (!conninfo.open(QIODevice::ReadOnly) || !password.open(QIODevice::ReadOnly))
            qFatal("the cluster left no conninfo");
        qputenv("PGPASSWORD", password.readAll().trimmed());
        const QByteArrayList pairs = conninfo.readAll().trimmed().split(' ');
        QString port;
        for (const QByteArray &p : pairs) {
            if (p.startsWith("port="))
                port = QString::fromLatin1(p.mid(5));
        }
        url = QStringLiteral("postgresql://ev_test@127.0.0.1:%1/postgres").arg(port);
        std::printf("cluster started in %.1f s (PostgreSQL 15, fsync off as in the tests)\n",
            started.elapsed() / 1000.0);
    }
    const auto stopCluster = [&] {
        if (parser.isSet(QStringLiteral("keep"))) {
            std::printf("cluster kept: %s (PGPASSWORD in %s/password; stop: pgcluster stop %s)\n",
                qPrintable(url), qPrintable(state.path()), qPrintable(state.path()));
            state.setAutoRemove(false);
            return;
        }
        if (parser.value(QStringLiteral("url")).isEmpty())
            QProcess::execute(QStringLiteral("bash"), { script, QStringLiteral("stop"), state.path() });
    };

    QString error;
    auto archive = TeamArchive::open(url, Account, &error);
    if (!archive) {
        stopCluster();
        qFatal("%s", qPrintable(error));
    }
    archive->setWriteMethod(method);
    const bool readOnly = parser.isSet(QStringLiteral("read-only"));
    if (readOnly && parser.value(QStringLiteral("url")).isEmpty())
        qFatal("--read-only reads an archive filled before: give its --url");
    // Read-only: the reads end at the archive's newest event, as they end at the fill's now.
    const qint64 now = readOnly ? archive->info().newestMs + 1 : QDateTime::currentMSecsSinceEpoch();
    qint64 parseNs = 0;
    qsizetype added = 0;
    qint64 writeNs = 0;
    if (!readOnly) {
        // 1. The sync's write rate, against parsing the same pages and against the earlier way of
        // writing them (into a second account).
        const std::vector<EventBatch> pages = parsedPages(events, 1, now, &parseNs);
        qsizetype addedStaged = 0;
        auto baseline = TeamArchive::open(url, BaselineAccount, &error);
        if (!baseline)
            qFatal("%s", qPrintable(error));
        baseline->setWriteMethod(TeamArchive::WriteMethod::Staged);
        // Page by page in turn, the baseline's page first: both ways see the same table sizes and the
        // same moments of a shared machine's load.
        qint64 stagedNs = 0;
        for (const EventBatch &page : pages) {
            stagedNs += writePages(*baseline, std::span(&page, 1), &addedStaged);
            writeNs += writePages(*archive, std::span(&page, 1), &added);
        }
        std::printf("parse (baseline):   %9.0f events/s (%lld events in pages of %d)\n",
            perSecond(events, parseNs), qlonglong(events), PageSize);
        std::printf("sync write, staged (earlier way, baseline): %9.0f events/s (%lld added)\n",
            perSecond(addedStaged, stagedNs), qlonglong(addedStaged));
        std::printf("sync write, %s: %9.0f events/s (%lld added; target >= 100,000)\n",
            method == TeamArchive::WriteMethod::Staged ? "staged" : "direct COPY", perSecond(added, writeNs),
            qlonglong(added));
        // Written again: nothing new, nothing twice.
        qsizetype again = 0;
        const qint64 againNs = writePages(*archive, pages, &again);
        std::printf("sync write, all there already: %9.0f events/s (%lld added)\n",
            perSecond(qsizetype(pages.size()) * PageSize, againNs), qlonglong(again));

        // 2. Fill to `total`: older months of the same account (30 days each round), in big batches.
        qsizetype archived = added;
        QElapsedTimer filling;
        filling.start();
        for (int round = 1; archived < total; ++round) {
            const qsizetype n = std::min<qsizetype>(events, total - archived);
            std::vector<Event> chunk;
            AccountGenerator::generate(n, 1 + quint64(round), now - qint64(round) * 30 * Day, [&](Event &&e) {
                chunk.push_back(std::move(e));
                if (chunk.size() == 20000) {
                    archived += std::max<qsizetype>(0, archive->write(EventBatchBuilder::build(chunk)));
                    chunk.clear();
                }
            });
            archived += std::max<qsizetype>(0, archive->write(EventBatchBuilder::build(chunk)));
        }
        QProcess::execute(
            QStringLiteral("psql"), { url, QStringLiteral("-qc"), QStringLiteral("VACUUM ANALYZE") });
        std::printf("filled and analysed in %.0f s\n", filling.elapsed() / 1000.0);
    }
    const ArchiveStore::Info info = archive->info();
    std::printf("archived:           %lld events over %lld days\n", qlonglong(info.events),
        qlonglong((now - info.oldestMs) / Day));

    // 3. The viewer's queries, each page's batch appended to an EventStore as the viewer's session
    // does: 7 days of the account (first page, then all), one device over 30 days, a type over 7
    // days. Each way of reading (TeamArchive::ReadMode) in turn, the ways before it as baselines.
    struct Figures
    {
        double firstPageMs = -1, allMs = 0;
        qsizetype rows = 0;
    };
    const auto timedRead = [&](TeamArchive::ReadMode mode, TimeInterval range, const EventScope &scope,
                               const EventQuery &filter, EventStore *store) {
        archive->setReadMode(mode);
        Figures f;
        QElapsedTimer timer;
        timer.start();
        const bool ok = archive->read(
            range, scope, filter,
            [&](EventBatch &&batch) {
                store->append(batch);
                if (f.firstPageMs < 0)
                    f.firstPageMs = timer.nsecsElapsed() / 1e6;
                return true;
            },
            PageSize);
        f.allMs = timer.nsecsElapsed() / 1e6;
        if (!ok)
            qFatal("read failed: %s", qPrintable(archive->lastError()));
        f.rows = store->size();
        return f;
    };
    const std::pair<TeamArchive::ReadMode, const char *> modes[] = {
        { TeamArchive::ReadMode::OnePageAtATime, "one page at a time (baseline)" },
        { TeamArchive::ReadMode::Pipelined, "pipelined cursor (baseline)" },
        { TeamArchive::ReadMode::Copy, "binary COPY" },
    };
    const TimeInterval week { now - 7 * Day, now + 1 };
    // A device and a type of the newest events (the archive's own: read-only knows no generator seed).
    qint64 device = -1;
    int someType = -1;
    {
        EventStore newest;
        archive->read(
            week, EventScope::account(), {},
            [&](EventBatch &&batch) {
                newest.append(batch);
                return false;
            },
            PageSize);
        for (qsizetype row = 0; row < newest.size() && device < 0; ++row) {
            const Event e = newest.event(row);
            someType = someType < 0 ? e.type.id : someType;
            if (e.endpoint)
                device = e.endpoint->id;
        }
    }
    EventQuery byType;
    byType.types = { someType };
    const int repeat = std::max(1, parser.value(QStringLiteral("repeat")).toInt());
    for (int round = 1; round <= repeat; ++round) {
        std::printf("round %d of %d\n", round, repeat);
        for (const auto &[mode, name] : modes) {
            EventStore store;
            const Figures w = timedRead(mode, week, EventScope::account(), {}, &store);
            std::printf(
                "  7 days, whole account, %s: first page %.1f ms (target <= 300), %lld events into the "
                "store in %.0f ms at %.0f events/s (target >= 300,000)\n",
                name, w.firstPageMs, qlonglong(w.rows), w.allMs, perSecond(w.rows, qint64(w.allMs * 1e6)));
        }
        for (const auto &[mode, name] : modes) {
            EventStore store;
            const Figures d
                = timedRead(mode, { now - 30 * Day, now + 1 }, EventScope::endpoint(device), {}, &store);
            std::printf("  one device (%lld), 30 days, %s: %.1f ms for %lld events (target <= 100)\n",
                qlonglong(device), name, d.allMs, qlonglong(d.rows));
        }
        for (const auto &[mode, name] : modes) {
            EventStore store;
            const Figures t = timedRead(mode, week, EventScope::account(), byType, &store);
            std::printf("  type %d, 7 days, %s: first page %.1f ms, %lld events in %.1f ms\n", someType, name,
                t.firstPageMs, qlonglong(t.rows), t.allMs);
        }
        for (const QString &search : parser.values(QStringLiteral("search"))) {
            EventQuery q;
            q.search = search;
            for (const auto &[mode, name] : modes) {
                EventStore store;
                const Figures f = timedRead(mode, week, EventScope::account(), q, &store);
                std::printf(
                    "  search \"%s\" in SQL, 7 days, %s: first page %.1f ms, %lld events in %.1f ms\n",
                    qPrintable(search), name, f.firstPageMs, qlonglong(f.rows), f.allMs);
            }
        }
    }

    if (!readOnly) {
        // 4. Five readers while a sync writes new pages (the next 30 days' worth, ahead of now; then
        // the 30 days after for the second kind of reader).
        const double alone = perSecond(added, writeNs);
        const auto underLoad = [&](const char *what, quint64 seed, qint64 from,
                                   const std::function<bool(ArchiveStore &, int)> &query) {
            const std::vector<EventBatch> more = parsedPages(events, seed, from, &parseNs);
            std::atomic<bool> writing { true };
            std::atomic<int> errors { 0 }, reads { 0 };
            std::vector<std::thread> readers;
            for (int r = 0; r < 5; ++r) {
                readers.emplace_back([&, r] {
                    QString e;
                    auto reader = archive->openAnother(&e);
                    if (!reader) {
                        ++errors;
                        return;
                    }
                    for (int i = 0; writing; ++i) {
                        errors += query(*reader, r + i) ? 0 : 1;
                        ++reads;
                    }
                });
            }
            qsizetype addedUnderLoad = 0;
            const qint64 loadedNs = writePages(*archive, more, &addedUnderLoad);
            writing = false;
            for (std::thread &t : readers)
                t.join();
            const double loaded = perSecond(addedUnderLoad, loadedNs);
            std::printf("sync with 5 readers %s: %9.0f events/s (%.0f%% of alone; target >= 70%%), %d reads, "
                        "%d errors, "
                        "%d duplicates\n",
                what, loaded, alone > 0 ? 100 * loaded / alone : 0.0, reads.load(), errors.load(),
                duplicateIds.exchange(0));
        };
        // A read that counts the ids it saw twice.
        const auto checkedRead = [&](ArchiveStore &reader, TimeInterval range, const EventScope &scope,
                                     const EventQuery &filter, bool firstPageOnly) {
            std::set<qint64> ids;
            qsizetype n = 0;
            const bool ok = reader.read(
                range, scope, filter,
                [&](EventBatch &&batch) {
                    for (qsizetype i = 0; i < batch.size(); ++i)
                        ids.insert(batch.id(i));
                    n += batch.size();
                    return !firstPageOnly;
                },
                1000);
            duplicateIds += int(n - qsizetype(ids.size()));
            return ok;
        };
        underLoad("back-to-back (strict)", 99, now + 30 * Day, [&](ArchiveStore &reader, int) {
            return checkedRead(reader, { now - Day, now + 31 * Day }, EventScope::account(), {}, false);
        });
        underLoad(qPrintable(QStringLiteral("as viewer users (%1 ms after each query)").arg(thinkMs)), 199,
            now + 60 * Day, [&](ArchiveStore &reader, int turn) {
                const qint64 end = now + 61 * Day;
                bool ok = false;
                switch (turn % 3) {
                case 0:
                    ok = checkedRead(reader, { end - 7 * Day, end }, EventScope::account(), {}, true);
                    break;
                case 1:
                    ok = checkedRead(
                        reader, { end - 30 * Day, end }, EventScope::endpoint(device), {}, false);
                    break;
                default: {
                    EventQuery byType;
                    byType.types = { someType };
                    ok = checkedRead(reader, { end - 7 * Day, end }, EventScope::account(), byType, true);
                    break;
                }
                }
                // Showing it: the user reads the rows before the next query (not a wait in a test).
                std::this_thread::sleep_for(std::chrono::milliseconds(thinkMs));
                return ok;
            });
    }
    archive.reset();
    stopCluster();
    return 0;
}
