// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
// emnify-events: export emnify events from the command line (see EventExportOptions::usage()).
#include "cli/archivecommands.h"
#include "cli/eventexportjob.h"
#include "cli/eventexportoptions.h"
#include "cli/orderexportjob.h"
#include "keychain/keychaintokenstore.h"
#include "teamarchive/teamarchive.h"

#include <QCoreApplication>
#include <QFile>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkProxyFactory>
#include <QProcessEnvironment>
#include <QSocketNotifier>

#include <csignal>
#include <cstdio>

#include <fcntl.h>
#include <unistd.h>

namespace {

int signalPipe[2] = { -1, -1 };

// Async-signal-safe: a byte into the pipe; the event loop does the rest. A second signal of the
// same kind gets the default action (ends the process at once).
void onSignal(int number)
{
    const char byte = char(number);
    [[maybe_unused]] const auto written = ::write(signalPipe[1], &byte, 1);
    std::signal(number, SIG_DFL);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("emnify-events"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PROJECT_VERSION));
    // Progress lines say what matters; QT_LOGGING_RULES=eventviewer.api.debug=true shows each request.
    QLoggingCategory::setFilterRules(
        QStringLiteral("eventviewer.api.debug=false\neventviewer.api.info=false"));
    // A closed standard output is a write error (EPIPE) that the job ends on quietly, not a signal.
    std::signal(SIGPIPE, SIG_IGN);

    QFile standardError;
    (void)standardError.open(stderr, QIODevice::WriteOnly | QIODevice::Unbuffered);
    // `emnify-events orders ...` takes the options of `export` and writes one row per SIM order.
    QStringList arguments = QCoreApplication::arguments();
    const bool orders = arguments.size() > 1 && arguments.at(1) == QLatin1String("orders");
    if (orders)
        arguments[1] = QStringLiteral("export");
    const auto parsed = EventExportOptions::parse(arguments, QProcessEnvironment::systemEnvironment());
    if (parsed.helpRequested) {
        std::fputs(parsed.helpText.toLocal8Bit().constData(), stdout);
        return EventExportJob::Success;
    }
    if (parsed.versionRequested) {
        std::printf("emnify-events %s\n", PROJECT_VERSION);
        return EventExportJob::Success;
    }
    if (!parsed.error.isEmpty()) {
        standardError.write("emnify-events: " + parsed.error.toLocal8Bit() + "\n\n"
            + EventExportOptions::usage().toLocal8Bit());
        return EventExportJob::UsageError;
    }

    // A team archive's password that the viewer remembered (File > Open team archive).
    KeychainTokenStore keychain;
    if (TeamArchive::isTeamArchiveUrl(parsed.options.archive))
        ArchiveCommands::setPasswordStore(&keychain);

    QNetworkProxyFactory::setUseSystemConfiguration(true); // honour the system/HTTPS_PROXY proxy
    QNetworkAccessManager network;
    QFile standardOutput;
    (void)standardOutput.open(stdout, QIODevice::WriteOnly);
    if (parsed.options.command == EventExportOptions::Command::ArchiveInfo)
        return ArchiveCommands::info(parsed.options, &standardOutput, &standardError);
    std::unique_ptr<ArchiveSyncJob> sync;
    if (parsed.options.command == EventExportOptions::Command::Sync) {
        sync = std::make_unique<ArchiveSyncJob>(&network, parsed.options, &standardError, &standardOutput);
        QObject::connect(sync.get(), &ArchiveSyncJob::finished, &app, &QCoreApplication::exit);
    }
    if (orders) {
        OrderExportJob job(&network, parsed.options, &standardError, &standardOutput);
        QObject::connect(&job, &OrderExportJob::finished, &app, &QCoreApplication::exit);
        job.start();
        return app.exec();
    }
    EventExportJob job(&network, parsed.options, &standardError, &standardOutput);
    if (!sync)
        QObject::connect(&job, &EventExportJob::finished, &app, &QCoreApplication::exit);

    // SIGINT and SIGTERM: the job stops and says how much FILE.part holds.
    if (::pipe2(signalPipe, O_CLOEXEC | O_NONBLOCK) == 0) {
        auto *notifier = new QSocketNotifier(signalPipe[0], QSocketNotifier::Read, &app);
        QObject::connect(notifier, &QSocketNotifier::activated, &job, [&job, &sync] {
            char byte = 0;
            while (::read(signalPipe[0], &byte, 1) == 1) { }
            if (sync)
                sync->interrupt();
            else
                job.interrupt();
        });
        struct sigaction action = {};
        action.sa_handler = onSignal;
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_RESTART;
        sigaction(SIGINT, &action, nullptr);
        sigaction(SIGTERM, &action, nullptr);
    }
    if (sync)
        sync->start();
    else
        job.start();
    return app.exec();
}
