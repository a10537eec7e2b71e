// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "cli/eventexportjob.h"
#include "cli/eventexportoptions.h"
#include "fakeemnifyserver.h"
#include "model/eventtypecatalogue.h"
#include "sim/emnifysimulator.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <tuple>

#include <signal.h>

class TestEmnifyEvents : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void parseArguments_data();
    void parseArguments();
    void categoryExpandsToTypes();
    void exportCsv();
    void exportJsonLines();
    void failureKeepsPartialFile();
    void endToEndProcesses();

    // Against the hostile server (issue 10): missing events, files and messages
    void unreadableEventsAreNotSuccess_data();
    void unreadableEventsAreNotSuccess();
    void symlinkAtPartIsNotFollowed();
    void noPartFileAfterEarlyFailure_data();
    void noPartFileAfterEarlyFailure();
    void messagesNameTheCause_data();
    void messagesNameTheCause();
    void shortfallIsReported();
    void rateLimitWaitIsReported();
    void interruptedBySignal_data();
    void interruptedBySignal();
    void brokenPipeIsQuiet();
    void fullDiskIsNamed_data();
    void fullDiskIsNamed();
    // The command lines (issue 14)
    void helpAndVersion();

private:
    QTemporaryDir m_dir;
};

namespace {

QStringList args(const QString &line)
{
    return QStringList { QStringLiteral("emnify-events") } + line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

QProcessEnvironment tokenEnvironment()
{
    QProcessEnvironment environment;
    environment.insert(QStringLiteral("EMNIFY_TOKEN"), QStringLiteral("sim-token"));
    return environment;
}

std::vector<qint64> sortedIds(const EmnifySimulator &simulator)
{
    std::vector<qint64> ids = simulator.eventIds();
    std::sort(ids.begin(), ids.end());
    return ids;
}

// An export job against a URL, its log in memory.
struct JobRun
{
    explicit JobRun(const QString &line, const QProcessEnvironment &environment)
    {
        parsed = EventExportOptions::parse(args(line), environment);
        (void)logDevice.open(QIODevice::WriteOnly);
        (void)outDevice.open(QIODevice::WriteOnly);
    }
    QByteArray log;
    QBuffer logDevice { &log };
    QByteArray out;
    QBuffer outDevice { &out };
    EventExportArguments parsed;
    QNetworkAccessManager network;
};

QProcessEnvironment fakeTokenEnvironment(const FakeEmnifyServer &server)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("TOKEN"), QString::fromUtf8(server.applicationToken));
    return environment;
}

QString binary(const char *name) { return QStringLiteral(EV_APP_BIN_DIR "/") + QLatin1String(name); }

// Runs a job to its end; returns the exit code.
int runJob(EventExportJob &job)
{
    QSignalSpy finished(&job, &EventExportJob::finished);
    job.start();
    if (!finished.wait(25000))
        return -1;
    return finished.first().first().toInt();
}

} // namespace

void TestEmnifyEvents::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QLoggingCategory::setFilterRules(
        QStringLiteral("eventviewer.api.debug=false\neventviewer.api.info=false"));
}

