// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>

class ApiError;
class EventSession;
class EventTableModel;
class EventTableView;
class NewEventsBar;
class QAction;
class QLabel;
class QWidget;
class ViewerSettings;

// Follow mode in the window: the checkable Follow action (toolbar and View menu, remembered in
// the settings), the poll interval from the settings, the status bar's word on the last poll, and
// where new events go: at the top of a newest-first table with nothing selected they appear in
// place; anywhere else the view, the selection and the focus stay (EventTableView keeps its
// anchor) and the NewEventsBar counts them and offers to jump.
class FollowController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FollowController)

public:
    // None owned; all must outlive the controller. The action and the label are its children.
    FollowController(EventSession *session, EventTableView *table, EventTableModel *model, NewEventsBar *bar,
        ViewerSettings *settings, QWidget *parent);

    [[nodiscard]] QAction *action() const { return m_action; }
    // While there is nothing to follow (a team archive is shown): the action off and disabled, its
    // tooltip saying why; the setting is kept for later. An empty reason makes it available again.
    void setUnavailable(const QString &why);
    [[nodiscard]] QLabel *statusLabel() const { return m_status; }
    // The table shows the newest events at its top and the user is there: new rows may appear.
    [[nodiscard]] bool isAtNewest() const;
    void jumpToNewest();
    // The poll interval from the settings (again, after Preferences changed it).
    void applyInterval();

private:
    void onNewEvents(qsizetype count);
    void onPollFinished(const ApiError &error);
    void setFollowing(bool following);

    EventSession *m_session;
    EventTableView *m_table;
    EventTableModel *m_model;
    NewEventsBar *m_bar;
    ViewerSettings *m_settings;
    QAction *m_action;
    QLabel *m_status;
};
