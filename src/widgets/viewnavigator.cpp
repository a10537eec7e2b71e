// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#include "widgets/viewnavigator.h"

#include "settings/viewersettings.h"
#include "widgets/savedviewsdialog.h"

#include <QAction>
#include <QInputDialog>
#include <QMenu>
#include <QScopedValueRollback>
#include <QWidget>

#include <utility>

namespace {
constexpr int NumberedViews = 9; // Ctrl+1 .. Ctrl+9
}

ViewNavigator::ViewNavigator(ViewerSettings *settings, Capture capture, Apply apply, QWidget *window)
    : QObject(window)
    , m_settings(settings)
    , m_capture(std::move(capture))
    , m_apply(std::move(apply))
    , m_window(window)
    , m_history(ViewHistory::fromJson(settings->viewHistory()))
    , m_saved(SavedViews::fromSettings(settings->savedViews()))
{
    m_stepTimer.setSingleShot(true);
    m_stepTimer.setInterval(StepDebounceMs);
    connect(&m_stepTimer, &QTimer::timeout, this, &ViewNavigator::recordNow);

    m_back = new QAction(QIcon::fromTheme(QStringLiteral("go-previous")), tr("&Back"), window);
    m_back->setObjectName(QStringLiteral("actionBack"));
    m_back->setStatusTip(tr("Go back to the previous filters, sort and selected event"));
    m_forward = new QAction(QIcon::fromTheme(QStringLiteral("go-next")), tr("&Forward"), window);
    m_forward->setObjectName(QStringLiteral("actionForward"));
    m_forward->setStatusTip(tr("Go forward again to the view you went back from"));
    // Alt+Left and Alt+Right as the issue asks, on every platform (a browser's keys on two of three).
    m_back->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Left));
    m_forward->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Right));
    window->addAction(m_back);
    window->addAction(m_forward);
    connect(m_back, &QAction::triggered, this, &ViewNavigator::goBack);
    connect(m_forward, &QAction::triggered, this, &ViewNavigator::goForward);

    m_menu = new QMenu(tr("V&iews"), window);
    m_menu->setObjectName(QStringLiteral("menuViews"));
    m_saveCurrent = new QAction(tr("&Save current view…"), window);
    m_saveCurrent->setObjectName(QStringLiteral("actionSaveView"));
    connect(m_saveCurrent, &QAction::triggered, this, &ViewNavigator::saveCurrentInteractively);
    m_manage = new QAction(tr("&Manage views…"), window);
    m_manage->setObjectName(QStringLiteral("actionManageViews"));
    connect(m_manage, &QAction::triggered, this, &ViewNavigator::manageViews);
    rebuildMenu();
    updateActions();
}

ViewNavigator::~ViewNavigator() = default;

void ViewNavigator::changed()
{
    if (!m_applying)
        m_stepTimer.start();
}

void ViewNavigator::recordNow()
{
    m_stepTimer.stop();
    if (m_applying)
        return;
    if (const std::optional<ViewState> state = m_capture())
        m_history.push(*state);
    updateActions();
}

void ViewNavigator::goBack()
{
    recordNow(); // a change still in its debounce is a step to come back to
    if (!m_history.canGoBack())
        return;
    if (const std::optional<ViewState> now = m_capture())
        m_history.updatePosition(*now); // forward returns to where the user was scrolled
    apply(m_history.back());
}

void ViewNavigator::goForward()
{
    recordNow();
    if (!m_history.canGoForward())
        return;
    if (const std::optional<ViewState> now = m_capture())
        m_history.updatePosition(*now);
    apply(m_history.forward());
}

void ViewNavigator::apply(const ViewState &state)
{
    {
        QScopedValueRollback guard(m_applying, true);
        m_apply(state); // restored() once the rows are in, maybe at once
    }
    m_stepTimer.stop(); // what putting it back changed is not a step of its own
    updateActions();
}

void ViewNavigator::applySaved(const QString &id)
{
    const SavedView *view = m_saved.find(id);
    if (!view)
        return;
    const QString name = view->displayName();
    applyView(view->state);
    Q_EMIT message(tr("View \"%1\" applied.").arg(name));
}

void ViewNavigator::applyView(const ViewState &state)
{
    recordNow();
    m_pushWhenRestored = true; // a step like any other change, once it is all put back
    apply(state);
}

void ViewNavigator::restored()
{
    // The selection put back moved the current row: that is no step of its own.
    m_stepTimer.stop();
    if (std::exchange(m_pushWhenRestored, false)) {
        if (const std::optional<ViewState> state = m_capture())
            m_history.push(*state);
    }
    updateActions();
}

QString ViewNavigator::saveCurrent(const QString &name)
{
    const std::optional<ViewState> state = m_capture();
    const QString id = m_saved.add(name, state.value_or(ViewState {}));
    save();
    rebuildMenu();
    Q_EMIT savedViewsChanged();
    return id;
}

void ViewNavigator::setSavedViews(const SavedViews &views)
{
    m_saved = views;
    save();
    rebuildMenu();
    Q_EMIT savedViewsChanged();
}

void ViewNavigator::saveCurrentInteractively()
{
    bool ok = false;
    const QString name = QInputDialog::getText(m_window, tr("Save current view"),
        tr("Name of the view (filters, time range, scope, columns and sort):"), QLineEdit::Normal, {}, &ok)
                             .trimmed();
    if (!ok || name.isEmpty())
        return;
    saveCurrent(name);
    Q_EMIT message(tr("View \"%1\" saved.").arg(name));
}

void ViewNavigator::manageViews()
{
    SavedViewsDialog dialog(
        m_saved, [this] { return m_capture().value_or(ViewState {}); }, m_window);
    dialog.exec(); // Close keeps what was done: each change is its own, like a file manager's
    setSavedViews(dialog.views());
}

void ViewNavigator::save()
{
    m_settings->setViewHistory(m_history.toJson());
    m_settings->setSavedViews(m_saved.toSettings());
}

void ViewNavigator::updateActions()
{
    m_back->setEnabled(m_history.canGoBack());
    m_forward->setEnabled(m_history.canGoForward());
}

void ViewNavigator::rebuildMenu()
{
    for (QAction *action : std::as_const(m_viewActions)) {
        m_window->removeAction(action);
        delete action; // never from its own triggered(): applying a view does not rebuild
    }
    m_viewActions.clear();
    m_menu->clear();
    m_menu->addAction(m_saveCurrent);
    m_menu->addAction(m_manage);
    m_menu->addSeparator();
    const QList<SavedView> shown = m_saved.shownViews();
    for (qsizetype i = 0; i < shown.size(); ++i) {
        const QString id = shown.at(i).id;
        // Names with '&' show it, not an accelerator.
        auto *action = new QAction(
            QString(shown.at(i).displayName()).replace(QLatin1Char('&'), QStringLiteral("&&")), m_window);
        action->setObjectName(QStringLiteral("actionView_") + id);
        if (i < NumberedViews) {
            action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + int(i))));
            m_window->addAction(action); // the shortcut works with the menu closed
        }
        connect(action, &QAction::triggered, this, [this, id] { applySaved(id); });
        m_menu->addAction(action);
        m_viewActions.append(action);
    }
}
