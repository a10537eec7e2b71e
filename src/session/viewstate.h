// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "model/eventcolumns.h"
#include "session/viewrequest.h"
#include "settings/viewerfilterstate.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QStringList>

#include <optional>

// One view of the events as a value: the filter panel's state, the sort, the visible columns and
// where the user was (the selected event and the top row). A history step, a saved view and the
// view beside an export are all this, written as JSON with a version; reading says by name what
// it could not apply instead of dropping it.
struct ViewState final
{
    static constexpr int FormatVersion = 1;

    ViewerFilterState filter;
    QList<EntityPin> pins; // "Show only this device/SIM/...": the chips before the pivots
    int sortColumn = EventColumns::Time;
    Qt::SortOrder sortOrder = Qt::DescendingOrder;
    QList<EventColumns::Column> columns; // visible, in visual order; empty: leave the table's as is
    std::optional<qint64> selectedEventId;
    std::optional<qint64> topEventId; // the event in the top row: the scroll position

    // The same step for the history: everything but the scroll position, which refines a step.
    [[nodiscard]] bool sameStep(const ViewState &other) const;
    // Without the selection and the scroll position: what a saved view keeps.
    [[nodiscard]] ViewState withoutPosition() const;

    [[nodiscard]] QJsonObject toJson() const;
    // Reads what it can; each field it does not know, or whose value it cannot use, is named in
    // problems (with where, "views[2].sort") and left at its default.
    [[nodiscard]] static ViewState fromJson(
        const QJsonObject &object, QStringList *problems, const QString &where = {});
    // The top-level object of a view or views file; nullopt and *error when the text is not JSON.
    [[nodiscard]] static std::optional<QJsonObject> readFileObject(const QByteArray &json, QString *error);
    // The "version" of a view or views file: false (and *error) when it has none; a newer one than
    // readsUpTo is read as far as it goes, and problems says so.
    [[nodiscard]] static bool checkFileVersion(
        const QJsonObject &file, int readsUpTo, QString *error, QStringList *problems);

    friend bool operator==(const ViewState &, const ViewState &) = default;

    Q_DECLARE_TR_FUNCTIONS(ViewState) // last: it ends in "private:"
};