void TestEmnifyEvents::parseArguments_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("error"); // substring; empty: valid
    const QString base = QStringLiteral(
        "export --url http://127.0.0.1:1 --token-env EMNIFY_TOKEN --format csv --output x.csv ");
    QTest::newRow("minimal") << base << QString();
    QTest::newRow("short-output") << QStringLiteral(
        "export --url http://127.0.0.1:1 --token-env EMNIFY_TOKEN --format csv -o x.csv")
                                  << QString();
    QTest::newRow("allow-partial") << base + QStringLiteral("--allow-partial") << QString();
    QTest::newRow("excel") << base + QStringLiteral("--excel --payload event") << QString();
    QTest::newRow("payload-detail") << base + QStringLiteral("--payload detail") << QString();
    QTest::newRow("bad-payload") << base + QStringLiteral("--payload all") << QStringLiteral("--payload");
    QTest::newRow("excel-jsonl") << QStringLiteral(
        "export --url http://127.0.0.1:1 --token-env EMNIFY_TOKEN --format jsonl --output x --excel")
                                 << QStringLiteral("--excel");
    QTest::newRow("all-filters") << base
            + QStringLiteral("--from 2024-05-01T00:00:00Z --until 2024-05-02 --type 1,3 --severity warn "
                             "--source policy --alert true --endpoint truck --iccid 8988 --imsi 2620 "
                             "--user a@b.de --description x --organisation ACME --scope sim:5 --per-page 250 "
                             "--columns time,event_type --no-formula-escape")
                                 << QString();
    QTest::newRow("no-command") << QStringLiteral("--url http://127.0.0.1:1")
                                << QStringLiteral("missing command");
    QTest::newRow("token-on-argv") << base + QStringLiteral("--token secret") << QStringLiteral("token");
    QTest::newRow("no-token") << QStringLiteral("export --url http://127.0.0.1:1 --format csv --output x")
                              << QStringLiteral("--token-env");
    QTest::newRow("token-env-unset") << QStringLiteral(
        "export --url http://127.0.0.1:1 --token-env NOPE --format csv --output x")
                                     << QStringLiteral("NOPE");
    QTest::newRow("from-alone") << base + QStringLiteral("--from 2024-05-01T00:00:00Z")
                                << QStringLiteral("together");
    QTest::newRow("bad-time") << base + QStringLiteral("--from yesterday --until today")
                              << QStringLiteral("ISO 8601");
    QTest::newRow("bad-severity") << base + QStringLiteral("--severity loud") << QStringLiteral("--severity");
    QTest::newRow("bad-source") << base + QStringLiteral("--source 3") << QStringLiteral("--source");
    QTest::newRow("bad-type") << base + QStringLiteral("--type abc") << QStringLiteral("--type");
    QTest::newRow("bad-category") << base + QStringLiteral("--category nope") << QStringLiteral("known:");
    QTest::newRow("bad-column") << base + QStringLiteral("--columns time,colour") << QStringLiteral("colour");
    QTest::newRow("bad-scope") << base + QStringLiteral("--scope endpoint:abc") << QStringLiteral("--scope");
    QTest::newRow("comma-in-value") << base + QStringLiteral("--description a,b") << QStringLiteral("comma");
    QTest::newRow("no-format") << QStringLiteral(
        "export --url http://127.0.0.1:1 --token-env EMNIFY_TOKEN --output x")
                               << QStringLiteral("--format");
    QTest::newRow("no-output") << QStringLiteral(
        "export --url http://127.0.0.1:1 --token-env EMNIFY_TOKEN --format jsonl")
                               << QStringLiteral("--output");
    QTest::newRow("columns-with-jsonl") << QStringLiteral(
        "export --url http://127.0.0.1:1 --token-env EMNIFY_TOKEN --format jsonl "
        "--output x --columns time") << QStringLiteral("csv only");
}

void TestEmnifyEvents::parseArguments()
{
    QFETCH(QString, line);
    QFETCH(QString, error);
    const EventExportArguments parsed = EventExportOptions::parse(args(line), tokenEnvironment());
    if (error.isEmpty()) {
        QVERIFY2(parsed.error.isEmpty(), qPrintable(parsed.error));
        QCOMPARE(parsed.options.token, QStringLiteral("sim-token"));
        QCOMPARE(parsed.options.columns.first(), EventColumns::Id); // id first, always
    } else {
        QVERIFY2(parsed.error.contains(error), qPrintable(parsed.error));
        QVERIFY(!parsed.error.contains(QLatin1String("secret")));
    }
}

void TestEmnifyEvents::categoryExpandsToTypes()
{
    const EventExportArguments parsed = EventExportOptions::parse(
        args(
            QStringLiteral("export --url http://127.0.0.1:1 --token-env EMNIFY_TOKEN --format csv --output x "
                           "--type 1 --category data_connection --severity critical --source api "
                           "--from 2024-05-01T10:00:00+02:00 --until 2024-05-01T12:00:00.500Z --columns "
                           "time,id,event_type")),
        tokenEnvironment());
    QVERIFY2(parsed.error.isEmpty(), qPrintable(parsed.error));
    const EventQuery &query = parsed.options.query;
    QList<int> expected { 1 };
    for (const auto &category : EventTypeCatalogue::builtIn().categories()) {
        if (category.key == QLatin1String("data_connection"))
            expected += category.typeIds;
    }
    QVERIFY(expected.size() > 1);
    QCOMPARE(query.types, expected);
    QCOMPARE(query.severity, std::optional<int>(2));
    QCOMPARE(query.source, std::optional<int>(2));
    QStringList typeIds;
    for (const int id : std::as_const(expected))
        typeIds << QString::number(id);
    QCOMPARE(query.toQ(),
        QStringLiteral("from:2024-05-01T08:00:00Z,until:2024-05-01T12:00:01Z,type:%1,source:2,severity:2")
            .arg(typeIds.join(QLatin1Char('|'))));
    QCOMPARE(parsed.options.columns,
        (QList<EventColumns::Column> { EventColumns::Id, EventColumns::Time, EventColumns::EventType }));
}

