// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
// bench_archive: the archive's write rate during a pull (pages of 1000 parsed events, each page
// one transaction with its coverage), bytes per event on disk, opening the last 7 days of a small
// and a big archive of the same density (the big one spans ten times the history), and loading a
// whole archive into an EventStore, and the longest pause each costs the GUI thread (a page's
// write during a pull, one batch's EventStore::append while loading). Baselines in the same run:
// parsing the same events from API pages (the work every pull does per event, without the
// network), and the week's events loaded the way schema 1 did it (every event decoded to fields,
// then built into batches again: EventBatchBuilder, payloads recompressed, every key interned).
// Usage: bench_archive [--events N] [--big-factor F] [--folder DIR]
#include "api/eventjson.h"
#include "api/eventparser.h"
#include "archive/eventarchive.h"
#include "model/eventbatchbuilder.h"
#include "model/eventstore.h"
#include "sim/accountgenerator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

namespace {

constexpr qint64 Day = 24LL * 3600 * 1000;
constexpr int PageSize = 1000;
const ArchiveAccount Account { QUrl(QStringLiteral("https://cdn.emnify.net")), QStringLiteral("1"), {} };

double perSecond(qint64 n, qint64 ns)
{
    return ns > 0 ? double(n) * 1e9 / double(ns) : 0;
}

struct FillResult
{
    qint64 writeNs = 0; // in EventArchive::write
    qint64 maxWriteNs = 0; // the longest write of one page
    std::vector<qint64> pageNs; // every page's write
    [[nodiscard]] double percentileMs(double p) const
    {
        if (pageNs.empty())
            return 0;
        std::vector<qint64> sorted = pageNs;
        std::sort(sorted.begin(), sorted.end());
        return double(sorted[std::min(sorted.size() - 1, size_t(p * double(sorted.size())))]) / 1e6;
    }
    qint64 blocks = 0, secretBlocks = 0; // payload blocks, and those that may hold a secret
};

// rounds x 30 days of `perRound` events ending at now, written page by page as a pull would.
FillResult fill(EventArchive &archive, qsizetype perRound, int rounds, qint64 now, qint64 *parseNs)
{
    FillResult result;
    QElapsedTimer timer;
    for (int round = rounds - 1; round >= 0; --round) {
        const qint64 roundNow = now - qint64(round) * 30 * Day;
        std::vector<Event> page;
        page.reserve(PageSize);
        auto flush = [&] {
            if (page.empty())
                return;
            const QByteArray json = EventJson::toJsonArray(page);
            timer.start();
            ParseResult parsed = EventParser::parse(json);
            if (parseNs)
                *parseNs += timer.nsecsElapsed();
            const TimeInterval covered { page.front().timestampMs, page.back().timestampMs + 1 };
            for (const EventBatch::Block &block : parsed.batch.blocks())
                result.secretBlocks += block.mayHoldSecret;
            result.blocks += qint64(parsed.batch.blocks().size());
            timer.start();
            if (archive.write(parsed.batch, covered) < 0)
                qFatal("write failed: %s", qPrintable(archive.lastError()));
            const qint64 ns = timer.nsecsElapsed();
            result.writeNs += ns;
            result.maxWriteNs = std::max(result.maxWriteNs, ns);
            result.pageNs.push_back(ns);
            page.clear();
        };
        AccountGenerator::generate(perRound, 1 + quint64(round), roundNow, [&](Event &&e) {
            e.id += qint64(round) * 1'000'000'000LL; // distinct ids per round
            page.push_back(std::move(e));
            if (page.size() == PageSize)
                flush();
        });
        flush();
    }
    return result;
}

struct OpenResult
{
    qint64 ns = 0;
    qsizetype events = 0;
    qint64 maxAppendNs = 0; // the longest EventStore::append of one batch (on the GUI thread)
    qint64 baselineNs = 0; // the same events through the schema-1 read path's work
};

// Opens the archive and loads the range into a store, in the batches the session reads
// (ArchiveBatchEvents in src/session/eventsession.cpp). With a baseline, the batches are kept and
// loaded again afterwards the schema-1 way: decoded to events, rebuilt, appended.
// sessionBatch: 1024, slices of chunks of 4,096, as the session reads now; 4096: whole chunks,
// as it read before. (The pull writes chunks of its pages of 1,000, which neither slices.)
OpenResult openRange(const QString &path, TimeInterval range, bool baseline = false, qsizetype sessionBatch = 1024)
{
    OpenResult result;
    QElapsedTimer timer, append;
    timer.start();
    QString error;
    auto archive = EventArchive::openExisting(path, &error);
    if (!archive)
        qFatal("%s", qPrintable(error));
    EventStore store;
    store.reserve(qsizetype(archive->eventsAtMost(range))); // as the session does

    std::vector<EventBatch> kept;
    archive->read(range, {}, [&](EventBatch &&batch) {
        append.start();
        store.append(batch);
        result.maxAppendNs = std::max(result.maxAppendNs, append.nsecsElapsed());
        if (baseline)
            kept.push_back(std::move(batch));
        return true;
    }, sessionBatch);
    result.ns = timer.nsecsElapsed();
    result.events = store.size();
    if (baseline) {
        EventStore again;
        timer.start();
        again.reserve(result.events);
        for (const EventBatch &batch : kept)
            again.append(EventBatchBuilder::build(batch.toEvents()));
        result.baselineNs = timer.nsecsElapsed();
    }
    return result;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOptions({
        { QStringLiteral("events"), QStringLiteral("Events of the small archive (30 days)."), QStringLiteral("N"),
            QStringLiteral("1000000") },
        { QStringLiteral("big-factor"), QStringLiteral("The big archive: F times the history (0: skip)."),
            QStringLiteral("F"), QStringLiteral("10") },
        { QStringLiteral("folder"), QStringLiteral("Where the archives are written (default: a temporary folder)."),
            QStringLiteral("DIR") },
    });
    parser.process(app);
    const qsizetype events = parser.value(QStringLiteral("events")).toLongLong();
    const int bigFactor = parser.value(QStringLiteral("big-factor")).toInt();
    QTemporaryDir temporary;
    const QString folder = parser.isSet(QStringLiteral("folder")) ? parser.value(QStringLiteral("folder")) : temporary.path();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();

    QString error;
    const QString smallPath = folder + QStringLiteral("/small.sqlite");
    EventArchive::forget(smallPath, &error);
    qint64 parseNs = 0;
    {
        auto archive = EventArchive::open(smallPath, Account, &error);
        if (!archive)
            qFatal("%s", qPrintable(error));
        const FillResult filled = fill(*archive, events, 1, now, &parseNs);
        archive->prune(0, 0); // checkpoints the write-ahead log into the file
        const EventArchive::Info info = archive->info();
        std::printf("write during a pull:   %10.0f events/s  (%lld events in pages of %d, a transaction each)\n",
            perSecond(info.events, filled.writeNs), static_cast<long long>(info.events), PageSize);
        std::printf("  page write:          %10.1f ms longest, %.1f ms at the 99th percentile, %.1f ms median "
                    "(the GUI thread's pause during a pull)\n",
            double(filled.maxWriteNs) / 1e6, filled.percentileMs(0.99), filled.percentileMs(0.5));
        std::printf("  blocks redacted:     %10lld of %lld (may hold a secret)\n",
            static_cast<long long>(filled.secretBlocks), static_cast<long long>(filled.blocks));
        std::printf("baseline: page parse:  %10.0f events/s  (EventParser on the same pages)\n",
            perSecond(info.events, parseNs));
        {
            // The same write with SQLite's own checkpoint inside the commit that crosses 1,000
            // pages, instead of the archive's checkpoint thread.
            const QString basePath = folder + QStringLiteral("/baseline.sqlite");
            EventArchive::forget(basePath, &error);
            auto base = EventArchive::open(basePath, Account, &error);
            if (!base)
                qFatal("%s", qPrintable(error));
            base->setBackgroundCheckpoints(false);
            qint64 ignored = 0;
            const FillResult baseFilled = fill(*base, events, 1, now, &ignored);
            std::printf("baseline: the same write, checkpoints in the commit: %10.0f events/s, page write %.1f ms "
                        "longest, %.1f ms at the 99th percentile\n",
                perSecond(base->info().events, baseFilled.writeNs), double(baseFilled.maxWriteNs) / 1e6,
                baseFilled.percentileMs(0.99));
            base.reset();
            EventArchive::forget(basePath, &error);
        }
        std::printf("on disk:               %10.1f bytes/event (%lld bytes, payloads included)\n",
            double(info.bytesOnDisk) / double(info.events), static_cast<long long>(info.bytesOnDisk));
    }
    const TimeInterval week { now - 7 * Day, now + 1 };
    const OpenResult smallWeek = openRange(smallPath, week, true);
    std::printf("last 7 days, %lld-event archive: %8.1f ms (%lld events; longest append %.1f ms)\n",
        static_cast<long long>(events), double(smallWeek.ns) / 1e6, static_cast<long long>(smallWeek.events),
        double(smallWeek.maxAppendNs) / 1e6);
    std::printf("baseline: the same week decoded and rebuilt (schema 1's read work, file reads excluded): %8.1f ms\n",
        double(smallWeek.baselineNs) / 1e6);
    {
        // Where the load's time goes: the same read without the store.
        QElapsedTimer timer;
        timer.start();
        auto archive = EventArchive::openExisting(smallPath, &error);
        qsizetype read = 0;
        archive->read({ 0, now + 1 }, {}, [&](EventBatch &&batch) {
            read += batch.liveCount();
            return true;
        });
        std::printf("whole archive, chunks read without a store: %8.1f ms (%lld events)\n", double(timer.nsecsElapsed()) / 1e6,
            static_cast<long long>(read));
    }
    const OpenResult all = openRange(smallPath, { 0, now + 1 });
    std::printf("whole archive into an EventStore: %10.0f events/s (%lld events, %.1f ms; longest append %.1f ms)\n",
        perSecond(all.events, all.ns), static_cast<long long>(all.events), double(all.ns) / 1e6,
        double(all.maxAppendNs) / 1e6);
    const OpenResult whole = openRange(smallPath, { 0, now + 1 }, false, 4096);
    std::printf("baseline: the same in whole chunks of 4,096: %10.0f events/s (%.1f ms; longest append %.1f ms)\n",
        perSecond(whole.events, whole.ns), double(whole.ns) / 1e6, double(whole.maxAppendNs) / 1e6);

    if (bigFactor > 1) {
        const QString bigPath = folder + QStringLiteral("/big.sqlite");
        EventArchive::forget(bigPath, &error);
        {
            auto archive = EventArchive::open(bigPath, Account, &error);
            if (!archive)
                qFatal("%s", qPrintable(error));
            const FillResult filled = fill(*archive, events, bigFactor, now, nullptr);
            archive->prune(0, 0);
            const EventArchive::Info info = archive->info();
            std::printf("big archive: %lld events over %d days written at %.0f events/s (longest page %.1f ms), "
                        "%.1f bytes/event\n",
                static_cast<long long>(info.events), 30 * bigFactor, perSecond(info.events, filled.writeNs),
                double(filled.maxWriteNs) / 1e6, double(info.bytesOnDisk) / double(info.events));
        }
        const OpenResult bigWeek = openRange(bigPath, week);
        std::printf("last 7 days, %lld-event archive: %8.1f ms (%lld events), %.2fx the small archive's\n",
            static_cast<long long>(events) * bigFactor, double(bigWeek.ns) / 1e6,
            static_cast<long long>(bigWeek.events), double(bigWeek.ns) / double(std::max<qint64>(1, smallWeek.ns)));
    }
    return 0;
}
