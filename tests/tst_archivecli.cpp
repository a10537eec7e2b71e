// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
// emnify-events sync / archive info / export --archive / orders --archive as processes against
// emnify-sim on 127.0.0.1, and syncs killed with SIGKILL at a random moment.
#include "archive/eventarchive.h"

#include "pgtestdatabase.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

#include <algorithm>
#include <csignal>
#include <limits>

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
    void offlineExportWithoutArchive();
    void offlineFiltersMatchOnline_data();
    void offlineFiltersMatchOnline();
    void cleanupTestCase();
    void twoSyncsAtOnce();
    void killedSyncLosesNothingCommitted();
    void teamSyncExportOrdersInfo();
    void teamPasswordNeverOnTheCommandLine();
    void teamSecondSyncExits();
    void teamKilledSyncLosesNothingCommitted();

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

    // Starts emnify-events with arguments, kills it with SIGKILL at a random moment after it said
    // it committed events; *err: what it wrote to stderr. False when it had finished already.
    bool killMidway(const QStringList &arguments, QByteArray *err);
    [[nodiscard]] static qint64 reportedCommitted(const QByteArray &err); // its last "committed N"
    // The export of events (sorted lines: the archive and the API may order equal times differently).
    QByteArrayList exportLines(const QStringList &source, const QStringList &filter);

    QTemporaryDir m_dir;
    QProcess m_sim;
    // One archive synced once for every row of offlineFiltersMatchOnline, and its simulator.
    QTemporaryDir m_filterDir;
    QProcess m_filterSim;
    QString m_filterUrl;
    std::vector<Event> m_filterEvents;
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
    m_environment.insert(QStringLiteral("PGPASSWORD"), QString::fromLatin1(PgTestDatabase::password()));
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

void TestArchiveCli::offlineExportWithoutArchive()
{
    QByteArray out, err;
    QCOMPARE(run({ QStringLiteral("export"), QStringLiteral("--archive"), m_dir.filePath(QStringLiteral("x.sqlite")),
                     QStringLiteral("--type"), QStringLiteral("3"), QStringLiteral("--format"), QStringLiteral("csv"),
                     QStringLiteral("--output"), QStringLiteral("-") },
                 &out, &err),
        1);
    QVERIFY2(err.contains("x.sqlite"), err.constData());
    // No archive at all: said, not a crash.
    QCOMPARE(run({ QStringLiteral("archive"), QStringLiteral("info") }, &out, &err), 1);
    QVERIFY2(err.contains("no archive"), err.constData());
}

QByteArrayList TestArchiveCli::exportLines(const QStringList &source, const QStringList &filter)
{
    QByteArray out, err;
    const int status = run(QStringList { QStringLiteral("export") } + source + filter
            + QStringList { QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("--output"),
                QStringLiteral("-"), QStringLiteral("--quiet") },
        &out, &err);
    if (status != 0)
        qWarning("emnify-events exited %d: %s", status, err.constData());
    QByteArrayList lines = out.split('\n');
    lines.removeAll(QByteArray());
    if (!lines.isEmpty())
        lines.removeFirst(); // the header
    std::sort(lines.begin(), lines.end());
    return lines;
}

