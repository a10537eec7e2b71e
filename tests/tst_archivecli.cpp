// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
// emnify-events sync / archive info / export --archive / orders --archive as processes against
// emnify-sim on 127.0.0.1, and syncs killed with SIGKILL at a random moment.
#include "archive/eventarchive.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

#include <csignal>

namespace {

const QString Bin = QStringLiteral(EV_APP_BIN_DIR);

qint64 queryInt(const QString &path, const char *sql)
{
    sqlite3 *db = nullptr;
    qint64 value = -1;
    if (sqlite3_open_v2(QFile::encodeName(path).constData(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
        sqlite3_stmt *s = nullptr;
        if (sqlite3_prepare_v2(db, sql, -1, &s, nullptr) == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW)
            value = sqlite3_column_int64(s, 0);
        sqlite3_finalize(s);
    }
    sqlite3_close(db);
    return value;
}

QString integrity(const QString &path)
{
    sqlite3 *db = nullptr;
    QString result;
    if (sqlite3_open_v2(QFile::encodeName(path).constData(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
        sqlite3_stmt *s = nullptr;
        if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &s, nullptr) == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW)
            result = QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(s, 0)));
        sqlite3_finalize(s);
    }
    sqlite3_close(db);
    return result;
}

} // namespace

class TestArchiveCli final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void syncThenInfo();
    void exportAndOrdersFromArchive();
    void offlineExportRefusesOtherFilters();
    void twoSyncsAtOnce();
    void killedSyncLosesNothingCommitted();

private:
    void startSimulator(const QStringList &extra);
    // Runs emnify-events with the test's environment; returns its exit code.
    int run(const QStringList &arguments, QByteArray *out = nullptr, QByteArray *err = nullptr);
    [[nodiscard]] QStringList syncArgs() const
    {
        return { QStringLiteral("sync"), QStringLiteral("--url"), m_url, QStringLiteral("--token-env"),
            QStringLiteral("T"), QStringLiteral("--rate"), QStringLiteral("1000") };
    }
    [[nodiscard]] QString defaultArchive() const
    {
        return m_dir.filePath(QStringLiteral("data/emnify-event-viewer/emnify-event-viewer/archives/127.0.0.1-%1-42.sqlite")
                                  .arg(QUrl(m_url).port()));
    }

    QTemporaryDir m_dir;
    QProcess m_sim;
    QString m_url;
    QProcessEnvironment m_environment;
};

void TestArchiveCli::init()
{
    QVERIFY(m_dir.isValid());
    QDir(m_dir.path()).removeRecursively();
    QDir().mkpath(m_dir.path());
    m_environment = QProcessEnvironment::systemEnvironment();
    m_environment.insert(QStringLiteral("T"), QStringLiteral("cli-token"));
    m_environment.insert(QStringLiteral("HOME"), m_dir.path());
    m_environment.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("data")));
}

void TestArchiveCli::cleanup()
{
    m_sim.kill();
    m_sim.waitForFinished();
}

