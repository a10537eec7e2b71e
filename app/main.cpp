// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "api/eventapiclient.h"
#include "keychain/keychaintokenstore.h"
#include "model/workerpools.h"
#include "session/eventsession.h"
#include "settings/viewersettings.h"
#include "sim/demoaccount.h"
#include "table/eventtablemodel.h"
#include "widgets/accountarchive.h"
#include "widgets/accountflow.h"
#include "widgets/connectionflow.h"
#include "widgets/mainwindow.h"
#include "widgets/translationloader.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLocale>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QRandomGenerator>
#include <QSettings>
#include <QTableView>
#include <QTimer>

#include <cstdio>
#include <memory>

namespace {

// --screenshot: once the first read is done and the table shows it, select an event and save the
// window as PNG (for the README), then quit.
void scheduleScreenshot(MainWindow *window, EventTableModel *model, const QString &file, int selectType)
{
    QObject::connect(window, &MainWindow::fetchFinished, window, [=] {
        QTimer::singleShot(800, window, [=] { // let the last filter job and the layout settle
            if (selectType >= 0 && !window->selectFirstOfType(selectType))
                std::fprintf(stderr, "no event of type %d is shown\n", selectType);
            QTimer::singleShot(300, window, [=] {
                const bool saved = window->grab().save(file);
                std::fprintf(stderr, "%s %s (%lld events)\n", saved ? "saved" : "could not save",
                    qPrintable(file), static_cast<long long>(model->rowCount()));
                QCoreApplication::exit(saved ? 0 : 1);
            });
        });
    });
}

// --help and --version answer without a display: a QApplication would abort without one.
bool onlyAsksForInformation(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArrayView arg(argv[i]);
        if (arg == "-h" || arg == "--help" || arg == "--help-all" || arg == "-v" || arg == "--version")
            return true;
    }
    return false;
}

} // namespace

