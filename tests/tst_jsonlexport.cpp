// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
// The viewer's JSON Lines export (CsvExportRunner with Format::JsonLines): one whole event per line,
// in the table's order, ids exact, secrets redacted, the same lines as `emnify-events export
// --format jsonl` writes.
#include "api/eventjson.h"
#include "cli/eventexportjob.h"
#include "cli/eventexportoptions.h"
#include "export/csvexportrunner.h"
#include "model/eventstore.h"
#include "sim/accountgenerator.h"
#include "sim/emnifysimulator.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

class TestJsonlExport final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void oneEventPerLineInTableOrder_data();
    void oneEventPerLineInTableOrder();
    void cancelledLeavesNoFile();
    void sameLinesAsTheCommandLine();

private:
    [[nodiscard]] QByteArray exportRows(const QString &name, const std::vector<qsizetype> &rows,
        bool keepSecrets, CsvExportRunner::Result *result);

    QTemporaryDir m_dir;
    std::vector<Event> m_events;
    EventStore m_store;
};

namespace {

constexpr qint64 Now = 1'790'000'000'000;
constexpr qsizetype EventCount = 3000;
constexpr qint64 PastDoublePrecision = (qint64(1) << 53) + 1; // a double would read 2^53

} // namespace

void TestJsonlExport::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    QLoggingCategory::setFilterRules(
        QStringLiteral("eventviewer.api.debug=false\neventviewer.api.info=false"));
    m_events = AccountGenerator::generate(EventCount, 11, Now);
    m_events.back().id = PastDoublePrecision;
    m_store.append(std::vector<Event>(m_events));
    QCOMPARE(m_store.size(), EventCount);
}

QByteArray TestJsonlExport::exportRows(const QString &name, const std::vector<qsizetype> &rows,
    bool keepSecrets, CsvExportRunner::Result *result)
{
    CsvExportRunner runner;
    QSignalSpy finished(&runner, &CsvExportRunner::finished);
    CsvExportRunner::Options options;
    options.format = CsvExportRunner::Format::JsonLines;
    options.keepSecrets = keepSecrets;
    const QString path = m_dir.filePath(name);
    if (!runner.start(m_store.lockForRead(), path, rows, {}, options) || !finished.wait(30000))
        return {};
    *result = finished.first().first().value<CsvExportRunner::Result>();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

void TestJsonlExport::oneEventPerLineInTableOrder_data()
{
    QTest::addColumn<bool>("keepSecrets");
    QTest::addColumn<bool>("reversed");
    QTest::newRow("redacted, arrival order") << false << false;
    QTest::newRow("redacted, sorted the other way") << false << true;
    QTest::newRow("secrets kept") << true << false;
}

// What a script reading the file sees: every exported row, in the order the table showed them, as
// one JSON object on a line of its own; nothing else in the file.
void TestJsonlExport::oneEventPerLineInTableOrder()
{
    QFETCH(bool, keepSecrets);
    QFETCH(bool, reversed);
    std::vector<qsizetype> rows;
    for (qsizetype row = 0; row < m_store.size(); row += 2) // a filtered table: every other row
        rows.push_back(row);
    rows.push_back(m_store.size() - 1); // the id past 2^53
    if (reversed)
        std::reverse(rows.begin(), rows.end());
    CsvExportRunner::Result result;
    const QByteArray written = exportRows(
        QStringLiteral("order-%1-%2.jsonl").arg(keepSecrets).arg(reversed), rows, keepSecrets, &result);
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(result.rows, qsizetype(rows.size())); // what the view beside it counts
    QVERIFY(!written.contains('\r'));
    QVERIFY(!written.startsWith("\xEF\xBB\xBF")); // no byte order mark
    QVERIFY(written.endsWith('\n'));
    const QList<QByteArray> lines = written.chopped(1).split('\n');
    QCOMPARE(lines.size(), qsizetype(rows.size()));
    qsizetype redacted = 0;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(lines.at(i), &error);
        QVERIFY2(error.error == QJsonParseError::NoError && document.isObject(),
            qPrintable(error.errorString() + QString::fromUtf8(lines.at(i))));
        const Event event = m_store.event(rows[size_t(i)]);
        const QJsonObject json = document.object();
        QCOMPARE(json.value(QStringLiteral("id")).toInteger(), event.id);
        QCOMPARE(json.value(QStringLiteral("description")).toString(), event.description);
        if (keepSecrets)
            QCOMPARE(lines.at(i), EventJson::toJson(event)); // the whole event, byte for byte
        if (lines.at(i).contains("\"<redacted>\""))
            ++redacted;
    }
    QVERIFY(written.contains("\"id\":" + QByteArray::number(PastDoublePrecision) + ','));
    QCOMPARE(redacted > 0, !keepSecrets); // the generated account has credentials in some payloads
}

