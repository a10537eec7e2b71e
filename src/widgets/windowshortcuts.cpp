// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "widgets/windowshortcuts.h"

#include <QAction>
#include <QCoreApplication>
#include <QKeyEvent>
#include <QWidget>

WindowShortcuts::WindowShortcuts(QWidget *window)
    : QObject(window)
    , m_window(window)
{
    QCoreApplication::instance()->installEventFilter(this);
}

WindowShortcuts::~WindowShortcuts() = default;

QList<QAction *> WindowShortcuts::actionsWithShortcuts(const QWidget *window)
{
    QList<QAction *> actions;
    for (QAction *action : window->findChildren<QAction *>()) {
        if (!action->shortcut().isEmpty() && !actions.contains(action))
            actions.append(action);
    }
    return actions;
}

bool WindowShortcuts::isWindowShortcut(const QKeySequence &keys) const
{
    for (QAction *action : m_window->findChildren<QAction *>()) {
        const Qt::ShortcutContext context = action->shortcutContext();
        if (action->isEnabled() && (context == Qt::WindowShortcut || context == Qt::ApplicationShortcut)
            && action->shortcuts().contains(keys))
            return true;
    }
    return false;
}

bool WindowShortcuts::eventFilter(QObject *watched, QEvent *event)
{
    // The focus widget gets ShortcutOverride first; accepting it turns the key into typing. Left
    // unaccepted (and stopped here) the shortcut map fires the window's action.
    if (event->type() != QEvent::ShortcutOverride || !watched->isWidgetType()
        || static_cast<QWidget *>(watched)->window() != m_window)
        return false;
    const auto *key = static_cast<QKeyEvent *>(event);
    if (!isWindowShortcut(QKeySequence(key->keyCombination())))
        return false;
    event->ignore();
    return true;
}
