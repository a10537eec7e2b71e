// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
// emnify-events: export emnify events from the command line (see EventExportOptions::usage()).
#include "cli/eventexportjob.h"
#include "cli/eventexportoptions.h"
#include "cli/orderexportjob.h"

#include <QCoreApplication>
#include <QFile>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkProxyFactory>
#include <QProcessEnvironment>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("emnify-events"));
    // Progress lines say what matters; QT_LOGGING_RULES=eventviewer.api.debug=true shows each request.
    QLoggingCategory::setFilterRules(
        QStringLiteral("eventviewer.api.debug=false\neventviewer.api.info=false"));

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
    if (!parsed.error.isEmpty()) {
        standardError.write("emnify-events: " + parsed.error.toLocal8Bit() + "\n\n"
            + EventExportOptions::usage().toLocal8Bit());
        return EventExportJob::UsageError;
    }

    QNetworkProxyFactory::setUseSystemConfiguration(true); // honour the system/HTTPS_PROXY proxy
    QNetworkAccessManager network;
    QFile standardOutput;
    (void)standardOutput.open(stdout, QIODevice::WriteOnly);
    if (orders) {
        OrderExportJob job(&network, parsed.options, &standardError, &standardOutput);
        QObject::connect(&job, &OrderExportJob::finished, &app, &QCoreApplication::exit);
        job.start();
        return app.exec();
    }
    EventExportJob job(&network, parsed.options, &standardError, &standardOutput);
    QObject::connect(&job, &EventExportJob::finished, &app, &QCoreApplication::exit);
    job.start();
    return app.exec();
}
