// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
// bench_teamarchiveview: the viewer's reads of a team archive (issue 15, item 3), through the same
// EventSession and EventTableModel the window uses, on a PostgreSQL 15 cluster it starts itself
// (tests/support/pgcluster, 127.0.0.1; removed at the end). With --total events archived (30 days
// of the account each round): a 7-day view of the whole account (time until the first rows are in
// the store, then the rate until all are), and one device over 30 days.
// Usage: bench_teamarchiveview [--total N] [--limit N]
#include "api/eventapiclient.h"
#include "model/eventbatchbuilder.h"
#include "session/eventsession.h"
#include "sim/accountgenerator.h"
#include "table/eventtablemodel.h"
#include "teamarchive/teamarchive.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QTemporaryDir>

#include <cstdio>

namespace {

constexpr qint64 Day = 24LL * 3600 * 1000;
const ArchiveAccount Account { QUrl(QStringLiteral("https://cdn.emnify.net")), QStringLiteral("1"), {} };

struct Timing
{
    double firstRowsMs = -1;
    double allMs = 0;
    qsizetype rows = 0;
};

// One load as the window starts it: rows counted as they enter the store.
Timing measure(
    EventSession *session, EventTableModel *model, const EventScope &scope, qint64 from, qint64 until)
{
    ViewRequest request;
    request.scope = scope;
    request.interval = { from, until };
    request.query.from = QDateTime::fromMSecsSinceEpoch(from, QTimeZone::utc());
    request.query.until = QDateTime::fromMSecsSinceEpoch(until, QTimeZone::utc());
    Timing timing;
    QElapsedTimer timer;
    QEventLoop loop;
    const auto appended = QObject::connect(model, &EventTableModel::storeRowsAppended, model, [&] {
        if (timing.firstRowsMs < 0)
            timing.firstRowsMs = timer.nsecsElapsed() / 1e6;
    });
    const auto finished = QObject::connect(session, &EventSession::loadFinished, &loop, [&] { loop.quit(); });
    timer.start();
    session->load(request);
    loop.exec();
    // The model may still hold the last batches while a filter job runs: wait until they are in.
    while (model->isBusy() || model->store().size() < session->progress().eventsReceived)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
    timing.allMs = timer.nsecsElapsed() / 1e6;
    timing.rows = model->store().size();
    QObject::disconnect(appended);
    QObject::disconnect(finished);
    return timing;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOptions({ { QStringLiteral("total"), QStringLiteral("Events archived."), QStringLiteral("n"),
                            QStringLiteral("1000000") },
        { QStringLiteral("limit"), QStringLiteral("The viewer's row limit."), QStringLiteral("n"),
            QStringLiteral("2000000") } });
    parser.process(app);
    const qsizetype total = parser.value(QStringLiteral("total")).toLongLong();

    QTemporaryDir state;
    const QString script = QStringLiteral(EV_PGCLUSTER);
    if (QProcess::execute(QStringLiteral("bash"), { script, QStringLiteral("start"), state.path() }) != 0)
        qFatal("cannot start a PostgreSQL cluster (%s)", qPrintable(script));
    QFile conninfo(state.filePath(QStringLiteral("conninfo"))),
        password(state.filePath(QStringLiteral("password")));
    if (!conninfo.open(QIODevice::ReadOnly) || !password.open(QIODevice::ReadOnly))
        qFatal("the cluster left no conninfo");
    qputenv("PGPASSWORD", password.readAll().trimmed());
    QString port;
    for (const QByteArray &p : conninfo.readAll().trimmed().split(' ')) {
        if (p.startsWith("port="))
            port = QString::fromLatin1(p.mid(5));
    }
    const QString url = QStringLiteral("postgresql://ev_test@127.0.0.1:%1/postgres").arg(port);
    const auto stopCluster = [&] {
        QProcess::execute(QStringLiteral("bash"), { script, QStringLiteral("stop"), state.path() });
    };

    QString error;
    auto archive = TeamArchive::open(url, Account, &error);
    if (!archive) {
        stopCluster();
        qFatal("%s", qPrintable(error));
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QElapsedTimer fill;
    fill.start();
    qsizetype archived = 0;
    for (int round = 0; archived < total; ++round) {
        const qsizetype n = std::min<qsizetype>(1'000'000, total - archived);
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
    std::printf("archived:           %lld events in %.0f s\n", qlonglong(archive->info().events),
        fill.elapsed() / 1000.0);

    {
        // Baseline: the archive's read alone (no session, no store), in the viewer's page size.
        QElapsedTimer timer;
        qsizetype rows = 0;
        double firstMs = -1;
        timer.start();
        archive->read({ now - 7 * Day, now + 1 }, EventScope::account(), {}, [&](EventBatch &&batch) {
            if (firstMs < 0)
                firstMs = timer.nsecsElapsed() / 1e6;
            rows += batch.size();
            return true;
        }, 4096);
        std::printf("baseline, TeamArchive::read alone: first page %.0f ms, %lld events at %.0f events/s\n", firstMs,
            qlonglong(rows), rows * 1e9 / double(timer.nsecsElapsed()));
    }
    {
        QNetworkAccessManager network;
        EventApiClient client(&network); // never used: an archive-only session reads no API
        EventTableModel model;
        EventSession session(&client, &model);
        session.useArchiveOnly(
            archive.get(), QStringLiteral("bench"), parser.value(QStringLiteral("limit")).toLongLong());
        const Timing week = measure(&session, &model, EventScope::account(), now - 7 * Day, now + 1);
        std::printf(
            "7 days, whole account: first rows in the table after %.0f ms (target <= 300), %lld events "
            "in %.0f ms: %.0f events/s (target >= 300,000)%s\n",
            week.firstRowsMs, qlonglong(week.rows), week.allMs, week.rows * 1000.0 / week.allMs,
            session.limitedTotal() ? " (row limit reached)" : "");
        qint64 device = -1;
        for (const Event &e : AccountGenerator::generate(2000, 1, now)) {
            if (e.endpoint) {
                device = e.endpoint->id;
                break;
            }
        }
        const Timing one = measure(&session, &model, EventScope::endpoint(device), now - 30 * Day, now + 1);
        std::printf(
            "one device, 30 days: %.1f ms for %lld events, first rows after %.1f ms (target <= 100)\n",
            one.allMs, qlonglong(one.rows), one.firstRowsMs);
        session.leaveArchiveOnly();
    }
    archive.reset();
    stopCluster();
    return 0;
}