void TestArchiveCli::offlineFiltersMatchOnline_data()
{
    QTest::addColumn<QString>("option");
    QTest::addColumn<QString>("value"); // a fixed value, or empty: taken from an archived event
    QTest::addColumn<QStringList>("more"); // further filters, fixed

    QTest::newRow("type") << QStringLiteral("type") << QString() << QStringList();
    QTest::newRow("category") << QStringLiteral("category") << QStringLiteral("reseller_sim_order") << QStringList();
    QTest::newRow("severity") << QStringLiteral("severity") << QStringLiteral("warn") << QStringList();
    QTest::newRow("source") << QStringLiteral("source") << QStringLiteral("api") << QStringList();
    QTest::newRow("alert") << QStringLiteral("alert") << QStringLiteral("true") << QStringList();
    QTest::newRow("organisation name, other case") << QStringLiteral("organisation") << QString() << QStringList();
    QTest::newRow("organisation id") << QStringLiteral("organisation-id") << QString() << QStringList();
    QTest::newRow("endpoint") << QStringLiteral("endpoint") << QString() << QStringList();
    QTest::newRow("iccid prefix") << QStringLiteral("iccid") << QString() << QStringList();
    QTest::newRow("iccid exact") << QStringLiteral("iccid-exact") << QString() << QStringList();
    QTest::newRow("imsi") << QStringLiteral("imsi") << QString() << QStringList();
    QTest::newRow("imei") << QStringLiteral("imei") << QString() << QStringList();
    QTest::newRow("user") << QStringLiteral("user") << QString() << QStringList();
    QTest::newRow("description") << QStringLiteral("description") << QString() << QStringList();
    QTest::newRow("tags") << QStringLiteral("tags") << QString() << QStringList();
    QTest::newRow("ip address") << QStringLiteral("ip-address") << QString() << QStringList();
    QTest::newRow("two alternatives") << QStringLiteral("endpoint-two") << QString() << QStringList();
    QTest::newRow("severity and source and range")
        << QStringLiteral("severity") << QStringLiteral("info")
        << QStringList { QStringLiteral("--source"), QStringLiteral("network"), QStringLiteral("--from"),
               QStringLiteral("2000-01-01"), QStringLiteral("--until"), QStringLiteral("2100-01-01") };
}

