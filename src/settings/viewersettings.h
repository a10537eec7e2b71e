// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "model/timedisplay.h"
#include "settings/savedaccount.h"
#include "settings/viewerfilterstate.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QUrl>

class QSettings;

// Typed access to what the viewer remembers between runs, over an injected QSettings (the app
// passes its own, tests a temporary one). Never holds the application token: that lives in the OS
// keychain or in memory only.
class ViewerSettings final
{
public:
    explicit ViewerSettings(QSettings *settings); // not owned, must outlive this
    ViewerSettings(const ViewerSettings &) = delete;
    ViewerSettings &operator=(const ViewerSettings &) = delete;

    [[nodiscard]] static QUrl defaultApiUrl();
    [[nodiscard]] QUrl apiUrl() const;
    void setApiUrl(const QUrl &url);
    // Whether the user asked to keep the token in the keychain (so it is read from there at start).
    [[nodiscard]] bool rememberToken() const;
    void setRememberToken(bool remember);

    // The named connections, in the order the user added them. Settings from before accounts
    // existed (one API URL) read as one account named after its host, whose keychain entry is
    // the host (where that version kept the token).
    [[nodiscard]] QList<SavedAccount> accounts() const;
    void setAccounts(const QList<SavedAccount> &accounts);
    // The account the viewer used last (its id), to start on it; empty when none.
    [[nodiscard]] QString lastAccountId() const;
    void setLastAccountId(const QString &id);

    // How long and how much the local archives keep: events older than this many months and the
    // oldest beyond the size limit are pruned (0 bytes: no limit).
    static constexpr int DefaultRetentionMonths = 13;
    static constexpr qint64 DefaultArchiveMaxBytes = qint64(2) << 30; // 2 GiB
    [[nodiscard]] int archiveRetentionMonths() const; // 1 to 120
    void setArchiveRetentionMonths(int months);
    [[nodiscard]] qint64 archiveMaxBytes() const;
    void setArchiveMaxBytes(qint64 bytes);

    [[nodiscard]] QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray &geometry);
    [[nodiscard]] QByteArray windowState() const; // docks and toolbars
    void setWindowState(const QByteArray &state);
    [[nodiscard]] QByteArray splitterState() const;
    void setSplitterState(const QByteArray &state);
    [[nodiscard]] QByteArray headerState() const; // table column order, widths, hidden columns
    void setHeaderState(const QByteArray &state);

    [[nodiscard]] TimeDisplay timeDisplay() const;
    void setTimeDisplay(TimeDisplay display);

    [[nodiscard]] ViewerFilterState filterState() const;
    void setFilterState(const ViewerFilterState &state);

    // The user's names for SIM order shipping provider ids (the API does not name them): empty by
    // default, so the viewer shows "provider 2" until someone says which carrier 2 is.
    [[nodiscard]] QHash<qint64, QString> providerNames() const;
    void setProviderNames(const QHash<qint64, QString> &names);

    // The export dialog's choices, offered again next time. Keeping credentials is not among
    // them: it is asked for each time.
    struct ExportPreferences
    {
        QString directory; // empty: none chosen yet
        bool includePayload = false;
        bool wholeEventPayload = false; // the payload column holds the whole event, not only detail
        bool forExcel = false; // UTF-8 BOM, and "sep=," where Excel expects ';'
        bool neutraliseFormulas = true; // CSV export and Ctrl+C alike
        bool writeView = false; // the .view.json beside the export (ViewFile)
        bool jsonLines = false; // the format: JSON Lines (.jsonl) instead of CSV, the default
    };
    [[nodiscard]] ExportPreferences exportPreferences() const;
    void setExportPreferences(const ExportPreferences &preferences);
    // Follow mode (View > Follow): off by default; polls every followIntervalSeconds() (default
    // 30, at least 1; the session waits longer where the rate limits want it).
    // The most rows a team archive's view loads (teamArchive/rowLimit): the newest of a larger
    // result, and a banner says how many there are. Memory, not speed, sets it.
    static constexpr qsizetype DefaultTeamArchiveRowLimit = 2'000'000;
    [[nodiscard]] qsizetype teamArchiveRowLimit() const;
    void setTeamArchiveRowLimit(qsizetype rows);

    [[nodiscard]] bool follow() const;
    void setFollow(bool follow);
    [[nodiscard]] int followIntervalSeconds() const;
    void setFollowIntervalSeconds(int seconds);
    // The timeline above the table (View > Timeline): shown by default.
    [[nodiscard]] bool timelineVisible() const;
    void setTimelineVisible(bool visible);
    // What Ctrl+C copies (Edit > Copy as): a TicketCopy format key, "table" by default.
    [[nodiscard]] QString copyFormat() const;
    void setCopyFormat(const QString &key);

    // Back/forward history and saved views, as JSON the session's ViewHistory and SavedViews
    // write (empty: none yet).
    [[nodiscard]] QByteArray viewHistory() const;
    void setViewHistory(const QByteArray &json);
    [[nodiscard]] QByteArray savedViews() const;
    void setSavedViews(const QByteArray &json);

    void sync();

private:
    QSettings *m_settings;
};
