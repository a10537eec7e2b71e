// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QObject>

class QAction;
class QWidget;

// Makes the window's own shortcuts win over the editing keys of whichever widget has focus. A line
// edit on X11 claims Ctrl+E ("end of line"), a text view Ctrl+Home, so without this Ctrl+E would do
// nothing while the cursor is in the search box. Only actions with a window or application context
// are taken; widget shortcuts (Ctrl+C copying rows only in the table) leave other widgets alone.
class WindowShortcuts final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WindowShortcuts)

public:
    // Watches the application's events for the key presses meant for `window` and its children.
    explicit WindowShortcuts(QWidget *window);
    ~WindowShortcuts() override;

    // Every action of the window that has a shortcut, window-wide or not, in creation order: what
    // the shortcuts list shows.
    [[nodiscard]] static QList<QAction *> actionsWithShortcuts(const QWidget *window);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    [[nodiscard]] bool isWindowShortcut(const QKeySequence &keys) const;

    QWidget *m_window;
};