void TestEmnifyEvents::exportCsv()
{
    EmnifySimulator simulator;
    QVERIFY(simulator.listen());
    EmnifySimulatorConfig config;
    config.applicationTokens = { QStringLiteral("sim-token") };
    config.maxPerPage = 200;
    simulator.setConfig(config);
    simulator.generateEvents(1500, 11, QDateTime::currentMSecsSinceEpoch());

    const QString output = m_dir.filePath(QStringLiteral("events.csv"));
    auto parsed = EventExportOptions::parse(
        args(QStringLiteral("export --url %1 --token-env EMNIFY_TOKEN --format csv --output %2 --columns "
                            "time,event_type,description --rate 100")
                 .arg(simulator.baseUrl().toString(), output)),
        tokenEnvironment());
    QVERIFY2(parsed.error.isEmpty(), qPrintable(parsed.error));
    QNetworkAccessManager network;
    QByteArray log;
    QBuffer logDevice(&log);
    QVERIFY(logDevice.open(QIODevice::WriteOnly));
    EventExportJob job(&network, parsed.options, &logDevice, nullptr);
    QCOMPARE(runJob(job), int(EventExportJob::Success));
    QVERIFY2(log.contains("done: "), log.constData());
    QVERIFY(!QFile::exists(output + QLatin1String(".part")));

    QFile file(output);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    QCOMPARE(lines.first(), QByteArray("id,time,event_type,description\r"));
    std::vector<qint64> ids;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        if (lines[i].isEmpty())
            continue;
        ids.push_back(lines[i].left(lines[i].indexOf(',')).toLongLong());
        QVERIFY2(lines[i].endsWith('\r'), lines[i].constData()); // RFC 4180 row ends
    }
    // Descriptions contain no line breaks in the generator, so one line = one row.
    std::sort(ids.begin(), ids.end());
    QVERIFY(ids == sortedIds(simulator));
    QCOMPARE(job.eventsWritten(), qint64(ids.size()));
}

void TestEmnifyEvents::exportJsonLines()
{
    EmnifySimulator simulator;
    QVERIFY(simulator.listen());
    EmnifySimulatorConfig config;
    config.applicationTokens = { QStringLiteral("sim-token") };
    config.dropRate = 0.1; // faults do not change the output
    simulator.setConfig(config);
    simulator.generateEvents(1200, 11, QDateTime::currentMSecsSinceEpoch());

    auto parsed
        = EventExportOptions::parse(args(QStringLiteral("export --url %1 --token-env EMNIFY_TOKEN --format "
                                                        "jsonl --output - --per-page 100 --rate 200 --quiet")
                                             .arg(simulator.baseUrl().toString())),
            tokenEnvironment());
    QVERIFY2(parsed.error.isEmpty(), qPrintable(parsed.error));
    QNetworkAccessManager network;
    QByteArray log;
    QBuffer logDevice(&log);
    QVERIFY(logDevice.open(QIODevice::WriteOnly));
    QByteArray out;
    QBuffer outDevice(&out);
    QVERIFY(outDevice.open(QIODevice::WriteOnly));
    EventExportJob job(&network, parsed.options, &logDevice, &outDevice);
    QCOMPARE(runJob(job), int(EventExportJob::Success));
    QVERIFY2(log.isEmpty(), log.constData()); // --quiet

    std::vector<qint64> ids;
    for (const QByteArray &line : out.split('\n')) {
        if (line.isEmpty())
            continue;
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(line, &error);
        QVERIFY2(error.error == QJsonParseError::NoError && document.isObject(), line.constData());
        QVERIFY(document.object().contains(QLatin1String("event_type")));
        ids.push_back(qint64(document.object().value(QLatin1String("id")).toDouble()));
    }
    QVERIFY(out.endsWith('\n'));
    std::sort(ids.begin(), ids.end());
    QVERIFY(ids == sortedIds(simulator));
}

