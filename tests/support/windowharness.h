// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "api/eventapiclient.h"
#include "memorytokenstore.h"
#include "session/eventsession.h"
#include "settings/viewersettings.h"
#include "sim/emnifysimulator.h"
#include "table/eventtablemodel.h"
#include "widgets/mainwindow.h"

#include <QAbstractItemModelTester>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <vector>

// The main window as a user gets it, for widget tests: its settings in an INI file of a temporary
// folder, the real client, model and session, and the simulator on loopback serving the events.
// QVERIFY in these returns from the function only; check QTest::currentTestFailed() after it.
struct WindowHarness final
{
    static constexpr int FetchTimeoutMs = 15000;
    inline static const QString Token = QStringLiteral("test-application-token");

    std::unique_ptr<QTemporaryDir> dir;
    std::unique_ptr<QSettings> settings;
    std::unique_ptr<ViewerSettings> viewerSettings;
    std::unique_ptr<QNetworkAccessManager> network;
    std::unique_ptr<EventApiClient> client;
    std::unique_ptr<EventTableModel> model;
    std::unique_ptr<QAbstractItemModelTester> tester;
    std::unique_ptr<EventSession> session;
    std::unique_ptr<MemoryTokenStore> tokens;
    std::unique_ptr<EmnifySimulator> simulator;
    std::unique_ptr<MainWindow> window;

    // Everything new, the simulator listening with events, the window shown. The client's rate
    // limit is raised so that a test's many reads never wait for it.
    void start(const std::vector<Event> &events)
    {
        dir = std::make_unique<QTemporaryDir>();
        QVERIFY(dir->isValid());
        settings
            = std::make_unique<QSettings>(dir->filePath(QStringLiteral("viewer.ini")), QSettings::IniFormat);
        viewerSettings = std::make_unique<ViewerSettings>(settings.get());
        network = std::make_unique<QNetworkAccessManager>();
        client = std::make_unique<EventApiClient>(network.get());
        EventApiClient::Options options = client->options();
        options.ratePerSecond = 1000;
        options.burst = 100;
        client->setOptions(options);
        model = std::make_unique<EventTableModel>();
        tester = std::make_unique<QAbstractItemModelTester>(model.get());
        session = std::make_unique<EventSession>(client.get(), model.get());
        tokens = std::make_unique<MemoryTokenStore>();
        simulator = std::make_unique<EmnifySimulator>();
        EmnifySimulatorConfig config;
        config.applicationTokens = { Token };
        simulator->setConfig(config);
        simulator->setEvents(events);
        QVERIFY(simulator->listen());
        createWindow();
    }

    // A new window on the same settings, session and model (a restart, as far as the window goes).
    void createWindow()
    {
        window = std::make_unique<MainWindow>(session.get(), model.get(), viewerSettings.get(), tokens.get());
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    }

    // Connects the window to the simulator and waits for the whole read.
    void load()
    {
        QSignalSpy finished(window.get(), &MainWindow::fetchFinished);
        window->setConnection(simulator->baseUrl(), Token, QStringLiteral("Test account"));
        window->reload();
        QVERIFY(finished.wait(FetchTimeoutMs));
        QTRY_VERIFY(!model->isBusy());
    }

    // In the order that lets each go before what it uses.
    void stop()
    {
        window.reset();
        simulator.reset();
        session.reset();
        tokens.reset();
        tester.reset();
        model.reset();
        client.reset();
        network.reset();
        viewerSettings.reset();
        settings.reset();
        dir.reset();
    }
};
