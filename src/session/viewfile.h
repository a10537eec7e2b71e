// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "session/viewstate.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>

// What an export was: the view that made it, the account, when, how many rows. Written beside the
// export as <file>.view.json so that File > Open view reproduces it; reading it (or a saved-views
// file, whose first view it takes) gives the view back with what could not be applied.
struct ViewFile final
{
    static constexpr int FormatVersion = 1;
    static constexpr auto FileFormat = "emnify-event-viewer/view";

    ViewState view;
    QString account; // the account's name as the viewer showed it
    QDateTime exportedAt;
    qsizetype rows = -1; // -1: not an export's view
    QString exportedFile; // the export's file name, without its folder

    [[nodiscard]] static QString sidecarPath(const QString &exportPath); // "x.csv" -> "x.csv.view.json"
    [[nodiscard]] QByteArray toJson() const;
    bool write(const QString &path, QString *error) const;
    // A .view.json or a saved-views file; nullopt with error when it cannot be read.
    [[nodiscard]] static std::optional<ViewFile> parse(
        const QByteArray &json, QString *error, QStringList *problems);
    [[nodiscard]] static std::optional<ViewFile> read(
        const QString &path, QString *error, QStringList *problems);

    Q_DECLARE_TR_FUNCTIONS(ViewFile) // last: it ends in "private:"
};