void TestEmnifyEvents::failureKeepsPartialFile()
{
    FakeEmnifyServer server;
    server.setEventCount(250);
    server.hook = [](const FakeEmnifyServer::Request &request) -> std::optional<FakeEmnifyServer::Response> {
        if (request.method == "GET" && request.queryValue("page") == "2")
            return FakeEmnifyServer::Response { 403, {},
                R"({"error_code":1104,"error_token":"Forbidden","message":"no"})" };
        return std::nullopt;
    };
    QProcessEnvironment environment;
    environment.insert(QStringLiteral("TOKEN"), QString::fromUtf8(server.applicationToken));
    const QString output = m_dir.filePath(QStringLiteral("partial.csv"));
    auto parsed = EventExportOptions::parse(
        args(QStringLiteral(
            "export --url %1 --token-env TOKEN --format csv --output %2 --per-page 100 --max-in-flight 1")
                 .arg(server.url().toString(), output)),
        environment);
    QVERIFY2(parsed.error.isEmpty(), qPrintable(parsed.error));
    QNetworkAccessManager network;
    QByteArray log;
    QBuffer logDevice(&log);
    QVERIFY(logDevice.open(QIODevice::WriteOnly));
    EventExportJob job(&network, parsed.options, &logDevice, nullptr);
    QCOMPARE(runJob(job), int(EventExportJob::Failed));
    QVERIFY2(log.contains("INCOMPLETE"), log.constData());
    QVERIFY2(log.contains("403"), log.constData());
    QVERIFY2(log.contains("100 events"), log.constData());
    QVERIFY(!log.contains(server.applicationToken));
    QVERIFY(!QFile::exists(output)); // never a complete-looking file
    QFile partial(output + QLatin1String(".part"));
    QVERIFY(partial.open(QIODevice::ReadOnly));
    QCOMPARE(partial.readAll().count('\n'), 101); // header + page 1
}

void TestEmnifyEvents::endToEndProcesses()
{
    const QString binDir = QStringLiteral(EV_APP_BIN_DIR);
    const QString events = binDir + QLatin1String("/emnify-events");
    const QString sim = binDir + QLatin1String("/emnify-sim");
    if (!QFile::exists(events) || !QFile::exists(sim))
        QSKIP("emnify-events or emnify-sim not built");

    QProcess simulator;
    simulator.start(sim,
        { QStringLiteral("--app-token"), QStringLiteral("e2e-token"), QStringLiteral("--generate"),
            QStringLiteral("800"), QStringLiteral("--max-per-page"), QStringLiteral("100") });
    QVERIFY(simulator.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(simulator.canReadLine(), 10000);
    const QByteArray banner = simulator.readLine();
    const QByteArray url = banner.mid(banner.indexOf("http://")).trimmed();
    QVERIFY2(url.startsWith("http://127.0.0.1:"), banner.constData());

    const QString output = m_dir.filePath(QStringLiteral("e2e.csv"));
    QProcess cli;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("E2E_TOKEN"), QStringLiteral("e2e-token"));
    cli.setProcessEnvironment(environment);
    cli.start(events,
        { QStringLiteral("export"), QStringLiteral("--url"), QString::fromLatin1(url),
            QStringLiteral("--token-env"), QStringLiteral("E2E_TOKEN"), QStringLiteral("--format"),
            QStringLiteral("csv"), QStringLiteral("--output"), output, QStringLiteral("--columns"),
            QStringLiteral("time,severity") });
    QVERIFY(cli.waitForFinished(25000));
    const QByteArray stderrText = cli.readAllStandardError();
    QCOMPARE(cli.exitCode(), 0);
    QVERIFY2(stderrText.contains("done: "), stderrText.constData());
    QFile file(output);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray csv = file.readAll();
    QVERIFY(csv.startsWith("id,time,severity\r\n"));
    // Every generated event has a one-line row here (no free text columns).
    QVERIFY2(csv.count('\n') >= 780, qPrintable(QString::number(csv.count('\n'))));

    // A rejected token: exit code 1, a clear message, no loop.
    environment.insert(QStringLiteral("E2E_TOKEN"), QStringLiteral("wrong"));
    cli.setProcessEnvironment(environment);
    cli.start(events,
        { QStringLiteral("export"), QStringLiteral("--url"), QString::fromLatin1(url),
            QStringLiteral("--token-env"), QStringLiteral("E2E_TOKEN"), QStringLiteral("--format"),
            QStringLiteral("jsonl"), QStringLiteral("--output"), QStringLiteral("-") });
    QVERIFY(cli.waitForFinished(25000));
    QCOMPARE(cli.exitCode(), 1);
    const QByteArray failure = cli.readAllStandardError();
    QVERIFY2(failure.contains("Authentication failed"), failure.constData());
    QVERIFY(!failure.contains("wrong"));

    // Usage errors: exit code 2.
    cli.start(events, { QStringLiteral("export"), QStringLiteral("--url"), QString::fromLatin1(url) });
    QVERIFY(cli.waitForFinished(10000));
    QCOMPARE(cli.exitCode(), 2);

    simulator.kill();
    simulator.waitForFinished();
}

