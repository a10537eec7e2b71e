// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "session/viewstate.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// A named view the user keeps (or one the viewer ships).
struct SavedView final
{
    QString id; // stable: "builtin-..." for the shipped ones, a UUID for the user's
    QString name; // empty for a built-in the user has not renamed: its translated name shows
    ViewState state; // without selection and scroll position
    bool builtIn = false;
    bool hidden = false; // a built-in the user removed; it can come back

    [[nodiscard]] QString displayName() const;
    friend bool operator==(const SavedView &, const SavedView &) = default;
};

// The saved views in the user's order, built-ins first until moved (so they are on Ctrl+1..4), kept
// in the settings as JSON. Shared as a small versioned JSON file: importing says what it could
// not apply (a newer version, unknown fields) and changes nothing when the file cannot be read.
class SavedViews final
{
    Q_DECLARE_TR_FUNCTIONS(SavedViews)

public:
    static constexpr int FormatVersion = 1;
    static constexpr auto FileFormat = "emnify-event-viewer/views";

    SavedViews(); // the built-ins only
    [[nodiscard]] static QList<SavedView> builtIns();

    [[nodiscard]] const QList<SavedView> &views() const { return m_views; } // hidden ones too
    [[nodiscard]] QList<SavedView> shownViews() const; // in order: the first nine are Ctrl+1..9
    [[nodiscard]] const SavedView *find(const QString &id) const;

    QString add(const QString &name, const ViewState &state); // the new id
    bool rename(const QString &id, const QString &name);
    bool setState(const QString &id, const ViewState &state);
    bool remove(const QString &id); // a built-in is hidden instead
    bool setHidden(const QString &id, bool hidden);
    bool move(const QString &id, qsizetype to); // to: an index in views()
    void restoreBuiltIns(); // shows them again, with their shipped names and filters

    // The file people share: the given views (all shown ones when empty).
    [[nodiscard]] QByteArray exportJson(const QStringList &ids = {}) const;
    struct ImportResult
    {
        bool ok = false;
        QString error; // when !ok: why nothing was imported
        QStringList problems; // what was imported without (newer version, unknown fields)
        QStringList addedIds;
    };
    ImportResult importJson(const QByteArray &json);
    // Reads a views file without adding anything (File > Open view shows its first view).
    [[nodiscard]] static std::optional<QList<SavedView>> parseFile(
        const QByteArray &json, QString *error, QStringList *problems);
    // The same from the file's object, once read (ViewState::readFileObject).
    [[nodiscard]] static std::optional<QList<SavedView>> parseFileObject(
        const QJsonObject &object, QString *error, QStringList *problems);

    [[nodiscard]] QByteArray toSettings() const;
    [[nodiscard]] static SavedViews fromSettings(const QByteArray &json); // unreadable: the built-ins

private:
    QList<SavedView> m_views;
};
