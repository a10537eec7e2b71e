// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
// emnify-hostile-server: one of issue 10's misbehaving servers on 127.0.0.1, for measuring the
// client and emnify-events by hand (the tests use FakeEmnifyServer::applyScenario() directly).
#include "fakeemnifyserver.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    QString scenarios;
    for (const QString &name : FakeEmnifyServer::scenarioNames())
        scenarios += QStringLiteral("  %1: %2\n").arg(name, FakeEmnifyServer::scenarioDescription(name));
    parser.setApplicationDescription(
        QStringLiteral("A hostile emnify API on 127.0.0.1 (application token: app-token).\nScenarios:\n")
        + scenarios);
    parser.addHelpOption();
    parser.addOption(
        { QStringLiteral("scenario"), QStringLiteral("The misbehaviour to serve."), QStringLiteral("name") });
    parser.addOption({ QStringLiteral("port"), QStringLiteral("TCP port (0: any free one)."),
        QStringLiteral("n"), QStringLiteral("0") });
    if (!parser.parse(app.arguments())) {
        std::fprintf(stderr, "emnify-hostile-server: %s\n", qPrintable(parser.errorText()));
        return 2;
    }
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(0);
    FakeEmnifyServer server;
    if (!server.applyScenario(parser.value(QStringLiteral("scenario")))) {
        std::fprintf(stderr, "emnify-hostile-server: --scenario must be one of: %s\n",
            qPrintable(FakeEmnifyServer::scenarioNames().join(QLatin1String(", "))));
        return 2;
    }
    const quint16 port = quint16(parser.value(QStringLiteral("port")).toUInt());
    if (port != 0 && !server.listen(port)) {
        std::fprintf(stderr, "emnify-hostile-server: cannot listen on 127.0.0.1:%u\n", unsigned(port));
        return 1;
    }
    QObject::connect(&server, &FakeEmnifyServer::requestReceived, &server,
        [](const QByteArray &method, const QByteArray &path) {
            std::fprintf(stderr, "%s %s\n", method.constData(), path.constData());
        });
    std::printf("listening on %s\n", qPrintable(server.url().toString()));
    std::fflush(stdout);
    return app.exec();
}