// ---- against the hostile server (issue 10) ----

void TestEmnifyEvents::unreadableEventsAreNotSuccess_data()
{
    QTest::addColumn<bool>("allowPartial");
    QTest::newRow("default") << false;
    QTest::newRow("allow-partial") << true;
}

void TestEmnifyEvents::unreadableEventsAreNotSuccess()
{
    // [id 1, id 2 with a syntax error, id 3, id 4]: the export said "1 events could not be read",
    // exited 0 and renamed FILE.part to FILE as if complete.
    QFETCH(bool, allowPartial);
    FakeEmnifyServer server;
    QVERIFY(server.applyScenario(QStringLiteral("malformed-element")));
    const QString output = m_dir.filePath(QStringLiteral("unreadable-%1.csv").arg(allowPartial));
    JobRun run(QStringLiteral("export --url %1 --token-env TOKEN --format csv --output %2 %3")
                   .arg(server.url().toString(), output,
                       allowPartial ? QStringLiteral("--allow-partial") : QString()),
        fakeTokenEnvironment(server));
    QVERIFY2(run.parsed.error.isEmpty(), qPrintable(run.parsed.error));
    EventExportJob job(&run.network, run.parsed.options, &run.logDevice, nullptr);
    const int exitCode = runJob(job);
    QVERIFY2(run.log.contains("could not be read"), run.log.constData());
    if (allowPartial) {
        QCOMPARE(exitCode, int(EventExportJob::Success));
        QVERIFY(QFile::exists(output));
        QVERIFY(!QFile::exists(output + QLatin1String(".part")));
    } else {
        QCOMPARE(exitCode, int(EventExportJob::Incomplete));
        QVERIFY2(run.log.contains("INCOMPLETE"), run.log.constData());
        QVERIFY(!QFile::exists(output)); // never a complete-looking file
        QVERIFY(QFile::exists(output + QLatin1String(".part")));
    }
}

void TestEmnifyEvents::symlinkAtPartIsNotFollowed()
{
    // A symlink at FILE.part was followed and its target overwritten.
    FakeEmnifyServer server;
    server.setEventCount(10);
    const QString victim = m_dir.filePath(QStringLiteral("victim.txt"));
    {
        QFile file(victim);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("precious\n");
    }
    const QString output = m_dir.filePath(QStringLiteral("linked.csv"));
    QVERIFY(QFile::link(victim, output + QLatin1String(".part")));
    JobRun run(QStringLiteral("export --url %1 --token-env TOKEN --format csv --output %2")
                   .arg(server.url().toString(), output),
        fakeTokenEnvironment(server));
    EventExportJob job(&run.network, run.parsed.options, &run.logDevice, nullptr);
    QCOMPARE(runJob(job), int(EventExportJob::Success));
    QFile file(victim);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("precious\n"));
    QVERIFY(!QFileInfo(output).isSymLink());
    QFile csv(output);
    QVERIFY(csv.open(QIODevice::ReadOnly));
    QCOMPARE(csv.readAll().count('\n'), 11);
}

void TestEmnifyEvents::noPartFileAfterEarlyFailure_data()
{
    QTest::addColumn<QString>("fault");
    QTest::newRow("token-rejected") << QStringLiteral("auth");
    QTest::newRow("tls-handshake") << QStringLiteral("tls");
}