// Every filter of the online export gives, from the archive, the events the API gives.
void TestArchiveCli::offlineFiltersMatchOnline()
{
    QFETCH(QString, option);
    QFETCH(QString, value);
    QFETCH(QStringList, more);
    const QString archive = m_filterDir.filePath(QStringLiteral("filters.sqlite"));
    if (m_filterEvents.empty()) {
        m_filterSim.start(Bin + QStringLiteral("/emnify-sim"),
            { QStringLiteral("--app-token"), QStringLiteral("cli-token"), QStringLiteral("--organisation"),
                QStringLiteral("42"), QStringLiteral("--generate"), QStringLiteral("4000"),
                QStringLiteral("--max-per-page"), QStringLiteral("1000") });
        QVERIFY(m_filterSim.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(m_filterSim.canReadLine(), 15000);
        const QByteArray banner = m_filterSim.readLine();
        m_filterUrl = QString::fromLatin1(banner.mid(banner.indexOf("http://")).trimmed());
        QCOMPARE(run({ QStringLiteral("sync"), QStringLiteral("--url"), m_filterUrl, QStringLiteral("--token-env"),
                     QStringLiteral("T"), QStringLiteral("--rate"), QStringLiteral("1000"), QStringLiteral("--archive"),
                     archive }),
            0);
        QString error;
        const auto store = EventArchive::openExisting(archive, &error);
        QVERIFY2(store, qPrintable(error));
        QVERIFY(store->read({ 0, std::numeric_limits<qint64>::max() }, EventScope::account(), [this](EventBatch &&batch) {
            for (Event &event : batch.toEvents())
                m_filterEvents.push_back(std::move(event));
            return true;
        }));
        QCOMPARE(m_filterEvents.size(), size_t(4000));
    }
    // A value from the middle of the archive, so that other events differ from it.
    const auto sample = [this](auto has) -> const Event * {
        for (size_t i = m_filterEvents.size() / 2; i < m_filterEvents.size(); ++i) {
            if (has(m_filterEvents[i]))
                return &m_filterEvents[i];
        }
        return nullptr;
    };
    QString name = option;
    if (value.isEmpty()) {
        const Event *e = nullptr;
        if (option == QLatin1String("type") && (e = sample([](const Event &) { return true; })))
            value = QString::number(e->type.id);
        else if (option == QLatin1String("organisation") && (e = sample([](const Event &) { return true; })))
            value = e->organisation.name.toUpper();
        else if (option == QLatin1String("organisation-id") && (e = sample([](const Event &) { return true; })))
            value = QString::number(e->organisation.id);
        else if (option.startsWith(QLatin1String("endpoint"))
            && (e = sample([](const Event &x) { return x.endpoint && !x.endpoint->name.isEmpty(); })))
            value = e->endpoint->name;
        else if (option.startsWith(QLatin1String("iccid")) && (e = sample([](const Event &x) { return x.sim.has_value(); })))
            value = option == QLatin1String("iccid") ? e->sim->iccid.left(16) : e->sim->iccid;
        else if (option == QLatin1String("imsi") && (e = sample([](const Event &x) { return x.imsi.has_value(); })))
            value = e->imsi->imsi;
        else if (option == QLatin1String("imei")
            && (e = sample([](const Event &x) { return x.endpoint && !x.endpoint->imei.isEmpty(); })))
            value = e->endpoint->imei;
        else if (option == QLatin1String("user")
            && (e = sample([](const Event &x) { return x.user && !x.user->username.isEmpty(); })))
            value = e->user->username;
        else if (option == QLatin1String("description") && (e = sample([](const Event &x) { return x.description.size() > 12; })))
            value = e->description.left(12);
        else if (option == QLatin1String("tags")
            && (e = sample([](const Event &x) { return x.endpoint && !x.endpoint->tags.isEmpty(); })))
            value = e->endpoint->tags.section(u',', 0, 0);
        else if (option == QLatin1String("ip-address")
            && (e = sample([](const Event &x) { return x.endpoint && !x.endpoint->ipAddress.isEmpty(); })))
            value = e->endpoint->ipAddress;
        QVERIFY2(!value.isEmpty(), "the simulated account has no event with this field");
        if (option == QLatin1String("endpoint-two")) {
            const QString first = value;
            e = sample([&](const Event &x) { return x.endpoint && !x.endpoint->name.isEmpty() && x.endpoint->name != first; });
            QVERIFY(e);
            value = first + QLatin1Char('|') + e->endpoint->name;
        }
        name = option.section(u'-', 0, option.startsWith(QLatin1String("ip-")) ? 1 : 0);
    }
    const QStringList filter = QStringList { QStringLiteral("--") + name, value } + more;
    const QByteArrayList online = exportLines(
        { QStringLiteral("--url"), m_filterUrl, QStringLiteral("--token-env"), QStringLiteral("T"), QStringLiteral("--rate"),
            QStringLiteral("1000") },
        filter);
    const QByteArrayList offline = exportLines({ QStringLiteral("--archive"), archive }, filter);
    QVERIFY2(!online.isEmpty(), qPrintable(filter.join(u' ')));
    QVERIFY2(online.size() < qsizetype(m_filterEvents.size()), "the filter must leave events out");
    QCOMPARE(offline.size(), online.size());
    QCOMPARE(offline, online);
}

void TestArchiveCli::cleanupTestCase()
{
    m_filterSim.kill();
    m_filterSim.waitForFinished();
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
    int killedMidway = 0;
    for (int i = 0; i < runs; ++i) {
        // Each run starts with an empty archive, so that every run has work left to be killed in.
        EventArchive::forget(path, nullptr);
        QByteArray err;
        killedMidway += killMidway(syncArgs(), &err) ? 1 : 0;
        const qint64 reported = reportedCommitted(err);

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

bool TestArchiveCli::killMidway(const QStringList &arguments, QByteArray *err)
{
    static QRandomGenerator random { quint32(QDateTime::currentMSecsSinceEpoch()) };
    QProcess sync;
    sync.setProcessEnvironment(m_environment);
    sync.start(Bin + QStringLiteral("/emnify-events"), arguments);
    if (!sync.waitForStarted())
        return false;
    // A random moment: after the first commit was reported (or the sync ended), 0-400 ms later.
    static_cast<void>(QTest::qWaitFor(
        [&] {
            return (*err += sync.readAllStandardError()).contains("committed") || sync.state() != QProcess::Running;
        },
        20000));
    QTest::qWait(int(random.bounded(400)));
    const bool running = sync.state() == QProcess::Running;
    // Never kill(0, ...): a finished process has pid 0, and that would be our process group.
    if (running && sync.processId() > 0)
        ::kill(pid_t(sync.processId()), SIGKILL);
    sync.waitForFinished();
    *err += sync.readAllStandardError();
    return running;
}

qint64 TestArchiveCli::reportedCommitted(const QByteArray &err)
{
    const QRegularExpression committed(QStringLiteral(R"(committed (\d+) new events)"));
    qint64 reported = 0;
    for (auto it = committed.globalMatch(QString::fromUtf8(err)); it.hasNext();)
        reported = it.next().captured(1).toLongLong();
    return reported;
}

void TestArchiveCli::teamSyncExportOrdersInfo()
{
    const QString team = PgTestDatabase::create("ev_cli_sync");
    QVERIFY(!team.isEmpty());
    startSimulator({ QStringLiteral("--generate"), QStringLiteral("3000"), QStringLiteral("--max-per-page"), QStringLiteral("500") });
    const QStringList toTeam { QStringLiteral("--archive"), team };
    QByteArray out, err;
    QCOMPARE(run(syncArgs() + toTeam, &out, &err), 0);
    QVERIFY2(out.startsWith("archived 3,000 new events"), (out + err).constData());
    QVERIFY2(out.contains("archive now 3,000 events"), out.constData());
    QCOMPARE(run(syncArgs() + toTeam, &out, &err), 0); // only what is new: nothing
    QVERIFY2(out.startsWith("archived 0 new events"), (out + err).constData());
    QCOMPARE(PgTestDatabase::queryInt(team, "SELECT count(*) FROM ev_event"), 3000);
    QCOMPARE(PgTestDatabase::queryInt(team, "SELECT count(*) FROM ev_sync WHERE finished_ms IS NOT NULL AND added = 0"), 1);

    QCOMPARE(run({ QStringLiteral("archive"), QStringLiteral("info"), QStringLiteral("--archive"), team }, &out, &err), 0);
    QVERIFY2(out.contains("events:   3,000\n"), out.constData());
    QVERIFY2(out.contains("organisation 42"), out.constData());
    QVERIFY2(!out.contains("ev_test@"), out.constData()); // the URL is shown without its user

    // The team archive's export and orders are the API's.
    const QStringList online { QStringLiteral("--url"), m_url, QStringLiteral("--token-env"), QStringLiteral("T"),
        QStringLiteral("--rate"), QStringLiteral("1000") };
    const QByteArrayList all = exportLines(online, {});
    QCOMPARE(all.size(), 3000);
    QCOMPARE(exportLines(toTeam, {}), all);
    const QStringList warnings { QStringLiteral("--severity"), QStringLiteral("warn") };
    const QByteArrayList some = exportLines(online, warnings);
    QVERIFY(!some.isEmpty() && some.size() < all.size());
    QCOMPARE(exportLines(toTeam, warnings), some);
    QByteArray onlineOrders, teamOrders;
    const QStringList csv { QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("--output"), QStringLiteral("-") };
    QCOMPARE(run(QStringList { QStringLiteral("orders") } + online + csv, &onlineOrders), 0);
    QCOMPARE(run(QStringList { QStringLiteral("orders") } + toTeam + csv, &teamOrders, &err), 0);
    QVERIFY(onlineOrders.count('\n') > 2);
    QCOMPARE(teamOrders, onlineOrders);
}

void TestArchiveCli::teamPasswordNeverOnTheCommandLine()
{
    QByteArray out, err;
    QCOMPARE(run(syncArgs() + QStringList { QStringLiteral("--archive"), QStringLiteral("postgresql://ev:Sup3rSecret@127.0.0.1/x") },
                 &out, &err),
        2);
    QVERIFY2(err.contains("PGPASSWORD") && err.contains(".pgpass"), err.constData());
    QVERIFY2(!(out + err).contains("Sup3rSecret"), err.constData());
    // A wrong password from the environment: refused by the server, and not printed.
    const QString team = PgTestDatabase::create("ev_cli_password");
    QVERIFY(!team.isEmpty());
    startSimulator({ QStringLiteral("--generate"), QStringLiteral("10") });
    m_environment.insert(QStringLiteral("PGPASSWORD"), QStringLiteral("Wr0ngPassw0rd"));
    QCOMPARE(run(syncArgs() + QStringList { QStringLiteral("--archive"), team }, &out, &err), 1);
    QVERIFY2(err.contains("password authentication failed"), err.constData());
    QVERIFY2(!(out + err).contains("Wr0ngPassw0rd"), err.constData());
}

void TestArchiveCli::teamSecondSyncExits()
{
    const QString team = PgTestDatabase::create("ev_cli_lock");
    QVERIFY(!team.isEmpty());
    startSimulator({ QStringLiteral("--generate"), QStringLiteral("6000"), QStringLiteral("--max-per-page"), QStringLiteral("100"),
        QStringLiteral("--latency-ms"), QStringLiteral("100") });
    QProcess first;
    first.setProcessEnvironment(m_environment);
    first.start(Bin + QStringLiteral("/emnify-events"), syncArgs() + QStringList { QStringLiteral("--archive"), team });
    QVERIFY(first.waitForStarted());
    // The second starts once the first holds the lock (it said it committed something).
    QByteArray firstErr;
    QTRY_VERIFY_WITH_TIMEOUT((firstErr += first.readAllStandardError()).contains("committed"), 20000);
    QByteArray out, err;
    QCOMPARE(run(syncArgs() + QStringList { QStringLiteral("--archive"), team }, &out, &err), 1);
    QVERIFY2(err.contains("another sync of this account into") && err.contains(" pid "), err.constData());
    QVERIFY2(err.contains("this one exits"), err.constData());
    QVERIFY(first.waitForFinished(60000));
    QCOMPARE(first.exitCode(), 0);
    QVERIFY(first.readAllStandardOutput().contains("archived 6,000 new events"));
    QCOMPARE(PgTestDatabase::queryInt(team, "SELECT count(*) FROM ev_event"), 6000);
}

// A sync into the team archive killed at random moments: every event it reported committed is
// there, exactly once (the primary key would refuse a second copy; count(DISTINCT) checks that
// no other id came along), and the next sync completes it.
void TestArchiveCli::teamKilledSyncLosesNothingCommitted()
{
    const QString team = PgTestDatabase::create("ev_cli_kill");
    QVERIFY(!team.isEmpty());
    startSimulator({ QStringLiteral("--generate"), QStringLiteral("12000"), QStringLiteral("--max-per-page"),
        QStringLiteral("100"), QStringLiteral("--latency-ms"), QStringLiteral("40") });
    // EV_CRASH_RUNS kills (2 by default; the issue's check is 10).
    const int runs = qEnvironmentVariableIsSet("EV_CRASH_RUNS") ? qEnvironmentVariableIntValue("EV_CRASH_RUNS") : 2;
    int killedMidway = 0;
    for (int i = 0; i < runs; ++i) {
        const qint64 before = std::max<qint64>(0, PgTestDatabase::queryInt(team, "SELECT count(*) FROM ev_event"));
        QByteArray err;
        killedMidway += killMidway(syncArgs() + QStringList { QStringLiteral("--archive"), team }, &err) ? 1 : 0;
        const qint64 reported = reportedCommitted(err);
        const qint64 archived = PgTestDatabase::queryInt(team, "SELECT count(*) FROM ev_event");
        QVERIFY2(archived - before >= reported, qPrintable(QStringLiteral("%1 < %2").arg(archived - before).arg(reported)));
        QCOMPARE(PgTestDatabase::queryInt(team, "SELECT count(DISTINCT id) FROM ev_event"), archived);
    }
    QVERIFY(killedMidway > 0);
    // The lock died with the killed process: the next sync runs and completes the archive.
    QByteArray out, err;
    QCOMPARE(run(syncArgs() + QStringList { QStringLiteral("--archive"), team }, &out, &err), 0);
    QCOMPARE(PgTestDatabase::queryInt(team, "SELECT count(*) FROM ev_event"), 12000);
}

QTEST_GUILESS_MAIN(TestArchiveCli)
#include "tst_archivecli.moc"
