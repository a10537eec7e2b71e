// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
// The credentials in a simulated account's payloads (activation keys, verification tokens) in every
// export: the viewer's CSV, JSON Lines and clipboard TSV, the command line's CSV and JSON Lines. None by
// default; all of them with the option.
#include "cli/eventexportjob.h"
#include "cli/eventexportoptions.h"
#include "export/csvexportrunner.h"
#include "export/tsvwriter.h"
#include "model/eventstore.h"
#include "model/payloadsecrets.h"
#include "sim/accountgenerator.h"
#include "sim/emnifysimulator.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <numeric>

class TestSecretExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void viewerCsv_data();
    void viewerCsv();
    void viewerJsonLines_data();
    void viewerJsonLines();
    void viewerTsv_data();
    void viewerTsv();
    void commandLine_data();
    void commandLine();

private:
    void checkOutput(const QByteArray &output, bool keepSecrets);

    QTemporaryDir m_dir;
    std::vector<Event> m_events;
    QList<QByteArray> m_secrets; // every credential of the account, as generated
    EventStore m_store;
    std::vector<qsizetype> m_rows;
};

namespace {

constexpr qint64 Now = 1'790'000'000'000;
constexpr qsizetype EventCount = 4000;
constexpr quint64 Seed = 7;

} // namespace

void TestSecretExport::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QLoggingCategory::setFilterRules(
        QStringLiteral("eventviewer.api.debug=false\neventviewer.api.info=false"));
    m_events = AccountGenerator::generate(EventCount, Seed, Now);
    QSet<qint64> types;
    for (const Event &e : m_events) {
        const QJsonObject detail = QJsonDocument::fromJson(e.detailJson).object();
        for (const char *key : { "activationKey", "token" }) {
            const QString value = detail.value(QLatin1String(key)).toString();
            if (!value.isEmpty()) {
                m_secrets << value.toUtf8();
                types.insert(e.type.id);
            }
        }
    }
    // Password reset requested, User invited, User verification requested.
    QCOMPARE(types, (QSet<qint64> { 36, 37, 40 }));
    QVERIFY(m_secrets.size() >= 10);
    m_store.append(std::vector<Event>(m_events));
    QCOMPARE(m_store.size(), EventCount);
    m_rows.resize(size_t(m_store.size()));
    std::iota(m_rows.begin(), m_rows.end(), 0);
}

void TestSecretExport::checkOutput(const QByteArray &output, bool keepSecrets)
{
    QVERIFY(!output.isEmpty());
    for (const QByteArray &secret : std::as_const(m_secrets))
        QVERIFY2(output.contains(secret) == keepSecrets, secret.constData());
    // Each credential is a marker of its own; nothing else was taken for one.
    QCOMPARE(output.count("<redacted>"), keepSecrets ? 0 : m_secrets.size());
}

void TestSecretExport::viewerCsv_data()
{
    QTest::addColumn<bool>("keepSecrets");
    QTest::newRow("default") << false;
    QTest::newRow("keep secrets") << true;
}