void TestEmnifyEvents::noPartFileAfterEarlyFailure()
{
    // An empty FILE.part was left after an authentication or TLS failure.
    QFETCH(QString, fault);
    FakeEmnifyServer server;
    QProcessEnvironment environment = fakeTokenEnvironment(server);
    QString url = server.url().toString();
    // A server that answers a TLS handshake with plain HTTP.
    QTcpServer plain;
    QVERIFY(plain.listen(QHostAddress::LocalHost, 0));
    connect(&plain, &QTcpServer::newConnection, this, [&plain] {
        while (QTcpSocket *socket = plain.nextPendingConnection()) {
            socket->write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n");
            socket->disconnectFromHost();
        }
    });
    if (fault == QLatin1String("auth"))
        environment.insert(QStringLiteral("TOKEN"), QStringLiteral("wrong"));
    else
        url = QStringLiteral("https://127.0.0.1:%1").arg(plain.serverPort());
    const QString output = m_dir.filePath(QStringLiteral("early-%1.csv").arg(fault));
    JobRun run(QStringLiteral("export --url %1 --token-env TOKEN --format csv --output %2").arg(url, output),
        environment);
    EventExportJob job(&run.network, run.parsed.options, &run.logDevice, nullptr);
    QCOMPARE(runJob(job), int(EventExportJob::Failed));
    QVERIFY2(run.log.contains(fault == QLatin1String("auth") ? "Authentication failed" : "TLS error"),
        run.log.constData());
    QVERIFY2(run.log.contains("nothing was written"), run.log.constData());
    QVERIFY(!QFile::exists(output));
    QVERIFY(!QFile::exists(output + QLatin1String(".part")));
}

void TestEmnifyEvents::messagesNameTheCause_data()
{
    QTest::addColumn<QString>("scenario");
    QTest::addColumn<QString>("cause");
    QTest::newRow("html-page") << QStringLiteral("html") << QStringLiteral("HTML page");
    QTest::newRow("deflate-bomb") << QStringLiteral("deflate-bomb") << QStringLiteral("compressed");
    QTest::newRow("huge-page") << QStringLiteral("huge-page") << QStringLiteral("64 MiB");
    QTest::newRow("retry-after-100000")
        << QStringLiteral("retry-after-huge") << QStringLiteral("Retry-After");
}

void TestEmnifyEvents::messagesNameTheCause()
{
    // A gzip bomb read "HTTP 200: Unexpected response", an HTML page "was the response cut off?".
    QFETCH(QString, scenario);
    QFETCH(QString, cause);
    FakeEmnifyServer server;
    QVERIFY(server.applyScenario(scenario));
    const QString output = m_dir.filePath(QStringLiteral("cause-%1.jsonl").arg(scenario));
    JobRun run(QStringLiteral("export --url %1 --token-env TOKEN --format jsonl --output %2")
                   .arg(server.url().toString(), output),
        fakeTokenEnvironment(server));
    EventExportJob job(&run.network, run.parsed.options, &run.logDevice, nullptr);
    QCOMPARE(runJob(job), int(EventExportJob::Failed));
    QVERIFY2(run.log.contains(cause.toUtf8()), run.log.constData());
    QVERIFY2(!run.log.contains("Unexpected response"), run.log.constData());
    QVERIFY2(!run.log.contains("cut off"), run.log.constData());
}

void TestEmnifyEvents::shortfallIsReported()
{
    // X-Total-Count: 50 but 10 events: said nothing.
    FakeEmnifyServer server;
    QVERIFY(server.applyScenario(QStringLiteral("shortfall")));
    const QString output = m_dir.filePath(QStringLiteral("shortfall.csv"));
    JobRun run(QStringLiteral("export --url %1 --token-env TOKEN --format csv --output %2")
                   .arg(server.url().toString(), output),
        fakeTokenEnvironment(server));
    EventExportJob job(&run.network, run.parsed.options, &run.logDevice, nullptr);
    QCOMPARE(runJob(job), int(EventExportJob::Success));
    QVERIFY2(run.log.contains("10 of the 50 events"), run.log.constData());
}

