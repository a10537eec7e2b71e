// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "pgtestdatabase.h"

#include <QFile>

#include <libpq-fe.h>

namespace {

QByteArray state(const char *name)
{
    QFile file(qEnvironmentVariable("EV_PG_STATE") + QLatin1Char('/') + QLatin1String(name));
    return file.open(QIODevice::ReadOnly) ? file.readAll().trimmed() : QByteArray();
}

PGresult *run(PGconn *connection, const char *sql, bool *ok)
{
    PGresult *result = PQexec(connection, sql);
    *ok = PQresultStatus(result) == PGRES_COMMAND_OK || PQresultStatus(result) == PGRES_TUPLES_OK;
    if (!*ok)
        qWarning("%s: %s", sql, PQerrorMessage(connection));
    return result;
}

} // namespace

QByteArray PgTestDatabase::password()
{
    const QByteArray password = state("password");
    qputenv("PGPASSWORD", password);
    return password;
}

QString PgTestDatabase::create(const QByteArray &name)
{
    const QByteArray conninfo = state("conninfo");
    if (conninfo.isEmpty() || password().isEmpty()) {
        qWarning("no PostgreSQL cluster: run this test through ctest (fixture \"postgres\")");
        return {};
    }
    PGconn *admin = PQconnectdb(conninfo.constData());
    PQsetNoticeProcessor(admin, [](void *, const char *) { }, nullptr); // "does not exist, skipping"
    bool ok = false;
    PQclear(run(admin, ("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)").constData(), &ok));
    PQclear(run(admin, ("CREATE DATABASE " + name).constData(), &ok));
    PQfinish(admin);
    QString host, port;
    for (const QByteArray &pair : conninfo.split(' ')) {
        if (pair.startsWith("host="))
            host = QString::fromLatin1(pair.mid(5));
        else if (pair.startsWith("port="))
            port = QString::fromLatin1(pair.mid(5));
    }
    return ok ? QStringLiteral("postgresql://ev_test@%1:%2/%3").arg(host, port, QString::fromLatin1(name)) : QString();
}

qint64 PgTestDatabase::queryInt(const QString &url, const char *sql)
{
    PGconn *connection = PQconnectdb(url.toUtf8().constData());
    bool ok = false;
    PGresult *result = run(connection, sql, &ok);
    const qint64 n = ok && PQntuples(result) > 0 ? QByteArray(PQgetvalue(result, 0, 0)).toLongLong() : -1;
    PQclear(result);
    PQfinish(connection);
    return n;
}

bool PgTestDatabase::execute(const QString &url, const char *sql)
{
    PGconn *connection = PQconnectdb(url.toUtf8().constData());
    bool ok = false;
    PQclear(run(connection, sql, &ok));
    PQfinish(connection);
    return ok;
}
