// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "session/savedviews.h"
#include "session/viewhistory.h"

#include <QList>
#include <QObject>
#include <QTimer>

#include <functional>
#include <optional>

class QAction;
class QMenu;
class QWidget;
class ViewerSettings;

// Back/forward through the view's steps and the saved views, for the window: the actions (Alt+Left,
// Alt+Right, Ctrl+1..9), the Views menu, the manage dialog, and what the settings keep of both.
// Which state the window is in, and how a state is put back, are the window's: it passes both.
class ViewNavigator final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ViewNavigator)

public:
    // A change of the view records a step once changes have paused this long: the keys of a search
    // typed or a row walked through with the arrow keys are one step.
    static constexpr int StepDebounceMs = 700;
    // nullopt: not now (a restored view is still being put back).
    using Capture = std::function<std::optional<ViewState>()>;
    using Apply = std::function<void(const ViewState &)>;

    // settings: not owned, must outlive this. window: parent, and where dialogs open.
    ViewNavigator(ViewerSettings *settings, Capture capture, Apply apply, QWidget *window);
    ~ViewNavigator() override;

    [[nodiscard]] QAction *backAction() const { return m_back; }
    [[nodiscard]] QAction *forwardAction() const { return m_forward; }
    [[nodiscard]] QMenu *viewsMenu() const { return m_menu; }
    [[nodiscard]] const ViewHistory &history() const { return m_history; }
    [[nodiscard]] const SavedViews &savedViews() const { return m_saved; }

    void changed(); // the view changed: a step once the burst is over
    void recordNow(); // the pending step (if any) at once
    void goBack();
    void goForward();
    void applySaved(const QString &id);
    // Puts this view back as a new step (a saved view, a view file): Back returns to what was.
    void applyView(const ViewState &state);
    // The window has put a view back, its selection too (maybe long after apply, once read).
    void restored();
    // As a saved view under this name; the new id.
    QString saveCurrent(const QString &name);
    void setSavedViews(const SavedViews &views);
    void saveCurrentInteractively(); // Views > Save current view…
    void manageViews(); // Views > Manage views…
    void save(); // into the settings (the window's close)

Q_SIGNALS:
    void savedViewsChanged();
    void message(const QString &text);

private:
    void apply(const ViewState &state);
    void updateActions();
    void rebuildMenu();

    ViewerSettings *m_settings;
    Capture m_capture;
    Apply m_apply;
    QWidget *m_window;
    ViewHistory m_history;
    SavedViews m_saved;
    QTimer m_stepTimer;
    QAction *m_back;
    QAction *m_forward;
    QAction *m_saveCurrent;
    QAction *m_manage;
    QMenu *m_menu;
    QList<QAction *> m_viewActions; // the saved views in the menu
    bool m_applying = false;
    bool m_pushWhenRestored = false; // applyView(): the view put back is a new step
};