void TestEmnifyEvents::rateLimitWaitIsReported()
{
    // A 429 made the CLI wait without a word on stderr.
    FakeEmnifyServer server;
    QVERIFY(server.applyScenario(QStringLiteral("retry-after-short")));
    JobRun run(QStringLiteral("export --url %1 --token-env TOKEN --format jsonl --output -")
                   .arg(server.url().toString()),
        fakeTokenEnvironment(server));
    EventExportJob job(&run.network, run.parsed.options, &run.logDevice, &run.outDevice);
    QCOMPARE(runJob(job), int(EventExportJob::Success));
    QVERIFY2(run.log.contains("rate limited by the server (HTTP 429): waiting 2 s"), run.log.constData());
}

void TestEmnifyEvents::interruptedBySignal_data()
{
    QTest::addColumn<int>("signalNumber");
    QTest::newRow("SIGINT") << int(SIGINT);
    QTest::newRow("SIGTERM") << int(SIGTERM);
}

void TestEmnifyEvents::interruptedBySignal()
{
    // SIGINT/SIGTERM printed nothing and left an unexplained FILE.part.
    QFETCH(int, signalNumber);
    FakeEmnifyServer server;
    QVERIFY(server.applyScenario(QStringLiteral("slow")));
    const QString output = m_dir.filePath(QStringLiteral("interrupted-%1.csv").arg(signalNumber));
    QProcess cli;
    cli.setProcessEnvironment(fakeTokenEnvironment(server));
    QSignalSpy finished(&cli, &QProcess::finished);
    cli.start(binary("emnify-events"),
        { QStringLiteral("export"), QStringLiteral("--url"), server.url().toString(),
            QStringLiteral("--token-env"), QStringLiteral("TOKEN"), QStringLiteral("--format"),
            QStringLiteral("csv"), QStringLiteral("--output"), output, QStringLiteral("--per-page"),
            QStringLiteral("100"), QStringLiteral("--max-in-flight"), QStringLiteral("1") });
    QVERIFY(cli.waitForStarted());
    // The in-process server must keep answering: wait with the event loop running.
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(output + QLatin1String(".part")).size() > 1000, 15000);
    ::kill(pid_t(cli.processId()), signalNumber);
    QVERIFY(finished.wait(10000));
    const QByteArray stderrText = cli.readAllStandardError();
    QCOMPARE(cli.exitStatus(), QProcess::NormalExit);
    QCOMPARE(cli.exitCode(), int(EventExportJob::Interrupted));
    QVERIFY2(stderrText.contains("interrupted: "), stderrText.constData());
    QVERIFY2(stderrText.contains(" events written to " + output.toUtf8() + ".part"), stderrText.constData());
    QVERIFY(!QFile::exists(output));
    QVERIFY(QFile::exists(output + QLatin1String(".part")));
}

void TestEmnifyEvents::brokenPipeIsQuiet()
{
    // `emnify-events ... --output - | head` printed a misleading "INCOMPLETE: N events written".
    FakeEmnifyServer server;
    server.setEventCount(3000);
    QProcess shell;
    shell.setProcessEnvironment(fakeTokenEnvironment(server));
    QSignalSpy finished(&shell, &QProcess::finished);
    shell.start(QStringLiteral("bash"),
        { QStringLiteral("-c"),
            QStringLiteral(
                "\"$0\" export --url \"$1\" --token-env TOKEN --format jsonl --output - --per-page 100 "
                "| head -n 1 >/dev/null; echo \"status ${PIPESTATUS[0]}\""),
            binary("emnify-events"), server.url().toString() });
    QVERIFY(finished.wait(20000));
    const QByteArray stdoutText = shell.readAllStandardOutput();
    const QByteArray stderrText = shell.readAllStandardError();
    QCOMPARE(
        stdoutText.trimmed(), QByteArray("status ") + QByteArray::number(int(EventExportJob::BrokenPipe)));
    QVERIFY2(stderrText.isEmpty(), stderrText.constData());
}

void TestEmnifyEvents::fullDiskIsNamed_data()
{
    QTest::addColumn<bool>("toFile");
    QTest::newRow("file-on-a-full-filesystem") << true;
    QTest::newRow("standard-output-to-/dev/full") << false;
}

