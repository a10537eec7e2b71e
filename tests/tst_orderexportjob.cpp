// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "cli/eventexportoptions.h"
#include "cli/orderexportjob.h"
#include "sim/accountgenerator.h"
#include "sim/emnifysimulator.h"
#include "sim/emnifysimulatorconfig.h"

#include <QBuffer>
#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QProcessEnvironment>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <map>

// `emnify-events orders` against a simulated account: one row per order, each row checked against
// what the account's own events say about that order.
class TestOrderExportJob : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void ordersRowByRow_data();
    void ordersRowByRow();

private:
    QTemporaryDir m_dir;
};

namespace {

// What the events say, worked out independently of SimOrderBook: the last status given (by time,
// then id), the last tracking reference, and whether the submit is there.
struct Expected
{
    int status = -1;
    qint64 statusTs = 0, statusId = 0;
    QString reference;
    bool submitted = false;
    int events = 0;
};

QString statusText(int status)
{
    static const char *const names[] = { "Submitted", "Paid", "Shipped", "Canceled" };
    return status >= 0 && status < 4 ? QString::fromLatin1(names[status])
                                     : QStringLiteral("Status %1").arg(status);
}

} // namespace

void TestOrderExportJob::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QLoggingCategory::setFilterRules(
        QStringLiteral("eventviewer.api.debug=false\neventviewer.api.info=false"));
}

void TestOrderExportJob::ordersRowByRow_data()
{
    QTest::addColumn<QString>("format");
    QTest::newRow("csv") << "csv";
    QTest::newRow("jsonl") << "jsonl";
}

void TestOrderExportJob::ordersRowByRow()
{
    QFETCH(QString, format);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    EmnifySimulator simulator;
    QVERIFY(simulator.listen());
    EmnifySimulatorConfig config;
    config.applicationTokens = { QStringLiteral("sim-token") };
    config.maxPerPage = 500;
    simulator.setConfig(config);
    simulator.generateEvents(4000, 11, now);

    std::map<qint64, Expected> expected;
    for (const Event &e : AccountGenerator::generate(4000, 11, now, AccountGenerator::OrderStates::Every)) {
        if (e.type.id != 38 && e.type.id != 39)
            continue;
        const QJsonObject detail = QJsonDocument::fromJson(e.detailJson).object();
        Expected &order = expected[detail.value(QLatin1String("id")).toInteger()];
        ++order.events;
        const int status = e.type.id == 38
            ? 0
            : detail.value(QLatin1String("status")).toObject().value(QLatin1String("id")).toInt(-1);
        if (e.type.id == 38)
            order.submitted = true;
        const bool later
            = e.timestampMs > order.statusTs || (e.timestampMs == order.statusTs && e.id > order.statusId);
        if (status >= 0 && (later || order.status < 0) && !(e.type.id == 38 && order.status > 0)) {
            order.status = status;
            order.statusTs = e.timestampMs;
            order.statusId = e.id;
        }
        const QString reference = detail.value(QLatin1String("ext_shipping_reference")).toString();
        if (!reference.isEmpty() && later)
            order.reference = reference;
    }
    QVERIFY(expected.size() >= 10);

    const QString output = m_dir.filePath(QStringLiteral("orders.") + format);
    QProcessEnvironment environment;
    environment.insert(QStringLiteral("EMNIFY_TOKEN"), QStringLiteral("sim-token"));
    const QStringList arguments = QStringList { QStringLiteral("emnify-events"), QStringLiteral("export") }
        + QStringLiteral("--url %1 --token-env EMNIFY_TOKEN --format %2 --output %3 --rate 100")
              .arg(simulator.baseUrl().toString(), format, output)
              .split(QLatin1Char(' '));
    const EventExportArguments parsed = EventExportOptions::parse(arguments, environment);
    QVERIFY2(parsed.error.isEmpty(), qPrintable(parsed.error));
    QNetworkAccessManager network;
    QByteArray log;
    QBuffer logDevice(&log);
    QVERIFY(logDevice.open(QIODevice::WriteOnly));
    OrderExportJob job(&network, parsed.options, &logDevice, nullptr);
    QSignalSpy finished(&job, &OrderExportJob::finished);
    job.start();
    QVERIFY(finished.wait(30000));
    QCOMPARE(finished.first().first().toInt(), int(OrderExportJob::Success));

    QFile file(output);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QList<QByteArray> lines = file.readAll().split('\n');
    if (lines.last().isEmpty())
        lines.removeLast();
    if (format == QLatin1String("csv")) {
        QCOMPARE(lines.takeFirst(),
            QByteArray("order_id,organisation,status,submitted,submitted_by,paid,shipped,provider,tracking_"
                       "reference,"
                       "last_update,events\r"));
    }
    QCOMPARE(size_t(lines.size()), expected.size());
    auto want = expected.cbegin(); // rows come by order id, as the map
    for (const QByteArray &line : lines) {
        QString id, status, submitted, reference, events;
        if (format == QLatin1String("csv")) {
            // Organisation names and user names in the generator hold no commas or quotes.
            const QStringList cells = QString::fromUtf8(line.trimmed()).split(QLatin1Char(','));
            QCOMPARE(cells.size(), 11);
            id = cells[0], status = cells[2], submitted = cells[3], reference = cells[8], events = cells[10];
        } else {
            const QJsonObject row = QJsonDocument::fromJson(line).object();
            id = QString::number(row.value(QLatin1String("order_id")).toInteger());
            status = row.value(QLatin1String("status")).toString();
            submitted = row.value(QLatin1String("submitted")).toString();
            reference = row.value(QLatin1String("tracking_reference")).toString();
            events = QString::number(row.value(QLatin1String("events")).toInteger());
        }
        const QString where = QStringLiteral("order %1").arg(want->first);
        QCOMPARE(id, QString::number(want->first));
        QVERIFY2(status == statusText(want->second.status), qPrintable(where + QLatin1Char(' ') + status));
        QCOMPARE(reference, want->second.reference);
        QCOMPARE(events, QString::number(want->second.events));
        QVERIFY2(submitted.startsWith(QLatin1String("submitted before ")) != want->second.submitted,
            qPrintable(where + QLatin1Char(' ') + submitted));
        ++want;
    }
}

QTEST_GUILESS_MAIN(TestOrderExportJob)
#include "tst_orderexportjob.moc"
