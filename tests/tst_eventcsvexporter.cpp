// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "export/csvwriter.h"
#include "export/eventcsvexporter.h"
#include "model/eventstore.h"
#include "sim/accountgenerator.h"

#include <QBuffer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

class TestEventCsvExporter final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void wholeEventPayloadIsJson_data();
    void wholeEventPayloadIsJson();
};

void TestEventCsvExporter::wholeEventPayloadIsJson_data()
{
    QTest::addColumn<bool>("keepSecrets");
    QTest::newRow("secrets redacted") << false;
    QTest::newRow("secrets kept") << true;
}

// The payload column can hold the whole event in the API's wire format: each cell, unquoted, is a
// JSON object a script reads back as the same event.
void TestEventCsvExporter::wholeEventPayloadIsJson()
{
    QFETCH(bool, keepSecrets);
    EventStore store;
    store.append(AccountGenerator::generate(3000, 11, 1'790'000'000'000));
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    {
        CsvWriter writer(&buffer);
        EventCsvExporter exporter(store, { EventColumns::Id, EventColumns::Payload });
        exporter.setPayload(EventCsvExporter::Payload::WholeEvent);
        exporter.setKeepSecrets(keepSecrets);
        exporter.writeHeader(writer);
        QVERIFY(exporter.writeRange(writer, 0, store.size()));
    }
    const QList<QByteArray> lines = buffer.data().split('\n');
    QCOMPARE(lines.first(), QByteArray("id,event_json\r"));
    QCOMPARE(lines.size(), store.size() + 2); // header, rows, the empty rest after the last CRLF
    qsizetype redacted = 0;
    for (qsizetype row = 0; row < store.size(); ++row) {
        QByteArray line = lines.at(row + 1).chopped(1); // CR
        const qsizetype comma = line.indexOf(',');
        QCOMPARE(line.left(comma).toLongLong(), store.id(row));
        QByteArray cell = line.mid(comma + 1);
        QVERIFY(cell.startsWith('"') && cell.endsWith('"'));
        cell = cell.mid(1, cell.size() - 2).replace("\"\"", "\"");
        QJsonParseError error;
        const QJsonObject json = QJsonDocument::fromJson(cell, &error).object();
        QVERIFY2(error.error == QJsonParseError::NoError,
            qPrintable(error.errorString() + QString::fromUtf8(cell)));
        const Event event = store.event(row);
        QCOMPARE(json.value(QStringLiteral("id")).toInteger(), event.id);
        QCOMPARE(json.value(QStringLiteral("description")).toString(), event.description);
        QCOMPARE(json.value(QStringLiteral("event_type")).toObject().value(QStringLiteral("id")).toInt(),
            event.type.id);
        QVERIFY(json.contains(QStringLiteral("timestamp")));
        if (cell.contains("<redacted>"))
            ++redacted;
    }
    QCOMPARE(redacted > 0, !keepSecrets); // the generated account has credentials in some payloads
}

QTEST_APPLESS_MAIN(TestEventCsvExporter)
#include "tst_eventcsvexporter.moc"