void TestArchiveCli::startSimulator(const QStringList &extra)
{
    m_sim.start(Bin + QStringLiteral("/emnify-sim"),
        QStringList { QStringLiteral("--app-token"), QStringLiteral("cli-token"), QStringLiteral("--organisation"),
            QStringLiteral("42") }
            + extra);
    QVERIFY(m_sim.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(m_sim.canReadLine(), 15000);
    const QByteArray banner = m_sim.readLine();
    m_url = QString::fromLatin1(banner.mid(banner.indexOf("http://")).trimmed());
    QVERIFY2(m_url.startsWith(QStringLiteral("http://127.0.0.1:")), banner.constData());
}

int TestArchiveCli::run(const QStringList &arguments, QByteArray *out, QByteArray *err)
{
    QProcess cli;
    cli.setProcessEnvironment(m_environment);
    cli.start(Bin + QStringLiteral("/emnify-events"), arguments);
    if (!cli.waitForFinished(60000))
        return -1;
    if (out)
        *out = cli.readAllStandardOutput();
    if (err)
        *err = cli.readAllStandardError();
    return cli.exitCode();
}

void TestArchiveCli::syncThenInfo()
{
    startSimulator({ QStringLiteral("--generate"), QStringLiteral("2000"), QStringLiteral("--max-per-page"), QStringLiteral("500") });
    QByteArray out, err;
    QCOMPARE(run(syncArgs(), &out, &err), 0);
    const QRegularExpression line(QStringLiteral(
        R"(^archived 2,000 new events \(\d{4}-\d\d-\d\d \.\. \d{4}-\d\d-\d\d\), archive now 2,000 events\n$)"));
    QVERIFY2(line.match(QString::fromUtf8(out)).hasMatch(), out.constData());
    QVERIFY(QFile::exists(defaultArchive()));
    QCOMPARE(QFile::permissions(defaultArchive()) & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());

    // Again: only the minutes since the last sync are asked for, nothing new is there.
    QCOMPARE(run(syncArgs(), &out, &err), 0);
    QVERIFY2(out.startsWith("archived 0 new events"), out.constData());
    QVERIFY2(out.contains("archive now 2,000 events"), out.constData());

    QCOMPARE(run({ QStringLiteral("archive"), QStringLiteral("info") }, &out, &err), 0);
    QVERIFY2(out.contains("events:   2,000\n"), out.constData());
    QVERIFY2(out.contains(defaultArchive().toUtf8()), out.constData());
    QVERIFY2(out.contains("organisation 42"), out.constData());
    QVERIFY2(out.contains("covered:"), out.constData());

    // A file that is no archive: a clear message, a failure, the file kept aside.
    const QString notes = m_dir.filePath(QStringLiteral("notes.sqlite"));
    QFile file(notes);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("my notes\n");
    file.close();
    QCOMPARE(run({ QStringLiteral("archive"), QStringLiteral("info"), QStringLiteral("--archive"), notes }, &out, &err), 1);
    QVERIFY2(err.contains("not an SQLite database"), err.constData());
    QVERIFY(QFile::exists(notes)); // reading moves nothing
}

void TestArchiveCli::exportAndOrdersFromArchive()
{
    startSimulator({ QStringLiteral("--generate"), QStringLiteral("3000"), QStringLiteral("--max-per-page"), QStringLiteral("1000") });
    QCOMPARE(run(syncArgs()), 0);
    const QString csv = m_dir.filePath(QStringLiteral("events.csv"));
    QByteArray out, err;
    // --archive alone: the only archive there is.
    QCOMPARE(run({ QStringLiteral("export"), QStringLiteral("--archive"), QStringLiteral("--format"), QStringLiteral("csv"),
                     QStringLiteral("--output"), csv, QStringLiteral("--columns"), QStringLiteral("time") },
                 &out, &err),
        0);
    QFile file(csv);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll().count('\n'), 3001); // the header and every event
    file.close();

    // SIM orders folded from the archive are the orders the API gives.
    const QString online = m_dir.filePath(QStringLiteral("online.csv"));
    const QString offline = m_dir.filePath(QStringLiteral("offline.csv"));
    QCOMPARE(run({ QStringLiteral("orders"), QStringLiteral("--url"), m_url, QStringLiteral("--token-env"), QStringLiteral("T"),
                     QStringLiteral("--rate"), QStringLiteral("1000"), QStringLiteral("--format"), QStringLiteral("csv"),
                     QStringLiteral("--output"), online }),
        0);
    QCOMPARE(run({ QStringLiteral("orders"), QStringLiteral("--archive"), defaultArchive(), QStringLiteral("--format"),
                     QStringLiteral("csv"), QStringLiteral("--output"), offline },
                 &out, &err),
        0);
    QFile a(online), b(offline);
    QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
    const QByteArray onlineCsv = a.readAll();
    QVERIFY(onlineCsv.count('\n') > 2);
    QCOMPARE(b.readAll(), onlineCsv);
}

void TestArchiveCli::offlineExportRefusesOtherFilters()
{
    QByteArray out, err;
    QCOMPARE(run({ QStringLiteral("export"), QStringLiteral("--archive"), m_dir.filePath(QStringLiteral("x.sqlite")),
                     QStringLiteral("--type"), QStringLiteral("3"), QStringLiteral("--format"), QStringLiteral("csv"),
                     QStringLiteral("--output"), QStringLiteral("-") },
                 &out, &err),
        2);
    QVERIFY2(err.contains("only --from/--until and --scope"), err.constData());
    // No archive at all: said, not a crash.
    QCOMPARE(run({ QStringLiteral("archive"), QStringLiteral("info") }, &out, &err), 1);
    QVERIFY2(err.contains("no archive"), err.constData());
}