void TestSecretExport::viewerCsv()
{
    QFETCH(bool, keepSecrets);
    CsvExportRunner runner;
    QSignalSpy finished(&runner, &CsvExportRunner::finished);
    const QString path = m_dir.filePath(QStringLiteral("viewer-%1.csv").arg(keepSecrets));
    const QList<EventColumns::Column> columns { EventColumns::Id, EventColumns::EventType,
        EventColumns::Payload };
    QVERIFY(keepSecrets ? runner.start(m_store.lockForRead(), path, m_rows, columns, true)
                        : runner.start(m_store.lockForRead(), path, m_rows, columns));
    QVERIFY(finished.wait(30000));
    const auto result = finished.first().first().value<CsvExportRunner::Result>();
    QVERIFY2(result.ok, qPrintable(result.error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    checkOutput(file.readAll(), keepSecrets);
}

void TestSecretExport::viewerJsonLines_data() { viewerCsv_data(); }

void TestSecretExport::viewerJsonLines()
{
    QFETCH(bool, keepSecrets);
    CsvExportRunner runner;
    QSignalSpy finished(&runner, &CsvExportRunner::finished);
    const QString path = m_dir.filePath(QStringLiteral("viewer-%1.jsonl").arg(keepSecrets));
    CsvExportRunner::Options options;
    options.format = CsvExportRunner::Format::JsonLines;
    options.keepSecrets = keepSecrets;
    QVERIFY(runner.start(m_store.lockForRead(), path, m_rows, {}, options));
    QVERIFY(finished.wait(30000));
    const auto result = finished.first().first().value<CsvExportRunner::Result>();
    QVERIFY2(result.ok, qPrintable(result.error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    checkOutput(file.readAll(), keepSecrets);
}

void TestSecretExport::viewerTsv_data() { viewerCsv_data(); }

void TestSecretExport::viewerTsv()
{
    QFETCH(bool, keepSecrets);
    const QList<EventColumns::Column> columns { EventColumns::Id, EventColumns::Description,
        EventColumns::Payload };
    const QString text = keepSecrets ? TsvWriter::write(m_store, m_rows, columns, true)
                                     : TsvWriter::write(m_store, m_rows, columns);
    checkOutput(text.toUtf8(), keepSecrets);
}

void TestSecretExport::commandLine_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<bool>("keepSecrets");
    QTest::newRow("csv") << "csv" << false;
    QTest::newRow("csv --keep-secrets") << "csv" << true;
    QTest::newRow("jsonl") << "jsonl" << false;
    QTest::newRow("jsonl --keep-secrets") << "jsonl" << true;
}

void TestSecretExport::commandLine()
{
    QFETCH(QString, format);
    QFETCH(bool, keepSecrets);
    EmnifySimulator simulator;
    QVERIFY(simulator.listen());
    EmnifySimulatorConfig config;
    config.applicationTokens = { QStringLiteral("sim-token") };
    simulator.setConfig(config);
    simulator.setEvents(std::vector<Event>(m_events));

    const QString output = m_dir.filePath(QStringLiteral("cli-%1-%2").arg(format).arg(keepSecrets));
    QStringList arguments { QStringLiteral("emnify-events"), QStringLiteral("export"),
        QStringLiteral("--url"), simulator.baseUrl().toString(), QStringLiteral("--token-env"),
        QStringLiteral("EMNIFY_TOKEN"), QStringLiteral("--format"), format, QStringLiteral("--output"),
        output, QStringLiteral("--rate"), QStringLiteral("200"), QStringLiteral("--quiet") };
    if (format == QLatin1String("csv"))
        arguments << QStringLiteral("--columns") << QStringLiteral("id,event_type,payload");
    if (keepSecrets)
        arguments << QStringLiteral("--keep-secrets");
    QProcessEnvironment environment;
    environment.insert(QStringLiteral("EMNIFY_TOKEN"), QStringLiteral("sim-token"));
    const EventExportArguments parsed = EventExportOptions::parse(arguments, environment);
    QVERIFY2(parsed.error.isEmpty(), qPrintable(parsed.error));
    QCOMPARE(parsed.options.keepSecrets, keepSecrets);

    QNetworkAccessManager network;
    EventExportJob job(&network, parsed.options, nullptr, nullptr);
    QSignalSpy finished(&job, &EventExportJob::finished);
    job.start();
    QVERIFY(finished.wait(30000));
    QCOMPARE(finished.first().first().toInt(), int(EventExportJob::Success));
    QCOMPARE(job.eventsWritten(), EventCount);

    QFile file(output);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray written = file.readAll();
    checkOutput(written, keepSecrets);
    if (format == QLatin1String("jsonl")) {
        // Redacted lines are still one valid JSON object each.
        for (const QByteArray &line : written.split('\n')) {
            if (line.isEmpty())
                continue;
            QJsonParseError error;
            QVERIFY2(QJsonDocument::fromJson(line, &error).isObject(), line.constData());
        }
    }
}

QTEST_GUILESS_MAIN(TestSecretExport)
#include "tst_secretexport.moc"
