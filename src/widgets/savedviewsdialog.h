// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include "session/savedviews.h"

#include <QDialog>

#include <functional>

class QListWidget;
class QPushButton;

// Views > Manage views: rename, replace with the current view, remove (a built-in is hidden),
// reorder, bring the built-ins back, and import or export a views file to share with a team.
class SavedViewsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SavedViewsDialog)

public:
    // current: the window's view now, for "Replace with current view".
    SavedViewsDialog(const SavedViews &views, std::function<ViewState()> current, QWidget *parent = nullptr);
    ~SavedViewsDialog() override;

    [[nodiscard]] const SavedViews &views() const { return m_views; }
    // Non-interactive import and export (the buttons end here); false with the dialog's message.
    bool importFile(const QString &path, QString *report);
    bool exportFile(const QString &path, QString *error) const;

private:
    void refill(const QString &selectId);
    void updateButtons();
    [[nodiscard]] QString selectedId() const;
    void renameSelected();
    void moveSelected(int delta);

    SavedViews m_views;
    std::function<ViewState()> m_current;
    QListWidget *m_list;
    QPushButton *m_rename;
    QPushButton *m_replace;
    QPushButton *m_remove;
    QPushButton *m_show;
    QPushButton *m_up;
    QPushButton *m_down;
};