void TestArchiveCli::twoSyncsAtOnce()
{
    // Slow pages, so that the first sync still runs when the second starts.
    startSimulator({ QStringLiteral("--generate"), QStringLiteral("3000"), QStringLiteral("--max-per-page"), QStringLiteral("100"),
        QStringLiteral("--latency-ms"), QStringLiteral("60") });
    QProcess first, second;
    for (QProcess *p : { &first, &second }) {
        p->setProcessEnvironment(m_environment);
        p->start(Bin + QStringLiteral("/emnify-events"), syncArgs());
        QVERIFY(p->waitForStarted());
    }
    QVERIFY(first.waitForFinished(60000) && second.waitForFinished(60000));
    QCOMPARE(first.exitCode(), 0);
    QCOMPARE(second.exitCode(), 0);
    const QByteArray errors = first.readAllStandardError() + second.readAllStandardError();
    QVERIFY2(errors.contains("another sync of"), errors.constData());
    const QByteArray outs = first.readAllStandardOutput() + second.readAllStandardOutput();
    QVERIFY2(outs.contains("archived 3,000 new events"), outs.constData());
    QVERIFY2(outs.contains("archived 0 new events"), outs.constData()); // the second found it done
    QCOMPARE(integrity(defaultArchive()), QStringLiteral("ok"));
    QCOMPARE(queryInt(defaultArchive(), "SELECT SUM(count) FROM chunk"), 3000);
}

// A sync killed at a random moment (EV_CRASH_RUNS times, 3 by default): the file stays intact
// and holds every event the process reported committed, exactly once.
void TestArchiveCli::killedSyncLosesNothingCommitted()
{
    const int runs = qEnvironmentVariableIsSet("EV_CRASH_RUNS") ? qEnvironmentVariableIntValue("EV_CRASH_RUNS") : 3;
    // 200 pages of 30 ms or more: a sync lasts seconds even on an idle machine, so the kill lands
    // midway (at 250 per page and 10 ms a quiet machine finished before the kill).
    startSimulator({ QStringLiteral("--generate"), QStringLiteral("20000"), QStringLiteral("--max-per-page"),
        QStringLiteral("100"), QStringLiteral("--latency-ms"), QStringLiteral("30") });
    const QString path = defaultArchive();
    QRandomGenerator random { quint32(QDateTime::currentMSecsSinceEpoch()) };
    int killedMidway = 0;
    for (int i = 0; i < runs; ++i) {
        // Each run starts with an empty archive, so that every run has work left to be killed in.
        EventArchive::forget(path, nullptr);
        QProcess sync;
        sync.setProcessEnvironment(m_environment);
        sync.start(Bin + QStringLiteral("/emnify-events"), syncArgs());
        QVERIFY(sync.waitForStarted());
        // A random moment: after the first commit was reported, 0-400 ms later.
        QByteArray err;
        QTRY_VERIFY_WITH_TIMEOUT((err += sync.readAllStandardError()).contains("committed") || sync.state() != QProcess::Running, 20000);
        QTest::qWait(int(random.bounded(400)));
        const bool running = sync.state() == QProcess::Running;
        // Never kill(0, ...): a finished process has pid 0, and that would be our process group.
        if (running && sync.processId() > 0)
            ::kill(pid_t(sync.processId()), SIGKILL);
        sync.waitForFinished();
        err += sync.readAllStandardError();
        killedMidway += running ? 1 : 0;
        const QRegularExpression committed(QStringLiteral(R"(committed (\d+) new events)"));
        qint64 reported = 0;
        for (auto it = committed.globalMatch(QString::fromUtf8(err)); it.hasNext();)
            reported = it.next().captured(1).toLongLong();

        QCOMPARE(integrity(path), QStringLiteral("ok"));
        const qint64 archived = queryInt(path, "SELECT SUM(count) FROM chunk");
        QVERIFY2(archived >= reported, qPrintable(QStringLiteral("%1 < %2").arg(archived).arg(reported)));
        QCOMPARE(queryInt(path, "SELECT count(*) FROM event_id"), archived); // each event once
        QString error;
        QVERIFY2(EventArchive::open(path, { QUrl(m_url), QStringLiteral("42"), {} }, &error), qPrintable(error));
    }
    QVERIFY(killedMidway > 0);
    // A sync after the last kill completes the archive.
    QByteArray out;
    QCOMPARE(run(syncArgs(), &out), 0);
    QCOMPARE(queryInt(path, "SELECT count(*) FROM event_id"), 20000);
}

QTEST_GUILESS_MAIN(TestArchiveCli)
#include "tst_archivecli.moc"
