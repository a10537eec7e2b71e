// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>

// The throwaway PostgreSQL cluster of the "postgres" CTest fixture (tests/support/pgcluster), as
// the tests use it: EV_PG_STATE names the folder with its conninfo and password.
namespace PgTestDatabase {

// The superuser's password (also put in PGPASSWORD, for libpq in this process); empty without
// the fixture.
[[nodiscard]] QByteArray password();
// A new, empty database (an old one of that name is dropped first); its postgresql:// URL
// without a password, or empty (with a warning) when there is no cluster.
[[nodiscard]] QString create(const QByteArray &name);
// The first value of a query's first row, as a number; -1 on failure.
[[nodiscard]] qint64 queryInt(const QString &url, const char *sql);
// True when the statement ran.
bool execute(const QString &url, const char *sql);

} // namespace PgTestDatabase