int main(int argc, char *argv[])
{
    const std::unique_ptr<QCoreApplication> application = onlyAsksForInformation(argc, argv)
        ? std::make_unique<QCoreApplication>(argc, argv)
        : std::make_unique<QApplication>(argc, argv);
    QCoreApplication &app = *application;
    QLoggingCategory::setFilterRules(
        QStringLiteral("eventviewer.*.debug=false")); // QT_LOGGING_RULES still wins
    QCoreApplication::setApplicationName(QStringLiteral("emnify-event-viewer"));
    QCoreApplication::setOrganizationName(QStringLiteral("emnify-event-viewer")); // the settings folder
    QCoreApplication::setOrganizationDomain(QStringLiteral("emnify.com"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PROJECT_VERSION));
    TranslationLoader::install(&app);

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Browse, filter and export emnify platform events."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demo(
        QStringLiteral("demo"), QStringLiteral("Start a local simulated account and show it."));
    const QCommandLineOption demoEvents(QStringLiteral("demo-events"),
        QStringLiteral("Events in the demo account (1 to 1000000, default 50000)."), QStringLiteral("N"),
        QStringLiteral("50000"));
    QCommandLineOption screenshot(QStringLiteral("screenshot"),
        QStringLiteral("Save the window as PNG after loading."), QStringLiteral("FILE"));
    screenshot.setFlags(QCommandLineOption::HiddenFromHelp);
    QCommandLineOption selectType(QStringLiteral("select-type"),
        QStringLiteral("Select the first event of this type."), QStringLiteral("ID"));
    selectType.setFlags(QCommandLineOption::HiddenFromHelp);
    const QCommandLineOption url(QStringLiteral("url"),
        QStringLiteral("Start connected to this API (the token from EMNIFY_APPLICATION_TOKEN, else the keychain "
                       "entry of the account saved for it)."),
        QStringLiteral("URL"));
    const QCommandLineOption account(QStringLiteral("account"),
        QStringLiteral("Start connected to the saved account of this name."), QStringLiteral("NAME"));
    const QCommandLineOption archive(QStringLiteral("archive"),
        QStringLiteral("Show a team archive (postgresql://user@host/database; the password from PGPASSWORD or "
                       "~/.pgpass) or a local archive file, read-only."),
        QStringLiteral("URL|FILE"));
    parser.addOptions({ demo, demoEvents, url, account, archive, screenshot, selectType });
    parser.process(app); // --help and --version exit here
    // Wayland's app_id and the window's link to the desktop entry (and so to its icon and name).
    QGuiApplication::setDesktopFileName(QStringLiteral(EV_APP_ID));
    QGuiApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/emnify-event-viewer.svg")));

    // Created first and destroyed last of the objects below: its destructor waits for every
    // worker thread, after the client, the model and the window that start them are gone.
    WorkerPools pools;
    QNetworkAccessManager network;
    EventApiClient client(&network);
    EventTableModel model;
    EventSession session(&client, &model);
    QSettings settings;
    ViewerSettings viewerSettings(&settings);
    KeychainTokenStore tokens;
    MainWindow window(&session, &model, &viewerSettings, &tokens);

    // The demo account is generated on a worker thread while the window already shows, and so are
    // the rows its archive kept from an earlier start (organisation "demo", keyed without the port).
    std::unique_ptr<DemoAccount> demoAccount;
    const auto demoEntry = [](const QUrl &url) {
        return SavedAccount { QStringLiteral("demo"), QObject::tr("Demo account"), url, QStringLiteral("demo"), false };
    };
    if (parser.isSet(demo)) {
        const qsizetype count = std::clamp<qsizetype>(parser.value(demoEvents).toLongLong(), 1, 1000000);
        demoAccount = std::make_unique<DemoAccount>();
        QObject::connect(demoAccount.get(), &DemoAccount::progressChanged, &window,
            [&window](qsizetype done, qsizetype total) {
                window.setPreparingText(QObject::tr("Preparing the demo account… %1 of %2 events")
                                            .arg(QLocale().toString(done), QLocale().toString(total)));
            });
        QObject::connect(demoAccount.get(), &DemoAccount::ready, &window,
            [&window, &client, &demoEntry](const QUrl &url, const QString &token) {
                EventApiClient::Options options = client.options();
                options.ratePerSecond = 50; // a local simulator: the emnify rate limits do not apply
                options.burst = 20;
                client.setOptions(options);
                window.setPreparingText({});
                // An account of this run: switchable from the File menu, never saved. The load that
                // shows its archive goes on with what the simulator has beyond it.
                window.connectionFlow()->addTransient(demoEntry(url), token);
                window.connectionFlow()->switchTo(QStringLiteral("demo"));
            });
        QObject::connect(demoAccount.get(), &DemoAccount::failed, &app, [](const QString &message) {
            std::fprintf(stderr, "%s\n", qPrintable(message));
            QCoreApplication::exit(1);
        });
        window.setPreparingText(QObject::tr("Preparing the demo account…"));
        demoAccount->start(count, 20260101, QDateTime::currentMSecsSinceEpoch(),
            QString::number(QRandomGenerator::global()->generate64(), 16));
    }
    if (parser.isSet(screenshot))
        scheduleScreenshot(&window, &model, parser.value(screenshot),
            parser.value(selectType).isEmpty() ? -1 : parser.value(selectType).toInt());

    window.show();
    const QString environmentToken = qEnvironmentVariable("EMNIFY_APPLICATION_TOKEN");
    if (parser.isSet(archive)) {
        window.openArchive(parser.value(archive));
    } else if (demoAccount) {
        window.showArchiveWhilePreparing(demoEntry(QUrl(QStringLiteral("http://127.0.0.1"))));
    } else if (parser.isSet(url)) {
        window.connectToUrl(QUrl::fromUserInput(parser.value(url)), environmentToken);
    } else if (parser.isSet(account)) {
        window.connectToAccount(parser.value(account), environmentToken);
    } else {
        window.connectOnStartup(environmentToken);
    }
    return QApplication::exec();
}
