// SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>
#include <QList>

class QAction;
class QTableWidget;

// Help > Keyboard shortcuts: every shortcut of the window, read from its actions when the dialog
// opens (so the list cannot fall behind the menus). A shortcut that only works in one part of the
// window says where.
class ShortcutsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ShortcutsDialog)

public:
    explicit ShortcutsDialog(const QList<QAction *> &actions, QWidget *parent = nullptr);
    ~ShortcutsDialog() override;

    // The rows as shown: {what it does, keys}.
    [[nodiscard]] QList<std::pair<QString, QString>> rows() const;

private:
    QTableWidget *m_table;
};
