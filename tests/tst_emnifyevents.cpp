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
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

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

QTEST_GUILESS_MAIN(TestEmnifyEvents)
#include "tst_emnifyevents.moc"