// Cancel leaves neither the file nor a half-written one.
void TestJsonlExport::cancelledLeavesNoFile()
{
    std::vector<qsizetype> rows;
    for (int pass = 0; pass < 50; ++pass) { // enough rows that the worker is still busy
        for (qsizetype row = 0; row < m_store.size(); ++row)
            rows.push_back(row);
    }
    CsvExportRunner runner;
    QSignalSpy finished(&runner, &CsvExportRunner::finished);
    CsvExportRunner::Options options;
    options.format = CsvExportRunner::Format::JsonLines;
    const QString path = m_dir.filePath(QStringLiteral("cancelled.jsonl"));
    QVERIFY(runner.start(m_store.lockForRead(), path, rows, {}, options));
    runner.cancel();
    QVERIFY(finished.wait(30000));
    const auto result = finished.first().first().value<CsvExportRunner::Result>();
    QVERIFY(result.cancelled);
    QVERIFY(!result.ok);
    QVERIFY(!QFile::exists(path));
}

// A colleague who exports the same events with the command line gets the same lines.
void TestJsonlExport::sameLinesAsTheCommandLine()
{
    EmnifySimulator simulator;
    QVERIFY(simulator.listen());
    EmnifySimulatorConfig config;
    config.applicationTokens = { QStringLiteral("sim-token") };
    simulator.setConfig(config);
    simulator.setEvents(std::vector<Event>(m_events));
    const QString output = m_dir.filePath(QStringLiteral("cli.jsonl"));
    const QStringList arguments { QStringLiteral("emnify-events"), QStringLiteral("export"),
        QStringLiteral("--url"), simulator.baseUrl().toString(), QStringLiteral("--token-env"),
        QStringLiteral("EMNIFY_TOKEN"), QStringLiteral("--format"), QStringLiteral("jsonl"),
        QStringLiteral("--output"), output, QStringLiteral("--rate"), QStringLiteral("200"),
        QStringLiteral("--quiet") };
    QProcessEnvironment environment;
    environment.insert(QStringLiteral("EMNIFY_TOKEN"), QStringLiteral("sim-token"));
    const EventExportArguments parsed = EventExportOptions::parse(arguments, environment);
    QVERIFY2(parsed.error.isEmpty(), qPrintable(parsed.error));
    QNetworkAccessManager network;
    EventExportJob job(&network, parsed.options, nullptr, nullptr);
    QSignalSpy jobFinished(&job, &EventExportJob::finished);
    job.start();
    QVERIFY(jobFinished.wait(30000));
    QCOMPARE(jobFinished.first().first().toInt(), int(EventExportJob::Success));
    QFile file(output);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> cliLines = file.readAll().chopped(1).split('\n');
    QCOMPARE(cliLines.size(), EventCount);

    // The viewer's export of the rows in the order the command line wrote them.
    QHash<qint64, qsizetype> rowOfId;
    for (qsizetype row = 0; row < m_store.size(); ++row)
        rowOfId.insert(m_store.id(row), row);
    std::vector<qsizetype> rows;
    for (const QByteArray &line : cliLines) {
        const qint64 id = QJsonDocument::fromJson(line).object().value(QStringLiteral("id")).toInteger();
        QVERIFY2(rowOfId.contains(id), line.constData());
        rows.push_back(rowOfId.value(id));
    }
    CsvExportRunner::Result result;
    const QByteArray viewer = exportRows(QStringLiteral("viewer.jsonl"), rows, false, &result);
    QVERIFY2(result.ok, qPrintable(result.error));
    const QList<QByteArray> viewerLines = viewer.chopped(1).split('\n');
    QCOMPARE(viewerLines.size(), cliLines.size());
    for (qsizetype i = 0; i < cliLines.size(); ++i)
        QCOMPARE(viewerLines.at(i), cliLines.at(i));
}

QTEST_GUILESS_MAIN(TestJsonlExport)
#include "tst_jsonlexport.moc"
