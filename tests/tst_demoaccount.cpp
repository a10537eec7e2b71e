// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "model/workerpools.h"
#include "sim/demoaccount.h"

#include <QDateTime>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

class TestDemoAccount : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void generatesOffTheGuiThreadThenListens();
};

// start() returns while the account is still being generated (the window shows meanwhile); the
// GUI thread keeps handling events and hears of it through ready(), and then the simulator serves.
void TestDemoAccount::generatesOffTheGuiThreadThenListens()
{
    WorkerPools pools;
    DemoAccount demo;
    QSignalSpy ready(&demo, &DemoAccount::ready);
    QSignalSpy failed(&demo, &DemoAccount::failed);
    demo.start(60'000, 7, QDateTime::currentMSecsSinceEpoch(), QStringLiteral("demo-token"));
    QVERIFY(!demo.isReady());
    QCOMPARE(ready.size(), 0);
    bool timerRan = false; // the event loop runs while the account is generated
    QTimer::singleShot(0, this, [&] { timerRan = true; });
    QVERIFY(ready.wait(60000));
    QVERIFY(timerRan);
    QCOMPARE(failed.size(), 0);
    QVERIFY(demo.isReady());
    QCOMPARE(demo.simulator()->eventCount(), 60'000);
    const QUrl url = ready.first().at(0).toUrl();
    QCOMPARE(ready.first().at(1).toString(), QStringLiteral("demo-token"));

    QNetworkAccessManager network; // the simulator answers on 127.0.0.1
    QNetworkReply *reply = network.get(QNetworkRequest(url.resolved(QUrl(QStringLiteral("/api/v1/event")))));
    QSignalSpy finished(reply, &QNetworkReply::finished);
    QVERIFY(finished.wait(10000));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 401); // no token sent
    reply->deleteLater();
}

QTEST_GUILESS_MAIN(TestDemoAccount)
#include "tst_demoaccount.moc"