void TestEmnifyEvents::fullDiskIsNamed()
{
    // A full disk read "Unknown error" (FILE.part on a full file system).
    QFETCH(bool, toFile);
    FakeEmnifyServer server;
    server.setEventCount(3000);
    QProcess cli;
    cli.setProcessEnvironment(fakeTokenEnvironment(server));
    QSignalSpy finished(&cli, &QProcess::finished);
    const QStringList exportArguments { QStringLiteral("export"), QStringLiteral("--url"),
        server.url().toString(), QStringLiteral("--token-env"), QStringLiteral("TOKEN"),
        QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("--per-page"),
        QStringLiteral("100"), QStringLiteral("--output") };
    QTemporaryDir mountPoint;
    if (toFile) {
        // A 64 kB tmpfs in a mount namespace of its own (gone with the process; no root needed
        // where user namespaces are allowed).
        if (QStandardPaths::findExecutable(QStringLiteral("unshare")).isEmpty())
            QSKIP("no unshare");
        cli.start(QStringLiteral("unshare"),
            QStringList { QStringLiteral("-rm"), QStringLiteral("sh"), QStringLiteral("-c"),
                QStringLiteral("mount -t tmpfs -o size=64k tmpfs \"$0\" || exit 99; exec \"$@\""),
                mountPoint.path(), binary("emnify-events") }
                + exportArguments + QStringList { mountPoint.filePath(QStringLiteral("full.csv")) });
    } else {
        if (!QFile::exists(QStringLiteral("/dev/full")))
            QSKIP("no /dev/full");
        cli.setStandardOutputFile(QStringLiteral("/dev/full"));
        cli.start(binary("emnify-events"), exportArguments + QStringList { QStringLiteral("-") });
    }
    QVERIFY(finished.wait(20000));
    const QByteArray stderrText = cli.readAllStandardError();
    if (toFile && (cli.exitCode() == 99 || stderrText.startsWith("unshare:")))
        QSKIP(qPrintable(QStringLiteral("cannot mount a tmpfs here: ") + QString::fromLocal8Bit(stderrText)));
    QCOMPARE(cli.exitCode(), int(EventExportJob::Failed));
    QVERIFY2(stderrText.contains("No space left on device"), stderrText.constData());
    QVERIFY2(!stderrText.contains("Unknown error"), stderrText.constData());
}

// ---- the command lines (issue 14) ----

void TestEmnifyEvents::helpAndVersion()
{
    const auto run = [](const char *program, const QStringList &arguments) {
        QProcess process;
        process.start(binary(program), arguments);
        process.waitForFinished(10000);
        return std::make_tuple(
            process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError());
    };
    const QByteArray version = QByteArrayLiteral(PROJECT_VERSION);
    {
        const auto [code, out, err] = run("emnify-events", { QStringLiteral("--version") });
        QCOMPARE(code, 0);
        QCOMPARE(out.trimmed(), "emnify-events " + version);
    }
    {
        const auto [code, out, err] = run("emnify-sim", { QStringLiteral("--version") });
        QCOMPARE(code, 0);
        QCOMPARE(out.trimmed(), "emnify-sim " + version);
    }
    {
        const auto [code, out, err] = run("emnify-events", { QStringLiteral("--help") });
        QCOMPARE(code, 0);
        // QCommandLineParser's own help: every option with its description, and the exit codes.
        for (const char *line : { "-o, --output <file>", "--allow-partial", "--token-env <var>", "--version",
                 "Exit status:", "130", "141" })
            QVERIFY2(out.contains(line), out.constData());
    }
    // emnify-sim: one exit code (2) for every usage error.
    for (const QStringList &arguments :
        { QStringList { QStringLiteral("--bogus") }, QStringList { QStringLiteral("extra") },
            QStringList { QStringLiteral("--app-token"), QStringLiteral("t"), QStringLiteral("--port"),
                QStringLiteral("x") },
            QStringList { QStringLiteral("--port") }, QStringList {} }) {
        const auto [code, out, err] = run("emnify-sim", arguments);
        QVERIFY2(code == 2, qPrintable(arguments.join(u' ') + QLatin1String(": ") + QString::number(code)));
        QVERIFY2(err.startsWith("emnify-sim: "), err.constData());
    }
    {
        const auto [code, out, err] = run("emnify-events", { QStringLiteral("--bogus") });
        QCOMPARE(code, 2);
    }
}

QTEST_GUILESS_MAIN(TestEmnifyEvents)
#include "tst_emnifyevents.moc"
